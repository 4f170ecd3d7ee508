"""Element 6, evaluation (PC6xx): ongoing evaluation and improvement.

Dates are compared by counting days, never by adding to a date, so a date at
the calendar's edge (9999-12-31) is simply far away, not a crash.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from partnercheck.model.types import Frequency
from partnercheck.results import ElementId, Severity
from partnercheck.rules.aims import (
    REVIEWING_AGREEMENT,
    TAKING_PART_IN_REVIEW,
    advice_under_way,
    under_way,
)
from partnercheck.rules.base import ELEMENT, Hit, Say, Strength, Term, listing, per_item, rule
from partnercheck.rules.context import Context, days_between
from partnercheck.rules.improvements import results_unaddressed
from partnercheck.rules.plain import method_words, month_year, value_words

EVALUATION = ElementId.EVALUATION
REVIEW_GRACE_DAYS = 14  # a review a fortnight late is still "on cycle"
LAPSED_CYCLES = 2  # reviews missed for this many cycles: the cycle has lapsed (an error)
# Share of PC602 a late review costs: one review missed; two or more missed (lapsed).
LATE_SHARE = (0.25, 1.0)
_METHODS = ("service-user-feedback", "case-studies", "partner-survey", "performance-indicators")
# Evaluation methods that hear from the people the partnership serves.
_USER_VOICE = re.compile(
    r"(service[- ]?user|user|resident|patient|tenant|pupil|student|parent|famil|community|"
    r"citizen|client|beneficiar|participant|young people|youth|carer|lived experience)"
    r"\w*'?[ -]*(feedback|voice|survey|experience|panel|forum|council|interview|"
    r"focus group|consultation|insight|review|story|stories)|co-?production|"
    r"lived experience|peer research",
    re.IGNORECASE,
)


@rule(
    "PC601",
    element=EVALUATION,
    severity=Severity.ERROR,
    weight=25,
    rationale="""Partnerships that only look at themselves when something goes wrong learn
    too late; "monitor, measure and learn" is one of the six principles of the Nuffield
    Partnership Assessment Tool, and it starts with a fixed review cycle. A file without
    an evaluation section scores 0 on this element.""",
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
    fix = "Agree how often the partners review the partnership together (quarterly or "
    fix += "twice-yearly suits most partnerships)"
    if ev is None:
        yield Hit(
            "No evaluation is defined: no review cycle, methods or indicators",
            ("evaluation",) if "evaluation" in ctx.p.model_fields_set else None,
            "Agree how the partners will review the partnership, with what evidence and "
            "which indicators",
            key="evaluation",
            covers=ELEMENT,
        )
    elif ev.review_frequency is None:
        yield Hit("No review cycle is set", ("evaluation",), fix, key="review_frequency")
    elif ev.review_frequency is Frequency.AD_HOC:
        yield Hit(
            "Reviews are ad hoc, with no fixed cycle",
            ("evaluation", "review_frequency"),
            fix,
            key="review_frequency",
        )


# A frequency as an adjective, for "an annual cycle" (the file's word is an adverb).
CYCLE_WORDS = {"annually": "annual", "biennially": "two-yearly"}


@rule(
    "PC602",
    element=EVALUATION,
    severity=Severity.WARNING,
    weight=45,
    rationale="""A review cycle that is not kept is a review cycle in name only; a lapsed
    review is often the first sign that partners' attention has moved elsewhere, and a
    partnership that has not reviewed itself for two cycles has stopped evaluating. One
    review missed costs a quarter of this rule; two or more missed (or none ever held in
    a partnership that old) cost all of it and are an error.""",
    recommendation="Hold the overdue review and record its date as `evaluation.last_review`.",
    example="""
    evaluation:
      review_frequency: quarterly
      last_review: 2026-10-15
    """,
)
def review_on_cycle(ctx: Context) -> Iterator[Hit | Strength]:
    """The last review is within the review cycle."""
    ev = ctx.p.evaluation
    if ev is None or ev.review_frequency is None or ev.review_frequency.days is None:
        return  # PC601 reports the missing cycle
    cycle = ev.review_frequency.days
    adjective = CYCLE_WORDS.get(ev.review_frequency.value, ev.review_frequency.value)
    label = Term(
        f"the cycle is {ev.review_frequency.value} ({cycle} days)",
        f"reviews are due {value_words(ev.review_frequency)}",
    )
    if ev.last_review is None:
        age = ctx.age_days
        if age is not None and age <= cycle + REVIEW_GRACE_DAYS:
            return  # too young for its first review
        lapsed = age is None or age > LAPSED_CYCLES * cycle + REVIEW_GRACE_DAYS
        yield Hit(
            Say("No review has been recorded; {cycle}", cycle=label),
            ("evaluation",),
            "Hold a review with all partners and record its date",
            LATE_SHARE[1] if lapsed else LATE_SHARE[0],
            key="last_review",
            severity=Severity.ERROR if lapsed else None,
        )
        return
    late = days_between(ev.last_review, ctx.as_of) - cycle
    if late <= REVIEW_GRACE_DAYS:
        if days_between(ev.last_review, ctx.as_of) >= 0 and not results_unaddressed(ctx):
            yield Strength(
                Say("Reviews are kept on their {cycle} cycle", cycle=adjective),
                EVALUATION,
            )
        return
    lapsed = late > (LAPSED_CYCLES - 1) * cycle + REVIEW_GRACE_DAYS
    yield Hit(
        Say(
            "The last review was on {last}; {cycle}{stale}",
            last=ev.last_review,
            cycle=label,
            stale=_stale_statuses(ctx),
        ),
        ("evaluation", "last_review"),
        "Hold the overdue review with all partners and record its date",
        LATE_SHARE[1] if lapsed else LATE_SHARE[0],
        key="last_review",
        severity=Severity.ERROR if lapsed else None,
    )


def review_lapsed(ctx: Context) -> bool:
    """No review held for two cycles or more (the severity PC602 raises to error)."""
    ev = ctx.p.evaluation
    if ev is None or ev.review_frequency is None or ev.review_frequency.days is None:
        return False
    cycle = ev.review_frequency.days
    if ev.last_review is None:
        age = ctx.age_days
        return age is None or age > LAPSED_CYCLES * cycle + REVIEW_GRACE_DAYS
    late = days_between(ev.last_review, ctx.as_of) - cycle
    return late > (LAPSED_CYCLES - 1) * cycle + REVIEW_GRACE_DAYS


def first_review_due(ctx: Context) -> bool:
    """True while a partnership younger than one review cycle has held no review yet."""
    ev = ctx.p.evaluation
    if ev is None or ev.last_review is not None or ctx.age_days is None:
        return False
    cycle = (ev.review_frequency.days if ev.review_frequency else None) or 366
    return ctx.age_days <= cycle + REVIEW_GRACE_DAYS


def _stale_statuses(ctx: Context) -> Term | str:
    """ "; goal statuses were last judged on ..." when the newest judgement is a cycle old."""
    dates = [g.status_date for _, g in ctx.live_goals if g.status_date is not None]
    ev = ctx.p.evaluation
    if not dates or ev is None or ev.review_frequency is None:
        return ""
    newest = max(dates)
    cycle = ev.review_frequency.days or 0
    if days_between(newest, ctx.as_of) <= cycle + REVIEW_GRACE_DAYS:
        return ""
    return Term(
        f"; goal statuses were last judged on {newest.isoformat()}",
        f"; the goals were last judged in {month_year(newest)}",
    )


@rule(
    "PC603",
    element=EVALUATION,
    severity=Severity.WARNING,
    weight=15,
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
        return
    distinct: dict[str, str] = {}  # folded name -> first spelling
    for method in ev.methods:
        distinct.setdefault(method.strip().casefold(), method.strip())
    if not distinct:
        yield Hit(
            "No evaluation methods are recorded",
            ("evaluation",),
            "Agree what evidence reviews draw on: indicators, feedback from the people "
            "served, case studies, partner surveys",
            key="methods",
        )
    elif len(distinct) == 1:
        [(folded, only)] = distinct.items()
        others = [m for m in _METHODS if m != folded][:3]
        used = Term(only, method_words(only))
        yield Hit(
            Say("The evaluation uses only one kind of evidence ({only})", only=used),
            ("evaluation", "methods"),
            Say(
                "Add a second kind of evidence alongside {only}, such as {others}",
                only=used,
                others=Term(_either(others), _either([method_words(m) for m in others])),
            ),
            key="methods",
        )


def _either(parts: list[str]) -> str:
    """ "a, b or c"."""
    return listing(parts).replace(" and ", " or ")


@rule(
    "PC604",
    element=EVALUATION,
    severity=Severity.WARNING,
    weight=15,
    rationale="""An evaluation run by one partner judges the others; when every partner
    takes part, the findings are shared and so is the will to act on them (Wilder's
    "members share a stake in both process and outcome"). A partner that joined after
    the last review is not expected to have taken part.""",
    recommendation="Involve every partner in evaluation and list them under `evaluation.involves`.",
    example="""
    evaluation:
      involves: [council, trust, carers]
    """,
    many="{count} partners take no part in evaluation: {names}",
    many_fix="Agree how each of them will take part in reviews",
)
def partner_evaluates(ctx: Context) -> Iterator[Hit]:
    """Every partner takes part in evaluation."""
    ev = ctx.p.evaluation
    if ev is None:
        return
    expected = [
        (i, x)
        for i, x in ctx.expected("evaluate")
        if not (x.joined and ev.last_review and x.joined > ev.last_review)
    ]
    involved = set(ev.involves)
    if not involved:
        if expected:
            yield Hit(
                "No partner is recorded as taking part in evaluation",
                ("evaluation",),
                "Agree how every partner takes part in reviews",
                key="evaluation.involves",
            )
        return
    for _i, partner in expected:
        if partner.id not in involved:
            who = ctx.who(partner.id)
            planned = under_way(ctx, TAKING_PART_IN_REVIEW, [partner.id, partner.name])
            yield Hit(
                Say("Partner {p} takes no part in evaluation", p=who),
                ("evaluation", "involves"),
                advice_under_way(planned, "brings this partner into the reviews")
                if planned
                else Say("Agree how {p} will take part in reviews", p=who),
                per_item(len(expected)),
                key="evaluation.involves",
                subject=who,
                under_way=planned is not None,
            )


@rule(
    "PC610",
    element=EVALUATION,
    severity=Severity.WARNING,
    weight=10,
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
            Say("The partnership agreement was due for review on {due}", due=due),
            ("partnership", "agreement", "review_due"),
            advice_under_way(planned, "ends with the agreement reviewed and a next review date")
            if (planned := under_way(ctx, REVIEWING_AGREEMENT))
            else "Review the partnership agreement with all partners and set the next review date",
            key="review_due",
            under_way=planned is not None,
        )


@rule(
    "PC611",
    element=EVALUATION,
    severity=Severity.INFO,
    weight=0,
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
    if agreement is not None and agreement.review_due is None and not agreement.statutory:
        yield Hit(
            "No review date is set for the partnership agreement",
            ("partnership", "agreement"),
            "Agree when the partners will review the agreement itself",
            key="review_due",
        )


@rule(
    "PC612",
    element=EVALUATION,
    severity=Severity.WARNING,
    weight=10,
    rationale="""Evaluation of a partnership that serves people draws on what those people
    say: service-user feedback sits beside indicators and case studies as the third kind
    of evidence, and is often the only one that shows how the service feels.""",
    recommendation="Add feedback from the people the partnership serves to `evaluation.methods` "
    "(e.g. service-user-feedback).",
    example="""
    evaluation:
      methods: [performance-indicators, service-user-feedback, case-studies]
    """,
)
def users_heard(ctx: Context) -> Iterator[Hit]:
    """Evaluation hears from the people the partnership serves."""
    ev = ctx.p.evaluation
    # With no methods at all the people served are not heard either: PC603 prices the
    # missing variety, this rule the missing voice, so a first method never costs more.
    if ev is None or not ctx.serves_people:
        return
    if any(_USER_VOICE.search(m) for m in ev.methods):
        return
    served = {x.id for x in ctx.partners if x.standing.value == "beneficiary"}
    served |= {x.id for x in ctx.partners if x.sector is not None and x.sector.value == "community"}
    served |= {m.id for m in ctx.p.members if m.kind.value == "community"}
    if served & set(ev.involves):
        return  # their representatives take part in evaluation
    yield Hit(
        "The evaluation does not hear from the people the partnership serves",
        ("evaluation", "methods") if ev.methods else ("evaluation",),
        "Ask the people the partnership serves how it works for them, and use their answers "
        "in reviews",
        key="methods",
    )
