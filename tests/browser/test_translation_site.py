"""Translation status on the built site, in Chromium: the notice on an outdated
translation (reader's language, link to the Dutch page), no notice on a current one,
and the generated Dutch status page for content managers."""
from __future__ import annotations

import pytest

from tests.conftest import build_site, make_fixture_site, serve
from tools.wegwijs.checks import translations

HEAD = "---\nid: {id}\ntype: {type}\norder: {order}\n{extra}---\n\n"
DUTCH = "# Wonen\n\nU krijgt een huis in Hilversum.\n\n## Stappenplan {#stappenplan}\n\nTeken het huurcontract.\n"


def english(fp):
    return (HEAD.format(id="wonen", type="pagina", order=1, extra=f"translated_from: {fp}\n")
            + "# Housing\n\nYou get a house.\n\n## Step by step {#stappenplan}\n\nSign it.\n")


@pytest.fixture(scope="module")
def status_site(tmp_path_factory):
    directory = tmp_path_factory.mktemp("translation-site")
    current = translations.fingerprint(DUTCH)
    pages = {
        "index.md": HEAD.format(id="home", type="home", order=0, extra="") + "# Welkom\n\nHallo.\n",
        "wonen.md": HEAD.format(id="wonen", type="pagina", order=1, extra="") + DUTCH,
        "wonen.en.md": english("000000000000"),  # made from an older Dutch text
        "wonen.ar.md": english(current).replace("Housing", "السكن"),
        "status.md": HEAD.format(id="status", type="status", order=9,
                                 extra="translate: false\nnav: false\n")
        + "# Status van de vertalingen\n\n<!-- wegwijs:status -->\n",
    }
    config = make_fixture_site(directory, pages)
    site = directory / "site"
    result = build_site(directory, site, config.name)
    assert result.returncode == 0, result.stdout + result.stderr
    server, url = serve(site)
    yield url
    server.shutdown()


def test_outdated_translation_shows_notice_in_reader_language_with_link(phone_page, status_site):
    phone_page.goto(status_site + "en/wonen/")
    notice = phone_page.locator(".wegwijs-notice--outdated")
    assert notice.count() == 1 and notice.is_visible()
    assert notice.get_attribute("role") == "note"
    assert "The Dutch version of this page is newer" in notice.inner_text()
    link = notice.locator("a")
    assert link.get_attribute("hreflang") == "nl"
    link.click()
    phone_page.wait_for_load_state("load")
    assert phone_page.url.rstrip("/").endswith("/wonen") and "/en/" not in phone_page.url
    assert phone_page.evaluate("document.documentElement.lang") == "nl"
    assert "U krijgt een huis" in phone_page.inner_text("main")


def test_current_translation_and_dutch_page_have_no_outdated_notice(phone_page, status_site):
    for path in ("ar/wonen/", "wonen/"):
        phone_page.goto(status_site + path)
        assert phone_page.locator(".wegwijs-notice--outdated").count() == 0, path
    phone_page.goto(status_site + "ar/wonen/")
    assert "السكن" in phone_page.inner_text("main")  # the translation itself, not the fallback


def test_status_page_lists_percentages_and_every_missing_or_outdated_page(phone_page, status_site):
    phone_page.goto(status_site + "status/")
    assert phone_page.evaluate("document.documentElement.lang") == "nl"
    rows = {}
    for row in phone_page.locator("table tbody tr").all():
        cells = [c.inner_text().strip() for c in row.locator("td").all()]
        rows[cells[0]] = cells[1:]
    assert rows["Engels (en)"][:2] == ["50% (1 van 2)", "0% (0 van 2)"]
    assert rows["Arabisch (ar)"][:2] == ["50% (1 van 2)", "50% (1 van 2)"]
    assert rows["Tigrinya (ti)"][:2] == ["0% (0 van 2)", "0% (0 van 2)"]
    text = phone_page.inner_text("main")
    english_part = text.split("Engels (en)")[-1].split("Arabisch (ar)")[0]
    assert "docs/wonen.en.md" in english_part and "docs/index.en.md" in english_part
    arabic_part = text.split("Arabisch (ar)")[-1].split("Tigrinya (ti)")[0]
    assert "docs/index.ar.md" in arabic_part and "wonen.ar.md" not in arabic_part
