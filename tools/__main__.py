"""Entry point for ``python -m tools``."""
import sys

from tools.cli import run

sys.exit(run(sys.argv[1:]))
