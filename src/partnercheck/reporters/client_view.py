"""What a client report shows, shaped once for rich, Markdown and HTML.

Client reports speak of partners, goals and meetings by name and say what to do
in plain words (each finding's ``text`` and ``advice``); rule ids, YAML paths
and line numbers go to a numbered details part that each finding points to.
A gap shared by several partners is one item (its group), priced as the sum of
its members. Nothing here makes a number: every figure comes from the result.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from partnercheck.reporters.undefined_goals import GAP_WORDS, describe, undefined_goals
from partnercheck.results import (
    ELEMENT_TITLES,
    ElementId,
    FileResult,
    Finding,
    FindingGroup,
    PartnerRecord,
    PriorityAction,
    RiskRecord,
    Severity,
)

# The four depths of collaboration, shallowest first, and a depth's place among them.
DEPTHS = ("networking", "coordination", "cooperation", "partnership")
DEPTH_PLACES = ("the shallowest", "the second", "the third", "the deepest")

# Severity as a board reads it; the CI word stays in the details part.
SEVERITY_WORDS = {Severity.ERROR: "serious", Severity.WARNING: "important", Severity.INFO: "note"}
LEVEL_WORDS = {"present": "named as a risk"}


@dataclass(frozen=True)
class Detail:
    """One finding as CI reports it: the appendix row a client item points to."""

    number: int
    rule: str
    severity: str
    message: str
    where: str
    fix: str


@dataclass(frozen=True)
class Item:
    """One finding, or one group of findings, as the client reads it."""

    severity: Severity
    element: ElementId | None
    text: str
    advice: str
    points: float
    refs: tuple[int, ...]
    softened: str = ""

    @property
    def severity_word(self) -> str:
        return SEVERITY_WORDS[self.severity]

    @property
    def see(self) -> str:
        """Where the details are: "details 3" or "details 4-9"."""
        first, last = self.refs[0], self.refs[-1]
        return f"details {first}" if first == last else f"details {first}-{last}"


@dataclass(frozen=True)
class PartnerRow:
    name: str
    sector: str
    brings: str
    decides: str
    attends: str
    said: str


@dataclass(frozen=True)
class ChallengeRow:
    title: str
    level: str
    level_id: str
    evidence: list[str]
    declared: list[str]  # the partners' own risks: mitigation and owner by name


@dataclass(frozen=True)
class Priority:
    advice: str
    gain: str


# A report with no priority: said the same way in every client format.
NO_PRIORITY = "Nothing needs action now: no single action would move the score by a point or more."


@dataclass(frozen=True)
class ClientView:
    result: FileResult
    cap: str
    uncapped: str
    coverage: str
    priorities: list[Priority]
    strengths: list[str]
    partners: list[PartnerRow]
    brings: str  # what the Brings column means here
    challenges: list[ChallengeRow]
    items: list[Item]
    details: list[Detail]
    suppressed: list[Detail] = field(default_factory=list)
    no_priority: str = NO_PRIORITY


def client_view(result: FileResult) -> ClientView:
    items, details = findings_and_details(result)
    suppressed = [f for f in result.findings if f.suppressed]
    return ClientView(
        result=result,
        cap=cap_line(result),
        uncapped=uncapped_line(result),
        coverage=coverage_line(result),
        priorities=[
            Priority(p.advice or p.recommendation, gain_words(p, result.cap is not None))
            for p in result.priorities
        ],
        strengths=[s.text for s in result.strengths],
        partners=partner_rows(result),
        brings=brings_note(result),
        challenges=challenge_rows(result),
        items=items,
        details=details,
        suppressed=[detail(i, f) for i, f in enumerate(suppressed, len(details) + 1)],
    )


def findings_count(view: ClientView) -> str:
    """How many findings a client reads: "19", or "19; 20 items in the details" when a
    group stands for several details, so the two counts never seem to disagree."""
    shown, behind = len(view.items), len(view.details)
    return str(shown) if shown == behind else f"{shown}; {behind} items in the details"


def full_stop(text: str) -> str:
    """``text`` ending in one full stop: a name that ends in one ("Beacon Grid Inc.") or a
    sentence that has one ("(a spread of 2.2 points).") gets no second."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?")) else text + "."


def sentence(text: str) -> str:
    """``text`` with a capital first letter."""
    return text[:1].upper() + text[1:]


def cap_line(result: FileResult) -> str:
    """Why the headline band is lower than the elements alone would give; or, when a cap
    does not lower today's score, the band it cannot rise above and why; or ""."""
    if result.cap is not None:
        return sentence(result.cap.text or result.cap.reason).rstrip(".") + "."
    if result.ceiling is not None:
        text = result.ceiling.text or result.ceiling.reason
        for said in ("held at ", "capped at "):
            if text.startswith(said):
                text = "it cannot rise above " + text[len(said) :]
        return sentence(text).rstrip(".") + "."
    return ""


def depth_line(depth: str) -> str:
    """The depth of collaboration in one plain sentence, the level named and placed:
    "Depth of collaboration: full partnership (the deepest of four levels: …)"."""
    place = DEPTH_PLACES[DEPTHS.index(depth)] if depth in DEPTHS else "one"
    name = "full partnership" if depth == "partnership" else depth
    return f"Depth of collaboration: {name} ({place} of four levels: {', '.join(DEPTHS)})."


def uncapped_line(result: FileResult) -> str:
    if result.uncapped_score is None:
        return ""
    line = (
        f"The six elements average {result.uncapped_score:.1f}; the headline is held at "
        f"{result.score:.1f} for the reason above."
    )
    if any(not p.lifts_cap and p.gain + 0.05 < p.mean_gain for p in result.priorities):
        line += " Until then, the priorities below raise the elements rather than the headline."
    return line


def coverage_line(result: FileResult) -> str:
    """How much of the partnership the survey heard: stated wherever the headline is."""
    survey = result.survey
    if survey is None:
        return ""
    line = (
        f"Scores combine the documents with perception from {survey.partners_responding} of "
        f"{survey.partners_total} partners ({survey.respondents} people)"
    )
    if survey.coverage_indicative:
        line += "; indicative only: fewer than half of the partners answered"
    return line + "."


def gain_words(action: PriorityAction, capped: bool = True) -> str:
    """What doing it earns, in one form for every action: the overall gain, and why the
    elements' gain does not show while a cap holds (or, once the score rises, would hold)
    the headline."""
    about = "about " if action.estimated else ""
    if action.lifts_cap:
        return f"{about}+{action.gain:.1f} overall, lifting the cap on the headline"
    if action.gain + 0.05 < action.mean_gain:
        if not capped:  # no cap holds today, but one would as the score rises
            return f"{about}+{action.gain:.1f} overall, +{action.mean_gain:.1f} to the elements"
        return f"{about}+{action.mean_gain:.1f} to the elements"  # the held headline: above
    return f"{about}+{action.gain:.1f} overall" + (" (estimated)" if action.estimated else "")


def where(f: Finding) -> str:
    if f.location is None:
        return "whole file"
    loc = f.location
    return f"{loc.path} (line {loc.line}, column {loc.column})"


def detail(number: int, f: Finding) -> Detail:
    return Detail(number, f.rule, f.severity.value, f.message, where(f), f.recommendation)


def findings_and_details(result: FileResult) -> tuple[list[Item], list[Detail]]:
    """Client items (one per group) in report order, and the numbered details behind them."""
    shown = [f for f in result.findings if not f.suppressed]
    groups: Mapping[str, FindingGroup] = {g.id: g for g in result.groups}
    members: dict[str, list[Finding]] = {}
    for f in shown:
        if f.group in groups:
            members.setdefault(f.group or "", []).append(f)
    items: list[Item] = []
    details: list[Detail] = []
    done: set[str] = set()
    undefined = undefined_goals([f for f in shown if f.group not in groups])
    for f in shown:
        if f.group not in groups and f.rule in GAP_WORDS and f.subject in undefined:
            if f"goal {f.subject}" not in done:
                done.add(f"goal {f.subject}")
                items.append(_undefined_item(result, f.subject or "", undefined, details))
            continue
        if f.group in groups:
            if f.group in done:
                continue
            done.add(f.group or "")
            group, own = groups[f.group or ""], members[f.group or ""]
            refs = tuple(range(len(details) + 1, len(details) + len(own) + 1))
            details += [detail(n, m) for n, m in zip(refs, own, strict=True)]
            items.append(
                Item(group.severity, group.element, group.text, group.advice, group.points, refs)
            )
            continue
        details.append(detail(len(details) + 1, f))
        items.append(
            Item(
                f.severity,
                f.element,
                f.text or f.message,
                f.advice or f.recommendation,
                f.points,
                (len(details),),
                softened_by(result, f.mitigated_by),
            )
        )
    return items, details


def _undefined_item(
    result: FileResult, goal: str, undefined: Mapping[str, list[Finding]], details: list[Detail]
) -> Item:
    """One item for a goal lacking most of its basics; each finding stays in the details."""
    own = undefined[goal]
    refs = tuple(range(len(details) + 1, len(details) + len(own) + 1))
    details += [detail(n, m) for n, m in zip(refs, own, strict=True)]
    text, advice = describe(result, goal, own)
    worst = max((f.severity for f in own), key=lambda s: s.rank)
    return Item(worst, own[0].element, text, advice, round(sum(f.points for f in own), 2), refs)


def softened_by(result: FileResult, path: str | None) -> str:
    if path is None:
        return ""
    risk = next((r for r in result.risks if r.path == path), None)
    said = f": {risk.description}" if risk else ""
    return f"Softened by a risk the partners have declared{said}"


def items_by_element(items: list[Item]) -> list[tuple[str, list[Item]]]:
    """Items under their element's title, in report order; file-level items last."""
    out = []
    for element in [*ElementId, None]:
        own = [i for i in items if i.element == element]
        if own:
            out.append((ELEMENT_TITLES[element] if element else "The file as a whole", own))
    return out


# The partner table's last column: a place on a meeting or body, not attendance.
TAKES_PART = "Takes part in"
PARTNER_NOTE = (
    "decides: share of decision power on the main decision body; takes part in: the "
    "meetings and decision bodies the partner has a place on (not a record of attendance)"
)


def percent(share: float | None) -> str:
    """A share as a whole percentage; a share too small to round to 1% is "<1%", not "0%"."""
    if share is None:
        return "-"
    return "<1%" if 0 < share < 0.005 else f"{share * 100:.0f}%"


IN_KIND_SHOWN = 2  # in-kind contributions named in the Brings cell; the rest are counted
IN_KIND_WORDS = 40  # characters of each, cut at a word


def clipped(text: str, limit: int = IN_KIND_WORDS) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with "…" if cut."""
    text = " ".join(text.split()).rstrip(".")
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:") + "…"


def in_kind_words(descriptions: list[str]) -> str:
    """ "in kind: community room; network of 600 households" (two at most, then "and N more")."""
    if not descriptions:
        return ""
    shown = [clipped(d) for d in descriptions[:IN_KIND_SHOWN]]
    more = len(descriptions) - len(shown)
    return "in kind: " + "; ".join(shown) + (f" and {more} more" if more else "")


def _brings(p: PartnerRecord) -> str:
    """Shares of money and staff time, and beside them what it brings in kind with no value:
    a room or a network is not "0%" of nothing."""
    if p.money_share is not None and p.staff_share is not None:
        shares = f"{percent(p.money_share)} money, {percent(p.staff_share)} staff"
    else:
        shares = percent(p.resource_share)
    kind = in_kind_words(p.in_kind)
    return f"{shares}; {kind}" if kind else shares


def brings_note(result: FileResult) -> str:
    """What the Brings column means for this partnership."""
    if any(p.money_share is not None for p in result.partners):
        return (
            "Brings: share of the money and share of the staff time, given apart because "
            "the file states no yearly cost of a full-time post to add them"
        )
    return "Brings: share of the resources"


PARTNER_ROWS = 60  # more partners than a board reads in a table (and a terminal can draw fast)


def partner_rows(result: FileResult) -> list[PartnerRow]:
    """Name, sector, shares of what is brought and of decision power, attendance, survey;
    the first PARTNER_ROWS partners, then one row counting the rest."""
    said = {s.partner: s for s in result.survey.partners} if result.survey else {}
    rows = []
    for p in result.partners[:PARTNER_ROWS]:
        summary = said.get(p.id)
        if result.survey is None:
            words = ""
        elif summary is None or summary.mean is None:
            words = "did not answer"
        else:
            people = f"{summary.respondents} {'person' if summary.respondents == 1 else 'people'}"
            mark = ", indicative" if summary.indicative else ""
            words = f"{summary.mean:.1f} of 5 ({people}{mark})"
        attends = f"{p.meetings} of {p.meetings_total}" if p.meetings_total else str(p.meetings)
        rows.append(
            PartnerRow(
                name=p.name + ("" if p.active else " (left)"),
                sector=p.sector or "-",
                brings=_brings(p),
                decides=percent(p.decision_power),
                attends=attends,
                said=words,
            )
        )
    rest = len(result.partners) - PARTNER_ROWS
    if rest > 0:
        more = f"and {rest} more partners (listed in the JSON report)"
        rows.append(PartnerRow(name=more, sector="", brings="", decides="", attends="", said=""))
    return rows


# The challenges table: what the assessment found beside what the partners declared.
FOUND = "What was found"
DECLARED = "Declared risk and mitigation (owner)"


def declared_risk(risk: RiskRecord, softens: bool) -> str:
    """A declared risk as the partners wrote it, with its mitigation and owner by name:
    "Risk. Mitigation: what they do (owner: Name)." and whether it softens a finding."""
    owner = risk.owner_name or risk.owner
    who = f"owner: {owner}" if owner else "no owner named"
    done = (
        f"Mitigation: {risk.mitigation.strip().rstrip('.')} ({who})."
        if risk.mitigation
        else f"No mitigation agreed yet ({who})."
    )
    said = f"{full_stop(risk.description)} {done}"
    return f"{said} It softens what was found." if softens else said


def challenge_rows(result: FileResult) -> list[ChallengeRow]:
    """Each challenge with the findings behind it by name (a group once), and beside them
    every risk the partners declared for it, whether or not a finding was made."""
    groups = {g.id: g for g in result.groups}
    risks = {r.path: r for r in result.risks}
    rows = []
    for c in result.challenges:
        evidence: list[str] = []
        for f in result.findings:
            if f.challenge is not c.id or f.suppressed:
                continue
            text = groups[f.group].text if f.group in groups else (f.text or f.message)
            if text not in evidence:
                evidence.append(text)
        paths = [p for p in [*c.risks, *c.mitigated_by] if p in risks]
        declared = [declared_risk(risks[p], p in c.mitigated_by) for p in dict.fromkeys(paths)]
        rows.append(
            ChallengeRow(
                title=c.title,
                level=LEVEL_WORDS.get(c.level, c.level),
                level_id=c.level,
                evidence=evidence,
                declared=declared,
            )
        )
    return rows + other_risks_row(result)


def other_risks_row(result: FileResult) -> list[ChallengeRow]:
    """The declared risks that belong to none of the four challenges ("other"), as one row,
    so that every risk the partners named is in the table."""
    known = {c.id.value for c in result.challenges}
    other = [r for r in result.risks if r.challenge not in known]
    if not other:
        return []
    softening = {f.mitigated_by for f in result.findings if f.mitigated_by and not f.suppressed}
    return [
        ChallengeRow(
            title="Other risks the partners declared",
            level=LEVEL_WORDS["present"],
            level_id="present",
            evidence=[],
            declared=[declared_risk(r, r.path in softening) for r in other],
        )
    ]
