"""JSON Schema (Draft 2020-12) of the ``--format json`` output, generated from the result models.

The published copy lives in ``docs/output.schema.json``; regenerate it with
``python -m partnercheck.output_schema > docs/output.schema.json``.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from partnercheck.results import Report

OUTPUT_SCHEMA_ID = "https://partnercheck.dev/schema/output-1.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def output_schema() -> dict[str, Any]:
    schema = Report.model_json_schema(mode="serialization")
    return {"$schema": DIALECT, "$id": OUTPUT_SCHEMA_ID, **schema}


def output_schema_text() -> str:
    return json.dumps(output_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    sys.stdout.write(output_schema_text())
