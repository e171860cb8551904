"""The view of a plan for printing: everything a document shows, computed once, in no format.

HTML, Markdown, PDF and Word are all laid out from this one view, so they
cannot drift apart: the header block of the document's kind (a decision, or
a plan issued on its own), the prose before and after the table, the table's
rows with their merged cells, the totals and the signature block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from typing import NamedTuple

from cchc.agencies import AgencyRegistry
from cchc.messages import long_date
from cchc.money import exact_sum, format_number, million_in_words, million_to_vnd
from cchc.outputs import Made
from cchc.query import leads, role_names


class Row(NamedTuple):
    """One item as a table row; a rowspan of 0 means the cell above covers this row. A task with no item has
    one row, its heading's, with no item id (``heading_only``).

    A named tuple, not a frozen dataclass: a plan of 100,000 items makes as many
    rows, and a tuple is made several times faster.
    """

    item_id: str
    stt: str
    section_rowspan: int
    task: str
    task_rowspan: int
    product: str
    lead: str
    partners: str
    deadline: str
    budget: str  # the amount as a Vietnamese figure, the budget note, or ""
    is_amount: bool
    note: str | None
    note_number: int | None

    @property
    def heading_only(self) -> bool:
        """True on the row of a task with no item: its heading, and no item's cells."""
        return not self.item_id

    @property
    def opens_section(self) -> bool:
        """True on the first row of a section of several rows (its section cell spans them)."""
        return self.section_rowspan > 1


@dataclass(frozen=True)
class SectionView:
    """A section as printed: its heading, its rows and the sum of its amounts."""

    numeral: str
    title: str
    heading: str  # "" for a plan's one section with no title: printed with no heading of its own
    rows: list[Row]
    subtotal: str | None  # None when no item of the section has an amount
    partial: bool = False  # an agency's extract leaves some of its items out: the subtotal is of those shown

    @property
    def blank(self) -> bool:
        """The section has no task yet: its one row is its heading's alone, with no task's."""
        return len(self.rows) == 1 and self.rows[0].heading_only and not self.rows[0].task

    @property
    def task_groups(self) -> list["TaskGroup"]:
        """The rows task by task: each task's first row spans its rows (``task_rowspan``)."""
        starts = [i for i, row in enumerate(self.rows) if row.task_rowspan]
        return [TaskGroup(self.rows[i : i + self.rows[i].task_rowspan], n + 1 < len(starts)) for n, i in enumerate(starts)]


class TaskGroup(list):
    """A task's rows (a list), and whether another task of its section comes after it (``followed``)."""

    def __init__(self, rows, followed: bool):
        super().__init__(rows)
        self.followed = followed


@dataclass(frozen=True)
class Note:
    """An editor's note, numbered in the order the items appear."""

    number: int
    item_id: str
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A piece of prose, flattened: a heading (label and title) or a paragraph, at a depth (0 = top)."""

    depth: int
    heading: str | None
    text: str | None
    #: A bare label ("(1)", "a)", "-") that opens this paragraph on its line, as on paper: its point has no title.
    lead: str | None = None
    #: This heading is such a label, printed as the next paragraph's ``lead``: skipped by cchc's templates; kept for
    #: templates made before ``lead``, which join it to the next paragraph themselves.
    joined: bool = False


@dataclass(frozen=True)
class Totals:
    """The figures under the table. ``shown`` is None when there is no figure to print (no made-up 0 đồng)."""

    label: str  # "Tổng cộng", or "Cộng phần trích" for an extract
    shown: str | None  # the figure of the total row (declared total, or the sum)
    vnd: str | None  # the same in đồng, "200.000.000"
    in_words: str | None
    declared: str | None
    itemized: str
    difference: str | None  # None when the items add up, or nothing is declared
    note: str | None  # the declared total as a note ("Theo nguồn kinh phí thường xuyên")


@dataclass(frozen=True)
class Header:
    """The document's top block after Nghị định 30/2020: issuing bodies, number, place and date."""

    superior: str | None
    issuer: str | None
    number: str | None
    place: str | None
    date_line: str | None  # "Thái Bình, ngày 31 tháng 12 năm 2020"
    date_dmy: str | None
    symbol_kind: str  # "QĐ" or "KH", for a number left blank

    @property
    def superior_parts(self) -> tuple[str, str]:
        return _parts_on_two_lines(self.superior or "")

    @property
    def issuer_parts(self) -> tuple[str, str]:
        return _parts_on_two_lines(self.issuer or "")


#: The narrowest letterhead column (40 % of a portrait page's 165 mm), in thousandths of an em of its 13 pt type.
_ISSUER_ROOM = 0.4 * 165 / 25.4 * 72 / 13 * 1000


def _parts_on_two_lines(name: str) -> tuple[str, str]:
    """``place_apart`` of a name longer than a line of the letterhead's column; (name, "") of one that fits on
    any page's (judged in capitals, by Times New Roman's widest face), which stays as it is written."""
    from cchc.outputs.docx_fit import line_count

    body, place = place_apart(name)
    if not place or line_count(" ".join(name.upper().split()), _ISSUER_ROOM) == 1:
        return name, ""
    return body, place


#: A place word and the name after it, in an issuing body's name ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM"); not "TỈNH ỦY",
#: "HUYỆN ĐOÀN" (bodies whose name starts so), nor the "XÃ HỘI" of "BẢO HIỂM XÃ HỘI".
_PLACE = re.compile(r"(?<=\s)(?:thành phố|thị xã|thị trấn|tỉnh|huyện|quận|xã(?!\s+hội\b)|phường)\s+(?!(?:ủy|uỷ|đoàn)\b)\S", re.IGNORECASE)


def place_apart(name: str) -> tuple[str, str]:
    """An issuing body's name as (its body, its place): ("ỦY BAN NHÂN DÂN", "TỈNH HÀ NAM"); (name, "") when it names
    no place after its first word. The letterhead keeps the place on one line ("… TỈNH HÀ / NAM" splits a province's
    name), after the body when both fit on a line, else on the next, as official documents print it."""
    found = _PLACE.search(name)
    if found is None:
        return name, ""
    return name[: found.start()].rstrip(), " ".join(name[found.start() :].split())


@dataclass(frozen=True)
class View:
    """All a template needs; ``plan`` is the model itself, for its texts."""

    plan: object
    kind: str  # "quyet-dinh" or "ke-hoach"
    inline_article: int | None  # the decision's article that holds the plan, when it is written inside it
    extract: str | None
    header: Header
    title_lines: list[str]
    prose_before: list[Paragraph]
    sections: list[SectionView]
    prose_after: list[Paragraph]
    has_money: bool
    has_stt: bool
    totals: Totals
    notes: list[Note]
    signer: object | None  # cchc.model.Signer of the document
    recipients: list[str]
    #: The letterhead and the title head the table's first page, not a page of their own: what the PDF prints of
    #: a kế hoạch with nothing between its title and its table unless that takes more pages (``joins_letterhead``).
    letterhead_on_table: bool = False
    #: The headings that end the prose before the table are printed over it (``table_heads``); False keeps them
    #: where they are written (cchc's drawn pages, for a heading longer than a line).
    heads_over_table: bool = True

    @property
    def table_heads(self) -> list[Paragraph]:
        """The headings that end the prose before the table with nothing under them ("II. NHIỆM VỤ TRỌNG TÂM"):
        they head the table, on its first page, not the foot of the page before (none in an extract)."""
        if self.extract is not None or not self.heads_over_table:
            return []
        count = len(self.prose_before)
        while count and self.prose_before[count - 1].heading is not None and not self.prose_before[count - 1].joined:
            count -= 1
        return self.prose_before[count:]

    @property
    def prose_before_body(self) -> list[Paragraph]:
        """``prose_before`` without its ``table_heads``: what is printed before the table's pages."""
        return self.prose_before[: len(self.prose_before) - len(self.table_heads)]

    @property
    def headings(self) -> dict[str, str]:
        """The task table's column headings: the plan's own (``plan.headings``) over cchc's."""
        from cchc.model import DEFAULT_HEADINGS

        own = self.plan.plan.headings
        return {**DEFAULT_HEADINGS, **({k: v for k, v in vars(own).items() if v is not None} if own is not None else {})}

    @property
    def agency_names(self) -> list[str]:
        """The registry's names and short forms, each once, in the document's metadata (an HTML page's meta, a Word
        file's custom properties): ``cchc import`` of it knows them, and splits a cell printed as written into them."""
        return [n for n in dict.fromkeys(n for a in self.plan.agencies for n in (a.name, *a.short)) if "\n" not in n]

    # Kept for templates written for cchc 0.1 (--template-dir).
    @property
    def date_line(self) -> str:
        return self.header.date_line or ""

    @property
    def date_dmy(self) -> str:
        return self.header.date_dmy or ""


#: The quốc hiệu and tiêu ngữ of every letterhead (Nghị định 30/2020).
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def joins_letterhead(view: View, prose: bool = False) -> bool:
    """Whether the view's letterhead and title may head its table's page: a whole kế hoạch with no prose before
    the table (with *prose*, or some), whose letterhead's own page would be nearly empty."""
    return view.plan.decision is None and view.extract is None and (prose or not view.prose_before_body)


def flatten(blocks, depth: int = 0) -> list[Paragraph]:
    """Prose blocks in reading order: each heading, then its paragraphs, then its sub-blocks; a point numbered by a
    bare label with no title ("(1)", "a)") has its label open its first paragraph (``Paragraph.lead``)."""
    result: list[Paragraph] = []
    for block in blocks:
        label = block.label or ""
        lead = label if block.paragraphs and not block.title and len(label) <= 6 and " " not in label else None
        if block.label or block.title:
            result.append(Paragraph(depth, block.heading, None, joined=lead is not None))
        result.extend(Paragraph(depth, None, text, lead if n == 0 else None) for n, text in enumerate(block.paragraphs))
        result.extend(flatten(block.blocks, depth + 1))
    return result


def build_view(plan, *, section: str | None = None, agency=None, direct: bool = False) -> View:
    """The view of *plan*, keeping only the items in *section* and involving *agency* when given.

    An agency's extract holds the items that name it (as lead, the plan's default
    lead, or partner) and, unless *direct*, those given to a group it belongs to
    ("Các sở, ban, ngành"), as ``cchc list --agency`` selects them.
    """
    registry = AgencyRegistry(plan.agencies)
    concerned = [agency] + ([] if agency is None or direct else registry.groups_of(agency))
    wanted = {id(one) for one in concerned}

    def involved(item) -> bool:
        # The item's own names against the set of the agency and its groups: not each group tried in turn.
        return any(id(registry.resolve(name)) in wanted for name in role_names(item, "any", leads(item, plan)))

    notes: list[Note] = []
    sections: list[SectionView] = []
    all_amounts = []
    cells = _Cells(plan)
    leads_of = cells.leads
    # A plan whose table has no sections (a district's list of tasks, imported from Word under the section "1" that
    # cchc numbers) holds one section "1" with no title: printed with no heading row and no column of its own, as
    # the document was. A label of its own ("II", "B") is printed, and so comes back from Word.
    unheaded = len(plan.sections) == 1 and not plan.sections[0].title and plan.sections[0].numeral == "1"
    for sec in plan.sections:
        if section is not None and sec.numeral != section:
            continue
        kept = [(task, [i for i in task.items if agency is None or involved(i)]) for task in sec.tasks]
        # A task with no item yet is printed as its heading alone ("1. Xây dựng văn bản" over rows "1.1", "1.2"
        # of tasks of their own), unless an agency's extract leaves it empty.
        kept = [(task, items) for task, items in kept if items or (agency is None and task.label)]
        if not kept and agency is not None:
            continue  # an agency's extract leaves out a section it has no item in
        if not kept:  # a section with no task yet (or none named) is printed as its heading alone
            kept = [(_NO_TASK, [])]
        rows: list[Row] = []
        amounts: list = []
        span = sum(len(items) or 1 for _, items in kept)  # the section's cell spans its rows, on the first
        for task, items in kept:
            label, task_span = task.label, len(items) or 1  # and the task's its own, on its first
            if not items:
                rows.append(_new_row(("", "", span, label, 1, "", "", "", "", "", False, None, None)))
                span = 0
            for item in items:
                note, budget = item.note, item.budget
                if note:
                    notes.append(Note(len(notes) + 1, item.id, note))
                if budget is None or isinstance(budget, str):  # no amount: blank, or a note ("Theo dự án")
                    shown, is_amount = budget or "", False
                else:
                    amounts.append(budget)
                    shown, is_amount = cells.figure(budget), True
                rows.append(_new_row((
                    item.id, item.stt or "", span, label, task_span, item.product, item.lead_cell or leads_of[tuple(item.lead)],
                    item.partners_cell or "; ".join(item.partners), item.deadline, shown, is_amount, note or None, len(notes) if note else None,
                )))
                span = task_span = 0
        all_amounts += amounts
        partial = agency is not None and sum(len(items) for _, items in kept) < sum(len(task.items) for task in sec.tasks)
        sections.append(SectionView(sec.numeral, sec.title or "", "" if unheaded else sec.heading, rows,
                                    format_number(exact_sum(amounts)) if amounts else None, partial))

    header = plan.plan
    extract = _extract_heading(plan, section, agency, direct)
    declared = header.total_million_vnd
    itemized = exact_sum(all_amounts)
    has_money = declared is not None or bool(all_amounts) or any(
        item.budget is not None for _, _, item in plan.items()
    )
    if extract is None and declared is not None:
        shown, words, label = declared, header.total_in_words, "Tổng cộng"
    elif extract is None:
        # Nothing declared: the printed plan, the document as issued, shows no total it did not have (a
        # "Tổng cộng" row would read as declared, and come back as such from cchc import).
        shown, words, label = None, None, "Tổng cộng"
    else:
        shown, words, label = (itemized if all_amounts else None), (million_in_words(itemized) if all_amounts else None), "Cộng phần trích"
    gap = None if declared is None else itemized - declared
    totals = Totals(
        label=label,
        shown=None if shown is None else format_number(shown),
        vnd=None if shown is None else format_number(million_to_vnd(shown)),
        in_words=words,
        declared=None if declared is None else format_number(declared),
        itemized=format_number(itemized),
        # Only the whole plan is compared with the declared total; an extract is a part of it.
        difference=None if extract is not None or not gap else ("+" if gap > 0 else "") + format_number(gap),
        note=header.total_note,
    )
    decision = plan.decision
    document = decision if decision is not None else header
    return View(
        plan=plan,
        kind=plan.kind,
        inline_article=decision.plan_in_article if decision is not None else None,
        extract=extract,
        header=_header(document, "QĐ" if decision is not None else "KH"),
        title_lines=_title_lines(header.title),
        prose_before=flatten(plan.prose_before),
        sections=sections,
        prose_after=flatten(plan.prose_after),
        has_money=has_money,
        has_stt=any(item.stt for _, _, item in plan.items()),
        totals=totals,
        notes=notes,
        signer=document.signer,
        recipients=list(document.recipients),
    )


def _header(document, symbol_kind: str) -> Header:
    date = document.date
    place = document.place
    if date is not None:
        date_line = f"{place}, {long_date(date)}" if place else long_date(date)[0].upper() + long_date(date)[1:]
        dmy = f"{date.day:02d}/{date.month:02d}/{date.year}"
    else:
        date_line = f"{place}, ngày      tháng      năm" if place else None
        dmy = None
    return Header(document.superior, document.issuer, document.number, place, date_line, dmy, symbol_kind)


class _NoTask(NamedTuple):
    """The task of a section that has none yet: its row is the section's heading alone."""

    label: str = ""


_NO_TASK = _NoTask()


class _Cells:
    """A row's lead cell and amount as printed, each made once (a plan repeats its agencies and amounts).

    ``leads`` maps an item's lead names (a tuple) to its cell.
    """

    def __init__(self, plan):
        default = plan.plan.default_lead
        self.default = [default] if default else []
        self.leads = Made(self.lead)
        self.figures: dict[int, str] = {}  # whole amounts (equal ints print alike; Decimal("2.50") and 2.5 need not)

    def lead(self, names: tuple) -> str:
        return "; ".join(names or self.default)  # the plan's default lead for a blank cell

    def figure(self, amount) -> str:
        if type(amount) is not int:
            return format_number(amount)
        text = self.figures.get(amount)
        if text is None:
            text = self.figures[amount] = format_number(amount)
        return text


#: A Row from its fields in a tuple, without the named tuple's own ``__new__`` (Python code): one per item.
_new_row = partial(tuple.__new__, Row)


def _extract_heading(plan, section: str | None, agency, direct: bool = False) -> str | None:
    parts = []
    if section is not None:
        titles = {s.numeral: s.heading for s in plan.sections}
        parts.append(f"Mục {titles.get(section, section)}")
    if agency is not None:  # --direct leaves out the items given to the agency's groups: the heading says so
        parts.append(f"các nhiệm vụ {'giao trực tiếp cho' if direct else 'của'} {agency.name} (chủ trì hoặc phối hợp)")
    return "Trích: " + "; ".join(parts) if parts else None


#: What may part "KẾ HOẠCH" from the rest of a title: spaces (a no-break one too), a line break, a colon, a dash.
_PARTING = " \t\r\n\u00a0:-–—"


def _title_lines(title: str) -> list[str]:
    """["KẾ HOẠCH", rest of the title]: the document type stands on its own line, as on paper."""
    kind = "KẾ HOẠCH"
    if title.upper().startswith(kind) and title[len(kind) : len(kind) + 1] in ("", *_PARTING):
        # "KẾ HOẠCH Cải cách …", "KẾ HOẠCH⏎Cải cách …", "KẾ HOẠCH: Cải cách …": the line break stands for what parts them
        rest = title[len(kind) :].lstrip(_PARTING).strip()
        return [kind, rest] if rest else [kind]
    return [kind, title]
