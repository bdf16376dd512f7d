"""Make the sample videos in media/<id>/ from media/<id>/script.yml (ffmpeg + espeak-ng).

Usage: ``.venv/bin/python -m tools.dev.make_sample_media [ID ...] [--media DIR]``
(no ID: every folder in media/ that has a script.yml).

From one script it writes, for every language (nl, en, ar, ti, fa):

- ``audio/<lang>.m4a``: the voice-over (espeak-ng), AAC mono 24 kb/s, exactly as long
  as the video (every language is padded with silence to the same timeline);
- ``subtitles/<lang>.vtt``: one cue per spoken line, the SAME cue timings in every
  language (the timeline is shared), Dutch captions name the speaker when it changes
  and the sounds (``[muziek]``);
- ``descriptions/<lang>.vtt``: audio description (WebVTT ``descriptions``): what is
  on screen, per slide;
- ``video/<lang>.mp4``: the slides (H.264) with that language's audio. ``nl.mp4`` is
  the Dutch original; the others copy its video stream (``-c:v copy``, see
  ``tools.wegwijs.sources.media.mux_language``);
- ``poster.jpg``, ``poster.webp`` and ``video.yml`` (title per language, duration, thema, fase).

Why the outputs are committed: the site builds and its tests run without ffmpeg or
espeak-ng, and the files stay small (tiny frame, 5 fps still slides, low-bitrate mono
AAC: all media together well under 5 MB). Reproducible: no timestamps or encoder
metadata in the files, single-threaded encoding, deterministic synthesis.

Voices: espeak-ng has no Tigrinya voice. A voice of another language (Amharic reads
Ge'ez script) would mislead a Tigrinya listener, so Tigrinya gets no voice-over:
``video.yml`` says ``voices: {ti: null}``, no ``audio/ti.m4a`` or ``video/ti.mp4`` is
made, the subtitles and audio description in Tigrinya are made as usual, and the
player tells Tigrinya readers that the spoken Tigrinya is not available yet. A real
production adds a recording by a Tigrinya speaker and names it in video.yml.
"""
from __future__ import annotations

import argparse
import array
import math
import shutil
import subprocess
import sys
import tempfile
import textwrap
import wave
from pathlib import Path

import yaml


from tools.wegwijs.project import CONFIG_NAME, DEFAULT_ROOT, Project  # noqa: E402
from tools.wegwijs.sources import content_model, media  # noqa: E402

RATE = 22050  # espeak-ng's native sample rate: no resampling needed
GAP = 0.4  # seconds of silence after each spoken line
TAIL = 1.0  # seconds of silence at the end
WIDTH, HEIGHT, FPS = 426, 240, 5
BACKGROUND = "0x1f4e79"
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu",)  # Debian package fonts-dejavu-core
# espeak-ng voices per language; see the module docstring for Tigrinya.
VOICES = {"nl": "nl", "en": "en-gb", "ar": "ar", "fa": "fa"}  # no Tigrinya voice: none
VARIANTS = {"male": "", "female": "+f3"}
SPEED = 160  # words per minute: a little slower than espeak's 175, easier to follow
SCREEN_PREFIX = {  # audio description of a slide: "<prefix> <text on screen>"
    "nl": "Tekst in beeld:", "en": "Text on screen:", "ar": "النص على الشاشة:",
    "ti": "ጽሑፍ ኣብ ስክሪን፦", "fa": "متن روی صفحه:",
}
MUSIC_PREFIX = {  # the title slide, while the tune plays
    "nl": "Blauw beeld met de titel:", "en": "Blue screen with the title:",
    "ar": "شاشة زرقاء عليها العنوان:", "ti": "ሰማያዊ ስክሪን ምስ ኣርእስቲ፦",
    "fa": "صفحه آبی با عنوان:",
}


class ScriptError(Exception):
    pass


def need(tool: str) -> str:
    path = shutil.which(tool)
    if not path:
        raise ScriptError(f"{tool} is not installed: run `sh tools/dev/install-system-deps.sh`")
    return path


def font(bold: bool = False) -> Path:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for directory in FONT_DIRS:
        if (Path(directory) / name).exists():
            return Path(directory) / name
    raise ScriptError(f"font {name} missing: install the Debian package fonts-dejavu-core")


def run(cmd: list[str]) -> None:
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        raise ScriptError(f"command failed: {' '.join(cmd)}\n{result.stderr[-2000:]}")


# --------------------------------------------------------------------------- audio


def synthesize(text: str, voice: str, work: Path) -> array.array:
    """16-bit mono samples at RATE of text spoken by espeak-ng."""
    src = work / "say.txt"
    out = work / "say.wav"
    src.write_text(text.replace("\n", " "), encoding="utf-8")
    run([need("espeak-ng"), "-v", voice, "-s", str(SPEED), "-f", str(src), "-w", str(out)])
    with wave.open(str(out), "rb") as wav:
        if wav.getframerate() != RATE or wav.getnchannels() != 1 or wav.getsampwidth() != 2:
            raise ScriptError(f"espeak-ng voice {voice} gave {wav.getframerate()} Hz "
                              f"{wav.getnchannels()} ch: expected {RATE} Hz mono")
        samples = array.array("h")
        samples.frombytes(wav.readframes(wav.getnframes()))
    return samples


def tune(seconds: float) -> array.array:
    """A short, soft three-note tune (C5 E5 G5) with fades; silence after it."""
    samples = array.array("h", bytes(2 * round(seconds * RATE)))
    note = int(0.45 * RATE)
    for i, freq in enumerate((523.25, 659.25, 783.99)):
        start = i * int(0.5 * RATE)
        for n in range(note):
            envelope = min(1.0, n / 400) * (1 - n / note)
            samples[start + n] += int(6000 * envelope * math.sin(2 * math.pi * freq * n / RATE))
    return samples


def silence(seconds: float) -> array.array:
    return array.array("h", bytes(2 * round(seconds * RATE)))


def write_wav(path: Path, samples: array.array) -> None:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(samples.tobytes())


# --------------------------------------------------------------------------- script


def load_script(folder: Path, langs: tuple[str, ...]) -> dict:
    path = folder / "script.yml"
    try:
        script = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ScriptError(f"{path}: cannot read the script: {exc}") from exc
    for key in ("id", "title", "thema", "slides", "speakers"):
        if key not in script:
            raise ScriptError(f"{path}: '{key}' is missing")
    for lang in langs:
        if lang not in script["title"]:
            raise ScriptError(f"{path}: title has no '{lang}' text")
    return script


def wrap(text: str, lang: str) -> list[str]:
    """Subtitle lines of at most ~42 characters; RTL lines get U+200F when needed."""
    lines = []
    for part in text.split("\n"):
        lines.extend(textwrap.wrap(part, 42, break_on_hyphens=False) or [""])
    if media.is_rtl(lang):
        lines = [media.rtl_fix(line) for line in lines]
    return lines


def join_lines(text: str) -> str:
    """Slide lines as one sentence for the description: 'Huur\nGas' -> 'Huur. Gas',
    'Verhuizen en\nomgaan' -> 'Verhuizen en omgaan'."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    out = lines[0] if lines else ""
    for line in lines[1:]:
        out += " " if out[-1] in ".?!:" or not line[0].isupper() else ". "
        out += line
    return out


def timestamp(seconds: float) -> str:
    ms = round(seconds * 1000)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def write_vtt(path: Path, cues: list[tuple[float, float, list[str]]], note: str) -> None:
    out = ["WEBVTT", "", f"NOTE {note}", ""]
    for i, (start, end, lines) in enumerate(cues, 1):
        out += [str(i), f"{timestamp(start)} --> {timestamp(end)}", *lines, ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out), encoding="utf-8")


# --------------------------------------------------------------------------- video


def slide_filters(slides: list[tuple[float, float, str]], work: Path) -> str:
    """drawtext filters: each slide's lines centred, a footer on every slide."""
    filters = [f"drawbox=x=0:y=ih-28:w=iw:h=28:color=0x163a5c:t=fill"]
    footer = work / "footer.txt"
    footer.write_text("Wegwijs in Hilversum", encoding="utf-8")
    filters.append(f"drawtext=fontfile={font()}:textfile={footer}:expansion=none:"
                   f"fontcolor=white:fontsize=13:x=10:y=h-21")
    for n, (start, end, text) in enumerate(slides):
        lines = text.split("\n")
        size, step = 26, 36
        top = (HEIGHT - 28 - step * len(lines)) / 2
        for i, line in enumerate(lines):
            f = work / f"slide{n}-{i}.txt"
            f.write_text(line, encoding="utf-8")
            filters.append(
                f"drawtext=fontfile={font(bold=True)}:textfile={f}:expansion=none:"
                f"fontcolor=white:fontsize={size}:x=(w-text_w)/2:y={top + i * step + 6:.0f}:"
                f"enable='between(t,{start:.3f},{end - 0.001:.3f})'")
    return ",".join(filters)


def make(folder: Path, langs: tuple[str, ...]) -> dict:
    """Render one video folder from its script.yml in every language of langs."""
    script = load_script(folder, langs)
    speakers = script["speakers"]
    with tempfile.TemporaryDirectory(prefix="wegwijs-media-") as tmp:
        work = Path(tmp)
        tracks = {lang: array.array("h") for lang in langs}
        voiced = [lang for lang in langs if VOICES.get(lang)]
        subtitles = {lang: [] for lang in langs}
        descriptions = {lang: [] for lang in langs}
        slides = []
        t = 0.0
        last_speaker = None
        for index, slide in enumerate(script["slides"]):
            slide_start = t
            if slide.get("sound") == "music":
                seconds = float(slide.get("seconds", 2.5))
                for lang in langs:
                    tracks[lang].extend(tune(seconds))
                    subtitles[lang].append((t, t + seconds - 0.2, wrap(slide["caption"][lang], lang)))
                t += seconds
            for line in slide.get("say", []):
                speaker = speakers[line["speaker"]]
                spoken = {}
                for lang in voiced:
                    voice = VOICES[lang] + VARIANTS[speaker.get("voice", "male")]
                    spoken[lang] = synthesize(line["text"][lang], voice, work)
                for lang in langs:  # no voice: silence as long as the others speak
                    spoken.setdefault(lang, array.array("h"))
                length = max(len(s) for s in spoken.values()) / RATE
                # Round the cue to whole milliseconds so every language shares it exactly.
                length = math.ceil(length * 1000) / 1000
                for lang in langs:
                    pad = round((length + GAP) * RATE) - len(spoken[lang])
                    tracks[lang].extend(spoken[lang])
                    tracks[lang].extend(array.array("h", bytes(2 * pad)))
                    text = line["text"][lang]
                    if line["speaker"] != last_speaker:  # WCAG 1.2.2: name who speaks
                        text = f"{speaker['label'][lang]}: {text}"
                    subtitles[lang].append((t, t + length, wrap(text, lang)))
                last_speaker = line["speaker"]
                t = len(tracks[langs[0]]) / RATE
            if index == len(script["slides"]) - 1:
                for lang in langs:
                    tracks[lang].extend(silence(TAIL))
                t = len(tracks[langs[0]]) / RATE
            for lang in langs:
                prefix = (MUSIC_PREFIX if slide.get("sound") == "music" else SCREEN_PREFIX)[lang]
                screen = join_lines(slide["screen"][lang])
                descriptions[lang].append((slide_start, min(t, slide_start + 4.0),
                                           wrap(f"{prefix} {screen}", lang)))
            slides.append((slide_start, t, slide["screen"]["nl"]))
        duration = len(tracks[langs[0]]) / RATE

        note = f"Generated by tools/dev/make_sample_media.py from media/{script['id']}/script.yml"
        for lang in langs:
            write_vtt(folder / "subtitles" / f"{lang}.vtt", subtitles[lang], note)
            write_vtt(folder / "descriptions" / f"{lang}.vtt", descriptions[lang], note)
            if lang not in voiced:  # never a voice of another language
                for stale in (folder / "audio" / f"{lang}.m4a", folder / "video" / f"{lang}.mp4"):
                    stale.unlink(missing_ok=True)
                continue
            wav = work / f"{lang}.wav"
            write_wav(wav, tracks[lang])
            (folder / "audio").mkdir(exist_ok=True)
            run([need("ffmpeg"), "-y", "-v", "error", "-i", str(wav), "-c:a", "aac", "-b:a", "24k",
                 "-ac", "1", "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:a", "+bitexact",
                 "-metadata:s:a:0", f"language={media.ISO639_2[lang]}", "-movflags", "+faststart",
                 str(folder / "audio" / f"{lang}.m4a")])

        silent = work / "slides.mp4"
        run([need("ffmpeg"), "-y", "-v", "error", "-f", "lavfi",
             "-i", f"color=c={BACKGROUND}:s={WIDTH}x{HEIGHT}:r={FPS}:d={duration:.3f}",
             "-vf", slide_filters(slides, work) + ",format=yuv420p",
             "-c:v", "libx264", "-preset", "veryslow", "-tune", "stillimage", "-crf", "30",
             "-profile:v", "main", "-g", str(FPS * 2), "-threads", "1",
             "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact",
             "-movflags", "+faststart", str(silent)])
        (folder / "video").mkdir(exist_ok=True)
        # The Dutch original: slides + Dutch voice. Every other language copies its
        # video stream (the same function a content manager's real video goes through).
        original = folder / "video" / "nl.mp4"
        run([need("ffmpeg"), "-y", "-v", "error", "-i", str(silent),
             "-i", str(folder / "audio" / "nl.m4a"), "-map", "0:v:0", "-map", "1:a:0", "-c", "copy",
             "-map_metadata", "-1", "-fflags", "+bitexact", "-metadata:s:a:0", "language=dut",
             "-movflags", "+faststart", str(original)])
        for lang in voiced[1:]:
            media.mux_language(original, folder / "audio" / f"{lang}.m4a",
                               folder / "video" / f"{lang}.mp4", lang)
        run([need("ffmpeg"), "-y", "-v", "error", "-ss", "1", "-i", str(silent),
             "-frames:v", "1", "-q:v", "4", "-fflags", "+bitexact", str(folder / "poster.jpg")])
        media.make_webp(folder / "poster.jpg", folder / media.POSTER_WEBP)

    meta = {
        "id": script["id"],
        "title": {lang: script["title"][lang] for lang in langs},
        "thema": script["thema"],
        "fase": script.get("fase"),
        "duration": round(duration, 3),
        "poster": "poster.jpg",
        "voices": {lang: VOICES.get(lang) for lang in langs},
    }
    header = (f"# Generated by tools/dev/make_sample_media.py from script.yml: edit the script and\n"
              f"# regenerate. A real video needs the same fields (see tools/wegwijs/sources/media.py).\n")
    (folder / "video.yml").write_text(
        header + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*", help="video ids (folders in media/); default: all")
    parser.add_argument("--config", type=Path, default=DEFAULT_ROOT / CONFIG_NAME,
                        help="the site's mkdocs.yml (its languages; default: this checkout's)")
    parser.add_argument("--media", type=Path, help="media folder (default: media/ beside mkdocs.yml)")
    args = parser.parse_args(argv)
    project = Project.from_config_file(args.config)
    langs = content_model.load_model(project.config_file).languages
    args.media = args.media or project.media_dir
    ids = args.ids or sorted(p.parent.name for p in args.media.glob("*/script.yml"))
    try:
        for video_id in ids:
            folder = args.media / video_id
            if not (folder / "script.yml").exists():
                raise ScriptError(f"{folder}/script.yml: no such script")
            meta = make(folder, langs)
            print(f"{folder}: {meta['duration']:.1f} s")
    except ScriptError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
