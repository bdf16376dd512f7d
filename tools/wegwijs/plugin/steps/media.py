"""Build step: videos. Wires ``[[video:<id>]]`` (markdown.video) to the player partial
and copies the media into the built site. The layout and sizes live in
sources/media.py, the markup in overrides/partials/wegwijs/video.html.

- ``register_extension`` (once): the video extension, rendering with this module;
- ``start_page``: remember which page is being rendered (relative URLs, ``path:line``);
- ``render``: the player for one video in the page's language; an unknown id fails
  the strict build with ``docs/<page>.md:<line>: ...``; a per-language MP4 that is
  missing while its audio exists fails the build (``python -m tools media --mux``
  makes it: the build itself never writes into media/);
- ``finish`` (after every language): copy media/<id>/ into ``site/media/<id>/`` once
  (video, audio, subtitle and description files and the poster; not the script or
  metadata). Every language's page links to that one copy.
"""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from tools.wegwijs.markdown.video import VideoExtension
from tools.wegwijs.sources import media

log = logging.getLogger("mkdocs.plugins.wegwijs")
TEMPLATE = "partials/wegwijs/video.html"


def register_extension(state, config) -> None:
    if state.video_extension is None:
        state.video_extension = VideoExtension(render=lambda video_id: render(state, video_id))
        config.markdown_extensions.append(state.video_extension)


def start_page(state, page) -> None:
    state.page = page
    state.players_on_page = 0


def _page_line(state, video_id: str) -> str:
    """``docs/x.md:12`` for the page being rendered and the line with this video."""
    page = state.page
    if page is None or not page.file.abs_src_path:
        return "docs"
    path = Path(page.file.abs_src_path)
    rel = media.display_path(path, state.project.root)
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = media.VIDEO_LINE.match(line)
            if match and match["id"] == video_id:
                return f"{rel}:{number}"
    except OSError:
        pass
    return rel


def render(state, video_id: str) -> str:
    """The player's HTML for one video on the current page, in the page's language."""
    lang = state.lang
    page_url = state.page.url if state.page is not None else ""
    known_videos = media.project_videos(state.project)
    video = known_videos.get(video_id)
    if video is None or not video.meta_file.exists():
        known = ", ".join(known_videos) or "none"
        log.warning(f"{_page_line(state, video_id)}: unknown video '{video_id}': add "
                    f"media/{video_id}/ with video.yml (known videos: {known})")
        return f'<p class="wegwijs-video-missing">[[video:{video_id}]]</p>'
    unmuxed = [code for code in video.languages
               if video.audio(code).exists() and not video.video(code).exists()]
    if unmuxed:
        files = ", ".join(media.display_path(video.video(code), state.project.root) for code in unmuxed)
        raise PluginError(f"{_page_line(state, video_id)}: video '{video_id}' has audio but no "
                          f"video file for {', '.join(unmuxed)} ({files}): run "
                          "`python -m tools media --mux` (needs ffmpeg) and commit the new files")
    t = state.t(lang)
    state.players_on_page += 1
    number = state.players_on_page
    context = media.player_context(video, lang, lambda path: get_relative_url(path, page_url))
    html = state.templates.get_template(TEMPLATE).render(
        **context, t=t, number=number, first=number == 1,
        script_url=get_relative_url("assets/wegwijs/player.js", page_url))
    return html


def finish(state, config) -> None:
    target_root = Path(config.site_dir) / "media"
    for video in media.project_videos(state.project).values():
        for path in video.public_files():
            target = target_root / video.id / path.relative_to(video.folder)
            if target.exists() and target.stat().st_size == path.stat().st_size \
                    and target.stat().st_mtime >= path.stat().st_mtime:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
