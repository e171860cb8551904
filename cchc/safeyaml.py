"""Safe, bounded YAML: bytes -> plain Python data, or problems with line and column.

PyYAML's loaders trust too much for a file that CI must judge: they keep the
last of two duplicate keys, expand aliases without bound, recurse (libyaml's C
composer overflows the C stack on deep nesting) and apply YAML 1.1 rules that
turn ``no`` into False and ``010`` into 8. So this module drives libyaml's
event parser itself and builds the data with an explicit stack:

- no aliases, no merge keys, no tags other than ``!!str``;
- duplicate keys are errors that name both lines;
- nesting deeper than ``MAX_DEPTH`` and files larger than ``MAX_BYTES`` are errors;
- plain scalars follow YAML 1.2 (null, true/false, decimal integers, exact
  decimals as ``Decimal``); a plain scalar that YAML 1.1 would read differently
  (``no``, ``010``, ``1:30``, ``0x1F``, ``1e3``) is an error, not a guess;
- input is UTF-8 (a BOM and CRLF line ends are fine); text comes out in NFC.

Positions are not kept while loading (they would double the memory of a large
plan); ``locate`` finds them in a second pass, only when a problem needs them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterable

import yaml
from yaml import events as ev

MAX_BYTES = 256 * 1024 * 1024
MAX_DEPTH = 64
# Files this large try cchc.fastyaml first (see there); it returns None when in doubt.
_FAST_MIN_CHARS = 1024 * 1024

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR_TAGS = {"tag:yaml.org,2002:str", "!"}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+\Z")
# Plain scalars that YAML 1.1 (PyYAML's default) and YAML 1.2 read differently,
# or that are numbers in a form a plan has no use for.
_AMBIGUOUS_NUMBER = re.compile(
    r"""[-+]?(?:
          0[0-9_]+                              # 010: octal 8 in YAML 1.1
        | [0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?   # 1:30: sexagesimal 90 in YAML 1.1
        | [0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?    # 1_000
        | 0[xob][0-9a-fA-F_]+                   # 0x1F, 0o17, 0b101
        | (?:[0-9][0-9_]*)?\.?[0-9_]*[eE][-+]?[0-9]+   # 1e3
        | \.[0-9_]+ | [0-9][0-9_]*\.            # .5, 5.
        | \.(?:inf|Inf|INF|nan|NaN|NAN)
    )\Z""",
    re.VERBOSE,
)
_YAML11_BOOLS = {w for word in ("yes", "no", "on", "off", "y", "n") for w in (word, word.title(), word.upper())}
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# A plain scalar is text unless it is one of these words or starts like a number.
_SPECIAL_WORDS = frozenset(_NULLS | _BOOLS.keys() | _YAML11_BOOLS)
_NUMBER_START = frozenset("0123456789+-.")


@dataclass(frozen=True)
class YamlProblem:
    """A problem found while reading YAML, at a 1-based line and column."""

    line: int
    column: int
    code: str
    message: str


class _Fatal(Exception):
    def __init__(self, problem: YamlProblem):
        self.problem = problem


def _at(mark, code: str, message: str) -> YamlProblem:
    return YamlProblem(mark.line + 1, mark.column + 1, code, message)


def too_large(size: int) -> YamlProblem:
    """The problem of a file of *size* bytes, over ``MAX_BYTES``."""
    return YamlProblem(1, 1, "too-large", f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")


def decode(data: bytes) -> tuple[bytes | None, bool, YamlProblem | None]:
    """Check that *data* is UTF-8 (a BOM is allowed and dropped).

    Returns the bytes without the BOM, whether the text is in NFC already, and a
    problem naming the line of the first bad byte when it is not UTF-8. The bytes,
    not a str, travel on: a str of Vietnamese text takes twice the memory.
    """
    if len(data) > MAX_BYTES:
        return None, True, too_large(len(data))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        is_nfc = unicodedata.is_normalized("NFC", data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        byte = data[exc.start]
        return None, True, YamlProblem(
            line,
            column,
            "encoding",
            f"file is not UTF-8 (byte 0x{byte:02X}); save it as UTF-8 (a file in Windows-1258 or TCVN3 must be converted)",
        )
    return data, is_nfc, None


def _plain(value: str, event, problems: list[YamlProblem]) -> Any:
    """Resolve a plain scalar that may not be text (null, bool, number, or a YAML 1.1 trap)."""
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if value in _YAML11_BOOLS:
        problems.append(
            _at(
                event.start_mark,
                "yaml-ambiguous",
                f"plain value {value!r} is a boolean in YAML 1.1 and text in YAML 1.2; quote it",
            )
        )
        return value
    if _INT.match(value):
        return int(value)
    if _DECIMAL.match(value):
        return Decimal(value)
    if _AMBIGUOUS_NUMBER.match(value):
        problems.append(
            _at(
                event.start_mark,
                "yaml-ambiguous",
                f"plain value {value!r} means different things in YAML 1.1 and 1.2; "
                f"quote it if it is text, or write the number in plain decimal",
            )
        )
    return value


def _syntax_problem(exc: yaml.YAMLError, source: str | bytes) -> YamlProblem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = getattr(exc, "problem", None) or str(exc)
    if mark is not None and _char_at(source, mark.line, mark.column) == "\t":
        return YamlProblem(line, column, "yaml-tab", "tab character where YAML expects indentation or a value; indent with spaces")
    if "nesting depth" in problem:  # newer libyaml bounds nesting itself
        return YamlProblem(line, column, "yaml-depth", f"nested deeper than libyaml allows ({problem})")
    context = getattr(exc, "context", None)
    message = f"{context}: {problem}" if context else problem
    return YamlProblem(line, column, "yaml-syntax", message)


def _char_at(source: str | bytes, line: int, column: int) -> str:
    """The character at a 0-based line and column of *source* ("" past the end)."""
    lines = source.splitlines()
    if line >= len(lines):
        return ""
    text = lines[line] if isinstance(lines[line], str) else lines[line].decode("utf-8", "replace")
    return text[column : column + 1]


def parse(source: str | bytes, is_nfc: bool | None = None) -> tuple[Any, list[YamlProblem]]:
    """Parse one YAML document (text, or UTF-8 bytes) into plain data.

    The data is dicts, lists, str, int, Decimal, bool and None. Returns it (None
    when parsing stopped) and every problem found. *is_nfc* says whether the
    text is already in NFC, when the caller knows.
    """
    problems: list[YamlProblem] = []
    if is_nfc is None:
        is_nfc = unicodedata.is_normalized("NFC", source if isinstance(source, str) else source.decode("utf-8"))
    normalize = not is_nfc
    if is_nfc and len(source) >= _FAST_MIN_CHARS:
        from cchc import fastyaml

        data = fastyaml.parse_plain(source.encode("utf-8") if isinstance(source, str) else source)
        if data is not None:
            return data, problems
    loader = _Loader(source)
    try:
        root = _build(loader.get_event, problems, normalize)
    except _Fatal as fatal:
        problems.append(fatal.problem)
        root = None
    except yaml.YAMLError as exc:
        problems.append(_syntax_problem(exc, source))
        root = None
    except RecursionError:  # pragma: no cover - the explicit stack should prevent it
        problems.append(YamlProblem(1, 1, "yaml-depth", "document is nested too deeply"))
        root = None
    finally:
        loader.dispose()
    return root, problems


def _build(get_event, problems: list[YamlProblem], normalize: bool) -> Any:
    # The hot loop of loading: one pass over libyaml's events with the current
    # container in local variables and the enclosing ones on an explicit stack.
    ScalarEvent, MappingStartEvent, SequenceStartEvent = ev.ScalarEvent, ev.MappingStartEvent, ev.SequenceStartEvent
    MappingEndEvent, SequenceEndEvent = ev.MappingEndEvent, ev.SequenceEndEvent
    special, number_start, str_tags, nfc = _SPECIAL_WORDS, _NUMBER_START, _STR_TAGS, unicodedata.normalize
    no_key = _NO_KEY
    stack: list[tuple] = []
    container: Any = None  # the open dict or list; None at the top level
    is_list = False
    key: Any = no_key
    seen: dict | None = None  # key -> line, for duplicate keys in the open mapping
    root: Any = None
    documents = 0
    while True:
        event = get_event()
        kind = type(event)
        if kind is ScalarEvent:
            value = event.value
            if normalize:
                value = nfc("NFC", value)
            if event.implicit[0]:
                if value in special or value[:1] in number_start:
                    value = _plain(value, event, problems)
            elif event.tag is not None and event.tag not in str_tags:
                problems.append(_at(event.start_mark, "yaml-tag", f"tags are not allowed here: {event.tag}"))
            if event.anchor is not None:
                raise _Fatal(_at(event.start_mark, "yaml-anchor", "anchors and aliases are not allowed"))
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None:
                raise _Fatal(_at(event.start_mark, "yaml-anchor", "anchors and aliases are not allowed"))
            if event.tag is not None and event.tag not in ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
                problems.append(_at(event.start_mark, "yaml-tag", f"tags are not allowed here: {event.tag}"))
            if len(stack) >= MAX_DEPTH:
                raise _Fatal(_at(event.start_mark, "yaml-depth", f"nested deeper than {MAX_DEPTH} levels"))
            if not is_list and container is not None and key is no_key:
                raise _Fatal(_at(event.start_mark, "yaml-key", "keys must be plain text, not lists or mappings"))
            stack.append((container, is_list, key, seen))
            if kind is MappingStartEvent:
                container, is_list, key, seen = {}, False, no_key, {}
            else:
                container, is_list, key, seen = [], True, no_key, None
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            value = container
            container, is_list, key, seen = stack.pop()
        elif kind is ev.AliasEvent:
            raise _Fatal(_at(event.start_mark, "yaml-alias", "aliases are not allowed (*alias)"))
        elif kind is ev.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _Fatal(_at(event.start_mark, "yaml-documents", "a plan file holds one YAML document"))
            continue
        elif kind is ev.StreamEndEvent:
            return root
        else:
            continue
        if container is None:
            root = value
        elif is_list:
            container.append(value)
        elif key is no_key:
            if value == "<<" and event.implicit[0]:
                raise _Fatal(_at(event.start_mark, "yaml-merge", "merge keys (<<) are not allowed"))
            if value in seen:
                problems.append(
                    _at(
                        event.start_mark,
                        "duplicate-key",
                        f"duplicate key {value!r} (first on line {seen[value]}); YAML keeps only one of them",
                    )
                )
            else:
                seen[value] = event.start_mark.line + 1
            key = value
        else:
            if key not in container:
                container[key] = value
            key = no_key


_NO_KEY = object()

#: Appended to a path, asks ``locate`` for the position of the key instead of its value.
KEY = "\x00key"


def locate(source: str | bytes, paths: Iterable[tuple]) -> dict[tuple, tuple[int, int]]:
    """1-based (line, column) of each path's value (or key, for paths ending in KEY).

    A path that is not in the document gets the position of its nearest ancestor.
    """
    wanted = set(paths)
    if not wanted:
        return {}
    targets = {p[:-1] if p and p[-1] == KEY else p for p in wanted}
    prefixes = {p[:i] for p in targets for i in range(len(p) + 1)}
    found_value: dict[tuple, tuple[int, int]] = {}
    found_key: dict[tuple, tuple[int, int]] = {}
    loader = _Loader(source)
    # A frame is [path, is_mapping, next index or pending key, key position].
    stack: list[list] = []
    try:
        while True:
            try:
                event = loader.get_event()
            except yaml.YAMLError:
                break
            kind = type(event)
            if kind is ev.StreamEndEvent:
                break
            if isinstance(event, ev.CollectionEndEvent):
                stack.pop()
                continue
            if not isinstance(event, (ev.ScalarEvent, ev.CollectionStartEvent, ev.AliasEvent)):
                continue
            position = (event.start_mark.line + 1, event.start_mark.column + 1)
            if stack:
                frame = stack[-1]
                if frame[1] and frame[2] is _NO_KEY:
                    # This node is a key.
                    frame[2] = event.value if kind is ev.ScalarEvent else None
                    frame[3] = position
                    if isinstance(event, ev.CollectionStartEvent):
                        stack.append([None, False, 0, None])
                    continue
                if frame[1]:
                    step = frame[2]
                    frame[2] = _NO_KEY
                else:
                    step = frame[2]
                    frame[2] += 1
                path = None if frame[0] is None else frame[0] + (step,)
                if path is not None and frame[1] and path in prefixes:
                    found_key.setdefault(path, frame[3])  # the first of duplicate keys, as parse keeps
            else:
                path = ()
            if path is not None and path in prefixes:
                found_value.setdefault(path, position)
            if isinstance(event, ev.CollectionStartEvent):
                descend = path if path is not None and path in prefixes else None
                stack.append([descend, isinstance(event, ev.MappingStartEvent), _NO_KEY if isinstance(event, ev.MappingStartEvent) else 0, None])
    finally:
        loader.dispose()
    result = {}
    for path in wanted:
        if path and path[-1] == KEY and path[:-1] in found_key:
            result[path] = found_key[path[:-1]]
            continue
        probe = path[:-1] if path and path[-1] == KEY else path
        while probe not in found_value and probe:
            probe = probe[:-1]
        result[path] = found_value.get(probe, (1, 1))
    return result

