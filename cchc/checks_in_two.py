"""The checks of a large plan by two processes, each placing what it finds in the file.

``run_checks`` walks the items once; at 100,000 items that walk is a second of
Python, and placing its thousands of warnings as long, on one core. Where there
are two cores, a forked child (``cchc.forks``) checks the items after the
middle and finds their problems' lines, while this process runs the plan-wide
checks, checks the first items and places its problems; then it takes the
child's.

The problems are those of one process, each with the same place and message;
only their order before sorting may differ, and only between problems that the
sort by place and code tells apart. Two checks depend on the items before:
a duplicate id (this process checks every item's id, in order) and "did you
mean" (given to the plan's first unknown names only: the child gives none, and
this process gives them to the child's problems, which come in the order the
child met the names, after its own).
"""

from __future__ import annotations

from cchc import forks
from cchc.agencies import AgencyRegistry
from cchc.checks import (
    ITEM_CHECKS,
    PLAN_CHECKS,
    ItemContext,
    check_item_id,
    check_items,
    checked_items,
    item_paths,
    run_checks,
    suggested,
    unknown_agency,
)
from cchc.load import LoadedPlan, located
from cchc.problems import Problem, bounded, errors_among

#: The code of the one problem that counts the checks' problems past the first thousand errors and warnings
#: (``cchc.problems.Bounded``): a million unknown names are not placed and printed one by one.
CHECKS_MORE = "checks-more"

#: Below this many items one process checks them all: a fork costs some milliseconds.
LEAST_ITEMS = 8192

#: The items this process checks, in hundredths: the child is the slower one (its first touch of each page of
#: the plan it shares copies the page), and places its problems and sends them back.
PARENT_SHARE = 54

#: The item checks the child runs: all but the ids, which this process checks in order.
CHILD_CHECKS = tuple(check for check in ITEM_CHECKS if check is not check_item_id)
#: The plan-wide checks run before the items' (by this process) and after them (by the child, with the later items).
BEFORE_ITEMS, AFTER_ITEMS = PLAN_CHECKS[: PLAN_CHECKS.index(check_items)], PLAN_CHECKS[PLAN_CHECKS.index(check_items) + 1 :]


def checked(loaded: LoadedPlan, errors_only: bool = False) -> list[Problem]:
    """Every check's problems of *loaded*'s plan (its errors only, with *errors_only*), placed in its file."""
    plan = loaded.plan
    keep = errors_among if errors_only else list
    count = sum(len(task.items) for section in plan.sections for task in section.tasks)
    child = None
    if count >= LEAST_ITEMS and loaded.source is not None and forks.cores() > 1:
        items = list(item_paths(plan))
        middle = count * PARENT_SHARE // 100
        child = forks.Child.computing(lambda: _later_items(loaded, items[middle:], keep))
    if child is None:
        return loaded.locate(bounded_checks(keep(run_checks(plan))))
    try:
        context = ItemContext(plan, AgencyRegistry(plan.agencies))
        found = [problem for check in BEFORE_ITEMS for problem in check(plan)]
        found += checked_items(context, items[:middle])
        found += checked_items(context, items[middle:], (check_item_id,))
        mine = located(loaded.name, loaded.source, bounded_checks(keep(found)), loaded.outline, alone=True)
        theirs = child.value()
    finally:
        child.stop()
    # The child's unknown names, in the order it met them after this process's, get what the plan's first get.
    return bounded_checks(mine + [_suggesting(context, problem) for problem in theirs])


def bounded_checks(problems: list[Problem]) -> list[Problem]:
    """*problems* of the checks as they are listed: in ``listing_order``, the first thousand errors and warnings, the
    rest counted in CHECKS_MORE problems."""
    return bounded(listing_order(problems), CHECKS_MORE)


def listing_order(problems: list[Problem]) -> list[Problem]:
    """*problems* in the order the bound lists them, the same from one process or two: the plan's own (its total,
    its registry) first, in check order, then each item's in the plan's order (an item's in check order)."""
    items = [p for p in problems if len(p.path) >= 6 and p.path[0] == "sections" and p.path[4] == "items"]
    of_items = set(map(id, items))
    return [p for p in problems if id(p) not in of_items] + sorted(items, key=lambda p: p.path[1:6:2])


def _later_items(loaded: LoadedPlan, items: list, keep) -> list[Problem]:
    """(The child) the problems of *items* but their ids' and of the plan-wide checks after them, placed."""
    plan = loaded.plan
    context = ItemContext(plan, AgencyRegistry(plan.agencies), most_suggested=0)
    found = bounded_checks(keep(checked_items(context, items, CHILD_CHECKS) + [problem for check in AFTER_ITEMS for problem in check(plan)]))
    return located(loaded.name, loaded.source, found, loaded.outline, alone=True)


def _suggesting(context: ItemContext, problem: Problem) -> Problem:
    """A problem of the child: an unknown agency gets the suggestion it has among all the plan's unknown names."""
    name = dict(problem.args)["name"] if problem.code == "unknown-agency" else None
    if name is None or suggested(context, name) is None:
        return problem
    return unknown_agency(context, name, problem.path).placed(problem.file, problem.line, problem.column)
