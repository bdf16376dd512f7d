"""tools/dev/bench_web.py without a browser: misuse is a clear error, and the budget table
marks pages over budget. Its measurement in Chromium is tested in
tests/browser/test_budgets_browser.py.
"""
from __future__ import annotations

import io

from tools.dev import bench_web
from tools.wegwijs import cli
from tools.dev.bench_web import KB


def test_bench_web_misuse_is_a_clear_error(tmp_path):
    err = io.StringIO()
    assert cli.run(["bench-web", "--site", str(tmp_path / "nope")], err=err) == 2
    assert "no index.html there (run `make build` first)" in err.getvalue()


def test_budget_table_marks_pages_over_budget():
    ok = bench_web.Load(url="http://127.0.0.1/x/", bytes=40 * KB, requests=8)
    heavy = bench_web.Load(url="http://127.0.0.1/y/", bytes=140 * KB, requests=30)
    table = bench_web.format_table([("home", "nl", "", ok, {}),
                                    ("thema", "ar", "ar/thema/wonen/", heavy, {"performance": 80})])
    lines = table.splitlines()
    assert lines[2].split()[-1] == "ok" and lines[3].split()[-1] == "OVER"
    problems = bench_web.check_row("thema", "ar", heavy, {"performance": 80, "accessibility": 100,
                                                         "best-practices": 100, "seo": 100})
    assert len(problems) == 3  # bytes, requests, Lighthouse performance


def test_table_reports_bodies_against_the_first_visit_target():
    """Issue 17: the first-visit figure per page type and language, compressed bodies
    without headers, against the 40 KB target; oefenen is one of the page types."""
    assert "oefenen" in bench_web.PAGE_TYPES and bench_web.TARGET_BODY_BYTES == 40 * KB
    light = bench_web.Load(url="http://127.0.0.1/x/", bytes=48 * KB, body_bytes=39 * KB, requests=12)
    heavy = bench_web.Load(url="http://127.0.0.1/y/", bytes=60 * KB, body_bytes=44 * KB, requests=12)
    table = bench_web.format_table([("thema-video", "nl", "thema/geld/", light, {}),
                                    ("thema-video", "ar", "ar/thema/geld/", heavy, {})])
    header, _rule, first, second = table.splitlines()[:4]
    assert header.split()[3:7] == ["KB", "body", "KB", "target"]
    assert first.split()[3:6] == ["48.0", "39.0", "ok"] and second.split()[3:6] == ["60.0", "44.0", "over"]
    assert "first-visit target: <= 40 KB of compressed bodies" in table
