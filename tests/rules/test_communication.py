"""PC3xx: each rule fires on a minimal break of the sound partnership and stays quiet on it."""

from __future__ import annotations

from typing import Any

from partnercheck.results import FileResult
from tests.conftest import assess_changed, fired


def test_section_rules_point_nowhere_without_a_communication_section() -> None:
    result = assess_changed(lambda d: d.pop("communication"))
    expected = {
        "PC301": ("No regular meetings between partners are defined", "error"),
        "PC305": ("No communication channels are listed", "warning"),
        "PC306": ("No information-sharing arrangement is recorded", "warning"),
        "PC307": ("No conflict-resolution process is agreed", "error"),
    }
    for rule_id, (message, severity) in expected.items():
        [finding] = fired(result, rule_id)
        assert (finding.message, finding.severity) == (message, severity)
        assert finding.location is None
    for rule_id in ("PC302", "PC303", "PC304", "PC308"):
        assert not fired(result, rule_id)


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
    assert finding.recommendation == (
        "Invite carers to Partnership board and add it to that meeting's `attendees`"
    )


def test_pc303_fires_for_minutes_not_shared() -> None:
    def change(d: dict[str, Any]) -> None:
        d["communication"]["meetings"][1]["minutes_shared"] = False

    [finding] = fired(assess_changed(change), "PC303")
    assert finding.message == "Minutes of Operations huddle are not shared with all partners"
    assert finding.location is not None
    assert finding.location.path == "communication.meetings[1].minutes_shared"
    assert finding.severity == "warning"


def test_pc303_fires_when_sharing_minutes_is_not_recorded() -> None:
    [finding] = fired(
        assess_changed(lambda d: d["communication"]["meetings"][0].pop("minutes_shared")), "PC303"
    )
    assert finding.message == (
        "Minutes of Partnership board are not recorded as shared with all partners"
    )
    assert finding.location is not None and finding.location.path == "communication.meetings[0]"


def test_pc304_fires_when_no_meeting_has_every_partner() -> None:
    def change(d: dict[str, Any]) -> None:
        d["communication"]["meetings"][0]["attendees"] = ["council", "trust"]

    [finding] = fired(assess_changed(change), "PC304")
    assert finding.message == (
        "No meeting brings all 3 partners together (Partnership board leaves out carers)"
    )
    assert finding.location is not None
    assert finding.location.path == "communication.meetings[0].attendees"
    assert finding.severity == "info"


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


def test_communication_rules_stay_quiet_on_the_sound_partnership(
    sound_result: FileResult,
) -> None:
    assert not [f for f in sound_result.findings if f.rule.startswith("PC3")]
