"""Element 3, communication (PC3xx): open communication and mutual respect."""

from __future__ import annotations

import re
from collections.abc import Iterator

from partnercheck.load.nodes import Path
from partnercheck.model.partnership import Meeting
from partnercheck.results import ChallengeId, ElementId, Severity
from partnercheck.rules.base import Hit, per_item, rule
from partnercheck.rules.context import Context

COMMUNICATION = ElementId.COMMUNICATION

# Words that show the last step of a dispute process is outside the partners' own line.
_INDEPENDENT = re.compile(
    r"\b(independent|mediator|mediation|arbitrator|arbitration|ombudsman|external)", re.I
)


def _at(ctx: Context, *keys: str | int) -> Path | None:
    """Path to ``communication.<keys>``; None when the file has no communication section."""
    if ctx.p.communication is None and "communication" not in ctx.p.model_fields_set:
        return None
    return ("communication", *keys)


def _and(names: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _meetings(ctx: Context) -> list[Meeting]:
    return ctx.p.communication.meetings if ctx.p.communication else []


@rule(
    "PC301",
    element=COMMUNICATION,
    severity=Severity.ERROR,
    weight=3,
    rationale="""Regular meetings are the backbone of partnership communication: the
    Nuffield Partnership Assessment Tool treats a fixed meeting cycle as basic evidence
    of joint working, and partners who only meet when something goes wrong meet as
    adversaries.""",
    recommendation="Set up at least one meeting of the partners on a fixed cycle "
    "(e.g. monthly) and record it under `communication.meetings`.",
    example="""
    communication:
      meetings:
        - name: Steering board
          frequency: monthly
          attendees: [council, nhs, housing]
    """,
)
def regular_meetings(ctx: Context) -> Iterator[Hit]:
    """The partners meet regularly."""
    if ctx.regular_meetings:
        return
    meetings = _meetings(ctx)
    if not meetings:
        yield Hit("No regular meetings between partners are defined", _at(ctx, "meetings"))
        return
    names = ", ".join(m.name for m in meetings)
    yield Hit(
        f"No meeting is held on a regular cycle ({names})",
        ("communication", "meetings"),
        f"Give {meetings[0].name} a fixed `frequency` (e.g. monthly) instead of meeting ad hoc",
    )


@rule(
    "PC302",
    element=COMMUNICATION,
    severity=Severity.WARNING,
    weight=2,
    challenge=ChallengeId.LOGISTICS,
    rationale="""A partner who attends no meeting hears about decisions second-hand and
    cannot shape them; coordinating across organisations works only when every
    organisation is in the room somewhere.""",
    recommendation="Make sure every partner attends at least one meeting and is listed in "
    "its `attendees`.",
    example="""
    communication:
      meetings:
        - name: Steering board
          attendees: [council, nhs, housing]
    """,
)
def partner_attends(ctx: Context) -> Iterator[Hit]:
    """Every partner attends at least one meeting."""
    meetings = _meetings(ctx)
    if not meetings:
        return  # PC301 reports the missing meetings
    invite = meetings[ctx.regular_meetings[0] if ctx.regular_meetings else 0].name
    for i, partner in enumerate(ctx.partners):
        if not ctx.attendance.get(partner.id):
            yield Hit(
                f"Partner {partner.id} attends no meeting",
                ("partners", i),
                f"Invite {partner.id} to {invite} and add it to that meeting's `attendees`",
                per_item(len(ctx.partners)),
            )


@rule(
    "PC303",
    element=COMMUNICATION,
    severity=Severity.WARNING,
    weight=1,
    rationale="""Minutes circulated to every partner are the partnership's shared memory:
    they stop disputes about what was agreed and keep partners who missed a meeting
    informed, which is the transparency that builds trust.""",
    recommendation="Circulate the minutes of every meeting to all partners and record "
    "`minutes_shared: true`.",
    example="""
    communication:
      meetings:
        - name: Steering board
          minutes_shared: true
    """,
)
def minutes_shared(ctx: Context) -> Iterator[Hit]:
    """Minutes of every meeting are shared with all partners."""
    meetings = _meetings(ctx)
    for i, meeting in enumerate(meetings):
        if meeting.minutes_shared is True:
            continue
        state = "are not" if meeting.minutes_shared is False else "are not recorded as"
        yield Hit(
            f"Minutes of {meeting.name} {state} shared with all partners",
            ("communication", "meetings", i, "minutes_shared"),
            f"Circulate the minutes of {meeting.name} to every partner "
            "and set `minutes_shared: true`",
            per_item(len(meetings)),
        )


@rule(
    "PC304",
    element=COMMUNICATION,
    severity=Severity.INFO,
    weight=1,
    rationale="""Bilateral meetings cannot replace a forum where every partner hears the
    same thing at the same time; without one, partners form cliques and the one left
    out learns of decisions last.""",
    recommendation="Bring all partners together at least in one meeting, such as the "
    "board, and list them all in its `attendees`.",
    example="""
    communication:
      meetings:
        - name: Partnership board
          attendees: [council, nhs, housing]
    """,
)
def all_partners_meet(ctx: Context) -> Iterator[Hit]:
    """At least one meeting brings all partners together."""
    meetings = _meetings(ctx)
    if not meetings:
        return
    everyone = set(ctx.partner_ids)
    best, best_present = 0, -1
    for i, meeting in enumerate(meetings):
        present = len(everyone.intersection(meeting.attendees))
        if present == len(everyone):
            return
        if present > best_present:
            best, best_present = i, present
    fullest = meetings[best]
    attending = set(fullest.attendees)
    missing = [pid for pid in ctx.partner_ids if pid not in attending]
    yield Hit(
        f"No meeting brings all {len(everyone)} partners together "
        f"({fullest.name} leaves out {_and(missing)})",
        ("communication", "meetings", best, "attendees"),
        f"Invite {_and(missing)} to {fullest.name} so that all partners meet together",
    )


@rule(
    "PC305",
    element=COMMUNICATION,
    severity=Severity.WARNING,
    weight=1,
    challenge=ChallengeId.LOGISTICS,
    rationale="""Meetings alone are too slow for day-to-day coordination across
    organisations; agreed channels (a shared workspace, a newsletter, named contacts)
    keep information moving between them.""",
    recommendation="List the channels partners use between meetings under "
    "`communication.channels`.",
    example="""
    communication:
      channels:
        - Shared workspace for all programme staff
        - Monthly partner newsletter
    """,
)
def channels_listed(ctx: Context) -> Iterator[Hit]:
    """Communication channels between meetings are listed."""
    if not (ctx.p.communication and ctx.p.communication.channels):
        yield Hit("No communication channels are listed", _at(ctx, "channels"))


@rule(
    "PC306",
    element=COMMUNICATION,
    severity=Severity.WARNING,
    weight=2,
    challenge=ChallengeId.LOGISTICS,
    rationale="""Partners cannot work on shared cases or measure shared goals if each
    organisation's data stays behind its own walls; an agreed information-sharing
    arrangement settles once what may be shared, how, and under which legal basis.""",
    recommendation="Agree how partners share information and data (e.g. a data sharing "
    "agreement) and record it as `communication.information_sharing`.",
    example="""
    communication:
      information_sharing: Data sharing agreement DSA-2024-03 covers tenant health data
    """,
)
def information_sharing(ctx: Context) -> Iterator[Hit]:
    """An information-sharing arrangement is in place."""
    if not (ctx.p.communication and ctx.p.communication.information_sharing):
        yield Hit("No information-sharing arrangement is recorded", _at(ctx, "information_sharing"))


@rule(
    "PC307",
    element=COMMUNICATION,
    severity=Severity.ERROR,
    weight=2,
    challenge=ChallengeId.CONFLICT,
    rationale="""Partners with different priorities and cultures will disagree; what
    matters is that they agreed how to settle disputes before the first one, while
    relations were good, rather than inventing a process in the middle of a conflict.""",
    recommendation="Agree a dispute process and its escalation steps and record them "
    "under `communication.conflict_resolution`.",
    example="""
    communication:
      conflict_resolution:
        process: Disputes go to the steering board; unresolved after 30 days, to an
          independent mediator
        escalation: [steering board, chief executives, independent mediator]
    """,
)
def conflict_process(ctx: Context) -> Iterator[Hit]:
    """A conflict-resolution process is agreed."""
    comm = ctx.p.communication
    cr = comm.conflict_resolution if comm else None
    if cr is None:
        yield Hit("No conflict-resolution process is agreed", _at(ctx, "conflict_resolution"))
    elif cr.process is None and not cr.escalation:
        yield Hit(
            "The conflict-resolution section describes no process",
            ("communication", "conflict_resolution", "process"),
        )


@rule(
    "PC308",
    element=COMMUNICATION,
    severity=Severity.WARNING,
    weight=1,
    challenge=ChallengeId.CONFLICT,
    rationale="""A dispute process that only climbs the partners' own hierarchies can
    deadlock when the chief executives disagree too; ending with an independent
    mediator or arbitrator gives every partner a fair last resort.""",
    recommendation="End the escalation with someone independent of the partners, such "
    "as an independent mediator.",
    example="""
    communication:
      conflict_resolution:
        escalation: [steering board, chief executives, independent mediator]
    """,
)
def independent_escalation(ctx: Context) -> Iterator[Hit]:
    """The dispute process ends with someone independent."""
    comm = ctx.p.communication
    cr = comm.conflict_resolution if comm else None
    if cr is None or (cr.process is None and not cr.escalation):
        return  # PC307 reports the missing process
    if cr.escalation:
        last = cr.escalation[-1]
        if not _INDEPENDENT.search(last):
            yield Hit(
                f"The last escalation step, {last}, is not independent of the partners",
                ("communication", "conflict_resolution", "escalation", len(cr.escalation) - 1),
                f"Add a step after {last}: an independent mediator or arbitrator",
            )
    elif cr.process is not None and not _INDEPENDENT.search(cr.process):
        yield Hit(
            "The conflict-resolution process does not end with anyone independent",
            ("communication", "conflict_resolution", "process"),
            "Add a final step with an independent mediator or arbitrator to the process",
        )
