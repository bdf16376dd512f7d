"""The preview of `make serve` in Chromium (issue 18): a saved page is checked and the
findings appear on the reloaded page in a panel (``path:line:col: [level] message
(rule)``) that the keyboard can close; a build error during serve shows in the browser
instead of a hanging page; the published build has no panel.

The preview server is the real one (``python -m tools.dev.serve``, i.e. ``mkdocs serve
--dirty`` with the wegwijs plugin) on a tiny fixture site, on a free port; the tests
wait for explicit states: ``<html data-wegwijs-preview=…>`` (preview.js) and the round
number of ``_wegwijs/preview.json``."""
from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import ROOT, build_site, make_fixture_site, new_phone_page, serve

HEAD = "---\nid: {id}\ntype: {type}\norder: {order}\n{extra}---\n\n"
WONEN = HEAD.format(id="wonen", type="pagina", order=1, extra="translate: false\n") + \
    "# Wonen\n\nU krijgt een huis in Hilversum.\n\nDe gemeente helpt u.\n"
# 35 words in one sentence: the B1 check's sentence-length error (limit 25).
LONG = ("Als u een huis krijgt dan gaat u samen met de medewerker van de gemeente naar de "
        "woning en dan kijkt u samen of alles in orde is en dan tekent u het contract "
        "voor de woning.")
PAGES = {
    "index.md": HEAD.format(id="home", type="home", order=0, extra="") + "# Welkom\n\nHallo.\n",
    "wonen.md": WONEN,
}
FINDING = re.compile(r"^docs/wonen\.md:\d+(:\d+)?: \[(error|warning)\] .+ \([a-z0-9-]+\)$")
UP = 300  # seconds: the first build of the preview on a busy two-core machine
RELOAD = 180  # seconds: save -> rebuilt page (+ checks) on a busy machine; a bound, never a wait


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read()
    except OSError:
        return None


class PreviewServer:
    def __init__(self, directory, url, proc, log):
        self.directory, self.url, self.proc, self.log = directory, url, proc, log

    @property
    def page(self):
        return self.directory / "docs" / "wonen.md"

    def state(self) -> dict:
        raw = _get(self.url + "_wegwijs/preview.json")
        return json.loads(raw) if raw else {}

    def round(self) -> int:
        return self.state().get("round", 0)

    def save(self, text: str) -> None:
        """Save like an editor does (the watcher sees a changed file)."""
        self.page.write_text(text, encoding="utf-8")

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    directory = tmp_path_factory.mktemp("preview-site")
    make_fixture_site(directory, PAGES)
    port = _free_port()
    log = directory / "serve.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tools.dev.serve", "--lang", "nl", "-a", f"127.0.0.1:{port}"],
            cwd=directory, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)})
    server = PreviewServer(directory, f"http://127.0.0.1:{port}/", proc, log)
    try:
        deadline = time.monotonic() + UP
        # Poll until the first build is served (the server answers only then).
        while _get(server.url + "_wegwijs/preview.json") is None:
            assert proc.poll() is None, f"the preview stopped:\n{server.output()}"
            assert time.monotonic() < deadline, f"the preview did not come up:\n{server.output()}"
            time.sleep(0.2)
        yield server
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _wait_for_round(page, state: str, after: int) -> None:
    """Wait until the page (reloaded by live-reload) shows preview state ``state`` for a
    round after ``after``."""
    page.wait_for_function(
        """([state, after]) => {
             const panel = document.getElementById("wegwijs-preview");
             return document.documentElement.dataset.wegwijsPreview === state
               && panel && Number(panel.dataset.round) > after;
           }""", arg=[state, after], timeout=RELOAD * 1000)


def test_saved_page_is_checked_and_the_panel_shows_the_finding(preview, browser):
    page = new_phone_page(browser)
    try:
        page.goto(preview.url + "wonen/")
        page.wait_for_function("document.documentElement.dataset.wegwijsPreview !== undefined")
        before = preview.round()
        preview.save(WONEN + "\n" + LONG + "\n")
        _wait_for_round(page, "shown", before)
        panel = page.locator("#wegwijs-preview")
        assert panel.get_attribute("role") == "region" and panel.get_attribute("lang") == "nl"
        assert "docs/wonen.md" in panel.locator("h2").inner_text()
        finding = panel.locator('.wegwijs-preview-finding[data-rule="sentence-length"]')
        assert finding.count() == 1, panel.inner_text()
        text = finding.inner_text()
        assert FINDING.match(text), text
        line = WONEN.count("\n") + 2  # the long sentence's line in the saved file
        assert text.startswith(f"docs/wonen.md:{line}:"), text
        assert "[error]" in text and text.endswith("(sentence-length)")
        # The page itself is the new version (the reload happened, not only the panel).
        assert "medewerker van de gemeente" in page.locator("article").inner_text()
        # The terminal says the same, in the same form.
        assert f"docs/wonen.md:{line}:" in preview.output()

        # Keyboard: Tab reaches the close button (last in the page), Enter closes the panel.
        close = panel.locator("button.wegwijs-preview-close")
        for _ in range(200):
            page.keyboard.press("Tab")
            if close.evaluate("button => document.activeElement === button"):
                break
        else:
            pytest.fail("Tab never reaches the panel's close button")
        assert close.evaluate("button => button.matches(':focus-visible')")
        page.keyboard.press("Enter")
        page.wait_for_function("document.documentElement.dataset.wegwijsPreview === 'dismissed'")
        assert page.locator("#wegwijs-preview").count() == 0
        # Closed stays closed on a reload until the next save.
        page.reload()
        page.wait_for_function("document.documentElement.dataset.wegwijsPreview === 'dismissed'")
    finally:
        page.context.close()

    # Escape inside the panel closes it too (a fresh tab: nothing dismissed yet).
    page = new_phone_page(browser)
    try:
        page.goto(preview.url + "wonen/")
        page.wait_for_function("document.documentElement.dataset.wegwijsPreview === 'shown'")
        page.locator("#wegwijs-preview button.wegwijs-preview-close").focus()
        page.keyboard.press("Escape")
        page.wait_for_function("document.documentElement.dataset.wegwijsPreview === 'dismissed'")
        assert page.locator("#wegwijs-preview").count() == 0
    finally:
        page.context.close()
    preview.save(WONEN)


def test_build_error_shows_in_the_browser_and_the_fix_reloads(preview, browser):
    page = new_phone_page(browser)
    try:
        page.goto(preview.url + "wonen/")
        page.wait_for_function("document.documentElement.dataset.wegwijsPreview !== undefined")
        before = preview.round()
        # A page type the content model does not know stops the build.
        preview.save(WONEN.replace("type: pagina", "type: pagna"))
        _wait_for_round(page, "build-error", before)
        error = page.locator("#wegwijs-preview .wegwijs-preview-error").inner_text()
        assert "docs/wonen.md" in error and "pagna" in error, error
        assert "De site bouwt niet" in page.locator("#wegwijs-preview h2").inner_text()
        assert "the site does not build" in preview.output()
        # The page is still there (the last good version), not a hanging request.
        assert "U krijgt een huis" in page.locator("article").inner_text()

        failed = preview.round()
        preview.save(WONEN + "\nDe sleutel krijgt u van de verhuurder.\n")
        _wait_for_round(page, "shown", failed)
        assert page.locator("#wegwijs-preview .wegwijs-preview-error").count() == 0
        assert "De sleutel krijgt u" in page.locator("article").inner_text()
    finally:
        page.context.close()
        preview.save(WONEN)


def test_published_build_has_no_preview_panel(tmp_path, browser):
    config = make_fixture_site(tmp_path / "project", {**PAGES, "wonen.md": WONEN + "\n" + LONG + "\n"})
    site = tmp_path / "site"
    result = build_site(config.parent, site, config.name)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (site / "_wegwijs").exists()
    for html in site.rglob("*.html"):
        assert "preview.js" not in html.read_text(encoding="utf-8"), html
    server, url = serve(site)
    page = new_phone_page(browser)
    try:
        page.goto(url + "wonen/")
        page.wait_for_load_state("load")
        assert page.locator("#wegwijs-preview").count() == 0
        assert page.evaluate("document.documentElement.dataset.wegwijsPreview") is None
    finally:
        page.context.close()
        server.shutdown()
