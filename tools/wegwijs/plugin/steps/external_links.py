"""Build step: every link to another website is marked (issue 14, must have 7).

``page_context`` runs after every other step has put its HTML into the page (the
kaart's places, the stappenplan and werkmap), so every external link in the page's
content gets ``rel="noopener noreferrer"`` and the "(andere website)" marker in the
reader's language (``render.external_links.mark``, on an lxml tree; links inside
pre/code stay as they are). Links to the site's own host (``site_url``) are internal.
"""
from __future__ import annotations

from tools.wegwijs.render import external_links


def page_context(state, page, config) -> None:
    if not page.content:
        return
    page.content = external_links.mark_html(
        page.content, state.t(state.lang), state.templates,
        external_links.own_hosts(config.site_url))
