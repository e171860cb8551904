"""Finding the words a person types in a plan's text (``list --search``).

A letter typed without its marks finds it with any ("hoa" finds "hóa", "hòa",
"hoạch"; "d" finds "đ"); a letter typed with them finds only those ("hóa"
finds "hóa" and "hoá", never "hoạch" or "hòa"), as one finds a name. Case,
runs of white space, the text's normal form and the place of the tone mark in
"oa", "oe", "uy" ("hoá", "hóa") do not count. What is typed is found at the
start of a word: "hoa" is not found in "khoa" or "thoại".
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain
from typing import Callable

from cchc.agencies import spelling_key
from cchc.text import fold, nfc


#: ð/Ð, which look as đ/Đ (text converted from the old Vietnamese fonts holds them), are đ (as ``fold`` reads them).
_ETH = str.maketrans("ðÐ", "đĐ")


def _plain_key(text: str) -> str:
    """NFC, ð as đ, case folded, white space as one space."""
    return " ".join(nfc(text).translate(_ETH).casefold().split())


def typed_key(text: str) -> str:
    """*text* as a search compares it: as an agency's spelling (NFC, case, spacing and the place of the tone mark of a
    word's closing "oa", "oe", "uy" aside), ð as đ."""
    return spelling_key(text.translate(_ETH))


def finder(query: str) -> Callable[[str], bool] | None:
    """A test of whether a text holds *query* (as the module says), or None when the query is blank."""
    plain = _plain_key(query)
    if not plain:
        return None
    # A query's last word may be the start of a longer one: "hoà" is the start of "hoàn" as typed, and a word "hoà"
    # (the text's, made "hòa" by typed_key) with its tone moved.
    keys = dict.fromkeys((typed_key(query), plain))
    letters = _letters_of()
    pattern = "|".join("".join(letters.get(ch) or re.escape(ch) for ch in key) for key in keys)
    found = re.compile((r"(?<!\w)" if plain[0].isalnum() else "") + f"(?:{pattern})").search
    return lambda text: found(typed_key(text)) is not None


@lru_cache(maxsize=1)
def _letters_of() -> dict[str, str]:
    """For each letter without marks, a class of every lower-case letter written with it ("d": "[dðđ]")."""
    found: dict[str, set[str]] = {}
    for ch in map(chr, chain(range(0xC0, 0x250), range(0x1E00, 0x1F00))):
        lower = ch.casefold()
        base = fold(lower)
        if len(lower) == 1 and len(base) == 1 and base.isascii() and base.isalpha() and base != lower:
            found.setdefault(base, {base}).add(lower)
    return {base: "[" + "".join(sorted(letters)) + "]" for base, letters in found.items()}
