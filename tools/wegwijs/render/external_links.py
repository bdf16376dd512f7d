"""Links to other websites: the official page in the reader's language, marked as external.

Two jobs (issue 14, must have 7):

- :func:`external_link` picks the address of an official service (a record of
  ``data/links.yml``) for a language: ``urls[lang]`` when the service has a page in
  that language, else ``url`` (the Dutch page); ``partials/wegwijs/external_link.html``
  renders it;
- :func:`mark` is the tree post-processing the plugin runs on every page's content:
  every link to another site gets ``rel="noopener noreferrer"`` and the marker of
  ``partials/wegwijs/external_marker.html`` (an icon plus the visually hidden text
  "(andere website)" in the page's language). Links inside ``pre``/``code`` are
  examples, not links, and are left alone; a link marked once is not marked again.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml import etree

from tools.wegwijs.render import html_tree, templates
from tools.wegwijs.render.tasks import inline_text

MARKER_CLASS = "wegwijs-external"
REL = ("noopener", "noreferrer")


@dataclass(frozen=True)
class ExternalLink:
    url: str
    lang: str | None  # the language of the page behind url (hreflang); None: Dutch, the default


def external_link(record, lang: str, default: str = "nl") -> ExternalLink:
    """The address of an official service for a reader of ``lang``.

    ``record`` is a catalogue Record of data/links.yml (or its data dict)."""
    data = getattr(record, "data", record) or {}
    urls = data.get("urls") or {}
    if lang != default and isinstance(urls, dict) and urls.get(lang):
        return ExternalLink(str(urls[lang]), lang)
    return ExternalLink(str(data.get("url") or ""), default)


def link_context(catalogue, link_id: str, lang: str, default: str = "nl") -> dict | None:
    """What ``external_link.html`` needs for one link id of data/links.yml (None: unknown id)."""
    record = catalogue.links.get(link_id)
    if record is None:
        return None
    link = external_link(record, lang, default)
    title, title_lang = catalogue.text("links", link_id, "title", lang)
    # A translated title keeps its Dutch names in <bdi lang="nl">…</bdi>; all else is escaped.
    return {"id": link_id, "url": link.url, "hreflang": link.lang, "title": inline_text(title),
            "title_lang": title_lang if title_lang != lang else None}


def render_link(context: dict, t, env=None) -> str:
    """One official link as HTML (autoescaped partial)."""
    return templates.render("external_link.html", env, link=context, t=t)


def is_external(href: str, own_hosts: frozenset[str] = frozenset()) -> bool:
    """Whether href leads to another website (http(s) or scheme-relative, another host)."""
    href = (href or "").strip()
    if not href.lower().startswith(("http://", "https://", "//")):
        return False
    host = (urlsplit(href).hostname or "").lower()
    return bool(host) and host not in own_hosts


def own_hosts(site_url: str | None) -> frozenset[str]:
    host = urlsplit(site_url or "").hostname
    return frozenset({host.lower()}) if host else frozenset()


def marker_element(t, env=None) -> etree._Element:
    """The marker (icon + hidden text) as a tree element, to copy into links."""
    html = templates.render("external_marker.html", env, t=t)
    return next(iter(html_tree.parse(html)))


def mark(root: etree._Element, marker: etree._Element,
         hosts: frozenset[str] = frozenset()) -> int:
    """Mark every external link under root (not inside pre/code); returns how many changed."""
    changed = 0
    for a in html_tree.elements(root, "a"):
        if html_tree.untouched(a) or not is_external(a.get("href"), hosts):
            continue
        rel = (a.get("rel") or "").split()
        rel += [token for token in REL if token not in rel]
        a.set("rel", " ".join(rel))
        if not any(html_tree.has_class(e, MARKER_CLASS) for e in a.iter("span")):
            a.append(copy.deepcopy(marker))
        changed += 1
    return changed


def mark_html(html: str, t, env=None, hosts: frozenset[str] = frozenset()) -> str:
    """:func:`mark` on a fragment of HTML; the text comes back unchanged if no link is external."""
    if "//" not in (html or ""):
        return html
    root = html_tree.parse(html)
    if not mark(root, marker_element(t, env), hosts):
        return html
    return html_tree.serialize(root)
