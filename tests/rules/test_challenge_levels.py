"""Challenge levels (docs/scoring.md, section 8): what the report says about each challenge."""

from __future__ import annotations

from typing import Any

import pytest

from partnercheck.results import FileResult
from tests.conftest import assess_changed


def levels(result: FileResult) -> dict[str, str]:
    return {c.id.value: c.level for c in result.challenges}


def lead_partner_decides(d: dict[str, Any]) -> None:
    d["governance"]["decision_making"].update(rule="lead-partner")
    d["governance"]["decision_making"].pop("votes")


@pytest.mark.parametrize(
    ("change", "challenge", "level"),
    [
        # A partner deciding alone (PC712, an error that shows it happening): high.
        (lead_partner_decides, "power-imbalance", "high"),
        # No dispute process (PC307) is an error, but a missing safeguard: moderate.
        (lambda d: d["communication"].pop("conflict_resolution"), "conflict", "moderate"),
        # A warning (PC305, no channels between meetings): moderate.
        (lambda d: d["communication"].pop("channels"), "logistics", "moderate"),
        # Only an info finding (PC714, the chair never rotates): present.
        (lambda d: d["governance"]["chair"].update(rotates="never"), "power-imbalance", "present"),
    ],
)
def test_a_challenge_level_follows_the_gravest_finding(
    change: Any, challenge: str, level: str
) -> None:
    assert levels(assess_changed(change))[challenge] == level


def test_a_declared_risk_alone_makes_its_challenge_present_and_nothing_makes_none(
    sound_result: FileResult,
) -> None:
    assert levels(sound_result) == {
        "conflict": "none",
        "power-imbalance": "none",
        "resource-investment": "present",  # the sound partnership's one declared risk
        "logistics": "none",
    }


def test_a_suppressed_finding_does_not_raise_its_challenge() -> None:
    def change(d: dict[str, Any]) -> None:
        d["communication"].pop("channels")
        d["suppress"] = [{"rule": "PC305", "reason": "Partners share one office"}]

    assert levels(assess_changed(change))["logistics"] == "none"


def test_partner_records_count_the_meetings_each_attends(sound_result: FileResult) -> None:
    # The board brings all three together; the weekly huddle is the trust's and the carers'.
    assert [(p.id, p.meetings) for p in sound_result.partners] == [
        ("council", 1),
        ("trust", 2),
        ("carers", 2),
    ]
