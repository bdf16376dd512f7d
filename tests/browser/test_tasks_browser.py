"""Catalogue tasks on pages in Chromium (360x640): one task, one tick, on every page and in
every language; ticks under an older id (alias) count for the task."""
from __future__ import annotations

import json
import re

import pytest

from tests.browser.page_states import wait_ready

KEY = "wegwijs.checklist.v1"
ITEM = re.compile(r'<li [^>]*data-check-id="([^"]+)"[^>]*>')


def task_items(path) -> dict[str, str]:
    """Task id -> its <li> start tag, for the catalogue tasks on a built page."""
    html = path.read_text(encoding="utf-8")
    return {m.group(1): m.group(0) for m in ITEM.finditer(html) if "wegwijs-task" in m.group(0)}


def shared_task(site):
    """(thema page, fase page, task id, its <li> tag): a task shown on both pages."""
    for thema in sorted((site / "thema").glob("*/index.html")):
        thema_tasks = task_items(thema)
        for fase in sorted((site / "fase").glob("*/index.html")):
            for task_id in task_items(fase):
                if task_id in thema_tasks:
                    return (f"thema/{thema.parent.name}/", f"fase/{fase.parent.name}/", task_id,
                            thema_tasks[task_id])
    pytest.fail("no task is shown on both a thema page and a fase page")


def stored(page):
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}') || '{{}}'"))


def test_tick_on_thema_page_is_ticked_on_its_fase_page_in_another_language(
        built_site, site_server, phone_page):
    thema, fase, task_id, _ = shared_task(built_site)
    phone_page.goto(site_server + "en/" + thema)
    wait_ready(phone_page, "checklist")
    phone_page.locator(f"label[for='check-{task_id}']").click()
    assert phone_page.locator(f"#check-{task_id}").is_checked()
    assert stored(phone_page) == {task_id: True}

    phone_page.goto(site_server + "ti/" + fase)
    wait_ready(phone_page, "checklist")
    assert phone_page.evaluate("document.documentElement.lang") == "ti"
    assert phone_page.locator(f"#check-{task_id}").is_checked()
    assert phone_page.console_errors == []

    # The progress line stays above the fase page's first checklist and counts the tick.
    phone_page.goto(site_server + fase)
    wait_ready(phone_page, "checklist")
    assert phone_page.locator(".wegwijs-progress-line + ul.task-list").count() == 1
    total = len(task_items(built_site / fase / "index.html"))
    assert phone_page.locator("[data-progress]").first.inner_text() == f"1 van {total} klaar"


def test_a_tick_under_an_old_id_counts_for_the_task_and_untick_clears_both(
        built_site, site_server, phone_page):
    thema, _fase, task_id, tag = shared_task(built_site)
    found = re.search(r'data-aliases="([^"]+)"', tag)
    assert found, f"task {task_id} on {thema} has no data-aliases"
    alias = found.group(1).split()[0]
    phone_page.goto(site_server + thema)
    wait_ready(phone_page, "checklist")
    phone_page.evaluate(f"localStorage.setItem('{KEY}', JSON.stringify({{'{alias}': true}}))")
    phone_page.reload()
    wait_ready(phone_page, "checklist")
    assert phone_page.locator(f"#check-{task_id}").is_checked()
    assert stored(phone_page) == {alias: True, task_id: True}  # migrated, old key kept
    phone_page.locator(f"label[for='check-{task_id}']").click()
    assert not phone_page.locator(f"#check-{task_id}").is_checked()
    assert stored(phone_page) == {}
    phone_page.reload()
    wait_ready(phone_page, "checklist")
    assert not phone_page.locator(f"#check-{task_id}").is_checked()


def test_task_details_open_and_official_links_leave_safely(built_site, site_server, phone_page):
    thema, _fase, task_id, _ = shared_task(built_site)
    phone_page.goto(site_server + "fa/" + thema)
    wait_ready(phone_page, "checklist")
    details = phone_page.locator(f"li#{task_id} details.wegwijs-task__more")
    assert details.count() == 1
    details.locator("summary").click()
    assert details.evaluate("d => d.open")
    for link in phone_page.locator("details.wegwijs-task__more a[href^='http']").all():
        assert link.get_attribute("rel") == "noopener noreferrer"
