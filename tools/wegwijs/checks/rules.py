"""The rule registry: every rule a check can report, registered once.

A finding names its rule at the end: ``path:line:col: [severity] message (rule)``.
Each rule here has an id, the severity it has unless the check says otherwise, the
other severity it may have (``also``: e.g. a long sentence is a warning below the
error threshold), a one-line fix, the check or command that reports it, and the
anchor of its row in the content managers' guide (``docs/handleiding/<page>.md#<section>``:
the section whose ``| Regel | ... |`` table explains the rule in Dutch).

``tools.wegwijs.findings`` accepts only registered rules, so a new rule cannot be
reported before it is registered here; tests/test_guide.py makes sure that every
registered rule has its row in the guide and that every row names a registered rule.
``python -m tools rules`` lists the registry (``--format json`` for programs).
"""
from __future__ import annotations

import json
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
GUIDE_DIR = "docs/handleiding"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # the default severity
    check: str  # the check (in ``python -m tools check``) or command that reports it
    fix: str  # one line: what to do
    guide: str  # "<page>.md#<section id>" in docs/handleiding/
    also: tuple[str, ...] = ()  # other severities the check may give it

    @property
    def severities(self) -> tuple[str, ...]:
        return (self.severity, *self.also)

    @property
    def guide_path(self) -> str:
        """The guide row's source: ``docs/handleiding/controles.md#blok``."""
        return f"{GUIDE_DIR}/{self.guide}"

    @property
    def guide_url(self) -> str:
        """The guide row's address on the site, relative to the site root."""
        page, anchor = self.guide.split("#", 1)
        stem = page[:-3]
        return f"handleiding/{'' if stem == 'index' else stem + '/'}#{anchor}"

    def as_dict(self) -> dict:
        return {"id": self.id, "severity": self.severity, "severities": list(self.severities),
                "check": self.check, "fix": self.fix, "guide": self.guide_path,
                "url": self.guide_url}


class UnknownRule(ValueError):
    """A finding names a rule that is not registered: a programming error."""


E, W = ERROR, WARNING
C, B, T, M, L = "controles.md#blok", "controles.md#b1", "vertalen.md#meldingen", "media.md#meldingen", \
    "links.md#meldingen"
LANG = "vertalen.md#taalregels"

_RULES = [
    # catalogue: data/tasks.yml, contacts.yml, documents.yml, links.yml (sources/catalogue.py)
    Rule("catalogue", E, "catalogue", "Fix the record at this line of the data/ file: unique ids, "
         "references to ids that exist, valid YAML.", "catalogus.md#meldingen"),
    Rule("task-fase", E, "catalogue", "Give the task the fase in which it is done (model.fases in "
         "mkdocs.yml).", "catalogus.md#meldingen"),
    # tasks on pages: [[taak:…]] lines (tools/wegwijs/checks/tasks.py)
    Rule("task-unknown", E, "tasks", "Write [[taak:<id>]] with the id of a task in data/tasks.yml "
         "(not an old id), or add the task there first.", "catalogus.md#meldingen"),
    Rule("task-unused", W, "tasks", "Show the task on its page with a line [[taak:<id>]], or "
         "remove the task from data/tasks.yml.", "catalogus.md#meldingen"),
    Rule("task-duplicate", E, "tasks", "Replace the hand-written checklist line by [[taak:<id>]] "
         "of the catalogue task it repeats.", "catalogus.md#meldingen"),
    # contacts on pages: [[contact:…]] lines (tools/wegwijs/checks/contacts.py)
    Rule("contact-unknown", E, "contacts", "Use an id from data/contacts.yml after 'contact:', or "
         "add the contact there.", "catalogus.md#meldingen"),
    Rule("contact-review", W, "contacts", "Look the fact up, fill it in in data/contacts.yml and "
         "remove 'review'; never invent it.", "catalogus.md#meldingen"),
    # content: front matter and file names (tools/wegwijs/sources/content_model.py)
    Rule("front-matter", E, "content", "Start the file with a '---' block holding id, type and order "
         "(plus fase/thema for those types), one 'key: value' per line.", C),
    Rule("unknown-fase", E, "content", "Use a fase listed under model.fases in mkdocs.yml.", C),
    Rule("unknown-thema", E, "content", "Use a thema listed under model.themas in mkdocs.yml.", C),
    Rule("duplicate-id", E, "content", "Give the new page its own id; never change an existing id.", C),
    Rule("unknown-language", E, "content", "Name the file page.<lang>.md with a language of the site "
         "(none for Dutch).", C),
    Rule("empty-file", E, "content", "Write front matter and text, or delete the file.", C, also=(W,)),
    Rule("not-text", E, "content", "Keep only UTF-8 Markdown text in docs/.", C),
    Rule("translation-orphan", E, "content", "Create the Dutch page first, or rename the translation "
         "to match it.", C),
    Rule("translation-front-matter", E, "content", "Copy id, type, fase, thema, order and nav "
         "exactly from the Dutch page; translate only title and description.", C),
    # b1 (tools/wegwijs/checks/b1.py)
    Rule("sentence-length", E, "b1", "Split the sentence; aim at 15 words or fewer.", B, also=(W,)),
    Rule("mean-sentence-length", E, "b1", "Write more short sentences.", B, also=(W,)),
    Rule("reading-ease", E, "b1", "Use shorter sentences and shorter words.", B, also=(W,)),
    Rule("long-words", E, "b1", "Choose shorter words, or explain them.", B, also=(W,)),
    Rule("passive", W, "b1", "Say who does it: 'de gemeente belt u'.", B),
    Rule("passive-share", E, "b1", "Say who does what in more sentences.", B),
    Rule("uncommon-word", W, "b1", "Use a common word, or explain it in docs/begrippen.md.", B),
    Rule("uncommon-share", E, "b1", "Use common words, or explain them.", B, also=(W,)),
    Rule("subclauses", W, "b1", "Make two sentences.", B),
    Rule("b1-waiver", E, "b1", "Give the waiver a reason, or remove a waiver that matches nothing.",
         B, also=(W,)),
    Rule("b1-language", W, "b1", "Nothing: only Dutch and English are measured; have a translator "
         "review the text.", B),
    # checklist, glossary, places, review markers
    Rule("checklist-id", E, "checklist", "End the item with a unique {#id} of a-z, 0-9 and '-'; "
         "a translation uses the Dutch page's id.", "controles.md#vinkjes"),
    Rule("checklist-ticked", W, "checklist", "Write '- [ ]': visitors tick items themselves.",
         "controles.md#vinkjes"),
    Rule("glossary-id", E, "glossary", "Give the term a unique {#id}; a translation uses the Dutch "
         "term's id.", "controles.md#begrippen"),
    Rule("glossary-text", E, "glossary", "Add a line ':   explanation' under the term.",
         "controles.md#begrippen"),
    Rule("places", E, "places", "Fix data/places.geojson as the message says (id, name, "
         "[longitude, latitude] near Hilversum, source, license).", "controles.md#plaatsen"),
    Rule("places-review", W, "places", "Look up the missing data, fill it in and remove 'review'.",
         "controles.md#plaatsen"),
    Rule("review-needed", W, "review-needed", "Look the fact up, write it in the text and remove "
         "the NAKIJKEN note; never invent it.", "controles.md#nakijken"),
    Rule("review-overdue", W, "freshness", "Check the facts and their source, then set "
         "'checked:' to today's date (YYYY-MM-DD).", "controles.md#opnieuw-nakijken"),
    # practice questions (tools/wegwijs/checks/practice.py)
    Rule("practice-syntax", E, "practice", "Write the question as in the guide: '/// vraag | <id>', "
         "the question, the answers, '///'; each id once.", "oefenen.md#meldingen"),
    Rule("practice-answers", E, "practice", "Give 2 to 4 answers and mark exactly one with '(x)'.",
         "oefenen.md#meldingen"),
    Rule("practice-explanation", E, "practice", "Add a short explanation on a line starting "
         "with '>'.", "oefenen.md#meldingen"),
    Rule("practice-link", E, "practice", "Link to the heading where the answer is: "
         "'[Wonen: uitleg](../thema/wonen.md#uitleg)'.", "oefenen.md#meldingen"),
    Rule("practice-structure", E, "practice", "Give the translation the Dutch page's questions: "
         "same ids, order, number of answers and right answer.", "oefenen.md#meldingen"),
    Rule("practice-missing", W, "practice", "Write docs/oefenen/<thema>.md with at least 6 "
         "questions for every thema in mkdocs.yml.", "oefenen.md#meldingen"),
    # interface strings (tools/wegwijs/render/ui_strings.py)
    Rule("ui-string-missing", E, "ui-strings", "Add msgid/msgstr for the key to "
         "translations/<lang>.po.", "controles.md#teksten"),
    Rule("ui-string-fuzzy", E, "ui-strings", "Have a translator check the text, then remove "
         "'#, fuzzy'.", "controles.md#teksten"),
    Rule("ui-strings", E, "ui-strings", "Restore translations/messages.pot from Git.",
         "controles.md#teksten"),
    # translations (tools/wegwijs/checks/translations.py)
    Rule("translation-missing", W, "translations", "Create the translation (python -m tools "
         "translations --diff shows what to translate); an error after translation_grace_days "
         "or with --strict.", T, also=(E,)),
    Rule("translation-outdated", W, "translations", "Update the translation, then run python -m "
         "tools translations --mark-done; an error after translation_grace_days or with "
         "--strict.", T, also=(E,)),
    Rule("catalogue-translation-missing", W, "translations", "Translate the texts in "
         "data/<kind>.<lang>.yml (per id), then run python -m tools translations --mark-done on "
         "that file.", "catalogus.md#meldingen"),
    Rule("translation-structure", E, "translations", "Give the translation the Dutch page's "
         "headings and checklist items, with the same {#ids}.", T),
    # language rules for ar, fa and ti (tools/wegwijs/checks/language_rules.py)
    Rule("script-letters", E, "language", "Arabic uses ي/ك, Farsi uses ی/ک: use the letters of "
         "the page's language.", LANG),
    Rule("script-digits", E, "language", "Arabic uses 0-9; Farsi uses ۰-۹ in running text "
         "(0-9 only inside <bdi>).", LANG),
    Rule("script-latin", E, "language", "Put Dutch words and names inside "
         "<bdi lang=\"nl\">…</bdi>.", LANG),
    Rule("script-time", E, "language", "Put times and phone numbers inside "
         "<bdi dir=\"ltr\">…</bdi>.", LANG),
    Rule("script-share", E, "language", "Write the page in its own script; keep Dutch words "
         "inside <bdi>.", LANG),
    Rule("script-punctuation", E, "language", "Tigrinya uses ። ፣ ፤ instead of . , ; and no ፡ "
         "as a comma.", LANG),
    Rule("script-zwnj", E, "language", "Farsi: join می/نمی and ها to the word with a zero-width "
         "non-joiner (U+200C).", LANG),
    Rule("polite-address", E, "language", "Address the reader politely: أنتم (ar), شما (fa), "
         "ንስኹም (ti).", LANG),
    Rule("dutch-terms", E, "language", "Show each official Dutch term of the Dutch page once in "
         "Dutch: <bdi lang=\"nl\">huurcontract</bdi>.", LANG),
    Rule("translation-title", E, "language", "Translate title and description into the page's "
         "language.", LANG),
    Rule("ui-string-script", E, "language", "Write the interface string in the language of its "
         ".po file.", LANG),
    # media (tools/wegwijs/sources/media.py)
    Rule("media-reference", E, "media", "Fix the id after 'video:' or create media/<id>/.", M),
    Rule("media-id", E, "media", "Name the video folder with a-z, 0-9 and '-'.", M),
    Rule("media-meta", E, "media", "Fix video.yml: a title per language, duration in seconds, "
         "a known thema.", M),
    Rule("media-poster", E, "media", "Add a poster.jpg smaller than the limit.", M),
    Rule("media-video", E, "media", "Make the video per language (python -m tools media --mux), "
         "as long as video.yml says.", M),
    Rule("media-audio", E, "media", "Add audio/<lang>.m4a as long as the video.", M),
    Rule("media-codec", E, "media", "Re-encode: H.264 video, AAC audio.", M),
    Rule("media-faststart", W, "media", "Remux with ffmpeg -c copy -movflags +faststart.", M),
    Rule("media-subtitles", E, "media", "Add subtitles/<lang>.vtt.", M),
    Rule("media-descriptions", E, "media", "Add descriptions/<lang>.vtt.", M),
    Rule("media-vtt", E, "media", "Fix the WebVTT file: 'WEBVTT' first, valid timings, text "
         "per cue.", M),
    Rule("media-captions", E, "media", "Say who speaks in the first caption and describe "
         "sounds in [brackets].", M, also=(W,)),
    Rule("media-rtl", E, "media", "Start a right-to-left cue line with U+200F when it begins "
         "with a Latin letter or digit.", M),
    Rule("media-sync", E, "media", "Use the Dutch file's cue count and timings.", M),
    Rule("media-size", W, "media", "Make the media files smaller.", M),
    # links (tools/wegwijs/checks/links.py, tools/wegwijs/render/permalinks.py)
    Rule("release-urls", E, "links", "Run python -m tools links --update-release and commit "
         "urls/release.txt.", L, also=(W,)),
    Rule("release-url-broken", E, "links", "Add the suggested redirect under the wegwijs "
         "plugin's redirects: in mkdocs.yml.", L),
    Rule("release-url-changed", W, "links", "Check that the address should now show another "
         "page.", L),
    Rule("redirects", E, "links", "Fix the redirect in mkdocs.yml: 'old/path.md: new/path.md' "
         "to an existing page.", L),
    Rule("broken-link", E, "source-links", "Fix the link, or create the page or file it points to.", L),
    Rule("broken-anchor", E, "source-links", "Fix the part after '#', or give the heading that "
         "{#anchor}.", L),
    Rule("build", E, "links", "Read the build error under the message and fix it first.", L),
]

RULES: dict[str, Rule] = {}
for _rule in _RULES:
    if _rule.id in RULES:
        raise AssertionError(f"rule '{_rule.id}' is registered twice")
    RULES[_rule.id] = _rule
del _rule


def get(rule_id: str) -> Rule:
    """The registered rule; ``UnknownRule`` for an id nobody registered."""
    try:
        return RULES[rule_id]
    except KeyError:
        raise UnknownRule(f"rule '{rule_id}' is not registered in tools/wegwijs/checks/rules.py: "
                          "register it (id, severity, check, fix, guide row) before reporting it"
                          ) from None


def validate(rule_id: str, severity: str) -> Rule:
    """The rule, if it is registered and may have this severity; else ``UnknownRule``."""
    rule = get(rule_id)
    if severity not in rule.severities:
        raise UnknownRule(f"rule '{rule_id}' is registered as {'/'.join(rule.severities)}, "
                          f"not {severity}: change its entry in tools/wegwijs/checks/rules.py")
    return rule


# --------------------------------------------------------------------------- command


def render(fmt: str = "text") -> str:
    rules = sorted(RULES.values(), key=lambda r: (r.check, r.id))
    if fmt == "json":
        return json.dumps([r.as_dict() for r in rules], ensure_ascii=False, indent=2)
    width = max(len(r.id) for r in rules)
    check_width = max(len(r.check) for r in rules)
    lines = [f"{'rule':<{width}}  {'severity':<13}  {'check':<{check_width}}  fix (guide)"]
    for r in rules:
        level = "/".join(r.severities)
        lines.append(f"{r.id:<{width}}  {level:<13}  {r.check:<{check_width}}  {r.fix} "
                     f"({r.guide_path})")
    return "\n".join(lines)


def register(sub) -> None:
    from tools.wegwijs.cli import add_format_option

    parser = sub.add_parser("rules", help="list every rule the checks can report")
    add_format_option(parser)

    def run(args) -> int:
        print(render(args.format))
        return 0

    parser.set_defaults(func=run)
