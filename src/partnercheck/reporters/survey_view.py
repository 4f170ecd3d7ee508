"""The survey's partner-by-area view, shared by the text-based reporters.

Pure data shaping (no scoring): which cells to show, which areas diverge, and
the markers that make divergence readable without colour.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from partnercheck.results import FileResult
from partnercheck.survey.results import SurveyResult
from partnercheck.vocabulary import ChallengeId, ElementId

SHORT: dict[ElementId | ChallengeId, str] = {
    ElementId.GOALS: "Goals",
    ElementId.VISION: "Vision",
    ElementId.COMMUNICATION: "Comms",
    ElementId.RESOURCES: "Resources",
    ElementId.ROLES: "Roles",
    ElementId.EVALUATION: "Eval",
    ChallengeId.CONFLICT: "Conflict",
    ChallengeId.POWER_IMBALANCE: "Power",
    ChallengeId.RESOURCE_INVESTMENT: "Workload",
    ChallengeId.LOGISTICS: "Logistics",
}
LOW_MARK = "▼"  # the lowest partner in an area where partners diverge
DIVERGES_MARK = "!"  # after an area's name when partners diverge on it
INDICATIVE_MARK = "*"  # after a partner with fewer respondents than the minimum


@dataclass(frozen=True)
class Grid:
    areas: list[ElementId | ChallengeId]
    diverging: set[ElementId | ChallengeId]
    rows: list[tuple[str, int, bool, list[tuple[str, bool]]]]  # partner, n, indicative, cells


def grid(survey: SurveyResult, names: Mapping[str, str] | None = None) -> Grid:
    """Partner rows x area columns of mean ratings, marking the low cell of diverging areas;
    partners by name when ``names`` (id -> name) is given."""
    areas: list[ElementId | ChallengeId] = [*ElementId, *ChallengeId]
    means = {(c.partner, c.area): c.mean for c in survey.table}
    diverging = {
        r.element or r.challenge
        for r in survey.records
        if r.kind == "divergence" and (r.element or r.challenge) is not None
    }
    lowest = {
        area: min(
            (means[(p.partner, area)] for p in survey.partners if (p.partner, area) in means),
            default=None,
        )
        for area in diverging
        if area is not None
    }
    rows = []
    for p in survey.partners:
        cells = []
        for area in areas:
            mean = means.get((p.partner, area))
            low = mean is not None and area in lowest and mean == lowest[area]
            text = "-" if mean is None else f"{mean:.1f}{LOW_MARK if low else ''}"
            cells.append((text, low))
        label = (names or {}).get(p.partner) or p.partner
        rows.append((label, p.respondents, p.indicative, cells))
    return Grid(areas, {a for a in diverging if a is not None}, rows)


def heading(area: ElementId | ChallengeId, diverging: set[ElementId | ChallengeId]) -> str:
    return SHORT[area] + (DIVERGES_MARK if area in diverging else "")


LEGEND = (
    f"Mean ratings, 1 (strongly disagree) to 5 (strongly agree). {DIVERGES_MARK} partners "
    f"diverge by 1.5 points or more; {LOW_MARK} lowest partner there; {INDICATIVE_MARK} fewer "
    "respondents than the minimum: indicative only."
)


def respondent_rows(survey: SurveyResult) -> list[tuple[str, str, str, int, str, str]]:
    """Shown only with --show-respondents: id, partner, role, answers, mean, lowest ratings."""
    rows = []
    for a in survey.respondent_answers or []:
        ratings = a.ratings
        mean = f"{sum(ratings.values()) / len(ratings):.1f}" if ratings else "-"
        lowest = sorted(ratings.items(), key=lambda item: (item[1], item[0]))[:3]
        rows.append(
            (
                a.respondent,
                a.partner,
                a.role or "-",
                len(ratings),
                mean,
                ", ".join(f"{k}={v}" for k, v in lowest) or "-",
            )
        )
    return rows


def partner_names(result: FileResult) -> dict[str, str]:
    return {p.id: p.name for p in result.partners}


POWER_HEADERS = ["Partner", "Brings", "Decides", "On paper", "Feels heard", "Reading"]
DOCUMENT_WORDS = {
    "more-say": "more say than it brings",
    "less-say": "less say than it brings",
    "no-say": "no vote or seat",
    "in-line": "a fair say",
    "not-recorded": "not recorded",
}


def power_rows(result: FileResult) -> list[list[str]]:
    """Power on paper beside power felt (the power statements), with the one-line reading."""
    rows = []
    for r in result.power_readings:
        if r.perception is None:
            felt = "did not answer"
        else:
            others = f"; others {r.others:.1f}" if r.others is not None else ""
            felt = f"{r.perception:.1f} of 5{others}"
        share = "-" if r.resource_share is None else f"{r.resource_share * 100:.0f}%"
        say = "-" if r.decision_power is None else f"{r.decision_power * 100:.0f}%"
        rows.append(
            [r.name, share, say, DOCUMENT_WORDS.get(r.document, r.document), felt, r.reading]
        )
    return rows


RESPONDENT_HEADERS = ["Respondent", "Partner", "Role", "Answers", "Mean", "Lowest ratings"]
