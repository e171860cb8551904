"""A large plan read by two processes: the second half of its list of sections by a forked child.

libyaml reads some 4 MB of a plan a second here, one event at a time, and a
second core stays idle. A plan is a mapping whose last long value is a block
list (``sections:``); a line that starts that list's next entry, at the
list's own indentation, is a place where the file can be cut. This process
reads the text before the cut; a child made by ``fork`` meanwhile reads the
text after it, after a first line ``sections:`` and as many empty lines as
there were lines before the cut, so every line and column stays where it is;
the child sends back what it read (pickled, in an anonymous file in memory)
and the two are joined.

The result is what ``cchc.inputs.yaml.parse`` gives for the whole file, the
same data and the same outline, or nothing at all: both halves are read by
the same reader, and the halves are used only when each is read without a
single problem and everything that could make the whole read differently is
ruled out (see ``cut`` and ``_list_in_first``). Otherwise, or when the
child cannot start or fails, the file is read whole, as before, and that read
reports every problem.
"""

from __future__ import annotations

import pickle
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable

from cchc import forks
from cchc.inputs import yaml as safeyaml
from cchc.inputs import yaml_comments, yaml_locate

#: Files smaller than this are read whole: the fork and the copy back cost more than they save.
LEAST_BYTES = 4 << 20

#: The key of the long list where a plan is cut: its sections.
LIST_KEY = b"sections"

_KEY_LINE = re.compile(rb"([A-Za-z_][A-Za-z0-9_]*):[ ]*\r?\n")
_BLANK_OR_COMMENT = re.compile(rb"[ ]*(?:#[^\n]*)?\r?\n")
_ENTRY = re.compile(rb"([ ]*)- ")


@dataclass(frozen=True)
class Cut:
    """Where the file is cut: the byte offset and 0-based line of the entry's line, the list's key and indentation."""

    start: int
    line: int
    key: bytes
    indent: int


def parse(source: str | bytes, is_nfc: bool | None = None, outline: safeyaml.Outline | None = None) -> tuple[Any, list]:
    """What ``cchc.inputs.yaml.parse`` gives; a large file (with an *outline* asked for) is read in two processes."""
    data = safeyaml._as_bytes(source)
    if outline is not None and len(data) >= LEAST_BYTES and forks.cores() > 1:
        if is_nfc is None:
            is_nfc = data.isascii() or unicodedata.is_normalized("NFC", data.decode("utf-8", "replace"))
        root = in_two(data, not is_nfc, outline)
        if root is not None:
            return root, []
    return safeyaml.parse(source, is_nfc, outline)  # the source: its BOM is taken off once, there


def cut(data: bytes) -> Cut | None:
    """The first line at or after the middle of *data* that may start another entry of the document's list
    ``sections`` (at the indentation of its first entry); None when there is none or the file holds what this
    reading does not handle. Whether the line does start one is known only once the text before it is read."""
    if any(scan.search(data) for scan in safeyaml._YAML11_BREAKS):
        return None  # NEL, LS, PS: problems the whole reading reports
    if b"\xef\xbb\xbf" in data or b"\x00" in data or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # a BOM (libyaml passes over one at the start of any line), or not UTF-8
    if b"\r" in data and data.count(b"\r") != data.count(b"\r\n"):
        return None  # lines that end at a lone CR
    if yaml_comments.Cuts(data).found:
        return None  # a value a "#" may have cut: a warning the whole reading gives
    middle = len(data) // 2
    key = _KEY_LINE.match(data, data.rfind(b"\n" + LIST_KEY + b":", 0, middle) + 1)
    if key is None or key.group(1) != LIST_KEY:
        return None
    if data.startswith(b"%") or b"\n%" in data[: key.start()]:
        return None  # a directive (%TAG) would change how tags read after the cut
    position = _past_blank_lines(data, key.end())
    first = _ENTRY.match(data, position)
    if first is None or position >= middle:
        return None
    indent = first.end(1) - first.start(1)
    start = data.find(b"\n" + b" " * indent + b"- ", middle) + 1
    if not start or _ends_document(data, start):
        return None
    return Cut(start, data.count(b"\n", 0, start), LIST_KEY, indent)


def _past_blank_lines(data: bytes, position: int) -> int:
    """Where the first line from *position* on that is neither blank nor a comment starts."""
    while (blank := _BLANK_OR_COMMENT.match(data, position)) is not None and blank.end() > position:
        position = blank.end()
    return position


def _ends_document(data: bytes, start: int) -> bool:
    """Whether a line "..." (the document's end) follows the last line of content before *start*: the text
    before the cut then reads as a whole document, and the whole file as two (a problem)."""
    end = start - 1
    while end > 0:
        line_start = data.rfind(b"\n", 0, end) + 1
        line = data[line_start:end]
        if line.startswith(b"..."):
            return True
        text = line.strip(b" \r")
        if text and not text.startswith(b"#"):
            return False
        end = line_start - 1
    return False


def in_two(data: bytes, normalize: bool, outline: safeyaml.Outline) -> Any:
    """The document read in two processes, its outline put in *outline*; None when it must be read whole."""
    where = cut(data)
    if where is None:
        return None
    child = forks.Child.computing(lambda: _second_half(data, where, normalize))
    if child is None:
        return None
    try:
        problems: list = []
        first_outline = safeyaml.Outline()
        try:
            first = safeyaml._read(data[: where.start], problems, normalize, first_outline)
        except safeyaml.yaml.reader.ReaderError:
            return None
        list_node = None if problems else _list_in_first(first, first_outline, where)
        if list_node is None:
            return None
        try:
            second = child.value()
        except (pickle.UnpicklingError, EOFError):
            return None
    finally:
        child.stop()
    return None if second is None else _join(first, first_outline, list_node, second, where, outline)


def _second_half(data: bytes, where: Cut, normalize: bool) -> tuple | None:
    """The text after the cut read (in the child) as the list of ``where.key``: (root, outline cells as bytes,
    outline keys), or None when reading it found any problem."""
    text = where.key + b":" + b"\n" * where.line + data[where.start :]
    problems: list = []
    outline = safeyaml.Outline()
    try:
        root = safeyaml._read(text, problems, normalize, outline)
    except safeyaml.yaml.reader.ReaderError:
        root = None
    name = where.key.decode("ascii")
    if problems or not isinstance(root, dict) or not isinstance(root.get(name), list) or outline.key.get(1) != name:
        return None
    return root, outline.cells.tobytes(), outline.key


def _list_in_first(first: Any, outline: safeyaml.Outline, where: Cut) -> int | None:
    """The outline's node of the list when the text before the cut is a mapping at column 0 whose last key is
    the list's, a block list whose entries start at the cut's indentation (the cut's line then opens its next
    entry); None when it is not."""
    name = where.key.decode("ascii")
    if not isinstance(first, dict) or not first or next(reversed(first)) != name or not isinstance(first[name], list):
        return None
    cells = outline.cells
    node = _list_node(outline, name)
    if cells[0] == -1 and cells[3] == 0 and node is not None and cells[6 * node + 3] == where.indent:
        return node
    return None


def _list_node(outline: safeyaml.Outline, name: str) -> int | None:
    """The outline's node of the document's member *name* (the last one: a duplicate would be a problem)."""
    parents = outline.field("parent")
    found = [node for node, key in outline.key.items() if key == name and parents[node] == 0]
    return found[-1] if found else None


def _join(first: dict, first_outline: safeyaml.Outline, list_node: int, second: tuple, where: Cut, outline: safeyaml.Outline) -> Any:
    """The two halves as one document and one outline (into *outline*; *list_node* is the list's node in the
    first half's); None when a key of the document's mapping is in both (the whole reading reports the duplicate)."""
    root, cells_bytes, keys = second
    name = where.key.decode("ascii")
    if any(key in first for key in root if key != name):
        return None
    entries = first[name]
    count = len(entries)
    entries.extend(root[name])
    for key, value in root.items():
        if key != name:
            first[key] = value
    cells = first_outline.cells
    width = len(safeyaml.Outline.FIELDS)
    # Containers still open at the cut were closed by the end of the first half's text (its last line, column 0);
    # in the whole file the cut's entry closes them, at its dash.
    for node in range(len(cells) // width):
        if cells[node * width + 4] == where.line and cells[node * width + 5] == 0:
            cells[node * width + 5] = where.indent
    more = type(cells)("i")
    more.frombytes(cells_bytes)
    for node, target in ((0, 0), (1, list_node)):  # the document and the list end where the second half ends
        cells[target * width + 4 : target * width + 6] = more[node * width + 4 : node * width + 6]
    shift = len(cells) // width - 2
    tail = more[2 * width :]
    for at in range(0, len(tail), width):
        parent = tail[at]
        if parent == 1:
            tail[at], tail[at + 1] = list_node, tail[at + 1] + count
        elif parent > 1:
            tail[at] = parent + shift
    cells.extend(tail)
    outline.cells = cells
    outline.key = first_outline.key
    outline.key.update((node + shift, key) for node, key in keys.items() if node >= 2)
    outline.cleaned = False
    return first


#: Fewer paths than this are found by this process alone: a fork costs some milliseconds.
LEAST_PATHS = 4096


def locate(source: bytes, paths: Iterable[tuple], outline: safeyaml.Outline | None = None, alone: bool = False) -> dict:
    """What ``yaml_locate.locate`` gives; many paths in a plan's sections (in the order the checks found
    them) are found half by a forked child, whole sections each side: a path's position depends only on
    the paths found with it in the same container. *alone*: by this process only (a child already works)."""
    paths = list(dict.fromkeys(paths))
    in_sections = [path for path in paths if len(path) > 2 and path[0] == "sections"]
    if alone or len(in_sections) < LEAST_PATHS or outline is None or forks.cores() < 2:
        return yaml_locate.locate(source, paths, outline)
    middle = len(in_sections) // 2
    while middle < len(in_sections) and in_sections[middle][1] == in_sections[middle - 1][1]:
        middle += 1
    second = set(in_sections[middle:])
    if not second:
        return yaml_locate.locate(source, paths, outline)
    first = [path for path in paths if path not in second]
    child = forks.Child.computing(lambda: yaml_locate.locate(source, second, outline))
    if child is None:
        return yaml_locate.locate(source, paths, outline)
    try:
        found = yaml_locate.locate(source, first, outline)
        found.update(child.value())
    finally:
        child.stop()
    return found
