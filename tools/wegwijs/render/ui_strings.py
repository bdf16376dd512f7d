"""Interface strings: gettext catalogs in ``translations/`` plus CLDR locale data from Babel.

``translations/messages.pot`` lists every key the templates use (Material's keys and
our own ``wegwijs.*`` keys); ``translations/<lang>.po`` gives each language's text.
Language names, text direction and date formats come from Babel (CLDR).
``python -m tools ui-strings`` reports keys that a language lacks, with file:line.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.messages.pofile import read_po
from mkdocs.exceptions import PluginError

from tools.wegwijs import findings as F
from tools.wegwijs.project import Project
from tools.wegwijs.sources.content_model import display_path, load_model


@dataclass(frozen=True)
class LanguageInfo:
    code: str
    name: str  # the language's own name, e.g. "ትግርኛ"
    name_nl: str  # its Dutch name, for content managers
    direction: str  # "ltr" or "rtl"


@lru_cache(maxsize=None)
def language_info(code: str) -> LanguageInfo:
    try:
        locale = Locale.parse(code)
    except Exception as exc:  # babel raises several types for bad codes
        raise ValueError(f"unknown language code '{code}': {exc}") from exc
    return LanguageInfo(code, locale.get_display_name(code), locale.get_display_name("nl"),
                        locale.text_direction)


# Digits of the CLDR numbering systems our languages use by default (Babel knows which
# system a locale uses, not its digits): Farsi writes ۰–۹; Dutch, English, Arabic (as
# CLDR and our Arabic texts do) and Tigrinya write 0–9.
_DIGITS = {"arabext": "۰۱۲۳۴۵۶۷۸۹", "arab": "٠١٢٣٤٥٦٧٨٩"}


def localize_digits(text: str, lang: str) -> str:
    """Write the digits 0-9 in text in the language's default numbering system."""
    digits = _DIGITS.get(Locale.parse(lang).default_numbering_system)
    return text.translate(str.maketrans("0123456789", digits)) if digits else text


def format_date(value: dt.date | dt.datetime | str, lang: str, fmt: str = "long") -> str:
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return _babel_format_date(value, fmt, locale=lang)


def _read(path: Path):
    with path.open("rb") as fh:
        return read_po(fh)


def _mtime(path: Path) -> float:
    return path.stat().st_mtime if path.exists() else 0.0


@lru_cache(maxsize=32)
def _catalog(path: Path, mtime: float) -> dict[str, str]:
    if not mtime:
        return {}
    return {m.id: m.string for m in _read(path) if m.id and m.string and not m.fuzzy}


def catalog(lang: str, directory: Path) -> dict[str, str]:
    """All translated, non-fuzzy strings of one language (re-read when the file changes)."""
    path = directory / f"{lang}.po"
    strings = dict(_catalog(path, _mtime(path)))
    info = language_info(lang)
    strings["language"] = lang
    strings["direction"] = info.direction
    return strings


def t(lang: str, directory: Path):
    """The translation function for one language: ``t(key)`` is the interface string.

    The one rule for a missing string, everywhere (templates, partials, build steps):
    the build stops with an error naming the key and the language.
    """
    path = Path(directory) / f"{lang}.po"
    if not path.exists():
        raise PluginError(f"{path} is missing: the interface strings for '{lang}' live there "
                          "(copy translations/messages.pot to that name and translate it)")
    strings = catalog(lang, directory)

    def translate(key: str) -> str:
        try:
            return strings[key]
        except KeyError:
            raise MissingString(lang, key) from None

    return translate


class MissingString(PluginError):
    """An interface string a language lacks (a build error)."""

    def __init__(self, lang: str, key: str):
        super().__init__(f"translations/{lang}.po lacks '{key}': add it "
                         "(python -m tools ui-strings lists all)")
        self.lang, self.key = lang, key


def template_keys(directory: Path) -> list[str]:
    return [m.id for m in _read(directory / "messages.pot") if m.id]


def check(project: Project) -> list[F.Finding]:
    """Interface strings of every language of the project's mkdocs.yml."""
    return check_catalogs(project.translations_dir, load_model(project.config_file).languages,
                          project.root)


def check_catalogs(directory: Path, languages, root: Path) -> list[F.Finding]:
    """Keys of directory/messages.pot each language's .po lacks, empty or fuzzy."""
    out: list[F.Finding] = []
    template = directory / "messages.pot"
    if not template.exists():
        return [F.error(display_path(template, root), "missing: the list of interface string keys",
                        "ui-strings")]
    keys = template_keys(directory)
    for lang in languages:
        path = directory / f"{lang}.po"
        rel = display_path(path, root)
        if not path.exists():
            out.append(F.error(rel, f"missing: no interface strings for '{lang}'; copy "
                               "translations/messages.pot to this name and translate it",
                               "ui-string-missing"))
            continue
        messages = {m.id: m for m in _read(path) if m.id}
        for key in keys:
            message = messages.get(key)
            if message is None:
                out.append(F.error(rel, f"'{key}' is missing: add msgid \"{key}\" with its "
                                   f"{language_info(lang).name_nl} text", "ui-string-missing"))
            elif not message.string:
                out.append(F.error(rel, f"'{key}' has no {language_info(lang).name_nl} text: "
                                   "fill in msgstr", "ui-string-missing", line=message.lineno))
            elif message.fuzzy:
                out.append(F.error(rel, f"'{key}' is marked fuzzy: check the text, then remove "
                                   "the '#, fuzzy' line", "ui-string-fuzzy", line=message.lineno))
    return out


def register(sub) -> None:
    from tools.wegwijs.cli import add_format_option

    parser = sub.add_parser("ui-strings", help="report interface strings missing in translations/")
    add_format_option(parser)
    parser.set_defaults(func=lambda args: check(args.project))
