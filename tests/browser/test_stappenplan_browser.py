"""Mijn stappenplan in Chromium (360x640): made from the task catalogue, every task once in
fase order, ticks shared with the pages in every language, the reader's own dates (kept on
the device) turned into deadline dates, overdue tasks, "Wat moet ik nu doen?", and print."""
from __future__ import annotations

import json
import re

import pytest

from tests.browser.page_states import wait_ready
from tests.conftest import ROOT
from tools.wegwijs.sources import catalogue as cat
from tools.wegwijs.sources import content_model

DATES = "wegwijs.dates.v1"
TICKS = "wegwijs.checklist.v1"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"


def load():
    model = content_model.load_model(ROOT / "mkdocs.yml")
    return model, cat.load(ROOT / "data", model.languages, ROOT)


def open_plan(page, url):
    page.goto(url)
    wait_ready(page, "checklist")
    wait_ready(page, "plan")


def ids_in(scope, selector="li[data-check-id]"):
    return scope.locator(selector).evaluate_all("els => els.map(e => e.dataset.checkId)")


def tick(scope, item_id):
    scope.locator(f"label[for='check-{item_id}']").click()


def set_date(page, milestone, value):
    """Enter a date as a reader does; the change event redraws the plan at once."""
    page.locator(f"#plan-date-{milestone}").fill(value)


def deadline_tasks(catalogue, milestone):
    return [t.id for t in catalogue.tasks.values() if t.deadline and t.deadline.milestone == milestone]


def test_sections_follow_fase_order_and_hold_every_task_once(site_server, phone_page):
    model, catalogue = load()
    open_plan(phone_page, site_server + "ar/stappenplan/")
    plan = phone_page.locator("[data-plan]")
    order = plan.locator(".wegwijs-plan__fase").evaluate_all("els => els.map(e => e.dataset.fase)")
    assert order == [f for f in model.fases if any(t.fase == f for t in catalogue.tasks.values())]
    all_ids = ids_in(plan, ".wegwijs-plan__list > li[data-check-id]")
    assert len(all_ids) == len(set(all_ids))
    assert set(all_ids) == set(catalogue.tasks)
    for fase in order:  # each task in the section of its own fase, in the catalogue's order
        section = plan.locator(f".wegwijs-plan__fase[data-fase='{fase}']")
        expected = [t.id for t in catalogue.ordered_tasks(model.fases) if t.fase == fase]
        assert ids_in(section, ".wegwijs-plan__list > li[data-check-id]") == expected
        # The section's heading links to its fase page in the reader's language.
        assert section.locator("h2 a").get_attribute("href") == f"../fase/{fase}/"
    # Items have the markup of a page's checklist item: an enabled checkbox named by its label.
    first = all_ids[0]
    box = plan.locator(f"#check-{first}")
    assert box.is_enabled()
    label = plan.locator(f"label[for='check-{first}']").inner_text().strip()
    assert phone_page.get_by_role("checkbox", name=label, exact=True).count() == 1
    assert phone_page.console_errors == []


def test_a_tick_on_a_thema_page_shows_in_the_plan_in_another_language(
        built_site, site_server, phone_page):
    _model, catalogue = load()
    thema = next(((path, task_id) for path in sorted((built_site / "thema").glob("*/index.html"))
                  for task_id in re.findall(r'<input[^>]*data-check-id="([^"]+)"',
                                            path.read_text(encoding="utf-8"))
                  if task_id in catalogue.tasks), None)
    assert thema, "no thema page shows a task of the catalogue"
    path, task_id = thema
    phone_page.goto(site_server + path.relative_to(built_site).parent.as_posix() + "/")
    wait_ready(phone_page, "checklist")
    tick(phone_page, task_id)
    open_plan(phone_page, site_server + "ti/stappenplan/")
    assert phone_page.locator(f"#check-{task_id}").is_checked()
    assert phone_page.locator(f"#{task_id}").get_attribute("data-fase") == catalogue.tasks[task_id].fase


def test_a_tick_on_a_thema_page_is_ticked_on_its_fase_page_and_in_the_plan(
        built_site, site_server, phone_page):
    """The same task on a thema page and on its fase page is one item (issue 14, part A
    puts catalogue tasks on the pages with [[taak:<id>]])."""
    _model, catalogue = load()

    def page_ids(path):
        return set(re.findall(r'<input[^>]*data-check-id="([^"]+)"', path.read_text(encoding="utf-8")))

    shared = None
    for path in sorted((built_site / "thema").glob("*/index.html")):
        for task_id in sorted(page_ids(path) & set(catalogue.tasks)):
            fase_page = built_site / "fase" / str(catalogue.tasks[task_id].fase) / "index.html"
            if fase_page.exists() and task_id in page_ids(fase_page):
                shared = (path.relative_to(built_site).parent.as_posix(), task_id)
                break
        if shared:
            break
    assert shared, "no task is shown on both a thema page and its fase page"
    thema_url, task_id = shared
    fase = catalogue.tasks[task_id].fase
    phone_page.goto(site_server + "fa/" + thema_url + "/")
    wait_ready(phone_page, "checklist")
    tick(phone_page, task_id)
    phone_page.goto(site_server + f"ar/fase/{fase}/")
    wait_ready(phone_page, "checklist")
    assert phone_page.locator(f"#check-{task_id}").is_checked()
    open_plan(phone_page, site_server + "en/stappenplan/")
    assert phone_page.locator(f".wegwijs-plan__fase[data-fase='{fase}'] #check-{task_id}").is_checked()


def test_a_regeldag_date_shows_deadline_dates_and_survives_reload(site_server, phone_page):
    _model, catalogue = load()
    on_regeldag = deadline_tasks(catalogue, "regeldag")
    assert on_regeldag, "no task has a deadline relative to the regeldag"
    open_plan(phone_page, site_server + "en/stappenplan/")
    form = phone_page.locator("[data-plan-dates]")
    assert form.is_visible()
    item = phone_page.locator(f"#{on_regeldag[0]}")
    assert item.locator("time").count() == 0  # no date yet: the deadline in words
    assert "arrangements day" in item.locator("[data-due]").inner_text()

    set_date(phone_page, "regeldag", "2031-03-05")
    days = catalogue.tasks[on_regeldag[0]].deadline.days
    expected = f"2031-03-{5 + days:02d}"
    time = item.locator("[data-due] time")
    assert time.get_attribute("datetime") == expected
    assert time.inner_text() == f"March {5 + days}, 2031"
    assert json.loads(phone_page.evaluate(f"localStorage.getItem('{DATES}')")) == {
        "regeldag": "2031-03-05"}
    # Tasks tied to another milestone keep their deadline in words.
    for other in deadline_tasks(catalogue, "verhuisdag")[:1]:
        assert phone_page.locator(f"#{other} [data-due] time").count() == 0

    phone_page.reload()
    wait_ready(phone_page, "plan")
    assert phone_page.locator("#plan-date-regeldag").input_value() == "2031-03-05"
    assert item.locator("[data-due] time").get_attribute("datetime") == expected
    # Another language shows the same date in its own calendar digits.
    open_plan(phone_page, site_server + "fa/stappenplan/")
    persian = phone_page.locator(f"#{on_regeldag[0]} [data-due] time")
    assert persian.get_attribute("datetime") == expected
    assert any(d in persian.inner_text() for d in PERSIAN_DIGITS)
    assert not re.search(r"[0-9]", persian.inner_text())
    # Chromium's Intl has no Tigrinya: the month name comes from CLDR (Babel) via the build.
    open_plan(phone_page, site_server + "ti/stappenplan/")
    tigrinya = phone_page.locator(f"#{on_regeldag[0]} [data-due] time")
    assert tigrinya.get_attribute("datetime") == expected
    assert tigrinya.inner_text().startswith("መጋቢት ")  # March
    assert all(r.startswith(site_server) for r in phone_page.requests)  # nothing sent anywhere
    assert phone_page.console_errors == []


def test_open_tasks_past_their_date_are_marked_overdue_in_text(site_server, phone_page):
    _model, catalogue = load()
    on_regeldag = deadline_tasks(catalogue, "regeldag")
    open_plan(phone_page, site_server + "stappenplan/")
    set_date(phone_page, "regeldag", "2001-02-03")
    overdue = phone_page.locator(".wegwijs-plan__item--overdue")
    assert overdue.evaluate_all("els => els.map(e => e.dataset.checkId)") == [
        i for i in ids_in(phone_page.locator("[data-plan]"), ".wegwijs-plan__list > li")
        if i in on_regeldag]
    first = phone_page.locator(f"#{on_regeldag[0]}")
    assert first.locator("[data-overdue]").inner_text() == "Te laat"  # text, not colour only
    tick(phone_page, on_regeldag[0])  # done: no longer overdue
    assert first.locator("[data-overdue]").is_hidden()
    assert "wegwijs-plan__item--overdue" not in first.get_attribute("class")
    # Tasks without a date are never overdue.
    assert phone_page.locator(".wegwijs-plan__item--overdue:not([data-deadline-milestone])").count() == 0


def test_what_to_do_now_lists_the_next_three_open_tasks_of_the_current_fase(
        site_server, phone_page):
    model, catalogue = load()
    ordered = catalogue.ordered_tasks(model.fases)
    in_fase = lambda fase: [t.id for t in ordered if t.fase == fase]  # noqa: E731
    next_ids = lambda: phone_page.locator("[data-plan-next-list] > li").evaluate_all(  # noqa: E731
        "els => els.map(e => e.dataset.nextId)")
    open_plan(phone_page, site_server + "stappenplan/")
    next_box = phone_page.locator("[data-plan-next]")
    assert next_box.is_visible()
    assert next_box.locator("h2").inner_text() == "Wat moet ik nu doen?"
    first_fase = ordered[0].fase
    assert next_ids() == in_fase(first_fase)[:3]  # no dates: the first fase with open tasks
    tick(phone_page, in_fase(first_fase)[0])
    assert next_ids() == in_fase(first_fase)[1:4]
    # Every task of the first fase done (ticked on another visit): the next fase.
    phone_page.evaluate("([key, ids]) => localStorage.setItem(key, JSON.stringify("
                        "Object.fromEntries(ids.map(i => [i, true]))))",
                        [TICKS, in_fase(first_fase)])
    open_plan(phone_page, site_server + "stappenplan/")
    second = next(f for f in model.fases if f != first_fase and in_fase(f))
    assert next_ids() == in_fase(second)[:3]
    # A regeldag in the past: the fase after the regeldag, whatever is open before it.
    set_date(phone_page, "regeldag", "2001-02-03")
    assert next_box.get_attribute("data-current-fase") == "regelweken"
    assert next_ids() == in_fase("regelweken")[:3]
    # A link in the list leads to the task in the plan.
    link = next_box.locator("a").first
    assert link.get_attribute("href") == "#" + in_fase("regelweken")[0]
    # A regeldag still to come: the fase before it.
    set_date(phone_page, "regeldag", "2099-01-01")
    assert next_box.get_attribute("data-current-fase") == "gekoppeld"


def test_print_is_one_clean_list_without_the_date_form(site_server, phone_page):
    _model, catalogue = load()
    on_regeldag = deadline_tasks(catalogue, "regeldag")
    open_plan(phone_page, site_server + "stappenplan/")
    set_date(phone_page, "regeldag", "2031-03-05")
    phone_page.emulate_media(media="print")
    for hidden in ("[data-plan-dates]", "[data-plan-next]", ".wegwijs-plan__actions",
                   ".wegwijs-plan__read"):
        assert phone_page.locator(hidden).first.is_hidden(), hidden
    items = phone_page.locator(".wegwijs-plan__list > li[data-check-id]")
    assert items.count() == len(catalogue.tasks)
    assert all(items.evaluate_all("els => els.map(e => e.getBoundingClientRect().height > 0)"))
    # The reader's own deadline dates are on the paper too.
    assert phone_page.locator(f"#{on_regeldag[0]} [data-due] time").is_visible()


@pytest.mark.parametrize("lang", ["", "ar/"])
def test_without_javascript_the_plan_is_a_plain_list(site_server, browser, lang):
    from tests.conftest import new_phone_page

    _model, catalogue = load()
    page = new_phone_page(browser, java_script_enabled=False)
    try:
        page.goto(site_server + lang + "stappenplan/")
        assert page.locator("[data-plan-dates]").is_hidden()
        assert page.locator("[data-plan-next]").is_hidden()
        assert page.locator(".wegwijs-plan__list > li[data-check-id]").count() == len(catalogue.tasks)
        on_regeldag = deadline_tasks(catalogue, "regeldag")
        assert page.locator(f"#{on_regeldag[0]} [data-due]").inner_text().strip()
    finally:
        page.context.close()
