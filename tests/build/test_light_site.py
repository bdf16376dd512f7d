"""A lighter first load in the built site (issue 17, item 6): every page links Material's
purged stylesheet (never Material's own, which is not published), the service worker's
precache revision is the purged file's, the favicon is a small SVG, and the players show
the WebP poster with the JPEG as fallback."""
from __future__ import annotations

import json
import re

from tools.wegwijs.render import css_purge, precache


def pages(site):
    return [p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith(("go/", "qr/"))]


def test_every_page_links_the_purged_stylesheet_and_the_svg_icon(built_site):
    found = pages(built_site)
    assert len(found) > 50
    for page in found:
        html = page.read_text(encoding="utf-8")
        if "http-equiv=\"refresh\"" in html:  # a redirect page
            continue
        rel = page.relative_to(built_site)
        assert re.search(r'<link rel="stylesheet" href="[./]*assets/wegwijs/material\.css">', html), rel
        assert "assets/stylesheets/" not in html, rel
        assert re.search(r'<link rel="icon" type="image/svg\+xml" href="[./]*assets/wegwijs/favicon\.svg">', html), rel
        assert "favicon.png" not in html, rel
    assert not list(built_site.glob("assets/stylesheets/*.css*"))
    icon = (built_site / "assets" / "wegwijs" / "favicon.svg").read_bytes()
    assert icon.startswith(b"<svg") and len(icon) < 1024


def test_precache_revision_follows_the_purged_file(built_site):
    manifest = json.loads((built_site / "sw-precache.json").read_text(encoding="utf-8"))
    data = (built_site / css_purge.OUTPUT).read_bytes()
    assert manifest["files"][css_purge.OUTPUT] == [precache.revision(data), len(data)]
    # Every language's saved copy includes it (its pages link it).
    for lang, paths in manifest["urls"].items():
        assert css_purge.OUTPUT in paths, lang
