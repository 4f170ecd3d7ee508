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
    example="""
    suppress:                    # delete entries whose findings are gone
      - rule: PC305
        reason: Partners are co-located and meet daily
    """,
)
EXPIRED = register_meta(
    "PC902",
    title="Suppression has expired",
    severity=Severity.INFO,
    rationale="""Accepted gaps are accepted for a time; after the agreed date the
    partners should look at them again.""",
    recommendation="Fix the findings, or agree a new expiry date and reason.",
    example="""
    suppress:
      - rule: PC305
        reason: Re-agreed at the 2026 annual review; co-located team
        expires: 2027-06-30
    """,
)
