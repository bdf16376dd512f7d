"""HTML of catalogue tasks on a page: the checklist item with who helps, what to bring, links.

A task (data/tasks.yml) is shown as the same checklist item wherever it appears (a fase
page, a thema page, Mijn stappenplan): ``<li id="<task id>" data-check-id="<task id>">``
with an enabled checkbox ``check-<id>``, the title in the page's language as the
checkbox's label, ``data-aliases`` (older ids whose ticks count for this task), and a
compact ``<details>`` with who helps (phone as ``tel:`` link), what to bring and the
official links. Same id everywhere, so one tick shows on every page and in every
language (overrides/assets/wegwijs/checklist.js).

The markup is in the autoescaped partial ``task.html``; texts come
from ``sources.catalogue`` (a Dutch fallback is marked ``lang="nl"``). The only markup a
catalogue text may hold is ``<bdi lang="nl">…</bdi>`` around a Dutch word, as on the
pages; anything else is shown as text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from tools.wegwijs.render import templates

DUTCH = "nl"
_BDI = re.compile(r"&lt;bdi lang=(?:&#34;|&quot;|\")nl(?:&#34;|&quot;|\")&gt;(.*?)&lt;/bdi&gt;")


def inline_text(text: str) -> Markup:
    """Escape text but keep ``<bdi lang="nl">word</bdi>`` (Dutch words in a translation)."""
    return Markup(_BDI.sub(r'<bdi lang="nl">\1</bdi>', str(escape(text))))


def tel_uri(phone: str) -> str:
    """``tel:`` URI of a phone number as written (``+31 35 123 45 67``, ``0900-8844``)."""
    return "tel:" + re.sub(r"[^0-9+]", "", phone)


@dataclass(frozen=True)
class Text:
    text: Markup
    lang: str | None  # set when the text is not in the page's language (a Dutch fallback)


def _text(catalogue, kind: str, record_id: str, key: str, lang: str) -> Text:
    value, text_lang = catalogue.text(kind, record_id, key, lang)
    return Text(inline_text(value), text_lang if text_lang != lang else None)


def _link_url(record, lang: str) -> tuple[str, str | None]:
    """(url, language of the page it opens): the page in the reader's language if any."""
    urls = record.data.get("urls") or {}
    if isinstance(urls, dict) and urls.get(lang):
        return str(urls[lang]), None
    return str(record.data.get("url") or ""), DUTCH if lang != DUTCH else None


def task_context(catalogue, task_id: str, lang: str) -> dict:
    """What task.html shows for one task in one language."""
    task = catalogue.tasks[task_id]
    helpers = []
    for contact_id in task.data.get("helpers") or []:
        contact = catalogue.contacts.get(str(contact_id))
        if contact is None:
            continue
        phone = contact.data.get("phone")
        helpers.append({"name": _text(catalogue, "contacts", contact.id, "name", lang),
                        "phone": str(phone) if phone and not contact.data.get("personal") else None,
                        "tel": tel_uri(str(phone)) if phone else None})
    bring = [_text(catalogue, "documents", str(d), "name", lang)
             for d in task.data.get("bring") or [] if str(d) in catalogue.documents]
    links = []
    for link_id in task.data.get("links") or []:
        record = catalogue.links.get(str(link_id))
        if record is None:
            continue
        url, url_lang = _link_url(record, lang)
        links.append({"title": _text(catalogue, "links", record.id, "title", lang), "url": url,
                      "hreflang": url_lang})
    return {"id": task.id, "aliases": " ".join(task.aliases),
            "title": _text(catalogue, "tasks", task.id, "title", lang),
            "helpers": helpers, "bring": bring, "links": links}


def task_item(catalogue, task_id: str, lang: str, t, env=None) -> str:
    """One ``<li>`` checklist item for a catalogue task (task_id must be a task id)."""
    return templates.render("task.html", env, t=t, task=task_context(catalogue, task_id, lang))


def task_list(catalogue, task_ids, lang: str, t, env=None) -> str:
    """One checklist (``<ul class="task-list">``) of catalogue tasks, in the given order."""
    items = "\n".join(task_item(catalogue, task_id, lang, t, env) for task_id in task_ids)
    return f'<ul class="task-list">\n{items}\n</ul>'
