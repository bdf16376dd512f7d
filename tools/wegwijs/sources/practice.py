"""Practice questions (``type: oefenen`` pages): the one parser of the question syntax.

A question in Markdown (outside code; the same in every language, only the texts are
translated)::

    /// vraag | wonen-huurcontract
    Wat staat er in het huurcontract?

    ( ) Hoeveel u betaalt voor gas en stroom.
    (x) Hoeveel huur u elke maand betaalt.
    ( ) Op welke dag het afval wordt opgehaald.

    > In het huurcontract staat hoeveel huur u elke maand betaalt.

    [Lees het na bij Wonen](../thema/wonen.md#uitleg)
    ///

- ``/// vraag | <id>`` opens the question; the id (a-z, 0-9, '-') is unique site-wide and
  the same in every language (answers are remembered by it); ``///`` closes it;
- the lines before the first answer are the question;
- ``( )`` starts a wrong answer, ``(x)`` the one right answer (2 to 4 answers);
- ``>`` lines are the short explanation;
- a line with only a link points at the place on a thema page where the answer is.

``parse`` reads the questions of a ``reader.Body`` (fences come from the source reader,
so a question shown inside a code sample is no question); ``parse_lines`` reads one
question's lines; the Markdown extension (``markdown/practice.py``) and the check
(``checks/practice.py``) both use them. ``neutral`` blanks the syntax of a line for
the language and B1 checks (the id and ``(x)`` are no Latin-script text).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENER = re.compile(r"^ {0,3}///[ \t]*vraag\b[ \t]*(?:\|[ \t]*(?P<id>\S*))?[ \t]*$")
CLOSER = re.compile(r"^ {0,3}///[ \t]*$")
ANSWER = re.compile(r"^ {0,3}\((?P<mark>[ xX])\)[ \t]+(?P<text>\S.*?)[ \t]*$")
EXPLANATION = re.compile(r"^ {0,3}>[ \t]?(?P<text>.*?)[ \t]*$")
LINK = re.compile(r"^ {0,3}\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+)\)[ \t]*$")
MIN_ANSWERS, MAX_ANSWERS = 2, 4


@dataclass
class Answer:
    text: str
    right: bool
    line: int


@dataclass
class Question:
    id: str
    line: int  # the line of '/// vraag'
    text: str = ""
    answers: list[Answer] = field(default_factory=list)
    explanation: str = ""
    link_text: str = ""
    link_target: str = ""
    link_line: int = 0
    end_line: int = 0  # the line of the closing '///' (0: not closed)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, message)

    @property
    def right(self) -> list[int]:
        """1-based numbers of the answers marked right."""
        return [n for n, a in enumerate(self.answers, start=1) if a.right]


def parse_lines(question_id: str, lines: list[str], first_line: int) -> Question:
    """One question from the lines between its opener and closer (``first_line`` is the
    file line of the opener, so lines[0] is on ``first_line + 1``)."""
    q = Question(question_id, first_line)
    question, explanation = [], []
    for number, raw in enumerate(lines, start=first_line + 1):
        line = raw.rstrip()
        if not line.strip():
            continue
        answer = ANSWER.match(line)
        link = LINK.match(line)
        quoted = EXPLANATION.match(line)
        if answer:
            q.answers.append(Answer(answer["text"], answer["mark"] != " ", number))
        elif quoted:
            explanation.append(quoted["text"])
        elif link:
            if q.link_target:
                q.problems.append((number, "a question has one link to the thema page; "
                                   "remove the second link"))
            q.link_text, q.link_target, q.link_line = link["text"], link["target"], number
        elif not q.answers and not explanation:
            question.append(line.strip())
        else:
            q.problems.append((number, "unexpected line in a question: write answers as "
                               "'( ) text' or '(x) text', the explanation as '> text' and the "
                               "link alone on its line"))
    q.text = " ".join(question)
    q.explanation = " ".join(t for t in explanation if t)
    return q


def parse(body) -> list[Question]:
    """Every question of a ``reader.Body`` in order, read outside fenced code."""
    out: list[Question] = []
    opened: tuple[str, int] | None = None
    collected: list[str] = []
    for number, line in body.prose():
        if opened is None:
            match = OPENER.match(line)
            if match:
                opened, collected = (match["id"] or "", number), []
            continue
        if CLOSER.match(line):
            q = parse_lines(opened[0], collected, opened[1])
            q.end_line = number
            out.append(q)
            opened = None
        else:
            collected.append(line)
    if opened is not None:
        q = parse_lines(opened[0], collected, opened[1])
        q.problems.append((opened[1], "the question is not closed: end it with a line '///'"))
        out.append(q)
    return out


def neutral(line: str) -> str:
    """The line without question syntax (opener with id, closer, answer marks), for the
    language and B1 checks: ``(x) Ja.`` -> ``Ja.``."""
    if OPENER.match(line) or CLOSER.match(line):
        return ""
    answer = ANSWER.match(line)
    if answer:
        return answer["text"]
    return line
