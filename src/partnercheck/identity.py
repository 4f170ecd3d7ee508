"""Finding identity: the one definition shared by SARIF fingerprints, baselines and diffs.

A finding is the same finding while its rule, its file (as a POSIX path relative
to the repository root when there is one), its YAML path and its subject (the
partner, member, goal, KPI or meeting it is about) stay the same. Line numbers,
message wording, dates ("N days ago") and counts are never part of it, so an
edit elsewhere in the file, a new day or a reworded message keeps the identity,
while the same rule firing about a different partner at a shared path does not.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath
from typing import NamedTuple

from partnercheck.results import Finding


class FindingKey(NamedTuple):
    rule: str
    file: str
    path: str
    subject: str


def finding_key(file: str, finding: Finding) -> FindingKey:
    """The parts of a finding's identity, readable (for baselines and diffs)."""
    path = finding.location.path if finding.location is not None else ""
    return FindingKey(finding.rule, PurePath(file).as_posix(), path, finding.subject or "")


def key_id(key: FindingKey) -> str:
    """An identity as a SHA-256 hex digest (SARIF partialFingerprints, baseline entries)."""
    return hashlib.sha256("\0".join(key).encode("utf-8")).hexdigest()


def finding_id(file: str, finding: Finding) -> str:
    """The finding's identity as a SHA-256 hex digest."""
    return key_id(finding_key(file, finding))
