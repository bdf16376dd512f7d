"""Arabic translation (issue 5): complete and current, the same front matter as the Dutch
page, the polite plural address (أنتم) in pages and interface strings, script conventions
in the Markdown, and right-to-left rendering in Chromium.

The script rules live in ``tools/wegwijs/checks/language_rules.py`` (``python -m tools
check`` reports them with path:line); here unit tests show each rule firing and not
firing on small texts, and one site-level test runs the check over the real Arabic pages
and translations/ar.po. Source (docs/**/*.ar.md): Western digits only, Arabic letters
(never the Persian ی ک), Latin-script words (Dutch terms, names) only inside ``<bdi>``,
and times inside ``<bdi dir="ltr">``. Browser: on every Arabic page a Dutch term in
parentheses, ``عقد الإيجار (<bdi lang="nl">huurcontract</bdi>)``, is drawn with "(" to
its right and ")" to its left, the Arabic word right of "(", a following full stop or
comma left of ")", and every ``<bdi dir="ltr">`` (phone numbers, times) reads left to right.
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
AR_PAGES = sorted(DOCS.rglob("*.ar.md"))
REL = "docs/thema/wonen.ar.md"


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def found(body: str, first_line: int = 5, **kw) -> list[str]:
    return [str(f) for f in L.check_page(REL, "ar", body, first_line, **kw)]


# --------------------------------------------------------------------------- the rules


def test_a_page_that_follows_the_conventions_has_no_findings():
    body = ('يمكنكم توقيع عقد الإيجار (<bdi lang="nl">huurcontract</bdi>) في الساعة '
            '<bdi dir="ltr">09:30</bdi>.\nلذلك نساعدكم. [الرابط](../wonen.md) {#stappenplan}\n'
            "<!-- NAKIJKEN: huurcontract 10:00 -->\n[[video:regeldag]]\n")
    assert found(body) == []


@pytest.mark.parametrize("line, rule, message", [
    ("لديكم ٣ أيام.", "script-digits", "Western digits 0-9"),
    ("لديكم ۳ أيام.", "script-digits", "Western digits 0-9"),
    ("هذا کتاب.", "script-letters", "ي/ك"),
    ("هذا الدرس کبير.", "script-letters", "ي/ك"),
    ("في الساعة 09:30.", "script-time", '<bdi dir="ltr">'),
    ("وقّعوا huurcontract.", "script-latin", "huurcontract outside"),
    ("أنت تسكن هنا.", "polite-address", "'أنت'"),
    ("هذا بيتك.", "polite-address", "'بيتك'"),
])
def test_each_rule_fires_with_path_and_line(line, rule, message):
    [finding] = found(f"لذلك نساعدكم.\n{line}\n")
    assert finding.startswith(f"{REL}:6: [error] ") and finding.endswith(f"({rule})")
    assert message in finding


def test_words_ending_in_kaf_that_are_no_you_form_pass():
    assert found("لذلك كذلك هناك البنك المشترك.\n") == []


def test_line_numbers_count_multi_line_comments():
    body = "<!-- huurcontract\nB1 -->\nوقّعوا huurcontract.\n"
    assert [f.split(": [")[0] for f in found(body, first_line=10)] == [f"{REL}:12"]


def test_a_glossary_term_line_may_hold_latin_letters():
    term = 'مستوى B1 (<bdi lang="nl">taalniveau</bdi>)\n'
    assert found(term, glossary=True) == []
    assert [f.split(": [")[0] for f in found(term)] == [f"{REL}:5"]
    assert "(script-latin)" in found(term + ":   شرح B1\n", glossary=True)[0]


def test_interface_strings_arabic_text_western_digits_polite_address():
    ok = [(3, "nav.home", "الصفحة الرئيسية"), (5, "search.config.lang", "en"), (7, "steps", "خطوة 1")]
    assert L.check_strings("translations/ar.po", "ar", ok) == []
    bad = [(10, "nav.home", "Home"), (12, "steps", "خطوة ١"), (14, "you", "بيتك")]
    assert [str(f) for f in L.check_strings("translations/ar.po", "ar", bad)] == [
        "translations/ar.po:10: [error] 'nav.home' has no Arabic text (ui-string-script)",
        "translations/ar.po:12: [error] 'steps': use Western digits 0-9 (script-digits)",
        "translations/ar.po:14: [error] singular 'you' form 'بيتك': address the reader with "
        "أنتم (-كم) (polite-address)"]


def test_title_and_description_are_translated():
    page = cm.Page(path=Path("x"), rel=REL, src="thema/wonen.md", lang="ar",
                   meta={"title": "Wonen", "description": "السكن في هيلفرسوم"},
                   meta_lines={"title": 3, "description": 4})
    assert [str(f) for f in L.check_front_matter(page)] == [
        f"{REL}:3: [error] 'title' is not translated: write it in Arabic script (translation-title)"]


@pytest.mark.parametrize("key, dutch, mine", [
    ("id", "thema-wonen", "thema-sakan"), ("type", "thema", "pagina"), ("thema", "wonen", "werk"),
    ("order", 3, 4), ("nav", False, None), ("fase", ["regeldag"], ["azc"]),
])
def test_translation_front_matter_must_match_the_dutch_page(key, dutch, mine):
    """The cross-language front-matter rule (content check; the build fails on it)."""
    meta = {"id": "thema-wonen", "type": "thema", "thema": "wonen", "order": 3}
    nl = cm.Page(path=Path("a"), rel="docs/thema/wonen.md", src="thema/wonen.md", lang="nl",
                 meta={**meta, key: dutch})
    ar = cm.Page(path=Path("b"), rel=REL, src="thema/wonen.md", lang="ar",
                 meta={**meta, key: mine} if mine is not None else meta, meta_lines={key: 4})
    same = cm.Page(path=Path("c"), rel=REL.replace(".ar.", ".fa."), src="thema/wonen.md",
                   lang="fa", meta={**meta, key: dutch})
    model = cm.load_model(ROOT / "mkdocs.yml")
    findings = cm._cross_page_rules([nl, ar, same], model)
    assert [str(f).split(" must")[0] for f in findings] == [f"{REL}:4: [error] '{key}'"]
    assert findings[0].rule == "translation-front-matter"


# --------------------------------------------------------------------------- the site


def test_every_dutch_page_has_a_current_arabic_translation():
    findings = [f for f in translations.check(PROJECT, ui=False)
                if f.path.endswith(".ar.md") or "missing ar translation" in f.message]
    assert not findings, "\n".join(map(str, findings))
    assert len(AR_PAGES) >= 25, [rel(p) for p in AR_PAGES]


def test_the_arabic_pages_and_interface_strings_follow_the_language_rules():
    findings = [f for f in cm.scan(cm.load_model(ROOT / "mkdocs.yml"), root=ROOT).findings
                + L.check_all(PROJECT) if f.path.endswith(".ar.md") or f.path == "translations/ar.po"]
    assert not findings, "\n".join(map(str, findings))
