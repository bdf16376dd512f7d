"""Build step: ship only the CSS rules the built site uses (issue 17, item 6).

``finish`` (on_post_build, after every language and before the service worker, so its
precache revision is the purged file's): Material's stylesheet goes through PurgeCSS
over every built page and our scripts (render/css_purge.py) into
``assets/wegwijs/material.css``, the stylesheet overrides/main.html links; then our own
scripts and stylesheets are minified with esbuild (render/minify.py). The build
needs Node.js and the npm packages for this (``make build`` installs them); when they
are missing it stops with what to install.

The preview (``make serve``; the plugin's ``on_startup`` says ``command == "serve"``)
skips PurgeCSS and minifying: it copies Material's stylesheet unchanged, so saving a page stays fast
and the preview does not need Node.
"""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

from tools.wegwijs.project import DEFAULT_ROOT
from tools.wegwijs.render import css_purge, minify

log = logging.getLogger("mkdocs.plugins.wegwijs")


def finish(state, config, serving: bool) -> None:
    site_dir = Path(config.site_dir)
    palette = bool(config.theme.get("palette"))
    try:
        if serving:
            css_purge.copy_unpurged(site_dir, palette)
            return
        roots = [state.project.root, DEFAULT_ROOT]
        result = css_purge.purge(site_dir, roots, palette)
        sizes = minify.minify(site_dir, css_purge.find_node_modules(roots), shutil.which("node"))
    except (css_purge.PurgeError, minify.MinifyError) as exc:
        raise PluginError(str(exc)) from exc
    log.debug(f"esbuild: the site's own scripts and stylesheets {sizes['before'] // 1024} KB -> "
              f"{sizes['after'] // 1024} KB")
    log.debug(f"PurgeCSS: Material's stylesheet {result['before'] // 1024} KB -> "
              f"{result['after'] // 1024} KB ({result['rejected']} selectors removed)")
