"""Real-browser smoke test (Chromium at 360x640): pages in all five languages load
with no horizontal scrolling and no request to another host; search downloads
nothing until opened, then only the page's own language, and finds words in
Arabic, Farsi and Tigrinya (whose words ፡ separates)."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.page_states import search, wait_drawer_open

LANGS = ["nl", "en", "ar", "ti", "fa"]


def lang_root(base: str, lang: str) -> str:
    return base if lang == "nl" else f"{base}{lang}/"


@pytest.mark.parametrize("lang", LANGS)
def test_page_fits_a_phone_and_stays_on_the_site(phone_page, site_server, lang):
    for path in ("", "thema/wonen/"):
        phone_page.goto(lang_root(site_server, lang) + path)
        phone_page.wait_for_load_state("load")
        assert phone_page.evaluate("document.documentElement.lang") == lang
        overflow = phone_page.evaluate(
            "document.scrollingElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{lang}/{path}: page scrolls sideways by {overflow}px"
    host = urlsplit(site_server).netloc
    foreign = [u for u in phone_page.requests if urlsplit(u).netloc not in (host, "")]
    assert not foreign, foreign
    assert not [u for u in phone_page.requests if "/pagefind/" in u], "search index loaded before search"
    assert not [u for u in phone_page.requests if u.endswith("sitemap.xml")]
    assert not phone_page.console_errors


def a_word_from(page) -> str:
    """A word of the page's own text (so the test follows the real content)."""
    return page.evaluate("""() => {
        const text = document.querySelector('article').innerText;
        const words = text.split(/[\\s\u1361-\u1368.,:;!?()«»"'،؛؟]+/).filter(w => w.length >= 4 && !/[A-Za-z0-9]/.test(w));
        return words[Math.floor(words.length / 2)];
    }""")


@pytest.mark.parametrize("lang", ["ar", "fa", "ti"])
def test_search_returns_only_pages_in_the_page_language(phone_page, site_server, lang):
    phone_page.goto(lang_root(site_server, lang))
    query = a_word_from(phone_page)
    results = search(phone_page, query)
    assert results, f"no results for {query} on /{lang}/"
    for url in results:
        assert urlsplit(url).path.startswith(f"/{lang}/"), url
    index_requests = [u for u in phone_page.requests if "/pagefind/" in u]
    assert index_requests, "search did not load the index"
    other = [u for u in index_requests
             if any(f"/{code}_" in u or f".{code}_" in u or f"wasm.{code}" in u
                    for code in LANGS if code != lang)]
    assert not other, f"index of another language loaded: {other}"


TI_PAGE = """---
id: home
type: home
order: 0
---

# ገዛ

ኣብ ሂልቨርሱም፡ገዛ፡ክትረኽቡ፡ኢኹም። ውዕል፡ክራይ፡ትፍርሙ።
"""
NL_PAGE = "---\nid: home\ntype: home\norder: 0\n---\n\n# Huis\n\nU krijgt een huis.\n"


@pytest.fixture(scope="module")
def tigrinya_site(tmp_path_factory):
    from tests.conftest import build_site, make_fixture_site, serve
    directory = tmp_path_factory.mktemp("ti-site")
    make_fixture_site(directory, {"index.md": NL_PAGE, "index.ti.md": TI_PAGE})
    result = build_site(directory, directory / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    server, url = serve(directory / "site")
    yield url
    server.shutdown()


@pytest.mark.parametrize("query", ["ክትረኽቡ", "ኢኹም", "ክራይ", "ገዛ፡ክትረኽቡ"])
def test_tigrinya_words_joined_by_ethiopic_word_space_are_found(phone_page, tigrinya_site, query):
    phone_page.goto(tigrinya_site + "ti/")
    results = search(phone_page, query)
    assert [urlsplit(u).path for u in results] == ["/ti/"], (query, results)
def test_search_dialog_is_keyboard_operable_and_named(phone_page, site_server):
    phone_page.goto(lang_root(site_server, "en"))
    phone_page.focus(".wegwijs-search-open")
    phone_page.keyboard.press("Enter")
    assert phone_page.evaluate("document.activeElement.id") == "wegwijs-search-input"
    assert phone_page.evaluate("document.getElementById('wegwijs-search').open")
    phone_page.keyboard.press("Escape")
    assert not phone_page.evaluate("document.getElementById('wegwijs-search').open")
    assert phone_page.evaluate("document.activeElement.classList.contains('wegwijs-search-open')")


@pytest.mark.parametrize("lang,rtl", [("en", False), ("ar", True), ("fa", True)])
def test_right_to_left_layout_in_the_browser(phone_page, site_server, lang, rtl):
    phone_page.goto(lang_root(site_server, lang) + "fase/regeldag/")
    assert phone_page.evaluate("getComputedStyle(document.body).direction") == ("rtl" if rtl else "ltr")
    # Icons that point a direction are mirrored: the footer's "next" arrow points left.
    transform = phone_page.evaluate(
        "getComputedStyle(document.querySelector('.md-footer__link--next svg')).transform")
    assert (transform.startswith("matrix(-1")) == rtl, transform
    # Text starts on the reading side: the first word of the first paragraph.
    first_word = phone_page.evaluate("""() => {
        const p = [...document.querySelectorAll('article p')].find(e => e.textContent.trim().length > 20);
        const text = [...p.childNodes].find(n => n.nodeType === 3 && n.textContent.trim());
        const range = document.createRange();
        const start = text.textContent.search(/\\S/);
        range.setStart(text, start); range.setEnd(text, start + 1);
        const r = range.getBoundingClientRect(), box = p.getBoundingClientRect();
        return {fromLeft: r.left - box.left, fromRight: box.right - r.right};
    }""")
    if rtl:
        assert first_word["fromRight"] < 2 < first_word["fromLeft"], first_word
    else:
        assert first_word["fromLeft"] < 2 < first_word["fromRight"], first_word
    # The navigation drawer slides in from the reading side.
    phone_page.click(".wegwijs-drawer-open")
    wait_drawer_open(phone_page)
    box = phone_page.evaluate(
        "(() => { const r = document.querySelector('.md-sidebar--primary').getBoundingClientRect();"
        " return {left: r.left, right: r.right}; })()")
    width = phone_page.evaluate("document.documentElement.clientWidth")
    if rtl:
        assert abs(box["right"] - width) <= 1, box
    else:
        assert abs(box["left"]) <= 1, box
