"""The headline's band and its caps (docs/scoring.md, "The headline"): the bands, the
verdict words, what the results show, and the strictest cap that holds."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from partnercheck.results import ELEMENT_TITLES, Band, Cap, ElementId

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


def band_for(score: float) -> Band:
    return next(band for floor, band in BANDS if score >= floor)


def capped(mean: float, band: Band) -> float:
    """The mean with a band cap applied: a mean above the top CAP_ROOM points of the band is
    scaled into them, so a capped file lands in its band and still ranks by its mean."""
    pivot = CEILING[band] - CAP_ROOM
    if mean <= pivot:
        return mean
    return round(pivot + (mean - pivot) * CAP_ROOM / (100.0 - pivot), 1)


class Scores(Protocol):
    """What the band cap reads of an element: an ElementScore, or an _Element."""

    @property
    def id(self) -> ElementId: ...
    @property
    def score(self) -> float: ...
    @property
    def weight(self) -> float: ...


def _element_cap(
    elements: Sequence[Scores],
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


def _element_words(e: Scores, absent: Sequence[ElementId]) -> str:
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
    elements: Sequence[Scores],
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
