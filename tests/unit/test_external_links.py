"""Links to other websites (issue 14, must have 7): the official page in the reader's
language, and the marker + rel on every external link, never inside code."""
from __future__ import annotations

from tests.conftest import ROOT
from tools.wegwijs.render import external_links, html_tree, ui_strings
from tools.wegwijs.sources.catalogue import Record

TRANSLATIONS = ROOT / "translations"

DIGID = Record("links", "digid", {"id": "digid", "title": "DigiD aanvragen",
                                  "url": "https://www.digid.nl/aanvragen",
                                  "urls": {"en": "https://www.digid.nl/en/apply"}},
               "data/links.yml", 3)


def test_external_link_picks_the_readers_language_else_the_dutch_page():
    assert external_links.external_link(DIGID, "en") == external_links.ExternalLink(
        "https://www.digid.nl/en/apply", "en")
    assert external_links.external_link(DIGID, "fa") == external_links.ExternalLink(
        "https://www.digid.nl/aanvragen", "nl")
    assert external_links.external_link(DIGID, "nl").url == "https://www.digid.nl/aanvragen"
    assert external_links.external_link({"url": "https://ind.nl/"}, "ar").url == "https://ind.nl/"


def test_the_official_link_partial_is_marked_and_escaped():
    context = {"id": "x", "url": "https://example.org/?a=1&b=2", "hreflang": "nl",
               "title": "<script>alert(1)</script>", "title_lang": "nl"}
    html = external_links.render_link(context, ui_strings.t("ar", TRANSLATIONS))
    assert 'rel="noopener noreferrer"' in html and 'href="https://example.org/?a=1&amp;b=2"' in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<span lang="nl" dir="ltr">' in html
    assert "(موقع آخر)" in html and 'aria-hidden="true"' in html


def test_every_external_link_is_marked_but_code_is_left_alone():
    html = ('<p><a href="https://ind.nl/">IND</a> and <a href="../wonen/">wonen</a> and '
            '<a href="https://wegwijs.hilversum.nl/go/x/">own site</a> and '
            '<a href="https://duo.nl" rel="external">DUO</a> and <a href="mailto:a@b.nl">mail</a></p>'
            '<pre><code><a href="https://example.org/">sample</a></code></pre>'
            '<p><code>&lt;a href="https://example.org/"&gt;</code></p>')
    hosts = external_links.own_hosts("https://wegwijs.hilversum.nl/")
    out = external_links.mark_html(html, ui_strings.t("nl", TRANSLATIONS), hosts=hosts)
    root = html_tree.parse(out)
    links = {a.get("href"): a for a in root.iter("a")}
    for href in ("https://ind.nl/", "https://duo.nl"):
        a = links[href]
        assert set(a.get("rel").split()) >= {"noopener", "noreferrer"}
        assert a.xpath(".//span[@class='wegwijs-visually-hidden']")[0].text.strip() == "(andere website)"
    assert links["https://duo.nl"].get("rel").split()[0] == "external"  # kept
    for href in ("../wonen/", "https://wegwijs.hilversum.nl/go/x/", "mailto:a@b.nl"):
        assert links[href].get("rel") is None and not len(links[href])
    code = root.xpath("//pre//a")[0]
    assert code.get("rel") is None and not len(code)
    assert '<pre><code><a href="https://example.org/">sample</a></code></pre>' in out
    # marking twice adds no second marker
    assert external_links.mark_html(out, ui_strings.t("nl", TRANSLATIONS), hosts=hosts) == out


def test_a_fragment_without_external_links_comes_back_unchanged():
    html = '<p><a href="../x/">x</a></p>'
    assert external_links.mark_html(html, ui_strings.t("nl", TRANSLATIONS)) == html
