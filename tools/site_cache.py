"""One ``content_model.scan`` per process for the checks that read every page.

``python -m tools check`` runs the B1 and translations checks one after the
other; both need every page's front matter and body. ``scan()`` returns the
same ``content_model.Site`` while no Markdown file under docs/ was added,
removed or changed (by path, size and modification time).
"""
from __future__ import annotations

from pathlib import Path

from tools import content_model as cm

_CACHE: dict[tuple, cm.Site] = {}


def _signature(docs_dir: Path) -> tuple:
    out = []
    for path in cm.markdown_files(docs_dir):
        try:
            st = path.stat()
        except OSError:
            continue
        out.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(out)


def scan(model: cm.Model, root: Path = cm.ROOT) -> cm.Site:
    key = (str(model.docs_dir), str(root), model.languages)
    signature = _signature(model.docs_dir)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] == signature:
        return cached[1]
    site = cm.scan(model, root=root)
    _CACHE[key] = (signature, site)
    return site
