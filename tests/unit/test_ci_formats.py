"""`python -m tools check --format github|gitlab`: CI annotations for known findings."""
import json

from tools.wegwijs import findings as F

KNOWN = [
    F.error("docs/thema/wonen.md", "sentence of 31 words, the limit is 25", "sentence-length", line=12, col=1),
    F.warning("docs/thema/wonen.en.md", "outdated: Dutch page changed, 100%\nsee diff",
              "translation-outdated"),
]


def test_github_annotations_name_file_line_and_rule():
    lines = F.render(KNOWN, "github").splitlines()
    assert lines == [  # sorted by path, as every format
        "::warning file=docs/thema/wonen.en.md,title=translation-outdated::"
        "outdated: Dutch page changed, 100%25%0Asee diff (translation-outdated)",
        "::error file=docs/thema/wonen.md,line=12,col=1,title=sentence-length::"
        "sentence of 31 words, the limit is 25 (sentence-length)",
    ]


def test_gitlab_code_quality_report():
    report = json.loads(F.render(KNOWN, "gitlab"))
    assert [r["location"] for r in report] == [
        {"path": "docs/thema/wonen.en.md", "lines": {"begin": 1}},
        {"path": "docs/thema/wonen.md", "lines": {"begin": 12}},
    ]
    assert [r["severity"] for r in report] == ["minor", "major"]
    assert report[1]["check_name"] == "sentence-length"
    assert len({r["fingerprint"] for r in report}) == 2


def test_cli_accepts_the_formats(capsys):
    from tools.wegwijs.cli import build_parser

    args = build_parser().parse_args(["check", "--format", "github", "--strict", "docs/index.md"])
    assert (args.format, args.strict, args.files) == ("github", True, ["docs/index.md"])
