"""Validation of ervaringsverhalen (tools/wegwijs/sources/stories.py): consent, what may
be shown, the transcript, and which pages the build leaves out. Fixture stories only."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import make_fixture_site
from tools.wegwijs.sources import content_model, stories

HOME = "---\nid: home\ntype: home\norder: 0\n---\n\n# Thuis\n\nWelkom.\n"
OVERVIEW = "---\nid: verhalen\ntype: overzicht\norder: 6\n---\n\n# Verhalen\n\nTekst.\n"
CONSENT = """consent:
  given: 2026-01-15
  by: testrol
  show:
    first_name: true
    photo: false
    voice: true
"""
TRANSCRIPT = " ".join(["Dit is een testzin van een verzonnen testverhaal."] * 40)  # 320 words


def story(consent: str = CONSENT, extra: str = "", body: str = "Tekst van de test.\n") -> str:
    return (f"---\nid: verhaal-test\ntype: verhaal\norder: 1\ntitle: Testverhaal\n{extra}"
            f"{consent}---\n\n# Testverhaal\n\n{body}")


def scan(tmp_path, pages: dict):
    config = make_fixture_site(tmp_path, {"index.md": HOME, "verhalen/index.md": OVERVIEW, **pages})
    content_model.load_model.cache_clear()
    return content_model.scan(content_model.load_model(config), root=tmp_path)


def story_findings(tmp_path, pages: dict) -> list:
    return [f for f in scan(tmp_path, pages).findings if f.rule.startswith("story-")]


def only(findings, rule):
    matching = [f for f in findings if f.rule == rule]
    assert len(matching) == 1, [f.format() for f in findings]
    return matching[0]


def test_valid_story_has_no_findings(tmp_path):
    body = f"[[video:regeldag]]\n\n## Wat Sara vertelt {{#transcript}}\n\n{TRANSCRIPT}\n"
    assert story_findings(tmp_path, {"verhalen/sara.md": story(extra="name: Sara\n",
                                                               body=body)}) == []


def test_story_without_consent_is_an_error_at_line_2(tmp_path):
    finding = only(story_findings(tmp_path, {"verhalen/x.md": story(consent="")}), "story-consent")
    assert (finding.path, finding.line, finding.severity) == ("docs/verhalen/x.md", 2, "error")
    assert "consent" in finding.message


@pytest.mark.parametrize("given,line,words", [
    ("gisteren", 7, "must be a date"),
    ("2099-01-01", 7, "in the future"),
    ("'2026-01-15'", 7, "must be a date"),  # quoted: text, not a date
])
def test_malformed_or_future_given_names_its_line(tmp_path, given, line, words):
    page = story(consent=CONSENT.replace("given: 2026-01-15", f"given: {given}"))
    finding = only(story_findings(tmp_path, {"verhalen/x.md": page}), "story-consent")
    assert finding.line == line and words in finding.message


def test_consent_needs_by_and_every_show_key(tmp_path):
    page = story(consent=CONSENT.replace("  by: testrol\n", "").replace("    voice: true\n", ""))
    findings = [f for f in story_findings(tmp_path, {"verhalen/x.md": page})
                if f.rule == "story-consent"]
    messages = " | ".join(f.message for f in findings)
    assert len(findings) == 2 and "'by:'" in messages and "'voice'" in messages
    voice = next(f for f in findings if "'voice'" in f.message)
    assert voice.line == 8  # the 'show:' line (consent at 6, given 7, show 8)


def test_consent_that_is_not_a_block(tmp_path):
    finding = only(story_findings(tmp_path, {"verhalen/x.md": story(consent="consent: ja\n")}),
                   "story-consent")
    assert finding.line == 6 and "block" in finding.message


def test_name_without_consent_for_first_name_is_a_privacy_error(tmp_path):
    page = story(consent=CONSENT.replace("first_name: true", "first_name: false"),
                 extra="name: Sara\n")
    finding = only(story_findings(tmp_path, {"verhalen/x.md": page}), "story-privacy")
    assert finding.line == 6 and "name" in finding.message


def test_image_without_consent_for_photo_names_the_image_line(tmp_path):
    page = story(body="Tekst.\n\n![Sara in de tuin](sara.jpg)\n")
    finding = only(story_findings(tmp_path, {"verhalen/x.md": page}), "story-privacy")
    assert finding.line == 19 and "photo" in finding.message


def test_video_needs_consent_for_face_or_voice(tmp_path):
    consent = CONSENT.replace("voice: true", "voice: false")
    body = f"[[video:regeldag]]\n\n## Wat Sara vertelt {{#transcript}}\n\n{TRANSCRIPT}\n"
    finding = only(story_findings(tmp_path, {"verhalen/x.md": story(consent=consent, body=body)}),
                   "story-privacy")
    assert finding.line == 17 and "video" in finding.message


def test_video_without_transcript_section(tmp_path):
    page = story(body="[[video:regeldag]]\n\n## Wat Sara vertelt\n\nKort.\n")
    finding = only(story_findings(tmp_path, {"verhalen/x.md": page}), "story-transcript")
    assert finding.line == 17 and "{#transcript}" in finding.message


def test_transcript_too_short_gives_the_counts(tmp_path):
    page = story(body="[[video:regeldag]]\n\n## Wat Sara vertelt {#transcript}\n\nEen korte "
                      "samenvatting van het verhaal.\n\n## Meer\n\n" + TRANSCRIPT + "\n")
    finding = only(story_findings(tmp_path, {"verhalen/x.md": page}), "story-transcript")
    assert finding.line == 19 and "has 6 words" in finding.message
    assert f"at least {stories.TRANSCRIPT_MIN_WORDS}" in finding.message


def test_transcript_length_follows_the_video_duration(tmp_path):
    media = tmp_path / "media" / "lang"
    media.mkdir(parents=True)
    (media / "video.yml").write_text("duration: 600\n", encoding="utf-8")
    page = story(body=f"[[video:lang]]\n\n## Wat Sara vertelt {{#transcript}}\n\n{TRANSCRIPT}\n")
    directory = tmp_path / "site"
    directory.mkdir()
    (directory / "media").symlink_to(tmp_path / "media", target_is_directory=True)
    finding = only(story_findings(directory, {"verhalen/x.md": page}), "story-transcript")
    assert "has 320 words" in finding.message and "at least 600" in finding.message


def test_review_date_past_is_a_warning(tmp_path):
    page = story(consent=CONSENT + "  review: 2020-01-01\n")
    finding = only(story_findings(tmp_path, {"verhalen/x.md": page}), "story-review")
    assert finding.severity == "warning" and finding.line == 13


def test_withdrawn_must_be_a_past_date(tmp_path):
    page = story(consent=CONSENT + "  withdrawn: 2099-01-01\n")
    finding = only(story_findings(tmp_path, {"verhalen/x.md": page}), "story-consent")
    assert finding.line == 13 and "withdrawn" in finding.message


def test_translation_takes_consent_from_the_dutch_page(tmp_path):
    dutch = story(consent=CONSENT.replace("first_name: true", "first_name: false"))
    english = story(consent=CONSENT, extra="name: Sara\n")
    findings = story_findings(tmp_path, {"verhalen/x.md": dutch, "verhalen/x.en.md": english})
    assert {(f.path, f.rule) for f in findings} == {("docs/verhalen/x.en.md", "story-consent"),
                                                   ("docs/verhalen/x.en.md", "story-privacy")}
    plain = story(consent="")  # without consent: fine, the Dutch page has it
    assert story_findings(tmp_path / "b", {"verhalen/x.md": dutch, "verhalen/x.en.md": plain}) == []


def test_stories_live_in_the_verhalen_folder(tmp_path):
    other = "---\nid: los\ntype: pagina\norder: 2\n---\n\n# Los\n\nTekst.\n"
    findings = story_findings(tmp_path, {"thema/x.md": story(), "verhalen/los.md": other})
    assert sorted((f.path, f.rule) for f in findings) == [
        ("docs/thema/x.md", "story-place"), ("docs/verhalen/los.md", "story-place")]


def test_left_out_without_stories_is_the_whole_folder(tmp_path):
    site = scan(tmp_path, {"verhalen/index.en.md": OVERVIEW})
    assert stories.left_out(site.pages, site.model) == {"verhalen/index.md": "no story to show yet"}


def test_left_out_keeps_live_stories_and_drops_withdrawn_ones(tmp_path):
    withdrawn = story(consent=CONSENT + "  withdrawn: 2026-02-01\n")
    live = story().replace("id: verhaal-test", "id: verhaal-twee")
    site = scan(tmp_path, {"verhalen/weg.md": withdrawn, "verhalen/twee.md": live})
    assert stories.left_out(site.pages, site.model) == {
        "verhalen/weg.md": "consent withdrawn on 2026-02-01"}
    assert [p.src for p in stories.live_stories(site.pages, site.model)] == ["verhalen/twee.md"]


def test_validate_uses_the_given_day(tmp_path):
    site = scan(tmp_path, {"verhalen/x.md": story()})
    early = stories.validate(site.pages, site.model, today=dt.date(2026, 1, 1))
    assert [f.rule for f in early] == ["story-consent"]  # given 2026-01-15 is after that day


def test_withdrawn_story_still_in_docs_is_a_warning_naming_its_files(tmp_path):
    body = f"[[video:regeldag]]\n\n## Wat Sara vertelt {{#transcript}}\n\n{TRANSCRIPT}\n"
    page = story(consent=CONSENT + "  withdrawn: 2026-02-01\n", body=body)
    finding = only(story_findings(tmp_path, {"verhalen/x.md": page}), "story-withdrawn")
    assert finding.severity == "warning" and finding.line == 13
    assert "2026-02-01" in finding.message and "media/regeldag/" in finding.message
