"""Waits for explicit states of a page, shared by the browser tests.

A browser test never waits a fixed time and never for a text that an intermediate state
also shows: it waits for a state the site's JavaScript (or the browser) sets when it is
done. The states the scripts set are listed in the JS state contract (the comment at the
top of each script in overrides/assets/wegwijs/):

- search dialog ``#wegwijs-search``: ``data-state`` idle | loading | done | error and
  ``data-query`` (the typed query whose results are shown), ``data-count`` (results
  listed: the first ten until the "more" button lists the rest) and ``data-total``;
- ``<html data-wegwijs-checklist="ready">`` and ``<html data-wegwijs-glossary="ready">``
  once ticks are restored and handlers wired;
- video player root ``figure.wegwijs-video``: ``data-state`` ready | switching, and
  ``data-pending`` (a spoken language the select shows but that is not applied yet).

The browser's own states: a finished CSS transition (``getAnimations()`` empty) and the
element in its end position.
"""
from __future__ import annotations

SEARCH_SETTLED = """([query]) => {
  const dialog = document.getElementById('wegwijs-search');
  return dialog.dataset.query === query
    && (dialog.dataset.state === 'done' || dialog.dataset.state === 'error')
    && dialog.dataset.state;
}"""

DRAWER_IN_VIEW = """() => {
  const el = document.querySelector('.md-sidebar--primary');
  const r = el.getBoundingClientRect();
  return document.getElementById('__drawer').checked
    && r.left >= -1 && r.right <= document.documentElement.clientWidth + 1
    && el.getAnimations({subtree: true}).length === 0;
}"""


def wait_search_done(page, query: str) -> int:
    """Wait until the search dialog shows every result for exactly ``query``; returns
    the number of result links. Fails on the dialog's error state."""
    state = page.wait_for_function(SEARCH_SETTLED, arg=[query]).json_value()
    assert state == "done", f"search for {query!r} ended in state {state!r}"
    return int(page.get_attribute("#wegwijs-search", "data-count"))


def search(page, query: str) -> list[str]:
    """Open search, type query and return the result links once all are shown."""
    if not page.evaluate("document.getElementById('wegwijs-search').open"):
        page.click(".wegwijs-search-open")
    page.fill("#wegwijs-search-input", query)
    count = wait_search_done(page, query)
    links = page.eval_on_selector_all(".wegwijs-search__results a", "els => els.map(e => e.href)")
    assert len(links) == count, (query, count, links)
    return links


def wait_ready(page, script: str) -> None:
    """Wait for ``<html data-wegwijs-<script>="ready">`` (script: checklist, glossary)."""
    page.wait_for_function("name => document.documentElement.dataset[name] === 'ready'",
                           arg="wegwijs" + script.capitalize())


def wait_drawer_open(page) -> None:
    """Wait until the navigation drawer is open, fully in view and its slide-in ended."""
    page.wait_for_function(DRAWER_IN_VIEW)


def wait_player(page, state: str = "ready") -> None:
    """Wait until the first video player's root has ``data-state=state``."""
    page.wait_for_function("s => document.querySelector('figure.wegwijs-video').dataset.state === s",
                           arg=state)
