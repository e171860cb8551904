"""``cchc report``: the plan's progress for a reporting period, as a table, JSON, Markdown or HTML."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from cchc.cli.app import app
from cchc.cli.common import (
    EXIT_USAGE,
    OutputOption,
    PlanOption,
    ProgressOption,
    a_path,
    check_output_path,
    fail,
    interactive,
    lang,
    load_for_query,
    load_log_for_query,
    msg,
    note,
    out,
    out_bytes,
    out_data,
    out_text,
    plan_path,
    show_errors,
    terminal,
    usage,
    write_output,
)
from cchc.cli.params import output_format, parse_day
from cchc.cli.progress import TodayOption, today_from


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    md = "md"
    html = "html"
    pdf = "pdf"
    docx = "docx"


@app.command()
def report(
    period: Annotated[Optional[str], typer.Option("--period", metavar="PERIOD", show_default=False)] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="DATE", show_default=False)] = None,
    format: Annotated[Optional[ReportFormat], typer.Option("--format", "-f", show_default=False)] = None,
    output: OutputOption = None,
    plan: PlanOption = None,
    progress_path: ProgressOption = None,
    bands: Annotated[Optional[Path], typer.Option("--bands", metavar="FILE", show_default=False, parser=a_path)] = None,
    today: TodayOption = None,
) -> None:
    """Report on the plan for a period: classes, completion rate and score, by section and lead agency."""
    from cchc.progress import log_path
    from cchc.report import PeriodError, build_report, load_bands, parse_period

    if period is not None and as_of is not None:
        raise usage(msg("report.period-and-as-of"), "--period")
    chosen = None
    if period is not None:
        try:
            chosen = parse_period(period)
        except PeriodError as exc:
            raise usage(msg(exc.key, **exc.params), "--period") from None
        day = chosen.end
    else:
        day = parse_day(as_of, "--as-of") if as_of is not None else None
    now = today_from(today)
    if day is None:
        day = now
    elif day > now:  # a period not over yet: nothing is overdue before its due date comes
        note(msg("report.not-over", end=day, today=now))
        day = now
    fmt = output_format(format, output, ReportFormat, ReportFormat.table)
    source = plan_path(plan)
    if output is not None:
        protected = [source, log_path(source, progress_path)] + ([bands] if bands is not None else [])
        check_output_path(output, protected)
    score_bands = None
    if bands is not None:
        score_bands, problems = load_bands(bands)
        if score_bands is None:
            show_errors(problems)
            raise fail(msg("report.bands-invalid", path=str(bands)), EXIT_USAGE)
    loaded = load_for_query(source)
    log = load_log_for_query(source, loaded, progress_path, now)  # judged as of --today, as every query
    if log is None:  # a report of no progress at all is rarely the one meant (a plan read from elsewhere, a log misnamed)
        note(msg("report.no-log", path=str(log_path(source, progress_path))))
    result = build_report(loaded, log, day, chosen, score_bands)
    start, end = result.window
    reporting = start.year + 1  # a reporting year starts on 15/12 of the year before
    if reporting != loaded.plan.year:
        note(msg("report.outside-year", start=start, end=end, year=loaded.plan.year, reporting=reporting))

    if fmt in (ReportFormat.docx, ReportFormat.pdf) and output is None and interactive():
        raise usage(msg("cli.binary-to-terminal", format=fmt.value), "--output")
    if fmt is ReportFormat.docx:
        from cchc.outputs.report_docx import report_docx

        content = report_docx(result, lang())
    elif fmt is ReportFormat.pdf:
        from cchc.cli.render import pdf_failures
        from cchc.outputs.report import report_pdf

        with pdf_failures():
            content = report_pdf(result, lang())
    elif fmt is ReportFormat.json:
        from cchc.outputs.report import report_record
        from cchc.outputs.reporters import to_json_pieces  # written as it is encoded

        content = to_json_pieces(report_record(result))
    elif fmt is ReportFormat.table:
        from cchc.outputs.report import report_table_pieces

        content = report_table_pieces(result, lang(), terminal() and output is None, utf8=True)
    else:  # md, html: written as the template renders
        from cchc.outputs.report import report_pieces

        content = report_pieces(result, fmt.value, lang())
    if output is not None:
        write_output(output, content)
    elif isinstance(content, bytes):
        out_bytes(content)
    elif fmt is not ReportFormat.table:
        out_data(content)
    elif isinstance(content, str):
        out(content)
    else:
        out_text(content)
