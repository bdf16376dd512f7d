"""Language rules for the translated catalogue texts in ``data/<kind>.<lang>.yml``.

The Arabic, Farsi and Tigrinya titles, names, questions and opening hours of the
catalogues (tasks, contacts, documents, links) get the same script, punctuation and
polite-address rules as the pages (``language_rules``), reported with the file's own
line numbers (``data/tasks.ti.yml:12``) and the existing rule ids.
"""
from __future__ import annotations

from tools.wegwijs import findings as F
from tools.wegwijs.checks import language_rules as lr
from tools.wegwijs.sources import catalogue as cat
from tools.wegwijs.sources import content_model as cm


def check_text(rel: str, lang: str, text: str, line: int) -> list[F.Finding]:
    """The page rules for one catalogue text; the share-of-script rule only when the
    text has letters outside <bdi> (a name may stay Dutch as a whole)."""
    found = lr.check_page(rel, lang, text, line)
    prose = lr.BDI.sub(" ", lr.COMMENT.sub(" ", text))
    if not any(ch.isalpha() for ch in prose):
        found = [f for f in found if f.rule != "script-share"]
    return found


def check_all(project) -> list[F.Finding]:
    """Every translated text of the ar, fa and ti catalogue files in data/, as the one
    catalogue reader (sources/catalogue.py) read them: only the translatable fields of
    records the Dutch file has; an unreadable or malformed file is the catalogue
    check's finding, not this one's."""
    model = cm.load_model(project.config_file)
    catalogue = cat.load(project.data_dir, model.languages, project.root)
    out: list[F.Finding] = []
    for (_kind, lang), translation in sorted(catalogue.translations.items()):
        if lang not in lr.LANGUAGES:
            continue
        for record_id, fields in translation.texts.items():
            for key, value in fields.items():
                if isinstance(value, str):
                    out += check_text(translation.path, lang, value, translation.text_line(record_id, key))
    return out
