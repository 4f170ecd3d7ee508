"""Progress over time: diff of two assessments, history of a file through git."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner, Result

from partnercheck.cli import progress_cmd
from partnercheck.comparison import diff_reports, diff_results
from partnercheck.reporters import RenderContext, render
from partnercheck.reporters.progress_text import (
    render_diff_markdown,
    render_diff_rich,
    sparkline,
)
from partnercheck.results import Band, ElementId, FileResult
from tests.conftest import assess_data, assess_text, dump, sound
from tests.reporters.reports import report_of

AS_OF = "2026-11-26"
Change = Callable[[dict[str, Any]], object]
GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")


def cli() -> typer.Typer:
    app = typer.Typer()
    progress_cmd.register(app)
    return app


def run(*args: str) -> Result:
    return CliRunner().invoke(cli(), list(args))


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty working directory (no config found) and no user or system git config."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))


def changed(*changes: Change) -> dict[str, Any]:
    data = sound()
    for change in changes:
        change(data)
    return data


def no_g1_target(data: dict[str, Any]) -> None:
    data["goals"][0].pop("target")
    data["evaluation"]["kpis"][0].pop("target")  # the KPI would supply it


def no_g2_baseline(data: dict[str, Any]) -> None:
    data["goals"][1].pop("baseline")
    data["evaluation"]["kpis"][1].pop("baseline")


def no_dispute_process(data: dict[str, Any]) -> None:
    data["communication"].pop("conflict_resolution")


def write(name: str, data: dict[str, Any], prefix: str = "") -> str:
    Path(name).write_text(prefix + dump(data), encoding="utf-8")
    return name


# --- diff ------------------------------------------------------------------------------


def test_diff_of_two_files_lists_the_fixed_and_the_new_finding() -> None:
    old = write("old.yaml", changed(no_g1_target, no_g2_baseline))
    # Comment lines move every line down: the unchanged PC103 must still match.
    new = write("new.yaml", changed(no_g2_baseline, no_dispute_process), "# moved\n" * 5)
    result = run("diff", old, new, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0, result.output
    diff = json.loads(result.stdout)
    [file] = diff["files"]
    assert [(f["rule"], f["path"]) for f in file["resolved"]] == [("PC104", "goals[0]")]
    assert [(f["rule"], f["path"]) for f in file["introduced"]] == [("PC307", "communication")]
    assert file["unchanged"] == 1
    elements = {e["id"]: e for e in file["elements"]}
    assert elements["goals"]["delta"] > 0
    assert elements["communication"]["delta"] < 0
    assert elements["roles"]["delta"] == 0
    assert file["delta"] == pytest.approx(file["new_score"] - file["old_score"], abs=0.01)
    assert file["band_change"] == "unchanged"


def test_diff_of_two_json_results() -> None:
    old_report = report_of(assess_data(changed(no_dispute_process, no_g1_target)))
    new_report = report_of(assess_data(sound()))
    Path("old.json").write_text(render("json", old_report, RenderContext()), encoding="utf-8")
    Path("new.json").write_text(render("json", new_report, RenderContext()), encoding="utf-8")
    result = run("diff", "old.json", "new.json", "--format", "json")
    assert result.exit_code == 0, result.output
    [file] = json.loads(result.stdout)["files"]
    assert {f["rule"] for f in file["resolved"]} == {"PC104", "PC307"}
    assert file["introduced"] == []
    assert file["new_score"] == 100.0
    assert file["delta"] > 0


def test_diff_text_formats() -> None:
    old = assess_data(changed(no_g1_target))
    new = assess_data(changed(no_dispute_process))
    diff = diff_reports("old.yaml", "new.yaml", [old], [new])
    markdown = render_diff_markdown(diff)
    assert "| Clear goals and objectives |" in markdown
    assert "### Resolved findings (1)" in markdown
    [fixed] = [f for f in old.findings if f.rule == "PC104"]
    assert f"- `PC104` warning: {fixed.text} (`goals[0]`, line" in markdown
    assert "G1" not in fixed.text  # people read the goal's name; the id is for CI
    assert "### New findings (1)" in markdown
    assert "### Still open findings (0)" in markdown
    text = render_diff_rich(diff, color=False, width=100)
    assert "fixed PC104" in text
    assert "new PC307" in text
    assert "\x1b[" not in text


def test_markdown_is_the_default_for_md_output_and_rich_for_the_terminal() -> None:
    old = write("old.yaml", changed(no_g1_target))
    new = write("new.yaml", sound())
    assert run("diff", old, new, "--as-of", AS_OF, "-o", "d.md").exit_code == 0
    assert Path("d.md").read_text(encoding="utf-8").startswith("# partnercheck diff")
    result = run("diff", old, new, "--as-of", AS_OF)
    assert "Resolved findings (1)" in result.stdout


def test_diff_matches_repeated_findings_as_a_multiset() -> None:
    result = assess_data(changed(no_g1_target))
    finding = next(f for f in result.findings if f.rule == "PC104")
    twice = result.model_copy(update={"findings": [*result.findings, finding]})
    diff = diff_results(twice, result)
    assert [f.rule for f in diff.resolved] == ["PC104"]
    assert diff.introduced == []


def test_many_results_pair_by_file_then_by_partnership_name() -> None:
    def named(file: str, partnership: str) -> FileResult:
        data = sound()
        data["partnership"]["name"] = partnership
        return assess_text(dump(data), name=file)

    old = [named("a.yaml", "Alpha"), named("b.yaml", "Beta"), named("gone.yaml", "Gone")]
    new = [named("b.yaml", "Beta"), named("moved/a.yaml", "Alpha"), named("c.yaml", "Gamma")]
    diff = diff_reports("old.json", "new.json", old, new)
    assert [(d.old_file, d.new_file) for d in diff.files] == [
        ("a.yaml", "moved/a.yaml"),
        ("b.yaml", "b.yaml"),
    ]
    assert diff.only_old == ["gone.yaml"]
    assert diff.only_new == ["c.yaml"]
    assert "## Only in the new results" in render_diff_markdown(diff)


def test_bands_report_their_direction() -> None:
    strong = assess_data(sound())
    weak = strong.model_copy(update={"band": Band.AT_RISK, "score": 45.0})
    assert diff_results(weak, strong).band_change == "up"
    assert diff_results(strong, weak).band_change == "down"
    assert diff_results(strong, strong).band_change == "unchanged"
    assert "at-risk -> strong (improved)" in render_diff_markdown(
        diff_reports("a", "b", [weak], [strong])
    )


@pytest.mark.parametrize(
    ("old_text", "expected"),
    [
        (None, "missing.yaml:1:1: cannot read file"),
        ("partnership: [\n", "old.yaml:2:1: invalid YAML"),
        ('{"tool": {}, "results": [{}]}', "old.yaml:1:1: not a partnercheck JSON result"),
    ],
)
def test_diff_bad_input_exits_2_with_a_located_error(old_text: str | None, expected: str) -> None:
    new = write("new.yaml", sound())
    old = "missing.yaml"
    if old_text is not None:
        old = "old.yaml"
        Path(old).write_text(old_text, encoding="utf-8")
    result = run("diff", old, new, "--as-of", AS_OF)
    assert result.exit_code == 2
    assert result.stderr.startswith(expected)
    assert "Traceback" not in result.output


def test_diff_rejects_an_unknown_format() -> None:
    new = write("new.yaml", sound())
    assert run("diff", new, new, "--format", "xml").exit_code == 2


# --- history ---------------------------------------------------------------------------


def git(repo: Path, *args: str, day: str | None = None) -> None:
    env = dict(os.environ)
    if day is not None:
        env["GIT_COMMITTER_DATE"] = env["GIT_AUTHOR_DATE"] = f"{day}T12:00:00+00:00"
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
    )


def commit(repo: Path, text: str, day: str, name: str = "p.yaml") -> None:
    (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", name)
    git(repo, "commit", "-q", "-m", f"version of {day}", day=day)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Three improving versions of a partnership, then a broken one, then a fix."""
    folder = tmp_path / "repo"
    folder.mkdir()
    git(folder, "init", "-q", ".")

    def reviewed(data: dict[str, Any]) -> dict[str, Any]:
        data["evaluation"]["last_review"] = date(2026, 1, 10)  # before every commit date
        return data

    commit(folder, dump(reviewed(changed(no_g1_target, no_dispute_process))), "2026-01-15")
    commit(folder, dump(reviewed(changed(no_g1_target))), "2026-02-15")
    commit(folder, "partnercheck: 1\npartnership: [\n", "2026-03-15")
    commit(folder, dump(reviewed(sound())), "2026-04-15")
    return folder


@needs_git
def test_history_json_shows_the_trend_oldest_first(repo: Path) -> None:
    result = run("history", str(repo / "p.yaml"), "--format", "json")
    assert result.exit_code == 0, result.output
    versions = json.loads(result.stdout)["versions"]
    assert [v["date"] for v in versions] == ["2026-01-15", "2026-02-15", "2026-03-15", "2026-04-15"]
    scores = [v["score"] for v in versions]
    assert scores[0] < scores[1] < scores[3] == 100.0
    assert scores[2] is None
    assert versions[2]["error"].startswith("3:1: invalid YAML")
    assert versions[0]["elements"]["communication"] < versions[1]["elements"]["communication"]
    assert list(versions[3]["elements"]) == [e.value for e in ElementId]
    assert all(len(v["commit"]) == 40 for v in versions)


@needs_git
def test_history_in_the_terminal_has_sparklines(repo: Path) -> None:
    result = run("history", str(repo / "p.yaml"))
    assert result.exit_code == 0, result.output
    assert "Overall" in result.stdout
    assert any(spark in result.stdout for spark in "▁▂▃▄▅▆▇")
    assert "invalid: 3:1: invalid YAML" in result.stdout


@needs_git
def test_history_html_is_a_self_contained_chart(repo: Path) -> None:
    result = run("history", str(repo / "p.yaml"), "-o", "trend.html")
    assert result.exit_code == 0, result.output
    page = Path("trend.html").read_text(encoding="utf-8")
    assert page.count("<polyline") == 7  # overall and six elements
    assert "<script" not in page and "url(" not in page
    assert 'role="img"' in page
    assert "2026-04-15" in page and "Versions that could not be assessed" in page


@needs_git
def test_history_follows_a_renamed_file(repo: Path) -> None:
    git(repo, "mv", "p.yaml", "renamed.yaml")
    git(repo, "commit", "-q", "-m", "rename", day="2026-05-15")
    result = run("history", str(repo / "renamed.yaml"), "--format", "json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["versions"]) == 5


@needs_git
def test_history_of_a_file_never_committed_exits_2(repo: Path) -> None:
    (repo / "new.yaml").write_text(dump(sound()), encoding="utf-8")
    result = run("history", str(repo / "new.yaml"))
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("1:1: the file has no committed versions")


@needs_git
def test_history_outside_a_repository_exits_2(tmp_path: Path) -> None:
    write("p.yaml", sound())
    result = run("history", "p.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("p.yaml:1:1: not in a git repository")
    assert len(result.stderr.strip().splitlines()) == 1


def test_sparkline_uses_the_absolute_scale() -> None:
    assert sparkline([0.0, 50.0, 100.0, None]) == "▁▅█·"
