"""The budget against the declared total: totals by section, task and lead agency.

Amounts are million VND, exact (int or Decimal). An item's amount counts once,
under its first-named lead agency, so the agency totals add up to the itemized total.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cchc.agencies import AgencyRegistry
from cchc.money import exact_sum, million_in_words
from cchc.collation import sort_key

NO_LEAD = "(chưa có cơ quan chủ trì)"

Amount = int | Decimal


@dataclass(frozen=True)
class SectionTotal:
    numeral: str
    title: str
    million_vnd: Amount
    priced: bool = True  # any of its items has an amount: else its 0 is a sum of nothing, not a figure anyone wrote


@dataclass(frozen=True)
class TaskTotal:
    section: str
    task: str | None
    million_vnd: Amount
    priced: bool = True


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

    declared: Amount | None  # None: the plan declares no figure
    itemized: Amount
    declared_in_words: str | None
    declared_note: str | None
    sections: list[SectionTotal]
    tasks: list[TaskTotal]
    leads: list[AgencyTotal]
    unpriced: list[Unpriced]

    @property
    def has_figures(self) -> bool:
        """Whether any item has an amount (each such item counts under a lead: the lead totals hold them all)."""
        return bool(self.leads)

    @property
    def difference(self) -> Amount | None:
        """Itemized minus declared (None when the plan declares no figure)."""
        return None if self.declared is None else self.itemized - self.declared


def budget_report(plan) -> BudgetReport:
    """Totals of a valid plan."""
    registry = AgencyRegistry(plan.agencies)
    sections: list[SectionTotal] = []
    tasks: list[TaskTotal] = []
    by_lead: dict[str, list] = {}
    unpriced: list[Unpriced] = []
    default = plan.plan.default_lead
    for section in plan.sections:
        task_sums, section_priced = [], False
        for task in section.tasks:
            amounts = []
            # An item's fields read from its dict: a model's attribute is found through its class first.
            for fields in map(vars, task.items):
                amount = fields["budget"]
                if amount is None or isinstance(amount, str):  # blank, or a note ("Theo dự án")
                    unpriced.append(Unpriced(fields["id"], fields["product"], amount))
                    continue
                amounts.append(amount)
                first = fields["lead"][0] if fields["lead"] else default
                agency = registry.resolve(first) if first is not None else None  # resolve keeps what it found
                by_lead.setdefault(agency.name if agency is not None else NO_LEAD, []).append(amount)
            task_sums.append(exact_sum(amounts))
            section_priced = section_priced or bool(amounts)
            tasks.append(TaskTotal(section.numeral, task.label or None, task_sums[-1], bool(amounts)))  # None: unnumbered, as items say
        sections.append(SectionTotal(section.numeral, section.title or "", exact_sum(task_sums), section_priced))
    itemized = exact_sum(s.million_vnd for s in sections)
    declared = plan.plan.total_million_vnd
    totals = [AgencyTotal(a, exact_sum(m)) for a, m in by_lead.items()]
    return BudgetReport(
        declared=declared,
        itemized=itemized,
        # In formal words; past what words are written for (10^15 đồng), the plan's own, as it wrote them.
        declared_in_words=None if declared is None else (million_in_words(declared) or plan.plan.total_in_words),
        declared_note=plan.plan.total_note,
        sections=sections,
        tasks=tasks,
        # By amount, the largest first; the items with no lead after every agency, whatever their amount (README).
        leads=sorted(totals, key=lambda t: (t.agency == NO_LEAD, -t.million_vnd, sort_key(t.agency))),
        unpriced=unpriced,
    )

