"""What the deadline grammar (``cchc.deadlines``) gives: a deadline's kinds, the parsed ``Deadline``, its
``DeadlineError``, and the days it counts in (a month's end, Vietnam's today)."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

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
#: A quarter's numeral as written (folded), Roman or Arabic -> the quarter; and each quarter's Roman numeral.
QUARTER_NUMBERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
QUARTER_ROMANS = ("I", "II", "III", "IV")
#: Every kind, in the order of the JSON contract.
KINDS: tuple[str, ...] = (
    KIND_DATE, KIND_MONTH, KIND_QUARTER, KIND_HALF_YEAR, KIND_YEAR, KIND_RECURRING, KIND_AFTER_EVENT,
    KIND_AS_PLANNED, KIND_AS_REGULATED, KIND_UNSPECIFIED,
)

MIN_YEAR, MAX_YEAR = 1900, 2199


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


#: Vietnam's time: UTC+7 all year (no daylight saving).
VIETNAM = datetime.timezone(datetime.timedelta(hours=7))


def today(now: datetime.datetime | None = None) -> datetime.date:
    """Today (at *now*, an aware time; by default now): the later of this machine's date and Vietnam's. A plan's
    days are Vietnam's: an entry logged in Vietnam at six in the morning is not from the future for a server (a CI
    runner) that keeps UTC, where it is still yesterday; and a machine whose day has begun before Vietnam's keeps
    its own."""
    return max(_days(now))


def entry_day(now: datetime.datetime | None = None) -> datetime.date:
    """The day a progress entry is dated by default (at *now*; by default now): the earlier of this machine's date and
    Vietnam's, so that no machine (``today`` takes the later) judges it to be from the future."""
    return min(_days(now))


def _days(now: datetime.datetime | None) -> tuple[datetime.date, datetime.date]:
    """This machine's date and Vietnam's at *now* (an aware time; by default now)."""
    now = datetime.datetime.now(datetime.timezone.utc) if now is None else now
    return now.astimezone().date(), now.astimezone(VIETNAM).date()


def month_end(year: int, month: int) -> datetime.date:
    """The last day of a month: the day a period ending in that month is due."""
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


#: Wordings without a date, by their folded form (``cchc.deadlines`` reads them whole).
NO_DATE = {
    "thuong xuyen": KIND_RECURRING,
    "dinh ky": KIND_RECURRING,
    "lien tuc": KIND_RECURRING,
    "hang tuan": KIND_RECURRING,  # weekly: ongoing at a plan's scale
    "theo dinh ky": KIND_RECURRING,
    "thuong xuyen hang nam": KIND_RECURRING,
    "dot xuat": KIND_AFTER_EVENT,  # when something calls for it: no date, as "Theo yêu cầu"
    "dang trien khai": KIND_RECURRING,
    "thuong xuyen trong nam": KIND_RECURRING,
    "thuong xuyen lien tuc": KIND_RECURRING,
    "theo ke hoach": KIND_AS_PLANNED,
    "theo tien do": KIND_AS_PLANNED,
    "theo lo trinh": KIND_AS_PLANNED,
    "theo quy dinh": KIND_AS_REGULATED,
    "theo yeu cau": KIND_AFTER_EVENT,
    "theo chi dao": KIND_AFTER_EVENT,
}
#: Ongoing in a year ("Thường xuyên trong năm 2027", folded): as "thường xuyên", the year checked as any year written.
ONGOING_IN_YEAR = re.compile(r"(?:thuong xuyen|lien tuc|thuong xuyen lien tuc) (?:trong )?nam ([0-9]{4})")


def joined(found: list[tuple[str, list]]) -> tuple[str, list]:
    """The kind and dates of several wordings read one by one (``cchc.deadlines``): their one kind, else recurring if one
    recurs, else the first dated one's."""
    kinds = [kind for kind, _ in found]
    if len(set(kinds)) == 1:
        kind = kinds[0]
    elif KIND_RECURRING in kinds:
        kind = KIND_RECURRING
    else:
        kind = next((kind for kind, due in found if due), kinds[0])
    return kind, [day for _, due in found for day in due]
