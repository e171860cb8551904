"""`cchc import` of hostile documents costs at most in proportion to the document.

Each test counts the work a part of the import does (characters keyed,
amounts added, built-in calls made) on a document built to make it blow up,
and holds it to a small multiple of the document's size, so it fails if the
bound is taken away, whatever the machine's speed.
"""

from __future__ import annotations

import gc
import random
import string
import sys
import tracemalloc
from xml.sax.saxutils import escape

import pytest

import docx_fixtures as F
from cchc.inputs import docx_agencies, docx_rows
from cchc.inputs.docx import DocxRefused, read_docx
from cchc.inputs.docx_agencies import MAX_NAME_CHARS, AgencyBook
from cchc.inputs.writer import _visible, dump_plan

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


# ---------------------------------------------------------------- agency cells of long comma-separated parts


def _long_parts_docx(cells: int, parts: int, chars: int, seed: int) -> tuple[bytes, list[str]]:
    rnd = random.Random(seed)
    texts = [", ".join(f"Sở A{r} {i} " + "".join(rnd.choice(string.ascii_letters) for _ in range(chars)) for i in range(parts))
             for r in range(cells)]
    rows = [HEADINGS, [("I. CẢI CÁCH THỂ CHẾ", 7)]] + [_item(r + 1, text) for r, text in enumerate(texts)]
    return _docx(_table(rows)), texts


def test_agency_cells_of_long_parts_are_keyed_in_proportion_to_their_length_and_kept_whole(monkeypatch):
    data, texts = _long_parts_docx(cells=6, parts=30, chars=2000, seed=1)
    keyed = [0]
    for name in ("spelling_key", "whole_name", "typed_keys", "fold"):
        _counting(monkeypatch, docx_agencies, name, keyed)
    result = read_docx(data, "dai.docx")
    written = dump_plan(result.data)
    cells = sum(len(t) for t in texts)
    # Every run of consecutive parts keyed (465 a cell, ten parts long on average) would be over 100 times the cells.
    assert keyed[0] <= 12 * cells, (keyed[0], cells)
    # No part is a name (none is that long), so no cell splits: each stays one name, as written.
    partners = [i["partners"] for s in result.data["sections"] for t in s["tasks"] for i in t["items"]]
    assert partners == [[t] for t in texts]
    assert [a["name"] for a in result.data["agencies"]] == ["Sở Nội vụ", *texts]
    assert all(f'"{t}"' in written or f" {t}\n" in written for t in texts)


def test_importing_long_agency_cells_keeps_nothing_of_their_size_behind():
    data, texts = _long_parts_docx(cells=6, parts=30, chars=2000, seed=2)  # texts no other test has keyed (and cached)
    cells = sum(len(t) for t in texts)
    gc.collect()
    tracemalloc.start()
    try:
        result = read_docx(data, "dai.docx")
        del result
        gc.collect()
        kept, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # The caches of keys keep short names only: the runs of parts (over 100 times the cells) would stay in them.
    assert kept < cells, (kept, cells)


def test_a_cell_of_names_no_longer_than_a_name_still_splits_at_its_commas():
    names = ["Sở Nội vụ", "Sở Tư pháp", "Sở " + "X" * (MAX_NAME_CHARS - 3)]
    book = AgencyBook()
    cell = ", ".join(names)
    book.learn([cell])
    assert book.names(cell) == names
    too_long = ", ".join([*names[:2], names[2] + "x"])
    book.learn([too_long])
    assert book.names(too_long) == [too_long]


def test_plain_text_is_what_isprintable_says_for_every_character():
    assert all(_visible(chr(code)) == chr(code).isprintable() for code in range(sys.maxunicode + 1))


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


# ---------------------------------------------------------------- short forms defined in the prose


def _calls(function, *args) -> int:
    """How many built-in functions and methods *function*(*args) calls (casefold, endswith …)."""
    count = [0]

    def profile(frame, event, arg):
        if event == "c_call":
            count[0] += 1

    sys.setprofile(profile)
    try:
        function(*args)
    finally:
        sys.setprofile(None)
    return count[0]


def test_short_forms_in_the_prose_cost_the_names_plus_the_parentheses_not_their_product():
    rnd = random.Random(1)
    names = [f"Sở Nội vụ {''.join(rnd.choice(string.ascii_letters) for _ in range(8))}" for _ in range(2000)]
    parentheses = 300
    book = AgencyBook()
    book.learn(names)  # a cell each: no cell names 2,000 agencies
    paragraphs = ["Nội dung (AB) chưa khớp"] * parentheses + [f"Phối hợp với {names[7]} (SNV) và Sở Tư pháp (STP)."]
    calls = _calls(book.learn_prose, paragraphs)
    # Each name against each parenthesis would be 2 × 2000 × 300 calls.
    assert calls <= 20 * (len(names) + parentheses), calls
    assert book.names("SNV") == ["SNV"] and book._short_of == {"snv": names[7]}


def test_the_longest_name_ending_before_a_parenthesis_is_the_one_it_shortens():
    book = AgencyBook()
    book.learn(["UBND tỉnh", "Văn phòng UBND tỉnh", "Sở Nội vụ"])
    book.learn_prose(["Giao Văn phòng UBND tỉnh (VP UBND) và UBND tỉnh (UBT), SỞ NỘI VỤ (SNV) chủ trì."])
    assert book._short_of == {"vp ubnd": "Văn phòng UBND tỉnh", "ubt": "UBND tỉnh", "snv": "Sở Nội vụ"}


def test_guessing_short_forms_costs_the_names_not_every_pair_with_the_same_initials():
    # 2,000 abbreviated names with one initials key ("=stttta"): each looked for the longer ones among all the others.
    rnd = random.Random(3)
    abbreviations = sorted({f"Sở TT&TT a{''.join(rnd.choice(string.ascii_lowercase) for _ in range(8))}" for _ in range(2000)})
    names = [*abbreviations, "Sở Thông tin Truyền thông an"]
    book = AgencyBook()
    book.learn(names)  # a cell each: no cell names 2,000 agencies
    calls = _calls(book.registry_entries, names)
    assert calls <= 300 * len(names), calls  # about 105 a name; 2,100 compared every pair
    entries, comments = book.registry_entries(names)
    # The one name written out in full, and longer, takes them all as its short forms.
    assert entries == [{"name": names[-1], "short": abbreviations}]
    assert [a["short"] for _, _, a in comments] == abbreviations


def test_a_heading_sum_typed_again_on_each_page_sums_its_section_once(monkeypatch):
    # "I | CẢI CÁCH THỂ CHẾ | … | 7" typed before each item, as a table typed across pages repeats it: one section,
    # whose items are added up once, not once for each time its heading is typed (pairs² amounts).
    pairs = 300
    added = [0]
    from cchc.inputs import docx_heading_rows  # where a heading's figure is checked against the items under it

    _counting(monkeypatch, docx_heading_rows, "exact_sum", added, size=lambda amounts: len(amounts))
    rows = [HEADINGS]
    for n in range(1, pairs + 1):
        rows += [["I", "CẢI CÁCH THỂ CHẾ", "", "", "", "", "7"], _item(n)]
    result = read_docx(_docx(_table(rows)), "trang.docx")
    assert [(section["numeral"], sum(len(task["items"]) for task in section["tasks"])) for section in result.data["sections"]] == [("I", pairs)]
    mismatches = [dict(p.args)["sum"] for p in result.problems if p.code == "docx.heading-sum-mismatch"]
    assert mismatches == [pairs]  # one warning for the figure typed on every page
    assert added[0] <= 12 * pairs, added[0]


@pytest.mark.parametrize("filler", [" ", "\n", " (", "1 "])
def test_a_total_cell_of_a_long_run_is_read_and_only_its_head_parsed(filler, monkeypatch):
    # "Tổng cộng: 1" then a long run a pattern could backtrack over (n² steps: minutes at 40,000): only its head is parsed.
    from cchc.inputs import docx_package, docx_rows

    monkeypatch.setattr(docx_package, "MAX_RATIO", 10**9)
    calls = [0]
    real = docx_rows.amount_in_million

    def counted(text, factor):
        calls[0] += len(text)
        return real(text, factor)

    docx_rows.amount_in_million, saved = counted, real
    try:
        for n in (2_000, 40_000):
            rows = [HEADINGS, _item(1), [("Tổng cộng: 1" + filler * n + "x", 7)]]
            result = read_docx(_docx(_table(rows)), "dai.docx")
            assert result.data["sections"][0]["tasks"][0]["items"][0]["product"] == "Sản phẩm 1"
    finally:
        docx_rows.amount_in_million = saved
    assert calls[0] <= 2_000, calls[0]  # what the amount parser is given is bounded, whatever the cell's length


def test_word_numbering_counts_on_the_abstract_list_and_restarts_only_where_asked():
    # Two w:num of one abstract list continue one sequence (a list resumed after a table); a startOverride
    # restarts it where that num first appears, and the sequence goes on from there (ECMA-376 §17.9, as Word).
    from lxml import etree

    from cchc.inputs.docx_styles import Numbering

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    root = etree.fromstring(
        f'<w:numbering xmlns:w="{w}"><w:abstractNum w:abstractNumId="50"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="101"><w:abstractNumId w:val="50"/></w:num><w:num w:numId="102"><w:abstractNumId w:val="50"/></w:num>'
        '<w:num w:numId="103"><w:abstractNumId w:val="50"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        "</w:numbering>"
    )
    numbering = Numbering(root)
    labels = [numbering.label(num, 0) for num in ("101", "101", "102", "103", "103", "101")]
    assert labels == ["I.", "II.", "III.", "I.", "II.", "III."]


def test_an_stt_column_numbered_by_word_keeps_its_numbers():
    import io

    import docx
    from docx.oxml import parse_xml

    import docx_fixtures as F
    from cchc.inputs.docx import read_docx

    data = F.small_docx([["", "Rà soát", "Sở Tư pháp", "Quý I/2026"], ["", "Kiểm tra", "Sở Tư pháp", "Quý II/2026"]],
                        headings=("STT", "Sản phẩm", "Cơ quan chủ trì", "Thời gian hoàn thành"), title="KẾ HOẠCH năm 2026")
    doc = docx.Document(io.BytesIO(data))
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering = doc.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {w} w:abstractNumId="70"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                                  '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="70"><w:abstractNumId w:val="70"/></w:num>'))
    for row in doc.tables[0].rows[1:]:
        paragraph = row.cells[0].paragraphs[0]
        paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {w}><w:ilvl w:val="0"/><w:numId w:val="70"/></w:numPr>'))
    result = read_docx(F.to_bytes(doc), "stt.docx")
    items = [item for section in result.data["sections"] for task in section["tasks"] for item in task["items"]]
    assert [(i["stt"], i["product"]) for i in items] == [("1.", "Rà soát"), ("2.", "Kiểm tra")]


def test_a_document_of_millions_of_paragraphs_is_refused_quickly():
    # 5 million empty paragraphs fit in the part's 32 MiB (stored, no compression to give them away) and took 34 s.
    import time
    import zipfile

    from cchc.inputs.docx_body import MAX_PARAGRAPHS

    data = F.package(F.body_xml("<w:p/>" * (MAX_PARAGRAPHS + 1)), compression=zipfile.ZIP_STORED)
    started = time.monotonic()
    with pytest.raises(DocxRefused) as refused:
        read_docx(data, "many.docx")
    assert refused.value.key == "docx.too-many-paragraphs" and time.monotonic() - started < 20


# ---------------------------------------------------------------- a cell merged down over every row


def test_a_long_cell_merged_down_over_every_row_is_folded_once(monkeypatch):
    # Its text was folded again for each row it covers, to tell a repeated heading row: a 78 KB .docx of 10,000 rows
    # under 200 KB of merged text took 195 s.
    from cchc.inputs import docx_table

    rows, text = 400, "dài " * 5000
    head = "<w:tr>" + "".join(f"<w:tc>{_para(h)}</w:tc>" for h in HEADINGS) + "</w:tr>"
    body = []
    for r in range(1, rows + 1):
        merged = f'<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>{_para("Nhiệm vụ " + text)}</w:tc>' if r == 1 else "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
        body.append(f"<w:tr><w:tc>{_para(str(r))}</w:tc>{merged}" + "".join(f"<w:tc>{_para(v)}</w:tc>" for v in _item(r)[2:]) + "</w:tr>")
    grid = "<w:tbl><w:tblGrid>" + '<w:gridCol w:w="1500"/>' * len(HEADINGS) + "</w:tblGrid>" + head + "".join(body) + "</w:tbl>"
    folded = [0]
    _counting(monkeypatch, docx_table, "fold", folded)
    result = read_docx(_docx(grid), "gop.docx")
    assert len([item for section in result.data["sections"] for task in section["tasks"] for item in task["items"]]) == rows
    assert folded[0] < 4 * len(text), folded[0]  # the long text once (or so), not once a row: 400 times its length


def test_an_agency_cell_or_a_document_naming_more_agencies_than_any_plan_is_refused(monkeypatch):
    # One partner cell naming 1.6 million agencies (3.8 MB) took 90 s and 3.9 GB before it was written out, valid.
    import time

    headings = ("Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành")
    many = "; ".join(f"Sở {n:07d}" for n in range(docx_agencies.MAX_CELL_NAMES + 1))
    started = time.monotonic()
    with pytest.raises(DocxRefused) as refused:
        read_docx(F.small_docx([["Việc", "Phòng Nội vụ", many, "Năm 2021"]], headings=headings), "many.docx")
    assert refused.value.key == "docx.too-many-names" and time.monotonic() - started < 10
    # At the bounds: as many as allowed is read; one more name in the document is refused.
    monkeypatch.setattr(docx_agencies, "MAX_CELL_NAMES", 3)
    monkeypatch.setattr(docx_agencies, "MAX_NAMES", 4)
    rows = [["Việc 1", "Phòng Nội vụ", "Sở A; Sở B; Sở C", "Năm 2021"]]
    result = read_docx(F.small_docx(rows, headings=headings), "ok.docx")
    assert [a["name"] for a in result.data["agencies"]] == ["Phòng Nội vụ", "Sở A", "Sở B", "Sở C"]
    for extra, key in (("Sở A; Sở B; Sở C; Sở D", "docx.too-many-names"), ("Sở D", "docx.too-many-agencies")):
        with pytest.raises(DocxRefused) as refused:
            read_docx(F.small_docx(rows + [["Việc 2", "Phòng Nội vụ", extra, "Năm 2021"]], headings=headings), "more.docx")
        assert refused.value.key == key
