"""``python -m tools review-needed``: list the ``<!-- NAKIJKEN: ... -->`` markers.

Facts that are not in the source documents (addresses, phone numbers, opening
hours, prices) are never invented: the writer leaves ``<!-- NAKIJKEN: what must
be filled in -->`` at that spot. Each marker is a warning (rule ``review-needed``)
with its line and column, so the content managers see what is still open; it
does not fail the check. Markers inside fenced code are examples, not markers.
"""
from __future__ import annotations

import re
from pathlib import Path

from tools.wegwijs.sources import content_model as cm
from tools.wegwijs.sources import reader
from tools.wegwijs import findings as F

MARKER = re.compile(r"<!--\s*NAKIJKEN\s*:?\s*(?P<text>.*?)\s*-->", re.DOTALL)


def markers(text: str) -> list[tuple[int, int, str]]:
    """(line, column, text) of every marker outside fenced code (as the source reader reads it)."""
    parts = reader.split_front_matter(text)
    body = reader.Body(parts[1], parts[2]) if parts else reader.Body(text, 1)
    out = []
    for match in MARKER.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if body.in_code(line):
            continue
        col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        out.append((line, col, " ".join(match.group("text").split())))
    return out


def check_files(paths, root: Path) -> list[F.Finding]:
    out = []
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # the content check reports unreadable files
        rel = cm.display_path(Path(path), root)
        for line, col, what in markers(text):
            out.append(F.warning(rel, f"to check before publishing: {what or '(no text)'}",
                                 "review-needed", line=line, col=col))
    return out


def check_all(project) -> list[F.Finding]:
    """Every page of docs/, from the shared scan (pages that do not parse are left to
    the content check)."""
    out = []
    for page in cm.project_site(project).pages:
        for line, col, what in markers(page.body):
            out.append(F.warning(page.rel, f"to check before publishing: {what or '(no text)'}",
                                 "review-needed", line=page.body_line + line - 1, col=col))
    return out


def register(sub) -> None:
    from tools.wegwijs.cli import UsageError, add_format_option

    parser = sub.add_parser("review-needed", help="list <!-- NAKIJKEN: ... --> markers")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: docs/)")
    add_format_option(parser)

    def run(args):
        if not args.paths:
            return check_all(args.project)
        files = []
        for name in args.paths:
            path = Path(name)
            if path.is_dir():
                files.extend(cm.markdown_files(path))
            elif path.is_file():
                files.append(path)
            else:
                raise UsageError(f"review-needed: no such file or folder: {name}")
        return check_files(files, args.project.root)

    parser.set_defaults(func=run)
