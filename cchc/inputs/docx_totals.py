"""The words a task table's totals are written in: the total's lines under a table, a figure in English style, and
the rows under the total that break it down ("Trong đó:", then "- Ngân sách huyện | 20"), which are no tasks.

No pattern here can match the same characters in two ways: each runs in linear time.
"""

from __future__ import annotations

import re

#: "Bằng chữ:" or "(Bằng chữ:": the total in words follows.
WORDS = re.compile(r"(?i)\(?bằng\s+chữ\s*:?")
#: "Tổng kinh phí: 200.000.000đ (…)" under a table.
SUM_IN_DONG = re.compile(r"(?i)tổng\s+kinh\s+phí\s*:\s*(?P<amount>[0-9][0-9.,]*\s*(?:(?:triệu|tỷ|tỉ)(?:\s*đồng)?|tr\.?\s*đ(?:ồng)?|đồng|đ|vnđ|vnd))\.?(?P<rest>.*)", re.S)
#: "Kinh phí: <note>" under a table.
NOTE = re.compile(r"(?i)kinh\s+phí\s*:\s*(?P<note>\S.*)", re.S)
#: A figure written the English way, and read so: two commas between thousands ("15,000,000"), or one before a point.
ENGLISH_FIGURE = re.compile(r"(?<![0-9.,])[0-9]{1,3}(?:(?:,[0-9]{3}){2,}(?![0-9])|(?:,[0-9]{3})+\.[0-9])")
#: "Trong đó" ("of which"), a word of its own ("Trong đóng" is not).
_OF_WHICH = re.compile(r"(?i)trong\s+đó(?!\w)")
#: A part of a total broken down: after a dash or a bullet, or a small letter's label ("a)", "b.").
_PART = re.compile(r"[-+•–—*]|[a-zđ][.)](?:\s|$)")


def breaks_down_total(first: str, after_total: bool, breaking_down: bool) -> bool:
    """Whether a row whose first cell is *first*, with no agency nor deadline, breaks down the total: "Trong đó:"
    ("of which") on the row read after the total (*after_total*; empty rows and headings typed again between),
    or a part after it while *breaking_down* ("- Ngân sách huyện | 20", "a) | Nguồn xã hội hóa | 10"). A row of
    another kind (a section's heading, a numbered item) ends the breakdown."""
    return (after_total and _OF_WHICH.match(first) is not None) or (breaking_down and _PART.match(first) is not None)
