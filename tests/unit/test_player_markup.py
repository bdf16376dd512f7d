"""The video player's markup, made by the video Markdown extension (tools/wegwijs/markdown/video.py) with the plugin's media step
for one page (no site build): the page's language, tracks, and a clear warning for an
unknown video. The player in Chromium is tested in tests/browser/test_player_browser.py.
"""
from __future__ import annotations


from tests.conftest import PROJECT, site_languages


def _render_with_hook(tmp_path, lang: str, body: str):
    """Run the video Markdown extension with the plugin's media step on one page, as the build does."""
    import types

    import jinja2
    import markdown

    from tools.wegwijs.markdown.video import VideoExtension
    from tools.wegwijs.plugin.state import BuildState
    from tools.wegwijs.plugin.steps import media as media_step

    page_file = tmp_path / "pagina.md"
    page_file.write_text(body, encoding="utf-8")
    state = BuildState(lang=lang, project=PROJECT)
    state.templates = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(PROJECT.overrides_dir)), autoescape=True)
    media_step.start_page(state, types.SimpleNamespace(
        url=f"{lang}/fase/pagina/", file=types.SimpleNamespace(abs_src_path=str(page_file))))
    extension = VideoExtension(render=lambda video_id: media_step.render(state, video_id))
    return markdown.markdown(body, extensions=["pymdownx.superfences", extension])


def page_path(tmp_path) -> str:
    return (tmp_path / "pagina.md").as_posix()


def test_unknown_video_id_is_a_build_warning_with_page_and_line(tmp_path, caplog):
    body = "# Pagina\n\n```\n[[video:regeldag]]\n```\n\n[[video:bestaat-niet]]\n"
    with caplog.at_level("WARNING", logger="mkdocs.plugins.wegwijs"):
        html = _render_with_hook(tmp_path, "nl", body)
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 1, messages  # strict builds fail on this warning
    assert messages[0].startswith(f"{page_path(tmp_path)}:7: unknown video 'bestaat-niet': "
                                  "add media/bestaat-niet/ with video.yml (known videos: ")
    assert "[[video:regeldag]]" in html  # the example in a code block stays text
    assert "<video" not in html


def test_player_markup_speaks_the_page_language(tmp_path):
    html = _render_with_hook(tmp_path, "fa", "[[video:regeldag]]\n")
    assert '<figure class="wegwijs-video"' in html and 'lang="fa" dir="rtl"' in html
    assert html.count('<track kind="subtitles"') == len(site_languages())
    assert html.count('<track kind="descriptions"') == len(site_languages())
    assert 'srclang="fa" label="فارسی" src="../../../media/regeldag/subtitles/fa.vtt" default' in html
    assert '<source src="../../../media/regeldag/video/nl.mp4"' in html  # Dutch without JS
    assert 'preload="none"' in html and ('poster="../../../media/regeldag/poster.webp" '
                                         'data-poster-fallback="../../../media/regeldag/poster.jpg"') in html
    assert "زبان گفتار" in html  # the select's label, from translations/fa.po
    assert html.count('src="../../../assets/wegwijs/player.js"') == 1
    assert 'class="wegwijs-video__note"' not in html  # Farsi has its own voice-over


def test_tigrinya_page_says_the_spoken_tigrinya_is_not_there_yet(tmp_path):
    html = _render_with_hook(tmp_path, "ti", "[[video:regeldag]]\n")
    assert 'class="wegwijs-video__note"' in html
    assert "እቲ ብቋንቋኹም ዝንበብ ጽሑፍ ገና ኣይተዳለወን" in html  # from translations/ti.po
    audio_options = html.split('data-role="audio"')[1].split("</select>")[0]
    assert 'value="ti"' not in audio_options and 'value="nl"' in audio_options
    assert 'srclang="ti"' in html  # the Tigrinya subtitles are still there
