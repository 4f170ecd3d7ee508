"""Power on paper beside power as partners feel it: one line per partner worth a look.

The documents say who decides (resource shares against decision power, and the
power rules' findings); the survey says who feels heard (the power statements,
``CHA-POW``). When the two disagree, neither is simply right: the reading says
what each shows and what to check. Pure: a function of the result's records.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import fmean

from partnercheck.results import Finding, PartnerRecord, PowerReading
from partnercheck.survey.results import SurveyResult
from partnercheck.vocabulary import ChallengeId

# What the power rules say about a partner, as the documents' side of the comparison.
DOCUMENT_SIDE = {
    "PC712": "more-say",  # can decide alone
    "PC711": "more-say",  # decides much, brings little
    "PC715": "less-say",  # brings much, decides little
    "PC713": "no-say",  # no vote or seat anywhere
}
UNHEARD_BELOW = 3.0  # a mean under "neither agree nor disagree" on being heard
UNHEARD_GAP = 1.0  # or this far below the other partners (the survey's low-rater gap)


def power_readings(
    findings: Sequence[Finding], partners: Sequence[PartnerRecord], survey: SurveyResult
) -> list[PowerReading]:
    """Partners where the documents or the survey flag power, with a one-line reading."""
    document: dict[str, str] = {}
    for f in findings:
        side = DOCUMENT_SIDE.get(f.rule)
        if side and f.subject and not f.suppressed:
            document.setdefault(f.subject, side)
    heard = {c.partner: c.mean for c in survey.table if c.area is ChallengeId.POWER_IMBALANCE}
    readings = []
    for p in partners:
        mine = heard.get(p.id)
        others = [m for q, m in heard.items() if q != p.id]
        others_mean = round(fmean(others), 2) if others else None
        feels = _feels(mine, others_mean)
        side = document.get(p.id, "in-line" if p.decision_power is not None else "not-recorded")
        if side in ("in-line", "not-recorded") and feels != "unheard":
            continue
        readings.append(
            PowerReading(
                partner=p.id,
                name=p.name,
                resource_share=p.resource_share,
                decision_power=p.decision_power,
                document=side,
                perception=mine,
                others=others_mean,
                feels=feels,
                reading=_reading(p.name, side, feels),
            )
        )
    return readings


def _feels(mine: float | None, others: float | None) -> str:
    if mine is None:
        return "no-answers"
    if mine < UNHEARD_BELOW or (others is not None and round(others - mine, 2) >= UNHEARD_GAP):
        return "unheard"
    return "heard"


def _reading(name: str, side: str, feels: str) -> str:
    if side in ("less-say", "no-say"):
        if feels == "unheard":
            return f"The documents and {name} agree: it has too little say."
        if feels == "heard":
            return (
                f"On paper {name} has too little say, but it says its views are heard: "
                "ask whether informal influence makes up for it before changing the rules."
            )
        return f"On paper {name} has too little say; it did not answer the survey."
    if side == "more-say":
        if feels == "unheard":
            return (
                f"On paper {name} holds more say than it brings, yet it does not feel heard: "
                "check how decisions are really taken."
            )
        return (
            f"On paper {name} holds more say than it brings: check whether the other "
            "partners feel heard."
        )
    return (
        f"On paper {name} has a fair say, but it does not feel heard: look at how meetings "
        "and decisions work in practice, not at the rules."
    )
