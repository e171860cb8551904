"""The pieces of a Word document that cchc.outputs.docx lays out: text, paragraphs, page fields and table parts.

Every piece of plan text goes through ``clean`` on its way in: it is data,
written word for word (NFC), its line breaks kept, and the control
characters XML 1.0 cannot hold shown as ``\\x01`` instead of breaking the
file. This module imports python-docx; only cchc.outputs.docx's functions import it.
"""

from __future__ import annotations

import re
import unicodedata

from xml.sax.saxutils import escape

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from cchc.text import at_number_hyphens


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
WIDTHS = {STT: 5, SECTION: 11, TASK: 17, PRODUCT: 26, LEAD: 13, PARTNERS: 14, DEADLINE: 10, MONEY: 9}


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
        text = clean(text)
        if "/" in text and len(at_number_hyphens(text)) > 1:  # a document number: its hyphen is Word's non-breaking one
            run = paragraph.add_run()
            run._r.extend(parse_xml(f"<w:r {nsdecls('w')}>{run_content(text)}</w:r>"))
        else:
            run = paragraph.add_run(text)
        style_run(run, size=size, bold=bold, italic=italic)
    return paragraph


#: What python-docx writes for a run's tab and line break characters.
_SPECIAL = re.compile(r"([\t\r\n])")
_SPECIAL_XML = {"\t": "<w:tab/>", "\r": "<w:br/>", "\n": "<w:br/>"}


def run_content(text: str) -> str:
    """The XML of a run's content as python-docx writes *text* (tabs and line breaks as elements, the rest w:t,
    space-preserving when it starts or ends with white space), a document number's hyphen as Word's non-breaking
    one ("106/2020/NĐ-CP" stays on one line; read back as "-" by Word, python-docx, LibreOffice and cchc's import)."""
    parts = []
    for piece in _SPECIAL.split(text):
        if not piece:
            continue
        special = _SPECIAL_XML.get(piece)
        if special is not None:
            parts.append(special)
            continue
        for n, part in enumerate(at_number_hyphens(piece)):
            if n:
                parts.append("<w:noBreakHyphen/>")
            if not part:
                continue
            if len(part.strip()) < len(part):
                parts.append(f'<w:t xml:space="preserve">{escape(part)}</w:t>')
            else:
                parts.append(f"<w:t>{escape(part)}</w:t>")
    return "".join(parts)


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


def data_row(table):
    row = table.add_row()
    row_flags(row)
    return row.cells


def cell_text(cell, texts: list[str], *, bold=False, align=None, size=TABLE_PT) -> None:
    """Put each of *texts* in a paragraph of its own in *cell* (the first uses the cell's empty paragraph)."""
    paragraphs = [cell.paragraphs[0]] + [cell.add_paragraph() for _ in texts[1:]]
    for paragraph, text in zip(paragraphs, texts):
        fill(paragraph, text, size=size, bold=bold, align=align, before=1, after=1)


def keep_with_next(row) -> None:
    """Word keeps a row whose paragraphs all keep with the next on the page of the next row.

    Not a row free to split (too tall for a page, see docx_fit): LibreOffice would keep it whole, and cut it
    at the page's foot; such a row is left as it is.
    """
    if not row._tr.xpath("./w:trPr/w:cantSplit"):
        return
    for tc in row._tr.tc_lst:  # this row's own cells, not the merged cells above it
        for p in tc.p_lst:
            p.get_or_add_pPr().keepNext_val = True
