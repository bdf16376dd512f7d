"""Language rules for the translated catalogue texts in ``data/<kind>.<lang>.yml``.

The Arabic, Farsi and Tigrinya titles, names, questions and opening hours of the
catalogues (tasks, contacts, documents, links) get the same script, punctuation and
polite-address rules as the pages (``language_rules``), reported with the file's own
line numbers (``data/tasks.ti.yml:12``) and the existing rule ids.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import yaml

from tools.wegwijs import findings as F
from tools.wegwijs.checks import language_rules as lr
from tools.wegwijs.sources import catalogue as cat
from tools.wegwijs.sources import content_model as cm

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def texts(text: str, kind: str) -> Iterator[tuple[int, str, str]]:
    """(line in the file, record id, text) of every translatable text value of one
    translation file's YAML; nothing when the YAML does not parse (the catalogue check
    reports that)."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return
    if not isinstance(root, yaml.MappingNode):
        return
    records = next((v for k, v in root.value if k.value == kind), None)
    if not isinstance(records, yaml.MappingNode):
        return
    wanted = cat.TRANSLATABLE[kind]
    for id_node, fields in records.value:
        if not isinstance(fields, yaml.MappingNode):
            continue
        for key_node, value in fields.value:
            if key_node.value in wanted and isinstance(value, yaml.ScalarNode) and value.tag.endswith(":str"):
                # A block scalar (| or >) starts on the line after its indicator.
                line = value.start_mark.line + 1 + (value.style in ("|", ">"))
                yield line, str(id_node.value), value.value


def check_text(rel: str, lang: str, text: str, line: int) -> list[F.Finding]:
    """The page rules for one catalogue text; the share-of-script rule only when the
    text has letters outside <bdi> (a name may stay Dutch as a whole)."""
    found = lr.check_page(rel, lang, text, line)
    prose = lr.BDI.sub(" ", lr.COMMENT.sub(" ", text))
    if not any(ch.isalpha() for ch in prose):
        found = [f for f in found if f.rule != "script-share"]
    return found


def check_file(path: Path, rel: str, kind: str, lang: str) -> list[F.Finding]:
    """Findings for one translation file of one catalogue."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []  # the catalogue check reports an unreadable file
    out: list[F.Finding] = []
    for line, _record_id, value in texts(text, kind):
        out += check_text(rel, lang, value, line)
    return out


def check_all(project) -> list[F.Finding]:
    """Every ar, fa and ti translation file of the catalogues in data/."""
    model = cm.load_model(project.config_file)
    out: list[F.Finding] = []
    for kind in cat.NAMES:
        for lang in lr.LANGUAGES:
            path = Path(project.data_dir) / f"{kind}.{lang}.yml"
            if lang in model.languages and path.is_file():
                out += check_file(path, cm.display_path(path, project.root), kind, lang)
    return out
