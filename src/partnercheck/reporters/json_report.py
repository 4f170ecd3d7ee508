"""JSON: the contract in shared/spec/cli-contract.md, straight from the result models."""

from __future__ import annotations

from partnercheck.reporters import RenderContext
from partnercheck.results import Report
from partnercheck.textsafe import for_json


def render(report: Report, context: RenderContext) -> str:
    del context  # the JSON document is the same whatever the terminal
    # The data stays exact; only raw control and bidi characters become \u escapes.
    return for_json(report.model_dump_json(indent=2)) + "\n"
