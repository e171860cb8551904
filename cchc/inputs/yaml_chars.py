"""The characters the YAML reader looks for, as UTF-8 bytes: the invisible ones, and names for controls; and
whether a file is text of wide characters (UTF-16, UTF-32) instead of UTF-8.

The file is searched as bytes (no second copy as str). ``cchc.text.INVISIBLE``
is the same set as text (a test keeps the two equal).
"""

from __future__ import annotations

import re
import unicodedata

_RARE_INVISIBLE = (
    *(0xAD, 0x34F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180C, 0x180D, 0x180E, 0x180F, 0x2800, 0x3164, 0xFFA0),
    *range(0xFE00, 0xFE10), *range(0xFFF0, 0xFFFD), *range(0x13430, 0x13440), *range(0x1BCA0, 0x1BCA4), *range(0x1D173, 0x1D17B),
    0x16FE4, 0x1D159,
    *range(0xE0000, 0xE1000),
)
_INVISIBLE_CHARS = [
    chr(c).encode() for c in (0x61C, *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2070), 0xFEFF, *_RARE_INVISIBLE)
]
# Scans with a literal first byte (memchr-fast: about 0.02 s for 50 MB each).
_INVISIBLE_SCANS = tuple(
    re.compile(pattern)
    for pattern in (
        rb"\xe2(?:\x80[\x8b-\x8f\xaa-\xae]|\x81[\xa0-\xaf]|\xa0\x80)",  # zero-width, bidi, deprecated format, U+2800 BRAILLE PATTERN BLANK
        rb"\xd8\x9c",  # U+061C ARABIC LETTER MARK
        rb"\xef(?:\xbb\xbf|\xbe\xa0|\xb8[\x80-\x8f]|\xbf[\xb0-\xbc])",  # U+FEFF, U+FFA0, U+FE00-FE0F VARIATION SELECTORS, U+FFF0-FFFC
        rb"\xc2\xad",  # U+00AD SOFT HYPHEN
        rb"\xcd\x8f",  # U+034F COMBINING GRAPHEME JOINER
        rb"\xe1(?:\x85[\x9f\xa0]|\xa0[\x8b-\x8f]|\x9e[\xb4\xb5])",  # U+115F, U+1160 HANGUL FILLERS, U+180B-180F MONGOLIAN, U+17B4, U+17B5 KHMER
        rb"\xe3\x85\xa4",  # U+3164 HANGUL FILLER
        rb"\xf3\xa0[\x80-\xbf][\x80-\xbf]",  # U+E0000-E0FFF: TAGS, VARIATION SELECTORS and the rest of their block
        # U+1BCA0-1BCA3, U+1D173-1D17A, U+13430-1343F FORMAT, U+1D159 NULL NOTEHEAD, U+16FE4 KHITAN FILLER
        rb"\xf0(?:\x9b\xb2[\xa0-\xa3]|\x9d\x85[\xb3-\xba\x99]|\x93\x90[\xb0-\xbf]|\x96\xbf\xa4)",
    )
)
# unicodedata does not name control characters: the abbreviations editors show for them.
_C0_NAMES = "NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US".split()


# Each scan's first byte (every pattern starts with one, written \xNN), and the other 247 byte values.
_LEADS = tuple(bytes.fromhex(scan.pattern[2:4].decode("ascii")) for scan in _INVISIBLE_SCANS)
_NOT_LEADS = bytes(value for value in range(256) if bytes([value]) not in _LEADS)


def _invisible_scans(data: bytes) -> tuple:
    """The scans that can find an invisible character in *data*: those whose first byte it holds.

    Vietnamese text holds \xe1 and \xe2 (ạ, ế, quotation marks) but seldom the
    other first bytes: one pass keeps only first bytes (bytes.translate), and
    scans that cannot match are not run over the whole file.
    """
    present = data.translate(None, _NOT_LEADS)
    return tuple(scan for scan, lead in zip(_INVISIBLE_SCANS, _LEADS) if lead in present)


def describe(char: str) -> dict:
    """A character's code point and name, as problems about characters name it."""
    code = ord(char)
    if code < 0x20:
        name = _C0_NAMES[code]
    elif code < 0xA0:
        name = {0x7F: "DEL", 0x85: "NEXT LINE"}.get(code, "C1 CONTROL")
    else:  # a code point with no name: a noncharacter (U+FDD0-FDEF, U+FFFE, U+FFFF on any plane), else unassigned
        name = "NONCHARACTER" if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE else "UNASSIGNED"
    return {"char": f"U+{code:04X}", "name": unicodedata.name(char, "") or name}


#: The first bytes of documents a plan is not, by the key of their message: a Word document (a zip, as are .xlsx and
#: .odt), an old Word document (an OLE2 compound file), a PDF, an RTF document.
_DOCUMENT_STARTS = (
    ("encoding.docx", (b"PK\x03\x04", b"PK\x05\x06")),
    ("encoding.doc", (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)),
    ("encoding.pdf", (b"%PDF-",)),
    ("encoding.rtf", (b"{\\rtf",)),
)


#: An HTML page (``render --format html``) starts so, after white space, in any case; one a browser saved may have
#: an XML declaration and comments before ("<!-- saved from url=… -->"). No plan does: a YAML plan is a mapping,
#: whose first key is never "<html>" or "<!doctype html>" alone on its line.
_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--(?:[^-]|-(?!->)){0,1000}-->\s*){0,8}<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE
)


def document_kind(data: bytes) -> str | None:
    """The message key of the document *data* starts as (a Word file, a PDF, an HTML page …, not a YAML plan), else None."""
    kind = next((key for key, starts in _DOCUMENT_STARTS if data.startswith(starts)), None)
    if kind is None and _HTML_START.match(data, 0, 16384):
        kind = "encoding.html"
    return kind


def wide_encoding(data: bytes) -> str | None:
    """"UTF-16" or "UTF-32" when *data* starts as text in one of them does (a byte-order mark, or a NUL
    beside its first letter: YAML text never holds a NUL), else None."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) or data[:3] == b"\x00\x00\x00" or data[1:4] == b"\x00\x00\x00":
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = data[:4]  # two ASCII characters in UTF-16, without a mark: a NUL beside each ("p\0l\0", "\0p\0l")
    if len(head) == 4 and ((head[0] and head[2] and not head[1] and not head[3]) or (head[1] and head[3] and not head[0] and not head[2])):
        return "UTF-16"
    return None
