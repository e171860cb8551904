"""A long output made by two processes is byte for byte the output of one (cchc.outputs.halves)."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

from cchc import forks, write
from cchc.outputs import halves, reporters, tables

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from generate import generate_plan  # noqa: E402

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(os, "memfd_create"), reason="needs fork and memfd_create")


class Parts:
    """make(start, stop) of numbered Vietnamese lines, remembering the calls made in this process."""

    def __init__(self, in_child=None):
        self.calls: list[tuple[int, int]] = []
        self.parent = os.getpid()
        self.in_child = in_child

    def __call__(self, start: int, stop: int):
        if os.getpid() == self.parent:
            self.calls.append((start, stop))
        elif self.in_child is not None:
            self.in_child()
        for n in range(start, stop):
            yield f"{n}: Sở Nội vụ chủ trì, đ✓😀\n"


@pytest.fixture
def two_cores(monkeypatch):
    monkeypatch.setattr(halves, "_cores", lambda: 2)


def test_the_second_half_is_made_by_a_child(two_cores):
    parts = Parts()
    made = list(halves.in_two(parts, 5000, step=64, least=1))
    assert "".join(made) == "".join(Parts()(0, 5000))
    # This process made its share only (cut at a multiple of the step); the rest came from the child.
    assert halves.PARENT_SHARE == 56 and parts.calls == [(0, 2752)]


def test_characters_cut_between_blocks_come_back_whole(two_cores, monkeypatch):
    monkeypatch.setattr(forks, "BLOCK", 7)  # every multi-byte character is cut by some block boundary
    made = list(halves.in_two(Parts(), 301, least=1))
    assert all(isinstance(piece, str) for piece in made)
    assert "".join(made) == "".join(Parts()(0, 301))


def test_bytes_stay_bytes(two_cores):
    def make(start, stop):
        for n in range(start, stop):
            yield f"{n},đ\r\n".encode()

    made = list(halves.in_two(make, 1000, text=False, least=1))
    assert all(isinstance(piece, bytes) for piece in made)
    assert b"".join(made) == b"".join(make(0, 1000))


@pytest.mark.parametrize("failure", ["raises", "killed"])
def test_a_failed_child_leaves_its_half_to_this_process(two_cores, failure):
    def fail():
        if failure == "raises":
            raise RuntimeError("the child cannot make its part")
        os.kill(os.getpid(), signal.SIGKILL)

    parts = Parts(in_child=fail)
    made = "".join(halves.in_two(parts, 1000, least=1))
    assert made == "".join(Parts()(0, 1000))
    assert parts.calls == [(0, 560), (560, 1000)]  # its own share, then the child's


def test_a_reader_that_stops_ends_the_child(two_cores, monkeypatch):
    started = []
    start = halves._Child.start.__func__

    def recording(cls, *args):
        child = start(cls, *args)
        started.append(child)
        return child

    monkeypatch.setattr(halves._Child, "start", classmethod(recording))
    pieces = halves.in_two(Parts(), 100_000, least=1)
    assert next(pieces) == "0: Sở Nội vụ chủ trì, đ✓😀\n"
    pid, fd = started[0].pid, started[0].fd
    pieces.close()  # `cchc list | head`: the reader went away
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # killed and reaped: no zombie, no orphan
    with pytest.raises(OSError):
        os.fstat(fd)


def test_small_outputs_and_one_core_stay_in_one_process(monkeypatch):
    parts = Parts()
    assert "".join(halves.in_two(parts, 100)) == "".join(Parts()(0, 100))  # fewer than LEAST units
    monkeypatch.setattr(halves, "_cores", lambda: 1)
    assert "".join(halves.in_two(parts, 3000, least=1)) == "".join(Parts()(0, 3000))
    assert parts.calls == [(0, 100), (0, 3000)]


def test_nothing_buffered_is_written_twice(two_cores, tmp_path):
    # What this process had buffered for its output before the fork is written once, by this process.
    path = tmp_path / "out.txt"
    with open(path, "w", encoding="utf-8") as stream:
        saved, sys.stdout = sys.stdout, stream
        try:
            stream.write("trước ")
            for piece in halves.in_two(Parts(), 40, least=1):
                stream.write(piece)
        finally:
            sys.stdout = saved
    assert path.read_text(encoding="utf-8") == "trước " + "".join(Parts()(0, 40))


@pytest.fixture(scope="module")
def plan_600(tmp_path_factory):
    path = tmp_path_factory.mktemp("halves") / "plan.yaml"
    path.write_text(generate_plan(600), encoding="utf-8")
    return path


def _in_two_from_now_on(monkeypatch, block: int | None = None) -> list:
    """Make every long output in two from here on (a child for any part); the list of the parts children made."""
    monkeypatch.setattr(halves, "_cores", lambda: 2)
    monkeypatch.setattr(forks, "cores", lambda: 2)
    monkeypatch.setattr(halves, "LEAST", 1)
    monkeypatch.setattr(tables, "ROWS_PER_CHUNK", 16)  # the middle is a multiple of a chunk
    monkeypatch.setattr(reporters, "JSON_CHUNK", 16)
    if block is not None:  # the child's bytes come back, and are written, cut inside characters
        monkeypatch.setattr(forks, "BLOCK", block)
        monkeypatch.setattr(write, "BATCH", block)
    calls: list = []
    start = halves._Child.start.__func__
    monkeypatch.setattr(halves._Child, "start", classmethod(lambda cls, *a: calls.append(a[1:3]) or start(cls, *a)))
    return calls


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--format", "json"],
        ["due", "--from", "2021-01", "--to", "2021-12"],
        ["calendar"],
        ["report", "--period", "2021", "--today", "2022-01-10"],
        ["render", "--format", "html"],
        ["render", "--format", "html", "--agency", "Sở Nội vụ tỉnh An Giang"],
        ["render", "--format", "html", "--section", "II"],  # one section: nothing to share
    ],
)
def test_commands_write_what_one_process_writes(run, plan_600, monkeypatch, args):
    one = run(*args, "--plan", plan_600)
    assert one.exit_code == 0, one
    calls = _in_two_from_now_on(monkeypatch)
    two = run(*args, "--plan", plan_600)
    assert bool(calls) is ("--section" not in args), "no part was made by a child"
    assert (two.exit_code, two.stdout, two.stderr) == (0, one.stdout, one.stderr)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    "args",
    [["list"], ["render", "--format", "html"], ["report", "--period", "2021", "--today", "2022-01-10"], ["list", "--format", "json"]],
)
def test_a_part_made_by_a_child_reads_as_text_on_any_output(run, plan_600, monkeypatch, args, encoding):
    # A child sends its part as UTF-8. On a UTF-8 output those bytes go out as they are; on any other
    # a table for a person is escaped and a document is UTF-8 all the same, exactly as one process writes them.
    one = run(*args, "--plan", plan_600, encoding=encoding)
    assert one.exit_code == 0, one
    assert (b"\\u1ed9" in one.stdout_bytes) is (args[0] in ("list", "report") and "json" not in args), one.stdout_bytes[:300]
    calls = _in_two_from_now_on(monkeypatch, block=5)
    two = run(*args, "--plan", plan_600, encoding=encoding)
    assert calls, "no part was made by a child"
    assert (two.exit_code, two.stdout_bytes, two.stderr) == (0, one.stdout_bytes, one.stderr)


@pytest.mark.parametrize(
    ("args", "name"),
    [(["render", "--format", "html"], "plan.html"), (["report", "--period", "2021", "--today", "2022-01-10"], "report.txt")],
)
def test_a_part_made_by_a_child_is_written_to_a_file_in_its_place(run, plan_600, monkeypatch, tmp_path, args, name):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    assert run(*args, "--plan", plan_600, "-o", one / name).exit_code == 0
    calls = _in_two_from_now_on(monkeypatch, block=5)
    assert run(*args, "--plan", plan_600, "-o", two / name).exit_code == 0
    assert calls
    assert (two / name).read_bytes() == (one / name).read_bytes()
    assert (one / name).read_text(encoding="utf-8").count("Sở") > 100


def test_an_html_plan_made_in_two_when_the_child_fails(plan_600, monkeypatch):
    from cchc.load import load_plan
    from cchc.outputs.html import render_pieces

    plan = load_plan(plan_600).plan
    one = "".join(render_pieces(plan, "html"))
    monkeypatch.setattr(forks, "cores", lambda: 2)
    monkeypatch.setattr(halves, "LEAST", 1)
    parent = os.getpid()
    real = forks._make_into

    def failing(fd, make, start, stop):
        def made(first, last):
            yield next(iter(make(first, last)))
            if os.getpid() != parent:
                os.kill(os.getpid(), signal.SIGKILL)
        real(fd, made, start, stop)

    assert "".join(render_pieces(plan, "html")) == one  # the child's part, made here
    monkeypatch.setattr(forks, "_make_into", failing)
    assert "".join(render_pieces(plan, "html")) == one
    assert "<!--" not in one


def _processes_reading(path: Path) -> list[int]:
    """The processes whose command line names *path* (a forked child has its parent's)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if str(path).encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")
@pytest.mark.parametrize("command", [["list"], ["calendar"], ["list", "--format", "json"]])
def test_a_reader_that_goes_away_leaves_no_process(tmp_path, command):
    # `cchc calendar | head`: cchc stops with exit 1, and the child making the second half does not live on.
    import subprocess
    import time

    plan = tmp_path / "big.yaml"
    plan.write_text(generate_plan(9000), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "cchc", *command, "--plan", str(plan)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.read(100)
    proc.stdout.close()
    assert proc.wait(timeout=120) == 1
    assert proc.stderr.read() == b""
    deadline = time.monotonic() + 30
    while _processes_reading(plan) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_reading(plan) == []
