"""Challenge: heavy investment of time and resources (PC72x), element 4, resources.

Partnership working costs time before it returns anything: meetings, papers,
coordination. These rules estimate that cost and check it is resourced.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from partnercheck.model.partnership import Contribution
from partnercheck.model.types import MemberKind, Standing
from partnercheck.results import ChallengeId, ElementId, Severity
from partnercheck.rules.base import Hit, Say, per_item, per_partner, rule
from partnercheck.rules.context import Context

RESOURCES = ElementId.RESOURCES
INVESTMENT = ChallengeId.RESOURCE_INVESTMENT

HOURS_PER_MEETING = 2.0  # one person, including preparation
AD_HOC_PER_YEAR = 4.0  # meetings a year assumed for ad-hoc (or unstated) frequency
HOURS_PER_FTE = 1650.0  # working hours in a full-time year
MEETING_HOURS_FLOOR = 150.0  # below this, meeting load is never flagged
MEETING_SHARE_LIMIT = 0.25  # of the partner's contributed staff hours


def meeting_hours(ctx: Context) -> dict[str, float]:
    """Estimated meeting hours a year each partner spends (one person per meeting)."""
    hours = dict.fromkeys(ctx.partner_ids, 0.0)
    meetings = ctx.p.communication.meetings if ctx.p.communication else []
    for meeting in meetings:
        days = meeting.frequency.days if meeting.frequency else None
        per_year = 365.0 / days if days else AD_HOC_PER_YEAR
        cost = per_year * HOURS_PER_MEETING
        for pid in set(meeting.attendees):
            hours[pid] = hours.get(pid, 0.0) + cost
    return hours


@rule(
    "PC721",
    element=RESOURCES,
    challenge=INVESTMENT,
    live=True,
    severity=Severity.WARNING,
    weight=10,
    rationale="""Meetings are the hidden cost of partnership working. When a partner's
    meeting time is large next to the staff time it brings, the partnership consumes the
    capacity it was meant to add, and small partners quietly stop attending. The estimate
    counts two hours per meeting for one person (ad-hoc meetings four times a year)
    against 1,650 working hours per full-time equivalent.""",
    recommendation="Cut the partner's meeting load (fewer or shorter meetings, optional "
    "attendance) or resource its time (staff, backfill funding).",
    example="""
    communication:
      meetings:
        - name: Operations huddle
          frequency: fortnightly      # rather than weekly
          attendees: [trust, carers]
    """,
    many="{count} partners carry a heavy meeting load for what they bring: {names}",
    many_fix="Cut their meeting load or fund their time",
)
def meeting_load(ctx: Context) -> Iterator[Hit]:
    """Meeting time is in proportion to what each partner brings."""
    hours = meeting_hours(ctx)
    expected = ctx.expected("attend")
    for i, partner in expected:
        spent = hours.get(partner.id, 0.0)
        if spent <= MEETING_HOURS_FLOOR:
            continue
        staff = ctx.staff.get(partner.id, 0.0) * HOURS_PER_FTE
        if staff > 0 and spent <= MEETING_SHARE_LIMIT * staff:
            continue
        against = (
            f"{spent / staff:.0%} of the {staff:,.0f} staff hours it contributes"
            if staff > 0
            else "and it contributes no staff time"
        )
        who = ctx.who(partner.id)
        yield Hit(
            Say(
                "Partner {p} spends about {hours:,.0f} meeting hours a year, {against}",
                p=who,
                hours=spent,
                against=against,
            ),
            ("partners", i),
            Say(
                "Reduce {p}'s meeting load (fewer or shorter meetings, optional attendance) or "
                "fund its time, for example by backfilling its staff",
                p=who,
            ),
            per_item(len(expected)),
            key="communication.meetings",
            subject=who,
        )


@rule(
    "PC722",
    element=RESOURCES,
    challenge=INVESTMENT,
    severity=Severity.WARNING,
    weight=15,
    rationale="""Someone has to book the rooms, write the papers and chase the actions.
    When no partner gives staff time, no partner hosts the partnership and there is no
    secretariat, coordination is done off the side of everyone's desk, and it is the
    first thing to slip.""",
    recommendation="Resource coordination: a partner contributes staff time (a coordinator), "
    "hosts the partnership, or a secretariat is named.",
    example="""
    partners:
      - id: council
        contributions:
          - type: staff
            fte: 0.5
            description: Partnership coordinator
    """,
)
def coordination_resourced(ctx: Context) -> Iterator[Hit]:
    """Coordinating the partnership is itself resourced."""
    if any(fte > 0 for fte in ctx.staff.values()):
        return
    if any(x.standing is Standing.HOST for x in ctx.partners):
        return
    if any(m.kind is MemberKind.SECRETARIAT for m in ctx.p.members):
        return
    if any(c.type.value == "staff" for x in ctx.partners for c in x.contributions):
        return  # staff given without an fte: PC402 asks for the number
    yield Hit(
        "No partner contributes staff time, hosts the partnership or runs a secretariat",
        ("partners",),
        "Agree who coordinates the partnership and with what staff time",
        key="contributions (type: staff)",
    )


# A contribution's own words saying it was taken away or cut: past tense and "was N".
_CUT = re.compile(
    r"\b(withdrawn|withdrew|no longer|(?:was|were|been|is|are) (?:cut|reduced|halved|stopped)"
    r"|(?:cut|reduced) (?:from|to|by))\b",
    re.IGNORECASE,
)
_WAS = re.compile(
    r"\bwas\s+(?:GBP|EUR|USD|£|€|\$)?\s*(\d[\d,]*(?:\.\d+)?)\s*(m|bn|k|million|billion)?\b",
    re.IGNORECASE,
)
_SCALE = {"k": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
SERIOUS_CUT = 0.5  # a partner that took away half or more of a contribution: an error


def taken_away(c: Contribution) -> float | None:
    """Share of a contribution taken away, from its own description: from "was N" against
    what it brings now, 1.0 when it now brings 0, 0.0 for a cut of unstated size; None
    when the description states no cut."""
    text = c.description or ""
    was = _WAS.search(text)
    if not was and not _CUT.search(text):
        return None
    now = c.amount if c.amount is not None else c.fte if c.fte is not None else c.value
    if now == 0:
        return 1.0
    if was and now is not None:
        before = float(was.group(1).replace(",", "")) * _SCALE.get((was.group(2) or "").lower(), 1)
        if before > now:
            return 1.0 - now / before
    return 0.0


@rule(
    "PC724",
    element=RESOURCES,
    challenge=INVESTMENT,
    live=True,
    severity=Severity.WARNING,
    weight=20,
    rationale="""A partner that withdraws or cuts what it brings shifts the investment onto
    the others, and if it keeps its say, it decides how their resources are spent (Wilder's
    mutual contribution; VicHealth's shared investment). Read from the contribution's own
    words ("withdrawn", "cut from", "was 34 FTE"). Taking away half or more is an error;
    a partner that now brings nothing at all is PC401's.""",
    recommendation="Agree with the partner what it brings from now on, and whether its "
    "say in decisions should change with it.",
    example="""
    partners:
      - id: trust
        contributions:
          - type: staff
            fte: 12
            description: Research nurses kept after the recovery plan (was 34 FTE)
    """,
    many="{count} partners have withdrawn or cut what they bring: {names}",
    many_fix="Agree with each of them what it brings from now on",
)
def contribution_kept(ctx: Context) -> Iterator[Hit]:
    """No partner has withdrawn or cut what it brings."""
    expected = ctx.expected("contribute")
    for i, partner in expected:
        if not ctx.real(partner.contributions):
            continue  # it brings nothing at all: PC401
        cuts = [(c, t) for c in partner.contributions if (t := taken_away(c)) is not None]
        if not cuts:
            continue
        worst = max(t for _, t in cuts)
        who = ctx.who(partner.id)
        quoted = "; ".join(f"“{c.description}”" for c, _ in cuts[:2])
        yield Hit(
            Say("Partner {p} has withdrawn or cut what it brings: {q}", p=who, q=quoted),
            ("partners", i, "contributions"),
            Say(
                "Agree with {p} what it brings from now on, and whether its say in decisions "
                "should change with it",
                p=who,
            ),
            per_partner(len(expected)),
            key="contributions",
            subject=who,
            severity=Severity.ERROR if worst >= SERIOUS_CUT else None,
        )
