"""Practice questions: ``/// vraag | <id>`` … ``///`` becomes a question the reader can answer.

The syntax and its parser live in ``sources/practice.py`` (the check reads the same way).
Each question becomes, built as an ElementTree (the texts stay Markdown, so links,
``<bdi lang="nl">`` and bold are rendered by the inline patterns and MkDocs re-points
``.md`` links):

.. code-block:: html

    <div class="wegwijs-q" id="vraag-<id>" data-question="<id>" data-right="2">
      <fieldset><legend>question</legend>
        <div class="wegwijs-q__options">
          <div class="wegwijs-q__option"><input type="radio" name="vraag-<id>"
               id="vraag-<id>-1" value="1"><label for="vraag-<id>-1">answer</label></div> …
        </div>
      </fieldset>
      <p class="wegwijs-q__actions" hidden><button type="button">Controleer</button></p>
      <p class="wegwijs-q__result" hidden></p>
      <details class="wegwijs-q__nl"> (not on Dutch pages)
        <summary>Toon in het Nederlands</summary>
        <div lang="nl" dir="ltr">the Dutch question and answers, from the Dutch page</div>
      </details>
      <details class="wegwijs-q__answer"><summary>Bekijk het antwoord</summary>
        <p>Het goede antwoord: …</p><p class="wegwijs-q__explanation">…</p><p>link</p>
      </details>
    </div>

Without JavaScript the reader sees the questions and opens the answer; with it,
``overrides/assets/wegwijs/practice.js`` shows the check button, checks the choice and
remembers it. The build step sets ``context`` per page: ``lang``, ``t`` (interface
strings) and ``dutch`` (question id -> the Dutch ``Question``; None on Dutch pages).
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.blockprocessors import BlockProcessor

from tools.wegwijs.sources import practice

DEFAULT_STRINGS = {  # for use outside the build (tests, previews): Dutch
    "wegwijs.practice.dutch": "Toon in het Nederlands",
    "wegwijs.practice.check": "Controleer",
    "wegwijs.practice.answer": "Bekijk het antwoord",
    "wegwijs.practice.right-answer": "Het goede antwoord:",
}


class PracticeBlockProcessor(BlockProcessor):
    def __init__(self, parser, extension: "PracticeExtension"):
        super().__init__(parser)
        self.extension = extension

    def test(self, parent, block) -> bool:
        return bool(practice.OPENER.match(block.split("\n", 1)[0]))

    def run(self, parent, blocks) -> None:
        first = blocks.pop(0).split("\n")
        opener = practice.OPENER.match(first[0])
        lines, pending = [], first[1:]
        closed = False
        while True:
            for index, line in enumerate(pending):
                if practice.CLOSER.match(line):
                    rest = pending[index + 1:]
                    if any(r.strip() for r in rest):
                        blocks.insert(0, "\n".join(rest))
                    closed = True
                    break
                lines.append(line)
            if closed or not blocks:
                break
            lines.append("")
            pending = blocks.pop(0).split("\n")
        question = practice.parse_lines(opener["id"] or "", lines, 0)
        self.extension.render(parent, question)


class PracticeExtension(Extension):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.context: dict | None = None  # set per page by the build step

    def extendMarkdown(self, md):
        # Before admonition/md_in_html (105) and every core block processor.
        md.parser.blockprocessors.register(PracticeBlockProcessor(md.parser, self),
                                           "wegwijs_practice", 110)

    def _t(self, key: str) -> str:
        context = self.context or {}
        t = context.get("t")
        return t(key) if t else DEFAULT_STRINGS[key]

    def render(self, parent, q: practice.Question) -> None:
        context = self.context or {}
        base = f"vraag-{q.id}"
        right = q.right
        root = etree.SubElement(parent, "div", {
            "class": "wegwijs-q", "id": base, "data-question": q.id,
            "data-right": str(right[0]) if len(right) == 1 else ""})
        fieldset = etree.SubElement(root, "fieldset")
        legend = etree.SubElement(fieldset, "legend")
        legend.text = q.text
        options = etree.SubElement(fieldset, "div", {"class": "wegwijs-q__options"})
        for number, answer in enumerate(q.answers, start=1):
            option = etree.SubElement(options, "div", {"class": "wegwijs-q__option"})
            etree.SubElement(option, "input", {"type": "radio", "name": base,
                                               "id": f"{base}-{number}", "value": str(number)})
            label = etree.SubElement(option, "label", {"for": f"{base}-{number}"})
            label.text = answer.text
        actions = etree.SubElement(root, "p", {"class": "wegwijs-q__actions", "hidden": "hidden"})
        button = etree.SubElement(actions, "button", {"type": "button",
                                                      "class": "md-button wegwijs-q__check"})
        button.text = self._t("wegwijs.practice.check")
        etree.SubElement(root, "p", {"class": "wegwijs-q__result", "hidden": "hidden"})
        dutch = (context.get("dutch") or {}).get(q.id)
        if dutch is not None:
            self._dutch(root, dutch)
        details = etree.SubElement(root, "details", {"class": "wegwijs-q__answer"})
        summary = etree.SubElement(details, "summary")
        summary.text = self._t("wegwijs.practice.answer")
        if len(right) == 1:
            answer_p = etree.SubElement(details, "p", {"class": "wegwijs-q__right"})
            strong = etree.SubElement(answer_p, "strong")
            strong.text = self._t("wegwijs.practice.right-answer")
            strong.tail = " " + q.answers[right[0] - 1].text
        explanation = etree.SubElement(details, "p", {"class": "wegwijs-q__explanation"})
        explanation.text = q.explanation
        if q.link_target:
            source = etree.SubElement(details, "p", {"class": "wegwijs-q__source"})
            source.text = f"[{q.link_text}]({q.link_target})"

    def _dutch(self, root, dutch: practice.Question) -> None:
        details = etree.SubElement(root, "details", {"class": "wegwijs-q__nl"})
        summary = etree.SubElement(details, "summary")
        summary.text = self._t("wegwijs.practice.dutch")
        box = etree.SubElement(details, "div", {"lang": "nl", "dir": "ltr"})
        question = etree.SubElement(box, "p", {"class": "wegwijs-q__nl-question"})
        question.text = dutch.text
        answers = etree.SubElement(box, "ol", {"class": "wegwijs-q__nl-answers"})
        for answer in dutch.answers:
            item = etree.SubElement(answers, "li")
            item.text = answer.text
