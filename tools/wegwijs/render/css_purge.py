"""Material's stylesheet with only the rules the built site uses (PurgeCSS).

Material's ``assets/stylesheets/main.<hash>.min.css`` styles every component Material
offers (137 KB, 23 KB compressed); this site uses a small part of it. ``purge`` runs
PurgeCSS (npm, pinned in package.json; css_purge.cjs, with Node) over every built page
of every language and the site's own scripts, and writes the rules they can match to
``assets/wegwijs/material.css``, the stylesheet overrides/main.html links. A rule is
kept when every class, id, element and attribute in its selector occurs in those files;
at-rules follow their rules, so right-to-left (``[dir=rtl]``, in every ar/fa page),
print (``@media print``) and the narrow-screen rules stay wherever they style a rule
that stays. CSS variables and keyframes are removed when nothing uses them.

What only a script adds, or a state the pages do not contain when built, is kept by the
``SAFELIST``: the ``js``/``no-js`` switch, Material's ``focus-visible`` class, the
navigation modifiers ``md-nav--*``, the dialog, Material's state attributes
(``data-md-state``) and colour schemes (``[data-md-color-scheme=slate]``, the dark
scheme). Our scripts (assets/wegwijs/*.js) are scanned as content, so a class they set
(``md-button`` in checklist.js) stays. Material's own JavaScript is not loaded
(main.html), so what only it would add (its search, ``md-search*``) is not kept.
The variables and keyframes our own stylesheets use (``var(--md-…)``) are kept too:
PurgeCSS sees only the stylesheet it purges.

The unpurged file is not published: Material's file and its source map are removed
from the built site. The file name has no content hash, so nginx caches it for an hour
like our other assets; the service worker's precache lists it with its own revision.
``copy_unpurged`` is the preview's fast path (``make serve``: no Node needed).
Material's colour palette stylesheet is published unpurged as
``assets/wegwijs/material-palette.css`` when ``theme.palette`` is set (main.html links
it then): it is small and every scheme in it must stay; the variables it uses are kept
in material.css. Without a palette it is removed, like Material's other copy.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

OUTPUT = "assets/wegwijs/material.css"
MATERIAL_CSS = "assets/stylesheets/main.*.min.css"
PALETTE_OUTPUT = "assets/wegwijs/material-palette.css"
PALETTE_CSS = "assets/stylesheets/palette.*.min.css"
SCRIPT = Path(__file__).with_name("css_purge.cjs")
# Regular expressions (JavaScript syntax), see the module docstring.
SAFELIST = {
    "standard": [r"^js$", r"^no-js$", r"^focus-visible$", r"^md-nav--", r"^md-dialog"],
    "greedy": [r"data-md-color-scheme", r"data-md-color-primary", r"data-md-color-accent",
               r"data-md-state"],
}
# Pages and our scripts; not the preview panel, search index or media.
CONTENT = ["**/*.html", "assets/wegwijs/*.js"]
SOURCE_MAP = re.compile(r"\s*/\*# sourceMappingURL=[^*]*\*/\s*$")
VAR_USE = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
ANIMATION = re.compile(r"animation(?:-name)?\s*:\s*([^;}]+)")


class PurgeError(RuntimeError):
    """PurgeCSS could not run: the message says what is missing and how to fix it."""


def material_stylesheet(site_dir: Path) -> Path:
    found = sorted(Path(site_dir).glob(MATERIAL_CSS))
    if len(found) != 1:
        raise PurgeError(f"expected one Material stylesheet {MATERIAL_CSS} in {site_dir}, "
                         f"found {[p.name for p in found]}: is the theme still Material?")
    return found[0]


def find_node_modules(roots: list[Path]) -> Path | None:
    """The first node_modules with PurgeCSS in it, of the given folders."""
    for root in roots:
        modules = Path(root) / "node_modules"
        if (modules / "purgecss" / "package.json").is_file():
            return modules
    return None


def own_names(site_dir: Path) -> tuple[list[str], list[str]]:
    """(CSS variables, keyframes names) our own stylesheets and scripts use, and
    Material's palette stylesheet (published as it is)."""
    variables: set[str] = set()
    keyframes: set[str] = set()
    site_dir = Path(site_dir)
    paths = [*sorted(site_dir.glob("assets/wegwijs/*")), *sorted(site_dir.glob(PALETTE_CSS))]
    for path in paths:
        if path.suffix not in (".css", ".js") or path.name == Path(OUTPUT).name:
            continue
        text = path.read_text(encoding="utf-8")
        variables.update(VAR_USE.findall(text))
        for value in ANIMATION.findall(text):
            keyframes.update(w for w in re.findall(r"[A-Za-z_][\w-]*", value))
    return sorted(variables), sorted(keyframes)


def request(site_dir: Path, modules: Path, css: Path, output: Path) -> dict:
    """The JSON request css_purge.cjs reads."""
    variables, keyframes = own_names(site_dir)
    safelist = {**SAFELIST,
                "variables": ["^" + re.escape(v) + "$" for v in variables],
                "keyframes": ["^" + re.escape(k) + "$" for k in keyframes]}
    return {"modules": str(modules), "css": str(css), "output": str(output),
            "content": [str(Path(site_dir) / glob) for glob in CONTENT],
            "safelist": safelist}


def _publish(source: Path, out: Path, text: str | None = None) -> None:
    """Write ``out`` (``text``, or source's text) without its source map comment;
    remove Material's copy and its map."""
    text = source.read_text(encoding="utf-8") if text is None else text
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(SOURCE_MAP.sub("\n", text), encoding="utf-8")
    source.unlink()
    source.with_name(source.name + ".map").unlink(missing_ok=True)


def _palette(site_dir: Path, palette: bool) -> None:
    for css in sorted(site_dir.glob(PALETTE_CSS)):
        if palette:
            _publish(css, site_dir / PALETTE_OUTPUT)
        else:
            css.unlink()
            css.with_name(css.name + ".map").unlink(missing_ok=True)


def purge(site_dir: Path, roots: list[Path], palette: bool = False, node: str | None = None) -> dict:
    """Write OUTPUT: Material's stylesheet with the rules the site uses. ``roots``:
    folders whose node_modules may hold PurgeCSS (the project's, this checkout's);
    ``palette``: theme.palette is set (publish Material's palette stylesheet).
    Returns {"before": bytes, "after": bytes, "rejected": selectors removed}."""
    site_dir = Path(site_dir)
    node = node or shutil.which("node")
    if not node:
        raise PurgeError("Node.js is needed to build the site (PurgeCSS removes Material's "
                         "unused CSS rules): install Node.js 20.19 or newer, e.g. "
                         "`sudo apt install nodejs npm` or `make system-deps`, then run "
                         "`make build`")
    modules = find_node_modules(roots)
    if modules is None:
        where = " or ".join(str(Path(r) / "node_modules") for r in dict.fromkeys(roots))
        raise PurgeError(f"PurgeCSS is not installed ({where}/purgecss is missing): run "
                         "`npm ci --ignore-scripts` in the project folder (`make build` does it)")
    css = material_stylesheet(site_dir)
    output = site_dir / OUTPUT
    output.parent.mkdir(parents=True, exist_ok=True)
    before = css.stat().st_size
    proc = subprocess.run([node, str(SCRIPT)], input=json.dumps(request(site_dir, modules, css, output)),
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise PurgeError(f"PurgeCSS failed ({SCRIPT.name}): {proc.stderr.strip()[-1500:]}")
    answer = json.loads(proc.stdout)
    _publish(css, output, output.read_text(encoding="utf-8"))
    _palette(site_dir, palette)
    return {"before": before, "after": output.stat().st_size, "rejected": answer["rejected"]}


def copy_unpurged(site_dir: Path, palette: bool = False) -> None:
    """Preview: OUTPUT is Material's stylesheet as it is (no Node, no waiting)."""
    site_dir = Path(site_dir)
    _publish(material_stylesheet(site_dir), site_dir / OUTPUT)
    _palette(site_dir, palette)
