"""``python -m tools links --external``: every link to another website, for a manual check.

No request is made (CI has no network, and the site promises none to third parties):
this lists what a person should open and check by hand, in two parts:

1. the official services of data/links.yml: id, url, the pages per language
   (``urls``), the ``checked`` date, and whether that date is due for review
   (``checks.freshness``, the plugin option ``review_months``);
2. every http(s) link written in the Markdown under docs/ (outside code), per URL
   with each ``path:line`` where it occurs.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from pathlib import Path

from tools.wegwijs.checks import freshness
from tools.wegwijs.sources import catalogue as cat
from tools.wegwijs.sources import content_model as cm

# An http(s) address in Markdown: [text](url), <url>, href="url" or a bare address.
URL = re.compile(r"https?://[^\s<>()\"'`\]]+[^\s<>()\"'`\].,;:!?]")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def markdown_urls(site: cm.Site) -> dict[str, list[tuple[str, int]]]:
    """URL -> [(path, line)] for every external address in the pages, outside code."""
    found: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for page in sorted(site.pages, key=lambda p: p.rel):
        for number, line in page.markdown.prose():
            for url in URL.findall(CODE_SPAN.sub("", line)):
                found[url].append((page.rel, number))
    return dict(sorted(found.items()))


def inventory(config_file: Path, today: dt.date | None = None) -> dict:
    config_file = Path(config_file)
    root = config_file.parent
    model = cm.load_model(config_file)
    site = cm.scan(model, root=root)
    catalogue = cat.load(root / "data", model.languages, root)
    months = freshness.review_months(config_file)
    today = today or dt.date.today()
    links = []
    for record in catalogue.links.values():
        checked = record.checked
        links.append({
            "id": record.id, "title": record.data.get("title"), "url": record.data.get("url"),
            "urls": dict(record.data.get("urls") or {}),
            "checked": checked.isoformat() if checked else None,
            "due": freshness.is_overdue(checked, today, months),
            "review": record.data.get("review"),
            "where": f"{record.path}:{record.line}"})
    pages = [{"url": url, "where": [f"{path}:{line}" for path, line in places]}
             for url, places in markdown_urls(site).items()]
    return {"today": today.isoformat(), "review_months": months, "links": links, "pages": pages}


def render(data: dict, fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    out = [f"Official links in data/links.yml ({len(data['links'])}); open each address and "
           "check that it still shows the service:", ""]
    for link in data["links"]:
        due = f"  DUE FOR REVIEW (older than {data['review_months']} months)" if link["due"] else ""
        out.append(f"{link['where']}: {link['id']}  checked {link['checked'] or 'never'}{due}")
        out.append(f"    nl  {link['url']}")
        for lang, url in link["urls"].items():
            out.append(f"    {lang:<3} {url}")
        if link["review"]:
            out.append(f"    review: {link['review']}")
    out += ["", f"External links written in docs/ ({len(data['pages'])} addresses):", ""]
    for entry in data["pages"]:
        out.append(entry["url"])
        out += [f"    {where}" for where in entry["where"]]
    out += ["", "No address was requested: this list is for a check by hand."]
    return "\n".join(out)


def run(config_file: Path, fmt: str = "text") -> int:
    print(render(inventory(config_file), fmt))
    return 0
