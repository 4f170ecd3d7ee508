"""The file's own ``suppress:`` list: accepted findings, with reasons and expiry.

Suppressed findings stay in the result (marked) but cost no points and never
fail a run. A suppression that expired, names no rule, or matches nothing is
reported, so the list cannot silently rot.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from partnercheck.errors import did_you_mean
from partnercheck.load.nodes import MappingNode, Path
from partnercheck.model.partnership import Partnership
from partnercheck.results import Location
from partnercheck.rules import REGISTRY
from partnercheck.rules.base import Hit
from partnercheck.rules.meta import EXPIRED, UNKNOWN, UNUSED
from partnercheck.scoring import Draft

Locator = Callable[[MappingNode, Path | None], Location | None]


def apply_suppressions(
    drafts: list[Draft], p: Partnership, root: MappingNode, as_of: date, locate: Locator
) -> list[Draft]:
    active: dict[str, int] = {}
    notes: list[Draft] = []

    def note(meta_rule: str, message: str, path: Path) -> None:
        r = REGISTRY[meta_rule]
        notes.append(Draft(r, Hit(message, path), locate(root, path), r.severity))

    for i, s in enumerate(p.suppress):
        if s.rule not in REGISTRY:
            hint = did_you_mean(s.rule, sorted(REGISTRY))
            note(
                UNKNOWN.id,
                f"Suppression names unknown rule {s.rule}{hint}",
                ("suppress", i, "rule"),
            )
        elif s.expires is not None and s.expires < as_of:
            note(
                EXPIRED.id,
                f"Suppression of {s.rule} expired on {s.expires.isoformat()}; "
                "its findings count again",
                ("suppress", i, "expires"),
            )
        else:
            active.setdefault(s.rule, i)
    used: set[str] = set()
    result = []
    for d in drafts:
        if d.rule.id in active:
            used.add(d.rule.id)
            d = replace(d, suppressed=True, justification=p.suppress[active[d.rule.id]].reason)
        result.append(d)
    for rule_id, i in active.items():
        if rule_id not in used:
            note(UNUSED.id, f"Suppression of {rule_id} matches no finding", ("suppress", i))
    return result + notes
