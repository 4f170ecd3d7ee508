"""Ids that CI formats report beside the rules: an input error and a failed threshold.

They are not rules of the assessment (no element, no points), but code scanning
and test reports need a rule for every result, and `partnercheck rule ID`
explains them like any rule.
"""

from __future__ import annotations

from partnercheck.results import RuleInfo, Severity

INPUT_ERROR = "PC000"
THRESHOLD = "threshold"

PSEUDO_RULES = (
    RuleInfo(
        id=INPUT_ERROR,
        title="The file can be read and validated",
        severity=Severity.ERROR,
        rationale="partnercheck could not check this file: it is unreadable, is not valid "
        "YAML, or breaks the partnership format or its references. Nothing else is "
        "reported for the file until this is fixed.",
        recommendation="Fix the error at the place shown; `partnercheck validate FILE` "
        "lists every error of the file.",
    ),
    RuleInfo(
        id=THRESHOLD,
        title="The file meets the run's thresholds",
        severity=Severity.ERROR,
        rationale="The run was given --fail-under (a lowest overall score) or --fail-on "
        "(a severity no finding may reach), and this file fails it, so the run exits 1.",
        recommendation="Fix the findings that cost the most points (the report's priority "
        "actions) or those at or above the --fail-on severity.",
    ),
)
