"""The challenge rules run on a 5,000-partner network (their speed is measured in
benchmarks/, which checks they stay linear)."""

from __future__ import annotations

from typing import Any

import pytest

from partnercheck.model.partnership import Partnership
from partnercheck.rules import REGISTRY
from partnercheck.rules.context import Context
from tests.conftest import AS_OF

SIZE = 5000


def network() -> Partnership:
    ids = [f"p{i}" for i in range(SIZE)]
    data: dict[str, Any] = {
        "partnercheck": 1,
        "partnership": {"name": "Large network", "form": "consortium"},
        "partners": [
            {
                "id": pid,
                "name": pid,
                "contributions": [
                    {"type": "funding", "amount": 100},
                    {"type": "staff", "fte": 0.1},
                ],
            }
            for pid in ids
        ],
        "goals": [
            {"id": f"G{i}", "objective": "Objective", "owner": ids[i], "shared_by": ids[i : i + 3]}
            for i in range(SIZE)
        ],
        "communication": {
            "meetings": [
                {"name": f"Meeting {i}", "frequency": "weekly", "attendees": ids[i : i + 5]}
                for i in range(SIZE)
            ]
        },
        "governance": {
            "lead_partner": "p0",
            "decision_making": {
                "body": "Board",
                "rule": "majority",
                "votes": dict.fromkeys(ids[:-1], 1),
            },
            "chair": {"partner": "p0", "rotates": "never"},
        },
    }
    return Partnership.model_validate(data)


@pytest.mark.slow
def test_challenge_rules_run_on_5000_partners() -> None:
    partnership = network()
    ctx = Context(partnership, AS_OF)
    found = {
        r.id: sum(1 for _ in r.check(ctx))
        for r in REGISTRY.values()
        if r.id.startswith("PC7") and r.check
    }
    # p0 leads, chairs for good and, with 4,999 equal votes, cannot decide alone.
    assert found["PC712"] == 0
    # The last partner has no vote and no seat anywhere.
    assert found["PC713"] == 1
