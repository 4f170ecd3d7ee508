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
    SurveyResult,
)
from partnercheck.rules.base import Rule, ids, listing, names
from partnercheck.rules.context import Subject
from partnercheck.rules.plain import plain_advice
from partnercheck.scoring import Draft, Scored

PRIORITY_COUNT = 3
MATERIAL = 1.0  # an action adding less than a point, to the mean or overall, is no priority

# (overall score, mean of the elements) for a set of drafts, their costs (as priced
# with every draft) and perception scores.
Rescore = Callable[
    [Sequence[Draft], Sequence[float], Mapping[ElementId, float | None]], tuple[float, float]
]


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
            by_rule[d.rule.id].append(i)
    actions = []
    for indexes in by_rule.values():
        keep = set(indexes)
        rest = [d for i, d in enumerate(drafts) if i not in keep]
        costs = [c for i, c in enumerate(scored.costs) if i not in keep]
        overall, mean = rescore(rest, costs, perception)
        gain = round(overall - scored.score, 1)
        first = drafts[indexes[0]]
        subjects = [drafts[i].hit.subject for i in indexes]
        actions.append(
            PriorityAction(
                rule=first.rule.id,
                recommendation=_action(first, subjects, False),
                advice=_action(first, subjects, True),
                gain=gain,
                mean_gain=round(mean - scored.mean, 1),
                element=first.element,
            )
        )
    return actions


def _action(first: Draft, subjects: Sequence[Subject | None], by_name: bool) -> str:
    """The action's words: the finding's own fix, or the rule's fix for all its subjects."""
    named = [s for s in subjects if s is not None]
    if len(subjects) > 1 and first.rule.many_fix and len(named) == len(subjects):
        who = listing([s.name if by_name else s.id for s in named])
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
    rescore_perception: Callable[[Mapping[ElementId, float | None]], tuple[float, float]],
) -> list[PriorityAction]:
    """Low raters and divergences as actions, with the gain if the partner's ratings rose."""
    means: dict[str, dict[str, float]] = defaultdict(dict)
    for cell in survey.table:
        means[cell.area.value][cell.partner] = cell.mean
    actions = []
    for record in survey.records:
        if record.kind not in ("low-rater", "divergence") or record.partner is None:
            continue
        areas = [record.element.value] if record.element else list(means)
        raised = _raised(means, record.partner, areas)
        perception = {e.id: raised.get(e.id.value, e.perception) for e in survey.elements}
        overall, mean = rescore_perception(perception)
        actions.append(
            PriorityAction(
                rule="PC952" if record.kind == "low-rater" else "PC951",
                recommendation=record.recommendation,
                advice=record.advice or record.recommendation,
                gain=max(round(overall - scored.score, 1), 0.0),
                mean_gain=max(round(mean - scored.mean, 1), 0.0),
                element=record.element,
                estimated=True,
            )
        )
    return actions


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


def top(actions: Sequence[PriorityAction], count: int = PRIORITY_COUNT) -> list[PriorityAction]:
    """The actions that do most for the partnership: ranked by what they add to the
    elements (a cap can hide that for now), then by the overall gain; exact before
    estimated on a tie."""
    ranked = sorted(
        (a for a in actions if a.gain >= MATERIAL or a.mean_gain >= MATERIAL),
        key=lambda a: (-a.mean_gain, -a.gain, a.estimated, a.rule),
    )
    return ranked[:count]


def finding_groups(drafts: Sequence[Draft], costs: Sequence[float]) -> list[FindingGroup]:
    """Findings of one rule about several subjects, as one named gap (points summed)."""
    members: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(drafts):
        if not d.suppressed and d.rule.many and d.hit.subject is not None:
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
    name_list = listing([s.name for s in named])
    fix = rule.many_fix or rule.recommendation
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
        advice=f"{plain}: {name_list}",
        subjects=[s.id for s in named],
        points=round(points, 2),
    )
