"""HTML as trees: post-processing leaves code samples alone, generated HTML is escaped,
and a missing interface string stops the build naming key and language."""
from __future__ import annotations

import re

import pytest
from mkdocs.exceptions import PluginError

from tests.conftest import PROJECT
from tools.wegwijs.markdown import checklist
from tools.wegwijs.plugin.steps import visitor_tools
from tools.wegwijs.render import html_tree, permalinks, plan_pages, stappenplan, ui_strings
from tools.wegwijs.render import places as render_places
from tools.wegwijs.sources import catalogue as cat
from tools.wegwijs.sources import places

# What Markdown (with pymdownx.highlight) makes of a fenced sample that shows our own markup.
SAMPLE = ('<div class="highlight"><pre><span></span><code>'
          '&lt;ul class="task-list"&gt;\n'
          '&lt;li data-check-id="x"&gt;&lt;a href="../thema/wonen/"&gt;wonen&lt;/a&gt;&lt;/li&gt;\n'
          '&lt;h2 id="kop"&gt;Kop&lt;/h2&gt;&lt;/div&gt;\n'
          '<span class="nt">&lt;a</span> <span class="na">href=</span>'
          '<span class="s">"wegwijs-term:azc"</span><span class="nt">&gt;</span>\n'
          '</code></pre></div>')
INLINE = '<p>Schrijf <code>&lt;/div&gt;</code> of <code>href="x/"</code> of <code>&lt;h1&gt;</code>.</p>'
PAGE = f'<h1 id="t">Titel</h1>\n<p><a href="../azc/">azc</a></p>\n{SAMPLE}\n{INLINE}\n'


def code_of(html: str) -> list[str]:
    root = html_tree.parse(html)
    return [html_tree.outer_html(e) for e in root.iter("pre", "code")]


def test_rebase_changes_links_but_not_code_samples():
    out = plan_pages.rebase(PAGE, "fase/regeldag/", "werkmap/", prefix="p")
    assert code_of(out) == code_of(PAGE)
    assert SAMPLE in out and INLINE in out
    assert '<a href="../fase/azc/">' in out and 'id="p--t"' in out


def test_demote_changes_headings_but_not_code_samples():
    out = plan_pages.demote(PAGE, 2)
    assert out.startswith('<h3 id="t">Titel</h3>')
    assert SAMPLE in out and INLINE in out


def test_inject_puts_generated_html_in_the_type_wrapper_not_in_a_sample():
    content = ('<p class="notice">n</p>\n'
               f'<div class="wegwijs-type-stappenplan"><p>Intro</p>{SAMPLE}</div>\n')
    out = visitor_tools._inject(content, '<div class="wegwijs-plan">PLAN</div>')
    assert SAMPLE in out
    root = html_tree.parse(out)
    wrapper = root.find("div")
    assert wrapper.get("class") == "wegwijs-type-stappenplan"
    assert wrapper[-1].get("class") == "wegwijs-plan"  # last thing in the wrapper
    assert root[0].get("class") == "notice"


class _Files:
    def documentation_pages(self):
        return []


class _Page:
    url = "fase/azc/"
    title = "AZC"
    meta = {"type": "fase", "fase": "azc", "id": "fase-azc"}

    class file:  # noqa: N801 - stands in for an mkdocs File
        src_uri = "fase/azc.md"
        abs_src_path = None


def test_page_content_adds_progress_line_and_term_links_outside_code(monkeypatch):
    from tools.wegwijs.plugin.state import BuildState

    state = BuildState(project=PROJECT)
    state.lang = "nl"
    state.glossary_extension = type("G", (), {"context": None})()
    state.glossary = type("Gl", (), {"page_src": "begrippen.md"})()
    state.term_page = "begrippen/"
    state.type_urls = {"stappenplan": "stappenplan/"}
    monkeypatch.setattr(visitor_tools, "_src", lambda f: f.src_uri)
    monkeypatch.setattr(visitor_tools, "_content_lang", lambda page, lang: lang)
    items = ('<ul class="task-list"><li class="task-list-item wegwijs-check" id="a" '
             'data-check-id="a">Doe dit met de <a href="wegwijs-term:azc">azc</a></li></ul>')
    html = f"{SAMPLE}\n{items}\n"
    out = visitor_tools.page_content(state, html, _Page(), _Files())
    assert SAMPLE in out  # the sample's task list, link and term link stay as written
    assert out.count('class="wegwijs-progress-line"') == 1
    assert out.index('class="wegwijs-progress-line"') > out.index(SAMPLE)
    assert 'href="../../begrippen/#azc"' in out
    assert [i.id for i in state.rendered["fase/azc/"].items] == ["a"]


def test_checklist_items_inside_code_samples_are_not_items():
    sample = '<pre><code>&lt;li data-check-id="nep"&gt;</code></pre>'
    real = '<ul><li data-check-id="echt">x<ul><li data-check-id="sub">y</li></ul></li></ul>'
    assert [i.id for i in checklist.extract_items(sample + real)] == ["echt"]


def test_svg_keeps_its_camel_case_names():
    svg = '<svg viewBox="0 0 1 1"><linearGradient gradientUnits="x"/><rect x="1"/></svg>'
    assert html_tree.serialize(html_tree.parse(svg)) == svg


# --------------------------------------------------------------------------- escaping

EVIL = '<script>alert("x")</script>'


def _no_script(html: str) -> None:
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


def test_stappenplan_and_werkmap_escape_page_titles_and_task_titles():
    item = checklist.Item("a", '<li data-check-id="a">Doe dit</li>')
    fase = plan_pages.Rendered(url="fase/azc/", src="fase/azc.md", title=EVIL,
                               meta={"type": "fase", "fase": "azc", "id": "fase-azc"},
                               html="<p>x</p>", content_lang="nl", items=[item])
    catalogue = cat.Catalogue(milestones=("regeldag",))
    catalogue.tasks["a"] = cat.Task("tasks", "a", {"title": EVIL, "fase": "azc",
                                                   "page": "fase/azc.md#x"}, "data/tasks.yml", 1)
    plan = stappenplan.plan_html(catalogue, ("azc",), [fase], "stappenplan/", "nl",
                                 ui_strings.t("nl", PROJECT.translations_dir), lambda lang: "ltr")
    _no_script(plan)
    assert 'href="../fase/azc/#x"' in plan
    werkmap = plan_pages.werkmap_html([("fases", EVIL, [fase])], "werkmap/", "nl",
                                      lambda lang: "ltr")
    _no_script(werkmap)


def test_link_pages_and_linking_kit_escape_titles():
    entry = permalinks.Entry(id="x", src="x.md", order=(0,), dutch_only=False,
                             titles={"nl": EVIL}, translated={"nl": True})
    for html in (permalinks.go_page(entry, ("nl",), "https://example.org"),
                 permalinks.redirect_page("/oud/", "/x/", EVIL, "nl", "https://example.org"),
                 permalinks.linkkit_html([entry], ("nl",), "https://example.org", "/linken/")):
        _no_script(html)


def test_places_escape_names_and_labels(tmp_path):
    path = tmp_path / "places.geojson"
    path.write_text('{"type": "FeatureCollection", "metadata": {"source": "<script>s</script>",'
                    ' "license": "CC0"}, "features": [{"type": "Feature", "id": "p",'
                    ' "geometry": null, "properties": {"name": "<script>alert(\\"x\\")</script>",'
                    ' "address": "Straat 1", "label": {"nl": "<b>vet</b>"}}}]}',
                    encoding="utf-8")
    html = render_places.places_html(places.load(path, tmp_path), "nl",
                                     ui_strings.t("nl", PROJECT.translations_dir),
                                     "../places.geojson", with_map=True)
    _no_script(html)
    assert "&lt;b&gt;vet&lt;/b&gt;" in html and "<script>s" not in html


# --------------------------------------------------------------------------- t()


def test_t_gives_the_string_and_a_missing_key_is_an_error_naming_key_and_language(tmp_path):
    (tmp_path / "en.po").write_text('msgid ""\nmsgstr ""\n\nmsgid "a.key"\nmsgstr "A text"\n',
                                    encoding="utf-8")
    t = ui_strings.t("en", tmp_path)
    assert t("a.key") == "A text"
    with pytest.raises(PluginError) as error:
        t("wegwijs.nope")
    assert str(error.value) == ("translations/en.po lacks 'wegwijs.nope': add it "
                                "(python -m tools ui-strings lists all)")


def test_a_build_with_a_missing_interface_string_fails_naming_key_and_language(tmp_path):
    from tests.conftest import build_site, make_fixture_site

    home = "---\nid: home\ntype: home\norder: 0\n---\n\n# Thuis\n\nWelkom.\n"
    config = make_fixture_site(tmp_path, {"index.md": home})
    po = tmp_path / "translations" / "en.po"
    text = po.read_text(encoding="utf-8")
    key = "wegwijs.menu"  # the menu button, on every page (overrides/partials/header.html)
    assert f'msgid "{key}"' in text
    po.write_text(re.sub(rf'msgid "{re.escape(key)}"\nmsgstr "[^"]*"\n', "", text),
                  encoding="utf-8")
    result = build_site(config.parent, tmp_path / "site")
    assert result.returncode != 0
    assert f"translations/en.po lacks '{key}'" in result.stdout + result.stderr
