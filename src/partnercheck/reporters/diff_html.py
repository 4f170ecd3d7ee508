"""``diff --format html``: progress since the last review, as a page for the client.

Score and band change, the elements, the findings resolved, new and still open
(by name; one line for a gap several partners share) and the indicators'
movement toward or away from their targets. Same page style, escaping and
self-containment as the assessment report (:mod:`partnercheck.reporters.html`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from partnercheck.reporters.client_view import sentence
from partnercheck.reporters.html import environment
from partnercheck.reporters.progress_text import kpi_rows
from partnercheck.rules.base import listing
from partnercheck.textsafe import defuse_commands
from partnercheck.textsafe.models import visible_model

if TYPE_CHECKING:
    from partnercheck.comparison import Diff, FindingRef


def grouped(refs: Sequence[FindingRef]) -> list[str]:
    """One line per finding, except one line per group of several: "PC604 (3): a; b; c"."""
    lines: list[str] = []
    seen: dict[str, int] = {}
    members: dict[str, list[FindingRef]] = {}
    for f in refs:
        if f.group:
            members.setdefault(f.group, []).append(f)
    for f in refs:
        key = f.group or ""
        if key and len(members[key]) > 1:
            if key in seen:
                continue
            seen[key] = len(lines)
            texts = [m.text or m.message for m in members[key]]
            lines.append(f"{len(texts)} related findings: {listing(texts)}")
            continue
        lines.append(f.text or f.message)
    return lines


def render_diff(diff: Diff) -> str:
    diff = visible_model(diff)
    page = (
        environment()
        .get_template("diff.html.j2")
        .render(
            diff=diff,
            version=diff.tool.version,
            kpi_rows=kpi_rows,
            grouped=grouped,
            sentence=sentence,
        )
    )
    return defuse_commands(page)
