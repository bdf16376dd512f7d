"""Output formats for findings in CI: GitHub Actions annotations and GitLab Code Quality.

- ``github``: one workflow command per finding,
  ``::error file=docs/x.md,line=3,title=sentence-length::message``; GitHub shows it on
  that line of the merge request (pull request) and in the job summary. A warning
  becomes ``::warning``. Values are escaped as the Actions runner expects
  (``%``, CR, LF; and ``:`` and ``,`` inside properties).
- ``gitlab``: the Code Quality report (a JSON array; ``artifacts: reports: codequality``),
  one object per finding with ``description``, ``check_name``, ``fingerprint``
  (stable: rule, path, line and message), ``severity`` (``major`` for an error,
  ``minor`` for a warning) and ``location.path``/``location.lines.begin``.

``text`` and ``json`` stay in ``tools.wegwijs.findings.render``.
"""
from __future__ import annotations

import hashlib
import json
from typing import Iterable

FORMATS = ("github", "gitlab")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(findings: Iterable) -> str:
    """GitHub Actions workflow commands, one line per finding."""
    lines = []
    for f in findings:
        level = "error" if f.severity == "error" else "warning"
        props = [f"file={_escape_property(f.path)}"]
        if f.line is not None:
            props.append(f"line={f.line}")
            if f.col is not None:
                props.append(f"col={f.col}")
        props.append(f"title={_escape_property(f.rule)}")
        lines.append(f"::{level} {','.join(props)}::{_escape_data(f'{f.message} ({f.rule})')}")
    return "\n".join(lines)


def _fingerprint(f) -> str:
    key = "\0".join([f.rule, f.path, str(f.line or 0), f.message])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def gitlab(findings: Iterable) -> str:
    """A GitLab Code Quality report (JSON array)."""
    report = []
    for f in findings:
        report.append({
            "description": f"{f.message} ({f.rule})",
            "check_name": f.rule,
            "fingerprint": _fingerprint(f),
            "severity": "major" if f.severity == "error" else "minor",
            "location": {"path": f.path, "lines": {"begin": f.line or 1}},
        })
    return json.dumps(report, ensure_ascii=False, indent=2)


def render(findings: Iterable, fmt: str) -> str:
    return {"github": github, "gitlab": gitlab}[fmt](list(findings))
