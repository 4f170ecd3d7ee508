"""Which improvement actions are aimed at a goal: shared by the results and evaluation rules.

An action is aimed at a goal when it is linked to it (``goals: [G1]`` on the action),
names its id, or shares at least two content words with the goal's objective or its
KPIs. One shared word is enough only when it is the goal's subject, written both in the
objective and in a KPI's name ("discharge" in "Reduce delayed discharges" measured by
"Delayed discharge days"); otherwise "Add a tenant representative" would count as an
answer to readmissions of tenants. Words every partnership uses (service, community,
care, people, ...) never count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, cast

from partnercheck.model.partnership import Goal, Improvement
from partnercheck.model.types import ActionStatus
from partnercheck.rules.base import Say
from partnercheck.rules.context import SERVED_WORDS, Context

_STOP_WORDS = """
    the and for with from that this their more into across through about young people share
    number rate level total each every other partner partners partnership goal goals
    tenant tenants community communities family families service services health care
    support local older children residents patients person persons public within between
    after before under until against among during where which while would could should
    improve improved increase reduce agree agreed review deliver programme project
"""
_STOP = frozenset(_STOP_WORDS.split())
SHARED_WORDS = 2  # content stems an action must share with a goal to count as aimed at it

How = Literal["linked", "named", "similar"]


@dataclass(frozen=True)
class Aim:
    action: Improvement
    how: How  # linked on the action, goal id named, or two shared words

    @property
    def sure(self) -> bool:
        return self.how != "similar"


def _words(text: str) -> set[str]:
    """Word stems of five letters or more: "deprivation" and "deprived" meet at "depriv"."""
    return {w[:6] for w in re.findall(r"[a-z]{5,}", text.lower()) if w not in _STOP}


def open_actions_for(ctx: Context, goal: Goal) -> list[Aim]:
    """Open improvement actions aimed at ``goal``, the surest links first."""
    if ctx.p.evaluation is None:
        return []
    objective = _words(goal.objective)
    measured = {w for _, k in ctx.kpis_of.get(goal.id, []) for w in _words(k.name)}
    about, subject = objective | measured, objective & measured
    named = re.compile(rf"(?<![\w-]){re.escape(goal.id)}(?![\w-])")
    found = []
    for action, words in _open_action_words(ctx):
        if goal.id in action.goals:
            found.append(Aim(action, "linked"))
        elif goal.id in action.action and named.search(action.action):
            found.append(Aim(action, "named"))
        elif len(about & words) >= SHARED_WORDS or subject & words:
            found.append(Aim(action, "similar"))
    return sorted(found, key=lambda a: not a.sure)


def _open_action_words(ctx: Context) -> list[tuple[Improvement, set[str]]]:
    """Each open action with its content words, worked out once per file: a file of many
    goals and many actions must not cost their product in word splitting."""
    if "open_action_words" not in ctx.memo:
        ev = ctx.p.evaluation
        actions = ev.improvements if ev is not None else []
        ctx.memo["open_action_words"] = [
            (a, _words(a.action)) for a in actions if a.status is not ActionStatus.DONE
        ]
    return cast("list[tuple[Improvement, set[str]]]", ctx.memo["open_action_words"])


def open_action_about(ctx: Context, text: str) -> Improvement | None:
    """The first open improvement action (overdue ones included) that shares at least two
    content words with ``text``: "Replace ColdLink's last-mile cold-chain support in the six
    countries" is about ColdLink's exit leaving cold-chain transport in six countries."""
    about = _words(text)
    for action, words in _open_action_words(ctx):
        if len(about & words) >= SHARED_WORDS:
            return action
    return None


_NAME_WORDS_IGNORED = """
    the and for with from ltd limited inc plc llp cic cio company group partner partners
    partnership
"""
_NAME_STOP = frozenset(_NAME_WORDS_IGNORED.split())
NAME_WORDS_SHARED = 2  # words of a name an action must share to be read as naming it


def _name_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _NAME_STOP}


def names_one_of(text: str, names: Sequence[str]) -> bool:
    """Whether ``text`` names one of ``names``: its id as a word, or two of its words (all
    of them when it has fewer): "the mental health trust" names "Vale Mental Health NHS
    Foundation Trust"."""
    said = _name_words(text)
    lowered = text.lower()
    for name in names:
        if re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", lowered):
            return True
        words = _name_words(name)
        if words and len(words & said) >= min(NAME_WORDS_SHARED, len(words)):
            return True
    return False


def under_way(
    ctx: Context, about: re.Pattern[str], naming: Sequence[str] = ()
) -> Improvement | None:
    """An improvement action already agreed for a gap: not done, not overdue, its words
    matching ``about`` and, when ``naming`` is given, naming one of them. A board resents
    being told to do what it has already minuted."""
    if ctx.p.evaluation is None:
        return None
    for action in ctx.p.evaluation.improvements:
        if action.status is ActionStatus.DONE or (action.due and action.due < ctx.as_of):
            continue
        if about.search(action.action) and (not naming or names_one_of(action.action, naming)):
            return action
    return None


_A_SAY = re.compile(r"\b(seats?|votes?|voting|representatives?|members?)\b", re.IGNORECASE)


def say_for_served_under_way(ctx: Context) -> Improvement | None:
    """An action under way to give the people served a seat or a vote."""
    action = under_way(ctx, _A_SAY)
    return action if action is not None and SERVED_WORDS.search(action.action) else None


def advice_under_way(action: Improvement, then: str) -> Say:
    """Advice that credits the action already agreed: "Make sure “...” (due 31 December
    2026) ..." rather than telling the partners to do what they have minuted."""
    if action.due is None:
        return Say("Make sure the action under way, “{a}”, {then}", a=action.action, then=then)
    return Say(
        "Make sure the action under way, “{a}” (due {due}), {then}",
        a=action.action,
        due=action.due,
        then=then,
    )


SHARING_MINUTES = re.compile(
    r"\b(minutes|decisions|papers|notes)\b.*\b(publish|share|circulat|send)\w*"
    r"|\b(publish|share|circulat|send)\w*\b.*\b(minutes|decisions|papers|notes)\b",
    re.IGNORECASE,
)
TAKING_PART_IN_REVIEW = re.compile(r"\b(review|evaluat\w*)", re.IGNORECASE)
REVIEWING_AGREEMENT = re.compile(
    r"\breview\b.*\b(agreement|framework|terms|memorandum|mou|contract|constitution|charter)\b"
    r"|\b(agreement|framework|terms|memorandum|mou|contract|constitution|charter)\b.*\breview",
    re.IGNORECASE,
)
