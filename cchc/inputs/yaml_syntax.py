"""libyaml's syntax errors as the reader's problems: the mistakes a clerk makes most worded as a clerk can mend them."""

from __future__ import annotations

import itertools
import re
from typing import Iterator

import yaml

from cchc.inputs.yaml_problems import YamlProblem

#: The longest key YAML reads without quotes or "? " (YAML 1.1, 7.4.1: an implicit key is at most 1,024 characters).
MAX_KEY = 1024
BREAK = re.compile(rb"\r\n?|\n")
#: The lines git's merge writes around two sides of a conflict begin so: "<<<<<<< HEAD", "=======", ">>>>>>> branch".
_CONFLICT_MARKERS = (b"<<<<<<<", b"=======", b">>>>>>>")


def at(mark, code: str, args: dict | None = None, key: str | None = None) -> YamlProblem:
    """A problem at libyaml's 0-based *mark*."""
    return YamlProblem(mark.line + 1, mark.column + 1, code, args or {}, key)


def syntax_problem(exc: yaml.YAMLError, data: bytes, depth_limit: int) -> YamlProblem:
    """A libyaml error as a problem; the mistakes a clerk makes most get their own message."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is None:
        return YamlProblem(1, 1, "yaml-syntax", {"detail": str(exc)})
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None) or ""
    context_mark = getattr(exc, "context_mark", None)
    conflict = _conflict_marker(data)
    if conflict is not None:  # git's merge left its markers in: what libyaml trips over is near them, not them
        line = data.count(b"\n", 0, conflict) + 1 if b"\n" in data else data.count(b"\r", 0, conflict) + 1
        return YamlProblem(line, 1, "yaml-syntax", {"marker": data[conflict : conflict + 7].decode("ascii")}, "yaml-syntax.conflict")
    char = char_at(data, mark.line, mark.column)
    if char == "\t":
        return at(mark, "yaml-tab")
    if "nesting depth" in problem:  # newer libyaml bounds nesting itself
        return at(mark, "yaml-depth", {"limit": depth_limit})
    if char == ":":
        key = line_at(data, mark.line, mark.column)[1][: mark.column].lstrip(" -")
        if len(key) > MAX_KEY and ": " not in key:  # YAML reads a key without quotes up to 1,024 characters only
            return at(mark, "yaml-syntax", {"length": len(key), "limit": MAX_KEY}, "yaml-syntax.long-key")
    if problem.startswith("mapping values are not allowed"):
        off = _key_out_of_line(data, mark.line, continued=True)
        if off is not None:  # "lead:" a column right of "product:" above, read as more of its value
            return YamlProblem(mark.line + 1, off[0] + 1, "yaml-syntax", off[1], off[2])
        return at(mark, "yaml-syntax", {"line": mark.line + 1}, "yaml-syntax.colon")
    if context == "while scanning a quoted scalar" and context_mark is not None and "end of stream" in problem:
        quote = char_at(data, context_mark.line, context_mark.column)
        return at(context_mark, "yaml-syntax", {"quote": quote}, "yaml-syntax.quote")
    if problem == "found character that cannot start any token" and char:
        return at(mark, "yaml-syntax", {"char": char}, "yaml-syntax.character")
    before = line_at(data, mark.line, mark.column)[1][: mark.column].rstrip(" ")
    if before[-1:] in ("\"", "'") and char not in ("", "#", ":", ",", "]", "}") and "escape" not in problem:
        # `product: "Báo cáo" năm 2026`: a value that starts with a quote ends at the quote that closes it.
        return at(mark, "yaml-syntax", {"quote": before[-1]}, "yaml-syntax.after-quote")
    worded = _libyaml_keys(context, problem)
    if worded is None:  # libyaml's own English, for an English reader only
        return at(mark, "yaml-syntax", {"detail": f"{context}: {problem}" if context else problem})
    if problem.startswith("did not find expected") and context.startswith("while parsing a block") and context_mark is not None:
        off = _key_out_of_line(data, mark.line, continued=False)
        if off is not None:  # "lead:" a column left of "product:" above
            return YamlProblem(mark.line + 1, off[0] + 1, "yaml-syntax", off[1], off[2])
        return at(mark, "yaml-syntax", {"problem": worded["problem"], "start": context_mark.line + 1}, "yaml-syntax.indent")
    return at(mark, "yaml-syntax", worded, "yaml-syntax.read" if context else "yaml-syntax.read-problem")


def _libyaml_keys(context: str, problem: str) -> dict | None:
    """The catalogue's keys for libyaml's *context* (may be "") and *problem*; None unless it words both."""
    from cchc.messages import catalogue

    keys = {"context": f"libyaml:{context}", "problem": f"libyaml:{problem}"} if context else {"problem": f"libyaml:{problem}"}
    return keys if all(key in catalogue() for key in keys.values()) else None


def char_at(data: bytes, line: int, column: int) -> str:
    """The character at a 0-based line and column of *data*, lines ending at LF, CR or CRLF ("" past the end)."""
    return line_at(data, line, column)[1][column : column + 1]


def line_at(data: bytes, line: int, column: int) -> tuple[int, str]:
    """Where the 0-based *line* of *data* starts (a byte offset), and its first *column* + 1 characters or more."""
    start = next((m.end() for m in itertools.islice(BREAK.finditer(data), line - 1, None)), len(data)) if line else 0
    text = data[start : start + 4 * (column + 1)].decode("utf-8", "replace")
    return start, re.split("[\r\n]", text, maxsplit=1)[0]


#: A line that holds a key of the plan's (a name in ASCII letters, digits and "_"), after a dash or not.
_KEY_LINE = re.compile(r"( *)(?:- +)?([A-Za-z_][A-Za-z0-9_]*) *:(?: +(.*))?$")
#: A value that starts a block of text (``|``, ``>-``, ``|2``, a comment after it) on the lines below.
_BLOCK_START = re.compile(r"[|>][-+0-9]*\s*(?:#.*)?")


def _key_out_of_line(data: bytes, line: int, continued: bool) -> tuple[int, dict, str] | None:
    """When the 0-based *line* starts with a key a column or two off its fellows: the key's 0-based column, what to
    line it up with (the key, its line and column; and the key of the level above, when that is as near), and the
    message's key. *continued*: libyaml read the line as more of the value above ("mapping values are not allowed"),
    so only the key of that line, one column left of it, is its fellow. Lines inside a block of text (``|``) or an
    open quoted value are text, never keys."""
    found = _KEY_LINE.match(line_at(data, line, 200)[1])
    if found is None or found.group(0).lstrip().startswith("-"):
        return None
    column = found.start(2)
    above = [(n, text) for n, text in _lines_above(data, line) if text.strip() and not text.lstrip().startswith("#")]
    keys = [(k, n, key) for k, (n, text) in enumerate(above) if (key := _KEY_LINE.match(text)) and not _in_text(above, k)]
    if continued:
        if not keys or keys[0][0] != 0 or keys[0][2].start(2) != column - 1 or not _plain(keys[0][2].group(3)):
            return None
        keys = keys[:1]
    for k, (_, at_line, other) in enumerate(keys):
        if other.group(0).lstrip().startswith("-") and len(other.group(1)) == column:
            return None  # at a list's dashes: an element whose dash is left out, as libyaml says
        if other.start(2) > column + 2:
            continue  # a key deeper in
        if other.start(2) == column or other.start(2) <= column - 2:
            return None  # lined up with it, or a key of the level above (two columns left is a child's place)
        args = {"key": found.group(2), "other": other.group(2), "line": at_line + 1, "column": other.start(2) + 1}
        parent = next(((n, key) for _, n, key in keys[k + 1 :] if key.start(2) < column), None)
        if other.start(2) > column and parent is not None and parent[1].start(2) == column - 1:
            # between two levels: the level above may be meant
            args.update(parent=parent[1].group(2), parent_line=parent[0] + 1, parent_column=parent[1].start(2) + 1)
            return column, args, "yaml-syntax.key-column.either"
        return column, args, "yaml-syntax.key-column"
    return None


def _plain(value: str | None) -> bool:
    """Whether a key's value on its line is plain text that the next line may go on with (not a block, a quote, a list)."""
    value = (value or "").strip()
    return bool(value) and value[0] not in "|>\"'[{&*!#"


def _in_text(above: list[tuple[int, str]], k: int) -> bool:
    """Whether line *k* of *above* (nearest first) lies in a block of text (``note: |``) or a quoted value left open
    on a line above it: the nearest line above it indented less starts one."""
    indent = len(above[k][1]) - len(above[k][1].lstrip(" "))
    for _, text in above[k + 1 :]:
        if len(text) - len(text.lstrip(" ")) < indent:
            key = _KEY_LINE.match(text)
            value = (key.group(3) or "").strip() if key else ""
            quoted = value[:1] in ("\"", "'") and (len(value) < 2 or value[-1] != value[0])
            return quoted or _BLOCK_START.fullmatch(value) is not None
    return False


def _lines_above(data: bytes, line: int) -> Iterator[tuple[int, str]]:
    """The lines above the 0-based *line* (200 at most, nearest first), each cut at 800 bytes: read back from where
    *line* starts, never from the top of a large file again for each."""
    start = line_at(data, line, 0)[0]
    for above in range(line - 1, max(line - 200, -1), -1):
        end = start - (2 if data[start - 2 : start] == b"\r\n" else 1)  # the line above ends before its break
        start = max(data.rfind(b"\n", 0, end), data.rfind(b"\r", 0, end)) + 1
        yield above, data[start : min(end, start + 800)].decode("utf-8", "replace")


def _conflict_marker(data: bytes) -> int | None:
    """Where the first line of git's conflict markers starts in *data* (a byte offset), or None. Each marker is
    looked for with ``bytes.find``, fast over a large file; a line is one when the marker begins it and a space,
    a tab or the line's end follows."""
    found = []
    for marker in _CONFLICT_MARKERS:
        at = data.find(marker)
        while at >= 0:
            after = data[at + 7 : at + 8]
            if (at == 0 or data[at - 1] in b"\r\n") and after in (b"", b" ", b"\t", b"\r", b"\n"):
                found.append(at)
                break
            at = data.find(marker, at + 1)
    return min(found, default=None)

