"""The HTML report in a real browser: headless Chromium renders, prints and fetches nothing.

Skipped when no Chromium is installed (``apt-get install chromium`` on Debian).
The screenshot and PDF are kept in ``tests/.artifacts/`` for a human to look at.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from partnercheck.reporters import RenderContext, render
from tests.conftest import TESTS
from tests.reporters.reports import flawed_result, sample_report

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = TESTS / ".artifacts"
TIMEOUT = 60
# Console messages (console.log/error, uncaught exceptions) reach the log as INFO:CONSOLE.
CONSOLE = re.compile(r"CONSOLE|Uncaught", re.IGNORECASE)
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(""", re.IGNORECASE)


@dataclass(frozen=True)
class Run:
    stdout: str
    log: str
    requests: list[str]  # http(s) URLs the page itself asked for


def chromium(page: Path, work: Path, *flags: str) -> Run:
    """Open ``page`` in headless Chromium with networking contained and logged."""
    if CHROMIUM is None:
        pytest.skip("no chromium binary found (apt-get install chromium)")
    netlog = work / "net.json"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
        "--hide-scrollbars",
        f"--user-data-dir={work / 'profile'}",
        "--enable-logging=stderr",
        "--v=0",
        # Nothing resolves, so nothing can leave the machine; attempts are still logged.
        "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--log-net-log={netlog}",
        *flags,
        page.resolve().as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return Run(done.stdout, done.stderr, page_requests(netlog))


def page_requests(netlog: Path) -> list[str]:
    """URLs of network requests started on behalf of a ``file://`` page.

    The browser's own housekeeping requests carry no file:// isolation key, so
    they are told apart from anything the report could have asked for.
    """
    if not netlog.is_file():
        return []
    log = json.loads(netlog.read_text(encoding="utf-8", errors="replace") or "{}")
    kinds = {v: k for k, v in log.get("constants", {}).get("logEventTypes", {}).items()}
    urls = []
    for event in log.get("events", []):
        params = event.get("params", {})
        url = params.get("url", "")
        if (
            kinds.get(event.get("type")) == "URL_REQUEST_START_JOB"
            and not url.startswith(("file:", "data:"))
            and "file://" in str(params.get("network_isolation_key", ""))
        ):
            urls.append(url)
    return urls


@pytest.fixture(scope="module")
def report_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    page = tmp_path_factory.mktemp("html") / "report.html"
    page.write_text(render("html", sample_report(), RenderContext()), encoding="utf-8")
    return page


def keep(path: Path, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copyfile(path, ARTIFACTS / name)


def test_report_renders_without_console_errors_or_network(
    report_html: Path, tmp_path: Path
) -> None:
    run = chromium(report_html, tmp_path, "--dump-dom")
    result = flawed_result()
    assert result.partnership in run.stdout
    assert f"{result.score:.1f}" in run.stdout
    assert "Sound Test Partnership" in run.stdout
    assert not [line for line in run.log.splitlines() if CONSOLE.search(line)]
    assert run.requests == []
    text = report_html.read_text(encoding="utf-8")
    assert "<script" not in text.lower()
    assert not EXTERNAL.search(text)


def test_screenshot(report_html: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    chromium(report_html, tmp_path, f"--screenshot={shot}", "--window-size=1200,2000")
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 2000)
    assert len(data) > 30_000  # a blank page compresses to a few kilobytes
    keep(shot, "html-report.png")


def test_print_to_pdf_is_a4(report_html: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    chromium(report_html, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(data) > 10_000
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert box is not None
    assert (round(float(box[1])), round(float(box[2]))) == (595, 842)  # A4 in points
    keep(pdf, "html-report.pdf")


def test_the_checks_can_fail(tmp_path: Path) -> None:
    """A page that logs an error and fetches an image trips both detectors."""
    page = tmp_path / "canary.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><body><img src="https://example.invalid/x.png" alt="">'
        '<script>console.error("canary"); missing();</script></body></html>',
        encoding="utf-8",
    )
    run = chromium(page, tmp_path, "--dump-dom")
    assert [line for line in run.log.splitlines() if CONSOLE.search(line)]
    assert run.requests == ["https://example.invalid/x.png"]
    assert EXTERNAL.search(page.read_text(encoding="utf-8"))
