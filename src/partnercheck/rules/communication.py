"""Element 3, communication (PC3xx): open communication and mutual respect."""

from __future__ import annotations

import re
from collections.abc import Iterator

from partnercheck.load.nodes import Path
from partnercheck.model.partnership import Meeting
from partnercheck.model.types import Frequency
from partnercheck.results import Band, ChallengeId, ElementId, Severity
from partnercheck.rules.aims import SHARING_MINUTES, advice_under_way, under_way
from partnercheck.rules.base import (
    ELEMENT,
    Hit,
    Say,
    Strength,
    Written,
    per_item,
    per_partner,
    rule,
)
from partnercheck.rules.context import Context, Subject
from partnercheck.rules.plain import the

COMMUNICATION = ElementId.COMMUNICATION
SMALL = 3  # partners: three organisations can settle a dispute face to face more easily

# Words that show the last step of a dispute process is outside the partners' own
# line: a mediator, an arbitrator, an expert, a court, a regulator or a minister.
_INDEPENDENT = re.compile(
    r"\b(independent|mediat\w*|arbitrat\w*|ombuds\w*|external|third[- ]party|expert|"
    r"adjudicat\w*|court|tribunal|judge|judicial|regulator|conciliat\w*|"
    r"secretary of state|minister|cedr|acas|national|"
    r"dispute resolution (service|centre|process|procedure|scheme))",
    re.IGNORECASE,
)


def _at(ctx: Context, *keys: str | int) -> Path | None:
    """Path to ``communication.<keys>``; None when the file has no communication section."""
    if ctx.p.communication is None and "communication" not in ctx.p.model_fields_set:
        return None
    return ("communication", *keys)


def _meetings(ctx: Context) -> list[Meeting]:
    return ctx.p.communication.meetings if ctx.p.communication else []


def _nothing_said(ctx: Context) -> bool:
    """No meetings, channels, information sharing or dispute process, and no body that meets."""
    comm = ctx.p.communication
    said = comm is not None and bool(
        comm.meetings or comm.channels or comm.information_sharing or comm.conflict_resolution
    )
    return not said and not ctx.meeting_bodies


@rule(
    "PC301",
    element=COMMUNICATION,
    severity=Severity.ERROR,
    weight=30,
    rationale="""Regular meetings are the backbone of partnership communication: the
    Nuffield Partnership Assessment Tool treats a fixed meeting cycle as basic evidence
    of joint working, and partners who only meet when something goes wrong meet as
    adversaries. A file that says nothing about how partners communicate scores 0 here.""",
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
    if _nothing_said(ctx):
        yield Hit(
            "Nothing is recorded about how the partners communicate",
            _at(ctx),
            "Agree how the partners meet, keep in touch between meetings and settle disputes",
            key="communication",
            covers=ELEMENT,
        )
        return
    if ctx.regular_meetings or ctx.meeting_bodies:
        return
    meetings = _meetings(ctx)
    if not meetings:
        yield Hit(
            "No regular meetings between partners are defined",
            _at(ctx, "meetings"),
            "Set up a meeting of the partners on a fixed cycle, for example monthly",
            key="communication.meetings",
        )
        return
    names = ", ".join(m.name for m in meetings)
    yield Hit(
        Say("No meeting is held on a regular cycle ({names})", names=names),
        ("communication", "meetings"),
        Say(
            "Give {m} a fixed cycle (for example monthly) instead of meeting ad hoc",
            m=the(meetings[0].name),
        ),
        key="frequency",
    )


@rule(
    "PC302",
    element=COMMUNICATION,
    live=True,
    severity=Severity.WARNING,
    weight=20,
    challenge=ChallengeId.LOGISTICS,
    rationale="""A partner who attends no meeting hears about decisions second-hand and
    cannot shape them; coordinating across organisations works only when every
    organisation is in the room somewhere. However large the partnership, such a partner
    costs at least a third of this rule's points.""",
    recommendation="Make sure every partner attends at least one meeting and is listed in "
    "its `attendees`.",
    example="""
    communication:
      meetings:
        - name: Steering board
          attendees: [council, nhs, housing]
    """,
    many="{count} partners attend no meeting: {names}",
    many_fix="Invite each of them to the partnership's main meeting",
)
def partner_attends(ctx: Context) -> Iterator[Hit]:
    """Every partner attends at least one meeting."""
    meetings = _meetings(ctx)
    if not meetings and not ctx.meeting_bodies:
        return  # PC301 reports the missing meetings
    recorded = any(m.attendees for m in meetings) or any(b.seats for b in ctx.meeting_bodies)
    if not recorded:
        yield Hit(
            "No meeting records who attends it",
            ("communication", "meetings"),
            "List which partners attend each meeting",
            0.5,
            key="attendees",
        )
        return
    invite = (
        meetings[ctx.regular_meetings[0] if ctx.regular_meetings else 0].name
        if meetings
        else (ctx.meeting_bodies[0].name or "the partnership's board")
    )
    expected = ctx.expected("attend")
    for i, partner in expected:
        if not ctx.attendance.get(partner.id):
            who = ctx.who(partner.id)
            yield Hit(
                Say("Partner {p} attends no meeting", p=who),
                ("partners", i),
                Say("Invite {p} to {m}", p=who, m=invite),
                per_partner(len(expected)),
                key="attendees",
                subject=who,
            )


# Case-level and operational meetings: their records are confidential or working notes.
_OPERATIONAL = re.compile(
    r"\b(case|cases|mdt|multi-?disciplinary|clinical|huddle|stand-?up|operational|liaison|"
    r"safeguarding|triage|allocation)\b",
    re.IGNORECASE,
)
_FREQUENT = {Frequency.WEEKLY, Frequency.FORTNIGHTLY}


def _main_meetings(ctx: Context) -> list[tuple[int, Meeting]]:
    """Meetings where the partnership as a whole meets and decides: at least half the
    partners expected to attend (or attendees not recorded), not weekly or fortnightly
    working meetings, not case-level or operational meetings."""
    expected = {x.id for _, x in ctx.expected("attend")}
    half = len(expected) / 2
    # A small body that decides for everyone (an executive committee) is where
    # unshared minutes matter most, whatever its size or how often it meets.
    deciding = {b.name.casefold().strip() for b in ctx.bodies if b.name and not b.advisory}
    return [
        (i, m)
        for i, m in enumerate(_meetings(ctx))
        if not _OPERATIONAL.search(m.name)
        and (
            m.name.casefold().strip() in deciding
            or (
                (not m.attendees or len(expected.intersection(m.attendees)) >= half)
                and m.frequency not in _FREQUENT
            )
        )
    ]


@rule(
    "PC303",
    element=COMMUNICATION,
    severity=Severity.WARNING,
    weight=10,
    rationale="""Minutes circulated to every partner are the partnership's shared memory:
    they stop disputes about what was agreed and keep partners who missed a meeting
    informed, which is the transparency that builds trust. Meetings of the partnership as
    a whole are checked, and meetings of any body that decides for it (an executive
    committee of a few partners decides for all); not other meetings of a few partners,
    not weekly or fortnightly working meetings, and not case reviews, whose records are
    confidential.""",
    recommendation="Circulate the minutes of the partnership's meetings to all partners and "
    "record `minutes_shared: true`.",
    example="""
    communication:
      meetings:
        - name: Steering board
          minutes_shared: true
    """,
    many="Minutes of {count} partnership meetings are not shared with all partners: {names}",
    many_fix="Circulate the minutes of each of them to every partner",
)
def minutes_shared(ctx: Context) -> Iterator[Hit]:
    """Minutes of the partnership's meetings are shared with all partners."""
    main = _main_meetings(ctx)
    for i, meeting in main:
        if meeting.minutes_shared is True:
            continue
        unset = meeting.minutes_shared is None
        subject = Subject("meeting", meeting.name, the(meeting.name))
        state = "are not recorded as" if unset else "are not"
        planned = under_way(ctx, SHARING_MINUTES, [meeting.name])
        yield Hit(
            Say("Minutes of {m} " + state + " shared with all partners", m=subject),
            ("communication", "meetings", i, "minutes_shared"),
            advice_under_way(planned, "reaches every partner")
            if planned
            else Say("Circulate the minutes of {m} to every partner", m=subject),
            per_item(len(main)) * (0.5 if unset else 1.0),
            key="minutes_shared",
            subject=subject,
            under_way=planned is not None,
        )


@rule(
    "PC304",
    element=COMMUNICATION,
    severity=Severity.WARNING,
    weight=5,
    rationale="""Bilateral meetings cannot replace a forum where every partner hears the
    same thing at the same time; without one, partners form cliques and the one left
    out learns of decisions last. (Partners who attend no meeting at all are PC302's.)""",
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
    forums: list[tuple[Path, str, set[str]]] = [
        (("communication", "meetings", i, "attendees"), m.name, set(m.attendees))
        for i, m in enumerate(meetings)
        if m.attendees
    ]
    forums += [(b.path, b.name or "the board", set(b.seats)) for b in ctx.bodies if b.seats]
    meeting = {x.id for _, x in ctx.expected("attend") if ctx.attendance.get(x.id)}
    if len(meeting) < 2 or not forums:
        return
    best = max(forums, key=lambda f: len(meeting & f[2]))
    missing = [pid for pid in ctx.partner_ids if pid in meeting and pid not in best[2]]
    if not missing:
        return
    left_out = [ctx.who(pid) for pid in missing]
    yield Hit(
        Say(
            "No meeting brings all {n} partners together ({m} leaves out {who})",
            n=len(meeting),
            m=best[1],
            who=left_out,
        ),
        best[0],
        Say("Invite {who} to {m} so that all partners meet together", who=left_out, m=best[1]),
        key="attendees",
    )


@rule(
    "PC305",
    element=COMMUNICATION,
    severity=Severity.WARNING,
    weight=10,
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
        yield Hit(
            "No communication channels are listed",
            _at(ctx, "channels"),
            "Agree how partners keep in touch between meetings (a shared workspace, a "
            "newsletter, named contacts)",
            key="communication.channels",
        )


@rule(
    "PC306",
    element=COMMUNICATION,
    severity=Severity.WARNING,
    weight=15,
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
        yield Hit(
            "No information-sharing arrangement is recorded",
            _at(ctx, "information_sharing"),
            "Agree how partners share information and data, for example in a data sharing "
            "agreement",
            key="communication.information_sharing",
        )


@rule(
    "PC307",
    element=COMMUNICATION,
    severity=Severity.ERROR,
    weight=25,
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
    fix = "Agree, while relations are good, how disputes between partners will be settled"
    if cr is None:
        yield Hit(
            "No conflict-resolution process is agreed",
            _at(ctx, "conflict_resolution"),
            fix,
            key="communication.conflict_resolution",
        )
    elif cr.process is None and not cr.escalation:
        yield Hit(
            "The conflict-resolution section describes no process",
            ("communication", "conflict_resolution"),
            fix,
            key="communication.conflict_resolution.process",
        )


@rule(
    "PC308",
    element=COMMUNICATION,
    severity=Severity.WARNING,
    weight=10,
    challenge=ChallengeId.CONFLICT,
    rationale="""A dispute process that only climbs the partners' own hierarchies can
    deadlock when the chief executives disagree too; ending with someone independent
    (a mediator, an arbitrator, an expert, a court or a regulator) gives every partner a
    fair last resort. In a partnership of three or fewer it costs half: small groups
    settle more face to face.""",
    recommendation="End the escalation with someone independent of the partners, such "
    "as an independent mediator.",
    example="""
    communication:
      conflict_resolution:
        escalation: [steering board, chief executives, independent mediator]
    """,
)
def independent_escalation(ctx: Context) -> Iterator[Hit | Strength]:
    """The dispute process ends with someone independent."""
    comm = ctx.p.communication
    cr = comm.conflict_resolution if comm else None
    if cr is None or (cr.process is None and not cr.escalation):
        return  # PC307 reports the missing process
    small = 0.5 if len(ctx.active) <= SMALL else 1.0
    if cr.escalation:
        last = cr.escalation[-1]
        if _INDEPENDENT.search(last):
            if not any(_LITIGATION.search(t) for _, t in _dispute_texts(ctx)):
                yield Strength(
                    "Disputes end with someone independent of the partners", COMMUNICATION
                )
            return
        yield Hit(
            Written(
                f"The last escalation step, {last}, is not independent of the partners",
                f"The last step for settling disputes, {the(last)}, is made up of the "
                "partners themselves",
            ),
            ("communication", "conflict_resolution", "escalation", len(cr.escalation) - 1),
            Written(
                f"Add a step after {last}: an independent mediator or arbitrator",
                f"Add an independent mediator or expert after {the(last)}",
            ),
            small,
            key="escalation",
        )
    elif cr.process is not None and not _INDEPENDENT.search(cr.process):
        yield Hit(
            "The conflict-resolution process does not end with anyone independent",
            ("communication", "conflict_resolution", "process"),
            "Add a final step with an independent mediator or arbitrator",
            small,
            key="conflict_resolution.process",
        )


# What an active dispute between partners reads like: statements of fact (someone has
# sued, a claim was issued, a trial is listed), never the nouns a dispute *process* uses
# ("a formal dispute notice", "unresolved disputes go to litigation").
_LITIGATION = re.compile(
    r"\b(sued|sues|suing|counter-?claimed|"
    r"trial (is |has been |was )?(listed|set|scheduled)|"
    r"(issued|filed|brought|started|commenced|began|lodged)\b[^.;]{0,40}?\b(proceedings|"
    r"legal action|court action|lawsuit|claim|counter-?claim)|"
    r"(proceedings|lawsuit|legal action|claim|counter-?claim) (was |were |have been |has been "
    r"|are |is )?(issued|filed|lodged|brought|under way|pending|started)|"
    r"(are|is|remain|remains|went|entered) (now )?in (litigation|arbitration|court)\b|"
    r"litigation (is |has )?(under way|ongoing|pending|began|begun|started)|"
    r"(sent|served|issued|gave|given) (a |an )?(formal |written )?notice of (termination|"
    r"dispute)|(is|are|was|were) (disputing|withholding)|(it|they) disputes? the|"
    r"terminated (the agreement|the contract|for cause)|"
    r"termination[^.;]{0,40}\b(is |was |being )?(contested|disputed|challenged)|"
    r"(is|are) in dispute with|"
    r"dispute (is |has been |remains )(pending|unresolved|ongoing|outstanding))",
    re.IGNORECASE,
)
# "Risk of litigation if ...", "any partner may issue proceedings": what could happen.
_HYPOTHETICAL = re.compile(
    r"\b(risk of|could|may|might|possible|potential|if|shall|will|would|can|should|must|"
    r"any|where|when|whenever|unless|in the event)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


def _dispute_texts(ctx: Context) -> Iterator[tuple[Path, str]]:
    comm = ctx.p.communication
    if comm and comm.conflict_resolution and comm.conflict_resolution.process:
        yield ("communication", "conflict_resolution", "process"), comm.conflict_resolution.process
    agreement = ctx.p.partnership.agreement
    if agreement and agreement.exit_terms:
        yield ("partnership", "agreement", "exit_terms"), agreement.exit_terms
    for i, risk in enumerate(ctx.p.risks):
        if risk.challenge.value == "conflict":
            yield ("risks", i, "description"), risk.description


@rule(
    "PC309",
    element=COMMUNICATION,
    live=True,
    cap=Band.AT_RISK,
    severity=Severity.ERROR,
    weight=40,
    challenge=ChallengeId.CONFLICT,
    rationale="""Partners suing each other, or contesting a termination, have stopped
    settling their differences as partners: every other arrangement in the file now runs
    through lawyers. The file is read for what has happened (a claim issued, a trial
    listed, notice served), not for what a dispute process would do. It holds the band at
    at-risk at best, and critical while results also fall short.""",
    recommendation="Seek an independent mediated settlement, and agree with the partners "
    "whether and how the partnership continues.",
    example="""
    communication:
      conflict_resolution:
        process: Disputes go to the board; if unresolved after 30 days, to CEDR mediation
    """,
)
def no_dispute_in_litigation(ctx: Context) -> Iterator[Hit]:
    """No dispute between partners is in litigation or a contested termination."""
    for path, text in _dispute_texts(ctx):
        found = _LITIGATION.search(text)
        if found is None:
            continue
        sentence_start = max([0] + [m.end() for m in _SENTENCE_END.finditer(text[: found.start()])])
        if _HYPOTHETICAL.search(text[sentence_start : found.start()]):
            continue
        yield Hit(
            Say("The partners are in a legal dispute: {excerpt}", excerpt=_excerpt(text, found)),
            path,
            "Seek an independent, mediated settlement and agree whether and how the "
            "partnership continues",
            key="communication.conflict_resolution",
        )
        return


def _excerpt(text: str, found: re.Match[str], limit: int = 220) -> str:
    """The whole sentence that states the dispute, cut only at a word boundary."""
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text) if m.end() <= found.start()]
    start = starts[-1]
    end_match = _SENTENCE_END.search(text, found.end())
    end = len(text) if end_match is None else end_match.start()
    sentence = " ".join(text[start:end].split()).rstrip(";")
    sentence = sentence[:1].upper() + sentence[1:]
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0] + " …"
    return f"“{sentence}”"
