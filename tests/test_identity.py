"""Finding identity: stable across lines, wording and dates; distinct across subjects."""

from __future__ import annotations

from partnercheck.identity import finding_id
from partnercheck.results import Finding, Location


def _finding(**changes: object) -> Finding:
    base: dict[str, object] = {
        "rule": "PC402",
        "severity": "warning",
        "element": "resources",
        "challenge": None,
        "message": "Partner council contributes nothing (reviewed 40 days ago)",
        "location": Location(line=12, column=3, path="partners[0]"),
        "recommendation": "Add a contribution",
        "subject": "council",
    }
    return Finding.model_validate(base | changes)


def test_lines_wording_and_dates_do_not_change_the_identity() -> None:
    moved = _finding(
        location=Location(line=40, column=5, path="partners[0]"),
        message="Partner council contributes nothing (reviewed 41 days ago)",
    )
    assert finding_id("p.yaml", moved) == finding_id("p.yaml", _finding())


def test_rule_file_path_and_subject_each_change_it() -> None:
    same = finding_id("p.yaml", _finding())
    assert finding_id("q.yaml", _finding()) != same
    assert finding_id("p.yaml", _finding(rule="PC403")) != same
    assert finding_id("p.yaml", _finding(subject="trust")) != same
    moved = _finding(location=Location(line=12, column=3, path="partners[1]"))
    assert finding_id("p.yaml", moved) != same
