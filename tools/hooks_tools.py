"""MkDocs hooks for the visitor's tools: checklists, begrippen, stappenplan, kaart, werkmap, offline.

Wiring only; the logic lives in markdown_checklist, glossary, places and plan_pages.
Per language build (mkdocs-static-i18n runs the build once per language):

- ``on_config``: register the checklist and glossary Markdown extensions (once);
  read the begrippenlijst of every language and the places file;
- ``on_page_markdown``: tell the glossary extension this page's language and terms
  (and, on the begrippen page, to sort the list in that language's order);
- ``on_page_content``: point term links at this language's begrippenlijst; record
  the page's checklist items; add the progress line; kaart and contactkaart
  content; a ``wegwijs-type-<type>`` wrapper for page-type CSS (print layouts);
- ``on_page_context``: once every page of the language is rendered, fill the
  stappenplan and werkmap pages;
- ``on_post_build`` (after the last language): the service worker ``sw.js`` at the
  site root (versioned by a hash of the built site, with a precache list per
  language) and the open-data file ``places.geojson``.
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import sys
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import content_model, glossary, places, plan_pages, ui_strings  # noqa: E402
from tools.markdown_checklist import ChecklistExtension, extract_items  # noqa: E402

log = logging.getLogger("mkdocs.hooks.wegwijs.tools")

CHECKLIST = ChecklistExtension()
GLOSSARY = glossary.GlossaryExtension()
SW_SOURCE = ROOT / "overrides" / "assets" / "wegwijs" / "sw.js"
OFFLINE_TYPES = ("home", "stappenplan", "contactkaart", "begrippen", "kaart")
NO_TERMS = ("begrippen", "stappenplan", "werkmap", "status", "professionals")  # no marked terms


class _State:
    site: content_model.Site | None = None
    glossary: glossary.Glossary | None = None
    lang: str = "nl"
    rendered: dict[str, plan_pages.Rendered] = {}
    entries: list = []
    entries_lang: str | None = None
    term_page: str | None = None
    type_urls: dict[str, str | None] = {}


STATE = _State()


def _lang(config) -> str:
    return config.theme.get("language") or "nl"


def _t(lang: str):
    strings = ui_strings.catalog(lang)
    dutch = ui_strings.catalog(STATE.site.model.default_language if STATE.site else "nl")
    return lambda key: strings.get(key) or dutch.get(key) or key


def _direction(lang: str) -> str:
    return ui_strings.language_info(lang).direction


def _src(file) -> str:
    match = content_model.LANG_SUFFIX.match(file.src_uri)
    return match["stem"] + ".md" if match else file.src_uri


def _content_lang(page, lang: str) -> str:
    return getattr(page.file, "locale", None) or lang


# --------------------------------------------------------------------------- config


def on_config(config):
    if not any(isinstance(e, ChecklistExtension) for e in config.markdown_extensions):
        config.markdown_extensions.append(CHECKLIST)
        config.markdown_extensions.append(GLOSSARY)
    model = content_model.load_model(Path(config.config_file_path))
    lang = _lang(config)
    if STATE.site is None or lang == model.default_language:
        STATE.site = content_model.scan(model, root=Path(config.config_file_path).parent)
        STATE.glossary = glossary.load(STATE.site)
    STATE.lang = lang
    STATE.rendered = {}
    STATE.entries_lang = None
    STATE.term_page = None
    STATE.type_urls = {}
    return config


# --------------------------------------------------------------------------- pages


def on_page_markdown(markdown, page, config, files):
    lang = _lang(config)
    page_type = (page.meta or {}).get("type")
    content_lang = _content_lang(page, lang)
    if STATE.entries_lang != lang:  # one list per language, so the glossary caches its matcher
        STATE.entries = STATE.glossary.for_language(lang)
        STATE.entries_lang = lang
    GLOSSARY.context = {
        "lang": lang,
        "dir": _direction(lang),
        "default": STATE.site.model.default_language,
        "entries": [] if page_type in NO_TERMS else STATE.entries,
        "sort_lang": content_lang if page_type == "begrippen" else None,
    }
    return markdown


def on_page_content(html, page, config, files):
    lang = _lang(config)
    GLOSSARY.context = None
    meta = page.meta or {}
    page_type = str(meta.get("type") or "pagina")
    t = _t(lang)
    html = _term_links(html, page, files)
    items = extract_items(html)
    if items and page_type not in ("stappenplan", "werkmap"):
        plan = _page_url_of_type(files, "stappenplan")
        link = (f' <a class="wegwijs-progress-plan" href="{get_relative_url(plan, page.url)}">'
                f'{t("wegwijs.werkmap.plan")}</a>') if plan else ""
        html = html.replace('<ul class="task-list">',
                            '<p class="wegwijs-progress-line"><span class="wegwijs-progress" '
                            f'data-progress aria-live="polite" hidden></span>{link}</p>\n'
                            '<ul class="task-list">', 1)
    if page_type == "kaart":
        html += _places_html(lang, t, page, with_map=True)
    elif page_type == "contactkaart":
        html = plan_pages.card_html(html, _places_html(lang, t, page, with_map=False, compact=True),
                                    t("wegwijs.card.fold"))
    STATE.rendered[page.url] = plan_pages.Rendered(
        url=page.url, src=_src(page.file), title=page.title or "", meta=meta, html=html,
        content_lang=_content_lang(page, lang), items=items)
    return f'<div class="wegwijs-type-{page_type}">{html}</div>'


def _term_links(html: str, page, files) -> str:
    if glossary.LINK_SCHEME not in html:
        return html
    if STATE.term_page is None:  # this language's begrippen page, found once per build
        STATE.term_page = next((f.url for f in files.documentation_pages()
                                if _src(f) == STATE.glossary.page_src), "")
    target = get_relative_url(STATE.term_page, page.url) if STATE.term_page else "."
    return html.replace(f'href="{glossary.LINK_SCHEME}', f'href="{target}#')


def _page_url_of_type(files, page_type: str) -> str | None:
    """URL of this language's page of a type (e.g. the stappenplan), found once per build."""
    if page_type not in STATE.type_urls:
        srcs = {p.src for p in STATE.site.by_lang(STATE.site.model.default_language)
                if p.meta.get("type") == page_type}
        STATE.type_urls[page_type] = next((f.url for f in files.documentation_pages()
                                           if _src(f) in srcs), None)
    return STATE.type_urls[page_type]


def _places_html(lang: str, t, page, with_map: bool, compact: bool = False) -> str:
    data = places.load()
    places_url = get_relative_url("places.geojson", page.url)
    sketch = places.render_svg(data, t("wegwijs.map.sketch"), lang=lang)
    parts = [f'<h2 id="plaatsen">{t("wegwijs.map.places")}</h2>' if not compact else
             f'<h2 class="wegwijs-card__title">{t("wegwijs.map.places")}</h2>',
             places.render_list(data, lang, t)]
    parts.append(f'<figure class="wegwijs-sketch-figure">{sketch}'
                 f'<figcaption>{t("wegwijs.map.sketch")}</figcaption></figure>')
    if with_map:
        parts.append(places.render_map_link(data, t))
    parts.append(places.render_source(data, t).replace("{places_url}", places_url))
    return '<div class="wegwijs-places-block">' + "".join(parts) + "</div>"


def on_page_context(context, page, config, nav):
    page_type = (page.meta or {}).get("type")
    if page_type not in ("stappenplan", "werkmap"):
        return context
    lang = _lang(config)
    t = _t(lang)
    pages = list(STATE.rendered.values())
    fases = STATE.site.model.fases
    plan = plan_pages.stappenplan_html(pages, fases, page.url, lang, t, _direction)
    if page_type == "stappenplan":
        page.content = _inject(page.content, plan)
    else:
        by_type = lambda kind: [p for p in pages if p.type == kind]  # noqa: E731
        fase_pages = sorted(by_type("fase"), key=lambda p: fases.index(p.fases[0])
                            if p.fases and p.fases[0] in fases else 99)
        themas = STATE.site.model.themas
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
            parts, page.url, lang, _direction, extra={"stappenplan": plan_pages.demote(plan)}))
    return context


def _inject(content: str, generated: str) -> str:
    """Put generated HTML inside the page's type wrapper (the last closing div)."""
    index = content.rfind("</div>")
    return content[:index] + generated + content[index:] if index >= 0 else content + generated


# --------------------------------------------------------------------------- offline


def _inner_build(config) -> bool:
    i18n = config.plugins.get("i18n")
    return bool(i18n and getattr(i18n, "building", False))


@event_priority(-250)  # after static-i18n built every language and the search index exists
def on_post_build(config):
    if _inner_build(config):
        return
    site_dir = Path(config.site_dir)
    shutil.copyfile(places.DATA, site_dir / "places.geojson")
    write_service_worker(site_dir, STATE.site)



def write_service_worker(site_dir: Path, site: content_model.Site) -> dict:
    """Write sw.js at the site root; return {lang: (urls, bytes)} of the precache."""
    digest = hashlib.sha256()
    for path in sorted(site_dir.rglob("*")):
        if path.is_file() and path.name != "sw.js" and "pagefind" not in path.parts:
            digest.update(path.relative_to(site_dir).as_posix().encode())
            digest.update(path.read_bytes())
    version = digest.hexdigest()[:12]
    default = site.model.default_language
    offline_srcs = [p.src for p in site.by_lang(default) if p.meta.get("type") in OFFLINE_TYPES]
    precache: dict[str, list[str]] = {}
    sizes: dict[str, int] = {}
    for lang in site.model.languages:
        prefix = "" if lang == default else f"{lang}/"
        urls: list[str] = []
        for src in offline_srcs:
            url = prefix + ("" if src == "index.md" else src[:-3] + "/")
            url = url.replace("/index/", "/")
            if (site_dir / url / "index.html").exists():
                urls.append(url)
        assets: list[str] = []
        for url in urls:
            html = (site_dir / url / "index.html").read_text(encoding="utf-8")
            for ref in re.findall(r'<(?:link|script)\b[^>]*\b(?:href|src)="([^"#?]+)', html):
                if "://" in ref or ref.startswith(("/", "data:")):
                    continue
                target = (site_dir / url / ref).resolve()
                try:
                    rel = target.relative_to(site_dir.resolve()).as_posix()
                except ValueError:
                    continue
                if target.is_file() and rel not in assets and not rel.startswith("media/"):
                    assets.append(rel)
        precache[lang] = urls + assets
        sizes[lang] = sum((site_dir / u / "index.html").stat().st_size for u in urls) + \
            sum((site_dir / a).stat().st_size for a in assets)
    source = SW_SOURCE.read_text(encoding="utf-8")
    text = source.replace('"__VERSION__"', json.dumps(version)).replace(
        "__PRECACHE__", json.dumps(precache, ensure_ascii=False))
    (site_dir / "sw.js").write_text(text, encoding="utf-8")
    (site_dir / "sw-precache.json").write_text(json.dumps(
        {"version": version, "bytes": sizes, "urls": precache}, indent=1), encoding="utf-8")
    for lang, size in sizes.items():
        log.info(f"Offline precache {lang}: {len(precache[lang])} files, {size / 1024:.0f} KB")
    return {lang: (precache[lang], sizes[lang]) for lang in precache}
