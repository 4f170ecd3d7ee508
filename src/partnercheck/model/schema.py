"""JSON Schema (Draft 2020-12) of the partnership format, generated from the models.

The generated schema is adjusted so that editors enforce what the tool
enforces: map keys carry the id pattern, ``x-`` keys are allowed everywhere,
and enum values carry descriptions (``enumDescriptions``, which VS Code's
YAML and JSON language servers show in completion lists).
"""

from __future__ import annotations

import json
import re
from typing import Any

from partnercheck.model import types
from partnercheck.model.partnership import Partnership

SCHEMA_ID = "https://partnercheck.dev/schema/partnership-1.1.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

Json = dict[str, Any]
_CAMEL = re.compile(r"(?<=[a-z])[A-Z]")


def partnership_schema() -> Json:
    schema = Partnership.model_json_schema(mode="validation")
    definitions: Json = schema.get("$defs", {})
    for definition in [schema, *definitions.values()]:
        if definition.get("additionalProperties") is False:
            # The loader ignores "x-" keys anywhere; editors must accept them too.
            definition["patternProperties"] = {"^x-": {}}
        for prop in definition.get("properties", {}).values():
            _id_keyed_maps(prop)
    for name, definition in definitions.items():
        _describe_enum(name, definition)
    return {"$schema": DIALECT, "$id": SCHEMA_ID, **schema}


def _id_keyed_maps(prop: Json) -> None:
    """``votes`` maps ids to numbers: the key pattern goes in ``propertyNames``."""
    pattern_props = prop.get("patternProperties")
    if prop.get("type") != "object" or not pattern_props:
        return
    [(pattern, value_schema)] = pattern_props.items()
    prop.pop("patternProperties")
    prop["propertyNames"] = {**prop.get("propertyNames", {}), "pattern": pattern}
    prop["additionalProperties"] = value_schema


def _describe_enum(name: str, definition: Json) -> None:
    enum_class = getattr(types, name, None)
    if "enum" not in definition or not isinstance(enum_class, type):
        return
    # Hover headings are read by people: "Contribution type", not "ContributionType".
    definition["title"] = _CAMEL.sub(lambda m: " " + m.group(0).lower(), name)
    if not issubclass(enum_class, types.Described):
        return
    meanings = enum_class.descriptions()
    values = definition["enum"]
    definition["enumDescriptions"] = [meanings.get(v, "") for v in values]
    definition["description"] = "; ".join(f"{v}: {meanings[v]}" for v in values if v in meanings)


def schema_text() -> str:
    return json.dumps(partnership_schema(), indent=2, ensure_ascii=False) + "\n"
