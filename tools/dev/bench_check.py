"""Time ``python -m tools check`` over another docs folder (the benchmark's synthetic site).

``time_check(docs_dir) -> float`` (seconds, wall clock) is what ``tools/dev/bench.py``
(``make bench``) calls. It runs the real command in a fresh Python process, as a
content manager would, with the content model pointed at ``docs_dir``: every
module's ``load_model`` returns the project's model with that docs folder.

``python -m tools.dev.bench_check DOCS_DIR`` prints the time and the number of findings.
"""
from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
import time
from pathlib import Path

from tools.wegwijs.project import DEFAULT_ROOT as ROOT


def _point_at(docs_dir: Path) -> None:
    """Make every tools module's load_model() return the model with docs_dir replaced."""
    import importlib

    from tools.wegwijs.checks import check
    from tools.wegwijs.sources import content_model

    original = content_model.load_model
    model = dataclasses.replace(original(), docs_dir=Path(docs_dir).resolve())

    def load_model(*args, **kwargs):
        return model

    content_model.load_model = load_model
    for _name, target in check.CHECKS:
        module = importlib.import_module(target.split(":")[0])
        if getattr(module, "load_model", None) is original:
            module.load_model = load_model


def run_check(docs_dir: Path) -> tuple[int, int]:
    """Run ``check`` in this process against docs_dir: (exit status, number of findings)."""
    _point_at(docs_dir)
    from tools.wegwijs.cli import run

    out = io.StringIO()
    code = run(["check", "--format", "json"], out=out, err=io.StringIO())
    import json

    text = out.getvalue().strip()
    return code, len(json.loads(text)) if text else 0


def time_check(docs_dir: Path) -> float:
    """Seconds that ``python -m tools check`` takes over docs_dir, in a fresh process."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tools.dev.bench_check", "--quiet", str(docs_dir)],
                   cwd=ROOT, check=False, capture_output=True)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    args = [a for a in argv if a != "--quiet"]
    if len(args) != 1 or not Path(args[0]).is_dir():
        print("usage: python -m tools.dev.bench_check [--quiet] DOCS_DIR", file=sys.stderr)
        return 2
    start = time.perf_counter()
    code, count = run_check(Path(args[0]))
    if not quiet:
        print(f"check over {args[0]}: {time.perf_counter() - start:.2f} s in-process, "
              f"{count} findings, exit {code}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
