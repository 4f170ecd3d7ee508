"""A goal missing most of its basics reads as one gap for a client: it is not yet defined.

Five findings (no indicator, no starting value, no target, no due date, no owner) about
one goal are one thing to put right, and a board reading five bullets that repeat the
goal's name each time sees the paperwork, not the point. The details keep each finding.
"""

from __future__ import annotations

from collections.abc import Sequence

from partnercheck.results import FileResult, Finding

# What each finding says the goal lacks, in the order a goal is defined.
GAP_WORDS = {
    "PC102": "indicator",
    "PC103": "starting value",
    "PC104": "target",
    "PC105": "due date",
    "PC106": "owner",
}
MERGE_AT = 3  # a goal lacking this many of its basics is not yet defined
NAME_WORDS = 8


def undefined_goals(findings: Sequence[Finding]) -> dict[str, list[Finding]]:
    """Goal id -> its basic-gap findings, for goals lacking at least MERGE_AT basics."""
    by_goal: dict[str, list[Finding]] = {}
    for f in findings:
        if f.rule in GAP_WORDS and f.subject is not None:
            by_goal.setdefault(f.subject, []).append(f)
    return {goal: found for goal, found in by_goal.items() if len(found) >= MERGE_AT}


def _listing(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def describe(result: FileResult, goal: str, found: Sequence[Finding]) -> tuple[str, str]:
    """(what the client reads, what to do) for one undefined goal."""
    record = next((g for g in result.goals if g.id == goal), None)
    words = (record.objective if record else goal).split()
    name = " ".join(words[:NAME_WORDS]) + ("…" if len(words) > NAME_WORDS else "")
    lacks = [GAP_WORDS[r] for r in GAP_WORDS if any(f.rule == r for f in found)]
    text = f"Goal “{name}” is not yet defined: it has no {_listing(lacks)}"
    advice = f"Agree with the partners its {_listing(lacks).replace(' or ', ' and ')}"
    return text, advice
