"""``cchc render``: the plan as a document (HTML, Markdown; PDF and Word where their libraries are installed)."""

from __future__ import annotations

from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer

from cchc.cli.app import app
from cchc.cli.params import output_format
from cchc.cli.common import (
    EXIT_PROBLEMS,
    EXIT_USAGE,
    OutputOption,
    PlanOption,
    a_path,
    check_output_path,
    fail,
    interactive,
    load_for_query,
    msg,
    note,
    out_bytes,
    out_data,
    plan_path,
    signals_end_cleanly,
    usage,
    write_output,
)
from cchc.cli.lookups import find_agency, find_section, registry


class RenderFormat(str, Enum):
    html = "html"
    md = "md"
    pdf = "pdf"
    docx = "docx"


@app.command()
def render(
    format: Annotated[Optional[RenderFormat], typer.Option("--format", "-f", show_default=False)] = None,
    output: OutputOption = None,
    plan: PlanOption = None,
    section: Annotated[Optional[str], typer.Option("--section", "-s", metavar="SECTION", show_default=False)] = None,
    agency: Annotated[Optional[str], typer.Option("--agency", "-a", metavar="NAME", show_default=False)] = None,
    direct: Annotated[bool, typer.Option("--direct")] = False,
    template_dir: Annotated[Optional[Path], typer.Option("--template-dir", metavar="DIR", show_default=False, parser=a_path)] = None,
) -> None:
    """Print the plan as a document: HTML (A4, like the official document) or Markdown."""
    fmt = output_format(format, output, RenderFormat, RenderFormat.html)
    if direct and agency is None:
        raise usage(msg("cli.direct-needs-agency"), "--direct")
    if template_dir is not None and not template_dir.is_dir():
        missing = "cli.template-dir-is-file" if template_dir.exists() else "cli.no-template-dir"
        raise fail(msg(missing, path=str(template_dir)), EXIT_USAGE)
    source = plan_path(plan)
    if output is not None:
        from cchc.progress import log_path

        # The plan and the progress log kept beside it are never overwritten (as report and calendar refuse too).
        check_output_path(output, [source, log_path(source)], protected_dirs=[template_dir] if template_dir is not None else [])
    loaded_plan = load_for_query(source)
    reg = registry(loaded_plan)
    found_agency = find_agency(reg, agency) if agency is not None else None
    label = find_section(loaded_plan, section) if section is not None else None

    binary = fmt in (RenderFormat.pdf, RenderFormat.docx)
    if binary and output is None and interactive():
        raise usage(msg("cli.binary-to-terminal", format=fmt.value), "--output")

    from cchc.outputs.html import TemplateFailure

    try:
        with signals_end_cleanly():  # a PDF's layout, stopped, kills its child and removes its temporary files
            content = _render(loaded_plan, fmt, label, found_agency, direct, template_dir)
        if output is not None:
            write_output(output, content)
        elif binary:
            out_bytes(content)
        else:
            out_data(content)
    except TemplateFailure as exc:
        where = f"{exc.template}:{exc.line}" if exc.line else exc.template
        raise fail(msg("cli.template-error", where=where, why=msg("template." + exc.kind, detail=exc.reason, **exc.args_)), EXIT_PROBLEMS) from None


@contextmanager
def pdf_failures() -> Iterator[None]:
    """A PDF's layout that cannot be done ends the command with its message: WeasyPrint's libraries missing (exit 2),
    the layout stopped after its time (exit 1), its temporary font files not written (exit 2)."""
    from cchc.outputs.pdf import PdfStopped, PdfUnavailable

    try:
        yield
    except PdfUnavailable as exc:
        raise fail(msg("cli.pdf-unavailable", reason=exc.reason), EXIT_USAGE) from None
    except PdfStopped as exc:
        raise fail(msg("cli.pdf-stopped", seconds=round(exc.seconds)), EXIT_PROBLEMS) from None
    except OSError as exc:
        if exc.filename is not None:
            raise
        # The layout's own temporary files (fonts) could not be written: a full disk, a file-size limit.
        raise fail(msg("cli.pdf-temporary", reason=exc.strerror or str(exc)), EXIT_USAGE) from None


def _render(plan, fmt: RenderFormat, section, agency, direct: bool, template_dir):
    """The document's text (html, md: in pieces with cchc's own templates) or bytes (pdf, docx)."""
    from cchc.outputs.view import build_view

    view = build_view(plan, section=section, agency=agency, direct=direct)
    if fmt is RenderFormat.pdf:
        from cchc.outputs.pdf import other_font_characters, render_pdf

        def slow(code: str, args: dict) -> None:
            note(msg("pdf.slow", reason=msg(f"pdf.unfit.{code}", **args), items=args["items"]))

        with pdf_failures():
            data = render_pdf(plan, template_dir=template_dir, view=view, slow=slow, bounded=True)
            other = other_font_characters(plan)
            if other:  # the first ten named
                note(msg("pdf.other-font", count=len(other), chars=", ".join(other[:10]) + (", …" if len(other) > 10 else "")))
            return data
    if fmt is RenderFormat.docx:
        from cchc.outputs.docx import render_docx

        if template_dir is not None:
            note(msg("cli.template-dir-docx", path=str(template_dir)))

        return render_docx(view)
    from cchc.outputs.html import render_pieces, render_plan

    if template_dir is None:  # cchc's own templates: written as they render
        return render_pieces(plan, fmt.value, view=view, utf8=True)
    return render_plan(plan, fmt.value, template_dir=template_dir, view=view)
