"""Questions to a plan: which items, for whom, due when.

The queries work on ``Row``s (an item with its section, task and parsed
deadline) and return rows; reporters turn them into tables or JSON.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache, partial
from itertools import count, repeat
import re
from operator import attrgetter
from typing import NamedTuple

from cchc.agencies import AgencyRegistry
from cchc.deadlines import Deadline, parse_deadline, start_of
from cchc.money import exact_sum
from cchc.collation import sort_key
from cchc.search import finder
from cchc.text import fold, roman_numeral

ROLES = ("lead", "partner", "any")


class Row(NamedTuple):
    """An item in context: its section, task, position in the plan and parsed deadline.

    A named tuple, not a frozen dataclass: a query of 100,000 items makes as many, several times faster.
    """

    order: int
    section: object  # cchc.model.Section
    task: object  # cchc.model.Task
    item: object  # cchc.model.Item
    deadline: Deadline
    #: For an agency query: the group through which the agency is involved (None: named itself).
    via: object | None = None


def rows(plan) -> list[Row]:
    """Every item of a valid plan, in the plan's order (deadlines read in the plan's year).

    Made a column at a time, each row by ``tuple.__new__`` (a named tuple's own
    ``__new__`` is Python code): no Python code runs for an item, but to read
    a deadline wording not met before (``parse_deadline`` keeps them).
    """
    sections: list = []
    tasks: list = []
    items: list = []
    for section in plan.sections:
        for task in section.tasks:
            items += task.items
            sections += repeat(section, len(task.items))
            tasks += repeat(task, len(task.items))
    deadlines = map(parse_deadline, map(_deadline_text, items), repeat(plan.plan.year))
    return list(map(_new_row, zip(count(), sections, tasks, items, deadlines, repeat(None))))


_new_row = partial(tuple.__new__, Row)
_deadline_text = attrgetter("deadline")


def section_label(plan, wanted: str) -> str | None:
    """The plan's label for *wanted*: "ii", "II", "II." or "2" all give "II"; None if there is none.

    A label the plan uses wins ("1" in a plan numbered 1, 2, 3); otherwise a
    number is the Roman numeral it writes ("2" is II, in a plan whose first
    section is II, its I being prose); in a plan numbered otherwise ("A", "B")
    it counts the sections in order.
    """
    text = fold(wanted).rstrip(".")
    labels = [fold(section.numeral).rstrip(".") for section in plan.sections]
    for section, label in zip(plan.sections, labels):
        if label == text:
            return section.numeral
    if text.isascii() and text.isdigit() and len(text) <= 4:
        roman = roman_numeral(int(text)).lower()
        for section, label in zip(plan.sections, labels):
            if label == roman:
                return section.numeral
        if labels and all(_ROMAN_LABEL.fullmatch(label) for label in labels):  # numbered I, II …: none is N
            return None
        index = int(text) - 1
        return plan.sections[index].numeral if 0 <= index < len(plan.sections) else None
    return None


_ROMAN_LABEL = re.compile(r"[ivxlc]+")


def plan_number(plan) -> str | None:
    """The plan's number: the approving decision's, else the plan's own."""
    if plan.decision is not None and plan.decision.number:
        return plan.decision.number
    return plan.plan.number


def plan_issuer(plan) -> str | None:
    """Who issued the plan: the approving decision's issuer, else the plan's own (None when neither is written)."""
    if plan.decision is not None and plan.decision.issuer:
        return plan.decision.issuer
    return plan.plan.issuer


def leads(item, plan) -> list[str]:
    """The item's lead names; the plan's default lead when the item's own cell is blank."""
    if item.lead:
        return item.lead
    default = plan.plan.default_lead
    return [default] if default else []


def select(
    all_rows: list[Row],
    registry: AgencyRegistry,
    *,
    plan=None,
    agency=None,
    role: str = "any",
    direct: bool = False,
    section: str | None = None,
    search: str | None = None,
    statuses: set[str] | None = None,
    status_of=None,
) -> list[Row]:
    """Rows that pass every given filter (AND): agency in a role (directly or through a group), section, text, status.

    Rows selected through a group carry it in ``via``; an item that names the agency itself is never
    selected through a group (it leads and a group of it supports: it is not a partner of its own item).
    """
    found = finder(search) if search else None
    if agency is None and section is None and found is None and statuses is None:
        return list(all_rows)  # no filter: every row, without a test for each
    groups = [] if agency is None or direct else registry.groups_of(agency)
    rank = {id(group): i for i, group in enumerate(groups)}
    result = []
    for row in all_rows:
        if section is not None and row.section.numeral != section:
            continue
        if found is not None and not found(row.item.product) and not found(row.task.label):
            continue
        if statuses is not None and status_of(row.item.id) not in statuses:
            continue
        if agency is not None:
            lead_names = leads(row.item, plan) if plan is not None else row.item.lead
            if has_role(row.item, agency, role, registry, lead_names):
                result.append(row)
                continue
            if groups and has_role(row.item, agency, "any", registry, lead_names):
                continue  # named in its own right in the other role: a group of it does not add a role (as agency_summary counts)
            # The first of the agency's groups (in registry order) the item names in the role, found from the
            # item's own names: a registry of thousands of groups is not tried group by group for every item.
            named = role_names(row.item, role, lead_names)
            ranks = [rank[key] for key in map(id, map(registry.resolve, named)) if key in rank]
            if not ranks:
                continue
            via = groups[min(ranks)]
            row = Row(row.order, row.section, row.task, row.item, row.deadline, via)
        result.append(row)
    return result


def has_role(item, agency, role: str, registry: AgencyRegistry, lead_names=None) -> bool:
    """True when *agency* leads (role "lead"), supports ("partner") or either ("any") *item*."""
    return any(registry.resolve(name) is agency for name in role_names(item, role, item.lead if lead_names is None else lead_names))


def role_names(item, role: str, lead_names) -> tuple | list:
    """The names *item* gives in *role*: its *lead_names* ("lead"), its partners ("partner"), or both ("any")."""
    if role == "lead":
        return lead_names
    if role == "partner":
        return item.partners
    return (*lead_names, *item.partners)


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
        dates = due_within(row.deadline.due, start, end)
        if dates:
            keyed.append((dates[0], row.order, row))
    keyed.sort(key=lambda entry: entry[:2])
    return [row for _, _, row in keyed]


def due_within(due, start: datetime.date | None, end: datetime.date | None) -> tuple:
    """The dates of *due* in [start, end] (either bound open when None), in order."""
    return tuple(day for day in due if (start is None or day >= start) and (end is None or day <= end))


def undated(all_rows: list[Row], until: datetime.date | None = None, year: int | None = None) -> list[Row]:
    """Rows whose deadline has no date (ongoing, after an event, as planned, blank); with *until*, not those that
    start after it ("Từ tháng 7/2025" is not yet ongoing in March 2025; *year* is the plan's, for wordings without one)."""
    return [row for row in all_rows if not row.deadline.due and not (until and any(day > until for day in start_of(row.deadline.text, year)))]


def item_record(row: Row, registry: AgencyRegistry, plan=None, status: str | None = None) -> dict:
    """An item as the JSON contract shapes it (full agency names, ISO dates, exact amounts)."""
    item = row.item
    lead_names = leads(item, plan) if plan is not None else item.lead
    budget = item.budget
    note = isinstance(budget, str)
    return {
        "id": item.id,
        "section": row.section.numeral,
        "section_title": row.section.title,
        "task": row.task.label or None,
        "product": item.product,
        "lead": [registry.full_name(n) for n in lead_names],
        "lead_is_default": not item.lead and bool(lead_names),
        "partners": [registry.full_name(n) for n in item.partners],
        "deadline": {
            "text": item.deadline,
            "kind": row.deadline.kind,
            "due": list(iso_dates(row.deadline.due)),
        },
        "budget": {"million_vnd": None if note else budget, "note": budget if note else None},
        "note": item.note,
        "status": status,
        "stt": item.stt,
        "via": row.via.name if row.via is not None else None,
    }


@lru_cache(maxsize=4096)
def iso_dates(dates: tuple[datetime.date, ...]) -> tuple[str, ...]:
    """Dates as ISO text ("2021-06-30"); a plan repeats a few hundred deadlines at most, so each is made once."""
    return tuple(d.isoformat() for d in dates)


def full_name(name: str, registry: AgencyRegistry) -> str:
    """The registry's full name for a spelling an item uses (the spelling itself when unknown)."""
    return registry.full_name(name)


@dataclass(frozen=True)
class AgencySummary:
    """How much of the plan an agency carries: items it is named in, and items of its groups."""

    name: str
    short: tuple[str, ...]
    group: bool
    lead: int
    partner: int
    lead_million_vnd: int | Decimal
    lead_via_group: int = 0
    partner_via_group: int = 0

    def as_dict(self) -> dict:
        return {
            "agency": self.name,
            "short": list(self.short),
            "group": self.group,
            "lead": self.lead,
            "partner": self.partner,
            "lead_million_vnd": self.lead_million_vnd,
            "lead_via_group": self.lead_via_group,
            "partner_via_group": self.partner_via_group,
        }


def agency_summary(plan) -> list[AgencySummary]:
    """Every registered agency in Vietnamese alphabetical order, with item counts and led budget.

    ``lead``/``partner`` count the items that name the agency; ``*_via_group``
    the further items that name only a group holding it. The budget counts
    each item's amount under its first-named lead only, as `cchc budget` does.
    """
    registry = AgencyRegistry(plan.agencies)
    counts = {id(a): [0, 0, 0, 0] for a in plan.agencies}
    money: dict[int, list] = {id(a): [] for a in plan.agencies}
    named_group = {id(a): a for a in plan.agencies if a.group}
    # Items are counted per set of groups they name in a role, and each set hands its count to the members it holds
    # at the end: a group of n members named by n items costs n + n, not n × n. The members an item names itself
    # are taken back, as they count as named, not reached through a group.
    per_groups: dict[tuple[tuple[int, ...], int], int] = {}
    held_ids: dict[tuple[int, ...], set[int]] = {}
    for _, _, item in plan.items():
        lead_names = leads(item, plan)
        named = [
            {id(a) for a in map(registry.resolve, names) if a is not None}
            for names in (lead_names, item.partners)
        ]
        involved = named[0] | named[1]
        for role, agencies in enumerate(named):
            for key in agencies:
                counts[key][role] += 1
            groups = tuple(sorted(key for key in agencies if key in named_group))
            if not groups:
                continue
            per_groups[groups, role] = per_groups.get((groups, role), 0) + 1
            if groups not in held_ids:
                held_ids[groups] = {id(m) for key in groups for m in registry.held_by(named_group[key])}
            for key in involved & held_ids[groups]:
                counts[key][role + 2] -= 1
        first = registry.first_lead(item) if item.lead else (registry.resolve(lead_names[0]) if lead_names else None)
        if first is not None and item.amount is not None:
            money[id(first)].append(item.amount)
    for (groups, role), times in per_groups.items():
        for key in held_ids[groups]:
            counts[key][role + 2] += times
    summary = [
        AgencySummary(a.name, tuple(a.short), a.group, *counts[id(a)][:2], exact_sum(money[id(a)]), *counts[id(a)][2:])
        for a in plan.agencies
    ]
    return sorted(summary, key=lambda s: sort_key(s.name))
