"""``make bench-preview``: seconds from saving a one-line edit of a Dutch thema page to
the reloaded page in the preview, for every language (before) and Dutch only (after).

The project is copied to a temporary folder (docs/ is never touched). For each mode the
benchmark starts ``python -m tools.dev.serve`` on a free port, waits for the first
build, then ``--rounds`` times: appends a line with a unique word to
docs/thema/wonen.md, and polls ``/thema/wonen/`` (the live-reload server holds a request
while it rebuilds) until the word is in the page. The time from the save to that
response is what a content manager waits for the browser to reload (the browser's
live-reload request returns at the same moment). Prints each round, the median and the
load average (so a figure measured on a busy machine says so), and the CPU seconds the
MkDocs process spent on each rebuild (Linux /proc; the checks' child process is not
counted): on a machine with a free core the wait is about that plus the file watcher's
poll (MkDocs polls every 0.5 s), whatever else the machine does.

``--modes all,nl`` (default), ``--rounds 5``, ``--page thema/wonen.md``, ``--project
DIR`` (another checkout, e.g. of ``main``, to measure "before"; default this one).
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tools.wegwijs.project import DEFAULT_ROOT as ROOT

COPY_IGNORE = shutil.ignore_patterns(".venv", "node_modules", ".git", "site", "bench-out",
                                     "__pycache__", "*.egg-info")
MODES = {"all": ["--all"], "nl": ["--lang", "nl"], "nl-full": ["--lang", "nl", "--full"]}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 120) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def _wait_for(url: str, word: str | None, deadline: float) -> bool:
    while time.monotonic() < deadline:
        text = _get(url)
        if text is not None and (word is None or word in text):
            return True
        time.sleep(0.05)
    return False


def _mkdocs_pid(serve_pid: int) -> int | None:
    """The ``mkdocs serve`` process that tools.dev.serve started (Linux /proc), or None."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == serve_pid:
            return int(stat.parent.name)
    return None


def _cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU seconds of one process so far (not its children)."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(project: Path, mode: str, rounds: int, page: str, log) -> list[tuple]:
    port = _free_port()
    cmd = [sys.executable, "-m", "tools.dev.serve", *MODES[mode], "-a", f"127.0.0.1:{port}"]
    proc = subprocess.Popen(cmd, cwd=project, stdout=log, stderr=log, start_new_session=True,
                            env={**os.environ, "PYTHONPATH": str(project)})
    url = f"http://127.0.0.1:{port}/{page[:-3]}/"
    source = project / "docs" / page
    original = source.read_text(encoding="utf-8")
    times = []
    try:
        if not _wait_for(url, None, time.monotonic() + 600):
            raise SystemExit(f"bench-preview: the {mode} preview did not come up; see {log.name}")
        time.sleep(1.0)  # let the watcher settle after the first build
        mkdocs = _mkdocs_pid(proc.pid)
        for n in range(rounds):
            word = f"benchpreview{mode.replace('-', '')}{n}x{int(time.time())}"
            cpu = _cpu_seconds(mkdocs)
            saved = time.monotonic()
            source.write_text(original.rstrip("\n") + f"\n\nZie ook {word}.\n", encoding="utf-8")
            if not _wait_for(url, word, saved + 600):
                raise SystemExit(f"bench-preview: the edit never appeared ({mode}); see {log.name}")
            wall, after = time.monotonic() - saved, _cpu_seconds(mkdocs)
            used = after - cpu if cpu is not None and after is not None else None
            times.append((wall, used))
            print(f"  {mode:8} round {n + 1}: {wall:.2f} s"
                  + (f" (rebuild CPU {used:.2f} s)" if used is not None else ""), flush=True)
            time.sleep(1.0)
    finally:
        source.write_text(original, encoding="utf-8")
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.dev.bench_preview",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--modes", default="all,nl", help="comma-separated: all, nl, nl-full")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--page", default="thema/wonen.md")
    parser.add_argument("--project", type=Path, default=ROOT, help="the checkout to measure")
    args = parser.parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory(prefix="wegwijs-bench-preview-") as tmp:
        project = Path(tmp) / "project"
        shutil.copytree(args.project, project, ignore=COPY_IGNORE)
        log_path = Path(tmp) / "serve.log"
        with open(log_path, "w") as log:
            for mode in args.modes.split(","):
                results[mode] = measure(project, mode, args.rounds, args.page, log)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\nSave of docs/{args.page} -> reloaded page (median of {args.rounds}, "
          f"{os.cpu_count()} cores, load average {load}):")
    for mode, runs in results.items():
        label = {"all": "every language (before)", "nl": "Dutch only, --dirty (make serve)",
                 "nl-full": "Dutch only, full rebuild"}[mode]
        walls = [wall for wall, _ in runs]
        cpus = [cpu for _, cpu in runs if cpu is not None]
        cpu = f", rebuild CPU median {statistics.median(cpus):.2f} s" if cpus else ""
        print(f"  {label:34} {statistics.median(walls):6.2f} s  (runs: "
              + ", ".join(f"{t:.2f}" for t in walls) + f"{cpu})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
