"""The English translation of the real site in Chromium (issue 5, English part).

On every English page: the page is marked English, Dutch names (COA, IND, DigiD, ...)
in the text are marked Dutch (lang="nl", so screen readers pronounce them in Dutch), and
key official words keep the Dutch word the reader meets in letters and at counters next
to the English the first time, e.g. "rental contract (huurcontract)". The source checks
are in tests/content/test_english_content.py.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import is_published
from tests.content.test_english_content import DOCS, ENGLISH_PAGES

# Dutch names that stay Dutch in English text; every use must be marked lang="nl".
DUTCH_NAMES = ["COA", "IND", "DUO", "BSN", "BRP", "PIP", "DigiD", "VluchtelingenWerk",
               "Sociaal Plein", "WoningNet", "MijnOverheid", "KNM", "SVB", "ISK", "azc"]

# English word -> the Dutch word (both regular expressions) that must be shown, marked Dutch,
# before or right after its first use on a page.
KEY_TERMS = [
    ("rental contract", "huurcontract"), (r"(?<!child )benefit", "uitkering"),
    ("rent allowance", "huurtoeslag"), ("health care allowance", "zorgtoeslag"),
    ("furnishing money", "inrichtingskrediet"), ("own risk", "eigen risico"),
    ("client manager", "klantmanager"), ("duty to integrate", "inburgeringsplicht"),
    ("municipality", "gemeente"), ("residence permit", "verblijfsvergunning"),
    ("residence card", "verblijfspas"), ("health insurance", "zorgverzeker"),
    ("family doctor", "huisarts"), ("housing association", "woningcorporatie"),
    ("social support worker", "maatschappelijk begeleider"), ("allowance", "toeslag"),
    ("broad intake", "brede intake"),
]
NEAR = 60  # characters after the English word in which the Dutch word must follow

# Text of the article in reading order. Text inside an element with lang="nl" is
# wrapped in ⟦ ⟧. Headings, links to other pages, form controls and the video player
# are left out (they name pages and controls, not prose); glossary terms (a button
# after glossary.js ran) are kept, their hidden explanations are left out, and so are
# generated lists that are not this page's prose (places, begrippen terms, the
# 'who helps, what to bring' details of catalogue tasks).
ARTICLE_TEXT = r"""
() => {
  const root = document.querySelector('article') || document.querySelector('main');
  const out = [];
  const walk = (node, nl) => {
    if (node.nodeType === 3) { out.push(nl ? '\u27e6' + node.data + '\u27e7' : node.data); return; }
    if (node.nodeType !== 1) return;
    const el = node;
    const term = el.classList.contains('wegwijs-term__button')
      || el.classList.contains('wegwijs-term__link');
    if (!term && /^(H[1-6]|SCRIPT|STYLE|NAV|VIDEO|SELECT|BUTTON|LABEL|A|DT)$/.test(el.tagName)) {
      out.push(' | ');
      return;
    }
    if (el.hidden || el.classList.contains('wegwijs-term__tip')
        || el.classList.contains('wegwijs-places-block')
        || el.classList.contains('wegwijs-task__more')) return;
    const lang = el.getAttribute('lang');
    const isNl = lang ? lang === 'nl' : nl;
    for (const child of el.childNodes) walk(child, isNl);
    if (/^(P|LI|DD|DIV|TD)$/.test(el.tagName)) out.push(' | ');
  };
  walk(root, false);
  return out.join('');
}
"""


def _url_path(page: Path) -> str:
    rel = page.relative_to(DOCS).as_posix()[: -len(".en.md")]
    if rel == "index":
        return "en/"
    if rel.endswith("/index"):
        return "en/" + rel[: -len("index")]
    return f"en/{rel}/"


@pytest.mark.parametrize("page", [p for p in ENGLISH_PAGES if is_published(p)], ids=lambda p: p.relative_to(DOCS).as_posix())
def test_dutch_words_are_marked_dutch_and_shown_next_to_the_english(page, phone_page, site_server):
    phone_page.goto(site_server + _url_path(page))
    assert phone_page.evaluate("document.documentElement.lang") == "en"
    text = phone_page.evaluate(ARTICLE_TEXT)
    assert len(text.strip()) > 100, "no article text found"
    unmarked = re.sub("\u27e6.*?\u27e7", " ", text, flags=re.S)

    problems = []
    for name in DUTCH_NAMES:
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", unmarked):
            problems.append(f"'{name}' is not marked lang=\"nl\": "
                            f"...{unmarked[max(0, m.start() - 40):m.end() + 20]!r}")
    # The begrippenlijst gives the Dutch word of every term in its own term line.
    for english, dutch in KEY_TERMS if page.name != "begrippen.en.md" else []:
        first = re.search(r"(?<![\w-])" + english + r"(?![\w-])", text, re.I)
        if not first:
            continue
        dutch_marked = "\u27e6[^\u27e7]*" + dutch
        before = re.search(dutch_marked, text[: first.start()], re.I)
        after = re.search(dutch_marked, text[first.end(): first.end() + NEAR], re.I)
        if not (before or after):
            problems.append(f"first '{english}' has no Dutch '{dutch}' next to it: "
                            f"{text[first.start():first.end() + NEAR]!r}")
    assert not problems, "\n".join(problems)
