"""A table's rows, with the rows of tables nested in its cells read as its own when they have its columns.

A web page or an HTML copy of a plan groups a table's rows in tables nested in
cells: a row of one cell holds a section's table, whose rows hold its tasks'
tables. Word and LibreOffice keep them nested when they save it as .docx
(LibreOffice even moves the first into the last cell of the heading row). When
every row of such a nested table is as wide as the table around it, its rows
are that table's rows: they are read in its place, in order (``table_rows``).
A nested table of other columns (a signature block, a small grid in a cell)
stays in its cell, read as the cell's text. Work is bounded: each row is looked at once per level
of nesting, and no deeper than ``MAX_NESTING``.
"""

from __future__ import annotations

import copy

from cchc.inputs.docx_styles import VAL, int_between, qn

P, TBL, TR, TC = qn("p"), qn("tbl"), qn("tr"), qn("tc")
BLOCK_CONTAINERS = {qn(n) for n in ("sdt", "sdtContent", "customXml")}
ROW_DELETED = f"{qn('trPr')}/{qn('del')}"

#: Tables in tables, text boxes in tables … deeper than this is refused (Word's own documents go two deep).
MAX_NESTING = 5
MAX_COLUMNS = 64


def children(element, tags: tuple[str, ...]):
    """The children of *element* with one of *tags*, looking through content controls and custom XML."""
    stack = [iter(element)]
    while stack:
        for child in stack[-1]:
            if child.tag in tags:
                yield child
            elif child.tag in BLOCK_CONTAINERS:
                stack.append(iter(child))
                break
        else:
            stack.pop()


def live_rows(rows: list) -> list:
    """The rows but those deleted as a tracked change (gone once the changes are accepted)."""
    return [tr for tr in rows if tr.find(ROW_DELETED) is None]


def grid_before(trpr) -> int:
    """The grid columns a row leaves empty before its first cell (``w:gridBefore``)."""
    before = trpr.find(qn("gridBefore")) if trpr is not None else None
    return int_between(before.get(VAL) if before is not None else "0", 0, MAX_COLUMNS)


def table_rows(tbl, width: int, depth: int, memo: dict | None = None) -> tuple[list, set]:
    """*tbl*'s rows, the rows of tables *width* wide in its cells read in their place, and the rows so read.

    *depth* is how deep *tbl* is in tables. The rows read in place of a cell
    are the second value: their heading marks (``w:tblHeader``) head the nested
    table, not this one. The document is not changed: a row read otherwise than
    it stands is a copy. *memo* (one for a document) keeps each table's answer:
    a table inside another is looked at for the outer one, then read itself.
    """
    memo = {} if memo is None else memo
    key = (tbl, width, depth)
    if key in memo:
        return memo[key]
    rows: list = []
    lifted: set = set()
    for tr in children(tbl, (TR,)):
        parts = _parts(tr, width, depth, memo) if width > 1 and depth < MAX_NESTING and tr.find(ROW_DELETED) is None else None
        if parts is None:
            rows.append(tr)
            continue
        own, nested = parts
        if own is not None:
            rows.append(own)
        for part in nested:
            rows.extend(part)
            lifted.update(part)
    memo[key] = rows, lifted
    return rows, lifted


def _parts(tr, width: int, depth: int, memo: dict) -> tuple | None:
    """What to read in place of *tr* when a cell of it holds tables of rows *width* wide, else None: the row
    itself without them (or None), and the lists of rows to read, in order.

    A row of one cell becomes the rows of those tables, with the cell's other content before, between and after
    them as rows of one cell. A row of several cells (LibreOffice puts the tables of a page's table body in the
    last cell of its heading row) is read without those tables, and their rows after it.
    """
    cells = list(children(tr, (TC,)))
    tables = [(cell, element) for cell in cells for element in children(cell, (TBL,))]
    wide: dict = {}  # each table of rows *width* wide that a cell holds: its rows
    for _, element in tables:
        rows, _ = table_rows(element, width, depth + 1, memo)
        live = live_rows(rows)
        if live and all(_row_width(row) == width for row in live):  # a table of no row adds none
            wide[element] = rows
    if not wide:
        return None
    if len(cells) > 1:
        own = copy.deepcopy(tr)
        copied = [element for cell in children(own, (TC,)) for element in children(cell, (TBL,))]
        for (_, element), twin in zip(tables, copied):
            if element in wide:
                twin.getparent().remove(twin)
        return own, list(wide.values())
    parts: list[list] = []
    others: list = []  # paragraphs, and tables of other columns, between the wide tables
    for element in children(cells[0], (P, TBL)):
        if element not in wide:
            others.append(element)
            continue
        if others:
            parts.append(others)
            others = []
        parts.append(wide[element])
    if others:
        parts.append(others)
    # The cell's other content, a row of one whole-row cell each; what shows no text is no row.
    return None, [part if part[0].tag == TR else _row_of(tr, cells[0], part, width) for part in parts if part[0].tag == TR or _has_text(part)]


def _row_width(tr) -> int:
    """The grid columns *tr* covers, those it leaves empty before its first cell included."""
    covered = grid_before(tr.find(qn("trPr")))
    for tc in children(tr, (TC,)):
        span = tc.find(f"{qn('tcPr')}/{qn('gridSpan')}")
        covered += int_between(span.get(VAL) if span is not None else "1", 1, MAX_COLUMNS, 1)
    return covered


def _has_text(elements: list) -> bool:
    return any(text.strip() for element in elements for text in element.itertext())


def _row_of(tr, cell, elements: list, width: int) -> list:
    """A row of one cell *width* wide holding copies of *elements*, paragraphs and tables of *cell*."""
    row = tr.makeelement(TR, {})
    new_cell = cell.makeelement(TC, {})
    properties = new_cell.makeelement(qn("tcPr"), {})
    properties.append(properties.makeelement(qn("gridSpan"), {VAL: str(width)}))
    new_cell.append(properties)
    for element in elements:
        new_cell.append(copy.deepcopy(element))
    row.append(new_cell)
    return [row]
