"""What a rule sees: the partnership, the assessment date, and indexes built once.

Indexes are computed lazily and cached so that no rule scans a list inside a
loop over another (rules stay linear in partners, goals and meetings).

The context also answers "who is expected to do what": a partner that has
left, or has not joined yet, is expected nothing; an associate takes part
without a vote or an obligation to contribute; a beneficiary represents the
people served and is not expected to fund the work; members (an independent
chair, a funder that is not a partner, a secretariat) are never expected to
contribute, benefit, agree goals or attend.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Literal

from partnercheck.analysis.outcomes import GoalOutcome, KpiTrend, goal_outcome, kpi_trend
from partnercheck.load.nodes import Path
from partnercheck.model.partnership import Contribution, Goal, Kpi, Partner, Partnership
from partnercheck.model.types import (
    ContributionType,
    DecisionRule,
    Frequency,
    MemberKind,
    Sector,
    Standing,
)

Duty = Literal["contribute", "benefit", "goal", "vision", "attend", "roles", "evaluate", "vote"]
_ALL_DUTIES: frozenset[str] = frozenset(
    ("contribute", "benefit", "goal", "vision", "attend", "roles", "evaluate", "vote")
)
DUTIES: dict[Standing, frozenset[str]] = {
    Standing.MEMBER: _ALL_DUTIES,
    Standing.HOST: _ALL_DUTIES,
    Standing.BENEFICIARY: _ALL_DUTIES - {"contribute"},
    Standing.ASSOCIATE: frozenset(("benefit", "attend")),
}
NAME_WORDS = 8  # a goal is named by the first words of its objective


@dataclass(frozen=True, slots=True)
class Subject:
    """Who or what a finding is about: an id for CI formats, a name for people."""

    kind: str  # partner, member, goal, kpi, meeting, body, action
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class BodyView:
    """A decision body, from ``governance.bodies`` or the one-body ``decision_making``."""

    path: Path
    name: str | None
    rule: DecisionRule | None
    votes: dict[str, int]
    seats: frozenset[str] | None  # ids on the body; None when the file does not say
    chair: str | None
    meets: Frequency | None
    advisory: bool = False  # it advises; it does not decide


def short_name(text: str, words: int = NAME_WORDS) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def days_between(start: date, end: date) -> int:
    """Days from ``start`` to ``end``: dates are compared by counting days, never by adding
    to a date, so a date at the calendar's edge (9999-12-31) is far away, not a crash."""
    return (end - start).days


class Context:
    def __init__(self, partnership: Partnership, as_of: date) -> None:
        self.p = partnership
        self.as_of = as_of
        # Analyses several rules share (decision power, resource shares), computed once.
        self.memo: dict[str, object] = {}

    # --- who ---------------------------------------------------------------------

    @cached_property
    def partners(self) -> list[Partner]:
        return self.p.partners

    @cached_property
    def partner_ids(self) -> list[str]:
        return [x.id for x in self.p.partners]

    @cached_property
    def member_ids(self) -> set[str]:
        return {m.id for m in self.p.members}

    @cached_property
    def _subjects(self) -> dict[str, Subject]:
        found = {m.id: Subject("member", m.id, m.name) for m in self.p.members}
        found.update({x.id: Subject("partner", x.id, x.name) for x in self.p.partners})
        return found

    def who(self, pid: str) -> Subject:
        return self._subjects.get(pid) or Subject("partner", pid, pid)

    @staticmethod
    def goal(goal: Goal) -> Subject:
        return Subject("goal", goal.id, f"“{short_name(goal.objective)}”")

    @staticmethod
    def kpi(kpi: Kpi) -> Subject:
        return Subject("kpi", kpi.name, f"“{kpi.name}”")

    def is_active(self, partner: Partner) -> bool:
        """In the partnership on the assessment date."""
        joined = partner.joined is None or partner.joined <= self.as_of
        return joined and (partner.left is None or partner.left > self.as_of)

    def expects(self, partner: Partner, duty: Duty) -> bool:
        return self.is_active(partner) and duty in DUTIES[partner.standing]

    def expected(self, duty: Duty) -> list[tuple[int, Partner]]:
        """(index, partner) of every partner expected to ``duty`` today."""
        return [(i, x) for i, x in enumerate(self.partners) if self.expects(x, duty)]

    @cached_property
    def active(self) -> list[tuple[int, Partner]]:
        return [(i, x) for i, x in enumerate(self.partners) if self.is_active(x)]

    # --- goals ---------------------------------------------------------------------

    @staticmethod
    def goal_partners(goal: Goal) -> set[str]:
        members = set(goal.shared_by)
        if goal.owner:
            members.add(goal.owner)
        return members

    @cached_property
    def live_goals(self) -> list[tuple[int, Goal]]:
        """Goals still pursued: not dropped."""
        return [(i, g) for i, g in enumerate(self.p.goals) if g.status != "dropped"]

    @cached_property
    def goals_of(self) -> dict[str, set[str]]:
        """Ids of the live goals each partner has agreed, owns or works on in a workstream."""
        result: dict[str, set[str]] = {pid: set() for pid in self.partner_ids}
        live = {g.id for _, g in self.live_goals}
        for _, goal in self.live_goals:
            for pid in self.goal_partners(goal):
                result.setdefault(pid, set()).add(goal.id)
        for ws in self.p.workstreams:
            for gid in (g for g in ws.goals if g in live):
                for pid in {*ws.partners, *([ws.lead] if ws.lead else [])}:
                    result.setdefault(pid, set()).add(gid)
        return result

    @cached_property
    def kpis_of(self) -> dict[str, list[tuple[int, Kpi]]]:
        """KPIs (with their index) measuring each goal."""
        result: dict[str, list[tuple[int, Kpi]]] = {}
        for i, kpi in enumerate(self.p.evaluation.kpis if self.p.evaluation else []):
            if kpi.goal is not None:
                result.setdefault(kpi.goal, []).append((i, kpi))
        return result

    @cached_property
    def start(self) -> date | None:
        info = self.p.partnership
        return info.started or (info.agreement.signed if info.agreement else None)

    @cached_property
    def kpi_trends(self) -> dict[int, KpiTrend]:
        """Where each KPI stands (by index), with its goal's baseline and target as fallbacks."""
        goals = {g.id: g for g in self.p.goals}
        kpis = self.p.evaluation.kpis if self.p.evaluation else []
        return {
            i: kpi_trend(k, goals.get(k.goal) if k.goal else None, self.as_of, self.start)
            for i, k in enumerate(kpis)
        }

    @cached_property
    def goal_outcomes(self) -> dict[int, GoalOutcome]:
        """Where each goal stands (by index)."""
        return {
            i: goal_outcome(
                g, [(k, self.kpi_trends[k]) for k, _ in self.kpis_of.get(g.id, [])], self.as_of
            )
            for i, g in enumerate(self.p.goals)
        }

    # --- meetings and bodies -----------------------------------------------------

    @cached_property
    def bodies(self) -> list[BodyView]:
        gov = self.p.governance
        if gov is None:
            return []
        views = [
            BodyView(
                ("governance", "bodies", i),
                b.name,
                b.rule,
                {k: v for k, v in b.votes.items() if v > 0},
                frozenset(b.members) | frozenset(b.votes) if b.members or b.votes else None,
                b.chair,
                b.meets,
                bool(_ADVISORY.search(f"{b.name} {b.decides or ''}")),
            )
            for i, b in enumerate(gov.bodies)
        ]
        dm = gov.decision_making
        if dm is not None:
            votes = {k: v for k, v in dm.votes.items() if v > 0}
            seats = frozenset(dm.votes) if dm.votes else None
            views.append(
                BodyView(
                    ("governance", "decision_making"), dm.body, dm.rule, votes, seats, None, None
                )
            )
        return views

    @cached_property
    def say(self) -> set[str]:
        """Ids with a seat or a vote on any body, advisory ones included (a seat without a
        vote is still a seat). Without seats or votes recorded, every partner is assumed to
        sit on the bodies there are."""
        if all(b.seats is None and not b.votes for b in self.bodies):
            return set(self.partner_ids) if self.bodies else set()
        return {pid for b in self.bodies for pid in (b.seats or set(b.votes))}

    @cached_property
    def decides(self) -> set[str]:
        """Ids with a vote on a body that decides (or a seat, where it lists no votes)."""
        deciding = [b for b in self.bodies if not b.advisory]
        if all(b.seats is None and not b.votes for b in deciding):
            return set(self.partner_ids) if deciding else set()
        found: set[str] = set()
        for b in deciding:
            found |= set(b.votes) if b.votes else set(b.seats or ())
        return found

    @cached_property
    def main_body(self) -> BodyView | None:
        """The body whose decisions count: the one marked decides_budget, else the first."""
        gov = self.p.governance
        if gov is not None:
            for i, b in enumerate(gov.bodies):
                if b.decides_budget:
                    return self.bodies[i]
        return self.bodies[0] if self.bodies else None

    @cached_property
    def chair(self) -> tuple[str, Path] | None:
        """Who chairs the body whose decisions count (partner or member id), and where the
        file says so: that body's own chair, else ``governance.chair``."""
        body = self.main_body
        if body is not None and body.chair:
            return body.chair, (*body.path, "chair")
        gov = self.p.governance
        if gov is not None and gov.chair is not None:
            if gov.chair.partner:
                return gov.chair.partner, ("governance", "chair", "partner")
            if gov.chair.member:
                return gov.chair.member, ("governance", "chair", "member")
        return None

    @cached_property
    def attendance(self) -> dict[str, int]:
        """Number of meetings (and bodies that meet) each partner or member attends."""
        counts: dict[str, int] = dict.fromkeys(self.partner_ids, 0)
        meetings = self.p.communication.meetings if self.p.communication else []
        for meeting in meetings:
            for pid in set(meeting.attendees):
                counts[pid] = counts.get(pid, 0) + 1
        for body in self.bodies:
            if body.seats is not None and body.meets is not None:
                for pid in body.seats:
                    counts[pid] = counts.get(pid, 0) + 1
        return counts

    @cached_property
    def regular_meetings(self) -> list[int]:
        """Indexes of meetings with a fixed frequency (not ad-hoc, not unset)."""
        meetings = self.p.communication.meetings if self.p.communication else []
        return [
            i
            for i, m in enumerate(meetings)
            if m.frequency is not None and m.frequency is not Frequency.AD_HOC
        ]

    @cached_property
    def meeting_bodies(self) -> list[BodyView]:
        """Bodies that meet on a fixed cycle (count as regular meetings)."""
        return [b for b in self.bodies if b.meets is not None and b.meets is not Frequency.AD_HOC]

    # --- roles ---------------------------------------------------------------------

    @cached_property
    def roles_of(self) -> dict[str, list[str]]:
        """Responsibilities of each partner: its roles entries, and the workstreams it leads."""
        result: dict[str, list[str]] = {pid: [] for pid in self.partner_ids}
        for role in self.p.roles:
            result.setdefault(role.partner, []).extend(role.responsibilities)
        for ws in self.p.workstreams:
            if ws.lead:
                result.setdefault(ws.lead, []).append(f"Leads {ws.id} {ws.name}")
        return result

    # --- resources -----------------------------------------------------------------

    def money_of(self, contributions: list[Contribution]) -> float:
        """Money and money's worth: funding, stated values, and staff at fte_cost."""
        fte_cost = self.p.partnership.fte_cost
        total = 0.0
        for c in contributions:
            if c.type is ContributionType.FUNDING:
                total += c.amount or c.value or 0.0
            elif c.value is not None or c.amount is not None:
                total += c.value if c.value is not None else c.amount or 0.0
            elif c.type is ContributionType.STAFF and c.fte and fte_cost:
                total += c.fte * fte_cost
        return total

    @staticmethod
    def unvalued(contributions: list[Contribution]) -> list[Contribution]:
        """Contributions in kind (a room, a network, data) with no value stated: real, but
        invisible to any share of money or staff time."""
        return [
            c
            for c in contributions
            if c.type not in (ContributionType.FUNDING, ContributionType.STAFF)
            and c.value is None
            and c.amount is None
        ]

    @staticmethod
    def real(contributions: list[Contribution]) -> list[Contribution]:
        """Contributions that bring something: an amount, fte or value of 0 brings nothing."""
        return [
            c
            for c in contributions
            if not any(q == 0 for q in (c.amount, c.fte, c.value))
            or any(q for q in (c.amount, c.fte, c.value))
        ]

    @cached_property
    def funding(self) -> dict[str, float]:
        """Money each partner contributes (funding only)."""
        return {
            x.id: sum(
                c.amount or c.value or 0.0
                for c in x.contributions
                if c.type is ContributionType.FUNDING
            )
            for x in self.partners
        }

    @cached_property
    def staff(self) -> dict[str, float]:
        """Staff time (FTE) each partner contributes."""
        return {
            x.id: sum(c.fte or 0.0 for c in x.contributions if c.type is ContributionType.STAFF)
            for x in self.partners
        }

    @cached_property
    def network(self) -> bool:
        """The partnership calls itself a network: it shares information, not resources."""
        return self.p.partnership.form is not None and self.p.partnership.form.value == "network"

    @cached_property
    def statutory(self) -> bool:
        """Membership and governance are set by law or a founding instrument."""
        agreement = self.p.partnership.agreement
        return bool(agreement and agreement.statutory)

    # --- risks ---------------------------------------------------------------------

    @cached_property
    def mitigations(self) -> list[tuple[int, frozenset[str]]]:
        """(risk index, what it covers) for each risk that can soften a finding.

        A risk softens only what its ``covers`` names, and only with an owner and
        a mitigation that actually reduces the risk (not litigation or "monitor").
        """
        found = []
        for i, risk in enumerate(self.p.risks):
            if risk.covers and risk.owner and risk.mitigation and credible(risk.mitigation):
                found.append((i, frozenset(risk.covers)))
        return found

    # --- whom the partnership serves ------------------------------------------------

    @cached_property
    def serves_people(self) -> bool:
        """Whether the partnership exists to serve people (patients, residents, pupils...)."""
        texts = [self.p.partnership.purpose or ""]
        if self.p.vision and self.p.vision.statement:
            texts.append(self.p.vision.statement)
        return bool(SERVED_WORDS.search(" ".join(texts)))

    @cached_property
    def voices_of_served(self) -> frozenset[str]:
        """Partners and members that speak for the people served: beneficiaries, community
        organisations and community members."""
        voices = {x.id for _, x in self.active if x.standing is Standing.BENEFICIARY}
        voices |= {x.id for _, x in self.active if x.sector is Sector.COMMUNITY}
        voices |= {m.id for m in self.p.members if m.kind is MemberKind.COMMUNITY}
        return frozenset(voices)

    @cached_property
    def age_days(self) -> int | None:
        """Days since the partnership started (or its agreement was signed), if known."""
        return None if self.start is None else (self.as_of - self.start).days


# A body that advises rather than decides, from its name or what it "decides".
_ADVISORY = re.compile(
    r"\b(advis\w*|advice|consultative|no (binding |formal )?(decisions?|powers?)|"
    r"comments? on|recommendations? to|recommends? to)\b",
    re.IGNORECASE,
)
SERVED_WORDS = re.compile(
    r"\b(patients?|residents?|tenants?|pupils?|students?|children|young people|older people|"
    r"families|parents?|carers?|service[- ]users?|citizens?|communities|local community|"
    r"households?|learners?|survivors?|veterans?|refugees?|women|girls|"
    r"neighbourhoods?|neighborhoods?)\b",
    re.IGNORECASE,
)
# Words that describe a reaction to a risk that has happened, or watching it (in any
# tense), rather than reducing it: they do not make a mitigation.
_NOT_MITIGATION = re.compile(
    r"^\W*(none|n/?a|monitor(s|ed|ing)?|watch(es|ed|ing)?|noted|accept(ed)?|tbd|tbc|todo)\W*$|"
    r"\b(litigation|legal (action|proceedings)|sue|court action|terminate the agreement)\b",
    re.IGNORECASE,
)


def credible(mitigation: str) -> bool:
    """A mitigation that reduces the risk; litigation or "monitor" alone does not."""
    return not _NOT_MITIGATION.search(mitigation)
