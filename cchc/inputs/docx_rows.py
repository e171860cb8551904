"""The rows of task tables, read in order into sections, tasks and items (plan data as dicts).

One ``TableReader`` reads every task table of a document, so that a table continued after a page or in an
appendix goes on where the last one stopped. It keeps, besides the data: comments to write above the places
where it guessed, warnings for what it could not place, and the agency cells to split once every name in the
document is known (``docx_agencies``).
"""

from __future__ import annotations

from cchc.inputs.docx_body import Cell, Grid, Place, Slot
from cchc.inputs.docx_heading_rows import MAX_LABEL, check_heading_amounts, heading_with_amount, numbered_heading, SectionNumerals, section_row
from cchc.inputs.docx_headings import cells_by_role, column_warnings, unit_named, unread_cells
from cchc.inputs.docx_package import MAX_PART, DocxRefused
from cchc.inputs.docx_repeats import drop_repeated_parts
from cchc.inputs.docx_table import (
    Columns, amount_in_million, comma_before_thousands, figure, is_caps, is_heading_repeat, is_total,
    CONG_WORD, DATA_ROLES, UPPER_KINDS, is_subtotal, next_stt, numbering_goes_on, label_kinds, own_cells, plain_amount, section_heading, task_heading, total_in_cell, WORDS_IN,
)  # fmt: skip
from cchc.inputs.docx_totals import ENGLISH_FIGURE, NOTE, SUM_IN_DONG, WORDS, part_of_total
from cchc.money import RunningSum, format_number

_FIELDS = ("product", *DATA_ROLES, "note")
#: An amount read in million VND (the unit assumed) this large (100 billion đồng for one task) was surely written in đồng.
_UNLIKELY = 100_000


#: The most characters the items of a document may hold (their products, agencies, deadlines, notes).
MAX_TEXT_CHARS = MAX_PART


class TableReader:
    """Sections, tasks and items read from task tables, with comments, warnings and agency cells."""

    def __init__(self, warnings: list | None = None):
        self.sections: list[dict] = []
        #: (the dict a comment is about, its field or None, message key, arguments)
        self.comments: list[tuple[dict, str | None, str, dict]] = []
        #: (message key, place, arguments), added to the caller's list when it gives one
        self.warnings: list[tuple[str, Place, dict]] = [] if warnings is None else warnings
        #: (item, "lead" or "partners", the cell's text)
        self.agency_cells: list[tuple[dict, str, str]] = []
        self.items: list[dict] = []
        self.total: object = None
        self.total_written: str | None = None  # the total as written, when it was made million VND from another unit
        self.total_words: str | None = None
        self._total_row: tuple | None = None  # the last total row's place, figure as written and as read
        self._caps_sections = False  # whether a line of capitals with no numeral has opened a section
        self._section: dict | None = None
        self._task: dict | None = None
        self._part_title: str | None = None  # the section title of a part's rows before any section row (new_part)
        self.parts: list[tuple] = []  # where each part starts in sections, its table's place, its title and that one's place
        self._numerals = SectionNumerals(self.comments)  # the sections numbered by an STT cell beside their titles
        self._part_section: dict | None = None  # the section a part's title opened (its rows before a section row of its own)
        self.places: dict[int, Place] = {}  # each item's row, by the item's identity
        self._unit_said: set[int] = set()
        self._large_said: set[int] = set()  # the tables told that an amount in million VND by an assumed unit is huge
        self._comma_said: set[int] = set()  # the tables told of an amount such as "2,500"
        self._note_said: set[int] = set()  # the tables told that their notes are not printed
        #: What a subtotal row may add up, each a running sum kept as items are read (a subtotal is then checked
        #: in constant time): the items since the last subtotal row, the task's, the section's, all so far.
        self._since_subtotal = RunningSum()
        self._task_sum = RunningSum()
        self._section_sum = RunningSum()
        self._all_sum = RunningSum()
        #: A section's or task's heading row that carries an amount: (its dict, the amount, the STT cell, as written),
        #: checked against the items under it once all are read.
        self.heading_amounts: list[tuple[dict, object, Cell, Cell, str]] = []  # scope, amount, label, its cell, as written
        self._chars = 0
        self._breakdown, self._after_total = None, False  # what is left of the total to break down; the last row was the total
        #: Whether an STT cell merged down beside its task's cell numbered the task, and the (task, item) of each
        #: task of one row whose STT the item was given: the STT may number the tasks (docx_ids.number_tasks).
        self.stt_numbers_tasks = False
        self.stt_beside_task: list[tuple[dict, dict]] = []

    # ------------------------------------------------------------ a table

    def read(self, grid: Grid, columns: Columns, after_table: bool = False) -> None:
        """Read *grid*'s rows below its headings (all of them for a table continuing the last one); *after_table*: right
        after another task table, nothing between but a page's number, its first row may be the rest of one there."""
        first_heading = columns.heading_rows[0] if columns.heading_rows else 0
        for r in range(first_heading):
            for cell in own_cells(grid, r):
                if unit_named(cell.text) != (columns.factor, False):
                    self.warn("docx.unplaced-cell", cell.place, text=cell.text)  # but the unit the amounts were read in
        if columns.heading_rows and columns.source_names:
            place = Place(table=grid.index, row=columns.heading_rows[0] + 1, column=columns.roles["budget"] + 1)
            self.warn("docx.budget-sources", place, heading=columns.source_heading, parts=", ".join(columns.source_names))
        warnings, instead = column_warnings(grid, columns)
        self.warnings += warnings
        self._breakdown = None  # a total's parts end with its table
        after_break = after_table  # a part's first row, or one after the headings typed again: the row above may go on
        for r in range(columns.first_data_row, len(grid.slots)):
            if r in grid.heading_rows or is_heading_repeat(grid, r, columns):
                after_break = True
                continue
            if not (after_break and self.goes_on(grid, r, columns)):
                self.row(grid, r, columns)
            after_break = False
            if instead:
                self.warnings += unread_cells(grid, r, columns, instead)

    def row(self, grid: Grid, r: int, columns: Columns) -> None:
        slots = grid.slots[r]
        for cell in grid.cells[r]:
            slot = slots[cell.column] if cell.column < grid.width else None
            if cell.vmerge == "continue" and cell.text and slot is not None and not slot.own:
                self.warn("docx.hidden-cell", cell.place, text=cell.text)
        own = sorted(own_cells(grid, r), key=lambda c: c.column)
        if not own:
            return  # an empty row, or merged cells running on with nothing new
        after_total, self._after_total = self._after_total, False
        roles = columns.roles

        def slot_of(role: str) -> Slot | None:
            return slots[roles[role]] if role in roles else None

        data_columns = {roles[role] for role in DATA_ROLES if role in roles}
        read_columns = set(roles.values())

        def value(role: str) -> str:
            # A cell merged across from another column read is that column's: no lead its own partner, no product an agency.
            slot = slot_of(role)
            if slot is None or (slot.cell.column != roles[role] and role in DATA_ROLES and slot.cell.column in read_columns):
                return ""
            return slot.cell.text
        product = roles.get("product", -1)  # a cell merged across the product's column is a heading's title, not data
        has_data = any(c.column in data_columns and not c.column <= product < c.column + c.span for c in own)
        first = own[0].text
        in_cell = total_in_cell(first, columns) if len(own) == 1 or not any(c.column == roles.get("budget") for c in own[1:]) else None
        if in_cell is not None:  # "Tổng cộng: 10 triệu đồng (Bằng chữ: …)": the total and its words in one cell
            self.total_row(own, in_cell, columns)
            return
        figures = {roles.get("budget"), *columns.unknown}  # a total's figures: there and in columns not read ("Ngân sách tỉnh")
        if is_total(first) and all(c.column in figures or WORDS_IN.search(c.text) for c in own[1:]):
            self.total_row(own, value("budget") if "budget" in roles else "", columns)
            return
        if is_subtotal(first) and own[0].column != roles.get("budget") and all(c.column in figures for c in own[1:]):
            self.subtotal_row(own[0], _cell_in(own, roles.get("budget")), value("budget") if "budget" in roles else "", columns)
            return
        if first.casefold().startswith("cộng") and len(first) <= 40 and not has_data and not CONG_WORD.match(first):
            return  # a section's subtotal: worked out from the items, not data ("Cộng đồng doanh nghiệp" is a product)
        if len(own) == 1 and not has_data and self._words(first):
            self._after_total = after_total  # "Bằng chữ: …" under the total: a "Trong đó" may follow it
            return
        if len(own) == 1 and not has_data and self.total is not None and first[:4].casefold() == "tổng":
            # After the total, a remark on totals ("Tổng các khoản ghi số: …", which cchc's HTML shows) heads nothing.
            self.warn("docx.after-total", own[0].place, text=first)
            return
        # "Trong đó:" after the total, then its parts ("- Ngân sách huyện | 20", "a) … | 10"): no tasks
        no_data = not any(map(value, ("lead", "partners", "deadline")))
        self._breakdown = part_of_total(first, value("budget"), columns.factor, after_total, self._breakdown, self.total) if no_data else None
        if self._breakdown is not None:
            self.warn("docx.total-breakdown", own[0].place, text=" | ".join(cell.text for cell in own if cell.text))
            return
        if has_data and "budget" in roles and all(c.column == roles["budget"] for c in own if c.column in data_columns):
            carried = heading_with_amount(own, columns, next_stt(grid, r, columns))
            if carried is not None:  # "I | CẢI CÁCH THỂ CHẾ | … | 25": a heading and the sum of what is under it
                scope = self.heading_row(carried[0], carried[1])
                self.heading_amounts.append((scope, carried[2], own[0], _cell_in(own, roles["budget"]), value("budget")))
                return
        heading = None if has_data else section_row(own, columns)
        if heading is not None and heading[0] is None and own[0].span < 2 and len(own) == 1:  # a line of capitals, no numeral
            # Between items 1 and 2 ("BÁO CÁO CCHC") it is a product, unless the sections so far were such lines too
            # (their items numbered on across them): then a section, said so.
            if numbering_goes_on(grid, r, columns):
                heading = heading if self._caps_sections else None
                if heading is not None:
                    self.warn("docx.caps-section", own[0].place, text=own[0].text)
            self._caps_sections = self._caps_sections or heading is not None
        if heading is None and not has_data:
            heading = numbered_heading(own, columns, next_stt(grid, r, columns))
        if heading is not None:
            self.heading_row(*heading)
            return
        self.item_row(columns, own, slot_of, value, (grid, r))

    # ------------------------------------------------------------ sections and tasks

    def open_section(self, label: str | None, title: str | None) -> None:
        """Start a section, unless it is the current one's heading again (a table typed across pages)."""
        current = self._section
        if current is not None and (current["numeral"], current["title"]) == (label, title):
            return
        if current is not None and label is None and current["title"] == title and current in self._numerals:
            return  # its title again, its numeral in the STT cell (``section_numeral``)
        self._section, self._task = {"numeral": label, "title": title, "tasks": []}, None
        self.sections.append(self._section)
        if label is None:
            self.comments.append((self._section, "numeral", "docx.guess.section-label", {}))

    def new_part(self, title: tuple[str | None, str], place: Place, title_place: Place) -> None:
        """The next table, at *place*, is a part of its own (an appendix's, under its own headings): rows before any
        section row of its own go into a section named *title* (the appendix's heading), not into the last table's
        last section; rows that repeat the tasks before it are none of their own (``docx_repeats``)."""
        self._section, self._task, self._part_title = None, None, title
        self.parts.append((len(self.sections), place, title, title_place))

    def finish(self) -> None:
        """What is checked and taken out once every table is read: rows that repeat tasks, heading amounts."""
        drop_repeated_parts(self)
        check_heading_amounts(self)

    def heading_row(self, label: str | None, title: str | None) -> dict:
        """A row naming a section, or a task: numbered in another kind than its section ("1." under "I."), or
        unnumbered and not in capitals under a numbered section. Gives the section or task it names."""
        section = self._section
        if section is None or (section["numeral"], section["title"]) == (None, None):
            is_task = False  # no section yet, or only the one opened for rows above any heading
        elif section is self._part_section and section["numeral"] is None and label is not None:
            is_task = not label_kinds(label) & {"roman", "letter"}  # under an appendix's heading: "II | CẢI CÁCH TTHC" a section
        elif label is not None:  # "B | NHIỆM VỤ THƯỜNG XUYÊN" under "II", "III | …" under "B": parts and sections alike
            kinds, above = label_kinds(label), label_kinds(section["numeral"])
            is_task = kinds.isdisjoint(above) and not (kinds & UPPER_KINDS and above & UPPER_KINDS and is_caps(title or ""))
        else:
            is_task = section["numeral"] is not None and title is not None and not is_caps(title)
        if is_task:
            task = self._task
            if task is None or (task["number"], task["title"]) != (label, title):  # not its heading again on a new page
                self._task = {"number": label, "title": title, "items": []}
                section["tasks"].append(self._task)
            return self._task
        self.open_section(label, title)
        return self._section

    def _made(self, chars: int) -> None:
        """Count text the plan is given (a cell merged down gives each row its text): refused past the bound."""
        self._chars += chars
        if self._chars > MAX_TEXT_CHARS:
            raise DocxRefused("docx.too-much-text", limit=MAX_TEXT_CHARS)

    def open_task(self, text: str) -> None:
        self._made(len(text))  # a task's cell merged down over rows of many sections gives each its title
        number, title = task_heading(text) if text else (None, None)
        self._task = {"number": number, "title": title, "items": []}
        self._section["tasks"].append(self._task)

    def item_row(self, columns: Columns, own: list[Cell], slot_of, value, at: tuple) -> None:
        place = own[0].place
        guesses: list[tuple[str | None, str, dict]] = []
        section_slot = slot_of("section")
        opened_section = False
        if section_slot is not None and section_slot.own:
            if section_slot.cell.text:
                self.open_section(*section_heading(section_slot.cell.text))
                opened_section = True
            elif self._section is not None and section_slot.cell.vmerge != "restart":
                guesses.append((None, "docx.guess.section-above", {}))
        if self._section is None:
            self.open_section(*(self._part_title or (None, None)))
            self._part_section = self._section if self._part_title else None
        task_slot = slot_of("task")
        opened_task = False
        if task_slot is not None and (task_slot.own or self._task is None):
            text = task_slot.cell.text
            if text or task_slot.cell.vmerge == "restart" or self._task is None:
                self.open_task(text)
                opened_task = bool(text)
            else:
                guesses.append((None, "docx.guess.task-above", {}))
        elif self._task is None:
            self.open_task("")
        product = value("product")
        if not product and opened_task and any(value(role) for role in ("lead", "partners", "deadline", "budget")):
            # A row of its own task with agencies, a deadline or an amount but a blank Sản phẩm: its work is the product.
            product = self._task["title"] or task_slot.cell.text  # "Xây dựng kế hoạch" of "1. Xây dựng kế hoạch"
            guesses.append(("product", "docx.guess.product-from-task", {}))
        if not product:
            stt = value("stt")
            if not opened_task and opened_section and not any(map(value, (*DATA_ROLES, "stt", "note"))) and not any(self._task.values()):
                self._section["tasks"].pop()  # "IV. …" and nothing else: a section with no task yet, as cchc prints one
                self._task = None
            elif not opened_task:
                self.warn("docx.no-product", place, text=" | ".join(c.text for c in own))
            if not opened_task:
                return
            if len(stt) > MAX_LABEL:
                self.warn("docx.unplaced-cell", slot_of("stt").cell.place, text=stt)
            elif stt and self._task["number"] is None:
                self._task["number"] = stt  # "2 | Kiểm tra văn bản" and nothing else: a task with no item yet, as numbered
            if value("note"):  # a task has no note of its own (the other cells would have made the row an item)
                self.warn("docx.unplaced-cell", slot_of("note").cell.place, text=value("note"))
            return
        item: dict = {"id": None, "stt": None, "product": product, "lead": None, "partners": None, "deadline": None, "budget": None, "note": None}
        stt, stt_slot = value("stt"), slot_of("stt")
        if len(stt) > MAX_LABEL:
            self.warn("docx.unplaced-cell", stt_slot.cell.place, text=stt)
        elif stt and stt_slot.cell.vmerge is not None and not stt_slot.own:
            pass  # merged down from a row above: its number is written there once, not on every row it covers
        elif stt and opened_section and self._numerals.take(self._section, stt, stt_slot, item, at, columns):
            pass  # "I" beside its section's title, which has none: its numeral
        elif stt and stt_slot.cell.vmerge is not None and opened_task and task_slot.cell.vmerge is not None and self._task["number"] is None:
            self._task["number"] = stt  # merged down with its task's cell: the task's number
            self.stt_numbers_tasks = True
        elif stt:
            item["stt"] = stt
            if opened_task and task_slot.cell.vmerge is None and self._task["number"] is None:
                self.stt_beside_task.append((self._task, item))  # a task of one row: whose number? docx_ids.number_tasks
        self.agency_cells += [(item, role, text) for role, text in cells_by_role(columns, value("lead"), value("partners")) if text]
        item["deadline"] = value("deadline") or None
        budget = value("budget")
        if budget:
            found = amount_in_million(budget, columns.factor)
            if found is None:
                item["budget"] = budget
            else:
                item["budget"], unit_written = found
                slot = slot_of("budget")
                if not slot.own:  # one amount for the rows it covers: written once, on its first row, never added twice
                    item["budget"], unit_written = None, False
                    guesses.append(("product", "docx.comment.budget-merged", {"written": budget}))
                elif slot.cell.vmerge == "restart":
                    guesses.append(("budget", "docx.comment.budget-shared", {}))
                # "2,500": 2,5 in Vietnamese, 2.500 in English; of a budget by source, a part (the sum is cchc's)
                ambiguous = columns.source_commas.get(slot.cell.row) if columns.sources else budget if comma_before_thousands(budget) else None
                if item["budget"] is not None and ambiguous:
                    item["budget"] = plain_amount(item["budget"])  # written 2.5: "2.500" in the file would read as 2.500 again
                    read_as = format_number(plain_amount(figure(ambiguous) or 0))
                    guesses.append(("budget", "docx.comment.comma", {"written": ambiguous.strip(), "amount": read_as}))
                    self._comma(columns, slot.cell.place, ambiguous)
                elif item["budget"] is not None and ENGLISH_FIGURE.search(budget):  # "15,000,000": read so, but said
                    guesses.append(("budget", "docx.comment.english-figure", {"written": budget.strip(), "amount": format_number(item["budget"])}))
                if slot.cell.row in columns.sources:  # a budget by source: the parts added up
                    guesses.append(("budget", "docx.comment.sources", {"parts": columns.sources[slot.cell.row]}))
                if unit_written:  # "50 triệu", "100.000.000 đồng": the cell's own unit
                    guesses.append(("budget", "docx.comment.unit", {"written": budget}))
                elif columns.unit_assumed and id(columns) not in self._unit_said:
                    self._unit_said.add(id(columns))  # once per table, on its first amount
                    guesses.append(("budget", "docx.guess.unit", {}))
                elif columns.factor != 1:
                    guesses.append(("budget", "docx.comment.unit", {"written": budget}))
                if columns.unit_assumed and not unit_written and (item["budget"] or 0) >= _UNLIKELY and id(columns) not in self._large_said:
                    self._large_said.add(id(columns))  # "15.000.000" under "Kinh phí": fifteen million đồng, surely
                    self.warn("docx.unit-large", slot.cell.place, written=budget.strip(), heading=columns.headings[columns.roles["budget"]])
        item["note"] = value("note") or None
        if item["note"] and id(columns) not in self._note_said:  # said once a table: its Ghi chú is no printed column
            self._note_said.add(id(columns))
            self.warn("docx.note-column", slot_of("note").cell.place, heading=columns.headings[columns.roles["note"]])
        read = {*columns.roles.values(), *columns.unknown}
        for cell in own:  # a cell under no column read (under a heading spanning two columns) is said, never lost
            if cell.text and read.isdisjoint(range(cell.column, cell.column + cell.span)):
                self.warn("docx.unplaced-cell", cell.place, text=cell.text)
        for role in _FIELDS:  # a cell merged across from another column gives this one its text too, or not
            slot = slot_of(role)
            if slot is None or slot.cell.column == columns.roles[role] or not slot.cell.text:
                continue
            if value(role):
                guesses.append((role, "docx.comment.across", {"other": columns.heading(slot.cell.column)}))
            elif owner := next((r for r in _FIELDS if columns.roles.get(r) == slot.cell.column and value(r)), None):
                # "All lead": said unless another column took the text too (a Ghi chú after it, commented as such).
                if not any(r != owner and value(r) and slot_of(r).cell is slot.cell for r in _FIELDS):
                    guesses.append((owner, "docx.comment.spans", {"other": columns.heading(columns.roles[role])}))
            elif role in DATA_ROLES and slot.cell.column in columns.roles.values():  # a task's or STT's cell over it: the item says so
                guesses.append((None, "docx.comment.spans", {"other": columns.heading(columns.roles[role])}))
        if self.items and product[:1].islower() and not any(item[k] for k in ("stt", "deadline", "budget")) and not value("lead"):
            guesses.append(("product", "docx.guess.continued", {}))  # "…theo Nghị định" | "số 30/2020": cut by a page?
        # A cell merged down gives each row its text (200 KB over 3,000 rows: gigabytes): bounded by the part's size.
        self._made(sum(len(v) for v in (product, item["deadline"], item["note"], value("lead"), value("partners")) if isinstance(v, str)))
        self._task["items"].append(item)
        self.items.append(item)
        self.places[id(item)] = place
        self._count(item)
        for field_name, key, args in guesses:
            self.comments.append((item, field_name, key, args))

    # ------------------------------------------------------------ totals

    def subtotal_row(self, label: Cell, cell: Cell, budget: str, columns: Columns) -> None:
        """A subtotal ("Cộng mục I", "Cộng phần trích"): not data, so not kept; a warning, at its amount's *cell*, when
        the amount is not the sum above it."""
        self._since_subtotal, since = RunningSum(), self._since_subtotal
        if not budget:
            return
        found = amount_in_million(budget, columns.factor)
        if found is None:
            self.warn("docx.subtotal-note", cell.place, text=label.text, written=budget)
            return
        amount = found[0]
        task = self._task_sum.of(self._task)
        section = self._section_sum.of(self._section)
        # What it adds up is not written: the rows since the last subtotal, the task, the section or the whole table.
        if all(amount != scope.total for scope in (since, task, section, self._all_sum)):
            total = (section if section.count else self._all_sum).total
            self.warn("docx.subtotal-mismatch", cell.place, text=label.text, written=budget, amount=amount, sum=total)

    def _count(self, item: dict) -> None:
        """Add *item* to the running sums a subtotal row may check (the task's and section's start again with a new one)."""
        if self._task_sum.owner is not self._task:
            self._task_sum = RunningSum(self._task)
        if self._section_sum.owner is not self._section:
            self._section_sum = RunningSum(self._section)
        for scope in (self._since_subtotal, self._task_sum, self._section_sum, self._all_sum):
            scope.add(item["budget"])

    def total_row(self, own: list[Cell], budget: str, columns: Columns) -> None:
        found, self._after_total = amount_in_million(budget, columns.factor) if budget else None, True
        if budget:  # a total row with a figure or words: of two that differ, the last is taken and the one before told
            earlier, self._total_row = self._total_row, (own[0].place, budget, found[0] if found else budget)
            if earlier is not None and earlier[2] != self._total_row[2]:
                self.warn("docx.earlier-total", earlier[0], written=earlier[1], later=budget)
        if found is not None:
            self.total, self.total_written = found[0], budget.strip() if found[1] or columns.factor != 1 else None
            if comma_before_thousands(budget) and not columns.sources:
                self.total = plain_amount(self.total)
                self._comma(columns, own[-1].place, budget)
        elif budget:
            self.total = budget
        for cell in own:
            start = WORDS_IN.search(cell.text)
            if start:
                self._words(cell.text[start.start() - (cell.text[start.start() - 1 : start.start()] == "(") :])

    def after_table(self, text: str, place: Place) -> bool:
        """Take the lines under a table: "Tổng kinh phí: 200.000.000đ (Bằng chữ: …)", "Kinh phí: <note>", "Bằng chữ: …".
        True when *text* was one of them (a total in đồng counts only when the table declared none; one that
        differs from the table's is warned of, and stays in the plan's words)."""
        match = SUM_IN_DONG.fullmatch(text)
        if match:
            amount = amount_in_million(match.group("amount"), 1)  # "200.000.000đ", "35,5 triệu đồng", "1,2 tỷ"
            if self.total is None and amount is not None:
                self.total, self.total_written = amount[0], match.group("amount").strip() if amount[1] else None
            elif amount is not None and amount[0] != self.total:  # said when the table's is a figure; kept in the words
                if not isinstance(self.total, str):
                    self.warn("docx.total-line", place, written=match.group("amount").strip(), declared=self.total)
                return False
            rest = match.group("rest").strip()
            return not rest or self._words(rest)
        match = NOTE.fullmatch(text)
        if match and self.total is None:
            self.total = match.group("note").strip()
            return True
        return self._words(text)

    def _words(self, text: str) -> bool:
        """Take "Bằng chữ: …" or "(Bằng chữ: …)." as the total in words; True when *text* was that."""
        text = text.strip()
        match = WORDS.match(text)
        if match is None:
            return False
        words = text[match.end():].strip().rstrip(".;").rstrip()
        if text.startswith("(") and words.endswith(")"):
            words = words[:-1].rstrip()
        self.total_words = words or None
        return True

    def goes_on(self, grid: Grid, r: int, columns: Columns) -> bool:
        """Whether row *r*, the first after a break (a heading typed again, a table's next part), is the rest of the
        item above, cut at a page's end: no STT, no amount, every cell in a column read, the first text in lower case
        ("của từng phòng, đơn vị thuộc Sở"). Its texts are then added to that item's, its task's and its section's, and
        said (``docx.row-continued``); read as a row of its own, it was a task and an item the document never had."""
        task, roles = self._task, columns.roles
        own = sorted(own_cells(grid, r), key=lambda cell: cell.column)
        role_at = {column: role for role, column in roles.items()}
        if task is None or not task["items"] or not own or not own[0].text.lstrip()[:1].islower():
            return False
        if any(role_at.get(cell.column) in (None, "stt", "budget") or cell.span > 1 for cell in own):
            return False
        item = task["items"][-1]
        for cell in own:
            role, text = role_at[cell.column], cell.text
            self._made(len(text))
            # Words that go on (lower case) after a space; a new line of the cell ("Thanh tra Sở" under "Các phòng") on a
            # line of its own, but in a title, which is one line.
            joint = " " if text.lstrip()[:1].islower() or role in ("section", "task") else "\n"
            if role in ("lead", "partners"):
                at = next((k for k, (whose, named, _) in enumerate(self.agency_cells) if whose is item and named == role), None)
                if at is None:
                    self.agency_cells.append((item, role, text))
                else:
                    self.agency_cells[at] = (item, role, f"{self.agency_cells[at][2]}{joint}{text}")
                continue
            holder, key = {"section": (self._section, "title"), "task": (task, "title")}.get(role, (item, role))
            holder[key] = f"{holder[key]}{joint}{text}" if holder.get(key) else text
        self.warn("docx.row-continued", own[0].place, text=" | ".join(cell.text for cell in own))
        return True

    def warn(self, key: str, place: Place, **args) -> None:
        self.warnings.append((key, place, args))

    def _comma(self, columns: Columns, place: Place, written: str) -> None:
        """Say once a table that its amounts such as "2,500" were read with a decimal comma."""
        if id(columns) not in self._comma_said:
            self._comma_said.add(id(columns))
            self.warn("docx.comma-thousands", place, written=written.strip())


def _cell_in(own: list[Cell], column: int | None) -> Cell:
    """The cell of *own* in *column* (a row's amount), or its first when it has none there."""
    return next((cell for cell in own if cell.column == column), own[0])
