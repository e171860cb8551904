"""The words a task table's totals are written in: the total's lines under a table, a figure in English style, and
the rows under the total that break it down ("Trong đó:", then "- Ngân sách huyện | 20"), which are no tasks.

No pattern here can match the same characters in two ways: each runs in linear time.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from cchc.inputs.docx_table import amount_in_million

#: "Bằng chữ:" or "(Bằng chữ:": the total in words follows.
WORDS = re.compile(r"(?i)\(?bằng\s+chữ\s*:?")
#: "Tổng kinh phí: 200.000.000đ (…)", "Tổng cộng: 15 triệu đồng", "Tổng kinh phí thực hiện Kế hoạch: …" under a table.
SUM_IN_DONG = re.compile(r"(?i)tổng\s+(?:cộng|số|(?:số\s+)?kinh\s+phí)(?:\s+[^0-9:\n]{1,40}?)?\s*:\s*(?P<amount>[0-9][0-9.,]*\s*(?:(?:triệu|tỷ|tỉ)(?:\s*đồng)?|tr\.?\s*đ(?:ồng)?|đồng|đ|vnđ|vnd))(?!\w)\.?(?P<rest>.*)", re.S)
#: "Kinh phí: <note>" under a table.
NOTE = re.compile(r"(?i)kinh\s+phí\s*:\s*(?P<note>\S.*)", re.S)
#: A figure written the English way, and read so: two commas between thousands ("15,000,000"), or one before a point;
#: or a decimal point that no thousands follow ("10.5", "12.25": Vietnamese writes 10,5).
ENGLISH_FIGURE = re.compile(r"(?<![0-9.,])(?:[0-9]{1,3}(?:(?:,[0-9]{3}){2,}(?![0-9])|(?:,[0-9]{3})+\.[0-9])|[0-9]+\.(?:[0-9]{1,2}|[0-9]{4,})(?![0-9.,]))")
#: "Trong đó" ("of which"), a word of its own ("Trong đóng" is not).
_OF_WHICH = re.compile(r"(?i)trong\s+đó(?!\w)")
#: What a part of a total broken down begins with: a dash or a bullet (Word's "o", "§" and symbol-font ones too), or
#: a letter's label ("a)", "B."); never a number, which items have.
_PART = re.compile(r"[-+•–—*−·▪■◦◆❖➢§\uf000-\uf0ff]|o(?=\s|$)|[a-zA-ZđĐ][.)](?:\s|$)")


def part_of_total(first: str, budget: str, factor, after_total: bool, left, total):
    """What is left of the total to break down after a row with no agency nor deadline, when the row breaks it
    down; None when it does not. *first* is the row's first cell, *budget* its amount cell (in the column's unit,
    *factor* million đồng), *left* what was left after the row before (None: no breakdown going on; infinite when
    the total is no figure).

    "Trong đó:" ("of which") on the row read after the total (*after_total*; empty rows and headings typed again
    between) starts it; then each row marked as a part ("- Ngân sách tỉnh | 20", "a) … | 10"), whose amount, if
    any, fits in what is left, is one. Any other row ends it: an item (numbered, or with an agency or a deadline)
    is never taken for a part, and a part unmarked stays an item, which validate's total check then shows."""
    found = amount_in_million(budget, factor) if budget else None
    amount = found[0] if found is not None else None
    if after_total and _OF_WHICH.match(first) is not None:
        left = total if isinstance(total, (int, Decimal)) else math.inf
        return left - amount if amount is not None and 0 <= amount <= left else left
    if left is not None and _PART.match(first) is not None and (amount is None or 0 <= amount <= left):
        return left - (amount or 0)
    return None
