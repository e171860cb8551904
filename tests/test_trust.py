"""A gate that cannot be fooled: output safe where it lands, queries that refuse broken plans, odd arguments and files.

Each test replays a finding of the trust issue; the YAML reader's own findings
(line breaks, control characters, bounded reads, numbers) are in
tests/test_yaml_reader.py and tests/test_yaml_properties.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import DATA, PLAN, ROOT

MINIMAL = DATA / "valid" / "minimal.yaml"


def write(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def with_product(tmp_path: Path, product: str) -> Path:
    text = MINIMAL.read_text(encoding="utf-8").replace("product: Kế hoạch thử nghiệm", f"product: {json.dumps(product)}", 1)
    return write(tmp_path, text)


def cchc(*args, env=None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cchc", *map(str, args)],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        **kwargs,
    )


# ---------------------------------------------------------------- output that obeys the plan


@pytest.mark.parametrize("text", ["[/]", "[dự thảo]", "[link=https://example.com]bấm[/link]", "[bold red]x"])
def test_plan_text_is_never_rich_markup(text):
    from cchc.outputs.tables import Column, table

    drawn = table([Column("Sản phẩm", 40)], [[text]], terminal=True)
    assert text in drawn
    assert "\x1b]8;" not in drawn  # no hyperlink escape


def test_a_query_on_a_terminal_shows_markup_as_text(tmp_path):
    path = with_product(tmp_path, "Báo cáo [dự thảo] [/] [link=https://x.invalid]y[/link]")
    script = (
        "import sys, os; sys.stdout.isatty = lambda: True; os.environ['COLUMNS'] = '200';"
        "from cchc.cli import main; sys.argv = ['cchc', 'list', '--plan', sys.argv[1]]; main()"
    )
    result = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    assert "[dự thảo]" in result.stdout and "[/]" in result.stdout and "Traceback" not in result.stderr


@pytest.mark.parametrize("raw, shown", [("\x1b[31mđỏ", "\\x1b[31mđỏ"), ("a\u202eb", "a\\u202eb"), ("x\x07y", "x\\x07y"), ("n\x85m", "n\\x85m")])
def test_control_characters_from_the_plan_are_escaped_in_tables(run, tmp_path, raw, shown):
    path = with_product(tmp_path, raw)
    result = run("list", "--plan", path)
    assert result.exit_code == 0, result
    assert raw not in result.stdout and shown in result.stdout
    detail = run("show", "I-1", "--plan", path).stdout
    assert raw not in detail and shown in detail


def test_json_keeps_plan_text_exact(run, tmp_path):
    raw = "\x1b[31mđỏ\u202e"
    found = json.loads(run("list", "--plan", with_product(tmp_path, raw), "-f", "json").stdout)
    assert found[0]["product"] == raw


def test_a_crafted_field_name_cannot_hide_validates_error(run, tmp_path):
    text = MINIMAL.read_text(encoding="utf-8").replace("  year: 2021\n", '  year: 2021\n  "\\e[2K\\rOK\\e[8m": 1\n', 1)
    result = run("validate", write(tmp_path, text))
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout and "\r" not in result.stdout
    assert "\\x1b[2K\\x0dOK" in result.stdout
    assert "1 lỗi" in result.stdout


@pytest.mark.parametrize("product", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "\n=1+1"])
def test_csv_neutralises_formulas(run, tmp_path, product):
    result = run("list", "--plan", with_product(tmp_path, product), "-f", "csv")
    row = next(csv.DictReader(io.StringIO(result.stdout)))
    assert row["product"] == "'" + product


def test_csv_keeps_plain_numbers_and_can_start_with_a_bom(run):
    rows = list(csv.DictReader(io.StringIO(run("list", "-f", "csv", "--section", "VII").stdout)))
    assert rows[0]["million_vnd"] == "20" or any(r["million_vnd"] == "20" for r in rows)
    raw = run("list", "-f", "csv", "--bom").stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf") and not run("list", "-f", "csv").stdout_bytes.startswith(b"\xef\xbb\xbf")


# ---------------------------------------------------------------- exact numbers


def test_amounts_in_json_are_exact_never_float_or_infinity(run, tmp_path):
    text = MINIMAL.read_text(encoding="utf-8").replace("budget: 2.5", "budget: 2.5000000000000000001").replace(
        "total_million_vnd: 12.5", "total_million_vnd: 12.5000000000000000001"
    ).replace("Mười hai triệu năm trăm nghìn đồng", "Mười hai triệu năm trăm nghìn đồng")
    path = write(tmp_path, text)
    budget = run("budget", "--plan", path, "-f", "json")
    assert budget.exit_code == 1  # a fraction of a đồng is an error, and a query refuses the plan
    assert "amount-precision" in run("validate", path, "-f", "json").stdout
    fine = MINIMAL.read_text(encoding="utf-8").replace("budget: 2.5", "budget: 2.000001").replace("total_million_vnd: 12.5", "total_million_vnd: 12.000001")
    fine = fine.replace("total_in_words: Mười hai triệu năm trăm nghìn đồng", "total_in_words: Mười hai triệu không trăm linh một đồng")
    report = run("budget", "--plan", write(tmp_path, fine, "fine.yaml"), "-f", "json")
    assert report.exit_code == 0, report
    assert '"itemized_million_vnd": 12.000001' in report.stdout
    assert json.loads(report.stdout, parse_float=Decimal)["itemized_million_vnd"] == Decimal("12.000001")


@pytest.mark.parametrize(
    ("total", "code", "message"),
    [
        ("12.5000001", "amount-precision", "the declared total 12.5000001 has a fraction smaller than one đồng"),
        ("0.0000001", "amount-precision", "the declared total 0.0000001 has a fraction smaller than one đồng"),
        ("1000000000000001", "amount-range", "the declared total 1000000000000001 is beyond a sane bound"),
    ],
)
def test_a_declared_total_out_of_bounds_is_a_located_error(run, tmp_path, total, code, message):
    text = MINIMAL.read_text(encoding="utf-8")
    path = write(tmp_path, text.replace("total_million_vnd: 12.5", f"total_million_vnd: {total}"))
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "total_million_vnd:" in row)
    result = run("validate", path, "-f", "json", "--lang", "en")
    assert result.exit_code == 1
    [found] = [d for d in json.loads(result.stdout)["diagnostics"] if d["severity"] == "error"]
    assert (found["code"], found["line"]) == (code, line) and message in found["message"]
    assert run("budget", "--plan", path).exit_code == 1  # a query refuses it as it refuses such an item


def test_zeros_written_after_an_amount_make_it_no_finer_than_it_is(run, tmp_path):
    # 2.5000000 is 2.5: it was refused as finer than one đồng for the zeros written after it.
    text = MINIMAL.read_text(encoding="utf-8").replace("budget: 2.5", "budget: 2.5000000000").replace(
        "total_million_vnd: 12.5", "total_million_vnd: 12.50000000")
    result = run("validate", write(tmp_path, text), "-f", "json")
    assert result.exit_code == 0 and "amount-precision" not in result.stdout, result.stdout
    assert json.loads(run("budget", "--plan", write(tmp_path, text), "-f", "json").stdout)["itemized_million_vnd"] == 12.5
    # A digit after the sixth decimal, even after zeros, is finer than one đồng; zero written with decimals is zero.
    finer = text.replace("budget: 2.5000000000", "budget: 2.5000000010")
    assert "amount-precision" in run("validate", write(tmp_path, finer), "-f", "json").stdout
    nothing = text.replace("budget: 2.5000000000", "budget: 0.00000000")
    assert "amount-precision" not in run("validate", write(tmp_path, nothing), "-f", "json").stdout
    # JSON and CSV write the amount's shortest exact digits, not the zeros written after it (JSON wrote 0.0000010).
    small = write(tmp_path, text.replace("budget: 2.5000000000", "budget: 0.0000010"))
    assert '"million_vnd": 0.000001,' in run("list", "-f", "json", "--plan", small).stdout
    assert ",0.000001," in run("list", "-f", "csv", "--plan", small).stdout
    assert ",2.5," in run("list", "-f", "csv", "--plan", write(tmp_path, text)).stdout


def test_total_in_words_past_what_words_are_written_for_names_no_empty_wording(run, tmp_path):
    text = MINIMAL.read_text(encoding="utf-8").replace("total_million_vnd: 12.5", "total_million_vnd: 10000000000")
    result = run("validate", write(tmp_path, text), "--lang", "en")
    [line] = [row for row in result.stdout.splitlines() if "[total-in-words]" in row]
    assert "but the declared total is 10,000,000,000 million VND" in line or "10000000000" in line.replace(",", "").replace(".", "")
    assert '""' not in line and "in words the declared total is" not in line


def test_to_json_writes_decimals_with_their_exact_digits():
    from cchc.outputs.reporters import to_json

    value = Decimal("10.0000000000000000001")
    text = to_json({"a": value, "b": Decimal("2.5"), "c": Decimal("7"), "d": Decimal("0.000001"), "f": Decimal("0.00001")})
    assert json.loads(text, parse_float=Decimal) == {"a": value, "b": Decimal("2.5"), "c": 7, "d": Decimal("0.000001"), "f": Decimal("0.00001")}
    assert '"d": 0.000001,' in text and '"f": 0.00001' in text  # the digits, not 1e-06
    assert "Infinity" not in text and "e" not in text.replace("\n", "")
    with pytest.raises(ValueError):
        to_json({"a": Decimal("Infinity")})


def test_huge_amounts_are_located_errors(run, tmp_path):
    big = "9" * 400 + ".5"
    path = write(tmp_path, MINIMAL.read_text(encoding="utf-8").replace("budget: 10", f"budget: {big}"))
    result = run("validate", path, "-f", "json")
    assert result.exit_code == 1 and "Traceback" not in result.stdout + result.stderr
    assert {d["code"] for d in json.loads(result.stdout)["diagnostics"]} & {"yaml-number", "amount-range"}
    digits = write(tmp_path, MINIMAL.read_text(encoding="utf-8").replace("budget: 10", "budget: " + "1" * 5000), "digits.yaml")
    assert run("validate", digits).exit_code == 1


def test_totals_are_exact_beyond_28_digits():
    from cchc.money import exact_sum

    # 31 significant digits: Python's default decimal context (28) would round this sum.
    assert exact_sum([Decimal("1" * 25 + ".000001"), Decimal("0.000001")]) == Decimal("1" * 25 + ".000002")
    assert exact_sum([10**14, Decimal("0.000001")]) == Decimal("100000000000000.000001")


# ---------------------------------------------------------------- queries refuse broken plans


@pytest.mark.parametrize(
    "change, args",
    [
        (("lead: [snv]", "lead: [snvv]"), ("list", "-a", "Sở Nội vụ")),
        (("lead: [snv]", "lead: [snvv]"), ("budget",)),
        (("id: I-2", "id: I-1"), ("show", "I-1")),
        (("id: I-2", "id: I-1"), ("agencies",)),
        (("id: I-2", "id: I-1"), ("sections",)),
        (("id: I-2", "id: I-1"), ("due", "--month", "2021-06")),
        (("id: I-2", "id: I-1"), ("render", "-f", "md")),
    ],
)
def test_any_error_stops_every_query(run, tmp_path, change, args):
    path = write(tmp_path, MINIMAL.read_text(encoding="utf-8").replace(*change))
    result = run(*args, "--plan", path)
    assert result.exit_code == 1, result
    assert result.stdout == ""
    assert "cchc validate" in result.stderr
    assert run(*args, "--plan", MINIMAL).exit_code == 0  # warnings do not stop a query


def test_a_query_shows_only_the_first_errors(run, tmp_path):
    text = MINIMAL.read_text(encoding="utf-8")
    items = "".join(f"          - id: X-{i}\n            product: p\n            lead: [Không có {i}]\n" for i in range(12))
    text = text.replace("          - id: I-2\n", items + "          - id: I-2\n", 1)
    result = run("list", "--plan", write(tmp_path, text))
    assert result.exit_code == 1
    assert result.stderr.count("[unknown-agency]") == 5 and "… và 7 lỗi nữa" in result.stderr


# ---------------------------------------------------------------- odd arguments and environments


@pytest.mark.parametrize("args", [("due", "--month", "0000-01"), ("due", "--month", "٢٠٢١-٠٦"), ("due", "--today", "0000-01-01"), ("due", "--from", "2021-05", "--to", "2021-04")])
def test_odd_values_are_usage_errors(run, args):
    result = run(*args)
    assert result.exit_code == 2 and "Traceback" not in result.stderr, result


def test_a_section_in_other_digits_is_not_found(run):
    result = run("list", "--section", "²")
    assert result.exit_code == 1 and "không có mục" in result.stderr


def test_a_closed_stdout_is_a_message(tmp_path):
    result = subprocess.run(
        f'"{sys.executable}" -m cchc list >&-', shell=True, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr and "stdout" in result.stderr


def test_an_output_encoding_without_vietnamese_escapes(tmp_path):
    result = cchc("validate", PLAN, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0 and b"Traceback" not in result.stderr
    assert b"\\u1ea3nh b\\xe1o" in result.stdout or b"c\\u1ea3nh" in result.stdout


@pytest.mark.parametrize("args", [("--help",), ("list", "-h"), ("report", "--help", "--lang", "en"), ()])
def test_help_in_an_output_encoding_without_vietnamese_is_escaped_as_every_text(args):
    # click writes help through a UTF-8 stream of its own: the page would come out as bytes the reader's encoding cannot show.
    plain = cchc(*args, env={"PYTHONIOENCODING": "utf-8"})
    ascii_ = cchc(*args, env={"PYTHONIOENCODING": "ascii"})
    assert ascii_.returncode == plain.returncode and b"Traceback" not in ascii_.stderr
    assert ascii_.stdout.isascii() and ascii_.stdout != plain.stdout
    assert ascii_.stdout.decode("unicode_escape") == plain.stdout.decode("utf-8")  # the same page, escaped


@pytest.mark.parametrize(
    "args",
    [
        ("validate", PLAN, "-f", "json"),
        ("validate", PLAN, "-f", "github"),
        ("list", "--plan", PLAN, "-f", "json"),
        ("list", "--plan", PLAN, "-f", "csv"),
        ("show", "I-1", "--plan", PLAN, "-f", "json"),
        ("agencies", "--plan", PLAN, "-f", "json"),
        ("budget", "--plan", PLAN, "-f", "json"),
        ("report", "--plan", PLAN, "--period", "2021", "-f", "json"),
        ("render", "--plan", PLAN, "-f", "md"),
        ("schema",),
    ],
    ids=lambda a: " ".join(str(x) for x in a if x != PLAN),
)
def test_data_and_documents_are_utf8_whatever_the_output_encoding(args):
    # Escapes that keep a person's text printable (\xe1) would make the JSON invalid and change the data.
    plain = cchc(*args)
    ascii_ = cchc(*args, env={"PYTHONIOENCODING": "ascii"})
    assert plain.returncode == ascii_.returncode == 0 and b"Traceback" not in ascii_.stderr
    assert ascii_.stdout == plain.stdout and not ascii_.stdout.isascii()
    assert cchc(*args, env={"PYTHONIOENCODING": "utf-8-sig"}).stdout == plain.stdout  # no byte-order mark added
    if "json" in args:
        json.loads(ascii_.stdout.decode("utf-8"))


def test_a_narrow_terminal(tmp_path):
    script = (
        "import sys, os; sys.stdout.isatty = lambda: True; os.environ['COLUMNS'] = '20';"
        "from cchc.cli import main; sys.argv = ['cchc', 'due', '--month', '2021-06']; main()"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0 and "Traceback" not in result.stderr and "I-7" in result.stdout


# ---------------------------------------------------------------- files


def test_outputs_respect_the_umask(tmp_path):
    out = tmp_path / "ke-hoach.md"
    result = subprocess.run(
        f'umask 077 && "{sys.executable}" -m cchc render -o "{out}"', shell=True, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    assert out.stat().st_mode & 0o777 == 0o600


def test_sigterm_during_a_write_leaves_no_temporary(tmp_path, monkeypatch):
    from cchc.cli.common import signals_end_cleanly
    from cchc.write import write_atomically

    target = tmp_path / "out.md"
    target.write_text("old")

    def interrupted(fd):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.1)

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(SystemExit) as stopped:
        with signals_end_cleanly():
            write_atomically(target, "new")
    assert stopped.value.code == 128 + signal.SIGTERM
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"] and target.read_text() == "old"


# ---------------------------------------------------------------- bounded work


def test_did_you_mean_stays_fast_with_thousands_of_names(run, tmp_path):
    agencies = "".join(f"  - name: Cơ quan số {i} của tỉnh\n" for i in range(2000))
    text = MINIMAL.read_text(encoding="utf-8").replace("agencies:\n", "agencies:\n" + agencies, 1)
    items = "".join(f"          - id: X-{i}\n            product: p\n            lead: [Co quan so {i} cua tinh x]\n" for i in range(2000))
    text = text.replace("          - id: I-2\n", items + "          - id: I-2\n", 1)
    path = write(tmp_path, text)
    started = time.perf_counter()
    result = run("validate", path, "-f", "json")
    elapsed = time.perf_counter() - started
    assert result.exit_code == 1
    found = json.loads(result.stdout)["diagnostics"]
    assert sum(1 for d in found if d["code"] == "unknown-agency") == 1000  # the first thousand, the rest counted with the warnings past theirs (no deadline)
    assert sorted((d["severity"], d["message"]) for d in found if d["code"] == "checks-more") == [
        (severity, "và 1.000 vấn đề khác mà các bước kiểm tra nội dung tìm ra từ đây trở đi không được liệt kê (chỉ "
         "liệt kê 1.000 lỗi và 1.000 cảnh báo đầu tiên); sửa các vấn đề trên rồi chạy lại") for severity in ("error", "warning")]
    assert elapsed < 30  # it took minutes before suggestions were bounded


def test_a_non_specific_tag_makes_text_not_a_number():
    from cchc.inputs.yaml import parse

    data, problems = parse(b"budget: ! 5\nplain: 5\n")
    assert data == {"budget": "5", "plain": 5} and problems == []


def test_the_report_table_escapes_control_characters(run, tmp_path):
    bands = tmp_path / "bands.yaml"
    bands.write_text('name: "X\\e]0;PWNED\\a"\nbands:\n  - above: 90\n    points: 2\n  - points: 0\n', encoding="utf-8")
    result = run("report", "--period", "6T/2021", "--bands", bands)
    assert result.exit_code == 0, result
    assert "\x1b" not in result.stdout and "\\x1b]0;PWNED\\x07" in result.stdout


def _flooded(tmp_path: Path, elements: list[str]) -> Path:
    """The 2021 plan with decision.legal_bases a flow list of *elements* (YAML texts); the old list under an unknown key."""
    text = PLAN.read_text("utf-8").replace("  legal_bases:\n", f"  legal_bases: [{', '.join(elements)}]\n  old_bases:\n", 1)
    return write(tmp_path, text)


@pytest.mark.parametrize("element, key", [("1", "schema.text-number.element"), ("{a: 1}", "schema.text"), ("null", "schema.text")])
def test_a_flood_of_wrong_list_elements_is_listed_up_to_a_bound(tmp_path, monkeypatch, element, key):
    from cchc import schema_problems
    from cchc.load import load_plan

    monkeypatch.setattr(schema_problems, "MAX_LISTED", 10)
    path = _flooded(tmp_path, [element] * 25)
    problems = load_plan(path).problems
    listed = [p for p in problems if p.key == key]
    (more,) = [p for p in problems if p.key == "schema.more"]
    assert len(listed) == 10 and len(problems) == 11
    assert dict(more.args)["count"] == 16  # 15 more elements and the unknown key old_bases
    assert more.line == listed[0].line and more.column > max(p.column for p in listed)
    assert "16" in more.message("vi") and "16" in more.message("en")


def test_a_flood_of_wrong_items_and_of_unknown_keys_is_bounded(tmp_path, monkeypatch):
    from cchc import schema_problems
    from cchc.load import load_plan

    monkeypatch.setattr(schema_problems, "MAX_LISTED", 10)
    text = PLAN.read_text("utf-8")
    flood = text.replace("        items:\n", "        items: [" + ", ".join(["x"] * 30) + "]\n        old_items:\n", 1)
    problems = load_plan(write(tmp_path, flood)).problems
    assert sum(p.key == "schema.mapping" for p in problems) == 10
    assert [dict(p.args)["count"] for p in problems if p.key == "schema.more"] == [21]  # and old_items
    keys = text.replace("  place: Thái Bình\n", "  place: Thái Bình\n" + "".join(f"  k{i}: 1\n" for i in range(40)), 1)
    problems = load_plan(write(tmp_path, keys, "keys.yaml")).problems
    assert sum(p.key == "schema.unknown-field" for p in problems) == 10
    assert [dict(p.args)["count"] for p in problems if p.key == "schema.more"] == [30]


@pytest.mark.parametrize("where", ["agencies", "legal_bases", "plan keys"])
def test_a_flood_in_the_plans_own_lists_costs_megabytes_not_gigabytes(tmp_path, where):
    # A million "1," as the agencies (2 MB) took 1.25 GB and 6 s: pydantic held an error for each before any was
    # dropped; sections had been spared this, the plan's own lists and keys had not.
    import subprocess
    import sys

    text = PLAN.read_text("utf-8")
    if where == "agencies":
        text = text.replace("agencies:\n", "agencies: [" + "1," * 1_000_000 + "1]\nold_agencies:\n", 1)
    elif where == "legal_bases":
        text = text.replace("  legal_bases:\n", "  legal_bases: [" + "1," * 1_000_000 + "1]\n  old_bases:\n", 1)
    else:
        text = text.replace("  place: Thái Bình\n", "  place: Thái Bình\n" + "".join(f"  k{i}: 1\n" for i in range(300_000)), 1)
    path = write(tmp_path, text)
    measure = ("import resource, subprocess, sys; r = subprocess.run([sys.executable, '-m', 'cchc', 'validate', sys.argv[1], '-f', 'json'],"
               " capture_output=True); print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.stdout.flush();"
               " sys.stdout.buffer.write(r.stdout)")
    done = subprocess.run([sys.executable, "-c", measure, str(path)], capture_output=True, check=True, timeout=300)
    head, _, report = done.stdout.partition(b"\n")
    code, peak_kib = map(int, head.split())
    diagnostics = json.loads(report)["diagnostics"]
    assert code == 1 and len(diagnostics) == 1001 and "lỗi khác" in diagnostics[-1]["message"], diagnostics[-1]
    assert peak_kib < 400 * 1024, f"{peak_kib >> 10} MiB"


def test_below_the_bound_every_problem_is_listed(tmp_path, monkeypatch):
    from cchc import schema_problems
    from cchc.load import load_plan

    monkeypatch.setattr(schema_problems, "MAX_LISTED", 10)
    problems = load_plan(_flooded(tmp_path, ["1"] * 9)).problems
    assert sum(p.key == "schema.text-number.element" for p in problems) == 9 and not any(p.key == "schema.more" for p in problems)
    assert [dict(p.args)["field"] for p in problems if p.key == "schema.unknown-field"] == ["old_bases"]


def test_escaped_invisible_and_decomposed_characters_are_caught(tmp_path):
    """Written as escapes in a double-quoted scalar, a bidi override or a decomposed letter is only in the parsed value."""
    from cchc.load import load_plan

    text = PLAN.read_text("utf-8").replace("  place: Thái Bình\n", '  place: "Tha\\u0301i Bi\\u0300nh\\u202e\\u200b"\n', 1)
    loaded = load_plan(write(tmp_path, text))
    assert loaded.plan is not None
    assert loaded.plan.decision.place == "Thái Bình\u202e\u200b"  # NFC, like every other text
    found = [(p.line, p.column, dict(p.args)["char"]) for p in loaded.problems if p.code == "invisible-character"]
    line = text.splitlines().index('  place: "Tha\\u0301i Bi\\u0300nh\\u202e\\u200b"') + 1
    assert sorted(found) == [(line, 10, "U+200B"), (line, 10, "U+202E")]
    assert all(p.severity == "warning" for p in loaded.problems if p.code == "invisible-character")


@pytest.mark.parametrize("value, escape_elsewhere", [
    ('"Thái Bình\u200b \\x01"', False),  # an escape of another character in the same text
    ('"Thái Bình\u200b"', True),  # an escape of another character elsewhere in the file
    ("Thái Bình\u200b", True),  # a plain text
])
def test_an_invisible_character_written_as_it_is_is_warned_once(tmp_path, value, escape_elsewhere):
    # It was warned where it stands, and again at its text's start whenever the file held any escape.
    from cchc.load import load_plan

    text = PLAN.read_text("utf-8").replace("  place: Thái Bình\n", f"  place: {value}\n", 1)
    if escape_elsewhere:
        text = text.replace("  legal_bases:\n", '  legal_bases:\n    - "Căn cứ \\u00e9"\n', 1)
    found = [(p.line, p.column) for p in load_plan(write(tmp_path, text)).problems if dict(p.args).get("char") == "U+200B"]
    line = text.splitlines().index(f"  place: {value}") + 1
    assert found == [(line, 10 + len("Thái Bình") + (value[0] == '"'))]


def test_escaped_control_characters_are_warned(run, tmp_path):
    """Control characters the reader refuses written as they are pass in a double-quoted scalar's escapes ("\\e",
    "\\x01", "\\N", "\\L", "\\uFFFE"): each is warned, naming it, in both languages; tab, newline and CR are text."""
    from cchc.load import load_plan

    product = '"In\\e[31m đỏ\\x01 \\0\\N\\L\\uFFFE; tab\\t dòng\\n về\\r đầu"'
    text = PLAN.read_text("utf-8").replace("  place: Thái Bình\n", f"  place: {product}\n", 1)
    text = text.replace("  title: ", '  title: C:\\em\\a ', 1)  # a plain scalar's backslashes are text: nothing to warn
    text = text.replace("  legal_bases:\n", f"  legal_bases:\n    - {product}\n", 1)  # the same text twice: warned twice
    loaded = load_plan(write(tmp_path, text))
    assert loaded.plan is not None and "\x1b" in loaded.plan.decision.place
    lines = [text.splitlines().index(f"  place: {product}") + 1, text.splitlines().index(f"    - {product}") + 1]
    found = [(p.line, p.severity, p.key, dict(p.args)["char"]) for p in loaded.problems if p.code == "invisible-character"]
    chars = ("U+0000", "U+0001", "U+001B", "U+0085", "U+2028", "U+FFFE")
    assert sorted(found) == sorted((line, "warning", "invisible-character.control", char) for line in lines for char in chars)
    vi = run("validate", write(tmp_path, text, "p2.yaml")).stdout
    assert "ký tự điều khiển U+001B ESC, viết bằng mã thoát" in vi and "\x1b" not in vi
    en = run("validate", "--lang", "en", write(tmp_path, text, "p3.yaml")).stdout
    assert "control character U+0085 NEXT LINE, written as an escape" in en


def test_escaped_invisible_characters_are_reported_up_to_a_bound(tmp_path):
    from cchc.load import load_plan

    bases = "".join(f'    - "Căn cứ {i}\\u200b"\n' for i in range(150))
    text = PLAN.read_text("utf-8").replace("  legal_bases:\n", "  legal_bases:\n" + bases, 1)
    problems = [p for p in load_plan(write(tmp_path, text)).problems if p.code == "invisible-character"]
    assert len(problems) == 101
    assert [dict(p.args)["count"] for p in problems if p.key == "invisible-character.more"] == [50]


def test_budget_header_lines_escape_control_characters(run, tmp_path):
    text = PLAN.read_text("utf-8").replace("  total_in_words: Hai trăm triệu đồng chẵn\n", '  total_in_words: Hai trăm triệu đồng chẵn\n  total_note: "Hai trăm\\e[2J triệu\\u202e đồng chẵn"\n', 1)
    result = run("budget", "--plan", write(tmp_path, text))
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "Hai trăm\\x1b[2J triệu\\u202e đồng chẵn" in result.stdout


def test_tables_are_drawn_whatever_columns_says(tmp_path):
    for columns in ("0", "5", "-3", "abc"):
        env = {**os.environ, "COLUMNS": columns}
        code = "from cchc.outputs.tables import Column, rich_table; print(rich_table([Column('Mã'), Column('Nội dung', 40)], [['I-1', 'Xây dựng kế hoạch']], None))"
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
        assert "Xây dựng kế hoạch" in out and "I-1" in out, columns


def test_a_flood_inside_one_huge_section_is_read_a_piece_at_a_time(tmp_path, monkeypatch):
    """More items than any real section: checked item by item, listed up to the bound, the plan's own errors still shown."""
    from cchc import schema_problems
    from cchc.load import load_plan

    monkeypatch.setattr(schema_problems, "MAX_LISTED", 10)
    items = "".join(f"    - {{id: I-{i}, product: p, bad{i % 3}: 1}}\n" for i in range(150))
    text = "sections:\n- numeral: I\n  title: T\n  tasks:\n  - number: '1'\n    title: T\n    items:\n" + items
    problems = load_plan(write(tmp_path, text)).problems
    assert [p.key for p in problems].count("schema.unknown-field") == 10
    assert [dict(p.args)["count"] for p in problems if p.key == "schema.more"] == [140]
    assert any(p.key == "schema.missing" and dict(p.args)["field"] == "plan" for p in problems)  # not hidden by the flood


def test_many_failing_sections_are_counted_not_rescanned(tmp_path, monkeypatch):
    from cchc import schema_problems
    from cchc.load import load_plan

    monkeypatch.setattr(schema_problems, "MAX_LISTED", 10)
    text = "plan: {title: T, year: 2021}\nsections:\n" + "- {a: 1}\n" * 500
    problems = load_plan(write(tmp_path, text)).problems
    listed = [p for p in problems if p.key != "schema.more"]
    (more,) = [p for p in problems if p.key == "schema.more"]
    assert len(listed) == 10 and dict(more.args)["count"] > 490


@pytest.mark.parametrize("char", ["\ufe0f", "\U000e0101", "\u180f", "\u17b4", "\U0001bca0", "\u180b", "\u2065", "\ufffa", "\ufff0", "\U0001d173", "\U00013430"])
def test_a_twin_agency_made_with_an_invisible_character_is_warned(run, tmp_path, char):
    text = PLAN.read_text("utf-8").replace("  - name: Sở Nội vụ\n", f"  - name: Sở Nội vụ\n  - name: Sở Nội vụ{char}\n", 1)
    assert text != PLAN.read_text("utf-8")
    result = run("validate", write(tmp_path, text), "-f", "json")
    codes = [d["code"] for d in json.loads(result.stdout)["diagnostics"]]
    assert "invisible-character" in codes
    shown = run("agencies", "--plan", write(tmp_path, text, "p2.yaml")).stdout
    assert char not in shown


@pytest.mark.parametrize("piece", [1, 3, 1000])
def test_a_large_section_validated_in_pieces_gives_the_plan_and_problems_of_one_validation(tmp_path, monkeypatch, piece):
    # Sections past PIECES_ABOVE items are validated a piece of items at a time, and a piece with an error an item at a
    # time: the plan built, and every problem with its place and order, are those of validating each section whole.
    from cchc import schema_problems
    from cchc.load import load_plan

    text = PLAN.read_text("utf-8")
    lines = text.splitlines(keepends=True)
    products = [i for i, line in enumerate(lines) if line.startswith("            product: ")]
    broken = list(lines)
    for i in products[1::7]:  # a bad item here and there, in several pieces and sections
        broken[i] = "            product: 42\n"
    broken[products[5] - 1] = broken[products[5] - 1].replace("- id: ", "- id: bad id ")
    bad = write(tmp_path, "".join(broken), "bad.yaml")
    whole = {path: load_plan(path) for path in (PLAN, bad)}
    monkeypatch.setattr(schema_problems, "PIECES_ABOVE", 0)
    monkeypatch.setattr(schema_problems, "ITEMS_PER_PIECE", piece)
    for path, expected in whole.items():
        got = load_plan(path)
        assert got.plan == expected.plan and got.problems == expected.problems
    assert whole[PLAN].plan is not None and whole[PLAN].problems == []
    assert whole[bad].plan is None and len(whole[bad].problems) == len(products[1::7]) + 1


@pytest.mark.parametrize(
    "old, new, field, limit",
    [
        ("partners: [Sở Tư pháp]", "partners: [" + "Sở Tư pháp " * 50 + "]", "partners (cơ quan phối hợp)", 500),  # 550 characters
        ("  - name: Sở Tư pháp\n", "  - name: Sở Tư pháp\n  - name: " + "Sở" * 251 + "\n", "name", 500),  # an agency's or a signer's
        ("budget: 10", "budget: " + "Theo dự án " * 190, "budget (kinh phí)", 2000),  # 2,090 characters
    ],
)
def test_a_name_or_a_note_longer_than_any_real_one_is_refused(run, tmp_path, old, new, field, limit):
    """A 40 MB agency name took 1.4 GB to check (its spellings, "did you mean"), a 40 MB budget note 1.3 GB:
    the schema now bounds both, far above any real name or note."""
    text = MINIMAL.read_text(encoding="utf-8")
    assert old in text
    path = write(tmp_path, text.replace(old, new, 1))
    result = run("validate", path, "--format", "json")
    assert result.exit_code == 1, result
    [problem] = [d for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "schema"]
    assert f"{field} quá dài (tối đa {limit} ký tự)" in problem["message"]
