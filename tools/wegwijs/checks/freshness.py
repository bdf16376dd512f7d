"""``python -m tools check`` part: facts that are due for review (issue 14, must have 6).

Pages, tasks, contacts and official links carry ``checked: YYYY-MM-DD``: the date
someone last verified their facts. When that date is older than the wegwijs
plugin's ``review_months`` (mkdocs.yml, default 12) the check warns
``review-overdue`` with ``path:line``; the status page (docs/status.md) lists the
same items, so content managers see what to check next.

Which dates count:

- every page with ``checked`` in its front matter; a Dutch fase or thema page
  without one is reported too (it must say when its facts were checked);
- a translation keeps its OWN ``checked`` date (the date its facts were last
  compared with the Dutch page), so the cross-language front-matter rule does not
  compare it; a translation without one shows and uses the Dutch page's date;
- every task, contact and link record in data/ (documents have no date).

``today`` is an argument everywhere, so tests pass a fixed date.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from tools.wegwijs import findings as F
from tools.wegwijs.sources import catalogue as cat
from tools.wegwijs.sources import content_model as cm

RULE = "review-overdue"
OPTION = "review_months"  # the wegwijs plugin option in mkdocs.yml
DEFAULT_MONTHS = 12
DATED_TYPES = ("fase", "thema")  # Dutch pages of these types must have a checked date
RECORD_KINDS = ("tasks", "contacts", "links")
KIND_NAME = {"page": "page", "tasks": "task", "contacts": "contact", "links": "link"}


@dataclass(frozen=True)
class Due:
    """One thing whose facts must be checked again."""

    kind: str  # page | tasks | contacts | links
    id: str
    title: str
    path: str  # display path (repo-relative)
    line: int
    checked: dt.date | None  # None: no date at all

    def finding(self, months: int) -> F.Finding:
        what = f"{KIND_NAME[self.kind]} '{self.id}'"
        if self.checked is None:
            message = (f"{what} has no checked date: check its facts, then add "
                       "'checked: YYYY-MM-DD' with today's date")
        else:
            message = (f"{what} was last checked on {self.checked.isoformat()}, more than "
                       f"{months} months ago: check its facts (and sources), then set "
                       "'checked:' to today's date")
        return F.warning(self.path, message, RULE, line=self.line)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def is_overdue(checked: dt.date | None, today: dt.date, months: int) -> bool:
    return checked is None or add_months(checked, months) < today


def review_months(config_file: Path) -> int:
    """The plugin option as the build reads it (plugin/config.py), read without MkDocs."""
    value = cm.plugin_options(cm.read_config(config_file)).get(OPTION, DEFAULT_MONTHS)
    return value if isinstance(value, int) and value > 0 else DEFAULT_MONTHS


def page_checked(page: cm.Page) -> dt.date | None:
    value = page.meta.get("checked")
    return value if isinstance(value, dt.date) else None


def dated_items(site: cm.Site, catalogue: cat.Catalogue) -> list[Due]:
    """Everything that carries (or must carry) a checked date, with that date."""
    out: list[Due] = []
    default = site.model.default_language
    for page in site.pages:
        required = page.lang == default and page.meta.get("type") in DATED_TYPES
        if "checked" not in page.meta and not required:
            continue
        out.append(Due("page", page.id or page.src, page.title, page.rel,
                       page.line_of("checked") if "checked" in page.meta else 2,
                       page_checked(page)))
    for kind in RECORD_KINDS:
        for record in catalogue.records(kind).values():
            title = record.data.get("title" if kind in ("tasks", "links") else "name") or record.id
            out.append(Due(kind, record.id, str(title), record.path, record.line, record.checked))
    return out


def due(items: list[Due], today: dt.date, months: int) -> list[Due]:
    """The items whose checked date is missing or older than ``months`` before today."""
    return [item for item in items if is_overdue(item.checked, today, months)]


def malformed_dates(catalogue: cat.Catalogue) -> list[F.Finding]:
    """A record's ``checked`` that is not a date (pages: the content model reports it)."""
    out = []
    for kind in RECORD_KINDS:
        for record in catalogue.records(kind).values():
            value = record.data.get("checked")
            if value is not None and record.checked is None:
                out.append(F.error(record.path, f"'{record.id}': checked must be a date written "
                                   f"as YYYY-MM-DD, not '{value}'", cat.RULE, line=record.line))
    return out


def review_due(site: cm.Site, catalogue: cat.Catalogue, today: dt.date, months: int) -> list[Due]:
    return due(dated_items(site, catalogue), today, months)


def check_all(project, today: dt.date | None = None) -> list[F.Finding]:
    config_file = project.config_file
    model = cm.load_model(config_file)
    site = cm.scan(model, root=project.root)
    catalogue = cat.load(project.data_dir, model.languages, project.root)
    months = review_months(config_file)
    items = review_due(site, catalogue, today or dt.date.today(), months)
    return malformed_dates(catalogue) + [item.finding(months) for item in items]
