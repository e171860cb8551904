"""Benchmark of the installed ``cchc`` command: whole processes, wall time and peak memory.

    python benchmarks/run.py                 # 1k, 10k and 100k-item plans, 5 runs each
    python benchmarks/run.py --quick         # smallest size, one run (the smoke test)
    python benchmarks/run.py --check         # exit 1 when a target fails

Standard library only. Each command runs as a child process (output to
/dev/null) after one uncounted warm-up run; ``os.wait4`` gives each child's own
peak RSS. The report is Markdown on standard output (progress goes to standard
error): every measurement, then the targets, with the ratios measured by
interleaving the two commands (A B A B ...) so that drift cancels out.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PLAN_2021 = ROOT / "plans" / "2021.yaml"
MIB = 1024 * 1024


@dataclass
class Result:
    """The counted runs of one command."""

    command: str
    plan: str
    times: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)
    exit_codes: set[int] = field(default_factory=set)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def peak_mib(self) -> float:
        return max(self.rss_kib) / 1024  # ru_maxrss is in KiB on Linux


def run_once(argv: list[str], result: Result | None) -> None:
    """Run *argv* once; add its wall time, peak RSS and exit code to *result* (None: a warm-up)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage, not RUSAGE_CHILDREN's running total
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # Popen must not wait for it again
    if result is not None:
        result.times.append(wall)
        result.rss_kib.append(usage.ru_maxrss)
        result.exit_codes.add(proc.returncode)


def measure(command: str, plan: str, argv: list[str], runs: int, warmup: bool) -> Result:
    print(f"  {command} [{plan}] ...", file=sys.stderr, flush=True)
    result = Result(command, plan)
    if warmup:
        run_once(argv, None)
    for _ in range(runs):
        run_once(argv, result)
    return result


def interleaved(a: list[str], b: list[str], runs: int, warmup: bool) -> tuple[Result, Result]:
    """Run A and B alternately (A B A B ...), so slow drift of the machine hits both alike."""
    ra, rb = Result("A", ""), Result("B", "")
    if warmup:
        run_once(a, None)
        run_once(b, None)
    for _ in range(runs):
        run_once(a, ra)
        run_once(b, rb)
    return ra, rb


def machine_line() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return f"Machine: {platform.platform()}; CPU: {cpu}; {os.cpu_count()} cores; Python {platform.python_version()}; {now}"


def find_tool(name: str, given: str | None = None) -> str | None:
    """*given*, else *name* next to this interpreter (the same virtual environment), else on PATH."""
    if given:
        return given
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def markdown_table(headers: list[str], rows: list[list[str]]) -> str:
    right = ["---:" if h.endswith((" s", "MiB", "measured", "limit")) else "---" for h in headers]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(right) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="item counts of the synthetic plans")
    parser.add_argument("--runs", type=int, default=5, help="counted runs per command (after one warm-up)")
    parser.add_argument("--quick", action="store_true", help="smallest size only, one run, no warm-up")
    parser.add_argument("--cchc", help="the cchc executable [default: next to this Python, else on PATH]")
    parser.add_argument("--output", type=Path, help="also write the Markdown report to this file")
    parser.add_argument("--out-dir", type=Path, default=BENCH / "out", help="where the synthetic plans go")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target fails")
    args = parser.parse_args(argv)

    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    runs, warmup = (1, False) if args.quick else (args.runs, True)
    if args.quick:
        sizes = sizes[:1]
    cchc = find_tool("cchc", args.cchc)
    if cchc is None:
        parser.error("no cchc executable; install the project (pip install .) or pass --cchc")
    check_jsonschema = find_tool("check-jsonschema")
    python = sys.executable
    typer_app = str(BENCH / "minimal_typer_app.py")

    args.out_dir.mkdir(parents=True, exist_ok=True)
    plans = [("plans/2021.yaml", PLAN_2021, None)]  # (label, path, item count of a synthetic plan)
    for n in sizes:
        path = args.out_dir / f"plan-{n}.yaml"
        print(f"generating {path} ...", file=sys.stderr, flush=True)
        # In a child: Linux carries a forked child's pre-exec RSS into its ru_maxrss, so this
        # process must stay small or its peak becomes every command's peak.
        subprocess.run([python, str(BENCH / "generate.py"), str(n), "-o", str(path)], check=True)
        plans.append((f"{n:,} items ({path.stat().st_size / MIB:.1f} MiB)", path, n))
    schema = args.out_dir / "plan.schema.json"
    schema.write_text(subprocess.run([cchc, "schema"], check=True, capture_output=True, text=True).stdout, encoding="utf-8")

    def bench(command: str, plan: str, argv: list[str]) -> Result:
        return measure(command, plan, argv, runs, warmup)

    print("measuring ...", file=sys.stderr, flush=True)
    results = [
        bench("python -c pass", "—", [python, "-c", "pass"]),
        bench("typer app --help", "—", [python, typer_app, "--help"]),
        bench("typer app", "—", [python, typer_app]),
    ]
    if check_jsonschema:
        results.append(bench("check-jsonschema", "plans/2021.yaml", [check_jsonschema, "--schemafile", str(schema), str(PLAN_2021)]))
    results.append(bench("cchc --help", "—", [cchc, "--help"]))
    validated: dict[int, Result] = {}  # synthetic size -> its validate measurement
    for label, path, n in plans:
        results.append(bench("cchc validate", label, [cchc, "validate", str(path)]))
        if n is not None:
            validated[n] = results[-1]
        results += [
            bench("cchc due --month 2021-06", label, [cchc, "due", "--month", "2021-06", "--plan", str(path)]),
            bench("cchc budget", label, [cchc, "budget", "--plan", str(path)]),
            bench("cchc render --format html", label, [cchc, "render", "--format", "html", "--plan", str(path)]),
        ]

    # Targets: (name, measured, limit, PASS / FAIL / SKIP).
    print("measuring ratios (interleaved) ...", file=sys.stderr, flush=True)
    targets: list[tuple[str, str, str, str]] = []

    def ratio_target(name: str, a: list[str] | None, b: list[str] | None, limit: float) -> None:
        if a is None or b is None:
            targets.append((name, "n/a", f"≤ {limit}", "SKIP"))
            return
        print(f"  {name} ...", file=sys.stderr, flush=True)
        ra, rb = interleaved(a, b, runs, warmup)
        value = ra.median / rb.median
        shown = f"{value:.2f} ({ra.median:.3f} s / {rb.median:.3f} s)"
        targets.append((name, shown, f"≤ {limit}", "PASS" if value <= limit else "FAIL"))

    by_size = {n: path for _, path, n in plans[1:]}
    validate = {n: [cchc, "validate", str(p)] for n, p in by_size.items()}
    ratio_target("cchc --help / typer app --help", [cchc, "--help"], [python, typer_app, "--help"], 1.3)
    ratio_target(
        "cchc due --month 2021-06 (2021 plan) / typer app",
        [cchc, "due", "--month", "2021-06", "--plan", str(PLAN_2021)], [python, typer_app], 1.5,
    )
    ratio_target(
        "cchc validate / check-jsonschema (2021 plan)",
        [cchc, "validate", str(PLAN_2021)],
        [check_jsonschema, "--schemafile", str(schema), str(PLAN_2021)] if check_jsonschema else None, 0.7,
    )
    ratio_target("validate 100k / validate 10k", validate.get(100_000), validate.get(10_000), 11)

    for n, limit in ((10_000, 0.5), (100_000, 5.0)):
        r = validated.get(n)
        if r is None:
            targets.append((f"validate {n // 1000}k wall time", "n/a", f"< {limit} s", "SKIP"))
        else:
            targets.append((f"validate {n // 1000}k wall time", f"{r.median:.3f} s", f"< {limit} s", "PASS" if r.median < limit else "FAIL"))
    r = validated.get(100_000)
    if r is None:
        targets.append(("validate 100k peak RSS / file size", "n/a", "≤ 15", "SKIP"))
    else:
        size_mib = by_size[100_000].stat().st_size / MIB
        factor = r.peak_mib / size_mib
        shown = f"{factor:.1f} ({r.peak_mib:.0f} MiB / {size_mib:.1f} MiB)"
        targets.append(("validate 100k peak RSS / file size", shown, "≤ 15", "PASS" if factor <= 15 else "FAIL"))

    rows = []
    for r in results:
        command = r.command if r.exit_codes <= {0} else f"{r.command} (exit {', '.join(map(str, sorted(r.exit_codes)))})"
        rows.append([command, r.plan, f"{r.median:.3f}", f"{min(r.times):.3f}", f"{max(r.times):.3f}", f"{r.peak_mib:.1f}"])
    warm = "one warm-up run, then " if warmup else ""
    launcher_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report = "\n".join(
        [
            machine_line(),
            "",
            f"## Measurements ({warm}{runs} counted run{'s' if runs != 1 else ''} per command; cchc = {cchc})",
            "",
            f"Peak MiB is each child's ru_maxrss, which includes the {launcher_mib:.1f} MiB of this launcher"
            " (Linux counts a forked child's memory before exec), so small values are floors.",
            "",
            markdown_table(["command", "plan", "median s", "min s", "max s", "peak MiB"], rows),
            "",
            "## Targets (ratios: A and B interleaved, medians)",
            "",
            markdown_table(["target", "measured", "limit", "result"], [list(t) for t in targets]),
        ]
        + ([] if check_jsonschema else ["", "check-jsonschema not found: its target is skipped."])
        + (["", "hyperfine is on PATH, for a cross-check: hyperfine -w 1 'cchc validate plans/2021.yaml'"] if shutil.which("hyperfine") else [])
    ) + "\n"
    sys.stdout.write(report)
    if args.output is not None:
        args.output.write_text(report, encoding="utf-8")
    failed = [t[0] for t in targets if t[3] == "FAIL"]
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
