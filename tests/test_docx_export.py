"""Tests for cchc.outputs.docx: the plan as a Word document, read back as Word and LibreOffice read it.

The document is read back with python-docx (sections, fonts, the table's cells and
merges, headers) and, where LibreOffice and poppler are installed, converted to PDF
and read as a person would (page sizes, page numbers, every product's text, the
table's heading on every landscape page). Without soffice or pdfinfo the PDF tests
skip, except under CI=true, where they fail.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from cchc.agencies import AgencyRegistry
from cchc.load import load_plan
from cchc.outputs.docx import render_docx
from cchc.outputs.view import build_view
from conftest import DATA, PLAN

DEPARTMENT = DATA / "valid" / "ke-hoach-so-tu-phap.yaml"  # kế hoạch: prose, STT, default lead, no money
DISTRICT = DATA / "valid" / "ke-hoach-huyen.yaml"  # kế hoạch: sections 1, 2, 3 and money
HOSTILE = DATA / "render" / "hostile.yaml"
HEADINGS = ["Nội dung", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
MONEY = "Kinh phí dự kiến (triệu đồng)"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _plan(path: Path):
    loaded = load_plan(path)
    assert loaded.plan is not None, loaded.problems
    return loaded.plan


@pytest.fixture(scope="module")
def plans():
    return {name: _plan(path) for name, path in (("2021", PLAN), ("department", DEPARTMENT), ("district", DISTRICT), ("hostile", HOSTILE))}


@pytest.fixture(scope="module")
def files(plans):
    return {name: render_docx(build_view(plan)) for name, plan in plans.items()}


def read(data: bytes):
    return docx.Document(io.BytesIO(data))


def task_table(document):
    tables = [t for t in document.tables if t.rows and "Sản phẩm" in [c.text for c in t.rows[0].cells]]
    assert len(tables) == 1
    return tables[0]


def closing_cells(document):
    """The recipients' cell and the signature's."""
    tables = [t for t in document.tables if t.rows[0].cells[0].text.startswith("Nơi nhận:")]
    assert len(tables) == 1
    return tables[0].rows[0].cells


def item_rows(table):
    """The rows of items: every row but the heading row and the total row."""
    rows = list(table.rows)[1:]
    if rows and {"Tổng cộng", "Cộng phần trích"} & {c.text for c in rows[-1].cells}:
        rows = rows[:-1]
    return rows


def paragraphs(document) -> list[Paragraph]:
    """Every paragraph of the body in reading order, table cells included."""
    return [Paragraph(p, None) for p in document.element.body.iter(f"{W}p")]


def paragraph_texts(document) -> list[str]:
    return [p.text for p in paragraphs(document)]


def all_text(document) -> str:
    return "\n".join(paragraph_texts(document))


def paragraph_with(document, text: str) -> Paragraph:
    found = [p for p in paragraphs(document) if p.text == text]
    assert found, f"no paragraph reads {text!r}"
    return found[0]


def orientations(document) -> list[str]:
    return ["landscape" if s.orientation == WD_ORIENT.LANDSCAPE else "portrait" for s in document.sections]


# --- pages --------------------------------------------------------------------------------


def test_a_decision_is_portrait_then_its_plan_landscape(files):
    assert orientations(read(files["2021"])) == ["portrait", "landscape"]


def test_a_ke_hoach_is_portrait_then_its_table_landscape_then_portrait_again(files):
    document = read(files["department"])
    assert orientations(document) == ["portrait", "landscape", "portrait"]
    # The closing prose and the signature block sit on the last, portrait, pages.
    texts = all_text(document)
    assert texts.index("Sản phẩm") < texts.index("TỔ CHỨC THỰC HIỆN") < texts.rindex("Nơi nhận:")


def test_a_ke_hoach_with_no_closing_prose_signs_on_its_tables_page(files):
    """Nothing but the signature after the table: it follows the table in its landscape section, as in the HTML."""
    document = read(files["district"])
    assert orientations(document) == ["portrait", "landscape"]
    body = [e for e in document.element.body if e.tag in (f"{W}p", f"{W}tbl")]
    tables = [e for e in body if e.tag == f"{W}tbl"]
    assert "Nơi nhận:" in "".join(tables[-1].itertext()) and "Sản phẩm" in "".join(tables[-2].itertext())
    # Between them only the total's words and a small space, each keeping with the next, as the total row does.
    between = body[body.index(tables[-2]) + 1 : body.index(tables[-1])]
    assert [Paragraph(p, None).text for p in between] == [
        "Tổng kinh phí: 150.000.000đ (Bằng chữ: Một trăm năm mươi triệu đồng chẵn)", ""
    ]
    assert all(Paragraph(p, None).paragraph_format.keep_with_next for p in between)
    assert task_table(document)._tbl.tr_lst[-1].xpath(".//w:keepNext")
    closing = [t for t in document.tables if t.rows[0].cells[0].text.startswith("Nơi nhận:")][0]
    assert abs(sum(c.width for c in closing.columns) - Mm(252)) < Mm(1)  # the landscape page's width


def test_the_signature_keeps_with_what_comes_before_it(files):
    for name, before in (("2021", "Chánh Văn phòng Ủy ban"), ("department", "Các phòng, đơn vị thuộc Sở")):
        document = read(files[name])
        body = [e for e in document.element.body if e.tag in (f"{W}p", f"{W}tbl")]
        closing = [e for e in body if e.tag == f"{W}tbl" and "".join(e.itertext()).startswith("Nơi nhận:")][0]
        spacer, last = (Paragraph(p, None) for p in body[body.index(closing) - 1 : body.index(closing) - 3 : -1])
        assert last.text.startswith(before) and last.paragraph_format.keep_with_next, name
        assert spacer.text == "" and spacer.paragraph_format.keep_with_next, name


def test_pages_are_a4_with_the_decrees_margins(files):
    for name, data in files.items():
        for section in read(data).sections:
            short, long = sorted([section.page_width, section.page_height])
            assert abs(short - Mm(210)) < Mm(0.5) and abs(long - Mm(297)) < Mm(0.5), name
            assert (section.page_width > section.page_height) == (section.orientation == WD_ORIENT.LANDSCAPE)
            assert Mm(20) <= section.top_margin <= Mm(25) and Mm(20) <= section.bottom_margin <= Mm(25)
            assert Mm(30) <= section.left_margin <= Mm(35)
            assert Mm(15) <= section.right_margin <= Mm(20)


def test_page_numbers_start_on_page_two_and_run_through_the_file(files):
    for name, data in files.items():
        document = read(data)
        sections = document.sections
        assert sections[0].different_first_page_header_footer, name
        first = sections[0].first_page_header
        assert not first.is_linked_to_previous and "".join(p.text for p in first.paragraphs).strip() == ""
        assert not first._element.xpath(".//w:instrText"), "page 1 has no number"
        for position, section in enumerate(sections):
            assert not section.header.is_linked_to_previous
            fields = [t.text.strip() for t in section.header._element.xpath(".//w:instrText")]
            assert fields == ["PAGE"], (name, position)
            assert section.header.paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
            if position:
                assert not section.different_first_page_header_footer  # a later section's first page is numbered
        # Numbering continues across sections: none restarts it.
        assert not document.element.body.xpath(".//w:pgNumType[@w:start]")


# --- fonts ----------------------------------------------------------------------------------


def test_text_is_times_new_roman_14_and_12_in_the_table(files):
    for name, data in files.items():
        document = read(data)
        defaults = document.styles.element.find(f"{W}docDefaults").find(f"{W}rPrDefault").find(f"{W}rPr")
        fonts = defaults.find(f"{W}rFonts")
        assert {fonts.get(f"{W}{k}") for k in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Times New Roman"}
        assert not [k for k in fonts.keys() if k.endswith("Theme")]  # a theme font would win over the name
        normal = document.styles["Normal"]
        assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
        # No run names another font.
        assert not document.element.body.xpath(".//w:rFonts")
        body_sizes = {r.font.size for p in document.paragraphs for r in p.runs}
        assert body_sizes <= {None, Pt(13), Pt(14)}, (name, body_sizes)  # None: the 14 pt of Normal
        table_sizes = {r.font.size for row in task_table(document).rows for c in row.cells for p in c.paragraphs for r in p.runs}
        assert table_sizes == {Pt(12)}, name


# --- the header block, the decision, the signature ------------------------------------------


def test_the_header_block_of_a_decision(files):
    document = read(files["2021"])
    letterhead = document.tables[0]
    issuer, nation = letterhead.rows[0].cells
    # Its place on a line of its own, whole: Word would end the line wherever it is full ("… TỈNH / THÁI BÌNH").
    assert [p.text for p in issuer.paragraphs if p.text] == ["ỦY BAN NHÂN DÂN\nTỈNH THÁI BÌNH"]
    assert [p.text for p in nation.paragraphs if p.text] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert all(r.bold for p in nation.paragraphs for r in p.runs)
    # A short solid rule under the issuer and under the motto.
    for cell in (issuer, nation):
        rules = cell._tc.xpath(".//w:pPr/w:pBdr/w:top[@w:val='single']")
        assert len(rules) == 1
    number, date = letterhead.rows[1].cells
    assert number.text == "Số: 3669/QĐ-UBND"
    assert date.text == "Thái Bình, ngày 31 tháng 12 năm 2020"
    assert all(r.italic for r in date.paragraphs[0].runs)


def test_a_plan_issued_on_its_own_prints_its_superior_and_ke_hoach_number(files):
    document = read(files["department"])
    issuer, _ = document.tables[0].rows[0].cells
    assert [p.text for p in issuer.paragraphs if p.text] == ["UBND TỈNH THÁI BÌNH", "SỞ TƯ PHÁP"]
    superior, body = [p for p in issuer.paragraphs if p.text]
    assert not superior.runs[0].bold and body.runs[0].bold
    assert document.tables[0].rows[1].cells[0].text == "Số: 12/KH-STP"
    texts = paragraph_texts(document)
    assert "QUYẾT ĐỊNH" not in texts and "KẾ HOẠCH" in texts
    assert "Cải cách hành chính năm 2026 của Sở Tư pháp" in texts


def test_the_decision_prints_bases_in_italics_and_articles_with_their_numbers(files, plans):
    document = read(files["2021"])
    decision = plans["2021"].decision
    for basis in decision.legal_bases:
        paragraph = paragraph_with(document, basis)
        assert all(r.italic for r in paragraph.runs)
    assert paragraph_with(document, "QUYẾT ĐỊNH:").runs[0].bold
    first = paragraph_with(document, "Điều 1. " + decision.articles[0].paragraphs[0])
    assert first.runs[0].text == "Điều 1. " and first.runs[0].bold and not first.runs[1].bold


def test_prose_blocks_keep_their_numbering_as_written(files):
    texts = paragraph_texts(read(files["department"]))
    order = ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu", "(1) Bám sát chương trình cải cách hành chính của tỉnh.",
             "(2) Gắn trách nhiệm người đứng đầu với kết quả thực hiện: đúng hạn, đúng nội dung.", "II. NHIỆM VỤ TRỌNG TÂM",
             "Sản phẩm", "III. TỔ CHỨC THỰC HIỆN"]
    positions = [texts.index(text) for text in order]
    assert positions == sorted(positions)
    assert "(1)" not in texts  # a bare label opens its point's text on the same line, as the PDF and HTML print it


def test_the_signature_block_and_recipients(files):
    recipients, signature = closing_cells(read(files["2021"]))
    assert [p.text for p in signature.paragraphs if p.text] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lại Văn Hoàn"]
    label = recipients.paragraphs[0]
    assert label.text == "Nơi nhận:" and label.runs[0].bold and label.runs[0].italic and label.runs[0].font.size == Pt(12)
    assert [p.text for p in recipients.paragraphs[1:]] == ["- Như Điều 3;", "- Bộ Nội vụ;", "- Chủ tịch, các PCTUBND tỉnh;", "- LĐ VP UBND tỉnh;", "- Lưu: VT, NC."]
    assert {r.font.size for p in recipients.paragraphs[1:] for r in p.runs} == {Pt(11)}
    # A head signing in their own name has no authority line.
    department = closing_cells(read(files["department"]))[1]
    assert [p.text for p in department.paragraphs if p.text] == ["GIÁM ĐỐC", "Nguyễn Văn A"]


# --- the task table ---------------------------------------------------------------------------


def test_the_heading_row_has_the_columns_the_view_has(files):
    expected = {
        "2021": [h if h != "Cơ quan chủ trì" else "Cơ quan chủ trì tham mưu hoặc thực hiện" for h in HEADINGS] + [MONEY],  # its own
        "department": ["STT"] + HEADINGS,
        # No task of the district's plan is named: no "Nhiệm vụ" column, empty on every row.
        "district": [h for h in HEADINGS if h != "Nhiệm vụ"] + [MONEY],
    }
    for name, headings in expected.items():
        assert [c.text for c in task_table(read(files[name])).rows[0].cells] == headings, name


def test_the_heading_row_repeats_on_every_page_and_no_row_splits(files):
    for name, data in files.items():
        rows = task_table(read(data))._tbl.tr_lst
        assert rows[0].xpath("./w:trPr/w:tblHeader"), name
        assert not [tr for tr in rows[1:] if tr.xpath("./w:trPr/w:tblHeader")]
        assert all(tr.xpath("./w:trPr/w:cantSplit") for tr in rows), name


def _vmerge(tr, column: int) -> str | None:
    """"restart", "continue" or None for the cell at *column* (no row here has a horizontal span)."""
    tc = tr.xpath("./w:tc")[column]
    merge = tc.xpath("./w:tcPr/w:vMerge")
    if not merge:
        return None
    return merge[0].get(qn("w:val")) or "continue"


def _expected_merges(sizes: list[int]) -> list[str | None]:
    marks: list[str | None] = []
    for size in sizes:
        marks += [None] if size == 1 else ["restart"] + ["continue"] * (size - 1)
    return marks


def test_sections_and_tasks_are_merged_down_over_their_items(files, plans):
    for name in ("2021", "department", "district"):
        plan = plans[name]
        table = task_table(read(files[name]))
        rows = item_rows(table)
        offset = 1 if name == "department" else 0  # the STT column
        section_sizes = [sum(len(t.items) for t in s.tasks) for s in plan.sections if any(t.items for t in s.tasks)]
        task_sizes = [len(t.items) for s in plan.sections for t in s.tasks if t.items]
        assert [_vmerge(r._tr, offset) for r in rows] == _expected_merges(section_sizes), name
        if name == "district":  # no task of it is named: no task column, the product follows the section
            assert [(r.cells[offset].text, r.cells[offset + 1].text) for r in rows] == [(s.heading, i.product) for s, _, i in plan.items()]
            continue
        assert [_vmerge(r._tr, offset + 1) for r in rows] == _expected_merges(task_sizes), name
        # Read back as a reader sees the merged cells: each item's row shows its section and task.
        expected = [(s.heading, t.label) for s, t, _ in plan.items()]
        assert [(r.cells[offset].text, r.cells[offset + 1].text) for r in rows] == expected, name
    first_section = task_table(read(files["2021"])).rows[1].cells[0]
    assert first_section.text == "I. CẢI CÁCH THỂ CHẾ" and first_section.paragraphs[0].runs[0].bold


def test_every_product_is_word_for_word_in_its_own_cell(files, plans):
    for name, plan in plans.items():
        table = task_table(read(files[name]))
        column = [c.text for c in table.rows[0].cells].index("Sản phẩm")
        products = [r.cells[column].text for r in item_rows(table)]
        assert products == [unicodedata.normalize("NFC", i.product.rstrip("\n")) for _, _, i in plan.items()], name


def test_a_product_of_several_lines_keeps_its_lines(files):
    table = task_table(read(files["hostile"]))
    cell = item_rows(table)[1].cells[2]
    assert [p.text for p in cell.paragraphs] == [
        "Dòng một có a | b và **bold**",
        "Dòng hai có R&D, `code`, [link](x) và <b>tag</b>",
        "# Dòng ba giống tiêu đề",
    ]


def test_agencies_stand_one_per_line_and_a_blank_lead_is_the_default(files):
    table = task_table(read(files["department"]))
    rows = {r.cells[0].text: r for r in item_rows(table)}  # by STT
    assert [p.text for p in rows["4"].cells[5].paragraphs] == ["Phòng HCTP", "Thanh tra Sở"]
    assert [p.text for p in rows["2"].cells[4].paragraphs] == ["Văn phòng Sở"]  # the plan's default lead
    assert [p.text for p in rows["1"].cells[5].paragraphs] == ["Các phòng, đơn vị thuộc Sở"]
    district = item_rows(task_table(read(files["district"])))
    assert [p.text for p in district[0].cells[3].paragraphs] == ["Các cơ quan, đơn vị thuộc UBND huyện", "UBND các xã, thị trấn"]


def test_the_total_row_comes_last_with_the_amount_in_words(files):
    for name, total, words in (
        ("2021", "200", "Tổng kinh phí: 200.000.000đ (Bằng chữ: Hai trăm triệu đồng chẵn)"),
        ("district", "150", "Tổng kinh phí: 150.000.000đ (Bằng chữ: Một trăm năm mươi triệu đồng chẵn)"),
    ):
        document = read(files[name])
        table = task_table(document)
        last = table.rows[-1]
        assert len(last._tr.tc_lst) == 2 and last._tr.tc_lst[0].xpath("./w:tcPr/w:gridSpan/@w:val") == [str(len(table.columns) - 1)]
        assert [c.text for c in last.cells][-2:] == ["Tổng cộng", total]
        assert all(r.bold for c in last.cells for p in c.paragraphs for r in p.runs)
        assert words in paragraph_texts(document), name
    amounts = [r.cells[-1].text for r in item_rows(task_table(read(files["2021"])))]
    assert amounts[:3] == ["10", "", "20"] and "Theo dự án" in amounts


def test_no_made_up_zero_when_a_plan_declares_no_figure(files):
    document = read(files["department"])
    texts = paragraph_texts(document)
    assert "Kinh phí: Theo nguồn kinh phí thường xuyên" in texts
    body = all_text(document)
    assert "Tổng cộng" not in body and "Tổng kinh phí" not in body
    assert "0đ" not in body and "0 đồng" not in body and "Không đồng" not in body


def test_editors_notes_are_not_part_of_the_document(files, plans):
    for name in ("2021", "hostile"):
        notes = [i.note for _, _, i in plans[name].items() if i.note]
        assert notes, name
        with zipfile.ZipFile(io.BytesIO(files[name])) as package:
            xml = b"".join(package.read(n) for n in package.namelist() if n.endswith(".xml")).decode("utf-8")
        body = all_text(read(files[name]))
        for note in notes:
            assert note not in body
        assert "Ghi chú" not in xml and "người biên tập" not in xml


# --- kinds and extracts ----------------------------------------------------------------------------


def test_a_plan_written_inside_the_decisions_first_article(tmp_path):
    text = PLAN.read_text(encoding="utf-8")
    text = text.replace("  signer:\n    authority: KT. CHỦ TỊCH", "  plan_in_article: 1\n  signer:\n    authority: KT. CHỦ TỊCH", 1)
    prose = (
        "\nprose_before:\n  - label: I\n    title: MỤC ĐÍCH, YÊU CẦU\n    paragraphs:\n      - Nội dung mục đích.\n"
        "prose_after:\n  - label: III\n    title: TỔ CHỨC THỰC HIỆN\n    paragraphs:\n      - Nội dung tổ chức.\n"
    )
    text = text.replace("\nsections:\n", prose + "sections:\n", 1)
    path = tmp_path / "inline.yaml"
    path.write_text(text, encoding="utf-8")
    document = read(render_docx(build_view(_plan(path))))
    assert orientations(document) == ["portrait", "landscape", "portrait"]
    body = all_text(document)
    order = ["Điều 1.", "MỤC ĐÍCH, YÊU CẦU", "Sản phẩm", "Tổng cộng", "TỔ CHỨC THỰC HIỆN", "Điều 2.", "Điều 3.", "Nơi nhận:"]
    positions = [body.index(text) for text in order]
    assert positions == sorted(positions)
    assert "KẾ HOẠCH\n" not in body  # no separate title: the plan is the article's text


def test_an_extract_is_the_table_alone(plans):
    plan = plans["2021"]
    document = read(render_docx(build_view(plan, section="II")))
    assert orientations(document) == ["landscape"]
    texts = paragraph_texts(document)
    assert "QUYẾT ĐỊNH" not in texts and "Nơi nhận:" not in texts
    assert any(t.startswith("Trích: Mục II.") for t in texts)
    table = task_table(document)
    products = [r.cells[2].text for r in item_rows(table)]
    assert products == [i.product for s, _, i in plan.items() if s.numeral == "II"]
    assert [c.text for c in table.rows[-1].cells][-2] == "Cộng phần trích"
    agency = AgencyRegistry(plan.agencies).resolve("Sở Tư pháp")
    view = build_view(plan, agency=agency)
    by_agency = read(render_docx(view))
    assert any("Sở Tư pháp" in t and t.startswith("Trích:") for t in paragraph_texts(by_agency))
    kept = [r.product for s in view.sections for r in s.rows]
    assert 0 < len(kept) < len(list(plan.items()))
    assert [r.cells[2].text for r in item_rows(task_table(by_agency))] == kept
    assert "Tổng kinh phí toàn kế hoạch: 200 triệu đồng" in paragraph_texts(by_agency)


# --- hostile text, determinism ------------------------------------------------------------------------


def test_hostile_text_is_printed_as_data(files):
    document = read(files["hostile"])
    texts = paragraph_texts(document)
    assert "Về việc phê duyệt <script>alert(1)</script> | **Kế hoạch** thử" in texts
    assert "Căn cứ <a href=\"javascript:alert(1)\">Luật</a> & R&D;" in texts
    assert "- Như Điều 3 | <script>alert(1)</script>;" in texts
    assert "Nguyễn Văn <Thử>" in texts
    cells = {c.text for r in item_rows(task_table(document)) for c in r.cells}
    assert {"<script>alert(1)</script> sản phẩm", "Theo <dự án>", "Sở <script>alert(1)</script>"} <= {
        line for cell in cells for line in cell.split("\n")
    }


def test_characters_xml_cannot_hold_are_shown_not_fatal(tmp_path):
    text = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("product: Kế hoạch thử nghiệm", 'product: "Kế hoạch\\x01 thử\\x0bnghiệm\\r\\ndòng hai\\uFFFE"')
    text = text.replace("title: KẾ HOẠCH THỬ NGHIỆM", 'title: "KẾ HOẠCH\\x1f THỬ NGHIỆM"')
    path = tmp_path / "control.yaml"
    path.write_text(text, encoding="utf-8")
    plan = _plan(path)
    assert "\x01" in next(plan.items())[2].product
    document = read(render_docx(build_view(plan)))
    cell = item_rows(task_table(document))[0].cells[2]
    assert [p.text for p in cell.paragraphs] == ["Kế hoạch\\x01 thử\\x0bnghiệm", "dòng hai\\ufffe"]
    assert "THỬ NGHIỆM" in document.core_properties.title and "\\x1f" in document.core_properties.title


def test_decomposed_text_is_written_composed(tmp_path):
    text = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    decomposed = unicodedata.normalize("NFD", "Báo cáo thử nghiệm")
    path = tmp_path / "nfd.yaml"
    path.write_text(text.replace("product: Báo cáo thử nghiệm", f"product: {decomposed}"), encoding="utf-8")
    cell = item_rows(task_table(read(render_docx(build_view(_plan(path))))))[1].cells[2]
    assert cell.text == "Báo cáo thử nghiệm" and cell.text != decomposed


def test_the_same_plan_gives_the_same_bytes(plans, files):
    again = render_docx(build_view(plans["2021"]))
    assert again == files["2021"]
    with zipfile.ZipFile(io.BytesIO(again)) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert not [n for n in package.namelist() if "thumbnail" in n]
    core = read(again).core_properties
    assert core.created.date().isoformat() == "2020-12-31" == core.modified.date().isoformat()
    assert core.title == "KẾ HOẠCH CÔNG TÁC CẢI CÁCH HÀNH CHÍNH TỈNH THÁI BÌNH NĂM 2021"
    assert core.language == "vi-VN" and core.author == "ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH"
    extract = read(render_docx(build_view(plans["2021"], section="II"))).core_properties
    assert extract.title == "KẾ HOẠCH CÔNG TÁC CẢI CÁCH HÀNH CHÍNH TỈNH THÁI BÌNH NĂM 2021 (Trích: Mục II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH)"


def test_another_process_in_another_time_zone_gives_the_same_bytes(files, tmp_path):
    target = tmp_path / "again.docx"
    script = (
        "import sys; from cchc.load import load_plan; from cchc.outputs.view import build_view; "
        "from cchc.outputs.docx import render_docx; "
        "open(sys.argv[2], 'wb').write(render_docx(build_view(load_plan(sys.argv[1]).plan)))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "7", "TZ": "Asia/Ho_Chi_Minh"}
    subprocess.run([sys.executable, "-c", script, str(PLAN), str(target)], check=True, env=env, cwd=PLAN.parent.parent)
    assert target.read_bytes() == files["2021"]


def test_the_cli_writes_the_word_file(run, tmp_path, files):
    target = tmp_path / "plan.docx"
    result = run("render", "--plan", PLAN, "--format", "docx", "-o", target)
    assert result.exit_code == 0, result
    assert target.read_bytes() == files["2021"]


# --- read by LibreOffice, checked with poppler --------------------------------------------------------


def _tools_or_skip() -> tuple[str, str, str]:
    tools = [shutil.which(name) for name in ("soffice", "pdfinfo", "pdftotext")]
    if None in tools:
        message = "LibreOffice (soffice) and poppler (pdfinfo, pdftotext) are needed to read the .docx as an outside reader"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return tools[0], tools[1], tools[2]


@pytest.fixture(scope="module")
def pdfs(files, tmp_path_factory):
    """The 2021 plan and the two kế hoạch converted to PDF by LibreOffice, with a fresh profile."""
    soffice, _, _ = _tools_or_skip()
    work = tmp_path_factory.mktemp("docx-pdf")
    sources = []
    for name in ("2021", "department", "district"):
        path = work / f"{name}.docx"
        path.write_bytes(files[name])
        sources.append(str(path))
    profile = (work / "profile").as_uri()
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(work), *sources],
        capture_output=True, text=True, timeout=300,
    )
    converted = {name: work / f"{name}.pdf" for name in ("2021", "department", "district")}
    missing = [name for name, path in converted.items() if not path.exists()]
    assert not missing, f"LibreOffice did not convert {missing}: {result.stdout}{result.stderr}"
    return converted


def _pages(pdf: Path) -> list[tuple[float, float]]:
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)]


def _text(pdf: Path, *args: str) -> str:
    out = subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFC", out)


def _squeeze(text: str) -> str:
    """Text without white space: a line wrapped inside a table cell reads the same."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def test_libreoffice_prints_portrait_pages_then_landscape_ones(pdfs):
    for name, tail in (("2021", []), ("department", ["portrait"]), ("district", [])):
        pages = _pages(pdfs[name])
        for w, h in pages:
            assert sorted([round(w), round(h)]) == [595, 842], name  # A4
        kinds = ["landscape" if w > h else "portrait" for w, h in pages]
        landscape = kinds.count("landscape")
        assert landscape >= 1
        assert kinds == ["portrait"] * (len(kinds) - landscape - len(tail)) + ["landscape"] * landscape + tail, (name, kinds)
    assert len(_pages(pdfs["2021"])) >= 3  # the table runs over several landscape pages


def test_libreoffice_shows_every_product(pdfs, plans):
    for name in ("2021", "department", "district"):
        text = _squeeze(_text(pdfs[name], "-raw"))
        missing = [i.id for _, _, i in plans[name].items() if _squeeze(i.product) not in text]
        assert not missing, name
    assert _squeeze("Tổng kinh phí: 200.000.000đ (Bằng chữ: Hai trăm triệu đồng chẵn)") in _squeeze(_text(pdfs["2021"], "-raw"))


def test_libreoffice_keeps_each_document_number_on_one_line(pdfs, plans):
    # A hyphen ending a line is read as a word's hyphenation: pdftotext (without -raw) read "QĐ-" + "UBND" as "QĐUBND".
    from cchc.text import DOCUMENT_NUMBER

    for name in ("2021", "department", "district"):
        text = _squeeze(_text(pdfs[name]))
        numbers = {n for _, _, item in plans[name].items() for n in DOCUMENT_NUMBER.findall(item.product)}
        assert numbers or name != "2021"
        missing = [n for n in sorted(numbers) if n not in text]
        assert not missing, (name, missing)


def test_a_document_numbers_hyphen_is_words_non_breaking_one_read_back_as_a_hyphen(files, plans):
    document = read(files["2021"])
    hyphens = document.element.body.findall(f".//{W}noBreakHyphen")
    assert len(hyphens) >= 10  # "106/2020/NĐ-CP", "3669/QĐ-UBND", … in the table and the prose
    text = all_text(document)
    for _, _, item in plans["2021"].items():
        assert item.product.splitlines()[0] in text, item.id  # python-docx reads the hyphen back
    from cchc.text import DOCUMENT_NUMBER

    assert not [t.text for t in document.element.body.iter(f"{W}t") if DOCUMENT_NUMBER.search(t.text or "")]


def test_libreoffice_repeats_the_heading_row_on_every_landscape_page(pdfs):
    for name in ("2021", "department", "district"):
        for number, (w, h) in enumerate(_pages(pdfs[name]), start=1):
            if w > h:
                page = _squeeze(_text(pdfs[name], "-f", str(number), "-l", str(number)))
                assert _squeeze("Cơ quan chủ trì") in page and _squeeze("Sản phẩm") in page, (name, number)


def test_libreoffice_numbers_pages_from_two_in_the_top_margin(pdfs):
    for name in ("2021", "department", "district"):
        for number, (w, h) in enumerate(_pages(pdfs[name]), start=1):
            strip = _text(pdfs[name], "-f", str(number), "-l", str(number), "-x", "0", "-y", "0", "-W", str(int(w)), "-H", "50")
            assert strip.split() == ([] if number == 1 else [str(number)]), (name, number)


def test_libreoffice_prints_the_issuers_place_on_a_line_of_its_own(pdfs):
    w, _ = _pages(pdfs["2021"])[0]
    column = _text(pdfs["2021"], "-layout", "-f", "1", "-l", "1", "-x", "0", "-y", "0", "-W", str(int(w * 0.42)), "-H", "140")
    lines = [" ".join(line.split()) for line in column.splitlines() if line.strip()]
    assert lines[:3] == ["ỦY BAN NHÂN DÂN", "TỈNH THÁI BÌNH", "Số: 3669/QĐ-UBND"], lines


@pytest.mark.parametrize(
    "issuer, paragraph",
    [
        ("Ủy ban nhân dân tỉnh Hà Nam", "Ủy ban nhân dân\ntỉnh Hà Nam"),  # printed in capitals (all caps)
        ("SỞ NỘI VỤ TỈNH HÀ NAM", "SỞ NỘI VỤ TỈNH HÀ NAM"),  # fits on a line
        ("BỘ CHỈ HUY QUÂN SỰ TỈNH BÀ RỊA - VŨNG TÀU", "BỘ CHỈ HUY QUÂN SỰ\nTỈNH BÀ RỊA - VŨNG TÀU"),
        ("VĂN PHÒNG ỦY BAN NHÂN DÂN", "VĂN PHÒNG ỦY BAN NHÂN DÂN"),  # no place
        # Too wide for Word's 62 mm column though not for the HTML's 66 mm: Word had split "… TỈNH THÁI / BÌNH".
        ("CỤC THUẾ TỈNH THÁI BÌNH", "CỤC THUẾ\nTỈNH THÁI BÌNH"),
        ("BẢO HIỂM XÃ HỘI TỈNH HÀ NAM", "BẢO HIỂM XÃ HỘI\nTỈNH HÀ NAM"),  # "XÃ HỘI" is no commune
        # The place fits whole on the body's last line: no line of its own ("NHÂN DÂN" had been left alone).
        ("VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN VÀ ỦY BAN NHÂN DÂN XÃ VŨ HỘI", "VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN VÀ ỦY BAN NHÂN DÂN XÃ VŨ HỘI"),
    ],
)
def test_an_issuers_place_goes_to_a_line_of_its_own_when_the_name_does_not_fit(plans, issuer, paragraph):
    plan = plans["2021"]
    plan = plan.model_copy(update={"decision": plan.decision.model_copy(update={"issuer": issuer})})
    cell = read(render_docx(build_view(plan))).tables[0].rows[0].cells[0]
    assert [p.text for p in cell.paragraphs if p.text] == [paragraph]


def test_the_heading_over_the_table_opens_the_tables_landscape_section(files):
    # "II. NHIỆM VỤ TRỌNG TÂM" ends the prose before the table: it goes on the table's page, kept with it.
    document = read(files["department"])
    body = list(document.element.body)
    heading = next(i for i, el in enumerate(body) if el.tag == qn("w:p") and Paragraph(el, document._body).text == "II. NHIỆM VỤ TRỌNG TÂM")
    breaks = [i for i, el in enumerate(body) if el.tag == qn("w:p") and el.find(qn("w:pPr") + "/" + qn("w:sectPr")) is not None]
    table = next(i for i, el in enumerate(body) if el.tag == qn("w:tbl") and el is task_table(document)._tbl)
    assert breaks and breaks[0] < heading < table  # after the portrait section's break, before the table
    assert document.sections[1].orientation == WD_ORIENT.LANDSCAPE
    assert body[heading].find(qn("w:pPr") + "/" + qn("w:keepNext")) is not None


def _numbered(plan):
    """*plan* with its items numbered in an STT column."""
    sections = [
        section.model_copy(update={"tasks": [task.model_copy(update={"items": [item.model_copy(update={"stt": str(n + 1)}) for n, item in enumerate(task.items)]})
                                             for task in section.tasks]})
        for section in plan.sections
    ]
    return plan.model_copy(update={"sections": sections})


@pytest.mark.parametrize("name", ["2021", "department", "district", "district with STT"])
def test_every_heading_word_fits_its_column(plans, files, name):
    # "STT" in bold 12 pt is 22.7 pt wide: with the money column too, its column left 20.4 pt between the cell's
    # margins, and Word and LibreOffice printed "ST" over "T" on every page.
    from cchc.outputs.pdf_fonts import faces

    bold = faces([Path(__file__).resolve().parent.parent / "cchc" / "fonts" / "LiberationSerif-Bold.ttf"])[0]
    data = render_docx(build_view(_numbered(plans["district"]))) if name == "district with STT" else files[name]
    table = task_table(read(data))
    assert name != "district with STT" or table.rows[0].cells[0].text == "STT"
    margins = {side.tag: int(side.get(qn("w:w"))) for side in table._tbl.tblPr.find(qn("w:tblCellMar"))}
    room_twips = [int(col.get(qn("w:w"))) - margins[qn("w:left")] - margins[qn("w:right")] for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    for cell, room in zip(table.rows[0].cells, room_twips):
        for word in cell.text.split():
            assert bold.width(word) * 12 * 20 <= room, (word, bold.width(word) * 12, room / 20)
