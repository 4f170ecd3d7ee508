"""Cross-references inside a partnership: ids must be unique and must exist."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from partnercheck.errors import did_you_mean
from partnercheck.load.nodes import Path, format_path
from partnercheck.model.partnership import Partnership

# (path of the offending node, message, whether the node is a mapping key)
Problem = tuple[Path, str, bool]


def check_references(p: Partnership) -> list[Problem]:
    problems: list[Problem] = []
    partner_ids = _unique(
        ((("partners", i, "id"), x.id) for i, x in enumerate(p.partners)), "partner", problems
    )
    goal_ids = _unique(
        ((("goals", i, "id"), g.id) for i, g in enumerate(p.goals)), "goal", problems
    )
    known_partners = sorted(partner_ids)
    for path, ref, on_key in _partner_refs(p):
        if ref not in partner_ids:
            hint = did_you_mean(ref, known_partners)
            problems.append((path, f"unknown partner {ref!r}{hint}", on_key))
    if p.evaluation:
        for i, kpi in enumerate(p.evaluation.kpis):
            if kpi.goal is not None and kpi.goal not in goal_ids:
                hint = did_you_mean(kpi.goal, sorted(goal_ids))
                problems.append(
                    (("evaluation", "kpis", i, "goal"), f"unknown goal {kpi.goal!r}{hint}", False)
                )
    return problems


def _unique(items: Iterable[tuple[Path, str]], what: str, problems: list[Problem]) -> set[str]:
    seen: dict[str, Path] = {}
    for path, value in items:
        if value in seen:
            problems.append(
                (path, f"duplicate {what} id {value!r} (also {_show(seen[value])})", False)
            )
        else:
            seen[value] = path
    return set(seen)


def _show(path: Path) -> str:
    return format_path(path[:-1])


def _partner_refs(p: Partnership) -> Iterator[tuple[Path, str, bool]]:
    """Every place that names a partner id, with its path."""
    for i, goal in enumerate(p.goals):
        if goal.owner:
            yield ("goals", i, "owner"), goal.owner, False
        for j, pid in enumerate(goal.shared_by):
            yield ("goals", i, "shared_by", j), pid, False
    if p.vision:
        for j, pid in enumerate(p.vision.agreed_by):
            yield ("vision", "agreed_by", j), pid, False
    if p.communication:
        for i, meeting in enumerate(p.communication.meetings):
            for j, pid in enumerate(meeting.attendees):
                yield ("communication", "meetings", i, "attendees", j), pid, False
    if p.governance:
        g = p.governance
        if g.lead_partner:
            yield ("governance", "lead_partner"), g.lead_partner, False
        if g.decision_making:
            for pid in g.decision_making.votes:
                yield ("governance", "decision_making", "votes", pid), pid, True
        if g.chair and g.chair.partner:
            yield ("governance", "chair", "partner"), g.chair.partner, False
    for i, role in enumerate(p.roles):
        yield ("roles", i, "partner"), role.partner, False
    if p.evaluation:
        for j, pid in enumerate(p.evaluation.involves):
            yield ("evaluation", "involves", j), pid, False
        for i, action in enumerate(p.evaluation.improvements):
            if action.owner:
                yield ("evaluation", "improvements", i, "owner"), action.owner, False
    for i, risk in enumerate(p.risks):
        if risk.owner:
            yield ("risks", i, "owner"), risk.owner, False
