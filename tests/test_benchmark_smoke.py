"""Smoke tests of the benchmark: the synthetic plans are valid, and run.py reports."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from cchc.deadlines import KINDS, KIND_UNSPECIFIED, parse_deadline

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "benchmarks"
sys.path.insert(0, str(BENCH))
from generate import generate_plan  # noqa: E402


def cchc_command() -> list[str]:
    script = Path(sys.executable).parent / "cchc"
    return [str(script)] if script.exists() else [sys.executable, "-m", "cchc"]


@pytest.fixture(scope="module")
def plan_300(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("plans") / "plan-300.yaml"
    path.write_text(generate_plan(300), encoding="utf-8")
    return path


def items_of(text: str) -> list[dict]:
    data = yaml.safe_load(text)
    return [item for s in data["sections"] for t in s["tasks"] for item in t["items"]]


def test_generated_plan_validates_without_warnings(plan_300):
    done = subprocess.run([*cchc_command(), "validate", str(plan_300)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 lỗi, 0 cảnh báo" in done.stdout


def test_generated_plan_passes_check_jsonschema(plan_300, tmp_path):
    schema = tmp_path / "plan.schema.json"
    schema.write_text(subprocess.run([*cchc_command(), "schema"], check=True, capture_output=True, text=True).stdout)
    tool = Path(sys.executable).parent / "check-jsonschema"
    command = [str(tool)] if tool.exists() else [shutil.which("check-jsonschema") or "check-jsonschema"]
    done = subprocess.run([*command, "--schemafile", str(schema), str(plan_300)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_generated_plan_shape():
    text = generate_plan(300)
    assert text == generate_plan(300) and text != generate_plan(300, seed=1)
    items = items_of(text)
    assert len(items) == 300 and len({i["id"] for i in items}) == 300
    kinds = {parse_deadline(i["deadline"], 2021).kind for i in items}
    assert kinds == set(KINDS) - {KIND_UNSPECIFIED}
    assert all(60 <= len(i["product"]) <= 250 for i in items)
    assert all(1 <= len(i["lead"]) <= 3 and len(i.get("partners", [])) <= 3 for i in items)


def test_generate_count_writes_a_set_of_plans(tmp_path):
    done = subprocess.run([sys.executable, str(BENCH / "generate.py"), "20", "--count", "3", "--seed", "5", "-o", str(tmp_path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["plan-001.yaml", "plan-002.yaml", "plan-003.yaml"]
    texts = [(tmp_path / name).read_text(encoding="utf-8") for name in written]
    assert texts == [generate_plan(20, 5), generate_plan(20, 6), generate_plan(20, 7)]


def test_run_quick_prints_both_tables(tmp_path):
    done = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--quick", "--sizes", "1000", "--out-dir", str(tmp_path)],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Machine: ") and "Python " in lines[0]

    rows = {}
    for line in lines:
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 7 and re.fullmatch(r"[0-9.]+", cells[3]):
            rows[(cells[0], cells[1])] = float(cells[3])
    plan = next(p for _, p in rows if p.startswith("1,000 items ("))
    expected = [("python -c pass", "—"), ("typer app --help", "—"), ("typer app", "—"), ("cchc --help", "—"),
                ("check-jsonschema", "plans/2021.yaml"), ("cchc validate", "plans/2021.yaml"),
                ("cchc due --month 2021-06", "plans/2021.yaml"), ("cchc validate", plan), ("cchc list --format json", plan),
                ("cchc validate", "6 plans of 200 items"), ("cchc render --format docx", "plans/2021.yaml")]
    expected += [(c, plan) for c in ("cchc budget", "cchc render --format html", "cchc render --format md", "cchc list",
                                     "cchc due --month 2021-06", "cchc agencies")]
    for key in expected:
        assert key in rows, f"no row {key} (or the command failed) in:\n{done.stdout}"
        assert rows[key] > 0
    assert ("python: json.load", "1,000 items as JSON (0.5 MiB)") in rows
    built = next(p for _, p in rows if p.startswith("1,000 items (") and p.endswith("built from the 2021 plan"))
    for command in ("cchc validate", "cchc list", "cchc report --period 2021", "cchc list --format json"):
        assert rows[(command, built)] > 0

    results = dict(re.findall(r"^\| (.+?) \| .* \| (PASS|FAIL|SKIP) \|$", done.stdout, re.M))
    for name in ("cchc --help / typer app --help", "cchc validate / check-jsonschema (2021 plan)",
                 "validate 100k / json.load of the same plan as JSON", "list 100k / validate 100k",
                 "validate 100k: peak RSS / file size", "render --format docx (2021 plan)",
                 "validate 6 plans of 200 items / validate one of 1,200",
                 "list 1k / validate 1k, built from the 2021 plan", "validate 1k built from the 2021 plan / json.load of it as JSON"):
        assert name in results, f"no target {name!r} in:\n{done.stdout}"
    # A quick run judges nothing; a target fails only when a command it measures failed.
    assert results["list 100k / validate 100k"] == "SKIP"
    assert results["cchc validate / check-jsonschema (2021 plan)"] == "SKIP"
    assert "(exit" not in done.stdout.split("## Measurements")[1].split("render --format pdf")[0]


def test_a_plan_built_from_the_2021_plan_repeats_its_items(tmp_path):
    import yaml

    path = tmp_path / "built.yaml"
    done = subprocess.run([sys.executable, str(BENCH / "generate.py"), "100", "--from-2021", "-o", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    plan = yaml.safe_load(path.read_text(encoding="utf-8"))
    original = yaml.safe_load((BENCH.parent / "plans" / "2021.yaml").read_text(encoding="utf-8"))
    items = [i for s in plan["sections"] for t in s["tasks"] for i in t["items"]]
    first = [i for s in original["sections"] for t in s["tasks"] for i in t["items"]]
    assert len(items) == 100 and len({i["id"] for i in items}) == 100
    by_id = {i["id"]: i for i in first}
    for item in items:
        source = by_id[item["id"].rsplit("-", 1)[0]]
        assert {**item, "id": source["id"]} == source
    assert plan["plan"]["total_million_vnd"] == 3 * original["plan"]["total_million_vnd"]  # 41 + 41 + 18 items: 3 copies
    checked = subprocess.run([sys.executable, "-m", "cchc", "validate", str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize("words", [["list", "-f", "csv"], ["agencies"], ["due", "--month", "2021-06"], ["render", "-f", "md"]])
def test_a_reader_that_leaves_mid_write_cuts_the_output_short_exit_1(tmp_path, words):
    # `cchc list -f csv | head -1`: the pipe takes part of one large write and says so only by its count; the rest
    # was dropped unseen and cchc exited 0 (README, Safety: "stops quietly with exit 1").
    plan = tmp_path / "plan.yaml"
    plan.write_text(generate_plan(2000), encoding="utf-8")
    process = subprocess.Popen([*cchc_command(), *words, "--plan", str(plan)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.read(100)
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=120) == 1, stderr
    assert b"Traceback" not in stderr


def test_a_ratio_of_commands_run_in_the_same_rounds_is_the_median_of_the_rounds_ratios():
    # A machine slowed down during round 3 slows both commands of it: paired, the round's ratio is like the others'.
    from measure import Measure, Targets

    def measure(label: str, times: list[float], group: str) -> Measure:
        m = Measure(label, "plan", ["true"], group=group)
        for wall in times:
            m.add(wall, 1024, 0, False)
        return m

    a, b = measure("a", [1.1, 2.2, 1.3], "g"), measure("b", [1.0, 2.0, 1.0], "g")
    targets = Targets(judge=True)
    targets.ratio("paired", a, b, 1.2)
    targets.added("paired difference", a, b, 0.15)
    assert targets[0].measured.startswith("1.10 (1.300 s / 1.000 s, median of 3 rounds' ratios)") and targets[0].result == "PASS"
    assert targets[1].measured.startswith("+0.200 s") and targets[1].result == "FAIL"
    # Run in other groups, or one of them run once (slow), the medians are compared.
    targets.ratio("apart", a, measure("b", [1.0, 2.0, 1.0], "other"), 1.2)
    targets.ratio("once", measure("a", [1.3], "g"), b, 1.2)
    assert [t.measured.split(" (")[0] for t in targets[2:]] == ["1.30", "1.30"] and [t.result for t in targets[2:]] == ["FAIL", "FAIL"]
