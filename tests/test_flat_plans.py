"""A plan whose table has no sections and no tasks (a district's list of tasks, as many are written in Word).

``cchc import`` puts its rows under one section "1" with no title (a guess it marks in a comment); the printed
plan has no heading row and no column for that section, nor a "Nhiệm vụ" column no task fills, as the
document had none, and the Word file comes back the same.
"""

from __future__ import annotations

import pytest
from docx import Document

from cchc.load import load_plan
from docx_fixtures import small_docx

HEADINGS = ("STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành")
ROWS = [
    ["1", "Xây dựng Kế hoạch CCHC năm 2026", "Phòng Nội vụ", "Các phòng, ban, ngành", "Tháng 01/2026"],
    ["2", "Tuyên truyền về cải cách hành chính", "Phòng Văn hóa và Thông tin", "Phòng Nội vụ", "Thường xuyên"],
    ["3", "Kiểm tra công tác CCHC tại các xã, thị trấn", "Phòng Nội vụ", "Phòng Tư pháp", "Quý II/2026"],
    ["4", "Rà soát thủ tục hành chính", "Phòng Tư pháp", "", "Trước 30/6"],
]


@pytest.fixture
def flat(run, tmp_path):
    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(small_docx(ROWS, headings=HEADINGS, title="KẾ HOẠCH Cải cách hành chính năm 2026 của Phòng Nội vụ"))
    result = run("import", source, "-o", tmp_path / "ke-hoach.yaml")
    assert result.exit_code == 0, result
    plan = load_plan(tmp_path / "ke-hoach.yaml").plan
    assert [(s.numeral, s.title, [(t.number, t.title) for t in s.tasks]) for s in plan.sections] == [("1", None, [(None, None)])]
    return tmp_path / "ke-hoach.yaml", plan


def table_texts(path) -> list[list[str]]:
    (table,) = [t for t in Document(str(path)).tables if t.rows[0].cells[0].text == "STT"]
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_word_file_has_the_documents_columns_and_comes_back_the_same(run, flat, tmp_path):
    path, plan = flat
    out = tmp_path / "ra.docx"
    assert run("render", "--plan", path, "-o", out).exit_code == 0
    rows = table_texts(out)
    assert rows[0] == ["STT", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
    assert [row[:2] for row in rows[1:]] == [[r[0], r[1]] for r in ROWS]
    again = run("import", out, "-o", tmp_path / "lai.yaml")
    assert again.exit_code == 0, again
    back = load_plan(tmp_path / "lai.yaml").plan
    assert [(s.numeral, s.title) for s in back.sections] == [("1", None)]
    assert [(i.stt, i.product, i.lead, i.partners, i.deadline) for _, _, i in back.items()] == [
        (i.stt, i.product, i.lead, i.partners, i.deadline) for _, _, i in plan.items()
    ]


def test_html_and_markdown_print_no_heading_for_the_section_cchc_numbered(run, flat):
    path, _ = flat
    page = run("render", "--plan", path, "-f", "html").stdout
    assert 'class="section-heading"' not in page and "Xây dựng Kế hoạch CCHC năm 2026" in page
    text = run("render", "--plan", path, "-f", "md").stdout
    assert "## 1" not in text and "Cộng mục" not in text and "| Xây dựng Kế hoạch CCHC năm 2026 |" in text.replace("  ", " ")
    # With amounts and no declared total, their sum is still printed, under no section's name.
    money = path.parent / "tien.yaml"
    money.write_text(path.read_text(encoding="utf-8").replace("deadline: Tháng 01/2026", "deadline: Tháng 01/2026\n            budget: 71"), encoding="utf-8")
    text = run("render", "--plan", money, "-f", "md").stdout
    assert "\nCộng: 71 triệu đồng\n" in text and "Cộng mục" not in text


def test_a_section_with_a_title_or_a_label_of_its_own_keeps_its_heading(run, flat, tmp_path):
    path, _ = flat
    text = path.read_text(encoding="utf-8")
    for numeral, title, heading in (("1", "Công tác chỉ đạo", "1. Công tác chỉ đạo"), ("II", None, "II")):
        edited = text.replace('  - numeral: "1"\n', f'  - numeral: "{numeral}"\n' + (f"    title: {title}\n" if title else ""), 1)
        other = tmp_path / f"{numeral}.yaml"
        other.write_text(edited, encoding="utf-8")
        page = run("render", "--plan", other, "-f", "html").stdout
        assert f'<tr class="section-heading"><td colspan="5">{heading}</td></tr>' in page, numeral
        out = tmp_path / f"{numeral}.docx"
        assert run("render", "--plan", other, "-o", out).exit_code == 0
        assert table_texts(out)[0][:2] == ["STT", "Nội dung"] and table_texts(out)[1][1] == heading


def test_the_pdf_prints_no_row_for_the_section_cchc_numbered(run, flat, tmp_path):
    from test_print import read_pdf

    path, _ = flat
    out = tmp_path / "ra.pdf"
    assert run("render", "--plan", path, "-o", out).exit_code == 0
    printed = read_pdf(out)
    body = [line for page in printed.pages for line in page.body]
    assert not [line for line in body if line.text.strip() == "1" and line.bold], "a heading row '1' is printed"
    assert any(line.text.startswith("Xây dựng Kế hoạch CCHC") for line in body)


def test_cchcs_own_drawn_pages_print_no_row_for_it_either(run, flat, tmp_path):
    # Over 500 items cchc draws the table's pages itself, with the same headings as WeasyPrint.
    import copy

    import yaml
    from test_print import read_pdf, squeeze

    path, _ = flat
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    (task,) = data["sections"][0]["tasks"]
    task["items"] = [{**copy.deepcopy(task["items"][0]), "id": f"1-{k}", "stt": str(k)} for k in range(1, 601)]  # no YAML alias
    big = tmp_path / "lon.yaml"
    big.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert len(load_plan(big).plan.sections[0].tasks[0].items) == 600
    out = tmp_path / "lon.pdf"
    assert run("render", "--plan", big, "-o", out).exit_code == 0
    printed = read_pdf(out)
    body = [line for page in printed.pages for line in page.body]
    assert not [line for line in body if line.text.strip() == "1" and line.bold], "a heading row '1' is drawn"
    assert squeeze(printed.text).count(squeeze("Xây dựng Kế hoạch CCHC năm 2026")) == 600
