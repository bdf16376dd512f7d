"""``python -m tools check``: run every content check and report all findings together."""
from __future__ import annotations

import importlib

# (name, "module:function") — each function takes no arguments and returns findings.
CHECKS = [
    ("content", "tools.content_model:check_all"),
    ("ui-strings", "tools.ui_strings:check"),
    ("links", "tools.links:check_sources"),  # released URLs vs docs/ + redirects, no build
    ("media", "tools.media:check"),  # videos in media/: subtitles, audio, descriptions
    ("b1", "tools.b1:check_all"),  # B1 readability of Dutch and English pages
    ("translations", "tools.translations:check_all"),  # missing/outdated/mismatched translations
    ("review-needed", "tools.review_markers:check_all"),  # <!-- NAKIJKEN: ... --> markers
    ("checklist", "tools.markdown_checklist:check"),  # checklist item ids
    ("glossary", "tools.glossary:check"),  # begrippenlijst term ids and explanations
    ("places", "tools.places:check"),  # data/places.geojson; places still to review
]


def run_all() -> list:
    results = []
    for _name, target in CHECKS:
        module, func = target.split(":")
        results.extend(getattr(importlib.import_module(module), func)())
    return results


def register(sub) -> None:
    from tools.cli import add_format_option

    parser = sub.add_parser("check", help="run every check (" + ", ".join(n for n, _ in CHECKS) + ")")
    add_format_option(parser)
    parser.set_defaults(func=lambda args: run_all())
