"""Cross-references inside a partnership: ids must be unique and must exist.

Partner and member ids share one id space. Places that name "who" accept a
partner or a member (a member may chair, vote, sit on a body, attend or own an
action); places that are about the partners' own commitments (goals, vision,
evaluation, workstreams, roles) accept partners only, so that a typo of a
member's id is not silently read as a partner's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from partnercheck.errors import Hints
from partnercheck.load.nodes import Path, format_path
from partnercheck.model.partnership import Partnership
from partnercheck.textsafe import excerpt

# (path of the offending node, message, whether the node is a mapping key)
Problem = tuple[Path, str, bool]
PARTNER, ANYONE = "partner", "partner or member"


def check_references(p: Partnership) -> list[Problem]:
    problems: list[Problem] = []
    people = _unique(
        [(("partners", i, "id"), x.id) for i, x in enumerate(p.partners)]
        + [(("members", i, "id"), m.id) for i, m in enumerate(p.members)],
        "partner or member",
        problems,
    )
    partner_ids = {x.id for x in p.partners}
    goal_ids = _unique(
        ((("goals", i, "id"), g.id) for i, g in enumerate(p.goals)), "goal", problems
    )
    _unique(
        ((("workstreams", i, "id"), w.id) for i, w in enumerate(p.workstreams)),
        "workstream",
        problems,
    )
    if p.governance:
        _unique(
            ((("governance", "bodies", i, "id"), b.id) for i, b in enumerate(p.governance.bodies)),
            "body",
            problems,
        )
    hint = Hints()
    for path, ref, on_key, allowed in _people_refs(p):
        known = partner_ids if allowed == PARTNER else people
        if ref in known:
            continue
        if allowed == PARTNER and ref in people:
            message = f"{excerpt(ref)} is a member, not a partner; only partners can be named here"
        else:
            message = f"unknown {allowed} {excerpt(ref)}{hint(ref, known)}"
        problems.append((path, message, on_key))
    for path, ref in _goal_refs(p):
        if ref not in goal_ids:
            problems.append((path, f"unknown goal {excerpt(ref)}{hint(ref, goal_ids)}", False))
    problems.extend(_shape_problems(p))
    return problems


def _shape_problems(p: Partnership) -> Iterator[Problem]:
    """Combinations of keys that contradict each other."""
    gov = p.governance
    if gov and gov.decision_making is not None and gov.bodies:
        yield (
            ("governance", "decision_making"),
            "give either decision_making (one body) or bodies (several), not both; "
            "list this body under bodies",
            True,
        )
    if gov and gov.chair and gov.chair.partner and gov.chair.member:
        yield (("governance", "chair", "member"), "name the chair once: partner or member", True)
    for i, partner in enumerate(p.partners):
        if partner.joined and partner.left and partner.left < partner.joined:
            yield (("partners", i, "left"), "left is before joined", False)
    for i, goal in enumerate(p.goals):
        if goal.status_date and not goal.status:
            yield (("goals", i, "status_date"), "status_date is given but no status", True)
    if p.evaluation:
        for i, kpi in enumerate(p.evaluation.kpis):
            dates = [r.date for r in kpi.readings]
            if dates != sorted(dates):
                yield (
                    ("evaluation", "kpis", i, "readings"),
                    "readings must be in date order, oldest first",
                    True,
                )


def _unique(items: Iterable[tuple[Path, str]], what: str, problems: list[Problem]) -> set[str]:
    seen: dict[str, Path] = {}
    for path, value in items:
        if value in seen:
            problems.append(
                (path, f"duplicate {what} id {excerpt(value)} (also {_show(seen[value])})", False)
            )
        else:
            seen[value] = path
    return set(seen)


def _show(path: Path) -> str:
    return format_path(path[:-1])


def _people_refs(p: Partnership) -> Iterator[tuple[Path, str, bool, str]]:
    """Every place that names a partner or member id: (path, id, on a key?, who is allowed)."""
    for i, goal in enumerate(p.goals):
        if goal.owner:
            yield ("goals", i, "owner"), goal.owner, False, PARTNER
        for j, pid in enumerate(goal.shared_by):
            yield ("goals", i, "shared_by", j), pid, False, PARTNER
    if p.vision:
        for j, pid in enumerate(p.vision.agreed_by):
            yield ("vision", "agreed_by", j), pid, False, PARTNER
    if p.communication:
        for i, meeting in enumerate(p.communication.meetings):
            for j, pid in enumerate(meeting.attendees):
                yield ("communication", "meetings", i, "attendees", j), pid, False, ANYONE
    if p.governance:
        yield from _governance_refs(p)
    for i, role in enumerate(p.roles):
        yield ("roles", i, "partner"), role.partner, False, ANYONE
    for i, ws in enumerate(p.workstreams):
        if ws.lead:
            yield ("workstreams", i, "lead"), ws.lead, False, PARTNER
        for j, pid in enumerate(ws.partners):
            yield ("workstreams", i, "partners", j), pid, False, PARTNER
    if p.evaluation:
        for j, pid in enumerate(p.evaluation.involves):
            yield ("evaluation", "involves", j), pid, False, ANYONE
        for i, action in enumerate(p.evaluation.improvements):
            if action.owner:
                yield ("evaluation", "improvements", i, "owner"), action.owner, False, ANYONE
    for i, risk in enumerate(p.risks):
        if risk.owner:
            yield ("risks", i, "owner"), risk.owner, False, ANYONE


def _governance_refs(p: Partnership) -> Iterator[tuple[Path, str, bool, str]]:
    g = p.governance
    assert g is not None
    if g.lead_partner:
        yield ("governance", "lead_partner"), g.lead_partner, False, PARTNER
    if g.decision_making:
        for pid in g.decision_making.votes:
            yield ("governance", "decision_making", "votes", pid), pid, True, ANYONE
    for i, body in enumerate(g.bodies):
        for j, pid in enumerate(body.members):
            yield ("governance", "bodies", i, "members", j), pid, False, ANYONE
        for pid in body.votes:
            yield ("governance", "bodies", i, "votes", pid), pid, True, ANYONE
        if body.chair:
            yield ("governance", "bodies", i, "chair"), body.chair, False, ANYONE
    if g.chair and g.chair.partner:
        yield ("governance", "chair", "partner"), g.chair.partner, False, PARTNER
    if g.chair and g.chair.member:
        yield ("governance", "chair", "member"), g.chair.member, False, ANYONE


def _goal_refs(p: Partnership) -> Iterator[tuple[Path, str]]:
    if p.evaluation:
        for i, kpi in enumerate(p.evaluation.kpis):
            if kpi.goal is not None:
                yield ("evaluation", "kpis", i, "goal"), kpi.goal
    for i, ws in enumerate(p.workstreams):
        for j, gid in enumerate(ws.goals):
            yield ("workstreams", i, "goals", j), gid
    if p.evaluation:
        for i, action in enumerate(p.evaluation.improvements):
            for j, gid in enumerate(action.goals):
                yield ("evaluation", "improvements", i, "goals", j), gid
