"""Collaboration depth (networking < coordination < cooperation < partnership) and PC801."""

from __future__ import annotations

from typing import Any

import pytest

from partnercheck.results import Depth, FileResult
from tests.conftest import assess_changed, assess_text, fired

NETWORKING = """
partnercheck: 1
partnership: {name: Riverside Learning Network, form: network}
partners:
  - {id: library, name: Riverside Library}
  - {id: college, name: Riverside College}
  - {id: museum, name: Riverside Museum}
"""

COORDINATION = (
    NETWORKING
    + """
communication:
  meetings:
    - name: Programme planning
      frequency: quarterly
      attendees: [library, college, museum]
"""
)

COOPERATION = (
    COORDINATION
    + """
roles:
  - partner: library
    responsibilities: [Hosts the joint reading programme]
  - partner: college
    responsibilities: [Provides tutors for the reading programme]
"""
)


def with_contributions(text: str) -> str:
    return text.replace(
        "  - {id: library, name: Riverside Library}\n  - {id: college, name: Riverside College}",
        "  - {id: library, name: Riverside Library, contributions: [{type: facilities}]}\n"
        "  - {id: college, name: Riverside College, contributions: [{type: staff, fte: 0.5}]}",
    )


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        (NETWORKING, Depth.NETWORKING),
        (COORDINATION, Depth.COORDINATION),
        (COOPERATION, Depth.COORDINATION),  # tasks are shared but resources are not
        (with_contributions(COOPERATION), Depth.COOPERATION),
        (with_contributions(NETWORKING), Depth.NETWORKING),  # no regular meetings
    ],
    ids=["networking", "coordination", "tasks-only", "cooperation", "resources-only"],
)
def test_depth_of_minimal_files(text: str, depth: Depth) -> None:
    assert assess_text(text).depth is depth


def test_the_sound_partnership_is_a_partnership(sound_result: FileResult) -> None:
    assert sound_result.depth is Depth.PARTNERSHIP


def test_without_roles_the_sound_partnership_is_only_coordination() -> None:
    assert assess_changed(lambda d: d.pop("roles")).depth is Depth.COORDINATION


def test_without_joint_decisions_the_sound_partnership_is_cooperation() -> None:
    def change(d: dict[str, Any]) -> None:
        d["governance"]["decision_making"]["rule"] = "lead-partner"

    assert assess_changed(change).depth is Depth.COOPERATION


def test_pc801_fires_for_a_consortium_structured_as_networking() -> None:
    text = NETWORKING.replace("form: network", "form: consortium")
    [finding] = fired(assess_text(text), "PC801")
    assert finding.message.startswith(
        "Form is consortium but the structure shows only networking; missing: shared goals,"
    )
    assert finding.location is not None and finding.location.path == "partnership.form"
    assert finding.points == 0
    assert finding.element is None


def test_pc801_fires_for_a_joint_venture_structured_as_coordination() -> None:
    text = COORDINATION.replace("form: network", "form: joint-venture")
    [finding] = fired(assess_text(text), "PC801")
    assert "shows only coordination" in finding.message


def test_pc801_is_quiet_when_the_form_claims_no_more_than_exists() -> None:
    assert not fired(assess_text(NETWORKING), "PC801")
    cooperating_consortium = with_contributions(COOPERATION).replace(
        "form: network", "form: consortium"
    )
    assert not fired(assess_text(cooperating_consortium), "PC801")


def test_pc801_is_quiet_on_the_sound_partnership(sound_result: FileResult) -> None:
    assert not fired(sound_result, "PC801")


@pytest.mark.parametrize(
    ("owners", "evaluators", "depth"),
    [
        (["trust", "council"], ["council"], Depth.PARTNERSHIP),  # goal owners from two partners
        (["trust", "trust"], ["council", "trust"], Depth.PARTNERSHIP),  # two partners evaluate
        (["trust", "trust"], ["council"], Depth.COOPERATION),  # accountability rests with one
    ],
)
def test_shared_accountability_needs_two_partners(
    owners: list[str], evaluators: list[str], depth: Depth
) -> None:
    def change(d: dict[str, Any]) -> None:
        for goal, owner in zip(d["goals"], owners, strict=True):
            goal["owner"] = owner
        d["evaluation"]["involves"] = evaluators

    assert assess_changed(change).depth == depth


def one_partner_only(of: str) -> Any:
    """Contributions or roles for the council alone."""

    def change(d: dict[str, Any]) -> None:
        d["resources"].pop("pooled_budget")
        d["resources"].pop("shared_assets")
        if of == "contributions":
            for partner in d["partners"][1:]:
                partner.pop("contributions")
        else:
            d["roles"] = d["roles"][:1]

    return change


@pytest.mark.parametrize("of", ["contributions", "roles"])
def test_cooperation_needs_two_partners_contributing_and_two_with_tasks(of: str) -> None:
    assert assess_changed(one_partner_only(of)).depth == Depth.COORDINATION
