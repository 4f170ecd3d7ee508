"""What a rule sees: the partnership, the assessment date, and indexes built once.

Indexes are computed lazily and cached so that no rule scans a list inside a
loop over another (rules stay linear in partners, goals and meetings).
"""

from __future__ import annotations

from datetime import date
from functools import cached_property

from partnercheck.model.partnership import Goal, Partner, Partnership
from partnercheck.model.types import ContributionType, Frequency, RiskChallenge


class Context:
    def __init__(self, partnership: Partnership, as_of: date) -> None:
        self.p = partnership
        self.as_of = as_of

    @cached_property
    def partners(self) -> list[Partner]:
        return self.p.partners

    @cached_property
    def partner_ids(self) -> list[str]:
        return [x.id for x in self.p.partners]

    @cached_property
    def goals_of(self) -> dict[str, set[str]]:
        """Goal ids each partner has agreed (shared_by) or owns."""
        result: dict[str, set[str]] = {pid: set() for pid in self.partner_ids}
        for goal in self.p.goals:
            for pid in self.goal_partners(goal):
                result.setdefault(pid, set()).add(goal.id)
        return result

    @staticmethod
    def goal_partners(goal: Goal) -> set[str]:
        members = set(goal.shared_by)
        if goal.owner:
            members.add(goal.owner)
        return members

    @cached_property
    def attendance(self) -> dict[str, int]:
        """Number of meetings each partner attends."""
        counts = dict.fromkeys(self.partner_ids, 0)
        meetings = self.p.communication.meetings if self.p.communication else []
        for meeting in meetings:
            for pid in set(meeting.attendees):
                counts[pid] = counts.get(pid, 0) + 1
        return counts

    @cached_property
    def regular_meetings(self) -> list[int]:
        """Indexes of meetings with a fixed frequency (not ad-hoc, not unset)."""
        meetings = self.p.communication.meetings if self.p.communication else []
        return [
            i
            for i, m in enumerate(meetings)
            if m.frequency is not None and m.frequency is not Frequency.AD_HOC
        ]

    @cached_property
    def roles_of(self) -> dict[str, list[str]]:
        result: dict[str, list[str]] = {pid: [] for pid in self.partner_ids}
        for role in self.p.roles:
            result.setdefault(role.partner, []).extend(role.responsibilities)
        return result

    @cached_property
    def funding(self) -> dict[str, float]:
        """Money each partner contributes."""
        return {
            x.id: sum(
                c.amount or 0.0 for c in x.contributions if c.type is ContributionType.FUNDING
            )
            for x in self.partners
        }

    @cached_property
    def staff(self) -> dict[str, float]:
        """Staff time (FTE) each partner contributes."""
        return {
            x.id: sum(c.fte or 0.0 for c in x.contributions if c.type is ContributionType.STAFF)
            for x in self.partners
        }

    @cached_property
    def mitigated(self) -> dict[str, int]:
        """Challenge id -> index of the first risk with both a mitigation and an owner."""
        result: dict[str, int] = {}
        for i, risk in enumerate(self.p.risks):
            if risk.mitigation and risk.owner and risk.challenge is not RiskChallenge.OTHER:
                result.setdefault(risk.challenge.value, i)
        return result
