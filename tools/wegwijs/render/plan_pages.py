"""Pages assembled from other pages' built HTML: the werkmap and the contactkaart card.

Each language is built on its own; the build hook (tools/wegwijs/plugin/steps/visitor_tools.py) records
every page's HTML as it is rendered and, once all pages of the language exist,
calls these functions to fill the werkmap page (Mijn stappenplan is made from the
task catalogue: render/stappenplan.py). Nothing here knows the content: fases in
the order of the wegwijs plugin's ``model.fases`` in mkdocs.yml.

HTML moved from one page to another is passed through ``rebase``: relative links
are re-pointed from the source page's URL to the target page's URL, and (in the
werkmap, which holds many pages) ids get a per-page prefix so they stay unique.
Both work on a parsed tree (render/html_tree.py), so code samples keep their text.
The markup is in overrides/partials/wegwijs/ (werkmap.html, card.html), autoescaped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from mkdocs.utils import get_relative_url

from tools.wegwijs.render import html_tree, templates

LINK_ATTRS = ("href", "src")
ID_ATTRS = ("id", "for", "aria-controls", "aria-labelledby", "aria-describedby")
HEADINGS = ("h1", "h2", "h3", "h4", "h5")
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
    root = html_tree.parse(html)
    rebase_tree(root, from_url, to_url, prefix)
    return html_tree.serialize(root)


def rebase_tree(root, from_url: str, to_url: str, prefix: str | None = None) -> None:
    """``rebase`` on a parsed tree; code samples (pre, code) keep their text."""
    for element in html_tree.elements(root):
        for attr in LINK_ATTRS:
            value = element.get(attr)
            if value is not None:
                element.set(attr, _rebased(value, from_url, to_url, prefix))
        if prefix is not None:
            for attr in ID_ATTRS:
                value = element.get(attr)
                if value is not None:
                    element.set(attr, " ".join(f"{prefix}--{v}" for v in value.split()))


def _rebased(value: str, from_url: str, to_url: str, prefix: str | None) -> str:
    if value.startswith("#"):
        if prefix is not None:
            return f"#{prefix}--{value[1:]}"
        return f'{get_relative_url(from_url, to_url) if from_url else "."}{value}'
    if not value or SCHEME.match(value) or value.startswith("/"):
        return value
    absolute = urljoin("/" + from_url, value)
    parts = urlsplit(absolute)
    path = parts.path.lstrip("/")
    rel = get_relative_url(path or ".", to_url) if path else "."
    if path.endswith("/") and not rel.endswith("/"):
        rel += "/"
    rel += f"?{parts.query}" if parts.query else ""
    rel += f"#{parts.fragment}" if parts.fragment else ""
    return rel


def demote(html: str, levels: int = 1) -> str:
    """h1 -> h2 ... h5 -> h6, for pages placed inside another page (``levels`` times)."""
    root = html_tree.parse(html)
    demote_tree(root, levels)
    return html_tree.serialize(root)


def demote_tree(root, levels: int = 1) -> None:
    for element in html_tree.elements(root, *HEADINGS):
        element.tag = f"h{min(int(element.tag[1]) + levels, 6)}"


def _lang(content_lang: str, page_lang: str, direction_of) -> dict:
    """lang/dir for text in another language than the page (a Dutch fallback page)."""
    if content_lang == page_lang:
        return {"lang": None, "dir": None}
    return {"lang": content_lang, "dir": direction_of(content_lang)}


# --------------------------------------------------------------------------- werkmap


def werkmap_html(parts: list[tuple[str, str, list[Rendered]]], page_url: str, lang: str,
                 direction_of, extra: dict[str, str] | None = None, env=None) -> str:
    """parts: [(part id, part title, pages)]; extra: part id -> ready HTML (e.g. the plan)."""
    out = []
    for part_id, title, pages in parts:
        rows = []
        for page in pages:
            root = html_tree.parse(page.html)
            rebase_tree(root, page.url, page_url, prefix=f"{part_id}-{page.meta.get('id') or 'page'}")
            demote_tree(root, 2)
            rows.append({"kind": "fase" if page.type == "fase" else "page",
                         "html": templates.safe(html_tree.serialize(root)),
                         **_lang(page.content_lang, lang, direction_of)})
        more = (extra or {}).get(part_id)
        out.append({"id": part_id, "title": title, "pages": rows,
                    "extra": None if more is None else templates.safe(more)})
    return templates.render("werkmap.html", env, parts=out)


# --------------------------------------------------------------------------- contactkaart


def card_html(html: str, places_panel: str, fold_text: str, env=None) -> str:
    """Contacts (the page's own text) on two panels, places and sketch map on two more.

    Printed on A4 and folded twice it becomes an A6 pocket card (print CSS).
    """
    return templates.render("card.html", env, contacts=templates.safe(html),
                            places=templates.safe(places_panel), fold_text=fold_text)
