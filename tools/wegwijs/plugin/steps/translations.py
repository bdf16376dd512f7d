"""Build step: translation status on the site.

- ``configure``: work out which translations are missing or outdated
  (``checks.translations.status``), once per run, in the default-language build;
- ``page_markdown``: the status page for content managers (front matter
  ``type: status``) gets its body generated: per language the share of pages
  translated and up to date, and every missing or outdated page;
- ``page_content``: an outdated translation gets a notice in the reader's
  language ("the Dutch page is newer") with a link to the Dutch page.
  (A missing translation falls back to the Dutch page with its own notice: see
  ``overrides/main.html``.)

The logic lives in ``checks/translations.py`` and ``render/translation_status_page.py``.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.utils import get_relative_url

from tools.wegwijs.checks import translations
from tools.wegwijs.plugin import i18n
from tools.wegwijs.render import templates, translation_status_page
from tools.wegwijs.sources import content_model


def configure(state, config) -> None:
    state.translation_status = translations.status(
        state.site.model, state.project.root, state.site)


def page_markdown(state, markdown: str, page) -> str:
    if (page.meta or {}).get("type") != "status" or state.translation_status is None:
        return markdown
    generated = translation_status_page.render(state.translation_status)
    marker = translation_status_page.MARKER
    if marker in markdown:
        return markdown.replace(marker, generated)
    return markdown.rstrip() + "\n\n" + generated


def _outdated(state, path: str) -> tuple[str | None, bool]:
    """(language of this file, whether it is an outdated translation)."""
    model = state.site.model
    try:
        src, lang = content_model.split_source(model.docs_dir, Path(path), model)
    except ValueError:
        return None, False
    for entry in state.translation_status.pages:
        if entry.source.src == src:
            return lang, lang in entry.outdated
    return lang, False


def page_content(state, html_text: str, page) -> str:
    if state.translation_status is None or not page.file.abs_src_path:
        return html_text
    lang = state.lang
    file_lang, outdated = _outdated(state, page.file.abs_src_path)
    if not outdated or file_lang != lang:
        return html_text
    dutch = state.site.model.default_language
    target = i18n.alternates(page.file).get(dutch)
    url = None
    if target is not None:
        url = get_relative_url(target.url, page.url) if page.url else target.url
    notice = templates.render("outdated.html", state.templates, t=state.t(lang),
                              default_lang=dutch, url=url)
    return notice + "\n" + html_text
