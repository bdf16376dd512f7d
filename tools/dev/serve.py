"""``make serve``: the fast preview of one language, with the checks of each saved page.

``python -m tools.dev.serve [--lang nl|en|ar|ti|fa] [--all] [--full]``

- default (``make serve``): Dutch only, mkdocs-static-i18n's ``build_only_locale``
  (environment ``WEGWIJS_ONLY_LANG``, read in mkdocs.yml);
- ``--lang ar`` (``make serve LANG=ar``): Dutch, which static-i18n always builds as the
  default language, plus Arabic; the other languages are switched off
  (``WEGWIJS_BUILD_<LANG>=false``). ``build_only_locale: ar`` cannot be used with the
  suffix structure: it makes ``x.md`` (Dutch) the Arabic page;
- ``--all`` (``make serve-all``): every language, as the published site.

MkDocs runs with ``--dirty``: only changed pages are rendered again. The plugin still
recomputes navigation, begrippen and links, but re-reads only the saved sources (the
others are kept by modification time), keeps compiled templates and the theme's file
list, and on a rebuild skips the site-wide files a page view does not need (search
index, /go/ and redirect pages, QR codes, urls.txt, 404 and offline pages; no service
worker at all): plugin/steps/preview.py. ``make bench-preview`` measures it.
MkDocs also runs with ``--no-strict``: a warning is shown in the terminal and the
preview panel instead of stopping the preview (``make build`` and ``make check`` stay
strict). ``--full`` turns
``--dirty`` off. The wegwijs plugin knows it is serving (``on_startup``) and then checks
each saved page and shows the findings on the page (plugin/steps/preview.py).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from tools.wegwijs.sources import content_model


def environment(lang: str | None, languages: tuple[str, ...]) -> dict[str, str]:
    """The environment switches for a preview of ``lang`` (None: every language)."""
    env: dict[str, str] = {}
    if lang is None:
        return env
    default = languages[0]
    if lang == default:
        env["WEGWIJS_ONLY_LANG"] = lang
    else:
        for other in languages[1:]:
            if other != lang:
                env[f"WEGWIJS_BUILD_{other.upper()}"] = "false"
    env["WEGWIJS_PREVIEW_LANG"] = lang
    return env


def command(args, extra: list[str]) -> list[str]:
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--no-strict"]
    if not args.full:
        cmd.append("--dirty")
    return cmd + extra


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.dev.serve", description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="nl", help="the language to preview (default: nl)")
    parser.add_argument("--all", action="store_true", help="every language (slower)")
    parser.add_argument("--full", action="store_true", help="rebuild every page on each save (no --dirty)")
    args, extra = parser.parse_known_args(argv)
    languages = content_model.load_model(Path("mkdocs.yml").resolve()).languages
    if not args.all and args.lang not in languages:
        print(f"make serve: unknown language '{args.lang}'; use one of {', '.join(languages)}, "
              "e.g. make serve LANG=ar (or make serve-all for every language)", file=sys.stderr)
        return 2
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           **environment(None if args.all else args.lang, languages)}
    shown = "every language" if args.all else args.lang
    print(f"make serve: preview of {shown} on http://127.0.0.1:8000/ (Ctrl+C stops it)", flush=True)
    try:
        return subprocess.call(command(args, extra), env=env)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
