"""Baselines: record today's findings so that a run fails only on new ones.

A baseline is a JSON file listing one entry per unsuppressed finding::

    {"partnercheck-baseline": 2,
     "findings": [{"id": "...", "rule": "PC204", "file": "partnerships/p.yaml",
                   "path": "vision.agreed_by", "subject": "trust", "message": "..."}]}

``id`` is the finding's identity (:mod:`partnercheck.identity`): its rule, its
file as a path from the repository root, its YAML path and its subject (the
partner, goal or meeting it is about), never its line, wording, dates or
counts. So a baseline survives lines moving, the days passing and partnercheck
running from another folder, while the same rule firing about another partner
is a new finding. The other fields are there for people reading the file.
Entries are a multiset: two findings with the same identity need two entries.

Format 1 (before identities had subjects) matched findings by rule, file as
typed and YAML path only, and then loosely by message, so it could hide a new
finding about another partner; it is refused with a message saying how to
write a new one.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from partnercheck.app.json_input import parse_json
from partnercheck.errors import InputError, InputErrors
from partnercheck.identity import finding_id, finding_key
from partnercheck.load import read_bytes
from partnercheck.results import FileResult, Finding, Report
from partnercheck.textsafe import display_name, for_json, visible

FORMAT_KEY = "partnercheck-baseline"
FORMAT_VERSION = 2
MAX_BASELINE_BYTES = 256 << 20  # a baseline of a million findings is still smaller
REGENERATE = "partnercheck baseline create PATHS -o FILE"


def identity_file(result: FileResult) -> str:
    """The file as identities name it: from its repository root when it has one."""
    return result.source.path if result.source is not None else result.file


def _entry(file: str, finding: Finding) -> dict[str, str]:
    key = finding_key(file, finding)
    return {
        "id": finding_id(file, finding),
        "rule": key.rule,
        "file": key.file,
        "path": key.path,
        "subject": key.subject,
        "message": finding.message,
    }


def create(report: Report) -> str:
    """Baseline text recording every unsuppressed finding of ``report``."""
    entries = [
        _entry(identity_file(result), f)
        for result in report.results
        for f in result.findings
        if not f.suppressed
    ]
    entries.sort(
        key=lambda e: (e["file"], e["rule"], e["path"], e["subject"], e["message"], e["id"])
    )
    document = {FORMAT_KEY: FORMAT_VERSION, "findings": entries}
    return for_json(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def filter_known(report: Report, path: Path) -> Report:
    """``report`` without the findings recorded in the baseline at ``path``.

    Scores stay as assessed; only the findings lists shrink, so thresholds on
    findings (``--fail-on``) see new findings only.
    """
    known = Counter(_read(path))
    results = [_without_known(result, known) for result in report.results]
    return report.model_copy(update={"results": results})


def _without_known(result: FileResult, known: Counter[str]) -> FileResult:
    file = identity_file(result)
    findings = []
    for f in result.findings:
        identity = finding_id(file, f)
        if not f.suppressed and known[identity] > 0:
            known[identity] -= 1
        else:
            findings.append(f)
    return result.model_copy(update={"findings": findings})


def _read(path: Path) -> list[str]:
    """The identity of every entry; located errors for a bad or outdated file."""
    name = display_name(str(path))

    def fail(message: str, line: int = 1, column: int = 1) -> InputErrors:
        return InputErrors([InputError(name, line, column, message)])

    if not path.exists() and not path.is_symlink():
        raise fail("baseline file not found")
    raw = read_bytes(path, MAX_BASELINE_BYTES, name)
    try:
        text = raw.decode("utf-8-sig")  # editors on Windows add a byte-order mark
    except UnicodeDecodeError as exc:
        raise fail(f"cannot read baseline: not valid UTF-8 (byte 0x{raw[exc.start]:02x})") from None
    document: Any = parse_json(text, name, "baseline")
    if not isinstance(document, dict) or FORMAT_KEY not in document:
        raise fail(f"not a partnercheck baseline (no {FORMAT_KEY!r} key)")
    version = document[FORMAT_KEY]
    line = _line_of(text, FORMAT_KEY)
    if version == 1 and not isinstance(version, bool):
        raise fail(
            "baseline format 1 is no longer read: it could not tell findings about different "
            f"partners apart; write a new baseline with `{REGENERATE}` (same paths as before)",
            line,
        )
    if version != FORMAT_VERSION or isinstance(version, bool):
        shown = visible(json.dumps(version, ensure_ascii=False), 20)
        raise fail(f"unsupported baseline version {shown} (expected {FORMAT_VERSION})", line)
    entries = document.get("findings")
    if not isinstance(entries, list):
        raise fail("invalid baseline: 'findings' must be a list")
    known = []
    for i, entry in enumerate(entries):
        identity = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(identity, str) or not identity:
            raise fail(f"invalid baseline: findings[{i}] has no id")
        known.append(identity)
    return known


def _line_of(text: str, key: str) -> int:
    """The line of ``"key":`` in ``text`` (1 when it cannot be found)."""
    match = re.search(rf'"{re.escape(key)}"\s*:', text)
    return text.count("\n", 0, match.start()) + 1 if match else 1
