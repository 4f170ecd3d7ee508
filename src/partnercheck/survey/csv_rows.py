"""Reading a responses CSV into located rows.

Spreadsheets and survey tools export CSV in many small variants; this reader
accepts the usual ones: CRLF or LF line endings, quoted fields holding commas
or line breaks, spaces around values, blank rows and trailing empty columns,
and a semicolon or tab separator (chosen when the header row has no comma).
The encoding has been checked before we get here.

Lines are the file's physical lines, so a quoted field with a line break
inside makes the next row start further down. Columns are the 1-based column
number of the cell, as a spreadsheet counts them.
"""

from __future__ import annotations

import csv
import io

from partnercheck.errors import InputError
from partnercheck.survey.rows import REQUIRED, Cell, Row, canonical, ignored, unknown_column
from partnercheck.textsafe import excerpt


def _delimiter(text: str) -> str:
    header = text.lstrip("\r\n").splitlines()[0] if text.strip() else ""
    if "," not in header:
        for candidate in (";", "\t"):
            if candidate in header:
                return candidate
    return ","


def _records(text: str, filename: str) -> tuple[list[tuple[int, list[str]]], list[InputError]]:
    """(start line, cells) for every non-blank record, and any CSV syntax error."""
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=_delimiter(text), skipinitialspace=True
    )
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                records.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:  # e.g. a NUL byte or a field over the csv module's limit
        return records, [InputError(filename, start, 1, f"malformed CSV: {_reason(exc)}")]
    # The lenient reader takes an unclosed quote to the end of the file.
    if records:
        last_line, _ = records[-1]
        rest = "\n".join(text.splitlines()[last_line - 1 :])
        if rest.count('"') % 2:
            message = 'malformed CSV: a quoted field (starting with ") is never closed'
            return records, [InputError(filename, last_line, 1, message)]
    return records, []


def _reason(exc: csv.Error) -> str:
    """The csv module's complaint, without any text of the file."""
    return str(exc).split(":")[0][:80]


def read_csv_rows(text: str, filename: str) -> tuple[list[Row], int, list[InputError]]:
    """Rows, the header's line (1 when the file has no non-blank row) and every error found."""
    records, errors = _records(text, filename)
    if not records:
        if not errors:  # e.g. a file of commas: rows, but every cell blank
            message = "no header row: every row is blank; expected a header row and one row "
            errors.append(InputError(filename, 1, 1, message + "per respondent"))
        return [], 1, errors
    header_line, header = records[0]
    columns: dict[int, str] = {}  # cell index -> canonical name
    first_seen: dict[str, int] = {}
    for index, name in enumerate(header):
        if not name.strip() or ignored(name):
            continue
        key = canonical(name)
        if key is None:
            errors.append(InputError(filename, header_line, index + 1, unknown_column(name)))
        elif key in first_seen:
            message = (
                f"duplicate column {excerpt(name.strip())} (also column {first_seen[key]}); "
                "each column may appear once"
            )
            errors.append(InputError(filename, header_line, index + 1, message))
        else:
            columns[index] = key
            first_seen[key] = index + 1
    for required in REQUIRED:
        if required not in first_seen:
            message = f"missing required column {required!r} in the header row"
            errors.append(InputError(filename, header_line, 1, message))

    rows = []
    for line, cells in records[1:]:
        # Spreadsheets drop trailing empty cells: a missing cell is a blank one.
        row = {key: Cell("", line, index + 1) for index, key in columns.items()}
        for index, value in enumerate(cells):
            if index in columns:
                row[columns[index]] = Cell(value.strip(), line, index + 1)
            elif value.strip() and (index >= len(header) or not header[index].strip()):
                message = f"value {excerpt(value.strip())} in a column with no header"
                errors.append(InputError(filename, line, index + 1, message))
        rows.append(Row(line, 1, row))
    return rows, header_line, errors
