"""A strict Jinja sandbox for a province's own templates (``render --template-dir``).

A template from outside the package is hostile until checked. Jinja's sandbox
already refuses ``_private`` attributes and mutating list and dict methods;
this one also:

- calls nothing that belongs to an object of cchc, pydantic or any module but
  Python's value types (str, numbers, dates, lists, dicts), Markup and Jinja's
  own helpers (loops, macros, namespaces) — a plan's model has methods that
  read files (``parse_file``) or unpickle (``parse_raw``);
- reads templates only from inside the directory, as regular UTF-8 files of at
  most 1 MiB (a link to ``/etc`` or ``/dev/zero`` is refused);
- bounds the work: whole numbers given to filters and functions, repeated
  strings and lists, format widths and powers are capped, and the template
  runs in a child process (``run_bounded``) with hard limits on its memory and
  CPU, killed after two minutes: no single C call or allocation gets past them.

Imported only when ``--template-dir`` is used.
"""

from __future__ import annotations

import functools
import os
import re
import resource
import signal
import stat
import time
import types
from decimal import Decimal
from pathlib import Path

import jinja2
import jinja2.runtime
import jinja2.sandbox
from jinja2.loaders import split_template_path

__all__ = ["strict_environment", "bound_filters", "run_bounded", "layout_limits", "memory_message", "Refused", "TIME_LIMIT_S"]

# Modules whose objects' methods a template may call.
SAFE_MODULES = frozenset({"builtins", "decimal", "datetime", "markupsafe", "jinja2.runtime", "jinja2.utils", "jinja2.sandbox"})
MAX_NUMBER_ARGUMENT = 100_000  # the same bound Jinja's sandbox puts on range()
MAX_SEQUENCE = 10_000_000  # characters or elements made by one '*'
MAX_POWER_BITS = 4_096
MAX_TEMPLATE_BYTES = 1 << 20
TIME_LIMIT_S = 120.0
MEMORY_BUDGET = 2 << 30
# A width or precision of seven digits or more in a format string ('%09999999d', '{:>9999999}'),
# or a width taken from the arguments ('%*d').
_WIDE_FORMAT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?:\*|[0-9]{7,}|[0-9]*\.(?:\*|[0-9]{7,}))|\{[^{}]*:[^{}]*(?:[0-9]{7,}|\{)")


# Mutating methods Jinja's immutable sandbox does not list.
_MUTATING = frozenset({"intersection_update", "difference_update", "symmetric_difference_update", "update", "clear", "setdefault", "popitem"})


def _home_module(obj) -> str | None:
    """The module that defines what calling *obj* (or one of its methods) runs."""
    obj = getattr(obj, "__wrapped__", obj)  # Jinja's wrapper of str.format is judged as str.format
    owner = getattr(obj, "__self__", None)
    if owner is not None and not isinstance(owner, types.ModuleType):
        obj = owner  # a bound method is judged by the object it belongs to
    elif isinstance(obj, (types.FunctionType, types.BuiltinFunctionType)):
        return getattr(obj, "__module__", None)
    cls = obj if isinstance(obj, type) else type(obj)
    return getattr(cls, "__module__", None)


def _check_numbers(args, kwargs) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER_ARGUMENT:
            raise jinja2.sandbox.SecurityError(f"the number {value} is larger than a template may use ({MAX_NUMBER_ARGUMENT})")


def _check_format(text) -> None:
    if isinstance(text, str) and _WIDE_FORMAT.search(text):
        raise jinja2.sandbox.SecurityError("a format width of seven digits or more, or one taken from the arguments")


def _bounded_filter(name, function):
    # The filtered value itself is not checked (an amount may be large), only the filter's
    # arguments -- and the format string that the 'format' filter is given as its value.
    skip = 2 if getattr(function, "jinja_pass_arg", None) is not None else 1

    @functools.wraps(function)  # keeps Jinja's pass_context / pass_eval_context marks
    def bounded(*args, **kwargs):
        if name == "format":  # its arguments are values to print, its format string is checked
            _check_format(args[skip - 1] if len(args) >= skip else None)
        else:
            _check_numbers(args[skip:], kwargs)
        if name == "sum":  # sum(start=[]) adds lists in quadratic time, in one C call
            start = kwargs.get("start", args[skip + 1] if len(args) > skip + 1 else 0)
            if not isinstance(start, (int, float, Decimal)):
                raise jinja2.sandbox.SecurityError("sum adds numbers only")
        if name == "join":
            separator = kwargs.get("d", args[skip] if len(args) > skip else "")
            if isinstance(separator, str) and len(separator) > 1000:
                raise jinja2.sandbox.SecurityError("a join separator longer than 1,000 characters")
        return function(*args, **kwargs)

    return bounded


class _StrictSandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "%"})

    def is_safe_attribute(self, obj, attr, value) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if attr in _MUTATING and isinstance(obj, (set, dict, list)):
            return False
        # A class's methods (dict.update, str.join) take any object as self: calling
        # them would mutate or read what the instance-level rules protect.
        return not callable(value) or (_home_module(obj) in SAFE_MODULES and not isinstance(obj, type))

    def is_safe_callable(self, obj) -> bool:
        return super().is_safe_callable(obj) and _home_module(obj) in SAFE_MODULES

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's own signature
        # A template's own macros make nothing by themselves; str.format's arguments are values
        # to print (its format string is checked when it is looked up).
        if not isinstance(__obj, jinja2.runtime.Macro) and not isinstance(getattr(__obj, "__wrapped__", None), types.BuiltinMethodType):
            _check_numbers(args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value):
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            _check_format(value.__self__)
        return wrapped

    def call_binop(self, context, operator, left, right):
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if isinstance(sequence, (str, list, tuple)) and isinstance(count, int) and len(sequence) * count > MAX_SEQUENCE:
                    raise jinja2.sandbox.SecurityError(f"a repetition longer than {MAX_SEQUENCE:,} elements")
        elif operator == "**":
            if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right * max(abs(left).bit_length(), 1) > MAX_POWER_BITS:
                raise jinja2.sandbox.SecurityError("a power too large for a template")
        elif operator == "%":
            _check_format(left)
        return super().call_binop(context, operator, left, right)


class Unreadable(jinja2.sandbox.SecurityError):
    """A template file the loader refuses to read: *why* (a catalogue key after "template.unreadable.") and its arguments."""

    def __init__(self, template: str, why: str, **args):
        super().__init__(f"{template}: {why} {args}" if args else f"{template}: {why}")
        self.kind, self.args_ = f"unreadable.{why}", {"name": template, **args}


class _DirectoryLoader(jinja2.BaseLoader):
    """Templates from one directory: regular UTF-8 files inside it, none larger than 1 MiB."""

    def __init__(self, directory: Path):
        self.root = Path(directory).resolve()

    def get_source(self, environment, template):
        path = self.root.joinpath(*split_template_path(template))  # refuses '..'
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):
            raise jinja2.TemplateNotFound(template) from None
        if not real.is_relative_to(self.root):
            raise Unreadable(template, "outside")
        try:
            # O_NONBLOCK: opening a FIFO does not wait for a writer; it is then refused as not regular.
            descriptor = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(descriptor, "rb") as handle:
                if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                    raise Unreadable(template, "not-regular")
                data = handle.read(MAX_TEMPLATE_BYTES + 1)
        except OSError as exc:
            raise Unreadable(template, "cannot-read", reason=exc.strerror or str(exc)) from None
        if len(data) > MAX_TEMPLATE_BYTES:
            raise Unreadable(template, "too-large")
        try:
            source = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise Unreadable(template, "not-utf8", byte=exc.start) from None
        return source, str(real), lambda: False


def strict_environment(template_dir: Path, packaged: Path, **options):
    """A sandboxed environment reading *template_dir* first, then cchc's own templates."""
    env = _StrictSandbox(loader=jinja2.ChoiceLoader([_DirectoryLoader(template_dir), jinja2.FileSystemLoader(packaged)]), **options)
    return env


def bound_filters(env) -> None:
    """Wrap every filter so that oversized whole numbers and format widths are refused (after cchc adds its own)."""
    env.filters = {name: _bounded_filter(name, function) for name, function in env.filters.items()}


def layout_limits(items: int) -> tuple[float, int]:
    """Time and memory for rendering and laying out a template's PDF: the template's, and more per item of the plan.

    cchc's own HTML of 10,000 items takes some 90 s in WeasyPrint. The plan's
    size, not the HTML's, sets the allowance: padding a template buys nothing.
    """
    return TIME_LIMIT_S + 0.02 * items, min(MEMORY_BUDGET + items * (300 << 10), max(_memory_budget(), MEMORY_BUDGET // 4) * 2)


def memory_message(budget: int | None = None) -> str:
    """Why a template was stopped for its memory (a MemoryError under the address-space limit, or the timer)."""
    return f"the template used more than {(_memory_budget() if budget is None else budget) >> 20} MiB of memory"


def _memory_budget() -> int:
    try:
        with open("/proc/meminfo", "rb") as handle:
            for line in handle:
                if line.startswith(b"MemAvailable:"):
                    return min(MEMORY_BUDGET, int(line.split()[1]) * 1024 // 2)
    except (OSError, ValueError, IndexError):
        pass
    return MEMORY_BUDGET


class Refused(Exception):
    """The bounded child stopped or refused the work: *reason* says why (a template's line when known).

    *kind* is what stopped it, for a message in the reader's language: "time"
    and "memory" (with *args* ``seconds``, ``mib``), "no-result", or what the
    work reported ("syntax", "not-found", "security", "undefined", "error",
    whose *reason* holds the engine's own words).
    """

    def __init__(self, reason: str, template: str | None = None, line: int | None = None, /, kind: str = "error", **args):
        # reason, template and line are positional only: the arguments of a message may hold a "reason" of their own
        # (a template that cannot be read: the system's words), which the child passes back here by name.
        super().__init__(reason)
        self.reason, self.template, self.line, self.kind, self.args_ = reason, template, line, kind, args


_IN_CHILD = False


def run_bounded(work, seconds: float | None = None, budget: int | None = None):
    """``work()`` in a child process under hard limits; its (picklable) result.

    A template is hostile: one long C call (a quadratic builtin) or one huge
    allocation cannot be interrupted from inside the process that runs it. The
    child gets an address-space limit of *budget* bytes over what it starts
    with and a CPU limit; the parent kills it after *seconds* of wall time.
    Raises Refused with the reason (time, memory, or the failure the child
    reports); an exception the work raised is raised again here. Where there
    is no fork (or inside the child) the work runs in-process.
    """
    seconds = TIME_LIMIT_S if seconds is None else seconds
    budget = _memory_budget() if budget is None else budget
    if _IN_CHILD or not hasattr(os, "fork"):
        return work()
    import shutil
    import tempfile

    # The child's temporary files (WeasyPrint copies the fonts into a folder it removes only when its object is
    # collected, which a child ending with os._exit never is) go into a folder this process removes, however
    # the child ends.
    try:
        scratch = tempfile.mkdtemp(prefix="cchc-")
    except OSError:  # no temporary folder to write in: the child finds none either, as before
        return _in_child(work, seconds, budget, None)
    try:
        return _in_child(work, seconds, budget, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _in_child(work, seconds: float, budget: int, scratch: str | None):
    """``run_bounded``'s child, its temporary files in *scratch*."""
    import pickle
    import select
    import tempfile

    read, write = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: limits, the work, its result down the pipe, and out
        code = 0
        try:
            os.close(read)
            _die_with(parent)
            globals()["_IN_CHILD"] = True
            if scratch is not None:
                tempfile.tempdir = scratch
            _limit_child(seconds, budget)
            try:
                result = ("ok", work())
            except MemoryError:
                result = ("refused", memory_message(budget), None, None, "memory", {"mib": budget >> 20})
            except Refused as exc:
                result = ("refused", exc.reason, exc.template, exc.line, exc.kind, exc.args_)
            except BaseException as exc:  # noqa: BLE001 - reported to the parent, which decides
                result = ("error", exc)
            try:
                data = pickle.dumps(result)
            except Exception:  # noqa: BLE001 - an exception that cannot travel: its text does
                data = pickle.dumps(("refused", f"{type(result[1]).__name__}: {result[1]}", None, None, "error", {}))
            with os.fdopen(write, "wb") as pipe:
                pipe.write(data)
        except BaseException:  # noqa: BLE001 - the child never returns into the caller's code
            code = 70
        finally:
            os._exit(code)
    os.close(write)
    chunks: list[bytes] = []
    deadline = time.monotonic() + seconds
    # What this process takes back, unbounded by the child's limits, is: its copy, joined, then read (two or three
    # times its size here). A quarter of the child's budget is more than any plan's document (a 60-byte template
    # could write 600 MB of "x" and take 1.8 GB of this process).
    most, taken = max(budget // 4, 1 << 20), 0
    try:
        with os.fdopen(read, "rb") as pipe:
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([pipe], [], [], left)[0]:
                    raise _too_long(seconds)
                chunk = os.read(pipe.fileno(), 1 << 20)
                if not chunk:
                    break
                taken += len(chunk)
                if taken > most:
                    raise Refused(f"the template wrote more than {most >> 20} MiB", kind="output", mib=most >> 20)
                chunks.append(chunk)
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    _, status = os.waitpid(pid, 0)
    if not chunks:
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGXCPU, signal.SIGKILL):
            raise _too_long(seconds)
        if os.WIFSIGNALED(status):
            raise Refused(memory_message(budget), kind="memory", mib=budget >> 20)
        raise Refused("the template's process ended without a result", kind="no-result")
    result = pickle.loads(b"".join(chunks))  # our own child's answer
    if result[0] == "ok":
        return result[1]
    if result[0] == "refused":
        raise Refused(*result[1:5], **result[5])
    raise result[1]


def _die_with(parent: int) -> None:
    """(The child) killed when *parent* ends, however it ends (Linux's PR_SET_PDEATHSIG): a parent stopped by
    SIGTERM left its child laying out or running a template for up to its two minutes, with nobody to stop it."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the time limit still stops the child
        return
    if os.getppid() != parent:  # it ended before the request was made
        os._exit(70)


def _too_long(seconds: float) -> Refused:
    return Refused(f"the template ran longer than {seconds:.0f} s", kind="time", seconds=f"{seconds:.0f}")


def _limit_child(seconds: float, budget: int) -> None:
    """Hard address-space and CPU limits for the child (it ends with the work: nothing is put back)."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            mapped = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        mapped = None
    used = resource.getrusage(resource.RUSAGE_SELF)
    cpu = int(used.ru_utime + used.ru_stime + seconds) + 5
    for kind, limit in ((resource.RLIMIT_AS, None if mapped is None else mapped + budget), (resource.RLIMIT_CPU, cpu)):
        if limit is None:
            continue
        soft, hard = resource.getrlimit(kind)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        try:
            resource.setrlimit(kind, (limit, limit))
        except (OSError, ValueError):
            pass
