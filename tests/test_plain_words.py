"""Client text says what to do in the partnership, in plain words: no YAML keys, no jargon."""

from __future__ import annotations

import re

import pytest

from partnercheck.rules import REGISTRY
from partnercheck.rules.base import Say, plain_method
from partnercheck.rules.context import Subject
from partnercheck.rules.plain import PLAIN_ADVICE
from tests.conftest import ROOT, assess_text

CASES = sorted((ROOT / "tests" / "calibration" / "cases").glob("*.yaml"))
KEYISH = re.compile(r"`|Banzhaf|fte_cost|\w\[\d+\]|\b[a-z]+_[a-z_]+\b|\b[a-z_]{2,}\.[a-z_]{2,}\b")


def test_every_fix_that_names_a_key_has_plain_advice() -> None:
    for rule in REGISTRY.values():
        if "`" in rule.recommendation:
            assert rule.id in PLAIN_ADVICE, rule.id
    for advice in PLAIN_ADVICE.values():
        assert not KEYISH.search(advice), advice


def test_the_method_is_named_for_ci_and_left_out_for_people() -> None:
    who = Subject("partner", "councils", "Constituent councils")
    say = Say(
        "{p} decides alone ({basis})",
        p=who,
        basis=plain_method("simple majority of 5 votes; normalised Banzhaf index"),
    )
    assert (
        say.ids() == "councils decides alone (simple majority of 5 votes; normalised Banzhaf index)"
    )
    assert say.names() == "Constituent councils decides alone (simple majority of 5 votes)"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_client_text_of_every_calibration_case_names_no_key(case: object) -> None:
    from pathlib import Path

    assert isinstance(case, Path)
    result = assess_text(case.read_text(encoding="utf-8"), name=case.name)
    texts = [f.text for f in result.findings] + [f.advice for f in result.findings]
    texts += [g.text for g in result.groups] + [g.advice for g in result.groups]
    texts += [p.advice for p in result.priorities] + [s.text for s in result.strengths]
    texts += [result.cap.text] if result.cap else []
    assert [t for t in texts if KEYISH.search(t)] == []
