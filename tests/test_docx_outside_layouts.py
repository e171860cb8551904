"""Layouts of Word documents written elsewhere that cost words or a header: a title after a line break, a header
row's mark copied onto a data row, and small files that would make gigabytes of plan."""

from __future__ import annotations

from decimal import Decimal

import pytest
from docx.oxml import parse_xml

import docx_fixtures as F
from cchc.inputs.docx import read_docx
from cchc.inputs.docx_package import DocxRefused
from cchc.inputs.writer import dump_plan
from cchc.load import load_bytes

HEADINGS = ["Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Thời gian hoàn thành"]
ROWS = [
    ["1. Xây dựng kế hoạch", "Kế hoạch CCHC", "Sở Nội vụ", "Tháng 01/2021"],
    ["2. Rà soát văn bản", "Báo cáo rà soát", "Sở Tư pháp", "Quý II/2021"],
    ["3. Kiểm soát TTHC", "Báo cáo kiểm soát", "Sở Tư pháp", "Quý III/2021"],
]


def imported(data: bytes):
    result = read_docx(data, "test.docx")
    loaded = load_bytes(dump_plan(result.data).encode("utf-8"), "test.yaml")
    assert loaded.plan is not None, loaded.problems
    return loaded.plan, result


def test_a_data_row_marked_as_a_repeated_header_row_is_still_read():
    # Word repeats only a table's leading header rows; a header row copied to make a new one keeps the mark.
    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2021", bold=True, center=True)
    table = F.task_table(doc, [HEADINGS, *ROWS])
    trpr = table.rows[2]._tr.get_or_add_trPr()
    trpr.append(parse_xml(f'<w:tblHeader xmlns:w="{F.W_NS}"/>'))
    plan, result = imported(F.to_bytes(doc))
    assert [item.product for _, _, item in plan.items()] == ["Kế hoạch CCHC", "Báo cáo rà soát", "Báo cáo kiểm soát"]


def test_the_decisions_title_after_a_line_break_in_its_kind_line_is_read_as_the_decision():
    # "QUYẾT ĐỊNH" Shift+Enter "Về việc …" (as the source itself is laid out): the header ran on to "KẾ HOẠCH",
    # and the place and date were taken from a legal basis's "ngày 24/12/2020".
    doc = F.document()
    F.letterhead(doc, ["ỦY BAN NHÂN DÂN", "TỈNH THÁI BÌNH"], "Số: 3669/QĐ-UBND", "Thái Bình, ngày 31 tháng 12 năm 2020")
    F.para(doc, "QUYẾT ĐỊNH\nVề việc phê duyệt Kế hoạch cải cách hành chính năm 2021", bold=True, center=True)
    F.para(doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH", bold=True, center=True)
    F.para(doc, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;")
    F.para(doc, "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 2994/TTr-SNV ngày 24/12/2020.")
    F.para(doc, "QUYẾT ĐỊNH:", bold=True, center=True)
    F.para(doc, "Điều 1. Phê duyệt kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2021.")
    F.para(doc, "KẾ HOẠCH", bold=True, center=True)
    F.para(doc, "CẢI CÁCH HÀNH CHÍNH NĂM 2021", bold=True, center=True)
    F.task_table(doc, [HEADINGS, *ROWS])
    plan, _ = imported(F.to_bytes(doc))
    decision = plan.decision
    assert decision is not None
    assert (decision.number, decision.date.isoformat(), decision.place) == ("3669/QĐ-UBND", "2020-12-31", "Thái Bình")
    assert decision.title == "Về việc phê duyệt Kế hoạch cải cách hành chính năm 2021"
    assert decision.authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH"
    assert len(decision.legal_bases) == 2 and [a.number for a in decision.articles] == [1]


def numbered_document(level_text: str, paragraphs: int, start: int = 1, fmt: str = "decimal") -> bytes:
    numbering = (
        f'<w:numbering xmlns:w="{F.W_NS}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{level_text}"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2021", bold=True, center=True)
    for _ in range(paragraphs):
        p = F.para(doc, "x")
        p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr xmlns:w="{F.W_NS}"><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))
    F.task_table(doc, [HEADINGS, *ROWS])
    element = doc.part.numbering_part.element
    for child in parse_xml(numbering):
        element.append(child)
    return F.to_bytes(doc)


def test_a_list_level_whose_label_text_is_megabytes_is_refused_at_once():
    # 2.5 KB of .docx, "%1" 400,000 times: 127 s, 3.5 GB of memory and 600 MB of plan before.
    plan, _ = imported(numbered_document("%1.", 3))
    assert plan is not None
    with pytest.raises(DocxRefused) as refused:
        read_docx(numbered_document("%1" * 400_000, 300), "hostile.docx")
    assert refused.value.key == "docx.too-much-text"


@pytest.mark.parametrize("level_text", ["%1" * 50, "%1."])
def test_list_labels_that_letter_numbers_make_long_are_refused_before_they_grow(level_text):
    # Lettered from 10,000 on ("ozzz…", 385 letters): 50 of them a label, 8,000 paragraphs took 41 s and
    # 278 MB, 200,000 (22 MB of .docx) 22 GB before the kernel stopped it.
    with pytest.raises(DocxRefused) as refused:
        read_docx(numbered_document(level_text, 3, start=10_000, fmt="lowerLetter"), "hostile.docx")
    assert refused.value.key == "docx.too-much-text"
    # A real lettered list ("a)" … "z)", then "aa)"): read.
    plan, _ = imported(numbered_document("%1)", 30, fmt="lowerLetter"))
    assert plan is not None


def test_a_long_cell_merged_down_over_every_row_is_refused_not_copied_into_each(monkeypatch):
    # Each row an item of the merged lead: 200 KB over 3,000 rows would be 600 MB of plan.
    import cchc.inputs.docx_rows as rows

    monkeypatch.setattr(rows, "MAX_TEXT_CHARS", 50_000)
    lead = "Sở Nội vụ " * 1_000  # 10,000 characters
    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2021", bold=True, center=True)
    body = [[f"{n}. Việc {n}", f"Sản phẩm {n}", lead if n == 1 else None, "Quý II/2021"] for n in range(1, 9)]
    F.task_table(doc, [HEADINGS, *body], merges=[((1, 2), (8, 2))])
    with pytest.raises(DocxRefused) as refused:
        read_docx(F.to_bytes(doc), "merged.docx")
    assert refused.value.key == "docx.too-much-text"
    monkeypatch.setattr(rows, "MAX_TEXT_CHARS", 200_000)
    result = read_docx(F.to_bytes(doc), "merged.docx")
    assert len(result.data["sections"][0]["tasks"]) == 8


def test_a_long_task_cell_merged_down_over_rows_of_many_sections_is_refused_not_copied_into_each(monkeypatch):
    # Each row its own section under the merged task: 27 KB of title over 2,000 rows made 79 MB of plan.
    import cchc.inputs.docx_rows as rows

    monkeypatch.setattr(rows, "MAX_TEXT_CHARS", 50_000)
    title = "Rà soát văn bản " * 700  # 11,200 characters
    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2021", bold=True, center=True)
    body = [[f"Mục {n}", title if n == 1 else None, f"Sản phẩm {n}", "Sở Nội vụ", "Quý II/2021"] for n in range(1, 9)]
    F.task_table(doc, [["Nội dung", *HEADINGS], *body], merges=[((1, 1), (8, 1))])
    with pytest.raises(DocxRefused) as refused:
        read_docx(F.to_bytes(doc), "merged.docx")
    assert refused.value.key == "docx.too-much-text"
    monkeypatch.setattr(rows, "MAX_TEXT_CHARS", 200_000)
    result = read_docx(F.to_bytes(doc), "merged.docx")
    assert len(result.data["sections"]) == 8


@pytest.mark.parametrize("between", ["- 2 -", "2", "Trang 2", "– 2 –"])
def test_a_table_continued_after_a_page_number_is_read_on(between):
    # A PDF converted to Word puts the page's number between the parts: the second part and its total were dropped.
    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2021", bold=True, center=True)
    F.task_table(doc, [HEADINGS, *ROWS[:2]])
    F.para(doc, between, center=True)
    F.task_table(doc, [ROWS[2]], heading_rows=0)
    plan, _ = imported(F.to_bytes(doc))
    assert [item.product for _, _, item in plan.items()] == ["Kế hoạch CCHC", "Báo cáo rà soát", "Báo cáo kiểm soát"]
    assert not plan.prose_after  # the page's number is not the plan's prose either


@pytest.mark.parametrize("between", ["- 2 -", "2", "Trang 2"])
def test_a_page_number_before_a_part_with_its_headings_typed_again_is_not_prose(between):
    # The second part read by its own headings: the page's number stayed as prose after the table, printed in the PDF.
    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2021", bold=True, center=True)
    F.task_table(doc, [HEADINGS, *ROWS[:2]])
    F.para(doc, between, center=True)
    F.task_table(doc, [HEADINGS, ROWS[2]])
    plan, _ = imported(F.to_bytes(doc))
    assert [item.product for _, _, item in plan.items()] == ["Kế hoạch CCHC", "Báo cáo rà soát", "Báo cáo kiểm soát"]
    assert not plan.prose_after and not plan.prose_before


DEL = 'w:id="9" w:author="A" w:date="2021-01-01T00:00:00Z"'


def test_what_was_deleted_as_a_tracked_change_takes_no_number():
    # A deleted numbered heading and a deleted numbered row took numbers II and 2: the next were III and 3.
    numbering = (
        f'<w:numbering xmlns:w="{F.W_NS}"><w:abstractNum w:abstractNumId="70"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="70"><w:abstractNumId w:val="70"/></w:num></w:numbering>'
    )

    def number(paragraph, level: int) -> None:
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr xmlns:w="{F.W_NS}"><w:ilvl w:val="{level}"/><w:numId w:val="70"/></w:numPr>'))

    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2021", bold=True, center=True)
    number(F.para(doc, "MỤC ĐÍCH, YÊU CẦU"), 0)
    F.para(doc, "Nâng cao hiệu quả.")
    gone = F.para(doc, "")
    number(gone, 0)
    gone._p.get_or_add_pPr().append(parse_xml(f'<w:rPr xmlns:w="{F.W_NS}"><w:del {DEL}/></w:rPr>'))
    gone._p.append(parse_xml(f'<w:del xmlns:w="{F.W_NS}" {DEL}><w:r><w:delText>MỤC ĐÃ XÓA</w:delText></w:r></w:del>'))
    number(F.para(doc, "NHIỆM VỤ"), 0)
    table = F.task_table(doc, [["STT", *HEADINGS], ["", *ROWS[0]], ["", "", "", "", ""], ["", *ROWS[1]]])
    for r in (1, 2, 3):
        number(table.cell(r, 0).paragraphs[0], 1)
    table.rows[2]._tr.get_or_add_trPr().append(parse_xml(f'<w:del xmlns:w="{F.W_NS}" {DEL}/>'))
    element = doc.part.numbering_part.element
    for child in parse_xml(numbering):
        element.append(child)
    plan, result = imported(F.to_bytes(doc))
    assert [block.label for block in plan.prose_before if getattr(block, "label", None)] == ["I", "II"]
    assert [(item.stt, item.product) for _, _, item in plan.items()] == [("1.", "Kế hoạch CCHC"), ("2.", "Báo cáo rà soát")]
    assert not any(problem.code == "docx.no-product" for problem in result.problems)


def test_a_field_nested_in_a_fields_code_gives_only_the_outer_result():
    # IF { DOCPROPERTY Loai } = "NHÁP" "dự thảo" "chính thức": Word shows "dự thảo"; "NHÁP" is inside the IF's code.
    def run(inner: str) -> str:
        return f"<w:r>{inner}</w:r>"

    field = "".join([
        run('<w:t xml:space="preserve">Kế hoạch </w:t>'), run('<w:fldChar w:fldCharType="begin"/>'),
        run('<w:instrText xml:space="preserve"> IF </w:instrText>'), run('<w:fldChar w:fldCharType="begin"/>'),
        run('<w:instrText xml:space="preserve"> DOCPROPERTY Loai </w:instrText>'), run('<w:fldChar w:fldCharType="separate"/>'),
        run("<w:t>NHÁP</w:t>"), run('<w:fldChar w:fldCharType="end"/>'),
        run('<w:instrText xml:space="preserve"> = "NHÁP" "dự thảo" "chính thức" </w:instrText>'),
        run('<w:fldChar w:fldCharType="separate"/>'), run("<w:t>dự thảo</w:t>"), run('<w:fldChar w:fldCharType="end"/>'),
        run('<w:t xml:space="preserve"> năm 2021</w:t>'),
    ])
    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2021", bold=True, center=True)
    table = F.task_table(doc, [HEADINGS, [ROWS[0][0], "", *ROWS[0][2:]]])
    paragraph = table.cell(1, 1).paragraphs[0]._p
    for element in parse_xml(f'<w:p xmlns:w="{F.W_NS}">{field}</w:p>'):
        paragraph.append(element)
    plan, _ = imported(F.to_bytes(doc))
    assert [item.product for _, _, item in plan.items()] == ["Kế hoạch dự thảo năm 2021"]


def test_headings_typed_again_below_rows_of_a_continued_table_leave_those_rows_in_the_table():
    # The second part starts with rows of the first part's section, then its headings typed again: those rows were
    # taken for words before a new table, and the items after the headings were filed under the wrong section.
    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2021", bold=True, center=True)
    head = ["Nội dung", *HEADINGS]
    F.task_table(doc, [head, ["I. CẢI CÁCH THỂ CHẾ", *ROWS[0]]])
    F.task_table(doc, [["", *ROWS[1]], ["II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", *ROWS[2]], head,
                       ["", "4. Niêm yết", "Niêm yết thủ tục", "Sở Tư pháp", "Thường xuyên"]], heading_rows=0)
    plan, _ = imported(F.to_bytes(doc))
    assert [(s.numeral, item.product) for s, _, item in plan.items()] == [
        ("I", "Kế hoạch CCHC"), ("I", "Báo cáo rà soát"), ("II", "Báo cáo kiểm soát"), ("II", "Niêm yết thủ tục")]


def test_a_second_table_with_a_caption_row_above_its_headings_is_a_table_of_its_own():
    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2021", bold=True, center=True)
    F.task_table(doc, [HEADINGS, ROWS[0]])
    F.task_table(doc, [["DANH MỤC NHIỆM VỤ KHÁC", None, None, None], HEADINGS, ROWS[1]], merges=[((0, 0), (0, 3))], heading_rows=0)
    plan, _ = imported(F.to_bytes(doc))
    assert [item.product for _, _, item in plan.items()] == ["Kế hoạch CCHC", "Báo cáo rà soát"]


def test_a_table_continued_on_another_grid_is_read_on_by_its_cells():
    # A PDF converted to Word draws each part's grid anew (the product cell spans two grid columns there): the
    # second part, its section and its total were dropped as another table.
    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2021", bold=True, center=True)
    head = ["Nội dung", *HEADINGS, "Kinh phí (triệu đồng)"]
    F.task_table(doc, [head, ["I. CẢI CÁCH THỂ CHẾ", *ROWS[0], "10"]])
    second = [
        ["", ROWS[1][0], ROWS[1][1], None, *ROWS[1][2:], "20"],
        ["II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", ROWS[2][0], ROWS[2][1], None, *ROWS[2][2:], "5"],
        ["Tổng cộng", None, None, None, None, None, "35"],
    ]
    F.task_table(doc, second, merges=[((0, 2), (0, 3)), ((1, 2), (1, 3)), ((2, 0), (2, 5))], heading_rows=0)
    plan, _ = imported(F.to_bytes(doc))
    assert [(s.numeral, item.product, item.budget) for s, _, item in plan.items()] == [
        ("I", "Kế hoạch CCHC", 10), ("I", "Báo cáo rà soát", 20), ("II", "Báo cáo kiểm soát", 5)]
    assert plan.plan.total_million_vnd == 35


def test_the_cells_of_all_tables_together_are_bounded(monkeypatch):
    # Each table under its own bound, five of 9,000 rows took 88 s and 730 MB: the document's cells are bounded too.
    import cchc.inputs.docx_body as body

    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2021", bold=True, center=True)
    for _ in range(3):
        F.task_table(doc, [HEADINGS, *ROWS])
    data = F.to_bytes(doc)
    monkeypatch.setattr(body, "MAX_DOCUMENT_CELLS", 3 * 16)
    assert len(read_docx(data, "three.docx").data["sections"]) >= 1
    monkeypatch.setattr(body, "MAX_DOCUMENT_CELLS", 3 * 16 - 1)
    with pytest.raises(DocxRefused) as refused:
        read_docx(data, "three.docx")
    assert refused.value.key == "docx.too-many-cells"


def test_a_table_of_three_parts_each_on_its_own_grid_is_read_whole():
    # A PDF converted to Word draws every page's grid anew: the third part was dropped as another table.
    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2021", bold=True, center=True)
    F.task_table(doc, [HEADINGS, ROWS[0]])
    for n, extra in ((1, 1), (2, 2)):
        F.para(doc, f"- {n + 1} -", center=True)
        row = [ROWS[n][0], ROWS[n][1], *([None] * extra), *ROWS[n][2:]]  # the product's cell spans 1 + extra columns
        F.task_table(doc, [row], merges=[((0, 1), (0, 1 + extra))], heading_rows=0)
    plan, _ = imported(F.to_bytes(doc))
    assert [item.product for _, _, item in plan.items()] == ["Kế hoạch CCHC", "Báo cáo rà soát", "Báo cáo kiểm soát"]


def test_a_deleted_row_that_starts_a_merged_cell_leaves_its_text_to_the_rows_below():
    # The section's cell merged down from a row deleted as a tracked change: the rows below lost their section.
    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2021", bold=True, center=True)
    head = ["Nội dung", *HEADINGS]
    rows = [head, ["I. CẢI CÁCH THỂ CHẾ", *ROWS[0]], [None, *ROWS[1]], [None, *ROWS[2]],
            ["II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "4. Niêm yết", "Niêm yết thủ tục", "Sở Tư pháp", "Thường xuyên"]]
    table = F.task_table(doc, rows, merges=[((1, 0), (3, 0))])
    table.rows[1]._tr.get_or_add_trPr().append(parse_xml(f'<w:del xmlns:w="{F.W_NS}" {DEL}/>'))
    plan, _ = imported(F.to_bytes(doc))
    assert [(s.numeral, s.title, item.product) for s, _, item in plan.items()] == [
        ("I", "CẢI CÁCH THỂ CHẾ", "Báo cáo rà soát"), ("I", "CẢI CÁCH THỂ CHẾ", "Báo cáo kiểm soát"),
        ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "Niêm yết thủ tục")]


def test_a_table_with_rows_above_its_headings_on_another_grid_is_still_read_by_its_headings():
    # Not the part before drawn anew (other cells): a table of its own, whose headings were found, is not dropped.
    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2021", bold=True, center=True)
    F.task_table(doc, [HEADINGS, ROWS[0]])
    F.task_table(doc, [["Ghi chú", "x", "y"], HEADINGS[:3], ROWS[1][:3]], heading_rows=0)
    plan, _ = imported(F.to_bytes(doc))
    assert [item.product for _, _, item in plan.items()] == ["Kế hoạch CCHC", "Báo cáo rà soát"]


@pytest.mark.parametrize(("labels", "titles", "subtotals"), [
    (("I", "II"), ("CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"), False),
    (("I", "II"), ("Cải cách thể chế", "Cải cách thủ tục hành chính"), False),  # not in capitals
    (("A", "B"), ("CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"), False),  # lettered
    (("I", "II"), ("CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"), True),  # the title merged up to the sum it carries
])
def test_sections_in_stt_with_their_title_across_and_a_tasks_content_merged_down_stay_sections(labels, titles, subtotals):
    # "I" in the STT cell, the title merged across the other columns; a task's "Nội dung" merged down over its
    # products. The title's cell, spanning the Sản phẩm column too, read as a product: the Nội dung column was taken
    # for sections, and every task became a section of its own.
    headings = ["STT", "Nội dung", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Kinh phí (triệu đồng)"]
    rows = [
        [labels[0], titles[0], None, None, None, None, "8" if subtotals else None],
        ["1", "Rà soát văn bản", "Báo cáo rà soát", "Văn phòng Sở", "Thanh tra Sở", "Tháng 6/2023", "5"],
        ["", None, "Danh mục văn bản hết hiệu lực", "Văn phòng Sở", "Phòng Pháp chế", "Tháng 9/2023", "3"],
        [labels[1], titles[1], None, None, None, None, "12" if subtotals else None],
        ["1", "Công khai TTHC", "Danh mục TTHC được công khai", "Văn phòng Sở", "Trung tâm Phục vụ hành chính công tỉnh", "Thường xuyên", ""],
        ["2", "Số hóa hồ sơ", "Hồ sơ được số hóa 100%", "Phòng Nghiệp vụ Dược", "Văn phòng Sở", "Quý IV/2023", "12"],
    ]
    last = 5 if subtotals else 6
    merges = [((1, 1), (1, last)), ((4, 1), (4, last)), ((2, 1), (3, 1))]
    plan, result = imported(F.small_docx(rows, headings, "KẾ HOẠCH Cải cách hành chính năm 2023 của Sở Y tế", merges))
    assert [(s.numeral, s.title, len(s.tasks)) for s in plan.sections] == [(labels[0], titles[0], 1), (labels[1], titles[1], 2)]
    assert [(t.title, [i.product for i in t.items]) for s in plan.sections for t in s.tasks] == [
        ("Rà soát văn bản", ["Báo cáo rà soát", "Danh mục văn bản hết hiệu lực"]),
        ("Công khai TTHC", ["Danh mục TTHC được công khai"]),
        ("Số hóa hồ sơ", ["Hồ sơ được số hóa 100%"]),
    ]


def sliver_table(rows: list[list[tuple[str, int]]], widths: list[int], title: str = "KẾ HOẠCH Cải cách hành chính năm 2026") -> bytes:
    """A document of *title* and one table of grid columns *widths* (twips); each row's cells as (text, grid span)."""
    def cell(text: str, span: int) -> str:
        props = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
        return f"<w:tc>{props}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"

    grid = "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"
    body = "".join("<w:tr>" + "".join(cell(*c) for c in row) + "</w:tr>" for row in rows)
    return F.package(F.body_xml(f"<w:p><w:r><w:t>{title}</w:t></w:r></w:p><w:tbl>{grid}{body}</w:tbl><w:p/>"))


def test_a_cell_whose_border_is_a_hair_off_its_headings_is_read_under_it():
    # A border 10 twips off (dragged by hand; LibreOffice's .doc and .rtf) adds a grid column that wide: the budget
    # that started there was read into no field, a lead 20 twips off into the product's, "Tổng cộng" made a task.
    widths = [700, 2300, 20, 2500, 1700, 1400, 10, 1190]
    heading = [("STT", 1), ("Nhiệm vụ", 2), ("Sản phẩm", 1), ("Cơ quan chủ trì", 1), ("Thời gian hoàn thành", 1), ("Kinh phí (triệu đồng)", 2)]
    rows = [
        heading,
        [("I. CẢI CÁCH THỂ CHẾ", 8)],
        [("1", 1), ("Rà soát văn bản", 2), ("Báo cáo rà soát", 1), ("Sở Tư pháp", 1), ("Quý I/2026", 1), ("50", 2)],
        [("2", 1), ("Kiểm tra văn bản", 1), ("Báo cáo kiểm tra", 2), ("Sở Tư pháp", 1), ("Tháng 6/2026", 2), ("25,5", 1)],
        [("Tổng cộng", 6), ("75,5", 2)],
        [("Tổng cộng", 7), ("75,5", 1)],
    ]
    plan, result = imported(sliver_table(rows[:5], widths))
    assert [(i.product, i.lead, i.deadline, i.budget) for _, _, i in plan.items()] == [
        ("Báo cáo rà soát", ["Sở Tư pháp"], "Quý I/2026", 50),
        ("Báo cáo kiểm tra", ["Sở Tư pháp"], "Tháng 6/2026", 25.5),
    ]
    assert plan.plan.total_million_vnd == 75.5 and [a.name for a in plan.agencies] == ["Sở Tư pháp"]
    plan, _ = imported(sliver_table(rows[:4] + rows[5:], widths))
    assert plan.plan.total_million_vnd == 75.5 and len(list(plan.items())) == 2


def test_a_narrow_column_of_its_own_is_no_sliver():
    # A column 250 twips wide holding a cell of its own with text (a mark, a number) stays a column; one no cell
    # lies within alone goes, and the cells over it cover the columns beside it only. Without widths, nothing moves.
    from cchc.inputs.docx_body import Cell, Place
    from cchc.inputs.docx_slivers import without_slivers

    def row(r, *spans):  # (text, column, span)
        return [Cell(text, Place(table=1, row=r, column=c + 1), r, c, span, None) for text, c, span in spans]

    cells = [row(0, ("STT", 0, 1), ("Nhiệm vụ", 1, 2), ("Kinh phí", 3, 1)), row(1, ("1", 0, 1), ("Rà soát", 1, 1), ("50", 2, 2))]
    moved, width = without_slivers(cells, 4, [250, 2000, 10, 1200])
    assert width == 3 and [[(c.text, c.column, c.span) for c in line] for line in moved] == [
        [("STT", 0, 1), ("Nhiệm vụ", 1, 1), ("Kinh phí", 2, 1)], [("1", 0, 1), ("Rà soát", 1, 1), ("50", 2, 1)]]
    marked = [row(0, ("STT", 0, 1), ("Nhiệm vụ", 1, 1), ("!", 2, 1), ("Kinh phí", 3, 1)), cells[1]]  # "!" alone in it
    assert without_slivers(marked, 4, [250, 2000, 10, 1200]) == (marked, 4)
    assert without_slivers(cells, 4, [])[1] == 4 and without_slivers(cells, 4, [250, 2000, 10])[1] == 4


def test_no_break_spaces_and_tabs_in_an_agencys_name_are_plain_spaces():
    # "Sở\xa0Tư\xa0pháp" (Word's no-break spaces) was a name of its own, printed with them in JSON.
    rows = [["1. Rà soát", "Báo cáo", "Sở\u00a0Tư\u00a0pháp", "Quý I/2026"], ["2. Kiểm tra", "Kế hoạch", "Sở Tư pháp;\tSở  Nội vụ", "Quý\u00a0II/2026"]]
    plan, _ = imported(F.small_docx(rows))
    assert [i.lead for _, _, i in plan.items()] == [["Sở Tư pháp"], ["Sở Tư pháp", "Sở Nội vụ"]]
    assert sorted(a.name for a in plan.agencies) == ["Sở Nội vụ", "Sở Tư pháp"]
    assert [i.deadline for _, _, i in plan.items()][1] == "Quý\u00a0II/2026"  # other text is kept as written


@pytest.mark.parametrize("section", ["I. NHIỆM VỤ THỬ", "I. THỜI GIAN VÀ KINH PHÍ", "I. NỘI DUNG CÔNG VIỆC"])
@pytest.mark.parametrize("merged", [True, False])
def test_a_first_section_row_worded_like_a_heading_is_a_section_not_a_second_heading_row(section, merged):
    # Its words name a column ("nhiệm vụ", "kinh phí"), but a row across the table, or a labelled one, is a section's:
    # read as sub-headings, every column had lost its role and each item its lead, deadline and amount, exit 0.
    headings = ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Kinh phí (triệu đồng)"]
    cells = [
        headings,
        [section, None, None, None, None, None] if merged else ["", section, "", "", "", ""],
        ["1", "Kế hoạch cải cách hành chính năm 2022", "Phòng Nội vụ", "Các phòng, ban", "Tháng 01/2022", "5"],
        ["2", "Kiểm tra thi hành pháp luật", "Phòng Tư pháp", "UBND các xã", "Quý II/2022", "15,5"],
    ]
    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2022", bold=True, center=True)
    F.task_table(doc, cells, [((1, 0), (1, 5))] if merged else ())
    plan, result = imported(F.to_bytes(doc))
    [read] = plan.sections
    assert (read.numeral, read.title) == ("I", section[3:])
    items = [item for task in read.tasks for item in task.items]
    assert [(i.product, i.lead, i.partners, i.deadline, i.budget) for i in items] == [
        ("Kế hoạch cải cách hành chính năm 2022", ["Phòng Nội vụ"], ["Các phòng, ban"], "Tháng 01/2022", 5),
        ("Kiểm tra thi hành pháp luật", ["Phòng Tư pháp"], ["UBND các xã"], "Quý II/2022", Decimal("15.5")),
    ]
