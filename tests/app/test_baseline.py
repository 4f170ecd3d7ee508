"""Baselines: `baseline create`, then `assess --baseline` reports and fails on new findings only."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from partnercheck.app.baseline import create, filter_known
from partnercheck.errors import InputErrors
from partnercheck.identity import finding_id
from partnercheck.results import Finding, Location, Report, Severity, ToolInfo
from tests.app.cli_helpers import AS_OF, assess, run
from tests.conftest import EXAMPLES, dump, sound

EMPTY = Report(tool=ToolInfo(version="1"), as_of=date(2026, 11, 26), results=[], errors=[])


def rules_of(report: dict[str, Any]) -> list[str]:
    return [f["rule"] for r in report["results"] for f in r["findings"]]


def flawed() -> dict[str, Any]:
    """Sound, but for two warnings: no channels (PC305), no baseline for G1 (PC103)."""
    data = sound()
    data["communication"].pop("channels")
    data["goals"][0].pop("baseline")
    data["evaluation"]["kpis"][0].pop("baseline")  # nor on the KPI that measures it
    return data


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def recorded() -> Path:
    """p.yaml with two findings, and its baseline at base.json."""
    Path("p.yaml").write_text(dump(flawed()), encoding="utf-8")
    result = run("baseline", "create", "p.yaml", "-o", "base.json", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert result.stdout == "Wrote base.json: 2 findings in 1 file(s).\n"
    return Path("base.json")


# The baseline file


def test_baseline_lists_every_finding_sorted(recorded: Path) -> None:
    document = json.loads(recorded.read_text(encoding="utf-8"))
    assert document["partnercheck-baseline"] == 2
    entries = document["findings"]
    assert [(e["rule"], e["file"], e["path"], e["subject"]) for e in entries] == [
        ("PC103", "p.yaml", "goals[0]", "G1"),
        ("PC305", "p.yaml", "communication", ""),
    ]
    assert all(set(e) == {"id", "rule", "file", "path", "subject", "message"} for e in entries)


def test_baseline_is_byte_identical_when_created_again(recorded: Path) -> None:
    first = recorded.read_bytes()
    assert run("baseline", "create", "p.yaml", "-o", "again.json", "--as-of", AS_OF).exit_code == 0
    assert Path("again.json").read_bytes() == first


def test_default_output_name() -> None:
    Path("p.yaml").write_text(dump(flawed()), encoding="utf-8")
    assert run("baseline", "create", "p.yaml", "--as-of", AS_OF).exit_code == 0
    assert Path(".partnercheck-baseline.json").is_file()


def test_baseline_leaves_out_suppressed_findings() -> None:
    data = flawed()
    data["suppress"] = [{"rule": "PC305", "reason": "Co-located team"}]
    Path("p.yaml").write_text(dump(data), encoding="utf-8")
    assert run("baseline", "create", "p.yaml", "-o", "b.json", "--as-of", AS_OF).exit_code == 0
    entries = json.loads(Path("b.json").read_text(encoding="utf-8"))["findings"]
    assert [e["rule"] for e in entries] == ["PC103"]


def test_create_on_invalid_input_exits_2_and_writes_nothing() -> None:
    Path("bad.yaml").write_text("partnercheck: 1\npartners: [\n", encoding="utf-8")
    result = run("baseline", "create", "bad.yaml", "missing.yaml", "-o", "b.json")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == "missing.yaml:1:1: no such file or directory"
    assert lines[1].startswith("bad.yaml:")
    assert not Path("b.json").exists()


def test_create_reads_the_config(recorded: Path) -> None:
    Path(".partnercheck.toml").write_text('ignore = ["PC103"]\n', encoding="utf-8")
    assert run("baseline", "create", "p.yaml", "-o", "b.json", "--as-of", AS_OF).exit_code == 0
    entries = json.loads(Path("b.json").read_text(encoding="utf-8"))["findings"]
    assert [e["rule"] for e in entries] == ["PC305"]


def test_create_help_has_an_example() -> None:
    result = run("baseline", "create", "--help")
    assert result.exit_code == 0
    assert "partnercheck baseline create partnerships/" in result.stdout


# assess --baseline


def test_known_findings_are_hidden_after_lines_move(recorded: Path) -> None:
    moved = "# Reviewed by the board\n\n# (lines below have moved)\n\n" + dump(flawed())
    Path("p.yaml").write_text(moved, encoding="utf-8")
    code, report = assess("p.yaml", "--baseline", str(recorded), "--fail-on", "info")
    assert code == 0
    assert rules_of(report) == []


def test_scores_stay_as_assessed(recorded: Path) -> None:
    _, plain = assess("p.yaml")
    _, filtered = assess("p.yaml", "--baseline", str(recorded))
    assert filtered["results"][0]["score"] == plain["results"][0]["score"] < 100.0
    assert filtered["results"][0]["elements"] == plain["results"][0]["elements"]


def test_only_a_new_finding_is_reported_and_fails(recorded: Path) -> None:
    data = flawed()
    data["goals"][1].pop("target")  # PC104, new
    data["evaluation"]["kpis"][1].pop("target")
    Path("p.yaml").write_text("# edited\n" + dump(data), encoding="utf-8")
    code, report = assess("p.yaml", "--baseline", str(recorded), "--fail-on", "warning")
    assert code == 1
    [new] = report["results"][0]["findings"]
    assert (new["rule"], new["location"]["path"]) == ("PC104", "goals[1]")


def test_a_second_finding_of_a_known_kind_at_a_new_place_is_new(recorded: Path) -> None:
    data = flawed()
    data["goals"][1].pop("baseline")  # PC103 again, on another goal
    data["evaluation"]["kpis"][1].pop("baseline")
    Path("p.yaml").write_text(dump(data), encoding="utf-8")
    code, report = assess("p.yaml", "--baseline", str(recorded), "--fail-on", "info")
    assert code == 1
    assert [f["location"]["path"] for f in report["results"][0]["findings"]] == ["goals[1]"]


def test_concise_output_counts_only_new_findings(recorded: Path) -> None:
    result = run("assess", "p.yaml", "--baseline", str(recorded), "--as-of", AS_OF)
    assert result.stdout.endswith("0 findings\n")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('{\n  "partnercheck-baseline": 1,\n  findings: []\n}\n', "bad.json:3:3: "),
        ('{"findings": []}\n', "bad.json:1:1: "),
        ("[]\n", "bad.json:1:1: "),
    ],
)
def test_invalid_baseline_exits_2_with_a_located_error(text: str, where: str) -> None:
    Path("p.yaml").write_text(dump(flawed()), encoding="utf-8")
    Path("bad.json").write_text(text, encoding="utf-8")
    result = run("assess", "p.yaml", "--baseline", "bad.json", "--as-of", AS_OF)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(where)


# The functions


def finding(rule: str = "PC305", path: str | None = "communication", line: int = 7) -> Finding:
    return Finding(
        rule=rule,
        severity=Severity.WARNING,
        element=None,
        challenge=None,
        message="m",
        location=Location(path=path, line=line, column=3) if path is not None else None,
        recommendation="r",
    )


def test_entries_are_the_finding_identity() -> None:
    report = EMPTY.model_copy(update={"results": []})
    assert create(report) == '{\n  "partnercheck-baseline": 2,\n  "findings": []\n}\n'
    assert finding_id("p.yaml", finding(line=7)) == finding_id("p.yaml", finding(line=70))


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        (None, 1, 1, "baseline file not found"),
        ("", 1, 1, "invalid baseline: Expecting value"),
        ('{"partnercheck-baseline": 1,\n "findings": [}', 2, 15, "invalid baseline:"),
        ('{"findings": []}', 1, 1, "not a partnercheck baseline"),
        ('{"partnercheck-baseline": 3, "findings": []}', 1, 1, "unsupported baseline version 3"),
        ('{"partnercheck-baseline": 2, "findings": {}}', 1, 1, "'findings' must be a list"),
        (
            '{"partnercheck-baseline": 2, "findings": [{"rule": "PC1"}]}',
            1,
            1,
            "findings[0] has no id",
        ),
    ],
)
def test_filter_known_rejects_a_bad_baseline(
    text: str | None, line: int, column: int, message: str
) -> None:
    path = Path("b.json")
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(InputErrors) as caught:
        filter_known(EMPTY, path)
    [error] = caught.value.errors
    assert (error.file, error.line, error.column) == ("b.json", line, column)
    assert message in error.message


# Identity: subjects, folders, dates, and the old format


def test_the_same_rule_about_another_partner_is_new(recorded: Path) -> None:
    """Format 1 matched on rule, file and path alone, so this swap went unnoticed."""
    data = flawed()
    data["vision"]["agreed_by"] = ["council", "carers"]  # trust has not agreed (PC204)
    Path("p.yaml").write_text(dump(data), encoding="utf-8")
    assert run("baseline", "create", "p.yaml", "-o", "b.json", "--as-of", AS_OF).exit_code == 0
    data["vision"]["agreed_by"] = ["council", "trust"]  # trust now has; carers has not
    Path("p.yaml").write_text(dump(data), encoding="utf-8")
    code, report = assess("p.yaml", "--baseline", "b.json", "--fail-on", "warning")
    assert code == 1
    [new] = report["results"][0]["findings"]
    assert (new["rule"], new["subject"]) == ("PC204", "carers")


def test_a_baseline_works_from_any_folder_of_the_repository(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    Path(".git").mkdir()
    Path("partnerships").mkdir()
    Path("partnerships/p.yaml").write_text(dump(flawed()), encoding="utf-8")
    assert (
        run("baseline", "create", "partnerships", "-o", "b.json", "--as-of", AS_OF).exit_code == 0
    )
    entries = json.loads(Path("b.json").read_text(encoding="utf-8"))["findings"]
    assert {e["file"] for e in entries} == {"partnerships/p.yaml"}
    monkeypatch.chdir("partnerships")
    code, report = assess("p.yaml", "--baseline", "../b.json", "--fail-on", "info")
    assert (code, rules_of(report)) == (0, [])


def test_known_findings_stay_known_as_the_days_pass() -> None:
    """Messages with dates and counts change from day to day; the findings are the same."""
    text = (EXAMPLES / "northern-research-consortium.yaml").read_text(encoding="utf-8")
    Path("n.yaml").write_text(text, encoding="utf-8")
    assert (
        run("baseline", "create", "n.yaml", "-o", "b.json", "--as-of", "2026-11-26").exit_code == 0
    )
    later = "2027-01-15"
    result = run("assess", "n.yaml", "--format", "json", "--as-of", later)
    every = json.loads(result.stdout)["results"][0]["findings"]
    result = run("assess", "n.yaml", "--baseline", "b.json", "--format", "json", "--as-of", later)
    new = json.loads(result.stdout)["results"][0]["findings"]
    entries = json.loads(Path("b.json").read_text(encoding="utf-8"))["findings"]
    recorded = {(e["rule"], e["path"], e["subject"]): e["message"] for e in entries}
    reworded = [
        f
        for f in every
        if recorded.get((f["rule"], f["location"]["path"], f["subject"] or ""), f["message"])
        != f["message"]
    ]
    assert reworded, "the test needs a finding whose message changed with the date"
    assert not any(f in new for f in reworded)
    assert [(f["rule"], f["subject"]) for f in new] == [
        (f["rule"], f["subject"])
        for f in every
        if (f["rule"], f["location"]["path"], f["subject"] or "") not in recorded
    ]
    assert new  # a goal that went off track since is new


def test_a_format_1_baseline_is_refused_saying_how_to_write_a_new_one() -> None:
    Path("p.yaml").write_text(dump(flawed()), encoding="utf-8")
    old = {
        "partnercheck-baseline": 1,
        "findings": [
            {
                "fingerprint": "0" * 64,
                "rule": "PC305",
                "file": "p.yaml",
                "path": "communication",
                "message": "No communication channels are listed",
            }
        ],
    }
    Path("old.json").write_text(json.dumps(old, indent=2) + "\n", encoding="utf-8")
    result = run("assess", "p.yaml", "--baseline", "old.json", "--as-of", AS_OF)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("old.json:2:1: baseline format 1 is no longer read")
    assert "partnercheck baseline create PATHS -o FILE" in line
