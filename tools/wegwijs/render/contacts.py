"""A contact card from ``data/contacts.yml``: name, what to ask, phone, address, hours, website.

Used by the ``[[contact:<id>]]`` line (markdown/contacts.py) on any page, the
contactkaart among them, and by the places list of the kaart (render/places.py).
The markup is ``overrides/partials/wegwijs/contact.html`` (autoescaped).

Rules (issue 14):

- a phone number is a ``tel:`` link: the href in international form (``+31...``;
  short numbers such as 112 as they are), the text as written in the data (in the
  language's digits: Persian digits on Farsi pages), in a ``<bdi dir="ltr">`` so it
  reads left to right on Arabic and Farsi pages too;
- an organisation shows every fact; a fact nobody has verified yet (``null``) shows
  the translated "not known yet" text, never an empty line; a fact that does not
  apply (``false``: 112 has no address) is left out;
- a person-role the reader fills in (``personal: true``: their own klantmanager,
  begeleider, huisarts) shows what is known plus lines to write the name and number
  on by hand, as the seed's card intends ('ruimte voor eigen aantekeningen');
- translated texts (role name, what to ask, hours) come from the catalogue's
  translations, where Dutch words are written ``<bdi lang="nl">…</bdi>`` as in page
  text (the only markup kept); a Dutch fallback is marked ``lang="nl"``.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from tools.wegwijs.render import templates
from tools.wegwijs.render.ui_strings import localize_digits

FACTS = ("phone", "address", "hours", "website")
DUTCH_TERM = re.compile(r'<bdi lang="nl">(.*?)</bdi>')


def with_dutch_terms(text: str) -> Markup:
    """Catalogue text as HTML: escaped, except ``<bdi lang="nl">…</bdi>`` around Dutch words,
    which a translation writes exactly as page text does (e.g. "your benefit (<bdi
    lang="nl">uitkering</bdi>)"), so screen readers say them in Dutch and RTL text
    keeps them in order. Nothing else is kept as markup."""
    parts, pos = [], 0
    for match in DUTCH_TERM.finditer(text):
        parts.append(escape(text[pos:match.start()]))
        parts.append(Markup('<bdi lang="nl">%s</bdi>') % match.group(1))
        pos = match.end()
    parts.append(escape(text[pos:]))
    return Markup("").join(parts)


def phone_href(text: str) -> str:
    """``tel:`` URI of a Dutch phone number as written ("0800 0543" -> "tel:+318000543")."""
    digits = re.sub(r"[^\d+]", "", text)
    if digits.startswith("+"):
        return "tel:" + digits
    if digits.startswith("00"):
        return "tel:+" + digits[2:]
    if digits.startswith("0"):
        return "tel:+31" + digits[1:]
    return "tel:" + digits  # a short number (112) is dialled as it is


def website_text(url: str) -> str:
    """What a reader sees (and can type) for a web address: host and path, no scheme."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")


def facts(record, catalogue, lang: str, place_address: str | None = None) -> list[dict]:
    """The facts of one contact: [{key, text, href, text_lang, unknown}] in FACTS order.

    An organisation gets every fact (unknown ones flagged); a personal role only the
    known ones (the reader writes the rest by hand).
    """
    data = record.data
    out = []
    for key in FACTS:
        value = data.get(key)
        fact = {"key": key, "text": None, "href": None, "text_lang": None, "unknown": False}
        if value is False:
            continue  # does not apply (112 has no address)
        if key == "phone" and value:
            fact.update(text=localize_digits(str(value), lang), href=phone_href(str(value)))
        elif key == "address" and (value or place_address):
            fact.update(text=str(value or place_address), text_lang="nl")
        elif key == "hours" and value:
            text, text_lang = catalogue.text("contacts", record.id, "hours", lang)
            fact.update(text=with_dutch_terms(text), text_lang=None if text_lang == lang else text_lang)
        elif key == "website" and value:
            fact.update(text=website_text(str(value)), href=str(value))
        elif data.get("personal"):
            continue
        else:
            fact["unknown"] = True
        out.append(fact)
    return out


def contact_context(catalogue, contact_id: str, lang: str, places_by_id: dict | None = None) -> dict:
    """Everything the partial needs for one contact (which must exist in the catalogue)."""
    record = catalogue.contacts[contact_id]
    name, name_lang = catalogue.text("contacts", contact_id, "name", lang)
    ask, ask_lang = catalogue.text("contacts", contact_id, "ask", lang)
    place = (places_by_id or {}).get(record.data.get("place"))
    return {
        "id": contact_id,
        "personal": bool(record.data.get("personal")),
        "name": with_dutch_terms(name), "name_lang": None if name_lang == lang else name_lang,
        "ask": with_dutch_terms(ask), "ask_lang": None if ask_lang == lang else ask_lang,
        "facts": facts(record, catalogue, lang, place.address if place else None),
    }


def contact_html(catalogue, contact_id: str, lang: str, t, heading: bool = False,
                 places_by_id: dict | None = None, env=None) -> str:
    """One contact card. ``heading``: the name is an ``<h2>`` with the contact id as
    its anchor (the contactkaart), else a paragraph (a card inside a page's text)."""
    return templates.render("contact.html", env, t=t, heading=heading,
                            c=contact_context(catalogue, contact_id, lang, places_by_id))


def place_facts(catalogue, lang: str) -> dict:
    """Place id -> {"address", "facts"} of the organisation at that place (the kaart):
    the first non-personal contact whose ``place`` is that id; the address is given
    apart (the places list shows it, or says it is not known yet)."""
    out: dict = {}
    for record in catalogue.contacts.values():
        place = record.data.get("place")
        if not place or record.data.get("personal") or place in out:
            continue
        address = record.data.get("address")
        out[place] = {"address": address if isinstance(address, str) else None,
                      "facts": [f for f in facts(record, catalogue, lang) if f["key"] != "address"]}
    return out
