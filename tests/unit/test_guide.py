"""The guide for content managers (docs/handleiding/) keeps up with the checks.

Every rule name a check can report (the ``(rule)`` at the end of a finding) is
collected from the source of ``tools/*.py`` and must have a row in one of the
guide's rule tables (``| `rule` | what is wrong | what to do |``); every rule the
guide documents must exist in the code. So a new rule without an explanation, or
an explanation of a rule that was renamed, fails here instead of going unnoticed.
The guide itself must pass the B1 check and be reachable from its index page.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tools.wegwijs.checks import check
from tools.wegwijs.sources import content_model
from tools.wegwijs.cli import run

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "handleiding"
TOOLS = ROOT / "tools"

RULE_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
DYNAMIC_RULE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$")  # rule strings held in variables
TABLE_ROW = re.compile(r"^\|\s*`(?P<rule>[a-z0-9-]+)`\s*\|(?P<rest>.*)$", re.M)
# Position of the ``rule`` argument in tools.wegwijs.findings' constructors.
RULE_ARG = {"error": 2, "warning": 2, "Finding": 5}


# --------------------------------------------------------------------------- collecting rules


def _rule_params(tree: ast.AST) -> dict[str, int]:
    """Functions defined in a module that take a ``rule`` parameter (helpers such as b1's emit)."""
    out = dict(RULE_ARG)
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names = [a.arg for a in node.args.args]
            if "rule" in names:
                out.setdefault(node.name, names.index("rule"))
    return out


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _strings_feeding(scope: ast.AST) -> set[str]:
    """Rule-like strings in a function that hands a variable on as the rule: those in
    tuples (``for path, rule, what in ((.., "media-video", ..), ...)``, dict keys like
    ``problems[("broken-link", key)]``), conditional expressions, assignments to ``rule``
    and comparisons with ``rule``."""
    found: set[str] = set()

    def take(node):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and DYNAMIC_RULE.match(node.value):
            found.add(node.value)

    for node in ast.walk(scope):
        if isinstance(node, ast.Tuple):
            for elt in node.elts:
                take(elt)
        elif isinstance(node, ast.IfExp):
            take(node.body)
            take(node.orelse)
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "rule"
                                                  for t in node.targets):
            take(node.value)
        elif isinstance(node, ast.Compare) and isinstance(node.left, ast.Name) and node.left.id == "rule":
            for comp in node.comparators:
                take(comp)
    return found


def rules_in_source(source: str) -> set[str]:
    """Every rule name one module can put into a finding."""
    tree = ast.parse(source)
    params = _rule_params(tree)
    rules: set[str] = set()
    top_level = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    for scope in top_level or [tree]:
        passes_variable = False
        for node in ast.walk(scope):
            if not isinstance(node, ast.Call):
                continue
            index = params.get(_called_name(node) or "")
            if index is None:
                continue
            arg = next((k.value for k in node.keywords if k.arg == "rule"), None)
            if arg is None and len(node.args) > index:
                arg = node.args[index]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                if RULE_NAME.match(arg.value):
                    rules.add(arg.value)
            elif arg is not None:
                passes_variable = True
        if passes_variable:
            rules |= _strings_feeding(scope)
    return rules


def code_rules() -> set[str]:
    rules: set[str] = set()
    for path in sorted(TOOLS.rglob("*.py")):
        rules |= rules_in_source(path.read_text(encoding="utf-8"))
    return rules


def guide_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(GUIDE.glob("*.md")))


def documented_rules(text: str) -> dict[str, str]:
    """Rule -> its explanation: the rows of the guide's rule tables (header ``| Regel | ...``)
    that start with a rule name in backticks."""
    out: dict[str, str] = {}
    in_rule_table = False
    for line in text.splitlines():
        if not line.startswith("|"):
            in_rule_table = False
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells and cells[0] == "Regel":
            in_rule_table = True
            continue
        m = TABLE_ROW.match(line)
        if in_rule_table and m:
            out.setdefault(m["rule"], " ".join(c for c in cells[1:] if c))
    return out


# --------------------------------------------------------------------------- the collector itself


def test_collector_finds_literal_helper_and_variable_rules():
    source = '''
from tools.wegwijs import findings as F

def check(items):
    out = [F.error("a.md", "m", "front-matter", line=1), F.warning("a.md", "m", rule="places-review")]
    def emit(severity, message, rule, line):
        out.append(F.Finding("a.md", line, 1, severity, message, rule))
    emit("error", "m", "sentence-length", 3)
    for path, rule in (("x", "media-video"), ("y", "media-audio")):
        out.append(F.error(path, "missing", rule))
    rule = "media-subtitles" if items else "media-descriptions"
    out.append(F.error("z", "missing", rule))
    label = ("not", "a-rule-here")  # in a function that passes no variable rule: ignored
    return out

def other():
    label = ("ignored-tuple-string", "x")
    return F.error("b", "m", "empty-file")
'''
    assert rules_in_source(source) == {
        "front-matter", "places-review", "sentence-length", "media-video", "media-audio",
        "media-subtitles", "media-descriptions", "a-rule-here", "empty-file"}


def test_a_rule_missing_from_the_guide_is_noticed():
    guide = "| Regel | Wat | Doen |\n| --- | --- | --- |\n| `front-matter` | Het blok klopt niet. | Herstel het. |\n"
    rules = rules_in_source('from tools import findings as F\nF.error("a", "m", "brand-new-rule")\n'
                            'F.error("a", "m", "front-matter")\n')
    assert sorted(rules - set(documented_rules(guide))) == ["brand-new-rule"]


def test_collector_sees_the_rules_of_every_check():
    rules = code_rules()
    # One rule from each check module registered in tools/wegwijs/checks/check.py, and those passed in variables.
    for rule in ("front-matter", "translation-orphan", "ui-string-missing", "release-url-broken",
                 "redirects", "broken-link", "broken-anchor", "media-subtitles", "media-descriptions",
                 "media-audio", "media-video", "sentence-length", "b1-waiver", "translation-outdated",
                 "review-needed", "checklist-id", "glossary-id", "places"):
        assert rule in rules, rule
    assert len(rules) >= 45


def test_collector_covers_what_the_checks_report_on_the_real_site():
    """Every rule that `python -m tools check` reports today was found by the scan."""
    reported = {f.rule for f in check.run_all()}
    assert reported, "the real site should at least have review-needed warnings"
    assert reported <= code_rules(), reported - code_rules()


# --------------------------------------------------------------------------- the guide


def test_every_rule_the_checks_can_report_is_explained_in_the_guide():
    documented = documented_rules(guide_text())
    missing = sorted(code_rules() - set(documented))
    assert not missing, ("rules without a row '| `rule` | what is wrong | what to do |' in "
                         f"docs/handleiding/: {missing}")


def test_every_rule_the_guide_explains_exists():
    documented = documented_rules(guide_text())
    unknown = sorted(set(documented) - code_rules())
    assert not unknown, f"the guide explains rules no check reports: {unknown}"


def test_every_rule_row_says_what_is_wrong_and_what_to_do():
    for rule, explanation in documented_rules(guide_text()).items():
        assert len(re.findall(r"[.!?]", explanation)) >= 2, (rule, explanation)


@pytest.mark.parametrize("needle", [
    "make serve", "make check", "python -m tools check", "python -m tools b1 ", "--format json",
    "pad:regel:kolom: [error] bericht (regel)", "--mark-done", "translations --diff",
    "[[video:", "tools/dev/make_sample_media.py", "media/<id>/", "data/places.geojson",
    "docs/begrippen.md", "/go/", "redirects:", "urls/release.txt", "--update-release",
    "extra:", "model:", "{#stappenplan}", "{#regeldag-huurcontract}", "NAKIJKEN", "translate: false",
])
def test_the_guide_covers_the_tasks(needle):
    assert needle in guide_text()


def test_the_guide_documents_the_fases_and_themas_of_the_content_model():
    model = content_model.load_model(ROOT / "mkdocs.yml")
    text = (GUIDE / "pagina-maken.md").read_text(encoding="utf-8")
    for value in (*model.fases, *model.themas):
        assert f"- `{value}`:" in text, value


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

    from tools.wegwijs.cli import build_parser

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
