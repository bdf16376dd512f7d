"""Begrippen (glossary): read the begrippenlijst, mark its terms in the text, sort it per language.

Source: the page with ``type: begrippen`` (``docs/begrippen.md`` and its translations),
a definition list::

    AZC {#azc}
    :   Asielzoekerscentrum: waar u woont voordat u een huis krijgt.

A translation keeps the Dutch word in parentheses: ``Municipality (gemeente) {#gemeente}``.
Every part of a term (the text before the parentheses, and each parenthesised part)
is searched for in the text of that language's pages, plus the Dutch term itself.

``GlossaryExtension`` (a Markdown treeprocessor, configured per page by the build
hook) marks the first use of each term on a page, never inside headings, links,
code, labels or buttons: a link to the begrippenlijst that
overrides/assets/wegwijs/glossary.js turns into a disclosure button showing the
short explanation (the explanation's first paragraph) in place. On the begrippen
page itself it sorts the list with ``sort_key``: the Unicode Collation Algorithm
(pyuca, DUCET) plus the small CLDR tailorings listed in ``TAILORING``.

Collation limits (pyuca implements the root collation only):
- nl: CLDR has no Dutch tailoring; 'ij' sorts as i + j, as in current dictionaries.
- ar: root order is the Arabic letter order, except that it gives أ إ آ ٱ their own
  places before ا; Arabic dictionaries (and CLDR's Arabic collation) sort them as ا,
  so they are sorted as ا first and by their own form only to break a tie. The
  article ال does not count (``ARTICLES``).
- ti: root order is the Ethiopic syllabary order ሀ ለ ሐ መ … with Tigrinya's ቐ after
  ቀ, ኣ/አ after ኘ.
- fa: root order puts ه before و (the Arabic order); Persian puts it after و, so
  ه/ۀ/ة are sorted as ۏ (a letter Persian does not use, between و and ی).
  پ چ ژ گ follow ب ج ز ک in root order already.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from functools import lru_cache

from markdown import Extension
from markdown.util import HTML_PLACEHOLDER_RE
from markdown.treeprocessors import Treeprocessor

from tools.wegwijs import findings as F

TERM_LINE = re.compile(r"^(?P<term>[^\s:].*?)\s*\{:?\s*#(?P<id>[^\s}]+)\s*\}\s*$")
DEF_START = re.compile(r"^:\s{1,4}(?P<text>.*)$")
PARENS = re.compile(r"\(([^()]*)\)")
SKIP_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "samp", "button",
             "label", "dt", "script", "style", "abbr", "dfn", "svg", "summary", "select",
             "textarea", "title"}
STASH = HTML_PLACEHOLDER_RE  # inline raw HTML, stashed by Python-Markdown until output
LINK_SCHEME = "wegwijs-term:"  # replaced by the real URL after rendering (build hook)
TAILORING = {"fa": str.maketrans({"ه": "ۏ", "ۀ": "ۏ", "ة": "ۏ"}),
             "ar": str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})}


@dataclass
class Term:
    id: str
    term: str  # as written, e.g. "Municipality (gemeente)"
    short: str  # first paragraph of the explanation, plain text
    line: int
    names: list[str] = field(default_factory=list)  # what to search for in the text
    # The same paragraph as (text, is Dutch) parts: <bdi lang="nl"> marks are kept, so the
    # explanation shown in the text still tells screen readers which words are Dutch.
    short_parts: list[tuple[str, bool]] = field(default_factory=list)

    @property
    def display(self) -> str:
        """The term without its parenthesised parts."""
        return PARENS.sub("", self.term).strip() or self.term


def _plain(markdown_text: str) -> str:
    text = re.sub(r"<!--.*?-->", "", markdown_text, flags=re.S)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|_|`)", "", text)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"\s+", " ", text).strip()


NL_BDI = re.compile(r'<bdi\s+lang="nl"\s*>(.*?)</bdi>', re.S)


def _parts(markdown_text: str) -> list[tuple[str, bool]]:
    """Plain text of an explanation as (text, is Dutch) parts, split at <bdi lang="nl">."""
    parts: list[tuple[str, bool]] = []
    pieces = NL_BDI.split(markdown_text)
    for index, piece in enumerate(pieces):
        dutch = index % 2 == 1
        plain = _plain(piece)
        if not plain:
            continue
        if not dutch:  # keep the spaces around a Dutch word
            plain = (" " if piece[:1].isspace() and index else "") + plain + \
                (" " if piece[-1:].isspace() and index < len(pieces) - 1 else "")
        parts.append((plain, dutch))
    return parts


def _names(term: str) -> list[str]:
    names = [PARENS.sub("", term).strip()] + [p.strip() for p in PARENS.findall(term)]
    return [n for n in names if len(n) >= 2]


def parse(body: str, first_line: int = 1) -> tuple[list[Term], list[tuple[int, str]]]:
    """Terms of a begrippen page body, plus (line, problem) for malformed entries."""
    lines = body.splitlines()
    terms: list[Term] = []
    problems: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = i + 1
        while nxt < len(lines) and not lines[nxt].strip():
            nxt += 1
        # A term line may start with a Dutch name marked <bdi lang="nl"> (other HTML may not).
        starts_ok = not line.startswith((" ", "\t", ":", "#", "<", "-", "*", ">")) or \
            line.startswith("<bdi")
        is_term = (line.strip() and starts_ok and nxt < len(lines) and DEF_START.match(lines[nxt]))
        if not is_term:
            i += 1
            continue
        match = TERM_LINE.match(line.strip())
        start = DEF_START.match(lines[nxt])
        paragraph = [start["text"]]
        j = nxt + 1
        while j < len(lines) and lines[j].strip() and not DEF_START.match(lines[j]):
            paragraph.append(lines[j].strip())
            j += 1
        if match is None:
            problems.append((first_line + i, f"term '{line.strip()}' has no id: end the line "
                             "with a stable id like '{#azc}' (the same in every language)"))
        else:
            term = _plain(match["term"])  # translations wrap the Dutch word in <bdi lang="nl">
            explanation = " ".join(paragraph)
            terms.append(Term(match["id"], term, _plain(explanation), first_line + i,
                              _names(term), _parts(explanation)))
        i = j
    return terms, problems


# --------------------------------------------------------------------------- site data


@dataclass
class Glossary:
    """All languages' terms. ``terms[lang][id]``; Dutch terms are the fallback."""

    default: str
    terms: dict[str, dict[str, Term]]
    page_src: str | None  # the begrippen page's source path, e.g. "begrippen.md"

    def for_language(self, lang: str) -> list[tuple[Term, Term]]:
        """(term in lang, Dutch term) for every Dutch term; lang falls back to Dutch."""
        dutch = self.terms.get(self.default, {})
        own = self.terms.get(lang, {})
        return [(own.get(tid, term), term) for tid, term in dutch.items()]


def load(site) -> Glossary:
    """Read the begrippen pages of a content_model.Site."""
    default = site.model.default_language
    source = next((p for p in site.by_lang(default) if p.meta.get("type") == "begrippen"), None)
    terms: dict[str, dict[str, Term]] = {}
    if source is not None:
        for page in site.pages:
            if page.src == source.src:
                parsed, _problems = parse(page.body, page.body_line)
                terms[page.lang] = {t.id: t for t in parsed}
    return Glossary(default, terms, source.src if source else None)


def check(project) -> list[F.Finding]:
    """Terms have ids; ids are unique; translations use the Dutch ids."""
    from tools.wegwijs.sources import content_model

    site = content_model.project_site(project)
    default = site.model.default_language
    out: list[F.Finding] = []
    dutch_ids: set[str] = set()
    pages = sorted((p for p in site.pages if p.meta.get("type") == "begrippen"),
                   key=lambda p: p.lang != default)
    for page in pages:
        terms, problems = parse(page.body, page.body_line)
        for line, problem in problems:
            out.append(F.error(page.rel, problem, "glossary-id", line=line))
        seen: dict[str, int] = {}
        for term in terms:
            if term.id in seen:
                out.append(F.error(page.rel, f"term id '{term.id}' is already used on line "
                                   f"{seen[term.id]}; give this term its own id", "glossary-id",
                                   line=term.line))
            seen[term.id] = term.line
            if not re.match(r"^[a-z0-9][a-z0-9-]*$", term.id):
                out.append(F.error(page.rel, f"term id '{term.id}' may only use a-z, 0-9 and '-'",
                                   "glossary-id", line=term.line))
            if page.lang == default:
                dutch_ids.add(term.id)
            elif term.id not in dutch_ids:
                out.append(F.error(page.rel, f"term id '{term.id}' is not in the Dutch "
                                   "begrippenlijst: use the Dutch term's id", "glossary-id",
                                   line=term.line))
            if not term.short:
                out.append(F.error(page.rel, f"term '{term.term}' has no explanation: add a line "
                                   "':   explanation' under it", "glossary-text", line=term.line))
    return out


COMMON_ZIPF = 3.0  # wordfreq's Zipf scale: 3 = once per million words


@lru_cache(maxsize=256)
def _common_word(word: str, lang: str) -> bool:
    """True when word is a common word in Dutch or in lang (wordfreq; Tigrinya: Dutch only)."""
    from wordfreq import available_languages, zipf_frequency

    langs = {"nl", lang} & set(available_languages())
    return max((zipf_frequency(word, code) for code in langs), default=0.0) >= COMMON_ZIPF


# --------------------------------------------------------------------------- collation


@lru_cache(maxsize=1)
def _collator():
    import pyuca

    return pyuca.Collator()


# Arabic dictionaries sort a word by its letters after the definite article ال.
ARTICLES = {"ar": re.compile(r"^ال(?=\w{2})")}


def sort_key(text: str, lang: str):
    """A sort key for text in lang (UCA root collation with our CLDR tailorings; the
    Arabic article ال does not count)."""
    article = ARTICLES.get(lang)
    if article:
        text = article.sub("", text.strip())
    table = TAILORING.get(lang)
    if not table:
        return _collator().sort_key(text)
    # The tailored text decides; the text as written only breaks a tie.
    return (_collator().sort_key(text.translate(table)), _collator().sort_key(text))


# --------------------------------------------------------------------------- Markdown


class GlossaryTreeprocessor(Treeprocessor):
    def __init__(self, md, extension):
        super().__init__(md)
        self.ext = extension

    def run(self, root):
        ctx = self.ext.context
        if not ctx:
            return
        if ctx.get("sort_lang"):
            self._sort(root, ctx["sort_lang"])
            return
        entries = ctx.get("entries") or []
        if not entries:
            return
        lookup, pattern = self.ext.matcher(entries, ctx.get("lang") or "nl")
        self.used: set[str] = set()
        self._walk(root, pattern, lookup, ctx)

    def _walk(self, element, pattern, lookup, ctx):
        if element.tag in SKIP_TAGS or "wegwijs-term" in (element.get("class") or ""):
            return
        if element.get("data-glossary") == "off":
            return
        # Work on a copy: marking inserts new children.
        if element.text:
            self._mark(element, None, pattern, lookup, ctx)
        for child in list(element):
            self._walk(child, pattern, lookup, ctx)
            if child.tail:
                self._mark(element, child, pattern, lookup, ctx)

    def _mark(self, parent, before, pattern, lookup, ctx):
        text = parent.text if before is None else before.tail
        for match in pattern.finditer(text):
            own, dutch = lookup[match.group(1).casefold()]
            if own.id in self.used:
                continue
            self.used.add(own.id)
            node = self._term_node(match.group(1), own, dutch, ctx)
            node.tail = text[match.end():]
            if before is None:
                parent.text = text[:match.start()]
                parent.insert(0, node)
            else:
                before.tail = text[:match.start()]
                parent.insert(list(parent).index(before) + 1, node)
            # Continue in the remaining text, now the new node's tail.
            self._mark(parent, node, pattern, lookup, ctx)
            return

    def _term_node(self, found, own, dutch, ctx):
        wrapper = etree.Element("span", {"class": "wegwijs-term", "data-term": own.id})
        link = etree.SubElement(wrapper, "a", {"class": "wegwijs-term__link",
                                               "href": f"{LINK_SCHEME}{own.id}"})
        link.text = found
        tip = etree.SubElement(wrapper, "span", {"class": "wegwijs-term__tip", "hidden": "hidden",
                                                 "data-search-skip": "",
                                                 "id": f"wegwijs-tip-{own.id}"})
        name = etree.SubElement(tip, "b", {"class": "wegwijs-term__name"})
        name.text = own.display
        fallback = own is dutch and ctx.get("lang") != ctx.get("default")
        if fallback:  # no translation of this term yet: Dutch term and explanation
            tip.set("lang", "nl")
            tip.set("dir", "ltr")
            _explain(tip, name, ": ", own)
        elif own is not dutch:  # the reader's word, then the Dutch word
            # The page may be an untranslated (Dutch) page: say the tip's own language.
            tip.set("lang", ctx.get("lang") or "")
            tip.set("dir", ctx.get("dir") or "ltr")
            name.tail = " ("
            nl = etree.SubElement(tip, "span", {"class": "wegwijs-term__nl", "lang": "nl",
                                                "dir": "ltr"})
            nl.text = dutch.display
            _explain(tip, nl, "): ", own)
        else:
            _explain(tip, name, ": ", own)
        return wrapper

    def _sort(self, root, lang):
        for dl in root.iter("dl"):
            groups: list[list] = []
            for child in list(dl):
                if child.tag == "dt" or not groups:
                    groups.append([child])
                else:
                    groups[-1].append(child)
            if len(groups) < 2:
                continue
            # Inline HTML (a translation's <bdi lang="nl">) is a stash placeholder here:
            # sort by its text, not by nothing.
            groups.sort(key=lambda g: sort_key(self._text(g[0]).strip().casefold(), lang))
            for child in list(dl):
                dl.remove(child)
            for group in groups:
                for child in group:
                    dl.append(child)


    def _text(self, element) -> str:
        stash = self.md.htmlStash.rawHtmlBlocks

        def unstash(match):
            index = int(match.group(1))
            return re.sub(r"<[^>]+>", "", str(stash[index])) if index < len(stash) else ""

        return STASH.sub(unstash, "".join(element.itertext()))


def _explain(tip, last, prefix: str, term: Term) -> None:
    """Append the explanation after element ``last`` in tip, Dutch words in <bdi lang="nl">."""
    last.tail = (last.tail or "") + prefix
    for text, dutch in term.short_parts or [(term.short, False)]:
        if dutch:
            last = etree.SubElement(tip, "bdi", {"lang": "nl"})
            last.text = text
        else:
            last.tail = (last.tail or "") + text


class GlossaryExtension(Extension):
    """``context`` is set by the build hook before each page is rendered:
    ``{"lang", "default", "entries": [(own, dutch)], "sort_lang": lang or None}``."""

    def __init__(self, **kwargs):
        self.context: dict | None = None
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.treeprocessors.register(GlossaryTreeprocessor(md, self), "wegwijs_glossary", 6)

    def matcher(self, entries, lang: str = "nl"):
        """(name -> (own, dutch), one regex of all names); built once per entries list."""
        cached = getattr(self, "_matcher", None)
        if cached is not None and cached[0] is entries:
            return cached[1], cached[2]
        lookup: dict[str, tuple[Term, Term]] = {}
        for own, dutch in entries:
            for name in own.names + dutch.names:
                lookup.setdefault(name.casefold(), (own, dutch))
        names = sorted(lookup, key=len, reverse=True)
        # An abbreviation that is also a common word matches only in capitals: "MAP" (a
        # course) is not "map" (a folder); "azc" is usually written small and still matches.
        capitals = {n.casefold(): n for own, dutch in entries for n in own.names + dutch.names
                    if n.isupper() and _common_word(n.casefold(), lang)}
        alternatives = [f"(?-i:{re.escape(capitals[n])})" if n in capitals else re.escape(n)
                        for n in names]
        pattern = re.compile(r"(?<![\w-])(" + "|".join(alternatives) + r")(?![\w-])",
                             re.IGNORECASE)
        self._matcher = (entries, lookup, pattern)
        return lookup, pattern
