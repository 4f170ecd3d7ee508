"""Outcomes: where each KPI and each goal stands, from the figures in the file.

Pure functions of the model and the assessment date. The rules turn these
facts into findings (a goal missed, a KPI moving away from its target) and
strengths (a goal met); the result carries them so reports and diffs can show
KPI movement. See docs/scoring.md, "Outcomes", for every threshold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from partnercheck.model.partnership import Goal, Kpi
from partnercheck.model.types import Better, GoalStatus

# A KPI is "behind" when the share of the way from baseline to target it has
# covered trails the share of the time from start to due date by this much or more.
BEHIND_MARGIN = 0.25
# ...and only once this share of the time has gone (early readings are noisy).
BEHIND_AFTER = 0.25

# A goal due within this many days that is off track or moving away will, in all
# likelihood, be missed: too little time is left to close the gap.
IMMINENT_DAYS = 92

KpiState = Literal["met", "on-course", "slipping", "behind", "away", "unknown"]
GoalState = Literal[
    "met",
    "on-track",
    "unknown",
    "slipping",
    "off-track",
    "moving-away",
    "will-miss",
    "overdue",
    "missed",
    "dropped",
]
# How bad each state is, for "the worst of several KPIs".
KPI_ORDER: dict[KpiState, int] = {
    "met": 0,
    "on-course": 1,
    "unknown": 2,
    "slipping": 3,
    "behind": 4,
    "away": 5,
}


@dataclass(frozen=True, slots=True)
class KpiTrend:
    state: KpiState
    better: Better | None
    baseline: float | None
    target: float | None
    current: float | None
    previous: float | None  # the reading before the latest, if any
    progress: float | None  # share of the way from baseline to target covered (may be < 0)
    evidence: str  # one line a reader can check: "11.0 → 11.4 → 11.8 (target 9.0, lower is better)"
    measured: date | None = None  # date of the latest reading; None for a `current` value


def direction(kpi: Kpi, goal: Goal | None = None) -> Better | None:
    if kpi.better is not None:
        return kpi.better
    baseline, target = _baseline(kpi, goal), _target(kpi, goal)
    if baseline is None or target is None or baseline == target:
        return None
    return Better.HIGHER if target > baseline else Better.LOWER


def _baseline(kpi: Kpi, goal: Goal | None) -> float | None:
    if kpi.baseline is not None:
        return kpi.baseline
    if goal is not None and goal.baseline is not None:
        return goal.baseline
    return kpi.readings[0].value if len(kpi.readings) > 1 else None


def _target(kpi: Kpi, goal: Goal | None) -> float | None:
    return kpi.target if kpi.target is not None else goal.target if goal else None


def current(kpi: Kpi) -> float | None:
    """The latest value: ``current`` when given, else the latest reading."""
    if kpi.current is not None:
        return kpi.current
    return kpi.readings[-1].value if kpi.readings else None


def _previous(kpi: Kpi) -> float | None:
    values = [r.value for r in kpi.readings]
    if kpi.current is not None and values and values[-1] != kpi.current:
        return values[-1]
    return values[-2] if len(values) >= 2 else None


def _gain(better: Better, old: float, new: float) -> float:
    """How far ``new`` is better than ``old`` (negative: worse)."""
    return new - old if better is Better.HIGHER else old - new


def kpi_trend(kpi: Kpi, goal: Goal | None, as_of: date, start: date | None = None) -> KpiTrend:
    better = direction(kpi, goal)
    base, target, now, before = (
        _baseline(kpi, goal),
        _target(kpi, goal),
        current(kpi),
        _previous(kpi),
    )
    progress = None
    if better and base is not None and target is not None and now is not None and target != base:
        progress = _gain(better, base, now) / abs(target - base)
    state = _state(better, base, target, now, before, progress, _elapsed(kpi, goal, as_of, start))
    measured = kpi.readings[-1].date if kpi.readings and kpi.current is None else None
    evidence = _evidence(kpi, better, target)
    return KpiTrend(state, better, base, target, now, before, progress, evidence, measured)


def _state(
    better: Better | None,
    base: float | None,
    target: float | None,
    now: float | None,
    before: float | None,
    progress: float | None,
    elapsed: float | None,
) -> KpiState:
    if better is None or now is None or target is None:
        return "unknown"
    if _gain(better, target, now) >= 0:
        return "met"
    if base is not None and _gain(better, base, now) < 0:
        return "away"
    if before is not None and _gain(better, before, now) < 0:
        return "slipping"
    if (
        progress is not None
        and elapsed is not None
        and elapsed >= BEHIND_AFTER
        # Rounded: trailing by exactly the margin must not be lost to float error.
        and round(elapsed - progress, 9) >= BEHIND_MARGIN
    ):
        return "behind"
    return "on-course"


def _elapsed(kpi: Kpi, goal: Goal | None, as_of: date, start: date | None) -> float | None:
    """Share of the time from the first reading (or the start) to the due date that had
    gone by when the latest figure was measured: statistics published a year late are
    judged at their own date, not at today's."""
    due = goal.due if goal else None
    begin = kpi.readings[0].date if kpi.readings else start
    if due is None or begin is None or due <= begin:
        return None
    measured = kpi.readings[-1].date if kpi.readings and kpi.current is None else as_of
    return min(1.0, max(0.0, (measured - begin).days / (due - begin).days))


def _evidence(kpi: Kpi, better: Better | None, target: float | None) -> str:
    values = [r.value for r in kpi.readings]
    if kpi.current is not None and (not values or values[-1] != kpi.current):
        values.append(kpi.current)
    if kpi.baseline is not None and (not values or values[0] != kpi.baseline):
        values.insert(0, kpi.baseline)
    # The start and the latest three: where it began matters as much as where it is.
    kept = values if len(values) <= 4 else [values[0], *values[-3:]]
    joiner = [" → " if i != 1 or len(values) <= 4 else " … " for i in range(len(kept))]
    shown = "".join((joiner[i] if i else "") + _num(v) for i, v in enumerate(kept)) or "no values"
    aim = f"target {_num(target)}" if target is not None else "no target"
    way = f", {better.value} is better" if better else ""
    return f"{shown} ({aim}{way})"


def _num(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"


@dataclass(frozen=True, slots=True)
class GoalOutcome:
    state: GoalState
    reason: str  # why, in words a reader can check
    kpis: tuple[int, ...]  # indexes of the KPIs that measure it


def goal_outcome(goal: Goal, kpis: Sequence[tuple[int, KpiTrend]], as_of: date) -> GoalOutcome:
    """Where a goal stands: its recorded status, checked against its KPIs and due date."""
    outcome = _goal_outcome(goal, kpis, as_of)
    left = (goal.due - as_of).days if goal.due is not None else None
    soon = left is not None and 0 <= left <= IMMINENT_DAYS
    if soon and outcome.state in ("off-track", "moving-away"):
        why = f"{outcome.reason}, with {left} days left to close the gap"
        return GoalOutcome("will-miss", why, outcome.kpis)
    return outcome


def _goal_outcome(goal: Goal, kpis: Sequence[tuple[int, KpiTrend]], as_of: date) -> GoalOutcome:
    indexes = tuple(i for i, _ in kpis)
    if goal.status is GoalStatus.DROPPED:
        return GoalOutcome("dropped", "the partners dropped it", indexes)
    if goal.status is GoalStatus.MET:
        return GoalOutcome("met", "recorded as met", indexes)
    if goal.status is GoalStatus.MISSED:
        return GoalOutcome("missed", "recorded as missed", indexes)
    worst = max((KPI_ORDER[t.state] for _, t in kpis), default=KPI_ORDER["unknown"])
    known = [t for _, t in kpis if t.state != "unknown"]
    all_met = bool(known) and all(t.state == "met" for t in known)
    due_passed = goal.due is not None and goal.due < as_of
    if all_met:
        return GoalOutcome("met", "its KPIs have reached their targets", indexes)
    if due_passed:
        # Missed only when figures from the due date on show it; older figures leave
        # the result unknown ("nobody knows whether the gains held").
        measured = [d for _, t in kpis if t.state != "unknown" for d in [t.measured]]
        if goal.status is GoalStatus.OFF_TRACK or any(
            d is None or (goal.due is not None and d >= goal.due) for d in measured
        ):
            return GoalOutcome("missed", "its due date passed short of the target", indexes)
        return GoalOutcome("overdue", "its due date passed and no result is recorded", indexes)
    if worst == KPI_ORDER["away"]:
        why = "a KPI has fallen back past its starting point"
        if goal.status is GoalStatus.ON_TRACK:
            why = "recorded as on track, but " + why  # the figures say otherwise
        return GoalOutcome("moving-away", why, indexes)
    newer = [t.measured for _, t in kpis if t.measured is not None]
    judged_after = goal.status_date is None or not newer or goal.status_date >= max(newer)
    if goal.status is GoalStatus.ON_TRACK and judged_after:
        # A pace or a dip is a projection: the partners' recorded judgement stands,
        # unless figures arrived after they judged it.
        if known:
            return GoalOutcome("on-track", "recorded as on track", indexes)
        return GoalOutcome("on-track", "recorded as on track, with no KPI to confirm it", indexes)
    if worst == KPI_ORDER["behind"]:
        return GoalOutcome("off-track", "a KPI is well behind the pace its due date needs", indexes)
    if goal.status is GoalStatus.OFF_TRACK:
        return GoalOutcome("off-track", "recorded as off track", indexes)
    if worst == KPI_ORDER["slipping"]:
        return GoalOutcome("slipping", "a KPI slipped back at its latest reading", indexes)
    if known:
        # A KPI not yet measured must not erase the record of those that are.
        why = "its KPIs are on course to their targets"
        if len(known) < len(kpis):
            why = "its measured KPIs are on course to their targets"
        return GoalOutcome("on-track", why, indexes)
    return GoalOutcome("unknown", "no result or progress recorded", indexes)
