"""partnercheck's performance benchmarks: one command, every figure against its target.

    .venv/bin/python benchmarks/run.py            # full run, a few minutes on 2 cores
    .venv/bin/python benchmarks/run.py --quick    # smaller inputs and fewer repeats
    .venv/bin/python benchmarks/run.py --profile  # also print import-time and cProfile hot spots

Every figure is measured in this run on this machine, with baselines measured
alongside, so ratios compare like with like. Generated inputs go under
benchmarks/out/ (git-ignored); check-jsonschema, the comparison tool, lives in
its own virtual environment, benchmarks/.venv-bench/, created on first use.
See benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generate import PARTNERS_PER_10KB, generate_text, write_corpus

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
VENV_BENCH = BENCH / ".venv-bench"
AS_OF = ["--as-of", "2026-11-26"]
EXAMPLE = "examples/riverside.yaml"
BIG_LIMIT = ["--max-file-size", str(1 << 30)]


def _venv_python() -> str:
    candidate = ROOT / ".venv" / "bin" / "python"
    return str(candidate) if candidate.exists() else sys.executable


PY = _venv_python()
_SCRIPT = Path(PY).parent / "partnercheck"
# The installed console script, as users run it; `python -m partnercheck` as a fallback.
PARTNERCHECK = [str(_SCRIPT)] if _SCRIPT.exists() else [PY, "-m", "partnercheck"]


@dataclass(frozen=True)
class Sizes:
    runs: int  # repeats of each cold-start command
    corpus: int  # files of about 10 KB
    corpus_runs: int
    sample: int  # files timed with check-jsonschema
    big_partners: int
    big_goals: int
    scale_n: int  # partners at n; 2n and 4n follow
    scale_runs: int


FULL = Sizes(15, 1000, 3, 50, 5000, 20000, 1000, 3)
QUICK = Sizes(5, 200, 1, 10, 1000, 4000, 500, 1)


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the child
    maxrss: int  # bytes
    code: int


@dataclass(frozen=True)
class Figure:
    name: str
    value: str
    target: str
    passed: bool | None  # None: informational, or could not be measured


FIGURES: list[Figure] = []


def report(name: str, value: str, target: str = "", passed: bool | None = None) -> None:
    FIGURES.append(Figure(name, value, target, passed))
    verdict = {True: "PASS", False: "FAIL", None: ""}[passed]
    print(f"  {name:<58} {value:>22}  {target:<22} {verdict}", flush=True)


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHONPROFILE")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("FORCE_COLOR", None)
    env["COLUMNS"] = "100"
    return env


def run(cmd: Sequence[str], ok: Iterable[int] = (0, 1)) -> Run:
    """Run ``cmd`` once; its own wall time, CPU time and peak RSS (from wait4, the
    same figure getrusage(RUSAGE_CHILDREN) gives for a single child)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd), cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=err, env=_env(),
        )  # fmt: skip
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in ok:
            err.seek(0)
            tail = err.read().decode(errors="replace")[-2000:]
            raise SystemExit(f"benchmark command failed ({code}): {' '.join(cmd)}\n{tail}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, code)


def medians(commands: dict[str, list[str]], runs: int) -> dict[str, Run]:
    """Median wall and CPU time of each command, the commands interleaved so that
    machine load affects them alike; one unmeasured warm-up run each."""
    samples: dict[str, list[Run]] = {name: [] for name in commands}
    for cmd in commands.values():
        run(cmd)
    for _ in range(runs):
        for name, cmd in commands.items():
            samples[name].append(run(cmd))
    return {
        name: Run(
            statistics.median(r.wall for r in rs),
            statistics.median(r.cpu for r in rs),
            max(r.maxrss for r in rs),
            rs[-1].code,
        )
        for name, rs in samples.items()
    }


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def mb(size: float) -> str:
    return f"{size / 1e6:.1f} MB"


# --- the sections ---------------------------------------------------------------------


def machine() -> None:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    libyaml = subprocess.run(
        [PY, "-c", "from partnercheck.load.yaml_source import HAVE_LIBYAML as h; print(h)"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout.strip()  # fmt: skip
    version = subprocess.run(
        [PY, "-c", "import platform; print(platform.python_version())"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    cores = len(os.sched_getaffinity(0))  # what `nproc` prints
    print(f"date {time.strftime('%Y-%m-%d %H:%M %Z')}; nproc {cores}; CPU {model}")
    print(f"Python {version} ({PY}); {platform.platform()}")
    report("libyaml (CSafeLoader) in use", libyaml, "True", libyaml == "True")


def cold_start(sizes: Sizes) -> float:
    """Start-up ratios; returns the JSON path's median wall time, the fixed cost
    that the scaling section subtracts."""
    print(f"\nCold start (median of {sizes.runs} fresh processes each, wall time; CPU in brackets)")
    t = medians(
        {
            "version": [*PARTNERCHECK, "--version"],
            "typer": [PY, "-c", "import typer"],
            "json": [*PARTNERCHECK, "assess", EXAMPLE, "--format", "json", *AS_OF],
            "base": [PY, "-c", "import yaml; from pydantic import BaseModel"],
            "rich": [*PARTNERCHECK, "assess", EXAMPLE, "--format", "rich", *AS_OF],
        },
        sizes.runs,
    )

    def ratio(name: str, a: str, b: str, limit: float) -> None:
        r, c = t[a].wall / t[b].wall, t[a].cpu / t[b].cpu
        value = f"{r:.2f}x ({c:.2f}x)"
        report(name, value, f"<= {limit}x", r <= limit)

    report("`partnercheck --version`", f"{ms(t['version'].wall)} ({ms(t['version'].cpu)})")
    report("`python -c 'import typer'`", f"{ms(t['typer'].wall)} ({ms(t['typer'].cpu)})")
    ratio("--version / import typer", "version", "typer", 1.15)
    report("`assess riverside.yaml --format json`", f"{ms(t['json'].wall)} ({ms(t['json'].cpu)})")
    report("`python -c 'import yaml; from pydantic ...'`",
           f"{ms(t['base'].wall)} ({ms(t['base'].cpu)})")  # fmt: skip
    ratio("assess json / import yaml+pydantic", "json", "base", 1.8)
    report("`assess riverside.yaml --format rich`", f"{ms(t['rich'].wall)} ({ms(t['rich'].cpu)})")
    ratio("assess rich / assess json", "rich", "json", 1.25)
    return t["json"].wall


def _check_jsonschema() -> Path | None:
    exe = VENV_BENCH / "bin" / "check-jsonschema"
    if exe.exists():
        return exe
    print(f"  (installing check-jsonschema into {VENV_BENCH.relative_to(ROOT)} ...)", flush=True)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(VENV_BENCH)], check=True)
        subprocess.run(
            [str(VENV_BENCH / "bin" / "python"), "-m", "pip", "install", "-q", "check-jsonschema"],
            check=True,
        )
    except (subprocess.CalledProcessError, OSError) as exc:
        print(f"  could not install check-jsonschema: {exc}")
        return None
    return exe if exe.exists() else None


def corpus(sizes: Sizes) -> None:
    folder = OUT / "corpus"
    shutil.rmtree(folder, ignore_errors=True)
    files = write_corpus(folder, sizes.corpus, PARTNERS_PER_10KB, seed=1000)
    mean_size = sum(f.stat().st_size for f in files) / len(files)
    print(
        f"\n{len(files):,} generated files, mean {mean_size / 1000:.1f} KB "
        f"({PARTNERS_PER_10KB} partners each), median of {sizes.corpus_runs} runs"
    )
    rel = str(folder.relative_to(ROOT))
    valid = run([*PARTNERCHECK, "validate", rel, "--quiet"], ok=(0,))
    report("`validate DIR` (default jobs)", f"{len(files) / valid.wall:,.0f} files/s")
    t = medians(
        {
            j: [*PARTNERCHECK, "assess", rel, "--format", "json", "--jobs", j, *AS_OF]
            for j in ("1", "2")
        },
        sizes.corpus_runs,
    )
    serial = t["1"].wall / len(files)
    report("`assess DIR --jobs 1`", f"{len(files) / t['1'].wall:,.0f} files/s")
    report("`assess DIR --jobs 2`", f"{len(files) / t['2'].wall:,.0f} files/s")
    report("  parallel speed-up (--jobs 2 / --jobs 1)", f"{t['1'].wall / t['2'].wall:.2f}x")

    exe = _check_jsonschema()
    if exe is None:
        report("check-jsonschema comparison", "not measured", ">= 15x", None)
        return
    schema = OUT / "partnership.schema.json"
    schema.write_text(
        subprocess.run(
            [*PARTNERCHECK, "schema"], capture_output=True, text=True, check=True, cwd=ROOT
        ).stdout
    )
    sample = [str(f) for f in files[: sizes.sample]]
    cj = [str(exe), "--schemafile", str(schema)]
    run([*cj, sample[0]], ok=range(256))  # warm-up
    per_process = [run([*cj, f], ok=range(256)) for f in sample]
    valid_count = sum(r.code == 0 for r in per_process)
    each = statistics.median(r.wall for r in per_process)
    batch = run([*cj, *sample], ok=range(256))
    one = run([*cj, sample[0]], ok=range(256)).wall
    # One invocation: its start-up once, then a cost per file.
    batch_each = max(batch.wall - one, 0.0) / max(len(sample) - 1, 1)
    print(f"  check-jsonschema {_version(exe)} on {len(sample)} of the files "
          f"({valid_count} valid against `partnercheck schema`):")  # fmt: skip
    report("  one process per file (as CI would), per file", ms(each))
    report("  one invocation over the sample, per file", f"{batch_each * 1000:.1f} ms")
    extrapolated = one + batch_each * len(files)
    report(f"  one invocation, extrapolated to {len(files):,} files", f"{extrapolated:.1f} s")
    report(
        "partnercheck --jobs 1 vs check-jsonschema per process",
        f"{each / serial:.1f}x faster",
        ">= 15x",
        each / serial >= 15,
    )
    report(
        "partnercheck --jobs 1 vs one check-jsonschema call",
        f"{extrapolated / t['1'].wall:.1f}x faster",
    )
    # The target is judged as users run it: default --jobs (the CPU count, 2 here).
    report(
        "partnercheck --jobs 2 (default here) vs one check-jsonschema call",
        f"{extrapolated / t['2'].wall:.1f}x faster",
        ">= 15x",
        extrapolated / t["2"].wall >= 15,
    )


def _version(exe: Path) -> str:
    out = subprocess.run([str(exe), "--version"], capture_output=True, text=True).stdout
    return out.strip().rsplit(" ", 1)[-1]


def big_file(sizes: Sizes) -> None:
    path = OUT / f"big-{sizes.big_partners}x{sizes.big_goals}.yaml"
    path.write_text(generate_text(sizes.big_partners, sizes.big_goals, seed=7), encoding="utf-8")
    size = path.stat().st_size
    print(f"\nOne file: {sizes.big_partners:,} partners, {sizes.big_goals:,} goals, {mb(size)}")
    r = run([*PARTNERCHECK, "assess", str(path.relative_to(ROOT)), "--format", "json",
             *AS_OF, *BIG_LIMIT])  # fmt: skip
    limit = 40 * size + 60e6
    report("time (assess --format json)", f"{r.wall:.2f} s")
    report("peak memory (max RSS)", mb(r.maxrss), f"< {mb(limit)}", r.maxrss < limit)
    report("  peak memory / file size", f"{r.maxrss / size:.1f}x")


def scaling(sizes: Sizes, fixed: float) -> None:
    n = sizes.scale_n
    print(f"\nScaling: n, 2n, 4n partners with 4 goals each (median of {sizes.scale_runs})")
    times: list[float] = []
    for k in (n, 2 * n, 4 * n):
        path = OUT / f"scale-{k}.yaml"
        path.write_text(generate_text(k, 4 * k, seed=11), encoding="utf-8")
        cmd = [*PARTNERCHECK, "assess", str(path.relative_to(ROOT)), "--format", "json",
               *AS_OF, *BIG_LIMIT]  # fmt: skip
        times.append(statistics.median(run(cmd).wall for _ in range(sizes.scale_runs)))
        report(f"t({k:,} partners, {mb(path.stat().st_size)})", f"{times[-1]:.2f} s")
    net = [max(t - fixed, 1e-3) for t in times]
    report("t(4n) / t(n), whole command", f"{times[2] / times[0]:.2f}")
    report(
        "t(4n) / t(n), less the start-up of a small file",
        f"{net[2] / net[0]:.2f}",
        "<= 4.5",
        net[2] / net[0] <= 4.5,
    )


def profile(sizes: Sizes) -> None:
    """Where the time goes: the slowest imports and the busiest functions."""
    print("\nProfile: slowest imports of `partnercheck assess` (python -X importtime, cumulative)")
    proc = subprocess.run(
        [PY, "-X", "importtime", "-m", "partnercheck", "assess", EXAMPLE, "--format", "rich",
         *AS_OF],
        capture_output=True, text=True, cwd=ROOT, env=_env(),
    )  # fmt: skip
    rows: list[tuple[int, str]] = []
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "cumulative" not in line:
            _, total, module = line.removeprefix("import time:").split("|")
            rows.append((int(total), module.rstrip()))
    for micros, module in sorted(rows, reverse=True)[:25]:
        print(f"  {micros / 1000:8.1f} ms  {module}")
    target = OUT / f"scale-{4 * sizes.scale_n}.yaml"
    for title, args in (
        (f"{target.name}", [str(target.relative_to(ROOT)), *BIG_LIMIT]),
        (f"{sizes.corpus} files, --jobs 1", [str((OUT / "corpus").relative_to(ROOT)),
                                              "--jobs", "1"]),
    ):  # fmt: skip
        print(f"\nProfile: cProfile of `assess {title}` (top functions by own time)")
        stats = OUT / "profile.pstats"
        subprocess.run(
            [PY, "-m", "cProfile", "-o", str(stats), "-m", "partnercheck", "assess", *args,
             "--format", "json", *AS_OF],
            stdout=subprocess.DEVNULL, cwd=ROOT, env=_env(), check=False,
        )  # fmt: skip
        code = (
            "import pstats, sys; s = pstats.Stats(sys.argv[1]); s.sort_stats('tottime')"
            ".print_stats(18); s.sort_stats('cumulative').print_stats('partnercheck', 18)"
        )
        shown = subprocess.run([PY, "-c", code, str(stats)], capture_output=True, text=True)
        for line in shown.stdout.splitlines():
            noise = line.lstrip().startswith(("Ordered by", "List reduced")) or str(stats) in line
            if line.strip() and not noise:
                print(f"  {line.rstrip()[:140]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run partnercheck's benchmarks.")
    parser.add_argument("--quick", action="store_true", help="smaller inputs, fewer repeats")
    parser.add_argument("--profile", action="store_true", help="also print profile hot spots")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    machine()
    fixed = cold_start(sizes)
    corpus(sizes)
    big_file(sizes)
    scaling(sizes, fixed)
    if args.profile:
        profile(sizes)
    judged = [f for f in FIGURES if f.passed is not None]
    failed = [f for f in judged if not f.passed]
    mode = "quick run" if args.quick else "full run"
    elapsed = time.perf_counter() - started
    print(f"\n{len(judged) - len(failed)} of {len(judged)} targets met ({mode}, {elapsed:.0f} s).")
    for f in failed:
        print(f"  FAIL  {f.name.strip()}: {f.value} (target {f.target})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
