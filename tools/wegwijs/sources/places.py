"""Places statushouders need in Hilversum: one open-data GeoJSON file, shown as list and map.

``data/places.geojson`` (WGS84; ``metadata.source`` and ``metadata.license`` say where
the data comes from and under which licence) holds one Feature per place with
``properties``: ``name`` (the Dutch name), ``category``, ``address`` (optional),
``label`` (what the place is for, per language) and ``review`` (what must still be
checked; the ``places`` check lists these as warnings). A place whose address is
not verified keeps ``"geometry": null`` and no address: nothing is invented.

The build (tools/wegwijs/plugin/steps/visitor_tools.py) renders, per language, an accessible list with
links that open the phone's own map app (``geo:``) or OpenStreetMap (only when the
visitor clicks), and a small SVG sketch map drawn here at build time: no map tiles
are loaded unless the visitor follows the link to OpenStreetMap's own map.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path
from urllib.parse import quote

from tools.wegwijs import findings as F
from tools.wegwijs.render.ui_strings import localize_digits

from tools.wegwijs.project import DEFAULT_ROOT as ROOT
DATA = ROOT / "data" / "places.geojson"
# Hilversum town centre, for the map the visitor asks for (min lon, min lat, max lon, max lat).
DEFAULT_BBOX = (5.145, 52.210, 5.200, 52.245)


@dataclass
class Place:
    id: str
    name: str
    category: str
    address: str | None
    labels: dict[str, str]
    lon: float | None
    lat: float | None
    review: str | None
    line: int

    def label(self, lang: str, default: str = "nl") -> tuple[str, str]:
        """(text, language of that text)."""
        if self.labels.get(lang):
            return self.labels[lang], lang
        return self.labels.get(default, self.name), default

    @property
    def geo_uri(self) -> str | None:
        if self.lat is not None:
            return f"geo:{self.lat:.5f},{self.lon:.5f}?q={self.lat:.5f},{self.lon:.5f}({quote(self.name)})"
        if self.address:
            return f"geo:0,0?q={quote(self.address)}"
        return None

    @property
    def osm_url(self) -> str | None:
        if self.lat is None:
            return None
        return (f"https://www.openstreetmap.org/?mlat={self.lat:.5f}&mlon={self.lon:.5f}"
                f"#map=18/{self.lat:.5f}/{self.lon:.5f}")


@dataclass
class Places:
    places: list[Place]
    source: str
    license: str
    license_url: str | None
    findings: list[F.Finding]

    @property
    def located(self) -> list[Place]:
        return [p for p in self.places if p.lat is not None]


def _line_of(text: str, feature_id: str) -> int:
    needle = f'"id": "{feature_id}"'
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else 1


@lru_cache(maxsize=4)
def _load(path: Path, mtime: float) -> Places:
    rel = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
    except FileNotFoundError:
        return Places([], "", "", None, [F.error(rel, "missing: the places file (GeoJSON)",
                                                  "places")])
    except json.JSONDecodeError as exc:
        return Places([], "", "", None, [F.error(rel, f"not valid JSON: {exc.msg}; check commas "
                                                  "and quotes", "places", line=exc.lineno,
                                                  col=exc.colno)])
    out: list[F.Finding] = []
    meta = data.get("metadata") or {}
    for key in ("source", "license"):
        if not meta.get(key):
            out.append(F.error(rel, f"metadata.{key} is missing: say where the data comes from "
                               "and under which licence", "places", line=1))
    places: list[Place] = []
    seen: set[str] = set()
    for feature in data.get("features") or []:
        fid = feature.get("id")
        props = feature.get("properties") or {}
        line = _line_of(text, fid) if isinstance(fid, str) else 1
        if not isinstance(fid, str) or not fid:
            out.append(F.error(rel, "a feature without an 'id': add a stable id like "
                               "'bibliotheek'", "places", line=line))
            continue
        if fid in seen:
            out.append(F.error(rel, f"duplicate id '{fid}'", "places", line=line))
        seen.add(fid)
        if not props.get("name"):
            out.append(F.error(rel, f"'{fid}' has no 'name'", "places", line=line))
        geometry = feature.get("geometry")
        lon = lat = None
        if geometry is not None:
            coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
            if (not isinstance(geometry, dict) or geometry.get("type") != "Point"
                    or not isinstance(coords, list) or len(coords) != 2
                    or not all(isinstance(c, (int, float)) for c in coords)):
                out.append(F.error(rel, f"'{fid}': geometry must be a Point [longitude, latitude] "
                                   "or null", "places", line=line))
            else:
                lon, lat = float(coords[0]), float(coords[1])
                if not (4.9 < lon < 5.5 and 52.0 < lat < 52.4):
                    out.append(F.error(rel, f"'{fid}': [{lon}, {lat}] is not in or near Hilversum; "
                                       "GeoJSON puts longitude first", "places", line=line))
        if props.get("review"):
            out.append(F.warning(rel, f"'{fid}' needs review: {props['review']}", "places-review",
                                 line=line))
        elif geometry is None and not props.get("address"):
            out.append(F.error(rel, f"'{fid}' has no address and no coordinates: add them, or "
                               "add a 'review' line saying what is missing", "places",
                               line=line))
        labels = props.get("label") or {}
        places.append(Place(fid, props.get("name") or fid, props.get("category") or "",
                            props.get("address"), labels if isinstance(labels, dict) else {},
                            lon, lat, props.get("review"), line))
    return Places(places, meta.get("source", ""), meta.get("license", ""),
                  meta.get("license_url"), out)


def load(path: Path = DATA) -> Places:
    path = Path(path)
    return _load(path, path.stat().st_mtime if path.exists() else 0.0)


def check() -> list[F.Finding]:
    return load().findings


# --------------------------------------------------------------------------- HTML


def render_list(places: Places, lang: str, t, default: str = "nl") -> str:
    """An accessible list of places with address and map-app links."""
    rows = []
    for number, place in enumerate(places.places, start=1):
        label, label_lang = place.label(lang, default)
        label_attr = "" if label_lang == lang else f' lang="{label_lang}" dir="ltr"'
        marker = place_number(places, place)
        badge = (f'<span class="wegwijs-place__nr" aria-hidden="true">'
                 f'{localize_digits(str(marker), lang)}</span> ' if marker else "")
        parts = [f'<li class="wegwijs-place" id="place-{escape(place.id)}">',
                 f'<p class="wegwijs-place__name">{badge}<bdi lang="nl"><b>{escape(place.name)}</b></bdi>'
                 f'<br><span{label_attr}>{escape(label)}</span></p>']
        if place.address:
            parts.append(f'<p class="wegwijs-place__address"><bdi lang="nl">{escape(place.address)}</bdi></p>')
        else:
            parts.append(f'<p class="wegwijs-place__address wegwijs-place__address--unknown">'
                         f'{escape(t("wegwijs.map.unknown"))}</p>')
        links = []
        if place.geo_uri:
            links.append(f'<a href="{escape(place.geo_uri)}">{escape(t("wegwijs.map.app"))}</a>')
        if place.osm_url:
            links.append(f'<a href="{escape(place.osm_url)}" rel="noopener noreferrer">'
                         f'{escape(t("wegwijs.map.osm"))}</a>')
        if links:
            parts.append('<p class="wegwijs-place__links">' + " · ".join(links) + "</p>")
        parts.append("</li>")
        rows.append("".join(parts))
    return '<ol class="wegwijs-places">' + "".join(rows) + "</ol>"


def place_number(places: Places, place: Place) -> int | None:
    located = places.located
    return located.index(place) + 1 if place in located else None


def render_svg(places: Places, title: str, width: int = 320, height: int = 220,
               lang: str = "nl") -> str:
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

    def xy(p):
        return ox + (p.lon - lon0) * kx * scale, height - (oy + (p.lat - lat0) * scale)

    items = []
    for p in located:
        x, y = xy(p)
        n = place_number(places, p)
        items.append(f'<g><circle cx="{x:.1f}" cy="{y:.1f}" r="9"/>'
                     f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle">'
                     f'{localize_digits(str(n), lang)}</text></g>')
    return (f'<svg class="wegwijs-sketch" viewBox="0 0 {width} {height}" role="img" '
            f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
            f'<title>{escape(title)}</title>'
            f'<rect x="1" y="1" width="{width - 2}" height="{height - 2}" rx="6" class="wegwijs-sketch__bg"/>'
            f'<g class="wegwijs-sketch__north"><path d="M{width - 22} 34 l8 -20 l8 20 l-8 -6z"/>'
            f'<text x="{width - 14}" y="48" text-anchor="middle">N</text></g>'
            + "".join(items) + "</svg>")


def render_map_link(places: Places, t) -> str:
    """The interactive map is OpenStreetMap's own site, opened only when the visitor asks.

    A link, not an embedded map: the site's Content-Security-Policy allows no other
    origin (nginx/wegwijs.conf), and nothing is requested from a tile server before the
    visitor chooses to go there. The notice says where the map comes from.
    """
    lon0, lat0, lon1, lat1 = DEFAULT_BBOX
    lat, lon = (lat0 + lat1) / 2, (lon0 + lon1) / 2
    url = f"https://www.openstreetmap.org/#map=15/{lat:.4f}/{lon:.4f}"
    return (f'<div class="wegwijs-map">'
            f'<p class="wegwijs-map__notice">{escape(t("wegwijs.map.notice"))}</p>'
            f'<p><a class="md-button wegwijs-map__open" href="{url}" rel="noopener noreferrer">'
            f'{escape(t("wegwijs.map.show"))}</a></p>'
            f'<p class="wegwijs-map__attribution">{escape(t("wegwijs.map.attribution"))} '
            f'(<a href="https://www.openstreetmap.org/copyright" rel="noopener noreferrer">'
            f'OpenStreetMap</a>)</p></div>')


def render_source(places: Places, t) -> str:
    licence = escape(places.license)
    if places.license_url:
        licence = f'<a href="{escape(places.license_url)}" rel="noopener noreferrer">{licence}</a>'
    return (f'<p class="wegwijs-places__source">{escape(t("wegwijs.map.source"))} '
            f'<span lang="nl" dir="ltr">{escape(places.source)}</span> '
            f'{escape(t("wegwijs.map.license"))} {licence}. '
            f'<a class="wegwijs-places__download" href="{{places_url}}" download>{escape(t("wegwijs.map.download"))}</a></p>')
