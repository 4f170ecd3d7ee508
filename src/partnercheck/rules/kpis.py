"""Element 6, evaluation: the KPIs that measure the goals (PC605-PC607, PC613)."""

from __future__ import annotations

from collections.abc import Iterator

from partnercheck.results import ElementId, Severity
from partnercheck.rules.base import Hit, Say, Strength, listing, per_item, rule
from partnercheck.rules.context import Context
from partnercheck.rules.evaluation import first_review_due

EVALUATION = ElementId.EVALUATION
# How bad an unlinked KPI's state is, as a share of its part of PC613.
KPI_SHARE = {"away": 1.0, "behind": 0.6, "slipping": 0.25}


@rule(
    "PC605",
    element=EVALUATION,
    severity=Severity.WARNING,
    weight=20,
    rationale="""Key performance indicators are the partnership's shared scoreboard:
    without them, reviews rest on impressions and each partner reports its own figures.""",
    recommendation="Define key performance indicators under `evaluation.kpis`, one or more "
    "per goal.",
    example="""
    evaluation:
      kpis:
        - name: Delayed discharge days
          goal: G1
    """,
)
def kpis_defined(ctx: Context) -> Iterator[Hit]:
    """The partnership tracks key performance indicators."""
    ev = ctx.p.evaluation
    if ev is not None and not ev.kpis:
        yield Hit(
            "No key performance indicators are defined",
            ("evaluation",),
            "Agree the indicators the partners will track together, one or more per goal",
            key="evaluation.kpis",
        )


@rule(
    "PC606",
    element=EVALUATION,
    severity=Severity.WARNING,
    weight=5,
    rationale="""A KPI that measures no shared goal is activity data, not evidence of
    progress; linking each indicator to a goal shows what the partnership is achieving
    together.""",
    recommendation="Link each KPI to the goal it measures with `goal`.",
    example="""
    evaluation:
      kpis:
        - name: Readmission rate
          goal: G1
    """,
    many="{count} KPIs are linked to no goal: {names}",
    many_fix="Say which goal each of them measures, or retire them",
)
def kpi_goal(ctx: Context) -> Iterator[Hit]:
    """Every KPI measures a goal."""
    kpis = ctx.p.evaluation.kpis if ctx.p.evaluation else []
    for i, kpi in enumerate(kpis):
        if kpi.goal is None:
            subject = ctx.kpi(kpi)
            yield Hit(
                Say("KPI {k} is linked to no goal", k=subject),
                ("evaluation", "kpis", i),
                Say("Say which goal {k} measures, or retire it", k=subject),
                per_item(len(kpis)),
                key="goal",
                subject=subject,
            )


@rule(
    "PC607",
    element=EVALUATION,
    severity=Severity.WARNING,
    weight=15,
    rationale="""An indicator tells a story only with three numbers: where the partnership
    started, where it aims to be and where it is now. For a KPI that measures a goal, the
    goal's baseline and target count (their absence is the goal's finding).""",
    recommendation="Record `baseline`, `target` and `current` (or dated `readings`) for every KPI.",
    example="""
    evaluation:
      kpis:
        - name: Delayed discharge days
          baseline: 400
          target: 250
          current: 320
    """,
    many="{count} KPIs are missing figures: {names}",
    many_fix="Record the missing figures of each of them",
)
def kpi_values(ctx: Context) -> Iterator[Hit]:
    """Every KPI has a baseline, a target and a current value."""
    kpis = ctx.p.evaluation.kpis if ctx.p.evaluation else []
    live = {g.id for _, g in ctx.live_goals}
    first_due = first_review_due(ctx)
    for i, kpi in enumerate(kpis):
        trend = ctx.kpi_trends[i]
        # A new partnership's first readings are not due before its first review.
        values = {} if first_due else {"current value": trend.current}
        if kpi.goal not in live:
            values = {"baseline": trend.baseline, "target": trend.target, **values}
        missing = [name for name, value in values.items() if value is None]
        if missing and values:
            subject = ctx.kpi(kpi)
            yield Hit(
                Say("KPI {k} has no {missing}", k=subject, missing=listing(missing)),
                ("evaluation", "kpis", i),
                Say("Record the {missing} of {k}", missing=listing(missing), k=subject),
                per_item(len(kpis)) * len(missing) / len(values),
                key="current" if missing == ["current value"] else "kpis",
                subject=subject,
            )


@rule(
    "PC613",
    element=EVALUATION,
    severity=Severity.WARNING,
    weight=15,
    rationale="""A KPI moving away from its target is a result going the wrong way. A KPI
    that measures a live goal is judged with its goal, by PC111, until the goal is met;
    after that, a decline is the KPI's own finding here. Worse than its baseline costs its
    full share; well behind the pace its due date needs, 60%; slipped back at the latest
    reading, a quarter.""",
    recommendation="Review the KPI with the partners: find out why it is moving the wrong way "
    "and agree improvement actions.",
    example="""
    evaluation:
      kpis:
        - name: Life expectancy gap (years)
          baseline: 11.0
          target: 9.0
          readings:
            - {date: 2025-03-31, value: 10.6}
            - {date: 2026-03-31, value: 10.1}
    """,
    many="{count} KPIs are moving the wrong way: {names}",
    many_fix="Review each of them with the partners and agree improvement actions",
)
def kpi_direction(ctx: Context) -> Iterator[Hit | Strength]:
    """KPIs move towards their targets."""
    kpis = ctx.p.evaluation.kpis if ctx.p.evaluation else []
    live = {g.id for _, g in ctx.live_goals}
    met = {g.id for i, g in ctx.live_goals if ctx.goal_outcomes[i].state == "met"}
    # KPIs judged here: those measuring no live goal, and those of goals already met (a
    # decline after the goal was met is the KPI's finding, not the goal's).
    judged = [(i, k) for i, k in enumerate(kpis) if k.goal not in live or k.goal in met]
    words = {
        "away": "has moved away from its target",
        "behind": "is well behind the pace its target needs",
        "slipping": "slipped back at its latest reading",
    }
    for i, kpi in judged:
        trend = ctx.kpi_trends[i]
        subject = ctx.kpi(kpi)
        if trend.state in ("met", "on-course") and kpi.goal not in met:
            good = "has met its target" if trend.state == "met" else "is moving towards its target"
            yield Strength(
                Say("KPI {k} " + good + ": {e}", k=subject, e=trend.evidence), EVALUATION
            )
        if trend.state not in KPI_SHARE:
            continue
        since = " since its goal was met" if kpi.goal in met else ""
        yield Hit(
            Say("KPI {k} " + words[trend.state] + since + ": {e}", k=subject, e=trend.evidence),
            ("evaluation", "kpis", i),
            Say("Review {k} with the partners and agree what will turn it round", k=subject),
            per_item(len(judged)) * KPI_SHARE[trend.state],
            key="kpis",
            subject=subject,
        )
