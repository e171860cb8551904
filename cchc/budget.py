"""The budget against the declared total: totals by section, task and lead agency.

Amounts are million VND, exact (int or Decimal). An item's amount counts once,
under its first-named lead agency, so the agency totals add up to the itemized total.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cchc.agencies import AgencyRegistry
from cchc.money import million_in_words
from cchc.text import sort_key

NO_LEAD = "(chưa có cơ quan chủ trì)"

Amount = int | Decimal


@dataclass(frozen=True)
class SectionTotal:
    numeral: str
    title: str
    million_vnd: Amount


@dataclass(frozen=True)
class TaskTotal:
    section: str
    task: str
    million_vnd: Amount


@dataclass(frozen=True)
class AgencyTotal:
    agency: str
    million_vnd: Amount


@dataclass(frozen=True)
class Unpriced:
    id: str
    product: str
    note: str | None


@dataclass(frozen=True)
class BudgetReport:
    """Everything `cchc budget` shows."""

    declared: Amount
    itemized: Amount
    declared_in_words: str
    sections: list[SectionTotal]
    tasks: list[TaskTotal]
    leads: list[AgencyTotal]
    unpriced: list[Unpriced]

    @property
    def difference(self) -> Amount:
        """Itemized minus declared."""
        return self.itemized - self.declared


def budget_report(plan) -> BudgetReport:
    """Totals of a valid plan."""
    registry = AgencyRegistry(plan.agencies)
    sections: list[SectionTotal] = []
    tasks: list[TaskTotal] = []
    by_lead: dict[str, Amount] = {}
    unpriced: list[Unpriced] = []
    for section in plan.sections:
        section_sum: Amount = 0
        for task in section.tasks:
            task_sum: Amount = 0
            for item in task.items:
                amount = item.amount
                if amount is None:
                    unpriced.append(Unpriced(item.id, item.product, item.budget_note))
                    continue
                task_sum += amount
                first = registry.first_lead(item)
                lead = first.name if first is not None else NO_LEAD
                by_lead[lead] = by_lead.get(lead, 0) + amount
            tasks.append(TaskTotal(section.numeral, task.label, task_sum))
            section_sum += task_sum
        sections.append(SectionTotal(section.numeral, section.title, section_sum))
    itemized = sum((s.million_vnd for s in sections), 0)
    declared = plan.plan.total_million_vnd
    leads = sorted((AgencyTotal(a, m) for a, m in by_lead.items()), key=lambda t: (-t.million_vnd, sort_key(t.agency)))
    return BudgetReport(
        declared=declared,
        itemized=itemized,
        declared_in_words=million_in_words(declared) or "",
        sections=sections,
        tasks=tasks,
        leads=leads,
        unpriced=unpriced,
    )

