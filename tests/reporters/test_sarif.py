"""SARIF: complete for GitHub code scanning, stable identities, repository paths, its limits.

The schema checks use the SARIF 2.1.0 schema from the multitool's npm package and
skip (saying how to install it) where it is absent; every other test always runs.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from partnercheck.identity import finding_id
from partnercheck.reporters import RenderContext, render
from partnercheck.reporters.sarif import FINGERPRINT, MAX_RESULTS, RULE_DOCS, camel_case, sarif_log
from partnercheck.results import Report
from tests.conftest import EXAMPLES, assess_changed, assess_text
from tests.consumers import schema_errors
from tests.reporters.reports import (
    BROKEN,
    FILE,
    INPUT_ERROR,
    flawed_result,
    in_repository,
    judged,
    report_of,
    sample_report,
)

Json = dict[str, Any]


def sarif(report: Report) -> Json:
    log: Json = json.loads(render("sarif", report, RenderContext()))
    return log


def run_of(log: Json) -> Json:
    [run] = log["runs"]
    result: Json = run
    return result


def results_of(report: Report) -> list[Json]:
    found: list[Json] = run_of(sarif(report))["results"]
    return found


def fingerprints(report: Report) -> list[str]:
    return [r["partialFingerprints"][FINGERPRINT] for r in results_of(report)]


# What GitHub code scanning needs -------------------------------------------------


def test_github_required_fields() -> None:
    report = sample_report()
    log = sarif(report)
    assert log["$schema"].startswith("https://")
    assert log["version"] == "2.1.0"
    driver = run_of(log)["tool"]["driver"]
    assert driver["name"] == "partnercheck"
    assert driver["version"] and driver["informationUri"].startswith("https://")
    ids = [r["id"] for r in driver["rules"]]
    # The rules that fired, sorted, and PC000 for the file that could not be checked.
    assert ids == ["PC000", "PC104", "PC203", "PC307", "PC406"]
    rules = report.rule_index()
    for descriptor in driver["rules"][1:]:
        rule = rules[descriptor["id"]]
        assert descriptor["name"] == camel_case(rule.title)
        assert descriptor["shortDescription"]["text"] == rule.title
        assert descriptor["fullDescription"]["text"] == rule.rationale
        assert rule.recommendation in descriptor["help"]["text"]
        assert rule.recommendation in descriptor["help"]["markdown"]
        assert descriptor["helpUri"] == f"{RULE_DOCS}{rule.id}"
        assert (
            descriptor["defaultConfiguration"]["level"]
            == {
                "error": "error",
                "warning": "warning",
                "info": "note",
            }[rule.severity]
        )
        assert descriptor["properties"]["element"] == rule.element
        assert "partnercheck" in descriptor["properties"]["tags"]
    assert driver["rules"][ids.index("PC307")]["properties"]["challenge"] == "conflict"
    for result in run_of(log)["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
        [location] = result["locations"]
        region = location["physicalLocation"]["region"]
        assert set(region) == {"startLine", "startColumn", "endLine", "endColumn"}
        assert len(result["partialFingerprints"][FINGERPRINT]) == 64


def test_rule_descriptions_come_from_the_report_not_the_registry() -> None:
    report = sample_report()
    renamed = [r.model_copy(update={"title": "Renamed " + r.id}) for r in report.rules]
    driver = run_of(sarif(report.model_copy(update={"rules": renamed})))["tool"]["driver"]
    pc104 = next(r for r in driver["rules"] if r["id"] == "PC104")
    assert pc104["shortDescription"]["text"] == "Renamed PC104"
    # A report read back from JSON describes no rule: ids still resolve.
    bare = run_of(sarif(report.model_copy(update={"rules": []})))["tool"]["driver"]
    assert next(r for r in bare["rules"] if r["id"] == "PC104") == {
        "id": "PC104",
        "shortDescription": {"text": "PC104"},
        "helpUri": f"{RULE_DOCS}PC104",
        "properties": {"tags": ["partnercheck"]},
    }


def test_rule_name_and_help_example() -> None:
    assert camel_case("Every goal has a target value") == "EveryGoalHasATargetValue"
    assert camel_case("The agreement's review date") == "TheAgreementsReviewDate"
    report = sample_report()
    driver = run_of(sarif(report))["tool"]["driver"]
    pc104 = next(r for r in driver["rules"] if r["id"] == "PC104")
    assert "```yaml\n" + report.rule_index()["PC104"].example in pc104["help"]["markdown"]


def test_levels_messages_and_regions() -> None:
    report = sample_report()
    results = [r for r in results_of(report) if r["ruleId"] != "PC000"]
    findings = report.results[0].findings
    assert [r["ruleId"] for r in results] == [f.rule for f in findings]
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels == {"PC406": "note", "PC104": "warning", "PC203": "warning", "PC307": "error"}
    for result, finding in zip(results, findings, strict=True):
        assert result["message"]["text"].startswith(finding.message)
        assert finding.recommendation in result["message"]["text"]
        assert finding.location is not None
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (
            finding.location.line,
            finding.location.column,
        )
        assert (region["endLine"], region["endColumn"]) == (
            finding.location.end_line,
            finding.location.end_column,
        )
        logical = result["locations"][0]["logicalLocations"][0]
        assert logical["fullyQualifiedName"] == finding.location.path


def test_a_finding_about_the_whole_file_points_at_its_start() -> None:
    def change(d: dict[str, Any]) -> None:
        d.pop("goals")
        d["evaluation"].pop("kpis")

    results = results_of(report_of(assess_changed(change)))
    pc101 = next(r for r in results if r["ruleId"] == "PC101")
    region = pc101["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 2}
    assert "logicalLocations" not in pc101["locations"][0]


def test_suppressed_findings_are_carried_with_a_suppression() -> None:
    suppressed = [r for r in results_of(sample_report()) if "suppressions" in r]
    assert [r["ruleId"] for r in suppressed] == ["PC203"]
    [suppression] = suppressed[0]["suppressions"]
    assert suppression["kind"] == "inSource"
    assert suppression["justification"]


def test_a_gap_across_partners_carries_its_group_id() -> None:
    def change(d: dict[str, Any]) -> None:
        d["vision"]["agreed_by"] = ["council"]  # trust and carers have not agreed it

    result = assess_changed(change)
    grouped = [f for f in result.findings if f.group is not None]
    assert len(grouped) >= 2 and len({f.group for f in grouped}) == 1
    by_rule = [r for r in results_of(report_of(result)) if r["ruleId"] == grouped[0].rule]
    assert [r["properties"]["group"] for r in by_rule] == [f.group for f in grouped]


# Input errors and thresholds ----------------------------------------------------------


def test_an_input_error_is_a_result_at_the_error_and_a_notification() -> None:
    log = sarif(sample_report())
    [error] = [r for r in run_of(log)["results"] if r["ruleId"] == "PC000"]
    assert error["level"] == "error"
    assert error["message"]["text"] == INPUT_ERROR.message
    physical = error["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == BROKEN
    assert physical["region"] == {"startLine": 7, "startColumn": 3, "endLine": 7, "endColumn": 4}
    [invocation] = run_of(log)["invocations"]
    assert invocation["executionSuccessful"] is False
    assert invocation["exitCode"] == 2
    [note] = invocation["toolExecutionNotifications"]
    assert (note["level"], note["message"]["text"]) == ("error", INPUT_ERROR.message)


def test_a_clean_run_is_successful_with_exit_code_0() -> None:
    run = run_of(sarif(judged(report_of(assess_changed(lambda d: None)))))
    assert run["results"] == []
    assert run["invocations"] == [{"executionSuccessful": True, "exitCode": 0}]


def test_a_failed_fail_under_is_an_error_result_and_a_notification() -> None:
    flawed = flawed_result()
    report = judged(report_of(flawed), fail_on="never", fail_under=99)
    log = sarif(report)
    [failed] = [r for r in run_of(log)["results"] if r["ruleId"] == "threshold"]
    assert failed["level"] == "error"
    assert (
        failed["message"]["text"]
        == f"Threshold failed: score {flawed.score:.1f} is below --fail-under 99"
    )
    assert failed["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == FILE
    assert failed["properties"] == {"score": flawed.score, "band": flawed.band.value}
    [invocation] = run_of(log)["invocations"]
    assert invocation["executionSuccessful"] is True  # the tool ran; the file fails
    assert invocation["exitCode"] == 1
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "--fail-under 99" in note["message"]["text"]
    # Passing the threshold: no such result, exit code 0.
    passing = run_of(sarif(judged(report_of(flawed), fail_on="never", fail_under=10)))
    assert [r for r in passing["results"] if r["ruleId"] == "threshold"] == []
    assert passing["invocations"][0]["exitCode"] == 0


def test_a_failed_fail_on_is_an_error_result_even_for_warnings() -> None:
    report = judged(report_of(flawed_result()), fail_on="warning")
    [failed] = [r for r in results_of(report) if r["ruleId"] == "threshold"]
    assert failed["level"] == "error"
    assert "3 findings at or above --fail-on warning" in failed["message"]["text"]


# Identity -------------------------------------------------------------------------


def test_fingerprints_are_the_finding_identity() -> None:
    report = report_of(flawed_result())
    expected = [finding_id(FILE, f) for f in report.results[0].findings]
    assert fingerprints(report) == expected


def test_fingerprints_survive_lines_moving() -> None:
    before = results_of(report_of(flawed_result()))
    after = results_of(report_of(flawed_result("# moved down\n\n# by comments\n\n")))
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    for old, new in zip(before, after, strict=True):
        old_region = old["locations"][0]["physicalLocation"]["region"]
        new_region = new["locations"][0]["physicalLocation"]["region"]
        assert new_region["startLine"] == old_region["startLine"] + 4
    prints = [r["partialFingerprints"][FINGERPRINT] for r in before]
    assert len(set(prints)) == len(prints)  # the two PC104 findings stay distinct


def test_fingerprints_survive_the_days_passing() -> None:
    """One file assessed on two dates: messages with dates and counts change, identities not."""
    text = (EXAMPLES / "northern-research-consortium.yaml").read_text(encoding="utf-8")
    runs = [
        results_of(report_of(assess_text(text, as_of=day, name="n.yaml")))
        for day in (date(2026, 11, 26), date(2027, 1, 15))
    ]

    def keyed(results: list[Json]) -> dict[tuple[str, str], Json]:
        return {
            (r["ruleId"], r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]): r
            for r in results
        }

    before, after = keyed(runs[0]), keyed(runs[1])
    both = before.keys() & after.keys()
    reworded = [k for k in both if before[k]["message"] != after[k]["message"]]
    assert reworded, "the test needs a finding whose message changes with the date"
    for key in both:
        assert before[key]["partialFingerprints"] == after[key]["partialFingerprints"], key


def test_the_same_rule_about_another_partner_is_another_alert() -> None:
    def change(d: dict[str, Any]) -> None:
        d["vision"]["agreed_by"] = ["council"]

    results = [r for r in results_of(report_of(assess_changed(change))) if r["ruleId"] == "PC204"]
    paths = {r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] for r in results}
    assert len(results) == 2 and len(paths) == 1  # one YAML path, two partners
    assert len({r["partialFingerprints"][FINGERPRINT] for r in results}) == 2


def test_fingerprint_depends_on_the_file() -> None:
    one = results_of(report_of(flawed_result(name="a.yaml")))
    two = results_of(report_of(flawed_result(name="b.yaml")))
    assert one[0]["partialFingerprints"] != two[0]["partialFingerprints"]


def test_output_is_byte_identical_and_pretty() -> None:
    first = render("sarif", sample_report(), RenderContext())
    assert first == render("sarif", sample_report(), RenderContext())
    assert first.startswith('{\n  "$schema": ') and first.endswith("}\n")


# Repository paths -------------------------------------------------------------------


def test_uris_are_relative_to_the_repository_root_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    (repo / "partnerships").mkdir(parents=True)
    monkeypatch.chdir(repo / "partnerships")  # run from a subfolder, as CI steps may
    report = in_repository(report_of(flawed_result(name="sub dir/p.yaml")), repo)
    run = run_of(sarif(report))
    artifact = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "partnerships/sub%20dir/p.yaml", "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.as_uri() + "/"
    # The fingerprint names the file from the root, so it is the same from any folder.
    monkeypatch.chdir(repo)
    again = in_repository(report_of(flawed_result(name="partnerships/sub dir/p.yaml")), repo)
    assert fingerprints(again) == fingerprints(report)


def test_a_worktree_or_submodule_git_file_marks_the_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "wt" / "p").mkdir(parents=True)
    (tmp_path / "wt" / ".git").write_text("gitdir: /elsewhere\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    from partnercheck.app.sources import locate

    report = locate(report_of(flawed_result(name="wt/p/x.yaml")), None)
    assert report.results[0].source is not None
    assert (report.results[0].source.root, report.results[0].source.path) == (
        (tmp_path / "wt").as_posix(),
        "p/x.yaml",
    )


def test_a_file_outside_the_repository_gets_an_absolute_uri(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    monkeypatch.chdir(repo)
    outside = str(tmp_path / "elsewhere.yaml")
    report = in_repository(
        report_of(flawed_result(name="in.yaml"), flawed_result(name=outside)), repo
    )
    log = sarif(report)
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run_of(log)["results"]
    ]
    assert uris[0] == {"uri": "in.yaml", "uriBaseId": "%SRCROOT%"}
    assert uris[-1] == {"uri": (tmp_path / "elsewhere.yaml").as_uri()}


# GitHub's limit ---------------------------------------------------------------------


def test_a_run_is_capped_at_githubs_limit_keeping_errors_first() -> None:
    flawed = flawed_result()
    copies = [flawed.model_copy(update={"file": f"p{i}.yaml"}) for i in range(3)]
    report = report_of(*copies)  # 15 results: 3 errors, 9 warnings, 3 notes (and 3 suppressed)
    log = sarif_log(report, limit=5)
    run = run_of(log)
    assert [r["level"] for r in run["results"]] == ["warning", "warning", "error", "error", "error"]
    assert sorted(r["ruleId"] for r in run["results"]) == [
        "PC104",
        "PC104",
        "PC307",
        "PC307",
        "PC307",
    ]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["PC104", "PC307"]
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    [note] = run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "warning"
    assert note["message"]["text"].startswith("10 of 15 results were left out")
    assert MAX_RESULTS == 25_000


def test_valid_against_the_sarif_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Against the schema from the multitool's npm package; skips, saying so, without it."""
    monkeypatch.chdir(tmp_path)
    placed = report_of(flawed_result(name="in.yaml"), flawed_result(name="/elsewhere/out.yaml"))
    for report in (
        sample_report(),
        judged(report_of(flawed_result()), fail_on="warning", fail_under=99),
        report_of(assess_changed(lambda d: None)),
        in_repository(placed, tmp_path),
    ):
        assert schema_errors(sarif(report)) == []
    assert schema_errors(sarif_log(report_of(flawed_result()), limit=2)) == []
