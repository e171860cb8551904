"""`cchc import` of hostile documents costs at most in proportion to the document.

Each test counts the work a part of the import does (characters keyed,
amounts added, built-in calls made) on a document built to make it blow up,
and holds it to a small multiple of the document's size, so it fails if the
bound is taken away, whatever the machine's speed.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest

import docx_fixtures as F
from cchc.inputs import docx_rows
from cchc.inputs.docx import read_docx

HEADINGS = ["STT", "Nội dung công việc", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Kinh phí (triệu đồng)"]


def _para(text: str) -> str:
    runs = "<w:r><w:br/></w:r>".join(f'<w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r>' for line in text.split("\n"))
    return f"<w:p>{runs}</w:p>"


def _table(rows: list[list]) -> str:
    """A table of *rows*; a cell is its text, or (text, span) for one merged across *span* columns."""
    out = ["<w:tbl><w:tblGrid>" + '<w:gridCol w:w="1500"/>' * len(HEADINGS) + "</w:tblGrid>"]
    for row in rows:
        cells = []
        for cell in row:
            text, span = cell if isinstance(cell, tuple) else (cell, 1)
            spanned = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
            cells.append(f"<w:tc>{spanned}{_para(text)}</w:tc>")
        out.append("<w:tr>" + "".join(cells) + "</w:tr>")
    return "".join(out) + "</w:tbl>"


def _docx(*parts: str) -> bytes:
    """A plan with a title and *parts* (paragraphs and tables as XML) under it."""
    return F.package(F.body_xml(_para("KẾ HOẠCH") + _para("Cải cách hành chính năm 2021") + "".join(parts) + "<w:sectPr/>"))


def _item(number: int, partners: str = "", budget: str = "1", lead: str = "Sở Nội vụ") -> list:
    return [str(number), "Nhiệm vụ", f"Sản phẩm {number}", lead, partners, "Quý II/2021", budget]


def _counting(monkeypatch, module, name: str, counter: list, size=len) -> None:
    """Replace *module*.*name* by the same function adding size(its first argument) to counter[0]."""
    real = getattr(module, name)

    def counted(first, *rest, **named):
        counter[0] += size(first)
        return real(first, *rest, **named)

    monkeypatch.setattr(module, name, counted)


# ---------------------------------------------------------------- subtotal rows


def _subtotals_docx(pairs: int) -> bytes:
    rows = [HEADINGS, [("I. CẢI CÁCH THỂ CHẾ", 7)]]
    for n in range(1, pairs + 1):
        rows += [_item(n), [("Cộng", 6), "7"]]
    return _docx(_table(rows))


def test_each_subtotal_row_adds_nothing_again(monkeypatch):
    from cchc import money

    pairs = 300
    added = [0]
    # Amounts handed to the exact sum, wherever the reader takes it from.
    _counting(monkeypatch, money, "exact_sum", added, size=lambda amounts: len(list(amounts)) if isinstance(amounts, (list, tuple)) else 1)
    if hasattr(docx_rows, "exact_sum"):
        _counting(monkeypatch, docx_rows, "exact_sum", added, size=lambda amounts: len(amounts))
    result = read_docx(_subtotals_docx(pairs), "cong.docx")
    # Each subtotal says 7: only the seventh is the sum of something above it (the section, the table).
    assert [(p.code, dict(p.args)["sum"]) for p in result.problems] == [("docx.subtotal-mismatch", n) for n in range(1, pairs + 1) if n != 7]
    # Summing each scope again at every subtotal adds the items above it: pairs² / 2 amounts and more.
    assert added[0] <= 12 * pairs, added[0]


SCOPES = [
    ("1", []),  # the row just above, since the last subtotal
    ("3", []),  # task 1: its two items
    ("6", []),  # section I: three items
    ("10", []),  # the whole table, across sections
    ("9", [4]),  # none of them: the sum of its section (II) is named
]


@pytest.mark.parametrize(("written", "sums"), SCOPES, ids=["since", "task", "section", "table", "mismatch"])
def test_a_subtotal_is_checked_against_each_scope_it_may_add_up(written, sums):
    rows = [
        HEADINGS, [("I. CẢI CÁCH THỂ CHẾ", 7)],
        ["1", ("Nhiệm vụ một", 6)], _item(1, budget="2"), [("Cộng", 6), "2"], _item(2, budget="1"),
        ["2", ("Nhiệm vụ hai", 6)], _item(3, budget="3"),
        [("II. CẢI CÁCH THỦ TỤC", 7)], _item(4, budget="3"), _item(5, budget="1"), [("Cộng", 6), written],
    ]
    if written == "6":  # the section's own: the subtotal stands at the end of section I
        rows = rows[:8] + [[("Cộng mục I", 6), "6"]] + rows[8:-1]
    elif written == "3":
        rows = rows[:6] + [[("Cộng", 6), "1"]] + [[("Cộng nhiệm vụ 1", 6), "3"]] + rows[6:-1]
    result = read_docx(_docx(_table(rows)), "cong.docx")
    assert [(p.code, dict(p.args)["sum"]) for p in result.problems] == [("docx.subtotal-mismatch", s) for s in sums]


def test_a_subtotal_in_a_section_with_no_items_yet_names_the_sum_of_all():
    rows = [HEADINGS, [("I. CẢI CÁCH THỂ CHẾ", 7)], _item(1, budget="2"), _item(2, budget="3"),
            [("II. CẢI CÁCH THỦ TỤC", 7)], [("Cộng", 6), "9"]]
    result = read_docx(_docx(_table(rows)), "cong.docx")
    assert [(p.code, dict(p.args)["sum"]) for p in result.problems] == [("docx.subtotal-mismatch", 5)]
