"""A task table continued after a break (a page's, a section's): which of its parts go on with the table above, and
their columns on a grid drawn anew (a PDF converted to Word draws each part's grid apart)."""

from __future__ import annotations

import dataclasses

from cchc.inputs.docx_table import Columns, own_cells


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


def row_goes_on(reader, grid, r: int, columns: Columns) -> bool:
    """Whether row *r*, the first after a break (a heading typed again, a table's next part), is the rest of the
    item above, cut at a page's end: no STT, no amount, every cell in a column read, the first text in lower case
    ("của từng phòng, đơn vị thuộc Sở"). Its texts are then added to that item's, its task's and its section's, and
    said (``docx.row-continued``); read as a row of its own, it was a task and an item the document never had."""
    task, roles = reader._task, columns.roles
    own = sorted(own_cells(grid, r), key=lambda cell: cell.column)
    role_at = {column: role for role, column in roles.items()}
    if task is None or not task["items"] or not own or not own[0].text.lstrip()[:1].islower():
        return False
    if any(role_at.get(cell.column) in (None, "stt", "budget") or cell.span > 1 for cell in own):
        return False
    item = task["items"][-1]
    for cell in own:
        role, text = role_at[cell.column], cell.text
        reader._made(len(text))
        # Words that go on (lower case) after a space; a new line of the cell ("Thanh tra Sở" under "Các phòng") on a
        # line of its own, but in a title, which is one line.
        joint = " " if text.lstrip()[:1].islower() or role in ("section", "task") else "\n"
        if role in ("lead", "partners"):
            at = next((k for k, (whose, named, _) in enumerate(reader.agency_cells) if whose is item and named == role), None)
            if at is None:
                reader.agency_cells.append((item, role, text))
            else:
                reader.agency_cells[at] = (item, role, f"{reader.agency_cells[at][2]}{joint}{text}")
            continue
        holder, key = {"section": (reader._section, "title"), "task": (task, "title")}.get(role, (item, role))
        holder[key] = f"{holder[key]}{joint}{text}" if holder.get(key) else text
    reader.warn("docx.row-continued", own[0].place, text=" | ".join(cell.text for cell in own))
    return True
