"""The JSON Schema that `partnercheck schema` prints, checked by a real consumer (jsonschema)."""

from __future__ import annotations

import datetime
import json
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from partnercheck.cli import app
from partnercheck.model.schema import partnership_schema
from tests.conftest import EXAMPLES, ROOT, SOUND

PRINTED = CliRunner().invoke(app, ["schema"]).stdout


def as_json(path_text: str) -> Any:
    # Editors see YAML dates as strings; do the same before validating.
    def default(value: object) -> str:
        assert isinstance(value, datetime.date)
        return value.isoformat()

    return json.loads(json.dumps(yaml.safe_load(path_text), default=default))


def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(PRINTED)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_schema_is_draft_2020_12() -> None:
    schema = json.loads(PRINTED)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert jsonschema.validators.validator_for(schema) is jsonschema.Draft202012Validator


def test_every_field_is_described() -> None:
    schema = partnership_schema()
    undocumented = [
        f"{name}.{field}"
        for name, definition in [("Partnership", schema), *schema["$defs"].items()]
        for field, spec in definition.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert undocumented == []


@pytest.mark.parametrize("path", [*sorted(EXAMPLES.glob("*.yaml")), SOUND], ids=lambda p: p.name)
def test_schema_accepts_every_example(path: Any) -> None:
    errors = list(validator().iter_errors(as_json(path.read_text(encoding="utf-8"))))
    assert errors == []


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (lambda d: d.pop("partners"), "'partners' is a required property"),
        (lambda d: d.update(goal=[]), "'goal' does not match any of the regexes: '^x-'"),
        (lambda d: d["partners"][0].update(sector="publik"), "'publik' is not one of"),
        (lambda d: d["partnership"].update(started="soon"), "'soon' is not a 'date'"),
    ],
)
def test_schema_rejects_broken_files(change: Any, complaint: str) -> None:
    data = as_json(SOUND.read_text(encoding="utf-8"))
    change(data)
    # Optional fields are "anyOf [type, null]": the useful message is in the context.
    messages = [
        sub.message for e in validator().iter_errors(data) for sub in [e, *(e.context or [])]
    ]
    assert any(complaint in m for m in messages), messages


def test_schema_allows_x_keys_like_the_loader() -> None:
    data = as_json(SOUND.read_text(encoding="utf-8"))
    data["x-crm"] = {"id": 3}
    data["partners"][0]["x-note"] = "ok"
    assert list(validator().iter_errors(data)) == []


def test_published_schema_file_matches_the_code() -> None:
    published = (ROOT / "docs" / "partnership.schema.json").read_text(encoding="utf-8")
    assert published == PRINTED, "regenerate: partnercheck schema > docs/partnership.schema.json"


def test_every_title_reads_as_words_not_a_class_name() -> None:
    import re

    from partnercheck.model.schema import partnership_schema

    definitions = partnership_schema()["$defs"]
    names = {name: d.get("title", "") for name, d in definitions.items()}
    camel = {n: t for n, t in names.items() if re.search(r"[a-z][A-Z]", t) or not t}
    assert not camel, camel
    assert names["ContributionType"] == "Contribution type"
