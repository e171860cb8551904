"""Tests for the Vietnamese deadline grammar (cchc.deadlines) and its messages."""

from __future__ import annotations

import calendar
import dataclasses
import pickle
import time
import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc import deadlines
from cchc.deadlines import (
    EXAMPLES,
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
    MAX_YEAR,
    MIN_YEAR,
    Deadline,
    DeadlineError,
    closest_example,
    month_end,
    parse_deadline,
)
from cchc.messages import render
from cchc.messages.deadlines import MESSAGES

D = date
QUARTER_ENDS = (D(2021, 3, 31), D(2021, 6, 30), D(2021, 9, 30), D(2021, 12, 31))

# Wordings that name their own year: the same with or without a plan year.
EXAMPLES_WITH_YEAR = [
    # empty
    ("", KIND_UNSPECIFIED, ()),
    ("   \t ", KIND_UNSPECIFIED, ()),
    # months
    ("Tháng 12/2020", KIND_MONTH, (D(2020, 12, 31),)),
    ("Tháng 01/2021", KIND_MONTH, (D(2021, 1, 31),)),
    ("Tháng 3/2021", KIND_MONTH, (D(2021, 3, 31),)),
    ("Tháng 4/2021", KIND_MONTH, (D(2021, 4, 30),)),
    ("Tháng 5/2021", KIND_MONTH, (D(2021, 5, 31),)),
    ("Tháng 6/2021", KIND_MONTH, (D(2021, 6, 30),)),
    ("Tháng 06/2021", KIND_MONTH, (D(2021, 6, 30),)),
    ("Tháng 12/2021", KIND_MONTH, (D(2021, 12, 31),)),
    ("tháng 6 năm 2021", KIND_MONTH, (D(2021, 6, 30),)),
    ("Trong tháng 6/2021", KIND_MONTH, (D(2021, 6, 30),)),
    ("Tháng 2/2024", KIND_MONTH, (D(2024, 2, 29),)),
    ("Tháng 2/1900", KIND_MONTH, (D(1900, 2, 28),)),
    ("Tháng 3, 9/2021", KIND_MONTH, (D(2021, 3, 31), D(2021, 9, 30))),
    ("Tháng 3 và 9/2021", KIND_MONTH, (D(2021, 3, 31), D(2021, 9, 30))),
    ("Tháng 3 và tháng 9/2021", KIND_MONTH, (D(2021, 3, 31), D(2021, 9, 30))),
    ("Tháng 9, 3, 9/2021", KIND_MONTH, (D(2021, 3, 31), D(2021, 9, 30))),
    ("  THÁNG   3 ,9 /  2021 ", KIND_MONTH, (D(2021, 3, 31), D(2021, 9, 30))),
    ("Tháng 6-7/2021", KIND_MONTH, (D(2021, 7, 31),)),
    ("Tháng 6 - 7 / 2021", KIND_MONTH, (D(2021, 7, 31),)),
    ("Tháng 6–7/2021", KIND_MONTH, (D(2021, 7, 31),)),  # en dash
    ("Tháng 6-6/2021", KIND_MONTH, (D(2021, 6, 30),)),
    ("Tháng 3, 6-7/2021", KIND_MONTH, (D(2021, 3, 31), D(2021, 7, 31))),
    # quarters
    ("Quý I/2021", KIND_QUARTER, (D(2021, 3, 31),)),
    ("Quý II/2021", KIND_QUARTER, (D(2021, 6, 30),)),
    ("Quí II/2021", KIND_QUARTER, (D(2021, 6, 30),)),
    ("Trong quý 3/2021", KIND_QUARTER, (D(2021, 9, 30),)),
    ("Quý II, IV/2021", KIND_QUARTER, (D(2021, 6, 30), D(2021, 12, 31))),
    ("Quý II và Quý IV/2021", KIND_QUARTER, (D(2021, 6, 30), D(2021, 12, 31))),
    ("Quý II và Quý IV/2026", KIND_QUARTER, (D(2026, 6, 30), D(2026, 12, 31))),
    ("Quý I/2026", KIND_QUARTER, (D(2026, 3, 31),)),
    ("Quý II/2026", KIND_QUARTER, (D(2026, 6, 30),)),
    ("Quý I, III/2021", KIND_QUARTER, (D(2021, 3, 31), D(2021, 9, 30))),
    ("Quý 2/2021", KIND_QUARTER, (D(2021, 6, 30),)),
    ("Quý II năm 2021", KIND_QUARTER, (D(2021, 6, 30),)),
    ("Quý I và III/2021", KIND_QUARTER, (D(2021, 3, 31), D(2021, 9, 30))),
    ("Quý I-II/2023", KIND_QUARTER, (D(2023, 6, 30),)),
    ("quý iv/2199", KIND_QUARTER, (D(2199, 12, 31),)),
    # half years
    ("6 tháng đầu năm 2021", KIND_HALF_YEAR, (D(2021, 6, 30),)),
    ("6 tháng cuối năm 2021", KIND_HALF_YEAR, (D(2021, 12, 31),)),
    ("Sáu tháng đầu năm 2021", KIND_HALF_YEAR, (D(2021, 6, 30),)),
    # years
    ("Năm 2021", KIND_YEAR, (D(2021, 12, 31),)),
    ("Trong năm 2021", KIND_YEAR, (D(2021, 12, 31),)),
    ("Cả năm 2021", KIND_YEAR, (D(2021, 12, 31),)),
    ("Năm 2022-2025", KIND_YEAR, (D(2025, 12, 31),)),
    ("Giai đoạn 2021 - 2030", KIND_YEAR, (D(2030, 12, 31),)),
    ("Giai đoạn 2021-2025", KIND_YEAR, (D(2025, 12, 31),)),
    ("Giai đoạn 2021 – 2025", KIND_YEAR, (D(2025, 12, 31),)),
    # dates
    ("Trước ngày 15/12/2021", KIND_DATE, (D(2021, 12, 15),)),
    ("Ngày 15/12/2021", KIND_DATE, (D(2021, 12, 15),)),
    ("ngày 15/4/2021", KIND_DATE, (D(2021, 4, 15),)),
    ("Trước ngày 15/4/2021", KIND_DATE, (D(2021, 4, 15),)),
    ("15/12/2021", KIND_DATE, (D(2021, 12, 15),)),
    ("Trước ngày 15 tháng 12 năm 2021", KIND_DATE, (D(2021, 12, 15),)),
    ("Trước 15/12/2021", KIND_DATE, (D(2021, 12, 15),)),
    ("Chậm nhất ngày 15/12/2021", KIND_DATE, (D(2021, 12, 15),)),
    ("Chậm nhất là ngày 30/6/2021", KIND_DATE, (D(2021, 6, 30),)),
    ("2021-06-30", KIND_DATE, (D(2021, 6, 30),)),
    ("Ngày 29/02/2024", KIND_DATE, (D(2024, 2, 29),)),
    ("ngày 01 / 02 / 2021", KIND_DATE, (D(2021, 2, 1),)),
    # no date
    ("Thường xuyên", KIND_RECURRING, ()),
    ("Định kỳ", KIND_RECURRING, ()),
    ("Liên tục", KIND_RECURRING, ()),
    ("Sau khi có văn bản của Chính phủ", KIND_AFTER_EVENT, ()),
    ("sau khi Bộ Tư pháp hướng dẫn", KIND_AFTER_EVENT, ()),
    ("Khi có văn bản hướng dẫn", KIND_AFTER_EVENT, ()),
    ("Theo kế hoạch", KIND_AS_PLANNED, ()),
    ("Theo quy định", KIND_AS_REGULATED, ()),
    ("Theo quí định", KIND_AS_REGULATED, ()),
]

# Wordings that take the plan's year (2021 here); without one they are deadline.no-year.
EXAMPLES_IN_PLAN_YEAR = [
    ("Hằng quý", KIND_RECURRING, QUARTER_ENDS),
    ("Hàng quý", KIND_RECURRING, QUARTER_ENDS),
    ("Hằng tháng", KIND_RECURRING, tuple(month_end(2021, m) for m in range(1, 13))),
    ("Hàng tháng", KIND_RECURRING, tuple(month_end(2021, m) for m in range(1, 13))),
    ("Hằng năm", KIND_RECURRING, (D(2021, 12, 31),)),
    ("Hàng năm", KIND_RECURRING, (D(2021, 12, 31),)),
    ("Trước ngày 20/11 hằng năm", KIND_RECURRING, (D(2021, 11, 20),)),
    ("Trước ngày 15 của tháng", KIND_RECURRING, tuple(D(2021, m, 15) for m in range(1, 13))),
    ("Trước ngày 15 hằng tháng", KIND_RECURRING, tuple(D(2021, m, 15) for m in range(1, 13))),
    ("Trước ngày 15 của mỗi tháng", KIND_RECURRING, tuple(D(2021, m, 15) for m in range(1, 13))),
    ("Trước ngày 31 hằng tháng", KIND_RECURRING, tuple(month_end(2021, m) for m in range(1, 13))),
    ("Trước ngày 05 tháng cuối cùng của mỗi quý", KIND_RECURRING, tuple(D(2021, m, 5) for m in (3, 6, 9, 12))),
    ("Trước ngày 10 của tháng cuối quý", KIND_RECURRING, tuple(D(2021, m, 10) for m in (3, 6, 9, 12))),
    ("Trước ngày 15 của tháng cuối quý", KIND_RECURRING, tuple(D(2021, m, 15) for m in (3, 6, 9, 12))),
    ("Chậm nhất là ngày 20 của tháng cuối kỳ báo cáo", KIND_RECURRING, tuple(D(2021, m, 20) for m in (3, 6, 9, 12))),
    ("Ngày 31 của tháng cuối quý", KIND_RECURRING, QUARTER_ENDS),
    ("Trước ngày 30/6", KIND_DATE, (D(2021, 6, 30),)),
    ("Trước ngày 30/3", KIND_DATE, (D(2021, 3, 30),)),
    ("Ngày 15/12", KIND_DATE, (D(2021, 12, 15),)),
    ("ngày 15 tháng 12", KIND_DATE, (D(2021, 12, 15),)),
    ("Tháng 6", KIND_MONTH, (D(2021, 6, 30),)),
    ("Trong tháng 6", KIND_MONTH, (D(2021, 6, 30),)),
    ("Tháng 3, 9", KIND_MONTH, (D(2021, 3, 31), D(2021, 9, 30))),
    ("Quý III", KIND_QUARTER, (D(2021, 9, 30),)),
    ("Quý II", KIND_QUARTER, (D(2021, 6, 30),)),
    ("Quý I-II", KIND_QUARTER, (D(2021, 6, 30),)),
    ("6 tháng đầu năm", KIND_HALF_YEAR, (D(2021, 6, 30),)),
    ("Sáu tháng đầu năm", KIND_HALF_YEAR, (D(2021, 6, 30),)),
    ("6 tháng cuối năm", KIND_HALF_YEAR, (D(2021, 12, 31),)),
    ("Trong năm", KIND_YEAR, (D(2021, 12, 31),)),
    ("Cuối năm", KIND_YEAR, (D(2021, 12, 31),)),  # the plan's year, as "Trong năm"; it was told "6 tháng cuối năm 2021"
    ("Hết năm", KIND_YEAR, (D(2021, 12, 31),)),
    ("Cả năm", KIND_YEAR, (D(2021, 12, 31),)),
]

# Every distinct wording of plans/2021.yaml and the other example plans; each is in a table above.
REAL_PLAN = [
    "Tháng 12/2020", "Tháng 01/2021", "Tháng 3/2021", "Tháng 4/2021", "Tháng 5/2021", "Tháng 6/2021",
    "Tháng 06/2021", "Tháng 12/2021", "Quý I/2021", "Quý II/2021", "Quý II, IV/2021", "Quý II/2026",
    "Quý I/2026", "Quý II và Quý IV/2026", "Trong năm 2021", "Năm 2021", "Trước ngày 15/4/2021",
    "Trước ngày 30/3", "Thường xuyên", "Hàng năm", "Hằng quý", "Hằng tháng",
    "Trước ngày 05 tháng cuối cùng của mỗi quý", "Trước ngày 15 của tháng cuối quý",
    "Chậm nhất là ngày 20 của tháng cuối kỳ báo cáo", "Sau khi có văn bản của Chính phủ",
    "Theo kế hoạch", "Theo quy định",
]
EXPECTED = {text: (kind, due) for text, kind, due in EXAMPLES_WITH_YEAR + EXAMPLES_IN_PLAN_YEAR}

# (wording, key, params the error must carry besides the wording)
IMPOSSIBLE = [
    ("Tháng 13/2021", "deadline.bad-month", {"month": 13}),
    ("Tháng 5/2021 - tháng 4/2021", "deadline.reversed-range", {"first": "5/2021", "last": "4/2021"}),
    ("Quý I/2022 - Quý IV/2021", "deadline.reversed-range", {"first": "I/2022", "last": "IV/2021"}),
    ("Tháng 13/2021 - tháng 5/2022", "deadline.bad-month", {"month": 13}),
    ("Tháng 0/2021", "deadline.bad-month", {"month": 0}),
    ("Tháng 3, 13/2021", "deadline.bad-month", {"month": 13}),
    ("Tháng 13", "deadline.bad-month", {"month": 13}),
    ("Từ tháng 13/2025", "deadline.bad-month", {"month": 13}),
    ("Quý V/2021", "deadline.bad-quarter", {"quarter": "V"}),
    ("Quý 0/2021", "deadline.bad-quarter", {"quarter": "0"}),
    ("Quý I, 5/2021", "deadline.bad-quarter", {"quarter": "5"}),
    ("Ngày 31/02/2021", "deadline.bad-date", {"day": 31, "month": 2, "year": 2021}),
    ("Ngày 31/2/2021", "deadline.bad-date", {"day": 31, "month": 2, "year": 2021}),
    ("Ngày 29/02/2021", "deadline.bad-date", {"day": 29, "month": 2, "year": 2021}),
    ("Ngày 31/4/2021", "deadline.bad-date", {"day": 31, "month": 4, "year": 2021}),
    ("2021-02-30", "deadline.bad-date", {"day": 30, "month": 2, "year": 2021}),
    ("Ngày 32/1/2021", "deadline.bad-day", {"day": 32}),
    ("Ngày 0/1/2021", "deadline.bad-day", {"day": 0}),
    ("Trước ngày 32 hằng tháng", "deadline.bad-day", {"day": 32}),
    ("Ngày 15/13/2021", "deadline.bad-month", {"month": 13}),
    ("Truoc ngay 15/13", "deadline.bad-month", {"month": 13}),
    ("Trước ngày 20/13 hằng năm", "deadline.bad-month", {"month": 13}),
    ("Năm 1899", "deadline.bad-year", {"year": 1899, "low": MIN_YEAR, "high": MAX_YEAR}),
    ("Tháng 6/2200", "deadline.bad-year", {"year": 2200}),
    ("Quý I/0000", "deadline.bad-year", {"year": 0}),
    ("Giai đoạn 2021-2300", "deadline.bad-year", {"year": 2300}),
    ("Tháng 7-6/2021", "deadline.reversed-range", {"first": "7", "last": "6"}),
    ("Quý IV-II/2021", "deadline.reversed-range", {"first": "IV", "last": "II"}),
    ("Năm 2025-2022", "deadline.reversed-range", {"first": "2025", "last": "2022"}),
    ("Giai đoạn 2030 - 2021", "deadline.reversed-range", {"first": "2030", "last": "2021"}),
]

# Wordings seen in real plans beyond the first grammar: several wordings joined,
# spans written out, "Tháng 12 hằng năm", notes people write in the cell.
MORE_REAL_WORDINGS = [
    ("Tháng 6/2021 và tháng 12/2021", KIND_MONTH, (D(2021, 6, 30), D(2021, 12, 31))),
    ("Trước ngày 25/6 và 25/12", KIND_DATE, (D(2021, 6, 25), D(2021, 12, 25))),
    ("6 tháng đầu năm và cả năm 2021", KIND_HALF_YEAR, (D(2021, 6, 30), D(2021, 12, 31))),
    ("Hàng quý, hàng năm", KIND_RECURRING, (D(2021, 3, 31), D(2021, 6, 30), D(2021, 9, 30), D(2021, 12, 31))),
    ("Quý I/2021 và thường xuyên", KIND_RECURRING, (D(2021, 3, 31),)),
    ("Thường xuyên, liên tục", KIND_RECURRING, ()),
    ("Giai đoạn 2021-2025 và hằng năm", KIND_RECURRING, (D(2021, 12, 31), D(2025, 12, 31))),
    ("Năm 2021, 2022", KIND_YEAR, (D(2021, 12, 31), D(2022, 12, 31))),
    ("Tháng 6/2021 và Quý II/2021", KIND_MONTH, (D(2021, 6, 30),)),
    ("Tháng 12 hằng năm", KIND_RECURRING, (D(2021, 12, 31),)),
    ("Định kỳ hằng quý", KIND_RECURRING, (D(2021, 3, 31), D(2021, 6, 30), D(2021, 9, 30), D(2021, 12, 31))),
    ("Định kỳ 6 tháng, năm", KIND_RECURRING, (D(2021, 6, 30), D(2021, 12, 31))),
    ("Từ tháng 3 đến tháng 6/2021", KIND_MONTH, (D(2021, 6, 30),)),
    ("Tháng 5 - tháng 6/2021", KIND_MONTH, (D(2021, 6, 30),)),
    ("Quý I - Quý II/2021", KIND_QUARTER, (D(2021, 6, 30),)),
    ("Từ quý I đến quý III/2021", KIND_QUARTER, (D(2021, 9, 30),)),
    ("Cuối năm 2021", KIND_YEAR, (D(2021, 12, 31),)),
    ("Hết năm 2021", KIND_YEAR, (D(2021, 12, 31),)),
    ("Cuối tháng 6/2021", KIND_MONTH, (D(2021, 6, 30),)),
    ("Hết tháng 9", KIND_MONTH, (D(2021, 9, 30),)),
    ("Cuối quý II/2021", KIND_QUARTER, (D(2021, 6, 30),)),
    ("Hết quý I/2021", KIND_QUARTER, (D(2021, 3, 31),)),
    ("2021", KIND_YEAR, (D(2021, 12, 31),)),
    ("Năm 2021 và các năm tiếp theo", KIND_YEAR, (D(2021, 12, 31),)),
    ("Hằng tuần", KIND_RECURRING, ()),
    ("Đang triển khai", KIND_RECURRING, ()),
    ("Theo tiến độ", KIND_AS_PLANNED, ()),
    ("Theo lộ trình", KIND_AS_PLANNED, ()),
    ("Theo yêu cầu", KIND_AFTER_EVENT, ()),
    # A day, then months: the day of each month (not the month's end).
    ("Trước ngày 15 tháng 6 và tháng 12 (hằng năm)", KIND_RECURRING, (D(2021, 6, 15), D(2021, 12, 15))),
    ("Trước ngày 15 tháng 6, tháng 12", KIND_DATE, (D(2021, 6, 15), D(2021, 12, 15))),
    ("Trước ngày 15/6, tháng 12", KIND_DATE, (D(2021, 6, 15), D(2021, 12, 15))),
    ("Chậm nhất ngày 10 tháng 3, 6, 9 và 12", KIND_DATE, (D(2021, 3, 10), D(2021, 6, 10), D(2021, 9, 10), D(2021, 12, 10))),
    ("Tháng 6 và tháng 12", KIND_MONTH, (D(2021, 6, 30), D(2021, 12, 31))),  # no day: the months' ends
    ("Trước ngày 20/11 (hằng năm)", KIND_RECURRING, (D(2021, 11, 20),)),
    # Part of a month is due as the month is; "Đến (hết)" a period, "Nửa đầu năm"; a verb before the wording.
    ("Đầu tháng 6", KIND_MONTH, (D(2021, 6, 30),)),
    ("Giữa tháng 6/2021", KIND_MONTH, (D(2021, 6, 30),)),
    ("Thượng tuần tháng 3", KIND_MONTH, (D(2021, 3, 31),)),
    ("Trung tuần tháng 3", KIND_MONTH, (D(2021, 3, 31),)),
    ("Hạ tuần tháng 12/2021", KIND_MONTH, (D(2021, 12, 31),)),
    ("Đến hết tháng 9/2021", KIND_MONTH, (D(2021, 9, 30),)),
    ("Đến tháng 6", KIND_MONTH, (D(2021, 6, 30),)),
    ("Đến hết quý II/2021", KIND_QUARTER, (D(2021, 6, 30),)),
    ("Đến hết năm 2021", KIND_YEAR, (D(2021, 12, 31),)),
    ("Đến năm 2025", KIND_YEAR, (D(2025, 12, 31),)),
    ("Đến hết năm", KIND_YEAR, (D(2021, 12, 31),)),
    ("Nửa đầu năm", KIND_HALF_YEAR, (D(2021, 6, 30),)),
    ("Nửa cuối năm 2021", KIND_HALF_YEAR, (D(2021, 12, 31),)),
    ("Thực hiện thường xuyên", KIND_RECURRING, ()),
    ("Thường xuyên trong năm", KIND_RECURRING, ()),
    # With its year: ongoing, not due on 31/12 as the hint "Trong năm 2027" would have it.
    ("Thường xuyên trong năm 2027", KIND_RECURRING, ()),
    ("Thường xuyên năm 2021", KIND_RECURRING, ()),
    ("Liên tục trong năm 2021", KIND_RECURRING, ()),
    ("Thường xuyên liên tục", KIND_RECURRING, ()),
    ("Hoàn thành trước ngày 30/6/2021", KIND_DATE, (D(2021, 6, 30),)),
    ("Hoàn thành xong trong quý III", KIND_QUARTER, (D(2021, 9, 30),)),
    ("Thực hiện hằng quý", KIND_RECURRING, (D(2021, 3, 31), D(2021, 6, 30), D(2021, 9, 30), D(2021, 12, 31))),
    ("Thực hiện thường xuyên và hoàn thành trước 30/6", KIND_RECURRING, (D(2021, 6, 30),)),
    # Whose plan, rule or direction it is does not change the kind; a date after a comma is still read.
    ("Theo kế hoạch của Bộ Nội vụ", KIND_AS_PLANNED, ()),
    ("Theo kế hoạch của Bộ Lao động - Thương binh và Xã hội", KIND_AS_PLANNED, ()),
    ("Theo quy định của đơn vị", KIND_AS_REGULATED, ()),  # "vị": no quarter "VI"
    ("Theo lộ trình của Chính phủ", KIND_AS_PLANNED, ()),
    ("Theo quy định của pháp luật", KIND_AS_REGULATED, ()),
    ("Theo chỉ đạo của UBND tỉnh", KIND_AFTER_EVENT, ()),
    ("Theo yêu cầu của Sở Nội vụ", KIND_AFTER_EVENT, ()),
    ("Theo hướng dẫn của Bộ Nội vụ", KIND_AFTER_EVENT, ()),
    ("Theo hướng dẫn", KIND_AFTER_EVENT, ()),
    ("Theo kế hoạch của Bộ, trước ngày 30/6", KIND_DATE, (D(2021, 6, 30),)),
    # ... but a date after it, joined by "và" or on the next line, is its own part: never swallowed by "Theo …".
    ("Theo kế hoạch và Quý IV", KIND_QUARTER, (D(2021, 12, 31),)),
    ("Theo kế hoạch\nQuý IV", KIND_QUARTER, (D(2021, 12, 31),)),
    ("Theo quy định và Quý II", KIND_QUARTER, (D(2021, 6, 30),)),
    ("Theo yêu cầu và hết quý II", KIND_QUARTER, (D(2021, 6, 30),)),
    # A part with a separator of its own.
    ("Định kỳ 6 tháng, năm; Quý IV/2021", KIND_RECURRING, (D(2021, 6, 30), D(2021, 12, 31))),
    ("Quý III/2021; Định kỳ 6 tháng, năm", KIND_RECURRING, (D(2021, 6, 30), D(2021, 9, 30), D(2021, 12, 31))),
    ("Định kỳ 6 tháng, năm và Quý IV/2021", KIND_RECURRING, (D(2021, 6, 30), D(2021, 12, 31))),
    ("Tháng 3, 9/2021; Quý IV/2021", KIND_MONTH, (D(2021, 3, 31), D(2021, 9, 30), D(2021, 12, 31))),
    # A cell's full stop, and one wording a line, as Word cells are typed.
    ("Quý IV/2021.", KIND_QUARTER, (D(2021, 12, 31),)),
    ("Tháng 12/2021 .", KIND_MONTH, (D(2021, 12, 31),)),
    ("Quý II/2021\nQuý IV/2021", KIND_QUARTER, (D(2021, 6, 30), D(2021, 12, 31))),
    ("Trước ngày 15\ntháng 6/2021", KIND_DATE, (D(2021, 6, 15),)),
    # A period, then the day within it that it is due by: that day only, once a period of a recurring one.
    ("Hằng năm, trước ngày 15/12", KIND_RECURRING, (D(2021, 12, 15),)),
    ("Định kỳ hằng năm, trước ngày 30/11", KIND_RECURRING, (D(2021, 11, 30),)),
    ("Hằng năm (trước ngày 15/12)", KIND_RECURRING, (D(2021, 12, 15),)),
    ("Hàng năm (trước 15/12)", KIND_RECURRING, (D(2021, 12, 15),)),
    ("Hằng quý, trước ngày 10 của tháng cuối quý", KIND_RECURRING, (D(2021, 3, 10), D(2021, 6, 10), D(2021, 9, 10), D(2021, 12, 10))),
    ("Hằng tháng, trước ngày 25", KIND_RECURRING, tuple(D(2021, month, 25) for month in range(1, 13))),
    ("Quý III/2021 (trước ngày 15/9)", KIND_DATE, (D(2021, 9, 15),)),
    ("Năm 2020 (trước 15/12)", KIND_DATE, (D(2020, 12, 15),)),  # the day is in the period's year, not the plan's
    ("Quý II, trước ngày 15/6", KIND_DATE, (D(2021, 6, 15),)),
    ("Báo cáo hằng năm, trước ngày 15/12", KIND_RECURRING, (D(2021, 12, 15),)),  # a verb before the period
    ("Thực hiện hằng tháng, trước ngày 25", KIND_RECURRING, tuple(D(2021, month, 25) for month in range(1, 13))),
    ("Quý II hằng năm, trước ngày 15/6", KIND_RECURRING, (D(2021, 6, 15),)),  # a period each year
    ("Tháng 12 hằng năm (trước ngày 15/12)", KIND_RECURRING, (D(2021, 12, 15),)),
    # ... a day outside the period is a date of its own, and a list of periods is not refined.
    ("Quý II, trước ngày 15/9", KIND_QUARTER, (D(2021, 6, 30), D(2021, 9, 15))),
    ("Hằng năm, trước ngày 15/12/2023", KIND_RECURRING, (D(2021, 12, 31), D(2023, 12, 15))),
    ("Quý II, IV/2021", KIND_QUARTER, (D(2021, 6, 30), D(2021, 12, 31))),
    ("Tháng 6, tháng 12", KIND_MONTH, (D(2021, 6, 30), D(2021, 12, 31))),
    # ... and within a list of wordings, a pair of them is read so.
    ("Hằng năm, trước ngày 15/12 và Quý II", KIND_RECURRING, (D(2021, 6, 30), D(2021, 12, 15))),
    ("Quý II/2021, Quý III/2021 (trước ngày 15/9)", KIND_QUARTER, (D(2021, 6, 30), D(2021, 9, 15))),
    ("Hằng tháng, trước ngày 25; Hằng năm (trước ngày 15/12)", KIND_RECURRING,
     tuple(sorted({D(2021, month, 25) for month in range(1, 13)} | {D(2021, 12, 15)}))),
    # Close variants real plans write.
    ("Năm 2021 và những năm tiếp theo", KIND_YEAR, (D(2021, 12, 31),)),
    ("Quý IV/2021 và các năm tiếp theo", KIND_QUARTER, (D(2021, 12, 31),)),
    ("Đến 30/6/2021", KIND_DATE, (D(2021, 6, 30),)),
    ("Đến hết ngày 30/6", KIND_DATE, (D(2021, 6, 30),)),
    ("Triển khai thường xuyên", KIND_RECURRING, ()),
    ("Thường xuyên, báo cáo hằng quý", KIND_RECURRING, (D(2021, 3, 31), D(2021, 6, 30), D(2021, 9, 30), D(2021, 12, 31))),
    ("Theo văn bản hướng dẫn của tỉnh", KIND_AFTER_EVENT, ()),
    ("Quý II hằng năm", KIND_RECURRING, (D(2021, 6, 30),)),
    ("Định kỳ hàng tháng, quý, năm", KIND_RECURRING, tuple(month_end(2021, month) for month in range(1, 13))),
    ("06 tháng đầu năm 2021", KIND_HALF_YEAR, (D(2021, 6, 30),)),
    # The reporting periods a report row lists, bare or with "hằng"/"định kỳ": each recurs.
    ("Hằng quý, 6 tháng, năm", KIND_RECURRING, (D(2021, 3, 31), D(2021, 6, 30), D(2021, 9, 30), D(2021, 12, 31))),
    ("Định kỳ quý, 6 tháng, năm", KIND_RECURRING, (D(2021, 3, 31), D(2021, 6, 30), D(2021, 9, 30), D(2021, 12, 31))),
    ("Quý, 6 tháng và năm", KIND_RECURRING, (D(2021, 3, 31), D(2021, 6, 30), D(2021, 9, 30), D(2021, 12, 31))),
    ("Đột xuất", KIND_AFTER_EVENT, ()),
    ("Định kỳ hoặc đột xuất", KIND_RECURRING, ()),
    ("Theo định kỳ", KIND_RECURRING, ()),
    ("Thường xuyên hằng năm", KIND_RECURRING, ()),
    ("Từ nay đến hết năm 2021", KIND_YEAR, (D(2021, 12, 31),)),
    ("06 tháng cuối năm", KIND_HALF_YEAR, (D(2021, 12, 31),)),
    ("Định kỳ 06 tháng, năm", KIND_RECURRING, (D(2021, 6, 30), D(2021, 12, 31))),
    ("6 tháng, năm", KIND_RECURRING, (D(2021, 6, 30), D(2021, 12, 31))),
    ("Tháng 4/2021 - tháng 5/2021", KIND_MONTH, (D(2021, 5, 31),)),
    ("Tháng 11/2021 - 2/2022", KIND_MONTH, (D(2022, 2, 28),)),
    ("Từ tháng 4/2021 đến hết tháng 5/2021", KIND_MONTH, (D(2021, 5, 31),)),
    ("Quý IV/2020 - Quý I/2021", KIND_QUARTER, (D(2021, 3, 31),)),
    # A start and no end: ongoing from then, never a date cchc would have to invent.
    ("Từ tháng 01/2025", KIND_RECURRING, ()),
    ("Từ năm 2022 trở đi", KIND_RECURRING, ()),
    ("Triển khai từ quý II/2021", KIND_RECURRING, ()),
    ("Từ ngày 01/7/2021", KIND_RECURRING, ()),
    ("Từ tháng 6", KIND_RECURRING, ()),
    # A period, then a day for each of its periods: those days only (late work was counted on time by the ends).
    ("Định kỳ 6 tháng, trước ngày 15/6 và 15/12", KIND_RECURRING, (D(2021, 6, 15), D(2021, 12, 15))),
    ("Định kỳ 6 tháng, trước ngày 15 tháng 6 và tháng 12", KIND_RECURRING, (D(2021, 6, 15), D(2021, 12, 15))),
    ("Hằng quý, trước ngày 15/3, 15/6, 15/9, 15/12", KIND_RECURRING, (D(2021, 3, 15), D(2021, 6, 15), D(2021, 9, 15), D(2021, 12, 15))),
    ("Báo cáo định kỳ hằng quý, trước ngày 15/3, 15/6, 15/9, 15/12", KIND_RECURRING, (D(2021, 3, 15), D(2021, 6, 15), D(2021, 9, 15), D(2021, 12, 15))),
    ("Hằng quý, trước ngày 15/3; 15/6; 15/9; 15/12", KIND_RECURRING, (D(2021, 3, 15), D(2021, 6, 15), D(2021, 9, 15), D(2021, 12, 15))),
    ("Định kỳ 6 tháng, trước ngày 15/6, 15/12 và Quý IV/2021", KIND_RECURRING, (D(2021, 6, 15), D(2021, 12, 15), D(2021, 12, 31))),
]


@pytest.mark.parametrize(("text", "kind", "due"), MORE_REAL_WORDINGS)
def test_more_real_wordings(text: str, kind: str, due: tuple) -> None:
    deadline = parse_deadline(text, 2021)
    assert (deadline.kind, deadline.due) == (kind, due)


def test_a_joined_wording_with_an_impossible_part_is_unknown_or_impossible() -> None:
    with pytest.raises(DeadlineError):
        parse_deadline("Tháng 6/2021 và tháng 13/2021", 2021)
    with pytest.raises(DeadlineError):
        parse_deadline("Từ tháng 7 đến tháng 6/2021", 2021)


UNKNOWN = [
    "Đầu năm",
    "Năm 21",
    "Năm 20211",
    "Năm",
    "Tháng 6/2021 và ngay sau đó",
    "Hàng năm 2021",
    "Sau khiếu nại",
    "Theo kế hoạch 2021",
    # A time after "Theo …" that is no wording of its own: an error, never read as no date.
    "Theo kế hoạch quý IV",
    "Theo kế hoạch (Quý IV)",
    "Theo kế hoạch đến cuối năm",
    "Theo kế hoạch của tỉnh đến hết Quý IV",
    "Trước",
    "x\ny",
    "15 hằng tháng",
    "Tháng 006/2021",
    "Tháng ٣/٢٠٢١",  # Arabic-Indic digits are not plan digits
    "Tháng ²/2021",  # str.isdigit() says yes; the grammar says no
    "Năm ２０２１",  # full-width digits
    # "Từ" before what is no start in time.
    "Từ nay",
    "Từ hằng năm",
    "Từ thường xuyên",
]


@pytest.mark.parametrize("text", [
    "Từ tháng 01/2025 đến nay",
    # A range or a list after "Từ" names its end: never read as ongoing, which would drop the end's date.
    "Từ tháng 3-6/2021", "Từ quý I-II/2021", "Từ năm 2021-2022", "Từ giai đoạn 2021-2025", "Từ tháng 3, 6/2025",
    "Từ tháng 3 và 6/2025",
    # A start within a list would move the list's other dates ("Hằng quý" from June has no 31/3).
    "Hằng quý, từ tháng 6/2021", "Từ tháng 6/2025, hằng quý", "Từ tháng 3/2021; Quý IV/2021",
])
def test_a_start_that_is_not_the_whole_wording_or_not_one_time_is_unknown(text: str) -> None:
    with pytest.raises(DeadlineError) as info:
        parse_deadline(text, PLAN_YEAR)
    assert info.value.key == "deadline.unknown"

PLAN_YEAR = 2021


@pytest.mark.parametrize(("text", "kind", "due"), [
    # A remark in brackets that says nothing of when (an audit's wordings from district plans, refused before).
    ("Tháng 3/2021 (dự kiến)", KIND_MONTH, (D(2021, 3, 31),)),
    ("Quý II/2021 (dự kiến).", KIND_QUARTER, (D(2021, 6, 30),)),
    # A span of years written out: the span "Năm 2021-2025".
    ("Từ năm 2021 đến năm 2025", KIND_YEAR, (D(2025, 12, 31),)),
    ("Từ năm 2021 đến hết năm 2025", KIND_YEAR, (D(2025, 12, 31),)),
    # "Theo tiến độ" of something: as planned.
    ("Theo tiến độ dự án", KIND_AS_PLANNED, ()),
    ("theo tiến độ của Đề án", KIND_AS_PLANNED, ()),
    # "Theo đề xuất (đề nghị) của …": when someone asks, as "Theo yêu cầu".
    ("Theo đề xuất của các đơn vị", KIND_AFTER_EVENT, ()),
    ("Theo đề nghị của Sở Nội vụ", KIND_AFTER_EVENT, ()),
])
def test_remarks_spans_written_out_and_progress_of_a_project(text: str, kind: str, due: tuple) -> None:
    deadline = parse_deadline(text, PLAN_YEAR)
    assert (deadline.kind, deadline.due, deadline.text) == (kind, due, text)


@pytest.mark.parametrize("text", [
    "Tháng 6 (hằng năm) (dự kiến) Quý",  # a remark that is not at the end
    "Theo tiến độ dự án Quý IV",  # a time named: not merely as planned
    "Theo tiến độ dự án trong năm",
    "Tháng 3/2021 (tháng 9/2021)",  # a bracket with a time in it is no remark
])
def test_a_remark_or_a_progress_wording_that_names_a_time_is_not_dropped(text: str) -> None:
    with pytest.raises(DeadlineError):
        parse_deadline(text, PLAN_YEAR)


@pytest.mark.parametrize(("text", "kind", "due"), EXAMPLES_WITH_YEAR)
def test_wordings_with_their_own_year(text: str, kind: str, due: tuple[date, ...]) -> None:
    assert parse_deadline(text) == Deadline(text, kind, due)
    assert parse_deadline(text, 2035) == Deadline(text, kind, due)


@pytest.mark.parametrize(("text", "kind", "due"), EXAMPLES_IN_PLAN_YEAR)
def test_wordings_in_the_plan_year(text: str, kind: str, due: tuple[date, ...]) -> None:
    assert parse_deadline(text, PLAN_YEAR) == Deadline(text, kind, due)
    shifted = parse_deadline(text, 2024)
    assert [d.year for d in shifted.due] == [2024] * len(due)


@pytest.mark.parametrize(("text", "kind", "due"), EXAMPLES_IN_PLAN_YEAR)
def test_wordings_in_the_plan_year_need_a_year(text: str, kind: str, due: tuple[date, ...]) -> None:
    with pytest.raises(DeadlineError) as info:
        parse_deadline(text)
    assert (info.value.key, info.value.params) == ("deadline.no-year", {"text": text})


def test_plan_year_out_of_range_is_a_deadline_error() -> None:
    with pytest.raises(DeadlineError) as info:
        parse_deadline("Hằng quý", 1800)
    assert info.value.key == "deadline.bad-year" and info.value.params["year"] == 1800


@pytest.mark.parametrize("text", REAL_PLAN)
def test_real_plan_wordings(text: str) -> None:
    result = parse_deadline(text, PLAN_YEAR)
    assert (result.kind, result.due) == EXPECTED[text]
    assert result.text == text


def test_every_kind_is_reachable_and_listed_in_order() -> None:
    assert KINDS == (
        "date", "month", "quarter", "half_year", "year",
        "recurring", "after_event", "as_planned", "as_regulated", "unspecified",
    )
    assert {kind for _, kind, _ in EXAMPLES_WITH_YEAR} == set(KINDS)


def test_text_is_kept_verbatim() -> None:
    raw = "  quý  ii ,iv / 2021  "
    assert parse_deadline(raw).text == raw


def test_deadline_is_frozen_and_slotted() -> None:
    result = parse_deadline("Quý I/2021")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.kind = KIND_YEAR  # type: ignore[misc]
    assert not hasattr(result, "__dict__")


def test_parse_is_cached_on_text_and_year() -> None:
    assert parse_deadline("Hằng quý", 2021) is parse_deadline("Hằng quý", 2021)
    assert parse_deadline("Hằng quý", 2021) != parse_deadline("Hằng quý", 2022)
    assert parse_deadline.cache_info().maxsize


def test_month_end() -> None:
    assert month_end(2024, 2) == D(2024, 2, 29)
    assert month_end(2100, 2) == D(2100, 2, 28)
    assert month_end(2021, 12) == D(2021, 12, 31)


@pytest.mark.parametrize(("text", "key", "params"), IMPOSSIBLE)
def test_impossible_values(text: str, key: str, params: dict) -> None:
    with pytest.raises(DeadlineError) as info:
        parse_deadline(text, PLAN_YEAR)
    error = info.value
    assert error.key == key
    assert error.params["text"] == text
    assert params.items() <= error.params.items()
    assert str(error) == render(key, error.params, "en")
    assert f'"{text}"' in str(error)
    assert "\n" not in str(error)


@pytest.mark.parametrize("text", UNKNOWN)
def test_unknown_wordings(text: str) -> None:
    with pytest.raises(DeadlineError) as info:
        parse_deadline(text, PLAN_YEAR)
    error = info.value
    assert error.key == "deadline.unknown"
    assert error.params["text"] == text
    # A model wording, or one with the wording's own numbers in its place ("Theo kế hoạch quý IV": "Quý IV"): one that reads.
    assert parse_deadline(error.params["example"], PLAN_YEAR).kind in KINDS
    message = str(error)
    assert message.startswith("cannot read the deadline")
    assert "\n" not in message


@pytest.mark.parametrize(
    ("text", "example"),
    [
        ("Qúy 2 năm 2021 xong", "Quý II/2021"),
        ("Quy 2 nam 2021 xong", "Quý II/2021"),
        ("Đầu quý II/2021", "Quý II/2021"),
        ("Quý 2, 4 năm 2021 xong", "Quý II, IV/2021"),
        ("Thang 6 nam 2021 roi", "Tháng 6/2021"),
        ("thang 6/21", "Tháng 6/2021"),
        ("6/2021", "Tháng 6/2021"),
        # Their numbers fit a month, not the quarter closer by characters: "Quý II/2021" was told before.
        ("10/2021", "Tháng 10/2021"),
        ("12/2021", "Tháng 12/2021"),
        ("Tháng 12 mỗi năm", "Tháng 12 hằng năm"),
        ("Trước ngày 15-12-2021", "Trước ngày 15/12/2021"),
        ("Truoc ngay 15.12.2021", "Trước ngày 15/12/2021"),
        # A day with dashes was told the range of months "Tháng 6-7/2021", which means something else.
        ("30-6-2021", "Ngày 30/6/2021"),
        ("30 - 06 - 2021", "Ngày 30/06/2021"),
        ("Năm 21", "Năm 2021"),
        ("Sau", "Sau khi có văn bản hướng dẫn"),
        ("Theo", "Theo kế hoạch"),
        ("Thực hiện", "Thường xuyên"),
    ],
)
def test_unknown_wording_is_told_the_closest_form(text: str, example: str) -> None:
    with pytest.raises(DeadlineError) as info:
        parse_deadline(text, PLAN_YEAR)
    assert info.value.key == "deadline.unknown"
    assert info.value.params["example"] == example


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_model_wording_parses_and_is_its_own_closest_form(example: str) -> None:
    assert parse_deadline(example, PLAN_YEAR).kind in KINDS
    assert closest_example(example) == example


def test_error_is_a_value_error_and_pickles() -> None:
    assert issubclass(DeadlineError, ValueError)
    with pytest.raises(DeadlineError) as info:
        parse_deadline("Tháng 13/2021")
    copy = pickle.loads(pickle.dumps(info.value))
    assert (copy.key, copy.params, str(copy)) == (info.value.key, info.value.params, str(info.value))


# -- messages -------------------------------------------------------------------

def _raised_keys() -> dict[str, dict]:
    found: dict[str, dict] = {}
    cases = [(text, PLAN_YEAR) for text, _, _ in IMPOSSIBLE] + [(text, PLAN_YEAR) for text in UNKNOWN]
    cases.append(("Hằng quý", None))
    for text, year in cases:
        try:
            parse_deadline(text, year)
        except DeadlineError as exc:
            found.setdefault(exc.key, exc.params)
    return found


def test_every_message_is_raised_and_every_raised_key_has_a_message() -> None:
    raised = _raised_keys()
    assert set(raised) == set(MESSAGES)
    assert all(key.startswith("deadline.") for key in MESSAGES)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_messages_render_in_both_languages(lang: str) -> None:
    for key, params in _raised_keys().items():
        text = render(key, params, lang)
        assert not text.startswith(key), key  # found in the catalogue
        assert "{" not in text and "\n" not in text
        assert '"' + params["text"].replace("\n", "\\n")[:50] in text


def test_vietnamese_and_english_differ_and_use_the_same_fields() -> None:
    import string

    for key, (vi, en) in MESSAGES.items():
        assert vi != en, key
        fields = [{name for _, name, _, _ in string.Formatter().parse(t) if name} for t in (vi, en)]
        assert fields[0] == fields[1], key
        assert "{text!q}" in vi and "{text!q}" in en, key


def test_vietnamese_message_for_an_impossible_month() -> None:
    with pytest.raises(DeadlineError) as info:
        parse_deadline("Tháng 13/2021")
    assert render(info.value.key, info.value.params, "vi") == (
        'thời hạn "Tháng 13/2021" ghi tháng 13, nhưng tháng chỉ từ 1 đến 12'
    )


# -- safety and speed -------------------------------------------------------------

HOSTILE = [
    "1/" * 25_000,
    "quy " * 20_000,
    "thang 1," * 20_000 + "x",
    "Tháng " + "1," * 25_000 + "x",
    "Quý " + "I," * 25_000 + "x",
    "Quý " + "I và " * 10_000 + "x",
    "Năm " + "2021-" * 10_000,
    "Trước ngày " + "1/" * 25_000 + "x",
    "0123456789/,- " * 4_000,
    "sau khi " * 6_000,
    " / " * 20_000,
    "1" * 50_000,
    "hằng " * 10_000,
    "ngày 1 " * 8_000 + "hằng tháng",
]


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: repr(t[:12]))
def test_hostile_input_is_refused_quickly(text: str) -> None:
    started = time.perf_counter()
    with pytest.raises(DeadlineError):
        parse_deadline(text, PLAN_YEAR)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("text", HOSTILE + ["a" * 50_000 + " (x", "(" * 50_000, "a (" * 20_000 + "x)"], ids=lambda t: repr(t[:12]))
def test_the_period_then_day_patterns_are_linear(text: str) -> None:
    key = deadlines.folded_wording(text)
    started = time.perf_counter()
    for pattern in deadlines._PERIOD_THEN_DAY:
        pattern.fullmatch(key)
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: repr(t[:12]))
def test_every_pattern_is_linear_on_hostile_input(text: str) -> None:
    # parse_deadline refuses long wordings before matching; the patterns must be safe anyway.
    key = deadlines.folded_wording(text)
    patterns = [pattern for pattern, _ in deadlines._RULES]
    started = time.perf_counter()
    for candidate in (key, "thang " + key, "quy " + key, "truoc ngay " + key, "nam " + key):
        for pattern in patterns:
            pattern.fullmatch(candidate)
            pattern.fullmatch(candidate + "x")
    deadlines._LIST_SEP.split(key)
    closest_example(text)
    assert time.perf_counter() - started < 1.0


# -- property tests -----------------------------------------------------------------

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
    word = _random_case(draw, draw(st.sampled_from(["Tháng", "Trong tháng"])))
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


@given(st.integers(1, 12), st.integers(1900, 2199))
def test_month_without_year_takes_the_plan_year(month: int, year: int) -> None:
    assert parse_deadline(f"Tháng {month}", year).due == (month_end(year, month),)


@given(st.integers(1, 12), st.integers(1, 12), st.integers(1900, 2199))
def test_month_range_is_due_at_its_end(first: int, last: int, year: int) -> None:
    text = f"Tháng {first}-{last}/{year}"
    if last < first:
        with pytest.raises(DeadlineError) as info:
            parse_deadline(text)
        assert info.value.key == "deadline.reversed-range"
    else:
        assert parse_deadline(text).due == (month_end(year, last),)


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@given(
    st.lists(st.integers(1, 4), min_size=1, max_size=4, unique=True),
    st.integers(1900, 2199),
    st.sampled_from([", ", " và ", " và Quý ", ","]),
    st.booleans(),
)
def test_quarter_subsets(quarters: list[int], year: int, sep: str, roman: bool) -> None:
    names = [ROMAN[q] if roman else str(q) for q in quarters]
    result = parse_deadline(f"Quý {sep.join(names)}/{year}")
    assert result.kind == KIND_QUARTER
    assert result.due == tuple(month_end(year, 3 * q) for q in sorted(quarters))


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)), st.sampled_from(
    ["Trước ngày {d}/{m}/{y}", "Ngày {d}/{m}/{y}", "Chậm nhất là ngày {d}/{m}/{y}", "{y}-{m:02d}-{d:02d}",
     "Trước ngày {d} tháng {m} năm {y}"]
))
def test_dates_are_due_that_day(day: date, form: str) -> None:
    result = parse_deadline(form.format(d=day.day, m=day.month, y=day.year))
    assert (result.kind, result.due) == (KIND_DATE, (day,))


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)))
def test_day_and_month_take_the_plan_year(day: date) -> None:
    assert parse_deadline(f"Trước ngày {day.day}/{day.month}", day.year).due == (day,)
    assert parse_deadline(f"Trước ngày {day.day}/{day.month} hằng năm", day.year).due == (day,)


@given(st.integers(1, 31), st.integers(1900, 2199))
def test_day_of_each_month_falls_within_every_month(day: int, year: int) -> None:
    result = parse_deadline(f"Trước ngày {day} hằng tháng", year)
    assert result.kind == KIND_RECURRING
    assert [(d.year, d.month) for d in result.due] == [(year, m) for m in range(1, 13)]
    assert all(d.day == min(day, calendar.monthrange(year, d.month)[1]) for d in result.due)


@settings(max_examples=500)
@given(st.text(), st.one_of(st.none(), st.integers(1900, 2199)))
def test_only_deadline_error_escapes(text: str, year: int | None) -> None:
    _check_only_deadline_error(text, year)


# Words of the grammar, so random wordings get past the first look.
VOCABULARY = [
    "Tháng", "Quý", "Quí", "năm", "Năm", "ngày", "Trước", "Chậm nhất", "là", "Hằng", "Hàng", "của",
    "mỗi", "cuối", "cùng", "đầu", "Trong", "Cả", "Giai đoạn", "và", "kỳ báo cáo", "Sáu", "6", "I", "II", "IV",
    "V", "0", "1", "12", "13", "31", "32", "2021", "1899", "2200", "0000", "/", ",", "-", "–", " ", "Sau khi",
    "Khi có", "Theo", "kế hoạch", "quy định", "²", "٣",
]


@settings(max_examples=1000)
@given(
    st.lists(st.sampled_from(VOCABULARY), max_size=10).map(" ".join),
    st.one_of(st.none(), st.integers(1900, 2199)),
)
def test_grammar_like_text_only_raises_deadline_error(text: str, year: int | None) -> None:
    _check_only_deadline_error(text, year)


def _check_only_deadline_error(text: str, year: int | None) -> None:
    try:
        result = parse_deadline(text, year)
    except DeadlineError as err:
        assert err.key in MESSAGES
        assert err.params["text"] == text
        assert "\n" not in str(err)
        render(err.key, err.params, "vi")
        return
    assert result.kind in KINDS
    assert result.text == text
    assert list(result.due) == sorted(set(result.due))
    assert all(MIN_YEAR <= d.year <= MAX_YEAR for d in result.due)


@given(
    st.sampled_from(REAL_PLAN),
    st.sampled_from(["NFC", "NFD", "NFKD"]),
    st.sampled_from([str.upper, str.lower, str.title, str.casefold, lambda s: s]),
)
def test_variants_parse_like_the_original(text: str, form: str, case) -> None:
    original = parse_deadline(text, PLAN_YEAR)
    variant = unicodedata.normalize(form, case(text))
    result = parse_deadline(variant, PLAN_YEAR)
    assert (result.kind, result.due) == (original.kind, original.due)
    assert result.text == variant


def test_the_closest_form_is_given_in_the_plans_year() -> None:
    with pytest.raises(DeadlineError) as info:
        parse_deadline("Đầu năm 2026", 2026)
    assert "2026" in info.value.params["example"] and "2021" not in info.value.params["example"]
    assert closest_example("Giai đoạn 2026 - 2030 nhé", 2026) == "Giai đoạn 2026-2030"
    assert closest_example("Đầu năm 2026") == closest_example("Đầu năm 2026", 2021)


def _closest_as_first_written(text: str, year: int | None) -> str:
    """closest_example as it was first written: every example's words and characters compared in full."""
    import difflib

    from cchc.deadline_forms import EXAMPLES, _example_shapes, _shape

    shape, words = _shape(text)
    best, best_score = EXAMPLES[0], (-1.0, -1.0)
    for example_shape, example_words, example in _example_shapes():
        score = (
            difflib.SequenceMatcher(None, example_words, words, autojunk=False).ratio(),
            difflib.SequenceMatcher(None, example_shape, shape, autojunk=False).ratio(),
        )
        if score > best_score:
            best, best_score = example, score
    return best if year is None else best.replace("2025", str(year + 4)).replace("2021", str(year))


_WORDS = ["Quý", "quý", "Tháng", "tháng", "năm", "Trước", "ngày", "hằng", "Hàng", "đầu", "cuối", "I", "II", "IV", "6", "12", "2021",
          "/", "-", "và", "thường", "xuyên", "khi", "có", "văn", "bản", "báo", "cáo", "kỳ", "xong", "30", "15/12"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8), st.sampled_from([None, 2021, 2026]))
def test_the_closest_example_is_the_one_every_comparison_finds(words, year):
    """Compared once per set of words, and only where a bound says an example can be closer: the same example."""
    from cchc.deadline_forms import closest_form

    text = " ".join(words)
    assert closest_form(text, year) == _closest_as_first_written(text, year)


@pytest.mark.parametrize(
    "text, example",
    [("Đầu quý III/2021", "Quý III/2021"), ("Khoảng tháng 9/2021", "Tháng 9/2021"), ("Trước Tết", "Trước ngày 30/6"),
     ("Khoảng tháng 13", "Tháng 6"),
     # Numbers of other roles (a second year, a batch's number) are no day or month of the example's.
     ("Khoảng tháng 6/2021 - tháng 2/2022", "Ngày 15/12/2021"), ("Quý II/2021 (Khóa 1); Quý IV/2021 (Khóa 2)", "Quý II/2021"),
     # A quarter or a month written short is told as the grammar writes that quarter or month, never another form
     # that takes its number ("Q4/2021" was told "Tháng 4/2021", "Q4" "Tháng 4 hằng năm", "06-2021" "Năm 2021-2025").
     ("Q2/2021", "Quý II/2021"), ("Q.4/2021", "Quý IV/2021"), ("q3-2021", "Quý III/2021"), ("Q4", "Quý IV"), ("Q1", "Quý I"),
     ("Q 4 năm 2021", "Quý IV/2021"), ("Q5/2021", "Quý II/2021"), ("06-2021", "Tháng 6/2021"), ("6.2021", "Tháng 6/2021"),
     ("2021-06", "Tháng 6/2021"), ("2021/12", "Tháng 12/2021"), ("Q1-Q2/2021", "Quý I-II/2021"), ("q3-4", "Quý III-IV"),
     # A number no month is ("13-2021", "2021-22": a span of years?) is told no month.
     ("13-2021", "Năm 2021-2025"), ("2021-22", "Năm 2021-2025"),
     # A month said by its name ("tháng tư" was told "Tháng 6/2021"), not one a year may stand for ("tháng năm 2021").
     ("tháng tư/2021", "Tháng 4/2021"), ("Tháng Giêng năm 2021", "Tháng 1/2021"), ("tháng chạp 2021", "Tháng 12/2021"),
     ("tháng mười một/2021", "Tháng 11/2021"), ("Tháng Bảy", "Tháng 7"), ("tháng năm 2021", "Năm 2021")],
)
def test_the_closest_form_is_shown_with_the_wordings_own_numbers_when_they_read(text: str, example: str) -> None:
    # A clerk copying the suggestion must not get another quarter or month than the document's (the example's own
    # numbers stay only where the wording has none of that kind, or its own would make no date).
    with pytest.raises(DeadlineError) as info:
        parse_deadline(text, PLAN_YEAR)
    assert info.value.params["example"] == example


@pytest.mark.parametrize(
    "text, example",
    [
        # A hint never says another period than the wording's: each was told a month's or dropped its recurrence.
        ("Hằng quý, trước ngày 20", "Hằng quý"),  # was "Trước ngày 20 hằng tháng"
        ("Mỗi quý một lần, trước ngày 20", "Hằng quý"),  # was "Trước ngày 20 hằng tháng"
        ("Hằng quý (trước ngày 15)", "Hằng quý"),  # was "Trước ngày 30/6"
        ("Quý 2 hằng năm nhé", "Quý II"),  # was "Tháng 2 hằng năm"
        ("Hằng năm, trước ngày 20/11 nhé", "Trước ngày 20/11 hằng năm"),  # was "Trước ngày 20/11"
        ("Theo kế hoạch quý IV", "Quý IV"),  # was "Theo kế hoạch"
        ("Cuối tháng mười 2021", "Tháng 10/2021"),  # a month named in words after "cuối": was "Tháng 6"
        ("Cuối quý", "Hằng quý"),
    ],
)
def test_the_closest_form_keeps_the_wordings_period(text: str, example: str) -> None:
    with pytest.raises(DeadlineError) as info:
        parse_deadline(text, PLAN_YEAR)
    assert info.value.params["example"] == example


def test_a_quarters_end_without_its_number_is_told_the_recurring_form() -> None:
    # "Cuối quý" with no quarter in a year's plan is the end of each quarter: never one quarter the clerk did not write.
    with pytest.raises(DeadlineError) as info:
        parse_deadline("Cuối quý", 2026)
    assert info.value.params["example"] == "Hằng quý"


@pytest.mark.parametrize("text", [
    ", ".join(["Quý I/2021", "Quý II/2021", "Quý III/2021", "Quý IV/2021"] * 3),
    ", ".join(["Hằng quý", "15/3"] * 6),
    ", ".join(["Hằng quý"] + ["15/3"] * 10 + ["xyz"]),
])
def test_a_long_list_is_read_with_work_in_proportion_to_its_parts(monkeypatch, text) -> None:
    # Trying each period with every list after it as its days doubled the work with each part (12 parts: 0.09 s).
    import cchc.deadlines as grammar

    calls = []
    match = grammar._match
    monkeypatch.setattr(grammar, "_match", lambda *args: calls.append(args) or match(*args))
    try:
        parse_deadline(text, PLAN_YEAR + 7)  # a year not read before: nothing cached
    except DeadlineError:
        pass
    assert len(calls) <= 12 * 12


@pytest.mark.parametrize("text", ["Định kỳ 6 tháng, Hằng năm và tháng 3", "Định kỳ 6 tháng, 15/9, tháng 3"])
def test_a_period_or_a_month_after_a_period_is_not_one_of_its_days(text) -> None:
    # "Hằng năm và tháng 3", "15/9, tháng 3" are no list of days within each half year: 30/6 stays.
    assert date(2028, 6, 30) in parse_deadline(text, 2028).due


@pytest.mark.parametrize("text, kind, due", [
    ("Quý II, năm 2026", KIND_QUARTER, (date(2026, 6, 30),)),
    ("Tháng 6, năm 2026", "month", (date(2026, 6, 30),)),
    ("Ngày 15/6, năm 2026", "date", (date(2026, 6, 15),)),
    ("Trước ngày 30/6, năm 2026", "date", (date(2026, 6, 30),)),
    ("Quý III/2026, năm 2026", KIND_QUARTER, (date(2026, 9, 30),)),
    ("Tháng 6 và tháng 12, năm 2026", "month", (date(2026, 6, 30), date(2026, 12, 31))),
    ("Báo cáo quý II, trong năm 2026", KIND_QUARTER, (date(2026, 6, 30),)),
])
def test_a_year_after_a_comma_is_the_year_of_the_wording_before(text, kind, due) -> None:
    # A clerk reads "Quý II, năm 2026" as Quý II/2026: it was also due 31/12/2026, so work done late counted as on time,
    # and in a plan of another year the quarter was that year's.
    for plan_year in (2025, 2026):
        found = parse_deadline(text, plan_year)
        assert (found.kind, found.due) == (kind, due), (text, plan_year)


@pytest.mark.parametrize("text, due", [
    ("Quý IV/2025, năm 2026", (date(2025, 12, 31), date(2026, 12, 31))),  # a year of its own before: two dates
    ("Hằng quý, năm 2026", (date(2025, 3, 31), date(2025, 6, 30), date(2025, 9, 30), date(2025, 12, 31), date(2026, 12, 31))),
])
def test_a_year_after_another_year_or_a_recurring_wording_is_a_part_of_its_own(text, due) -> None:
    assert parse_deadline(text, 2025).due == due


@pytest.mark.parametrize("text, due", [
    ("Tháng 6, năm 2026; tháng 9, năm 2026", (date(2026, 6, 30), date(2026, 9, 30))),
    ("Quý II, năm 2026 và Quý III, năm 2026", (date(2026, 6, 30), date(2026, 9, 30))),
    ("Quý II, năm 2026\nQuý III, năm 2026", (date(2026, 6, 30), date(2026, 9, 30))),
    # Each month before the year, up to the ";": June was the plan's.
    ("Tháng 6 và tháng 9, năm 2027; tháng 12, năm 2028", (date(2027, 6, 30), date(2027, 9, 30), date(2028, 12, 31))),
    ("Tháng 6, tháng 9, năm 2027; tháng 12, năm 2028", (date(2027, 6, 30), date(2027, 9, 30), date(2028, 12, 31))),
    ("Quý I hoặc quý II, năm 2027; quý IV, năm 2028", (date(2027, 3, 31), date(2027, 6, 30), date(2028, 12, 31))),
    # A year of its own before stays its own; the year after the comma is the next month's.
    ("Tháng 3/2026 và tháng 9, năm 2027; tháng 12, năm 2028", (date(2026, 3, 31), date(2027, 9, 30), date(2028, 12, 31))),
])
def test_each_part_of_a_list_takes_the_year_after_its_comma(text, due):
    # Only a year at the very end was read so: each "…, năm 2026" of a list added 31/12/2026, and took the plan's year.
    assert parse_deadline(text, 2020).due == due


def test_a_day_before_a_year_after_a_comma_goes_on_to_a_bare_month_after_it():
    # "ngày 15" of the part with its year was no longer the day of "tháng 12" after it: due 31/12, not 15/12.
    due = parse_deadline("Trước ngày 15 tháng 6 và tháng 9, năm 2027 và tháng 12", 2026).due
    assert due == (date(2026, 12, 15), date(2027, 6, 15), date(2027, 9, 15))


@pytest.mark.parametrize("text, due", [
    # A review caught the day carried on to a month that has no such day: an error where the wording read before.
    ("Trước ngày 31 tháng 12, năm 2026 và tháng 6 năm 2027", (date(2026, 12, 31), date(2027, 6, 30))),
    ("Trước ngày 31 tháng 3 và tháng 6", (date(2026, 3, 31), date(2026, 6, 30))),
    # Not past the ";" after a year of its own; past a ";" between bare months it does, as offices list them.
    ("Ngày 15 tháng 3, năm 2027; tháng 9", (date(2026, 9, 30), date(2027, 3, 15))),
    ("Trước ngày 15 tháng 6; tháng 12", (date(2026, 6, 15), date(2026, 12, 15))),
    ("Ngày 20 tháng 3; 6; 9; 12", (date(2026, 3, 20), date(2026, 6, 20), date(2026, 9, 20), date(2026, 12, 20))),
])
def test_a_day_goes_on_to_a_bare_month_only_where_the_month_has_it(text, due):
    assert parse_deadline(text, 2026).due == due


def test_a_day_a_bare_number_month_lacks_is_still_said_precisely():
    with pytest.raises(DeadlineError, match="no day 31"):
        parse_deadline("Trước ngày 31 tháng 1, 2, 3", 2026)


@pytest.mark.parametrize("text, due", [
    # The year that ends a list of days is every day's before it: 15/6 was the plan's year, and "due --month 2027-06" empty.
    ("Trước ngày 15/6 và 15/12/2027", (date(2027, 6, 15), date(2027, 12, 15))),
    ("Ngày 15/6, 15/12/2027", (date(2027, 6, 15), date(2027, 12, 15))),
    ("Ngày 15/6 và ngày 15/12/2027", (date(2027, 6, 15), date(2027, 12, 15))),
    ("Trước ngày 15 tháng 6 và tháng 12 năm 2027", (date(2027, 6, 15), date(2027, 12, 15))),
    ("Ngày 15/6 và 15/12/2025", (date(2025, 6, 15), date(2025, 12, 15))),  # last year's: validate's deadline-year says so
    # A day with a year of its own keeps it; not past a ";".
    ("Ngày 15/6/2026 và 15/12/2027", (date(2026, 6, 15), date(2027, 12, 15))),
    ("Ngày 15/6; 15/12/2027", (date(2026, 6, 15), date(2027, 12, 15))),
])
def test_a_year_that_ends_a_list_of_days_is_each_days(text, due):
    assert parse_deadline(text, 2026).due == due


@pytest.mark.parametrize("text, due", [
    # A day for all but one of the periods (the last quarter's report is the year's): those days. Each quarter's end
    # was added too, 31/3, 30/6, 30/9 and 31/12, in calendars and the overdue list.
    ("Hằng quý, trước ngày 15/3, 15/6, 15/9", (date(2026, 3, 15), date(2026, 6, 15), date(2026, 9, 15))),
    # Fewer, or two in one quarter, or a period where the days were: each read as before.
    ("Hằng quý, trước ngày 15/3, 20/3, 15/9",
     (date(2026, 3, 15), date(2026, 3, 20), date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 15), date(2026, 9, 30), date(2026, 12, 31))),
    ("Hằng quý, Định kỳ 6 tháng, năm", (date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 30), date(2026, 12, 31))),
])
def test_a_recurring_period_with_a_day_for_all_but_one_of_its_periods_is_due_on_those_days(text, due):
    assert parse_deadline(text, 2026).due == due


@pytest.mark.parametrize("text, due", [
    # Each was an error where a reading was expected (an import of a district's plan left them for the editor).
    ("9 tháng đầu năm", (date(2021, 9, 30),)), ("3 tháng đầu năm 2021", (date(2021, 3, 31),)),
    ("Từ 01/3 đến 30/6/2021", (date(2021, 6, 30),)), ("Từ ngày 15/12/2020 đến ngày 15/2/2021", (date(2021, 2, 15),)),
    ("Thời gian: Quý II/2021", (date(2021, 6, 30),)), ("Thời hạn hoàn thành: Tháng 6/2021", (date(2021, 6, 30),)),
    ("Tháng 9/2021 (định kỳ)", (date(2021, 9, 30),)),
    ("- Tháng 3/2021\n- Tháng 9/2021", (date(2021, 3, 31), date(2021, 9, 30))),  # bullets: no range "3/2021-tháng 9"
    ("+ Quý I/2021\n+ Quý III/2021", (date(2021, 3, 31), date(2021, 9, 30))),
    ("Tháng 3/2021 (đợt 1)\nTháng 9/2021 (đợt 2)", (date(2021, 3, 31), date(2021, 9, 30))),
    ("Quý II/2021 (Đợt 1); Quý IV/2021 (Đợt 2)", (date(2021, 6, 30), date(2021, 12, 31))),
])
def test_wordings_offices_write_around_a_deadline_are_read(text, due):
    assert parse_deadline(text, 2021).due == due


def test_a_span_of_days_that_ends_before_it_starts_is_no_deadline():
    with pytest.raises(DeadlineError):
        parse_deadline("Từ 15/3 đến 15/2/2021", 2021)


@pytest.mark.parametrize("text, due", [
    # A review: the year carried back past the new year put "20/12" a year late, out of the list's order.
    ("Trước ngày 20/12 và 15/01/2027", (date(2026, 12, 20), date(2027, 1, 15))),
    ("Ngày 30/12 và ngày 15/01/2027", (date(2026, 12, 30), date(2027, 1, 15))),
    # … and missed a verb before the first day, and a year written "15/12 năm 2027" or "tháng 12/2027".
    ("Hoàn thành trước ngày 15/6 và 15/12/2027", (date(2027, 6, 15), date(2027, 12, 15))),
    ("Hoàn thành trước ngày 05/7, 25/9, 15/12/2027", (date(2027, 7, 5), date(2027, 9, 25), date(2027, 12, 15))),
    ("Trước ngày 15/6 và 15/12 năm 2027", (date(2027, 6, 15), date(2027, 12, 15))),
    ("Trước ngày 15 tháng 6 và tháng 12/2027", (date(2027, 6, 15), date(2027, 12, 15))),
])
def test_a_years_carried_back_only_to_the_days_before_it_in_the_year(text, due):
    assert parse_deadline(text, 2026).due == due


@pytest.mark.parametrize("text, count", [
    # A review: a period other than the last without its day dropped that period (nothing due in the first quarter).
    ("Hằng quý, trước ngày 15/6, 15/9, 15/12", 7), ("Hằng quý, trước ngày 15/3, 15/6, 15/12", 7), ("Hằng quý, trước ngày 15/3, 15/6, 15/9", 3),
])
def test_only_the_last_periods_day_may_be_missing(text, count):
    assert len(parse_deadline(text, 2026).due) == count
