"""A task table's columns, found by the headings in its first rows (``find_columns``): which column each names,
the rows that are headings (sub-headings under one that spans several columns, or a heading's words wrapped onto a
second row, as a PDF made Word has them), and the budget's unit.
"""

from __future__ import annotations

import re

from cchc.headings import ends, role_of, starts_only, unit_factor
from cchc.inputs.docx_body import Grid
from cchc.inputs.docx_table import DATA_ROLES, FIGURE, ROMAN, TEXT_ROLES, Columns, looks_like_section, own_cells, section_heading, task_heading
from cchc.text import fold


def find_columns(grid: Grid) -> Columns | None:
    """The columns of a task table, found by the headings in its first rows; None when it is not one."""
    rows = len(grid.slots)
    for r in range(min(rows, 6)):
        roles = [role_of(grid.text(r, c)) for c in range(grid.width)]
        found = set(roles) - {None}
        if not (found & set(TEXT_ROLES) and found & set(DATA_ROLES)):
            continue
        heading_rows = [r]
        # Sub-headings under a heading that spans several columns ("Cơ quan thực hiện" / "Chủ trì", "Phối hợp";
        # "Thời gian" / "Bắt đầu", "Hoàn thành"; "Kinh phí" / "Tổng số", "Ngân sách tỉnh").
        # Or a heading's words wrapped onto the next row, each line a cell of its own, as a PDF made Word has them
        # ("Cơ quan chủ" / "trì", "Kinh phí" / "(triệu đồng)"): the heading is both lines.
        wrapped: dict[int, str] = {}
        while heading_rows[-1] + 1 < rows and _all_headings(grid, heading_rows[-1] + 1, roles):
            heading_rows.append(heading_rows[-1] + 1)
            for c in range(grid.width):
                slot = grid.slots[heading_rows[-1]][c]
                if slot is None or not slot.own:
                    continue  # a heading merged down from above keeps its role
                text = grid.text(heading_rows[-1], c)
                deeper = role_of(text)
                if deeper is not None:
                    roles[c] = deeper
                elif fold(text) in SUB_HEADINGS.get(roles[c], {}):
                    roles[c] = SUB_HEADINGS[roles[c]][fold(text)]
                elif (whole := _wrapped_on(grid, heading_rows[-1], c)) is not None:
                    roles[c], wrapped[c] = role_of(whole), whole
        return _assign(grid, roles, heading_rows, wrapped)
    return None


def _wrapped_on(grid: Grid, r: int, c: int) -> str | None:
    """The heading in column *c* whose words go on from row *r* - 1 to row *r* ("Cơ quan chủ" / "trì"), both lines
    joined; None unless row *r*'s text starts in lower case or a bracket, is short, and makes a heading with the line
    above in a cell of the same column (never a figure: a data row's)."""
    text, slot, above = grid.text(r, c).strip(), grid.slots[r][c], grid.slots[r - 1][c]
    if not text or len(text) > 40 or not (text[0].islower() or text[0] == "(") or sum(map(str.isalpha, text)) < 2:
        return None  # the row numbering the columns, "(1) (2) (3)", "(a) (b) (c)", is no heading's words
    if text[0] != "(" and any(map(str.isdigit, text)):
        return None
    if above is None or not above.own or not above.cell.text or (above.cell.column, above.cell.span) != (slot.cell.column, slot.cell.span):
        return None
    whole = f"{' '.join(above.cell.text.split())} {' '.join(text.split())}"
    return whole if role_of(whole) is not None else None


#: Sub-headings that name no role alone, by the role of the heading above them: the part of it a plan's data is.
#: Under "Thời gian", the end is the deadline, not the start; under "Kinh phí", the total is the amount, not a source.
SUB_HEADINGS: dict[str | None, dict[str, str | None]] = {
    "deadline": {"hoan thanh": "deadline", "ket thuc": "deadline", "bat dau": None, "khoi cong": None},
    "budget": {
        "tong so": "budget", "tong": "budget", "tong cong": "budget", "cong": "budget",
        "ngan sach tinh": None, "ngan sach trung uong": None, "ngan sach huyen": None, "ngan sach xa": None,
        "ngan sach dia phuong": None, "nguon khac": None, "von khac": None, "xa hoi hoa": None, "ngan sach nha nuoc": None,
    },
}


def _all_headings(grid: Grid, r: int, above: list[str | None]) -> bool:
    """Whether row *r* holds only headings: each of its own texts names a role, or is a sub-heading of the one above."""
    texts = [(c, s.cell.text) for c, s in enumerate(grid.slots[r]) if s is not None and s.own and s.cell.text]
    if len(texts) == 1 and grid.slots[r][texts[0][0]].cell.span >= grid.width:
        return False  # one cell across the table: a section's or a task's row ("I. NHIỆM VỤ …"), never sub-headings
    # A labelled text ("I. THỜI GIAN VÀ KINH PHÍ", "1. Nhiệm vụ …") is a section's or a task's, however worded.
    labelled = any(section_heading(t)[0] is not None or task_heading(t)[0] is not None for _, t in texts)
    if not texts or labelled:
        return False
    named = [role_of(t) is not None or fold(t) in SUB_HEADINGS.get(above[c], {}) for c, t in texts]
    if all(named):
        return True
    # Words wrapped from the row above: each line that names nothing alone makes a heading with its line above, and one
    # at least is a heading only so, or a bracket ("(triệu đồng)"). A data row in lower case ("các sở" under "Cơ quan
    # chủ trì", "quý II" under "Thời gian") adds words to headings that named their columns already.
    whole = [named[k] or _wrapped_on(grid, r, c) for k, (c, _) in enumerate(texts)]
    return all(whole) and any(isinstance(w, str) and (above[c] is None or _unit_bracket(t)) for w, (c, t) in zip(whole, texts))


def _unit_bracket(text: str) -> bool:
    """Whether *text* is a bracket naming a unit of money, all of it ("(triệu đồng)"; not "(báo cáo)", "(1) Công tác …")."""
    text = text.strip()
    return text[:1] == "(" and text[-1:] == ")" and text.count("(") == 1 and not unit_factor(text)[1]


def _strength(role: str, key: str) -> int:
    """How surely a heading (folded) names *role* when two columns name it: the end of a period over its start or
    the period ("Thời gian hoàn thành" over "Thời gian bắt đầu", "Thời gian thực hiện"), an amount over a source of funds ("Kinh phí (triệu đồng)" over
    "Nguồn kinh phí")."""
    if role == "deadline":  # "Thời gian hoàn thành" over "Thời gian thực hiện" too; "Tiến độ hoàn thành" is progress
        return 0 if starts_only(key) or "tien do" in key else 2 if ends(key) else 1
    if role == "budget":  # "Kinh phí" over "Số tiền", "Ngân sách (triệu đồng)"
        return 0 if "nguon" in key and not re.search(r"trieu|dong|vnd|tong", key) else 2 if re.search(r"kinh phi|du toan", key) else 1
    if role == "lead":  # "Cơ quan chủ trì" over "Lãnh đạo … phụ trách"
        return 2 if "chu tri" in key else 1
    return 1


def _assign(grid: Grid, roles: list[str | None], heading_rows: list[int], wrapped: dict[int, str]) -> Columns:
    assigned: dict[str, int] = {}
    unknown = []
    for c, role in enumerate(roles):
        slot = grid.slots[heading_rows[-1]][c]
        if slot is not None and slot.cell.column != c and role is not None and assigned.get(role) == slot.cell.column:
            continue  # the same heading cell, spanning on
        if role is not None and role in assigned:
            # Two columns name one role: the surer heading has it ("Thời gian hoàn thành" over "… bắt đầu").
            here, there = (" ".join(fold(grid.text(r, col)) for r in heading_rows) for col in (c, assigned[role]))
            if _strength(role, here) > _strength(role, there):
                unknown.append(assigned[role])
                assigned[role] = c
                continue
        if role is None or role in assigned:
            if grid.text(heading_rows[-1], c) or grid.text(heading_rows[0], c):
                unknown.append(c)
            continue
        assigned[role] = c
    if "product" not in assigned:
        # No Sản phẩm column: the deliverable is the rightmost text column.
        rightmost = max((assigned[r], r) for r in ("task", "section") if r in assigned)[1] if ("task" in assigned or "section" in assigned) else None
        if rightmost is not None:
            assigned["product"] = assigned.pop(rightmost)
    if "section" in assigned and "task" not in assigned and not _section_column(grid, assigned["section"], assigned.get("product"), heading_rows[-1] + 1):
        # The Nội dung column has a text of its own on (nearly) every row: it holds the tasks.
        assigned["task"] = assigned.pop("section")
    factor, assumed = unit_factor(grid.text(heading_rows[0], assigned["budget"])) if "budget" in assigned else (1, False)
    if "budget" in assigned and assumed and len(heading_rows) > 1:
        factor, assumed = unit_factor(" ".join(grid.text(r, assigned["budget"]) for r in heading_rows))
    keys = tuple(fold(grid.text(heading_rows[0], c)) for c in range(grid.width))
    headings = tuple(wrapped.get(c) or " ".join(grid.text(heading_rows[-1], c).split()) or " ".join(grid.text(heading_rows[0], c).split())
                     for c in range(grid.width))
    lower = tuple(tuple(fold(grid.text(r, c)) for c in range(grid.width)) for r in heading_rows[1:])
    return Columns(assigned, heading_rows, unknown, factor, assumed, keys, headings, lower_keys=lower)


def _section_column(grid: Grid, column: int, product: int | None, start: int) -> bool:
    """Whether *column* holds sections: cells merged down over rows, or text on few of the rows that have a product.

    A table with sections as rows across it ("I. CẢI CÁCH THỂ CHẾ") has its tasks there instead; so does one with
    sections as rows of a numeral and a title in capitals ("I | CẢI CÁCH THỂ CHẾ") whose merged cells hold no
    heading but the tasks' titles ("Kiểm tra văn bản").
    """
    own = items = 0
    merged: dict[int, str] = {}  # the cells merged down in the column: their text
    section_rows = False
    for r in range(start, len(grid.slots)):
        row_cells = own_cells(grid, r)
        if len(row_cells) == 1 and row_cells[0].span >= 2:
            return False
        slot = grid.slots[r][column]
        if slot is not None and not slot.own:
            merged[id(slot.cell)] = slot.cell.text
        elif slot is not None and len(row_cells) >= 2 and row_cells[1] is slot.cell and row_cells[0].column < column:
            # "I | CẢI CÁCH THỂ CHẾ" ("A | Cải cách thể chế") and nothing else but its sum, its product blank: a section's row
            section_rows = section_rows or (re.fullmatch(rf"{ROMAN}|[A-Z]", row_cells[0].text.strip().rstrip(".")) is not None
                                            and _blank_beside(grid, r, product, slot.cell)
                                            and all(FIGURE.fullmatch(cell.text.strip()) for cell in row_cells[2:]))
        own += slot is not None and bool(slot.cell.text)
        items += product is not None and bool(grid.text(r, product))
    if merged:
        return not section_rows or any(looks_like_section(text) for text in merged.values())
    # Its text on few rows: sections, unless the sections are rows of their own ("I | CẢI CÁCH THỂ CHẾ"): then the
    # text on few rows is tasks' ("1 | Rà soát văn bản", items "-" under it with the cell blank).
    return own * 2 <= items and not section_rows


def _blank_beside(grid: Grid, r: int, column: int | None, cell) -> bool:
    """Whether row *r* has nothing of its own in *column* (none, blank, or *cell* merged across it)."""
    slot = grid.slots[r][column] if column is not None else None
    return slot is None or slot.cell is cell or not slot.cell.text
