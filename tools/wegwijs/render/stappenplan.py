"""Mijn stappenplan, generated from the task catalogue (data/tasks.yml, issue 14).

Every task once, grouped by fase in time order and within a fase by deadline
(``Catalogue.ordered_tasks``). Each item has the same markup and id as a task on a
page (``li.task-list-item`` with ``id`` and ``data-check-id`` = the task id, an enabled
checkbox ``id="check-<id>"`` and a ``<label for>``), so checklist.js keeps the ticks of
the plan, the fase pages and the thema pages in sync, in every language.

Extra per item, for overrides/assets/wegwijs/stappenplan.js: ``data-fase``, and for a
task with a deadline ``data-deadline-milestone`` / ``data-deadline-days``; the script
turns them into a date once the reader has entered the date of that milestone. Without
JavaScript (and on paper) the deadline reads as text relative to the milestone.

Each fase section links to its fase page; each item links to the page in its
``page:`` field, in the reader's language. ``extras`` (thema id -> links) is the place
for further links per thema (issue 16: practice modules); they show under every task
of that thema. The markup is the autoescaped partial overrides/partials/wegwijs/stappenplan.html.
"""
from __future__ import annotations


from babel.dates import get_date_format, get_month_names
from mkdocs.utils import get_relative_url

from tools.wegwijs.render import templates, ui_strings
from tools.wegwijs.sources import catalogue as cat

# When a fase begins, relative to the dates the reader can enter (seed §4.2, klantreis).
# Only used to find the current fase for "Wat moet ik nu doen?"; a fase not listed
# begins when the one before it ends.
FASE_START = {
    "gekoppeld": ("koppeling", 0),
    "regeldag": ("regeldag", 0),
    "regelweken": ("regeldag", 1),
    "verhuizen": ("verhuisdag", 0),
}
DATE_KEY = "wegwijs.dates.v1"  # localStorage key of the entered dates (stappenplan.js)


def deadline_text(deadline: cat.Deadline | None, t, lang: str) -> str | None:
    """The deadline in words, relative to its milestone ("Uiterlijk op de regeldag")."""
    if deadline is None:
        return None
    days = deadline.days
    if days == 0:
        key = "on"
    elif abs(days) == 1:
        key = "dayafter" if days > 0 else "daybefore"
    else:
        key = "after" if days > 0 else "before"
    milestone = t(f"wegwijs.plan.milestone.{deadline.milestone}")
    return t(f"wegwijs.plan.deadline.{key}").replace("{milestone}", milestone).replace(
        "{days}", ui_strings.localize_digits(str(abs(days)), lang))


def plan_html(catalogue, fases: tuple[str, ...], pages: list, page_url: str, lang: str, t,
              direction_of, env=None, extras: dict[str, list[dict]] | None = None) -> str:
    """The whole plan. pages: this language's ``plan_pages.Rendered`` pages (for the
    fase sections' titles and links, and each task's page link)."""
    by_src = {p.src: p for p in pages}
    fase_pages = {p.fases[0]: p for p in pages if p.type == "fase" and p.fases}

    def lang_attrs(text_lang: str) -> dict:
        if text_lang == lang:
            return {"lang": None, "dir": None}
        return {"lang": text_lang, "dir": direction_of(text_lang)}

    groups: dict[str, list] = {f: [] for f in fases}
    for task in catalogue.ordered_tasks(fases):
        if task.fase not in groups:
            continue  # the catalogue check reports a task without a (known) fase
        title, title_lang = catalogue.text("tasks", task.id, "title", lang)
        link = None
        target = str(task.get("page", ""))
        src, _, anchor = target.partition("#")
        page = by_src.get(src)
        if page is not None:
            url = get_relative_url(page.url, page_url)
            if not url.endswith("/"):
                url += "/"
            link = {"url": url + (f"#{anchor}" if anchor else ""), "title": page.title,
                    **lang_attrs(page.content_lang)}
        deadline = task.deadline
        groups[task.fase].append({
            "id": task.id, "title": title, **lang_attrs(title_lang),
            "fase": task.fase, "aliases": " ".join(task.aliases),
            "milestone": deadline.milestone if deadline else None,
            "days": deadline.days if deadline else None,
            "deadline": deadline_text(deadline, t, lang), "link": link,
            "extras": [x for thema in task.themas for x in (extras or {}).get(thema, [])],
        })
    sections = []
    for fase in fases:
        if not groups[fase]:
            continue
        section = {"id": fase, "title": fase, "url": None, "lang": None, "dir": None,
                   "start": FASE_START.get(fase), "tasks": groups[fase]}
        fase_page = fase_pages.get(fase)
        if fase_page is not None:
            section.update(title=fase_page.title, url=get_relative_url(fase_page.url, page_url),
                           **lang_attrs(fase_page.content_lang))
        sections.append(section)
    return templates.render("stappenplan.html", env, sections=sections, lang=lang,
                            dir=direction_of(lang), t=t, milestones=list(catalogue.milestones),
                            date_format=date_format(lang))


def date_format(lang: str) -> dict:
    """CLDR's long date pattern and month names (Babel), for a browser whose Intl lacks
    the language (Chromium has no Tigrinya): stappenplan.js formats dates with them."""
    months = get_month_names("wide", context="format", locale=lang)
    return {"pattern": get_date_format("long", locale=lang).pattern,
            "months": "|".join(months[m] for m in range(1, 13))}
