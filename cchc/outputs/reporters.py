"""Machine and validation outputs. Each reporter takes values from the core and returns text.

Validation reporters (``text``, ``json``, ``github``) are picked from
``VALIDATION_REPORTERS`` by name. JSON keeps amounts exact (see ``to_json``);
CSV neutralises cells a spreadsheet would run as formulas. Tables for people
are in ``cchc.outputs.tables``.
"""

from __future__ import annotations

import json
import secrets
from decimal import Decimal
from typing import Callable, Sequence

from cchc.messages import t
from cchc.problems import Problem
from cchc.text import escape_controls

# ---------------------------------------------------------------- validation


def summary_line(files: list[str], problems: list[Problem], lang: str) -> str:
    """One line: how many files, errors and warnings, and the verdict."""
    errors = sum(1 for p in problems if p.severity == "error")
    key = "summary.invalid" if errors else "summary.valid"
    return t(key, lang, files=len(files), errors=errors, warnings=len(problems) - errors)


def validation_text(files: list[str], problems: list[Problem], lang: str = "vi") -> str:
    lines = [escape_controls(p.text(lang)) for p in problems]
    lines.append(summary_line(files, problems, lang))
    return "\n".join(lines) + "\n"


def validation_json(files: list[str], problems: list[Problem], lang: str = "vi") -> str:
    document = {
        "valid": not any(p.severity == "error" for p in problems),
        "files": files,
        "diagnostics": [p.as_dict(lang) for p in problems],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def validation_github(files: list[str], problems: list[Problem], lang: str = "vi") -> str:
    lines = [
        f"::{p.severity} file={_github_escape(escape_controls(p.file), True)},line={p.line},col={p.column},"
        f"title={_github_escape('cchc ' + p.code, True)}::{_github_escape(escape_controls(p.message(lang)))}"
        for p in problems
    ]
    lines.append(summary_line(files, problems, lang))
    return "\n".join(lines) + "\n"


VALIDATION_REPORTERS: dict[str, Callable[[list[str], list[Problem], str], str]] = {
    "text": validation_text,
    "json": validation_json,
    "github": validation_github,
}


# ---------------------------------------------------------------- JSON


def to_json(value) -> str:
    """JSON with Vietnamese text as is and amounts as exact JSON numbers.

    An int is written as is; a Decimal as a JSON number with exactly its
    decimal digits ("2.5", "10.0000000000000000001"), never through a lossy
    float, never Infinity or NaN. Most amounts are ints or decimals a float
    holds exactly (2.5); the rest are put in place after encoding.
    """
    exact: dict[str, str] = {}
    nonce = secrets.token_hex(8)

    def default(obj):
        if isinstance(obj, Decimal):
            if not obj.is_finite():
                raise ValueError(f"not a finite amount: {obj}")
            if obj == obj.to_integral_value():
                return int(obj)
            as_float = float(obj)
            if Decimal(repr(as_float)) == obj:
                return as_float
            token = f"\x00{nonce}:{len(exact)}"
            exact[json.dumps(token)] = format(obj, "f")
            return token
        raise TypeError(f"not JSON serialisable: {type(obj).__name__}")

    text = json.dumps(value, ensure_ascii=False, indent=2, default=default, allow_nan=False)
    for token, digits in exact.items():
        text = text.replace(token, digits)
    return text + "\n"


# ---------------------------------------------------------------- CSV

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_csv(headers: Sequence[str], rows: Sequence[Sequence], bom: bool = False) -> str:
    """RFC 4180 CSV with a header row; lists are joined with "; ".

    A cell a spreadsheet would read as a formula (starting with =, +, -, @,
    TAB or CR) is prefixed with ' (OWASP), unless it is a plain number. With
    *bom*, the text starts with a UTF-8 byte-order mark, which Excel needs to
    read Vietnamese.
    """
    import csv
    import io

    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")  # RFC 4180; a CR or LF inside a cell gets it quoted
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_csv_cell(cell) for cell in row])
    return ("\ufeff" if bom else "") + output.getvalue()


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return format(value, "f") if isinstance(value, Decimal) else str(value)
    text = "; ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
    if text.startswith(_FORMULA_START) and not _plain_number(text):
        return "'" + text
    return text


def _plain_number(text: str) -> bool:
    body = text[1:] if text[:1] in "+-" else text
    whole, _, fraction = body.partition(".")
    return whole.isascii() and whole.isdigit() and (not fraction or (fraction.isascii() and fraction.isdigit()))


ITEM_CSV_HEADERS = ["id", "section", "task", "product", "lead", "partners", "deadline", "kind", "due", "million_vnd", "budget_note", "status", "via"]


def items_csv(records: list[dict], bom: bool = False) -> str:
    """Item records (the JSON contract's shape) as CSV, one row per item."""
    return to_csv(
        ITEM_CSV_HEADERS,
        [
            [r["id"], r["section"], r["task"], r["product"], r["lead"], r["partners"], r["deadline"]["text"],
             r["deadline"]["kind"], r["deadline"]["due"], r["budget"]["million_vnd"], r["budget"]["note"],
             r.get("status"), r.get("via")]
            for r in records
        ],
        bom,
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
