"""The task table's column headings a Word plan writes, where they are not cchc's own: ``plan.headings``.

"Cơ quan chủ trì tham mưu hoặc thực hiện" over the lead column is printed back as the document wrote it. A budget
heading is kept only when it says million VND ("triệu đồng", "tr.đ") and the amounts were read in it (a heading in đồng, its amounts
turned into millions, would print them under the wrong unit).
"""

from __future__ import annotations

import dataclasses
import re

from cchc.headings import role_of, unit_factor
from cchc.inputs.docx_body import Para, Place
from cchc.inputs.docx_table import Columns, heading_of, own_cells
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
        if not text or fold(text) == fold(default) or " — " in text or (role == "lead" and both_roles(columns)):
            continue  # a heading over several columns, or over both the lead and the partners: no one column's
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

    def place_of(c: int) -> Place:  # a column's own heading, the one under a heading spanning columns ("Ngân sách tỉnh")
        slot = grid.slots[columns.heading_rows[-1]][c]
        return slot.cell.place if slot is not None else Place(table=grid.index, row=columns.heading_rows[-1] + 1, column=c + 1)

    if both_roles(columns):
        warnings.append(("docx.both-roles", place_of(columns.roles["lead"]), {"heading": heading_of(grid, columns, columns.roles["lead"])}))
    for c in columns.unknown:
        place = place_of(c)
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


#: A line that says the unit of a table's amounts: "Đơn vị tính: nghìn đồng", "(Đơn vị: đồng)", "ĐVT: triệu đồng".
_UNIT_LINE = re.compile(r"\(?\s*(?:đơn vị tính|đơn vị|đvt)\s*[:.]?\s*(?P<unit>[^():\n]{1,40}?)\s*\)?\s*\.?", re.I)


#: What may follow a unit, folded: "Việt Nam", "/năm", a full stop ("Đồng Việt Nam", "nghìn đồng/năm", "nghìn đồng.").
_UNIT_TAIL = re.compile(r"(?:\s*viet\s*nam|\s*/\s*nam|\s*\.)+$")
#: A unit of money alone, folded: "nghìn đồng", "triệu đồng", "tỷ đồng", "đồng", "VNĐ", "tr.đ", "1.000 đ", "10^6 đồng".
_UNIT_ONLY = re.compile(r"(?:(?:trieu|ty|ti|nghin|ngan|ng|tr|1[., ]?000(?:[., ]?000)?|10\s*(?:\^\s*)?[369⁶⁹³])\s*\.?\s*)?(?:dong|vnd|d)")


def unit_named(text: str) -> tuple | None:
    """``unit_factor`` of the unit a line states alone ("Đơn vị tính: nghìn đồng"), or None: no such line, or a name
    where the unit would be ("Đơn vị: Hội đồng Phối hợp …", "Đơn vị: UBND xã Đồng Tâm")."""
    found = _UNIT_LINE.fullmatch(text.strip())
    unit = unit_factor(found["unit"]) if found and _UNIT_ONLY.fullmatch(_UNIT_TAIL.sub("", fold(found["unit"]))) else None
    return unit if unit is not None and not unit[1] else None


def unit_stated(events: list, grid, columns: Columns, warnings: list) -> Columns:
    """*columns* with their amounts in the unit a line states where the budget heading names none: "Đơn vị tính: nghìn
    đồng" in the paragraph just before the table (then taken out of *events*: the amounts are made million VND), or
    alone in a row across its top. Without it, 15.000 (nghìn đồng) was read as 15.000 million, in silence."""
    if "budget" not in columns.roles or not columns.unit_assumed:
        return columns
    rows = [own_cells(grid, r) for r in range(columns.heading_rows[0] if columns.heading_rows else 0)]
    lines = [(cells[0].text, cells[0].place, False) for cells in rows if len(cells) == 1]
    if events and isinstance(events[-1], Para):
        lines.append((events[-1].text, events[-1].place, True))
    for text, place, paragraph in lines:
        factor, assumed = unit_named(text) or (1, True)
        if not assumed:
            if paragraph:
                events.pop()
            warnings.append(("docx.unit-line", place, {"text": text.strip(), "number": grid.index}))
            return dataclasses.replace(columns, factor=factor, unit_assumed=False)
    return columns


def both_roles(columns: Columns) -> bool:
    """Whether the lead column's heading names the partners too ("Cơ quan chủ trì, phối hợp"), with no partners column."""
    return "lead" in columns.roles and "partners" not in columns.roles and " phoi hop" in fold(columns.heading(columns.roles["lead"]))


#: A cell of such a column, its roles labelled, in either order ("Chủ trì: Phòng Tư pháp⏎Phối hợp: Phòng Nội vụ, …",
#: "Cơ quan chủ trì: …", "Đơn vị phối hợp: …", "Phối hợp với: …", "Phối hợp với Phòng Tư pháp" on a line of its own).
_ROLE_LABEL = re.compile(r"(?im)(?:(?:cơ quan|đơn vị)\s+)?(?P<role>chủ trì|phối hợp)(?:\s+với)?\s*:|^[-+•\t ]*(?P<with>phối hợp)\s+với\s")
#: Or the roles said after the names in a short cell: "chủ trì" after the lead ("Phòng Nội vụ chủ trì", "Sở Nội vụ (chủ
#: trì)"), then the partners, before "phối hợp" ("…; Văn phòng UBND huyện phối hợp", "… (phối hợp)"), after it ("…
#: chủ trì, phối hợp với Sở Tư pháp") or alone ("Sở Nội vụ chủ trì, các sở, ngành").
_LEAD_SAID = re.compile(r"(?i)\(\s*chủ trì\s*\)|(?<=\s)chủ trì(?!\w)")
_PARTNERS_FIRST = re.compile(r"(?i)(?:và\s+)?phối hợp(?!\w)(?:\s+với(?!\w))?\s*:?")
_PARTNERS_LAST = re.compile(r"(?i)(?:\(\s*|\s)phối hợp\s*\)?$")
_SAID_AFTER_CHARS, _ENDS = 500, " \t\n;,.-+•"
#: Words a name in lower case starts with ("các sở, ngành", "cơ quan …", "đơn vị …").
_NAME_START = re.compile(r"(?:cac|co quan|don vi|ubnd|uy ban)\b")


def _said_after(cell: str) -> tuple[str, str] | None:
    """(lead, partners) of a short *cell* that says the roles after the names (``_LEAD_SAID``), or None."""
    said = _LEAD_SAID.search(cell) if len(cell) <= _SAID_AFTER_CHARS else None
    if said is None:
        return None
    lead, rest = cell[: said.start()].strip(_ENDS), cell[said.end() :].strip(_ENDS)
    if not lead or "phối hợp" in lead.casefold() or fold(lead) in ("co quan", "don vi") or fold(lead).endswith(" giao"):
        return None  # "Cơ quan được giao chủ trì": the words are the name's
    if not rest:
        return lead, ""
    apart = cell[said.end() :].lstrip(" \t")[:1] in (",", ";", "\n")  # "… chủ trì; …", not "… chủ trì tham mưu; …"
    if first := _PARTNERS_FIRST.match(rest):
        partners = rest[first.end() :]
    elif apart and (last := _PARTNERS_LAST.search(rest)):
        partners = rest[: last.start()]
    elif apart and (rest[:1].isupper() or _NAME_START.match(fold(rest))):
        partners = rest  # "Sở Nội vụ (chủ trì), các sở, ngành": the names after the lead's, the partners
    else:  # "Phòng Nội vụ chủ trì, tham mưu", "… chủ trì thực hiện": words of the task, not agencies
        return None
    partners = partners.strip(_ENDS)
    return (lead, partners) if partners and "chủ trì" not in partners.casefold() else None


def _roles_said(columns: Columns) -> bool:
    """Whether the lead column's cells may say both roles: it names both (``both_roles``), or it is headed for those
    who carry the task out ("Cơ quan thực hiện", "Đơn vị thực hiện") and there is no partners column."""
    if both_roles(columns):
        return True
    if "lead" not in columns.roles or "partners" in columns.roles:
        return False
    key = fold(columns.heading(columns.roles["lead"]))
    return "thuc hien" in key and "chu tri" not in key


def cells_by_role(columns: Columns, lead: str, partners: str) -> list[tuple[str, str]]:
    """A row's agency cells as (role, text). A cell of a column that names both roles (``both_roles``) is split
    where it says which is which (what comes before a first label is the lead's); one that does not is the lead's
    (the column's warning says so). So is a cell of a lead column headed "Cơ quan thực hiện", with no partners column,
    that says which is which (any other is the lead's, as a column of the lead it is)."""
    if lead and _roles_said(columns):
        labels = list(_ROLE_LABEL.finditer(lead))
        if labels:
            parts = {"lead": [lead[: labels[0].start()].strip(_ENDS)], "partners": []}
            for k, label in enumerate(labels):
                role = "partners" if label["with"] or label["role"].casefold() == "phối hợp" else "lead"
                parts[role].append(lead[label.end() : labels[k + 1].start() if k + 1 < len(labels) else None].strip(_ENDS))
            return [(role, "\n".join(filter(None, texts))) for role, texts in parts.items()]
        if found := _said_after(lead):
            return [("lead", found[0]), ("partners", found[1])]
    return [("lead", lead), ("partners", partners)]
