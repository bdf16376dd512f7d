"""``python -m tools check`` part: catalogue tasks on pages (contacts: checks/contacts.py).

Pages reference the catalogue with ``[[taak:<id>]]`` lines
(markdown/tasks.py). This check reports, each with ``path:line``:

- ``task-unknown``: a ``[[taak:…]]`` id that is not a task in data/tasks.yml (an old
  id, an alias, gets the task id to write instead);
- ``task-unused`` (warning): a task that no Dutch page shows (data/tasks.yml:line);
- ``task-duplicate``: a checklist line written by hand (``- [ ] … {#id}``) whose id is a
  task id or alias, or whose text is a task's title in the page's language: the
  catalogue task already exists, so the page should show it with ``[[taak:<id>]]``
  (else the reader ticks two items for one task).
"""
from __future__ import annotations

import re

from tools.wegwijs import findings as F
from tools.wegwijs.markdown import tasks as md_tasks
from tools.wegwijs.sources import catalogue as cat
from tools.wegwijs.sources import content_model as cm
from tools.wegwijs.sources.reader import ITEM_ID

_MARKUP = re.compile(r"<[^>]+>|[*_`]+|\[([^\]]*)\]\([^)]*\)")


def _plain(text: str) -> str:
    """Text of a title or checklist line without markup, case and extra spaces, to compare."""
    text = _MARKUP.sub(lambda m: m.group(1) or "", ITEM_ID.sub("", text))
    return " ".join(text.split()).casefold()


def check(site, catalogue) -> list[F.Finding]:
    out: list[F.Finding] = []
    default = site.model.default_language
    used: set[str] = set()
    titles: dict[str, dict[str, str]] = {}  # lang -> plain title -> task id

    def title_index(lang: str) -> dict[str, str]:
        if lang not in titles:
            titles[lang] = {}
            for task_id in catalogue.tasks:
                text, _ = catalogue.text("tasks", task_id, "title", lang)
                titles[lang].setdefault(_plain(text), task_id)
        return titles[lang]

    for page in site.pages:
        body = page.markdown
        for line, task_id in md_tasks.lines(body, md_tasks.TASK_LINE):
            if task_id in catalogue.tasks:
                if page.lang == default:
                    used.add(task_id)
                continue
            main = catalogue.task_id(task_id)
            if main:
                message = f"'{task_id}' is an old id of task '{main}': write [[taak:{main}]]"
            else:
                message = (f"unknown task '{task_id}': use the id of a task in data/tasks.yml "
                           "(python -m tools check lists them by fase), or add the task there first")
            out.append(F.error(page.rel, message, "task-unknown", line=line))
        for item in body.items:
            main = catalogue.task_id(item.id) if item.id else None
            if main is None:
                main = title_index(page.lang).get(_plain(item.text))
            if main:
                out.append(F.error(page.rel, f"this checklist line is task '{main}' of "
                                   f"data/tasks.yml: replace the line by [[taak:{main}]], so the "
                                   "reader's tick is shared with every page that shows it",
                                   "task-duplicate", line=item.line))
    for task in catalogue.tasks.values():
        if task.id not in used:
            out.append(F.warning(task.path, f"task '{task.id}' is on no page: add a line "
                                 f"[[taak:{task.id}]] to the page where it belongs (see 'page:'), "
                                 "or remove the task", "task-unused", line=task.line))
    return out


def check_all(project) -> list[F.Finding]:
    model = cm.load_model(project.config_file)
    catalogue = cat.load(project.data_dir, model.languages, project.root)
    return check(cm.scan(model, root=project.root), catalogue)
