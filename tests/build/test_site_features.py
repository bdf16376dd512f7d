"""Features of the real site as built (one ``mkdocs build --strict`` per session, the
``built_site`` fixture), checked in the HTML without a browser: the begrippenlijst order,
Persian digits, the contactkaart, the offline precache, video downloads and the werkmap.
Their behaviour in Chromium is tested in tests/browser/.
"""
from __future__ import annotations

import json
import os
import re
from collections import Counter
from html.parser import HTMLParser

from tests.conftest import PROJECT, site_languages
from tools.wegwijs.sources import content_model
from tools.wegwijs.sources import places

LATIN_DIGIT = re.compile(r"[0-9]")
LIMIT = 1.5 * 1024 * 1024  # bytes the service worker may precache for one language


# Term ids of the real begrippenlijst in the order each language's alphabet puts their
# terms (shown as comments): case and accents ignored in Dutch (BRP after Brede, IND after
# Inburgeringstermijn, ö as o), Arabic hamza forms first, Tigrinya by the Ge'ez syllabary
# (ህ ሓ መ ቁ ኣ ደ ፍ), Persian پ after ب and گ after ک.
BEGRIPPEN_ORDER = {
    "nl": ["azc", "brede-intake", "brp", "buurtcoordinator", "coa", "inburgeringstermijn",
           "ind", "z-route", "zorgverzekering"],  # AZC Brede BRP Buurtcoördinator COA ...
    "en": ["voorschot", "azc", "coa", "beschikking", "digid", "mijnoverheid", "z-route"],
    # Advance, Asylum, COA, Decision, DigiD, MijnOverheid, Z route
    "ar": ["leerbaarheidstoets", "regelweken", "uitkering", "kinderbijslag", "huurtoeslag",
           "verblijfsvergunning", "regeldag"],  # اختبار أسبوعا (ال)إعانة إعانة-الأطفال بدل تصريح
    # يوم: the article ال does not count, and أ إ sort as ا (اخ before اس before اع)
    "ti": ["huisartsenpost", "leerplichtambtenaar", "regeldag", "bsn", "klantmanager",
           "toeslag", "statushouder"],  # ህጹጽ ሓላፊ መዓልቲ ቁጽሪ ኣላይ ደገፍ ፍቓድ
    "fa": ["leerbaarheidstoets", "koppeling", "bezichtiging", "ontzorgen", "isk", "azc",
           "brede-intake", "buddy"],  # آزمون اتصال بازدید پرداخت کلاس کمپ گفت‌وگو همراه
}


def test_built_begrippenlijst_is_in_each_languages_alphabetical_order(built_site):
    for lang, expected in BEGRIPPEN_ORDER.items():
        prefix = "" if lang == "nl" else f"{lang}/"
        path = built_site / prefix / "begrippen" / "index.html"
        assert path.exists(), f"no begrippenlijst for {lang}"
        html = path.read_text(encoding="utf-8")
        dl = re.search(r"<dl>(.*?)</dl>", html, re.S)
        assert dl, f"the {lang} begrippenlijst has no <dl> of terms"
        ids = re.findall(r'<dt id="([^"]+)"', dl.group(1))
        assert [i for i in ids if i in expected] == expected, lang


def test_built_farsi_pages_show_sizes_and_map_numbers_in_persian_digits(built_site):
    video_page = (built_site / "fa" / "thema" / "geld" / "index.html").read_text(encoding="utf-8")
    sizes = re.findall(r'class="wegwijs-video__size"[^>]*>([^<]*)<', video_page)
    map_page = (built_site / "fa" / "kaart" / "index.html").read_text(encoding="utf-8")
    numbers = re.findall(r'class="wegwijs-place__nr"[^>]*>([^<]*)<', map_page)
    numbers += re.findall(r'text-anchor="middle">([^<N]*)</text>', map_page)
    assert sizes and numbers
    for text in sizes + numbers:
        numbers_only = re.sub(r"[A-Za-z][A-Za-z0-9]*", "", text)  # format names like MP4
        assert not LATIN_DIGIT.search(numbers_only), text


def test_contactkaart_has_places_and_sketch_map_in_every_language(built_site):
    data = places.project_places(PROJECT)
    for prefix in ("", "en/", "ar/", "ti/", "fa/"):
        page = built_site / prefix / "contactkaart" / "index.html"
        assert page.exists(), f"no contactkaart for {prefix or 'nl'}"
        html = page.read_text(encoding="utf-8")
        assert 'class="wegwijs-card"' in html and 'class="wegwijs-sketch"' in html
        assert html.count('class="wegwijs-place"') == len(data.places)
    assert (built_site / "places.geojson").read_bytes() == PROJECT.places_file.read_bytes()


def test_precache_of_one_language_is_small_and_local(built_site):
    manifest = json.loads((built_site / "sw-precache.json").read_text())
    for lang, size in manifest["bytes"].items():
        print(f"offline precache {lang}: {len(manifest['urls'][lang])} files, {size / 1024:.0f} KB")
        assert size < LIMIT
        urls = manifest["urls"][lang]
        assert not any("://" in u or u.startswith("media/") or "pagefind" in u for u in urls)
    ar = manifest["urls"]["ar"]
    for page in ("ar/stappenplan/", "ar/contactkaart/", "ar/begrippen/"):
        if (built_site / page / "index.html").exists():
            assert page in ar
    assert not any(u.startswith(("en/", "ti/", "fa/")) for u in ar)
    sw = (built_site / "sw.js").read_text()
    assert "__VERSION__" not in sw and manifest["version"] in sw


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "download" in attrs:
            self.links.append(attrs["href"])


def test_downloads_per_language_with_real_sizes(built_site, video_page):
    html = (built_site / video_page / "index.html").read_text(encoding="utf-8")
    parser = _Links()
    parser.feed(html)
    page_dir = built_site / video_page
    files = [(page_dir / href).resolve() for href in parser.links]
    # Video, subtitles, audio and description per language; Tigrinya has no voice-over
    # yet (never a voice of another language): subtitles and description only.
    expected = {f"{kind}/{lang}.{ext}" for lang in ("nl", "en", "ar", "ti", "fa")
                for kind, ext in (("video", "mp4"), ("subtitles", "vtt"), ("audio", "m4a"),
                                  ("descriptions", "vtt"))
                if lang != "ti" or ext == "vtt"}
    assert {"/".join(f.parts[-2:]) for f in files} == expected
    for path in files:
        assert path.is_file(), f"download link to a missing file: {path}"
        size = os.stat(path).st_size
        assert size < 1_000_000, f"{path}: a sample file over 1 MB (the media budget is 5 MB in all)"
        shown = f"{max(1, round(size / 1000))} kB"  # Dutch page: whole kilobytes under 1 MB
        assert f"<bdi>{shown}</bdi>" in html, f"size of {path.name} ({size} bytes) not shown as {shown}"


def test_werkmap_holds_fases_in_order_themas_plan_begrippen_and_contactkaart(built_site):
    model = content_model.load_model(PROJECT.config_file)
    for prefix in ("", "en/", "ar/", "ti/", "fa/"):
        path = built_site / prefix / "werkmap" / "index.html"
        html = path.read_text(encoding="utf-8")
        parts = re.findall(r'class="wegwijs-werkmap__part" id="werkmap-([a-z]+)"', html)
        assert parts == ["fases", "themas", "stappenplan", "begrippen", "contactkaart"]
        fases = [f for f in model.fases if (built_site / prefix / "fase" / f).exists()]
        fase_ids = re.findall(r'<section class="wegwijs-werkmap__fase"[^>]*>\s*<h3 id="fases-fase-([a-z]+)--', html)
        assert fase_ids == fases
        ids = Counter(re.findall(r'\sid="([^"]+)"', html))
        assert [i for i, n in ids.items() if n > 1] == []
        assert "{#" not in re.sub(r"<[^>]+>", "", html)
