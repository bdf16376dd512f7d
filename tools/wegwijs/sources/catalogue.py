"""The catalogues in ``data/``: regelzaken (tasks), contacts, documents and official links.

One place for the data that many pages show (issue 14). The Dutch source files are
``data/tasks.yml``, ``data/contacts.yml``, ``data/documents.yml`` and ``data/links.yml``
(schema: ``data/README.md``). A translation ``data/<name>.<lang>.yml`` holds, per id,
only the translatable fields, plus ``translated_from``: the fingerprint of the Dutch
file's translatable text, written by ``python -m tools translations --mark-done``,
exactly as for pages. A text missing in a language falls back to Dutch (and says so).

Every record keeps the line of its ``id`` so checks report ``path:line``. Reading is
pure: ``load(data_dir, model)`` returns a :class:`Catalogue` with its findings; the
build stops on an error, ``python -m tools check`` lists them.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from tools.wegwijs import findings as F

NAMES = ("tasks", "contacts", "documents", "links")
# Per catalogue: the fields a translation gives (all others are language-neutral).
TRANSLATABLE = {
    "tasks": ("title",),
    "contacts": ("name", "ask", "hours"),
    "documents": ("name", "note"),
    "links": ("title",),
}
TRANSLATED_FROM = "translated_from"
RULE = "catalogue"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Deadline:
    milestone: str  # koppeling | regeldag | verhuisdag
    days: int  # after the milestone (negative: before)


def as_date(value) -> dt.date | None:
    """A ``checked:`` value as a date (YAML gives a date; text YYYY-MM-DD also works)."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


@dataclass
class Record:
    """One entry of a catalogue: its fields as written, and where it stands."""

    kind: str  # tasks | contacts | documents | links
    id: str
    data: dict[str, Any]
    path: str  # display path of the Dutch file
    line: int

    def get(self, key: str, default=None):
        value = self.data.get(key)
        return default if value is None else value

    @property
    def checked(self) -> dt.date | None:
        return as_date(self.data.get("checked"))


@dataclass
class Task(Record):
    @property
    def fase(self) -> str | None:
        return self.data.get("fase")

    @property
    def aliases(self) -> list[str]:
        return list(self.data.get("aliases") or [])

    @property
    def themas(self) -> list[str]:
        return list(self.data.get("themas") or [])

    @property
    def deadline(self) -> Deadline | None:
        value = self.data.get("deadline")
        if isinstance(value, dict) and value.get("milestone") and isinstance(value.get("days"), int):
            return Deadline(value["milestone"], value["days"])
        return None


@dataclass
class Translation:
    """One language's file of one catalogue."""

    path: str
    fingerprint: str | None  # translated_from, as written
    texts: dict[str, dict[str, str]]  # id -> field -> text
    lines: dict[str, int]  # id -> line
    # (id, field) -> line of its text (a block scalar's text starts on the line after | or >)
    text_lines: dict[tuple[str, str], int] = field(default_factory=dict)

    def text_line(self, record_id: str, key: str) -> int:
        return self.text_lines.get((record_id, key), self.lines.get(record_id, 1))


@dataclass
class Catalogue:
    tasks: dict[str, Task] = field(default_factory=dict)
    contacts: dict[str, Record] = field(default_factory=dict)
    documents: dict[str, Record] = field(default_factory=dict)
    links: dict[str, Record] = field(default_factory=dict)
    milestones: tuple[str, ...] = ()
    translations: dict[tuple[str, str], Translation] = field(default_factory=dict)  # (kind, lang)
    sources: dict[str, str] = field(default_factory=dict)  # kind -> display path of the Dutch file
    findings: list[F.Finding] = field(default_factory=list)

    def records(self, kind: str) -> dict[str, Record]:
        return getattr(self, kind)

    def task_id(self, some_id: str) -> str | None:
        """The task id for an id or one of its aliases."""
        if some_id in self.tasks:
            return some_id
        return next((t.id for t in self.tasks.values() if some_id in t.aliases), None)

    def text(self, kind: str, record_id: str, key: str, lang: str) -> tuple[str, str]:
        """(text, language of that text): the translation, else the Dutch text."""
        translation = self.translations.get((kind, lang))
        if translation is not None:
            value = translation.texts.get(record_id, {}).get(key)
            if isinstance(value, str) and value.strip():
                return value, lang
        record = self.records(kind).get(record_id)
        value = record.data.get(key) if record else None
        return (str(value) if value is not None else ""), DUTCH

    def ordered_tasks(self, fases: tuple[str, ...]) -> list[Task]:
        """Every task once: by fase in time order, within a fase by deadline, then as written."""
        milestones = {m: i for i, m in enumerate(self.milestones)}
        position = {task_id: i for i, task_id in enumerate(self.tasks)}

        def key(task: Task):
            fase = fases.index(task.fase) if task.fase in fases else len(fases)
            deadline = task.deadline
            when = (milestones.get(deadline.milestone, 99), deadline.days) if deadline else (99, 0)
            return (fase, when, position[task.id])

        return sorted(self.tasks.values(), key=key)

    def fingerprint(self, kind: str) -> str:
        """Fingerprint of a Dutch catalogue's translatable text (what translations follow)."""
        texts = {rid: {k: r.data.get(k) for k in TRANSLATABLE[kind] if r.data.get(k) is not None}
                 for rid, r in sorted(self.records(kind).items())}
        blob = json.dumps(texts, ensure_ascii=False, sort_keys=True, default=str)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:12]


DUTCH = "nl"


# --------------------------------------------------------------------------- reading


def _compose(path: Path, rel: str, out: list[F.Finding]):
    """(data, node) of one YAML file, or (None, None) with a finding."""
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)
    except (OSError, UnicodeDecodeError) as exc:
        out.append(F.error(rel, f"cannot read this file: {exc}", RULE, line=1))
        return None, None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        out.append(F.error(rel, f"malformed YAML: {getattr(exc, 'problem', None) or exc}; check "
                           "colons, quotes and indentation on this line", RULE,
                           line=mark.line + 1 if mark else 1))
        return None, None
    return data, node


def _value_node(node, key: str):
    if isinstance(node, yaml.MappingNode):
        return next((v for k, v in node.value if k.value == key), None)
    return None


def _read_dutch(path: Path, rel: str, kind: str, catalogue: Catalogue) -> None:
    out = catalogue.findings
    data, node = _compose(path, rel, out)
    if data is None:
        return
    if not isinstance(data, dict) or not isinstance(data.get(kind), list):
        out.append(F.error(rel, f"the file must have a list '{kind}:' of records", RULE, line=1))
        return
    if kind == "tasks":
        catalogue.milestones = tuple(data.get("milestones") or ())
    items = _value_node(node, kind)
    records = catalogue.records(kind)
    for index, item in enumerate(data[kind]):
        item_node = items.value[index] if isinstance(items, yaml.SequenceNode) else None
        line = item_node.start_mark.line + 1 if item_node is not None else 1
        if not isinstance(item, dict) or not isinstance(item.get("id"), (str, int)):
            out.append(F.error(rel, "every record starts with '- id: <a-z0-9->'", RULE, line=line))
            continue
        record_id = str(item["id"])
        if record_id in records:
            first = records[record_id]
            out.append(F.error(rel, f"duplicate id '{record_id}': line {first.line} already "
                               "uses it; give this record its own id", RULE, line=line))
            continue
        cls = Task if kind == "tasks" else Record
        records[record_id] = cls(kind, record_id, item, rel, line)


def _read_translation(path: Path, rel: str, kind: str, lang: str, catalogue: Catalogue) -> None:
    out = catalogue.findings
    data, node = _compose(path, rel, out)
    if data is None:
        return
    if not isinstance(data, dict) or not isinstance(data.get(kind) or {}, dict):
        out.append(F.error(rel, f"a translation has '{kind}:' with per id the translated "
                           f"fields ({', '.join(TRANSLATABLE[kind])})", RULE, line=1))
        return
    texts, lines, text_lines = {}, {}, {}
    items = _value_node(node, kind)
    for key_node, value_node in (items.value if isinstance(items, yaml.MappingNode) else []):
        lines[str(key_node.value)] = key_node.start_mark.line + 1
        for field_node, text_node in (value_node.value if isinstance(value_node, yaml.MappingNode) else []):
            if isinstance(text_node, yaml.ScalarNode):
                text_lines[(str(key_node.value), str(field_node.value))] = (
                    text_node.start_mark.line + 1 + (text_node.style in ("|", ">")))
    for record_id, fields in (data.get(kind) or {}).items():
        record_id = str(record_id)
        line = lines.get(record_id, 1)
        if record_id not in catalogue.records(kind):
            out.append(F.error(rel, f"'{record_id}' is not in the Dutch file: remove it, or use "
                               "the id from the Dutch file", RULE, line=line))
            continue
        if not isinstance(fields, dict):
            out.append(F.error(rel, f"'{record_id}' needs its translated fields "
                               f"({', '.join(TRANSLATABLE[kind])})", RULE, line=line))
            continue
        extra = sorted(set(fields) - set(TRANSLATABLE[kind]))
        if extra:
            out.append(F.error(rel, f"'{record_id}': only {', '.join(TRANSLATABLE[kind])} are "
                               f"translated, not {', '.join(extra)} (those stay in the Dutch file)",
                               RULE, line=line))
        texts[record_id] = {k: v for k, v in fields.items() if k in TRANSLATABLE[kind]}
    fingerprint = data.get(TRANSLATED_FROM)
    catalogue.translations[(kind, lang)] = Translation(
        rel, str(fingerprint) if fingerprint else None, texts, lines, text_lines)


def load(data_dir: Path, languages: tuple[str, ...], root: Path | None = None) -> Catalogue:
    """Read every catalogue in data_dir (default language first in ``languages``)."""
    data_dir = Path(data_dir)
    mtimes = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(data_dir.glob("*.yml")))
    return _load(data_dir, tuple(languages), Path(root) if root else data_dir.parent, mtimes)


@lru_cache(maxsize=4)
def _load(data_dir: Path, languages: tuple[str, ...], root: Path, _mtimes) -> Catalogue:
    catalogue = Catalogue()
    for kind in NAMES:
        path = data_dir / f"{kind}.yml"
        rel = _display(path, root)
        catalogue.sources[kind] = rel
        if not path.exists():
            catalogue.findings.append(F.error(rel, f"missing: data/{kind}.yml is the catalogue of "
                                              f"{kind}; restore it from git", RULE, line=1))
            continue
        _read_dutch(path, rel, kind, catalogue)
    for kind in NAMES:
        for lang in languages[1:]:
            path = data_dir / f"{kind}.{lang}.yml"
            if path.exists():
                _read_translation(path, _display(path, root), kind, lang, catalogue)
    for path in sorted(data_dir.glob("*.*.yml")):
        kind, lang = path.name.split(".")[:2]
        if kind in NAMES and lang not in languages[1:]:
            catalogue.findings.append(F.error(_display(path, root), f"unknown language '.{lang}': "
                                              f"use one of {', '.join(languages[1:])}", RULE, line=1))
    return catalogue


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# --------------------------------------------------------------------------- validating


def validate(catalogue: Catalogue, fases: tuple[str, ...], themas: tuple[str, ...],
             docs_dir: Path | None = None) -> list[F.Finding]:
    """References between the catalogues and to the content model, with path:line."""
    out: list[F.Finding] = []
    ids: dict[str, Task] = {}
    for task in catalogue.tasks.values():
        for some_id in (task.id, *task.aliases):
            if some_id in ids and ids[some_id] is not task:
                out.append(F.error(task.path, f"id '{some_id}' is also used by task "
                                   f"'{ids[some_id].id}' (line {ids[some_id].line}): an id or "
                                   "alias belongs to one task", RULE, line=task.line))
            ids[some_id] = task
        if not task.data.get("title"):
            out.append(F.error(task.path, f"task '{task.id}' has no title", RULE, line=task.line))
        if task.fase not in fases:
            out.append(F.error(task.path, f"task '{task.id}': fase '{task.fase}' is not one of "
                               f"{', '.join(fases)} (when is it done?)", "task-fase", line=task.line))
        for thema in task.themas:
            if thema not in themas:
                out.append(F.error(task.path, f"task '{task.id}': unknown thema '{thema}': use one "
                                   f"of {', '.join(themas)}", RULE, line=task.line))
        deadline = task.data.get("deadline")
        if deadline is not None and (task.deadline is None
                                     or task.deadline.milestone not in catalogue.milestones):
            out.append(F.error(task.path, f"task '{task.id}': a deadline is 'milestone:' (one of "
                               f"{', '.join(catalogue.milestones)}) and 'days:' (a whole number)",
                               RULE, line=task.line))
        for key, kind in (("helpers", "contacts"), ("partner", "contacts"), ("bring", "documents"),
                          ("links", "links")):
            value = task.data.get(key)
            for ref in ([value] if isinstance(value, str) else value or []):
                if str(ref) not in catalogue.records(kind):
                    out.append(F.error(task.path, f"task '{task.id}': {key} '{ref}' is not in "
                                       f"data/{kind}.yml", RULE, line=task.line))
        page = task.data.get("page")
        if page and docs_dir is not None and not (Path(docs_dir) / str(page).split("#")[0]).exists():
            out.append(F.error(task.path, f"task '{task.id}': page '{page}' does not exist under "
                               "docs/", RULE, line=task.line))
    for record in (*catalogue.contacts.values(), *catalogue.documents.values(),
                   *catalogue.links.values()):
        if not record.data.get("name" if record.kind != "links" else "title"):
            out.append(F.error(record.path, f"'{record.id}' has no "
                               f"{'title' if record.kind == 'links' else 'name'}", RULE,
                               line=record.line))
        if record.kind == "links" and not str(record.data.get("url") or "").startswith("https://"):
            out.append(F.error(record.path, f"link '{record.id}': url must start with https://",
                               RULE, line=record.line))
    return out
