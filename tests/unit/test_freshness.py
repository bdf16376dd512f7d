"""Freshness (issue 14, must have 6): checked dates, the review-overdue rule, the status list."""
from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from tests.conftest import ROOT
from tools.wegwijs.checks import freshness
from tools.wegwijs.project import Project
from tools.wegwijs.render import checked_date, review_status, ui_strings
from tools.wegwijs.sources import catalogue as cat
from tools.wegwijs.sources import content_model as cm

TRANSLATIONS = ROOT / "translations"

TODAY = dt.date(2027, 6, 15)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def project(tmp_path: Path, months: int | None = None) -> Path:
    option = f"      review_months: {months}\n" if months else ""
    write(tmp_path / "mkdocs.yml", "plugins:\n  - i18n:\n      languages:\n"
          "        - {locale: nl, default: true}\n        - {locale: en}\n  - wegwijs:\n"
          "      model:\n        types: [fase, thema, pagina]\n        fases: [azc]\n"
          "        themas: [wonen]\n" + option)
    write(tmp_path / "docs/fase/azc.md", """\
        ---
        id: fase-azc
        type: fase
        fase: azc
        order: 1
        checked: 2026-06-14
        ---
        # Azc
        """)
    write(tmp_path / "docs/fase/azc.en.md", """\
        ---
        id: fase-azc
        type: fase
        fase: azc
        order: 1
        checked: 2026-07-01
        ---
        # Azc
        """)
    write(tmp_path / "docs/thema/wonen.md", """\
        ---
        id: thema-wonen
        type: thema
        thema: wonen
        order: 1
        ---
        # Wonen
        """)
    write(tmp_path / "docs/over.md", "---\nid: over\ntype: pagina\norder: 2\n---\n# Over\n")
    write(tmp_path / "data/tasks.yml", """\
        milestones: [regeldag]
        tasks:
          - id: oud
            title: Oude taak
            fase: azc
            checked: 2025-01-01
          - id: nieuw
            title: Nieuwe taak
            fase: azc
            checked: 2027-06-01
        """)
    write(tmp_path / "data/contacts.yml", """\
        contacts:
          - id: coa
            name: COA
            checked: 2026-06-15
          - id: kapot
            name: Kapot
            checked: 15-06-2026
        """)
    write(tmp_path / "data/documents.yml", "documents: []\n")
    write(tmp_path / "data/links.yml", """\
        links:
          - id: ind
            title: IND
            url: https://ind.nl/
        """)
    return tmp_path / "mkdocs.yml"


def test_add_months_keeps_the_day_or_the_last_day_of_a_short_month():
    assert freshness.add_months(dt.date(2026, 12, 2), 12) == dt.date(2027, 12, 2)
    assert freshness.add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert freshness.add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)


def test_a_date_is_overdue_only_after_the_whole_period():
    checked = dt.date(2026, 6, 15)
    assert not freshness.is_overdue(checked, dt.date(2027, 6, 15), 12)
    assert freshness.is_overdue(checked, dt.date(2027, 6, 16), 12)
    assert freshness.is_overdue(None, dt.date(2027, 6, 16), 12)


def test_review_overdue_names_path_line_of_pages_tasks_contacts_and_links(tmp_path):
    config = project(tmp_path)
    findings = freshness.check_all(Project.from_config_file(config), today=TODAY)
    got = {(f.path, f.line, f.rule, f.severity) for f in findings}
    assert ("docs/fase/azc.md", 6, "review-overdue", "warning") in got  # 2026-06-14: one day too old
    assert not any(f.path == "docs/fase/azc.en.md" for f in findings)  # its own, newer date
    assert ("docs/thema/wonen.md", 2, "review-overdue", "warning") in got  # no date at all
    assert not any(f.path == "docs/over.md" for f in findings)  # other types need no date
    assert ("data/tasks.yml", 3, "review-overdue", "warning") in got  # task 'oud'
    assert not any(f.path == "data/tasks.yml" and f.line == 7 for f in findings)  # 'nieuw'
    assert not any(f.path == "data/contacts.yml" and f.line == 2 for f in findings)  # exactly 12 months
    assert ("data/contacts.yml", 5, "catalogue", "error") in got  # not a date
    assert ("data/links.yml", 2, "review-overdue", "warning") in got  # link without a date
    message = next(f.message for f in findings if f.path == "docs/fase/azc.md")
    assert "2026-06-14" in message and "12 months" in message


def test_review_months_comes_from_the_plugin_option(tmp_path):
    config = project(tmp_path, months=24)
    assert freshness.review_months(config) == 24
    findings = freshness.check_all(Project.from_config_file(config), today=TODAY)
    assert not any(f.path == "docs/fase/azc.md" for f in findings)
    assert any(f.path == "data/tasks.yml" and f.line == 3 for f in findings)  # 2025-01-01 still old


def test_the_content_model_rejects_a_checked_value_that_is_not_a_date(tmp_path):
    config = project(tmp_path)
    page = tmp_path / "docs/fase/azc.md"
    page.write_text(page.read_text(encoding="utf-8").replace("checked: 2026-06-14",
                                                             "checked: 14 juni 2026"),
                    encoding="utf-8")
    model = cm.load_model(config)
    site = cm.scan(model, root=tmp_path)
    bad = [f for f in site.findings if f.path == "docs/fase/azc.md"]
    assert [(f.line, f.rule) for f in bad] == [(6, "front-matter")]
    assert "YYYY-MM-DD" in bad[0].message


def test_the_status_list_is_oldest_first_with_file_and_line(tmp_path):
    config = project(tmp_path)
    model = cm.load_model(config)
    site = cm.scan(model, root=tmp_path)
    catalogue = cat.load(tmp_path / "data", model.languages, tmp_path)
    items = freshness.review_due(site, catalogue, TODAY, 12)
    text = review_status.render(items, TODAY, 12)
    rows = [line for line in text.splitlines() if line.startswith("| ") and "`" in line]
    # no (valid) date first, then the oldest date
    assert [r.split("|")[3].strip() for r in rows[:3]] == ["nog geen datum"] * 3
    assert [r.split("|")[4].strip() for r in rows[:4]] == [
        "`data/contacts.yml:5`", "`data/links.yml:2`", "`docs/thema/wonen.md:2`", "`data/tasks.yml:3`"]
    assert any("Oude taak" in r and "1 januari 2025" in r and "`data/tasks.yml:3`" in r for r in rows)
    assert "Alles is op tijd nagekeken." in review_status.render([], TODAY, 12)


def test_checked_date_is_written_for_the_readers_language_in_a_time_element():
    day = dt.date(2026, 12, 2)
    nl = checked_date.render(day, "nl", ui_strings.t("nl", TRANSLATIONS))
    assert '<time datetime="2026-12-02">2 december 2026</time>' in nl
    assert nl.startswith('<p class="wegwijs-checked" lang="nl" dir="ltr">Gecontroleerd op ')
    fa = checked_date.render(day, "fa", ui_strings.t("fa", TRANSLATIONS))
    assert 'dir="rtl"' in fa and "۲۰۲۶" in fa and "2026-12-02" in fa
