"""A finding is one problem in one file, printed as ``path:line:col: [severity] message (rule)``.

Its rule must be registered in ``tools.wegwijs.checks.rules`` (with that severity):
reporting an unregistered rule raises ``rules.UnknownRule``, a programming error.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Iterable

from tools.wegwijs.checks import rules as _rules

ERROR = _rules.ERROR
WARNING = _rules.WARNING


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int | None
    col: int | None
    severity: str
    message: str
    rule: str

    def __post_init__(self):
        _rules.validate(self.rule, self.severity)

    def format(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        return f"{where}: [{self.severity}] {self.message} ({self.rule})"

    def __str__(self) -> str:  # so a Finding can be raised/logged as text
        return self.format()


def error(path, message, rule, line=None, col=None) -> Finding:
    return Finding(str(path), line, col, ERROR, message, rule)


def warning(path, message, rule, line=None, col=None) -> Finding:
    return Finding(str(path), line, col, WARNING, message, rule)


def _key(f: Finding):
    return (f.path, f.line or 0, f.col or 0, f.rule, f.message)


def render(findings: Iterable[Finding], fmt: str = "text") -> str:
    items = sorted(findings, key=_key)
    if fmt == "json":
        return json.dumps([asdict(f) for f in items], ensure_ascii=False, indent=2)
    if fmt in ("github", "gitlab"):  # CI annotations: tools/wegwijs/checks/formats.py
        from tools.wegwijs.checks import formats

        return formats.render(items, fmt)
    return "\n".join(f.format() for f in items)


def exit_status(findings: Iterable[Finding]) -> int:
    """1 when there is at least one error; warnings are listed but do not fail."""
    return 1 if any(f.severity == ERROR for f in findings) else 0
