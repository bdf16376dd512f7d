"""Offline use in Chromium: the service worker keeps visited pages and this language's
stappenplan, contactkaart, begrippenlijst and kaart; a new build replaces stale pages
without touching the checklist; the precache of one language stays under 1.5 MB."""
from __future__ import annotations

import json
import re
import shutil

import pytest

from tests.conftest import new_phone_page, serve
from tools.wegwijs.plugin.steps import visitor_tools

LIMIT = 1.5 * 1024 * 1024
CACHED = """async (url) => {
  for (const name of await caches.keys()) {
    if (await (await caches.open(name)).match(url)) return name;
  }
  return null;
}"""


@pytest.fixture
def own_site(built_site, tmp_path):
    """A copy of the built site on its own server, which a test may stop ('offline')."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("media", "pagefind"))
    server, url = serve(site)
    yield site, server, url
    server.shutdown()
    server.server_close()


def controlled(page, url):
    page.goto(url)
    page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller !== null",
                           timeout=15000)


def wait_until(page, expression, arg=None, limit_ms=30000):
    """Wait in the page until the async browser function ``expression`` resolves truthy
    (the state of the caches has no event to wait for; wait_for_function would take its
    Promise as truthy at once). Fails after limit_ms."""
    page.evaluate(f"""async (arg) => {{
      const check = {expression};
      const end = Date.now() + {int(limit_ms)};
      while (!(await check(arg))) {{
        if (Date.now() > end) throw new Error({json.dumps("timed out waiting for " + expression)});
        await new Promise(resolve => setTimeout(resolve, 50));
      }}
    }}""", arg)


def wait_cached(page, url):
    wait_until(page, CACHED, url)


def test_visited_page_reloads_offline_and_precached_pages_open(own_site, browser):
    site, server, url = own_site
    page = new_phone_page(browser)
    try:
        visited = url + "ar/fase/regeldag/"
        controlled(page, visited)
        page.reload()  # now under the worker: the page is kept
        wait_cached(page, visited)
        wait_cached(page, url + "ar/stappenplan/")
        heading = page.locator("h1").first.inner_text()
        page.evaluate("localStorage.setItem('wegwijs.checklist.v1', '{\"x\": true}')")

        server.shutdown()  # the network is gone for real, not just emulated
        server.server_close()
        page.context.set_offline(True)
        page.reload()
        assert page.locator("h1").first.inner_text() == heading
        page.goto(url + "ar/stappenplan/")  # never visited, kept for this language
        assert page.locator("[data-plan]").count() == 1
        assert page.evaluate("document.documentElement.lang") == "ar"
        # Nothing of other languages or hosts was kept.
        names = page.evaluate("caches.keys()")
        keys = page.evaluate("""async (names) => {
          const out = [];
          for (const n of names) for (const r of await (await caches.open(n)).keys()) out.push(r.url);
          return out;
        }""", names)
        assert keys and all(k.startswith(url) for k in keys)
        assert not any(re.match(re.escape(url) + r"(en|ti|fa)/", k) for k in keys)
        assert not any("/media/" in k for k in keys)
        with pytest.raises(Exception):
            page.goto(url + "ar/thema/werk-meedoen/")  # neither visited nor kept
    finally:
        page.context.close()


def test_new_build_replaces_stale_pages_and_keeps_the_checklist(own_site, browser):
    site, server, url = own_site
    page = new_phone_page(browser)
    try:
        visited = url + "en/fase/regeldag/"
        controlled(page, visited)
        page.reload()
        wait_cached(page, visited)
        old = page.evaluate("caches.keys()")
        page.evaluate("localStorage.setItem('wegwijs.checklist.v1', '{\"kept\": true}')")

        # A new build: a changed page and so a new version of sw.js.
        html = site / "en" / "fase" / "regeldag" / "index.html"
        html.write_text(html.read_text(encoding="utf-8").replace(
            "</h1>", " (nieuw)</h1>", 1), encoding="utf-8")
        visitor_tools.write_service_worker(site, _site())
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        wait_until(page, "old => caches.keys().then(k => k.length === 1 && k[0] !== old)", old[0])
        cached = page.evaluate(f"""caches.match({json.dumps(visited)}).then(r => r && r.text())""")
        assert cached and "(nieuw)</h1>" in cached
        assert page.evaluate("localStorage.getItem('wegwijs.checklist.v1')") == '{"kept": true}'
    finally:
        page.context.close()


def _site():
    from tools.wegwijs.sources import content_model
    from tests.conftest import PROJECT
    return content_model.project_site(PROJECT)
