"""``cchc validate`` and ``cchc schema``."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from cchc.cli.app import app
from cchc.cli.common import EXIT_PROBLEMS, EXIT_USAGE, lang, load_checked, out, out_data, plan_path
from cchc.cli.params import ValidateFormat


@app.command()
def validate(
    plans: Annotated[Optional[List[Path]], typer.Argument(metavar="PLAN", show_default=False)] = None,
    format: Annotated[Optional[ValidateFormat], typer.Option("--format", "-f", show_default=False)] = None,
    strict: Annotated[bool, typer.Option("--strict")] = False,
    plan_options: Annotated[Optional[List[Path]], typer.Option("--plan", "-p", metavar="PLAN", show_default=False)] = None,
    plans_only: Annotated[bool, typer.Option("--plans-only")] = False,
    today: Annotated[Optional[str], typer.Option("--today", metavar="DATE", show_default=False)] = None,
) -> None:
    """Check plan files: YAML safety, the schema, agencies, deadlines and totals."""
    import datetime

    from cchc.cli.params import parse_day
    from cchc.load import PlanFileError
    from cchc.outputs.reporters import VALIDATION_REPORTERS
    from cchc.progress import check_log_beside, log_path

    if format is None:
        format = ValidateFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else ValidateFormat.text
    as_of = parse_day(today, "--today") if today else datetime.date.today()
    plans = [*(plans or []), *(plan_options or [])]
    if not plans:
        env = os.environ.get("CCHC_PLAN")
        plans = [Path(env) if env else plan_path(None)]
    files: list[str] = []
    problems = []
    unreadable = False
    if plans_only:
        plans = plans_among(plans)
    for path in plans:
        try:
            loaded, found = load_checked(path)
        except PlanFileError as exc:
            files.append(str(path))
            problems.append(exc.problem())
            unreadable = True
            continue
        files.append(loaded.name)
        problems.extend(found)
        if loaded.plan is not None and log_path(path).exists():
            # The progress log beside the plan is part of what the plan's repository holds.
            files.append(str(log_path(path)))
            problems.extend(check_log_beside(path, loaded.plan, as_of))
    problems.sort()
    report = VALIDATION_REPORTERS[format.value](files, problems, lang(), strict)
    out(report) if format is ValidateFormat.text else out_data(report)
    if unreadable:
        raise typer.Exit(EXIT_USAGE)
    if any(p.severity == "error" for p in problems) or (strict and problems):
        raise typer.Exit(EXIT_PROBLEMS)


_PLAN_KEYS = frozenset({"decision", "plan", "sections", "agencies", "prose_before", "prose_after"})
# The keys of `cchc report --format json`, whose "plan" is a summary of the plan.
_REPORT_KEYS = frozenset({"as_of", "window", "completion", "by_section"})
# A file the reader cannot parse is a plan when it shows a plan's top-level key in any spelling
# YAML allows ("plan:", "'plan':", "? plan") or the plan schema's modeline.
_PLAN_MARKS = re.compile(
    rb"^(?:\?\s*)?[\"']?(?:decision|plan|sections|agencies|prose_before|prose_after)[\"']?\s*(?::|$)|\$schema=\S*plan\.schema\.json",
    re.M,
)


def plans_among(paths: list[Path]) -> list[Path]:
    """For --plans-only (pre-commit passes every YAML file): the plan files to check.

    A progress log (``X.progress.yaml``) stands for its plan ``X.yaml``, which is
    checked with its log. A file is a plan when the reader finds a mapping with
    a plan's top-level key, or, when it cannot read the file, when the text
    shows one; a file that cannot be read at all is kept, so that validate
    reports it. The whole file is read (bounded), so padding cannot hide a plan.
    """
    chosen: dict[str, Path] = {}
    for path in paths:
        name = path.name
        for suffix in (".progress.yaml", ".progress.yml"):
            if name.endswith(suffix):
                plan = next((path.with_name(name[: -len(suffix)] + ext) for ext in (".yaml", ".yml") if path.with_name(name[: -len(suffix)] + ext).exists()), None)
                path = plan
                break
        if path is not None and _is_plan(path):
            chosen.setdefault(os.path.realpath(path), path)
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
            if _REPORT_KEYS <= root.keys():  # a saved `cchc report --format json`, not a plan
                return False
            return any(isinstance(key, str) and key in _PLAN_KEYS for key in root)
    return _PLAN_MARKS.search(data) is not None


@app.command()
def schema() -> None:
    """Print the JSON Schema of a plan file (for editors and other validators)."""
    from cchc.schema import plan_schema_json

    out_data(plan_schema_json())
