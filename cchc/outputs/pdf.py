"""Printing a plan as PDF, with no browser: WeasyPrint lays out the HTML document (CSS paged media).

The PDF is the HTML of ``cchc.outputs.html`` laid out as it prints, so the two
cannot drift apart. One thing is added: cchc's own copy of Liberation Serif 2.1
(``cchc/fonts``, SIL Open Font License 1.1), Times New Roman's metrics with
every Vietnamese letter, declared with @font-face as "Liberation Serif", the
second name of the template's font stack. Times New Roman, where the system has
it, still comes first; else the PDF embeds the bundled font, even where the
system has no font at all or only Liberation Serif 1.x, which lacks ơ, ư, ạ, ệ
(fontconfig prefers the higher version).

A plan of more than DRAWN_ABOVE items would take WeasyPrint minutes (it lays
out about sixteen pages a second). Its table's pages are drawn by cchc
(``cchc.outputs.pdf_table``) as the template's CSS lays them out, and WeasyPrint
lays out the rest of the same HTML, the table's block left empty; the drawn
pages take the empty one's place in WeasyPrint's PDF, numbered in sequence.
Anything the drawing does not do (a character the font lacks, a row taller than
a page, a system font printing the rest) sends the whole plan to WeasyPrint.
A province's own templates (--template-dir) always go to WeasyPrint whole.

WeasyPrint and its system libraries (Pango, HarfBuzz, fontconfig) are imported
only here, only when a PDF is asked for.
"""

from __future__ import annotations

import dataclasses
import html
import re
from importlib import resources
from pathlib import Path

from cchc.outputs.html import TemplateFailure, render_plan
from cchc.outputs import pdf_closing
from cchc.outputs.pdf_lines import unbroken_numbers
from cchc.outputs.view import build_view, joins_letterhead

__all__ = ["PdfUnavailable", "PdfStopped", "render_pdf", "font_files"]

# Debian's names for the libraries WeasyPrint loads (its documentation, "First steps").
SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"

_FACES = (
    ("LiberationSerif-Regular.ttf", "normal", "normal"),
    ("LiberationSerif-Bold.ttf", "bold", "normal"),
    ("LiberationSerif-Italic.ttf", "normal", "italic"),
    ("LiberationSerif-BoldItalic.ttf", "bold", "italic"),
)


# A plan of more items has its table's pages drawn by cchc.outputs.pdf_table (WeasyPrint lays out about 16 pages a second).
DRAWN_ABOVE = 500


class PdfUnavailable(Exception):
    """No PDF engine: WeasyPrint, or the system libraries it needs, is not installed. ``reason`` says which."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def font_files() -> list[Path]:
    """The bundled font's four files: regular, bold, italic, bold italic."""
    folder = Path(str(resources.files("cchc") / "fonts"))
    return [folder / name for name, _, _ in _FACES]


class PdfStopped(Exception):
    """WeasyPrint did not finish laying out cchc's own document within *seconds* (a row taller than a page can make
    its table layout loop): stopped, nothing written."""

    def __init__(self, seconds: float):
        super().__init__(f"layout stopped after {seconds:.0f} s")
        self.seconds = seconds


def render_pdf(
    plan, *, section: str | None = None, agency=None, template_dir: Path | None = None, view=None, slow=None, bounded: bool = False
) -> bytes:
    """The plan (or the extract the filters select) as a PDF document, A4, with its fonts embedded.

    With a province's templates (*template_dir*) the whole of it, rendering and
    layout, runs bounded in a child process (``cchc.outputs.sandbox``). *slow*, when
    given, is called with (code, arguments) before WeasyPrint lays out the whole of a
    plan over DRAWN_ABOVE items whose table cchc could not draw (the code a key of
    cchc.messages after "pdf.unfit."; the arguments hold "items"). With *bounded* (the
    command line), WeasyPrint's layout of cchc's own templates runs in a child stopped
    after the same time: PdfStopped.
    Raises TemplateFailure for a broken template and PdfUnavailable when WeasyPrint cannot run.
    """
    from cchc.outputs import sandbox

    seconds, budget = sandbox.layout_limits(sum(1 for _ in plan.items()))
    if template_dir is None:  # *bounded*: WeasyPrint's layout in a child stopped after the time a plan of its size takes
        return _pdf(plan, section, agency, None, view, slow, limit=seconds if bounded else None)

    def work():
        try:
            return _pdf(plan, section, agency, template_dir, view)
        except TemplateFailure as exc:
            raise sandbox.Refused(exc.reason, exc.template, exc.line, exc.kind, **exc.args_) from None
        except (MemoryError, PdfUnavailable, sandbox.Refused):
            raise
        except Exception as exc:  # noqa: BLE001 - WeasyPrint failing on what the template wrote
            raise sandbox.Refused(f"{type(exc).__name__}: {exc}") from None

    try:
        return sandbox.run_bounded(work, seconds, budget)
    except sandbox.Refused as exc:
        where = exc.template or str(Path(template_dir) / "plan.html.j2")
        raise TemplateFailure(where, exc.line, f"{exc.reason} (PDF)", exc.kind, **exc.args_) from None


#: Punctuation and signs of U+2000 and on that Liberation Serif has (before U+0250 it has every character).
_IN_FONT = frozenset("‐–—―‘’‚“”„†‡•…‰′″‹›⁄€₫№™−≤≥")


def other_font_characters(plan) -> list[str]:
    """The characters of *plan*'s text the bundled font has no glyph for, in order of code point ("➢ (U+27A2)"): the
    PDF prints them in another font of the machine (one typeface no longer, and not the same on every machine).
    Invisible characters (which print as nothing) and spaces are not counted."""
    from cchc.outputs import pdf_fonts

    chars: set[str] = set()
    stack = [plan.model_dump()]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            chars.update(value)
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, (list, tuple)):
            stack.extend(value)
    chars = {char for char in chars if char >= "\u0250" and not "\u1ea0" <= char <= "\u1ef9" and char not in _IN_FONT}
    if not chars:  # Latin, every Vietnamese letter, common punctuation: all in the font, which is not read
        return []
    glyphs = pdf_fonts.faces(font_files()[:1])[0].glyph
    return [f"{char} (U+{ord(char):04X})" for char in sorted(chars) if not char.isspace() and pdf_fonts.drawn(char) and char not in glyphs]


def _pdf(plan, section, agency, template_dir, view, slow=None, limit: float | None = None) -> bytes:
    if view is None:
        view = build_view(plan, section=section, agency=agency)
    items = sum(1 for one in view.sections for row in one.rows if row.item_id)  # a task's heading alone is none
    if template_dir is None and items > DRAWN_ABOVE:
        drawn = _with_drawn_table(plan, view, limit)
        if isinstance(drawn, bytes):
            return drawn
        if slow is not None:  # WeasyPrint lays out the whole of a large plan: a person waits minutes
            code, args = drawn
            slow(code, {**args, "items": items})
    document = render_plan(plan, "html", template_dir=template_dir, view=view)
    tall = _tall_rows(view, document)  # [] for a province's template without cchc's table block
    # The signature under the table never starts a page alone; a kế hoạch with nothing before its table has its
    # letterhead on the table's first page (not on a page of its own, nearly empty) unless that takes more pages.
    # A province's copy of the templates keeps the marks this looks for, and prints as cchc's own do; a template
    # without them is laid out as it is.
    # With prose before the table ("Thực hiện Quyết định số …, Sở … xây dựng Kế hoạch như sau:"), only when it
    # leaves the letterhead's page less than two thirds full, the table on the next, and that saves a page.
    joined = None
    if joins_letterhead(view, prose=True):
        with_letterhead = dataclasses.replace(view, letterhead_on_table=True)
        html = render_plan(plan, "html", template_dir=template_dir, view=with_letterhead)
        if _prints_prose(html, view):  # a province's older copy of the templates may print none there: not joined
            joined = _with_moved(_marked_tall(html, tall), with_letterhead)
    return _weasyprint(*_with_moved(_marked_tall(document, tall), view), limit=limit, fewer=joined, short_first=bool(view.prose_before_body))


def _prints_prose(document: str, view) -> bool:
    """Whether *document*'s table block prints every paragraph of the prose before the table (none to print: True)."""
    wanted = sum(1 for paragraph in view.prose_before_body if not paragraph.joined)
    start = document.find(_TABLE_BLOCK)
    end = _block_end(document, start) if start >= 0 else None
    return not wanted or (end is not None and document.count('<p class="prose', start, end) >= wanted)


# A row taller than pdf_table.TALL_ROW of a page may be split across pages (``tr.item.tall`` in the template).
# Kept whole, WeasyPrint left a row that tall alone on a page after a half-empty one, the pages after it without
# the column headings or blank, or laid out for ever when the row and the headings repeated over it did not fit
# on one page (rows of 1,500-2,000 characters in one cell).
def _tall_rows(view, document: str) -> list[int]:
    """The places, among the table's item rows in order, of the rows taller than ``pdf_table.TALL_ROW`` of a page.

    Only a row that could be that tall is measured (laying rows out needs the fonts read: half a second): one
    with a cell of more lines than half a page holds when each character were a whole em wide, twice the average.
    """
    from cchc.outputs import pdf_fonts, pdf_table

    start = document.find(_TABLE_BLOCK)
    end = _block_end(document, start)
    if end is None:
        return []
    percents, headings = _columns(document[start:end])
    if len(percents) != len(headings) or not headings:
        return []
    limit = pdf_table.TALL_ROW * (pdf_table.FOOT - pdf_table.TOP)
    widths = [max(percent / 100 * pdf_table.WIDTH - 2 * pdf_table.PAD_SIDE, pdf_table.SIZE) for percent in percents]
    most = int(limit / pdf_table.LEADING)  # lines of a cell half a page holds

    def cells(row) -> list[str]:  # as the table's columns hold them
        return ([row.stt] if view.has_stt else []) + [row.product, row.lead, row.partners, row.deadline] + ([row.budget] if view.has_money else [])

    def may_be_tall(row) -> bool:
        return any(sum(-(-max(len(line), 1) * pdf_table.SIZE // width) for line in text.split("\n")) > most
                   for text, width in zip(cells(row), widths) if text)

    rows = [row for section in view.sections for row in section.rows if row.item_id]
    measured = [at for at, row in enumerate(rows) if may_be_tall(row)]
    if not measured:
        return []
    heights = pdf_table.row_heights(view, pdf_fonts.faces(font_files()), percents, headings, [rows[at] for at in measured])
    # A row holding a character the font lacks (no height): judged by the bound, as tall.
    return [at for at, height in zip(measured, heights) if height is None or height > limit]


def _marked_tall(document: str, tall: list[int]) -> str:
    """*document* with the item rows at the places *tall* says marked ``tall`` (cchc's template writes every item
    row as ``<tr class="item">``, and escapes every text: the n-th such tag is the n-th row)."""
    if not tall:
        return document
    marked, pieces = set(tall), document.split(_ITEM_ROW)
    joined = [pieces[0]]
    for at, piece in enumerate(pieces[1:]):
        joined += [_TALL_ROW_TAG if at in marked else _ITEM_ROW, piece]
    return "".join(joined)


def _with_moved(document: str, view) -> tuple[str, str | None]:
    """*document*, and the same with its table's last row moved over to the signature (``pdf_closing.moved``)."""
    start = document.find(_TABLE_BLOCK)
    end = _block_end(document, start)
    return document, (pdf_closing.moved(document, (start, end), view) if end is not None else None)


def html_pdf(document: str, css: str = "", limit: float | None = None) -> bytes:
    """A self-contained HTML document of cchc's own (the periodic report) laid out by WeasyPrint with cchc's font and
    *css*; with *limit*, in a child stopped after so many seconds (PdfStopped)."""
    return _weasyprint(document, css=css, limit=limit)


def _weasyprint(document: str, moved: str | None = None, css: str = "", finisher=None, limit: float | None = None,
                fewer: tuple[str, str | None] | None = None, short_first: bool = False, judge=None):
    """*document* laid out by WeasyPrint with cchc's font (and *css* added); *finisher* sees the PDF before it is written.
    With *limit*, in a child stopped after so many seconds (PdfStopped). *moved*: the document with a page break
    before its table's last row, laid out instead when the signature would start the last page alone
    (``cchc.outputs.pdf_closing``). *fewer*: another (document, moved), laid out too and kept unless it has more
    pages or leaves the signature alone where *document* does not; with *short_first*, only when *document*'s
    first page is less than two thirds full and the table starts the next (``pdf_closing.short_first_page``),
    and when it takes a page less.
    With *judge*, what it says of the layout instead of the PDF (a small document: no limit)."""
    if limit is not None:
        from cchc.outputs import sandbox

        try:
            return sandbox.run_bounded(lambda: _weasyprint(document, moved, css, finisher, fewer=fewer, short_first=short_first), limit,
                                       budget=1 << 46)
        except sandbox.Refused as exc:
            if exc.kind == "time":
                raise PdfStopped(limit) from None
            raise
    weasyprint = _engine()
    from weasyprint.text.fonts import FontConfiguration

    fonts = font_files()
    font_config = FontConfiguration()
    faces = "\n".join(
        f'@font-face {{ font-family: "Liberation Serif"; src: url("{path.as_uri()}") format("truetype"); '
        f"font-weight: {weight}; font-style: {style}; }}"
        for path, (_, weight, style) in zip(fonts, _FACES)
    )
    fetcher = _local_fetcher(weasyprint, {path.as_uri() for path in fonts})
    stylesheet = weasyprint.CSS(string=faces + "\n" + css, font_config=font_config, url_fetcher=fetcher)

    def render(document: str):  # a document number is kept on one line: a reader of the PDF's text loses a hyphen at a line end
        return weasyprint.HTML(string=unbroken_numbers(document), url_fetcher=fetcher).render(stylesheets=[stylesheet], font_config=font_config)

    def lay_out(document: str, moved: str | None):
        """The layout; laid out again with the last row moved when its signature starts the last page alone."""
        laid = render(document)
        if moved is not None and pdf_closing.signature_alone(laid):
            again = render(moved)
            if pdf_closing.signs_with_rows(again, len(laid.pages)):
                return again
        return laid

    if judge is not None:
        return judge(render(document))
    laid = lay_out(document, moved)
    if fewer is not None and (not short_first or pdf_closing.short_first_page(laid)):
        # The letterhead over the table, unless that takes more pages: its own page nearly empty is a greater
        # fault than the signature alone on the last page (issue 13: no page but the last under two thirds full).
        other = lay_out(*fewer)
        if len(other.pages) <= len(laid.pages) - (1 if short_first else 0):
            laid = other
    return laid.write_pdf(finisher=finisher)


def _with_drawn_table(plan, view, limit: float | None = None) -> bytes | tuple[str, dict]:
    """The PDF with the table's pages drawn by ``cchc.outputs.pdf_table`` and the rest by WeasyPrint, or why that
    cannot be: (code, arguments), the code a key of cchc.messages after "pdf.unfit.".

    WeasyPrint lays out the document with the table's block left empty (one
    landscape page), the page after the block numbered as if the drawn pages
    stood there; the drawn pages then take the empty page's place.
    """
    laid = _drawn(plan, view)
    if laid[0] == "long-heading":  # a heading over the table longer than a line: kept at the end of the prose instead
        view = dataclasses.replace(view, heads_over_table=False)
        laid = _drawn(plan, view)
    if len(laid) == 4 and joins_letterhead(view, prose=True) and (not view.prose_before_body or _short_first(laid)):
        # The letterhead on the table's first page unless that takes more pages (its own page is one), as
        # WeasyPrint's layout chooses; with prose before the table, only when the letterhead's own page would be
        # less than two thirds full and it saves a page. Its own page nearly empty is the greater fault than the
        # signature alone on the last page, which may follow (issue 13: no page but the last less than two thirds full).
        joined = _drawn(plan, dataclasses.replace(view, letterhead_on_table=True))
        fewer = 0 if view.prose_before_body else 1  # the letterhead's own page is one
        if len(joined) == 4 and len(joined[3]) <= len(laid[3]) + fewer:
            laid = joined
    if len(laid) != 4:
        return laid
    document, start, end, pages = laid
    css = f".plan + .document {{ page: cchc-after; }}\n@page cchc-after:nth(1 of cchc-after) {{ counter-increment: page {len(pages)}; }}"
    try:
        return _weasyprint(document[:start] + _TABLE_BLOCK + "</div>" + document[end:], css=css, finisher=_Splice(pages), limit=limit)
    except _Mismatch as exc:
        return exc.code, {}


def _short_first(laid: tuple) -> bool:
    """Whether the document of ``_drawn``'s *laid*, its table's block left empty, has a first page less than two
    thirds full before the table's (``pdf_closing.short_first_page``)."""
    document, start, end, _ = laid
    return _weasyprint(document[:start] + _TABLE_BLOCK + "</div>" + document[end:], judge=pdf_closing.short_first_page)


def _drawn(plan, view) -> tuple:
    """(the document with the table's block, where that block starts and ends, the table's pages drawn), or
    (code, arguments) when cchc cannot draw them: a tuple of 4, or of 2."""
    from cchc.outputs import pdf_fonts, pdf_prose, pdf_table

    document = render_plan(plan, "html", view=dataclasses.replace(view, sections=[], notes=[]))
    start = document.find(_TABLE_BLOCK)
    end = _block_end(document, start)
    if start < 0 or end is None:
        return "columns", {}
    block = document[start:end]
    percents, headings = _columns(block)
    try:
        pages = pdf_table.lay_out(
            view,
            pdf_fonts.faces(font_files()),
            percents=percents,
            headings=headings,
            with_title='class="plan-title"' in block,
            with_signature=pdf_closing.CLOSING_TABLE in block,
            with_letterhead='class="letterhead"' in block,
            with_heads='class="prose-heading' in block,
            prose=pdf_prose.prose_before if view.letterhead_on_table and view.prose_before_body and _prints_prose(document, view) else None,
        )
    except pdf_table.Unfit as exc:
        return exc.code, exc.arguments
    return document, start, end, pages


_TABLE_BLOCK = '<div class="plan">'
_ITEM_ROW, _TALL_ROW_TAG = '<tr class="item">', '<tr class="item tall">'
_DIV = re.compile(r"<div\b|</div>")
_COLUMN = re.compile(r'<col style="width: ([\d.]+)%">')
_HEADING = re.compile(r"<th>([^<]*)</th>")


def _columns(block: str) -> tuple[list[float], list[str]]:
    """The table block's columns in per cent and their headings, as the template prints them (the first table's,
    before any nested one)."""
    return [float(width) for width in _COLUMN.findall(block.split("</colgroup>", 1)[0])], [html.unescape(text) for text in _HEADING.findall(block)]


def _block_end(document: str, start: int) -> int | None:
    """Where the <div> opened at *start* closes (after its </div>); cchc's template escapes every text, so tags are tags."""
    if start < 0:
        return None
    depth = 0
    for found in _DIV.finditer(document, start):
        depth += 1 if found.group() == "<div" else -1
        if depth == 0:
            return found.end()
    return None


# The fonts of the template's stack ahead of "Liberation Serif", whose widths the drawn pages are laid out with.
_AHEAD_OF_LIBERATION = {"Times New Roman"}


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


class _Mismatch(Exception):
    """WeasyPrint's pages are not what the drawn pages were made to join: the plan goes to WeasyPrint whole (``code`` says why)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


class _Splice:
    """A WeasyPrint finisher: the drawn table pages (``pdf_table.TablePages``) in place of the empty landscape page."""

    def __init__(self, pages):
        self.pages = pages

    def __call__(self, document, pdf) -> None:
        import pydyf

        landscape = [number for number, page in enumerate(document.pages) if page.width > page.height]
        families = {_text(getattr(font, "family", "")) for font in getattr(document, "fonts", {}).values()}
        # The system's Times New Roman (first in the template's font stack) printed the rest, or the empty block
        # took more than a page. (A fallback font WeasyPrint found for a character Liberation Serif lacks is no
        # matter: the pages WeasyPrint lays out are the same with or without the drawn ones.)
        if families & _AHEAD_OF_LIBERATION:
            raise _Mismatch("system-font")
        if len(landscape) != 1:
            raise _Mismatch("columns")
        index = landscape[0]
        streams = list(self.pages.streams(first_number=index + 1))
        faces = self.pages.faces
        fonts = pydyf.Dictionary({f"F{number}": face.embed(pdf) for number, face in enumerate(faces) if face.used})
        resources = pydyf.Dictionary({"Font": fonts})
        pdf.add_object(resources)
        kids = pdf.pages["Kids"]
        empty = pdf.objects[kids[3 * index]]
        added = []
        for number, data in enumerate(streams):
            stream = pydyf.Stream([data], {"Filter": "/FlateDecode"})
            pdf.add_object(stream)
            if number == 0:
                empty["Contents"] = stream.reference
                empty["Resources"] = resources.reference
                continue
            page = pydyf.Dictionary(
                {
                    "Type": "/Page",
                    "Parent": pdf.pages.reference,
                    "MediaBox": empty["MediaBox"],
                    "Contents": stream.reference,
                    "Resources": resources.reference,
                }
            )
            pdf.add_object(page)
            added += [page.number, 0, "R"]
        kids[3 * index + 3 : 3 * index + 3] = added
        pdf.pages["Count"] += len(streams) - 1


def _engine():
    """The weasyprint module, or PdfUnavailable saying what is missing."""
    try:
        import weasyprint
    except ImportError as exc:
        raise PdfUnavailable(f"WeasyPrint is not installed ({exc}); install it with: pip install weasyprint") from None
    except OSError as exc:  # WeasyPrint loads Pango and its companions with ctypes/cffi when imported
        raise PdfUnavailable(
            f"WeasyPrint cannot load its system libraries ({exc}); on Debian or Ubuntu: apt-get install {SYSTEM_PACKAGES}"
        ) from None
    return weasyprint


def _local_fetcher(weasyprint, allowed: set[str]):
    """A URL fetcher that reads cchc's font files and refuses any other URL.

    cchc's HTML is self-contained; a template from --template-dir that names a
    URL must not make the PDF read the network or the disk.
    """
    from weasyprint import urls

    def check(url: str) -> None:
        if url.split("?")[0] not in allowed:
            raise ValueError(f"cchc prints no external resource: {url}")

    base = getattr(urls, "URLFetcher", None)
    if base is not None:  # newer WeasyPrint: a URLFetcher object

        class Fetcher(base):
            def fetch(self, url, headers=None):
                check(url)
                return super().fetch(url, headers)

        return Fetcher()

    def fetch(url: str):  # older WeasyPrint: a function
        check(url)
        return weasyprint.default_url_fetcher(url)

    return fetch
