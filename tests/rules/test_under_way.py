"""Findings credit an improvement action already agreed for their gap (PC303, PC509, PC604,
PC610): a board is asked to make sure it lands, not told to do what it has minuted. The
finding and its points stand until the action is done."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.conftest import assess_changed, fired


def with_action(text: str, change: Any, due: date = date(2027, 3, 31), status: str = "open") -> Any:
    def both(d: dict[str, Any]) -> None:
        change(d)
        d["evaluation"]["improvements"] = [
            {"action": text, "owner": "council", "due": due, "status": status}
        ]

    return both


def minutes_unshared(d: dict[str, Any]) -> None:
    d["communication"]["meetings"][0]["minutes_shared"] = False


def trust_not_involved(d: dict[str, Any]) -> None:
    d["evaluation"]["involves"] = ["council", "carers"]


def agreement_review_passed(d: dict[str, Any]) -> None:
    d["partnership"]["agreement"]["review_due"] = date(2026, 6, 30)


CASES = [
    ("PC303", minutes_unshared, "Publish the Partnership board's decisions to all partners"),
    ("PC604", trust_not_involved, "Bring the hospital trust into the annual review"),
    ("PC610", agreement_review_passed, "Complete the review of the partnership agreement"),
]


@pytest.mark.parametrize(("rule", "gap", "text"), CASES)
def test_a_finding_credits_the_action_already_agreed_for_it(rule: str, gap: Any, text: str) -> None:
    [finding] = fired(assess_changed(with_action(text, gap)), rule)
    assert finding.advice.startswith(f"Make sure the action under way, “{text}” (due ")
    assert finding.points > 0


@pytest.mark.parametrize(("rule", "gap", "text"), CASES)
def test_a_done_or_overdue_action_is_not_credited(rule: str, gap: Any, text: str) -> None:
    for change in (
        with_action(text, gap, status="done"),
        with_action(text, gap, due=date(2026, 6, 1)),
    ):
        [finding] = fired(assess_changed(change), rule)
        assert not finding.advice.startswith("Make sure the action under way")


@pytest.mark.parametrize(
    ("rule", "gap", "text"),
    [
        ("PC303", minutes_unshared, "Publish the Operations huddle's notes to all partners"),
        ("PC604", trust_not_involved, "Bring the carers' forum into the annual review"),
        ("PC610", agreement_review_passed, "Review the discharge pathway"),
    ],
)
def test_an_action_about_something_else_is_not_credited(rule: str, gap: Any, text: str) -> None:
    [finding] = fired(assess_changed(with_action(text, gap)), rule)
    assert not finding.advice.startswith("Make sure the action under way")


def test_a_credited_finding_is_not_grouped_with_findings_whose_advice_differs() -> None:
    def two_out(d: dict[str, Any]) -> None:
        d["evaluation"]["involves"] = ["council"]  # trust and carers take no part

    result = assess_changed(with_action("Bring the hospital trust into the annual review", two_out))
    assert len(fired(result, "PC604")) == 2
    assert not [g for g in result.groups if g.rule == "PC604"]


def test_an_action_already_in_hand_ranks_after_one_nobody_has_started() -> None:
    from partnercheck.results import PriorityAction
    from partnercheck.scoring.priorities import top

    in_hand = PriorityAction(
        rule="PC604", recommendation="Make sure", gain=3.0, mean_gain=3.0, under_way=True
    )
    not_started = PriorityAction(rule="PC305", recommendation="List", gain=2.0, mean_gain=2.0)
    assert top([in_hand, not_started]) == [not_started, in_hand]
