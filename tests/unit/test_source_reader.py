"""The source reader (tools/wegwijs/sources/reader.py): one answer to "is this code?",
headings, checklist items, titles and URLs, and the checks that use it agree."""
from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from tools.wegwijs.checks import review_markers, translations
from tools.wegwijs.markdown import checklist
from tools.wegwijs.sources import content_model as cm
from tools.wegwijs.sources import reader
from tools.wegwijs.sources import text_extract as T


def body(text: str, first_line: int = 1) -> reader.Body:
    return reader.Body(text, first_line)


def code_lines(text: str) -> list[int]:
    return sorted(body(text).code_lines)


# --------------------------------------------------------------------------- fences


def test_backtick_fence_holding_tildes_does_not_hide_the_item_after_it():
    text = "```\n~~~\n- [ ] in code {#code}\n```\n- [ ] echt {#echt}\n"
    doc = body(text)
    assert code_lines(text) == [1, 2, 3, 4]
    assert [(i.id, i.line) for i in doc.items] == [("echt", 5)]


def test_four_backtick_fence_holds_a_three_backtick_fence():
    text = "````markdown\n```\n- [ ] voorbeeld {#voorbeeld}\n```\n````\n- [ ] echt {#echt}\n"
    assert code_lines(text) == [1, 2, 3, 4, 5]
    assert [i.id for i in body(text).items] == ["echt"]


def test_tilde_fence_and_longer_fence():
    text = "~~~~\n~~~\n## Kop {#in-code}\n~~~~\n## Kop {#echt}\n"
    doc = body(text)
    assert code_lines(text) == [1, 2, 3, 4]
    assert [h.id for h in doc.headings] == ["echt"]


def test_unclosed_fence_is_no_fence_as_superfences_renders_it():
    text = "Tekst.\n\n```\n- [ ] na een open hek {#open}\n"
    assert code_lines(text) == []
    assert [i.id for i in body(text).items] == ["open"]


def test_indented_fences_and_fences_in_list_items():
    text = ("   ```\n   - [ ] code {#a}\n   ```\n"
            "- Stap:\n\n    ```\n    - [ ] code {#b}\n    ```\n\n"
            "- [ ] echt {#c}\n")
    assert code_lines(text) == [1, 2, 3, 6, 7, 8]
    assert [i.id for i in body(text).items] == ["c"]


def test_line_indented_less_than_the_opening_fence_cancels_it():
    text = "- Stap\n\n    ```\nniet ingesprongen\n    ```\n"
    assert code_lines(text) == []


def test_fence_lines_use_file_line_numbers():
    doc = body("Tekst\n```\ncode\n```\n", first_line=10)
    assert [(f.start, f.end) for f in doc.fences] == [(11, 13)]
    assert doc.in_code(12) and not doc.in_code(10)


@pytest.mark.parametrize("text", [
    "```\n~~~\n- [ ] a\n```\n- [ ] b\n",
    "````\n```\n- [ ] a\n```\n````\n- [ ] b\n",
    "```\n- [ ] a\n",
    "- x\n\n    ```\n    - [ ] a\n    ```\n\n- [ ] b\n",
    "> ```\n> - [ ] a\n> ```\n\n- [ ] b\n",
    "```python\ncode\n````\n```\n- [ ] b\n",
])
def test_code_lines_are_what_superfences_renders_as_code(text):
    """The reader's code lines are exactly the lines MkDocs' Markdown renders inside <pre>."""
    html = markdown.markdown(text, extensions=["pymdownx.superfences"])
    in_pre = "".join(re.findall(r"<pre.*?</pre>", html, re.S))
    for number, line in enumerate(text.splitlines(), start=1):
        content = line.lstrip("> ").strip()
        if not content.startswith("- [ ]"):
            continue
        assert (number in body(text).code_lines) == (content in in_pre), (number, html)


# --------------------------------------------------------------------------- headings, items, title


def test_headings_with_ids_and_toc_slugs():
    doc = body("# Wonen in Hilversum\n\n## Huur {#huur}\n\n## Huur en *toeslag* ##\n\n"
               "### Kop {: #kop .extra}\n\n## Huur\n", first_line=5)
    assert [(h.level, h.text, h.id, h.line, h.explicit) for h in doc.headings] == [
        (1, "Wonen in Hilversum", "wonen-in-hilversum", 5, False),
        (2, "Huur", "huur", 7, True),
        (2, "Huur en *toeslag*", "huur-en-toeslag", 9, False),
        (3, "Kop", "kop", 11, True),
        (2, "Huur", "huur_1", 13, False),
    ]


def test_heading_ids_match_what_toc_gives():
    text = "## Huur en *toeslag*\n\n## Huur {#huur}\n\n## Huur\n\n## Één ding\n"
    html = markdown.markdown(text, extensions=["toc", "attr_list"])
    assert [h.id for h in body(text).headings] == re.findall(r'<h2 id="([^"]+)"', html)


def test_checklist_items_with_lines_state_and_id():
    doc = body("- [ ] Teken het contract. {#contract}\n  * [x] Klaar {: #klaar}\n"
               "+ [ ] Zonder id\n- [] geen item\n", first_line=3)
    assert [(i.id, i.line, i.state) for i in doc.items] == [
        ("contract", 3, " "), ("klaar", 4, "x"), (None, 5, " ")]


def test_title_rules():
    doc = body("```\n# Geen titel\n```\n# Wonen {#wonen}\n# Tweede\n")
    assert reader.title({"title": " Eigen titel "}, doc, "thema/wonen.md") == "Eigen titel"
    assert reader.title({}, doc, "thema/wonen.md") == "Wonen"
    assert reader.title({"title": ""}, doc, "thema/wonen.md") == "Wonen"
    assert reader.title({}, body("Geen kop.\n"), "thema/wonen.md") == "wonen"


# --------------------------------------------------------------------------- paths and URLs


@pytest.mark.parametrize("src,lang,file,url", [
    ("index.md", "nl", "index.md", "/"),
    ("index.md", "en", "index.en.md", "/en/"),
    ("thema/index.md", "nl", "thema/index.md", "/thema/"),
    ("thema/index.md", "ar", "thema/index.ar.md", "/ar/thema/"),
    ("thema/wonen.md", "nl", "thema/wonen.md", "/thema/wonen/"),
    ("thema/wonen.md", "en", "thema/wonen.en.md", "/en/thema/wonen/"),
])
def test_source_path_and_url_in_every_language(src, lang, file, url):
    assert reader.source_file(src, lang, "nl") == file
    assert reader.split_lang(file) == (src, None if lang == "nl" else lang)
    assert reader.url(src, lang, "nl") == url
    assert reader.site_path(src, lang, "nl") == url[1:]


def test_front_matter_with_line_numbers():
    yaml_text, rest, body_line = reader.split_front_matter("---\nid: x\ntitle: T\n---\n# Kop\n")
    data, lines = reader.parse_front_matter(yaml_text)
    assert data == {"id": "x", "title": "T"} and lines == {"id": 2, "title": 3}
    assert rest == "# Kop\n" and body_line == 5
    _data, lines = reader.parse_front_matter("id: x\nconsent:\n  given: 2026-01-02\n  show:\n    photo: false\n")
    assert lines == {"id": 2, "consent": 3, "consent.given": 4, "consent.show": 5, "consent.show.photo": 6}


def test_read_is_cached_until_the_file_changes(tmp_path: Path):
    path = tmp_path / "p.md"
    path.write_text("---\nid: p\n---\n- [ ] a {#a}\n", encoding="utf-8")
    first = reader.read(path)
    assert reader.read(path) is first
    assert [(i.id, i.line) for i in first.body.items] == [("a", 4)]
    path.write_text("---\nid: p\n---\n\n- [ ] b {#b}\n", encoding="utf-8")
    assert [(i.id, i.line) for i in reader.read(path).body.items] == [("b", 5)]


def test_sub_outside_code_leaves_code_samples_alone():
    pattern = re.compile(r"^\[\[linkkit\]\]$", re.M)
    text = "```\n[[linkkit]]\n```\n[[linkkit]]\n"
    assert reader.sub_outside_code(pattern, "KIT", text) == "```\n[[linkkit]]\n```\nKIT\n"


# --------------------------------------------------------------------------- the checks agree

FIXTURE = """---
id: voorbeeld
type: thema
thema: t
order: 1
---
# Voorbeeld

```
~~~
- [ ] Dit is code {#code-item}
<!-- NAKIJKEN: in code -->
Dit is een heel lange zin in een codeblok die de B1-controle nooit mag lezen want het is code.
```

- [ ] Dit is echt. {#echt-item}

<!-- NAKIJKEN: buiten code -->
"""


def test_checks_skip_the_same_code_block(tmp_path: Path):
    path = tmp_path / "docs" / "voorbeeld.md"
    path.parent.mkdir()
    path.write_text(FIXTURE, encoding="utf-8")
    model = cm.Model(("nl", "en"), (), ("t",), ("thema",), path.parent)
    page, problems = cm.read_page(path, model, tmp_path)
    assert page is not None and not problems
    code = page.markdown.code_lines
    assert code == frozenset(range(9, 15))
    # checklist check, translation structure, review markers and B1 text all skip lines 9-14
    assert [(i, line) for i, line, _s, _t in checklist.source_items(page)] == [("echt-item", 16)]
    assert translations.structure(page.markdown).items == [("echt-item", 16)]
    assert [line for line, _c, _t in review_markers.markers(FIXTURE)] == [18]
    sentence_lines = {s.line for s in T.prose(page.body, page.body_line).sentences}
    assert sentence_lines and not sentence_lines & code
    assert page.title == "Voorbeeld"
