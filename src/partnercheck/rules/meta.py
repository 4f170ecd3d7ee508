"""PC9xx: findings about the file's own bookkeeping, reported by the engine."""

from __future__ import annotations

from partnercheck.results import Severity
from partnercheck.rules.base import register_meta

UNUSED = register_meta(
    "PC901",
    title="Suppression matches no finding",
    severity=Severity.WARNING,
    rationale="""A suppression that no longer matches anything hides nothing today but
    would silently hide a future problem of the same kind.""",
    recommendation="Remove the suppression, or check that it names the intended rule.",
)
EXPIRED = register_meta(
    "PC902",
    title="Suppression has expired",
    severity=Severity.INFO,
    rationale="""Accepted gaps are accepted for a time; after the agreed date the
    partners should look at them again.""",
    recommendation="Fix the findings, or agree a new expiry date and reason.",
)
UNKNOWN = register_meta(
    "PC903",
    title="Suppression names an unknown rule",
    severity=Severity.WARNING,
    rationale="A suppression of a rule that does not exist is almost always a typo.",
    recommendation="Use a rule id listed by `partnercheck rules`.",
)
