"""Baselines: record today's findings so that a run fails only on new ones.

A baseline is a JSON file listing one entry per unsuppressed finding::

    {"partnercheck-baseline": 1,
     "findings": [{"fingerprint": "...", "rule": "PC305", "file": "p.yaml",
                   "path": "communication", "message": "..."}]}

A finding's fingerprint is the SHA-256 of its rule, file (as a POSIX path, as
given on the command line) and YAML path, never its line, so a baseline
survives lines moving. The other fields are there for people reading the file.
Entries are a multiset: two findings with the same fingerprint need two entries.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path, PurePath
from typing import Any

from partnercheck.app.json_input import parse_json
from partnercheck.errors import InputError, InputErrors
from partnercheck.load import read_bytes
from partnercheck.results import FileResult, Finding, Report
from partnercheck.textsafe import display_name, for_json, visible

FORMAT_KEY = "partnercheck-baseline"
FORMAT_VERSION = 1
MAX_BASELINE_BYTES = 256 << 20  # a baseline of a million findings is still smaller


def fingerprint(file: str, finding: Finding) -> str:
    """Identity of a finding that does not depend on line numbers."""
    path = finding.location.path if finding.location is not None else ""
    key = "\0".join((finding.rule, PurePath(file).as_posix(), path))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _entry(file: str, finding: Finding) -> dict[str, str]:
    return {
        "fingerprint": fingerprint(file, finding),
        "rule": finding.rule,
        "file": PurePath(file).as_posix(),
        "path": finding.location.path if finding.location is not None else "",
        "message": finding.message,
    }


def create(report: Report) -> str:
    """Baseline text recording every unsuppressed finding of ``report``."""
    entries = [
        _entry(result.file, f)
        for result in report.results
        for f in result.findings
        if not f.suppressed
    ]
    entries.sort(key=lambda e: (e["file"], e["rule"], e["path"], e["message"], e["fingerprint"]))
    document = {FORMAT_KEY: FORMAT_VERSION, "findings": entries}
    return for_json(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def filter_known(report: Report, path: Path) -> Report:
    """``report`` without the findings recorded in the baseline at ``path``.

    Scores stay as assessed; only the findings lists shrink, so thresholds on
    findings (``--fail-on``) see new findings only.
    """
    known = _read(path)
    results = [_without_known(result, known) for result in report.results]
    return report.model_copy(update={"results": results})


def _without_known(result: FileResult, known: list[tuple[str, str]]) -> FileResult:
    marks = [(fingerprint(result.file, f), f.message) for f in result.findings]
    exact = Counter(known)
    loose = Counter(fp for fp, _ in known)
    matched = [False] * len(marks)
    # First pair findings with entries that also agree on the message, then on
    # the fingerprint alone, so a changed message still matches its old entry.
    for i, (fp, message) in enumerate(marks):
        if not result.findings[i].suppressed and exact[fp, message] > 0:
            exact[fp, message] -= 1
            loose[fp] -= 1
            matched[i] = True
    for i, (fp, _) in enumerate(marks):
        if not matched[i] and not result.findings[i].suppressed and loose[fp] > 0:
            loose[fp] -= 1
            matched[i] = True
    findings = [f for f, known_ in zip(result.findings, matched, strict=True) if not known_]
    return result.model_copy(update={"findings": findings})


def _read(path: Path) -> list[tuple[str, str]]:
    """(fingerprint, message) of every entry; located errors for a bad file."""
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
    if document[FORMAT_KEY] != FORMAT_VERSION or isinstance(document[FORMAT_KEY], bool):
        version = visible(json.dumps(document[FORMAT_KEY], ensure_ascii=False), 20)
        raise fail(f"unsupported baseline version {version} (expected 1)")
    entries = document.get("findings")
    if not isinstance(entries, list):
        raise fail("invalid baseline: 'findings' must be a list")
    known = []
    for i, entry in enumerate(entries):
        fp = entry.get("fingerprint") if isinstance(entry, dict) else None
        if not isinstance(fp, str) or not fp:
            raise fail(f"invalid baseline: findings[{i}] has no fingerprint")
        message = entry.get("message")
        known.append((fp, message if isinstance(message, str) else ""))
    return known
