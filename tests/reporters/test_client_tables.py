"""The partner and challenge tables as a board reads them (Markdown, HTML, rich): the
partners' own declared risks beside what was found, what each partner brings in kind,
and the depth of collaboration in plain words."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from partnercheck.reporters import RenderContext, render
from partnercheck.results import FileResult, Report
from tests.conftest import assess_changed
from tests.reporters.reports import judged, report_of
from tests.reporters.test_client_wording import assessed, client_part

RIVERSIDE_POWER = (
    "The council holds the pooled budget and hosts the team, and could dominate decisions. "
    "Mitigation: Consensus rule, equal votes, chair rotates annually and is held by the "
    "trust this year (owner: Riverside University Hospitals NHS Foundation Trust)."
)


def report(result: FileResult) -> Report:
    return judged(report_of(result), fail_on="error")


@cache
def markdown(name: str) -> str:
    return client_part(render("markdown", report(assessed(name)), RenderContext()))


@cache
def html(name: str) -> str:
    return render("html", report(assessed(name)), RenderContext())


def rich(result: FileResult, width: int = 100) -> str:
    """The terminal report with each table cell's wrapped lines joined back into one."""
    return render("rich", report(result), RenderContext(width=width))


def row(text: str, challenge: str) -> str:
    [line] = [x for x in text.splitlines() if x.startswith(f"| {challenge} |")]
    return line


def html_row(page: str, challenge: str) -> str:
    found = re.search(rf'<tr><th scope="row">{re.escape(challenge)}</th>.*?</tr>', page)
    assert found is not None
    return found.group(0)


def test_markdown_shows_the_declared_risk_beside_the_finding_with_owner_by_name() -> None:
    text = markdown("riverside.yaml")
    assert "| Challenge | Level | What was found | Declared risk and mitigation (owner) |" in text
    power = row(text, "Power imbalance")
    cells = [c.strip() for c in power.strip("|").split(" | ")]
    # A finding no longer hides the partners' own worry that the council could dominate.
    assert cells[2] == "The people the partnership serves have no voice on any decision body"
    assert cells[3] == RIVERSIDE_POWER
    assert "(owner: nhs)" not in text


def test_markdown_a_challenge_with_no_finding_shows_its_declared_risk_only_once() -> None:
    conflict = row(markdown("riverside.yaml"), "Conflict: different priorities and cultures")
    cells = [c.strip() for c in conflict.strip("|").split(" | ")]
    assert cells[1:3] == ["named as a risk", "-"]
    assert cells[3].startswith("Disagreement over when a tenant counts as medically fit")
    assert cells[3].endswith("(owner: Riverside University Hospitals NHS Foundation Trust).")
    assert "Declared risk:" not in conflict


def test_several_declared_risks_are_one_to_a_line() -> None:
    text = markdown("international-research-system.yaml")
    heavy = row(text, "Heavy investment of time and resources")
    assert heavy.count("(owner: ") == 2 and ".<br>" in heavy


def test_a_risk_outside_the_four_challenges_is_still_listed() -> None:
    text = markdown("harbour-town-network.yaml")
    other = row(text, "Other risks the partners declared")
    assert "| named as a risk | - | Market conditions may delay the Harbour Point scheme." in other


def test_an_owner_who_is_a_member_not_a_partner_is_named() -> None:
    text = markdown("global-immunisation-alliance.yaml")
    assert "(owner: Independent Board member and Vice-Chair (Prof. Tomas Ekberg))." in text
    assert "(owner: indep-vice)" not in text


def test_a_risk_without_mitigation_or_owner_says_so() -> None:
    text = markdown("harbour-town-network.yaml")
    assert "No mitigation agreed yet (no owner named)." in text
    assert "Mitigation: None" not in text


def test_html_puts_declared_risks_in_their_own_labelled_column() -> None:
    page = html("riverside.yaml")
    assert '<th scope="col">Declared risk and mitigation (owner)</th>' in page
    power = html_row(page, "Power imbalance")
    assert '<td data-label="What was found"><ul><li>The people the partnership serves' in power
    assert f'<td data-label="Declared risk and mitigation (owner)"><ul><li>{RIVERSIDE_POWER}' in (
        power
    )
    conflict = html_row(page, "Conflict: different priorities and cultures")
    assert '<td data-label="What was found"><span class="none">none</span></td>' in conflict


def test_html_escapes_the_partners_words_in_a_declared_risk() -> None:
    def change(d: dict[str, Any]) -> None:
        d["risks"][0]["mitigation"] = "Backfill when cover <2 & huddles <b"

    page = render("html", report(assess_changed(change)), RenderContext())
    assert "huddles <b" not in page
    assert "Mitigation: Backfill when cover &lt;2 &amp; huddles &lt;b (owner: Test City" in page


def test_a_risk_that_softens_a_finding_says_so_beside_it() -> None:
    def change(d: dict[str, Any]) -> None:
        d["partners"][1].pop("contributions")
        d["risks"][0]["covers"] = ["PC401"]

    result = assess_changed(change)
    text = render("markdown", report(result), RenderContext())
    heavy = row(text, "Heavy investment of time and resources")
    assert "Board and huddle time strains the small care provider." in heavy
    assert "It softens what was found." in heavy
    assert "mitigated:" not in text


def test_rich_shows_the_declared_risk_column() -> None:
    text = rich(assessed("riverside.yaml"), width=160)
    assert "Declared risk and mitigation (owner)" in text
    words = " ".join(text.split())
    for part in ("The council holds the pooled budget", "Riverside University Hospitals NHS"):
        assert part in words
    assert "mitigated:" not in text


def partner_row(text: str, partner: str) -> list[str]:
    return [c.strip() for c in row(text, partner).strip("|").split(" | ")]


def test_brings_names_what_a_partner_gives_in_kind_beside_its_shares() -> None:
    text = markdown("small-community-alliance.yaml")
    residents = partner_row(text, "Eastgate Estate Residents' Association")
    # Not "0% money, 0% staff" alone: a room and a network are what it brings.
    assert residents[2] == (
        "0% money, 0% staff; in kind: Door-knocking and WhatsApp groups…; "
        "Community room at Eastgate House for the…"
    )
    grocer = partner_row(text, "Patel's Greengrocer")
    assert grocer[2].endswith(
        "in kind: Surplus fresh fruit and vegetables…; Loan of a chiller van on Thursdays"
    )


def test_in_kind_is_cut_at_a_word_and_counts_the_rest() -> None:
    def change(d: dict[str, Any]) -> None:
        d["partners"][1]["contributions"] += [
            {"type": "facilities", "description": "A community room"},
            {"type": "network", "description": "A network of 600 households on the estate"},
            {"type": "data", "description": "Referral data"},
            {"type": "equipment"},
            {"type": "equipment", "value": 5000, "description": "Valued van"},
        ]

    result = assess_changed(change)
    [record] = [p for p in result.partners if p.id == "trust"]
    assert record.in_kind == [
        "A community room",
        "A network of 600 households on the estate",
        "Referral data",
        "equipment",
    ]
    text = render("markdown", report(result), RenderContext())
    assert "; in kind: A community room; A network of 600 households on the… and 2 more |" in text
    assert "Valued van" not in text.split("### Details")[0]


def test_in_kind_words_are_escaped_in_markdown_and_html() -> None:
    def change(d: dict[str, Any]) -> None:
        d["partners"][1]["contributions"].append(
            {"type": "facilities", "description": "Room & yard <2 acres | *free*"}
        )

    result = assess_changed(change)
    text = render("markdown", report(result), RenderContext())
    assert "in kind: Room & yard <2 acres | *free*" not in text
    assert "\\| \\*free\\*" in text
    page = render("html", report(result), RenderContext())
    assert (
        '<td data-label="Brings">33% money, 33% staff; in kind: Room &amp; yard &lt;2 acres' in page
    )


def test_rich_on_a_narrow_terminal_puts_the_declared_risk_under_what_was_found() -> None:
    text = rich(assessed("riverside.yaml"), width=60)
    assert "Declared risk and mitigation (owner)" not in text
    assert "Declared risk: The council holds" in " ".join(text.split())


def test_depth_reads_as_a_sentence_naming_the_level_and_its_place() -> None:
    line = (
        "Depth of collaboration: full partnership (the deepest of four levels: networking, "
        "coordination, cooperation, partnership)."
    )
    assert line in markdown("riverside.yaml")
    assert "networking < coordination" not in markdown("riverside.yaml")
    assert f"<p>{line}</p>" in html("riverside.yaml")
    assert "works at the" not in html("riverside.yaml")
    harbour = "Depth of collaboration: networking (the shallowest of four levels:"
    assert harbour in html("harbour-town-network.yaml")
    assert line in " ".join(rich(assessed("riverside.yaml")).split())


def test_the_partner_table_counts_partners_beyond_what_a_board_reads() -> None:
    from partnercheck.reporters.client_view import PARTNER_ROWS, partner_rows

    def many(d: dict[str, Any]) -> None:
        extra = [
            {"id": f"p{n}", "name": f"Partner {n}", "sector": "community"}
            for n in range(PARTNER_ROWS)
        ]
        d["partners"].extend(extra)  # 3 + PARTNER_ROWS partners

    rows = partner_rows(assess_changed(many))
    assert len(rows) == PARTNER_ROWS + 1
    assert rows[-1].name == "and 3 more partners (listed in the JSON report)"
    assert len(partner_rows(assess_changed(lambda d: None))) == 3
