"""Property tests: scores stay in range whatever is left out, and evidence never costs points."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from partnercheck.results import Band, ElementId, FileResult
from tests.conftest import assess_data, sound

PathT = tuple[str | int, ...]

# Keys a partnership file cannot do without (the top level, and inside list items).
REQUIRED_TOP = {"partnercheck", "partnership", "partners"}
REQUIRED_IN_ITEMS = {
    "id",
    "name",
    "objective",
    "type",
    "partner",
    "action",
    "challenge",
    "description",
    "rule",
    "reason",
    "kind",
}


def optional_paths(node: Any, path: PathT = ()) -> Iterator[PathT]:
    """Every mapping key of the sound partnership that may be left out."""
    if isinstance(node, dict):
        in_item = bool(path) and isinstance(path[-1], int)
        for key, value in node.items():
            here = (*path, key)
            required = (not path and key in REQUIRED_TOP) or (in_item and key in REQUIRED_IN_ITEMS)
            if here == ("partnership", "name"):
                required = True
            if not required:
                yield here
            yield from optional_paths(value, here)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from optional_paths(value, (*path, i))


OPTIONAL: list[PathT] = list(optional_paths(sound()))


def remove(data: dict[str, Any], path: PathT) -> None:
    """Delete the key at ``path``; a no-op when an ancestor is already gone."""
    node: Any = data
    for part in path[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return
    if isinstance(node, dict):
        node.pop(path[-1], None)


def without(paths: set[PathT]) -> dict[str, Any]:
    data = sound()
    for path in sorted(paths, key=len, reverse=True):
        remove(data, path)
    if "goals" not in data:  # KPIs may not refer to goals that are gone
        for kpi in data.get("evaluation", {}).get("kpis", []):
            kpi.pop("goal", None)
    if "members" not in data:  # nor votes to a member that is gone
        votes = data.get("governance", {}).get("decision_making", {}).get("votes", {})
        votes.pop("forum", None)
    return data


def expected_band(value: float) -> Band:
    if value >= 80:
        return Band.STRONG
    if value >= 60:
        return Band.DEVELOPING
    if value >= 40:
        return Band.AT_RISK
    return Band.CRITICAL


def element_score(result: FileResult, element: ElementId) -> float:
    return next(e.score for e in result.elements if e.id is element)


@settings(max_examples=30, deadline=None)
@given(st.sets(st.sampled_from(OPTIONAL)))
def test_scores_stay_in_range_whatever_is_left_out(dropped: set[PathT]) -> None:
    result = assess_data(without(dropped))
    assert len(result.elements) == len(ElementId)
    for element in result.elements:
        assert 0.0 <= element.score <= 100.0
    assert 0.0 <= result.score <= 100.0
    assert result.band is expected_band(result.score)


# Pieces of evidence and the element they are evidence for. Each is complete on its
# own: adding it back supplies a fact some rule checks, never a half that another
# rule would then complain about.
EVIDENCE: list[tuple[PathT, ElementId]] = [
    (("goals", 0, "indicator"), ElementId.GOALS),
    (("goals", 0, "target"), ElementId.GOALS),
    (("goals", 1, "due"), ElementId.GOALS),
    (("goals", 1, "owner"), ElementId.GOALS),
    (("partners", 1, "benefits"), ElementId.GOALS),
    (("vision", "statement"), ElementId.VISION),
    (("vision", "values"), ElementId.VISION),
    (("vision", "agreed_by"), ElementId.VISION),
    (("communication", "channels"), ElementId.COMMUNICATION),
    (("communication", "information_sharing"), ElementId.COMMUNICATION),
    (("communication", "conflict_resolution"), ElementId.COMMUNICATION),
    (("communication", "meetings", 0, "minutes_shared"), ElementId.COMMUNICATION),
    (("resources", "knowledge_sharing"), ElementId.RESOURCES),
    (("resources", "skills_exchange"), ElementId.RESOURCES),
    (("resources", "shared_assets"), ElementId.RESOURCES),
    (("partners", 2, "contributions"), ElementId.RESOURCES),
    (("roles",), ElementId.ROLES),
    (("governance", "decision_making", "body"), ElementId.ROLES),
    (("partnership", "agreement", "exit_terms"), ElementId.ROLES),
    (("evaluation", "kpis"), ElementId.EVALUATION),
    (("evaluation", "methods"), ElementId.EVALUATION),
    (("evaluation", "last_review"), ElementId.EVALUATION),
    (("evaluation", "improvements"), ElementId.EVALUATION),
]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(EVIDENCE))
def test_adding_evidence_back_never_lowers_its_element(piece: tuple[PathT, ElementId]) -> None:
    path, element = piece
    before = element_score(assess_data(without({path})), element)
    after = element_score(assess_data(sound()), element)
    assert after >= before


ELEMENT_OF: dict[PathT, ElementId] = dict(EVIDENCE)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(EVIDENCE), st.sets(st.sampled_from(list(ELEMENT_OF))))
def test_evidence_helps_whatever_else_is_missing_elsewhere(
    piece: tuple[PathT, ElementId], others: set[PathT]
) -> None:
    # Evidence for one element never costs that element points, whatever is missing
    # from the other elements.
    path, element = piece
    base = {p for p in others if ELEMENT_OF[p] is not element}
    before = element_score(assess_data(without(base | {path})), element)
    after = element_score(assess_data(without(base)), element)
    assert after >= before


def test_listing_values_in_an_empty_vision_never_lowers_its_score() -> None:
    empty: set[PathT] = {("vision", "statement"), ("vision", "agreed_by")}
    before = element_score(assess_data(without(empty | {("vision", "values")})), ElementId.VISION)
    after = element_score(assess_data(without(empty)), ElementId.VISION)
    assert after >= before


# --- Adding a sound item never lowers any element's score -------------------------------

ALL = ["council", "trust", "carers"]
SOUND_ITEMS: dict[str, tuple[PathT, Any]] = {
    "goal": (
        ("goals",),
        {
            "id": "G9",
            "objective": "Cut falls among older people living at home",
            "owner": "council",
            "shared_by": ALL,
            "indicator": "Falls admissions per 1,000 people over 65",
            "baseline": 20,
            "target": 15,
            "due": "2027-12-31",
            "status": "on-track",
            "status_date": "2026-11-01",
        },
    ),
    "meeting": (
        ("communication", "meetings"),
        {
            "name": "Joint review",
            "frequency": "quarterly",
            "attendees": ALL,
            "minutes_shared": True,
        },
    ),
    "channel": (("communication", "channels"), "Partner newsletter"),
    "value": (("vision", "values"), "fairness"),
    "asset": (("resources", "shared_assets"), "joint training room"),
    "method": (("evaluation", "methods"), "case-studies"),
    "improvement": (
        ("evaluation", "improvements"),
        {
            "action": "Publish a quarterly dashboard",
            "owner": "council",
            "due": "2027-06-30",
            "status": "open",
        },
    ),
    "risk": (
        ("risks",),
        {
            "challenge": "logistics",
            "description": "Staff turnover slows referrals",
            "mitigation": "Shared induction pack",
            "owner": "trust",
        },
    ),
    "role": (("roles", 0, "responsibilities"), "Publishes the annual report"),
}


def add(data: dict[str, Any], path: PathT, item: Any) -> bool:
    """Append ``item`` to the list at ``path`` (created when its parent mapping exists)."""
    node: Any = data
    for part in path[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return False
    if not isinstance(node, dict):
        return False
    node.setdefault(path[-1], []).append(item)
    return True


@settings(max_examples=60, deadline=None)
@given(st.sets(st.sampled_from(OPTIONAL), max_size=6), st.sampled_from(sorted(SOUND_ITEMS)))
def test_adding_a_sound_item_never_lowers_any_element(dropped: set[PathT], kind: str) -> None:
    if kind == "method" and ("evaluation", "methods") in dropped:
        # A known defect, pinned by the strict xfail test_listing_a_first_evaluation_method_
        # never_lowers_evaluation (tests/rules/test_evaluation.py): a first method brings
        # PC612 in beside PC603. Delete this skip when that test passes.
        return
    data = without(dropped)
    before = assess_data(data)
    path, item = SOUND_ITEMS[kind]
    if not add(data, path, item):
        return  # the section it belongs in was dropped with its parent
    after = assess_data(data)
    for old, new in zip(before.elements, after.elements, strict=True):
        assert new.score >= old.score, (kind, old.id, old.score, new.score)
