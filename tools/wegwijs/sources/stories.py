"""Ervaringsverhalen: the ``verhaal`` page type, its consent record and what may be shown.

A story lives at ``docs/verhalen/<id>.md`` (translations ``<id>.<lang>.md``); the overview
is ``docs/verhalen/index.md``. The Dutch page records the storyteller's consent in front
matter (translations take it from the Dutch page and do not repeat it)::

    consent:
      given: 2026-11-20        # date of the signed form; not in the future
      by: klantmanager         # who recorded it: a role, never a name
      show:                    # what may be shown: all three, true or false
        first_name: false      # false: no 'name:' field, a title without a name
        photo: false           # false: no image in the page, no video with a face
        voice: true
      review: 2027-11-20       # optional: confirm consent again by then (warning after)
      withdrawn: 2026-12-01    # optional: consent withdrawn, the page leaves the site

A page with ``[[video:<id>]]`` needs the full transcript under a level-2 heading with
the fixed anchor ``{#transcript}`` (``## Wat Sara vertelt {#transcript}``).

``validate`` is called by the content model's scan (so the build stops on an error
with ``path:line: message``); ``published`` gives the pages the build may publish:
without withdrawn stories, and without the whole ``verhalen/`` folder while no story is
left (the menu then has no Verhalen section).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import yaml

from tools.wegwijs import findings as F
from tools.wegwijs.sources.media import VIDEO_LINE

TYPE = "verhaal"
FOLDER = "verhalen/"  # source path prefix of the overview and every story
OVERVIEW = FOLDER + "index.md"
SHOW_KEYS = ("first_name", "photo", "voice")
TRANSCRIPT_ID = "transcript"
TRANSCRIPT_MIN_WORDS = 80  # a transcript, not a summary: at least this many words ...
WORDS_PER_SECOND = 1.0  # ... and at least this many per second of video (speech is ~2)
IMAGE = re.compile(r"!\[[^\]]*\]\(|<img\b|<picture\b", re.I)
WORD = re.compile(r"\w+", re.U)


# --------------------------------------------------------------------------- reading


def is_story(page) -> bool:
    return page.meta.get("type") == TYPE


def _date(value) -> dt.date | None:
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None


def consent(page) -> dict:
    value = page.meta.get("consent")
    return value if isinstance(value, dict) else {}


def show(page) -> dict:
    value = consent(page).get("show")
    return value if isinstance(value, dict) else {}


def withdrawn(page) -> dt.date | None:
    """The date consent was withdrawn (a valid date), else None."""
    return _date(consent(page).get("withdrawn"))


# --------------------------------------------------------------------------- validation


def validate(pages: list, model, today: dt.date | None = None) -> list[F.Finding]:
    """Findings for every story page (and for pages in the wrong place), all languages."""
    today = today or dt.date.today()
    default = model.default_language
    dutch = {p.src: p for p in pages if p.lang == default}
    media_dir = Path(model.docs_dir).parent / "media"
    out: list[F.Finding] = []
    for page in pages:
        in_folder = page.src.startswith(FOLDER)
        if is_story(page) and not in_folder:
            out.append(F.error(page.rel, f"a '{TYPE}' page belongs in docs/{FOLDER}: move it there "
                               "(the Verhalen section is built from that folder)", "story-place",
                               line=page.line_of("type")))
        elif in_folder and page.src != OVERVIEW and not is_story(page) and "type" in page.meta:
            out.append(F.error(page.rel, f"only stories live in docs/{FOLDER}: give this page "
                               f"'type: {TYPE}' with a consent block, or move it", "story-place",
                               line=page.line_of("type")))
        if not is_story(page):
            continue
        if page.lang == default:
            out.extend(_consent_findings(page, today))
            record = page
        else:
            if "consent" in page.meta:
                out.append(F.error(page.rel, "consent is recorded once, in the Dutch page: delete "
                                   "the 'consent:' block from this translation", "story-consent",
                                   line=page.line_of("consent")))
            record = dutch.get(page.src, page)
        out.extend(_shown_findings(page, show(record)))
        out.extend(_transcript_findings(page, media_dir))
    return out


def _consent_findings(page, today: dt.date) -> list[F.Finding]:
    out: list[F.Finding] = []
    rule = "story-consent"
    if "consent" not in page.meta:
        return [F.error(page.rel, "a story needs the storyteller's consent: add a 'consent:' block "
                        "with given (date), by (your role) and show (first_name, photo, voice); "
                        "without a signed form, do not publish the story", rule, line=2)]
    record = page.meta["consent"]
    if not isinstance(record, dict):
        return [F.error(page.rel, "consent must be a block of 'key: value' lines: given, by, show "
                        "(see docs/handleiding/verhalen.md)", rule, line=page.line_of("consent"))]
    unknown = sorted(set(record) - {"given", "by", "show", "review", "withdrawn"})
    for key in unknown:
        out.append(F.error(page.rel, f"unknown key '{key}' in consent: use given, by, show, review "
                           "or withdrawn", rule, line=page.line_of("consent", str(key))))
    given = record.get("given")
    if given is None:
        out.append(F.error(page.rel, "consent needs 'given: YYYY-MM-DD', the date on the signed "
                           "consent form", rule, line=page.line_of("consent")))
    elif _date(given) is None:
        out.append(F.error(page.rel, f"consent 'given' must be a date written as YYYY-MM-DD, not "
                           f"'{given}'", rule, line=page.line_of("consent", "given")))
    elif given > today:
        out.append(F.error(page.rel, f"consent 'given' ({given}) is in the future: write the date "
                           "on the signed form", rule, line=page.line_of("consent", "given")))
    by = record.get("by")
    if not isinstance(by, str) or not by.strip():
        out.append(F.error(page.rel, "consent needs 'by:', the role of who recorded it (e.g. "
                           "'klantmanager statushouders'), not a person's name", rule,
                           line=page.line_of("consent", "by")))
    out.extend(_show_record_findings(page, record))
    for key in ("review", "withdrawn"):
        if key not in record:
            continue
        value = _date(record[key])
        line = page.line_of("consent", key)
        if value is None:
            out.append(F.error(page.rel, f"consent '{key}' must be a date written as YYYY-MM-DD, "
                               f"not '{record[key]}'", rule, line=line))
        elif key == "withdrawn" and value > today:
            out.append(F.error(page.rel, f"consent 'withdrawn' ({value}) is in the future: write "
                               "the date the storyteller withdrew consent", rule, line=line))
    gone = withdrawn(page)
    if gone is not None and gone <= today:
        videos = sorted({m["id"] for _n, line in page.markdown.prose()
                         if (m := VIDEO_LINE.match(line))})
        folders = "".join(f", media/{v}/" for v in videos)
        out.append(F.warning(page.rel, f"consent was withdrawn on {gone}: the build leaves this "
                             f"story out of the site; now delete this page, its translations"
                             f"{folders} (see docs/handleiding/verhalen.md#ingetrokken)",
                             "story-withdrawn", line=page.line_of("consent", "withdrawn")))
    review = _date(record.get("review"))
    if review is not None and review < today and gone is None:
        out.append(F.warning(page.rel, f"consent was to be confirmed again by {review}: ask the "
                             "storyteller, then set a new 'review:' date (or 'withdrawn:')",
                             "story-review", line=page.line_of("consent", "review")))
    return out


def _show_record_findings(page, record: dict) -> list[F.Finding]:
    rule = "story-consent"
    value = record.get("show")
    if not isinstance(value, dict):
        line = page.line_of("consent", "show")
        return [F.error(page.rel, "consent needs 'show:' with first_name, photo and voice, each "
                        "true or false: what the storyteller agreed may be shown", rule, line=line)]
    out = []
    for key in SHOW_KEYS:
        if not isinstance(value.get(key), bool):
            line = page.line_of("consent", "show", key)
            out.append(F.error(page.rel, f"consent show '{key}' must be true or false (what the "
                               "signed form says)", rule, line=line))
    for key in sorted(set(value) - set(SHOW_KEYS), key=str):
        out.append(F.error(page.rel, f"unknown key '{key}' in consent show: use first_name, photo "
                           "and voice", rule, line=page.line_of("consent", "show", str(key))))
    return out


def _shown_findings(page, allowed: dict) -> list[F.Finding]:
    """Only what the storyteller agreed to is on the page (any language)."""
    rule = "story-privacy"
    out: list[F.Finding] = []
    if allowed.get("first_name") is False and "name" in page.meta:
        out.append(F.error(page.rel, "the storyteller did not agree to show their first name "
                           "(consent show first_name: false): delete 'name:' and use a title "
                           "without a name, e.g. 'Verhaal van een vader uit Eritrea'", rule,
                           line=page.line_of("name")))
    for key in ("image", "photo"):
        if allowed.get("photo") is False and key in page.meta:
            out.append(F.error(page.rel, f"the storyteller did not agree to a photo (consent show "
                               f"photo: false): delete '{key}:'", rule, line=page.line_of(key)))
    videos = []
    for number, line in page.markdown.prose():
        if allowed.get("photo") is False and IMAGE.search(line):
            out.append(F.error(page.rel, "the storyteller did not agree to a photo (consent show "
                               "photo: false): remove this image", rule, line=number))
        if VIDEO_LINE.match(line):
            videos.append(number)
    if videos and allowed.get("photo") is False and allowed.get("voice") is False:
        out.append(F.error(page.rel, "a video shows the storyteller's face or voice, and consent "
                           "allows neither (show photo and voice: false): remove the video and "
                           "keep the written story", rule, line=videos[0]))
    return out


def _transcript_findings(page, media_dir: Path) -> list[F.Finding]:
    videos = [(n, m["id"]) for n, line in page.markdown.prose() if (m := VIDEO_LINE.match(line))]
    if not videos:
        return []
    rule = "story-transcript"
    headings = page.markdown.headings
    heading = next((h for h in headings if h.id == TRANSCRIPT_ID and h.explicit), None)
    if heading is None:
        return [F.error(page.rel, "a story with a video needs its full transcript under a heading "
                        f"with {{#{TRANSCRIPT_ID}}}, e.g. '## Wat Sara vertelt {{#{TRANSCRIPT_ID}}}' "
                        "(readers who cannot hear or play the video read it there)", rule,
                        line=videos[0][0])]
    if heading.level != 2:
        return [F.error(page.rel, f"make the transcript heading a level-2 heading ('## ... "
                        f"{{#{TRANSCRIPT_ID}}}')", rule, line=heading.line)]
    end = next((h.line for h in headings if h.line > heading.line and h.level <= 2), None)
    words = sum(len(WORD.findall(line)) for number, line in page.markdown.prose()
                if number > heading.line and (end is None or number < end))
    duration = max((_duration(media_dir, video_id) for _n, video_id in videos), default=0.0)
    needed = max(TRANSCRIPT_MIN_WORDS, int(duration * WORDS_PER_SECOND))
    if words < needed:
        return [F.error(page.rel, f"the transcript has {words} words; a full transcript of this "
                        f"video has at least {needed}: write down everything the storyteller says, "
                        "not a summary", rule, line=heading.line)]
    return []


def _duration(media_dir: Path, video_id: str) -> float:
    """The video's duration in seconds from media/<id>/video.yml (0 when unknown: the media
    check reports a missing or broken video)."""
    try:
        data = yaml.safe_load((media_dir / video_id / "video.yml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return 0.0
    value = data.get("duration") if isinstance(data, dict) else None
    return float(value) if isinstance(value, (int, float)) else 0.0


# --------------------------------------------------------------------------- publishing


def left_out(pages: list, model) -> dict[str, str]:
    """Source paths the build leaves out (every language), with the reason: withdrawn
    stories, and the whole folder while no story is left to show."""
    default = model.default_language
    stories = [p for p in pages if p.lang == default and is_story(p)]
    out = {p.src: f"consent withdrawn on {withdrawn(p)}" for p in stories if withdrawn(p)}
    if len(out) == len(stories):
        for page in pages:
            if page.src.startswith(FOLDER) and page.src not in out:
                out[page.src] = "no story to show yet"
    return out


def published(site):
    """(the site as the build publishes it, {left-out source path: reason}): the same
    ``content_model.Site`` without the pages ``left_out`` names (a new object; the
    scanned site is shared and stays as it is)."""
    gone = left_out(site.pages, site.model)
    if not gone:
        return site, gone
    return dataclasses.replace(site, pages=[p for p in site.pages if p.src not in gone]), gone


def live_stories(pages: list, model) -> list:
    """The Dutch story pages the site shows, in menu order."""
    default = model.default_language
    gone = left_out(pages, model)
    found = [p for p in pages if p.lang == default and is_story(p) and p.src not in gone]
    return sorted(found, key=lambda p: (p.meta.get("order") if isinstance(
        p.meta.get("order"), (int, float)) else 9999, p.src))
