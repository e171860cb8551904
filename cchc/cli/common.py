"""What every command shares: the run's settings, printing, failing, loading a plan for a query, look-ups."""

from __future__ import annotations

import codecs
import datetime
import errno
import functools
import gc
import os
import sys
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer

from cchc.messages import DEFAULT_LANG, t
from cchc.problems import errors_among, weight

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
#: How many of a plan's errors a query shows before pointing to `cchc validate`.
SHOWN_ERRORS = 5


@dataclass(frozen=True)
class Settings:
    """What holds for the whole run: the language people read."""

    lang: str = DEFAULT_LANG
    #: The notes the run has given that it gives once ("bundled-plan": it reads the plan that comes with cchc).
    told: set = field(default_factory=set, compare=False)


#: The settings of the command being run; set by ``cchc.cli.run`` for the run's duration only.
CURRENT: ContextVar[Settings] = ContextVar("cchc_settings", default=Settings())


def lang() -> str:
    """The run's language."""
    return CURRENT.get().lang


def msg(key: str, **args) -> str:
    """The message *key* in the run's language."""
    return t(key, lang(), **args)


def a_path(text: str) -> Path:
    """A path typed on the command line: an empty one (``--plan "$PLAN"`` with PLAN unset) is a usage error, not
    the current folder, which ``Path("")`` would make of it."""
    if text == "":
        raise typer.BadParameter(msg("usage.empty-path"))
    return Path(text)


def a_file_path(text: str) -> Path:
    """A file to write, as ``a_path``; one ending in a slash names a folder ("out.html/"), and ``Path`` would drop
    the slash and write the file."""
    last = os.path.basename(text.rstrip("/" + os.sep)) if text.rstrip("/" + os.sep) else text
    if text.endswith(("/", os.sep)) or last in (".", ".."):  # "out.html/", "out.html/.": Path makes them "out.html"
        raise typer.BadParameter(msg("usage.folder-path", path=text))
    return a_path(text)


def a_log_path(text: str) -> Path:
    """A progress log's path, as ``a_file_path``; "-" is refused: a log is read and written in place, and "-" would
    be a file of that name, not standard input or output as elsewhere."""
    if text == "-":
        raise typer.BadParameter(msg("usage.log-dash"))
    return a_file_path(text)


def an_item_id(text: str) -> str:
    """An item's id as typed; a blank one is refused (a script's empty variable): no item is named so."""
    if not text.strip():
        raise typer.BadParameter(msg("usage.blank-id"))
    return text


PlanOption = Annotated[
    Optional[Path],
    typer.Option("--plan", "-p", envvar="CCHC_PLAN", metavar="PLAN", show_default=False, show_envvar=False, parser=a_path),
]


def safe_streams() -> None:
    """Make stdout and stderr unable to raise on text they cannot encode (e.g. PYTHONIOENCODING=ascii): escape instead."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding not in ("utf8", "utf16", "utf32") and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # pragma: no cover - a stream that cannot be reconfigured
                pass


def out(text: str) -> None:
    """Write *text* to standard output; a closed or full output is a message and an exit code, not a traceback."""
    stream = sys.stdout
    if stream is None:
        raise fail(msg("cli.no-stdout"), EXIT_USAGE)
    buffer = getattr(stream, "buffer", None)
    with _writing(stream):
        if buffer is not None and _utf8(stream):  # the bytes, each one accounted for (``_write_all``)
            stream.flush()
            _write_all(buffer, text.encode("utf-8", getattr(stream, "errors", None) or "strict"))
            buffer.flush()
        else:
            stream.write(text)
            stream.flush()


def _write_all(buffer, data: bytes) -> None:
    """All of *data* to a binary stream. A pipe whose reader leaves during a large write takes part of it and says
    so only by the count the write returns (the text stream above it does not even look): the rest is written,
    and fails as a broken pipe, instead of being lost while cchc exits 0."""
    view = memoryview(data)
    while view:
        written = buffer.write(view)
        if not written:
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))
        view = view[written:]


@contextmanager
def _writing(stream) -> Iterator[None]:
    """Writing to *stream*: a reader that went away (`cchc list | head`) stops cchc quietly, as other tools do,
    with exit 1 (the output is cut short); a closed or full output is a message and exit 2."""
    try:
        yield
    except BrokenPipeError:
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
        except (OSError, ValueError):
            pass
        raise typer.Exit(EXIT_PROBLEMS) from None
    except (OSError, ValueError) as exc:
        raise fail(msg("cli.cannot-write-output", reason=getattr(exc, "strerror", None) or str(exc)), EXIT_USAGE) from None


def _utf8(stream) -> bool:
    """The stream writes plain UTF-8 (not "utf-8-sig", which starts with a byte-order mark)."""
    return (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "") == "utf8"


def out_data(content) -> None:
    """A document or data (JSON, CSV, YAML, HTML, Markdown: text, or pieces of text and UTF-8 bytes) on standard output.

    Always UTF-8, the encoding these formats declare, whatever the stream's own
    encoding (PYTHONIOENCODING=ascii): the escapes that keep a person's text
    printable there would make the JSON invalid and change the data.
    """
    from cchc.write import batched

    pieces = [content] if isinstance(content, str) else content
    stream = sys.stdout
    if stream is None or getattr(stream, "buffer", None) is None or _utf8(stream):
        out_text(pieces)
        return
    encode = functools.partial(str.encode, encoding="utf-8", errors="backslashreplace")
    out_utf8(piece if isinstance(piece, bytes) else encode(piece) for piece in batched(pieces))


def out_utf8(pieces) -> None:
    """Data already made as UTF-8 bytes (a query's JSON), in pieces, on standard output as ``out_data`` writes text."""
    stream = sys.stdout
    if stream is None or getattr(stream, "buffer", None) is None:
        out_text(pieces)
        return
    with _writing(stream):
        stream.flush()  # what was written as text goes first (a write, even empty, would start utf-8-sig's mark)
    out_bytes(pieces)


def out_text(pieces) -> None:
    """Text in pieces, some of them UTF-8 bytes (made by a second process, ``cchc.forks``), on standard output.

    On a UTF-8 stream the bytes go out as they are, the text encoded as the
    stream would; on any other, or one without bytes, the bytes are read back
    as text and everything is written as ``out`` writes it.
    """
    from cchc.write import batched

    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None or not _utf8(stream):
        decode = codecs.getincrementaldecoder("utf-8")().decode  # a piece of bytes may end inside a character
        for piece in batched(pieces):
            out(decode(piece) if isinstance(piece, bytes) else piece)
        return
    with _writing(stream):
        stream.flush()  # what was written as text goes first
    errors = getattr(stream, "errors", None) or "strict"
    with _writing(buffer):
        for piece in batched(pieces):
            _write_all(buffer, piece if isinstance(piece, bytes) else piece.encode("utf-8", errors))
            buffer.flush()


def out_bytes(data) -> None:
    """Write *data* (a PDF, a Word file; or bytes in pieces, a calendar's events) to standard output, with the same care as ``out``."""
    from cchc.write import batched

    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        raise fail(msg("cli.no-stdout"), EXIT_USAGE)
    with _writing(stream):
        for piece in [data] if isinstance(data, bytes) else batched(data):
            _write_all(stream, piece)
            stream.flush()


def note(text: str) -> None:
    """A line for a person on standard error (empty results, what was written).

    Control characters (from a file name, a plan's text) are shown escaped:
    standard error is always read by a person, often on a terminal.
    """
    from cchc.text import escape_controls

    if sys.stderr is not None:
        try:
            sys.stderr.write(escape_controls(text) + "\n")
        except (OSError, ValueError):
            pass


def fail(message: str, code: int) -> typer.Exit:
    """Print ``cchc: message`` on standard error and return the Exit to raise."""
    note(f"cchc: {message}")
    return typer.Exit(code)


def usage(message: str, option: str) -> typer.BadParameter:
    """A bad value for *option*: shown with the usage line, exit 2."""
    return typer.BadParameter(message, param_hint=f"'{option}'")


#: Narrower than this, a drawn table would squeeze its columns to nothing: plain text is printed instead.
MIN_TABLE_COLUMNS = 60


def interactive() -> bool:
    """True when standard output is a terminal."""
    try:
        return sys.stdout is not None and sys.stdout.isatty()
    except ValueError:
        return False


def terminal() -> bool:
    """True when output goes to a terminal wide enough for a drawn table."""
    import shutil

    return interactive() and shutil.get_terminal_size().columns >= MIN_TABLE_COLUMNS


def plan_path(plan: Optional[Path]) -> Path:
    """The plan a command reads: --plan (or CCHC_PLAN), else the default; a note when the default falls back to the
    bundled 2021 plan beside a plans/ folder that holds other plans (a plan of one's own, named otherwise)."""
    from cchc.cli.plans_near import named, own_plans
    from cchc.load import bundled_plan_path, working_plan

    if plan is not None:
        return plan
    path = working_plan()
    if path is None:
        path = bundled_plan_path()
        others = own_plans()
        told = CURRENT.get().told
        if others and "bundled-plan" not in told:
            told.add("bundled-plan")
            import shlex

            from cchc.text import one_line  # a line break in a name would split the note

            name = str(others[0])
            if len(others) == 1:
                note(msg("cli.bundled-plan", found=one_line(name), quoted=one_line(shlex.quote(name))))
            else:  # which one is the plan meant is the user's to say: each is named, not the first in the alphabet
                note(msg("cli.bundled-plans", found=named(others)))
    return path


#: After a plan is loaded, the cyclic collector runs once this many more containers live than before (Python's
#: default: 700). An output of a large plan makes millions of short-lived tuples and lists, and almost no cycles:
#: a calendar of 155,000 events ran some 250 collections (0.15 s of 2.6 s) to free some 500 objects.
COLLECT_EVERY = 100_000


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic collector while a plan loads, then freeze what was loaded, and collect seldom after.

    Building a large tree of dicts and lists triggers the collector again and
    again, which makes loading superlinear; nothing there makes cycles. What
    was loaded lives until the command ends, so later collections skip it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if gc.get_threshold()[0] < COLLECT_EVERY:
            gc.set_threshold(COLLECT_EVERY, *gc.get_threshold()[1:])
        if enabled:
            gc.enable()


def load_checked(path: Path, errors_only: bool = False):
    """Load *path* and run every check: (LoadedPlan, problems); PlanFileError when it cannot be read.

    With *errors_only* (a query, which shows no warning) the warnings are
    left out before they are placed: finding 10,000 warnings' lines is work
    nobody would see.
    """
    from cchc.checks_in_two import bounded_checks, checked
    from cchc.load import load_plan

    with gc_paused():
        loaded = load_plan(path)
        problems = errors_among(loaded.problems) if errors_only else list(loaded.problems)
        if loaded.plan is not None:
            problems += checked(loaded, errors_only)
        elif loaded.partial is not None:  # refused by the schema: still every other problem
            from cchc.salvage import without_told

            found = without_told(loaded.partial.checked(), loaded.problems)
            problems += loaded.locate(bounded_checks(errors_among(found) if errors_only else found))
    return loaded, sorted(problems)


def today_date() -> datetime.date:
    """Today, as ``cchc.deadlines.today`` (the later of the machine's date and Vietnam's)."""
    from cchc.deadlines import today

    return today()


def load_for_query(plan: Optional[Path]):
    """The plan for a query: any error ends the command with exit 1 (the first few on stderr); I/O problems with 2."""
    from cchc.load import PlanFileError

    path = plan_path(plan)
    try:
        loaded, problems = load_checked(path, errors_only=True)
    except PlanFileError as exc:
        raise fail(exc.problem().text(lang()), EXIT_USAGE) from None
    errors = show_errors(problems)
    if loaded.plan is None or errors:
        import shlex

        raise fail(msg("cli.plan-has-errors", path=str(path), quoted=shlex.quote(str(path))), EXIT_PROBLEMS)
    return loaded.plan


def _stdout_for_dash(value: Optional[Path]) -> Optional[Path]:
    return None if value is not None and str(value) == "-" else value


#: Where a command writes its document; "-" (as for most tools) is standard output, never a file named "-".
OutputOption = Annotated[
    Optional[Path], typer.Option("--output", "-o", metavar="FILE", show_default=False, callback=_stdout_for_dash, parser=a_file_path)
]


def show_errors(problems) -> list:
    """The errors among *problems*: the first few shown on standard error, and how many more there are (those a
    flood's one problem counts included)."""
    errors = errors_among(problems)
    for problem in errors[:SHOWN_ERRORS]:
        note(problem.text(lang()))
    more = sum(map(weight, errors[SHOWN_ERRORS:]))  # a problem counting others left out stands for them
    if more:
        note(msg("cli.more-errors", count=more))
    return errors


ProgressOption = Annotated[Optional[Path], typer.Option("--progress", metavar="LOG", show_default=False, parser=a_log_path)]


def load_log_for_query(path: Optional[Path], plan, progress: Optional[Path], asked: Optional[datetime.date] = None):
    """The plan's progress log (None when there is none); its errors end the command like a plan's (exit 1; 2 when unreadable).

    The log is judged as ``validate`` judges it on the day it runs: an entry
    after the machine's date is an error, or after *asked* (the date a query
    is asked about: ``--today``, ``--as-of``) when that is later.
    """
    from cchc.progress import find_log, log_path, second_log, unreadable

    today = today_date()
    log, problems = find_log(plan_path(path), plan, progress, max(today, asked) if asked is not None else today)
    errors = show_errors(problems)
    second = second_log(log_path(plan_path(path))) if progress is None and log is not None and not errors else None
    if second is not None:  # its entries count for nothing: said, not left to validate alone to say
        note(second.text(lang()))
    if errors:
        name = errors[0].file or str(progress)
        if unreadable(errors):
            raise fail(msg("cli.log-unreadable", path=name), EXIT_USAGE)
        import shlex

        # The plan checks the log beside it; a log given with --progress is checked against the plan with it.
        words = [str(plan_path(path))] if progress is None else [*([str(path)] if path is not None else []), "--progress", str(progress)]
        raise fail(msg("cli.log-has-errors", path=name, command=shlex.join(["cchc", "validate", *words])), EXIT_PROBLEMS)
    return log


@contextmanager
def signals_end_cleanly() -> Iterator[None]:
    """While a file is written, SIGTERM and SIGHUP end the command through an exception, so the write cleans up after itself."""
    import signal

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    # Every signal whose default action ends the process without a core dump; but SIGXFSZ, which Python ignores,
    # so that a write over the file-size limit (ulimit -f) fails as a full disk does: a message, exit 2.
    names = ("SIGTERM", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGXCPU", "SIGVTALRM", "SIGPROF")
    caught = [getattr(signal, name) for name in names if hasattr(signal, name)]
    try:
        previous = {s: signal.signal(s, stop) for s in caught}
    except ValueError:  # not the main thread (a test runner's worker): nothing to install
        previous = {}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def write_output(output: Path, content) -> None:
    """Write *content* (text, bytes or text in pieces) to *output* atomically; an I/O failure is exit 2 with a message."""
    from cchc.write import write_atomically

    try:
        with signals_end_cleanly():
            write_atomically(output, content)
    except OSError as exc:
        raise fail(msg("cli.cannot-write", path=str(output), reason=exc.strerror or str(exc)), EXIT_USAGE) from None
    from cchc.text import one_line

    note(msg("cli.wrote", path=one_line(str(output))))


def check_output_path(output: Path, protected: list[Path], force: bool = True, protected_dirs: list[Path] = (), log: bool = False) -> None:
    """Refuse (exit 2) an output that would overwrite an input, a directory, a device, or (without *force*) any file;
    *log*: the output is the progress log `cchc progress` appends to (no -o to leave out)."""
    from cchc.write import UnsafeOutput, check_output

    try:
        check_output(output, protected, force, protected_dirs, read_only_too=not log)  # the log's own message says more
    except UnsafeOutput as exc:
        key = exc.key + ".log" if log and exc.key == "write.not-regular" else exc.key
        raise fail(msg(key, **exc.params), EXIT_USAGE) from None
