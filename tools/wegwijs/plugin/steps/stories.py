"""Build step: ervaringsverhalen (logic and validation in sources/stories.py).

- ``publish`` (default-language build, from ``content.configure``): the pages the site
  shows, without withdrawn stories and without docs/verhalen/ while no story is left;
  the build log says what it left out and why;
- ``filter_files`` (on_files, every language): the left-out pages are not built, as if
  they were in ``exclude_docs``: no page, no menu entry, no language-switcher or sitemap
  entry, no ``/go/<id>/`` link;
- ``page_content``: the overview ends with the list of the stories the site shows
  (partial ``story_list.html``), so no page links to a story by hand.
"""
from __future__ import annotations

import logging

from mkdocs.utils import get_relative_url

from tools.wegwijs.plugin import i18n
from tools.wegwijs.render import templates, ui_strings
from tools.wegwijs.sources import stories

log = logging.getLogger("mkdocs.plugins.wegwijs")


def publish(state, site):
    """The site without the pages the build leaves out (remembered in state.left_out)."""
    site, state.left_out = stories.published(site)
    for src, reason in sorted(state.left_out.items()):
        log.info(f"Verhalen: docs/{src} is left out of the site ({reason})")
    return site


def filter_files(state, files, config):
    """Remove the left-out pages from this language's build (static-i18n chose them)."""
    if not state.left_out:
        return files
    for file in list(files.documentation_pages()):
        if i18n.source_uri(file) in state.left_out:
            files.remove(file)
    i18n.remove_from_language(config, state.lang, set(state.left_out))
    return files


def page_content(state, html: str, page, files) -> str:
    """The overview (docs/verhalen/index.md) ends with the list of stories."""
    if i18n.source_uri(page.file) != stories.OVERVIEW:
        return html
    listing = templates.render("story_list.html", state.templates,
                               stories=_entries(state, page, files))
    return html + "\n" + listing


def _entries(state, page, files) -> list[dict]:
    """One entry per story shown, with the title in this language where it is translated."""
    lang, model = state.lang, state.site.model
    by_src = {i18n.source_uri(f): f for f in files.documentation_pages()}
    versions = {(p.src, p.lang): p for p in state.site.pages}
    out = []
    for story in stories.live_stories(state.site.pages, model):
        file = by_src.get(story.src)
        if file is None:
            continue
        shown = versions.get((story.src, lang), story)
        other = shown.lang != lang
        description = shown.meta.get("description")
        out.append({
            "href": get_relative_url(file.url, page.url),
            "title": shown.title,
            "description": description if isinstance(description, str) else None,
            "lang": shown.lang if other else None,
            "dir": ui_strings.language_info(shown.lang).direction if other else None,
        })
    return out
