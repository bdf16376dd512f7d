"""The guide for content managers (docs/handleiding/) keeps up with the checks.

Every rule a check can report is registered in ``tools/wegwijs/checks/rules.toml`` with
the anchor of its row in the guide (``controles.md#blok``): that section of that page
must have a row ``| `rule` | what is wrong | what to do |`` in one of its rule tables,
and every rule the guide documents must be registered. A finding with an unregistered
rule cannot be made at all (it raises), so a new rule without an explanation, or an
explanation of a rule that was renamed, fails here instead of going unnoticed.
The guide itself must pass the B1 check and be reachable from its index page.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tools.wegwijs import findings as F
from tools.wegwijs.checks import check, rules
from tools.wegwijs.project import Project
from tools.wegwijs.sources import content_model
from tools.wegwijs.cli import build_parser, run

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "handleiding"
TOOLS = ROOT / "tools"

RULE_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
TABLE_ROW = re.compile(r"^\|\s*`(?P<rule>[a-z0-9-]+)`\s*\|(?P<rest>.*)$")
SECTION = re.compile(r"^#{1,6} .*\{#(?P<id>[a-z0-9-]+)\}\s*$")


# --------------------------------------------------------------------------- reading the guide


def guide_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(GUIDE.glob("*.md")))


def rule_rows(text: str, page: str = "page.md") -> list[tuple[str, str, str]]:
    """(rule, "page.md#section", explanation) for each row of the page's rule tables
    (header ``| Regel | ...``) that starts with a rule name in backticks."""
    out = []
    section = ""
    in_rule_table = False
    for line in text.splitlines():
        heading = SECTION.match(line)
        if heading:
            section = heading["id"]
        if not line.startswith("|"):
            in_rule_table = False
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells and cells[0] == "Regel":
            in_rule_table = True
            continue
        m = TABLE_ROW.match(line)
        if in_rule_table and m:
            out.append((m["rule"], f"{page}#{section}", " ".join(c for c in cells[1:] if c)))
    return out


def guide_rows() -> list[tuple[str, str, str]]:
    return [row for p in sorted(GUIDE.glob("*.md")) for row in rule_rows(p.read_text(encoding="utf-8"), p.name)]


def documented_rules() -> dict[str, set[str]]:
    """Rule -> the guide sections (page.md#section) that have a row for it."""
    out: dict[str, set[str]] = {}
    for rule, where, _explanation in guide_rows():
        out.setdefault(rule, set()).add(where)
    return out


# --------------------------------------------------------------------------- the registry


def test_rows_are_found_per_page_and_section():
    text = ("## Het blok {#blok}\n\n| Regel | Wat | Doen |\n| --- | --- | --- |\n"
            "| `front-matter` | Het blok klopt niet. | Herstel het. |\n\n"
            "| `not-a-rule-table` | x | y |\n\n## Andere {#andere}\n\n| Regel | Wat | Doen |\n"
            "| --- | --- | --- |\n| `empty-file` | Leeg. | Vul het. |\n")
    assert rule_rows(text, "controles.md") == [
        ("front-matter", "controles.md#blok", "Het blok klopt niet. Herstel het."),
        ("empty-file", "controles.md#andere", "Leeg. Vul het.")]


def test_an_unregistered_rule_cannot_be_reported():
    with pytest.raises(rules.UnknownRule, match="brand-new-rule.*rules.toml"):
        F.error("docs/a.md", "message", "brand-new-rule", line=1)
    with pytest.raises(rules.UnknownRule):
        F.Finding("docs/a.md", 1, None, F.WARNING, "message", "no-such-rule")
    with pytest.raises(rules.UnknownRule, match="error, not warning"):
        F.warning("docs/a.md", "message", "duplicate-id")  # registered as an error only
    assert F.error("docs/a.md", "message", "front-matter", line=2).format() == \
        "docs/a.md:2: [error] message (front-matter)"


def test_every_registered_rule_is_complete():
    assert len(rules.RULES) >= 55
    for rule in rules.RULES.values():
        assert RULE_NAME.match(rule.id), rule.id
        assert set(rule.severities) <= {F.ERROR, F.WARNING} and len(set(rule.severities)) == len(rule.severities)
        assert rule.fix.strip() and "\n" not in rule.fix, rule.id
        page, _, anchor = rule.guide.partition("#")
        assert (GUIDE / page).is_file() and anchor, (rule.id, rule.guide)


def test_every_rule_belongs_to_a_check_or_a_command():
    checks = {name for name, _ in check.CHECKS}
    commands = set(_subparsers())
    for rule in rules.RULES.values():
        assert rule.check in checks or rule.check in commands, (rule.id, rule.check)


def test_every_registered_rule_is_used_by_the_code():
    """A rule that no module names any more is stale: remove it and its guide row."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in sorted((TOOLS / "wegwijs").rglob("*.py"))
                     if p.name != "rules.py")
    unused = sorted(r for r in rules.RULES if f'"{r}"' not in code)
    assert not unused, unused


def test_the_checks_on_the_real_site_report_registered_rules_only():
    reported = {f.rule for f in check.run_all(Project(ROOT))}
    assert reported, "the real site should at least have review-needed warnings"
    assert reported <= set(rules.RULES)


# --------------------------------------------------------------------------- the guide


def test_every_registered_rule_has_its_row_in_the_guide():
    documented = documented_rules()
    missing = sorted(f"{r.id} (in {r.guide})" for r in rules.RULES.values()
                     if r.guide not in documented.get(r.id, set()))
    assert not missing, ("rules without a row '| `rule` | what is wrong | what to do |' in the "
                         f"guide section their registry entry names: {missing}")


def test_every_rule_the_guide_explains_is_registered():
    unknown = sorted(set(documented_rules()) - set(rules.RULES))
    assert not unknown, f"the guide explains rules that are not registered: {unknown}"


def test_every_rule_row_says_what_is_wrong_and_what_to_do():
    for rule, where, explanation in guide_rows():
        assert len(re.findall(r"[.!?]", explanation)) >= 2, (rule, where, explanation)


def test_the_rules_command_lists_the_registry(capsys):
    assert run(["rules"]) == 0
    text = capsys.readouterr().out
    for rule in rules.RULES.values():
        assert re.search(rf"^{re.escape(rule.id)} .*{re.escape(rule.guide_path)}", text, re.M), rule.id
    assert run(["rules", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert sorted(r["id"] for r in listed) == sorted(rules.RULES)
    front = next(r for r in listed if r["id"] == "front-matter")
    assert front == {"id": "front-matter", "severity": "error", "severities": ["error"],
                     "check": "content", "fix": rules.RULES["front-matter"].fix,
                     "guide": "docs/handleiding/controles.md#blok",
                     "url": "handleiding/controles/#blok"}


@pytest.mark.parametrize("needle", [
    "make serve", "make check", "python -m tools check", "python -m tools b1 ", "--format json",
    "pad:regel:kolom: [error] bericht (regel)", "--mark-done", "translations --diff",
    "[[video:", "tools/dev/make_sample_media.py", "media/<id>/", "data/places.geojson",
    "docs/begrippen.md", "/go/", "redirects:", "urls/release.txt", "--update-release",
    "- wegwijs:", "model:", "make new TYPE=thema", "{#stappenplan}", "{#regeldag-huurcontract}", "NAKIJKEN", "translate: false",
])
def test_the_guide_covers_the_tasks(needle):
    assert needle in guide_text()


def test_the_guide_documents_the_fases_and_themas_of_the_content_model():
    model = content_model.load_model(ROOT / "mkdocs.yml")
    text = (GUIDE / "pagina-maken.md").read_text(encoding="utf-8")
    for value in (*model.fases, *model.themas):
        assert f"- `{value}`:" in text, value


def test_the_guide_has_a_row_for_every_page_type_of_the_content_model():
    """pagina-maken.md#soorten: one row per ``type`` in mkdocs.yml, and no others."""
    model = content_model.load_model(ROOT / "mkdocs.yml")
    text = (GUIDE / "pagina-maken.md").read_text(encoding="utf-8")
    section = text.split("{#soorten}", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z-]+)` \|", section, flags=re.M)
    assert sorted(rows) == sorted(model.types) and len(rows) == len(set(rows))
    assert "oefenen" in rows


def test_the_exit_codes_in_the_guide_match_the_command_line(tmp_path, capsys):
    text = (GUIDE / "index.md").read_text(encoding="utf-8")
    for code in ("`0`", "`1`", "`2`"):
        assert f"- {code}:" in text
    bad = tmp_path / "x.md"
    bad.write_text("Dit is een zin. " * 3 + " ".join(["woord"] * 40) + ".\n", encoding="utf-8")
    assert run(["b1", "--lang", "nl", str(bad)]) == 1
    assert run(["b1", str(tmp_path / "missing.md")]) == 2
    capsys.readouterr()


def test_every_guide_page_is_linked_from_the_index():
    index = (GUIDE / "index.md").read_text(encoding="utf-8")
    for page in sorted(GUIDE.glob("*.md")):
        if page.name != "index.md":
            assert f"]({page.name})" in index, page.name


def test_guide_pages_are_dutch_only_and_out_of_the_menu():
    model = content_model.load_model(ROOT / "mkdocs.yml")
    site = content_model.scan(model, root=ROOT)
    pages = [p for p in site.pages if p.rel.startswith("docs/handleiding/")]
    assert len(pages) == len(list(GUIDE.glob("*.md")))
    for page in pages:
        assert page.meta.get("translate") is False and page.meta.get("nav") is False, page.rel
        assert page.meta.get("b1") is not False, f"{page.rel}: the guide itself must be checked for B1"


def test_the_guide_passes_the_b1_check(capsys):
    code = run(["b1", str(GUIDE)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "[error]" not in out


def test_readme_points_to_the_guide():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## For content managers", 1)[1].split("\n## ", 1)[0]
    assert "docs/handleiding/" in section and (GUIDE / "index.md").is_file()


# --------------------------------------------------------------------------- commands and numbers


def _subparsers():
    import argparse

    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return action.choices


def test_every_command_and_option_in_the_guide_exists():
    """`python -m tools NAME --option` in the guide: NAME is a subcommand and takes --option."""
    commands = _subparsers()
    seen = 0
    for m in re.finditer(r"python -m tools ([a-z][a-z0-9-]*)([^`\n]*)", guide_text()):
        name, rest = m[1], m[2]
        assert name in commands, f"the guide names `python -m tools {name}`, which does not exist"
        options = {o for a in commands[name]._actions for o in a.option_strings}
        for option in re.findall(r"(?<!\S)(--[a-z-]+)", rest):
            assert option in options, f"`python -m tools {name}` has no option {option}"
        seen += 1
    assert seen >= 10


def test_the_numbers_in_the_guide_match_the_checks():
    import tomllib

    from tools.wegwijs.sources import media

    thresholds = tomllib.loads((TOOLS / "wegwijs" / "checks" / "b1_thresholds.toml").read_text(encoding="utf-8"))["nl"]
    checks = (GUIDE / "controles.md").read_text(encoding="utf-8")
    assert f"Boven {thresholds['sentence_words_warn']} woorden krijgt u een waarschuwing" in checks
    assert f"Boven {thresholds['sentence_words_error']} woorden is het een fout" in checks
    assert "15 woorden of minder" in checks and thresholds["sentence_words_target"] == 15
    assert f"meer dan {thresholds['sentence_words_hard']} woorden is altijd een fout" in checks
    assert thresholds["max_subclauses"] == 1 and "meer dan één bijzin" in checks
    video = (GUIDE / "media.md").read_text(encoding="utf-8")
    assert f"Kleiner dan {media.POSTER_LIMIT // 1024} KB" in video
    assert f"groter dan {media.POSTER_LIMIT // 1024} KB" in video
    assert f"kleiner dan {media.TOTAL_LIMIT // 1048576} MB" in video
    assert f"meer dan {media.DURATION_TOLERANCE:.0f} seconde" in video


def test_the_files_the_guide_names_exist():
    """Tools, data and example files named in the guide (not the made-up example pages)."""
    named = set(re.findall(r"`(?:\.venv/bin/python |sh )?((?:tools|data|translations|media/regeldag)/[\w./-]+\.\w+)`",
                           guide_text()))
    assert {"tools/dev/make_sample_media.py", "tools/wegwijs/checks/b1_thresholds.toml", "data/places.geojson"} <= named
    for path in sorted(named):
        assert (ROOT / path).is_file(), f"the guide names {path}, which does not exist"
