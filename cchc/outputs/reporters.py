"""Machine and validation outputs. Each reporter takes values from the core and returns text.

Validation reporters (``text``, ``json``, ``github``) are picked from
``VALIDATION_REPORTERS`` by name. JSON keeps amounts exact (see ``to_json``);
CSV neutralises cells a spreadsheet would run as formulas. Tables for people
are in ``cchc.outputs.tables``.
"""

from __future__ import annotations

import json
import re
import secrets
from decimal import Decimal
from json.encoder import encode_basestring
from itertools import chain, repeat
from operator import itemgetter
from typing import Callable, Iterator, Sequence

from cchc.messages import t
from cchc.outputs import Made
from cchc.outputs.halves import in_two
from cchc.problems import Problem, weight
from cchc.text import escape_controls

# ---------------------------------------------------------------- validation


def is_valid(problems: list[Problem], strict: bool = False) -> bool:
    """The verdict: no error (and, when *strict*, no warning either)."""
    return not problems if strict else not any(p.severity == "error" for p in problems)


def summary_line(files: list[str], problems: list[Problem], lang: str, strict: bool = False) -> str:
    """One line: how many files, errors and warnings, and the verdict."""
    errors = sum(weight(p) for p in problems if p.severity == "error")  # a problem counting others left out: theirs
    key = "summary.valid" if is_valid(problems, strict) else "summary.invalid"
    return t(key, lang, files=len(files), errors=errors, warnings=sum(map(weight, problems)) - errors)


def validation_text(files: list[str], problems: list[Problem], lang: str = "vi", strict: bool = False) -> str:
    def lines(start: int, stop: int) -> Iterator[str]:
        yield "".join([escape_controls(p.text(lang)) + "\n" for p in problems[start:stop]])

    return "".join(in_two(lines, len(problems))) + summary_line(files, problems, lang, strict) + "\n"


def validation_json(files: list[str], problems: list[Problem], lang: str = "vi", strict: bool = False) -> str:
    document = {
        "valid": is_valid(problems, strict),
        "files": files,
        "diagnostics": [p.as_dict(lang) for p in problems],
    }
    return surrogates_escaped(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


#: A file name's bytes that are not UTF-8 come to Python as lone surrogates (os.fsdecode); UTF-8 cannot hold them.
_SURROGATE = re.compile("[\ud800-\udfff]")


def surrogates_escaped(text: str) -> str:
    """JSON text with the lone surrogates of its strings (a file name's byte 0xFF is "\\udcff") written as JSON
    escapes: the text is then valid UTF-8, and a JSON reader gives the name back as Python had it."""
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def validation_github(files: list[str], problems: list[Problem], lang: str = "vi", strict: bool = False) -> str:
    lines = [
        f"::{p.severity} file={_github_escape(escape_controls(p.file), True)},line={p.line},col={p.column},"
        f"title={_github_escape('cchc ' + p.code, True)}::{_github_escape(escape_controls(p.message(lang)))}"
        for p in problems
    ]
    lines.append(summary_line(files, problems, lang, strict))
    return "\n".join(lines) + "\n"


#: Each takes the files, their problems, the language and whether warnings fail (--strict).
VALIDATION_REPORTERS: dict[str, Callable[[list[str], list[Problem], str, bool], str]] = {
    "text": validation_text,
    "json": validation_json,
    "github": validation_github,
}


# ---------------------------------------------------------------- JSON


def to_json(value) -> str:
    """JSON with Vietnamese text as is and amounts as exact JSON numbers.

    A list (the items of a query, the agencies, the sections) is written one
    element a line, each as ``json.dumps`` writes it on one line ("key": value,
    …); anything else (one item, the budget, a report) is indented by two
    spaces. A query's 100,000 items are then written by the json module's C
    encoder, several times faster than its indenting Python encoder, and the
    output still reads, greps and diffs an item a line.

    An int is written as is; a Decimal as a JSON number with exactly its
    decimal digits ("2.5", "10.0000000000000000001"), never through a lossy
    float, never Infinity or NaN (``amount_json``).
    """
    return "".join(to_json_pieces(value))


def to_json_pieces(value) -> Iterator[str]:
    """``to_json``'s text in pieces: a large report is written as it is encoded, never whole in memory."""
    from cchc.write import batched

    exact: list[str] = []
    nonce = secrets.token_hex(8)

    def default(obj):
        if isinstance(obj, Decimal):
            exact.append(amount_json(obj))
            return f"\x00{nonce}:{len(exact) - 1}"
        raise TypeError(f"not JSON serialisable: {type(obj).__name__}")

    if isinstance(value, list) and value:
        encode = json.JSONEncoder(ensure_ascii=False, default=default, allow_nan=False).encode
        pieces = ["[\n" + ",\n".join(["  " + encode(element) for element in value]) + "\n]"]
    else:
        pieces = batched(json.JSONEncoder(ensure_ascii=False, indent=2, default=default, allow_nan=False).iterencode(value))
    token = re.compile(re.escape(json.dumps(f"\x00{nonce}:")[:-1]) + '([0-9]+)"')
    for text in pieces:
        # Each Decimal was written as a string token, whole in one piece: put its digits in its place.
        yield token.sub(lambda m: exact[int(m.group(1))], text) if exact else text
    yield "\n"


def amount_json(amount: int | Decimal) -> str:
    """An exact amount as ``to_json`` writes it: 30, 2.5, 10.0000000000000000001 (ValueError for Infinity, NaN)."""
    if not isinstance(amount, Decimal):
        return int.__repr__(amount)
    if not amount.is_finite():
        raise ValueError(f"not a finite amount: {amount}")
    if amount == amount.to_integral_value():
        return int.__repr__(int(amount))
    shortest = float.__repr__(float(amount))
    if "e" not in shortest and Decimal(shortest) == amount:  # 2.5, not 2.50000; never 1e-06
        return shortest
    return format(amount, "f").rstrip("0")  # 0.000001, not the 0.0000010 written (a fraction: a digit is not 0)


#: Items written per piece of ``items_json_pieces``.
JSON_CHUNK = 2048


def items_json(rows, registry, plan=None, status_of=None) -> str:
    """``to_json`` of the rows' item records (``cchc.query.item_record``): the same text, twice as fast."""
    return b"".join(items_json_pieces(rows, registry, plan, status_of)).decode("utf-8")


def items_json_pieces(rows, registry, plan=None, status_of=None) -> Iterator[bytes]:
    """``items_json`` as UTF-8 bytes, in pieces of some thousand items: a large query's text is never whole in memory.

    No record is built, and no Python code runs for an item's every field: a
    piece's rows, and its items' fields read from their dicts, are turned into
    columns (ids, products, leads …) by ``zip``, and laid out by one ``%`` of
    the piece's format. A query's items share a few sections, tasks, agency
    names, deadlines, amounts, notes and STT labels: each of those is encoded
    once. Ids and products are encoded to UTF-8 at once, and
    escaped one by one only when a piece holds a character JSON escapes. The
    text is made as bytes: JSON is written as UTF-8, and joining bytes copies
    them as they are, where joining str widens every ASCII part to the width
    of the Vietnamese ones.
    """
    if not rows:
        yield b"[]\n"
        return

    default_lead = plan.plan.default_lead if plan is not None else None
    name = Made(lambda reference: _quoted(registry.full_name(reference)))

    def names(references) -> bytes:
        return b"[" + b", ".join(map(name.__getitem__, references)) + b"]"

    def lead(references: tuple) -> bytes:  # an item's lead names, and whether they are the plan's default lead (its own cell blank)
        if references or not default_lead:
            return names(references) + b', "lead_is_default": false'
        return names([default_lead]) + b', "lead_is_default": true'

    def place(task, section) -> bytes:  # a task's section and its own label
        head = heads.get(id(section))
        if head is None:
            head = heads[id(section)] = b'"section": %b, "section_title": %b, "task": ' % (_text(section.numeral), _text(section.title))
        return head + _text(task.label or None)

    def when(deadline) -> bytes:
        due = b", ".join(_quoted(day.isoformat()) for day in deadline.due)
        return b'{"text": %b, "kind": %b, "due": [%b]}' % (_text(deadline.text), _text(deadline.kind), due)

    def money(budget) -> bytes:  # a Decimal comes as ("decimal", its text): Decimal("2.50") == 2.5, their texts differ
        if isinstance(budget, tuple):
            return b'{"million_vnd": %b, "note": null}' % amount_json(Decimal(budget[1])).encode()
        if budget is None or isinstance(budget, str):
            return b'{"million_vnd": null, "note": %b}' % _text(budget)
        return b'{"million_vnd": %b, "note": null}' % amount_json(budget).encode()

    leads, partners_of, budgets, texts = Made(lead), Made(names), Made(money), Made(_text)
    places, whens, heads = _Shared(place), _Shared(when), {}
    row_format = (
        b'  {"id": "%b", %b, "product": "%b", "lead": %b, "partners": %b, "deadline": %b, "budget": %b, '
        b'"note": %b, "status": %b, "stt": %b, "via": %b}'
    )

    def piece(part) -> bytes:  # the rows of *part*, joined by ",\n"
        _, sections, tasks, items, deadlines, vias = zip(*part)  # a Row's fields, a column each
        # An item's fields read from its dict, all at once: a model's attribute is found through its class first.
        ids, products, item_leads, item_partners, item_budgets, notes, stts = zip(*map(_ITEM_FIELDS, map(vars, items)))
        columns = (
            _unquoted_all(ids),
            places.of(tasks, sections),  # a task is in one section
            _unquoted_all(products),
            map(leads.__getitem__, map(tuple, item_leads)),
            map(partners_of.__getitem__, map(tuple, item_partners)),
            whens.of(deadlines),
            [budgets[("decimal", str(b)) if isinstance(b, Decimal) else b] for b in item_budgets],
            map(texts.__getitem__, notes),
            map(_text, map(status_of, ids)) if status_of is not None else repeat(b"null"),
            map(texts.__getitem__, stts),
            [b"null" if via is None else _text(via.name) for via in vias],
        )
        return b",\n".join(repeat(row_format, len(part))) % tuple(chain.from_iterable(zip(*columns)))

    def rows_json(first: int, last: int) -> Iterator[bytes]:  # the rows first to last, each after its comma
        for start in range(first, last, JSON_CHUNK):
            yield (b",\n" if start else b"[\n") + piece(rows[start : min(start + JSON_CHUNK, last)])

    yield from in_two(rows_json, len(rows), JSON_CHUNK, text=False)
    yield b"\n]\n"


#: An item's fields, from its dict (``vars``), in the order the JSON writes them.
_ITEM_FIELDS = itemgetter("id", "product", "lead", "partners", "budget", "note", "stt")

#: The bytes JSON writes escaped, as ``encode_basestring`` does (ensure_ascii=False): quote, backslash, C0 controls.
_JSON_ESCAPED = b'"\\' + bytes(range(0x20))


def _quoted(value: str) -> bytes:
    """A JSON string's UTF-8 bytes."""
    return encode_basestring(value).encode()


def _text(value: str | None) -> bytes:
    """A JSON string's UTF-8 bytes, or null."""
    return b"null" if value is None else encode_basestring(value).encode()


def _unquoted_all(values: Sequence[str]) -> list[bytes]:
    """Each of *values* as a JSON string's UTF-8 bytes without its quotes.

    Most plan text has nothing JSON escapes: encoding it to UTF-8 is the
    whole work, and one ``translate`` of all of it says so. Only when it holds
    such a character is each text looked at, and the ones that hold it escaped.
    """
    encoded = list(map(str.encode, values))
    whole = b"".join(encoded)
    if len(whole.translate(None, _JSON_ESCAPED)) != len(whole):
        for at, text in enumerate(encoded):
            if len(text.translate(None, _JSON_ESCAPED)) != len(text):
                encoded[at] = encode_basestring(values[at]).encode()[1:-1]
    return encoded


class _Shared(dict):
    """Bytes the rows share (a section's, a deadline's), made once for each object by *make*: keyed by the
    objects' identities (a model need not be hashable, and hashing one hashes every field)."""

    def __init__(self, make):
        super().__init__()
        self.make = make

    def of(self, objects, *more) -> list[bytes]:
        """The bytes of each of *objects*, made by ``make(object, *its items in more)`` the first time."""
        keys = list(map(id, objects))
        try:
            return list(map(self.__getitem__, keys))
        except KeyError:  # some are new: a walk over this piece's objects makes them
            for key, *made_of in zip(keys, objects, *more):
                if key not in self:
                    self[key] = self.make(*made_of)
            return list(map(self.__getitem__, keys))


# ---------------------------------------------------------------- CSV

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def to_csv(headers: Sequence[str], rows: Sequence[Sequence], bom: bool = False, header: bool = True) -> str:
    """RFC 4180 CSV with a header row; lists are joined with "; ".

    A cell a spreadsheet would read as a formula (starting with =, +, -, @,
    TAB, CR or LF) is prefixed with ' (OWASP), unless it is a plain number. With
    *bom*, the text starts with a UTF-8 byte-order mark, which Excel needs to
    read Vietnamese.
    """
    import csv
    import io

    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")  # RFC 4180; a CR or LF inside a cell gets it quoted
    if header:
        writer.writerow(headers)
    for row in rows:
        writer.writerow([_csv_cell(cell) for cell in row])
    return ("\ufeff" if bom and header else "") + output.getvalue()


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):  # an amount as JSON writes it: 2.5 for the 2.5000000 written
        return amount_json(value) if not isinstance(value, Decimal) or value.is_finite() else format(value, "f")
    text = "; ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
    if text.startswith(_FORMULA_START) and not _plain_number(text):
        return "'" + text
    return text


def _plain_number(text: str) -> bool:
    body = text[1:] if text[:1] in "+-" else text
    whole, _, fraction = body.partition(".")
    return whole.isascii() and whole.isdigit() and (not fraction or (fraction.isascii() and fraction.isdigit()))


ITEM_CSV_HEADERS = ["id", "section", "task", "product", "lead", "partners", "deadline", "kind", "due", "million_vnd", "budget_note", "status", "via"]


def items_csv(records: list[dict], bom: bool = False, header: bool = True) -> str:
    """Item records (the JSON contract's shape) as CSV, one row per item (without *header*: the rows only, to follow others)."""
    return to_csv(
        ITEM_CSV_HEADERS,
        [
            [r["id"], r["section"], r["task"], r["product"], r["lead"], r["partners"], r["deadline"]["text"],
             r["deadline"]["kind"], r["deadline"]["due"], r["budget"]["million_vnd"], r["budget"]["note"],
             r.get("status"), r.get("via")]
            for r in records
        ],
        bom,
        header,
    )


# ---------------------------------------------------------------- budget


def budget_record(report) -> dict:
    """The budget as the JSON contract shapes it."""
    return {
        "declared_million_vnd": report.declared,
        "itemized_million_vnd": report.itemized,
        "difference_million_vnd": report.difference,
        "declared_in_words": report.declared_in_words,
        "declared_note": report.declared_note,
        "sections": [{"section": s.numeral, "title": s.title, "million_vnd": s.million_vnd} for s in report.sections],
        "tasks": [{"section": t.section, "task": t.task, "million_vnd": t.million_vnd} for t in report.tasks],
        "leads": [{"agency": a.agency, "million_vnd": a.million_vnd} for a in report.leads],
        "unpriced": [{"id": u.id, "product": u.product, "note": u.note} for u in report.unpriced],
    }


def budget_json(report) -> str:
    return to_json(budget_record(report))
