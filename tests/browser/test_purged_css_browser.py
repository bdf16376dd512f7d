"""The purged stylesheet looks the same as Material's whole one (issue 17, item 6).

The build publishes Material's stylesheet with only the rules the site uses
(assets/wegwijs/material.css, tools/wegwijs/render/css_purge.py). For one page of every
page type (and the 404 and offline pages) in Dutch and Arabic, at 360x640, this test
takes screenshots with the purged file (the first four screens of the page and its
last, footer included: a full-page screenshot of the werkmap, 110 000 px high, takes
half a minute), then loads the page again with
Material's original file served for the same URL (``page.route``), and asserts that the
two screenshots are pixel-identical; so do the open drawer (both directions), the
desktop layout (1280x800) and the dark scheme. Screenshots are taken in an explicit
state: page loaded, fonts ready, every image decoded, every script's ready state set,
animations off. Masked (their boxes still compared): the video, whose poster loads
lazily, and the player's selects, whose rounded corners Chromium's software rendering
anti-aliases one of two ways from run to run (2 pixels, with either stylesheet).
"""
from __future__ import annotations

import base64

import functools
from pathlib import Path

import pytest

from tests.browser.page_states import wait_drawer_open
from tests.conftest import site_languages
from tools.dev import bench_web
from tools.wegwijs.render import css_purge

LANGS = ("nl", "ar")
# Material's model types, one page each ("thema": one with a video), plus the pages
# the build writes from templates only.
EXTRA_PAGES = {"404": "404.html", "offline": "offline.html"}

READY = """async () => {
  const html = document.documentElement;
  const has = name => document.querySelector(`script[src$="assets/wegwijs/${name}"]`) !== null;
  const states = [
    ['checklist.js', () => html.dataset.wegwijsChecklist === 'ready'],
    ['glossary.js', () => html.dataset.wegwijsGlossary === 'ready'],
    ['stappenplan.js', () => html.dataset.wegwijsPlan === 'ready'],
    ['practice.js', () => html.dataset.wegwijsPractice === 'ready'],
    ['offline.js', () => Boolean(html.dataset.wegwijsOffline)],
    ['drawer.js', () => html.dataset.wegwijsDrawer === 'closed'],
    ['player.js', () => [...document.querySelectorAll('figure.wegwijs-video')]
                          .every(f => f.dataset.state === 'ready')],
  ];
  if (!states.every(([script, done]) => !has(script) || done())) return false;
  await document.fonts.ready;
  const images = [...document.images];
  if (!images.every(img => img.complete)) return false;
  await Promise.all(images.map(img => img.decode().catch(() => null)));
  return true;
}"""


@functools.lru_cache(maxsize=None)
def original_css() -> bytes:
    """Material's unpurged main stylesheet, from the installed theme."""
    import material

    found = sorted((Path(material.__file__).parent / "templates").glob(css_purge.MATERIAL_CSS))
    assert len(found) == 1, found
    return found[0].read_bytes()


def pages() -> list:
    """pytest params (name, lang, site path) for one page of each type in LANGS."""
    from tools.wegwijs.sources import content_model

    model = content_model.load_model(bench_web.ROOT / "mkdocs.yml")
    out = []
    for page_type in model.types:
        wanted = "thema-video" if page_type == "thema" else page_type
        path = bench_web.find_page(wanted)
        if path is None:
            continue
        for lang in bench_web.page_languages(wanted):
            if lang in LANGS:
                out.append(pytest.param(page_type, lang, bench_web.lang_prefix(lang) + path,
                                        id=f"{page_type}-{lang}"))
    for name, path in EXTRA_PAGES.items():
        for lang in LANGS:
            out.append(pytest.param(name, lang, bench_web.lang_prefix(lang) + path, id=f"{name}-{lang}"))
    return out


@pytest.fixture
def context(browser):
    # No service worker: its cache would answer before page.route sees the request.
    ctx = browser.new_context(viewport={"width": 360, "height": 640}, device_scale_factor=1,
                              is_mobile=True, has_touch=True, service_workers="block",
                              reduced_motion="reduce")
    yield ctx
    ctx.close()


SCREENS = 4  # screens compared from the top of a page; then its last screen

SCROLL = """y => { window.scrollTo({top: y, left: 0, behavior: 'instant'});
                   return Math.abs(window.scrollY - y) < 1; }"""


def shot(context, url: str, original: bool, prepare=None, full_page: bool = True,
         viewport: dict | None = None, scheme: str | None = None) -> list[bytes]:
    page = context.new_page()
    try:
        if viewport:
            page.set_viewport_size(viewport)
        if scheme:  # before loading: a scheme switched on a loaded page repaints in steps
            page.emulate_media(color_scheme=scheme)
        if original:
            page.route("**/assets/wegwijs/material.css",
                       lambda route: route.fulfill(status=200, body=original_css(),
                                                   headers={"Content-Type": "text/css"}))
        page.goto(url, wait_until="load")
        page.wait_for_function(READY)
        if prepare:
            prepare(page)
        css = page.evaluate("""() => [...document.styleSheets].filter(s => s.href &&
            s.href.endsWith('assets/wegwijs/material.css')).map(s => s.cssRules.length)""")
        assert len(css) == 1 and css[0] > 0, f"{url}: material.css not applied ({css})"
        options = {"animations": "disabled", "caret": "hide", "mask": [page.locator("video, .wegwijs-video select")]}
        if not full_page:
            return [page.screenshot(**options)]
        screen, height = page.evaluate("[innerHeight, document.documentElement.scrollHeight]")
        last = max(0, height - screen)
        shots = []
        for y in sorted({min(i * screen, last) for i in range(SCREENS)} | {last}):
            page.wait_for_function(SCROLL, arg=y)
            shots.append(page.screenshot(**options))
        return shots
    finally:
        page.close()


# Chromium under load now and then rasterises a glyph edge a shade differently in two
# screenshots of the same page (seen: identical-looking images, a handful of pixels
# apart). Two shots count as the same while fewer than MAX_CHANGED pixels differ by more
# than TOLERANCE in a colour channel; a rule PurgeCSS wrongly removed moves or recolours
# whole elements, thousands of pixels.
TOLERANCE = 40
MAX_CHANGED = 60
CHANGED_PIXELS = """async ([a, b, tolerance]) => {
  const load = src => new Promise((ok, fail) => { const i = new Image(); i.onload = () => ok(i);
                                                  i.onerror = fail; i.src = src; });
  const [x, y] = await Promise.all([load(a), load(b)]);
  if (x.width !== y.width || x.height !== y.height) return -1;
  const data = img => { const c = document.createElement('canvas'); c.width = img.width;
    c.height = img.height; const g = c.getContext('2d'); g.drawImage(img, 0, 0);
    return g.getImageData(0, 0, img.width, img.height).data; };
  const p = data(x), q = data(y);
  let changed = 0;
  for (let i = 0; i < p.length; i += 4)
    if (Math.abs(p[i] - q[i]) > tolerance || Math.abs(p[i + 1] - q[i + 1]) > tolerance
        || Math.abs(p[i + 2] - q[i + 2]) > tolerance) changed++;
  return changed;
}"""


def changed_pixels(context, mine: bytes, theirs: bytes) -> int:
    """How many pixels of two PNG screenshots differ visibly (-1: other sizes), in Chromium."""
    page = context.new_page()
    try:
        url = "data:image/png;base64,"
        return page.evaluate(CHANGED_PIXELS, [url + base64.b64encode(mine).decode(),
                                              url + base64.b64encode(theirs).decode(), TOLERANCE])
    finally:
        page.close()


def assert_same(context, url: str, name: str, tmp_path, **options) -> None:
    purged = shot(context, url, original=False, **options)
    whole = shot(context, url, original=True, **options)
    assert len(purged) == len(whole), f"{url}: the page has another height with the purged stylesheet"
    for part, (mine, theirs) in enumerate(zip(purged, whole)):
        if mine != theirs and not 0 <= changed_pixels(context, mine, theirs) < MAX_CHANGED:
            (tmp_path / f"{name}-{part}-purged.png").write_bytes(mine)
            (tmp_path / f"{name}-{part}-original.png").write_bytes(theirs)
            pytest.fail(f"{url} looks different with the purged stylesheet: compare "
                        f"{tmp_path}/{name}-{part}-purged.png and -original.png (a rule the page "
                        "needs was removed: see SAFELIST in tools/wegwijs/render/css_purge.py)")


def test_original_is_what_the_build_purged(built_site):
    """The swapped-in file is the Material version the site was built with: the purged
    copy is smaller and every rule left in it is in the original."""
    purged = (built_site / css_purge.OUTPUT).read_text(encoding="utf-8")
    original = original_css().decode("utf-8")
    assert 0 < len(purged) < len(original) / 2
    assert not list(built_site.glob(css_purge.MATERIAL_CSS)), "Material's copy is still published"
    first_rule = purged[purged.index("}") + 1:].split("}")[0]
    assert first_rule and first_rule in original, first_rule


@pytest.mark.parametrize("page_type,lang,path", pages())
def test_page_type_looks_the_same(context, site_server, tmp_path, page_type, lang, path):
    assert lang in site_languages()
    assert_same(context, site_server + path, f"{page_type}-{lang}", tmp_path)


def open_drawer(page) -> None:
    page.locator(".wegwijs-drawer-open").click()
    wait_drawer_open(page)


def dark(page) -> None:
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")


@pytest.mark.parametrize("lang", LANGS)
def test_states_look_the_same(context, site_server, tmp_path, lang):
    """The open drawer (phone), the desktop layout, and (once) the dark scheme."""
    url = site_server + bench_web.lang_prefix(lang) + bench_web.find_page("thema-video")
    assert_same(context, url, f"drawer-{lang}", tmp_path, prepare=open_drawer, full_page=False)
    assert_same(context, url, f"desktop-{lang}", tmp_path, viewport={"width": 1280, "height": 800})
    if lang == "nl":
        assert_same(context, url, "dark", tmp_path, prepare=dark, scheme="dark")
