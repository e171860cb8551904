"""Reading a plan file: bytes -> safe YAML -> pydantic ``Plan`` + problems.

``load_plan`` never raises for bad content: every problem comes back as a
``Problem`` with file, line and column. Only I/O failures (no such file, a
directory, unreadable) raise ``PlanFileError``, which the CLI maps to exit 2.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from cchc.inputs import yaml as safeyaml, yaml_halves
from cchc.inputs.files import UnreadableFile, read_bounded
from cchc.problems import POINTING, At, Problem, error, errors_among, warning

DEFAULT_PLAN = Path("plans") / "2021.yaml"

# An escape in a double-quoted scalar that can make a non-ASCII or a control character ("\u202e", "\x85", "\_",
# "\e", "\0", "\a", "\b", "\v", "\f").
_ESCAPE = re.compile(rb'\\[xuUNLP_0abvfe]')
#: A control character only an escape can put in a text: those the reader refuses written as they are
#: (cchc.inputs.yaml's control scans: C0 but tab, line feed and carriage return, DEL, C1, the line and
#: paragraph separators, the noncharacters U+FFFE and U+FFFF), as text.
CONTROL = re.compile("[" + re.escape(safeyaml._C0.decode("ascii")) + "\x80-\x9f\u2028\u2029\ufffe\uffff]")


class PlanFileError(Exception):
    """The plan file cannot be read at all (missing, a directory, no permission)."""

    def __init__(self, path: Path, code: str, key: str | None = None, args: dict | None = None):
        super().__init__(f"{path}: {code}")
        self.path = path
        self.code = code
        self.key = key
        self.args_ = dict(args or {})

    def problem(self) -> Problem:
        """The failure as a problem at the top of the file, for validate's reports."""
        return error(self.code, key=self.key, file=str(self.path), line=1, column=1, **self.args_)


@dataclass
class LoadedPlan:
    """What loading a file gave: the plan (None when invalid) and its problems."""

    name: str
    source: bytes | None  # the file's bytes (UTF-8, no BOM), kept to locate problems
    plan: object | None  # cchc.model.Plan; typed loosely so this module imports fast
    problems: list[Problem] = field(default_factory=list)
    outline: object | None = None  # cchc.inputs.yaml.Outline of source: problems are found without reading it all again
    partial: object | None = None  # cchc.salvage.Partial: what validated of a plan the schema refuses, for the checks

    def locate(self, problems: list[Problem]) -> list[Problem]:
        """Give each problem that has a data path its line and column in this file."""
        return located(self.name, self.source, problems, self.outline)

    @property
    def errors(self) -> list[Problem]:
        return errors_among(self.problems)


def located(name: str, source: bytes | None, problems: list[Problem], outline=None, alone: bool = False) -> list[Problem]:
    """*problems* in the file *name*: each one without a file gets *name*, each one without a place the line
    and column of its data path in *source* (1:1 when there is no source); *outline* is what parsing noted of it.
    *alone*: found by this process only (many are found in two processes when there is a core for each)."""
    pending = dict.fromkeys(p.path for p in problems if p.line == 0)  # in the order found: whole sections each side
    pointing = [p for p in problems if p.line == 0 and p.code in POINTING]  # a message naming another place (At)
    pending.update((value.path, None) for p in pointing for _, value in p.args if isinstance(value, At))
    positions = (
        (yaml_halves.locate(source, pending, outline, alone) if source is not None else dict.fromkeys(pending, (1, 1))) if pending else {}
    )

    def placed(problem: Problem) -> Problem:
        if problem.line:
            return problem if problem.file else problem.placed(name, problem.line, problem.column)
        if problem.code in POINTING:
            args = tuple((key, positions[value.path][0] if isinstance(value, At) else value) for key, value in problem.args)
            return problem.placed(problem.file or name, *positions[problem.path], args)
        return problem.placed(problem.file or name, *positions[problem.path])

    return [placed(p) for p in problems]


def default_plan_path() -> Path:
    """The working plan (``working_plan``) if there is one, else the copy shipped in the package."""
    return working_plan() or bundled_plan_path()


#: Folders ``working_plan`` climbs at most: a repository is never this deep.
MAX_CLIMB = 64


def working_plan() -> Path | None:
    """``plans/2021.yaml`` in the current directory, or in the folder above it nearest to it within its git
    repository (``../plans/2021.yaml`` from the repository's ``docs/``, as git finds its repository from any of
    its folders); None when there is none.

    A ``plans/2021.yaml`` that is there but cannot be read (a directory, a link to nothing) is still the plan:
    reading it says why, where falling back to the bundled copy would check other data. Outside a repository
    only the current directory counts: a ``plans/`` folder left in /tmp is nobody's plan.
    """
    if os.path.lexists(DEFAULT_PLAN):
        return DEFAULT_PLAN
    return next((Path(*[os.pardir] * climbed, DEFAULT_PLAN) for climbed, folder in folders_above() if os.path.lexists(folder / DEFAULT_PLAN)), None)


def plans_above() -> Path | None:
    """The ``plans`` folder nearest above the current directory within its git repository (``../plans``), where
    ``working_plan`` found no ``plans/2021.yaml``: a repository's plans of other years are named from its ``docs/``."""
    return next((Path(*[os.pardir] * climbed, DEFAULT_PLAN.parent) for climbed, folder in folders_above() if (folder / DEFAULT_PLAN.parent).is_dir()), None)


def folders_above() -> list[tuple[int, Path]]:
    """(how many folders up, the folder) of each folder above the current directory, nearest first, to the top of its
    git repository (the folder holding ``.git``); none outside a repository."""
    try:
        here = Path(os.getcwd())
    except OSError:  # the working folder deleted since it was entered
        return []
    above = []
    for climbed, folder in enumerate((here, *here.parents)):
        if climbed > MAX_CLIMB:
            return []
        if climbed:
            above.append((climbed, folder))
        if os.path.lexists(folder / ".git"):  # the repository's top
            return above
    return []


def bundled_plan_path() -> Path:
    """The 2021 plan shipped inside the package (the wheel copies plans/2021.yaml there).

    In a source checkout or an editable install the package has no copy; the
    repository's own plans/2021.yaml, next to the package, is the same file.
    """
    bundled = resources.files("cchc") / "data" / "2021.yaml"
    if bundled.is_file():
        return Path(str(bundled))
    return Path(__file__).resolve().parent.parent / "plans" / "2021.yaml"


def is_bundled(path: Path) -> bool:
    """True when *path* is the plan shipped with cchc (read-only for cchc): the package's copy, or in a source
    checkout or an editable install the repository's plans/2021.yaml when reached from outside the checkout."""
    try:
        bundled = bundled_plan_path()
        if not os.path.samefile(path, bundled):
            return False
        working = working_plan()
        return bundled.parent.name == "data" or not (working is not None and os.path.exists(working) and os.path.samefile(working, bundled))
    except OSError:
        return False


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """At most *limit* + 1 bytes of the file, whatever it is (file, device, FIFO); PlanFileError when unreadable."""
    try:
        return read_bounded(path, limit)
    except UnreadableFile as exc:
        raise PlanFileError(path, exc.code, exc.key, exc.args) from None


def load_plan(path: Path | str, name: str | None = None) -> LoadedPlan:
    """Read and validate the plan at *path*; problems are reported against *name* (default: the path)."""
    path = Path(path)
    return load_bytes(read_bytes(path), name or os.fspath(path))


def load_bytes(data: bytes, name: str) -> LoadedPlan:
    """Validate a plan given as bytes: UTF-8, safe YAML, then the schema."""
    source, is_nfc, problem = safeyaml.decode(data)
    del data  # large plans: do not keep a second copy
    if problem is not None:
        return LoadedPlan(name, None, None, [from_yaml(name, problem)])
    outline = safeyaml.Outline()
    data_tree, yaml_problems = yaml_halves.parse(source, is_nfc, outline)
    problems = [from_yaml(name, p) for p in yaml_problems]
    if data_tree is None:
        # Parsing stopped (or the file is empty): there is nothing to validate further.
        if not problems:
            problems.append(error("empty", file=name, line=1, column=1))
        return LoadedPlan(name, source, None, sorted(problems))
    # Problems such as a duplicate key or `budget: no` leave usable data: go on, so
    # that one run reports the schema's problems too.
    from cchc.schema_problems import validate_tree

    escaped = escaped_texts(data_tree, source)
    partial: list = []
    plan, schema_problems = validate_tree(data_tree, name, partial)
    schema_problems = escaped + schema_problems
    del data_tree  # the models hold what is needed; free the raw tree
    loaded = LoadedPlan(name, source, plan, [], outline, partial[0] if partial else None)
    loaded.problems = sorted(problems + loaded.locate(schema_problems))
    return loaded


def escaped_texts(tree, source: bytes) -> list[Problem]:
    """Texts that escapes made invisible or not NFC: warned (invisible and control characters) and put in NFC, in place.

    The reader sees these characters in the file's bytes; written as escapes they
    are only in the parsed value. *source* is the file's bytes: with no escape
    in it, there is nothing to look for. A plan repeats its texts (the reader
    keeps one object for each): each distinct text is looked at once.
    """
    if not _ESCAPE.search(source):
        return []
    problems: list[Problem] = []
    more = 0
    verdicts: dict[str, tuple | None] = {}
    escaped = _escape_finder(source)
    stack: list[tuple[tuple, object]] = [((), tree)]
    while stack:
        path, node = stack.pop()
        pairs = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in pairs:
            if type(value) is str:
                verdict = verdicts.get(value, _UNSEEN)
                if verdict is _UNSEEN:
                    verdict = verdicts[value] = _escaped_verdict(value, escaped)
                if verdict is None:
                    continue
                found, normal = verdict
                for char, message in found:
                    if len(problems) < safeyaml.MAX_REPORTED:
                        problems.append(warning("invisible-character", path + (key,), key=message, **char))
                    else:
                        more += 1
                if normal is not None:
                    node[key] = normal
            elif isinstance(value, (dict, list)):
                stack.append((path + (key,), value))
    if more:
        problems.append(warning("invisible-character", problems[-1].path, key="invisible-character.more", count=more))
    return problems


_UNSEEN = object()


def _escape_finder(source: bytes):
    """``escaped(char)``: whether *source* holds an escape that writes *char* ("\\u200b", "\\U0000200B", "\\xad").
    An invisible character written as it is was warned where it stands by the reader: a file that escapes
    none of them, or only others, has it warned once."""
    known: dict[str, bool] = {}

    def escaped(char: str) -> bool:
        if char not in known:
            code = ord(char)
            forms = [b"u%04x" % code, b"U%08x" % code] + ([b"x%02x" % code] if code < 0x100 else [])
            known[char] = re.search(rb"\\(?:" + b"|".join(forms) + rb")", source, re.IGNORECASE) is not None
        return known[char]

    return escaped


def _escaped_verdict(text: str, escaped) -> tuple[list, str | None] | None:
    """What ``escaped_texts`` finds in *text*: ([(character as described, message key)], its NFC when it differs),
    or None for nothing. An invisible character counts only when *escaped* says the file escapes it somewhere."""
    found = [(char, "invisible-character.control") for char in dict.fromkeys(CONTROL.findall(text))]
    normal = None
    if not text.isascii():
        from cchc.text import INVISIBLE

        found += [(char, "invisible-character") for char in dict.fromkeys(INVISIBLE.findall(text)) if escaped(char)]
        if not unicodedata.is_normalized("NFC", text):
            normal = unicodedata.normalize("NFC", text)
    if not found and normal is None:
        return None
    from cchc.inputs.yaml_chars import describe

    return [(describe(char), message) for char, message in found], normal


def from_yaml(name: str, problem) -> Problem:
    """A reader's problem as a Problem of the file *name*."""
    return Problem(name, problem.line, problem.column, problem.severity, problem.code, tuple(problem.args.items()), (), problem.key)
