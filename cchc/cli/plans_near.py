"""Plans of one's own near the current folder: where a bare command (no --plan, no CCHC_PLAN, no plans/2021.yaml) would
read the bundled 2021 plan, the plans it should name instead (``cchc.cli.common.plan_path``'s note; ``validate``'s
refusal, exit 2, so that a CI step written without a file never passes on the bundled plan)."""

from __future__ import annotations

import os
import re
from collections import deque
from itertools import islice
from pathlib import Path
from typing import Iterator

#: The plans a note names when the bundled plan is read beside others.
NAMED_PLANS = 3


def named(plans: list[Path]) -> str:
    """The first few of *plans* for a one-line message ("a.yaml, b.yaml, c.yaml, …"; a line break in a name escaped)."""
    from cchc.text import one_line

    return ", ".join(one_line(str(plan)) for plan in plans[:NAMED_PLANS]) + (", …" if len(plans) > NAMED_PLANS else "")


def own_plans() -> list[Path]:
    """Plans of one's own where no plans/2021.yaml is: those of plans/ here, else of the repository's plans/ above
    (from its docs/), else the plans of the current folder, of its folders (``ke-hoach/2026.yaml``), then of each
    folder above it in its git repository (other YAML files left out; the first few found)."""
    from cchc.load import DEFAULT_PLAN, plans_above

    folder = DEFAULT_PLAN.parent if DEFAULT_PLAN.parent.is_dir() else plans_above()
    others = sorted(folder.glob("*.y*ml")) if folder is not None else []
    others = [other for other in others if other.suffix in (".yaml", ".yml") and ".progress." not in other.name]
    return others or list(islice(filter(_looks_like_a_plan, islice(_yaml_near(), MAX_LOOKED)), NAMED_PLANS + 1))


#: At most so many YAML files are looked into in search of one's own plans, so many folders under the current one (the
#: nearest first, each folder's in the order of their names) are looked in, and so deep.
MAX_LOOKED, MAX_FOLDERS, MAX_DEPTH = 200, 200, 4
#: Folders that hold other tools' files, never looked in.
_NOT_PLANS = frozenset({"node_modules", "venv", "site-packages", "__pycache__", "build", "dist"})


def _yaml_near() -> Iterator[Path]:
    """The YAML files of the current folder, then of the folders under it, nearest first (``ke-hoach/2026.yaml``, then
    ``plans/2026/ke-hoach.yaml``; not hidden, not links: a link to "." would name a plan twice), then of each folder
    above it in its git repository, nearest first, each folder's by name (``own_plans``: a bare command run at the top
    of a repository or in its docs/). Every name of a folder is read (a plan is never missed for the order a folder
    lists its names in); no more than MAX_LOOKED files are read, MAX_FOLDERS folders looked in, MAX_DEPTH down."""
    from cchc.load import folders_above

    def entries(folder: Path) -> list:
        try:
            with os.scandir(folder) as found:
                return sorted(found, key=lambda entry: entry.name)
        except OSError:  # unreadable, or gone
            return []

    def yaml_files(listed: list) -> Iterator[Path]:
        return (Path(entry.path) for entry in listed if entry.name.lower().endswith((".yaml", ".yml")))

    def folders(listed: list, depth: int) -> list:
        return [(Path(entry.path), depth) for entry in listed if not entry.name.startswith(".") and entry.name not in _NOT_PLANS and _is_folder(entry)]

    here = entries(Path("."))
    yield from yaml_files(here)
    waiting = deque(folders(here, 1))
    for _ in range(MAX_FOLDERS):
        if not waiting:
            break
        folder, depth = waiting.popleft()
        listed = entries(folder)
        yield from yaml_files(listed)
        if depth < MAX_DEPTH:
            waiting.extend(folders(listed, depth + 1))
    for climbed, _ in folders_above():
        yield from yaml_files(entries(Path(*[os.pardir] * climbed)))


def _is_folder(entry) -> bool:
    """Whether a folder's entry is a folder of its own (not a link to one)."""
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _looks_like_a_plan(path: Path) -> bool:
    """Whether a YAML file found near (``_yaml_near``) is a plan (``cchc init -o ke-hoach.yaml``), not some other tool's:
    "plan:" or "decision:" begins a line of its first 64 KiB."""
    try:
        if path.name.startswith(".") or path.suffix.lower() not in (".yaml", ".yml") or ".progress." in path.name or not path.is_file():
            return False  # a FIFO would never end a read
        with path.open("rb") as file:
            head = file.read(1 << 16)
    except OSError:
        return False
    return re.search(rb"(?m)^(?:plan|decision):", head) is not None  # every plan has one; "sections:" alone is a book's table of contents
