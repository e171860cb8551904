"""How benchmarks/run.py measures: whole processes run in turn, their medians and peak memory, and the targets' verdicts.

Standard library only.
"""

from __future__ import annotations

import datetime
import os
import platform
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024


# ---------------------------------------------------------------- running


@dataclass
class Measure:
    """One command on one plan, and its counted runs."""

    label: str
    plan: str
    argv: list[str]
    times: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)
    exit_codes: set[int] = field(default_factory=set)
    timed_out: bool = False
    done: bool = False  # no more runs (slow, or timed out)
    group: str = ""  # the group it ran in: its runs were rounds, each a run of every command of the group

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def peak_mib(self) -> float:
        return max(self.rss_kib) / 1024  # ru_maxrss is in KiB on Linux

    @property
    def failure(self) -> str | None:
        """Why the figures do not count ("timed out", "exit 1"), or None."""
        if self.timed_out:
            return "timed out"
        bad = sorted(self.exit_codes - {0})
        return f"exit {', '.join(map(str, bad))}" if bad else None

    def add(self, wall: float, rss_kib: int, code: int, timed_out: bool) -> None:
        self.times.append(wall)
        self.rss_kib.append(rss_kib)
        self.exit_codes.add(code)
        if timed_out:
            self.timed_out = self.done = True


def run_once(argv: list[str], timeout: float) -> tuple[float, int, int, bool]:
    """Run *argv* once: (wall seconds, peak RSS in KiB, exit code, killed at *timeout*)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, start_new_session=True
    )
    killed = threading.Event()

    def kill() -> None:
        killed.set()
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # the child's own process group: only what this run started
        except ProcessLookupError:
            pass

    timer = threading.Timer(timeout, kill)
    timer.start()
    _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage, not RUSAGE_CHILDREN's running total
    wall = time.perf_counter() - start
    timer.cancel()
    proc.returncode = code = os.waitstatus_to_exitcode(status)  # Popen must not wait for it again
    return wall, usage.ru_maxrss, code, killed.is_set()


def run_group(name: str, measures: list[Measure], runs: int, warmup: bool, slow: float, timeout: float) -> None:
    """Run the commands of a group in turn, *runs* rounds after a warm-up round.

    A command whose warm-up takes more than *slow* seconds counts that run as
    its only one; one killed at *timeout* seconds runs no more.
    """
    print(f"{name}: {len(measures)} commands ...", file=sys.stderr, flush=True)
    for m in measures:
        m.group = name
    if warmup:
        for m in measures:
            wall, rss, code, killed = run_once(m.argv, timeout)
            if wall > slow or killed:
                m.add(wall, rss, code, killed)
                m.done = True
    for round_number in range(runs):
        for m in measures:
            if not m.done:
                m.add(*run_once(m.argv, timeout))
        print(f"  round {round_number + 1}/{runs} done", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- targets


@dataclass
class Target:
    name: str
    measured: str
    limit: str
    result: str  # PASS, FAIL or SKIP


def paired(a: Measure, b: Measure) -> list[tuple[float, float]]:
    """A's and B's times round by round, when they ran in the same rounds of one group (each round runs every
    command of the group once, in turn): a machine that slows down for a while slows both of a round alike, so the
    rounds' ratios vary less than the medians taken apart. [] when they did not (other groups, a slow command run
    once), or ran fewer than three rounds."""
    if not a.group or a.group != b.group or len(a.times) != len(b.times) or len(a.times) < 3:
        return []
    return list(zip(a.times, b.times))


class Targets(list):
    """The targets in the order they are judged. In a quick run nothing is judged: every verdict is SKIP."""

    def __init__(self, judge: bool):
        super().__init__()
        self.judge = judge

    def skip(self, name: str, limit: str, why: str = "n/a") -> None:
        self.append(Target(name, why, limit, "SKIP"))

    def _verdict(self, ok: bool, *measures: Measure) -> str:
        if any(m.failure for m in measures):
            return "FAIL"
        return ("PASS" if ok else "FAIL") if self.judge else "SKIP"

    @staticmethod
    def _note(*measures: Measure) -> str:
        failures = [f"{m.label} [{m.plan}]: {m.failure}" for m in measures if m.failure]
        return f" — {'; '.join(failures)}" if failures else ""

    def verdict(self, name: str, measured: str, limit: str, ok: bool) -> None:
        """A target that is not a timing: *ok* or not."""
        self.append(Target(name, measured, limit, self._verdict(ok)))

    def ratio(self, name: str, a: Measure | None, b: Measure | None, limit: float) -> None:
        """A / B at most *limit*: the median of the rounds' ratios when A and B ran in the same rounds (see
        ``paired``), else the ratio of their medians."""
        if a is None or b is None:
            return self.skip(name, f"≤ {limit}")
        pairs = paired(a, b)
        value = statistics.median(x / y for x, y in pairs) if pairs else a.median / b.median
        how = f", median of {len(pairs)} rounds' ratios" if pairs else ""
        shown = f"{value:.2f} ({a.median:.3f} s / {b.median:.3f} s{how}){self._note(a, b)}"
        self.append(Target(name, shown, f"≤ {limit}", self._verdict(value <= limit, a, b)))

    def added(self, name: str, a: Measure | None, b: Measure | None, limit: float) -> None:
        """A minus B at most *limit* seconds: the median of the rounds' differences when A and B ran in the same
        rounds, else the difference of their medians."""
        if a is None or b is None:
            return self.skip(name, f"≤ {limit} s")
        pairs = paired(a, b)
        value = statistics.median(x - y for x, y in pairs) if pairs else a.median - b.median
        how = f", median of {len(pairs)} rounds' differences" if pairs else ""
        shown = f"{value:+.3f} s ({a.median:.3f} s − {b.median:.3f} s{how}){self._note(a, b)}"
        self.append(Target(name, shown, f"≤ {limit} s", self._verdict(value <= limit, a, b)))

    def seconds(self, name: str, a: Measure | None, limit: float) -> None:
        """Median of A under *limit* seconds."""
        if a is None:
            return self.skip(name, f"< {limit} s")
        shown = f"{a.median:.3f} s{self._note(a)}"
        self.append(Target(name, shown, f"< {limit} s", self._verdict(a.median < limit, a)))

    def memory(self, name: str, a: Measure | None, size: int | None, limit: float) -> None:
        """Peak RSS of A, at most *limit* times *size* bytes."""
        if a is None or not size:
            return self.skip(name, f"≤ {limit}")
        factor = a.peak_mib / (size / MIB)
        shown = f"{factor:.1f} ({a.peak_mib:.0f} MiB / {size / MIB:.1f} MiB){self._note(a)}"
        self.append(Target(name, shown, f"≤ {limit}", self._verdict(factor <= limit, a)))


# ---------------------------------------------------------------- the report


def machine_line() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    try:
        load = " load average %.2f;" % os.getloadavg()[0]
    except OSError:
        load = ""
    return f"Machine: {platform.platform()}; CPU: {cpu}; {os.cpu_count()} cores;{load} Python {platform.python_version()}; {now}"


def markdown_table(headers: list[str], rows: list[list[str]]) -> str:
    right = ["---:" if h.endswith((" s", "MiB", "measured", "limit", "runs")) else "---" for h in headers]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(right) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
