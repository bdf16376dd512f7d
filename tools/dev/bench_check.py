"""Time ``python -m tools check`` over another site (the benchmark's synthetic site).

``time_check(config_file) -> float`` (seconds, wall clock) is what ``tools/dev/bench.py``
(``make bench``) calls. It runs the real command, ``python -m tools --config
CONFIG_FILE check``, in a fresh Python process, as a content manager would.

``python -m tools.dev.bench_check CONFIG_FILE`` prints the time and the number of findings.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path


def command(config_file: Path) -> list[str]:
    return [sys.executable, "-m", "tools", "--config", str(config_file), "check", "--format", "json"]


def run_check(config_file: Path) -> tuple[float, int, int]:
    """Run the check command over config_file's site in a fresh process:
    (seconds, exit status, number of findings)."""
    start = time.perf_counter()
    proc = subprocess.run(command(config_file), cwd=Path(config_file).parent, check=False,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command(config_file))} failed ({proc.returncode}):\n"
                           f"{proc.stderr[-2000:]}")
    text = proc.stdout.strip()
    return seconds, proc.returncode, len(json.loads(text)) if text else 0


def time_check(config_file: Path) -> float:
    """Seconds that ``python -m tools --config CONFIG_FILE check`` takes."""
    return run_check(config_file)[0]


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_file():
        print("usage: python -m tools.dev.bench_check CONFIG_FILE (a site's mkdocs.yml)",
              file=sys.stderr)
        return 2
    seconds, code, count = run_check(Path(argv[0]))
    print(f"check over {argv[0]}: {seconds:.2f} s, {count} findings, exit {code}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
