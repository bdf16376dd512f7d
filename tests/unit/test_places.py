"""The places file: open-data metadata, places still to review as warnings, clear errors."""
from __future__ import annotations

import json

from tests.conftest import PROJECT
from tools.wegwijs.sources import places


def write(tmp_path, data) -> places.Places:
    path = tmp_path / "places.geojson"
    path.write_text(data if isinstance(data, str) else json.dumps(data, indent=2), encoding="utf-8")
    return places.load(path, tmp_path)


def feature(fid, geometry=None, **props):
    return {"type": "Feature", "id": fid, "geometry": geometry,
            "properties": {"name": fid.title(), **props}}


def test_real_file_has_source_licence_and_lists_places_to_review():
    data = places.project_places(PROJECT)
    assert data.source and data.license
    errors = [f for f in data.findings if f.severity == "error"]
    assert errors == []
    reviews = [f for f in data.findings if f.rule == "places-review"]
    assert len(reviews) == sum(1 for p in data.places if p.review)
    assert all(f.severity == "warning" and f.path == "data/places.geojson" and f.line > 1
               for f in reviews)
    # Nothing invented: a place without coordinates has no address either, and says why.
    for place in data.places:
        if place.lat is None:
            assert place.review and "NAKIJKEN" in place.review


def test_errors_name_the_line_and_the_fix(tmp_path):
    data = write(tmp_path, {"type": "FeatureCollection", "metadata": {"source": "x"}, "features": [
        feature("a", {"type": "Point", "coordinates": [52.22, 5.18]}),
        feature("b"),
        feature("c", review="NAKIJKEN: adres"),
        feature("a", {"type": "Point", "coordinates": [5.18, 52.22]}, address="Straat 1"),
    ]})
    messages = [(f.severity, f.line, f.message) for f in data.findings]
    assert any(s == "error" and "license" in m for s, _, m in messages)
    assert any(s == "error" and "longitude first" in m for s, _, m in messages)
    assert any(s == "error" and "'b' has no address" in m for s, _, m in messages)
    assert any(s == "warning" and "'c' needs review" in m for s, _, m in messages)
    assert any(s == "error" and "duplicate id 'a'" in m for s, _, m in messages)


def test_broken_json_is_a_finding_not_a_traceback(tmp_path):
    data = write(tmp_path, '{"type": "FeatureCollection",\n "features": [,]}')
    assert len(data.findings) == 1 and data.findings[0].line == 2
    assert "not valid JSON" in data.findings[0].message


def test_links_open_the_phone_map_app():
    place = places.Place("x", "Station Hilversum", "vervoer", "Stationsplein, Hilversum", {},
                         5.1817, 52.2261, None, 1)
    assert place.geo_uri == "geo:52.22610,5.18170?q=52.22610,5.18170(Station%20Hilversum)"
    assert place.osm_url.startswith("https://www.openstreetmap.org/?mlat=52.22610&mlon=5.18170")
    no_coords = places.Place("y", "Y", "", "Dudokpark 1, Hilversum", {}, None, None, None, 1)
    assert no_coords.geo_uri == "geo:0,0?q=Dudokpark%201%2C%20Hilversum" and no_coords.osm_url is None
