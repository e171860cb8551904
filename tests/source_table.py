"""An independent reading of the source table, for tests that check the plan against it.

The source is a PDF extraction: tab-separated rows, seven columns (the first,
"Nội dung", is missing on rows that continue a page), sometimes an eighth empty
one. This reader knows nothing of cchc; it only splits rows into cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

COLUMNS = 7


@dataclass
class SourceRow:
    section: str  # Roman numeral of the section the row is in
    task: str
    product: str
    lead: str
    partners: str
    deadline: str
    budget: str


def read_rows(text: str) -> list[SourceRow]:
    """Every row of the plan's table, in order (product cells as printed, page splits not joined)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Nội dung\tNhiệm vụ"))
    rows: list[SourceRow] = []
    section = ""
    for line in lines[start + 1 :]:
        if not line.strip():
            continue
        if line.startswith("<b>Tổng cộng"):
            break
        cells = line.split("\t")
        while len(cells) > COLUMNS and cells[-1] == "":
            cells.pop()
        if len(cells) == COLUMNS - 1:  # a row that continues a page has no "Nội dung" cell
            cells.insert(0, "")
        if len(cells) == COLUMNS + 1:  # VII.2: two product cells in one row
            cells = cells[:2] + [cells[2] + "\n" + cells[3]] + cells[4:]
        assert len(cells) == COLUMNS, line
        heading = re.match(r"<b>([IVX]+)\. ", cells[0])
        if heading:
            section = heading.group(1)
        rows.append(SourceRow(section, *cells[1:]))
    return rows


def declared_total(text: str) -> int:
    """The "Tổng cộng" figure of the table, million VND."""
    match = re.search(r"<b>Tổng cộng</b>[\t ]*<b>(\d+)</b>", text)
    assert match, "no Tổng cộng row"
    return int(match.group(1))


def amount(cell: str) -> int | None:
    """A budget cell's amount, or None for a note or a blank."""
    return int(cell) if cell.strip().isdigit() else None
