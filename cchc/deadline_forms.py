"""The model wordings of the deadline grammar, and the one closest to a wording it does not read.

``cchc.deadlines`` reads the wordings; an unknown one is told the model wording
(``EXAMPLES``) most like it, with its own numbers in place of the model's where
they read. Both work on the folded wording (``folded_wording``).
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from itertools import chain

from cchc.deadline_kinds import QUARTER_NUMBERS, QUARTER_ROMANS
from cchc.text import fold

#: How much of an unknown wording is compared with the model wordings.
COMPARED_LENGTH = 200

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
    "Cuối năm 2021",
    "Ngày 15/12/2021",
    "Trước ngày 15/12/2021",
    "Chậm nhất là ngày 15/12/2021",
    "Trước ngày 30/6",
    "Hằng năm",
    "Hằng quý",
    "Hằng tháng",
    "Trước ngày 20/11 hằng năm",
    "Tháng 12 hằng năm",
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

_SPACED_PUNCT = re.compile(r" ?([/,-]) ?")
_QUI = re.compile(r"\bqui\b")
#: Hyphens, en and em dashes and the minus sign all write a range.
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))


#: A remark in brackets at a wording's end that says nothing of when: "Tháng 3/2021 (dự kiến)" is due as "Tháng 3/2021".
_REMARK = re.compile(r" ?\((?:du kien|tam tinh|tam thoi|neu co|khi can|dinh ky|(?:dot|lan) [0-9]{1,2})\)(?=;|$)")
#: What a cell may write before or around its wordings: a bullet at a line's start, a label ("Thời gian: Quý II/2021").
_BULLET = re.compile(r"(?m)(?:^|(?<=;))[ \t]*[-+•*][ \t]+")  # each line's (the lines of a cell are joined by ";" too)
_LABEL = re.compile(r"^(?:thoi gian|thoi han)(?: hoan thanh| thuc hien)? ?: ?")
#: "3 tháng đầu năm", "9 tháng đầu năm (2021)": the period to the end of March, of September (as "6 tháng đầu năm" is June's).
_FIRST_MONTHS = re.compile(r"(?:trong )?([39]) thang dau nam(?: ([0-9]{4}))?")
#: "Từ (ngày) 01/3 đến (ngày) 30/6/2021": due on the span's last day (one that ends before it starts is not read so).
_DAY_SPAN = re.compile(r"tu (?:ngay )?([0-9]{1,2})/([0-9]{1,2})(?:/([0-9]{4}))? den (?:het )?(?:ngay )?(([0-9]{1,2})/([0-9]{1,2})(?:/([0-9]{4}))?)")
#: "Từ năm 2021 đến (hết) năm 2025" is the span "Năm 2021-2025".
_YEAR_SPAN = re.compile(r"(?:tu )?nam ([0-9]{4}) den (?:het )?nam ([0-9]{4})")
#: "Theo tiến độ dự án", "theo tiến độ của đề án": as planned, as "Theo tiến độ" (one naming a time is not).
_AS_PLANNED = re.compile(r"(theo tien do) (?![^0-9]*\b(?:quy|thang|nam|ngay|tuan|truoc|cham nhat|hang)\b)[^0-9]*")


def folded_wording(text: str) -> str:
    """The folded wording the patterns read: no case, marks, extra spaces or full stop at the end; "quí" is "quý"."""
    key = _QUI.sub("quy", _SPACED_PUNCT.sub(r"\1", fold(_BULLET.sub("", text)).translate(_DASHES)))
    key = _REMARK.sub("", key.replace("(hang nam)", "hang nam").rstrip(" .")).rstrip(" .")  # "Quý IV/2026.": a cell's full stop
    key = _LABEL.sub("", key)
    if m := _YEAR_SPAN.fullmatch(key) or _AS_PLANNED.fullmatch(key):
        return f"nam {m[1]}-{m[2]}" if m.re is _YEAR_SPAN else m[1]
    if m := _FIRST_MONTHS.fullmatch(key):
        return f"thang {m[1]}/{m[2]}" if m[2] else f"thang {m[1]}"
    if (m := _DAY_SPAN.fullmatch(key)) and (m[3] or m[7] or "", int(m[2]), int(m[1])) <= (m[7] or m[3] or "", int(m[6]), int(m[5])):
        return f"ngay {m[4]}"
    return key


_NUMBER = re.compile(r"[0-9]+|\b(?:i|ii|iii|iv|v|vi)\b")
_TOKEN = re.compile(r"[a-z0]+|[^ a-z0]")


def _shape(text: str) -> tuple[str, tuple[str, ...]]:
    """The folded text, and its words with every number as "0" (a number says little of the form meant)."""
    folded = folded_wording(text[:COMPARED_LENGTH])
    return folded, tuple(_TOKEN.findall(_NUMBER.sub("0", folded)))


@lru_cache(maxsize=1)
def _example_shapes() -> tuple[tuple[str, tuple[str, ...], str], ...]:
    return tuple((*_shape(example), example) for example in EXAMPLES)


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
    return _in_year(best, year)


def _in_year(example: str, year: int | None) -> str:
    """A model wording in the plan's *year* (its 2021 that year, its 2025 four years on)."""
    return example if year is None else example.replace("2025", str(year + 4)).replace("2021", str(year))


def closest_taking_numbers(text: str, year: int | None, reads) -> str:
    """``closest_form`` of *text* with its numbers in place (``with_their_numbers``); when they do not fit it, the
    first example as like *text* by words (then by characters) that takes them and reads: "10/2021" is told
    "Tháng 10/2021", not "Quý II/2021" (as like it by words, closer by characters, but no quarter is 10)."""
    day = _DAY_MONTH_YEAR.fullmatch(text.strip())
    if day and reads(candidate := "Ngày {}/{}/{}".format(*day.group(1, 3, 4))):
        return candidate  # "30-6-2026": that day, written as the grammar writes it, not a range of months
    if (short := _written_short(text, year, reads)) is not None:
        return short
    told = _closest_with_numbers(text, year, reads)
    theirs = _period_words(text)
    lost = _sense_lost(theirs, _period_words(told))
    if lost == 0:
        return told
    # A hint must not say another period than the wording's: "Hằng quý, trước ngày 20" was told "Trước ngày 20 hằng
    # tháng", "Quý 2 hằng năm" "Tháng 2 hằng năm". Of the model wordings that lose the least of it, the closest by words,
    # then letters (a model's numbers never change its period: each is judged once, as written).
    losses = [_sense_lost(theirs, ours) for ours in _example_periods()]
    least = min(losses)
    if least >= lost:
        return told
    shape, words = _shape(text)
    kept = [example for example, loss in zip(_example_shapes(), losses) if loss == least]
    best = max(kept, key=lambda ex: (difflib.SequenceMatcher(None, ex[1], words, autojunk=False).ratio(),
                                     difflib.SequenceMatcher(None, ex[0], shape, autojunk=False).ratio()))
    return with_their_numbers(_in_year(best[2], year), text, reads)


#: The words of a wording's period: a quarter, a month, what recurs ("hằng quý", "mỗi năm"), a quarter's last month.
_PERIOD_WORDS = re.compile(r"\b(?:cuoi quy|quy|thang|(?:hang|moi) (?:quy|thang|nam|tuan))\b")


def _sense_lost(theirs: set[str], ours: set[str]) -> int:
    """How much of a wording's period (*theirs*, ``_period_words``) a hint's (*ours*) would change: a quarter lost, or a
    month put for it (2); the recurrence it writes lost, or another put for it ("hằng tháng" for "hằng quý", 1)."""
    lost = 0
    if "quy" in theirs and ("quy" not in ours or ("thang" in ours and "thang" not in theirs and "cuoi quy" not in ours)):
        lost += 2
    recurs, recurring = ({w for w in words if w.startswith("hang ")} for words in (theirs, ours))
    if recurs and recurs != recurring:  # "hằng năm" left out, or "hằng tháng" put for it
        lost += 1
    return lost


def _period_words(wording: str) -> set[str]:
    """The period words of *wording* (folded): "hằng quý" gives "hang quy" and "quy", "cuối quý" "cuoi quy" and "quy";
    "mỗi" is "hằng"."""
    found = {word.replace("moi ", "hang ") for word in _PERIOD_WORDS.findall(folded_wording(wording[:COMPARED_LENGTH]))}
    return found | {word.split()[1] for word in found if " " in word}


@lru_cache(maxsize=1)
def _example_periods() -> tuple[set[str], ...]:
    return tuple(_period_words(example) for example in EXAMPLES)


def _closest_with_numbers(text: str, year: int | None, reads) -> str:
    best = closest_form(text, year)
    told = with_their_numbers(best, text, reads)
    if told != best:
        return told
    shape, words = _shape(text)
    tied = sorted(_closest_by_words(words), key=lambda pair: -difflib.SequenceMatcher(None, pair[0], shape, autojunk=False).ratio())
    for _, example in tied:
        example = _in_year(example, year)
        if example != best and (other := with_their_numbers(example, text, reads)) != example:
            return other
    return best


#: A quarter, or two, written short: "Q2/2026", "Q.4 năm 2026", "Quý 4", "q3-2026", "Q1-Q2/2026" (folded).
_QUARTER_SHORT = re.compile(
    r"(?:quy|q) ?\.? ?([0-9]{1,3}|iv|i{1,3})(?:-(?:quy|q)? ?\.? ?([0-9]{1,3}|iv|i{1,3}))?(?:(?:[/.-]| nam )([0-9]{4}))?"
)
#: A month and year written with numbers only: "06-2026", "6.2026", "2026-06", "2026/06" (folded).
_MONTH_SHORT = re.compile(r"(?:thang |t ?\.? ?)?([0-9]{1,2})[.-]([0-9]{4})|([0-9]{4})[/.-]([0-9]{1,2})")


def _written_short(text: str, year: int | None, reads) -> str | None:
    """The grammar's wording of a quarter or a month written short ("Q2/2026" is "Quý II/2026", "Q1-Q2/2026" "Quý
    I-II/2026", "06-2026" "Tháng 6/2026"); the model wording of a quarter when its number is none ("Q5/2026" is told
    "Quý II/2026", not "Tháng 5/2026": another form that takes the number would change what was meant); else None."""
    folded = folded_wording(text[:COMPARED_LENGTH])
    if quarter := _QUARTER_SHORT.fullmatch(folded):
        numbers = [QUARTER_NUMBERS.get(q.lstrip("0") if q.isdigit() else q) for q in quarter.group(1, 2) if q]
        romans = [QUARTER_ROMANS[n - 1] if n else None for n in numbers]
        in_year = f"/{quarter[3]}" if quarter[3] else ""
        if all(romans) and reads(candidate := "Quý " + "-".join(romans) + in_year):
            return candidate
        return _in_year(("Quý I-II" if len(romans) > 1 else "Quý II") + ("/2021" if in_year else ""), year)
    month = _MONTH_SHORT.fullmatch(folded)
    number, in_year = ((month[1], month[2]) if month[1] else (month[4], month[3])) if month else ("", "")
    if month and 1 <= int(number) <= 12 and reads(candidate := f"Tháng {int(number)}/{in_year}"):
        return candidate
    if (named := _MONTH_NAMED.fullmatch(folded)) and not (named[1] == "nam" and named[2] == " "):  # "tháng năm 2026": of a year?
        candidate = f"Tháng {_MONTH_NAMES[named[1]]}" + (f"/{named[3]}" if named[3] else "")
        if reads(candidate):
            return candidate
    return None  # no month ("2025/26", "13-2026": a span of years?): the closest form by likeness


#: The months' names as people say them: "tháng tư" is April, "tháng giêng" January, "tháng chạp" December (folded).
_MONTH_NAMES = {
    "gieng": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
    "muoi": 10, "muoi mot": 11, "muoi hai": 12, "chap": 12,
}
_MONTH_NAMED = re.compile(r"(?:(?:cuoi|dau|giua|trong|vao) )?thang (" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")(?:([/.-]| nam | )([0-9]{4}))?")


_ROMAN_WORD = re.compile(r"\b(?:IV|I{1,3})\b")
#: A day written with dashes or dots between its numbers: "30-6-2026", "30.06.2026".
_DAY_MONTH_YEAR = re.compile(r"\b([0-9]{1,2})\s*([-.])\s*([0-9]{1,2})\s*\2\s*([0-9]{4})\b")
_DIGITS = re.compile(r"[0-9]+")


def with_their_numbers(example: str, text: str, reads) -> str:
    """*example* with the numbers the wording wrote in place of its own, kind for kind (years, other numbers,
    quarters in Roman numerals), when the two have as many of every kind and the result reads: "Đầu quý III/2026" is
    told "Quý III/2026", not the example's "Quý II/2026"; else *example* as it is. *reads* says whether a wording
    reads (the grammar's, ``cchc.deadlines``)."""
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
    if any(len(theirs[kind]) != len(places) for kind, places in slots.items()):
        return example  # numbers of other roles ("Đợt 1", a second year): no place of the example is theirs
    changed = False
    for kind, places in slots.items():
        if places:
            for at, value in zip(places, theirs[kind]):
                changed = changed or pieces[at] != value
                pieces[at] = value
    if not changed:
        return example
    candidate = "".join(pieces)
    return candidate if reads(candidate) else example


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


#: "năm 2026" as a part of a list of wordings, folded: the year of the wording before it ("Quý II, năm 2026").
YEAR_PART = re.compile(r"(?:trong |cua )?nam (?P<year>[0-9]{4})")


def year_after(parts: list[str], joins: list[str], at: int) -> tuple[str, int] | None:
    """The parts from *at* to the first "năm Y" after a comma, joined again, up to a ";" ("Tháng 6 và tháng 9, năm
    2027; …": both in 2027), and the index of the part after the year; None when no year closes them so."""
    end = at + 1
    while end < len(parts) and joins[end - 1] != ";" and not YEAR_PART.fullmatch(parts[end]):
        end += 1
    if end == len(parts) or joins[end - 1] != ",":
        return None
    return "".join(chain.from_iterable(zip(parts[at:end], joins[at:end]))) + parts[end], end + 1


#: A day written without its year ("trước ngày 15/6", "hoàn thành trước ngày 15 tháng 6"), and one written with it
#: ("15/12/2027", "15/12 năm 2027", "tháng 12 năm 2027", "tháng 12/2027"), as parts of a list (folded).
_DAY_ALONE = re.compile(r"(?:.* )?(?:ngay )?(?P<day>[0-9]{1,2})(?:/| thang )(?P<month>[0-9]{1,2})")
_DAY_WITH_YEAR = re.compile(
    r"(?:.* )?(?:(?P<day>[0-9]{1,2})/(?P<month>[0-9]{1,2})(?:/| nam )|(?:ngay (?P<lead>[0-9]{1,2}) )?thang (?P<alone>[0-9]{1,2})(?: nam |/))(?P<year>[0-9]{4})"
)


def years_back(parts: list[str], joins: list[str]) -> tuple[list[str], list[str]]:
    """*parts* with the year of a day that ends a list of days given to the days before it that have none, up to a ";"
    and never to a day later in the year than that one ("Trước ngày 15/6 và 15/12/2027": both in 2027; "ngày 15 tháng 6
    và tháng 12 năm 2027"; but "Trước ngày 20/12 và 15/01/2027": 20/12 of the year before), and *joins*."""
    carried, year, last = list(parts), None, (0, 0)
    for at in range(len(parts) - 1, -1, -1):
        if joins[at] == ";":  # not past a ";", as a year after a comma (``year_after``)
            year = None
        if found := _DAY_WITH_YEAR.fullmatch(parts[at]):
            year = found["year"]
            last = (int(found["month"] or found["alone"]), int(found["day"] or found["lead"] or 31))
        elif year and (found := _DAY_ALONE.fullmatch(parts[at])) and (int(found["month"]), int(found["day"])) <= last:
            carried[at] += f"/{year}" if "/" in parts[at] else f" nam {year}"
            last = (int(found["month"]), int(found["day"]))
        else:
            year = None
    return carried, joins

