"""Begrippen: parsing the begrippenlijst, marking terms in the text, collation per language,
and (in Chromium) the explanation opened and closed with the keyboard."""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown

from tools.wegwijs.markdown import glossary
from tools.wegwijs.markdown.checklist import ChecklistExtension

DUTCH = """# Begrippen

AZC {#azc}
:   Een azc is een asielzoekerscentrum.
    U woont daar eerst.

Gemeente {#gemeente}
:   De [gemeente](x.md) is het *bestuur* van de stad.

BSN (burgerservicenummer) {#bsn}
:   Uw persoonlijke nummer.

Zonder id
:   Uitleg.
"""
ENGLISH = """Asylum seekers' centre (AZC) {#azc}
:   Where you live first.

Municipality (gemeente) {#gemeente}
:   The town's government.
"""


def test_parse_terms_ids_names_and_short_explanation():
    terms, problems = glossary.parse(DUTCH, first_line=7)
    assert [t.id for t in terms] == ["azc", "gemeente", "bsn"]
    assert terms[0].short == "Een azc is een asielzoekerscentrum. U woont daar eerst."
    assert terms[1].short == "De gemeente is het bestuur van de stad."
    assert terms[2].names == ["BSN", "burgerservicenummer"]
    assert problems and problems[0][0] == 7 + 12 and "no id" in problems[0][1]
    english, _ = glossary.parse(ENGLISH)
    assert english[1].display == "Municipality" and english[1].names == ["Municipality", "gemeente"]


def render(text, lang="en", sort_lang=None, terms_lang=ENGLISH):
    dutch, _ = glossary.parse(DUTCH)
    own = {t.id: t for t in glossary.parse(terms_lang)[0]} if terms_lang else {}
    ext = glossary.GlossaryExtension()
    ext.context = {"lang": lang, "default": "nl", "sort_lang": sort_lang,
                   "entries": [(own.get(t.id, t), t) for t in dutch]}
    md = markdown.Markdown(extensions=["attr_list", "def_list", "pymdownx.tasklist",
                                       ChecklistExtension(), ext])
    return md.convert(text)


def test_terms_marked_once_in_the_page_language_and_in_dutch_but_not_in_headings_links_code():
    html = render("# The AZC\n\nIn the AZC you wait. Later the azc again. Ask the "
                  "[municipality](x.md) or `gemeente`. Then the Municipality (gemeente) helps.\n")
    root = etree.fromstring(f"<div>{html}</div>")
    terms = root.findall(".//span[@class='wegwijs-term']")
    assert [t.get("data-term") for t in terms] == ["azc", "gemeente"]
    assert root.find(".//h1").text == "The AZC"
    assert terms[0].find("a").text == "AZC"
    assert terms[1].find("a").text == "Municipality"
    tip = terms[1].find("span")
    assert tip.get("hidden") is not None
    assert "".join(tip.itertext()) == "Municipality (Gemeente): The town's government."
    assert tip.find("span[@lang='nl']").text == "Gemeente"


def test_dutch_word_in_a_translation_is_marked_and_untranslated_terms_explain_in_dutch():
    html = render("Bring your BSN.\n")
    root = etree.fromstring(f"<div>{html}</div>")
    tip = root.find(".//span[@class='wegwijs-term__tip']")
    assert tip.get("lang") == "nl" and "".join(tip.itertext()) == \
        "BSN: Uw persoonlijke nummer."


def test_abbreviations_that_are_common_words_match_only_in_capitals():
    dutch = "MAP {#map}\n:   Module Arbeidsmarkt en Participatie.\n\nAZC {#azc}\n:   Centrum.\n"
    ext = glossary.GlossaryExtension()
    terms = glossary.parse(dutch)[0]
    ext.context = {"lang": "nl", "default": "nl", "entries": [(t, t) for t in terms]}
    md = markdown.Markdown(extensions=[ext])
    html = md.convert("Doe uw papieren in een map. U woont in het azc.")
    assert 'data-term="map"' not in html and 'data-term="azc"' in html
    assert 'data-term="map"' in md.reset().convert("Daarna volgt u de MAP.")


def test_no_terms_inside_checklist_labels():
    html = render("- [ ] Go to the AZC {#naar-azc}\n")
    assert "wegwijs-term" not in html


def sorted_terms(terms, lang):
    return sorted(terms, key=lambda t: glossary.sort_key(t.casefold(), lang))


def test_dutch_order_ij_accents_and_case():
    words = ["Zorg", "ijs", "IND", "inburgering", "één", "Eigen", "appel", "Ábc", "jas"]
    assert sorted_terms(words, "nl") == ["Ábc", "appel", "één", "Eigen", "ijs", "inburgering",
                                         "IND", "jas", "Zorg"]


def test_farsi_order_puts_pe_che_zhe_gaf_after_their_base_letters_and_he_after_vav():
    words = ["گاز", "کار", "پول", "بانک", "چای", "جا", "ژاله", "زن", "وام", "هفته", "یک", "نان"]
    assert sorted_terms(words, "fa") == ["بانک", "پول", "جا", "چای", "زن", "ژاله", "کار", "گاز",
                                         "نان", "وام", "هفته", "یک"]
    assert sorted(words) != sorted_terms(words, "fa")  # code-point order is wrong


def test_arabic_order():
    words = ["يد", "باب", "ثوب", "أب", "تمر", "هاتف", "واحد"]
    assert sorted_terms(words, "ar") == ["أب", "باب", "تمر", "ثوب", "هاتف", "واحد", "يد"]


def test_tigrinya_order_follows_the_ethiopic_syllabary():
    words = ["ገንዘብ", "ሀገር", "ለውጢ", "ቤት", "ቐዳማይ", "ቀዳማይ", "ትምህርቲ", "ኣብ", "ዕዳጋ", "ሓገዝ"]
    assert sorted_terms(words, "ti") == ["ሀገር", "ለውጢ", "ሓገዝ", "ቀዳማይ", "ቐዳማይ", "ቤት",
                                         "ትምህርቲ", "ኣብ", "ዕዳጋ", "ገንዘብ"]


def test_begrippen_page_sorted_in_its_language():
    html = render("Zorg {#zorg}\n:   a\n\nijs {#ijs}\n:   b\n\nAfval {#afval}\n:   c\n",
                  lang="nl", sort_lang="nl", terms_lang=None)
    assert re.findall(r'<dt id="([a-z]+)"', html) == ["afval", "ijs", "zorg"]


def test_begrippen_page_sorted_by_text_when_terms_hold_inline_html():
    source = "".join(f'{word} (<bdi lang="nl">{nl}</bdi>) {{#{tid}}}\n:   x\n\n' for word, nl, tid in [
        ("مسیر Z", "Z-route", "z"), ("مسیر B1", "B1-route", "b"), ("وام", "lening", "w"),
        ("هفته", "week", "h"), ("پول", "geld", "p")])
    html = render(source, lang="fa", sort_lang="fa", terms_lang=None)
    assert re.findall(r'<dt id="([a-z0-9]+)"', html) == ["p", "b", "z", "w", "h"]


def test_real_begrippenlijst_is_clean():
    from tests.conftest import PROJECT

    errors = [f for f in glossary.check(PROJECT) if f.severity == "error"]
    assert errors == [], "\n".join(map(str, errors))



def test_dutch_word_marked_up_in_a_translation_is_found_as_plain_text():
    terms, _ = glossary.parse('مركز اللجوء (<bdi lang="nl">azc</bdi>) {#azc}\n'
                              ':   مركز اللجوء هو <bdi lang="nl">azc</bdi>.\n')
    assert terms[0].display == "مركز اللجوء"
    assert terms[0].names == ["مركز اللجوء", "azc"]
    assert terms[0].short == "مركز اللجوء هو azc."


def test_a_term_line_may_start_with_a_dutch_name_and_explanations_keep_dutch_marks():
    terms, problems = glossary.parse('<bdi lang="nl">COA</bdi> {#coa}\n'
                                     ':   The <bdi lang="nl">COA</bdi> runs the centre.\n')
    assert problems == []
    assert [(t.id, t.term, t.names) for t in terms] == [("coa", "COA", ["COA"])]
    assert terms[0].short == "The COA runs the centre."
    assert terms[0].short_parts == [("The ", False), ("COA", True), (" runs the centre.", False)]


def test_tip_marks_the_dutch_words_of_the_explanation():
    html = render("In the AZC you wait.\n", terms_lang='Asylum seekers\' centre (AZC) {#azc}\n'
                  ':   Where you live first: the <bdi lang="nl">azc</bdi>.\n')
    root = etree.fromstring(f"<div>{html}</div>")
    tip = root.find(".//span[@class='wegwijs-term__tip']")
    assert [(b.get("lang"), b.text) for b in tip.iter("bdi")] == [("nl", "azc")]
    assert "".join(tip.itertext()).endswith("(AZC): Where you live first: the azc.")


def test_arabic_sort_ignores_the_article():
    words = ["الموعد", "بلدية", "التأمين"]
    assert sorted(words, key=lambda w: glossary.sort_key(w, "ar")) == ["بلدية", "التأمين", "الموعد"]  # ب, ت, م


def test_arabic_sort_treats_hamza_forms_of_alef_as_alef():
    # Arabic dictionaries (and CLDR's Arabic collation) sort أ إ آ as the letter ا; the
    # root collation gives them their own places before ا, which put إعانة before اختبار.
    words = ["إعانة", "اختبار", "أسبوع", "ابن", "الإعفاء"]
    assert sorted(words, key=lambda w: glossary.sort_key(w, "ar")) == \
        ["ابن", "اختبار", "أسبوع", "إعانة", "الإعفاء"]  # ب, خ, س, ع, عف


def test_arabic_sort_is_stable_for_words_that_differ_only_in_hamza():
    assert sorted(["أمل", "امل"], key=lambda w: glossary.sort_key(w, "ar")) == \
        sorted(["امل", "أمل"], key=lambda w: glossary.sort_key(w, "ar"))
