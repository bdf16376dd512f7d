"""Pages assembled from other pages' built HTML: Mijn stappenplan, the werkmap, the contactkaart card.

Each language is built on its own; the build hook (tools/wegwijs/plugin/steps/visitor_tools.py) records
every page's HTML as it is rendered and, once all pages of the language exist,
calls these functions to fill the stappenplan and werkmap pages. Nothing here
knows the content: checklist items come from the pages (markdown_checklist),
fases in the order of the wegwijs plugin's ``model.fases`` in mkdocs.yml.

HTML moved from one page to another is passed through ``rebase``: relative links
are re-pointed from the source page's URL to the target page's URL, and (in the
werkmap, which holds many pages) ids get a per-page prefix so they stay unique.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urljoin, urlsplit

from mkdocs.utils import get_relative_url

ATTR = re.compile(r'(?<![\w-])(href|src)="([^"]*)"')
ID_ATTR = re.compile(r'(?<![\w-])(id|for|aria-controls|aria-labelledby|aria-describedby)="([^"]*)"')
HEADING = re.compile(r"<(/?)h([1-5])\b")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass
class Rendered:
    """One built page of the current language."""

    url: str  # e.g. "en/fase/azc/"
    src: str  # source path without language suffix, e.g. "fase/azc.md"
    title: str
    meta: dict
    html: str
    content_lang: str  # language of the text (a fallback page is Dutch)
    items: list = field(default_factory=list)  # markdown_checklist.Item

    @property
    def type(self) -> str:
        return str(self.meta.get("type") or "")

    @property
    def fases(self) -> list[str]:
        value = self.meta.get("fase")
        return [] if value is None else [value] if isinstance(value, str) else list(value)


def rebase(html: str, from_url: str, to_url: str, prefix: str | None = None) -> str:
    """Re-point relative links from a page at from_url to one at to_url; prefix ids."""

    def link(match):
        attr, value = match.groups()
        if value.startswith("#"):
            if prefix is not None:
                return f'{attr}="#{prefix}--{value[1:]}"'
            target = from_url
            return f'{attr}="{get_relative_url(target, to_url) if target else "."}{value}"'
        if not value or SCHEME.match(value) or value.startswith("/"):
            return match.group(0)
        absolute = urljoin("/" + from_url, value)
        parts = urlsplit(absolute)
        path = parts.path.lstrip("/")
        rel = get_relative_url(path or ".", to_url) if path else "."
        if path.endswith("/") and not rel.endswith("/"):
            rel += "/"
        rel += f"?{parts.query}" if parts.query else ""
        rel += f"#{parts.fragment}" if parts.fragment else ""
        return f'{attr}="{rel}"'

    out = ATTR.sub(link, html)
    if prefix is not None:
        out = ID_ATTR.sub(lambda m: f'{m.group(1)}="' + " ".join(
            f"{prefix}--{v}" for v in m.group(2).split()) + '"', out)
    return out


def demote(html: str) -> str:
    """h1 -> h2 ... h5 -> h6, for pages placed inside another page."""
    return HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)


def _lang_attrs(content_lang: str, page_lang: str, direction_of) -> str:
    if content_lang == page_lang:
        return ""
    return f' lang="{content_lang}" dir="{direction_of(content_lang)}"'


# --------------------------------------------------------------------------- stappenplan


def plan_groups(pages: list[Rendered], fases: tuple[str, ...]) -> list[tuple[str, Rendered | None, list]]:
    """[(fase id or "", its fase page, [(item, source page)])] in time order."""
    fase_pages = {p.fases[0]: p for p in pages if p.type == "fase" and p.fases}
    groups: dict[str, list] = {f: [] for f in fases}
    groups[""] = []
    seen: set[str] = set()

    def order(p: Rendered):
        own_fase = p.type == "fase"
        number = p.meta.get("order")
        return (not own_fase, number if isinstance(number, (int, float)) else 9999, p.src)

    for page in sorted(pages, key=order):
        if page.type in ("stappenplan", "werkmap"):
            continue
        fase = next((f for f in page.fases if f in groups), "")
        for item in page.items:
            if item.id in seen:
                continue
            seen.add(item.id)
            groups[fase].append((item, page))
    return [(f, fase_pages.get(f), groups[f]) for f in (*fases, "") if groups[f]]


def stappenplan_html(pages, fases, page_url: str, lang: str, t, direction_of) -> str:
    """The plan: per fase (time order) its checklist items, grouped by the page they are on."""
    out = [f'<div class="wegwijs-plan" data-plan data-search-skip lang="{lang}" dir="{direction_of(lang)}">',
           '<p class="wegwijs-progress wegwijs-progress--total" data-progress aria-live="polite" hidden></p>']
    groups = plan_groups(pages, fases)
    if not groups:
        out.append(f"<p>{escape(t('wegwijs.plan.empty'))}</p>")
    for fase, fase_page, items in groups:
        if fase_page is not None:
            title = (f'<a href="{get_relative_url(fase_page.url, page_url)}">'
                     f'{escape(fase_page.title)}</a>')
            title_attrs = _lang_attrs(fase_page.content_lang, lang, direction_of)
        else:
            title, title_attrs = escape(t("wegwijs.plan.other")), ""
        out.append(f'<section class="wegwijs-plan__fase" data-fase="{fase or "overig"}" '
                   f'aria-labelledby="plan-{fase or "overig"}">')
        out.append(f'<h2 id="plan-{fase or "overig"}"{title_attrs}>{title}</h2>')
        out.append('<p class="wegwijs-progress" data-progress hidden></p>')
        # One list per page the items come from: the fase page first, then its thema's.
        by_source: dict[str, list] = {}
        for item, source in items:
            by_source.setdefault(source.url, []).append((item, source))
        for source_url, source_items in by_source.items():
            source = source_items[0][1]
            if source is not fase_page and len(by_source) > 1:
                attrs = _lang_attrs(source.content_lang, lang, direction_of)
                out.append(f'<h3 class="wegwijs-plan__source"{attrs}><a href="'
                           f'{get_relative_url(source.url, page_url)}">{escape(source.title)}</a></h3>')
            out.append('<ul class="task-list wegwijs-plan__list">')
            for item, _source in source_items:
                html = rebase(item.html, source.url, page_url)
                attrs = _lang_attrs(source.content_lang, lang, direction_of)
                if attrs:
                    html = html.replace("<li ", f"<li{attrs} ", 1)
                out.append(html)
            out.append("</ul>")
        out.append("</section>")
    out.append("</div>")
    return "\n".join(out)


# --------------------------------------------------------------------------- werkmap


def werkmap_html(parts: list[tuple[str, str, list[Rendered]]], page_url: str, lang: str,
                 direction_of, extra: dict[str, str] | None = None) -> str:
    """parts: [(part id, part title, pages)]; extra: part id -> ready HTML (e.g. the plan)."""
    out = ['<div class="wegwijs-werkmap" data-search-skip>']  # its text is on the other pages
    for part_id, title, pages in parts:
        out.append(f'<section class="wegwijs-werkmap__part" id="werkmap-{part_id}">')
        out.append(f"<h2>{escape(title)}</h2>")
        if extra and part_id in extra:
            out.append(extra[part_id])
        for page in pages:
            prefix = f"{part_id}-{page.meta.get('id') or 'page'}"
            html = demote(demote(rebase(page.html, page.url, page_url, prefix=prefix)))
            attrs = _lang_attrs(page.content_lang, lang, direction_of)
            kind = "fase" if page.type == "fase" else "page"
            out.append(f'<section class="wegwijs-werkmap__{kind}"{attrs}>{html}</section>')
        out.append("</section>")
    out.append("</div>")
    return "\n".join(out)


# --------------------------------------------------------------------------- contactkaart


def card_html(html: str, places_panel: str, fold_text: str) -> str:
    """Contacts (the page's own text) on two panels, places and sketch map on two more.

    Printed on A4 and folded twice it becomes an A6 pocket card (print CSS).
    """
    return (f'<div class="wegwijs-card">'
            f'<div class="wegwijs-card__contacts">{html}</div>'
            f'<div class="wegwijs-card__places">{places_panel}</div>'
            f'</div><p class="wegwijs-card__fold">{escape(fold_text)}</p>')
