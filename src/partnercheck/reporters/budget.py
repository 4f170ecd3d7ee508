"""Keeping a Markdown report under GitHub's job-summary limit, and saying what was left out.

GitHub accepts at most 1 MiB of ``$GITHUB_STEP_SUMMARY`` per step and shows an
error instead of a larger summary. A report is built from blocks, each with a
priority: the most important are kept first (the title and the threshold
verdict always; then input errors, the summary table, the file sections), in
their own order, until the budget is spent. Within one kind only a leading run
is kept, so a reader never meets a gap. A line under the title counts what was
left out and where to find it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

GITHUB_SUMMARY_LIMIT = 1 << 20  # bytes, per step
# What the blocks may take: the rest is room for the line about what was left out
# (and a little for whatever else the step writes).
BUDGET = 1_000_000


@dataclass(frozen=True)
class Block:
    lines: list[str]
    what: str = ""  # its kind, in the left-out line ("file section"); "" for always kept
    priority: int = 0  # lower is kept first


def size(lines: list[str]) -> int:
    return sum(len(line.encode("utf-8")) + 1 for line in lines)


def within(blocks: list[Block], budget: int = BUDGET) -> list[str]:
    """The lines of the blocks that fit in ``budget`` bytes, with a note after the first."""
    used = 0
    kept: set[int] = set()
    left_out: Counter[str] = Counter()
    for i in sorted(range(len(blocks)), key=lambda i: blocks[i].priority):
        block = blocks[i]
        cost = size(block.lines)
        if not block.what or (not left_out[block.what] and used + cost <= budget):
            kept.add(i)
            used += cost
        else:
            left_out[block.what] += 1
    lines: list[str] = []
    for i, block in enumerate(blocks):
        if i in kept:
            lines.extend(block.lines)
        if i == 0 and left_out:
            lines.extend(["", note(left_out)])
    return lines


def note(left_out: Counter[str]) -> str:
    parts = [f"{n} {what}{'s' if n != 1 else ''}" for what, n in left_out.items()]
    return (
        f"**Left out: {', '.join(parts)}**, to stay under GitHub's 1 MiB job-summary "
        "limit. `--format json` and `--format html -o report.html` have everything."
    )
