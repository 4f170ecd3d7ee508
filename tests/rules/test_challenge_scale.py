"""The challenge rules stay linear: 5,000 partners are checked in well under a second."""

from __future__ import annotations

import time
from typing import Any

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


def test_challenge_rules_are_fast_on_5000_partners() -> None:
    partnership = network()
    checks = [r.check for r in REGISTRY.values() if r.id.startswith("PC7") and r.check]
    assert len(checks) >= 9
    start = time.perf_counter()
    hits = 0
    for check in checks:
        hits += sum(1 for _ in check(Context(partnership, AS_OF)))
    elapsed = time.perf_counter() - start
    assert hits > 0
    assert elapsed < 3.0, f"challenge rules took {elapsed:.2f}s on {SIZE} partners"
