"""tools/wegwijs/render/css_purge.py on a tiny built site: PurgeCSS (npm, run with Node)
keeps the rules the pages and our scripts use, right-to-left, print and the dark scheme,
and the variables our own stylesheets use; a missing Node or PurgeCSS is a clear error.
The real site's look is compared in Chromium (tests/browser/test_purged_css_browser.py).
"""
from __future__ import annotations

import shutil

import pytest

from tools.wegwijs.project import DEFAULT_ROOT
from tools.wegwijs.render import css_purge

MATERIAL = (
    ":root{--md-used:1px;--md-unused:2px;--md-ours:3px}"
    "body{margin:var(--md-used)}"
    ".md-header{color:red}"
    ".md-admonition{color:blue}"
    "[dir=rtl] .md-header{float:right}"
    "[dir=ltr] .md-typeset .md-ghost{float:left}"
    "[data-md-color-scheme=slate]{--md-used:5px}"
    ".md-button{padding:1px}"
    ".md-nav--lifted{display:none}"
    "@media print{.md-header{display:none}.md-tabs{display:none}}"
    "@keyframes md-gone{0%{opacity:0}}"
    "\n/*# sourceMappingURL=main.0123abcd.min.css.map*/"
)


@pytest.fixture
def site(tmp_path):
    (tmp_path / "assets" / "stylesheets").mkdir(parents=True)
    (tmp_path / "assets" / "wegwijs").mkdir(parents=True)
    (tmp_path / "assets" / "stylesheets" / "main.0123abcd.min.css").write_text(MATERIAL, encoding="utf-8")
    (tmp_path / "assets" / "stylesheets" / "main.0123abcd.min.css.map").write_text("{}", encoding="utf-8")
    (tmp_path / "assets" / "stylesheets" / "palette.0123abcd.min.css").write_text(
        "[data-md-color-scheme=slate]{--md-x:1}", encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="nl"><body dir="ltr"><header class="md-header">x</header>'
        '</body></html>', encoding="utf-8")
    (tmp_path / "ar").mkdir()
    (tmp_path / "ar" / "index.html").write_text(
        '<!doctype html><html lang="ar"><body dir="rtl"><div class="md-typeset"></div></body></html>',
        encoding="utf-8")
    (tmp_path / "assets" / "wegwijs" / "checklist.js").write_text(
        'b.className = "md-button";', encoding="utf-8")
    (tmp_path / "assets" / "wegwijs" / "wegwijs.css").write_text(
        ".x{margin:var(--md-ours)}", encoding="utf-8")
    return tmp_path


def require_purgecss():
    if not shutil.which("node") or css_purge.find_node_modules([DEFAULT_ROOT]) is None:
        pytest.fail("Node.js and node_modules/purgecss are needed: run `make test` (npm ci)")


def test_keeps_what_the_site_uses(site):
    require_purgecss()
    result = css_purge.purge(site, [site, DEFAULT_ROOT])
    css = (site / css_purge.OUTPUT).read_text(encoding="utf-8")
    for kept in (".md-header{color:red}", "[dir=rtl] .md-header{float:right}",
                 "[data-md-color-scheme=slate]", ".md-button{padding:1px}",  # set by a script
                 ".md-nav--lifted", "@media print", "--md-used:1px", "--md-ours:3px"):
        assert kept in css, kept
    for removed in (".md-admonition", ".md-ghost", ".md-tabs", "--md-unused", "md-gone",
                    "sourceMappingURL"):
        assert removed not in css, removed
    assert result["after"] < result["before"] and result["rejected"] >= 3
    # Material's copies are not published: the pages link the purged file only.
    assert not list((site / "assets" / "stylesheets").iterdir())
    assert not (site / css_purge.PALETTE_OUTPUT).exists()


def test_palette_is_published_when_the_theme_has_one(site):
    css_purge.copy_unpurged(site, palette=True)
    assert (site / css_purge.PALETTE_OUTPUT).read_text(encoding="utf-8").startswith("[data-md-color-scheme=slate]")
    # The preview's copy is Material's file as it is, without the source map comment.
    copied = (site / css_purge.OUTPUT).read_text(encoding="utf-8")
    assert ".md-admonition{color:blue}" in copied and "sourceMappingURL" not in copied


def test_missing_node_or_purgecss_is_a_clear_error(site, monkeypatch):
    monkeypatch.setattr(css_purge.shutil, "which", lambda name: None)
    with pytest.raises(css_purge.PurgeError, match=r"Node\.js is needed .*`make system-deps`"):
        css_purge.purge(site, [site])
    with pytest.raises(css_purge.PurgeError, match=r"node_modules/purgecss is missing\): run `npm ci"):
        css_purge.purge(site, [site], node="/usr/bin/node")
    (site / "assets" / "stylesheets" / "main.0123abcd.min.css").unlink()
    with pytest.raises(css_purge.PurgeError, match=r"expected one Material stylesheet"):
        css_purge.copy_unpurged(site)
