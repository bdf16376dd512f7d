"""Arabic, Farsi and Tigrinya pages of the real site in Chromium (issue 5).

Right-to-left reading order of Dutch terms and numbers in every Arabic and Farsi page
(see tests/browser/rtl_order.py), the header on a phone, and a Tigrinya phase page with
its checklist, Dutch words and glossary. The source checks of these translations are in
tests/content/.
"""
from __future__ import annotations

from tests.browser.page_states import wait_ready

import re
from pathlib import Path

from tests.browser.rtl_order import CHECK_ORDER
from tests.content.test_arabic_rtl import AR_PAGES, DOCS
from tests.content.test_farsi import FA_PAGES
from tests.content.test_tigrinya import ETHIOPIC
from tests.conftest import is_published


def page_url(base: str, path: Path, lang: str) -> str:
    parts = list(path.relative_to(DOCS).with_suffix("").with_suffix("").parts)
    if parts[-1] == "index":
        parts = parts[:-1]
    return base + lang + "/" + "".join(f"{p}/" for p in parts)


def test_arabic_pages_render_dutch_terms_and_numbers_in_order(phone_page, site_server):
    problems, checked = [], 0
    for path in filter(is_published, AR_PAGES):  # not the story folder while it is empty
        url = page_url(site_server, path, "ar")
        response = phone_page.goto(url)
        assert response is not None and response.ok, f"{url}: {response and response.status}"
        assert phone_page.evaluate("document.documentElement.lang") == "ar", url
        result = phone_page.evaluate(CHECK_ORDER)
        assert result["dir"] == "rtl", f"{url}: article is not right-to-left"
        checked += result["checked"]
        problems += [f"{url}: {p}" for p in result["problems"]]
    assert checked >= 100, f"only {checked} Dutch terms/numbers could be checked"
    assert not problems, "\n".join(problems)


FIRST_LETTER_CLIPPED = """() => {
  const box = document.querySelector('.md-header__topic .md-ellipsis');
  const node = [...box.childNodes].find(n => n.nodeType === 3 && n.data.trim());
  const start = node.data.search(/\\S/);
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, start + 1);
  const letter = range.getBoundingClientRect(), shown = box.getBoundingClientRect();
  return {clipped: letter.left < shown.left - 1 || letter.right > shown.right + 1,
          overflows: box.scrollWidth > box.clientWidth, name: node.data.trim()};
}"""


def test_header_shows_the_start_of_the_dutch_site_name_on_a_phone(phone_page, site_server):
    """At 360px the name does not fit: the ellipsis must cut its end, not 'Wegwijs'."""
    phone_page.goto(site_server + "ar/")
    result = phone_page.evaluate(FIRST_LETTER_CLIPPED)
    assert result["overflows"], "the site name fits; this test no longer tests the cut"
    assert not result["clipped"], f"the first letter of '{result['name']}' is cut off"


def test_farsi_pages_render_dutch_terms_and_numbers_in_order(phone_page, site_server):
    problems, checked, times, lists = [], 0, 0, 0
    for path in filter(is_published, FA_PAGES):  # not the story folder while it is empty
        url = page_url(site_server, path, "fa")
        response = phone_page.goto(url)
        assert response is not None and response.ok, f"{url}: {response and response.status}"
        result = phone_page.evaluate(CHECK_ORDER)
        assert result["lang"] == "fa", f"{url}: lang is {result['lang']!r}"
        assert result["dir"] == "rtl", f"{url}: article is not right-to-left"
        checked += result["checked"]
        times += result["times"]
        lists += len(result["lists"])
        problems += [f"{url}: numbered list counts in '{style}', not Persian digits"
                     for style in result["lists"] if style != "persian"]
        problems += [f"{url}: {p}" for p in result["problems"]]
    assert checked >= 100, f"only {checked} Dutch terms/numbers could be checked"
    assert times >= 10, f"only {times} times/phone numbers could be checked"
    assert lists >= 10, f"only {lists} numbered lists found"
    assert not problems, "\n".join(problems)


def test_phase_page_in_chromium(phone_page, site_server):
    phone_page.goto(site_server + "fase/azc/")
    dutch_ids = phone_page.eval_on_selector_all("[data-check-id].task-list-item",
                                                "els => els.map(e => e.dataset.checkId)")
    phone_page.goto(site_server + "ti/fase/azc/")
    wait_ready(phone_page, "glossary")
    assert phone_page.evaluate("document.documentElement.lang") == "ti"
    ids = phone_page.eval_on_selector_all("[data-check-id].task-list-item",
                                          "els => els.map(e => e.dataset.checkId)")
    assert ids and ids == dutch_ids
    assert phone_page.locator(".wegwijs-search-open").get_attribute("aria-label") == "ምድላይ"
    h1 = phone_page.inner_text("main h1")
    assert ETHIOPIC.search(h1) and not re.search(r"[A-Za-z]", h1)

    # Dutch words in the text are marked as Dutch for screen readers.
    marked = phone_page.eval_on_selector_all('main bdi[lang="nl"]', "els => els.map(e => e.textContent)")
    assert "COA" in marked and "BSN" in marked

    # A glossary term: the button opens a Tigrinya explanation, the Dutch word marked nl.
    term = phone_page.locator('.wegwijs-term[data-term="azc"]').first
    button = term.locator(".wegwijs-term__button")
    assert button.inner_text() == "ማእከል ሓተትቲ ዑቕባ"
    button.click()
    tip = term.locator(".wegwijs-term__tip")
    assert tip.is_visible()
    assert "ናይ ባዕልኹም ገዛ ክሳብ እትረኽቡ" in tip.inner_text()
    assert tip.locator('[lang="nl"]').first.inner_text().lower() == "azc"
    assert not phone_page.console_errors
