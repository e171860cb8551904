"""``cchc validate`` and ``cchc schema``."""

from __future__ import annotations

import datetime
import os
import re
import shlex
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from cchc.cli.app import app
from cchc.cli.common import (
    EXIT_PROBLEMS,
    EXIT_USAGE,
    ProgressOption,
    a_path,
    fail,
    lang,
    load_checked,
    msg,
    note,
    out,
    out_data,
    plan_path,
    today_date,
    usage,
)
from cchc.cli.params import ValidateFormat
from cchc.inputs.files import file_key
from cchc.problems import weight


@app.command()
def validate(
    plans: Annotated[Optional[List[Path]], typer.Argument(metavar="PLAN", show_default=False, parser=a_path)] = None,
    format: Annotated[Optional[ValidateFormat], typer.Option("--format", "-f", show_default=False)] = None,
    strict: Annotated[bool, typer.Option("--strict")] = False,
    plan_options: Annotated[Optional[List[Path]], typer.Option("--plan", "-p", metavar="PLAN", show_default=False, parser=a_path)] = None,
    plans_only: Annotated[bool, typer.Option("--plans-only")] = False,
    today: Annotated[Optional[str], typer.Option("--today", metavar="DATE", show_default=False)] = None,
    progress: ProgressOption = None,
) -> None:
    """Check plan files: YAML safety, the schema, agencies, deadlines and totals."""
    from cchc.cli.params import parse_day
    from cchc.outputs.reporters import VALIDATION_REPORTERS

    if format is None:
        format = ValidateFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else ValidateFormat.text
    as_of = parse_day(today, "--today") if today is not None else today_date()
    plans = [*(plans or []), *(plan_options or [])]
    if not plans:
        env = os.environ.get("CCHC_PLAN")
        plans = [Path(env) if env else _default_plan()]
    if plans_only:
        given, plans = len(plans), plans_among(plans)
        if not plans:  # a hook whose `files:` takes in no plan passes: said, so that it is not taken for a check
            note(msg("cli.no-plans-among", count=given))
    if progress is not None:
        from cchc.progress import is_log_name

        # A log named beside one of them (X.progress.yaml) stands for its plan, as without --progress.
        given = {file_key(path) for path in plans if not is_log_name(path)}
        if len(given) != 1:
            raise usage(msg("cli.progress-one-plan", count=len(given)), "--progress")
    files, problems, unreadable = check_files(plans, as_of, progress)
    report = VALIDATION_REPORTERS[format.value](files, problems, lang(), strict)
    out(report) if format is ValidateFormat.text else out_data(report)
    if unreadable:
        raise typer.Exit(EXIT_USAGE)
    if any(p.severity == "error" for p in problems) or (strict and problems):
        raise typer.Exit(EXIT_PROBLEMS)


def _default_plan() -> Path:
    """The plan a bare ``validate`` checks; exit 2 where it would be the bundled 2021 plan beside plans of one's own
    (a CI step "cchc validate" then passed on the bundled plan, whatever the repository's own plan held)."""
    from cchc.cli.plans_near import NAMED_PLANS, named, own_plans
    from cchc.load import working_plan

    if working_plan() is None and (others := own_plans()):
        raise fail(msg("cli.validate-which", found=named(others), quoted=" ".join(shlex.quote(str(o)) for o in others[:NAMED_PLANS])), EXIT_USAGE)
    return plan_path(None)


def check_files(paths: list[Path], as_of: datetime.date, progress: Path | None = None) -> tuple[list[str], list, bool]:
    """Check each plan with the progress log beside it (or *progress*, for the one plan given), and each progress log
    given (``X.progress.yaml``) against its plan.

    (the files checked, each once; every problem, sorted; whether a file could
    not be read, exit 2). A log whose plan is given too is checked once, with
    its plan.
    """
    from cchc.load import PlanFileError
    from cchc.problems import error
    from cchc.progress import LOG_SUFFIXES, has_log_beside, is_log_name, judge_log, log_path, plan_beside, second_log, unreadable

    files: dict[str, None] = {}  # in order, each once
    problems = []
    cannot_read = False
    # Each plan once, however often and by whatever name it is given (plans/*.yaml plans/2021.yaml, a link).
    first: dict[tuple | str, Path] = {}
    names: dict[tuple | str, list[Path]] = {}  # every name a plan is given by: a log may sit beside each
    for path in paths:
        if not is_log_name(path):
            key = file_key(path)
            first.setdefault(key, path)
            names.setdefault(key, []).append(path)
    plans = list(first.values())
    # The logs checked with the plans given (kh.progress.yaml is kh.yaml's, not that of a kh.docx given).
    checked = {_log_key(log_path(name), name) for path in plans for name in names[file_key(path)] if has_log_beside(name)}
    logs: dict[tuple, Path] = {}  # each log given once per plan it is checked against, in the order given
    for path in paths:
        if is_log_name(path):
            key = _log_key(path, plan_beside(path))
            if key not in checked:
                logs.setdefault(key, path)
    # A log with no plan beside its name but checked under another name (a link to it) is not "without a plan".
    with_plan = {log for log, plan in [*checked, *logs] if plan is not None}
    logs = {key: path for key, path in logs.items() if key[1] is not None or key[0] not in with_plan}
    for path in plans:
        try:
            loaded, found = load_checked(path)
        except PlanFileError as exc:
            files[str(path)] = None
            problems.append(exc.problem())
            cannot_read = True
            continue
        files[loaded.name] = None
        problems.extend(found)
        judged: set = set()
        for name in names[file_key(path)]:  # the plan hard-linked into two folders has a log beside each name
            log = log_path(name, progress)
            if (progress is None and not (has_log_beside(name) and os.path.lexists(log))) or file_key(log) in judged:
                continue
            judged.add(file_key(log))
            files[str(log)] = None
            if loaded.plan is None:  # still counted, with why it is not checked, as when it is given alone
                errors = sum(weight(p) for p in found if p.severity == "error")
                problems.append(error("progress-plan-errors", file=str(log), line=1, column=1, plan=str(path), count=errors,
                                      quoted=shlex.quote(str(path))))
                continue
            # The progress log beside the plan is part of what the plan's repository holds.
            found = judge_log(log, loaded.plan, as_of)[1]
            problems.extend(found)
            second = second_log(log) if progress is None else None
            if second is not None:
                files[second.file] = None
                problems.append(second)
            cannot_read = cannot_read or unreadable(found)
    for path in logs.values():
        found, unread = check_log_alone(path, as_of)
        files[str(path)] = None
        problems.extend(found)
        first = path.with_name(path.name.removesuffix(LOG_SUFFIXES[1]) + LOG_SUFFIXES[0])
        second = second_log(first) if path.name.endswith(LOG_SUFFIXES[1]) else None
        if second is not None and second.file == str(path):  # the .yml one, checked alone (what a commit changed)
            problems.append(second)
        cannot_read = cannot_read or unread
    return list(files), sorted(problems), cannot_read


def _log_key(log: Path, plan: Path | None) -> tuple:
    """A log and the plan it is checked against, as the files they are (links resolved)."""
    return file_key(log), file_key(plan) if plan is not None else None


def check_log_alone(path: Path, as_of: datetime.date) -> tuple[list, bool]:
    """A progress log given by itself: its problems against the plan beside it, and whether something could not be read."""
    from cchc.load import PlanFileError
    from cchc.problems import error
    from cchc.progress import judge_log, plan_beside, plans_beside, unreadable

    plan_file = plan_beside(path)
    if plan_file is None:
        if not os.path.lexists(path):
            return [error("not-found", file=str(path), line=1, column=1)], True
        expected = " / ".join(str(p) for p in plans_beside(path))
        return [error("progress-no-plan", file=str(path), line=1, column=1, expected=expected)], True
    try:
        loaded, found = load_checked(plan_file)
    except PlanFileError as exc:
        return [exc.problem()], True
    if loaded.plan is None or any(p.severity == "error" for p in found):
        errors = sum(weight(p) for p in found if p.severity == "error")
        quoted = shlex.quote(str(plan_file))
        return [error("progress-plan-errors", file=str(path), line=1, column=1, plan=str(plan_file), count=errors, quoted=quoted)], False
    found = judge_log(path, loaded.plan, as_of)[1]
    return found, unreadable(found)


#: The first line of a starter (``cchc init``): the editor's schema is a plan's (plan.schema.json by that name).
_MODELINE = re.compile(rb"^#[ \t]*yaml-language-server:[ \t]*\$schema=(\S*)", re.M)
_PLAN_KEYS = frozenset({"decision", "plan", "sections", "agencies", "prose_before", "prose_after"})
# The keys of `cchc report --format json`, whose "plan" is a summary of the plan.
_REPORT_KEYS = frozenset({"as_of", "window", "completion", "by_section"})
#: A report has a "plan" key too, never these: a plan that also holds a report's keys is still a plan.
_PLAN_ONLY_KEYS = _PLAN_KEYS - {"plan"}
# A file the reader cannot parse is a plan when it shows a plan's top-level key in any spelling YAML allows
# ("plan:", "'plan':", "? plan") at a line's start (after LF, CRLF or a lone CR), or at the top level of a file in
# JSON's style ('{"$schema": …, "plan": …', ``_json_plan``), or the plan schema's modeline. An indented key is no
# top-level one: a playbook's "vars: {plan: basic}" or a service named "plan" is no plan. Every pattern here reads
# a file in one pass: the hook is given every YAML file of a repository, hostile or not.
_KEY_NAMES = rb"(?:decision|plan|sections|agencies|prose_before|prose_after)"
_PLAN_MARKS = re.compile(rb"(?:^|(?<=\r))(?:\?\s*)?[\"']?" + _KEY_NAMES + rb"[\"']?\s*(?::|$)", re.M)
#: What may come before a file's first "{" in JSON's style: white space, comment lines.
_BLANK_OR_COMMENT = re.compile(rb"[ \t\r\n]+|(?:#|//)[^\r\n]*")
#: What a file in JSON's style is read as to find its top-level keys: a quoted text (to its line's end, when it is
#: not closed), a comment, a bracket, a colon. Each starts where the last ended: no text is read twice.
_JSON_TOKEN = re.compile(rb'"(?:[^"\\\r\n]|\\.)*"?|\'[^\'\r\n]*\'?|(?://|#)[^\r\n]*|/\*(?:[^*]|\*(?!/))*(?:\*/)?|[{}\[\]:]')
_PLAN_KEY = re.compile(rb"[\"']" + _KEY_NAMES + rb"[\"']\Z")


def _has_modeline(data: bytes) -> bool:
    """Whether *data* has the plan schema's modeline: ``# yaml-language-server: $schema=plan.schema.json`` (or a path
    ending in "/plan.schema.json")."""
    return any(m.group(1) == b"plan.schema.json" or m.group(1).endswith(b"/plan.schema.json") for m in _MODELINE.finditer(data))


#: The tokens of a file in JSON's style read for a plan's key at its top level. A broken file of more is taken for a
#: plan, to be checked (it does not parse): a plan's keys come long before, and reading on would cost seconds a MB.
JSON_TOKENS = 1_000_000


def _json_plan(data: bytes) -> bool:
    """Whether *data*, in JSON's style (its first "{" after white space and comments), has a plan's key at its top
    level (the one "{" open); read to the end or to that key, comments and quoted texts aside."""
    pos = 0
    while (blank := _BLANK_OR_COMMENT.match(data, pos)) is not None:
        pos = blank.end()
    if data[pos : pos + 1] != b"{":
        return False
    depth, last = 1, b""
    for count, token in enumerate(_JSON_TOKEN.finditer(data, pos + 1)):
        if count == JSON_TOKENS:
            return True
        text = token.group()
        if text in (b"{", b"["):
            depth += 1
        elif text in (b"}", b"]"):
            depth -= 1
            if depth <= 0:
                return False
        elif text == b":" and depth == 1 and _PLAN_KEY.match(last):
            return True
        elif text[:1] in (b"/", b"#"):  # a comment: not the key before a colon
            continue
        last = text
    return False


def plans_among(paths: list[Path]) -> list[Path]:
    """For --plans-only (pre-commit passes every YAML file): the plan files to check.

    A progress log (``X.progress.yaml``) stands for its plan ``X.yaml``, which is
    checked with its log (a log with no plan beside it is no plan's, and left
    out). A file is a plan when the reader finds a mapping with a plan's
    top-level key or the file has the plan schema's modeline, or, when it
    cannot read the file, when the text shows either (``_PLAN_MARKS``); a file
    that cannot be read at all is kept, so that validate reports it. The whole
    file is read (bounded), so padding cannot hide a plan.
    """
    from cchc.progress import is_log_name, log_path, plan_beside

    chosen: dict[tuple | str, Path] = {}
    for path in paths:
        if is_log_name(path):
            plan = plan_beside(path)
            if plan is not None and file_key(log_path(plan)) != file_key(path):
                # X.progress.yml beside an X.progress.yaml: the plan is checked with the other; this one as a log.
                chosen.setdefault(file_key(path), path)
                continue
            path = plan
        if path is not None and _is_plan(path):
            # Each plan once; but a plan hard-linked into two folders, once for the log beside each name.
            chosen.setdefault((file_key(path), file_key(log_path(path))), path)
    return list(chosen.values())


def _is_plan(path: Path) -> bool:
    from cchc.inputs import yaml as reader
    from cchc.inputs.files import UnreadableFile, read_bounded

    try:
        data = read_bounded(path)
    except UnreadableFile:
        return True
    source, is_nfc, problem = reader.decode(data)
    if problem is None:
        root, _ = reader.parse(source, is_nfc)
        if isinstance(root, dict):
            if _REPORT_KEYS <= root.keys() and not root.keys() & _PLAN_ONLY_KEYS:  # a saved `cchc report --format json`
                return False
            return any(isinstance(key, str) and key in _PLAN_KEYS for key in root) or _has_modeline(data)
        data = data.removeprefix(b"\xef\xbb\xbf")  # a BOM before the first key
        return _shows_a_plan(data)
    # Not UTF-8: saved as UTF-16 or UTF-32 ("Unicode" in Notepad), a plan's keys have NULs between their letters.
    texts = [data] + [data.decode(encoding, "ignore").encode("utf-8") for encoding in _WIDE if b"\0" in data]
    return any(map(_shows_a_plan, texts))


def _shows_a_plan(text: bytes) -> bool:
    """Whether the text of a file the reader cannot parse shows a plan (``_PLAN_MARKS``, the modeline, ``_json_plan``)."""
    return _PLAN_MARKS.search(text) is not None or _has_modeline(text) or _json_plan(text)


#: The encodings of a file of wide characters, with or without a byte-order mark.
_WIDE = ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be")


@app.command()
def schema() -> None:
    """Print the JSON Schema of a plan file (for editors and other validators)."""
    from cchc.schema import plan_schema_json

    out_data(plan_schema_json(lang()))
