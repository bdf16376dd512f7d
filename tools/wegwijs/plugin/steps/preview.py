"""Build step, preview only (``mkdocs serve``): check each saved page, show the findings.

Never part of ``mkdocs build``: every function returns at once unless the plugin's
``on_startup`` said ``command == "serve"``.

- ``start``: remember that we serve (and the docs files' modification times);
- ``before_build`` (outer build's ``on_config``): which Markdown files changed since the
  last build; run the checks for those files (``check_files``: front matter, B1 for
  Dutch/English or the language rules for ar/fa/ti, links and anchors as written,
  checklist/begrippen ids, NAKIJKEN notes, and for a Dutch page which translations it
  makes outdated) in a child process on the other core, so the reload does not wait
  for them; print them in the terminal in the ``path:line: [level] message (rule)``
  form and write them to preview.json when done; add the panel script to
  ``extra_javascript``;
- ``after_build`` (``on_post_build``): write ``_wegwijs/preview.json`` (the findings)
  and ``_wegwijs/preview.js`` (the panel) into the served site;
- ``build_error`` (``on_build_error``): print the error, write it into preview.json and
  let MkDocs' live-reload server show the pages again (it would otherwise hold every
  request until the error is fixed: "The server will appear stuck"); with ``--dirty``
  the previous pages are still there, so the browser reloads and the panel shows the
  error.
"""
from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tools.wegwijs import findings as F

SCRIPT = Path(__file__).resolve().parent.parent / "preview_assets" / "preview.js"
OUT_DIR = "_wegwijs"
_CHILD = "import sys; from tools.wegwijs.plugin.steps.preview import main; sys.exit(main(sys.argv[1:]))"


@dataclass
class Preview:
    serving: bool = False
    server: object = None
    mtimes: dict = field(default_factory=dict)  # Markdown file -> mtime_ns at the last build
    round: int = 0
    checked: list = field(default_factory=list)  # display paths checked this round
    findings: list = field(default_factory=list)
    error: str | None = None
    pending: bool = False  # the checks of this round still run
    thread: object = None
    root: Path | None = None
    site_dir: Path | None = None


def start(preview: Preview, command: str) -> None:
    preview.serving = command == "serve"


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
    from tools.wegwijs.sources import content_model as cm
    from tools.wegwijs.sources import reader

    wanted = {cm.display_path(p, root) for p in paths}
    out: list[F.Finding] = []
    out += cm.check_all()
    langs = {reader.split_lang(p.name)[1] or "nl" for p in paths}
    b1_paths = [str(p) for p in paths if (reader.split_lang(p.name)[1] or "nl") in b1.LANGS]
    if b1_paths:
        out += b1.check_paths(b1_paths)
    if langs & set(language_rules.LANGUAGES):
        out += language_rules.check_all(root)
    out += source_links.check(paths, root)
    out += translations.check_all()
    out += checklist.check() + glossary.check() + review_markers.check_all()
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
    _check_in_background(preview, sorted(changed), root)


def _check_in_background(preview: Preview, paths: list[Path], root: Path) -> None:
    """Run ``check_files`` in a child process on the other core while MkDocs rebuilds
    (the reload does not wait for the checks); then print the findings and write them
    into preview.json, which the panel polls while ``pending``."""
    import subprocess
    import threading

    this_round = preview.round
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-c", _CHILD, *map(str, paths)], cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def wait():
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
        lines = [f"\nwegwijs: checked {', '.join(preview.checked)} in {took:.1f} s: "
                 f"{_count(preview.findings)}"]
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


def after_build(preview: Preview, config) -> None:
    if preview.serving:
        _write(preview, Path(config.site_dir))


def build_error(preview: Preview, error: Exception) -> None:
    if not preview.serving or preview.site_dir is None:
        return
    preview.round += 1
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
