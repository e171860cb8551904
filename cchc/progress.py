"""The progress log: what was done on the plan, when, and what shows it.

The approved plan is a signed document and never changes; progress lives
beside it in a log, ``<plan>.progress.yaml`` (``plans/2021.progress.yaml`` for
``plans/2021.yaml``), or wherever ``--progress`` says. The log is a YAML list
of entries, oldest first by convention::

    - id: "I-3"
      status: "done"            # not_started | in_progress | done | cancelled
      date: "2021-06-10"        # YYYY-MM-DD
      evidence: "Báo cáo số 45/BC-SNV ngày 10/6/2021"
      note: "Đã trình UBND tỉnh"

An item's status as of a date is its latest entry dated on or before that
date; of two entries of the same date the later in the file wins, so a past
period can be reported again exactly, whatever was logged since. An entry
with no date (allowed, with a warning, for every status but ``done``) counts
from the start, before every dated entry.

The log is read like a plan: bounded in size (``cchc.inputs.files``), through
the one safe YAML reader, every problem a value at its line and column with
a ``progress-*`` code. ``judge_log`` is the one judgement of a log that
``validate`` and every query share. Appending an entry is
``cchc.progress_write`` (its names are handed on from here).
"""

from __future__ import annotations

import bisect
import datetime
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable, Iterable

from cchc.problems import MAX_LISTED, At, Bounded, Problem, bounded, error, value_text, warning
from cchc.statuses import STATUSES, status_named
from cchc.progress_write import LogNotAppendable, LogReadOnly, append_entry, clean_text, entry_text, read_only, unreadable_problem, yaml_string

__all__ = [
    "STATUSES",
    "PENDING",
    "Entry",
    "Log",
    "log_path",
    "is_log_name",
    "plans_beside",
    "plan_beside",
    "find_log",
    "load_log",
    "check_future",
    "check_log_beside",
    "judge_log",
    "plan_date",
    "unreadable",
    "entry_text",
    "append_entry",
    "LogNotAppendable",
    "LogReadOnly",
    "read_only",
    "yaml_string",
    "clean_text",
]

#: The statuses (None: the log says nothing) of an item still to do; ``--pending`` keeps these.
PENDING = frozenset({None, "not_started", "in_progress"})


#: An entry dated more years than this from the plan's year is warned of (progress-year): as far as a due date may be.
FAR_YEARS = 1
#: The fields an entry may have.
FIELDS: tuple[str, ...] = ("id", "status", "date", "evidence", "note")
#: The longest evidence or note of an entry, in characters (as a plan's budget note): a report prints the last note
#: in a table's cell, and a megabyte of it would take the PDF's layout minutes.
MAX_TEXT = 2000
#: How a log beside its plan ``X.yaml`` is named: ``X.progress.yaml`` (what cchc writes), or ``.yml``.
LOG_SUFFIXES: tuple[str, ...] = (".progress.yaml", ".progress.yml")
#: Codes of a log that cannot be read at all, or (given to validate by itself) has no plan beside it: the CLI exits 2 for them, as for a plan.
UNREADABLE_CODES = frozenset({"not-found", "not-a-file", "unreadable", "progress-no-plan"})

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_ITEM_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}\Z")
_BEGINNING = datetime.date.min


@dataclass(frozen=True)
class Entry:
    """One line of the log: an item's status from a date on, and what shows it."""

    id: str
    status: str
    date: datetime.date | None
    evidence: str | None = None
    note: str | None = None
    #: The entry's position in the file's list (0-based): of two entries of one date, the later wins.
    index: int = field(default=0, compare=False)

    @property
    def key(self) -> tuple[datetime.date, int]:
        """Chronological order: by date (undated first), then by place in the file."""
        return (self.date or _BEGINNING, self.index)

    def as_dict(self) -> dict:
        """The entry as the JSON contract shapes it (ISO date)."""
        return {
            "id": self.id,
            "status": self.status,
            "date": self.date.isoformat() if self.date else None,
            "evidence": self.evidence,
            "note": self.note,
        }


class Log:
    """The entries of a log, indexed by item for questions as of a date."""

    def __init__(self, entries: Iterable[Entry] = (), name: str = "", source: bytes | None = None):
        self.name = name
        self.source = source
        self.entries: list[Entry] = list(entries)
        by_id: dict[str, list[Entry]] = {}
        for entry in self.entries:
            by_id.setdefault(entry.id, []).append(entry)
        self._by_id = {key: sorted(found, key=lambda e: e.key) for key, found in by_id.items()}
        self._keys = {key: [e.key for e in found] for key, found in self._by_id.items()}

    def __len__(self) -> int:
        return len(self.entries)

    def history(self, item_id: str, until: datetime.date | None = None) -> list[Entry]:
        """The item's entries in chronological order (undated first; same date: file order); with *until*,
        those dated on or before it (the history behind its status as of that day)."""
        entries = self._by_id.get(item_id, ())
        if until is None or not entries:
            return list(entries)
        return list(entries[: bisect.bisect_right(self._keys[item_id], (until, float("inf")))])

    def logged_ids(self):
        """The ids of the items the log has an entry for (a set-like view)."""
        return self._by_id.keys()

    def entry_as_of(self, item_id: str, day: datetime.date) -> Entry | None:
        """The entry that gives the item's status as of *day*: its latest entry dated on or before it."""
        keys = self._keys.get(item_id)
        if not keys:
            return None
        at = bisect.bisect_right(keys, (day, float("inf")))
        return self._by_id[item_id][at - 1] if at else None

    def done_since(self, item_id: str, day: datetime.date) -> datetime.date | None:
        """When the item became done, as of *day*: the date of the first of the ``done`` entries that end its
        history then (a later ``done`` adds evidence or a note; it does not move the day the work was done).
        None when it is not done as of *day*."""
        since = None
        for entry in reversed(self.history(item_id, until=day)):
            if entry.status != "done":
                break
            since = entry.date if entry.date is not None else since
        return since

    def status_as_of(self, item_id: str, day: datetime.date) -> str | None:
        """The item's status as of *day*, or None when the log says nothing of it by then."""
        entry = self.entry_as_of(item_id, day)
        return entry.status if entry is not None else None

    def status_of(self, day: datetime.date) -> Callable[[str], str | None]:
        """``item_id -> status as of day``, for ``cchc.query.select(status_of=…)``."""
        return lambda item_id: self.status_as_of(item_id, day)

    def last_note(self, item_id: str, day: datetime.date) -> str | None:
        """The note of the latest entry, on or before *day*, that has one."""
        for entry in reversed(self.history(item_id)):
            if entry.key <= (day, float("inf")) and entry.note:
                return entry.note
        return None

    def between(self, start: datetime.date, end: datetime.date) -> list[Entry]:
        """Entries dated in [start, end], in file order."""
        return [e for e in self.entries if e.date is not None and start <= e.date <= end]

    def locate(self, problems: list[Problem]) -> list[Problem]:
        """Each problem in this log's file, at the line and column of its data path."""
        from cchc.load import located

        return located(self.name, self.source, problems)


# ---------------------------------------------------------------- finding and reading


def log_path(plan_path: Path | str, progress: Path | str | None = None) -> Path:
    """Where the log of the plan at *plan_path* is: *progress* if given, else beside the plan ``X.progress.yaml``,
    or ``X.progress.yml`` when only that is there (``X.progress.yaml`` is where a new log is written).

    A path with no name (".", "/": not a plan a log could sit beside) has its log inside it, where none is.
    """
    if progress is not None:
        return Path(progress)
    plan_path = Path(plan_path)
    if not plan_path.name:
        return plan_path / LOG_SUFFIXES[0]
    stem = plan_path.stem if plan_path.suffix else plan_path.name
    beside = [plan_path.with_name(stem + suffix) for suffix in LOG_SUFFIXES]
    return next((path for path in beside if os.path.lexists(path)), beside[0])


#: A document's names (a plan printed or brought in): none has a log beside it; kh.progress.yaml is kh.yaml's.
DOCUMENT_SUFFIXES = frozenset((".docx", ".doc", ".odt", ".rtf", ".pdf", ".html", ".htm", ".md", ".markdown", ".ics", ".csv"))


def has_log_beside(plan_path: Path | str) -> bool:
    """False when *plan_path* is named as a document (``DOCUMENT_SUFFIXES``), not a plan a log is kept beside."""
    return Path(plan_path).suffix.lower() not in DOCUMENT_SUFFIXES


def is_log_name(path: Path | str) -> bool:
    """True when *path* is named as a log beside its plan: ``X.progress.yaml`` (or ``X.progress.yml``)."""
    name = Path(path).name
    return any(name.endswith(suffix) and len(name) > len(suffix) for suffix in LOG_SUFFIXES)


def plans_beside(path: Path | str) -> list[Path]:
    """The plans a log named ``X.progress.yaml`` (or ``.yml``) belongs to, the first found wins: ``X.yaml``, ``X.yml``."""
    path = Path(path)
    for suffix in LOG_SUFFIXES:
        if path.name.endswith(suffix) and len(path.name) > len(suffix):
            stem = path.name[: -len(suffix)]
            return [path.with_name(stem + ext) for ext in (".yaml", ".yml")]
    return []


def plan_beside(path: Path | str) -> Path | None:
    """The plan of the log at *path* (``plans_beside``) that is there, or None; a dangling symlink is there (and unreadable)."""
    return next((plan for plan in plans_beside(path) if os.path.lexists(plan)), None)


def plan_date(plan) -> datetime.date | None:
    """The plan's date: the approving decision's, else the plan header's; None when neither is known."""
    decision = getattr(plan, "decision", None)
    if decision is not None and decision.date is not None:
        return decision.date
    return plan.plan.date


def unreadable(problems: list[Problem]) -> bool:
    """True when the log could not be read at all (missing, a directory, no permission): exit 2 for the CLI."""
    return any(p.code in UNREADABLE_CODES for p in problems)


def find_log(plan_path: Path | str, plan, progress: Path | str | None = None, today: datetime.date | None = None) -> tuple[Log | None, list[Problem]]:
    """The log of a plan for a query, judged by ``judge_log`` as of *today* (None: the machine's date).

    *progress* when given (it must exist), else the log beside the plan;
    (None, []) when there is nothing beside the plan: the log says nothing
    yet. A dangling symlink there is a log that cannot be read, not no log.
    """
    path = log_path(plan_path, progress)
    if progress is None and not os.path.lexists(path):
        return None, []
    if today is None:
        from cchc.deadlines import today as today_date

        today = today_date()
    return judge_log(path, plan, today)


def second_log(log: Path) -> Problem | None:
    """The warning for X.progress.yml beside *log*, X.progress.yaml, the one every command reads (the other's
    entries count for nothing); None when there is no such second log."""
    from cchc.inputs.files import file_key

    if not log.name.endswith(LOG_SUFFIXES[0]) or not os.path.lexists(log):
        return None
    second = log.with_name(log.name.removesuffix(LOG_SUFFIXES[0]) + LOG_SUFFIXES[1])
    if not os.path.lexists(second) or file_key(second) == file_key(log):
        return None
    return warning("progress-second-log", file=str(second), line=1, column=1, used=str(log))


def check_log_beside(plan_path: Path | str, plan, today: datetime.date) -> list[Problem]:
    """Every problem ``judge_log`` finds in the log beside the plan (none there: no problem); for ``validate``."""
    return find_log(plan_path, plan, None, today)[1]


def judge_log(path: Path | str, plan, today: datetime.date) -> tuple[Log | None, list[Problem]]:
    """The one judgement of a log, shared by ``validate`` and every query: (the log or None, its problems, sorted).

    Every problem ``load_log`` finds, and an entry dated after *today*. A
    query answers only from a log this finds no error in; an unreadable log
    (``unreadable``) is exit 2 for both, any other error exit 1.
    """
    log, problems = load_log(path, plan)
    if log is not None:
        problems = capped(sorted(problems + check_future(log, today)))
    return log, problems


def capped(problems: list[Problem]) -> list[Problem]:
    """The first ``MAX_LISTED`` errors and the first ``MAX_LISTED`` warnings of *problems* (sorted), in their order,
    and, when there are more, one "progress-more" at the first unlisted that counts them (``cchc.problems.Bounded``)."""
    return problems if len(problems) <= MAX_LISTED else bounded(problems, "progress-more")


class _Entries(Bounded):
    """A log's problems, bounded: the one counting the rest is at the entry of the first unlisted (not yet located:
    an entry starts before any of its fields)."""

    def __init__(self):
        super().__init__("progress-more")

    def listed(self) -> list[Problem]:
        return super().listed(lambda path: path[:1])


def check_future(log: Log, today: datetime.date) -> list[Problem]:
    """An error at each entry dated after *today*: progress is recorded once it happens."""
    found = _Entries()
    for e in log.entries:
        if e.date is not None and e.date > today:
            found.append(error("progress-future", (e.index, "date"), date=e.date, today=today, id=e.id))
    return log.locate(found.listed())


def load_log(path: Path | str, plan, name: str | None = None) -> tuple[Log | None, list[Problem]]:
    """Read and check the log at *path* against *plan*: (the log, or None when it cannot be read as a list; problems).

    Entries whose id, status or date cannot be read are left out of the log
    (and reported); problems are sorted and located in the file.
    """
    from cchc.inputs import yaml as safeyaml
    from cchc.inputs.files import UnreadableFile, read_bounded
    from cchc.load import escaped_texts, from_yaml, located

    name = name or os.fspath(path)
    try:
        data = read_bounded(path, safeyaml.MAX_BYTES)
    except UnreadableFile as exc:
        return None, [unreadable_problem(exc, path, name)]
    source, is_nfc, problem = safeyaml.decode(data)
    if problem is not None:
        return None, [from_yaml(name, problem)]
    root, yaml_problems = safeyaml.parse(source, is_nfc)
    problems = [from_yaml(name, p) for p in yaml_problems]
    if root is None:
        if all(p.code == "empty" for p in problems):
            return Log([], name, source), []  # comments only: a log with nothing yet
        return None, problems
    if not isinstance(root, list):
        found = [error("progress-schema", (), key="progress-schema.list")]
        return None, sorted(problems + located(name, source, found))
    escaped = escaped_texts(root, source)  # an invisible character written as an escape, as in a plan
    entries, found = _read_entries(root, plan)
    return Log(entries, name, source), sorted(problems + located(name, source, escaped + found))


def _read_entries(root: list, plan) -> tuple[list[Entry], list[Problem]]:
    from cchc.inputs.yaml import KEY

    ids = {item.id for _, _, item in plan.items()} if plan is not None else None
    unknown = _UnknownIds(ids) if ids is not None else None
    since = plan_date(plan) if plan is not None else None
    entries: list[Entry] = []
    last_of_day: dict[tuple, Entry] = {}  # each item's last entry of each day so far
    problems = _Entries()
    for index, raw in enumerate(root):
        if not isinstance(raw, dict):
            problems.append(error("progress-schema", (index,), key="progress-schema.entry"))
            continue
        for key in raw:
            if key not in FIELDS:
                problems.append(error("progress-schema", (index, key, KEY), key="progress-schema.field", field=str(key), fields=", ".join(FIELDS)))
        ok = True
        item_id = raw.get("id")
        if item_id is None:
            problems.append(error("progress-schema", (index,), key="progress-schema.missing", field="id"))
            ok = False
        elif not isinstance(item_id, str) or not _ITEM_ID.match(item_id):
            problems.append(error("progress-schema", (index, "id"), key="progress-schema.id", value=value_text(item_id)))
            ok = False
        elif ids is not None and item_id not in ids:
            problems.append(unknown.problem(item_id, (index, "id")))
        status = raw.get("status")
        if status is None:
            problems.append(error("progress-schema", (index,), key="progress-schema.missing", field="status"))
            ok = False
        elif status not in STATUSES:
            code = status_named(status) if isinstance(status, str) and len(status) <= 100 else None
            said = {"key": "progress-status.word", "status": code} if code else {}  # "xong": the log holds the code, done
            problems.append(error("progress-status", (index, "status"), value=value_text(status), choices=", ".join(STATUSES), **said))
            ok = False
        day = None
        value = raw.get("date")
        if value is None:
            if status == "done":
                problems.append(error("progress-date", (index,), key="progress-date.done", id=str(item_id)))
                ok = False
            elif status in STATUSES:
                problems.append(warning("progress-date", (index,), key="progress-date.missing", id=str(item_id)))
        else:
            day, wrong = _log_date(value)
            if day is None:
                problems.append(error("progress-date", (index, "date"), value=value_text(value), **wrong))
                ok = False
            elif since is not None and day < since:
                problems.append(error("progress-early", (index, "date"), date=day, since=since, id=str(item_id)))
            elif plan is not None and abs(day.year - plan.plan.year) > FAR_YEARS:
                problems.append(warning("progress-year", (index, "date"), date=day, year=plan.plan.year, id=str(item_id)))
        texts = {}
        for text_field in ("evidence", "note"):
            text = raw.get(text_field)
            if text is not None and not isinstance(text, str):
                problems.append(error("progress-schema", (index, text_field), key="progress-schema.text", field=text_field, value=value_text(text)))
                text = None
            elif text is not None and len(text) > MAX_TEXT:  # a report prints it in a table's cell
                problems.append(error("progress-schema", (index, text_field), key="progress-schema.long", field=text_field, length=len(text), limit=MAX_TEXT))
                text = None
            texts[text_field] = text or None
        if ok:
            entry = Entry(item_id, status, day, texts["evidence"], texts["note"], index)
            # Pasted twice, after the item's last entry of the same day: it changes nothing, but may stand for an
            # entry meant otherwise. After another entry of that day (done, reopened, done again) it changes the status.
            before = last_of_day.get((item_id, day))
            if before is not None and before == entry:
                problems.append(warning("progress-duplicate", (index,), id=str(item_id), first=before.index + 1, at=At((before.index,))))
            last_of_day[item_id, day] = entry
            entries.append(entry)
    return entries, problems.listed()


def _log_date(value) -> tuple[datetime.date | None, dict]:
    """A log's date, written year-month-day; else None, and what is wrong as the message's key and arguments: {} for a
    date not written so (told how to write it), else its year, month or day that is not on the calendar."""
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        return None, {}
    from cchc.deadlines import MAX_YEAR, MIN_YEAR

    year, month, day = map(int, value.split("-"))
    if not MIN_YEAR <= year <= MAX_YEAR:  # the years --today, --on and a plan's deadlines take; "0000-06-10" too
        return None, {"key": "progress-date.year", "low": MIN_YEAR, "high": MAX_YEAR}
    if not 1 <= month <= 12:
        return None, {"key": "progress-date.month", "month": month}
    try:
        return datetime.date(year, month, day), {}
    except ValueError:
        return None, {"key": "progress-date.day", "year": year, "month": month, "day": day}


class _UnknownIds:
    """Problems for ids the plan does not have, with "did you mean" for the first few distinct ones only:
    comparing every unknown id with every id of a large plan would make a hostile log cost minutes."""

    #: Distinct unknown ids that get suggestions.
    SUGGESTED = 20

    def __init__(self, ids: set[str]):
        self.by_fold = {i.casefold(): i for i in ids}
        self.memo: dict[str, str] = {}

    def problem(self, item_id: str, path) -> Problem:
        import difflib

        folded = item_id.casefold()[:64]
        if folded not in self.memo:
            if folded in self.by_fold:
                close = [self.by_fold[folded]]
            elif len(self.memo) < self.SUGGESTED:
                close = [self.by_fold[c] for c in difflib.get_close_matches(folded, list(self.by_fold), n=3, cutoff=0.6)]
            else:
                close = []
            self.memo[folded] = ", ".join(close)
        if self.memo[folded]:
            return error("progress-unknown-id", path, key="progress-unknown-id.suggest", id=item_id, suggestions=self.memo[folded])
        return error("progress-unknown-id", path, id=item_id)
