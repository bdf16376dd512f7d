"""Ervaringsverhalen in a built site (tools/wegwijs/sources/stories.py, plugin/steps/stories.py).

A tiny fixture site with one fixture story (a test text, never a real person's story):
the Verhalen section appears with it; a withdrawn story is left out of the site and
the menu, and the build says so; a story without consent stops the build with
``path:line``. The real site has no story yet, so it has no Verhalen section at all.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import build_site, make_fixture_site

HOME = "---\nid: home\ntype: home\norder: 0\n---\n\n# Thuis\n\nWelkom.\n"
HOME_EN = "---\nid: home\ntype: home\norder: 0\n---\n\n# Home\n\nWelcome.\n"
OVERVIEW = ("---\nid: verhalen\ntype: overzicht\norder: 6\n---\n\n# Verhalen\n\n"
            "Hier vertellen mensen hun eigen verhaal.\n")
OVERVIEW_EN = ("---\nid: verhalen\ntype: overzicht\norder: 6\n---\n\n# Stories\n\n"
               "Here people tell their own story.\n")
# A fixture transcript: 330 words, long enough for the sample video (media/regeldag, 33 s).
TRANSCRIPT = " ".join(["Dit is een testzin van een verzonnen testverhaal voor de controle."] * 30)
STORY = f"""---
id: verhaal-test
type: verhaal
order: 1
title: Testverhaal van een vader
description: Een testverhaal voor de bouwtest.
consent:
  given: 2026-01-15
  by: testrol
  show:
    first_name: false
    photo: false
    voice: true
  review: 2099-01-01
---

# Testverhaal van een vader

[[video:regeldag]]

## Wat hij vertelt {{#transcript}}

{TRANSCRIPT}
"""
STORY_EN = STORY.replace("# Testverhaal van een vader", "# Test story of a father") \
    .replace("title: Testverhaal van een vader\n", "title: Test story of a father\n") \
    .replace("description: Een testverhaal voor de bouwtest.",
             "description: A test story for the build test.")
STORY_EN = STORY_EN.replace(STORY_EN[STORY_EN.index("consent:"):STORY_EN.index("---\n\n#")], "")


def _build(directory: Path, pages: dict):
    make_fixture_site(directory, {"index.md": HOME, "index.en.md": HOME_EN,
                                  "verhalen/index.md": OVERVIEW,
                                  "verhalen/index.en.md": OVERVIEW_EN, **pages})
    env = {f"WEGWIJS_BUILD_{lang.upper()}": "false" for lang in ("ar", "ti", "fa")}
    return build_site(directory, directory / "site", env=env)


@pytest.fixture(scope="module")
def story_site(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("story-site")
    result = _build(directory, {"verhalen/vader.md": STORY, "verhalen/vader.en.md": STORY_EN})
    assert result.returncode == 0, result.stdout + result.stderr
    return directory / "site"


def test_story_site_has_a_verhalen_section_listing_the_story(story_site):
    home = (story_site / "index.html").read_text(encoding="utf-8")
    assert 'href="verhalen/"' in home  # the menu has the section
    overview = (story_site / "verhalen" / "index.html").read_text(encoding="utf-8")
    assert "data-story-list" in overview
    assert 'href="vader/"' in overview and "Testverhaal van een vader" in overview
    english = (story_site / "en" / "verhalen" / "index.html").read_text(encoding="utf-8")
    assert "Stories" in english and "Test story of a father" in english
    story = (story_site / "verhalen" / "vader" / "index.html").read_text(encoding="utf-8")
    assert 'id="transcript"' in story and 'class="wegwijs-video"' in story


def test_withdrawn_story_is_left_out_of_site_and_menu(tmp_path):
    withdrawn = STORY.replace("  review: 2099-01-01\n", "  withdrawn: 2026-02-01\n")
    other = STORY.replace("id: verhaal-test", "id: verhaal-ander").replace(
        "Testverhaal van een vader", "Ander testverhaal")
    result = _build(tmp_path, {"verhalen/vader.md": withdrawn, "verhalen/vader.en.md": STORY_EN,
                               "verhalen/ander.md": other})
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    assert "docs/verhalen/vader.md is left out of the site (consent withdrawn on 2026-02-01)" \
        in result.stderr
    for lang in ("", "en/"):
        assert not (site / lang / "verhalen" / "vader").exists()
        assert (site / lang / "verhalen" / "ander" / "index.html").exists()
    assert not (site / "go" / "verhaal-test").exists()
    overview = (site / "verhalen" / "index.html").read_text(encoding="utf-8")
    assert "Ander testverhaal" in overview and "vader/" not in overview
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "verhalen/vader/" not in sitemap and "verhalen/ander/" in sitemap
    assert "verhaal-test" not in (site / "urls.txt").read_text(encoding="utf-8")


def test_only_withdrawn_stories_leave_no_section(tmp_path):
    withdrawn = STORY.replace("  review: 2099-01-01\n", "  withdrawn: 2026-02-01\n")
    result = _build(tmp_path, {"verhalen/vader.md": withdrawn})
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    assert not (site / "verhalen").exists() and not (site / "en" / "verhalen").exists()
    assert "verhalen/" not in (site / "index.html").read_text(encoding="utf-8")


def test_story_without_consent_stops_the_build_with_path_and_line(tmp_path):
    no_consent = STORY[:STORY.index("consent:")] + STORY[STORY.index("---\n\n#"):]
    result = _build(tmp_path, {"verhalen/vader.md": no_consent})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/verhalen/vader.md:2: [error] a story needs the storyteller's consent" in output
    assert "(story-consent)" in output and "Traceback" not in output


def test_real_site_has_no_verhalen_section_while_no_story_exists(built_site):
    from tests.conftest import PROJECT
    from tools.wegwijs.sources import content_model, stories
    site = content_model.project_site(PROJECT)
    assert stories.live_stories(site.pages, site.model) == [], \
        "a real story exists now: update this test to check its section instead"
    assert not (built_site / "verhalen").exists()
    for lang in ("en", "ar", "ti", "fa"):
        assert not (built_site / lang / "verhalen").exists()
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="verhalen/"' not in home
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert locations and not [u for u in locations if "/verhalen/" in u.replace(
        "/handleiding/verhalen/", "/handleiding/")]
    ids = [line.split()[-1] for line in (built_site / "urls.txt").read_text(
        encoding="utf-8").splitlines() if line.startswith("/")]
    assert "verhalen" not in ids and not [i for i in ids if i.startswith("verhaal-")]
