"""``python -m tools check``: run every content check and report all findings together."""
from __future__ import annotations

import importlib

# (name, "module:function") — each function takes the Project and returns findings.
CHECKS = [
    ("content", "tools.wegwijs.sources.content_model:check_all"),
    ("ui-strings", "tools.wegwijs.render.ui_strings:check"),
    ("links", "tools.wegwijs.checks.links:check_sources"),  # released URLs vs docs/ + redirects, no build
    ("source-links", "tools.wegwijs.checks.source_links:check_all"),  # links and anchors as written
    ("media", "tools.wegwijs.sources.media:check"),  # videos in media/: subtitles, audio, descriptions
    ("b1", "tools.wegwijs.checks.b1:check_all"),  # B1 readability of Dutch and English pages
    ("translations", "tools.wegwijs.checks.translations:check_all"),  # missing/outdated/mismatched translations
    ("language", "tools.wegwijs.checks.language_rules:check_all"),  # ar/fa/ti script, punctuation, polite address
    ("language", "tools.wegwijs.checks.catalogue_language:check_all"),  # the same in data/*.{ar,fa,ti}.yml
    ("review-needed", "tools.wegwijs.checks.review_markers:check_all"),  # <!-- NAKIJKEN: ... --> markers
    ("checklist", "tools.wegwijs.markdown.checklist:check"),  # checklist item ids
    ("glossary", "tools.wegwijs.markdown.glossary:check"),  # begrippenlijst term ids and explanations
    ("practice", "tools.wegwijs.checks.practice:check"),  # practice questions (/// vraag)
    ("places", "tools.wegwijs.sources.places:check"),  # data/places.geojson; places still to review
    ("catalogue", "tools.wegwijs.checks.catalogue:check_all"),  # data/: tasks, contacts, documents, links
    ("tasks", "tools.wegwijs.checks.tasks:check_all"),  # [[taak:…]]/[[contact:…]] on pages vs data/
    ("contacts", "tools.wegwijs.checks.contacts:check_all"),  # [[contact:]] ids, places, contacts to review
    ("freshness", "tools.wegwijs.checks.freshness:check_all"),  # checked dates older than review_months
]

NAMES = list(dict.fromkeys(name for name, _ in CHECKS))  # a name may run more than one function


def run_all(project, only: tuple[str, ...] | None = None) -> list:
    """Every check (or the named ones) over one project."""
    results = []
    for name, target in CHECKS:
        if only is not None and name not in only:
            continue
        module, func = target.split(":")
        results.extend(getattr(importlib.import_module(module), func)(project))
    return results


def register(sub) -> None:
    from tools.wegwijs.cli import add_format_option

    parser = sub.add_parser("check", help="run every check (" + ", ".join(NAMES) + ")")
    parser.add_argument("--only", metavar="NAME", action="append", choices=NAMES,
                        help="run only this check (repeat for more)")
    add_format_option(parser)
    from tools.wegwijs.checks import selection

    selection.add_options(parser)  # FILE…, --changed, --strict
    parser.set_defaults(func=lambda args: selection.run(
        args, lambda: run_all(args.project, tuple(args.only) if args.only else None),
        args.project.root))
