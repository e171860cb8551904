"""Vietnamese order: ``sort_key`` sorts names the way a Vietnamese dictionary does (a < ă < â < b … d < đ …,
then tones, then case; punctuation first, then numbers in their order, then letters)."""

from __future__ import annotations

import re
import unicodedata

from cchc.text import cached_when_short, nfc

# Combining marks that carry the tone (dấu thanh), in dictionary order:
# ngang (none), huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Marks that make a new letter (ă, â, ê, ô, ơ, ư); they stay in the primary key.
_LETTER_MARKS = {"\u0306": "\u0306", "\u0302": "\u0302", "\u031b": "\u031b"}
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}


def _letters_and_tones(word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """A word's letters ranked in the Vietnamese alphabet, and its tones. As in a dictionary, punctuation comes
    first, then numbers in their order ("Sở 2" before "Sở 10"), then letters; ð (Latin-1's eth, drawn as đ) is đ."""
    letters: list[int] = []
    tones: list[int] = []
    decomposed = unicodedata.normalize("NFD", word.casefold())
    if _DIGIT_RUN.search(decomposed) is not None:
        decomposed = _DIGIT_RUN.sub(_ranked_number, decomposed)
    for ch in decomposed:
        if ch in _NUMBER_RANKS:
            letters.append(_NUMBER_RANKS[ch])
        elif ch in _TONES:
            tones.append(_TONES[ch])
        elif ch in _LETTER_MARKS and letters:
            # a + breve -> ă, etc.: rebuild the letter and re-rank it.
            base = _ALPHABET[letters[-1]] if 0 <= letters[-1] < len(_ALPHABET) else ""  # a mark after a digit: none
            composed = unicodedata.normalize("NFC", base + ch)
            letters[-1] = _RANK.get(composed, letters[-1])
        elif ch == "đ" or ch == "ð":
            letters.append(_RANK["đ"])
        elif ch in _RANK or ch.isalpha():
            letters.append(_RANK.get(ch, len(_ALPHABET) + ord(ch)))
        else:  # punctuation, symbols
            letters.append(ord(ch) - 0x110000 - 200)
    return tuple(letters), tuple(tones)


_DIGIT_RUN = re.compile(r"[0-9]+")
#: A run of digits is written as a private character for its length, then one for each digit: a shorter number
#: sorts first, numbers of one length by their digits; all of them below every letter, above punctuation.
_NUMBER_RANKS = {chr(0xF0000 + i): i - 200 for i in range(200)}


def _ranked_number(match: re.Match) -> str:
    digits = match.group().lstrip("0") or "0"
    length = min(len(digits), 99)
    return chr(0xF0000 + 100 + length) + "".join(chr(0xF0000 + int(d)) for d in digits)


@cached_when_short(maxsize=4096)
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
