"""Reading CSV responses: spreadsheet exports, and every bad input located exactly."""

from __future__ import annotations

from pathlib import Path

from partnercheck.survey.responses import Response
from tests.survey.helpers import errors, read, write

HEADER = "respondent,partner,role,GOA1,COM1,CHA-POW1\n"


def test_spreadsheet_export_reads_correctly(tmp_path: Path) -> None:
    # UTF-8 BOM, CRLF, quoted fields with commas and line breaks, spaces around
    # values, a blank row, a row of empty cells and a trailing empty column.
    content = (
        "\ufeffrespondent,partner,role,GOA1,COM1,\r\n"
        'r1,council,"Head of Policy, Riverside City Council",4,5,\r\n'
        ' r2 , nhs ,"Discharge lead\r\n(acute, wards 3-5)", 3 ,,\r\n'
        "\r\n"
        ",,,,,\r\n"
        "r3,housing,,2,1\r\n"
    )
    path = write(tmp_path, content)
    assert read(path) == [
        Response(
            "r1", "council", "Head of Policy, Riverside City Council", {"GOA1": 4, "COM1": 5}, 2
        ),
        Response("r2", "nhs", "Discharge lead\r\n(acute, wards 3-5)", {"GOA1": 3}, 3),
        Response("r3", "housing", None, {"GOA1": 2, "COM1": 1}, 7),
    ]


def test_lines_after_a_multi_line_field_are_the_files_lines(tmp_path: Path) -> None:
    content = HEADER + 'r1,council,"two\nlines",4,4,4\nr2,nhs,,4,9,4\n'
    assert errors(write(tmp_path, content)) == [
        "4:5: COM1: rating 9 is out of range; expected a whole number from 1 to 5, "
        "or blank for no answer"
    ]


def test_columns_any_subset_any_order_any_case(tmp_path: Path) -> None:
    content = "CHA-pow1, Partner ,eva3,Respondent,x-submitted at\n2,Housing,5,r1,2026-11-01\n"
    (response,) = read(write(tmp_path, content))
    assert response == Response("r1", "housing", None, {"CHA-POW1": 2, "EVA3": 5}, 2)


def test_semicolon_separated_export(tmp_path: Path) -> None:
    content = "respondent;partner;GOA1\nr1;nhs;4\n"
    assert read(write(tmp_path, content))[0].ratings == {"GOA1": 4}


def test_every_error_in_the_file_is_reported_with_line_and_column(tmp_path: Path) -> None:
    content = (
        "respondent,partner,role,GOA1,GOAL2,COM1\n"  # 1: GOAL2 is unknown
        "r1,council,,4,,6\n"  # 2: rating out of range
        "r2,counsil,,3,,2\n"  # 3: unknown partner
        "r1,nhs,,x,,\n"  # 4: duplicate respondent, rating not a number
        "r4,nhs,,3.5,,\n"  # 5: rating not a whole number
        ",housing,,,,\n"  # 6: blank respondent
        "r6,,,,,\n"  # 7: blank partner
        "r7,nhs,,0,,\n"  # 8: rating below range
    )
    expected = "expected a whole number from 1 to 5, or blank for no answer"
    assert errors(write(tmp_path, content)) == [
        "1:5: unknown column 'GOAL2' (did you mean 'GOA2'?); expected respondent, partner, "
        "role or a statement id such as GOA1 (prefix it with 'x-' to keep it unchecked)",
        f"2:6: COM1: rating 6 is out of range; {expected}",
        "3:2: unknown partner 'counsil' (did you mean 'council'?)",
        "4:1: duplicate respondent 'r1' (lines 2 and 4); respondent ids must be unique",
        f"4:4: GOA1: rating 'x' is not a whole number; {expected}",
        f"5:4: GOA1: rating '3.5' is not a whole number; {expected}",
        "6:1: respondent id is blank; give every respondent an id",
        "7:2: partner is blank; expected one of: council, nhs, housing, carelink",
        f"8:4: GOA1: rating 0 is out of range; {expected}",
    ]


def test_unknown_partner_without_a_close_match_lists_the_partners(tmp_path: Path) -> None:
    content = "respondent,partner\nr1,university\n"
    assert errors(write(tmp_path, content)) == [
        "2:2: unknown partner 'university'; expected one of: council, nhs, housing, carelink"
    ]


def test_missing_required_columns(tmp_path: Path) -> None:
    content = "\n\nrole,GOA1\nlead,4\n"
    assert errors(write(tmp_path, content)) == [
        "3:1: missing required column 'respondent' in the header row",
        "3:1: missing required column 'partner' in the header row",
    ]


def test_duplicate_column(tmp_path: Path) -> None:
    content = "respondent,partner,GOA1,goa1\nr1,nhs,4,4\n"
    assert errors(write(tmp_path, content)) == [
        "1:4: duplicate column 'goa1' (also column 3); each column may appear once"
    ]


def test_value_in_a_column_without_header(tmp_path: Path) -> None:
    content = "respondent,partner,GOA1\nr1,nhs,4,,oops\n"
    assert errors(write(tmp_path, content)) == ["2:5: value 'oops' in a column with no header"]


def test_unclosed_quote(tmp_path: Path) -> None:
    content = 'respondent,partner,role\nr1,nhs,ok\nr2,nhs,"never closed\nr3,nhs,\n'
    assert errors(write(tmp_path, content)) == [
        '3:1: malformed CSV: a quoted field (starting with ") is never closed'
    ]


def test_empty_file(tmp_path: Path) -> None:
    expected = ["1:1: file is empty; expected a header row and one row per respondent"]
    assert errors(write(tmp_path, b"")) == expected
    assert errors(write(tmp_path, "\ufeff\r\n  \r\n")) == expected


def test_header_only(tmp_path: Path) -> None:
    assert errors(write(tmp_path, "\r\n" + HEADER + ",,,,,\r\n")) == [
        "2:1: no responses: the file has a header row but no respondent rows"
    ]


def test_utf16_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, (HEADER + "r1,nhs,,4,4,4\n").encode("utf-16"))
    assert errors(path) == [
        "1:1: file is UTF-16 encoded; save or export it as UTF-8 (e.g. 'CSV UTF-8')"
    ]


def test_utf16_without_bom_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER.encode("utf-16-le"))
    assert errors(path) == [
        "1:1: file is binary or UTF-16: it contains a NUL byte at byte 2 of line 1; "
        "save or export it as UTF-8 (e.g. 'CSV UTF-8')"
    ]


def test_not_utf8_is_located(tmp_path: Path) -> None:
    content = (HEADER + "r1,nhs,,4,4,4\nr2,nhs,Chargée de mission,4,4,4\n").encode("cp1252")
    assert errors(write(tmp_path, content)) == [
        "3:1: file is not valid UTF-8: byte 0xe9 at byte 13 of line 3; "
        "save or export it as UTF-8 (e.g. 'CSV UTF-8')"
    ]


def test_missing_file(tmp_path: Path) -> None:
    assert errors(tmp_path / "nope.csv") == ["1:1: cannot read file: No such file or directory"]
