"""``cchc import``: a plan read from a Word document (.docx) into a YAML plan file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cchc.cli.app import app
from cchc.cli.common import EXIT_PROBLEMS, EXIT_USAGE, OutputOption, a_path, check_output_path, fail, lang, msg, note, out_data, write_output

#: The import's warnings shown, in the document's order; the rest are counted (as validate lists 1,000 problems).
SHOWN_WARNINGS = 1000


@app.command("import")
def import_docx(
    document: Annotated[Path, typer.Argument(metavar="PLAN.docx", show_default=False, parser=a_path)],
    output: OutputOption = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    agencies: Annotated[Optional[Path], typer.Option("--agencies", metavar="FILE", show_default=False, parser=a_path)] = None,
) -> None:
    """Read a CCHC plan from a Word file (.docx) into a YAML plan file."""
    from cchc.inputs.docx import DocxRefused, read_docx
    from cchc.inputs.docx_package import MAX_BYTES
    from cchc.inputs.files import UnreadableFile, read_bounded

    try:
        data = read_bounded(document, MAX_BYTES)
    except UnreadableFile as exc:
        key = "not-a-file.docx" if exc.code == "not-a-file" else exc.key
        raise fail(f"{document}: {msg(key, **exc.args)}", EXIT_USAGE) from None
    if output is not None:
        from cchc.cli.params import YamlFormat, output_format

        output_format(None, output, YamlFormat, YamlFormat.yaml)  # refuses plan.docx, plan.json …
        check_output_path(output, [document] + ([agencies] if agencies is not None else []), force)
    registry = _registry(agencies) if agencies is not None else None
    try:
        imported = read_docx(data, str(document), registry)
    except DocxRefused as exc:
        raise fail(f"{document}: {msg(exc.key, **exc.params)}", EXIT_USAGE) from None
    del data
    for problem in imported.problems[:SHOWN_WARNINGS]:
        note(_warning_text(problem))
    if len(imported.problems) > SHOWN_WARNINGS:  # a document of 10,000 stray paragraphs: as many lines help nobody
        note(msg("cli.more-warnings", count=len(imported.problems) - SHOWN_WARNINGS))
    comments = {path: [msg(key, **args) for key, args in entries] for path, entries in imported.comments.items()}

    from cchc.inputs.writer import dump_plan

    text = dump_plan(imported.data, comments, [msg("docx.header", name=document.name)])
    errors = _errors(text, str(output) if output is not None else "-")
    if output is not None:
        write_output(output, text)
    else:
        out_data(text)
    if errors:
        note(msg("docx.result-errors" if output is not None else "docx.result-errors.stdout", count=len(errors)))
        for problem in errors:
            note(problem.text(lang()))
    if errors or any(problem.code in _NOTHING_READ for problem in imported.problems):
        raise typer.Exit(EXIT_PROBLEMS)  # a plan with no item read is no import to go on with


def _warning_text(problem) -> str:
    """``file: place: warning [code] message`` (a place in the Word file: paragraph, or table row column)."""
    args = dict(problem.args)
    if "table" in args:
        place = msg("docx.place.cell", table=args["table"], row=args["row"], column=args["column"])
    elif args.get("paragraph"):
        place = msg("docx.place.paragraph", paragraph=args["paragraph"])
    else:
        place = msg("docx.place.document")
    severity = msg("severity.error" if problem.code in _NOTHING_READ else "severity.warning")  # these make the exit 1
    return f"{problem.file}: {place}: {severity} [{problem.code}] {problem.message(lang())}"


#: What the import tells of a document it read no item from: an error, not a warning, as its exit code (1) says.
_NOTHING_READ = ("docx.no-table", "docx.no-items")


def _errors(text: str, name: str) -> list:
    """The errors `cchc validate` would find in the YAML written."""
    from cchc.checks import run_checks
    from cchc.load import load_bytes

    loaded = load_bytes(text.encode("utf-8"), name)
    problems = list(loaded.problems)
    if loaded.plan is not None:
        problems += loaded.locate(run_checks(loaded.plan))
    return sorted(p for p in problems if p.severity == "error")


def _registry(path: Path) -> list:
    """The agencies of *path*: a plan file, or a YAML file holding an ``agencies:`` list in the plan's format."""
    from cchc.inputs import yaml as safeyaml
    from cchc.load import LoadedPlan, PlanFileError, from_yaml, read_bytes
    from cchc.schema_problems import validate_tree

    name = str(path)
    try:
        data = read_bytes(path)
    except PlanFileError as exc:
        raise fail(msg("docx.agencies-unreadable", path=name, reason=exc.problem().message(lang())), EXIT_USAGE) from None
    source, is_nfc, problem = safeyaml.decode(data)
    tree, problems = (None, [problem]) if problem is not None else safeyaml.parse(source, is_nfc)
    errors = [from_yaml(name, p) for p in problems if p.severity == "error"]
    if not errors and (not isinstance(tree, dict) or not isinstance(tree.get("agencies"), list)):
        raise fail(msg("docx.agencies-unreadable", path=name, reason=msg("docx.agencies-none")), EXIT_USAGE)
    if not errors:
        # Only the registry is checked: the rest of a plan file does not matter here.
        plan, found = validate_tree({"plan": {"title": "-", "year": 2000}, "agencies": tree["agencies"]}, name)
        errors = LoadedPlan(name, source, None).locate(found)
        if plan is not None:
            return list(plan.agencies)
    first = sorted(errors)[0]
    raise fail(msg("docx.agencies-unreadable", path=name, reason=first.text(lang())), EXIT_USAGE)
