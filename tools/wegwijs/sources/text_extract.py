"""Markdown to prose: the sentences a reader reads, each with its line and column.

Used by the B1 check (``tools/wegwijs/checks/b1.py``). What is dropped: front matter (the caller
passes the body and its first line number), fenced and indented code, tables,
HTML tags and comments, link targets, images, attribute lists (``{#id}``), video
markers (``[[video:x]]``), practice question lines (``/// vraag | id``, ``///``)
and Markdown punctuation. What is kept apart: every
heading, list item, definition, table-free paragraph and admonition title is its
own block, so text without a full stop never runs on into the next block.

Sentences are split on ``. ! ?`` followed by a space and a capital, digit or
quote; abbreviations such as ``bijv.``, ``o.a.``, ``m.b.v.`` and ``e.g.`` do not
end a sentence. Waiver comments (``<!-- b1-negeer: rule: reason -->`` or
``<!-- b1-ignore: rule: reason -->``) apply to the first sentence that starts
after them: on a later line, or later on the same line.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from tools.wegwijs.sources import practice, reader

# Inline code is replaced by this one token: it counts as one word, nothing more.
CODE_TOKEN = "\u2039code\u203a"

ABBREVIATIONS = {
    # Dutch (Taalunie list of common abbreviations, the ones found in web text)
    "bijv", "bv", "o.a", "m.b.v", "d.w.z", "i.p.v", "t.o.v", "m.n", "e.d", "enz", "etc",
    "z.s.m", "a.u.b", "n.a.v", "i.v.m", "o.b.v", "m.u.v", "e.v", "nr", "tel", "dhr", "mevr",
    "mr", "drs", "ir", "dr", "prof", "ca", "incl", "excl", "max", "min", "jl", "resp",
    "evt", "art", "blz", "p", "vs", "t.a.v", "o.v.v", "m.i.v", "z.o.z", "afd", "adv",
    "bijz", "ong", "wo", "jr", "sr", "st", "i.s.m", "c.q", "p.p", "tav", "vnl", "zgn",
    "zg", "m.a.w", "a.s", "s.v.p",
    # English
    "e.g", "i.e", "mrs", "ms", "no", "approx", "inc", "ltd", "co", "cf", "fig", "dept",
    "govt", "est", "a.m", "p.m", "u.k", "u.s", "ph.d",
}

_WAIVER = re.compile(r"<!--\s*b1-(?:negeer|ignore)\s*:\s*(?P<rule>[a-z0-9-]+)\s*(?::\s*(?P<reason>.*?))?\s*-->",
                     re.IGNORECASE)
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
# '-', '*', '+' and numbers are Markdown; bullets pasted from web pages and
# word processors ('•', '▪', '◦', '–') are list items too.
# Practice answers '( ) text' / '(x) text' (sources/practice.py) are list items too.
_LIST_ITEM = re.compile(r"^(\s*)(?:[-*+\u2022\u25aa\u25e6\u2013\u00b7]|\d{1,9}[.)]|\([ xX]\))\s+(?:\[[ xX]\]\s+)?")
_DEFINITION = re.compile(r"^\s{0,3}:\s{1,4}")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*\s*(?:\"(?P<title>[^\"]*)\")?\s*$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$|^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$")
_HR = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_BLOCKQUOTE = re.compile(r"^\s{0,3}>\s?")
_HTML_BLOCK = re.compile(r"^\s*</?(?:div|section|figure|figcaption|details|summary|table|tr|td|th|"
                         r"iframe|video|audio|source|track|script|style|nav|aside|form|p|br|hr|img)\b",
                         re.IGNORECASE)
_ABBR_DEF = re.compile(r"^\s*\*\[[^\]]+\]:")
_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S")

# Inline markup, tried left to right.
_INLINE = re.compile(
    r"(?P<comment><!--.*?-->)"
    r"|(?P<code>`+)(?P<codebody>.+?)(?P=code)"
    r"|(?P<image>!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\])"
    r"|(?P<video>" + reader.MARKER.pattern + ")"
    r"|(?P<link>\[(?P<linktext>[^\]]*)\](?:\([^)]*\)|\[[^\]]*\]))"
    r"|(?P<autolink><https?://[^>]+>)"
    r"|(?P<url>https?://\S+)"
    r"|(?P<attr>\s*\{[:#.][^}]*\})"
    r"|(?P<tag></?[A-Za-z][^>]*>)"
    r"|(?P<entity>&(?:nbsp|amp|lt|gt|quot|#\d+);)"
    r"|(?P<emph>\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|~~|==)"
)
_SPECIAL = re.compile(r"[<`\[!{*_~=&]|https?:")
_ENTITIES = {"&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}


@dataclass
class Waiver:
    rule: str
    reason: str
    line: int
    col: int = 0  # column just after the comment: the waiver applies to the next sentence
    used: bool = False


@dataclass
class Sentence:
    text: str
    line: int
    col: int
    kind: str = "text"  # text | heading | item
    waivers: list[Waiver] = field(default_factory=list)

    def waived(self, rule: str) -> bool:
        for w in self.waivers:
            if w.rule == rule:
                w.used = True
                return True
        return False


@dataclass
class Block:
    """Prose text of one block; ``segments`` map text offsets back to (line, column)."""

    kind: str
    parts: list[str] = field(default_factory=list)
    segments: list[tuple[int, int, int]] = field(default_factory=list)  # (offset, line, col)
    length: int = 0

    def add(self, text: str, segments: list[tuple[int, int, int]]) -> None:
        if not text:
            return
        if self.parts:
            self.parts.append(" ")
            self.segments.append((self.length, segments[0][1], segments[0][2]))
            self.length += 1
        self.parts.append(text)
        self.segments.extend((self.length + o, l, c) for o, l, c in segments)
        self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def origin(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.segments, (offset, 1 << 30, 1 << 30)) - 1
        if i < 0:
            return (0, 0)
        start, line, col = self.segments[i]
        return line, col + (offset - start)


@dataclass
class Prose:
    sentences: list[Sentence]
    waivers: list[Waiver]


def clean_inline(line: str, lineno: int, start_col: int = 0) -> tuple[str, list[tuple[int, int, int]]]:
    """Strip inline markup from one line; return the text and its segments
    (text offset, line, column): the text from that offset on comes from that column."""
    out: list[str] = []
    segments: list[tuple[int, int, int]] = []
    length = 0

    def keep(text: str, col0: int) -> None:
        nonlocal length
        if text:
            segments.append((length, lineno, col0 + 1))
            out.append(text)
            length += len(text)

    if not _SPECIAL.search(line, start_col):  # plain text: nothing to strip
        text = line[start_col:].rstrip()
        return text, [(0, lineno, start_col + 1)] if text else []
    pos = start_col
    for match in _INLINE.finditer(line, start_col):
        keep(line[pos:match.start()], pos)
        pos = match.end()
        if match.group("code"):
            keep(CODE_TOKEN, match.start())
        elif match.group("link") is not None:
            inner, inner_segments = clean_inline(match.group("linktext"), lineno, 0)
            if inner:
                base = match.start("linktext")
                segments.extend((length + o, l, c + base) for o, l, c in inner_segments)
                out.append(inner)
                length += len(inner)
        elif match.group("entity"):
            keep(_ENTITIES.get(match.group("entity"), " "), match.start())
        elif match.group("tag") and re.match(r"</?br\b", match.group("tag"), re.I):
            keep(" ", match.start())
        # everything else (comments, images, urls, attrs, tags, emphasis) is dropped
    keep(line[pos:], pos)
    text = "".join(out)
    stripped = text.rstrip()
    return stripped, segments if stripped else []


def blocks(body: str, first_line: int = 1) -> tuple[list[Block], list[Waiver]]:
    """Split a Markdown body into prose blocks; ``first_line`` is the body's line in the file."""
    result: list[Block] = []
    waivers: list[Waiver] = []
    current: Block | None = None
    source = reader.Body(body, first_line)
    lines = source.lines
    fences = {f.start for f in source.fences}
    code = source.code_lines
    in_comment = False
    in_html = False
    container = False  # inside a list item, definition or admonition: indented text is prose
    last_line = ""  # the text of the block's last line

    def close() -> None:
        nonlocal current
        if current is not None and current.length:
            result.append(current)
        current = None

    def add_heading(text_line: str, lineno: int, col: int) -> None:
        """A heading or an admonition title: a block of its own, from ``col`` on."""
        block = Block("heading")
        block.add(*clean_inline(text_line, lineno, col))
        if block.length:
            result.append(block)

    for index, raw in enumerate(lines):
        lineno = first_line + index
        line = raw.replace("\t", "    ")
        if lineno in code:  # fenced code (source reader); a waiver shown in a code example is none
            if lineno in fences:
                close()
            continue
        for m in _WAIVER.finditer(raw):
            waivers.append(Waiver(m["rule"].lower(), (m["reason"] or "").strip(), lineno,
                                  m.end() + 1))
        if in_comment:
            end = line.find("-->")
            if end < 0:
                continue
            in_comment = False
            line = " " * (end + 3) + line[end + 3:]
        # a comment that opens on this line and closes later
        opener = line.find("<!--")
        if opener >= 0 and line.find("-->", opener) < 0:
            in_comment = True
            line = line[:opener]
        if in_html:
            if not line.strip():
                in_html = False
            continue
        stripped = line.strip()
        if not stripped:
            close()
            continue
        if _HTML_BLOCK.match(line) and not re.search(r"\bmarkdown\b", line):
            close()
            if not re.search(r"</\w+>\s*$", line):
                in_html = True
            continue
        if (_TABLE_ROW.match(line) or _HR.match(line) or _ABBR_DEF.match(line)
                or _LINK_DEF.match(line) or reader.MARKER_LINE.match(line)
                or practice.OPENER.match(line) or practice.CLOSER.match(line)):
            close()
            continue
        indented = bool(re.match(r"^ {4,}\S", line))
        if indented and current is None and not container:
            continue  # indented code: not inside a list item, definition or admonition
        if not indented:
            container = bool(_LIST_ITEM.match(line) or _DEFINITION.match(line) or _ADMONITION.match(line))
        if _SETEXT.match(line) and current is not None and current.kind == "text":
            current.kind = "heading"
            close()
            continue
        start = len(line) - len(line.lstrip())
        kind = "text"
        quote = _BLOCKQUOTE.match(line)
        if quote:
            start = quote.end()
        heading = _HEADING.match(line)
        admonition = _ADMONITION.match(line)
        item = _LIST_ITEM.match(line)
        definition = _DEFINITION.match(line)
        if heading:
            close()
            add_heading(re.sub(r"\s#+\s*$", "", line), lineno, heading.end())
            continue
        if admonition:
            close()
            title = admonition.group("title")
            if title:
                col = line.index('"') + 1
                add_heading(line[: col + len(title)], lineno, col)
            continue
        if item:
            close()
            kind, start = "item", item.end()
        elif definition:
            close()
            kind, start = "definition", definition.end()
        text, origins = clean_inline(line, lineno, start)
        if not text:
            continue
        if (current is not None and kind == "text" and current.kind in ("text", "item")
                and _standalone_line(last_line, text, current.kind == "item")):
            # a title or list line pasted without Markdown: it is not the start of
            # the sentence on the next line
            if current.kind == "text":
                current.kind = "item"
            close()
        if current is None:
            current = Block(kind)
        current.add(text, origins)
        last_line = text
    close()
    return result, waivers


def _standalone_line(previous: str, text: str, in_item: bool = False) -> bool:
    """True when ``previous`` (the last line of the current paragraph or list item) is a
    short line without end punctuation and ``text`` starts with a capital: a title or a
    list line, as text copied from a web page has them, rather than a sentence wrapped
    over two lines. A paragraph's title starts with a capital too."""
    if not previous or previous[-1] in ".!?:;,-\u2013(" or not text[:1].isupper():
        return False
    if in_item:
        return True  # a pasted list item ends where a capitalised line starts
    return len(previous.split()) <= 12 and previous[:1].isupper()


_SPLIT = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u201e\u2018(\[]?[A-Z\u00C0-\u024F0-9\u2039])")


def _ends_with_abbreviation(text: str) -> bool:
    match = re.search(r"(?:^|[\s(])([A-Za-z][A-Za-z.]*)\.$", text)
    if not match:
        return False
    word = match.group(1).lower()
    if word in ABBREVIATIONS:
        return True
    # a single capital letter after a word is an initial ('mevrouw J. Jansen');
    # after a number it ends the sentence ('QQ 12 34 56 A.')
    if re.fullmatch(r"[A-Z]", match.group(1)):
        before = text[:match.start(1)].split()
        return not before or not before[-1][-1:].isdigit()
    return False


def split_sentences(block: Block) -> list[Sentence]:
    text = block.text
    out: list[Sentence] = []
    begin = 0
    for match in _SPLIT.finditer(text):
        piece = text[begin:match.start()].rstrip()
        if _ends_with_abbreviation(piece.rstrip("\"')\u201d\u2019")):
            continue
        _append(out, text, begin, match.start(), block)
        begin = match.end()
    _append(out, text, begin, len(text), block)
    return out


def _append(out: list[Sentence], text: str, begin: int, end: int, block: Block) -> None:
    piece = text[begin:end].strip()
    if not piece or not re.search(r"\w", piece):
        return
    offset = begin + (len(text[begin:end]) - len(text[begin:end].lstrip()))
    line, col = block.origin(offset)
    out.append(Sentence(piece, line, col, "heading" if block.kind == "heading" else
                        "item" if block.kind in ("item", "definition") else "text"))


def prose(body: str, first_line: int = 1) -> Prose:
    """All sentences of a Markdown body, with waivers attached to the sentence they precede."""
    found, waivers = blocks(body, first_line)
    sentences = [s for b in found for s in split_sentences(b)]
    for waiver in waivers:
        for sentence in sentences:
            if (sentence.line, sentence.col) >= (waiver.line, waiver.col):
                sentence.waivers.append(waiver)
                break
    return Prose(sentences, waivers)
