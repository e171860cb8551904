"""Problems: what is wrong with a plan, and where.

A ``Problem`` is a value, never an exception: the loader and the checks collect
every one they find and the CLI decides how to show them and which exit code
follows. ``str(problem)`` is ``file:line:col: severity [CODE] message``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

Severity = Literal["error", "warning"]

#: A place in the plan's data: keys and list indexes from the top of the document.
Path = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at file:line:column (1-based; 0 while not yet located)."""

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    #: Where in the data the problem lies; the loader turns it into line and column.
    path: Path = field(default=(), compare=False, repr=False)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity} [{self.code}] {self.message}"

    def at(self, line: int, column: int) -> Problem:
        """The same problem, placed at *line*:*column*."""
        return replace(self, line=line, column=column)

    def as_dict(self) -> dict:
        """The problem as the JSON reporter's contract shapes it."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }


def error(code: str, message: str, path: Path = (), file: str = "", line: int = 0, column: int = 0) -> Problem:
    """An error-severity problem (makes the plan invalid)."""
    return Problem(file, line, column, "error", code, message, path)


def warning(code: str, message: str, path: Path = (), file: str = "", line: int = 0, column: int = 0) -> Problem:
    """A warning: worth a look, does not make the plan invalid (unless --strict)."""
    return Problem(file, line, column, "warning", code, message, path)


def has_errors(problems: list[Problem]) -> bool:
    """True when any problem is an error."""
    return any(p.severity == "error" for p in problems)
