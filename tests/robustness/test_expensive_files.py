"""Small hostile files that cost time out of all proportion to their size.

Each is well under the size limit and valid YAML; the cost came from work that grew
with the square of what the file repeats (a hint comparing every unknown reference
with every known id, an error message listing every partner for every bad row).
Each must finish within a few CPU seconds with located errors or a report.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.robustness.test_hostile import LOCATED, Finished, partnercheck

pytestmark = pytest.mark.slow

CPU_LIMIT = 8.0
MANY = 5_000


def _partnership(partners: int, extra: str = "") -> str:
    lines = ["partnercheck: 1.1", "partnership: {name: P}", "partners:"]
    lines += [f"  - {{id: p{i}, name: N}}" for i in range(partners)]
    return "\n".join(lines) + "\n" + extra


def _assert_located(done: Finished) -> None:
    assert done.code == 2, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert all(LOCATED.match(line) for line in done.stderr.splitlines())
    assert done.cpu_seconds < CPU_LIMIT, f"took {done.cpu_seconds:.2f} s of CPU"


def test_thousands_of_unknown_references_among_thousands_of_ids(tmp_path: Path) -> None:
    # Each unknown id got a did-you-mean hint compared with every partner: 35 s for 2,000.
    unknown = ", ".join(f"q{i}" for i in range(MANY))
    goals = f"goals:\n  - {{id: G1, objective: O, shared_by: [{unknown}]}}\n"
    (tmp_path / "p.yaml").write_text(_partnership(MANY, goals), encoding="utf-8")
    done = partnercheck("validate", "p.yaml", cwd=tmp_path)
    _assert_located(done)
    assert len(done.stderr.splitlines()) == MANY
    assert "p.yaml:" in done.stderr and "unknown partner 'q0'" in done.stderr


def test_thousands_of_unknown_covers(tmp_path: Path) -> None:
    covers = ", ".join(f"PC9{i % 100:02d}x{i}" for i in range(MANY))
    risks = f"risks:\n  - {{challenge: other, description: D, covers: [{covers}]}}\n"
    (tmp_path / "p.yaml").write_text(_partnership(MANY, risks), encoding="utf-8")
    _assert_located(partnercheck("assess", "p.yaml", "-f", "json", cwd=tmp_path))


def test_survey_rows_naming_no_partner_among_thousands(tmp_path: Path) -> None:
    # Each bad row's message listed every partner id: rows x partners of text.
    (tmp_path / "p.yaml").write_text(_partnership(MANY), encoding="utf-8")
    rows = "".join(f"r{i},q{i},,4\n" for i in range(MANY))
    (tmp_path / "s.csv").write_text("respondent,partner,role,GOA1\n" + rows, encoding="utf-8")
    done = partnercheck("assess", "p.yaml", "--survey", "s.csv", cwd=tmp_path)
    _assert_located(done)
    assert "expected one of: p0, p1, p2, p3, p4, p5, p6, p7, p8, p9 and 4,990 more" in done.stderr


LONG = "x" * 200


@pytest.mark.parametrize(
    "extra",
    [
        f"goals:\n  - {{id: G1, objective: O, shared_by: [{LONG}]}}\n",
        f"risks:\n  - {{challenge: other, description: D, covers: [{LONG}]}}\n",
        f"suppress:\n  - {{rule: PC{LONG}, reason: R}}\n",
        "members:\n  - {id: p0, name: M, kind: funder}\n",
        f"{LONG}: 1\n",
    ],
    ids=["reference", "covers", "suppress", "duplicate", "unknown-key"],
)
def test_an_error_quotes_at_most_forty_characters_of_a_value(tmp_path: Path, extra: str) -> None:
    text = _partnership(2, extra)
    if "members" in extra:  # a partner and a member of the same long id
        text = text.replace("id: p0,", f"id: p{LONG},")
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    done = partnercheck("assess", "p.yaml", cwd=tmp_path)
    assert done.code == 2 and done.stderr
    assert "x" * 41 not in done.stderr, done.stderr
