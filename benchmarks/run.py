"""Benchmark of the installed ``cchc`` command: whole processes, wall time and peak memory, against floors.

    python benchmarks/run.py                 # every target: plans of 1k, 10k, 100k items (about 20 minutes)
    python benchmarks/run.py --quick         # one run each, small plans only: every measurement runs, no verdicts
    python benchmarks/run.py --check         # exit 1 when a target fails

Standard library only (the synthetic plans are written by generate.py, the JSON
floor's copy by PyYAML, a dependency of cchc). Every command runs as a child
process with its output to /dev/null; ``os.wait4`` gives each child's own peak
RSS. The commands of one group run in turn (A B C A B C ...), after one
uncounted warm-up round, so that a machine getting slower or faster affects
them alike, and every ratio is taken between medians of the same group. The
report is Markdown on standard output (progress goes to standard error): the
targets with their verdicts, then every measurement. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
from pathlib import Path

from measure import MIB, Measure, Targets, machine_line, markdown_table, run_group

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PLAN_2021 = ROOT / "plans" / "2021.yaml"
#: The commands a plan is asked, as ``cchc`` arguments before ``--plan``.
QUERIES = {
    "budget": ["budget"],
    "render --format html": ["render", "--format", "html"],
    "render --format md": ["render", "--format", "md"],
    "list": ["list"],
    "due --month 2021-06": ["due", "--month", "2021-06"],
    "agencies": ["agencies"],
    "report --period 2021": ["report", "--period", "2021"],
    "calendar": ["calendar"],
}
#: Documents measured at 10,000 items (WeasyPrint and python-docx lay out every row).
DOCUMENTS = {"render --format pdf": ["render", "--format", "pdf"], "render --format docx": ["render", "--format", "docx"]}
NEW_COMMANDS = ("import", "report", "calendar", "progress")
#: Modules a command's help must not import (each costs tens of milliseconds or more).
HEAVY = ("pydantic", "yaml", "jinja2", "rich", "weasyprint", "docx", "lxml", "icalendar")
#: The issue's sizes.
SMALL, LARGE, JSON_ROWS, PROVINCE = 10_000, 100_000, 50_000, (60, 200)


# ---------------------------------------------------------------- set-up


def find_tool(name: str, given: str | None = None) -> str | None:
    """*given*, else *name* next to this interpreter (the same virtual environment), else on PATH."""
    if given:
        return given
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def fresh(path: Path, *sources: Path) -> bool:
    """True when *path* exists and is newer than every one of *sources*."""
    return path.exists() and all(path.stat().st_mtime >= s.stat().st_mtime for s in sources)


def generate(python: str, n_items: int, path: Path, *options: str) -> Path:
    """The synthetic plan of *n_items* items at *path* (kept from an earlier run when generate.py has not changed)."""
    if not fresh(path, BENCH / "generate.py"):
        print(f"generating {path} ...", file=sys.stderr, flush=True)
        # In a child: Linux carries a forked child's pre-exec RSS into its ru_maxrss, so this
        # process must stay small or its peak becomes every command's peak.
        subprocess.run([python, str(BENCH / "generate.py"), str(n_items), *options, "-o", str(path)], check=True)
    return path


def json_copy(python: str, plan: Path) -> Path:
    """The same plan data saved as JSON (read with PyYAML's C loader), for the json.load floor."""
    target = plan.with_suffix(".json")
    if not fresh(target, plan):
        print(f"writing {target} ...", file=sys.stderr, flush=True)
        script = (
            "import json, sys, yaml\n"
            "data = yaml.load(open(sys.argv[1], 'rb'), Loader=getattr(yaml, 'CSafeLoader', yaml.SafeLoader))\n"
            "json.dump(data, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False, default=str)\n"
        )
        subprocess.run([python, "-c", script, str(plan), str(target)], check=True)
    return target


def works(argv: list[str]) -> bool:
    """True when *argv* runs and exits 0 (a command cchc has, a tool that is installed)."""
    try:
        return subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, timeout=120, cwd=ROOT).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def heavy_imports(python: str, argv: list[str]) -> set[str]:
    """The modules of HEAVY that the Python program *argv* imports (from ``python -X importtime``)."""
    done = subprocess.run([python, "-X", "importtime", *argv], capture_output=True, text=True, cwd=ROOT)
    found = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            top = line.rsplit("|", 1)[1].strip().split(".")[0]
            if top in HEAVY:
                found.add(top)
    return found


def compile_package(python: str) -> None:
    """Write the bytecode of the cchc package that is measured, as ``pip install`` does.

    An editable install, or PYTHONDONTWRITEBYTECODE in the environment, would
    otherwise have every run compile cchc's sources again (some 50 ms), which
    no installed copy does and the yardsticks (typer, check-jsonschema) do not.
    """
    done = subprocess.run([python, "-c", "import cchc, os; print(os.path.dirname(cchc.__file__))"], capture_output=True, text=True, cwd=ROOT)
    if done.returncode == 0:
        subprocess.run([python, "-m", "compileall", "-q", done.stdout.strip()], check=False, capture_output=True)


def font_stylesheet(python: str, out_dir: Path) -> Path | None:
    """@font-face rules for cchc's bundled fonts, as cchc's PDF declares them (None when cchc ships none)."""
    done = subprocess.run([python, "-c", "import cchc, pathlib; print(pathlib.Path(cchc.__file__).parent / 'fonts')"],
                          capture_output=True, text=True, cwd=ROOT)
    folder = Path(done.stdout.strip()) if done.returncode == 0 else None
    faces = sorted(folder.glob("*.ttf")) if folder and folder.is_dir() else []
    if not faces:
        return None
    rules = []
    for font in faces:
        stem = font.stem.rsplit("-", 1)[-1].lower()
        weight = "bold" if "bold" in stem else "normal"
        style = "italic" if "italic" in stem else "normal"
        rules.append(f'@font-face {{ font-family: "Liberation Serif"; src: url("{font.as_uri()}") format("truetype"); '
                     f"font-weight: {weight}; font-style: {style}; }}")
    css = out_dir / "fonts.css"
    css.write_text("\n".join(rules) + "\n", encoding="utf-8")
    return css


# ---------------------------------------------------------------- the run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="item counts of the synthetic plans")
    parser.add_argument("--runs", type=int, default=5, help="counted runs per command (after one warm-up round)")
    parser.add_argument("--quick", action="store_true", help="smallest size only, smaller sets, one run, no warm-up, no verdicts")
    parser.add_argument("--slow", type=float, default=30, help="a command whose warm-up takes longer counts it as its only run")
    parser.add_argument("--timeout", type=float, default=300, help="seconds after which a run is killed (and its target fails)")
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
    python = sys.executable
    check_jsonschema = find_tool("check-jsonschema")
    weasyprint = find_tool("weasyprint")
    typer_app = str(BENCH / "minimal_typer_app.py")
    out = args.out_dir
    out.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    compile_package(python)

    # Plans: the synthetic sizes; a plan of 50,000 items for JSON; a province's 60 plans of 200 items and
    # one of 12,000. A quick run makes small ones of each, to run every measurement cheaply.
    plans = {n: generate(python, n, out / f"plan-{n}.yaml") for n in sizes}
    floors = {n: json_copy(python, path) for n, path in plans.items()}
    json_rows = min(sizes) if args.quick else JSON_ROWS
    json_plan = plans.get(json_rows) or generate(python, json_rows, out / f"plan-{json_rows}.yaml")
    # A province's departments' plans name that province's agencies, not the whole country's.
    n_plans, per_plan = (6, 200) if args.quick else PROVINCE
    province = out / f"province-{n_plans}x{per_plan}"
    if not fresh(province / f"plan-{n_plans:03d}.yaml", BENCH / "generate.py"):
        print(f"generating {province}/ ...", file=sys.stderr, flush=True)
        subprocess.run([python, str(BENCH / "generate.py"), str(per_plan), "--count", str(n_plans), "--one-province", "-o", str(province)],
                       check=True)
    province_plans = sorted(province.glob("plan-*.yaml"))[:n_plans]
    one_plan = generate(python, n_plans * per_plan, out / f"province-{n_plans * per_plan}.yaml", "--one-province")
    schema = out / "plan.schema.json"
    schema.write_text(subprocess.run([cchc, "schema"], check=True, capture_output=True, text=True).stdout, encoding="utf-8")
    available = {name: works([cchc, name, "--help"]) for name in NEW_COMMANDS}
    for name, there in available.items():
        if not there:
            notes.append(f"`cchc {name}` does not exist yet (`cchc {name} --help` fails): its targets are skipped.")

    def measure(label: str, plan: str, argv: list[str]) -> Measure:
        return Measure(label, plan, argv)

    def plan_label(n: int, path: Path) -> str:
        return f"{n:,} items ({path.stat().st_size / MIB:.1f} MiB)"

    # 1. Start-up, on the 2021 plan, against the floors.
    start = [
        measure("python -c pass", "—", [python, "-c", "pass"]),
        measure("typer app --help", "—", [python, typer_app, "--help"]),
        measure("typer app", "—", [python, typer_app]),
        measure("cchc --help", "—", [cchc, "--help"]),
        measure("cchc due --month 2021-06", "plans/2021.yaml", [cchc, "due", "--month", "2021-06", "--plan", str(PLAN_2021)]),
        measure("cchc validate", "plans/2021.yaml", [cchc, "validate", str(PLAN_2021)]),
    ]
    if check_jsonschema:
        start.append(measure("check-jsonschema", "plans/2021.yaml", [check_jsonschema, "--schemafile", str(schema), str(PLAN_2021)]))
    else:
        notes.append("check-jsonschema not found: its target is skipped.")
    for name in NEW_COMMANDS:
        if available[name]:
            start.append(measure(f"cchc {name} --help", "—", [cchc, name, "--help"]))
    # A start-up takes a fifth of a second, so a moment's load on the machine moves its median: four times the rounds.
    run_group("start-up", start, runs * 4, warmup, args.slow, args.timeout)

    # 2. Every command on every size, with the floor of reading the same data as JSON; the documents
    # at 10,000 items. One group: every ratio between its commands is measured in the same rounds.
    every: list[Measure] = []
    by_key: dict[tuple[str, int], Measure] = {}
    for n, path in plans.items():
        label = plan_label(n, path)
        by_key["json.load", n] = measure("python: json.load", f"{n:,} items as JSON ({floors[n].stat().st_size / MIB:.1f} MiB)",
                                         [python, "-c", "import json, sys; json.load(open(sys.argv[1], encoding='utf-8'))", str(floors[n])])
        by_key["validate", n] = measure("cchc validate", label, [cchc, "validate", str(path)])
        for name, words in QUERIES.items():
            if not available.get(name.split()[0], True):
                continue
            by_key[name, n] = measure(f"cchc {name}", label, [cchc, *words, "--plan", str(path)])
        if n == SMALL:
            for name, words in DOCUMENTS.items():
                by_key[name, n] = measure(f"cchc {name}", label, [cchc, *words, "--plan", str(path)])
    every = list(by_key.values())
    run_group("every command", every, runs, warmup, args.slow, args.timeout)

    # 2b. The same commands on plans built from the 2021 plan (its items repeated), the shape of
    # the acceptance tests: texts repeat, and so do the 2021 plan's warnings.
    built_n = min(sizes) if args.quick else LARGE
    built_json_n = min(sizes) if args.quick else JSON_ROWS
    built = generate(python, built_n, out / f"from-2021-{built_n}.yaml", "--from-2021")
    built_json = generate(python, built_json_n, out / f"from-2021-{built_json_n}.yaml", "--from-2021")
    built_label = f"{plan_label(built_n, built)}, built from the 2021 plan"
    by_built: dict[str, Measure] = {
        "json.load": measure("python: json.load", f"{built_n:,} items as JSON, built from the 2021 plan",
                             [python, "-c", "import json, sys; json.load(open(sys.argv[1], encoding='utf-8'))", str(json_copy(python, built))]),
        "validate": measure("cchc validate", built_label, [cchc, "validate", str(built)]),
    }
    for name, words in QUERIES.items():
        if available.get(name.split()[0], True):
            by_built[name] = measure(f"cchc {name}", built_label, [cchc, *words, "--plan", str(built)])
    built_small_n = min(sizes) if args.quick else SMALL
    built_small = generate(python, built_small_n, out / f"from-2021-{built_small_n}.yaml", "--from-2021")
    for name, words in DOCUMENTS.items():
        by_built[name] = measure(f"cchc {name}", f"{plan_label(built_small_n, built_small)}, built from the 2021 plan",
                                 [cchc, *words, "--plan", str(built_small)])
    run_group("built from the 2021 plan", list(by_built.values()), runs, warmup, args.slow, args.timeout)
    built_json_label = f"{plan_label(built_json_n, built_json)}, built from the 2021 plan"
    built_json_group = [
        measure("cchc validate", built_json_label, [cchc, "validate", str(built_json)]),
        measure("cchc list --format json", built_json_label, [cchc, "list", "--format", "json", "--plan", str(built_json)]),
    ]
    run_group("JSON output, built from the 2021 plan", built_json_group, runs, warmup, args.slow, args.timeout)

    # 3. JSON output, 4. a province's plan set, 5. documents against their engines.
    json_group = [
        measure("cchc validate", plan_label(json_rows, json_plan), [cchc, "validate", str(json_plan)]),
        measure("cchc list --format json", plan_label(json_rows, json_plan), [cchc, "list", "--format", "json", "--plan", str(json_plan)]),
    ]
    # A yardstick for the JSON of those rows: Python's own C encoder writing the same records, once read.
    records = out / f"list-{json_rows}.json"
    with open(records, "wb") as sink:
        subprocess.run([cchc, "list", "--format", "json", "--plan", str(json_plan)], check=True, stdout=sink)
    read = "import json, sys; records = json.load(open(sys.argv[1], encoding='utf-8'))"
    encoder = [
        measure("python: json.load", f"cchc's JSON of those {json_rows:,} rows", [python, "-c", read, str(records)]),
        measure("python: json.load, then json.dumps", f"cchc's JSON of those {json_rows:,} rows",
                [python, "-c", read + "; json.dumps(records, ensure_ascii=False).encode()", str(records)]),
    ]
    run_group("JSON output", json_group + encoder, runs, warmup, args.slow, args.timeout)
    if encoder[0].times and encoder[1].times:
        notes.append(f"For scale: Python's json.dumps (its C encoder) of the same {json_rows:,} item records, already read, took "
                     f"{encoder[1].median - encoder[0].median:.3f} s (json.load then json.dumps, minus json.load alone).")
    province_group = [
        measure("cchc validate", f"{n_plans} plans of {per_plan} items", [cchc, "validate", *map(str, province_plans)]),
        measure("cchc validate", plan_label(n_plans * per_plan, one_plan), [cchc, "validate", str(one_plan)]),
    ]
    run_group("province", province_group, runs, warmup, args.slow, args.timeout)

    documents: dict[str, Measure] = {}
    html_2021 = out / "plan-2021.html"
    subprocess.run([cchc, "render", "--format", "html", "--plan", str(PLAN_2021), "-o", str(html_2021)], check=True, capture_output=True)
    documents["pdf"] = measure("cchc render --format pdf", "plans/2021.yaml", [cchc, "render", "--format", "pdf", "--plan", str(PLAN_2021)])
    fonts = font_stylesheet(python, out)
    if weasyprint:
        documents["weasyprint"] = measure("weasyprint (cchc's HTML, its fonts)", "plans/2021.yaml",
                                          [weasyprint, *(["-s", str(fonts)] if fonts else []), str(html_2021), str(out / "weasyprint-2021.pdf")])
    else:
        notes.append("weasyprint not found: the PDF target is skipped.")
    documents["docx"] = measure("cchc render --format docx", "plans/2021.yaml", [cchc, "render", "--format", "docx", "--plan", str(PLAN_2021)])
    if available["import"]:
        plan_200 = generate(python, 200, out / "plan-200.yaml")
        docx_200 = out / "plan-200.docx"
        subprocess.run([cchc, "render", "--format", "docx", "--plan", str(plan_200), "-o", str(docx_200)], check=True, capture_output=True)
        documents["import"] = measure("cchc import", "200 rows (.docx)", [cchc, "import", str(docx_200)])
    run_group("documents", list(documents.values()), runs, warmup, args.slow, args.timeout)

    # ------------------------------------------------------------ targets
    def get(key: str, n: int) -> Measure | None:
        return by_key.get((key, n))

    starts = {x.label: x for x in start}
    targets = Targets(judge=not args.quick)
    targets.ratio(f"validate {LARGE // 1000}k / json.load of the same plan as JSON", get("validate", LARGE), get("json.load", LARGE), 10)
    targets.ratio(f"validate {LARGE // 1000}k / validate {SMALL // 1000}k", get("validate", LARGE), get("validate", SMALL), 11)
    for name in QUERIES:
        if not available.get(name.split()[0], True):
            targets.skip(f"{name} {LARGE // 1000}k / validate {LARGE // 1000}k", "≤ 1.3", f"no `cchc {name.split()[0]}` yet")
            continue
        targets.ratio(f"{name} {LARGE // 1000}k / validate {LARGE // 1000}k", get(name, LARGE), get("validate", LARGE), 1.3)
    for name in DOCUMENTS:
        targets.ratio(f"{name} {SMALL // 1000}k / validate {LARGE // 1000}k", get(name, SMALL), get("validate", LARGE), 1.3)
    targets.added(f"list --format json of {json_rows:,} rows: time added to validate", json_group[1], json_group[0], 0.15)
    large = plans.get(LARGE)
    size = large.stat().st_size if large else None
    targets.memory(f"validate {LARGE // 1000}k: peak RSS / file size", get("validate", LARGE), size, 6)
    at_large = [x for (key, n), x in by_key.items() if n == LARGE and key != "json.load"]
    worst = max(at_large, key=lambda x: x.peak_mib) if at_large else None
    targets.memory(f"largest peak RSS of a command at {LARGE // 1000}k ({worst.label if worst else '—'}) / file size", worst, size, 6)
    shape = "built from the 2021 plan"
    targets.ratio(f"validate {built_n // 1000}k {shape} / json.load of it as JSON", by_built["validate"], by_built["json.load"], 10)
    for name in QUERIES:
        if name in by_built:
            targets.ratio(f"{name} {built_n // 1000}k / validate {built_n // 1000}k, {shape}", by_built[name], by_built["validate"], 1.3)
    for name in DOCUMENTS:
        targets.ratio(f"{name} {built_small_n // 1000}k / validate {built_n // 1000}k, {shape}", by_built[name], by_built["validate"], 1.3)
    targets.added(f"list --format json of {built_json_n:,} rows {shape}: time added to validate", built_json_group[1], built_json_group[0], 0.15)
    worst_built = max((x for key, x in by_built.items() if key != "json.load" and key not in DOCUMENTS), key=lambda x: x.peak_mib)
    targets.memory(f"largest peak RSS of a command at {built_n // 1000}k {shape} ({worst_built.label}) / file size", worst_built,
                   built.stat().st_size, 6)
    targets.ratio("cchc --help / typer app --help", starts["cchc --help"], starts["typer app --help"], 1.3)
    targets.ratio("cchc due --month 2021-06 (2021 plan) / typer app", starts["cchc due --month 2021-06"], starts["typer app"], 1.5)
    targets.ratio("cchc validate / check-jsonschema (2021 plan)", starts["cchc validate"], starts.get("check-jsonschema"), 0.7)
    # typer itself imports pydantic to convert the options of a command it runs: the floor is what
    # the bare typer app imports when it runs its command.
    floor_imports = heavy_imports(python, [typer_app])
    cchc_main = ["-c", "import sys\nfrom cchc.cli import main\nsys.argv[0] = 'cchc'\nmain()\n"]
    for name in NEW_COMMANDS:
        if not available[name]:
            targets.skip(f"cchc {name} --help / typer app", "≤ 1.3", f"no `cchc {name}` yet")
            continue
        targets.ratio(f"cchc {name} --help / typer app", starts[f"cchc {name} --help"], starts["typer app"], 1.3)
        extra = sorted(heavy_imports(python, [*cchc_main, name, "--help"]) - floor_imports)
        targets.verdict(f"cchc {name} --help: heavy modules beyond a typer app's ({', '.join(HEAVY)})", ", ".join(extra) or "none", "none", not extra)
    targets.ratio(f"validate {n_plans} plans of {per_plan} items / validate one of {n_plans * per_plan:,}",
                  province_group[0], province_group[1], 2)
    targets.ratio("render --format pdf (2021 plan) / WeasyPrint alone on cchc's HTML", documents["pdf"], documents.get("weasyprint"), 1.5)
    targets.seconds("render --format docx (2021 plan)", documents["docx"], 1)
    if available["import"]:
        targets.seconds("import of a 200-row .docx", documents["import"], 1)
    else:
        targets.skip("import of a 200-row .docx", "< 1 s", "no `cchc import` yet")
    if args.quick:
        notes.append("A quick run (one run, small plans): figures show that every measurement runs; no target is judged.")

    # ------------------------------------------------------------ report
    rows = []
    for x in [*start, *every, *by_built.values(), *built_json_group, *json_group, *encoder, *province_group, *documents.values()]:
        if not x.times:
            continue
        command = x.label if not x.failure else f"{x.label} ({x.failure})"
        rows.append([command, x.plan, str(len(x.times)), f"{x.median:.3f}", f"{min(x.times):.3f}", f"{max(x.times):.3f}", f"{x.peak_mib:.1f}"])
    warm = "one warm-up round, then " if warmup else ""
    launcher_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    command_line = " ".join(["python benchmarks/run.py", *(argv if argv is not None else sys.argv[1:])])
    report = "\n".join(
        [
            machine_line(),
            "",
            f"`{command_line}`; cchc = {cchc}",
            "",
            "## Targets",
            "",
            "Ratios (and times added) are the medians of the rounds' ratios (differences) of two commands run in turn in the same rounds.",
            "",
            markdown_table(["target", "measured", "limit", "result"], [[t.name, t.measured, t.limit, t.result] for t in targets]),
            "",
            f"## Measurements ({warm}{runs} counted round{'s' if runs != 1 else ''}; a command slower than {args.slow:g} s counts its first run only)",
            "",
            f"Peak MiB is each child's ru_maxrss, which includes the {launcher_mib:.1f} MiB of this launcher"
            " (Linux counts a forked child's memory before exec), so small values are floors.",
            "",
            markdown_table(["command", "plan", "runs", "median s", "min s", "max s", "peak MiB"], rows),
        ]
        + (["", *notes] if notes else [])
    ) + "\n"
    sys.stdout.write(report)
    if args.output is not None:
        args.output.write_text(report, encoding="utf-8")
    failed = [t.name for t in targets if t.result == "FAIL"]
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
