"""Front matter validation: every bad input gets one clear path:line finding, and
the build fails rather than ship a broken site."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import build_site, make_fixture_site
from tools.wegwijs.sources import content_model
from tools.wegwijs.cli import run

HOME = "---\nid: home\ntype: home\norder: 0\n---\n\n# Thuis\n\nWelkom.\n"
FASE = "---\nid: fase-azc\ntype: fase\nfase: azc\norder: 1\n---\n\n# Azc\n\nTekst.\n"


def scan(tmp_path: Path, pages: dict) -> list:
    config = make_fixture_site(tmp_path, {"index.md": HOME, **pages})
    content_model.load_model.cache_clear()
    model = content_model.load_model(config)
    return content_model.scan(model, root=tmp_path).findings


def only(findings, rule):
    matching = [f for f in findings if f.rule == rule]
    assert len(matching) == 1, [f.format() for f in findings]
    return matching[0]


def test_clean_site_has_no_findings(tmp_path):
    assert scan(tmp_path, {"fase/azc.md": FASE, "fase/azc.en.md": FASE}) == []


def test_malformed_yaml_names_file_and_line(tmp_path):
    bad = "---\nid: fase-azc\ntype: fase\nfase: [azc\norder: 1\n---\n# x\n"
    finding = only(scan(tmp_path, {"fase/azc.md": bad}), "front-matter")
    assert finding.path == "docs/fase/azc.md"
    assert finding.line in (5, 6)
    assert "malformed YAML" in finding.message


def test_unknown_fase_names_the_field_line_and_the_choices(tmp_path):
    bad = FASE.replace("fase: azc", "fase: wachtkamer")
    finding = only(scan(tmp_path, {"fase/azc.md": bad}), "unknown-fase")
    assert finding.line == 4
    assert "wachtkamer" in finding.message and "regeldag" in finding.message


def test_unknown_thema(tmp_path):
    page = "---\nid: thema-x\ntype: thema\nthema: sport\norder: 1\n---\n# x\n"
    finding = only(scan(tmp_path, {"thema/x.md": page}), "unknown-thema")
    assert finding.line == 4 and "sport" in finding.message


def test_duplicate_id_names_both_files(tmp_path):
    other = FASE.replace("fase: azc", "fase: gekoppeld")
    finding = only(scan(tmp_path, {"fase/azc.md": FASE, "fase/b.md": other}), "duplicate-id")
    assert finding.path == "docs/fase/b.md" and "docs/fase/azc.md" in finding.message
    assert finding.line == 2


def test_missing_id(tmp_path):
    page = FASE.replace("id: fase-azc\n", "")
    findings = scan(tmp_path, {"fase/azc.md": page})
    assert any(f.rule == "front-matter" and "'id'" in f.message for f in findings)


@pytest.mark.parametrize("name,content,rule", [
    ("empty.md", "", "empty-file"),
    ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00", "not-text"),
    ("plain.md", "# Geen front matter\n", "front-matter"),
    ("fase/azc.de.md", FASE, "unknown-language"),
    ("fase/weg.en.md", FASE, "translation-orphan"),
])
def test_bad_files_get_one_clear_finding(tmp_path, name, content, rule):
    finding = only(scan(tmp_path, {name: content}), rule)
    assert finding.path.endswith(name)
    assert finding.severity == "error"


def test_translation_must_keep_id_and_fase(tmp_path):
    moved = FASE.replace("fase: azc", "fase: regeldag")
    finding = only(scan(tmp_path, {"fase/azc.md": FASE, "fase/azc.ar.md": moved}),
                   "translation-front-matter")
    assert finding.path == "docs/fase/azc.ar.md" and finding.line == 4


def test_build_fails_with_path_line_message(tmp_path):
    config = make_fixture_site(tmp_path, {"index.md": HOME,
                                          "fase/azc.md": FASE.replace("fase: azc", "fase: nergens")})
    result = build_site(tmp_path, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/fase/azc.md:4: [error] unknown fase 'nergens'" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_cli_content_command_exit_status(tmp_path, capsys, monkeypatch):
    assert run(["content"]) == 0  # the real site is clean
    assert run(["content", "--format", "yaml"]) == 2
    assert run(["no-such-command"]) == 2
