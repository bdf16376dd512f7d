"""The ``[[video:<id>]]`` line: a Python-Markdown extension that puts a player there.

A line ``[[video:<id>]]`` (alone on its line, outside code blocks) becomes a stashed
HTML block made by ``render(video_id)``, a callable the build step supplies (it knows
the page and language). Runs after the fenced-code preprocessors (priority 20 < 25),
so an example inside a code block stays text.
"""
from __future__ import annotations

from typing import Callable

from markdown import Extension
from markdown.preprocessors import Preprocessor

from tools.wegwijs.sources.media import VIDEO_LINE  # one pattern for the build and the media check


class _VideoPreprocessor(Preprocessor):
    def __init__(self, md, render: Callable[[str], str]):
        super().__init__(md)
        self.render = render

    def run(self, lines):
        out = []
        for line in lines:
            match = VIDEO_LINE.match(line)
            if match:
                out += ["", self.md.htmlStash.store(self.render(match["id"])), ""]
            else:
                out.append(line)
        return out


class VideoExtension(Extension):
    def __init__(self, render: Callable[[str], str], **kwargs):
        super().__init__(**kwargs)
        self.render = render

    def extendMarkdown(self, md):
        md.preprocessors.register(_VideoPreprocessor(md, self.render), "wegwijs_video", 20)
