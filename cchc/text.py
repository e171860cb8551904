"""Vietnamese text as a person reads it: NFC, folding, collation and display width.

``fold`` is for comparing ("so tu phap" equals "Sở Tư pháp"); ``sort_key`` orders
names the way a Vietnamese dictionary does (a < ă < â < b … d < đ …, then tones).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["nfc", "fold", "sort_key", "display_width", "wrap", "escape_controls", "quote", "INVISIBLE"]

# Combining marks that carry the tone (dấu thanh), in dictionary order:
# ngang (none), huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Marks that make a new letter (ă, â, ê, ô, ơ, ư); they stay in the primary key.
_LETTER_MARKS = {"\u0306": "\u0306", "\u0302": "\u0302", "\u031b": "\u031b"}
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}


def nfc(text: str) -> str:
    """Return *text* in Unicode normal form C (precomposed), the form the plan uses."""
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Case-, diacritic- and form-insensitive key: "Sở Tư Pháp" -> "so tu phap".

    đ/Đ fold to d; runs of white space collapse to one space.
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def _letters_and_tones(word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    letters: list[int] = []
    tones: list[int] = []
    for ch in unicodedata.normalize("NFD", word.casefold()):
        if ch in _TONES:
            tones.append(_TONES[ch])
        elif ch in _LETTER_MARKS and letters:
            # a + breve -> ă, etc.: rebuild the letter and re-rank it.
            base = _ALPHABET[letters[-1]] if letters[-1] < len(_ALPHABET) else ""
            composed = unicodedata.normalize("NFC", base + ch)
            letters[-1] = _RANK.get(composed, letters[-1])
        elif ch == "đ":
            letters.append(_RANK["đ"])
        else:
            letters.append(_RANK.get(ch, len(_ALPHABET) + ord(ch)))
    return tuple(letters), tuple(tones)


@lru_cache(maxsize=4096)
def sort_key(text: str) -> tuple:
    """Key that sorts Vietnamese names in dictionary order (letters, then tones, then case)."""
    words = nfc(text).split()
    primary = []
    secondary = []
    for word in words:
        letters, tones = _letters_and_tones(word)
        primary.append(letters)
        secondary.append(tones)
    return (tuple(primary), tuple(secondary), text)


@lru_cache(maxsize=None)
def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Columns *text* takes in a terminal: combining marks take none, wide characters two."""
    if text.isascii():
        return len(text)
    return sum(map(_char_width, text))


def wrap(text: str, width: int) -> list[str]:
    """Break *text* into lines of at most *width* display columns, at spaces where possible."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
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
                used = display_width(line)
        lines.append(line)
    return lines


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
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
_UNSAFE_IN_QUOTES = re.compile(_UNSAFE.pattern[:-1] + "\n\t]")
#: Bidi controls and zero-width characters: invisible, they can make text read differently.
INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if code == 0x0A:
        return "\\n"
    if code == 0x09:
        return "\\t"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """*text* safe for a terminal: control, bidi and zero-width characters shown as \\x.. / \\u.... (tab and newline kept)."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def quote(text: str, limit: int = 120) -> str:
    """*text* quoted for a one-line message: "…", with newlines, tabs and unsafe characters escaped, cut at *limit*."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return '"' + _UNSAFE_IN_QUOTES.sub(_escape, text) + '"'
