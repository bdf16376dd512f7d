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


def test_file_sizes_in_kilobytes_below_a_megabyte_and_one_decimal_above():
    assert [format_size(n, "nl") for n in (575, 216_380, 999_499, 1_234_567)] == \
        ["1 kB", "216 kB", "999 kB", "1,2 MB"]
    assert format_size(1_234_567, "en") == "1.2 MB"
    assert format_size(216_380, "ar") == "216 كيلوبايت"
