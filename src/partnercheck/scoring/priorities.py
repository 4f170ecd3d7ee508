"""Priority actions and finding groups: what to do first, and one gap named once.

A priority's gain is exactly what doing what it names earns: the overall score
(cap included) recomputed without the findings it fixes, minus the score now.
Survey findings become priorities too; their gain is an estimate (the partner's
ratings rising to the other partners' level), and is marked as such.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from statistics import fmean

from partnercheck.results import (
    ElementId,
    FindingGroup,
    PriorityAction,
    Severity,
    SurveyResult,
)
from partnercheck.rules.base import Rule, few, ids, listing, names
from partnercheck.rules.context import Subject
from partnercheck.rules.plain import plain_advice
from partnercheck.scoring import BAND_ORDER, Draft, Headline, Scored
from partnercheck.survey.results import SurveyRecord

PRIORITY_COUNT = 3
MATERIAL = 1.0  # an action adding less than a point, to the mean or overall, is no priority
NAMED_INLINE = 3  # up to this many subjects are named in the action's sentence itself

# The headline again for a set of drafts, their costs (as priced with every draft) and
# perception scores.
Rescore = Callable[[Sequence[Draft], Sequence[float], Mapping[ElementId, float | None]], Headline]
# Rules whose findings one action fixes: agreeing improvement actions for a failing goal
# (PC614) is what reviewing it with the partners (PC111) asks for.
SAME_ACTION = {"PC614": "PC111"}


def _eases(before: Scored, after: Scored | Headline) -> bool:
    """Whether ``after``'s cap is gone or looser than ``before``'s."""
    if before.cap is None:
        return False
    return after.cap is None or BAND_ORDER.index(after.cap.band) < BAND_ORDER.index(before.cap.band)


def document_priorities(
    drafts: Sequence[Draft],
    scored: Scored,
    perception: Mapping[ElementId, float | None],
    rescore: Rescore,
) -> list[PriorityAction]:
    """One candidate action per rule that costs points, with its exact gain (overall score,
    cap included) and what it adds to the elements' mean (cap aside)."""
    by_rule: dict[str, list[int]] = defaultdict(list)
    for i, (d, cost) in enumerate(zip(drafts, scored.costs, strict=True)):
        if cost > 0:
            key = SAME_ACTION.get(d.rule.id, d.rule.id)
            by_rule[f"{key} under way" if d.hit.under_way else key].append(i)
    actions = []
    for key, indexes in by_rule.items():
        rule_id = key.removesuffix(" under way")
        keep = set(indexes)
        rest = [d for i, d in enumerate(drafts) if i not in keep]
        costs = [c for i, c in enumerate(scored.costs) if i not in keep]
        again = rescore(rest, costs, perception)
        own = [i for i in indexes if drafts[i].rule.id == rule_id] or indexes
        first = drafts[own[0]]
        subjects = [drafts[i].hit.subject for i in own]
        actions.append(
            PriorityAction(
                rule=first.rule.id,
                recommendation=_action(first, subjects, False),
                advice=_action(first, subjects, True),
                gain=round(again.score - scored.score, 1),
                mean_gain=round(again.mean - scored.mean, 1),
                element=first.element,
                lifts_cap=_eases(scored, again),
                caps_alone=any(drafts[i].rule.cap is not None for i in indexes),
                under_way=first.hit.under_way,
                serious=any(drafts[i].severity is Severity.ERROR for i in indexes),
            )
        )
    return actions


NAMED_GOALS = 3  # more goals without a result are counted, not named, in the step


def track_record_step(
    scored: Scored, lifted: Scored, reviewed: bool, unrecorded: Sequence[Subject], goals: int
) -> PriorityAction | None:
    """The step that lifts a cap held for want of a track record, which no finding prices:
    ``lifted`` is the score with every goal's result on record and a review held;
    ``unrecorded`` the goals (of ``goals``) with no result or reading yet."""
    gain = round(lifted.score - scored.score, 1)
    if not _eases(scored, lifted) or gain < MATERIAL:
        return None

    def words(by_name: bool) -> str:
        if len(unrecorded) == goals or not unrecorded:
            which = "each goal is"
        elif len(unrecorded) > NAMED_GOALS:
            which = f"the {len(unrecorded)} goals with nothing on record are"
        else:
            names = listing([g.name if by_name else g.id for g in unrecorded])
            which = f"{names} {'is' if len(unrecorded) == 1 else 'are'}"
        record = f"record how {which} doing (a result, or KPI readings against a target)"
        text = record if reviewed else f"hold the first review and {record}"
        return f"{text[0].upper()}{text[1:]}; the headline cannot be strong without results"

    return PriorityAction(
        rule="track-record",
        recommendation=words(False),
        advice=words(True),
        gain=gain,
        mean_gain=0.0,
        element=ElementId.EVALUATION,
        estimated=True,  # assumes the results, once recorded, are on course
        lifts_cap=True,
    )


def _action(first: Draft, subjects: Sequence[Subject | None], by_name: bool) -> str:
    """The action's words: the finding's own fix, or the rule's fix for all its subjects."""
    named = [s for s in subjects if s is not None]
    if len(subjects) > 1 and first.rule.many_fix and len(named) == len(subjects):
        who = few([s.name for s in named]) if by_name else listing([s.id for s in named])
        if "each of them" in first.rule.many_fix and len(named) <= NAMED_INLINE:
            # "Confirm the vision with A, B and C", not "with each of them: A, B and C".
            return first.rule.many_fix.replace("each of them", who, 1)
        return f"{first.rule.many_fix}: {who}"
    if len(subjects) > 1:
        rule = first.rule
        return plain_advice(rule.id, rule.recommendation) if by_name else rule.recommendation
    if by_name and first.hit.fix is None:
        return plain_advice(first.rule.id, first.rule.recommendation)
    fix = first.recommendation
    return names(fix) if by_name else ids(fix)


def survey_priorities(
    survey: SurveyResult,
    scored: Scored,
    rescore_perception: Callable[[Mapping[ElementId, float | None]], Headline],
) -> list[PriorityAction]:
    """Low raters and divergences as actions, with the gain if the partner's ratings rose.

    Records giving the same advice (one partner apart from the others in several areas)
    are one action over all their areas: the same sentence three times is not three
    priorities."""
    means: dict[str, dict[str, float]] = defaultdict(dict)
    for cell in survey.table:
        means[cell.area.value][cell.partner] = cell.mean
    same: dict[tuple[str, str, str], list[SurveyRecord]] = defaultdict(list)
    for record in survey.records:
        if record.kind in ("low-rater", "divergence") and record.partner is not None:
            same[(record.kind, record.partner, record.recommendation)].append(record)
    actions = []
    for (kind, partner, recommendation), records in same.items():
        areas = list(means) if kind == "low-rater" else [_area(r) for r in records]
        raised = _raised(means, partner, areas)
        perception = {e.id: raised.get(e.id.value, e.perception) for e in survey.elements}
        again = rescore_perception(perception)
        elements = {r.element for r in records}
        actions.append(
            PriorityAction(
                rule="PC952" if kind == "low-rater" else "PC951",
                recommendation=recommendation,
                advice=records[0].advice or recommendation,
                gain=max(round(again.score - scored.score, 1), 0.0),
                mean_gain=max(round(again.mean - scored.mean, 1), 0.0),
                element=elements.pop() if len(elements) == 1 else None,
                estimated=True,
                lifts_cap=_eases(scored, again),
            )
        )
    return actions


def _area(record: SurveyRecord) -> str:
    """The element or challenge a divergence is about."""
    area = record.element or record.challenge
    return area.value if area is not None else ""


def _raised(
    means: Mapping[str, Mapping[str, float]], partner: str, areas: Sequence[str]
) -> dict[str, float]:
    """Perception scores of ``areas`` if ``partner``'s means rose to the others' mean."""
    out = {}
    for area in areas:
        cells = means.get(area, {})
        others = [m for p, m in cells.items() if p != partner]
        if partner not in cells or not others:
            continue
        lifted = {p: (max(m, fmean(others)) if p == partner else m) for p, m in cells.items()}
        out[area] = round((fmean(lifted.values()) - 1.0) / 4.0 * 100.0, 1)
    return out


def top(
    actions: Sequence[PriorityAction], count: int = PRIORITY_COUNT, fallback: bool = True
) -> list[PriorityAction]:
    """The actions that do most for the partnership. What lifts the cap on the headline
    comes first, by its overall gain, then what would cap it on its own (a legal
    dispute); then serious findings, then the rest by what they add to the elements (a
    cap can hide that for now), then by the overall gain; exact before estimated on a tie.
    Advice already given is not given twice. Actions worth less than a point are left out,
    unless there is nothing else and ``fallback`` (the file is not strong): then the best
    of them is the one priority."""
    material = [a for a in actions if a.gain >= MATERIAL or a.mean_gain >= MATERIAL]
    if not material and fallback:
        # Never leave a board short of strong with nothing to do while findings cost
        # points: the one action that does most, however small. A strong partnership is
        # not handed a trifle as its priority.
        material = sorted(
            (a for a in actions if a.gain > 0 or a.mean_gain > 0),
            key=lambda a: (-a.mean_gain, -a.gain, a.estimated, a.rule),
        )[:1]
    ranked = sorted(
        material,
        key=lambda a: (
            not a.lifts_cap,
            not a.caps_alone,  # partners in litigation: the dispute before the paperwork
            a.under_way,  # what nobody has started before what is already in hand
            not a.serious,  # a serious finding before housekeeping of the same size
            -(a.gain if a.lifts_cap else a.mean_gain),
            -a.gain,
            a.estimated,
            a.rule,
        ),
    )
    chosen: list[PriorityAction] = []
    for action in ranked:
        said = action.advice or action.recommendation
        if all(said != (c.advice or c.recommendation) for c in chosen):
            chosen.append(action)
    return chosen[:count]


def finding_groups(drafts: Sequence[Draft], costs: Sequence[float]) -> list[FindingGroup]:
    """Findings of one rule about several subjects, as one named gap (points summed)."""
    members: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(drafts):
        # A finding whose advice credits an action under way keeps its own advice.
        if not d.suppressed and d.rule.many and d.hit.subject is not None and not d.hit.under_way:
            members[d.rule.id].append(i)
    groups = []
    for _rule_id, indexes in members.items():
        if len(indexes) < 2:
            continue
        first = drafts[indexes[0]]
        subjects = [drafts[i].hit.subject for i in indexes]
        groups.append(_group(first.rule, first, subjects, sum(costs[i] for i in indexes)))
    return groups


def _group(
    rule: Rule, first: Draft, subjects: Sequence[Subject | None], points: float
) -> FindingGroup:
    named = [s for s in subjects if s is not None]
    id_list = listing([s.id for s in named])
    name_list = few([s.name for s in named])
    fix = rule.many_fix or rule.recommendation
    # The text has just named them: "each of them" needs no second list.
    plain = rule.many_fix or plain_advice(rule.id, rule.recommendation).rstrip(".")
    return FindingGroup(
        id=rule.id,
        rule=rule.id,
        severity=first.severity,
        element=first.element,
        challenge=rule.challenge or first.hit.challenge,
        message=rule.many.format(count=len(named), names=id_list),
        text=rule.many.format(count=len(named), names=name_list),
        recommendation=f"{fix}: {id_list}",
        advice=plain,
        subjects=[s.id for s in named],
        points=round(points, 2),
    )
