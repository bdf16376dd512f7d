"""The places on the kaart page and the contactkaart: list, sketch map, map link, source.

The data comes from ``sources/places.py`` (``data/places.geojson``), and for each
place the phone, opening hours and website of the organisation there from
``data/contacts.yml`` (render/contacts.py); the markup is
``overrides/partials/wegwijs/places.html`` (autoescaped). Per language: an accessible
list with links that open the phone's own map app (``geo:``) or OpenStreetMap (only
when the visitor clicks), and a small SVG sketch map drawn here at build time: no
map tiles are loaded unless the visitor follows the link to OpenStreetMap's own map.
"""
from __future__ import annotations

import math

from tools.wegwijs.render import templates
from tools.wegwijs.render.ui_strings import localize_digits
from tools.wegwijs.sources.places import DEFAULT_BBOX, Places, place_number


def places_html(places: Places, lang: str, t, places_url: str, with_map: bool,
                compact: bool = False, default: str = "nl", env=None,
                contacts: dict | None = None) -> str:
    """The places block: list, sketch map, (with_map) the map link, and the data source.

    ``contacts``: place id -> facts of the organisation there (render/contacts.py
    ``place_facts``: phone, opening hours, website from data/contacts.yml; its address
    where the places file has none)."""
    return templates.render(
        "places.html", env, t=t, compact=compact,
        places=list_context(places, lang, default, contacts),
        sketch=sketch_context(places, lang), map_url=map_url() if with_map else None,
        source=places.source, license=places.license, license_url=places.license_url,
        places_url=places_url)


def list_context(places: Places, lang: str, default: str = "nl",
                 contacts: dict | None = None) -> list[dict]:
    rows = []
    for place in places.places:
        contact = (contacts or {}).get(place.id) or {}
        label, label_lang = place.label(lang, default)
        marker = place_number(places, place)
        rows.append({"id": place.id, "name": place.name, "label": label,
                     "label_lang": None if label_lang == lang else label_lang,
                     "number": localize_digits(str(marker), lang) if marker else None,
                     "address": place.address or contact.get("address"),
                     "facts": contact.get("facts") or [],
                     "geo_uri": place.geo_uri, "osm_url": place.osm_url})
    return rows


def sketch_context(places: Places, lang: str = "nl", width: int = 320, height: int = 220) -> dict:
    """A sketch map: the located places as numbered dots, north up, no tiles."""
    located = places.located
    lon0, lat0, lon1, lat1 = DEFAULT_BBOX
    for p in located:
        lon0, lon1 = min(lon0, p.lon), max(lon1, p.lon)
        lat0, lat1 = min(lat0, p.lat), max(lat1, p.lat)
    kx = math.cos(math.radians((lat0 + lat1) / 2))
    span_x, span_y = (lon1 - lon0) * kx, (lat1 - lat0)
    scale = min((width - 40) / span_x, (height - 40) / span_y)
    ox = (width - span_x * scale) / 2
    oy = (height - span_y * scale) / 2
    dots = []
    for p in located:
        x = ox + (p.lon - lon0) * kx * scale
        y = height - (oy + (p.lat - lat0) * scale)
        dots.append({"x": f"{x:.1f}", "y": f"{y:.1f}", "text_y": f"{y + 4:.1f}",
                     "number": localize_digits(str(place_number(places, p)), lang)})
    return {"width": width, "height": height, "dots": dots}


def map_url() -> str:
    """The interactive map is OpenStreetMap's own site, opened only when the visitor asks.

    A link, not an embedded map: the site's Content-Security-Policy allows no other
    origin (nginx/wegwijs.conf), and nothing is requested from a tile server before the
    visitor chooses to go there. The notice says where the map comes from.
    """
    lon0, lat0, lon1, lat1 = DEFAULT_BBOX
    lat, lon = (lat0 + lat1) / 2, (lon0 + lon1) / 2
    return f"https://www.openstreetmap.org/#map=15/{lat:.4f}/{lon:.4f}"
