"""WCAG 2.1 A/AA gate: axe-core in Chromium on every built page of every language, in
the light and the dark colour scheme at 360x640 and 1280x800, plus a keyboard-only walk
through the main flows (the full tab walk per page type: test_tab_walk_browser.py).

Every page, 404 and offline page the build wrote is checked (test_axe_every_page): one
page load per page, then the scheme and the viewport change in the loaded page; the
pages of a language are split into CHUNKS tests so pytest-xdist spreads them. axe-core
comes from node_modules (package.json, installed by ``make test``).
"""
from __future__ import annotations

import os

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.page_states import wait_drawer_open, wait_ready, wait_search_done
from tests.conftest import PROJECT, ROOT, new_phone_page, site_languages
from tools.wegwijs.sources import content_model
from tools.dev.bench_web import lang_prefix, page_url_path

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGUAGES = list(site_languages())  # parameters: read at collection


def require_axe() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `make test` (npm ci installs axe-core)")
    return AXE.read_text(encoding="utf-8")


# Rules whose answer does not depend on the viewport or the scheme: run once per page.
ONCE_PER_PAGE = ["css-orientation-lock"]  # reads the style sheets (axe's preload)


def run_axe(page, axe_source: str | None = None, first: bool = True) -> list[dict]:
    """axe's WCAG 2.1 A/AA violations on the page; axe_source is injected first unless
    the page has axe already (the sweep's context injects it into every page). With
    first=False the ONCE_PER_PAGE rules are left out (the sweep's later runs). Element
    selectors cost time: they are worked out only when there is a violation to report."""
    if axe_source is not None:
        page.add_script_tag(content=axe_source)
    return page.evaluate(
        """async ([tags, once, first]) => {
            const options = {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
                             selectors: false, preload: first,
                             rules: Object.fromEntries(first ? [] : once.map(id => [id, {enabled: false}]))};
            let r = await axe.run(document, options);
            if (r.violations.length)
                r = await axe.run(document, {...options, selectors: true});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
        }""", [WCAG_TAGS, ONCE_PER_PAGE, first])


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} axe violation(s) on {url}:"]
    for v in violations:
        lines.append(f"  - {v['id']} ({v['impact']}): {v['help']}")
        lines.extend(f"      {n}" for n in v["nodes"])
    return "\n".join(lines)


@pytest.fixture(scope="module")
def axe_source() -> str:
    return require_axe()


# Every built page, not one per type: the pages of each language are split into CHUNKS
# tests, so pytest-xdist spreads them over its workers. A page is loaded once; then the
# colour scheme and the viewport change inside the loaded page (no reload) and axe runs
# in each of the CONFIGURATIONS.
CHUNKS = 2
# `make test`: every page on the phone (360x640), the site's main reader, in both schemes,
# and the wide layout (1280x800) on the first page of every section of each language
# (home, each fase/thema/oefenen/workshop/handleiding/professionals folder, and every
# single page such as begrippen, kaart, werkmap). `make test-a11y`
# (WEGWIJS_AXE_ALL_SIZES=1) runs every page at 1280x800 too: the full sweep, about five
# more minutes on two cores.
PHONE = [("light", 360, 640), ("dark", 360, 640)]
WIDE = [("dark", 1280, 800), ("light", 1280, 800)]
CONFIGURATIONS = PHONE + WIDE
ALL_SIZES = os.environ.get("WEGWIJS_AXE_ALL_SIZES") == "1"


def section_key(rel: str, lang: str) -> str:
    """The section of a page path: its first folder after the language prefix."""
    prefix = lang_prefix(lang)
    path = rel[len(prefix):].lstrip("/") if prefix and rel.startswith(prefix) else rel
    return path.split("/", 1)[0]
SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"
# Whether the page can look different in the dark scheme: a style that asks for the
# reader's colour preference (a prefers-color-scheme media query, light-dark(), a
# color-scheme that allows dark, Material's dark palette "slate") or a color-scheme
# meta tag. Without one, the dark scheme shows exactly the light scheme's colours and
# axe gives the same answer, so it is not run twice (the site has no dark palette
# today: Material's palette.css is not loaded). A page that gets a dark style is
# checked in it at once (test_dark_scheme_is_checked_when_it_differs).
HAS_DARK_STYLE = r"""() => {
  const dark = /prefers-color-scheme|light-dark\(|color-scheme:[^;}]*dark|color-scheme=["']?slate/i;
  function scan(rules) {
    for (const rule of rules) {
      if (dark.test(rule.cssText)) return true;
      if (rule.cssRules && scan(rule.cssRules)) return true;
    }
    return false;
  }
  for (const sheet of document.styleSheets) {
    let rules;
    try { rules = sheet.cssRules; } catch (e) { return true; }  // unreadable: assume it may
    if (scan(rules)) return true;
  }
  return Boolean(document.querySelector('meta[name=color-scheme], [style*="light-dark"], [style*="color-scheme"]'));
}"""


def set_scheme(page, scheme: str) -> None:
    """The reader's colour preference, and Material's palette attribute where a page has one."""
    page.emulate_media(color_scheme=scheme)
    page.evaluate("""scheme => {
      for (const el of document.querySelectorAll('[data-md-color-scheme]'))
        el.setAttribute('data-md-color-scheme', scheme === 'dark' ? 'slate' : 'default');
    }""", scheme)


def axe_in_every_configuration(page, configurations=CONFIGURATIONS) -> list[str]:
    """Run axe on the loaded page in each configuration; returns the formatted violations."""
    failures = []
    dark_differs = page.evaluate(HAS_DARK_STYLE)
    runs = 0
    for scheme, width, height in configurations:
        if scheme == "dark" and not dark_differs:
            continue  # the light scheme's colours: the light run's answer
        set_scheme(page, scheme)
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_function(SETTLED)
        violations = run_axe(page, first=runs == 0)
        runs += 1
        if violations:
            failures.append(format_violations(f"{page.url} ({scheme}, {width}x{height})", violations))
    return failures


def built_pages(site, lang: str) -> list[str]:
    """Site paths of every HTML page built for lang: its pages, 404 and offline pages;
    not the redirect pages (/go/<id>/ and moved pages), which show no content."""
    prefix = lang_prefix(lang)
    base = site / prefix if prefix else site
    others = set(LANGUAGES) - {lang}
    pages = []
    for html in sorted(base.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if not prefix and rel.split("/")[0] in others:
            continue
        if 'http-equiv="refresh"' in html.read_text(encoding="utf-8")[:3000]:
            continue
        pages.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return pages


def chunk_of(site, pages: list[str], chunk: int) -> list[str]:
    """The pages of one chunk: the largest pages first, each to the chunk with the fewest
    bytes so far, so the chunks take about as long (the werkmap is the whole site)."""
    def size(rel):
        return (site / (rel + "index.html" if rel.endswith("/") or not rel else rel)).stat().st_size
    chunks = [[] for _ in range(CHUNKS)]
    totals = [0] * CHUNKS
    for rel in sorted(pages, key=size, reverse=True):
        lightest = totals.index(min(totals))
        chunks[lightest].append(rel)
        totals[lightest] += size(rel)
    return chunks[chunk]


@pytest.fixture(scope="module")
def axe_context(browser, axe_source):
    """One browser context for the whole sweep: axe is injected into every page it
    loads, and no service worker runs (it would precache in the background)."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, service_workers="block")
    context.add_init_script(script=axe_source)
    yield context
    context.close()


@pytest.mark.parametrize("chunk", range(CHUNKS))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_every_page(lang, chunk, axe_context, built_site, site_server):
    """axe-core's WCAG 2.1 A/AA rules on every built page of every language, in the light
    and the dark colour scheme at 360x640, and at 1280x800 on the first page of each
    section (every page with WEGWIJS_AXE_ALL_SIZES=1): no violation anywhere."""
    pages = built_pages(built_site, lang)
    assert len(pages) >= 20, f"only {len(pages)} pages built for {lang}: {pages}"
    wide = {}
    for rel in pages:
        wide.setdefault(section_key(rel, lang), rel)
    assert len(wide) >= 8, wide
    page = axe_context.new_page()
    failures = []
    try:
        for rel in chunk_of(built_site, pages, chunk):
            page.goto(site_server + rel, wait_until="load")
            assert page.evaluate("document.documentElement.lang") == lang, rel
            sizes = CONFIGURATIONS if ALL_SIZES or rel in wide.values() else PHONE
            failures.extend(axe_in_every_configuration(page, sizes))
    finally:
        page.close()
    assert not failures, "\n".join(failures)


def test_dark_scheme_is_checked_when_it_differs(axe_context, site_server):
    """The sweep skips the dark run only while the dark scheme changes no colour: a
    dark-only style with too little contrast is found, at both sizes."""
    page = axe_context.new_page()
    try:
        page.goto(site_server, wait_until="load")
        page.evaluate("""() => document.head.insertAdjacentHTML('beforeend',
            '<style>@media (prefers-color-scheme: dark) { .md-typeset p { color: #777 !important; background: #666 !important; } }</style>')""")
        failures = axe_in_every_configuration(page)
        assert len(failures) == 2 and all("(dark, " in f and "color-contrast" in f for f in failures), failures
    finally:
        page.close()


def test_axe_finds_a_real_violation(browser, site_server, axe_source):
    """The gate can fail: a page with an unlabelled input and low contrast is caught."""
    page = new_phone_page(browser)
    try:
        page.goto(site_server, wait_until="load")
        page.evaluate("""() => {
            const main = document.querySelector('main') || document.body;
            main.insertAdjacentHTML('beforeend',
              '<input type="text"><p style="color:#bbb;background:#fff">faint text</p>');
        }""")
        ids = {v["id"] for v in run_axe(page, axe_source)}
        assert {"label", "color-contrast"} <= ids
    finally:
        page.context.close()


# --------------------------------------------------------------------------- keyboard

FOCUSED_JS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    // A visually hidden native control (custom checkbox) shows focus on its label.
    const shown = (el.tagName === 'INPUT' && el.closest('label')) || el;
    const r = shown.getBoundingClientRect();
    const style = getComputedStyle(shown);
    return {tag: el.tagName.toLowerCase(), cls: el.className && el.className.baseVal === undefined ? el.className : '',
            text: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 60),
            href: el.getAttribute('href'), type: el.getAttribute('type'),
            // (its box may be drawn by a ::before of zero-size elements: no size check then)
            visible: (shown !== el || (r.width > 0 && r.height > 0)) && style.visibility !== 'hidden'
                     && shown.checkVisibility({opacityProperty: true, visibilityProperty: true})};
}"""


def tab_to(page, matches, limit: int = 80, key: str = "Tab") -> dict:
    """Press Tab until the focused element satisfies matches(info); every element
    that receives focus on the way must be visible (WCAG 2.4.7)."""
    seen = []
    for _ in range(limit):
        page.keyboard.press(key)
        info = page.evaluate(FOCUSED_JS)
        if info is None:
            continue
        if not info["visible"]:  # e.g. the skip link fades in on focus: wait until shown
            try:
                page.wait_for_function(f"(({FOCUSED_JS})() || {{}}).visible", timeout=5000)
            except PlaywrightTimeout:
                pass  # still invisible: the assertion below names the element
            info = page.evaluate(FOCUSED_JS)
            if info is None:
                continue
        assert info["visible"], f"keyboard focus landed on an invisible element: {info}"
        seen.append(f"{info['tag']}.{info['cls']}[{info['text'][:25]}]")
        if matches(info):
            return info
    raise AssertionError("element never received keyboard focus; focus went through:\n  "
                         + "\n  ".join(seen))


def has_class(name):
    return lambda info: name in (info["cls"] or "").split()


@pytest.fixture
def kb_page(browser):
    page = new_phone_page(browser)
    yield page
    page.context.close()


def test_keyboard_navigation_drawer(kb_page, site_server):
    page = kb_page
    page.goto(site_server, wait_until="load")
    drawer_open = "document.getElementById('__drawer').checked"
    tab_to(page, has_class("wegwijs-drawer-open"))
    assert page.evaluate(drawer_open) is False
    page.keyboard.press("Enter")
    page.wait_for_function(drawer_open)
    button = page.locator(".wegwijs-drawer-open")
    assert button.get_attribute("aria-expanded") == "true"
    # Focus moves into the open drawer, onto a visible link.
    page.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null")
    wait_drawer_open(page)
    assert page.evaluate(FOCUSED_JS)["visible"]
    # Tab to the first fase page in the navigation and follow it with Enter.
    target = tab_to(page, lambda i: i["tag"] == "a" and "fase/" in (i["href"] or ""))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/fase/" in page.url, target
    # Escape closes the drawer and gives focus back to the menu button; Space opens it.
    tab_to(page, has_class("wegwijs-drawer-open"))
    page.keyboard.press("Space")
    page.wait_for_function(drawer_open)
    page.keyboard.press("Escape")
    page.wait_for_function(f"!{drawer_open}")
    assert page.evaluate(FOCUSED_JS)["cls"].find("wegwijs-drawer-open") >= 0
    assert button.get_attribute("aria-expanded") == "false"
    # A closed drawer is out of the tab order: every stop is visible (checked by tab_to).
    tab_to(page, has_class("wegwijs-search-open"))


def test_keyboard_language_switch(kb_page, site_server):
    page = kb_page
    page.goto(site_server, wait_until="load")
    tab_to(page, lambda i: i["tag"] == "button" and "md-header__button" in i["cls"]
           and page.evaluate("!!document.activeElement.closest('.wegwijs-languages')"))
    page.keyboard.press("Enter")  # a menu button: the closed list's links are no tab stops
    tab_to(page, lambda i: i["tag"] == "a" and i["href"] and i["href"].startswith("en/")
           or (i["href"] or "").endswith("/en/"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.rstrip("/").endswith("/en")
    assert page.evaluate("document.documentElement.lang") == "en"


def test_keyboard_search(kb_page, site_server):
    page = kb_page
    page.goto(site_server, wait_until="load")
    tab_to(page, has_class("wegwijs-search-open"))
    page.keyboard.press("Enter")
    dialog = page.locator("#wegwijs-search")
    page.wait_for_function("document.getElementById('wegwijs-search').open")
    assert page.evaluate("document.activeElement.id") == "wegwijs-search-input"
    page.keyboard.type("wonen")
    page.keyboard.press("Enter")
    assert wait_search_done(page, "wonen") > 0
    first = dialog.locator(".wegwijs-search__results a").first
    expected = first.get_attribute("href")
    tab_to(page, lambda i: i["tag"] == "a" and i["href"] == expected, limit=10)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == expected
    # Escape closes the dialog and returns focus to the search button.
    tab_to(page, has_class("wegwijs-search-open"))
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('wegwijs-search').open")
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('wegwijs-search').open")
    assert "wegwijs-search-open" in page.evaluate(FOCUSED_JS)["cls"]


def _first_source(predicate) -> str | None:
    site = content_model.project_site(PROJECT)
    for page in sorted(site.source_pages().values(), key=lambda p: p.src):
        if predicate(page):
            return page_url_path(page.src)
    return None


def test_keyboard_checklist(kb_page, site_server):
    path = _first_source(lambda p: p.meta.get("type") in ("fase", "thema")
                         and ("[[taak:" in p.body or "- [ ]" in p.body))
    assert path is not None, "no page has a checklist"
    page = kb_page
    page.goto(site_server + path, wait_until="load")
    box = page.locator(".task-list-item input[type=checkbox]").first
    wait_ready(page, "checklist")
    assert not box.is_disabled(), f"the checklist on {path} is not interactive (disabled checkboxes)"
    box_id = box.evaluate("el => el.id || (el.id = 'kb-first-box')")
    assert not box.is_checked()
    tab_to(page, lambda i: page.evaluate("document.activeElement.id") == box_id
           or page.evaluate("document.activeElement.contains(document.getElementById(arguments[0]))"
                            .replace("arguments[0]", repr(box_id))), limit=120)
    page.keyboard.press("Space")
    page.wait_for_function(f"document.getElementById({box_id!r}).checked")


def test_keyboard_video_player(kb_page, site_server):
    path = _first_source(lambda p: "[[video:" in p.body)
    assert path is not None, "no page has a video"
    page = kb_page
    page.goto(site_server + path, wait_until="load")
    assert page.locator("video").count() > 0, f"{path} has a [[video:]] line but no player"
    # The first focusable control of the player (a play button or the video itself).
    tab_to(page, lambda i: page.evaluate(
        """() => { const v = document.querySelector('video'); const el = document.activeElement;
                   const box = v.closest('figure, .wegwijs-video, [data-video]') || v.parentElement;
                   return el === v || box.contains(el); }"""), limit=150)
    # Space starts it whether the focus is on a play button or on the video itself
    # (one key only: a second one, pressed when the first was merely slow, would pause it).
    page.keyboard.press("Space")
    page.wait_for_function("!document.querySelector('video').paused")


def test_menu_button_only_where_the_drawer_is(browser, site_server):
    """Phones get the menu button; wide screens show the navigation itself and no
    menu button. Without JavaScript the plain label opens the drawer instead."""
    for width, expected in [(360, True), (1300, False)]:
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        page.goto(site_server, wait_until="load")
        assert page.locator(".wegwijs-drawer-open").is_visible() is expected, width
        assert not page.locator(".wegwijs-drawer-label").is_visible()
        context.close()
    context = browser.new_context(viewport={"width": 360, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server, wait_until="load")
    assert not page.locator(".wegwijs-drawer-open").is_visible()
    page.locator(".wegwijs-drawer-label").click()
    assert page.locator("#__drawer").is_checked()
    context.close()


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_axe_on_open_drawer_and_search(browser, site_server, axe_source, lang):
    """What appears only after an action is checked too: the open navigation drawer
    and the search dialog with results (highlighted matches)."""
    page = new_phone_page(browser)
    try:
        page.goto(site_server + lang_prefix(lang), wait_until="load")
        page.locator(".wegwijs-drawer-open").click()
        wait_drawer_open(page)
        violations = run_axe(page, axe_source)
        assert not violations, format_violations(page.url + " (drawer open)", violations)
        page.keyboard.press("Escape")
        query = page.locator("h1").first.inner_text().split()[0]
        page.locator(".wegwijs-search-open").click()
        page.locator("#wegwijs-search-input").fill(query)
        page.locator("#wegwijs-search-input").press("Enter")
        assert wait_search_done(page, query) > 0, f"no results for {query!r}"
        violations = run_axe(page, axe_source)
        assert not violations, format_violations(page.url + f" (search results for {query!r})", violations)
    finally:
        page.context.close()
