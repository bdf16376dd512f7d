"""The ``[[video:<id>]]`` line: a Python-Markdown extension that puts a player there.

A line ``[[video:<id>]]`` (alone on its line, outside code blocks) becomes the HTML
made by ``render(video_id)``, a callable the build step supplies (it knows the page and
language); see markdown/block_line.py.
"""
from __future__ import annotations

from typing import Callable

from tools.wegwijs.markdown.block_line import BlockLineExtension
from tools.wegwijs.sources.media import VIDEO_LINE  # one pattern for the build and the media check


class VideoExtension(BlockLineExtension):
    def __init__(self, render: Callable[[str], str], **kwargs):
        super().__init__(VIDEO_LINE, render, "wegwijs_video", **kwargs)
