"""The site's own scripts and stylesheets, minified (issue 17, item 6: a lighter first load).

``minify`` runs esbuild (npm, pinned in package.json; minify.cjs, with Node) over the
built ``assets/wegwijs/*.js`` and ``*.css`` in place: comments and white space go, local
names get shorter; top-level names, strings and selectors stay. The service worker
(``sw.js``) is left as written: the offline step writes its precache list after this
step. The sources under overrides/ stay readable; the preview (``make serve``) skips
this step. Runs after PurgeCSS (render/css_purge.py), so its Node and npm checks have
already passed.
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).with_name("minify.cjs")
ASSETS = "assets/wegwijs"
KEEP = {"sw.js"}


class MinifyError(RuntimeError):
    """esbuild could not run or could not parse a file: the message names it."""


def own_assets(site_dir: Path) -> list[Path]:
    """The built scripts and stylesheets to minify, in a stable order."""
    folder = Path(site_dir) / ASSETS
    return [p for p in sorted(folder.glob("*")) if p.suffix in (".js", ".css") and p.name not in KEEP]


def minify(site_dir: Path, modules: Path, node: str) -> dict:
    """Minify own_assets(site_dir) in place; returns {"before": bytes, "after": bytes}."""
    if not (Path(modules) / "esbuild" / "package.json").is_file():
        raise MinifyError(f"esbuild is not installed ({Path(modules) / 'esbuild'} is missing): run "
                          "`npm ci --ignore-scripts` in the project folder (`make build` does it)")
    files = [str(p) for p in own_assets(site_dir)]
    proc = subprocess.run([node, str(SCRIPT)], input=json.dumps({"modules": str(modules), "files": files}),
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise MinifyError(f"esbuild could not minify the site's scripts ({SCRIPT.name}): "
                          f"{proc.stderr.strip()[-1500:]}")
    return json.loads(proc.stdout)
