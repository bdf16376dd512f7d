"""The one adapter to mkdocs-static-i18n: every use of its internals is here.

mkdocs-static-i18n builds the site once per language. The first (outer) build is
the default language; in its ``on_post_build`` (priority -100) it runs a further
(inner) build per other language with the same config object, then finishes. These
helpers answer "which language is being built?", "is this an inner build?" and
give access to what the plugin attaches to MkDocs ``File`` objects (``locale``,
``alternates``, ``norm_src_uri``) and its per-language file lists.
"""
from __future__ import annotations


def plugin(config):
    return config.plugins.get("i18n")


def default_language(config, fallback: str = "nl") -> str:
    i18n = plugin(config)
    return i18n.default_language if i18n is not None else fallback


def current_language(config, fallback: str = "nl") -> str:
    """The language of the build under way (set by static-i18n before each build)."""
    i18n = plugin(config)
    if i18n is not None:
        return i18n.current_language or i18n.default_language
    return config.theme.get("language") or fallback


def is_inner_build(config) -> bool:
    """True while static-i18n builds a further language inside the first build."""
    i18n = plugin(config)
    return bool(i18n and getattr(i18n, "building", False))


def file_locale(file, fallback: str | None = None) -> str | None:
    """The language of the source file a page was built from (Dutch for a fallback copy)."""
    return getattr(file, "locale", None) or fallback


def alternates(file) -> dict:
    """{language: File} of the same page in every built language."""
    return getattr(file, "alternates", None) or {}


def set_alternates(file, value: dict) -> None:
    file.alternates = value


def source_uri(file) -> str:
    """The page's source path without language suffix, e.g. ``thema/wonen.md``."""
    return getattr(file, "norm_src_uri", file.src_uri)


def remove_from_language(config, lang: str, sources: set[str]) -> None:
    """Drop pages (by source path) from a language's file list, which static-i18n
    uses for the language switcher and the sitemap's alternates."""
    i18n = plugin(config)
    if i18n is None:
        return
    per_lang = i18n.i18n_files_per_language.get(lang)
    if per_lang is not None:
        i18n.i18n_files_per_language[lang] = [f for f in per_lang if source_uri(f) not in sources]
