"""Vietnamese text as a person reads it: NFC, folding and display width.

``fold`` is for comparing ("so tu phap" equals "Sở Tư pháp"); ``cchc.collation``
orders names the way a Vietnamese dictionary does.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import lru_cache, wraps
from itertools import compress, count
from operator import itemgetter, not_

__all__ = ["nfc", "fold", "cached_when_short", "display_width", "wrap", "layout", "layout_column", "column_lines", "column_facts", "table_column", "once_per_text", "escape_controls", "escape_all", "found_in_any", "quote", "INVISIBLE"]


#: The longest text a cached key function keeps: names and labels are far shorter; a longer text is
#: worked out each time and never kept (a cache of long texts would hold megabytes of a hostile file).
CACHED_CHARS = 300


def cached_when_short(maxsize: int):
    """``lru_cache`` for a function of one text, keeping only texts up to ``CACHED_CHARS`` long."""

    def decorate(function):
        cached = lru_cache(maxsize=maxsize)(function)

        @wraps(function)
        def call(text: str):
            return cached(text) if len(text) <= CACHED_CHARS else function(text)

        call.cache_info, call.cache_clear = cached.cache_info, cached.cache_clear
        return call

    return decorate


def nfc(text: str) -> str:
    """Return *text* in Unicode normal form C (precomposed), the form the plan uses."""
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


#: A tone mark written on the second vowel of a word's closing "oa", "oe", "uy" ("uỷ", "hoà"), and where the other
#: style of writing puts it, the first ("ủy", "hòa"): one word either way.
_SECOND_VOWEL_TONE = re.compile(r"([oòóỏõọuùúủũụ])([àáảãạèéẻẽẹỳýỷỹỵ])(?!\w)")
_TONE_MOVES = {**dict(zip("àáảãạ", "òóỏõọ")), **dict(zip("èéẻẽẹ", "òóỏõọ")), **dict(zip("ỳýỷỹỵ", "ùúủũụ"))}
_BARE = {**dict.fromkeys("àáảãạ", "a"), **dict.fromkeys("èéẻẽẹ", "e"), **dict.fromkeys("ỳýỷỹỵ", "y")}


def one_tone_place(text: str) -> str:
    """*text* (NFC, in lower case) with the tone of each word's closing "oa", "oe", "uy" on its first vowel: "hoà" and
    "hòa", "uỷ" and "ủy" read as one word."""
    return _SECOND_VOWEL_TONE.sub(lambda m: (_TONE_MOVES[m[2]] if m[1] in "ou" else m[1]) + _BARE[m[2]], text)


#: The letters ``fold`` reads as d: đ/Đ, and ð/Ð, which look the same.
_D = str.maketrans("đĐðÐ", "dDdD")


@cached_when_short(maxsize=4096)
def word_key(text: str) -> str:
    """How a word a person types for a code is compared ("Hoàn thành", "in-progress", "in_progress"): folded, "-"
    and "_" as spaces."""
    return " ".join(fold(text.replace("_", " ").replace("-", " ")).split())


def fold(text: str) -> str:
    """Case-, diacritic- and form-insensitive key: "Sở Tư Pháp" -> "so tu phap".

    đ/Đ fold to d, and so do ð/Ð (Latin-1's eth, drawn as đ/Đ: text converted from the old Vietnamese
    fonts holds it); runs of white space collapse to one space.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    if _not_ascii_or_mark().search(decomposed) is None:
        # Vietnamese (or English): ASCII letters and the marks NFD took off them, which are all the
        # text holds beyond ASCII: dropping every non-ASCII character drops exactly the marks.
        bare = decomposed.encode("ascii", "ignore").decode("ascii")
    else:
        bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


@lru_cache(maxsize=1)
def _not_ascii_or_mark() -> re.Pattern:
    """A character that is neither ASCII nor one of the combining marks of U+0300-U+036F (the block of
    Vietnamese's tone and letter marks; its one mark of class 0, U+034F, is left out)."""
    marks = "".join(ch for ch in map(chr, range(0x300, 0x370)) if unicodedata.combining(ch))
    return re.compile(f"[^\x00-\x7f{marks}]")


@lru_cache(maxsize=None)
def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


# ASCII, Latin (Vietnamese's precomposed letters are in Latin Extended
# Additional), Greek, Cyrillic and general punctuation (“ ” – …): blocks where
# nearly every character is one column wide. Only the characters _char_width
# itself measures as one column go into the class, so it is exact for whatever
# Unicode version Python carries.
_NARROW_CANDIDATES = ((0x00, 0x2FF), (0x370, 0x52F), (0x1E00, 0x1FFF), (0x2010, 0x205F), (0x20A0, 0x20CF))


def _class_of(keep) -> re.Pattern:
    """A pattern that finds a character outside the candidate blocks, or one of them *keep* refuses."""
    ranges: list[list[int]] = []
    for lo, hi in _NARROW_CANDIDATES:
        for code in range(lo, hi + 1):
            if not keep(chr(code)):
                continue
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    body = "".join(re.escape(chr(lo)) + ("-" + re.escape(chr(hi)) if hi > lo else "") for lo, hi in ranges)
    return re.compile(f"[^{body}]")


@lru_cache(maxsize=1)
def _not_narrow() -> re.Pattern:
    """A pattern that finds a character that may not be one column wide (built on first use: ~1 ms)."""
    return _class_of(lambda ch: _char_width(ch) == 1)


@lru_cache(maxsize=1)
def _not_plain() -> re.Pattern:
    """A pattern that finds a character that may not be one column wide or that ``escape_controls`` escapes."""
    return _class_of(lambda ch: _char_width(ch) == 1 and _UNSAFE_IN_BMP.match(ch) is None)


def _narrow(text: str) -> bool:
    # Every character one column wide: the display width is the length.
    return text.isascii() or _not_narrow().search(text) is None


def display_width(text: str) -> int:
    """Columns *text* takes in a terminal: combining marks take none, wide characters two."""
    if _narrow(text):
        return len(text)
    return sum(map(_char_width, text))


def wrap(text: str, width: int) -> list[str]:
    """Break *text* into lines of at most *width* display columns, at spaces where possible.

    Words are kept whole unless one is wider than a line, which is cut; the
    spaces where a line breaks, and at the start of a paragraph, are dropped.
    """
    return layout(text, width)[0]


def layout(text: str, width: int | None) -> tuple[list[str], bool]:
    """A table cell's lines: *text* wrapped as ``wrap`` does (only split at its line breaks when *width* is None).

    Also says whether every character is one column wide, so that each line's
    display width is its length.
    """
    paragraphs = text.splitlines() or [""]
    if width is None:
        return paragraphs, all(map(_narrow, paragraphs))
    lines: list[str] = []
    narrow = True
    for paragraph in paragraphs:
        if width < 1 or not _narrow(paragraph):
            narrow = False
            _wrap_measured(paragraph, width, lines)
        elif len(paragraph) <= width and paragraph[:1] != " ":
            lines.append(paragraph)  # most cells: one line that fits
        else:
            _wrap_narrow(paragraph, width, lines)
    return lines, narrow


#: Characters str.splitlines() breaks a line at.
_LINE_BREAK = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_OTHER_BREAK = re.compile("[\r\v\f\x1c-\x1e\x85\u2028\u2029]")


@lru_cache(maxsize=64)
def _lines_pattern(width: int) -> re.Pattern:
    # Matches the lines _wrap_narrow makes of a paragraph with no line break, no space
    # at its start and no two spaces together, when each word fits on a line: the
    # longest run of at most *width* characters up to a space or the end, then the
    # next after that space. A word wider than the line, or a space at the end that
    # the loop would keep, leaves characters unmatched: the caller counts them.
    return re.compile(f"(.{{1,{width}}})(?: |$)")


def once_per_text(function, longest: int = 80):
    """*function* of a text, computed once for each distinct text of at most *longest* characters.

    A table's cells repeat (agency names, deadlines, dates, amounts) while long ones
    (products) seldom do: those are computed each time rather than kept.
    """
    seen: dict = {}

    def remembered(text):
        done = seen.get(text)
        if done is None:
            done = function(text)
            if len(text) <= longest:
                seen[text] = done
        return done

    return remembered


def column_facts(texts: list[str]) -> tuple[bool, str]:
    """What ``layout_column`` needs to know of *texts*, from one look at them all: whether every
    character is one column wide, and their line breaks ("": none, "\\n": newlines only, "any")."""
    joined = "".join(texts)
    if _LINE_BREAK.search(joined) is None:
        breaks = ""
    else:
        breaks = "any" if _OTHER_BREAK.search(joined) else "\n"
    return _narrow(joined), breaks


def table_column(values) -> tuple[list[str], tuple[bool, str]]:
    """A table column's cells as text, escaped (``escape_all``), and their ``column_facts``.

    One scan of them all tells the usual case: nothing to escape, every
    character one column wide, newlines the only breaks.
    """
    texts = [value if type(value) is str else str(value) for value in values]
    joined = "".join(texts)
    if _not_plain().search(joined) is None and "\t" not in joined:
        return texts, (True, "\n" if "\n" in joined else "")
    texts = [text.replace("\t", "\\t") if "\t" in text else text for text in escape_all(texts)]  # a tab would break the columns
    return texts, column_facts(texts)


def layout_column(texts: list[str], width: int | None, facts: tuple[bool, str] | None = None) -> tuple[list[list[str]], bool]:
    """``layout`` of each of *texts* (a table's column), with one scan of them all where one tells enough.

    Gives the lines of each text, and whether every character of them all is one
    column wide. *facts* is ``column_facts`` of *texts*, or of a column they are part of.
    """
    narrow, breaks = facts if facts is not None else column_facts(texts)
    if not narrow:
        return [layout(text, width)[0] for text in texts], False
    if width is None:
        return ([text.splitlines() or [""] for text in texts] if breaks else [[text] for text in texts]), True
    if width < 1:
        return [layout(text, width)[0] for text in texts], True
    if not breaks:
        together = _wrap_together(texts, width)
        if together is not None:
            return together, True
    return list(map(_narrow_lines(width, breaks), texts)), True


def _narrow_lines(width: int, breaks: str):
    """``layout``'s lines of a text whose every character is one column wide, with *breaks* as ``column_facts`` says."""
    findall = _lines_pattern(width).findall

    def lines_of(paragraph: str) -> list[str]:
        if "  " in paragraph or paragraph[:1] == " ":
            return layout(paragraph, width)[0]
        if len(paragraph) <= width:
            return [paragraph]
        lines = findall(paragraph)
        return lines if sum(map(len, lines)) + len(lines) - 1 == len(paragraph) else layout(paragraph, width)[0]

    if not breaks:
        return lines_of
    # "in" finds a newline faster than a search for every kind of break.
    has_break = _LINE_BREAK.search if breaks == "any" else (lambda text: "\n" in text)

    def cell_lines(text: str) -> list[str]:
        if has_break(text):
            return [line for paragraph in text.splitlines() or [""] for line in lines_of(paragraph)]
        return lines_of(text)

    return cell_lines


@lru_cache(maxsize=64)
def _lines_together_pattern(width: int) -> re.Pattern:
    # _lines_pattern over texts joined by newlines, saying where each ends: a line, then " " or "" (a text's end).
    return re.compile(f"(.{{1,{width}}})( |$)", re.MULTILINE)


def _wrap_together(texts: list[str], width: int) -> list[list[str]] | None:
    """The lines of each text (one column wide a character, no line breaks) by one search of them all
    joined; None when that search cannot tell (a word wider than the line, spaces at a start, two spaces
    together, an empty text): the texts are then wrapped one by one."""
    joined = "\n".join(texts)
    if "  " in joined or "\n " in joined or joined[:1] == " " or "" in texts:
        return None
    found = _lines_together_pattern(width).findall(joined)
    lines = list(map(_first, found))
    ends = list(compress(count(1), map(not_, map(_second, found))))  # a text's last line ends at its end, not at a space
    spaces = len(found) - len(ends)
    if len(ends) != len(texts) or sum(map(len, lines)) + spaces + len(texts) - 1 != len(joined):
        return None  # some characters were not matched: a word wider than the line
    return list(map(lines.__getitem__, map(slice, [0, *ends[:-1]], ends)))


_first, _second = itemgetter(0), itemgetter(1)


def column_lines(texts: list[str], width: int | None, facts: tuple[bool, str]) -> tuple[list, bool, bool]:
    """``layout_column`` of a table's column, with less work where a column allows it.

    Gives the cells' lines, whether each text is its own only line (the cells are
    then *texts* themselves, not lists of lines), and whether every character
    is one column wide. A column whose every text is one line that fits (ids,
    dates, amounts, most deadlines) is given back as it is; a text that repeats
    (agency names, dates) is laid out once.
    """
    narrow, breaks = facts
    if narrow and not breaks:
        if width is None:
            return texts, True, True
        if width >= 1 and max(map(len, texts), default=0) <= width:
            joined = "\n".join(texts)
            if "  " not in joined and "\n " not in joined and joined[:1] != " ":
                return texts, True, True  # each text is its only line, as lines_of would give it
    once = list(set(texts))
    if len(once) == len(texts):
        return layout_column(texts, width, facts)[0], False, narrow
    made = dict(zip(once, layout_column(once, width, facts)[0]))
    return list(map(made.__getitem__, texts)), False, narrow


def _wrap_measured(paragraph: str, width: int, lines: list[str]) -> None:
    # One paragraph, word by word, measuring each word's display width.
    line, used = "", 0
    for word in paragraph.split(" "):
        size = display_width(word)
        if not line or used + 1 + size <= width:
            line, used = (f"{line} {word}", used + 1 + size) if line else (word, size)
        else:
            lines.append(line)
            line, used = word, size
        while used > width:  # a word longer than the line: cut it
            cut = _cut_at_width(line, width)
            lines.append(line[:cut])
            line = line[cut:]
            used -= display_width(lines[-1])  # the rest's width: not measured again whole at each cut (quadratic)
    lines.append(line)


def _wrap_narrow(paragraph: str, width: int, lines: list[str]) -> None:
    # _wrap_measured for a paragraph whose every character is one column wide: the same
    # lines, found a line at a time (the last space that fits) instead of a word at a time.
    end = len(paragraph)
    start = 0
    while start < end and paragraph[start] == " ":  # spaces opening a paragraph or a line are dropped
        start += 1
    while end - start > width:
        space = paragraph.find(" ", start, start + width + 1)
        if space < 0:  # the first word is wider than the line: cut it, then go on after the cut
            word_end = paragraph.find(" ", start)
            word_end = end if word_end < 0 else word_end
            while word_end - start > width:
                lines.append(paragraph[start : start + width])
                start += width
            if end - start <= width:
                break
        space = paragraph.rfind(" ", start, start + width + 1)
        lines.append(paragraph[start:space])
        start = space + 1
        while start < end and paragraph[start] == " ":
            start += 1
    lines.append(paragraph[start:end])


def _cut_at_width(text: str, width: int) -> int:
    used = 0
    for index, ch in enumerate(text):
        used += _char_width(ch)
        if used > width:
            return max(index, 1)
    return len(text)


# Characters that must never reach a terminal, a log or a message as they are:
# C0 controls but tab and newline, DEL, C1 controls (NEL included), the line
# and paragraph separators, bidi controls and invisible zero-width characters.
# One character class: the scan is linear whatever the text.
_UNSAFE_BMP = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f"
    "\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb"
)
_UNSAFE_ASTRAL = "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
_UNSAFE = re.compile(f"[{_UNSAFE_BMP}{_UNSAFE_ASTRAL}]")
# The same without the characters beyond U+FFFF: three times faster over a long text, and
# enough for one that holds none (see _may_be_astral).
_UNSAFE_IN_BMP = re.compile(f"[{_UNSAFE_BMP}]")
_UNSAFE_IN_QUOTES = re.compile(_UNSAFE.pattern[:-1] + "\n\t]")
#: Bidi controls, zero-width and blank-looking characters (soft hyphen, Hangul fillers, Braille
#: blank, tag characters, variation selectors and the rest of their block, shorthand and deprecated
#: format controls): invisible, they can
#: make text read or compare differently ("Sở Nội vụ" and "Sở Nội vụ\ufe0f" print alike).
INVISIBLE = re.compile(
    "[\xad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u2800\u3164"
    "\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffc\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U00016fe4\U0001d159"
    "\U000e0000-\U000e0fff]"
)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if code == 0x0A:
        return "\\n"
    if code == 0x09:
        return "\\t"
    if code > 0xFFFF:
        return f"\\U{code:08x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """*text* safe for a terminal: control, bidi and zero-width characters shown as \\x.. / \\u.... (tab and newline kept)."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def _may_be_astral(text: str) -> bool:
    """False only when *text* surely holds no character beyond U+FFFF.

    CPython stores a text with such a character at four bytes a character, any
    other at one or two: the size tells, for a text long enough to matter.
    """
    return len(text) < 256 or sys.implementation.name != "cpython" or sys.getsizeof(text) >= 3 * len(text)


def found_in_any(texts, found: re.Pattern, found_in_bmp: re.Pattern) -> bool:
    """Whether *found* matches in any of *texts* (a character class): one scan of them all, with *found_in_bmp*,
    its twin without the characters beyond U+FFFF, when they surely hold none (faster)."""
    joined = "".join(texts)
    return (found if _may_be_astral(joined) else found_in_bmp).search(joined) is not None


def escape_all(texts: list[str]) -> list[str]:
    """``escape_controls`` of each text; one scan of them all when, as usual, none needs it."""
    if not found_in_any(texts, _UNSAFE, _UNSAFE_IN_BMP):
        return texts
    return [escape_controls(text) for text in texts]


def one_line(text: str) -> str:
    """*text* with line breaks, tabs and unsafe characters escaped (``\\n``): a file name in a one-line message."""
    return _UNSAFE_IN_QUOTES.sub(_escape, text) if _UNSAFE_IN_QUOTES.search(text) else text


def quote(text: str, limit: int = 120) -> str:
    """*text* quoted for a one-line message: "…", with newlines, tabs and unsafe characters escaped, cut at *limit*."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return '"' + one_line(text) + '"'


def roman_numeral(value: int) -> str:
    """1 -> "I", 14 -> "XIV", as sections and lists are numbered; a value outside 1-3999 as its digits."""
    if not 0 < value < 4000:
        return str(value)
    out = []
    for number, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                            (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


#: A document's number and symbol ("106/2020/NĐ-CP", "3669/QĐ-UBND", "03/2018/TT-BNV"). A printed page keeps it on one
#: line: a hyphen at a line's end is taken for a word's hyphenation, and dropped by whoever reads the text back
#: (pdftotext of a PDF, of Word's page as LibreOffice prints it): "NĐ-" + "CP" read "NĐCP".
DOCUMENT_NUMBER = re.compile(r"[0-9]{1,6}/(?:[0-9]{4}/)?[A-ZĐ][0-9A-ZĐa-zđ]{0,15}(?:-[A-ZĐ][0-9A-ZĐa-zđ]{0,15}){1,4}")


def at_number_hyphens(text: str) -> list[str]:
    """*text* cut at each hyphen inside a document number, the hyphens left out: "Số 12/KH-UBND" -> ["Số 12/KH", "UBND"]
    (one piece when there is none)."""
    if "/" not in text:
        return [text]
    pieces, start = [], 0
    for number in DOCUMENT_NUMBER.finditer(text):
        for offset, char in enumerate(number.group(), number.start()):
            if char == "-":
                pieces.append(text[start:offset])
                start = offset + 1
    pieces.append(text[start:])
    return pieces
