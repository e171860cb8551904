"""Text cut short by a "#": in YAML, " #" starts a comment, also in the middle of an unquoted value.

``product: Báo cáo #1 quý`` is the text "Báo cáo" and a comment "1 quý": the
reader keeps the text and says nothing, and the plan loses words of its source.
A comment a person means is written "# like this", a space after the "#"; a
"#" right before a word or a number ("#1", "#quý") is most often part of the
text. Such a cut is a warning, at the "#", saying to quote the whole value.
"""

from __future__ import annotations

import re

from cchc.inputs.yaml_problems import YamlProblem

#: A "#" followed by what is not a space (searched for as the literal "#", which is fast): where a value may
#: have been cut, when a space or a tab comes before it.
_HASH = re.compile(rb"#[^\s#]")
_CUT_TEXT = re.compile(r"[ \t]#(?=[^\s#])")
#: A value YAML reads as something else than text (a number, a date, true/false, null): a cut there is no loss of words.
_NOT_TEXT = re.compile(r"[-+]?[0-9][0-9.,_:]*|[0-9]{4}-[0-9]{2}-[0-9]{2}|(?i:true|false|yes|no|on|off|null|~)")
#: A key and its value on a line: "key: value", "- key: value", or "- value" (a list's text).
_KEY = re.compile(r"(?:- )*(?:[^\s\"'#\-?:,\[\]{}&*!|>%@`][^:]*?:[ \t]+|- )")
#: Characters that open a value YAML reads otherwise than as plain text up to the comment.
_OPENERS = "\"'[{|>&*!#%@`"


class Cuts:
    """The values of a file that a "#" may have cut, found before it is read; the reader tells it which of
    them it read as plain text (``plain``: (0-based line, value)), and ``confirmed`` gives those."""

    def __init__(self, data: bytes):
        self.found = cut_values(data) if b"#" in data else []
        self.lines = {cut.line - 1 for cut in self.found}
        self.plain: set[tuple[int, str]] = set()

    def confirmed(self) -> list[YamlProblem]:
        return [cut for cut in self.found if (cut.line - 1, cut.args["value"]) in self.plain]


def cut_values(data: bytes) -> list[YamlProblem]:
    """A warning for each unquoted value of *data* (UTF-8) that a "#" cut short ("Báo cáo #1 quý")."""
    problems: list[YamlProblem] = []
    if b"\r" in data:  # lines as YAML breaks them: CRLF, and a lone CR (old Mac editors) too
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    line_end, line, counted_to = -1, 1, 0
    for found in _HASH.finditer(data):
        if found.start() < line_end or data[found.start() - 1 : found.start()] not in (b" ", b"\t"):  # one look at each line
            continue
        start = data.rfind(b"\n", 0, found.start()) + 1
        line_end = data.find(b"\n", found.start())
        line_end = len(data) if line_end < 0 else line_end
        line += data.count(b"\n", counted_to, start)
        counted_to = start
        cut = _cut_on_line(data[start:line_end].decode("utf-8", "replace"))
        if cut is not None:
            column, value, comment = cut
            key = "yaml-comment" if value else "yaml-comment.empty"
            problems.append(YamlProblem(line, column, "yaml-comment", {"value": value, "comment": comment}, key, "warning"))
    return problems


def _cut_on_line(line: str) -> tuple[int, str, str] | None:
    """(column of the "#", the value kept, the comment) when *line* holds a plain text value cut by a "#"."""
    text = line.lstrip(" ")
    if not text or text[0] == "#":
        return None
    key = _KEY.match(text)
    if key is None:
        return None
    value = text[key.end() :]
    if value[:1] == "#" and value[1:2].strip() and value[1:2] != "#":  # "product: #1 quý": all of it a comment
        return len(line) - len(text) + key.end() + 1, "", value[1:].strip()
    if not value or value[0] in _OPENERS:
        return None
    hash_at = _CUT_TEXT.search(value)
    if hash_at is None:
        return None
    kept = value[: hash_at.start()].rstrip()
    if not kept or _NOT_TEXT.fullmatch(kept):
        return None
    return len(line) - len(text) + key.end() + hash_at.start() + 2, kept, value[hash_at.start() + 2 :].strip()
