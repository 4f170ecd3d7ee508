"""Located raw rows: what the CSV and YAML readers hand to the response checks.

Both readers turn their input into :class:`Row` records whose cells keep the
line and column they came from, and name columns in one canonical way, so the
checks on values (and their error messages) are the same for both formats.
"""

from __future__ import annotations

from dataclasses import dataclass

from partnercheck.errors import did_you_mean
from partnercheck.survey.statements import BY_ID
from partnercheck.textsafe import excerpt

RESPONDENT = "respondent"
PARTNER = "partner"
ROLE = "role"
REQUIRED: tuple[str, ...] = (RESPONDENT, PARTNER)
ID_COLUMNS: tuple[str, ...] = (RESPONDENT, PARTNER, ROLE)
IGNORED_PREFIX = "x-"
"""Columns (or keys) starting with this are the user's own and are not checked."""

_STATEMENT_KEYS = {sid.upper(): sid for sid in BY_ID}


@dataclass(frozen=True, slots=True)
class Cell:
    """One value and where it is. ``value`` is text (CSV) or a YAML scalar."""

    value: object
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Row:
    """One respondent's raw answers, keyed by canonical column name."""

    line: int
    column: int
    cells: dict[str, Cell]


def canonical(name: str) -> str | None:
    """The canonical column name (``partner``, ``GOA1``), or None if unknown.

    Names are matched ignoring case and surrounding whitespace, since survey
    tools and spreadsheets change both.
    """
    key = name.strip()
    if key.lower() in ID_COLUMNS:
        return key.lower()
    return _STATEMENT_KEYS.get(key.upper())


def ignored(name: str) -> bool:
    """True for the user's own columns (``x-`` prefix), which are skipped."""
    return name.strip().lower().startswith(IGNORED_PREFIX)


def unknown_column(name: str, what: str = "column") -> str:
    """The error message for a column (or key) that is neither an id column nor a statement."""
    hint = did_you_mean(name.strip().upper(), list(BY_ID)) or did_you_mean(
        name.strip().lower(), list(ID_COLUMNS)
    )
    return (
        f"unknown {what} {excerpt(name.strip())}{hint}; expected respondent, partner, role or a "
        f"statement id such as GOA1 (prefix it with {IGNORED_PREFIX!r} to keep it unchecked)"
    )
