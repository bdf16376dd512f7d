"""Build step: the visitor's tools: checklists, begrippen, stappenplan, kaart, werkmap, offline.

Wiring only; the logic lives in markdown.checklist, markdown.glossary, sources.places,
render.places and render.plan_pages; the markup in overrides/partials/wegwijs/. Per language build:

- ``configure``: register the checklist and glossary Markdown extensions (once);
  read the begrippenlijst of every language (default-language build);
- ``page_markdown``: tell the glossary extension this page's language and terms
  (and, on the begrippen page, to sort the list in that language's order);
- ``page_content``: point term links at this language's begrippenlijst; record
  the page's checklist items; add the progress line; kaart and contactkaart
  content; a ``wegwijs-type-<type>`` wrapper for page-type CSS (print layouts);
- ``page_context``: once every page of the language is rendered, fill the
  stappenplan (with links to the practice modules) and werkmap pages;
- ``finish`` (after the last language): the service worker ``sw.js`` at the
  site root (versioned by a hash of the built site, with a precache list per
  language and a list of practice pages per language) and the open-data file
  ``places.geojson``.
"""
from __future__ import annotations

import hashlib
import json
import logging
import shutil
from pathlib import Path

from mkdocs.utils import get_relative_url

from tools.wegwijs.markdown import glossary
from tools.wegwijs.markdown.checklist import ChecklistExtension, extract_items
from tools.wegwijs.plugin import i18n
from tools.wegwijs.plugin.steps import practice as practice_step
from tools.wegwijs.render import html_tree, plan_pages, templates, ui_strings
from tools.wegwijs.render import places as render_places
from tools.wegwijs.sources import places, reader

log = logging.getLogger("mkdocs.plugins.wegwijs")

SW_TEMPLATE = "assets/wegwijs/sw.js"  # in the theme's custom_dir (overrides/)
OFFLINE_TYPES = ("home", "stappenplan", "contactkaart", "begrippen", "kaart")
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
    if glossary.LINK_SCHEME in html or "task-list" in html:  # else nothing to change
        root = html_tree.parse(html)
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
        places.load(), lang, t, get_relative_url("places.geojson", page.url), with_map=with_map,
        compact=compact, default=state.site.model.default_language, env=state.templates)


def page_context(state, page) -> None:
    page_type = (page.meta or {}).get("type")
    if page_type not in ("stappenplan", "werkmap"):
        return
    lang = state.lang
    t = state.t(lang)
    pages = list(state.rendered.values())
    fases = state.site.model.fases
    plan = plan_pages.stappenplan_html(pages, fases, page.url, lang, t, _direction,
                                       env=state.templates)
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
    shutil.copyfile(places.DATA, site_dir / "places.geojson")
    write_service_worker(site_dir, state.site)


def _page_assets(html: str) -> list[str]:
    """Paths of the stylesheets, icons and scripts a page loads (``link href``, ``script src``),
    without query or fragment, in document order."""
    refs = html_tree.parse_document(html).xpath("//link/@href | //script/@src")
    return [ref for ref in (r.split("#")[0].split("?")[0] for r in refs) if ref]


def _offline_files(site_dir: Path, srcs: list[str], lang: str, default: str):
    """The built pages of ``srcs`` in ``lang`` and the site files they load."""
    urls = [url for url in (reader.site_path(src, lang, default) for src in srcs)
            if (site_dir / url / "index.html").exists()]
    assets: list[str] = []
    for url in urls:
        for ref in _page_assets((site_dir / url / "index.html").read_text(encoding="utf-8")):
            if "://" in ref or ref.startswith(("/", "data:")):
                continue
            target = (site_dir / url / ref).resolve()
            try:
                rel = target.relative_to(site_dir.resolve()).as_posix()
            except ValueError:
                continue
            if target.is_file() and rel not in assets and not rel.startswith("media/"):
                assets.append(rel)
    return urls, assets


def write_service_worker(site_dir: Path, site) -> dict:
    """Write sw.js at the site root; return {lang: (urls, bytes)} of the precache."""
    digest = hashlib.sha256()
    for path in sorted(site_dir.rglob("*")):
        if path.is_file() and path.name != "sw.js" and "pagefind" not in path.parts:
            digest.update(path.relative_to(site_dir).as_posix().encode())
            digest.update(path.read_bytes())
    version = digest.hexdigest()[:12]
    default = site.model.default_language
    offline_srcs = [p.src for p in site.by_lang(default) if p.meta.get("type") in OFFLINE_TYPES]
    practice_srcs = [p.src for p in site.by_lang(default) if p.meta.get("type") == PRACTICE_TYPE]
    precache: dict[str, list[str]] = {}
    practice: dict[str, list[str]] = {}  # kept once the reader opens a practice page (sw.js)
    sizes: dict[str, int] = {}
    for lang in site.model.languages:
        urls, assets = _offline_files(site_dir, offline_srcs, lang, default)
        precache[lang] = urls + assets
        sizes[lang] = sum((site_dir / u / "index.html").stat().st_size for u in urls) + \
            sum((site_dir / a).stat().st_size for a in assets)
        practice_urls, practice_assets = _offline_files(site_dir, practice_srcs, lang, default)
        practice[lang] = practice_urls + [a for a in practice_assets if a not in assets]
    source = (site_dir / SW_TEMPLATE).read_text(encoding="utf-8")
    text = source.replace('"__VERSION__"', json.dumps(version)).replace(
        "__PRECACHE__", json.dumps(precache, ensure_ascii=False)).replace(
        "__PRACTICE__", json.dumps(practice, ensure_ascii=False))
    (site_dir / "sw.js").write_text(text, encoding="utf-8")
    (site_dir / "sw-precache.json").write_text(json.dumps(
        {"version": version, "bytes": sizes, "urls": precache, "practice": practice}, indent=1),
        encoding="utf-8")
    for lang, size in sizes.items():
        log.info(f"Offline precache {lang}: {len(precache[lang])} files, {size / 1024:.0f} KB")
    return {lang: (precache[lang], sizes[lang]) for lang in precache}
