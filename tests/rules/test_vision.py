"""PC2xx: each rule fires on a minimal break of the sound partnership and stays quiet on it."""

from __future__ import annotations

from typing import Any

from partnercheck.results import FileResult
from tests.conftest import assess_changed, fired


def test_pc201_fires_without_a_vision_and_points_nowhere() -> None:
    [finding] = fired(assess_changed(lambda d: d.pop("vision")), "PC201")
    assert finding.message == "No shared vision is defined"
    assert finding.location is None
    assert finding.severity == "error"


def test_pc201_points_at_a_vision_without_a_statement() -> None:
    [finding] = fired(assess_changed(lambda d: d["vision"].pop("statement")), "PC201")
    assert finding.message == "The vision has no statement"
    assert finding.location is not None and finding.location.path == "vision"
    assert finding.severity == "error"


def test_pc202_fires_for_a_short_statement() -> None:
    def change(d: dict[str, Any]) -> None:
        d["vision"]["statement"] = "Better care for all."

    [finding] = fired(assess_changed(change), "PC202")
    assert finding.message == "The vision statement is vague: only 4 words"
    assert finding.location is not None and finding.location.path == "vision.statement"
    assert finding.severity == "warning"


def test_pc202_fires_for_a_statement_of_buzzwords() -> None:
    def change(d: dict[str, Any]) -> None:
        d["vision"]["statement"] = (
            "We will deliver excellence and innovation through collaborative partnership working."
        )

    [finding] = fired(assess_changed(change), "PC202")
    assert finding.message == (
        "The vision statement is vague: it uses only generic words "
        "(deliver, excellence, innovation, collaborative, partnership, working)"
    )
    assert finding.location is not None and finding.location.path == "vision.statement"


def test_pc202_leaves_a_missing_statement_to_pc201() -> None:
    assert not fired(assess_changed(lambda d: d["vision"].pop("statement")), "PC202")


def test_pc203_fires_for_a_single_value() -> None:
    def change(d: dict[str, Any]) -> None:
        d["vision"]["values"] = ["dignity"]

    [finding] = fired(assess_changed(change), "PC203")
    assert finding.message == "Only one shared value is listed (dignity)"
    assert finding.location is not None and finding.location.path == "vision.values"
    assert finding.severity == "warning"
    assert "dignity" in finding.recommendation


def test_pc203_fires_without_values() -> None:
    [finding] = fired(assess_changed(lambda d: d["vision"].pop("values")), "PC203")
    assert finding.message == "No shared values are listed"
    assert finding.location is not None and finding.location.path == "vision"


def test_pc203_points_nowhere_without_a_vision() -> None:
    [finding] = fired(assess_changed(lambda d: d.pop("vision")), "PC203")
    assert finding.location is None


def test_pc204_fires_for_each_partner_who_has_not_agreed() -> None:
    def change(d: dict[str, Any]) -> None:
        d["vision"]["agreed_by"] = ["council"]

    findings = fired(assess_changed(change), "PC204")
    assert sorted(f.message for f in findings) == [
        "Partner carers has not agreed the vision",
        "Partner trust has not agreed the vision",
    ]
    for finding in findings:
        assert finding.location is not None and finding.location.path == "vision.agreed_by"
        assert finding.severity == "warning"
        assert finding.challenge == "conflict"
    assert {f.recommendation for f in findings} == {
        f"Confirm the vision and values with {pid} and add it to `vision.agreed_by`"
        for pid in ("trust", "carers")
    }


def test_pc204_fires_for_every_partner_when_there_is_no_vision() -> None:
    findings = fired(assess_changed(lambda d: d.pop("vision")), "PC204")
    assert sorted(f.message for f in findings) == [
        f"Partner {pid} has not agreed the vision" for pid in ("carers", "council", "trust")
    ]
    assert all(f.location is None for f in findings)


def test_vision_rules_stay_quiet_on_the_sound_partnership(sound_result: FileResult) -> None:
    assert not [f for f in sound_result.findings if f.rule.startswith("PC2")]
