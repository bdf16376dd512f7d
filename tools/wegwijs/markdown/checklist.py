"""Checklist items that the visitor can tick and that the site remembers by a stable id.

Markdown: ``- [ ] Teken het huurcontract. {#regeldag-huurcontract}``. The id at the
end (a-z, 0-9, '-') is unique site-wide and the same in every language; it never
shows as text. pymdownx.tasklist (custom_checkbox) makes the checkbox; this
extension then, per item:

- puts the id on the ``<li>`` (``id`` and ``data-check-id``), so the item can be linked;
- enables the checkbox (``id="check-<id>"``) and wraps the item's text in a
  ``<label for>``, so the text names the checkbox and a tap on it ticks it;
- leaves items without an id as plain, not remembered checkboxes (the ``checklist``
  check reports them).

overrides/assets/wegwijs/checklist.js keeps the ticks in localStorage under one key
for the whole site (``wegwijs.checklist.v1``: ``{"<id>": true}``), so a tick on
/ar/ shows on /nl/. Also here: ``extract_items`` (items from built HTML, for the
stappenplan and werkmap pages) and ``check`` (``python -m tools check``).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Extension
from markdown.util import HTML_PLACEHOLDER_RE
from markdown.treeprocessors import Treeprocessor

from tools.wegwijs import findings as F
from tools.wegwijs.render import html_tree
from tools.wegwijs.sources.reader import ITEM_ID, VALID_ID  # the one rule for an item's id

BLOCK_TAGS = {"ul", "ol", "p", "div", "pre", "table", "blockquote", "dl"}
STORAGE_KEY = "wegwijs.checklist.v1"


class ChecklistTreeprocessor(Treeprocessor):
    """Runs after tasklist, the inline patterns and attr_list (priority 7).

    tasklist leaves its checkbox as a stashed raw-HTML placeholder at the start of
    the item's text (or of its first paragraph); we replace that stash entry.
    """

    def run(self, root: etree.Element) -> None:
        for li in root.iter("li"):
            if "task-list-item" not in (li.get("class") or "").split():
                continue
            container = li
            if not _starts_with_placeholder(li.text):
                first = li[0] if len(li) else None
                if first is None or first.tag != "p" or not _starts_with_placeholder(first.text):
                    continue
                container = first
            self._upgrade(li, container)

    def _upgrade(self, li, container) -> None:
        match = PLACEHOLDER.match(container.text)
        index = int(match.group(1))
        rest = container.text[match.end():]
        children = list(container)
        end = 0
        while end < len(children) and children[end].tag not in BLOCK_TAGS:
            end += 1
        inline = children[:end]
        if inline:
            found = ITEM_ID.search(inline[-1].tail or "")
            if found:
                inline[-1].tail = inline[-1].tail[: found.start()]
        else:
            found = ITEM_ID.search(rest)
            if found:
                rest = rest[: found.start()]
        item_id = found.group(1) if found else None
        if not item_id or not VALID_ID.match(item_id):
            # Not remembered: a plain checkbox the visitor can still tick on screen or paper.
            self.md.htmlStash.rawHtmlBlocks[index] = CHECKBOX.format(attrs="")
            return
        li.set("id", item_id)
        li.set("data-check-id", item_id)
        li.set("class", (li.get("class") or "") + " wegwijs-check")
        self.md.htmlStash.rawHtmlBlocks[index] = CHECKBOX.format(
            attrs=f' id="check-{item_id}" data-check-id="{item_id}"')
        label = etree.Element("label", {"for": f"check-{item_id}", "class": "wegwijs-check__text"})
        label.text = rest.lstrip()
        for child in inline:
            container.remove(child)
            label.append(child)
        container.text = match.group(0)
        container.insert(0, label)
        label.tail = "\n" if end < len(children) else None


PLACEHOLDER = re.compile("^" + HTML_PLACEHOLDER_RE.pattern + " ?")  # a stashed raw-HTML block
CHECKBOX = ('<label class="task-list-control"><input type="checkbox"{attrs}/>'
            '<span class="task-list-indicator"></span></label> ')


def _starts_with_placeholder(text) -> bool:
    return bool(text) and bool(PLACEHOLDER.match(text))


class ChecklistExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(ChecklistTreeprocessor(md), "wegwijs_checklist", 7)


# --------------------------------------------------------------------------- built HTML


@dataclass
class Item:
    id: str
    html: str  # the whole <li>...</li>, as built


def extract_items(html) -> list[Item]:
    """Every remembered checklist item of a built page (outermost ``<li data-check-id>``),
    in document order; html is text or a tree from ``render.html_tree.parse``. Items
    shown inside code samples are not items."""
    if isinstance(html, str):
        if "data-check-id" not in html:
            return []
        html = html_tree.parse(html)
    items: list[Item] = []
    for li in html_tree.elements(html, "li"):
        if li.get("data-check-id") and not any(
                a.tag == "li" and a.get("data-check-id") for a in li.iterancestors()):
            items.append(Item(li.get("data-check-id"), html_tree.outer_html(li)))
    return items


# --------------------------------------------------------------------------- check

def source_items(page) -> list[tuple[str | None, int, str, str]]:
    """(id or None, line, state, text) of each task item in a content_model.Page body
    outside code (read by the source reader)."""
    return [(item.id, item.line, item.state, item.text) for item in page.markdown.items]


def check(project) -> list[F.Finding]:
    """Every task item has a valid, site-wide unique id; translations use the Dutch ids."""
    from tools.wegwijs.sources import content_model

    site = content_model.project_site(project)
    default = site.model.default_language
    out: list[F.Finding] = []
    dutch_ids: dict[str, tuple[str, int]] = {}
    for page in site.by_lang(default):
        for item_id, line, state, _text in source_items(page):
            out.extend(_item_findings(page, item_id, line, state))
            if item_id and VALID_ID.match(item_id):
                if item_id in dutch_ids:
                    from tools.wegwijs.sources import git_state

                    first = dutch_ids[item_id]
                    here = (page.rel, line)
                    needle = "{#" + item_id + "}"
                    # blame the item that is new in this change, never the one already online
                    if git_state.newer_of((first[2], needle), (page.path, needle)) == 0:
                        first, here = here, first
                    out.append(F.error(here[0], f"checklist id '{item_id}' is already used in "
                                       f"{first[0]}:{first[1]}; give this new item its own id "
                                       f"(never change the id in {first[0]}: readers' ticks "
                                       "depend on it)", "checklist-id", line=here[1]))
                else:
                    dutch_ids[item_id] = (page.rel, line, page.path)
    for page in site.pages:
        if page.lang == default:
            continue
        for item_id, line, state, _text in source_items(page):
            out.extend(_item_findings(page, item_id, line, state))
            if item_id and VALID_ID.match(item_id) and item_id not in dutch_ids:
                out.append(F.error(page.rel, f"checklist id '{item_id}' does not exist in the "
                                   "Dutch pages: use the id of the Dutch item, unchanged",
                                   "checklist-id", line=line))
    return out


def _item_findings(page, item_id, line, state) -> list[F.Finding]:
    out = []
    if item_id is None:
        out.append(F.error(page.rel, "checklist item without an id: end the line with a stable "
                           "id like '{#regeldag-huurcontract}' (the same in every language)",
                           "checklist-id", line=line))
    elif not VALID_ID.match(item_id):
        out.append(F.error(page.rel, f"checklist id '{item_id}' may only use a-z, 0-9 and '-'",
                           "checklist-id", line=line))
    if state.lower() == "x":
        out.append(F.warning(page.rel, "'[x]' ticks the item for nobody: visitors tick items "
                             "themselves; write '- [ ]'", "checklist-ticked", line=line))
    return out
