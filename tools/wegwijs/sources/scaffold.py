"""``python -m tools new thema|fase|workshop <naam>``: start a page from its template.

Creates ``docs/thema/<naam>.md`` (or ``docs/fase/``, ``docs/workshops/``) with front
matter and the sections every page of that type has, each with its fixed anchor
(``## Uitleg {#uitleg}``); registers a new thema or fase in the content model
(``model.themas`` / ``model.fases`` of the wegwijs plugin in mkdocs.yml); adds a line
to the overview page (``docs/thema/index.md`` …); and prints what to do next
(write, check, translate). Facts still to fill in are ``NAKIJKEN`` notes, so
``make check`` lists them. It never overwrites a file.
"""
from __future__ import annotations

import re
from pathlib import Path

NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")

KINDS = {
    "thema": {
        "folder": "thema", "model": "themas",
        "sections": [("Uitleg", "uitleg"), ("Stappenplan", "stappenplan"),
                     ("Tijdspad", "tijdspad"), ("Checklist", "checklist")],
    },
    "fase": {
        "folder": "fase", "model": "fases",
        "sections": [("Wat gebeurt er?", "wat-gebeurt-er"), ("Wat doet u zelf?", "wat-doet-u"),
                     ("Wie helpt u?", "wie-helpt"), ("Checklist", "checklist")],
    },
    "workshop": {
        "folder": "workshops", "model": None,
        "sections": [("Wat leert u?", "wat-leert-u"), ("Waar is het?", "waar"),
                     ("Hoe lang duurt het?", "hoe-lang"), ("Checklist", "checklist")],
    },
}


def _front_matter(kind: str, name: str, order: int) -> str:
    lines = ["---", f"id: {kind}-{name}", f"type: {kind}"]
    if kind == "thema":
        lines.append(f"thema: {name}")
    elif kind == "fase":
        lines.append(f"fase: {name}")
    else:
        lines.append("fase: gekoppeld")
    lines += [f"order: {order}", "description: Eén korte zin over deze pagina.", "---"]
    return "\n".join(lines)


def page_text(kind: str, name: str, order: int) -> str:
    title = name.replace("-", " ").capitalize()
    parts = [_front_matter(kind, name, order), "", f"# {title}", "",
             f"<!-- NAKIJKEN: schrijf de tekst van deze pagina ({kind} '{name}') in B1-taal -->", ""]
    for heading, anchor in KINDS[kind]["sections"]:
        parts += [f"## {heading} {{#{anchor}}}", ""]
        if anchor == "checklist":
            parts += [f"- [ ] Schrijf hier de eerste stap. {{#{kind}-{name}-stap-1}}", ""]
        elif anchor == "stappenplan":
            parts += ["1. Schrijf hier de eerste stap.", ""]
        else:
            parts += ["Schrijf hier de tekst.", ""]
    return "\n".join(parts)


def _register_in_model(config_file: Path, key: str, name: str) -> bool:
    """Add ``name`` to the flow list ``<key>: [a, b]`` in mkdocs.yml; False if already there."""
    text = config_file.read_text(encoding="utf-8")
    match = re.search(rf"(?m)^(?P<indent>\s+){key}:\s*\[(?P<items>[^\]]*)\]", text)
    if match is None:
        raise ValueError(f"{config_file.name} has no '{key}: [...]' list under the wegwijs plugin's model")
    items = [i.strip() for i in match["items"].split(",") if i.strip()]
    if name in items:
        return False
    items.append(name)
    new = f"{match['indent']}{key}: [{', '.join(items)}]"
    config_file.write_text(text[: match.start()] + new + text[match.end():], encoding="utf-8")
    return True


def _add_to_overview(index: Path, name: str) -> bool:
    """Add ``N. [Title](name.md): …`` after the last numbered link of the overview page."""
    if not index.is_file():
        return False
    lines = index.read_text(encoding="utf-8").split("\n")
    numbered = [i for i, line in enumerate(lines) if re.match(r"^\d+\. \[", line)]
    if any(f"]({name}.md)" in line for line in lines):
        return False
    title = name.replace("-", " ").capitalize()
    if numbered:
        last = numbered[-1]
        number = int(re.match(r"^(\d+)", lines[last]).group(1)) + 1
        while last + 1 < len(lines) and lines[last + 1].startswith("   "):
            last += 1  # the item's continuation lines
        lines.insert(last + 1, f"{number}. [{title}]({name}.md): één korte zin over deze pagina.")
    else:
        lines += ["", f"- [{title}]({name}.md)"]
    index.write_text("\n".join(lines), encoding="utf-8")
    return True


def create(kind: str, name: str, root: Path) -> list[str]:
    """Create the page; returns the lines to print."""
    from tools.wegwijs.cli import UsageError
    from tools.wegwijs.sources import content_model as cm

    if kind not in KINDS:
        raise UsageError(f"new: unknown kind '{kind}'; use one of {', '.join(KINDS)}")
    if not NAME.match(name):
        raise UsageError(f"new: '{name}' may only use a-z, 0-9 and '-', e.g. 'vervoer'")
    model = cm.load_model(root / "mkdocs.yml")
    folder = model.docs_dir / KINDS[kind]["folder"]
    page = folder / f"{name}.md"
    if page.exists():
        raise UsageError(f"new: {cm.display_path(page, root)} already exists; choose another name")
    existing = [p for p in folder.glob("*.md") if "." not in p.stem and p.stem != "index"]
    order = len(existing) + 1
    done = []
    folder.mkdir(parents=True, exist_ok=True)
    page.write_text(page_text(kind, name, order), encoding="utf-8")
    done.append(f"created {cm.display_path(page, root)} (its sections have fixed anchors: never change them)")
    key = KINDS[kind]["model"]
    if key and _register_in_model(root / "mkdocs.yml", key, name):
        done.append(f"added '{name}' to model.{key} in mkdocs.yml")
    index = folder / "index.md"
    if _add_to_overview(index, name):
        done.append(f"added a line to the overview page {cm.display_path(index, root)}")
    rel = cm.display_path(page, root)
    done += [
        "",
        "Next:",
        f"  1. write the page in B1 Dutch: {rel} (replace the NAKIJKEN note and the example lines)",
        f"  2. look at it: make serve  (findings appear on the page when you save)",
        f"  3. check it: make check FILES={rel}",
        "  4. commit; it may go online in Dutch first",
        "  5. translate next: " + ", ".join(f"{rel[:-3]}.{lang}.md" for lang in model.translations)
        + f" (copy the Dutch file, translate title, description and text; keep ids and anchors;"
          " then make mark-done FILES=…)",
    ]
    if kind == "thema":
        done.append("  also translate the new line in the overview pages docs/thema/index.<lang>.md")
    return done


def register(sub) -> None:
    parser = sub.add_parser("new", help="start a new thema, fase or workshop page from its template")
    parser.add_argument("kind", choices=sorted(KINDS), help="the kind of page")
    parser.add_argument("name", help="short name: a-z, 0-9 and '-', e.g. vervoer")

    def run(args) -> int:
        for line in create(args.kind, args.name, args.project.root):
            print(line)
        return 0

    parser.set_defaults(func=run)
