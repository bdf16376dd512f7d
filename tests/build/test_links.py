"""Links that never break: released URLs, redirects, /go/ pages, urls.txt, QR codes,
Dutch-only pages, and the internal link/anchor check (tools/wegwijs/checks/links.py, tools/wegwijs/render/permalinks.py,
tools/wegwijs/plugin/steps/links.py). Most tests build a tiny fixture site in tmp_path."""
from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.conftest import ROOT, build_site
from tools.wegwijs import cli
from tools.wegwijs.project import Project
from tools.wegwijs.sources import content_model
from tools.wegwijs.checks import links
from tools.wegwijs.render import permalinks

LANGS = ("nl", "en", "ar", "ti", "fa")

PAGES = {
    "index.md": """---
id: home
type: home
order: 0
---

# Welkom

Lees over [wonen](thema/wonen.md#stappenplan) en [voor professionals](professionals/index.md).
""",
    "index.en.md": """---
id: home
type: home
order: 0
---

# Welcome

Read about [housing](thema/wonen.md#stappenplan) and [for professionals](professionals/index.md).
See also [the process][process].

[process]: professionals/index.md
""",
    "thema/index.md": """---
id: themas
type: overzicht
order: 1
---

# Thema's

- [Wonen](wonen.md)
""",
    "thema/wonen.md": """---
id: thema-wonen
type: thema
thema: wonen
order: 1
---

# Wonen

U krijgt een huis.

## Stappenplan {#stappenplan}

Teken het huurcontract.
""",
    "thema/wonen.fa.md": """---
id: thema-wonen
type: thema
thema: wonen
order: 1
---

# مسکن

## برنامه گام به گام {#stappenplan}

قرارداد اجاره را امضا کنید.
""",
    "professionals/index.md": """---
id: professionals
type: professionals
order: 90
translate: false
---

# Voor professionals

Terug naar [wonen](../thema/wonen.md#stappenplan).
""",
}


def fixture_config(root: Path, redirects: dict | None = None) -> Path:
    """The real mkdocs.yml, with the theme path made absolute and our redirects."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^(\s*custom_dir:\s*)(\S+)", lambda m: m.group(1) + str(ROOT / m.group(2)),
                  text, flags=re.M)
    text, count = re.subn(r"^      redirects:.*$", "      redirects: " + json.dumps(redirects or {}),
                          text, flags=re.M)
    assert count == 1, "mkdocs.yml lost the wegwijs plugin's redirects entry"
    config = root / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "translations", root / "translations", dirs_exist_ok=True)
    for name in ("media", "data"):  # read beside mkdocs.yml (project.Project)
        if not (root / name).exists():
            (root / name).symlink_to(ROOT / name, target_is_directory=True)
    return config


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "proj"
    for rel, text in PAGES.items():
        path = root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    fixture_config(root)
    return root


def run_links(root: Path, *extra: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(["links", "--config", str(root / "mkdocs.yml"), *extra], out=out, err=err)
    return code, out.getvalue() + err.getvalue()


def build(root: Path, site: Path) -> Path:
    result = build_site(root, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def url_list(site: Path) -> dict[str, str]:
    return {u: i for _l, u, i in permalinks.parse_url_list((site / "urls.txt").read_text(encoding="utf-8"))}


# --------------------------------------------------------------------------- release URLs


def test_renaming_a_page_breaks_the_check_until_the_suggested_redirect_is_added(project, tmp_path):
    code, output = run_links(project, "--update-release")
    assert code == 0, output
    release = project / "urls" / "release.txt"
    released = [u for _l, u, _i in permalinks.parse_url_list(release.read_text(encoding="utf-8"))]
    assert {"/thema/wonen/", "/fa/thema/wonen/", "/en/thema/wonen/", "/go/thema-wonen/"} <= set(released)

    for name in ("wonen.md", "wonen.fa.md"):
        (project / "docs" / "thema" / name).rename(project / "docs" / "thema" / name.replace("wonen", "huis"))
    for page in ("index.md", "index.en.md", "thema/index.md", "professionals/index.md"):
        path = project / "docs" / page
        path.write_text(path.read_text(encoding="utf-8").replace("wonen.md", "huis.md"), encoding="utf-8")

    code, output = run_links(project)
    assert code == 1, output
    for lang in LANGS:
        url = f"/{lang}/thema/wonen/" if lang != "nl" else "/thema/wonen/"
        assert re.search(rf"{re.escape(url)} \(page 'thema-wonen'\) no longer resolves", output), output
    assert "/go/thema-wonen/" not in output  # the permanent link follows the id
    suggestions = set(re.findall(r"mkdocs\.yml: (\S+: \S+)", output))
    assert suggestions == {"thema/wonen.md: thema/huis.md"}, output
    assert output.count("release-url-broken") == 5

    # the same result without a build, as `python -m tools check` runs it
    source_findings = links.check_sources(Project(project))
    assert len([f for f in source_findings if f.rule == "release-url-broken"]) == 5

    old, new = suggestions.pop().split(": ")
    fixture_config(project, {old: new})
    code, output = run_links(project)
    assert code == 0, output
    assert links.check_sources(Project(project)) == []

    site = build(project, tmp_path / "site")
    for lang in LANGS:
        prefix = "" if lang == "nl" else f"{lang}/"
        page = (site / prefix / "thema" / "wonen" / "index.html").read_text(encoding="utf-8")
        assert '<meta http-equiv="refresh" content="0; url=../huis/">' in page
        assert f'<html lang="{lang}"' in page
        assert (site / prefix / "thema" / "huis" / "index.html").is_file()


def test_update_release_refuses_to_drop_a_broken_url(project):
    assert run_links(project, "--update-release")[0] == 0
    release = project / "urls" / "release.txt"
    before = release.read_text(encoding="utf-8")
    (project / "docs" / "thema" / "wonen.fa.md").unlink()
    (project / "docs" / "professionals" / "index.md").unlink()
    for page in ("index.md", "index.en.md"):
        path = project / "docs" / page
        path.write_text(path.read_text(encoding="utf-8").replace("(professionals/index.md)", "(thema/index.md)"),
                        encoding="utf-8")
    code, output = run_links(project, "--update-release")
    assert code == 1
    assert "/professionals/ (page 'professionals') no longer resolves" in output
    assert "professionals.md: index.md" in output and "no longer exists" in output
    assert release.read_text(encoding="utf-8") == before


def test_a_go_link_of_a_changed_id_needs_a_go_redirect(project):
    assert run_links(project, "--update-release")[0] == 0
    path = project / "docs" / "professionals" / "index.md"
    path.write_text(path.read_text(encoding="utf-8").replace("id: professionals", "id: voor-professionals"),
                    encoding="utf-8")
    code, output = run_links(project)
    assert code == 1 and "/go/professionals/ (page 'professionals') no longer resolves" in output
    assert "go/professionals: index.md" in output
    fixture_config(project, {"go/professionals": "professionals/index.md"})
    code, output = run_links(project)
    assert code == 0, output


# --------------------------------------------------------------------------- redirects config


def test_bad_redirects_stop_the_build_with_the_config_line(project, tmp_path):
    fixture_config(project, {"thema/oud.md": "thema/bestaat-niet.md", "thema/wonen.md": "index.md"})
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert re.search(r"mkdocs\.yml:\d+: \[error\] redirect 'thema/oud.md' leads to 'thema/bestaat-niet.md'", output)
    assert "redirect 'thema/wonen.md': thema/wonen.md is a page at that address now" in output
    findings = links.check_sources(Project(project))
    assert {f.rule for f in findings if f.severity == "error"} == {"redirects"}


def test_redirect_chains_and_anchors_are_followed(project, tmp_path):
    fixture_config(project, {"oud/a.md": "oud/b.md", "oud/b.md": "thema/wonen.md#stappenplan"})
    site = build(project, tmp_path / "site")
    page = (site / "fa" / "oud" / "a" / "index.html").read_text(encoding="utf-8")
    assert 'url=../../thema/wonen/#stappenplan"' in page
    assert url_list(site)["/fa/oud/a/"] == "thema-wonen"
    assert links.check_site(site, "https://wegwijs.hilversum.nl/") == []


# --------------------------------------------------------------------------- the built site


def test_url_list_has_every_page_language_and_go_link_and_matches_the_sources(project, tmp_path):
    fixture_config(project, {"oud/pagina.md": "thema/wonen.md"})
    site = build(project, tmp_path / "site")
    urls = url_list(site)
    for lang in LANGS:
        prefix = "/" if lang == "nl" else f"/{lang}/"
        assert urls[prefix] == "home" and urls[prefix + "thema/wonen/"] == "thema-wonen"
        assert urls[prefix + "oud/pagina/"] == "thema-wonen"
    for page_id in ("home", "themas", "thema-wonen", "professionals"):
        assert urls[f"/go/{page_id}/"] == page_id
    assert urls["/professionals/"] == "professionals"
    assert not any(u.endswith("/professionals/") and u != "/professionals/" and not u.startswith("/go/")
                   for u in urls)
    for url in urls:  # every listed URL is really there
        assert (site / url.strip("/") / "index.html").is_file(), url
    model = content_model.load_model(project / "mkdocs.yml")
    entries = permalinks.inventory(content_model.scan(model, root=project))
    redirects, problems = permalinks.load_redirects(project / "mkdocs.yml", entries)
    assert problems == []
    assert permalinks.public_urls(entries, redirects, model.languages) == urls


def test_dutch_only_pages_are_not_built_as_fallbacks_and_links_to_them_lead_to_dutch(project, tmp_path):
    site = build(project, tmp_path / "site")
    assert (site / "professionals" / "index.html").is_file()
    for lang in LANGS[1:]:
        assert not (site / lang / "professionals").exists()
        home = (site / lang / "index.html").read_text(encoding="utf-8")
        assert 'href="../professionals/"' in home  # the Dutch page, not a missing /<lang>/ copy
        assert f'/{lang}/professionals/' not in (site / "sitemap.xml").read_text(encoding="utf-8")
    page = (site / "professionals" / "index.html").read_text(encoding="utf-8")
    assert set(re.findall(r'<a href="[^"]*" hreflang="(\w+)"', page)) == {"nl"}  # language switcher
    assert links.check_site(site, "https://wegwijs.hilversum.nl/") == []


def test_broken_links_and_anchors_are_found_and_named_by_source(project, tmp_path):
    path = project / "docs" / "thema" / "wonen.md"
    path.write_text(path.read_text(encoding="utf-8")
                    + "\nZie [het stappenplan](../index.md#bestaat-niet).\n\n"
                    + '<p><a href="../nergens/">weg</a></p>\n', encoding="utf-8")
    site = build(project, tmp_path / "site")
    findings = links.check_built(site, Project(project), project / "urls" / "release.txt")
    errors = [f for f in findings if f.severity == "error"]
    assert {f.rule for f in errors} == {"broken-link", "broken-anchor"}
    by_rule = {f.rule: f for f in errors}
    assert by_rule["broken-anchor"].path.endswith("docs/thema/wonen.md")
    assert "has no anchor '#bestaat-niet'" in by_rule["broken-anchor"].message
    assert "/thema/nergens/, which does not exist" in by_rule["broken-link"].message
    assert "(the same on 3 other pages)" in by_rule["broken-link"].message  # nl + 3 fallbacks (fa has its own text)
    code, output = run_links(project)
    assert code == 1 and "broken-anchor" in output


def test_go_pages_list_every_language_and_fall_back_to_dutch_without_javascript(project, tmp_path):
    site = build(project, tmp_path / "site")
    page = (site / "go" / "thema-wonen" / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in page and '<script src="../../assets/wegwijs/go.js"></script>' in page
    assert '<noscript><meta http-equiv="refresh" content="0; url=../../thema/wonen/"></noscript>' in page
    assert 'hreflang="fa" href="../../fa/thema/wonen/" data-translated="true"' in page
    assert 'hreflang="en" href="../../en/thema/wonen/" data-translated="false"' in page
    assert (site / "assets" / "wegwijs" / "go.js").is_file()
    assert not (site / "qr").exists()  # QR codes only when a linking kit page is built
    dutch_only = (site / "go" / "professionals" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'hreflang="(\w+)"', dutch_only) == ["nl", "nl"]


def test_qr_codes_per_page_and_language_encode_the_right_address(project, tmp_path):
    import segno  # pinned in requirements.txt

    (project / "docs" / "professionals" / "linken.md").write_text(
        "---\nid: professionals-linken\ntype: professionals\norder: 3\ntranslate: false\n---\n\n"
        "# Linken\n\n[[linkkit]]\n", encoding="utf-8")
    site = build(project, tmp_path / "site")
    kit = (site / "professionals" / "linken" / "index.html").read_text(encoding="utf-8")
    assert "[[linkkit]]" not in kit
    for page_id, langs in {"thema-wonen": LANGS, "home": LANGS, "professionals": ("nl",)}.items():
        assert f'href="../../go/{page_id}/"' in kit
        for lang in (*langs, "go"):
            svg = site / "qr" / f"{page_id}.{lang}.svg"
            assert f'src="../../qr/{page_id}.{lang}.svg"' in kit
            assert ElementTree.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"
        for lang in LANGS:
            assert (site / "qr" / f"{page_id}.{lang}.svg").exists() == (lang in langs)
    expected = io.BytesIO()
    segno.make("https://wegwijs.hilversum.nl/fa/thema/wonen/", error="m", micro=False).save(
        expected, kind="svg", scale=4, border=4)
    made = (site / "qr" / "thema-wonen.fa.svg").read_text(encoding="utf-8")
    path_of = lambda svg: re.findall(r' d="([^"]+)"', svg)[-1]  # the dark modules  # noqa: E731
    assert path_of(made) == path_of(expected.getvalue().decode())
    assert links.check_site(site, "https://wegwijs.hilversum.nl/") == []


# --------------------------------------------------------------------------- the real site


def test_real_site_has_no_broken_link_and_every_released_url_works(built_site):
    findings = links.check_built(built_site, Project(ROOT), ROOT / permalinks.RELEASE_FILE)
    errors = [f.format() for f in findings if f.severity == "error"]
    assert errors == [], "\n".join(errors)


def expected_urls(docs: Path) -> dict[str, str]:
    """The public URLs by MkDocs' directory URLs, worked out here from the file names:
    docs/a/b.md -> /a/b/ and docs/a/index.md -> /a/, in every language (/en/a/b/ ...)
    unless its front matter says 'translate: false'; /go/<id>/ for every page. A story
    whose consent was withdrawn has none, nor has docs/verhalen/ while it holds no story
    that is shown. (The real mkdocs.yml has no redirects.)"""
    import yaml

    def meta_of(path: Path) -> dict:
        return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])

    def shown_story(meta: dict) -> bool:
        return meta.get("type") == "verhaal" and not (meta.get("consent") or {}).get("withdrawn")

    any_story = any(shown_story(meta_of(p)) for p in sorted(docs.glob("verhalen/*.md"))
                    if not re.search(r"\.[a-z]{2}\.md$", p.name))
    urls = {}
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        if re.search(r"\.[a-z]{2}\.md$", rel):
            continue  # a translation: same URL under its language
        meta = meta_of(path)
        if rel.startswith("verhalen/") and not (any_story and (
                rel == "verhalen/index.md" or shown_story(meta))):
            continue  # not published (tools/wegwijs/sources/stories.py)
        url = "/" + re.sub(r"(^|/)index$", r"\1", rel[:-3])
        url = url if url.endswith("/") else url + "/"
        for lang in LANGS[:1] if meta.get("translate") is False else LANGS:
            urls[url if lang == "nl" else f"/{lang}{url}"] = meta["id"]
        urls[f"/go/{meta['id']}/"] = meta["id"]
    return urls


def test_real_site_url_list_matches_the_sources(built_site):
    listed = url_list(built_site)
    known = {"/": "home", "/en/": "home", "/thema/wonen/": "thema-wonen",
             "/fa/thema/wonen/": "thema-wonen", "/fase/": "fases", "/go/thema-wonen/": "thema-wonen",
             "/professionals/linken/": "professionals-linken"}
    assert {url: listed.get(url) for url in known} == known
    assert "/en/professionals/linken/" not in listed  # Dutch only
    assert listed == expected_urls(ROOT / "docs")


def test_professional_pages_are_dutch_only_in_the_real_site(built_site):
    pages = [p for p in (ROOT / "docs" / "professionals").glob("*.md")]
    assert pages, "docs/professionals/ is missing"
    for page in pages:
        assert re.match(r"[a-z0-9-]+\.md$", page.name), f"{page.name}: professional pages are Dutch only"
        text = page.read_text(encoding="utf-8")
        assert "translate: false" in text and "type: professionals" in text, page
    for lang in LANGS[1:]:
        assert not (built_site / lang / "professionals").exists()


def test_anchors_promised_to_partners_exist_on_every_page_in_every_language(built_site):
    """docs/professionals/linken.md lists the heading anchors partners may link to, per page type."""
    text = (ROOT / "docs" / "professionals" / "linken.md").read_text(encoding="utf-8")
    promised = {}
    for label, cells in re.findall(r"^\| (Fase|Thema) \| (.+) \|$", text, flags=re.M):
        promised[label.lower()] = re.findall(r"`#([a-z0-9-]+)`", cells)
    assert set(promised) == {"fase", "thema"} and all(promised.values()), promised
    model = content_model.load_model(ROOT / "mkdocs.yml")
    site = content_model.scan(model, root=ROOT)
    types = {p.id: p.meta.get("type") for p in site.by_lang("nl")}
    checked = 0
    for entry in permalinks.inventory(site):
        if types.get(entry.id) not in promised or entry.src.endswith("index.md"):
            continue
        for lang in entry.translated:
            page = built_site / entry.url(lang, "nl").strip("/") / "index.html"
            ids = set(re.findall(r'\sid="([^"]+)"', page.read_text(encoding="utf-8")))
            missing = [a for a in promised[types[entry.id]] if a not in ids]
            assert not missing, f"{entry.url(lang, 'nl')}: no heading {{#{missing[0]}}}"
            checked += 1
    assert checked >= 5


def test_making_a_released_page_dutch_only_is_reported(project):
    assert run_links(project, "--update-release")[0] == 0
    path = project / "docs" / "thema" / "wonen.md"
    path.write_text(path.read_text(encoding="utf-8").replace("order: 1\n", "order: 1\ntranslate: false\n", 1),
                    encoding="utf-8")
    (project / "docs" / "thema" / "wonen.fa.md").unlink()
    findings = links.check_sources(Project(project))
    broken = sorted(f.message.split(" ")[0] for f in findings if f.rule == "release-url-broken")
    assert broken == ["/ar/thema/wonen/", "/en/thema/wonen/", "/fa/thema/wonen/", "/ti/thema/wonen/"]
    assert all("remove 'translate: false'" in f.message for f in findings if f.rule == "release-url-broken")
