"""SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards.

One run; ``tool.driver.rules`` holds every rule the findings refer to, sorted
by id. Locations are repository-relative (to the working directory) so that
the same file gives the same alert wherever the repository is checked out.
``partialFingerprints`` hash the rule, file, YAML path and message, never a
line number, so an alert survives lines moving. Nothing here is timestamped:
the same report always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from partnercheck.reporters import RenderContext
from partnercheck.results import ErrorRecord, Finding, Location, Report, Severity
from partnercheck.rules import REGISTRY, Rule
from partnercheck.textsafe import for_json, visible

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://partnercheck.dev"
RULE_DOCS = INFORMATION_URI + "/rules/"
SRCROOT = "%SRCROOT%"
FINGERPRINT = "partnercheck/v1"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

Json = dict[str, Any]
_BRACKET = re.compile(r"(\\*)([\[\]])")


def render(report: Report, context: RenderContext) -> str:
    del context  # every finding is reported; the dashboard applies its own thresholds
    log = sarif_log(report, str(Path.cwd()))
    return for_json(json.dumps(log, indent=2, ensure_ascii=False)) + "\n"


def sarif_log(report: Report, base: str) -> Json:
    """The SARIF log, with file paths made relative to ``base`` where possible."""
    rules = _rules(report)
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = [
        _result(f, result.file, base, index[f.rule])
        for result in report.results
        for f in result.findings
    ]
    invocation: Json = {"executionSuccessful": not report.errors}
    if report.errors:
        invocation["toolExecutionNotifications"] = [_notification(e, base) for e in report.errors]
    driver: Json = {
        "name": report.tool.name,
        "version": report.tool.version,
        "semanticVersion": report.tool.version,
        "informationUri": INFORMATION_URI,
        "rules": rules,
    }
    run: Json = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"asOf": report.as_of.isoformat()},
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


# Rules ------------------------------------------------------------------------


def _rules(report: Report) -> list[Json]:
    used = sorted({f.rule for r in report.results for f in r.findings})
    return [_descriptor(REGISTRY[i]) if i in REGISTRY else _unknown(i) for i in used]


def camel_case(title: str) -> str:
    """``"Every goal has a target value"`` -> ``"EveryGoalHasATargetValue"``."""
    words = re.split(r"[^0-9A-Za-z]+", title.replace("'", "").replace("\u2019", ""))
    return "".join(w[:1].upper() + w[1:] for w in words if w)


def help_uri(rule_id: str) -> str:
    return RULE_DOCS + rule_id


def _descriptor(rule: Rule) -> Json:
    text = [rule.rationale, f"How to fix: {rule.recommendation}"]
    markdown = [rule.rationale, f"**How to fix:** {rule.recommendation}"]
    if rule.example:
        text.append(f"Example:\n{rule.example}")
        markdown.append(f"**Example:**\n\n```yaml\n{rule.example}\n```")
    tags = ["partnercheck", rule.element.value if rule.element else "meta"]
    if rule.challenge:
        tags.append(rule.challenge.value)
    properties: Json = {}
    if rule.element:
        properties["element"] = rule.element.value
    if rule.challenge:
        properties["challenge"] = rule.challenge.value
    properties["tags"] = tags
    return {
        "id": rule.id,
        "name": camel_case(rule.title),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.rationale or rule.title},
        "help": {"text": "\n\n".join(text), "markdown": "\n\n".join(markdown)},
        "helpUri": help_uri(rule.id),
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": properties,
    }


def _unknown(rule_id: str) -> Json:
    """A finding from a rule this version does not know (e.g. a report read back in)."""
    return {
        "id": rule_id,
        "shortDescription": {"text": rule_id},
        "helpUri": help_uri(rule_id),
        "properties": {"tags": ["partnercheck"]},
    }


# Results ----------------------------------------------------------------------


def _result(f: Finding, file: str, base: str, rule_index: int) -> Json:
    uri, relative = artifact_uri(file, base)
    location: Json = {"physicalLocation": _physical(uri, relative, region(f.location))}
    if f.location is not None:
        location["logicalLocations"] = [
            {"fullyQualifiedName": visible(f.location.path), "kind": "element"}
        ]
    out: Json = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVEL[f.severity],
        "message": {"text": finding_text(f)},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT: fingerprint(f, uri)},
    }
    if f.suppressed:
        out["suppressions"] = [
            {
                "kind": "inSource",
                "status": "accepted",
                "justification": visible(f.justification)
                if f.justification
                else f"{visible(f.rule)} is accepted in the file's `suppress:` list",
            }
        ]
    properties: Json = {}
    if f.element:
        properties["element"] = f.element.value
    if f.challenge:
        properties["challenge"] = f.challenge.value
    if f.mitigated_by:
        properties["mitigatedBy"] = visible(f.mitigated_by)
    if properties:
        out["properties"] = properties
    return out


def finding_text(f: Finding) -> str:
    return message_text(f"{f.message.rstrip('.')}. Fix: {f.recommendation}")


def message_text(text: str) -> str:
    """Plain text for a SARIF message: visible, literal brackets escaped (SARIF 3.11.6).

    A backslash before a bracket is doubled, so it cannot escape our escape.
    """
    return _BRACKET.sub(lambda m: m.group(1) * 2 + "\\" + m.group(2), visible(text))


def fingerprint(f: Finding, uri: str) -> str:
    """Stable identity of a finding: rule, file, YAML path and message; no line numbers."""
    path = f.location.path if f.location else ""
    key = "\x1f".join((f.rule, uri, path, f.message))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def region(location: Location | None) -> Json:
    """Start and (exclusive) end of a finding; a file-wide finding points at 1:1."""
    if location is None:
        return {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 2}
    start = (location.line, location.column)
    end = (location.end_line, location.end_column)
    if end[0] is None or end[1] is None or (end[0], end[1]) <= start:
        end = (location.line, location.column + 1)
    return {"startLine": start[0], "startColumn": start[1], "endLine": end[0], "endColumn": end[1]}


def _notification(e: ErrorRecord, base: str) -> Json:
    uri, relative = artifact_uri(e.file, base)
    where = {"startLine": max(1, e.line), "startColumn": max(1, e.column)}
    return {
        "level": "error",
        "message": {"text": message_text(e.message)},
        "locations": [{"physicalLocation": _physical(uri, relative, where)}],
    }


def _physical(uri: str, relative: bool, where: Json) -> Json:
    artifact: Json = {"uri": uri, "uriBaseId": SRCROOT} if relative else {"uri": uri}
    return {"artifactLocation": artifact, "region": where}


# Paths ------------------------------------------------------------------------


def repo_path(file: str, base: str) -> str | None:
    """``file`` as a POSIX path relative to ``base``, or None when it lies outside it."""
    try:
        return _absolute(file, base).relative_to(os.path.normpath(base)).as_posix()
    except ValueError:  # outside ``base`` (or on another drive)
        return None


def artifact_uri(file: str, base: str) -> tuple[str, bool]:
    """A URI for ``file``: relative to ``%SRCROOT%`` (True) when possible, else ``file://``."""
    relative = repo_path(file, base)
    if relative is not None:
        return quote(relative, safe="/"), True
    return _absolute(file, base).as_uri(), False


def _absolute(file: str, base: str) -> PurePath:
    return PurePath(os.path.normpath(PurePath(base) / file))
