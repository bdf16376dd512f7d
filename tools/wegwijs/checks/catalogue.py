"""``python -m tools check`` part: the catalogues in data/ (tasks, contacts, documents, links).

Reads them with ``sources.catalogue`` and reports broken YAML, duplicate ids, unknown
fases and thema's, and references to ids that do not exist, each with ``path:line``.
"""
from __future__ import annotations

from tools.wegwijs import findings as F
from tools.wegwijs.sources import catalogue as cat
from tools.wegwijs.sources import content_model as cm


def check_all(project) -> list[F.Finding]:
    model = cm.load_model(project.config_file)
    catalogue = cat.load(project.data_dir, model.languages, project.root)
    return catalogue.findings + cat.validate(catalogue, model.fases, model.themas, model.docs_dir)
