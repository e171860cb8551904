"""A fast path for large, plain plan files, through rapidyaml.

libyaml hands Python one object per YAML event, which makes a 100,000-item
plan cost seconds to read. rapidyaml parses in C++ and writes JSON that
Python's C JSON reader turns into data ten times faster. It does not report
what cchc must refuse or read differently (duplicate keys, anchors, tags,
``no``/``~``/``010``-style YAML 1.1 traps, several documents), so this path
takes a file only when it can vouch for it: any doubt returns None and the
caller reads the file with the exact, libyaml-based path in ``safeyaml``,
which also gives every problem its line and column. The result, when there is
one, is the same data ``safeyaml`` would build (a test compares the two).
"""

from __future__ import annotations

import json
import os
import re
from contextlib import contextmanager
from decimal import Decimal
from typing import Any, Iterator

from cchc.safeyaml import _AMBIGUOUS_NUMBER

# What the fast path does not handle: tabs, backslash escapes, merge keys,
# document markers and directives. A false alarm only costs speed. The screens
# run on the UTF-8 bytes, where they are quicker than on text.
_UNSUPPORTED_BYTES = (b"\t", b"\\", b"<<", b"\n---", b"\n...", b"\n%")
# Anchors, aliases, tags and the reserved indicators start a token: after a
# space, a line start or a flow indicator.
_TOKEN_MARKS = (b"&", b"*", b"!", b"@", b"`", b"%")
_BEFORE_TOKEN = frozenset(b" \n[]{},")
_COMPLEX_KEY = re.compile(rb"\n *\?[ \n]")
# rapidyaml rewrites some numbers (.5 as 0.5, 5. as 5.0): a plain value that
# looks like a number must be a plain decimal integer or decimal fraction.
# Each pattern starts with a literal, which the regex engine finds quickly.
_BLOCK_NUMBERS = (re.compile(rb": +([-+.0-9][^\n]*)"), re.compile(rb"- +([-+.0-9][^\n]*)"))
_FLOW_NUMBERS = tuple(re.compile(re.escape(c) + rb" *([-+.0-9][^,\]}\n]*)") for c in (b"[", b"{", b","))
_NUMBERISH = re.compile(rb"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?[ ]*(?:#.*)?\Z")
_PLAIN_NUMBER = re.compile(rb"[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?[ ]*(?:#.*)?\Z")


def _unsupported(data: bytes) -> bool:
    if data.startswith((b"---", b"...", b"%", b"&", b"*", b"!", b"?", b"@", b"`")):
        return True
    if any(marker in data for marker in _UNSUPPORTED_BYTES):
        return True
    if _has_token_mark(data) or (b"?" in data and _COMPLEX_KEY.search(data)):
        return True
    patterns = _BLOCK_NUMBERS + (_FLOW_NUMBERS if b"[" in data or b"{" in data else ())
    return any(
        _NUMBERISH.match(m.group(1)) and not _PLAIN_NUMBER.match(m.group(1))
        for pattern in patterns
        for m in pattern.finditer(data)
    )


def _has_token_mark(data: bytes) -> bool:
    for mark in _TOKEN_MARKS:
        at = data.find(mark)
        while at != -1:
            if at == 0 or data[at - 1] in _BEFORE_TOKEN:
                return True
            at = data.find(mark, at + 1)
    return False


# Strings that may have been plain scalars with another meaning to the exact path.
_TRAPS = frozenset(
    w
    for word in ("yes", "no", "on", "off", "y", "n", "true", "false", "null")
    for w in (word, word.title(), word.upper())
) | {"~", ""}
_NUMBER_START = frozenset("0123456789+-.")


class _Doubt(Exception):
    """The fast path cannot vouch for this file."""


def parse_plain(data: bytes) -> Any | None:
    """The data of one YAML document in UTF-8 *data*, or None when only the exact path may read it."""
    if _unsupported(data):
        return None
    try:
        import ryml
    except ImportError:
        return None
    try:
        with _quiet_stderr():  # rapidyaml prints its own parse errors; the exact path reports them
            tree = ryml.parse_in_arena(data)
        root = tree.root_id()
        if not tree.is_map(root):
            return None
        document = ryml.emit_json_malloc(tree, root)
        del tree  # free rapidyaml's copy before the JSON is read
        return json.loads(document, object_pairs_hook=_mapping, parse_float=_decimal, parse_constant=_refuse)
    except Exception:  # noqa: BLE001 - any failure means: read it the exact way
        return None


def _mapping(pairs: list[tuple[str, Any]]) -> dict:
    result: dict = {}
    for key, value in pairs:
        if key in result or key in _TRAPS or key[:1] in _NUMBER_START:
            raise _Doubt
        _check(value)
        result[key] = value
    return result


def _check(value: Any) -> None:
    if isinstance(value, str):
        if _doubtful(value):
            raise _Doubt
    elif isinstance(value, list):
        for element in value:
            _check(element)


def _doubtful(text: str) -> bool:
    # A string here came from a quoted scalar, or from a plain one that the exact
    # path reads as null, a boolean or an ambiguous number: only the latter matter.
    return text in _TRAPS or (text[:1] in _NUMBER_START and _AMBIGUOUS_NUMBER.match(text) is not None)


def _decimal(text: str) -> Decimal:
    if "e" in text or "E" in text:
        raise _Doubt  # 1e3 is a trap for the exact path
    return Decimal(text)


def _refuse(text: str) -> Any:
    raise _Doubt  # NaN, Infinity


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)
