"""A forked child that makes part of a result into a file in memory, while this process goes on.

Python runs one line of code at a time; a second core stays idle. A child made
by ``fork`` shares what this process has loaded (copy on write), makes its part
into an anonymous file in memory and exits; this process reads the bytes back
when it needs them. When the child cannot start, fails or is stopped, this
process makes the part itself: the result never depends on the child.
``cchc.outputs.halves`` makes long outputs this way, ``cchc.inputs.yaml_halves``
reads large plans.
"""

from __future__ import annotations

import codecs
import os
import pickle
import signal
import sys
from typing import Any, Callable, Iterator

#: Bytes read back from the child's file at a time.
BLOCK = 1 << 20


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class Child:
    """A forked process making ``make(start, stop)`` into a file in memory."""

    def __init__(self, pid: int, fd: int, make, start: int, stop: int, text: bool):
        self.pid, self.fd, self.make, self.start_, self.stop_, self.text = pid, fd, make, start, stop, text

    @classmethod
    def start(cls, make, start: int, stop: int, text: bool) -> "Child | None":
        if not hasattr(os, "fork") or not hasattr(os, "memfd_create"):
            return None
        try:
            fd = os.memfd_create("cchc-half", os.MFD_CLOEXEC)
        except OSError:
            return None
        for stream in (sys.stdout, sys.stderr):  # nothing buffered is left for the child to hold a copy of
            try:
                stream.flush()
            except (AttributeError, OSError, ValueError):
                pass
        try:
            pid = os.fork()
        except OSError:
            os.close(fd)
            return None
        if pid == 0:
            _make_into(fd, make, start, stop)  # never returns
        return cls(pid, fd, make, start, stop, text)

    @classmethod
    def computing(cls, compute: Callable[[], Any]) -> "Child | None":
        """A child computing ``compute()``, its value pickled into its file; ``value`` reads it back."""
        return cls.start(lambda start, stop: [pickle.dumps(compute(), pickle.HIGHEST_PROTOCOL)], 0, 1, False)

    def value(self) -> Any:
        """What the child of ``computing`` computed (computed here instead when the child did not finish)."""
        return pickle.loads(b"".join(self.pieces()))

    def pieces(self) -> Iterator:
        """The child's part as it made it; made here instead when the child did not finish it."""
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        if not (os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0):
            yield from self.make(self.start_, self.stop_)
            return
        os.lseek(self.fd, 0, os.SEEK_SET)
        decode = codecs.getincrementaldecoder("utf-8")().decode if self.text else None
        while block := os.read(self.fd, BLOCK):
            yield decode(block) if decode else block
        if decode:
            yield decode(b"", True)

    def stop(self) -> None:
        """End the child if it still runs (the reader went away, Ctrl-C) and let its file go."""
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
            self.pid = 0
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def _make_into(fd: int, make, start: int, stop: int) -> None:
    """The child: its part into *fd*, then out at once (no clean-up of the parent's: the parent does that)."""
    code = 1
    parent = os.getppid()
    try:
        with open(fd, "wb", buffering=BLOCK, closefd=False) as file:
            for count, piece in enumerate(make(start, stop)):
                file.write(piece if type(piece) is bytes else piece.encode("utf-8"))
                if count % 256 == 255 and os.getppid() != parent:  # the parent is gone: nobody will read this
                    break
            else:
                code = 0
    except BaseException:  # noqa: BLE001 - whatever went wrong, the parent makes this part itself
        code = 1
    finally:
        os._exit(code)
