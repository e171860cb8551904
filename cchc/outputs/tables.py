"""Tables for people: aligned by display width as plain text, or drawn by rich on a terminal.

Plan text is never markup: rich gets ``Text`` objects, so "[/]" or
"[link=…]" in a product prints as written. Control, bidi and zero-width
characters from the plan are shown escaped (\\x1b, \\u202e) in every cell.
"""

from __future__ import annotations

from itertools import chain, zip_longest
from typing import Sequence

from cchc.messages import date_text, money_text, number_text, t
from cchc.text import display_width, escape_all, escape_controls, layout_column


class Column:
    """A table column: heading, width when wrapped (None: as wide as needed), alignment."""

    def __init__(self, heading: str, width: int | None = None, right: bool = False):
        self.heading = heading
        self.width = width
        self.right = right


def _cell(value) -> str:
    return escape_controls(str(value))


def plain_table(columns: Sequence[Column], rows: Sequence[Sequence]) -> str:
    """Columns aligned by display width, long cells wrapped; no colour, no box drawing."""
    return _plain_columns(columns, list(zip(*rows)) if rows else [() for _ in columns])


def _plain_columns(columns: Sequence[Column], by_column: Sequence[Sequence]) -> str:
    # plain_table, given the cells column by column. Most columns hold no character to
    # escape and none wider than one column, which one search over the whole column
    # tells, and most cells are one line.
    wide: dict[str, int] = {}  # the display width of each line that is not as wide as it is long
    widths: list[int] = []
    cells: list[list[list[str]]] = []  # per column, per row: the cell's lines
    multi_line: set[int] = set()  # rows with a cell of several lines
    for col, values in zip(columns, by_column):
        texts = escape_all([value if type(value) is str else str(value) for value in values])
        lines, narrow = layout_column(texts, col.width)
        widest = display_width(col.heading)
        if narrow:
            widest = max(widest, max(map(len, chain.from_iterable(lines)), default=0))
        else:
            for line in chain.from_iterable(lines):
                size = display_width(line)
                if size != len(line):
                    wide[line] = size
                widest = max(widest, size)
        multi_line.update(row for row, cell in enumerate(lines) if len(cell) > 1)
        widths.append(widest)
        cells.append(lines)
    for col in columns:
        if display_width(col.heading) != len(col.heading):
            wide[col.heading] = display_width(col.heading)
    rights = [col.right for col in columns]
    out = [_joined([c.heading for c in columns], widths, rights, wide)]
    out.append("  ".join("-" * w for w in widths))
    if wide or not all(widths):
        fill = None
    else:  # every line as wide as it is long: one format string pads a whole line
        fill = "  ".join(f"{{:{'>' if right else '<'}{w}}}" for w, right in zip(widths, rights)).format
    firsts = [[cell[0] for cell in column] for column in cells]
    for row, parts in enumerate(zip(*firsts)):
        if row in multi_line:
            for line in zip_longest(*[column[row] for column in cells], fillvalue=""):
                out.append(fill(*line).rstrip() if fill else _joined(line, widths, rights, wide))
        else:
            out.append(fill(*parts).rstrip() if fill else _joined(parts, widths, rights, wide))
    return "\n".join(out) + "\n"


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

    table = Table(title=Text(_cell(title)) if title else None, show_lines=False, header_style="bold")
    for col in columns:
        table.add_column(Text(col.heading), justify="right" if col.right else "left", max_width=col.width, overflow="fold")
    for row in rows:
        table.add_row(*[Text(_cell(v)) for v in row])
    import shutil

    # COLUMNS=0 or a tiny terminal would make rich draw an empty table.
    width = shutil.get_terminal_size((100, 24)).columns
    console = Console(width=width if width >= 40 else 100, highlight=False, soft_wrap=False, markup=False, emoji=False)
    with console.capture() as capture:
        console.print(table)
    return capture.get()


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


def items_table(groups: list[tuple[str | None, list[dict]]], terminal: bool, lang: str) -> str:
    """Item records as one table per titled group (empty groups left out)."""
    columns = [
        Column(t("col.id", lang)),
        Column(t("col.product", lang), 48),
        Column(t("col.lead", lang), 28),
        Column(t("col.deadline", lang), 16),
        Column(t("col.due", lang), 10),
        Column(t("col.budget", lang), 12, right=True),
    ]
    with_status = any(r.get("status") for _, records in groups for r in records)
    if with_status:
        columns.append(Column(t("col.status", lang), 14))
    dates: dict[tuple, str] = {}  # the due column of each list of dates (a plan repeats a few hundred)
    amounts: dict = {}  # the budget column of each amount
    chunks = []
    for title, records in groups:
        if not records:
            continue
        cells = [
            [r["id"] for r in records],
            [_product_cell(r, lang) for r in records],
            [_lead_cell(r, lang) for r in records],
            [r["deadline"]["text"] for r in records],
            [_dates_cell(r["deadline"]["due"], lang, dates) for r in records],
            [_budget_cell(r["budget"], lang, amounts) for r in records],
        ]
        if with_status:
            cells.append([t("status." + r["status"], lang) if r.get("status") else "" for r in records])
        if terminal:
            chunks.append(rich_table(columns, list(zip(*cells)), title))
        else:
            body = _plain_columns(columns, cells)
            chunks.append(f"{_cell(title)}\n\n{body}" if title else body)
    return "\n".join(chunks)


def _product_cell(record: dict, lang: str) -> str:
    if record.get("via"):
        return f"{record['product']}\n" + t("items.via", lang, group=record["via"])
    return record["product"]


def _lead_cell(record: dict, lang: str) -> str:
    lead = "; ".join(record["lead"])
    return t("items.default-lead", lang, name=lead) if record.get("lead_is_default") else lead


def _dates_cell(due: list[str], lang: str, memo: dict) -> str:
    key = tuple(due)
    text = memo.get(key)
    if text is None:
        text = memo[key] = "\n".join(date_text(d, lang) for d in due)
    return text


def _budget_cell(budget: dict, lang: str, memo: dict) -> str:
    amount = budget["million_vnd"]
    if amount is None:
        return budget["note"] or ""
    key = amount if type(amount) is int else str(amount)  # Decimal("2.50") prints otherwise than 2.5
    text = memo.get(key)
    if text is None:
        text = memo[key] = money(amount, lang) or (budget["note"] or "")
    return text


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
        (t("col.task", lang), record["task"] or ""),
        (t("col.product", lang), record["product"]),
        (t("col.lead", lang), lead or blank),
        (t("col.partners", lang), "\n".join(record["partners"]) or blank),
        (t("col.deadline", lang), record["deadline"]["text"] or blank),
        (t("col.due", lang), ", ".join(date_text(d, lang) for d in due) or (blank if kind == "unspecified" else t("kind." + kind, lang))),
        (t("col.budget", lang), money_text(budget["million_vnd"], lang) if budget["million_vnd"] is not None else budget["note"] or blank),
        (t("col.note", lang), record["note"] or ""),
    ]
    if record.get("status"):
        fields.append((t("col.status", lang), t("status." + record["status"], lang)))
    for entry in history:
        line = f"{date_text(entry['date'], lang)}: {t('status.' + entry['status'], lang)}"
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
        [[s.numeral, s.title, money(s.million_vnd, lang)] for s in report.sections],
        terminal,
        t("budget.by-section", lang),
    ))
    out.append(table(
        [Column(t("col.section", lang)), Column(t("col.task", lang), 64), Column(million, right=True)],
        [[k.section, k.task or t("budget.no-task", lang), money(k.million_vnd, lang)] for k in report.tasks],
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
        out.append(table(
            [Column(t("col.id", lang)), Column(t("col.product", lang), 60), Column(t("col.budget", lang), 16)],
            [[u.id, u.product, u.note or t("budget.blank", lang)] for u in report.unpriced],
            terminal,
            t("budget.unpriced", lang, count=len(report.unpriced)),
        ))
    return "\n".join(out)
