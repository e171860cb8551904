"""Reading a plan file: bytes -> safe YAML -> pydantic ``Plan`` + problems.

``load_plan`` never raises for bad content: every problem comes back as a
``Problem`` with file, line and column. Only I/O failures (no such file, a
directory, unreadable) raise ``PlanFileError``, which the CLI maps to exit 2.
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Iterator

from cchc import safeyaml
from cchc.problems import Problem, error

DEFAULT_PLAN = Path("plans") / "2021.yaml"


class PlanFileError(Exception):
    """The plan file cannot be read at all (missing, a directory, no permission, too large)."""

    def __init__(self, path: Path, code: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.code = code
        self.reason = reason

    def problem(self) -> Problem:
        """The failure as a problem at the top of the file, for validate's reports."""
        return error(self.code, self.reason, file=str(self.path), line=1, column=1)


@dataclass
class LoadedPlan:
    """What loading a file gave: the plan (None when invalid) and its problems."""

    name: str
    source: bytes | None  # the file's bytes (UTF-8, no BOM), kept to locate problems
    plan: object | None  # cchc.model.Plan; typed loosely so this module imports fast
    problems: list[Problem] = field(default_factory=list)

    def locate(self, problems: list[Problem]) -> list[Problem]:
        """Give each problem that has a data path its line and column in this file."""
        problems = [p if p.file else replace(p, file=self.name) for p in problems]
        pending = [p for p in problems if p.line == 0]
        if not pending:
            return problems
        if self.source is None:
            return [p.at(1, 1) if p.line == 0 else p for p in problems]
        positions = safeyaml.locate(self.source, {p.path for p in pending})
        return [p.at(*positions[p.path]) if p.line == 0 else p for p in problems]


def default_plan_path() -> Path:
    """``plans/2021.yaml`` in the current directory if there, else the copy shipped in the package."""
    if DEFAULT_PLAN.is_file():
        return DEFAULT_PLAN
    return bundled_plan_path()


def bundled_plan_path() -> Path:
    """The 2021 plan shipped inside the package (the wheel copies plans/2021.yaml there).

    In a source checkout or an editable install the package has no copy; the
    repository's own plans/2021.yaml, next to the package, is the same file.
    """
    bundled = resources.files("cchc") / "data" / "2021.yaml"
    if bundled.is_file():
        return Path(str(bundled))
    return Path(__file__).resolve().parent.parent / "plans" / "2021.yaml"


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or PlanFileError with a plain-language reason.

    A file over the size bound is not read: its bytes would be refused anyway.
    Its size is checked by ``load_plan`` as a problem of the plan, not of I/O.
    """
    if path.is_dir():
        raise PlanFileError(path, "not-a-file", "is a directory, not a plan file")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise PlanFileError(path, "not-found", "no such file") from None
    except PermissionError:
        raise PlanFileError(path, "unreadable", "permission denied") from None
    except OSError as exc:
        raise PlanFileError(path, "unreadable", exc.strerror or str(exc)) from None


@contextmanager
def _gc_paused() -> Iterator[None]:
    # Building a large tree of dicts and lists triggers the cyclic collector
    # again and again, which makes loading superlinear; nothing here makes cycles.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # What was loaded lives until the command ends: keep later collections
        # from walking it again and again.
        gc.freeze()
        if enabled:
            gc.enable()


def load_plan(path: Path | str, name: str | None = None) -> LoadedPlan:
    """Read and validate the plan at *path*; problems are reported against *name* (default: the path)."""
    path = Path(path)
    name = name or os.fspath(path)
    try:
        size = path.stat().st_size if path.is_file() else 0
    except OSError:
        size = 0  # read_bytes says what is wrong
    if size > safeyaml.MAX_BYTES:
        return LoadedPlan(name, None, None, [_from_yaml(name, safeyaml.too_large(size))])
    return load_bytes(read_bytes(path), name)


def load_bytes(data: bytes, name: str) -> LoadedPlan:
    """Validate a plan given as bytes: UTF-8, safe YAML, then the schema."""
    source, is_nfc, problem = safeyaml.decode(data)
    del data  # large plans: do not keep a second copy
    if problem is not None:
        return LoadedPlan(name, None, None, [_from_yaml(name, problem)])
    with _gc_paused():
        data_tree, yaml_problems = safeyaml.parse(source, is_nfc)
        problems = [_from_yaml(name, p) for p in yaml_problems]
        if data_tree is None:
            # Parsing stopped (or the file is empty): there is nothing to validate further.
            if not problems:
                problems.append(error("empty", "the file holds no plan", file=name, line=1, column=1))
            return LoadedPlan(name, source, None, sorted(problems))
        # Problems such as a duplicate key or `budget: no` leave usable data: go on, so
        # that one run reports the schema's problems too.
        plan, schema_problems = _validate(data_tree, name)
        del data_tree  # the models hold what is needed; free the raw tree before gc.freeze
    loaded = LoadedPlan(name, source, plan, [])
    loaded.problems = sorted(problems + loaded.locate(schema_problems))
    return loaded


def _from_yaml(name: str, problem: safeyaml.YamlProblem) -> Problem:
    return error(problem.code, problem.message, file=name, line=problem.line, column=problem.column)


def _validate(data, name: str):
    from pydantic import ValidationError

    from cchc.model import Plan

    if not isinstance(data, dict):
        return None, [error("schema", "a plan file is a mapping with decision, plan, agencies and sections", file=name, path=())]
    try:
        return Plan.model_validate(data), []
    except ValidationError as exc:
        return None, schema_problems(exc, data, name)


def schema_problems(exc, data, name: str) -> list[Problem]:
    """Turn pydantic's errors into problems located by data path, one per place."""
    by_path: dict[tuple, list[dict]] = {}
    for err in exc.errors(include_url=False):
        path, rest = _data_path(data, err["loc"])
        if err["type"] == "extra_forbidden":
            path = path + (safeyaml.KEY,)
        by_path.setdefault(path, []).append(err)
    problems = []
    for path, errs in by_path.items():
        problems.append(error("schema", _message(path, errs), path=path, file=name))
    return problems


def _data_path(data, loc) -> tuple[tuple, tuple]:
    """Split pydantic's loc into the part that walks the data and the rest (union member names)."""
    path: list = []
    node = data
    for i, step in enumerate(loc):
        if isinstance(node, dict) and isinstance(step, str):
            path.append(step)
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            path.append(step)
            node = node[step]
        else:
            return tuple(path), tuple(loc[i:])
    return tuple(path), ()


def _field(path: tuple) -> str:
    names = [str(p) for p in path if isinstance(p, str) and p != safeyaml.KEY]
    return names[-1] if names else "plan"


def _message(path: tuple, errs: list[dict]) -> str:
    first = errs[0]
    kind = first["type"]
    if kind == "missing":
        return f"missing required field '{first['loc'][-1]}'"
    if kind == "extra_forbidden":
        return f"unknown field '{first['loc'][-1]}'"
    if _field(path) == "budget" or len(errs) > 1 and any(e["type"] in ("int_type", "decimal_type") for e in errs):
        return f"{_field(path)} must be an amount in million VND (e.g. 10 or 2.5) or a note such as 'Theo dự án', got {_show(first.get('input'))}"
    if kind == "string_type":
        return f"{_field(path)} must be text, got {_show(first.get('input'))}"
    if kind in ("list_type",):
        return f"{_field(path)} must be a list, got {_show(first.get('input'))}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"{_field(path)} must be a mapping of fields, got {_show(first.get('input'))}"
    if kind == "string_pattern_mismatch" and _field(path) == "id":
        return f"id {first.get('input')!r} must be letters and digits, with '.', '-' or '_' between them"
    if kind == "string_too_short":
        return f"{_field(path)} must not be empty"
    return f"{_field(path)}: {first['msg']}"


def _show(value) -> str:
    if value is None:
        return "nothing (null)"
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{text} ({type(value).__name__})"
