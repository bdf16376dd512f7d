"""The ``[[contact:<id>]]`` line: a Python-Markdown extension that puts a contact card there.

A line ``[[contact:<id>]]`` (alone on its line, outside code blocks) becomes a stashed
HTML block made by ``render(contact_id)``, a callable the build step supplies (it knows
the page, its type and its language; the card comes from ``data/contacts.yml`` via
``render/contacts.py``). Runs after the fenced-code preprocessors (priority 20 < 25),
so an example inside a code block stays text. ``references`` lists every such line in
docs/ for the checks (unknown ids, with ``path:line``).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from tools.wegwijs.markdown.block_line import BlockLineExtension
from tools.wegwijs.sources import reader

CONTACT_LINE = re.compile(r"^ {0,3}\[\[contact:(?P<id>[^\]\s]*)\]\]\s*$")


class ContactExtension(BlockLineExtension):
    def __init__(self, render: Callable[[str], str], **kwargs):
        super().__init__(CONTACT_LINE, render, "wegwijs_contact", **kwargs)


def references(docs_dir: Path) -> list[tuple[Path, int, str]]:
    """Every ``[[contact:<id>]]`` line in docs/ (outside fenced code): (file, line, id)."""
    found = []
    for path in sorted(Path(docs_dir).rglob("*.md")):
        for number, line in reader.read(path).body.prose():
            match = CONTACT_LINE.match(line)
            if match:
                found.append((path, number, match["id"]))
    return found


def line_of(path: Path, contact_id: str) -> int | None:
    """The first line of path with ``[[contact:<contact_id>]]`` (for build messages)."""
    for number, line in reader.read(Path(path)).body.prose():
        match = CONTACT_LINE.match(line)
        if match and match["id"] == contact_id:
            return number
    return None
