"""Per-language search index, written by Pagefind after all languages are built.

Pagefind splits its index by each page's ``<html lang>`` and the browser loads only
the fragments of the current language that a query needs, only when the reader
opens search (see overrides/assets/wegwijs/search.js). Pagefind does not treat the
Ethiopic word space (፡) and full stop (።) as word breaks, so we index a copy of
each page with a space after them; the browser does the same to the query.
The Pagefind CLI runs once over that copy (its Python API is ~100x slower here).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tools.wegwijs.render import html_tree

ETHIOPIC_PUNCTUATION = re.compile("([\u1361-\u1368])")
CONTENT_MARKER = "md-content__inner"
# An untranslated page under /ar/ etc. shows the Dutch text: it is not Arabic, so
# it stays out of the Arabic index (the Dutch page itself is in the Dutch one).
FALLBACK_MARKER = "data-wegwijs-fallback"
UNUSED_BUNDLE_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js",
                       "pagefind-component-ui.css", "pagefind-modular-ui.js",
                       "pagefind-modular-ui.css", "pagefind-highlight.js")


def normalise(html: str) -> str:
    return ETHIOPIC_PUNCTUATION.sub(r"\1 ", html)


def indexable(html: str) -> bool:
    """A page with an ``article.md-content__inner`` that is not a Dutch fallback copy
    (checked on the parsed page: a code sample naming the markers does not count)."""
    if CONTENT_MARKER not in html:  # cheap: most non-content pages stop here
        return False
    root = html_tree.parse_document(html)
    content = root.xpath(f"//article[contains(concat(' ', normalize-space(@class), ' '), "
                         f"' {CONTENT_MARKER} ')]")
    return bool(content) and not root.xpath(f"//*[@{FALLBACK_MARKER}]")


def _content_pages(site_dir: Path):
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir)
        if rel.parts[0] in ("pagefind", "assets") or path.name in ("404.html", "offline.html"):
            continue
        yield rel, path


def build(site_dir: Path) -> int:
    """Index every content page under site_dir into site_dir/pagefind; returns the count."""
    site_dir = Path(site_dir)
    count = 0
    with tempfile.TemporaryDirectory(prefix="wegwijs-search-") as tmp:
        for rel, path in _content_pages(site_dir):
            html = path.read_text(encoding="utf-8")
            if not indexable(html):
                continue  # redirect stubs, other non-content pages, untranslated copies
            target = Path(tmp) / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(normalise(html), encoding="utf-8")
            count += 1
        output = site_dir / "pagefind"
        shutil.rmtree(output, ignore_errors=True)
        result = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", tmp, "--output-path", str(output),
             "--root-selector", "article.md-content__inner",
             "--exclude-selectors", ".headerlink", "--exclude-selectors", "[data-search-skip]"],
            capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"pagefind failed:\n{result.stdout}\n{result.stderr}")
    for name in UNUSED_BUNDLE_FILES:
        (output / name).unlink(missing_ok=True)
    return count
