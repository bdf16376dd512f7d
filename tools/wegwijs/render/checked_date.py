""""Gecontroleerd op <date>" on fase and thema pages (issue 14, must have 6).

The date is the page's ``checked`` front matter (a translation's own date, else the
Dutch page's: see checks/freshness.py), written for the reader's language with
Babel's CLDR data and that language's digits, inside ``<time datetime="YYYY-MM-DD">``.
"""
from __future__ import annotations

import datetime as dt

from tools.wegwijs.render import templates, ui_strings

TYPES = ("fase", "thema")


def date_text(day: dt.date, lang: str) -> str:
    """The date as a reader of lang writes it (e.g. '2 december 2026', '۲ دسامبر ۲۰۲۶')."""
    return ui_strings.localize_digits(ui_strings.format_date(day, lang, "long"), lang)


def render(day: dt.date, lang: str, t, env=None) -> str:
    return templates.render("checked.html", env, t=t, lang=lang,
                            dir=ui_strings.language_info(lang).direction,
                            iso=day.isoformat(), text=date_text(day, lang))
