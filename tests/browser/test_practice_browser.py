"""Practice modules in Chromium (360x640): right and wrong answers in Arabic and Tigrinya
with the feedback announced in the page's one live region, keyboard-only use, answers
kept across reloads and languages (localStorage only, no other host), the score on the
overview, the link from Mijn stappenplan, and axe-core on every language's pages."""
from __future__ import annotations

import json

import pytest

from tests.browser.test_accessibility_browser import format_violations, require_axe, run_axe
from tests.conftest import new_phone_page

KEY = "wegwijs.practice.v1"
LANGS = ["nl", "en", "ar", "ti", "fa"]
FEEDBACK = {  # the start of the announced text (translations/<lang>.po)
    "ar": ("إجابة صحيحة!", "إجابة غير صحيحة."),
    "ti": ("ቅኑዕ!", "ቅኑዕ ኣይኮነን።"),
}


def prefix(lang: str) -> str:
    return "" if lang == "nl" else f"{lang}/"


def wait_ready(page) -> None:
    page.wait_for_function("document.documentElement.dataset.wegwijsPractice === 'ready'")


def wait_state(page, question_id: str, state: str) -> None:
    page.locator(f"#vraag-{question_id}[data-state='{state}']").wait_for(state="attached")


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}') || '{{}}'"))


def live_text(page) -> str:
    return page.locator("[data-practice-live]").inner_text().strip()


def questions(page) -> list[dict]:
    return page.eval_on_selector_all(
        ".wegwijs-q[data-question]",
        "els => els.map(e => ({id: e.dataset.question, right: e.dataset.right,"
        " count: e.querySelectorAll('input[type=radio]').length}))")


@pytest.mark.parametrize("lang", ["ar", "ti"])
def test_right_and_wrong_answer_are_announced(lang, site_server, phone_page):
    page = phone_page
    page.goto(site_server + prefix(lang) + "oefenen/wonen/")
    wait_ready(page)
    assert page.evaluate("getComputedStyle(document.querySelector('.wegwijs-q')).direction") == \
        ("rtl" if lang == "ar" else "ltr")
    assert page.locator("[data-practice-live]").count() == 1
    assert page.locator("article [aria-live]").count() == 1  # one live region for the questions
    first, second = questions(page)[:2]
    # Right answer: tap its label, then the check button.
    page.locator(f"label[for='vraag-{first['id']}-{first['right']}']").click()
    page.locator(f"#vraag-{first['id']} .wegwijs-q__check").click()
    wait_state(page, first["id"], "right")
    explanation = page.locator(f"#vraag-{first['id']} .wegwijs-q__explanation").text_content().strip()
    announced = live_text(page)
    assert announced.startswith(FEEDBACK[lang][0]) and explanation in announced
    assert page.locator(f"#vraag-{first['id']} .wegwijs-q__result").inner_text().strip() == announced
    # Wrong answer: the feedback names the right answer.
    wrong = 1 if second["right"] != "1" else 2
    page.locator(f"label[for='vraag-{second['id']}-{wrong}']").click()
    page.locator(f"#vraag-{second['id']} .wegwijs-q__check").click()
    wait_state(page, second["id"], "wrong")
    right_label = page.locator(f"label[for='vraag-{second['id']}-{second['right']}']").inner_text().strip()
    announced = live_text(page)
    assert announced.startswith(FEEDBACK[lang][1]) and right_label in announced
    assert stored(page) == {first["id"]: {"answer": int(first["right"]), "right": True},
                            second["id"]: {"answer": wrong, "right": False}}
    # RTL: the radio button sits at the start (right) side of its label in Arabic.
    if lang == "ar":
        radio = page.locator(f"#vraag-{first['id']}-1").bounding_box()
        label = page.locator(f"label[for='vraag-{first['id']}-1']").bounding_box()
        assert radio["x"] > label["x"]
    assert all(r.startswith(site_server) for r in page.requests)
    assert not page.console_errors


def test_keyboard_only_tab_space_enter(site_server, phone_page):
    page = phone_page
    page.goto(site_server + "ti/oefenen/wonen/")
    wait_ready(page)
    first = questions(page)[0]
    target = f"vraag-{first['id']}-1"
    for _ in range(80):  # Tab until the first radio button of the first question has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == target:
            break
    else:
        pytest.fail("Tab never reached the first answer")
    page.keyboard.press("Space")
    assert page.locator(f"#{target}").is_checked()
    for _ in range(int(first["right"]) - 1):  # arrow keys move the choice within the group
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    wait_state(page, first["id"], "right")
    # Tab leaves the radio group for the check button; Enter on it checks again.
    page.keyboard.press("ArrowUp" if first["right"] != "1" else "ArrowDown")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('wegwijs-q__check')")
    page.keyboard.press("Enter")
    wait_state(page, first["id"], "wrong")


def test_answers_kept_across_reload_and_language_and_counted_on_overview(site_server, phone_page):
    page = phone_page
    page.goto(site_server + "ar/oefenen/wonen/")
    wait_ready(page)
    qs = questions(page)
    for q in qs[:3]:
        page.locator(f"label[for='vraag-{q['id']}-{q['right']}']").click()
        page.locator(f"#vraag-{q['id']} .wegwijs-q__check").click()
        wait_state(page, q["id"], "right")
    page.reload()
    wait_ready(page)
    for q in qs[:3]:
        wait_state(page, q["id"], "right")
        assert page.locator(f"#vraag-{q['id']}-{q['right']}").is_checked()
    page.goto(site_server + "oefenen/wonen/")  # Dutch: the same answers
    wait_ready(page)
    assert page.evaluate("document.documentElement.lang") == "nl"
    for q in qs[:3]:
        wait_state(page, q["id"], "right")
    page.goto(site_server + "oefenen/")
    wait_ready(page)
    score = page.locator("[data-thema='wonen'] [data-practice-score]")
    assert score.inner_text().strip() == f"3 van {len(qs)} goed"
    page.goto(site_server + "en/oefenen/")
    wait_ready(page)
    assert page.locator("[data-thema='wonen'] [data-practice-score]").inner_text().strip() == \
        f"3 of {len(qs)} right"
    assert all(r.startswith(site_server) for r in page.requests)


def test_show_in_dutch_and_without_javascript(browser, site_server):
    page = new_phone_page(browser, java_script_enabled=False)
    try:
        page.goto(site_server + "fa/oefenen/wonen/")
        box = page.locator(".wegwijs-q").first
        assert box.locator(".wegwijs-q__check").is_hidden()  # no script, no check button
        dutch = box.locator("details.wegwijs-q__nl div[lang='nl']")
        assert dutch.is_hidden()
        box.locator("details.wegwijs-q__nl summary").click()
        assert dutch.is_visible() and dutch.get_attribute("dir") == "ltr"
        answer = box.locator("details.wegwijs-q__answer .wegwijs-q__explanation")
        box.locator("details.wegwijs-q__answer summary").click()
        assert answer.is_visible()
    finally:
        page.context.close()


def test_stappenplan_links_to_each_practice_module(site_server, phone_page):
    page = phone_page
    page.goto(site_server + "ar/stappenplan/")
    link = page.locator(".wegwijs-plan__practice [data-thema='wonen'] a")
    link.click()
    wait_ready(page)
    assert page.url == site_server + "ar/oefenen/wonen/"


def test_every_module_is_linked_from_the_plan_and_scored_on_the_overview_in_tigrinya(
        site_server, phone_page):
    """The modules added after wonen (here gezinshereniging): Mijn stappenplan links to
    each module of the site, and the overview counts the right answers per thema."""
    from tests.conftest import PROJECT
    from tools.wegwijs.sources import content_model

    site = content_model.project_site(PROJECT)
    with_module = [p.meta["thema"] for p in site.by_lang(site.model.default_language)
                   if p.meta.get("type") == "oefenen" and p.meta.get("thema")]
    assert {"taal", "school", "werk-meedoen", "gezinshereniging"} <= set(with_module)
    page = phone_page
    page.goto(site_server + "ti/stappenplan/")
    links = page.locator(".wegwijs-plan__practice li[data-thema]")
    linked = [links.nth(i).get_attribute("data-thema") for i in range(links.count())]
    assert sorted(linked) == sorted(with_module)
    page.locator(".wegwijs-plan__practice [data-thema='gezinshereniging'] a").click()
    wait_ready(page)
    assert page.url == site_server + "ti/oefenen/gezinshereniging/"
    assert page.evaluate("document.documentElement.lang") == "ti"
    qs = questions(page)
    assert len(qs) >= 6
    for q in qs[:2]:  # two right ...
        page.locator(f"label[for='vraag-{q['id']}-{q['right']}']").click()
        page.locator(f"#vraag-{q['id']} .wegwijs-q__check").click()
        wait_state(page, q["id"], "right")
    third = qs[2]  # ... and one wrong, which the score does not count
    wrong = 1 if third["right"] != "1" else 2
    page.locator(f"label[for='vraag-{third['id']}-{wrong}']").click()
    page.locator(f"#vraag-{third['id']} .wegwijs-q__check").click()
    wait_state(page, third["id"], "wrong")
    page.goto(site_server + "ti/oefenen/")
    wait_ready(page)
    assert page.locator("[data-thema='gezinshereniging'] [data-practice-score]").inner_text().strip() == \
        f"ካብ {len(qs)} 2 ቅኑዕ"
    taal = page.locator("[data-thema='taal']")
    assert taal.locator("[data-practice-score]").inner_text().strip() == \
        f"ካብ {len(taal.get_attribute('data-practice-ids').split())} 0 ቅኑዕ"
    assert all(r.startswith(site_server) for r in page.requests)


# post-digid: a Dutch term in <bdi> in the heading and in every source link;
# gezinshereniging: Dutch terms in <bdi> in questions, answers and explanations
@pytest.mark.parametrize("path", ["oefenen/", "oefenen/wonen/", "oefenen/post-digid/",
                                  "oefenen/gezinshereniging/"])
@pytest.mark.parametrize("lang", LANGS)
def test_axe_on_practice_pages(lang, path, browser, site_server):
    axe = require_axe()
    page = new_phone_page(browser)
    try:
        url = site_server + prefix(lang) + path
        page.goto(url)
        wait_ready(page)
        qs = questions(page)
        if qs:  # the answered states too: a right and a wrong result, the Dutch text open
            page.locator(f"label[for='vraag-{qs[0]['id']}-{qs[0]['right']}']").click()
            page.locator(f"#vraag-{qs[0]['id']} .wegwijs-q__check").click()
            wait_state(page, qs[0]["id"], "right")
            wrong = 1 if qs[1]["right"] != "1" else 2
            page.locator(f"label[for='vraag-{qs[1]['id']}-{wrong}']").click()
            page.locator(f"#vraag-{qs[1]['id']} .wegwijs-q__check").click()
            wait_state(page, qs[1]["id"], "wrong")
            if lang != "nl":
                page.locator(f"#vraag-{qs[0]['id']} details.wegwijs-q__nl summary").click()
        violations = run_axe(page, axe)
        assert not violations, format_violations(url, violations)
    finally:
        page.context.close()
