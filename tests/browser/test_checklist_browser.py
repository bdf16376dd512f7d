"""Checklists in Chromium (360x640): ticks shared across languages and kept after reloads,
progress in the reader's language, Mijn stappenplan, clear all, and the page without JS."""
from __future__ import annotations

import json
import os
import re
import time

import pytest

from tests.browser.page_states import wait_ready
from tests.conftest import PROJECT, new_phone_page
from tools.wegwijs.sources import content_model

KEY = "wegwijs.checklist.v1"
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def fase_page_with_items(site):
    """(path of a fase page with checklist items, its unique item ids)."""
    model = content_model.load_model(PROJECT.config_file)
    for fase in model.fases:
        path = site / "fase" / fase / "index.html"
        if path.exists():
            ids = list(dict.fromkeys(re.findall(r'<input[^>]*data-check-id="([^"]+)"',
                                                path.read_text(encoding="utf-8"))))
            if len(ids) >= 2:
                return f"fase/{fase}/", ids
    pytest.fail("no fase page with two or more checklist items: the checklist tests have nothing to test")


def tick(scope, item_id):
    """Tap the item's text, as a visitor does (the checkbox itself is drawn by CSS)."""
    scope.locator(f"label[for='check-{item_id}']").click()


def stored(page):
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}') || '{{}}'"))


def test_tick_on_arabic_page_shows_on_dutch_page_and_after_reload(built_site, site_server,
                                                                  phone_page):
    path, ids = fase_page_with_items(built_site)
    phone_page.goto(site_server + "ar/" + path)
    wait_ready(phone_page, "checklist")
    assert phone_page.evaluate("document.documentElement.lang") == "ar"
    # A tap on the item's text ticks it (the text is the checkbox's label).
    phone_page.locator(f"label[for='check-{ids[1]}']").click()
    assert phone_page.locator(f"#check-{ids[1]}").is_checked()
    assert stored(phone_page) == {ids[1]: True}

    phone_page.goto(site_server + path)
    wait_ready(phone_page, "checklist")
    assert phone_page.evaluate("document.documentElement.lang") == "nl"
    assert phone_page.locator(f"#check-{ids[1]}").is_checked()
    assert not phone_page.locator(f"#check-{ids[0]}").is_checked()
    phone_page.reload()
    wait_ready(phone_page, "checklist")
    assert phone_page.locator(f"#check-{ids[1]}").is_checked()
    # Nothing was sent anywhere: every request stayed on this site.
    assert all(r.startswith(site_server) for r in phone_page.requests)
    assert phone_page.console_errors == []


def test_progress_counts_in_the_readers_language(built_site, site_server, phone_page):
    path, ids = fase_page_with_items(built_site)
    phone_page.goto(site_server + path)
    wait_ready(phone_page, "checklist")
    progress = phone_page.locator("[data-progress]").first
    assert progress.inner_text() == f"0 van {len(ids)} klaar"
    tick(phone_page, ids[0])
    tick(phone_page, ids[1])
    assert progress.inner_text() == f"2 van {len(ids)} klaar"
    tick(phone_page, ids[1])
    assert progress.inner_text() == f"1 van {len(ids)} klaar"
    assert stored(phone_page) == {ids[0]: True}

    phone_page.goto(site_server + "fa/" + path)
    wait_ready(phone_page, "checklist")
    expected = f"1 از {len(ids)} انجام شد".translate(PERSIAN_DIGITS)
    assert phone_page.locator("[data-progress]").first.inner_text() == expected
    phone_page.goto(site_server + "en/" + path)
    wait_ready(phone_page, "checklist")
    assert phone_page.locator("[data-progress]").first.inner_text() == f"1 of {len(ids)} done"
    # Next to the progress: the way to the whole plan, in the reader's language.
    phone_page.locator(".wegwijs-progress-plan").first.click()
    phone_page.wait_for_load_state("load")
    assert phone_page.url == site_server + "en/stappenplan/"
    assert phone_page.locator("[data-plan]").count() == 1


def test_checkbox_works_with_the_keyboard_and_has_the_items_text_as_name(built_site, site_server,
                                                                        phone_page):
    path, ids = fase_page_with_items(built_site)
    phone_page.goto(site_server + "ti/" + path)
    wait_ready(phone_page, "checklist")
    box = phone_page.locator(f"#check-{ids[0]}")
    label = phone_page.locator(f"label[for='check-{ids[0]}']").inner_text().strip()
    assert phone_page.get_by_role("checkbox", name=label, exact=True).count() >= 1
    box.focus()
    phone_page.keyboard.press("Space")
    assert box.is_checked() and stored(phone_page) == {ids[0]: True}
    # The focus stays visible on the ticked box: the ring is drawn by ::after (a checked
    # box's mask-image would cut an outline on ::before away).
    ring = phone_page.locator(f"#{ids[0]} .task-list-indicator").evaluate(
        "e => { const s = getComputedStyle(e, '::after'); return [s.outlineStyle, s.outlineWidth]; }")
    assert ring == ["solid", "3px"], ring


def test_stappenplan_gathers_items_by_fase_open_first_and_clears_after_confirmation(
        built_site, site_server, phone_page):
    path, ids = fase_page_with_items(built_site)
    fase = path.split("/")[1]
    model = content_model.load_model(PROJECT.config_file)
    phone_page.goto(site_server + "ti/stappenplan/")
    wait_ready(phone_page, "checklist")
    plan = phone_page.locator("[data-plan]")
    order = plan.locator(".wegwijs-plan__fase").evaluate_all(
        "els => els.map(e => e.dataset.fase)")
    known = [f for f in order if f in model.fases]
    assert known == [f for f in model.fases if f in known] and fase in known
    section = plan.locator(f".wegwijs-plan__fase[data-fase='{fase}']")
    plan_ids = section.locator("li[data-check-id]").evaluate_all(
        "els => els.map(e => e.dataset.checkId)")
    assert set(ids) <= set(plan_ids)
    # Every item of the site is on the plan exactly once.
    all_ids = plan.locator("input[data-check-id]").evaluate_all(
        "els => els.map(e => e.dataset.checkId)")
    assert len(all_ids) == len(set(all_ids))

    first = plan_ids[0]
    tick(section, first)
    total = len(all_ids)
    assert plan.locator(".wegwijs-progress--total").inner_text() == f"ካብ {total} 1 ተዛዚሙ"
    phone_page.reload()
    wait_ready(phone_page, "checklist")
    section = phone_page.locator(f".wegwijs-plan__fase[data-fase='{fase}']")
    after = section.locator("ul.wegwijs-plan__list").first.locator(":scope > li").evaluate_all(
        "els => els.map(e => e.dataset.checkId)")
    assert after[-1] == first and after[0] != first  # open items first
    assert section.locator(f"#check-{first}").is_checked()

    # "Clear all" asks first: cancelling keeps the ticks, confirming removes them.
    phone_page.once("dialog", lambda d: d.dismiss())
    phone_page.locator(".wegwijs-plan__clear").click()
    assert stored(phone_page) == {first: True}
    messages = []
    phone_page.once("dialog", lambda d: (messages.append(d.message), d.accept()))
    phone_page.locator(".wegwijs-plan__clear").click()
    assert messages and "ርግጸኛ" in messages[0]
    assert stored(phone_page) == {}
    assert not section.locator(f"#check-{first}").is_checked()
    assert phone_page.console_errors == []


def test_without_javascript_a_plain_list_with_usable_checkboxes(built_site, site_server,
                                                                browser):
    path, ids = fase_page_with_items(built_site)
    page = new_phone_page(browser, java_script_enabled=False)
    try:
        page.goto(site_server + path)
        box = page.locator(f"#check-{ids[0]}")
        assert box.is_enabled()
        assert page.locator(f"label[for='check-{ids[0]}']").inner_text().strip()
        assert page.locator("[data-progress]").first.is_hidden()
        assert "{#" not in page.locator("article").inner_text()
    finally:
        page.context.close()


# --------------------------------------------------------------------------- content updates

HOME = "---\nid: home\ntype: home\norder: 0\n---\n\n# Home\n\nWelkom.\n"
PLAN = "---\nid: stappenplan\ntype: stappenplan\norder: 20\n---\n\n# Mijn stappenplan\n\nAlle stappen.\n"


def fase(fase_id, order, items):
    return (f"---\nid: fase-{fase_id}\ntype: fase\nfase: {fase_id}\norder: {order}\n---\n\n"
            f"# Fase {fase_id}\n\n## Checklist {{#checklist}}\n\n" + "".join(
                f"- [ ] {text} {{#{item_id}}}\n" for item_id, text in items))


def thema(items):
    return ("---\nid: thema-wonen\ntype: thema\nthema: wonen\nfase: [regeldag]\norder: 1\n---\n\n"
            "# Wonen\n\n" + "".join(f"- [ ] {text} {{#{i}}}\n" for i, text in items))


def catalogue(tasks):
    """data/ for a fixture site: the tasks (id, fase, page) and empty other catalogues."""
    lines = ["milestones: [koppeling, regeldag, verhuisdag]", "tasks:"]
    for task_id, fase_id, page in tasks:
        lines += [f"  - id: {task_id}", f"    title: Taak {task_id}.", f"    fase: {fase_id}",
                  f"    page: {page}", "    checked: 2026-12-02"]
    return {"tasks.yml": "\n".join(lines) + "\n", "contacts.yml": "contacts: []\n",
            "documents.yml": "documents: []\n", "links.yml": "links: []\n"}


def build(tmp_path, name, pages, data=None):
    from tests.conftest import build_site, make_fixture_site
    config = make_fixture_site(tmp_path / name, pages)
    for rel, text in (data or {}).items():
        (tmp_path / name / "data").mkdir(exist_ok=True)
        (tmp_path / name / "data" / rel).write_text(text, encoding="utf-8")
    result = build_site(tmp_path / name, tmp_path / name / "site", config.name)
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp_path / name / "site"


# The plan is made from data/tasks.yml: the same tasks as the fixture pages' items.
TASKS = catalogue([("azc-pas", "azc", "fase/azc.md"), ("regeldag-huur", "regeldag", "fase/regeldag.md"),
                   ("regeldag-gemeente", "regeldag", "fase/regeldag.md"),
                   ("wonen-meter", "regeldag", "thema/wonen.md")])


def test_ticks_survive_a_content_update_that_rewords_and_reorders_items(tmp_path, browser):
    import shutil

    from tests.conftest import serve

    v1 = build(tmp_path, "v1", {"index.md": HOME, "stappenplan.md": PLAN,
                                "fase/regeldag.md": fase("regeldag", 3, [
                                    ("regeldag-huur", "Teken het huurcontract."),
                                    ("regeldag-gemeente", "Schrijf u in bij de gemeente.")]),
                                "fase/azc.md": fase("azc", 1, [("azc-pas", "Haal uw pas.")]),
                                "thema/wonen.md": thema([("wonen-meter", "Noteer de meterstanden.")])},
               TASKS)
    v2 = build(tmp_path, "v2", {"index.md": HOME, "stappenplan.md": PLAN,
                                "fase/regeldag.md": fase("regeldag", 3, [
                                    ("regeldag-nieuw", "Een nieuwe stap."),
                                    ("regeldag-gemeente", "Ga naar de gemeente en schrijf u in."),
                                    ("regeldag-huur", "Lees en teken het huurcontract.")]),
                                "fase/azc.md": fase("azc", 1, [("azc-pas", "Haal uw pas.")]),
                                "thema/wonen.md": thema([("wonen-meter", "Noteer de meterstanden.")])},
               TASKS)
    live = tmp_path / "live"
    shutil.copytree(v1, live)
    # The published pages are an hour old: a browser that kept them "fresh" by heuristic
    # (no Cache-Control) would show the old page after the update, as under load it did.
    hour_ago = time.time() - 3600
    for path in live.rglob("*"):
        os.utime(path, (hour_ago, hour_ago))
    server, url = serve(live)
    page = new_phone_page(browser)
    try:
        page.goto(url + "fase/regeldag/")
        wait_ready(page, "checklist")
        tick(page, "regeldag-huur")
        plan = url + "stappenplan/"
        page.goto(plan)
        wait_ready(page, "checklist")
        order = page.locator(".wegwijs-plan__fase").evaluate_all("els => els.map(e => e.dataset.fase)")
        assert order == ["azc", "regeldag"]  # time order, not file order
        regeldag = page.locator(".wegwijs-plan__fase[data-fase='regeldag'] input[data-check-id]")
        assert regeldag.evaluate_all("els => els.map(e => e.dataset.checkId)") == [
            "regeldag-gemeente", "wonen-meter", "regeldag-huur"]  # open first, then ticked
        # The plan comes from the catalogue; a task links to the page that explains it.
        assert page.locator("#wonen-meter .wegwijs-plan__read a").inner_text() == "Wonen"

        shutil.rmtree(live)
        shutil.copytree(v2, live)  # the site is updated: new text, new order, a new item
        page.goto(url + "fase/regeldag/")
        wait_ready(page, "checklist")
        assert page.locator("#check-regeldag-huur").is_checked()
        assert "Lees en teken" in page.locator("label[for='check-regeldag-huur']").inner_text()
        assert not page.locator("#check-regeldag-nieuw").is_checked()
        assert page.locator("[data-progress]").first.inner_text() == "1 van 3 klaar"
    finally:
        page.context.close()
        server.shutdown()
        server.server_close()
