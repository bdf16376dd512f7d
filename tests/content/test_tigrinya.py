"""Tigrinya translation (issue 5): complete and current, in Ge'ez script with Ethiopic
punctuation, Dutch words only inside <bdi lang="nl">, the polite plural (ንስኹም) address
in pages and interface strings, and in Chromium: lang="ti", the same checklist as the
Dutch page, and glossary terms explained in Tigrinya with the Dutch word marked nl."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tools.wegwijs.sources import content_model as cm
from tools.wegwijs.checks import translations

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
TI_PAGES = sorted(DOCS.rglob("*.ti.md"))

ETHIOPIC = re.compile(r"[\u1200-\u137f]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*")
# Latin letters a Tigrinya reader meets as they are: paper size, language level, route letter.
LATIN_ALLOWED = {"A4", "B1", "Z", "DNA"}
# Second person singular forms (ንስኻ / ንስኺ, the suffixes -ካ -ኻ / -ኪ -ኺ): the site addresses
# the reader with the polite plural ንስኹም only. Words that merely end in ኪ/ኺ are listed here.
SINGULAR = re.compile(r"^(ንስኻ|ንስኺ|ናትካ|ናትኪ|.+[ካኻ]|.+[ኪኺ])$")
NOT_SINGULAR = {"ዓርኪ", "ተወሳኺ"}


def prose(text: str) -> list[tuple[int, str]]:
    """(line number, text) of a page body without what is not Tigrinya prose: Dutch
    words in <bdi>, HTML comments, link targets, ids, video lines, list markers."""
    body = translations.body_of(text)
    offset = text.count("\n") - body.count("\n")
    body = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), body, flags=re.S)
    out = []
    for number, line in enumerate(body.splitlines(), start=offset + 1):
        line = re.sub(r"<bdi\b[^>]*>.*?</bdi>", " ", line)
        line = re.sub(r"\]\([^)]*\)", "]", line)
        line = re.sub(r"\{\s*#[^}]*\}", " ", line)
        line = re.sub(r"^\s*\[\[video:[^\]]*\]\]\s*$", " ", line)
        line = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+(?:\[[ xX]\]\s+)?", " ", line)
        line = re.sub(r"^\s*:\s+", " ", line)
        out.append((number, line))
    return out


def test_every_dutch_page_has_a_current_tigrinya_translation():
    findings = [f for f in translations.check(ui=False)
                if f.path.endswith(".ti.md") or "missing ti translation" in f.message]
    assert not findings, "\n".join(map(str, findings))
    assert len(TI_PAGES) >= 25


@pytest.mark.parametrize("path", TI_PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_front_matter_matches_the_dutch_page(path):
    dutch = path.with_name(path.name.replace(".ti.md", ".md"))
    own, source = (cm.split_front_matter(p.read_text(encoding="utf-8"))[0] for p in (path, dutch))
    for key in ("id", "type", "fase", "thema", "order", "nav"):
        mine = re.search(rf"^{key}:(.*)$", own, re.M)
        theirs = re.search(rf"^{key}:(.*)$", source, re.M)
        assert (mine and mine.group(1).strip()) == (theirs and theirs.group(1).strip()), \
            f"{path.relative_to(ROOT)}: front matter '{key}' differs from the Dutch page"


@pytest.mark.parametrize("path", TI_PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_prose_is_geez_script_with_dutch_words_in_bdi(path):
    problems = []
    letters = ethiopic = 0
    for number, line in prose(path.read_text(encoding="utf-8")):
        for word in LATIN_WORD.findall(line):
            if word not in LATIN_ALLOWED:
                problems.append(f"{path.relative_to(ROOT)}:{number}: Latin word '{word}' outside "
                                '<bdi lang="nl">…</bdi>')
        letters += sum(ch.isalpha() for ch in line)
        ethiopic += len(ETHIOPIC.findall(line))
    assert not problems, "\n".join(problems)
    assert letters and ethiopic / letters > 0.97, f"{path}: only {ethiopic}/{letters} Ge'ez letters"


@pytest.mark.parametrize("path", TI_PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_ethiopic_punctuation(path):
    problems = []
    for number, line in prose(path.read_text(encoding="utf-8")):
        text = re.sub(r"\d[.:]\d", "", line)  # times such as 09.30
        text = text.replace("……………………", "")  # blanks to fill in on the contact card
        for mark, wanted in ((".", "።"), (",", "፣"), (";", "፤")):
            if mark in text:
                problems.append(f"{path.relative_to(ROOT)}:{number}: '{mark}' in Tigrinya text; "
                                f"use '{wanted}'")
        if "፡" in text:
            problems.append(f"{path.relative_to(ROOT)}:{number}: '፡' (word space) used as a "
                            "comma; use '፣'")
    assert not problems, "\n".join(problems)


def test_polite_plural_address_in_pages_and_interface_strings():
    texts = [(str(p.relative_to(ROOT)), n, line) for p in TI_PAGES
             for n, line in prose(p.read_text(encoding="utf-8"))]
    with open(ROOT / "translations" / "ti.po", "rb") as handle:
        texts += [(f"translations/ti.po ({m.id})", m.lineno, m.string)
                  for m in read_po(handle) if m.id and isinstance(m.string, str)]
    problems = [f"{where}:{line}: singular 'you' form '{word}'; address the reader with ንስኹም"
                for where, line, text in texts
                for word in re.findall(r"[\u1200-\u137f]+", text)
                if SINGULAR.match(word) and word not in NOT_SINGULAR]
    assert not problems, "\n".join(problems)


def test_interface_strings_use_ethiopic_punctuation():
    with open(ROOT / "translations" / "ti.po", "rb") as handle:
        catalog = read_po(handle)
    problems = [f"translations/ti.po:{m.lineno} ({m.id}): '{mark}' in {m.string!r}; use '{wanted}'"
                for m in catalog if m.id and not m.id.startswith("search.config.")
                and isinstance(m.string, str)
                for mark, wanted in (("፡", "፣"), (",", "፣"), (". ", "። "))
                if mark in m.string + " "]
    assert not problems, "\n".join(problems)


def test_interface_strings_are_in_geez_script():
    with open(ROOT / "translations" / "ti.po", "rb") as handle:
        catalog = read_po(handle)
    latin_only = [m.id for m in catalog if m.id and not m.id.startswith("search.config.")
                  and isinstance(m.string, str) and m.string.strip()
                  and not ETHIOPIC.search(m.string)]
    assert latin_only == [], f"interface strings without Tigrinya text: {latin_only}"
