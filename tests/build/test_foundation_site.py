"""The built site: language roots, lang/dir, switcher targets, hreflang, 404s,
per-language search index and no URL of another host in anything the page loads."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.conftest import PROJECT
from tools.wegwijs.sources.content_model import load_model
from tools.wegwijs.render.ui_strings import catalog

LANGS = ["nl", "en", "ar", "ti", "fa"]
RTL = {"ar", "fa"}
SITE_HOST = urlsplit(re.search(r'site_url: !ENV \[SITE_URL, "([^"]+)"\]',
                                (Path(__file__).resolve().parents[2] / "mkdocs.yml")
                                .read_text(encoding="utf-8")).group(1)).netloc


class Tags(HTMLParser):
    """Collects start tags as (name, attrs-dict)."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)

    def find(self, tag, **attrs):
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def parse(path: Path) -> Tags:
    parser = Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def lang_of(rel: Path) -> str:
    first = rel.parts[0]
    return first if first in LANGS[1:] else "nl"


def html_pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site)
        if rel.parts[0] in ("assets", "pagefind"):
            continue
        yield rel, path


def url_to_file(site: Path, page_rel: Path, href: str) -> Path:
    """Resolve a relative href from a page to the file it serves."""
    base = "/" + page_rel.as_posix()
    target = urlsplit(urljoin(base, href)).path
    path = site / target.lstrip("/")
    return path / "index.html" if target.endswith("/") else path


def test_every_language_has_its_root(built_site):
    for lang in LANGS:
        root = built_site / ("" if lang == "nl" else lang) / "index.html"
        assert root.exists(), f"no home page for {lang}"
        assert parse(root).find("html")[0]["lang"] == lang


def test_every_page_has_its_language_and_direction(built_site):
    checked = 0
    for rel, path in html_pages(built_site):
        tags = parse(path)
        html = tags.find("html")
        if not html:  # redirect stubs have no <html> of their own
            continue
        lang = lang_of(rel)
        assert html[0].get("lang") == lang, f"{rel}: lang={html[0].get('lang')}"
        body = tags.find("body")[0]
        direction = body.get("dir") or html[0].get("dir")  # Material sets it on <body>
        assert direction == ("rtl" if lang in RTL else "ltr"), f"{rel}: dir={direction}"
        checked += 1
    assert checked >= 5 * 3


def test_language_switcher_leads_to_the_same_page_in_each_language(built_site):
    model = load_model(PROJECT.config_file)
    page = built_site / "en" / "thema" / "wonen" / "index.html"
    rel = page.relative_to(built_site)
    links = [a for a in parse(page).find("a") if "md-select__link" in a.get("class", "")]
    assert sorted(a["hreflang"] for a in links) == sorted(model.languages)
    for link in links:
        target = url_to_file(built_site, rel, link["href"])
        assert target.exists(), f"switcher link {link['href']} -> {target} does not exist"
        assert parse(target).find("html")[0]["lang"] == link["hreflang"]
        expected = ("" if link["hreflang"] == "nl" else link["hreflang"] + "/") + "thema/wonen/index.html"
        assert target.relative_to(built_site).as_posix() == expected
        assert link["lang"] == link["hreflang"]


def test_language_names_come_from_cldr(built_site):
    page = built_site / "ti" / "index.html"
    names = {a["hreflang"]: None for a in parse(page).find("a") if "md-select__link" in a.get("class", "")}
    text = page.read_text(encoding="utf-8")
    for own_name in ["Nederlands", "English", "العربية", "ትግርኛ", "فارسی"]:
        assert own_name in text
    assert len(names) == 5


def test_hreflang_alternates_in_head_are_absolute_and_translated_only(built_site):
    page = built_site / "thema" / "wonen" / "index.html"
    alternates = parse(page).find("link", rel="alternate")
    langs = {a["hreflang"] for a in alternates}
    assert {"nl", "x-default"} <= langs
    for alt in alternates:
        assert alt["href"].startswith("https://"), alt
        assert urlsplit(alt["href"]).path.endswith("/thema/wonen/")


def test_sitemap_lists_hreflang_alternates(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="ti"' in sitemap and 'hreflang="fa"' in sitemap
    assert "/en/thema/wonen/" in sitemap


@pytest.mark.parametrize("lang", LANGS)
def test_a_404_page_per_language(built_site, lang):
    page = built_site / ("" if lang == "nl" else lang) / "404.html"
    assert page.exists()
    assert parse(page).find("html")[0]["lang"] == lang
    title = catalog(lang, PROJECT.translations_dir)["wegwijs.notfound.title"]
    assert title in page.read_text(encoding="utf-8")


def test_tigrinya_pages_show_tigrinya_interface_strings(built_site):
    english = catalog("en", PROJECT.translations_dir)
    tigrinya = catalog("ti", PROJECT.translations_dir)
    text = (built_site / "ti" / "thema" / "wonen" / "index.html").read_text(encoding="utf-8")
    for key in ["wegwijs.search.open", "select.language", "wegwijs.menu", "footer.previous"]:
        if key == "footer.previous" and "md-footer__link--prev" not in text:
            continue
        assert tigrinya[key] in text, key
        if english[key] != tigrinya[key]:
            assert f'"{english[key]}"' not in text, f"English '{english[key]}' on a Tigrinya page"


def test_search_index_is_split_per_language(built_site):
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text())
    languages = entry["languages"]
    assert set(languages) == set(LANGS)
    for lang in LANGS:
        pages_in_lang = sum(
            1 for rel, path in html_pages(built_site)
            if lang_of(rel) == lang and path.name not in ("404.html", "offline.html")
            and "data-wegwijs-fallback" not in path.read_text(encoding="utf-8")
            and "md-content__inner" in path.read_text(encoding="utf-8"))
        assert languages[lang]["page_count"] == pages_in_lang, lang


def test_no_page_embeds_a_search_index(built_site):
    for rel, path in html_pages(built_site):
        text = path.read_text(encoding="utf-8")
        assert "search_index.json" not in text and "pagefind-entry" not in text, rel
    assert not (built_site / "search" / "search_index.json").exists()


# Hosts a script may contact only after the visitor asks (the interactive map);
# tests/browser/test_map_browser.py proves no request goes there before that.
ON_REQUEST_HOSTS = {"www.openstreetmap.org", "tile.openstreetmap.org"}


def _other_host(url: str) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme in ("", "data", "blob") and not url.strip().startswith("//"):
        return False
    return parts.netloc not in ("", SITE_HOST)


def test_nothing_is_loaded_from_another_host(built_site):
    offenders = []
    for rel, path in html_pages(built_site):
        tags = parse(path)
        for tag, attrs in tags.tags:
            for attr in ("src", "srcset", "poster", "data"):
                if attr in attrs and _other_host(attrs[attr].split()[0]):
                    offenders.append(f"{rel}: <{tag} {attr}={attrs[attr]}>")
            if tag == "link" and attrs.get("rel") not in ("canonical", "alternate") \
                    and _other_host(attrs.get("href", "")):
                offenders.append(f"{rel}: <link href={attrs['href']}>")
            if tag in ("link",) and attrs.get("rel") in ("canonical", "alternate"):
                assert urlsplit(attrs["href"]).netloc in ("", SITE_HOST), attrs
        for script in tags.scripts:
            offenders += [f"{rel}: inline script loads {u}" for u in re.findall(r"https?://[^\s\"')]+", script)]
        for style in re.findall(r"style=\"([^\"]*)\"", path.read_text(encoding="utf-8")):
            offenders += [f"{rel}: style url {u}" for u in re.findall(r"url\(([^)]+)\)", style)
                          if _other_host(u.strip("'\""))]
    for css in built_site.rglob("*.css"):
        for url in re.findall(r"url\(([^)]+)\)", css.read_text(encoding="utf-8")):
            if _other_host(url.strip("'\"")):
                offenders.append(f"{css.relative_to(built_site)}: url({url})")
        assert "@import" not in css.read_text(encoding="utf-8") or "fonts.googleapis" not in css.read_text()
    for js in (built_site / "assets" / "wegwijs").glob("*.js"):
        code = re.sub(r"/\*.*?\*/", "", js.read_text(encoding="utf-8"), flags=re.S)
        offenders += [f"{js.name}: {u}" for u in re.findall(r"https?://[^\s\"')`]+", code)
                      if _other_host(u) and urlsplit(u).netloc not in ON_REQUEST_HOSTS]
    assert not offenders, "\n".join(offenders)


def test_no_google_fonts_and_no_material_bundle(built_site):
    text = (built_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text
    assert "bundle." not in text  # Material's bundle fetches sitemap.xml on every page


@pytest.fixture(scope="module")
def site_with_a_missing_translation(tmp_path_factory):
    from tests.conftest import build_site, make_fixture_site
    directory = tmp_path_factory.mktemp("fallback-site")
    home = "---\nid: home\ntype: home\norder: 0\n---\n\n# {}\n\n{}\n"
    fase = "---\nid: fase-azc\ntype: fase\nfase: azc\norder: 1\n---\n\n# Wachten\n\nU wacht in het azc.\n"
    make_fixture_site(directory, {"index.md": home.format("Thuis", "Welkom."),
                                  "index.ar.md": home.format("الرئيسية", "مرحبا."),
                                  "fase/azc.md": fase})
    result = build_site(directory, directory / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return directory / "site"


def test_untranslated_page_falls_back_to_dutch_with_a_notice(site_with_a_missing_translation):
    site = site_with_a_missing_translation
    page = site / "ar" / "fase" / "azc" / "index.html"
    text = page.read_text(encoding="utf-8")
    tags = parse(page)
    assert tags.find("html")[0]["lang"] == "ar"
    assert catalog("ar", PROJECT.translations_dir)["wegwijs.fallback.notice"] in text
    wrapper = [a for t, a in tags.tags if "data-wegwijs-fallback" in a]
    assert len(wrapper) == 1 and wrapper[0]["lang"] == "nl" and wrapper[0]["dir"] == "ltr"
    assert "U wacht in het azc." in text
    translated = (site / "ar" / "index.html").read_text(encoding="utf-8")
    assert "data-wegwijs-fallback" not in translated
    assert catalog("ar", PROJECT.translations_dir)["wegwijs.fallback.notice"] not in translated
    # Not an Arabic page: no hreflang="ar" alternate points to it, and the Arabic
    # search index holds only the translated page.
    dutch = parse(site / "fase" / "azc" / "index.html")
    assert "ar" not in {a["hreflang"] for a in dutch.find("link", rel="alternate")}
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["ar"]["page_count"] == 1
