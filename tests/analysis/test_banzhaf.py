"""The Banzhaf index against a brute-force count of swings, on random small voting games."""

from __future__ import annotations

import time
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnercheck.analysis.power import _coalition_counts, banzhaf


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


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=1_000_000), min_size=1, max_size=7), st.data())
def test_matches_brute_force_for_any_vote_sizes(weights: list[int], data: st.DataObject) -> None:
    votes = {f"p{i}": w for i, w in enumerate(weights)}
    quota = data.draw(st.integers(min_value=1, max_value=sum(weights)))
    expected = brute_force(votes, quota)
    actual = banzhaf(votes, quota)
    assert actual is not None and actual.keys() == expected.keys()
    for name in votes:
        assert abs(actual[name] - expected[name]) < 1e-9


def test_textbook_case_small_voter_equal_to_large_ones() -> None:
    assert banzhaf({"a": 49, "b": 49, "c": 2}, 51) == {"a": 1 / 3, "b": 1 / 3, "c": 1 / 3}


def test_large_vote_numbers_are_the_same_game_as_small_ones() -> None:
    # 24,500/24,500/1,000 is 49/49/2 scaled by 500: the small voter holds a third.
    assert banzhaf({"a": 24_500, "b": 24_500, "c": 1_000}, 25_001) == pytest.approx(
        {"a": 1 / 3, "b": 1 / 3, "c": 1 / 3}
    )


def test_many_equal_voters_are_counted_exactly() -> None:
    votes = {f"p{i}": 1 for i in range(500)}
    shares = banzhaf(votes, 251)
    assert shares is not None and shares["p0"] == pytest.approx(1 / 500)


def test_only_a_large_body_of_many_vote_sizes_falls_back_to_vote_shares() -> None:
    # 40 voters with distinct large weights: too many coalition sums to count.
    votes = {f"p{i}": 1_000_003 * (i + 1) + i * i for i in range(40)}
    assert banzhaf(votes, sum(votes.values()) // 2 + 1) is None
    # ...while a few voters with the same weights are always exact.
    few = dict(list(votes.items())[: 2**4])
    assert banzhaf(few, sum(few.values()) // 2 + 1) is not None


# Powers of two give every coalition its own total: the most sums n voters can make (2^n).
def test_eighteen_voters_of_any_weights_are_counted_exactly() -> None:
    table = _coalition_counts([2**i for i in range(18)], sizes=18)
    assert table is not None and len(table) == 2**18


def test_nineteen_voters_with_all_coalitions_distinct_fall_back_to_vote_shares() -> None:
    votes = {f"p{i}": 2**i for i in range(19)}
    assert banzhaf(votes, sum(votes.values()) // 2 + 1) is None


def test_more_than_2_to_the_18_coalition_sums_fall_back_as_documented() -> None:
    assert _coalition_counts([2**i for i in range(18)] + [1]) is None


def test_thousands_of_equal_voters_cost_nothing() -> None:
    # A body of 20,000 seats without votes: one vote each. Counting their coalitions
    # copied a table of up to 20,000 sums once per voter (hours of work).
    started = time.process_time()
    shares = banzhaf({f"p{i}": 1 for i in range(20_000)}, 10_001)
    assert shares is not None and shares["p0"] == pytest.approx(1 / 20_000)
    assert time.process_time() - started < 1


@pytest.mark.parametrize("sizes", [97, 1_000])
def test_a_large_body_of_few_vote_sizes_stays_fast(sizes: int) -> None:
    # 2,000 voters of 97 vote sizes make fewer than 2^18 sums, so the table never
    # grew too large, yet every voter's pass copied it: 2,000 x 100,000 entries.
    votes = {f"p{i}": i % sizes + 1 for i in range(2_000)}
    started = time.process_time()
    assert banzhaf(votes, sum(votes.values()) // 2 + 1) is None  # vote shares instead
    assert time.process_time() - started < 1
