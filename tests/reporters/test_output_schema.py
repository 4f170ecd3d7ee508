"""The published JSON Schema of ``--format json``: up to date, and the output matches it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from partnercheck.output_schema import OUTPUT_SCHEMA_ID, output_schema, output_schema_text
from partnercheck.reporters import RenderContext, render
from partnercheck.results import Report
from tests.conftest import ROOT
from tests.reporters.reports import judged, sample_report

PUBLISHED = ROOT / "docs" / "output.schema.json"
REGENERATE = "python -m partnercheck.output_schema > docs/output.schema.json"


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json.loads(PUBLISHED.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_published_schema_is_up_to_date() -> None:
    assert PUBLISHED.is_file(), f"docs/output.schema.json is missing; generate it: {REGENERATE}"
    assert PUBLISHED.read_text(encoding="utf-8") == output_schema_text(), (
        "docs/output.schema.json is out of date with partnercheck.results; "
        f"regenerate it: {REGENERATE}"
    )


def test_schema_header() -> None:
    schema = output_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == OUTPUT_SCHEMA_ID
    assert schema["title"] == "Report"


def test_json_output_matches_the_schema(validator: Any) -> None:
    document = json.loads(render("json", sample_report(), RenderContext()))
    assert [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)] == []


def test_schema_rejects_what_the_contract_forbids(validator: Any) -> None:
    document = json.loads(render("json", sample_report(), RenderContext()))
    document["results"][0]["findings"][0]["severity"] = "fatal"
    document["results"][0]["surprise"] = 1
    assert len(list(validator.iter_errors(document))) == 2


def test_json_output_with_a_threshold_reads_back_as_a_report(validator: Any) -> None:
    """`partnercheck diff` reads JSON results back: the threshold must not stop it."""
    report = judged(sample_report(), fail_on="warning", fail_under=99)
    document = json.loads(render("json", report, RenderContext()))
    assert [e.message for e in validator.iter_errors(document)] == []
    assert document["threshold"]["failures"][0] == {
        "file": "partnerships/riverside.yaml",
        "option": "fail-under",
        "message": f"score {report.results[0].score:.1f} is below --fail-under 99",
    }
    assert Report.model_validate(document).threshold == report.threshold
