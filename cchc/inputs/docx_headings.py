"""The task table's column headings a Word plan writes, where they are not cchc's own: ``plan.headings``.

"Cơ quan chủ trì tham mưu hoặc thực hiện" over the lead column is printed back as the document wrote it. A budget
heading is kept only when it says million VND ("triệu đồng", "tr.đ") and the amounts were read in it (a heading in đồng, its amounts
turned into millions, would print them under the wrong unit).
"""

from __future__ import annotations

from cchc.headings import role_of, unit_factor
from cchc.inputs.docx_body import Place
from cchc.inputs.docx_table import Columns, heading_of
from cchc.text import fold


def own_headings(grid, columns: Columns) -> dict[str, str]:
    """The headings of the first task table's lead, partners, deadline and budget columns that differ from cchc's
    (a heading that folds the same as cchc's is not kept)."""
    from cchc.model import DEFAULT_HEADINGS

    found = {}
    for role, default in DEFAULT_HEADINGS.items():
        column = columns.roles.get(role)
        if column is None or not columns.heading_rows:
            continue
        text = " ".join(heading_of(grid, columns, column).split())
        if not text or fold(text) == fold(default) or " — " in text:  # a heading over several columns: no one column's
            continue
        if role == "budget" and (columns.factor != 1 or columns.source_names or unit_factor(text) != (1, False)):
            continue
        found[role] = text
    return found


def column_warnings(grid, columns: Columns) -> tuple[list[tuple[str, Place, dict]], dict[int, int]]:
    """The warnings on a task table's columns not read, each at its own heading's cell, and the columns named like
    one read, each to the column read in its place ("Thời gian — Bắt đầu" beside "Thời gian — Hoàn thành", "Nguồn
    kinh phí" or "Kinh phí — Ngân sách tỉnh" beside "Kinh phí — Tổng số": the plan takes that role from the other)."""
    warnings, instead = [], {}
    if not columns.heading_rows:
        return warnings, instead
    for c in columns.unknown:
        slot = grid.slots[columns.heading_rows[-1]][c]  # the heading under one spanning columns: "Ngân sách tỉnh"
        place = slot.cell.place if slot is not None else Place(table=grid.index, row=columns.heading_rows[-1] + 1, column=c + 1)
        role = next(filter(None, (role_of(grid.text(r, c)) for r in columns.heading_rows)), None)
        if role in columns.roles and columns.roles[role] != c:
            instead[c] = columns.roles[role]
            warnings.append(("docx.other-column", place, {"heading": heading_of(grid, columns, c), "other": heading_of(grid, columns, instead[c])}))
        else:
            warnings.append(("docx.unknown-column", place, {"heading": heading_of(grid, columns, c)}))
    return warnings, instead


def unread_cells(grid, r: int, columns: Columns, instead: dict[int, int]) -> list[tuple[str, Place, dict]]:
    """A warning for each cell of row *r* in a column named like one read (``column_warnings``) that holds text where
    the column read is blank: "50" under "Ngân sách tỉnh", its "Tổng số" empty, is in the plan nowhere."""
    warnings = []
    for slot in grid.slots[r]:
        if slot is not None and slot.own and slot.cell.text.strip() and slot.cell.column in instead and not grid.text(r, instead[slot.cell.column]).strip():
            warnings.append(("docx.unread-cell", slot.cell.place, {"text": slot.cell.text, "heading": heading_of(grid, columns, slot.cell.column),
                                                                   "other": heading_of(grid, columns, instead[slot.cell.column])}))
    return warnings
