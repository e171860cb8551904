"""``cchc validate`` and ``cchc schema``."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from cchc.cli.app import app
from cchc.cli.common import EXIT_PROBLEMS, EXIT_USAGE, lang, load_checked, out, plan_path
from cchc.cli.params import ValidateFormat


@app.command()
def validate(
    plans: Annotated[Optional[List[Path]], typer.Argument(metavar="[PLAN]...", show_default=False)] = None,
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
        plans = [path for path in plans if looks_like_plan(path)]
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
    out(VALIDATION_REPORTERS[format.value](files, problems, lang()))
    if unreadable:
        raise typer.Exit(EXIT_USAGE)
    if any(p.severity == "error" for p in problems) or (strict and problems):
        raise typer.Exit(EXIT_PROBLEMS)


#: Top-level keys only a plan file has (or its modeline), looked for at the start of a file.
_PLAN_MARKS = re.compile(rb"^(?:decision|plan|sections|agencies|prose_before):|\$schema=\S*plan\.schema\.json", re.M)


def looks_like_plan(path: Path) -> bool:
    """For --plans-only (the pre-commit hook sees every YAML file): whether *path* is a plan file to check.

    A progress log (*.progress.yaml) is checked with its plan; a file that cannot
    be read is kept, so that validate reports it.
    """
    if path.name.endswith((".progress.yaml", ".progress.yml")):
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(65536)
    except OSError:
        return True
    return _PLAN_MARKS.search(head) is not None


@app.command()
def schema() -> None:
    """Print the JSON Schema of a plan file (for editors and other validators)."""
    from cchc.schema import plan_schema_json

    out(plan_schema_json())
