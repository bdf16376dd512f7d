"""MkDocs hooks for links that never break (logic in tools/permalinks.py).

mkdocs-static-i18n builds the site once per language; these hooks run in each build:

- ``on_config``: read the pages and ``extra.redirects`` (the build stops on a bad
  redirect); in the en/ar/ti/fa builds, drop ``translate: false`` pages from the menu;
- ``on_files``: in the en/ar/ti/fa builds, remove ``translate: false`` pages (so no
  Dutch fallback is written under /en/ etc.); in the Dutch build, remove their other
  languages from the language switcher and the sitemap;
- ``on_page_markdown``: in the other languages, links to Dutch-only pages point at the
  Dutch page; on the page with a ``[[linkkit]]`` line, the linking kit is placed there;
- ``on_post_page``: remember which URL each page got;
- ``on_post_build`` (after the last language): write ``/go/<id>/`` pages, redirect
  pages, QR codes (``/qr/``, only when a linking kit page was built) and ``urls.txt``,
  the list of every public URL.
"""
from __future__ import annotations

import logging
import posixpath
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import content_model, permalinks  # noqa: E402

log = logging.getLogger("mkdocs.hooks.wegwijs.links")

LINKKIT = re.compile(r"^\[\[linkkit\]\][ \t]*$", re.M)
# [text](target.md#anchor) and reference definitions "[label]: target.md#anchor"
MD_LINK = re.compile(r"(\]\(|^[ ]{0,3}\[[^\]]+\]:[ \t]*)(?P<target>[^)\s#]+\.md)(?P<anchor>#[^)\s]*)?"
                     r"(?=[)\s]|$)", re.M)
URL_LIST_HEADER = """Every public URL of Wegwijs in Hilversum: site path, then the id of the page it shows.
Pages in all languages, permanent links (/go/<id>/) and redirects (extra.redirects in mkdocs.yml).
Written by the build (tools/hooks_links.py); urls/release.txt is the copy of the last release."""


class _State:
    entries: list[permalinks.Entry] = []
    redirects: list[permalinks.Redirect] = []
    languages: tuple[str, ...] = ("nl",)
    dutch_only: set[str] = set()
    built: dict[str, str] = {}  # URL -> id, pages actually written
    linkkit: bool = False  # a page with [[linkkit]] was built: QR codes are needed


STATE = _State()


def _i18n(config):
    return config.plugins.get("i18n")


def _lang(config) -> str:
    plugin = _i18n(config)
    if plugin is not None:
        return plugin.current_language or plugin.default_language
    return config.theme.get("language") or "nl"


def _default(config) -> str:
    plugin = _i18n(config)
    return plugin.default_language if plugin is not None else STATE.languages[0]


def _inner_build(config) -> bool:
    plugin = _i18n(config)
    return bool(plugin and getattr(plugin, "building", False))


# --------------------------------------------------------------------------- config


@event_priority(-50)  # after tools/mkdocs_hooks.py has set the nav, before static-i18n
def on_config(config):
    lang, default = _lang(config), _default(config)
    config_file = Path(config.config_file_path)
    if lang == default or not STATE.entries:
        model = content_model.load_model(config_file)
        site = content_model.scan(model, root=config_file.parent)
        STATE.languages = model.languages
        STATE.entries = permalinks.inventory(site)
        STATE.dutch_only = {e.src for e in STATE.entries if e.dutch_only}
        raw = (config.extra or {}).get(permalinks.REDIRECTS_KEY) or {}
        STATE.redirects, problems = permalinks.load_redirects(config_file, STATE.entries, raw)
        if problems:
            text = "\n".join(f.format() for f in problems)
            raise PluginError(f"extra.{permalinks.REDIRECTS_KEY} in mkdocs.yml has "
                              f"{len(problems)} error(s):\n{text}")
        STATE.built = {}
        STATE.linkkit = False
    if lang != default and STATE.dutch_only and config.get("nav"):
        config["nav"] = _without(config["nav"], STATE.dutch_only)
    return config


def _without(nav, drop: set[str]):
    """A copy of a nav list without the given source paths (and sections left empty)."""
    out = []
    for item in nav:
        if isinstance(item, str):
            if item not in drop:
                out.append(item)
        elif isinstance(item, dict):
            kept = {}
            for title, value in item.items():
                if isinstance(value, list):
                    value = _without(value, drop)
                    if value:
                        kept[title] = value
                elif value not in drop:
                    kept[title] = value
            if kept:
                out.append(kept)
        else:
            out.append(item)
    return out


# --------------------------------------------------------------------------- files


@event_priority(-110)  # after static-i18n has chosen this language's files
def on_files(files, config):
    lang, default = _lang(config), _default(config)
    plugin = _i18n(config)
    for file in list(files.documentation_pages()):
        src = getattr(file, "norm_src_uri", file.src_uri)
        if src not in STATE.dutch_only:
            continue
        if lang == default:
            file.alternates = {default: file}
        else:
            files.remove(file)
    if plugin is not None and lang != default:
        per_lang = plugin.i18n_files_per_language.get(lang)
        if per_lang is not None:
            plugin.i18n_files_per_language[lang] = [
                f for f in per_lang if getattr(f, "norm_src_uri", f.src_uri) not in STATE.dutch_only]
    return files


# --------------------------------------------------------------------------- pages


def on_page_markdown(markdown, page, config, files):
    lang, default = _lang(config), _default(config)
    here = "/" + page.url if not page.url.startswith("/") else page.url
    if here == "/./":
        here = "/"
    if lang != default and STATE.dutch_only:
        markdown = _link_dutch_only(markdown, page, here)
    if LINKKIT.search(markdown):
        STATE.linkkit = True
        kit = permalinks.linkkit_html(STATE.entries, STATE.languages, config.site_url or "", here)
        markdown = LINKKIT.sub(lambda _m: "\n" + kit + "\n", markdown)
    return markdown


def _link_dutch_only(markdown: str, page, here: str) -> str:
    """In en/ar/ti/fa, a link to a Dutch-only page leads to the Dutch page itself."""
    src = getattr(page.file, "norm_src_uri", page.file.src_uri)
    base = posixpath.dirname(src)

    def fix(match):
        target = posixpath.normpath(posixpath.join(base, match["target"]))
        if target not in STATE.dutch_only:
            return match.group(0)
        url = "/" + permalinks.page_url(target)
        return match.group(1) + permalinks.relative(here, url) + (match["anchor"] or "")

    return MD_LINK.sub(fix, markdown)


def on_post_page(output, page, config):
    page_id = (page.meta or {}).get("id")
    if page_id:
        url = page.url if page.url not in ("", "./") else ""
        STATE.built["/" + url.lstrip("/")] = page_id
    return output


# --------------------------------------------------------------------------- output


@event_priority(-210)  # after static-i18n has built every language
def on_post_build(config):
    if _inner_build(config):
        return
    site_dir = Path(config.site_dir)
    site_url = config.site_url or ""
    languages, default = STATE.languages, STATE.languages[0]
    urls = dict(STATE.built)
    by_src = {e.src: e for e in STATE.entries}

    def write(url: str, text: str) -> None:
        target = site_dir / url.strip("/") / "index.html" if url.endswith("/") else site_dir / url.strip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    for entry in STATE.entries:
        go = f"/{permalinks.GO_PREFIX}{entry.id}/"
        write(go, permalinks.go_page(entry, languages, site_url))
        urls[go] = entry.id
        if not STATE.linkkit:
            continue
        write(permalinks.qr_path(entry.id, None),
              permalinks.qr_svg(permalinks.absolute(site_url, go), f"{entry.title(default)} ({go})"))
        for lang in entry.translated:
            url = entry.url(lang, default)
            write(permalinks.qr_path(entry.id, lang),
                  permalinks.qr_svg(permalinks.absolute(site_url, url), f"{entry.title(lang)} ({lang})"))
    for redirect in STATE.redirects:
        entry = by_src[redirect.target]
        if redirect.is_go:
            here = f"/{redirect.key}/"
            write(here, permalinks.go_page(entry, languages, site_url, url=here))
            urls[here] = entry.id
            continue
        for lang in entry.translated:
            here = "/" + permalinks.lang_prefix(lang, default) + permalinks.page_url(redirect.key)
            write(here, permalinks.redirect_page(here, entry.url(lang, default), entry.title(lang),
                                                 lang, site_url, anchor=redirect.anchor))
            urls[here] = entry.id
    (site_dir / permalinks.URL_LIST).write_text(
        permalinks.format_url_list(dict(sorted(urls.items())), URL_LIST_HEADER), encoding="utf-8")
    log.info(f"Permanent links: {len(STATE.entries)} pages, {len(STATE.redirects)} redirects, "
             f"{len(urls)} public URLs in {permalinks.URL_LIST}")
