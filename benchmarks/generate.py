"""Seeded generator of realistic partnership files, for benchmarks and robustness tests.

Importable (``generate``, ``render``, ``generate_text``, ``write_corpus``) or run as::

    python benchmarks/generate.py --partners 12 --goals 6 --seed 1 -o benchmarks/out/p.yaml

The same arguments always give the same bytes. Every file is valid input for
``partnercheck validate`` (exit 0); it is not meant to score well or badly.
Lists that grow with the partnership stay bounded where real files would be:
a meeting has at most 30 attendees, a goal is shared by at most 6 partners,
weighted votes go to at most 40 partners, and there are about N/10 meetings.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from random import Random
from typing import Any

MAX_ATTENDEES = 30
MAX_SHARED_BY = 6
MAX_VOTERS = 40
# 12 partners with the default number of goals make a file of about 10 KB.
PARTNERS_PER_10KB = 12

PLACES = (
    "Riverside", "Northgate", "Harbour Town", "Millbrook", "Ashford", "Kingsmead", "Westbury",
    "Eastfield", "Oakridge", "Stonebridge", "Fairhaven", "Lowmoor", "Brackenfield", "Elmstead",
    "Greywater", "Hollins", "Marston", "Redcliffe", "Southdown", "Thornbury",
)  # fmt: skip
KINDS: dict[str, tuple[str, ...]] = {
    "public": ("City Council", "County Council", "NHS Foundation Trust", "Fire and Rescue Service",
               "Police", "Public Health Team", "Integrated Care Board"),
    "private": ("Home Support Ltd", "Engineering plc", "Logistics Ltd", "Digital Services Ltd",
                "Energy Ltd", "Construction Group", "Pharmacy Ltd"),
    "nonprofit": ("Homes Housing Association", "Citizens Advice", "Food Bank",
                  "Carers Trust", "Youth Trust", "Community Foundation", "Mind"),
    "academic": ("University", "College", "Institute of Technology", "Medical School",
                 "Business School"),
    "community": ("Tenants' Association", "Residents' Forum", "Allotment Society",
                  "Neighbourhood Watch", "Men's Shed", "Parents' Network"),
}  # fmt: skip
SECTORS = tuple(KINDS)
CONTRIBUTIONS = {
    "funding": ("Share of the pooled budget", "Grant towards the outreach programme",
                "Match funding for the capital works", "Contribution to the evaluation budget"),
    "staff": ("Programme manager and analyst", "Two outreach workers", "Part of a clinical lead",
              "Seconded housing officer", "Volunteer coordinator"),
    "expertise": ("Tenancy sustainment assessments", "Evaluation design and statistics",
                  "Procurement and contract management", "Safeguarding training"),
    "data": ("Weekly extract of admissions and discharges", "Anonymised case records",
             "Footfall and usage figures"),
    "facilities": ("Office space at the civic centre", "Community hub used for drop-ins",
                   "Meeting rooms and a training suite"),
    "equipment": ("Telecare kits for up to 150 homes", "Two minibuses",
                  "Laptops for outreach staff"),
    "network": ("Links with local employers", "Access to the volunteer network"),
    "other": ("Communications and design support",),
}  # fmt: skip
BENEFITS = (
    "Fewer emergency placements", "Lower long-term care costs", "Evidence for funding bids",
    "Access to new client groups", "Shared training for staff", "Better data on local needs",
    "A guaranteed block contract", "Reputation with local funders", "Research access for students",
    "Earlier referrals from partners", "Reduced duplication of services",
)  # fmt: skip
OBJECTIVES = (
    "Cut emergency readmissions of supported residents", "Get people home within 48 hours",
    "Prevent tenancy loss after a hospital stay", "Start reablement care within 24 hours",
    "Raise school attendance in the target wards", "Reduce fuel poverty among older residents",
    "Increase uptake of health checks", "Place long-term unemployed adults in work",
    "Halve the waiting time for adaptations", "Grow the number of active volunteers",
)  # fmt: skip
INDICATORS = (
    "Rate per 1,000 residents", "Share of cases closed on time (%)", "Number of households",
    "Median days from referral", "Residents reporting better wellbeing (%)",
)  # fmt: skip
FREQUENCIES = ("weekly", "fortnightly", "monthly", "quarterly", "twice-yearly", "annually")
MEETING_NAMES = (
    "Steering board", "Operations group", "Data and evaluation group", "Finance committee",
    "Locality huddle", "Tenant panel", "Chief executives' review", "Practitioner forum",
)  # fmt: skip
RESPONSIBILITIES = (
    "Accountable body for the pooled budget", "Hosts the programme team",
    "Provides monthly performance data", "Runs the community hub", "Leads the evaluation",
    "Recruits and supports volunteers", "Commissions the reablement contract",
    "Chairs the operations group", "Maintains the shared case system",
)  # fmt: skip
METHODS = (
    "performance-indicators", "service-user-feedback", "case-studies", "partner-survey",
    "external-evaluation", "financial-audit",
)  # fmt: skip
RISKS = {
    "conflict": ("Disagreement over eligibility criteria",
                 "Shared discharge criteria and a weekly huddle"),
    "power-imbalance": ("The lead partner holds the budget and could dominate decisions",
                        "Equal votes and a rotating chair"),
    "resource-investment": ("A contribution depends on an annual budget round",
                            "Three-year funding letters and quarterly savings evidence"),
    "logistics": ("Case systems that do not talk to each other slow referrals",
                  "A joint case system with nightly feeds"),
    "other": ("Staff turnover in frontline teams", "Joint induction and a shared training plan"),
}  # fmt: skip
FORMS = (
    "public-private-partnership",
    "strategic-alliance",
    "consortium",
    "network",
    "joint-venture",
)

START = date(2024, 1, 1)


def default_goals(partners: int) -> int:
    """Goals for a file of ``partners`` partners when none are asked for."""
    return max(2, partners // 3)


def _day(rng: Random, start: date, span: int) -> date:
    return start + timedelta(days=rng.randrange(span))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _partners(rng: Random, count: int) -> list[dict[str, Any]]:
    partners: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i in range(count):
        sector = SECTORS[rng.randrange(len(SECTORS))] if i else "public"
        name = f"{rng.choice(PLACES)} {rng.choice(KINDS[sector])}"
        pid = base = _slug(name)
        n = 2
        while pid in seen:
            pid = f"{base}-{n}"
            n += 1
        seen.add(pid)
        if pid != base:
            name = f"{name} ({n - 1})"
        contributions: list[dict[str, Any]] = []
        for kind in rng.sample(list(CONTRIBUTIONS), rng.choice((1, 1, 2, 2, 3))):
            item: dict[str, Any] = {"type": kind}
            if kind == "funding":
                item["amount"] = rng.randrange(5, 500) * 1000
            elif kind == "staff":
                item["fte"] = rng.randrange(1, 40) / 4
            item["description"] = rng.choice(CONTRIBUTIONS[kind])
            contributions.append(item)
        partners.append(
            {
                "id": pid,
                "name": name,
                "sector": sector,
                "contributions": contributions,
                "benefits": rng.sample(BENEFITS, rng.randint(1, 2)),
            }
        )
    return partners


def _sample_ids(rng: Random, ids: list[str], limit: int, must: int | None = None) -> list[str]:
    """Between 2 and ``limit`` distinct ids in file order, including ``ids[must]``."""
    k = min(len(ids), rng.randint(2, max(2, limit)))
    chosen = rng.sample(range(len(ids)), k)
    if must is not None and must not in chosen:
        chosen[0] = must
    return [ids[i] for i in sorted(chosen)]


def _goals(rng: Random, count: int, ids: list[str]) -> list[dict[str, Any]]:
    goals: list[dict[str, Any]] = []
    for i in range(1, count + 1):
        owner = rng.randrange(len(ids))
        baseline = rng.randrange(5, 80)
        goals.append(
            {
                "id": f"G{i}",
                "objective": rng.choice(OBJECTIVES),
                "owner": ids[owner],
                "shared_by": _sample_ids(rng, ids, MAX_SHARED_BY, must=owner),
                "indicator": rng.choice(INDICATORS),
                "baseline": baseline,
                "target": baseline + rng.choice((-1, 1)) * rng.randrange(3, 20),
                "due": _day(rng, date(2026, 6, 1), 900),
            }
        )
    return goals


def generate(partners: int, goals: int | None = None, seed: int = 0) -> dict[str, Any]:
    """The data of one partnership file with ``partners`` partners and ``goals`` goals."""
    if partners < 2:
        raise ValueError("a partnership needs at least 2 partners")
    goals = default_goals(partners) if goals is None else goals
    rng = Random(seed)
    people = _partners(rng, partners)
    ids = [p["id"] for p in people]
    place = rng.choice(PLACES)
    goal_list = _goals(rng, goals, ids)
    funding = sum(
        c.get("amount", 0) for p in people for c in p["contributions"] if c["type"] == "funding"
    )
    weighted = rng.random() < 0.5
    decision: dict[str, Any] = {"body": "Steering board"}
    if weighted:
        decision["rule"] = "weighted-vote"
        decision["votes"] = {pid: rng.randint(1, 3) for pid in ids[:MAX_VOTERS]}
    else:
        decision["rule"] = "consensus"
    data: dict[str, Any] = {
        "partnercheck": 1,
        "partnership": {
            "name": f"{place} Partnership {seed}",
            "form": rng.choice(FORMS),
            "purpose": f"Join up services around residents of {place} so that fewer people "
            "fall through the gaps between organisations.",
            "started": _day(rng, START, 365),
            "currency": "GBP",
            "agreement": {
                "signed": date(2023, 12, 1),
                "review_due": _day(rng, date(2027, 1, 1), 365),
                "exit_terms": "Six months' written notice; assets return to the contributing "
                "partner.",
            },
        },
        "partners": people,
        "goals": goal_list,
        "vision": {
            "statement": f"Every resident of {place} gets joined-up support, first time.",
            "values": ["equity", "transparency", "resident voice"],
            "agreed_by": ids,
        },
        "communication": {
            "meetings": [
                {
                    "name": f"{MEETING_NAMES[i % len(MEETING_NAMES)]} {i // len(MEETING_NAMES) + 1}"
                    if partners > 10 * len(MEETING_NAMES)
                    else MEETING_NAMES[i % len(MEETING_NAMES)],
                    "frequency": rng.choice(FREQUENCIES[:4]),
                    "attendees": _sample_ids(rng, ids, MAX_ATTENDEES),
                    "minutes_shared": rng.random() < 0.9,
                }
                for i in range(max(1, round(partners / 10)))
            ],
            "channels": ["Shared workspace for all programme staff", "Monthly partner newsletter"],
            "information_sharing": "A data sharing agreement covers case-level data; each "
            "partner has a named data protection lead.",
            "conflict_resolution": {
                "process": "Disputes go to the steering board; unresolved after 30 days, to an "
                "independent mediator.",
                "escalation": ["steering board", "chief executives", "independent mediator"],
            },
        },
        "resources": {
            "pooled_budget": funding // 2,
            "shared_assets": ["Joint case management system", "Community hub"],
            "knowledge_sharing": "Quarterly learning events and a shared case library.",
            "skills_exchange": "Secondments between partners and joint training.",
        },
        "governance": {
            "lead_partner": ids[0],
            "decision_making": decision,
            "chair": {"partner": rng.choice(ids), "rotates": "annually"},
        },
        "roles": [
            {"partner": pid, "responsibilities": rng.sample(RESPONSIBILITIES, rng.randint(1, 2))}
            for pid in ids
        ],
        "evaluation": {
            "review_frequency": "quarterly",
            "last_review": date(2026, 9, 30),
            "methods": rng.sample(METHODS, rng.randint(2, len(METHODS))),
            "involves": ids,
            "kpis": [
                {
                    "name": f"{g['indicator']} for {g['id']}",
                    "goal": g["id"],
                    "baseline": g["baseline"],
                    "target": g["target"],
                    "current": round(
                        g["baseline"] + (g["target"] - g["baseline"]) * rng.random(), 1
                    ),
                    "source": "Partner returns, checked quarterly",
                }
                for g in goal_list
                if rng.random() < 0.8
            ],
            "improvements": [
                {
                    "action": f"Review {rng.choice(MEETING_NAMES).lower()} terms of reference",
                    "owner": rng.choice(ids),
                    "due": _day(rng, date(2026, 6, 1), 600),
                    "status": rng.choice(("open", "in-progress", "done")),
                }
                for _ in range(max(1, partners // 4))
            ],
        },
        "risks": [
            {
                "challenge": challenge,
                "description": RISKS[challenge][0],
                "mitigation": RISKS[challenge][1],
                "owner": rng.choice(ids),
            }
            for challenge in [*RISKS][:4] + [rng.choice([*RISKS]) for _ in range(partners // 20)]
        ],
    }
    return data


# --- a small block-style YAML writer: hand-written look, and fast on large files ---

_PLAIN = re.compile(r"[A-Za-z][\w ,;.'()/&%-]*[\w.)%]|[A-Za-z]", re.ASCII)
_RESERVED = {"yes", "no", "true", "false", "null", "on", "off", "y", "n"}
_FLOW_MAX = 8
_FLOW_WIDTH = 100


def _scalar(value: Any, flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    if value is None:
        return "null"
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED and not (flow and "," in text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, dict | list)


def _emit(value: Any, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            _emit_entry(f"{pad}{_scalar(key)}:", item, indent, out)
    else:
        for item in value:
            if isinstance(item, dict):
                first = True
                for key, sub in item.items():
                    lead = f"{pad}- " if first else f"{pad}  "
                    _emit_entry(f"{lead}{_scalar(key)}:", sub, indent + 2, out)
                    first = False
            else:
                out.append(f"{pad}- {_scalar(item)}")


def _emit_entry(head: str, item: Any, indent: int, out: list[str]) -> None:
    if _is_scalar(item):
        out.append(f"{head} {_scalar(item)}")
    elif (
        isinstance(item, list)
        and item
        and all(map(_is_scalar, item))
        and (
            len(line := f"{head} [{', '.join(_scalar(x, flow=True) for x in item)}]") <= _FLOW_WIDTH
        )
    ):
        out.append(line)
    elif (
        isinstance(item, dict)
        and 0 < len(item) <= _FLOW_MAX
        and all(isinstance(v, int) for v in item.values())
    ):
        pairs = ", ".join(f"{_scalar(k, flow=True)}: {_scalar(v)}" for k, v in item.items())
        out.append(f"{head} {{{pairs}}}")
    elif not item:
        out.append(f"{head} {'{}' if isinstance(item, dict) else '[]'}")
    else:
        out.append(head)
        _emit(item, indent + 2, out)


def render(data: dict[str, Any]) -> str:
    """Partnership data as block-style YAML text, with a blank line between sections."""
    out: list[str] = ["# Generated by benchmarks/generate.py"]
    for key, value in data.items():
        if len(out) > 1:
            out.append("")
        _emit({key: value}, 0, out)
    return "\n".join(out) + "\n"


def generate_text(partners: int, goals: int | None = None, seed: int = 0) -> str:
    return render(generate(partners, goals, seed))


def write_corpus(
    directory: Path,
    count: int,
    partners: int = PARTNERS_PER_10KB,
    goals: int | None = None,
    seed: int = 0,
) -> list[Path]:
    """Write ``count`` files (seeds ``seed`` .. ``seed + count - 1``) into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for i in range(count):
        path = directory / f"partnership-{i:05d}.yaml"
        path.write_text(generate_text(partners, goals, seed + i), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--partners", type=int, default=PARTNERS_PER_10KB, help="default 12")
    parser.add_argument("--goals", type=int, default=None, help="default partners // 3")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    args = parser.parse_args(argv)
    try:
        text = generate_text(args.partners, args.goals, args.seed)
    except ValueError as exc:
        parser.error(str(exc))
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
