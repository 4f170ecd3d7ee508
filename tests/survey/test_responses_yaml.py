"""Reading YAML responses: both shapes, and errors at the value's line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnercheck.survey.responses import Response
from tests.survey.helpers import errors, read, write

EXPECTED = [
    Response("r1", "council", "Chief executive", {"GOA1": 4, "CHA-POW1": 5}, 2),
    Response("r2", "housing", None, {"GOA1": 2}, 7),
]
LIST = """\
# Partnership survey, November 2026
- respondent: r1
  partner: council
  role: Chief executive
  GOA1: 4
- {respondent: r2, partner: housing, GOA1: 2, CHA-POW1: null, x-note: phoned in}
"""


def test_list_of_mappings(tmp_path: Path) -> None:
    text = LIST.replace("  GOA1: 4", "  GOA1: 4\n  CHA-POW1: 5")
    assert read(write(tmp_path, text, "r.yaml")) == EXPECTED


def test_mapping_with_responses_key(tmp_path: Path) -> None:
    text = "responses:\n" + "".join(f"  {line}\n" for line in LIST.splitlines()[1:])
    text = text.replace("    GOA1: 4", "    GOA1: 4\n    CHA-POW1: 5")
    assert text.splitlines()[1] == "  - respondent: r1"
    assert read(write(tmp_path, text, "r.yml")) == EXPECTED


def test_document_start_marker_and_bom(tmp_path: Path) -> None:
    text = "\ufeff---\n- respondent: 7\n  partner: nhs\n  COM1: 3\n"
    assert read(write(tmp_path, text, "r.yaml")) == [Response("7", "nhs", None, {"COM1": 3}, 2)]


def test_errors_in_a_top_level_list_keep_their_lines_and_columns(tmp_path: Path) -> None:
    text = (
        "- respondent: r1\n"
        "  partner: counsil\n"  # 2:12
        "  GOA1: 7\n"  # 3:9
        "  GOAL1: 3\n"  # 4:3
        "- [not, a, mapping]\n"  # 5:3
        "- {respondent: r1, partner: nhs, COM1: true}\n"  # 6:16 duplicate, 6:40 bool
        "- partner: nhs\n"  # 7:3 missing respondent
    )
    expected = "expected a whole number from 1 to 5, or blank for no answer"
    assert errors(write(tmp_path, text, "r.yaml")) == [
        "2:12: unknown partner 'counsil' (did you mean 'council'?)",
        f"3:9: GOA1: rating 7 is out of range; {expected}",
        "4:3: unknown key 'GOAL1' (did you mean 'GOA1'?); expected respondent, partner, role "
        "or a statement id such as GOA1 (prefix it with 'x-' to keep it unchecked)",
        "5:3: each response must be a mapping of column names to values",
        "6:16: duplicate respondent 'r1' (lines 1 and 6); respondent ids must be unique",
        f"6:40: COM1: rating True is not a number; {expected}",
        "7:3: response is missing the required key 'respondent'",
    ]


def test_syntax_error_in_a_top_level_list_is_located(tmp_path: Path) -> None:
    text = "- respondent: r1\n  partner: nhs\n   GOA1: 3\n"
    (error,) = errors(write(tmp_path, text, "r.yaml"))
    assert error.startswith("3:")
    assert "invalid YAML" in error


def test_value_that_is_a_list(tmp_path: Path) -> None:
    text = "responses:\n  - respondent: r1\n    partner: nhs\n    GOA1: [4, 5]\n"
    assert errors(write(tmp_path, text, "r.yaml")) == [
        "4:11: 'GOA1' must be a single value, not a list or mapping"
    ]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("just text\n", "1:1"),
        ("answers: []\n", "1:1"),
        ("responses: []\nnotes: x\n", "2:1"),
        ("responses: 3\n", "1:12"),
    ],
)
def test_wrong_shape(tmp_path: Path, text: str, where: str) -> None:
    assert errors(write(tmp_path, text, "r.yaml")) == [
        f"{where}: expected a list of responses, or a mapping with 'responses' holding that list"
    ]


def test_empty_and_no_responses(tmp_path: Path) -> None:
    assert errors(write(tmp_path, "# nothing yet\n", "r.yaml")) == [
        "1:1: file is empty; expected a list of responses"
    ]
    assert errors(write(tmp_path, "responses: []\n", "r.yaml")) == [
        "1:1: no responses: the file has no respondent rows"
    ]
