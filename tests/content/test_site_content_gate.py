"""The gate content managers rely on: every content check passes on the real site
(B1, complete and current translations, media, links, interface strings), so CI
fails when a page gets too hard, a translation goes missing or stale, or a video
lacks a subtitle."""
from __future__ import annotations

import json

from tools.wegwijs.cli import run


def test_every_check_passes_on_the_real_site(capsys):
    code = run(["check", "--format", "json"])
    findings = json.loads(capsys.readouterr().out or "[]")
    errors = [f"{f['path']}:{f['line']}: {f['message']} ({f['rule']})"
              for f in findings if f["severity"] == "error"]
    assert code == 0 and not errors, "\n".join(errors)


def test_every_dutch_page_is_translated_into_all_languages(capsys):
    assert run(["translations"]) == 0, capsys.readouterr().out
