"""A place in the partnership file in words a board reads: "the exit terms", not
``partnership.agreement.exit_terms``. The YAML path stays in the finding's
location (CI formats and a report's details part)."""

from __future__ import annotations

from partnercheck.load.nodes import Path
from partnercheck.model.partnership import Partnership
from partnercheck.rules.context import short_name

# The last key of a path (or "parent.key" where the key alone is ambiguous), in words.
KEY_WORDS: dict[str, str] = {
    "partnership.name": "the partnership's name",
    "purpose": "the partnership's purpose",
    "exit_terms": "the exit terms",
    "objective": "the objective",
    "information_sharing": "the information-sharing arrangement",
    "conflict_resolution.process": "the dispute process",
    "escalation": "a step in the dispute process",
    "responsibilities": "a responsibility",
    "source": "the data source",
    "mitigation": "the mitigation",
    "risks.description": "a risk's description",
    "contributions.description": "a contribution's description",
    "kpis.name": "an indicator's name",
    "channels": "a communication channel",
    "shared_assets": "a shared asset",
    "knowledge_sharing": "the knowledge-sharing arrangement",
    "skills_exchange": "the skills-exchange arrangement",
    "improvements.action": "an improvement action",
    "statement": "the vision statement",
    "values": "a shared value",
    "benefits": "a stated benefit",
}


def field_words(p: Partnership, path: Path) -> str:
    """``path`` as a phrase: whose it is (a partner, goal or indicator) and what it is."""
    keys = [k for k in path if isinstance(k, str)]
    last = keys[-1] if keys else ""
    parent = keys[-2] if len(keys) > 1 else ""
    words = (
        KEY_WORDS.get(f"{parent}.{last}")
        or KEY_WORDS.get(last)
        or "the " + last.replace("_", " ").replace("-", " ")
    )
    risk = _risk(p, path)
    if risk:  # "the mitigation of the risk “Federal recovery funds must be…”"
        return words if last == "description" else f"{words} of {risk}"
    owner = _owner(p, path)
    return f"{words} ({owner})" if owner else words


def _risk(p: Partnership, path: Path) -> str:
    """The risk a path is in, named by the first words of its description; else ""."""
    if len(path) < 2 or path[0] != "risks" or not isinstance(path[1], int):
        return ""
    index = path[1]
    if index >= len(p.risks) or not p.risks[index].description.strip():
        return f"risk {index + 1}"
    return f"the risk “{short_name(p.risks[index].description)}”"


def _owner(p: Partnership, path: Path) -> str:
    if len(path) < 2 or not isinstance(path[1], int):
        return ""
    section, index = path[0], path[1]
    if section == "partners" and index < len(p.partners):
        return p.partners[index].name
    if section == "roles" and index < len(p.roles):
        partner = p.roles[index].partner
        return next((x.name for x in p.partners if x.id == partner), "")
    if section == "goals":
        return f"goal {index + 1}"
    return ""
