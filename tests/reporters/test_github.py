"""GitHub workflow commands: parsed back as the runner would, then the plain summary."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from partnercheck.reporters import RenderContext, render
from partnercheck.reporters.github import PER_KIND, escape_data, escape_property, position
from partnercheck.results import Location, Report
from tests.conftest import EXAMPLES, assess_changed, assess_text, dump, sound
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

COMMAND = re.compile(r"^::(?P<name>error|warning|notice) (?P<props>[^:]*)::(?P<data>.*)$")


@dataclass(frozen=True)
class Annotation:
    name: str
    props: dict[str, str]
    message: str


def unescape_data(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text: str) -> str:
    return unescape_data(text.replace("%3A", ":").replace("%2C", ","))


def parse_annotations(output: str) -> list[Annotation]:
    found = []
    for line in output.splitlines():
        match = COMMAND.match(line)
        if match:
            props = dict(p.split("=", 1) for p in match["props"].split(","))
            found.append(
                Annotation(
                    match["name"],
                    {k: unescape_property(v) for k, v in props.items()},
                    unescape_data(match["data"]),
                )
            )
    return found


def github(report: Report) -> str:
    return render("github", report, RenderContext())


def test_input_errors_first_then_findings_by_severity() -> None:
    report = sample_report()
    found = parse_annotations(github(report))
    assert found[0] == Annotation(
        "error", {"file": BROKEN, "line": "7", "col": "3"}, INPUT_ERROR.message
    )
    assert f"::error file={BROKEN},line=7,col=3::{INPUT_ERROR.message}" in github(report)
    findings = sorted(
        (f for f in report.results[0].findings if not f.suppressed),
        key=lambda f: -f.severity.rank,
    )
    assert [(a.name, a.props["title"].split()[0]) for a in found[1:]] == [
        ({"error": "error", "warning": "warning", "info": "notice"}[f.severity], f.rule)
        for f in findings
    ]
    rules = report.rule_index()
    for a, f in zip(found[1:], findings, strict=True):
        assert a.props["file"] == FILE
        assert a.props["title"] == f"{f.rule} {rules[f.rule].title}"
        assert a.message == f"{f.message}. Fix: {f.recommendation}"
        assert f.location is not None and a.props["line"] == str(f.location.line)


def test_a_failed_threshold_is_the_first_annotation_and_in_the_summary() -> None:
    flawed = flawed_result()
    output = github(judged(report_of(flawed), fail_on="warning", fail_under=99))
    first = parse_annotations(output)[0]
    assert (first.name, first.props["file"], first.props["line"]) == ("error", FILE, "1")
    assert first.props["title"] == "partnercheck threshold failed"
    assert first.message.startswith(
        f"score {flawed.score:.1f} is below --fail-under 99; "
        "3 findings at or above --fail-on warning"
    )
    summary = output.split("::stop-commands::", 1)[1]
    assert (
        "Threshold failed (exit 1): 1 of 1 file fails --fail-under 99 or --fail-on warning."
        in summary
    )
    assert f"  threshold failed: score {flawed.score:.1f} is below --fail-under 99" in summary
    assert "threshold" not in github(judged(report_of(flawed), fail_on="never"))


def test_a_capped_band_says_why_on_the_score_line() -> None:
    text = (EXAMPLES / "northern-research-consortium.yaml").read_text(encoding="utf-8")
    result = assess_text(text, name="n.yaml")
    assert result.cap is not None and result.uncapped_score is not None
    output = github(report_of(result))
    assert (
        f"  score {result.score:.1f}/100 ({result.band.value}; {result.cap.reason}; "
        f"{result.uncapped_score:.1f} before the cap), depth {result.depth.value}"
    ) in output


def test_at_most_ten_annotations_of_each_kind_errors_first() -> None:
    flawed = flawed_result()  # per file: 1 error, 2 warnings, 1 note (and 1 suppressed)
    copies = [flawed.model_copy(update={"file": f"p{i:02d}.yaml"}) for i in range(12)]
    output = github(judged(report_of(*copies), fail_on="never"))
    found = parse_annotations(output)
    kinds = [a.name for a in found]
    assert kinds == ["error"] * PER_KIND + ["warning"] * PER_KIND + ["notice"] * PER_KIND
    assert [a.props["file"] for a in found[:PER_KIND]] == [f"p{i:02d}.yaml" for i in range(10)]
    summary = output.split("::stop-commands::", 1)[1]
    assert (
        "Not annotated: 2 errors, 2 notices, 14 warnings (GitHub shows 10 annotations of each "
        "kind per step); every finding is listed below."
    ) in summary
    for i in range(12):
        assert f"p{i:02d}.yaml:" in summary  # every finding is still in the summary


def test_files_are_named_from_the_repository_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "partnerships").mkdir()
    monkeypatch.chdir(tmp_path / "partnerships")
    report = in_repository(report_of(flawed_result(name="p.yaml")), tmp_path)
    assert {a.props["file"] for a in parse_annotations(github(report))} == {"partnerships/p.yaml"}


def test_columns_only_for_a_span_on_one_line() -> None:
    found = parse_annotations(github(sample_report()))
    pc307 = next(a for a in found if a.props.get("title", "").startswith("PC307"))
    assert set(pc307.props) == {"file", "line", "endLine", "title"}
    # A block list on one line ends where the next key starts, on the line below.
    values = assess_changed(lambda d: d["vision"].update(values=["dignity"]))
    pc203 = next(
        a for a in parse_annotations(github(report_of(values))) if "PC203" in a.props["title"]
    )
    assert pc203.props["line"] == pc203.props["endLine"]
    assert "endColumn" not in pc203.props


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ((4, 9, 4, 20), {"line": 4, "col": 9, "endLine": 4, "endColumn": 20}),
        ((4, 3, 9, 1), {"line": 4, "endLine": 8}),
        ((4, 3, 5, 3), {"line": 4, "col": 3, "endLine": 4}),
        ((4, 9, 6, 12), {"line": 4, "endLine": 6}),
        ((4, 9, None, None), {"line": 4, "col": 9, "endLine": 4, "endColumn": 10}),
    ],
)
def test_position(span: tuple[int, int, int | None, int | None], expected: dict[str, int]) -> None:
    line, column, end_line, end_column = span
    location = Location(
        path="x", line=line, column=column, end_line=end_line, end_column=end_column
    )
    assert position(location) == expected
    assert position(None) == {"line": 1, "col": 1, "endLine": 1, "endColumn": 2}


def test_whole_file_finding_points_at_line_one() -> None:
    def change(d: dict[str, Any]) -> None:
        d.pop("goals")
        d["evaluation"].pop("kpis")

    result = assess_changed(change)
    pc101 = next(
        a for a in parse_annotations(github(report_of(result))) if "PC101" in a.props["title"]
    )
    assert (pc101.props["line"], pc101.props["col"]) == ("1", "1")


def test_escaping_round_trips_percent_comma_colon_and_newline(tmp_path: Path) -> None:
    value = "50% share, with: care\r\nand 100%0A more"
    data = sound()
    data["vision"]["values"] = [value]
    result = assess_text(dump(data), name="dir/a,b:c%.yaml")
    output = github(report_of(result))
    [line] = [x for x in output.splitlines() if x.startswith("::warning ")]
    assert "\n" not in line and "\r" not in line
    [a] = parse_annotations(output)
    assert a.props["file"] == "dir/a,b:c%.yaml"
    # Percent signs round-trip; a line break in a value is shown, not obeyed.
    assert "50% share, with: care\\r\\nand 100%0A more" in a.message
    assert escape_data("%\r\n:,") == "%25%0D%0A:,"
    assert escape_property("%\r\n:,") == "%25%0D%0A%3A%2C"


def test_summary_has_scores_elements_and_every_finding() -> None:
    report = sample_report()
    output = github(report)
    result = report.results[0]
    assert f"{FILE}: {result.partnership}" in output
    assert result.cap is not None  # an error stands (PC307): the band is capped, and says so
    assert (
        f"score {result.score:.1f}/100 ({result.band.value}; {result.cap.reason}; "
        f"{result.uncapped_score:.1f} before the cap), depth {result.depth.value}" in output
    )
    for element in result.elements:
        assert re.search(rf"{re.escape(element.title)}\s+{element.score:.1f}", output)
    for f in result.findings:
        assert f.location is not None
        where = f"{FILE}:{f.location.line}:{f.location.column}: {f.severity.value.upper()}"
        assert f"{where} {f.rule} {f.message}" in output
    assert f"{BROKEN}:7:3: error {INPUT_ERROR.message}" in output


def test_file_text_cannot_issue_workflow_commands() -> None:
    def change(d: dict[str, Any]) -> None:
        d["partnership"]["name"] = "x\n::add-mask::secret\r::error::pwned"

    output = github(report_of(assess_changed(change)))
    lines = output.splitlines()
    start = next(i for i, x in enumerate(lines) if x.startswith("::stop-commands::"))
    token = lines[start].removeprefix("::stop-commands::")
    assert len(token) == 32 and lines[-1] == f"::{token}::"
    assert not any(x.startswith("::") for x in lines[start + 1 : -1])
    assert token not in "\n".join(lines[start + 1 : -1])


def test_byte_identical() -> None:
    assert github(sample_report()) == github(sample_report())


@pytest.mark.parametrize("name", ["partnerships/riverside.yaml", "<stdin>"])
def test_relative_paths_stay_as_given(name: str) -> None:
    data = sound()
    data["vision"]["values"] = ["dignity"]
    output = github(report_of(assess_text(dump(data), name=name)))
    assert parse_annotations(output)[0].props["file"] == name
