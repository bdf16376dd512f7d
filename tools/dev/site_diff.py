"""Compare two built sites: files that differ as bytes, and which of them still differ once
HTML is normalised to the DOM a browser builds (void elements, SVG name case, boolean
attributes, attribute order, entity forms). Skips pagefind/, sw.js and sw-precache.json
(they hold hashes of everything else).

    python -m tools.dev.site_diff /tmp/site-before site [-v]
"""
from __future__ import annotations

import difflib
import sys
from pathlib import Path

from tools.wegwijs.render import html_tree

SKIP = ("pagefind/", "sw.js", "sw-precache.json")


def normalise(text: str) -> str:
    """The page as a browser's DOM, written one way (attributes sorted)."""
    root = html_tree.parse_document(text)
    html_tree._restore_svg_case(root)
    for element in root.iter():
        if isinstance(element.tag, str):
            items = sorted((k, "" if k in html_tree.BOOLEAN and v in ("", k) else v)
                           for k, v in element.attrib.items())
            element.attrib.clear()
            for name, value in items:
                element.set(name, value)
    return html_tree.outer_html(root)


def compare(old: Path, new: Path, verbose: bool = False) -> int:
    """Print every difference; returns the number of files that differ after normalising."""
    files = sorted({p.relative_to(d).as_posix() for d in (old, new) for p in d.rglob("*")
                    if p.is_file()})
    raw = real = 0
    for rel in files:
        if rel.startswith(SKIP):
            continue
        a, b = old / rel, new / rel
        if not a.exists() or not b.exists():
            print(f"only in {'new' if b.exists() else 'old'}: {rel}")
            real += 1
            continue
        if a.read_bytes() == b.read_bytes():
            continue
        raw += 1
        if not rel.endswith(".html"):
            print(f"differs (not HTML): {rel}")
            real += 1
            continue
        na = normalise(a.read_text(encoding="utf-8"))
        nb = normalise(b.read_text(encoding="utf-8"))
        if na == nb:
            continue
        real += 1
        print(f"differs: {rel}")
        if verbose:
            lines = difflib.unified_diff(na.replace("><", ">\n<").splitlines(),
                                         nb.replace("><", ">\n<").splitlines(), lineterm="", n=0)
            print("\n".join(list(lines)[:60]))
    print(f"{raw} files differ as bytes; {real} still differ after normalising the HTML")
    return real


def main(argv: list[str]) -> int:
    paths = [a for a in argv if not a.startswith("-")]
    if len(paths) != 2:
        print(__doc__)
        return 2
    return 1 if compare(Path(paths[0]), Path(paths[1]), verbose="-v" in argv) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
