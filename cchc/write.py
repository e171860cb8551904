"""Writing output files safely: atomically, and never over the plan being read."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class UnsafeOutput(Exception):
    """The output path would overwrite the plan file, or is not a file path."""


def check_output(output: Path, plan: Path) -> None:
    """Raise UnsafeOutput when writing *output* would destroy *plan* or cannot be a file."""
    if output.is_dir():
        raise UnsafeOutput(f"{output}: is a directory; give a file name")
    if output.exists() and not output.resolve().is_file():
        # A device or a pipe would be replaced by a plain file by the atomic rename.
        raise UnsafeOutput(f"{output}: is not a regular file; write to a file, or leave out -o for standard output")
    try:
        same = output.exists() and plan.exists() and os.path.samefile(output, plan)
    except OSError:
        same = False
    if same or output.resolve() == plan.resolve():
        raise UnsafeOutput(f"{output}: refusing to overwrite the plan file being rendered")


def write_atomically(path: Path, text: str) -> None:
    """Write *text* (UTF-8) to *path* through a temporary file and a rename.

    A symlink is followed: its target gets the new content, the link stays.
    """
    path = Path(os.path.realpath(path))
    directory = path.parent
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o777)
        else:
            os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
