"""Farsi translation (issue 5): complete and current, the same front matter as the Dutch
page, Persian script conventions, Dutch words kept in <bdi lang="nl">, the polite 'شما',
and right-to-left rendering in Chromium.

Source (docs/**/*.fa.md): Persian letters ی ک (never the Arabic ي ك), Persian digits ۰-۹
in running text (no Western or Arabic-Indic digits outside <bdi>), the prefix می/نمی and
the plural ها joined with a zero-width non-joiner, Latin-script words (Dutch terms, names,
A4) only inside <bdi>, times and phone numbers inside <bdi dir="ltr">, and every official
Dutch term the Dutch page uses shown in Dutch somewhere on the Farsi page.
Browser: on every Farsi page ``lang="fa"``, a right-to-left article, a Dutch term in
parentheses drawn with "(" to its right and ")" to its left, and every <bdi dir="ltr">
(times, phone numbers) reading left to right, and numbered lists counting in Persian digits.
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
FA_PAGES = sorted(DOCS.rglob("*.fa.md"))

BDI = re.compile(r"<bdi\b[^>]*>(.*?)</bdi>", re.S)
NL_BDI = re.compile(r'<bdi lang="nl">(.*?)</bdi>', re.S)
LTR_BDI = re.compile(r'<bdi dir="ltr">.*?</bdi>', re.S)
COMMENT = re.compile(r"<!--.*?-->", re.S)
ANCHOR = re.compile(r"\{:?\s*#[^}]*\}")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
VIDEO = re.compile(r"^\s*\[\[video:[^\]]*\]\]\s*$")
LIST_NUMBER = re.compile(r"^\s*\d+\.\s")  # Markdown ordered-list marker, not text
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’\-]*")
WESTERN_DIGIT = re.compile(r"[0-9]")
ARABIC_INDIC_DIGIT = re.compile(r"[\u0660-\u0669]")
ARABIC_LETTER = re.compile(r"[\u064A\u0643\u0649]")  # ي ك ى: Arabic, not Persian
TIME = re.compile(r"[0-9۰-۹]{1,2}[:.][0-9۰-۹]{2}")
DETACHED_PREFIX = re.compile(r"(?:^|[\s(«])(?:ن?می) (?=[\u0600-\u06FF])")
DETACHED_PLURAL = re.compile(r"[\u0600-\u06FF] (?:ها|های|هایی)(?=[\s.،؛:؟!)»]|$)")
INFORMAL_YOU = re.compile(r"(?:^|[^\u0600-\u06FF\u200c])تو(?=$|[^\u0600-\u06FF\u200c])")

# Official Dutch terms the reader meets in letters and at counters: when the Dutch page
# uses one, the Farsi page shows it in Dutch (inside <bdi lang="nl">) at least once.
DUTCH_TERMS = ["huurcontract", "uitkering", "inrichtingskrediet", "huurtoeslag", "zorgtoeslag",
               "DigiD", "BSN", "BRP", "COA", "IND", "DUO", "klantmanager", "Sociaal Plein",
               "VluchtelingenWerk", "eigen risico", "inburgeringsplicht", "PIP", "azc",
               "gemeente", "huisarts", "zorgverzekering", "verblijfsvergunning", "budgetcoach"]


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def body_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of the page body after the front matter, comments blanked."""
    text = path.read_text(encoding="utf-8")
    body = translations.body_of(text)
    offset = text.count("\n") - body.count("\n")
    body = COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    return list(enumerate(body.splitlines(), start=offset + 1))


def prose(line: str) -> str:
    """The Farsi text of a line: no <bdi>, ids, link targets, video lines or list numbers."""
    line = VIDEO.sub(" ", line)
    line = LIST_NUMBER.sub(" ", line)
    return BDI.sub(" ", LINK_TARGET.sub("]", ANCHOR.sub(" ", line)))


def test_every_dutch_page_has_a_current_farsi_translation():
    findings = [f for f in translations.check(ui=False)
                if f.path.endswith(".fa.md") or "missing fa translation" in f.message]
    assert not findings, "\n".join(map(str, findings))
    assert len(FA_PAGES) >= 25, [rel(p) for p in FA_PAGES]


@pytest.mark.parametrize("path", FA_PAGES, ids=rel)
def test_front_matter_matches_the_dutch_page(path):
    dutch = path.with_name(path.name.replace(".fa.md", ".md"))
    own, source = (cm.split_front_matter(p.read_text(encoding="utf-8"))[0] for p in (path, dutch))
    for key in ("id", "type", "fase", "thema", "order", "nav"):
        mine = re.search(rf"^{key}:(.*)$", own, re.M)
        theirs = re.search(rf"^{key}:(.*)$", source, re.M)
        assert (mine and mine.group(1).strip()) == (theirs and theirs.group(1).strip()), \
            f"{rel(path)}: front matter '{key}' differs from the Dutch page"
    title = re.search(r"^(title|description):\s*(.*)$", own, re.M)
    if title:
        assert re.search(r"[\u0600-\u06FF]", title.group(2)), \
            f"{rel(path)}: '{title.group(1)}' is not translated into Farsi"


@pytest.mark.parametrize("path", FA_PAGES, ids=rel)
def test_farsi_page_follows_the_script_conventions(path):
    problems = []
    persian = letters = 0
    for number, line in body_lines(path):
        where = f"{rel(path)}:{number}"
        text = prose(line)
        if ARABIC_LETTER.search(line):
            problems.append(f"{where}: Arabic letter ي/ك/ى: use the Persian ی/ک")
        if ARABIC_INDIC_DIGIT.search(line):
            problems.append(f"{where}: Arabic-Indic digit: use Persian digits ۰-۹")
        if WESTERN_DIGIT.search(text):
            problems.append(f"{where}: Western digit in running text: use Persian digits ۰-۹")
        if TIME.search(BDI.sub(" ", LTR_BDI.sub(" ", line))):
            problems.append(f'{where}: put times and phone numbers in <bdi dir="ltr">…</bdi>')
        latin = LATIN_WORD.findall(text)
        if latin:
            problems.append(f'{where}: Latin-script word(s) {latin} outside <bdi lang="nl">')
        if DETACHED_PREFIX.search(text):
            problems.append(f"{where}: join می/نمی to the verb with a zero-width non-joiner (می‌)")
        if DETACHED_PLURAL.search(text):
            problems.append(f"{where}: join the plural ها with a zero-width non-joiner (‌ها)")
        if INFORMAL_YOU.search(text):
            problems.append(f"{where}: informal 'تو': address the reader with 'شما'")
        letters += sum(ch.isalpha() for ch in text)
        persian += len(re.findall(r"[\u0600-\u06FF]", text))
    assert not problems, "\n".join(problems)
    assert letters and persian / letters > 0.97, f"{rel(path)}: only {persian}/{letters} Persian letters"


@pytest.mark.parametrize("path", FA_PAGES, ids=rel)
def test_polite_address_and_dutch_terms_kept(path):
    text = path.read_text(encoding="utf-8")
    body = translations.body_of(text)
    words = len(re.findall(r"[\u0600-\u06FF\u200c]+", body))
    if words > 60:
        assert "شما" in body, f"{rel(path)}: the reader is never addressed as 'شما'"
    dutch_body = COMMENT.sub("", translations.body_of(
        path.with_name(path.name.replace(".fa.md", ".md")).read_text(encoding="utf-8")))
    kept = " | ".join(NL_BDI.findall(body)).lower()
    missing = [term for term in DUTCH_TERMS
               if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", dutch_body, re.I)
               and term.lower() not in kept]
    assert not missing, (f"{rel(path)}: the Dutch page uses {missing}; show each once in Dutch, "
                         'e.g. قرارداد اجاره (<bdi lang="nl">huurcontract</bdi>)')


def test_interface_strings_are_persian():
    with open(ROOT / "translations" / "fa.po", "rb") as handle:
        catalog = read_po(handle)
    strings = {m.id: m.string for m in catalog if m.id and isinstance(m.string, str)
               and not m.id.startswith("search.config.")}
    assert strings
    not_persian = [k for k, v in strings.items() if v.strip() and not re.search(r"[\u0600-\u06FF]", v)]
    assert not_persian == [], f"interface strings without Persian text: {not_persian}"
    arabic = [k for k, v in strings.items() if ARABIC_LETTER.search(v)]
    assert arabic == [], f"interface strings with Arabic ي/ك/ى instead of Persian ی/ک: {arabic}"
    western = [k for k, v in strings.items() if WESTERN_DIGIT.search(re.sub(r"A4", "", v))]
    assert western == [], f"interface strings with Western digits (use ۰-۹): {western}"
    informal = [k for k, v in strings.items() if INFORMAL_YOU.search(v)]
    assert informal == [], f"interface strings with the informal 'تو': {informal}"
