"""What validates of a plan the schema refuses: its checks still run on it, so that one run reports every problem.

A plan with a schema error is invalid and no query answers from it, but its
other items may still name an unknown agency or an unreadable deadline.
``salvage_section`` keeps the tasks and items of a refused section that
validate by themselves; ``Partial`` is the plan made of them, with the way
back from its positions to the file's (an item left out shifts the ones after
it), and runs the checks that do not need the whole plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from cchc.problems import Problem


@dataclass
class SalvagedSection:
    """A section's model and, when some of its tasks or items were left out, where the kept ones stand in the file."""

    index: int  # the section's place in the file
    model: object
    tasks: dict[int, int] | None = None  # kept task -> its place in the file (None: all kept, in place)
    items: dict[tuple[int, int], int] = field(default_factory=dict)  # (kept task, kept item) -> the item's place
    #: The ids of the items left out, at their places in the file (task, item): they still count as used.
    refused_ids: list[tuple[int, int, str]] = field(default_factory=list)


def salvage_section(index: int, raw) -> SalvagedSection | None:
    """The parts of the refused section *raw* (the file's section *index*) that validate, or None when its own fields do not."""
    from pydantic import ValidationError

    from cchc.model import Item, Section, Task

    if not isinstance(raw, dict) or not isinstance(raw.get("tasks"), list):
        return None
    try:
        shell = without_unknown_keys(Section, {**raw, "tasks": []})
    except ValidationError:
        return None
    salvaged = SalvagedSection(index, None, {})
    tasks = []
    for t, task in enumerate(raw["tasks"]):
        if not (isinstance(task, dict) and isinstance(task.get("items"), list)):
            continue
        try:
            task_shell = without_unknown_keys(Task, {**task, "items": []})
        except ValidationError:  # its number or title refused: its items are checked still, under no heading
            task_shell = Task.model_validate({"items": []})
        items = []
        for i, item in enumerate(task["items"]):
            try:
                model = without_unknown_keys(Item, item)
            except ValidationError:
                if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"]:
                    salvaged.refused_ids.append((t, i, item["id"]))
                continue
            salvaged.items[len(tasks), len(items)] = i
            items.append(model)
        salvaged.tasks[len(tasks)] = t
        tasks.append(task_shell.model_copy(update={"items": items}))
    salvaged.model = shell.model_copy(update={"tasks": tasks})
    return salvaged


#: Fields of the plan's and the decision's headers that no check of the rest reads, left out when the schema
#: refuses their value (a clerk's "date: 15/01/2026"), so that the unknown agency or the duplicate id of the same
#: commit is reported in the same run. Not the year (deadlines are read in it), the default lead (items with a
#: blank lead cell would be warned of as having none), the totals (one checks the other), the articles, nor a
#: title (it must be there: the plan left without it would not validate either).
HEADER_FIELDS = {
    "plan": frozenset({"subtitle", "superior", "issuer", "number", "place", "date", "signer", "recipients"}),
    "decision": frozenset({"number", "date", "place", "superior", "issuer", "authority", "signer", "recipients"}),
}


def without_unknown_keys(model, data, headers: bool = False):
    """``model.model_validate(data)``; when the schema refuses only keys it does not know (a misspelt "ghi_chu", a
    "status" that belongs in the progress log, a key YAML reads as a number: ``2021: x``), the model of *data*
    without them: those keys are reported, and what they stand in must not hide the problems of the rest (an
    unknown agency, an unreadable deadline). With *headers* (a whole plan), so too for the values of
    ``HEADER_FIELDS`` it refuses."""
    from pydantic import ValidationError

    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_context=False, include_input=False)
        paths = [_left_out(error, headers) for error in errors]
        if not errors or None in paths:
            raise
        return model.model_validate(_without(data, paths))


def date_refused(exc, checkable) -> bool:
    """Whether the plan's date (its decision's, else its own) was among what the schema refused (*exc*, a pydantic
    ValidationError): left out, the plan *checkable* has another date, or none (``Partial.undated``)."""
    refused = {tuple(e["loc"][:2]) for e in exc.errors(include_url=False, include_input=False)}
    decision = checkable.decision
    return ("decision", "date") in refused or (("plan", "date") in refused and (decision is None or decision.date is None))


def _left_out(error: dict, headers: bool) -> tuple | None:
    """The path ``without_unknown_keys`` leaves out for *error*; None when it cannot do without it."""
    loc = tuple(error["loc"])
    if error["type"] in ("extra_forbidden", "invalid_key") and loc:
        return loc
    if headers and len(loc) >= 2 and loc[1] in HEADER_FIELDS.get(loc[0], ()):
        return loc[:2]
    return None


def _without(value, paths: list[tuple]):
    """*value* with the keys at *paths* taken out (the dicts and lists along them copied, *value* left as it is)."""
    under: dict = {}
    for path in paths:
        under.setdefault(path[0], []).append(path[1:])
    if isinstance(value, dict):
        out = dict(value)
    elif isinstance(value, list):
        out = list(value)
    else:
        return value
    for key, rests in under.items():
        if isinstance(out, dict) and any(not rest for rest in rests):
            out.pop(key, None)
        elif isinstance(out, dict) and key in out or isinstance(out, list) and isinstance(key, int) and 0 <= key < len(out):
            out[key] = _without(out[key], [rest for rest in rests if rest])
    return out


#: The warnings that depend on the plan's date (``Partial.undated``).
_DATED = frozenset({"deadline-year.before-plan", "deadline-year.before-year"})


@dataclass
class Partial:
    """The plan made of what validated (its header, whole sections and the valid parts of the others)."""

    plan: object
    sections: list[SalvagedSection]
    #: The plan's date (its decision's, else its own) was refused and left out: whether a deadline falls before the
    #: plan was issued is not known, and deadline-year's words for that are left to the run after it is mended
    #: (a deadline years from the plan's year is still told).
    undated: bool = False

    def file_path(self, path: tuple) -> tuple:
        """*path* in the partial plan -> the same place in the file."""
        if len(path) < 2 or path[0] != "sections" or not isinstance(path[1], int):
            return path
        section = self.sections[path[1]]
        head, rest = ("sections", section.index), path[2:]
        if section.tasks is None or len(rest) < 2 or rest[0] != "tasks":
            return head + rest
        task = rest[1]
        head, rest = head + ("tasks", section.tasks[task]), rest[2:]
        if len(rest) < 2 or rest[0] != "items":
            return head + rest
        return head + ("items", section.items[task, rest[1]]) + rest[2:]

    def checked(self) -> list[Problem]:
        """The problems the checks find in what validated (the plan-wide sums aside), at their places in the file."""
        from cchc.checks import run_checks
        from cchc.problems import POINTING, At

        def in_file(problem: Problem) -> Problem:
            args = problem.args
            if problem.code in POINTING:  # the place a message names ("first on line …") is moved too
                args = tuple((key, At(self.file_path(value.path)) if isinstance(value, At) else value) for key, value in args)
            return replace(problem, path=self.file_path(problem.path), args=args)

        found = [in_file(p) for p in run_checks(self.plan, partial=True) if not (self.undated and p.key in _DATED)]
        if any(section.refused_ids for section in self.sections):
            found = [p for p in found if p.code not in ("duplicate-id", "look-alike-id")] + self._duplicate_ids()
        return found

    def _duplicate_ids(self) -> list[Problem]:
        """duplicate-id and look-alike-id over every item with an id, those the schema refused included, in the file's
        order: an id used twice is found whichever of the two (or their task) the schema refused."""
        from types import SimpleNamespace

        from cchc.checks import check_item_id, item_paths

        ids = [(self.file_path(path), item.id) for path, item in item_paths(self.plan)]
        for section in self.sections:
            ids += [(("sections", section.index, "tasks", t, "items", i), item_id) for t, i, item_id in section.refused_ids]
        context = SimpleNamespace(seen_ids={}, alike_ids={})
        found = []
        for path, item_id in sorted(ids, key=lambda pair: pair[0][1::2]):  # the indexes: section, task, item
            found += check_item_id(context, path, SimpleNamespace(id=item_id))
        return found


#: The problem an item gives for a field it lacks: left out where the schema refused a key of the item as that
#: field misspelt ("dealine": did you mean deadline?), which says so already.
_MISSING = {"deadline": "blank-deadline", "lead": "no-lead"}


def without_told(found: list[Problem], schema_problems: list[Problem]) -> list[Problem]:
    """*found* (the checks' problems) but those a misspelt key's schema error in *schema_problems* already tells."""
    from cchc.inputs.yaml import KEY

    told = set()
    for problem in schema_problems:
        suggestion = dict(problem.args).get("suggestion") if problem.key == "schema.unknown-field.suggest" else None
        if suggestion in _MISSING:
            item = problem.path[:-2] if problem.path[-1:] == (KEY,) else problem.path[:-1]
            told.add((item, _MISSING[suggestion]))
    return [p for p in found if (p.path[:-1], p.code) not in told] if told else found

