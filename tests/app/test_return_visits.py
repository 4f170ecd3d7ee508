"""Coming back at the next review: diff and history agree, findings keep their identity,
versions come from git as REV:path, and KPIs show their movement in every format."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from partnercheck.app.gitread import revision_spec
from partnercheck.comparison import diff_reports, movement
from tests.app.test_progress import (
    AS_OF,
    _isolated,  # noqa: F401 (the autouse fixture: an empty folder, no user git config)
    changed,
    commit,
    git,
    needs_git,
    run,
    write,
)
from tests.conftest import assess_data, dump, sound


def overdue_goal(data: dict[str, Any]) -> None:
    """G1 was due in 2025 and nothing records whether it was met."""
    data["goals"][0]["due"] = date(2025, 12, 31)
    data["goals"][0].pop("status", None)


def kpi_current(value: float) -> Any:
    def change(data: dict[str, Any]) -> None:
        data["evaluation"]["kpis"][0]["current"] = value
        data["evaluation"]["kpis"][0].pop("readings", None)

    return change


@pytest.fixture
def history_repo(tmp_path: Path) -> Path:
    """Two versions of one file, six months apart; the second fixes the dispute process."""
    folder = tmp_path / "repo"
    folder.mkdir()
    git(folder, "init", "-q", ".")

    def reviewed(data: dict[str, Any], day: date) -> dict[str, Any]:
        data["evaluation"]["last_review"] = day
        return data

    no_process = changed(lambda d: d["communication"].pop("conflict_resolution"), overdue_goal)
    commit(folder, dump(reviewed(no_process, date(2026, 5, 1))), "2026-05-20")
    commit(folder, dump(reviewed(changed(overdue_goal), date(2026, 11, 1))), "2026-11-20")
    return folder


@needs_git
def test_diff_of_two_commits_agrees_with_history(
    history_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(history_repo)
    history = json.loads(run("history", "p.yaml", "--format", "json").stdout)["versions"]
    result = run("diff", "HEAD~1:p.yaml", "HEAD:p.yaml", "--format", "json")
    assert result.exit_code == 0, result.output
    [file] = json.loads(result.stdout)["files"]
    assert (file["old_score"], file["new_score"]) == (history[0]["score"], history[1]["score"])
    assert (file["old_as_of"], file["new_as_of"]) == ("2026-05-20", "2026-11-20")


@needs_git
def test_plain_files_at_their_own_dates_agree_with_the_commits(
    history_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(history_repo)
    git(history_repo, "show", "HEAD~1:p.yaml")
    old = Path("old.yaml")
    old.write_bytes(
        __import__("subprocess")
        .run(["git", "show", "HEAD~1:p.yaml"], capture_output=True, check=True)
        .stdout
    )
    by_rev = json.loads(run("diff", "HEAD~1:p.yaml", "HEAD:p.yaml", "-f", "json").stdout)
    dated = run(
        "diff",
        "old.yaml",
        "p.yaml",
        "--old-as-of",
        "2026-05-20",
        "--new-as-of",
        "2026-11-20",
        "-f",
        "json",
    )
    same_day = json.loads(
        run("diff", "old.yaml", "p.yaml", "--as-of", "2026-11-20", "-f", "json").stdout
    )
    [a], [b] = by_rev["files"], json.loads(dated.stdout)["files"]
    assert (a["old_score"], a["new_score"]) == (b["old_score"], b["new_score"])
    # One date for both (the old behaviour) scores the old version differently.
    assert same_day["files"][0]["old_score"] != a["old_score"]


def test_an_overdue_goal_is_still_open_whatever_its_message_says() -> None:
    old = assess_data(changed(overdue_goal), as_of=date(2026, 2, 19))
    # The same findings, worded differently ("overdue by 243 days" where it said 50).
    reworded = [f.model_copy(update={"message": f.message + " (243 days)"}) for f in old.findings]
    new = old.model_copy(update={"findings": reworded})
    [d] = diff_reports("old", "new", [old], [new]).files
    assert any(f.subject == "G1" for f in old.findings)
    assert d.resolved == [] and d.introduced == []
    assert {f.subject for f in d.still_open} >= {"G1"}
    assert len(d.still_open) == len([f for f in old.findings if not f.suppressed])


def test_the_same_rule_about_another_partner_is_a_new_finding() -> None:
    def no_benefit(pid: int) -> Any:
        return lambda data: data["partners"][pid].pop("benefits", None)

    old = assess_data(changed(no_benefit(0)))
    new = assess_data(changed(no_benefit(1)))
    [d] = diff_reports("old", "new", [old], [new]).files
    assert [f.rule for f in d.resolved] == [f.rule for f in d.introduced] == ["PC110"]
    assert d.resolved[0].subject != d.introduced[0].subject


@pytest.mark.parametrize(
    ("old", "new", "target", "better", "expected"),
    [
        (18.0, 14.0, 12.0, "lower", "toward"),
        (14.0, 16.0, 12.0, "lower", "away"),
        (10.0, 12.0, None, "higher", "toward"),
        (10.0, 8.0, None, "higher", "away"),
        (10.0, 10.0, 12.0, "higher", "unchanged"),
        (None, 10.0, 12.0, "higher", "unknown"),
        (10.0, 12.0, None, None, "unknown"),
    ],
)
def test_kpi_movement_is_judged_against_the_target(
    old: float | None,
    new: float | None,
    target: float | None,
    better: str | None,
    expected: str,
) -> None:
    assert movement(old, new, target, better) == expected


def test_kpi_movement_appears_in_every_diff_format() -> None:
    name = sound()["evaluation"]["kpis"][0]["name"]
    baseline = sound()["evaluation"]["kpis"][0]["baseline"]
    target = sound()["evaluation"]["kpis"][0]["target"]
    away = baseline - (target - baseline)  # further from the target than it started
    write("old.yaml", sound())
    write("new.yaml", changed(kpi_current(away)))
    data = json.loads(run("diff", "old.yaml", "new.yaml", "--as-of", AS_OF, "-f", "json").stdout)
    [kpi] = [k for k in data["files"][0]["kpis"] if k["name"] == name]
    assert kpi["movement"] == "away"
    for fmt in ("rich", "markdown", "html"):
        out = run("diff", "old.yaml", "new.yaml", "--as-of", AS_OF, "-f", fmt).stdout
        assert name.split(" (")[0] in out and "away from the target" in out, fmt


@needs_git
def test_kpi_movement_appears_in_every_history_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "kpis"
    folder.mkdir()
    git(folder, "init", "-q", ".")
    kpi = sound()["evaluation"]["kpis"][0]
    commit(folder, dump(changed(kpi_current(kpi["baseline"]))), "2026-03-01")
    commit(folder, dump(changed(kpi_current(kpi["target"]))), "2026-09-01")
    monkeypatch.chdir(folder)
    data = json.loads(run("history", "p.yaml", "-f", "json").stdout)
    assert [v["kpis"][0]["current"] for v in data["versions"]] == [kpi["baseline"], kpi["target"]]
    for fmt in ("rich", "html"):
        out = run("history", "p.yaml", "-f", fmt).stdout
        assert "toward the target" in out, fmt


def test_client_diff_page_says_what_changed_by_name() -> None:
    write("old.yaml", changed(lambda d: d["communication"].pop("conflict_resolution")))
    write("new.yaml", sound())
    result = run("diff", "old.yaml", "new.yaml", "--as-of", AS_OF, "-f", "html")
    assert result.exit_code == 0, result.output
    page = result.stdout
    assert "<h1>Progress since the last review" in page
    assert "Resolved since the last review (1)" in page
    assert "New since the last review (0)" in page and "Still open (0)" in page
    assert "PC307" not in page  # rule ids stay in the CI formats
    assert "<script" not in page.lower() and "url(" not in page


@pytest.mark.parametrize(
    "text",
    [
        "-c:p.yaml",
        "HEAD:--output=x",
        "HEAD:",
        ":p.yaml",
        "A..B:p.yaml",
        "HEAD;id:p.yaml",
        "HEAD:p\nx.yaml",
    ],
)
def test_a_revision_or_path_that_could_be_read_as_an_option_is_not_one(text: str) -> None:
    assert revision_spec(text) is None


def test_a_revision_is_recognised() -> None:
    spec = revision_spec("HEAD~3:partnerships/p.yaml")
    assert spec is not None
    assert (spec.revision, spec.path) == ("HEAD~3", "partnerships/p.yaml")


@needs_git
def test_an_unknown_revision_is_a_located_error(
    history_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(history_repo)
    result = run("diff", "nosuchbranch:p.yaml", "HEAD:p.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("nosuchbranch:p.yaml:1:1: not a git revision: nosuchbranch")
    missing = run("diff", "HEAD:gone.yaml", "HEAD:p.yaml")
    assert missing.exit_code == 2
    assert missing.stderr.startswith("HEAD:gone.yaml:1:1: cannot read HEAD:gone.yaml")
