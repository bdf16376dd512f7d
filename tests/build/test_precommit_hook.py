"""The pre-commit hook's entry command on a fixture repository with a bad page.

pre-commit itself is not installed (it would fetch its own environments); this runs
the hook's `entry` from .pre-commit-config.yaml with the file names pre-commit would
pass (the staged Markdown files), in a copy of the project that is a git repository.
"""
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
IGNORE = shutil.ignore_patterns(".venv", "node_modules", ".git", "site", "__pycache__", "*.egg-info")


def test_hook_reports_the_bad_page_only(tmp_path):
    hook = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"][0]
    repo = tmp_path / "repo"
    shutil.copytree(ROOT, repo, ignore=IGNORE)
    env = {**os.environ, "PYTHONPATH": str(repo), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-qm", "fixture"], cwd=repo, check=True, env=env)
    bad = repo / "docs" / "thema" / "wonen.md"
    text = bad.read_text(encoding="utf-8")
    bad.write_text(text + "\nZie [de kaart](../kaart2.md) en [geld](geld.md#bestaat-niet).\n",
                   encoding="utf-8")
    entry = shlex.split(hook["entry"])
    assert entry[0] == ".venv/bin/python"
    result = subprocess.run([sys.executable, *entry[1:], "docs/thema/wonen.md"], cwd=repo,
                            capture_output=True, text=True, env=env)
    lines = len(text.splitlines()) + 2
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"docs/thema/wonen.md:{lines}:5: [error] link '../kaart2.md'" in result.stdout
    assert "(broken-link)" in result.stdout and "(broken-anchor)" in result.stdout
    assert all(line.startswith("docs/thema/wonen") for line in result.stdout.splitlines())
