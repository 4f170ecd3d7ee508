"""The client report in a real browser: printed to A4, read on a phone, checked by axe-core.

Printed with headless Chromium and read back page by page (pypdf): the
executive summary and priorities are on page 1 and no page is near empty. At a
390 px viewport nothing scrolls sideways. axe-core finds no violation in a
single-file report (with a survey) or in a multi-file one. The PDFs and pages
are kept in ``tests/.artifacts/`` for a human to look at.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from partnercheck.comparison import Diff, diff_reports
from partnercheck.reporters import RenderContext, render
from partnercheck.reporters.diff_html import render_diff
from partnercheck.results import Report
from partnercheck.survey.template import template_html
from tests.conftest import AS_OF, EXAMPLES, ROOT, TESTS
from tests.reporters.browser import Browser, chromium, needs_axe
from tests.reporters.reports import report_of, sample_report

pytestmark = pytest.mark.slow

ARTIFACTS = TESTS / ".artifacts"
PHONE = 390
NEAR_EMPTY = 600  # characters: a page holding less is a half-blank page or only the footer


def survey_report() -> Report:
    """Riverside with its survey: the longest single-file report the examples give."""
    from partnercheck.engine import Options, SurveyInput, assess, load
    from partnercheck.load import Source
    from partnercheck.survey.responses import read_responses

    path = EXAMPLES / "riverside.yaml"
    loaded = load(Source("examples/riverside.yaml", path.read_text(encoding="utf-8"), EXAMPLES))
    partners = loaded.partnership.partners
    responses = read_responses(
        EXAMPLES / "survey" / "riverside-responses.csv",
        [x.id for x in partners],
        partner_names={x.id: x.name for x in partners},
    )
    return report_of(assess(loaded, Options(as_of=AS_OF), SurveyInput(responses)))


def calibration_report(*names: str) -> Report:
    from tests.conftest import assess_text

    cases = ROOT / "tests" / "calibration" / "cases"
    return report_of(
        *(
            assess_text((cases / f"{n}.yaml").read_text(encoding="utf-8"), name=f"{n}.yaml")
            for n in names
        )
    )


def examples_report() -> Report:
    """Every bundled example: a consultant's portfolio in one report."""
    from tests.conftest import assess_text

    files = sorted(EXAMPLES.glob("*.yaml"))
    return report_of(
        *(assess_text(f.read_text(encoding="utf-8"), name=f"examples/{f.name}") for f in files)
    )


def page_of(report: Report, folder: Path, name: str) -> Path:
    page = folder / f"{name}.html"
    page.write_text(render("html", report, RenderContext()), encoding="utf-8")
    return page


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    with chromium(tmp_path_factory.mktemp("chromium")) as running:
        yield running


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    form = folder / "form.html"
    partners = [(p.id, p.name) for p in survey_report().results[0].partners]
    form.write_text(template_html(partners, "Riverside"), encoding="utf-8")
    diff = folder / "diff.html"
    diff.write_text(render_diff(review_diff()), encoding="utf-8")
    return {
        "survey": page_of(survey_report(), folder, "survey"),
        "capped": page_of(calibration_report("regional-economic-partnership"), folder, "capped"),
        "multi": page_of(sample_report(), folder, "multi"),
        "portfolio": page_of(examples_report(), folder, "portfolio"),
        "form": form,
        "diff": diff,
    }


def review_diff() -> Diff:
    """Progress between two calibration cases of one board (a review held since)."""
    before = calibration_report("city-health-wellbeing-board--no-review-two-years").results
    after = calibration_report("city-health-wellbeing-board").results
    return diff_reports("last.yaml", "now.yaml", before, after)


def printed(browser: Browser, page: Path) -> list[str]:
    """The text of each printed A4 page."""
    browser.open(page)
    pdf = browser.pdf()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"client-{page.stem}.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    for sheet in reader.pages:
        box = sheet.mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    return [sheet.extract_text() or "" for sheet in reader.pages]


@pytest.mark.parametrize("name", ["survey", "capped"])
def test_priorities_are_on_the_first_printed_page(
    browser: Browser, pages: dict[str, Path], name: str
) -> None:
    text = printed(browser, pages[name])
    assert "Executive summary" in text[0]
    assert "Priorities" in text[0]
    assert "What is working" in text[0] or "The six elements" in text[0]


@pytest.mark.parametrize("name", ["survey", "capped", "multi", "portfolio", "form"])
def test_no_printed_page_is_near_empty(browser: Browser, pages: dict[str, Path], name: str) -> None:
    text = printed(browser, pages[name])
    lengths = [len(" ".join(t.split())) for t in text]
    assert len(text) >= 2
    # No half-blank page inside the report; the last page may be short, as any document's
    # end is, but never holds only the footer's note (printed under the title instead).
    assert min(lengths[:-1]) >= NEAR_EMPTY, lengths
    assert not any("Generated by partnercheck" in t for t in text[1:])


def test_the_cap_and_its_reason_are_printed_with_the_band(
    browser: Browser, pages: dict[str, Path]
) -> None:
    first = " ".join(printed(browser, pages["capped"])[0].split())
    assert "Held at at-risk because results fall short" in first
    # Printed beside the capped headline, whatever the elements' mean is today.
    assert re.search(r"The six elements average \d+\.\d", first)


@pytest.mark.parametrize("name", ["survey", "capped", "multi", "form", "diff"])
def test_nothing_scrolls_sideways_on_a_phone(
    browser: Browser, pages: dict[str, Path], name: str
) -> None:
    browser.open(pages[name], PHONE, 844)
    assert browser.horizontal_overflow() == 0, browser.widest()


def test_the_width_check_can_fail(browser: Browser, tmp_path: Path) -> None:
    page = tmp_path / "wide.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta name="viewport" '
        'content="width=device-width"><title>w</title></head><body>'
        '<table><tr><td style="white-space:nowrap">' + "wide " * 200 + "</td></tr></table>"
        "</body></html>",
        encoding="utf-8",
    )
    browser.open(page, PHONE, 844)
    assert browser.horizontal_overflow() > 0


@pytest.mark.parametrize("name", ["survey", "multi", "portfolio", "form", "diff"])
def test_axe_finds_no_violation(browser: Browser, pages: dict[str, Path], name: str) -> None:
    needs_axe()
    browser.open(pages[name])
    assert browser.axe() == []


def test_axe_can_fail(browser: Browser, tmp_path: Path) -> None:
    needs_axe()
    page = tmp_path / "bad.html"
    page.write_text(
        "<!DOCTYPE html><html><body><img src='x.png'>"
        "<section aria-label='a'><p>1</p></section><section aria-label='a'><p>2</p></section>"
        "</body></html>",
        encoding="utf-8",
    )
    browser.open(page)
    found = {v["id"] for v in browser.axe()}
    assert {"image-alt", "html-has-lang", "landmark-unique"} <= found


def test_artifacts_folder_is_ignored_by_git() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8")
    assert "tests/.artifacts/" in ignored and "tests/.browser/" in ignored
