"""Wide tables scroll inside a focusable, labelled region (WCAG 2.1.1, axe
``scrollable-region-focusable``): each ``<table>`` of a page is wrapped in
``<div class="wegwijs-table" role="region" tabindex="0" aria-labelledby|aria-label>``
(CSS in overrides/assets/wegwijs/wegwijs.css). The label is the nearest heading before
the table, else its caption, else its first header row."""
from __future__ import annotations

from lxml import etree

from tools.wegwijs.render import html_tree

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _label(table, headings: dict) -> tuple[str, str]:
    heading = headings.get(table)
    if heading is not None and heading.get("id"):
        return "aria-labelledby", heading.get("id")
    caption = table.find("caption")
    if caption is not None and _text(caption):
        return "aria-label", _text(caption)
    first = next(iter(table.iter("tr")), None)
    return "aria-label", (_text(first) if first is not None else "")[:120]


def wrap(root: etree._Element) -> int:
    """Wrap every table below root that is not wrapped yet; return how many."""
    headings: dict = {}
    last = None
    for element in html_tree.elements(root):
        if element.tag in HEADINGS:
            last = element
        elif element.tag == "table" and element.get("class") is None:
            headings[element] = last
    count = 0
    for table, _ in headings.items():
        parent = table.getparent()
        if parent is None or html_tree.has_class(parent, "wegwijs-table"):
            continue
        attribute, value = _label(table, headings)
        region = etree.Element("div", {"class": "wegwijs-table", "role": "region", "tabindex": "0",
                                        attribute: value})
        region.tail, table.tail = table.tail, None
        parent.replace(table, region)
        region.append(table)
        count += 1
    return count
