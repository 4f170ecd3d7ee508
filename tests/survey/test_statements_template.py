"""The questionnaire and the blank forms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from partnercheck.results import ChallengeId, ElementId
from partnercheck.survey.statements import BY_ID, STATEMENTS, statements_for
from partnercheck.survey.template import template_csv, template_markdown
from tests.survey.helpers import errors, read, write


def test_every_element_has_three_to_five_statements() -> None:
    for element in ElementId:
        assert 3 <= len(statements_for(element)) <= 5, element


def test_every_challenge_has_statements() -> None:
    for challenge in ChallengeId:
        assert statements_for(challenge), challenge


def test_ids_are_unique_and_follow_the_scheme() -> None:
    assert len(BY_ID) == len(STATEMENTS)
    for s in STATEMENTS:
        assert re.fullmatch(r"(GOA|VIS|COM|RES|ROL|EVA|CHA-(CON|POW|INV|LOG))[1-9]", s.id), s.id
        assert (s.element is None) != (s.challenge is None)


def test_ids_are_stable() -> None:
    # Responses files name their columns by these ids: never renumber them.
    assert BY_ID["GOA1"].text == "The partnership's goals are clear to me."
    assert BY_ID["CHA-POW1"].text == "My organisation's views are heard when decisions are taken."
    assert BY_ID["CHA-POW1"].challenge is ChallengeId.POWER_IMBALANCE
    assert BY_ID["CHA-INV1"].challenge is ChallengeId.RESOURCE_INVESTMENT
    assert BY_ID["CHA-CON1"].challenge is ChallengeId.CONFLICT
    assert BY_ID["CHA-LOG1"].challenge is ChallengeId.LOGISTICS
    assert BY_ID["COM4"].element is ElementId.COMMUNICATION


def test_template_csv_is_a_header_with_one_column_per_statement() -> None:
    text = template_csv()
    assert text == ",".join(["respondent", "partner", "role", *BY_ID]) + "\n"


def test_template_csv_header_only_is_no_responses(tmp_path: Path) -> None:
    path = write(tmp_path, template_csv())
    assert errors(path) == ["1:1: no responses: the file has a header row but no respondent rows"]


def test_template_csv_filled_in_round_trips(tmp_path: Path) -> None:
    ratings = [str(1 + i % 5) for i in range(len(STATEMENTS))]
    rows = [
        ",".join(["r1", "council", "Chief executive", *ratings]),
        ",".join(["r2", "housing", "", *([""] * len(STATEMENTS))]),
    ]
    path = write(tmp_path, template_csv() + "\n".join(rows) + "\n")
    first, second = read(path)
    assert (first.respondent, first.partner, first.role, first.line) == (
        "r1",
        "council",
        "Chief executive",
        2,
    )
    assert first.ratings == {s.id: 1 + i % 5 for i, s in enumerate(STATEMENTS)}
    assert (second.role, second.ratings, second.line) == (None, {}, 3)


def test_template_markdown_lists_every_statement_with_a_rating_column() -> None:
    text = template_markdown()
    for s in STATEMENTS:
        assert f"| {s.id} | {s.text} | |" in text
    for value, meaning in ((1, "Strongly disagree"), (5, "Strongly agree")):
        assert f"| {value} | {meaning} |" in text
    assert "## Open communication and mutual respect" in text


@pytest.mark.parametrize("word", ["Power imbalance", "Conflict", "Logistics"])
def test_template_markdown_does_not_name_the_challenges(word: str) -> None:
    # Naming the challenge would lead respondents; the form stays neutral.
    assert word not in template_markdown()


def test_docs_list_every_statement() -> None:
    docs = (Path(__file__).parents[2] / "docs" / "survey.md").read_text(encoding="utf-8")
    for s in STATEMENTS:
        assert f"| `{s.id}` | {s.text} | `{s.area.value}` |" in docs, s.id
