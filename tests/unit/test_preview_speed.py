"""What makes a `make serve` rebuild fast (plugin/steps/preview.py, content_model's
per-file cache) without changing what it shows: only while serving with --dirty and
after a good first build; an edited template or page is read again."""
from __future__ import annotations

import fnmatch
import os
import time
from pathlib import Path

import jinja2
import mkdocs

from tests.conftest import make_fixture_site
from tools.wegwijs.plugin.steps import preview as P
from tools.wegwijs.sources import content_model as cm

HEAD = "---\nid: {id}\ntype: pagina\norder: 1\n---\n\n# {title}\n\nTekst.\n"


def test_rebuild_shortcuts_only_while_serving_dirty_after_a_good_build():
    build = P.Preview()
    P.start(build, "build", False)
    build.built = True
    assert not P.rebuilding(build)
    full = P.Preview()
    P.start(full, "serve", False)  # make serve --full
    full.built = True
    assert not P.rebuilding(full)
    serve = P.Preview()
    P.start(serve, "serve", True)
    assert not P.rebuilding(serve)  # the first build writes everything
    serve.built = True
    assert P.rebuilding(serve)


def _mkdocs_filter(name: str) -> bool:
    """MkDocs' own filter in Files.add_files_from_theme (the dot and template rules)."""
    patterns = [".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*"]
    return not any(fnmatch.fnmatch(name.lower(), p) for p in patterns)


def test_theme_file_list_is_mkdocs_list_without_dot_folders_and_kept_outside_the_project(tmp_path):
    material = Path(mkdocs.__file__).parent.parent / "material" / "templates"
    project = tmp_path / "overrides"
    (project / ".hidden").mkdir(parents=True)
    (project / ".hidden" / "x.svg").write_text("x")
    (project / "assets").mkdir()
    (project / "assets" / "a.css").write_text("a")
    listings: dict = {}
    loader = P.ThemeFiles([str(project), str(material)], tmp_path, listings)
    plain = jinja2.FileSystemLoader([str(project), str(material)])
    assert sorted(filter(_mkdocs_filter, loader.list_templates())) == \
        sorted(filter(_mkdocs_filter, plain.list_templates()))
    assert not any(name.startswith(".") or "/." in name for name in loader.list_templates())
    assert list(listings) == [str(material)]  # the installed theme only
    (project / "assets" / "b.css").write_text("b")  # overrides/ is listed again
    assert "assets/b.css" in loader.list_templates()


def test_memory_bytecode_cache_compiles_an_edited_template_again(tmp_path):
    cache = P.MemoryBytecodeCache()
    template = tmp_path / "t.html"
    template.write_text("eerst")

    def render():
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), bytecode_cache=cache)
        return env.get_template("t.html").render()

    assert render() == "eerst" and cache.store
    assert render() == "eerst"  # from the cache
    template.write_text("daarna")
    assert render() == "daarna"


def test_scan_reads_only_changed_files_again(tmp_path):
    config = make_fixture_site(tmp_path, {"a.md": HEAD.format(id="a", title="A"),
                                          "b.md": HEAD.format(id="b", title="B")})
    model = cm.load_model(config)
    first = {p.src: p for p in cm.scan(model, tmp_path).pages}
    changed = tmp_path / "docs" / "b.md"
    changed.write_text(HEAD.format(id="b", title="Bee"), encoding="utf-8")
    later = time.time() + 5  # a different modification time, whatever the clock's grain
    os.utime(changed, (later, later))
    second = {p.src: p for p in cm.scan(model, tmp_path).pages}
    assert second["a.md"] is first["a.md"]  # not read again
    assert second["b.md"] is not first["b.md"] and second["b.md"].title == "Bee"
