"""Problems: what is wrong with a plan, and where.

A ``Problem`` is a value, never an exception: the loader and the checks collect
every one they find and the CLI decides how to show them and which exit code
follows. It carries a code and the arguments of its message, not the message:
the text is made in the chosen language when it is shown
(``problem.message("vi")``). ``str(problem)`` is
``file:line:col: severity [CODE] message`` in Vietnamese, the default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]

#: A place in the plan's data: keys and list indexes from the top of the document.
Path = tuple[str | int, ...]


#: The codes whose messages may name another place (``At``): only their arguments are looked at when placed.
POINTING = frozenset({"duplicate-id", "look-alike-id", "duplicate-section", "duplicate-agency", "progress-duplicate"})


@dataclass(frozen=True)
class At:
    """A message argument naming another place in the data ("first at line 12"): the loader puts that
    place's line in its stead when it places the problem."""

    path: Path

    def __str__(self) -> str:  # not placed (a problem made outside a file): the data path
        return ".".join(map(str, self.path))


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at file:line:column (1-based; 0 while not yet located)."""

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    #: The message's arguments, as (name, value) pairs (a tuple keeps the problem hashable).
    args: tuple[tuple[str, Any], ...] = field(default=(), compare=False)
    #: Where in the data the problem lies; the loader turns it into line and column.
    path: Path = field(default=(), compare=False, repr=False)
    #: The catalogue key of the message when it is not the code itself ("schema.missing").
    key: str | None = field(default=None, compare=False)

    def message(self, lang: str = "vi") -> str:
        """The message in *lang*, made from the catalogue."""
        from cchc.messages import render

        return render(self.key or self.code, dict(self.args), lang)

    def __str__(self) -> str:
        return self.text("vi")

    def text(self, lang: str = "vi") -> str:
        """``file:line:col: severity [CODE] message`` with the severity and message in *lang*."""
        from cchc.messages import render

        from cchc.text import one_line

        # A file name holding a line break must not split the line "file:line:col: …" a tool reads.
        return f"{one_line(self.file)}:{self.line}:{self.column}: {render('severity.' + self.severity, None, lang)} [{self.code}] {self.message(lang)}"

    def placed(self, file: str, line: int, column: int, args: tuple | None = None) -> Problem:
        """The same problem in *file* at *line*:*column* (and with *args*, when given): ``replace`` without
        its cost (14 µs a problem here, and a large plan's warnings are placed by the ten thousand). No
        field is checked on making."""
        new = object.__new__(type(self))
        vars(new).update(vars(self), file=file, line=line, column=column)
        if args is not None:
            vars(new)["args"] = args
        return new

    def as_dict(self, lang: str = "vi") -> dict:
        """The problem as the JSON reporter's contract shapes it (only ``message`` follows the language)."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message(lang),
        }


def error(code: str, path: Path = (), *, key: str | None = None, file: str = "", line: int = 0, column: int = 0, **args: Any) -> Problem:
    """An error-severity problem (makes the plan invalid); *args* fill its message."""
    return Problem(file, line, column, "error", code, tuple(args.items()), path, key)


def warning(code: str, path: Path = (), *, key: str | None = None, file: str = "", line: int = 0, column: int = 0, **args: Any) -> Problem:
    """A warning: worth a look, does not make the plan invalid (unless --strict)."""
    return Problem(file, line, column, "warning", code, tuple(args.items()), path, key)


def has_errors(problems: list[Problem]) -> bool:
    """True when any problem is an error."""
    return any(p.severity == "error" for p in problems)


def errors_among(problems: list[Problem]) -> list[Problem]:
    """The errors among *problems*, in order."""
    return [p for p in problems if p.severity == "error"]


def value_text(value) -> str:
    """A value read from a file as a message shows it: as YAML writes it ("null", "true", "1.10"; "[…]", "{…}" for a
    list, a mapping), not as Python prints it ("[Decimal('1.10')]"); at most 40 characters."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return "{…}" if isinstance(value, dict) else "[…]"
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"


#: Problems of one kind listed (a log's, the checks' of a plan); past them one problem counts the rest (a million
#: unknown names would otherwise cost minutes and gigabytes to report), as for a plan's schema.
MAX_LISTED = 1000


class Bounded:
    """Problems found in order: the first ``MAX_LISTED`` errors and warnings kept, the rest only counted, each
    severity's in one problem of code *more* (its one argument ``count``) at its first unlisted one: an error is never
    hidden behind a thousand warnings above it, and each severity's count stays exact (``weight``). A *more* problem
    appended counts what it counted."""

    def __init__(self, more: str):
        self.more = more
        self.kept: list[Problem] = []
        self.first: dict[str, Problem] = {}  # the first unlisted problem of each severity
        self.counts: dict[str, int] = {}
        self._seats = {"error": MAX_LISTED, "warning": MAX_LISTED}

    def append(self, problem: Problem) -> None:
        more = problem.code == self.more
        if not more and self._seats.get(problem.severity, 0) > 0:
            self._seats[problem.severity] -= 1
            self.kept.append(problem)
            return
        self.first.setdefault(problem.severity, problem)
        self.counts[problem.severity] = self.counts.get(problem.severity, 0) + (dict(problem.args)["count"] if more else 1)

    def listed(self, cut=None) -> list[Problem]:
        """The kept problems, then for each severity with more, the one counting them, at the first unlisted one's
        place and path (``cut(path)`` when given)."""
        out = list(self.kept)
        for severity in ("error", "warning"):
            first = self.first.get(severity)
            if first is not None:
                where = first.path if cut is None else cut(first.path)
                out.append(Problem(first.file, first.line, first.column, severity, self.more, (("count", self.counts[severity]),), where))
        return out


#: The keys of problems that count others left out ("and 999 more"): each stands for its count of its severity.
MORE_KEYS = frozenset({"checks-more", "progress-more", "schema.more", "yaml.more", "invisible-character.more", "control-character.more"})


def weight(problem: Problem) -> int:
    """How many problems *problem* stands for: its count when it counts others left out, else one."""
    return dict(problem.args).get("count", 1) if (problem.key or problem.code) in MORE_KEYS else 1


def bounded(problems, more: str) -> list[Problem]:
    """*problems* as ``Bounded`` lists them."""
    found = Bounded(more)
    for problem in problems:
        found.append(problem)
    return found.listed()

