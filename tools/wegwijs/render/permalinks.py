"""Links that keep working: permanent links, redirects, the public URL list and QR codes.

The logic behind what tools/wegwijs/plugin/steps/links.py adds to the build and what
``python -m tools links`` checks:

- every page answers at ``/go/<id>/`` (its front-matter ``id``): a small page that
  sends the visitor to the page in the browser's language (``assets/wegwijs/go.js``)
  and, without JavaScript, to the Dutch page (``<noscript>`` meta refresh + a link);
- the wegwijs plugin's ``redirects`` in mkdocs.yml is the ONE place for moved pages:
  ``old/path.md: new/path.md`` (optionally ``new/path.md#anchor``) writes a redirect
  page at the old address in every language; ``go/<old-id>: new/path.md`` keeps an
  old permanent link working;
- the build writes ``urls.txt``: every public URL (pages in all languages, /go/
  links and redirects) with the page id it belongs to; ``urls/release.txt`` is the
  committed copy from the last release;
- QR codes (SVG, made here with segno, no external service) for the linking kit.

URLs are written as site paths with a leading slash: ``/``, ``/en/thema/wonen/``,
``/go/thema-wonen/``. Pages marked ``translate: false`` exist in Dutch only.
"""
from __future__ import annotations

import functools
import hashlib
import io
import os
import posixpath
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tools.wegwijs.render import templates
from tools.wegwijs.sources import content_model, reader
from tools.wegwijs import findings as F

REDIRECTS_KEY = "redirects"  # the wegwijs plugin's redirects in mkdocs.yml
GO_PREFIX = "go/"
QR_DIR = "qr"
GO_SCRIPT = "assets/wegwijs/go.js"
URL_LIST = "urls.txt"
RELEASE_FILE = Path("urls") / "release.txt"


# --------------------------------------------------------------------------- pages


page_url = reader.page_url  # source path -> URL: the source reader's one rule
lang_prefix = reader.lang_prefix


def is_dutch_only(meta: dict) -> bool:
    return meta.get("translate") is False


@dataclass
class Entry:
    """One page (by its Dutch source) and the languages it is built in."""

    id: str
    src: str
    order: tuple
    dutch_only: bool
    titles: dict[str, str] = field(default_factory=dict)  # lang -> title (translations only)
    translated: dict[str, bool] = field(default_factory=dict)  # lang -> has its own translation

    def url(self, lang: str, default: str) -> str:
        return reader.url(self.src, lang, default)

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or next(iter(self.titles.values()))


def inventory(site: content_model.Site) -> list[Entry]:
    """Every Dutch page with an id, and the languages the build writes it in."""
    from tools.wegwijs.render import navigation as site_nav

    model = site.model
    default = model.default_language
    translations = {(p.src, p.lang): p for p in site.pages if p.lang != default}
    position = {src: i for i, src in enumerate(_flatten(site_nav.build_nav(site)))}
    entries = []
    for page in site.by_lang(default):
        if not page.id:
            continue
        # menu order first; pages outside the menu (nav: false) after them
        order = (0, position[page.src], "") if page.src in position else (1, 0, page.src)
        entry = Entry(id=page.id, src=page.src, order=order, dutch_only=is_dutch_only(page.meta))
        entry.titles[default] = site_nav.page_title(page)
        entry.translated[default] = True
        if not entry.dutch_only:
            for lang in model.translations:
                other = translations.get((page.src, lang))
                entry.translated[lang] = other is not None
                if other is not None:
                    entry.titles[lang] = site_nav.page_title(other)
        entries.append(entry)
    return sorted(entries, key=lambda e: e.order)


def _flatten(nav) -> list[str]:
    out: list[str] = []
    for item in nav:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                out.extend(_flatten(value) if isinstance(value, list) else [value])
    return out


# --------------------------------------------------------------------------- redirects


@dataclass
class Redirect:
    key: str  # "old/path.md" or "go/<old-id>"
    target: str  # Dutch source path of the page it leads to
    anchor: str  # "" or "#anchor"
    line: int | None = None

    @property
    def is_go(self) -> bool:
        return self.key.startswith(GO_PREFIX)


def redirect_line(old: str, new: str) -> str:
    """The exact line to add under the wegwijs plugin's ``redirects:`` in mkdocs.yml."""
    return f"        {old}: {new}"


def _config_lines(config_file: Path) -> dict[str, int]:
    """Line numbers of the keys under the wegwijs plugin's redirects (for findings)."""
    return dict(_lines_in(config_file.read_text(encoding="utf-8")))


@functools.lru_cache(maxsize=4)  # mkdocs.yml is read on every build of `make serve`
def _lines_in(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    try:
        node = yaml.compose(text, Loader=content_model._TolerantLoader)
    except yaml.YAMLError:
        return lines
    plugins = _mapping_value(node, "plugins")
    for item in plugins.value if isinstance(plugins, yaml.SequenceNode) else []:
        options = _mapping_value(item, content_model.PLUGIN)
        redirects = _mapping_value(options, REDIRECTS_KEY)
        if redirects is not None:
            lines[REDIRECTS_KEY] = redirects.start_mark.line + 1
        if isinstance(redirects, yaml.MappingNode):
            for key, _ in redirects.value:
                lines[str(key.value)] = key.start_mark.line + 1
    return lines


def _mapping_value(node, key: str):
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if k.value == key), None)


def read_redirects(config_file: Path) -> dict:
    options = content_model.plugin_options(content_model.read_config(Path(config_file)))
    return options.get(REDIRECTS_KEY) or {}


def load_redirects(config_file: Path, entries: list[Entry],
                   raw: dict | None = None) -> tuple[list[Redirect], list[F.Finding]]:
    """Read and validate the plugin's redirects; chains (a -> b, b -> c) are followed to the end."""
    config_file = Path(config_file)
    raw = read_redirects(config_file) if raw is None else raw
    where = content_model.display_path(config_file, config_file.parent)
    lines = _config_lines(config_file)
    out: list[F.Finding] = []
    if not isinstance(raw, dict):
        return [], [F.error(where, f"the wegwijs plugin's {REDIRECTS_KEY} must be 'old/path.md: new/path.md' lines",
                            "redirects", line=lines.get(REDIRECTS_KEY))]
    by_src = {e.src: e for e in entries}
    by_url = {page_url(e.src): e for e in entries}
    ids = {e.id for e in entries}
    pairs: dict[str, str] = {}
    for key, value in raw.items():
        key, line = str(key).strip("/"), lines.get(str(key))
        if not isinstance(value, str) or not value.split("#")[0].endswith(".md"):
            out.append(F.error(where, f"redirect '{key}' must lead to a page's source path, "
                               f"e.g. 'thema/wonen.md' (got {value!r})", "redirects", line=line))
            continue
        if key.startswith(GO_PREFIX):
            old_id = key[len(GO_PREFIX):]
            if not reader.VALID_ID.match(old_id):
                out.append(F.error(where, f"redirect '{key}': after 'go/' comes an old page id "
                                   "(a-z, 0-9, '-')", "redirects", line=line))
                continue
            if old_id in ids:
                out.append(F.error(where, f"redirect '{key}': a page still has id '{old_id}', so "
                                   f"/go/{old_id}/ already works; remove this line",
                                   "redirects", line=line))
                continue
        elif not key.endswith(".md"):
            out.append(F.error(where, f"redirect '{key}': the old address is written as its old "
                               "source path, e.g. 'thema/huis.md: thema/wonen.md'", "redirects", line=line))
            continue
        elif page_url(key) in by_url:
            out.append(F.error(where, f"redirect '{key}': {by_url[page_url(key)].src} is a page at that "
                               "address now; remove this redirect or move the page", "redirects", line=line))
            continue
        pairs[key] = value
    redirects = []
    for key, value in pairs.items():
        seen = {key}
        target, _, anchor = value.partition("#")
        while target not in by_src and target in pairs and target not in seen:
            seen.add(target)
            target, _, more = pairs[target].partition("#")
            anchor = anchor or more
        if target not in by_src:
            out.append(F.error(where, f"redirect '{key}' leads to '{value}', which is not a page "
                               "in docs/; fix the path", "redirects", line=lines.get(key)))
            continue
        redirects.append(Redirect(key, target, f"#{anchor}" if anchor else "", lines.get(key)))
    return redirects, out


# --------------------------------------------------------------------------- public URLs


def public_urls(entries: list[Entry], redirects: list[Redirect], languages: tuple[str, ...]) -> dict[str, str]:
    """Every public URL the build writes -> the id of the page it shows or leads to."""
    default = languages[0]
    urls: dict[str, str] = {}
    by_src = {e.src: e for e in entries}
    for entry in entries:
        for lang in entry.translated:
            urls[entry.url(lang, default)] = entry.id
        urls[f"/{GO_PREFIX}{entry.id}/"] = entry.id
    for redirect in redirects:
        entry = by_src[redirect.target]
        if redirect.is_go:
            urls[f"/{redirect.key}/"] = entry.id
        else:
            for lang in entry.translated:
                urls["/" + lang_prefix(lang, default) + page_url(redirect.key)] = entry.id
    return dict(sorted(urls.items()))


def format_url_list(urls: dict[str, str], header: str) -> str:
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    width = max((len(u) for u in urls), default=0)
    lines += [f"{url.ljust(width)}  {pid}" for url, pid in urls.items()]
    return "\n".join(lines) + "\n"


def parse_url_list(text: str) -> list[tuple[int, str, str]]:
    """(line number, URL, id) for every line of a url list; comments and blanks skipped."""
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        out.append((number, parts[0], parts[1] if len(parts) > 1 else ""))
    return out


def suggest_redirect(url: str, page_id: str, entries: list[Entry], languages: tuple[str, ...]) -> str:
    """The redirect line that makes a vanished URL work again."""
    path = url.strip("/")
    first = path.split("/")[0] if path else ""
    if first in languages[1:]:
        path = path[len(first):].strip("/")
    by_id = {e.id: e for e in entries}
    target = by_id.get(page_id)
    if path.startswith(GO_PREFIX.rstrip("/")):
        old = path.rstrip("/")
    else:
        old = (path + ".md") if path else "index.md"
    if target is not None:
        if target.dutch_only and first in languages[1:]:
            if page_url(old) == page_url(target.src):
                return ""  # no redirect can help: see release_findings
            return (f"{redirect_line(old, target.src)}   # Dutch-only page now: the redirect is "
                    "written at the Dutch address only; consider translating the page")
        return redirect_line(old, target.src)
    parent = "/".join(old.split("/")[:-1])
    guess = next((e.src for e in entries if e.src == f"{parent}/index.md"), "index.md")
    return (f"{redirect_line(old, guess)}   # page '{page_id}' no longer exists: "
            "point this at the page that replaces it")


# --------------------------------------------------------------------------- pages written by the build


def relative(from_url: str, to_url: str) -> str:
    """Relative link from the page at from_url to to_url (both site paths, '/...')."""
    base = posixpath.dirname(from_url.rstrip("/") + "/x") or "/"
    rel = posixpath.relpath(to_url.rstrip("/") or "/", base)
    if to_url.endswith("/") and rel != ".":
        rel += "/"
    elif rel == ".":
        rel = "./"
    return rel


def go_page(entry: Entry, languages: tuple[str, ...], site_url: str, url: str | None = None,
            env=None) -> str:
    """The /go/<id>/ page: go.js picks the browser's language; without JS, Dutch."""
    from tools.wegwijs.render.ui_strings import language_info

    default = languages[0]
    here = url or f"/{GO_PREFIX}{entry.id}/"
    rows = []
    for lang in languages:
        if lang not in entry.translated:
            continue
        info = language_info(lang)
        rows.append({"code": lang, "href": relative(here, entry.url(lang, default)),
                     "translated": entry.translated[lang], "name": info.name,
                     "dir": info.direction, "title": entry.title(lang)})
    go = {"languages": rows, "dutch_url": relative(here, entry.url(default, default)),
          "script": relative(here, "/" + GO_SCRIPT)}
    return templates.render(
        "linkpage.html", env, lang=default, dir="ltr", title=entry.title(default),
        canonical=absolute(site_url, entry.url(default, default)), go=go, redirect=None) + "\n"


def redirect_page(here: str, target_url: str, title: str, lang: str, site_url: str,
                  anchor: str = "", env=None) -> str:
    """A page at an old address that sends the visitor on (works without JavaScript)."""
    from tools.wegwijs.render.ui_strings import language_info

    return templates.render(
        "linkpage.html", env, lang=lang, dir=language_info(lang).direction, title=title,
        canonical=absolute(site_url, target_url), go=None,
        redirect={"href": relative(here, target_url) + anchor}) + "\n"


def absolute(site_url: str, url: str) -> str:
    return (site_url or "/").rstrip("/") + url


# --------------------------------------------------------------------------- QR codes


QR_CACHE_NAME = "wegwijs-qr-cache"  # in the temporary folder (found when first needed)


def _qr_cache() -> Path:
    return Path(tempfile.gettempdir()) / QR_CACHE_NAME


def qr_svg(data: str, title: str) -> str:
    """A QR code as a standalone SVG (error correction M, 4-module quiet zone).

    Making one takes about 20 ms (segno tries eight masks in pure Python), so codes
    are cached on disk by content: only new or changed addresses cost time."""
    import segno

    key = hashlib.sha256(f"{segno.__version__}\0{data}\0{title}".encode()).hexdigest()
    cache = _qr_cache()
    cached = cache / f"{key}.svg"
    try:
        return cached.read_text(encoding="utf-8")
    except OSError:
        pass
    buffer = io.BytesIO()
    segno.make(data, error="m", micro=False).save(
        buffer, kind="svg", scale=4, border=4, title=title, dark="#000", light="#fff")
    text = buffer.getvalue().decode("utf-8")
    try:
        cache.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        partial.replace(cached)  # atomic: parallel builds never read half a file
    except OSError:
        pass  # no cache, no problem
    return text


def qr_path(page_id: str, lang: str | None) -> str:
    """Site path of a QR code: ``/qr/<id>.<lang>.svg``, ``/qr/<id>.go.svg`` for the permanent link."""
    return f"/{QR_DIR}/{page_id}.{lang or 'go'}.svg"


def linkkit_html(entries: list[Entry], languages: tuple[str, ...], site_url: str, here: str,
                 env=None) -> str:
    """The linking kit: per page its permanent link and, per language, link + QR code."""
    from tools.wegwijs.render.ui_strings import language_info

    default = languages[0]
    kit = []
    for entry in entries:
        go = f"/{GO_PREFIX}{entry.id}/"
        rows = [(None, go, "Permanente link (taal van de browser, zonder JavaScript Nederlands)")]
        for lang in languages:
            if lang in entry.translated:
                name = language_info(lang).name_nl
                note = "" if entry.translated[lang] else " (nog niet vertaald: Nederlandse tekst)"
                rows.append((lang, entry.url(lang, default), f"{name}{note}"))
        kit.append({"id": entry.id, "title": entry.title(default), "rows": [
            {"label": label, "href": relative(here, url), "full": absolute(site_url, url),
             "qr": relative(here, qr_path(entry.id, lang)),
             "download": f"{entry.id}-{lang or 'go'}.svg"} for lang, url, label in rows]})
    return templates.render("linkkit.html", env, entries=kit) + "\n"
