"""One command line for all tooling: ``python -m tools <command>``.

Each command lives in its own module, imported only when it runs, and exposes
``register(subparsers)``; the parser it adds sets ``func(args) -> list[Finding] | int``.
Every command works on one project, ``args.project`` (a :class:`Project`), made from
``--config PATH`` (before or after the command; default ./mkdocs.yml when the current
directory has one, else this checkout's). Exit status: 0 clean, 1 findings (errors), 2 misuse.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from tools.wegwijs import findings as F

from tools.wegwijs.project import CONFIG_NAME, DEFAULT_ROOT, Project

# Command modules, in the order ``--help`` lists them.
COMMAND_MODULES = [
    "tools.wegwijs.sources.content_model",
    "tools.wegwijs.render.ui_strings",
    "tools.wegwijs.checks.links",
    "tools.wegwijs.sources.media",
    "tools.wegwijs.checks.b1",
    "tools.wegwijs.checks.translations",
    "tools.wegwijs.checks.review_markers",
    "tools.wegwijs.checks.check",
    "tools.wegwijs.checks.rules",
    "tools.wegwijs.sources.scaffold",
    "tools.dev.bench",
    "tools.dev.bench_web",
]


class UsageError(Exception):
    """Raised by a command for misuse (bad path, unknown option value): exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse would call sys.exit(2) itself
        raise UsageError(f"{self.prog}: {message}")


CONFIG_HELP = "the site's MkDocs config (default: ./mkdocs.yml if it exists, else this checkout's)"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m tools", description=__doc__.splitlines()[0])
    parser.add_argument("--config", metavar="PATH", help=CONFIG_HELP)
    sub = parser.add_subparsers(dest="command", metavar="<command>", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    for command in sub.choices.values():  # also accepted after the command
        command.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS, help=CONFIG_HELP)
    return parser


def default_config(cwd: Path | None = None) -> Path:
    """./mkdocs.yml when the current directory has one, else this checkout's."""
    here = (cwd or Path.cwd()) / CONFIG_NAME
    return here if here.is_file() else DEFAULT_ROOT / CONFIG_NAME


def project_for(config: str | None) -> Project:
    """The project of ``--config PATH`` (or the default config)."""
    path = Path(config) if config else default_config()
    if not path.is_file():
        raise UsageError(f"no MkDocs config at {config}: give --config PATH/TO/mkdocs.yml")
    return Project.from_config_file(path)


def add_format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["text", "json", "github", "gitlab"], default="text",
                        help="output format (github: Actions annotations; gitlab: Code Quality JSON)")


def run(argv: list[str], out=None, err=None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help(err)
            return 2
        args.project = project_for(args.config)
        result = args.func(args)
    except UsageError as exc:
        print(f"error: {exc}", file=err)
        return 2
    if isinstance(result, int):
        return result
    text = F.render(result, getattr(args, "format", "text"))
    if text:
        print(text, file=out)
    return F.exit_status(result)
