"""The Jinja environment for the HTML the generator writes: autoescaped partials.

All HTML the generator makes itself (stappenplan, werkmap, contactkaart, places,
/go/ and redirect pages, the linking kit, notices) comes from templates under
``overrides/partials/wegwijs/``, rendered with autoescaping on: a title with
``<script>`` in it is written as text. HTML that is already HTML (a page's built
content, a checklist item) is passed in as ``markupsafe.Markup``.

The plugin makes one environment over the theme's folders (``config.theme.dirs``,
so the partials can be overridden like Material's); code that runs outside a
build (tests, checks, the command line) gets one over the project's overrides/.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from tools.wegwijs.project import DEFAULT_ROOT, Project

PARTIALS = "partials/wegwijs/"


@lru_cache(maxsize=8)
def _environment(dirs: tuple[str, ...]) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(list(dirs)), autoescape=True)


def environment(dirs=None) -> jinja2.Environment:
    """Autoescaped environment over dirs (the build passes the theme's folders; default:
    this checkout's overrides/, where the generator's own partials live)."""
    if dirs is None:
        dirs = [Project(DEFAULT_ROOT).overrides_dir]
    return _environment(tuple(str(d) for d in dirs))


def render(name: str, env: jinja2.Environment | None = None, **context) -> str:
    """Render ``partials/wegwijs/<name>`` with context; returns HTML text."""
    return (env or environment()).get_template(PARTIALS + name).render(**context)


def safe(html: str) -> Markup:
    """Mark HTML the generator already built (and escaped) as HTML for a template."""
    return Markup(html)
