"""The Vietnamese deadline grammar: "Thời gian hoàn thành" wordings turned into due dates.

``parse_deadline("Quý II, IV/2021")`` gives kind "quarter" due (2021-06-30, 2021-12-31).
A period is due on its last day, inclusive. Matching ignores case, diacritics,
Unicode form and extra spaces; anything the grammar does not know is a DeadlineError.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from cchc.text import fold

__all__ = [
    "DeadlineError",
    "Deadline",
    "parse_deadline",
    "KINDS",
    "KIND_DATE",
    "KIND_MONTH",
    "KIND_QUARTER",
    "KIND_HALF_YEAR",
    "KIND_YEAR",
    "KIND_RECURRING",
    "KIND_AFTER_EVENT",
    "KIND_AS_PLANNED",
    "KIND_AS_REGULATED",
    "KIND_UNSPECIFIED",
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
KINDS: tuple[str, ...] = (
    KIND_DATE,
    KIND_MONTH,
    KIND_QUARTER,
    KIND_HALF_YEAR,
    KIND_YEAR,
    KIND_RECURRING,
    KIND_AFTER_EVENT,
    KIND_AS_PLANNED,
    KIND_AS_REGULATED,
    KIND_UNSPECIFIED,
)

MIN_YEAR, MAX_YEAR = 1900, 2199

# Wordings without a date, keyed by their folded form.
_FIXED = {
    "thuong xuyen": KIND_RECURRING,
    "hang nam": KIND_RECURRING,  # both "Hàng năm" and "Hằng năm"
    "hang quy": KIND_RECURRING,
    "hang thang": KIND_RECURRING,
    "dinh ky": KIND_RECURRING,
    "lien tuc": KIND_RECURRING,
    "theo ke hoach": KIND_AS_PLANNED,
    "theo quy dinh": KIND_AS_REGULATED,
}

# Patterns run on the folded text with no spaces around "/" and ",", so
# "Tháng 3 , 9 / 2021" is seen as "thang 3,9/2021". [0-9] rather than \d keeps
# other scripts' digits out.
_SEP = r"(?:,(?:va )?| va )"
_YEAR = r"(?:/| nam )([0-9]{4})"
_MONTH_RE = re.compile(rf"thang ([0-9]{{1,2}}(?:{_SEP}[0-9]{{1,2}})*){_YEAR}")
_QUARTER_ITEM = r"(?:[ivxlcdm]+|[0-9]{1,2})"
_QUARTER_RE = re.compile(rf"quy ({_QUARTER_ITEM}(?:{_SEP}{_QUARTER_ITEM})*){_YEAR}")
_HALF_RE = re.compile(r"(?:6|sau) thang (dau|cuoi) nam ([0-9]{4})")
_YEAR_RE = re.compile(r"(?:(?:trong|ca) )?nam ([0-9]{4})")
_DATE_RE = re.compile(
    r"(?:truoc )?(?:ngay )?([0-9]{1,2})(?:/| thang )([0-9]{1,2})(?:/| nam )([0-9]{4})"
)
_AFTER_RE = re.compile(r"sau khi\b")
_SPACED_PUNCT = re.compile(r" ?([/,]) ?")
_SPLIT_SEP = re.compile(_SEP)

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_HINT = (
    "expected e.g. 'Tháng 6/2021', 'Quý II/2021', '6 tháng đầu năm 2021', "
    "'Năm 2021', 'Trước ngày 15/12/2021', 'Thường xuyên', 'Sau khi ...', 'Theo kế hoạch'"
)


class DeadlineError(ValueError):
    """The wording is not a deadline the grammar knows, or names an impossible date."""


@dataclass(frozen=True, slots=True)
class Deadline:
    """A parsed deadline: the original wording, its kind and its sorted due dates."""

    text: str
    kind: str
    due: tuple[datetime.date, ...]


def _quote(text: str) -> str:
    # repr keeps the message on one line even if the wording holds a newline.
    return repr(text)


def _year(digits: str, text: str) -> int:
    year = int(digits)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DeadlineError(f"impossible year {year} in {_quote(text)}")
    return year


def month_end(year: int, month: int) -> datetime.date:
    """The last day of a month: the day a period ending in that month is due."""
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _month(digits: str, text: str) -> int:
    month = int(digits)
    if not 1 <= month <= 12:
        raise DeadlineError(f"impossible month {month} in {_quote(text)}")
    return month


def _quarter(token: str, text: str) -> int:
    quarter = int(token) if token.isdigit() else _ROMAN.get(token, 0)
    if not 1 <= quarter <= 4:
        raise DeadlineError(f"impossible quarter {token.upper()} in {_quote(text)}")
    return quarter


def _deadline(text: str, kind: str, dates: list[datetime.date] | None = None) -> Deadline:
    return Deadline(text, kind, tuple(sorted(set(dates or ()))))


@lru_cache(maxsize=4096)
def parse_deadline(text: str) -> Deadline:
    """Parse a "Thời gian hoàn thành" wording; raise DeadlineError if unknown or impossible."""
    key = _SPACED_PUNCT.sub(r"\1", fold(text))
    if not key:
        return _deadline(text, KIND_UNSPECIFIED)
    if key in _FIXED:
        return _deadline(text, _FIXED[key])
    if _AFTER_RE.match(key):
        return _deadline(text, KIND_AFTER_EVENT)

    if m := _MONTH_RE.fullmatch(key):
        year = _year(m[2], text)
        months = [_month(tok, text) for tok in _SPLIT_SEP.split(m[1])]
        return _deadline(text, KIND_MONTH, [month_end(year, mo) for mo in months])
    if m := _QUARTER_RE.fullmatch(key):
        year = _year(m[2], text)
        quarters = [_quarter(tok, text) for tok in _SPLIT_SEP.split(m[1])]
        return _deadline(text, KIND_QUARTER, [month_end(year, 3 * q) for q in quarters])
    if m := _HALF_RE.fullmatch(key):
        return _deadline(
            text, KIND_HALF_YEAR, [month_end(_year(m[2], text), 6 if m[1] == "dau" else 12)]
        )
    if m := _YEAR_RE.fullmatch(key):
        return _deadline(text, KIND_YEAR, [month_end(_year(m[1], text), 12)])
    if m := _DATE_RE.fullmatch(key):
        year, month, day = _year(m[3], text), _month(m[2], text), int(m[1])
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise DeadlineError(
                f"impossible day {day} of {month:02d}/{year} in {_quote(text)}"
            )
        return _deadline(text, KIND_DATE, [datetime.date(year, month, day)])

    raise DeadlineError(f"unknown deadline wording {_quote(text)} ({_HINT})")
