"""A Markdown line ``[[<kind>:<id>]]`` alone on its line that becomes a block of HTML.

The video player (``[[video:<id>]]``) and the contact card (``[[contact:<id>]]``) work
this way: ``BlockLineExtension(pattern, render, name)`` stashes ``render(id)`` for every
line the pattern (with a group ``id``) matches. It runs after the fenced-code
preprocessors (priority 20 < 25), so an example inside a code block stays text.
"""
from __future__ import annotations

import re
from typing import Callable

from markdown import Extension
from markdown.preprocessors import Preprocessor


class _BlockLinePreprocessor(Preprocessor):
    def __init__(self, md, pattern: re.Pattern, render: Callable[[str], str]):
        super().__init__(md)
        self.pattern = pattern
        self.render = render

    def run(self, lines):
        out = []
        for line in lines:
            match = self.pattern.match(line)
            if match:
                out += ["", self.md.htmlStash.store(self.render(match["id"])), ""]
            else:
                out.append(line)
        return out


class BlockLineExtension(Extension):
    def __init__(self, pattern: re.Pattern, render: Callable[[str], str], name: str, **kwargs):
        super().__init__(**kwargs)
        self.pattern, self.render, self.name = pattern, render, name

    def extendMarkdown(self, md):
        md.preprocessors.register(_BlockLinePreprocessor(md, self.pattern, self.render),
                                  self.name, 20)
