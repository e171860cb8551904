"""Tests for the Vietnamese deadline grammar (cchc.deadlines)."""

from __future__ import annotations

import calendar
import dataclasses
import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc.deadlines import (
    KIND_AFTER_EVENT,
    KIND_AS_PLANNED,
    KIND_AS_REGULATED,
    KIND_DATE,
    KIND_HALF_YEAR,
    KIND_MONTH,
    KIND_QUARTER,
    KIND_RECURRING,
    KIND_UNSPECIFIED,
    KIND_YEAR,
    KINDS,
    Deadline,
    DeadlineError,
    parse_deadline,
)

D = date

EXAMPLES = [
    # empty
    ("", KIND_UNSPECIFIED, ()),
    ("   \t ", KIND_UNSPECIFIED, ()),
    # months
    ("Tháng 12/2020", KIND_MONTH, (D(2020, 12, 31),)),
    ("Tháng 01/2021", KIND_MONTH, (D(2021, 1, 31),)),
    ("Tháng 4/2021", KIND_MONTH, (D(2021, 4, 30),)),
    ("tháng 6 năm 2021", KIND_MONTH, (D(2021, 6, 30),)),
    ("Tháng 2/2024", KIND_MONTH, (D(2024, 2, 29),)),
    ("Tháng 2/1900", KIND_MONTH, (D(1900, 2, 28),)),
    ("Tháng 3, 9/2021", KIND_MONTH, (D(2021, 3, 31), D(2021, 9, 30))),
    ("Tháng 3 và 9/2021", KIND_MONTH, (D(2021, 3, 31), D(2021, 9, 30))),
    ("Tháng 9, 3, 9/2021", KIND_MONTH, (D(2021, 3, 31), D(2021, 9, 30))),
    ("  THÁNG   3 ,9 /  2021 ", KIND_MONTH, (D(2021, 3, 31), D(2021, 9, 30))),
    # quarters
    ("Quý I/2021", KIND_QUARTER, (D(2021, 3, 31),)),
    ("Quý II, IV/2021", KIND_QUARTER, (D(2021, 6, 30), D(2021, 12, 31))),
    ("Quý I, III/2021", KIND_QUARTER, (D(2021, 3, 31), D(2021, 9, 30))),
    ("Quý 2/2021", KIND_QUARTER, (D(2021, 6, 30),)),
    ("Quý II năm 2021", KIND_QUARTER, (D(2021, 6, 30),)),
    ("Quý I và III/2021", KIND_QUARTER, (D(2021, 3, 31), D(2021, 9, 30))),
    ("quý iv/2199", KIND_QUARTER, (D(2199, 12, 31),)),
    # half years
    ("6 tháng đầu năm 2021", KIND_HALF_YEAR, (D(2021, 6, 30),)),
    ("6 tháng cuối năm 2021", KIND_HALF_YEAR, (D(2021, 12, 31),)),
    ("Sáu tháng đầu năm 2021", KIND_HALF_YEAR, (D(2021, 6, 30),)),
    # years
    ("Năm 2021", KIND_YEAR, (D(2021, 12, 31),)),
    ("Trong năm 2021", KIND_YEAR, (D(2021, 12, 31),)),
    ("Cả năm 2021", KIND_YEAR, (D(2021, 12, 31),)),
    # dates
    ("Trước ngày 15/12/2021", KIND_DATE, (D(2021, 12, 15),)),
    ("Ngày 15/12/2021", KIND_DATE, (D(2021, 12, 15),)),
    ("ngày 15/4/2021", KIND_DATE, (D(2021, 4, 15),)),
    ("15/12/2021", KIND_DATE, (D(2021, 12, 15),)),
    ("Trước ngày 15 tháng 12 năm 2021", KIND_DATE, (D(2021, 12, 15),)),
    ("Trước 15/12/2021", KIND_DATE, (D(2021, 12, 15),)),
    ("Ngày 29/02/2024", KIND_DATE, (D(2024, 2, 29),)),
    ("ngày 01 / 02 / 2021", KIND_DATE, (D(2021, 2, 1),)),
    # no date
    ("Thường xuyên", KIND_RECURRING, ()),
    ("Hàng năm", KIND_RECURRING, ()),
    ("Hằng năm", KIND_RECURRING, ()),
    ("Hàng quý", KIND_RECURRING, ()),
    ("Hằng quý", KIND_RECURRING, ()),
    ("Hàng tháng", KIND_RECURRING, ()),
    ("Hằng tháng", KIND_RECURRING, ()),
    ("Định kỳ", KIND_RECURRING, ()),
    ("Liên tục", KIND_RECURRING, ()),
    ("Sau khi có văn bản của Chính phủ", KIND_AFTER_EVENT, ()),
    ("sau khi Bộ Tư pháp hướng dẫn", KIND_AFTER_EVENT, ()),
    ("Theo kế hoạch", KIND_AS_PLANNED, ()),
    ("Theo quy định", KIND_AS_REGULATED, ()),
]

REAL_PLAN = [
    ("Tháng 12/2020", KIND_MONTH, (D(2020, 12, 31),)),
    ("Tháng 01/2021", KIND_MONTH, (D(2021, 1, 31),)),
    ("Sau khi có văn bản của Chính phủ", KIND_AFTER_EVENT, ()),
    ("Quý I/2021", KIND_QUARTER, (D(2021, 3, 31),)),
    ("Quý II/2021", KIND_QUARTER, (D(2021, 6, 30),)),
    ("Tháng 06/2021", KIND_MONTH, (D(2021, 6, 30),)),
    ("Trong năm 2021", KIND_YEAR, (D(2021, 12, 31),)),
    ("Thường xuyên", KIND_RECURRING, ()),
    ("Hàng năm", KIND_RECURRING, ()),
    ("Tháng 4/2021", KIND_MONTH, (D(2021, 4, 30),)),
    ("Theo kế hoạch", KIND_AS_PLANNED, ()),
    ("Năm 2021", KIND_YEAR, (D(2021, 12, 31),)),
    ("Tháng 3/2021", KIND_MONTH, (D(2021, 3, 31),)),
    ("Tháng 5/2021", KIND_MONTH, (D(2021, 5, 31),)),
    ("Tháng 12/2021", KIND_MONTH, (D(2021, 12, 31),)),
    ("Quý II, IV/2021", KIND_QUARTER, (D(2021, 6, 30), D(2021, 12, 31))),
    ("Tháng 6/2021", KIND_MONTH, (D(2021, 6, 30),)),
    ("Theo quy định", KIND_AS_REGULATED, ()),
]

IMPOSSIBLE = [
    ("Tháng 13/2021", "month 13"),
    ("Tháng 0/2021", "month 0"),
    ("Tháng 3, 13/2021", "month 13"),
    ("Quý V/2021", "quarter V"),
    ("Quý 0/2021", "quarter 0"),
    ("Quý I, 5/2021", "quarter 5"),
    ("Ngày 31/02/2021", "day 31"),
    ("Ngày 29/02/2021", "day 29"),
    ("Ngày 32/1/2021", "day 32"),
    ("Ngày 0/1/2021", "day 0"),
    ("Ngày 15/13/2021", "month 13"),
    ("Năm 1899", "year 1899"),
    ("Tháng 6/2200", "year 2200"),
    ("Quý I/0000", "year 0"),
]

UNKNOWN = [
    "Cuối năm",
    "Tháng 6",
    "Quý II",
    "Năm 21",
    "Năm 20211",
    "2021",
    "Tháng 6/2021 và Quý II/2021",
    "Hàng năm 2021",
    "Sau khiếu nại",
    "Theo kế hoạch 2021",
    "Ngày 15/12",
    "Trước",
    "x\ny",
    "Tháng ٣/٢٠٢١",  # Arabic-Indic digits are not plan digits
]


@pytest.mark.parametrize(("text", "kind", "due"), EXAMPLES)
def test_examples(text: str, kind: str, due: tuple[date, ...]) -> None:
    result = parse_deadline(text)
    assert result == Deadline(text, kind, due)


@pytest.mark.parametrize(("text", "kind", "due"), REAL_PLAN)
def test_real_plan_wordings(text: str, kind: str, due: tuple[date, ...]) -> None:
    result = parse_deadline(text)
    assert (result.kind, result.due) == (kind, due)
    assert result.text == text


def test_every_kind_is_reachable_and_listed_in_order() -> None:
    assert KINDS == (
        "date", "month", "quarter", "half_year", "year",
        "recurring", "after_event", "as_planned", "as_regulated", "unspecified",
    )
    assert {kind for _, kind, _ in EXAMPLES} == set(KINDS)


def test_text_is_kept_verbatim() -> None:
    raw = "  quý  ii ,iv / 2021  "
    assert parse_deadline(raw).text == raw


def test_deadline_is_frozen() -> None:
    result = parse_deadline("Quý I/2021")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.kind = KIND_YEAR  # type: ignore[misc]


@pytest.mark.parametrize(("text", "what"), IMPOSSIBLE)
def test_impossible_values(text: str, what: str) -> None:
    with pytest.raises(DeadlineError) as info:
        parse_deadline(text)
    message = str(info.value)
    assert f"'{text}'" in message
    assert f"impossible {what}" in message
    assert "\n" not in message


@pytest.mark.parametrize("text", UNKNOWN)
def test_unknown_wordings(text: str) -> None:
    with pytest.raises(DeadlineError) as info:
        parse_deadline(text)
    message = str(info.value)
    assert message.startswith(f"unknown deadline wording {text!r}")
    assert "\n" not in message


def test_error_is_a_value_error() -> None:
    assert issubclass(DeadlineError, ValueError)


# -- property tests -----------------------------------------------------------

def _random_case(draw: st.DrawFn, text: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    return "".join(ch.upper() if flip else ch.lower() for ch, flip in zip(text, flips))


def _space(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(["", " ", "  ", "\t", " \u00a0 "]))


@st.composite
def month_wordings(draw: st.DrawFn) -> tuple[str, int, int]:
    year = draw(st.integers(1900, 2199))
    month = draw(st.integers(1, 12))
    digits = f"{month:02d}" if draw(st.booleans()) else str(month)
    word = _random_case(draw, "Tháng")
    form = draw(st.sampled_from(["NFC", "NFD"]))
    word = unicodedata.normalize(form, word)
    text = (
        f"{_space(draw)}{word} {_space(draw)}{digits}{_space(draw)}/"
        f"{_space(draw)}{year}{_space(draw)}"
    )
    return text, year, month


@given(month_wordings())
def test_month_is_due_on_its_last_day(case: tuple[str, int, int]) -> None:
    text, year, month = case
    result = parse_deadline(text)
    last = calendar.monthrange(year, month)[1]
    assert result.kind == KIND_MONTH
    assert result.due == (date(year, month, last),)


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@given(
    st.lists(st.integers(1, 4), min_size=1, max_size=4, unique=True),
    st.integers(1900, 2199),
)
def test_quarter_subsets(quarters: list[int], year: int) -> None:
    text = f"Quý {', '.join(ROMAN[q] for q in quarters)}/{year}"
    result = parse_deadline(text)
    ends = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}
    assert result.kind == KIND_QUARTER
    assert result.due == tuple(date(year, *ends[q]) for q in sorted(quarters))


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)))
def test_before_date_is_due_that_day(day: date) -> None:
    result = parse_deadline(f"Trước ngày {day.day}/{day.month}/{day.year}")
    assert (result.kind, result.due) == (KIND_DATE, (day,))


@settings(max_examples=500)
@given(st.text())
def test_only_deadline_error_escapes(text: str) -> None:
    try:
        result = parse_deadline(text)
    except DeadlineError as err:
        assert "\n" not in str(err)
        return
    assert result.kind in KINDS
    assert result.text == text
    assert list(result.due) == sorted(set(result.due))


@given(
    st.sampled_from([text for text, _, _ in REAL_PLAN]),
    st.sampled_from(["NFC", "NFD", "NFKD"]),
    st.sampled_from([str.upper, str.lower, str.title, str.casefold, lambda s: s]),
)
def test_variants_parse_like_the_original(text: str, form: str, case) -> None:
    original = parse_deadline(text)
    variant = unicodedata.normalize(form, case(text))
    result = parse_deadline(variant)
    assert (result.kind, result.due) == (original.kind, original.due)
    assert result.text == variant
