"""Links and anchors as the author wrote them: ``path:line`` of the Markdown link.

``python -m tools check`` (and the on-save check of ``make serve``) read every page's
Markdown links ``[text](target)`` and images ``![alt](src)`` outside code (fenced code
from the source reader, inline code spans skipped) and report:

- ``broken-link``: a relative target that is no file in docs/ (``zorg.md``,
  ``../thema/geld2.md``, ``../assets/x.pdf``);
- ``broken-anchor``: ``page.md#part`` or ``#part`` where the target page has no such
  anchor: a heading id (``## Kop {#id}`` or the slug of the heading text), a checklist
  item id, or any other ``{#id}`` / ``id="…"`` in the page.

A translation's link ``zorg.md`` leads to ``zorg.<lang>.md`` when it exists, else to
the Dutch page (mkdocs-static-i18n does the same); the anchor is looked up there.
Absolute paths (``/go/…``) and other sites are not checked here: ``python -m tools
links`` checks the built site, including addresses the templates make.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tools.wegwijs import findings as F
from tools.wegwijs.sources import content_model as cm
from tools.wegwijs.sources import reader

# An inline link or image: [text](target "title"); text may hold one level of [...].
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?(?P<target>[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
ANCHOR_ATTR = re.compile(r"\{[^}\n]*#(?P<id>[A-Za-z0-9_:.-]+)[^}\n]*\}")
HTML_ID = re.compile(r"""\bid=["'](?P<id>[^"']+)["']""")


def links(body: reader.Body):
    """(line, column, target) of every inline link and image outside code."""
    for number, line in body.prose():
        blanked = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        for match in LINK.finditer(blanked):
            yield number, match.start() + 1, match["target"]


def anchors(body: reader.Body) -> set[str]:
    """Every id a page has: headings (explicit or slug), checklist items, other {#id}s."""
    ids = {h.id for h in body.headings}
    ids |= {i.id for i in body.items if i.id}
    for _number, line in body.prose():
        ids |= {m["id"] for m in ANCHOR_ATTR.finditer(line)}
        ids |= {m["id"] for m in HTML_ID.finditer(line)}
    return ids


def _anchors_of(path: Path, cache: dict) -> set[str]:
    if path not in cache:
        cache[path] = anchors(reader.read(path).body)
    return cache[path]


def check_page(path: Path, docs_dir: Path, languages, default: str, root: Path,
               cache: dict | None = None) -> list[F.Finding]:
    """The broken links and anchors of one Markdown file."""
    cache = {} if cache is None else cache
    path = Path(path)
    rel = path.relative_to(docs_dir).as_posix()
    _src, lang = reader.split_lang(rel)
    lang = lang if lang in languages else default
    where = cm.display_path(path, root)
    source = reader.read(path)
    out = []
    for line, col, target in links(source.body):
        parts = urlsplit(target)
        if parts.scheme or parts.netloc or target.startswith("/"):
            continue
        fragment = unquote(parts.fragment)
        if not parts.path:
            file = path
        else:
            joined = posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(parts.path)))
            if joined.startswith("../"):
                out.append(F.error(where, f"link '{target}' leads outside docs/: link to a page or "
                                   "file inside docs/", "broken-link", line=line, col=col))
                continue
            candidate = docs_dir / joined
            if candidate.is_dir():
                candidate = candidate / "index.md"
            if candidate.suffix == ".md" and lang != default:
                localized = candidate.with_name(reader.source_file(candidate.name, lang, default))
                candidate = localized if localized.is_file() else candidate
            if not candidate.is_file():
                out.append(F.error(where, f"link '{target}' leads to docs/{joined}, which does not "
                                   "exist: fix the path (it starts at this page's folder; '../' "
                                   "is one folder up) or create the page", "broken-link",
                                   line=line, col=col))
                continue
            file = candidate
        if fragment and file.suffix == ".md" and fragment not in _anchors_of(file, cache):
            shown = cm.display_path(file, root)
            out.append(F.error(where, f"link '{target}': {shown} has no anchor '#{fragment}'; "
                               "use an anchor of that page's headings ({#anchor}) or checklist "
                               "items", "broken-anchor", line=line, col=col))
    return out


def check(paths=None, root: Path | None = None) -> list[F.Finding]:
    """Broken links and anchors in ``paths`` (default: every Markdown file in docs/)."""
    from tools.wegwijs.project import DEFAULT_ROOT

    root = Path(root or DEFAULT_ROOT)
    model = cm.load_model(root / "mkdocs.yml")
    docs_dir = model.docs_dir.resolve()
    files = [Path(p).resolve() for p in paths] if paths else cm.markdown_files(docs_dir)
    cache: dict = {}
    out = []
    for file in files:
        try:
            file.relative_to(docs_dir)
        except ValueError:
            continue
        out.extend(check_page(file, docs_dir, model.languages, model.default_language, root, cache))
    return out


def check_all(project) -> list[F.Finding]:
    """For ``python -m tools check``."""
    return check(root=project.root)
