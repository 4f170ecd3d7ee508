"""Reporters carry the user's own words for suppressions and list only the rules applied."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from partnercheck.cli import app
from tests.conftest import dump, sound


def run(tmp_path: Any, data: dict[str, Any], *args: str) -> str:
    target = tmp_path / "p.yaml"
    target.write_text(dump(data))
    result = CliRunner().invoke(app, ["assess", str(target), "--as-of", "2026-11-26", *args])
    return result.stdout


def test_suppression_reason_reaches_json_and_sarif(tmp_path: Any) -> None:
    data = sound()
    data["communication"].pop("channels")
    data["suppress"] = [{"rule": "PC305", "reason": "Co-located team; no channel list needed"}]
    doc = json.loads(run(tmp_path, data, "-f", "json"))
    [finding] = [f for f in doc["results"][0]["findings"] if f["rule"] == "PC305"]
    assert finding["suppressed"] is True
    assert finding["justification"] == "Co-located team; no channel list needed"
    sarif = json.loads(run(tmp_path, data, "-f", "sarif"))
    [result] = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "PC305"]
    assert result["suppressions"][0]["justification"] == "Co-located team; no channel list needed"


def test_unsuppressed_findings_carry_no_justification_field(tmp_path: Any) -> None:
    data = sound()
    data["communication"].pop("channels")
    doc = json.loads(run(tmp_path, data, "-f", "json"))
    [finding] = [f for f in doc["results"][0]["findings"] if f["rule"] == "PC305"]
    assert "justification" not in finding


def test_junit_lists_only_the_rules_applied(tmp_path: Any) -> None:
    xml = run(tmp_path, sound(), "-f", "junit", "--ignore", "PC3")
    assert 'name="PC104 ' in xml
    assert 'name="PC305 ' not in xml
