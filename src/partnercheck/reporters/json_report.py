"""JSON: the contract in shared/spec/cli-contract.md, straight from the result models."""

from __future__ import annotations

from partnercheck.reporters import RenderContext
from partnercheck.results import Report


def render(report: Report, context: RenderContext) -> str:
    del context  # the JSON document is the same whatever the terminal
    return report.model_dump_json(indent=2) + "\n"
