"""The periodic report as a Word document: the appendix an office attaches to its CCHC report.

Laid out from the same view as the table, Markdown and HTML
(``cchc.outputs.report.report_view``), in the house style of the plan's Word
output: A4 landscape, Times New Roman, Nghị định 30 margins, page numbers from
page 2, tables with a repeated heading row and rows that never split. The
same report gives the same bytes on every run.
"""

from __future__ import annotations

import datetime
import io


def report_docx(report, lang: str = "vi") -> bytes:
    """The report's .docx bytes, in *lang*."""
    import docx
    from docx.enum.section import WD_ORIENT

    from cchc.outputs.docx import BOTTOM, LANDSCAPE_TEXT, LEFT, PAGE_LONG, PAGE_SHORT, RIGHT, TOP, fixed_zip, house_style, page_numbers
    from cchc.outputs.docx_parts import CENTER, add, cell_text, clean, grid_lines, new_table, row_flags
    from cchc.outputs.docx_parts import RIGHT as ALIGN_RIGHT
    from cchc.outputs.report import report_view

    view = report_view(report, lang)
    doc = docx.Document()
    house_style(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGE_LONG, PAGE_SHORT
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = TOP, BOTTOM, LEFT, RIGHT

    def heading(text: str) -> None:
        add(doc, clean(text), bold=True, before=8, after=4, keep_next=True)

    def grid(heads: list[str], rows: list[list[str]], weights: list[int], numeric_from: int) -> None:
        widths = _fitted([LANDSCAPE_TEXT * w // sum(weights) for w in weights], heads)
        table = new_table(doc, widths)
        grid_lines(table)
        head = table.add_row()
        row_flags(head, heading=True)
        for cell, text in zip(head.cells, heads):
            cell_text(cell, [clean(text)], bold=True, align=CENTER)
        for values in rows:
            row = table.add_row()
            row_flags(row)
            for index, (cell, text) in enumerate(zip(row.cells, values)):
                cell_text(cell, clean(text).split("\n"), align=ALIGN_RIGHT if index >= numeric_from else None)

    add(doc, clean(view["title"]).upper(), bold=True, align=CENTER, after=2)
    if view["plan_issuer"]:
        add(doc, clean(view["plan_issuer"]), align=CENTER, after=2)
    add(doc, clean(view["plan_title"] + (f" ({view['plan_number']})" if view["plan_number"] else "")), bold=True, align=CENTER, after=2)
    # The period, the days its data cover and the day statuses are taken on, as the table, Markdown and HTML say.
    for line in (f"{view['period']} ({view['window']}); {view['as_of']}", view["report_due"]):
        if line:
            add(doc, clean(line), italic=True, align=CENTER, after=2)
    add(doc, clean(f"{view['rate_label']}: {view['rate']} ({view['rate_basis']})"), before=8)
    add(doc, clean(view["score"]))
    add(doc, clean(view["done_in_period"]), after=4)

    h = view["h"]
    heading(h["summary"])
    grid(
        [h["class"], h["count"]],
        [[c["label"], str(c["count"])] for c in view["classes"]] + [[h["items"], str(view["item_count"])]],
        [5, 1],
        1,
    )
    heads = view["class_heads"] + [h["rate-short"]]
    heading(h["by-section"])
    grid(
        [h["section"], h["content"]] + heads,
        [[r["label"], r["title"]] + [str(n) for n in r["counts"]] + [r["rate"]] for r in view["sections"]],
        [2, 10] + [2] * len(heads),
        2,
    )
    heading(h["by-lead"])
    grid(
        [h["agency"]] + heads,
        [[r["label"]] + [str(n) for n in r["counts"]] + [r["rate"]] for r in view["agencies"]],
        [12] + [2] * len(heads),
        1,
    )
    heading(h["overdue"])
    if view["overdue"]:
        grid(
            [h["id"], h["product"], h["lead"], h["due"], h["status"], h["note"]],
            [[r["id"], r["product"], r["lead"], r["due"], r["status"], r["note"]] for r in view["overdue"]],
            [2, 9, 4, 3, 3, 5],
            6,
        )
    else:
        add(doc, clean(h["none-overdue"]), italic=True)
    page_numbers(doc)
    core = doc.core_properties
    stamp = datetime.datetime(report.as_of.year, report.as_of.month, report.as_of.day)
    core.title = clean(view["title"])[:255]
    core.created = core.modified = stamp
    core.revision = 1
    core.language = "vi-VN" if lang == "vi" else "en"
    core.author = core.last_modified_by = "cchc"
    buffer = io.BytesIO()
    doc.save(buffer)
    return fixed_zip(buffer.getvalue())


#: A cell's padding left and right together (Word's default, 0.08 inch a side), and a point, in EMU.
_PADDING, _POINT = 2 * 5.76 * 12700, 12700


def _fitted(widths: list[int], heads: list[str]) -> list[int]:
    """*widths* (EMU) with each column at least as wide as the longest word of its heading, in bold at the table's
    size, the room taken from the widest column: an English heading ("Cancelled", "Overdue") was broken inside the
    word ("Cancell" / "ed") in a column sized for the Vietnamese ones."""
    from cchc.outputs.docx_fit import char_width
    from cchc.outputs.docx_parts import TABLE_PT

    need = [int(max((sum(map(char_width, word)) for word in head.split()), default=0) * TABLE_PT / 1000 * _POINT + _PADDING) + 1
            for head in heads]
    grown = [max(width, least) for width, least in zip(widths, need)]
    widest = widths.index(max(widths))
    grown[widest] = max(need[widest], widths[widest] - (sum(grown) - sum(widths)))
    return grown
