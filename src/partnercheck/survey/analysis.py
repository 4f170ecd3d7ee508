"""Survey analysis: pure functions from responses to a :class:`SurveyResult`.

Scoring rules (docs/scoring.md, "Partner perception survey"):

* **Partner mean.** For each partner and each element or challenge, the mean of
  all ratings (1-5) that partner's respondents gave to its statements. Blank
  answers are left out. Respondents who rated nothing are not counted.
* **Perception score** of an element (or challenge) = the mean of the partner
  means, mapped to 0-100 as ``(mean - 1) / 4 * 100`` (one decimal). Every
  partner counts equally, however many respondents it has.
* **Combined element score** = ``0.5 * document + 0.5 * perception`` (one
  decimal) when the survey has a perception score for the element; otherwise
  the document score alone.
* **Divergence**: an element or challenge whose spread (highest minus lowest
  partner mean) is 1.5 rating points or more. Warning.
* **Low rater**: a partner whose mean over all its ratings is 1.0 point or more
  below the mean of the other partners' means. A sign of imbalance or
  exclusion, reported against the power-imbalance challenge. Warning.
* **Paper gap**: document score 70 or more but perception score below 50: what
  is written down is not what partners experience. Warning.
* **Perception gap**: document score below 40 but perception score 75 or more:
  good practice that is not written down. Info.
* **Indicative**: a partner with fewer respondents than ``min_respondents``
  (default 3); its figures are used but marked.
* **Coverage**: how many of the partners answered. Below ``MIN_COVERAGE`` (half
  of the partners) the perception scores, and so the combined headline, are
  marked indicative: a few partners' views are not the partnership's.

Spreads and gaps are compared after rounding means to two decimals, so a
threshold is never missed by floating-point noise.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from statistics import fmean

from partnercheck.scoring import combine
from partnercheck.survey.responses import Response
from partnercheck.survey.results import (
    ChallengePerception,
    ElementPerception,
    PartnerAreaMean,
    PartnerSummary,
    RespondentAnswers,
    SurveyRecord,
    SurveyResult,
)
from partnercheck.survey.statements import AREAS, BY_ID, Area
from partnercheck.vocabulary import (
    CHALLENGE_TITLES,
    ELEMENT_TITLES,
    ChallengeId,
    ElementId,
    Severity,
)

DIVERGENCE_SPREAD = 1.5
LOW_RATER_GAP = 1.0
PAPER_GAP_DOCUMENT = 70.0
PAPER_GAP_PERCEPTION = 50.0
PERCEPTION_GAP_DOCUMENT = 40.0
PERCEPTION_GAP_PERCEPTION = 75.0
DEFAULT_MIN_RESPONDENTS = 3
MIN_COVERAGE = 0.5  # share of the partners that must answer for more than an indicative view

Label = Callable[[str], str]  # a partner id as a sentence shows it: the id, or the name

Table = dict[Area, dict[str, PartnerAreaMean]]


def perception_score(mean: float) -> float:
    """A mean rating (1-5) on the 0-100 scale: ``(mean - 1) / 4 * 100``."""
    return round((mean - 1.0) / 4.0 * 100.0, 1)


def title(area: Area) -> str:
    return ELEMENT_TITLES[area] if isinstance(area, ElementId) else CHALLENGE_TITLES[area]


def partner_table(responses: Sequence[Response]) -> Table:
    """Per area, per partner: the mean rating and how many respondents rated it."""
    ratings: dict[tuple[Area, str], list[int]] = defaultdict(list)
    raters: dict[tuple[Area, str], set[int]] = defaultdict(set)
    for index, response in enumerate(responses):
        for statement_id, rating in response.ratings.items():
            statement = BY_ID.get(statement_id)
            if statement is not None:
                ratings[statement.area, response.partner].append(rating)
                raters[statement.area, response.partner].add(index)
    table: Table = {area: {} for area in AREAS}
    for (area, partner), values in ratings.items():
        cell = PartnerAreaMean(
            partner=partner,
            area=area,
            mean=round(fmean(values), 2),
            respondents=len(raters[area, partner]),
        )
        table[area][partner] = cell
    return table


def _spread(cells: Mapping[str, PartnerAreaMean]) -> float | None:
    if len(cells) < 2:
        return None
    means = [c.mean for c in cells.values()]
    return round(max(means) - min(means), 2)


def _area_perception(cells: Mapping[str, PartnerAreaMean]) -> float | None:
    return perception_score(fmean(c.mean for c in cells.values())) if cells else None


def divergences(table: Table, indicative: set[str], label: Label = str) -> list[SurveyRecord]:
    """Areas whose partner means are 1.5 rating points or more apart."""
    records = []
    for area, cells in table.items():
        spread = _spread(cells)
        if spread is None or spread < DIVERGENCE_SPREAD:
            continue
        ordered = sorted(cells.values(), key=lambda c: (c.mean, c.partner))
        low, high = ordered[0], ordered[-1]
        caveat = _caveat({low.partner, high.partner} & indicative, label)
        records.append(
            SurveyRecord(
                kind="divergence",
                severity=Severity.WARNING,
                element=area if isinstance(area, ElementId) else None,
                challenge=area if isinstance(area, ChallengeId) else None,
                partner=low.partner,
                message=f"Partners disagree about “{title(area)}”: {label(low.partner)} rates "
                f"its statements {low.mean:.1f} out of 5, {label(high.partner)} "
                f"{high.mean:.1f} (a spread of {spread:.1f} points){caveat}.",
                recommendation="Share the results with all partners and discuss them "
                f"together: ask {label(low.partner)} what lies behind its rating before "
                "acting on the average.",
            )
        )
    return records


def low_raters(
    summaries: Sequence[PartnerSummary], table: Table, indicative: set[str], label: Label = str
) -> list[SurveyRecord]:
    """Partners whose overall mean is 1.0 point or more below the others' mean."""
    means = {s.partner: s.mean for s in summaries if s.mean is not None}
    records = []
    for partner, mean in means.items():
        others = [m for p, m in means.items() if p != partner]
        if not others:
            continue
        others_mean = fmean(others)
        gap = round(others_mean - mean, 2)
        if gap < LOW_RATER_GAP:
            continue
        lowest = _lowest_areas(partner, table)
        where = f"; lowest on {', '.join(lowest)}" if lowest else ""
        records.append(
            SurveyRecord(
                kind="low-rater",
                severity=Severity.WARNING,
                element=None,
                challenge=ChallengeId.POWER_IMBALANCE,
                partner=partner,
                message=f"{label(partner)} rates the partnership {mean:.1f} out of 5 on "
                f"average, {gap:.1f} points below the other partners ({others_mean:.1f})"
                f"{where}{_caveat({partner} & indicative, label)}. A partner that rates "
                "everything lower may feel unheard or excluded.",
                recommendation=f"Talk with {label(partner)} about its experience of the "
                "partnership, check that its views carry weight in decisions, and agree "
                "changes with it.",
            )
        )
    return records


def _lowest_areas(partner: str, table: Table, limit: int = 3) -> list[str]:
    """The areas where ``partner`` is furthest below the other partners (1.0 or more)."""
    gaps = []
    for order, (area, cells) in enumerate(table.items()):
        if partner in cells and len(cells) > 1:
            others = fmean(c.mean for p, c in cells.items() if p != partner)
            gap = round(others - cells[partner].mean, 2)
            if gap >= LOW_RATER_GAP:
                gaps.append((-gap, order, area.value))
    return [name for _, _, name in sorted(gaps)[:limit]]


def gaps(
    document_scores: Mapping[ElementId, float], perception: Mapping[ElementId, float | None]
) -> list[SurveyRecord]:
    """Elements where the documents and the partners' experience tell different stories."""
    records = []
    for element in ElementId:
        document, seen = document_scores.get(element), perception.get(element)
        if document is None or seen is None:
            continue
        name = ELEMENT_TITLES[element]
        if document >= PAPER_GAP_DOCUMENT and seen < PAPER_GAP_PERCEPTION:
            records.append(
                SurveyRecord(
                    kind="paper-gap",
                    severity=Severity.WARNING,
                    element=element,
                    challenge=None,
                    partner=None,
                    message=f"“{name}” looks good on paper ({document:.0f}/100) but partners "
                    f"rate it low ({seen:.0f}/100): what is written down is not what "
                    "partners experience.",
                    recommendation="Check that the arrangements in the partnership file are "
                    "actually used, and ask partners what gets in the way.",
                )
            )
        elif document < PERCEPTION_GAP_DOCUMENT and seen >= PERCEPTION_GAP_PERCEPTION:
            records.append(
                SurveyRecord(
                    kind="perception-gap",
                    severity=Severity.INFO,
                    element=element,
                    challenge=None,
                    partner=None,
                    message=f"Partners rate “{name}” well ({seen:.0f}/100) but little of it "
                    f"is written down ({document:.0f}/100).",
                    recommendation="Record the practice that works in the partnership file, "
                    "so that it survives changes of staff.",
                )
            )
    return records


def _caveat(indicative: set[str], label: Label = str) -> str:
    if not indicative:
        return ""
    return f" (indicative: few respondents from {', '.join(label(p) for p in sorted(indicative))})"


def analyse(
    responses: Sequence[Response],
    partner_ids: Sequence[str],
    document_scores: Mapping[ElementId, float],
    min_respondents: int = DEFAULT_MIN_RESPONDENTS,
    show_respondents: bool = False,
    partner_names: Mapping[str, str] | None = None,
) -> SurveyResult:
    """Analyse the responses of one partnership's survey.

    ``document_scores`` are the element scores from the partnership file
    (0-100). Respondent ids appear in the result only with ``show_respondents``.
    Each record's ``message`` names partners by id, its ``text`` by name
    (``partner_names``, id -> name).
    """
    answered = [r for r in responses if r.ratings]
    order = list(dict.fromkeys([*partner_ids, *sorted({r.partner for r in answered})]))
    table = partner_table(answered)
    summaries = []
    for partner in order:
        own = [v for r in answered if r.partner == partner for v in r.ratings.values()]
        count = sum(1 for r in answered if r.partner == partner)
        summaries.append(
            PartnerSummary(
                partner=partner,
                respondents=count,
                mean=round(fmean(own), 2) if own else None,
                indicative=0 < count < min_respondents,
            )
        )
    indicative = {s.partner for s in summaries if s.indicative}
    rank = {p: i for i, p in enumerate(order)}
    ordered: Table = {
        area: dict(sorted(cells.items(), key=lambda item: rank[item[0]]))
        for area, cells in table.items()
    }
    perception = {area: _area_perception(cells) for area, cells in ordered.items()}
    elements = [
        ElementPerception(
            id=element,
            document=document_scores.get(element),
            perception=perception[element],
            combined=_combined(document_scores.get(element), perception[element]),
            respondents=_raters(answered, element),
            spread=_spread(ordered[element]),
        )
        for element in ElementId
    ]
    challenges = [
        ChallengePerception(
            id=challenge,
            perception=perception[challenge],
            respondents=_raters(answered, challenge),
            spread=_spread(ordered[challenge]),
        )
        for challenge in ChallengeId
    ]
    records = _worded(summaries, ordered, indicative, partner_names or {})
    records += [
        g.model_copy(update={"text": g.message, "advice": g.recommendation})
        for g in gaps(document_scores, {e.id: e.perception for e in elements})
    ]
    records.sort(key=lambda r: -r.severity.rank)  # stable: keeps kind and area order
    responding = sum(1 for s in summaries if s.respondents and s.partner in partner_ids)
    return SurveyResult(
        partners_total=len(partner_ids),
        partners_responding=responding,
        coverage_indicative=responding < MIN_COVERAGE * len(partner_ids),
        respondents=len(answered),
        min_respondents=min_respondents,
        partners=summaries,
        elements=elements,
        challenges=challenges,
        table=[cell for cells in ordered.values() for cell in cells.values()],
        records=records,
        indicative_partners=[s.partner for s in summaries if s.indicative],
        absent_partners=[s.partner for s in summaries if s.respondents == 0],
        respondent_answers=_answers(answered) if show_respondents else None,
    )


def _worded(
    summaries: Sequence[PartnerSummary],
    table: Table,
    indicative: set[str],
    names: Mapping[str, str],
) -> list[SurveyRecord]:
    """Low raters and divergences, worded with ids (message) and with names (text)."""
    records = _records(summaries, table, indicative, str)
    texts = _records(summaries, table, indicative, lambda p: names.get(p) or p)
    return [
        r.model_copy(update={"text": t.message, "advice": t.recommendation})
        for r, t in zip(records, texts, strict=True)
    ]


def _records(
    summaries: Sequence[PartnerSummary], table: Table, indicative: set[str], label: Label
) -> list[SurveyRecord]:
    return [
        *low_raters(summaries, table, indicative, label),
        *divergences(table, indicative, label),
    ]


def _combined(document: float | None, perception: float | None) -> float | None:
    if document is None:
        return perception
    return combine(document, perception)


def _raters(responses: Sequence[Response], area: Area) -> int:
    return sum(1 for r in responses if any(BY_ID[s].area == area for s in r.ratings if s in BY_ID))


def _answers(responses: Sequence[Response]) -> list[RespondentAnswers]:
    return [
        RespondentAnswers(
            respondent=r.respondent,
            partner=r.partner,
            role=r.role,
            ratings=dict(r.ratings),
            line=r.line,
        )
        for r in responses
    ]
