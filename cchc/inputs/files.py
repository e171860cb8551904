"""Reading an input file with bounded work, whatever the path names.

A regular file, a symlink to a device (``/dev/zero`` never ends), a FIFO with
or without a writer, a ``/proc`` file (its size says 0): each is read the same
way, in chunks, and never more than ``limit + 1`` bytes, so that the caller can
tell a file over the limit (and report ``too-large``) without reading it all.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

#: Bytes asked of the operating system per read when the size is not known.
CHUNK = 1024 * 1024


class UnreadableFile(Exception):
    """The file cannot be read at all: *code* and message *key* with *args* say why (messages in cchc.messages.problems)."""

    def __init__(self, path: str, code: str, key: str, args: dict[str, Any] | None = None):
        super().__init__(f"{path}: {code}")
        self.path = path
        self.code = code
        self.key = key
        self._message_args = dict(args or {})

    @property
    def args(self) -> dict[str, Any]:  # type: ignore[override]
        """The message's arguments (in place of Exception's tuple, so that every problem reads the same)."""
        return self._message_args

    def __reduce__(self):
        return type(self), (self.path, self.code, self.key, self._message_args)


def read_bounded(path: str | os.PathLike, limit: int | None = None) -> bytes:
    """The first ``limit + 1`` bytes of the file at *path* at most (all of them when it is smaller).

    More than *limit* bytes back means the file is over the limit. *limit*
    defaults to ``cchc.inputs.yaml.MAX_BYTES``, read at the call. A FIFO with
    no writer reads as empty, at once. Raises ``UnreadableFile``.
    """
    if limit is None:
        from cchc.inputs.yaml import MAX_BYTES as limit
    name = os.fspath(path)
    # O_NONBLOCK: opening a FIFO for reading would wait for a writer forever.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(name, flags | getattr(os, "O_CLOEXEC", 0))
    except (FileNotFoundError, NotADirectoryError):
        raise UnreadableFile(name, "not-found", "not-found") from None
    except IsADirectoryError:
        raise UnreadableFile(name, "not-a-file", "not-a-file") from None
    except PermissionError:
        if os.path.isdir(name):  # Windows refuses to open a directory
            raise UnreadableFile(name, "not-a-file", "not-a-file") from None
        raise UnreadableFile(name, "unreadable", "unreadable.permission") from None
    except OSError as exc:
        raise UnreadableFile(name, "unreadable", "unreadable", {"reason": exc.strerror or str(exc)}) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableFile(name, "not-a-file", "not-a-file")
        if flags & getattr(os, "O_NONBLOCK", 0):
            # Blocking reads again: a FIFO with a writer waits for its data
            # (without a writer a read gives end of file at once).
            os.set_blocking(fd, True)
        return _read(fd, limit, info.st_size if stat.S_ISREG(info.st_mode) else 0)
    except PermissionError:
        raise UnreadableFile(name, "unreadable", "unreadable.permission") from None
    except OSError as exc:
        raise UnreadableFile(name, "unreadable", "unreadable", {"reason": exc.strerror or str(exc)}) from None
    finally:
        os.close(fd)


def _read(fd: int, limit: int, size: int) -> bytes:
    # A regular file comes in one read of its size (no copy to join); anything
    # else, or a file that grew, in chunks up to limit + 1 bytes in all.
    chunks: list[bytes] = []
    total = 0
    want = min(size + 1, limit + 1) if size else min(CHUNK, limit + 1)
    while total <= limit:
        chunk = os.read(fd, min(want, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = CHUNK
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def file_key(path: Path) -> tuple | str:
    """What a file is, whatever it is called: its device and inode (a hard link is the same file), else its real path."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        try:
            return os.path.realpath(path)
        except OSError:  # a relative name in a working folder deleted since: the name is all there is
            return os.fspath(path)
    return status.st_dev, status.st_ino
