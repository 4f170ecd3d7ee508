"""partnercheck: a health check for partnerships between organisations.

Public API (imported lazily so that ``partnercheck --version`` starts fast):
``assess_file``, ``assess_text``, ``load_file``, and the result types in
:mod:`partnercheck.results`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from partnercheck._version import __version__

if TYPE_CHECKING:
    from partnercheck.api import assess_file, assess_text, load_file
    from partnercheck.errors import InputError, InputErrors
    from partnercheck.results import FileResult, Finding, Report

_LAZY = {
    "assess_file": "partnercheck.api",
    "assess_text": "partnercheck.api",
    "load_file": "partnercheck.api",
    "InputError": "partnercheck.errors",
    "InputErrors": "partnercheck.errors",
    "FileResult": "partnercheck.results",
    "Finding": "partnercheck.results",
    "Report": "partnercheck.results",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'partnercheck' has no attribute {name!r}")


def __dir__() -> list[str]:
    # dir() and help() list the lazily imported API too (PEP 562).
    return sorted({*globals(), *_LAZY})


__all__ = [
    "FileResult",
    "Finding",
    "InputError",
    "InputErrors",
    "Report",
    "__version__",
    "assess_file",
    "assess_text",
    "load_file",
]
