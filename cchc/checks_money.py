"""The checks of a plan's money: the declared total against the items and its words, each item's amount or note.

Part of ``cchc.checks`` (which lists them in ``PLAN_CHECKS`` and ``ITEM_CHECKS``): amounts are exact
(``cchc.money``), in million đồng, and a figure a clerk may have written otherwise (in đồng, with a dot
grouping thousands, as text) is told how to write it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from cchc.model import NOTE_AMOUNT
from cchc.money import MAX_MILLION, MAX_DECIMALS, exact_sum, million_in_words, million_to_vnd, vnd_to_million, words_to_amount
from cchc.problems import Problem, error, warning
from cchc.text import fold

#: An item this many times the declared total is probably written in đồng.
DONG_FACTOR = 10


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
    # Amounts written as text or in words (their own errors) are in no sum: the warning says how many it leaves out.
    # They are looked for only when there is a gap (each note read as words again is work on every plan).
    if itemized != declared and not _explained(written := _text_amounts(plan), declared - itemized):
        left_out = len(written)
        problems.append(
            warning("total-mismatch", ("plan", "total_million_vnd"), key="total-mismatch.text-amounts" if left_out else None,
                    itemized=itemized, declared=declared, difference=itemized - declared, **({"count": left_out} if left_out else {}))
        )
    return problems


#: A sum of money in a folded note: a figure with a unit after it ("500 triệu", "500.000.000 đồng", "10 tr.đ", "500tr";
#: not "06 ngân sách", "2021 đồng thời"), or a unit of money in words ("Hai tỷ đồng", "ba tỷ rưỡi").
MONEY = re.compile(
    r"[0-9][0-9.,]*\s*(?:trieu|ty|ti|nghin|ngan(?! sach| hang)|dong(?! thoi| bo| chi)|trd|tr\.d|tr|vnd|d)\b"
    r"|\b(?:trieu|ty|ti|nghin|ngan)\s+(?:dong|vnd)\b|\b(?:ty|trieu) ruoi\b"
)


def check_headings(plan) -> list[Problem]:
    """The plan's own column headings (``plan.headings``) each name their column as ``cchc import`` reads headings
    (else the Word file printed with them would come back with that column lost, or read as another); a budget
    heading says million VND, the unit of every amount the column prints."""
    headings = plan.plan.headings
    if headings is None:
        return []
    from cchc.headings import role_of, starts_only, unit_factor

    problems = []
    for role in ("lead", "partners", "deadline", "budget"):
        heading = getattr(headings, role)
        if heading is None:
            continue
        if role_of(heading) != role or (role == "deadline" and starts_only(heading)):  # a start is no deadline
            problems.append(error("heading-role", ("plan", "headings", role), heading=heading, named=f"col.{role}"))
        elif role == "budget" and unit_factor(heading) != (1, False):
            problems.append(error("heading-unit", ("plan", "headings", role), heading=heading))
    return problems


def check_total_note(plan) -> list[Problem]:
    """A total written as a note that is an amount ("500", "Năm trăm triệu đồng") is refused as an item's budget
    note is: the items are never checked against it. A note with a sum of money in it is warned of."""
    note = plan.plan.total_note
    if note is None or plan.plan.total_million_vnd is not None:
        return []
    if _number_as_text(note) or _words_as_amount(note):
        return [error("text-amount", ("plan", "total_note"), key="text-amount.total-note", note=note)]
    if MONEY.search(fold(note)):
        return [warning("budget-note", ("plan", "total_note"), key="budget-note.total", note=note)]
    return []


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
    items = itemized_total(plan)
    if items != declared and in_words == million_to_vnd(items):
        # The words and the items agree, the figure does not: the words must not be "corrected" to a typo.
        return [error("total-in-words", path, key="total-in-words.items", in_words=in_words, in_million=vnd_to_million(in_words), declared=declared)]
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


def _decimals(amount: Decimal) -> int:
    """The decimals an amount needs: 10.0000000 is 10 and 3.5000000 is 3.5, not finer than one đồng for the
    zeros written after them (counted from its digits: ``normalize`` would round a long one to 28 digits)."""
    _, digits, exponent = amount.as_tuple()
    significant = bytes(digits).rstrip(b"\x00")
    return max(-exponent - (len(digits) - len(significant)), 0) if significant else 0


def _amount_problem(amount, where, of: str = "") -> Problem | None:
    """The error of an amount beyond the sane bound or finer than one đồng, at *where*; None when it is sane.
    *of* is ".total" for the declared total (its own message)."""
    if abs(amount) > MAX_MILLION:
        return error("amount-range", where, key="amount-range" + of, amount=_as_written(amount))
    if isinstance(amount, Decimal) and _decimals(amount) > MAX_DECIMALS:
        return error("amount-precision", where, key="amount-precision" + of, amount=_as_written(amount))
    return None


def check_item_amount(context, path, item) -> list[Problem]:
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
        # A total itself written "200.000" (warned of) may be 200 or 200000: the item is measured against the larger.
        if total is not None and _thousands_dot(total):
            total = total.scaleb(3).normalize()
        if total is not None and 0 < total <= MAX_MILLION and amount > total * DONG_FACTOR:
            return [warning("amount-in-dong", where, amount=amount, id=item.id, total=total)]
        return []
    note = item.budget_note
    if note is None:
        return []
    if _number_as_text(note):
        # A number past the reader's bound is text however written (and told as yaml-number): not said to be quoted.
        fix = {} if _too_long(note.strip()) else _text_amount_fix(note.strip())
        return [error("text-amount", where, note=note, **fix)]
    folded = fold(note)
    money = MONEY.search(folded)
    if folded.startswith("theo ") and not money and not _BARE_FIGURE.search(note):  # "Theo dự án": the common note
        return []  # but "Theo dự án: 30" shows 30 in the column of millions, which no sum counts
    if _words_as_amount(note):  # "Một tỷ đồng": an amount in words, that counted 0
        return [error("text-amount", where, key="text-amount.words", note=note)]
    # A note with figures ("Tỉnh: 100; huyện: 50") reads as money: say that none of it is counted.
    figures = any(map(str.isdigit, note)) or money
    return [warning("budget-note", where, key="budget-note.figures" if figures else None, note=note)]


#: A figure on its own in a note: not part of a document's number ("30/QĐ-UBND", "61/2018/NĐ-CP"), not a year.
_BARE_FIGURE = re.compile(r"(?<![\w/.,-])(?!(?:19|20|21)[0-9]{2}(?![0-9]))[0-9]+(?:[.,][0-9]+)*(?![\w/-])")


def _thousands_dot(amount: Decimal) -> bool:
    """Whether *amount* is written with three digits after the dot, the last 0 ("1.500", "20.000"): Vietnamese
    writing groups thousands with a dot, so it may mean 1500 (nobody writes 1.5 as "1.500")."""
    if not isinstance(amount, Decimal):
        return False
    _, digits, exponent = amount.as_tuple()
    return amount >= 1 and exponent == -3 and digits[-1] == 0


def _too_long(written: str) -> bool:
    """A text longer than the YAML reader reads as a number (``yaml-number``, an error where a plain one stands):
    no way of writing it is suggested (the figure would be as long, and past the bound of an amount)."""
    from cchc.inputs.yaml import MAX_NUMBER_CHARS

    return len(written.lstrip("+-")) > MAX_NUMBER_CHARS


def _exact(amount: Decimal) -> str:
    """*amount* as plain figures, its trailing zeros dropped, exactly (``normalize`` rounds to 28 digits)."""
    text = format(amount, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _text_amount_fix(written: str) -> dict:
    """How to write an amount the file holds as text: "15.000.000" (dots grouping thousands), "1,5" (a decimal
    comma), "10" in quotes; {} for any other ("10 triệu", "5.")."""
    if _GROUPED.fullmatch(written):
        whole = int(written.replace(".", ""))
        return {"key": "text-amount.grouped", "whole": whole, "million": _exact(Decimal(vnd_to_million(whole)))}
    if _DECIMAL_COMMA.fullmatch(written):  # "1,500" is 1.5, written so: "1.500" would be read 1500
        return {"key": "text-amount.comma", "dotted": _exact(Decimal(written.replace(",", ".")))}
    if _ZERO_FIRST.fullmatch(written):  # "010": plain, YAML 1.1 reads an octal (told as yaml-ambiguous); or quoted
        return {"key": "text-amount.zero-first", "bare": _exact(Decimal(written))}
    if _PLAIN.fullmatch(written):  # a number YAML would read, so it was quoted
        return {"key": "text-amount.quoted", "bare": written}
    return {}


_GROUPED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_DECIMAL_COMMA = re.compile(r"[-+]?[0-9]+,[0-9]+")
_PLAIN = re.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?")
_ZERO_FIRST = re.compile(r"[-+]?0[0-9]+(?:\.[0-9]+)?")


def _thousands_dot_readings(amount: Decimal) -> dict:
    """An amount written "1.500" as the file has it, and its two readings: 1500 and 1.5."""
    return {"amount": format(amount, "f"), "thousands": int(amount * 1000), "decimal": _exact(amount)}


def _words_as_amount(note: str) -> bool:
    """Whether a budget note starts with an amount in words ("Mười triệu đồng", "Một tỷ đồng (dự kiến)", "Hai mươi
    triệu VNĐ", "… /năm"); "Không" (nothing) does not."""
    return _words_amount(note) is not None


def _words_amount(note: str) -> Decimal | None:
    """The amount, in million đồng, a budget note starts with in words (``_words_as_amount``), else None."""
    head = _VND.sub("", re.split(r"[(/:;,]", note, maxsplit=1)[0])
    try:
        amount = words_to_amount(head)
    except ValueError:
        return None
    return Decimal(vnd_to_million(amount)) if amount > 0 else None


_VND = re.compile(r"(?i)\s*\bvn[dđ]\b\.?\s*$")


def _text_amounts(plan) -> list[Decimal | None]:
    """The amounts the items' notes hold as text ("5.", "10 triệu") or in words ("Mười triệu đồng"), each an error of
    its own (text-amount), in plan order: the figure each reads as, or None where none is read."""
    found: list[Decimal | None] = []
    for _, _, item in plan.items():
        note = item.budget_note
        if _number_as_text(note):
            # Its figure in million đồng when it says so, or says nothing ("10", "10 triệu"); none read otherwise
            # ("10 tỷ", "15.000.000 đồng"): a gap is then not taken as explained by it.
            figure = _FIRST_FIGURE.search(note)
            plain = figure is not None and not _GROUPED_IN.search(note) and not _OTHER_UNIT.search(fold(note))
            found.append(Decimal(figure.group().replace(",", ".")) if plain else None)
        elif note is not None and (in_words := _words_amount(note)) is not None:
            found.append(in_words)
    return found


def _explained(written: list[Decimal | None], gap) -> bool:
    """Whether the amounts written as text or in words (*written*, ``_text_amounts``) make up the whole *gap*: then it
    is no second problem. A gap they do not explain is still a warning."""
    return bool(written) and None not in written and sum(written) == gap


_FIRST_FIGURE = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
_GROUPED_IN = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3}){2,}")
#: Units of money other than million đồng, folded: "tỷ", "nghìn", "đồng", "VNĐ", "đ".
_OTHER_UNIT = re.compile(r"(?<![a-z])(?:ty|ti|nghin|ngan|dong|vnd|d)(?![a-z])")


def _number_as_text(note: str | None) -> bool:
    """A budget note that is an amount written as text: one that starts with a figure ("10 triệu", "5.", "−20"), or
    a figure alone behind signs, brackets or quotes ("(10)", "“10”"): printed, it reads as an amount that no total
    counts. The JSON Schema refuses the same notes, by the same pattern (``cchc.model.NOTE_AMOUNT``)."""
    return note is not None and _NOTE_AMOUNT.match(note) is not None


_NOTE_AMOUNT = re.compile(NOTE_AMOUNT)
