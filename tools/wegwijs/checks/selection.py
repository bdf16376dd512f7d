"""Only my files: ``check FILES…``, ``check --changed`` and ``check --strict``.

``python -m tools check docs/thema/wonen.md`` (``make check FILES=docs/thema/wonen.md``)
and ``--changed`` (every file changed against git ``HEAD``: modified, staged, new or
untracked) run every check and keep the findings of those files, plus, for a Dutch
page, the findings of its translations (which translations the change makes outdated).
``--strict`` makes every missing or outdated translation an error
(``checks.translation_grace``). The pre-commit hook runs ``check --changed``'s sibling:
the files pre-commit passes.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from tools.wegwijs.checks import translation_grace
from tools.wegwijs.sources import git_state, reader


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="report only the findings of these files (and a Dutch page's translations)")
    parser.add_argument("--changed", action="store_true",
                        help="report only the findings of files changed against git HEAD")
    add_strict_option(parser)


def add_strict_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action="store_true",
                        help="every missing or outdated translation is an error (for a release)")


def wanted_paths(args, root: Path) -> set[str] | None:
    """The display paths (relative to ``root``) to report on; None for everything."""
    from tools.wegwijs.cli import UsageError

    root = Path(root).resolve()
    files = list(getattr(args, "files", None) or [])
    if not files and not getattr(args, "changed", False):
        return None
    wanted: set[str] = set()
    for name in files:
        path = Path(name).resolve()
        if not path.exists():
            raise UsageError(f"check: no such file: {name}")
        try:
            wanted.add(path.relative_to(root).as_posix())
        except ValueError:
            raise UsageError(f"check: {name} is not in the project {root}") from None
    if getattr(args, "changed", False):
        changed = git_state.changed_files(root)
        if changed is None:
            raise UsageError("check --changed: this folder is not a git work tree; name the files instead")
        wanted |= changed
    return wanted


def keep(finding, wanted: set[str]) -> bool:
    if finding.path in wanted:
        return True
    dutch, lang = reader.split_lang(finding.path)
    return lang is not None and dutch in wanted and finding.rule.startswith("translation-")


def select(findings: list, wanted: set[str] | None) -> list:
    if wanted is None:
        return findings
    return [f for f in findings if keep(f, wanted)]


def run(args, run_all, root: Path) -> list:
    """Run the checks (``run_all()``) with the options of ``add_options``."""
    translation_grace.set_strict(getattr(args, "strict", False))
    wanted = wanted_paths(args, root)
    try:
        return select(run_all(), wanted)
    finally:
        translation_grace.set_strict(False)
