"""The professionals' task overview (docs/professionals/taken.md), from data/tasks.yml.

A regisseur or begeleider uses it as the communication plan's 'digitale checklist'
(§5.4, annex V): per fase, in time order, every task once with who does it, the
responsible partner, the deadline in words and the page where statushouders read
about it, plus what is still to be checked. Dutch only. The page holds the line
``[[takenoverzicht]]``; plugin/steps/professionals.py puts the table there.
"""
from __future__ import annotations

from typing import Callable

from tools.wegwijs.render import templates

MARKER = "[[takenoverzicht]]"
MILESTONE_NL = {"koppeling": "de koppeling", "regeldag": "de regeldag", "verhuisdag": "de verhuisdag"}
WHO_NL = {"statushouder": "De statushouder"}
LONG = 10  # a fase with more tasks starts on a new printed page


def deadline_words(deadline) -> str | None:
    """A deadline relative to a milestone in Dutch words: 'binnen 14 dagen na de regeldag'."""
    if deadline is None:
        return None
    milestone = MILESTONE_NL.get(deadline.milestone, deadline.milestone)
    days = deadline.days
    count = f"{abs(days)} {'dag' if abs(days) == 1 else 'dagen'}"
    if days == 0:
        return f"op {milestone}"
    if days > 0:
        return f"binnen {count} na {milestone}"
    return f"{count} voor {milestone}"


def _contact_name(catalogue, contact_id) -> str | None:
    record = catalogue.contacts.get(str(contact_id)) if contact_id else None
    return str(record.data.get("name") or record.id) if record else None


def groups(catalogue, fases: tuple[str, ...], fase_titles: dict[str, str],
           page_link: Callable[[str], tuple[str, str] | None]) -> list[dict]:
    """Per fase in time order: its tasks (each once, ordered by deadline), ready to render.

    ``page_link(page_field)`` gives (href, title) of a task's page ('thema/wonen.md#x')
    or None when the page is not built."""
    by_fase: dict[str, list] = {fase: [] for fase in fases}
    for task in catalogue.ordered_tasks(fases):
        if task.fase not in by_fase:
            continue  # the catalogue check reports a task without a known fase
        who = str(task.data.get("who") or "")
        helpers = [name for name in (_contact_name(catalogue, h) for h in task.data.get("helpers") or [])
                   if name]
        link = page_link(str(task.data["page"])) if task.data.get("page") else None
        by_fase[task.fase].append({
            "id": task.id,
            "title": str(task.data.get("title") or task.id),
            "who": WHO_NL.get(who) or _contact_name(catalogue, who) or who or None,
            "helpers": helpers,
            "partner": _contact_name(catalogue, task.data.get("partner")),
            "deadline": deadline_words(task.deadline),
            "page": {"href": link[0], "title": link[1]} if link else None,
            "review": task.data.get("review"),
        })
    return [{"id": fase, "title": fase_titles.get(fase, fase), "tasks": tasks,
             "long": len(tasks) > LONG}
            for fase, tasks in by_fase.items() if tasks]


def render(fase_groups: list[dict], env=None) -> str:
    return templates.render("task_overview.html", env, groups=fase_groups)
