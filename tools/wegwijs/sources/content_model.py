"""The content model: every page's front matter, read with line numbers and validated.

A page is ``docs/<path>.md`` (Dutch, the source) or ``docs/<path>.<lang>.md`` (a
translation). Front matter fields:

``id``     stable identifier, never changes, the same in every language
``type``   one of the wegwijs plugin's ``model.types`` in mkdocs.yml
``fase``   one fase id, or a list of them (required for ``type: fase``)
``thema``  one thema id (required for ``type: thema``)
``order``  position in the navigation (a number)
``checked`` the date the page's facts were last checked, ``YYYY-MM-DD`` (fase and
           thema pages; a translation keeps its own date: see checks/freshness.py)
``consent`` (``type: verhaal``) the storyteller's consent and what may be shown:
           validated by ``sources/stories.py``, called from ``scan``

The vocabulary (languages, fases, thema's, types) comes from mkdocs.yml so that
there is one place to change it. Used by the build hook (the build fails on any
error) and by ``python -m tools content``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from tools.wegwijs import findings as F
from tools.wegwijs.project import Project
from tools.wegwijs.sources import reader
from tools.wegwijs.sources.reader import LANG_SUFFIX, parse_front_matter, split_front_matter  # noqa: F401

REQUIRED = ("id", "type", "order")


# --------------------------------------------------------------------------- model


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing its ``!ENV``/``!!python/name`` tags."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Model:
    languages: tuple[str, ...]  # default language first
    fases: tuple[str, ...]
    themas: tuple[str, ...]
    types: tuple[str, ...]
    docs_dir: Path

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @property
    def translations(self) -> tuple[str, ...]:
        return self.languages[1:]


PLUGIN = "wegwijs"  # our plugin's name under ``plugins:`` in mkdocs.yml


def read_config(config_file: Path) -> dict:
    """mkdocs.yml as data, without running MkDocs (for the checks)."""
    return yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}


def plugin_options(config: dict, name: str = PLUGIN) -> dict:
    """The options of one plugin in a mkdocs.yml read as data ({} when absent)."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and name in plugin:
            return plugin[name] or {}
    return {}


@lru_cache(maxsize=8)
def load_model(config_file: Path) -> Model:
    config = read_config(config_file)
    languages: list[str] = []
    langs = plugin_options(config, "i18n").get("languages") or []
    if langs:
        default = [l["locale"] for l in langs if l.get("default")]
        languages = default + [l["locale"] for l in langs if not l.get("default")]
    model = plugin_options(config).get("model") or {}
    docs_dir = Path(config_file).parent / config.get("docs_dir", "docs")
    return Model(
        languages=tuple(languages) or ("nl",),
        fases=tuple(model.get("fases", ())),
        themas=tuple(model.get("themas", ())),
        types=tuple(model.get("types", ())),
        docs_dir=docs_dir,
    )


# --------------------------------------------------------------------------- pages


@dataclass
class Page:
    path: Path  # absolute
    rel: str  # path as shown in findings, relative to the repo root
    src: str  # path inside docs/ without language suffix, e.g. "thema/wonen.md"
    lang: str
    meta: dict[str, Any] = field(default_factory=dict)
    meta_lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # line number of the body's first line in the file

    @property
    def id(self) -> str | None:
        value = self.meta.get("id")
        return value if isinstance(value, str) else None

    @cached_property
    def markdown(self) -> reader.Body:
        """The body as read by the source reader: fences, headings, checklist items."""
        return reader.Body(self.body, self.body_line)

    @property
    def title(self) -> str:
        """Front matter ``title``, else the first H1, else the file name."""
        return reader.title(self.meta, self.markdown, self.src)

    def line_of(self, *keys: str) -> int:
        """Line of a front matter key (nested: ``line_of("consent", "show", "photo")``),
        else of its nearest parent that is written, else 1."""
        for depth in range(len(keys), 0, -1):
            line = self.meta_lines.get(".".join(keys[:depth]))
            if line is not None:
                return line
        return 1

    @property
    def fases(self) -> list[str]:
        value = self.meta.get("fase")
        if value is None:
            return []
        return [value] if isinstance(value, str) else list(value)


def display_path(path: Path, root: Path) -> str:
    """path relative to the project root (as findings show it), else as given."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def split_source(docs_dir: Path, path: Path, model: Model) -> tuple[str, str | None]:
    """Return (source path without language suffix, language) or (.., None) if unknown."""
    src, lang = reader.split_lang(path.relative_to(docs_dir).as_posix())
    if lang is None:
        return src, model.default_language
    return src, lang if lang in model.languages else None


def read_page(path: Path, model: Model, root: Path) -> tuple[Page | None, list[F.Finding]]:
    """Read one Markdown file; a page is returned only when its front matter parses."""
    rel = display_path(path, root)
    src, lang = split_source(model.docs_dir, path, model)
    if lang is None:
        suffix = LANG_SUFFIX.match(path.name)["lang"]
        return None, [F.error(rel, f"unknown language suffix '.{suffix}': use one of "
                              f"{', '.join(model.translations)} (or no suffix for Dutch)",
                              "unknown-language", line=1)]
    raw = path.read_bytes()
    if b"\x00" in raw:
        return None, [F.error(rel, "binary file in docs/: only UTF-8 Markdown text belongs here",
                              "not-text", line=1)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [F.error(rel, f"not UTF-8 text (byte {exc.start}): save the file as UTF-8",
                              "not-text", line=1)]
    if not text.strip():
        return None, [F.error(rel, "empty file: add front matter (id, type, order) and text, "
                              "or delete the file", "empty-file", line=1)]
    parts = split_front_matter(text)
    if parts is None:
        return None, [F.error(rel, "no front matter: start the file with '---', then id, type "
                              "and order, then '---'", "front-matter", line=1)]
    yaml_text, body, body_line = parts
    try:
        meta, lines = parse_front_matter(yaml_text)
        meta = meta or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc)
        return None, [F.error(rel, f"malformed YAML in front matter: {problem}; check colons, "
                              "quotes and indentation on this line", "front-matter", line=line)]
    if not isinstance(meta, dict):
        return None, [F.error(rel, "front matter must be 'key: value' lines", "front-matter", line=2)]
    page = Page(path=path, rel=rel, src=src, lang=lang, meta=meta, meta_lines=lines,
                body=body, body_line=body_line)
    return page, validate_page(page, model)


def validate_page(page: Page, model: Model) -> list[F.Finding]:
    out: list[F.Finding] = []
    meta = page.meta
    for key in REQUIRED:
        if key not in meta or meta[key] in (None, ""):
            out.append(F.error(page.rel, f"missing '{key}' in front matter: add '{key}: ...' "
                               f"({_HINTS[key]})", "front-matter", line=2))
    if page.id is not None and not reader.VALID_ID.match(page.id):
        out.append(F.error(page.rel, f"id '{page.id}' may only use a-z, 0-9 and '-'; "
                           "choose it once and never change it", "front-matter",
                           line=page.line_of("id")))
    if "id" in meta and not isinstance(meta["id"], str):
        out.append(F.error(page.rel, "id must be text, e.g. 'id: thema-wonen'", "front-matter",
                           line=page.line_of("id")))
    page_type = meta.get("type")
    if page_type is not None and page_type not in model.types:
        out.append(F.error(page.rel, f"unknown type '{page_type}': use one of "
                           f"{', '.join(model.types)}", "front-matter", line=page.line_of("type")))
    if "order" in meta and not isinstance(meta["order"], (int, float)):
        out.append(F.error(page.rel, f"order must be a number, not '{meta['order']}'",
                           "front-matter", line=page.line_of("order")))
    fase = meta.get("fase")
    if fase is not None and not (isinstance(fase, str) or
                                 (isinstance(fase, list) and all(isinstance(f, str) for f in fase))):
        out.append(F.error(page.rel, "fase must be one fase id or a list of them",
                           "front-matter", line=page.line_of("fase")))
    else:
        for value in page.fases:
            if value not in model.fases:
                out.append(F.error(page.rel, f"unknown fase '{value}': use one of "
                                   f"{', '.join(model.fases)}", "unknown-fase",
                                   line=page.line_of("fase")))
    thema = meta.get("thema")
    if thema is not None and thema not in model.themas:
        out.append(F.error(page.rel, f"unknown thema '{thema}': use one of "
                           f"{', '.join(model.themas)}", "unknown-thema", line=page.line_of("thema")))
    if "checked" in meta and not isinstance(meta["checked"], dt.date):
        out.append(F.error(page.rel, f"checked must be a date written as YYYY-MM-DD (e.g. "
                           f"'checked: 2026-12-02'), not '{meta['checked']}'", "front-matter",
                           line=page.line_of("checked")))
    if page_type == "fase" and not page.fases:
        out.append(F.error(page.rel, "a fase page needs 'fase: <id>'", "front-matter", line=2))
    if page_type == "thema" and thema is None:
        out.append(F.error(page.rel, "a thema page needs 'thema: <id>'", "front-matter", line=2))
    return out


_HINTS = {
    "id": "a stable name like 'thema-wonen' that never changes",
    "type": "what kind of page this is, e.g. 'thema'",
    "order": "a number for the position in the menu",
}


# --------------------------------------------------------------------------- site


@dataclass
class Site:
    model: Model
    pages: list[Page]
    findings: list[F.Finding]

    def by_lang(self, lang: str) -> list[Page]:
        return [p for p in self.pages if p.lang == lang]

    def source_pages(self) -> dict[str, Page]:
        """Dutch pages by their source path."""
        return {p.src: p for p in self.pages if p.lang == self.model.default_language}


def markdown_files(docs_dir: Path) -> list[Path]:
    return sorted(p for p in docs_dir.rglob("*.md") if not any(
        part.startswith(".") for part in p.relative_to(docs_dir).parts))


_SCANS: dict[tuple, tuple[tuple, Site]] = {}


def _signature(docs_dir: Path) -> tuple:
    out = []
    for path in markdown_files(docs_dir):
        try:
            st = path.stat()
        except OSError:
            continue
        out.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(out)


def scan(model: Model, root: Path) -> Site:
    """Read and validate every page, plus the rules that need all pages at once.

    The result is shared by every caller (the build's hooks, the checks) while no
    Markdown file under docs/ is added, removed or changed; treat it as read-only."""
    key = (model, str(root))
    signature = _signature(model.docs_dir)
    cached = _SCANS.get(key)
    if cached is not None and cached[0] == signature:
        return cached[1]
    site = _scan(model, root)
    _SCANS[key] = (signature, site)
    return site


# One read per Markdown file while it is unchanged (path, mtime, size): a save in
# `make serve` re-reads only the saved file. The page is shared and read-only, like the Site.
_PAGES: dict[tuple, tuple] = {}


def _read_page_once(path: Path, model: Model, root: Path) -> tuple[Page | None, list[F.Finding]]:
    try:
        st = path.stat()
    except OSError:
        return read_page(path, model, root)
    key, stamp = (model, str(root), str(path)), (st.st_mtime_ns, st.st_size)
    hit = _PAGES.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    result = read_page(path, model, root)
    _PAGES[key] = (stamp, result)
    return result


def _scan(model: Model, root: Path) -> Site:
    pages: list[Page] = []
    out: list[F.Finding] = []
    for path in markdown_files(model.docs_dir):
        page, problems = _read_page_once(path, model, root)
        out.extend(problems)
        if page is not None:
            pages.append(page)
    out.extend(_cross_page_rules(pages, model))
    from tools.wegwijs.sources import stories  # verhaal pages: consent, what may be shown

    out.extend(stories.validate(pages, model))
    return Site(model, pages, out)


def _valid_in_model(key: str, value, model: Model) -> bool:
    """False for a type/fase/thema value the content model does not know."""
    allowed = {"type": model.types, "fase": model.fases, "thema": model.themas}.get(key)
    if allowed is None or value is None:
        return True
    values = value if isinstance(value, list) else [value]
    return all(isinstance(v, str) and v in allowed for v in values)


def _cross_page_rules(pages: list[Page], model: Model) -> list[F.Finding]:
    out: list[F.Finding] = []
    sources = {p.src: p for p in pages if p.lang == model.default_language}
    for lang in model.languages:
        seen: dict[str, Page] = {}
        for page in (p for p in pages if p.lang == lang and p.id):
            if page.id in seen:
                from tools.wegwijs.sources import git_state

                first = seen[page.id]
                # blame the page that is new in this change, never the one already online
                needle = f"id: {page.id}"
                if git_state.newer_of((first.path, needle), (page.path, needle)) == 0:
                    first, page = page, first
                out.append(F.error(page.rel, f"duplicate id '{page.id}': {first.rel} already uses "
                                   "it; give this (new) page its own id and leave the id of "
                                   f"{first.rel} as it is", "duplicate-id",
                                   line=page.line_of("id")))
            else:
                seen[page.id] = page
    for page in pages:
        if page.lang == model.default_language:
            continue
        source = sources.get(page.src)
        if source is None:
            out.append(F.error(page.rel, f"translation without a Dutch page: create docs/{page.src} "
                               "first, or rename this file to match it", "translation-orphan", line=1))
            continue
        for key in ("id", "type", "fase", "thema", "order", "nav"):
            if not _valid_in_model(key, source.meta.get(key), model):
                continue  # the Dutch page's own error says what to fix; never copy a wrong value
            if page.meta.get(key) != source.meta.get(key):
                out.append(F.error(page.rel, f"'{key}' must be the same as in {source.rel} "
                                   f"({source.meta.get(key)!r})", "translation-front-matter",
                                   line=page.line_of(key)))
    return out


# --------------------------------------------------------------------------- command


def register(sub) -> None:
    from tools.wegwijs.cli import add_format_option

    parser = sub.add_parser("content", help="validate front matter of every page")
    add_format_option(parser)
    parser.set_defaults(func=lambda args: check_all(args.project))


def project_site(project: Project) -> Site:
    """Every page of a project (scan() of its mkdocs.yml's model; shared, read-only)."""
    return scan(load_model(project.config_file), project.root)


def check_all(project: Project) -> list[F.Finding]:
    return project_site(project).findings
