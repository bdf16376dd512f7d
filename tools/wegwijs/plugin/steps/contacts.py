"""Build step: contacts. Wires ``[[contact:<id>]]`` (markdown/contacts.py) to the contact
card (render/contacts.py, partial overrides/partials/wegwijs/contact.html), with the data
of ``data/contacts.yml`` and its translations (``state.catalogue``, read by tasks.configure) and the addresses of
``data/places.geojson`` (sources/places.py).

- ``register_extension`` (once): the contact extension, rendering with this module;
- ``render``: the card for one contact on the current page (``state.page``, set by
  ``media.start_page``) in this build's language; on the contactkaart the name is a
  heading. An unknown id fails the strict build with ``docs/<page>.md:<line>: ...``.
"""
from __future__ import annotations

import logging
from pathlib import Path

from tools.wegwijs.markdown.contacts import ContactExtension, line_of
from tools.wegwijs.render import contacts as render_contacts
from tools.wegwijs.sources import places
from tools.wegwijs.sources.content_model import display_path

log = logging.getLogger("mkdocs.plugins.wegwijs")


def register_extension(state, config) -> None:
    if state.contact_extension is None:
        state.contact_extension = ContactExtension(
            render=lambda contact_id: render(state, contact_id))
        config.markdown_extensions.append(state.contact_extension)


def places_by_id(state) -> dict:
    return {place.id: place for place in places.project_places(state.project).places}


def render(state, contact_id: str) -> str:
    page = state.page
    data = state.catalogue
    if contact_id not in data.contacts:
        where = "docs"
        if page is not None and page.file.abs_src_path:
            path = Path(page.file.abs_src_path)
            line = line_of(path, contact_id)
            where = display_path(path, state.project.root) + (f":{line}" if line else "")
        log.warning(f"{where}: unknown contact '{contact_id}': use an id from data/contacts.yml "
                    f"(known: {', '.join(data.contacts)})")
        return f'<p class="wegwijs-contact-missing">[[contact:{contact_id}]]</p>'
    heading = page is not None and (page.meta or {}).get("type") == "contactkaart"
    return render_contacts.contact_html(data, contact_id, state.lang, state.t(state.lang),
                                        heading=heading, places_by_id=places_by_id(state),
                                        env=state.templates)
