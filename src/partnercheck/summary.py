"""What a report shows besides findings: challenge levels, goals, KPIs, partners.

Pure functions of the assessment context and the priced findings; the engine
puts their records in the :class:`~partnercheck.results.FileResult`.
"""

from __future__ import annotations

from collections.abc import Collection

from partnercheck.analysis import power
from partnercheck.results import (
    CHALLENGE_TITLES,
    ChallengeId,
    ChallengeResult,
    Finding,
    GoalRecord,
    KpiRecord,
    PartnerRecord,
    RiskRecord,
)
from partnercheck.rules.context import Context

# A challenge's level from the worst severity among its standing findings.
LEVELS = {0: "none", 1: "present", 2: "moderate", 3: "high"}


def challenge_summary(
    findings: list[Finding], ctx: Context, live: Collection[str] = ()
) -> list[ChallengeResult]:
    """Each challenge's level (docs/scoring.md, "Challenges"): high only when a finding
    shows the challenge happening (``live`` rules) at error severity; a missing safeguard
    makes it moderate at most; a declared risk never lowers it below "present"."""
    results = []
    for challenge in ChallengeId:
        evidence = [f for f in findings if f.challenge is challenge and not f.suppressed]
        declared = [
            f"risks[{i}]" for i, r in enumerate(ctx.p.risks) if r.challenge.value == challenge.value
        ]
        ranks = [
            f.severity.rank if f.rule in live else min(f.severity.rank, 2)
            for f in evidence
            if f.severity.rank > 1
        ]
        worst = max(ranks, default=0)
        if worst == 0 and (declared or evidence):
            worst = 1  # named by the partners, or only notes: present
        mitigated_by = sorted({f.mitigated_by for f in evidence if f.mitigated_by})
        results.append(
            ChallengeResult(
                id=challenge,
                title=CHALLENGE_TITLES[challenge],
                level=LEVELS[worst],
                mitigated=bool(mitigated_by),
                evidence=[f.message for f in evidence],
                mitigated_by=mitigated_by,
                risks=declared,
            )
        )
    return results


def goal_records(ctx: Context) -> list[GoalRecord]:
    return [
        GoalRecord(
            id=g.id,
            objective=g.objective,
            state=ctx.goal_outcomes[i].state,
            reason=ctx.goal_outcomes[i].reason,
            due=g.due,
        )
        for i, g in enumerate(ctx.p.goals)
    ]


def kpi_records(ctx: Context) -> list[KpiRecord]:
    kpis = ctx.p.evaluation.kpis if ctx.p.evaluation else []
    records = []
    for i, kpi in enumerate(kpis):
        t = ctx.kpi_trends[i]
        records.append(
            KpiRecord(
                name=kpi.name,
                goal=kpi.goal,
                state=t.state,
                better=t.better.value if t.better else None,
                baseline=t.baseline,
                target=t.target,
                current=t.current,
                previous=t.previous,
                progress=None if t.progress is None else round(t.progress, 3),
                evidence=t.evidence,
            )
        )
    return records


def _share(shares: dict[str, float] | None, pid: str) -> float | None:
    """A partner's share, or None where it is not measured (e.g. it has left)."""
    value = None if shares is None else shares.get(pid)
    return None if value is None else round(value, 3)


def partner_records(ctx: Context) -> list[PartnerRecord]:
    shares = power.resource_shares(ctx)
    decisions = power.decision_power(ctx)
    meetings = ctx.p.communication.meetings if ctx.p.communication else []
    total = len(meetings) + sum(
        1 for b in ctx.bodies if b.seats is not None and b.meets is not None
    )
    return [
        PartnerRecord(
            id=x.id,
            name=x.name,
            sector=x.sector.value if x.sector else None,
            standing=x.standing.value,
            active=ctx.is_active(x),
            resource_share=None if shares is None else round(shares.shares.get(x.id, 0.0), 3),
            money_share=_share(shares.money if shares else None, x.id),
            staff_share=_share(shares.staff if shares else None, x.id),
            decision_power=None if decisions is None else round(decisions.shares.get(x.id, 0.0), 3),
            meetings=ctx.attendance.get(x.id, 0),
            meetings_total=total,
            in_kind=[c.description or c.type.value for c in Context.unvalued(x.contributions)],
        )
        for x in ctx.partners
    ]


def risk_records(ctx: Context) -> list[RiskRecord]:
    return [
        RiskRecord(
            path=f"risks[{i}]",
            challenge=r.challenge.value,
            description=r.description,
            mitigation=r.mitigation,
            owner=r.owner,
            covers=list(r.covers),
            owner_name=ctx.who(r.owner).name if r.owner else None,
        )
        for i, r in enumerate(ctx.p.risks)
    ]
