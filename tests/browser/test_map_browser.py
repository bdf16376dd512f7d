"""Kaart en adressen in Chromium: an accessible list with map-app links, and no request to any
other host until the visitor asks for the map; then OpenStreetMap, with attribution."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.conftest import PROJECT
from tools.wegwijs.sources import places


def test_no_other_host_before_the_map_is_asked_for(site_server, phone_page):
    data = places.project_places(PROJECT)
    phone_page.route("**/*", lambda route: route.abort()
                     if not route.request.url.startswith(site_server) else route.continue_())
    phone_page.goto(site_server + "ar/kaart/")
    phone_page.wait_for_load_state("networkidle")
    assert phone_page.evaluate("document.body.dir") == "rtl"
    items = phone_page.locator(".wegwijs-places > li")
    assert items.count() == len(data.places)
    located = data.located[0]
    geo = phone_page.locator(f"#place-{located.id} a[href^='geo:']")
    assert geo.get_attribute("href").startswith(f"geo:{located.lat:.5f},{located.lon:.5f}")
    assert phone_page.locator(".wegwijs-sketch circle").count() == len(data.located)
    unknown = [p for p in data.places if p.lat is None and not p.address]
    if unknown:
        assert "العنوان" in phone_page.locator(f"#place-{unknown[0].id}").inner_text()
    assert all(r.startswith(site_server) for r in phone_page.requests), phone_page.requests

    box = phone_page.locator(".wegwijs-map")
    assert "OpenStreetMap" in box.locator(".wegwijs-map__notice").inner_text()  # says where, first
    assert box.locator("a[href='https://www.openstreetmap.org/copyright']").count() == 1
    link = box.locator("a.wegwijs-map__open")
    assert urlsplit(link.get_attribute("href")).hostname == "www.openstreetmap.org"
    # The visitor asks for the map: only now another host is contacted.
    with phone_page.expect_request(lambda r: urlsplit(r.url).hostname == "www.openstreetmap.org"):
        link.click()


@pytest.mark.parametrize("prefix", ["", "en/", "ar/", "ti/", "fa/"])
def test_contactkaart_prints_on_one_a4_sheet_of_four_a6_panels(site_server, browser, prefix):
    page = browser.new_page(viewport={"width": 794, "height": 1123})
    page.goto(site_server + prefix + "contactkaart/")
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1  # one A4 sheet
    phone_page = page
    card = phone_page.locator(".wegwijs-card")
    box = card.bounding_box()
    mm = 96 / 25.4
    assert abs(box["width"] - 210 * mm) < 2 and 295 * mm < box["height"] <= 297 * mm
    contacts = phone_page.locator(".wegwijs-card__contacts").bounding_box()
    places_box = phone_page.locator(".wegwijs-card__places").bounding_box()
    assert abs(contacts["height"] - 148 * mm) < 2 and abs(places_box["y"] - 148 * mm) < 2
    assert phone_page.locator(".wegwijs-card__contacts").evaluate(
        "e => getComputedStyle(e).columnCount") == "2"
    assert phone_page.locator(".md-header").is_hidden()
    # Everything fits: no contact or place is cut off at the panel edges.
    for selector in (".wegwijs-card__contacts", ".wegwijs-card__places"):
        assert phone_page.locator(selector).evaluate(
            "e => e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1"), selector
    page.close()
