"""The file's own ``suppress:`` list: accepted findings, with reasons and expiry.

Suppressed findings stay in the result (marked) but cost no points and never
fail a run. A suppression that expired or matches nothing is reported, so the
list cannot silently rot. A rule id the tool does not know, in ``suppress`` or
in a risk's ``covers``, is an input error with a did-you-mean: a typo there
would otherwise silently switch a check off or on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from partnercheck.errors import Hints, InputError, InputErrors
from partnercheck.load.nodes import MappingNode, Path, resolve
from partnercheck.model.partnership import Partnership
from partnercheck.results import Location
from partnercheck.rules import REGISTRY
from partnercheck.rules.base import Hit
from partnercheck.rules.meta import EXPIRED, UNUSED
from partnercheck.scoring import Draft
from partnercheck.textsafe import excerpt

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
        if s.expires is not None and s.expires < as_of:
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


def check_rule_references(p: Partnership, root: MappingNode, filename: str) -> None:
    """Every rule id in ``suppress`` and in risks' ``covers`` exists; partner ids in
    ``covers`` exist too. Raises :class:`InputErrors` at each unknown id."""
    rules = sorted(REGISTRY)
    people = {x.id for x in p.partners} | {m.id for m in p.members}
    errors = []
    hint = Hints()

    def fail(path: Path, message: str) -> None:
        node = resolve(root, path)[1]
        errors.append(InputError(filename, node.line, node.column, message))

    for i, s in enumerate(p.suppress):
        if s.rule not in REGISTRY:
            fail(("suppress", i, "rule"), f"unknown rule {excerpt(s.rule)}{hint(s.rule, rules)}")
    for i, risk in enumerate(p.risks):
        for j, item in enumerate(risk.covers):
            if item in REGISTRY or item in people:
                continue
            candidates = rules if item[:2].upper() == "PC" else people
            fail(
                ("risks", i, "covers", j),
                f"unknown rule or partner {excerpt(item)}{hint(item, candidates)}",
            )
    if errors:
        raise InputErrors(errors)
