"""Where a problem's data path lies in a YAML file: its line and column, as ``cchc.inputs.yaml.parse`` counts them.

Loading keeps no positions but an ``Outline`` (where each container down to a
plan's items starts and ends). With it, a problem in an item is found by reading
that item's few lines again, most often without libyaml (``_simple_mapping``);
without it, or where those lines are not plain enough to be sure of, libyaml
reads the part of the file that holds the problem, or the whole file.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left
from itertools import islice
from typing import Any, Iterable

import yaml
from yaml import events as ev

from cchc.inputs.yaml import (
    _NO_KEY,
    _NUMBER_START,
    _SPECIAL_WORDS,
    _YAML11_BREAKS,
    KEY,
    Outline,
    _as_bytes,
    _Loader,
    _number,
    _yaml12,
)
from cchc.inputs.yaml_syntax import BREAK as _BREAK

Positions = dict[tuple, tuple[int, int]]

#: A container's lines are read again on their own (decoded, as text) up to this many bytes; a problem
#: in a larger one (a whole section, the document) is found by reading the file, as without an outline.
LOCAL_BYTES = 1 << 20


def locate(source: str | bytes, paths: Iterable[tuple], outline: Outline | None = None) -> Positions:
    """1-based (line, column) of each path's value (or key, for paths ending in KEY), as ``parse`` counts them.

    A path that is not in the document gets the position of its nearest ancestor.
    *outline* is what ``parse`` noted of the same *source*.
    """
    wanted = set(paths)
    if not wanted:
        return {}
    data = _as_bytes(source)
    if any(scan.search(data) for scan in _YAML11_BREAKS) or (outline and outline.cleaned):
        data = _yaml12(data)  # the text as parse read it
    if outline:
        values, keys = _OutlinedFile(data, outline).find(wanted)
    else:
        values, keys = _find_safely(data, _prefixes(wanted))
    result = {}
    for path in wanted:
        if path and path[-1] == KEY and path[:-1] in keys:
            result[path] = keys[path[:-1]]
            continue
        probe = path[:-1] if path and path[-1] == KEY else path
        while probe not in values and probe:
            probe = probe[:-1]
        result[path] = values.get(probe, (1, 1))
    return result


def _prefixes(wanted: Iterable[tuple]) -> set[tuple]:
    """Every path whose position may be asked or fallen back on: each wanted path's ancestors, itself included."""
    targets = {p[:-1] if p and p[-1] == KEY else p for p in wanted}
    return {p[:i] for p in targets for i in range(len(p) + 1)}


def _find_safely(data: bytes, prefixes: set[tuple]) -> tuple[dict, dict]:
    try:
        return _find(data, prefixes)
    except yaml.reader.ReaderError:  # a character libyaml refuses: read as parse does, without it
        return _find(_yaml12(data), prefixes)


class _OutlinedFile:
    """A file and its outline: each wanted path is looked for in the smallest outlined container that holds it."""

    def __init__(self, data: bytes, outline: Outline):
        self.data = data
        self.parent, self.index, self.line, self.column, self.end_line, self.end_column = map(outline.field, Outline.FIELDS)
        # A list's outlined elements in order (4 bytes each; the document's root is the only element of -1);
        # a mapping's by key.
        self.elements: dict[int, array] = {}
        self.members: dict[tuple[int, Any], int] = {}
        for node, (parent, index) in enumerate(zip(self.parent, self.index)):
            if index >= 0:
                elements = self.elements.get(parent)
                if elements is None:
                    elements = self.elements[parent] = array("i")
                elements.append(node)
            else:  # the first of duplicate keys, as parse keeps
                self.members.setdefault((parent, outline.key[node]), node)

    def child(self, node: int, step) -> int | None:
        """The outlined container at *step* (a key, or an index) of *node*; None when it is not one."""
        elements = self.elements.get(node)
        if elements is None:  # a mapping, or a list of no outlined element
            return self.members.get((node, step))
        if type(step) is not int or step < 0:
            return None
        index = self.index
        if step < len(elements) and index[elements[step]] == step:  # every element a container, as in a plan
            return elements[step]
        at = bisect_left(elements, step, hi=min(step + 1, len(elements)), key=index.__getitem__)
        return elements[at] if at < len(elements) and index[elements[at]] == step else None

    def holder(self, path: tuple) -> tuple[int, int]:
        """The deepest outlined container on *path* (the path itself included), and how many steps it takes."""
        node = self.child(-1, 0)  # the document's root
        if node is None:
            return -1, 0
        depth = 0
        for step in path:
            child = self.child(node, step)
            if child is None:
                break
            node, depth = child, depth + 1
        return node, depth

    def find(self, wanted: set[tuple]) -> tuple[dict, dict]:
        values: dict[tuple, tuple[int, int]] = {}
        keys: dict[tuple, tuple[int, int]] = {}
        groups: dict[int, tuple[tuple, set]] = {}  # node -> (its path, the wanted paths below it, relative)
        for path in wanted:
            # A key is read in the mapping that holds it; a value in the container it is, or is in.
            node, depth = self.holder(path[:-2] if path and path[-1] == KEY else path)
            if node < 0:  # the document is no container
                return _find_safely(self.data, _prefixes(wanted))
            values[path[:depth]] = (self.line[node] + 1, self.column[node] + 1)
            if len(path) > depth:
                groups.setdefault(node, (path[:depth], set()))[1].add(path[depth:])
        # Each container's lines are read once, for every path asked of it.
        spans = {node: (self.line[node], self.end_line[node]) for node in groups}
        offsets = _line_offsets(self.data, {line for first, last in spans.values() for line in (first, last + 1)})
        whole: set[tuple] = set()  # paths in containers too large to copy: found by reading the file itself
        one_line: dict[int, str] = {}  # a line holding containers of one line each, read once for them all
        for node, (base, relative) in groups.items():
            first, last = spans[node]
            shift = 0  # columns the text read starts after, on its first line
            if first == last and offsets[last + 1] - offsets[first] <= 16 * LOCAL_BYTES:
                # A container on one line ("sections: [{}, {}, …]" on a line of megabytes): its own characters, not
                # the line's, else each of a thousand problems on the line would read all of it again. (A longer
                # line is not held as text: what is on it is found by reading the file itself, once, below.)
                line_text = one_line.get(first)
                if line_text is None:
                    line_text = one_line[first] = _LINES.split(self.data[offsets[first] : offsets[last + 1]].decode("utf-8"), 1)[0]
                lines, shift = [line_text[self.column[node] : self.end_column[node]]], self.column[node]
                found = _find_safely(lines[0].encode("utf-8"), _prefixes(relative))
            elif offsets[last + 1] - offsets[first] > LOCAL_BYTES:
                whole.update(base + path for path in relative)
                continue
            else:
                text = self.data[offsets[first] : offsets[last + 1]]
                lines = _node_lines(text, last - first + 1, self.column[node], self.end_column[node])
                found = _simple_mapping(lines, self.column[node], relative)
                if found is None:
                    found = _find_safely("\n".join(lines).encode("utf-8"), _prefixes(relative))
            for local, into in zip(found, (values, keys)):
                for path, (line, column) in local.items():
                    into.setdefault(base + path, (line + first, column + shift if line == 1 else column))
        if whole:
            for found, into in zip(_find_safely(self.data, _prefixes(whole)), (values, keys)):
                for path, position in found.items():
                    into.setdefault(path, position)
        return values, keys


def _line_offsets(data: bytes, lines: set[int]) -> dict[int, int]:
    """The byte offset where each of *lines* (0-based; lines end at LF, CR or CRLF) starts; the end of *data* past the last."""
    after = _after_breaks if b"\r" in data else _after_newlines
    offsets: dict[int, int] = {}
    line, offset = 0, 0
    for wanted in sorted(lines):
        if wanted > line:
            offset, line = after(data, offset, wanted - line), wanted
        offsets[wanted] = offset
    return offsets


def _after_breaks(data: bytes, offset: int, count: int) -> int:
    """The offset just after the *count*-th line break (LF, CR or CRLF) at or after *offset* (the end of *data* when there are fewer)."""
    found = next(islice(_BREAK.finditer(data, offset), count - 1, None), None)
    return len(data) if found is None else found.end()


def _after_newlines(data: bytes, offset: int, count: int) -> int:
    """The offset just after the *count*-th LF at or after *offset* (the end of *data* when there are fewer).

    A span likely to hold them is counted (bytes.count runs in C), doubled until it does, then halved
    down to the one LF; each byte is counted about twice.
    """
    size = len(data)
    low, high = offset, min(size, offset + 64 * count)
    while True:
        found = data.count(b"\n", low, high)
        if found >= count:
            break
        if high == size:
            return size
        count -= found
        low, high = high, min(size, high + 2 * (high - low) + 64)
    while high - low > 256:
        middle = (low + high) // 2
        found = data.count(b"\n", low, middle)
        if found >= count:
            high = middle
        else:
            count -= found
            low = middle
    for _ in range(count):
        low = data.index(b"\n", low) + 1
    return low


def _node_lines(text: bytes, count: int, column: int, end_column: int) -> list[str]:
    """A container's *count* lines as a document of their own: what comes before it on its first line
    made spaces (columns stay), what comes after it on its last line left out."""
    lines = _LINES.split(text.decode("utf-8"))[:count]
    lines += [""] * (count - len(lines))
    lines[-1] = lines[-1][:end_column]
    lines[0] = " " * column + lines[0][column:]
    return lines


_LINES = re.compile("\r\n?|\n")

# A key line of a block mapping as plan files write it: a plain word, a colon, then a space or nothing.
_KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: +|\Z)")
# A value starting with one of these may be more than a plain scalar on one line.
_NOT_PLAIN = frozenset("-?:,[]{}#&*!|>'\"%@`")


def _simple_mapping(lines: list[str], column: int, relative: set[tuple]) -> tuple[dict, dict] | None:
    """Positions (1-based, lines counted from the first of *lines*) in a block mapping at *column* whose
    lines, up to the last position asked, are all plain enough to be sure of without libyaml:
    ``key: value`` on one line (a plain value, or ``[]``), ``key:`` then ``- value`` lines, blank lines
    and comments. None for anything else (quotes, block scalars, flow collections, nested mappings,
    a value going on to the next line, tabs, a duplicate key): libyaml reads those."""
    values: dict[tuple, tuple[int, int]] = {(): (1, column + 1)}
    keys: dict[tuple, tuple[int, int]] = {}
    asked = [(path[:-1], keys) if path[-1] == KEY else (path, values) for path in relative]
    sequence: list | None = None  # the key whose entries are being read, their indentation, the next index
    for number, line in enumerate(lines, 1):
        text = line.lstrip(" ")
        if not text or text[0] == "#":
            continue
        indent = len(line) - len(text)
        if "\t" in line:
            return None
        if sequence is not None and text[:2] == "- " and indent >= column and sequence[1] in (None, indent):
            value = text[2:].lstrip(" ")
            if not _plain(value):
                return None
            key = sequence[0]
            if sequence[1] is None:
                sequence[1] = indent
                values[(key,)] = (number, indent + 1)
            values[(key, sequence[2])] = (number, indent + len(text) - len(value) + 1)
            sequence[2] += 1
        else:
            match = _KEY_LINE.match(text)
            if indent != column or match is None or (sequence is not None and sequence[1] is None):
                return None  # not a key line of this mapping, or a key with nothing under it (null)
            key = match.group(1)
            if (key,) in keys or key in _SPECIAL_WORDS:
                return None
            keys[(key,)] = (number, column + 1)
            value = text[match.end() :]
            sequence = None
            if not value:
                sequence = [key, None, 0]  # a block sequence must follow
                continue
            if not (value.rstrip(" ") == "[]" or _plain(value)):
                return None
            values[(key,)] = (number, column + match.end() + 1)
        if all(path in found for path, found in asked):
            return values, keys
    if sequence is not None and sequence[1] is None:
        return None
    return values, keys


def _plain(value: str) -> bool:
    """A plain scalar that ends on its line (a comment may follow it)."""
    return bool(value) and value[0] not in _NOT_PLAIN and ": " not in value and not value.rstrip(" ").endswith(":")


def _find(data: bytes, prefixes: set[tuple]) -> tuple[dict, dict]:
    """Positions of the values and of the keys at *prefixes* (the first of duplicate keys, as ``parse`` keeps)."""
    values: dict[tuple, tuple[int, int]] = {}
    keys: dict[tuple, tuple[int, int]] = {}
    starts = (ev.MappingStartEvent, ev.SequenceStartEvent)
    # A frame is [path (None when nothing wanted lies below), is_mapping, next index or pending key, key position].
    stack: list[list] = []
    loader = _Loader(data)
    try:
        for event in iter(loader.get_event, None):
            kind = type(event)
            if kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
                stack.pop()
                continue
            if kind is not ev.ScalarEvent and kind not in starts and kind is not ev.AliasEvent:
                continue
            position = (event.start_mark.line + 1, event.start_mark.column + 1)
            path: tuple | None = ()
            if stack:
                frame = stack[-1]
                parent, is_mapping, step = frame[0], frame[1], frame[2]
                if is_mapping and step is _NO_KEY:  # this node is a key: the key as parse reads it
                    frame[2], frame[3] = _key(event) if kind is ev.ScalarEvent else None, position
                    if kind in starts:
                        stack.append([None, False, 0, None])
                    continue
                frame[2] = _NO_KEY if is_mapping else step + 1
                path = None if parent is None else parent + (step,)
                if is_mapping and path in prefixes:
                    keys.setdefault(path, frame[3])
            if path in prefixes:
                values.setdefault(path, position)
            if kind in starts:
                is_mapping = kind is ev.MappingStartEvent
                stack.append([path if path in prefixes else None, is_mapping, _NO_KEY if is_mapping else 0, None])
    except yaml.reader.ReaderError:
        raise
    except yaml.YAMLError:
        pass  # the positions found before a syntax error still serve
    finally:
        loader.dispose()
    return values, keys


def _key(event) -> Any:
    value = unicodedata.normalize("NFC", event.value)
    if event.implicit[0] and (value in _SPECIAL_WORDS or value[:1] in _NUMBER_START):
        return _number(value, event, [])
    return value
