"""JSON Schema (Draft 2020-12) of the partnership format, generated from the models."""

from __future__ import annotations

import json
from typing import Any

from partnercheck.model.partnership import Partnership

SCHEMA_ID = "https://partnercheck.dev/schema/partnership-1.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def partnership_schema() -> dict[str, Any]:
    schema = Partnership.model_json_schema(mode="validation")
    # The loader ignores "x-" keys anywhere; editors must accept them too.
    for definition in [schema, *schema.get("$defs", {}).values()]:
        if definition.get("additionalProperties") is False:
            definition["patternProperties"] = {"^x-": {}}
    return {"$schema": DIALECT, "$id": SCHEMA_ID, **schema}


def schema_text() -> str:
    return json.dumps(partnership_schema(), indent=2, ensure_ascii=False) + "\n"
