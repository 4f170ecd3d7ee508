"""GitHub Actions workflow commands: annotations, most urgent first, then a plain summary.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step
(and 50 per job), and drops the rest silently. So a failed threshold and input
errors come first, then findings by severity, at most 10 of each kind; the
summary that follows lists everything as plain text and says how many findings
were not annotated. A file's path is given from the repository root, as the
runner expects. The summary carries text from the partnership file, so it is
wrapped in ``::stop-commands::`` with a token derived from its own content, and
every value in it is made visible and defused (:mod:`partnercheck.textsafe`):
nothing in a file can issue a workflow command, recolour the log or start a
line of its own.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from partnercheck.reporters import RenderContext
from partnercheck.reporters.verdict import (
    failures_by_file,
    headline,
    threshold_summary,
)
from partnercheck.results import (
    ErrorRecord,
    FileResult,
    Finding,
    Location,
    Report,
    RuleInfo,
    Severity,
    SourcePath,
    ThresholdFailure,
)
from partnercheck.textsafe import defuse_commands, visible
from partnercheck.textsafe.models import visible_model

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
# GitHub's documented limit: annotations of each kind shown per step.
PER_KIND = 10


def escape_data(text: str) -> str:
    """Escape a command's message (as @actions/core does)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as data, plus the ``:`` and ``,`` that delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, str | int], message: str) -> str:
    """One workflow command; values are made visible first, so none holds a control character."""
    props = ",".join(
        f"{key}={escape_property(visible(str(value)))}" for key, value in properties.items()
    )
    return f"::{name} {props}::{escape_data(visible(message))}"


def render(report: Report, context: RenderContext) -> str:
    del context  # annotations carry their own severity; the exit code enforces --fail-on
    report = visible_model(report)
    lines, left_out = annotation_lines(report)
    summary = defuse_commands("\n".join(summary_lines(report, left_out))).split("\n")
    token = hashlib.sha256("\n".join(summary).encode("utf-8")).hexdigest()[:32]
    lines += [f"::stop-commands::{token}", *summary, f"::{token}::"]
    return "\n".join(lines) + "\n"


def annotation_lines(report: Report, per_kind: int = PER_KIND) -> tuple[list[str], Counter[str]]:
    """The annotations GitHub will show, most urgent first, and how many of each kind are not."""
    rules = report.rule_index()
    failing = failures_by_file(report)
    candidates = [
        ("error", threshold_annotation(r, failing[r.file]))
        for r in report.results
        if r.file in failing
    ]
    candidates += [("error", error_annotation(e, _path(e.file, e.source))) for e in report.errors]
    candidates += [
        (COMMAND[severity], annotation(f, _path(r.file, r.source), rules))
        for severity in Severity
        for r in report.results
        for f in r.findings
        if f.severity is severity and not f.suppressed
    ]
    shown: list[str] = []
    kept: Counter[str] = Counter()
    left_out: Counter[str] = Counter()
    for kind, line in candidates:
        if kept[kind] < per_kind:
            kept[kind] += 1
            shown.append(line)
        else:
            left_out[kind] += 1
    return shown, left_out


def _path(file: str, source: SourcePath | None) -> str:
    """The path from the repository root (the runner's workspace) where there is one."""
    return source.path if source is not None else file


def position(location: Location | None) -> dict[str, int]:
    """Where an annotation points.

    ``col``/``endColumn`` are given only for a span on one line: GitHub ignores
    them when ``line`` and ``endLine`` differ.
    """
    if location is None:
        return {"line": 1, "col": 1, "endLine": 1, "endColumn": 2}
    line, column = location.line, location.column
    if location.end_line is None or location.end_column is None:
        return {"line": line, "col": column, "endLine": line, "endColumn": column + 1}
    end_line, end_column = location.end_line, location.end_column
    if end_line > line and end_column <= column:
        # A block collection ends where the next, less indented, token starts:
        # its last character is on the line before.
        end_line -= 1
        if end_line == line:
            return {"line": line, "col": column, "endLine": line}
    if end_line > line:
        return {"line": line, "endLine": end_line}
    return {"line": line, "col": column, "endLine": line, "endColumn": max(end_column, column + 1)}


def annotation(f: Finding, path: str, rules: dict[str, RuleInfo]) -> str:
    rule = rules.get(f.rule)
    title = f"{f.rule} {rule.title}" if rule else f.rule
    props: dict[str, str | int] = {"file": path, **position(f.location), "title": title}
    return command(COMMAND[f.severity], props, f"{f.message.rstrip('.')}. Fix: {f.recommendation}")


def error_annotation(e: ErrorRecord, path: str) -> str:
    return command("error", {"file": path, "line": e.line, "col": e.column}, e.message)


def threshold_annotation(result: FileResult, failures: list[ThresholdFailure]) -> str:
    """An error on the file's first line saying which threshold it fails and why."""
    message = "; ".join(f.message for f in failures)
    props: dict[str, str | int] = {
        "file": _path(result.file, result.source),
        "line": 1,
        "title": "partnercheck threshold failed",
    }
    return command("error", props, f"{message} ({headline(result)})")


# Summary ----------------------------------------------------------------------


def _one_line(text: str) -> str:
    return visible(text)


def summary_lines(report: Report, left_out: Counter[str] | None = None) -> list[str]:
    files = len(report.results)
    lines = [
        f"partnercheck {report.tool.version} as of {report.as_of.isoformat()}: "
        f"{files} file{'s' if files != 1 else ''} assessed, "
        f"{len(report.errors)} input error{'s' if len(report.errors) != 1 else ''}"
    ]
    verdict = threshold_summary(report)
    if verdict:
        lines.append(verdict)
    if left_out:
        kinds = ", ".join(
            f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in sorted(left_out.items())
        )
        lines.append(
            f"Not annotated: {kinds} (GitHub shows {PER_KIND} annotations of each kind per "
            "step); every finding is listed below."
        )
    failing = failures_by_file(report)
    for r in report.results:
        lines.extend(_file_lines(r, failing.get(r.file, [])))
    if report.errors:
        lines.append("")
        lines.append("Input errors:")
        lines.extend(
            _one_line(f"{e.file}:{e.line}:{e.column}: error {e.message}") for e in report.errors
        )
    return lines


def _file_lines(r: FileResult, failures: list[ThresholdFailure]) -> list[str]:
    shown = [f for f in r.findings if not f.suppressed]
    suppressed = len(r.findings) - len(shown)
    lines = [
        "",
        _one_line(f"{r.file}: {r.partnership}"),
        _one_line(f"  {headline(r, '/100')}, depth {r.depth.value}"),
    ]
    lines.extend(_one_line(f"  threshold failed: {f.message}") for f in failures)
    lines += ["  elements:"]
    width = max((len(e.title) for e in r.elements), default=0)
    lines.extend(
        _one_line(f"    {e.title:<{width}}  {e.score:5.1f}  {e.verdict}".rstrip())
        for e in r.elements
    )
    lines.append(
        f"  findings: {len(shown)}" + (f" ({suppressed} suppressed)" if suppressed else "")
    )
    for f in r.findings:
        line, column = (f.location.line, f.location.column) if f.location else (1, 1)
        note = " (suppressed)" if f.suppressed else ""
        where = f"{r.file}:{line}:{column}"
        lines.append(
            _one_line(f"    {where}: {f.severity.value.upper()} {f.rule} {f.message}{note}")
        )
    return lines
