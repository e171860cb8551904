"""Appending an entry to a progress log, keeping every byte that is there.

``append_entry`` adds an entry as text at the end of the file (comments,
order and everything else kept), each value a double-quoted YAML scalar with
every control character escaped, and checks before writing that the reader
reads the whole file back as before plus exactly the new entry (text in NFC,
the form every cchc file is read in). A log its owner made read-only is
refused, never replaced. Reading and judging a log is ``cchc.progress``.
"""

from __future__ import annotations

import os
import re
import shlex
import unicodedata
from pathlib import Path

from cchc.problems import Problem, error
from cchc.write import on_read_only_drive as _on_read_only_drive, read_only

__all__ = ["LogNotAppendable", "LogReadOnly", "read_only", "unreadable_problem", "append_entry", "entry_text", "yaml_string", "clean_text"]


class LogNotAppendable(Exception):
    """The log cannot take an entry safely (it has errors, or would read back differently): a message key and its arguments."""

    def __init__(self, key: str, problems: list[Problem] | None = None, **params):
        super().__init__(key)
        self.key = key
        self.params = params
        self.problems = list(problems or [])


def unreadable_problem(exc, path: Path | str, name: str | None = None) -> Problem:
    """The problem of a log that cannot be read (*exc*: ``cchc.inputs.files.UnreadableFile``), naming it a progress log.

    A directory is "not a progress log" (the plan's message says "not a plan
    file"); a symlink to nothing says where it points.
    """
    key, args = exc.key, dict(exc.args)
    if exc.code == "not-a-file":
        key = "not-a-file.progress"
    elif exc.code == "not-found" and os.path.islink(path):
        key = "not-found.dangling-link"
        try:
            args["target"] = os.readlink(path)
        except OSError:  # pragma: no cover - the link went away meanwhile
            key = "not-found"
    return error(exc.code, key=key, file=name or os.fspath(path), line=1, column=1, **args)


class LogReadOnly(LogNotAppendable):
    """The log is read-only (its user took away the right to write it): refused, never replaced by the atomic rename."""


class LogFull(LogReadOnly):
    """The entry would take the log past the size every reader refuses: refused, the log unchanged."""


#: Characters written as escapes in a double-quoted scalar: control characters (C0, DEL, C1),
#: the line and paragraph separators, non-characters, bidi controls and zero-width characters.
_ESCAPED = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff\"\\\\]")
_SHORT_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", '"': '\\"', "\\": "\\\\", "\x00": "\\0"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def clean_text(text: str) -> str:
    """*text* as a log keeps it: NFC; ValueError when it holds a lone surrogate (bytes that were not UTF-8)."""
    if _SURROGATE.search(text):
        raise ValueError("not text")
    return unicodedata.normalize("NFC", text)


def hidden_characters(text: str) -> list[str]:
    """The control and invisible characters in *text*, each once (tab and line ends are text): those reading
    a log that holds them warns of (``cchc.load.escaped_texts``), as a plan's own text."""
    from cchc.load import CONTROL
    from cchc.text import INVISIBLE

    return list(dict.fromkeys(CONTROL.findall(text) + INVISIBLE.findall(text)))


def yaml_string(text: str) -> str:
    """*text* as a double-quoted YAML scalar on one line, which the safe reader reads back as exactly *text*."""
    return '"' + _ESCAPED.sub(_escape, clean_text(text)) + '"'


def entry_text(entry, newline: str = "\n") -> str:
    """The entry (a ``cchc.progress.Entry``) as a block-sequence item of the log, every value a quoted string."""
    fields = [("id", entry.id), ("status", entry.status)]
    if entry.date is not None:
        fields.append(("date", entry.date.isoformat()))
    fields += [(name, value) for name, value in (("evidence", entry.evidence), ("note", entry.note)) if value]
    lines = [f"{'- ' if i == 0 else '  '}{name}: {yaml_string(value)}" for i, (name, value) in enumerate(fields)]
    return newline.join(lines) + newline


def _expected(entry) -> dict:
    record = {"id": clean_text(entry.id), "status": entry.status}
    if entry.date is not None:
        record["date"] = entry.date.isoformat()
    for name in ("evidence", "note"):
        value = getattr(entry, name)
        if value:
            record[name] = clean_text(value)
    return record


def append_entry(path: Path | str, entry, header: str = "") -> bytes:
    """Add *entry* at the end of the log at *path*, atomically; a new log starts with *header* as comment lines.

    The file's bytes are kept as they are and the entry's text follows them.
    Raises LogReadOnly when the log is read-only (``read_only``);
    LogNotAppendable when the log has YAML or structure errors, or when the
    result would not read back as the old entries plus exactly *entry*;
    OSError when the file cannot be read or written. Returns the bytes
    written.
    """
    from cchc.write import FolderUnreadable, directory_locked

    path = Path(path)
    try:
        with directory_locked(path):  # two appends at once take turns: neither loses the other's entry
            return _append(path, entry, header)
    except FolderUnreadable as exc:
        raise LogReadOnly("progress.folder-unreadable", path=str(path), folder=exc.filename, quoted=shlex.quote(exc.filename)) from None


def _append(path: Path, entry, header: str) -> bytes:
    from cchc.inputs import yaml as safeyaml
    from cchc.inputs.files import UnreadableFile, read_bounded
    from cchc.write import extend_file, write_atomically

    old = b""
    existed = os.path.lexists(path)
    if existed:
        if read_only(path):
            key = "progress.read-only-drive" if _on_read_only_drive(path) else "progress.read-only"
            raise LogReadOnly(key, path=str(path), quoted=shlex.quote(str(path)))
        try:
            old = read_bounded(path, safeyaml.MAX_BYTES)
        except UnreadableFile as exc:
            raise LogNotAppendable(exc.key, [unreadable_problem(exc, path, str(path))], **exc.args) from None
    before = _read_for_append(old, str(path))
    kept = len(old)  # what the file holds, which the new bytes start with
    newline = _newline(old[:65536])
    if not old:
        lines = [line.rstrip() for line in header.splitlines()]
        old = "".join(("# " + line).rstrip() + newline for line in lines).encode("utf-8")
    elif not old.endswith((b"\n", b"\r")):
        ended = old + newline.encode()
        if _read_for_append(ended, str(path)) != before:  # the last value is a block ("|") the line end would go into
            raise LogNotAppendable("progress.no-line-end", path=str(path))
        old = ended
    text = entry_text(entry, newline)
    indent = _LIST_INDENT.search(old)
    if indent is not None and indent.end(1) > indent.start(1):  # a list written indented ("  - id: …"): the entry too
        text = "".join(" " * (indent.end(1) - indent.start(1)) + line for line in text.splitlines(keepends=True))
    new = old + text.encode("utf-8")
    if len(new) > safeyaml.MAX_BYTES:  # a log no command would then read
        raise LogFull("progress.full", path=str(path), limit=safeyaml.MAX_BYTES)
    after, problems = safeyaml.parse(new)
    if any(p.severity == "error" for p in problems) or after != before + [_expected(entry)]:
        raise LogNotAppendable("progress.not-appendable", path=str(path))
    if existed:
        extend_file(path, new, kept)  # the log stays the file it was: its owner, group and links
    else:
        write_atomically(path, new)
    return new


#: The first entry of a log's list, at the start of a line (the first may start after a byte-order mark): its
#: indentation is the list's.
_LIST_INDENT = re.compile(rb"(?:^(?:\xef\xbb\xbf)?|[\r\n])( *)- ")


def _newline(start: bytes) -> str:
    """The line end a log is written with, from its first bytes: CRLF, CR alone (an old Mac editor's) or LF."""
    if b"\r\n" in start:
        return "\r\n"
    return "\r" if b"\r" in start and b"\n" not in start else "\n"


def _read_for_append(data: bytes, name: str) -> list:
    """The log's data as the reader gives it; LogNotAppendable when it has errors or is not a list."""
    from cchc.inputs import yaml as safeyaml
    from cchc.load import from_yaml, located

    if not data:
        return []
    source, is_nfc, problem = safeyaml.decode(data)
    if problem is not None:
        raise LogNotAppendable("progress.has-errors", [from_yaml(name, problem)], path=name)
    root, found = safeyaml.parse(source, is_nfc)
    errors = [from_yaml(name, p) for p in found if p.severity == "error" and p.code != "empty"]
    if errors:
        raise LogNotAppendable("progress.has-errors", errors, path=name)
    if root is None:
        return []
    if not isinstance(root, list):
        problems = located(name, source, [error("progress-schema", (), key="progress-schema.list")])
        raise LogNotAppendable("progress.has-errors", problems, path=name)
    return root
