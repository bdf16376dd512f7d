"""``python -m tools translations``: which translations are missing, outdated or out of step.

For every Dutch page (the source; pages with ``translate: false`` are skipped):

- ``translation-missing``: a language of mkdocs.yml has no ``x.<lang>.md``;
- ``translation-outdated``: the translation's ``translated_from`` is not the
  fingerprint of the Dutch page as it is now (or the field is missing);
- ``translation-structure``: the translation's checklist item ids (``- [ ] ... {#id}``
  and ``[[taak:<id>]]`` lines) or heading ids (``## Kop {#id}``) differ from the Dutch
  page in number or id.

The catalogues in data/ follow the same rules (``catalogue_findings``): a translation
``data/<kind>.<lang>.yml`` records ``translated_from``, the fingerprint of the Dutch
file's translatable text (``sources.catalogue.Catalogue.fingerprint``), and
``--mark-done data/tasks.en.yml`` writes it.

The fingerprint (``fingerprint()``, the only implementation) is the first 12 hex
digits of the SHA-256 of the Dutch page's ``title`` and ``description`` (when it has
them: a translation translates those too) and its body after the front matter, with line
endings normalised to ``\\n``, trailing whitespace stripped from every line and
blank lines at the start and end removed. A translator who has checked a
translation against the current Dutch page runs
``python -m tools translations --mark-done docs/x.<lang>.md``, which writes
``translated_from: <fingerprint>`` into its front matter. ``--diff`` shows, for
each outdated translation, what changed in the Dutch page since the recorded
fingerprint (the revision is looked up in ``git log`` of the Dutch file), so a
translator reviews only what changed.

The command also reports interface strings missing in ``translations/``
(``tools/ui_strings.check``); ``python -m tools check`` runs that check on its own.
"""
from __future__ import annotations

import dataclasses
import difflib
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from tools.wegwijs.project import Project
from tools.wegwijs.sources import content_model as cm
from tools.wegwijs.sources import git_state
from tools.wegwijs.sources import reader
from tools.wegwijs import findings as F

FIELD = "translated_from"


# --------------------------------------------------------------------------- fingerprint


def normalise(body: str) -> str:
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def body_of(text: str) -> str:
    """The text after the front matter (the whole text when there is none)."""
    text = text.lstrip("\ufeff")
    parts = cm.split_front_matter(text)
    return parts[1] if parts else text


TRANSLATED_META = ("title", "description")  # front matter a translation translates too


def fingerprint(body: str, meta: dict | None = None) -> str:
    """Fingerprint of a Dutch page: its body (the text after its front matter) and the
    front matter a translation translates (``title``, ``description``, when present)."""
    head = "".join(f"{key}: {meta[key]}\n" for key in TRANSLATED_META
                   if isinstance((meta or {}).get(key), str))
    return hashlib.sha256((head + normalise(body)).encode("utf-8")).hexdigest()[:12]


def fingerprint_text(text: str) -> str:
    """Fingerprint of a Dutch page's whole text (front matter and body)."""
    text = text.lstrip("\ufeff")
    parts = cm.split_front_matter(text)
    if parts is None:
        return fingerprint(text)
    try:
        meta, _lines = cm.parse_front_matter(parts[0])
    except Exception:  # malformed front matter: the content check reports it
        meta = None
    return fingerprint(parts[1], meta if isinstance(meta, dict) else None)


def fingerprint_file(path: Path) -> str:
    return fingerprint_text(path.read_text(encoding="utf-8-sig"))


# --------------------------------------------------------------------------- structure


@dataclass
class Structure:
    items: list[tuple[str, int]] = field(default_factory=list)  # (id, line)
    headings: list[tuple[str, int]] = field(default_factory=list)


def structure(body: str | reader.Body, first_line: int = 1) -> Structure:
    """Checklist item ids and explicit heading ids outside code, as the source reader reads them."""
    if not isinstance(body, reader.Body):
        body = reader.Body(body, first_line)
    from tools.wegwijs.markdown.tasks import lines as task_lines  # [[taak:<id>]] items

    items = [(i.id, i.line) for i in body.items if i.id] + list(
        (task_id, line) for line, task_id in task_lines(body))
    return Structure(items=sorted(items, key=lambda item: item[1]),
                     headings=[(h.id, h.line) for h in body.headings if h.explicit])


def _compare(kind: str, source: list[tuple[str, int]], target: list[tuple[str, int]],
             page: cm.Page, source_page: cm.Page) -> list[F.Finding]:
    out = []
    src_ids = [i for i, _ in source]
    tgt_ids = [i for i, _ in target]
    for ident, line in target:
        if ident not in src_ids:
            out.append(F.error(page.rel, f"{kind} {{#{ident}}} is not on the Dutch page "
                               f"{source_page.rel}: use the same ids as the Dutch page",
                               "translation-structure", line=line))
    lost = [(ident, line) for ident, line in source if ident not in tgt_ids]
    if lost:
        ids = ", ".join(f"{{#{ident}}}" for ident, _ in lost)
        out.append(F.error(page.rel, f"{len(lost)} {kind}(s) of {source_page.rel} missing in this "
                           f"translation: {ids}; translate them with the same ids",
                           "translation-structure", line=page.body_line))
    if not out and len(src_ids) != len(tgt_ids):
        out.append(F.error(page.rel, f"{len(tgt_ids)} {kind}s, the Dutch page {source_page.rel} "
                           f"has {len(src_ids)}: each id once, as on the Dutch page",
                           "translation-structure", line=page.body_line))
    return out


# --------------------------------------------------------------------------- status


@dataclass
class PageStatus:
    source: cm.Page
    missing: list[str] = field(default_factory=list)
    outdated: dict[str, cm.Page] = field(default_factory=dict)
    current: dict[str, cm.Page] = field(default_factory=dict)


@dataclass
class Status:
    model: cm.Model
    pages: list[PageStatus]
    findings: list[F.Finding]
    content_findings: list[F.Finding]

    def summary(self) -> dict[str, dict]:
        """Per language: number of pages, translated, up to date, and the percentages."""
        total = len(self.pages)
        out = {}
        for lang in self.model.translations:
            translated = sum(1 for p in self.pages if lang not in p.missing)
            current = sum(1 for p in self.pages if lang in p.current)
            out[lang] = {
                "pages": total, "translated": translated, "up_to_date": current,
                "translated_pct": round(100 * translated / total) if total else 100,
                "up_to_date_pct": round(100 * current / total) if total else 100,
            }
        return out


def model_for(project: Project, docs: str | Path | None = None) -> tuple[cm.Model, Path]:
    """The project's content model, with docs_dir replaced by ``docs``; and the root for
    display paths."""
    model = cm.load_model(project.config_file)
    if docs is None:
        return model, project.root
    docs_dir = Path(docs).resolve()
    return dataclasses.replace(model, docs_dir=docs_dir), docs_dir.parent


def status(model: cm.Model, root: Path, site: cm.Site | None = None) -> Status:
    site = site or cm.scan(model, root=root)  # shared with the other checks (cached)
    dutch = model.default_language
    by_src: dict[str, dict[str, cm.Page]] = {}
    for page in site.pages:
        by_src.setdefault(page.src, {})[page.lang] = page
    pages: list[PageStatus] = []
    out: list[F.Finding] = []
    for src in sorted(by_src):
        versions = by_src[src]
        source = versions.get(dutch)
        if source is None or source.meta.get("translate") is False:
            continue
        current_fp = fingerprint(source.body, source.meta)
        source_structure = structure(source.markdown)
        entry = PageStatus(source)
        for lang in model.translations:
            page = versions.get(lang)
            if page is None:
                entry.missing.append(lang)
                out.append(F.error(source.rel, f"missing {lang} translation", "translation-missing"))
                continue
            recorded = page.meta.get(FIELD)
            if recorded is None:
                entry.outdated[lang] = page
                out.append(F.error(page.rel, f"outdated: no '{FIELD}' in the front matter, so it "
                                   "is unknown which Dutch text was translated; when it matches "
                                   "the Dutch page, run python -m tools translations --mark-done "
                                   f"{page.rel}", "translation-outdated"))
            elif str(recorded) != current_fp:
                entry.outdated[lang] = page
                out.append(F.error(page.rel, "outdated: Dutch page changed since this translation",
                                   "translation-outdated"))
            else:
                entry.current[lang] = page
            target = structure(page.markdown)
            out.extend(_compare("checklist item", source_structure.items, target.items, page, source))
            out.extend(_compare("heading id", source_structure.headings, target.headings, page,
                                source))
        pages.append(entry)
    return Status(model, pages, out, site.findings)


# --------------------------------------------------------------------------- catalogues


def catalogue_findings(model: cm.Model, root: Path) -> list[F.Finding]:
    """Translations of the catalogues in data/ (``data/<kind>.<lang>.yml``), by the same rules
    as pages: ``translated_from`` must be the fingerprint of the Dutch file's translatable
    text (``translation-outdated``). A missing file or text is a warning
    (``catalogue-translation-missing``): the site shows the Dutch text, marked as Dutch."""
    from tools.wegwijs.sources import catalogue as cat

    catalogue = cat.load(root / "data", model.languages, root)
    out: list[F.Finding] = []
    for kind in cat.NAMES:
        records = catalogue.records(kind)
        if not records:
            continue
        current = catalogue.fingerprint(kind)
        source = catalogue.sources[kind]
        for lang in model.translations:
            translation = catalogue.translations.get((kind, lang))
            name = f"data/{kind}.{lang}.yml"
            if translation is None:
                out.append(F.warning(source, f"missing {lang} translation: create {name} with the "
                                     f"translated {', '.join(cat.TRANSLATABLE[kind])} per id",
                                     "catalogue-translation-missing", line=1))
                continue
            if translation.fingerprint is None:
                out.append(F.error(translation.path, f"outdated: no '{FIELD}', so it is unknown "
                                   "which Dutch text was translated; when it is done: python -m "
                                   f"tools translations --mark-done {name}",
                                   "translation-outdated", line=1))
            elif translation.fingerprint != current:
                out.append(F.error(translation.path, f"outdated: data/{kind}.yml changed since this "
                                   f"translation; update it, then python -m tools translations "
                                   f"--mark-done {name}", "translation-outdated", line=1))
            absent = [r for r in records.values() if any(
                r.data.get(key) and not str(translation.texts.get(r.id, {}).get(key) or "").strip()
                for key in cat.TRANSLATABLE[kind])]
            if absent:
                ids = ", ".join(r.id for r in absent[:5]) + (", …" if len(absent) > 5 else "")
                out.append(F.warning(translation.path, f"{len(absent)} record(s) of data/{kind}.yml "
                                     f"have no {lang} text yet (shown in Dutch): {ids}",
                                     "catalogue-translation-missing", line=1))
    return out


def mark_done_catalogue(project, path: Path, path_arg: str) -> str:
    """Write ``translated_from: <fingerprint of the Dutch catalogue>`` into data/<kind>.<lang>.yml."""
    from tools.wegwijs.cli import UsageError
    from tools.wegwijs.sources import catalogue as cat

    model = cm.load_model(project.config_file)
    parts = path.name.split(".")
    if len(parts) != 3 or parts[0] not in cat.NAMES or parts[1] not in model.translations:
        raise UsageError(f"translations --mark-done: {path_arg} is not a catalogue translation; "
                         f"give data/<{'|'.join(cat.NAMES)}>.<{'|'.join(model.translations)}>.yml")
    data_dir = path.resolve().parent
    catalogue = cat.load(data_dir, model.languages, data_dir.parent)
    if not catalogue.records(parts[0]):
        raise UsageError(f"translations --mark-done: data/{parts[0]}.yml has no records to "
                         "compare with")
    fp = catalogue.fingerprint(parts[0])
    text = path.read_text(encoding="utf-8-sig")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    new_line = f"{FIELD}: {fp}{newline}"
    for i, line in enumerate(lines):
        if re.match(rf"^{FIELD}\s*:", line):
            lines[i] = new_line
            break
    else:  # after the leading comments, before the data
        at = next((i for i, line in enumerate(lines) if line.strip() and not line.startswith("#")),
                  len(lines))
        lines.insert(at, new_line)
    path.write_text("".join(lines), encoding="utf-8", newline="")
    return f"{path_arg}: {FIELD}: {fp} (data/{parts[0]}.yml as it is now)"


# --------------------------------------------------------------------------- git history


def dutch_text_at(path: Path, wanted: str) -> tuple[str, str] | None:
    """(revision, text) of the Dutch file's newest committed version whose fingerprint is
    ``wanted``; None when no such version is in the git history."""
    path = path.resolve()
    top = git_state.git(["rev-parse", "--show-toplevel"], path.parent)
    if not top:
        return None
    top_path = Path(top.strip())
    rel = path.relative_to(top_path).as_posix()
    log = git_state.git(["log", "--format=%H", "--follow", "--name-only", "--", rel], top_path)
    if not log:
        return None
    lines = [l for l in log.splitlines() if l.strip()]
    # pairs of (commit, path at that commit), following renames
    pairs, commit = [], None
    for line in lines:
        if re.fullmatch(r"[0-9a-f]{40}", line):
            commit = line
        elif commit:
            pairs.append((commit, line))
            commit = None
    for commit, name in pairs:
        text = git_state.git(["show", f"{commit}:{name}"], top_path)
        if text is not None and fingerprint_text(text) == wanted:
            return commit, text
    return None


def dutch_diff(source: cm.Page, translation: cm.Page) -> str:
    """What changed in the Dutch page since the version the translation was made from."""
    recorded = translation.meta.get(FIELD)
    if recorded is None:
        return (f"{translation.rel} has no '{FIELD}': compare it with the whole Dutch page "
                f"{source.rel}.")
    found = dutch_text_at(source.path, str(recorded))
    if found is None:
        return (f"No version of {source.rel} with fingerprint {recorded} is in the git history "
                "(was it never committed?): compare the translation with the whole Dutch page.")
    commit, old_text = found
    old = normalise(body_of(old_text)).splitlines()
    new = normalise(source.body).splitlines()
    diff = difflib.unified_diff(old, new, fromfile=f"{source.rel} ({commit[:10]}, translated)",
                                tofile=f"{source.rel} (now)", lineterm="", n=2)
    return "\n".join(diff)


# --------------------------------------------------------------------------- mark done


def mark_done(project: Project, path_arg: str, docs: str | None = None) -> str:
    """Write ``translated_from: <fingerprint of the Dutch page>`` into a translation."""
    from tools.wegwijs.cli import UsageError

    path = Path(path_arg)
    if not path.is_file():
        raise UsageError(f"translations --mark-done: no such file: {path_arg}")
    if path.suffix == ".yml":
        return mark_done_catalogue(project, path, path_arg)
    model, _root = model_for(project, docs)
    docs_dir = model.docs_dir.resolve()
    if docs is None:
        # a file in another docs/ folder (a copy of the site): use that folder
        for parent in path.resolve().parents:
            if parent.name == "docs":
                docs_dir = parent
                break
    try:
        path.resolve().relative_to(docs_dir)
    except ValueError:
        raise UsageError(f"translations --mark-done: {path_arg} is not in {docs_dir}") from None
    dutch_name, lang = reader.split_lang(path.name)
    if lang is None:
        raise UsageError(f"translations --mark-done: {path_arg} is a Dutch page; give the "
                         f"translation, e.g. {reader.source_file(path_arg, 'en', model.default_language)}")
    if lang not in model.translations:
        raise UsageError(f"translations --mark-done: unknown language '.{lang}' in {path_arg}; "
                         f"use one of {', '.join(model.translations)}")
    source = path.with_name(dutch_name)
    if not source.is_file():
        raise UsageError(f"translations --mark-done: the Dutch page {source} does not exist")
    fp = fingerprint_file(source)
    text = path.read_text(encoding="utf-8-sig")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        raise UsageError(f"translations --mark-done: {path_arg} has no front matter: start it "
                         "with '---', id, type, order and '---'")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r\n") in ("---", "...")), None)
    if end is None:
        raise UsageError(f"translations --mark-done: the front matter of {path_arg} has no "
                         "closing '---'")
    new_line = f"{FIELD}: {fp}{newline}"
    for i in range(1, end):
        if re.match(rf"^{FIELD}\s*:", lines[i]):
            lines[i] = new_line
            break
    else:
        lines.insert(end, new_line)
    path.write_text("".join(lines), encoding="utf-8", newline="")
    return f"{path_arg}: {FIELD}: {fp} (the Dutch page {source.name} as it is now)"


# --------------------------------------------------------------------------- commands


def check(project: Project, docs: str | Path | None = None, ui: bool = True,
          content: bool = True) -> list[F.Finding]:
    """Translation findings; with ``content``, also the files that could not be read
    (empty, binary, no or broken front matter, unknown language, no Dutch page)."""
    from tools.wegwijs.checks import translation_grace

    model, root = model_for(project, docs)
    result = status(model, root)
    out = list(result.findings)
    if (root / "data" / "tasks.yml").exists():
        out.extend(catalogue_findings(model, root))
    out = translation_grace.apply(out, root)  # warning within the grace period
    if content:
        wanted = {"empty-file", "not-text", "front-matter", "unknown-language",
                  "translation-orphan", "translation-front-matter"}
        out.extend(f for f in result.content_findings if f.rule in wanted and f not in out)
    if ui:
        from tools.wegwijs.render import ui_strings

        directory = root / "translations"
        if not (directory / "messages.pot").exists():
            directory = project.translations_dir
        out.extend(ui_strings.check_catalogs(directory, model.languages, directory.parent))
    return out


def check_all(project: Project) -> list[F.Finding]:
    """For ``python -m tools check`` (which runs the content and ui-strings checks itself)."""
    return check(project, None, ui=False, content=False)


def register(sub) -> None:
    from tools.wegwijs.checks import selection
    from tools.wegwijs.cli import add_format_option

    parser = sub.add_parser("translations", help="missing, outdated and mismatched translations")
    parser.add_argument("--docs", metavar="DIR", help="the docs folder (default: docs/)")
    parser.add_argument("--mark-done", metavar="PATH", nargs="+",
                        help="record that these translations match their Dutch page as it is now")
    parser.add_argument("--diff", action="store_true",
                        help="show what changed in the Dutch page for each outdated translation")
    selection.add_strict_option(parser)
    add_format_option(parser)

    def run(args):
        from tools.wegwijs.cli import UsageError

        if args.docs and not Path(args.docs).is_dir():
            raise UsageError(f"translations: no such folder: {args.docs}")
        if args.mark_done:
            for path in args.mark_done:
                print(mark_done(args.project, path, args.docs))
            return 0
        from tools.wegwijs.checks import translation_grace

        translation_grace.set_strict(args.strict)
        try:
            findings = check(args.project, args.docs)
        finally:
            translation_grace.set_strict(False)
        if not args.diff:
            return findings
        model, root = model_for(args.project, args.docs)
        diffs = {}
        for entry in status(model, root).pages:
            for lang, page in sorted(entry.outdated.items()):
                diffs[page.rel] = dutch_diff(entry.source, page) or "(no change)"
        if args.format == "json":
            # the diff goes into the message of the translation's outdated finding
            return [dataclasses.replace(f, message=f"{f.message}\n{diffs[f.path]}")
                    if f.rule == "translation-outdated" and f.path in diffs else f
                    for f in findings]
        text = F.render(findings, "text")
        if text:
            print(text)
        for rel, diff in diffs.items():
            print(f"\n== {rel}: changes in the Dutch page since it was translated\n{diff}")
        return F.exit_status(findings)

    parser.set_defaults(func=run)
