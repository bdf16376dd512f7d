"""Build step: links that never break (logic in render/permalinks.py).

- ``configure`` (default-language build): the pages' permanent-link entries and the
  plugin's ``redirects`` (the build stops on a bad redirect);
- ``filter_nav`` (other languages): drop ``translate: false`` pages from the menu;
- ``filter_files``: in the other languages, remove ``translate: false`` pages (so no
  Dutch fallback is written under /en/ etc.); in the Dutch build, remove their other
  languages from the language switcher and the sitemap;
- ``page_markdown``: in the other languages, links to Dutch-only pages point at the
  Dutch page; on the page with a ``[[linkkit]]`` line, the linking kit is placed there;
- ``record_page``: remember which URL each page got;
- ``finish`` (after the last language): write ``/go/<id>/`` pages, redirect
  pages, QR codes (``/qr/``, only when a linking kit page was built) and ``urls.txt``,
  the list of every public URL.
"""
from __future__ import annotations

import logging
import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from tools.wegwijs.plugin import i18n
from tools.wegwijs.render import permalinks
from tools.wegwijs.sources import reader

log = logging.getLogger("mkdocs.plugins.wegwijs")

LINKKIT = re.compile(r"^\[\[linkkit\]\][ \t]*$", re.M)
# [text](target.md#anchor) and reference definitions "[label]: target.md#anchor"
MD_LINK = re.compile(r"(\]\(|^[ ]{0,3}\[[^\]]+\]:[ \t]*)(?P<target>[^)\s#]+\.md)(?P<anchor>#[^)\s]*)?"
                     r"(?=[)\s]|$)", re.M)
URL_LIST_HEADER = """Every public URL of Wegwijs in Hilversum: site path, then the id of the page it shows.
Pages in all languages, permanent links (/go/<id>/) and redirects (the wegwijs plugin's redirects in mkdocs.yml).
Written by the build (tools/wegwijs/plugin/steps/links.py); urls/release.txt is the copy of the last release."""

# --------------------------------------------------------------------------- config


def configure(state, config, redirects: dict) -> None:
    """Once per run: permanent-link entries of every page, and the redirects."""
    config_file = state.project.config_file
    state.link_entries = permalinks.inventory(state.site)
    state.dutch_only = {e.src for e in state.link_entries if e.dutch_only}
    state.redirects, problems = permalinks.load_redirects(config_file, state.link_entries,
                                                          redirects or {})
    if problems:
        text = "\n".join(f.format() for f in problems)
        raise PluginError(f"the wegwijs plugin's {permalinks.REDIRECTS_KEY} in mkdocs.yml has "
                          f"{len(problems)} error(s):\n{text}")
    state.built_urls = {}
    state.linkkit = False


def filter_nav(state, config) -> None:
    """In the other languages, Dutch-only pages are not in the menu."""
    if state.lang != state.site.model.default_language and state.dutch_only and config.get("nav"):
        config["nav"] = _without(config["nav"], state.dutch_only)


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


def filter_files(state, files, config):
    """After static-i18n has chosen this language's files: Dutch-only pages exist only in Dutch."""
    lang, default = state.lang, state.site.model.default_language
    for file in list(files.documentation_pages()):
        if i18n.source_uri(file) not in state.dutch_only:
            continue
        if lang == default:
            i18n.set_alternates(file, {default: file})
        else:
            files.remove(file)
    if lang != default:
        i18n.remove_from_language(config, lang, state.dutch_only)
    return files


# --------------------------------------------------------------------------- pages


def page_markdown(state, markdown: str, page, config) -> str:
    lang, default = state.lang, state.site.model.default_language
    here = "/" + page.url if not page.url.startswith("/") else page.url
    if here == "/./":
        here = "/"
    if lang != default and state.dutch_only:
        markdown = _link_dutch_only(state, markdown, page, here)
    if LINKKIT.search(markdown):
        kit = permalinks.linkkit_html(state.link_entries, state.site.model.languages,
                                      config.site_url or "", here, env=state.templates)
        replaced = reader.sub_outside_code(LINKKIT, lambda _m: "\n" + kit + "\n", markdown)
        state.linkkit = state.linkkit or replaced != markdown
        markdown = replaced
    return markdown


def _link_dutch_only(state, markdown: str, page, here: str) -> str:
    """In en/ar/ti/fa, a link to a Dutch-only page leads to the Dutch page itself."""
    src = i18n.source_uri(page.file)
    base = posixpath.dirname(src)

    def fix(match):
        target = posixpath.normpath(posixpath.join(base, match["target"]))
        if target not in state.dutch_only:
            return match.group(0)
        url = "/" + permalinks.page_url(target)
        return match.group(1) + permalinks.relative(here, url) + (match["anchor"] or "")

    return reader.sub_outside_code(MD_LINK, fix, markdown)


def record_page(state, page) -> None:
    page_id = (page.meta or {}).get("id")
    if page_id:
        url = page.url if page.url not in ("", "./") else ""
        state.built_urls["/" + url.lstrip("/")] = page_id


# --------------------------------------------------------------------------- output


def finish(state, config) -> None:
    """After every language: /go/ pages, redirect pages, QR codes and urls.txt."""
    if state.preview_rebuild:
        return  # preview rebuild: the first build wrote them (steps/preview.py)
    site_dir = Path(config.site_dir)
    site_url = config.site_url or ""
    languages, default = state.site.model.languages, state.site.model.default_language
    urls = dict(state.built_urls)
    by_src = {e.src: e for e in state.link_entries}

    def write(url: str, text: str) -> None:
        target = site_dir / url.strip("/") / "index.html" if url.endswith("/") else site_dir / url.strip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    for entry in state.link_entries:
        go = f"/{permalinks.GO_PREFIX}{entry.id}/"
        write(go, permalinks.go_page(entry, languages, site_url, env=state.templates))
        urls[go] = entry.id
        if not state.linkkit:
            continue
        write(permalinks.qr_path(entry.id, None),
              permalinks.qr_svg(permalinks.absolute(site_url, go), f"{entry.title(default)} ({go})"))
        for lang in entry.translated:
            url = entry.url(lang, default)
            write(permalinks.qr_path(entry.id, lang),
                  permalinks.qr_svg(permalinks.absolute(site_url, url), f"{entry.title(lang)} ({lang})"))
    for redirect in state.redirects:
        entry = by_src[redirect.target]
        if redirect.is_go:
            here = f"/{redirect.key}/"
            write(here, permalinks.go_page(entry, languages, site_url, url=here,
                                           env=state.templates))
            urls[here] = entry.id
            continue
        for lang in entry.translated:
            here = "/" + permalinks.lang_prefix(lang, default) + permalinks.page_url(redirect.key)
            write(here, permalinks.redirect_page(here, entry.url(lang, default), entry.title(lang),
                                                 lang, site_url, anchor=redirect.anchor,
                                                 env=state.templates))
            urls[here] = entry.id
    (site_dir / permalinks.URL_LIST).write_text(
        permalinks.format_url_list(dict(sorted(urls.items())), URL_LIST_HEADER), encoding="utf-8")
    log.info(f"Permanent links: {len(state.link_entries)} pages, {len(state.redirects)} redirects, "
             f"{len(urls)} public URLs in {permalinks.URL_LIST}")
