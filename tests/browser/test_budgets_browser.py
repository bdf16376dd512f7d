"""Page budgets on a phone (the CI part of ``make bench-web``): every page type in
every language, served by nginx with the production config (gzip), loaded in
Chromium at 360x640 with an empty cache and the video not playing. Transferred
bytes and requests stay within tools/dev/bench_web.py's budgets (the page itself, and
separately the offline copy its service worker fetches right after), and
nothing is requested from any other host. Lighthouse runs only in ``make bench-web``.
"""
from __future__ import annotations

import base64
import os

import pytest

from tests.conftest import page_type_params, require_page, serve
from tools.dev import bench_web
from tools.dev.bench_web import KB


@pytest.fixture(scope="module")
def gzip_server(built_site, tmp_path_factory):
    with bench_web.nginx(built_site, tmp_path_factory.mktemp("budget-nginx")) as url:
        yield url


@pytest.mark.parametrize("page_type,lang", page_type_params())
def test_first_load_budget(browser, gzip_server, page_type, lang):
    require_page(page_type)
    rel = next(r for t, l, r in bench_web.targets() if t == page_type and l == lang)
    load = bench_web.measure(browser, gzip_server + rel)
    assert load.requests > 1, f"nothing measured for {load.url}"
    assert 0 < load.body_bytes < load.bytes  # bodies without headers (the 40 KB target's figure)
    assert not load.foreign_urls, f"{load.url} requests other hosts: {load.foreign_urls}"
    assert load.bytes <= bench_web.budget_bytes(page_type), \
        f"{load.url}: {load.bytes / KB:.1f} KB on first load > {bench_web.budget_bytes(page_type) / KB:.0f} KB"
    assert load.requests <= bench_web.budget_requests(page_type), \
        f"{load.url}: {load.requests} requests > {bench_web.budget_requests(page_type)}"
    assert load.sw_bytes <= bench_web.BUDGET_SW_BYTES, \
        f"{load.url}: the service worker fetched {load.sw_bytes / KB:.1f} KB right after the page"


def test_measure_counts_bytes_and_other_hosts(browser, tmp_path):
    """The measurement can fail a page: it sees a big file and a request to another host."""
    big = os.urandom(60 * KB)  # random bytes do not compress
    (tmp_path / "big.bin").write_bytes(big)
    # The same size as a script from the other host: a script is always downloaded in
    # full (an <img> of bytes that are no image is cancelled after a few KB, at a moment
    # that depends on the machine's load, which made this test flaky).
    (tmp_path / "big.js").write_bytes(b"/*" + base64.b64encode(big)[: len(big) - 4] + b"*/")
    server, url = serve(tmp_path)
    try:
        port = server.server_address[1]
        (tmp_path / "index.html").write_text(
            "<!doctype html><title>t</title>"
            "<script>fetch('big.bin').then(r => r.arrayBuffer())</script>"
            f"<script src='http://localhost:{port}/big.js'></script>",
            encoding="utf-8")
        load = bench_web.measure(browser, url)
    finally:
        server.shutdown()
    assert load.requests >= 3  # page, fetch, script (+ the browser's favicon probe)
    # Both 60 KB files in full (measure waits until every request has ended), plus
    # the small page, headers and the favicon probe's 404.
    assert 2 * len(big) <= load.bytes <= 2 * len(big) + 8 * KB, load.bytes
    assert load.failed == []
    assert load.foreign_urls == [f"http://localhost:{port}/big.js"]
    assert len(big) <= load.foreign_bytes <= len(big) + 2 * KB, load.foreign_bytes
    problems = bench_web.check_row("thema", "nl", load, {})
    assert any("other hosts" in p for p in problems), problems
    assert any("KB transferred" in p for p in problems), problems
