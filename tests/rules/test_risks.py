"""PC508 (declared risks are managed) and PC723 (a funding cliff within the year)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from partnercheck.results import FileResult
from tests.conftest import AS_OF, assess_changed, fired

RISK = "“Board and huddle time strains the small care provider”"


def mitigation(text: str) -> Any:
    return lambda d: d["risks"][0].update(mitigation=text)


def provider_funding(description: str) -> Any:
    """The care provider's funding contribution, described as the partners wrote it."""
    return lambda d: d["partners"][2]["contributions"][0].update(description=description)


def test_pc508_fires_for_a_risk_nobody_owns() -> None:
    [finding] = fired(assess_changed(lambda d: d["risks"][0].pop("owner")), "PC508")
    assert finding.message == f"The risk {RISK} has no owner"
    assert finding.location is not None and finding.location.path == "risks[0]"
    assert (finding.severity, finding.points, finding.element) == ("warning", 10.0, "roles")
    assert finding.recommendation.startswith(f"Agree who watches the risk {RISK}")


def test_pc508_names_every_gap_of_one_risk() -> None:
    def change(d: dict[str, Any]) -> None:
        d["risks"][0].pop("owner")
        d["risks"][0].pop("mitigation")

    [finding] = fired(assess_changed(change), "PC508")
    assert finding.message == f"The risk {RISK} has no owner and no mitigation"


@pytest.mark.parametrize("text", ["Monitoring", "Noted", "Legal proceedings against the provider"])
def test_pc508_fires_for_a_mitigation_that_does_not_reduce_the_risk(text: str) -> None:
    [finding] = fired(assess_changed(mitigation(text)), "PC508")
    assert finding.message == f"The risk {RISK} has a mitigation (“{text}”) that does not reduce it"


def test_pc508_prices_one_unmanaged_risk_of_two_at_half() -> None:
    def change(d: dict[str, Any]) -> None:
        d["risks"].append(
            {
                "challenge": "conflict",
                "description": "Partners disagree on discharge thresholds",
                "mitigation": "Monitoring",
                "owner": "trust",
            }
        )

    [finding] = fired(assess_changed(change), "PC508")
    assert finding.location is not None and finding.location.path == "risks[1]"
    assert finding.points == 5.0


def test_pc508_stays_quiet_for_an_owned_risk_with_a_real_mitigation() -> None:
    change = mitigation("Huddle moves to 20 minutes by video; the pooled budget pays backfill")
    assert not fired(assess_changed(change), "PC508")


@pytest.mark.parametrize("text", ["Monitored", "Watching"])
def test_pc508_fires_for_watching_in_any_tense(text: str) -> None:
    assert fired(assess_changed(mitigation(text)), "PC508")


def test_pc508_stays_quiet_when_watching_comes_with_what_reduces_the_risk() -> None:
    change = mitigation("Monitored monthly; the pooled budget pays backfill for huddle time")
    assert not fired(assess_changed(change), "PC508")


def test_pc723_fires_for_funding_that_ends_within_the_year() -> None:
    result = assess_changed(
        provider_funding("Share of the pooled budget; the grant ends 31 March 2027")
    )
    [finding] = fired(result, "PC723")
    assert finding.message == (
        "Funding ends on 2027-03-31 with nothing agreed to follow it: "
        "“Share of the pooled budget; the grant ends 31 March 2027”"
    )
    assert finding.location is not None
    assert finding.location.path == "partners[2].contributions[0].description"
    assert (finding.severity, finding.points) == ("warning", 15.0)
    assert (finding.element, finding.challenge) == ("resources", "resource-investment")


def test_pc723_reads_funding_not_yet_agreed_in_a_risk() -> None:
    def change(d: dict[str, Any]) -> None:
        d["risks"][0]["description"] = "Recurrent funding from April 2027 is not yet agreed"

    [finding] = fired(assess_changed(change), "PC723")
    assert finding.location is not None and finding.location.path == "risks[0].description"


def test_pc723_dates_unagreed_funding_to_the_day_before_it_is_needed() -> None:
    def change(d: dict[str, Any]) -> None:
        d["risks"][0]["description"] = "Recurrent funding from April 2027 is not yet agreed"

    [finding] = fired(assess_changed(change), "PC723")
    assert finding.message.startswith("Funding ends on 2027-03-31 ")


@pytest.mark.parametrize("when", ["from 1 April 2027", "from 2027-04-01", "after March 2027"])
def test_pc723_dates_unagreed_funding_to_the_last_day_agreed(when: str) -> None:
    def change(d: dict[str, Any]) -> None:
        d["risks"][0]["description"] = f"Recurrent funding {when} is not yet agreed"

    [finding] = fired(assess_changed(change), "PC723")
    assert finding.message.startswith("Funding ends on 2027-03-31 ")


# Money needed from day 367 ends on day 366: the last day within the year ahead.
@pytest.mark.parametrize(("days", "fires"), [(367, True), (368, False)])
def test_pc723_looks_a_year_ahead_to_the_last_day_agreed(days: int, fires: bool) -> None:
    needed = (AS_OF + timedelta(days=days)).isoformat()

    def change(d: dict[str, Any]) -> None:
        d["risks"][0]["description"] = f"Recurrent funding from {needed} is not yet agreed"

    assert bool(fired(assess_changed(change), "PC723")) is fires


# A cliff is money ending within 366 days of the assessment date, from today on.
@pytest.mark.parametrize(("days", "fires"), [(-1, False), (0, True), (366, True), (367, False)])
def test_pc723_looks_a_year_ahead(days: int, fires: bool) -> None:
    ends = (AS_OF + timedelta(days=days)).isoformat()
    result = assess_changed(provider_funding(f"Share of the pooled budget; the grant ends {ends}"))
    assert bool(fired(result, "PC723")) is fires


@pytest.mark.parametrize(
    "description",
    [
        "Share of the pooled budget; the grant ends 31 March 2027, renewed until March 2030",
        "Share of the pooled budget; the grant ends 31 March 2029",
    ],
)
def test_pc723_stays_quiet_when_the_money_is_secured(description: str) -> None:
    assert not fired(assess_changed(provider_funding(description)), "PC723")


def risk(description: str) -> Any:
    return lambda d: d["risks"][0].update(description=description)


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        (
            "Federal recovery (ARPA) funds, about 70% of the pooled budget, must be spent "
            "by 2026-12-31",
            "2026-12-31",
        ),
        (
            "The NHS contribution depends on an annual budget round and could be cut from "
            "April 2027",
            "2027-03-31",  # cut from April: the money runs to the end of March
        ),
        (
            "The trust has told the board its GBP 120,000 contribution ends in March 2027",
            "2027-03-31",
        ),
    ],
)
def test_pc723_reads_funding_endings_in_ordinary_wording(text: str, ends: str) -> None:
    [finding] = fired(assess_changed(risk(text)), "PC723")
    assert finding.message == f"Funding ends on {ends} with nothing agreed to follow it: “{text}”"


@pytest.mark.parametrize(
    "text",
    [
        "The ICB allocation ends on 31 March 2027",
        "EUR 40,000 a year from the region ends from April 2027",
        "USD 2.5m from the state ends in March 2027",
        "GBP 120,000 a year from the trust ends in March 2027",
        "£40k from the foundation runs out in March 2027",
        "Grant money must be spent before April 2027",
        "The council's contribution could be cut in March 2027",
    ],
)
def test_pc723_knows_allocations_contributions_and_amounts_as_money(text: str) -> None:
    [finding] = fired(assess_changed(risk(text)), "PC723")
    assert finding.message.startswith("Funding ends on 2027-03-31 ")


def test_pc723_reads_a_partners_own_contribution_ending() -> None:
    text = "Core grant to the pooled budget; our contribution ends in March 2027"
    [finding] = fired(assess_changed(provider_funding(text)), "PC723")
    assert finding.location is not None
    assert finding.location.path == "partners[2].contributions[0].description"


@pytest.mark.parametrize(
    "text",
    [
        "The contribution of volunteers ends each session with a debrief",  # no date
        "The contribution of volunteers ends in March 2027",  # time, not money
        "Staff contribution ends in March 2027 when the secondment finishes",
        "Grant reporting is due by 2027-03-31",  # a deadline for a report, not for money
        "Funding secured until 2030 with a break clause reviewed annually",
        "Funding secured until March 2030 with a break clause reviewed annually",  # > a year
    ],
)
def test_pc723_stays_quiet_on_sentences_that_are_not_a_funding_end(text: str) -> None:
    assert not fired(assess_changed(risk(text)), "PC723")


def test_pc723_is_one_finding_however_many_texts_say_so() -> None:
    def change(d: dict[str, Any]) -> None:
        for partner in d["partners"]:
            partner["contributions"][0]["description"] = "Pooled budget; the grant ends 2027-03-31"

    assert len(fired(assess_changed(change), "PC723")) == 1


def test_risk_rules_stay_quiet_on_the_sound_partnership(sound_result: FileResult) -> None:
    assert not fired(sound_result, "PC508") and not fired(sound_result, "PC723")
