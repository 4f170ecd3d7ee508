"""Located input errors: the one error type that leaves the engine.

Every problem with input (unreadable file, bad YAML, schema or reference
error, bad configuration) becomes an :class:`InputError` carrying the file,
line and column, so the CLI can print ``FILE:LINE:COLUMN: message`` and exit 2
without ever showing a traceback.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

HINTS = 20
"""Did-you-mean hints one file's errors may carry: each compares a word with every known one."""
HINT_CANDIDATES = 2_000
"""Among more known words than this, no hint: a typo is not what such a file needs."""
HINT_WORD_LIMIT = 100


@dataclass(frozen=True, slots=True)
class InputError:
    """One located problem with an input file. Lines and columns are 1-based."""

    file: str
    line: int
    column: int
    message: str

    def render(self) -> str:
        """The one-line form for standard error: escaped, capped, never a CI command."""
        from partnercheck.textsafe import located

        return located(self.file, self.line, self.column, self.message)


class InputErrors(Exception):  # noqa: N818 - a collection, not a single error
    """Raised when a file cannot be checked; carries every error found in it."""

    def __init__(self, errors: list[InputError]) -> None:
        super().__init__("\n".join(e.render() for e in errors))
        self.errors = errors


def did_you_mean(word: str, candidates: list[str]) -> str:
    """A " (did you mean 'x'?)" hint, or "" when nothing is close."""
    import difflib  # only needed on the error path

    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


class Hints:
    """Did-you-mean hints for the errors of one file, at most :data:`HINTS` of them.

    A hint compares the word with every known one, so a hostile file of 20,000
    unknown references among 20,000 ids would cost 400 million comparisons (hours).
    Past the first ``HINTS`` hints, among more than ``HINT_CANDIDATES`` known words
    or for a word longer than ``HINT_WORD_LIMIT``, the hint is left out.
    """

    def __init__(self) -> None:
        self.left = HINTS

    def __call__(self, word: str, candidates: Collection[str]) -> str:
        if self.left <= 0 or len(candidates) > HINT_CANDIDATES or len(word) > HINT_WORD_LIMIT:
            return ""
        self.left -= 1
        return did_you_mean(word, sorted(candidates))
