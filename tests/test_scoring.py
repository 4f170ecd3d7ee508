"""docs/scoring.md's formulas and worked example, run against the engine."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from partnercheck.results import ElementId
from partnercheck.rules import REGISTRY
from partnercheck.scoring import band_for
from tests.conftest import ROOT, assess_changed, fired

DOC = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")


def test_worked_example() -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"][1].pop("target")

    result = assess_changed(change)
    [finding] = fired(result, "PC104")
    assert finding.points == 5.0
    scores = {e.id: e.score for e in result.elements}
    assert scores[ElementId.GOALS] == 95.0
    assert all(v == 100.0 for k, v in scores.items() if k is not ElementId.GOALS)
    assert result.score == 99.2 and result.band == "strong"


def test_weight_table_matches_the_registry() -> None:
    totals: dict[str, float] = defaultdict(float)
    for r in REGISTRY.values():
        if r.element is not None:
            totals[r.element.value] += r.weight
    documented = {
        m.group(1): float(m.group(2))
        for m in re.finditer(r"^\| (\w+) \| ([\d.]+) \| ([\d.]+) \|$", DOC, re.MULTILINE)
    }
    assert documented == dict(totals)
    for element, total in totals.items():
        assert f"| {element} | {total:g} | {100 / total:.2f} |" in DOC


def test_bands_follow_the_contract() -> None:
    assert [band_for(s) for s in (100, 80, 79.9, 60, 59.9, 40, 39.9, 0)] == [
        "strong",
        "strong",
        "developing",
        "developing",
        "at-risk",
        "at-risk",
        "critical",
        "critical",
    ]


def test_overall_is_the_weighted_mean_of_printed_element_scores() -> None:
    result = assess_changed(lambda d: d.pop("evaluation"))
    total = sum(e.weight * e.score for e in result.elements) / sum(
        e.weight for e in result.elements
    )
    assert result.score == round(total, 1)
    for element in result.elements:
        lost = sum(f.points for f in result.findings if f.element == element.id)
        assert element.score == round(max(0.0, 100 - lost), 1)


def test_a_rule_never_costs_more_than_its_points() -> None:
    def change(d: dict[str, Any]) -> None:
        for goal in d["goals"]:
            goal.pop("target")

    result = assess_changed(change)
    assert sum(f.points for f in fired(result, "PC104")) == 10.0


def test_very_many_findings_of_one_rule_are_summarised_at_the_same_price() -> None:
    from partnercheck.engine import MAX_HITS_PER_RULE

    count = MAX_HITS_PER_RULE + 250

    def change(d: dict[str, Any]) -> None:
        extra = [{"id": f"p{i}", "name": f"Partner {i}"} for i in range(count)]
        d["partners"].extend(extra)

    result = assess_changed(change)
    findings = fired(result, "PC110")
    assert len(findings) == MAX_HITS_PER_RULE
    assert findings[-1].message.endswith("; and 250 more like it")
    # the summary carries the share of the 251 partners it stands for
    partners = count + 3
    assert findings[-1].points == round(10.0 * 251 / partners, 2)
    # displayed points are rounded each; their sum stays within rounding of the rule's cost
    expected = 10.0 * count / partners
    assert abs(sum(f.points for f in findings) - expected) <= 0.005 * len(findings)
