"""Challenge: logistics of coordinating across organisations (PC73x), element 3.

Every partner added multiplies the lines of communication. Partners outside
every meeting (PC302), no channels (PC305) and no information sharing (PC306)
are tagged logistics by the communication element; this module checks that a
large partnership has the structure its size needs.
"""

from __future__ import annotations

from collections.abc import Iterator

from partnercheck.results import ChallengeId, ElementId, Severity
from partnercheck.rules.base import Hit, rule
from partnercheck.rules.context import Context

COMMUNICATION = ElementId.COMMUNICATION
LOGISTICS = ChallengeId.LOGISTICS

LARGE = 6  # partners from which coordination needs structure
STRUCTURES_NEEDED = 3  # of the four in structures()


def structures(ctx: Context) -> dict[str, bool]:
    """The coordination structures PC731 counts."""
    p = ctx.p
    active = [x.id for _, x in ctx.active]
    with_roles = sum(1 for pid in active if ctx.roles_of.get(pid))
    return {
        "a regular meeting": bool(ctx.regular_meetings or ctx.meeting_bodies),
        "a decision-making body": any(b.name for b in ctx.bodies),
        "roles for at least half the partners": 2 * with_roles >= len(active),
        "a communication channel": bool(p.communication and p.communication.channels),
    }


@rule(
    "PC731",
    element=COMMUNICATION,
    challenge=LOGISTICS,
    severity=Severity.WARNING,
    weight=0,
    rationale="""Two or three organisations can coordinate by phone; six or more cannot.
    Each partner added multiplies the conversations needed, so larger partnerships rely
    on structure: a regular meeting, a body that decides, clear roles and a common
    channel. Without most of these, arranging anything takes longer than doing it. Each
    missing structure is priced by its own rule; this finding costs nothing itself and
    names the logistics challenge they add up to.""",
    recommendation="Put coordination structure in place: a regular meeting, a "
    "decision-making body, roles for each partner and a shared channel.",
    example="""
    communication:
      meetings:
        - name: Partnership board
          frequency: monthly
      channels: [Shared workspace]
    governance:
      decision_making:
        body: Partnership board
    """,
)
def structure_for_size(ctx: Context) -> Iterator[Hit]:
    """A large partnership has the structure to coordinate its partners."""
    count = len(ctx.active)
    if count < LARGE:
        return
    facts = structures(ctx)
    present = sum(facts.values())
    if present >= STRUCTURES_NEEDED:
        return
    missing = [name for name, ok in facts.items() if not ok]
    yield Hit(
        f"{count} partners but only {present} of {len(facts)} coordination structures; "
        f"missing: {', '.join(missing)}",
        ("partners",),
        f"With {count} partners, add {', '.join(missing)}",
    )
