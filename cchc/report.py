"""The periodic report: how much of the plan is done as of a date, in classes and figures.

Reporting periods (*kỳ báo cáo*) follow Bộ Nội vụ's rules: data run from 15/12
of the previous year to 14/3 (quý I, ``Q1/2021``), 14/6 (6 tháng, ``6T/2021``),
14/9 (quý III, ``Q3/2021``) and 14/12 (năm, ``2021``), and the report is due
by the 20th of the period's last month. A report is made *as of* a date A:
the period's last day, or any date (``--as-of``; the window is then the
reporting year so far, from the 15/12 before A).

Every item falls in exactly one class as of A, tried in this order:

``cancelled``
    its status as of A is ``cancelled``.
``done_on_time`` / ``done_late``
    its status as of A is ``done``, and the date of that ``done`` entry is on
    or before / after its *reference due date*. An item with no due date that
    is done is on time.
``overdue``
    not done, and a due date lies before A (a due date is a whole day: an item
    due on A is not yet overdue on A).
``in_progress``
    marked ``in_progress``, not overdue (dated or not).
``not_started``
    dated, no due date before A, nothing done (no entry, or ``not_started``).
``undated``
    no due date (ongoing, after an event, as planned, blank), and nothing
    done or under way.

**Items with several due dates** ("Quý II, IV/2021", recurring "Hằng quý",
"Trước ngày 15 hằng tháng"): the log holds one status per item, not one per
occurrence, so "done" means done for every occurrence. As the progress issue
(14) defines the classes, such an item is ``overdue`` as soon as its *first*
due date has passed without it being done (a "Hằng quý" item not done by 31/3
is overdue in the 6-month report of 14/6), and stays overdue until done; once
done, it is ``done_on_time`` when the ``done`` entry is dated on or before its
*last* due date, ``done_late`` after it. The ``done`` entry measured is the first
of those that end the item's history as of A: a second ``done`` that adds
evidence later does not make an item late (done, reopened, done again: the
last time it was done counts). So a "Quý II, IV/2021" item (due
30/6 and 31/12) still undone on 14/9 is overdue in the Q3 report; done on 1/7
it is on time (by 31/12) in every report as of 1/7 or later. A "Hằng quý"
item done on 10/5 is on time. An item reported overdue in one report may thus
be done on time in a later one: the overdue list says what is missing as of
A, "on time" that the item was done within its last deadline.
``reference_due`` is the one place that says which due date a done
item is measured against.

**Completion rate** (*tỷ lệ hoàn thành*) = (done on time + done late) /
(done on time + done late + overdue), over dated items only (an undated item
done is counted as done on time but not in the rate); None when nothing is
due or done yet. It is kept as an exact fraction; outputs round it.

**Score bands.** The PAR index scores the rate; the bands and their one
place of change are in ``cchc.bands`` (``DEFAULT_BANDS``: Cà Mau's criteria,
above 90 % → 2 points, 70–90 % → 1, under 70 % → 0; ``--bands FILE`` for a
province's own).

Figures are given for the whole plan, by section, and by first-named lead
agency (the plan's default lead when an item names none; items with no lead
under ``None``). ``entries_in_period`` counts the entries dated in the
period's window, ``done_in_period`` those of them that record ``done`` (an
item done twice there, the second to add evidence, counts twice; one reopened
or cancelled afterwards still counts: it counts what was recorded, not what is
done as of A, and the report's sentence says so).
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from functools import partial
from operator import attrgetter
from typing import Any, NamedTuple

from cchc.bands import DEFAULT_BANDS, Band, Bands, load_bands
from cchc.deadline_kinds import QUARTER_NUMBERS

__all__ = [
    "CLASSES",
    "Period",
    "PeriodError",
    "parse_period",
    "period",
    "window_for",
    "classify",
    "LIST_STATUSES",
    "list_status",
    "Placed",
    "Figures",
    "Group",
    "Report",
    "build_report",
    "Band",
    "Bands",
    "DEFAULT_BANDS",
    "load_bands",
    "reference_due",
]

#: The classes, in the order of the JSON contract.
CLASSES: tuple[str, ...] = ("done_on_time", "done_late", "overdue", "in_progress", "not_started", "undated", "cancelled")

#: Reporting periods: (name, the window's last month and day).
_KINDS = {"Q1": (3, 14), "6T": (6, 14), "Q3": (9, 14), "year": (12, 14)}
#: Day of the report's deadline in the period's last month.
REPORT_DAY = 20
#: The window starts on this day of December of the year before.
WINDOW_START_DAY = 15


# ---------------------------------------------------------------- periods


class PeriodError(ValueError):
    """A period a person typed that is not one of the four: a catalogue key and its arguments."""

    def __init__(self, key: str, params: dict):
        super().__init__(key, params)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Period:
    """A reporting period: normalised name ("Q1/2021", "6T/2021", "Q3/2021", "2021"), its window and the report's deadline."""

    name: str
    kind: str  # "Q1", "6T", "Q3", "year"
    year: int
    start: datetime.date
    end: datetime.date
    report_due: datetime.date


def period(kind: str, year: int) -> Period:
    """The period *kind* ("Q1", "6T", "Q3", "year") of *year*."""
    month, day = _KINDS[kind]
    name = str(year) if kind == "year" else f"{kind}/{year}"
    start = datetime.date(year - 1, 12, WINDOW_START_DAY)
    return Period(name, kind, year, start, datetime.date(year, month, day), datetime.date(year, month, REPORT_DAY))


def window_for(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The reporting year so far as of *day*: from the 15/12 on or before it, to *day*."""
    start = datetime.date(day.year, 12, WINDOW_START_DAY)
    if start > day:
        start = datetime.date(day.year - 1, 12, WINDOW_START_DAY)
    return start, day


_YEAR = r"(?P<year>[0-9]{4})"
_SEP = r"(?:/| nam | |-)"
_PERIOD_FORMS = (
    (re.compile(rf"q(?P<q>[1-4]){_SEP}?{_YEAR}"), "quarter"),
    (re.compile(rf"qu[yi] (?P<q>iv|iii|ii|i|[1-4]){_SEP}{_YEAR}"), "quarter"),  # "Quí", the older spelling, too
    (re.compile(rf"6t{_SEP}?{_YEAR}"), "6T"),
    (re.compile(rf"(?:6|sau) thang(?: dau nam)?{_SEP}{_YEAR}"), "6T"),
    # The Q3 report holds nine months' data (15/12 to 14/9): "Báo cáo 9 tháng" is what it is often called.
    (re.compile(rf"(?:9t{_SEP}?|(?:9|chin) thang(?: dau nam)?{_SEP}){_YEAR}"), "Q3"),
    (re.compile(rf"(?:ca )?nam {_YEAR}"), "year"),
    (re.compile(_YEAR), "year"),
)


def parse_period(text: str) -> Period:
    """"Q1/2021", "quý I/2021", "Quý 1/2021", "6T/2021", "6 tháng 2021", "9 tháng 2021" (Q3), "năm 2021", "2021" … -> Period.

    Case, diacritics and spaces do not matter. Quarters II and IV are not
    reporting periods (their data are in the 6-month and the year's report):
    PeriodError says so; any other text is PeriodError too.
    """
    from cchc.deadlines import MAX_YEAR, MIN_YEAR

    found = _period_form(text)
    if found is not None:
        m, kind = found
        year = int(m["year"])
        if not MIN_YEAR < year <= MAX_YEAR:
            raise PeriodError("period.bad-year", {"value": text, "year": year, "low": MIN_YEAR + 1, "high": MAX_YEAR})
        if kind == "quarter":
            quarter = QUARTER_NUMBERS[m["q"]]
            if quarter in (2, 4):
                raise PeriodError("period.not-a-period", {"value": text, "year": year})
            kind = f"Q{quarter}"
        return period(kind, year)
    raise PeriodError("period.unknown", {"value": text})


def period_months(text: str) -> tuple[int, int, int] | None:
    """The calendar months a period written as ``parse_period`` reads it spans: (year, first, last); "Q3/2021" is
    (2021, 7, 9), "quý II/2021" (2021, 4, 6), "6T/2021" (2021, 1, 6), "9 tháng 2021" (2021, 1, 9), "2021" (2021, 1, 12).
    None when *text* is written as no period. Quarters II and IV are here too: they are months, if not reports."""
    found = _period_form(text)
    if found is None:
        return None
    m, kind = found
    last = 3 * QUARTER_NUMBERS[m["q"]] if kind == "quarter" else {"6T": 6, "Q3": 9, "year": 12}[kind]
    return int(m["year"]), (last - 2 if kind == "quarter" else 1), last


def _period_form(text: str) -> tuple[re.Match, str] | None:
    """The match of the first of ``_PERIOD_FORMS`` *text* is written in, and its kind; None when it is in none.
    Case, diacritics and spaces do not matter."""
    from cchc.text import fold

    key = re.sub(r"\s*([/-])\s*", r"\1", fold(text[:64]))
    key = key.removeprefix("bao cao ").strip()  # "Báo cáo quý I/2021", "Báo cáo 6 tháng 2021", "Báo cáo năm 2021"
    for pattern, kind in _PERIOD_FORMS:
        m = pattern.fullmatch(key)
        if m is not None:
            return m, kind
    return None


# ---------------------------------------------------------------- classes


class Placed(NamedTuple):
    """An item's place in the report as of A: its class and what decided it (a named tuple: one per item, made fast)."""

    row: Any  # cchc.query.Row
    cls: str
    status: str | None  # as of A
    done_on: datetime.date | None  # the date of the entry that made it done
    reference_due: datetime.date | None  # the due date a done item is measured against
    note: str | None  # the last note on or before A
    dated: bool


def reference_due(due: tuple[datetime.date, ...]) -> datetime.date | None:
    """The due date a done item is measured against: its last (see the module docstring); None when undated."""
    return due[-1] if due else None


def classify(row, log, as_of: datetime.date) -> Placed:
    """The item of *row* as of *as_of*, by the rules of the module docstring (*log* may be None: nothing logged)."""
    item_id = row.item.id
    due = row.deadline.due
    entry = log.entry_as_of(item_id, as_of) if log is not None else None
    status = entry.status if entry is not None else None
    note = log.last_note(item_id, as_of) if log is not None else None
    reference = reference_due(due)
    done_on = None
    if status == "cancelled":
        cls = "cancelled"
    elif status == "done":
        done_on = log.done_since(item_id, as_of)
        late = reference is not None and done_on is not None and done_on > reference
        cls = "done_late" if late else "done_on_time"
    elif due and due[0] < as_of:
        cls = "overdue"
    elif status == "in_progress":
        cls = "in_progress"
    elif due:
        cls = "not_started"
    else:
        cls = "undated"
    return Placed(row, cls, status, done_on, reference, note, bool(due))


def _placed_rows(all_rows, log, as_of: datetime.date) -> list[Placed]:
    """``classify`` of every row. An item the log does not name is placed by its due dates alone, which
    many items share: each parsed deadline is classified once."""
    logged = log.logged_ids() if log is not None else frozenset()
    by_deadline: dict[int, tuple] = {}  # id(deadline) -> (class, reference due, dated)
    placed_all = []
    for row in all_rows:
        if row.item.id in logged:
            placed_all.append(classify(row, log, as_of))
            continue
        facts = by_deadline.get(id(row.deadline))
        if facts is None:
            placed = classify(row, None, as_of)
            facts = by_deadline[id(row.deadline)] = (placed.cls, placed.reference_due, placed.dated)
        cls, reference, dated = facts
        placed_all.append(_new_placed((row, cls, None, None, reference, None, dated)))
    return placed_all


_new_placed = partial(tuple.__new__, Placed)  # a named tuple's own __new__ is Python code
_cls, _dated, _section, _item, _lead = map(attrgetter, ("cls", "dated", "section", "item", "lead"))
_numeral = attrgetter("numeral")


#: What ``list --status`` filters on: the report's classes, done on time and done late as one, "done".
LIST_STATUSES: tuple[str, ...] = ("not_started", "in_progress", "done", "cancelled", "overdue", "undated")


def list_status(row, log, as_of: datetime.date) -> str:
    """The item's class as of *as_of* as ``list --status`` names it (one of ``LIST_STATUSES``), so a list and the report agree."""
    cls = classify(row, log, as_of).cls
    return "done" if cls in ("done_on_time", "done_late") else cls


# ---------------------------------------------------------------- figures


@dataclass
class Figures:
    """Counts by class, the rate's numerator and denominator, and the period's activity, for a set of items."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLASSES, 0))
    done_in_period: int = 0
    entries_in_period: int = 0
    rate_done: int = 0  # dated items done (on time or late)
    rate_total: int = 0  # dated items done or overdue

    @property
    def items(self) -> int:
        return sum(self.counts.values())

    @property
    def rate(self) -> Fraction | None:
        """The completion rate as an exact fraction; None when no dated item is done or overdue."""
        return Fraction(self.rate_done, self.rate_total) if self.rate_total else None

    def add(self, cls: str, dated: bool, done_in_period: int, entries: int, count: int = 1) -> None:
        """Count *count* items placed alike (class, dated or not, done in the period, entries in it)."""
        self.counts[cls] += count
        self.done_in_period += done_in_period * count
        self.entries_in_period += entries * count
        if dated and cls in ("done_on_time", "done_late", "overdue"):
            self.rate_total += count
            self.rate_done += (cls != "overdue") * count


@dataclass
class Group:
    """Figures for a section (key: its label) or a lead agency (key: its full name, None for no lead)."""

    key: str | None
    title: str | None
    figures: Figures = field(default_factory=Figures)


@dataclass
class Report:
    """Everything a report shows, in no format."""

    as_of: datetime.date
    period: Period | None
    window: tuple[datetime.date, datetime.date]
    plan_title: str
    plan_number: str | None
    plan_issuer: str | None  # who issued it: two districts' plans may share a title and a number
    totals: Figures
    by_section: list[Group]
    by_lead: list[Group]
    placed: list[Placed]
    overdue: list[Placed]
    bands: Bands
    registry: Any = None  # cchc.agencies.AgencyRegistry, for full agency names
    #: The plan's default lead as a list (empty when it has none), for items whose lead is blank.
    default_leads: list[str] = field(default_factory=list)

    @property
    def band(self) -> Band | None:
        """The score band the plan's rate falls in; None when there is no rate."""
        return self.bands.band_for(self.totals.rate)


def build_report(plan, log, as_of: datetime.date, period: Period | None = None, bands: Bands | None = None) -> Report:
    """The report of *plan* as of *as_of* (a period's last day, or any date) from *log* (None: nothing logged)."""
    from cchc.agencies import AgencyRegistry
    from cchc.query import plan_issuer, plan_number, rows
    from cchc.collation import sort_key

    registry = AgencyRegistry(plan.agencies)
    window = (period.start, period.end) if period is not None else window_for(as_of)
    in_window: dict[str, list] = {}
    if log is not None:
        for entry in log.between(window[0], min(window[1], as_of)):  # a period not over: what is logged until as_of
            in_window.setdefault(entry.id, []).append(entry)
    all_rows = rows(plan)
    placed_all = _placed_rows(all_rows, log, as_of)
    classes, dated = list(map(_cls, placed_all)), list(map(_dated, placed_all))
    if in_window:
        found = [in_window.get(row.item.id, ()) for row in all_rows]
        done_here = [sum(e.status == "done" for e in entries) for entries in found]
        entry_counts = list(map(len, found))
    else:
        done_here, entry_counts = [False] * len(all_rows), [0] * len(all_rows)
    section_of = list(map(_section, all_rows))
    numerals = list(map(_numeral, section_of))
    sections: dict[str, Group] = {}
    for section in plan.sections:  # every section, in the plan's order: one with no item yet counts nothing
        sections.setdefault(section.numeral, Group(section.numeral, section.title))
    default = plan.plan.default_lead

    def lead_key(cell: tuple) -> str | None:  # an item's lead cell -> the agency its figures go to
        names = cell or ((default,) if default else ())
        first = registry.resolve(names[0]) if names else None
        return first.name if first is not None else (names[0] if names else None)

    cells = list(map(tuple, map(_lead, map(_item, all_rows))))
    key_of = {cell: lead_key(cell) for cell in dict.fromkeys(cells)}
    lead_keys = list(map(key_of.__getitem__, cells))
    # Items placed alike in the same section, or under the same lead, are counted together (in the
    # order each kind first comes, as by_lead's ties are sorted).
    totals = Figures()
    for (numeral, *alike), count in Counter(zip(numerals, classes, dated, done_here, entry_counts)).items():
        for figures in (totals, sections[numeral].figures):
            figures.add(*alike, count)
    by_lead: dict[str | None, Group] = {}
    for (key, *alike), count in Counter(zip(lead_keys, classes, dated, done_here, entry_counts)).items():
        lead = by_lead.get(key)
        if lead is None:
            lead = by_lead[key] = Group(key, None)
        lead.figures.add(*alike, count)
    overdue = [p for p in placed_all if p.cls == "overdue"]
    leads_sorted = sorted(by_lead.values(), key=lambda g: (g.key is None, sort_key(g.key or "")))
    return Report(
        as_of=as_of,
        period=period,
        window=window,
        plan_title=plan.plan.title,
        plan_number=plan_number(plan),
        plan_issuer=plan_issuer(plan),
        totals=totals,
        by_section=list(sections.values()),
        by_lead=leads_sorted,
        placed=placed_all,
        overdue=overdue,
        bands=bands or DEFAULT_BANDS,
        registry=registry,
        default_leads=[plan.plan.default_lead] if plan.plan.default_lead else [],
    )
