"""The catalogues in data/: reading with line numbers, validation, translations, task order."""
from __future__ import annotations

import textwrap
from pathlib import Path

from tools.wegwijs.sources import catalogue as cat

FASES = ("azc", "regeldag", "regelweken")
THEMAS = ("wonen", "zorg")
LANGS = ("nl", "en")


def write(data: Path, name: str, text: str) -> None:
    data.mkdir(parents=True, exist_ok=True)
    (data / name).write_text(textwrap.dedent(text), encoding="utf-8")


def project(tmp_path: Path, tasks: str) -> Path:
    data = tmp_path / "data"
    write(data, "tasks.yml", tasks)
    write(data, "contacts.yml", """\
        contacts:
          - id: coa
            name: COA
        """)
    write(data, "documents.yml", """\
        documents:
          - id: verblijfspas
            name: Verblijfspas
        """)
    write(data, "links.yml", """\
        links:
          - id: ind
            title: IND
            url: https://ind.nl/
        """)
    return data


TASKS = """\
    milestones: [koppeling, regeldag, verhuisdag]
    tasks:
      - id: huurcontract
        title: Ik heb het huurcontract getekend.
        fase: regeldag
        deadline: {milestone: regeldag, days: 0}
        themas: [wonen]
        helpers: [coa]
        bring: [verblijfspas]
        links: [ind]
      - id: zorgverzekering
        aliases: [thema-zorg-verzekering]
        title: Ik heb een zorgverzekering.
        fase: regelweken
        themas: [zorg]
      - id: pas
        title: Ik heb mijn verblijfspas.
        fase: azc
      - id: meterstanden
        title: Ik heb de meterstanden.
        fase: regeldag
        deadline: {milestone: koppeling, days: 3}
    """


def test_tasks_are_read_in_time_order_by_fase_then_deadline(tmp_path):
    data = project(tmp_path, TASKS)
    catalogue = cat.load(data, LANGS, tmp_path)
    assert catalogue.findings == []
    assert cat.validate(catalogue, FASES, THEMAS) == []
    order = [t.id for t in catalogue.ordered_tasks(FASES)]
    assert order == ["pas", "meterstanden", "huurcontract", "zorgverzekering"]
    task = catalogue.tasks["huurcontract"]
    assert (task.path, task.line) == ("data/tasks.yml", 3)
    assert task.deadline == cat.Deadline("regeldag", 0)
    assert catalogue.task_id("thema-zorg-verzekering") == "zorgverzekering"
    assert catalogue.task_id("bestaat-niet") is None


def test_bad_references_and_duplicates_are_reported_with_their_line(tmp_path):
    data = project(tmp_path, """\
        milestones: [regeldag]
        tasks:
          - id: a
            title: A.
            fase: later
            helpers: [onbekend]
          - id: b
            aliases: [a]
            title: B.
            fase: azc
            themas: [werk]
          - id: b
            title: B again.
            fase: azc
        """)
    catalogue = cat.load(data, LANGS, tmp_path)
    found = {(f.path, f.line, f.rule) for f in catalogue.findings + cat.validate(catalogue, FASES, THEMAS)}
    assert ("data/tasks.yml", 12, "catalogue") in found  # duplicate id b
    assert ("data/tasks.yml", 3, "task-fase") in found  # fase 'later'
    assert ("data/tasks.yml", 3, "catalogue") in found  # helper 'onbekend'
    assert ("data/tasks.yml", 7, "catalogue") in found  # alias a is another task's id; thema werk
    messages = " ".join(f.message for f in cat.validate(catalogue, FASES, THEMAS))
    assert "helpers 'onbekend' is not in data/contacts.yml" in messages
    assert "unknown thema 'werk'" in messages


def test_translation_gives_text_and_falls_back_to_dutch(tmp_path):
    data = project(tmp_path, TASKS)
    write(data, "tasks.en.yml", """\
        tasks:
          huurcontract:
            title: I have signed the rental contract.
          niet-bestaand:
            title: Nothing.
        """)
    catalogue = cat.load(data, LANGS, tmp_path)
    assert catalogue.text("tasks", "huurcontract", "title", "en") == (
        "I have signed the rental contract.", "en")
    assert catalogue.text("tasks", "pas", "title", "en") == ("Ik heb mijn verblijfspas.", "nl")
    assert [(f.path, f.line) for f in catalogue.findings] == [("data/tasks.en.yml", 4)]


def test_fingerprint_follows_translatable_text_only(tmp_path):
    data = project(tmp_path, TASKS)
    before = cat.load(data, LANGS, tmp_path).fingerprint("tasks")
    text = (data / "tasks.yml").read_text(encoding="utf-8")
    (data / "tasks.yml").write_text(text.replace("helpers: [coa]", "helpers: []"), encoding="utf-8")
    assert cat.load(data, LANGS, tmp_path).fingerprint("tasks") == before
    (data / "tasks.yml").write_text(text.replace("Ik heb mijn verblijfspas.", "Ik heb de pas."),
                                    encoding="utf-8")
    assert cat.load(data, LANGS, tmp_path).fingerprint("tasks") != before


def test_malformed_yaml_names_the_line(tmp_path):
    data = project(tmp_path, "tasks:\n  - id: a\n    title: [unclosed\n")
    catalogue = cat.load(data, LANGS, tmp_path)
    assert [(f.path, f.rule) for f in catalogue.findings] == [("data/tasks.yml", "catalogue")]
    assert catalogue.findings[0].line >= 3


def test_the_real_catalogues_are_valid():
    root = Path(__file__).resolve().parents[2]
    from tools.wegwijs.sources import content_model as cm

    model = cm.load_model(root / "mkdocs.yml")
    catalogue = cat.load(root / "data", model.languages, root)
    problems = catalogue.findings + cat.validate(catalogue, model.fases, model.themas, model.docs_dir)
    assert problems == []
    assert len(catalogue.tasks) >= 90 and len(catalogue.contacts) >= 20
