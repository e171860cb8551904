"""The task table's rows are written as XML text: the same XML python-docx writes for them, cell by cell."""

from __future__ import annotations

import pytest

docx = pytest.importorskip("docx")

from docx.oxml.ns import qn  # noqa: E402
from lxml import etree  # noqa: E402

from cchc.outputs.docx_parts import CENTER, RIGHT, cell_text, new_table  # noqa: E402
from cchc.outputs.docx_rows import RowWriter, append_rows  # noqa: E402

TEXTS = [
    ["Kế hoạch cải cách hành chính"],
    ["\t Lead tab & <b>bold</b> \"q\" trailing "],
    ["a\tb\t\tc", "  spaced\u00a0nbsp\u2003 "],
    ["ctl \x01 shown", "]]> <![CDATA[ x &amp;"],
    [""],
    [],
    ["Sở Nội vụ", "Sở Tư pháp", ""],
]


def _python_docx_cell(texts, **format):
    doc = docx.Document()
    table = new_table(doc, [1_000_000])
    cell = table.add_row().cells[0]
    cell_text(cell, texts, **format)
    return cell._tc


@pytest.mark.parametrize("texts", TEXTS)
@pytest.mark.parametrize("format, align", [({}, None), ({"bold": True}, None), ({"align": CENTER}, "center"), ({"align": RIGHT}, "right")])
def test_a_cell_is_the_xml_python_docx_writes(texts, format, align):
    tc = _python_docx_cell(texts, **format)
    width = tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))
    writer = RowWriter([width])
    doc = docx.Document()
    table = new_table(doc, [1_000_000])
    row = f"<w:tr>{writer.cell(0, writer.paragraphs(texts, bold=format.get('bold', False), align=align))}</w:tr>"
    append_rows(table._tbl, [row])
    written = table._tbl.tr_lst[-1].tc_lst[0]
    assert etree.tostring(written) == etree.tostring(tc)


def test_rows_are_appended_in_order_across_batches(monkeypatch):
    from cchc.outputs import docx_rows

    monkeypatch.setattr(docx_rows, "BATCH", 3)
    doc = docx.Document()
    table = new_table(doc, [1_000_000])
    writer = RowWriter(["1575"])
    append_rows(table._tbl, (f"<w:tr>{writer.cell(0, writer.paragraphs([str(n)]))}</w:tr>" for n in range(10)))
    assert [row.cells[0].text for row in table.rows] == [str(n) for n in range(10)]
    # The rows are python-docx's own elements: what the table does later (keep with next) works on them.
    assert type(table.rows[-1]._tr).__name__ == "CT_Row"
