"""The one place where numbers are made. docs/scoring.md explains every line.

* Each rule is worth a fixed number of points of its element's 100. A finding
  costs ``rule points * share``; a rule never costs more than its points in
  total. A finding that a whole section is missing costs the whole element; one
  that makes other rules moot (no agreement, so no exit terms) costs theirs too.
* Info findings are advice and cost nothing. A finding softened by a declared
  risk that covers it costs half. Suppressed findings cost nothing.
* element score = 100 - points lost (one decimal, never below 0);
  mean = weighted mean of the element scores.
* The headline cannot hide a failing element or failing results (docs/scoring.md,
  "The headline"): the band is at most one above the weakest element's (and
  critical when two elements are critical); at most developing while an error
  finding stands; at most developing when a fifth of the goals' results are
  shortfalls, at-risk when half are; and strong only with results on record.
  The score is capped to the top of that band, and the cap's reason reported.
  The bands and caps live in :mod:`partnercheck.scoring.caps`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from partnercheck.results import (
    ELEMENT_TITLES,
    Band,
    Cap,
    ElementId,
    ElementScore,
    Finding,
    Location,
    Severity,
)
from partnercheck.rules.base import ELEMENT, Hit, Rule, Words, ids, names
from partnercheck.rules.plain import plain_advice
from partnercheck.scoring.caps import (
    BAND_ORDER,
    BANDS,
    CAP_ROOM,
    CEILING,
    DRAFT_MIN_TEXTS,
    DRAFT_SHARE,
    ERROR_CAP,
    EVIDENCED_FOR_STRONG,
    HELD,
    SHORTFALL,
    SHORTFALL_AT_RISK,
    SHORTFALL_DEVELOPING,
    UNFINISHED_COUNT,
    VERDICTS,
    Outcomes,
    Scores,
    band_for,
    capped,
    headline_cap,
    verdict_for,
)

__all__ = [
    "BANDS",
    "BAND_ORDER",
    "CAP_ROOM",
    "CEILING",
    "DRAFT_MIN_TEXTS",
    "DRAFT_SHARE",
    "ERROR_CAP",
    "EVIDENCED_FOR_STRONG",
    "HELD",
    "MITIGATION_FACTOR",
    "SHORTFALL",
    "SHORTFALL_AT_RISK",
    "SHORTFALL_DEVELOPING",
    "SURVEY_WEIGHT",
    "UNFINISHED_COUNT",
    "VERDICTS",
    "WHOLE_ELEMENT",
    "Draft",
    "Headline",
    "Outcomes",
    "Scored",
    "band_for",
    "capped",
    "combine",
    "draft_cost",
    "element_scores",
    "headline",
    "headline_cap",
    "price",
    "rule_points",
    "score",
    "score_points",
    "verdict_for",
    "weighted_mean",
]

MITIGATION_FACTOR = 0.5
SURVEY_WEIGHT = 0.5  # share of the perception score in a combined element score
WHOLE_ELEMENT = 100.0


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

    @property
    def recommendation(self) -> Words:
        """The hit's own fix, else the rule's recommendation."""
        return self.hit.fix if self.hit.fix is not None else self.rule.recommendation

    @property
    def element(self) -> ElementId | None:
        return self.rule.element or self.hit.element


@dataclass(frozen=True, slots=True)
class Scored:
    score: float
    band: Band
    elements: list[ElementScore]
    findings: list[Finding]
    costs: list[float]  # unrounded cost of each finding, in the order of ``findings``
    mean: float
    cap: Cap | None
    # A cap that does not lower today's score but would hold it as the score rose.
    ceiling: Cap | None = None


def rule_points(active: Iterable[Rule]) -> dict[str, float]:
    """Points each active rule is worth within its element (its weight, as written)."""
    return {r.id: (r.weight if r.element is not None else 0.0) for r in active}


def combine(document: float, perception: float | None) -> float:
    """Combined element score: half document, half perception, when there is a survey."""
    if perception is None:
        return document
    return round((1.0 - SURVEY_WEIGHT) * document + SURVEY_WEIGHT * perception, 1)


def draft_cost(d: Draft, points: Mapping[str, float]) -> float:
    """What one draft would cost before the rule's own total is capped."""
    if d.suppressed or d.rule.element is None or d.severity is Severity.INFO:
        return 0.0
    factor = MITIGATION_FACTOR if d.mitigated_by else 1.0
    return _worth(d, points) * d.hit.share * factor


def price(drafts: Sequence[Draft], points: Mapping[str, float]) -> list[float]:
    """Each draft's cost. A rule never costs more than it is worth in total; when its
    findings ask for more (three free riders at a third each, and a fourth), every one is
    scaled down alike, so no partner is priced at 0 by the order it is listed in."""
    asked = [draft_cost(d, points) for d in drafts]
    wanted: dict[str, float] = defaultdict(float)
    worth: dict[str, float] = {}
    for d, cost in zip(drafts, asked, strict=True):
        wanted[d.rule.id] += cost
        worth[d.rule.id] = max(worth.get(d.rule.id, 0.0), _worth(d, points))
    return [
        cost * min(1.0, worth[d.rule.id] / wanted[d.rule.id]) if wanted[d.rule.id] else 0.0
        for d, cost in zip(drafts, asked, strict=True)
    ]


def _worth(d: Draft, points: Mapping[str, float]) -> float:
    """What a draft's rule can cost at most: its points, those it covers, or the element."""
    if d.hit.covers == ELEMENT:
        return WHOLE_ELEMENT
    return points.get(d.rule.id, 0.0) + sum(points.get(c, 0.0) for c in d.hit.covers)


class _Element(NamedTuple):
    """An element's numbers without the ElementScore model, for rescoring."""

    id: ElementId
    score: float
    weight: float
    document: float


def _element_values(
    drafts: Sequence[Draft],
    costs: Sequence[float],
    weights: Mapping[ElementId, float],
    perception: Mapping[ElementId, float | None],
) -> list[_Element]:
    lost: dict[ElementId, float] = defaultdict(float)
    for d, cost in zip(drafts, costs, strict=True):
        if d.rule.element is not None:
            lost[d.rule.element] += cost
    values = []
    for element in ElementId:
        document = round(max(0.0, 100.0 - lost[element]), 1)
        value = combine(document, perception.get(element))
        values.append(_Element(element, value, weights.get(element, 1.0), document))
    return values


def element_scores(
    drafts: Sequence[Draft],
    costs: Sequence[float],
    weights: Mapping[ElementId, float],
    perception: Mapping[ElementId, float | None],
) -> list[ElementScore]:
    return [
        ElementScore(
            id=e.id,
            title=ELEMENT_TITLES[e.id],
            score=e.score,
            weight=e.weight,
            verdict=verdict_for(e.score),
            document_score=e.document if perception else None,
            perception_score=perception.get(e.id),
        )
        for e in _element_values(drafts, costs, weights, perception)
    ]


def weighted_mean(elements: Sequence[Scores]) -> float:
    total = sum(e.weight for e in elements)
    return round(sum(e.weight * e.score for e in elements) / total, 1) if total else 0.0


def score(
    drafts: Sequence[Draft],
    active: Iterable[Rule],
    weights: Mapping[ElementId, float],
    perception: Mapping[ElementId, float | None] | None = None,
    outcomes: Outcomes | None = None,
) -> Scored:
    """Price every draft, then compute element scores, the mean and the capped overall."""
    return score_points(drafts, rule_points(active), weights, perception, outcomes)


def score_points(
    drafts: Sequence[Draft],
    points: Mapping[str, float],
    weights: Mapping[ElementId, float],
    perception: Mapping[ElementId, float | None] | None = None,
    outcomes: Outcomes | None = None,
) -> Scored:
    """:func:`score` with the rules' points already worked out (:func:`rule_points`),
    as the engine does once per run rather than once per rescoring."""
    costs = price(drafts, points)
    perception = perception or {}
    elements = element_scores(drafts, costs, weights, perception)
    mean = weighted_mean(elements)
    cap = _cap(drafts, elements, outcomes, _costliest(drafts, costs))
    overall = capped(mean, cap.band) if cap is not None else mean
    ceiling = None
    if overall == mean:
        # Not lowering the score, it is not the headline's cap, but it says how far the
        # score can rise before the reason must be dealt with.
        ceiling, cap = cap, None
    findings = [_finding(d, cost) for d, cost in zip(drafts, costs, strict=True)]
    return Scored(overall, band_for(overall), elements, findings, costs, mean, cap, ceiling)


class Headline(NamedTuple):
    """What a rescoring needs: the overall score, the mean, and the cap that lowers it."""

    score: float
    mean: float
    cap: Cap | None


def headline(
    drafts: Sequence[Draft],
    costs: Sequence[float],
    weights: Mapping[ElementId, float],
    perception: Mapping[ElementId, float | None] | None = None,
    outcomes: Outcomes | None = None,
) -> Headline:
    """The overall score, mean and lowering cap exactly as :func:`score_points` gives
    them, without building findings or element models: a priority's gain rescores the
    file once per rule.

    ``costs`` are the drafts' prices (:func:`price`). Dropping every finding of some
    rules leaves the other rules' prices as they were (a rule is capped on its own
    findings only), so a rescoring reuses them instead of pricing again.
    """
    elements = _element_values(drafts, costs, weights, perception or {})
    mean = weighted_mean(elements)
    cap = _cap(drafts, elements, outcomes)
    if cap is None or capped(mean, cap.band) == mean:
        return Headline(mean, mean, None)
    return Headline(capped(mean, cap.band), mean, cap)


def _cap(
    drafts: Sequence[Draft],
    elements: Sequence[Scores],
    outcomes: Outcomes | None,
    tops: Mapping[ElementId, str] | None = None,
) -> Cap | None:
    """The strictest cap on the band, whether or not it lowers today's mean; ``tops``
    (each element's costliest finding) only words its reason."""
    errors = [
        (d.rule.id, ids(d.hit.message), names(d.hit.message))
        for d in drafts
        if d.severity is Severity.ERROR and not d.suppressed
    ]
    gone = tuple(
        d.rule.element
        for d in drafts
        if d.hit.covers == ELEMENT and not d.suppressed and d.rule.element is not None
    )
    if outcomes is not None and gone:
        outcomes = replace(outcomes, absent=gone)
    rule_caps = [
        (d.rule.cap, ids(d.hit.message), names(d.hit.message))
        for d in drafts
        if d.rule.cap is not None and not d.suppressed
    ]
    return headline_cap(elements, errors, outcomes, rule_caps, tops)


def _costliest(drafts: Sequence[Draft], costs: Sequence[float]) -> dict[ElementId, str]:
    """Each element's costliest standing finding, by name: what holds it down."""
    best: dict[ElementId, tuple[float, str]] = {}
    for d, cost in zip(drafts, costs, strict=True):
        if d.suppressed or d.element is None or cost <= 0:
            continue
        if cost > best.get(d.element, (0.0, ""))[0]:
            best[d.element] = (cost, names(d.hit.message).rstrip("."))
    return {element: text for element, (_, text) in best.items()}


def _finding(d: Draft, cost: float) -> Finding:
    fix = d.recommendation
    key = d.hit.key
    recommendation = ids(fix) + (f" (`{key}`)" if key and d.hit.fix is not None else "")
    return Finding(
        rule=d.rule.id,
        severity=d.severity,
        element=d.element,
        challenge=d.rule.challenge or d.hit.challenge,
        message=ids(d.hit.message),
        location=d.location,
        recommendation=recommendation,
        suppressed=d.suppressed,
        points=round(cost, 2),
        mitigated_by=d.mitigated_by,
        justification=d.justification,
        subject=d.hit.subject.id if d.hit.subject else None,
        text=names(d.hit.message),
        advice=names(fix) if d.hit.fix is not None else plain_advice(d.rule.id, ids(fix)),
    )
