"""The questions: ``due``, ``list``, ``show``, ``agencies``, ``sections``."""

from __future__ import annotations

import datetime
from typing import Annotated, Optional

import typer

from cchc.cli.app import app
from cchc.cli.common import (
    EXIT_PROBLEMS,
    PlanOption,
    ProgressOption,
    an_item_id,
    fail,
    lang,
    load_for_query,
    load_log_for_query,
    msg,
    note,
    out,
    out_data,
    out_text,
    out_utf8,
    terminal,
    today_date,
    usage,
)
from cchc.cli.lookups import find_agency, find_section, registry
from cchc.cli.params import ItemFormat, Role, parse_day, parse_month, role_parser, status_parser

ItemFormatOption = Annotated[ItemFormat, typer.Option("--format", "-f")]
BomOption = Annotated[bool, typer.Option("--bom")]
TodayOption = Annotated[Optional[str], typer.Option("--today", metavar="DATE", show_default=False)]
PendingOption = Annotated[bool, typer.Option("--pending")]


#: What ``list --status`` takes: ``cchc.report.LIST_STATUSES``, the report's classes (written here: --help imports no report).
LIST_STATUSES = ("not_started", "in_progress", "done", "cancelled", "overdue", "undated")


def progress_of(plan_option, plan, progress, today):
    """``item id -> status as of today`` from the plan's log (None everywhere when there is no log)."""
    log = load_log_for_query(plan_option, plan, progress, today)
    return log, (log.status_of(today) if log is not None else (lambda item_id: None))


def pending_rows(all_rows, status_of) -> list:
    """The rows not done nor cancelled as of the day *status_of* answers for (--pending)."""
    from cchc.progress import PENDING

    return [row for row in all_rows if status_of(row.item.id) in PENDING]


def _today(today: Optional[str]) -> datetime.date:
    return parse_day(today, "--today") if today is not None else today_date()


#: Items made into CSV records at a time.
CSV_CHUNK = 2048


def item_output(rows, reg, plan, format: ItemFormat, empty_message: str, groups=None, bom: bool = False, status_of=None, window=None) -> None:
    """Print item rows in *format*; *groups* is [(title, rows)] for a grouped table; *window* the period of ``due``
    (the table shows the due dates in it; JSON and CSV every due date)."""
    from cchc.outputs import reporters, tables
    from cchc.query import item_record

    groups = groups or [(None, rows)]
    selected = [row for _, group in groups for row in group]
    if format is ItemFormat.json:
        # The same text as to_json of the records, written without building them.
        out_utf8(reporters.items_json_pieces(selected, reg, plan, status_of))
        return

    if format is ItemFormat.csv:

        def pieces():  # a chunk of rows at a time: a large query's records are never all in memory
            for start in range(0, max(len(selected), 1), CSV_CHUNK):
                chunk = selected[start : start + CSV_CHUNK]
                records = [item_record(row, reg, plan, status_of(row.item.id) if status_of else None) for row in chunk]
                yield reporters.items_csv(records, bom, header=start == 0)

        out_data(pieces())
    elif not selected:
        note(empty_message)
    else:
        out_text(tables.items_table(groups, reg, plan, status_of, terminal(), lang(), utf8=True, window=window))


@app.command()
def due(
    month: Annotated[Optional[str], typer.Option("--month", "-m", metavar="YYYY-MM", show_default=False)] = None,
    from_: Annotated[Optional[str], typer.Option("--from", metavar="YYYY-MM", show_default=False)] = None,
    to: Annotated[Optional[str], typer.Option("--to", metavar="YYYY-MM", show_default=False)] = None,
    today: TodayOption = None,
    include_ongoing: Annotated[bool, typer.Option("--include-ongoing")] = False,
    pending: PendingOption = False,
    plan: PlanOption = None,
    progress: ProgressOption = None,
    format: ItemFormatOption = ItemFormat.table,
    bom: BomOption = False,
) -> None:
    """List the items due in a month or a range of months."""
    from cchc.deadlines import month_end
    from cchc.query import due_between, month_start, rows, undated

    if month is not None and (from_ is not None or to is not None):
        raise usage(msg("cli.month-or-range"), "--month")
    now = _today(today)
    if month is not None:
        y, m = parse_month(month, "--month")
        start, end = month_start(y, m), month_end(y, m)
        period = msg("period.month", month=f"{m:02d}/{y}")
    elif from_ is not None or to is not None:
        start = month_start(*parse_month(from_, "--from")) if from_ else None
        end = month_end(*parse_month(to, "--to")) if to else None
        if start and end and start > end:
            raise usage(msg("cli.from-after-to", first=from_, last=to), "--from")
        first = f"{start.month:02d}/{start.year}" if start else None
        last = f"{end.month:02d}/{end.year}" if end else None
        period = msg("period.between", first=first, last=last) if first and last else (
            msg("period.from", first=first) if first else msg("period.until", last=last)
        )
    else:
        start, end = month_start(now.year, now.month), None
        period = msg("period.from", first=f"{now.month:02d}/{now.year}")
    loaded_plan = load_for_query(plan)
    _, status_of = progress_of(plan, loaded_plan, progress, now)
    reg = registry(loaded_plan)
    every_row = rows(loaded_plan)
    all_rows = pending_rows(every_row, status_of) if pending else every_row
    dated = due_between(all_rows, start, end)
    nothing = msg("cli.nothing-due", period=period) if dated or format is not ItemFormat.table else _nothing_due(every_row, all_rows, start, end, period, pending)
    groups = [(msg("items.due-title", period=period), dated)]
    if include_ongoing:
        groups.append((msg("items.undated-title"), undated(all_rows, end, loaded_plan.plan.year)))
        if not dated and groups[1][1] and format is ItemFormat.table:  # the table shows no empty group: say it
            note(nothing)
    item_output(dated, reg, loaded_plan, format, nothing, groups, bom, status_of, window=(start, end))


def _nothing_due(every_row, all_rows, start, end, period: str, pending: bool) -> str:
    """That nothing is due in the period; when it lies before or after every due date of the plan, which months
    those are (`cchc due` in 2026 of a 2021 plan: "from 11/2026 on" said nothing of 2021). With --pending, how many
    items due then are done or cancelled, and which months the items that are not fall due in."""
    from cchc.query import due_between

    days = [day for row in all_rows for day in row.deadline.due]
    outside = {}
    if days and ((end is not None and end < min(days)) or (start is not None and start > max(days))):
        first, last = min(days), max(days)
        nearest = first if end is not None and end < first else last
        outside = {"first": f"{first.month:02d}/{first.year}", "last": f"{last.month:02d}/{last.year}", "example": f"{nearest.year}-{nearest.month:02d}"}
    settled = len(due_between(every_row, start, end)) if pending else 0
    if settled:
        return msg("cli.nothing-due.pending-both", period=period, count=settled, **outside) if outside else (
            msg("cli.nothing-due.pending", period=period, count=settled))
    if outside:
        return msg("cli.nothing-due.pending-outside" if pending else "cli.nothing-due.outside", period=period, **outside)
    return msg("cli.nothing-due", period=period)


@app.command("list")
def list_items(
    agency: Annotated[Optional[str], typer.Option("--agency", "-a", metavar="NAME", show_default=False)] = None,
    role: Annotated[Role, typer.Option("--role", "-r", parser=role_parser, metavar="<lead|partner|any>")] = Role.any,
    direct: Annotated[bool, typer.Option("--direct")] = False,
    section: Annotated[Optional[str], typer.Option("--section", "-s", metavar="SECTION", show_default=False)] = None,
    search: Annotated[Optional[str], typer.Option("--search", "-q", metavar="TEXT", show_default=False)] = None,
    status: Annotated[
        Optional[list[str]],
        typer.Option("--status", parser=status_parser(LIST_STATUSES), metavar=f"<{'|'.join(LIST_STATUSES)}>", show_default=False),
    ] = None,
    pending: PendingOption = False,
    today: TodayOption = None,
    plan: PlanOption = None,
    progress: ProgressOption = None,
    format: ItemFormatOption = ItemFormat.table,
    bom: BomOption = False,
) -> None:
    """List items, filtered by agency and role, section and text (filters combine)."""
    from cchc.query import rows, select

    if role is not Role.any and agency is None:
        raise usage(msg("cli.role-needs-agency"), "--role")
    if direct and agency is None:
        raise usage(msg("cli.direct-needs-agency"), "--direct")
    now = _today(today)
    loaded_plan = load_for_query(plan)
    log, status_of = progress_of(plan, loaded_plan, progress, now)
    reg = registry(loaded_plan)
    found_agency = find_agency(reg, agency, say_whose=format is ItemFormat.table) if agency is not None else None
    label = find_section(loaded_plan, section) if section is not None else None
    all_rows = pending_rows(rows(loaded_plan), status_of) if pending else rows(loaded_plan)
    wanted, class_of = None, None  # the statuses asked for, and what each item is as they are asked
    if status:
        # An item is one of the statuses asked for when the status its row prints (the log's, as of --today) is,
        # or the class the report gives it as of --today is: a dated item not yet due with nothing logged is
        # not_started, one in progress past a due date both in_progress and overdue, so `list` agrees with
        # its own rows and with `report`.
        from cchc.report import list_status

        wanted = set(status)
        classes = {row.item.id: list_status(row, log, now) for row in all_rows}
        class_of = lambda item_id: classes[item_id] if classes[item_id] in wanted else status_of(item_id)  # noqa: E731
    selected = select(
        all_rows, reg, plan=loaded_plan, agency=found_agency, role=role.value, direct=direct,
        section=label, search=search, statuses=wanted, status_of=class_of,
    )
    item_output(selected, reg, loaded_plan, format, msg("cli.nothing-matches"), bom=bom, status_of=status_of)


@app.command()
def show(
    item_id: Annotated[str, typer.Argument(metavar="ID", parser=an_item_id)],
    today: TodayOption = None,
    plan: PlanOption = None,
    progress: ProgressOption = None,
    format: ItemFormatOption = ItemFormat.table,
    bom: BomOption = False,
) -> None:
    """Print one item in full, with its progress."""
    from cchc.outputs import reporters, tables
    from cchc.query import item_record, rows

    loaded_plan = load_for_query(plan)
    now = _today(today)
    log, status_of = progress_of(plan, loaded_plan, progress, now)
    reg = registry(loaded_plan)
    row = find_row(rows(loaded_plan), item_id)
    record = item_record(row, reg, loaded_plan, status_of(row.item.id))
    # As of --today: the entries behind the status shown, none logged after that day.
    history = [e.as_dict() for e in log.history(row.item.id, now)] if log is not None else []
    if format is ItemFormat.json:
        out_data(reporters.to_json({**record, "history": history}))
    elif format is ItemFormat.csv:
        out_data(reporters.items_csv([record], bom))
    else:
        out(tables.item_detail(record, lang(), history))


def find_row(all_rows, item_id: str):
    """The row of *item_id* (case aside), or exit 1 with the closest ids."""
    import difflib

    by_id = {row.item.id.casefold(): row for row in all_rows}
    wanted = item_id.strip().casefold()
    row = by_id.get(wanted)
    if row is not None:
        return row
    close = difflib.get_close_matches(wanted[:64], list(by_id), n=3, cutoff=0.5)
    if close:
        raise fail(msg("cli.no-item-suggest", id=item_id, suggestions=", ".join(by_id[c].item.id for c in close)), EXIT_PROBLEMS)
    raise fail(msg("cli.no-item", id=item_id), EXIT_PROBLEMS)


@app.command()
def agencies(plan: PlanOption = None, format: ItemFormatOption = ItemFormat.table, bom: BomOption = False) -> None:
    """Every agency with the items it leads and supports, and the budget it leads."""
    from cchc.outputs import reporters, tables
    from cchc.query import agency_summary

    loaded = load_for_query(plan)
    summary = agency_summary(loaded)
    records = [s.as_dict() for s in summary]
    if format is ItemFormat.json:
        out_data(reporters.to_json(records))
        return
    if format is ItemFormat.csv:
        headers = ["agency", "short", "group", "lead", "partner", "lead_million_vnd", "lead_via_group", "partner_via_group"]
        out_data(reporters.to_csv(headers, [[r[h] for h in headers] for r in records], bom))
        return
    language = lang()
    columns = [
        tables.Column(msg("col.agency"), 44),
        tables.Column(msg("col.short"), 24),
        tables.Column(msg("col.lead-count"), right=True),
        tables.Column(msg("col.partner-count"), right=True),
        tables.Column(msg("col.via-group"), right=True),
        tables.Column(msg("col.lead-budget"), right=True),
    ]
    # A plan with no figure at all (a note for its funding) gets no made-up 0 in a person's table.
    figures = any(item.amount is not None for _, _, item in loaded.items())
    table_rows = [
        [s.name, ", ".join(s.short), s.lead, s.partner, f"{s.lead_via_group}/{s.partner_via_group}",
         tables.money(s.lead_million_vnd if figures else None, language)]
        for s in summary
    ]
    out(tables.table(columns, table_rows, terminal()))


@app.command()
def sections(plan: PlanOption = None, format: ItemFormatOption = ItemFormat.table, bom: BomOption = False) -> None:
    """Each section with its number of items and its budget."""
    from cchc.budget import budget_report
    from cchc.money import exact_sum
    from cchc.outputs import reporters, tables

    loaded_plan = load_for_query(plan)
    report = budget_report(loaded_plan)
    counts = [sum(len(t.items) for t in s.tasks) for s in loaded_plan.sections]
    records = [
        {"section": s.numeral, "title": s.title, "items": count, "million_vnd": s.million_vnd}
        for s, count in zip(report.sections, counts)
    ]
    if format is ItemFormat.json:
        out_data(reporters.to_json(records))
        return
    if format is ItemFormat.csv:
        out_data(reporters.to_csv(["section", "title", "items", "million_vnd"], [list(r.values()) for r in records], bom))
        return
    language = lang()
    columns = [
        tables.Column(msg("col.section")),
        tables.Column(msg("col.content"), 56),
        tables.Column(msg("col.items"), right=True),
        tables.Column(msg("col.budget-million"), right=True),
    ]
    # A plan with no figure anywhere shows no sum of nothing: its budget cells stay blank.
    figures = report.has_figures or report.declared is not None
    # Nor does a section none of whose items has an amount (the source leaves its cells blank).
    table_rows = [
        [r["section"], r["title"], r["items"], tables.money(r["million_vnd"] if figures and s.priced else None, language)]
        for r, s in zip(records, report.sections)
    ]
    total = exact_sum(r["million_vnd"] for r in records) if figures else None
    table_rows.append(["", msg("col.sections-sum"), sum(counts), tables.money(total, language)])
    out(tables.table(columns, table_rows, terminal()))
