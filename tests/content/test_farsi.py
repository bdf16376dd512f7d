"""Farsi translation (issue 5): complete and current, the same front matter as the Dutch
page, Persian script conventions, Dutch words kept in <bdi lang="nl">, the polite 'شما',
and right-to-left rendering in Chromium.

The script rules live in ``tools/wegwijs/checks/language_rules.py`` (``python -m tools
check`` reports them with path:line); here unit tests show each rule firing and not
firing on small texts, and one site-level test runs the check over the real Farsi pages
and translations/fa.po. Source (docs/**/*.fa.md): Persian letters ی ک (never the Arabic
ي ك), Persian digits ۰-۹ in running text (no Western or Arabic-Indic digits outside
<bdi>), the prefix می/نمی and the plural ها joined with a zero-width non-joiner,
Latin-script words (Dutch terms, names, A4) only inside <bdi>, times and phone numbers
inside <bdi dir="ltr">, and every official Dutch term the Dutch page uses shown in Dutch
somewhere on the Farsi page. Browser: on every Farsi page ``lang="fa"``, a right-to-left
article, a Dutch term in parentheses drawn with "(" to its right and ")" to its left, and
every <bdi dir="ltr"> (times, phone numbers) reading left to right, and numbered lists
counting in Persian digits.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tools.wegwijs.checks import language_rules as L
from tools.wegwijs.checks import translations
from tools.wegwijs.project import Project
from tools.wegwijs.sources import content_model as cm

ROOT = Path(__file__).resolve().parents[2]
PROJECT = Project(ROOT)
DOCS = ROOT / "docs"
FA_PAGES = sorted(DOCS.rglob("*.fa.md"))
REL = "docs/thema/wonen.fa.md"
GOOD = ('شما می‌توانید قرارداد اجاره (<bdi lang="nl">huurcontract</bdi>) را ساعت '
        '<bdi dir="ltr">09:30</bdi> امضا کنید.\n')


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def found(body: str, first_line: int = 5, **kw) -> list[str]:
    return [str(f) for f in L.check_page(REL, "fa", body, first_line, **kw)]


# --------------------------------------------------------------------------- the rules


def test_a_page_that_follows_the_conventions_has_no_findings():
    body = GOOD + "1. شما ۳ روز وقت دارید. {#stappenplan}\n<!-- NAKIJKEN: 10:00 DigiD -->\n"
    assert found(body, dutch_body="Teken het huurcontract.\n") == []


@pytest.mark.parametrize("line, rule, message", [
    ("شما كتاب دارید.", "script-letters", "Persian ی/ک"),
    ("شما 3 روز وقت دارید.", "script-digits", "Western digit"),
    ("شما ٣ روز وقت دارید.", "script-digits", "Arabic-Indic digit"),
    ("ساعت ۹:۳۰ بیایید.", "script-time", '<bdi dir="ltr">'),
    ("کارت DigiD را بیاورید.", "script-latin", "DigiD outside"),
    ("شما می توانید.", "script-zwnj", "می/نمی"),
    ("کتاب ها را بیاورید.", "script-zwnj", "plural ها"),
    ("تو می‌توانی بیایی.", "polite-address", "'تو'"),
])
def test_each_rule_fires_with_path_and_line(line, rule, message):
    # Enough Persian around the line that the page as a whole stays in Persian script.
    findings = [f for f in found(GOOD * 3 + line + "\n") if f.endswith(f"({rule})")]
    assert len(findings) == 1 and findings[0].startswith(f"{REL}:8: [error] "), findings
    assert message in findings[0]


def test_the_page_is_written_in_persian_script():
    assert found("Dit is Nederlands.\n") == [
        f"{REL}:5: [error] Latin-script word(s) Dit, is, Nederlands outside "
        '<bdi lang="nl">…</bdi> (script-latin)',
        f"{REL}:5: [error] only 0 of 15 letters are Persian: write the page in Persian script, "
        "Dutch words inside <bdi> (script-share)"]


def test_a_long_page_addresses_the_reader_as_shoma():
    long_page = "کتاب " * 70 + "\n"
    assert found(long_page) == [f"{REL}:5: [error] the reader is never addressed as 'شما' "
                                "(polite-address)"]
    assert found("شما " + long_page) == []
    assert found("کتاب " * 50 + "\n") == []  # short pages need not


def test_official_dutch_terms_of_the_dutch_page_are_kept_in_dutch():
    dutch = "Teken het huurcontract bij de gemeente.\n<!-- uitkering -->\n"
    [finding] = found(GOOD, dutch_body=dutch)
    assert finding.startswith(f"{REL}:5: [error] the Dutch page uses gemeente:")
    assert finding.endswith("(dutch-terms)")
    assert found(GOOD + 'شهرداری (<bdi lang="nl">gemeente</bdi>)\n', dutch_body=dutch) == []


def test_title_and_description_are_translated():
    page = cm.Page(path=Path("x"), rel=REL, src="thema/wonen.md", lang="fa",
                   meta={"title": "مسکن", "description": "Wonen in Hilversum"},
                   meta_lines={"title": 3, "description": 4})
    assert [str(f) for f in L.check_front_matter(page)] == [
        f"{REL}:4: [error] 'description' is not translated: write it in Persian script "
        "(translation-title)"]


def test_interface_strings_persian_letters_digits_and_polite_address():
    ok = [(3, "nav.home", "صفحهٔ اصلی"), (5, "paper", "کاغذ A4"), (7, "search.config.lang", "en")]
    assert L.check_strings("translations/fa.po", "fa", ok) == []
    bad = [(10, "nav.home", "Home"), (12, "a", "كتاب"), (14, "b", "۳ یا 3"), (16, "c", "تو بیا")]
    assert [(f.line, f.rule) for f in L.check_strings("translations/fa.po", "fa", bad)] == [
        (10, "ui-string-script"), (12, "script-letters"), (14, "script-digits"),
        (16, "polite-address")]


# --------------------------------------------------------------------------- the site


def test_every_dutch_page_has_a_current_farsi_translation():
    findings = [f for f in translations.check(PROJECT, ui=False)
                if f.path.endswith(".fa.md") or "missing fa translation" in f.message]
    assert not findings, "\n".join(map(str, findings))
    assert len(FA_PAGES) >= 25, [rel(p) for p in FA_PAGES]


def test_the_farsi_pages_and_interface_strings_follow_the_language_rules():
    findings = [f for f in cm.scan(cm.load_model(ROOT / "mkdocs.yml"), root=ROOT).findings
                + L.check_all(PROJECT) if f.path.endswith(".fa.md") or f.path == "translations/fa.po"]
    assert not findings, "\n".join(map(str, findings))
