"""PC95x: what a partner perception survey shows (see docs/survey.md).

These findings come from the survey analysis, not from the partnership file,
so the engine reports them; they cost no points because the survey already
moves the element scores through the combined score (docs/scoring.md).
"""

from __future__ import annotations

from partnercheck.rules.base import register_meta
from partnercheck.vocabulary import ChallengeId, Severity

# All four findings come from the same place: a survey named in the file or on the command line.
SURVEY_EXAMPLE = """
# in the partnership file (or: partnercheck assess p.yaml --survey responses.csv)
survey: survey/responses.csv
"""

DIVERGENCE = register_meta(
    "PC951",
    title="Partners see an element very differently",
    severity=Severity.WARNING,
    rationale="""Partnership assessment tools (the Nuffield Partnership Assessment Tool,
    the Wilder Collaboration Factors Inventory) treat disagreement between partners as
    the most important result: an average hides a partner whose experience is poor.
    A spread of 1.5 points or more between partners' mean ratings is flagged.""",
    recommendation="Discuss the element with all partners, starting from the lowest-rating "
    "partner's experience, and agree what would change it.",
    example=SURVEY_EXAMPLE,
)
LOW_RATER = register_meta(
    "PC952",
    title="One partner rates the partnership lower than the others",
    severity=Severity.WARNING,
    challenge=ChallengeId.POWER_IMBALANCE,
    rationale="""A partner whose ratings are consistently a point or more below the others'
    is often a partner that feels unheard or excluded: a sign of power imbalance that
    documents rarely show.""",
    recommendation="Meet the partner on its own to hear its concerns, then review how "
    "decisions, agendas and resources are shared.",
    example=SURVEY_EXAMPLE,
)
PAPER_GAP = register_meta(
    "PC953",
    title="Good on paper, poor in experience",
    severity=Severity.WARNING,
    rationale="""When the documents describe an element well (70 or more) but partners
    rate it poorly (below 50), the arrangements exist but are not working as written.""",
    recommendation="Check how the documented arrangement works in practice and ask "
    "partners what gets in the way.",
    example=SURVEY_EXAMPLE,
)
PERCEPTION_GAP = register_meta(
    "PC954",
    title="Good in experience, missing on paper",
    severity=Severity.INFO,
    rationale="""Partners experience an element well (75 or more) that the documents barely
    describe (below 40): good practice that depends on people and would not survive
    their leaving.""",
    recommendation="Write down the arrangements that work so that they outlast the people "
    "who run them.",
    example=SURVEY_EXAMPLE,
)

RULE_FOR_KIND = {
    "divergence": DIVERGENCE,
    "low-rater": LOW_RATER,
    "paper-gap": PAPER_GAP,
    "perception-gap": PERCEPTION_GAP,
}
