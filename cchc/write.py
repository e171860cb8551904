"""Writing files safely: atomically, with the mode a plain ``open()`` would give, and never over the plan being read."""

from __future__ import annotations

import errno
import os
import shlex
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator


class UnsafeOutput(Exception):
    """The output path would overwrite something it must not, or cannot be a file: a catalogue key and its arguments."""

    def __init__(self, key: str, **args):
        super().__init__(key)
        self.key = key
        self.params = args


#: Paths under these name devices and processes, not files: "-o /dev/stdout" would replace what the shell redirects to.
_SPECIAL_DIRECTORIES = ("/dev/", "/proc/", "/sys/")


def check_output(output: Path, protected: list[Path], force: bool = True, protected_dirs: list[Path] = (), read_only_too: bool = True) -> None:
    """Raise UnsafeOutput when writing *output* would destroy one of *protected* (the inputs), a file in
    *protected_dirs* (templates being read), a file made read-only (unless not *read_only_too*: the caller says
    why itself), or cannot be a file. With *force* False an existing file is refused too.
    """
    try:
        _check_output(output, protected, force, protected_dirs, read_only_too)
    except (OSError, RuntimeError) as exc:  # a name too long, a symlink loop
        raise UnsafeOutput("write.bad-path", path=str(output), reason=getattr(exc, "strerror", None) or str(exc)) from None


def _check_output(output: Path, protected: list[Path], force: bool, protected_dirs, read_only_too: bool) -> None:
    absolute = os.path.abspath(output)
    real = os.path.realpath(output)
    if absolute.startswith(_SPECIAL_DIRECTORIES) or real.startswith(_SPECIAL_DIRECTORIES):
        if os.path.exists(output):  # through links: a link to nothing in /dev writes no device
            raise UnsafeOutput("write.not-regular", path=str(output))
        special = next(d for d in _SPECIAL_DIRECTORIES if absolute.startswith(d) or real.startswith(d))
        raise UnsafeOutput("write.special-directory", path=str(output), directory=special.rstrip("/"))
    if output.is_dir():
        raise UnsafeOutput("write.directory", path=str(output))
    parent = os.path.dirname(absolute)
    if not os.path.isdir(parent):
        existing = parent
        while not os.path.lexists(existing) and os.path.dirname(existing) != existing:
            existing = os.path.dirname(existing)
        if os.path.lexists(parent) or not os.path.isdir(existing):  # a file, or a link to nothing, on the way
            raise UnsafeOutput("write.bad-path", path=str(output), reason=os.strerror(errno.ENOTDIR))
        raise UnsafeOutput("write.no-directory", path=str(output), directory=os.path.dirname(os.fspath(output)) or parent)
    if output.exists() and not output.resolve().is_file():
        # A device or a pipe would be replaced by a plain file by the atomic rename.
        raise UnsafeOutput("write.not-regular", path=str(output))
    for path in protected:
        try:
            same = output.exists() and path.exists() and os.path.samefile(output, path)
        except OSError:
            same = False
        if same or output.resolve() == path.resolve():
            raise UnsafeOutput("write.input", path=str(output))
    for directory in protected_dirs:  # a file there may be a template being read; a new one is not
        if (output.exists() or output.is_symlink()) and Path(os.path.realpath(output)).is_relative_to(os.path.realpath(directory)):
            raise UnsafeOutput("write.input", path=str(output))
    if not force and (output.exists() or output.is_symlink()):
        raise UnsafeOutput("write.exists", path=str(output))
    if read_only_too and read_only(output) and not on_read_only_drive(output):  # on a read-only drive writing fails, and says so
        raise UnsafeOutput("write.read-only", path=str(output), quoted=shlex.quote(str(output)))


def read_only(path: Path | str) -> bool:
    """True when the existing file at *path* (through symlinks) is read-only for the one writing it.

    The mode bits decide, not only ``os.access``: the administrator (root) may
    write any file, but a file whose owner cleared its write bit (``chmod a-w``,
    ``chmod u-w``: a log, a signed final copy) was made read-only on purpose, and
    the atomic rename would replace it unasked (the rename needs only the
    directory's permission).
    """
    try:
        info = os.stat(path)
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return True
    if hasattr(os, "geteuid") and info.st_uid == os.geteuid() and not info.st_mode & stat.S_IWUSR:
        return True
    effective = os.access in os.supports_effective_ids
    return not os.access(path, os.W_OK, effective_ids=effective)


def on_read_only_drive(path: Path | str) -> bool:
    """Whether *path* is on a file system mounted read-only (``chmod`` cannot help there)."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):
        return False


def _creation_mode() -> int:
    # The mode open() would give a new file: 0o666 less the umask. Reading the
    # umask means setting it; it is put back at once.
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(path: Path, content: str | bytes | Iterable[str] | Iterable[bytes], owner: tuple[int, int] | None = None) -> None:
    """Write *content* (text as UTF-8, bytes, or either in pieces) to *path* through a temporary file and a rename.

    A symlink is followed: its target gets the new content, the link stays. An
    existing file keeps its mode; a new one gets the mode the umask allows.
    With *owner* (uid, gid), the new file is given them, and ``_OwnerWouldChange``
    is raised, nothing written, when this user cannot.
    Whatever interrupts the write (an error, or a signal the caller turns
    into an exception) removes the temporary file and leaves *path* as it was.
    """
    path = Path(os.path.realpath(path))
    if isinstance(content, str):
        pieces: Iterable[bytes] = [content.encode("utf-8")]
    elif isinstance(content, bytes):
        pieces = [content]
    else:  # a document rendered as it is written: each piece (text encoded) in turn, never the whole at once
        pieces = (piece.encode("utf-8") if isinstance(piece, str) else piece for piece in batched(content))
    mode = path.stat().st_mode & 0o777 if path.exists() else _creation_mode()
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            if owner is not None:
                _give(handle.fileno(), owner)
            for data in pieces:
                handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def _give(fd: int, owner: tuple[int, int]) -> None:
    """Make the file *fd* belong to *owner* (uid, gid); ``_OwnerWouldChange`` when this user cannot."""
    status = os.fstat(fd)
    if (status.st_uid, status.st_gid) == owner:
        return
    try:
        os.fchown(fd, owner[0] if status.st_uid != owner[0] else -1, owner[1] if status.st_gid != owner[1] else -1)
    except (PermissionError, AttributeError):
        raise _OwnerWouldChange() from None


#: About how many characters (or bytes) ``batched`` joins into one piece.
BATCH = 1 << 18


def batched(pieces: Iterable, size: int | None = None) -> Iterator:
    """*pieces* of text or bytes (a template's output, a table's chunks, a calendar's events) joined into
    pieces of about *size* characters or bytes (default ``BATCH``).

    Text and bytes may alternate (a document's text made here, and a part of it a second
    process made, as UTF-8): a batch holds one kind. Text is joined as plain ``str``: a
    template's pieces may be ``Markup``, whose own ``join`` would escape the plain text
    after it (the template's literal HTML).
    """
    size = BATCH if size is None else size
    batch: list = []
    length = 0
    binary = False
    for piece in pieces:
        if (type(piece) is bytes) is not binary:  # text then bytes, or bytes then text
            binary = not binary
            if batch:
                yield _joined(batch)
                batch, length = [], 0
        batch.append(piece)
        length += len(piece)
        if length >= size:
            yield _joined(batch)
            batch, length = [], 0
    if batch:
        yield _joined(batch)


def _joined(batch: list):
    return b"".join(batch) if type(batch[0]) is bytes else str.join("", batch)


@contextmanager
def directory_locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the directory of *path* while a read-change-rename runs, so that two writers
    of the same file take turns instead of losing one's change. (The file itself is replaced by the rename,
    so its own inode cannot carry the lock.) Where locks are not available, nothing is held.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    try:
        fd = _open_folder(path)
    except PermissionError:  # a folder this user may enter but not read (mode 711, 333): the file carries the lock
        with _file_locked(path, fcntl):
            yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


class FolderUnreadable(PermissionError):
    """The folder cannot be read, so it cannot carry a lock, and there is no file in it yet to carry one."""


def _open_folder(path: Path) -> int:
    """A descriptor of the folder *path* is in, to lock."""
    return os.open(os.path.dirname(os.path.realpath(path)) or ".", os.O_RDONLY)


@contextmanager
def _file_locked(path: Path, fcntl) -> Iterator[None]:
    """An exclusive lock on the file at *path* itself, taken again on the new file when a rename replaced it while
    this one waited; FolderUnreadable when there is no file yet to lock."""
    while True:
        try:
            fd = os.open(os.path.realpath(path), os.O_RDONLY)
        except FileNotFoundError:  # nothing to lock: two writers starting it at once would each write their own
            raise FolderUnreadable(errno.EACCES, os.strerror(errno.EACCES), os.path.dirname(os.path.realpath(path))) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                same = os.fstat(fd).st_ino == os.stat(os.path.realpath(path)).st_ino
            except OSError:
                same = False
            if same:
                yield
                return
        finally:
            os.close(fd)


def extend_file(path: Path, new: bytes, kept: int) -> None:
    """Make the existing file at *path*, whose first *kept* bytes are ``new[:kept]``, hold *new* (a log an entry longer).

    Through a temporary file and a rename (``write_atomically``) when the new
    file can be all the old one was: the same owner and group, and its only
    name. Otherwise (a log shared by a group of clerks, another's file, a hard
    link, a directory this user cannot write in) the bytes after *kept* are
    written at its end, in place, and cut off again when the write fails: the
    file stays the one it was, whoever made it. Call it holding
    ``directory_locked``.
    """
    real = Path(os.path.realpath(path))
    status = real.stat()
    if status.st_nlink == 1 and os.access(real.parent, os.W_OK | os.X_OK):  # else no temporary file beside it
        try:
            write_atomically(real, new, owner=(status.st_uid, status.st_gid))
            return
        except _OwnerWouldChange:
            pass
    fd = os.open(real, os.O_WRONLY)
    try:
        if os.lseek(fd, 0, os.SEEK_END) != kept:
            raise OSError(errno.EAGAIN, "changed while it was being written, run again", str(path))
        try:
            tail = memoryview(new)[kept:]
            while tail:  # a write may take part of what it is given
                tail = tail[os.write(fd, tail):]
            os.fsync(fd)
        except BaseException:
            os.ftruncate(fd, kept)  # on the descriptor itself: no buffer left to flush first
            raise
    finally:
        os.close(fd)


class _OwnerWouldChange(Exception):
    """The file a rename would put in place would belong to another owner or group than the one it replaces."""
