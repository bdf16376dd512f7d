"""Shared fixtures: build the real site once per test session, serve it on loopback,
and drive Debian's Chromium with Playwright (never Playwright's own browser download).

- ``built_site``: Path of the real site built with ``mkdocs build --strict``.
- ``build_site(config_dir, site_dir)``: build another (tiny, fixture) site.
- ``site_server``: base URL (``http://127.0.0.1:<port>/``) serving ``built_site``.
- ``browser``: a Playwright Chromium browser; ``phone_page``: a 360x640 page that
  records every request (``page.requests``) and console error (``page.console_errors``).

Tests are organised by kind, one folder each, and every test gets its folder's marker
(registered in pytest.ini): ``unit`` (functions, no site build), ``build`` (mkdocs
builds: the real site or a fixture site, checked in the HTML), ``content`` (the real
Markdown and translations), ``browser`` (Chromium). A test outside tests/browser/ that
asks for the browser is a collection error, so ``pytest -m "not browser"`` (``make
test-fast``) never starts Chromium; a unit test may not ask for the built site.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tools.wegwijs.project import Project
from tools.wegwijs.sources import content_model

ROOT = Path(__file__).resolve().parent.parent
PROJECT = Project(ROOT)  # this checkout: the real site the build and content tests read


def site_languages() -> tuple[str, ...]:
    """The real site's languages, default first (from mkdocs.yml)."""
    return content_model.load_model(PROJECT.config_file).languages
KINDS = ("unit", "build", "content", "browser")
BROWSER_FIXTURES = {"browser", "phone_page"}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def pytest_collection_modifyitems(config, items):
    """Mark every test with the kind of its folder; refuse tests in the wrong folder."""
    misplaced = []
    for item in items:
        parts = Path(item.fspath).resolve().relative_to(ROOT / "tests").parts
        kind = parts[0] if len(parts) > 1 and parts[0] in KINDS else None
        if kind is None:
            misplaced.append(f"{item.nodeid}: put it in one of tests/{{{','.join(KINDS)}}}/")
            continue
        item.add_marker(getattr(pytest.mark, kind))
        fixtures = set(item.fixturenames)
        if kind != "browser" and fixtures & BROWSER_FIXTURES:
            misplaced.append(f"{item.nodeid}: uses the browser, move it to tests/browser/")
        if kind == "unit" and "built_site" in fixtures:
            misplaced.append(f"{item.nodeid}: uses the built site, move it to tests/build/")
    if misplaced:
        raise pytest.UsageError("tests in the wrong folder:\n" + "\n".join(misplaced))


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def build_site(config_dir: Path, site_dir: Path, config_file: str = "mkdocs.yml",
               env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``mkdocs build --strict`` for the site in config_dir; returns the process result.
    (Not ``-q``: quiet mode hides warnings from ``--strict``, which would then pass.)"""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
         str(Path(config_dir) / config_file), "-d", str(site_dir)],
        cwd=config_dir, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per run: with pytest-xdist (``-n``) the first worker
    builds it under a file lock in the run's shared temporary directory and the others
    reuse it."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        site_dir = tmp_path_factory.mktemp("site")
        result = build_site(ROOT, site_dir)
        assert result.returncode == 0, f"site build failed:\n{result.stdout}\n{result.stderr}"
        return site_dir
    import fcntl
    shared = tmp_path_factory.getbasetemp().parent
    site_dir, done = shared / "site", shared / "site.built"
    with open(shared / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            result = build_site(ROOT, site_dir)
            assert result.returncode == 0, f"site build failed:\n{result.stdout}\n{result.stderr}"
            done.touch()
    return site_dir


def video_pages(site: Path, lang_prefix: str = "") -> list[str]:
    """Site paths of the pages (of one language) that embed a player."""
    base = site / lang_prefix if lang_prefix else site
    found = []
    for html in sorted(base.rglob("index.html")):
        rel = html.relative_to(site).as_posix()
        first = rel.split("/")[0]
        if not lang_prefix and first in site_languages()[1:]:
            continue
        if 'class="wegwijs-video"' in html.read_text(encoding="utf-8"):
            found.append(rel[: -len("index.html")])
    return found


@pytest.fixture(scope="session")
def video_page(built_site) -> str:
    pages = video_pages(built_site)
    assert pages, "no Dutch page places a video: a page needs a line [[video:<id>]]"
    return pages[0]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".vtt": "text/vtt", ".webmanifest": "application/manifest+json",
                      ".js": "text/javascript", ".m4a": "audio/mp4", ".mp4": "video/mp4",
                      ".wasm": "application/wasm", ".svg": "image/svg+xml"}

    def log_message(self, *args):
        pass

    def end_headers(self):
        # Pages are revalidated on every visit (production: max-age=300, must-revalidate).
        # Without this header Chromium keeps a page "fresh" for 10 % of its age since its
        # Last-Modified (copied files keep their build time): under load a test that
        # swaps in a new build then saw the old page, depending on how long the build took.
        if self.path.split("?")[0].endswith(("/", ".html")):
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        # Serve the language's own 404 page, as the production nginx config does.
        if code == 404:
            path = self.path.split("?")[0]
            root = Path(self.directory)
            lang = path.strip("/").split("/")[0]
            page = root / lang / "404.html" if (root / lang / "404.html").exists() else root / "404.html"
            if page.exists():
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
        super().send_error(code, message, explain)


def serve(directory: Path):
    """Start a threaded HTTP server for directory on 127.0.0.1; returns (server, base_url)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_server(built_site):
    server, url = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright import sync_api as playwright_api  # pinned in requirements.txt
    executable = chromium_path()
    if executable is None:
        pytest.fail("Chromium is not installed: run `make test` (it installs Debian's chromium)")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def new_phone_page(browser, **context_options):
    """A 360x640 touch page that records requests and console errors."""
    options = {"viewport": {"width": 360, "height": 640}, "device_scale_factor": 2,
               "is_mobile": True, "has_touch": True, **context_options}
    context = browser.new_context(**options)
    page = context.new_page()
    page.requests = []
    page.console_errors = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(f"{msg.text} {msg.location.get('url', '')}"))
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    return page


@pytest.fixture
def phone_page(browser):
    page = new_phone_page(browser)
    yield page
    page.context.close()


def page_type_params(with_languages: bool = True) -> list:
    """pytest parameters for every page type (tools/dev/bench_web.py's PAGE_TYPES) and, with
    with_languages, each language it is published in: Dutch-only pages (``translate:
    false``) get no parameters in other languages rather than skipped tests."""
    from tools.dev.bench_web import PAGE_TYPES, page_languages
    if not with_languages:
        return [pytest.param(t, id=t) for t in PAGE_TYPES]
    return [pytest.param(t, lang, id=f"{t}-{lang}") for t in PAGE_TYPES for lang in page_languages(t)]


def require_page(page_type: str) -> str:
    """URL path (no language prefix) of a page of page_type; fails when docs/ has none."""
    from tools.dev.bench_web import find_page
    path = find_page(page_type)
    if path is None:
        pytest.fail(f"no page of type {page_type!r} in docs/: the tests of this page type have "
                    "nothing to test (add one, or take the type out of PAGE_TYPES in tools/dev/bench_web.py)")
    return path


def make_fixture_site(directory: Path, pages: dict[str, str]) -> Path:
    """A tiny project in directory: the checkout's mkdocs.yml (overrides by absolute
    path; the wegwijs plugin is installed), copies of translations/ and data/, a link
    to media/, and the given docs/ files. Returns the config file path."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "mkdocs.yml").write_text(config, encoding="utf-8")
    # Interface strings and the catalogues are read from beside mkdocs.yml: copies a test
    # may change (never the checkout's own files). media/ is large and only read: a link.
    for name in ("translations", "data"):
        shutil.copytree(ROOT / name, directory / name, dirs_exist_ok=True)
    if not (directory / "media").exists():
        (directory / "media").symlink_to(ROOT / "media", target_is_directory=True)
    for rel, text in pages.items():
        path = directory / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8") if isinstance(text, str) else path.write_bytes(text)
    return directory / "mkdocs.yml"


@functools.lru_cache(maxsize=None)
def unpublished_sources() -> frozenset[str]:
    """Source paths (docs/, no language suffix) the build leaves out: the story folder while
    no story is shown, withdrawn stories (tools/wegwijs/sources/stories.py)."""
    from tools.wegwijs.sources import content_model, stories

    site = content_model.project_site(PROJECT)
    return frozenset(stories.left_out(site.pages, site.model))


def is_published(path: Path) -> bool:
    """Whether the build publishes this docs/ file (any language)."""
    from tools.wegwijs.sources import reader

    src, _lang = reader.split_lang(path.relative_to(ROOT / "docs").as_posix())
    return src not in unpublished_sources()
