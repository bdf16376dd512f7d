"""/go/<id>/ in a real browser (Chromium via Playwright): the visitor lands on the page in
the browser's language, a real translation first; without JavaScript on the Dutch page."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.conftest import build_site, new_phone_page, serve
from tests.build.test_links import PAGES, fixture_config


@pytest.fixture(scope="module")
def go_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("go-project")
    for rel, text in PAGES.items():
        path = root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    fixture_config(root, {"thema/huis.md": "thema/wonen.md#stappenplan"})
    site = root / "site"
    result = build_site(root, site)
    assert result.returncode == 0, result.stdout + result.stderr
    server, url = serve(site)
    yield url
    server.shutdown()


def land(browser, url: str, **options):
    page = new_phone_page(browser, **options)
    page.goto(url)
    page.wait_for_load_state("load")
    if urlsplit(page.url).path.startswith("/go/"):  # the no-JS meta refresh may still be pending
        page.wait_for_url(lambda u: "/go/" not in u, timeout=5000)
        page.wait_for_load_state("load")
    return page


def path_of(page) -> str:
    return urlsplit(page.url).path


def test_farsi_browser_lands_on_the_farsi_page(browser, go_site):
    page = land(browser, go_site + "go/thema-wonen/", locale="fa-IR")
    try:
        assert path_of(page) == "/fa/thema/wonen/"
        assert page.locator("html").get_attribute("lang") == "fa"
        assert page.locator("body").get_attribute("dir") == "rtl"
        assert page.console_errors == []
        assert all(urlsplit(u).hostname == "127.0.0.1" for u in page.requests)
    finally:
        page.context.close()


def test_anchor_is_kept(browser, go_site):
    page = land(browser, go_site + "go/thema-wonen/#stappenplan", locale="fa-IR")
    try:
        assert path_of(page) == "/fa/thema/wonen/" and urlsplit(page.url).fragment == "stappenplan"
        assert page.locator("#stappenplan").count() == 1
    finally:
        page.context.close()


def test_a_real_translation_wins_over_a_dutch_fallback(browser, go_site):
    # home exists in English, not in Farsi: a fa,en browser gets the English page
    page = new_phone_page(browser, locale="fa-IR", extra_http_headers={"Accept-Language": "fa-IR,en"})
    try:
        page.add_init_script("Object.defineProperty(navigator, 'languages', {get: () => ['fa-IR', 'en-GB']})")
        page.goto(go_site + "go/home/")
        page.wait_for_url(re.compile(r"/en/$"))
        assert page.locator("html").get_attribute("lang") == "en"
    finally:
        page.context.close()


def test_farsi_browser_without_translation_gets_the_farsi_interface(browser, go_site):
    page = land(browser, go_site + "go/home/", locale="fa-IR")
    try:
        assert path_of(page) == "/fa/"  # the Dutch text with a Farsi notice and menu
    finally:
        page.context.close()


def test_unknown_language_falls_back_to_dutch(browser, go_site):
    page = land(browser, go_site + "go/thema-wonen/", locale="de-DE")
    try:
        assert path_of(page) == "/thema/wonen/"
        assert page.locator("html").get_attribute("lang") == "nl"
    finally:
        page.context.close()


def test_dutch_only_page_opens_in_dutch_for_everyone(browser, go_site):
    page = land(browser, go_site + "go/professionals/", locale="fa-IR")
    try:
        assert path_of(page) == "/professionals/"
    finally:
        page.context.close()


def test_without_javascript_the_permanent_link_opens_the_dutch_page(browser, go_site):
    page = land(browser, go_site + "go/thema-wonen/", locale="fa-IR", java_script_enabled=False)
    try:
        assert path_of(page) == "/thema/wonen/"
        assert page.locator("html").get_attribute("lang") == "nl"
    finally:
        page.context.close()


def test_real_site_permanent_link_in_farsi(browser, site_server):
    page = land(browser, site_server + "go/fase-azc/", locale="fa-IR")
    try:
        assert path_of(page) == "/fa/fase/azc/"
        assert page.locator("html").get_attribute("lang") == "fa"
    finally:
        page.context.close()
    page = land(browser, site_server + "go/fase-azc/", locale="fa-IR", java_script_enabled=False)
    try:
        assert path_of(page) == "/fase/azc/"
    finally:
        page.context.close()


CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"


def test_permanent_link_works_under_a_strict_content_security_policy(browser, go_site):
    page = new_phone_page(browser, locale="fa-IR")
    try:
        def with_csp(route):
            response = route.fetch()
            route.fulfill(response=response, headers={**response.headers, "content-security-policy": CSP})

        page.route("**/go/**", with_csp)
        page.goto(go_site + "go/thema-wonen/")
        page.wait_for_url(re.compile(r"/fa/thema/wonen/$"))
        assert not [e for e in page.console_errors if "Content Security Policy" in e]
    finally:
        page.context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_redirect_from_an_old_address_keeps_the_language_and_anchor(browser, go_site, javascript):
    page = land(browser, go_site + "fa/thema/huis/", java_script_enabled=javascript)
    try:
        page.wait_for_url(re.compile(r"/fa/thema/wonen/#stappenplan$"))
        assert page.locator("html").get_attribute("lang") == "fa"
    finally:
        page.context.close()
