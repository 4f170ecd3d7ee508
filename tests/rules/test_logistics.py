"""PC73x (logistics): a large partnership needs structure to coordinate."""

from __future__ import annotations

from typing import Any

from partnercheck.results import FileResult
from tests.conftest import assess_changed, fired


def grown(extra: int) -> Any:
    """A change that adds ``extra`` partners to the sound partnership."""

    def change(d: dict[str, Any]) -> None:
        for n in range(extra):
            d["partners"].append({"id": f"extra-{n}", "name": f"Extra partner {n}"})

    return change


def test_pc731_fires_for_six_partners_with_little_structure() -> None:
    def change(d: dict[str, Any]) -> None:
        grown(3)(d)
        d["communication"].pop("channels")
        d["governance"]["decision_making"].pop("body")

    [finding] = fired(assess_changed(change), "PC731")
    assert finding.message == (
        "6 partners but only 2 of 4 coordination structures; "
        "missing: a decision-making body, a communication channel"
    )
    assert finding.location is not None and finding.location.path == "partners"
    assert finding.challenge == "logistics"
    assert finding.element == "communication"
    assert finding.severity == "warning"


def test_pc731_counts_roles_only_for_at_least_half_the_partners() -> None:
    def change(d: dict[str, Any]) -> None:
        grown(4)(d)  # 7 partners, 3 with roles
        d["communication"].pop("channels")

    [finding] = fired(assess_changed(change), "PC731")
    assert "missing: roles for at least half the partners, a communication channel" in (
        finding.message
    )


def test_pc731_is_quiet_with_three_structures() -> None:
    def change(d: dict[str, Any]) -> None:
        grown(3)(d)
        d["communication"].pop("channels")

    assert not fired(assess_changed(change), "PC731")


def test_pc731_is_quiet_for_five_partners() -> None:
    # The structures the six-partner case lacks, lacking here too. (Removing the whole
    # communication section would silence PC731 for another reason: PC301 prices it all.)
    def change(d: dict[str, Any]) -> None:
        grown(2)(d)
        d["communication"].pop("channels")
        d["governance"]["decision_making"].pop("body")

    assert not fired(assess_changed(change), "PC731")


def test_logistics_rules_stay_quiet_on_the_sound_partnership(sound_result: FileResult) -> None:
    assert not [f for f in sound_result.findings if f.rule.startswith("PC73")]
