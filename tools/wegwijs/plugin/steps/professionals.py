"""Build step: the professionals' task overview (docs/professionals/taken.md).

``page_content``: on a page with the line ``[[takenoverzicht]]`` (a paragraph of its
own, outside code) that paragraph is replaced by the overview of every task in
data/tasks.yml per fase (``render.task_overview``), with links to the pages where
statushouders read about each task, relative to this page.
"""
from __future__ import annotations


from mkdocs.utils import get_relative_url

from tools.wegwijs.render import html_tree, task_overview


def _page_link(state, page, files):
    sources = state.site.source_pages()

    def link(target: str):
        src, _, anchor = target.partition("#")
        file = files.get_file_from_path(src)
        source = sources.get(src)
        if file is None or source is None:
            return None
        href = get_relative_url(file.url, page.url) + (f"#{anchor}" if anchor else "")
        return href, source.title

    return link


def page_content(state, html: str, page, files, config) -> str:
    if task_overview.MARKER not in html:
        return html
    root = html_tree.parse(html)
    spots = [p for p in html_tree.elements(root, "p")
             if (p.text or "").strip() == task_overview.MARKER and not len(p)]
    if not spots:
        return html
    fase_titles = {}
    for source in state.site.source_pages().values():
        if source.meta.get("type") == "fase" and source.fases:
            fase_titles.setdefault(source.fases[0], source.title)
    generated = task_overview.render(task_overview.groups(
        state.catalogue, state.site.model.fases, fase_titles, _page_link(state, page, files)), state.templates)
    for p in spots:
        html_tree.insert_before(p, generated)
        tail = p.tail
        parent = p.getparent()
        previous = p.getprevious()
        if tail:
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(p)
    return html_tree.serialize(root)
