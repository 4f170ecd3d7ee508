"""Reading a survey responses file: CSV or YAML, one response per respondent.

:func:`read_responses` either returns every response or raises
:class:`~partnercheck.errors.InputErrors` listing every problem in the file,
each located ``FILE:LINE:COLUMN`` (the column is the cell's column number in a
CSV, the value's column in YAML, or 1 for problems with a whole row or file).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from partnercheck.errors import Hints, InputError, InputErrors
from partnercheck.load import read_bytes
from partnercheck.load.yaml_source import DEFAULT_MAX_BYTES
from partnercheck.survey.csv_rows import read_csv_rows
from partnercheck.survey.rows import PARTNER, RESPONDENT, ROLE, Cell, Row
from partnercheck.survey.statements import BY_ID, RATING_MAX, RATING_MIN
from partnercheck.survey.yaml_rows import read_yaml_rows
from partnercheck.textsafe import display_name, excerpt

YAML_SUFFIXES = (".yaml", ".yml")
LISTED_IDS = 10
"""Partner ids an error about a row's partner lists: every bad row repeats the list."""


@dataclass(frozen=True, slots=True)
class Response:
    """One respondent's answers."""

    respondent: str
    """The respondent's id, unique in the file."""
    partner: str
    """Id of the partner organisation the respondent answers for (a name in the file is
    resolved to its id)."""
    role: str | None
    """The respondent's role, if given."""
    ratings: dict[str, int] = field(default_factory=dict)
    """Statement id -> rating 1-5; statements left blank are absent."""
    line: int = 0
    """Line of the response in the file (0 when built in code)."""


def read_responses(
    path: Path,
    partner_ids: list[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    name: str | None = None,
    partner_names: Mapping[str, str] | None = None,
) -> list[Response]:
    """Read a responses file: YAML for ``.yaml``/``.yml``, CSV otherwise.

    Only a regular file is read, and at most ``max_bytes`` of it. ``name`` is
    how errors show the file (default: the path as given). ``partner_names``
    (id -> name) lets a respondent name its organisation instead of giving its id.
    """
    shown = name if name is not None else display_name(str(path))
    raw = read_bytes(path, max_bytes, shown)
    as_yaml = path.suffix.lower() in YAML_SUFFIXES
    return parse_responses(raw, shown, partner_ids, as_yaml=as_yaml, partner_names=partner_names)


def parse_responses(
    raw: bytes,
    filename: str,
    partner_ids: list[str],
    *,
    as_yaml: bool = False,
    partner_names: Mapping[str, str] | None = None,
) -> list[Response]:
    """Parse the bytes of a responses file; ``filename`` is used in error messages."""
    text = decode(raw, filename)
    if not text.strip():
        message = "file is empty; expected a header row and one row per respondent"
        if as_yaml:
            message = "file is empty; expected a list of responses"
        raise InputErrors([InputError(filename, 1, 1, message)])
    if as_yaml:
        rows, errors = read_yaml_rows(text, filename)
        empty_at = 1
    else:
        rows, empty_at, errors = read_csv_rows(text, filename)
    resolve = PartnerResolver(partner_ids, partner_names or {})
    responses = _check(rows, filename, resolve, errors)
    if not rows and not errors:
        message = "no responses: the file has no respondent rows"
        if not as_yaml:
            message = "no responses: the file has a header row but no respondent rows"
        errors.append(InputError(filename, empty_at, 1, message))
    if errors:
        errors.sort(key=lambda e: (e.line, e.column))
        raise InputErrors(errors)
    return responses


def decode(raw: bytes, filename: str) -> str:
    """UTF-8 text (a byte-order mark is allowed); anything else is a located error.

    The error's column is 1 (columns in a responses file are cells); the
    message gives the byte's position in its line.
    """
    fix = "save or export it as UTF-8 (e.g. 'CSV UTF-8')"

    def fail(problem: str, offset: int | None = None) -> InputErrors:
        line = 1 if offset is None else raw.count(b"\n", 0, offset) + 1
        if offset is not None:
            position = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
            problem = f"{problem} at byte {position} of line {line}"
        return InputErrors([InputError(filename, line, 1, f"{problem}; {fix}")])

    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail("file is UTF-16 encoded")
    nul = raw.find(b"\x00")
    if nul != -1:
        raise fail("file is binary or UTF-16: it contains a NUL byte", nul)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail(f"file is not valid UTF-8: byte 0x{raw[exc.start]:02x}", exc.start) from None


def _text(cell: Cell | None) -> str:
    if cell is None or cell.value is None:
        return ""
    return str(cell.value).strip()


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


class PartnerResolver:
    """A partner cell's value to the partner's id: the id itself, or the partner's name
    (ignoring case and repeated spaces), as people filling a form write it."""

    def __init__(self, partner_ids: list[str], partner_names: Mapping[str, str]) -> None:
        self.ids = partner_ids
        self.known = {p.lower(): p for p in partner_ids}
        self.by_name = {_fold(name): pid for pid, name in partner_names.items() if name}
        self.hint = Hints()

    def __call__(self, value: str) -> str | None:
        return self.known.get(value.lower()) or self.by_name.get(_fold(value))


def _check(
    rows: list[Row], filename: str, resolve: PartnerResolver, errors: list[InputError]
) -> list[Response]:
    """Check every row's values, adding to ``errors``; the responses that passed."""
    responses = []
    first_line: dict[str, int] = {}
    for row in rows:
        before = len(errors)

        def error(cell: Cell | None, message: str, row: Row = row) -> None:
            line, column = (cell.line, cell.column) if cell else (row.line, row.column)
            errors.append(InputError(filename, line, column, message))

        respondent = _text(row.cells.get(RESPONDENT))
        if RESPONDENT in row.cells and not respondent:
            error(row.cells[RESPONDENT], "respondent id is blank; give every respondent an id")
        elif respondent in first_line:
            error(
                row.cells[RESPONDENT],
                f"duplicate respondent {excerpt(respondent)} (lines {first_line[respondent]} and "
                f"{row.cells[RESPONDENT].line}); respondent ids must be unique",
            )
        elif respondent:
            first_line[respondent] = row.cells[RESPONDENT].line
        written = _text(row.cells.get(PARTNER))
        partner = resolve(written) or ""
        if PARTNER in row.cells and not partner:
            error(
                row.cells[PARTNER],
                _partner_message(written.lower(), resolve),
            )
        ratings = {}
        for key, cell in row.cells.items():
            if key in BY_ID:
                value, problem = _rating(cell.value)
                if problem:
                    error(cell, f"{key}: {problem}")
                elif value is not None:
                    ratings[key] = value
        if len(errors) == before and RESPONDENT in row.cells and PARTNER in row.cells:
            role = _text(row.cells.get(ROLE)) or None
            responses.append(Response(respondent, partner, role, ratings, row.line))
    return responses


def _partner_message(partner: str, resolve: PartnerResolver) -> str:
    ids = resolve.ids
    more = f" and {len(ids) - LISTED_IDS:,} more" if len(ids) > LISTED_IDS else ""
    expected = f"expected one of: {', '.join(ids[:LISTED_IDS])}{more}"
    if resolve.by_name:
        expected += " (or a partner's name)"
    if not partner:
        return f"partner is blank; {expected}"
    hint = resolve.hint(partner, ids)
    return f"unknown partner {excerpt(partner)}{hint or '; ' + expected}"


def _rating(value: object) -> tuple[int | None, str]:
    """The rating in a cell (None when blank), or a problem message."""
    expected = f"expected a whole number from {RATING_MIN} to {RATING_MAX}, or blank for no answer"
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, ""
    if isinstance(value, bool):
        return None, f"rating {value!r} is not a number; {expected}"
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        digits = value.strip()
        if len(digits.lstrip("0")) > MAX_RATING_DIGITS:
            # Never int() it: Python refuses to read (or print) 4,300 digits or more.
            return None, f"rating {excerpt(digits)} is out of range; {expected}"
        number = int(digits)
    else:
        return None, f"rating {excerpt(str(value).strip())} is not a whole number; {expected}"
    if not RATING_MIN <= number <= RATING_MAX:
        shown = str(number) if abs(number) < 10**MAX_RATING_DIGITS else "with 4 digits or more"
        return None, f"rating {shown} is out of range; {expected}"
    return number, ""


MAX_RATING_DIGITS = 3
