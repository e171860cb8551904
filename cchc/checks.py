"""Semantic checks of a valid-by-schema plan.

Plan-wide checks are ``check_x(plan) -> list[Problem]``, listed in
``PLAN_CHECKS``. Checks of one item are ``check_item_x(context, path, item)``,
listed in ``ITEM_CHECKS`` and run together in a single walk over the items,
so a large plan is walked once. Problems carry the data path of what they are
about; the loader gives them line and column. Neither list is changed at run
time.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from cchc.agencies import AgencyRegistry, spelling_key
from cchc.deadlines import KIND_RECURRING, DeadlineError, parse_deadline, start_of
from cchc.look_alikes import foreign_letter, mixed_script
from cchc.money import MAX_MILLION, MAX_DECIMALS, exact_sum, million_in_words, million_to_vnd, vnd_to_million, words_to_amount
from cchc.problems import At, Problem, error, warning
from cchc.text import INVISIBLE, fold

_NUMBER = re.compile(r"[-+]?[0-9][0-9.,]*\Z")
#: Suggestions ("did you mean") are looked for this many distinct unknown names at most.
MAX_SUGGESTED = 100
#: An item this many times the declared total is probably written in đồng.
DONG_FACTOR = 10


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
            problems.extend(mixed_script(spelling, path))
            seen = unmarked.setdefault(fold(spelling), (key, spelling, agency))
            if seen[2] is not agency and seen[0] != key:  # the same spelling is duplicate-agency
                problems.append(warning("look-alike-agency", path, spelling=spelling, other=seen[1], owner=seen[2].name))
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
    for a, agency in enumerate(plan.agencies):
        cycle = registry.cycle_through(agency)
        if cycle:
            problems.append(error("member-cycle", ("agencies", a, "name"), group=agency.name, trail=" → ".join(cycle)))
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


def check_plan_in_article(plan) -> list[Problem]:
    """A plan written inside a decision's article names an article the decision has."""
    decision = plan.decision
    if decision is None or decision.plan_in_article is None:
        return []
    if any(article.number == decision.plan_in_article for article in decision.articles):
        return []
    return [error("plan-in-article", ("decision", "plan_in_article"), number=decision.plan_in_article)]


def check_total(plan) -> list[Problem]:
    """The items add up to the declared total (when there is one); a gap is a warning naming both figures."""
    declared = plan.plan.total_million_vnd
    if declared is None:
        return []
    problems = []
    insane = _amount_problem(declared, ("plan", "total_million_vnd"), ".total")
    if insane:
        return [insane]  # a figure out of bounds: nothing to compare it with
    if declared < 0:
        problems.append(error("negative-amount", ("plan", "total_million_vnd"), key="negative-amount.total"))
    if _thousands_dot(declared):
        problems.append(warning("amount-thousands-dot", ("plan", "total_million_vnd"), key="amount-thousands-dot.total",
                                **_thousands_dot_readings(declared)))
    itemized = itemized_total(plan)
    if itemized != declared and not _explained_by_text_amounts(plan, declared - itemized):
        problems.append(
            warning("total-mismatch", ("plan", "total_million_vnd"), itemized=itemized, declared=declared, difference=itemized - declared)
        )
    return problems


#: The words of a total as a document prints them around it: "(Bằng chữ: …)".
_IN_WORDS_WRAPPER = re.compile(r"\(?\s*b[aằ]ng ch[uữ]\s*:\s*(.+?)\)?", re.I)


def check_total_in_words(plan) -> list[Problem]:
    """The declared total and the amount written in words agree."""
    header = plan.plan
    if header.total_in_words is None:
        return []
    path = ("plan", "total_in_words")
    declared = header.total_million_vnd
    if declared is None:
        return [error("total-in-words", path, key="total-in-words.alone")]
    try:
        in_words = words_to_amount(header.total_in_words)
    except ValueError as exc:
        wrapped = _IN_WORDS_WRAPPER.fullmatch(header.total_in_words.strip())
        if wrapped:  # "(Bằng chữ: Hai trăm triệu đồng chẵn)" as the document prints it: the words are inside
            return [error("total-in-words", path, key="total-in-words.wrapped", words=header.total_in_words, inner=wrapped.group(1).strip())]
        part = {"key": "total-in-words.part", "part": exc.part} if getattr(exc, "part", None) else {}  # the words not read
        return [error("total-in-words", path, words=header.total_in_words, reason=str(exc), **part)]
    if not _sane(declared) or in_words == million_to_vnd(declared):
        return []
    if _thousands_dot(declared) and in_words == million_to_vnd(declared * 1000):
        # "1.250" beside "Một tỷ hai trăm năm mươi triệu đồng": the words are right, the dot groups thousands
        return [error("total-in-words", path, key="total-in-words.thousands-dot", in_words=in_words,
                      in_million=vnd_to_million(in_words), declared=declared, **_thousands_dot_readings(declared))]
    expected = million_in_words(declared)  # None past what words are written for (10^15 đồng)
    key = "total-in-words.mismatch" if expected else "total-in-words.mismatch-figure"
    return [error("total-in-words", path, key=key, in_words=in_words, in_million=vnd_to_million(in_words), declared=declared, expected=expected or "")]


def itemized_total(plan) -> int | Decimal:
    """The sum of the items' amounts, in million VND (exact, whatever the digits)."""
    return exact_sum(item.amount for _, _, item in plan.items() if item.amount is not None)


def _sane(amount) -> bool:
    return _amount_problem(amount, ()) is None


def _as_written(amount) -> str:
    """An amount in a message as the file writes it: 0.0000001, never Decimal's 1E-7."""
    return format(amount, "f") if isinstance(amount, Decimal) else str(amount)


def _amount_problem(amount, where, of: str = "") -> Problem | None:
    """The error of an amount beyond the sane bound or finer than one đồng, at *where*; None when it is sane.
    *of* is ".total" for the declared total (its own message)."""
    if abs(amount) > MAX_MILLION:
        return error("amount-range", where, key="amount-range" + of, amount=_as_written(amount))
    if isinstance(amount, Decimal) and -amount.as_tuple().exponent > MAX_DECIMALS:
        return error("amount-precision", where, key="amount-precision" + of, amount=_as_written(amount))
    return None


# ---------------------------------------------------------------- per item


@dataclass
class ItemContext:
    """What the item checks share during one walk: the registry, the plan's year and memos."""

    plan: object
    registry: AgencyRegistry
    seen_ids: dict[str, tuple] = field(default_factory=dict)  # id without case -> (id as written, its path)
    commas: dict | None = None  # comma_spellings of the registry, made at the first unknown name
    suggestions: dict[str, str | None] = field(default_factory=dict)
    #: How many distinct unknown names get a "did you mean" (0 in the child of ``cchc.checks_in_two``: which
    #: names are among the plan's first ones is known only when both halves are).
    most_suggested: int = MAX_SUGGESTED


def check_item_id(context: ItemContext, path, item) -> list[Problem]:
    """Every item id appears once (compared without case)."""
    key = item.id.casefold()
    seen = context.seen_ids.get(key)
    if seen is not None:
        first, at = seen
        spelled = None if first == item.id else "duplicate-id.spelled"
        return [error("duplicate-id", path + ("id",), key=spelled, id=item.id, first=first, at=At(at + ("id",)))]
    context.seen_ids[key] = (item.id, path)
    return []


#: A character a reader sees: not a space, not an invisible one.
_VISIBLE = re.compile("[^\\s" + INVISIBLE.pattern[1:-1] + "]")


def check_item_product(context: ItemContext, path, item) -> list[Problem]:
    """A product of nothing but spaces or invisible characters is as blank as an empty one, which the schema refuses."""
    if _VISIBLE.search(item.product) is None:
        return [error("blank-product", path + ("product",), id=item.id)]
    return []


def check_item_agencies(context: ItemContext, path, item) -> list[Problem]:
    """Every lead and partner names a registered agency, once; a near miss gets a suggestion."""
    problems = []
    resolve = context.registry.resolve
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
                seen.add(id(agency))
    return problems


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
    return []


def check_item_amount(context: ItemContext, path, item) -> list[Problem]:
    """An amount is sane, not negative, in million đồng; a note is not a number written as text."""
    amount = item.amount
    where = path + ("budget",)
    if amount is not None:
        insane = _amount_problem(amount, where)
        if insane:
            return [insane]
        if amount < 0:
            return [error("negative-amount", where, amount=amount)]
        if _thousands_dot(amount):
            return [warning("amount-thousands-dot", where, id=item.id, **_thousands_dot_readings(amount))]
        total = context.plan.plan.total_million_vnd
        # A total itself written "1.250" (warned of) is no measure of an item's size.
        if total is not None and 0 < total <= MAX_MILLION and amount > total * DONG_FACTOR and not _thousands_dot(total):
            return [warning("amount-in-dong", where, amount=amount, id=item.id, total=total)]
        return []
    note = item.budget_note
    if note is None:
        return []
    if _number_as_text(note):
        return [error("text-amount", where, note=note, **_text_amount_fix(note.strip()))]
    if fold(note).startswith("theo "):  # "Theo dự án": the common note, nothing to ask
        return []
    if _words_as_amount(note):  # "Một tỷ đồng": an amount in words, that counted 0
        return [error("text-amount", where, key="text-amount.words", note=note)]
    return [warning("budget-note", where, note=note)]


def _thousands_dot(amount: Decimal) -> bool:
    """Whether *amount* is written with three digits after the dot, the last 0 ("1.500", "20.000"): Vietnamese
    writing groups thousands with a dot, so it may mean 1500 (nobody writes 1.5 as "1.500")."""
    if not isinstance(amount, Decimal):
        return False
    _, digits, exponent = amount.as_tuple()
    return amount >= 1 and exponent == -3 and digits[-1] == 0


def _text_amount_fix(written: str) -> dict:
    """How to write an amount the file holds as text: "15.000.000" (dots grouping thousands), "1,5" (a decimal
    comma), "10" in quotes; {} for any other ("10 triệu", "5.")."""
    if _GROUPED.fullmatch(written):
        whole = int(written.replace(".", ""))
        return {"key": "text-amount.grouped", "whole": whole, "million": format(Decimal(vnd_to_million(whole)).normalize(), "f")}
    if _DECIMAL_COMMA.fullmatch(written):
        return {"key": "text-amount.comma", "dotted": written.replace(",", ".")}
    if _PLAIN.fullmatch(written):  # a number YAML would read, so it was quoted
        return {"key": "text-amount.quoted", "bare": written}
    return {}


_GROUPED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_DECIMAL_COMMA = re.compile(r"[-+]?[0-9]+,[0-9]+")
_PLAIN = re.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?")


def _thousands_dot_readings(amount: Decimal) -> dict:
    """An amount written "1.500" as the file has it, and its two readings: 1500 and 1.5."""
    return {"amount": format(amount, "f"), "thousands": int(amount * 1000), "decimal": format(amount.normalize(), "f")}


def _words_as_amount(note: str) -> bool:
    """Whether a budget note starts with an amount in words ("Mười triệu đồng", "Một tỷ đồng (dự kiến)", "Hai mươi
    triệu VNĐ", "… /năm"); "Không" (nothing) does not."""
    head = _VND.sub("", re.split(r"[(/:;,]", note, maxsplit=1)[0])
    try:
        return words_to_amount(head) > 0
    except ValueError:
        return False


_VND = re.compile(r"(?i)\s*\bvn[dđ]\b\.?\s*$")


def _explained_by_text_amounts(plan, gap) -> bool:
    """Whether the amounts written as text ("5.", an error of their own) make up the whole *gap*: then it is no
    second problem. A gap they do not explain is still a warning."""
    written = [_FIRST_FIGURE.search(item.budget_note) for _, _, item in plan.items() if _number_as_text(item.budget_note)]
    if not written:
        return False
    try:
        return sum(Decimal(found.group().replace(",", ".")) for found in written if found) == gap
    except ArithmeticError:
        return False


_FIRST_FIGURE = re.compile(r"[0-9]+(?:[.,][0-9]+)?")


def _number_as_text(note: str | None) -> bool:
    """A budget note that is an amount written as text ("5.", "10 triệu"): an error, not a note."""
    if note is None:
        return False
    stripped = note.strip()
    return stripped[:1].isdigit() or _NUMBER.match(stripped) is not None


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
    check_items,
    check_total,
    check_total_in_words,
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
