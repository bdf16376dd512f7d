"""The werkmap: one printable document per language built from the same Markdown, with
every fase on a new A4 page, unique ids, and the same remembered checklist."""
from __future__ import annotations

import re

from tests.browser.page_states import wait_ready


def test_werkmap_prints_every_fase_on_a_new_page_and_shares_ticks(site_server, browser):
    page = browser.new_page(viewport={"width": 794, "height": 1123})
    try:
        page.goto(site_server + "werkmap/")
        wait_ready(page, "checklist")
        fases = page.locator(".wegwijs-werkmap__fase")
        assert fases.count() > 0, "the werkmap holds no fase"
        box = page.locator(".wegwijs-werkmap__fase input[data-check-id]").first
        item = box.get_attribute("data-check-id")
        page.locator(f"label[for='{box.get_attribute('id')}']").click()
        copies = page.locator(f"input[data-check-id='{item}']")
        assert copies.count() >= 2  # on its fase and in the stappenplan part
        assert all(copies.nth(i).is_checked() for i in range(copies.count()))
        page.emulate_media(media="print")
        breaks = fases.evaluate_all("els => els.map(e => getComputedStyle(e).breakBefore)")
        assert set(breaks) == {"page"}
        pdf = page.pdf(prefer_css_page_size=True)
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= fases.count() + 4
        assert page.locator(".md-sidebar").first.is_hidden()
    finally:
        page.close()
