"""Mijn stappenplan from the catalogue (render/stappenplan.py): every task once in fase
order, the checklist item markup, deadlines in words, Dutch fallback marked."""
from __future__ import annotations

import re

from tests.conftest import ROOT
from tools.wegwijs.render import stappenplan, ui_strings
from tools.wegwijs.render.plan_pages import Rendered
from tools.wegwijs.sources import catalogue as cat
from tools.wegwijs.sources import content_model


def test_deadlines_in_words_in_the_readers_language_and_digits():
    nl, fa = ui_strings.t("nl", ROOT / "translations"), ui_strings.t("fa", ROOT / "translations")
    text = lambda m, d, t=nl, lang="nl": stappenplan.deadline_text(cat.Deadline(m, d), t, lang)  # noqa: E731
    assert text("regeldag", 0) == "Uiterlijk op de regeldag"
    assert text("verhuisdag", -1) == "Uiterlijk de dag vóór de verhuisdag"
    assert text("koppeling", 1) == "Uiterlijk de dag na de koppeling"
    assert text("regeldag", 14) == "Uiterlijk 14 dagen na de regeldag"
    assert text("verhuisdag", -14, fa, "fa") == "حداکثر ۱۴ روز پیش از روز اسباب‌کشی"
    assert stappenplan.deadline_text(None, nl, "nl") is None


def test_plan_holds_every_task_once_by_fase_with_checklist_markup():
    model = content_model.load_model(ROOT / "mkdocs.yml")
    catalogue = cat.load(ROOT / "data", model.languages, ROOT)
    fase_page = Rendered(url="en/fase/azc/", src="fase/azc.md", title="Waiting in the azc",
                         meta={"type": "fase", "fase": "azc"}, html="", content_lang="en")
    html = stappenplan.plan_html(catalogue, model.fases, [fase_page], "en/stappenplan/", "en",
                                 ui_strings.t("en", ROOT / "translations"), lambda lang: "ltr")
    ids = re.findall(r'<li class="task-list-item wegwijs-check[^"]*" id="([^"]+)" data-check-id="\1"', html)
    assert sorted(ids) == sorted(catalogue.tasks)
    assert ids == [t.id for t in catalogue.ordered_tasks(model.fases)]
    for task_id in ids:
        assert f'<input type="checkbox" id="check-{task_id}" data-check-id="{task_id}"/>' in html
        assert f'for="check-{task_id}"' in html
    sections = re.findall(r'<section class="wegwijs-plan__fase" data-fase="([a-z]+)"', html)
    assert sections == [f for f in model.fases if f in sections]
    assert '<a href="../fase/azc/">Waiting in the azc</a>' in html
    # A title without an English text yet is the Dutch one, marked as Dutch.
    first = catalogue.ordered_tasks(model.fases)[0]
    title, title_lang = catalogue.text("tasks", first.id, "title", "en")
    label = f'for="check-{first.id}"' + (' lang="nl" dir="ltr"' if title_lang == "nl" else "")
    assert label + ">" in html
    # Deadlines travel as data for stappenplan.js, with the words for readers without it.
    with_deadline = next(t for t in catalogue.tasks.values() if t.deadline)
    assert (f'data-deadline-milestone="{with_deadline.deadline.milestone}" '
            f'data-deadline-days="{with_deadline.deadline.days}"') in html
