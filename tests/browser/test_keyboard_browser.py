"""Keyboard on a phone (issue 17): the drawer keeps focus inside while open, makes the
rest of the page inert and closes on Escape; with the drawer closed none of its links
is a tab stop; every tab stop in the open drawer is on screen and not covered; the
language button names its visible text, exposes aria-expanded, opens with the keyboard,
closes on Escape and its list fits a 320 px screen."""
from __future__ import annotations

import pytest

from tests.browser.page_states import wait_drawer_open, wait_search_done
from tests.conftest import new_phone_page

STOP = """() => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const top = document.elementFromPoint(x, y);
  return {
    tag: el.tagName, text: (el.textContent || '').trim().slice(0, 40),
    inDrawer: Boolean(el.closest('.md-sidebar--primary')),
    onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 &&
              box.left < innerWidth && box.top < innerHeight,
    covered: !(top && (top === el || el.contains(top) || top.contains(el))),
    top: top ? top.outerHTML.slice(0, 120) : null, html: el.outerHTML.slice(0, 120),
  };
}"""


@pytest.mark.parametrize("path", ["ar/thema/wonen/", "ti/fase/regeldag/"])
def test_drawer_keeps_focus_inside_and_closes_on_escape(site_server, browser, path):
    page = new_phone_page(browser)
    try:
        page.goto(site_server + path)
        page.wait_for_function("document.documentElement.dataset.wegwijsDrawer === 'closed'")
        # Closed: tabbing through the page never lands in the drawer.
        for _ in range(25):
            page.keyboard.press("Tab")
            stop = page.evaluate(STOP)
            assert not stop["inDrawer"], stop
        menu = page.locator(".wegwijs-drawer-open")
        menu.focus()
        page.keyboard.press("Enter")
        wait_drawer_open(page)
        assert menu.get_attribute("aria-expanded") == "true"
        assert page.locator(".md-content[inert]").count() == 1
        seen = []
        for _ in range(30):
            page.keyboard.press("Tab")
            stop = page.evaluate(STOP)
            seen.append(stop["text"])
            assert stop["inDrawer"], f"focus left the open drawer at {stop}"
            assert stop["onScreen"] and not stop["covered"], str(stop)
        assert len(set(seen)) > 3
        page.keyboard.press("Escape")
        page.wait_for_function("document.documentElement.dataset.wegwijsDrawer === 'closed'")
        assert page.evaluate("document.activeElement.classList.contains('wegwijs-drawer-open')")
        assert page.locator("[inert]").count() == 0
    finally:
        page.context.close()


@pytest.mark.parametrize("width", [320, 1280])
def test_language_button_by_keyboard(site_server, browser, width):
    page = new_phone_page(browser, viewport={"width": width, "height": 640})
    try:
        page.goto(site_server + "thema/wonen/")
        page.wait_for_function("document.documentElement.dataset.wegwijsDrawer === 'closed'")
        button = page.locator(".wegwijs-languages button")
        name = page.evaluate("""() => {
          const b = document.querySelector('.wegwijs-languages button');
          return b.getAttribute('aria-label') === null ? b.textContent.replace(/\\s+/g, ' ').trim() : null;
        }""")
        assert name and "Nederlands" in name
        assert button.get_attribute("aria-expanded") == "false"
        button.focus()
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-expanded") == "true"
        page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.classList.contains('md-select__link')")
        for link in page.locator(".wegwijs-languages .md-select__link").all():
            box = link.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, link.inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.keyboard.press("Escape")
        assert button.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement") == page.evaluate(
            "document.querySelector('.wegwijs-languages button')")
        assert not page.locator(".wegwijs-languages .md-select__link").first.is_visible()
    finally:
        page.context.close()


def test_search_results_readable_and_the_rest_by_keyboard(site_server, browser):
    """Search in Farsi: result text is at least 16 px (the dialog sits outside
    .md-typeset, where Material's text is 10 px) and titles are larger; when more pages
    are found than listed, a translated button lists the rest, by keyboard, and the
    focus moves to the first of them."""
    page = new_phone_page(browser)
    try:
        page.goto(site_server + "fa/", wait_until="load")
        page.locator(".wegwijs-search-open").click()
        page.locator("#wegwijs-search-input").fill("خانه")
        page.locator("#wegwijs-search-input").press("Enter")
        shown = wait_search_done(page, "خانه")
        total = int(page.get_attribute("#wegwijs-search", "data-total"))
        assert 0 < shown < total, (shown, total)
        sizes = page.evaluate("""() => {
          const px = el => parseFloat(getComputedStyle(el).fontSize);
          const d = document.getElementById('wegwijs-search');
          return {title: px(d.querySelector('.wegwijs-search__results a')),
                  excerpt: px(d.querySelector('.wegwijs-search__results p')),
                  status: px(d.querySelector('.wegwijs-search__status')),
                  label: px(d.querySelector('label')), more: px(d.querySelector('[data-more]'))}; }""")
        assert min(sizes.values()) >= 16 and sizes["title"] > sizes["excerpt"], sizes
        more = page.locator("#wegwijs-search [data-more]")
        assert more.is_visible() and more.inner_text().strip() == "نمایش نتایج بیشتر"
        # From the last listed result, Tab reaches the button; Enter lists the rest.
        page.locator(".wegwijs-search__results a").last.focus()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.hasAttribute('data-more')")
        page.keyboard.press("Enter")
        page.wait_for_function("""n => { const d = document.getElementById('wegwijs-search');
            return d.dataset.state === 'done' && d.dataset.count === String(n); }""", arg=total)
        links = page.eval_on_selector_all(".wegwijs-search__results a", "els => els.map(e => e.href)")
        assert len(links) == len(set(links)) == total
        assert page.evaluate("""() => { const links = document.querySelectorAll('.wegwijs-search__results a');
            return document.activeElement === links[arguments[0]]; }""".replace("arguments[0]", str(shown)))
        assert not more.is_visible()
        # A new query starts again with the first results and the button.
        page.locator("#wegwijs-search-input").fill("شما")
        page.locator("#wegwijs-search-input").press("Enter")
        assert wait_search_done(page, "شما") == shown
        assert more.is_visible()
    finally:
        page.context.close()
