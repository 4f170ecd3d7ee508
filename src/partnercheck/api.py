"""The Python API for notebooks and scripts: the same data the JSON output carries.

>>> from datetime import date
>>> import partnercheck
>>> result = partnercheck.assess_file("examples/riverside.yaml", as_of=date(2026, 11, 26))
>>> result.band
<Band.STRONG: 'strong'>
"""

from __future__ import annotations

from datetime import date
from os import PathLike
from pathlib import Path

from partnercheck.app.runner import Job, check_source
from partnercheck.app.settings import Settings
from partnercheck.engine import load
from partnercheck.errors import InputErrors
from partnercheck.load import Source, read_source
from partnercheck.model.partnership import Partnership
from partnercheck.results import FileResult


def load_file(path: str | PathLike[str], max_bytes: int | None = None) -> Partnership:
    """Read and validate a partnership file.

    Raises :class:`~partnercheck.errors.InputErrors` (with every located error)
    when the file cannot be read or is invalid.
    """
    settings = Settings() if max_bytes is None else Settings(max_file_size=max_bytes)
    return load(read_source(str(path), settings.max_file_size)).partnership


def assess_text(
    text: str,
    *,
    as_of: date | None = None,
    name: str = "<string>",
    settings: Settings | None = None,
) -> FileResult:
    """Assess partnership YAML given as a string."""
    return _assess(Source(name, text, Path.cwd()), as_of, settings)


def assess_file(
    path: str | PathLike[str], *, as_of: date | None = None, settings: Settings | None = None
) -> FileResult:
    """Assess a partnership file, as ``partnercheck assess`` does, and return the result.

    ``settings`` takes the configuration keys (select, ignore, severity, weights, ...);
    ``as_of`` defaults to today.
    """
    settings = settings or Settings()
    return _assess(read_source(str(path), settings.max_file_size), as_of, settings)


def _assess(source: Source, as_of: date | None, settings: Settings | None) -> FileResult:
    settings = settings or Settings()
    job = Job(settings=settings, as_of=as_of or settings.as_of or date.today())
    outcome = check_source(source, job)
    if outcome.result is None:
        raise InputErrors(outcome.errors)
    return outcome.result
