"""Which improvement actions are aimed at a goal: shared by the results and evaluation rules."""

from __future__ import annotations

import re

from partnercheck.model.partnership import Goal, Improvement
from partnercheck.model.types import ActionStatus
from partnercheck.rules.context import Context

_STOP_WORDS = """
    the and for with from that this their more into across through about young people share
    number rate level total each every other partner partners goal goals
"""
_STOP = frozenset(_STOP_WORDS.split())


def _words(text: str) -> set[str]:
    """Word stems of five letters or more: "deprivation" and "deprived" meet at "depriv"."""
    return {w[:6] for w in re.findall(r"[a-z]{5,}", text.lower()) if w not in _STOP}


def open_actions_for(ctx: Context, goal: Goal) -> list[Improvement]:
    """Open improvement actions that name ``goal`` or words of its objective or KPIs."""
    if ctx.p.evaluation is None:
        return []
    about = _words(goal.objective) | {
        w for _, k in ctx.kpis_of.get(goal.id, []) for w in _words(k.name)
    }
    named = re.compile(rf"(?<![\w-]){re.escape(goal.id)}(?![\w-])")
    return [
        a
        for a in ctx.p.evaluation.improvements
        if a.status is not ActionStatus.DONE
        and (named.search(a.action) or about & _words(a.action))
    ]
