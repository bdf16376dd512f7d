"""The one reader of a Markdown source: front matter, code fences, headings, checklist items,
title, and source path <-> URL.

Every check and every build step that looks at Markdown source text asks this module,
so they agree on what is code and what is not:

- **Front matter** (``split_front_matter``, ``parse_front_matter``): the YAML between the
  first two ``---`` lines, parsed once, with the line number of every top-level key.
- **Code fences** (``find_fences``): the rules of pymdownx.superfences, which renders
  them on this site: an opening fence is three or more backticks or tildes (optional
  language and options after it) at any indentation, also inside lists and block
  quotes; the code runs until a line with the same fence, the same character and the
  same length, at the opening fence's indentation. A non-blank line indented less than
  the opening fence, or a file that ends before the closing fence, means there was no
  fence: superfences renders those lines as ordinary Markdown, so they are read as such.
- **Headings** (``Body.headings``): ATX headings outside code with their id: the
  attr_list id (``## Kop {#id}``) or else the slug the toc extension gives.
- **Checklist items** (``Body.items``): ``- [ ] text {#id}`` outside code, with line;
  ``VALID_ID``: what an id (of a page, item, question or video) may be.
- **Title** (``title``): front matter ``title``, else the first level-1 heading.
- **Markers** (``MARKER``, ``MARKER_LINE``): ``[[video:<id>]]``, ``[[taak:<id>]]`` and
  ``[[contact:<id>]]``, which the build replaces by a player, a task or a contact card;
  the prose checks leave them out.
- **Paths and URLs** (``split_lang``, ``source_file``, ``page_url``, ``lang_prefix``,
  ``site_path``, ``url``): ``thema/wonen.en.md`` <-> ``thema/wonen.md`` + ``en`` <->
  ``/en/thema/wonen/``.

``read(path)`` reads a file once and caches the result per file (modification time and
size); ``content_model.Page.markdown`` gives the same ``Body`` for a scanned page.
Nothing here does I/O at import time.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify, unique

# --------------------------------------------------------------------------- paths and URLs

LANG_SUFFIX = re.compile(r"^(?P<stem>.+?)\.(?P<lang>[a-z]{2,3})\.md$")


def split_lang(rel: str) -> tuple[str, str | None]:
    """``thema/wonen.en.md`` -> (``thema/wonen.md``, ``en``); a file without a language
    suffix -> (itself, None). The suffix is not checked against the site's languages."""
    match = LANG_SUFFIX.match(rel)
    if not match:
        return rel, None
    return match["stem"] + ".md", match["lang"]


def source_file(src: str, lang: str, default: str) -> str:
    """The file of ``src`` (a Dutch source path) in ``lang``: ``thema/wonen.md`` -> ``thema/wonen.en.md``."""
    if lang == default or not src.endswith(".md"):
        return src
    return src[:-3] + f".{lang}.md"


def page_url(src: str) -> str:
    """``thema/wonen.md`` -> ``thema/wonen/``; ``thema/index.md`` -> ``thema/``; ``index.md`` -> ``""``."""
    stem = src[:-3] if src.endswith(".md") else src
    parts = [p for p in stem.split("/") if p]
    if parts and parts[-1] in ("index", "README"):
        parts = parts[:-1]
    return "".join(p + "/" for p in parts)


def lang_prefix(lang: str, default: str) -> str:
    """The folder of a language in the built site: none for the default language."""
    return "" if lang == default else f"{lang}/"


def site_path(src: str, lang: str, default: str) -> str:
    """Path of the built page below the site root, without a leading slash: ``en/thema/wonen/``."""
    return lang_prefix(lang, default) + page_url(src)


def url(src: str, lang: str, default: str) -> str:
    """Site-absolute URL of a page in a language: ``/en/thema/wonen/``."""
    return "/" + site_path(src, lang, default)


# --------------------------------------------------------------------------- front matter


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Return (yaml text, body, body line) or None when the file has no front matter."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r\n") in ("---", "..."):
            return "".join(lines[1:i]), "".join(lines[i + 1 :]), i + 2
    return None


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed


def parse_front_matter(yaml_text: str) -> tuple[object, dict[str, int]]:
    """Parse once: the data and, per key, its line number in the file; a nested key
    by its dotted path (``consent.show.photo``)."""
    loader = _Loader(yaml_text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    lines: dict[str, int] = {}

    def walk(mapping, prefix: str) -> None:
        for key, value in mapping.value:
            path = prefix + str(key.value)
            lines[path] = key.start_mark.line + 2  # +1 for '---', +1 for 1-based
            if isinstance(value, yaml.MappingNode):
                walk(value, path + ".")

    if isinstance(node, yaml.MappingNode):
        walk(node, "")
    return data, lines


# --------------------------------------------------------------------------- code fences

TAB_LENGTH = 4
_PREFIX_CHARS = (" ", "\t", ">")
# pymdownx.superfences' RE_NESTED_FENCE_START without its 'unrecognized' branch
# (relaxed_headers is off, so a fence line with an unrecognised header is no fence).
_OPEN = re.compile(
    r"""(?x)
    (?P<fence>~{3,}|`{3,})
    (?:[ \t]*\.?(?P<lang>[\w#.+-]+)(?=[\t ]|$))?
    (?:
        [ \t]*(\{(?P<attrs>[^\n]*)\}) |
        (?P<options>(?:(?:[ \t]*[a-zA-Z][a-zA-Z0-9_]*(?:=(?P<quot>"|').*?(?P=quot))?)(?=[\t ]|$))+)
    )?[ \t]*$
    """
)


@dataclass(frozen=True)
class Fence:
    """One fenced code block: the lines of its opening and closing fence (file line numbers)."""

    start: int
    end: int
    marker: str
    indent: str  # the whitespace (and '>' of block quotes) before the opening fence


def _leading(line: str) -> tuple[int, str]:
    """Length of the prefix of spaces, tabs and '>' and that prefix with tabs expanded."""
    n = 0
    while n < len(line) and line[n] in _PREFIX_CHARS:
        n += 1
    return n, line[:n].expandtabs(TAB_LENGTH)


def _split_prefix(line: str, width: int) -> tuple[str, str]:
    """The first ``width`` columns of prefix (tabs expanded) and the rest of the line."""
    taken, column, ws = 0, 0, []
    for char in line:
        if column >= width or char not in _PREFIX_CHARS:
            break
        taken += 1
        if char == "\t":
            size = TAB_LENGTH - (column % TAB_LENGTH)
            ws.append(" " * size)
            column += size
        else:
            ws.append(char)
            column += 1
    return "".join(ws), line[taken:]


def find_fences(lines: list[str], first_line: int = 1) -> list[Fence]:
    """The fenced code blocks in ``lines`` (``first_line`` is the file line of lines[0]),
    as pymdownx.superfences finds them."""
    fences: list[Fence] = []
    opened = None  # (line index, prefix, fence, quote level)
    end_re = None
    blank_run = 0
    for index, raw in enumerate(lines):
        line = raw.rstrip("\r\n")
        if opened is None:
            length, ws = _leading(line)
            match = _OPEN.match(line, length)
            if match:
                opened = (index, ws, match["fence"], ws.count(">"))
                end_re = re.compile(re.escape(match["fence"]) + r"[ \t]*$")
                blank_run = 0
            continue
        start, indent, fence, quotes = opened
        ws, content = _split_prefix(line, len(indent))
        level = ws.count(">")
        closes = False
        if quotes:
            if level > quotes or (content and len(ws) < len(indent)) \
                    or (content and blank_run and level < quotes):
                opened = None
            elif content and end_re.match(content):
                closes = True
            blank_run = blank_run + 1 if not content else 0
        elif level:
            opened = None
        elif not (ws + content).strip():
            blank_run += 1
        elif len(ws) != len(indent):
            opened = None  # indented less than the opening fence: no fence after all
        elif end_re.match(content) and not content.startswith((" ", "\t")):
            closes = True
        else:
            blank_run = 0
        if closes:
            fences.append(Fence(first_line + start, first_line + index, fence, indent))
            opened = None
    return fences


# --------------------------------------------------------------------------- headings and items

_ATX = re.compile(r"^ {0,3}(?P<level>#{1,6})(?:[ \t]+(?P<text>.*?))?[ \t]*$")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t]+)#+$")
_ATTR_LIST = re.compile(r"[ \t]*\{:?[ \t]*(?P<attrs>[^}]*)\}[ \t]*$")
_ATTR_ID = re.compile(r"(?:^|\s)#(?P<id>[^\s}]+)")
_INLINE_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`]+|<[^>]+>")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str  # without attr_list and closing hashes
    id: str  # the attr_list id, else the toc slug
    line: int
    explicit: bool  # the id was written as {#id}


# A checklist item and its id, as the checklist extension reads them (ITEM_ID there).
ITEM = re.compile(r"^(?P<indent>\s*)[-*+]\s+\[(?P<state>[ xX])\]\s+(?P<text>.*)$")
ITEM_ID = re.compile(r"\s*\{:?\s*#([^\s}]+)\s*\}\s*$")
# A valid id (of a page, checklist item, practice question, video): a-z, 0-9 and '-'.
VALID_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Item:
    """A checklist item ``- [ ] text {#id}`` (id None when it has none)."""

    id: str | None
    line: int
    state: str  # ' ', 'x' or 'X'
    text: str  # everything after the checkbox, id included


def _heading(match: re.Match, line: int, used: set[str]) -> Heading:
    text = match["text"] or ""
    text = _CLOSING_HASHES.sub("", text).strip()
    explicit = None
    attrs = _ATTR_LIST.search(text)
    if attrs:
        found = _ATTR_ID.search(attrs["attrs"])
        explicit = found["id"] if found else None
        text = text[: attrs.start()].rstrip()
    if explicit:
        used.add(explicit)
        ident = explicit
    else:
        plain = _INLINE_MARKUP.sub(lambda m: m.group(1) or "", text)
        ident = unique(slugify(html.unescape(plain), "-"), used)
    return Heading(len(match["level"]), text, ident, line, bool(explicit))


@dataclass
class Body:
    """The Markdown of a page after its front matter; line numbers are the file's."""

    text: str
    first_line: int = 1
    lines: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.lines = self.text.splitlines()

    @cached_property
    def fences(self) -> list[Fence]:
        return find_fences(self.lines, self.first_line)

    @cached_property
    def code_lines(self) -> frozenset[int]:
        """File line numbers inside fenced code, the fence lines included."""
        return frozenset(n for f in self.fences for n in range(f.start, f.end + 1))

    def in_code(self, line: int) -> bool:
        return line in self.code_lines

    def prose(self):
        """(file line number, line) of every line outside fenced code."""
        code = self.code_lines
        for number, line in enumerate(self.lines, start=self.first_line):
            if number not in code:
                yield number, line

    @cached_property
    def headings(self) -> list[Heading]:
        used: set[str] = set()
        out = []
        for number, line in self.prose():
            match = _ATX.match(line)
            if match:
                out.append(_heading(match, number, used))
        return out

    @cached_property
    def items(self) -> list[Item]:
        out = []
        for number, line in self.prose():
            match = ITEM.match(line)
            if match:
                text = match["text"]
                found = ITEM_ID.search(text)
                out.append(Item(found.group(1) if found else None, number, match["state"], text))
        return out

    @cached_property
    def h1(self) -> str | None:
        """The text of the first level-1 heading, or None."""
        return next((h.text for h in self.headings if h.level == 1), None)


# --------------------------------------------------------------------------- markers

# A marker the build replaces by a block of HTML, and a line that is only such a marker.
MARKER = re.compile(r"\[\[(?:video|taak|contact):[^\]]*\]\]")
MARKER_LINE = re.compile(r"^\s*" + MARKER.pattern + r"\s*$")


def sub_outside_code(pattern: re.Pattern, repl, markdown: str) -> str:
    """``pattern.sub(repl, markdown)`` on the lines outside fenced code only (for patterns
    that match within one line): build steps that rewrite Markdown leave code samples alone."""
    body = Body(markdown)
    code = body.code_lines
    if not code:
        return pattern.sub(repl, markdown)
    lines = markdown.splitlines(keepends=True)
    return "".join(line if number in code else pattern.sub(repl, line)
                   for number, line in enumerate(lines, start=1))


def title(meta: dict, body: Body, src: str) -> str:
    """The page title MkDocs shows: front matter ``title``, else the first H1, else the
    file name (``thema/wonen.md`` -> ``wonen``)."""
    value = meta.get("title")
    if isinstance(value, str) and value.strip():
        return value.strip()
    return body.h1 or Path(src).stem


# --------------------------------------------------------------------------- files


@dataclass
class SourceFile:
    """One Markdown file as text: its front matter text (if any) and its body."""

    path: Path
    text: str
    front_matter: str | None
    body: Body


_FILES: dict[str, tuple[tuple[int, int], SourceFile]] = {}


def read(path: Path) -> SourceFile:
    """Read a Markdown file (UTF-8, undecodable bytes replaced); cached until it changes."""
    path = Path(path)
    st = path.stat()
    key = (st.st_mtime_ns, st.st_size)
    cached = _FILES.get(str(path))
    if cached is not None and cached[0] == key:
        return cached[1]
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    parts = split_front_matter(text)
    if parts is None:
        source = SourceFile(path, text, None, Body(text, 1))
    else:
        yaml_text, body, body_line = parts
        source = SourceFile(path, text, yaml_text, Body(body, body_line))
    _FILES[str(path)] = (key, source)
    return source
