"""The translations check (tools/wegwijs/checks/translations.py) on fixture trees in tmp_path,
through ``tools.wegwijs.cli.run``: missing, outdated, structure, --mark-done, --diff, bad input."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tools.wegwijs.checks import translations
from tools.wegwijs.cli import run

HEAD = "---\nid: {id}\ntype: thema\nthema: wonen\norder: 3\n{extra}---\n"
DUTCH_BODY = """
# Wonen

U krijgt een huis in Hilversum.

## Stappenplan {#stappenplan}

- [ ] Teken het huurcontract. {#wonen-huurcontract}
- [ ] Vraag huurtoeslag aan. {#wonen-huurtoeslag}
"""
EN_BODY = """
# Housing

You get a house in Hilversum.

## Step by step {#stappenplan}

- [ ] Sign the rental contract. {#wonen-huurcontract}
- [ ] Apply for rent benefit. {#wonen-huurtoeslag}
"""


def page(extra: str = "", body: str = DUTCH_BODY, id: str = "thema-wonen") -> str:
    return HEAD.format(id=id, extra=extra) + body


def make_site(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    (docs / "thema").mkdir(parents=True)
    (docs / "thema" / "wonen.md").write_text(page(), encoding="utf-8")
    return docs


def tr(capsys, *argv, strict=True):
    # --strict: every missing/outdated translation is an error (as at a release); without
    # it they are warnings within translation_grace_days (test_grace_period_warns)
    code = run(["translations", *(["--strict"] if strict else []), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def lines_for(out: str, path: str) -> list[str]:
    return [l for l in out.splitlines() if l.startswith(path + ":")]


# --------------------------------------------------------------------------- fingerprint


def test_fingerprint_ignores_front_matter_line_endings_and_trailing_space():
    a = translations.fingerprint(translations.body_of(page()))
    spaced = DUTCH_BODY.replace(".\n", ".  \t\n") + "\n\n"
    b = translations.fingerprint(translations.body_of(
        page(extra="title: Anders\n", body=spaced).replace("\n", "\r\n")))
    assert a == b and len(a) == 12 and int(a, 16) >= 0
    changed = translations.fingerprint(translations.body_of(page(body=DUTCH_BODY + "Nieuw.\n")))
    assert changed != a


def test_fingerprint_covers_the_translated_front_matter_only():
    """A changed title or description makes translations outdated; other keys do not."""
    plain = translations.fingerprint_text(page())
    assert translations.fingerprint_text(page(extra="checked: 2026-12-02\n")) == plain
    described = translations.fingerprint_text(page(extra="description: Over wonen.\n"))
    assert described != plain
    assert translations.fingerprint_text(page(extra="description: Over een huis.\n")) != described
    assert translations.fingerprint_text(page(extra="title: Wonen\n")) != plain
    assert translations.fingerprint_text(page()) == translations.fingerprint(
        translations.body_of(page()))  # without title or description: the body alone


# --------------------------------------------------------------------------- report


def test_missing_outdated_and_current(tmp_path, capsys):
    docs = make_site(tmp_path)
    fp = translations.fingerprint_file(docs / "thema" / "wonen.md")
    (docs / "thema" / "wonen.en.md").write_text(page(f"translated_from: {fp}\n", EN_BODY))
    (docs / "thema" / "wonen.ar.md").write_text(page("translated_from: 000000000000\n", EN_BODY))
    code, out, _ = tr(capsys, "--docs", str(docs))
    assert code == 1
    assert "docs/thema/wonen.md: [error] missing ti translation (translation-missing)" in out
    assert "docs/thema/wonen.md: [error] missing fa translation (translation-missing)" in out
    assert "missing en translation" not in out and "missing ar translation" not in out
    assert ("docs/thema/wonen.ar.md: [error] outdated: Dutch page changed since this "
            "translation (translation-outdated)") in out
    assert lines_for(out, "docs/thema/wonen.en.md") == []


def test_translate_false_pages_are_skipped(tmp_path, capsys):
    docs = make_site(tmp_path)
    (docs / "pro.md").write_text("---\nid: pro\ntype: professionals\norder: 9\n"
                                 "translate: false\n---\n\nVoor professionals.\n")
    code, out, _ = tr(capsys, "--docs", str(docs))
    assert "pro.md" not in out
    assert "docs/thema/wonen.md: [error] missing en translation" in out


def test_translation_without_fingerprint_is_outdated(tmp_path, capsys):
    docs = make_site(tmp_path)
    (docs / "thema" / "wonen.en.md").write_text(page("", EN_BODY))
    code, out, _ = tr(capsys, "--docs", str(docs))
    [line] = [l for l in lines_for(out, "docs/thema/wonen.en.md") if "outdated" in l]
    assert "translated_from" in line and line.endswith("(translation-outdated)")


def test_structure_must_match_the_dutch_page(tmp_path, capsys):
    docs = make_site(tmp_path)
    fp = translations.fingerprint_file(docs / "thema" / "wonen.md")
    wrong = (EN_BODY.replace("{#wonen-huurtoeslag}", "{#wonen-toeslag}")
             .replace("{#stappenplan}", ""))
    (docs / "thema" / "wonen.en.md").write_text(page(f"translated_from: {fp}\n", wrong))
    doubled = EN_BODY + "- [ ] Sign again. {#wonen-huurcontract}\n"
    (docs / "thema" / "wonen.ar.md").write_text(page(f"translated_from: {fp}\n", doubled))
    code, out, _ = tr(capsys, "--docs", str(docs))
    en = [l for l in lines_for(out, "docs/thema/wonen.en.md") if "translation-structure" in l]
    assert any("{#wonen-toeslag} is not on the Dutch page" in l and ":16:" in l for l in en), en
    assert any("{#wonen-huurtoeslag}" in l and "missing" in l for l in en), en
    assert any("heading id" in l and "{#stappenplan}" in l for l in en), en
    ar = [l for l in lines_for(out, "docs/thema/wonen.ar.md") if "translation-structure" in l]
    assert len(ar) == 1 and "3 checklist items, the Dutch page" in ar[0] and "has 2" in ar[0]


def test_ids_in_code_blocks_do_not_count():
    s = translations.structure("```\n## Voorbeeld {#voorbeeld}\n- [ ] x {#x}\n```\n## Echt {#echt}\n")
    assert [i for i, _ in s.headings] == ["echt"] and s.items == []


def test_json_format(tmp_path, capsys):
    docs = make_site(tmp_path)
    code, out, _ = tr(capsys, "--docs", str(docs), "--format", "json")
    data = json.loads(out)
    assert {d["message"] for d in data if d["rule"] == "translation-missing"} == {
        f"missing {lang} translation" for lang in ("en", "ar", "ti", "fa")}
    assert all(d["path"] == "docs/thema/wonen.md" for d in data if d["rule"] == "translation-missing")


# --------------------------------------------------------------------------- mark done


def test_mark_done_records_the_fingerprint(tmp_path, capsys):
    docs = make_site(tmp_path)
    en = docs / "thema" / "wonen.en.md"
    en.write_text(page("title: Housing\n", EN_BODY))
    code, out, _ = tr(capsys, "--mark-done", str(en))
    assert code == 0
    fp = translations.fingerprint_file(docs / "thema" / "wonen.md")
    text = en.read_text()
    assert f"translated_from: {fp}\n" in text and text.index("translated_from") < text.index("\n---\n", 4) + 1
    assert "title: Housing" in text and "You get a house" in text
    code, out, _ = tr(capsys, "--docs", str(docs))
    assert lines_for(out, "docs/thema/wonen.en.md") == []
    # the Dutch page changes: outdated; mark done again: current, the field replaced not added
    (docs / "thema" / "wonen.md").write_text(page(body=DUTCH_BODY + "\nNieuwe zin.\n"))
    code, out, _ = tr(capsys, "--docs", str(docs))
    assert "docs/thema/wonen.en.md: [error] outdated" in out
    tr(capsys, "--mark-done", str(en))
    assert en.read_text().count("translated_from:") == 1
    code, out, _ = tr(capsys, "--docs", str(docs))
    assert lines_for(out, "docs/thema/wonen.en.md") == []


@pytest.mark.parametrize("name", ["wonen.md", "wonen.xx.md", "nergens.en.md"])
def test_mark_done_refuses_dutch_unknown_language_and_orphans(tmp_path, capsys, name):
    docs = make_site(tmp_path)
    target = docs / "thema" / name
    if not target.exists():
        target.write_text(page(body=EN_BODY))
    before = target.read_text()
    code, out, err = tr(capsys, "--mark-done", str(target))
    assert code == 2 and "Traceback" not in err and err.strip()
    assert target.read_text() == before


def test_mark_done_missing_file_is_misuse(tmp_path, capsys):
    code, _, err = tr(capsys, "--mark-done", str(tmp_path / "docs" / "x.en.md"))
    assert code == 2 and "no such file" in err


# --------------------------------------------------------------------------- diff


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
                        "PATH": "/usr/bin:/bin", "HOME": str(cwd)})


def test_diff_shows_what_changed_in_dutch_since_the_translation(tmp_path, capsys):
    docs = make_site(tmp_path)
    git(tmp_path, "init", "-q")
    en = docs / "thema" / "wonen.en.md"
    en.write_text(page("", EN_BODY))
    tr(capsys, "--mark-done", str(en))
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "v1")
    dutch = docs / "thema" / "wonen.md"
    dutch.write_text(dutch.read_text().replace("U krijgt een huis in Hilversum.",
                                               "U krijgt een woning in Hilversum."))
    git(tmp_path, "commit", "-q", "-am", "v2")
    dutch.write_text(dutch.read_text() + "\nDe huur betaalt u elke maand.\n")  # not committed
    code, out, _ = tr(capsys, "--docs", str(docs), "--diff")
    assert code == 1
    assert "== docs/thema/wonen.en.md" in out
    assert "-U krijgt een huis in Hilversum." in out
    assert "+U krijgt een woning in Hilversum." in out
    assert "+De huur betaalt u elke maand." in out
    code, out, _ = tr(capsys, "--docs", str(docs), "--diff", "--format", "json")
    [item] = [d for d in json.loads(out) if d["rule"] == "translation-outdated"
              and d["path"] == "docs/thema/wonen.en.md"]
    assert "+U krijgt een woning in Hilversum." in item["message"]


def test_diff_without_history_says_so(tmp_path, capsys):
    docs = make_site(tmp_path)
    (docs / "thema" / "wonen.en.md").write_text(page("translated_from: 0123456789ab\n", EN_BODY))
    code, out, _ = tr(capsys, "--docs", str(docs), "--diff")
    assert "No version of docs/thema/wonen.md with fingerprint 0123456789ab" in out


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("name,content,rule", [
    ("leeg.md", b"", "empty-file"),
    ("plaatje.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "not-text"),
    ("zonder.md", b"# Geen front matter\n\nTekst.\n", "front-matter"),
    ("kapot.md", b"---\nid: [kapot\ntype: thema\n---\n\nTekst.\n", "front-matter"),
    ("wonen.xx.md", b"---\nid: thema-wonen\ntype: thema\norder: 1\n---\n", "unknown-language"),
    ("wees.en.md", b"---\nid: wees\ntype: pagina\norder: 1\n---\n\nOrphan.\n", "translation-orphan"),
])
def test_bad_input_gives_one_clear_finding(tmp_path, capsys, name, content, rule):
    docs = make_site(tmp_path)
    (docs / "thema" / name).write_bytes(content)
    code, out, err = tr(capsys, "--docs", str(docs))
    mine = lines_for(out, f"docs/thema/{name}")
    assert len(mine) == 1 and mine[0].endswith(f"({rule})"), out
    assert code == 1 and "Traceback" not in err


def test_unknown_docs_folder_is_misuse(tmp_path, capsys):
    code, _, err = tr(capsys, "--docs", str(tmp_path / "nope"))
    assert code == 2 and "no such folder" in err


def test_ui_strings_are_part_of_the_report(tmp_path, capsys):
    docs = make_site(tmp_path)
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "messages.pot").write_text('msgid "wegwijs.x"\nmsgstr ""\n')
    for lang in ("nl", "en", "ar", "ti", "fa"):
        text = 'msgid "wegwijs.x"\nmsgstr "X"\n' if lang != "ti" else ""
        (tmp_path / "translations" / f"{lang}.po").write_text(text)
    code, out, _ = tr(capsys, "--docs", str(docs))
    assert "'wegwijs.x' is missing" in out and "(ui-string-missing)" in out


def test_mark_done_takes_several_translations(tmp_path, capsys):
    docs = make_site(tmp_path)
    paths = [docs / "thema" / f"wonen.{lang}.md" for lang in ("en", "ar")]
    for path in paths:
        path.write_text(page("", EN_BODY))
    code, out, _ = tr(capsys, "--mark-done", *map(str, paths))
    assert code == 0 and len(out.strip().splitlines()) == 2
    code, out, _ = tr(capsys, "--docs", str(docs))
    assert "wonen.en.md" not in out and "wonen.ar.md" not in out


def test_grace_period_warns(tmp_path, capsys):
    """Dutch first: a missing translation of a page changed today is a warning (exit 0)."""
    docs = make_site(tmp_path)
    code, out, _err = tr(capsys, "--docs", str(docs), strict=False)
    missing = [l for l in out.splitlines() if "(translation-missing)" in l]
    assert code == 0 and missing
    assert all("[warning]" in l and "translation_grace_days" in l for l in missing)
