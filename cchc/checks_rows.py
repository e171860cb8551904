"""A row a reader of the printed table would count wrong: a subtotal or total typed as a task's row. A warning: the
plan may mean it, the reader is told to look."""

from __future__ import annotations

import re

from cchc.problems import Problem, warning
from cchc.text import fold

#: A row's product that is a total's or a subtotal's label ("Tổng cộng", "Cộng mục I", "Cộng (I)"), not "Cộng đồng …".
_TOTAL_LABEL = re.compile(r"tong cong\b.*|cong(?: muc| phan| cac muc)\b.*|cong\s*(?:[(:].*)?")


def check_rows(plan) -> list[Problem]:
    """An item whose product is a total's label ("Tổng cộng", "Cộng mục I"): its amount counted in the total again."""
    return [
        warning("total-as-item", ("sections", s, "tasks", t, "items", i, "product"), product=item.product)
        for s, section in enumerate(plan.sections)
        for t, task in enumerate(section.tasks)
        for i, item in enumerate(task.items)
        if len(item.product) <= 40 and item.product[:1] in "TtCc" and _TOTAL_LABEL.fullmatch(fold(item.product).strip())
    ]
