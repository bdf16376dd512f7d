"""MkDocs hook for videos: wires the ``[[video:<id>]]`` line to the player and copies
the media into the built site. The logic lives in tools/media.py (layout, sizes) and
the markup in overrides/partials/wegwijs/video.html; this module only connects them.

- ``on_config`` (every language build): registers the Markdown extension once and
  remembers the config (the current language is ``config.theme.language``); in the
  first build, makes missing per-language MP4s when ffmpeg is installed (they are
  written to media/<id>/video/ and committed, so later builds only copy);
- ``on_page_markdown``: remembers which page is being rendered (for relative URLs
  and for ``path:line`` in errors);
- the extension replaces a line ``[[video:<id>]]`` (on its own, outside code blocks)
  with the rendered player; an unknown id fails the strict build with
  ``docs/<page>.md:<line>: ...``;
- ``on_post_build`` (outer build, after every language): copies media/<id>/ into
  ``site/media/<id>/`` once (the video, audio, subtitle and description files and the
  poster; not the script or metadata). Every language's page links to that one copy;
- ``on_serve``: ``mkdocs serve`` rebuilds when media/ changes.
"""
from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

import jinja2
from markdown import Extension
from markdown.preprocessors import Preprocessor
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import media, ui_strings  # noqa: E402

log = logging.getLogger("mkdocs.hooks.wegwijs.media")
TEMPLATE = "partials/wegwijs/video.html"


class _State:
    config = None
    page = None
    env: jinja2.Environment | None = None
    count = 0  # players on the current page (unique DOM ids, one script tag)


STATE = _State()


def _lang() -> str:
    return STATE.config.theme.get("language") or media.LANGUAGES[0]


def _page_line(video_id: str) -> str:
    """``docs/x.md:12`` for the page being rendered and the line with this video."""
    page = STATE.page
    if page is None:
        return "docs"
    path = Path(page.file.abs_src_path)
    rel = media.display_path(path)
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = media.VIDEO_LINE.match(line)
            if match and match["id"] == video_id:
                return f"{rel}:{number}"
    except OSError:
        pass
    return rel


def render(video_id: str) -> str:
    """The player's HTML for one video on the current page, in the page's language."""
    lang = _lang()
    page_url = STATE.page.url if STATE.page is not None else ""
    video = media.videos().get(video_id)
    if video is None or not video.meta_file.exists():
        known = ", ".join(media.videos()) or "none"
        log.warning(f"{_page_line(video_id)}: unknown video '{video_id}': add media/{video_id}/ "
                    f"with video.yml (known videos: {known})")
        return f'<p class="wegwijs-video-missing">[[video:{video_id}]]</p>'
    strings = ui_strings.catalog(lang)
    missing = []

    def t(key: str) -> str:
        if key not in strings:
            missing.append(key)
            return key
        return strings[key]

    STATE.count += 1
    context = media.player_context(video, lang, lambda path: get_relative_url(path, page_url))
    html = STATE.env.get_template(TEMPLATE).render(
        **context, t=t, number=STATE.count, first=STATE.count == 1,
        script_url=get_relative_url("assets/wegwijs/player.js", page_url))
    if missing:
        log.warning(f"translations/{lang}.po lacks interface strings the video player uses: "
                    f"{', '.join(sorted(set(missing)))}")
    return html


class _VideoPreprocessor(Preprocessor):
    """A line ``[[video:<id>]]`` becomes a stashed HTML block. Runs after the fenced
    code preprocessors (priority 20 < 25), so an example in a code block stays text."""

    def run(self, lines):
        out = []
        for line in lines:
            match = media.VIDEO_LINE.match(line)
            if match:
                out += ["", self.md.htmlStash.store(render(match["id"])), ""]
            else:
                out.append(line)
        return out


class VideoExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(_VideoPreprocessor(md), "wegwijs_video", 20)


def on_config(config):
    STATE.config = config
    i18n = config.plugins.get("i18n")
    if not (i18n and getattr(i18n, "building", False)) and shutil.which("ffmpeg"):
        # A new real video may bring video/nl.mp4 and audio/<lang>.m4a only: make the
        # missing per-language MP4s once (-c:v copy, fast) and keep them in media/.
        # Without ffmpeg the build goes on; `python -m tools media` names what is missing.
        for finding in media.mux_missing(only_missing=True):
            log.warning(finding.format())
    # The same config object comes back for every language: register only once.
    if not any(isinstance(ext, VideoExtension) for ext in config.markdown_extensions):
        config.markdown_extensions.append(VideoExtension())
    loader = jinja2.FileSystemLoader([str(d) for d in config.theme.dirs])
    STATE.env = jinja2.Environment(loader=loader, autoescape=True)
    return config


def on_page_markdown(markdown, page, config, files):
    STATE.page = page
    STATE.count = 0
    return markdown


def on_serve(server, config, builder):
    server.watch(str(media.MEDIA_DIR))
    return server


@event_priority(-200)  # after static-i18n has built the other languages
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n and getattr(i18n, "building", False):
        return  # an inner (per-language) build: copy once, in the outer build
    target_root = Path(config.site_dir) / "media"
    for video in media.videos().values():
        for path in video.public_files():
            target = target_root / video.id / path.relative_to(video.folder)
            if target.exists() and target.stat().st_size == path.stat().st_size \
                    and target.stat().st_mtime >= path.stat().st_mtime:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
