"""Built HTML as a tree: parse a fragment, change elements, write it back.

Every step that changes HTML after Markdown has rendered it (links re-pointed for
the stappenplan and werkmap, headings demoted, the progress line, term links, the
generated plan put into its page) works on an lxml tree, never on the text, so
nothing inside ``<pre>``, ``<code>``, ``<script>``, ``<style>`` or ``<textarea>``
is touched: a code sample that shows ``<ul class="task-list">`` stays a sample.

lxml's HTML parser (libxml2) lowercases every tag and attribute name; inline SVG
needs its camelCase names back (``viewBox``), as a browser's HTML parser does
("adjust SVG attributes" in the HTML standard), so ``serialize`` restores them.
"""
from __future__ import annotations

from typing import Iterator

import lxml.html
from lxml import etree

WRAPPER = "wegwijs-fragment"  # the element a fragment is parsed into (never written)
UNTOUCHED = frozenset({"pre", "code", "script", "style", "textarea"})

_SVG_NAMES = (
    # elements
    "altGlyph altGlyphDef altGlyphItem animateColor animateMotion animateTransform clipPath "
    "feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting "
    "feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR "
    "feGaussianBlur feImage feMerge feMergeNode feMorphology feOffset fePointLight "
    "feSpecularLighting feSpotLight feTile feTurbulence foreignObject glyphRef linearGradient "
    "radialGradient textPath "
    # attributes
    "attributeName attributeType baseFrequency baseProfile calcMode clipPathUnits "
    "contentScriptType contentStyleType diffuseConstant edgeMode externalResourcesRequired "
    "filterRes filterUnits glyphRef gradientTransform gradientUnits kernelMatrix "
    "kernelUnitLength keyPoints keySplines keyTimes lengthAdjust limitingConeAngle markerHeight "
    "markerUnits markerWidth maskContentUnits maskUnits numOctaves pathLength patternContentUnits "
    "patternTransform patternUnits pointsAtX pointsAtY pointsAtZ preserveAlpha "
    "preserveAspectRatio primitiveUnits refX refY repeatCount repeatDur requiredExtensions "
    "requiredFeatures specularConstant specularExponent spreadMethod startOffset stdDeviation "
    "stitchTiles surfaceScale systemLanguage tableValues targetX targetY textLength viewBox "
    "viewTarget xChannelSelector yChannelSelector zoomAndPan").split()
SVG_CASE = {name.lower(): name for name in _SVG_NAMES}


def parse(html: str) -> etree._Element:
    """A fragment of HTML as the children of one wrapper element."""
    return lxml.html.fragment_fromstring(html or "", create_parent=WRAPPER)


def parse_document(html: str) -> etree._Element:
    """A whole page (``<html>`` root)."""
    return lxml.html.document_fromstring(html)


def serialize(root: etree._Element) -> str:
    """The wrapper's content as HTML text (the wrapper itself is left out)."""
    _restore_svg_case(root)
    text = _escape_text(root.text or "")
    return text + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)


def outer_html(element: etree._Element) -> str:
    """One element as HTML text, without the text that follows it."""
    _restore_svg_case(element)
    return lxml.html.tostring(element, encoding="unicode", with_tail=False)


def fragments(html: str) -> list:
    """Parsed HTML to put into another tree: [leading text, element, element, ...]."""
    root = parse(html)
    return [root.text or "", *root]


def append(parent: etree._Element, html: str) -> None:
    """Add a fragment of HTML at the end of parent's content."""
    text, *children = fragments(html)
    if text:
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + text
        else:
            parent.text = (parent.text or "") + text
    parent.extend(children)


def insert_before(element: etree._Element, html: str) -> None:
    """Put a fragment of HTML right before element (same parent)."""
    text, *children = fragments(html)
    parent = element.getparent()
    index = parent.index(element)
    if text:
        previous = element.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + text
        else:
            previous.tail = (previous.tail or "") + text
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)


def untouched(element: etree._Element) -> bool:
    """Whether element is, or is inside, code or another element we never change."""
    node = element
    while node is not None:
        if node.tag in UNTOUCHED:
            return True
        node = node.getparent()
    return False


def elements(root: etree._Element, *tags: str) -> Iterator[etree._Element]:
    """Elements below root (optionally of the given tags), in document order, skipping
    everything inside pre/code/script/style/textarea (those elements themselves are
    yielded: their attributes are markup, e.g. a script's src; their content is not)."""
    stack = list(reversed(root))
    wanted = set(tags)
    while stack:
        node = stack.pop()
        if not isinstance(node.tag, str):  # comments, processing instructions
            continue
        if not wanted or node.tag in wanted:
            yield node
        if node.tag not in UNTOUCHED:
            stack.extend(reversed(node))


def has_class(element: etree._Element, name: str) -> bool:
    return name in (element.get("class") or "").split()


def _restore_svg_case(root: etree._Element) -> None:
    for svg in root.iter("svg"):
        for node in svg.iter():
            if not isinstance(node.tag, str):
                continue
            if node.tag in SVG_CASE:
                node.tag = SVG_CASE[node.tag]
            if any(name in SVG_CASE for name in node.attrib):
                items = [(SVG_CASE.get(name, name), value) for name, value in node.attrib.items()]
                node.attrib.clear()
                for name, value in items:  # same order as written
                    node.set(name, value)


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
