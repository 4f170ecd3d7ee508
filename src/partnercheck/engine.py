"""The assessment pipeline: partnership -> rule hits -> drafts -> scored result.

Pure: no printing, no file writing. The CLI and the Python API both call
:func:`load` then :func:`assess`; reporters only ever see the :class:`FileResult`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from partnercheck.load import Source, load_nodes
from partnercheck.load.nodes import MappingNode, Path, format_path, resolve
from partnercheck.model.partnership import Partnership
from partnercheck.model.validate import build
from partnercheck.results import ElementId, FileResult, Location, Severity
from partnercheck.rules import REGISTRY, Rule
from partnercheck.rules.base import Hit
from partnercheck.rules.context import Context
from partnercheck.rules.depth import classify
from partnercheck.rules.perception import RULE_FOR_KIND
from partnercheck.scoring import Draft, challenge_summary, score
from partnercheck.suppression import apply_suppressions
from partnercheck.survey.analysis import analyse
from partnercheck.survey.responses import Response
from partnercheck.survey.results import SurveyRecord, SurveyResult


@dataclass(frozen=True)
class Options:
    """Everything that changes an assessment besides the file itself."""

    as_of: date
    select: frozenset[str] = frozenset()  # rule ids or prefixes; empty means all
    ignore: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)  # per-rule override
    weights: dict[ElementId, float] = field(default_factory=dict)


@dataclass(frozen=True)
class SurveyInput:
    """Partner perception survey responses to combine with the document evidence."""

    responses: list[Response]
    min_respondents: int = 3
    show_respondents: bool = False


@dataclass(frozen=True)
class Loaded:
    """A validated partnership with the node tree its locations come from."""

    source: Source
    root: MappingNode
    partnership: Partnership


def load(source: Source) -> Loaded:
    """Parse and validate; raises :class:`~partnercheck.errors.InputErrors`."""
    root = load_nodes(source)
    return Loaded(source, root, build(root, source.name))


def _matches(rule_id: str, patterns: Iterable[str]) -> bool:
    return any(rule_id.startswith(p) for p in patterns)


def active_rules(options: Options) -> list[Rule]:
    return [
        r
        for r in REGISTRY.values()
        if (not options.select or _matches(r.id, options.select))
        and not _matches(r.id, options.ignore)
    ]


def locate(root: MappingNode, path: Path | None) -> Location | None:
    if path is None:
        return None
    reached, node, _ = resolve(root, path)
    return Location(
        path=format_path(reached) or "$",
        line=node.line,
        column=node.column,
        end_line=node.end_line,
        end_column=node.end_column,
    )


_SOFTER = {Severity.ERROR: Severity.WARNING, Severity.WARNING: Severity.INFO}


def assess(loaded: Loaded, options: Options, survey: SurveyInput | None = None) -> FileResult:
    p = loaded.partnership
    ctx = Context(p, options.as_of)
    rules = active_rules(options)
    drafts: list[Draft] = []
    for r in rules:
        if r.check is None:
            continue
        severity = options.severity.get(r.id, r.severity)
        risk = ctx.mitigated.get(r.challenge.value) if r.challenge else None
        for hit in capped(r.check(ctx)):
            drafts.append(_draft(r, hit, loaded.root, severity, risk))
    scored = score(
        apply_suppressions(drafts, p, loaded.root, options.as_of, locate), rules, options.weights
    )
    survey_result: SurveyResult | None = None
    if survey is not None:
        # The survey is compared with the document scores, then combined with them.
        document = {e.id: e.score for e in scored.elements}
        survey_result = analyse(
            survey.responses,
            ctx.partner_ids,
            document,
            survey.min_respondents,
            survey.show_respondents,
        )
        active = {r.id for r in rules}
        drafts += [
            _survey_draft(record, loaded, options)
            for record in survey_result.records
            if RULE_FOR_KIND[record.kind].id in active
        ]
        perception = {e.id: e.perception for e in survey_result.elements}
        scored = score(
            apply_suppressions(drafts, p, loaded.root, options.as_of, locate),
            rules,
            options.weights,
            perception,
        )
    return FileResult(
        file=loaded.source.name,
        partnership=p.partnership.name,
        form=p.partnership.form.value if p.partnership.form else None,
        score=scored.score,
        band=scored.band,
        depth=classify(ctx),
        elements=scored.elements,
        findings=scored.findings,
        challenges=challenge_summary(scored.findings, ctx),
        priorities=scored.priorities,
        survey=survey_result,
        active_rules=sorted(r.id for r in rules),
    )


def _survey_draft(record: SurveyRecord, loaded: Loaded, options: Options) -> Draft:
    r = RULE_FOR_KIND[record.kind]
    # Point at the file's `survey:` key when it names the responses; else nowhere.
    path: Path | None = ("survey",) if loaded.partnership.survey else None
    hit = Hit(
        record.message,
        path,
        record.recommendation,
        share=0.0,
        element=record.element,
        challenge=record.challenge,
    )
    return Draft(r, hit, locate(loaded.root, path), options.severity.get(r.id, r.severity))


MAX_HITS_PER_RULE = 500


def capped(hits: Iterable[Hit]) -> Iterator[Hit]:
    """At most MAX_HITS_PER_RULE findings per rule; the rest are summed into one.

    A network of 100,000 partners without stated benefits needs one finding that
    says so, not 100,000 of them; the summary carries their share of the points.
    """
    rest: list[Hit] = []
    for i, hit in enumerate(hits):
        if i < MAX_HITS_PER_RULE - 1:
            yield hit
        else:
            rest.append(hit)
    if len(rest) == 1:
        yield rest[0]
    elif rest:
        first = rest[0]
        yield Hit(
            f"{first.message}; and {len(rest) - 1:,} more like it",
            first.path,
            first.recommendation,
            share=sum(h.share for h in rest),
            element=first.element,
            challenge=first.challenge,
        )


def _draft(r: Rule, hit: Hit, root: MappingNode, severity: Severity, risk: int | None) -> Draft:
    if risk is None:
        return Draft(r, hit, locate(root, hit.path), severity)
    # A declared, owned and mitigated risk softens the finding; it does not erase it.
    return Draft(
        r,
        hit,
        locate(root, hit.path),
        _SOFTER.get(severity, severity),
        mitigated_by=f"risks[{risk}]",
    )
