"""The video player in a real browser (Playwright + Debian's Chromium) on the real site:
subtitle and spoken-language choice, position kept after a language switch and a
seek, no media bytes before play, keyboard access, right-to-left layout, downloads.

The site is served by a small server that answers HTTP range requests, as nginx does
in production (without ranges Chromium cannot seek in a video at all).
"""
from __future__ import annotations

import functools
import http.server
import re
import socketserver
import threading
from pathlib import Path

import pytest

from tests.browser.page_states import wait_player
from tests.conftest import new_phone_page, site_languages, video_pages

MEDIA_REQUEST = re.compile(r"\.(mp4|m4a|webm|m3u8)(\?|$)")
VIDEO = "figure.wegwijs-video video"
STATE_JS = """() => { const v = document.querySelector('figure.wegwijs-video video');
  return {time: v.currentTime, seeking: v.seeking, paused: v.paused, rate: v.playbackRate,
          src: v.currentSrc, audio: v.getAttribute('data-audio'),
          showing: Array.from(v.textTracks).filter(t => t.kind === 'subtitles' && t.mode === 'showing')
                        .map(t => t.language)}; }"""


class _RangeHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".vtt": "text/vtt", ".m4a": "audio/mp4", ".mp4": "video/mp4",
                      ".js": "text/javascript", ".wasm": "application/wasm"}

    def log_message(self, *args):
        pass

    def send_head(self):
        match = re.match(r"bytes=(\d*)-(\d*)$", self.headers.get("Range", ""))
        path = Path(self.translate_path(self.path))
        if not match or not path.is_file():
            return super().send_head()
        size = path.stat().st_size
        start = int(match[1]) if match[1] else max(0, size - int(match[2] or 0))
        end = min(int(match[2]), size - 1) if match[1] and match[2] else size - 1
        if start >= size:
            self.send_error(416)
            return None
        handle = path.open("rb")
        handle.seek(start)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        self._remaining = end - start + 1
        return handle

    def copyfile(self, source, outputfile):
        remaining = getattr(self, "_remaining", None)
        if remaining is None:
            return super().copyfile(source, outputfile)
        while remaining > 0:
            chunk = source.read(min(65536, remaining))
            if not chunk:
                break
            try:
                outputfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                break
            remaining -= len(chunk)


@pytest.fixture(scope="module")
def media_server(built_site):
    handler = functools.partial(_RangeHandler, directory=str(built_site))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def _open(browser, url: str, **options):
    page = new_phone_page(browser, **options)
    page.goto(url, wait_until="load")
    if page.evaluate("!!document.querySelector('figure.wegwijs-video')") and options.get("java_script_enabled", True):
        wait_player(page)  # the player's script is done: data-state="ready"
    return page


def _media_requests(page) -> list[str]:
    return [u for u in page.requests if MEDIA_REQUEST.search(u)]


def _player_errors(page) -> list[str]:
    """Script errors, and failed loads of media or of the player (others' assets are
    other tests' business)."""
    return [e for e in page.console_errors
            if "Failed to load resource" not in e or "/media/" in e or "player.js" in e]


def _play(page):
    page.evaluate("document.querySelector('figure.wegwijs-video video').play()")
    page.wait_for_function("() => { const v = document.querySelector('figure.wegwijs-video video');"
                           " return !v.paused && v.currentTime > 0.3; }", timeout=10000)


def test_no_media_bytes_before_play(browser, media_server, video_page):
    for prefix in ("", "en/"):  # on /en/ the script switches to English sound first
        page = _open(browser, media_server + prefix + video_page)
        try:
            assert page.locator(VIDEO).first.get_attribute("preload") == "none"
            assert page.locator(VIDEO).first.get_attribute("poster")
            assert _media_requests(page) == [], f"media fetched before play on /{prefix}{video_page}"
            _play(page)
            fetched = _media_requests(page)
            expected = "/nl.mp4" if not prefix else "/en.mp4"
            assert fetched and all(u.endswith(expected) for u in fetched), fetched
            assert _player_errors(page) == []
        finally:
            page.context.close()


def test_choosing_subtitles_switches_the_showing_track(browser, media_server, video_page):
    page = _open(browser, media_server + "en/" + video_page)
    try:
        assert page.evaluate(STATE_JS)["showing"] == ["en"]  # the page's language by default
        select = page.locator("figure.wegwijs-video [data-role=subtitles]").first
        select.select_option("ar")
        assert page.evaluate(STATE_JS)["showing"] == ["ar"]
        select.select_option("ti")
        assert page.evaluate(STATE_JS)["showing"] == ["ti"]
        select.select_option("")
        assert page.evaluate(STATE_JS)["showing"] == []
        # The browser's own subtitle menu sets the mode; our select follows it.
        page.evaluate("""() => { const v = document.querySelector('figure.wegwijs-video video');
            for (const t of v.textTracks) if (t.kind === 'subtitles') t.mode = t.language === 'fa' ? 'showing' : 'disabled'; }""")
        # (the tracks' change event is asynchronous: wait for the select to follow)
        page.wait_for_function("s => document.querySelector(s).value === 'fa'",
                               arg="figure.wegwijs-video [data-role=subtitles]")
    finally:
        page.context.close()


def test_switching_spoken_language_keeps_position_rate_and_play_state(browser, media_server, video_page):
    page = _open(browser, media_server + video_page)
    try:
        _play(page)
        page.evaluate("""() => { const v = document.querySelector('figure.wegwijs-video video');
            v.playbackRate = 1.5; v.currentTime = 10; }""")
        page.wait_for_function("() => document.querySelector('figure.wegwijs-video video').currentTime >= 10")
        page.locator("figure.wegwijs-video [data-role=audio]").first.select_option("fa")
        # The state at the moment the Farsi file plays on (not later: it keeps playing).
        state = page.wait_for_function(f"""() => {{ const v = document.querySelector('figure.wegwijs-video video');
            return v.currentSrc.endsWith('/fa.mp4') && !v.paused && v.currentTime > 10.2 && ({STATE_JS})(); }}""",
                                       timeout=10000).json_value()
        assert state["audio"] == "fa" and state["rate"] == 1.5
        assert 10 < state["time"] < 14, state  # continued from 10 s, not from the start
        # A seek after the switch stays in the chosen language's file.
        state = page.evaluate(f"""() => new Promise(resolve => {{
            const v = document.querySelector('figure.wegwijs-video video');
            v.addEventListener('seeked', () => resolve(({STATE_JS})()), {{once: true}});
            v.currentTime = 3; }})""")
        assert state["src"].endswith("/fa.mp4") and 3 <= state["time"] < 5 and not state["paused"]
        # Paused stays paused, at the same position.
        page.evaluate("""() => { const v = document.querySelector('figure.wegwijs-video video');
            v.pause(); v.currentTime = 20; }""")
        page.wait_for_function("() => document.querySelector('figure.wegwijs-video video').seeking === false")
        page.locator("figure.wegwijs-video [data-role=audio]").first.select_option("ar")
        page.wait_for_function("""() => { const v = document.querySelector('figure.wegwijs-video video');
            return v.currentSrc.endsWith('/ar.mp4') && v.readyState >= 1 && Math.abs(v.currentTime - 20) < 0.3; }""",
                               timeout=10000)
        wait_player(page)  # the switch is complete: source swapped, position restored
        state = page.evaluate(STATE_JS)
        assert state["paused"] and abs(state["time"] - 20) < 0.3, state
        assert _player_errors(page) == []
    finally:
        page.context.close()


def test_all_controls_reachable_and_usable_by_keyboard(browser, media_server, video_page):
    page = _open(browser, media_server + video_page)
    try:
        page.locator("figure.wegwijs-video details").first.evaluate("d => d.open = true")
        roles = set()
        for _ in range(250):
            page.keyboard.press("Tab")
            info = page.evaluate("""() => { const e = document.activeElement;
                if (!e || !e.closest('figure.wegwijs-video')) return null;
                return e.getAttribute('data-role') || e.tagName.toLowerCase(); }""")
            if info:
                roles.add(info)
            if {"video", "audio", "subtitles", "descriptions", "summary", "a"} <= roles:
                break
        assert {"video", "audio", "subtitles", "descriptions", "summary", "a"} <= roles, roles
        # Operate the spoken-language select with the keyboard alone.
        audio = page.locator("figure.wegwijs-video [data-role=audio]").first
        audio.focus()
        before = page.evaluate(STATE_JS)["audio"]
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")  # commits the choice (test_arrowing_through_...)
        page.wait_for_function("s => document.querySelector('figure.wegwijs-video video')"
                               ".getAttribute('data-audio') === document.querySelector(s).value",
                               arg="figure.wegwijs-video [data-role=audio]")
        wait_player(page)
        after = page.evaluate(STATE_JS)
        assert after["audio"] != before and after["audio"] == audio.input_value()
        assert _media_requests(page) == []  # still nothing fetched: not played yet
        describe = page.locator("figure.wegwijs-video [data-role=descriptions]").first
        describe.focus()
        page.keyboard.press("Space")
        assert describe.is_checked()
    finally:
        page.context.close()


def test_audio_description_is_read_out_in_the_spoken_language(browser, media_server, video_page):
    """The active description cue is shown in the player and read out through the page's
    one polite live region (no live region of the player's own), in its language."""
    page = _open(browser, media_server + "en/" + video_page)
    try:
        page.locator("figure.wegwijs-video [data-role=descriptions]").first.check()
        _play(page)
        shown = page.locator("figure.wegwijs-video [data-role=description-text]").first
        page.wait_for_function("() => document.querySelector('figure.wegwijs-video "
                               "[data-role=description-text]').textContent.trim() !== ''")
        assert shown.get_attribute("lang") == "en"
        assert shown.is_visible()
        spoken = page.wait_for_function("""() => {
            const span = document.querySelector('[data-wegwijs-live] > span[lang]');
            return span && span.textContent.trim() !== '' && {lang: span.lang, text: span.textContent}; }""").json_value()
        assert spoken["lang"] == "en"
        # One polite live region on the page (the search dialog's status speaks only in the dialog).
        regions = page.evaluate("""() => Array.from(document.querySelectorAll('[aria-live], [role=status]'))
            .filter(el => !el.closest('dialog')).map(el => el.outerHTML.slice(0, 80))""")
        assert len(regions) == 1 and "data-wegwijs-live" in regions[0], regions
    finally:
        page.context.close()


def _mp4_names(urls) -> set[str]:
    return {u.split("?")[0].rsplit("/", 1)[-1] for u in urls if MEDIA_REQUEST.search(u)}


def test_arrowing_through_spoken_languages_loads_only_the_chosen_one(browser, media_server, video_page):
    """Arrow keys step through the closed select: no file is loaded per step; Enter
    commits and only the chosen language's file is fetched. Leaving the select commits too."""
    page = _open(browser, media_server + video_page)
    try:
        _play(page)
        audio = page.locator("figure.wegwijs-video [data-role=audio]").first
        options = audio.evaluate("s => Array.from(s.options).map(o => o.value)")
        assert len(options) >= 3, options
        audio.evaluate("s => s.selectedIndex = 0")  # from the top, so each ArrowDown is a step
        page.evaluate("() => document.querySelector('figure.wegwijs-video [data-role=audio]')"
                      ".dispatchEvent(new Event('change'))")
        wait_player(page)
        page.wait_for_function("o => document.querySelector('figure.wegwijs-video video').currentSrc.endsWith('/' + o + '.mp4')",
                               arg=options[0], timeout=10000)
        audio.focus()
        before = len(page.requests)
        for value in options[1:]:
            page.keyboard.press("ArrowDown")
            page.wait_for_function("v => document.querySelector('figure.wegwijs-video').dataset.pending === v", arg=value)
        state = page.evaluate(STATE_JS)
        assert state["audio"] == options[0] and state["src"].endswith(f"/{options[0]}.mp4"), state
        assert _mp4_names(page.requests[before:]) <= {f"{options[0]}.mp4"}, page.requests[before:]
        page.keyboard.press("Enter")
        page.wait_for_function("o => { const v = document.querySelector('figure.wegwijs-video video');"
                               " return v.currentSrc.endsWith('/' + o + '.mp4') && !v.paused && v.currentTime > 0; }",
                               arg=options[-1], timeout=10000)
        wait_player(page)
        assert page.evaluate("document.querySelector('figure.wegwijs-video').dataset.pending") is None
        assert _mp4_names(page.requests[before:]) <= {f"{options[0]}.mp4", f"{options[-1]}.mp4"}
        # One step up, then Tab away: the choice is applied when the focus leaves.
        before = len(page.requests)
        page.keyboard.press("ArrowUp")
        page.wait_for_function("v => document.querySelector('figure.wegwijs-video').dataset.pending === v", arg=options[-2])
        page.keyboard.press("Tab")
        page.wait_for_function("o => document.querySelector('figure.wegwijs-video video').currentSrc.endsWith('/' + o + '.mp4')",
                               arg=options[-2], timeout=10000)
        assert _mp4_names(page.requests[before:]) <= {f"{options[-1]}.mp4", f"{options[-2]}.mp4"}
        assert _player_errors(page) == []
    finally:
        page.context.close()


def test_subtitles_are_readable_at_phone_width(browser, media_server, video_page):
    """The browser's default cue size is about 9 px at 360 px wide: ours is at least 16 px."""
    page = _open(browser, media_server + video_page)
    try:
        size = page.evaluate("""() => {
            for (const sheet of document.styleSheets) {
              let rules; try { rules = sheet.cssRules; } catch (e) { continue; }
              for (const rule of rules)
                if (rule.selectorText && rule.selectorText.includes('::cue') && rule.style.fontSize) {
                  const probe = document.createElement('span');
                  probe.style.fontSize = rule.style.fontSize;
                  document.querySelector('figure.wegwijs-video').appendChild(probe);
                  const px = parseFloat(getComputedStyle(probe).fontSize); probe.remove(); return px;
                }
            }
            return 0; }""")
        assert size >= 16, size
    finally:
        page.context.close()


def test_right_to_left_page_mirrors_the_controls(browser, media_server, built_site):
    pages = video_pages(built_site, "ar")
    assert pages, "no Arabic page with a video"
    page = _open(browser, media_server + pages[0], viewport={"width": 900, "height": 700})
    try:
        assert page.locator("figure.wegwijs-video").first.evaluate(
            "f => getComputedStyle(f).direction") == "rtl"
        fields = page.locator("figure.wegwijs-video .wegwijs-video__field")
        first, second = fields.nth(0).bounding_box(), fields.nth(1).bounding_box()
        assert first["x"] > second["x"], "in Arabic the first control should be on the right"
        label = page.locator("figure.wegwijs-video label").first.inner_text()
        assert re.search(r"[\u0600-\u06FF]", label), label  # labelled in Arabic
        assert page.evaluate(STATE_JS)["showing"] == ["ar"]
    finally:
        page.context.close()


def test_without_javascript_dutch_original_and_all_subtitles(browser, media_server, video_page):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(media_server + "en/" + video_page)
        video = page.locator(VIDEO).first
        assert video.get_attribute("controls") is not None
        assert page.locator("figure.wegwijs-video source").first.get_attribute("src").endswith("/nl.mp4")
        langs = page.locator("figure.wegwijs-video track[kind=subtitles]").evaluate_all(
            "ts => ts.map(t => t.srclang)")
        assert sorted(langs) == sorted(site_languages())
        assert not page.locator("figure.wegwijs-video [data-role=controls]").first.is_visible()
    finally:
        context.close()


POSTER_LOADED = """name => performance.getEntriesByType('resource')
  .some(e => e.name.endsWith('/' + name) && e.responseEnd > 0)"""
# A browser that cannot decode WebP, simulated: every WebP data: URL an <img> gets is broken.
NO_WEBP = """(() => {
  const src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src');
  Object.defineProperty(HTMLImageElement.prototype, 'src', {
    get() { return src.get.call(this); },
    set(value) { src.set.call(this, String(value).startsWith('data:image/webp') ? 'data:image/webp;base64,AAAA' : value); },
  });
})();"""


def test_webp_poster_with_jpeg_fallback(browser, media_server, video_page):
    """The player shows the WebP poster (about half the JPEG's bytes) and never fetches the
    JPEG; a browser without WebP gets the JPEG (data-poster-fallback)."""
    page = _open(browser, media_server + video_page)
    try:
        video = page.locator(VIDEO).first
        assert video.get_attribute("poster").endswith("/poster.webp")
        page.wait_for_function(POSTER_LOADED, arg="poster.webp")
        assert page.evaluate("document.querySelector('figure.wegwijs-video video').poster").endswith("/poster.webp")
        assert not [u for u in page.requests if u.endswith("/poster.jpg")]
    finally:
        page.context.close()
    page = new_phone_page(browser)
    try:
        page.add_init_script(NO_WEBP)
        page.goto(media_server + video_page, wait_until="load")
        wait_player(page)
        page.wait_for_function("() => document.querySelector('figure.wegwijs-video video').poster.endsWith('/poster.jpg')")
        page.wait_for_function(POSTER_LOADED, arg="poster.jpg")
    finally:
        page.context.close()
