"""MkDocs hooks: translation status on the site.

- ``on_config``: work out which translations are missing or outdated
  (``tools/translations.status``), once per run, in the Dutch build;
- ``on_page_markdown``: the status page for content managers (front matter
  ``type: status``) gets its body generated: per language the share of pages
  translated and up to date, and every missing or outdated page;
- ``on_page_content``: an outdated translation gets a notice in the reader's
  language ("the Dutch page is newer") with a link to the Dutch page.
  (A missing translation falls back to the Dutch page with its own notice: see
  ``overrides/main.html``.)

The logic lives in ``tools/translations.py`` and ``tools/translation_status_page.py``.
"""
from __future__ import annotations

import html
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import content_model, translation_status_page, translations, ui_strings  # noqa: E402


class _State:
    status: translations.Status | None = None
    model: content_model.Model | None = None


STATE = _State()


def _lang(config) -> str:
    return config.theme.get("language") or "nl"


def on_config(config):
    model = content_model.load_model(Path(config.config_file_path))
    if STATE.status is None or _lang(config) == model.default_language:
        STATE.model = model
        STATE.status = translations.status(model, root=Path(config.config_file_path).parent)
    return config


def on_page_markdown(markdown, page, config, files):
    if (page.meta or {}).get("type") != "status" or STATE.status is None:
        return markdown
    generated = translation_status_page.render(STATE.status)
    marker = translation_status_page.MARKER
    if marker in markdown:
        return markdown.replace(marker, generated)
    return markdown.rstrip() + "\n\n" + generated


def _outdated_langs(path: str) -> tuple[str | None, bool]:
    """(language of this file, whether it is an outdated translation)."""
    model = STATE.model
    try:
        src, lang = content_model.split_source(model.docs_dir, Path(path), model)
    except ValueError:
        return None, False
    for entry in STATE.status.pages:
        if entry.source.src == src:
            return lang, lang in entry.outdated
    return lang, False


def on_page_content(html_text, page, config, files):
    if STATE.status is None or not page.file.abs_src_path:
        return html_text
    lang = _lang(config)
    file_lang, outdated = _outdated_langs(page.file.abs_src_path)
    if not outdated or file_lang != lang:
        return html_text
    strings = ui_strings.catalog(lang)
    missing = [k for k in ("wegwijs.outdated.notice", "wegwijs.outdated.link") if k not in strings]
    if missing:
        raise PluginError(f"translations/{lang}.po lacks {', '.join(missing)}")
    dutch = STATE.model.default_language
    alternates = getattr(page.file, "alternates", {}) or {}
    target = alternates.get(dutch)
    link = ""
    if target is not None:
        url = get_relative_url(target.url, page.url) if page.url else target.url
        link = (f' <a href="{html.escape(url)}" hreflang="{dutch}">'
                f'{html.escape(strings["wegwijs.outdated.link"])}</a>')
    notice = (f'<p class="wegwijs-notice wegwijs-notice--outdated" role="note" '
              f'data-wegwijs-outdated="{dutch}" data-pagefind-ignore="all">'
              f'{html.escape(strings["wegwijs.outdated.notice"])}{link}</p>\n')
    return notice + html_text
