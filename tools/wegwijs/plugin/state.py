"""The one build-state object the plugin's steps share between the per-language builds.

mkdocs-static-i18n runs one MkDocs build per language inside one ``mkdocs build``.
What is read once per run (the pages and their front matter, the begrippenlijst, the
catalogues in data/, redirects, translation status) is set in the default language's ``on_config``; what
belongs to one language's build (rendered pages, the current page) is reset at the
start of each language build. Steps read and write only their own fields.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class BuildState:
    # --- per run (set in the default-language build's on_config)
    site: Any = None  # sources.content_model.Site: every page with validated front matter
    nav: list | None = None  # MkDocs nav of Dutch source paths (render.navigation)
    relations: dict = field(default_factory=dict)  # page id -> related page ids (fase <-> thema)
    default_404: str | None = None  # the default language's 404 page (others are written at once)
    default_static: dict = field(default_factory=dict)  # same for other static pages (offline.html)
    glossary: Any = None  # markdown.glossary.Glossary of every language
    catalogue: Any = None  # sources.catalogue.Catalogue of data/ (tasks, contacts, ...): tasks.configure
    link_entries: list = field(default_factory=list)  # render.permalinks.Entry per page
    redirects: list = field(default_factory=list)  # render.permalinks.Redirect
    dutch_only: set = field(default_factory=set)  # source paths of 'translate: false' pages
    left_out: dict = field(default_factory=dict)  # source path -> why it is not built (stories)
    built_urls: dict = field(default_factory=dict)  # public URL -> page id, pages written
    linkkit: bool = False  # a page with [[linkkit]] was built: QR codes are needed
    translation_status: Any = None  # checks.translations.Status
    glossary_extension: Any = None  # markdown.glossary.GlossaryExtension, configured per page
    video_extension: Any = None  # markdown.video.VideoExtension
    tasks_extension: Any = None  # markdown.tasks.TasksExtension ([[taak:…]] lines)
    contact_extension: Any = None  # markdown.contacts.ContactExtension
    practice_extension: Any = None  # markdown.practice.PracticeExtension, configured per page
    templates: Any = None  # jinja2.Environment over the theme dirs (autoescaped partials)
    project: Any = None  # project.Project of mkdocs.yml: where media/, data/, translations/ are
    review_due: list = field(default_factory=list)  # checks.freshness.Due: due for review
    review_months: int = 12  # the plugin option review_months
    review_today: Any = None  # datetime.date the review list was made for
    # Extra precache lists for the service worker beside "offline" (render.precache):
    # {list name: {lang: [site paths]}}, e.g. "practice"; written by visitor_tools.finish.
    precache_lists: dict = field(default_factory=dict)
    # Preview only (steps/preview.py); both always False in `mkdocs build`.
    # previewing: mkdocs serve: no offline service worker (visitor_tools.finish; the
    # preview writes a sw.js that removes itself, so no stale copy hides an edit).
    # preview_rebuild: a rebuild after a save in `make serve` (--dirty): the steps skip
    # the site-wide files a page view does not need (search index, /go/ and redirect
    # pages, QR codes, urls.txt): the first build wrote them.
    previewing: bool = False
    preview_rebuild: bool = False

    # --- per language build (reset in each language's on_config)
    lang: str = "nl"
    rendered: dict = field(default_factory=dict)  # page url -> render.plan_pages.Rendered
    glossary_entries: list = field(default_factory=list)
    glossary_entries_lang: str | None = None
    term_page: str | None = None  # this language's begrippen page URL
    type_urls: dict = field(default_factory=dict)  # page type -> this language's URL
    pages_by_id: dict = field(default_factory=dict)
    pages_by_id_nav: Any = None

    # --- per page
    page: Any = None  # the MkDocs page being rendered (for relative URLs, path:line)
    players_on_page: int = 0  # video players on the current page (unique DOM ids)

    def t(self, lang: str | None = None):
        """The translation function of a language (default: this build's); a missing
        interface string stops the build (render.ui_strings.t)."""
        from tools.wegwijs.render import ui_strings

        return ui_strings.t(lang or self.lang, self.project.translations_dir)

    def start_language(self, lang: str) -> None:
        """Forget what belongs to the previous language's build."""
        self.lang = lang
        self.rendered = {}
        self.glossary_entries_lang = None
        self.term_page = None
        self.type_urls = {}
        self.pages_by_id = {}
        self.pages_by_id_nav = None
