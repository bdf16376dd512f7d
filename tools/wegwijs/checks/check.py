"""``python -m tools check``: run every content check and report all findings together."""
from __future__ import annotations

import importlib

# (name, "module:function") — each function takes no arguments and returns findings.
CHECKS = [
    ("content", "tools.wegwijs.sources.content_model:check_all"),
    ("ui-strings", "tools.wegwijs.render.ui_strings:check"),
    ("links", "tools.wegwijs.checks.links:check_sources"),  # released URLs vs docs/ + redirects, no build
    ("media", "tools.wegwijs.sources.media:check"),  # videos in media/: subtitles, audio, descriptions
    ("b1", "tools.wegwijs.checks.b1:check_all"),  # B1 readability of Dutch and English pages
    ("translations", "tools.wegwijs.checks.translations:check_all"),  # missing/outdated/mismatched translations
    ("language", "tools.wegwijs.checks.language_rules:check_all"),  # ar/fa/ti script, punctuation, polite address
    ("review-needed", "tools.wegwijs.checks.review_markers:check_all"),  # <!-- NAKIJKEN: ... --> markers
    ("checklist", "tools.wegwijs.markdown.checklist:check"),  # checklist item ids
    ("glossary", "tools.wegwijs.markdown.glossary:check"),  # begrippenlijst term ids and explanations
    ("practice", "tools.wegwijs.checks.practice:check"),  # practice questions (/// vraag)
    ("places", "tools.wegwijs.sources.places:check"),  # data/places.geojson; places still to review
]


def run_all() -> list:
    results = []
    for _name, target in CHECKS:
        module, func = target.split(":")
        results.extend(getattr(importlib.import_module(module), func)())
    return results


def register(sub) -> None:
    from tools.wegwijs.cli import add_format_option

    parser = sub.add_parser("check", help="run every check (" + ", ".join(n for n, _ in CHECKS) + ")")
    add_format_option(parser)
    parser.set_defaults(func=lambda args: run_all())
