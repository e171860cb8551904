"""Lines of text that fit a width, for the table pages cchc draws (``cchc.outputs.pdf_table``).

A line may end where Pango, which lays out WeasyPrint's text, may end it (the
Unicode line-breaking rules: after a space but not before ")" or ",", after a
dash, not inside "2021-2025" ...): the opportunities come from Pango itself,
through the binding WeasyPrint loads, so the drawn pages break lines where
WeasyPrint's do. Lines are filled greedily, a space at a line's end hangs past
it, and with CSS ``overflow-wrap: break-word`` a piece wider than a line is cut
between characters (never between a letter and its accent).
"""

from __future__ import annotations

import re
import unicodedata
from itertools import compress

from cchc.text import DOCUMENT_NUMBER

__all__ = ["wrap"]

# Without Pango (never the case where WeasyPrint runs): after a space, after a hyphen or dash before a
# letter, after a slash but between two digits.
_ROUGH = re.compile(r"(?<= )(?=\S)|(?<=[-\u2010\u2013\u2014])(?=[^\W\d_])|(?<=/)(?=[^\W\d_])|(?<=\D/)(?=\d)")
_pango = None

#: A run of an HTML document's text: what follows a tag's ">" up to the next "<". Each starts only after a ">" and
#: ends at the first "<", so the scan is linear however the document is written ("<" a million times over).
_TEXT_RUN = re.compile(r"(?<=>)[^<]+")


def unbroken_numbers(document: str) -> str:
    """An HTML *document* with each document number in its text kept on one line (``white-space: nowrap``)."""

    def kept(run: re.Match) -> str:
        text = run.group()
        return DOCUMENT_NUMBER.sub(_nowrap, text) if "/" in text else text

    return _TEXT_RUN.sub(kept, document)


def _nowrap(number: re.Match) -> str:
    return f'<span style="white-space: nowrap">{number.group()}</span>'


def _opportunities(text: str) -> list[int]:
    """The places *text* may break a line (before text[i]), 0 < i < len(text)."""
    global _pango
    if _pango is None:
        try:
            from weasyprint.text.ffi import ffi, pango

            _pango = (ffi, pango, pango.pango_language_from_string(b"vi"))
        except (ImportError, OSError, AttributeError):
            _pango = False
    if not _pango:
        return [found.start() for found in _ROUGH.finditer(text)]
    global _bit_read
    if _bit_read is None:  # once: whether the flags read from the attributes' bytes are the ones cffi reads
        sample = "Sở Nội vụ (chủ trì); 2021-2025, 108/2020/NĐ-CP – “Một cửa” 10/9/2021 LĐ-TB&XH… x"
        _bit_read = True
        _bit_read = _log_attrs(sample, True) == _log_attrs(sample, False)
    return _log_attrs(text, _bit_read)


#: Whether a line break's flag is read from the bytes of Pango's attributes (see _log_attrs), found once.
_bit_read: bool | None = None
#: A byte's lowest bit, as a byte of 0 or 1.
_LOWEST_BIT = bytes(value & 1 for value in range(256))


def _log_attrs(text: str, from_bytes: bool) -> list[int]:
    """The places Pango may break *text*; *from_bytes*: each attribute's is_line_break, its first bit-field, read as
    the lowest bit of its first byte (as C lays it out on this machine: checked once against cffi's reading, which
    takes a Python call per character, by ``_opportunities``)."""
    ffi, pango, language = _pango
    data = text.encode("utf-8")
    attrs = ffi.new("PangoLogAttr[]", len(text) + 1)
    pango.pango_get_log_attrs(data, len(data), -1, language, attrs, len(text) + 1)
    if not from_bytes:
        return [index for index in range(1, len(text)) if attrs[index].is_line_break]
    size = ffi.sizeof("PangoLogAttr")
    flags = ffi.buffer(attrs)[:][size : len(text) * size : size].translate(_LOWEST_BIT)
    return list(compress(range(1, len(text)), flags))


def wrap(text: str, face, limit: float, break_words: bool = True) -> list[str]:
    """*text* (one paragraph, its spaces collapsed) in lines at most *limit* em wide in *face*."""
    if not text or face.width(text) <= limit:
        return [text]
    kern = face.kern
    places = _opportunities(text)
    if "/" in text:  # as WeasyPrint lays out the rest of the document (``unbroken_numbers``)
        for number in DOCUMENT_NUMBER.finditer(text):
            places = [place for place in places if not number.start() < place < number.end()]
    lines: list[str] = []
    line, used = "", 0.0
    for start, end in zip([0, *places], [*places, len(text)]):
        piece = text[start:end]
        body = piece.rstrip(" ")
        if line:
            joined = kern.get(line[-1] + piece[0], 0.0)
            if used + joined + face.width(body) <= limit:  # a space ending the line hangs past it
                line += piece
                used += joined + face.width(piece)
                continue
            lines.append(line.rstrip(" "))
        if break_words and face.width(body) > limit:
            *whole, rest = _cut(body, face.advance, limit)
            lines += whole
            piece = rest + piece[len(body) :]
        line, used = piece, face.width(piece)
    lines.append(line.rstrip(" "))
    return lines


def _cut(word: str, advance: dict[str, float], limit: float) -> list[str]:
    """*word* cut into pieces at most *limit* em wide (at least one character and its accents each), in one pass."""
    pieces: list[str] = []
    start, taken = 0, 0.0
    for index, char in enumerate(word):
        width = advance[char]
        if taken + width > limit and index > start and not unicodedata.combining(char):
            pieces.append(word[start:index])
            start, taken = index, 0.0
        taken += width
    pieces.append(word[start:])
    # A space where a piece was cut (one no break was allowed at: "cửa” (chủ") ends its line or is dropped at the next's start.
    return [piece.strip(" ") for piece in pieces if piece.strip(" ")] or [word]
