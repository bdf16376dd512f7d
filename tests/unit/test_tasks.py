"""Catalogue tasks and contacts on pages: the [[taak:…]]/[[contact:…]] lines, their markup."""
from __future__ import annotations

import textwrap
from pathlib import Path

import markdown
import pytest

from tools.wegwijs.markdown import checklist as mc
from tools.wegwijs.markdown import tasks as mt
from tools.wegwijs.render import tasks as rt
from tools.wegwijs.render import html_tree
from tools.wegwijs.sources import catalogue as cat


def write(data: Path, name: str, text: str) -> None:
    data.mkdir(parents=True, exist_ok=True)
    (data / name).write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture
def catalogue(tmp_path):
    data = tmp_path / "data"
    write(data, "tasks.yml", """\
        milestones: [regeldag]
        tasks:
          - id: regeldag-huurcontract
            aliases: [thema-wonen-huurcontract]
            title: Ik heb het huurcontract getekend.
            fase: regeldag
            helpers: [sociaal-plein, klantmanager]
            bring: [verblijfspas]
            links: [digid]
          - id: azc-map
            title: Ik heb een map <voor> papieren.
            fase: azc
        """)
    write(data, "tasks.en.yml", """\
        tasks:
          regeldag-huurcontract:
            title: I have signed the <bdi lang="nl">huurcontract</bdi>.
        """)
    write(data, "contacts.yml", """\
        contacts:
          - id: sociaal-plein
            kind: organisation
            name: Sociaal Plein Hilversum
            ask: Vragen over uw uitkering.
            phone: "+31 35 123 45 67"
            address: null
            hours: null
            website: https://www.hilversum.nl/
          - id: klantmanager
            kind: role
            name: Uw klantmanager
            personal: true
            phone: null
        """)
    write(data, "documents.yml", """\
        documents:
          - id: verblijfspas
            name: Verblijfspas
        """)
    write(data, "links.yml", """\
        links:
          - id: digid
            title: DigiD aanvragen
            url: https://www.digid.nl/aanvragen
            urls: {en: https://www.digid.nl/en/apply}
        """)
    loaded = cat.load(data, ("nl", "en"), tmp_path)
    assert loaded.findings == []
    return loaded


def t(key: str) -> str:
    return f"[{key}]"


def convert(text: str, rendered: list) -> str:
    ext = mt.TasksExtension(
        render_tasks=lambda ids: (rendered.append(list(ids)), f"<ul class=\"task-list\">{'|'.join(ids)}</ul>")[1])
    md = markdown.Markdown(extensions=["pymdownx.superfences", ext])
    return md.convert(text)


def test_consecutive_task_lines_form_one_checklist_and_code_stays_text():
    rendered: list = []
    html = convert("Tekst.\n\n[[taak:a]]\n[[taak:b]]\n\n[[taak:c]]\n\nMeer tekst.\n\n"
                   "[[taak:d]]\n[[contact:coa]]\n\n```\n[[taak:code]]\n```\n", rendered)
    assert rendered == [["a", "b", "c"], ["d"]]
    assert html.count('<ul class="task-list">') == 2
    assert "[[contact:coa]]" in html  # contact lines are markdown/contacts.py's
    assert "[[taak:code]]" in html  # an example in a code block is not rendered
    assert "<p>Meer tekst.</p>" in html


def test_task_item_has_the_checklist_markup_aliases_and_details(catalogue):
    html = rt.task_list(catalogue, ["regeldag-huurcontract", "azc-map"], "nl", t)
    root = html_tree.parse(html)
    items = mc.extract_items(root)
    assert [i.id for i in items] == ["regeldag-huurcontract", "azc-map"]
    li = next(html_tree.elements(root, "li"))
    assert li.get("id") == "regeldag-huurcontract"
    assert li.get("data-aliases") == "thema-wonen-huurcontract"
    box = next(html_tree.elements(li, "input"))
    assert box.get("id") == "check-regeldag-huurcontract" and box.get("disabled") is None
    label = next(lab for lab in html_tree.elements(li, "label")
                 if lab.get("for") == "check-regeldag-huurcontract")
    assert label.text_content() == "Ik heb het huurcontract getekend."
    details = next(html_tree.elements(li, "details"))
    text = details.text_content()
    assert "[wegwijs.task.helpers]" in text and "Uw klantmanager" in text and "Verblijfspas" in text
    tel = [a.get("href") for a in html_tree.elements(details, "a") if a.get("href").startswith("tel:")]
    assert tel == ["tel:+31351234567"]  # the personal klantmanager has no number here
    link = next(a for a in html_tree.elements(details, "a") if "digid" in a.get("href"))
    assert link.get("rel") == "noopener noreferrer" and link.get("hreflang") is None
    assert "&lt;voor&gt;" in html  # titles are text, not markup
    assert html.count("<details") == 1  # a task without helpers, papers or links has none


def test_translation_keeps_dutch_terms_and_fallback_is_marked_dutch(catalogue):
    html = rt.task_list(catalogue, ["regeldag-huurcontract", "azc-map"], "en", t)
    assert 'I have signed the <bdi lang="nl">huurcontract</bdi>.' in html
    assert '<span lang="nl" dir="ltr">Ik heb een map &lt;voor&gt; papieren.</span>' in html
    assert 'href="https://www.digid.nl/en/apply"' in html  # the page in the reader's language
    assert '<span lang="nl" dir="ltr">DigiD aanvragen</span>' in html


def test_inline_text_allows_only_dutch_bdi():
    assert str(rt.inline_text('a <bdi lang="nl">b</bdi> <script>x</script>')) == \
        'a <bdi lang="nl">b</bdi> &lt;script&gt;x&lt;/script&gt;'


@pytest.mark.parametrize("phone, uri", [("0900-8844", "tel:09008844"), ("112", "tel:112"),
                                        ("+31 35 538 00 00", "tel:+31355380000")])
def test_tel_uri(phone, uri):
    assert rt.tel_uri(phone) == uri


# --------------------------------------------------------------------------- checks


def test_check_reports_unknown_alias_unused_and_duplicate_with_lines(tmp_path, catalogue):
    from tools.wegwijs.checks import tasks as ct
    from tools.wegwijs.sources import content_model as cm

    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "docs_dir: docs\nplugins:\n  - i18n:\n      languages:\n        - locale: nl\n"
        "          default: true\n        - locale: en\n"
        "  - wegwijs:\n      model:\n        types: [fase]\n        fases: [azc, regeldag]\n"
        "        themas: []\n")
    front = "---\nid: a\ntype: fase\nfase: azc\norder: 1\n---\n"
    (tmp_path / "docs" / "a.md").write_text(
        front + "\n[[taak:regeldag-huurcontract]]\n[[taak:thema-wonen-huurcontract]]\n"
        "[[taak:bestaat-niet]]\n[[contact:niemand]]\n\n- [ ] Ik heb een map <voor> papieren. {#eigen}\n"
        "- [ ] Iets anders. {#thema-wonen-huurcontract}\n\n```\n[[taak:code]]\n```\n")
    (tmp_path / "docs" / "a.en.md").write_text(
        front + "\n- [ ] I have signed the huurcontract. {#x}\n")
    cm.load_model.cache_clear()
    model = cm.load_model(tmp_path / "mkdocs.yml")
    site = cm.Site(model, [cm.read_page(p, model, tmp_path)[0]
                           for p in sorted((tmp_path / "docs").glob("*.md"))], [])
    found = {(f.path.split("/")[-1], f.line, f.rule, f.severity) for f in ct.check(site, catalogue)}
    cm.load_model.cache_clear()
    assert found == {
        ("a.md", 9, "task-unknown", "error"),  # an alias: write the task id
        ("a.md", 10, "task-unknown", "error"),
        ("a.md", 13, "task-duplicate", "error"),  # the same text as task azc-map
        ("a.md", 14, "task-duplicate", "error"),  # an alias id
        ("a.en.md", 8, "task-duplicate", "error"),  # the English title (markup ignored)
        ("tasks.yml", 10, "task-unused", "warning"),  # azc-map is on no page
    }
    messages = [f.message for f in ct.check(site, catalogue) if f.line == 9]
    assert "[[taak:regeldag-huurcontract]]" in messages[0]


def test_catalogue_translations_outdated_missing_and_mark_done(tmp_path, catalogue):
    from tools.wegwijs.checks import translations as tr
    from tools.wegwijs.project import Project
    from tools.wegwijs.sources import content_model as cm

    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(
        "docs_dir: docs\nplugins:\n  - i18n:\n      languages:\n        - locale: nl\n"
        "          default: true\n        - locale: en\n"
        "  - wegwijs:\n      model:\n        types: [fase]\n        fases: [azc, regeldag]\n"
        "        themas: []\n")
    project = Project.from_config_file(tmp_path / "mkdocs.yml")
    model = cm.load_model(project.config_file)
    rules = lambda: sorted((f.path.split("/")[-1], f.rule) for f in  # noqa: E731
                           tr.catalogue_findings(model, tmp_path))
    assert ("tasks.en.yml", "translation-outdated") in rules()  # no translated_from yet
    assert ("tasks.en.yml", "catalogue-translation-missing") in rules()  # azc-map not translated
    assert ("contacts.yml", "catalogue-translation-missing") in rules()  # no contacts.en.yml
    path = tmp_path / "data" / "tasks.en.yml"
    print(tr.mark_done(project, str(path)))
    assert path.read_text().startswith("translated_from: ")
    assert ("tasks.en.yml", "translation-outdated") not in rules()
    dutch = tmp_path / "data" / "tasks.yml"
    dutch.write_text(dutch.read_text().replace("getekend.", "ondertekend."))
    assert ("tasks.en.yml", "translation-outdated") in rules()  # the Dutch title changed
    tr.mark_done(project, str(path))
    assert path.read_text().count("translated_from") == 1


def test_build_stops_on_unknown_task_id_with_path_and_line(tmp_path, catalogue):
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    from tools.wegwijs.plugin.steps import tasks as step

    page_file = tmp_path / "docs" / "fase" / "x.md"
    page_file.parent.mkdir(parents=True)
    page_file.write_text("---\nid: x\n---\n\nTekst.\n\n[[taak:azc-map]]\n[[taak:thema-wonen-huurcontract]]\n")
    model = SimpleNamespace(docs_dir=tmp_path / "docs")
    state = SimpleNamespace(site=SimpleNamespace(model=model), lang="nl", templates=None,
                            t=lambda lang=None: t, catalogue=catalogue,
                            page=SimpleNamespace(file=SimpleNamespace(abs_src_path=str(page_file))))
    assert 'id="azc-map"' in step.render_list(state, ["azc-map"])
    with pytest.raises(PluginError, match=r"^docs/fase/x\.md:8: 'thema-wonen-huurcontract' is an "
                       r"old id of task 'regeldag-huurcontract': write \[\[taak:regeldag-huurcontract\]\]"):
        step.render_list(state, ["azc-map", "thema-wonen-huurcontract"])
    with pytest.raises(PluginError, match=r"docs/fase/x\.md: unknown task 'nergens'"):
        step.render_list(state, ["nergens"])
