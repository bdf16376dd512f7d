"""``python -m tools check`` for practice questions (``/// vraag`` blocks, issue 16).

Per question, in every language: a valid id, the question text, 2 to 4 answers with
exactly one marked ``(x)``, an explanation (``>`` lines), and one link to a page and
heading that exist (the target page's headings come from the source reader). A
translation has the questions of the Dutch page, with the same ids in the same order,
the same number of answers and the right answer in the same place (answers are
remembered by number, across languages). Every finding names ``path:line``.

``missing_modules`` warns about each thema of the content model (mkdocs.yml ``themas``)
that has no practice module (``docs/oefenen/<thema>.md``, ``type: oefenen``) or one with
fewer than ``MIN_QUESTIONS`` questions (issue 16: at least six per thema).
"""
from __future__ import annotations

import posixpath

from tools.wegwijs import findings as F
from tools.wegwijs.sources import practice, reader

MIN_QUESTIONS = 6  # per thema (issue 16)
MODULE_DIR = "oefenen"


def _link_findings(site, page, q) -> list[F.Finding]:
    if not q.link_target:
        return [F.error(page.rel, f"question '{q.id}' has no link: add a line like "
                        "'[Wonen: uitleg](../thema/wonen.md#uitleg)' to the place where the "
                        "answer is", "practice-link", line=q.line)]
    target, _, anchor = q.link_target.partition("#")
    if "://" in target or not target.endswith(".md"):
        return [F.error(page.rel, f"question '{q.id}': link to a page of this site "
                        "(a .md file), e.g. '../thema/wonen.md#uitleg'", "practice-link",
                        line=q.link_line)]
    src = posixpath.normpath(posixpath.join(posixpath.dirname(page.src), target))
    dutch = site.source_pages().get(src)
    if dutch is None:
        return [F.error(page.rel, f"question '{q.id}': the page '{target}' does not exist",
                        "practice-link", line=q.link_line)]
    if not anchor:
        return [F.error(page.rel, f"question '{q.id}': link to the heading where the answer is "
                        f"('{target}#<heading id>')", "practice-link", line=q.link_line)]
    ids = {h.id for h in dutch.markdown.headings}
    if anchor not in ids:
        return [F.error(page.rel, f"question '{q.id}': '{target}' has no heading "
                        f"'#{anchor}'; use one of: {', '.join(sorted(ids))}", "practice-link",
                        line=q.link_line)]
    return []


def question_findings(site, page, q) -> list[F.Finding]:
    """The findings of one question on its own (not compared with the Dutch page)."""
    out = [F.error(page.rel, message, "practice-syntax", line=line) for line, message in q.problems]
    if not reader.VALID_ID.match(q.id):
        out.append(F.error(page.rel, f"question id '{q.id}': write '/// vraag | <id>' with a-z, "
                           "0-9 and '-'", "practice-syntax", line=q.line))
    if not q.text:
        out.append(F.error(page.rel, f"question '{q.id}' has no question text: write it on the "
                           "line after '/// vraag'", "practice-syntax", line=q.line))
    n = len(q.answers)
    if not practice.MIN_ANSWERS <= n <= practice.MAX_ANSWERS:
        out.append(F.error(page.rel, f"question '{q.id}' has {n} answers: give 2 to 4 "
                           "('( ) text', one of them '(x) text')", "practice-answers", line=q.line))
    if len(q.right) != 1:
        out.append(F.error(page.rel, f"question '{q.id}' has {len(q.right)} right answers: mark "
                           "exactly one answer with '(x)'", "practice-answers", line=q.line))
    if not q.explanation:
        out.append(F.error(page.rel, f"question '{q.id}' has no explanation: add a line "
                           "'> …' that says in short why the answer is right",
                           "practice-explanation", line=q.line))
    out += _link_findings(site, page, q)
    return out


def compare(page, questions, dutch_questions) -> list[F.Finding]:
    """A translation against the Dutch page: same ids, order, answer count, right answer."""
    out = []
    ids = [q.id for q in questions]
    dutch_ids = [q.id for q in dutch_questions]
    if ids != dutch_ids:
        line = questions[0].line if questions else 1
        out.append(F.error(page.rel, f"{len(questions)} questions ({', '.join(ids) or 'none'}); "
                           f"the Dutch page has {len(dutch_questions)} "
                           f"({', '.join(dutch_ids) or 'none'}): keep the Dutch ids and order",
                           "practice-structure", line=line))
    dutch = {q.id: q for q in dutch_questions}
    for q in questions:
        source = dutch.get(q.id)
        if source is None:
            continue
        if len(q.answers) != len(source.answers):
            out.append(F.error(page.rel, f"question '{q.id}' has {len(q.answers)} answers; the "
                               f"Dutch page has {len(source.answers)}", "practice-structure",
                               line=q.line))
        elif q.right != source.right:
            out.append(F.error(page.rel, f"question '{q.id}': the right answer is number "
                               f"{source.right} on the Dutch page, here {q.right}: keep the "
                               "answers in the Dutch order", "practice-structure", line=q.line))
    return out


def check(project) -> list[F.Finding]:
    """For ``python -m tools check``: every practice question of the project, and the
    thema's without a practice module."""
    from tools.wegwijs.sources import content_model

    site = content_model.project_site(project)
    config = content_model.display_path(project.config_file, project.root)
    return check_site(site) + missing_modules(site, config, _themas_line(project.config_file))


def _themas_line(config_file) -> int:
    """The line of ``themas:`` in mkdocs.yml (1 when it cannot be read)."""
    try:
        lines = config_file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    return next((n for n, line in enumerate(lines, start=1) if line.strip().startswith("themas:")), 1)


def missing_modules(site, config_rel: str = "mkdocs.yml", themas_line: int = 1) -> list[F.Finding]:
    """A warning for each thema of the content model without a Dutch practice module, or
    with one of fewer than MIN_QUESTIONS questions. The finding names the thema's page
    (else the ``themas:`` line of mkdocs.yml) and the file to write."""
    default = site.model.default_language
    modules = {p.meta.get("thema"): p for p in site.by_lang(default)
               if p.meta.get("type") == "oefenen" and p.meta.get("thema")}
    themas = {p.meta.get("thema"): p for p in site.by_lang(default) if p.meta.get("type") == "thema"}
    out: list[F.Finding] = []
    for thema in site.model.themas:
        module = modules.get(thema)
        if module is not None:
            count = len(practice.parse(module.markdown))
            if count < MIN_QUESTIONS:
                out.append(F.warning(module.rel, f"the practice module of thema '{thema}' has "
                                     f"{count} questions: give it at least {MIN_QUESTIONS}",
                                     "practice-missing", line=module.line_of("thema")))
            continue
        page = themas.get(thema)
        where, line = (page.rel, page.line_of("thema")) if page is not None else (config_rel, themas_line)
        out.append(F.warning(where, f"thema '{thema}' has no practice module: write "
                             f"docs/{MODULE_DIR}/{thema}.md (type: oefenen, thema: {thema}) with at "
                             f"least {MIN_QUESTIONS} questions from the thema page, then its "
                             "translations", "practice-missing", line=line))
    return out


def check_site(site) -> list[F.Finding]:
    default = site.model.default_language
    sources = site.source_pages()
    out: list[F.Finding] = []
    seen: dict[str, tuple[str, int]] = {}
    for page in site.pages:
        questions = practice.parse(page.markdown)
        if not questions and page.meta.get("type") != "oefenen":
            continue
        for q in questions:
            out += question_findings(site, page, q)
            if page.lang == default and q.id:
                if q.id in seen:
                    out.append(F.error(page.rel, f"question id '{q.id}' is already used in "
                                       f"{seen[q.id][0]}:{seen[q.id][1]}: give this question "
                                       "its own id", "practice-syntax", line=q.line))
                else:
                    seen[q.id] = (page.rel, q.line)
        if page.lang != default and page.src in sources:
            out += compare(page, questions, practice.parse(sources[page.src].markdown))
    return out
