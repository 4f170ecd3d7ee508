"""The one place where numbers are made. docs/scoring.md explains every line.

* A rule has a weight. An element's rules share its 100 points in proportion
  to their weights: a rule is worth ``100 * weight / sum(weights)`` points.
* A finding costs ``rule points * share``; a rule never costs more than its
  points in total. A challenge finding softened by a declared, owned risk
  costs half. Suppressed findings cost nothing.
* element score = 100 - points lost (summed unrounded, then rounded to one
  decimal, never below 0);
  overall = weighted mean of the rounded element scores (one decimal).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from partnercheck.results import (
    CHALLENGE_TITLES,
    ELEMENT_TITLES,
    Band,
    ChallengeId,
    ChallengeResult,
    ElementId,
    ElementScore,
    Finding,
    Location,
    PriorityAction,
    Severity,
)
from partnercheck.rules.base import Hit, Rule
from partnercheck.rules.context import Context

MITIGATION_FACTOR = 0.5
SURVEY_WEIGHT = 0.5  # share of the perception score in a combined element score
PRIORITY_COUNT = 3
BANDS: tuple[tuple[float, Band], ...] = (
    (80.0, Band.STRONG),
    (60.0, Band.DEVELOPING),
    (40.0, Band.AT_RISK),
    (0.0, Band.CRITICAL),
)
VERDICTS: tuple[tuple[float, str], ...] = (
    (80.0, "In place"),
    (60.0, "Mostly in place"),
    (40.0, "Partly in place"),
    (0.0, "Largely missing"),
)


@dataclass(frozen=True, slots=True)
class Draft:
    """A finding before it is priced: what the engine knows about one hit."""

    rule: Rule
    hit: Hit
    location: Location | None
    severity: Severity
    suppressed: bool = False
    mitigated_by: str | None = None
    justification: str | None = None


@dataclass(frozen=True, slots=True)
class Scored:
    score: float
    band: Band
    elements: list[ElementScore]
    findings: list[Finding]
    priorities: list[PriorityAction]


def band_for(score: float) -> Band:
    return next(band for floor, band in BANDS if score >= floor)


def rule_points(active: Iterable[Rule]) -> dict[str, float]:
    """Points each active rule is worth within its element."""
    rules = list(active)
    totals: dict[ElementId, float] = defaultdict(float)
    for r in rules:
        if r.element is not None:
            totals[r.element] += r.weight
    return {
        r.id: (100.0 * r.weight / totals[r.element] if r.element and totals[r.element] else 0.0)
        for r in rules
    }


def combine(document: float, perception: float | None) -> float:
    """Combined element score: half document, half perception, when there is a survey."""
    if perception is None:
        return document
    return round((1.0 - SURVEY_WEIGHT) * document + SURVEY_WEIGHT * perception, 1)


def score(
    drafts: Iterable[Draft],
    active: Iterable[Rule],
    weights: Mapping[ElementId, float],
    perception: Mapping[ElementId, float | None] | None = None,
) -> Scored:
    """Price every draft and compute element and overall scores (see module docstring).

    ``perception`` (from a partner survey) turns each element score into the
    combined score; the document score is kept beside it.
    """
    points = rule_points(active)
    # Price each finding, capping each rule at the points it is worth.
    spent: dict[str, float] = defaultdict(float)
    lost: dict[ElementId, float] = defaultdict(float)
    by_rule: dict[str, float] = defaultdict(float)
    findings: list[Finding] = []
    for d in drafts:
        cost = 0.0
        if not d.suppressed and d.rule.element is not None:
            factor = MITIGATION_FACTOR if d.mitigated_by else 1.0
            cost = points.get(d.rule.id, 0.0) * d.hit.share * factor
            cost = max(0.0, min(cost, points.get(d.rule.id, 0.0) - spent[d.rule.id]))
            spent[d.rule.id] += cost
            lost[d.rule.element] += cost
            by_rule[d.rule.id] += cost
        findings.append(
            Finding(
                rule=d.rule.id,
                severity=d.severity,
                element=d.rule.element or d.hit.element,
                challenge=d.rule.challenge or d.hit.challenge,
                message=d.hit.message,
                location=d.location,
                recommendation=d.hit.recommendation or d.rule.recommendation,
                suppressed=d.suppressed,
                points=round(cost, 2),
                mitigated_by=d.mitigated_by,
                justification=d.justification,
            )
        )

    perception = perception or {}
    elements = []
    for element in ElementId:
        document = round(max(0.0, 100.0 - lost[element]), 1)
        perceived = perception.get(element)
        value = combine(document, perceived)
        elements.append(
            ElementScore(
                id=element,
                title=ELEMENT_TITLES[element],
                score=value,
                weight=weights.get(element, 1.0),
                verdict=next(text for floor, text in VERDICTS if value >= floor),
                document_score=document if perception else None,
                perception_score=perceived,
            )
        )
    total_weight = sum(e.weight for e in elements)
    overall = (
        round(sum(e.weight * e.score for e in elements) / total_weight, 1) if total_weight else 0.0
    )
    # With a survey, fixing a document finding moves the combined score by half as much.
    factors = {
        e: (1.0 - SURVEY_WEIGHT) if perception.get(e) is not None else 1.0 for e in ElementId
    }
    return Scored(
        overall,
        band_for(overall),
        elements,
        sort_findings(findings),
        _priorities(findings, by_rule, weights, total_weight, factors),
    )


def _priorities(
    findings: list[Finding],
    by_rule: Mapping[str, float],
    weights: Mapping[ElementId, float],
    total_weight: float,
    factors: Mapping[ElementId, float],
) -> list[PriorityAction]:
    """The rules whose findings, once fixed, would raise the overall score most."""
    first: dict[str, Finding] = {}
    for f in findings:
        if f.points > 0 and f.rule not in first:
            first[f.rule] = f
    gains = []
    for rule_id, f in first.items():
        assert f.element is not None
        weight = weights.get(f.element, 1.0) * factors.get(f.element, 1.0)
        gain = by_rule[rule_id] * weight / total_weight if total_weight else 0
        gains.append(
            PriorityAction(rule=rule_id, recommendation=f.recommendation, gain=round(gain, 1))
        )
    gains.sort(key=lambda a: (-a.gain, a.rule))
    return gains[:PRIORITY_COUNT]


_ELEMENT_ORDER = {e: i for i, e in enumerate(ElementId)}


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Element order, most severe first, then rule id and position: stable output."""

    def key(f: Finding) -> tuple[int, int, str, int, int, str]:
        loc = f.location
        return (
            _ELEMENT_ORDER.get(f.element, len(_ELEMENT_ORDER)) if f.element else 99,
            -f.severity.rank,
            f.rule,
            loc.line if loc else 0,
            loc.column if loc else 0,
            f.message,
        )

    return sorted(findings, key=key)


def challenge_summary(findings: list[Finding], ctx: Context) -> list[ChallengeResult]:
    """Each challenge's level is the worst severity among its unsuppressed findings."""
    results = []
    for challenge in ChallengeId:
        evidence = [f for f in findings if f.challenge is challenge and not f.suppressed]
        worst = max((f.severity.rank for f in evidence), default=0)
        results.append(
            ChallengeResult(
                id=challenge,
                title=CHALLENGE_TITLES[challenge],
                level=CHALLENGE_LEVELS[worst],
                mitigated=challenge.value in ctx.mitigated,
                evidence=[f.message for f in evidence],
            )
        )
    return results


CHALLENGE_LEVELS = {0: "none", 1: "low", 2: "moderate", 3: "high"}
