"""Plan data -> YAML text in the house style, which ``cchc.inputs.yaml`` reads back to the same data.

The house style is what a clerk edits by hand: the schema modeline first,
block mappings and block lists (never flow collections but an empty ``[]`` or
``{}``), a blank line between top-level keys, text plain where plain text
reads back as itself and double-quoted (with escapes) where it would not,
multi-line text as a ``|-`` block, no anchors, aliases or tags, and comments
above the lines they are about.

The data is dicts (keys in the order to write), lists, ``str``, ``int``,
``Decimal``, ``bool``, ``datetime.date`` and ``None`` (a key whose value is
None is left out). Text is written as given: the reader normalises to NFC,
so text already in NFC reads back unchanged.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from decimal import Decimal
from typing import Any, Iterable, Mapping, Sequence

MODELINE = "# yaml-language-server: $schema=plan.schema.json"

#: Data paths (keys and list indexes from the top) -> comment lines written above that place.
Comments = Mapping[tuple, Sequence[str]]

# Plain scalars that the reader would not take as text, or would take as another text.
#: Words YAML reads as something else than text; "<<" and "=" are YAML 1.1's merge and value keys (PyYAML fails on them).
_SPECIAL = {"null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", "<<", "="}
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_NUMBER_START = set("0123456789+-.")
#: Characters of what YAML 1.1 or 1.2 may read as a number, a time or a date.
_NUMBER_LIKE = set("0123456789_.:+-eExXoObBaAcCdDfF")
_ESCAPES = {
    "\0": "\\0", "\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v", "\f": "\\f",
    "\r": "\\r", "\x1b": "\\e", '"': '\\"', "\\": "\\\\", "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P",
}
#: Keys written plain; any other key is quoted like a value.
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")


def dump_plan(data: Mapping[str, Any], comments: Comments | None = None, header: Iterable[str] = ()) -> str:
    """*data* as house-style YAML: the modeline, the *header* comment lines, then the data with *comments* in place."""
    lines = [MODELINE]
    header = list(header)
    if header:
        lines.append("#")
        lines.extend(_comment_lines(header, ""))
    writer = _Writer(comments or {})
    for key, value in _present(data):
        lines.append("")
        writer.key_value(lines, key, value, 0, (key,))
    return "\n".join(lines) + "\n"


def scalar(value: Any) -> str:
    """One scalar as the house style writes it on a line (text plain or double-quoted, never a block)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a finite amount: {value}")
        return format(value, "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return value if is_plain(value) else quoted(value)
    raise TypeError(f"cannot write a {type(value).__name__} as YAML")


def is_plain(text: str) -> bool:
    """True when *text* written without quotes reads back as exactly this text."""
    if not text or text != text.strip(" ") or text.strip() != text:
        return False
    if text[0] in _INDICATORS or text[0] == "." or text.lower() in _SPECIAL:
        return False
    # "3669/QĐ-UBND" is text whatever YAML version reads it; "010", "1:30", "0x1F", "1e3", "2021-06-30" are quoted.
    if text[0] in _NUMBER_START and all(ch in _NUMBER_LIKE for ch in text):
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text:
        return False
    return text.isprintable()  # every character _visible, in one pass in C


def quoted(text: str) -> str:
    """*text* double-quoted, every character that is not plainly visible escaped."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif _visible(ch):
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def _visible(ch: str) -> bool:
    # Letters, marks, digits, punctuation, symbols and the plain space: what a reader
    # sees as it is. Other spaces (no-break, thin …), controls and format characters
    # (zero-width, bidi) are escaped, so that the file shows them. The same set as
    # str.isprintable, which the tests check for every code point.
    return ch == " " or unicodedata.category(ch)[0] in "LMNPS"


def _block_lines(text: str) -> list[str] | None:
    """The lines of *text* as a ``|-`` block, or None when a block would not read back as *text*."""
    if "\n" not in text or text.endswith("\n") or text.startswith((" ", "\n")):
        return None
    lines = text.split("\n")
    for line in lines:
        if line != line.rstrip(" ") or not line.isprintable():
            return None
    return lines


def _comment_lines(texts: Iterable[str], indent: str) -> list[str]:
    from cchc.text import escape_controls

    lines = []
    for text in texts:
        for part in str(text).split("\n"):
            part = escape_controls(part).rstrip()
            lines.append(f"{indent}# {part}" if part else f"{indent}#")
    return lines


def _present(mapping: Mapping[str, Any]):
    return [(k, v) for k, v in mapping.items() if v is not None]


def _key(key: Any) -> str:
    if not isinstance(key, str):
        raise TypeError(f"a mapping key must be text, not {type(key).__name__}")
    return key if _PLAIN_KEY.match(key) and key.lower() not in _SPECIAL else quoted(key)


class _Writer:
    def __init__(self, comments: Comments):
        self.comments = comments

    def comment(self, lines: list[str], path: tuple, indent: int) -> None:
        found = self.comments.get(path)
        if found:
            lines.extend(_comment_lines(found, " " * indent))

    def key_value(self, lines: list[str], key: str, value: Any, indent: int, path: tuple) -> None:
        """``key: value`` at *indent*, its comments above it."""
        self.comment(lines, path, indent)
        pad = " " * indent
        head = f"{pad}{_key(key)}:"
        self.value(lines, head, value, indent, path)

    def value(self, lines: list[str], head: str, value: Any, indent: int, path: tuple) -> None:
        """Write *value* after *head* (``key:`` or ``-``); nested content goes at *indent* + 2."""
        if isinstance(value, Mapping):
            entries = _present(value)
            if not entries:
                lines.append(f"{head} {{}}")
                return
            lines.append(head)
            for key, item in entries:
                self.key_value(lines, key, item, indent + 2, path + (key,))
        elif isinstance(value, (list, tuple)):
            if not value:
                lines.append(f"{head} []")
                return
            lines.append(head)
            for position, item in enumerate(value):
                self.list_item(lines, item, indent + 2, path + (position,))
        elif isinstance(value, str) and (block := _block_lines(value)) is not None:
            lines.append(f"{head} |-")
            lines.extend(f"{' ' * (indent + 2)}{line}" if line else "" for line in block)
        else:
            lines.append(f"{head} {scalar(value)}")

    def list_item(self, lines: list[str], item: Any, indent: int, path: tuple) -> None:
        """One ``- item`` at *indent*; a mapping's first key shares the dash's line."""
        self.comment(lines, path, indent)
        pad = " " * indent
        if isinstance(item, Mapping) and _present(item):
            entries = _present(item)
            first_key, first_value = entries[0]
            inner = indent + 2
            # The first key's comments go above the dash: nothing may sit between "-" and the key.
            self.comment(lines, path + (first_key,), indent)
            self.value(lines, f"{pad}- {_key(first_key)}:", first_value, inner, path + (first_key,))
            for key, value in entries[1:]:
                self.key_value(lines, key, value, inner, path + (key,))
        else:
            self.value(lines, f"{pad}-", item, indent, path)
