"""Glossary terms in Chromium: the explanation opens and closes with the keyboard, in the
reader's language with the Dutch word. The Markdown side is in tests/unit/test_glossary.py."""
from __future__ import annotations

import pytest

from tests.browser.page_states import wait_ready


def first_page_with_terms(site):
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        if "wegwijs-term__link" in path.read_text(encoding="utf-8") and "/" in rel:
            return rel[: -len("index.html")]
    pytest.fail("no page uses a glossary term")


def test_explanation_opens_and_closes_with_the_keyboard(built_site, site_server, phone_page):
    path = first_page_with_terms(built_site)
    phone_page.goto(site_server + path)
    wait_ready(phone_page, "glossary")
    button = phone_page.locator(".wegwijs-term__button").first
    tip_id = button.get_attribute("aria-controls")
    tip = phone_page.locator(f"#{tip_id}")
    assert button.get_attribute("aria-expanded") == "false" and tip.is_hidden()
    assert button.get_attribute("aria-describedby") == tip_id  # read out on focus
    button.focus()
    phone_page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert tip.is_visible() and len(tip.inner_text()) > 5
    phone_page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false" and tip.is_hidden()
    assert phone_page.evaluate("document.activeElement.className") == "wegwijs-term__button"
    phone_page.keyboard.press(" ")
    assert tip.is_visible()
    assert phone_page.console_errors == []


def test_term_explained_in_the_readers_language_with_the_dutch_word(built_site, site_server,
                                                                  phone_page):
    english = built_site / "en"
    page = next((p for p in sorted(english.rglob("index.html"))
                 if 'class="wegwijs-term__nl"' in p.read_text(encoding="utf-8")), None)
    assert page is not None, "no English page with a translated glossary term"
    phone_page.goto(site_server + page.relative_to(built_site).parent.as_posix() + "/")
    wait_ready(phone_page, "glossary")
    term = phone_page.locator(".wegwijs-term:has(.wegwijs-term__nl)").first
    term.locator("button").click()
    dutch = term.locator(".wegwijs-term__nl")
    assert dutch.get_attribute("lang") == "nl" and dutch.is_visible()
    tip = term.locator(".wegwijs-term__tip")
    assert tip.evaluate("e => e.closest('[lang]').lang") == "en"  # even on an untranslated page
