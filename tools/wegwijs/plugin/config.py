"""Typed configuration of the ``wegwijs`` plugin (``plugins: - wegwijs:`` in mkdocs.yml).

``model`` is the content model's vocabulary: page types, fases in time order and
thema's; every page's front matter is checked against it. ``redirects`` is the ONE
place for moved pages: ``old/path.md: new/path.md`` keeps the old address working in
every language; ``go/<old-id>: new/path.md`` keeps an old permanent link working.
``review_months`` is how old a ``checked:`` date may get before it is due for review.

The checks (``python -m tools``) read the same options from mkdocs.yml without
running MkDocs: see ``sources.content_model.plugin_options``.
"""
from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class ModelConfig(base.Config):
    types = c.ListOfItems(c.Type(str))
    fases = c.ListOfItems(c.Type(str))
    themas = c.ListOfItems(c.Type(str))


class WegwijsConfig(base.Config):
    model = c.SubConfig(ModelConfig)
    redirects = c.Type(dict, default={})
    # Days a missing/outdated translation is a warning before it is an error
    # (checks/translation_grace.py; --strict: always an error).
    translation_grace_days = c.Type(int, default=30)
    # Months after a 'checked:' date before `python -m tools check` warns review-overdue
    # and the status page lists the item (checks/freshness.py reads the same option).
    review_months = c.Type(int, default=12)
