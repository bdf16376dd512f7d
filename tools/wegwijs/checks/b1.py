"""``python -m tools b1``: is the text at CEFR level B1 or simpler?

Measures, on the prose only (``tools/wegwijs/sources/text_extract.py`` strips the Markdown):

per sentence  ``sentence-length`` (words), ``passive`` (lijdende vorm),
              ``uncommon-word`` (wordfreq Zipf), ``subclauses`` (bijzinnen);
per page      ``reading-ease`` (Flesch-Douma for Dutch, Flesch for English),
              ``mean-sentence-length``, ``long-words``, ``passive-share``,
              ``uncommon-share``.

Every limit is in ``tools/wegwijs/checks/b1_thresholds.toml`` with its source. A sentence can
waive one rule with a comment on a line before it, with a reason:
``<!-- b1-negeer: sentence-length: officiële naam van de wet -->``; a page rule
(e.g. ``reading-ease``) can be waived the same way anywhere on the page.

Without paths: every Dutch and English page in docs/. With paths: those files
(or the ``.md`` files in those folders), also outside docs/; a file's language
comes from its name (``x.en.md``), else a language folder in its path
(``.../en/...``), else ``--lang`` (default Dutch).
"""
from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from tools.wegwijs.sources import content_model as cm
from tools.wegwijs.sources import reader
from tools.wegwijs import findings as F
from tools.wegwijs.checks import readability as R
from tools.wegwijs.sources import text_extract as T

THRESHOLDS_FILE = Path(__file__).with_name("b1_thresholds.toml")
LANGS = ("nl", "en")
PAGE_RULES = ("reading-ease", "mean-sentence-length", "long-words", "passive-share",
              "uncommon-share")

_SUBCLAUSE = {
    "nl": {"omdat", "doordat", "zodat", "terwijl", "hoewel", "wanneer", "nadat", "voordat",
           "totdat", "zodra", "indien", "tenzij", "mits", "aangezien", "opdat", "waardoor",
           "waarmee", "waarin", "waarop", "waarvoor", "waaruit", "waarbij", "waarna", "welke",
           "ofschoon", "alvorens", "teneinde", "dewelke", "zolang", "sinds"},
    "en": {"because", "although", "though", "whereas", "unless", "whereby", "wherein",
           "whom", "whose", "which", "while", "whilst", "until", "provided"},
}
# Ambiguous words that start a subordinate clause right after a comma.
_SUBCLAUSE_AFTER_COMMA = {
    "nl": {"dat", "die", "als", "of", "wat", "wie", "waar", "hoe"},
    "en": {"that", "who", "if", "when", "where", "as"},
}


@lru_cache(maxsize=4)
def thresholds(path: Path = THRESHOLDS_FILE) -> dict:
    with open(path, "rb") as fh:
        return tomllib.load(fh)


# --------------------------------------------------------------------------- measures


@dataclass
class SentenceScore:
    sentence: T.Sentence
    words: list[str]
    syllables: int
    long_words: int
    uncommon: list[str]
    passive: str | None
    subclauses: list[str]


@dataclass
class PageScore:
    lang: str
    sentences: int = 0
    words: int = 0
    syllables: int = 0
    long_words: int = 0
    uncommon: int = 0
    passive_sentences: int = 0
    max_sentence_words: int = 0
    scored: list[SentenceScore] = field(default_factory=list)

    @property
    def reading_ease(self) -> float:
        return R.flesch(self.lang, self.words, self.sentences, self.syllables)

    @property
    def mean_sentence_words(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    def share(self, count: int) -> float:
        return count / self.words if self.words else 0.0

    def as_dict(self) -> dict:
        return {
            "lang": self.lang, "sentences": self.sentences, "words": self.words,
            "reading_ease": round(self.reading_ease, 1),
            "mean_sentence_words": round(self.mean_sentence_words, 1),
            "max_sentence_words": self.max_sentence_words,
            "long_words_share": round(self.share(self.long_words), 3),
            "uncommon_share": round(self.share(self.uncommon), 3),
            "passive_share": round(self.passive_sentences / self.sentences, 3)
            if self.sentences else 0.0,
        }


def _compound_of_common_words(word: str, lang: str, limit: float) -> bool:
    """'inburgeringsexamen' = 'inburgering' + s + 'examen': a compound of common words."""
    if lang != "nl" or len(word) < 8:
        return False
    for i in range(3, len(word) - 2):
        left, right = word[:i], word[i:]
        if R.zipf(right, lang, limit) < limit and not _compound_of_common_words(right, lang, limit):
            continue
        for candidate in (left, left[:-1] if left.endswith(("s", "e")) else None,
                          left[:-2] if left.endswith("en") else None):
            if candidate and len(candidate) >= 3 and R.zipf(candidate, lang, limit) >= limit:
                return True
    return False


def _is_uncommon(word: str, first: bool, lang: str, limit: float, known: set[str]) -> bool:
    if not R.is_alpha_word(word) or len(word) <= 2:
        return False
    if not first and word[0].isupper():
        return False  # a name
    if word.isupper():
        return False  # an abbreviation such as DUO, IND
    lower = word.lower()
    if lower in known:
        return False
    for part in re.split(r"[-'\u2019]", lower):
        if len(part) <= 2 or part in known:
            continue
        if R.zipf(part, lang, limit) >= limit:
            continue
        if _compound_of_common_words(part, lang, limit):
            continue
        return True
    return False


def _subclauses(lower: list[str], text: str, lang: str) -> list[str]:
    conjunctions = _SUBCLAUSE[lang]
    found = [w for w in lower if w in conjunctions]
    if "," in text:
        for match in re.finditer(r",\s+(\w+)", text):
            if match.group(1).lower() in _SUBCLAUSE_AFTER_COMMA[lang]:
                found.append(match.group(1).lower())
    return found


_WORD_CACHE: dict[tuple, dict] = {}


def _word_table(lang: str, limits: dict, known: frozenset) -> dict:
    """word, is-first -> (syllables, long, uncommon); pages repeat their words."""
    key = (lang, known, limits["long_word_syllables"], limits["uncommon_zipf"])
    table = _WORD_CACHE.get(key)
    if table is None or len(table) > 500000:
        table = _WORD_CACHE[key] = {}
    return table


def _word(word: str, first: bool, lang: str, limits: dict, known: frozenset) -> tuple[int, bool, bool]:
    syl = R.syllables(word, lang)
    alpha = R.is_alpha_word(word)
    return (syl, alpha and syl >= limits["long_word_syllables"],
            _is_uncommon(word, first, lang, limits["uncommon_zipf"], known))


def score(prose: T.Prose, lang: str, known: frozenset | set | None = None) -> PageScore:
    limits = thresholds()[lang]
    known = known if isinstance(known, frozenset) else frozenset(known or ())
    table = _word_table(lang, limits, known)
    page = PageScore(lang)
    for sentence in prose.sentences:
        if sentence.kind == "heading":
            continue
        words = R.words(sentence.text)
        if not words:
            continue
        infos = []
        for i, w in enumerate(words):
            info = table.get((w, i == 0))
            if info is None:
                info = table[(w, i == 0)] = _word(w, i == 0, lang, limits, known)
            infos.append(info)
        lower = [w.lower() for w in words]
        uncommon = [w for w, info in zip(words, infos) if info[2]]
        long_count = sum(info[1] for info in infos)
        syllables = sum(info[0] for info in infos)
        scored = SentenceScore(sentence, words, syllables, long_count, uncommon,
                               R.passive(words, lang, lower), _subclauses(lower, sentence.text, lang))
        page.scored.append(scored)
        page.sentences += 1
        page.words += len(words)
        page.syllables += syllables
        page.long_words += long_count
        page.uncommon += len(uncommon)
        page.passive_sentences += 1 if scored.passive else 0
        page.max_sentence_words = max(page.max_sentence_words, len(words))
    return page


# --------------------------------------------------------------------------- findings


def check_text(body: str, first_line: int, lang: str, rel: str,
               known: set[str] | None = None) -> tuple[list[F.Finding], PageScore]:
    """All B1 findings for one page body; ``first_line`` is the body's line in the file."""
    limits = thresholds()[lang]
    prose = T.prose(body, first_line)
    page = score(prose, lang, known)
    out: list[F.Finding] = []

    def emit(severity, message, rule, line, col, sentence=None):
        if sentence is not None and sentence.waived(rule):
            return
        if sentence is None and _page_waived(prose, rule):
            return
        out.append(F.Finding(rel, line, col, severity, message, rule))

    general = thresholds()["general"]
    page_is_b1 = (page.words >= general["min_words_for_page_scores"]
                  and page.reading_ease >= limits["reading_ease_error"]
                  and page.mean_sentence_words <= limits["mean_sentence_words_error"])
    for s in page.scored:
        sent, n = s.sentence, len(s.words)
        if n > limits["sentence_words_warn"]:
            # A long sentence is an error. Exception, up to the hard limit: on a page
            # whose page scores pass, one long sentence is a warning.
            soft = n <= limits["sentence_words_hard"] and page_is_b1
            error = n > limits["sentence_words_error"] and not soft
            emit(F.ERROR if error else F.WARNING,
                 f"sentence has {n} words; B1 aims at {limits['sentence_words_target']} or fewer",
                 "sentence-length", sent.line, sent.col, sent)
        if s.passive:
            emit(F.WARNING, f"passive voice ('{s.passive}'): say who does it, e.g. "
                 "'de gemeente stuurt u een brief'" if lang == "nl" else
                 f"passive voice ('{s.passive}'): say who does it", "passive",
                 sent.line, sent.col, sent)
        if s.uncommon:
            words = ", ".join(dict.fromkeys(s.uncommon))
            emit(F.WARNING, f"uncommon words: {words}; use a common word or explain it in "
                 "docs/begrippen.md", "uncommon-word", sent.line, sent.col, sent)
        if len(s.subclauses) > limits["max_subclauses"]:
            emit(F.WARNING, f"{len(s.subclauses)} subordinate clauses ({', '.join(s.subclauses)}); "
                 f"B1 allows {limits['max_subclauses']}: make two sentences", "subclauses",
                 sent.line, sent.col, sent)

    if page.words >= general["min_words_for_page_scores"]:
        line = first_line
        formula = "Flesch-Douma" if lang == "nl" else "Flesch"
        ease = page.reading_ease
        if ease < limits["reading_ease_warn"]:
            emit(F.ERROR if ease < limits["reading_ease_error"] else F.WARNING,
                 f"{formula} reading ease is {ease:.0f}; B1 text scores "
                 f"{limits['reading_ease_warn']} or more: use shorter sentences and words",
                 "reading-ease", line, None)
        mean = page.mean_sentence_words
        if mean > limits["mean_sentence_words_warn"]:
            emit(F.ERROR if mean > limits["mean_sentence_words_error"] else F.WARNING,
                 f"sentences have {mean:.1f} words on average; B1 aims at "
                 f"{limits['mean_sentence_words_warn']} or fewer", "mean-sentence-length", line, None)
        share = page.share(page.long_words)
        if share > limits["long_words_share_warn"]:
            emit(F.ERROR if share > limits["long_words_share_error"] else F.WARNING,
                 f"{share:.0%} of the words have {limits['long_word_syllables']} or more "
                 f"syllables; B1 aims at {limits['long_words_share_warn']:.0%} or less",
                 "long-words", line, None)
        if page.sentences and page.passive_sentences / page.sentences > limits["passive_share_error"]:
            emit(F.ERROR, f"{page.passive_sentences} of {page.sentences} sentences are passive; "
                 "write who does what", "passive-share", line, None)
        share = page.share(page.uncommon)
        if share > limits["uncommon_share_warn"]:
            emit(F.ERROR if share > limits["uncommon_share_error"] else F.WARNING,
                 f"{share:.0%} of the words are uncommon; B1 aims at "
                 f"{limits['uncommon_share_warn']:.0%} or less", "uncommon-share", line, None)

    for waiver in prose.waivers:
        if not waiver.reason:
            out.append(F.error(rel, f"waiver for '{waiver.rule}' needs a reason: "
                               f"<!-- b1-negeer: {waiver.rule}: why this text may stay -->",
                               "b1-waiver", line=waiver.line))
        elif not waiver.used:
            out.append(F.warning(rel, f"waiver for '{waiver.rule}' matches no finding: "
                                 "remove it", "b1-waiver", line=waiver.line))
    return out, page


def _page_waived(prose: T.Prose, rule: str) -> bool:
    for waiver in prose.waivers:
        if waiver.rule == rule and rule in PAGE_RULES:
            waiver.used = True
            return True
    return False


# --------------------------------------------------------------------------- files


def glossary_terms(docs_dir: Path) -> frozenset[str]:
    """Lower-case words of the terms in docs/begrippen.md (a definition list)."""
    path = docs_dir / "begrippen.md"
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = 0
    return _glossary(path, mtime)


@lru_cache(maxsize=8)
def _glossary(path: Path, mtime: int) -> frozenset[str]:
    terms: set[str] = set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return frozenset()
    for i, line in enumerate(lines[:-1]):
        if lines[i + 1].startswith(":") and line.strip():
            term = re.sub(r"\{[^}]*\}", "", line).strip().lower()
            terms.add(term)
            terms.update(term.split())
    return frozenset(terms)


def _language_of(path: Path, default: str | None) -> str | None:
    lang = reader.split_lang(path.name)[1]
    if lang:
        return lang
    for part in reversed(path.parent.parts):
        if part in LANGS:
            return part
    return default or "nl"


def check_file(path: Path, lang: str, known: set[str], root: Path,
               scores: list | None = None) -> list[F.Finding]:
    rel = cm.display_path(path, root)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return [F.error(rel, f"cannot read the file: {exc.strerror}", "not-text")]
    if b"\x00" in raw:
        return [F.error(rel, "binary file: the B1 check reads UTF-8 Markdown text only",
                        "not-text", line=1)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return [F.error(rel, f"not UTF-8 text (byte {exc.start}): save the file as UTF-8",
                        "not-text", line=1)]
    if not text.strip():
        return [F.warning(rel, "empty file: no text to check", "empty-file", line=1)]
    parts = cm.split_front_matter(text)
    body, first_line = text, 1
    if parts is not None:
        yaml_text, body, first_line = parts
        try:
            meta = yaml.safe_load(yaml_text) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            return [F.error(rel, "malformed YAML in front matter: check colons, quotes and "
                            "indentation on this line", "front-matter",
                            line=mark.line + 2 if mark else 1)]
        if isinstance(meta, dict) and (meta.get("b1") is False
                                       or meta.get("type") in thresholds()["general"]["skip_types"]):
            return []
    findings, page = check_text(body, first_line, lang, rel, known)
    if scores is not None:
        scores.append((rel, page))
    return findings


def _expand(paths: list[str]) -> list[Path]:
    from tools.wegwijs.cli import UsageError

    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*")
                                if p.suffix in (".md", ".markdown", ".txt") and p.is_file()
                                and not any(x.startswith(".") for x in p.relative_to(path).parts)))
        elif path.is_file():
            files.append(path)
        else:
            raise UsageError(f"b1: no such file or folder: {name}")
    return files


def check_paths(project, paths: list[str], lang: str | None = None,
                scores: list | None = None) -> list[F.Finding]:
    """Files or folders given on the command line (the glossary of the project's docs/)."""
    model = cm.load_model(project.config_file)
    known = glossary_terms(model.docs_dir)
    out: list[F.Finding] = []
    for path in _expand(paths):
        file_lang = _language_of(path, lang)
        if file_lang not in LANGS:
            out.append(F.warning(cm.display_path(path, project.root), f"not measured: the B1 check reads Dutch "
                                 f"and English, this file is '{file_lang}'", "b1-language", line=1))
            continue
        out.extend(check_file(path, file_lang, known, project.root, scores=scores))
    return out


def check_site(project, langs=LANGS, scores: list | None = None) -> list[F.Finding]:
    """Every Dutch and English page in docs/ (pages that do not parse are left to `content`)."""
    model = cm.load_model(project.config_file)
    known = glossary_terms(model.docs_dir)
    skip = set(thresholds()["general"]["skip_types"])
    out: list[F.Finding] = []
    for page in cm.scan(model, project.root).pages:
        if page.lang not in langs or page.meta.get("b1") is False or page.meta.get("type") in skip:
            continue
        findings, score_ = check_text(page.body, page.body_line, page.lang, page.rel, known)
        if scores is not None:
            scores.append((page.rel, score_))
        out.extend(findings)
    return out


def check_all(project) -> list[F.Finding]:
    return check_site(project)


def register(sub) -> None:
    from tools.wegwijs.cli import add_format_option

    parser = sub.add_parser("b1", help="check that Dutch and English text is at B1 level")
    parser.add_argument("--lang", choices=list(LANGS),
                        help="language of files whose name or folder has none (default nl); "
                             "without paths: check only this language")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: docs/)")
    parser.add_argument("--scores", action="store_true",
                        help="also print each page's scores (reading ease, sentence length, ...)")
    add_format_option(parser)

    def run(args):
        scores: list | None = [] if args.scores else None
        if args.paths:
            findings = check_paths(args.project, args.paths, args.lang, scores)
        else:
            findings = check_site(args.project, langs=(args.lang,) if args.lang else LANGS, scores=scores)
        if scores is None:
            return findings
        if args.format == "json":
            import json

            print(json.dumps({"scores": {rel: page.as_dict() for rel, page in scores},
                              "findings": [dataclasses.asdict(f) for f in
                                           sorted(findings, key=lambda f: (f.path, f.line or 0))]},
                             ensure_ascii=False, indent=2))
        else:
            for rel, page in scores:
                d = page.as_dict()
                formula = "Flesch-Douma" if page.lang == "nl" else "Flesch"
                print(f"{rel}: {formula} {d['reading_ease']}, {d['mean_sentence_words']} words per "
                      f"sentence (longest {d['max_sentence_words']}), long words "
                      f"{d['long_words_share']:.0%}, uncommon {d['uncommon_share']:.0%}, passive "
                      f"{d['passive_share']:.0%} of {d['sentences']} sentences")
            text = F.render(findings)
            if text:
                print(text)
        return F.exit_status(findings)

    parser.set_defaults(func=run)
