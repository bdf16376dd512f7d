"""Videos in ``media/<id>/``: their layout, ``python -m tools media`` (the media check),
and the helpers the build hook (tools/wegwijs/plugin/steps/media.py) and the sample generator use.

Layout of one video (``<lang>`` = nl, en, ar, ti, fa)::

    media/<id>/video.yml              title per language, duration (s), thema, fase
    media/<id>/poster.jpg             poster image (JPEG or PNG, under 100 KB)
    media/<id>/poster.webp            the same poster as WebP, about half the bytes: the
                                      player shows it (the JPEG/PNG where a browser cannot);
                                      made by ``python -m tools media --posters``
    media/<id>/video/<lang>.mp4       H.264 video + that language's audio; nl.mp4 is the
                                      Dutch original, the others copy its video stream
    media/<id>/audio/<lang>.m4a       the voice-over per language, as long as the video
    media/<id>/subtitles/<lang>.vtt   WebVTT subtitles (nl: captions naming speakers and sounds)
    media/<id>/descriptions/<lang>.vtt  audio description (WebVTT kind="descriptions")
    media/<id>/script.yml             optional: script of a generated sample video

Why per-language MP4s (option (a) of issue 6) rather than HLS or a JS-synced <audio>:
a plain MP4 per language plays in every browser, iPhone Safari included, without a
player library; it is directly downloadable; switching language swaps the source and
restores position, paused state and rate, so audio can never drift from the picture
(a muted video plus a separate <audio> needs drift correction, which the removed
MediaController never solved). Muxing copies the video stream (``-c:v copy``), so it
is fast and lossless. The generator (tools/dev/make_sample_media.py) commits the muxed
files; for a real video, ``python -m tools media --mux`` makes the missing or stale
ones from ``video/nl.mp4`` and ``audio/<lang>.m4a`` (ffmpeg needed only then).
"""
from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from tools.wegwijs import findings as F
from tools.wegwijs.sources import reader
from tools.wegwijs.sources.content_model import display_path, load_model


def is_rtl(lang: str) -> bool:
    """Right-to-left, from CLDR (Babel): no list of our own."""
    from tools.wegwijs.render.ui_strings import language_info

    return language_info(lang).direction == "rtl"


# MP4 audio-track language tags (ISO 639-2/B; CLDR has no three-letter codes).
ISO639_2 = {"nl": "dut", "en": "eng", "ar": "ara", "ti": "tir", "fa": "per"}
POSTER_NAMES = ("poster.jpg", "poster.jpeg", "poster.png")
POSTER_WEBP = "poster.webp"
POSTER_LIMIT = 100 * 1024
WEBP_QUALITY = 75  # libwebp 0-100: a 426x240 poster of 8 KB as JPEG becomes about 4 KB
DURATION_TOLERANCE = 1.0  # seconds
TOTAL_LIMIT = 5 * 1024 * 1024  # all media together: keeps the repository and the site small
VIDEO_LINE = re.compile(r"^ {0,3}\[\[video:(?P<id>[^\]\s]*)\]\]\s*$")
RLM = "\u200f"
LATIN_START = re.compile(r"^[A-Za-z0-9]")


def rtl_fix(line: str) -> str:
    """Prefix U+200F (RIGHT-TO-LEFT MARK) to an RTL line that starts with Latin or a digit,
    so the browser lays the line out right-to-left instead of taking its first letter's
    direction."""
    return RLM + line if LATIN_START.match(line) else line


# --------------------------------------------------------------------------- layout


@dataclass(frozen=True)
class Video:
    id: str
    folder: Path
    languages: tuple[str, ...]  # the site's languages, default first (mkdocs.yml)

    def video(self, lang: str) -> Path:
        return self.folder / "video" / f"{lang}.mp4"

    def audio(self, lang: str) -> Path:
        return self.folder / "audio" / f"{lang}.m4a"

    def subtitles(self, lang: str) -> Path:
        return self.folder / "subtitles" / f"{lang}.vtt"

    def descriptions(self, lang: str) -> Path:
        return self.folder / "descriptions" / f"{lang}.vtt"

    @property
    def meta_file(self) -> Path:
        return self.folder / "video.yml"

    @property
    def poster(self) -> Path | None:
        """The poster as JPEG or PNG: every browser shows it (the fallback)."""
        for name in POSTER_NAMES:
            if (self.folder / name).exists():
                return self.folder / name
        return None

    @property
    def webp_poster(self) -> Path:
        """The same poster as WebP (may not exist yet: ``make_posters``)."""
        return self.folder / POSTER_WEBP

    def meta(self) -> dict:
        data = yaml.safe_load(self.meta_file.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}

    def public_files(self) -> list[Path]:
        """Files that go into the built site (not the script or the metadata)."""
        files = [self.poster] if self.poster else []
        if self.poster and self.webp_poster.exists():
            files.append(self.webp_poster)
        for lang in self.languages:
            files += [p for p in (self.video(lang), self.audio(lang), self.subtitles(lang),
                                  self.descriptions(lang)) if p.exists()]
        return files


def videos(media_dir: Path, languages: tuple[str, ...]) -> dict[str, Video]:
    """Every video folder in media_dir, for the site's languages (default first)."""
    if not media_dir.is_dir():
        return {}
    return {p.name: Video(p.name, p, tuple(languages)) for p in sorted(media_dir.iterdir())
            if p.is_dir() and not p.name.startswith(".")}


def project_videos(project) -> dict[str, Video]:
    """The videos in the project's media folder."""
    return videos(project.media_dir, load_model(project.config_file).languages)


def references(docs_dir: Path) -> list[tuple[Path, int, str]]:
    """Every ``[[video:<id>]]`` line in docs/ (outside fenced code): (file, line, id)."""
    found = []
    for path in sorted(docs_dir.rglob("*.md")):
        for number, line in reader.read(path).body.prose():
            match = VIDEO_LINE.match(line)
            if match:
                found.append((path, number, match["id"]))
    return found


# --------------------------------------------------------------------------- durations


def probe_duration(path: Path) -> float | None:
    """Duration in seconds, read from the MP4/M4A header; ffprobe for anything else."""
    return _probe(path)[0]


def probe_codecs(path: Path) -> list[str] | None:
    """Codec names of the streams ('h264', 'aac'); None when they cannot be read."""
    codecs = _probe(path)[1]
    return codecs or None


def _probe(path: Path) -> tuple[float | None, list[str]]:
    """(duration, codec names), remembered per file version. MP4 headers are read in
    Python (a few ms); ffprobe, one process per file, only when that fails."""
    stat = path.stat()
    return _probe_cached(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=512)
def _probe_cached(path: str, _mtime: int, _size: int) -> tuple[float | None, list[str]]:
    duration, codecs = mp4_info(Path(path))
    if duration is not None and codecs:
        return duration, codecs
    if not shutil.which("ffprobe"):
        return duration, codecs
    result = subprocess.run([shutil.which("ffprobe"), "-v", "error", "-show_entries",
                             "format=duration:stream=codec_name", "-of", "json", path],
                            capture_output=True, text=True)
    try:
        data = json.loads(result.stdout or "{}")
    except ValueError:
        return None, []
    codecs = [s.get("codec_name", "?") for s in data.get("streams", [])]
    try:
        return float(data["format"]["duration"]), codecs
    except (KeyError, TypeError, ValueError):
        return None, codecs


# ISO BMFF sample-entry codes -> the codec names ffprobe reports.
_SAMPLE_ENTRIES = {b"avc1": "h264", b"avc3": "h264", b"mp4a": "aac", b"hvc1": "hevc",
                   b"hev1": "hevc", b"vp09": "vp9", b"av01": "av1", b"Opus": "opus"}
_CONTAINERS = (b"moov", b"trak", b"mdia", b"minf", b"stbl")


def mp4_info(path: Path) -> tuple[float | None, list[str]]:
    """(duration from 'moov' > 'mvhd', codec of each track from its 'stsd' entry), pure
    Python. (None, []) when the file is not an MP4/M4A this reader understands."""
    try:
        data = path.read_bytes()
    except OSError:
        return None, []

    def boxes(start: int, end: int):
        pos = start
        while pos + 8 <= end:
            size, kind = struct.unpack(">I4s", data[pos:pos + 8])
            header = 8
            if size == 1:
                size = struct.unpack(">Q", data[pos + 8:pos + 16])[0]
                header = 16
            elif size == 0:
                size = end - pos
            if size < header or pos + size > end:
                return
            yield kind, pos + header, pos + size
            pos += size

    duration: float | None = None
    codecs: list[str] = []

    def walk(start: int, end: int) -> None:
        nonlocal duration
        for kind, body, box_end in boxes(start, end):
            if kind == b"mvhd" and body + 32 <= box_end:
                if data[body] == 1:
                    timescale, length = struct.unpack(">IQ", data[body + 20:body + 32])
                else:
                    timescale, length = struct.unpack(">II", data[body + 12:body + 20])
                duration = length / timescale if timescale else None
            elif kind == b"stsd" and body + 16 <= box_end:
                entry = data[body + 12:body + 16]  # version/flags, count, entry size
                codecs.append(_SAMPLE_ENTRIES.get(entry, entry.decode("latin-1").strip()))
            elif kind in _CONTAINERS:
                walk(body, box_end)

    try:
        walk(0, len(data))
    except struct.error:
        return None, []
    return duration, codecs


def moov_first(path: Path) -> bool | None:
    """True when the MP4 index ('moov') comes before the media data ('mdat'), so a
    browser can start playing before the whole file is in ('-movflags +faststart')."""
    try:
        with path.open("rb") as fh:
            while True:
                header = fh.read(8)
                if len(header) < 8:
                    return None
                size, kind = struct.unpack(">I4s", header)
                if kind in (b"moov", b"mdat"):
                    return kind == b"moov"
                if size == 1:
                    size = struct.unpack(">Q", fh.read(8))[0] - 8
                if size < 8:
                    return None
                fh.seek(size - 8, 1)
    except OSError:
        return None


# --------------------------------------------------------------------------- WebVTT


TIMING = re.compile(r"^(?P<start>\S+)[ \t]+-->[ \t]+(?P<end>\S+)(?P<settings>.*)$")
STAMP = re.compile(r"^(?:(?P<h>\d{2,}):)?(?P<m>\d{2}):(?P<s>\d{2})\.(?P<ms>\d{3})$")


@dataclass
class Cue:
    line: int  # line number of the timing line
    start: float
    end: float
    text: list[str]
    text_line: int


def parse_time(value: str) -> float | None:
    match = STAMP.match(value)
    if not match or int(match["m"]) > 59 or int(match["s"]) > 59:
        return None
    return int(match["h"] or 0) * 3600 + int(match["m"]) * 60 + int(match["s"]) + int(match["ms"]) / 1000


def parse_vtt(path: Path, rel: str) -> tuple[list[Cue], list[F.Finding]]:
    """Cues with line numbers. Strict: webvtt-py (strict=True) plus what it lets through
    (negative or malformed timestamps, minutes/seconds over 59, empty cues, a missing
    blank line)."""
    findings: list[F.Finding] = []
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return [], [F.error(rel, f"not UTF-8 (byte {exc.start}): save the file as UTF-8",
                            "media-vtt", line=1)]
    try:
        import webvtt

        webvtt.from_string(raw.lstrip("\ufeff"), strict=True)
    except Exception as exc:  # webvtt-py raises its own MalformedFileError/MalformedCaptionError
        findings.append(F.error(rel, f"not valid WebVTT: {exc}", "media-vtt", line=1))
    text = raw.lstrip("\ufeff")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
        findings.append(F.error(rel, "the first line must be 'WEBVTT'", "media-vtt", line=1))
        return [], findings
    cues: list[Cue] = []
    i = 1
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        block_start = i
        block = []
        while i < len(lines) and lines[i].strip():
            block.append(lines[i])
            i += 1
        if block[0].startswith(("NOTE", "STYLE", "REGION")) and "-->" not in block[0]:
            continue
        timing_index = 0 if "-->" in block[0] else 1
        if timing_index >= len(block) or "-->" not in block[timing_index]:
            findings.append(F.error(rel, "a cue block without a timing line "
                                    "'00:00:01.000 --> 00:00:03.000'", "media-vtt",
                                    line=block_start + 1))
            continue
        number = block_start + timing_index + 1
        match = TIMING.match(block[timing_index].strip())
        if not match:
            findings.append(F.error(rel, f"malformed timing line '{block[timing_index]}'",
                                    "media-vtt", line=number))
            continue
        start, end = parse_time(match["start"]), parse_time(match["end"])
        bad = [v for v, t in ((match["start"], start), (match["end"], end)) if t is None]
        if bad:
            findings.append(F.error(rel, f"malformed timestamp '{bad[0]}': write "
                                    "[hh:]mm:ss.ttt with minutes and seconds 00-59, never negative",
                                    "media-vtt", line=number))
            continue
        body = block[timing_index + 1:]
        if any("-->" in line for line in body):
            findings.append(F.error(rel, "cue text contains '-->' (a blank line is missing "
                                    "between two cues?)", "media-vtt", line=number))
        if not body:
            findings.append(F.error(rel, "cue without text", "media-vtt", line=number))
        cues.append(Cue(number, start, end, body, number + 1))
    return cues, findings


# --------------------------------------------------------------------------- the check

SPEAKER = re.compile(r"^(?:[-–]\s*)?[^\s:][^:]{0,30}:\s")
SOUND = re.compile(r"^[\[(♪].*[\])♪]$")


def _caption_findings(cues: list[Cue], rel: str) -> list[F.Finding]:
    """WCAG 1.2.2 heuristic for the Dutch captions: a cue that is only a sound is in
    brackets (``[muziek]``); the first spoken cue names its speaker ("Verteller: ...")."""
    out = []
    spoken = [c for c in cues if not SOUND.match(" ".join(c.text).strip())]
    if spoken and not SPEAKER.match(spoken[0].text[0]):
        out.append(F.error(rel, "the first spoken caption does not say who speaks: start it "
                           "with the speaker's name, e.g. 'Verteller: ...' (WCAG 1.2.2)",
                           "media-captions", line=spoken[0].text_line))
    if cues and not any(SOUND.match(" ".join(c.text).strip()) or
                        any(SOUND.search(l) or re.search(r"\[[^\]]+\]", l) for l in c.text)
                        for c in cues):
        out.append(F.warning(rel, "no sound is described: if the video has music or "
                             "meaningful sounds, add them in brackets, e.g. '[muziek]'",
                             "media-captions", line=cues[0].line))
    return out


def check_video(video: Video, root: Path, model) -> list[F.Finding]:
    """One video folder against the content model (thema's, default language)."""
    rel = lambda p: display_path(p, root)  # noqa: E731
    out: list[F.Finding] = []
    if not reader.VALID_ID.match(video.id):
        out.append(F.error(rel(video.folder), "folder name is not a video id (a-z, 0-9, '-')",
                           "media-id"))
    duration = None
    meta: dict = {}
    if not video.meta_file.exists():
        out.append(F.error(rel(video.meta_file), "missing: add title (per language), "
                           "duration and thema", "media-meta"))
    else:
        try:
            meta = video.meta()
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            out.append(F.error(rel(video.meta_file), f"not valid YAML: {exc}", "media-meta",
                               line=mark.line + 1 if mark else 1))
        titles = meta.get("title") if isinstance(meta.get("title"), dict) else {}
        for lang in video.languages:
            if meta and not str(titles.get(lang) or "").strip():
                out.append(F.error(rel(video.meta_file), f"title has no '{lang}' text",
                                   "media-meta"))
        if meta:
            value = meta.get("duration")
            if isinstance(value, (int, float)) and value > 0:
                duration = float(value)
            else:
                out.append(F.error(rel(video.meta_file), "duration must be a number of "
                                   "seconds > 0", "media-meta"))
            themas = meta.get("thema")
            for thema in [themas] if isinstance(themas, str) else (themas or []):
                if thema not in model.themas:
                    out.append(F.error(rel(video.meta_file), f"unknown thema '{thema}': use "
                                       f"one of {', '.join(model.themas)}", "media-meta"))
            if not themas:
                out.append(F.error(rel(video.meta_file), "thema is missing", "media-meta"))

    poster = video.poster
    if poster is None:
        out.append(F.error(rel(video.folder / "poster.jpg"), "missing: add a poster image "
                           "(JPEG or PNG, under 100 KB)", "media-poster"))
    elif poster.stat().st_size >= POSTER_LIMIT:
        out.append(F.error(rel(poster), f"{poster.stat().st_size // 1024} KB: a poster must be "
                           "under 100 KB (smaller image or stronger compression)", "media-poster"))
    if poster is not None and not video.webp_poster.exists():
        out.append(F.warning(rel(video.webp_poster), f"missing: make it from {poster.name} with "
                             "`python -m tools media --posters` (needs ffmpeg) and commit it; "
                             f"until then readers download the bigger {poster.name}",
                             "media-poster-webp"))

    def check_duration(path: Path, rule: str) -> None:
        if duration is None:
            return
        measured = probe_duration(path)
        if measured is None:
            out.append(F.error(rel(path), "cannot read its duration (not a valid MP4/M4A?)"
                               + ("" if shutil.which("ffprobe") else
                                  "; install ffmpeg for ffprobe"), rule))
        elif abs(measured - duration) > DURATION_TOLERANCE:
            out.append(F.error(rel(path), f"lasts {measured:.1f} s but the video lasts "
                               f"{duration:.1f} s: pad or trim it to within "
                               f"{DURATION_TOLERANCE:.0f} s", rule))

    voices = (meta or {}).get("voices") if isinstance((meta or {}).get("voices"), dict) else {}
    for lang in video.languages:
        # 'voices: {ti: null}' in video.yml: no voice-over in this language yet (never a
        # voice of another language); the player says so and plays the Dutch sound.
        silent = lang in voices and voices[lang] is None
        for path, rule, what in ((video.video(lang), "media-video",
                                  "the video with this language's audio (python -m tools media --mux)"),
                                 (video.audio(lang), "media-audio", "the voice-over in this language")):
            if silent:
                if path.exists():
                    out.append(F.error(rel(path), f"video.yml says there is no voice-over in "
                                       f"'{lang}' (voices: {lang}: null): remove this file, or "
                                       "name the voice in video.yml", rule))
                continue
            if not path.exists():
                out.append(F.error(rel(path), f"missing ({what}; or write 'voices: {{{lang}: null}}' "
                                   "in video.yml while there is none)", rule))
                continue
            check_duration(path, rule)
            codecs = probe_codecs(path)
            wanted = ["h264", "aac"] if rule == "media-video" else ["aac"]
            if codecs is not None and sorted(codecs) != sorted(wanted) and codecs:
                out.append(F.error(rel(path), f"streams {', '.join(codecs)}: expected "
                                   f"{' + '.join(wanted)} (H.264 video, AAC audio) so that every "
                                   "browser, iPhone Safari included, plays it", "media-codec"))
            if moov_first(path) is False:
                out.append(F.warning(rel(path), "the index (moov) comes after the media data: "
                                     "playback waits for the whole file; remux with "
                                     "ffmpeg -c copy -movflags +faststart", "media-faststart"))

    dutch: list[Cue] | None = None
    for kind in ("subtitles", "descriptions"):
        rule = "media-subtitles" if kind == "subtitles" else "media-descriptions"
        for lang in video.languages:
            path = getattr(video, kind)(lang)
            if not path.exists():
                what = ("subtitles" if kind == "subtitles" else "audio descriptions (the text a "
                        "screen reader reads)")
                out.append(F.error(rel(path), f"missing: every video needs {what} in every "
                                   f"language; translate {rel(getattr(video, kind)(model.default_language))} "
                                   "with the same cue times and save it here", rule))
                continue
            cues, problems = parse_vtt(path, rel(path))
            out += problems
            out += _cue_findings(cues, rel(path), duration, lang)
            if kind == "subtitles" and lang == model.default_language:
                dutch = cues
                out += _caption_findings(cues, rel(path))
            elif kind == "subtitles" and dutch is not None and not problems:
                out += _compare(dutch, cues, rel(path), rel(video.subtitles(model.default_language)))
    return out


def _cue_findings(cues: list[Cue], rel: str, duration: float | None, lang: str) -> list[F.Finding]:
    out = []
    previous = None
    for cue in cues:
        if cue.end <= cue.start:
            out.append(F.error(rel, "cue ends before or when it starts", "media-vtt", line=cue.line))
        if previous is not None and cue.start < previous.start:
            out.append(F.error(rel, "cue starts before the previous one: keep cues in time "
                               "order", "media-vtt", line=cue.line))
        if duration is not None and cue.end > duration + 0.001:
            out.append(F.error(rel, f"cue ends at {cue.end:.3f} s, after the end of the video "
                               f"({duration:.3f} s)", "media-vtt", line=cue.line))
        if is_rtl(lang):
            for offset, line in enumerate(cue.text):
                if LATIN_START.match(line):
                    out.append(F.error(rel, "right-to-left line starts with a Latin letter or "
                                       "digit: begin it with U+200F (RIGHT-TO-LEFT MARK)",
                                       "media-rtl", line=cue.text_line + offset))
        previous = cue
    return out


def _compare(dutch: list[Cue], cues: list[Cue], rel: str, dutch_rel: str) -> list[F.Finding]:
    if len(cues) != len(dutch):
        return [F.error(rel, f"{len(cues)} cues, but {dutch_rel} has {len(dutch)}: translate "
                        "cue by cue with the same timings", "media-sync", line=1)]
    out = []
    for mine, theirs in zip(cues, dutch):
        if abs(mine.start - theirs.start) > 0.0005 or abs(mine.end - theirs.end) > 0.0005:
            out.append(F.error(rel, f"timing differs from {dutch_rel}:{theirs.line}: use the "
                               "same start and end as the Dutch cue", "media-sync", line=mine.line))
    return out


def check(project) -> list[F.Finding]:
    """Every referenced video exists; every video is complete and consistent."""
    root, media_dir = project.root, project.media_dir
    model = load_model(project.config_file)
    known = videos(media_dir, model.languages)
    out: list[F.Finding] = []
    for path, line, video_id in references(model.docs_dir):
        if video_id not in known:
            out.append(F.error(display_path(path, root), f"video '{video_id}' does not exist: "
                               f"add {display_path(media_dir / video_id, root)}/ "
                               f"(known: {', '.join(known) or 'none'})", "media-reference", line=line))
    total = 0
    for video in known.values():
        out += check_video(video, root, model)
        total += sum(p.stat().st_size for p in video.public_files())
    if total > TOTAL_LIMIT:
        out.append(F.warning(display_path(media_dir, root), f"media files total "
                             f"{total / 1048576:.1f} MB (budget 5 MB): compress them",
                             "media-size"))
    return out


# --------------------------------------------------------------------------- player


def format_size(size: int, lang: str) -> str:
    """A file size in the reader's language (CLDR units via Babel): '215 kB', '1,2 MB',
    with the language's own digits ('۲۱۶ کیلوبایت')."""
    from babel.units import format_unit

    from tools.wegwijs.render.ui_strings import localize_digits

    if size >= 1_000_000:
        text = format_unit(size / 1_000_000, "digital-megabyte", length="short",
                           format="#,##0.0", locale=lang)
    else:
        text = format_unit(max(1, round(size / 1000)), "digital-kilobyte", length="short",
                           format="#,##0", locale=lang)
    return localize_digits(text, lang)


def player_context(video: Video, lang: str, url) -> dict:
    """Everything video.html needs, for a page in ``lang``; ``url(site_path)`` makes a
    link relative to the page. Sizes are measured now, at build time."""
    from tools.wegwijs.render.ui_strings import language_info

    meta = video.meta()
    base = f"media/{video.id}/"
    titles = meta.get("title") or {}

    def file(path: Path, fmt: str) -> dict | None:
        if not path.exists():
            return None
        rel = path.relative_to(video.folder).as_posix()
        return {"url": url(base + rel), "format": fmt,
                "size": format_size(path.stat().st_size, lang),
                "name": f"{video.id}-{rel.replace('/', '-')}"}

    entries = []
    for code in video.languages:
        info = language_info(code)
        entries.append({
            "code": code, "name": info.name, "dir": info.direction,
            "video": file(video.video(code), "MP4"),
            "audio": file(video.audio(code), "M4A"),
            "subtitles": file(video.subtitles(code), "WebVTT"),
            "descriptions": file(video.descriptions(code), "WebVTT"),
        })
    poster = video.poster
    webp = video.webp_poster if poster and video.webp_poster.exists() else None
    return {
        "id": video.id,
        "lang": lang,
        "dir": language_info(lang).direction,
        "title": titles.get(lang) or titles.get(video.languages[0]) or video.id,
        "title_lang": lang if titles.get(lang) else video.languages[0],
        # The WebP poster where there is one; player.js shows the JPEG/PNG instead in a
        # browser without WebP.
        "poster": url(base + (webp or poster).name) if poster else None,
        "poster_fallback": url(base + poster.name) if webp else None,
        "width": meta.get("width", 426),
        "height": meta.get("height", 240),
        "default_audio": video.languages[0],  # what plays without JavaScript: the Dutch original
        "languages": entries,
    }


# --------------------------------------------------------------------------- muxing


def mux_language(original: Path, audio: Path, out: Path, lang: str) -> None:
    """Copy the H.264 stream of the Dutch original and add this language's audio
    (no re-encoding: fast, lossless, same frames in every language)."""
    ffmpeg = shutil.which("ffmpeg")
    if not ffmpeg:
        raise RuntimeError("ffmpeg is not installed: run `sh tools/dev/install-system-deps.sh`")
    out.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [ffmpeg, "-y", "-v", "error", "-i", str(original), "-i", str(audio),
         "-map", "0:v:0", "-map", "1:a:0", "-c", "copy", "-map_metadata", "-1",
         "-fflags", "+bitexact", "-metadata:s:a:0", f"language={ISO639_2.get(lang, 'und')}",
         "-movflags", "+faststart", str(out)], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"ffmpeg could not mux {out}: {result.stderr[-1000:]}")


def make_webp(source: Path, out: Path) -> None:
    """``out``: the poster ``source`` (JPEG/PNG) as WebP, with ffmpeg's libwebp; no metadata,
    the same bytes for the same input."""
    ffmpeg = shutil.which("ffmpeg")
    if not ffmpeg:
        raise RuntimeError("ffmpeg is not installed: run `sh tools/dev/install-system-deps.sh`")
    result = subprocess.run(
        [ffmpeg, "-y", "-v", "error", "-i", str(source), "-frames:v", "1", "-c:v", "libwebp",
         "-quality", str(WEBP_QUALITY), "-compression_level", "6", "-map_metadata", "-1",
         "-fflags", "+bitexact", "-f", "webp", str(out)], capture_output=True, text=True)
    if result.returncode != 0 or not out.exists():
        raise RuntimeError(f"ffmpeg could not make {out.name}: {result.stderr[-1000:]}")


def make_posters(project) -> list[F.Finding]:
    """Make poster.webp from the poster of every video (again, so a replaced JPEG is
    followed). The files land in media/ and are meant to be committed: the build never
    runs ffmpeg."""
    out = []
    for video in project_videos(project).values():
        if video.poster is None:
            continue  # the check reports the missing poster (media-poster)
        try:
            make_webp(video.poster, video.webp_poster)
        except RuntimeError as exc:
            out.append(F.error(display_path(video.webp_poster, project.root), str(exc),
                               "media-poster-webp"))
    return out


def mux_missing(project, only_missing: bool = False) -> list[F.Finding]:
    """Make video/<lang>.mp4 where it is missing (or, unless only_missing, older than
    its inputs). The outputs land in media/ and are meant to be committed: a cache
    that spares every later build (and CI) from needing ffmpeg."""
    out = []
    root = project.root
    for video in project_videos(project).values():
        original = video.video(video.languages[0])
        if not original.exists():
            if only_missing:  # the build leaves incomplete folders to the media check
                continue
            out.append(F.error(display_path(original, root), "missing: the Dutch original "
                               "is needed to make the other languages", "media-video"))
            continue
        for lang in video.languages[1:]:
            target, audio = video.video(lang), video.audio(lang)
            if not audio.exists():
                continue
            if target.exists() and (only_missing or target.stat().st_mtime >= max(
                    original.stat().st_mtime, audio.stat().st_mtime)):
                continue
            try:
                mux_language(original, audio, target, lang)
            except RuntimeError as exc:
                out.append(F.error(display_path(target, root), str(exc), "media-video"))
    return out


# --------------------------------------------------------------------------- CLI


def register(sub) -> None:
    from tools.wegwijs.cli import add_format_option

    parser = sub.add_parser("media", help="check the videos in media/ (subtitles, audio, "
                            "descriptions, durations, posters)")
    parser.add_argument("--mux", action="store_true",
                        help="first make missing per-language MP4s with ffmpeg")
    parser.add_argument("--posters", action="store_true",
                        help="first make poster.webp from each video's poster with ffmpeg")
    add_format_option(parser)

    def run(args):
        made = mux_missing(args.project) if args.mux else []
        if args.posters:
            made += make_posters(args.project)
        return made + check(args.project)

    parser.set_defaults(func=run)
