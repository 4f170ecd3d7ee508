"""JUnit XML read back by junitparser (as CI dashboards do) and rendered by junit2html."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from junitparser import Attr, Error, Failure, IntAttr, JUnitXml, Skipped, TestCase

from partnercheck.reporters import RenderContext, render
from partnercheck.reporters.junit import class_name
from partnercheck.results import Report
from tests.conftest import assess_changed
from tests.reporters.reports import (
    BROKEN,
    FILE,
    INPUT_ERROR,
    SOUND_FILE,
    flawed_result,
    in_repository,
    judged,
    report_of,
    sample_report,
)

THRESHOLDS = ["error", "warning", "info", "never"]


class LocatedCase(TestCase):
    """A testcase with the ``file`` and ``line`` attributes GitLab and annotation actions read."""

    file = Attr()
    line = IntAttr()


def junit(report: Report, fail_on: str = "error", fail_under: float | None = None) -> str:
    return render("junit", judged(report, fail_on, fail_under), RenderContext())


def cases(xml: str, suite_name: str) -> dict[str, Any]:
    [suite] = [s for s in JUnitXml.fromstring(xml) if s.name == suite_name]
    return {case.name.split()[0]: case for case in suite}


def located(case: Any) -> LocatedCase:
    found: LocatedCase = LocatedCase.fromelem(case._elem)  # type: ignore[no-untyped-call]
    return found


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
    report = sample_report()
    rules = len(report.rules)
    xml = JUnitXml.fromstring(junit(report, fail_on))
    suites = {s.name: s for s in xml}
    assert list(suites) == [FILE, SOUND_FILE, BROKEN]
    flawed = suites[FILE]
    assert (flawed.tests, flawed.failures, flawed.errors, flawed.skipped) == (
        rules,
        len(failing),
        0,
        1,
    )
    failed = {c.name.split()[0] for c in flawed if any(isinstance(r, Failure) for r in c.result)}
    assert failed == failing
    sound = suites[SOUND_FILE]
    assert (sound.tests, sound.failures, sound.errors, sound.skipped) == (rules, 0, 0, 0)
    assert (xml.tests, xml.failures, xml.errors) == (2 * rules + 1, len(failing), 1)


def test_a_failed_fail_under_is_a_failing_testcase() -> None:
    """The test report is red exactly when the run exits 1 for a low score."""
    report = sample_report()
    score = report.results[0].score
    xml = junit(report, fail_on="never", fail_under=99)
    threshold = cases(xml, FILE)["threshold"]
    assert threshold.name == "threshold --fail-under 99"
    [failure] = threshold.result
    assert isinstance(failure, Failure)
    assert failure.type == "threshold"
    assert failure.message == f"score {score:.1f} is below --fail-under 99"
    suites = {s.name: s for s in JUnitXml.fromstring(xml)}
    assert suites[FILE].failures == 1
    # The sound file passes the same threshold; without --fail-under there is no such case.
    assert cases(xml, SOUND_FILE)["threshold"].result == []
    assert "threshold" not in cases(junit(report, "never"), FILE)


def test_a_testcase_per_rule_named_by_id_and_title() -> None:
    report = sample_report()
    by_id = cases(junit(report), FILE)
    assert list(by_id) == sorted(r.id for r in report.rules)
    assert by_id["PC104"].name == f"PC104 {report.rule_index()['PC104'].title}"
    assert by_id["PC104"].classname == "partnerships.riverside.yaml"
    assert class_name("a/b/c.yaml") == "a.b.c.yaml"


def test_testcases_carry_file_and_line() -> None:
    report = sample_report()
    lines = [(f.rule, f.location.line) for f in report.results[0].findings if f.location]
    finding_line = dict(lines)
    by_id = cases(junit(report, "warning"), FILE)
    pc307 = located(by_id["PC307"])
    assert (pc307.file, pc307.line) == (FILE, finding_line["PC307"])
    pc104 = located(by_id["PC104"])  # two findings: the line of the first
    assert pc104.line == min(line for rule, line in lines if rule == "PC104")
    quiet = located(by_id["PC101"])  # nothing found: the file, no line
    assert (quiet.file, quiet.line) == (FILE, None)
    [broken] = cases(junit(report), BROKEN).values()
    assert (located(broken).file, located(broken).line) == (BROKEN, INPUT_ERROR.line)


def test_file_is_the_path_from_the_repository_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "partnerships").mkdir()
    monkeypatch.chdir(tmp_path / "partnerships")
    report = in_repository(report_of(flawed_result(name="p.yaml")), tmp_path)
    xml = render("junit", report, RenderContext())
    assert located(cases(xml, "p.yaml")["PC307"]).file == "partnerships/p.yaml"


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
    [case] = cases(junit(sample_report()), BROKEN).values()
    [error] = case.result
    assert isinstance(error, Error)
    assert error.message == INPUT_ERROR.message
    assert f"{BROKEN}:7:3: " in error.text


def test_awkward_text_is_escaped() -> None:
    name = 'A <b> & "c" \x01 ]]> end'

    def change(d: dict[str, Any]) -> None:
        d["partnership"]["name"] = name

    xml = junit(report_of(assess_changed(change)))
    [suite] = JUnitXml.fromstring(xml)
    properties = suite.properties()  # type: ignore[no-untyped-call]
    partnership = next(p for p in properties if p.name == "partnership")
    assert partnership.value == name.replace("\x01", "\\x01")


def test_declaration_no_timestamps_and_byte_identical() -> None:
    first = junit(sample_report(), "warning")
    assert first.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')
    assert "timestamp" not in first and "time=" not in first
    assert first == junit(sample_report(), "warning")


def test_a_junit_viewer_shows_the_failed_threshold(tmp_path: Path) -> None:
    """junit2html (from PyPI) renders the report as a person would read it."""
    render_report = pytest.importorskip(
        "junit2htmlreport.parser", reason="junit2html not installed (pip install -e '.[test]')"
    )
    (tmp_path / "report.xml").write_text(junit(sample_report(), "never", 99), encoding="utf-8")
    parsed = render_report.Junit(str(tmp_path / "report.xml"))
    page = parsed.html()
    assert "threshold --fail-under 99" in page
    [suite] = [s for s in parsed.suites if s.name == FILE]
    assert [c.name for c in suite.failed()] == ["threshold --fail-under 99"]
