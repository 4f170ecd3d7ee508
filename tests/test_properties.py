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
