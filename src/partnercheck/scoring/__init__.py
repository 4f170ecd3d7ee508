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
from dataclasses import dataclass, replace
from typing import NamedTuple, Protocol

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
SHORTFALL = {
    "missed": 1.0,
    "moving-away": 0.8,
    "off-track": 0.6,
    "overdue": 0.5,
    "slipping": 0.25,
}
SHORTFALL_DEVELOPING = 0.2  # e.g. one goal missed out of five
SHORTFALL_AT_RISK = 0.5  # e.g. two missed and one off track out of five
EVIDENCED_FOR_STRONG = 0.75  # share of live goals whose result is on record
DRAFT_SHARE = 0.4  # prose at least this share placeholders: a draft (critical)
DRAFT_MIN_TEXTS = 5
UNFINISHED_COUNT = 10  # this many placeholders: an unfinished agreement (at-risk at best)
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
    texts: int = 0  # pieces of prose in the file
    placeholders: int = 0  # of which placeholders ("TBD", "TODO: ...", "None")
    lapsed: bool = False  # no review held for two cycles or more
    absent: tuple[ElementId, ...] = ()  # elements whose whole section is missing

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


class _Scores(Protocol):
    """What the band cap reads of an element: an ElementScore, or an _Element."""

    @property
    def id(self) -> ElementId: ...
    @property
    def score(self) -> float: ...
    @property
    def weight(self) -> float: ...


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
            verdict=next(text for floor, text in VERDICTS if e.score >= floor),
            document_score=e.document if perception else None,
            perception_score=perception.get(e.id),
        )
        for e in _element_values(drafts, costs, weights, perception)
    ]


def weighted_mean(elements: Sequence[_Scores]) -> float:
    total = sum(e.weight for e in elements)
    return round(sum(e.weight * e.score for e in elements) / total, 1) if total else 0.0


def _element_cap(elements: Sequence[_Scores], absent: Sequence[ElementId] = ()) -> Cap | None:
    """At most one band above the weakest element; critical when two elements are."""
    weighed = [e for e in elements if e.weight > 0]
    if not weighed:
        return None
    critical = [e for e in weighed if band_for(e.score) is Band.CRITICAL]
    if len(critical) >= 2:
        named = " and ".join(
            f"{e.id.value} ({'missing altogether' if e.id in absent else f'{e.score:.1f}'})"
            for e in critical[:2]
        )
        reason = f"capped at critical: two elements are critical, {named}"
        return Cap(band=Band.CRITICAL, reason=reason, text=reason)
    order = list(ElementId)
    weakest = min(weighed, key=lambda e: (e.score, order.index(e.id)))
    weakest_band = band_for(weakest.score)
    allowed = BAND_ORDER[max(0, BAND_ORDER.index(weakest_band) - 1)]
    if allowed is Band.STRONG:
        return None
    reason = (
        f"capped at {allowed.value}: {weakest.id.value} is {weakest_band.value} "
        f"({weakest.score:.1f} of 100)"
    )
    return Cap(band=allowed, reason=reason, text=reason)


def _counted(count: int, of: int, what: str) -> str:
    return f"{count} of {of} goals {what}"


def _outcome_cap(outcomes: Outcomes) -> Cap | None:
    """Results going wrong cap the band; strong needs results on record."""
    states = outcomes.states
    n = len(states)
    parts = [
        _counted(count, n, what)
        for count, what in (
            (sum(1 for s in states if s == "missed"), "missed"),
            (sum(1 for s in states if s == "moving-away"), "moving away from target"),
            (sum(1 for s in states if s in ("off-track", "slipping")), "off track"),
            (sum(1 for s in states if s == "overdue"), "past due with no result"),
        )
        if count
    ]
    if outcomes.lapsed and outcomes.shortfall >= SHORTFALL_DEVELOPING:
        reason = (
            f"capped at at-risk: results fall short ({'; '.join(parts)}) and nobody has "
            "reviewed them for two cycles"
        )
        return Cap(band=Band.AT_RISK, reason=reason, text=reason)
    for limit, band in ((SHORTFALL_AT_RISK, Band.AT_RISK), (SHORTFALL_DEVELOPING, ERROR_CAP)):
        if outcomes.shortfall >= limit:
            reason = f"capped at {band.value}: results fall short ({'; '.join(parts)})"
            return Cap(band=band, reason=reason, text=reason)
    if states and (outcomes.evidenced < EVIDENCED_FOR_STRONG or not outcomes.reviewed):
        known = sum(1 for s in states if s != "unknown")
        why = (
            "no review has been held yet"
            if not outcomes.reviewed
            else f"only {known} of {n} goals have a result or KPI reading on record"
        )
        reason = f"capped at developing: no track record yet ({why})"
        return Cap(band=Band.DEVELOPING, reason=reason, text=reason)
    return None


def _draft_cap(outcomes: Outcomes) -> Cap | None:
    """A file largely of placeholder text is a draft; one with many is unfinished."""
    count, texts = outcomes.placeholders, outcomes.texts
    if texts >= DRAFT_MIN_TEXTS and count >= DRAFT_SHARE * texts:
        reason = (
            f"capped at critical: the file is a draft ({count} of {texts} texts are placeholders)"
        )
        return Cap(band=Band.CRITICAL, reason=reason, text=reason)
    if count >= UNFINISHED_COUNT:
        reason = f"capped at at-risk: the agreement is unfinished ({count} placeholders)"
        return Cap(band=Band.AT_RISK, reason=reason, text=reason)
    return None


def headline_cap(
    elements: Sequence[_Scores],
    errors: Sequence[tuple[str, str, str]],
    outcomes: Outcomes | None = None,
    rule_caps: Sequence[tuple[Band, str, str]] = (),
) -> Cap | None:
    """The band cap (docs/scoring.md, "The headline"): the strictest of the rules.

    ``errors`` are (rule id, message by id, message by name) of the unsuppressed
    error findings; ``rule_caps`` (band, message by id, by name) of the standing
    findings of rules that cap the band themselves (partners in litigation).
    """
    outcomes = outcomes or Outcomes()
    found = (
        _draft_cap(outcomes),
        _element_cap(elements, outcomes.absent),
        _outcome_cap(outcomes),
    )
    caps = [c for c in found if c]
    for band, by_id, by_name in rule_caps[:1]:
        if outcomes.shortfall >= SHORTFALL_AT_RISK:
            band = Band.CRITICAL  # broken relations and failing results: nothing to build on
            by_id, by_name = (
                f"{m.rstrip('.')}, while results fall short" for m in (by_id, by_name)
            )
        caps.append(
            Cap(
                band=band,
                reason=f"capped at {band.value}: {by_id}",
                text=f"capped at {band.value}: {by_name}",
            )
        )
    if errors:
        rule_id, by_id, by_name = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        head = f"capped at {ERROR_CAP.value}: an error stands: "
        caps.append(
            Cap(
                band=ERROR_CAP,
                reason=f"{head}{by_id.rstrip('.')} ({rule_id}){more}",
                text=f"{head}{by_name.rstrip('.')}{more}",
            )
        )
    if not caps:
        return None
    # The strictest cap; on a tie, the first found (draft, elements, results, errors).
    return max(caps, key=lambda c: BAND_ORDER.index(c.band))


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
    cap = _cap(drafts, elements, mean, outcomes)
    overall = capped(mean, cap.band) if cap is not None else mean
    findings = [_finding(d, cost) for d, cost in zip(drafts, costs, strict=True)]
    return Scored(overall, band_for(overall), elements, findings, costs, mean, cap)


def headline(
    drafts: Sequence[Draft],
    costs: Sequence[float],
    weights: Mapping[ElementId, float],
    perception: Mapping[ElementId, float | None] | None = None,
    outcomes: Outcomes | None = None,
) -> tuple[float, float]:
    """(overall score, mean) exactly as :func:`score_points` gives them, without building
    findings or element models: a priority's gain rescores the file once per rule.

    ``costs`` are the drafts' prices (:func:`price`). Dropping every finding of some
    rules leaves the other rules' prices as they were (a rule is capped on its own
    findings only), so a rescoring reuses them instead of pricing again.
    """
    elements = _element_values(drafts, costs, weights, perception or {})
    mean = weighted_mean(elements)
    cap = _cap(drafts, elements, mean, outcomes)
    return (capped(mean, cap.band) if cap is not None else mean), mean


def _cap(
    drafts: Sequence[Draft],
    elements: Sequence[_Scores],
    mean: float,
    outcomes: Outcomes | None,
) -> Cap | None:
    """The cap that lowers the mean, if any (a cap that does not is not worth reporting)."""
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
    cap = headline_cap(elements, errors, outcomes, rule_caps)
    if cap is None or capped(mean, cap.band) == mean:
        return None
    return cap


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
