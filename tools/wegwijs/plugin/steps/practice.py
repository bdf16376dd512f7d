"""Build step: practice modules (``type: oefenen`` pages, issue 16).

- ``register_extension`` (per language build, once): the ``/// vraag`` Markdown extension;
- ``page_markdown``: tell the extension the page's language, its interface strings and,
  on a translation, the Dutch questions of the same page (the "show in Dutch" text);
- ``page_content``: on a practice page the one ``aria-live`` region that practice.js
  announces feedback in; on the overview (``oefenen/index.md``) the list of modules per
  thema with the question ids whose answers practice.js counts;
- ``module_links``: this language's practice module per thema, for Mijn stappenplan
  (the service worker's list of practice pages is in ``visitor_tools``).

The markup is in ``overrides/partials/wegwijs/practice_*.html``.
"""
from __future__ import annotations

from mkdocs.utils import get_relative_url

from tools.wegwijs.markdown.practice import PracticeExtension
from tools.wegwijs.plugin import i18n
from tools.wegwijs.render import templates
from tools.wegwijs.sources import practice, reader

TYPE = "oefenen"


def register_extension(state, config) -> None:
    if state.practice_extension is None:
        state.practice_extension = PracticeExtension()
        config.markdown_extensions.append(state.practice_extension)


def _modules(site) -> list:
    """The Dutch practice module of each thema, in the thema order of mkdocs.yml."""
    default = site.model.default_language
    pages = [p for p in site.by_lang(default) if p.meta.get("type") == TYPE and p.meta.get("thema")]
    order = {thema: n for n, thema in enumerate(site.model.themas)}
    return sorted(pages, key=lambda p: (order.get(p.meta["thema"], 99), p.src))


def _dutch_questions(site, src: str) -> dict:
    page = site.source_pages().get(src)
    return {q.id: q for q in practice.parse(page.markdown)} if page is not None else {}


def page_markdown(state, page) -> None:
    ext = state.practice_extension
    if (page.meta or {}).get("type") != TYPE:
        ext.context = None
        return
    lang = state.lang
    default = state.site.model.default_language
    content_lang = i18n.file_locale(page.file, lang)
    ext.context = {"lang": lang, "t": state.t(lang),
                   "dutch": None if content_lang == default else
                   _dutch_questions(state.site, i18n.source_uri(page.file))}


def page_content(state, html: str, page) -> str:
    state.practice_extension.context = None
    meta = page.meta or {}
    if meta.get("type") != TYPE:
        return html
    lang = state.lang
    t = state.t(lang)
    modules = []
    if not meta.get("thema"):
        site = state.site
        default = site.model.default_language
        titles = {p.src: p.title for p in site.by_lang(lang)}
        for module in _modules(site):
            ids = [q.id for q in practice.parse(module.markdown)]
            modules.append({
                "thema": module.meta["thema"], "title": titles.get(module.src, module.title),
                "url": get_relative_url(reader.site_path(module.src, lang, default), page.url),
                "ids": " ".join(ids), "total": len(ids)})
    return html + templates.render("practice_page.html", state.templates, t=t, modules=modules)


def module_links(state, page_url: str) -> list[dict]:
    """[{thema, title, url}] of this language's practice modules, relative to page_url."""
    site = state.site
    default = site.model.default_language
    titles = {p.src: p.title for p in site.by_lang(state.lang)}
    return [{"thema": m.meta["thema"], "title": titles.get(m.src, m.title),
             "url": get_relative_url(reader.site_path(m.src, state.lang, default), page_url)}
            for m in _modules(site)]

