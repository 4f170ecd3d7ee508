"""Element 6, evaluation: improvement actions and whether they tackle the results
(PC608, PC609, PC614)."""

from __future__ import annotations

from collections.abc import Iterator

from partnercheck.model.partnership import Goal
from partnercheck.model.types import ActionStatus
from partnercheck.results import ElementId, Severity
from partnercheck.rules.aims import open_actions_for
from partnercheck.rules.base import Hit, Say, Term, per_item, rule
from partnercheck.rules.context import Context, Subject, days_between
from partnercheck.rules.plain import how_late

EVALUATION = ElementId.EVALUATION
OVERDUE_DAYS = 90  # an improvement action this far past due has stalled
_ARTICLE = {"owner": "an owner", "due date": "a due date"}


@rule(
    "PC608",
    element=EVALUATION,
    severity=Severity.WARNING,
    weight=10,
    rationale="""Reviews change nothing unless what they find becomes actions someone owns
    and finishes by a date; improvement actions close the learning loop.""",
    recommendation="Record each improvement agreed at a review with an `owner` and a `due` date.",
    example="""
    evaluation:
      improvements:
        - action: Add a carers' representative to the board
          owner: council
          due: 2027-03-31
          status: open
    """,
)
def improvement_owned(ctx: Context) -> Iterator[Hit]:
    """Improvement actions have an owner and a due date."""
    ev = ctx.p.evaluation
    if ev is None:
        return
    if not ev.improvements:
        if ev.last_review is not None:
            yield Hit(
                "No improvement actions are recorded from the reviews held",
                ("evaluation",),
                "Record what the last review decided to change, with an owner and a date",
                0.5,
                key="evaluation.improvements",
            )
        return
    for i, action in enumerate(ev.improvements):
        missing = [k for k, v in (("owner", action.owner), ("due date", action.due)) if v is None]
        if missing:
            needed = " and ".join(_ARTICLE[m] for m in missing)
            subject = Subject("action", action.action, f"“{action.action}”")
            yield Hit(
                Say("Improvement action {a} has no " + " or ".join(missing), a=subject),
                ("evaluation", "improvements", i),
                Say("Agree " + needed + " for {a}", a=subject),
                per_item(len(ev.improvements)),
                key="owner" if "owner" in missing else "due",
                subject=subject,
            )


@rule(
    "PC609",
    element=EVALUATION,
    severity=Severity.WARNING,
    weight=10,
    rationale="""An improvement action months past its date has stalled; left open, it
    signals that reviews produce promises rather than change.""",
    recommendation="Finish, re-date or drop long-overdue improvement actions at the next review.",
    example="""
    evaluation:
      improvements:
        - action: Add a tenant representative to the board
          owner: housing
          due: 2027-03-31        # re-planned, or status: done once finished
          status: in-progress
    """,
)
def improvement_overdue(ctx: Context) -> Iterator[Hit]:
    """No improvement action is long overdue."""
    actions = ctx.p.evaluation.improvements if ctx.p.evaluation else []
    for i, action in enumerate(actions):
        if action.due is None or action.status is ActionStatus.DONE:
            continue
        if days_between(action.due, ctx.as_of) > OVERDUE_DAYS:
            subject = Subject("action", action.action, f"“{action.action}”")
            yield Hit(
                Say(
                    "An improvement action due on {due}{late} is not done: {a}",
                    a=subject,
                    due=action.due,
                    # Said to people only: a CI message must not change from day to day.
                    late=Term("", f" ({how_late(action.due, ctx.as_of)})"),
                ),
                ("evaluation", "improvements", i, "due"),
                "Finish the action and mark it done, or agree a new due date",
                per_item(len(actions)),
                key="due",
                subject=subject,
            )


def _going_wrong(ctx: Context) -> list[tuple[int, Goal]]:
    return [
        (i, g)
        for i, g in ctx.live_goals
        if ctx.goal_outcomes[i].state
        in ("missed", "will-miss", "moving-away", "off-track", "slipping")
    ]


def results_unaddressed(ctx: Context) -> bool:
    """Goals are going wrong and no open improvement action is aimed at any of them."""
    ev = ctx.p.evaluation
    wrong = _going_wrong(ctx)
    if ev is None or not wrong:
        return False
    return not any(open_actions_for(ctx, goal) for _, goal in wrong)


@rule(
    "PC614",
    element=EVALUATION,
    severity=Severity.WARNING,
    weight=15,
    rationale="""A review that finds a goal missed or off track and then agrees actions
    about process (a new dashboard, an away day) has not closed the loop: improvement
    actions should tackle the results that are going wrong. An action counts when it names
    the goal, or words of its objective or KPI; one action on any of the goals going wrong
    is enough to show the loop is closing.""",
    recommendation="Agree at least one improvement action aimed at each goal that is missed "
    "or off track.",
    example="""
    evaluation:
      improvements:
        - action: Targeted apprenticeship offer with the two largest employers (G2)
          owner: chamber
          due: 2027-06-30
    """,
)
def actions_tackle_results(ctx: Context) -> Iterator[Hit]:
    """Improvement actions tackle the goals that are going wrong."""
    ev = ctx.p.evaluation
    if ev is None:
        return
    open_actions = [a for a in ev.improvements if a.status is not ActionStatus.DONE]
    wrong = _going_wrong(ctx)
    if not results_unaddressed(ctx):
        return  # the reviews are working on at least one of the results
    goals = [ctx.goal(g) for _, g in wrong]
    yield Hit(
        # With actions open, one may be meant for the goal without saying so: the finding
        # says what the file shows (no action tied to it), not that nothing is being done.
        Say("No improvement action is tied to the goals going wrong ({g})", g=goals)
        if open_actions
        else Say("No improvement action is open while goals are going wrong ({g})", g=goals),
        ("evaluation",),
        Say(
            "Agree improvement actions aimed at {g}, or record which goal an action already "
            "agreed is for",
            g=goals,
        )
        if open_actions
        else Say("Agree improvement actions aimed at {g}", g=goals),
        key="evaluation.improvements",
    )
