"""Agency cells as the source writes them (``lead_cell``, ``partners_cell``): printed word for word, checked
against the names that queries use (``cell-names``)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from cchc.checks import cell_names
from cchc.load import load_plan
from cchc.outputs.html import render_plan
from cchc.outputs.view import build_view

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests" / "data" / "source" / "3669-QD-UBND-2020.txt"
#: Its agency cells run over a page break in the source, the two halves joined in the plan (its note says so).
SPLIT_IN_THE_SOURCE = {"III-4"}


@pytest.fixture(scope="module")
def plan():
    loaded = load_plan(ROOT / "plans" / "2021.yaml")
    assert loaded.plan is not None
    return loaded.plan


def test_every_agency_cell_of_the_2021_plan_prints_as_the_source_writes_it(plan):
    # The names were joined by "; " where the decision writes "Các sở, ban, ngành, Ủy ban nhân dân huyện, thành phố"
    # and "… các đơn vị sự nghiệp công lập." with its full stop.
    source_cells = {cell.strip() for line in SOURCE.read_text("utf-8").splitlines() for cell in line.split("\t")}
    printed = [(r.item_id, cell) for s in build_view(plan).sections for r in s.rows for cell in (r.lead, r.partners) if cell]
    assert len(printed) > 60
    assert [(item, cell) for item, cell in printed if cell not in source_cells and item not in SPLIT_IN_THE_SOURCE] == []
    assert ("III-2", "Sở, ban, ngành, UBND huyện, thành phố; các đơn vị sự nghiệp công lập.") in printed


def test_every_agency_cell_of_the_2021_plan_prints_as_its_own_row_of_the_source_writes_it(plan):
    # The check above took any cell of the source: VI-5's "Các sở, ban, ngành, UBND các huyện, thành phố" printed as
    # "…; UBND …", a form another row writes. Row by row, found by the product cell.
    rows = [line.split("\t") for line in SOURCE.read_text("utf-8").splitlines()]
    compared = 0
    for section in build_view(plan).sections:
        for row in section.rows:
            found = [cells for cells in rows if row.product in cells and row.item_id not in SPLIT_IN_THE_SOURCE]
            if len(found) != 1:
                continue  # a product over several lines of the source text, or written twice
            cells = found[0][found[0].index(row.product) + 1 :]
            assert (row.lead, row.partners) == (cells[0].strip(), cells[1].strip()), row.item_id
            compared += 1
    assert compared >= 30


def test_the_cells_reach_html_markdown_and_word(plan):
    import docx

    from cchc.outputs.docx import render_docx

    cell = "Sở Thông tin và Truyền thông, Đài Phát thanh và Truyền hình, Báo Thái Bình"
    assert f"<td>{cell}</td>" in render_plan(plan, "html")
    assert f"| {cell} |" in render_plan(plan, "md")
    document = docx.Document(io.BytesIO(render_docx(build_view(plan))))
    texts = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert cell in texts and "Sở Thông tin và Truyền thông; Đài Phát thanh và Truyền hình; Báo Thái Bình" not in texts


@pytest.mark.parametrize("cell, names, agree", [
    ("Sở A, Sở B.", ["Sở A", "Sở B"], True),
    ("Sở A;Sở B;", ["Sở A", "Sở B"], True),
    ("- Sở A\n- Sở B", ["Sở A", "Sở B"], True),  # a line each behind a dash
    ("Sở A và Sở B", ["Sở A", "Sở B"], False),  # an import reads one name: "và" joins words of names too
    ("Văn phòng UBND tỉnh", ["Văn phòng", "UBND tỉnh"], False),  # a space alone: it prints one agency
    ("sở a, Sở B", ["Sở A", "Sở B"], False),  # word for word
    ("-", [], False),  # no name, a dash printed
    ("Sở A, UBND huyện, thành phố", ["Sở A", "UBND huyện, thành phố"], True),
    ("Sở B, Sở A", ["Sở A", "Sở B"], False),  # another order
    ("Sở A", ["Sở B"], False),  # another agency
    ("Sở A, Sở B, Sở C", ["Sở A", "Sở B"], False),  # a name the list does not hold
    ("Sở A, Sở Bx", ["Sở A", "Sở B"], False),
    ("Sở AB", ["Sở A", "B"], False),  # names run together
    ("Sở Hạ", ["Sở Hà"], False),  # marks count
    ("Sở A", [], False),
])
def test_a_cell_agrees_with_its_names_only_when_it_is_them_in_order(cell, names, agree):
    assert cell_names(cell, names) is agree


def test_a_cell_that_names_other_agencies_than_its_list_is_an_error(run, tmp_path):
    # The printed plan would say one agency leads and the queries another.
    path = tmp_path / "plan.yaml"
    path.write_text(
        "plan: {title: T, year: 2021}\nagencies: [{name: Sở A}, {name: Sở B}]\n"
        "sections: [{numeral: I, title: M, tasks: [{items: [\n"
        "  {id: A-1, product: x, lead: [Sở A], lead_cell: Sở A., partners: [Sở B], partners_cell: Sở A, deadline: Tháng 6/2021}]}]}]\n",
        encoding="utf-8")
    for lang, said in (("en", "the partners cell as written"), ("vi", "ô cơ quan phối hợp ghi")):
        result = run("validate", path, "-f", "json", "--lang", lang)
        assert result.exit_code == 1
        [found] = json.loads(result.stdout)["diagnostics"]
        assert (found["code"], found["line"], found["column"]) == ("cell-names", 4, 90) and said in found["message"]
    assert run("list", "--plan", path).exit_code == 1  # an error stops the queries


def test_import_keeps_a_cell_as_the_word_document_writes_it(run, tmp_path, plan):
    # A Word plan's "Sở A, Sở B" became the list [Sở A, Sở B], printed back "Sở A; Sở B".
    from cchc.outputs.docx import render_docx

    document = tmp_path / "plan.docx"
    document.write_bytes(render_docx(build_view(plan)))
    assert run("import", document, "-o", tmp_path / "plan.yaml").exit_code == 0
    imported = load_plan(tmp_path / "plan.yaml")
    assert imported.plan is not None and not imported.errors
    items = {item.id: item for _, _, item in imported.plan.items()}
    assert items["VII-3"].lead == ["Sở Thông tin và Truyền thông", "Đài Phát thanh và Truyền hình", "Báo Thái Bình"]
    assert items["VII-3"].lead_cell == "Sở Thông tin và Truyền thông, Đài Phát thanh và Truyền hình, Báo Thái Bình"
    assert items["III-2"].partners_cell == "Sở, ban, ngành, UBND huyện, thành phố; các đơn vị sự nghiệp công lập."
    assert len(items["VII-3"].partners) == 2 and items["VII-3"].partners_cell is None  # one name a line, as Word prints a list
    assert items["I-1"].lead_cell is None  # one name


def _with_custom_properties(data: bytes, xml: str) -> bytes:
    """The .docx *data* with its docProps/custom.xml replaced by *xml*."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, xml.encode("utf-8") if info.filename == "docProps/custom.xml" else source.read(info.filename))
    return out.getvalue()


def _properties(*values: str) -> str:
    props = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{k + 2}" name="cchc-agencies-{k + 1}"><vt:lpwstr>{v}</vt:lpwstr></property>'
        for k, v in enumerate(values))
    return ('<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            f'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{props}</Properties>')


def test_the_word_file_lists_the_registry_in_properties_word_shows_whole(plan):
    import zipfile

    from lxml import etree

    from cchc.outputs.docx import render_docx

    with zipfile.ZipFile(io.BytesIO(render_docx(build_view(plan)))) as package:
        root = etree.fromstring(package.read("docProps/custom.xml"))
        assert "docProps/custom.xml" in package.read("_rels/.rels").decode()
    values = ["".join(p.itertext()) for p in root]
    assert values and all(len(v) <= 255 for v in values)  # Word shows no more of a text property
    names = [n for v in values for n in v.split("\n")]
    assert names == [n for agency in plan.agencies for n in dict.fromkeys((agency.name, *agency.short))]


def test_only_the_listed_names_split_a_cell_and_their_count_is_bounded(tmp_path, plan):
    # The list is a document's own word on its names: without it a comma between unknown parts keeps the cell whole.
    from cchc.inputs.docx import read_docx
    from cchc.inputs.docx_package import MAX_AGENCY_NAMES
    from cchc.outputs.docx import render_docx

    data = render_docx(build_view(plan))

    def vi3(document: bytes) -> list[str]:
        sections = read_docx(document, "plan.docx").data["sections"]
        return next(i for s in sections for t in s["tasks"] for i in t["items"] if i["id"] == "VI-3")["partners"]

    assert vi3(data) == ["Các cơ quan nhà nước thuộc tỉnh", "đơn vị tư vấn"]
    assert vi3(_with_custom_properties(data, _properties("Sở Nội vụ"))) == ["Các cơ quan nhà nước thuộc tỉnh, đơn vị tư vấn"]
    flood = "\n".join(f"Cơ quan {k}" for k in range(3 * MAX_AGENCY_NAMES)) + "\nđơn vị tư vấn\nCác cơ quan nhà nước thuộc tỉnh"
    assert vi3(_with_custom_properties(data, _properties(flood))) == ["Các cơ quan nhà nước thuộc tỉnh, đơn vị tư vấn"]  # past the bound


def test_every_cell_validate_accepts_comes_back_from_word_as_its_names(run, tmp_path):
    # "Sở A và Sở B" passed cell-names and came back from Word as one agency, "Sở A và Sở B".
    cells = ["Sở A, Sở B.", "Sở A; Sở B", "- Sở A\n- Sở B", "Sở A,Sở B;", "Sở A\nSở B", "- Sở A;\n- Sở B.", "Sở A,\nSở B", "Sở A, Sở B,"]
    items = "".join(
        f"  {{id: A-{k}, product: x, lead: [Sở A, Sở B], lead_cell: {json.dumps(cell, ensure_ascii=False)}, deadline: Tháng 6/2021}},\n"
        for k, cell in enumerate(cells))
    path = tmp_path / "plan.yaml"
    path.write_text("plan: {title: KẾ HOẠCH Cải cách hành chính năm 2021, year: 2021}\nagencies: [{name: Sở A}, {name: Sở B}]\n"
                    f"sections: [{{numeral: I, title: M, tasks: [{{items: [\n{items}]}}]}}]\n", encoding="utf-8")
    assert run("validate", "--strict", path).exit_code == 0
    assert run("render", "--plan", path, "-f", "docx", "-o", tmp_path / "plan.docx").exit_code == 0
    assert run("import", tmp_path / "plan.docx", "-o", tmp_path / "back.yaml").exit_code == 0
    back = load_plan(tmp_path / "back.yaml").plan
    assert [(i.lead, i.lead_cell is None or cell_names(i.lead_cell, i.lead)) for _, _, i in back.items()] == [(["Sở A", "Sở B"], True)] * len(cells)


def test_a_word_file_with_broken_properties_is_still_read(tmp_path, plan):
    # The properties are metadata: a part that is not XML was a refusal of the whole document (exit 2).
    from cchc.inputs.docx import read_docx
    from cchc.outputs.docx import render_docx

    data = render_docx(build_view(plan))
    for broken in ("<Properties", "", "\ufeff<?xml?>", '<!DOCTYPE x [<!ENTITY a "b">]><Properties/>'):
        assert read_docx(_with_custom_properties(data, broken), "plan.docx").data["sections"]


def test_word_counts_a_propertys_length_in_utf16_units():
    import docx

    from cchc.outputs.docx import agency_names

    document = docx.Document()
    agency_names(document, ["𝐀" * 100, "Sở B" * 40, "𝐁" * 200])  # 200, 160 and 400 units
    part = next(rel.target_part for rel in document.part.package.rels.values() if rel.reltype.endswith("/custom-properties"))
    from lxml import etree

    values = ["".join(p.itertext()) for p in etree.fromstring(part.blob)]
    assert values == ["𝐀" * 100, "Sở B" * 40]  # one a property, each within 255 units; the longer one left out


def test_the_2021_table_is_headed_as_the_decision_heads_it(plan):
    # "Cơ quan chủ trì tham mưu hoặc thực hiện" printed as "Cơ quan chủ trì" in every format.
    import docx

    from cchc.outputs.docx import render_docx

    source_heads = SOURCE.read_text("utf-8").split("Nội dung\tNhiệm vụ\tSản phẩm\t", 1)[1].splitlines()[0].split("\t")
    assert source_heads[0] == "Cơ quan chủ trì tham mưu hoặc thực hiện"
    assert "<th>" + "</th><th>".join(source_heads) + "</th>" in render_plan(plan, "html")  # lead to budget, as the source
    document = docx.Document(io.BytesIO(render_docx(build_view(plan))))
    table = next(t for t in document.tables if "Sản phẩm" in [c.text for c in t.rows[0].cells])
    assert [c.text for c in table.rows[0].cells][-4:] == source_heads


@pytest.mark.parametrize("heading, code", [
    ("Kinh phí (triệu đồng)", None), ("Kinh phí (đồng)", "heading-unit"), ("Dự toán", "heading-unit"),
    # A word or figure that scales the million, or another currency: each passed, its amounts read a thousand times over.
    ("Kinh phí (ngàn triệu đồng)", "heading-unit"), ("Kinh phí (trăm triệu đồng)", "heading-unit"), ("Kinh phí (10 triệu đồng)", "heading-unit"),
    ("Kinh phí (Đơn vị: 1.000 triệu đồng)", "heading-unit"), ("Kinh phí (triệu đồng x 1.000)", "heading-unit"), ("Kinh phí (triệu USD)", "heading-unit"),
    ("Kinh phí năm 2021 (triệu đồng)", None), ("Số tiền (triệu đồng)", None),
    ("Kinh phí (ĐVT: 1 triệu đồng)", None), ("Kinh phí năm 2026, triệu đồng", None),  # a review: both were refused
    ("Kinh phí (đơn vị: 01 triệu đồng)", None), ("Kinh phí 2025, 2026 triệu đồng", None),
])
def test_a_budget_heading_of_the_plans_own_must_say_million_vnd(run, tmp_path, heading, code):
    # Every amount of a plan file is in million VND: "Kinh phí (đồng)" would print 10 for ten million under đồng.
    path = tmp_path / "plan.yaml"
    path.write_text(f"plan: {{title: T, year: 2021, headings: {{budget: {json.dumps(heading, ensure_ascii=False)}}}}}\nagencies: [{{name: Sở A}}]\n"
                    "sections: [{numeral: I, title: M, tasks: [{items: [{id: A-1, product: x, lead: [Sở A], deadline: Tháng 6/2021, budget: 10}]}]}]\n",
                    encoding="utf-8")
    found = json.loads(run("validate", path, "-f", "json").stdout)["diagnostics"]
    assert [d["code"] for d in found] == ([code] if code else [])


def test_import_keeps_a_tables_own_headings_and_not_cchcs(run, tmp_path, plan):
    from cchc.outputs.docx import render_docx

    minimal = load_plan(ROOT / "tests" / "data" / "valid" / "minimal.yaml").plan
    for name, source, lead in (("2021", plan, "Cơ quan chủ trì tham mưu hoặc thực hiện"), ("minimal", minimal, None)):
        (tmp_path / f"{name}.docx").write_bytes(render_docx(build_view(source)))
        assert run("import", tmp_path / f"{name}.docx", "-o", tmp_path / f"{name}.yaml").exit_code == 0
        back = load_plan(tmp_path / f"{name}.yaml").plan
        assert (back.plan.headings.lead if back.plan.headings else None) == lead, name


@pytest.mark.parametrize("headings, code", [
    ({"lead": "Cơ quan tham mưu"}, "heading-role"),  # the import would lose the lead column
    ({"deadline": "Kinh phí"}, "heading-role"),  # … or read the deadlines as amounts
    ({"partners": "  "}, "heading-role"),
    ({"deadline": "Thời gian bắt đầu"}, "heading-role"),  # printed over the deadlines, it calls them starts
    ({"deadline": "Thời gian bắt đầu, hoàn thành", "lead": "Cán bộ phụ trách"}, None), ({"deadline": "Thời gian (bắt đầu/xong)"}, None),
    ({"lead": "Đơn vị chủ trì", "deadline": "Thời hạn hoàn thành", "budget": "Kinh phí (tr.đ)"}, None),
])
def test_a_heading_of_the_plans_own_must_read_back_as_its_column(run, tmp_path, headings, code):
    # A heading the import reads as no column, or another, passed validate; its Word file came back without it.
    path = tmp_path / "plan.yaml"
    path.write_text(f"plan: {{title: KẾ HOẠCH năm 2021, year: 2021, headings: {json.dumps(headings, ensure_ascii=False)}}}\n"
                    "agencies: [{name: Sở A}]\nsections: [{numeral: I, title: M, tasks: [{items: [\n"
                    "  {id: A-1, product: x, lead: [Sở A], deadline: Tháng 6/2021, budget: 10}]}]}]\n", encoding="utf-8")
    found = json.loads(run("validate", path, "-f", "json").stdout)["diagnostics"]
    assert [d["code"] for d in found] == ([code] if code else [])
    if code is None:  # and the Word file comes back with its columns and headings
        assert run("render", "--plan", path, "-f", "docx", "-o", tmp_path / "plan.docx").exit_code == 0
        assert run("import", tmp_path / "plan.docx", "-o", tmp_path / "back.yaml").exit_code == 0
        back = load_plan(tmp_path / "back.yaml").plan
        item = back.sections[0].tasks[0].items[0]
        assert (item.lead, item.deadline, item.budget) == (["Sở A"], "Tháng 6/2021", 10)
        assert {k: v for k, v in vars(back.plan.headings).items() if v} == headings
