"""SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards.

One run. Locations are relative to the repository root (``%SRCROOT%``, whose
absolute URI ``originalUriBaseIds`` gives), so the same file gives the same
alert wherever the repository is checked out and from whichever folder
partnercheck ran; a file outside every repository gets an absolute ``file://``
URI. ``partialFingerprints`` are the finding's identity
(:mod:`partnercheck.identity`: rule, file, YAML path, subject), never a line
number or message text, so an alert survives lines moving and the days passing.

Besides the findings, a file that could not be checked is a result of rule
``PC000`` at the error (and a tool notification), and a file failing
``--fail-under`` or ``--fail-on`` is an error result of rule ``threshold``,
so code scanning shows what made the run exit non-zero. GitHub rejects a run of
more than 25,000 results (and a file of several runs of one tool): past that,
errors are kept first and a notification counts what was left out. Nothing is
timestamped: the same report always gives the same bytes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from partnercheck.identity import FindingKey, finding_id, key_id
from partnercheck.pseudo_rules import INPUT_ERROR, PSEUDO_RULES, THRESHOLD
from partnercheck.reporters import RenderContext
from partnercheck.reporters.verdict import thresholds
from partnercheck.results import (
    ErrorRecord,
    FileResult,
    Finding,
    Location,
    Report,
    RuleInfo,
    Severity,
    SourcePath,
    ThresholdFailure,
)
from partnercheck.textsafe import for_json, visible

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://partnercheck.dev"
RULE_DOCS = INFORMATION_URI + "/rules/"
SRCROOT = "%SRCROOT%"
FINGERPRINT = "partnercheck/v2"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# GitHub code scanning rejects a run with more results than this.
MAX_RESULTS = 25_000

Json = dict[str, Any]
_BRACKET = re.compile(r"(\\*)([\[\]])")


def render(report: Report, context: RenderContext) -> str:
    del context  # every finding is reported; the dashboard applies its own thresholds
    return for_json(json.dumps(sarif_log(report), indent=2, ensure_ascii=False)) + "\n"


@dataclass(frozen=True)
class Candidate:
    """A result before the cap: how urgent it is, where it came from, its JSON."""

    priority: int  # lower is kept first
    order: int
    result: Json


def sarif_log(report: Report, limit: int = MAX_RESULTS) -> Json:
    bases = Bases.of(report)
    candidates = _candidates(report, bases)
    by_urgency = sorted(candidates, key=lambda c: (c.priority, c.order))
    kept = sorted(by_urgency[:limit], key=lambda c: c.order)
    rules = _rules(report, {c.result["ruleId"] for c in kept})
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = [{**c.result, "ruleIndex": index[c.result["ruleId"]]} for c in kept]
    driver: Json = {
        "name": report.tool.name,
        "version": report.tool.version,
        "semanticVersion": report.tool.version,
        "informationUri": INFORMATION_URI,
        "rules": rules,
    }
    invocation = _invocation(report, bases, len(candidates), len(kept))
    run: Json = {"tool": {"driver": driver}, "invocations": [invocation]}
    if bases.roots:
        run["originalUriBaseIds"] = bases.descriptions()
    run.update(
        {
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"asOf": report.as_of.isoformat()},
        }
    )
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _candidates(report: Report, bases: Bases) -> list[Candidate]:
    found: list[Candidate] = []
    for result in report.results:
        for f in result.findings:
            priority = 4 if f.suppressed else 4 - f.severity.rank  # errors 1, notes 3
            found.append(Candidate(priority, len(found), _finding(f, result, bases)))
    for e in report.errors:
        found.append(Candidate(0, len(found), _input_error(e, bases)))
    if report.threshold is not None:
        by_file = {r.file: r for r in report.results}
        failing: dict[str, list[ThresholdFailure]] = {}
        for failure in report.threshold.failures:
            failing.setdefault(failure.file, []).append(failure)
        for file, failures in failing.items():
            found.append(Candidate(0, len(found), _threshold(by_file[file], failures, bases)))
    return found


# Rules ------------------------------------------------------------------------


def _rules(report: Report, used: set[str]) -> list[Json]:
    known = report.rule_index()
    known.update({r.id: r for r in PSEUDO_RULES})
    return [_descriptor(known[i]) if i in known else _unknown(i) for i in sorted(used)]


def camel_case(title: str) -> str:
    """``"Every goal has a target value"`` -> ``"EveryGoalHasATargetValue"``."""
    words = re.split(r"[^0-9A-Za-z]+", title.replace("'", "").replace("\u2019", ""))
    return "".join(w[:1].upper() + w[1:] for w in words if w)


def help_uri(rule_id: str) -> str:
    return RULE_DOCS + rule_id


def _descriptor(rule: RuleInfo) -> Json:
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
    """A finding from a rule the report does not describe (e.g. a report read back in)."""
    return {
        "id": rule_id,
        "shortDescription": {"text": rule_id},
        "helpUri": help_uri(rule_id),
        "properties": {"tags": ["partnercheck"]},
    }


# Results ----------------------------------------------------------------------


def _finding(f: Finding, result: FileResult, bases: Bases) -> Json:
    location: Json = {
        "physicalLocation": bases.physical(result.file, result.source, region(f.location))
    }
    if f.location is not None:
        location["logicalLocations"] = [
            {"fullyQualifiedName": visible(f.location.path), "kind": "element"}
        ]
    out: Json = {
        "ruleId": f.rule,
        "level": LEVEL[f.severity],
        "message": {"text": finding_text(f)},
        "locations": [location],
        "partialFingerprints": {
            FINGERPRINT: finding_id(identity_file(result.file, result.source), f)
        },
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
    if f.group:
        properties["group"] = visible(f.group)  # one gap across several partners
    if properties:
        out["properties"] = properties
    return out


def _input_error(e: ErrorRecord, bases: Bases) -> Json:
    line, column = max(1, e.line), max(1, e.column)
    where = {"startLine": line, "startColumn": column, "endLine": line, "endColumn": column + 1}
    key = FindingKey(INPUT_ERROR, identity_file(e.file, e.source), "", "")
    return {
        "ruleId": INPUT_ERROR,
        "level": "error",
        "message": {"text": message_text(e.message)},
        "locations": [{"physicalLocation": bases.physical(e.file, e.source, where)}],
        "partialFingerprints": {FINGERPRINT: key_id(key)},
    }


def _threshold(result: FileResult, failing: list[ThresholdFailure], bases: Bases) -> Json:
    key = FindingKey(THRESHOLD, identity_file(result.file, result.source), "", "")
    return {
        "ruleId": THRESHOLD,
        "level": "error",
        "message": {
            "text": message_text("Threshold failed: " + "; ".join(f.message for f in failing))
        },
        "locations": [
            {"physicalLocation": bases.physical(result.file, result.source, region(None))}
        ],
        "partialFingerprints": {FINGERPRINT: key_id(key)},
        "properties": {"score": result.score, "band": result.band.value},
    }


def finding_text(f: Finding) -> str:
    return message_text(f"{f.message.rstrip('.')}. Fix: {f.recommendation}")


def message_text(text: str) -> str:
    """Plain text for a SARIF message: visible, literal brackets escaped (SARIF 3.11.6).

    A backslash before a bracket is doubled, so it cannot escape our escape.
    """
    return _BRACKET.sub(lambda m: m.group(1) * 2 + "\\" + m.group(2), visible(text))


def region(location: Location | None) -> Json:
    """Start and (exclusive) end of a finding; a file-wide finding points at 1:1."""
    if location is None:
        return {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 2}
    start = (location.line, location.column)
    end = (location.end_line, location.end_column)
    if end[0] is None or end[1] is None or (end[0], end[1]) <= start:
        end = (location.line, location.column + 1)
    return {"startLine": start[0], "startColumn": start[1], "endLine": end[0], "endColumn": end[1]}


def _invocation(report: Report, bases: Bases, total: int, kept: int) -> Json:
    threshold = report.threshold
    failed = threshold is not None and threshold.failed
    code = 2 if report.errors else 1 if failed else 0
    invocation: Json = {"executionSuccessful": not report.errors, "exitCode": code}
    notes = [_notification(e, bases) for e in report.errors]
    if threshold is not None and failed:
        files = len({f.file for f in threshold.failures})
        text = f"Threshold failed: {files} file(s) fail {thresholds(threshold)}; the run exits 1."
        notes.append({"level": "error", "message": {"text": message_text(text)}})
    if total > kept:
        text = (
            f"{total - kept} of {total} results were left out: GitHub code "
            f"scanning accepts at most {MAX_RESULTS:,} results per run. Errors were kept "
            "first; --format json lists every finding."
        )
        notes.append({"level": "warning", "message": {"text": text}})
    if notes:
        invocation["toolExecutionNotifications"] = notes
    return invocation


def _notification(e: ErrorRecord, bases: Bases) -> Json:
    where = {"startLine": max(1, e.line), "startColumn": max(1, e.column)}
    return {
        "level": "error",
        "message": {"text": message_text(e.message)},
        "locations": [{"physicalLocation": bases.physical(e.file, e.source, where)}],
    }


# Paths ------------------------------------------------------------------------


def identity_file(file: str, source: SourcePath | None) -> str:
    """The file as finding identity names it: its path from the repository root."""
    return source.path if source is not None else file


@dataclass(frozen=True)
class Bases:
    """The repository roots of the run, each a ``uriBaseId``: ``%SRCROOT%`` for the first."""

    roots: tuple[str, ...]

    @classmethod
    def of(cls, report: Report) -> Bases:
        sources = [r.source for r in report.results] + [e.source for e in report.errors]
        roots = dict.fromkeys(s.root for s in sources if s is not None and s.root is not None)
        return cls(tuple(roots))

    def name(self, root: str) -> str:
        i = self.roots.index(root)
        return SRCROOT if i == 0 else f"%SRCROOT{i + 1}%"

    def descriptions(self) -> Json:
        return {
            self.name(root): {
                "uri": PurePosixPath(root).as_uri().rstrip("/") + "/",
                "description": {"text": "The repository root: the folder that holds .git."},
            }
            for root in self.roots
        }

    def physical(self, file: str, source: SourcePath | None, where: Json) -> Json:
        if source is None:  # not placed in a repository (standard input, a report built by hand)
            posix = PurePosixPath(file.replace("\\", "/"))
            uri = posix.as_uri() if posix.is_absolute() else quote(str(posix), safe="/")
            artifact: Json = {"uri": uri}
        elif source.root is None:  # outside every repository
            artifact = {"uri": PurePosixPath(source.path).as_uri()}
        else:
            artifact = {"uri": quote(source.path, safe="/"), "uriBaseId": self.name(source.root)}
        return {"artifactLocation": artifact, "region": where}
