"""A task table whose rows sit in tables nested in its cells, as a web page's table saved as .docx holds them."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

import docx_fixtures as F
from cchc.inputs.docx import read_docx
from cchc.inputs.writer import dump_plan
from cchc.load import load_bytes
from conftest import PLAN

HEADINGS = ["Nhiệm vụ, sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Kinh phí (triệu đồng)"]
ITEMS = [
    ["Kế hoạch rà soát văn bản", "Sở Tư pháp", "Các sở, ban, ngành", "Quý I/2022", "15"],
    ["Báo cáo kết quả rà soát", "Sở Tư pháp", "", "Tháng 6/2022", ""],
]
MORE = [["Kế hoạch kiểm tra cải cách hành chính", "Sở Nội vụ", "Sở Tư pháp", "Quý II/2022", "20"]]


def _across(table, text: str = ""):
    """A row of *table* with one cell across its five columns, holding *text*; the cell."""
    cells = table.add_row().cells
    cell = cells[0].merge(cells[-1])
    if text:
        F.fill(cell, text)
    return cell


def _rows(table, rows: list[list[str]]) -> None:
    for texts in rows:
        for cell, text in zip(table.add_row().cells, texts):
            if text:
                F.fill(cell, text)


def _section_table(cell, heading: str, tasks: list[tuple[str, list[list[str]]]]):
    """A section's table in *cell*: its heading, then each task's heading with its rows in a table in a cell of its own."""
    section = cell.add_table(rows=0, cols=5)
    _across(section, heading)
    F.heading_row(section.rows[0])  # as a web page's table heading (thead) is saved
    for title, rows in tasks:
        task_cell = _across(section)
        task = task_cell.add_table(rows=0, cols=5)
        _across(task, title)
        F.heading_row(task.rows[0])
        _rows(task, rows)
    return section


def _document():
    doc = F.document()
    F.letterhead(doc, ["UBND TỈNH HÀ NAM", "SỞ NỘI VỤ"], "Số: 15/KH-SNV", "Hà Nam, ngày 10 tháng 01 năm 2022")
    F.para(doc, "KẾ HOẠCH", bold=True, center=True)
    F.para(doc, "Cải cách hành chính năm 2022", bold=True, center=True)
    outer = doc.add_table(rows=1, cols=5)
    outer.style = "Table Grid"
    for cell, text in zip(outer.rows[0].cells, HEADINGS):
        F.fill(cell, text)
    F.heading_row(outer.rows[0])
    return doc, outer


def _imported(doc):
    result = read_docx(F.to_bytes(doc), "test.docx")
    loaded = load_bytes(dump_plan(result.data).encode("utf-8"), "test.yaml")
    assert loaded.plan is not None, loaded.problems
    return loaded.plan, result


def _table(plan) -> list[tuple]:
    return [
        (s.numeral, s.title, t.number, t.title, i.product, tuple(i.lead), tuple(i.partners), i.deadline, i.budget)
        for s, t, i in plan.items()
    ]


EXPECTED = [
    ("I", "CẢI CÁCH THỂ CHẾ", "1", "Rà soát văn bản", "Kế hoạch rà soát văn bản", ("Sở Tư pháp",), ("Các sở, ban, ngành",), "Quý I/2022", 15),
    ("I", "CẢI CÁCH THỂ CHẾ", "1", "Rà soát văn bản", "Báo cáo kết quả rà soát", ("Sở Tư pháp",), (), "Tháng 6/2022", None),
    ("II", "CHỈ ĐẠO, ĐIỀU HÀNH", "1", "Kiểm tra", "Kế hoạch kiểm tra cải cách hành chính", ("Sở Nội vụ",), ("Sở Tư pháp",), "Quý II/2022", 20),
]


def test_rows_in_tables_nested_in_whole_row_cells_are_the_tables_rows():
    # A web page's table grouped by section and task: each group a table in a cell across the row.
    doc, outer = _document()
    _section_table(_across(outer), "I. CẢI CÁCH THỂ CHẾ", [("1. Rà soát văn bản", ITEMS)])
    _section_table(_across(outer), "II. CHỈ ĐẠO, ĐIỀU HÀNH", [("1. Kiểm tra", MORE)])
    plan, result = _imported(doc)
    assert _table(plan) == EXPECTED
    assert not [p for p in result.problems if p.code in ("docx.no-items", "docx.unknown-column", "docx.no-table")], result.problems


def test_a_section_table_in_the_heading_rows_last_cell_is_read_after_the_headings():
    # LibreOffice, opening such a page, moves the first group's table into the last cell of the heading row.
    doc, outer = _document()
    _section_table(outer.rows[0].cells[-1], "I. CẢI CÁCH THỂ CHẾ", [("1. Rà soát văn bản", ITEMS)])
    _section_table(_across(outer), "II. CHỈ ĐẠO, ĐIỀU HÀNH", [("1. Kiểm tra", MORE)])
    plan, result = _imported(doc)
    assert _table(plan) == EXPECTED
    assert not [p for p in result.problems if p.code in ("docx.no-items", "docx.unknown-column")], result.problems


def test_a_cells_text_around_its_nested_table_is_a_row_of_its_own():
    # The task's heading typed in the cell, above the table of its rows, rather than in a row of that table.
    doc, outer = _document()
    _across(outer, "I. CẢI CÁCH THỂ CHẾ")
    cell = _across(outer, "1. Rà soát văn bản")
    _rows(cell.add_table(rows=0, cols=5), ITEMS)
    plan, _ = _imported(doc)
    assert _table(plan) == EXPECTED[:2]


def test_a_nested_table_of_other_columns_stays_the_text_of_its_cell():
    # A small grid in a product's cell is not rows of the task table: it stays the cell's text.
    doc, outer = _document()
    _across(outer, "I. CẢI CÁCH THỂ CHẾ")
    _across(outer, "1. Rà soát văn bản")
    _rows(outer, ITEMS[:1])
    grid = outer.rows[-1].cells[0].add_table(rows=1, cols=2)
    grid.cell(0, 0).text, grid.cell(0, 1).text = "Quý I", "Quý II"
    plan, _ = _imported(doc)
    [item] = [i for _, _, i in plan.items()]
    assert item.product == "Kế hoạch rà soát văn bản\nQuý I\nQuý II" and item.lead == ["Sở Tư pháp"]


def test_cchc_s_html_saved_as_docx_by_libreoffice_imports_as_the_plan(run, tmp_path):
    """The 2021 plan printed as HTML, opened and saved as .docx by LibreOffice (its rows then sit in tables in
    cells), reads back as the plan's items: every id, product, agency, deadline and amount."""
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is needed to save the HTML as .docx")
        pytest.skip("LibreOffice (soffice) is not installed")
    html = tmp_path / "plan.html"
    assert run("render", "--format", "html", "-o", html).exit_code == 0
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to", "docx:MS Word 2007 XML",
         "--outdir", str(tmp_path), str(html)],
        capture_output=True, timeout=300,
    )
    source = tmp_path / "plan.docx"
    assert source.exists(), "LibreOffice did not save the HTML as .docx"
    result = run("import", source, "-o", tmp_path / "plan.yaml")
    assert result.exit_code == 0 and "docx.no-items" not in result.stderr, result
    back = load_bytes((tmp_path / "plan.yaml").read_bytes(), "plan.yaml").plan
    plan = load_bytes(PLAN.read_bytes(), PLAN.name).plan

    def items(p):
        return [(i.id, i.product, i.lead, i.partners, i.deadline, i.budget, i.note) for _, _, i in p.items()]

    # The HTML's marks of the editor's notes ("…Thái Bình.[1]"), and its list of them under "Ghi chú của người biên
    # tập", are on screen only; LibreOffice saved both as text: the marks ended products, the list was the plan's
    # own closing text, and every note was lost. Each note is its item's again, and no mark is left.
    assert items(back) == items(plan)
    assert sum(1 for _, _, i in back.items() if i.note) == 11 and back.prose_after == plan.prose_after
    assert [(s.numeral, s.title) for s in back.sections][: len(plan.sections)] == [(s.numeral, s.title) for s in plan.sections]
    assert back.plan.total_million_vnd == plan.plan.total_million_vnd
    # The HTML's remark under its total ("Tổng các khoản ghi số: …", on screen only) is told and left out, not a task.
    assert [t.title for s in back.sections for t in s.tasks] == [t.title for s in plan.sections for t in s.tasks]
    assert "[docx.after-total]" in result.stderr and "Tổng các khoản ghi số" in result.stderr


def test_no_text_is_lost_when_a_nested_table_is_not_the_tables_rows_after_all():
    # A cell's table of four columns whose first row holds a table of the task table's five: the four-column one is
    # not read as rows, so neither is what was found in it, and every word of it stays in the cell's text.
    doc, outer = _document()
    _across(outer, "I. CẢI CÁCH THỂ CHẾ")
    box = _across(outer).add_table(rows=1, cols=4)
    inner_cell = box.rows[0].cells[0].merge(box.rows[0].cells[-1])
    F.fill(inner_cell, "Ghi chú trước bảng")
    _rows(inner_cell.add_table(rows=0, cols=5), ITEMS[:1])
    two = box.add_row().cells
    two[0].merge(two[1]).text, two[2].merge(two[3]).text = "Trái", "Phải"
    result = read_docx(F.to_bytes(doc), "test.docx")
    written = dump_plan(result.data)
    for words in ("Ghi chú trước bảng", "Kế hoạch rà soát văn bản", "Trái", "Phải"):
        assert words in written, (words, written)


def test_a_nested_table_of_no_row_is_read_as_nothing():
    # A table with no row inside a whole-row cell (as a page's empty group is saved): no row, no crash.
    grid = "<w:tblGrid>" + "<w:gridCol/>" * 5 + "</w:tblGrid>"
    heading = "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{h}</w:t></w:r></w:p></w:tc>" for h in HEADINGS) + "</w:tr>"
    item = "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>" for text in ITEMS[0]) + "</w:tr>"
    empty = f'<w:tr><w:tc><w:tcPr><w:gridSpan w:val="5"/></w:tcPr><w:tbl>{grid}</w:tbl><w:p/></w:tc></w:tr>'
    result = read_docx(F.package(F.body_xml(f"<w:tbl>{grid}{heading}{empty}{item}</w:tbl>")), "test.docx")
    assert [item["product"] for section in result.data["sections"] for task in section["tasks"] for item in task["items"]] == [ITEMS[0][0]]


def test_the_closing_looks_at_each_line_once_for_a_name(monkeypatch):
    # After the task table, each line in capitals asked again whether any line before it was a person's name: 40,000
    # paragraphs took 68 s to import. Whether a name has come is now kept as the lines are read.
    import cchc.inputs.docx_prose as prose
    from cchc.inputs.docx_body import Para, Place

    calls = []
    real = prose._person
    monkeypatch.setattr(prose, "_person", lambda text: calls.append(text) or real(text))
    # No person's name at all, "Nơi nhận" lines between: every line in capitals is a signer's line, none a letterhead.
    lines = [text for i in range(700) for text in (f"Nơi nhận: {i}", f"KẾ HOẠCH {i}", f"CHƯƠNG TRÌNH {i}")]
    prose.closing([Para(text, Place(paragraph=i + 1)) for i, text in enumerate(lines)])
    assert len(calls) < 4 * len(lines), len(calls)
    # With a name, the lines in capitals after it are the next document's, as before.
    lines = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A", "ỦY BAN NHÂN DÂN", "TỈNH HÀ NAM"]
    signer, _, unused = prose.closing([Para(text, Place(paragraph=i + 1)) for i, text in enumerate(lines)])
    assert signer["name"] == "Nguyễn Văn A" and [p.text for p in unused] == ["ỦY BAN NHÂN DÂN", "TỈNH HÀ NAM"]
