"""PC2xx: each rule fires on a minimal break of the sound partnership and stays quiet on it."""

from __future__ import annotations

from typing import Any

import pytest

from partnercheck.results import FileResult
from partnercheck.rules.vision import MIN_WORDS
from tests.conftest import assess_changed, element, fired


def test_pc201_without_a_vision_costs_the_whole_element_once() -> None:
    result = assess_changed(lambda d: d.pop("vision"))
    [finding] = fired(result, "PC201")
    assert finding.message == "No shared vision or values are defined"
    assert finding.location is None and finding.severity == "error"
    assert element(result, "vision") == 0.0
    assert [f.rule for f in result.findings if f.element == "vision"] == ["PC201"]


def test_pc201_points_at_a_vision_without_a_statement() -> None:
    [finding] = fired(assess_changed(lambda d: d["vision"].pop("statement")), "PC201")
    assert finding.message == "The vision has no statement"
    assert finding.location is not None and finding.location.path == "vision"
    assert finding.points == 40.0


def test_pc201_reads_a_placeholder_statement_as_missing() -> None:
    def change(d: dict[str, Any]) -> None:
        d["vision"]["statement"] = "TBD"

    result = assess_changed(change)
    assert fired(result, "PC201") and fired(result, "PC001")


def _statement(text: str) -> dict[str, Any]:
    def change(d: dict[str, Any]) -> None:
        d["vision"]["statement"] = text

    return {"change": change}


def test_pc202_fires_for_a_statement_too_short_to_say_anything() -> None:
    [finding] = fired(assess_changed(**_statement("Homes.")), "PC202")
    assert finding.message == (
        "The vision statement is too short to say who benefits or what will change"
    )


def test_pc202_fires_for_generic_words_around_one_specific_one() -> None:
    [finding] = fired(assess_changed(**_statement("Working together for older people.")), "PC202")
    assert finding.message == (
        "The vision statement says little beyond generic words (working, together)"
    )
    assert finding.location is not None and finding.location.path == "vision.statement"


def test_pc202_accepts_a_crisp_short_vision() -> None:
    # Six words that say who and what: not vague, however short.
    assert not fired(assess_changed(**_statement("Every child reads by age eight.")), "PC202")


def test_pc202_counts_meaningful_words_against_its_minimum() -> None:
    words = " ".join(["tenants", "homes", "health", "jobs"][: MIN_WORDS - 1])
    assert fired(assess_changed(**_statement(f"The {words}.")), "PC202")
    words = " ".join(["tenants", "homes", "health", "jobs"][:MIN_WORDS])
    assert not fired(assess_changed(**_statement(f"The {words}.")), "PC202")


@pytest.mark.parametrize(
    ("text", "vague"),
    [("Tenants homes.", True), ("Tenants homes health.", False)],
)
def test_pc202_needs_three_specific_words(text: str, vague: bool) -> None:
    assert bool(fired(assess_changed(**_statement(text)), "PC202")) is vague


def test_pc202_fires_for_a_statement_of_buzzwords() -> None:
    text = "We will deliver excellence and innovation through collaborative partnership working."
    [finding] = fired(assess_changed(**_statement(text)), "PC202")
    assert finding.message == (
        "The vision statement uses only generic words "
        "(deliver, excellence, innovation, collaborative, partnership, working)"
    )


def test_pc202_never_prints_an_empty_word_list() -> None:
    [finding] = fired(assess_changed(**_statement("We are all of us and all of them.")), "PC202")
    assert "()" not in finding.message


def test_pc202_leaves_a_missing_statement_to_pc201() -> None:
    assert not fired(assess_changed(lambda d: d["vision"].pop("statement")), "PC202")


def test_pc203_is_satisfied_by_two_values() -> None:
    assert not fired(
        assess_changed(lambda d: d["vision"].update(values=["dignity", "openness"])), "PC203"
    )


def test_pc203_fires_for_a_single_value_at_half_its_points() -> None:
    def change(d: dict[str, Any]) -> None:
        d["vision"]["values"] = ["dignity"]

    [finding] = fired(assess_changed(change), "PC203")
    assert finding.message == "Only one shared value is listed (dignity)"
    assert finding.points == 10.0
    assert "dignity" in finding.recommendation


def test_pc203_fires_without_values() -> None:
    [finding] = fired(assess_changed(lambda d: d["vision"].pop("values")), "PC203")
    assert finding.message == "No shared values are listed"
    assert finding.points == 20.0


def test_pc204_fires_for_each_partner_who_has_not_agreed() -> None:
    def change(d: dict[str, Any]) -> None:
        d["vision"]["agreed_by"] = ["council"]

    result = assess_changed(change)
    findings = fired(result, "PC204")
    assert sorted(f.message for f in findings) == [
        "Partner carers has not agreed the vision",
        "Partner trust has not agreed the vision",
    ]
    assert all(f.challenge == "conflict" and f.points == pytest.approx(13.33) for f in findings)
    [group] = [g for g in result.groups if g.rule == "PC204"]
    assert group.text == (
        "2 partners have not agreed the vision: Test Hospital Trust and Test Home Care Ltd"
    )
    assert group.points == pytest.approx(26.67)


def test_pc204_fires_once_when_nobody_is_recorded_as_agreeing() -> None:
    [finding] = fired(assess_changed(lambda d: d["vision"].pop("agreed_by")), "PC204")
    assert finding.message == "No partner is recorded as having agreed the vision"
    assert finding.points == 40.0


def test_vision_rules_stay_quiet_on_the_sound_partnership(sound_result: FileResult) -> None:
    assert not [f for f in sound_result.findings if f.rule.startswith("PC2")]
