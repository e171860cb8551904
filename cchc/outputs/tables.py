"""Tables for people: aligned by display width as plain text, or drawn by rich on a terminal.

Plan text is never markup: rich gets ``Text`` objects, so "[/]" or
"[link=…]" in a product prints as written. Control, bidi and zero-width
characters from the plan are shown escaped (\\x1b, \\u202e) in every cell.
"""

from __future__ import annotations

from typing import Sequence

from cchc.messages import date_text, money_text, number_text, t
from cchc.text import display_width, escape_controls, wrap


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
    cells = [
        [wrap(_cell(value), col.width) if col.width else _cell(value).splitlines() or [""] for col, value in zip(columns, row)]
        for row in rows
    ]
    widths = []
    for i, col in enumerate(columns):
        widest = max([display_width(line) for row in cells for line in row[i]] + [display_width(col.heading)])
        widths.append(widest)

    def pad(text: str, width: int, right: bool) -> str:
        space = " " * (width - display_width(text))
        return space + text if right else text + space

    lines = ["  ".join(pad(c.heading, w, c.right) for c, w in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        height = max(len(c) for c in row)
        for k in range(height):
            parts = [pad(cell[k] if k < len(cell) else "", w, col.right) for cell, w, col in zip(row, widths, columns)]
            lines.append("  ".join(parts).rstrip())
    return "\n".join(lines) + "\n"


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
    console = Console(highlight=False, soft_wrap=False, markup=False, emoji=False)
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
    chunks = []
    for title, records in groups:
        if not records:
            continue
        rows = []
        for r in records:
            lead = "; ".join(r["lead"])
            if r.get("lead_is_default"):
                lead = t("items.default-lead", lang, name=lead)
            product = r["product"]
            if r.get("via"):
                product = f"{product}\n" + t("items.via", lang, group=r["via"])
            row = [
                r["id"],
                product,
                lead,
                r["deadline"]["text"],
                "\n".join(date_text(d, lang) for d in r["deadline"]["due"]),
                money(r["budget"]["million_vnd"], lang) or (r["budget"]["note"] or ""),
            ]
            if with_status:
                row.append(t("status." + r["status"], lang) if r.get("status") else "")
            rows.append(row)
        chunks.append(table(columns, rows, terminal, title))
    return "\n".join(chunks)


def item_detail(record: dict, lang: str, history: Sequence[dict] = ()) -> str:
    """One item in full, field by field."""
    budget = record["budget"]
    due = record["deadline"]["due"]
    lead = "\n".join(record["lead"])
    if record.get("lead_is_default"):
        lead = t("items.default-lead", lang, name=lead)
    fields = [
        (t("col.id", lang), record["id"]),
        (t("col.section", lang), f"{record['section']}. {record['section_title'] or ''}".rstrip(". ")),
        (t("col.task", lang), record["task"] or ""),
        (t("col.product", lang), record["product"]),
        (t("col.lead", lang), lead),
        (t("col.partners", lang), "\n".join(record["partners"])),
        (t("col.deadline", lang), record["deadline"]["text"]),
        (t("col.due", lang), ", ".join(date_text(d, lang) for d in due) or t("kind." + record["deadline"]["kind"], lang)),
        (t("col.budget", lang), money_text(budget["million_vnd"], lang) if budget["million_vnd"] is not None else budget["note"] or ""),
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
            out.append(t("budget.declared-note", lang, note=report.declared_note))
        out.append(t("budget.itemized", lang, vnd=number_text(report.itemized * MILLION, lang), amount=report.itemized))
    else:
        out.append(t("budget.declared", lang, vnd=number_text(report.declared * MILLION, lang), amount=report.declared))
        if report.declared_in_words:
            out.append(t("budget.in-words", lang, words=report.declared_in_words))
        if report.declared_note:
            out.append(t("budget.declared-note", lang, note=report.declared_note))
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
