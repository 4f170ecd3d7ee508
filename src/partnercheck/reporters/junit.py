"""JUnit XML for CI test dashboards (Jenkins, GitLab, Azure, junitparser).

One ``<testsuite>`` per file and one ``<testcase>`` per rule. A rule fails
when it has an unsuppressed finding at or above ``--fail-on``; findings below
the threshold are listed in ``<system-out>``; a rule whose findings are all
suppressed is skipped. With ``--fail-under``, each file also has a testcase
``threshold --fail-under N`` that fails when the score is below N, so the test
report is red exactly when the run is. A file that could not be checked is a
suite with one ``<error>`` case. Every testcase carries ``file`` (the path from
the repository root) and, where a finding or error points at one, ``line``, so
GitLab and annotation actions can link to the place. No timestamps or
durations: the same report gives the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from partnercheck.reporters import RenderContext
from partnercheck.results import (
    ErrorRecord,
    FileResult,
    Finding,
    Report,
    RuleInfo,
    Severity,
    SourcePath,
    Threshold,
)
from partnercheck.textsafe import defuse_commands
from partnercheck.textsafe.models import visible_model

DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(report: Report, context: RenderContext) -> str:
    report = visible_model(report)  # no control character or bidi override in any value
    root = ET.Element("testsuites", {"name": "partnercheck"})
    del context  # the thresholds are in the report
    threshold = report.threshold or Threshold(fail_under=None, fail_on="error")
    rules = report.rule_index()
    suites = [file_suite(r, threshold, rules) for r in report.results]
    suites += [error_suite(file, errors) for file, errors in _errors_by_file(report.errors)]
    totals = dict.fromkeys(("tests", "failures", "errors"), 0)
    for suite in suites:
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
        root.append(suite)
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root, space="  ")
    return defuse_commands(DECLARATION + ET.tostring(root, encoding="unicode") + "\n")


def class_name(file: str) -> str:
    """``examples/riverside.yaml`` -> ``examples.riverside.yaml``."""
    return clean(file.replace("\\", "/").replace("/", "."))


def clean(text: str) -> str:
    """Make any text safe for XML 1.0 (ElementTree escapes but does not drop bad characters)."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def repository_file(file: str, source: SourcePath | None) -> str:
    """The ``file`` attribute: the path from the repository root where there is one."""
    return source.path if source is not None else file


def file_suite(result: FileResult, threshold: Threshold, rules: dict[str, RuleInfo]) -> ET.Element:
    floor = None if threshold.fail_on == "never" else Severity(threshold.fail_on).rank
    where = repository_file(result.file, result.source)
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for f in result.findings:
        by_rule[f.rule].append(f)
    suite = ET.Element("testsuite", {"name": clean(result.file)})
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("partnership", result.partnership),
        ("score", f"{result.score:.1f}"),
        ("band", result.band.value),
        ("depth", result.depth.value),
    ):
        ET.SubElement(properties, "property", {"name": name, "value": clean(value)})
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    checked = result.active_rules or list(rules)
    cases = [
        _case(result.file, where, rules.get(rule_id), rule_id, by_rule.get(rule_id, []), floor)
        for rule_id in sorted(set(checked) | by_rule.keys())
    ]
    if threshold.fail_under is not None:
        cases.append(_score_case(result, where, threshold.fail_under))
    for case, outcome in cases:
        suite.append(case)
        counts["tests"] += 1
        if outcome:
            counts[outcome] += 1
    for key in ("tests", "failures", "errors", "skipped"):
        suite.set(key, str(counts[key]))
    return suite


def _score_case(result: FileResult, where: str, fail_under: float) -> tuple[ET.Element, str | None]:
    """The testcase of ``--fail-under``: it fails when the file scores below the threshold."""
    name = f"threshold --fail-under {fail_under:g}"
    attributes = {"name": name, "classname": class_name(result.file), "file": clean(where)}
    case = ET.Element("testcase", attributes)
    if result.score >= fail_under:
        return case, None
    message = f"score {result.score:.1f} is below --fail-under {fail_under:g}"
    failure = ET.SubElement(case, "failure", {"message": message, "type": "threshold"})
    failure.text = clean(f"{result.file}: {message} (band {result.band.value})")
    return case, "failures"


def _case(
    file: str,
    where: str,
    rule: RuleInfo | None,
    rule_id: str,
    findings: list[Finding],
    floor: int | None,
) -> tuple[ET.Element, str | None]:
    name = f"{rule_id} {rule.title}" if rule else rule_id
    attributes = {"name": clean(name), "classname": class_name(file), "file": clean(where)}
    case = ET.Element("testcase", attributes)
    active = [f for f in findings if not f.suppressed]
    failing = [f for f in active if floor is not None and f.severity.rank >= floor]
    quiet = [f for f in findings if f not in failing]
    pointing = next((f.location for f in [*failing, *findings] if f.location is not None), None)
    if pointing is not None:
        case.set("line", str(pointing.line))
    outcome: str | None = None
    if failing:
        worst = max(failing, key=lambda f: f.severity.rank).severity.value
        message = (
            failing[0].message
            if len(failing) == 1
            else f"{len(failing)} findings: " + "; ".join(f.message for f in failing)
        )
        failure = ET.SubElement(case, "failure", {"message": clean(message), "type": worst})
        failure.text = clean("\n".join(_line(file, f) for f in failing))
        outcome = "failures"
    elif findings and not active:
        ET.SubElement(
            case,
            "skipped",
            {
                "message": clean(
                    f"suppressed: {findings[0].justification or 'accepted in suppress:'}"
                ),
                "type": "suppressed",
            },
        )
        outcome = "skipped"
    if quiet:
        out = ET.SubElement(case, "system-out")
        out.text = clean("\n".join(_line(file, f) for f in quiet))
    return case, outcome


def _line(file: str, f: Finding) -> str:
    line, column = (f.location.line, f.location.column) if f.location else (1, 1)
    note = " (suppressed)" if f.suppressed else ""
    return (
        f"{file}:{line}:{column}: {f.severity.value} {f.rule} {f.message}{note}\n"
        f"    fix: {f.recommendation}"
    )


def _errors_by_file(errors: list[ErrorRecord]) -> list[tuple[str, list[ErrorRecord]]]:
    grouped: dict[str, list[ErrorRecord]] = {}
    for e in errors:
        grouped.setdefault(e.file, []).append(e)
    return list(grouped.items())


def error_suite(file: str, errors: list[ErrorRecord]) -> ET.Element:
    suite = ET.Element(
        "testsuite",
        {"name": clean(file), "tests": "1", "failures": "0", "errors": "1", "skipped": "0"},
    )
    attributes = {
        "name": "input",
        "classname": class_name(file),
        "file": clean(repository_file(file, errors[0].source)),
        "line": str(max(1, errors[0].line)),
    }
    case = ET.SubElement(suite, "testcase", attributes)
    message = errors[0].message if len(errors) == 1 else f"{len(errors)} input errors"
    error = ET.SubElement(case, "error", {"message": clean(message), "type": "input-error"})
    error.text = clean("\n".join(f"{e.file}:{e.line}:{e.column}: {e.message}" for e in errors))
    return suite
