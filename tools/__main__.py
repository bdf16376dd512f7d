"""Entry point for ``python -m tools``."""
import sys

from tools.wegwijs.cli import run

sys.exit(run(sys.argv[1:]))
