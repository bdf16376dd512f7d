"""Build step: the visitor's tools: checklists, begrippen, stappenplan, kaart, werkmap, offline.

Wiring only; the logic lives in markdown.checklist, markdown.glossary, sources.places,
render.places, render.plan_pages and render.stappenplan; the markup in overrides/partials/wegwijs/. Per language build:

- ``configure``: register the checklist and glossary Markdown extensions (once);
  read the begrippenlijst of every language (default-language build);
- ``page_markdown``: tell the glossary extension this page's language and terms
  (and, on the begrippen page, to sort the list in that language's order);
- ``page_content``: wrap wide tables in a focusable region (render.tables); point term links at this language's begrippenlijst; record
  the page's checklist items; add the progress line; kaart and contactkaart
  content; a ``wegwijs-type-<type>`` wrapper for page-type CSS (print layouts);
- ``page_context``: once every page of the language is rendered, fill the
  stappenplan (from the task catalogue, with links to the practice modules) and
  werkmap pages;
- ``finish`` (after the last language): the service worker ``sw.js`` at the
  site root (with render.precache's manifest: a revision per file and the precache
  lists of each language, ``state.precache_lists`` included; the practice pages of a language are a list
  kept once the reader opens one) and the open-data file
  ``places.geojson``.
"""
from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

from mkdocs.utils import get_relative_url

from tools.wegwijs.markdown import glossary
from tools.wegwijs.markdown.checklist import ChecklistExtension, extract_items
from tools.wegwijs.plugin import i18n
from tools.wegwijs.plugin.steps import practice as practice_step
from tools.wegwijs.render import html_tree, plan_pages, precache, stappenplan, tables, templates, ui_strings
from tools.wegwijs.render import contacts as render_contacts
from tools.wegwijs.render import places as render_places
from tools.wegwijs.sources import places, reader

log = logging.getLogger("mkdocs.plugins.wegwijs")

SW_TEMPLATE = "assets/wegwijs/sw.js"  # in the theme's custom_dir (overrides/)
OFFLINE_TYPES = ("home", "stappenplan", "contactkaart", "begrippen", "kaart")
OFFLINE_PAGE = "offline.html"  # per language, beside its 404.html (content.keep_static)
PRACTICE_TYPE = "oefenen"  # a language's practice pages are kept once the reader opens one
NO_TERMS = ("begrippen", "stappenplan", "werkmap", "status", "professionals",
            "oefenen")  # no marked terms (on practice pages a tip could give the answer away)



def _direction(lang: str) -> str:
    return ui_strings.language_info(lang).direction


def _src(file) -> str:
    return i18n.source_uri(file)


def _content_lang(page, lang: str) -> str:
    return i18n.file_locale(page.file, lang)


# --------------------------------------------------------------------------- config


def register_extensions(state, config) -> None:
    """The same config object comes back for every language: register only once."""
    if state.glossary_extension is None:
        state.glossary_extension = glossary.GlossaryExtension()
        config.markdown_extensions.append(ChecklistExtension())
        config.markdown_extensions.append(state.glossary_extension)


def configure(state) -> None:
    """Once per run: the begrippenlijst of every language."""
    state.glossary = glossary.load(state.site)


# --------------------------------------------------------------------------- pages


def page_markdown(state, page) -> None:
    lang = state.lang
    page_type = (page.meta or {}).get("type")
    content_lang = _content_lang(page, lang)
    if state.glossary_entries_lang != lang:  # one list per language, so the glossary caches its matcher
        state.glossary_entries = state.glossary.for_language(lang)
        state.glossary_entries_lang = lang
    state.glossary_extension.context = {
        "lang": lang,
        "dir": _direction(lang),
        "default": state.site.model.default_language,
        "entries": [] if page_type in NO_TERMS else state.glossary_entries,
        "sort_lang": content_lang if page_type == "begrippen" else None,
    }


def page_content(state, html: str, page, files) -> str:
    lang = state.lang
    state.glossary_extension.context = None
    meta = page.meta or {}
    page_type = str(meta.get("type") or "pagina")
    t = state.t(lang)
    items = []
    if glossary.LINK_SCHEME in html or "task-list" in html or "<table" in html:  # else nothing to change
        root = html_tree.parse(html)
        tables.wrap(root)  # wide tables: a focusable, labelled scroll region
        _term_links(state, root, page, files)
        items = extract_items(root)
        if items and page_type not in ("stappenplan", "werkmap"):
            _progress_line(state, root, page, files, t)
        html = html_tree.serialize(root)
    if page_type == "kaart":
        html += _places_html(state, lang, t, page, with_map=True)
    elif page_type == "contactkaart":
        html = plan_pages.card_html(
            html, _places_html(state, lang, t, page, with_map=False, compact=True),
            t("wegwijs.card.fold"), env=state.templates)
    state.rendered[page.url] = plan_pages.Rendered(
        url=page.url, src=_src(page.file), title=page.title or "", meta=meta, html=html,
        content_lang=_content_lang(page, lang), items=items)
    return templates.render("type.html", state.templates, type=page_type,
                            content=templates.safe(html))


def _progress_line(state, root, page, files, t) -> None:
    """Above the page's first checklist: the ticked count and a link to the stappenplan."""
    first = next((ul for ul in html_tree.elements(root, "ul") if ul.get("class") == "task-list"),
                 None)
    if first is None:
        return
    plan = _page_url_of_type(state, files, "stappenplan")
    line = templates.render("progress_line.html", state.templates, t=t,
                            plan_url=get_relative_url(plan, page.url) if plan else None)
    html_tree.insert_before(first, line + "\n")


def _term_links(state, root, page, files) -> None:
    """Term links (``wegwijs-term:<id>``) point at this language's begrippenlijst."""
    links = [a for a in html_tree.elements(root, "a")
             if (a.get("href") or "").startswith(glossary.LINK_SCHEME)]
    if not links:
        return
    if state.term_page is None:  # this language's begrippen page, found once per build
        state.term_page = next((f.url for f in files.documentation_pages()
                                if _src(f) == state.glossary.page_src), "")
    target = get_relative_url(state.term_page, page.url) if state.term_page else "."
    for a in links:
        a.set("href", f"{target}#{a.get('href')[len(glossary.LINK_SCHEME):]}")


def _page_url_of_type(state, files, page_type: str) -> str | None:
    """URL of this language's page of a type (e.g. the stappenplan), found once per build."""
    if page_type not in state.type_urls:
        srcs = {p.src for p in state.site.by_lang(state.site.model.default_language)
                if p.meta.get("type") == page_type}
        state.type_urls[page_type] = next((f.url for f in files.documentation_pages()
                                           if _src(f) in srcs), None)
    return state.type_urls[page_type]


def _places_html(state, lang: str, t, page, with_map: bool, compact: bool = False) -> str:
    return render_places.places_html(
        places.project_places(state.project), lang, t, get_relative_url("places.geojson", page.url), with_map=with_map,
        compact=compact, default=state.site.model.default_language, env=state.templates,
        contacts=render_contacts.place_facts(state.catalogue, lang))


def page_context(state, page) -> None:
    page_type = (page.meta or {}).get("type")
    if page_type not in ("stappenplan", "werkmap"):
        return
    lang = state.lang
    t = state.t(lang)
    pages = list(state.rendered.values())
    fases = state.site.model.fases
    plan = stappenplan.plan_html(state.catalogue, fases, pages, page.url,
                                 lang, t, _direction, env=state.templates)
    if page_type == "stappenplan":
        modules = practice_step.module_links(state, page.url)
        if modules:  # after the plan: the practice module of each thema (issue 16)
            plan += templates.render("practice_links.html", state.templates, t=t, modules=modules)
        page.content = _inject(page.content, plan)
    else:
        by_type = lambda kind: [p for p in pages if p.type == kind]  # noqa: E731
        fase_pages = sorted(by_type("fase"), key=lambda p: fases.index(p.fases[0])
                            if p.fases and p.fases[0] in fases else 99)
        themas = state.site.model.themas
        thema_pages = sorted(by_type("thema"), key=lambda p: (
            themas.index(p.meta.get("thema")) if p.meta.get("thema") in themas else 99, p.src))
        title = lambda src, key: next((p.title for p in pages if p.src == src), t(key))  # noqa: E731
        parts = [("fases", title("fase/index.md", "wegwijs.werkmap.fases"), fase_pages),
                 ("themas", title("thema/index.md", "wegwijs.werkmap.themas"), thema_pages),
                 ("stappenplan", next((p.title for p in by_type("stappenplan")),
                                      t("wegwijs.werkmap.plan")), []),
                 ("begrippen", next((p.title for p in by_type("begrippen")),
                                    t("wegwijs.werkmap.begrippen")), by_type("begrippen")),
                 ("contactkaart", next((p.title for p in by_type("contactkaart")),
                                       t("wegwijs.werkmap.contactkaart")), by_type("contactkaart"))]
        page.content = _inject(page.content, plan_pages.werkmap_html(
            parts, page.url, lang, _direction, extra={"stappenplan": plan_pages.demote(plan)},
            env=state.templates))


def _inject(content: str, generated: str) -> str:
    """Put generated HTML at the end of the page's type wrapper (``div.wegwijs-type-*``)."""
    root = html_tree.parse(content)
    wrapper = next((div for div in root if div.tag == "div" and any(
        c.startswith("wegwijs-type-") for c in (div.get("class") or "").split())), None)
    if wrapper is None:
        return content + generated
    html_tree.append(wrapper, generated)
    return html_tree.serialize(root)


# --------------------------------------------------------------------------- offline


def finish(state, config) -> None:
    """After every language and the search index: places.geojson and the service worker."""
    site_dir = Path(config.site_dir)
    shutil.copyfile(state.project.places_file, site_dir / "places.geojson")
    if state.previewing:
        return  # preview: no offline worker; steps/preview.py writes one that removes itself
    write_service_worker(site_dir, state.site, state.precache_lists)


def offline_lists(site_dir: Path, site) -> dict[str, dict[str, list[str]]]:
    """The "offline" precache list of each language: its home, stappenplan, contactkaart,
    begrippenlijst and kaart, its offline page (shown for a page not kept) and 404 page."""
    default = site.model.default_language
    offline_srcs = [p.src for p in site.by_lang(default) if p.meta.get("type") in OFFLINE_TYPES]
    lists: dict[str, list[str]] = {}
    for lang in site.model.languages:
        prefix = "" if lang == default else f"{lang}/"
        pages = [reader.site_path(src, lang, default) for src in offline_srcs]
        lists[lang] = [p for p in pages if (site_dir / p / "index.html").exists()] + [
            f"{prefix}{name}" for name in (OFFLINE_PAGE, "404.html")
            if (site_dir / prefix / name).exists()]
    return {"offline": lists}


def practice_lists(site_dir: Path, site) -> dict[str, dict[str, list[str]]]:
    """The "practice" list of each language: its practice overview and modules, kept by
    the worker once the reader opens one of them (an on-open list, see render.precache)."""
    default = site.model.default_language
    srcs = [p.src for p in site.by_lang(default) if p.meta.get("type") == PRACTICE_TYPE]
    return {"practice": {lang: [p for p in (reader.site_path(src, lang, default) for src in srcs)
                                if (site_dir / p / "index.html").exists()]
                         for lang in site.model.languages}}


def write_service_worker(site_dir: Path, site, lists: dict | None = None) -> dict:
    """Write sw.js at the site root with the precache manifest (render.precache: one
    revision per file; the "offline" list of each language plus any other ``lists``,
    e.g. ``{"practice": {lang: [site paths]}}``), and sw-precache.json;
    return {lang: (paths, bytes)} of each language's precache."""
    manifest = precache.build(site_dir, {**offline_lists(site_dir, site), **(lists or {}),
                                         **practice_lists(site_dir, site)},
                              on_open=("practice",))
    source = (site_dir / SW_TEMPLATE).read_text(encoding="utf-8")
    (site_dir / "sw.js").write_text(precache.worker_source(source, manifest), encoding="utf-8")
    (site_dir / "sw-precache.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    for lang, size in manifest["bytes"].items():
        log.info(f"Offline precache {lang}: {len(manifest['urls'][lang])} files, {size / 1024:.0f} KB")
    return {lang: (paths, manifest["bytes"][lang]) for lang, paths in manifest["urls"].items()}
