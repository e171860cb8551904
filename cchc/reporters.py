"""Output formats. Each reporter takes values from the core and returns text.

Validation reporters (``text``, ``json``, ``github``) are picked from
``VALIDATION_REPORTERS`` by name; item reporters (``table``, ``json``, ``csv``)
from ``ITEM_REPORTERS``. Tables are plain, aligned by display width, when the
output is not a terminal; rich draws them (imported only then) when it is.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Callable, Sequence

from cchc.money import format_number
from cchc.problems import Problem
from cchc.text import display_width, wrap


# ---------------------------------------------------------------- validation


def _count(problems: list[Problem]) -> tuple[int, int]:
    errors = sum(1 for p in problems if p.severity == "error")
    return errors, len(problems) - errors


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def summary_line(files: list[str], problems: list[Problem]) -> str:
    """One line: how many files, errors and warnings."""
    errors, warnings = _count(problems)
    verdict = "invalid" if errors else "valid"
    return f"{_plural(len(files), 'file')} checked: {_plural(errors, 'error')}, {_plural(warnings, 'warning')} ({verdict})"


def validation_text(files: list[str], problems: list[Problem]) -> str:
    lines = [str(p) for p in problems]
    lines.append(summary_line(files, problems))
    return "\n".join(lines) + "\n"


def validation_json(files: list[str], problems: list[Problem]) -> str:
    document = {
        "valid": not any(p.severity == "error" for p in problems),
        "files": files,
        "diagnostics": [p.as_dict() for p in problems],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def validation_github(files: list[str], problems: list[Problem]) -> str:
    lines = [
        f"::{p.severity} file={_github_escape(p.file, True)},line={p.line},col={p.column},"
        f"title={_github_escape('cchc ' + p.code, True)}::{_github_escape(p.message)}"
        for p in problems
    ]
    lines.append(summary_line(files, problems))
    return "\n".join(lines) + "\n"


VALIDATION_REPORTERS: dict[str, Callable[[list[str], list[Problem]], str]] = {
    "text": validation_text,
    "json": validation_json,
    "github": validation_github,
}


# ---------------------------------------------------------------- JSON / CSV


def _json_default(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def to_json(value) -> str:
    """JSON with Vietnamese text as is and exact amounts as numbers."""
    return json.dumps(value, ensure_ascii=False, indent=2, default=_json_default) + "\n"


def to_csv(headers: Sequence[str], rows: Sequence[Sequence]) -> str:
    """RFC 4180 CSV with a header row; lists are joined with "; "."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["; ".join(map(str, c)) if isinstance(c, (list, tuple)) else _csv_cell(c) for c in row])
    return out.getvalue()


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return str(_json_default(value))
    return str(value)


# ---------------------------------------------------------------- tables


class Column:
    """A table column: heading, width when wrapped (None: as wide as needed), alignment."""

    def __init__(self, heading: str, width: int | None = None, right: bool = False):
        self.heading = heading
        self.width = width
        self.right = right


def plain_table(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> str:
    """Columns aligned by display width, long cells wrapped; no colour, no box drawing."""
    cells = [[wrap(str(value), col.width) if col.width else str(value).splitlines() or [""] for col, value in zip(columns, row)] for row in rows]
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


def rich_table(columns: Sequence[Column], rows: Sequence[Sequence[str]], title: str | None = None) -> str:
    """The same table drawn by rich for a terminal (rich is imported only here)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for col in columns:
        table.add_column(col.heading, justify="right" if col.right else "left", max_width=col.width, overflow="fold")
    for row in rows:
        table.add_row(*[str(v) for v in row])
    console = Console(highlight=False, soft_wrap=False)
    with console.capture() as capture:
        console.print(table)
    return capture.get()


def table(columns: Sequence[Column], rows: Sequence[Sequence[str]], terminal: bool, title: str | None = None) -> str:
    """A table for a person: rich on a terminal, plain otherwise."""
    if terminal:
        return rich_table(columns, rows, title)
    body = plain_table(columns, rows)
    return f"{title}\n\n{body}" if title else body


def money(value) -> str:
    """An amount for a table cell ("" when None)."""
    return "" if value is None else format_number(value)


# ---------------------------------------------------------------- items

ITEM_CSV_HEADERS = ["id", "section", "task", "product", "lead", "partners", "deadline", "kind", "due", "million_vnd", "budget_note"]


def items_csv(records: list[dict]) -> str:
    """Item records (the JSON contract's shape) as CSV, one row per item."""
    return to_csv(
        ITEM_CSV_HEADERS,
        [
            [r["id"], r["section"], r["task"], r["product"], r["lead"], r["partners"], r["deadline"]["text"],
             r["deadline"]["kind"], r["deadline"]["due"], r["budget"]["million_vnd"], r["budget"]["note"]]
            for r in records
        ],
    )


def items_table(groups: list[tuple[str | None, list[dict]]], terminal: bool) -> str:
    """Item records as one table per titled group (empty groups left out)."""
    columns = [
        Column("Mã"),
        Column("Sản phẩm", 48),
        Column("Chủ trì", 28),
        Column("Thời hạn", 16),
        Column("Hạn", 10),
        Column("Kinh phí", 12, right=True),
    ]
    chunks = []
    for title, records in groups:
        if records:
            rows = [
                [r["id"], r["product"], "; ".join(r["lead"]), r["deadline"]["text"], "\n".join(r["deadline"]["due"]),
                 money(r["budget"]["million_vnd"]) or (r["budget"]["note"] or "")]
                for r in records
            ]
            chunks.append(table(columns, rows, terminal, title))
    return "\n".join(chunks)


# ---------------------------------------------------------------- budget


def budget_record(report) -> dict:
    """The budget as the JSON contract shapes it."""
    return {
        "declared_million_vnd": report.declared,
        "itemized_million_vnd": report.itemized,
        "difference_million_vnd": report.difference,
        "declared_in_words": report.declared_in_words,
        "sections": [{"section": s.numeral, "title": s.title, "million_vnd": s.million_vnd} for s in report.sections],
        "tasks": [{"section": t.section, "task": t.task, "million_vnd": t.million_vnd} for t in report.tasks],
        "leads": [{"agency": a.agency, "million_vnd": a.million_vnd} for a in report.leads],
        "unpriced": [{"id": u.id, "product": u.product, "note": u.note} for u in report.unpriced],
    }


def budget_json(report) -> str:
    return to_json(budget_record(report))


def budget_text(report, terminal: bool) -> str:
    """The budget for a person: totals first, the gap stated plainly, then the breakdowns."""
    from cchc.money import MILLION, format_million, format_vnd

    out = [
        f"Tổng kinh phí công bố (declared):  {format_vnd(report.declared * MILLION)}  ({format_million(report.declared)})",
        f"  Bằng chữ: {report.declared_in_words}" if report.declared_in_words else "",
        f"Tổng các khoản ghi số (itemized):  {format_vnd(report.itemized * MILLION)}  ({format_million(report.itemized)})",
    ]
    difference = report.difference
    if difference:
        direction = "less" if difference < 0 else "more"
        sign = "-" if difference < 0 else "+"
        out.append(
            f"Chênh lệch (difference):           {sign}{format_million(abs(difference))}: the items add up to "
            f"{format_million(abs(difference))} {direction} than the declared total."
        )
    else:
        out.append("The items add up exactly to the declared total.")
    out = [line for line in out if line]
    out.append("")
    out.append(table(
        [Column("Mục"), Column("Nội dung", 56), Column("Triệu đồng", right=True)],
        [[s.numeral, s.title, money(s.million_vnd)] for s in report.sections],
        terminal,
        "Theo mục (by section)",
    ))
    out.append(table(
        [Column("Mục"), Column("Nhiệm vụ", 64), Column("Triệu đồng", right=True)],
        [[t.section, t.task or "(không thuộc nhiệm vụ đánh số)", money(t.million_vnd)] for t in report.tasks],
        terminal,
        "Theo nhiệm vụ (by task)",
    ))
    out.append(table(
        [Column("Cơ quan chủ trì", 56), Column("Triệu đồng", right=True)],
        [[a.agency, money(a.million_vnd)] for a in report.leads],
        terminal,
        "Theo cơ quan chủ trì (by first-named lead agency)",
    ))
    if report.unpriced:
        out.append(table(
            [Column("Mã"), Column("Sản phẩm", 60), Column("Kinh phí", 16)],
            [[u.id, u.product, u.note or "(để trống / blank)"] for u in report.unpriced],
            terminal,
            f"Chưa có số tiền (no amount): {len(report.unpriced)} items",
        ))
    return "\n".join(out)
