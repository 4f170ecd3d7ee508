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
HELD = "held at "  # a cap's reason for people: "held at developing because ..."
# How much each goal outcome counts towards the outcome shortfall (docs/scoring.md).
SHORTFALL = {
    "missed": 1.0,
    "will-miss": 0.9,  # due within three months and off course
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
        # Rounded: 0.6 / 3 is 0.19999999999999998 in floating point, and a shortfall of
        # exactly a threshold must meet it.
        return round(sum(SHORTFALL.get(s, 0.0) for s in self.states) / len(self.states), 9)

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
    # A cap that does not lower today's score but would hold it as the score rose.
    ceiling: Cap | None = None


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
            verdict=verdict_for(e.score),
            document_score=e.document if perception else None,
            perception_score=perception.get(e.id),
        )
        for e in _element_values(drafts, costs, weights, perception)
    ]


def weighted_mean(elements: Sequence[_Scores]) -> float:
    total = sum(e.weight for e in elements)
    return round(sum(e.weight * e.score for e in elements) / total, 1) if total else 0.0


def _element_cap(
    elements: Sequence[_Scores],
    absent: Sequence[ElementId] = (),
    tops: Mapping[ElementId, str] | None = None,
) -> Cap | None:
    """At most one band above the weakest element; critical when two elements are.
    The reason for people names the element as the element table does, and its
    costliest finding (``tops``)."""
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
        said = " and ".join(_element_words(e, absent) for e in critical[:2])
        return Cap(band=Band.CRITICAL, reason=reason, text=f"{HELD}critical because {said}")
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
    top = (tops or {}).get(weakest.id)
    text = f"{HELD}{allowed.value} because {_element_words(weakest, absent)}"
    return Cap(band=allowed, reason=reason, text=f"{text}: {top}" if top else text)


def verdict_for(score: float) -> str:
    """The element table's word for a score: "In place", "Largely missing"."""
    return next(text for floor, text in VERDICTS if score >= floor)


def _element_words(e: _Scores, absent: Sequence[ElementId]) -> str:
    """ "Clear roles and responsibilities is largely missing (30.0/100)", in the element
    table's words."""
    title = ELEMENT_TITLES[e.id]
    if e.id in absent:
        return f"{title} is missing altogether"
    return f"{title} is {verdict_for(e.score).lower()} ({e.score:.1f}/100)"


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
            (sum(1 for s in states if s == "will-miss"), "off course and due within three months"),
            (sum(1 for s in states if s == "moving-away"), "moving away from target"),
            (sum(1 for s in states if s in ("off-track", "slipping")), "off track"),
            (sum(1 for s in states if s == "overdue"), "past due with no result"),
        )
        if count
    ]
    if outcomes.lapsed and outcomes.shortfall >= SHORTFALL_DEVELOPING:
        why = f"results fall short ({'; '.join(parts)}) and nobody has reviewed them for two cycles"
        return _capped(Band.AT_RISK, why)
    for limit, band in ((SHORTFALL_AT_RISK, Band.AT_RISK), (SHORTFALL_DEVELOPING, ERROR_CAP)):
        if outcomes.shortfall >= limit:
            return _capped(band, f"results fall short ({'; '.join(parts)})")
    if states and (outcomes.evidenced < EVIDENCED_FOR_STRONG or not outcomes.reviewed):
        known = sum(1 for s in states if s != "unknown")
        why = (
            "no review has been held yet"
            if not outcomes.reviewed
            else f"only {known} of {n} goals have a result or KPI reading on record"
        )
        # Not a problem to a new partnership: what strong still needs.
        said = (
            "until the partners hold their first review: strong needs results on record, "
            "not a sound design alone"
            if not outcomes.reviewed
            else f"because results are on record for only {known} of {n} goals"
        )
        return Cap(
            band=Band.DEVELOPING,
            reason=f"capped at developing: no track record yet ({why})",
            text=f"{HELD}developing {said}",
        )
    return None


def _capped(band: Band, why: str) -> Cap:
    return Cap(
        band=band, reason=f"capped at {band.value}: {why}", text=f"{HELD}{band.value} because {why}"
    )


def _draft_cap(outcomes: Outcomes) -> Cap | None:
    """A file largely of placeholder text is a draft; one with many is unfinished."""
    count, texts = outcomes.placeholders, outcomes.texts
    if texts >= DRAFT_MIN_TEXTS and count >= DRAFT_SHARE * texts:
        return _capped(
            Band.CRITICAL, f"the file is a draft ({count} of {texts} texts are placeholders)"
        )
    if count >= UNFINISHED_COUNT:
        return _capped(Band.AT_RISK, f"the agreement is unfinished ({count} placeholders)")
    return None


def _lower_first(text: str) -> str:
    """ "The partners are..." inside a sentence; a name or acronym ("NHS ...") keeps its case."""
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and first[1:].islower():
        return text[:1].lower() + text[1:]
    return text


def headline_cap(
    elements: Sequence[_Scores],
    errors: Sequence[tuple[str, str, str]],
    outcomes: Outcomes | None = None,
    rule_caps: Sequence[tuple[Band, str, str]] = (),
    tops: Mapping[ElementId, str] | None = None,
) -> Cap | None:
    """The band cap (docs/scoring.md, "The headline"): the strictest of the rules.

    ``errors`` are (rule id, message by id, message by name) of the unsuppressed
    error findings; ``rule_caps`` (band, message by id, by name) of the standing
    findings of rules that cap the band themselves (partners in litigation).
    """
    outcomes = outcomes or Outcomes()
    found = (
        _draft_cap(outcomes),
        _element_cap(elements, outcomes.absent, tops),
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
                text=f"{HELD}{band.value} because {_lower_first(by_name)}",
            )
        )
    if errors:
        rule_id, by_id, by_name = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        serious = f" (and {len(errors) - 1} more serious finding{'s' if len(errors) > 2 else ''})"
        caps.append(
            Cap(
                band=ERROR_CAP,
                reason=f"capped at {ERROR_CAP.value}: an error stands: "
                f"{by_id.rstrip('.')} ({rule_id}){more}",
                text=f"{HELD}{ERROR_CAP.value} because {_lower_first(by_name.rstrip('.'))}"
                + (serious if more else ""),
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
    elements: Sequence[_Scores],
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
