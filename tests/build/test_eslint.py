"""ESLint holds the site's JavaScript to the same standard as the Python: the project
lints clean with eslint.config.js, the config really catches mistakes, and the
service worker the build writes (sw.js with its precache list filled in) is clean too.

Needs node and the npm packages of package-lock.json (`make lint-js` installs them);
without them these tests fail with the command that fixes it."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ESLINT = ROOT / "node_modules" / "eslint" / "bin" / "eslint.js"


def eslint(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: run `make system-deps` (Debian nodejs and npm)")
    if not ESLINT.is_file():
        pytest.fail(f"{ESLINT.relative_to(ROOT)} is missing: run `npm ci --ignore-scripts` "
                    "(or `make lint-js`)")
    return subprocess.run([node, str(ESLINT), "--max-warnings", "0", *args], cwd=ROOT,
                          input=stdin, capture_output=True, text=True, timeout=120)


def lint_as(path: str, source: str) -> subprocess.CompletedProcess:
    """Lint source as if it were the file at path (under the project's config)."""
    return eslint("--stdin", "--stdin-filename", path, stdin=source)


def test_project_javascript_passes_eslint():
    result = eslint(".")
    assert result.returncode == 0, f"ESLint found problems (fix them, see eslint.config.js):\n" \
                                   f"{result.stdout}{result.stderr}"


def test_every_script_of_the_site_is_linted():
    result = eslint("--format", "json", ".")
    linted = {Path(r["filePath"]).relative_to(ROOT).as_posix() for r in json.loads(result.stdout)}
    scripts = {p.relative_to(ROOT).as_posix() for p in (ROOT / "overrides").rglob("*.js")}
    assert scripts and scripts <= linted, sorted(scripts - linted)


def test_eslint_catches_an_unused_variable_and_an_undefined_global():
    bad = '(function () {\n  "use strict";\n  var unused = 1;\n  undefinedGlobal.go();\n})();\n'
    result = lint_as("overrides/assets/wegwijs/bad-example.js", bad)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "no-unused-vars" in result.stdout and "'unused'" in result.stdout, result.stdout
    assert "no-undef" in result.stdout and "'undefinedGlobal'" in result.stdout, result.stdout


def test_page_scripts_get_no_service_worker_globals_and_the_worker_no_page_globals():
    # `clients` exists only in a service worker; `document` never does there.
    page = lint_as("overrides/assets/wegwijs/x.js", '(function () {\n  "use strict";\n  clients.claim();\n})();\n')
    worker = lint_as("overrides/assets/wegwijs/sw.js", '"use strict";\ndocument.title = "x";\n')
    assert page.returncode == 1 and "'clients' is not defined" in page.stdout, page.stdout
    assert worker.returncode == 1 and "'document' is not defined" in worker.stdout, worker.stdout


def test_built_service_worker_passes_eslint(built_site):
    """The build fills in VERSION and MANIFEST: the result must still be clean JavaScript."""
    source = (built_site / "sw.js").read_text(encoding="utf-8")
    assert "__MANIFEST__" not in source and "__VERSION__" not in source
    result = lint_as("overrides/assets/wegwijs/sw.js", source)
    assert result.returncode == 0, f"site/sw.js as built:\n{result.stdout}{result.stderr}"
