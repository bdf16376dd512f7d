"""Dutch first: a missing or outdated translation may wait a while before it is an error.

Urgent Dutch information must go online at once; the reader meanwhile sees the Dutch
page (missing translation) or the older translation with the "the Dutch page is newer"
notice (outdated), and the status page lists it. So ``translation-missing`` and
``translation-outdated`` are **warnings** while the Dutch page has waited no longer than
the grace period, and **errors** after it:

- the grace period is ``translation_grace_days`` under ``- wegwijs:`` in mkdocs.yml
  (default ``DEFAULT_GRACE_DAYS``);
- the waiting time is the age of the Dutch page's last committed change
  (``sources.git_state.age_days``; 0 while it has uncommitted changes). For an outdated
  translation that is the time since the Dutch page last changed, so a page that keeps
  changing keeps its translations in the grace period: ``--strict`` is for a release;
- ``--strict`` (``python -m tools translations --strict``, ``check --strict``) makes
  every missing or outdated translation an error at once (``set_strict``).
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from tools.wegwijs import findings as F
from tools.wegwijs.sources import git_state, reader

DEFAULT_GRACE_DAYS = 30
RULES = ("translation-missing", "translation-outdated")

_strict = False


def set_strict(value: bool) -> None:
    """Every missing or outdated translation is an error (for a release)."""
    global _strict
    _strict = bool(value)


def is_strict() -> bool:
    return _strict


def grace_days(config_file: Path) -> int:
    """``translation_grace_days`` of the wegwijs plugin in mkdocs.yml."""
    from tools.wegwijs.sources import content_model as cm

    try:
        value = cm.plugin_options(cm.read_config(Path(config_file))).get("translation_grace_days")
    except (OSError, ValueError):
        value = None
    return value if isinstance(value, int) and value >= 0 else DEFAULT_GRACE_DAYS


def apply(findings: list, root: Path, grace: int | None = None, strict: bool | None = None,
          now: float | None = None) -> list:
    """The findings with each missing/outdated translation at its severity."""
    root = Path(root)
    grace = grace_days(root / "mkdocs.yml") if grace is None else grace
    strict = _strict if strict is None else strict
    out = []
    for f in findings:
        if f.rule not in RULES:
            out.append(f)
            continue
        dutch, _lang = reader.split_lang(f.path)
        age = git_state.age_days(root / dutch, now)
        if strict:
            severity, note = F.ERROR, ""  # --strict (a release): the plain message
        elif age > grace:
            severity = F.ERROR
            note = (f" (the Dutch page has waited {age:.0f} days, longer than "
                    f"translation_grace_days: {grace})")
        else:
            severity = F.WARNING
            shows = ("the Dutch page" if f.rule == "translation-missing"
                     else "this translation with the notice that the Dutch page is newer")
            note = (f" (may wait: the Dutch page changed {age:.0f} of {grace} days ago, "
                    f"translation_grace_days; readers see {shows} meanwhile)")
        out.append(dataclasses.replace(f, severity=severity, message=f.message + note))
    return out
