"""Questions to a plan: which items, for whom, due when.

The queries work on ``Row``s (an item with its section, task and parsed
deadline) and return rows; reporters turn them into tables or JSON.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from cchc.agencies import AgencyRegistry
from cchc.deadlines import Deadline, month_end, parse_deadline
from cchc.text import fold, sort_key

ROLES = ("lead", "partner", "any")


@dataclass(frozen=True)
class Row:
    """An item in context: its section, task, position in the plan and parsed deadline."""

    order: int
    section: object  # cchc.model.Section
    task: object  # cchc.model.Task
    item: object  # cchc.model.Item
    deadline: Deadline


def rows(plan) -> list[Row]:
    """Every item of a valid plan, in the plan's order."""
    return [
        Row(order, section, task, item, parse_deadline(item.deadline))
        for order, (section, task, item) in enumerate(plan.items())
    ]


def section_numeral(plan, wanted: str) -> str | None:
    """The plan's numeral for *wanted*: "ii", "II" or "2" all give "II"; None if there is none."""
    text = wanted.strip()
    if text.isdigit():
        index = int(text) - 1
        return plan.sections[index].numeral if 0 <= index < len(plan.sections) else None
    for section in plan.sections:
        if section.numeral.casefold() == text.casefold():
            return section.numeral
    return None


def select(
    all_rows: list[Row],
    registry: AgencyRegistry,
    *,
    agency=None,
    role: str = "any",
    section: str | None = None,
    search: str | None = None,
) -> list[Row]:
    """Rows that pass every given filter (AND): agency in a role, section numeral, text search."""
    needle = fold(search) if search else None
    result = []
    for row in all_rows:
        if section is not None and row.section.numeral != section:
            continue
        if agency is not None and not has_role(row.item, agency, role, registry):
            continue
        if needle is not None and needle not in fold(row.item.product) and needle not in fold(row.task.label):
            continue
        result.append(row)
    return result


def has_role(item, agency, role: str, registry: AgencyRegistry) -> bool:
    """True when *agency* leads (role "lead"), supports ("partner") or either ("any") *item*."""
    lead = any(registry.resolve(name) is agency for name in item.lead)
    if role == "lead":
        return lead
    partner = any(registry.resolve(name) is agency for name in item.partners)
    return partner if role == "partner" else lead or partner


def month_start(year: int, month: int) -> datetime.date:
    """The first day of a month."""
    return datetime.date(year, month, 1)


def due_between(all_rows: list[Row], start: datetime.date | None, end: datetime.date | None) -> list[Row]:
    """Rows with a due date in [start, end] (either bound open when None).

    Sorted by the first such due date, then the plan's order; an item due twice
    in the range (Quý II, IV) is listed once.
    """
    keyed = []
    for row in all_rows:
        dates = [d for d in row.deadline.due if (start is None or d >= start) and (end is None or d <= end)]
        if dates:
            keyed.append((dates[0], row.order, row))
    keyed.sort(key=lambda entry: entry[:2])
    return [row for _, _, row in keyed]


def undated(all_rows: list[Row]) -> list[Row]:
    """Rows whose deadline has no date (recurring, after an event, as planned, blank)."""
    return [row for row in all_rows if not row.deadline.due]


def item_record(row: Row, registry: AgencyRegistry) -> dict:
    """An item as the JSON contract shapes it (full agency names, ISO dates, exact amounts)."""
    item = row.item
    return {
        "id": item.id,
        "section": row.section.numeral,
        "section_title": row.section.title,
        "task": row.task.label or None,
        "product": item.product,
        "lead": [_full_name(n, registry) for n in item.lead],
        "partners": [_full_name(n, registry) for n in item.partners],
        "deadline": {
            "text": item.deadline,
            "kind": row.deadline.kind,
            "due": [d.isoformat() for d in row.deadline.due],
        },
        "budget": {"million_vnd": item.amount, "note": item.budget_note},
        "note": item.note,
        "status": item.status,
    }


def _full_name(name: str, registry: AgencyRegistry) -> str:
    agency = registry.resolve(name)
    return agency.name if agency is not None else name


@dataclass(frozen=True)
class AgencySummary:
    """How much of the plan an agency carries."""

    name: str
    short: tuple[str, ...]
    group: bool
    lead: int
    partner: int
    lead_million_vnd: int | Decimal

    def as_dict(self) -> dict:
        return {
            "agency": self.name,
            "short": list(self.short),
            "group": self.group,
            "lead": self.lead,
            "partner": self.partner,
            "lead_million_vnd": self.lead_million_vnd,
        }


def agency_summary(plan) -> list[AgencySummary]:
    """Every registered agency in Vietnamese alphabetical order, with item counts and led budget.

    The budget counts each item's amount under its first-named lead only, as `cchc budget` does.
    """
    registry = AgencyRegistry(plan.agencies)
    lead = {id(a): 0 for a in plan.agencies}
    partner = dict(lead)
    money: dict[int, int | Decimal] = dict(lead)
    for _, _, item in plan.items():
        leads = {id(a) for a in map(registry.resolve, item.lead) if a is not None}
        partners = {id(a) for a in map(registry.resolve, item.partners) if a is not None}
        for key in leads:
            lead[key] += 1
        for key in partners:
            partner[key] += 1
        first = registry.first_lead(item)
        if first is not None and item.amount is not None:
            money[id(first)] += item.amount
    summary = [
        AgencySummary(a.name, tuple(a.short), a.group, lead[id(a)], partner[id(a)], money[id(a)])
        for a in plan.agencies
    ]
    return sorted(summary, key=lambda s: sort_key(s.name))
