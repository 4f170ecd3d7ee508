"""PC3xx: each rule fires on a minimal break of the sound partnership and stays quiet on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from partnercheck.results import FileResult
from tests.conftest import assess_changed, element, fired


def test_without_communication_the_element_scores_zero_on_one_finding() -> None:
    result = assess_changed(lambda d: d.pop("communication"))
    [finding] = fired(result, "PC301")
    assert finding.message == "Nothing is recorded about how the partners communicate"
    assert finding.location is None and finding.points == 100.0
    assert element(result, "communication") == 0.0
    assert [f.rule for f in result.findings if f.element == "communication"] == ["PC301"]


def test_a_body_that_meets_counts_as_a_regular_meeting() -> None:
    def change(d: dict[str, Any]) -> None:
        d.pop("communication")
        d["governance"].pop("decision_making")
        d["governance"]["bodies"] = [
            {
                "id": "board",
                "name": "Board",
                "members": ["council", "trust", "carers", "forum"],
                "rule": "consensus",
                "meets": "monthly",
            }
        ]

    result = assess_changed(change)
    assert not fired(result, "PC301")
    assert fired(result, "PC305")  # still no channels


def test_pc301_fires_when_every_meeting_is_ad_hoc() -> None:
    def change(d: dict[str, Any]) -> None:
        for meeting in d["communication"]["meetings"]:
            meeting["frequency"] = "ad-hoc"

    [finding] = fired(assess_changed(change), "PC301")
    assert finding.message == (
        "No meeting is held on a regular cycle (Partnership board, Operations huddle)"
    )
    assert finding.location is not None and finding.location.path == "communication.meetings"
    assert finding.severity == "error"


def test_pc302_fires_for_a_partner_at_no_meeting() -> None:
    def change(d: dict[str, Any]) -> None:
        d["communication"]["meetings"][0]["attendees"] = ["council", "trust"]
        d["communication"]["meetings"][1]["attendees"] = ["trust"]

    [finding] = fired(assess_changed(change), "PC302")
    assert finding.message == "Partner carers attends no meeting"
    assert finding.location is not None and finding.location.path == "partners[2]"
    assert finding.severity == "warning"
    assert finding.challenge == "logistics"
    assert finding.recommendation == "Invite carers to Partnership board (`attendees`)"
    assert finding.advice == "Invite Test Home Care Ltd to Partnership board"


def test_pc302_costs_a_third_of_its_points_however_many_partners() -> None:
    def change(d: dict[str, Any]) -> None:
        extra = [
            {
                "id": f"p{i}",
                "name": f"Partner {i}",
                "benefits": ["x"],
                "contributions": [{"type": "expertise"}],
            }
            for i in range(8)
        ]
        d["partners"] += extra
        d["communication"]["meetings"][0]["attendees"] += [f"p{i}" for i in range(7)]

    [finding] = fired(assess_changed(change), "PC302")
    assert finding.subject == "p7"
    assert finding.points == pytest.approx(20 / 3, abs=0.01)  # not 20/11


def test_pc302_says_once_when_no_meeting_records_attendance() -> None:
    def change(d: dict[str, Any]) -> None:
        for meeting in d["communication"]["meetings"]:
            meeting.pop("attendees")

    [finding] = fired(assess_changed(change), "PC302")
    assert finding.message == "No meeting records who attends it" and finding.points == 10.0


def test_pc303_fires_for_board_minutes_not_shared() -> None:
    def change(d: dict[str, Any]) -> None:
        d["communication"]["meetings"][0]["minutes_shared"] = False

    [finding] = fired(assess_changed(change), "PC303")
    assert finding.message == "Minutes of Partnership board are not shared with all partners"
    assert finding.location is not None
    assert finding.location.path == "communication.meetings[0].minutes_shared"
    assert finding.points == 10.0


@pytest.mark.parametrize(
    ("name", "frequency"),
    [
        ("Operations huddle", "monthly"),
        ("Delivery team", "weekly"),
        ("Complex case review", "monthly"),
        ("Delivery team", "fortnightly"),
    ],
)
def test_pc303_leaves_working_and_case_meetings_alone(name: str, frequency: str) -> None:
    def change(d: dict[str, Any]) -> None:
        meeting = d["communication"]["meetings"][0]
        meeting.update(name=name, frequency=frequency, minutes_shared=False)

    assert not fired(assess_changed(change), "PC303")


def test_pc303_leaves_meetings_of_a_few_partners_alone() -> None:
    def change(d: dict[str, Any]) -> None:
        d["communication"]["meetings"][1].update(
            frequency="monthly", name="Finance group", minutes_shared=False, attendees=["trust"]
        )

    assert not fired(assess_changed(change), "PC303")


def _executive(decides: str) -> Callable[[dict[str, Any]], None]:
    def change(d: dict[str, Any]) -> None:
        board = d["governance"].pop("decision_making")
        d["governance"]["bodies"] = [
            {"id": "board", "name": board["body"], "rule": "consensus"},
            {"id": "exec", "name": "Executive group", "decides": decides},
        ]
        d["communication"]["meetings"].append(
            {"name": "Executive group", "frequency": "fortnightly", "attendees": ["council"]}
        )

    return change


def test_pc303_fires_for_a_small_body_that_decides_for_everyone() -> None:
    result = assess_changed(_executive("Urgent decisions delegated by the board"))
    [finding] = fired(result, "PC303")
    assert finding.message == (
        "Minutes of Executive group are not recorded as shared with all partners"
    )


def test_pc303_leaves_a_small_advisory_body_alone() -> None:
    assert not fired(assess_changed(_executive("Advises the board on finance")), "PC303")


def test_pc303_fires_when_sharing_minutes_is_not_recorded() -> None:
    [finding] = fired(
        assess_changed(lambda d: d["communication"]["meetings"][0].pop("minutes_shared")), "PC303"
    )
    assert finding.message == (
        "Minutes of Partnership board are not recorded as shared with all partners"
    )
    assert finding.location is not None and finding.location.path == "communication.meetings[0]"
    assert finding.points == 5.0  # unset is not "not shared": half the price


def test_pc303_counts_a_meeting_of_half_the_partners_as_a_partnership_meeting() -> None:
    def change(d: dict[str, Any]) -> None:
        d["partners"].append(
            {"id": "pharmacy", "name": "Test Community Pharmacy", "benefits": ["Fewer errors"]}
        )
        d["communication"]["meetings"][0]["attendees"].append("pharmacy")
        d["communication"]["meetings"].append(
            {
                "name": "Finance group",
                "frequency": "monthly",
                "attendees": ["council", "trust"],  # two of four partners
                "minutes_shared": False,
            }
        )

    [finding] = fired(assess_changed(change), "PC303")
    assert finding.message == "Minutes of Finance group are not shared with all partners"
    assert finding.points == 5.0  # one of the two partnership meetings


def test_pc304_fires_when_no_meeting_has_every_partner() -> None:
    def change(d: dict[str, Any]) -> None:
        d["communication"]["meetings"][0]["attendees"] = ["council", "trust"]
        d["governance"]["decision_making"].pop("votes")  # the board's seats no longer say

    [finding] = fired(assess_changed(change), "PC304")
    assert finding.message == (
        "No meeting brings all 3 partners together (Partnership board leaves out carers)"
    )
    assert finding.location is not None
    assert finding.location.path == "communication.meetings[0].attendees"
    assert finding.severity == "warning"


def test_pc304_counts_the_board_seats_as_bringing_all_partners_together() -> None:
    def change(d: dict[str, Any]) -> None:
        d["communication"]["meetings"][0]["attendees"] = ["council", "trust"]

    # The deciding body's votes still seat carers: the partners do meet together.
    assert not fired(assess_changed(change), "PC304")


def test_pc304_leaves_a_partner_that_attends_nothing_to_pc302() -> None:
    def change(d: dict[str, Any]) -> None:
        for meeting in d["communication"]["meetings"]:
            meeting["attendees"] = ["council", "trust"]
        d["governance"]["decision_making"].pop("votes")

    result = assess_changed(change)
    [absent] = fired(result, "PC302")
    assert absent.message == "Partner carers attends no meeting"
    assert not fired(result, "PC304")  # one gap, one price


def test_pc305_fires_without_channels() -> None:
    [finding] = fired(assess_changed(lambda d: d["communication"].pop("channels")), "PC305")
    assert finding.message == "No communication channels are listed"
    assert finding.location is not None and finding.location.path == "communication"
    assert finding.severity == "warning"
    assert finding.challenge == "logistics"


def test_pc306_fires_without_information_sharing() -> None:
    result = assess_changed(lambda d: d["communication"].pop("information_sharing"))
    [finding] = fired(result, "PC306")
    assert finding.message == "No information-sharing arrangement is recorded"
    assert finding.location is not None and finding.location.path == "communication"
    assert finding.severity == "warning"
    assert finding.challenge == "logistics"


def test_pc307_fires_without_a_dispute_process_and_silences_pc308() -> None:
    result = assess_changed(lambda d: d["communication"].pop("conflict_resolution"))
    [finding] = fired(result, "PC307")
    assert finding.message == "No conflict-resolution process is agreed"
    assert finding.location is not None and finding.location.path == "communication"
    assert finding.severity == "error"
    assert finding.challenge == "conflict"
    assert not fired(result, "PC308")


def test_pc307_fires_for_an_empty_dispute_section() -> None:
    def change(d: dict[str, Any]) -> None:
        d["communication"]["conflict_resolution"] = {}

    [finding] = fired(assess_changed(change), "PC307")
    assert finding.message == "The conflict-resolution section describes no process"
    assert finding.location is not None
    assert finding.location.path == "communication.conflict_resolution"


def test_pc308_fires_when_escalation_stops_inside_the_partners() -> None:
    def change(d: dict[str, Any]) -> None:
        d["communication"]["conflict_resolution"]["escalation"] = ["board", "chief executives"]

    [finding] = fired(assess_changed(change), "PC308")
    assert finding.message == (
        "The last escalation step, chief executives, is not independent of the partners"
    )
    assert finding.location is not None
    assert finding.location.path == "communication.conflict_resolution.escalation[1]"
    assert finding.severity == "warning"
    assert finding.challenge == "conflict"


@pytest.mark.parametrize(("partners", "points"), [(3, 5.0), (4, 10.0)])
def test_pc308_costs_half_in_a_partnership_of_three_or_fewer(partners: int, points: float) -> None:
    def change(d: dict[str, Any]) -> None:
        d["communication"]["conflict_resolution"]["escalation"] = ["board", "chief executives"]
        if partners == 4:
            d["partners"].append(
                {
                    "id": "pharmacy",
                    "name": "Test Community Pharmacy",
                    "contributions": [{"type": "staff", "fte": 0.2}],
                    "benefits": ["Fewer missed medicines after discharge"],
                }
            )

    [finding] = fired(assess_changed(change), "PC308")
    assert finding.points == points


def test_pc308_reads_the_process_when_there_is_no_escalation_list() -> None:
    def change(d: dict[str, Any]) -> None:
        d["communication"]["conflict_resolution"] = {"process": "Chief executives decide"}

    [finding] = fired(assess_changed(change), "PC308")
    assert finding.message == (
        "The conflict-resolution process does not end with anyone independent"
    )
    assert finding.location is not None
    assert finding.location.path == "communication.conflict_resolution.process"

    def independent(d: dict[str, Any]) -> None:
        d["communication"]["conflict_resolution"] = {"process": "Binding arbitration"}

    assert not fired(assess_changed(independent), "PC308")


@pytest.mark.parametrize(
    "last",
    [
        "expert determination",
        "the High Court",
        "CEDR mediation",
        "binding arbitration",
        "national BCF dispute resolution",
        "the Secretary of State",
        "an employment tribunal",
    ],
)
def test_pc308_accepts_any_independent_last_step(last: str) -> None:
    def change(d: dict[str, Any]) -> None:
        d["communication"]["conflict_resolution"]["escalation"] = ["board", last]

    assert not fired(assess_changed(change), "PC308")


def _process(text: str) -> Any:
    def change(d: dict[str, Any]) -> None:
        d["communication"]["conflict_resolution"]["process"] = text

    return change


def test_pc309_fires_for_partners_in_litigation() -> None:
    text = (
        "Disputes go to the board. The council's termination is contested; the provider "
        "issued a GBP 48m claim in January and a trial is listed for 2027."
    )
    [finding] = fired(assess_changed(_process(text)), "PC309")
    assert finding.severity == "error" and finding.challenge == "conflict"
    # The whole sentence that states the dispute, never cut mid-word.
    assert finding.message == (
        "The partners are in a legal dispute: “The council's termination is contested”"
    )
    assert finding.location is not None
    assert finding.location.path == "communication.conflict_resolution.process"


def _conflict_risk(description: str) -> Any:
    def change(d: dict[str, Any]) -> None:
        d["risks"].append({"challenge": "conflict", "description": description})

    return change


def test_pc309_reads_a_conflict_risk_that_states_litigation() -> None:
    text = "Acme has issued proceedings in the Patents Court over the sulfide patents."
    [finding] = fired(assess_changed(_conflict_risk(text)), "PC309")
    assert finding.message == f"The partners are in a legal dispute: “{text}”"


def test_pc309_quotes_a_long_sentence_only_up_to_a_word_boundary() -> None:
    text = "The provider issued a claim " + "concerning the disputed termination " * 10 + "."
    [finding] = fired(assess_changed(_process(text)), "PC309")
    quoted = finding.message.split("“", 1)[1]
    assert quoted.endswith(" …”") and len(quoted) < 230
    assert quoted.startswith("The provider issued a claim concerning")


def test_pc309_is_quiet_on_a_feared_outcome_in_the_risk_register() -> None:
    assert not fired(assess_changed(_conflict_risk("Litigation over the exit")), "PC309")


@pytest.mark.parametrize(
    "text",
    [
        "Disputes go to mediation, then to the courts.",
        "There is a risk of litigation if the contract ends early.",
        "Termination for material breach on six months' notice.",
        # What a dispute *process* says, in stock contract wording (NEC, s.75, consortia).
        "A partner starts a dispute by sending a formal dispute notice to the board chair.",
        "Any live dispute between partners is raised in writing with the chair.",
        "Unresolved disputes go to litigation in the High Court.",
        "A partner may serve notice of dispute; the board meets within 15 working days.",
        "Where a partner is in dispute with another, the chair appoints a mediator.",
    ],
)
def test_pc309_is_quiet_on_a_process_for_disputes_that_might_come(text: str) -> None:
    assert not fired(assess_changed(_process(text)), "PC309")


def test_communication_rules_stay_quiet_on_the_sound_partnership(
    sound_result: FileResult,
) -> None:
    assert not [f for f in sound_result.findings if f.rule.startswith("PC3")]


@pytest.mark.parametrize(
    "text",
    [
        "The co-operative sent a formal notice of dispute in July 2026.",
        "The council is withholding 38,000 of invoices while it disputes the costs.",
    ],
)
def test_pc309_reads_a_dispute_stated_as_fact(text: str) -> None:
    assert fired(assess_changed(_process(text)), "PC309")
