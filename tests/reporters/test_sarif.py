"""SARIF: valid against the OASIS 2.1.0 schema and complete for GitHub code scanning."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema.validators import validator_for

from partnercheck.reporters import RenderContext, render
from partnercheck.reporters.sarif import RULE_DOCS, camel_case, sarif_log
from partnercheck.results import Report
from partnercheck.rules import REGISTRY
from tests.conftest import assess_changed
from tests.reporters.reports import (
    BROKEN,
    FILE,
    INPUT_ERROR,
    NO_SCHEMAS,
    SCHEMAS,
    flawed_result,
    report_of,
    sample_report,
)

SARIF_SCHEMA = SCHEMAS / "sarif-schema-2.1.0.json"
if not SARIF_SCHEMA.is_file():
    pytest.skip(f"{NO_SCHEMAS}: SARIF schema check skipped", allow_module_level=True)

Json = dict[str, Any]


def sarif(report: Report) -> Json:
    log: Json = json.loads(render("sarif", report, RenderContext()))
    return log


def assert_valid(log: Json) -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = validator_for(schema)(schema, format_checker=validator_for(schema).FORMAT_CHECKER)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []


def run_of(log: Json) -> Json:
    [run] = log["runs"]
    result: Json = run
    return result


def test_sample_report_is_valid_sarif() -> None:
    assert_valid(sarif(sample_report()))


def test_a_clean_run_is_valid_and_successful() -> None:
    log = sarif(report_of(assess_changed(lambda d: None)))
    assert_valid(log)
    run = run_of(log)
    assert run["results"] == []
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_github_required_fields() -> None:
    log = sarif(sample_report())
    assert log["$schema"].startswith("https://")
    assert log["version"] == "2.1.0"
    driver = run_of(log)["tool"]["driver"]
    assert driver["name"] == "partnercheck"
    assert driver["version"] and driver["informationUri"].startswith("https://")
    ids = [r["id"] for r in driver["rules"]]
    assert ids == ["PC104", "PC203", "PC307", "PC406"]  # the rules that fired, sorted
    for descriptor in driver["rules"]:
        rule = REGISTRY[descriptor["id"]]
        assert descriptor["name"] == camel_case(rule.title)
        assert descriptor["shortDescription"]["text"] == rule.title
        assert descriptor["fullDescription"]["text"] == rule.rationale
        assert rule.recommendation in descriptor["help"]["text"]
        assert rule.recommendation in descriptor["help"]["markdown"]
        assert descriptor["helpUri"] == f"{RULE_DOCS}{rule.id}"
        assert descriptor["defaultConfiguration"]["level"] in {"error", "warning", "note"}
        assert descriptor["properties"]["element"] == rule.element
        assert "partnercheck" in descriptor["properties"]["tags"]
    assert driver["rules"][ids.index("PC307")]["properties"]["challenge"] == "conflict"
    for result in run_of(log)["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
        [location] = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": FILE, "uriBaseId": "%SRCROOT%"}
        assert physical["region"]["startLine"] >= 1
        assert set(physical["region"]) == {"startLine", "startColumn", "endLine", "endColumn"}
        assert len(result["partialFingerprints"]["partnercheck/v1"]) == 64


def test_rule_name_and_help_example() -> None:
    assert camel_case("Every goal has a target value") == "EveryGoalHasATargetValue"
    assert camel_case("The agreement's review date") == "TheAgreementsReviewDate"
    driver = run_of(sarif(sample_report()))["tool"]["driver"]
    pc104 = next(r for r in driver["rules"] if r["id"] == "PC104")
    assert "```yaml\n" + REGISTRY["PC104"].example in pc104["help"]["markdown"]


def test_levels_messages_and_regions() -> None:
    report = sample_report()
    results = run_of(sarif(report))["results"]
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

    result = assess_changed(change)
    log = sarif(report_of(result))
    assert_valid(log)
    pc101 = next(r for r in run_of(log)["results"] if r["ruleId"] == "PC101")
    region = pc101["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 2}
    assert "logicalLocations" not in pc101["locations"][0]


def test_suppressed_findings_are_carried_with_a_suppression() -> None:
    results = run_of(sarif(sample_report()))["results"]
    suppressed = [r for r in results if "suppressions" in r]
    assert [r["ruleId"] for r in suppressed] == ["PC203"]
    [suppression] = suppressed[0]["suppressions"]
    assert suppression["kind"] == "inSource"
    assert suppression["justification"]


def test_input_errors_are_tool_notifications() -> None:
    [invocation] = run_of(sarif(sample_report()))["invocations"]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"] == INPUT_ERROR.message
    physical = note["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {"uri": BROKEN, "uriBaseId": "%SRCROOT%"}
    assert physical["region"] == {"startLine": 7, "startColumn": 3}


def test_fingerprints_survive_lines_moving() -> None:
    before = run_of(sarif(report_of(flawed_result())))["results"]
    after = run_of(sarif(report_of(flawed_result("# moved down\n\n# by comments\n\n"))))["results"]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    for old, new in zip(before, after, strict=True):
        old_region = old["locations"][0]["physicalLocation"]["region"]
        new_region = new["locations"][0]["physicalLocation"]["region"]
        assert new_region["startLine"] == old_region["startLine"] + 4
    prints = [r["partialFingerprints"]["partnercheck/v1"] for r in before]
    assert len(set(prints)) == len(prints)  # the two PC104 findings stay distinct


def test_fingerprint_depends_on_the_file() -> None:
    one = run_of(sarif(report_of(flawed_result(name="a.yaml"))))["results"]
    two = run_of(sarif(report_of(flawed_result(name="b.yaml"))))["results"]
    assert one[0]["partialFingerprints"] != two[0]["partialFingerprints"]


def test_output_is_byte_identical_and_pretty() -> None:
    first = render("sarif", sample_report(), RenderContext())
    second = render("sarif", sample_report(), RenderContext())
    assert first == second
    assert first.startswith('{\n  "$schema": ') and first.endswith("}\n")


def test_paths_are_relative_to_the_working_directory(tmp_path: Path) -> None:
    inside = str(tmp_path / "repo" / "sub dir" / "p.yaml")
    outside = str(tmp_path / "elsewhere.yaml")
    report = report_of(flawed_result(name=inside), flawed_result(name=outside))
    log = sarif_log(report, str(tmp_path / "repo"))
    assert_valid(log)
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run_of(log)["results"]
    ]
    assert uris[0] == {"uri": "sub%20dir/p.yaml", "uriBaseId": "%SRCROOT%"}
    assert uris[-1] == {"uri": (tmp_path / "elsewhere.yaml").as_uri()}


def test_render_uses_the_current_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    log = sarif(report_of(flawed_result(name=str(tmp_path / "x" / "p.yaml"))))
    location = run_of(log)["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "x/p.yaml"
