"""Offline use in Chromium: the service worker keeps visited pages and this language's
stappenplan, contactkaart, begrippenlijst and kaart; a new build replaces stale pages
without touching the checklist or practice state, and a returning visitor fetches only
the files whose revision changed (with a budget); an unvisited page offline shows the
language's offline page, an unknown one its 404 page; with a data saver nothing is
kept until the reader asks."""
from __future__ import annotations

import functools
import json
import re
import shutil
import socketserver
import threading

import pytest

from tests.conftest import _QuietHandler, new_phone_page, serve
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


NEW_COPY = """async ([url, text]) => {
  const hit = await caches.match(url);
  return Boolean(hit) && (await hit.text()).includes(text);
}"""


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
        page.goto(url + "ar/thema/werk-meedoen/")  # neither visited nor kept: the offline page
        assert page.locator("[data-wegwijs-retry]").count() == 1
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
        page.evaluate("localStorage.setItem('wegwijs.checklist.v1', '{\"kept\": true}')")
        page.evaluate("localStorage.setItem('wegwijs.practice.v1', '{\"p\": 1}')")

        # A new build: a changed page and so a new version of sw.js.
        html = site / "en" / "fase" / "regeldag" / "index.html"
        html.write_text(html.read_text(encoding="utf-8").replace(
            "</h1>", " (nieuw)</h1>", 1), encoding="utf-8")
        visitor_tools.write_service_worker(site, _site())
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        wait_until(page, NEW_COPY, [visited, "(nieuw)</h1>"])
        assert page.evaluate("caches.keys()") == ["wegwijs-files-v1"]
        assert page.evaluate("localStorage.getItem('wegwijs.checklist.v1')") == '{"kept": true}'
        assert page.evaluate("localStorage.getItem('wegwijs.practice.v1')") == '{"p": 1}'
    finally:
        page.context.close()


def _site():
    from tools.wegwijs.sources import content_model
    from tests.conftest import PROJECT
    return content_model.project_site(PROJECT)


# --------------------------------------------------------------------------- per-file updates

UPDATE_FILES = 2  # files besides sw.js and the edited page (issue 17)
UPDATE_BYTES = 20 * 1024


class _Recording(_QuietHandler):
    """Serves the site and records (path, bytes sent) of every request."""
    log: list = []

    def send_head(self):
        result = super().send_head()
        self.log.append([self.path.split("?")[0], 0])
        return result

    def copyfile(self, source, outputfile):
        data = source.read()
        self.log[-1][1] = len(data)
        outputfile.write(data)


@pytest.fixture
def recorded_site(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("media", "pagefind"))
    log: list = []
    handler = functools.partial(type("Handler", (_Recording,), {"log": log}), directory=str(site))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site, log, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def wait_offline_state(page, *states):
    page.wait_for_function("states => states.includes(document.documentElement.dataset.wegwijsOffline)",
                           arg=list(states), timeout=30000)


def test_one_page_edit_fetches_only_that_page(recorded_site, browser):
    """Build, visit as a reader (home: the precache; a thema page), edit the thema
    page's text, rebuild (the changed page and sw.js), revisit: the worker fetches
    only what changed."""
    site, log, url = recorded_site
    page = new_phone_page(browser)
    try:
        edited = "thema/wonen/"
        controlled(page, url)
        wait_offline_state(page, "saved")
        page.goto(url + edited)
        wait_offline_state(page, "saved")
        wait_cached(page, url + edited)

        html = site / edited / "index.html"
        text = html.read_text(encoding="utf-8")
        assert "<p>" in text
        html.write_text(text.replace("<p>", "<p>Nieuw: ", 1), encoding="utf-8")
        visitor_tools.write_service_worker(site, _site())
        log.clear()
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        wait_until(page, NEW_COPY, [url + edited, "Nieuw: "])
        wait_until(page, "() => navigator.serviceWorker.getRegistration().then(r => !r.installing && !r.waiting)")
        page.goto(url + edited)  # the reader comes back
        wait_offline_state(page, "saved")
        assert "Nieuw: " in page.content()

        others = [(path, size) for path, size in log if path not in ("/sw.js", "/" + edited)]
        edited_bytes = sum(size for path, size in log if path == "/" + edited)
        print(f"update after a one-page edit: sw.js {(site / 'sw.js').stat().st_size} B, "
              f"edited page {edited_bytes} B, others {others}")
        assert len({path for path, _ in others}) <= UPDATE_FILES, others
        assert sum(size for _, size in others) <= UPDATE_BYTES, others
        assert page.evaluate("caches.keys()") == ["wegwijs-files-v1"]
    finally:
        page.context.close()


# --------------------------------------------------------------------------- offline fallback


def test_unvisited_page_offline_shows_the_languages_offline_page(own_site, browser):
    site, server, url = own_site
    page = new_phone_page(browser)
    try:
        controlled(page, url + "fa/")
        wait_offline_state(page, "saved")
        wait_cached(page, url + "fa/offline.html")
        server.shutdown()
        server.server_close()
        page.context.set_offline(True)

        page.goto(url + "fa/thema/wonen/")  # never visited, not kept
        assert page.evaluate("document.documentElement.lang") == "fa"
        assert page.locator("h1").inner_text() == "این صفحه ذخیره نشده است"
        links = page.locator(".wegwijs-offline-pages a")
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        assert hrefs == ["/fa/stappenplan/", "/fa/contactkaart/", "/fa/begrippen/"]
        links.first.click()  # a kept page opens offline
        page.wait_for_url(url + "fa/stappenplan/")
        assert page.locator("[data-plan]").count() == 1
        page.go_back()
        retry = page.locator("[data-wegwijs-retry]")
        assert retry.is_visible()
        with page.expect_navigation():
            retry.click()
        assert page.locator("[data-wegwijs-retry]").count() == 1  # still offline

        page.goto(url + "fa/bestaat-niet/")  # unknown address: the language's 404 page
        assert page.locator("h1").inner_text() == (site / "fa" / "404.html").read_text(
            encoding="utf-8").split("<h1>")[1].split("</h1>")[0]
    finally:
        page.context.close()


# --------------------------------------------------------------------------- data saver

SAVE_DATA = "Object.defineProperty(navigator, 'connection', {value: {saveData: true}, configurable: true});"
IN_CACHE = "url => caches.match(url).then(Boolean)"


def test_data_saver_keeps_nothing_until_the_reader_asks(own_site, browser):
    site, server, url = own_site
    page = new_phone_page(browser)
    page.context.add_init_script(SAVE_DATA)
    try:
        controlled(page, url)
        wait_offline_state(page, "saver")
        box = page.locator("[data-wegwijs-save]")
        page.locator('[data-wegwijs-save][data-state="unsaved"]').wait_for()
        assert box.is_visible()
        assert box.locator("button").first.inner_text() == "Bewaar voor offline gebruik"
        assert re.search(r"Dit downloadt ongeveer \d+", box.inner_text())
        assert not page.evaluate(IN_CACHE, url + "stappenplan/")

        box.locator("[data-wegwijs-save-button]").click()
        page.locator('[data-wegwijs-save][data-state="saved"]').wait_for()
        assert re.search(r"Bewaard op dit apparaat: \d+", box.inner_text())
        for path in ("stappenplan/", "contactkaart/", "begrippen/", "offline.html", "404.html"):
            assert page.evaluate(IN_CACHE, url + path), path

        remove = box.locator("[data-wegwijs-save-remove]")
        assert remove.is_visible()
        remove.click()
        page.locator('[data-wegwijs-save][data-state="unsaved"]').wait_for()
        assert not page.evaluate(IN_CACHE, url + "stappenplan/")
        page.reload()  # removed stays removed
        wait_offline_state(page, "saver")
        assert not page.evaluate(IN_CACHE, url + "stappenplan/")
    finally:
        page.context.close()


# --------------------------------------------------------------------------- practice pages (issue 16)

PRACTICE_READY = "document.documentElement.dataset.wegwijsPractice === 'ready'"


def practice_list(site, lang: str) -> list[str]:
    """The site paths the worker keeps once a practice page of lang is opened."""
    manifest = json.loads((site / "sw-precache.json").read_text(encoding="utf-8"))
    assert "practice" in manifest["onOpen"]
    return manifest["lists"]["practice"][lang]


def test_opening_one_practice_page_keeps_every_practice_page_of_that_language(own_site, browser):
    site, server, url = own_site
    paths = practice_list(site, "ti")
    modules = [p for p in paths if re.fullmatch(r"ti/oefenen/[a-z-]+/", p)]
    assert "ti/oefenen/" in paths and {"ti/oefenen/taal/", "ti/oefenen/school/"} <= set(modules)
    page = new_phone_page(browser)
    try:
        controlled(page, url + "ti/")
        wait_offline_state(page, "saved")  # the language is saved: its practice pages are not part of that
        assert not any(page.evaluate(IN_CACHE, url + p) for p in modules)

        page.goto(url + "ti/oefenen/taal/")  # the reader opens one practice module
        page.wait_for_function(PRACTICE_READY)
        for path in paths:
            wait_cached(page, url + path)
        # Only this language's: the Arabic practice pages stay on the server.
        assert not page.evaluate(IN_CACHE, url + "ar/oefenen/taal/")
        assert not page.evaluate(IN_CACHE, url + "oefenen/school/")

        server.shutdown()  # the network is gone for real
        server.server_close()
        page.context.set_offline(True)
        page.goto(url + "ti/oefenen/school/")  # never opened, kept with the others
        page.wait_for_function(PRACTICE_READY)
        assert page.evaluate("document.documentElement.lang") == "ti"
        assert page.locator(".wegwijs-q[data-question^='school-']").count() >= 6
        assert page.locator("[data-wegwijs-retry]").count() == 0
        page.goto(url + "ti/oefenen/")  # the overview too, with its list of modules
        page.wait_for_function(PRACTICE_READY)
        assert page.locator("[data-thema='school'] [data-practice-score]").count() == 1
    finally:
        page.context.close()



# --------------------------------------------------------------------------- data saver without a header

# The worker's own navigator reports the data saver (Chromium has navigator.connection in
# workers): this line runs first in the served sw.js, as an init script would in a page.
WORKER_SAVE_DATA = ("Object.defineProperty(self.navigator, 'connection', "
                    "{value: {saveData: true}, configurable: true});\n")


def _opening_a_practice_page_keeps_no_other(page, site, url):
    """Open the Tigrinya home page, then one practice module, with the data saver on and
    no Save-Data header: only the opened page is kept, no other practice page."""
    headers = []
    page.on("request", lambda r: headers.append(r.headers.get("save-data"))
            if r.is_navigation_request() else None)
    controlled(page, url + "ti/")
    wait_offline_state(page, "saver")  # the language is not saved automatically
    opened = url + "ti/oefenen/taal/"
    page.goto(opened)
    page.wait_for_function(PRACTICE_READY)
    wait_offline_state(page, "saver")
    wait_cached(page, opened)  # the worker handled this navigation (and kept the page itself)
    assert headers and not any(headers)  # no navigation carried Save-Data
    pages = [p for p in practice_list(site, "ti") if p.endswith("/") and url + p != opened]
    assert len(pages) >= 3  # the overview and the other modules (assets the page loads are kept anyway)
    assert [p for p in pages if page.evaluate(IN_CACHE, url + p)] == []


def test_data_saver_the_page_reports_keeps_no_practice_pages(own_site, browser):
    """Chromium's own data-saver emulation: navigator.connection.saveData is true in the
    page, no Save-Data header is sent; the page tells the worker."""
    site, server, url = own_site
    page = new_phone_page(browser)
    try:
        page.context.new_cdp_session(page).send("Emulation.setDataSaverOverride",
                                                {"dataSaverEnabled": True})
        _opening_a_practice_page_keeps_no_other(page, site, url)
        assert page.evaluate("navigator.connection.saveData") is True
    finally:
        page.context.close()


def test_data_saver_the_worker_sees_keeps_no_practice_pages(own_site, browser):
    """Only the worker's navigator.connection says saveData (the page does not know, no
    header): the worker honours it, for the language and for the practice pages."""
    site, server, url = own_site
    worker = site / "sw.js"
    worker.write_text(WORKER_SAVE_DATA + worker.read_text(encoding="utf-8"), encoding="utf-8")
    page = new_phone_page(browser)
    try:
        _opening_a_practice_page_keeps_no_other(page, site, url)
        assert not page.evaluate("Boolean(navigator.connection && navigator.connection.saveData)")
    finally:
        page.context.close()
