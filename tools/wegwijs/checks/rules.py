"""The rule registry: every rule a check can report, registered once in ``rules.toml``.

A finding names its rule at the end: ``path:line:col: [severity] message (rule)``.
Each rule here has an id, the severity it has unless the check says otherwise, the
other severity it may have (``also``: e.g. a long sentence is a warning below the
error threshold), a one-line fix, the check or command that reports it, and the
anchor of its row in the content managers' guide (``docs/handleiding/<page>.md#<section>``:
the section whose ``| Regel | ... |`` table explains the rule in Dutch).

``tools.wegwijs.findings`` accepts only registered rules, so a new rule cannot be
reported before it is registered here; tests/test_guide.py makes sure that every
registered rule has its row in the guide and that every row names a registered rule.
``python -m tools rules`` lists the registry (``--format json`` for programs).
"""
from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"
GUIDE_DIR = "docs/handleiding"
RULES_FILE = Path(__file__).with_name("rules.toml")


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # the default severity
    check: str  # the check (in ``python -m tools check``) or command that reports it
    fix: str  # one line: what to do
    guide: str  # "<page>.md#<section id>" in docs/handleiding/
    also: tuple[str, ...] = ()  # other severities the check may give it

    @property
    def severities(self) -> tuple[str, ...]:
        return (self.severity, *self.also)

    @property
    def guide_path(self) -> str:
        """The guide row's source: ``docs/handleiding/controles.md#blok``."""
        return f"{GUIDE_DIR}/{self.guide}"

    @property
    def guide_url(self) -> str:
        """The guide row's address on the site, relative to the site root."""
        page, anchor = self.guide.split("#", 1)
        stem = page[:-3]
        return f"handleiding/{'' if stem == 'index' else stem + '/'}#{anchor}"

    def as_dict(self) -> dict:
        return {"id": self.id, "severity": self.severity, "severities": list(self.severities),
                "check": self.check, "fix": self.fix, "guide": self.guide_path,
                "url": self.guide_url}


class UnknownRule(ValueError):
    """A finding names a rule that is not registered: a programming error."""


def registry() -> dict[str, Rule]:
    """Every registered rule by id, in the order of ``rules.toml`` (read once, on first use)."""
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = _read(RULES_FILE)
    return _REGISTRY


def _read(path: Path) -> dict[str, Rule]:
    with open(path, "rb") as handle:
        table = tomllib.load(handle)
    out: dict[str, Rule] = {}
    for row in table["rule"]:
        rule = Rule(row["id"], row["severity"], row["check"], row["fix"], row["guide"],
                    tuple(row.get("also", ())))
        if rule.id in out:
            raise AssertionError(f"{path.name}: rule '{rule.id}' is registered twice")
        out[rule.id] = rule
    return out


_REGISTRY: dict[str, Rule] | None = None


def __getattr__(name: str):
    """``rules.RULES``: the registry, read on first use (no I/O at import time)."""
    if name == "RULES":
        return registry()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def get(rule_id: str) -> Rule:
    """The registered rule; ``UnknownRule`` for an id nobody registered."""
    try:
        return registry()[rule_id]
    except KeyError:
        raise UnknownRule(f"rule '{rule_id}' is not registered in tools/wegwijs/checks/rules.toml: "
                          "register it (id, severity, check, fix, guide row) before reporting it"
                          ) from None


def validate(rule_id: str, severity: str) -> Rule:
    """The rule, if it is registered and may have this severity; else ``UnknownRule``."""
    rule = get(rule_id)
    if severity not in rule.severities:
        raise UnknownRule(f"rule '{rule_id}' is registered as {'/'.join(rule.severities)}, "
                          f"not {severity}: change its entry in tools/wegwijs/checks/rules.toml")
    return rule


# --------------------------------------------------------------------------- command


def render(fmt: str = "text") -> str:
    rules = sorted(registry().values(), key=lambda r: (r.check, r.id))
    if fmt == "json":
        return json.dumps([r.as_dict() for r in rules], ensure_ascii=False, indent=2)
    width = max(len(r.id) for r in rules)
    check_width = max(len(r.check) for r in rules)
    lines = [f"{'rule':<{width}}  {'severity':<13}  {'check':<{check_width}}  fix (guide)"]
    for r in rules:
        level = "/".join(r.severities)
        lines.append(f"{r.id:<{width}}  {level:<13}  {r.check:<{check_width}}  {r.fix} "
                     f"({r.guide_path})")
    return "\n".join(lines)


def register(sub) -> None:
    from tools.wegwijs.cli import add_format_option

    parser = sub.add_parser("rules", help="list every rule the checks can report")
    add_format_option(parser)

    def run(args) -> int:
        print(render(args.format))
        return 0

    parser.set_defaults(func=run)
