"""The plan's table pages of a large plan, laid out and drawn by cchc itself.

WeasyPrint lays out about sixteen pages a second: a plan of 10,000 items
(1,500 landscape pages) would take a minute and a half. For a plan over
``cchc.outputs.pdf.DRAWN_ABOVE`` items, WeasyPrint lays out everything but the
plan's table (the decision, the plan's prose, what follows the table), and this
module lays out the table's pages as the template's CSS describes them:

- A4 landscape, margins 20 mm, 15 mm, 20 mm, 30 mm; the first page 3 mm lower;
- the plan's title and the extract's line, when the template prints them in the table's block;
- columns in the template's per cents; 12 pt text, lines 1.15, cell padding
  1.5 pt 4 pt 2 pt, 1 px rules, each cell drawing its right and bottom edges;
- column headings bold, centred, repeated on every page; a section's heading
  bold and a task's bold italic, repeated where the section or task continues;
- agencies, deadlines and notes centred, amounts right-aligned;
- rows never split; a heading never left at a page's foot without its first row;
  the total row and the sum in words kept with the table's last row;
- the signature block after the table (when the template puts it there), kept whole, and not
  alone on the last page: the table's last row goes over with it when it fits and the page it
  leaves stays about two thirds full (``cchc.outputs.pdf_closing``);
- the page number centred in the top margin, 13 pt, on every page but the document's first.

Lines break where Pango breaks them (``cchc.outputs.pdf_lines``), measured with
the font's own widths and kerning. Anything this module does not draw (a
character the font lacks, an invisible or right-to-left one, a row taller than a
page, a section without rows) raises Unfit, and the whole plan goes to WeasyPrint.
"""

from __future__ import annotations

import re
import zlib

from cchc.outputs.html import cell_lines
from cchc.outputs.pdf_lines import wrap as wrap_text
from cchc.outputs import pdf_closing
from cchc.outputs.pdf_fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR
from cchc.outputs.pdf_items import made_in_two
from cchc.outputs.view import MOTTO, NATION

__all__ = ["Unfit", "TablePages", "lay_out", "row_heights"]

MM = 72 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = 297 * MM, 210 * MM
TOP, RIGHT, BOTTOM, LEFT = 20 * MM, 15 * MM, 20 * MM, 30 * MM
WIDTH = PAGE_WIDTH - LEFT - RIGHT
FOOT = PAGE_HEIGHT - BOTTOM
FIRST_PAGE_PADDING = 3 * MM  # .plan { padding-top: 3mm } in print
RULE = 0.75  # 1px
PAD_TOP, PAD_SIDE, PAD_BOTTOM = 1.5, 4.0, 2.0
SIZE, LEADING = 12.0, 12.0 * 1.15
TITLE_SIZE, TITLE_LEADING = 14.0, 14.0 * 1.25
LETTERHEAD_LINE = 1.2  # table.letterhead td { line-height: 1.2 }
NUMBER_SIZE = 13.0
NUMBER_BASELINE = 32.74  # the page number's baseline from the page's top edge, as WeasyPrint draws it
#: A row taller than this share of a page's table area may be split across pages by WeasyPrint (``tr.item.tall``,
#: marked by ``cchc.outputs.pdf``). Drawn here, rows are never split: one that fits a page is kept whole on one (a
#: plan of 10,000 items with one such row laid out whole by WeasyPrint took 68 s and 1.5 GB, drawn 2 s).
TALL_ROW = 0.5

_SPACES = re.compile(r"[ \t\n\r\f]+")


class Unfit(Exception):
    """The table holds something only WeasyPrint lays out: ``code`` says what (a key of cchc.messages, "pdf.unfit.<code>"),
    ``arguments`` its arguments, ``reason`` the same in English words."""

    REASONS = {
        "character": "a character cchc does not draw",
        "tall-row": "a row taller than a page",
        "signature-word": "a word wider than its column of the signature",
        "no-rows": "a table without rows",
        "columns": "columns cchc's template does not print",
        "long-heading": "a heading over the table longer than a line",
    }

    def __init__(self, code: str, **args):
        super().__init__(self.REASONS[code])
        self.code, self.arguments, self.reason = code, args, self.REASONS[code]


class _Block:
    """Something placed whole: its height, its texts (x, baseline, face, size, glyph hex) and rules (x, y, w, h), relative to its top left."""

    __slots__ = ("height", "texts", "rules")

    def __init__(self, height: float, texts: list, rules: list):
        self.height, self.texts, self.rules = height, texts, rules


class TablePages:
    """The laid-out pages: each a list of (block, top) placements."""

    def __init__(self, pages: list[list[tuple[_Block, float]]], faces):
        self.pages = pages
        self.faces = faces

    def __len__(self) -> int:
        return len(self.pages)

    def streams(self, first_number: int):
        """Each page's content stream (compressed), numbered from *first_number* (the document's page 1 shows none)."""
        number_face = self.faces[REGULAR]
        for index, placements in enumerate(self.pages):
            parts = ["q 0 g"]
            rules = []
            for block, top in placements:
                for x, y, w, h in block.rules:
                    rules.append(f"{LEFT + x:.2f} {PAGE_HEIGHT - top - y - h:.2f} {w:.2f} {h:.2f} re")
            if rules:
                parts.append("\n".join(rules))
                parts.append("f")
            parts.append("BT")
            current = None
            for block, top in placements:
                for x, y, face, size, glyphs in block.texts:
                    if current != (face, size):
                        parts.append(f"/F{face} {size:g} Tf")
                        current = (face, size)
                    parts.append(f"1 0 0 1 {LEFT + x:.2f} {PAGE_HEIGHT - top - y:.2f} Tm [{glyphs}] TJ")
            number = first_number + index
            if number > 1:
                text = str(number)
                width = number_face.width(text) * NUMBER_SIZE
                parts.append(f"/F{REGULAR} {NUMBER_SIZE:g} Tf")
                parts.append(
                    f"1 0 0 1 {LEFT + (WIDTH - width) / 2:.2f} {PAGE_HEIGHT - NUMBER_BASELINE:.2f} Tm [{number_face.encode(text)}] TJ"
                )
            parts.append("ET Q")
            yield zlib.compress("\n".join(parts).encode("ascii"), 6)


class _Layout:
    def __init__(self, view, faces, percents: list[float], headings: list[str]):
        self.view = view
        self.faces = faces
        self.headings = headings
        self.columns: list[tuple[float, float]] = []
        x = 0.0
        for percent in percents:
            width = WIDTH * percent / 100
            self.columns.append((x, width))
            x += width
        self._wrapped: dict = {}
        self.made: dict[int, object] = {}  # item rows' blocks made beforehand, by the row's id (``pdf_items``)

    # -- text -------------------------------------------------------------------------------

    def lines(self, text: str, face: int, size: float, width: float, breaks: bool = True, wrap: bool = True, break_words: bool = True) -> list[str]:
        """*text* in lines of at most *width* points: its own line breaks kept when *breaks*, else collapsed;
        a word wider than a line cut when *break_words* (CSS overflow-wrap: break-word, as in the table's cells)."""
        key = (text, face, size, width, breaks, wrap, break_words)
        found = self._wrapped.get(key)
        if found is None:
            paragraphs = cell_lines(text) if breaks else [text]
            found = []
            for paragraph in paragraphs:
                words = _SPACES.split(paragraph.strip(" \t\n\r\f"))
                collapsed = " ".join(words)
                if not self.faces[face].covers(collapsed):
                    char = next(char for char in collapsed if not self.faces[face].covers(char))
                    raise Unfit("character", char=char, code_point=f"U+{ord(char):04X}")
                found += wrap_text(collapsed, self.faces[face], width / size, break_words) if wrap else [collapsed]
            self._wrapped[key] = found
        return found

    def _text(self, texts: list, line: str, face: int, size: float, left: float, width: float, baseline: float, align: str) -> None:
        if not line:
            return
        font = self.faces[face]
        if align != "left":
            spare = width - font.width(line) * size
            if spare > 0:  # a line wider than its box starts at its left edge, as in CSS, and overflows right
                left += spare / 2 if align == "center" else spare
        texts.append((left, baseline, face, size, font.encode(line)))

    def _baseline(self, face: int, size: float, leading: float) -> float:
        font = self.faces[face]
        return (leading - (font.ascent + font.descent) * size) / 2 + font.ascent * size

    # -- blocks -----------------------------------------------------------------------------

    def row(self, cells: list[tuple[int, int, str, int, str, bool]], head: bool = False, breaks: bool = True) -> _Block:
        """A table row: cells of (first column, span, text, face, align, wrap); a heading row is ruled on top and centred in height.

        Each cell's line breaks are kept when *breaks* (the template's |br), else collapsed as HTML does."""
        top = RULE if head else 0.0
        laid = []
        for column, span, text, face, align, wrap in cells:
            x = self.columns[column][0]
            width = sum(w for _, w in self.columns[column : column + span])
            inner_left = x + PAD_SIDE + (RULE if column == 0 else 0.0)
            inner = width - 2 * PAD_SIDE - RULE - (RULE if column == 0 else 0.0)
            laid.append((column, x, width, inner_left, inner, self.lines(text, face, SIZE, inner, breaks=breaks, wrap=wrap), face, align))
        most = max(len(lines) for *_, lines, _, _ in laid)
        height = top + PAD_TOP + most * LEADING + PAD_BOTTOM + RULE
        texts: list = []
        rules = [(0.0, height - RULE, WIDTH, RULE)]
        if head:
            rules.append((0.0, 0.0, WIDTH, RULE))
        for column, x, width, inner_left, inner, lines, face, align in laid:
            if column == 0:
                rules.append((0.0, 0.0, RULE, height))
            rules.append((x + width - RULE, 0.0, RULE, height))
            offset = top + PAD_TOP + ((most - len(lines)) * LEADING / 2 if head else 0.0)
            baseline = offset + self._baseline(face, SIZE, LEADING)
            for line in lines:
                self._text(texts, line, face, SIZE, inner_left, inner, baseline, align)
                baseline += LEADING
        return _Block(height, texts, rules)

    def paragraphs(self, paragraphs: list[tuple[str, int, float, float, str, float]], left: float, width: float, top: float = 0.0,
                   break_words: bool = False, breaks: bool = False) -> _Block:
        """Paragraphs of (text, face, size, leading, align, space after) stacked in a column; no rules.

        A word wider than the column is cut only when *break_words* (inside the table's cells); a text's own
        line breaks are kept only when *breaks* (the template's |br), else collapsed as HTML does."""
        texts: list = []
        y = top
        for text, face, size, leading, align, after in paragraphs:
            baseline = y + self._baseline(face, size, leading)
            lines = self.lines(text, face, size, width, breaks=breaks, break_words=break_words) if text else []
            for line in lines:
                self._text(texts, line, face, size, left, width, baseline, align)
                baseline += leading
            y += len(lines) * leading + after
        return _Block(y, texts, [])

    def item(self, row) -> _Block:
        if (made := self.made.get(id(row))) is not None:
            if type(made) is tuple:
                raise Unfit(made[1], **made[2])
            return made
        view = self.view
        cells = [(0, 1, row.stt, REGULAR, "center", True)] if view.has_stt else []
        first = len(cells)
        cells += [
            (first, 1, row.product, REGULAR, "left", True),
            (first + 1, 1, row.lead, REGULAR, "center", True),
            (first + 2, 1, row.partners, REGULAR, "center", True),
            (first + 3, 1, row.deadline, REGULAR, "center", True),
        ]
        if view.has_money:
            cells.append((first + 4, 1, row.budget, REGULAR, "right" if row.is_amount else "center", not row.is_amount))
        return self.row(cells)

    def heading_row(self, text: str, face: int, breaks: bool) -> _Block:
        return self.row([(0, len(self.columns), text, face, "left", True)], breaks=breaks)

    def column_headings(self) -> _Block:
        return self.row([(i, 1, name, BOLD, "center", True) for i, name in enumerate(self.headings)], head=True)

    def closing_rows(self) -> list[_Block]:
        """The total row and the sum in words, as the template's closing_rows prints them (none when it prints none)."""
        view, totals = self.view, self.view.totals
        if not (view.has_money or totals.note):
            return []
        blocks = []
        if view.has_money and totals.shown is not None:
            span = len(self.columns) - 1
            blocks.append(self.row([(0, span, totals.label, BOLD, "center", True), (span, 1, totals.shown, BOLD, "right", False)]))
        lines = []
        if totals.vnd is not None:
            label = "Kinh phí phần trích" if view.extract else "Tổng kinh phí"
            lines.append(f"{label}: {totals.vnd}đ" + (f" (Bằng chữ: {totals.in_words})" if totals.in_words else ""))
        if totals.note:
            lines.append(f"Kinh phí: {totals.note}")
        if view.extract and totals.declared is not None:
            lines.append(f"Tổng kinh phí toàn kế hoạch: {totals.declared} triệu đồng")
        words = [(line, REGULAR, TITLE_SIZE, TITLE_LEADING, "left", 4.0) for line in lines]
        blocks.append(self.paragraphs(words, 0.0, WIDTH, top=8.0, break_words=True))
        return blocks

    def title(self) -> list[_Block]:
        """The plan's title lines, subtitle and rule (the template's title_block)."""
        view = self.view
        lines = [(line, BOLD, TITLE_SIZE, TITLE_LEADING, "center", 0.0) for line in view.title_lines]
        block = self.paragraphs(lines, 0.0, WIDTH)
        subtitle = getattr(view.plan.plan, "subtitle", None)
        if subtitle:  # printed with |br: its own line breaks kept
            below = self.paragraphs([(subtitle, ITALIC, TITLE_SIZE, TITLE_LEADING, "center", 0.0)], 0.0, WIDTH, top=block.height, breaks=True)
            block = _Block(below.height, block.texts + below.texts, [])
        rule = (WIDTH * 0.4, block.height + 4.0, WIDTH * 0.2, RULE)
        return [_Block(block.height + 4.0 + RULE + 10.0, block.texts, [rule])]

    def body_and_place(self, parts: tuple[str, str], face: int, width: float) -> str:
        """A body's name in capitals, its place kept on one line as the template's ``.place`` (an inline-block):
        after the body when the place fits on the body's last line, else from a line of its own (a line break)."""
        body, place = " ".join(parts[0].upper().split()), parts[1].upper()
        if not place or not body:
            return body or place
        whole = f"{body} {place}"
        return whole if self.lines(whole, face, 13.0, width)[-1].endswith(place) else f"{body}\n{place}"

    def letterhead(self) -> _Block:
        """The letterhead (the template's letterhead macro): issuer left (40 %), quốc hiệu and tiêu ngữ right, each
        with its rule; the number under the issuer, place and date in italics under the motto; 12 pt below."""
        header, left, right = self.view.header, WIDTH * 0.4, WIDTH * 0.6
        lead13, lead14 = 13.0 * LETTERHEAD_LINE, 14.0 * LETTERHEAD_LINE
        issuer = [(self.body_and_place(header.superior_parts, REGULAR, left), REGULAR, 13.0, lead13, "center", 0.0)] if header.superior else []
        issuer.append((self.body_and_place(header.issuer_parts, BOLD, left), BOLD, 13.0, lead13, "center", 0.0))
        bodies = self.paragraphs(issuer, 0.0, left, break_words=True, breaks=True)
        rules = [(left * 0.325, bodies.height + 1.0, left * 0.35, RULE)]  # .short-rule: 35 %, 1 pt below
        nation = self.paragraphs([(NATION, BOLD, 13.0, lead13, "center", 0.0)], left, right)
        # The motto is an inline-block underlined 1 pt below its line: its line box holds that much more.
        motto = self.paragraphs([(MOTTO, BOLD, 14.0, lead14, "center", 0.0)], left, right, top=nation.height)
        motto_width = self.faces[BOLD].width(MOTTO) * 14.0
        rules.append((left + (right - motto_width) / 2, motto.height + 1.0, motto_width, RULE))
        first = max(bodies.height + 1.0 + RULE, motto.height + 1.0 + RULE)
        number = "Số: " + (header.number or "\u00a0" * 6 + "/" + header.symbol_kind)  # a blank to write the number in
        numbers = self.paragraphs([(number, REGULAR, 13.0, lead13, "center", 0.0)], 0.0, left, top=first + 8.0, break_words=True)
        date = self.paragraphs([(header.date_line or "", ITALIC, 14.0, lead14, "center", 0.0)], left, right, top=first + 8.0, break_words=True)
        return _Block(max(numbers.height, date.height) + 12.0, bodies.texts + nation.texts + motto.texts + numbers.texts + date.texts, rules)

    def table_heads(self, after_title: bool) -> _Block:
        """The headings over the table (the template's prose of ``view.table_heads``): bold, 14 pt, indented 1 cm,
        6 pt above and below each (the space above taken by the title's when they follow it); one line each."""
        indent = 10 * MM
        y = 0.0 if after_title else 6.0
        texts: list = []
        for paragraph in self.view.table_heads:
            text = paragraph.heading or ""
            if "\n" in text or len(self.lines(text, BOLD, TITLE_SIZE, WIDTH - indent)) != 1:
                raise Unfit("long-heading")
            block = self.paragraphs([(text, BOLD, TITLE_SIZE, TITLE_LEADING, "left", 0.0)], indent, WIDTH - indent, top=y)
            texts += block.texts
            y = block.height + 6.0
        return _Block(y, texts, [])

    def extract(self) -> _Block:
        return self.paragraphs([(self.view.extract, BOLD, TITLE_SIZE, TITLE_LEADING, "center", 10.0)], 0.0, WIDTH)

    def signature(self) -> _Block:
        """The closing table: recipients left (45 %), the signature right (55 %), 12 pt above."""
        view = self.view
        left = []
        if view.recipients:
            left.append(("Nơi nhận:", BOLD_ITALIC, 12.0, 12.0 * 1.15, "left", 0.0))
            left += [(f"- {name}", REGULAR, 11.0, 11.0 * 1.15, "left", 0.0) for name in view.recipients]
        recipients = self.paragraphs(left, 0.0, WIDTH * 0.45, top=12.0)
        right = []
        signer = view.signer
        if signer is not None:
            # Each line its own (the template's |br): "TM. ỦY BAN NHÂN DÂN⏎KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH".
            for text, after in ((signer.authority, 0.0), (signer.position, 25 * MM), (signer.name or "", 0.0)):
                if text or after:
                    lines = cell_lines(text)
                    right += [(line, BOLD, TITLE_SIZE, TITLE_LEADING, "center", after if n == len(lines) - 1 else 0.0) for n, line in enumerate(lines)]
        signature = self.paragraphs(right, WIDTH * 0.45, WIDTH * 0.55, top=12.0)
        for paragraphs, width in ((left, WIDTH * 0.45), (right, WIDTH * 0.55)):
            for text, face, size, *_ in paragraphs:
                if any(self.faces[face].width(word) * size > width for word in _SPACES.split(text)):
                    raise Unfit("signature-word")  # the closing table's columns would widen
        return _Block(max(recipients.height, signature.height), recipients.texts + signature.texts, [])


def _kept_with(layout, view, s: int, g: int) -> float:
    """The height of what goes over with task group *g* of section *s*, a heading alone, as the template's CSS keeps
    them (tr.lone): a task with no item before another of its section, a section with no task before the next; each
    such heading keeps the next, down to the first item's row."""
    need, last = 0.0, len(view.sections) - 1
    while True:
        section = view.sections[s]
        groups = section.task_groups
        if groups[g][0].item_id or not (groups[g].followed or (section.blank and s < last)):
            return need
        if g + 1 < len(groups):
            g += 1
        else:
            s, g = s + 1, 0
            need += layout.heading_row(view.sections[s].heading, BOLD, breaks=False).height if view.sections[s].heading else 0.0
        first = view.sections[s].task_groups[g][0]
        need += layout.heading_row(first.task, BOLD_ITALIC, breaks=True).height if first.task else 0.0
        if first.item_id:
            return need + layout.item(first).height


def row_heights(view, faces, percents: list[float], headings: list[str], rows) -> list[float | None]:
    """The height of each of *rows* (the view's item rows) as the table draws it; None for one only WeasyPrint lays out."""
    layout = _Layout(view, faces, percents, headings)
    heights: list[float | None] = []
    for row in rows:
        try:
            heights.append(layout.item(row).height)
        except Unfit:
            heights.append(None)
    return heights


def lay_out(view, faces, *, percents: list[float], headings: list[str], with_title: bool, with_signature: bool,
            with_letterhead: bool = False, with_heads: bool = False, prose=None) -> TablePages:
    """The pages of the view's table, its columns *percents* wide under *headings* (as the template prints them),
    with the letterhead, the title block and the signature when the template prints them in the table's block;
    *prose* makes the block of the prose it prints there under the title (``cchc.outputs.pdf_prose``).

    Raises Unfit for what only WeasyPrint lays out.
    """
    if not view.sections or any(not section.rows for section in view.sections):
        raise Unfit("no-rows")
    if len(percents) != len(headings) or not headings or sum(percents) > 100.5:
        raise Unfit("columns")
    layout = _Layout(view, faces, percents, headings)
    layout.made = made_in_two(layout, [row for section in view.sections for rows in section.task_groups for row in rows if row.item_id], Unfit)
    pages: list[list[tuple[_Block, float]]] = []
    y = TOP + FIRST_PAGE_PADDING
    placements: list[tuple[_Block, float]] = []
    pages.append(placements)

    def place(block: _Block) -> None:
        nonlocal y
        placements.append((block, y))
        y += block.height

    heads = ([layout.letterhead()] if with_letterhead else []) + (layout.title() if with_title else []) + ([prose(layout)] if prose else [])
    if with_heads and view.table_heads:
        heads.append(layout.table_heads(after_title=with_title or prose is not None))
    for block in heads + ([layout.extract()] if view.extract else []):
        place(block)
    headings = layout.column_headings()
    place(headings)
    closing = layout.closing_rows()
    closing_height = sum(block.height for block in closing)
    fresh = True  # nothing on this page yet but repeated headings
    rows_on_page = 0  # item rows placed on this page

    def new_page(*blocks: _Block) -> None:
        """A new page, with *blocks* (the headings repeated there) placed at its top."""
        nonlocal y, placements, rows_on_page
        placements = []
        pages.append(placements)
        y, rows_on_page = TOP, 0
        for block in blocks:
            place(block)

    last_section = len(view.sections) - 1
    for s, section in enumerate(view.sections):
        section_heading = layout.heading_row(section.heading, BOLD, breaks=False) if section.heading else None
        groups = section.task_groups
        for g, rows in enumerate(groups):
            task_heading = layout.heading_row(rows[0].task, BOLD_ITALIC, breaks=True) if rows[0].task else None
            for r, row in enumerate(rows):
                block = layout.item(row) if row.item_id else _Block(0.0, [], [])  # a task's heading alone: no row
                need = block.height
                if s == last_section and g == len(groups) - 1 and r == len(rows) - 1:
                    need += closing_height
                if r == 0:
                    need += task_heading.height if task_heading else 0.0
                    if g == 0 and section_heading:
                        need += section_heading.height
                if not row.item_id:
                    need += _kept_with(layout, view, s, g)
                if y + need > FOOT:
                    if fresh and with_title and len(pages) == 1:
                        # The title stays alone on the first page; the table (and the extract's line, kept with
                        # it) starts on the next, as WeasyPrint breaks the block.
                        moved = [placed for placed, _ in placements[1:]]
                        del placements[1:]
                        new_page(*moved)
                    elif fresh:
                        raise Unfit("tall-row")
                    else:
                        repeated = [section_heading] if (g or r) and section_heading else []
                        if r and task_heading:
                            repeated.append(task_heading)
                        new_page(headings, *repeated)
                    if y + need > FOOT:
                        raise Unfit("tall-row")
                row_start, rows_before = len(placements), rows_on_page  # the last row's, when this is the last
                if r == 0:
                    if g == 0 and section_heading:
                        place(section_heading)
                    if task_heading:
                        place(task_heading)
                place(block)
                rows_on_page += 1
                fresh = False
    for placed in closing:
        place(placed)
    if with_signature:
        signature = layout.signature()
        if y + signature.height > FOOT:
            # Not alone on a page: the last row goes over with it, after the headings a page repeats there
            # (cchc.outputs.pdf_closing; WeasyPrint's page breaks before it, its task's group or its section).
            # Only when rows stay on this page, about two thirds full (LEFT_FULL), and the row, the total and the signature
            # fit on the next.
            repeated = ([section_heading] if (g or r) else []) + ([task_heading] if r and task_heading else [])
            opening = ([section_heading] if g == 0 and r == 0 else []) + ([task_heading] if r == 0 and task_heading else [])
            over = [headings, *repeated, *opening, block, *closing, signature]
            if rows_before and TOP + sum(one.height for one in over) <= FOOT and placements[row_start][1] - TOP >= pdf_closing.LEFT_FULL * (FOOT - TOP):
                del placements[row_start:]
                new_page(headings, *repeated)
                for placed in [*opening, block, *closing]:
                    place(placed)
            else:
                new_page()
            if y + signature.height > FOOT:
                raise Unfit("tall-row")
        place(signature)
    return TablePages(pages, faces)
