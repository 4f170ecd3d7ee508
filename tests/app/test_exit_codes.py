"""Exit codes through the real CLI: every threshold, every kind of error, and suppressions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.app.cli_helpers import AS_OF, assess, run
from tests.conftest import dump, sound

Change = Callable[[dict[str, Any]], object]


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in an empty directory, so no configuration file is discovered."""
    monkeypatch.chdir(tmp_path)


def write(change: Change | None = None, name: str = "p.yaml") -> str:
    data = sound()
    if change is not None:
        change(data)
    Path(name).write_text(dump(data), encoding="utf-8")
    return name


def no_channels(d: dict[str, Any]) -> object:
    return d["communication"].pop("channels")  # PC305, warning


def no_currency(d: dict[str, Any]) -> object:
    return d["partnership"].pop("currency")  # PC406, info (costs nothing)


def no_conflict_process(d: dict[str, Any]) -> object:
    return d["communication"].pop("conflict_resolution")  # PC307, error


def warning_and_info(d: dict[str, Any]) -> object:
    return no_channels(d), no_currency(d)


def suppress(rule: str, expires: str | None = None) -> Change:
    def change(d: dict[str, Any]) -> None:
        no_channels(d)
        entry = {"rule": rule, "reason": "Partners share one office and talk daily"}
        if expires is not None:
            entry["expires"] = expires
        d["suppress"] = [entry]

    return change


def findings(report: dict[str, Any]) -> list[tuple[str, str, bool]]:
    return [(f["rule"], f["severity"], f["suppressed"]) for f in report["results"][0]["findings"]]


# --fail-on


@pytest.mark.parametrize(
    ("change", "level", "code"),
    [
        (None, "info", 0),
        (no_currency, "error", 0),
        (no_currency, "warning", 0),
        (no_currency, "info", 1),
        (no_currency, "never", 0),
        (warning_and_info, "error", 0),
        (warning_and_info, "warning", 1),
        (warning_and_info, "info", 1),
        (warning_and_info, "never", 0),
        (no_conflict_process, "error", 1),
        (no_conflict_process, "warning", 1),
        (no_conflict_process, "info", 1),
        (no_conflict_process, "never", 0),
    ],
)
def test_fail_on_counts_findings_at_or_above_the_level(
    change: Change | None, level: str, code: int
) -> None:
    assert assess(write(change), "--fail-on", level)[0] == code


def test_default_fail_on_is_error() -> None:
    assert assess(write(warning_and_info))[0] == 0
    assert assess(write(no_conflict_process))[0] == 1


def test_unknown_fail_on_level_is_a_usage_error() -> None:
    result = run("assess", write(), "--fail-on", "sometimes")
    assert result.exit_code == 2
    assert "'sometimes' is not one of error, warning, info, never" in result.stderr


# --fail-under


@pytest.mark.parametrize(
    ("threshold", "code"), [("99", 1), ("98.4", 1), ("98.3", 0), ("98.2", 0), ("0", 0), ("100", 1)]
)
def test_fail_under_compares_with_the_score(threshold: str, code: int) -> None:
    name = write(no_channels)
    assert assess(name)[1]["results"][0]["score"] == 98.3
    assert assess(name, "--fail-under", threshold, "--fail-on", "never")[0] == code


def test_fail_under_fails_if_any_file_is_below() -> None:
    good, weak = write(name="good.yaml"), write(no_channels, "weak.yaml")
    assert assess(good, weak, "--fail-under", "99")[0] == 1
    assert assess(good, "--fail-under", "99")[0] == 0


def test_fail_under_out_of_range_is_a_usage_error() -> None:
    assert run("assess", write(), "--fail-under", "101").exit_code == 2


# Exit 2: the run could not check something


def test_missing_file_exits_2_with_a_located_error() -> None:
    result = run("assess", "missing.yaml", "--as-of", AS_OF)
    assert result.exit_code == 2
    assert result.stderr == "missing.yaml:1:1: no such file or directory\n"


def test_missing_file_beside_a_good_one_still_exits_2() -> None:
    code, report = assess(write(), "missing.yaml", "--fail-on", "never")
    assert code == 2
    assert report["errors"] == [
        {"file": "missing.yaml", "line": 1, "column": 1, "message": "no such file or directory"}
    ]
    assert len(report["results"]) == 1


def test_invalid_yaml_exits_2_with_a_located_error() -> None:
    Path("bad.yaml").write_text("partnercheck: 1\npartnership: [unclosed\n", encoding="utf-8")
    result = run("assess", "bad.yaml", "--as-of", AS_OF)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("bad.yaml:")
    assert "Traceback" not in result.output


def test_schema_error_exits_2_even_with_fail_on_never() -> None:
    write(lambda d: d["partnership"].update(nmae="typo"), "typo.yaml")
    result = run("assess", "typo.yaml", "--as-of", AS_OF, "--fail-on", "never")
    assert result.exit_code == 2
    assert "typo.yaml:" in result.stderr and "nmae" in result.stderr


def test_unknown_config_key_exits_2() -> None:
    Path(".partnercheck.toml").write_text('fial-on = "info"\n', encoding="utf-8")
    result = run("assess", write(), "--as-of", AS_OF)
    assert result.exit_code == 2
    assert "unknown key 'fial-on' (did you mean 'fail-on'?)" in result.stderr


def test_validate_uses_the_same_codes() -> None:
    assert run("validate", write(no_conflict_process)).exit_code == 0  # no scoring, no findings
    assert run("validate", "missing.yaml").exit_code == 2


# Suppressions


def test_suppressed_findings_never_fail_a_run() -> None:
    code, report = assess(write(suppress("PC305")), "--fail-on", "info")
    assert code == 0
    assert findings(report) == [("PC305", "warning", True)]


def test_suppressed_findings_cost_no_points() -> None:
    _, report = assess(write(suppress("PC305")), "--fail-under", "100")
    assert report["results"][0]["score"] == 100.0
    assert report["results"][0]["findings"][0]["points"] == 0.0


def test_suppressed_error_does_not_fail_with_the_default_threshold() -> None:
    def change(d: dict[str, Any]) -> None:
        no_conflict_process(d)
        d["suppress"] = [{"rule": "PC307", "reason": "Being drafted by the partners' lawyers"}]

    code, report = assess(write(change), "--fail-on", "info")
    assert (code, findings(report)) == (0, [("PC307", "error", True)])


def test_suppression_expired_before_as_of_counts_again() -> None:
    code, report = assess(write(suppress("PC305", "2026-06-30")), "--fail-on", "warning")
    assert code == 1
    assert ("PC305", "warning", False) in findings(report)
    [expired] = [f for f in report["results"][0]["findings"] if f["rule"] == "PC902"]
    assert "expired on 2026-06-30" in expired["message"]
    assert expired["location"]["path"] == "suppress[0].expires"


def test_suppression_expiring_after_as_of_still_applies() -> None:
    code, report = assess(write(suppress("PC305", "2027-06-30")), "--fail-on", "info")
    assert code == 0
    assert findings(report) == [("PC305", "warning", True)]


def test_suppression_expiring_on_as_of_still_applies() -> None:
    code, report = assess(write(suppress("PC305", AS_OF)), "--fail-on", "info")
    assert (code, findings(report)) == (0, [("PC305", "warning", True)])


def test_unused_suppression_is_reported_as_pc901() -> None:
    def change(d: dict[str, Any]) -> None:
        d["suppress"] = [{"rule": "PC104", "reason": "Targets are agreed next quarter"}]

    name = write(change)
    code, report = assess(name)
    assert code == 0  # PC901 is a warning
    [unused] = report["results"][0]["findings"]
    assert (unused["rule"], unused["severity"], unused["suppressed"]) == ("PC901", "warning", False)
    assert unused["location"]["path"] == "suppress[0]"
    assert assess(name, "--fail-on", "warning")[0] == 1


def test_suppression_without_a_reason_is_an_input_error() -> None:
    write(lambda d: d.update(suppress=[{"rule": "PC305"}]), "noreason.yaml")
    result = run("assess", "noreason.yaml", "--as-of", AS_OF)
    assert result.exit_code == 2
    assert result.stderr.startswith("noreason.yaml:")
