"""``cchc calendar``: the plan's due dates as an iCalendar (.ics) file."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from cchc.cli.app import app
from cchc.cli.common import (
    OutputOption,
    PlanOption,
    ProgressOption,
    check_output_path,
    lang,
    load_for_query,
    load_log_for_query,
    msg,
    note,
    out_bytes,
    plan_path,
    write_output,
)
from cchc.cli.lookups import find_agency, registry
from cchc.cli.params import output_format
from cchc.cli.progress import TodayOption, today_from


class CalendarFormat(str, Enum):
    ics = "ics"


@app.command()
def calendar(
    agency: Annotated[Optional[str], typer.Option("--agency", "-a", metavar="NAME", show_default=False)] = None,
    pending: Annotated[bool, typer.Option("--pending")] = False,
    today: TodayOption = None,
    output: OutputOption = None,
    plan: PlanOption = None,
    progress_path: ProgressOption = None,
) -> None:
    """Write the plan's due dates as an iCalendar file, one all-day event per due date."""
    from cchc.progress import PENDING, log_path
    from cchc.query import rows, select

    now = today_from(today)
    source = plan_path(plan)
    if output is not None:
        output_format(None, output, CalendarFormat, CalendarFormat.ics)  # refuses cal.pdf, cal.html …
        check_output_path(output, [source, log_path(source, progress_path)])
    loaded = load_for_query(source)
    reg = registry(loaded)
    found = find_agency(reg, agency) if agency is not None else None
    log = load_log_for_query(source, loaded, progress_path, now) if pending else None
    selected = select(
        rows(loaded),
        reg,
        plan=loaded,
        agency=found,
        statuses=PENDING if log is not None else None,
        status_of=log.status_of(now) if log is not None else None,
    )
    dated = [row for row in selected if row.deadline.due]
    if not dated:  # still a calendar: the file it replaces must not keep events that are done or gone
        note(msg("calendar.nothing"))
    from cchc.outputs.ics import calendar_pieces

    content = calendar_pieces(loaded, dated, lang(), found.name if found is not None else None)  # an event at a time
    if output is not None:
        write_output(output, content)
    else:
        out_bytes(content)
