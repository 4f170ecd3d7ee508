"""Human documentation of the rules, from the registry: `rules`, `rule ID`, docs/rubric.md."""

from __future__ import annotations

import json

from partnercheck.results import ELEMENT_TITLES, ElementId, RuleInfo
from partnercheck.rules import REGISTRY, Rule
from partnercheck.scoring import rule_points


def _scope(r: Rule) -> str:
    parts = [r.element.value if r.element else "-"]
    if r.challenge:
        parts.append(r.challenge.value)
    return "/".join(parts)


def _points() -> dict[str, float]:
    return rule_points(REGISTRY.values())


def render_rules(fmt: str) -> str:
    rules = sorted(REGISTRY.values(), key=lambda r: r.id)
    points = _points()
    if fmt == "json":
        return (
            json.dumps(
                [
                    {
                        "id": r.id,
                        "title": r.title,
                        "element": r.element.value if r.element else None,
                        "challenge": r.challenge.value if r.challenge else None,
                        "severity": r.severity.value,
                        "weight": r.weight,
                        "points": round(points[r.id], 2),
                        "rationale": r.rationale,
                        "recommendation": r.recommendation,
                    }
                    for r in rules
                ],
                indent=2,
            )
            + "\n"
        )
    if fmt == "markdown":
        return rubric_markdown()
    width = max(len(_scope(r)) for r in rules)
    return "".join(
        f"{r.id}  {_scope(r):<{width}}  {r.severity.value:<7}  {points[r.id]:5.1f} pts  {r.title}\n"
        for r in rules
    )


def explain(r: Rule) -> str:
    points = _points()[r.id]
    lines = [
        f"{r.id}: {r.title}",
        "",
        f"Element:    {ELEMENT_TITLES[r.element] if r.element else '- (no points)'}",
    ]
    if r.challenge:
        lines.append(f"Challenge:  {r.challenge.value}")
    lines += [
        f"Severity:   {r.severity.value} (default)",
        f"Weight:     {r.weight:g} -> up to {points:.1f} of the element's 100 points",
        "",
        "Why it matters:",
        f"  {r.rationale}",
        "",
        "How to fix it:",
        f"  {r.recommendation}",
    ]
    if r.example:
        lines += ["", "Example:", *("  " + line for line in r.example.splitlines())]
    return "\n".join(lines) + "\n"


def explain_pseudo(info: RuleInfo) -> str:
    """`partnercheck rule PC000` / `rule threshold`: ids CI formats report beside the rules."""
    return (
        "\n".join(
            [
                f"{info.id}: {info.title}",
                "",
                "Element:    - (no points; reported in CI formats such as SARIF and JUnit)",
                f"Severity:   {info.severity.value}",
                "",
                "Why it matters:",
                f"  {info.rationale}",
                "",
                "How to fix it:",
                f"  {info.recommendation}",
            ]
        )
        + "\n"
    )


def rubric_markdown() -> str:
    """docs/rubric.md: every rule, grouped by element; a test keeps the file in step."""
    points = _points()
    out = [
        "# Rubric: every rule partnercheck applies",
        "",
        "Generated from the rule registry by `partnercheck rules --format markdown`;",
        "a test fails when this file and the code drift apart. Points are the share of",
        "the element's 100 points a rule is worth (see docs/scoring.md).",
    ]
    groups: list[tuple[str, list[Rule]]] = [
        (ELEMENT_TITLES[e], [r for r in REGISTRY.values() if r.element is e]) for e in ElementId
    ]
    groups.append(
        (
            "No element (reported, costs no points)",
            [r for r in REGISTRY.values() if r.element is None],
        )
    )
    for heading, rules in groups:
        out += ["", f"## {heading}", ""]
        for r in sorted(rules, key=lambda r: r.id):
            challenge = f", challenge `{r.challenge.value}`" if r.challenge else ""
            out += [
                f"### {r.id} {r.title}",
                "",
                f"Severity `{r.severity.value}`, weight {r.weight:g} "
                f"({points[r.id]:.1f} points){challenge}.",
                "",
                f"*Why:* {r.rationale}",
                "",
                f"*Fix:* {r.recommendation}",
                "",
            ]
            if r.example:
                out += ["```yaml", r.example, "```", ""]
    return "\n".join(out).rstrip("\n") + "\n"
