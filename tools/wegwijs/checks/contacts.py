"""``python -m tools check`` part: contacts on pages and in data/contacts.yml.

- ``contact-unknown``: a ``[[contact:<id>]]`` line (markdown/contacts.py) names an id
  that data/contacts.yml does not have (``docs/<page>.md:<line>``);
- ``catalogue``: a contact's ``place`` is not a feature id in data/places.geojson;
- ``contact-review``: a contact still has a ``review`` text: a phone number, address or
  opening hours nobody has verified yet (the site shows "nog niet bekend" for them).
"""
from __future__ import annotations

from tools.wegwijs import findings as F
from tools.wegwijs.markdown.contacts import references
from tools.wegwijs.sources import catalogue as cat
from tools.wegwijs.sources import content_model as cm
from tools.wegwijs.sources import places


def check_all(project) -> list[F.Finding]:
    model = cm.load_model(project.config_file)
    catalogue = cat.load(project.data_dir, model.languages, project.root)
    place_ids = {place.id for place in places.project_places(project).places}
    return check(catalogue, references(model.docs_dir), place_ids, project.root)


def check(catalogue, refs, place_ids: set[str], root) -> list[F.Finding]:
    out: list[F.Finding] = []
    for path, line, contact_id in refs:
        if contact_id not in catalogue.contacts:
            out.append(F.error(cm.display_path(path, root), f"unknown contact '{contact_id}' in "
                               "[[contact:…]]: use an id from data/contacts.yml",
                               "contact-unknown", line=line))
    for record in catalogue.contacts.values():
        place = record.data.get("place")
        if place and place not in place_ids:
            out.append(F.error(record.path, f"contact '{record.id}': place '{place}' is not in "
                               "data/places.geojson; add the place there or fix the id",
                               "catalogue", line=record.line))
        review = record.data.get("review")
        if isinstance(review, str) and review.strip():
            out.append(F.warning(record.path, f"contact '{record.id}' needs review: {review}",
                                 "contact-review", line=record.line))
    return out
