"""PC72x (resource investment): meeting load and unresourced coordination."""

from __future__ import annotations

from typing import Any

import pytest

from partnercheck.engine import load
from partnercheck.load import Source
from partnercheck.results import FileResult
from partnercheck.rules.context import Context
from partnercheck.rules.investment import meeting_hours
from tests.conftest import AS_OF, TESTS, assess_changed, dump, fired, sound

WEEKLY = 365 / 7 * 2
FORTNIGHTLY = 365 / 14 * 2
MONTHLY = 365 / 31 * 2


def extra_meeting(frequency: str, attendees: list[str]) -> Any:
    def change(d: dict[str, Any]) -> None:
        d["communication"]["meetings"].append(
            {"name": f"Extra {frequency} meeting", "frequency": frequency, "attendees": attendees}
        )

    return change


def test_meeting_hours_estimate() -> None:
    data = sound()
    extra_meeting("ad-hoc", ["council", "council"])(data)  # a repeated attendee counts once
    ctx = Context(load(Source("t.yaml", dump(data), TESTS)).partnership, AS_OF)
    hours = meeting_hours(ctx)
    assert hours["council"] == pytest.approx(MONTHLY + 4 * 2)
    assert hours["trust"] == pytest.approx(MONTHLY + WEEKLY)
    assert hours["carers"] == pytest.approx(MONTHLY + WEEKLY)


def test_pc721_fires_when_meetings_outweigh_the_staff_a_partner_brings() -> None:
    def change(d: dict[str, Any]) -> None:
        extra_meeting("fortnightly", ["carers"])(d)
        d["partners"][2]["contributions"][1]["fte"] = 0.2  # 330 staff hours a year

    [finding] = fired(assess_changed(change), "PC721")
    assert finding.message == (
        "Partner carers spends about 180 meeting hours a year, "
        "55% of the 330 staff hours it contributes"
    )
    assert finding.location is not None and finding.location.path == "partners[2]"
    assert "carers" in finding.recommendation
    assert finding.challenge == "resource-investment"
    assert finding.element == "resources"


def test_pc721_fires_for_a_partner_that_contributes_no_staff() -> None:
    def change(d: dict[str, Any]) -> None:
        extra_meeting("fortnightly", ["carers"])(d)
        d["partners"][2]["contributions"].pop(1)

    [finding] = fired(assess_changed(change), "PC721")
    assert finding.message == (
        "Partner carers spends about 180 meeting hours a year, and it contributes no staff time"
    )


def test_pc721_is_quiet_when_staff_time_covers_the_meetings() -> None:
    # 180 hours is under a quarter of one FTE (412 hours).
    assert not fired(assess_changed(extra_meeting("fortnightly", ["carers"])), "PC721")


def test_pc721_is_quiet_below_150_hours_even_without_staff() -> None:
    def change(d: dict[str, Any]) -> None:
        for partner in d["partners"]:
            partner["contributions"] = [partner["contributions"][0]]

    # trust and carers spend about 128 hours a year
    assert not fired(assess_changed(change), "PC721")


# Trust and carers already meet monthly and weekly: about 128 hours a year each.
@pytest.mark.parametrize(
    ("frequency", "fires"),
    [("bi-monthly", False), ("monthly", True)],  # about 140 and 151 hours a year
)
def test_pc721_flags_a_partner_without_staff_from_150_meeting_hours(
    frequency: str, fires: bool
) -> None:
    def change(d: dict[str, Any]) -> None:
        extra_meeting(frequency, ["carers"])(d)
        d["partners"][2]["contributions"].pop(1)  # carers brings no staff

    assert [f.subject for f in fired(assess_changed(change), "PC721")] == (
        ["carers"] if fires else []
    )


@pytest.mark.parametrize(
    ("fte", "fires"),
    [(0.45, False), (0.42, True)],  # 180 hours: 24% of 743 staff hours, 26% of 693
)
def test_pc721_flags_meetings_above_a_quarter_of_the_staff_time_brought(
    fte: float, fires: bool
) -> None:
    def change(d: dict[str, Any]) -> None:
        extra_meeting("fortnightly", ["carers"])(d)
        d["partners"][2]["contributions"][1]["fte"] = fte

    assert bool(fired(assess_changed(change), "PC721")) is fires


def unresourced(d: dict[str, Any]) -> None:
    for partner in d["partners"]:
        partner["contributions"] = [partner["contributions"][0]]  # funding only
    d["governance"].pop("lead_partner")


def test_pc722_fires_when_nobody_resources_coordination() -> None:
    [finding] = fired(assess_changed(unresourced), "PC722")
    assert finding.message == (
        "No partner contributes staff time, hosts the partnership or runs a secretariat"
    )
    assert finding.location is not None and finding.location.path == "partners"
    assert finding.challenge == "resource-investment" and finding.severity == "warning"
    # The sound partnership's resource-investment risk does not cover PC722: no softening.
    assert finding.mitigated_by is None


@pytest.mark.parametrize(
    "resourced",
    [
        lambda d: d["partners"][0].update(standing="host"),
        lambda d: d["members"].append({"id": "sec", "name": "Secretariat", "kind": "secretariat"}),
        lambda d: d["partners"][0]["contributions"].append({"type": "staff", "fte": 0.5}),
    ],
    ids=["host", "secretariat", "staff"],
)
def test_pc722_is_quiet_when_a_host_secretariat_or_staff_coordinates(resourced: Any) -> None:
    def change(d: dict[str, Any]) -> None:
        unresourced(d)
        resourced(d)

    assert not fired(assess_changed(change), "PC722")


def test_pc722_does_not_reprice_a_missing_pooled_budget() -> None:
    # PC403 prices pooling; a pooled budget neither silences nor causes PC722.
    def change(d: dict[str, Any]) -> None:
        d["resources"].pop("pooled_budget")

    result = assess_changed(change)
    assert not fired(result, "PC722")


def test_a_risk_that_covers_pc722_halves_it() -> None:
    def change(d: dict[str, Any]) -> None:
        unresourced(d)
        d["risks"][0]["covers"] = ["PC722"]

    [finding] = fired(assess_changed(change), "PC722")
    assert finding.mitigated_by == "risks[0]" and finding.points == 7.5


def test_investment_rules_stay_quiet_on_the_sound_partnership(sound_result: FileResult) -> None:
    assert not [f for f in sound_result.findings if f.rule.startswith("PC72")]


def _trust_brings(*contributions: dict[str, Any]) -> Any:
    return lambda d: d["partners"][1].update(contributions=list(contributions))


STAFF_KEPT = {"type": "staff", "fte": 1.0, "description": "Discharge nurse"}


@pytest.mark.parametrize(
    ("contribution", "severity"),
    [
        # Withdrawn to nothing, with something else still brought: an error.
        (
            {"type": "funding", "amount": 0, "description": "Cash share withdrawn from April"},
            "error",
        ),
        # Kept 12 of 24 FTE: half taken away, an error.
        ({"type": "staff", "fte": 12, "description": "Nurses kept (was 24 FTE)"}, "error"),
        # 13 of 24 kept: under half taken away, a warning.
        ({"type": "staff", "fte": 13, "description": "Nurses kept (was 24 FTE)"}, "warning"),
        # GBP 2.1m a year cut to GBP 1.5m: 29% taken away.
        (
            {"type": "funding", "amount": 1_500_000, "description": "Share (was GBP 2.1m)"},
            "warning",
        ),
        (
            {"type": "funding", "amount": 50_000, "description": "Grant cut from April 2026"},
            "warning",
        ),
    ],
)
def test_pc724_fires_for_a_contribution_withdrawn_or_cut(
    contribution: dict[str, Any], severity: str
) -> None:
    [finding] = fired(assess_changed(_trust_brings(contribution, STAFF_KEPT)), "PC724")
    assert finding.severity == severity and finding.subject == "trust"
    assert finding.message.startswith("Partner trust has withdrawn or cut what it brings: “")


@pytest.mark.parametrize(
    "description",
    [
        "Staff to cut waiting times on the wards",
        "Reablement workers who reduce readmissions",
        "Share of the pooled budget (was agreed in 2024)",
    ],
)
def test_pc724_stays_quiet_on_contributions_that_were_not_cut(description: str) -> None:
    kept = {"type": "funding", "amount": 100_000, "description": description}
    assert not fired(assess_changed(_trust_brings(kept, STAFF_KEPT)), "PC724")


def test_pc724_leaves_a_partner_that_brings_nothing_to_pc401() -> None:
    gone = {"type": "funding", "amount": 0, "description": "Withdrawn in April"}
    result = assess_changed(_trust_brings(gone))
    assert fired(result, "PC401") and not fired(result, "PC724")


def test_every_partner_contributes_is_not_said_beside_a_cut() -> None:
    cut = {"type": "funding", "amount": 50_000, "description": "Grant cut from April"}
    result = assess_changed(_trust_brings(cut, STAFF_KEPT))
    strengths = [s.text for s in result.strengths]
    assert "Every partner contributes resources" not in strengths
    kept = assess_changed(lambda d: None)
    assert "Every partner contributes resources" in [s.text for s in kept.strengths]
