"""The professionals' task overview (issue 14, must have 5), rendered from a small catalogue."""
from __future__ import annotations

import textwrap
from pathlib import Path

import lxml.html

from tools.wegwijs.render import task_overview
from tools.wegwijs.sources import catalogue as cat
from tools.wegwijs.sources.catalogue import Deadline

FASES = ("azc", "regeldag", "regelweken")


def catalogue(tmp_path: Path) -> cat.Catalogue:
    data = tmp_path / "data"
    data.mkdir()
    files = {
        "tasks.yml": """\
            milestones: [koppeling, regeldag, verhuisdag]
            tasks:
              - id: later
                title: Ik heb een huisarts.
                fase: regelweken
                who: statushouder
                partner: vwn
                page: thema/zorg.md#huisarts
              - id: huurcontract
                title: Ik heb het huurcontract <getekend>.
                fase: regeldag
                deadline: {milestone: regeldag, days: 0}
                who: statushouder
                helpers: [vwn]
                partner: vwn
                page: thema/wonen.md#stappenplan
                review: Termijn nakijken.
              - id: inspectie
                title: De woning is bekeken.
                fase: regeldag
                deadline: {milestone: verhuisdag, days: -1}
                who: statushouder
                partner: null
              - id: pas
                title: Ik heb mijn pas.
                fase: azc
                who: statushouder
                partner: coa
                page: fase/weg.md
            """,
        "contacts.yml": """\
            contacts:
              - id: vwn
                name: VluchtelingenWerk
              - id: coa
                name: COA
            """,
        "documents.yml": "documents: []\n",
        "links.yml": "links: []\n",
    }
    for name, text in files.items():
        (data / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return cat.load(data, ("nl",), tmp_path)


def test_deadline_in_words():
    words = task_overview.deadline_words
    assert words(Deadline("regeldag", 0)) == "op de regeldag"
    assert words(Deadline("regeldag", 14)) == "binnen 14 dagen na de regeldag"
    assert words(Deadline("verhuisdag", -1)) == "1 dag voor de verhuisdag"
    assert words(Deadline("koppeling", -3)) == "3 dagen voor de koppeling"
    assert words(None) is None


def test_overview_per_fase_in_time_order_with_partner_deadline_and_page(tmp_path):
    pages = {"thema/wonen.md": "../../thema/wonen/", "thema/zorg.md": "../../thema/zorg/"}

    def page_link(target):
        src, _, anchor = target.partition("#")
        return (pages[src] + "#" + anchor, src) if src in pages else None

    groups = task_overview.groups(catalogue(tmp_path), FASES, {"regeldag": "De regeldag"},
                                  page_link)
    assert [g["id"] for g in groups] == ["azc", "regeldag", "regelweken"]
    assert [t["id"] for g in groups for t in g["tasks"]] == ["pas", "huurcontract", "inspectie",
                                                             "later"]
    html = task_overview.render(groups)
    doc = lxml.html.fragment_fromstring(html, create_parent="div")
    assert [h.text for h in doc.iter("h2")] == ["azc", "De regeldag", "regelweken"]
    row = doc.xpath("//tr[@data-task-id='huurcontract']")[0]
    cells = [" ".join(" ".join(td.itertext()).split()) for td in row.xpath("td")]
    assert cells == ["Ik heb het huurcontract <getekend>. Nog nakijken: Termijn nakijken.",
                     "De statushouder Helpt: VluchtelingenWerk", "VluchtelingenWerk",
                     "op de regeldag", "thema/wonen.md"]
    assert row.xpath("td/a/@href") == ["../../thema/wonen/#stappenplan"]
    assert "&lt;getekend&gt;" in html  # autoescaped
    inspectie = doc.xpath("//tr[@data-task-id='inspectie']/td")
    assert [td.text_content() for td in inspectie[2:]] == [
        "Nog niet vastgesteld", "1 dag voor de verhuisdag", "Nog geen pagina"]
    pas = doc.xpath("//tr[@data-task-id='pas']/td")[4].text_content()
    assert pas == "Nog geen pagina"  # fase/weg.md is not built
    assert doc.xpath("//section/div[@role='region'][@tabindex='0']")
