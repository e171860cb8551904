"""A table's column headings: which column each names, and the unit of money a budget heading says.

One reading for ``cchc import`` (which finds a Word table's columns so) and for
``validate`` (a plan's own headings, ``plan.headings``, must name their columns
as the import reads them, or the printed plan would come back with a column lost).
"""

from __future__ import annotations

import re
from decimal import Decimal

from cchc.text import fold

#: Headings are at most this long; longer text is data.
HEADING_CHARS = 80
_ROLE_RULES = (
    ("stt", re.compile(r"(?:so )?(?:stt|tt|so thu tu|thu tu)\.?")),
    ("lead", re.compile(r".*\bchu tri\b.*")),
    ("partners", re.compile(r".*\bphoi hop\b.*")),
    ("lead", re.compile(r".*\b(?:phu trach|chiu trach nhiem)\b.*")),
    ("deadline", re.compile(r".*\b(?:thoi gian|thoi han|tien do|thoi diem|han (?:hoan thanh|chot))\b.*")),
    ("budget", re.compile(r".*\b(?:kinh phi|du toan|so tien)\b.*|ngan sach\s*\(\s*(?:trieu|nghin|ngan|ty|dong|vnd|tr)\b.*")),
    ("note", re.compile(r".*\bghi chu\b.*")),
    ("product", re.compile(r".*\b(?:san pham|ket qua)\b.*")),
    ("task", re.compile(r".*\b(?:nhiem vu|cong viec|hoat dong|giai phap)\b.*")),
    ("section", re.compile(r".*\b(?:noi dung|linh vuc)\b.*")),
    ("lead", re.compile(r".*\bthuc hien\b.*")),
)


def role_of(heading: str) -> str | None:
    """The column a heading names ("Cơ quan, đơn vị chủ trì thực hiện" -> "lead"), or None."""
    key = fold(heading)
    if not key or len(key) > HEADING_CHARS:
        return None
    for role, pattern in _ROLE_RULES:
        if pattern.fullmatch(key):
            return role
    return None


def starts_only(heading: str) -> bool:
    """Whether a time heading names the start of a period, not its end ("Thời gian bắt đầu", not "… bắt đầu, hoàn thành")."""
    key = fold(heading)
    return _START.search(key) is not None and _END.search(key) is None


def ends(heading: str) -> bool:
    """Whether a time heading names the end of a period ("Thời gian hoàn thành", "Thời hạn", "Hạn chót")."""
    return _END.search(fold(heading)) is not None


_START = re.compile(r"\b(?:bat dau|khoi cong)\b")
_END = re.compile(r"\b(?:hoan thanh|ket thuc|thoi han|han chot|xong)\b")


def unit_factor(heading: str) -> tuple[int | Decimal, bool]:
    """Million VND per unit of a budget column (by its heading), and whether the unit was only assumed.

    The unit is read as offices abbreviate it: "triệu đồng", "Tr.đồng", "tr đ", "Tr.VNĐ", "trđ";
    "tỷ (đồng)", "Tỷ đ"; "nghìn đồng", "Ng.đồng", "1.000đ"; "đồng", "VNĐ"; "10⁶ đồng", "10^6 đồng". A heading that names two
    different units is read by the first, as assumed; one that names none is taken as million, assumed.
    """
    key = fold(heading)
    found = sorted((match.start(), factor) for factor, pattern in _UNITS if (match := pattern.search(key)))
    if _SCALED.search(key):  # "ngàn triệu đồng", "trăm triệu", "10 triệu", "triệu đồng x 1.000", "triệu USD": no unit cchc reads
        return (found[0][1] if found else 1), True
    if found:
        return found[0][1], len({factor for _, factor in found}) > 1
    if _DONG.search(key):
        return Decimal("0.000001"), False
    return 1, True


#: The units a budget heading names, folded ("tỷ" -> "ty", "đồng" -> "dong"), as million VND each. An abbreviation
#: counts only as a unit ("tr.đ", "Tr đồng", "Tr.VNĐ", never the "Tr.đó" of "trong đó"; "tỷ", "tỉ", never "công ty").
_DONG_WORD = r"(?:dong|vnd|d)\b"
_UNITS = (
    (1000, re.compile(rf"\bt[yi]\s*[.-]?\s*(?:{_DONG_WORD}|(?=\s*[)/,;]|\s*$))(?!\s*le\b)|(?<![0-9.,])10\s*(?:⁹|\^\s*9)\s*{_DONG_WORD}")),
    (1, re.compile(rf"\btrieu\b|\btr\s*\.?\s*{_DONG_WORD}|(?<![0-9.,])1[., ]?000[., ]?000\s*{_DONG_WORD}|(?<![0-9.,])10\s*(?:⁶|\^\s*6)\s*{_DONG_WORD}")),
    (Decimal("0.001"), re.compile(rf"\bnghin\b|\b(?:ngan|ng)\s*\.?\s*{_DONG_WORD}|\bngan\s*\)|(?<![0-9.,])1[., ]?000\s*{_DONG_WORD}|(?<![0-9.,])10\s*(?:³|\^\s*3)\s*{_DONG_WORD}")),
)
_SCALED = re.compile(
    r"\b(?:nghin|ngan|tram|chuc|muoi|(?!0*1\b|(?:19|20|21)[0-9]{2}\b)[0-9]+(?:[.,][0-9]+)*)\s*(?:trieu|ty|ti)\b"
    r"|\b(?:trieu|ty|ti|dong|d)\b\s*(?:x|\*|×)|\b(?:usd|eur|euro|do la)\b|\$"
)
_DONG = re.compile(r"\b(?:dong|vnd)\b|\(\s*d\b")
