"""Semantic checks of a valid-by-schema plan.

Each check is ``check_x(plan) -> list[Problem]``; problems carry the data path
of what they are about, and the loader gives them line and column. ``CHECKS``
lists them in the order they run; it is never changed at run time.
"""

from __future__ import annotations

import re
from decimal import Decimal

from cchc.agencies import AgencyRegistry, spelling_key
from cchc.deadlines import DeadlineError, parse_deadline
from cchc.money import format_million, format_vnd, million_in_words, million_to_vnd, words_to_amount
from cchc.problems import Problem, error, warning
from cchc.text import fold


_NUMBER = re.compile(r"[-+]?[0-9.,]+\Z")


def _item_paths(plan):
    for s, section in enumerate(plan.sections):
        for t, task in enumerate(section.tasks):
            for i, item in enumerate(task.items):
                yield ("sections", s, "tasks", t, "items", i), item


def check_unique_ids(plan) -> list[Problem]:
    """Every item id appears once (compared without case)."""
    seen: dict[str, str] = {}
    problems = []
    for path, item in _item_paths(plan):
        key = item.id.casefold()
        if key in seen:
            problems.append(error("duplicate-id", f"item id {item.id!r} is used twice (first at {seen[key]})", path + ("id",)))
        else:
            seen[key] = item.id
    return problems


def check_agency_registry(plan) -> list[Problem]:
    """No spelling (name or short form, case aside) belongs to two agencies."""
    owner: dict[str, str] = {}
    problems = []
    for a, agency in enumerate(plan.agencies):
        spellings = [(("name",), agency.name)] + [(("short", k), s) for k, s in enumerate(agency.short)]
        for where, spelling in spellings:
            key = spelling_key(spelling)
            path = ("agencies", a) + where
            if key in owner and owner[key] != agency.name:
                problems.append(error("duplicate-agency", f"{spelling!r} already names {owner[key]!r}", path))
            elif key in owner:
                problems.append(warning("duplicate-agency", f"{spelling!r} is listed twice for {agency.name!r}", path))
            owner.setdefault(key, agency.name)
    return problems


def check_agency_references(plan) -> list[Problem]:
    """Every lead and partner names a registered agency; a near miss gets a suggestion."""
    registry = AgencyRegistry(plan.agencies)
    resolve = registry.resolve
    problems = []
    unknown: dict[str, str] = {}
    for path, item in _item_paths(plan):
        for role in ("lead", "partners"):
            names = getattr(item, role)
            seen: set[int] = set()
            for k, name in enumerate(names):
                agency = resolve(name)
                if agency is None:
                    if name not in unknown:
                        close = registry.suggest(name)
                        unknown[name] = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
                    problems.append(
                        error("unknown-agency", f"agency {name!r} is not in the registry{unknown[name]}", path + (role, k))
                    )
                elif id(agency) in seen:  # identity: comparing pydantic models field by field is slow
                    problems.append(warning("repeated-agency", f"{name!r} names {agency.name!r} again", path + (role, k)))
                else:
                    seen.add(id(agency))
    return problems


def check_lead(plan) -> list[Problem]:
    """An item with no lead agency is worth a warning: nobody is responsible for it."""
    return [
        warning("no-lead", f"item {item.id} has no lead agency (Cơ quan chủ trì)", path + ("product",))
        for path, item in _item_paths(plan)
        if not item.lead
    ]


def check_deadlines(plan) -> list[Problem]:
    """Every deadline wording parses; a blank one is a warning."""
    problems = []
    for path, item in _item_paths(plan):
        if not item.deadline.strip():
            problems.append(warning("blank-deadline", f"item {item.id} has no deadline (Thời gian hoàn thành)", path + ("product",)))
            continue
        try:
            parse_deadline(item.deadline)
        except DeadlineError as exc:
            problems.append(error("deadline", str(exc), path + ("deadline",)))
    return problems


def check_amounts(plan) -> list[Problem]:
    """Amounts are not negative, and a note is not a number written as text."""
    problems = []
    for path, item in _item_paths(plan):
        amount = item.amount
        if amount is not None and amount < 0:
            problems.append(error("negative-amount", f"budget {amount} million VND is negative", path + ("budget",)))
        note = item.budget_note
        if note is None:
            continue
        if note.strip()[:1].isdigit() or _NUMBER.match(note.strip()):
            problems.append(
                error(
                    "text-amount",
                    f"budget {note!r} looks like an amount written as text; write the number of million VND "
                    f"as a plain number, with a dot for decimals (10 or 10.5)",
                    path + ("budget",),
                )
            )
        elif not fold(note).startswith("theo "):
            problems.append(
                warning(
                    "budget-note",
                    f"budget note {note!r} is not an amount nor a note such as 'Theo dự án', 'Theo kế hoạch', 'Theo đề án'",
                    path + ("budget",),
                )
            )
    if plan.plan.total_million_vnd < 0:
        problems.append(error("negative-amount", "the declared total is negative", ("plan", "total_million_vnd")))
    return problems


def itemized_total(plan) -> int | Decimal:
    """The sum of the items' amounts, in million VND (exact)."""
    return sum((item.amount for _, _, item in plan.items() if item.amount is not None), 0)


def check_total(plan) -> list[Problem]:
    """The items add up to the declared total; a gap is a warning naming both figures."""
    declared = plan.plan.total_million_vnd
    itemized = itemized_total(plan)
    if itemized == declared:
        return []
    difference = itemized - declared
    sign = "+" if difference > 0 else "-"
    return [
        warning(
            "total-mismatch",
            f"itemized total {format_million(itemized)} differs from the declared total "
            f"{format_million(declared)}: difference {sign}{format_million(abs(difference))}",
            ("plan", "total_million_vnd"),
        )
    ]


def check_total_in_words(plan) -> list[Problem]:
    """The declared total and the amount written in words agree."""
    header = plan.plan
    path = ("plan", "total_in_words")
    try:
        in_words = words_to_amount(header.total_in_words)
    except ValueError as exc:
        return [error("total-in-words", f"cannot read the total in words {header.total_in_words!r}: {exc}", path)]
    declared = header.total_million_vnd
    if in_words != million_to_vnd(declared):
        expected = million_in_words(declared)
        hint = f"; in words the declared total is {expected!r}" if expected else ""
        message = f"the total in words reads {format_vnd(in_words)} but the declared total is {format_million(declared)}{hint}"
        return [error("total-in-words", message, path)]
    return []


def check_section_numerals(plan) -> list[Problem]:
    """Section numerals are unique."""
    seen = set()
    problems = []
    for s, section in enumerate(plan.sections):
        if fold(section.numeral) in seen:
            problems.append(error("duplicate-section", f"section {section.numeral} appears twice", ("sections", s, "numeral")))
        seen.add(fold(section.numeral))
    return problems


CHECKS = (
    check_unique_ids,
    check_section_numerals,
    check_agency_registry,
    check_agency_references,
    check_lead,
    check_deadlines,
    check_amounts,
    check_total,
    check_total_in_words,
)


def run_checks(plan) -> list[Problem]:
    """Every check's problems, in check order (the caller locates and sorts them)."""
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(plan))
    return problems
