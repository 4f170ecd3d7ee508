"""Progress between assessments: what diff and history report, and the pure logic
that builds it from results. No files, no git: :mod:`partnercheck.app.progress`
and :mod:`partnercheck.app.history` read those; reporters render these records.

Findings are matched by their identity (:mod:`partnercheck.identity`: rule, YAML
path and subject), never by line or message, so moved lines, a reworded message
or a new day ("overdue by 50 days" then "by 243 days") do not count as changes.
KPIs are matched by name and judged by whether they moved toward their target.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Literal

from pydantic import Field

from partnercheck._version import __version__
from partnercheck.identity import FindingKey, finding_key
from partnercheck.results import (
    Band,
    ElementId,
    FileResult,
    Finding,
    Frozen,
    KpiRecord,
    Severity,
    ToolInfo,
)

BAND_RANK = {Band.CRITICAL: 0, Band.AT_RISK: 1, Band.DEVELOPING: 2, Band.STRONG: 3}


def delta(old: float, new: float) -> float:
    """``new - old`` rounded to two places, never ``-0.0``."""
    return round(new - old, 2) + 0.0


class ElementChange(Frozen):
    id: ElementId
    title: str
    old: float
    new: float
    delta: float


class FindingRef(Frozen):
    """A finding as the diff reports it; matched by identity, not by line or message."""

    rule: str
    severity: Severity
    element: ElementId | None
    message: str
    path: str | None
    line: int | None
    subject: str | None = None
    text: str = Field(default="", description="The message for people: partners by name.")
    group: str | None = Field(
        default=None, description="Group id: the same gap for several partners, shared."
    )


class KpiChange(Frozen):
    """One KPI's movement between the two versions, by name."""

    name: str
    goal: str | None
    better: str | None
    target: float | None
    old: float | None = Field(description="Latest value in the old version.")
    new: float | None = Field(description="Latest value in the new version.")
    old_state: str | None
    new_state: str | None
    movement: Literal["toward", "away", "unchanged", "new", "dropped", "unknown"] = Field(
        description="toward or away from the target (or the better direction), unchanged, "
        "new (only in the new version), dropped (only in the old), unknown (no values)."
    )


class FileDiff(Frozen):
    old_file: str
    new_file: str
    partnership: str
    old_score: float
    new_score: float
    delta: float
    old_band: Band
    new_band: Band
    band_change: Literal["up", "down", "unchanged"]
    elements: list[ElementChange]
    resolved: list[FindingRef]
    introduced: list[FindingRef]
    unchanged: int
    still_open: list[FindingRef] = Field(default_factory=list)
    old_as_of: date | None = Field(
        default=None, description="Date the old version was assessed at."
    )
    new_as_of: date | None = Field(
        default=None, description="Date the new version was assessed at."
    )
    kpis: list[KpiChange] = Field(default_factory=list)
    old_uncapped: float | None = None
    new_uncapped: float | None = None
    cap: str | None = Field(default=None, description="The new version's cap, for people.")


class Diff(Frozen):
    tool: ToolInfo
    old: str
    new: str
    files: list[FileDiff]
    only_old: list[str]
    only_new: list[str]


def same_finding(f: Finding) -> FindingKey:
    """A finding's identity within one partnership, whatever each version's file is called."""
    return finding_key("", f)


def finding_ref(f: Finding) -> FindingRef:
    return FindingRef(
        rule=f.rule,
        severity=f.severity,
        element=f.element,
        message=f.message,
        path=f.location.path if f.location else None,
        line=f.location.line if f.location else None,
        subject=f.subject,
        text=f.text or f.message,
        group=f.group,
    )


def _leftover(findings: list[Finding], other: list[Finding]) -> list[FindingRef]:
    """Findings in ``findings`` not matched in ``other`` (as multisets, order kept)."""
    available = Counter(same_finding(f) for f in other)
    left = []
    for f in findings:
        key = same_finding(f)
        if available[key]:
            available[key] -= 1
        else:
            left.append(finding_ref(f))
    return left


def _still_open(new: list[Finding], old: list[Finding]) -> list[FindingRef]:
    before = Counter(same_finding(f) for f in old)
    kept = []
    for f in new:
        key = same_finding(f)
        if before[key]:
            before[key] -= 1
            kept.append(finding_ref(f))
    return kept


def movement(
    old: float | None, new: float | None, target: float | None, better: str | None
) -> Literal["toward", "away", "unchanged", "unknown"]:
    """Whether ``new`` is nearer the target than ``old`` (or further the better way)."""
    if old is None or new is None:
        return "unknown"
    if target is not None:
        before, after = abs(target - old), abs(target - new)
    elif better in ("higher", "lower"):
        before, after = (-old, -new) if better == "higher" else (old, new)
    else:
        return "unknown"
    if round(after - before, 9) == 0:
        return "unchanged"
    return "toward" if after < before else "away"


def kpi_changes(old: Sequence[KpiRecord], new: Sequence[KpiRecord]) -> list[KpiChange]:
    """Every KPI of either version, by name, new ones in their order, then dropped ones."""
    before = {k.name: k for k in old}
    names = [k.name for k in new] + [k.name for k in old if k.name not in {n.name for n in new}]
    after = {k.name: k for k in new}
    changes = []
    for name in names:
        o, n = before.get(name), after.get(name)
        ref = n or o
        assert ref is not None
        moved = (
            "new"
            if o is None
            else "dropped"
            if n is None
            else movement(o.current, n.current, n.target, n.better)
        )
        changes.append(
            KpiChange(
                name=name,
                goal=ref.goal,
                better=ref.better,
                target=ref.target,
                old=o.current if o else None,
                new=n.current if n else None,
                old_state=o.state if o else None,
                new_state=n.state if n else None,
                movement=moved,
            )
        )
    return changes


def diff_results(old: FileResult, new: FileResult) -> FileDiff:
    """How ``new`` differs from ``old``; suppressed findings count as absent."""
    old_active = [f for f in old.findings if not f.suppressed]
    new_active = [f for f in new.findings if not f.suppressed]
    old_scores = {e.id: e.score for e in old.elements}
    elements = [
        ElementChange(
            id=e.id,
            title=e.title,
            old=old_scores.get(e.id, 0.0),
            new=e.score,
            delta=delta(old_scores.get(e.id, 0.0), e.score),
        )
        for e in new.elements
    ]
    rank_old, rank_new = BAND_RANK[old.band], BAND_RANK[new.band]
    resolved = _leftover(old_active, new_active)
    cap = new.cap.text or new.cap.reason if new.cap else None
    return FileDiff(
        old_file=old.file,
        new_file=new.file,
        partnership=new.partnership,
        old_score=old.score,
        new_score=new.score,
        delta=delta(old.score, new.score),
        old_band=old.band,
        new_band=new.band,
        band_change="up" if rank_new > rank_old else "down" if rank_new < rank_old else "unchanged",
        elements=elements,
        resolved=resolved,
        introduced=_leftover(new_active, old_active),
        unchanged=len(old_active) - len(resolved),
        still_open=_still_open(new_active, old_active),
        kpis=kpi_changes(old.kpis, new.kpis),
        old_uncapped=old.uncapped_score,
        new_uncapped=new.uncapped_score,
        cap=cap,
    )


def diff_reports(
    old_name: str, new_name: str, old: Sequence[FileResult], new: Sequence[FileResult]
) -> Diff:
    """Pair results (one each, else by file, then by partnership name) and diff each pair."""
    unmatched = list(new)
    pairs: list[tuple[FileResult, FileResult]] = []
    only_old = []
    for o in old:
        match = (
            unmatched[0]
            if len(old) == len(new) == 1
            else next((n for n in unmatched if n.file == o.file), None)
            or next((n for n in unmatched if n.partnership == o.partnership), None)
        )
        if match is None:
            only_old.append(o.file)
        else:
            unmatched.remove(match)
            pairs.append((o, match))
    return Diff(
        tool=ToolInfo(version=__version__),
        old=old_name,
        new=new_name,
        files=[diff_results(o, n) for o, n in pairs],
        only_old=only_old,
        only_new=[n.file for n in unmatched],
    )


class KpiPoint(Frozen):
    """A KPI as one version records it."""

    name: str
    current: float | None
    target: float | None
    better: str | None
    state: str


class HistoryPoint(Frozen):
    commit: str
    date: date
    score: float | None
    band: Band | None
    elements: dict[str, float]
    error: str | None = None
    kpis: list[KpiPoint] = Field(default_factory=list)
    cap: str | None = Field(default=None, description="The cap on the band, for people.")


class KpiTrend(Frozen):
    """One KPI through the versions: its latest value in each (None where absent)."""

    name: str
    values: list[float | None]
    target: float | None
    better: str | None
    movement: str = Field(description="From the first to the latest value: toward, away, ...")


class History(Frozen):
    tool: ToolInfo
    file: str
    versions: list[HistoryPoint]


def kpi_trends(history: History) -> list[KpiTrend]:
    """Every KPI named in any version, in first-seen order, with its movement from its
    first recorded value to its latest (toward or away from the target)."""
    names: list[str] = []
    for v in history.versions:
        names += [k.name for k in v.kpis if k.name not in names]
    trends = []
    for name in names:
        points = [next((k for k in v.kpis if k.name == name), None) for v in history.versions]
        values = [p.current if p else None for p in points]
        known = [v for v in values if v is not None]
        latest = next(p for p in reversed(points) if p is not None)
        moved = (
            movement(known[0], known[-1], latest.target, latest.better)
            if len(known) > 1
            else "unknown"
        )
        trends.append(
            KpiTrend(
                name=name, values=values, target=latest.target, better=latest.better, movement=moved
            )
        )
    return trends


def trend_rows(history: History) -> list[tuple[str, list[float | None]]]:
    """(label, scores oldest first) for the overall score and each element."""
    rows: list[tuple[str, list[float | None]]] = [("Overall", [v.score for v in history.versions])]
    for element in ElementId:
        rows.append((element.value, [v.elements.get(element.value) for v in history.versions]))
    return rows
