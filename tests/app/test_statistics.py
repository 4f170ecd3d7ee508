"""`--statistics`: counts of unsuppressed findings per rule, across all files, like ruff's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from partnercheck.cli import app
from partnercheck.rules import REGISTRY
from tests.conftest import dump, sound

AS_OF = "2026-11-26"


def run(*args: str) -> Result:
    return CliRunner().invoke(app, [*args, "--as-of", AS_OF])


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def write(name: str, *, baselines: int = 0, channels: bool = True, suppress: bool = False) -> str:
    """The sound partnership without ``baselines`` goal baselines (PC103 each), and channels."""
    data: dict[str, Any] = sound()
    for goal, kpi in zip(data["goals"][:baselines], data["evaluation"]["kpis"], strict=False):
        goal.pop("baseline")
        kpi.pop("baseline")  # the KPI measuring the goal would supply it
    if not channels:
        data["communication"].pop("channels")
    if suppress:
        data["suppress"] = [{"rule": "PC305", "reason": "Co-located team"}]
    Path(name).write_text(dump(data), encoding="utf-8")
    return name


def stat(count: int, rule: str) -> str:
    return f"{count:5d}\t{rule}\t{REGISTRY[rule].title}"


def stat_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line[:5].strip().isdigit() and "\t" in line]


def test_counts_per_rule_across_files_most_frequent_first() -> None:
    files = [write("a.yaml", baselines=2, channels=False), write("b.yaml", baselines=1)]
    result = run("assess", *files, "--format", "concise", "--statistics")
    assert result.exit_code == 0
    assert stat_lines(result.stdout) == [stat(3, "PC103"), stat(1, "PC305")]
    assert result.stdout.endswith(stat(1, "PC305") + "\n")


def test_ties_are_ordered_by_rule_id() -> None:
    result = run("assess", write("a.yaml", baselines=1, channels=False), "--statistics")
    assert stat_lines(result.stdout) == [stat(1, "PC103"), stat(1, "PC305")]


def test_without_the_option_there_are_no_counts() -> None:
    result = run("assess", write("a.yaml", baselines=2), "--format", "concise")
    assert stat_lines(result.stdout) == []


def test_suppressed_findings_are_not_counted() -> None:
    name = write("a.yaml", baselines=1, channels=False, suppress=True)
    result = run("assess", name, "--format", "concise", "--statistics")
    assert stat_lines(result.stdout) == [stat(1, "PC103")]


def test_no_findings_no_counts() -> None:
    result = run("assess", write("a.yaml"), "--format", "concise", "--statistics")
    assert result.exit_code == 0
    assert stat_lines(result.stdout) == []


def test_rich_output_has_a_statistics_section() -> None:
    result = run("assess", write("a.yaml", baselines=2), "--format", "rich", "--statistics")
    assert "Statistics" in result.stdout
    assert "PC103" in result.stdout.split("Statistics", 1)[1]


def test_summary_beside_an_output_file_has_the_counts() -> None:
    name = write("a.yaml", baselines=2)
    result = run("assess", name, "--statistics", "-o", "report.json")
    assert stat_lines(result.stdout) == [stat(2, "PC103")]
    assert "results" in json.loads(Path("report.json").read_text(encoding="utf-8"))


def test_json_output_is_unchanged_by_the_option() -> None:
    name = write("a.yaml", baselines=2)
    plain = run("assess", name, "--format", "json").stdout
    assert run("assess", name, "--format", "json", "--statistics").stdout == plain
