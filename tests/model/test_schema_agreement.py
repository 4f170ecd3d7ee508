"""One contract: `partnercheck validate` and a JSON Schema validator reading `partnercheck
schema` accept and refuse the same files. Cross-references (an id that must exist
elsewhere in the file) are the one thing only the tool checks, so this corpus varies
single values only.

The schema validator is given the data as the tool's loader reads it (YAML 1.2, dates as
text), which is what an editor using yaml-language-server sees.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from partnercheck.cli import app
from partnercheck.load import Source, load_nodes
from partnercheck.load.nodes import to_data
from tests.conftest import EXAMPLES, SOUND

runner = CliRunner()
SCHEMA = json.loads(runner.invoke(app, ["schema"]).stdout)
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
BASE = SOUND.read_text(encoding="utf-8")


def _replace(old: str, new: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return change


def _append(lines: str) -> Callable[[str], str]:
    return lambda text: text + lines


PARTNER = "  - id: council\n    name: Test City Council\n"
GOAL = "    due: 2027-12-31\n  - id: G2\n"
STAFF = "type: staff\n        fte: 1.0"


def _goal_status(status: str) -> Callable[[str], str]:
    return _replace(GOAL, f"    due: 2027-12-31\n    status: {status}\n  - id: G2\n")


KPI = "      current: 320\n"

# (case id, change to the sound file, whether it is valid)
CORPUS: list[tuple[str, Callable[[str], str], bool]] = [
    ("unchanged", lambda t: t, True),
    ("x-key anywhere", _replace(PARTNER, PARTNER + "    x-crm: {id: 3}\n"), True),
    ("version 1.1", _replace("partnercheck: 1\n", "partnercheck: 1.1\n"), True),
    ("version 2", _replace("partnercheck: 1\n", "partnercheck: 2\n"), False),
    ("negative amount", _replace("amount: 100000", "amount: -5"), False),
    ("zero amount", _replace("amount: 100000", "amount: 0"), True),
    ("amount as text", _replace("amount: 100000", 'amount: "100000"'), False),
    ("negative fte", _replace("fte: 1.0", "fte: -1"), False),
    ("huge amount", _replace("amount: 100000", "amount: 1e300"), False),
    ("blank name", _replace("name: Test City Council", "name: ''"), False),
    ("spaces for a name", _replace("name: Test City Council", "name: '   '"), False),
    ("id with capitals", _replace("- id: council", "- id: Council"), False),
    ("unknown key", _replace(PARTNER, PARTNER + "    website: x\n"), False),
    ("unknown sector", _replace("sector: private", "sector: charity"), False),
    ("bi-monthly meetings", _replace("frequency: monthly", "frequency: bi-monthly"), True),
    ("made-up frequency", _replace("frequency: monthly", "frequency: sometimes"), False),
    ("not a calendar date", _replace("started: 2025-01-01", "started: 2025-02-30"), False),
    ("date as words", _replace("started: 2025-01-01", "started: soon"), False),
    ("lower-case currency", _replace("currency: GBP", "currency: gbp"), False),
    ("minutes shared as text", _replace("minutes_shared: true", 'minutes_shared: "true"'), False),
    ("vote key not an id", _replace("forum: 1}", "Forum Group: 1}"), False),
    ("negative vote", _replace("forum: 1}", "forum: -1}"), False),
    ("fractional vote", _replace("forum: 1}", "forum: 1.5}"), False),
    (
        "goal status",
        _replace(GOAL, "    due: 2027-12-31\n    status: on-track\n  - id: G2\n"),
        True,
    ),
    (
        "bad goal status",
        _replace(GOAL, "    due: 2027-12-31\n    status: late\n  - id: G2\n"),
        False,
    ),
    ("kpi better", _replace(KPI, KPI + "      better: lower\n"), True),
    ("kpi better as word", _replace(KPI, KPI + "      better: down\n"), False),
    (
        "kpi readings",
        _replace(KPI, KPI + "      readings: [{date: 2026-03-31, value: 350}]\n"),
        True,
    ),
    ("reading without a date", _replace(KPI, KPI + "      readings: [{value: 350}]\n"), False),
    (
        "in-kind with value",
        _replace("type: staff\n        fte: 1.0", "type: in-kind\n        value: 20000"),
        True,
    ),
    (
        "negative value",
        _replace("type: staff\n        fte: 1.0", "type: in-kind\n        value: -1"),
        False,
    ),
    ("member without kind", _replace("    kind: community\n", ""), False),
    ("member kind", _replace("kind: community", "kind: patron"), False),
    ("standing", _replace(PARTNER, PARTNER + "    standing: host\n"), True),
    ("bad standing", _replace(PARTNER, PARTNER + "    standing: sponsor\n"), False),
    ("workstream", _append("workstreams:\n  - {id: WP1, name: Discharge, lead: trust}\n"), True),
    ("workstream without name", _append("workstreams:\n  - {id: WP1}\n"), False),
    ("risk covers", _replace("pays backfill\n", "pays backfill\n    covers: [PC722]\n"), True),
    # YAML 1.1-only scalars read as YAML 1.2 editors read them: text, not booleans or numbers.
    ("minutes shared: yes", _replace("minutes_shared: true", "minutes_shared: yes"), False),
    ("a name that is yes", _replace("name: Test City Council", "name: yes"), True),
    ("a name that is off", _replace("name: Test City Council", "name: off"), True),
    ("amount with underscores", _replace("amount: 100000", "amount: 100_000"), False),
    ("amount as sexagesimal", _replace("amount: 100000", "amount: 1:30"), False),
    ("amount in octal", _replace("amount: 100000", "amount: 0o17"), True),
    ("suppression without reason", _append("suppress:\n  - rule: PC305\n"), False),
    ("suppression rule id", _append("suppress:\n  - {rule: X1, reason: r}\n"), False),
]


def _tool_accepts(text: str) -> bool:
    result = runner.invoke(app, ["validate", "-"], input=text)
    assert result.exit_code in (0, 2), result.output
    return result.exit_code == 0


def _schema_accepts(text: str) -> bool:
    data = to_data(load_nodes(Source("case.yaml", text, Path())))

    def plain(value: object) -> str:
        assert isinstance(value, datetime.date)
        return value.isoformat()

    valid: bool = VALIDATOR.is_valid(json.loads(json.dumps(data, default=plain)))
    return valid


@pytest.mark.parametrize(("case", "change", "valid"), CORPUS, ids=[c[0] for c in CORPUS])
def test_the_tool_and_the_schema_agree(
    case: str, change: Callable[[str], str], valid: bool
) -> None:
    text = change(BASE)
    assert (_tool_accepts(text), _schema_accepts(text)) == (valid, valid), case


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_both_accept_every_example(path: Any) -> None:
    text = path.read_text(encoding="utf-8")
    assert _tool_accepts(text) and _schema_accepts(text)
