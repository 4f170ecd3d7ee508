"""What a rule is, and the registry that holds every rule.

A rule is a pure function of the partnership (through :class:`Context`) that
yields :class:`Hit` records. Declaring it takes one decorator; a duplicate id
fails at import time, so two rules can never share a name.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from partnercheck.load.nodes import Path
from partnercheck.results import ChallengeId, ElementId, Severity
from partnercheck.rules.context import Context


@dataclass(frozen=True, slots=True)
class Hit:
    """One thing a rule found.

    ``path`` points into the file (``None`` only when the whole section is
    absent). ``share`` is the part of the rule's weight this hit costs: a rule
    checking every goal yields ``1/len(goals)`` per failing goal, so the rule
    as a whole never costs more than its weight.
    """

    message: str
    path: Path | None
    recommendation: str | None = None
    share: float = 1.0
    # Only for rules without an element of their own (e.g. survey divergence), to
    # file the finding under the element it is about; it never changes the price.
    element: ElementId | None = None
    challenge: ChallengeId | None = None


Check = Callable[[Context], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    title: str
    element: ElementId | None
    challenge: ChallengeId | None
    severity: Severity
    weight: float
    rationale: str
    recommendation: str
    example: str
    # None for rules reported by the engine itself (suppression bookkeeping).
    check: Check | None


REGISTRY: dict[str, Rule] = {}


def rule(
    id: str,
    *,
    element: ElementId | None,
    severity: Severity,
    weight: float,
    rationale: str,
    recommendation: str,
    challenge: ChallengeId | None = None,
    example: str = "",
) -> Callable[[Check], Check]:
    """Register a rule. Its title is the first line of the function's docstring."""

    def register(check: Check) -> Check:
        if id in REGISTRY:
            raise ValueError(f"duplicate rule id {id}")
        doc = inspect.getdoc(check)
        if not doc:
            raise ValueError(f"rule {id} needs a docstring: its first line is the title")
        REGISTRY[id] = Rule(
            id=id,
            title=doc.splitlines()[0].rstrip("."),
            element=element,
            challenge=challenge,
            severity=severity,
            weight=weight,
            rationale=" ".join(rationale.split()),
            recommendation=" ".join(recommendation.split()),
            example=inspect.cleandoc(example) if example else "",
            check=check,
        )
        return check

    return register


def per_item(count: int) -> float:
    """Share of a rule's weight that one failing item out of ``count`` costs."""
    return 1.0 / count if count else 1.0


def register_meta(
    id: str,
    *,
    title: str,
    severity: Severity,
    rationale: str,
    recommendation: str,
    challenge: ChallengeId | None = None,
    example: str = "",
) -> Rule:
    """Register a rule whose findings the engine reports (it has no check of its own)."""
    if id in REGISTRY:
        raise ValueError(f"duplicate rule id {id}")
    REGISTRY[id] = Rule(
        id,
        title,
        None,
        challenge,
        severity,
        0.0,
        " ".join(rationale.split()),
        " ".join(recommendation.split()),
        inspect.cleandoc(example) if example else "",
        None,
    )
    return REGISTRY[id]
