"""The "Opnieuw nakijken" part of the status page (docs/status.md), as Markdown.

Lists every page, task, contact and link whose ``checked`` date is missing or older
than the wegwijs plugin's ``review_months`` (``checks.freshness``), oldest first, with
the file and line to update. The page holds the line ``<!-- wegwijs:review -->``
where this text goes (else it is added at the end); plugin/steps/freshness.py puts it there.
"""
from __future__ import annotations

import datetime as dt

from tools.wegwijs.checks import freshness
from tools.wegwijs.render import ui_strings

MARKER = "<!-- wegwijs:review -->"
KIND_NL = {"page": "Pagina", "tasks": "Taak", "contacts": "Contact", "links": "Link"}


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def render(items: list[freshness.Due], today: dt.date, months: int) -> str:
    out = ["## Opnieuw nakijken {#nakijken}", "",
           f"Feiten veranderen. Daarom kijken we alles minstens elke {months} maanden na. "
           f"Hieronder staat wat op {ui_strings.format_date(today, 'nl')} langer dan "
           f"{months} maanden geleden is nagekeken, of nog geen datum heeft. "
           "Kijk de feiten en de bron na. Zet dan bij `checked` de datum van vandaag.", ""]
    if not items:
        out.append("Alles is op tijd nagekeken.")
        return "\n".join(out) + "\n"
    ordered = sorted(items, key=lambda i: (i.checked or dt.date.min, i.path, i.line))
    out += [f"Er {'is' if len(ordered) == 1 else 'zijn'} {len(ordered)} "
            f"{'onderdeel' if len(ordered) == 1 else 'onderdelen'} om na te kijken.", "",
            "| Wat | Naam | Nagekeken op | Bestand |", "| --- | --- | --- | --- |"]
    for item in ordered:
        when = ui_strings.format_date(item.checked, "nl") if item.checked else "nog geen datum"
        out.append(f"| {KIND_NL[item.kind]} | {_cell(item.title)} | {when} | "
                   f"`{item.path}:{item.line}` |")
    return "\n".join(out) + "\n"


def insert(markdown: str, generated: str) -> str:
    if MARKER in markdown:
        return markdown.replace(MARKER, generated)
    return markdown.rstrip() + "\n\n" + generated
