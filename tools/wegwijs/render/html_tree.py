"""Built HTML as a tree: parse a fragment, change elements, write it back.

Every step that changes HTML after Markdown has rendered it (links re-pointed for
the stappenplan and werkmap, headings demoted, the progress line, term links, the
generated plan put into its page) works on an lxml tree, never on the text, so
nothing inside ``<pre>``, ``<code>``, ``<script>``, ``<style>`` or ``<textarea>``
is touched: a code sample that shows ``<ul class="task-list">`` stays a sample.

lxml's HTML parser (libxml2) is not an HTML5 parser in two ways that matter here,
and this module corrects both, so the tree is the one a browser builds:

- it does not know the HTML5 void elements ``source``, ``track``, ``wbr``, ``embed``
  and nests what follows them inside them; ``parse`` moves those children back out;
- it lowercases every tag and attribute name; inline SVG needs its camelCase names
  (``viewBox``), as a browser's HTML parser restores them ("adjust SVG attributes"
  in the HTML standard).

The tree is written back by a small serializer of our own (libxml2's would write
``</source>`` end tags): void elements without end tag, empty SVG elements as
``<rect/>``, script and style content as it was, text and attributes escaped.
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


VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link",
                  "meta", "param", "source", "track", "wbr"})
BOOLEAN = frozenset({"allowfullscreen", "async", "autofocus", "autoplay", "checked", "controls",
                     "default", "defer", "disabled", "download", "hidden", "inert", "ismap", "loop",
                     "multiple", "muted", "nomodule", "novalidate", "open", "playsinline",
                     "readonly", "required", "reversed", "selected"})
RAW_TEXT = frozenset({"script", "style"})
_UNKNOWN_VOID = ("source", "track", "wbr", "embed", "keygen")  # libxml2 nests into these


def parse(html: str) -> etree._Element:
    """A fragment of HTML as the children of one wrapper element."""
    root = lxml.html.fragment_fromstring(html or "", create_parent=WRAPPER)
    _fix_void_elements(root)
    _restore_svg_case(root)
    return root


def parse_document(html: str) -> etree._Element:
    """A whole page (``<html>`` root)."""
    root = lxml.html.document_fromstring(html)
    _fix_void_elements(root)
    return root


def serialize(root: etree._Element) -> str:
    """The wrapper's content as HTML text (the wrapper itself is left out)."""
    out = [_escape_text(root.text or "")]
    for child in root:
        _write(child, out, in_svg=False)
    return "".join(out)


def outer_html(element: etree._Element) -> str:
    """One element as HTML text, without the text that follows it."""
    out: list[str] = []
    _write(element, out, in_svg=False, tail=False)
    return "".join(out)


def _write(node, out: list[str], in_svg: bool, tail: bool = True) -> None:
    tag = node.tag
    if tag is etree.Comment:
        out.append(f"<!--{node.text or ''}-->")
    elif not isinstance(tag, str):  # a processing instruction: as lxml writes it
        out.append(lxml.html.tostring(node, encoding="unicode", with_tail=False))
    else:
        in_svg = in_svg or tag == "svg"
        attrs = "".join(f" {name}" if name in BOOLEAN and value in ("", name)
                        else f' {name}="{_escape_attr(value)}"' for name, value in node.attrib.items())
        if tag in VOID and not in_svg:
            out.append(f"<{tag}{attrs}>")
        elif in_svg and not node.text and not len(node):
            out.append(f"<{tag}{attrs}/>")
        else:
            out.append(f"<{tag}{attrs}>")
            if node.text:
                out.append(node.text if tag in RAW_TEXT else _escape_text(node.text))
            for child in node:
                _write(child, out, in_svg)
            out.append(f"</{tag}>")
    if tail and node.tail:
        out.append(_escape_text(node.tail))


def _fix_void_elements(root: etree._Element) -> None:
    """Move what libxml2 nested inside an HTML5 void element to right after it."""
    for element in list(root.iter(*_UNKNOWN_VOID)):
        if not element.text and not len(element):
            continue
        parent = element.getparent()
        children = list(element)
        text, rest = element.text, element.tail
        element.text, element.tail = None, text
        index = parent.index(element)
        for offset, child in enumerate(children, start=1):
            parent.insert(index + offset, child)  # moves it, with its tail
        last = children[-1] if children else element
        last.tail = (last.tail or "") + (rest or "")


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


def _escape_attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;")
