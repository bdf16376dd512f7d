"""Language rules for the Arabic, Farsi and Tigrinya translations: script, digits,
punctuation and the polite address, in pages (``docs/**/*.<lang>.md``) and in the
interface strings (``translations/<lang>.po``).

- ar: Arabic letters (never the Persian ی ک), Western digits 0-9, Latin-script words
  (Dutch terms, names) only inside ``<bdi>``, times inside ``<bdi dir="ltr">``, the
  polite plural أنتم (-كم) and never the singular أنت (-ك).
- fa: Persian letters ی ک (never the Arabic ي ك ى), Persian digits ۰-۹ in running text,
  می/نمی and the plural ها joined with a zero-width non-joiner, Latin-script words only
  inside ``<bdi>``, times inside ``<bdi dir="ltr">``, شما and never تو, the page in
  Persian script, every official Dutch term of the Dutch page kept in Dutch once,
  title and description translated.
- ti: Ge'ez script, Ethiopic punctuation (። ፣ ፤, not . , ; and no ፡ as a comma), Latin
  words only inside ``<bdi>`` (except A4, B1, Z, DNA), the polite plural ንስኹም.

Each finding names the file and line (``rules.py`` registers the rule ids).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from tools.wegwijs import findings as F
from tools.wegwijs.sources import content_model as cm
from tools.wegwijs.sources import practice, reader

LANGUAGES = ("ar", "fa", "ti")

COMMENT = re.compile(r"<!--.*?-->", re.S)
BDI = re.compile(r"<bdi\b[^>]*>.*?</bdi>", re.S)
NL_BDI = re.compile(r'<bdi lang="nl">(.*?)</bdi>', re.S)
LTR_BDI = re.compile(r'<bdi dir="ltr">.*?</bdi>', re.S)
ANCHOR = re.compile(r"\{:?\s*#[^}]*\}")
LINK_TARGET = re.compile(r"\]\([^)]*\)")

# --------------------------------------------------------------------------- script

SCRIPT_SHARE = 0.97  # at least this share of a page's letters is in the language's script
SCRIPT_NAME = {"ar": "Arabic", "fa": "Persian", "ti": "Ge'ez"}
SCRIPT_LETTER = {"ar": re.compile(r"[\u0621-\u064A]"), "fa": re.compile(r"[\u0600-\u06FF]"),
                 "ti": re.compile(r"[\u1200-\u137f]")}
# A Latin-script word in fa or ti text (Arabic: AR_LATIN_WORD, without the ’).
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*")

# --------------------------------------------------------------------------- Arabic

AR_EASTERN_DIGIT = re.compile(r"[\u0660-\u0669\u06F0-\u06F9]")
AR_PERSIAN_LETTER = re.compile(r"[\u06CC\u06A9]")  # ی ک: Persian, not Arabic
AR_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
AR_TERM_LINE = re.compile(r"^[^\s:<#>*-][^(]*\(")  # begrippen: 'term in Arabic (' before the Dutch
AR_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'\-]*")

# --------------------------------------------------------------------------- Farsi

FA_LIST_NUMBER = re.compile(r"^\s*\d+\.\s")  # Markdown ordered-list marker, not text
FA_WESTERN_DIGIT = re.compile(r"[0-9]")
FA_ARABIC_INDIC_DIGIT = re.compile(r"[\u0660-\u0669]")
FA_ARABIC_LETTER = re.compile(r"[\u064A\u0643\u0649]")  # ي ك ى: Arabic, not Persian
FA_TIME = re.compile(r"[0-9۰-۹]{1,2}[:.][0-9۰-۹]{2}")
# می/نمی and the plural ها written apart: (pattern, message, rule).
FA_ZWNJ = (
    (re.compile(r"(?:^|[\s(«])(?:ن?می) (?=[\u0600-\u06FF])"),
     "join می/نمی to the verb with a zero-width non-joiner (می‌)", "script-zwnj"),
    (re.compile(r"[\u0600-\u06FF] (?:ها|های|هایی)(?=[\s.،؛:؟!)»]|$)"),
     "join the plural ها with a zero-width non-joiner (‌ها)", "script-zwnj"),
)
# Official Dutch terms the reader meets in letters and at counters: when the Dutch page
# uses one, the Farsi page shows it in Dutch (inside <bdi lang="nl">) at least once.
FA_DUTCH_TERMS = (
    "huurcontract", "uitkering", "inrichtingskrediet", "huurtoeslag", "zorgtoeslag", "DigiD",
    "BSN", "BRP", "COA", "IND", "DUO", "klantmanager", "Sociaal Plein", "VluchtelingenWerk",
    "eigen risico", "inburgeringsplicht", "PIP", "azc", "gemeente", "huisarts",
    "zorgverzekering", "verblijfsvergunning", "budgetcoach")

# --------------------------------------------------------------------------- Tigrinya

# Latin letters a Tigrinya reader meets as they are: paper size, language level, route letter.
TI_LATIN_ALLOWED = frozenset({"A4", "B1", "Z", "DNA"})
TI_PUNCTUATION = ((".", "።"), (",", "፣"), (";", "፤"))
TI_BLANKS = "……………………"  # blanks to fill in on the contact card


# --------------------------------------------------------------------------- reading


def body_lines(body: str, first_line: int) -> list[tuple[int, str]]:
    """(line number in the file, text) of a page body, HTML comments blanked out
    (their line breaks kept, so the numbers stay right) and practice question syntax
    (``/// vraag | id``, ``(x)``) left out."""
    body = COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    return [(n, practice.neutral(line)) for n, line in enumerate(body.splitlines(), start=first_line)]


def _fa_prose(line: str) -> str:
    """The Farsi text of a line: no <bdi>, ids, link targets, video lines or list numbers."""
    line = reader.MARKER_LINE.sub(" ", line)
    line = FA_LIST_NUMBER.sub(" ", line)
    return BDI.sub(" ", LINK_TARGET.sub("]", ANCHOR.sub(" ", line)))


def _ti_prose(line: str) -> str:
    """The Tigrinya text of a line: no <bdi>, link targets, ids, video lines, list markers."""
    line = BDI.sub(" ", line)
    line = LINK_TARGET.sub("]", line)
    line = re.sub(r"\{\s*#[^}]*\}", " ", line)
    line = reader.MARKER_LINE.sub(" ", line)
    line = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+(?:\[[ xX]\]\s+)?", " ", line)
    return re.sub(r"^\s*:\s+", " ", line)


# --------------------------------------------------------------------------- polite address

POLITE = {"ar": "أنتم (-كم)", "fa": "شما", "ti": "ንስኹም"}
AR_WORD = re.compile(r"[\u0621-\u0652]+")
AR_DIACRITICS = re.compile(r"[\u064B-\u0652]")
# Second person singular (أنتَ/أنتِ, the suffix -ك 'your'): words that merely end in ك are listed.
AR_SINGULAR_SUFFIX = re.compile(r"^[\u0621-\u064A]+ك$")
AR_NOT_SINGULAR = frozenset({
    "ذلك", "لذلك", "بذلك", "وذلك", "كذلك", "هناك", "تلك", "بنك", "البنك", "للبنك", "والبنك",
    "أشارك", "وأشارك", "يشارك", "تشارك", "الاستهلاك", "مشترك", "المشترك",
    "بنوك", "البنوك", "بالبنك"})  # banks, with the bank
FA_INFORMAL_YOU = re.compile(r"(?:^|[^\u0600-\u06FF\u200c])تو(?=$|[^\u0600-\u06FF\u200c])")
FA_WORD = re.compile(r"[\u0600-\u06FF\u200c]+")
FA_MIN_WORDS_FOR_SHOMA = 60  # a longer Farsi page addresses the reader as شما somewhere
TI_WORD = re.compile(r"[\u1200-\u137f]+")
# Second person singular forms (ንስኻ / ንስኺ, the suffixes -ካ -ኻ / -ኪ -ኺ); words that merely
# end in ኪ/ኺ are listed.
TI_SINGULAR = re.compile(r"^(ንስኻ|ንስኺ|ናትካ|ናትኪ|.+[ካኻ]|.+[ኪኺ])$")
TI_NOT_SINGULAR = frozenset({"ዓርኪ", "ተወሳኺ"})


def singular_you(lang: str, text: str) -> list[str]:
    """The second-person singular forms in a text (the site uses the polite plural)."""
    if lang == "ar":
        words = AR_WORD.findall(text)
        return [w for w in words if (plain := AR_DIACRITICS.sub("", w)) == "أنت"
                or (AR_SINGULAR_SUFFIX.match(plain) and plain not in AR_NOT_SINGULAR)]
    if lang == "fa":
        return ["تو"] if FA_INFORMAL_YOU.search(text) else []
    if lang == "ti":
        return [w for w in TI_WORD.findall(text) if TI_SINGULAR.match(w) and w not in TI_NOT_SINGULAR]
    return []


def _polite(rel: str, lang: str, text: str, line: int) -> list[F.Finding]:
    return [F.error(rel, f"singular 'you' form '{word}': address the reader with {POLITE[lang]}",
                    "polite-address", line=line) for word in singular_you(lang, text)]


# --------------------------------------------------------------------------- pages


def check_page(rel: str, lang: str, body: str, first_line: int = 1, *,
               glossary: bool = False, dutch_body: str | None = None) -> list[F.Finding]:
    """All language findings for one page body in ``lang``; ``first_line`` is the body's
    line in the file, ``dutch_body`` the Dutch page's body (for the Farsi Dutch terms)."""
    if lang == "ar":
        return _check_ar(rel, body, first_line, glossary)
    if lang == "fa":
        return _check_fa(rel, body, first_line, dutch_body)
    if lang == "ti":
        return _check_ti(rel, body, first_line)
    return []


def _found(rel: str, line: int, tests) -> list[F.Finding]:
    """An error for each (pattern, text, message, rule) whose pattern is found in its text."""
    return [F.error(rel, message, rule, line=line) for pattern, text, message, rule in tests
            if pattern.search(text)]


def _check_ar(rel: str, body: str, first_line: int, glossary: bool) -> list[F.Finding]:
    out = []
    for number, text in body_lines(body, first_line):
        out += _found(rel, number, [
            (AR_EASTERN_DIGIT, text, "Eastern Arabic digit: use Western digits 0-9", "script-digits"),
            (AR_PERSIAN_LETTER, text, "Persian letter ی/ک in Arabic text: use ي/ك", "script-letters"),
            (AR_TIME, BDI.sub("", LTR_BDI.sub("", text)),
             'time outside <bdi dir="ltr">: write <bdi dir="ltr">09:30</bdi>', "script-time")])
        bare = reader.MARKER.sub("", LINK_TARGET.sub("]", ANCHOR.sub("", BDI.sub("", text))))
        if glossary and not text.startswith((" ", ":")):
            bare = AR_TERM_LINE.sub("(", bare)  # the term's own name may hold 'B1' or 'Z'
        latin = AR_LATIN_WORD.findall(bare)
        if latin:
            out.append(F.error(rel, f"Latin-script word(s) {', '.join(latin)} outside "
                               '<bdi lang="nl">…</bdi>', "script-latin", line=number))
        out += _polite(rel, "ar", BDI.sub(" ", text), number)
    return out


def _check_fa(rel: str, body: str, first_line: int, dutch_body: str | None) -> list[F.Finding]:
    out = []
    letters = persian = 0
    for number, line in body_lines(body, first_line):
        text = _fa_prose(line)
        out += _found(rel, number, [
            (FA_ARABIC_LETTER, line, "Arabic letter ي/ك/ى: use the Persian ی/ک", "script-letters"),
            (FA_ARABIC_INDIC_DIGIT, line, "Arabic-Indic digit: use Persian digits ۰-۹", "script-digits"),
            (FA_WESTERN_DIGIT, text, "Western digit in running text: use Persian digits ۰-۹ "
             "(0-9 only inside <bdi>)", "script-digits"),
            (FA_TIME, BDI.sub(" ", LTR_BDI.sub(" ", line)),
             'time or phone number outside <bdi dir="ltr">…</bdi>', "script-time")])
        latin = LATIN_WORD.findall(text)
        if latin:
            out.append(F.error(rel, f"Latin-script word(s) {', '.join(latin)} outside "
                               '<bdi lang="nl">…</bdi>', "script-latin", line=number))
        out += _found(rel, number, [(pattern, text, message, rule) for pattern, message, rule in FA_ZWNJ])
        out += _polite(rel, "fa", text, number)
        letters += sum(ch.isalpha() for ch in text)
        persian += len(SCRIPT_LETTER["fa"].findall(text))
    out += _script_share(rel, "fa", letters, persian, first_line)
    if len(FA_WORD.findall(body)) > FA_MIN_WORDS_FOR_SHOMA and "شما" not in body:
        out.append(F.error(rel, "the reader is never addressed as 'شما'", "polite-address",
                           line=first_line))
    if dutch_body is not None:
        kept = " | ".join(NL_BDI.findall(body)).lower()
        dutch = "\n".join(reader.MARKER_LINE.sub(" ", line)
                           for line in COMMENT.sub("", dutch_body).splitlines())
        missing = [term for term in FA_DUTCH_TERMS
                   if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", dutch, re.I)
                   and term.lower() not in kept]
        if missing:
            out.append(F.error(rel, f"the Dutch page uses {', '.join(missing)}: show each once in "
                               'Dutch, e.g. قرارداد اجاره (<bdi lang="nl">huurcontract</bdi>)',
                               "dutch-terms", line=first_line))
    return out


def _check_ti(rel: str, body: str, first_line: int) -> list[F.Finding]:
    out = []
    letters = ethiopic = 0
    for number, line in body_lines(body, first_line):
        text = _ti_prose(line)
        latin = [w for w in LATIN_WORD.findall(text) if w not in TI_LATIN_ALLOWED]
        if latin:
            out.append(F.error(rel, f"Latin word(s) {', '.join(latin)} outside "
                               '<bdi lang="nl">…</bdi>', "script-latin", line=number))
        marks = re.sub(r"\d[.:]\d", "", text).replace(TI_BLANKS, "")  # times such as 09.30
        for mark, wanted in TI_PUNCTUATION:
            if mark in marks:
                out.append(F.error(rel, f"'{mark}' in Tigrinya text: use '{wanted}'",
                                   "script-punctuation", line=number))
        if "፡" in marks:
            out.append(F.error(rel, "'፡' (word space) used as a comma: use '፣'",
                               "script-punctuation", line=number))
        out += _polite(rel, "ti", text, number)
        letters += sum(ch.isalpha() for ch in text)
        ethiopic += len(SCRIPT_LETTER["ti"].findall(text))
    out += _script_share(rel, "ti", letters, ethiopic, first_line)
    return out


def _script_share(rel: str, lang: str, letters: int, in_script: int, line: int) -> list[F.Finding]:
    if letters and in_script / letters > SCRIPT_SHARE:
        return []
    return [F.error(rel, f"only {in_script} of {letters} letters are {SCRIPT_NAME[lang]}: write the "
                    f"page in {SCRIPT_NAME[lang]} script, Dutch words inside <bdi>",
                    "script-share", line=line)]


# --------------------------------------------------------------------------- front matter


def check_front_matter(page: cm.Page) -> list[F.Finding]:
    """A translation's title and description are written in its own script."""
    letter = SCRIPT_LETTER.get(page.lang)
    if letter is None:
        return []
    out = []
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str) and value.strip() and not letter.search(value):
            out.append(F.error(page.rel, f"'{key}' is not translated: write it in "
                               f"{SCRIPT_NAME[page.lang]} script", "translation-title",
                               line=page.line_of(key)))
    return out


# --------------------------------------------------------------------------- interface strings


def check_strings(rel: str, lang: str, strings: Iterable[tuple[int, str, str]]) -> list[F.Finding]:
    """Findings for (line, key, text) interface strings of one language's .po file."""
    out = []
    for line, key, text in strings:
        if key.startswith("search.config."):
            continue  # search engine settings, not text
        where = f"'{key}'"
        if text.strip() and not SCRIPT_LETTER[lang].search(text):
            out.append(F.error(rel, f"{where} has no {SCRIPT_NAME[lang]} text", "ui-string-script",
                               line=line))
        if lang == "ar" and AR_EASTERN_DIGIT.search(text):
            out.append(F.error(rel, f"{where}: use Western digits 0-9", "script-digits", line=line))
        if lang == "fa":
            if FA_ARABIC_LETTER.search(text):
                out.append(F.error(rel, f"{where}: Arabic letter ي/ك/ى, use the Persian ی/ک",
                                   "script-letters", line=line))
            if FA_WESTERN_DIGIT.search(text.replace("A4", "")):
                out.append(F.error(rel, f"{where}: use Persian digits ۰-۹", "script-digits", line=line))
        if lang == "ti":
            for mark, wanted in (("፡", "፣"), (",", "፣"), (". ", "። ")):
                if mark in text + " ":
                    out.append(F.error(rel, f"{where}: '{mark.strip()}' in Tigrinya text, use "
                                       f"'{wanted.strip()}'", "script-punctuation", line=line))
        out += _polite(rel, lang, text, line)
    return out


def read_strings(po_file: Path) -> list[tuple[int, str, str]]:
    """(line, key, text) of every translated string in a .po file."""
    from babel.messages.pofile import read_po

    with open(po_file, "rb") as handle:
        catalog = read_po(handle)
    return [(m.lineno, m.id, m.string) for m in catalog if m.id and isinstance(m.string, str)]


# --------------------------------------------------------------------------- the check


def check_all(project) -> list[F.Finding]:
    """Every ar, fa and ti page of docs/ and their interface strings."""
    model = cm.load_model(project.config_file)
    site = cm.scan(model, root=project.root)
    sources = site.source_pages()
    out: list[F.Finding] = []
    for page in site.pages:
        if page.lang not in LANGUAGES:
            continue
        dutch = sources.get(page.src)
        out += check_page(page.rel, page.lang, page.body, page.body_line,
                          glossary=Path(page.src).name == "begrippen.md",
                          dutch_body=dutch.body if dutch else None)
        out += check_front_matter(page)
    for lang in LANGUAGES:
        po_file = project.translations_dir / f"{lang}.po"
        if lang in model.languages and po_file.is_file():
            out += check_strings(cm.display_path(po_file, project.root), lang, read_strings(po_file))
    return out
