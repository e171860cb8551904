"""The ``cchc`` command: options -> core call -> reporter -> exit code.

Exit codes: 0 success (warnings allowed), 1 the plan has errors or a look-up
found nothing to show for a name/id/section (or warnings under ``--strict``),
2 usage or I/O problems (bad option, missing or unreadable file).

Only this module prints and exits. Heavy libraries (pydantic, PyYAML, jinja2,
rich) are imported inside the commands that need them, so ``cchc --help``
starts as fast as typer allows.
"""

from __future__ import annotations

import datetime
import os
import re
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from cchc import __version__

app = typer.Typer(
    name="cchc",
    help="Keep a Vietnamese administrative-reform (CCHC) work plan as YAML: validate it, "
    "ask it what is due and who does what, total its budget, print it.",
    rich_markup_mode=None,
    pretty_exceptions_show_locals=False,
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class ValidateFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


class ItemFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class BudgetFormat(str, Enum):
    table = "table"
    json = "json"


class Role(str, Enum):
    lead = "lead"
    partner = "partner"
    any = "any"


class RenderFormat(str, Enum):
    html = "html"
    md = "md"


PlanOption = Annotated[
    Optional[Path],
    typer.Option(
        "--plan",
        "-p",
        envvar="CCHC_PLAN",
        help="Plan file [default: plans/2021.yaml if present, else the bundled 2021 plan].",
        show_default=False,
        dir_okay=True,
    ),
]
ItemFormatOption = Annotated[
    ItemFormat, typer.Option("--format", "-f", help="Output format; table is plain text when not a terminal.")
]
BudgetFormatOption = Annotated[
    BudgetFormat, typer.Option("--format", "-f", help="Output format; table is plain text when not a terminal.")
]


# ---------------------------------------------------------------- helpers


def _out(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`cchc list | head`): stop quietly, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(EXIT_PROBLEMS) from None
    except OSError as exc:
        raise _fail(f"cannot write the output: {exc.strerror or exc}", EXIT_USAGE) from None


def _fail(message: str, code: int) -> typer.Exit:
    sys.stderr.write(f"cchc: {message}\n")
    return typer.Exit(code)


def _terminal() -> bool:
    return sys.stdout.isatty()


def _plan_path(plan: Optional[Path]) -> Path:
    from cchc.load import default_plan_path

    return plan if plan is not None else default_plan_path()


def _load(plan: Optional[Path]):
    """Load a plan for a query; errors end the command with exit 1, I/O problems with 2."""
    from cchc.load import PlanFileError, load_plan

    path = _plan_path(plan)
    try:
        loaded = load_plan(path)
    except PlanFileError as exc:
        raise _fail(str(exc), EXIT_USAGE)
    errors = [p for p in loaded.problems if p.severity == "error"]
    if loaded.plan is not None and not errors:
        from cchc.checks import check_deadlines

        # A query needs every deadline to parse; the other checks are validate's business.
        errors = loaded.locate([p for p in check_deadlines(loaded.plan) if p.severity == "error"])
    if loaded.plan is None or errors:
        for problem in errors:
            sys.stderr.write(f"{problem}\n")
        raise _fail(f"{path}: the plan has errors; run `cchc validate {path}` for the full report", EXIT_PROBLEMS)
    return loaded.plan


def _registry(plan):
    from cchc.agencies import AgencyRegistry

    return AgencyRegistry(plan.agencies)


def _find_agency(registry, name: str):
    match = registry.find(name)
    if match.agency is not None:
        return match.agency
    if match.candidates:
        names = "\n".join(f"  {a.name}" for a in match.candidates)
        raise _fail(f"agency {name!r} matches several agencies; be more specific:\n{names}", EXIT_PROBLEMS)
    hint = ""
    if match.suggestions:
        hint = "; closest names:\n" + "\n".join(f"  {s}" for s in match.suggestions)
    raise _fail(f"no agency matches {name!r}{hint}\n(`cchc agencies` lists them all)", EXIT_PROBLEMS)


def _find_section(plan, wanted: str) -> str:
    from cchc.query import section_numeral

    numeral = section_numeral(plan, wanted)
    if numeral is None:
        known = ", ".join(s.numeral for s in plan.sections)
        raise _fail(f"no section {wanted!r}; the plan has sections {known} (or 1-{len(plan.sections)})", EXIT_PROBLEMS)
    return numeral


_MONTH_FORMS = (
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})\Z"),
    re.compile(r"(?P<month>\d{1,2})/(?P<year>\d{4})\Z"),
)


def parse_month(value: str, option: str) -> tuple[int, int]:
    """"2021-06" or "06/2021" -> (2021, 6); anything else is a usage error naming the option."""
    for form in _MONTH_FORMS:
        m = form.match(value.strip())
        if m:
            year, month = int(m["year"]), int(m["month"])
            if not 1 <= month <= 12:
                raise typer.BadParameter(f"{value!r}: there is no month {month} (months are 1-12)", param_hint=option)
            return year, month
    raise typer.BadParameter(f"{value!r} is not a month; write YYYY-MM (2021-06) or MM/YYYY (06/2021)", param_hint=option)


def parse_day(value: str, option: str) -> datetime.date:
    """An ISO date (2021-06-15) or dd/mm/yyyy."""
    text = value.strip()
    try:
        if "/" in text:
            day, month, year = (int(x) for x in text.split("/"))
            return datetime.date(year, month, day)
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD (2021-06-15)", param_hint=option) from None


# ---------------------------------------------------------------- app


def _version(value: bool) -> None:
    if value:
        _out(f"cchc {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Keep a Vietnamese administrative-reform (CCHC) work plan as YAML."""


@app.command()
def validate(
    plans: Annotated[
        Optional[List[Path]],
        typer.Argument(help="Plan files [default: $CCHC_PLAN, plans/2021.yaml, or the bundled plan].", show_default=False),
    ] = None,
    format: Annotated[
        Optional[ValidateFormat],
        typer.Option("--format", "-f", help="Output format [default: text; github when GITHUB_ACTIONS=true].", show_default=False),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors (exit 1).")] = False,
    plan_options: Annotated[
        Optional[List[Path]],
        typer.Option("--plan", "-p", help="Plan file, as for the other commands (may be repeated).", show_default=False),
    ] = None,
) -> None:
    """Check plan files: YAML safety, the schema, agencies, deadlines and totals.

    Every problem is printed as file:line:col: severity [CODE] message.
    Exit 0 when there are no errors, 1 when there are (or warnings with --strict),
    2 when a file cannot be read (reported as a problem at 1:1).
    """
    from cchc.checks import run_checks
    from cchc.load import PlanFileError, load_plan
    from cchc.reporters import VALIDATION_REPORTERS

    if format is None:
        format = ValidateFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else ValidateFormat.text
    plans = [*(plans or []), *(plan_options or [])]
    if not plans:
        env = os.environ.get("CCHC_PLAN")
        plans = [Path(env) if env else _plan_path(None)]
    files: list[str] = []
    problems = []
    unreadable = False
    for path in plans:
        try:
            loaded = load_plan(path)
        except PlanFileError as exc:
            files.append(str(path))
            problems.append(exc.problem())
            unreadable = True
            continue
        files.append(loaded.name)
        found = list(loaded.problems)
        if loaded.plan is not None:
            found += loaded.locate(run_checks(loaded.plan))
        problems.extend(found)
    problems.sort()
    _out(VALIDATION_REPORTERS[format.value](files, problems))
    if unreadable:
        raise typer.Exit(EXIT_USAGE)
    if any(p.severity == "error" for p in problems) or (strict and problems):
        raise typer.Exit(EXIT_PROBLEMS)


@app.command()
def schema() -> None:
    """Print the JSON Schema of a plan file (for editors and other validators)."""
    from cchc.schema import plan_schema_json

    _out(plan_schema_json())


def _item_output(rows, registry, format: ItemFormat, empty_message: str, groups=None) -> None:
    """Print item rows in *format*; *groups* is [(title, rows)] for a grouped table."""
    from cchc import reporters
    from cchc.query import item_record

    groups = [(title, [item_record(row, registry) for row in group]) for title, group in (groups or [(None, rows)])]
    records = [record for _, group in groups for record in group]
    if format is ItemFormat.json:
        _out(reporters.to_json(records))
    elif format is ItemFormat.csv:
        _out(reporters.items_csv(records))
    elif not records:
        sys.stderr.write(f"{empty_message}\n")
    else:
        _out(reporters.items_table(groups, _terminal()))


@app.command()
def due(
    month: Annotated[Optional[str], typer.Option("--month", "-m", metavar="YYYY-MM", help="A month: 2021-06 or 06/2021.", show_default=False)] = None,
    from_: Annotated[Optional[str], typer.Option("--from", metavar="YYYY-MM", help="First month of a range (2021-04).", show_default=False)] = None,
    to: Annotated[Optional[str], typer.Option("--to", metavar="YYYY-MM", help="Last month of a range (2021-06).", show_default=False)] = None,
    today: Annotated[
        Optional[str], typer.Option("--today", metavar="DATE", help="Take this date as today (YYYY-MM-DD), for reproducible runs.", show_default=False)
    ] = None,
    include_ongoing: Annotated[
        bool, typer.Option("--include-ongoing", help="Also list items with no due date (recurring, as planned, …).")
    ] = False,
    plan: PlanOption = None,
    format: ItemFormatOption = ItemFormat.table,
) -> None:
    """List the items due in a month or a range of months.

    A period is due on its last day: "Quý II/2021" falls in 2021-06. With no
    period, lists what is due from the current month on. Sorted by due date,
    then plan order.
    """
    from cchc.query import due_between, month_end, month_start, rows, undated

    if month is not None and (from_ is not None or to is not None):
        raise typer.BadParameter("give either --month or --from/--to, not both", param_hint="--month")
    if month is not None:
        y, m = parse_month(month, "--month")
        start, end = month_start(y, m), month_end(y, m)
        label, wording = f"{m:02d}/{y}", f"in {m:02d}/{y}"
    elif from_ is not None or to is not None:
        start = month_start(*parse_month(from_, "--from")) if from_ else None
        end = month_end(*parse_month(to, "--to")) if to else None
        if start and end and start > end:
            raise typer.BadParameter(f"--from {from_} is after --to {to}", param_hint="--from")
        first = f"{start.month:02d}/{start.year}" if start else None
        last = f"{end.month:02d}/{end.year}" if end else None
        label = f"{first} – {last}" if first and last else (f"từ {first}" if first else f"đến {last}")
        wording = f"between {first} and {last}" if first and last else (f"from {first} on" if first else f"up to {last}")
    else:
        now = parse_day(today, "--today") if today else datetime.date.today()
        start, end = month_start(now.year, now.month), None
        label = f"từ {now.month:02d}/{now.year}"
        wording = f"from {now.month:02d}/{now.year} on"
    loaded_plan = _load(plan)
    registry = _registry(loaded_plan)
    all_rows = rows(loaded_plan)
    dated = due_between(all_rows, start, end)
    groups = [(f"Đến hạn {label}", dated)]
    if include_ongoing:
        groups.append(("Không có hạn cụ thể (thường xuyên, theo kế hoạch, …)", undated(all_rows)))
    _item_output(dated, registry, format, f"No items due {wording}.", groups)


@app.command("list")
def list_items(
    agency: Annotated[Optional[str], typer.Option("--agency", "-a", metavar="NAME", help="An agency's name or short form; case and diacritics do not matter.", show_default=False)] = None,
    role: Annotated[Role, typer.Option("--role", "-r", help="With --agency: items it leads, supports, or either.")] = Role.any,
    section: Annotated[Optional[str], typer.Option("--section", "-s", metavar="SECTION", help="A section: I, II, … or 1, 2, ….", show_default=False)] = None,
    search: Annotated[Optional[str], typer.Option("--search", "-q", metavar="TEXT", help="Text to find in the product or task (diacritics optional).", show_default=False)] = None,
    plan: PlanOption = None,
    format: ItemFormatOption = ItemFormat.table,
) -> None:
    """List items, filtered by agency and role, section and text (filters combine)."""
    from cchc.query import rows, select

    if role is not Role.any and agency is None:
        raise typer.BadParameter("--role needs --agency", param_hint="--role")
    loaded_plan = _load(plan)
    registry = _registry(loaded_plan)
    found_agency = _find_agency(registry, agency) if agency is not None else None
    numeral = _find_section(loaded_plan, section) if section is not None else None
    selected = select(rows(loaded_plan), registry, agency=found_agency, role=role.value, section=numeral, search=search)
    _item_output(selected, registry, format, "No items match.")


@app.command()
def show(
    item_id: Annotated[str, typer.Argument(metavar="ID", help="Item id, e.g. I-3 (case does not matter).")],
    plan: PlanOption = None,
    format: ItemFormatOption = ItemFormat.table,
) -> None:
    """Print one item in full."""
    import difflib

    from cchc import reporters
    from cchc.query import item_record, rows

    loaded_plan = _load(plan)
    registry = _registry(loaded_plan)
    by_id = {row.item.id.casefold(): row for row in rows(loaded_plan)}
    row = by_id.get(item_id.strip().casefold())
    if row is None:
        close = difflib.get_close_matches(item_id.casefold(), list(by_id), n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(by_id[c].item.id for c in close)}?" if close else ""
        raise _fail(f"no item {item_id!r}{hint}", EXIT_PROBLEMS)
    record = item_record(row, registry)
    if format is ItemFormat.json:
        _out(reporters.to_json(record))
        return
    if format is ItemFormat.csv:
        _item_output([row], registry, format, "")
        return
    budget = record["budget"]
    fields = [
        ("Mã", record["id"]),
        ("Mục", f"{record['section']}. {record['section_title']}"),
        ("Nhiệm vụ", record["task"] or ""),
        ("Sản phẩm", record["product"]),
        ("Chủ trì", "\n".join(record["lead"])),
        ("Phối hợp", "\n".join(record["partners"])),
        ("Thời hạn", record["deadline"]["text"]),
        ("Hạn", ", ".join(record["deadline"]["due"]) or f"({record['deadline']['kind']})"),
        ("Kinh phí", f"{reporters.money(budget['million_vnd'])} triệu đồng" if budget["million_vnd"] is not None else budget["note"] or ""),
        ("Ghi chú", record["note"] or ""),
    ]
    _out(reporters.plain_table([reporters.Column("Trường"), reporters.Column("Nội dung", 80)], fields).split("\n", 2)[2])


@app.command()
def agencies(plan: PlanOption = None, format: ItemFormatOption = ItemFormat.table) -> None:
    """Every agency with the items it leads and supports, and the budget it leads.

    An item's amount counts under its first-named lead agency only.
    """
    from cchc import reporters
    from cchc.query import agency_summary

    loaded_plan = _load(plan)
    summary = agency_summary(loaded_plan)
    if format is ItemFormat.json:
        _out(reporters.to_json([s.as_dict() for s in summary]))
        return
    if format is ItemFormat.csv:
        records = [s.as_dict() for s in summary]
        _out(reporters.to_csv(list(records[0]) if records else [], [list(r.values()) for r in records]))
        return
    columns = [
        reporters.Column("Cơ quan", 44),
        reporters.Column("Viết tắt", 24),
        reporters.Column("Chủ trì", right=True),
        reporters.Column("Phối hợp", right=True),
        reporters.Column("Kinh phí chủ trì", right=True),
    ]
    table_rows = [[s.name, ", ".join(s.short), s.lead, s.partner, reporters.money(s.lead_million_vnd)] for s in summary]
    _out(reporters.table(columns, table_rows, _terminal()))


@app.command()
def sections(plan: PlanOption = None, format: ItemFormatOption = ItemFormat.table) -> None:
    """Each section with its number of items and its budget."""
    from cchc import reporters
    from cchc.budget import budget_report

    loaded_plan = _load(plan)
    report = budget_report(loaded_plan)
    counts = {s.numeral: sum(len(t.items) for t in s.tasks) for s in loaded_plan.sections}
    records = [
        {"section": s.numeral, "title": s.title, "items": counts[s.numeral], "million_vnd": s.million_vnd}
        for s in report.sections
    ]
    if format is ItemFormat.json:
        _out(reporters.to_json(records))
        return
    if format is ItemFormat.csv:
        _out(reporters.to_csv(["section", "title", "items", "million_vnd"], [list(r.values()) for r in records]))
        return
    columns = [
        reporters.Column("Mục"),
        reporters.Column("Nội dung", 56),
        reporters.Column("Số mục", right=True),
        reporters.Column("Kinh phí", right=True),
    ]
    table_rows = [[r["section"], r["title"], r["items"], reporters.money(r["million_vnd"])] for r in records]
    table_rows.append(["", "Tổng cộng", sum(counts.values()), reporters.money(report.itemized)])
    _out(reporters.table(columns, table_rows, _terminal()))


@app.command()
def budget(plan: PlanOption = None, format: BudgetFormatOption = BudgetFormat.table) -> None:
    """Total the budget against the declared figure: by section, task and lead agency.

    Lists every item whose budget is a note ("Theo dự án") or blank. Amounts
    are million VND; an item counts under its first-named lead agency.
    """
    from cchc.budget import budget_report
    from cchc.reporters import budget_json, budget_text

    report = budget_report(_load(plan))
    if format is BudgetFormat.json:
        _out(budget_json(report))
    else:
        _out(budget_text(report, _terminal()))


@app.command()
def render(
    format: Annotated[RenderFormat, typer.Option("--format", "-f", help="html (for the browser and the printer) or md (for the repository).")] = RenderFormat.html,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically) instead of standard output.", show_default=False)] = None,
    plan: PlanOption = None,
    section: Annotated[Optional[str], typer.Option("--section", "-s", metavar="SECTION", help="Render only this section (I, II, … or 1, 2, …).", show_default=False)] = None,
    agency: Annotated[Optional[str], typer.Option("--agency", "-a", metavar="NAME", help="Render only the items this agency leads or supports.", show_default=False)] = None,
    template_dir: Annotated[
        Optional[Path],
        typer.Option("--template-dir", help="Directory of templates that override the built-in ones by file name.", show_default=False, file_okay=False),
    ] = None,
) -> None:
    """Print the plan as HTML (A4, like the official document) or Markdown."""
    from cchc.write import UnsafeOutput, write_atomically

    plan_path = _plan_path(plan)
    if output is not None:
        try:
            from cchc.write import check_output

            check_output(output, plan_path)
        except UnsafeOutput as exc:
            raise _fail(str(exc), EXIT_USAGE)
    if template_dir is not None and not template_dir.is_dir():
        raise _fail(f"{template_dir}: no such template directory", EXIT_USAGE)
    loaded_plan = _load(plan_path)
    registry = _registry(loaded_plan)
    found_agency = _find_agency(registry, agency) if agency is not None else None
    numeral = _find_section(loaded_plan, section) if section is not None else None

    import jinja2

    from cchc.render import render_plan

    try:
        text = render_plan(loaded_plan, format.value, section=numeral, agency=found_agency, template_dir=template_dir)
    except jinja2.TemplateError as exc:
        where = f"{exc.filename}:{exc.lineno}: " if getattr(exc, "lineno", None) else ""
        raise _fail(f"template error: {where}{exc.message or exc}", EXIT_PROBLEMS)
    if output is None:
        _out(text)
        return
    try:
        write_atomically(output, text)
    except OSError as exc:
        raise _fail(f"{output}: cannot write: {exc.strerror or exc}", EXIT_USAGE)
    sys.stderr.write(f"wrote {output}\n")


def main() -> None:
    """Entry point of the ``cchc`` console script."""
    app()
