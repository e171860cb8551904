"""The one exact YAML reader: bytes -> plain Python data, or problems with line and column.

PyYAML's loaders trust too much for a file that CI must judge: they keep the
last of two duplicate keys, expand aliases without bound, recurse (libyaml's C
composer overflows the C stack on deep nesting) and apply YAML 1.1 rules that
turn ``no`` into False, ``010`` into 8 and NEL, LS and PS into line breaks. So
this module drives libyaml's event parser itself, with an explicit stack, and
the same code reads a file of any size:

- lines end at LF, CR or CRLF only (YAML 1.2). Control characters written as
  they are (C0 but tab, LF and CR; DEL; C1, NEL included; LS, PS, U+FFFE,
  U+FFFF) are errors where an editor shows them, then read as a space, so the
  rest of the file is still checked and nothing moves (``"\\u2028"`` is fine);
- bidi controls and zero-width characters inside keys and values are warnings;
- no aliases, no merge keys, no tags other than ``!!str``; duplicate keys are
  errors; so are nesting deeper than ``MAX_DEPTH`` and files over ``MAX_BYTES``;
- plain scalars follow YAML 1.2 (null, true/false, decimal integers, exact
  decimals as ``Decimal``, never a float); one that YAML 1.1 reads differently
  (``no``, ``010``, ``1:30``, ``0x1F``, ``1e3``) is an error, not a guess, and
  so is a number longer than ``MAX_NUMBER_CHARS``;
- input is UTF-8 (a BOM and CRLF line ends are fine); text comes out in NFC.

Every check is linear in the size of the file. Problems carry a code, a message
key and its arguments (``cchc.messages.yaml``), never a finished message.
Positions are not kept while loading (they would double the memory of a large
plan), except in an ``Outline``: where each container down to a plan's items
starts and ends. ``cchc.inputs.yaml_locate`` finds a problem's position from it,
reading again only the part of the file that holds the problem.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from array import array
from decimal import Decimal
from typing import Any

import yaml
from yaml import events as ev

from cchc.inputs.yaml_chars import _INVISIBLE_CHARS, _invisible_scans, describe, document_kind, wide_encoding  # noqa: F401 (tests read them here)
from cchc.inputs import yaml_comments
from cchc.inputs.yaml_problems import Reported, YamlProblem
from cchc.inputs.yaml_syntax import at as _at, line_at as _line_at, syntax_problem

MAX_BYTES = 256 * 1024 * 1024
MAX_DEPTH = 64
#: A plain number longer than this (sign not counted) is an error, not a value.
MAX_NUMBER_CHARS = 40
#: Character problems listed one by one, per code; the rest are counted in one more problem.
MAX_REPORTED = 100

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR_TAGS = {"tag:yaml.org,2002:str", "!"}
#: The tag a mapping and a sequence may carry: its own kind's, which changes nothing ("!!seq" on a mapping is refused,
#: as every other YAML reader refuses it).
_COLLECTION_TAG = {ev.MappingStartEvent: "tag:yaml.org,2002:map", ev.SequenceStartEvent: "tag:yaml.org,2002:seq"}
# No pattern here has two adjacent quantifiers that can match the same character: each match is linear.
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+\Z")
# Plain scalars that YAML 1.1 (PyYAML's default) or 1.2 read as numbers, in neither form above.
_AMBIGUOUS_NUMBER = re.compile(
    r"""[-+]?(?:
          [0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?  # 010, 1_000, 5., 1e3, 1.5e3
        | [0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?     # 1:30: sexagesimal 90 in YAML 1.1
        | \.[0-9_]+(?:[eE][-+]?[0-9]+)?                    # .5, ._1 (a float to PyYAML)
        | _[0-9_]*(?:\.[0-9_]*)?                          # +_1, _1: a number to ruamel.yaml
        | 0[xob][0-9a-fA-F_]+                             # 0x1F, 0o17, 0b101
        | \.(?:inf|Inf|INF|nan|NaN|NAN)
    )\Z""",
    re.VERBOSE,
)
_YAML11_BOOLS = {w for word in ("yes", "no", "on", "off", "y", "n") for w in (word, word.title(), word.upper())}
#: Plain values YAML 1.1 gives a type of its own ("=" the default value, "<<" a merge key): PyYAML refuses them.
_YAML11_SPECIAL = frozenset(("=", "<<"))
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# A plain scalar is text unless it is one of these words or starts like a number.
_SPECIAL_WORDS = frozenset(_NULLS | _BOOLS.keys() | _YAML11_BOOLS | _YAML11_SPECIAL)
_NUMBER_START = frozenset("0123456789+-.")

# Characters as UTF-8 bytes (the file is searched as bytes: no second copy as str).
# Control characters: what libyaml refuses, and NEL, LS, PS, which YAML 1.1 reads as line breaks.
_C0 = bytes(b for b in range(0x20) if b not in b"\t\n\r") + b"\x7f"
_C0_TO_SPACE = bytes.maketrans(_C0, b" " * len(_C0))
_CONTROL_SCANS = tuple(map(re.compile, (b"[" + re.escape(_C0) + b"]", rb"\xc2[\x80-\x9f]", rb"\xe2\x80[\xa8\xa9]", rb"\xef\xbf[\xbe\xbf]")))
# Quick scans with one leading byte each (memchr-fast): the YAML 1.1 line breaks libyaml would
# take, and the invisible characters. libyaml refuses the other control characters (ReaderError).
_YAML11_BREAKS = (re.compile(rb"\xc2\x85"), re.compile(rb"\xe2\x80[\xa8\xa9]"))
_CONTINUATION = bytes(range(0x80, 0xC0))




class _Fatal(Exception):
    def __init__(self, problem: YamlProblem):
        self.problem = problem


def too_large(size: int | None = None) -> YamlProblem:
    """The problem of a file over ``MAX_BYTES``; *size* in bytes when known (more than the limit + 1)."""
    if size is None or size <= MAX_BYTES + 1:  # all ``read_bounded`` tells: more than the limit
        return YamlProblem(1, 1, "too-large", {"limit": MAX_BYTES}, "too-large.over")
    return YamlProblem(1, 1, "too-large", {"size": size, "limit": MAX_BYTES})


def decode(data: bytes) -> tuple[bytes | None, bool, YamlProblem | None]:
    """Check that *data* is UTF-8: the bytes without a BOM, whether the text is in NFC, and the problem at the first bad byte.

    The bytes, not a str, travel on: a str of Vietnamese text takes twice the memory.
    """
    if len(data) > MAX_BYTES:
        return None, True, too_large(len(data))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    wide = wide_encoding(data)
    if wide is not None:
        return None, True, YamlProblem(1, 1, "encoding.wide", {"encoding": wide})
    document = document_kind(data)
    if document is not None:  # a Word file or a PDF given as a plan: said so, not told to save it as UTF-8
        return None, True, YamlProblem(1, 1, document)
    if data.isascii():
        return data, True, None
    try:
        is_nfc = unicodedata.is_normalized("NFC", data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line, column = _Cursor(data).advance(exc.start)
        return None, True, YamlProblem(line, column, "encoding", {"byte": f"0x{data[exc.start]:02X}"})
    return data, is_nfc, None


class _Cursor:
    """Line, column and character index (as libyaml counts: lines end at LF, CR or CRLF) of increasing byte offsets."""

    def __init__(self, data: bytes):
        self.data, self.offset, self.line, self.column, self.index = data, 0, 1, 1, 0
        if data.startswith(b"\xef\xbb\xbf"):  # a second BOM: libyaml takes it as the stream's and counts it not
            self.column, self.index = 0, -1

    def advance(self, offset: int) -> tuple[int, int]:
        data, start = self.data, self.offset
        breaks = data.count(b"\n", start, offset) + data.count(b"\r", start, offset) - data.count(b"\r\n", start, offset)
        if breaks:
            line_start = max(data.rfind(b"\n", start, offset), data.rfind(b"\r", start, offset)) + 1
            self.index += _chars(data, start, line_start)
            self.line, self.column, start = self.line + breaks, 1, line_start
        count = _chars(data, start, offset)
        self.index += count
        self.column += count
        self.offset = offset
        return self.line, self.column


def _chars(data: bytes, start: int, end: int) -> int:
    return len(data[start:end].translate(None, _CONTINUATION))


def _yaml12(data: bytes, problems: list[YamlProblem] | None = None) -> bytes:
    """*data* with each control character replaced by a space (positions in characters stay), reported in *problems*."""
    has_c0 = len(data.translate(None, _C0)) < len(data)
    scans = [scan for scan in _CONTROL_SCANS[1:] if scan.search(data)]
    more = None
    if problems is not None:
        cursor = _Cursor(data)
        found = heapq.merge(*(scan.finditer(data) for scan in ([_CONTROL_SCANS[0]] if has_c0 else []) + scans), key=re.Match.start)
        for count, match in enumerate(found, 1):
            line, column = cursor.advance(match.start())
            if count > MAX_REPORTED:
                more = (line, column)
                break
            char = match.group().decode("utf-8")
            key = "control-character.line-break" if char in "\x85\u2028\u2029" else "control-character"
            problems.append(YamlProblem(line, column, "control-character", describe(char), key))
    count = len(data) - len(data.translate(None, _C0)) if more is not None and has_c0 else 0
    data = data.translate(_C0_TO_SPACE) if has_c0 else data
    for scan in scans:
        data, replaced = scan.subn(b" ", data)
        count += replaced
    if more is not None:
        problems.append(YamlProblem(*more, "control-character", {"count": count - MAX_REPORTED}, "control-character.more"))
    return data


def _invisible_watch(data: bytes, problems: list[YamlProblem]):
    """(watch, first): ``watch(event)`` reports the invisible characters inside that scalar event and returns the
    character index of the next one (None after the last); *first* is the first's. Those in comments are passed over."""
    matches = heapq.merge(*(scan.finditer(data) for scan in _invisible_scans(data)), key=re.Match.start)
    cursor = _Cursor(data)
    match = next(matches, None)
    position = cursor.advance(match.start()) if match is not None else (0, 0)
    reported = 0

    def watch(event) -> int | None:
        nonlocal match, position, reported
        start, end = event.start_mark.index, event.end_mark.index
        while match is not None and cursor.index < end:
            if cursor.index >= start:
                reported += 1
                if reported > MAX_REPORTED:
                    more = sum(1 for scan in _invisible_scans(data) for _ in scan.finditer(data, match.start()))
                    problems.append(YamlProblem(*position, "invisible-character", {"count": more}, "invisible-character.more", "warning"))
                    return None
                problems.append(YamlProblem(*position, "invisible-character", describe(match.group().decode("utf-8")), severity="warning"))
            match = next(matches, None)
            if match is not None:
                position = cursor.advance(match.start())
        return cursor.index if match is not None else None

    return watch, (cursor.index if match is not None else None)


def _number(value: str, event, problems: list[YamlProblem]) -> Any:
    """Resolve a plain scalar that may not be text (null, bool, number, or a YAML 1.1 trap)."""
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if value in _YAML11_BOOLS or value in _YAML11_SPECIAL:
        kind = "yaml-ambiguous.bool" if value in _YAML11_BOOLS else "yaml-ambiguous.special"
        problems.append(_at(event.start_mark, "yaml-ambiguous", {"value": value}, kind))
        return value
    exact = _INT.match(value) or _DECIMAL.match(value)
    if exact and len(value) - (value[0] in "+-") > MAX_NUMBER_CHARS:
        problems.append(_at(event.start_mark, "yaml-number", {"value": value, "length": len(value), "limit": MAX_NUMBER_CHARS}))
    elif exact:
        return Decimal(value) if "." in value else int(value)
    elif _AMBIGUOUS_NUMBER.match(value):
        special = value.lstrip("+-").lower() in (".inf", ".nan")  # infinity, not a number: to YAML 1.1 and 1.2 alike
        problems.append(_at(event.start_mark, "yaml-ambiguous", {"value": value}, "yaml-ambiguous.infinity" if special else None))
    return value


def _as_bytes(source: str | bytes) -> bytes:
    data = source.encode("utf-8") if isinstance(source, str) else source
    return data[3:] if data.startswith(b"\xef\xbb\xbf") else data


def parse(source: str | bytes, is_nfc: bool | None = None, outline: Outline | None = None) -> tuple[Any, list[YamlProblem]]:
    """Parse one YAML document (text, or UTF-8 bytes without a BOM, as ``decode`` gives) into plain data.

    The data is dicts, lists, str, int, Decimal, bool and None. Returns it (None
    when parsing stopped or the file holds nothing, always with an error then)
    and every problem found, in the order of the file. *is_nfc* says whether
    the text is already in NFC, when the caller knows. An *outline* is filled
    with where the document's containers lie, for ``yaml_locate.locate``.
    """
    data = _as_bytes(source)
    if is_nfc is None:
        is_nfc = data.isascii() or unicodedata.is_normalized("NFC", data.decode("utf-8", "replace"))
    problems = Reported()
    if any(scan.search(data) for scan in _YAML11_BREAKS):
        data = _yaml12(data, problems)
    cuts = yaml_comments.Cuts(data)
    try:
        root = _read(data, problems, not is_nfc, outline, cuts if cuts.found else None)
    except yaml.reader.ReaderError:
        # A character libyaml refuses: report each one, then read the file again without them.
        problems = Reported()
        data = _yaml12(data, problems)
        if outline is not None:
            outline.clear()
            outline.cleaned = True
        cuts = yaml_comments.Cuts(data)
        try:
            root = _read(data, problems, not is_nfc, outline, cuts if cuts.found else None)
        except yaml.reader.ReaderError:  # not UTF-8: only when the caller skipped ``decode``
            return None, [decode(data)[2] or YamlProblem(1, 1, "encoding", {"byte": "?"})]
    if root is None and not any(p.severity == "error" for p in problems):
        problems.append(YamlProblem(1, 1, "empty"))
    for cut in cuts.confirmed():
        problems.append(cut)
    found = problems.counted()
    found.sort(key=lambda p: (p.line, p.column))
    return root, found


def _read(data: bytes, problems: list[YamlProblem], normalize: bool, outline: Outline | None = None, cuts=None) -> Any:
    """The document in *data* (None when reading stopped), adding problems; lets ReaderError through. *cuts*
    (``yaml_comments.Cuts``) is told the plain values on the lines it names."""
    loader = _Loader(data)
    watch = _invisible_watch(data, problems) if any(scan.search(data) for scan in _invisible_scans(data)) else (None, None)
    try:
        return _build(loader.get_event, problems, normalize, *watch, outline=outline, cuts=cuts)
    except _Fatal as fatal:
        problems.append(fatal.problem)
    except yaml.YAMLError as exc:
        if isinstance(exc, yaml.reader.ReaderError):
            raise
        problem = syntax_problem(exc, data, MAX_DEPTH)
        problems.append(_depth_before(data, exc.problem_mark) if problem.code == "yaml-depth" else problem)
    finally:
        loader.dispose()
    return None


def _depth_before(data: bytes, mark) -> YamlProblem:
    """Where nesting passes MAX_DEPTH, when libyaml's own bound (1,000 open brackets, read ahead) stopped it first:
    the text before libyaml's mark read again, for the first container too deep."""
    start, text = _line_at(data, mark.line, mark.column)
    loader = _Loader(data[: start + len(text[: mark.column].encode("utf-8"))])
    try:
        _build(loader.get_event, [], False)
    except _Fatal as fatal:
        return fatal.problem
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return _at(mark, "yaml-depth", {"limit": MAX_DEPTH})


def _build(get_event, problems: list[YamlProblem], normalize: bool, watch=None, upcoming: int | None = None, outline=None, cuts=None) -> Any:
    # The hot loop of loading: one pass over libyaml's events, the open container in local variables and the
    # enclosing ones on an explicit stack. Most scalars are text that needs nothing but the read of their value.
    ScalarEvent, MappingStartEvent, SequenceStartEvent = ev.ScalarEvent, ev.MappingStartEvent, ev.SequenceStartEvent
    MappingEndEvent, SequenceEndEvent = ev.MappingEndEvent, ev.SequenceEndEvent
    special, number_start, str_tags, nfc = _SPECIAL_WORDS, _NUMBER_START, _STR_TAGS, unicodedata.normalize
    no_key = _NO_KEY
    stack: list[tuple] = []
    top: list = []  # holds the document's root: no special case for the top level
    container: Any = top  # the open list or dict
    is_list = True
    key: Any = no_key
    seen: dict | None = None  # key -> its mark, for duplicate keys in the open mapping
    node = -1  # the open container's place in the outline (-1: not outlined)
    documents = 0
    memo = {}.setdefault
    if outline is not None:
        cells, keys = outline.cells, outline.key
        note = cells.extend
    for event in iter(get_event, None):
        kind = type(event)
        if kind is ScalarEvent:
            value = event.value
            if watch is not None and event.end_mark.index > upcoming:
                upcoming = watch(event)  # an invisible character may lie in this scalar
                if upcoming is None:
                    watch = None
            if cuts is not None and not event.style and event.end_mark.line in cuts.lines:
                cuts.plain.add((event.end_mark.line, value))  # a plain value on a line a "#" may have cut
            if normalize:
                value = nfc("NFC", value)
            value = memo(value, value)  # keys, names, deadlines, products: one object per distinct text (a large plan repeats them)
            if event.implicit[0]:
                # "! 5": the non-specific tag makes a plain scalar text (YAML 1.2), so no number is read.
                if (value in special or value[:1] in number_start) and event.tag is None and (key is not no_key or is_list or value != "<<"):
                    value = _number(value, event, problems)  # (a key "<<" is a merge key: refused below)
            elif event.tag is not None and event.tag not in str_tags:
                problems.append(_at(event.start_mark, "yaml-tag", {"tag": event.tag}))
            if event.anchor is not None:
                raise _Fatal(_at(event.start_mark, "yaml-anchor"))
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None:
                raise _Fatal(_at(event.start_mark, "yaml-anchor"))
            if event.tag is not None and event.tag != _COLLECTION_TAG[kind]:
                problems.append(_at(event.start_mark, "yaml-tag", {"tag": event.tag}))
            if len(stack) >= MAX_DEPTH:
                raise _Fatal(_at(event.start_mark, "yaml-depth", {"limit": MAX_DEPTH}))
            if key is no_key and not is_list:
                raise _Fatal(_at(event.start_mark, "yaml-key"))
            stack.append((container, is_list, key, seen, node))
            if outline is not None and len(stack) <= OUTLINE_DEPTH:
                mark, parent, node = event.start_mark, node, len(cells) // 6  # six cells a container: Outline.FIELDS
                if not is_list:
                    keys[node] = key
                    if key in container:  # a duplicate key, whose value parse drops: in no container
                        parent = DROPPED
                note((parent, len(container) if is_list else -1, mark.line, mark.column, 0, 0))
            else:
                node = -1
            if kind is MappingStartEvent:
                container, is_list, key, seen = {}, False, no_key, {}
            else:
                container, is_list, key, seen = [], True, no_key, None
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            value = container
            if node >= 0:
                mark = event.end_mark
                cells[6 * node + 4], cells[6 * node + 5] = mark.line, mark.column
            container, is_list, key, seen, node = stack.pop()
        elif kind is ev.AliasEvent:
            raise _Fatal(_at(event.start_mark, "yaml-alias"))
        elif kind is ev.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _Fatal(_at(event.start_mark, "yaml-documents"))
            continue
        else:
            continue
        if is_list:
            container.append(value)
        elif key is no_key:
            if value == "<<" and event.implicit[0]:
                raise _Fatal(_at(event.start_mark, "yaml-merge"))
            if value in seen:
                problems.append(_at(event.start_mark, "duplicate-key", {"key": value, "first": seen[value].line + 1}))
            else:
                seen[value] = event.start_mark
            key = value
        else:
            if key not in container:
                container[key] = value
            key = no_key
    return top[0] if top else None


_NO_KEY = object()

#: Appended to a path, asks ``locate`` for the position of the key instead of its value.
KEY = "\x00key"


#: The parent of an outlined container that parse drops (the value of a duplicate key).
DROPPED = -2

#: Containers this deep or shallower are outlined while parsing: a plan's items are at depth 7
#: (the document, "sections", a section, "tasks", a task, "items", an item).
OUTLINE_DEPTH = 7


class Outline:
    """Where each container of a document down to ``OUTLINE_DEPTH`` starts and ends (0-based lines and
    columns, as libyaml counts them), its parent and its index or key in it, noted while parsing, in the
    order of the file: ``FIELDS`` integers a container in one array, and a mapping's members' keys.

    About 30 bytes a container: a plan of 100,000 items outlines in some 3 MB.
    """

    FIELDS = ("parent", "index", "line", "column", "end_line", "end_column")  # index -1: a mapping's member

    def __init__(self):
        self.clear()

    def clear(self) -> None:
        self.cells = array("i")
        self.key: dict[int, Any] = {}  # node -> its key, for a mapping's members
        self.cleaned = False  # parse read the text with its control characters made spaces (``_yaml12``)

    def __len__(self) -> int:
        return len(self.cells) // len(self.FIELDS)

    def field(self, name: str) -> array:
        """One field of every container, in their order."""
        return self.cells[self.FIELDS.index(name) :: len(self.FIELDS)]
