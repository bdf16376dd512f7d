"""The command line for content managers (``python -m tools``): exit statuses, JSON,
``check`` running the B1, translations and review-needed checks, ``make check``."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import make_fixture_site
from tools.wegwijs.checks import check
from tools.wegwijs.cli import UsageError, run
from tools.wegwijs.project import DEFAULT_ROOT, Project

ROOT = Path(__file__).resolve().parents[2]
MINE = ("b1", "translations", "review-needed")


def call(capsys, *argv):
    code = run(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("argv", [
    ["b1", "--bogus"],
    ["translations", "--bogus"],
    ["b1", "--lang", "de"],
    ["no-such-command"],
    ["b1", "missing-file.md"],
    ["review-needed", "missing-folder"],
    ["translations", "--docs", "missing-folder"],
    ["--config", "no/such/mkdocs.yml", "check"],
])
def test_misuse_exits_2_with_a_message(capsys, argv):
    code, out, err = call(capsys, *argv)
    assert code == 2
    assert err.startswith("error:") and "Traceback" not in err


def test_usage_error_is_the_misuse_exception():
    from tools.wegwijs.checks import b1

    with pytest.raises(UsageError):
        b1.check_paths(Project(DEFAULT_ROOT), ["definitely/not/here.md"])


WONEN = ("---\nid: thema-wonen\ntype: thema\nthema: wonen\norder: 1\n---\n\n# Wonen\n\n"
         "U krijgt een huis.\n\n<!-- NAKIJKEN: adres van het loket -->\n\n"
         "De gemeente Hilversum helpt nieuwe inwoners met een verblijfsvergunning bij het "
         "aanvragen van huurtoeslag, zorgtoeslag en een uitkering bij de Sociale "
         "Verzekeringsbank en het Uitvoeringsinstituut Werknemersverzekeringen.\n")


@pytest.fixture
def fixture_site(tmp_path) -> Path:
    """A tiny project (mkdocs.yml and one Dutch page in docs/); returns its mkdocs.yml."""
    return make_fixture_site(tmp_path / "site", {"thema/wonen.md": WONEN})


def test_check_runs_the_content_manager_checks(fixture_site, capsys):
    names = [name for name, _ in check.CHECKS]
    assert all(name in names for name in MINE)
    only = [arg for name in ("content",) + MINE for arg in ("--only", name)]
    code, out, err = call(capsys, "--config", str(fixture_site), "check", *only, "--format", "json")
    assert code == 1 and "Traceback" not in err
    found = json.loads(out)
    rules = {f["rule"] for f in found}
    assert {"sentence-length", "translation-missing", "review-needed"} <= rules
    [marker] = [f for f in found if f["rule"] == "review-needed"]
    assert (marker["line"], marker["col"], marker["severity"]) == (12, 1, "warning")
    assert "adres van het loket" in marker["message"]


def test_review_markers_are_warnings_and_code_examples_are_not_markers(tmp_path, capsys):
    page = tmp_path / "p.md"
    page.write_text("Tekst <!-- NAKIJKEN: telefoonnummer -->\n\n```\n<!-- NAKIJKEN: voorbeeld -->\n```\n"
                    "<!-- NAKIJKEN: openingstijden\n     over twee regels -->\n", encoding="utf-8")
    code, out, _ = call(capsys, "review-needed", str(page))
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 2
    assert lines[0].endswith("p.md:1:7: [warning] to check before publishing: telefoonnummer "
                             "(review-needed)")
    assert ":6:1: [warning] to check before publishing: openingstijden over twee regels" in lines[1]


def test_json_output_of_b1_is_machine_readable(tmp_path, capsys):
    page = tmp_path / "p.md"
    page.write_text("U wordt gebeld door de gemeente.\n", encoding="utf-8")
    code, out, _ = call(capsys, "b1", "--format", "json", str(page))
    [finding] = json.loads(out)
    assert finding["rule"] == "passive" and finding["line"] == 1 and finding["col"] == 1
    assert code == 0


def test_make_check_runs_python_m_tools_check():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = makefile.split("\ncheck:", 1)[1].split("\n\n", 1)[0]
    assert "-m tools check" in target


def test_time_check_times_the_check_over_another_docs_folder(fixture_site):
    from tools.dev import bench_check

    seconds, code, count = bench_check.run_check(fixture_site)
    assert isinstance(seconds, float) and 0 < seconds < 120
    assert code == 1 and count >= 3


def test_config_names_the_project_before_or_after_the_command(fixture_site, capsys, monkeypatch):
    before = call(capsys, "--config", str(fixture_site), "review-needed", "--format", "json")
    after = call(capsys, "review-needed", "--config", str(fixture_site), "--format", "json")
    monkeypatch.chdir(fixture_site.parent)  # default: ./mkdocs.yml
    default = call(capsys, "review-needed", "--format", "json")
    for code, out, _err in (before, after, default):
        [marker] = json.loads(out)
        assert (code, marker["path"], marker["line"]) == (0, "docs/thema/wonen.md", 12)
