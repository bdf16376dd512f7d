"""The dependency locks (requirements/*.txt, written by `make lock` from pyproject.toml):
every package pinned with hashes, one version per package across the locks, the build
lock free of the test stack, and every package the code imports declared (and the
other way round)."""
from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GROUPS = ("build", "check", "test", "dev")  # each lock holds the one before it
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+) \\$")
HASH = re.compile(r"^    --hash=sha256:[0-9a-f]{64}(?: \\)?$")
# Used without an import: a plugin named in mkdocs.yml, a program run with `python -m`.
USED_WITHOUT_IMPORT = {
    "mkdocs-static-i18n": "mkdocs.yml: plugins: i18n",
    "pagefind": "tools: python -m pagefind builds the search index",
}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def lock(group: str) -> dict[str, str]:
    """name -> version of one lock; fails on a pin without a hash."""
    path = ROOT / "requirements" / f"{group}.txt"
    pins: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        match = PIN.match(line)
        if match:
            assert HASH.match(lines[number]), f"{path.name}:{number}: {line} has no hash"
            pins[_norm(match[1])] = match[2]
        elif line and not line.lstrip().startswith(("#", "--hash")):
            pytest.fail(f"{path.name}:{number}: not a pinned requirement: {line!r}")
    return pins


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _names(requirements: list[str]) -> set[str]:
    return {_norm(re.split(r"[\[=<>!~; ]", r, maxsplit=1)[0]) for r in requirements}


def test_every_lock_says_how_to_regenerate_it():
    for group in GROUPS:
        head = (ROOT / "requirements" / f"{group}.txt").read_text(encoding="utf-8")[:300]
        assert "make lock" in head, group


def test_locks_agree_and_each_holds_the_one_before():
    locks = [lock(group) for group in GROUPS]
    for smaller, larger, name in zip(locks, locks[1:], GROUPS[1:]):
        missing = {p: v for p, v in smaller.items() if larger.get(p) != v}
        assert not missing, f"requirements/{name}.txt differs: {missing}; run `make lock`"


def test_build_and_check_locks_leave_out_the_test_stack():
    for group in ("build", "check"):
        assert not {"pytest", "playwright", "greenlet", "textstat"} & set(lock(group)), group


def test_direct_dependencies_are_pinned_in_pyproject_and_locked():
    project = pyproject()["project"]
    groups = {"build": project["dependencies"], **project["optional-dependencies"]}
    for group, requirements in groups.items():
        locked = lock(group)
        for requirement in requirements:
            name, _, version = requirement.partition("==")
            assert version, f"pyproject.toml: pin {requirement!r} with =="
            assert locked.get(_norm(name.split("[")[0])) == version, (
                f"pyproject.toml pins {requirement} but requirements/{group}.txt does not: "
                "run make lock")


def _third_party_imports() -> dict[str, str]:
    """top-level module -> first file importing it, for the code under tools/."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "tools").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in ("tools", "__future__"):
                    found.setdefault(top, str(path.relative_to(ROOT)))
    return found


def test_every_import_comes_from_the_build_or_check_lock():
    """`make build` and `make check` install only these two locks."""
    locked = set(lock("check"))
    dists = packages_distributions()
    for module, where in _third_party_imports().items():
        if module == "playwright":
            assert where.replace("\\", "/").endswith("bench_web.py"), where  # make bench-web
            continue
        providers = {_norm(d) for d in dists.get(module, [])}
        assert providers & locked, f"{where} imports {module}: add it to pyproject.toml, make lock"


def test_every_declared_dependency_is_used():
    """Build and check dependencies: each is imported under tools/, named in mkdocs.yml
    (theme, Markdown extension) or listed in USED_WITHOUT_IMPORT with its use."""
    project = pyproject()["project"]
    declared = _names(project["dependencies"] + project["optional-dependencies"]["check"])
    imported = set(_third_party_imports())
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    modules: dict[str, set[str]] = {}
    for module, dists in packages_distributions().items():
        for dist in dists:
            modules.setdefault(_norm(dist), set()).add(module)
    for name in declared - set(USED_WITHOUT_IMPORT):
        tops = modules.get(name, set())
        assert tops & imported or any(re.search(rf"\b{re.escape(t)}\b", config) for t in tops), (
            f"pyproject.toml declares {name} but nothing imports it: remove it and run make lock")
