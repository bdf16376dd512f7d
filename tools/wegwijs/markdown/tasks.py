"""``[[taak:<id>]]`` lines: catalogue tasks on a page (``[[contact:<id>]]``: markdown/contacts.py).

Pages reference the task catalogue (data/tasks.yml) instead of copying its tasks::

    [[taak:regeldag-huurcontract]]
    [[taak:regeldag-meterstanden]]

Each line stands alone (outside code blocks). Task lines that follow each other
(blank lines between them allowed) form one checklist; each item is the task's
checklist item in the page's language (render.tasks.task_item), so a task ticked on a
thema page is ticked on its fase page too.

The extension runs after the fenced-code preprocessors (priority 19 < 25), so an
example inside a code block stays text. It only finds the lines; the build step
(plugin/steps/tasks.py) supplies the callables that render them and that stop the
build on an unknown id. The checks use the same pattern (``TASK_LINE``)
through ``lines`` on the source reader's prose lines.
"""
from __future__ import annotations

import re
from typing import Callable

from markdown import Extension
from markdown.preprocessors import Preprocessor

TASK_LINE = re.compile(r"^\[\[taak:(?P<id>[^\]\s]*)\]\][ \t]*$")


def lines(body, pattern: re.Pattern = TASK_LINE):
    """(file line, id) of each line matching pattern in a reader.Body, outside code."""
    for number, line in body.prose():
        match = pattern.match(line)
        if match:
            yield number, match["id"]


class _TasksPreprocessor(Preprocessor):
    def __init__(self, md, render_tasks: Callable[[list[str]], str]):
        super().__init__(md)
        self.render_tasks = render_tasks

    def run(self, lines_):
        out: list[str] = []
        run: list[str] = []  # task ids of the checklist being collected
        blanks = 0  # blank lines after the last task line of the run

        def flush():
            nonlocal run, blanks
            if run:
                out.extend(["", self.md.htmlStash.store(self.render_tasks(run)), ""])
                out.extend([""] * blanks)
            run, blanks = [], 0

        for line in lines_:
            task = TASK_LINE.match(line)
            if task:
                run.append(task["id"])
                blanks = 0
                continue
            if run and not line.strip():
                blanks += 1
                continue
            flush()
            out.append(line)
        flush()
        return out


class TasksExtension(Extension):
    def __init__(self, render_tasks: Callable[[list[str]], str], **kwargs):
        super().__init__(**kwargs)
        self.render_tasks = render_tasks

    def extendMarkdown(self, md):
        md.preprocessors.register(
            _TasksPreprocessor(md, self.render_tasks), "wegwijs_tasks", 19)
