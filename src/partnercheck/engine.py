"""The assessment pipeline: partnership -> rule hits -> drafts -> scored result.

Pure: no printing, no file writing. The CLI and the Python API both call
:func:`load` then :func:`assess`; reporters only ever see the :class:`FileResult`.

Order of work: placeholder text is taken out; every active rule runs on what
is left; findings a declared risk covers are softened; the file's suppressions
are applied; findings of rules that a graver finding makes moot are dropped
(one gap, one price); then :mod:`partnercheck.scoring` prices and summarises.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from partnercheck.load import Source, load_nodes
from partnercheck.load.nodes import MappingNode, Path, format_path, resolve
from partnercheck.model.partnership import Partnership
from partnercheck.model.validate import build
from partnercheck.power_reading import power_readings
from partnercheck.results import (
    Band,
    ElementId,
    FileResult,
    Finding,
    Location,
    PriorityAction,
    Severity,
    StrengthRecord,
)
from partnercheck.rules import REGISTRY, Rule
from partnercheck.rules.base import ELEMENT, Hit, Strength, Written, ids, names
from partnercheck.rules.context import Context, Subject
from partnercheck.rules.depth import classify
from partnercheck.rules.evaluation import review_lapsed
from partnercheck.rules.fields import field_words
from partnercheck.rules.perception import RULE_FOR_KIND
from partnercheck.rules.placeholders import (
    PLACEHOLDER,
    SAYS_NONE,
    UNFINISHED,
    IndexMap,
    strip_placeholders,
)
from partnercheck.scoring import (
    Draft,
    Headline,
    Outcomes,
    Scored,
    headline,
    rule_points,
    score,
    score_points,
)
from partnercheck.scoring.priorities import (
    document_priorities,
    finding_groups,
    survey_priorities,
    top,
    track_record_step,
)
from partnercheck.summary import (
    challenge_summary,
    goal_records,
    kpi_records,
    partner_records,
    risk_records,
)
from partnercheck.suppression import apply_suppressions, check_rule_references
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
    # Every file of a run has the same options: match the patterns once, not per file.
    # The registry's size is in the key so that a rule registered later is not missed.
    key = (options.select, options.ignore, len(REGISTRY))
    rules = _ACTIVE.get(key)
    if rules is None:
        rules = _ACTIVE[key] = tuple(
            r
            for r in REGISTRY.values()
            if (not options.select or _matches(r.id, options.select))
            and not _matches(r.id, options.ignore)
        )
    return list(rules)


_ACTIVE: dict[tuple[frozenset[str], frozenset[str], int], tuple[Rule, ...]] = {}


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


_PLACEHOLDER_RULES = {
    "placeholder": (PLACEHOLDER, "is a placeholder, not content"),
    "unfinished": (UNFINISHED, "is unfinished"),
    "none": (SAYS_NONE, "says there is none, so it counts as missing"),
}


@dataclass(frozen=True)
class _Run:
    """One assessment's inputs, for the helpers below."""

    loaded: Loaded
    options: Options
    ctx: Context
    index_map: IndexMap
    rules: list[Rule]
    prose: tuple[int, int]  # (texts in the file, placeholders among them)

    def locate(self, path: Path | None) -> Location | None:
        return locate(self.loaded.root, self.index_map.original(path))

    def severity(self, rule: Rule, hit: Hit) -> Severity:
        return self.options.severity.get(rule.id) or hit.severity or rule.severity

    def score(
        self, drafts: Sequence[Draft], perception: Mapping[ElementId, float | None] | None = None
    ) -> Scored:
        return score_points(drafts, self.points, self.options.weights, perception, self.outcomes)

    def headline(
        self,
        drafts: Sequence[Draft],
        costs: Sequence[float],
        perception: Mapping[ElementId, float | None],
    ) -> Headline:
        """The headline for these drafts and their prices: what a priority's gain needs."""
        return headline(drafts, costs, self.options.weights, perception, self.outcomes)

    @cached_property
    def points(self) -> dict[str, float]:
        return rule_points(self.rules)

    @cached_property
    def outcomes(self) -> Outcomes:
        ev = self.ctx.p.evaluation
        reviewed = bool(ev and ev.last_review and ev.last_review <= self.ctx.as_of)
        states = tuple(self.ctx.goal_outcomes[i].state for i, _ in self.ctx.live_goals)
        return Outcomes(states, reviewed, *self.prose, lapsed=review_lapsed(self.ctx))


def assess(loaded: Loaded, options: Options, survey: SurveyInput | None = None) -> FileResult:
    p = loaded.partnership
    check_rule_references(p, loaded.root, loaded.source.name)
    clean, placeholders, index_map = strip_placeholders(p)
    drafted = sum(1 for f in placeholders if f.kind != "unfinished")
    run = _Run(
        loaded,
        options,
        Context(clean, options.as_of),
        index_map,
        active_rules(options),
        (index_map.texts, drafted),
    )
    drafts, strengths = _run_rules(run)
    active_ids = {r.id for r in run.rules}
    for found in placeholders:
        meta, what = _PLACEHOLDER_RULES[found.kind]
        if meta.id in active_ids:
            where = format_path(found.path)
            words = field_words(loaded.partnership, found.path)
            message = Written(
                f"{where} {what}: {_excerpt(found.text)}",
                f"{words[0].upper()}{words[1:]} {what}: {_excerpt(found.text, quote=True)}",
            )
            field = Subject("field", where, words)
            hit = Hit(
                message, found.path, meta.recommendation, element=found.element, subject=field
            )
            drafts.append(Draft(meta, hit, locate(loaded.root, found.path), meta.severity))
    drafts = _drop_covered(apply_suppressions(drafts, p, loaded.root, options.as_of, locate))
    scored = run.score(drafts)
    survey_result: SurveyResult | None = None
    perception: dict[ElementId, float | None] = {}
    if survey is not None:
        # The survey is compared with the document scores, then combined with them.
        document = {e.id: e.score for e in scored.elements}
        survey_result = analyse(
            survey.responses,
            run.ctx.partner_ids,
            document,
            survey.min_respondents,
            survey.show_respondents,
            {x.id: x.name for x in run.ctx.partners},
        )
        drafts += [
            _survey_draft(record, run)
            for record in survey_result.records
            if RULE_FOR_KIND[record.kind].id in active_ids
        ]
        perception = {e.id: e.perception for e in survey_result.elements}
        scored = run.score(drafts, perception)
    return _result(run, drafts, scored, strengths, survey_result, perception)


def _run_rules(run: _Run) -> tuple[list[Draft], list[Strength]]:
    drafts: list[Draft] = []
    strengths: list[Strength] = []
    for r in run.rules:
        if r.check is None:
            continue
        for item in capped(r.check(run.ctx)):
            if isinstance(item, Strength):
                strengths.append(Strength(item.text, item.element or r.element))
                continue
            draft = Draft(r, item, run.locate(item.path), run.severity(r, item))
            drafts.append(_mitigate(draft, run.ctx))
    return drafts, strengths


def _mitigate(draft: Draft, ctx: Context) -> Draft:
    """Soften a finding that a declared, owned, credible risk covers: the rules it names,
    and, for the partners it names, the findings of the risk's own challenge."""
    subject = draft.hit.subject.id if draft.hit.subject else None
    challenge = draft.rule.challenge or draft.hit.challenge
    for index, covers in ctx.mitigations:
        risk = ctx.p.risks[index]
        about = subject is not None and subject in covers
        if draft.rule.id in covers or (about and challenge and risk.challenge.value == challenge):
            # Half the points; the severity stands: a risk on paper is not the problem fixed.
            return replace(draft, mitigated_by=f"risks[{index}]")
    return draft


def _drop_covered(drafts: list[Draft]) -> list[Draft]:
    """Drop findings of rules made moot by a standing finding that covers them."""
    moot: set[str] = set()
    whole: set[ElementId] = set()
    for d in drafts:
        if d.suppressed:
            continue
        if d.hit.covers == ELEMENT and d.rule.element is not None:
            whole.add(d.rule.element)
        elif d.hit.covers != ELEMENT:
            moot.update(d.hit.covers)
    if not moot and not whole:
        return drafts
    return [
        d
        for d in drafts
        if not (
            d.rule.id in moot
            or (d.rule.element in whole and d.hit.covers != ELEMENT)
            or (d.rule.element is None and d.hit.element in whole)
        )
    ]


def _result(
    run: _Run,
    drafts: list[Draft],
    scored: Scored,
    strengths: list[Strength],
    survey: SurveyResult | None,
    perception: Mapping[ElementId, float | None],
) -> FileResult:
    p = run.loaded.partnership
    ctx = run.ctx
    groups = finding_groups(drafts, scored.costs)
    grouped = {g.rule for g in groups}
    findings = [
        f.model_copy(update={"group": f.rule}) if f.rule in grouped and not f.suppressed else f
        for f in scored.findings
    ]
    order = sorted(range(len(findings)), key=lambda i: _sort_key(findings[i]))
    partners = partner_records(ctx)
    return FileResult(
        file=run.loaded.source.name,
        partnership=p.partnership.name,
        form=p.partnership.form.value if p.partnership.form else None,
        score=scored.score,
        band=scored.band,
        depth=classify(ctx),
        elements=scored.elements,
        findings=[findings[i] for i in order],
        challenges=challenge_summary(scored.findings, ctx, {r.id for r in run.rules if r.live}),
        priorities=_priorities(run, drafts, scored, survey, perception),
        survey=survey,
        active_rules=sorted(r.id for r in run.rules),
        uncapped_score=scored.mean if scored.cap else None,
        cap=scored.cap,
        ceiling=scored.ceiling,
        strengths=_strengths(strengths, scored),
        groups=groups,
        goals=goal_records(ctx),
        kpis=kpi_records(ctx),
        partners=partners,
        risks=risk_records(ctx),
        power_readings=power_readings(findings, partners, survey) if survey else [],
    )


def _priorities(
    run: _Run,
    drafts: Sequence[Draft],
    scored: Scored,
    survey: SurveyResult | None,
    perception: Mapping[ElementId, float | None],
) -> list[PriorityAction]:
    actions = document_priorities(drafts, scored, perception, run.headline)
    if survey is not None:
        actions += survey_priorities(
            survey, scored, lambda seen: run.headline(drafts, scored.costs, seen)
        )
    if scored.cap is not None and not any(a.lifts_cap for a in actions):
        actions += _track_record(run, drafts, scored, perception)
    return top(actions, fallback=scored.band is not Band.STRONG)


def _track_record(
    run: _Run,
    drafts: Sequence[Draft],
    scored: Scored,
    perception: Mapping[ElementId, float | None],
) -> list[PriorityAction]:
    """The cap-lifting step when the cap is for want of results on record."""
    outcomes = run.outcomes
    unknown = [i for i, _ in run.ctx.live_goals if run.ctx.goal_outcomes[i].state == "unknown"]
    if not unknown and outcomes.reviewed:
        return []
    on_record = replace(
        outcomes,
        states=tuple("on-course" if s == "unknown" else s for s in outcomes.states),
        reviewed=True,
    )
    lifted = score(drafts, run.rules, run.options.weights, perception, on_record)
    goals = [run.ctx.goal(run.ctx.p.goals[i]) for i in unknown]
    step = track_record_step(scored, lifted, outcomes.reviewed, goals, len(outcomes.states))
    return [step] if step else []


STRENGTH_FLOOR = 60.0  # an element scoring less has no strengths worth reporting


def _strengths(strengths: list[Strength], scored: Scored) -> list[StrengthRecord]:
    """Strengths of the elements that are at least mostly in place."""
    good = {e.id for e in scored.elements if e.score >= STRENGTH_FLOOR}
    return [_strength(s) for s in strengths if s.element is None or s.element in good]


def _strength(s: Strength) -> StrengthRecord:
    return StrengthRecord(element=s.element, message=ids(s.text), text=names(s.text))


_ELEMENT_ORDER = {e: i for i, e in enumerate(ElementId)}


def _sort_key(f: Finding) -> tuple[int, int, str, int, int, str]:
    """Element order, most severe first, then rule id and position: stable output."""
    loc = f.location
    return (
        _ELEMENT_ORDER.get(f.element, len(_ELEMENT_ORDER)) if f.element else 99,
        -f.severity.rank,
        f.rule,
        loc.line if loc else 0,
        loc.column if loc else 0,
        f.message,
    )


def _excerpt(text: str, limit: int = 60, quote: bool = False) -> str:
    """The start of ``text``: as a Python literal for CI, in curly quotes for people."""
    shown = " ".join(text.split())
    shown = shown if len(shown) <= limit else shown[: limit - 1] + "…"
    return f"“{shown}”" if quote else repr(shown)


def _survey_draft(record: SurveyRecord, run: _Run) -> Draft:
    r = RULE_FOR_KIND[record.kind]
    # Point at the file's `survey:` key when it names the responses; else nowhere.
    path: Path | None = ("survey",) if run.loaded.partnership.survey else None
    hit = Hit(
        Written(record.message, record.text),
        path,
        Written(record.recommendation, record.advice),
        share=0.0,
        subject=_survey_subject(record, run),
        element=record.element,
        challenge=record.challenge,
    )
    return Draft(r, hit, locate(run.loaded.root, path), run.options.severity.get(r.id, r.severity))


def _survey_subject(record: SurveyRecord, run: _Run) -> Subject | None:
    """What a survey finding is about, for its identity: the area partners disagree
    about (one finding per area), or the partner that rates everything low."""
    area = record.element or record.challenge
    if record.kind != "low-rater" and area is not None:
        return Subject("area", area.value, area.value)
    partner = next((x for x in run.ctx.partners if x.id == record.partner), None)
    return Subject("partner", partner.id, partner.name) if partner else None


MAX_HITS_PER_RULE = 500


def capped(hits: Iterable[Hit | Strength]) -> Iterable[Hit | Strength]:
    """At most MAX_HITS_PER_RULE findings per rule; the rest are summed into one.

    A network of 100,000 partners without stated benefits needs one finding that
    says so, not 100,000 of them; the summary carries their share of the points.
    """
    rest: list[Hit] = []
    count = 0
    for item in hits:
        if isinstance(item, Strength):
            yield item
            continue
        count += 1
        if count < MAX_HITS_PER_RULE:
            yield item
        else:
            rest.append(item)
    if len(rest) == 1:
        yield rest[0]
    elif rest:
        first = rest[0]
        yield replace(
            first,
            message=f"{ids(first.message)}; and {len(rest) - 1:,} more like it",
            share=sum(h.share for h in rest),
            subject=None,
        )
