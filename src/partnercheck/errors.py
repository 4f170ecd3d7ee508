"""Located input errors: the one error type that leaves the engine.

Every problem with input (unreadable file, bad YAML, schema or reference
error, bad configuration) becomes an :class:`InputError` carrying the file,
line and column, so the CLI can print ``FILE:LINE:COLUMN: message`` and exit 2
without ever showing a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


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
