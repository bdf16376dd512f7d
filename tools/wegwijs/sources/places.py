"""Places statushouders need in Hilversum: one open-data GeoJSON file, shown as list and map.

``data/places.geojson`` (WGS84; ``metadata.source`` and ``metadata.license`` say where
the data comes from and under which licence) holds one Feature per place with
``properties``: ``name`` (the Dutch name), ``category``, ``address`` (optional),
``label`` (what the place is for, per language) and ``review`` (what must still be
checked; the ``places`` check lists these as warnings). A place whose address is
not verified keeps ``"geometry": null`` and no address: nothing is invented.

This module reads and checks the data; ``render/places.py`` turns it into the list
and sketch map of the kaart page and the contactkaart.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from tools.wegwijs import findings as F

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
def _load(path: Path, root: Path, mtime: float) -> Places:
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
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


def load(path: Path, root: Path) -> Places:
    """The places in a GeoJSON file; findings name it relative to root."""
    path = Path(path)
    return _load(path, Path(root), path.stat().st_mtime if path.exists() else 0.0)


def project_places(project) -> Places:
    """The project's data/places.geojson."""
    return load(project.places_file, project.root)


def check(project) -> list[F.Finding]:
    return project_places(project).findings


def place_number(places: Places, place: Place) -> int | None:
    located = places.located
    return located.index(place) + 1 if place in located else None
