"""``cchc progress``: record an item's progress in the log beside the plan, or show its history."""

from __future__ import annotations

import datetime
import os
from enum import Enum
from typing import Annotated, Optional

import typer

from cchc.cli.app import app
from cchc.cli.common import (
    EXIT_PROBLEMS,
    EXIT_USAGE,
    PlanOption,
    ProgressOption,
    an_item_id,
    check_output_path,
    fail,
    lang,
    load_for_query,
    load_log_for_query,
    msg,
    note,
    out,
    out_data,
    plan_path,
    show_errors,
    signals_end_cleanly,
    terminal,
    today_date,
    usage,
)
from cchc.cli.params import parse_day, status_parser
from cchc.statuses import STATUSES  # light: --help imports no log reader

TodayOption = Annotated[Optional[str], typer.Option("--today", metavar="DATE", show_default=False)]


class HistoryFormat(str, Enum):
    table = "table"
    json = "json"


def today_from(value: Optional[str]) -> datetime.date:
    """``--today`` when given (exit 2 when it is not a date), else the machine's date."""
    return parse_day(value, "--today") if value is not None else today_date()


#: The hidden characters of a text a usage error names, at most.
MOST_SHOWN = 5


def _text_option(value: Optional[str], option: str) -> Optional[str]:
    """The text of --evidence or --note as the log keeps it; bytes that are not UTF-8, or a control or invisible
    character (pasted terminal colours, a zero-width space), are a usage error: nothing is written."""
    from cchc.inputs.yaml_chars import describe
    from cchc.progress import MAX_TEXT
    from cchc.progress_write import clean_text, hidden_characters

    if not value or not value.strip():  # blank (a script's empty variable): no text, as when not given
        return None
    try:
        text = clean_text(_as_typed(value))
    except ValueError:
        raise usage(msg("progress.bad-text"), option) from None
    if len(text) > MAX_TEXT:  # the log would refuse it
        raise usage(msg("progress.long-text", length=len(text), limit=MAX_TEXT), option)
    hidden = [f"{d['char']} {d['name']}" for d in map(describe, hidden_characters(text))]
    if hidden:
        shown = ", ".join(hidden[:MOST_SHOWN]) + (", …" if len(hidden) > MOST_SHOWN else "")
        raise usage(msg("progress.hidden-character", chars=shown), option)
    return text


def _as_typed(value: str) -> str:
    """An argument as typed: where Python read the command line as ASCII (LC_ALL=C with PYTHONUTF8=0), each
    byte past ASCII came as a lone surrogate; those bytes are read again as UTF-8 when they are UTF-8."""
    if value.isascii() or value.isprintable():  # no surrogate: nothing to read again
        return value
    try:
        return os.fsencode(value).decode("utf-8")
    except (UnicodeError, ValueError):
        return value  # bytes that are not UTF-8: clean_text refuses them


@app.command()
def progress(
    item_id: Annotated[str, typer.Argument(metavar="ID", parser=an_item_id)],
    status: Annotated[
        Optional[str],
        typer.Option("--status", "-s", parser=status_parser(STATUSES), metavar=f"<{'|'.join(STATUSES)}>", show_default=False),
    ] = None,
    on: Annotated[Optional[str], typer.Option("--on", metavar="DATE", show_default=False)] = None,
    evidence: Annotated[Optional[str], typer.Option("--evidence", "-e", metavar="TEXT", show_default=False)] = None,
    note_text: Annotated[Optional[str], typer.Option("--note", "-n", metavar="TEXT", show_default=False)] = None,
    plan: PlanOption = None,
    progress_path: ProgressOption = None,
    today: TodayOption = None,
    format: Annotated[HistoryFormat, typer.Option("--format", "-f")] = HistoryFormat.table,
) -> None:
    """Record or show an item's progress, in the log kept beside the plan."""
    from cchc.cli.query import find_row
    from cchc.query import rows

    now = today_from(today)
    if status is None:
        if on is not None or evidence is not None or note_text is not None:
            raise usage(msg("progress.needs-status"), "--status")
        source = plan_path(plan)
        loaded = load_for_query(source)
        row = find_row(rows(loaded), item_id)
        log = load_log_for_query(source, loaded, progress_path, now)
        _show_history(row, log, now, format)
        return

    # An entry is dated, unless told, the day of --today, else the machine's own date (what "today" reads on its
    # clock: on a server that keeps UTC, the evening's entries are not dated Vietnam's next day), or Vietnam's when
    # the machine's day began before it (UTC+14): no machine then judges the entry to be from the future.
    from cchc.deadline_kinds import entry_day

    day = parse_day(on, "--on") if on is not None else now if today is not None else entry_day()
    evidence_text = _text_option(evidence, "--evidence")
    note_value = _text_option(note_text, "--note")
    # Nor after the real today, whatever --today says: every later query would refuse the log until that day.
    latest = min(now, today_date())
    if day > latest:
        if on is None:  # the day came from --today, a day still to come: the entry would be dated then
            raise usage(msg("progress.future-today", day=day, today=today_date()), "--today")
        raise usage(msg("progress.future-day", day=day, today=latest), "--on")
    source = plan_path(plan)
    from cchc.load import is_bundled

    if progress_path is None and is_bundled(source):
        raise fail(msg("progress.bundled", path=str(source)), EXIT_USAGE)
    loaded = load_for_query(source)
    row = find_row(rows(loaded), item_id)
    from cchc.progress import FAR_YEARS, Entry, LogNotAppendable, LogReadOnly, append_entry, log_path, plan_date, second_log

    since = plan_date(loaded)
    if since is not None and day < since:
        if on is None:  # the day is today (or --today): nothing the user typed is wrong, the plan is not yet issued
            raise fail(msg("progress.early-today", day=day, since=since), EXIT_USAGE)
        raise usage(msg("progress.early-day", day=day, since=since), "--on")
    target = log_path(source, progress_path)
    check_output_path(target, [source], log=True)
    log = _refuse_a_log_with_errors(target, loaded, max(now, today_date()))  # the day queries judge the log on
    entry = Entry(row.item.id, status, day, evidence_text, note_value)
    # Run twice (a script run again): once is the record. An entry the same as one before another of that day
    # (done, reopened, done again) is written: it changes the status.
    if log is not None and log.entry_as_of(entry.id, day) == entry:
        note(msg("progress.already", id=entry.id, status=msg("status." + entry.status), day=day, path=str(target)))
    else:
        try:
            with signals_end_cleanly():
                append_entry(target, entry, header=msg("progress.header"))
        except LogReadOnly as exc:
            raise fail(msg(exc.key, **exc.params), EXIT_USAGE) from None
        except LogNotAppendable as exc:
            _fail_on_log(exc.problems, exc.key, exc.params)
        except OSError as exc:
            raise fail(msg("cli.cannot-write", path=str(target), reason=exc.strerror or str(exc)), EXIT_USAGE) from None
        note(msg("progress.recorded", id=entry.id, status=msg("status." + entry.status), day=day, path=str(target)))
        _say_later_dates(row, entry, plan, progress_path)
    second = second_log(target) if progress_path is None else None
    if second is not None:  # the entries of the other count for nothing
        note(second.text(lang()))
    if format is HistoryFormat.json:  # what was written, for a script that records progress
        from cchc.outputs.reporters import surrogates_escaped, to_json

        out_data(surrogates_escaped(to_json({"recorded": entry.as_dict(), "log": str(target)})))
    if abs(day.year - loaded.plan.year) > FAR_YEARS:
        note(msg("progress.far-day" if on is not None else "progress.far-day.today", day=day, year=loaded.plan.year, path=str(target)))


def _say_later_dates(row, entry, plan, progress_path) -> None:
    """Done on an item due again later: which dates leave the reminders, and how to record one occurrence instead.
    The occurrence the entry answers is the due date nearest its day (the earlier of two as near): VII-4, due 30/06
    and 31/12, done on 01/07 was late for June, and loses December."""
    due = row.deadline.due
    if entry.status != "done" or not due:
        return
    answered = max(min(due, key=lambda d: (abs((d - entry.date).days), d)), entry.date)
    later = [d for d in due if d > answered]
    if not later:
        return
    import shlex

    from cchc.messages import date_text

    command = ["cchc", "progress", entry.id, "--status", "in_progress", "--on", entry.date.isoformat()]
    command += [*(["--plan", str(plan)] if plan is not None else []), *(["--progress", str(progress_path)] if progress_path else [])]
    dates = ", ".join(date_text(d, lang()) for d in later)
    note(msg("progress.done-early", id=entry.id, due=answered, dates=dates, command=shlex.join(command) + ' --note "…"'))


def _refuse_a_log_with_errors(target, loaded, today: datetime.date):
    """The log at *target* (None when there is none yet); exit as every query would when it has an error (an
    unknown id, a bad status, an entry after *today*): an entry added to it would be read by nothing until the
    error is mended."""
    from cchc.progress import judge_log

    if not os.path.lexists(target):
        return None
    from cchc.problems import errors_among

    log, problems = judge_log(target, loaded, today)
    errors = errors_among(problems)
    if errors:
        _fail_on_log(errors, "progress.has-errors", {"path": str(target)})
    return log


def _fail_on_log(problems: list, key: str, params: dict):
    """Exit 2 with the problem of a log that cannot be read; else exit 1 with the first problems and *key*'s message."""
    from cchc.progress import unreadable

    if unreadable(problems):
        raise fail(problems[0].text(lang()), EXIT_USAGE)
    show_errors(problems)
    raise fail(msg(key, **params), EXIT_PROBLEMS)


def _show_history(row, log, now: datetime.date, format: HistoryFormat) -> None:
    from cchc.messages import date_text

    item = row.item
    history = log.history(item.id, now) if log is not None else []  # as of --today, as the status is
    if format is HistoryFormat.json:
        from cchc.outputs.reporters import to_json

        out_data(to_json({
            "id": item.id,
            "product": item.product,
            "status": log.status_as_of(item.id, now) if log is not None else None,
            "as_of": now.isoformat(),
            "history": [e.as_dict() for e in history],
        }))
        return
    if not history:
        note(msg("progress.no-history", id=item.id))
        return
    from cchc.outputs.tables import Column, table

    language = lang()
    columns = [
        Column(msg("progress.col.date")),
        Column(msg("col.status"), 16),
        Column(msg("progress.col.evidence"), 40),
        Column(msg("col.note"), 40),
    ]
    table_rows = [
        [date_text(e.date, language) if e.date else msg("progress.undated"), msg("status." + e.status), e.evidence or "", e.note or ""]
        for e in history
    ]
    out(table(columns, table_rows, terminal(), msg("progress.history-title", id=item.id, product=item.product)))
