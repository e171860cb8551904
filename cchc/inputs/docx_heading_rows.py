"""Rows of a task table that head a section or a task, not items: a heading across the table, a numeral in the STT
cell beside a title ("II | CẢI CÁCH THỦ TỤC HÀNH CHÍNH"), a number over rows numbered under it ("1" over "1.1"), a
heading that carries the sum of what is under it; each told from the row's own cells (``docx_table.own_cells``)."""

from __future__ import annotations

import re
from decimal import Decimal

from cchc.inputs.docx_body import Cell
from cchc.inputs.docx_table import Columns, amount_in_million, items_under, looks_like_section, section_heading
from cchc.money import exact_sum

_ROMAN_OR_LETTER = re.compile(r"(?:[IVXLC]{1,7}|[A-Z])[.)]?")
#: A label longer than this does not fit the model's Label.
MAX_LABEL = 32


def section_row(own: list[Cell], columns: Columns) -> tuple[str | None, str | None] | None:
    """(label, title) when a row with no agency, deadline or budget is a section's heading, else None: the heading
    spans the table, or stands in the STT column as a numeral ("II") beside its title, or is the one text of the row
    and reads as one ("I. …", capitals)."""
    roles = columns.roles
    text_columns = {roles[role] for role in ("stt", "section", "task", "product") if role in roles}
    if len(own) == 1 and own[0].span >= 2 and own[0].column in text_columns | {0}:
        return section_heading(own[0].text)
    if len(own) == 2 and "stt" in roles and own[0].column == roles["stt"]:
        if _ROMAN_OR_LETTER.fullmatch(own[0].text):
            return own[0].text.rstrip("."), own[1].text
        others = {c for role, c in roles.items() if role != "stt" and role != "note"}
        if own[1].span >= 2 and others <= set(range(own[1].column, own[1].column + own[1].span)) and len(own[0].text) <= MAX_LABEL:
            # The number in the STT cell, the title merged across every other column: a heading, not an item.
            return own[0].text.rstrip("."), own[1].text
    if len(own) == 1 and "section" not in roles and own[0].column != roles.get("task") and looks_like_section(own[0].text):
        return section_heading(own[0].text)
    return None


#: The STT of a row under a numbered heading: "1.1" under "1", or a bullet or letter ("-", "+", "a", "a)").
_UNDER = re.compile(r"[-+•–*]|[a-zđ][.)]?|\(?[0-9]+\)|\([a-zđ]\)")


def numbered_heading(own: list[Cell], columns: Columns, next_stt: str) -> tuple[str, str] | None:
    """(number, title) of a row typed with no merge: a number in the STT cell, a title in one text cell, no agency,
    deadline or budget, and the next row numbered under it ("1.1" under "1"; "-" or "a)"), or a title in the task's
    (or section's) column merged across the product's with the rows under it numbered anew ("1" under "2"). Otherwise
    such a row is an item whose other cells are blank."""
    roles = columns.roles
    if len(own) != 2 or "stt" not in roles or own[0].column != roles["stt"]:
        return None
    number = own[0].text.strip().rstrip(".")
    if not re.fullmatch(r"(?:[0-9]{1,3}|[IVXLC]{1,7}(?=\.))(?:\.[0-9]{1,3})*", number) or own[1].column not in {roles.get(k) for k in ("section", "task", "product")}:
        return None
    if next_stt.startswith(number + ".") and next_stt[len(number) + 1 : len(number) + 2].isdigit() or _UNDER.fullmatch(next_stt):
        return number, own[1].text
    title, restarts = own[1], next_stt.rstrip(".)") == "1" and number != "1"  # "2 | Kiểm tra", then "1 | …" again
    if restarts and title.column in {roles.get("section"), roles.get("task")} and title.column < roles.get("product", -1) < title.column + title.span:
        return number, title.text  # its title merged across the product's column, the rows under it numbered anew
    return None


def heading_with_amount(own: list[Cell], columns: Columns, next_stt: str):
    """(label, title, amount) of a heading row that carries its sum: a label in the STT cell ("I", "1"), a title, an
    amount, nothing else, and the next row numbered under it ("1" under "I", "1.1" under "1"); else None."""
    roles = columns.roles
    if len(own) != 3 or own[0].column != roles.get("stt") or own[2].column != roles.get("budget"):
        return None
    if own[1].column not in {roles.get(k) for k in ("section", "task", "product")}:
        return None
    label = own[0].text.strip().rstrip(".")
    found = amount_in_million(own[2].text, columns.factor)
    if found is None or not next_stt:
        return None
    if next_stt.rstrip(".") == label:
        under = True  # the same heading typed again below it (a table typed across pages)
    elif _ROMAN_OR_LETTER.fullmatch(label):  # "1", "I.1" or "-" under "I"
        under = next_stt[0].isdigit() or next_stt.startswith(label + ".") or _UNDER.fullmatch(next_stt) is not None
    else:
        under = numbered_heading(own[:2], columns, next_stt) is not None
    return (label, own[1].text, found[0]) if under else None


def check_heading_amounts(reader) -> None:
    """Warn (on *reader*, a ``docx_rows.TableReader``) where a heading's amount is not the sum of the items under it
    (read whole: a section may run on)."""
    totals: dict[int, object] = {}  # one sum a section or task: a heading typed again on each page is one scope
    warned: set[tuple[int, str]] = set()  # and one warning for each figure it is typed with
    where = {id(task): (section["tasks"], at) for section in reader.sections for at, task in enumerate(section["tasks"])}
    for scope, amount, label, cell, written in reader.heading_amounts:
        if id(scope) not in totals:
            items = (scope["items"] or items_under(*where[id(scope)])) if "items" in scope else [item for task in scope["tasks"] for item in task["items"]]
            totals[id(scope)] = exact_sum([item["budget"] for item in items if isinstance(item["budget"], (int, Decimal))])
        total = totals[id(scope)]
        if total != amount and (id(scope), written) not in warned:
            warned.add((id(scope), written))
            reader.warn("docx.heading-sum-mismatch", cell.place, text=label.text, written=written, amount=amount, sum=total)
            # Said in the plan file too, where the heading is: the figure is nowhere else in it once stderr is gone.
            reader.comments.append((scope, None, "docx.comment.heading-amount", {"written": written, "amount": amount, "sum": total}))


def section_numeral(section: dict, stt: str, stt_slot, comments: list, grid, r: int, columns: Columns) -> bool | None:
    """Whether *stt*, a numeral in the STT cell of the row that opened the *section* with a title of no numeral of
    its own ("I" beside "CẢI CÁCH THỂ CHẾ", the title's cell merged down over the section's rows or not), is the
    section's numeral: then it is made so (its guess is taken back). It was the first item's number, or its task's,
    and the section was numbered 1 in its stead. None when the STT numbers the section's tasks or items alike."""
    if not (stt_slot.own and _ROMAN_OR_LETTER.fullmatch(stt)):
        return False
    if section["numeral"] is not None:  # the section's numeral again, beside its title typed again ("1" is an item's)
        return section["numeral"] == stt.rstrip(".)")
    if _numbered_alike_below(grid, r, columns):
        return None  # "I" then "II" under one section's title: the STT numbers its tasks or items, not sections
    section["numeral"] = stt.rstrip(".)")
    comments[:] = [c for c in comments if not (c[0] is section and c[2] == "docx.guess.section-label")]
    return True


class SectionNumerals:
    """The sections numbered by the STT cell beside their titles (``section_numeral``), until the table's STT is seen
    to number tasks or items alike ("A", "B" under one title): then those sections are numbered so no more, and the
    labels they took go back to the items that had them ("A", the one item of the first section)."""

    def __init__(self, comments: list):
        self.comments, self.on, self.given = comments, True, []

    def __contains__(self, section: dict) -> bool:
        return any(given is section for given, _, _ in self.given)

    def take(self, section: dict, stt: str, stt_slot, item: dict, at: tuple, columns: Columns) -> bool:
        """Whether *stt*, in the row of *item* that opened *section*, is the section's numeral (made so)."""
        numbered = section["numeral"] is not None  # by its title ("I. CẢI CÁCH …"): never taken back
        found = section_numeral(section, stt, stt_slot, self.comments, *at, columns) if self.on else False
        if found is None:
            self.on = False
            for given, label, first in self.given:
                given["numeral"], first["stt"] = None, label
                self.comments.append((given, "numeral", "docx.guess.section-label", {}))
            self.given = []
        elif found and not numbered:
            self.given.append((section, stt, item))
        return bool(found)


def _numbered_alike_below(grid, r: int, columns: Columns) -> bool:
    """Whether a row below *r*, before the next section's title in the section column, has an STT of its own that
    is a numeral or a capital letter too."""
    stt, section = columns.roles["stt"], columns.roles["section"]
    for below in range(r + 1, len(grid.slots)):
        title = grid.slots[below][section]
        if title is not None and title.own and title.cell.text.strip():
            return False
        label = grid.slots[below][stt]
        if label is not None and label.own and _ROMAN_OR_LETTER.fullmatch(label.cell.text.strip()):
            return True
    return False
