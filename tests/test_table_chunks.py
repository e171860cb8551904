"""A long plain table is laid out a chunk of rows at a time: every chunk aligns with every other."""

from __future__ import annotations

import json
import re

import pytest

from cchc.outputs import tables
from cchc.outputs.tables import Column, plain_chunks, plain_table
from cchc.text import display_width

COLUMNS = [Column("Mã"), Column("Sản phẩm", 20), Column("Chủ trì", 12), Column("Kinh phí", 8, right=True)]


def _rows(count: int, special: dict[int, tuple]) -> list[tuple]:
    rows = []
    for n in range(count):
        rows.append(special.get(n, (f"I-{n}", f"Kế hoạch số {n} của tỉnh Thái Bình năm 2021", "Sở Nội vụ", str(n))))
    return rows


def _starts(line: str, texts: list[str]) -> list[int]:
    """The display column where each of *texts* starts in *line*."""
    return [display_width(line[: line.index(text)]) for text in texts]


@pytest.mark.parametrize("chunk", [1, 3, 7])
def test_chunks_give_the_table_one_layout_gives(monkeypatch, chunk):
    special = {
        # Only a late chunk holds wide, combining, control and multi-line cells.
        17: ("I-17", "中文 sản phẩm rất dài để phải xuống dòng nhiều lần", "Sở Tư pháp\nSở Nội vụ", "12"),
        18: ("I-18", "Se\u0301 combining", "Bộ\x1b[31m", "1234567890"),
        19: ("I-19-very-long-identifier", "x" * 45, "UBND huyện Vũ Thư và Kiến Xương", ""),
    }
    rows = _rows(20, special)
    whole = plain_table(COLUMNS, rows)
    monkeypatch.setattr(tables, "ROWS_PER_CHUNK", chunk)
    pieces = list(plain_chunks(COLUMNS, list(zip(*rows))))
    assert len(pieces) == 1 + -(-20 // chunk)
    assert "".join(pieces) == whole


def test_late_wide_cell_widens_every_chunk(monkeypatch):
    monkeypatch.setattr(tables, "ROWS_PER_CHUNK", 2)
    rows = _rows(9, {8: ("I-8", "x", "中文中文中文", "1")})
    lines = plain_table(COLUMNS, rows).splitlines()
    header, rule = lines[0], lines[1]
    starts = [m.start() for m in re.finditer(r"-+", rule)]
    # The lead column is 12 columns wide (6 wide characters) in the first chunk too.
    assert rule.split("  ")[2] == "-" * 12
    assert _starts(header, ["Sản phẩm", "Chủ trì"]) == starts[1:3]
    firsts = [line for line in lines[2:] if line.startswith("I-")]
    assert len(firsts) == 9
    for line in firsts:
        lead = "Sở Nội vụ" if "Sở Nội vụ" in line else "中文中文中文"
        assert _starts(line, [lead]) == [starts[2]], line
        # Right-aligned amounts end at the table's right edge.
        assert display_width(line) == display_width(rule), line


def test_control_characters_escaped_in_a_late_chunk(monkeypatch):
    monkeypatch.setattr(tables, "ROWS_PER_CHUNK", 2)
    rows = _rows(6, {5: ("I-5", "a\u202eb", "c\x85d", "1")})
    text = plain_table(COLUMNS, rows)
    assert "\u202e" not in text and "\x85" not in text
    assert "a\\u202eb" in text and "c\\x85d" in text


def test_wrapped_column_width_is_its_widest_line_when_no_line_fills_it():
    rows = [("1", "ngắn", "Sở", "5"), ("2", "ngắn hơn nữa", "Sở Y tế", "10")]
    rule = plain_table(COLUMNS, rows).splitlines()[1]
    assert [len(part) for part in rule.split("  ")] == [2, len("Sản phẩm") + 4, len("Chủ trì"), len("Kinh phí")]


def test_empty_table_is_its_heading():
    assert plain_table(COLUMNS, []) == "Mã  Sản phẩm  Chủ trì  Kinh phí\n--  --------  -------  --------\n"


def test_batches_of_markup_and_text_join_as_plain_text():
    # Jinja's autoescaped pieces are Markup; Markup("").join would escape the template's literal HTML after them.
    from markupsafe import Markup

    from cchc.write import batched

    joined = list(batched([Markup("<b>x</b>"), "<p>lit</p>", "&"], size=1000))
    assert joined == ["<b>x</b><p>lit</p>&"] and type(joined[0]) is str
    assert list(batched([b"ab", b"c"], size=1)) == [b"ab", b"c"]
    # Text made here and a part a second process sent as UTF-8 bytes: each batch holds one kind, in order.
    mixed = list(batched(["Sở ", Markup("<b>"), "đ".encode(), b"x", "y", b"z"], size=1000))
    assert mixed == ["Sở <b>", "đ".encode() + b"x", "y", b"z"]


@pytest.mark.parametrize("batch", [7, 64, 4096])
def test_streamed_documents_are_the_rendered_documents(run, monkeypatch, tmp_path, batch):
    from conftest import PLAN

    from cchc.load import load_plan
    from cchc.outputs.html import render_plan
    from cchc.outputs.report import report_html
    from cchc.report import build_report, parse_period
    from cchc import write

    monkeypatch.setattr(write, "BATCH", batch)
    plan = load_plan(PLAN).plan
    expected = render_plan(plan, "html")
    assert run("render", "--format", "html", "--plan", PLAN).stdout == expected
    assert run("render", "--format", "html", "--plan", PLAN, "-o", str(tmp_path / "k.html")).exit_code == 0
    assert (tmp_path / "k.html").read_text("utf-8") == expected
    assert "&lt;" not in expected[-2000:]
    period = parse_period("2021")
    report = run("report", "--period", "2021", "--format", "html", "--plan", PLAN).stdout
    assert report == report_html(build_report(plan, None, period.end, period))


def test_a_tab_in_a_cell_is_shown_escaped_and_the_columns_stay_aligned():
    from cchc.outputs.tables import Column, plain_table

    text = plain_table([Column("Văn bản", 20), Column("Ghi chú")], [["Báo cáo\tsố 5", "x"], ["Quyết định", "y"]])
    lines = text.splitlines()
    assert "\t" not in text and "Báo cáo\\tsố 5" in text
    assert len(lines[2]) == len(lines[3]) and lines[2][-1] == "x" and lines[3][-1] == "y"  # the second column at one place


@pytest.mark.parametrize(
    ("encoding", "errors", "tail", "expected"),
    [
        ("utf-8", "strict", " sau\n", "trước Sở đ✓ sau\n".encode()),
        ("utf-8", "surrogateescape", " sau\udcfe\n", "trước Sở đ✓ sau".encode() + b"\xfe\n"),  # a C locale's stream: as its own write would
        ("ascii", "backslashreplace", " sau\n", b"tr\\u01b0\\u1edbc S\\u1edf \\u0111\\u2713 sau\n"),
    ],
)
def test_text_and_bytes_from_a_second_process_are_written_in_order_as_the_stream_would(monkeypatch, encoding, errors, tail, expected):
    import io
    import sys

    from cchc.cli.common import out_text

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding, errors=errors, newline="")
    monkeypatch.setattr(sys, "stdout", stream)
    stream.write("trước")  # written before, still in the stream's buffer: goes first
    sent = " Sở đ✓".encode()
    out_text([sent[:3], sent[3:5], sent[5:], tail])  # a child's bytes, cut inside characters, then text
    stream.flush()
    assert raw.getvalue() == expected


# ---------------------------------------------------------------- a terminal's table


def test_a_table_too_wide_for_the_terminal_narrows_its_long_columns_and_cuts_no_word():
    columns = [Column("Mã"), Column("Sản phẩm", 48), Column("Chủ trì", 28), Column("Hạn chót", 10), Column("Tình trạng", 14)]
    cells = [["VII-4", "Kế hoạch kiểm tra công tác cải cách hành chính năm 2021", "Sở Nội vụ", "30/06/2021\n31/12/2021", "đang thực hiện"]]
    room = 80 - 3 * len(columns) - 1
    widths = tables.fitted_widths(columns, cells, room)
    assert sum(widths) == room  # the room is used, not more
    assert widths[0] >= len("VII-4") and widths[3] >= len("30/06/2021") and widths[4] >= len("thực")
    assert widths[1] > widths[2] > widths[0]  # what wants more room gets more of it
    # Wide enough: every column as wide as its widest line; too narrow for the words: rich cuts them.
    assert tables.fitted_widths(columns, cells, 200) == [5, 48, 9, 10, 14]
    assert tables.fitted_widths(columns, cells, 20) is None


@pytest.mark.parametrize("width", [70, 80, 100])
def test_a_query_on_a_terminal_keeps_its_dates_whole(tmp_path, width):
    """The status column (a progress log) made a table too wide for 80 columns: its dates came out as "30/06/202" and "1"."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    plan = tmp_path / "2021.yaml"
    plan.write_bytes((ROOT / "plans" / "2021.yaml").read_bytes())
    (tmp_path / "2021.progress.yaml").write_text('- id: "I-7"\n  status: "done"\n  date: "2021-06-05"\n', encoding="utf-8")
    script = (
        f"import sys, os; sys.stdout.isatty = lambda: True; os.environ['COLUMNS'] = '{width}';"
        "from cchc.cli import main; sys.argv = ['cchc', 'due', '--month', '2021-06', '--today', '2021-07-01', '--plan', sys.argv[1]]; main()"
    )
    result = subprocess.run([sys.executable, "-c", script, str(plan)], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    drawn = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    assert "hoàn" in drawn and "Tình" in drawn  # the status column is there
    assert max(map(display_width, drawn.splitlines())) <= width
    listed = subprocess.run(
        [sys.executable, "-m", "cchc", "due", "--month", "2021-06", "--today", "2021-07-01", "--plan", str(plan), "--format", "json"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    days = [day for item in json.loads(listed.stdout) for day in item["deadline"]["due"] if day.startswith("2021-06")]
    assert len(days) >= 4
    shown = re.findall(r"\d\d/\d\d/\d{4}", drawn)
    assert sorted(shown) == sorted(f"{d[8:]}/{d[5:7]}/{d[:4]}" for d in days)  # every due date in June whole, none cut


def test_a_word_cut_anyway_or_of_wide_characters_asks_for_no_room_of_its_own():
    """A web address wider than its column reserved the whole column (other columns cut "Sở Nội vụ" to a word a
    line); a run of Chinese, Japanese or Korean counted as one word (the table fell back to cutting dates)."""
    columns = [Column("Mã"), Column("Sản phẩm", 48), Column("Chủ trì", 28), Column("Hạn chót", 10)]
    address = "https://dichvucong.thaibinh.gov.vn/portal/p/home/thu-tuc-hanh-chinh.html"
    for product in (f"Cập nhật cổng {address}", "行政改革推進計画の策定と実施状況の報告書 Kế hoạch"):
        cells = [["I-1", product, "Sở Nội vụ", "30/06/2021"]]
        widths = tables.fitted_widths(columns, cells, 60 - 3 * len(columns) - 1)
        # Before: the address needed 48 columns, the Japanese 38: the words no longer fitted 60 columns.
        assert widths is not None and widths[2] >= len("Nội") and widths[3] >= len("30/06/2021"), widths
        assert sum(widths) == 60 - 3 * len(columns) - 1
    assert tables._word_need("行政改革") == 2 and tables._word_need("ABC行政") == 3 and tables._word_need("Sở") == 2


def test_a_cell_of_many_lines_costs_memory_in_proportion_to_the_table():
    # One cell of n lines made a blank list of every length up to n: n² / 2 list slots (8,000 lines of a note:
    # 540 MB; a 9 MB note, 24 GB until the kernel stopped the report). Now what the rows need.
    import tracemalloc

    def peak(lines: int) -> tuple[int, int]:
        rows = [("I-1", "a\n" * lines, "Sở Nội vụ", "1"), ("I-2", "b", "Sở Tư pháp", "2")]
        tracemalloc.start()
        text = plain_table(COLUMNS, rows)
        used = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert text.count("\n") > lines
        return used, len(text)

    small, small_text = peak(2_000)
    large, large_text = peak(8_000)
    assert large / small < 2 * large_text / small_text, (small, large)  # four times the lines, not sixteen times the memory
