"""Language rules for the translated catalogue texts (data/<kind>.{ar,fa,ti}.yml): the
rules of the pages, reported with the YAML file's own line numbers (issue 17)."""
from __future__ import annotations

import textwrap
from pathlib import Path

from tests.conftest import PROJECT, make_fixture_site
from tools.wegwijs.checks import catalogue_language, check
from tools.wegwijs.project import Project
from tools.wegwijs.sources import catalogue as cat

PAGE = "---\ntitle: Wonen\n---\n\n# Wonen\n\nU zoekt een huis.\n"

TASKS_TI = """\
    # Tigrinya texts of data/tasks.yml
    translated_from: 0123456789ab
    tasks:
      fase-azc-bsn:
        title: ቁጽሪ BSN ይፈልጦ እየ።
      fase-azc-map:
        title: ፋይል ኣለኒ፡ ወረቓቕቲ ኣለኒ።
      fase-azc-digid:
        title: <bdi lang="nl">DigiD</bdi> ሓቲተ ኣለኹ።
      fase-azc-diplomas:
        title: |
          ዲፕሎማታተይ ኣኪበ ኣለኹ።
          ንስኻ ኣኪብካ.
"""

LINKS_FA = """\
    translated_from: 0123456789ab
    links:
      duo:
        title: <bdi lang="nl">DUO</bdi>
      uwv:
        title: UWV
"""

CONTACTS_AR = """\
    translated_from: 0123456789ab
    contacts:
      coa:
        name: <bdi lang="nl">COA</bdi>
        ask: أسئلة عن السكن
        hours: الاثنين ١٠ إلى 12:00
"""


def _site(tmp_path: Path, files: dict[str, str]) -> Project:
    config = make_fixture_site(tmp_path / "site", {"thema/wonen.md": PAGE})
    for name, text in files.items():
        (config.parent / "data" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return Project.from_config_file(config)


def _found(project: Project) -> set[tuple[str, int, str]]:
    return {(f.path, f.line, f.rule) for f in catalogue_language.check_all(project)}


def test_catalogue_texts_get_the_page_rules_with_their_yaml_lines(tmp_path):
    project = _site(tmp_path, {"tasks.ti.yml": TASKS_TI, "links.fa.yml": LINKS_FA,
                               "contacts.ar.yml": CONTACTS_AR})
    found = _found(project)
    mine = {f for f in found if f[0] in ("data/tasks.ti.yml", "data/links.fa.yml",
                                         "data/contacts.ar.yml")}
    assert mine == {
        ("data/tasks.ti.yml", 5, "script-latin"),  # BSN outside <bdi>
        ("data/tasks.ti.yml", 5, "script-share"),  # 3 of 12 letters are Latin
        ("data/tasks.ti.yml", 7, "script-punctuation"),  # ፡ used as a comma
        ("data/tasks.ti.yml", 13, "polite-address"),  # ንስኻ: 2nd line of the block scalar
        ("data/tasks.ti.yml", 13, "script-punctuation"),  # '.' for ።
        ("data/links.fa.yml", 6, "script-latin"),  # a bare Dutch name
        ("data/links.fa.yml", 6, "script-share"),
        ("data/contacts.ar.yml", 6, "script-digits"),  # Eastern Arabic digits
        ("data/contacts.ar.yml", 6, "script-time"),  # time outside <bdi dir="ltr">
    }
    # A text that is only a Dutch name in <bdi> (links.fa.yml:4, contacts.ar.yml:4) is fine.
    messages = [f.format() for f in catalogue_language.check_all(project)
                if f.path == "data/tasks.ti.yml" and f.line == 7]
    assert messages == ["data/tasks.ti.yml:7: [error] '፡' (word space) used as a comma: use '፣' "
                        "(script-punctuation)"]


def test_the_language_check_runs_over_pages_and_catalogues(tmp_path):
    project = _site(tmp_path, {"tasks.ti.yml": TASKS_TI})
    found = {(f.path, f.line, f.rule) for f in check.run_all(project, ("language",))}
    assert ("data/tasks.ti.yml", 7, "script-punctuation") in found
    assert check.NAMES.count("language") == 1


def test_broken_yaml_and_untranslatable_fields_are_left_to_the_catalogue_check(tmp_path):
    broken = _site(tmp_path / "broken", {"tasks.ti.yml": "tasks: [\n"})
    assert not [f for f in catalogue_language.check_all(broken) if f.path == "data/tasks.ti.yml"]
    # Only the translated text of a record is checked: not 'fase' (a Dutch-file field,
    # the catalogue check's error), not a record the Dutch file lacks.
    text = "tasks:\n  fase-azc-bsn:\n    title: ቁጽሪ BSN\n    fase: azc\n  no-such-task: x\n"
    project = _site(tmp_path / "fields", {"tasks.ti.yml": text})
    assert {(f.line, f.rule) for f in catalogue_language.check_all(project)
            if f.path == "data/tasks.ti.yml"} == {(3, "script-latin"), (3, "script-share")}


def test_the_real_catalogue_translations_follow_the_language_rules():
    found = [f.format() for f in catalogue_language.check_all(PROJECT)]
    assert found == []
    assert set(cat.TRANSLATABLE) == set(cat.NAMES)
