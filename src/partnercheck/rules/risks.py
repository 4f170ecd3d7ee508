"""Declared risks (PC508) and a funding cliff (PC723): what could go wrong.

A declared risk is evidence, not a mitigation: each one is listed in the report
beside its challenge (``FileResult.risks``); a risk nobody owns or whose
"mitigation" does not reduce it is a gap in managing the partnership (PC508);
and money that stops within a year with no successor agreed is the commonest way
partnerships end (PC723).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date, timedelta

from partnercheck.load.nodes import Path
from partnercheck.results import ChallengeId, ElementId, Severity
from partnercheck.rules.base import Hit, Say, per_item, rule
from partnercheck.rules.context import Context, Subject, credible

CLIFF_DAYS = 366  # money that ends within a year, with nothing agreed to follow it

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_DATE = (
    r"(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec)[a-z]* \d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4})"
)
# Words for money: "funding", "grant", "the trust's contribution" (not one of staff or
# volunteers: their time ending is not funding ending), "the ICB allocation", and an amount
# ("GBP 120,000", "USD 2.5m", "£40k").
_CONTRIBUTION = (
    r"(?<!staff )(?<!volunteer )(?<!in-kind )(?<!time )contributions?\b"
    r"(?! of (?:staff|volunteers?|time)\b)"
)
_MONEY = (
    r"(?:\b(?:fund\w*|grants?|budgets?|contracts?|awards?|money|income|shortfall|subsid\w+|"
    r"allocations?)\b|\b" + _CONTRIBUTION + r"|(?:\b(?:GBP|EUR|USD) ?|[£€$] ?)\d[\d,.]*"
    r"(?: ?(?:k|m|bn|million|billion)\b)?)"
)
# "funding ends 31 March 2027", "grant confirmed only to March 2028", "its contribution ends
# in March 2027", "could be cut from April 2027", "funds must be spent by 2026-12-31"
_ENDS = re.compile(
    _MONEY + r"[^.;]{0,60}?\b(?:ends?|ending|expires?|runs? out|runs? (?:to|until)|until|"
    r"confirmed (?:only )?(?:to|until)|covers?[^.;]{0,30}? until|stops?|cut|(?:must|to) be "
    r"spent|to)\b (?:(?P<prep>on|in|from|by|before) )?" + _DATE,
    re.IGNORECASE,
)
# "recurrent funding from April 2027 is not yet agreed"
_UNAGREED = re.compile(
    _MONEY
    + r"[^.;]{0,40}?\b(?P<prep>from|after|beyond) "
    + _DATE
    + r"[^.;]{0,60}?\bnot (?:yet )?(?:agreed|secured|confirmed|in place)",
    re.IGNORECASE,
)
_RENEWED = re.compile(r"\b(renewed|extended|secured|confirmed|agreed) (to|until|through)\b", re.I)


def parse_date(text: str, first: bool = False) -> date | None:
    """An ISO date, "31 March 2027" or "March 2027" (the end of the month; its first day
    when ``first``)."""
    text = text.lower().strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        parts = text.replace(",", "").split()
        if len(parts) == 3:
            day = int(re.sub(r"\D", "", parts[0]))
            return date(int(parts[2]), _month(parts[1]), day)
        if len(parts) == 2:
            year, month = int(parts[1]), _month(parts[0])
            return date(year, month, 1 if first else calendar.monthrange(year, month)[1])
    except (ValueError, KeyError):
        return None
    return None


def _month(word: str) -> int:
    return _MONTHS.get(word) or _MONTHS[word[:3]]


def last_funded(found: re.Match[str]) -> date | None:
    """The last day the money covers: the date named, or the day before the date it is
    needed "from" or spent "before" ("funding from April 2027 is not agreed": 31 March)."""
    if found["prep"] in ("from", "before"):
        start = parse_date(found["date"], first=True)
        return start - timedelta(days=1) if start else None
    return parse_date(found["date"])


def _money_texts(ctx: Context) -> Iterator[tuple[Path, str]]:
    for i, risk in enumerate(ctx.p.risks):
        yield ("risks", i, "description"), risk.description
        if risk.mitigation:
            yield ("risks", i, "mitigation"), risk.mitigation
    for i, partner in enumerate(ctx.partners):
        for j, c in enumerate(partner.contributions):
            if c.description:
                yield ("partners", i, "contributions", j, "description"), c.description


@rule(
    "PC723",
    element=ElementId.RESOURCES,
    challenge=ChallengeId.RESOURCE_INVESTMENT,
    live=True,
    severity=Severity.WARNING,
    weight=15,
    rationale="""Partnerships most often end when their money does. Funding that stops within
    a year with no successor agreed puts staff, services and the partners' commitment at
    risk now, not at the end date: people leave and partners plan their exit.""",
    recommendation="Agree with funders and partners how the work is paid for after the "
    "funding ends, or plan an orderly close.",
    example="""
    risks:
      - challenge: resource-investment
        description: Grant ends 2027-03-31; renewal confirmed until March 2030
        mitigation: Three-year renewal signed by the ICB
        owner: council
    """,
)
def funding_secured(ctx: Context) -> Iterator[Hit]:
    """Funding is secured beyond the next year."""
    for path, text in _money_texts(ctx):
        found = _ENDS.search(text) or _UNAGREED.search(text)
        if found is None or _RENEWED.search(text[found.end() :]):
            continue
        ends = last_funded(found)
        if ends is None:
            continue
        days = (ends - ctx.as_of).days
        if 0 <= days <= CLIFF_DAYS:
            yield Hit(
                Say(
                    "Funding ends on {ends} with nothing agreed to follow it: {said}",
                    ends=ends.isoformat(),
                    said=f"“{' '.join(text.split())}”",
                ),
                path,
                "Agree how the work is paid for after the funding ends, or plan an orderly close",
                key="risks",
            )
            return


@rule(
    "PC508",
    element=ElementId.ROLES,
    severity=Severity.WARNING,
    weight=10,
    rationale="""A risk written down but owned by nobody, or "mitigated" by watching it or by
    going to court, is a worry, not a plan: a risk is managed when one partner watches it
    and the partners have agreed what reduces it.""",
    recommendation="Give each risk an owner and a mitigation that reduces it.",
    example="""
    risks:
      - challenge: conflict
        description: Partners disagree on publication timing
        mitigation: 45-day review window agreed in the consortium agreement
        owner: thames-uni
    """,
    many="{count} declared risks are not managed: {names}",
    many_fix="Give each of them an owner and a mitigation that reduces it",
)
def risks_managed(ctx: Context) -> Iterator[Hit]:
    """Every declared risk has an owner and a mitigation that reduces it."""
    risks = ctx.p.risks
    for i, risk in enumerate(risks):
        problems = []
        if risk.owner is None:
            problems.append("no owner")
        if risk.mitigation is None:
            problems.append("no mitigation")
        elif not credible(risk.mitigation):
            problems.append(f"a mitigation (“{risk.mitigation}”) that does not reduce it")
        if not problems:
            continue
        subject = Subject("risk", f"risks[{i}]", f"“{risk.description}”")
        said = f"“{' '.join(risk.description.split())}”"
        yield Hit(
            Say("The risk {r} has {what}", r=said, what=" and ".join(problems)),
            ("risks", i),
            Say("Agree who watches the risk {r} and what reduces it", r=said),
            per_item(len(risks)),
            key="owner" if risk.owner is None else "mitigation",
            subject=subject,
        )
