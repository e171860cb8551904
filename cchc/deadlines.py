"""The Vietnamese deadline grammar: "Thời gian hoàn thành" wordings turned into due dates.

``parse_deadline("Quý II, IV/2021")`` gives kind "quarter" due (2021-06-30, 2021-12-31). A period is due on its
last day, inclusive; a range of periods ("Tháng 6-7/2021") on the last day of its end only. ``year`` is the plan's
year: a wording that names no year takes it, and a recurring wording is due on its dates within it.

Matching ignores case, diacritics (đ too), Unicode form, extra spaces and the spaces around "/", ",", "-" (an en
or em dash counts as "-"). "Hàng" and "Hằng" are one word, and so are "Quí" and "Quý". Only the ASCII digits 0-9
are digits. The wordings, their kinds and due dates are tabled in docs/format.md ("Deadlines"), which a test keeps
true to this grammar, lists, ranges, a verb before a wording and a period's days after it included.

Impossible values (month 13, quarter V, 31/2, a year outside 1900-2199, a range that runs backwards) are errors
that quote the wording; any other wording is ``deadline.unknown``, whose ``example`` is the model wording (from
``EXAMPLES``) closest to it. A wording that needs the plan's year when there is none is ``deadline.no-year``.
Each error is a ``DeadlineError`` carrying a catalogue key and its arguments; nothing here prints.

Every pattern is matched whole (``fullmatch``) on a folded wording, and no pattern has quantifiers that can match the
same characters in more than one way: matching is linear in the text's length; longer than ``MAX_LENGTH`` is refused.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable
from functools import lru_cache
from itertools import chain

from cchc.deadline_forms import COMPARED_LENGTH, EXAMPLES, closest_taking_numbers, folded_wording, year_after, years_back
from cchc.deadline_kinds import (
    KIND_AFTER_EVENT, KIND_AS_PLANNED, KIND_AS_REGULATED, KIND_DATE, KIND_HALF_YEAR, KIND_MONTH, KIND_QUARTER,
    KIND_RECURRING, KIND_UNSPECIFIED, KIND_YEAR, KINDS, MAX_YEAR, MIN_YEAR, NO_DATE as _FIXED, ONGOING_IN_YEAR, QUARTER_NUMBERS,
    Deadline, DeadlineError, joined, month_end, today,
)

__all__ = [
    "DeadlineError", "Deadline", "parse_deadline", "month_end", "closest_example", "EXAMPLES", "MIN_YEAR",
    "MAX_YEAR", "MAX_LENGTH", "KINDS", "KIND_DATE", "KIND_MONTH", "KIND_QUARTER", "KIND_HALF_YEAR", "KIND_YEAR",
    "KIND_RECURRING", "KIND_AFTER_EVENT", "KIND_AS_PLANNED", "KIND_AS_REGULATED", "KIND_UNSPECIFIED", "today",
]

#: Wordings longer than this are refused as unknown before any pattern runs.
MAX_LENGTH = 500

# -- the patterns ---------------------------------------------------------------
# They run on the folded wording with no spaces around "/", ",", "-", so
# "Tháng 3 , 9 / 2021" is seen as "thang 3,9/2021". Lists are items joined by a
# separator that holds no digit or numeral, so each item ends in one place only.

_YEAR = r"(?P<year>[0-9]{4})"
#: "Hết tháng 6", "Đến hết tháng 6", "Đến tháng 6": by the end of that period.
_BY_THE_END = r"(?:den )?het|den"
_YEAR_TAIL = rf"(?:(?:/| nam ){_YEAR})?"
#: "… và các (những) năm tiếp theo": due within the first year named, as the year alone is.
_ONWARDS = r"(?: va (?:cac|nhung) nam (?:tiep theo|sau))?"
_LEAD = r"(?:(?:truoc|cham nhat(?: la)?|den(?: het)?) )?"
_DAY_MONTH = r"(?P<day>[0-9]{1,2})(?:/| thang )(?P<month>[0-9]{1,2})"
_MONTH_ITEM = r"[0-9]{1,2}(?:-(?:thang )?[0-9]{1,2})?"
_QUARTER_NUMBER = r"(?:[ivxlcdm]+|[0-9]{1,2})"
_QUARTER_ITEM = rf"{_QUARTER_NUMBER}(?:-(?:quy )?{_QUARTER_NUMBER})?"
_MONTH_LIST = rf"{_MONTH_ITEM}(?:(?:,(?:va )?| va )(?:thang )?{_MONTH_ITEM})*"
_QUARTER_LIST = rf"{_QUARTER_ITEM}(?:(?:,(?:va )?| va )(?:quy )?{_QUARTER_ITEM})*"
#: Splits a matched list into its items ("3,va thang 9" -> "3", "9").
_LIST_SEP = re.compile(r",(?:va )?(?:thang |quy )?| va (?:thang |quy )?")

_DATED = (KIND_DATE, KIND_MONTH, KIND_QUARTER, KIND_HALF_YEAR, KIND_YEAR)
_QUARTER_ENDS = (3, 6, 9, 12)
_ALL_MONTHS = tuple(range(1, 13))

# "Sau khi …", "Khi có …": whatever follows names the event.
_AFTER_EVENT = re.compile(r"(?:sau khi|khi co)\b")
# "Theo kế hoạch của Bộ Nội vụ", "Theo quy định của pháp luật": whose plan or rule it is does not change the kind.
# Only "của …" may follow, naming no time: a number ("Theo kế hoạch 2021"), a period's word ("… quý IV", "… đến
# cuối năm") or another wording ("… và Quý IV", on the next line) may be a date, read as its own part or refused.
_BY = re.compile(r"theo (?:van ban )?(?P<by>ke hoach|tien do|lo trinh|quy dinh|yeu cau|chi dao|huong dan|de xuat|de nghi)(?: cua (?P<whose>[^,;0-9\n()]+))?")
_TIME_WORDS = re.compile(r"\b(?:quy|thang|nam|ngay|tuan|ky|dot|cuoi|het|den|truoc|sau|trong|hoac|giai doan|i{1,3}|iv)\b")
_BY_KIND = {"huong dan": KIND_AFTER_EVENT, "de xuat": KIND_AFTER_EVENT, "de nghi": KIND_AFTER_EVENT, **{key.removeprefix("theo "): kind for key, kind in _FIXED.items() if key.startswith("theo ")}}
# "Thực hiện thường xuyên", "Hoàn thành trước ngày 30/6", "Báo cáo hằng quý": the verb before a wording says
# nothing of when.
_DOING = re.compile(r"(?:thuc hien|hoan thanh|trien khai|bao cao)(?: xong)? ")

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
    quarter = int(token) if token[0] in "0123456789" else QUARTER_NUMBERS.get(token, 0)
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


def _quarter_every_year(m: re.Match, text: str, plan_year: int | None) -> _Due:
    return KIND_RECURRING, [month_end(_year(None, plan_year, text), 3 * _quarter(m["quarter"], text))]


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


def _dated_span(m: re.Match, text: str, plan_year: int | None, convert, months: int, kind: str) -> _Due:
    """A range with a year at each end ("Tháng 4/2025 - tháng 5/2025", "Quý IV/2024 - Quý I/2025"): due at its end."""
    first = (_year(m["from"], plan_year, text), convert(m["first"], text))
    last = (_year(m["year"], plan_year, text), convert(m["last"], text))
    if last < first:
        raise _error("deadline.reversed-range", text, first=f"{m['first']}/{m['from']}".upper(), last=f"{m['last']}/{m['year']}".upper())
    return kind, [month_end(last[0], months * last[1])]


def _dated_months(m: re.Match, text: str, plan_year: int | None) -> _Due:
    return _dated_span(m, text, plan_year, _month, 1, KIND_MONTH)


def _dated_quarters(m: re.Match, text: str, plan_year: int | None) -> _Due:
    return _dated_span(m, text, plan_year, _quarter, 3, KIND_QUARTER)


def _plan_year(m: re.Match, text: str, plan_year: int | None) -> _Due:
    return KIND_YEAR, [month_end(_year(None, plan_year, text), 12)]


_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match, str, int | None], _Due]], ...] = tuple(
    (re.compile(pattern), meaning)
    for pattern, meaning in (
        (r"(?:dinh ky )?hang (?P<every>nam|quy|thang)", _every),
        (r"thang (?P<month>[0-9]{1,2}) hang nam", _month_every_year),
        (rf"quy (?P<quarter>{_QUARTER_NUMBER}) hang nam", _quarter_every_year),
        (r"dinh ky (?:0?6|sau) thang(?:,(?:ca )?nam)?", _half_yearly),
        (r"(?:0?6|sau) thang,(?:ca )?nam", _half_yearly),  # "6 tháng, năm": each half year and the year
        (rf"(?:tu )?thang (?P<first>[0-9]{{1,2}})/(?P<from>[0-9]{{4}})(?:-| den (?:het )?)(?:thang )?(?P<last>[0-9]{{1,2}})/{_YEAR}", _dated_months),
        (rf"(?:tu )?quy (?P<first>{_QUARTER_NUMBER})/(?P<from>[0-9]{{4}})(?:-| den (?:het )?)(?:quy )?(?P<last>{_QUARTER_NUMBER})/{_YEAR}", _dated_quarters),
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
        # "Cuối tháng 6": its last day; "Đầu tháng 6", "Hạ tuần tháng 6": within June, due as June is.
        (rf"(?:(?:trong|cuoi|{_BY_THE_END}|dau|giua|(?:thuong|trung|ha) tuan) )?thang (?P<list>{_MONTH_LIST}){_YEAR_TAIL}{_ONWARDS}", _months),
        (rf"(?:(?:trong|cuoi|{_BY_THE_END}) )?quy (?P<list>{_QUARTER_LIST}){_YEAR_TAIL}{_ONWARDS}", _quarters),
        (rf"(?:(?:trong )?(?:0?6|sau) thang|nua) (?P<half>dau|cuoi) nam(?: {_YEAR})?", _half_year),
        (rf"(?:(?:trong|ca|cuoi|{_BY_THE_END}) )?nam {_YEAR}(?:-(?P<last>[0-9]{{4}}))?{_ONWARDS}", _years),
        (rf"{_YEAR}(?:-(?P<last>[0-9]{{4}}))?", _years),
        (rf"(?:trong|ca|cuoi|{_BY_THE_END}) nam", _plan_year),  # "Cuối năm", "Hết năm": the plan's year, as "Trong năm"
        (rf"(?:trong )?giai doan {_YEAR}-(?P<last>[0-9]{{4}})", _years),
    )
)


@lru_cache(maxsize=4096)
def parse_deadline(text: str, year: int | None = None) -> Deadline:
    """Read a "Thời gian hoàn thành" wording, in the plan's *year* when it names none.

    Returns its Deadline; raises DeadlineError when the wording is unknown,
    impossible, or needs a year and *year* is None.
    """
    if not text.strip():
        return Deadline(text, KIND_UNSPECIFIED, ())
    if len(text) > MAX_LENGTH:
        raise _error("deadline.unknown", text, example=closest_example(text[:COMPARED_LENGTH], year))
    key = folded_wording(text)
    found = _match(key, text, year) or (_start(key, text, year) and (KIND_RECURRING, []))  # ongoing from its start
    if found is None:
        found = _in_year(key, text, year) or _refined(key, text, year)
    if found is None:
        found = _combined(key, text, year)
    if found is None:  # a part that holds a separator itself: "Định kỳ 6 tháng, năm; Quý IV/2021"
        found = _nested(key, text, year)
    if found is None and "\n" in text.strip():  # a wording on each line of the cell
        found = _combined(folded_wording(text.replace("\n", ";")), text, year)
    if found is None:
        raise _error("deadline.unknown", text, example=closest_example(text, year))
    kind, due = found
    return Deadline(text, kind, tuple(sorted(set(due))))


def _match(key: str, text: str, year: int | None) -> _Due | None:
    """The kind and due dates of a folded wording one rule reads whole; None when none does."""
    if m := _DOING.match(key):
        key = key[m.end() :]
    key = key.removeprefix("tu nay ")  # "Từ nay đến hết năm 2025": by the end of 2025
    if key in _FIXED or ((m := ONGOING_IN_YEAR.fullmatch(key)) and _year(m[1], year, text)):  # "… trong năm 2027": a year's
        return _FIXED.get(key, KIND_RECURRING), []
    if _AFTER_EVENT.match(key):
        return KIND_AFTER_EVENT, []
    if (m := _BY.fullmatch(key)) and not (m["whose"] and _TIME_WORDS.search(m["whose"])):
        return _BY_KIND[m["by"]], []
    for pattern, meaning in _RULES:
        if m := pattern.fullmatch(key):
            return meaning(m, text, year)
    return None


_FROM = re.compile(r"(?:(?:thuc hien|hoan thanh|trien khai|bao cao) )?tu (?!tu |giai doan)(?P<start>[^-,;]+)")
_ISO_DAY = re.compile(r"(?:ngay )?[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")


def _start(key: str, text: str, year: int | None) -> _Due | None:
    """The start named by a whole wording of a start and no end ("Từ tháng 01/2025 (trở đi)"; not "Từ tháng 3-6/2021")."""
    m = _FROM.fullmatch(key.replace("-", "/") if _ISO_DAY.search(key) else key)
    found = m and " va " not in m["start"] and " hoac " not in m["start"] and _match(key[m.start("start") : m.end("start")].removesuffix(" tro di"), text, year)
    return found if found and found[0] in _DATED else None


@lru_cache(maxsize=4096)
def start_of(text: str, year: int | None) -> tuple[datetime.date, ...]:
    """The first day of the start with no end a wording names ("Từ tháng 6/2012": 2012-06-01; due on none), else ()."""
    found = _start(folded_wording(text), text, year)
    first = found and (found[1][0] if found[0] == KIND_DATE else datetime.date(found[1][0].year, found[1][0].month - _MONTHS_IN[found[0]] + 1, 1))
    return (first,) if found else ()


#: Where a wording that no rule reads whole may hold several ("Tháng 6/2025 và tháng 12/2025").
_PARTS = re.compile(r"(;|,(?:va )?| va | hoac )")
MAX_PARTS = 12
_DAY_LEAD = re.compile(rf"({_LEAD}ngay [0-9]{{1,2}})(?: thang |/)[0-9]")
_BARE_MONTH = re.compile(rf"(?:thang )?[0-9]{{1,2}}{_YEAR_TAIL}(?: hang nam)?")


def _combined(key: str, text: str, year: int | None, days: bool = False) -> _Due | None:
    """Several wordings joined by ",", ";", "và" or "hoặc" (see the module's docstring); None when a part is unknown.
    With *days*, the days that follow a period, one for each of its periods: None unless they are days only."""
    pieces = _PARTS.split(key)  # the parts, and between them what joins them
    parts, joins = years_back([part.strip() for part in pieces[::2]], pieces[1::2] + [""])  # "15/6 và 15/12/2027": both 2027
    if len(parts) < 2 or len(parts) > MAX_PARTS or not all(parts) or (days and not _days_only(parts, joins)):
        return None
    if all(_BARE_PERIOD.fullmatch(part) for part in parts):  # "Hằng quý, 6 tháng, năm", "Định kỳ quý, 6 tháng, năm"
        parts = ["dinh ky 6 thang" if "6" in part else "hang " + part.split()[-1] for part in parts]
    found, lead, every, skip_to = [], "", False, 0
    for at, part in enumerate(parts):
        if at < skip_to:  # the days of the period before
            continue
        end = at + 1  # "(Báo cáo) hằng quý, trước ngày 15/3, 15/6; 15/9, 15/12 …": a day in each period, then what follows
        while not days and end < len(parts) and _DAY_PART.match(parts[end]) and joins[end - 1] != " hoac ":
            end += 1
        if end - at > 2 and joins[at] == "," and _REPEATING.fullmatch(_DOING.sub("", part, 1)) and (
                match := _period_days(part, "".join(chain.from_iterable(zip(parts[at + 1 : end], joins[at + 1 : end - 1] + [""]))), text, year)):
            found.append(match)
            skip_to = end
            continue
        if joins[at] == "," and (match := _refined(f"{part},{parts[at + 1]}", text, year)):  # "Hằng năm, trước ngày 15/12 và …"
            found.append(match)
            skip_to = at + 2
            continue
        if (in_year := year_after(parts, joins, at)) and (match := _in_year(in_year[0], text, year)):  # "…, năm 2026; …"
            found.append(match)
            skip_to = in_year[1]
            if joins[in_year[1] - 1] != ";":  # its day goes on to a bare month after it ("… năm 2027 và tháng 12")
                lead = m.group(1) if (m := _DAY_LEAD.match(part)) else lead
            continue
        if lead and _BARE_MONTH.fullmatch(part):  # "Trước ngày 15 tháng 6 và tháng 12": the 15th of December too
            with_day = f"{lead} thang {part.removeprefix('thang ')}"
            try:
                part = with_day if _match(with_day, text, year) else part
            except DeadlineError:  # "ngày 31" of December is no day of June: June's end ("tháng 6" says it is a month)
                if not part.startswith("thang "):
                    raise
        elif days and part.startswith("thang "):  # a month, not a day in it
            return None
        if every and part in ("thang", "quy", "nam"):  # "Định kỳ hằng tháng, quý, năm": each "hằng"
            part = "hang " + part
        lead = m.group(1) if (m := _DAY_LEAD.match(part)) else lead
        every = every or _EVERY.fullmatch(part) is not None
        match = _match(part, text, year) or _refined(part, text, year)  # "Quý III/2021 (trước ngày 15/9)"
        if match is None:
            return None
        found.append(match)
    return joined(found)


_EVERY = re.compile(r"(?:dinh ky )?hang (?P<every>nam|quy|thang)")
#: A day, one of those a period's list gives ("trước ngày 15/3", "15/6"), not a period again.
_DAY_PART = re.compile(rf"{_LEAD}(?:ngay )?[0-9]|thang [0-9]")  # "… tháng 6 và tháng 12": the day before's


def _days_only(parts: list[str], joins: list[str]) -> bool:
    """Whether *parts* are days only, listed (",", ";" or "và"), not other wordings or one day or another ("hoặc")."""
    return all(map(_DAY_PART.match, parts)) and " hoac " not in joins

#: A reporting period named bare, one of a list of them ("quý, 6 tháng, năm"): each is "hằng …".
_BARE_PERIOD = re.compile(r"(?:(?:dinh ky|theo dinh ky)(?: hang)? |hang )?(?:thang|quy|nam|0?6 thang)")
_YEARLY = re.compile(r"(?P<unit>quy|thang) [0-9ivx]+ hang nam")
_REPEATING = re.compile(r"(?:dinh ky )?hang (?:nam|quy|thang)|dinh ky (?:0?6|sau) thang")  # a day may follow for each period
#: Months in a period of each kind ("Hằng năm/quý/tháng" by its word).
_MONTHS_IN = {KIND_MONTH: 1, KIND_QUARTER: 3, KIND_HALF_YEAR: 6, KIND_YEAR: 12, "thang": 1, "quy": 3, "nam": 12}
#: A period, then the day it is due by: "Hằng năm, trước ngày 15/12", "Quý III/2021 (trước ngày 15/9)".
_PERIOD_THEN_DAY = (re.compile(r"(?P<period>[^,;()]+),(?P<day>[^,;()]+)"), re.compile(r"(?P<period>[^,;()]*[^ ,;()]) ?\((?P<day>[^,;()]+)\)"))


#: A wording, then a year after a comma: "Quý II, năm 2026"; the year alone, a part of a list.
_IN_YEAR = re.compile(rf"(?P<head>.+),(?:trong |cua )?nam {_YEAR}")


def _in_year(key: str, text: str, year: int | None) -> _Due | None:
    """A dated wording, then "năm Y" after a comma: the wording in year Y ("Quý II, năm 2026" is Quý II/2026) when it
    names no other year. None otherwise ("năm Y" is then a part of its own)."""
    m = _IN_YEAR.fullmatch(key)
    head = m and _DOING.sub("", m["head"], 1)
    if not head or _BARE_PERIOD.fullmatch(head) or _REPEATING.fullmatch(head) or not MIN_YEAR <= int(m["year"]) <= MAX_YEAR:
        return None  # "6 tháng, năm 2026", "Hằng quý, năm 2026": each a report of its own
    in_year = int(m["year"])
    found = _match(head, text, in_year) or _refined(head, text, in_year) or _combined(head, text, in_year)
    return found if found and found[0] in _DATED and found[1] and all(day.year == in_year for day in found[1]) else None


def _refined(key: str, text: str, year: int | None) -> _Due | None:
    """A period, then the day in it that it is due by, after a comma or in brackets: that day, once for each period
    of a recurring one ("Hằng tháng, trước ngày 25": the 25th of each month). None when not such a pair."""
    m = _PERIOD_THEN_DAY[0].fullmatch(key) or _PERIOD_THEN_DAY[1].fullmatch(key)
    return None if m is None else _period_days(m["period"].strip(), m["day"].strip(), text, year)


def _period_days(period: str, day_key: str, text: str, year: int | None) -> _Due | None:
    """``_refined`` of a period and what follows it, which may list a day for each of its periods ("Định kỳ 6
    tháng, trước ngày 15/6 và 15/12", "Hằng quý, trước ngày 15/3, 15/6, 15/9, 15/12")."""
    if verb := _DOING.match(period):  # "Báo cáo hằng năm, trước ngày 15/12"
        period = period[verb.end() :]
    found = _match(period, text, year)
    yearly, every = _YEARLY.fullmatch(period), _EVERY.fullmatch(period)  # "Quý II hằng năm": a period each year
    recurring = bool(yearly or _REPEATING.fullmatch(period))  # "Định kỳ 6 tháng": 30/6 and 31/12
    if found is None or not (recurring or (len(found[1]) == 1 and found[0] in _MONTHS_IN)):
        return None
    ends = found[1]
    months = (3 if yearly["unit"] == "quy" else 1) if yearly else _MONTHS_IN[every["every"]] if every else 6 if recurring else _MONTHS_IN[found[0]]
    in_year = year if recurring else ends[0].year  # a day without a year is in the period's
    day = every and every["every"] != "quy" and _match(f"{day_key} hang {every['every']}", text, year)
    day = day or _match(day_key, text, in_year) or _combined(day_key, text, in_year, days=True)
    if not day or day[0] not in (KIND_DATE, KIND_RECURRING) or not (len(day[1]) == len(ends) or day[0] == KIND_DATE and 2 <= len(day[1]) == len(ends) - 1):
        return None  # a day for each period, or for all but one ("Hằng quý, trước ngày 15/3, 15/6, 15/9"): those days
    periods = [(datetime.date(end.year, end.month - months + 1, 1), end) for end in ends]
    if {next((k for k, (first, end) in enumerate(periods) if first <= due <= end), -1) for due in day[1]} != set(range(len(day[1]))):
        return None  # a day outside its period, two in one, or a period but the last with none
    return (KIND_RECURRING if recurring else day[0]), day[1]


#: The separators of ``_nested``, strongest first: ";" between wordings, then "và" or "hoặc", then ",".
_LEVELS = (re.compile(";"), re.compile(r" va | hoac |,va "), re.compile(","))


def _nested(key: str, text: str, year: int | None, level: int = 0) -> _Due | None:
    """Several wordings, some with a separator of their own ("Định kỳ 6 tháng, năm; Quý IV/2021"): split at the
    strongest separator there is, each part read whole or split again at a weaker one; None when a part is unknown.
    Tried when ``_combined``, which splits at every separator at once, reads no part of one."""
    for at in range(level, len(_LEVELS)):
        parts = [part.strip() for part in _LEVELS[at].split(key)]
        if len(parts) < 2:
            continue
        if len(parts) > MAX_PARTS or not all(parts):
            return None
        found = [_match(part, text, year) or _refined(part, text, year) or _nested(part, text, year, at + 1) for part in parts]
        return None if None in found else joined(found)
    return None


def closest_example(text: str, year: int | None = None) -> str:
    """The model wording most like *text* (``cchc.deadline_forms.closest_taking_numbers``), in the plan's *year*, with the
    numbers *text* wrote in place of the example's where the result reads."""

    def reads(candidate: str) -> bool:
        try:
            return _match(folded_wording(candidate), candidate, year) is not None
        except DeadlineError:  # their numbers make an impossible date ("Tháng 13")
            return False

    return closest_taking_numbers(text, year, reads)
