"""The Dutch status page for content managers, as Markdown, from ``translations.status``.

``docs/status.md`` (``type: status``, ``translate: false``, ``nav: false``) holds
the line ``<!-- wegwijs:status -->``; the build hook ``tools/wegwijs/plugin/steps/translations.py``
puts this text in its place. Per language: the share of Dutch pages that are
translated and up to date, then every missing and every outdated page, with
the file to create or to check.
"""
from __future__ import annotations

from tools.wegwijs.checks import translations
from tools.wegwijs.render.ui_strings import language_info
from tools.wegwijs.sources import reader

MARKER = "<!-- wegwijs:status -->"


def _title(page) -> str:
    return page.title


def render(status: translations.Status) -> str:
    summary = status.summary()
    total = len(status.pages)
    out = [
        f"Er zijn {total} Nederlandse pagina's die vertaald moeten worden. "
        "De website maakt deze lijst zelf, elke keer als we de website bouwen.",
        "",
        "| Taal | Vertaald | Bijgewerkt | Ontbreekt | Verouderd |",
        "| --- | --- | --- | --- | --- |",
    ]
    for lang, s in summary.items():
        name = language_info(lang).name_nl
        missing = s["pages"] - s["translated"]
        outdated = s["translated"] - s["up_to_date"]
        out.append(f"| {name} ({lang}) | {s['translated_pct']}% ({s['translated']} van {total}) "
                   f"| {s['up_to_date_pct']}% ({s['up_to_date']} van {total}) "
                   f"| {missing} | {outdated} |")
    out.append("")
    out.append("*Vertaald*: er is een vertaling. *Bijgewerkt*: de vertaling past bij de "
               "Nederlandse tekst van nu.")
    for lang in summary:
        name = language_info(lang).name_nl
        missing = [p for p in status.pages if lang in p.missing]
        outdated = [(p, p.outdated[lang]) for p in status.pages if lang in p.outdated]
        out += ["", f"## {name} ({lang}) {{#taal-{lang}}}", ""]
        if not missing and not outdated:
            out.append("Alles is vertaald en bijgewerkt.")
            continue
        if missing:
            out += [f"**Ontbreekt** ({len(missing)}): maak het bestand met de vertaling.", ""]
            for p in missing:
                out.append(f"- {_title(p.source)}: maak `{reader.source_file(p.source.rel, lang, '')}`")
            out.append("")
        if outdated:
            out += [f"**Verouderd** ({len(outdated)}): de Nederlandse tekst is veranderd. "
                    "Controleer de vertaling.", ""]
            for source, page in outdated:
                reason = ("er staat geen `translated_from` in"
                          if page.meta.get(translations.FIELD) is None
                          else "de Nederlandse pagina is daarna veranderd")
                out.append(f"- {_title(source.source)}: `{page.rel}` ({reason})")
    out += ["", "Zo werkt u een vertaling bij: zie de handleiding voor beheerders."]
    return "\n".join(out) + "\n"
