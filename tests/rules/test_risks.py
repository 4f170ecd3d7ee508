"""PC508 (declared risks are managed) and PC723 (a funding cliff within the year)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from partnercheck.results import FileResult
from partnercheck.rules.risks import CLIFF_DAYS, CLOSE_SHARE, GRAVE_SHARE, SOON_DAYS
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
        provider_funding("Share of the pooled budget; the grant ends 31 August 2027")
    )
    [finding] = fired(result, "PC723")
    # The contribution's own amount is a third of the partners' funding.
    assert finding.message == (
        "33% of the money ends on 2027-08-31 with nothing agreed to follow it: "
        "“Share of the pooled budget; the grant ends 31 August 2027”"
    )
    assert finding.location is not None
    assert finding.location.path == "partners[2].contributions[0].description"
    assert (finding.severity, finding.points) == ("warning", 15.0)
    assert (finding.element, finding.challenge) == ("resources", "resource-investment")
    assert finding.advice == "Agree what replaces the grant before 31 August 2027"


def test_pc723_reads_funding_not_yet_agreed_in_a_risk() -> None:
    def change(d: dict[str, Any]) -> None:
        d["risks"][0]["description"] = "Recurrent funding from April 2027 is not yet agreed"

    [finding] = fired(assess_changed(change), "PC723")
    assert finding.location is not None and finding.location.path == "risks[0].description"


def test_pc723_dates_unagreed_funding_to_the_day_before_it_is_needed() -> None:
    def change(d: dict[str, Any]) -> None:
        d["risks"][0]["description"] = "Recurrent funding from April 2027 is not yet agreed"

    [finding] = fired(assess_changed(change), "PC723")
    assert finding.message.startswith("The recurrent funding is not confirmed after 2027-03-31: ")


@pytest.mark.parametrize("when", ["from 1 April 2027", "from 2027-04-01", "after March 2027"])
def test_pc723_dates_unagreed_funding_to_the_last_day_agreed(when: str) -> None:
    def change(d: dict[str, Any]) -> None:
        d["risks"][0]["description"] = f"Recurrent funding {when} is not yet agreed"

    [finding] = fired(assess_changed(change), "PC723")
    assert " is not confirmed after 2027-03-31: " in finding.message


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
    ("text", "said"),
    [
        (
            "Federal recovery (ARPA) funds, about 70% of the pooled budget, must be spent "
            "by 2026-12-31",
            "70% of the money ends on 2026-12-31 with nothing agreed to follow it",
        ),
        (
            "The NHS contribution depends on an annual budget round and could be cut from "
            "April 2027",
            # cut from April: the money runs to the end of March, if it is cut at all
            "The NHS contribution is not confirmed after 2027-03-31",
        ),
        (
            "The trust has told the board its GBP 120,000 contribution ends in March 2027",
            "Funding ends on 2027-03-31 with nothing agreed to follow it",
        ),
    ],
)
def test_pc723_reads_funding_endings_in_ordinary_wording(text: str, said: str) -> None:
    [finding] = fired(assess_changed(risk(text)), "PC723")
    assert finding.message == f"{said}: “{text}”"


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
    assert " 2027-03-31" in finding.message


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


@pytest.mark.parametrize(
    "text",
    [
        "The ICB grant could be cut from April 2027",
        "The ICB grant depends on a budget round and may stop from April 2027",
        "The ICB grant is confirmed only to March 2027",
        "The ICB grant from April 2027 is not confirmed",
    ],
)
def test_pc723_says_money_not_confirmed_is_not_confirmed_not_that_it_ends(text: str) -> None:
    [finding] = fired(assess_changed(risk(text)), "PC723")
    assert finding.message == f"The ICB grant is not confirmed after 2027-03-31: “{text}”"
    assert finding.advice == (
        "Secure the ICB grant beyond 31 March 2027, or agree what would replace it"
    )


@pytest.mark.parametrize(
    ("mitigation", "plan"),
    [
        ("Bridging commitment from the three industrial members", "Bridging commitment"),
        ("Match funding committed by the council for 2027-28", "Match funding committed"),
        ("Successor grant secured from the foundation", "Successor grant secured"),
        ("Bid to the ICB prevention fund submitted in October 2026", "Bid to the ICB"),
        ("Application submitted to the lottery", "Application submitted"),
        ("Foundation with a paid service model; business plan reviewed", "business plan"),
        ("Renewal bid in preparation with letters of support", "Renewal bid"),
    ],
)
def test_pc723_is_a_note_when_a_plan_to_replace_the_money_is_in_hand(
    mitigation: str, plan: str
) -> None:
    def change(d: dict[str, Any]) -> None:
        d["risks"][0].update(description="The ICB grant ends on 2027-03-31", mitigation=mitigation)

    [finding] = fired(assess_changed(change), "PC723")
    assert finding.message.startswith(f"Funding after 2027-03-31 is not yet secured; “{plan}")
    assert "” in hand: “The ICB grant ends on 2027-03-31”" in finding.message
    assert (finding.severity, finding.points) == ("info", 0.0)
    assert "nothing agreed" not in finding.message and "orderly" not in finding.recommendation


def test_pc723_reads_a_plan_in_the_sentence_itself() -> None:
    text = "The ICB grant ends on 2027-03-31; a bridging loan from the council is agreed"
    [finding] = fired(assess_changed(risk(text)), "PC723")
    assert finding.severity == "info"


@pytest.mark.parametrize(
    "mitigation",
    [
        "Aurora has withdrawn its bridging commitment",
        "No bid submitted yet",
        "Funding not secured",
        "Renewal bid to be agreed at the next board",
        "Three-year funding letter requested",
    ],
)
def test_pc723_does_not_take_a_plan_denied_or_not_yet_made_for_one(mitigation: str) -> None:
    def change(d: dict[str, Any]) -> None:
        d["risks"][0].update(description="The ICB grant ends on 2027-08-31", mitigation=mitigation)

    [finding] = fired(assess_changed(change), "PC723")
    assert finding.severity == "warning"


def grant_ends(days: int, share: str = "30%") -> Any:
    ends = (AS_OF + timedelta(days=days)).isoformat()
    return risk(f"The ICB grant, {share} of the pooled budget, ends on {ends}")


def test_pc723_is_an_error_when_much_of_the_money_ends_soon_with_no_plan() -> None:
    result = assess_changed(grant_ends(125))
    [finding] = fired(result, "PC723")
    assert finding.message.startswith(
        "30% of the money ends on 2027-03-31 with nothing agreed to follow it: "
    )
    assert (finding.severity, finding.points) == ("error", 15.0)
    assert result.band == "developing"  # an error caps the headline (docs/scoring.md)


# Six months (183 days, counted at their longest) and a quarter of the money: the thresholds.
@pytest.mark.parametrize(
    ("days", "share", "severity"),
    [(183, "25%", "error"), (184, "25%", "warning"), (183, "24%", "warning")],
)
def test_pc723_makes_an_error_from_a_quarter_of_the_money_within_six_months(
    days: int, share: str, severity: str
) -> None:
    [finding] = fired(assess_changed(grant_ends(days, share)), "PC723")
    assert finding.severity == severity


@pytest.mark.parametrize(
    "text",
    [
        "The carers' contribution ends on 2027-03-31",  # named after the partner
        "GBP 100,000 from the carers' centre ends on 2027-03-31",  # one partner's amount
    ],
)
def test_pc723_finds_the_share_from_the_partners_funding(text: str) -> None:
    [finding] = fired(assess_changed(risk(text)), "PC723")
    assert finding.message.startswith("33% of the money ends on 2027-03-31 ")
    assert finding.severity == "error"


def test_pc723_keeps_money_not_confirmed_a_warning_however_large() -> None:
    text = "The ICB grant, 90% of the pooled budget, could be cut from 2027-01-01"
    [finding] = fired(assess_changed(risk(text)), "PC723")
    assert finding.message.startswith(
        "The ICB grant (90% of the money) is not confirmed after 2026-12-31: "
    )
    assert finding.severity == "warning"


@pytest.mark.parametrize(("share", "close"), [("50%", True), ("49%", False)])
def test_pc723_offers_an_orderly_close_only_when_half_the_money_ends(
    share: str, close: bool
) -> None:
    [finding] = fired(assess_changed(grant_ends(300, share)), "PC723")
    assert finding.advice.startswith("Agree what replaces the ICB grant before ")
    assert finding.advice.endswith(", or plan an orderly close") is close


def test_pc723_thresholds_are_as_documented() -> None:
    assert (CLIFF_DAYS, SOON_DAYS, GRAVE_SHARE, CLOSE_SHARE) == (366, 183, 0.25, 0.5)


def test_risk_rules_stay_quiet_on_the_sound_partnership(sound_result: FileResult) -> None:
    assert not fired(sound_result, "PC508") and not fired(sound_result, "PC723")


COURIER = "The courier's exit left two sites without deliveries, and stock-outs have risen"


def courier_action(due: str) -> Any:
    def change(d: dict[str, Any]) -> None:
        d["risks"][0]["description"] = COURIER
        d["evaluation"]["improvements"].append(
            {
                "action": "Replace the courier's deliveries to the two sites",
                "owner": "council",
                "due": due,
                "status": "in-progress",
            }
        )

    return change


@pytest.mark.parametrize(
    "text",
    [
        COURIER,
        "Waiting times have risen since the clinic moved",
        "Referrals from the surgery has stopped since June",
        "Attendance has fallen by a third",
        "Two volunteers were lost to the new scheme",
        "The drop-in has closed",
    ],
)
def test_pc732_fires_for_a_risk_that_has_already_happened(text: str) -> None:
    [finding] = fired(assess_changed(risk(text)), "PC510")
    assert finding.message == f"A declared risk has already happened: “{text}”"
    assert finding.location is not None and finding.location.path == "risks[0].description"
    assert (finding.severity, finding.points) == ("warning", 10.0)
    # Priced with risk management; filed under the challenge the risk was declared for.
    assert (finding.element, finding.challenge) == ("roles", "resource-investment")
    assert finding.advice.startswith("Act now on what has happened (“")


def test_pc732_credits_an_action_under_way_for_the_harm() -> None:
    [finding] = fired(assess_changed(courier_action("2027-03-31")), "PC510")
    assert finding.advice == (
        "Make sure the action under way, “Replace the courier's deliveries to the two sites” "
        "(due 31 March 2027), deals with the harm already done"
    )


def test_pc732_says_when_the_action_for_the_harm_is_overdue() -> None:
    [finding] = fired(assess_changed(courier_action("2026-09-30")), "PC510")
    assert finding.advice == (
        "Make sure “Replace the courier's deliveries to the two sites” (due 30 September 2026, "
        "now overdue) is finished: the harm is already happening"
    )


@pytest.mark.parametrize(
    "text",
    [
        "The courier's exit could leave two sites without deliveries",
        "Stock-outs may have risen if the courier leaves",
        "If the clinic moves, waiting times might rise",
        "Attendance would have fallen without the bus pass",
        "Board and huddle time strains the small care provider",
    ],
)
def test_pc732_stays_quiet_for_a_risk_written_in_the_conditional(text: str) -> None:
    assert not fired(assess_changed(risk(text)), "PC510")


def test_pc732_does_not_read_the_mitigation() -> None:
    change = mitigation("Backfill paid since huddle attendance has fallen")
    assert not fired(assess_changed(change), "PC510")


def test_pc732_is_quiet_on_the_sound_partnership(sound_result: FileResult) -> None:
    assert not fired(sound_result, "PC510")
