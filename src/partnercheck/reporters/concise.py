"""One line per finding, ``FILE:LINE:COL: SEVERITY PCnnn message``, for grep and editors.

Each file ends with its summary line (a capped band says why), then a line per
threshold it fails; :func:`output_summary` is the short terminal summary shown
beside a report written with ``-o``.
"""

from __future__ import annotations

from partnercheck.reporters import RenderContext
from partnercheck.reporters.verdict import (
    count,
    failures_by_file,
    finding_counts,
    headline,
    threshold_summary,
)
from partnercheck.results import FileResult, Report, ThresholdFailure
from partnercheck.textsafe import defuse_commands, visible
from partnercheck.textsafe.models import visible_model


def render(report: Report, context: RenderContext) -> str:
    report = visible_model(report)
    failing = failures_by_file(report)
    lines = []
    for result in report.results:
        for f in result.findings:
            if f.suppressed:
                continue
            line, column = (f.location.line, f.location.column) if f.location else (1, 1)
            lines.append(f"{result.file}:{line}:{column}: {f.severity.value} {f.rule} {f.message}")
        lines.extend(file_lines(result, failing.get(result.file, [])))
    if context.statistics:
        from partnercheck.reporters.statistics import statistics_lines

        lines.extend(statistics_lines(report))
    return defuse_commands("\n".join(lines) + ("\n" if lines else ""))


def file_lines(result: FileResult, failures: list[ThresholdFailure]) -> list[str]:
    """The file's summary line, then a line for each threshold it fails."""
    lines = [
        f"{result.file}: {headline(result)}, depth {result.depth.value}, "
        f"{finding_counts(result.findings)}"
    ]
    lines.extend(f"{result.file}: threshold failed: {f.message}" for f in failures)
    return lines


def output_summary(report: Report, written: str, statistics: bool = False) -> str:
    """The terminal summary beside ``-o FILE``: one line per file, then a total."""
    report = visible_model(report)
    failing = failures_by_file(report)
    lines = [line for r in report.results for line in file_lines(r, failing.get(r.file, []))]
    findings = [f for r in report.results for f in r.findings]
    total = (
        f"partnercheck: wrote {visible(written)}: {count(len(report.results), 'file')} assessed, "
        f"{finding_counts(findings)}, {count(len(report.errors), 'input error')}"
    )
    verdict = threshold_summary(report)
    lines.append(total + (f"; {verdict}" if verdict else ""))
    if statistics:
        from partnercheck.reporters.statistics import statistics_lines

        lines.extend(statistics_lines(report))
    return defuse_commands("\n".join(lines) + "\n")
