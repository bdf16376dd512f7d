"""Issue 14 in the built site: the professionals' task overview, "Gecontroleerd op" on
fase and thema pages, the review list on the status page, marked external links."""
from __future__ import annotations

from pathlib import Path

import lxml.html

from tools.wegwijs.render import external_links
from tools.wegwijs.sources import catalogue as cat
from tools.wegwijs.sources import content_model as cm

ROOT = Path(__file__).resolve().parents[2]


def doc(site: Path, path: str):
    return lxml.html.parse(str(site / path / "index.html")).getroot()


def test_professionals_overview_lists_every_task_once_per_fase_in_fase_order(built_site):
    model = cm.load_model(ROOT / "mkdocs.yml")
    catalogue = cat.load(ROOT / "data", model.languages, ROOT)
    page = doc(built_site, "professionals/taken")
    sections = page.xpath("//div[@data-task-overview]/section")
    fases = [s.get("data-fase") for s in sections]
    assert fases == [f for f in model.fases if any(t.fase == f for t in catalogue.tasks.values())]
    seen = []
    for section in sections:
        ids = section.xpath(".//tbody/tr/@data-task-id")
        assert ids == [t.id for t in catalogue.ordered_tasks(model.fases)
                       if t.fase == section.get("data-fase")]
        seen += ids
    assert sorted(seen) == sorted(catalogue.tasks) and len(seen) == len(set(seen))
    # every page link resolves to a built page
    for href in page.xpath("//div[@data-task-overview]//td/a/@href"):
        target = (built_site / "professionals/taken" / href.split("#")[0]).resolve()
        assert (target / "index.html").is_file(), href
    assert "[[takenoverzicht]]" not in lxml.html.tostring(page, encoding="unicode")
    index = doc(built_site, "professionals")
    assert index.xpath("//article//a[@href='taken/']"), "docs/professionals/index.md links the overview"
    assert not (built_site / "en/professionals/taken").exists()  # Dutch only


def test_fase_and_thema_pages_say_when_they_were_checked(built_site):
    model = cm.load_model(ROOT / "mkdocs.yml")
    site = cm.scan(model, root=ROOT)
    for page in site.pages:
        if page.meta.get("type") not in ("fase", "thema"):
            continue
        prefix = "" if page.lang == "nl" else page.lang + "/"
        html = doc(built_site, prefix + page.src[:-3])
        times = html.xpath("//p[@class='wegwijs-checked']/time")
        assert len(times) == 1, page.rel
        assert times[0].get("datetime") == page.meta["checked"].isoformat()
        assert html.xpath("//p[@class='wegwijs-checked']/@lang") == [page.lang]
    fa = doc(built_site, "fa/fase/azc").xpath("//p[@class='wegwijs-checked']/time")[0].text
    assert "۲۰۲۶" in fa


def test_status_page_has_the_review_list(built_site):
    status = doc(built_site, "status")
    assert status.xpath("//h2[@id='nakijken']")


def test_every_external_link_in_page_content_is_marked(built_site):
    hosts = external_links.own_hosts("https://wegwijs.hilversum.nl/")
    checked = 0
    for path in ("thema/school", "en/thema/school", "kaart", "werkmap", "professionals/materialen"):
        content = doc(built_site, path).xpath("//article")[0]
        for a in content.xpath(".//a[@href]"):
            if a.xpath("ancestor::pre or ancestor::code") or not external_links.is_external(
                    a.get("href"), hosts):
                continue
            assert {"noopener", "noreferrer"} <= set((a.get("rel") or "").split()), a.get("href")
            assert a.xpath(".//span[@class='wegwijs-external']//span[@class='wegwijs-visually-hidden']")
            checked += 1
    assert checked >= 10
