"""The service worker's manifest (render.precache): a revision per file, lists per
language with each page's assets, nothing the worker may not keep; wide tables get a
focusable, labelled region (render.tables)."""
from __future__ import annotations

import hashlib

import pytest

from tools.wegwijs.render import html_tree, precache, tables


def _site(tmp_path):
    (tmp_path / "en" / "plan").mkdir(parents=True)
    (tmp_path / "assets").mkdir()
    (tmp_path / "media").mkdir()
    (tmp_path / "assets" / "a.css").write_text("body{}")
    (tmp_path / "media" / "v.mp4").write_bytes(b"x" * 10)
    (tmp_path / "en" / "plan" / "index.html").write_text(
        '<html><head><link rel="stylesheet" href="../../assets/a.css">'
        '<link rel="canonical" href="https://x/en/plan/"></head><body>plan</body></html>')
    (tmp_path / "en" / "offline.html").write_text("<html><body>off</body></html>")
    return tmp_path


def test_each_file_has_its_own_revision_and_lists_carry_assets(tmp_path):
    site = _site(tmp_path)
    manifest = precache.build(site, {"offline": {"en": ["en/plan/", "en/offline.html", "en/gone/"]},
                                     "practice": {"en": ["en/plan/"]}})
    data = (site / "assets" / "a.css").read_bytes()
    assert manifest["files"]["assets/a.css"] == [hashlib.sha256(data).hexdigest()[:16], len(data)]
    assert "media/v.mp4" not in manifest["files"]
    assert manifest["lists"]["offline"]["en"] == ["en/plan/", "assets/a.css", "en/offline.html"]
    assert manifest["urls"]["en"] == ["en/plan/", "assets/a.css", "en/offline.html"]
    before = manifest["files"]
    (site / "en" / "offline.html").write_text("<html><body>changed</body></html>")
    after = precache.build(site, {"offline": {"en": ["en/plan/"]}})["files"]
    assert [p for p in after if after[p] != before[p]] == ["en/offline.html"]


def test_worker_source_fills_in_the_manifest(tmp_path):
    manifest = precache.build(_site(tmp_path), {"offline": {"en": ["en/plan/"]}})
    source = precache.worker_source('var V = "__VERSION__"; var M = __MANIFEST__;', manifest)
    assert manifest["version"] in source and '"lists":{"offline"' in source


def test_a_listed_file_the_worker_may_not_keep_is_an_error(tmp_path):
    site = _site(tmp_path)
    with pytest.raises(ValueError, match="media/v.mp4"):
        precache.build(site, {"offline": {"en": ["media/v.mp4"]}})


def test_tables_get_a_labelled_focusable_region():
    root = html_tree.parse('<h2 id="kosten">Kosten</h2><table><tr><th>A</th></tr></table>'
                           '<table class="x"><tr><td>b</td></tr></table>')
    assert tables.wrap(root) == 1
    html = html_tree.serialize(root)
    assert '<div class="wegwijs-table" role="region" tabindex="0" aria-labelledby="kosten"><table>' in html
    assert tables.wrap(root) == 0
