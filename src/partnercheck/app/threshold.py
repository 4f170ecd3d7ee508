"""The run's thresholds, judged once: which files fail ``--fail-under`` or ``--fail-on``.

The outcome goes into the report, so every format states it where its reader
looks (a concise line, a JUnit failure, a SARIF result, a Markdown line) and
the exit code follows from the same record.
"""

from __future__ import annotations

from partnercheck.app.runner import EXIT_ERROR, EXIT_FAILED, EXIT_OK
from partnercheck.app.settings import Settings
from partnercheck.results import FileResult, Report, Severity, Threshold, ThresholdFailure


def failures(result: FileResult, settings: Settings) -> list[ThresholdFailure]:
    """Why ``result`` fails the thresholds, one record per threshold it fails."""
    found = []
    if settings.fail_under is not None and result.score < settings.fail_under:
        message = f"score {result.score:.1f} is below --fail-under {settings.fail_under:g}"
        found.append(ThresholdFailure(file=result.file, option="fail-under", message=message))
    if settings.fail_on != "never":
        floor = Severity(settings.fail_on).rank
        count = sum(1 for f in result.findings if f.severity.rank >= floor and not f.suppressed)
        if count:
            noun = "finding" if count == 1 else "findings"
            message = f"{count} {noun} at or above --fail-on {settings.fail_on}"
            found.append(ThresholdFailure(file=result.file, option="fail-on", message=message))
    return found


def judge(report: Report, settings: Settings) -> Report:
    """``report`` with its threshold outcome."""
    threshold = Threshold(
        fail_under=settings.fail_under,
        fail_on=settings.fail_on,
        failures=[f for r in report.results for f in failures(r, settings)],
    )
    return report.model_copy(update={"threshold": threshold})


def exit_code(report: Report) -> int:
    """2 when something could not be checked, 1 when a threshold fails, else 0."""
    if report.errors:
        return EXIT_ERROR
    return EXIT_FAILED if report.threshold is not None and report.threshold.failed else EXIT_OK


def stderr_line(report: Report, shown: int = 5) -> str | None:
    """One line for standard error saying why the run exits 1, or None when it does not."""
    if report.threshold is None or not report.threshold.failed:
        return None
    by_file: dict[str, list[str]] = {}
    for failure in report.threshold.failures:
        by_file.setdefault(failure.file, []).append(failure.message)
    parts = [f"{file}: {', '.join(messages)}" for file, messages in list(by_file.items())[:shown]]
    if len(by_file) > shown:
        parts.append(f"and {len(by_file) - shown} more")
    noun = "file fails" if len(by_file) == 1 else "files fail"
    return f"partnercheck: {len(by_file)} {noun} the threshold (exit 1): " + "; ".join(parts)
