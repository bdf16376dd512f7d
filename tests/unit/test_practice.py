"""Practice questions: the parser (sources/practice.py), the Markdown extension
(markdown/practice.py) and the check (checks/practice.py)."""
from __future__ import annotations

from types import SimpleNamespace

import markdown
from lxml import html as lxml_html

from tools.wegwijs.checks import practice as check
from tools.wegwijs.markdown.practice import PracticeExtension
from tools.wegwijs.sources import practice, reader

QUESTION = """\
Intro.

/// vraag | wonen-water
U kiest zelf het bedrijf voor uw water. Is dat waar?

( ) Ja.
(x) Nee.

> Het water komt van het waterbedrijf in uw regio.

[Wonen: uitleg](../thema/wonen.md#uitleg)
///

Na de vraag.
"""


def parse(text: str, first_line: int = 1):
    return practice.parse(reader.Body(text, first_line))


def test_parse_reads_every_part_with_file_lines():
    [q] = parse(QUESTION, first_line=10)
    assert q.id == "wonen-water" and q.line == 12 and q.end_line == 21
    assert q.text == "U kiest zelf het bedrijf voor uw water. Is dat waar?"
    assert [(a.text, a.right, a.line) for a in q.answers] == [("Ja.", False, 15), ("Nee.", True, 16)]
    assert q.right == [2]
    assert q.explanation == "Het water komt van het waterbedrijf in uw regio."
    assert (q.link_text, q.link_target, q.link_line) == ("Wonen: uitleg", "../thema/wonen.md#uitleg", 20)
    assert q.problems == []


def test_a_question_inside_a_code_sample_is_no_question():
    assert parse("```\n" + QUESTION + "```\n") == []


def test_unclosed_question_and_stray_line_are_problems():
    [q] = parse("/// vraag | a\nVraag?\n( ) Ja.\n(x) Nee.\nlos\n")
    messages = " ".join(m for _line, m in q.problems)
    assert "not closed" in messages and "unexpected line" in messages


def test_neutral_leaves_no_latin_syntax_for_the_language_check():
    assert practice.neutral("/// vraag | wonen-water") == ""
    assert practice.neutral("///") == ""
    assert practice.neutral("(x) نعم.") == "نعم."


# --------------------------------------------------------------------------- extension


def render(text: str, context=None):
    ext = PracticeExtension()
    ext.context = context
    out = markdown.markdown(text, extensions=[ext, "attr_list"])
    return lxml_html.fromstring(f"<div>{out}</div>")


def test_question_is_a_fieldset_with_legend_radios_and_answer_in_details():
    root = render(QUESTION)
    [box] = root.xpath("//div[@data-question]")
    assert box.get("id") == "vraag-wonen-water" and box.get("data-right") == "2"
    assert box.xpath("string(fieldset/legend)") == "U kiest zelf het bedrijf voor uw water. Is dat waar?"
    radios = box.xpath("fieldset//input[@type='radio']")
    assert [r.get("value") for r in radios] == ["1", "2"]
    assert {r.get("name") for r in radios} == {"vraag-wonen-water"}
    for radio in radios:  # every radio has its own label
        assert box.xpath(f"string(.//label[@for='{radio.get('id')}'])")
    details = box.xpath("details[@class='wegwijs-q__answer']")[0]
    assert "Nee." in details.xpath("string(p[@class='wegwijs-q__right'])")
    assert details.xpath("string(p[@class='wegwijs-q__explanation'])").startswith("Het water")
    assert details.xpath("p[@class='wegwijs-q__source']/a/@href") == ["../thema/wonen.md#uitleg"]
    # The check button is for JavaScript only; without it the page shows the answer in <details>.
    assert box.xpath("p[@class='wegwijs-q__actions']/@hidden")
    assert not box.xpath(".//*[@lang='nl']")  # a Dutch page has no "show in Dutch"
    assert "Na de vraag." in root.text_content() and "Intro." in root.text_content()


def test_translation_gets_the_dutch_question_marked_lang_nl():
    [dutch] = parse(QUESTION)
    arabic = QUESTION.replace("U kiest zelf het bedrijf voor uw water. Is dat waar?", "هل هذا صحيح؟")
    root = render(arabic, {"lang": "ar", "t": lambda key: f"[{key}]", "dutch": {dutch.id: dutch}})
    [nl] = root.xpath("//details[@class='wegwijs-q__nl']/div[@lang='nl']")
    assert nl.get("dir") == "ltr"
    assert nl.xpath("string(p)") == dutch.text
    assert nl.xpath("ol/li/text()") == ["Ja.", "Nee."]
    assert root.xpath("string(//details[@class='wegwijs-q__nl']/summary)") == "[wegwijs.practice.dutch]"
    assert root.xpath("string(//legend)") == "هل هذا صحيح؟"


def test_text_is_escaped_by_the_tree_not_spliced():
    root = render(QUESTION.replace("Ja.", "1 < 2 & \"ja\""))
    assert root.xpath("string(//label[@for='vraag-wonen-water-1'])") == '1 < 2 & "ja"'


# --------------------------------------------------------------------------- check


class FakeSite:
    def __init__(self, pages):
        self.pages = pages

    def source_pages(self):
        return {p.src: p for p in self.pages}


def page(src: str, text: str, rel: str | None = None):
    return SimpleNamespace(src=src, rel=rel or f"docs/{src}", markdown=reader.Body(text, 1))


THEMA = page("thema/wonen.md", "# Wonen\n\n## Uitleg {#uitleg}\n\nTekst.\n")


def findings(text: str):
    module = page("oefenen/wonen.md", text)
    site = FakeSite([THEMA, module])
    return [(f.rule, f.line) for q in parse(text) for f in check.question_findings(site, module, q)]


def test_a_good_question_has_no_findings():
    assert findings(QUESTION) == []


def test_no_right_answer_and_two_right_answers():
    assert ("practice-answers", 3) in findings(QUESTION.replace("(x) Nee.", "( ) Nee."))
    assert ("practice-answers", 3) in findings(QUESTION.replace("( ) Ja.", "(x) Ja."))


def test_one_answer_is_too_few():
    assert ("practice-answers", 3) in findings(QUESTION.replace("( ) Ja.\n", ""))


def test_missing_explanation():
    assert findings(QUESTION.replace("> Het water komt van het waterbedrijf in uw regio.\n", "")) == [
        ("practice-explanation", 3)]


def test_dead_page_and_dead_anchor_name_the_link_line():
    assert findings(QUESTION.replace("wonen.md#uitleg", "wonen2.md#uitleg")) == [("practice-link", 11)]
    assert findings(QUESTION.replace("#uitleg", "#nergens")) == [("practice-link", 11)]
    assert findings(QUESTION.replace("[Wonen: uitleg](../thema/wonen.md#uitleg)\n", "")) == [
        ("practice-link", 3)]


def test_translation_with_other_questions_or_answers_than_dutch():
    dutch = parse(QUESTION)
    translation = page("oefenen/wonen.md", "", rel="docs/oefenen/wonen.en.md")
    fewer = parse(QUESTION.replace("( ) Ja.\n", "( ) Ja.\n( ) Misschien.\n"))
    assert [(f.rule, f.line) for f in check.compare(translation, fewer, dutch)] == [("practice-structure", 3)]
    moved = parse(QUESTION.replace("( ) Ja.\n(x) Nee.", "(x) Nee.\n( ) Ja."))
    assert [f.rule for f in check.compare(translation, moved, dutch)] == ["practice-structure"]
    assert [f.rule for f in check.compare(translation, [], dutch)] == ["practice-structure"]
    assert check.compare(translation, parse(QUESTION), dutch) == []


def test_the_sites_own_practice_pages_pass_the_check():
    """No finding but the warning for thema's still without a module (practice-missing)."""
    from tests.conftest import PROJECT

    assert [str(f) for f in check.check(PROJECT) if f.rule != "practice-missing"] == []
    assert all(f.severity == "warning" for f in check.check(PROJECT))


# --------------------------------------------------------------------------- practice-missing

THEMA_PAGE = """---
id: thema-{thema}
type: thema
thema: {thema}
order: 1
---

# {thema}

## Uitleg {{#uitleg}}

Tekst.
"""

MODULE_PAGE = """---
id: oefenen-{thema}
type: oefenen
thema: {thema}
order: 1
---

# Oefenen

{questions}
"""


def module(thema: str, count: int) -> str:
    question = QUESTION.split("\n", 2)[2].split("\nNa de vraag.")[0]  # the block, without the intro
    blocks = [question.replace("wonen-water", f"{thema}-vraag-{n}").replace("wonen.md", f"{thema}.md")
              for n in range(count)]
    return MODULE_PAGE.format(thema=thema, questions="\n".join(blocks))


def test_practice_missing_names_every_thema_without_a_full_module(tmp_path, capsys):
    import json

    from tests.conftest import make_fixture_site
    from tools.wegwijs.cli import run
    from tools.wegwijs.sources import content_model

    config = make_fixture_site(tmp_path, {
        "thema/wonen.md": THEMA_PAGE.format(thema="wonen"),
        "oefenen/wonen.md": module("wonen", 6),  # complete: no finding
        "thema/zorg.md": THEMA_PAGE.format(thema="zorg"),
        "oefenen/zorg.md": module("zorg", 2),  # too few questions
        "thema/taal.md": THEMA_PAGE.format(thema="taal"),  # a thema page, no module
    })
    run(["--config", str(config), "check", "--only", "practice", "--format", "json"])
    found = [f for f in json.loads(capsys.readouterr().out or "[]")]
    assert {f["severity"] for f in found} == {"warning"}
    assert {f["rule"] for f in found} == {"practice-missing"}
    by_path: dict[str, list] = {}
    for f in found:
        by_path.setdefault(f["path"], []).append(f)
    assert "docs/oefenen/wonen.md" not in by_path and "docs/thema/wonen.md" not in by_path
    [zorg] = by_path["docs/oefenen/zorg.md"]
    assert zorg["line"] == 4 and "2 questions" in zorg["message"] and "at least 6" in zorg["message"]
    [taal] = by_path["docs/thema/taal.md"]
    assert taal["line"] == 4 and "docs/oefenen/taal.md" in taal["message"]
    # A thema of the content model without any page: the finding names mkdocs.yml's themas line.
    themas = content_model.load_model(config).themas
    rest = by_path["mkdocs.yml"]
    line = next(n for n, text in enumerate(config.read_text(encoding="utf-8").splitlines(), start=1)
                if text.strip().startswith("themas:"))
    assert {f["line"] for f in rest} == {line}
    named = sorted(t for t in themas for f in rest if f"docs/oefenen/{t}.md " in f["message"])
    assert named == sorted(set(themas) - {"wonen", "zorg", "taal"})
