"""Counts per rule across all files, like ``ruff --statistics``."""

from __future__ import annotations

from collections import Counter

from partnercheck.results import Report


def rule_counts(report: Report) -> list[tuple[str, int]]:
    counts = Counter(f.rule for r in report.results for f in r.findings if not f.suppressed)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def statistics_lines(report: Report) -> list[str]:
    rules = report.rule_index()
    return [
        f"{n:5d}\t{rule_id}\t{rules[rule_id].title if rule_id in rules else ''}".rstrip()
        for rule_id, n in rule_counts(report)
    ]
