"""Checklist Markdown extension, item extraction, link rebasing and the checklist check."""
from __future__ import annotations

import markdown
import pytest

from tools.wegwijs.project import Project
from tools.wegwijs.sources import content_model
from tools.wegwijs.markdown import checklist as mc
from tools.wegwijs.render import plan_pages


def render(text: str) -> str:
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "pymdownx.tasklist", "toc",
                                       mc.ChecklistExtension()],
                           extension_configs={"pymdownx.tasklist": {"custom_checkbox": True}})
    return md.convert(text)


def test_item_gets_id_enabled_labelled_checkbox_and_hides_the_id_text():
    html = render("- [ ] Teken het [huurcontract](x.md). {#regeldag-huurcontract}\n")
    item = mc.extract_items(html)[0]
    assert item.id == "regeldag-huurcontract"
    assert 'id="regeldag-huurcontract"' in item.html
    assert "{#" not in html and "regeldag-huurcontract}" not in html
    assert "disabled" not in html
    assert 'id="check-regeldag-huurcontract"' in html
    assert '<label class="wegwijs-check__text" for="check-regeldag-huurcontract">Teken het ' \
           '<a href="x.md">huurcontract</a>.</label>' in html


def test_loose_and_nested_items_and_items_without_id():
    html = render("- [ ] Eén {#een}\n    - [ ] Sub {#sub}\n- [ ] Geen id\n\n"
                  "1. [ ] Los {#los}\n\n    Uitleg.\n")
    ids = [i.id for i in mc.extract_items(html)]
    assert ids == ["een", "los"]  # "sub" is inside "een"; "Geen id" is not remembered
    assert 'data-check-id="sub"' in mc.extract_items(html)[0].html
    assert html.count("<input") == 4
    assert "Geen id" in html


def test_pre_ticked_source_is_not_ticked_for_the_visitor():
    assert "checked" not in render("- [x] Al klaar {#klaar}\n")


def write_site(tmp_path, files: dict[str, str]):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "docs_dir: docs\nplugins:\n  - i18n:\n      languages:\n        - locale: nl\n"
        "          default: true\n        - locale: en\n"
        "  - wegwijs:\n      model:\n        types: [fase]\n        fases: [azc, regeldag]\n"
        "        themas: []\n")
    for name, text in files.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    content_model.load_model.cache_clear()
    return content_model.load_model(tmp_path / "mkdocs.yml")


def test_check_reports_missing_duplicate_and_foreign_ids(tmp_path):
    front = "---\nid: {id}\ntype: fase\nfase: azc\norder: 1\n---\n"
    write_site(tmp_path, {
        "a.md": front.format(id="a") + "\n- [ ] Een {#dubbel}\n- [ ] Zonder\n- [x] Af {#af}\n",
        "b.md": front.format(id="b") + "\n- [ ] Twee {#dubbel}\n```\n- [ ] code {#code}\n```\n",
        "b.en.md": front.format(id="b") + "\n- [ ] Two {#dubbel}\n- [ ] Other {#nieuw}\n",
    })
    found = {(f.path.split("/")[-1], f.line, f.rule, f.severity) for f in mc.check(Project(tmp_path))}
    assert ("a.md", 9, "checklist-id", "error") in found  # no id
    assert ("a.md", 10, "checklist-ticked", "warning") in found
    assert ("b.md", 8, "checklist-id", "error") in found  # duplicate of a.md
    assert ("b.en.md", 9, "checklist-id", "error") in found  # not a Dutch id
    assert not any(f[0] == "b.md" and f[1] == 10 for f in found)  # code block ignored
    content_model.load_model.cache_clear()


@pytest.mark.parametrize("href, expected", [
    ("../../thema/wonen/", "../thema/wonen/"),
    ("../azc/", "../fase/azc/"),
    ("#stap", "../fase/regeldag/#stap"),
    ("../../begrippen/#azc", "../begrippen/#azc"),
    ("https://example.org/", "https://example.org/"),
    ("geo:52,5", "geo:52,5"),
])
def test_rebase_points_links_from_source_page_to_target_page(href, expected):
    out = plan_pages.rebase(f'<a href="{href}">x</a>', "en/fase/regeldag/", "en/stappenplan/")
    assert out == f'<a href="{expected}">x</a>'


def test_rebase_prefixes_ids_for_the_werkmap():
    html = ('<li id="a" data-check-id="a"><input id="check-a" data-check-id="a">'
            '<label for="check-a">x</label><a href="#a">y</a>'
            '<button aria-controls="tip-a" data-href="#a">z</button></li>')
    out = plan_pages.rebase(html, "fase/azc/", "werkmap/", prefix="p")
    assert 'id="p--a"' in out and 'for="p--check-a"' in out and 'href="#p--a"' in out
    assert 'aria-controls="p--tip-a"' in out
    assert out.count('data-check-id="a"') == 2 and 'data-href="#a"' in out  # ids to remember stay
