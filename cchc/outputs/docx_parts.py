"""The pieces of a Word document that cchc.outputs.docx lays out: text, paragraphs, page fields and the task table.

Every piece of plan text goes through ``clean`` on its way in: it is data,
written word for word (NFC), its line breaks kept, and the control
characters XML 1.0 cannot hold shown as ``\\x01`` instead of breaking the
file. This module imports python-docx; only cchc.outputs.docx's functions import it.
"""

from __future__ import annotations

import re
import unicodedata

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from cchc.query import leads

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT

# Characters XML 1.0 cannot hold (tab and newline it can; carriage returns are line breaks here).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NEWLINE = re.compile(r"\r\n|\r|\n")

#: The task table's columns: heading and relative width (the HTML template's).
STT, SECTION, TASK, PRODUCT, LEAD, PARTNERS, DEADLINE, MONEY = (
    "STT",
    "Nội dung",
    "Nhiệm vụ",
    "Sản phẩm",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời gian hoàn thành",
    "Kinh phí dự kiến (triệu đồng)",
)
_WIDTHS = {STT: 4, SECTION: 11, TASK: 17, PRODUCT: 26, LEAD: 13, PARTNERS: 14, DEADLINE: 10, MONEY: 9}


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text) -> str:
    """*text* as Word may hold it: NFC, one kind of line break, unholdable characters shown as ``\\x01``.

    Trailing line breaks (a YAML ``|`` block ends with one) are dropped, not printed as a blank line.
    """
    text = _NEWLINE.sub("\n", str(text))
    text = _NOT_XML.sub(_visible, text)
    return unicodedata.normalize("NFC", text).rstrip("\n")


def lines(text) -> list[str]:
    """The lines of *text*, cleaned: each becomes a paragraph of its own in a table cell."""
    return clean(text).split("\n")


def style_run(run, *, size: float | None = None, bold: bool = False, italic: bool = False) -> None:
    font = run.font
    if size is not None:
        font.size = Pt(size)
    if bold:
        font.bold = True
    if italic:
        font.italic = True


def fill(paragraph, text="", *, size=None, bold=False, italic=False, align=None, indent=None, before=0, after=0, keep_next=False):
    """Give *paragraph* its text (line breaks kept as breaks) and its format; returns it."""
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if align is not None:
        paragraph.alignment = align
    if indent is not None:
        fmt.first_line_indent = indent
    if keep_next:
        fmt.keep_with_next = True
    if text:
        style_run(paragraph.add_run(clean(text)), size=size, bold=bold, italic=italic)
    return paragraph


def add(container, text="", **format):
    """A new paragraph at the end of *container* (the document, a cell, a header)."""
    return fill(container.add_paragraph(), text, **format)


def tiny(paragraph) -> None:
    """Make an empty paragraph 1 pt high: it only carries a section break or ends a cell."""
    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(1)


def rule(container, length, room, *, after=6) -> None:
    """A short solid line of *length*, centred in *room*: the rule under the issuer, the motto, the title."""
    paragraph = add(container, before=3, after=after)
    fmt = paragraph.paragraph_format
    side = max(0, (room - length) // 2)
    fmt.left_indent = fmt.right_indent = side
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(4)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    # pBdr comes before spacing, ind and jc in a w:pPr.
    paragraph._p.get_or_add_pPr().insert_element_before(
        borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
        "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
        "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
        "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
        "w:rPr", "w:sectPr", "w:pPrChange",
    )


def page_field(paragraph, size: float) -> None:
    """A PAGE field: the page's number, counted through the whole file."""

    def run(*children):
        r = paragraph.add_run()
        style_run(r, size=size)
        for child in children:
            r._r.append(child)

    def char(kind):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    shown = OxmlElement("w:t")
    shown.text = "1"
    run(char("begin"))
    run(instr)
    run(char("separate"))
    run(shown)
    run(char("end"))


def cell_margins(table, left_right: int, top_bottom: int = 0) -> None:
    """Cell padding of *table*, in twentieths of a point."""
    margins = OxmlElement("w:tblCellMar")
    for side, width in (("w:top", top_bottom), ("w:left", left_right), ("w:bottom", top_bottom), ("w:right", left_right)):
        element = OxmlElement(side)
        element.set(qn("w:w"), str(width))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def grid_lines(table) -> None:
    """Thin solid lines around and between every cell."""
    borders = OxmlElement("w:tblBorders")
    for side in ("w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"):
        element = OxmlElement(side)
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
            element.set(qn(key), value)
        borders.append(element)
    table._tbl.tblPr.insert_element_before(
        borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange"
    )


def new_table(doc, widths: list[int]):
    """A table with fixed columns of *widths* (EMU), full width of the text column."""
    table = doc.add_table(rows=0, cols=len(widths))
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
    total = table._tbl.tblPr.find(qn("w:tblW"))  # python-docx starts every table with an "auto" one
    total.set(qn("w:w"), str(sum(widths) // 635))  # EMU -> twentieths of a point
    total.set(qn("w:type"), "dxa")
    return table


def row_flags(row, *, heading: bool = False) -> None:
    """Rows are never split across pages; the heading row repeats at the top of every page."""
    trPr = row._tr.get_or_add_trPr()
    trPr.insert_element_before(OxmlElement("w:cantSplit"), "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden")
    if heading:
        trPr.insert_element_before(OxmlElement("w:tblHeader"), "w:tblCellSpacing", "w:jc", "w:hidden")


def _data_row(table):
    row = table.add_row()
    row_flags(row)
    return row.cells


def cell_text(cell, texts: list[str], *, bold=False, align=None, size=TABLE_PT) -> None:
    """Put each of *texts* in a paragraph of its own in *cell* (the first uses the cell's empty paragraph)."""
    paragraphs = [cell.paragraphs[0]] + [cell.add_paragraph() for _ in texts[1:]]
    for paragraph, text in zip(paragraphs, texts):
        fill(paragraph, text, size=size, bold=bold, align=align, before=1, after=1)


def columns_of(view) -> list[str]:
    """The task table's headings, STT and money only when the view has them."""
    heads = [SECTION, TASK, PRODUCT, LEAD, PARTNERS, DEADLINE]
    return ([STT] if view.has_stt else []) + heads + ([MONEY] if view.has_money else [])


def task_table(doc, view, width: int):
    """The table of sections, tasks and items, with its total row; *width* is the text column's, in EMU.

    One heading row (repeated on each page); a section's cell and a task's cell are
    merged down over their items; agencies stand one per line; "Tổng cộng" is the last row.
    """
    heads = columns_of(view)
    weights = [_WIDTHS[h] for h in heads]
    widths = [width * w // sum(weights) for w in weights]
    table = new_table(doc, widths)
    grid_lines(table)
    cell_margins(table, 70, 20)

    row = table.add_row()
    row_flags(row, heading=True)
    for cell, head in zip(row.cells, heads):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        cell_text(cell, [head], bold=True, align=CENTER)

    if not view.sections:
        cells = _data_row(table)
        cell_text(cells[0].merge(cells[-1]), ["Không có nhiệm vụ nào."], align=CENTER)
    from cchc.outputs.docx_rows import RowWriter, append_rows

    writer = RowWriter([tc.tcPr.find(qn("w:tcW")).get(qn("w:w")) for tc in row._tr.tc_lst])
    append_rows(table._tbl, _item_rows(view, heads, writer))

    if view.has_money and view.totals.shown is not None:
        # The total row does not stand alone on a page: the last item's row keeps with it, and it with the words.
        _keep_with_next(table.rows[-1])
        cells = _data_row(table)
        cell_text(cells[0].merge(cells[-2]), [view.totals.label], bold=True, align=CENTER)
        cell_text(cells[-1], [view.totals.shown], bold=True, align=RIGHT)
        _keep_with_next(table.rows[-1])
    return table


def _item_rows(view, heads: list[str], writer):
    """Each item's row as XML: the cells ``cell_text`` would fill, a section's and a task's merged down over their items."""
    items = {item.id: item for _, _, item in view.plan.items()}
    at = {head: i for i, head in enumerate(heads)}
    empty = "<w:p/>"
    below = {SECTION: 0, TASK: 0}  # rows still under a merged cell, per column
    for section in view.sections:
        for r in section.rows:
            item = items.get(r.item_id)
            lead_names = leads(item, view.plan) if item is not None else [r.lead]
            partners = list(item.partners) if item is not None else [r.partners]
            cells = [""] * len(heads)
            for head, span, text, bold in ((SECTION, r.section_rowspan, section.heading, True), (TASK, r.task_rowspan, r.task, False)):
                column = at[head]
                if span:  # the cell's text, merged down over the next span - 1 rows
                    below[head] = span - 1
                    cells[column] = writer.cell(column, writer.paragraphs(lines(text), bold=bold), "restart" if span > 1 else None)
                elif below[head]:
                    below[head] -= 1
                    cells[column] = writer.cell(column, empty, "")
                else:
                    cells[column] = writer.cell(column, empty)
            if view.has_stt:
                cells[at[STT]] = writer.cell(at[STT], writer.paragraphs(lines(r.stt), align="center"))
            cells[at[PRODUCT]] = writer.cell(at[PRODUCT], writer.paragraphs(lines(r.product)))
            cells[at[LEAD]] = writer.cell(at[LEAD], writer.paragraphs([line for name in lead_names for line in lines(name)]))
            cells[at[PARTNERS]] = writer.cell(at[PARTNERS], writer.paragraphs([line for name in partners for line in lines(name)]))
            cells[at[DEADLINE]] = writer.cell(at[DEADLINE], writer.paragraphs(lines(r.deadline)))
            if view.has_money:
                cells[at[MONEY]] = writer.cell(at[MONEY], writer.paragraphs(lines(r.budget), align="right" if r.is_amount else None))
            yield f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(cells)}</w:tr>"


def _keep_with_next(row) -> None:
    """Word keeps a row whose paragraphs all keep with the next on the page of the next row."""
    for tc in row._tr.tc_lst:  # this row's own cells, not the merged cells above it
        for p in tc.p_lst:
            p.get_or_add_pPr().keepNext_val = True
