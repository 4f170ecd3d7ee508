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
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

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

MITIGATION_FACTOR = 0.5
SURVEY_WEIGHT = 0.5  # share of the perception score in a combined element score
WHOLE_ELEMENT = 100.0
BANDS: tuple[tuple[float, Band], ...] = (
    (80.0, Band.STRONG),
    (60.0, Band.DEVELOPING),
    (40.0, Band.AT_RISK),
    (0.0, Band.CRITICAL),
)
BAND_ORDER = [band for _, band in BANDS]  # best first
# The highest score each band allows: the cap lowers a score to its band's ceiling.
CEILING = {Band.STRONG: 100.0, Band.DEVELOPING: 79.9, Band.AT_RISK: 59.9, Band.CRITICAL: 39.9}
CAP_ROOM = 5.0  # a capped score is squeezed into the top five points of its band
ERROR_CAP = Band.DEVELOPING  # the best band while an unsuppressed error finding stands
# How much each goal outcome counts towards the outcome shortfall (docs/scoring.md).
SHORTFALL = {"missed": 1.0, "off-track": 0.6, "overdue": 0.5, "slipping": 0.25}
SHORTFALL_DEVELOPING = 0.2  # e.g. one goal missed out of five
SHORTFALL_AT_RISK = 0.5  # e.g. two missed and one off track out of five
EVIDENCED_FOR_STRONG = 0.75  # share of live goals whose result is on record
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

    @property
    def recommendation(self) -> Words:
        """The hit's own fix, else the rule's recommendation."""
        return self.hit.fix if self.hit.fix is not None else self.rule.recommendation

    @property
    def element(self) -> ElementId | None:
        return self.rule.element or self.hit.element


@dataclass(frozen=True, slots=True)
class Outcomes:
    """What the results show, for the headline: each live goal's state, and whether a
    review has been held."""

    states: tuple[str, ...] = ()
    reviewed: bool = True

    @property
    def shortfall(self) -> float:
        """Missed goals count 1, off track 0.6, overdue without result 0.5, slipping 0.25;
        divided by the number of live goals."""
        if not self.states:
            return 0.0
        return sum(SHORTFALL.get(s, 0.0) for s in self.states) / len(self.states)

    @property
    def evidenced(self) -> float:
        """Share of live goals whose result or progress is on record."""
        if not self.states:
            return 0.0
        return sum(1 for s in self.states if s != "unknown") / len(self.states)


@dataclass(frozen=True, slots=True)
class Scored:
    score: float
    band: Band
    elements: list[ElementScore]
    findings: list[Finding]
    costs: list[float]  # unrounded cost of each finding, in the order of ``findings``
    mean: float
    cap: Cap | None


def band_for(score: float) -> Band:
    return next(band for floor, band in BANDS if score >= floor)


def capped(mean: float, band: Band) -> float:
    """The mean with a band cap applied: a mean above the top CAP_ROOM points of the band is
    scaled into them, so a capped file lands in its band and still ranks by its mean."""
    pivot = CEILING[band] - CAP_ROOM
    if mean <= pivot:
        return mean
    return round(pivot + (mean - pivot) * CAP_ROOM / (100.0 - pivot), 1)


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
    covers = d.hit.covers
    if covers == ELEMENT:
        worth = WHOLE_ELEMENT
    else:
        worth = points.get(d.rule.id, 0.0) + sum(points.get(c, 0.0) for c in covers)
    return worth * d.hit.share * (MITIGATION_FACTOR if d.mitigated_by else 1.0)


def price(drafts: Sequence[Draft], points: Mapping[str, float]) -> list[float]:
    """Each draft's cost, capping every rule at what it is worth in total."""
    spent: dict[str, float] = defaultdict(float)
    costs = []
    for d in drafts:
        worth = (
            WHOLE_ELEMENT
            if d.hit.covers == ELEMENT
            else (points.get(d.rule.id, 0.0) + sum(points.get(c, 0.0) for c in d.hit.covers))
        )
        cost = max(0.0, min(draft_cost(d, points), worth - spent[d.rule.id]))
        spent[d.rule.id] += cost
        costs.append(cost)
    return costs


def element_scores(
    drafts: Sequence[Draft],
    costs: Sequence[float],
    weights: Mapping[ElementId, float],
    perception: Mapping[ElementId, float | None],
) -> list[ElementScore]:
    lost: dict[ElementId, float] = defaultdict(float)
    for d, cost in zip(drafts, costs, strict=True):
        if d.rule.element is not None:
            lost[d.rule.element] += cost
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
    return elements


def weighted_mean(elements: Sequence[ElementScore]) -> float:
    total = sum(e.weight for e in elements)
    return round(sum(e.weight * e.score for e in elements) / total, 1) if total else 0.0


def _element_cap(elements: Sequence[ElementScore]) -> Cap | None:
    """At most one band above the weakest element; critical with two critical elements."""
    weighed = [e for e in elements if e.weight > 0]
    if not weighed:
        return None
    order = list(ElementId)
    critical = [e for e in weighed if band_for(e.score) is Band.CRITICAL]
    if len(critical) >= 2:
        named = " and ".join(f"{e.id.value} ({e.score:.1f})" for e in critical[:2])
        return Cap(band=Band.CRITICAL, reason=f"capped at critical: {named} are critical")
    weakest = min(weighed, key=lambda e: (e.score, order.index(e.id)))
    weakest_band = band_for(weakest.score)
    allowed = BAND_ORDER[max(0, BAND_ORDER.index(weakest_band) - 1)]
    if allowed is Band.STRONG:
        return None
    return Cap(
        band=allowed,
        reason=f"capped at {allowed.value}: {weakest.id.value} is {weakest_band.value} "
        f"({weakest.score:.1f})",
    )


def _outcome_cap(outcomes: Outcomes) -> Cap | None:
    """Results going wrong cap the band; strong needs results on record."""
    states = outcomes.states
    missed = sum(1 for s in states if s == "missed")
    off = sum(1 for s in states if s in ("off-track", "slipping", "overdue"))
    summary = f"{missed} of {len(states)} goals missed, {off} off track or unresolved"
    if outcomes.shortfall >= SHORTFALL_AT_RISK:
        return Cap(band=Band.AT_RISK, reason=f"capped at at-risk: results fall short ({summary})")
    if outcomes.shortfall >= SHORTFALL_DEVELOPING:
        return Cap(
            band=Band.DEVELOPING, reason=f"capped at developing: results fall short ({summary})"
        )
    if states and (outcomes.evidenced < EVIDENCED_FOR_STRONG or not outcomes.reviewed):
        known = sum(1 for s in states if s != "unknown")
        why = (
            "no review has been held"
            if not outcomes.reviewed
            else (f"{known} of {len(states)} goals have a result or KPI reading on record")
        )
        return Cap(
            band=Band.DEVELOPING, reason=f"capped at developing: no track record yet ({why})"
        )
    return None


def headline_cap(
    elements: Sequence[ElementScore],
    errors: Sequence[tuple[str, str]],
    outcomes: Outcomes | None = None,
) -> Cap | None:
    """The band cap (docs/scoring.md, "The headline"): the strictest of the rules.

    ``errors`` are (rule id, message) of the unsuppressed error findings.
    """
    caps = [c for c in (_element_cap(elements), _outcome_cap(outcomes or Outcomes())) if c]
    if errors:
        rule_id, message = errors[0]
        more = f" and {len(errors) - 1} more" if len(errors) > 1 else ""
        caps.append(
            Cap(
                band=ERROR_CAP,
                reason=f"capped at {ERROR_CAP.value}: an error finding stands "
                f"({rule_id} {message.rstrip('.')}{more})",
            )
        )
    if not caps:
        return None
    # The strictest cap; on a tie, the first found (elements, then results, then errors).
    return max(caps, key=lambda c: BAND_ORDER.index(c.band))


def score(
    drafts: Sequence[Draft],
    active: Iterable[Rule],
    weights: Mapping[ElementId, float],
    perception: Mapping[ElementId, float | None] | None = None,
    outcomes: Outcomes | None = None,
) -> Scored:
    """Price every draft, then compute element scores, the mean and the capped overall."""
    points = rule_points(active)
    costs = price(drafts, points)
    perception = perception or {}
    elements = element_scores(drafts, costs, weights, perception)
    mean = weighted_mean(elements)
    errors = [
        (d.rule.id, ids(d.hit.message))
        for d in drafts
        if d.severity is Severity.ERROR and not d.suppressed
    ]
    cap = headline_cap(elements, errors, outcomes)
    overall = capped(mean, cap.band) if cap is not None else mean
    if overall == mean:
        cap = None  # a cap that does not lower the score is not worth reporting
    findings = [_finding(d, cost) for d, cost in zip(drafts, costs, strict=True)]
    return Scored(overall, band_for(overall), elements, findings, costs, mean, cap)


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
        advice=names(fix),
    )
