"""Output formats. Each is one module with ``render(report, context) -> str``.

Modules are imported only when their format is asked for, so a JSON run never
pays for rich or jinja2. Adding a format takes one module and one entry here.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol

from partnercheck.results import Report

FORMATS: dict[str, str] = {
    "rich": "partnercheck.reporters.rich_report",
    "concise": "partnercheck.reporters.concise",
    "json": "partnercheck.reporters.json_report",
    "sarif": "partnercheck.reporters.sarif",
    "junit": "partnercheck.reporters.junit",
    "github": "partnercheck.reporters.github",
    "markdown": "partnercheck.reporters.markdown",
    "html": "partnercheck.reporters.html",
}


@dataclass(frozen=True)
class RenderContext:
    """What a reporter may need besides the report itself (thresholds are in the report)."""

    color: bool = False  # escape sequences at all
    color_system: str = "standard"  # rich's: standard, 256 or truecolor
    no_color: bool = False  # styles such as bold, but no colours (NO_COLOR)
    width: int = 100
    show_respondents: bool = False
    statistics: bool = False


class Reporter(Protocol):
    def __call__(self, report: Report, context: RenderContext) -> str: ...


def get_reporter(name: str) -> Reporter:
    module = importlib.import_module(FORMATS[name])
    reporter: Reporter = module.render
    return reporter


def render(name: str, report: Report, context: RenderContext | None = None) -> str:
    return get_reporter(name)(report, context or RenderContext())
