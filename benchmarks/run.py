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
from realistic import realistic_text, write_realistic_corpus

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
    corpus: int  # files in each corpus (realistic ~5 KB, generated ~11 KB)
    corpus_runs: int
    sample: int  # files timed with check-jsonschema
    big_partners: int
    big_goals: int
    scale_n: int  # partners at n; 2n and 4n follow
    scale_runs: int
    crossover: tuple[int, ...]  # file counts timed serial and with two workers


FULL = Sizes(15, 1000, 3, 50, 5000, 20000, 1000, 3, (8, 16, 32, 48, 64, 96, 128, 256))
QUICK = Sizes(5, 200, 1, 10, 1000, 4000, 500, 1, (16, 64, 128))
ONE = OUT / "one.yaml"  # one realistic file, for the cold-start figures


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


def cold_start(sizes: Sizes, tools: dict[str, Path]) -> float:
    """Start-up ratios; returns the JSON path's median wall time on one realistic file,
    the fixed cost that the scaling section subtracts."""
    ONE.write_text(realistic_text(0), encoding="utf-8")
    one = str(ONE.relative_to(ROOT))
    print(f"\nCold start (median of {sizes.runs} fresh processes each, wall time; CPU in brackets)")
    print(f"  one.yaml: a realistic file of {ONE.stat().st_size / 1000:.1f} KB (seed 0)")
    commands = {
        "version": [*PARTNERCHECK, "--version"],
        "typer": [PY, "-c", "import typer"],
        "json": [*PARTNERCHECK, "assess", one, "--format", "json", *AS_OF],
        "base": [PY, "-c", "import yaml; from pydantic import BaseModel"],
        "riverside": [*PARTNERCHECK, "assess", EXAMPLE, "--format", "json", *AS_OF],
        "rich": [*PARTNERCHECK, "assess", EXAMPLE, "--format", "rich", *AS_OF],
    }
    if "yamllint" in tools:
        commands["yamllint"] = [str(tools["yamllint"]), "-d", "relaxed", one]
    t = medians(commands, sizes.runs)

    def ratio(name: str, a: str, b: str, limit: float | None) -> None:
        r, c = t[a].wall / t[b].wall, t[a].cpu / t[b].cpu
        value = f"{r:.2f}x ({c:.2f}x)"
        if limit is None:
            report(name, value)
        else:
            report(name, value, f"<= {limit}x", r <= limit)

    def timed(name: str, key: str) -> None:
        report(name, f"{ms(t[key].wall)} ({ms(t[key].cpu)})")

    timed("`partnercheck --version`", "version")
    timed("`python -c 'import typer'`", "typer")
    ratio("--version / import typer", "version", "typer", 1.15)
    timed("`assess one.yaml --format json`", "json")
    timed("`python -c 'import yaml; from pydantic ...'`", "base")
    ratio("assess json / import yaml+pydantic", "json", "base", 2.0)
    if "yamllint" in tools:
        timed("`yamllint -d relaxed one.yaml`", "yamllint")
        ratio("assess json / yamllint (information)", "json", "yamllint", None)
    timed("`assess riverside.yaml --format json` (11 KB)", "riverside")
    timed("`assess riverside.yaml --format rich`", "rich")
    ratio("assess rich / assess json", "rich", "riverside", 1.25)
    return t["json"].wall


BENCH_TOOLS = ("check-jsonschema", "yamllint")


def _bench_tools() -> dict[str, Path]:
    """The comparison tools, installed on first use into their own environment."""
    found = {name: VENV_BENCH / "bin" / name for name in BENCH_TOOLS}
    if all(exe.exists() for exe in found.values()):
        return found
    print(f"  (installing {', '.join(BENCH_TOOLS)} into {VENV_BENCH.relative_to(ROOT)} ...)")
    try:
        subprocess.run([sys.executable, "-m", "venv", str(VENV_BENCH)], check=True)
        pip = [str(VENV_BENCH / "bin" / "python"), "-m", "pip", "install", "-q"]
        subprocess.run([*pip, *BENCH_TOOLS], check=True)
    except (subprocess.CalledProcessError, OSError) as exc:
        print(f"  could not install the comparison tools: {exc}")
    return {name: exe for name, exe in found.items() if exe.exists()}


@dataclass(frozen=True)
class Corpus:
    title: str
    files: list[Path]
    judged: bool  # whether its figures are held to the targets


def corpus(sizes: Sizes, c: Corpus, tools: dict[str, Path]) -> None:
    files = c.files
    mean_size = sum(f.stat().st_size for f in files) / len(files)
    print(f"\n{c.title}: {len(files):,} files, mean {mean_size / 1000:.1f} KB, "
          f"median of {sizes.corpus_runs} runs")  # fmt: skip
    rel = str(files[0].parent.relative_to(ROOT))
    valid = run([*PARTNERCHECK, "validate", rel, "--quiet"], ok=(0,))
    report("`validate DIR` (default jobs)", f"{len(files) / valid.wall:,.0f} files/s")
    assess = [*PARTNERCHECK, "assess", rel, "--format", "json", *AS_OF]
    t = medians({"1": [*assess, "--jobs", "1"], "default": assess}, sizes.corpus_runs)
    serial = t["1"].wall / len(files)
    cpu_each = t["1"].cpu / len(files)
    rate = f"{len(files) / t['1'].wall:,.0f} files/s ({serial * 1000:.2f} ms per file)"
    rate += f", CPU {cpu_each * 1000:.2f} ms"
    report("`assess DIR --jobs 1`", rate)
    report("`assess DIR` (default jobs)", f"{len(files) / t['default'].wall:,.0f} files/s")
    report("  default / --jobs 1 speed-up", f"{t['1'].wall / t['default'].wall:.2f}x")

    exe = tools.get("check-jsonschema")
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
    cj_runs = medians({"batch": [*cj, *sample], "one": [*cj, sample[0]]}, sizes.corpus_runs)
    batch, one = cj_runs["batch"], cj_runs["one"]

    def extrapolate(batch: float, one: float) -> float:
        """One invocation: its start-up once, then a cost per file."""
        return one + max(batch - one, 0.0) / max(len(sample) - 1, 1) * len(files)

    extrapolated = extrapolate(batch.wall, one.wall)
    extrapolated_cpu = extrapolate(batch.cpu, one.cpu)
    print(f"  check-jsonschema {_version(exe)} on {len(sample)} of the files "
          f"({valid_count} valid against `partnercheck schema`):")  # fmt: skip
    report("  one process per file (as CI would), per file", ms(each))
    batch_each = (extrapolated - one.wall) / len(files)
    report("  one invocation over the sample, per file", f"{batch_each * 1000:.1f} ms")
    report(f"  one invocation, extrapolated to {len(files):,} files",
           f"{extrapolated:.1f} s ({extrapolated_cpu:.1f} s CPU)")  # fmt: skip

    def versus(name: str, ratio: float, limit: float, cpu: float | None = None) -> None:
        # CPU time is shown for single processes: it is less sensitive to other load.
        value = f"{ratio:.1f}x faster" + (f" ({cpu:.1f}x CPU)" if cpu is not None else "")
        if c.judged:
            report(name, value, f">= {limit:g}x", ratio >= limit)
        else:
            report(name, value)

    versus("partnercheck --jobs 1 vs check-jsonschema per process", each / serial, 15)
    versus(
        "partnercheck --jobs 1 vs one check-jsonschema call",
        extrapolated / t["1"].wall,
        12,
        extrapolated_cpu / t["1"].cpu,
    )
    versus(
        "partnercheck default jobs vs one check-jsonschema call",
        extrapolated / t["default"].wall,
        15,
    )


CROSSOVER = """
import statistics, sys, time
from datetime import date
from pathlib import Path
from partnercheck.app.runner import Job, check_with_workers, planned_workers
from partnercheck.app.settings import Settings

folder, runs = Path(sys.argv[1]), int(sys.argv[2])
files = sorted(str(p) for p in folder.glob("*.yaml"))
job = Job(Settings(), date(2026, 11, 26))
check_with_workers(files[:20], job, 1)  # warm: imports and caches, as a CLI run has them
for n in map(int, sys.argv[3:]):
    chosen = files[:n]
    times = {1: [], 2: []}
    for _ in range(runs):
        for workers in (1, 2):
            start = time.perf_counter()
            check_with_workers(chosen, job, workers)
            times[workers].append(time.perf_counter() - start)
    one, two = (statistics.median(times[w]) for w in (1, 2))
    print(n, one, two, planned_workers(chosen, 2))
"""


def crossover(sizes: Sizes, folder: Path) -> None:
    """Serial against two workers as the number of (realistic) files grows, and what
    check_all chooses by default: it should pick the faster side of the crossover."""
    runs = max(3, sizes.corpus_runs * 2 + 1)
    print(f"\nParallel crossover: realistic files checked in one process or two workers, "
          f"in-process (no start-up), median of {runs}")  # fmt: skip
    out = subprocess.run(
        [PY, "-c", CROSSOVER, str(folder), str(runs), *map(str, sizes.crossover)],
        capture_output=True, text=True, check=True, cwd=ROOT, env=_env(),
    ).stdout  # fmt: skip
    for line in out.splitlines():
        n, one, two, chosen = line.split()
        faster = "two faster" if float(two) < float(one) else "serial faster"
        default = "serial" if chosen == "1" else f"{chosen} workers"
        report(
            f"  {int(n):>4} files: serial / two workers",
            f"{float(one) * 1000:.0f} / {float(two) * 1000:.0f} ms, {faster}",
            f"default: {default}",
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


STAGES = """
import gc, statistics, sys, time
from datetime import date
from pathlib import Path
from partnercheck.app.runner import build_report
from partnercheck.engine import Loaded, Options, assess
from partnercheck.load import read_source
from partnercheck.load.yaml_source import parse
from partnercheck.model.validate import build
from partnercheck.reporters import RenderContext, render
from partnercheck.app.runner import Outcome

gc.disable()  # as the CLI runs
files = sorted(str(p) for p in Path(sys.argv[1]).glob("*.yaml"))
options = Options(as_of=date(2026, 11, 26))
totals = {}
def timed(stage, f, *args):
    start = time.perf_counter()
    result = f(*args)
    totals[stage] = totals.get(stage, 0.0) + time.perf_counter() - start
    return result
for _ in range(3):
    outcomes = []
    for name in files:
        source = timed("read the file (load/__init__.py)", read_source, name)
        root = timed("parse YAML (load/)", parse, source.text, source.name)
        p = timed("validate (model/, pydantic)", build, root, source.name)
        result = timed("assess: rules, scoring, engine", assess, Loaded(source, root, p), options)
        outcomes.append(Outcome(result, []))
    report = timed("build the report (results.Report)", build_report, options.as_of, outcomes, [])
    timed("JSON (reporters/json_report.py)", render, "json", report, RenderContext())
total = sum(totals.values())
for stage, seconds in totals.items():
    print(f"{seconds / 3 / len(files) * 1e6:8.0f} us  {seconds / total:5.1%}  {stage}")
"""

# Where assess's time goes, from a cProfile run: cumulative time of each entry point.
AREAS = (
    ("rule checks (rules/*, run inside engine.capped)", "engine.py", "capped"),
    ("rules/context.py Context (indexes for the rules)", "rules/context.py", "__init__"),
    ("scoring.score", "scoring.py", "score"),
    ("scoring.challenge_summary", "scoring.py", "challenge_summary"),
    ("suppression.apply_suppressions", "suppression.py", "apply_suppressions"),
    ("engine.locate (finding positions, unfolds nodes)", "engine.py", "locate"),
    ("engine.active_rules", "engine.py", "active_rules"),
    ("rules/depth.py classify", "rules/depth.py", "classify"),
    ("  of which load/nodes.py building nodes on demand", "load/nodes.py", "values,items,keys"),
)

AREA_CODE = """
import pstats, sys
stats = pstats.Stats(sys.argv[1]).stats
files = int(sys.argv[2])
areas = [line.split("|") for line in sys.argv[3:]]
assess = sum(v[3] for k, v in stats.items() if k[0].endswith("partnercheck/engine.py")
             and k[2] == "assess")
print(f"{assess / files * 1e6:8.0f} us  100.0%  engine.assess, in all (cProfile)")
for title, path, functions in areas:
    names = functions.split(",")
    cumulative = sum(v[3] for k, v in stats.items() if k[0].endswith(path) and k[2] in names)
    print(f"{cumulative / files * 1e6:8.0f} us  {cumulative / assess:6.1%}  {title}")
"""


def profile(sizes: Sizes, realistic: Path) -> None:
    """Where the time goes: the slowest imports, each stage per file, the busiest functions."""
    print("\nProfile: slowest imports of `partnercheck assess` (python -X importtime, cumulative)")
    proc = subprocess.run(
        [PY, "-X", "importtime", "-m", "partnercheck", "assess", EXAMPLE, "--format", "json",
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
    print(f"\nProfile: each stage per realistic file, in one process, no profiler "
          f"({sizes.corpus} files, 3 passes)")  # fmt: skip
    staged = subprocess.run([PY, "-c", STAGES, str(realistic)], capture_output=True, text=True,
                            check=True, cwd=ROOT, env=_env())  # fmt: skip
    for line in staged.stdout.splitlines():
        print(f"  {line}")
    stats = OUT / "profile.pstats"
    subprocess.run(
        [PY, "-m", "cProfile", "-o", str(stats), "-m", "partnercheck", "assess",
         str(realistic.relative_to(ROOT)), "--jobs", "1", "--format", "json", *AS_OF],
        stdout=subprocess.DEVNULL, cwd=ROOT, env=_env(), check=False,
    )  # fmt: skip
    print("\nProfile: inside engine.assess, per realistic file (cProfile, cumulative; the")
    print("profiler inflates Python-heavy code, so read the shares rather than the times)")
    areas = ["|".join(area) for area in AREAS]
    shown = subprocess.run([PY, "-c", AREA_CODE, str(stats), str(sizes.corpus), *areas],
                           capture_output=True, text=True, check=True)  # fmt: skip
    for line in shown.stdout.splitlines():
        print(f"  {line}")
    print(f"\nProfile: cProfile of `assess {sizes.corpus} realistic files --jobs 1` "
          "(top functions by own time)")  # fmt: skip
    code = (
        "import pstats, sys; s = pstats.Stats(sys.argv[1]); s.sort_stats('tottime').print_stats(22)"
    )
    top = subprocess.run([PY, "-c", code, str(stats)], capture_output=True, text=True)
    for line in top.stdout.splitlines():
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
    tools = _bench_tools()
    fixed = cold_start(sizes, tools)
    realistic = OUT / "realistic"
    generated = OUT / "corpus"
    for folder in (realistic, generated):
        shutil.rmtree(folder, ignore_errors=True)
    corpora = [
        Corpus("Realistic files (benchmarks/realistic.py; the targets are judged here)",
               write_realistic_corpus(realistic, sizes.corpus, seed=1000), judged=True),
        Corpus(f"Generated files ({PARTNERS_PER_10KB} partners, benchmarks/generate.py)",
               write_corpus(generated, sizes.corpus, PARTNERS_PER_10KB, seed=1000), judged=False),
    ]  # fmt: skip
    for c in corpora:
        corpus(sizes, c, tools)
    crossover(sizes, realistic)
    big_file(sizes)
    scaling(sizes, fixed)
    if args.profile:
        profile(sizes, realistic)
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
