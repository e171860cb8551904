"""A budget given by source only: "Kinh phí (triệu đồng)" over "Ngân sách tỉnh | Ngân sách huyện", no "Tổng số".

A plan keeps one amount an item; such a table writes each item's money in
parts. The parts of a row are added up, exactly, into one amount (a figure in
the heading's unit); the import says so at each amount (``sources``: what each
part wrote) and once on standard error. A part that is no plain figure (a note,
"50 triệu") is not added: the row's one such part is its budget as written, and
several parts are kept in words ("Ngân sách tỉnh: Theo dự án; …"), a note for
validate to show. Nothing is read when the parts are not side by side under one
heading (the columns then stay unread, and said to be).
"""

from __future__ import annotations

import dataclasses

from cchc.headings import role_of, unit_factor
from cchc.inputs.docx_body import Cell, Grid, Place, _slots
from cchc.inputs.docx_columns import SUB_HEADINGS
from cchc.inputs.docx_table import Columns, comma_before_thousands, figure, heading_of, is_heading_repeat
from cchc.money import exact_sum, format_number
from cchc.text import fold

__all__ = ["with_sources_added"]


def with_sources_added(grid: Grid, columns: Columns) -> tuple[Grid, Columns] | None:
    """*grid* with the budget's source columns made one column of their sum, and its columns (``Columns.sources``:
    each row's parts in words); None when the table has a budget column or none given by source. A table continuing
    one whose budget came by source (no headings of its own) has the same columns added."""
    if columns.source_names:
        first, names, heading = columns.roles["budget"], list(columns.source_names), columns.source_heading
        parts = list(range(first, first + len(names)))
    else:
        if "budget" in columns.roles or len(columns.heading_rows) < 2:
            return None
        top, last = columns.heading_rows[0], columns.heading_rows[-1]
        sources = SUB_HEADINGS["budget"]
        parts = [c for c in columns.unknown if role_of(grid.text(top, c)) == "budget" and sources.get(fold(grid.text(last, c)), "") is None]
        if not parts or parts != list(range(parts[0], parts[0] + len(parts))):
            return None
        first, names = parts[0], [grid.text(last, c) for c in parts]
        heading = heading_of(grid, columns, first).split(" — ")[0]
    if first + len(parts) > grid.width:
        return None
    cells: list[list[Cell]] = []
    described: dict[int, str] = {}
    commas: dict[int, str] = {}  # a row's first part such as "2,500" (2,5 or 2.500)
    for r, row in enumerate(grid.cells):
        over = [grid.slots[r][c] for c in parts]
        if r not in columns.heading_rows and is_heading_repeat(grid, r, columns):
            cells.append(row)  # "(1) (2) … (6)", the row numbering the columns, or the headings again: as it is
            continue
        across = any(slot is not None and not first <= slot.cell.column <= slot.cell.column + slot.cell.span <= first + len(parts) for slot in over)
        if across or (len(parts) > 1 and len({id(slot.cell) for slot in over if slot is not None}) == 1 and None not in over):
            cells.append(row)  # a cell across more than the sources ("I. CẢI CÁCH THỂ CHẾ"), or across them all: as it is
            continue
        kept = [cell for cell in row if not first <= cell.column < first + len(parts)]
        if r in columns.heading_rows:
            text = heading
        else:
            written = [slot.cell.text.strip() if slot is not None and slot.own else "" for slot in over]
            given = [value for value in written if value]
            if written == names:  # the headings typed again on a new page
                text = heading
            else:
                text = _added(names, written)
                if given:
                    described[r] = "; ".join(f"{name}: {value}" for name, value in zip(names, written) if value)
                    commas.update({r: value for value in reversed(given) if comma_before_thousands(value)})
        kept.append(Cell(text, Place(table=grid.index, row=r + 1, column=first + 1), r, first, len(parts), None))
        cells.append(sorted(kept, key=lambda cell: cell.column))
    added = dataclasses.replace(grid, slots=_slots(cells, grid.width), cells=cells)
    factor, assumed = unit_factor(heading)
    return added, dataclasses.replace(
        columns, roles={**columns.roles, "budget": first}, unknown=[c for c in columns.unknown if c not in parts], factor=factor,
        unit_assumed=assumed, source_names=tuple(names), source_heading=heading, sources=described, source_commas=commas,
    )


def _added(names: list[str], written: list[str]) -> str:
    """A row's amount from its parts: their sum as a figure when each is one; else the one part written, or all in words."""
    figures = [figure(text) for text in written if text]
    if not figures:
        return ""
    if all(value is not None for value in figures):
        return format_number(exact_sum(figures))
    given = [(name, text) for name, text in zip(names, written) if text]
    return given[0][1] if len(given) == 1 else "; ".join(f"{name}: {text}" for name, text in given)

