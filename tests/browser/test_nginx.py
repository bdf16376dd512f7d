"""The production web server: Debian's nginx runs nginx/wegwijs.conf unchanged
(wrapped by nginx/test-server.conf.in) on a free loopback port and serves the
built site. Checks headers, compression, caching, MIME types, the 404 page of
each language, and that pages, search and video work under the
Content-Security-Policy without console errors in Chromium.
"""
from __future__ import annotations

import gzip
import http.client
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.page_states import wait_search_done
from tests.conftest import ROOT, new_phone_page, page_type_params, require_page
from tools.dev import bench_web
from tools.dev.bench_web import lang_prefix, languages, page_languages

LANGUAGES = languages()

NGINX = Path("/usr/sbin/nginx")

# Content-Type for every kind of file the site ships (charset may follow).
EXPECTED_TYPES = {
    ".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".mjs": "text/javascript",
    ".json": "application/json", ".geojson": "application/geo+json", ".map": "application/json", ".xml": "application/xml",
    ".gz": "application/gzip", ".txt": "text/plain", ".vtt": "text/vtt",
    ".webmanifest": "application/manifest+json", ".svg": "image/svg+xml", ".png": "image/png",
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp", ".avif": "image/avif",
    ".ico": "image/x-icon", ".woff2": "font/woff2", ".m4a": "audio/mp4", ".mp3": "audio/mpeg",
    ".ogg": "audio/ogg", ".opus": "audio/ogg", ".mp4": "video/mp4", ".webm": "video/webm",
    ".wasm": "application/wasm", ".pdf": "application/pdf",
    ".pagefind": "application/octet-stream", ".pf_fragment": "application/octet-stream",
    ".pf_index": "application/octet-stream", ".pf_meta": "application/octet-stream",
}
# Files the test adds to the served copy, so types are checked even before the
# site ships such a file.
PROBES = {"_probe/a.vtt": b"WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n",
          "_probe/a.webmanifest": b'{"name": "Wegwijs"}',
          "_probe/a.m4a": b"\0\0\0\x18ftypM4A ", "_probe/a.wasm": b"\0asm\x01\0\0\0",
          "_probe/a.mp4": b"\0\0\0\x18ftypisom"}


@pytest.fixture(scope="module")
def nginx_server(built_site, tmp_path_factory):
    if not NGINX.exists():
        pytest.fail("/usr/sbin/nginx is missing: run `make test` (tools/dev/install-system-deps.sh installs nginx)")
    prefix = tmp_path_factory.mktemp("nginx")
    root = prefix / "site"
    shutil.copytree(built_site, root)
    for rel, data in PROBES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    conf_file = bench_web.nginx_config(root, prefix / "check", bench_web.free_port())
    check = subprocess.run([str(NGINX), "-t", "-p", str(prefix / "check"), "-c", str(conf_file)],
                           capture_output=True, text=True)
    assert check.returncode == 0, f"nginx rejects nginx/wegwijs.conf:\n{check.stderr}"
    assert "[warn]" not in check.stderr, f"nginx warns about the config:\n{check.stderr}"
    with bench_web.nginx(root, prefix / "run") as url:  # the same config on its own port
        yield {"url": url, "port": urlsplit(url).port, "root": root, "prefix": prefix / "run"}


def get(server, path: str, gzip_ok: bool = True):
    conn = http.client.HTTPConnection("127.0.0.1", server["port"], timeout=10)
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    conn.request("GET", path, headers=headers)
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    if resp.getheader("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return resp, body


def some_file(root: Path, pattern: str) -> str:
    found = sorted(root.glob(pattern))
    assert found, f"the built site has no file matching {pattern}"
    return "/" + found[0].relative_to(root).as_posix()


# --------------------------------------------------------------------------- headers


def test_security_headers_on_pages_assets_and_errors(nginx_server):
    paths = ["/", "/en/", some_file(nginx_server["root"], "assets/wegwijs/*.css"),
             "/does-not-exist/", "/fa/does-not-exist/"]
    for path in paths:
        resp, _ = get(nginx_server, path)
        csp = resp.getheader("Content-Security-Policy") or ""
        directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
        assert directives.get("default-src") == ["'self'"], (path, csp)
        assert directives.get("frame-ancestors") == ["'none'"], (path, csp)
        assert directives.get("object-src") == ["'none'"], (path, csp)
        assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp, (path, csp)
        assert not re.search(r"https?:|\*", csp), f"third-party origin in CSP: {csp}"
        assert resp.getheader("X-Content-Type-Options") == "nosniff", path
        assert resp.getheader("Referrer-Policy") in ("no-referrer", "same-origin",
                                                     "strict-origin-when-cross-origin"), path
        assert "camera=()" in (resp.getheader("Permissions-Policy") or ""), path
        assert "max-age=" in (resp.getheader("Strict-Transport-Security") or ""), path
        assert resp.getheader("Server") == "nginx", "server_tokens must hide the version"


def test_compression(nginx_server):
    root = nginx_server["root"]
    for path in ["/", some_file(root, "assets/wegwijs/material.css"),
                 some_file(root, "assets/wegwijs/*.js"), "/_probe/a.vtt"]:
        on_disk = (root / (path.lstrip("/") or "index.html")).read_bytes()
        resp, body = get(nginx_server, path)
        if len(on_disk) >= 512:
            assert resp.getheader("Content-Encoding") == "gzip", path
            assert "Accept-Encoding" in (resp.getheader("Vary") or ""), path
        assert body == on_disk, path
        plain, plain_body = get(nginx_server, path, gzip_ok=False)
        assert plain.getheader("Content-Encoding") is None and plain_body == on_disk, path
    # Pagefind's files are compressed already: not compressed twice.
    resp, _ = get(nginx_server, some_file(root, "pagefind/fragment/*.pf_fragment"))
    assert resp.getheader("Content-Encoding") is None


def cache(resp) -> str:
    return resp.getheader("Cache-Control") or ""


def max_age(resp) -> int:
    match = re.search(r"max-age=(\d+)", cache(resp))
    return int(match.group(1)) if match else 0


def test_caching(nginx_server):
    root = nginx_server["root"]
    for pattern in ["assets/javascripts/bundle.*.min.js",
                    "pagefind/fragment/*.pf_fragment", "pagefind/index/*.pf_index"]:
        resp, _ = get(nginx_server, some_file(root, pattern))
        assert resp.status == 200 and "immutable" in cache(resp) and max_age(resp) >= 31536000, pattern
    # No hash in the name: never immutable, at most an hour.
    # Material's purged stylesheet (tools/wegwijs/render/css_purge.py) changes with the pages.
    for path in [some_file(root, "assets/wegwijs/material.css"),
                 some_file(root, "assets/wegwijs/*.css"), some_file(root, "assets/wegwijs/*.js"),
                 "/pagefind/pagefind.js", "/pagefind/pagefind-entry.json"]:
        resp, _ = get(nginx_server, path)
        assert "immutable" not in cache(resp) and max_age(resp) <= 3600, (path, cache(resp))
    for path in ["/", "/en/", "/fase/"]:
        resp, _ = get(nginx_server, path)
        assert resp.status == 200 and "immutable" not in cache(resp) and max_age(resp) <= 600, path
    resp, _ = get(nginx_server, "/en/missing/")
    assert resp.status == 404 and max_age(resp) == 0
    if (root / "sw.js").exists():  # the service worker must update promptly
        resp, _ = get(nginx_server, "/sw.js")
        assert resp.status == 200 and cache(resp) == "no-cache"


def test_mime_types(nginx_server):
    root = nginx_server["root"]
    extensions = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            extensions.setdefault(path.suffix.lower(), path)
    unknown = sorted(set(extensions) - set(EXPECTED_TYPES))
    assert not unknown, f"the site ships {unknown}: add them to nginx/wegwijs.conf types and here"
    for suffix, path in extensions.items():
        resp, _ = get(nginx_server, "/" + path.relative_to(root).as_posix())
        ctype = (resp.getheader("Content-Type") or "").split(";")[0].strip()
        assert resp.status == 200 and ctype == EXPECTED_TYPES[suffix], (path, resp.status, ctype)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_404_page_in_each_language(nginx_server, lang):
    for path in [f"/{lang_prefix(lang)}no-such-page/", f"/{lang_prefix(lang)}fase/no-such-fase/"]:
        resp, body = get(nginx_server, path)
        assert resp.status == 404, path
        assert resp.getheader("Content-Type").startswith("text/html")
        html = body.decode("utf-8")
        assert re.search(rf'<html lang="{lang}"', html), f"{path} did not get the {lang} 404 page"


def test_directory_without_slash_redirects_relatively(nginx_server):
    resp, _ = get(nginx_server, "/fase")
    assert resp.status == 301 and resp.getheader("Location") == "/fase/"


# --------------------------------------------------------------------------- browser


def _load(browser, url: str):
    page = new_phone_page(browser)
    page.goto(url, wait_until="load")
    return page


def _assert_clean(page, origin):
    assert not page.console_errors, f"console errors on {page.url}: {page.console_errors}"
    foreign = [u for u in page.requests if not u.startswith(origin) and not u.startswith("data:")]
    assert not foreign, f"requests to other hosts from {page.url}: {foreign}"


@pytest.mark.parametrize("page_type", page_type_params(with_languages=False))
def test_pages_work_under_csp(browser, nginx_server, page_type):
    path = require_page(page_type)
    origin = nginx_server["url"]
    for lang in page_languages(page_type):
        if page_type == "404":  # a missing page deep down: assets must still load
            path = "no-such-page/deeper/"
        url = origin + lang_prefix(lang) + path
        page = _load(browser, url)
        try:
            if page_type == "404":
                assert page.evaluate("document.documentElement.lang") == lang
                expected = f"the server responded with a status of 404 (Not Found) {url}"
                page.console_errors[:] = [e for e in page.console_errors if not e.endswith(expected)]
            else:
                assert page.locator("h1").count() >= 1, url
            # The stylesheet applied (a CSP block of it would leave the page unstyled).
            assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed", "relative")
            page.wait_for_load_state("networkidle")  # late requests and their console errors
            _assert_clean(page, origin)
        finally:
            page.context.close()


def test_csp_is_enforced(browser, nginx_server):
    """The header really binds the page: an injected inline script does not run."""
    page = _load(browser, nginx_server["url"])
    try:
        page.evaluate("""() => { window.__ran = false;
            const s = document.createElement('script'); s.textContent = 'window.__ran = true';
            document.head.appendChild(s); }""")
        assert page.evaluate("window.__ran") is False
        assert any("Content Security Policy" in e for e in page.console_errors)
    finally:
        page.context.close()


@pytest.mark.parametrize("lang,query", [("nl", "wonen"), ("ar", "")])
def test_search_works_under_csp(browser, nginx_server, lang, query):
    origin = nginx_server["url"]
    page = _load(browser, origin + lang_prefix(lang))
    try:
        if not query:  # a word from this language's own home page title
            query = page.locator("h1").first.inner_text().split()[0]
        page.locator(".wegwijs-search-open").click()
        page.locator("#wegwijs-search-input").fill(query)
        page.locator("#wegwijs-search-input").press("Enter")
        assert wait_search_done(page, query) > 0, f"no results for {query!r}"
        assert any("/pagefind/" in u and u.endswith(".pagefind") for u in page.requests), \
            "Pagefind's WebAssembly was not loaded"
        _assert_clean(page, origin)
    finally:
        page.context.close()


def test_video_plays_under_csp(browser, nginx_server):
    path = require_page("thema-video")
    origin = nginx_server["url"]
    page = _load(browser, origin + path)
    try:
        assert page.locator("video").count() == 1, f"{path} has a [[video:]] line but no player"
        page.evaluate("document.querySelector('video').muted = true")
        page.evaluate("document.querySelector('video').play()")
        page.wait_for_function("document.querySelector('video').currentTime > 0", timeout=15000)
        _assert_clean(page, origin)
    finally:
        page.context.close()
