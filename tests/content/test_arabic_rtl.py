"""Arabic translation (issue 5): complete and current, the same front matter as the Dutch
page, the polite plural address (أنتم) in pages and interface strings, script conventions
in the Markdown, and right-to-left rendering in Chromium.

Source (docs/**/*.ar.md): Western digits only, Arabic letters (never the Persian ی ک),
Latin-script words (Dutch terms, names) only inside ``<bdi>``, and times inside
``<bdi dir="ltr">``. Browser: on every Arabic page a Dutch term in parentheses,
``عقد الإيجار (<bdi lang="nl">huurcontract</bdi>)``, is drawn with "(" to its right and
")" to its left, the Arabic word right of "(", a following full stop or comma left of
")", and every ``<bdi dir="ltr">`` (phone numbers, times) reads left to right.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tools.wegwijs.sources import content_model as cm
from tools.wegwijs.checks import translations

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
AR_PAGES = sorted(DOCS.rglob("*.ar.md"))

BDI = re.compile(r"<bdi\b[^>]*>.*?</bdi>", re.S)
LTR_BDI = re.compile(r'<bdi dir="ltr">.*?</bdi>', re.S)
COMMENT = re.compile(r"<!--.*?-->", re.S)
ANCHOR = re.compile(r"\{:?\s*#[^}]*\}")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
VIDEO = re.compile(r"\[\[video:[^\]]*\]\]")
TERM_LINE = re.compile(r"^[^\s:<#>*-][^(]*\(")  # begrippen: 'term in Arabic (' before the Dutch
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'\-]*")
TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
EASTERN_DIGIT = re.compile(r"[\u0660-\u0669\u06F0-\u06F9]")
PERSIAN_LETTER = re.compile(r"[\u06CC\u06A9]")  # ی ک: Persian, not Arabic


def body_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of the page body, after the front matter."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        start = next(i for i in range(1, len(lines)) if lines[i].strip() == "---") + 1
    return [(i + 1, lines[i]) for i in range(start, len(lines))]


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


# Second person singular (أنتَ/أنتِ, the suffix -ك 'your'): the site addresses the reader
# with the polite plural أنتم (-كم) only. Words that merely end in ك are listed here.
SINGULAR_SUFFIX = re.compile(r"^[\u0621-\u064A]+ك$")
NOT_SINGULAR = {"ذلك", "لذلك", "بذلك", "وذلك", "كذلك", "هناك", "تلك", "بنك", "البنك", "للبنك",
                "والبنك", "أشارك", "وأشارك", "يشارك", "تشارك", "الاستهلاك", "مشترك", "المشترك"}
DIACRITICS = re.compile(r"[\u064B-\u0652]")


def test_every_dutch_page_has_a_current_arabic_translation():
    findings = [f for f in translations.check(ui=False)
                if f.path.endswith(".ar.md") or "missing ar translation" in f.message]
    assert not findings, "\n".join(map(str, findings))
    assert len(AR_PAGES) >= 25, [rel(p) for p in AR_PAGES]


@pytest.mark.parametrize("path", AR_PAGES, ids=rel)
def test_front_matter_matches_the_dutch_page(path):
    dutch = path.with_name(path.name.replace(".ar.md", ".md"))
    own, source = (cm.split_front_matter(p.read_text(encoding="utf-8"))[0] for p in (path, dutch))
    for key in ("id", "type", "fase", "thema", "order", "nav"):
        mine = re.search(rf"^{key}:(.*)$", own, re.M)
        theirs = re.search(rf"^{key}:(.*)$", source, re.M)
        assert (mine and mine.group(1).strip()) == (theirs and theirs.group(1).strip()), \
            f"{rel(path)}: front matter '{key}' differs from the Dutch page"


def arabic_texts() -> list[tuple[str, str]]:
    """(where, text) for every page line and every interface string in Arabic."""
    texts = [(f"{rel(p)}:{n}", BDI.sub(" ", COMMENT.sub("", line)))
             for p in AR_PAGES for n, line in body_lines(p)]
    with open(ROOT / "translations" / "ar.po", "rb") as handle:
        texts += [(f"translations/ar.po:{m.lineno} ({m.id})", m.string)
                  for m in read_po(handle) if m.id and isinstance(m.string, str)]
    return texts


def test_polite_plural_address_in_pages_and_interface_strings():
    problems = []
    for where, text in arabic_texts():
        for word in re.findall(r"[\u0621-\u0652]+", text):
            plain = DIACRITICS.sub("", word)
            if plain in ("أنت",) or (SINGULAR_SUFFIX.match(plain) and plain not in NOT_SINGULAR):
                problems.append(f"{where}: singular 'you' form '{word}': address the reader "
                                "with أنتم (-كم), or add a word that is no 'you' form to NOT_SINGULAR")
    assert not problems, "\n".join(problems)


def test_interface_strings_are_arabic_with_western_digits():
    with open(ROOT / "translations" / "ar.po", "rb") as handle:
        catalog = read_po(handle)
    strings = {m.id: m.string for m in catalog if m.id and isinstance(m.string, str)
               and not m.id.startswith("search.config.")}
    not_arabic = [key for key, text in strings.items()
                  if text.strip() and not re.search(r"[\u0621-\u064A]", text)]
    assert not_arabic == [], f"interface strings without Arabic text: {not_arabic}"
    eastern = [key for key, text in strings.items() if EASTERN_DIGIT.search(text)]
    assert eastern == [], f"interface strings with Eastern Arabic digits: {eastern}"


@pytest.mark.parametrize("path", AR_PAGES, ids=rel)
def test_arabic_page_follows_the_script_conventions(path):
    problems = []
    is_glossary = path.name.startswith("begrippen.")
    for number, line in body_lines(path):
        text = COMMENT.sub("", line)
        where = f"{rel(path)}:{number}"
        if EASTERN_DIGIT.search(text):
            problems.append(f"{where}: use Western digits 0-9")
        if PERSIAN_LETTER.search(text):
            problems.append(f"{where}: Persian letter ی/ک in Arabic text (use ي/ك)")
        outside_ltr = LTR_BDI.sub("", text)
        if TIME.search(BDI.sub("", outside_ltr)):
            problems.append(f"{where}: put times in <bdi dir=\"ltr\">…</bdi>")
        bare = VIDEO.sub("", LINK_TARGET.sub("]", ANCHOR.sub("", BDI.sub("", text))))
        if is_glossary and not line.startswith((" ", ":")):
            bare = TERM_LINE.sub("(", bare)  # the term's own name may hold 'B1' or 'Z'
        latin = LATIN_WORD.findall(bare)
        if latin:
            problems.append(f"{where}: Latin-script word(s) {latin} outside <bdi lang=\"nl\">")
    assert not problems, "\n".join(problems)
