"""The English translation of the real site (issue 5, English part).

- complete and current: every Dutch page meant for statushouders has an English page
  made from the Dutch text as it is now (the translations check reports nothing for en);
- plain language: the B1 check finds no errors on the English pages;
- in Chromium: see tests/browser/test_english_browser.py.
"""
from __future__ import annotations

from pathlib import Path

from tools.wegwijs.checks import b1
from tools.wegwijs.checks import translations
from tools.wegwijs.project import Project

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PROJECT = Project(ROOT)
ENGLISH_PAGES = sorted(DOCS.rglob("*.en.md"))


def test_every_dutch_page_for_statushouders_has_a_current_english_page():
    findings = [f for f in translations.check(PROJECT, DOCS, ui=False)
                if f.severity == "error" and (".en.md" in f.path or "missing en " in f.message)]
    assert not findings, "\n".join(str(f) for f in findings)
    assert len(ENGLISH_PAGES) >= 20


def test_english_pages_pass_the_b1_check():
    findings = b1.check_site(PROJECT, langs=("en",))
    errors = [f for f in findings if f.severity == "error"]
    assert not errors, "\n".join(str(f) for f in errors)
