"""The Word plan's task table; its item rows as WordprocessingML, written as text and parsed at once.

python-docx builds a table cell by cell through Python objects (and a run's text
a character at a time), which makes a plan of thousands of items take seconds
per thousand. These rows are written as the same XML python-docx writes for
them (``docx_parts.cell_text``): the same elements, attributes and order, so
the document's bytes are the same, and lxml parses them in one call.
"""

from __future__ import annotations

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from cchc.outputs.docx_fit import RowFit
from cchc.outputs.docx_parts import (
    CENTER,
    DEADLINE,
    LEAD,
    MONEY,
    PARTNERS,
    PRODUCT,
    RIGHT,
    SECTION,
    STT,
    TABLE_PT,
    TASK,
    WIDTHS,
    cell_margins,
    cell_text,
    clean,
    data_row,
    grid_lines,
    keep_with_next,
    lines,
    new_table,
    row_flags,
    run_content,
)
from cchc.query import leads

_SIZE = '<w:sz w:val="24"/>'  # TABLE_PT (12 pt) in half-points
_SPACING = '<w:spacing w:before="20" w:after="20"/>'  # 1 pt before and after, in twentieths of a point
#: An empty paragraph that keeps with the next (``keep_with_next``: Word keeps a row whose paragraphs all do with the next).
_KEEP_EMPTY = "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>"
#: Rows parsed per call: the XML text of a batch, never of the whole table, is in memory.
BATCH = 500


class RowWriter:
    """The XML of item rows of a table whose cells are *widths* wide (twentieths of a point, as python-docx wrote them)."""

    def __init__(self, widths: list[str]):
        self.widths = widths
        self.memo: dict[tuple, str] = {}  # a cell's paragraphs, for short texts that repeat

    def paragraphs(self, texts: list[str], bold: bool = False, align: str | None = None) -> str:
        """``cell_text``'s paragraphs for *texts* (a cell given no text keeps its one empty paragraph)."""
        key = (tuple(texts), bold, align)
        done = self.memo.get(key)
        if done is not None:
            return done
        if not texts:
            return "<w:p/>"
        jc = f'<w:jc w:val="{align}"/>' if align else ""
        props = f"<w:rPr><w:b/>{_SIZE}</w:rPr>" if bold else f"<w:rPr>{_SIZE}</w:rPr>"
        out = []
        for text in texts:
            run = f"<w:r>{props}{run_content(clean(text))}</w:r>" if text else ""
            out.append(f"<w:p><w:pPr>{_SPACING}{jc}</w:pPr>{run}</w:p>")
        done = "".join(out)
        if sum(map(len, texts)) <= 80:
            self.memo[key] = done
        return done

    def cell(self, column: int, content: str, merge: str | None = None) -> str:
        """A cell of *column*: *merge* is "restart" on the first cell of a vertical merge, "" below it."""
        if merge is None:
            vmerge = ""
        else:
            vmerge = '<w:vMerge w:val="restart"/>' if merge else "<w:vMerge/>"
        return f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{self.widths[column]}"/>{vmerge}</w:tcPr>{content}</w:tc>'


def append_rows(tbl, rows_xml) -> None:
    """Parse each batch of ``<w:tr>`` texts and append the rows to the table element *tbl*."""
    batch: list[str] = []
    for row in rows_xml:
        batch.append(row)
        if len(batch) >= BATCH:
            _append(tbl, batch)
            batch = []
    if batch:
        _append(tbl, batch)


def _append(tbl, batch: list[str]) -> None:
    wrapper = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(batch)}</w:tbl>")
    for tr in list(wrapper):
        tbl.append(tr)


def columns_of(view) -> list[str]:
    """The task table's headings: STT and money only when the view has them, sections and tasks when it has any."""
    heads = [SECTION] if any(section.heading for section in view.sections) else []
    heads += [TASK] if any(row.task for section in view.sections for row in section.rows) else []
    heads += [PRODUCT, LEAD, PARTNERS, DEADLINE]
    return ([STT] if view.has_stt else []) + heads + ([MONEY] if view.has_money else [])


def task_table(doc, view, width: int, height: int):
    """The table of sections, tasks and items, with its total row; *width* and *height* are the page's text area's, in EMU.

    One heading row (repeated on each page); a section's cell and a task's cell are
    merged down over their items; agencies stand one per line; "Tổng cộng" is the last row.
    Rows never split across pages, except a row too tall for any page (see docx_fit).
    """
    heads = columns_of(view)
    weights = [WIDTHS[h] for h in heads]
    widths = [width * w // sum(weights) for w in weights]
    table = new_table(doc, widths)
    grid_lines(table)
    cell_margins(table, 70, 20)
    # Padding 70 twips a side (7 pt together), 20 above and below (2 pt); paragraphs 1 pt before and after.
    fit = RowFit(widths, height, size=TABLE_PT, padding=7, spacing=2, margin=2)
    shown = {LEAD: view.headings["lead"], PARTNERS: view.headings["partners"], DEADLINE: view.headings["deadline"], MONEY: view.headings["budget"]}
    fit.below_heading([(column, [shown.get(head, head)]) for column, head in enumerate(heads)])

    row = table.add_row()
    row_flags(row, heading=True)
    for cell, head in zip(row.cells, heads):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        cell_text(cell, [shown.get(head, head)], bold=True, align=CENTER)  # the plan's own heading, or cchc's

    if not view.sections:
        cells = data_row(table)
        cell_text(cells[0].merge(cells[-1]), ["Không có nhiệm vụ nào."], align=CENTER)
    writer = RowWriter([tc.tcPr.find(qn("w:tcW")).get(qn("w:w")) for tc in row._tr.tc_lst])
    append_rows(table._tbl, _item_rows(view, heads, writer, fit))

    if view.has_money and view.totals.shown is not None:
        # The total row does not stand alone on a page: the last item's row keeps with it, and it with the words.
        keep_with_next(table.rows[-1])
        cells = data_row(table)
        cell_text(cells[0].merge(cells[-2]), [view.totals.label], bold=True, align=CENTER)
        cell_text(cells[-1], [view.totals.shown], bold=True, align=RIGHT)
        keep_with_next(table.rows[-1])
    return table


def _item_rows(view, heads: list[str], writer, fit: RowFit):
    """Each item's row as XML: the cells ``cell_text`` would fill, a section's and a task's merged down over their items.

    A row is marked "cannot split" unless a cell of it could not fit on a page: its own cells, or a
    section's or task's cell merged down over it (the rows it covers grow to hold its text).
    """
    items = {item.id: item for _, _, item in view.plan.items()}
    at = {head: i for i, head in enumerate(heads)}
    empty = "<w:p/>"
    below = {SECTION: 0, TASK: 0}  # rows still under a merged cell, per column
    need = {SECTION: 0.0, TASK: 0.0}  # the height (points) of a merged cell's text the rows so far under it do not cover
    free = 0  # rows still under a merged cell too tall for a page
    for section in view.sections:
        for r in section.rows:
            free = max(free - 1, 0)
            texts: list[tuple[int, list[str]]] = []  # what this row's own cells hold
            item = items.get(r.item_id)
            # A cell as the source writes it is its text; else each name on a line of its own.
            lead_names = leads(item, view.plan) if item is not None and item.lead_cell is None else [r.lead]
            partners = list(item.partners) if item is not None and item.partners_cell is None else [r.partners]
            cells = [""] * len(heads)
            for head, span, text, bold in ((SECTION, r.section_rowspan, section.heading, True), (TASK, r.task_rowspan, r.task, False)):
                column = at.get(head)
                if column is None:  # no section or no task is named: no column for it
                    continue
                if span:  # the cell's text, merged down over the next span - 1 rows
                    below[head] = span - 1
                    held = lines(text)
                    if span == 1:
                        texts.append((column, held))
                    elif fit.too_tall(column, held):
                        free = max(free, span)
                    else:
                        need[head] = fit.cell_height(column, held)
                    cells[column] = writer.cell(column, writer.paragraphs(held, bold=bold), "restart" if span > 1 else None)
                elif below[head]:
                    below[head] -= 1
                    cells[column] = writer.cell(column, empty, "")
                else:
                    cells[column] = writer.cell(column, empty)
            own = {
                PRODUCT: lines(r.product),
                LEAD: [line for name in lead_names for line in lines(name)],
                PARTNERS: [line for name in partners for line in lines(name)],
                DEADLINE: lines(r.deadline),
            }
            if view.has_stt:
                held = lines(r.stt)
                cells[at[STT]] = writer.cell(at[STT], writer.paragraphs(held, align="center"))
                texts.append((at[STT], held))
            for head, held in own.items():
                cells[at[head]] = writer.cell(at[head], writer.paragraphs(held))
                texts.append((at[head], held))
            if view.has_money:
                held = lines(r.budget)
                cells[at[MONEY]] = writer.cell(at[MONEY], writer.paragraphs(held, align="right" if r.is_amount else None))
                texts.append((at[MONEY], held))
            if free or any(fit.too_tall(column, held) for column, held in texts):
                need[SECTION] = need[TASK] = 0.0
                yield f"<w:tr>{''.join(cells)}</w:tr>"
                continue
            row = "".join(cells)
            # A section's or task's name merged down over short rows: a page must not fall before the rows under
            # it are as tall as its text, or its last lines go over to the next page ("… VÀ CHẾ ĐỘ" | "CÔNG VỤ").
            keep = False
            if need[SECTION] or need[TASK]:  # rows are measured only under a name not yet covered
                height = max(fit.cell_height(column, held) for column, held in texts)
                for head in need:
                    need[head] = max(need[head] - height, 0.0) if below[head] else 0.0
                    keep = keep or need[head] > 0
            if keep:
                row = row.replace("<w:pPr>", "<w:pPr><w:keepNext/>").replace("<w:p/>", _KEEP_EMPTY)
            yield f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{row}</w:tr>"
