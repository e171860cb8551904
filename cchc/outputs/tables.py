"""Tables for people: aligned by display width as plain text, or drawn by rich on a terminal.

Plan text is never markup: rich gets ``Text`` objects, so "[/]" or
"[link=…]" in a product prints as written. Control, bidi and zero-width
characters from the plan are shown escaped (\\x1b, \\u202e) in every cell.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import chain, zip_longest
from operator import add, itemgetter, sub
from typing import Iterator, Sequence

from cchc.messages import date_text, money_text, number_text, t
from cchc.outputs import Made
from cchc.outputs.halves import in_two
from cchc.text import column_lines, display_width, escape_controls, table_column


class Column:
    """A table column: heading, width when wrapped (None: as wide as needed), alignment; *whole*: a terminal's
    narrow table cuts its cells' lines no more than it cuts words (a status, "chưa ghi tiến độ")."""

    def __init__(self, heading: str, width: int | None = None, right: bool = False, whole: bool = False):
        self.heading = heading
        self.width = width
        self.right = right
        self.whole = whole


def _cell(value) -> str:
    return escape_controls(str(value))


def plain_table(columns: Sequence[Column], rows: Sequence[Sequence]) -> str:
    """Columns aligned by display width, long cells wrapped; no colour, no box drawing."""
    return "".join(plain_chunks(columns, list(zip(*rows)) if rows else [() for _ in columns]))


#: A long plain table is laid out and given out this many rows at a time: its text is never whole in memory
#: (and a chunk's text stays in the processor's cache while it is scanned, wrapped and padded).
ROWS_PER_CHUNK = 1024


def plain_chunks(columns: Sequence[Column], by_column: Sequence[Sequence], utf8: bool = False) -> Iterator[str | bytes]:
    """plain_table's text in pieces, given the cells column by column.

    One pass finds each column's width (a wrapped column stops once a line fills
    it: none can be wider), then the lines are made a chunk of rows at a time.
    With *utf8*, the rows a second process made come as its UTF-8 bytes, for a
    caller that writes them as they are (``cchc.cli.common.out_text``), not
    read back into text only to be written again.
    """
    widths = [_column_width(col, values) for col, values in zip(columns, by_column)]
    rights = [col.right for col in columns]
    headings = [c.heading for c in columns]
    wide = {h: display_width(h) for h in headings if display_width(h) != len(h)}
    yield _joined(headings, widths, rights, wide) + "\n" + "  ".join("-" * w for w in widths) + "\n"

    def lines(first: int, last: int) -> Iterator[str]:
        for start in range(first, last, ROWS_PER_CHUNK):
            end = min(start + ROWS_PER_CHUNK, last)
            yield _chunk_lines(columns, [values[start:end] for values in by_column], widths, rights)

    yield from in_two(lines, len(by_column[0]) if by_column else 0, ROWS_PER_CHUNK, text=not utf8)


def _column_width(col: Column, values: Sequence) -> int:
    widest = display_width(col.heading)
    # A line is never wider than a wrapped column of two or more (a wider word is cut).
    full = col.width if col.width is not None and col.width >= 2 else None
    for start in range(0, len(values), ROWS_PER_CHUNK):
        if full is not None and widest >= full:
            break
        texts, facts = table_column(values[start : start + ROWS_PER_CHUNK])
        cells, single, narrow = column_lines(texts, col.width, facts)
        lines = cells if single else chain.from_iterable(cells)
        widest = max(widest, max(map(len if narrow else display_width, lines), default=0))
    return widest


def _chunk_lines(columns: Sequence[Column], by_column: list[Sequence], widths: list[int], rights: list[bool]) -> str:
    # Some rows' lines. Most columns hold nothing to escape and no character wider than one column,
    # which one search over the chunk of the column tells; many cells are one line.
    wide: dict[str, int] = {}  # the display width of each line that is not as wide as it is long
    laid = []  # per column: its cells' lines, and whether each cell is one line (a str, not a list)
    for col, values in zip(columns, by_column):
        texts, facts = table_column(values)
        cells, single, narrow = column_lines(texts, col.width, facts)
        if not narrow:
            for line in cells if single else chain.from_iterable(cells):
                size = display_width(line)
                if size != len(line):
                    wide[line] = size
        laid.append((cells, single))
    if wide or not all(widths):
        out: list[str] = []
        for row in zip(*[zip(cells) if single else cells for cells, single in laid]):
            out.extend(_joined(line, widths, rights, wide) for line in zip_longest(*row, fillvalue=""))
        return "\n".join(out) + "\n"
    # Every line as wide as it is long: one %-format pads a whole line. Each column is made as long
    # as the table's lines, a cell's lines followed by blanks up to its row's count; all in C.
    pattern = "  ".join(("%%%ds" if right else "%%-%ds") % w for w, right in zip(widths, rights))
    counts = [list(map(len, cells)) for cells, single in laid if not single]
    per_row = list(map(max, zip(*counts))) if counts else []
    if not per_row or max(per_row) == 1:
        lines = zip(*[cells if single else map(_first, cells) for cells, single in laid])
    else:
        # Made for the counts the rows need only: one cell of 8,000 lines would otherwise make every count up to it.
        blank_lists, blank_tuples = Made(lambda n: [""] * n), Made(lambda n: ("",) * (n - 1))
        padded = []
        for cells, single in laid:
            if single:
                padded.append(chain.from_iterable(map(add, zip(cells), map(blank_tuples.__getitem__, per_row))))
            else:
                padded.append(chain.from_iterable(map(add, cells, map(blank_lists.__getitem__, map(sub, per_row, map(len, cells))))))
        lines = zip(*padded)
    return "\n".join(map(str.rstrip, map(pattern.__mod__, lines))) + "\n"


_first = itemgetter(0)


def _joined(parts: Sequence[str], widths: list[int], rights: list[bool], wide: dict[str, int]) -> str:
    """One line of a table: each part padded to its column's display width."""
    padded = []
    for text, width, right in zip(parts, widths, rights):
        width += len(text) - wide.get(text, len(text))
        padded.append(text.rjust(width) if right else text.ljust(width))
    return "  ".join(padded).rstrip()


def rich_table(columns: Sequence[Column], rows: Sequence[Sequence], title: str | None = None) -> str:
    """The same table drawn by rich for a terminal (rich is imported only here)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    import shutil

    # COLUMNS=0 or a tiny terminal would make rich draw an empty table.
    width = shutil.get_terminal_size((100, 24)).columns
    width = width if width >= 40 else 100
    cells = [[_cell(v) for v in row] for row in rows]
    # Box lines: one more than the columns; padding: one space each side of a cell.
    fitted = fitted_widths(columns, cells, width - 3 * len(columns) - 1)
    table = Table(title=Text(_cell(title)) if title else None, show_lines=False, header_style="bold")
    for k, col in enumerate(columns):
        justify = "right" if col.right else "left"
        if fitted is None:
            table.add_column(Text(col.heading), justify=justify, max_width=col.width, overflow="fold")
        else:
            table.add_column(Text(col.heading), justify=justify, width=fitted[k], overflow="fold")
    for row in cells:
        table.add_row(*map(Text, row))
    console = Console(width=width, highlight=False, soft_wrap=False, markup=False, emoji=False)
    with console.capture() as capture:
        console.print(table)
    return capture.get()


def fitted_widths(columns: Sequence[Column], cells: Sequence[Sequence[str]], room: int) -> list[int] | None:
    """Each column's width in a terminal *room* columns wide (padding and lines aside), no word cut.

    A column wants its widest line (up to its own width) and needs its longest
    word (a date, an amount, "Đúng"); when the table is too wide, each gets
    what it needs and a share of the rest in proportion to what it wants more,
    as a browser lays out a table. None when the words alone do not fit (rich
    then cuts them as it must).
    """
    wants, needs = [], []
    for k, col in enumerate(columns):
        lines = [line for row in cells for line in row[k].split("\n")] + col.heading.split("\n")
        widest = max(map(display_width, lines), default=1)
        want = max(1, min(widest, col.width or widest))
        # A word wider than the column can be is cut anyway (a web address): it asks for no room.
        words = [width for line in lines for width in map(_word_need, line.split()) if width <= want]
        wants.append(want)
        needs.append(want if col.whole else max(words, default=1))
    if sum(wants) <= room:
        return wants
    if sum(needs) > room:
        return None
    spare, more = room - sum(needs), [want - need for want, need in zip(wants, needs)]
    wanted = sum(more)  # more than spare: the table is too wide
    shares = [spare * extra // wanted for extra in more]
    # What rounding left goes to the columns it took most from.
    for k in sorted(range(len(more)), key=lambda i: spare * more[i] % wanted, reverse=True)[: spare - sum(shares)]:
        shares[k] += 1
    return [need + share for need, share in zip(needs, shares)]


def _word_need(word: str) -> int:
    """The columns *word* needs whole: its width, or, holding wide characters (Chinese, Japanese), which may
    break anywhere, its longest run of narrow ones (a wide character: 2)."""
    width = display_width(word)
    if width == len(word):
        return width
    runs = "".join(" " if display_width(char) > 1 else char for char in word).split()
    return max([2, *map(display_width, runs)])


def table(columns: Sequence[Column], rows: Sequence[Sequence], terminal: bool, title: str | None = None) -> str:
    """A table for a person: rich on a terminal, plain otherwise."""
    if terminal:
        return rich_table(columns, rows, title)
    body = plain_table(columns, rows)
    return f"{_cell(title)}\n\n{body}" if title else body


def money(value, lang: str) -> str:
    """An amount for a table cell ("" when None)."""
    return "" if value is None else number_text(value, lang)


# ---------------------------------------------------------------- items


def items_table(
    groups: list[tuple[str | None, list]], registry, plan, status_of, terminal: bool, lang: str, utf8: bool = False, window=None
) -> Iterator[str | bytes]:
    """Item rows (``cchc.query.Row``) as one table per titled group (empty groups left out), in pieces.

    The cells are made from the rows themselves, not from their JSON records.
    *status_of* gives an item's status (None: no progress log). *utf8*: as ``plain_chunks``. *window*, (first, last)
    day (either None: open), is the period ``due`` asks for: an item's due dates shown are those in it ("Hằng tháng"
    asked for June shows 30/06, not twelve dates; its deadline's words say it recurs).
    """
    from cchc.query import due_within

    columns = [
        Column(t("col.id", lang)),
        Column(t("col.product", lang), 48),
        Column(t("col.lead", lang), 28),
        Column(t("col.deadline", lang), 16),
        Column(t("col.due", lang), 10),
        Column(t("col.budget-million", lang), 12, right=True),
    ]
    with_status = status_of is not None and any(status_of(row.item.id) for _, rows in groups for row in rows)
    if with_status:
        columns.append(Column(t("col.status", lang), 14))
    cells = _ItemCells(registry, plan, lang)
    first = True
    for title, rows in groups:
        if not rows:
            continue
        items = [row.item for row in rows]
        leads, due, amounts = cells.leads, cells.due, cells.amounts  # dict look-ups in C; a miss makes the cell
        by_column = [
            [item.id for item in items],
            [row.item.product if row.via is None else cells.product(row) for row in rows],
            [leads[tuple(item.lead)] for item in items],
            [item.deadline for item in items],
            [due[row.deadline.due if window is None else due_within(row.deadline.due, *window)] for row in rows],
            [cells.budget(item.budget) if type(item.budget) is Decimal else amounts[item.budget] for item in items],
        ]
        if with_status:
            by_column.append([cells.status(status_of(row.item.id)) for row in rows])
        if not first:
            yield "\n"
        first = False
        if terminal:
            yield rich_table(columns, list(zip(*by_column)), title)
            continue
        if title:
            yield f"{_cell(title)}\n\n"
        yield from plain_chunks(columns, by_column, utf8)


class _ItemCells:
    """An item's cells in a table, each distinct value made once (a plan repeats its agencies, dates and amounts).

    ``leads`` maps an item's lead names (a tuple), ``due`` its due dates and
    ``amounts`` its budget (None, a note, an int) to its cell.
    """

    def __init__(self, registry, plan, lang: str):
        self.registry, self.lang = registry, lang
        self.default = plan.plan.default_lead
        self.leads = Made(self.lead)
        self.due = Made(lambda due: "\n".join(date_text(d, lang) for d in due))
        self.amounts = Made(self.budget)
        self.decimals: dict[str, str] = {}

    def product(self, row) -> str:
        if row.via is not None and row.via.name:
            return f"{row.item.product}\n" + t("items.via", self.lang, group=row.via.name)
        return row.item.product

    def lead(self, names: tuple) -> str:
        if names:
            return "; ".join(self.registry.full_name(n) for n in names)
        if self.default:  # the plan's default lead stands for a blank cell
            return t("items.default-lead", self.lang, name=self.registry.full_name(self.default))
        return ""

    def budget(self, amount) -> str:
        if amount is None:
            return ""
        if isinstance(amount, str):
            return amount
        if type(amount) is int:
            return money(amount, self.lang)
        key = str(amount)  # Decimal("2.50") prints otherwise than 2.5, and than 2 for Decimal("2.0"): keyed by its text
        text = self.decimals.get(key)
        if text is None:
            text = self.decimals[key] = money(amount, self.lang)
        return text

    def status(self, status: str | None) -> str:
        return t("status." + status, self.lang) if status else ""


def item_detail(record: dict, lang: str, history: Sequence[dict] = ()) -> str:
    """One item in full, field by field."""
    budget = record["budget"]
    due = record["deadline"]["due"]
    lead = "\n".join(record["lead"])
    if record.get("lead_is_default"):
        lead = t("items.default-lead", lang, name=lead)
    blank = f"({t('kind.unspecified', lang)})"  # a cell left blank in the plan, said so alike everywhere
    kind = record["deadline"]["kind"]
    fields = [
        (t("col.id", lang), record["id"]),
        (t("col.section", lang), f"{record['section']}. {record['section_title'] or ''}".rstrip(". ")),
        (t("col.task", lang), record["task"] or t("items.no-task", lang)),  # a row under its section, no task above it
        (t("col.product", lang), record["product"]),
        (t("col.lead", lang), lead or blank),
        (t("col.partners", lang), "\n".join(record["partners"]) or blank),
        (t("col.deadline", lang), record["deadline"]["text"] or blank),
        (t("col.due", lang), ", ".join(date_text(d, lang) for d in due) or (blank if kind == "unspecified" else t("kind." + kind, lang))),
        (t("col.budget", lang), money_text(budget["million_vnd"], lang) if budget["million_vnd"] is not None else budget["note"] or blank),
    ]
    if record["note"]:  # the editor's note, when there is one (no cell of the plan: nothing to call blank)
        fields.append((t("col.note", lang), record["note"]))
    if record.get("status"):
        fields.append((t("col.status", lang), t("status." + record["status"], lang)))
    for entry in history:
        when = date_text(entry["date"], lang) if entry["date"] is not None else t("progress.undated", lang)  # a warning, not an error
        line = f"{when}: {t('status.' + entry['status'], lang)}"
        for extra in (entry.get("evidence"), entry.get("note")):
            if extra:
                line += f"; {extra}"
        fields.append((t("col.history", lang), line))
    text = plain_table([Column(t("col.field", lang)), Column(t("col.content", lang), 80)], fields)
    return text.split("\n", 2)[2]


# ---------------------------------------------------------------- budget


def budget_text(report, terminal: bool, lang: str) -> str:
    """The budget for a person: totals first, the gap stated plainly, then the breakdowns."""
    from cchc.budget import NO_LEAD
    from cchc.money import MILLION

    out = []
    if report.declared is None:
        out.append(t("budget.no-declared", lang))
        if report.declared_note:
            out.append(t("budget.declared-note", lang, note=escape_controls(report.declared_note)))
        if not report.has_figures:  # no figure anywhere: no total of nothing, no tables of zeros
            out.append(t("budget.no-figures", lang))
            out.append("")
            if report.unpriced:
                out.append(_unpriced_table(report, terminal, lang))
            return "\n".join(out)
        out.append(t("budget.itemized", lang, vnd=number_text(report.itemized * MILLION, lang), amount=report.itemized))
    else:
        out.append(t("budget.declared", lang, vnd=number_text(report.declared * MILLION, lang), amount=report.declared))
        if report.declared_in_words:
            out.append(t("budget.in-words", lang, words=escape_controls(report.declared_in_words)))
        if report.declared_note:
            out.append(t("budget.declared-note", lang, note=escape_controls(report.declared_note)))
        out.append(t("budget.itemized", lang, vnd=number_text(report.itemized * MILLION, lang), amount=report.itemized))
        difference = report.difference
        if difference:
            key = "budget.less" if difference < 0 else "budget.more"
            out.append(t(key, lang, amount=abs(difference), signed=("-" if difference < 0 else "+") + number_text(abs(difference), lang)))
        else:
            out.append(t("budget.equal", lang))
    out.append("")
    million = t("col.million", lang)
    out.append(table(
        [Column(t("col.section", lang)), Column(t("col.content", lang), 56), Column(million, right=True)],
        [[s.numeral, s.title, money(s.million_vnd if s.priced else None, lang)] for s in report.sections],
        terminal,
        t("budget.by-section", lang),
    ))
    out.append(table(
        [Column(t("col.section", lang)), Column(t("col.task", lang), 64), Column(million, right=True)],
        [[k.section, k.task or t("budget.no-task", lang), money(k.million_vnd if k.priced else None, lang)] for k in report.tasks],
        terminal,
        t("budget.by-task", lang),
    ))
    out.append(table(
        [Column(t("col.lead", lang), 56), Column(million, right=True)],
        [[t("budget.no-lead", lang) if a.agency == NO_LEAD else a.agency, money(a.million_vnd, lang)] for a in report.leads],
        terminal,
        t("budget.by-lead", lang),
    ))
    if report.unpriced:
        out.append(_unpriced_table(report, terminal, lang))
    return "\n".join(out)


def _unpriced_table(report, terminal: bool, lang: str) -> str:
    return table(
        [Column(t("col.id", lang)), Column(t("col.product", lang), 60), Column(t("col.budget", lang), 16)],
        [[u.id, u.product, u.note or t("budget.blank", lang)] for u in report.unpriced],
        terminal,
        t("budget.unpriced", lang, count=len(report.unpriced)),
    )
