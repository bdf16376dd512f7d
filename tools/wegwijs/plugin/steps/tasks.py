"""Build step: catalogue tasks and contacts on pages (``[[taak:<id>]]``, ``[[contact:<id>]]``).

Wires markdown.tasks to render.tasks with the catalogue in data/ (sources.catalogue)
and this build's language:

- ``configure`` (once per run, in on_config): the catalogues into ``state.catalogue``;
- ``register_extension`` (once per run): the Markdown extension;
- rendering a line: the page being rendered is ``state.page`` (set by
  media.start_page at the start of on_page_markdown); an unknown task or contact id
  stops the build with ``docs/<page>.md:<line>: ...`` and the fix.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from tools.wegwijs.markdown import tasks as md_tasks
from tools.wegwijs.render import tasks as render_tasks
from tools.wegwijs.sources import catalogue as cat
from tools.wegwijs.sources import reader
from tools.wegwijs.sources.content_model import display_path


def register_extension(state, config) -> None:
    if state.tasks_extension is None:
        state.tasks_extension = md_tasks.TasksExtension(
            render_tasks=lambda ids: render_list(state, ids))
        config.markdown_extensions.append(state.tasks_extension)


def configure(state) -> None:
    """Once per run: the catalogues in data/ (tasks, contacts, documents, links), which
    every step that shows catalogue data reads from ``state.catalogue``."""
    project = state.project
    state.catalogue = cat.load(project.data_dir, state.site.model.languages, project.root)


def _where(state, pattern, some_id: str) -> str:
    """``docs/x.md:12`` of the line with this id on the page being rendered."""
    page = state.page
    if page is None or not page.file.abs_src_path:
        return "docs"
    path = Path(page.file.abs_src_path)
    rel = display_path(path, state.site.model.docs_dir.parent)
    for number, found in md_tasks.lines(reader.read(path).body, pattern):
        if found == some_id:
            return f"{rel}:{number}"
    return rel


def unknown_task_message(catalogue_, task_id: str) -> str:
    """Why an id in [[taak:…]] is not a task, and what to write instead."""
    main = catalogue_.task_id(task_id)
    if main and main != task_id:
        return (f"'{task_id}' is an old id of task '{main}': write [[taak:{main}]]")
    return (f"unknown task '{task_id}': use the id of a task in data/tasks.yml, or add the "
            "task there first")


def render_list(state, ids: list[str]) -> str:
    catalogue = state.catalogue
    for task_id in ids:
        if task_id not in catalogue.tasks:
            raise PluginError(f"{_where(state, md_tasks.TASK_LINE, task_id)}: "
                              f"{unknown_task_message(catalogue, task_id)}")
    return render_tasks.task_list(catalogue, ids, state.lang, state.t(), state.templates)
