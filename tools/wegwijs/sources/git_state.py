"""What git knows about the project's files: changed files, committed text, commit dates.

Used by ``check --changed`` (only the files of my change), by the translation grace
period (how long a Dutch page has been waiting for its translations) and by the
duplicate-id checks (which of two pages is the new one). Every function degrades
gracefully outside a git repository (no git, or not a work tree): it then answers
"nothing known" (empty set, None), never raises.
"""
from __future__ import annotations

import subprocess
import time
from functools import lru_cache
from pathlib import Path


def git(args: list[str], cwd: Path) -> str | None:
    """The output of a git command in cwd, or None (no git, not a work tree, an error)."""
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    return result.stdout.decode("utf-8", "replace")


def top_level(cwd: Path) -> Path | None:
    out = git(["rev-parse", "--show-toplevel"], Path(cwd))
    return Path(out.strip()) if out else None


def changed_files(root: Path, base: str = "HEAD") -> set[str] | None:
    """Paths (relative to ``root``, POSIX) changed against ``base``: modified, staged,
    new and untracked files. None when ``root`` is not in a git work tree."""
    root = Path(root).resolve()
    top = top_level(root)
    if top is None:
        return None
    names: set[str] = set()
    diff = git(["diff", "--name-only", "--no-renames", base, "--"], top)
    if diff is None:  # no commit yet: everything is new
        diff = git(["ls-files"], top) or ""
    untracked = git(["ls-files", "--others", "--exclude-standard"], top) or ""
    for line in (diff + "\n" + untracked).splitlines():
        if not line.strip():
            continue
        path = (top / line.strip()).resolve()
        try:
            names.add(path.relative_to(root).as_posix())
        except ValueError:
            continue
    return names


@lru_cache(maxsize=1024)
def _committed(path: str, mtime_key: float) -> str | None:
    file = Path(path)
    top = top_level(file.parent)
    if top is None:
        return None
    rel = file.resolve().relative_to(top).as_posix()
    return git(["show", f"HEAD:{rel}"], top)


def committed_text(path: Path) -> str | None:
    """The file's text at HEAD, or None (not committed, or no git)."""
    path = Path(path).resolve()
    try:
        key = path.parent.stat().st_mtime
    except OSError:
        key = 0.0
    return _committed(str(path), key)


@lru_cache(maxsize=2048)
def _last_commit_time(path: str) -> float | None:
    file = Path(path)
    top = top_level(file.parent)
    if top is None:
        return None
    out = git(["log", "-1", "--format=%ct", "--", file.resolve().relative_to(top).as_posix()], top)
    return float(out.strip()) if out and out.strip() else None


def age_days(path: Path, now: float | None = None) -> float:
    """Days since the file was last committed; 0 for a file with uncommitted changes or
    never committed (a change being made now has not waited at all)."""
    path = Path(path).resolve()
    when = _last_commit_time(str(path))
    if when is None:
        return 0.0
    committed = committed_text(path)
    try:
        if committed is not None and path.read_text(encoding="utf-8-sig") != committed.lstrip("\ufeff"):
            return 0.0
    except OSError:
        return 0.0
    return max(0.0, ((now or time.time()) - when) / 86400)


def is_new(path: Path, text: str) -> bool:
    """True when ``text`` (say ``{#thema-wonen-afval}`` or ``id: thema-wonen``) is not in
    the committed version of the file: the file or that text was added in this change."""
    committed = committed_text(Path(path))
    return committed is None or text not in committed


def newer_of(first: tuple[Path, str], second: tuple[Path, str]) -> int:
    """Of two (file, text) places with the same id, the index (0 or 1) of the one added
    most recently: the one that is not committed yet; the second when git cannot tell."""
    new_first, new_second = is_new(*first), is_new(*second)
    return 0 if new_first and not new_second else 1
