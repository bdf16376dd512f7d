"""The contactkaart on a phone (360x640), in Dutch and Arabic: every phone number of
data/contacts.yml shown there is a tel: link in international form, read left to right
on the RTL page; a fact nobody has verified yet says "not known yet" in the page's
language, never an empty line; the reader's own contacts have lines to fill in."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tools.wegwijs.render import contacts as render_contacts
from tools.wegwijs.render import ui_strings
from tools.wegwijs.sources import catalogue as cat

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("lang, prefix", [("nl", ""), ("ar", "ar/")])
def test_contactkaart_phone_numbers_are_tel_links_and_unknown_values_say_so(
        lang, prefix, phone_page, site_server):
    data = cat.load(ROOT / "data", ("nl", "en", "ar", "ti", "fa"), ROOT)
    phone_page.goto(site_server + prefix + "contactkaart/")
    assert phone_page.evaluate("document.dir || document.body.dir") == ("rtl" if lang == "ar" else "ltr")
    cards = phone_page.locator(".wegwijs-contact")
    ids = cards.evaluate_all("els => els.map(e => e.dataset.contactId)")
    assert ids and all(i in data.contacts for i in ids)

    with_phone = [i for i in ids if data.contacts[i].data.get("phone")]
    assert with_phone, "no contact with a phone number on the contactkaart"
    for contact_id in with_phone:
        phone = data.contacts[contact_id].data["phone"]
        link = phone_page.locator(f".wegwijs-contact[data-contact-id='{contact_id}'] "
                                  ".wegwijs-contact__fact--phone a")
        assert link.get_attribute("href") == render_contacts.phone_href(phone)
        assert link.is_visible()
        shown = link.locator("bdi[dir='ltr']")
        assert shown.inner_text() == ui_strings.localize_digits(phone, lang)
    hrefs = phone_page.locator("a[href^='tel:']").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert hrefs and all(re.fullmatch(r"tel:(\+\d{6,15}|\d{3})", h) for h in hrefs), hrefs

    unknown_text = ui_strings.t(lang, ROOT / "translations")("wegwijs.contact.unknown")
    unknown = phone_page.locator(".wegwijs-contact .wegwijs-contact__unknown")
    assert unknown.count() > 0
    assert set(unknown.all_inner_texts()) == {unknown_text}
    assert unknown.first.is_visible()
    facts = phone_page.locator(".wegwijs-contact__fact").evaluate_all(
        "els => els.map(li => li.innerText.replace(li.querySelector('.wegwijs-contact__label')"
        ".innerText, '').trim())")
    assert facts and all(facts), "a fact line without a value"

    personal = [i for i in ids if data.contacts[i].data.get("personal")]
    fill = phone_page.locator(".wegwijs-contact--personal .wegwijs-contact__fill")
    assert personal and fill.count() == len(personal)
    assert "……" in fill.first.inner_text()
