"""What Word shows, read as Word shows it: All caps, symbols, alternate content, lists made from a list style.

The documents are built with python-docx, then given the XML Word writes for
each feature (as a user's Font > All caps, Insert > Symbol, a list style).
"""

from __future__ import annotations

import pytest
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn

import docx_fixtures as F
from cchc.inputs.docx import read_docx
from cchc.inputs.docx_styles import symbol_char
from cchc.inputs.writer import dump_plan
from cchc.load import load_bytes

HEADINGS = ["STT", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Thời gian hoàn thành", "Kinh phí (triệu đồng)"]
ROW = ["1", "Rà soát", "Kế hoạch rà soát", "Sở Tư pháp", "Quý I/2022", "15"]
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def imported(doc):
    result = read_docx(F.to_bytes(doc), "test.docx")
    loaded = load_bytes(dump_plan(result.data).encode("utf-8"), "test.yaml")
    assert loaded.plan is not None, loaded.problems
    return loaded.plan, result


def plan_document(row=ROW, caps_title: bool = False):
    """A kế hoạch: letterhead, title, one task table, a signature; returns (document, the product cell)."""
    doc = F.document()
    F.letterhead(doc, ["UBND TỈNH HÀ NAM", "SỞ NỘI VỤ"], "Số: 15/KH-SNV", "Hà Nam, ngày 10 tháng 01 năm 2022")
    title = "Kế hoạch\nCải cách hành chính năm 2022" if caps_title else "KẾ HOẠCH\nCải cách hành chính năm 2022"
    for line in title.split("\n"):
        p = F.para(doc, line, bold=True, center=True)
        if caps_title:
            p.runs[0].font.all_caps = True
    table = F.task_table(doc, [HEADINGS, row])
    return doc, table.cell(1, 2)


def add_signature(doc, signer: list[str], caps: bool = False) -> None:
    F.signature(doc, ["Lưu: VT."], signer)
    if caps:
        for p in doc.tables[-1].cell(0, 1).paragraphs[:-1]:
            for run in p.runs:
                run.font.all_caps = True


def test_text_in_all_caps_is_read_in_the_capitals_word_prints():
    # "Kế hoạch" typed in lower case, formatted Font > All caps: Word and LibreOffice print "KẾ HOẠCH".
    doc, _ = plan_document(caps_title=True)
    add_signature(doc, ["KT. Giám đốc", "Phó Giám đốc", "", "Trần Thị B"], caps=True)
    plan, result = imported(doc)
    assert plan.plan.title == "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2022"
    signer = plan.plan.signer
    assert (signer.authority, signer.position, signer.name) == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Thị B")
    assert not [p for p in result.problems if p.code == "docx.unplaced"]


def test_all_caps_set_by_a_style_counts_and_turned_off_on_a_run_does_not():
    doc, cell = plan_document()
    style = doc.styles.add_style("Hoa", 1)  # a paragraph style with All caps
    style.font.all_caps = True
    paragraph = cell.paragraphs[0]
    paragraph.style = style
    paragraph.add_run(" thường").font.all_caps = False
    add_signature(doc, ["GIÁM ĐỐC", "", "Nguyễn Văn A"])
    plan, _ = imported(doc)
    assert [item.product for _, _, item in plan.items()] == ["KẾ HOẠCH RÀ SOÁT thường"]


def _symbol(paragraph, font: str, code: str) -> None:
    run = paragraph.add_run()
    sym = OxmlElement("w:sym")
    sym.set(qn("w:font"), font)
    sym.set(qn("w:char"), code)
    run._r.append(sym)


def test_a_symbol_font_character_is_kept_and_one_without_a_table_is_marked_and_warned():
    doc, cell = plan_document()
    paragraph = cell.paragraphs[0]
    paragraph.add_run(": tỷ lệ hài lòng ")
    _symbol(paragraph, "Symbol", "F0B3")  # ≥, as Insert > Symbol writes it
    paragraph.add_run(" 80% ")
    _symbol(paragraph, "Wingdings", "F0FC")  # a tick
    add_signature(doc, ["GIÁM ĐỐC", "", "Nguyễn Văn A"])
    plan, result = imported(doc)
    assert [item.product for _, _, item in plan.items()] == ["Kế hoạch rà soát: tỷ lệ hài lòng ≥ 80% \ufffd"]
    warned = [(p.code, dict(p.args)) for p in result.problems if p.code == "docx.symbol"]
    assert warned == [("docx.symbol", {"table": 2, "row": 2, "column": 3, "font": "Wingdings", "code": "F0FC"})]


@pytest.mark.parametrize(
    "font, code, char",
    [("Symbol", "F0B3", "≥"), ("Symbol", "B3", "≥"), ("Symbol", "F0A3", "≤"), ("Symbol", "F0B1", "±"), ("Symbol", "F0B4", "×"),
     ("Symbol", "F0AE", "→"), ("Symbol", "F0B7", "•"), ("symbol", "F061", "α"), ("Symbol", "F044", "Δ"), ("Symbol", "F0E5", "∑"),
     ("Symbol", "F060", None), ("Symbol", "F0BD", None), ("Symbol", "zz", None), ("Wingdings", "F0FC", None), ("Symbol", "F0F0", None)],
)
def test_symbol_font_codes(font, code, char):
    assert symbol_char(font, code) == char


def test_alternate_content_is_read_from_what_was_saved_for_older_readers():
    doc, cell = plan_document()
    paragraph = cell.paragraphs[0]
    paragraph._p.append(parse_xml(
        f'<mc:AlternateContent xmlns:mc="{MC}" xmlns:w="{F.W_NS}"><mc:Choice Requires="w14"><w:r><w:t xml:space="preserve"> mới</w:t></w:r></mc:Choice>'
        '<mc:Fallback><w:r><w:t xml:space="preserve"> cũ</w:t></w:r></mc:Fallback></mc:AlternateContent>'
    ))
    paragraph.add_run(" xong")
    add_signature(doc, ["GIÁM ĐỐC", "", "Nguyễn Văn A"])
    plan, _ = imported(doc)
    assert [item.product for _, _, item in plan.items()] == ["Kế hoạch rà soát cũ xong"]


LIST_STYLE_NUMBERING = (
    f'<w:numbering xmlns:w="{F.W_NS}">'
    '<w:abstractNum w:abstractNumId="90"><w:numStyleLink w:val="DanhSach"/></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="91"><w:styleLink w:val="DanhSach"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'
    '<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num><w:num w:numId="91"><w:abstractNumId w:val="91"/></w:num>'
    "</w:numbering>"
)


def test_a_list_made_from_a_list_style_is_numbered_by_the_list_that_defines_it():
    # Word's "Define New List Style": the list used in the text only names the style; its levels are elsewhere.
    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2022", bold=True, center=True)
    rows = [["Nội dung", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Thời gian hoàn thành"],
            ["CẢI CÁCH THỂ CHẾ", "Rà soát văn bản", "Kế hoạch rà soát", "Sở Tư pháp", "Tháng 02/2022"],
            [None, "Kiểm tra văn bản", "Báo cáo kiểm tra", "Sở Tư pháp", "Quý IV/2022"],
            ["CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "Công khai thủ tục", "Niêm yết", "Sở Tư pháp", "Thường xuyên"]]
    table = F.task_table(doc, rows, merges=[((1, 0), (2, 0))])
    numbering = doc.part.numbering_part.element
    for child in parse_xml(LIST_STYLE_NUMBERING):
        numbering.append(child)
    for r, c, level in ((1, 0, 0), (1, 1, 1), (2, 1, 1), (3, 0, 0), (3, 1, 1)):
        ppr = table.cell(r, c).paragraphs[0]._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr xmlns:w="{F.W_NS}"><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    plan, _ = imported(doc)
    assert [(s.numeral, t.number, t.title) for s, t, _ in plan.items()] == [
        ("I", "1", "Rà soát văn bản"), ("I", "2", "Kiểm tra văn bản"), ("II", "1", "Công khai thủ tục")]


def test_a_task_table_inside_a_one_cell_frame_is_read():
    # Documents converted from a PDF or a web page put their content in a one-cell table: the task table is inside.
    doc, _ = plan_document()
    frame = doc.add_table(rows=1, cols=1)
    inner = doc.tables[1]  # the task table plan_document made, moved into the frame's cell
    cell = frame.cell(0, 0)
    cell._tc.append(inner._tbl)
    cell._tc.append(OxmlElement("w:p"))  # a cell ends with a paragraph
    add_signature(doc, ["GIÁM ĐỐC", "", "Nguyễn Văn A"])
    plan, result = imported(doc)
    assert [(item.id, item.product, item.budget) for _, _, item in plan.items()] == [("1-1", "Kế hoạch rà soát", 15)]
    assert not [p for p in result.problems if p.code in ("docx.no-table", "docx.other-table")]


def test_an_import_that_finds_no_task_table_exits_1(run, tmp_path):
    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2022", bold=True, center=True)
    F.para(doc, "Nội dung không có bảng nhiệm vụ.")
    source = tmp_path / "k.docx"
    source.write_bytes(F.to_bytes(doc))
    result = run("import", source, "-o", tmp_path / "k.yaml")
    assert result.exit_code == 1 and "lỗi [docx.no-table]" in result.stderr, result
    assert (tmp_path / "k.yaml").exists()  # written, as for any result with errors


def test_the_errors_of_a_plan_printed_on_standard_output_say_where_they_are(run, tmp_path):
    # Without -o the message said "fix them in the YAML file", then "-:8:3: …": no file had been written.
    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính", bold=True, center=True)  # no year: the plan read has an error
    source = tmp_path / "k.docx"
    source.write_bytes(F.to_bytes(doc))
    written = run("import", source, "-o", tmp_path / "k.yaml")
    assert written.exit_code == 1 and "cchc validate`:" in written.stderr and "-o TỆP" not in written.stderr, written
    printed = run("import", source)
    assert printed.exit_code == 1 and "\n-:" in printed.stderr and "`-o TỆP`" in printed.stderr, printed


@pytest.mark.parametrize("headings", [("TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"),
                                      ("STT", "Sản phẩm", "Cơ quan chủ trì", "Thời gian hoàn thành")])
def test_a_task_table_of_headings_alone_is_told_it_has_no_task_row(run, tmp_path, headings):
    # It was told "no task table found (it needs columns such as …)": the person renamed columns that were right.
    source = tmp_path / "k.docx"
    source.write_bytes(F.small_docx([], headings=headings))
    result = run("import", source, "-o", tmp_path / "k.yaml")
    assert result.exit_code == 1 and "lỗi [docx.no-items]" in result.stderr and "docx.no-table" not in result.stderr, result


def test_an_import_whose_task_rows_sit_in_a_table_of_other_columns_nested_in_a_cell_exits_1(run, tmp_path):
    # Rows nested in a cell, in a table of other columns than the task table's, are not read as items: the import
    # found the table, read no row, and once exited 0 with a plan of no item ("written, and it validates").
    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2022", bold=True, center=True)
    headings = ["STT", "Nhiệm vụ, sản phẩm", "Cơ quan chủ trì", "Thời gian hoàn thành", "Kinh phí (triệu đồng)"]
    table = F.task_table(doc, [headings, ["I. CẢI CÁCH THỂ CHẾ", None, None, None, None]], merges=[((1, 0), (1, 4))])
    nested = table.rows[1].cells[0].add_table(rows=2, cols=3)
    for row, texts in zip(nested.rows, (["Kế hoạch rà soát", "Sở Tư pháp", "Quý II/2022"], ["Báo cáo", "Sở Nội vụ", "Quý IV/2022"])):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    source = tmp_path / "long.docx"
    source.write_bytes(F.to_bytes(doc))
    result = run("import", source, "-o", tmp_path / "long.yaml")
    assert result.exit_code == 1 and "lỗi [docx.no-items]" in result.stderr, result  # an error, as exit 1 says
    assert "dòng của một bảng lồng trong ô chỉ được đọc khi bảng đó có đủ các cột" in result.stderr
    # A table with its rows read is no such case.
    source.write_bytes(F.small_docx([["", "Kế hoạch rà soát", "Sở Tư pháp", "Quý II/2022"]]))
    result = run("import", source, "-o", tmp_path / "read.yaml")
    assert result.exit_code == 0 and "docx.no-items" not in result.stderr, result


@pytest.mark.parametrize("tabs", ["\t", "\t\t"])
def test_a_letterhead_typed_with_tabs_is_read_as_its_two_columns(tabs):
    doc = F.document()
    for left, right in (("UBND TỈNH HÀ NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), ("SỞ NỘI VỤ", "Độc lập - Tự do - Hạnh phúc"),
                        (f"Số:{tabs}15/KH-SNV", "Hà Nam, ngày 10 tháng 01 năm 2022")):
        F.para(doc, left + tabs + right)
    F.para(doc, "KẾ HOẠCH", bold=True, center=True)
    F.para(doc, "Cải cách hành chính năm 2022", bold=True, center=True)
    F.task_table(doc, [HEADINGS, ROW])
    add_signature(doc, ["GIÁM ĐỐC", "", "Nguyễn Văn A"])
    plan, result = imported(doc)
    header = plan.plan
    assert (header.superior, header.issuer, header.number, header.place, str(header.date)) == (
        "UBND TỈNH HÀ NAM", "SỞ NỘI VỤ", "15/KH-SNV", "Hà Nam", "2022-01-10")
    assert not [p for p in result.problems if p.code == "docx.unplaced"]


def test_a_document_typed_in_tcvn3_is_refused_with_what_to_do(run, tmp_path):
    # ".VnTime" shows "KÕ ho¹ch" as "Kế hoạch": read as Unicode it is nonsense; the user is told to convert it first.
    doc, cell = plan_document()
    for paragraph in (F.para(doc, "C¶i c¸ch hµnh chÝnh n¨m 2022"), F.para(doc, "Rµ so¸t v¨n b¶n quy ph¹m")):
        paragraph.runs[0].font.name = ".VnTime"
    source = tmp_path / "tcvn3.docx"
    source.write_bytes(F.to_bytes(doc))
    result = run("import", source, "-o", tmp_path / "k.yaml")
    assert result.exit_code == 2 and '".VnTime"' in result.stderr and "TCVN3" in result.stderr, result
    assert not (tmp_path / "k.yaml").exists()


def test_a_unicode_document_whose_styles_still_name_a_tcvn3_font_is_read():
    # An old template's Normal style says ".VnTime", but the text is Unicode: nothing to convert.
    doc, _ = plan_document()
    doc.styles["Normal"].font.name = ".VnTime"
    add_signature(doc, ["GIÁM ĐỐC", "", "Nguyễn Văn A"])
    plan, _ = imported(doc)
    assert [item.product for _, _, item in plan.items()] == ["Kế hoạch rà soát"]


def test_recipients_typed_with_a_tab_after_the_bullet_are_read_whole():
    doc, _ = plan_document()
    table = doc.add_table(rows=1, cols=2)
    F.fill(table.cell(0, 0), ["Nơi nhận:", "-\tSở Nội vụ;", "-\tLưu: VT, VP."])
    F.fill(table.cell(0, 1), ["GIÁM ĐỐC", "", "Nguyễn Văn A"])
    plan, _ = imported(doc)
    assert plan.plan.recipients == ["Sở Nội vụ;", "Lưu: VT, VP."]


def test_a_tab_letterhead_with_the_number_left_blank_keeps_its_place_and_date():
    doc = F.document()
    F.para(doc, "UBND TỈNH HÀ NAM\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    F.para(doc, "SỞ NỘI VỤ\tĐộc lập - Tự do - Hạnh phúc")
    F.para(doc, "Số:\t\tHà Nam, ngày 10 tháng 01 năm 2022")
    F.para(doc, "KẾ HOẠCH", bold=True, center=True)
    F.para(doc, "Cải cách hành chính năm 2022", bold=True, center=True)
    F.task_table(doc, [HEADINGS, ROW])
    plan, _ = imported(doc)
    assert (plan.plan.number, plan.plan.place, str(plan.plan.date)) == (None, "Hà Nam", "2022-01-10")


def test_a_document_in_tcvn3_through_its_normal_style_is_refused(run, tmp_path):
    # Old documents set ".VnTime" on the Normal style: paragraphs that name no style are in it.
    doc = F.document()
    doc.styles["Normal"].font.name = ".VnTime"
    F.para(doc, "KÕ ho¹ch c¶i c¸ch hµnh chÝnh n¨m 2026", bold=True, center=True)
    F.task_table(doc, [["Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Thời gian"], ["Rµ so¸t v¨n b¶n", "B¸o c¸o", "Së Néi vô", "Quý I/2026"]])
    source = tmp_path / "k.docx"
    source.write_bytes(F.to_bytes(doc))
    result = run("import", source, "-o", tmp_path / "k.yaml")
    assert result.exit_code == 2 and '".VnTime"' in result.stderr, result


def test_a_point_printed_on_its_labels_line_imports_back_as_the_point_it_was(tmp_path):
    # "(1) Bám sát …" is one line in the Word file; with no full stop it was read back as a title.
    from cchc.outputs.docx import render_docx
    from cchc.outputs.view import build_view

    text = (
        "plan:\n  issuer: SỞ NỘI VỤ\n  title: KẾ HOẠCH Cải cách hành chính năm 2026\n  year: 2026\n"
        "agencies:\n  - name: Sở Nội vụ\n"
        "prose_before:\n  - label: I\n    title: MỤC ĐÍCH, YÊU CẦU\n    blocks:\n"
        "      - label: (1)\n        paragraphs:\n          - Bám sát chương trình cải cách hành chính của tỉnh\n"
        "      - label: (2)\n        title: Tiêu đề ngắn\n"
        "sections:\n  - numeral: I\n    title: MỤC 1\n    tasks:\n      - items:\n          - id: I-1\n"
        "            product: Sản phẩm 1\n            lead: [Sở Nội vụ]\n            deadline: Quý II/2026\n"
    )
    plan = load_bytes(text.encode("utf-8"), "p.yaml").plan
    result = read_docx(render_docx(build_view(plan)), "p.docx")
    blocks = result.data["prose_before"][0]["blocks"]
    assert blocks[0] == {"label": "(1)", "paragraphs": ["Bám sát chương trình cải cách hành chính của tỉnh"]}
    assert blocks[1] == {"label": "(2)", "title": "Tiêu đề ngắn"}  # a title is printed bold: still a title


@pytest.mark.parametrize("line, total", [("Tổng kinh phí: 35,5 triệu đồng (Bằng chữ: Ba mươi lăm triệu năm trăm nghìn đồng).", "35.5"),
                                         ("Tổng kinh phí: 35.500.000đ (Bằng chữ: Ba mươi lăm triệu năm trăm nghìn đồng)", "35.5")])
def test_the_total_written_under_the_table_in_any_unit_is_the_declared_total(line, total):
    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2022", bold=True, center=True)
    F.task_table(doc, [HEADINGS, ROW[:-1] + ["35,5"]])
    F.para(doc, line)
    plan, result = imported(doc)
    assert (str(plan.plan.total_million_vnd), plan.plan.total_in_words) == (total, "Ba mươi lăm triệu năm trăm nghìn đồng")
    assert not plan.prose_after  # not kept as prose too: it would print twice


def _note_reference(paragraph, kind: str = "footnoteReference", number: str = "1") -> None:
    """A footnote's (or endnote's) mark, as Word writes it after a word: a raised run holding only the reference."""
    run = paragraph.add_run()
    run.font.superscript = True
    reference = OxmlElement(f"w:{kind}")
    reference.set(qn("w:id"), number)
    run._r.append(reference)


def test_a_footnote_on_an_amount_or_a_product_is_warned_of_at_its_cell():
    # "500" with a footnote "Trong đó 300 triệu đồng từ ngân sách Trung ương" came in as 500, in silence: the note,
    # which may change what the figure means, was lost.
    doc, product = plan_document()
    table = doc.tables[-1]
    _note_reference(table.cell(1, 5).paragraphs[0])
    _note_reference(table.cell(1, 5).paragraphs[0], number="2")  # two notes in one cell: told once
    _note_reference(product.paragraphs[0], "endnoteReference")
    add_signature(doc, ["GIÁM ĐỐC", "", "Nguyễn Văn A"])
    plan, result = imported(doc)
    item = next(item for _, _, item in plan.items())
    assert (item.product, item.budget) == ("Kế hoạch rà soát", 15)  # the words and the figure as written
    warned = [dict(p.args) for p in result.problems if p.code == "docx.footnote"]
    assert warned == [{"table": 2, "row": 2, "column": 3}, {"table": 2, "row": 2, "column": 6}]
    assert all(p.severity == "warning" for p in result.problems if p.code == "docx.footnote")
