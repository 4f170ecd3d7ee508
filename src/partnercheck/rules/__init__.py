"""Every rule, registered on import. One module per element or challenge family."""

from partnercheck.rules import (  # noqa: F401 - imported to register their rules
    communication,
    conflict,
    depth,
    evaluation,
    goals,
    improvements,
    investment,
    kpis,
    logistics,
    meta,
    perception,
    placeholders,
    power,
    resources,
    risks,
    roles,
    vision,
)
from partnercheck.rules.base import REGISTRY, Hit, Rule, rule

__all__ = ["REGISTRY", "Hit", "Rule", "rule"]
