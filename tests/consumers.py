"""Real consumers of our CI formats, from the package registries, found where .ci/run puts them.

`.ci/run` installs Microsoft's SARIF multitool from npm into ``.consumers/`` (git-ignored):
``npm install --prefix .consumers @microsoft/sarif-multitool``. Its platform package also
ships the SARIF 2.1.0 JSON schema, which the schema checks use; nothing is copied into
the repository. On a user's machine without them these tests skip, saying how to get
them; where .ci/run exports PARTNERCHECK_REQUIRE_CONSUMERS=1 a missing consumer fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

CONSUMERS = ROOT / ".consumers" / "node_modules" / "@microsoft"
INSTALL = "npm install --prefix .consumers @microsoft/sarif-multitool@5.7.0 (as .ci/run does)"
KILL_AFTER = 300  # seconds: the multitool starts .NET, which is slow on a busy machine

Json = dict[str, Any]


def missing(what: str) -> None:
    """Skip (a user's machine) or fail (CI, which installs every consumer) without ``what``."""
    reason = f"{what} not installed; {INSTALL}"
    if os.environ.get("PARTNERCHECK_REQUIRE_CONSUMERS") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def _platform_package() -> Path | None:
    found = sorted(CONSUMERS.glob("sarif-multitool-*/Sarif.Multitool*"))
    return found[0].parent if found else None


def multitool() -> Path:
    """The SARIF multitool's executable (the platform binary, not npm's shell wrapper)."""
    package = _platform_package()
    if package is not None:
        for name in ("Sarif.Multitool", "Sarif.Multitool.exe"):
            if (package / name).is_file():
                return package / name
    on_path = shutil.which("sarif-multitool")
    if on_path is None:
        missing("Microsoft's SARIF multitool")
    return Path(str(on_path))


@cache
def sarif_schema() -> Json:
    """The SARIF 2.1.0 JSON schema shipped in the multitool's npm package."""
    package = _platform_package()
    schema = package / "sarif-2.1.0.json" if package is not None else None
    if schema is None or not schema.is_file():
        missing("The SARIF 2.1.0 schema (in the SARIF multitool's npm package)")
    assert schema is not None
    document: Json = json.loads(schema.read_text(encoding="utf-8-sig"))
    return document


def schema_errors(log: Json) -> list[str]:
    """Where ``log`` breaks the SARIF 2.1.0 schema (none for a valid log)."""
    from jsonschema.validators import validator_for

    schema = sarif_schema()
    cls = validator_for(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]


def multitool_findings(logs: list[Path], workdir: Path) -> list[Json]:
    """What ``sarif-multitool validate`` (SARIF rules and GitHub's ingestion rules) reports.

    One run over every log, since each start of the tool costs seconds. Each
    finding is ``{"rule", "level", "file", "message"}``.
    """
    tool = multitool()
    out = workdir / "validation.sarif"
    done = subprocess.run(
        [
            str(tool),
            "validate",
            *map(str, logs),
            "--rule-kind",
            "Sarif;Gh",
            "--output",
            str(out),
            "--log",
            "ForceOverwrite",
            "--max-file-size-in-kb",
            "1000000",  # a capped log of 25,000 results is bigger than its default 10 MB
        ],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=KILL_AFTER,
        env={**os.environ, "DOTNET_CLI_TELEMETRY_OPTOUT": "1"},
        check=False,
    )
    assert done.returncode == 0 and out.is_file(), done.stdout + done.stderr
    # A file the tool could not read is skipped without a word but for this count.
    assert f"Done. {len(logs)} files scanned." in done.stdout, done.stdout
    report: Json = json.loads(out.read_text(encoding="utf-8-sig"))
    found = []
    for run in report["runs"]:
        for result in run.get("results", []):
            location = result.get("locations", [{}])[0].get("physicalLocation", {})
            found.append(
                {
                    "rule": result["ruleId"],
                    "level": result.get("level", "warning"),
                    "file": Path(location.get("artifactLocation", {}).get("uri", "")).name,
                    "message": result["message"].get("arguments", result["message"]),
                }
            )
    return found
