"""MkDocs hooks: connect the content model, interface strings and search to the build.

mkdocs-static-i18n builds the site once per language (Dutch first, at ``/``; then
``/en/``, ``/ar/``, ``/ti/``, ``/fa/``), calling these hooks in every build. The
current language is ``config.theme.language``. What each hook does:

- ``on_config``: validate every page's front matter (the build stops with
  ``path:line: message`` on any error) and build the navigation from it;
- ``on_nav``: section titles from each language's own index page;
- ``on_env``: interface strings from translations/ and CLDR data from Babel;
- ``on_page_context``: language alternates, untranslated-page notice, fase/thema links;
- ``on_post_page``: fold the templates' indentation out of the HTML;
- ``on_post_build``: a 404 page per language; after the last language, the
  per-language Pagefind search index.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page as MkPage

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import content_model, html_whitespace, search_index, site_nav, ui_strings  # noqa: E402

log = logging.getLogger("mkdocs.hooks.wegwijs")


class _State:
    """What the hooks share between the per-language builds of one run."""

    site: content_model.Site | None = None
    nav: list | None = None
    relations: dict[str, list[str]] = {}
    missing_ui: set[tuple[str, str]] = set()
    default_404: str | None = None
    pages_by_id: dict = {}
    pages_by_id_nav = None


STATE = _State()


def _lang(config) -> str:
    return config.theme.get("language") or "nl"


def _inner_build(config) -> bool:
    """True while static-i18n builds a further language inside the first build."""
    i18n = config.plugins.get("i18n")
    return bool(i18n and getattr(i18n, "building", False))


def _default_lang(config) -> str:
    return content_model.load_model(Path(config.config_file_path)).default_language


# --------------------------------------------------------------------------- config


def on_config(config):
    model = content_model.load_model(Path(config.config_file_path))
    if _lang(config) == model.default_language or STATE.site is None:
        site = content_model.scan(model, root=Path(config.config_file_path).parent)
        errors = [f for f in site.findings if f.severity == "error"]
        if errors:
            text = "\n".join(f.format() for f in errors)
            raise PluginError(f"The content has {len(errors)} error(s):\n{text}")
        STATE.site = site
        STATE.nav = site_nav.build_nav(site)
        STATE.relations = site_nav.relations(site)
        STATE.missing_ui = set()
    config["nav"] = STATE.nav
    return config


# --------------------------------------------------------------------------- nav


@event_priority(-150)  # after static-i18n has swapped in this language's pages
def on_nav(nav, config, files):
    _title_sections(nav.items)
    return nav


def _title_sections(items) -> None:
    """A section's title is the title of its index page, in this build's language."""
    for item in items:
        if item.is_section and item.children:
            first = item.children[0]
            if isinstance(first, MkPage):
                title = _title_of_file(first.file.abs_src_path)
                if title:
                    item.title = title
            _title_sections(item.children)


def _title_of_file(path: str) -> str | None:
    model = STATE.site.model if STATE.site else content_model.load_model()
    page, _ = content_model.read_page(Path(path), model)
    return site_nav.page_title(page) if page else None


# --------------------------------------------------------------------------- templates


def on_env(env, config, files):
    lang = _lang(config)
    strings = ui_strings.catalog(lang)

    def translate(key: str) -> str:
        if key in strings:
            return strings[key]
        STATE.missing_ui.add((lang, key))
        return key

    env.globals["wegwijs_t"] = translate
    env.globals["wegwijs_language"] = ui_strings.language_info
    env.filters["wegwijs_date"] = lambda value, fmt="long": ui_strings.format_date(value, lang, fmt)
    return env


def on_page_context(context, page, config, nav):
    lang = _lang(config)
    default = _default_lang(config)
    file = page.file
    alternates = []
    for code, alt in sorted(getattr(file, "alternates", {}).items(),
                            key=lambda kv: STATE.site.model.languages.index(kv[0])):
        alternates.append({"lang": code, "url": alt.url, "translated": alt.locale == code,
                           "info": ui_strings.language_info(code)})
    source_locale = getattr(file, "locale", lang)
    context["wegwijs"] = {
        "lang": lang,
        "default_lang": default,
        "alternates": alternates,
        "fallback": source_locale != lang,  # Dutch page shown because no translation exists
        "source_lang": source_locale,
        "related": _related(page, nav),
    }
    return context


def _related(page, nav) -> list[dict]:
    ids = STATE.relations.get((page.meta or {}).get("id"), [])
    if not ids:
        return []
    if STATE.pages_by_id_nav is not nav:  # once per language build, not once per page
        STATE.pages_by_id = {p.meta.get("id"): p for p in nav.pages if p.meta}
        STATE.pages_by_id_nav = nav
    by_id = STATE.pages_by_id
    return [{"title": by_id[i].title, "url": by_id[i].url} for i in ids if i in by_id]


# --------------------------------------------------------------------------- output


@event_priority(-90)  # after other hooks have changed the page
def on_post_page(output, page, config):
    return html_whitespace.fold(output)


def on_post_template(output, template_name, config):
    """Keep a 404 page per language: static-i18n would leave only the last one built."""
    if template_name == "404.html":
        lang = _lang(config)
        if lang == _default_lang(config):
            STATE.default_404 = html_whitespace.fold(output)
        else:
            target = Path(config.site_dir) / lang / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html_whitespace.fold(output), encoding="utf-8")
    return output


@event_priority(-200)  # after static-i18n has built the other languages
def on_post_build(config):
    """In the outer (default-language) build, once every language is written."""
    if _inner_build(config):
        return
    if STATE.default_404 is not None:
        (Path(config.site_dir) / "404.html").write_text(STATE.default_404, encoding="utf-8")
    if STATE.missing_ui:
        for lang in sorted({l for l, _ in STATE.missing_ui}):
            keys = sorted(k for l, k in STATE.missing_ui if l == lang)
            log.warning(f"translations/{lang}.po lacks interface strings the templates use: "
                        f"{', '.join(keys)}. Add them (python -m tools ui-strings lists all).")
    count = search_index.build(Path(config.site_dir))
    log.info(f"Search index: {count} pages")
