"""One line per finding, ``FILE:LINE:COL: SEVERITY PCnnn message``, for grep and editors."""

from __future__ import annotations

from partnercheck.reporters import RenderContext
from partnercheck.results import Finding, Report
from partnercheck.textsafe import defuse_commands
from partnercheck.textsafe.models import visible_model


def render(report: Report, context: RenderContext) -> str:
    report = visible_model(report)
    lines = []
    for result in report.results:
        for f in result.findings:
            if f.suppressed:
                continue
            line, column = (f.location.line, f.location.column) if f.location else (1, 1)
            lines.append(f"{result.file}:{line}:{column}: {f.severity.value} {f.rule} {f.message}")
        lines.append(
            f"{result.file}: score {result.score:.1f} ({result.band.value}), "
            f"depth {result.depth.value}, {_count(result.findings)}"
        )
    if context.statistics:
        from partnercheck.reporters.statistics import statistics_lines

        lines.extend(statistics_lines(report))
    return defuse_commands("\n".join(lines) + ("\n" if lines else ""))


def _count(findings: list[Finding]) -> str:
    n = sum(1 for f in findings if not f.suppressed)
    return f"{n} finding{'s' if n != 1 else ''}"
