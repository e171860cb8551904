"""The Vietnamese deadline grammar: "Thời gian hoàn thành" wordings turned into due dates.

``parse_deadline("Quý II, IV/2021")`` gives kind "quarter" due (2021-06-30, 2021-12-31).
A period is due on its last day, inclusive; a range of periods ("Tháng 6-7/2021")
on the last day of its end only. ``year`` is the plan's year: a wording that
names no year takes it, and a recurring wording is due on its dates within it.

Matching ignores case, diacritics (đ too), Unicode form, extra spaces and the
spaces around "/", ",", "-" (an en or em dash counts as "-"). "Hàng" and "Hằng"
are one word, and so are "Quí" and "Quý". Only the ASCII digits 0-9 are digits.
A wording that needs the plan's year Y when there is none is ``deadline.no-year``.

The wordings, their kinds and due dates are tabled in docs/format.md
("Deadlines"), which a test keeps true to this grammar. In short: months,
quarters, half years, years and dates, with or without a year ("Tháng 6",
"Trước ngày 30/6" take the plan's year Y), lists and ranges of them;
recurring wordings due within Y ("Hằng quý": the end of each quarter,
"Trước ngày 10 của tháng cuối quý": the 10th of March, June, September and
December); ongoing ones with no date ("Thường xuyên"); events ("Sau khi …",
"Khi có …"); "Theo kế hoạch", "Theo quy định"; and several wordings joined by
",", ";", "và" or "hoặc", or written one a line, read part by part (every date of
every part; the parts' kind when they share one, else recurring when a part
recurs, else the first dated part's). A month after a day ("Trước ngày 15
tháng 6 và tháng 12") has that day. A full stop at the end is not read.

Before a date, "Trước", "Chậm nhất" or "Chậm nhất là", and "ngày", may be
written or left out; a day of each month or quarter needs "ngày" ("Ngày 15
hằng tháng"). A day beyond a month's end ("Ngày 31 hằng tháng") falls on the
month's last day. In a list, "và" may stand for the comma and the word may be
repeated ("Tháng 3 và tháng 9/2021"); any item of a list may be a range.

Impossible values are errors that quote the wording: a month outside 1-12, a
quarter outside I-IV, a day its month does not have, a year outside
1900-2199, a range that runs backwards ("Tháng 7-6/2021"). Any other wording
is ``deadline.unknown``, whose ``example`` is the model wording (from
``EXAMPLES``) closest to it, for the user to copy. Each error is a
``DeadlineError`` carrying a catalogue key and its arguments
(``cchc/messages/deadlines.py``); nothing here prints.

Every pattern is matched whole (``fullmatch``) on a folded wording, and no
pattern has quantifiers that can match the same characters in more than one
way, so matching is linear in the length of the text; wordings longer than
``MAX_LENGTH`` are refused before any pattern runs.
"""

from __future__ import annotations

import calendar
import datetime
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from cchc.text import fold

__all__ = [
    "DeadlineError", "Deadline", "parse_deadline", "month_end", "closest_example", "EXAMPLES", "MIN_YEAR",
    "MAX_YEAR", "MAX_LENGTH", "KINDS", "KIND_DATE", "KIND_MONTH", "KIND_QUARTER", "KIND_HALF_YEAR", "KIND_YEAR",
    "KIND_RECURRING", "KIND_AFTER_EVENT", "KIND_AS_PLANNED", "KIND_AS_REGULATED", "KIND_UNSPECIFIED"
]

KIND_DATE = "date"
KIND_MONTH = "month"
KIND_QUARTER = "quarter"
KIND_HALF_YEAR = "half_year"
KIND_YEAR = "year"
KIND_RECURRING = "recurring"
KIND_AFTER_EVENT = "after_event"
KIND_AS_PLANNED = "as_planned"
KIND_AS_REGULATED = "as_regulated"
KIND_UNSPECIFIED = "unspecified"
#: Every kind, in the order of the JSON contract.
KINDS: tuple[str, ...] = (
    KIND_DATE, KIND_MONTH, KIND_QUARTER, KIND_HALF_YEAR, KIND_YEAR, KIND_RECURRING, KIND_AFTER_EVENT,
    KIND_AS_PLANNED, KIND_AS_REGULATED, KIND_UNSPECIFIED,
)

MIN_YEAR, MAX_YEAR = 1900, 2199
#: Wordings longer than this are refused as unknown before any pattern runs.
MAX_LENGTH = 500
#: How much of an unknown wording is compared with the model wordings.
_COMPARED_LENGTH = 200

#: Model wordings, one per form of the grammar: an unknown wording is told the closest.
EXAMPLES: tuple[str, ...] = (
    "Tháng 6/2021",
    "Tháng 3, 9/2021",
    "Tháng 6-7/2021",
    "Tháng 6",
    "Quý II/2021",
    "Quý II, IV/2021",
    "Quý I-II/2021",
    "Quý II",
    "6 tháng đầu năm 2021",
    "6 tháng cuối năm 2021",
    "6 tháng đầu năm",
    "Năm 2021",
    "Trong năm 2021",
    "Năm 2021-2025",
    "Giai đoạn 2021-2025",
    "Trong năm",
    "Ngày 15/12/2021",
    "Trước ngày 15/12/2021",
    "Chậm nhất là ngày 15/12/2021",
    "Trước ngày 30/6",
    "Hằng năm",
    "Hằng quý",
    "Hằng tháng",
    "Trước ngày 20/11 hằng năm",
    "Trước ngày 15 hằng tháng",
    "Trước ngày 10 của tháng cuối quý",
    "Chậm nhất là ngày 20 của tháng cuối kỳ báo cáo",
    "Thường xuyên",
    "Định kỳ",
    "Sau khi có văn bản hướng dẫn",
    "Khi có văn bản hướng dẫn",
    "Theo kế hoạch",
    "Theo quy định",
)


class DeadlineError(ValueError):
    """A wording the grammar does not know, or one naming an impossible date.

    ``key`` is the message's catalogue key and ``params`` its arguments (the
    wording is always ``params["text"]``); ``str()`` is the English message.
    """

    def __init__(self, key: str, params: dict):
        super().__init__(key, params)
        self.key = key
        self.params = params

    def __str__(self) -> str:
        from cchc.messages import render

        return render(self.key, self.params, "en")


@dataclass(frozen=True, slots=True)
class Deadline:
    """A parsed deadline: the wording as written, its kind and its due dates (sorted, unique)."""

    text: str
    kind: str
    due: tuple[datetime.date, ...]


def month_end(year: int, month: int) -> datetime.date:
    """The last day of a month: the day a period ending in that month is due."""
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


# -- the patterns ---------------------------------------------------------------
# They run on the folded wording with no spaces around "/", ",", "-", so
# "Tháng 3 , 9 / 2021" is seen as "thang 3,9/2021". Lists are items joined by a
# separator that holds no digit or numeral, so each item ends in one place only.

_YEAR = r"(?P<year>[0-9]{4})"
_YEAR_TAIL = rf"(?:(?:/| nam ){_YEAR})?"
_LEAD = r"(?:(?:truoc|cham nhat(?: la)?) )?"
_DAY_MONTH = r"(?P<day>[0-9]{1,2})(?:/| thang )(?P<month>[0-9]{1,2})"
_MONTH_ITEM = r"[0-9]{1,2}(?:-(?:thang )?[0-9]{1,2})?"
_QUARTER_NUMBER = r"(?:[ivxlcdm]+|[0-9]{1,2})"
_QUARTER_ITEM = rf"{_QUARTER_NUMBER}(?:-(?:quy )?{_QUARTER_NUMBER})?"
_MONTH_LIST = rf"{_MONTH_ITEM}(?:(?:,(?:va )?| va )(?:thang )?{_MONTH_ITEM})*"
_QUARTER_LIST = rf"{_QUARTER_ITEM}(?:(?:,(?:va )?| va )(?:quy )?{_QUARTER_ITEM})*"
#: Splits a matched list into its items ("3,va thang 9" -> "3", "9").
_LIST_SEP = re.compile(r",(?:va )?(?:thang |quy )?| va (?:thang |quy )?")

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_QUARTER_ENDS = (3, 6, 9, 12)
_ALL_MONTHS = tuple(range(1, 13))

# Wordings without a date, by their folded form.
_FIXED = {
    "thuong xuyen": KIND_RECURRING,
    "dinh ky": KIND_RECURRING,
    "lien tuc": KIND_RECURRING,
    "hang tuan": KIND_RECURRING,  # weekly: ongoing at a plan's scale
    "dang trien khai": KIND_RECURRING,
    "theo ke hoach": KIND_AS_PLANNED,
    "theo tien do": KIND_AS_PLANNED,
    "theo lo trinh": KIND_AS_PLANNED,
    "theo quy dinh": KIND_AS_REGULATED,
    "theo yeu cau": KIND_AFTER_EVENT,
    "theo chi dao": KIND_AFTER_EVENT,
}
# "Sau khi …", "Khi có …": whatever follows names the event.
_AFTER_EVENT = re.compile(r"(?:sau khi|khi co)\b")

_SPACED_PUNCT = re.compile(r" ?([/,-]) ?")
_QUI = re.compile(r"\bqui\b")
#: Hyphens, en and em dashes and the minus sign all write a range.
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))


def _error(key: str, text: str, **params: object) -> DeadlineError:
    return DeadlineError(key, {"text": text, **params})


def _year(digits: str | None, plan_year: int | None, text: str) -> int:
    """The year written (*digits*) or else the plan's; within MIN_YEAR..MAX_YEAR."""
    if digits is None:
        if plan_year is None:
            raise _error("deadline.no-year", text)
        year = plan_year
    else:
        year = int(digits)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _error("deadline.bad-year", text, year=year, low=MIN_YEAR, high=MAX_YEAR)
    return year


def _month(token: str, text: str) -> int:
    month = int(token)
    if not 1 <= month <= 12:
        raise _error("deadline.bad-month", text, month=month)
    return month


def _quarter(token: str, text: str) -> int:
    quarter = int(token) if token[0] in "0123456789" else _ROMAN.get(token, 0)
    if not 1 <= quarter <= 4:
        raise _error("deadline.bad-quarter", text, quarter=token.upper())
    return quarter


def _day(token: str, text: str) -> int:
    """A day of the month, 1-31 (whether the month has it is checked with the month)."""
    day = int(token)
    if not 1 <= day <= 31:
        raise _error("deadline.bad-day", text, day=day)
    return day


def _date(year: int, month: int, day: int, text: str) -> datetime.date:
    if day > calendar.monthrange(year, month)[1]:
        raise _error("deadline.bad-date", text, day=day, month=month, year=year)
    return datetime.date(year, month, day)


def _ends(items: str, convert: Callable[[str, str], int], text: str) -> list[int]:
    """The last period of each item of a list ("3,6-7" -> [3, 7]); a backward range is an error."""
    ends = []
    for item in _LIST_SEP.split(items):
        first, _, last = item.partition("-")
        last = last.removeprefix("thang ").removeprefix("quy ")
        start, end = convert(first, text), convert(last or first, text)
        if end < start:
            raise _error("deadline.reversed-range", text, first=first.upper(), last=last.upper())
        ends.append(end)
    return ends


# -- what each pattern means: (match, wording, plan year) -> (kind, due dates) ---

_Due = tuple[str, list[datetime.date]]


def _every(m: re.Match, text: str, plan_year: int | None) -> _Due:
    year = _year(None, plan_year, text)
    months = {"nam": (12,), "quy": _QUARTER_ENDS, "thang": _ALL_MONTHS}[m["every"]]
    return KIND_RECURRING, [month_end(year, month) for month in months]


def _yearly_day(m: re.Match, text: str, plan_year: int | None) -> _Due:
    day, month = _day(m["day"], text), _month(m["month"], text)
    return KIND_RECURRING, [_date(_year(None, plan_year, text), month, day, text)]


def _day_in_months(m: re.Match, text: str, plan_year: int | None, months: tuple[int, ...]) -> _Due:
    day = _day(m["day"], text)
    year = _year(None, plan_year, text)
    # "Ngày 31 hằng tháng" means the month's last day in a shorter month.
    return KIND_RECURRING, [datetime.date(year, month, min(day, month_end(year, month).day)) for month in months]


def _monthly_day(m: re.Match, text: str, plan_year: int | None) -> _Due:
    return _day_in_months(m, text, plan_year, _ALL_MONTHS)


def _quarterly_day(m: re.Match, text: str, plan_year: int | None) -> _Due:
    return _day_in_months(m, text, plan_year, _QUARTER_ENDS)


def _day_month_year(m: re.Match, text: str, plan_year: int | None) -> _Due:
    day, month = _day(m["day"], text), _month(m["month"], text)
    return KIND_DATE, [_date(_year(m["year"], plan_year, text), month, day, text)]


def _months(m: re.Match, text: str, plan_year: int | None) -> _Due:
    ends = _ends(m["list"], _month, text)
    year = _year(m["year"], plan_year, text)
    return KIND_MONTH, [month_end(year, month) for month in ends]


def _quarters(m: re.Match, text: str, plan_year: int | None) -> _Due:
    ends = _ends(m["list"], _quarter, text)
    year = _year(m["year"], plan_year, text)
    return KIND_QUARTER, [month_end(year, 3 * quarter) for quarter in ends]


def _half_year(m: re.Match, text: str, plan_year: int | None) -> _Due:
    year = _year(m["year"], plan_year, text)
    return KIND_HALF_YEAR, [month_end(year, 6 if m["half"] == "dau" else 12)]


def _years(m: re.Match, text: str, plan_year: int | None) -> _Due:
    first = _year(m["year"], plan_year, text)
    last = _year(m["last"], plan_year, text) if m["last"] else first
    if last < first:
        raise _error("deadline.reversed-range", text, first=str(first), last=str(last))
    return KIND_YEAR, [month_end(last, 12)]


def _month_every_year(m: re.Match, text: str, plan_year: int | None) -> _Due:
    return KIND_RECURRING, [month_end(_year(None, plan_year, text), _month(m["month"], text))]


def _half_yearly(m: re.Match, text: str, plan_year: int | None) -> _Due:
    year = _year(None, plan_year, text)
    return KIND_RECURRING, [month_end(year, 6), month_end(year, 12)]


def _month_span(m: re.Match, text: str, plan_year: int | None) -> _Due:
    first, last = _month(m["first"], text), _month(m["last"], text)
    if last < first:
        raise _error("deadline.reversed-range", text, first=m["first"], last=m["last"])
    return KIND_MONTH, [month_end(_year(m["year"], plan_year, text), last)]


def _quarter_span(m: re.Match, text: str, plan_year: int | None) -> _Due:
    first, last = _quarter(m["first"], text), _quarter(m["last"], text)
    if last < first:
        raise _error("deadline.reversed-range", text, first=m["first"].upper(), last=m["last"].upper())
    return KIND_QUARTER, [month_end(_year(m["year"], plan_year, text), 3 * last)]


def _plan_year(m: re.Match, text: str, plan_year: int | None) -> _Due:
    return KIND_YEAR, [month_end(_year(None, plan_year, text), 12)]


_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match, str, int | None], _Due]], ...] = tuple(
    (re.compile(pattern), meaning)
    for pattern, meaning in (
        (r"(?:dinh ky )?hang (?P<every>nam|quy|thang)", _every),
        (r"thang (?P<month>[0-9]{1,2}) hang nam", _month_every_year),
        (r"dinh ky (?:6|sau) thang(?:,(?:ca )?nam)?", _half_yearly),
        (rf"(?:tu )?thang (?P<first>[0-9]{{1,2}}) den (?:het )?thang (?P<last>[0-9]{{1,2}}){_YEAR_TAIL}", _month_span),
        (rf"(?:tu )?quy (?P<first>{_QUARTER_NUMBER}) den (?:het )?quy (?P<last>{_QUARTER_NUMBER}){_YEAR_TAIL}", _quarter_span),
        (rf"{_LEAD}(?:ngay )?{_DAY_MONTH} hang nam", _yearly_day),
        (rf"{_LEAD}ngay (?P<day>[0-9]{{1,2}}) (?:cua (?:moi )?thang|hang thang)", _monthly_day),
        (
            rf"{_LEAD}ngay (?P<day>[0-9]{{1,2}}) (?:cua )?thang cuoi"
            r" (?:(?:cung )?(?:cua )?(?:moi |hang )?quy|ky bao cao)",
            _quarterly_day,
        ),
        (rf"{_LEAD}(?:ngay )?{_DAY_MONTH}{_YEAR_TAIL}", _day_month_year),
        (rf"{_LEAD}(?:ngay )?{_YEAR}-(?P<month>[0-9]{{1,2}})-(?P<day>[0-9]{{1,2}})", _day_month_year),
        (rf"(?:(?:trong|cuoi|het) )?thang (?P<list>{_MONTH_LIST}){_YEAR_TAIL}", _months),  # "Cuối tháng 6": its last day
        (rf"(?:(?:trong|cuoi|het) )?quy (?P<list>{_QUARTER_LIST}){_YEAR_TAIL}", _quarters),
        (rf"(?:trong )?(?:6|sau) thang (?P<half>dau|cuoi) nam(?: {_YEAR})?", _half_year),
        (rf"(?:(?:trong|ca|cuoi|het) )?nam {_YEAR}(?:-(?P<last>[0-9]{{4}}))?(?: va cac nam tiep theo)?", _years),
        (rf"{_YEAR}(?:-(?P<last>[0-9]{{4}}))?", _years),
        (r"(?:trong|ca) nam", _plan_year),
        (rf"(?:trong )?giai doan {_YEAR}-(?P<last>[0-9]{{4}})", _years),
    )
)


def _key(text: str) -> str:
    """The folded wording the patterns read: no case, marks, extra spaces or full stop at the end; "quí" is "quý"."""
    key = _QUI.sub("quy", _SPACED_PUNCT.sub(r"\1", fold(text).translate(_DASHES)))
    return key.replace("(hang nam)", "hang nam").rstrip(" .")  # "Quý IV/2026.": a cell's full stop is no part of it


@lru_cache(maxsize=4096)
def parse_deadline(text: str, year: int | None = None) -> Deadline:
    """Read a "Thời gian hoàn thành" wording, in the plan's *year* when it names none.

    Returns its Deadline; raises DeadlineError when the wording is unknown,
    impossible, or needs a year and *year* is None.
    """
    if not text.strip():
        return Deadline(text, KIND_UNSPECIFIED, ())
    if len(text) > MAX_LENGTH:
        raise _error("deadline.unknown", text, example=closest_example(text[:_COMPARED_LENGTH], year))
    key = _key(text)
    found = _match(key, text, year)
    if found is None:
        found = _combined(key, text, year)
    if found is None and "\n" in text.strip():  # a wording on each line of the cell
        found = _combined(_key(text.replace("\n", ";")), text, year)
    if found is None:
        raise _error("deadline.unknown", text, example=closest_example(text, year))
    kind, due = found
    return Deadline(text, kind, tuple(sorted(set(due))))


def _match(key: str, text: str, year: int | None) -> _Due | None:
    """The kind and due dates of a folded wording one rule reads whole; None when none does."""
    if key in _FIXED:
        return _FIXED[key], []
    if _AFTER_EVENT.match(key):
        return KIND_AFTER_EVENT, []
    for pattern, meaning in _RULES:
        if m := pattern.fullmatch(key):
            return meaning(m, text, year)
    return None


#: Where a wording that no rule reads whole may hold several ("Tháng 6/2025 và tháng 12/2025").
_PARTS = re.compile(r";|,(?:va )?| va | hoac ")
MAX_PARTS = 12
_DAY_LEAD = re.compile(rf"({_LEAD}ngay [0-9]{{1,2}})(?: thang |/)[0-9]")
_BARE_MONTH = re.compile(rf"(?:thang )?[0-9]{{1,2}}{_YEAR_TAIL}(?: hang nam)?")


def _combined(key: str, text: str, year: int | None) -> _Due | None:
    """Several wordings joined by ",", ";", "và" or "hoặc" (see the module's docstring); None when a part is unknown."""
    parts = [part.strip() for part in _PARTS.split(key)]
    if len(parts) < 2 or len(parts) > MAX_PARTS or not all(parts):
        return None
    found, lead = [], ""
    for part in parts:
        if lead and _BARE_MONTH.fullmatch(part):  # "Trước ngày 15 tháng 6 và tháng 12": the 15th of December too
            part = f"{lead} thang {part.removeprefix('thang ')}"
        lead = m.group(1) if (m := _DAY_LEAD.match(part)) else lead
        match = _match(part, text, year)
        if match is None:
            return None
        found.append(match)
    kinds = [kind for kind, _ in found]
    if len(set(kinds)) == 1:
        kind = kinds[0]
    elif KIND_RECURRING in kinds:
        kind = KIND_RECURRING
    else:
        kind = next((kind for kind, due in found if due), kinds[0])
    return kind, [day for _, due in found for day in due]


_NUMBER = re.compile(r"[0-9]+|\b(?:i|ii|iii|iv|v|vi)\b")
_TOKEN = re.compile(r"[a-z0]+|[^ a-z0]")


def _shape(text: str) -> tuple[str, tuple[str, ...]]:
    """The folded text, and its words with every number as "0" (a number says little of the form meant)."""
    key = _key(text[:_COMPARED_LENGTH])
    return key, tuple(_TOKEN.findall(_NUMBER.sub("0", key)))


@lru_cache(maxsize=1)
def _example_shapes() -> tuple[tuple[str, tuple[str, ...], str], ...]:
    return tuple((*_shape(example), example) for example in EXAMPLES)


def closest_example(text: str, year: int | None = None) -> str:
    """``closest_form`` of *text*, with the numbers *text* wrote in place of the example's where they read."""
    return _with_their_numbers(closest_form(text, year), text, year)


def closest_form(text: str, year: int | None = None) -> str:
    """The model wording in EXAMPLES most like *text* (its first 200 characters), in the plan's *year*.

    Most like: the most words in common, in order, any number matching any number; then the most characters
    in common. Words are compared once for all the wordings that have them ("Quý 16/2026", "Quý 17/2026"),
    characters only with the examples the words leave tied."""
    shape, words = _shape(text)
    tied = _closest_by_words(words)
    best = tied[0][1]
    if len(tied) > 1:
        by_chars = difflib.SequenceMatcher(autojunk=False)
        by_chars.set_seq2(shape)
        best_ratio = -1.0
        for example_shape, example in tied:
            by_chars.set_seq1(example_shape)
            if by_chars.quick_ratio() <= best_ratio:  # a bound of the ratio: this one cannot be closer
                continue
            ratio = by_chars.ratio()
            if ratio > best_ratio:
                best, best_ratio = example, ratio
    return best if year is None else best.replace("2025", str(year + 4)).replace("2021", str(year))


_ROMAN_WORD = re.compile(r"\b(?:IV|I{1,3})\b")
_DIGITS = re.compile(r"[0-9]+")


def _with_their_numbers(example: str, text: str, year: int | None) -> str:
    """*example* with the numbers the wording wrote in place of its own, kind for kind (years, other numbers,
    quarters in Roman numerals) where the two have as many of a kind, when the result reads: "Đầu quý III/2026" is
    told "Quý III/2026", not the example's "Quý II/2026"; else *example* as it is."""
    folded = fold(text).upper()
    theirs = {
        "year": [n for n in _DIGITS.findall(text) if len(n) == 4],
        "number": [n for n in _DIGITS.findall(text) if len(n) < 4],
        "roman": _ROMAN_WORD.findall(folded),
    }
    pieces = re.split(r"(\b(?:IV|I{1,3})\b|[0-9]+)", example)
    slots = {"year": [], "number": [], "roman": []}
    for at, piece in enumerate(pieces):
        kind = "roman" if _ROMAN_WORD.fullmatch(piece) else "year" if piece.isdigit() and len(piece) == 4 else "number" if piece.isdigit() else None
        if kind:
            slots[kind].append(at)
    changed = False
    for kind, places in slots.items():
        if places and len(theirs[kind]) == len(places):
            for at, value in zip(places, theirs[kind]):
                changed = changed or pieces[at] != value
                pieces[at] = value
    if not changed:
        return example
    candidate = "".join(pieces)
    try:
        return candidate if _match(_key(candidate), candidate, year) is not None else example
    except DeadlineError:  # their numbers make an impossible date ("Tháng 13"): the example as it is
        return example


@lru_cache(maxsize=4096)
def _closest_by_words(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(shape, example) of the examples with the most words in common with *words*, in order, in EXAMPLES' order."""
    by_words = difflib.SequenceMatcher(autojunk=False)
    by_words.set_seq2(words)
    best_ratio, tied = -1.0, []
    for example_shape, example_words, example in _example_shapes():
        by_words.set_seq1(example_words)
        if by_words.quick_ratio() < best_ratio:  # a bound of the ratio: this one cannot be as close
            continue
        ratio = by_words.ratio()
        if ratio > best_ratio:
            best_ratio, tied = ratio, [(example_shape, example)]
        elif ratio == best_ratio:
            tied.append((example_shape, example))
    return tuple(tied)
