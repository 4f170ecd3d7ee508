"""Element 6, evaluation (PC6xx): ongoing evaluation and improvement."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from partnercheck.model.types import ActionStatus, Frequency
from partnercheck.results import ElementId, Severity
from partnercheck.rules.base import Hit, per_item, rule
from partnercheck.rules.context import Context

EVALUATION = ElementId.EVALUATION
REVIEW_GRACE_DAYS = 14  # a review a fortnight late is still "on cycle"
OVERDUE_DAYS = 90  # an improvement action this far past due has stalled
_ABSENT = " (there is no evaluation section)"
_METHODS = ("service-user-feedback", "case-studies", "partner-survey", "performance-indicators")
_ARTICLE = {"owner": "an owner", "due date": "a due date"}


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _listing(parts: list[str]) -> str:
    """``["a", "b", "c"]`` -> ``"a, b and c"``."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


@rule(
    "PC601",
    element=EVALUATION,
    severity=Severity.ERROR,
    weight=3,
    rationale="""Partnerships that only look at themselves when something goes wrong learn
    too late; "monitor, measure and learn" is one of the six principles of the Nuffield
    Partnership Assessment Tool, and it starts with a fixed review cycle.""",
    recommendation="Agree how often the partnership reviews itself and record it as "
    "`evaluation.review_frequency`.",
    example="""
    evaluation:
      review_frequency: quarterly
    """,
)
def review_cycle(ctx: Context) -> Iterator[Hit]:
    """The partnership has a regular review cycle."""
    ev = ctx.p.evaluation
    if ev is None:
        yield Hit(f"No review cycle is set{_ABSENT}", None)
    elif ev.review_frequency is None:
        yield Hit("No review cycle is set", ("evaluation", "review_frequency"))
    elif ev.review_frequency is Frequency.AD_HOC:
        yield Hit(
            "Reviews are ad hoc, with no fixed cycle",
            ("evaluation", "review_frequency"),
            "Replace ad-hoc reviews with a fixed cycle (quarterly or twice-yearly suits most "
            "partnerships)",
        )


@rule(
    "PC602",
    element=EVALUATION,
    severity=Severity.WARNING,
    weight=2,
    rationale="""A review cycle that is not kept is a review cycle in name only; a lapsed
    review is often the first sign that partners' attention has moved elsewhere.""",
    recommendation="Hold the overdue review and record its date as `evaluation.last_review`.",
    example="""
    evaluation:
      review_frequency: quarterly
      last_review: 2026-10-15
    """,
)
def review_on_cycle(ctx: Context) -> Iterator[Hit]:
    """The last review is within the review cycle."""
    ev = ctx.p.evaluation
    if ev is None or ev.review_frequency is None or ev.review_frequency.days is None:
        return  # PC601 reports the missing cycle
    cycle = f"{ev.review_frequency.value} ({ev.review_frequency.days} days)"
    if ev.last_review is None:
        yield Hit(
            f"No review has been recorded; the cycle is {cycle}",
            ("evaluation", "last_review"),
            "Hold a review and record its date as `last_review`",
        )
        return
    limit = timedelta(days=ev.review_frequency.days + REVIEW_GRACE_DAYS)
    if ev.last_review + limit < ctx.as_of:
        days = (ctx.as_of - ev.last_review).days
        yield Hit(
            f"The last review was {_days(days)} ago, on {ev.last_review.isoformat()}; "
            f"the cycle is {cycle}",
            ("evaluation", "last_review"),
        )


@rule(
    "PC603",
    element=EVALUATION,
    severity=Severity.WARNING,
    weight=2,
    rationale="""Indicators show what changed, but not why or how it felt to the people
    served; combining figures with feedback, case studies or partner surveys gives a
    balanced picture that one kind of evidence cannot.""",
    recommendation="Use at least two kinds of evidence in `evaluation.methods`.",
    example="""
    evaluation:
      methods: [performance-indicators, service-user-feedback, case-studies]
    """,
)
def evidence_methods(ctx: Context) -> Iterator[Hit]:
    """The evaluation uses more than one kind of evidence."""
    ev = ctx.p.evaluation
    if ev is None:
        yield Hit(f"No evaluation methods are recorded{_ABSENT}", None)
        return
    distinct: dict[str, str] = {}  # folded name -> first spelling
    for method in ev.methods:
        distinct.setdefault(method.strip().casefold(), method.strip())
    if not distinct:
        yield Hit("No evaluation methods are recorded", ("evaluation", "methods"))
    elif len(distinct) == 1:
        [(folded, only)] = distinct.items()
        others = _listing([m for m in _METHODS if m != folded][:3]).replace(" and ", " or ")
        yield Hit(
            f"The evaluation uses only one kind of evidence ({only})",
            ("evaluation", "methods"),
            f"Add a second kind of evidence alongside {only}, such as {others}",
        )


@rule(
    "PC604",
    element=EVALUATION,
    severity=Severity.WARNING,
    weight=2,
    rationale="""An evaluation run by one partner judges the others; when every partner
    takes part, the findings are shared and so is the will to act on them (Wilder's
    "members share a stake in both process and outcome").""",
    recommendation="Involve every partner in evaluation and list them under `evaluation.involves`.",
    example="""
    evaluation:
      involves: [council, trust, carers]
    """,
)
def partner_evaluates(ctx: Context) -> Iterator[Hit]:
    """Every partner takes part in evaluation."""
    ev = ctx.p.evaluation
    involved = set(ev.involves) if ev is not None else set()
    for i, partner in enumerate(ctx.partners):
        if partner.id not in involved:
            yield Hit(
                f"Partner {partner.id} takes no part in evaluation",
                ("partners", i) if ev is None else ("evaluation", "involves"),
                f"Agree how {partner.id} will take part in reviews and add it to "
                "`evaluation.involves`",
                per_item(len(ctx.partners)),
            )


@rule(
    "PC605",
    element=EVALUATION,
    severity=Severity.WARNING,
    weight=2,
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
    if ev is None:
        yield Hit(f"No key performance indicators are defined{_ABSENT}", None)
    elif not ev.kpis:
        yield Hit("No key performance indicators are defined", ("evaluation", "kpis"))


@rule(
    "PC606",
    element=EVALUATION,
    severity=Severity.WARNING,
    weight=1,
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
)
def kpi_goal(ctx: Context) -> Iterator[Hit]:
    """Every KPI measures a goal."""
    kpis = ctx.p.evaluation.kpis if ctx.p.evaluation else []
    for i, kpi in enumerate(kpis):
        if kpi.goal is None:
            yield Hit(
                f'KPI "{kpi.name}" is linked to no goal',
                ("evaluation", "kpis", i),
                f'Record which goal "{kpi.name}" measures as its `goal`, or retire it',
                per_item(len(kpis)),
            )


@rule(
    "PC607",
    element=EVALUATION,
    severity=Severity.WARNING,
    weight=2,
    rationale="""An indicator tells a story only with three numbers: where the partnership
    started, where it aims to be and where it is now. Any one missing and progress
    cannot be judged.""",
    recommendation="Record `baseline`, `target` and `current` for every KPI.",
    example="""
    evaluation:
      kpis:
        - name: Delayed discharge days
          baseline: 400
          target: 250
          current: 320
    """,
)
def kpi_values(ctx: Context) -> Iterator[Hit]:
    """Every KPI has a baseline, a target and a current value."""
    kpis = ctx.p.evaluation.kpis if ctx.p.evaluation else []
    for i, kpi in enumerate(kpis):
        values = {"baseline": kpi.baseline, "target": kpi.target, "current value": kpi.current}
        missing = [name for name, value in values.items() if value is None]
        if missing:
            yield Hit(
                f'KPI "{kpi.name}" has no {_listing(missing)}',
                ("evaluation", "kpis", i),
                f'Record the {_listing(missing)} of "{kpi.name}"',
                per_item(len(kpis)),
            )


@rule(
    "PC608",
    element=EVALUATION,
    severity=Severity.WARNING,
    weight=1,
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
        return  # PC601 reports the missing evaluation
    if not ev.improvements:
        yield Hit(
            "No improvement actions are recorded",
            ("evaluation", "improvements"),
            "Record what the last review decided to change under `evaluation.improvements`",
            0.5,
        )
    for i, action in enumerate(ev.improvements):
        missing = [k for k, v in (("owner", action.owner), ("due date", action.due)) if v is None]
        if missing:
            needed = " and ".join(_ARTICLE[m] for m in missing)
            yield Hit(
                f'Improvement action "{action.action}" has no {" or ".join(missing)}',
                ("evaluation", "improvements", i),
                f'Agree {needed} for "{action.action}"',
                per_item(len(ev.improvements)),
            )


@rule(
    "PC609",
    element=EVALUATION,
    severity=Severity.WARNING,
    weight=1,
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
        days = (ctx.as_of - action.due).days
        if days > OVERDUE_DAYS:
            yield Hit(
                f'Improvement action "{action.action}" is {_days(days)} overdue '
                f"(due {action.due.isoformat()})",
                ("evaluation", "improvements", i, "due"),
                f'Finish "{action.action}" and mark it done, or agree a new due date',
                per_item(len(actions)),
            )


@rule(
    "PC610",
    element=EVALUATION,
    severity=Severity.WARNING,
    weight=2,
    rationale="""An agreement drawn up for the partnership as it was can quietly stop
    describing the partnership as it is; the review date is when partners check it
    still fits.""",
    recommendation="Review the partnership agreement with all partners and set the next "
    "`review_due` date.",
    example="""
    partnership:
      agreement:
        review_due: 2027-06-30
    """,
)
def agreement_review_passed(ctx: Context) -> Iterator[Hit]:
    """The partnership agreement's review date has not passed."""
    agreement = ctx.p.partnership.agreement
    due = agreement.review_due if agreement is not None else None
    if due is not None and due < ctx.as_of:
        yield Hit(
            f"The partnership agreement was due for review on {due.isoformat()} "
            f"({_days((ctx.as_of - due).days)} ago)",
            ("partnership", "agreement", "review_due"),
        )


@rule(
    "PC611",
    element=EVALUATION,
    severity=Severity.INFO,
    weight=1,
    rationale="""Without a review date, an agreement is revisited only once it causes trouble.""",
    recommendation="Set a date to review the partnership agreement as "
    "`partnership.agreement.review_due`.",
    example="""
    partnership:
      agreement:
        review_due: 2027-02-15
    """,
)
def agreement_review_date(ctx: Context) -> Iterator[Hit]:
    """The partnership agreement has a review date."""
    agreement = ctx.p.partnership.agreement
    if agreement is None or agreement.review_due is None:
        yield Hit(
            "No review date is set for the partnership agreement",
            ("partnership", "agreement", "review_due"),
        )
