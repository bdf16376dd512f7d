"""Contact cards from data/contacts.yml: tel: links, 'not known yet' for unknown facts,
lines to fill in for the reader's own contacts, Dutch terms in translations, the
``[[contact:<id>]]`` line outside code, and the contacts check with path:line."""
from __future__ import annotations

import textwrap
from pathlib import Path

import markdown
from lxml import html as lxml_html

from tools.wegwijs.checks import contacts as contact_check
from tools.wegwijs.markdown.contacts import ContactExtension, references
from tools.wegwijs.render import contacts
from tools.wegwijs.sources import catalogue as cat

LANGS = ("nl", "en", "fa")
T = {"wegwijs.contact.phone": "Telefoon:", "wegwijs.contact.address": "Adres:",
     "wegwijs.contact.hours": "Open:", "wegwijs.contact.website": "Website:",
     "wegwijs.contact.unknown": "nog niet bekend", "wegwijs.contact.name": "Naam:"}


def t(key: str) -> str:
    return T[key]


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def catalogue(tmp_path: Path):
    data = tmp_path / "data"
    write(data / "tasks.yml", "tasks: []\n")
    write(data / "documents.yml", "documents: []\n")
    write(data / "links.yml", "links: []\n")
    write(data / "contacts.yml", """\
        contacts:
          - id: loket
            kind: organisation
            name: Sociaal Plein Hilversum
            ask: "Vragen over uw uitkering."
            phone: null
            address: null
            place: plein
            hours: null
            website: https://www.hilversum.nl/
            personal: false
            review: "Telefoonnummer nakijken."
          - id: "112"
            kind: organisation
            name: Alarmnummer 112
            ask: "Bel bij gevaar."
            phone: "112"
            address: false
            hours: "Altijd."
            website: false
            personal: false
          - id: toeslagen
            kind: organisation
            name: Dienst Toeslagen
            ask: "Huurtoeslag."
            phone: "0800 0543"
            address: false
            hours: null
            website: null
            personal: false
          - id: huisarts
            kind: role
            name: Uw huisarts
            ask: "Als u ziek bent."
            phone: null
            address: null
            personal: true
        """)
    write(data / "contacts.en.yml", """\
        contacts:
          loket:
            ask: 'Questions about your benefit (<bdi lang="nl">uitkering</bdi>) <b>now</b>.'
          huisarts:
            name: Your family doctor
        """)
    return cat.load(data, LANGS, tmp_path)


def q(root, selector: str) -> list:
    """Elements by 'tag.class' (tag optional), 'tag' or '.class' (lxml without cssselect)."""
    tag, _, cls = selector.partition(".")
    path = f"descendant::{tag or '*'}"
    if cls:
        path += f"[contains(concat(' ', @class, ' '), ' {cls} ')]"
    return root.xpath(path)


def card(data, contact_id: str, lang: str = "nl", **kwargs):
    return lxml_html.fragment_fromstring(contacts.contact_html(data, contact_id, lang, t, **kwargs))


def test_phone_numbers_dial_in_international_form():
    assert contacts.phone_href("+31 88 043 0430") == "tel:+31880430430"
    assert contacts.phone_href("0800 0543") == "tel:+318000543"
    assert contacts.phone_href("0900-8844") == "tel:+319008844"
    assert contacts.phone_href("112") == "tel:112"


def test_a_phone_number_is_a_tel_link_written_as_in_the_data(tmp_path):
    data = catalogue(tmp_path)
    root = card(data, "toeslagen")
    link = q(q(root, ".wegwijs-contact__fact--phone")[0], "a")[0]
    assert link.get("href") == "tel:+318000543"
    assert q(link, "bdi")[0].get("dir") == "ltr" and link.text_content() == "0800 0543"
    farsi = q(q(card(data, "toeslagen", lang="fa"), ".wegwijs-contact__fact--phone")[0], "a")[0]
    assert farsi.get("href") == "tel:+318000543" and farsi.text_content() == "۰۸۰۰ ۰۵۴۳"


def test_unknown_facts_of_an_organisation_say_so_and_facts_that_do_not_apply_are_left_out(tmp_path):
    data = catalogue(tmp_path)
    root = card(data, "loket", places_by_id={})
    facts = {li.get("class").split("--")[-1]: li.text_content()
             for li in q(root, ".wegwijs-contact__fact")}
    assert facts["phone"] == "Telefoon: nog niet bekend"
    assert facts["address"] == "Adres: nog niet bekend"
    assert facts["hours"] == "Open: nog niet bekend"
    assert facts["website"] == "Website: www.hilversum.nl"
    assert all(text.split(":", 1)[1].strip() for text in facts.values())  # never an empty line
    emergency = card(data, "112")
    keys = [li.get("class").split("--")[-1] for li in q(emergency, ".wegwijs-contact__fact")]
    assert keys == ["phone", "hours"]  # 112 has no address and no website: false


def test_a_place_gives_its_address_to_the_contact_there(tmp_path):
    data = catalogue(tmp_path)
    place = type("Place", (), {"address": "Dudokpark 1, 1217 JE Hilversum"})()
    root = card(data, "loket", places_by_id={"plein": place})
    assert "Dudokpark 1" in q(root, ".wegwijs-contact__fact--address")[0].text_content()


def test_a_personal_contact_has_lines_to_fill_in_and_no_unknown_text(tmp_path):
    data = catalogue(tmp_path)
    root = card(data, "huisarts")
    assert "wegwijs-contact--personal" in root.get("class")
    assert q(root, ".wegwijs-contact__fill")[0].text_content().startswith("Naam: ……")
    assert not q(root, ".wegwijs-contact__unknown")


def test_heading_on_the_contactkaart_and_translations_with_dutch_terms(tmp_path):
    data = catalogue(tmp_path)
    root = card(data, "loket", lang="en", heading=True)
    name = q(root, "h2.wegwijs-contact__name")[0]
    assert name.get("id") == "loket"
    assert q(name, "bdi")[0].get("lang") == "nl"  # an organisation keeps its Dutch name
    ask = q(root, ".wegwijs-contact__ask")[0]
    assert ask.get("lang") is None and q(ask, "bdi")[0].text == "uitkering"
    assert not q(ask, "b") and "<b>now</b>" in ask.text_content()  # no other markup
    role = card(data, "huisarts", lang="en")
    assert q(role, ".wegwijs-contact__name")[0].text_content() == "Your family doctor"
    fallback = q(role, ".wegwijs-contact__ask")[0]
    assert fallback.get("lang") == "nl" and fallback.get("dir") == "ltr"


def test_the_contact_line_becomes_a_card_outside_code_only():
    md = markdown.Markdown(extensions=["fenced_code", ContactExtension(
        render=lambda contact_id: f'<div class="card">{contact_id}</div>')])
    out = md.convert("Tekst\n\n[[contact:coa]]\n\n```\n[[contact:voorbeeld]]\n```\n")
    assert '<div class="card">coa</div>' in out
    assert "[[contact:voorbeeld]]" in out and 'card">voorbeeld' not in out


def test_check_reports_unknown_contacts_and_places_with_path_and_line(tmp_path):
    data = catalogue(tmp_path)
    docs = tmp_path / "docs"
    write(docs / "kaart.md", "# Kaart\n\n[[contact:loket]]\n\n[[contact:onbekend]]\n")
    found = contact_check.check(data, references(docs), {"elders"}, tmp_path)
    by_rule = {}
    for finding in found:
        by_rule.setdefault(finding.rule, []).append(finding)
    (unknown,) = by_rule["contact-unknown"]
    assert (unknown.path, unknown.line) == ("docs/kaart.md", 5) and "onbekend" in unknown.message
    (place,) = by_rule["catalogue"]
    assert place.path == "data/contacts.yml" and "plein" in place.message
    (review,) = by_rule["contact-review"]
    assert review.severity == "warning" and "Telefoonnummer nakijken" in review.message
