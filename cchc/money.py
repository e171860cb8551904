"""Money the way Vietnamese administrative documents write it.

Figures use "." for thousands and "," for decimals ("1.234,5 đ"); amounts in words
follow the formal style of financial documents ("Một triệu không trăm linh năm nghìn
đồng"). Pure stdlib, cheap to import.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import MAX_PREC, Decimal, Inexact, localcontext

__all__ = [
    "MILLION",
    "million_to_vnd",
    "format_vnd",
    "format_million",
    "format_number",
    "amount_in_words",
    "words_to_amount",
]

MILLION = 1_000_000
_LIMIT = 10**15
#: The largest amount a plan may hold, in million VND (a sane bound; beyond it is an error).
MAX_MILLION = 10**15
#: Decimals of an amount in million VND: six make one đồng.
MAX_DECIMALS = 6

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def _to_decimal(value: int | Decimal) -> Decimal:
    # Floats are refused: Decimal(0.1) would silently carry binary noise into money.
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise TypeError(f"expected int or Decimal, got {type(value).__name__}")
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"not a finite amount: {value}")
    return number


def exact_sum(amounts) -> int | Decimal:
    """The exact sum of int and Decimal amounts, whatever their digits (no rounding at 28 digits)."""
    total: int | Decimal = 0
    with localcontext() as context:
        context.prec = MAX_PREC
        context.traps[Inexact] = True
        for amount in amounts:
            total += amount
    return total


def million_in_words(million: int | Decimal) -> str | None:
    """An amount in million VND read out in words, or None when it cannot be (negative, a fraction of a đồng)."""
    try:
        return amount_in_words(million_to_vnd(million))
    except ValueError:
        return None


def million_to_vnd(million: int | Decimal) -> Decimal:
    """Amount in million VND -> amount in đồng (exact, whatever the precision)."""
    sign, digits, exponent = _to_decimal(million).as_tuple()
    # Shifting the exponent is exact; multiplying would round at the context precision.
    shifted = Decimal((sign, digits, exponent + 6))
    whole = int(shifted)
    return Decimal(whole) if whole == shifted else shifted


def vnd_to_million(amount_vnd: int | Decimal) -> int | Decimal:
    """Amount in đồng -> amount in million VND (exact: the exponent shifted back, as ``million_to_vnd``)."""
    sign, digits, exponent = _to_decimal(amount_vnd).as_tuple()
    exponent -= 6
    while exponent < 0 and digits[-1] == 0:  # 125500000 đ: 125,5, not 125,500000 (no rounding)
        digits, exponent = digits[:-1] or (0,), exponent + 1
    shifted = Decimal((sign, digits, exponent))
    return int(shifted) if exponent >= 0 else shifted


def format_number(value: int | Decimal) -> str:
    """Vietnamese figure without unit: 1500 -> "1.500", Decimal("-2.50") -> "-2,5"."""
    number = _to_decimal(value)
    if number == 0:
        return "0"  # also covers Decimal("-0")
    # copy_abs() and format(..., "f") are exact; abs() and normalize() round long values.
    text = format(number.copy_abs(), "f")
    whole, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0")
    result = f"{int(whole):,}".replace(",", ".")
    if fraction:
        result += "," + fraction
    return "-" + result if number < 0 else result


def format_vnd(amount_vnd: int | Decimal) -> str:
    """Amount in đồng as a figure: 200000000 -> "200.000.000 đ", Decimal("1234.5") -> "1.234,5 đ"."""
    return format_number(amount_vnd) + " đ"


def format_million(million: int | Decimal) -> str:
    """Amount in million đồng: Decimal("2.5") -> "2,5 triệu đồng", 1500 -> "1.500 triệu đồng"."""
    return format_number(million) + " triệu đồng"


# --- number -> words -------------------------------------------------------------


def _tens_and_units(tens: int, units: int) -> list[str]:
    """Words for the last two digits of a group (never empty unless both are zero)."""
    if tens == 0:
        return [_DIGITS[units]] if units else []
    words = ["mười"] if tens == 1 else [_DIGITS[tens], "mươi"]
    if units == 1:
        words.append("mốt" if tens >= 2 else "một")
    elif units == 4:
        words.append("tư" if tens >= 2 else "bốn")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(_DIGITS[units])
    return words


def _group_words(group: int, leading: bool) -> list[str]:
    """Words for a non-zero group of three digits; only the leading group may be short."""
    hundreds, tens, units = group // 100, group // 10 % 10, group % 10
    if leading and hundreds == 0:
        return _tens_and_units(tens, units)
    words = [_DIGITS[hundreds], "trăm"]
    if tens == 0 and units:
        words.append("linh")
    return words + _tens_and_units(tens, units)


def amount_in_words(amount_vnd: int | Decimal) -> str:
    """The amount in formal words, capitalised: 1005000 -> "Một triệu không trăm linh năm nghìn đồng".

    Groups of three digits are read with nghìn/triệu/tỷ (then "nghìn tỷ"); a zero group
    is skipped, every other group after the first is read in full ("không trăm", "linh").
    "chẵn" is appended to a round amount: at least 1.000 with a single non-zero group
    ("Hai trăm triệu đồng chẵn"). Raises ValueError for negative, fractional or >= 10**15.
    """
    number = _to_decimal(amount_vnd)
    amount = int(number)
    if amount != number:
        raise ValueError(f"not a whole number of đồng: {amount_vnd}")
    if not 0 <= amount < _LIMIT:
        raise ValueError(f"amount out of range [0, 10**15): {amount_vnd}")
    if amount == 0:
        return "Không đồng"

    # Thousands of tỷ are read "nghìn tỷ", so "tỷ" closes the whole upper part and
    # is said even when its own group is zero (10**12 -> "một nghìn tỷ").
    groups = [amount // 1000**power % 1000 for power in range(4, -1, -1)]
    scales = ["nghìn", "tỷ", "triệu", "nghìn", ""]
    words: list[str] = []
    for group, scale in zip(groups, scales):
        if group:
            words += _group_words(group, leading=not words)
        if scale and (group or (scale == "tỷ" and groups[0])):
            words.append(scale)
    words.append("đồng")
    if amount >= 1000 and sum(1 for group in groups if group) == 1:
        words.append("chẵn")
    text = " ".join(words)
    return text[0].upper() + text[1:]


# --- words -> number -------------------------------------------------------------

# Written independently of the reader above: it accepts the formal style and the
# colloquial variants people type in forms (lẻ, ngàn, tỉ, "hai mươi một", ...).
_DIGIT_VALUES = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4,
    "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}
_SYNONYMS = {"lẻ": "linh", "ngàn": "nghìn", "tỉ": "tỷ"}
# Highest scale first; the part before a scale word is parsed with the smaller scales.
_SCALES = (("tỷ", 10**9), ("triệu", 10**6), ("nghìn", 10**3))


class WordsError(ValueError):
    """Words that are no amount; *part*: the words that could not be read, when some can be named."""

    def __init__(self, reason: str, part: str | None = None):
        super().__init__(reason)
        self.part = part


def _digit(word: str) -> int:
    try:
        return _DIGIT_VALUES[word]
    except KeyError:
        raise WordsError(f"not a digit word: {word!r}", word) from None


def _parse_group(tokens: list[str]) -> int:
    """0..999 from e.g. ["hai", "trăm", "linh", "năm"]; empty means 0."""
    value = 0
    if len(tokens) >= 2 and tokens[1] == "trăm":
        value, tokens = 100 * _digit(tokens[0]), tokens[2:]
    match tokens:
        case []:
            return value
        case ["linh", units] if _digit(units):
            return value + _digit(units)
        case ["mười"]:
            return value + 10
        case ["mười", units] if _digit(units):
            return value + 10 + _digit(units)
        case [tens, "mươi"] if _digit(tens) >= 2:
            return value + 10 * _digit(tens)
        case [tens, "mươi", units] if _digit(tens) >= 2 and _digit(units):
            return value + 10 * _digit(tens) + _digit(units)
        case [units] if _digit(units):
            return value + _digit(units)
    raise WordsError(f"cannot read {' '.join(tokens)!r}", " ".join(tokens))


def _parse(tokens: list[str], scales: tuple[tuple[str, int], ...]) -> int:
    for position, (word, size) in enumerate(scales):
        if word in tokens:
            cut = tokens.index(word)
            multiplier = _parse(tokens[:cut], scales[position + 1 :])
            if multiplier == 0:
                raise WordsError(f"nothing before {word!r}", word)
            return multiplier * size + _parse(tokens[cut + 1 :], scales[position + 1 :])
    return _parse_group(tokens)


def words_to_amount(words: str) -> int:
    """Amount in đồng from words, formal or colloquial; ValueError (``WordsError``) if the text is not an amount."""
    if len(words) > 500:
        raise WordsError("too long to be an amount in words")
    words = unicodedata.normalize("NFC", words)
    try:
        return _words_to_amount(words)
    except WordsError as exc:
        if exc.part:  # as the text writes it ("VNĐ", not "vnđ"), when it is there
            found = re.search(r"\s+".join(map(re.escape, exc.part.split())), words, re.IGNORECASE)
            exc.part = found.group() if found else exc.part
        raise


def _words_to_amount(words: str) -> int:
    text = words.lower()
    tokens = [_SYNONYMS.get(token, token) for token in re.findall(r"\w+", text)]
    if tokens and tokens[-1] == "chẵn":
        tokens.pop()
    if tokens and tokens[-1] == "đồng":
        tokens.pop()
    if not tokens:
        raise WordsError(f"no amount in {words!r}")
    if tokens == ["không"]:
        return 0
    amount = _parse(tokens, _SCALES)
    if amount == 0:
        raise WordsError(f"cannot read {words!r}")
    return amount


class RunningSum:
    """The exact sum of the amounts of items added one by one (a text, no amount, counts but adds nothing), and how many
    items (*owner*: the task or section they are in, for ``cchc.inputs.docx_rows``)."""

    __slots__ = ("owner", "total", "count")

    def __init__(self, owner: dict | None = None):
        self.owner = owner
        self.total: int | Decimal = 0
        self.count = 0

    def add(self, budget) -> None:
        self.count += 1
        if isinstance(budget, (int, Decimal)):
            self.total = exact_sum((self.total, budget))

    def of(self, owner: dict | None) -> "RunningSum":
        """This sum when it is *owner*'s, else an empty one (*owner* has no items yet, or there is none)."""
        return self if owner is not None and self.owner is owner else RunningSum(owner)
