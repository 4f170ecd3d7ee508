"""JUnit XML: valid against Jenkins' junit-10.xsd and read back by junitparser."""

from __future__ import annotations

from typing import Any

import pytest
import xmlschema
from junitparser import Error, Failure, JUnitXml, Skipped

from partnercheck.reporters import RenderContext, render
from partnercheck.reporters.junit import class_name
from partnercheck.results import Report
from partnercheck.rules import REGISTRY
from tests.conftest import assess_changed
from tests.reporters.reports import (
    BROKEN,
    FILE,
    INPUT_ERROR,
    NO_SCHEMAS,
    SCHEMAS,
    SOUND_FILE,
    report_of,
    sample_report,
)

JUNIT_XSD = SCHEMAS / "junit-10.xsd"
THRESHOLDS = ["error", "warning", "info", "never"]


@pytest.fixture(scope="module")
def xsd() -> Any:
    if not JUNIT_XSD.is_file():
        pytest.skip(f"{NO_SCHEMAS}: JUnit XSD check skipped")
    return xmlschema.XMLSchema(str(JUNIT_XSD))


def junit(report: Report, fail_on: str) -> str:
    return render("junit", report, RenderContext(fail_on=fail_on))


def cases(xml: str, suite_name: str) -> dict[str, Any]:
    [suite] = [s for s in JUnitXml.fromstring(xml) if s.name == suite_name]
    return {case.name.split()[0]: case for case in suite}


@pytest.mark.parametrize("fail_on", THRESHOLDS)
def test_valid_against_the_jenkins_xsd(xsd: Any, fail_on: str) -> None:
    xsd.validate(junit(sample_report(), fail_on))


@pytest.mark.parametrize(
    ("fail_on", "failing"),
    [
        ("error", {"PC307"}),
        ("warning", {"PC307", "PC104"}),
        ("info", {"PC307", "PC104", "PC406"}),
        ("never", set()),
    ],
)
def test_counts_follow_the_fail_threshold(fail_on: str, failing: set[str]) -> None:
    xml = JUnitXml.fromstring(junit(sample_report(), fail_on))
    suites = {s.name: s for s in xml}
    assert list(suites) == [FILE, SOUND_FILE, BROKEN]
    flawed = suites[FILE]
    assert (flawed.tests, flawed.failures, flawed.errors, flawed.skipped) == (
        len(REGISTRY),
        len(failing),
        0,
        1,
    )
    failed = {c.name.split()[0] for c in flawed if any(isinstance(r, Failure) for r in c.result)}
    assert failed == failing
    sound = suites[SOUND_FILE]
    assert (sound.tests, sound.failures, sound.errors, sound.skipped) == (len(REGISTRY), 0, 0, 0)
    assert (xml.tests, xml.failures, xml.errors) == (2 * len(REGISTRY) + 1, len(failing), 1)


def test_a_testcase_per_rule_named_by_id_and_title() -> None:
    by_id = cases(junit(sample_report(), "error"), FILE)
    assert list(by_id) == sorted(REGISTRY)
    assert by_id["PC104"].name == f"PC104 {REGISTRY['PC104'].title}"
    assert by_id["PC104"].classname == "partnerships.riverside.yaml"
    assert class_name("a/b/c.yaml") == "a.b.c.yaml"


def test_a_failure_lists_every_finding_of_the_rule() -> None:
    by_id = cases(junit(sample_report(), "warning"), FILE)
    [failure] = by_id["PC104"].result
    assert isinstance(failure, Failure)
    assert failure.type == "warning"
    assert failure.message.startswith("2 findings: Goal G1 has no target value; Goal G2")
    assert f"{FILE}:" in failure.text
    assert failure.text.count(" PC104 ") == 2
    assert by_id["PC406"].result == []
    assert (
        "PC406 Funding amounts are given (e.g. by council) but no currency is set"
        in by_id["PC406"].system_out
    )


def test_below_the_threshold_goes_to_system_out() -> None:
    by_id = cases(junit(sample_report(), "never"), FILE)
    for rule_id in ("PC406", "PC104", "PC307"):
        assert by_id[rule_id].result == []
        assert rule_id in by_id[rule_id].system_out


def test_all_suppressed_is_skipped() -> None:
    by_id = cases(junit(sample_report(), "info"), FILE)
    [skipped] = by_id["PC203"].result
    assert isinstance(skipped, Skipped)
    assert skipped.message.startswith("suppressed: ")
    assert "(suppressed)" in by_id["PC203"].system_out


def test_input_errors_are_an_error_testcase() -> None:
    [case] = cases(junit(sample_report(), "error"), BROKEN).values()
    [error] = case.result
    assert isinstance(error, Error)
    assert error.message == INPUT_ERROR.message
    assert f"{BROKEN}:7:3: " in error.text


def test_awkward_text_is_escaped(xsd: Any) -> None:
    name = 'A <b> & "c" \x01 ]]> end'

    def change(d: dict[str, Any]) -> None:
        d["partnership"]["name"] = name

    xml = junit(report_of(assess_changed(change)), "error")
    xsd.validate(xml)
    [suite] = JUnitXml.fromstring(xml)
    properties = suite.properties()  # type: ignore[no-untyped-call]
    partnership = next(p for p in properties if p.name == "partnership")
    assert partnership.value == name.replace("\x01", "\\x01")


def test_declaration_no_timestamps_and_byte_identical() -> None:
    first = junit(sample_report(), "warning")
    assert first.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')
    assert "timestamp" not in first and "time=" not in first
    assert first == junit(sample_report(), "warning")
