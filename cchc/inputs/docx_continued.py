"""A task table continued after a break (a page's, a section's): which of its parts go on with the table above, and
their columns on a grid drawn anew (a PDF converted to Word draws each part's grid apart)."""

from __future__ import annotations

import dataclasses
import re

from cchc.inputs.docx_table import Columns


def same_cells_on(grid, before, columns: Columns) -> Columns | None:
    """*columns* of the table *before* moved onto *grid*, a table drawn on another grid whose fullest row has the
    cells of the heading row before, one for one, and whose every cell starts where one of those does; else None."""
    if not grid.cells or not before.cells:
        return None
    # The cells of the part before: its heading row's, or (a part itself continued) its fullest row's.
    starts = [cell.column for cell in (before.cells[columns.heading_rows[-1]] if columns.heading_rows else max(before.cells, key=len))]
    theirs = [cell.column for cell in max(grid.cells, key=len)]
    if len(theirs) != len(starts) or any(not {cell.column for cell in row} <= set(theirs) for row in grid.cells):
        return None  # a row with a cell of its own boundaries ("Tổng cộng" across four cells is on them)
    moved = dict(zip(starts, theirs))
    if any(column not in moved for column in columns.roles.values()):
        return None
    heading_of = {theirs[k]: columns.headings[starts[k]] for k in range(len(starts)) if starts[k] < len(columns.headings)}
    headings = tuple(heading_of.get(max((t for t in theirs if t <= c), default=theirs[0]), "") for c in range(grid.width))
    roles = {role: moved[column] for role, column in columns.roles.items()}
    return dataclasses.replace(columns, roles=roles, heading_rows=[], unknown=[], headings=headings)


def rows_above_headings(grid, columns: Columns) -> bool:
    """Whether *grid* has rows of data above its headings (two cells or more with text: not a caption across)."""
    above = columns.heading_rows[0] if columns.heading_rows else 0
    return any(sum(1 for cell in grid.cells[r] if cell.text) >= 2 for r in range(above))


def closing_split(grid, columns: Columns) -> tuple | None:
    """(the table without its last rows, their paragraphs) when a row of *grid* under its headings starts "Nơi nhận:"
    (the document's closing typed into the task table's last row, as Word joins two tables when the paragraph between
    them is deleted): those rows are the closing, not items; else None."""
    from cchc.text import fold

    for r in range(columns.first_data_row, len(grid.cells)):
        first = next((cell.text.strip() for cell in grid.cells[r] if cell.text.strip()), "")
        if re.match(r"noi nhan\s*:", fold(first[:16])):  # "Nơi nhận:", not a task "Nơi nhận và trả kết quả TTHC"
            head = dataclasses.replace(grid, slots=grid.slots[:r], cells=grid.cells[:r], heading_rows={h for h in grid.heading_rows if h < r})
            return head, [p for row in grid.cells[r:] for cell in row for p in cell.paragraphs]
    return None
