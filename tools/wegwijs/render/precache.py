"""The service worker's precache manifest: one revision (content hash) per file.

Like Workbox's precaching, every file the worker may keep is listed with its own
revision, so after a rebuild a returning visitor's worker fetches only the files whose
content changed (overrides/assets/wegwijs/sw.js compares the revision it stored with
each kept copy to the one in the new manifest).

The manifest (written into sw.js and, for people and tests, as sw-precache.json)::

    {"version": "<hash of the manifest>",
     "files": {"<site path>": ["<revision>", <bytes>], ...},
     "lists": {"<list name>": {"<lang>": ["<site path>", ...]}, ...},
     "urls":  {"<lang>": [every path of every list of that language]},
     "bytes": {"<lang>": <bytes of those files>}}

A site path is relative to the site root: "ar/stappenplan/" for a page (its
index.html), "assets/wegwijs/sw.js" for any other file. The worker keeps, for a
language the reader saved, every path of every list. To add a list (e.g. the
practice pages of issue 16) pass it to ``build`` in ``lists`` (``{"practice":
{lang: [paths]}}``); a page's own stylesheets, scripts and icons are added to its
list by ``with_assets``. Revisions are the first 16 hex digits of the file's
SHA-256, the same digest the worker computes of what it fetched.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tools.wegwijs.render import html_tree

REVISION_DIGITS = 16
# Never kept by the worker (sw.js: cacheable()), so never listed: big media, the search
# index, redirects, QR images, source maps, Material's own scripts (main.html drops them).
SKIP_DIRS = ("media/", "pagefind/", "go/", "qr/", "assets/javascripts/")
SKIP_FILES = ("sw.js", "sw-precache.json", "sitemap.xml", "sitemap.xml.gz", "urls.txt")


def revision(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:REVISION_DIGITS]


def site_path(rel: str) -> str:
    """The path a file is fetched under: a page's directory ("en/"), else the file."""
    if rel == "index.html":
        return ""
    if rel.endswith("/index.html"):
        return rel[: -len("index.html")]
    return rel


def file_of(site_dir: Path, path: str) -> Path:
    return site_dir / path / "index.html" if path == "" or path.endswith("/") else site_dir / path


def keepable(rel: str) -> bool:
    return not (rel.startswith(SKIP_DIRS) or rel in SKIP_FILES or rel.endswith(".map")
                or "/media/" in f"/{rel}")


def revisions(site_dir: Path) -> dict[str, list]:
    """{site path: [revision, bytes]} of every file the worker may keep."""
    files = {}
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(site_dir).as_posix()
        if keepable(rel):
            data = path.read_bytes()
            files[site_path(rel)] = [revision(data), len(data)]
    return files


def page_assets(html: str) -> list[str]:
    """Paths of the stylesheets, icons and scripts a page loads (``link href``,
    ``script src``), without query or fragment, in document order."""
    refs = html_tree.parse_document(html).xpath("//link[not(@rel='canonical') and not(@rel='alternate')]/@href | //script/@src")
    return [ref for ref in (r.split("#")[0].split("?")[0] for r in refs) if ref]


def with_assets(site_dir: Path, paths: list[str]) -> list[str]:
    """The pages that exist, each followed by the local files it loads (no media)."""
    root = site_dir.resolve()
    out: list[str] = []
    for path in paths:
        page = file_of(site_dir, path)
        if not page.is_file() or path in out:
            continue
        out.append(path)
        if page.suffix != ".html":
            continue
        base = page.parent
        for ref in page_assets(page.read_text(encoding="utf-8")):
            if "://" in ref or ref.startswith(("/", "data:")):
                continue
            target = (base / ref).resolve()
            try:
                rel = target.relative_to(root).as_posix()
            except ValueError:
                continue
            if target.is_file() and keepable(rel) and rel not in out:
                out.append(rel)
    return out


def build(site_dir: Path, lists: dict[str, dict[str, list[str]]],
          on_open: tuple[str, ...] = ()) -> dict:
    """The manifest for the built site in site_dir (see the module docstring).
    Every listed path must be a file the worker may keep. Lists named in ``on_open`` are
    not part of saving a language: the worker keeps such a list once the reader opens
    one of its pages (e.g. "practice"); ``urls``/``bytes`` count the other lists only."""
    files = revisions(site_dir)
    full = {name: {lang: with_assets(site_dir, paths) for lang, paths in by_lang.items()}
            for name, by_lang in lists.items()}
    languages = list(dict.fromkeys(lang for by_lang in full.values() for lang in by_lang))
    urls: dict[str, list[str]] = {}
    for lang in languages:
        union: list[str] = []
        for name, by_lang in full.items():
            missing = [p for p in by_lang.get(lang, []) if p not in files]
            if missing:
                raise ValueError(f"precache list {name} for {lang} names files the worker may "
                                 f"not keep: {missing} (see SKIP_DIRS in {__file__})")
            if name not in on_open:
                union += [p for p in by_lang.get(lang, []) if p not in union]
        urls[lang] = union
    manifest = {"files": files, "lists": full, "onOpen": list(on_open)}
    version = hashlib.sha256(json.dumps(manifest, sort_keys=True).encode()).hexdigest()[:12]
    return {"version": version, **manifest, "urls": urls,
            "bytes": {lang: sum(files[p][1] for p in paths) for lang, paths in urls.items()}}


def worker_source(template: str, manifest: dict) -> str:
    """sw.js: the template with its version and manifest (files and lists) filled in."""
    data = {"files": manifest["files"], "lists": manifest["lists"],
            "onOpen": manifest.get("onOpen", [])}
    return template.replace('"__VERSION__"', json.dumps(manifest["version"])).replace(
        "__MANIFEST__", json.dumps(data, ensure_ascii=False, separators=(",", ":")))
