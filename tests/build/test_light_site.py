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


def test_own_scripts_and_stylesheets_are_minified_and_still_parse(built_site):
    """esbuild minified every built script and stylesheet of our own (not sw.js, whose
    precache list is written after): smaller than its source, no comments left, every
    script still valid JavaScript (node --check), non-Latin strings kept as they are."""
    import shutil
    import subprocess

    from tests.conftest import ROOT
    from tools.wegwijs.render import minify

    built = minify.own_assets(built_site)
    names = {p.name for p in built}
    assert {"player.js", "checklist.js", "wegwijs.css", "tools.css", "material.css"} <= names
    assert "sw.js" not in names
    for path in built:
        text = path.read_text(encoding="utf-8")
        source = ROOT / "overrides" / "assets" / "wegwijs" / path.name
        if source.exists():
            assert len(text) < 0.8 * len(source.read_text(encoding="utf-8")), path.name
        assert "/*" not in text.split("\n", 1)[0][:2], path.name
        assert "\\u06" not in text and "\\u12" not in text, path.name  # Arabic/Ge'ez not escaped
        if path.suffix == ".js":
            check = subprocess.run([shutil.which("node"), "--check", str(path)], capture_output=True, text=True)
            assert check.returncode == 0, f"{path.name}: {check.stderr}"
    # The worker's copy is the readable one with its precache list.
    assert "\n" in (built_site / "assets" / "wegwijs" / "sw.js").read_text(encoding="utf-8")
