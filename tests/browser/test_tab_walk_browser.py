"""A keyboard-only walk through every page type (issue 17, item 5), in Arabic and
Tigrinya, at 360x640 and 1280x800: Tab from the top of the page to its end (and, at
360 px, through the open navigation drawer). At every tab stop the focused element must

- be on screen (the browser scrolled it into view),
- not be covered by another element (``document.elementFromPoint`` at the centre of its
  visible part is the element or inside it), and
- show a focus indicator (outline or box-shadow, on the element, its ::before/::after,
  or for a visually hidden checkbox on its label or indicator) whose colour has at least
  3:1 contrast against the background next to it (WCAG 1.4.11, 2.4.7).

Pages are found by front-matter ``type`` (tools/dev/bench_web.py); the professionals'
pages are Dutch only and walked in Dutch. The werkmap is every page's content on one
page: its first WERKMAP_STOPS stops are walked forwards and its last ones backwards.
"""
from __future__ import annotations

import pytest

from tests.browser.page_states import wait_drawer_open
from tests.conftest import require_page
from tools.dev.bench_web import find_source, lang_prefix, page_url_path

PAGE_TYPES = ["home", "overzicht", "fase", "thema-video", "workshop", "begrippen", "contactkaart",
              "stappenplan", "kaart", "werkmap", "oefenen", "professionals"]
SIZES = [(360, 640), (1280, 800)]
WERKMAP_STOPS = 120
LIMIT = 600  # more stops than any page has: a walk that never ends is a failure

# Runs in the page after each Tab, once no animation runs (the skip link fades in, the
# drawer slides): where the focus is and what a sighted keyboard user sees of it.
STOP = """async () => {
  const running = () => document.getAnimations().some(a => a.playState === 'running');
  while (running()) await new Promise(r => requestAnimationFrame(r));
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const describe = e => e.outerHTML.slice(0, 140);

  function rgba(text) {
    const m = /rgba?\\(([\\d.]+),? ([\\d.]+),? ([\\d.]+)(?:,? \\/? ?([\\d.]+))?\\)/.exec(text || '');
    return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]] : null;
  }
  function over(top, below) {  // alpha-composite top over an opaque colour
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + below[i] * (1 - a)).concat(1);
  }
  function background(start) {  // the opaque colour behind start's box
    const layers = [];
    for (let e = start; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  }
  function luminance(c) {
    const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  function contrast(a, b) {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  }
  // The ring: an outline or a box-shadow on the element or one of its pseudo-elements.
  function ring(host, pseudo) {
    const s = getComputedStyle(host, pseudo);
    if (pseudo && s.content === 'none') return null;
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) {
      const colour = rgba(s.outlineColor);
      if (colour && colour[3] > 0) {
        const inside = parseFloat(s.outlineOffset) < 0;
        const behind = background(inside || pseudo ? host : (host.parentElement || host));
        return {how: `outline${pseudo || ''}`, colour, width: parseFloat(s.outlineWidth),
                contrast: contrast(over(colour, behind), behind)};
      }
    }
    if (s.boxShadow && s.boxShadow !== 'none') {
      const colour = rgba(s.boxShadow);
      if (colour && colour[3] > 0) {
        const behind = background(host.parentElement || host);
        return {how: `box-shadow${pseudo || ''}`, colour, contrast: contrast(over(colour, behind), behind)};
      }
    }
    return null;
  }
  const hosts = [el];
  if (el.tagName === 'INPUT') {
    if (el.nextElementSibling) hosts.push(el.nextElementSibling);
    if (el.closest('label')) hosts.push(el.closest('label'));
  }
  let indicator = null;
  for (const host of hosts) {
    for (const pseudo of [null, '::before', '::after']) {
      const found = ring(host, pseudo);
      if (found && (!indicator || found.contrast > indicator.contrast)) indicator = found;
    }
    if (indicator) break;
  }

  // What is seen of it: a visually hidden checkbox shows itself through its label, and
  // a checklist's transparent checkbox through the indicator drawn over it.
  const shown = el.tagName === 'INPUT' && el.getBoundingClientRect().width <= 1
    ? (el.closest('label') || el.nextElementSibling || el) : el;
  const parts = [shown, el];
  if (el.tagName === 'INPUT' && el.closest('label')) parts.push(el.closest('label'));
  const rects = Array.from(shown.getClientRects()).filter(r => r.width > 0 && r.height > 0);
  const box = rects[0] || shown.getBoundingClientRect();
  const vw = document.documentElement.clientWidth, vh = innerHeight;
  const left = Math.max(box.left, 0), right = Math.min(box.right, vw);
  const top = Math.max(box.top, 0), bottom = Math.min(box.bottom, vh);
  const onScreen = right - left >= Math.min(box.width, vw) - 1 && bottom - top >= Math.min(box.height, vh) - 1
                   && right > left && bottom > top;
  let covered = null;
  if (onScreen) {
    const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
    const ok = hit && (parts.some(p => p.contains(hit)) ||
                       (hit !== document.body && hit !== document.documentElement && hit.contains(shown)));
    covered = ok ? null : (hit ? describe(hit) : 'nothing');
  }
  if (!window.__wegwijsStops) window.__wegwijsStops = new WeakMap();
  const seen = window.__wegwijsStops.has(el);
  window.__wegwijsStops.set(el, true);
  return {html: describe(el), seen, inDrawer: Boolean(el.closest('.md-sidebar--primary')),
          onScreen, covered, indicator,
          box: [Math.round(box.left), Math.round(box.top), Math.round(box.width), Math.round(box.height)]};
}"""


def page_path(page_type: str) -> str:
    """A page of page_type; for oefenen a practice module with questions."""
    if page_type == "oefenen":
        from tools.dev.bench_web import _model
        from tools.wegwijs.sources import content_model
        from tests.conftest import ROOT
        site = content_model.scan(_model(), ROOT)
        for source in sorted(site.source_pages().values(), key=lambda p: p.src):
            if source.meta.get("type") == "oefenen" and "/// vraag" in source.body:
                return page_url_path(source.src)
        pytest.fail("no oefenen page with questions (/// vraag) in docs/")
    return require_page(page_type)


def problems(stop: dict) -> list[str]:
    found = []
    if not stop["onScreen"]:
        found.append(f"not on screen (box {stop['box']})")
    if stop["covered"]:
        found.append(f"covered by {stop['covered']}")
    indicator = stop["indicator"]
    if indicator is None:
        found.append("no focus indicator (outline or box-shadow)")
    elif indicator["contrast"] < 3:
        found.append(f"focus indicator {indicator['how']} rgba{tuple(indicator['colour'])} has "
                     f"{indicator['contrast']:.2f}:1 against its background (needs 3:1)")
    return found


def walk(page, key: str, limit: int, stop_when) -> tuple[list[dict], list[str]]:
    """Press key until stop_when(stop) or the focus leaves the page; check every stop."""
    stops, failures = [], []
    for _ in range(limit):
        page.keyboard.press(key)
        stop = page.evaluate(STOP)
        if stop is None or stop_when(stop):
            return stops, failures
        stops.append(stop)
        for problem in problems(stop):
            failures.append(f"  stop {len(stops)} {stop['html']}: {problem}")
    return stops, failures


def params():
    from tools.dev.bench_web import page_languages
    result = []
    for page_type in PAGE_TYPES:
        langs = [l for l in ("ar", "ti") if l in page_languages(page_type)] or page_languages(page_type)[:1]
        for lang in langs:
            result.append(pytest.param(page_type, lang, id=f"{page_type}-{lang}"))
    return result


@pytest.fixture(scope="module")
def walk_context(browser):
    context = browser.new_context(viewport={"width": 360, "height": 640}, service_workers="block")
    yield context
    context.close()


@pytest.mark.parametrize("page_type,lang", params())
def test_tab_walk(page_type, lang, walk_context, site_server):
    url = site_server + lang_prefix(lang) + page_path(page_type)
    page = walk_context.new_page()
    report = []
    try:
        for width, height in SIZES:
            page.set_viewport_size({"width": width, "height": height})
            page.goto(url, wait_until="load")
            page.wait_for_function("document.documentElement.dataset.wegwijsDrawer === 'closed'")
            where = f"{url} at {width}x{height}"
            limit = WERKMAP_STOPS if page_type == "werkmap" else LIMIT
            stops, failures = walk(page, "Tab", limit, lambda s: s["seen"])
            assert len(stops) >= 5, f"{where}: only {len(stops)} tab stops"
            assert page_type == "werkmap" or len(stops) < LIMIT, f"{where}: the walk did not end"
            assert not any(s["inDrawer"] for s in stops) or width > 1000, \
                f"{where}: the closed drawer's links are tab stops"
            report += [f"{where}, forwards:"] + failures if failures else []
            if page_type == "werkmap":  # and its end, backwards from the bottom
                page.evaluate("document.activeElement && document.activeElement.blur()")
                _, failures = walk(page, "Shift+Tab", WERKMAP_STOPS // 3, lambda s: s["seen"])
                report += [f"{where}, backwards from the end:"] + failures if failures else []
            if width < 1000:  # the open drawer: every stop inside it, once round
                page.evaluate("window.scrollTo(0, 0)")
                page.locator(".wegwijs-drawer-open").focus()
                page.keyboard.press("Enter")
                wait_drawer_open(page)
                page.evaluate("window.__wegwijsStops = new WeakMap()")
                stops, failures = walk(page, "Tab", 80, lambda s: s["seen"])
                assert stops and all(s["inDrawer"] for s in stops), f"{where}: focus left the open drawer"
                report += [f"{where}, open drawer:"] + failures if failures else []
                page.keyboard.press("Escape")
                page.wait_for_function("document.documentElement.dataset.wegwijsDrawer === 'closed'")
    finally:
        page.close()
    assert not report, "keyboard walk found barriers:\n" + "\n".join(report)
