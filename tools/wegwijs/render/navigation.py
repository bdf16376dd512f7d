"""Navigation built from front matter: home first, then one section per folder.

A folder's ``index.md`` opens its section and gives the section its title (in each
language, from that language's page); the other pages follow by ``order``. The
fase folder follows the fase order of the content model. Pages with
``nav: false`` are left out of the menu (they are still built and linked).
Also computes the fase <-> thema relations that fase and thema pages show.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from tools.wegwijs.sources.content_model import Page, Site


def _sort_key(page: Page, model) -> tuple:
    fases = page.fases
    fase_pos = model.fases.index(fases[0]) if page.meta.get("type") == "fase" and fases \
        and fases[0] in model.fases else 0
    order = page.meta.get("order")
    return (fase_pos, order if isinstance(order, (int, float)) else 9999, page.src)


def build_nav(site: Site) -> list:
    """A MkDocs ``nav`` list of Dutch source paths (static-i18n localises them).

    Folders nest: each folder is a section (its index.md first), so with
    Material's ``navigation.prune`` a page carries only the links of its own
    branch and its HTML does not grow with the size of the site."""
    model = site.model
    pages = [p for p in site.by_lang(model.default_language) if p.meta.get("nav", True)]
    return _section(pages, (), model)


def _section(pages: list[Page], prefix: tuple[str, ...], model) -> list:
    depth = len(prefix)
    here: list[Page] = []
    folders: dict[str, list[Page]] = defaultdict(list)
    for page in pages:
        parts = Path(page.src).parts
        (folders[parts[depth]] if len(parts) > depth + 1 else here).append(page)
    entries: list[tuple[tuple, object]] = []
    index = next((p for p in here if Path(p.src).name == "index.md"), None)
    for page in here:
        if page is index:
            entries.append(((-1,), page.src))
        else:
            entries.append(((0, *_sort_key(page, model)), page.src))
    for folder, members in folders.items():
        sub_index = next((p for p in members if Path(p.src).parts[depth + 1:] == ("index.md",)), None)
        order = sub_index.meta.get("order", 9999) if sub_index else 9999
        title = page_title(sub_index) if sub_index else folder
        children = _section(members, prefix + (folder,), model)
        entries.append(((0, 0, order if isinstance(order, (int, float)) else 9999, folder),
                        {title: children}))
    return [item for _key, item in sorted(entries, key=lambda e: e[0])]


def page_title(page: Page) -> str:
    """The title MkDocs will use: front matter ``title``, else the first H1 (source reader)."""
    return page.title


def relations(site: Site) -> dict[str, list[str]]:
    """id -> related page ids: fase -> its thema's, thema -> its fases (Dutch pages)."""
    pages = site.by_lang(site.model.default_language)
    fase_pages = {p.fases[0]: p for p in pages if p.meta.get("type") == "fase" and p.fases}
    related: dict[str, list[str]] = defaultdict(list)
    themas = sorted((p for p in pages if p.meta.get("type") == "thema"),
                    key=lambda p: _sort_key(p, site.model))
    for thema in themas:
        for fase in thema.fases:
            if fase in fase_pages:
                related[fase_pages[fase].id].append(thema.id)
                related[thema.id].append(fase_pages[fase].id)
    for thema_id in list(related):
        if thema_id not in (p.id for p in fase_pages.values()):
            order = list(site.model.fases)
            by_id = {p.id: f for f, p in fase_pages.items()}
            related[thema_id].sort(key=lambda pid: order.index(by_id[pid]))
    return dict(related)
