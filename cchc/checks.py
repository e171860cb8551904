"""Semantic checks of a valid-by-schema plan.

Plan-wide checks are ``check_x(plan) -> list[Problem]``, listed in
``PLAN_CHECKS``. Checks of one item are ``check_item_x(context, path, item)``,
listed in ``ITEM_CHECKS`` and run together in a single walk over the items,
so a large plan is walked once. Problems carry the data path of what they are
about; the loader gives them line and column. Neither list is changed at run
time.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from cchc.abbreviations import written_out
from cchc.agencies import AgencyRegistry, spelling_key
from cchc.checks_money import check_headings, check_item_amount, check_total, check_total_in_words, check_total_note
from cchc.deadlines import KIND_RECURRING, DeadlineError, parse_deadline, start_of
from cchc.look_alikes import foreign_letter, mixed_script
from cchc.problems import At, Problem, error, warning
from cchc.text import INVISIBLE, fold

#: Suggestions ("did you mean") are looked for this many distinct unknown names at most.
MAX_SUGGESTED = 100


def item_paths(plan):
    """(data path, item) of every item, in order."""
    for s, section in enumerate(plan.sections):
        for t, task in enumerate(section.tasks):
            for i, item in enumerate(task.items):
                yield ("sections", s, "tasks", t, "items", i), item


# ---------------------------------------------------------------- plan-wide


def check_section_labels(plan) -> list[Problem]:
    """Section labels are unique (compared folded)."""
    seen: dict[str, int] = {}
    problems = []
    for s, section in enumerate(plan.sections):
        key = fold(unicodedata.normalize("NFKC", section.numeral)).rstrip(".")  # "Ⅰ" (a numeral's sign) is "I"
        if key in seen:
            problems.append(error("duplicate-section", ("sections", s, "numeral"), label=section.numeral, at=At(("sections", seen[key], "numeral"))))
        seen.setdefault(key, s)
        foreign = foreign_letter(section.numeral)
        if foreign is not None:  # a Cyrillic І for I: two sections "I" that are not duplicates, and --section I misses one
            problems.append(warning("mixed-script", ("sections", s, "numeral"), key="mixed-script.label", label=section.numeral, **foreign))
    return problems


def check_empty_parts(plan) -> list[Problem]:
    """A plan, section or task with nothing in it yet is worth a warning, not an error."""
    if not plan.sections:
        return [warning("no-sections", ("plan",))]
    problems = []
    for s, section in enumerate(plan.sections):
        if not section.tasks:
            problems.append(warning("empty-section", ("sections", s, "numeral"), label=section.heading))
        for t, task in enumerate(section.tasks):
            if not task.items and not _heads_the_next(section.tasks, t):
                unnamed = {"key": "empty-task.unnamed"} if not task.label else {}  # "- items: []": no number, no title
                problems.append(warning("empty-task", ("sections", s, "tasks", t), label=task.label, section=section.numeral, **unnamed))
    return problems


def _heads_the_next(tasks, t: int) -> bool:
    """Whether task *t* heads the tasks after it, numbered under its number ("1" over "1.1", "1.2", by the tasks'
    numbers or their rows' STT, as a table numbers them), or not numbered but with a bullet or a letter ("1" over
    rows marked "-" or "a)", as a table lists a task's parts): it has no item of its own and is no empty task."""
    number = (tasks[t].number or "").strip().rstrip(".")
    if not number or t + 1 == len(tasks):
        return False
    after = tasks[t + 1]
    label = (after.number or (after.items[0].stt if after.items else None) or "").strip()
    return label.startswith(number + ".") or (not after.number and (label in _UNNUMBERED or _LETTERED.fullmatch(label) is not None))


#: What a table's STT cell holds for a part of a task it does not number: a bullet, or a letter ("a)", "b.").
_UNNUMBERED = frozenset({"-", "+", "*", "•", "–", "—", "·", "o"})
_LETTERED = re.compile(r"[a-zđ][).]")
_CYCLE_QUOTED = 10  # a member-cycle error quotes a ring of more groups by the first five names and the last five


def check_agency_registry(plan) -> list[Problem]:
    """No spelling (name or short form, case aside) belongs to two agencies; groups' members exist, with no cycle."""
    owner: dict[str, object] = {}  # spelling key -> the first agency that writes it
    first: dict[str, tuple] = {}  # spelling key -> where it was first written
    # Spelled alike but for marks ("Hà" and "Hạ"): a person typing without them (--agency) cannot tell the
    # two apart, and one may be a slip of the other; worth a warning. Folded spelling -> (key, spelling, agency).
    unmarked: dict[str, tuple[str, str, object]] = {}
    problems = []
    for a, agency in enumerate(plan.agencies):
        spellings = [(("name",), agency.name)] + [(("short", k), s) for k, s in enumerate(agency.short)]
        for where, spelling in spellings:
            key = spelling_key(spelling)
            path = ("agencies", a) + where
            if key in owner and owner[key].name != agency.name:
                problems.append(error("duplicate-agency", path, spelling=spelling, owner=owner[key].name, at=At(first[key])))
            elif key in owner and where == ("name",) and _says_more(agency, owner[key]):
                # The same agency twice, the second saying something else of it (its short names, its members):
                # which one a query reads is a guess.
                problems.append(error("duplicate-agency", path, key="duplicate-agency.differs", owner=agency.name, at=At(first[key])))
            elif key in owner:
                same = "duplicate-agency.twice" if where == ("name",) else "duplicate-agency.same"
                problems.append(warning("duplicate-agency", path, key=same, spelling=spelling, owner=agency.name, at=At(first[key])))
            owner.setdefault(key, agency)
            first.setdefault(key, path)
            if _VISIBLE.search(spelling) is None:  # "   ": an item naming it has a lead nobody can read
                problems.append(error("blank-agency", path, spelling=spelling))
            problems.extend(mixed_script(spelling, path))
            seen = unmarked.setdefault(fold(spelling), (key, spelling, agency))
            if seen[2] is not agency and seen[0] != key:  # the same spelling is duplicate-agency
                problems.append(warning("look-alike-agency", path, spelling=spelling, other=seen[1], owner=seen[2].name))
                continue
            # The same words, abbreviated or written out, punctuation aside ("UBND tỉnh", "Ủy ban nhân dân tỉnh"; "Sở Nội vụ."):
            # two entries for one agency, which queries and sums count apart.
            seen = unmarked.setdefault(written_out(spelling), (key, spelling, agency))
            if seen[2] is not agency and seen[0] != key:
                problems.append(warning("look-alike-agency", path, key="look-alike-agency.written", spelling=spelling, other=seen[1], owner=seen[2].name))
    registry = AgencyRegistry(plan.agencies)
    commas = comma_spellings(registry)
    for a, agency in enumerate(plan.agencies):
        if (agency.members or agency.members_rule) and not agency.group:
            problems.append(error("members-not-group", ("agencies", a, "name"), name=agency.name))
        for k, member in enumerate(agency.members):
            found = registry.resolve(member)
            if found is None:
                whole = split_name(commas, agency.members, k)
                split = {"key": "unknown-member.split", "whole": whole} if whole is not None else {}
                problems.append(error("unknown-member", ("agencies", a, "members", k), group=agency.name, name=member, **split))
            elif found is agency:  # "Nhóm E" among its own members: a cycle of one
                problems.append(error("member-cycle", ("agencies", a, "members", k), group=agency.name, trail=f"{agency.name} → {agency.name}"))
    position = {id(agency): a for a, agency in enumerate(plan.agencies)}
    for first, cycle in registry.member_cycles():  # one error a cycle, at its first group: cut one link of it
        names = [group.name for group in cycle]
        long = {"key": "member-cycle.long", "count": len(cycle) - 1} if len(cycle) - 1 > _CYCLE_QUOTED else {}
        if long:  # the first groups and the last: a ring of thousands is no report of megabytes
            names = names[: _CYCLE_QUOTED // 2] + ["…"] + names[-(_CYCLE_QUOTED // 2) :]
        problems.append(error("member-cycle", ("agencies", position[id(first)], "name"), group=first.name, trail=" → ".join(names), **long))
    return problems


def _says_more(later, first) -> bool:
    """Whether *later*, an entry of the registry with *first*'s name, says something of the agency *first* does
    not: short names, a group, members. A bare repeat of the name, or a copy, says nothing more."""
    declared = ("short", "group", "members", "members_rule")
    return any(getattr(later, name) for name in declared) and any(getattr(later, name) != getattr(first, name) for name in declared)


def check_default_lead(plan) -> list[Problem]:
    """The default lead, when given, is in the registry."""
    name = plan.plan.default_lead
    if name is None or AgencyRegistry(plan.agencies).resolve(name) is not None:
        return []
    return [error("unknown-default-lead", ("plan", "default_lead"), name=name)]


def check_dates(plan) -> list[Problem]:
    """The date of the plan, or of its decision, falls in its year or the year before, when a plan is issued: another
    (a typing slip, "2062-12-30") prints under the plan's title and makes every progress before it an error."""
    year = plan.plan.year
    dated = [(("plan", "date"), plan.plan.date)] + ([(("decision", "date"), plan.decision.date)] if plan.decision is not None else [])
    return [warning("date-year", path, date=f"{day:%d/%m/%Y}", year=year) for path, day in dated if day is not None and not year - 1 <= day.year <= year]


def check_plan_in_article(plan) -> list[Problem]:
    """A plan written inside a decision's article names an article the decision has."""
    decision = plan.decision
    if decision is None or decision.plan_in_article is None:
        return []
    if any(article.number == decision.plan_in_article for article in decision.articles):
        return []
    return [error("plan-in-article", ("decision", "plan_in_article"), number=decision.plan_in_article)]


# ---------------------------------------------------------------- per item


@dataclass
class ItemContext:
    """What the item checks share during one walk: the registry, the plan's year and memos."""

    plan: object
    registry: AgencyRegistry
    seen_ids: dict[str, tuple] = field(default_factory=dict)  # id without case -> (id as written, its path)
    alike_ids: dict[str, tuple] = field(default_factory=dict)  # the same, one kind of separator, no leading zeros
    commas: dict | None = None  # comma_spellings of the registry, made at the first unknown name
    suggestions: dict[str, str | None] = field(default_factory=dict)
    #: How many distinct unknown names get a "did you mean" (0 in the child of ``cchc.checks_in_two``: which
    #: names are among the plan's first ones is known only when both halves are).
    most_suggested: int = MAX_SUGGESTED
    #: The plan's date, its decision's else its own (None when it has none): an item all due before it, in an
    #: earlier year, is warned of. As ``cchc.progress.plan_date``, which reaches this module through ``cchc.load``.
    issued: datetime.date | None = field(init=False)

    def __post_init__(self) -> None:
        decision = getattr(self.plan, "decision", None)
        self.issued = decision.date if decision is not None and decision.date is not None else self.plan.plan.date


def check_item_id(context: ItemContext, path, item) -> list[Problem]:
    """Every item id appears once (compared without case); one that reads as another but for the kind of its separators
    and its numbers' leading zeros ("I-1" and "I.1", "I_01") is warned of: a progress log may name the one for the other."""
    key = item.id.casefold()
    seen = context.seen_ids.get(key)
    if seen is not None:
        first, at = seen
        spelled = None if first == item.id else "duplicate-id.spelled"
        return [error("duplicate-id", path + ("id",), key=spelled, id=item.id, first=first, at=At(at + ("id",)))]
    context.seen_ids[key] = (item.id, path)
    alike = key.translate(_ID_SEPARATORS)
    alike = _LEADING_ZEROS.sub("", alike) if "0" in alike else alike
    seen = context.alike_ids.get(alike)
    if seen is None:
        context.alike_ids[alike] = (item.id, path)
        return []
    return [warning("look-alike-id", path + ("id",), id=item.id, first=seen[0], at=At(seen[1] + ("id",)))]


_ID_SEPARATORS = str.maketrans("._", "--")  # one kind of separator: "I.1", "I_1" read as "I-1" ("I-1.1" and "I-11" apart)
_LEADING_ZEROS = re.compile(r"(?<![0-9])0+(?=[0-9])")


#: A character a reader sees: not a space, not an invisible one.
_VISIBLE = re.compile("[^\\s" + INVISIBLE.pattern[1:-1] + "]")


def check_item_product(context: ItemContext, path, item) -> list[Problem]:
    """A product of nothing but spaces or invisible characters is as blank as an empty one, which the schema refuses;
    one that is a total's label ("Tổng cộng", "Cộng mục I") is warned of: its amount is counted in the total again."""
    product = item.product
    if _VISIBLE.search(product) is None:
        return [error("blank-product", path + ("product",), id=item.id)]
    if len(product) <= 40 and product[:1] in "TtCc" and _TOTAL_LABEL.fullmatch(fold(product).strip()):
        return [warning("total-as-item", path + ("product",), product=product)]
    return []


#: A product that is a total's or a subtotal's label ("Tổng cộng", "Cộng mục I", "Cộng (I)"), not "Cộng đồng …".
_TOTAL_LABEL = re.compile(r"tong cong\b.*|cong(?: muc| phan| cac muc)\b.*|cong\s*(?:[(:].*)?")


def check_item_agencies(context: ItemContext, path, item) -> list[Problem]:
    """Every lead and partner names a registered agency, once; a near miss gets a suggestion."""
    problems = []
    resolve = context.registry.resolve
    leads: set[int] = set()
    for role in ("lead", "partners"):
        seen: set[int] = set()
        for k, name in enumerate(getattr(item, role)):
            agency = resolve(name)
            if agency is None:
                if context.commas is None:
                    context.commas = comma_spellings(context.registry)
                whole = split_name(context.commas, getattr(item, role), k)
                if whole is not None:
                    problems.append(error("unknown-agency", path + (role, k), key="unknown-agency.split", name=name, whole=whole))
                else:
                    problems.append(unknown_agency(context, name, path + (role, k)))
            elif id(agency) in seen:  # identity: comparing pydantic models field by field is slow
                problems.append(warning("repeated-agency", path + (role, k), name=name, agency=agency.name))
            else:
                if id(agency) in leads and role == "partners":
                    problems.append(warning("lead-partner", path + (role, k), name=name, agency=agency.name))
                seen.add(id(agency))
        leads = seen
        cell = item.lead_cell if role == "lead" else item.partners_cell
        if cell is not None and not cell_names(cell, getattr(item, role)):
            problems.append(error("cell-names", path + (f"{role}_cell",), key=f"cell-names.{role}", cell=cell, names="; ".join(getattr(item, role))))
    return problems


#: What may stand between the names of an agency cell as written: a comma or a semicolon, a line break, or both,
#: with a bullet at the line's start or not: the separators ``cchc import`` splits a cell at (a comma between names
#: it knows). Before the first a bullet; after the last a full stop, a semicolon or a comma.
_CELL_GAP = re.compile(r" ?(?:[,;] ?(?:\n(?:[-\u2013\u2022+] )?)?|\n(?:[-\u2013\u2022+] )?)")
_CELL_START, _CELL_END = re.compile(r"(?:[-\u2013\u2022+] )?"), re.compile(r"[.;,]?")


def cell_names(cell: str, names) -> bool:
    """Whether the agency cell *cell* is *names* in their order, word for word (runs of spaces aside), with nothing
    but separators between them: then what is printed and what is queried agree, and an import splits it back."""
    text = "\n".join(" ".join(line.split()) for line in cell.strip().splitlines() if line.strip())
    at = _CELL_START.match(text).end()
    for k, name in enumerate(names):
        if k:
            gap = _CELL_GAP.match(text, at)
            if gap is None or gap.end() == at:
                return False
            at = gap.end()
        name = " ".join(name.split())
        if text[at : at + len(name)] != name:
            return False
        at += len(name)
    return bool(names) and _CELL_END.match(text, at).end() == len(text)


class CommaNames(dict):
    """The registry's spellings that hold a comma, by their first part: ``spelling_key`` of the part before
    the first comma -> [(each part's key, the spelling as written)]; *reach*: the most parts of one."""

    reach = 0


def comma_spellings(registry) -> CommaNames:
    """The registry's spellings a YAML list in brackets would cut at their commas (``CommaNames``)."""
    found = CommaNames()
    for spelling, _ in registry.spellings():
        if "," in spelling:
            parts = tuple(spelling_key(part) for part in spelling.split(","))
            if all(parts):
                found.setdefault(parts[0], []).append((parts, spelling))
                found.reach = max(found.reach, len(parts))
    return found


def split_name(commas: CommaNames, names, k: int) -> str | None:
    """The longest registered name (*commas*: ``comma_spellings``) that *names*[k] is a part of, cut at its
    commas (``[Các sở, ban, ngành]`` is three names to YAML); None when there is none. Only the names within
    reach of *k* are looked at: a list of thousands costs no more a name than a list of ten."""
    if not commas:
        return None
    first = max(0, k - commas.reach + 1)
    keys = [spelling_key(name) for name in names[first : k + commas.reach]]
    longest: tuple[tuple[str, ...], str] | None = None
    for start in range(k - first + 1):
        for parts, spelling in commas.get(keys[start], ()):
            if start + len(parts) > k - first and tuple(keys[start : start + len(parts)]) == parts and (longest is None or len(parts) > len(longest[0])):
                longest = (parts, spelling)
    return longest[1] if longest else None


def unknown_agency(context: ItemContext, name: str, path) -> Problem:
    """The error of an unknown agency *name* at *path*, with what it may be a slip for (among the first names)."""
    parts = name.split(" - ") if " - " in name else ()
    if len(parts) > 1 and all(context.registry.resolve(part) is not None for part in parts):  # "- A" over "  - B": one line to YAML
        return error("unknown-agency", path, key="unknown-agency.joined", name=name, names=" / ".join(f'"{part}"' for part in parts))
    suggestions = suggested(context, name)
    if suggestions:
        return error("unknown-agency", path, key="unknown-agency.suggest", name=name, suggestions=suggestions)
    return error("unknown-agency", path, name=name)


def suggested(context: ItemContext, name: str) -> str | None:
    """The registered names close to the unknown *name*, as a message shows them; None for none. "Did you mean"
    compares with the registry: only the first distinct names get one, so thousands of them cannot make validate slow."""
    memo = context.suggestions
    if name not in memo:
        close = context.registry.suggest(name) if len(memo) < context.most_suggested else []
        memo[name] = " / ".join(f'"{c}"' for c in close) or None
    return memo[name]


def check_item_lead(context: ItemContext, path, item) -> list[Problem]:
    """An item with no lead agency, and no default lead for the plan, is worth a warning."""
    if item.lead or context.plan.plan.default_lead:
        return []
    return [warning("no-lead", path + ("product",), id=item.id)]


def check_item_deadline(context: ItemContext, path, item) -> list[Problem]:
    """The deadline wording parses; a blank one, or a date far from the plan's year, is a warning."""
    if not item.deadline.strip():
        return [warning("blank-deadline", path + ("product",), id=item.id)]
    year = context.plan.plan.year
    try:
        deadline = parse_deadline(item.deadline, year)
    except DeadlineError as exc:
        return [error("deadline", path + ("deadline",), key=exc.key, **exc.params)]
    starts = () if deadline.due or deadline.kind != KIND_RECURRING else start_of(item.deadline, year)  # "Từ tháng 6/2012"
    outside = [d for d in deadline.due or starts if abs(d.year - year) > 1]
    if outside:
        start = {"key": "deadline-year.start"} if starts else {}
        return [warning("deadline-year", path + ("deadline",), text=item.deadline, id=item.id, due=outside[0], year=year, **start)]
    last = deadline.due[-1] if deadline.due else None  # sorted
    # "Quý II/2026" copied into the 2027 plan: all due in a year before the plan's, and before the plan's date (a
    # January task of a plan issued in February is the plan's own; "Tháng 12/2026" of one issued on 20/12/2026 too).
    if last is not None and last.year < year and (context.issued is None or last < context.issued):
        dated = {"key": "deadline-year.before-plan", "date": context.issued} if context.issued else {"key": "deadline-year.before-year"}
        return [warning("deadline-year", path + ("deadline",), text=item.deadline, id=item.id, due=last, year=year, **dated)]
    return []


def check_items(plan) -> list[Problem]:
    """Every item check, in one walk over the items."""
    return checked_items(ItemContext(plan, AgencyRegistry(plan.agencies)), item_paths(plan))


def checked_items(context: ItemContext, items, item_checks=None) -> list[Problem]:
    """The problems *item_checks* (default: all) find in *items*, (path, item) pairs, in order."""
    item_checks = ITEM_CHECKS if item_checks is None else item_checks
    problems: list[Problem] = []
    for path, item in items:
        for check in item_checks:
            found = check(context, path, item)
            if found:
                problems.extend(found)
    return problems


ITEM_CHECKS = (check_item_id, check_item_product, check_item_agencies, check_item_lead, check_item_deadline, check_item_amount)

PLAN_CHECKS = (
    check_section_labels,
    check_empty_parts,
    check_agency_registry,
    check_default_lead,
    check_plan_in_article,
    check_dates,
    check_items,
    check_total,
    check_total_in_words,
    check_total_note,
    check_headings,
)


#: Checks of sums and emptiness: on part of a plan (``cchc.salvage``) they would report what was only left out.
WHOLE_PLAN_CHECKS = (check_empty_parts, check_total)


def run_checks(plan, partial: bool = False) -> list[Problem]:
    """Every check's problems, in check order (the caller locates and sorts them); *partial*: the plan is what
    validated of a refused one, and the checks of the whole plan's sums and empty parts are left out."""
    problems: list[Problem] = []
    for check in PLAN_CHECKS:
        if partial and check in WHOLE_PLAN_CHECKS:
            continue
        problems.extend(check(plan))
    return problems
