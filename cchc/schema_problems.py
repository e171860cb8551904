"""The schema's verdict on a plan's data: pydantic's errors as located problems with catalogue keys."""

from __future__ import annotations

import functools

from cchc.inputs.yaml import KEY
from cchc.problems import Problem, error, value_text
from cchc.statuses import recording_of

#: Schema errors listed per file; past it one problem counts the rest (a file of a million
#: wrong list elements would otherwise cost minutes and gigabytes to report).
MAX_LISTED = 1000

#: A section of more items than this (far more than any real one) is validated in pieces (``_validate_in_pieces``).
PIECES_ABOVE = 10 * MAX_LISTED

#: Fields the plan once carried and that now live in the progress log.
_MOVED_TO_LOG = {"status", "completed_on"}


def validate_tree(data, name: str, partial: list | None = None):
    """The ``Plan`` built from *data* (None when invalid) and the schema's problems (located by data path).

    Consumes *data*: each section's raw data is dropped as soon as its model is
    built (see ``_validate_by_section``), so a large plan never holds both whole.
    When the plan is invalid, but its own fields are not and its sections have
    fewer problems than are listed, a ``cchc.salvage.Partial`` of what
    validated is appended to *partial* (when given), for the checks.
    """
    from pydantic import ValidationError

    from cchc.model import Plan

    if not isinstance(data, dict):
        return None, [error("schema", (), key="schema.plan", file=name)]
    sections = data.get("sections")
    if isinstance(sections, list) and all(isinstance(section, dict) for section in sections):
        return _validate_by_section(data, sections, name, partial)
    if flood := _flood(data, name, (), MAX_LISTED):  # wrong elements or unknown keys by the thousand: no pydantic error list
        return None, flood
    try:
        return Plan.model_validate(data), []
    except ValidationError as exc:
        return None, schema_problems(exc, data, name)


def _validate_by_section(data: dict, sections: list, name: str, partial: list | None = None):
    # The same verdict as Plan.model_validate(data), in the same order, a section at a time.
    # Built models share the texts of the raw data but not its dicts and lists, and pydantic
    # gives each model its own set of the fields it was given: dropping each section's raw
    # data as it is read, and sharing one such set among models given the same fields,
    # keeps a plan of 100,000 items about 100 MiB smaller.
    from pydantic import ValidationError

    from cchc.model import Plan, Section
    from cchc.salvage import Partial, SalvagedSection, date_refused, salvage_section, without_unknown_keys

    built: list = []
    salvaged: list = []  # what validated, for the checks when the plan does not: whole sections and parts of the others
    listing = _Listing(name)
    shared: dict[frozenset, set] = {}
    for s, raw in enumerate(sections):
        if _in_pieces(raw) and sum(len(t["items"]) for t in raw["tasks"] if isinstance(t, dict) and isinstance(t.get("items"), list)) > PIECES_ABOVE:
            # A section far larger than any real one: checked a piece at a time first, so that a
            # flood of bad items never has pydantic hold an error for each (gigabytes).
            section = _validate_in_pieces(raw, ("sections", s), listing)
            if section is None:
                part = salvage_section(s, raw) if partial is not None and not listing.unlisted else None
                if part is not None:  # what validates of it is checked still, as of a smaller section
                    salvaged.append(part)
                sections[s] = None
                continue
            # Valid: built from the models its pieces made, never validated twice.
            _share_field_sets(section, shared)
            built.append(section)
            salvaged.append(SalvagedSection(s, section))
            sections[s] = None
            continue
        try:
            section = Section.model_validate(raw)
        except ValidationError as exc:
            flood = _flood(raw, name, ("sections", s), listing.room()) if exc.error_count() > listing.room() and isinstance(raw, dict) else []
            if flood:  # wrong elements or unknown keys by the thousand: found without pydantic's error list
                listing.extend(flood)
            elif exc.error_count() > listing.room() and _in_pieces(raw):
                _validate_in_pieces(raw, ("sections", s), listing)
            else:
                listing.add(exc, raw, ("sections", s))
            part = salvage_section(s, raw) if partial is not None and not listing.unlisted else None
            if part is not None:
                salvaged.append(part)
        else:
            _share_field_sets(section, shared)
            built.append(section)
            salvaged.append(SalvagedSection(s, section))
        sections[s] = None
    section_problems = listing.problems()
    rest = {key: ([] if key == "sections" else value) for key, value in data.items()}
    try:  # a flood in the plan's own lists (a million "1," as agencies) is found without pydantic's error list
        plan = None if (flood := _flood(rest, name, (), MAX_LISTED)) else Plan.model_validate(rest)
    except ValidationError as exc:
        # The plan's own fields get their own room: a flood in the sections must not hide them.
        plan, problems = None, schema_problems(exc, rest, name)
        if partial is not None:  # refused for keys it does not know only: the rest is checked still
            try:
                checkable = without_unknown_keys(Plan, rest, headers=True)
            except ValidationError:
                checkable = None
            if checkable is not None and not listing.unlisted:
                partial.append(Partial(checkable.model_copy(update={"sections": [part.model for part in salvaged]}), salvaged,
                                       date_refused(exc, checkable)))
    else:
        problems = flood
    if plan is not None and not section_problems:
        return plan.model_copy(update={"sections": built}), []
    # pydantic reports fields in their order (sections among them), then unknown keys.
    fields = list(Plan.model_fields)
    after = {key for key in fields[fields.index("sections") + 1 :]} | {key for key in data if key not in Plan.model_fields}
    before = [p for p in problems if not p.path or p.path[0] not in after]
    if plan is not None and partial is not None and not listing.unlisted:
        partial.append(Partial(plan.model_copy(update={"sections": [part.model for part in salvaged]}), salvaged))
    return None, before + section_problems + [p for p in problems if p.path and p.path[0] in after]


class _Listing:
    """Problems listed across many validations, up to MAX_LISTED; the rest counted in one ``schema.more``."""

    def __init__(self, name: str):
        self.name = name
        self.listed: list[Problem] = []
        self.unlisted = 0
        self.more_path: tuple | None = None

    def room(self) -> int:
        return MAX_LISTED - len(self.listed)

    def add(self, exc, data, prefix: tuple) -> None:
        if self.room() <= 0:
            self._count(exc.error_count(), prefix)
            return
        self.extend(schema_problems(exc, data, self.name, prefix=prefix, limit=self.room()))

    def extend(self, problems: list[Problem]) -> None:
        for problem in problems:
            if problem.key == "schema.more":
                self._count(dict(problem.args)["count"], problem.path)
            else:
                self.listed.append(problem)

    def _count(self, count: int, path: tuple) -> None:
        self.unlisted += count
        if self.more_path is None:
            self.more_path = path

    def problems(self) -> list[Problem]:
        if not self.unlisted:
            return self.listed
        return self.listed + [error("schema", self.more_path, key="schema.more", file=self.name, count=self.unlisted)]


def _in_pieces(raw) -> bool:
    return isinstance(raw, dict) and isinstance(raw.get("tasks"), list)


#: Items validated together in a large section: one call to pydantic for many (each call costs as much as an
#: item), while a piece with an error is gone through an item at a time, so that every problem keeps its place.
ITEMS_PER_PIECE = 1000


def _validate_in_pieces(raw: dict, prefix: tuple, listing: _Listing):
    """A section validated a task and a piece of items at a time: the ``Section`` when it is valid, else None.

    The same problems at the same places as validating it whole, but pydantic never
    holds more than one piece's errors: a section of a million bad items costs
    its time, not gigabytes. A valid section is made of the models its pieces
    gave (pydantic takes a model as it is), so no item is validated twice.
    """
    from pydantic import ValidationError

    from cchc.model import Item, Section, Task

    found = len(listing.listed) + listing.unlisted
    items_of = _items_adapter().validate_python

    def check(model, data, path):
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            listing.add(exc, data, path)
            return None

    def checked_items(items: list, path: tuple) -> list:
        models: list = []
        for start in range(0, len(items), ITEMS_PER_PIECE):
            piece = items[start : start + ITEMS_PER_PIECE]
            try:
                models += items_of(piece)
            except ValidationError:
                models += [check(Item, item, path + ("items", start + i)) for i, item in enumerate(piece)]
        return models

    check(Section, {**raw, "tasks": []}, prefix)
    tasks: list = []
    for t, task in enumerate(raw["tasks"]):
        if not (isinstance(task, dict) and isinstance(task.get("items"), list)):
            tasks.append(check(Task, task, prefix + ("tasks", t)))
            continue
        check(Task, {**task, "items": []}, prefix + ("tasks", t))
        tasks.append({**task, "items": checked_items(task["items"], prefix + ("tasks", t))})
    if len(listing.listed) + listing.unlisted > found:
        return None
    return check(Section, {**raw, "tasks": tasks}, prefix)  # valid pieces make a valid section: None never expected


@functools.lru_cache(maxsize=1)
def _items_adapter():
    from pydantic import TypeAdapter

    from cchc.model import Item

    return TypeAdapter(list[Item])


# The schema's lists, by key: lists of mappings and lists of texts (an unknown key's list is
# one problem, whatever it holds).
_MAPPING_LISTS = frozenset({"sections", "tasks", "items", "agencies", "articles", "blocks", "prose_before", "prose_after"})
_TEXT_LISTS = frozenset({"paragraphs", "legal_bases", "recipients", "short", "members", "lead", "partners"})


def _flood(data: dict, name: str, prefix: tuple, limit: int) -> list[Problem]:
    """More than *limit* list elements of the wrong kind or unknown keys: the first *limit* and a count of the rest
    (empty when the data has no such flood). Pydantic would hold an error for each, ``errors()`` a dict for each
    (hundreds of bytes each: a file of a million ``1,`` would cost gigabytes), before any could be dropped."""
    found: list[tuple[tuple, object, type | None]] = []
    count = 0
    known = _field_names()
    # A walk in the file's order with a stack of iterators (no recursive closure: with the
    # collector paused, its reference cycle would keep each flooded section alive).
    stack: list[tuple[tuple, object, type | None]] = [((), iter(data.items()), None)]
    while stack:
        path, entries, want = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        key, value = entry
        if want is not None:  # an element of a list of the schema
            if not isinstance(value, want):
                count += 1
                if len(found) <= limit:
                    found.append((prefix + path + (key,), value, want))
            elif want is dict:
                stack.append((path + (key,), iter(value.items()), None))
        elif key not in known:  # a key no model has: unknown wherever it stands
            count += 1
            if len(found) <= limit:
                found.append((prefix + path + (key, KEY), key, None))
        elif isinstance(value, dict):
            stack.append((path + (key,), iter(value.items()), None))
        elif isinstance(value, list) and (key in _MAPPING_LISTS or key in _TEXT_LISTS):
            stack.append((path + (key,), enumerate(value), dict if key in _MAPPING_LISTS else str))
    if count <= limit:
        return []
    problems = [
        error("schema", path, key="schema.unknown-field", file=name, field=str(element))
        if want is None
        else error("schema", path, key="schema.mapping" if want is dict else _text_key(path, element), file=name, field=_field(path), value=_show(element))
        for path, element, want in found[:limit]
    ]
    problems.append(error("schema", found[limit][0], key="schema.more", file=name, count=count - limit))
    return problems


@functools.lru_cache(maxsize=1)
def _field_names() -> frozenset:
    """Every field name of every model of the plan."""
    from pydantic import BaseModel

    from cchc import model

    classes = [c for c in vars(model).values() if isinstance(c, type) and issubclass(c, BaseModel)]
    return frozenset(name for cls in classes for name in cls.model_fields)


def _share_field_sets(section, shared: dict) -> None:
    """Give the section's tasks and items one shared ``__pydantic_fields_set__`` per distinct set.

    The models are frozen, so no set is ever changed in place (``model_copy``
    copies it first); each distinct set is kept once instead of once per model.
    """
    for task in section.tasks:
        for model in (task, *task.items):
            own = model.__pydantic_fields_set__
            one = shared.setdefault(frozenset(own), own)
            if one is not own:
                object.__setattr__(model, "__pydantic_fields_set__", one)


def schema_problems(exc, data, name: str, prefix: tuple = (), limit: int | None = None) -> list[Problem]:
    """Turn pydantic's errors into problems located by data path, one per place.

    *data* is the node at *prefix*, the path of what was validated. Past *limit*
    places, one ``schema.more`` problem at the first unlisted place counts the rest.
    """
    limit = MAX_LISTED if limit is None else limit
    if exc.error_count() > limit and isinstance(data, dict):
        flood = _flood(data, name, prefix, limit)
        if flood:  # a million wrong elements: skip pydantic's million error dicts
            return flood
    by_path: dict[tuple, list[dict]] = {}
    errors = exc.errors(include_url=False)
    for n, err in enumerate(errors):
        path, _ = _data_path(data, err["loc"], err["type"] == "missing")
        if err["type"] == "extra_forbidden":
            path = path + (KEY,)
        if path not in by_path and len(by_path) >= limit:
            problems = [_problem(p, errs, data, name, prefix) for p, errs in by_path.items()]
            problems.append(error("schema", prefix + path, key="schema.more", file=name, count=len(errors) - n))
            return problems
        by_path.setdefault(path, []).append(err)
    return [_problem(path, errs, data, name, prefix) for path, errs in by_path.items()]


def _closest_field(extra: str, where: tuple) -> str | None:
    """The field of the mapping at *where* (a data path from the plan's root) that *extra* is a slip for, if one is
    close: "dealine" for deadline, "Deadline", "lead " … (None for a word like no field)."""
    import difflib

    from cchc.field_words import field_for

    fields = _fields_at(where)
    wanted = extra.strip().lower().replace(" ", "_").replace("-", "_")
    if wanted in fields:
        return wanted
    close = difflib.get_close_matches(wanted, fields, n=1, cutoff=0.75)
    return close[0] if close else field_for(extra, fields)


def _fields_at(where: tuple) -> list[str]:
    """The fields of the model the mapping at *where* is read as: ``Item``'s at ("sections", 0, "tasks", 0, "items", 3)."""
    import typing

    from pydantic import BaseModel

    from cchc.model import Plan

    def model_in(annotation):  # the model class an annotation holds: Optional[Signer], list[Item], list["Block"] …
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation
        return next((found for arg in typing.get_args(annotation) if (found := model_in(arg)) is not None), None)

    model = Plan
    for step in where:
        if isinstance(step, int):
            continue  # an element of the list the last field holds
        field = model.model_fields.get(step) if isinstance(step, str) else None
        model = model_in(field.annotation) if field is not None else None
        if model is None:
            return []
    return list(model.model_fields)


def _data_path(data, loc, missing: bool = False) -> tuple[tuple, tuple]:
    """Split pydantic's loc into the part that walks the data and the rest (union member names: "budget: {}" is
    not a mapping with a key "constrained-str"); a *missing* field's name ends the walk."""
    path: list = []
    node = data
    for i, step in enumerate(loc):
        if isinstance(node, dict) and isinstance(step, str) and (step in node or (missing and i == len(loc) - 1)):
            path.append(step)
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            path.append(step)
            node = node[step]
        else:
            return tuple(path), tuple(loc[i:])
    return tuple(path), ()


def _field(path: tuple) -> str:
    names = [str(p) for p in path if isinstance(p, str) and p != KEY]
    return names[-1] if names else "plan"


_AMOUNT_FIELDS = {"budget"}
_NUMBER_FIELDS = {"total_million_vnd"}
_KINDS = {
    "list_type": "schema.list", "model_type": "schema.mapping", "model_attributes_type": "schema.mapping", "dict_type": "schema.mapping",
    "int_type": "schema.integer", "int_parsing": "schema.integer", "bool_type": "schema.bool",
    "greater_than_equal": "schema.range", "less_than_equal": "schema.range",
}


def _too_long(path: tuple, name: str, field: str, err: dict) -> Problem:
    """A text longer than its field allows (pydantic's string_too_long *err*), with the bound."""
    return error("schema", path, key="schema.too-long", file=name, field=field, limit=err.get("ctx", {}).get("max_length", ""))


def _problem(path: tuple, errs: list[dict], data, name: str, prefix: tuple = ()) -> Problem:
    # *path* is relative to *data*, the node at *prefix*.
    path = prefix + path
    first = errs[0]
    kind = first["type"]
    field = _field(path)
    value = _show(first.get("input"))
    if kind == "missing":
        return error("schema", path, key="schema.missing", file=name, field=str(first["loc"][-1]))
    if kind == "extra_forbidden":
        extra = str(first["loc"][-1])
        base = path[:-2] if path[-2:] == (extra, KEY) else path[:-1]
        if extra in _MOVED_TO_LOG and len(base) >= 2 and base[-2] == "items":
            key, args = recording_of(_node(data, base[len(prefix) :]), name)
            return error("status-in-plan", path, key=key, file=name, field=extra, **args)
        suggestion = _closest_field(extra, base)
        if suggestion is not None:  # "dealine": deadline
            return error("schema", path, key="schema.unknown-field.suggest", file=name, field=extra, suggestion=suggestion)
        return error("schema", path, key="schema.unknown-field", file=name, field=extra)
    if field in _AMOUNT_FIELDS:
        too_long = next((e for e in errs if e["type"] == "string_too_long"), None)
        if too_long is not None:  # a note, too long for one
            return _too_long(path, name, field, too_long)
        return error("schema", path, key="schema.amount", file=name, field=field, value=value)
    if field in _NUMBER_FIELDS:
        return error("schema", path, key="schema.number", file=name, field=field, value=value)
    if field == "id" and kind == "string_pattern_mismatch":
        return error("schema", path, key="schema.id", file=name, value=str(first.get("input")))
    if kind == "string_too_short":
        return error("schema", path, key="schema.empty", file=name, field=field)
    if kind == "string_too_long":
        return _too_long(path, name, field, first)
    if kind == "date_impossible":
        return error("schema", path, key="schema.date-impossible", file=name, field=field, value=value)
    if kind.startswith("date_") or kind.startswith("datetime_"):
        return error("schema", path, key="schema.date", file=name, field=field, value=value)
    if kind == "literal_error":
        return error("schema", path, key="schema.choice", file=name, field=field, value=value, choices=first.get("ctx", {}).get("expected", ""))
    if kind == "invalid_key":  # "~: x", "1: x": YAML read the key as null or a number
        # The key is pydantic's last step (True given as 1, perhaps the index of the item it is in). The problem is
        # placed at the key itself, found among the mapping's keys that are not text. The walk of the data stops at
        # the mapping (but for a null key, which pydantic names "None": the walk takes that step too).
        loc_key = first["loc"][-1]
        mapping = path[:-1] if isinstance(loc_key, str) and path[-1:] == (loc_key,) else path
        node = _node(data, mapping[len(prefix) :])
        keys = [k for k in node if not isinstance(k, str) and (k == loc_key or str(k) == str(loc_key))] if isinstance(node, dict) else []
        at = mapping + (keys[0], KEY) if keys else mapping
        key = "schema.key" if mapping else "schema.key.top"
        return error("schema", at, key=key, file=name, field=_field(mapping), value=_show(first.get("input")))
    if kind == "string_type" and _colon_split(first.get("input")):
        # "- Lưu: VT, NC.": an unquoted ": " made the text a key and its value.
        [(head, tail)] = first["input"].items()
        text = head if tail is None else f"{head}: {tail}"
        return error("schema", path, key="schema.text-colon", file=name, field=field, text=_show(text))
    if kind == "string_type" and isinstance(first.get("input"), list) and path and isinstance(path[-1], int):
        return error("schema", path, key="schema.text.list-element", file=name, field=field, value=value)  # "- [A, B]"
    if kind == "string_type":
        return error("schema", path, key=_text_key(path, first.get("input")), file=name, field=field, value=value)
    if kind == "list_type" and isinstance(first.get("input"), str):  # "lead: Sở Tư pháp": a list of one, written as text
        from cchc.text import one_line

        text = one_line(first["input"] if len(first["input"]) <= 60 else first["input"][:59] + "…")
        return error("schema", path, key="schema.list.text", file=name, field=field, value=value, text=text)
    if kind in _KINDS:  # a bound (ge, le) is told with its figure: "year is out of range: 2200 (at most 2199)"
        bound = next(((k, v) for k, v in (first.get("ctx") or {}).items() if k in ("ge", "le")), None)
        return error("schema", path, key=_KINDS[kind] + (f".{bound[0]}" if bound else ""), file=name, field=field, value=value, bound=bound[1] if bound else "")
    return error("schema", path, key="schema.other", file=name, field=field, detail=first["msg"])


def _text_key(path: tuple, value) -> str:
    """The message for *value* where text must be: a number ("numeral: 1", a label as printed) is told to be quoted."""
    if type(value).__name__ not in ("int", "float", "Decimal"):
        return "schema.text"
    return "schema.text-number.element" if path and isinstance(path[-1], int) else "schema.text-number"


def _colon_split(value) -> bool:
    """*value* is what YAML makes of one line of text with an unquoted ": " in it: a one-key mapping of texts."""
    if not (isinstance(value, dict) and len(value) == 1):
        return False
    [(head, tail)] = value.items()
    return isinstance(head, str) and (tail is None or isinstance(tail, str))


def _node(data, path):
    for step in path:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _show(value) -> str:
    from cchc.text import quote

    return quote(value, 40) if isinstance(value, str) else value_text(value)
