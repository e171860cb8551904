"""Printing a plan as HTML (laid out like the document on paper) or GitHub Markdown, through Jinja templates.

The templates only lay out the view (``cchc.outputs.view``). The built-in
templates ship inside the package; a province's own (``--template-dir``)
override them by file name and run in a strict sandbox (``cchc.outputs.sandbox``),
so a template cannot reach Python or run without bound. Jinja is imported inside functions so cchc's other commands
stay fast to start.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

from cchc.outputs.view import build_view
from cchc.text import _UNSAFE, _UNSAFE_IN_BMP, escape_controls, found_in_any, once_per_text

__all__ = ["FORMATS", "render_plan", "render_pieces", "template_directories", "escape_markdown", "markdown_row", "TemplateFailure"]

FORMATS = ("html", "md")

# Characters Markdown (GFM) could read as markup, '|' included so a cell never splits.
_MD_SPECIAL = re.compile(r"([\\|*_`\[\]<>#~$])")  # "$": GitHub reads $…$ and $$…$$ as mathematics
# '&' only matters where it would start an entity reference ("&amp;", "&#38;").
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_NEWLINE = re.compile(r"\r\n|\r|\n")
# A list item's marker at the start of a Markdown block ("- ", "+ ", "1. ", "1) "): it gets a backslash.
_MD_BLOCK_START = re.compile(r"\A([0-9]{0,9})([-+.)])(?=[ \t]|\Z)")
# A text of dashes alone ("---", "-- -"; "--" too, after a list's "- " or a label "--"), a thematic break that would
# print as a line, its text gone: the first gets a backslash ("* * *" and "___" are escaped as markup already).
_MD_RULE = re.compile(r"\A(?=-[- \t]*\Z)")
# Spaces or tabs opening a block: four spaces or a tab make code of it (and of the paragraphs after it), fewer let
# a list marker after them count ("  - a"); white space at either end of a text in *…* (a legal basis "Căn cứ …; ")
# leaves the asterisks printed. Written as character references, it is none of these.
_MD_EDGES = re.compile(r"\A\s+|\s+\Z")
# A character one of the substitutions of escape_markdown changes (markup, a line break, a
# character cchc.text.escape_controls shows escaped); and the same but those beyond U+FFFF.
_MD_ESCAPED = re.compile("[\\\\|*_`\\[\\]<>#~$&\r\n" + _UNSAFE.pattern[1:-1] + "]")
_MD_ESCAPED_IN_BMP = re.compile("[\\\\|*_`\\[\\]<>#~$&\r\n" + _UNSAFE_IN_BMP.pattern[1:-1] + "]")


class TemplateFailure(Exception):
    """A template could not be read or run: which one, at which line, and why.

    *reason* is the engine's own words; *kind* and *args* say what happened
    for a message in the reader's language (``cchc.outputs.sandbox.Refused``).
    """

    def __init__(self, template: str, line: int | None, reason: str, /, kind: str = "error", **args):  # args may hold a "reason"
        super().__init__(template, line, reason)
        self.template = template
        self.line = line
        self.reason = reason
        self.kind, self.args_ = kind, args


def template_directories(template_dir: Path | None = None) -> list[Path]:
    """Directories searched for templates, first match wins: *template_dir*, then cchc's own."""
    directories = [Path(template_dir)] if template_dir is not None else []
    directories.append(Path(str(resources.files("cchc") / "templates")))
    return directories


def render_plan(plan, fmt: str, *, section: str | None = None, agency=None, template_dir: Path | None = None, view=None) -> str:
    """The plan (or the extract the filters select) as a complete HTML or Markdown document.

    Raises ValueError for an unknown format and TemplateFailure for a broken template.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    name = f"plan.{fmt}.j2"
    view = view if view is not None else build_view(plan, section=section, agency=agency)
    try:
        if template_dir is None:
            return _environment(None).get_template(name).render(view=view)
        from cchc.outputs import sandbox

        def work():
            try:
                text = _environment(template_dir).get_template(name).render(view=view)
                text.encode("utf-8")  # a lone surrogate ("\ud800") cannot be written
                return text
            except (MemoryError, sandbox.Refused):
                raise
            except Exception as exc:  # noqa: BLE001 - any failure inside a template is the template's
                where, line = _failure(exc, name)
                raise sandbox.Refused(_reason(exc), where, line, _kind(exc), **getattr(exc, "args_", {})) from None

        try:
            return sandbox.run_bounded(work)
        except sandbox.Refused as exc:
            raise TemplateFailure(exc.template or str(Path(template_dir) / name), exc.line, exc.reason, exc.kind, **exc.args_) from None
    except TemplateFailure:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure inside a template is the template's
        where, line = _failure(exc, name)
        raise TemplateFailure(where, line, _reason(exc), _kind(exc)) from None


def render_pieces(plan, fmt: str, *, view=None, utf8: bool = False) -> Iterator[str | bytes]:
    """``render_plan`` with cchc's own templates, in pieces as they render: a large plan's document is never whole in memory.

    With *utf8*, a part a second process made comes as its UTF-8 bytes, for a
    caller that writes them as they are (``cchc.cli.common.out_data``).
    Raises ValueError for an unknown format and TemplateFailure for a failure while rendering.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    name = f"plan.{fmt}.j2"
    view = view if view is not None else build_view(plan)
    return _pieces(name, view, utf8)


def _pieces(name: str, view, utf8: bool = False) -> Iterator[str | bytes]:
    try:
        template = _environment(None).get_template(name)
        if name == "plan.html.j2" and len(view.sections) > 1:
            yield from _in_two(template, view, utf8)
        else:
            yield from template.generate(view=view)
    except Exception as exc:  # noqa: BLE001 - any failure inside a template is the template's
        where, line = _failure(exc, name)
        raise TemplateFailure(where, line, _reason(exc), _kind(exc)) from None


def _in_two(template, view, utf8: bool = False) -> Iterable[str | bytes]:
    """The HTML plan of a large view, the sections from past the middle of its rows made by a forked child
    (``cchc.outputs.halves``): the same text. Each process renders the whole template, the child with the
    sections before its own left empty; the plan's table writes a mark, never found in a plan's text, where
    the child's first section starts: this process writes what comes before it, the child what comes after."""
    import dataclasses
    import secrets

    from cchc.outputs.halves import LEAST, PARENT_SHARE, in_two

    sizes = [len(section.rows) for section in view.sections]
    if sum(sizes) < LEAST:
        return template.generate(view=view)
    wanted, done, first = sum(sizes) * PARENT_SHARE // 100, 0, 0
    while first < len(sizes) - 1 and done + sizes[first] / 2 <= wanted:  # the section boundary nearest the share
        done += sizes[first]
        first += 1
    mark = f"<!--{secrets.token_hex(16)}-->"

    def part(start: int, stop: int) -> Iterator[str]:
        if start:  # the child: the sections before its own, empty; its text from the mark on
            sections = [dataclasses.replace(s, rows=[]) if n < start else s for n, s in enumerate(view.sections)]
            pieces = template.generate(view=dataclasses.replace(view, sections=sections), cut=(start, mark))
            for piece in pieces:
                if mark in piece:
                    yield piece[piece.index(mark) + len(mark) :]
                    break
            yield from pieces
            return
        pieces = template.generate(view=view, cut=(stop, mark))
        for piece in pieces:
            if mark in piece:
                yield piece[: piece.index(mark)]
                pieces.close()
                return
            yield piece

    return in_two(part, len(sizes), least=0, middle=first, text=not utf8)


def _failure(exc: BaseException, name: str) -> tuple[str, int | None]:
    """Which template and line *exc* came from."""
    import jinja2

    if isinstance(exc, jinja2.TemplateSyntaxError):
        return exc.filename or exc.name or name, exc.lineno
    if isinstance(exc, jinja2.TemplateNotFound):
        return exc.name or name, None
    return _template_frame(exc, name)


def _kind(exc: BaseException) -> str:
    """What kind of failure *exc* is (``TemplateFailure.kind``)."""
    import jinja2
    from jinja2.exceptions import SecurityError

    if getattr(exc, "kind", "").startswith("unreadable."):  # cchc.outputs.sandbox.Unreadable: a file it would not read
        return exc.kind
    for kind, classes in (
        ("syntax", jinja2.TemplateSyntaxError), ("not-found", jinja2.TemplateNotFound),
        ("security", SecurityError), ("undefined", jinja2.UndefinedError),
    ):
        if isinstance(exc, classes):
            return kind
    return "error"


def _reason(exc: BaseException) -> str:
    import jinja2

    if isinstance(exc, jinja2.TemplateSyntaxError):
        return exc.message or str(exc)
    if isinstance(exc, jinja2.TemplateNotFound):
        return "not found"
    return f"{type(exc).__name__}: {exc}"


def _template_frame(exc: BaseException, default: str) -> tuple[str, int | None]:
    """The template file and line an error was raised in (Jinja puts template frames in the traceback)."""
    import traceback

    found = (default, None)
    for frame, line in traceback.walk_tb(exc.__traceback__):
        filename = frame.f_code.co_filename
        if filename.endswith(".j2") or filename.endswith(".html") or filename.endswith(".md"):
            found = (filename, line)
    return found


def _environment(template_dir: Path | None):
    import jinja2
    import markupsafe

    def html_lines(text: str):
        # Escape each line, then join with <br>: a multi-line cell prints as several lines.
        text = str(text)
        if "\n" not in text and "\r" not in text:
            return markupsafe.escape(text)
        return markupsafe.Markup("<br>").join(_NEWLINE.split(text.rstrip("\r\n")))

    @jinja2.pass_eval_context
    def html_lines_printed(context, text: str):
        # cchc's own templates print |br at once ({{ x|br }}): where the output escapes, a line
        # without a break is handed over as it is and escaped once there, not twice. (A
        # province's template may write x|br|safe, which must stay escaped: it gets html_lines.)
        text = str(text)
        if context.autoescape and "\n" not in text and "\r" not in text:
            return text
        return html_lines(text)

    options = dict(
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    (packaged,) = template_directories(None)
    if template_dir is None:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(packaged), **options)
        env.filters["md"] = markdown_text
        env.filters["md_row"], env.filters["md_rows"] = _markdown_rows()
        env.filters["html_row"], env.filters["html_rows"] = _html_rows()
        env.filters["br"] = html_lines_printed
        return env
    from cchc.outputs import sandbox

    env = sandbox.strict_environment(Path(template_dir), packaged, **options)
    env.filters["md"] = markdown_text
    env.filters["md_row"], env.filters["md_rows"] = _markdown_rows()  # neither takes a callable from the template
    env.filters["html_row"], env.filters["html_rows"] = _html_rows()
    env.filters["br"] = html_lines
    sandbox.bound_filters(env)
    return env


def markdown_row(row, has_stt: bool, has_money: bool, escape=None) -> str:
    """A table row of the Markdown plan: STT (when the plan numbers its items), task (on its first row), id,
    product, lead, partners, deadline and budget (when the plan has money), each cell through escape_markdown."""
    cells = [row.stt] if has_stt else []
    cells += (row.task if row.task_rowspan else "", row.item_id, row.product, row.lead, row.partners, row.deadline)
    if has_money:
        cells.append(row.budget)
    return "| " + " | ".join(map(escape or escape_markdown, cells)) + " |"


def _escape_html(text: str) -> str:
    """*text* escaped exactly as markupsafe.escape escapes it, without making a Markup object."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text or ">" in text:
        text = text.replace("<", "&lt;").replace(">", "&gt;")
    if '"' in text or "'" in text:
        text = text.replace('"', "&#34;").replace("'", "&#39;")
    return text


def cell_lines(text: str) -> list[str]:
    """A cell's lines, as the template prints them (each line break a <br>, a final one dropped)."""
    return _NEWLINE.split(text.rstrip("\r\n"))


def _html_cell(text: str) -> str:
    """A cell's text as cchc's template prints it: escaped, its lines joined with <br>."""
    if "\n" in text or "\r" in text:
        return "<br>".join([_escape_html(line) for line in cell_lines(text)])
    return _escape_html(text)


def _html_rows():
    """One item's table row of the HTML plan, as cchc's template prints it, for one render.

    Written in Python rather than in the template: 100,000 rows of a dozen Jinja
    expressions each were most of the page's time. Each distinct short cell is
    escaped once (names, deadlines and amounts repeat).
    """
    import markupsafe

    cell = once_per_text(_html_cell)

    def html_row(row, has_stt: bool, has_money: bool):
        return markupsafe.Markup(row_text(row, has_stt, has_money) if row.item_id else "")  # a task's heading alone: none

    def html_rows(rows, has_stt: bool, has_money: bool):
        # A task's rows with a blank line between them and after the last (with the template's line end):
        # one filter call instead of a loop in the template. Row by row: a task holds a few rows, too few
        # to gain from making them column by column, and each cell is escaped once per render anyway.
        texts = [row_text(row, has_stt, has_money) for row in _checked(rows) if row.item_id]  # a task's heading alone: none
        return markupsafe.Markup("\n\n".join(texts) + "\n" if texts else "")

    def row_text(row, has_stt: bool, has_money: bool) -> str:
        parts = ['<tr class="item">\n']
        if has_stt:
            parts.append(f'<td class="stt">{cell(row.stt)}</td>\n')
        note = f'<span class="screen-only note" title="{cell(row.note)}">[{row.note_number}]</span>' if row.note else ""
        parts.append(f'<td class="product">{cell(row.product)}{note}</td>\n<td>{cell(row.lead)}</td>\n<td>{cell(row.partners)}</td>\n<td>{cell(row.deadline)}</td>\n')
        if has_money:
            number = ' class="num"' if row.is_amount else ""
            parts.append(f"<td{number}>{cell(row.budget)}</td>\n")
        parts.append("</tr>")
        return "".join(parts)

    return html_row, html_rows


def _markdown_rows():
    """markdown_row for one render, escaping each distinct short cell once (names, deadlines and amounts repeat)."""
    escape = once_per_text(escape_markdown)

    def row_filter(row, has_stt: bool, has_money: bool) -> str:
        return markdown_row(row, has_stt, has_money, escape)

    def rows_filter(rows, has_stt: bool, has_money: bool) -> str:
        # A section's rows, one per line: one filter call instead of a loop in the template;
        # markdown_row's lines made column by column.
        rows = _columns(rows)
        if rows is None:
            return ""
        columns = [_each_markdown(escape, rows.stt)] if has_stt else []
        tasks = [task if rowspan else "" for task, rowspan in zip(rows.task, rows.task_rowspan)]
        columns += [_each_markdown(escape, column) for column in (tasks, rows.item_id, rows.product, rows.lead, rows.partners, rows.deadline)]
        if has_money:
            columns.append(_each_markdown(escape, rows.budget))
        return "\n".join(map(("| " + " | ".join(["%s"] * len(columns)) + " |").__mod__, zip(*columns)))

    return row_filter, rows_filter


def _checked(rows) -> list:
    """*rows* (given by a template) as a list, a TypeError for anything but the view's rows."""
    from cchc.outputs.view import Row

    rows = list(rows)
    if not all(type(row) is Row for row in rows):
        raise TypeError("the rows of a plan's table are the view's rows")
    return rows


def _columns(rows):
    """*rows* (the view's rows, given by a template) column by column, as a Row of columns; None when there are none.

    A TypeError for anything but the view's rows."""
    from cchc.outputs.view import Row

    rows = _checked(rows)
    return Row._make(zip(*rows)) if rows else None


def _each(escape, texts):
    """*escape* of each of *texts*, each distinct text escaped once."""
    made = {text: escape(text) for text in set(texts)}
    return map(made.__getitem__, texts)


def _each_markdown(escape, texts):
    """``_each(escape, texts)`` for escape_markdown: *texts* as they are when none needs escaping (one scan of all)."""
    return _each(escape, texts) if found_in_any(texts, _MD_ESCAPED, _MD_ESCAPED_IN_BMP) else texts


def markdown_text(text) -> str:
    """``escape_markdown`` for a text that may start a block (a paragraph, a heading, a list item): one that starts
    like a list item ("- Nâng cao …", "1. Mục đích") gets a backslash before its marker, or it would become a list
    (bullets for the dashes, numbers a reader renumbers); one of dashes alone ("---") is not made a line, one that
    starts with spaces or a tab is not made code, and one in *…* keeps its emphasis whatever white space ends it.
    The ``md`` filter; a table's cells need none."""
    text = _MD_RULE.sub(r"\\", _MD_BLOCK_START.sub(r"\1\\\2", escape_markdown(text)))
    return _MD_EDGES.sub(_references, text) if text and (text[0].isspace() or text[-1].isspace()) else text


def _references(spaces: re.Match) -> str:
    return "".join(f"&#{ord(char)};" for char in spaces[0])


def escape_markdown(text) -> str:
    """*text* as literal GFM inline text on one line: markup characters get a backslash, newlines become <br>,
    control, bidi and invisible characters are shown escaped (``\\u202e``).

    Trailing newlines (a YAML ``|`` block ends with one) are dropped rather than shown as a blank line.
    """
    text = str(text)
    if _MD_ESCAPED.search(text) is None:  # most cells: nothing to escape, no line break
        return text
    text = _MD_SPECIAL.sub(r"\\\1", text.rstrip("\r\n"))
    text = _MD_ENTITY.sub(r"\\&", text)
    # Control, bidi and invisible characters shown escaped, as everywhere a person reads plan text.
    return _NEWLINE.sub("<br>", escape_controls(text.replace("\r\n", "\n").replace("\r", "\n")))
