"""Words every format shares for the headline: a capped band and the threshold verdict.

The cap and the threshold outcome are computed elsewhere (scoring, app); these
functions only phrase them, so a capped band or a failed threshold reads the
same in a CI log, a test report and a job summary.
"""

from __future__ import annotations

from partnercheck.results import (
    FileResult,
    Finding,
    Report,
    Severity,
    Threshold,
    ThresholdFailure,
)


def headline(result: FileResult, scale: str = "") -> str:
    """``score 78.0 (developing)``, or with a cap: why, and the score before it.

    A capped band is never hidden behind its number: the reason (a failing
    element, an error that stands) is on the same line.
    """
    text = f"score {result.score:.1f}{scale} ({result.band.value}"
    if result.cap is not None:
        text += f"; {result.cap.reason}"
        if result.uncapped_score is not None:
            text += f"; {result.uncapped_score:.1f} before the cap"
    return text + ")"


def count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def finding_counts(findings: list[Finding]) -> str:
    """``3 findings (1 error, 2 warnings)``, counting unsuppressed findings only."""
    shown = [f for f in findings if not f.suppressed]
    text = count(len(shown), "finding")
    parts = [count(n, s.value) for s in Severity if (n := sum(f.severity is s for f in shown))]
    return text + (f" ({', '.join(parts)})" if parts else "")


def failures_by_file(report: Report) -> dict[str, list[ThresholdFailure]]:
    """The threshold failures of each failing file, in the report's order."""
    found: dict[str, list[ThresholdFailure]] = {}
    for failure in report.threshold.failures if report.threshold else []:
        found.setdefault(failure.file, []).append(failure)
    return found


def thresholds(threshold: Threshold) -> str:
    """``--fail-under 60 or --fail-on warning``: the thresholds in force."""
    parts = []
    if threshold.fail_under is not None:
        parts.append(f"--fail-under {threshold.fail_under:g}")
    if threshold.fail_on != "never":
        parts.append(f"--fail-on {threshold.fail_on}")
    return " or ".join(parts) or "no threshold"


def threshold_summary(report: Report) -> str | None:
    """One sentence saying the run fails its thresholds, or None when it does not."""
    threshold = report.threshold
    if threshold is None or not threshold.failed:
        return None
    files = len({f.file for f in threshold.failures})
    verb = "fails" if files == 1 else "fail"
    return (
        f"Threshold failed (exit 1): {files} of {count(len(report.results), 'file')} "
        f"{verb} {thresholds(threshold)}."
    )
