"""Progress between two assessments: the diff records and the pure logic that builds them.

Findings are matched by (rule, YAML path, message), not by line, so edits that only
move lines do not count as changes. Rendering lives in
:mod:`partnercheck.reporters.progress_text`; following a file through git lives in
:mod:`partnercheck.app.history`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Literal

from pydantic import ValidationError

from partnercheck._version import __version__
from partnercheck.app.json_input import JsonSyntaxError, parse_json
from partnercheck.errors import InputError, InputErrors
from partnercheck.results import (
    Band,
    ElementId,
    FileResult,
    Finding,
    Frozen,
    Report,
    Severity,
    ToolInfo,
)
from partnercheck.textsafe import excerpt, visible

BAND_RANK = {Band.CRITICAL: 0, Band.AT_RISK: 1, Band.DEVELOPING: 2, Band.STRONG: 3}


def delta(old: float, new: float) -> float:
    """``new - old`` rounded to two places, never ``-0.0``."""
    return round(new - old, 2) + 0.0


class ElementChange(Frozen):
    id: ElementId
    title: str
    old: float
    new: float
    delta: float


class FindingRef(Frozen):
    """A finding as the diff reports it; matched by (rule, path, message), not by line."""

    rule: str
    severity: Severity
    element: ElementId | None
    message: str
    path: str | None
    line: int | None


class FileDiff(Frozen):
    old_file: str
    new_file: str
    partnership: str
    old_score: float
    new_score: float
    delta: float
    old_band: Band
    new_band: Band
    band_change: Literal["up", "down", "unchanged"]
    elements: list[ElementChange]
    resolved: list[FindingRef]
    introduced: list[FindingRef]
    unchanged: int


class Diff(Frozen):
    tool: ToolInfo
    old: str
    new: str
    files: list[FileDiff]
    only_old: list[str]
    only_new: list[str]


FindingKey = tuple[str, str, str]


def finding_key(f: Finding) -> FindingKey:
    """What makes two findings "the same" across versions: line numbers excluded."""
    return (f.rule, f.location.path if f.location else "", f.message)


def finding_ref(f: Finding) -> FindingRef:
    return FindingRef(
        rule=f.rule,
        severity=f.severity,
        element=f.element,
        message=f.message,
        path=f.location.path if f.location else None,
        line=f.location.line if f.location else None,
    )


def _leftover(findings: list[Finding], other: list[Finding]) -> list[FindingRef]:
    """Findings in ``findings`` not matched in ``other`` (as multisets, order kept)."""
    available = Counter(finding_key(f) for f in other)
    left = []
    for f in findings:
        key = finding_key(f)
        if available[key]:
            available[key] -= 1
        else:
            left.append(finding_ref(f))
    return left


def diff_results(old: FileResult, new: FileResult) -> FileDiff:
    """How ``new`` differs from ``old``; suppressed findings count as absent."""
    old_active = [f for f in old.findings if not f.suppressed]
    new_active = [f for f in new.findings if not f.suppressed]
    old_scores = {e.id: e.score for e in old.elements}
    elements = [
        ElementChange(
            id=e.id,
            title=e.title,
            old=old_scores.get(e.id, 0.0),
            new=e.score,
            delta=delta(old_scores.get(e.id, 0.0), e.score),
        )
        for e in new.elements
    ]
    rank_old, rank_new = BAND_RANK[old.band], BAND_RANK[new.band]
    resolved = _leftover(old_active, new_active)
    return FileDiff(
        old_file=old.file,
        new_file=new.file,
        partnership=new.partnership,
        old_score=old.score,
        new_score=new.score,
        delta=delta(old.score, new.score),
        old_band=old.band,
        new_band=new.band,
        band_change="up" if rank_new > rank_old else "down" if rank_new < rank_old else "unchanged",
        elements=elements,
        resolved=resolved,
        introduced=_leftover(new_active, old_active),
        unchanged=len(old_active) - len(resolved),
    )


def diff_reports(
    old_name: str, new_name: str, old: Sequence[FileResult], new: Sequence[FileResult]
) -> Diff:
    """Pair results (one each, else by file, then by partnership name) and diff each pair."""
    unmatched = list(new)
    pairs: list[tuple[FileResult, FileResult]] = []
    only_old = []
    for o in old:
        match = (
            unmatched[0]
            if len(old) == len(new) == 1
            else next((n for n in unmatched if n.file == o.file), None)
            or next((n for n in unmatched if n.partnership == o.partnership), None)
        )
        if match is None:
            only_old.append(o.file)
        else:
            unmatched.remove(match)
            pairs.append((o, match))
    return Diff(
        tool=ToolInfo(version=__version__),
        old=old_name,
        new=new_name,
        files=[diff_results(o, n) for o, n in pairs],
        only_old=only_old,
        only_new=[n.file for n in unmatched],
    )


def parse_results(text: str, name: str) -> list[FileResult] | None:
    """The results in an ``assess --format json`` output, or None if ``text`` is not JSON.

    JSON is read within bounds (:mod:`partnercheck.app.json_input`) and every
    score must lie between 0 and 100: a result file may come from anyone.
    """
    try:
        document = parse_json(text, name, "JSON result")
    except JsonSyntaxError:
        return None  # not JSON: a partnership file
    if not (isinstance(document, dict) and "tool" in document and "results" in document):
        return None
    try:
        report = Report.model_validate(document)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = visible(".".join(str(part) for part in first["loc"]), 80)
        raise InputErrors(
            [InputError(name, 1, 1, f"not a partnercheck JSON result: {where}: {first['msg']}")]
        ) from None
    if not report.results:
        raise InputErrors([InputError(name, 1, 1, "the JSON result holds no assessed file")])
    for i, result in enumerate(report.results):
        scores = [("score", result.score)]
        scores += [(f"elements.{e.id.value}.score", e.score) for e in result.elements]
        for field, value in scores:
            if not 0 <= value <= 100:
                shown = f"results[{i}].{field} is {excerpt(value)}, not 0 to 100"
                message = f"not a partnercheck JSON result: {shown}"
                raise InputErrors([InputError(name, 1, 1, message)])
    return report.results
