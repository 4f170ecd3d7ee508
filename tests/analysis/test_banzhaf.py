"""The Banzhaf index against a brute-force count of swings, on random small voting games."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from partnercheck.analysis.power import banzhaf


def brute_force(votes: dict[str, int], quota: int) -> dict[str, float]:
    names = list(votes)
    swings = dict.fromkeys(names, 0)
    for size in range(len(names) + 1):
        for coalition in combinations(names, size):
            total = sum(votes[n] for n in coalition)
            if total >= quota:
                for n in coalition:
                    if total - votes[n] < quota:
                        swings[n] += 1
    all_swings = sum(swings.values())
    return {n: (swings[n] / all_swings if all_swings else 1 / len(names)) for n in names}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=9), min_size=1, max_size=7), st.data())
def test_matches_brute_force(weights: list[int], data: st.DataObject) -> None:
    votes = {f"p{i}": w for i, w in enumerate(weights)}
    quota = data.draw(st.integers(min_value=1, max_value=sum(weights)))
    expected = brute_force(votes, quota)
    actual = banzhaf(votes, quota)
    assert actual.keys() == expected.keys()
    for name in votes:
        assert abs(actual[name] - expected[name]) < 1e-9


def test_textbook_case_small_voter_equal_to_large_ones() -> None:
    assert banzhaf({"a": 49, "b": 49, "c": 2}, 51) == {"a": 1 / 3, "b": 1 / 3, "c": 1 / 3}
