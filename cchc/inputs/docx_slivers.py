"""Sliver columns: grid columns a hair wide that borders a little out of line make, taken out of a table's grid.

Word makes one grid column for every distinct border position in a table. A
row whose borders sit a fraction of a millimetre off the heading row's (a
border dragged by hand; LibreOffice saving as .doc or .rtf and back) adds a
column some twips wide, and a cell of that row then starts there instead of
under its heading: its text would be read into no field, or into the next
one. A column narrower than ``SLIVER`` that no cell with text lies within
alone, and whose borders some row has only one of, is taken out: each cell
covers the columns it covered but that one.
"""

from __future__ import annotations

import dataclasses

from cchc.inputs.docx_styles import int_between, qn

#: Twips (1/1440 inch): 300 is 5.3 mm, too narrow for a column of text; a real narrow column keeps its own cells.
SLIVER = 300

_WIDTH = qn("w")


def grid_widths(grid_cols) -> list[int]:
    """The widths of a ``w:tblGrid``'s columns in twips (-1 where one says none); [] without a grid."""
    if grid_cols is None:
        return []
    return [int_between(col.get(_WIDTH), 0, 10**7, -1) for col in grid_cols.findall(qn("gridCol"))]


def without_slivers(cells: list, width: int, widths: list[int]) -> tuple[list, int]:
    """*cells* (rows of ``Cell``) and the grid's *width*, the sliver columns taken out (unchanged when there are
    none, or when *widths* does not give every column)."""
    if len(widths) != width or width < 2:
        return cells, width
    sliver = [0 <= w < SLIVER for w in widths]
    if not any(sliver):
        return cells, width
    for row in cells:
        for cell in row:  # a cell with text within slivers alone is a narrow column's: they stay
            covered = range(cell.column, min(cell.column + cell.span, width))
            if cell.text and len(covered) and all(sliver[c] for c in covered):
                for c in covered:
                    sliver[c] = False
    # So is a column whose two borders every row has both of, or neither (a cell merged across it): a column a word
    # processor drew narrow for having no text in this part of a table (the partners of a page that names none). A
    # border out of line is one that some row has, and another row has a hair away instead.
    borders = [{edge for cell in row for edge in (cell.column, cell.column + cell.span)} for row in cells if row]
    for c in range(width):
        if sliver[c] and all((c in b) == (c + 1 in b) for b in borders) and any(c in b for b in borders):
            sliver[c] = False
    if not any(sliver) or all(sliver):
        return cells, width
    index, kept = [], 0  # each old grid line's place in the new grid
    for c in range(width + 1):
        index.append(kept)
        kept += c < width and not sliver[c]
    moved = []
    for row in cells:
        line = []
        for cell in row:
            start, end = index[min(cell.column, width)], index[min(cell.column + cell.span, width)]
            line.append(cell if (start, end - start) == (cell.column, cell.span) else dataclasses.replace(cell, column=start, span=max(end - start, 1)))
        moved.append(line)
    return moved, kept
