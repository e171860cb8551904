"""The body of a Word document as the import reads it: paragraphs with their text and look, tables as grids.

A paragraph's text is what Word shows: runs, tabs and line breaks, inserted
text, hyperlinks and content controls, its automatic number (from the
numbering part) in front; deleted text and field codes are left out. A table
becomes a grid of rows by grid columns, built from the cell XML itself
(``w:gridBefore``, ``w:gridSpan``, ``w:vMerge``, the old ``w:hMerge``): every
grid position knows the cell that covers it, so a cell merged over three rows
or two columns gives its text to each. Places are counted as a person finds
them: the Nth paragraph of the body, table T row R column C (grid columns),
from 1. A text box (VML ``v:textbox`` or DrawingML ``wps:txbx``, one of the
two an ``mc:AlternateContent`` holds) is drawn by a run of a paragraph: its
paragraphs come just before that paragraph, at its place, as paragraphs of
their own (a letterhead's two blocks are often two text boxes).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from cchc.inputs.docx_slivers import grid_widths, without_slivers
from cchc.inputs.docx_nested import MAX_COLUMNS, MAX_NESTING, P, TBL, TC, TR
from cchc.inputs.docx_nested import ROW_DELETED as _ROW_DELETED
from cchc.inputs.docx_nested import children as _children, grid_before as _grid_before, live_rows as _live_rows, table_rows
from cchc.inputs.docx_package import DocxRefused
from cchc.inputs.docx_styles import FALSE as _FALSE, VAL as _VAL, Numbering, Styles, int_between as _int, legacy_font, own_property, qn, symbol_char
from cchc.text import nfc

#: Rows of one table, grid columns of one table (Word allows 63), and their product.
MAX_ROWS = 10_000
MAX_CELLS = 200_000
#: Cells of all the document's tables together, as many as one table may have: a plan has some thousands; 9,000
#: rows in each of five tables took 88 s to read.
MAX_DOCUMENT_CELLS = 200_000
#: Paragraphs of the whole document (body, cells, text boxes): three a cell of as many cells as the tables may have;
#: a plan has some thousands. 5 million empty ones (30 MB, within the part's size) took 34 s to read.
MAX_PARAGRAPHS = 3 * MAX_DOCUMENT_CELLS

R, T = qn("r"), qn("t")
# Elements whose children hold the text of a paragraph (or the rows, cells, paragraphs of a table).
_INLINE_CONTAINERS = {qn(n) for n in ("hyperlink", "ins", "smartTag", "customXml", "sdt", "sdtContent", "fldSimple", "moveTo", "dir", "bdo")}
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_ALTERNATE, _CHOICE, _FALLBACK = _MC + "AlternateContent", _MC + "Choice", _MC + "Fallback"
_BREAKS = {qn("br"), qn("cr")}
#: What a run holds a drawing in (shapes, groups, canvases), and a text box's content.
_DRAWN = {qn("pict"), qn("drawing"), qn("object"), _ALTERNATE}
_BOX = qn("txbxContent")
#: A paragraph whose mark is deleted as a tracked change.
_MARK_DELETED = f"{qn('rPr')}/{qn('del')}"


@dataclass(frozen=True, order=True)
class Place:
    """Where something is in the document: body paragraph N, or table T row R column C (all from 1)."""

    paragraph: int = 0
    table: int = 0
    row: int = 0
    column: int = 0

    def args(self) -> dict:
        """The place as message arguments."""
        if self.table:
            return {"table": self.table, "row": self.row, "column": self.column}
        return {"paragraph": self.paragraph}


@dataclass
class Para:
    """A paragraph: its text (NFC, lines right-trimmed, line breaks as "\\n"), where it is, and its look."""

    text: str
    place: Place
    bold: bool = False
    centered: bool = False
    #: What the paragraph is known to be from where it stands (a signature table's first line: "signer").
    landmark: str | None = None
    #: Its mark deleted (a tracked change): Word, the change accepted, runs it on into the next paragraph.
    joins_next: bool = False


@dataclass
class Cell:
    """One ``w:tc``: its text (paragraphs joined by line breaks), its first grid column, span and vertical merge."""

    text: str
    place: Place
    row: int
    column: int
    span: int
    vmerge: str | None  # None, "restart" or "continue"
    paragraphs: list[Para] = field(default_factory=list)


@dataclass(frozen=True)
class Slot:
    """A grid position: the cell covering it (a merge's first cell) and whether that cell starts in this row."""

    cell: Cell
    own: bool


@dataclass
class Grid:
    """A table: ``slots[row][column]`` (None where no cell is), its cells by row, and the rows marked as headings."""

    index: int
    width: int
    slots: list[list[Slot | None]]
    cells: list[list[Cell]]
    heading_rows: set[int]

    def text(self, row: int, column: int) -> str:
        slot = self.slots[row][column]
        return slot.cell.text if slot is not None else ""

    def paragraphs(self) -> list[Para]:
        """Every paragraph of the table, row by row, cell by cell."""
        return [p for row in self.cells for cell in row for p in cell.paragraphs]


class Body:
    """Reads a document body into paragraphs and grids, in order."""

    def __init__(self, styles: Styles, numbering: Numbering):
        self.styles = styles
        self.numbering = numbering
        self.tables = 0
        self.cells_read = 0
        self.nested: dict = {}  # each table's rows as ``table_rows`` reads them, found once
        self.paragraphs_read = 0
        #: Symbols (Insert > Symbol) of a font cchc has no table for, shown as U+FFFD: (place, font, code).
        self.unknown_symbols: list[tuple[Place, str, str]] = []
        #: Where a footnote or an endnote is referred to: its text, in a part of its own, is not read.
        self.notes: list[Place] = []
        #: Text typed in a TCVN3 or VNI font, in that font's old encoding: (the font, how many such characters).
        self.legacy: dict[str, int] = {}

    def read(self, document) -> list[Para | Grid]:
        """The body's paragraphs (empty ones too, for their numbers) and tables, in reading order."""
        body = document.find(qn("body"))
        out: list[Para | Grid] = []
        if body is None:
            return out
        paragraphs = 0
        for element in _children(body, (P, TBL)):
            if element.tag == P:
                paragraphs += 1
                out.extend(self.paragraphs(element, Place(paragraph=paragraphs), 0))
            else:
                self.tables += 1
                out.extend(self._unwrapped(element, self.tables, 1))
        return out

    def _unwrapped(self, tbl, index: int, depth: int) -> list[Para | Grid]:
        """A table as a grid; but a table of one cell only (a frame a document converted from a PDF or a web page
        puts around its content) holding a table is what it holds: its paragraphs and tables, in order."""
        rows = _live_rows(list(_children(tbl, (TR,))))
        cells = list(_children(rows[0], (TC,))) if len(rows) == 1 else []
        if len(cells) != 1 or not any(True for _ in _children(cells[0], (TBL,))):
            return [self.table(tbl, index, depth)]
        if depth > MAX_NESTING:
            raise DocxRefused("docx.too-deep", part="word/document.xml")
        out: list[Para | Grid] = []
        place = Place(table=index, row=1, column=1)
        for element in _children(cells[0], (P, TBL)):
            if element.tag == P:
                out.extend(self.paragraphs(element, place, depth))
            else:
                self.tables += 1
                out.extend(self._unwrapped(element, self.tables, depth + 1))
        return out

    def paragraphs(self, p, place: Place, depth: int) -> list[Para]:
        """The paragraphs of the text boxes *p* anchors, in order, then *p* itself: all at *place*. *depth* is how
        deep *p* is in tables and text boxes; DocxRefused when a box would be deeper than MAX_NESTING."""
        boxes: list[Para] = []
        own = self.paragraph(p, place, boxes, depth)
        boxes.append(own)
        return boxes

    def _boxes(self, run, place: Place, out: list[Para], depth: int) -> None:
        """Add to *out* the paragraphs of the text boxes *run* draws (tables in them as their paragraphs)."""
        for box in _text_boxes(run):
            if depth + 1 > MAX_NESTING:
                raise DocxRefused("docx.too-deep", part="word/document.xml")
            for element in _children(box, (P, TBL)):
                if element.tag == P:
                    out.extend(self.paragraphs(element, place, depth + 1))
                else:
                    out.extend(dataclasses.replace(para, place=place) for para in self.table(element, place.table, depth + 1).paragraphs())

    def paragraph(self, p, place: Place, boxes: list[Para] | None = None, depth: int = 0) -> Para:
        """A paragraph's text as Word shows it, with its automatic number in front; the paragraphs of the text
        boxes its runs draw go to *boxes* (left out when None), never into its text."""
        self.paragraphs_read += 1
        if self.paragraphs_read > MAX_PARAGRAPHS:
            raise DocxRefused("docx.too-many-paragraphs", limit=MAX_PARAGRAPHS)
        ppr = p.find(qn("pPr"))
        style = ppr.find(qn("pStyle")) if ppr is not None else None
        style_id = style.get(_VAL) if style is not None else None
        style_bold, style_caps = bool(self.styles.bold(style_id)), bool(self.styles.caps(style_id))
        style_hidden, style_raised = bool(self.styles.get(style_id, "hidden")), self.styles.get(style_id, "raised")
        style_font = self.styles.get(style_id or self.styles.default_paragraph, "font") or self.styles.default_font
        parts: list[str] = []
        fields: list[bool] = []  # the complex fields the runs are in (``_run_text``)
        bold = True
        seen_text = False
        stack = [iter(p)]
        while stack:
            for element in stack[-1]:
                tag = element.tag
                if tag == R:
                    has = self._run_has if element.find(_RPR) is not None else _paragraph_s  # no properties: the paragraph's
                    if has(element, "hidden", style_hidden):  # Font > Hidden: Word neither shows nor prints it
                        continue
                    if boxes is not None:
                        self._boxes(element, place, boxes, depth)
                    run_text = _run_text(element, place, self.unknown_symbols, fields)
                    if has(element, "caps", style_caps):  # Font > All caps: Word shows and prints capitals
                        run_text = run_text.upper()
                    raised = _RAISED.get(has(element, "raised", style_raised)) if run_text else None
                    if raised is not None and any(map(str.isdigit, run_text)):  # a footnote's 1 after 20: Word shows 20¹
                        run_text = run_text.translate(raised)
                    self._note_legacy(element, run_text, style_font)
                    if element.find(_FOOTNOTE) is not None or element.find(_ENDNOTE) is not None:
                        self.notes.append(place)
                    if run_text.strip():
                        seen_text = True
                        bold = bold and has(element, "bold", style_bold)
                    parts.append(run_text)
                elif tag in _INLINE_CONTAINERS:
                    stack.append(iter(element))
                    break
                elif tag == _ALTERNATE:  # what was saved for readers that lack the newer feature, else the feature's own
                    choice = element.find(_FALLBACK)
                    choice = choice if choice is not None else element.find(_CHOICE)
                    if choice is not None:
                        stack.append(iter(choice))
                        break
            else:
                stack.pop()
        text = _clean("".join(parts))
        mark_deleted = ppr is not None and ppr.find(_MARK_DELETED) is not None
        if not text and mark_deleted:
            return Para(text, place)  # deleted whole, its mark too (tracked): no paragraph, so no number taken
        mark_hidden = own_property(ppr, "hidden") if ppr is not None else None  # its mark hidden: a number alone is too
        numbered = own_property(p, "numbering") or self.styles.numbering(style_id)
        if numbered is not None:
            # An empty numbered paragraph still takes its number, as Word counts it.
            label = self.numbering.label(*numbered)
            if label and text:
                text = f"{label} {text}"
            elif label and place.table and any(ch.isalnum() for ch in label) and not (style_hidden if mark_hidden is None else mark_hidden):
                # a cell Word numbers alone (STT); a hidden paragraph takes its number, but shows none
                text = label
        centered = own_property(p, "centered")
        if centered is None:
            centered = bool(self.styles.centered(style_id))
        return Para(text, place, bold=bold and seen_text, centered=centered, joins_next=mark_deleted)

    def _note_legacy(self, run, text: str, style_font: str | None) -> None:
        """Count the characters of *text* a TCVN3 or VNI font shows as Vietnamese letters (Latin-1 ones, in a run
        with no letter of Unicode's Vietnamese): the document then needs converting to Unicode first."""
        if text.isascii() or any(ord(char) > 0xFF for char in text):
            return
        font = own_property(run, "font") or style_font
        if legacy_font(font):
            self.legacy[font] = self.legacy.get(font, 0) + sum(ord(char) > 0x7F for char in text)

    def _run_has(self, run, what: str, by_paragraph_style):
        """Whether a run is bold, all caps or hidden, or how it is raised (*what*): set on it, else by its character
        style, else its paragraph's."""
        direct = own_property(run, what)
        if direct is not None:
            return direct
        rpr = run.find(qn("rPr"))
        rstyle = rpr.find(qn("rStyle")) if rpr is not None else None
        by_style = self.styles.get(rstyle.get(_VAL), what) if rstyle is not None else None
        return by_style if by_style is not None else by_paragraph_style

    def table(self, tbl, index: int, depth: int) -> Grid:
        """A ``w:tbl`` as a grid; DocxRefused when it is too large or nested too deep."""
        if depth > MAX_NESTING:
            raise DocxRefused("docx.too-deep", part="word/document.xml")
        grid_cols = tbl.find(qn("tblGrid"))
        width = len(grid_cols.findall(qn("gridCol"))) if grid_cols is not None else 0
        # The rows of tables nested in a whole-row cell, as wide as this one, are read as this table's rows.
        every_row, lifted = table_rows(tbl, width, depth, self.nested)
        rows = _live_rows(every_row)
        if len(rows) > MAX_ROWS or width > MAX_COLUMNS:
            # A table without a grid (Word always writes one) is as wide as its widest row's cells.
            width = width or max((sum(1 for _ in _children(tr, (TC,))) for tr in rows), default=0)
            raise DocxRefused("docx.table-too-large", table=index, rows=len(rows), columns=width, limit_rows=MAX_ROWS, limit_columns=MAX_COLUMNS)
        cells: list[list[Cell]] = []
        heading_rows: set[int] = set()
        count = 0
        carried: dict[int, Cell] = {}  # a deleted row's cells that start a vertical merge, by grid column
        r = -1
        for tr in every_row:
            if tr.find(_ROW_DELETED) is not None:
                # The row goes; a cell of it that starts a vertical merge leaves its text to the rows it covers.
                carried.update(self._merge_starts(tr, index, r + 1, depth))
                continue
            r += 1
            trpr = tr.find(qn("trPr"))
            column = _grid_before(trpr)
            if trpr is not None:
                header = trpr.find(qn("tblHeader"))
                # Word repeats only a table's leading header rows (ECMA-376 17.4.49): the mark on a later row (a
                # header row copied to make a new one) makes no heading of it.
                if header is not None and header.get(_VAL, "1").lower() not in _FALSE and r == len(heading_rows) and tr not in lifted:
                    heading_rows.add(r)
            row_cells: list[Cell] = []
            for tc in _children(tr, (TC,)):
                count += 1
                self.cells_read += 1
                if count > MAX_CELLS:
                    raise DocxRefused("docx.table-too-large", table=index, rows=len(rows), columns=width, limit_rows=MAX_ROWS, limit_columns=MAX_COLUMNS)
                if self.cells_read > MAX_DOCUMENT_CELLS:
                    raise DocxRefused("docx.too-many-cells", limit=MAX_DOCUMENT_CELLS)
                cell = self.cell(tc, index, r, column, depth)
                held = carried.pop(column, None)
                if held is not None and cell is not None and cell.vmerge == "continue":
                    cell = dataclasses.replace(cell, text=held.text, paragraphs=held.paragraphs, vmerge="restart")
                if cell is None:  # an old-style horizontal merge: widen the cell before
                    if row_cells:
                        row_cells[-1].span += 1
                    column += 1
                    continue
                row_cells.append(cell)
                column += cell.span
                if column > MAX_COLUMNS:
                    raise DocxRefused("docx.table-too-large", table=index, rows=len(rows), columns=column, limit_rows=MAX_ROWS, limit_columns=MAX_COLUMNS)
            width = max(width, column)
            cells.append(row_cells)
        if len(rows) * max(width, 1) > MAX_CELLS:
            raise DocxRefused("docx.table-too-large", table=index, rows=len(rows), columns=width, limit_rows=MAX_ROWS, limit_columns=MAX_COLUMNS)
        cells, width = without_slivers(cells, width, grid_widths(grid_cols))  # borders a hair out of line
        return Grid(index, width, _slots(cells, width), cells, heading_rows)

    def _merge_starts(self, tr, table: int, row: int, depth: int) -> dict[int, Cell]:
        """The cells of the deleted row *tr* that start a vertical merge, by the grid column they start at."""
        starts: dict[int, Cell] = {}
        column = _grid_before(tr.find(qn("trPr")))
        for tc in _children(tr, (TC,)):
            merge = tc.find(f"{qn('tcPr')}/{qn('vMerge')}")
            span = tc.find(f"{qn('tcPr')}/{qn('gridSpan')}")
            if merge is not None and merge.get(_VAL) == "restart" and column < MAX_COLUMNS:
                cell = self.cell(tc, table, row, column, depth)
                if cell is not None:
                    starts[column] = cell
            column += _int(span.get(_VAL) if span is not None else "1", 1, MAX_COLUMNS, 1)
        return starts

    def cell(self, tc, table: int, row: int, column: int, depth: int) -> Cell | None:
        tcpr = tc.find(qn("tcPr"))
        span, vmerge = 1, None
        if tcpr is not None:
            grid_span = tcpr.find(qn("gridSpan"))
            span = _int(grid_span.get(_VAL) if grid_span is not None else "1", 1, MAX_COLUMNS, 1)
            merge = tcpr.find(qn("vMerge"))
            if merge is not None:
                vmerge = "restart" if merge.get(_VAL) == "restart" else "continue"
            hmerge = tcpr.find(qn("hMerge"))
            if hmerge is not None and hmerge.get(_VAL) != "restart":
                return None
        place = Place(table=table, row=row + 1, column=column + 1)
        paragraphs: list[Para] = []
        for element in _children(tc, (P, TBL)):
            if element.tag == P:
                paragraphs.extend(self.paragraphs(element, place, depth))
            else:
                paragraphs.extend(self.table(element, table, depth + 1).paragraphs())
        lines: list[str] = []
        for before, para in zip([None, *paragraphs], paragraphs):  # a paragraph whose mark is deleted runs on
            if before is not None and before.joins_next and lines:
                lines[-1] += para.text
            else:
                lines.append(para.text)
        while lines and not lines[-1]:
            lines.pop()
        while lines and not lines[0]:
            lines.pop(0)
        return Cell("\n".join(lines), place, row, column, span, vmerge, [p for p in paragraphs if p.text])


def _slots(cells: list[list[Cell]], width: int) -> list[list[Slot | None]]:
    """Each row's grid positions with the cell that covers them; a vertical continuation points at its first cell."""
    slots: list[list[Slot | None]] = []
    for r, row in enumerate(cells):
        line: list[Slot | None] = [None] * width
        for cell in row:
            owner, own = cell, True
            if cell.vmerge == "continue" and r > 0:
                above = slots[r - 1][cell.column] if cell.column < width else None
                if above is not None and above.cell.column == cell.column:
                    owner, own = above.cell, False
            for c in range(cell.column, min(cell.column + cell.span, width)):
                line[c] = Slot(owner, own)
        slots.append(line)
    return slots


def _text_boxes(run):
    """The text boxes (``w:txbxContent``) *run* draws, in order, alone or in a group, but not those inside them;
    of an ``mc:AlternateContent`` only what the paragraph reads of one: its Fallback, else its Choice."""
    stack = [iter([child for child in run if child.tag in _DRAWN])]
    while stack:
        for element in stack[-1]:
            if element.tag == _BOX:
                yield element
                continue
            if element.tag == _ALTERNATE:
                fallback = element.find(_FALLBACK)
                element = fallback if fallback is not None else element.find(_CHOICE)
                if element is None:
                    continue
            stack.append(iter(element))
            break
        else:
            stack.pop()


def _run_text(run, place: Place, unknown: list, fields: list[bool]) -> str:
    """A run's text; a symbol of a font cchc has no table for is U+FFFD, and (place, font, code) goes to *unknown*.

    *fields* holds the complex fields the run is in, the innermost last, each True while its text is code: from
    its begin to its separate, and after it too when the field is itself in another's code (the result Word shows
    is the outermost one's: "IF {DOCPROPERTY …} = …" shows only the IF's result)."""
    parts = []
    for child in run:
        tag = child.tag
        if tag == _FLD_CHAR:
            kind = child.get(_FLD_CHAR_TYPE)
            if kind == "begin":
                fields.append(True)
            elif kind == "separate" and fields:
                fields[-1] = len(fields) > 1 and fields[-2]  # its result is code when the field is in another's code
            elif kind == "end" and fields:
                fields.pop()
        elif fields and fields[-1]:
            continue
        elif tag == T:
            parts.append(child.text or "")
        elif tag == _TAB or tag == _PTAB:
            parts.append("\t")
        elif tag in _BREAKS:
            parts.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        elif tag == _SYM:
            font, code = child.get(qn("font"), ""), child.get(qn("char"), "")
            char = symbol_char(font, code)
            if char is None:
                unknown.append((place, font, code))
                char = "\ufffd"
            parts.append(char)
    return "".join(parts)


_RPR = qn("rPr")


def _paragraph_s(run, what: str, by_paragraph_style):
    """``Body._run_has`` of a run with no properties of its own: its paragraph style's."""
    return by_paragraph_style


#: Digits, and the signs about them, raised or lowered (``w:vertAlign``) as the characters that show them so: "m2" is
#: "m²", a footnote's "(1)" is "⁽¹⁾" (a run with no digit, such as a rule of dashes, stays as it is).
_RAISED = {
    "superscript": str.maketrans("0123456789+-=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾"),
    "subscript": str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎"),
}


_TAB, _PTAB, _NO_BREAK_HYPHEN, _SYM = qn("tab"), qn("ptab"), qn("noBreakHyphen"), qn("sym")
_FLD_CHAR, _FLD_CHAR_TYPE = qn("fldChar"), qn("fldCharType")
_FOOTNOTE, _ENDNOTE = qn("footnoteReference"), qn("endnoteReference")


def _clean(text: str) -> str:
    """NFC, each line right-trimmed, the whole stripped (line breaks inside kept)."""
    text = nfc(text.replace("\r", ""))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()
