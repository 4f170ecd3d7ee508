"""Each bundled example is an acceptance test: it validates and gets the band and depth stated
here, which is what its opening comment promises a reader."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES, assess_text

EXPECTED = {
    "riverside.yaml": ("strong", "partnership"),
    # Sound design, but only two of four goals have results on record yet.
    "northern-research-consortium.yaml": ("developing", "partnership"),
    "small-community-alliance.yaml": ("developing", "partnership"),
    # One partner decides alone, no conflict process, no review for three years, no KPIs.
    "harbour-town-network.yaml": ("critical", "networking"),
}


def test_every_example_is_listed() -> None:
    assert sorted(p.name for p in EXAMPLES.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize(("name", "expected"), sorted(EXPECTED.items()))
def test_example_band_and_depth(name: str, expected: tuple[str, str]) -> None:
    result = assess_text((EXAMPLES / name).read_text(encoding="utf-8"), name=name)
    assert (result.band.value, result.depth.value) == expected


def test_the_struggling_example_shows_its_gaps() -> None:
    text = (EXAMPLES / "harbour-town-network.yaml").read_text(encoding="utf-8")
    result = assess_text(text)
    rules = {f.rule for f in result.findings}
    # one partner holds budget, chair and decisions; the form claims more than exists
    assert {"PC712", "PC801", "PC307", "PC610"} <= rules
    levels = {c.id.value: c.level for c in result.challenges}
    assert levels["power-imbalance"] == "high"
    assert levels["conflict"] == "moderate"  # a missing process, not a live dispute


def test_the_suppression_example_is_honoured() -> None:
    text = (EXAMPLES / "small-community-alliance.yaml").read_text(encoding="utf-8")
    [finding] = [f for f in assess_text(text).findings if f.rule == "PC305"]
    assert finding.suppressed and finding.points == 0
