"""Values people type on the command line: months, dates, periods, output formats.

Digits are ASCII only ("²" or "٣" are not digits here), years run 1900–2199
as in the deadline grammar, and every bad value is a usage error (exit 2)
that names the option and says what to write.
"""

from __future__ import annotations

import datetime
import re
from enum import Enum

from cchc.cli.common import msg, usage
from cchc.deadlines import MAX_YEAR, MIN_YEAR

_MONTH_FORMS = (
    re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})\Z"),
    re.compile(r"(?P<month>[0-9]{1,2})/(?P<year>[0-9]{4})\Z"),
)
_DAY_FORMS = (
    re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})\Z"),
    re.compile(r"(?P<day>[0-9]{1,2})/(?P<month>[0-9]{1,2})/(?P<year>[0-9]{4})\Z"),
)


class ValidateFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


class ItemFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class BudgetFormat(str, Enum):
    table = "table"
    json = "json"


class Role(str, Enum):
    lead = "lead"
    partner = "partner"
    any = "any"


def _year(value: str, year: int, option: str) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise usage(msg("cli.bad-year", value=value, year=year, low=MIN_YEAR, high=MAX_YEAR), option)
    return year


def parse_month(value: str, option: str) -> tuple[int, int]:
    """"2021-06" or "06/2021" -> (2021, 6); anything else is a usage error naming the option."""
    for form in _MONTH_FORMS:
        m = form.match(value.strip())
        if m:
            year, month = _year(value, int(m["year"]), option), int(m["month"])
            if not 1 <= month <= 12:
                raise usage(msg("cli.bad-month-number", value=value, month=month), option)
            return year, month
    raise usage(msg("cli.bad-month", value=value), option)


def parse_day(value: str, option: str) -> datetime.date:
    """An ISO date (2021-06-15) or dd/mm/yyyy (15/06/2021)."""
    for form in _DAY_FORMS:
        m = form.match(value.strip())
        if m:
            year = _year(value, int(m["year"]), option)
            try:
                return datetime.date(year, int(m["month"]), int(m["day"]))
            except ValueError:
                break
    raise usage(msg("cli.bad-date", value=value), option)
