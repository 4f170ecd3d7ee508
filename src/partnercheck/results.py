"""The assessment result: immutable, serialisable records.

These frozen models are the single definition behind the JSON output, its
published JSON Schema, the Python API and every reporter. Reporters read them;
only :mod:`partnercheck.scoring` creates the numbers in them.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from partnercheck.survey.results import SurveyResult
from partnercheck.vocabulary import (
    CHALLENGE_TITLES,
    ELEMENT_TITLES,
    Band,
    ChallengeId,
    Depth,
    ElementId,
    Severity,
)

__all__ = [
    "CHALLENGE_TITLES",
    "ELEMENT_TITLES",
    "Band",
    "Cap",
    "ChallengeId",
    "ChallengeResult",
    "Depth",
    "ElementId",
    "ElementScore",
    "ErrorRecord",
    "FileResult",
    "Finding",
    "FindingGroup",
    "GoalRecord",
    "KpiRecord",
    "Location",
    "PartnerRecord",
    "PowerReading",
    "PriorityAction",
    "Report",
    "RiskRecord",
    "RuleInfo",
    "Severity",
    "SourcePath",
    "StrengthRecord",
    "SurveyResult",
    "Threshold",
    "ThresholdFailure",
    "ToolInfo",
]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Location(Frozen):
    """Where a finding points: a YAML path such as ``goals[1].target`` and its position."""

    path: str
    line: int
    column: int
    end_line: int | None = Field(default=None, exclude=True)
    end_column: int | None = Field(default=None, exclude=True)


class Finding(Frozen):
    rule: str
    severity: Severity
    element: ElementId | None = Field(
        description="Element the finding scores against; null for findings about the "
        "file itself (suppressions, depth)."
    )
    challenge: ChallengeId | None
    message: str = Field(description="What was found, naming partners and goals by id.")
    location: Location | None
    recommendation: str = Field(description="What to do, with the YAML key to edit.")
    suppressed: bool = False
    points: float = Field(
        default=0.0, description="Element points this finding costs (0 when suppressed)."
    )
    mitigated_by: str | None = Field(
        default=None, description="Path of a declared risk that softens this finding."
    )
    justification: str | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="For a suppressed finding: the reason given in the file's suppress list.",
    )
    subject: str | None = Field(
        default=None,
        description="Id of the partner, member, goal, KPI or meeting the finding is about.",
    )
    text: str = Field(default="", description="The message for people: partners and goals by name.")
    advice: str = Field(default="", description="What to do, in plain words (no YAML keys).")
    group: str | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="Id of the group this finding belongs to: one gap across several "
        "partners (see FileResult.groups).",
    )


class FindingGroup(Frozen):
    """One gap across several partners (or goals), reported once and priced as the sum."""

    id: str
    rule: str
    severity: Severity
    element: ElementId | None
    challenge: ChallengeId | None
    message: str = Field(description="The gap and every subject, by id.")
    text: str = Field(description="The gap and every subject, by name.")
    recommendation: str
    advice: str
    subjects: list[str]
    points: float


class ElementScore(Frozen):
    id: ElementId
    title: str
    score: float = Field(description="The element's score: combined when a survey is given.")
    weight: float
    verdict: str = ""
    document_score: float | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="With a survey: the score from the partnership file alone.",
    )
    perception_score: float | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="With a survey: the partners' perception score (0-100).",
    )


class ChallengeResult(Frozen):
    id: ChallengeId
    title: str
    level: str = Field(
        description="none, present (declared or only mitigated findings), moderate or high"
    )
    mitigated: bool
    evidence: list[str] = Field(default_factory=list, description="Messages of the findings.")
    mitigated_by: list[str] = Field(
        default_factory=list, description="Paths of the declared risks that soften its findings."
    )
    risks: list[str] = Field(
        default_factory=list, description="Declared risks of this challenge, as evidence."
    )


class PriorityAction(Frozen):
    rule: str
    recommendation: str
    gain: float = Field(description="Overall points regained by doing what it says.")
    mean_gain: float = Field(
        default=0.0,
        description="What doing it adds to the mean of the element scores, before any cap: "
        "a cap can hold the overall score until other problems are fixed too.",
    )
    advice: str = Field(default="", description="The action in plain words, by name.")
    element: ElementId | None = None
    estimated: bool = Field(
        default=False,
        description="True for survey actions, whose gain is an estimate (the partner's ratings "
        "rising to the others' level), and for recording a track record (results assumed on "
        "course).",
    )
    lifts_cap: bool = Field(
        default=False,
        description="Doing it lifts or eases the cap on the headline: such actions come first.",
    )
    under_way: bool = Field(
        default=False,
        description="An improvement action already agreed addresses it: it ranks after the "
        "actions nobody has started.",
    )
    serious: bool = Field(
        default=False,
        description="It fixes a serious (error) finding: after the cap and any legal dispute, "
        "serious findings come before the rest.",
    )
    caps_alone: bool = Field(
        default=False,
        description="Its finding caps the headline by itself (partners in litigation), even "
        "where another cap holds it as low: such actions come next.",
    )


class Cap(Frozen):
    band: Band = Field(description="The highest band the file can have.")
    reason: str = Field(description='Why, e.g. "capped at developing: evaluation is critical".')
    text: str = Field(default="", description="The reason for people: partners by name.")


class StrengthRecord(Frozen):
    element: ElementId | None
    message: str
    text: str


class GoalRecord(Frozen):
    id: str
    objective: str
    state: str = Field(
        description="met, on-track, unknown, slipping, off-track, overdue, missed or dropped"
    )
    reason: str
    due: date | None = None


class KpiRecord(Frozen):
    name: str
    goal: str | None
    state: str = Field(description="met, on-course, slipping, behind, away or unknown")
    better: str | None
    baseline: float | None
    target: float | None
    current: float | None
    previous: float | None
    progress: float | None = Field(description="Share of the way from baseline to target.")
    evidence: str


class RiskRecord(Frozen):
    """A risk the partners declared: evidence beside its challenge, in their own words."""

    path: str
    challenge: str
    description: str
    mitigation: str | None
    owner: str | None
    covers: list[str] = Field(default_factory=list)
    owner_name: str | None = Field(
        default=None, description="The owner's name (a partner or a member), for people."
    )


class PartnerRecord(Frozen):
    id: str
    name: str
    sector: str | None
    standing: str
    active: bool
    resource_share: float | None = Field(
        description="Share of what is brought (0-1). Without fte_cost, the larger of the "
        "money and staff shares, so these can sum to more than 1."
    )
    money_share: float | None = Field(
        default=None,
        description="Share of the money, when money and staff time are not added (no fte_cost).",
    )
    staff_share: float | None = Field(
        default=None,
        description="Share of the staff time, when money and staff time are not added.",
    )
    decision_power: float | None = Field(description="Share of decision power (0-1).")
    meetings: int = Field(description="Meetings and bodies it attends.")
    meetings_total: int = Field(
        default=0, description="Meetings and bodies that meet, in the whole partnership."
    )
    in_kind: list[str] = Field(
        default_factory=list,
        description="What it brings in kind with no value stated (a room, a network): "
        "descriptions, or the type where there is none. Not in any share.",
    )


class PowerReading(Frozen):
    """One partner's power on paper beside how it feels (with a survey only)."""

    partner: str = Field(description="Partner id.")
    name: str
    resource_share: float | None
    decision_power: float | None
    document: str = Field(
        description="What the documents show: more-say, less-say, no-say, in-line or not-recorded."
    )
    perception: float | None = Field(
        description="The partner's mean rating (1-5) of the power statements (CHA-POW)."
    )
    others: float | None = Field(description="The other partners' mean on the same statements.")
    feels: str = Field(description="heard, unheard or no-answers.")
    reading: str = Field(description="One line: what the two sides show, and what to check.")


class SourcePath(Frozen):
    """Where a file lies in its repository: what code scanning, GitLab and baselines name it by.

    ``root`` is the absolute POSIX path of the repository root (the nearest folder
    holding ``.git``, else the config file's folder, else the working directory)
    and ``path`` the file relative to it. Outside every root, ``root`` is None and
    ``path`` is absolute.
    """

    root: str | None
    path: str


class FileResult(Frozen):
    file: str
    partnership: str
    score: float = Field(description="Overall score, after any cap.")
    band: Band
    depth: Depth
    elements: list[ElementScore]
    findings: list[Finding]
    challenges: list[ChallengeResult] = Field(default_factory=list)
    priorities: list[PriorityAction] = Field(default_factory=list)
    form: str | None = None
    survey: SurveyResult | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="Partner perception survey results, when a survey was given.",
    )
    active_rules: list[str] = Field(
        default_factory=list,
        exclude=True,
        description="Rules applied after select/ignore (for reporters that list every check).",
    )
    uncapped_score: float | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="The weighted mean of the elements, when a cap lowered it.",
    )
    cap: Cap | None = Field(default=None, description="The band cap and its reason, if any.")
    ceiling: Cap | None = Field(
        default=None,
        description="A cap that does not lower today's score but would hold it as the score "
        "rose: the band it cannot rise above, and why.",
    )
    strengths: list[StrengthRecord] = Field(default_factory=list)
    groups: list[FindingGroup] = Field(default_factory=list)
    goals: list[GoalRecord] = Field(default_factory=list)
    kpis: list[KpiRecord] = Field(default_factory=list)
    partners: list[PartnerRecord] = Field(default_factory=list)
    risks: list[RiskRecord] = Field(default_factory=list)
    power_readings: list[PowerReading] = Field(
        default_factory=list,
        exclude_if=lambda v: not v,
        description="With a survey: partners whose power on paper and as felt are worth "
        "comparing, side by side.",
    )
    source: SourcePath | None = Field(
        default=None, exclude=True, description="The file's place in its repository."
    )


class ToolInfo(Frozen):
    name: str = "partnercheck"
    version: str


class ErrorRecord(Frozen):
    file: str
    line: int
    column: int
    message: str
    source: SourcePath | None = Field(
        default=None, exclude=True, description="The file's place in its repository."
    )


FailOn = Literal["error", "warning", "info", "never"]


class ThresholdFailure(Frozen):
    file: str
    option: Literal["fail-under", "fail-on"] = Field(description="The threshold the file fails.")
    message: str = Field(description='Why, e.g. "score 55.0 is below --fail-under 60".')


class Threshold(Frozen):
    """The run's thresholds and the files that fail them (exit code 1)."""

    fail_under: float | None
    fail_on: FailOn
    failures: list[ThresholdFailure] = Field(default_factory=list)

    @property
    def failed(self) -> bool:
        """Whether a file fails a threshold (the run exits 1): ``failures`` is not empty."""
        return bool(self.failures)


class RuleInfo(Frozen):
    """What a reporter may say about a rule, handed to it in the report."""

    id: str
    title: str
    severity: Severity = Field(description="The rule's default severity.")
    element: ElementId | None = None
    challenge: ChallengeId | None = None
    rationale: str = ""
    recommendation: str = ""
    example: str = ""


class Report(Frozen):
    """Everything one run produced: the JSON output (less the fields marked excluded)."""

    tool: ToolInfo
    as_of: date
    results: list[FileResult]
    errors: list[ErrorRecord]
    threshold: Threshold | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="The run's --fail-under and --fail-on, and the files failing them.",
    )
    rules: list[RuleInfo] = Field(
        default_factory=list,
        exclude=True,
        description="Every rule this version knows, for reporters (titles, help, severity).",
    )

    def rule_index(self) -> dict[str, RuleInfo]:
        """The rules by id (a report read back from JSON describes none)."""
        return {r.id: r for r in self.rules}
