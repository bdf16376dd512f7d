"""Tigrinya translation (issue 5): complete and current, in Ge'ez script with Ethiopic
punctuation, Dutch words only inside <bdi lang="nl">, the polite plural (ንስኹም) address
in pages and interface strings, and in Chromium: lang="ti", the same checklist as the
Dutch page, and glossary terms explained in Tigrinya with the Dutch word marked nl.

The script rules live in ``tools/wegwijs/checks/language_rules.py`` (``python -m tools
check`` reports them with path:line); here unit tests show each rule firing and not
firing on small texts, and one site-level test runs the check over the real Tigrinya
pages and translations/ti.po."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tools.wegwijs.checks import language_rules as L
from tools.wegwijs.checks import translations
from tools.wegwijs.project import Project
from tools.wegwijs.sources import content_model as cm

ROOT = Path(__file__).resolve().parents[2]
PROJECT = Project(ROOT)
DOCS = ROOT / "docs"
TI_PAGES = sorted(DOCS.rglob("*.ti.md"))
ETHIOPIC = re.compile(r"[\u1200-\u137f]")
REL = "docs/fase/azc.ti.md"
GOOD = 'ንስኹም ውዕል ገዛ (<bdi lang="nl">huurcontract</bdi>) ክትፍርሙ ትኽእሉ ኢኹም።\n'


def found(body: str, first_line: int = 5) -> list[str]:
    return [str(f) for f in L.check_page(REL, "ti", body, first_line)]


# --------------------------------------------------------------------------- the rules


def test_a_page_that_follows_the_conventions_has_no_findings():
    body = (GOOD + "ወረቐት A4 ኣምጽኡ፣ ሰዓት 09.30።\n- [ ] ንስኹም ዓርኪ ኣለኩም። {#azc-x}\n"
            "[ገጽ](../wonen.md)፣ ስም ……………………\n<!-- NAKIJKEN: COA. -->\n")
    assert found(body) == []


@pytest.mark.parametrize("line, rule, message", [
    ("ንስኹም COA ትኸዱ።", "script-latin", "COA outside"),
    ("ሰላም.", "script-punctuation", "use '።'"),
    ("ሰላም, ንስኹም።", "script-punctuation", "use '፣'"),
    ("ሰላም; ንስኹም።", "script-punctuation", "use '፤'"),
    ("ሰላም፡ ንስኹም።", "script-punctuation", "'፡' (word space)"),
    ("ንስኻ ትኸይድ።", "polite-address", "'ንስኻ'"),
    ("ገዛኺ ኣሎ።", "polite-address", "'ገዛኺ'"),
])
def test_each_rule_fires_with_path_and_line(line, rule, message):
    findings = [f for f in found(GOOD * 3 + line + "\n") if f.endswith(f"({rule})")]
    assert len(findings) == 1 and findings[0].startswith(f"{REL}:8: [error] "), findings
    assert message in findings[0]


def test_the_page_is_written_in_geez_script():
    assert [f.rsplit("(", 1)[1] for f in found("Dit is Nederlands።\n")] == [
        "script-latin)", "script-share)"]
    assert found(GOOD) == []


def test_interface_strings_geez_punctuation_and_polite_address():
    ok = [(3, "nav.home", "ቀንዲ ገጽ"), (5, "a", "ሰላም፣ ንስኹም። ደሓን"), (7, "search.config.lang", "en")]
    assert L.check_strings("translations/ti.po", "ti", ok) == []
    bad = [(10, "nav.home", "Home"), (12, "a", "ሰላም፡ ንስኹም"), (14, "b", "ሰላም, ንስኹም"),
           (16, "c", "ሰላም. ንስኹም"), (18, "d", "ንስኻ")]
    assert [(f.line, f.rule) for f in L.check_strings("translations/ti.po", "ti", bad)] == [
        (10, "ui-string-script"), (12, "script-punctuation"), (14, "script-punctuation"),
        (16, "script-punctuation"), (18, "polite-address")]


# --------------------------------------------------------------------------- the site


def test_every_dutch_page_has_a_current_tigrinya_translation():
    findings = [f for f in translations.check(PROJECT, ui=False)
                if f.path.endswith(".ti.md") or "missing ti translation" in f.message]
    assert not findings, "\n".join(map(str, findings))
    assert len(TI_PAGES) >= 25


def test_the_tigrinya_pages_and_interface_strings_follow_the_language_rules():
    findings = [f for f in cm.scan(cm.load_model(ROOT / "mkdocs.yml"), root=ROOT).findings
                + L.check_all(PROJECT) if f.path.endswith(".ti.md") or f.path == "translations/ti.po"]
    assert not findings, "\n".join(map(str, findings))
