"""``python -m tools links``: no public address and no internal link breaks silently.

Builds the site into a temporary folder (or checks ``--site DIR``) and reports:

1. every URL in ``urls/release.txt`` (the public URLs of the last release) that no
   longer resolves, with the exact redirect line to add under the wegwijs plugin's ``redirects``
   in mkdocs.yml (``old/path.md: new/path.md``);
2. every broken internal link or anchor in the built site, in every language.

``--external`` only lists every link to another website for a check by hand
(``checks/external_links.py``): no build, no network.

``--update-release`` (at a release, after the check passes) rewrites
``urls/release.txt`` from the build's ``urls.txt``; commit that file.

``python -m tools check`` runs :func:`check_sources`: the same release check
computed from docs/ and mkdocs.yml without building (plus redirect validation).
"""
from __future__ import annotations

import os
import posixpath
import subprocess
import sys
import tempfile
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tools.wegwijs.sources import content_model, reader, stories
from tools.wegwijs import findings as F
from tools.wegwijs.render import permalinks

from tools.wegwijs.project import Project
RELEASE_HEADER = """Public URLs of the last release of Wegwijs in Hilversum: site path, then page id.
These must keep working: `python -m tools links` (and `make test`) fail when one breaks
and print the redirect to add under the wegwijs plugin's redirects in mkdocs.yml.
Update at each release: `python -m tools links --update-release`, then commit this file."""
LINK_ATTRS = {"a": "href", "area": "href", "link": "href", "img": "src", "script": "src",
              "source": "src", "track": "src", "iframe": "src", "video": "poster", "audio": "src"}
SKIP_DIRS = ("pagefind",)


# --------------------------------------------------------------------------- release URLs


def _sources(project: Project):
    model = content_model.load_model(project.config_file)
    site = content_model.scan(model, root=project.root)
    site, _left_out = stories.published(site)  # as the build: without withdrawn stories
    entries = permalinks.inventory(site)
    return model, entries


def release_findings(release_file: Path, root: Path, resolves, current_ids: dict[str, str],
                     entries, languages) -> list[F.Finding]:
    """Findings for release URLs that no longer resolve (resolves: URL -> bool)."""
    where = content_model.display_path(release_file, root)
    if not release_file.exists():
        return [F.warning(where, "no list of released URLs yet: run `python -m tools links "
                          "--update-release` and commit the file", "release-urls")]
    out = []
    for line, url, page_id in permalinks.parse_url_list(release_file.read_text(encoding="utf-8")):
        if not url.startswith("/"):
            out.append(F.error(where, f"'{url}' is not a site path: each line is '/path/ page-id' "
                               "(regenerate with `python -m tools links --update-release`)",
                               "release-urls", line=line))
        elif not resolves(url):
            suggestion = permalinks.suggest_redirect(url, page_id, entries, languages).strip()
            if suggestion:
                fix = f"add this line under 'redirects:' (in '- wegwijs:' under 'plugins:') in mkdocs.yml: {suggestion}"
            else:
                fix = (f"page '{page_id}' now has 'translate: false', so it exists in Dutch only; "
                       "remove 'translate: false' again (a released address in another language "
                       "must keep working)")
            out.append(F.error(where, f"{url} (page '{page_id}') no longer resolves and no redirect "
                               f"covers it; {fix}", "release-url-broken", line=line))
        elif page_id and current_ids.get(url) and current_ids[url] != page_id:
            out.append(F.warning(where, f"{url} showed page '{page_id}' at the last release and now "
                                 f"shows '{current_ids[url]}': is that intended?", "release-url-changed",
                                 line=line))
    return out


def check_sources(project: Project, release_file: Path | None = None) -> list[F.Finding]:
    """The release check without a build: URLs computed from docs/ and the plugin's redirects."""
    release_file = release_file or project.root / permalinks.RELEASE_FILE
    model, entries = _sources(project)
    redirects, out = permalinks.load_redirects(project.config_file, entries)
    urls = permalinks.public_urls(entries, redirects, model.languages)
    out += release_findings(release_file, project.root, lambda u: u in urls, urls, entries, model.languages)
    return out


# --------------------------------------------------------------------------- built site


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, int]] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(values[key])
        attr = LINK_ATTRS.get(tag)
        if attr and values.get(attr):
            if tag == "link" and (values.get("rel") or "").lower() in ("preconnect", "dns-prefetch"):
                return
            self.links.append((values[attr], self.getpos()[0]))


def _url_of(site_dir: Path, file: Path) -> str:
    rel = file.relative_to(site_dir).as_posix()
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


def _target_file(site_dir: Path, path: str) -> Path | None:
    candidate = site_dir / path.lstrip("/")
    if path.endswith("/"):
        candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None
    if candidate.is_file():
        return candidate
    if candidate.is_dir() and (candidate / "index.html").is_file():
        return candidate / "index.html"
    return None


def check_site(site_dir: Path, site_url: str = "", source_of=None) -> list[F.Finding]:
    """Every internal link, resource and anchor in every built HTML page must exist.

    A problem repeated on many pages (in the menu, or in every language) is reported
    once, at its first page; source_of(url) names the Markdown file of a page."""
    site_dir = Path(site_dir)
    base = urlsplit(site_url or "")
    prefix = base.path.rstrip("/")  # site served below a path, e.g. /wegwijs
    languages = {p.name for p in site_dir.iterdir() if p.is_dir() and (p / "index.html").is_file()
                 and len(p.name) <= 3}
    pages: dict[Path, _Page] = {}
    for file in sorted(site_dir.rglob("*.html")):
        if file.relative_to(site_dir).parts[0] in SKIP_DIRS:
            continue
        parser = _Page()
        parser.feed(file.read_text(encoding="utf-8", errors="replace"))
        pages[file] = parser

    def ids_of(file: Path) -> set[str]:
        if file not in pages:
            parser = _Page()
            parser.feed(file.read_text(encoding="utf-8", errors="replace"))
            pages[file] = parser
        return pages[file].ids

    problems: dict[tuple[str, str], list[str]] = defaultdict(list)
    for file, parser in list(pages.items()):
        here = _url_of(site_dir, file)
        for link, _line in parser.links:
            link = link.strip()
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                if not (site_url and parts.scheme in ("http", "https") and parts.netloc == base.netloc):
                    continue  # another site, mailto:, tel:, data:
                path = parts.path
                if prefix and path.startswith(prefix):
                    path = path[len(prefix):] or "/"
            elif not parts.path:
                path = here
            elif parts.path.startswith("/"):
                path = parts.path[len(prefix):] if prefix and parts.path.startswith(prefix) else parts.path
            else:
                path = posixpath.join(posixpath.dirname(here), parts.path)
            trailing = path.endswith("/")
            path = posixpath.normpath(unquote(path))
            path = "/" if path in (".", "/") else path + ("/" if trailing else "")
            target = _target_file(site_dir, path)
            if target is None:
                problems[("broken-link", _strip_lang(path, languages))].append((here, path, link))
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in ids_of(target):
                problems[("broken-anchor", _strip_lang(path, languages) + "#" + fragment)].append((here, path, link))
    out = []
    for (rule, _key), where in sorted(problems.items()):
        here, path, link = next((w for w in where if _strip_lang(w[0], languages) == w[0]), where[0])
        if rule == "broken-link":
            message = f"link '{link}' on {here} leads to {path}, which does not exist"
        else:
            message = f"link '{link}' on {here}: {path.split('#')[0]} has no anchor '#{unquote(urlsplit(link).fragment)}'"
        if len(where) > 1:
            message += f" (the same on {len(where) - 1} other page{'s' if len(where) > 2 else ''})"
        message += ("; fix the link (in the Markdown or the template), or create the page, file "
                    "or heading {#anchor} it points to")
        source = (source_of(here) if source_of else None) or here
        out.append(F.error(source, message, rule))
    return out


def _strip_lang(path: str, languages) -> str:
    first = path.strip("/").split("/")[0]
    return path[len(first) + 1:] if first in languages else path


# --------------------------------------------------------------------------- command


def build(config_file: Path, site_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        # Not --strict: a warning elsewhere (say, a missing interface string) must not hide the
        # link report; `make build` and the tests run the strict build.
        [sys.executable, "-m", "mkdocs", "build", "--no-strict", "-f", str(config_file),
         "-d", str(site_dir)], cwd=config_file.parent, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def check_built(site_dir: Path, project: Project, release_file: Path) -> list[F.Finding]:
    url_list = site_dir / permalinks.URL_LIST
    current = {url: pid for _l, url, pid in permalinks.parse_url_list(url_list.read_text(encoding="utf-8"))}
    model, entries = _sources(project)

    def resolves(url: str) -> bool:
        return url in current or _target_file(site_dir, url) is not None

    out = release_findings(release_file, project.root, resolves, current, entries, model.languages)
    default = model.default_language
    by_id = {e.id: e for e in entries}

    def source_of(url: str) -> str | None:
        entry = by_id.get(current.get(url, ""))
        if entry is None or url.startswith("/" + permalinks.GO_PREFIX):
            return None
        first = url.strip("/").split("/")[0]
        lang = first if first in model.translations else default
        src = entry.src if not entry.translated.get(lang) else reader.source_file(entry.src, lang, default)
        return content_model.display_path(model.docs_dir / src, project.root)

    out += check_site(site_dir, _read_site_url(site_dir), source_of)
    return out


def _read_site_url(site_dir: Path) -> str:
    """The site_url the site was built with (from the Dutch home page's canonical link)."""
    home = site_dir / "index.html"
    if not home.exists():
        return ""
    text = home.read_text(encoding="utf-8", errors="replace")
    marker = '<link rel="canonical" href="'
    start = text.find(marker)
    if start < 0:
        return ""
    return text[start + len(marker): text.find('"', start + len(marker))]


def run(args) -> list[F.Finding] | int:
    from tools.wegwijs.cli import UsageError

    project = args.project
    config_file = project.config_file
    if getattr(args, "external", False):
        from tools.wegwijs.checks import external_links
        return external_links.run(config_file, args.format)
    release_file = Path(args.release) if args.release else project.root / permalinks.RELEASE_FILE
    with tempfile.TemporaryDirectory(prefix="wegwijs-links-") as tmp:
        if args.site:
            site_dir = Path(args.site)
            if not (site_dir / permalinks.URL_LIST).is_file():
                raise UsageError(f"{args.site} has no {permalinks.URL_LIST}: build it with "
                                 "`python -m mkdocs build --strict -d DIR` first")
        else:
            site_dir = Path(tmp) / "site"
            result = build(config_file, site_dir)
            if result.returncode != 0:
                tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
                return [F.error(content_model.display_path(config_file, project.root),
                                f"the site does not build, so links cannot be checked:\n{tail}",
                                "build")]
        findings = check_built(site_dir, project, release_file)
        if args.update_release:
            broken = [f for f in findings if f.rule == "release-url-broken"]
            if broken:
                print(f"Not updating {content_model.display_path(release_file, project.root)}: add the redirects "
                      "below first, so no released URL is lost.", file=sys.stderr)
                return findings
            urls = {url: pid for _l, url, pid in permalinks.parse_url_list(
                (site_dir / permalinks.URL_LIST).read_text(encoding="utf-8"))}
            release_file.parent.mkdir(parents=True, exist_ok=True)
            release_file.write_text(permalinks.format_url_list(urls, RELEASE_HEADER), encoding="utf-8")
            print(f"Wrote {len(urls)} URLs to {content_model.display_path(release_file, project.root)}: commit it.",
                  file=sys.stderr)
            findings = [f for f in findings if not f.rule.startswith("release-")]
    return findings


def register(sub) -> None:
    from tools.wegwijs.cli import add_format_option

    parser = sub.add_parser("links", help="check released URLs, redirects and internal links/anchors "
                                          "in the built site")
    parser.add_argument("--site", help="check this already built site instead of building one")
    parser.add_argument("--release", help="list of released URLs (default: urls/release.txt)")
    parser.add_argument("--update-release", action="store_true",
                        help="after the check, write the built site's URLs to the release list")
    parser.add_argument("--external", action="store_true",
                        help="only list every link to another website (data/links.yml and docs/) "
                             "for a check by hand; no build, no network")
    add_format_option(parser)
    parser.set_defaults(func=run)
