"""The task table's column headings a Word plan writes, where they are not cchc's own: ``plan.headings``.

"Cơ quan chủ trì tham mưu hoặc thực hiện" over the lead column is printed back as the document wrote it. A budget
heading is kept only when it says million VND ("triệu đồng", "tr.đ") and the amounts were read in it (a heading in đồng, its amounts
turned into millions, would print them under the wrong unit).
"""

from __future__ import annotations

from cchc.headings import unit_factor
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
