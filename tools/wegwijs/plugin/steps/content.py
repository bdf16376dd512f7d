"""Build step: the content model, navigation, interface strings and search.

- ``configure`` (default-language build): validate every page's front matter (the
  build stops with ``path:line: message`` on any error), leave out what may not be
  published (``steps/stories.py``) and build the navigation;
- ``title_sections`` (on_nav): section titles from each language's own index page;
- ``template_globals`` (on_env): interface strings from translations/ and CLDR data;
- ``page_context``: language alternates, untranslated-page notice, fase/thema links;
- ``keep_404``: a 404 and an offline page per language (static-i18n would keep only the last one);
- ``finish`` (after the last language): the default 404 page and the per-language
  Pagefind search index.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page as MkPage

from tools.wegwijs.plugin import i18n
from tools.wegwijs.plugin.steps import stories
from tools.wegwijs.render import html_whitespace, navigation, search_index, ui_strings
from tools.wegwijs.sources import content_model

log = logging.getLogger("mkdocs.plugins.wegwijs")


def configure(state, config) -> None:
    site = content_model.project_site(state.project)
    errors = [f for f in site.findings if f.severity == "error"]
    if errors:
        text = "\n".join(f.format() for f in errors)
        raise PluginError(f"The content has {len(errors)} error(s):\n{text}")
    site = stories.publish(state, site)
    state.site = site
    state.nav = navigation.build_nav(site)
    state.relations = navigation.relations(site)


def title_sections(state, items, by_path: dict | None = None) -> None:
    """A section's title is the title of its index page, in this build's language."""
    if by_path is None:  # the pages as the source reader read them for the whole build
        by_path = {p.path.resolve(): p for p in state.site.pages}
    for item in items:
        if item.is_section and item.children:
            first = item.children[0]
            if isinstance(first, MkPage):
                page = by_path.get(Path(first.file.abs_src_path).resolve())
                if page:
                    item.title = navigation.page_title(page)
            title_sections(state, item.children, by_path)


def template_globals(state, env) -> None:
    lang = state.lang
    env.globals["wegwijs_t"] = state.t(lang)  # a missing string stops the build
    env.globals["wegwijs_language"] = ui_strings.language_info
    env.filters["wegwijs_date"] = lambda value, fmt="long": ui_strings.format_date(value, lang, fmt)


def page_context(state, context, page, nav) -> None:
    lang = state.lang
    languages = state.site.model.languages
    alternates = []
    for code, alt in sorted(i18n.alternates(page.file).items(),
                            key=lambda kv: languages.index(kv[0])):
        alternates.append({"lang": code, "url": alt.url, "translated": alt.locale == code,
                           "info": ui_strings.language_info(code)})
    source_locale = i18n.file_locale(page.file, lang)
    context["wegwijs"] = {
        "lang": lang,
        "default_lang": state.site.model.default_language,
        "alternates": alternates,
        "fallback": source_locale != lang,  # Dutch page shown because no translation exists
        "source_lang": source_locale,
        "related": _related(state, page, nav),
    }


def _related(state, page, nav) -> list[dict]:
    ids = state.relations.get((page.meta or {}).get("id"), [])
    if not ids:
        return []
    if state.pages_by_id_nav is not nav:  # once per language build, not once per page
        state.pages_by_id = {p.meta.get("id"): p for p in nav.pages if p.meta}
        state.pages_by_id_nav = nav
    by_id = state.pages_by_id
    return [{"title": by_id[i].title, "url": by_id[i].url} for i in ids if i in by_id]


STATIC_PAGES = ("404.html", "offline.html")  # theme static_templates kept per language


def static_base_url(context, template_name: str, config) -> None:
    """The offline page, like MkDocs's 404 page, is shown at any address: absolute links."""
    if template_name == "offline.html":
        from urllib.parse import urlsplit
        context["base_url"] = urlsplit(config.site_url or "/").path


def keep_404(state, config, output: str, name: str = "404.html") -> None:
    """Keep a 404 (or offline) page per language: static-i18n would leave only the last
    one built."""
    if state.lang == state.site.model.default_language:
        if name == "404.html":
            state.default_404 = html_whitespace.fold(output)
        else:
            state.default_static[name] = html_whitespace.fold(output)
    else:
        target = Path(config.site_dir) / state.lang / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html_whitespace.fold(output), encoding="utf-8")


def finish(state, config) -> None:
    """In the outer (default-language) build, once every language is written."""
    if state.default_404 is not None:
        (Path(config.site_dir) / "404.html").write_text(state.default_404, encoding="utf-8")
    for name, output in state.default_static.items():
        (Path(config.site_dir) / name).write_text(output, encoding="utf-8")
    if state.preview_rebuild:
        return  # preview rebuild: keep the first build's search index (steps/preview.py)
    count = search_index.build(Path(config.site_dir))
    log.info(f"Search index: {count} pages")
