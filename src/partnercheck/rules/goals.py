"""Element 1, goals (PC1xx): a clear understanding of goals and objectives, and results.

Goals are judged on two things: whether they are clear (measurable, time-bound,
owned, agreed) and whether they are being achieved (PC108, PC111). A goal's
indicator, baseline and target may be given on the goal or on a KPI that
measures it; either counts, so the same missing number is never charged twice.
"""

from __future__ import annotations

from collections.abc import Iterator

from partnercheck.model.partnership import Goal
from partnercheck.model.types import GoalStatus
from partnercheck.results import ChallengeId, ElementId, Severity
from partnercheck.rules.aims import open_actions_for
from partnercheck.rules.base import ELEMENT, Hit, Say, Strength, per_item, per_partner, rule
from partnercheck.rules.context import Context, Subject, short_name

GOALS = ElementId.GOALS
# What a goal outcome costs, as a share of one goal's part of PC111.
OUTCOME_SHARE = {
    "missed": 1.0,
    "will-miss": 0.9,
    "moving-away": 0.8,
    "off-track": 0.6,
    "slipping": 0.25,
}


def _kpi_has(ctx: Context, goal: Goal, field: str) -> bool:
    """Whether a KPI measuring ``goal`` supplies its indicator, baseline or target."""
    kpis = [k for _, k in ctx.kpis_of.get(goal.id, [])]
    if field == "indicator":
        return bool(kpis)  # a KPI is an indicator
    if field == "baseline":
        return any(k.baseline is not None or len(k.readings) > 1 for k in kpis)
    if field == "target":
        return any(k.target is not None for k in kpis)
    return False


@rule(
    "PC101",
    element=GOALS,
    severity=Severity.ERROR,
    weight=0,
    rationale="""Partners who have not written down what they are trying to achieve
    together will each pursue their own idea of success; shared objectives are what
    turn a group of organisations into a partnership. Without goals there is nothing
    to judge this element on, so it scores 0.""",
    recommendation="Agree two to five shared objectives and record them under `goals`.",
    example="""
    goals:
      - id: G1
        objective: Cut 30-day emergency readmissions of supported tenants
    """,
)
def goals_defined(ctx: Context) -> Iterator[Hit]:
    """The partnership has shared goals."""
    if ctx.live_goals:
        return
    dropped = bool(ctx.p.goals)
    yield Hit(
        "Every goal has been dropped; no shared goal is being pursued"
        if dropped
        else "No shared goals are defined",
        ("goals",) if "goals" in ctx.p.model_fields_set or dropped else None,
        "Agree two to five shared objectives with all the partners",
        key="goals",
        covers=ELEMENT,
    )


def _goal_rule_hits(
    ctx: Context, missing: str, field: str, fix: str, key: str, settled_too: bool = True
) -> Iterator[Hit]:
    """One hit per live goal lacking ``field`` (on the goal or on a KPI measuring it);
    without ``settled_too``, not for a goal already recorded as met or missed."""
    live = ctx.live_goals
    for i, goal in live:
        if not settled_too and goal.status in (GoalStatus.MET, GoalStatus.MISSED):
            continue  # its result is settled: a baseline or target would change nothing
        if getattr(goal, field) is None and not _kpi_has(ctx, goal, field):
            subject = ctx.goal(goal)
            yield Hit(
                Say(missing, g=subject),
                ("goals", i),
                Say(fix, g=subject),
                per_item(len(live)),
                key=key,
                subject=subject,
            )


@rule(
    "PC102",
    element=GOALS,
    severity=Severity.WARNING,
    weight=12,
    rationale="""Without an agreed indicator, partners cannot tell whether a goal is
    being met, and disagreements about progress become matters of opinion.""",
    recommendation="Name the indicator that measures each goal.",
    example="""
    goals:
      - id: G1
        indicator: 30-day emergency readmission rate (%)
    """,
    many="{count} goals have no indicator: {names}",
    many_fix="Agree how progress on each of them will be measured",
)
def goal_indicator(ctx: Context) -> Iterator[Hit]:
    """Every goal names an indicator (on the goal or a KPI)."""
    yield from _goal_rule_hits(
        ctx,
        "Goal {g} has no indicator",
        "indicator",
        "Agree how progress on {g} will be measured",
        "indicator",
    )


@rule(
    "PC103",
    element=GOALS,
    severity=Severity.WARNING,
    weight=5,
    rationale="""A baseline is what makes later progress visible: without the starting
    value, an improvement cannot be told apart from where the partnership began. Not
    asked of a goal already recorded as met or missed.""",
    recommendation="Record the indicator's value when the goal was agreed as `baseline`.",
    example="""
    goals:
      - id: G1
        indicator: 30-day emergency readmission rate (%)
        baseline: 18
    """,
    many="{count} goals have no baseline value: {names}",
    many_fix="Record where each of them started",
)
def goal_baseline(ctx: Context) -> Iterator[Hit]:
    """Every goal records a baseline value (on the goal or a KPI)."""
    yield from _goal_rule_hits(
        ctx,
        "Goal {g} has no baseline value",
        "baseline",
        "Record the starting value of the indicator for {g}",
        "baseline",
        settled_too=False,
    )


@rule(
    "PC104",
    element=GOALS,
    severity=Severity.WARNING,
    weight=12,
    rationale="""A goal without a target cannot be achieved or missed, so it cannot be
    evaluated; measurable targets are the first mark of a clear objective. Not asked of
    a goal already recorded as met or missed: the partners have judged it.""",
    recommendation="Agree a measurable target value for each goal.",
    example="""
    goals:
      - id: G1
        baseline: 18
        target: 12
    """,
    many="{count} goals have no target value: {names}",
    many_fix="Agree a measurable target for each of them",
)
def goal_target(ctx: Context) -> Iterator[Hit]:
    """Every goal has a target value (on the goal or a KPI)."""
    yield from _goal_rule_hits(
        ctx,
        "Goal {g} has no target value",
        "target",
        "Agree a measurable target for {g}",
        "target",
        settled_too=False,
    )


@rule(
    "PC105",
    element=GOALS,
    severity=Severity.WARNING,
    weight=8,
    rationale="""Objectives without a date drift: a deadline creates the shared sense of
    urgency and the natural moment to review progress.""",
    recommendation="Give each goal a `due` date.",
    example="""
    goals:
      - id: G1
        due: 2027-12-31
    """,
    many="{count} goals have no due date: {names}",
    many_fix="Agree when each of them should be achieved",
)
def goal_due(ctx: Context) -> Iterator[Hit]:
    """Every goal is time-bound."""
    yield from _goal_rule_hits(
        ctx, "Goal {g} has no due date", "due", "Agree when {g} should be achieved", "due"
    )


@rule(
    "PC106",
    element=GOALS,
    severity=Severity.WARNING,
    weight=8,
    rationale="""What everyone owns, nobody owns: a goal needs one accountable partner
    who reports on it and raises the alarm when it slips.""",
    recommendation="Name one accountable partner as each goal's `owner`.",
    example="""
    goals:
      - id: G1
        owner: nhs
    """,
    many="{count} goals have no owner: {names}",
    many_fix="Name the partner accountable for each of them",
)
def goal_owner(ctx: Context) -> Iterator[Hit]:
    """Every goal has one accountable owner."""
    yield from _goal_rule_hits(
        ctx, "Goal {g} has no owner", "owner", "Name the partner accountable for {g}", "owner"
    )


@rule(
    "PC107",
    element=GOALS,
    severity=Severity.WARNING,
    weight=10,
    challenge=ChallengeId.CONFLICT,
    rationale="""A goal only one partner has signed up to is that partner's goal, not the
    partnership's; unshared priorities are the most common source of conflict.""",
    recommendation="Confirm each goal with the partners and list them under `shared_by`.",
    example="""
    goals:
      - id: G1
        shared_by: [council, nhs, housing]
    """,
    many="{count} goals are agreed by fewer than two partners: {names}",
    many_fix="Agree each of them with the partners it involves",
)
def goal_agreed(ctx: Context) -> Iterator[Hit]:
    """Every goal is agreed by at least two partners."""
    agreeing = {x.id for _, x in ctx.expected("goal")}
    needed = min(2, len(agreeing))
    live = ctx.live_goals
    for i, goal in live:
        members = ctx.goal_partners(goal) & agreeing
        if len(members) >= needed:
            continue
        subject = ctx.goal(goal)
        if members:
            message = Say(
                "Goal {g} is agreed only by {p}", g=subject, p=ctx.who(next(iter(members)))
            )
        elif goal.shared_by or goal.owner:
            message = Say("Goal {g} is agreed by no partner expected to agree goals", g=subject)
        else:
            message = Say("Goal {g} has no record of who agreed it", g=subject)
        yield Hit(
            message,
            ("goals", i, "shared_by"),
            Say("Agree {g} with the partners it involves", g=subject),
            per_item(len(live)),
            key="shared_by",
            subject=subject,
        )


@rule(
    "PC108",
    element=GOALS,
    severity=Severity.WARNING,
    weight=10,
    rationale="""A goal past its due date is either met, missed or forgotten; leaving it
    open without recording the result erodes trust in the plan and hides whether the
    partnership delivered.""",
    recommendation="Record whether each overdue goal was met (`status: met` or `missed`), "
    "then re-date or replace it.",
    example="""
    goals:
      - id: G1
        due: 2026-06-30
        status: met
        status_date: 2026-07-15
    """,
    many="{count} goals are past their due date with no result recorded: {names}",
    many_fix="Record whether each of them was met, then re-date or replace it",
)
def goal_overdue(ctx: Context) -> Iterator[Hit]:
    """No goal is past its due date without a recorded result."""
    live = ctx.live_goals
    for i, goal in live:
        if ctx.goal_outcomes[i].state != "overdue":
            continue
        assert goal.due is not None
        subject = ctx.goal(goal)
        yield Hit(
            Say(
                "Goal {g} was due on {due} and no result is recorded",
                g=subject,
                due=goal.due.isoformat(),
            ),
            ("goals", i, "due"),
            Say("Record whether {g} was met, then set a new date or retire it", g=subject),
            per_item(len(live)),
            key="status",
            subject=subject,
        )


@rule(
    "PC111",
    element=GOALS,
    severity=Severity.WARNING,
    weight=65,
    rationale="""Partnerships exist to achieve something together: goals missed, or KPIs
    moving away from their targets, are the plainest evidence that the arrangement is
    not yet working, however complete the paperwork. A missed goal costs its full
    share, a goal whose KPI has fallen back past its starting point 80%, an off-track
    goal 60%, a goal whose KPI slipped back at the latest reading a quarter.""",
    recommendation="Review off-track and missed goals with all partners: agree what has to "
    "change, record it as improvement actions, and re-plan or drop the goal.",
    example="""
    goals:
      - id: G1
        status: on-track          # judged at the last review, with its KPI moving the right way
        status_date: 2026-09-30
    """,
    # Not grouped: each failing goal keeps its own state and figures, which a board needs
    # ("moving away: 10.2 → 10.7, target 9"); one priority still covers them all.
    many_fix="Review each of them with all partners and agree what has to change",
)
def goal_on_course(ctx: Context) -> Iterator[Hit | Strength]:
    """Goals are being achieved: none missed, off track or slipping."""
    live = ctx.live_goals
    good = [
        ctx.goal(g)
        for i, g in live
        if ctx.goal_outcomes[i].state in ("met", "on-track")
        and "no KPI" not in ctx.goal_outcomes[i].reason
    ]
    if good:
        yield Strength(
            Say(
                "{n} of {total} goals "
                + ("is" if len(good) == 1 else "are")
                + " met or on course, with figures to show it: {g}",
                n=len(good),
                total=len(live),
                g=good,
            ),
            GOALS,
        )
    for i, goal in live:
        outcome = ctx.goal_outcomes[i]
        subject = ctx.goal(goal)
        share = OUTCOME_SHARE.get(outcome.state)
        if share is None:
            continue
        evidence = "; ".join(
            f"{ctx.p.evaluation.kpis[k].name}: {ctx.kpi_trends[k].evidence}"
            for k in outcome.kpis
            if ctx.p.evaluation and ctx.kpi_trends[k].state != "unknown"
        )
        words = {
            "missed": "was missed",
            "will-miss": "will be missed unless something changes",
            "moving-away": "is moving away from its target",
            "off-track": "is off track",
            "slipping": "is slipping",
        }
        yield Hit(
            Say(
                "Goal {g} " + words[outcome.state] + ": {why}{evidence}",
                g=subject,
                why=outcome.reason,
                evidence=f" ({evidence})" if evidence else "",
            ),
            ("goals", i),
            _result_advice(ctx, goal, subject),
            per_item(len(live)) * share,
            key="status",
            subject=subject,
        )


def _result_advice(ctx: Context, goal: Goal, subject: Subject) -> Say:
    aims = open_actions_for(ctx, goal)
    if not aims:
        return Say(
            "Review {g} with all partners: agree what has to change and record it as "
            "improvement actions",
            g=subject,
        )
    aim = aims[0]
    action = f"“{short_name(aim.action.action, ACTION_WORDS)}”"
    if aim.action.due is not None and aim.action.due < ctx.as_of:
        # A stalled action is the finding's real news: asking whether it is enough is not.
        return Say(
            "The action meant to turn {g} round, {a}, was due on {due} and is not done: "
            "restart it with an owner and a new date, or replace it",
            g=subject,
            a=action,
            due=aim.action.due.isoformat(),
        )
    if aim.sure:
        return Say(
            "Check with all partners that the open action {a} is enough to bring {g} back "
            "on course, and judge its effect at the next review",
            a=action,
            g=subject,
        )
    return Say(
        "Check with all partners whether the open action {a} bears on {g}, and agree what "
        "more is needed to bring it back on course",
        a=action,
        g=subject,
    )


ACTION_WORDS = 14  # an action is quoted up to this many words


@rule(
    "PC109",
    element=GOALS,
    severity=Severity.WARNING,
    weight=10,
    rationale="""A partner with no stake in any shared goal has no reason to stay engaged
    and tends to drift to the margins of the partnership. However large the partnership,
    such a partner costs at least a third of this rule's points.""",
    recommendation="Make sure every partner shares at least one goal.",
    example="""
    goals:
      - id: G2
        shared_by: [council, housing, carers]   # carers now shares a goal
    """,
    many="{count} partners share no goal: {names}",
    many_fix="Agree with each of them which goals it shares",
)
def partner_has_goal(ctx: Context) -> Iterator[Hit]:
    """Every partner shares at least one goal."""
    expected = ctx.expected("goal")
    for i, partner in expected:
        if not ctx.goals_of.get(partner.id):
            who = ctx.who(partner.id)
            yield Hit(
                Say("Partner {p} shares no goal", p=who),
                ("partners", i),
                Say("Agree with {p} which goals it shares", p=who),
                per_partner(len(expected)),
                key="goals[].shared_by",
                subject=who,
            )


@rule(
    "PC110",
    element=GOALS,
    severity=Severity.WARNING,
    weight=8,
    rationale="""Partnerships last when every member gains something it values; a partner
    with no stated benefit is a partner whose commitment is untested.""",
    recommendation="State what each partner gains from the partnership under `benefits`.",
    example="""
    partners:
      - id: housing
        benefits:
          - Fewer tenancy failures after hospital stays
    """,
    many="{count} partners have no stated benefit: {names}",
    many_fix="Ask each of them what it gains and write it down",
)
def partner_benefit(ctx: Context) -> Iterator[Hit]:
    """Every partner has a stated benefit (mutual benefit)."""
    expected = ctx.expected("benefit")
    for i, partner in expected:
        if not partner.benefits:
            who = ctx.who(partner.id)
            yield Hit(
                Say("Partner {p} has no stated benefit", p=who),
                ("partners", i),
                Say("Ask {p} what it gains and write it down", p=who),
                per_item(len(expected)),
                key="benefits",
                subject=who,
            )


@rule(
    "PC112",
    element=GOALS,
    severity=Severity.INFO,
    weight=0,
    rationale="""A goal recorded as on track or met with no indicator figures behind it is an
    assertion: the partners may be right, but nobody reading the file can check it.""",
    recommendation="Link a KPI with dated readings to each goal whose status is recorded.",
    example="""
    evaluation:
      kpis:
        - name: Delayed discharge days
          goal: G1
          readings:
            - {date: 2026-09-30, value: 320}
    """,
    many="{count} goal statuses have no KPI behind them: {names}",
    many_fix="Link a KPI with readings to each of them",
)
def status_has_evidence(ctx: Context) -> Iterator[Hit]:
    """A recorded goal status has KPI figures behind it."""
    for i, goal in ctx.live_goals:
        if goal.status not in (GoalStatus.ON_TRACK, GoalStatus.MET):
            continue
        if any(ctx.kpi_trends[k].current is not None for k, _ in ctx.kpis_of.get(goal.id, [])):
            continue
        subject = ctx.goal(goal)
        yield Hit(
            Say(
                "Goal {g} is recorded as "
                + goal.status.value.replace("-", " ")
                + " but no KPI figures are on record to show it",
                g=subject,
            ),
            ("goals", i, "status"),
            Say("Link a KPI with dated readings to {g}", g=subject),
            key="evaluation.kpis",
            subject=subject,
        )
