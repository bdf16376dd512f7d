"""The ``wegwijs`` MkDocs plugin: the order of every build step, in one place.

mkdocs-static-i18n (priority -100 on most events) builds the default language, then,
inside that build's ``on_post_build``, one inner build per other language with the
same config object. Each event below runs our steps in the order listed, at a
priority chosen relative to static-i18n:

=================  ========  ==========================================================
event              priority  steps, in order
=================  ========  ==========================================================
on_config          -50       (before i18n) per run: content.configure (pages, nav),
                             visitor_tools.configure (begrippen), tasks.configure
                             (the catalogues in data/), links.configure,
                             translations.configure, freshness.configure (what is
                             due for review); per language: nav,
                             links.filter_nav, Markdown extensions (checklist,
                             glossary, video, tasks [[taak:…]], contacts [[contact:…]],
                             practice questions)
on_files           -110      (after i18n chose the language's files) stories.filter_files
                             (withdrawn stories, an empty Verhalen), links.filter_files
on_nav             -150      (after i18n localised the nav) content.title_sections
on_env             0         content.template_globals (interface strings, dates)
on_page_markdown   0         (after i18n at 50) media.start_page,
                             visitor_tools.page_markdown, practice.page_markdown,
                             links.page_markdown, translations.page_markdown,
                             freshness.page_markdown
on_page_content    0         practice.page_content, freshness.page_content ("Gecontroleerd
                             op"), professionals.page_content (task overview),
                             stories.page_content (the list of stories),
                             visitor_tools.page_content, translations.page_content
on_page_context    0         (after i18n at 50) content.page_context,
                             visitor_tools.page_context (stappenplan, werkmap),
                             external_links.page_context (last: every link to
                             another site gets rel and the "(andere website)" marker)
on_post_page       -90       links.record_page, fold whitespace
on_template_context 0        content.static_base_url (offline.html like 404.html)
on_post_template   0         content.keep_404
on_post_build      -200      (after i18n built every language; outer build only)
                             content.finish (404, search index), media.finish,
                             links.finish, stylesheets.finish (PurgeCSS: Material's
                             unused rules removed; copied as is in the preview),
                             visitor_tools.finish (places, sw.js last: it hashes
                             everything else)
on_serve           0         watch the project's media/; preview.serve
on_startup,        -         preview only (mkdocs serve): preview.start, and in the outer
on_build_error               on_config preview.before_build (check the saved pages) and
                             state.previewing (no sw.js) and preview.rebuilding
                             (state.preview_rebuild: a rebuild after a save skips the
                             search index, /go/, redirects, QR codes and urls.txt),
                             preview.speed_up (theme file list kept), on_env
                             preview.cache_templates (compiled templates kept; no 404 or
                             offline page on a rebuild), on_post_build preview.after_build,
                             on_build_error preview.build_error (steps/preview.py)
=================  ========  ==========================================================
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority

from tools.wegwijs.plugin import i18n
from tools.wegwijs.plugin.config import WegwijsConfig
from tools.wegwijs.plugin.state import BuildState
from tools.wegwijs.plugin.steps import (content, contacts, external_links, freshness, links,
                                          media, practice, preview, professionals, stories,
                                          stylesheets, tasks, translations, visitor_tools)
from tools.wegwijs.render import html_whitespace, templates
from tools.wegwijs.project import Project


class WegwijsPlugin(BasePlugin[WegwijsConfig]):
    supports_multiple_instances = False

    def __init__(self):
        super().__init__()
        self.state = BuildState()
        self.preview = preview.Preview()

    def on_startup(self, command, dirty):
        preview.start(self.preview, command, dirty)

    @event_priority(-50)
    def on_config(self, config):
        state = self.state
        lang = i18n.current_language(config)
        if not i18n.is_inner_build(config):
            preview.before_build(self.preview, config)
            # Preview only: no offline worker; a rebuild after a save skips the site-wide
            # extras (steps/preview.py).
            state.previewing = self.preview.serving
            state.preview_rebuild = preview.rebuilding(self.preview)
            preview.speed_up(self.preview, config)
        if state.site is None or lang == i18n.default_language(config):
            state.project = Project.from_config_file(config.config_file_path)
            content.configure(state, config)
            visitor_tools.configure(state)
            tasks.configure(state)
            links.configure(state, config, self.config.redirects)
            translations.configure(state, config)
            freshness.configure(state, config, self.config.review_months)
        state.start_language(lang)
        config["nav"] = state.nav
        links.filter_nav(state, config)
        visitor_tools.register_extensions(state, config)
        media.register_extension(state, config)
        tasks.register_extension(state, config)
        contacts.register_extension(state, config)
        practice.register_extension(state, config)
        if state.templates is None:
            state.templates = templates.environment(config.theme.dirs)
        return config

    @event_priority(-110)
    def on_files(self, files, config):
        files = stories.filter_files(self.state, files, config)
        return links.filter_files(self.state, files, config)

    @event_priority(-150)
    def on_nav(self, nav, config, files):
        content.title_sections(self.state, nav.items)
        return nav

    def on_env(self, env, config, files):
        content.template_globals(self.state, env)
        preview.cache_templates(self.preview, env, config)
        return env

    def on_page_markdown(self, markdown, page, config, files):
        state = self.state
        media.start_page(state, page)
        visitor_tools.page_markdown(state, page)
        practice.page_markdown(state, page)
        markdown = links.page_markdown(state, markdown, page, config)
        markdown = translations.page_markdown(state, markdown, page)
        return freshness.page_markdown(state, markdown, page)

    def on_page_content(self, html, page, config, files):
        html = practice.page_content(self.state, html, page)
        html = freshness.page_content(self.state, html, page)
        html = professionals.page_content(self.state, html, page, files, config)
        html = stories.page_content(self.state, html, page, files)
        html = visitor_tools.page_content(self.state, html, page, files)
        return translations.page_content(self.state, html, page)

    def on_page_context(self, context, page, config, nav):
        content.page_context(self.state, context, page, nav)
        visitor_tools.page_context(self.state, page)
        external_links.page_context(self.state, page, config)
        return context

    @event_priority(-90)
    def on_post_page(self, output, page, config):
        links.record_page(self.state, page)
        return html_whitespace.fold(output)

    def on_template_context(self, context, template_name, config):
        content.static_base_url(context, template_name, config)
        return context

    def on_post_template(self, output, template_name, config):
        if template_name in content.STATIC_PAGES:
            content.keep_404(self.state, config, output, template_name)
        return output

    @event_priority(-200)
    def on_post_build(self, config):
        if i18n.is_inner_build(config):
            return
        state = self.state
        content.finish(state, config)
        media.finish(state, config)
        links.finish(state, config)
        stylesheets.finish(state, config, self.preview.serving)
        visitor_tools.finish(state, config)
        preview.after_build(self.preview, config)

    def on_build_error(self, error):
        preview.build_error(self.preview, error)

    def on_serve(self, server, config, builder):
        server.watch(str(self.state.project.media_dir))
        preview.serve(self.preview, server)
        return server
