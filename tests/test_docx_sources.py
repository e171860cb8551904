"""A budget given by source only ("Kinh phí" over "Ngân sách tỉnh | Ngân sách huyện", no "Tổng số"): added up.

The columns were read as no column of a plan: every amount and the total were lost, and `validate` then found the
plan clean.
"""

from __future__ import annotations

from decimal import Decimal

import docx_fixtures as F
from cchc.inputs.docx import read_docx
from cchc.inputs.writer import dump_plan
from cchc.load import load_bytes

HEADINGS = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành", "Kinh phí (triệu đồng)", None]
SOURCES = ["", "", "", "", "Ngân sách tỉnh", "Ngân sách huyện"]


def _docx(rows: list[list], more_tables: list[list[list]] = ()) -> bytes:
    doc = F.document()
    F.para(doc, "KẾ HOẠCH", bold=True, center=True)
    F.para(doc, "Cải cách hành chính năm 2021 của Sở Tư pháp", bold=True, center=True)
    # The first four headings merged down over the sources' row, "Kinh phí" across the two sources.
    F.task_table(doc, [HEADINGS, SOURCES, *rows], merges=[((0, c), (1, c)) for c in range(4)] + [((0, 4), (0, 5))], heading_rows=2)
    for rows_ in more_tables:  # a table going on after a page break, without its headings
        F.para(doc, "")
        F.task_table(doc, rows_, heading_rows=0)
    return F.to_bytes(doc)


def _imported(data: bytes):
    result = read_docx(data, "nguon.docx")
    loaded = load_bytes(dump_plan(result.data).encode("utf-8"), "nguon.yaml")
    assert loaded.plan is not None, loaded.problems
    return loaded.plan, result


ROWS = [
    ["I. CẢI CÁCH THỂ CHẾ", None, None, None, None, None],
    ["1", "Việc A", "Sở Tư pháp", "Quý II/2021", "20", "10"],
    ["2", "Việc B", "Sở Nội vụ", "Quý III/2021", "", "15"],
    ["3", "Việc C", "Sở Nội vụ", "Quý III/2021", "2,5", "1.500"],
    ["4", "Việc D", "Sở Nội vụ", "Quý IV/2021", "Theo dự án", ""],
    ["", "Tổng cộng", None, None, "22,5", "1.525"],
]


def test_each_items_budget_is_its_sources_added_up_with_a_comment_and_the_total_too():
    doc = F.document()
    F.para(doc, "KẾ HOẠCH", bold=True, center=True)
    F.para(doc, "Cải cách hành chính năm 2021 của Sở Tư pháp", bold=True, center=True)
    merges = [((0, c), (1, c)) for c in range(4)] + [((0, 4), (0, 5)), ((2, 0), (2, 5)), ((7, 1), (7, 3))]
    F.task_table(doc, [HEADINGS, SOURCES, *ROWS], merges=merges, heading_rows=2)
    plan, result = _imported(F.to_bytes(doc))
    assert [item.budget for _, _, item in plan.items()] == [30, 15, Decimal("1502.5"), "Theo dự án"]
    assert plan.plan.total_million_vnd == Decimal("1547.5")
    assert [section.heading for section in plan.sections] == ["I. CẢI CÁCH THỂ CHẾ"]
    comments = {path[-2]: args["parts"] for path, entries in result.comments.items() for key, args in entries if key == "docx.comment.sources"}
    assert comments == {
        0: "Ngân sách tỉnh: 20; Ngân sách huyện: 10", 1: "Ngân sách huyện: 15", 2: "Ngân sách tỉnh: 2,5; Ngân sách huyện: 1.500",
    }
    warned = [(p.code, dict(p.args)) for p in result.problems if p.code in ("docx.budget-sources", "docx.unknown-column")]
    assert warned == [("docx.budget-sources", {"heading": "Kinh phí (triệu đồng)", "parts": "Ngân sách tỉnh, Ngân sách huyện",
                                               "table": 1, "row": 1, "column": 5})], warned


def test_a_table_going_on_without_its_headings_adds_its_sources_too():
    more = [["5", "Việc E", "Sở Tư pháp", "Tháng 12/2021", "7", "3"]]
    plan, _ = _imported(_docx(ROWS[1:3], more_tables=[more]))
    assert [item.budget for _, _, item in plan.items()] == [30, 15, 10]


def test_a_note_in_two_sources_is_kept_in_words_never_added():
    rows = [["1", "Việc A", "Sở Tư pháp", "Quý II/2021", "Theo dự án", "Xã hội hóa"]]
    plan, _ = _imported(_docx(rows))
    (_, _, item), = plan.items()
    assert item.budget == "Ngân sách tỉnh: Theo dự án; Ngân sách huyện: Xã hội hóa"


def test_a_total_column_among_the_sources_is_the_budget_as_before():
    headings = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành", "Kinh phí (triệu đồng)", None, None]
    sources = ["", "", "", "", "Tổng số", "Ngân sách tỉnh", "Ngân sách huyện"]
    doc = F.document()
    F.para(doc, "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2021")
    merges = [((0, c), (1, c)) for c in range(4)] + [((0, 4), (0, 6))]
    F.task_table(doc, [headings, sources, ["1", "Việc A", "Sở Tư pháp", "Quý II/2021", "40", "20", "10"]], merges=merges, heading_rows=2)
    plan, result = _imported(F.to_bytes(doc))
    assert [item.budget for _, _, item in plan.items()] == [40]  # the document's own total, not a sum of cchc's
    assert not any(key == "docx.comment.sources" for entries in result.comments.values() for key, _ in entries)


def test_the_row_numbering_the_columns_is_no_item():
    rows = [["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"], ROWS[1]]
    plan, result = _imported(_docx(rows))
    assert [(item.stt, item.budget) for _, _, item in plan.items()] == [("1", 30)]
    assert "(3)" not in [agency.name for agency in plan.agencies]


def test_a_decimal_comma_is_told_of_the_part_that_wrote_it_never_of_the_sum():
    # 1,5 + 0,625 is 2,125: cchc's sum, no document's "2,125"; "2,500" in a source is the one to tell.
    rows = [["1", "Việc A", "Sở Tư pháp", "Quý II/2021", "1,5", "0,625"], ["2", "Việc B", "Sở Nội vụ", "Quý III/2021", "2,500", "1"]]
    plan, result = _imported(_docx(rows))
    assert [item.budget for _, _, item in plan.items()] == [Decimal("2.125"), Decimal("3.5")]
    commas = {path[-2]: args for path, entries in result.comments.items() for key, args in entries if key == "docx.comment.comma"}
    assert commas == {1: {"written": "2,500", "amount": "2,5"}}
    assert [dict(p.args)["written"] for p in result.problems if p.code == "docx.comma-thousands"] == ["2,500"]
