"""Build step: how fresh the facts are (issue 14, must have 6).

- ``configure`` (default-language build): what is due for review today
  (``checks.freshness``, with the plugin option ``review_months``);
- ``page_markdown``: the status page (``type: status``) gets the list of what is due
  (``render.review_status``) at ``<!-- wegwijs:review -->``;
- ``page_content``: a fase or thema page ends with "Gecontroleerd op <date>" in the
  reader's language (``render.checked_date``): the page's own ``checked`` date, or
  for a translation without one, the Dutch page's.
"""
from __future__ import annotations

import datetime as dt

from tools.wegwijs.checks import freshness
from tools.wegwijs.plugin import i18n
from tools.wegwijs.render import checked_date, review_status
from tools.wegwijs.sources import catalogue as cat


def configure(state, config, months: int, today: dt.date | None = None) -> None:
    state.review_today = today or dt.date.today()
    state.review_months = months
    state.review_due = freshness.review_due(state.site, state.catalogue, state.review_today, months)


def page_markdown(state, markdown: str, page) -> str:
    if (page.meta or {}).get("type") != "status" or state.review_today is None:
        return markdown
    return review_status.insert(markdown, review_status.render(
        state.review_due, state.review_today, state.review_months))


def page_checked(state, page) -> dt.date | None:
    """The page's checked date; a translation without one uses the Dutch page's."""
    day = cat.as_date((page.meta or {}).get("checked"))
    if day is None:
        source = state.site.source_pages().get(i18n.source_uri(page.file))
        day = cat.as_date(source.meta.get("checked")) if source else None
    return day


def page_content(state, html: str, page) -> str:
    if (page.meta or {}).get("type") not in checked_date.TYPES:
        return html
    day = page_checked(state, page)
    if day is None:
        return html
    return html + "\n" + checked_date.render(day, state.lang, state.t(state.lang), state.templates)
