"""Word documents for the import's tests, built with python-docx as an office would type them.

Each ``*_docx()`` returns the bytes of one document; ``EXPECTED_*`` holds the
rows its table must give back, as ``rows(plan)`` shows them. The hostile
files are made with ``zipfile`` directly (``package``), since python-docx
would never write them.
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement

CENTER = WD_ALIGN_PARAGRAPH.CENTER
MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def rows(plan) -> list[tuple]:
    """Every item as (section, task number, task title, stt, product, lead, partners, deadline, budget)."""
    return [
        (s.numeral, s.title, t.number, t.title, i.stt, i.product, tuple(i.lead), tuple(i.partners), i.deadline, i.budget)
        for s, t, i in plan.items()
    ]


# ---------------------------------------------------------------- building blocks


def document():
    return docx.Document()


def to_bytes(doc) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def para(container, text: str = "", *, bold: bool = False, center: bool = False, italic: bool = False, breaks: bool = True):
    """A paragraph; "\\n" in *text* becomes a line break (``w:br``) when *breaks*."""
    p = container.add_paragraph()
    if center:
        p.alignment = CENTER
    lines = text.split("\n") if breaks else [text]
    for position, line in enumerate(lines):
        run = p.add_run(line)
        run.bold, run.italic = bold or None, italic or None
        if position < len(lines) - 1:
            run.add_break()
    return p


def fill(cell, content) -> None:
    """Put *content* in *cell*: a string (line breaks as ``w:br``) or a list of paragraphs."""
    paragraphs = content if isinstance(content, list) else [content]
    first = cell.paragraphs[0]
    for position, text in enumerate(paragraphs):
        p = first if position == 0 else cell.add_paragraph()
        lines = text.split("\n")
        for k, line in enumerate(lines):
            run = p.add_run(line)
            if k < len(lines) - 1:
                run.add_break()


def letterhead(doc, left: list[str], number: str, date_line: str) -> None:
    """The borderless two-column block at the top: bodies and number left, motto and date right."""
    table = doc.add_table(rows=2, cols=2)
    fill(table.cell(0, 0), left)
    fill(table.cell(0, 1), MOTTO)
    fill(table.cell(1, 0), number)
    fill(table.cell(1, 1), date_line)


def signature(doc, recipients: list[str], signer: list[str]) -> None:
    """Nơi nhận on the left, the signature block on the right (a borderless table)."""
    table = doc.add_table(rows=1, cols=2)
    fill(table.cell(0, 0), ["Nơi nhận:"] + [f"- {r}" for r in recipients])
    fill(table.cell(0, 1), signer)


def heading_row(row) -> None:
    """Mark a row as the heading Word repeats on each page."""
    trPr = row._tr.get_or_add_trPr()
    trPr.append(OxmlElement("w:tblHeader"))


def task_table(doc, cells: list[list], merges=(), heading_rows: int = 1):
    """A table with a grid: *cells* row by row (None for a cell merged into another), then *merges* ((r1, c1), (r2, c2))."""
    table = doc.add_table(rows=0, cols=len(cells[0]))
    table.style = "Table Grid"
    grid = []
    for row in cells:
        # Cells are taken row by row as rows are added: table.cell(r, c) walks the whole table each time.
        row_cells = table.add_row().cells
        for cell, content in zip(row_cells, row):
            if content:
                fill(cell, content)
        grid.append(row_cells)
    for (r1, c1), (r2, c2) in merges:
        grid[r1][c1].merge(grid[r2][c2])
    for r in range(heading_rows):
        heading_row(table.rows[r])
    return table


# ---------------------------------------------------------------- a decision, section column merged down

DECISION_HEADINGS = ["Nội dung", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Kinh phí (dự kiến) (triệu đồng)"]


def decision_docx() -> bytes:
    """A decision approving a plan: merges in every column, vertical and horizontal; prose before and after."""
    doc = document()
    letterhead(doc, ["ỦY BAN NHÂN DÂN", "TỈNH THÁI BÌNH"], "Số: 3669/QĐ-UBND", "Thái Bình, ngày 31 tháng 12 năm 2020")
    para(doc, "QUYẾT ĐỊNH", bold=True, center=True)
    para(doc, "Về việc phê duyệt Kế hoạch công tác\ncải cách hành chính tỉnh Thái Bình năm 2021.", bold=True, center=True, breaks=False)
    para(doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH", bold=True, center=True)
    para(doc, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;", italic=True)
    para(doc, "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 2994/TTr-SNV ngày 24/12/2020.", italic=True)
    para(doc, "QUYẾT ĐỊNH:", bold=True, center=True)
    para(doc, "Điều 1. Phê duyệt kèm theo Quyết định này Kế hoạch công tác cải cách hành chính tỉnh Thái Bình năm 2021.")
    para(doc, "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.")
    para(doc, "Chánh Văn phòng Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành Quyết định này./.")
    signature(doc, ["Như Điều 2;", "Bộ Nội vụ;", "Lưu: VT, NC."], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Lại Văn Hoàn"])
    para(doc, "KẾ HOẠCH", bold=True, center=True)
    para(doc, "CÔNG TÁC CẢI CÁCH HÀNH CHÍNH TỈNH THÁI BÌNH NĂM 2021", bold=True, center=True)
    para(doc, "(Ban hành kèm theo Quyết định số 3669/QĐ-UBND ngày 31 tháng 12 năm 2020 của Ủy ban nhân dân tỉnh)", italic=True, center=True)
    para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    para(doc, "1. Mục đích")
    para(doc, "- Đẩy mạnh cải cách hành chính; Sở Thông tin và Truyền thông (Sở TT&TT) làm đầu mối về chuyển đổi số.")
    para(doc, "- Nâng cao chỉ số hài lòng.")
    para(doc, "2. Yêu cầu")
    para(doc, "a) Bám sát chương trình của tỉnh.")
    para(doc, "II. NHIỆM VỤ TRỌNG TÂM", bold=True)
    h = DECISION_HEADINGS
    table = [
        h,
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
        # I: section merged down over 4 rows; task 1 over 2; lead merged over 3 rows; deadline over 2.
        ["I. CẢI CÁCH THỂ CHẾ", "1. Xây dựng kế hoạch năm 2021", "Kế hoạch cải cách hành chính năm 2021", "Sở Nội vụ", "Các sở, ban, ngành", "Tháng 12/2020", "10"],
        [None, None, "Kế hoạch của các sở, ban, ngành\nvà các huyện", None, "Sở Tư pháp, Sở Nội vụ", None, "2,5"],
        [None, "2. Rà soát văn bản", "Báo cáo rà soát văn bản", None, ["Sở Tài chính; Sở Tư pháp"], "Quý II/2021", "Theo dự án"],
        # a blank task cell, not merged: taken to continue task 2 (a guess)
        [None, "", "Báo cáo kiểm tra văn bản", "Sở Tư pháp", "", "Thường xuyên", ""],
        # the heading row again, as typed on a new page
        h,
        # II: lead and partners merged across one row; budget merged over two rows
        ["II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "1. Công khai thủ tục hành chính", "Niêm yết thủ tục hành chính", "Văn phòng UBND tỉnh", None, "Hằng quý", "20"],
        [None, None, "Cổng dịch vụ công trực tuyến", ["Sở Thông tin và Truyền thông (Sở TT&TT)"], ["Các cơ quan, đơn vị có liên quan", "UBND các huyện, thành phố"], "Trong năm 2021", None],
        [None, "2. Chuyển đổi số", "Báo cáo chuyển đổi số", "Sở TT&TT", "Sở Tài chính", "6 tháng đầu năm 2021", "2.000,5"],
        ["Tổng cộng", None, None, None, None, None, "2.033"],
        ["Bằng chữ: Hai tỷ không trăm ba mươi ba triệu đồng", None, None, None, None, None, None],
    ]
    merges = [
        ((2, 0), (5, 0)),  # section I
        ((2, 1), (3, 1)),  # task I.1
        ((2, 3), (4, 3)),  # lead over three rows
        ((2, 5), (3, 5)),  # deadline over two rows
        ((7, 0), (9, 0)),  # section II
        ((7, 1), (8, 1)),  # task II.1
        ((7, 3), (7, 4)),  # lead across lead and partners
        ((7, 6), (8, 6)),  # budget over two rows
        ((10, 0), (10, 5)),  # Tổng cộng across
        ((11, 0), (11, 6)),  # Bằng chữ across the whole table
    ]
    task_table(doc, table, merges)
    para(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "Các sở, ban, ngành triển khai thực hiện Kế hoạch này.")
    para(doc, "1. Sở Nội vụ theo dõi, tổng hợp.")
    return to_bytes(doc)


EXPECTED_DECISION = [
    ("I", "CẢI CÁCH THỂ CHẾ", "1", "Xây dựng kế hoạch năm 2021", None, "Kế hoạch cải cách hành chính năm 2021",
     ("Sở Nội vụ",), ("Các sở, ban, ngành",), "Tháng 12/2020", 10),
    ("I", "CẢI CÁCH THỂ CHẾ", "1", "Xây dựng kế hoạch năm 2021", None, "Kế hoạch của các sở, ban, ngành\nvà các huyện",
     ("Sở Nội vụ",), ("Sở Tư pháp", "Sở Nội vụ"), "Tháng 12/2020", Decimal("2.5")),
    ("I", "CẢI CÁCH THỂ CHẾ", "2", "Rà soát văn bản", None, "Báo cáo rà soát văn bản",
     ("Sở Nội vụ",), ("Sở Tài chính", "Sở Tư pháp"), "Quý II/2021", "Theo dự án"),
    ("I", "CẢI CÁCH THỂ CHẾ", "2", "Rà soát văn bản", None, "Báo cáo kiểm tra văn bản",
     ("Sở Tư pháp",), (), "Thường xuyên", None),
    ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "1", "Công khai thủ tục hành chính", None, "Niêm yết thủ tục hành chính",
     ("Văn phòng UBND tỉnh",), (), "Hằng quý", 20),  # the lead's cell merged across Cơ quan phối hợp: not its own partner
    # The amount merged over two rows is theirs together: once, on the first (the table's total, 2.033, counts it once).
    ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "1", "Công khai thủ tục hành chính", None, "Cổng dịch vụ công trực tuyến",
     ("Sở Thông tin và Truyền thông",), ("Các cơ quan, đơn vị có liên quan", "UBND các huyện, thành phố"), "Trong năm 2021", None),
    ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "2", "Chuyển đổi số", None, "Báo cáo chuyển đổi số",
     ("Sở TT&TT",), ("Sở Tài chính",), "6 tháng đầu năm 2021", Decimal("2000.5")),
]


# ---------------------------------------------------------------- a kế hoạch, sections as rows across the table

PLAN_HEADINGS = ["STT", "Nội dung công việc", "Thời gian hoàn thành (dự kiến)", "Cơ quan, đơn vị chủ trì thực hiện", "Cơ quan phối hợp", "Sản phẩm"]


def plan_docx() -> bytes:
    """A plan issued on its own: an STT column, columns in another order, no money, sections as spanning rows."""
    doc = document()
    letterhead(doc, ["UBND TỈNH THÁI BÌNH", "SỞ TƯ PHÁP", "_______"], "Số: 12/KH-STP", "Thái Bình, ngày 15 tháng 01 năm 2026")
    para(doc, "KẾ HOẠCH", bold=True, center=True)
    para(doc, "Cải cách hành chính năm 2026 của Sở Tư pháp", bold=True, center=True)
    para(doc, "Căn cứ Kế hoạch cải cách hành chính năm 2026 của UBND tỉnh, Sở Tư pháp ban hành Kế hoạch như sau:")
    para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    para(doc, "1. Mục đích")
    para(doc, "Triển khai có hiệu quả công tác cải cách hành chính năm 2026 của Sở.")
    para(doc, "2. Yêu cầu")
    para(doc, "(1)")
    para(doc, "Bám sát chương trình cải cách hành chính của tỉnh.")
    para(doc, "(2) Gắn trách nhiệm người đứng đầu với kết quả thực hiện: đúng hạn, đúng nội dung.")
    para(doc, "II. NHIỆM VỤ TRỌNG TÂM", bold=True)
    h = PLAN_HEADINGS
    table = [
        h,
        ["I. CẢI CÁCH THỂ CHẾ", None, None, None, None, None],
        ["1", "Xây dựng văn bản quy phạm pháp luật", "Quý II/2026", "Phòng XD&KTVB", ["Văn phòng Sở", "Thanh tra Sở"], "Báo cáo thẩm định văn bản"],
        ["2", "Kiểm tra, rà soát văn bản", "Trước ngày 30/3", "", "", "Kế hoạch kiểm tra văn bản năm 2026"],
        h,
        ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", "", ""],
        ["3", "Niêm yết thủ tục hành chính", "Thường xuyên", "Phòng Hành chính tư pháp", "Các phòng, đơn vị thuộc Sở", "Niêm yết công khai thủ tục hành chính"],
    ]
    merges = [((1, 0), (1, 5))]
    task_table(doc, table, merges)
    para(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "Các phòng, đơn vị thuộc Sở triển khai thực hiện Kế hoạch này.")
    signature(doc, ["Sở Nội vụ;", "Lưu: VT, VP."], ["GIÁM ĐỐC", "Nguyễn Văn A"])
    return to_bytes(doc)


EXPECTED_PLAN = [
    ("I", "CẢI CÁCH THỂ CHẾ", None, "Xây dựng văn bản quy phạm pháp luật", "1", "Báo cáo thẩm định văn bản",
     ("Phòng XD&KTVB",), ("Văn phòng Sở", "Thanh tra Sở"), "Quý II/2026", None),
    ("I", "CẢI CÁCH THỂ CHẾ", None, "Kiểm tra, rà soát văn bản", "2", "Kế hoạch kiểm tra văn bản năm 2026",
     (), (), "Trước ngày 30/3", None),
    ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", None, "Niêm yết thủ tục hành chính", "3", "Niêm yết công khai thủ tục hành chính",
     ("Phòng Hành chính tư pháp",), ("Các phòng, đơn vị thuộc Sở",), "Thường xuyên", None),
]


# ---------------------------------------------------------------- the table in an appendix after the signature

APPENDIX_HEADINGS = ["STT", "Nhiệm vụ", "Sản phẩm", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn hoàn thành", "Kinh phí (triệu đồng)", "Chỉ tiêu"]


def appendix_docx() -> bytes:
    """A plan whose table is a Phụ lục after the signature, continued in a second table without headings."""
    doc = document()
    letterhead(doc, ["UBND TỈNH THÁI BÌNH", "UBND HUYỆN VŨ THƯ"], "Số: 45/KH-UBND", "Vũ Thư, ngày 20 tháng 01 năm 2026")
    para(doc, "KẾ HOẠCH Cải cách hành chính năm 2026", bold=True, center=True)
    para(doc, "I. MỤC ĐÍCH", bold=True)
    para(doc, "Nâng cao hiệu quả cải cách hành chính.")
    para(doc, "II. NHIỆM VỤ", bold=True)
    para(doc, "Chi tiết tại Phụ lục kèm theo.")
    signature(doc, ["UBND tỉnh;", "Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn B"])
    para(doc, "PHỤ LỤC", bold=True, center=True)
    para(doc, "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026", bold=True, center=True)
    h = APPENDIX_HEADINGS
    task_table(doc, [
        h,
        ["1", "Rà soát thủ tục hành chính", "Báo cáo rà soát", "Văn phòng HĐND và UBND huyện", "Phòng Tư pháp", "Hằng tháng", "40", "100%"],
        ["2", "Kiểm tra cải cách hành chính", "Kết luận kiểm tra", "Phòng Nội vụ", "", "Quý II và Quý IV/2026", "30", ""],
    ])
    task_table(doc, [
        ["3", "", "Báo cáo giải ngân", "Phòng Tài chính - Kế hoạch", "", "Chậm nhất là ngày 20 của tháng cuối kỳ báo cáo", "60", ""],
        ["", "Tổng cộng", None, None, None, None, "130", ""],
    ], merges=[((1, 1), (1, 5))], heading_rows=0)
    para(doc, "(Bằng chữ: Một trăm ba mươi triệu đồng)")
    return to_bytes(doc)


EXPECTED_APPENDIX = [
    ("1", None, None, "Rà soát thủ tục hành chính", "1", "Báo cáo rà soát", ("Văn phòng HĐND và UBND huyện",), ("Phòng Tư pháp",), "Hằng tháng", 40),
    ("1", None, None, "Kiểm tra cải cách hành chính", "2", "Kết luận kiểm tra", ("Phòng Nội vụ",), (), "Quý II và Quý IV/2026", 30),
    ("1", None, None, "Kiểm tra cải cách hành chính", "3", "Báo cáo giải ngân", ("Phòng Tài chính - Kế hoạch",), (), "Chậm nhất là ngày 20 của tháng cuối kỳ báo cáo", 60),
]


# ---------------------------------------------------------------- sections and tasks as rows, subtotals

ROWS_HEADINGS = ["STT", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Kinh phí (triệu đồng)"]


def task_rows_docx(task_in_stt: bool = False, subtotals: bool = True, subtotal_i: str = "15", subtotal_label: str = "Cộng mục I") -> bytes:
    """A kế hoạch whose sections ("I. …") and tasks ("1. …") are rows across the table, each section closed by a subtotal.

    With *task_in_stt* a task's number stands in the STT cell and its title is merged across the other columns;
    without *subtotals* no subtotal rows.
    """
    doc = document()
    para(doc, "KẾ HOẠCH", bold=True, center=True)
    para(doc, "Cải cách hành chính năm 2022 của Sở Tư pháp", bold=True, center=True)
    cells: list[list] = [ROWS_HEADINGS]
    merges = []

    def across(text: str, start: int = 0, end: int = 5, amount: str | None = None) -> None:
        row = [None] * 6
        row[start] = text
        if amount is not None:
            row[5] = amount
        cells.append(row)
        merges.append(((len(cells) - 1, start), (len(cells) - 1, end)))

    def task(number: str, title: str) -> None:
        if task_in_stt:
            across(title, start=1)
            cells[-1][0] = number
        else:
            across(f"{number}. {title}")

    across("I. CẢI CÁCH THỂ CHẾ")
    task("1", "Xây dựng văn bản quy phạm pháp luật")
    cells.append(["1", "Nghị quyết về phí", "Sở Tài chính", "Sở Tư pháp", "Quý II/2022", "10"])
    task("2", "Kiểm tra văn bản")
    cells.append(["2", "Báo cáo kiểm tra", "Sở Tư pháp", "", "Năm 2022", "5"])
    cells.append(["3", "Danh mục văn bản", "Sở Tư pháp", "", "Năm 2022", "Theo dự toán"])
    if subtotals:
        across(subtotal_label, end=4, amount=subtotal_i)
    across("II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
    task("1", "Rà soát thủ tục hành chính")
    cells.append(["4", "Báo cáo rà soát", "Văn phòng UBND tỉnh", "Sở Tư pháp", "Quý III/2022", "7,5"])
    if subtotals:
        across("Cộng mục II", end=4, amount="7,5")
    across("Tổng cộng", end=4, amount="22,5")
    task_table(doc, cells, merges)
    para(doc, "Bằng chữ: Hai mươi hai triệu năm trăm nghìn đồng")
    return to_bytes(doc)


EXPECTED_TASK_ROWS = [
    ("I", "CẢI CÁCH THỂ CHẾ", "1", "Xây dựng văn bản quy phạm pháp luật", "1", "Nghị quyết về phí", ("Sở Tài chính",), ("Sở Tư pháp",), "Quý II/2022", 10),
    ("I", "CẢI CÁCH THỂ CHẾ", "2", "Kiểm tra văn bản", "2", "Báo cáo kiểm tra", ("Sở Tư pháp",), (), "Năm 2022", 5),
    ("I", "CẢI CÁCH THỂ CHẾ", "2", "Kiểm tra văn bản", "3", "Danh mục văn bản", ("Sở Tư pháp",), (), "Năm 2022", "Theo dự toán"),
    ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "1", "Rà soát thủ tục hành chính", "4", "Báo cáo rà soát", ("Văn phòng UBND tỉnh",), ("Sở Tư pháp",), "Quý III/2022", Decimal("7.5")),
]


# ---------------------------------------------------------------- small documents


def small_docx(rows_: list[list], headings=("Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Thời gian hoàn thành"), title="KẾ HOẠCH Cải cách hành chính năm 2026", merges=()) -> bytes:
    """A plan with just a title and one table under the given headings (row 0), cells merged as *merges* say."""
    doc = document()
    para(doc, title, bold=True, center=True)
    task_table(doc, [list(headings)] + rows_, merges)
    return to_bytes(doc)


def many_rows_docx(count: int) -> bytes:
    """A decision-like plan with *count* item rows in eight sections (for timing)."""
    doc = document()
    letterhead(doc, ["ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH"], "Số: 1/QĐ-UBND", "Thái Bình, ngày 05 tháng 01 năm 2021")
    para(doc, "KẾ HOẠCH", bold=True, center=True)
    para(doc, "CẢI CÁCH HÀNH CHÍNH NĂM 2021", bold=True, center=True)
    cells = [DECISION_HEADINGS]
    merges = []
    per_section = max(count // 8, 1)
    for n in range(count):
        first = n % per_section == 0
        section = f"{'I II III IV V VI VII VIII IX X'.split()[min(n // per_section, 9)]}. MỤC {n // per_section + 1}" if first else None
        cells.append([section, f"{n + 1}. Nhiệm vụ số {n + 1}", f"Sản phẩm số {n + 1}: báo cáo, kế hoạch", ["Sở Nội vụ", "Sở Tư pháp"], "Các sở, ban, ngành", "Quý II/2021", str(n % 7)])
        if first and n:
            start = n + 1 - per_section
            merges.append(((start, 0), (n, 0)))
    task_table(doc, cells, merges)
    return to_bytes(doc)


# ---------------------------------------------------------------- hostile packages

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def body_xml(inner: str) -> str:
    """A document.xml whose body holds *inner*."""
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>{inner}</w:body></w:document>'


def package(document_xml: str | bytes | None, extra: dict[str, bytes] | None = None, compression=zipfile.ZIP_DEFLATED) -> bytes:
    """A zip with [Content_Types].xml, word/document.xml (unless None) and *extra* entries."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        if document_xml is not None:
            archive.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">' for n in range(1, 10))
    + f']><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
)


def external_entity(path: str) -> str:
    return (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY secret SYSTEM "file://{path}">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>'
    )


def nested_tables(depth: int) -> str:
    inner = "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl><w:p/>"
    return body_xml(inner)


def deep_xml(depth: int) -> str:
    return body_xml("<w:p>" + "<w:hyperlink>" * depth + "</w:hyperlink>" * depth + "</w:p>")


def wide_table(rows: int, columns: int) -> str:
    row = "<w:tr>" + "<w:tc><w:p/></w:tc>" * columns + "</w:tr>"
    return body_xml("<w:tbl>" + row * rows + "</w:tbl><w:p/>")


def ole_file(streams: list[str], sector_shift: int = 9) -> bytes:
    """A minimal OLE compound file (as .doc and password-protected .docx are): a header, one FAT sector and
    one directory sector holding the root entry and a stream entry per name (with no content)."""
    import struct

    size = 1 << sector_shift
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3 if sector_shift == 9 else 4, 0xFFFE, sector_shift, 6)
    struct.pack_into("<IIIIIIII", header, 40, 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE)  # 1 FAT sector; directory at 1
    struct.pack_into("<I", header, 72, 0)
    header[76:512] = struct.pack("<I", 0) + b"\xff" * 432  # the FAT is sector 0
    fat = bytearray(b"\xff" * size)
    struct.pack_into("<II", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE)  # sector 0: FAT; sector 1: the directory, one sector long
    directory = bytearray(size)
    for k, (name, kind) in enumerate([("Root Entry", 5)] + [(s, 2) for s in streams][: size // 128 - 1]):
        raw = (name + "\0").encode("utf-16-le")
        directory[128 * k : 128 * k + len(raw)] = raw
        struct.pack_into("<HB", directory, 128 * k + 64, len(raw), kind)
    return bytes(header) + b"\0" * (size - 512) + bytes(fat) + bytes(directory)

