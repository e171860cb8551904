"""libyaml's syntax errors as the reader's problems: the mistakes a clerk makes most worded as a clerk can mend them."""

from __future__ import annotations

import itertools
import re

import yaml

from cchc.inputs.yaml_problems import YamlProblem

BREAK = re.compile(rb"\r\n?|\n")


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
    char = char_at(data, mark.line, mark.column)
    if char == "\t":
        return at(mark, "yaml-tab")
    if "nesting depth" in problem:  # newer libyaml bounds nesting itself
        return at(mark, "yaml-depth", {"limit": depth_limit})
    if problem.startswith("mapping values are not allowed"):
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
