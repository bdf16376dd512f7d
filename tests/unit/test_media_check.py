"""``python -m tools media``: a complete video passes; broken copies of it (in tmp_path)
give findings that name the file, the line and the rule."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import PROJECT, site_languages
from tools.wegwijs import cli
from tools.wegwijs.project import Project
from tools.wegwijs.sources import content_model, media

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "media" / "regeldag"
OTHER = ROOT / "media" / "verhuizen-en-geld"


def require_programs(*names: str) -> None:
    """Fail (not skip) when a program the test needs is missing: `make test` installs them."""
    missing = [n for n in names if not shutil.which(n)]
    if missing:
        pytest.fail(f"{', '.join(missing)} not installed: run `make system-deps` "
                    "(tools/dev/install-system-deps.sh)")


@pytest.fixture
def repo(tmp_path) -> Path:
    """A tiny project: mkdocs.yml, media/regeldag/ (copy of the real one) and a page using it."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(SAMPLE, tmp_path / "media" / "regeldag")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "pagina.md").write_text("---\nid: pagina\ntype: pagina\norder: 1\n---\n# Pagina\n\n"
                                    "[[video:regeldag]]\n", encoding="utf-8")
    return tmp_path


def run_check(repo: Path) -> list[str]:
    return [f.format() for f in media.check(Project(repo))]


def errors(repo: Path) -> list[str]:
    return [line for line in run_check(repo) if "[error]" in line]


def vtt(repo: Path, lang: str, kind: str = "subtitles") -> Path:
    return repo / "media" / "regeldag" / kind / f"{lang}.vtt"


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_complete_sample_videos_pass():
    findings = media.check(PROJECT)
    assert [f.format() for f in findings if f.severity == "error"] == []
    assert set(media.project_videos(PROJECT)) >= {"regeldag", "verhuizen-en-geld"}


def test_cli_command_and_check_include_media(capsys):
    assert cli.run(["media"]) == 0
    from tools.wegwijs.checks import check

    assert ("media", "tools.wegwijs.sources.media:check") in check.CHECKS


def test_copy_of_sample_is_clean(repo):
    assert errors(repo) == []


def test_missing_subtitle_file_is_named(repo):
    vtt(repo, "ti").unlink()
    assert any(e.startswith("media/regeldag/subtitles/ti.vtt: [error] missing: every video needs subtitles")
               and "translate media/regeldag/subtitles/nl.vtt" in e and e.endswith("(media-subtitles)")
               for e in errors(repo)), errors(repo)


def test_missing_audio_description_and_audio(repo):
    vtt(repo, "fa", "descriptions").unlink()
    (repo / "media" / "regeldag" / "audio" / "ar.m4a").unlink()
    found = errors(repo)
    assert any(f.startswith("media/regeldag/descriptions/fa.vtt: [error] missing: every video needs audio descriptions")
               and f.endswith("(media-descriptions)") for f in found), found
    assert any(f.startswith("media/regeldag/audio/ar.m4a: [error] missing") and "(media-audio)" in f
               for f in found)


def test_unknown_video_reference_names_page_and_line(repo):
    (repo / "docs" / "pagina.md").write_text(
        "---\nid: pagina\ntype: pagina\norder: 1\n---\n\n```\n[[video:voorbeeld]]\n```\n\n"
        "[[video:bestaat-niet]]\n", encoding="utf-8")
    found = errors(repo)
    assert len(found) == 1, found  # the example inside the code block is not a reference
    assert found[0].startswith("docs/pagina.md:11: [error] video 'bestaat-niet' does not exist")
    assert found[0].endswith("(media-reference)")


@pytest.mark.parametrize("bad, message", [
    ("00:00:02.500 --> 00:00:09", "malformed timestamp"),
    ("-00:00:02.500 --> 00:00:09.000", "malformed timestamp"),
    ("00:00:62.500 --> 00:00:63.000", "malformed timestamp"),
    ("00:00:02,500 --> 00:00:09.000", "malformed timestamp"),
])
def test_malformed_or_negative_timestamps(repo, bad, message):
    path = vtt(repo, "en")
    text = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(text) if line.startswith("00:00:02.500 -->"))
    text[index] = bad
    path.write_text("\n".join(text), encoding="utf-8")
    found = [f for f in errors(repo) if f.startswith("media/regeldag/subtitles/en.vtt")]
    assert any(f"en.vtt:{index + 1}: [error] {message}" in f and "(media-vtt)" in f for f in found), found


def test_missing_header_and_webvtt_py_strict_errors(repo):
    replace_in(vtt(repo, "nl"), "WEBVTT", "WEBVTX")
    found = errors(repo)
    assert any(f.startswith("media/regeldag/subtitles/nl.vtt:1: [error]") and "(media-vtt)" in f
               for f in found), found


def test_cue_order_end_before_start_and_beyond_duration(repo):
    path = vtt(repo, "nl", "descriptions")
    lines = path.read_text(encoding="utf-8").splitlines()
    timings = [i for i, line in enumerate(lines) if "-->" in line]
    lines[timings[2]] = "00:00:01.000 --> 00:00:00.500"  # before the previous cue, ends first
    lines[timings[-1]] = "00:00:30.000 --> 00:09:00.000"  # far past the end of the video
    path.write_text("\n".join(lines), encoding="utf-8")
    found = "\n".join(errors(repo))
    rel = "media/regeldag/descriptions/nl.vtt"
    assert f"{rel}:{timings[2] + 1}: [error] cue ends before or when it starts" in found
    assert f"{rel}:{timings[2] + 1}: [error] cue starts before the previous one" in found
    assert f"{rel}:{timings[-1] + 1}: [error] cue ends at 540.000 s, after the end" in found


def test_translation_must_match_dutch_cue_count_and_timings(repo):
    path = vtt(repo, "fa")
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("00:00:02.500 -->"))
    lines[index] = lines[index].replace("00:00:02.500", "00:00:02.900")
    path.write_text("\n".join(lines), encoding="utf-8")
    found = errors(repo)
    assert any(f.startswith(f"media/regeldag/subtitles/fa.vtt:{index + 1}: [error] timing differs "
                            "from media/regeldag/subtitles/nl.vtt:") for f in found), found
    # A cue too many.
    path.write_text(path.read_text(encoding="utf-8") + "\n\n99\n00:00:34.000 --> 00:00:35.000\nاضافه\n",
                    encoding="utf-8")
    assert any("fa.vtt:1: [error] 7 cues, but media/regeldag/subtitles/nl.vtt has 6" in f
               for f in errors(repo)), errors(repo)


def test_rtl_line_starting_with_latin_needs_rlm(repo):
    path = vtt(repo, "ar")
    assert "\u200fBRP" in path.read_text(encoding="utf-8")  # the generator adds the mark
    replace_in(path, "\u200fBRP", "BRP")
    found = [f for f in errors(repo) if "(media-rtl)" in f]
    assert len(found) == 1 and found[0].startswith("media/regeldag/subtitles/ar.vtt:")
    assert "U+200F" in found[0]
    line_no = int(found[0].split(":")[1])
    assert path.read_text(encoding="utf-8").splitlines()[line_no - 1].startswith("BRP")


def test_dutch_captions_must_name_the_speaker(repo):
    replace_in(vtt(repo, "nl"), "Verteller: ", "")
    found = [f for f in errors(repo) if "(media-captions)" in f]
    assert len(found) == 1 and found[0].startswith("media/regeldag/subtitles/nl.vtt:")
    assert "who speaks" in found[0]


def test_captions_without_any_sound_get_a_warning(repo):
    replace_in(vtt(repo, "nl"), "[muziek]", "Verteller: Welkom.")
    warnings = [f for f in run_check(repo) if "[warning]" in f and "(media-captions)" in f]
    assert warnings and "[muziek]" in warnings[0]


def test_audio_of_wrong_length(repo):
    # The other sample video's audio is about 5 s longer than this video.
    shutil.copy(OTHER / "audio" / "en.m4a", repo / "media" / "regeldag" / "audio" / "en.m4a")
    found = [f for f in errors(repo) if f.startswith("media/regeldag/audio/en.m4a")]
    assert len(found) == 1 and "(media-audio)" in found[0] and "pad or trim" in found[0], found


def test_broken_media_file_is_reported_not_a_traceback(repo):
    (repo / "media" / "regeldag" / "video" / "en.mp4").write_bytes(b"not a video")
    found = [f for f in errors(repo) if f.startswith("media/regeldag/video/en.mp4")]
    assert found and "cannot read its duration" in found[0]


def test_pure_python_duration_reader_matches(monkeypatch):
    path = SAMPLE / "audio" / "nl.m4a"
    duration, _ = media.mp4_info(path)
    expected = media.Video("regeldag", SAMPLE, site_languages()).meta()["duration"]
    assert duration is not None and abs(duration - expected) < 0.2
    monkeypatch.setattr(media.shutil, "which", lambda name: None)  # no ffprobe
    assert media.probe_duration(path) == pytest.approx(duration)
    assert media.mp4_info(Path(__file__))[0] is None


def test_poster_missing_or_too_big(repo):
    folder = repo / "media" / "regeldag"
    (folder / "poster.jpg").write_bytes(b"\xff\xd8" + b"0" * 120_000)
    assert any(f.startswith("media/regeldag/poster.jpg: [error] 117 KB: a poster must be under 100 KB")
               for f in errors(repo)), errors(repo)
    (folder / "poster.jpg").unlink()
    assert any(f.startswith("media/regeldag/poster.jpg: [error] missing") and "(media-poster)" in f
               for f in errors(repo))


def test_metadata_needs_every_title_and_a_known_thema(repo):
    meta = repo / "media" / "regeldag" / "video.yml"
    text = meta.read_text(encoding="utf-8")
    text = "\n".join(line for line in text.splitlines() if not line.strip().startswith("ti:"))
    meta.write_text(text.replace("thema: wonen", "thema: onbekend"), encoding="utf-8")
    found = errors(repo)
    assert "media/regeldag/video.yml: [error] title has no 'ti' text (media-meta)" in found
    assert any("unknown thema 'onbekend'" in f for f in found)


def test_generator_makes_a_video_that_passes(tmp_path):
    require_programs("ffmpeg", "espeak-ng")
    from tools.dev import make_sample_media

    folder = tmp_path / "media" / "proef"
    folder.mkdir(parents=True)
    langs = site_languages()
    script = {
        "id": "proef", "thema": "geld", "fase": "verhuizen",
        "title": {l: f"Proef {l}" for l in langs},
        "speakers": {"verteller": {"voice": "male", "label": {l: "Verteller" for l in langs}}},
        "slides": [
            {"sound": "music", "seconds": 1.5, "caption": {l: "[muziek]" for l in langs},
             "screen": {l: "Proef" for l in langs}},
            {"screen": {l: "Geld" for l in langs},
             "say": [{"speaker": "verteller",
                      "text": {"nl": "Open elke brief.", "en": "Open every letter.",
                               "ar": "افتح كل رسالة.", "ti": "ነፍሲ ወከፍ ደብዳቤ ክፈቱ።",
                               "fa": "123 نامه را باز کنید."}}]},
        ],
    }
    import yaml

    (folder / "script.yml").write_text(yaml.safe_dump(script, allow_unicode=True), encoding="utf-8")
    assert make_sample_media.main(["proef", "--media", str(tmp_path / "media")]) == 0
    video = media.Video("proef", folder, langs)
    found = [f.format() for f in media.check_video(video, tmp_path, content_model.load_model(PROJECT.config_file))]
    assert [f for f in found if "[error]" in f] == []
    meta = video.meta()
    # No voice of another language: Tigrinya (no espeak-ng voice) gets no audio at all.
    assert meta["voices"]["ti"] is None
    assert not (folder / "audio" / "ti.m4a").exists() and not (folder / "video" / "ti.mp4").exists()
    assert (folder / "subtitles" / "ti.vtt").exists() and (folder / "descriptions" / "ti.vtt").exists()
    for lang in [l for l in langs if l != "ti"]:
        assert abs(media.probe_duration(folder / "audio" / f"{lang}.m4a") - meta["duration"]) < 1
    fa = (folder / "subtitles" / "fa.vtt").read_text(encoding="utf-8")
    # A right-to-left line that starts with Latin letters gets U+200F from the generator.
    assert "\u200fVerteller: 123" in fa
    # Reproducible: a second run writes the very same bytes.
    import hashlib

    def digests():
        return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(folder.rglob("*")) if p.is_file()}
    first = digests()
    assert make_sample_media.main(["proef", "--media", str(tmp_path / "media")]) == 0
    assert digests() == first


def test_mux_makes_a_missing_language_video_from_the_dutch_original(repo):
    require_programs("ffmpeg", "ffprobe")
    folder = repo / "media" / "regeldag"
    (folder / "video" / "en.mp4").unlink()
    assert "media/regeldag/video/en.mp4" in "\n".join(errors(repo))
    assert media.mux_missing(Project(repo)) == []
    assert errors(repo) == []
    # The picture is copied, not re-encoded: the same H.264 stream as the original.
    import subprocess

    def video_packets(path):
        return subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                               "packet=size", "-of", "csv=p=0", str(path)],
                              capture_output=True, text=True, check=True).stdout
    assert video_packets(folder / "video" / "en.mp4") == video_packets(folder / "video" / "nl.mp4")


def test_video_without_a_picture_stream_is_reported(repo):
    require_programs("ffprobe")
    folder = repo / "media" / "regeldag"
    shutil.copy(folder / "audio" / "en.m4a", folder / "video" / "en.mp4")  # sound only
    found = [f for f in errors(repo) if f.startswith("media/regeldag/video/en.mp4")]
    assert len(found) == 1 and "streams aac: expected h264 + aac" in found[0]
    assert found[0].endswith("(media-codec)")


def test_index_after_media_data_is_a_warning(tmp_path, repo):
    def box(kind: bytes, body: bytes = b"") -> bytes:
        return (8 + len(body)).to_bytes(4, "big") + kind + body

    late = tmp_path / "late.m4a"
    late.write_bytes(box(b"ftyp", b"M4A \0\0\0\0") + box(b"mdat", b"\0" * 32) + box(b"moov"))
    early = tmp_path / "early.m4a"
    early.write_bytes(box(b"ftyp", b"M4A \0\0\0\0") + box(b"moov") + box(b"mdat", b"\0" * 32))
    assert media.moov_first(late) is False and media.moov_first(early) is True
    assert all(media.moov_first(p) for p in media.Video("regeldag", SAMPLE, site_languages()).public_files()
               if p.suffix in (".mp4", ".m4a"))


def test_a_language_without_a_voice_needs_no_audio_but_must_not_have_one(repo):
    assert not [f for f in errors(repo) if "/ti." in f]  # voices: {ti: null} in video.yml
    (repo / "media" / "regeldag" / "audio" / "ti.m4a").write_bytes(
        (repo / "media" / "regeldag" / "audio" / "nl.m4a").read_bytes())
    found = [f for f in errors(repo) if f.startswith("media/regeldag/audio/ti.m4a")]
    assert found and "no voice-over in 'ti'" in found[0]
