"""Build step, preview only (``mkdocs serve``): check each saved page, show the findings.

Never part of ``mkdocs build``: every function returns at once unless the plugin's
``on_startup`` said ``command == "serve"``.

- ``start``: remember that we serve, and whether with ``--dirty`` (``make serve``);
- ``rebuilding``: True for a rebuild after a save in a ``--dirty`` preview, once a
  first build succeeded. Then the steps skip the site-wide files a page view does not
  need (the search index, ``/go/`` and redirect pages, QR codes, ``urls.txt``: see
  ``state.preview_rebuild``): the first build wrote them, so they are there, only not
  updated for the edit;
- ``speed_up`` (outer ``on_config``): the installed theme's file list is read once
  per serve, not on every build (``ThemeFiles``);
- ``cache_templates`` (``on_env``): MkDocs makes a new Jinja environment for every
  build and compiles Material's templates again (seconds on a busy machine); while
  serving, the compiled templates are kept in memory between builds (Jinja's
  bytecode cache, keyed by template name and source, so an edited template is
  compiled again); on a rebuild the 404 and offline pages are not rendered again;
- ``before_build`` (outer build's ``on_config``): which Markdown files changed since the
  last build; run the checks for those files (``check_files``: front matter, B1 for
  Dutch/English or the language rules for ar/fa/ti, links and anchors as written,
  checklist/begrippen ids, NAKIJKEN notes, and for a Dutch page which translations it
  makes outdated) in a child process started when the build is done (``after_build``),
  so the reload does not wait for them; print them in the terminal in the
  ``path:line: [level] message (rule)`` form and write them to preview.json when done;
  add the panel script to ``extra_javascript``;
- ``after_build`` (``on_post_build``): write ``_wegwijs/preview.json`` (the findings)
  and ``_wegwijs/preview.js`` (the panel) into the served site, and a ``sw.js`` that
  only removes itself: a preview has no offline copy (``state.previewing``), whose
  cache-first assets would hide edits and old findings (also a worker left by an
  earlier preview on the same address);
- ``build_error`` (``on_build_error``): print the error, write it into preview.json and
  let MkDocs' live-reload server show the pages again (it would otherwise hold every
  request until the error is fixed: "The server will appear stuck"); with ``--dirty``
  the previous pages are still there, so the browser reloads and the panel shows the
  error.
"""
from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from tools.wegwijs import findings as F

SCRIPT = Path(__file__).resolve().parent.parent / "preview_assets" / "preview.js"
OUT_DIR = "_wegwijs"
# The checks' child process runs at a lower priority (nice 10): with one free core, the
# next rebuild (what the content manager waits for) goes first.
_CHILD = ("import os; os.nice(10); import sys; from tools.wegwijs.plugin.steps.preview import main; "
          "sys.exit(main(sys.argv[1:]))")


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled Jinja templates kept in memory between the builds of one ``mkdocs serve``
    (a bucket carries the source's checksum: a changed template is compiled again)."""

    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        data = self.store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self.store.clear()


@dataclass
class Preview:
    serving: bool = False
    dirty: bool = False  # mkdocs serve --dirty (make serve): a save renders only that page
    built: bool = False  # a build of this preview succeeded: its site-wide files exist
    bytecode: MemoryBytecodeCache = field(default_factory=MemoryBytecodeCache)
    theme_files: dict = field(default_factory=dict)  # installed theme folder -> its file names
    server: object = None
    mtimes: dict = field(default_factory=dict)  # Markdown file -> mtime_ns at the last build
    round: int = 0
    checked: list = field(default_factory=list)  # display paths checked this round
    findings: list = field(default_factory=list)
    error: str | None = None
    pending: bool = False  # the checks of this round still run
    to_check: list = field(default_factory=list)  # saved files, checked after this build
    thread: object = None
    root: Path | None = None
    site_dir: Path | None = None


def start(preview: Preview, command: str, dirty: bool = False) -> None:
    preview.serving = command == "serve"
    preview.dirty = bool(dirty)


def rebuilding(preview: Preview) -> bool:
    """A rebuild after a save in a ``--dirty`` preview whose first build succeeded: the
    site-wide files written after the last language can stay as the first build made
    them (never in ``mkdocs build``, nor with ``make serve`` ``--full``)."""
    return preview.serving and preview.dirty and preview.built


def speed_up(preview: Preview, config) -> None:
    """While serving: list the installed theme's files once per ``mkdocs serve`` instead
    of on every build (see ``ThemeFiles``)."""
    if not preview.serving:
        return
    theme = config.theme
    make_env = theme.get_env
    root = Path(config.config_file_path).resolve().parent

    def get_env():
        env = make_env()
        env.loader = ThemeFiles(env.loader.searchpath, root, preview.theme_files)
        return env

    # MkDocs makes a new Theme for every build of a serve; this one builds with ours.
    theme.get_env = get_env


class ThemeFiles(jinja2.FileSystemLoader):
    """MkDocs lists every file of the theme on each build to copy its assets
    (``Files.add_files_from_theme``); Material's templates folder holds some 14,000
    icons in ``.icons/``, which MkDocs then drops again (its filter refuses '.*' and
    '*/.*'). This loader leaves dot folders and dot files out at once (the same result
    after MkDocs' filter) and keeps the listing of a folder outside the project (the
    installed theme, which does not change while serving); ``overrides/`` is listed
    again each build."""

    def __init__(self, searchpath, root: Path, listings: dict):
        super().__init__(searchpath)
        self.root = root
        self.listings = listings

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for folder in self.searchpath:
            names = self.listings.get(folder)
            if names is None:
                names = _walk(folder)
                if not Path(folder).resolve().is_relative_to(self.root):
                    self.listings[folder] = names
            found.update(names)
        return sorted(found)


def _walk(folder: str) -> list[str]:
    names = []
    for here, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = os.path.relpath(here, folder)
        for name in files:
            if not name.startswith("."):
                names.append(name if rel == "." else f"{rel}/{name}".replace(os.sep, "/"))
    return names


# Whole pages a preview rebuild does not render again: the first build wrote them (MkDocs
# never copies a *.html theme file as an asset, so leaving them out changes nothing else).
KEPT_PAGES = ("404.html", "offline.html")


def cache_templates(preview: Preview, env, config) -> None:
    """While serving, keep compiled theme templates between builds (see the docstring);
    on a rebuild, keep the first build's 404 and offline pages."""
    if not preview.serving:
        return
    env.bytecode_cache = preview.bytecode
    if rebuilding(preview):
        for name in KEPT_PAGES:
            config.theme.static_templates.discard(name)


def serve(preview: Preview, server) -> None:
    preview.server = server


def _snapshot(docs_dir: Path) -> dict:
    out = {}
    for path in docs_dir.rglob("*.md"):
        try:
            out[path] = path.stat().st_mtime_ns
        except OSError:
            continue
    return out


def check_files(paths: list[Path], root: Path) -> list[F.Finding]:
    """Every finding of these Markdown files (and, for a Dutch page, of its translations)."""
    from tools.wegwijs.checks import b1, language_rules, review_markers, selection, source_links
    from tools.wegwijs.checks import translations
    from tools.wegwijs.markdown import checklist, glossary
    from tools.wegwijs.project import Project
    from tools.wegwijs.sources import content_model as cm
    from tools.wegwijs.sources import reader

    project = Project(root)
    wanted = {cm.display_path(p, root) for p in paths}
    out: list[F.Finding] = []
    out += cm.check_all(project)
    langs = {reader.split_lang(p.name)[1] or "nl" for p in paths}
    b1_paths = [str(p) for p in paths if (reader.split_lang(p.name)[1] or "nl") in b1.LANGS]
    if b1_paths:
        out += b1.check_paths(project, b1_paths)
    if langs & set(language_rules.LANGUAGES):
        out += language_rules.check_all(project)
    out += source_links.check(paths, root)
    out += translations.check_all(project)
    out += checklist.check(project) + glossary.check(project) + review_markers.check_all(project)
    unique = sorted(set(selection.select(out, wanted)), key=lambda f: (f.path, f.line or 0, f.rule))
    return unique


def before_build(preview: Preview, config) -> None:
    if not preview.serving:
        return
    root = Path(config.config_file_path).parent
    docs_dir = Path(config.docs_dir)
    preview.root = root
    preview.site_dir = Path(config.site_dir)
    now = _snapshot(docs_dir)
    changed = [p for p, m in now.items() if preview.mtimes and preview.mtimes.get(p) != m]
    first = not preview.mtimes
    preview.mtimes = now
    preview.error = None
    if "_wegwijs/preview.js" not in [str(s) for s in config.extra_javascript]:
        config.extra_javascript.append(f"{OUT_DIR}/preview.js")
    if first or not changed:
        return
    from tools.wegwijs.sources import content_model as cm

    preview.round += 1
    preview.checked = sorted(cm.display_path(p, root) for p in changed)
    preview.findings = []
    preview.pending = True
    preview.to_check = sorted(changed)  # started once the pages are built (after_build)


def _check_in_background(preview: Preview, paths: list[Path], root: Path) -> None:
    """Run ``check_files`` in a child process on the other core while MkDocs rebuilds
    (the reload does not wait for the checks); then print the findings and write them
    into preview.json, which the panel polls while ``pending``."""
    import subprocess
    import threading

    this_round = preview.round
    started = time.monotonic()

    def wait():
        # Started in this thread: forking a big process takes a moment; the build is done.
        proc = subprocess.Popen([sys.executable, "-c", _CHILD, *map(str, paths)], cwd=root,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out, err = proc.communicate()
        if preview.round != this_round:
            return  # a newer save is being checked
        try:
            items = json.loads(out.decode("utf-8"))
            preview.findings = [F.Finding(**item) for item in items]
        except (ValueError, TypeError):
            preview.findings = []
            preview.error = "the checks failed: " + err.decode("utf-8", "replace").strip()[-2000:]
        preview.pending = False
        took = time.monotonic() - started
        result = preview.error if preview.error else _count(preview.findings)
        lines = [f"\nwegwijs: checked {', '.join(preview.checked)} in {took:.1f} s: {result}"]
        lines += ["  " + finding.format() for finding in preview.findings]
        print("\n".join(lines), file=sys.stderr, flush=True)
        if preview.site_dir is not None and preview.site_dir.is_dir():
            _write(preview, preview.site_dir)

    preview.thread = threading.Thread(target=wait, daemon=True)
    preview.thread.start()


def _count(findings) -> str:
    errors = sum(1 for f in findings if f.severity == F.ERROR)
    warnings = len(findings) - errors
    return f"{errors} error(s), {warnings} warning(s)"


def _payload(preview: Preview) -> dict:
    return {
        "round": preview.round,
        "checked": preview.checked,
        "pending": preview.pending,
        "error": preview.error,
        "findings": [{"path": f.path, "line": f.line, "severity": f.severity, "rule": f.rule,
                      "text": f.format()} for f in preview.findings],
    }


def main(argv: list[str]) -> int:
    """``python -m tools.wegwijs.plugin.steps.preview FILE…``: check_files as JSON."""
    from dataclasses import asdict

    from tools.wegwijs.project import DEFAULT_ROOT

    root = Path.cwd() if (Path.cwd() / "mkdocs.yml").is_file() else DEFAULT_ROOT
    found = check_files([Path(a).resolve() for a in argv], root)
    print(json.dumps([asdict(f) for f in found], ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))


def _write(preview: Preview, site_dir: Path) -> None:
    out = Path(site_dir) / OUT_DIR
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / "preview.json.tmp"  # replaced at once: the panel never reads half a file
    tmp.write_text(json.dumps(_payload(preview), ensure_ascii=False), encoding="utf-8")
    tmp.replace(out / "preview.json")
    (out / "preview.js").write_text(SCRIPT.read_text(encoding="utf-8"), encoding="utf-8")


# The preview's sw.js: offline.js registers it; it takes over and removes itself.
NO_WORKER = """// Preview (mkdocs serve, tools/wegwijs/plugin/steps/preview.py): no offline copy.
self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.registration.unregister()); });
"""


def after_build(preview: Preview, config) -> None:
    if preview.serving:
        _write(preview, Path(config.site_dir))
        (Path(config.site_dir) / "sw.js").write_text(NO_WORKER, encoding="utf-8")
        preview.built = True
        if preview.to_check:
            # Only now: on a machine with one free core the checks would slow the
            # rebuild; the reloaded page shows "pending" and polls until they are done.
            paths, preview.to_check = preview.to_check, []
            _check_in_background(preview, paths, preview.root)


def build_error(preview: Preview, error: Exception) -> None:
    if not preview.serving or preview.site_dir is None:
        return
    preview.round += 1
    preview.to_check, preview.pending = [], False
    preview.error = f"the site does not build: {type(error).__name__}: {error}"
    print(f"\nwegwijs: {preview.error}\n  (the preview shows the last good version with "
          "this message; save the fix and it reloads)", file=sys.stderr, flush=True)
    try:
        _write(preview, preview.site_dir)
    except OSError:
        return
    _release(preview.server)


def _release(server) -> None:
    """Let the live-reload server serve and reload again after a failed build
    (mkdocs.livereload.LiveReloadServer keeps its epochs in private fields; when they
    are not there, the server just stays as MkDocs made it)."""
    cond = getattr(server, "_epoch_cond", None)
    if cond is None or not hasattr(server, "_wanted_epoch"):
        return

    # MkDocs' build loop runs builder() (and so this) in its own thread and leaves the
    # epochs alone after an error: set them as after a good build.
    with cond:
        server._visible_epoch = server._wanted_epoch
        cond.notify_all()
