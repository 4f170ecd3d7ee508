"""Headless Chromium driven over the DevTools protocol on a pipe (no network port, stdlib only).

What the browser tests measure a page with: its width at a phone's viewport,
axe-core's accessibility violations, and its print to PDF. Each call waits for
the browser's answer up to a deadline (no fixed sleeps). Tests skip, with one
line, where Chromium or axe-core is not installed.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TESTS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE = TESTS / ".browser" / "node_modules" / "axe-core" / "axe.min.js"
TIMEOUT = 60.0
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--remote-debugging-pipe",
)


class Browser:
    """One Chromium process and one page in it."""

    def __init__(self, process: subprocess.Popen[bytes], send: int, receive: int) -> None:
        self.process = process
        self.send_fd = send
        self.receive_fd = receive
        self.buffer = b""
        self.next_id = 0
        self.session = ""
        self.events: list[dict[str, Any]] = []

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params}
        if self.session:
            message["sessionId"] = self.session
        os.write(self.send_fd, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def wait_for(self, event: str) -> None:
        while not any(e.get("method") == event for e in self.events):
            self.events.append(self._read())
        self.events.clear()

    def _read(self) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.receive_fd], [], [], max(left, 0))
            if not ready:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self.receive_fd, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        decoded: dict[str, Any] = json.loads(message)
        return decoded

    def open(self, page: Path, width: int = 1200, height: int = 900) -> None:
        """Load ``page`` in a viewport of ``width`` x ``height`` CSS pixels (a phone's when
        narrow: the page's viewport meta tag applies)."""
        self.session = ""
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        attached = self.call("Target.attachToTarget", targetId=target, flatten=True)
        self.session = attached["sessionId"]
        self.call("Page.enable")
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        self.call("Page.navigate", url=page.resolve().as_uri())
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        done = self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in done:
            raise RuntimeError(str(done["exceptionDetails"])[:500])
        return done["result"].get("value")

    def pdf(self) -> bytes:
        """Print as a reader would: the page's own @page size (A4), no browser header."""
        done = self.call("Page.printToPDF", preferCSSPageSize=True, printBackground=True)
        return base64.b64decode(done["data"])

    def horizontal_overflow(self) -> int:
        """How many CSS pixels the page is wider than the viewport (0: no sideways scroll)."""
        value = self.evaluate(
            "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
            " - document.documentElement.clientWidth"
        )
        return int(value)

    def widest(self) -> list[str]:
        """The elements that stick out past the viewport, for a readable failure."""
        found = self.evaluate(
            "Array.from(document.querySelectorAll('body *')).filter(e => "
            "e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
            ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + "
            "Math.round(e.getBoundingClientRect().right))"
        )
        return list(found)

    def axe(self) -> list[dict[str, Any]]:
        """axe-core's violations on the page: rule id, impact and the first few targets."""
        self.evaluate(AXE.read_text(encoding="utf-8"))
        found = self.evaluate(
            "axe.run(document).then(r => r.violations.map(v => ({id: v.id, impact: v.impact,"
            " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))"
        )
        return list(found)


@contextmanager
def chromium(work: Path) -> Iterator[Browser]:
    """A headless Chromium talking DevTools over fds 3 and 4; skips where none is installed."""
    if CHROMIUM is None:
        pytest.skip("no chromium binary found (apt-get install chromium)")
    to_browser, from_browser = os.pipe(), os.pipe()
    command = [
        "bash",  # a POSIX sh may refuse file descriptors above 9 in a redirection
        "-c",
        f'exec "$0" "$@" 3<&{to_browser[0]} 4>&{from_browser[1]}',
        CHROMIUM,
        *FLAGS,
        f"--user-data-dir={work / 'profile'}",
        "about:blank",
    ]
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(to_browser[0], from_browser[1]),
    )
    os.close(to_browser[0])
    os.close(from_browser[1])
    browser = Browser(process, to_browser[1], from_browser[0])
    try:
        yield browser
    finally:
        os.close(to_browser[1])
        os.close(from_browser[0])
        process.kill()
        process.wait(timeout=TIMEOUT)


def needs_axe() -> None:
    if not AXE.is_file():
        pytest.skip("axe-core not installed (npm install --prefix tests/.browser axe-core@4)")
