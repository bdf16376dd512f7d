"""Numbers the build writes (file sizes, map numbers) use the reader's digits:
Persian digits on Farsi pages, 0-9 elsewhere (CLDR's default numbering systems)."""
from __future__ import annotations

import re

from tools.wegwijs.sources.media import format_size
from tools.wegwijs.render.ui_strings import localize_digits

LATIN_DIGIT = re.compile(r"[0-9]")


def test_localize_digits_follows_the_cldr_numbering_system():
    assert localize_digits("4 van 12", "nl") == "4 van 12"
    assert localize_digits("12:30", "fa") == "۱۲:۳۰"
    assert localize_digits("12", "ar") == "12"  # CLDR's Arabic default (and our texts): 0-9
    assert localize_digits("12", "ti") == "12"


def test_file_sizes_in_farsi_use_persian_digits():
    farsi = format_size(216_400, "fa")
    assert not LATIN_DIGIT.search(farsi) and "۲۱۶" in farsi
    assert "216" in format_size(216_400, "nl")


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
