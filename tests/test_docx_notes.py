"""What `cchc import` tells of a plan's "Ghi chú" column, and of a name with commas it kept whole.

A Ghi chú column goes into each item's `note`, which the printed table leaves out: the import says so, once a
table. A cell "Sở Thông tin và Truyền thông, Viettel Thái Bình" is one name (its second part is no agency's by its
form), but its first part is a name the document uses on its own: the registry's entry gets a `# đoán:` comment.
"""

from __future__ import annotations

import docx_fixtures as F
from cchc.inputs.docx import read_docx
from cchc.inputs.writer import dump_plan
from cchc.load import load_bytes
from cchc.messages import render

HEADINGS = ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Kinh phí (triệu đồng)", "Ghi chú"]


def _imported(rows: list[list]):
    doc = F.document()
    F.para(doc, "KẾ HOẠCH", bold=True, center=True)
    F.para(doc, "Cải cách hành chính năm 2022 của Sở Tư pháp", bold=True, center=True)
    F.task_table(doc, [HEADINGS, *rows], merges=[((1, 1), (1, 6))])
    result = read_docx(F.to_bytes(doc), "ghi-chu.docx")
    text = dump_plan(result.data, {path: [render(key, args) for key, args in entries] for path, entries in result.comments.items()})
    loaded = load_bytes(text.encode("utf-8"), "ghi-chu.yaml")
    assert loaded.plan is not None, loaded.problems
    return loaded.plan, result, text


ROWS = [
    ["I", "HIỆN ĐẠI HÓA HÀNH CHÍNH", None, None, None, None, None],
    ["1", "Công khai thủ tục hành chính", "Văn phòng Sở", "Sở Thông tin và Truyền thông", "Thường xuyên", "", ""],
    ["2", "Nâng cấp phần mềm hộ tịch", "Phòng Hành chính tư pháp", "Sở Thông tin và Truyền thông, Viettel Thái Bình", "Quý I/2022", "200",
     "Chuyển tiếp từ năm 2021"],
    ["3", "Số hóa sổ hộ tịch", "Phòng Hành chính tư pháp", "Sở Văn hóa, Thể thao và Du lịch", "Quý II/2022", "", "Bố trí 02 công chức"],
]


def test_a_ghi_chu_column_is_kept_in_the_notes_and_said_once_not_to_be_printed():
    plan, result, _ = _imported(ROWS)
    assert [item.note for _, _, item in plan.items()] == [None, "Chuyển tiếp từ năm 2021", "Bố trí 02 công chức"]
    said = [p for p in result.problems if p.code == "docx.note-column"]
    assert len(said) == 1 and dict(said[0].args)["heading"] == "Ghi chú" and said[0].severity == "warning"
    assert "không in trong bảng" in said[0].message("vi") and "does not print it in the table" in said[0].message("en")


def test_no_note_no_word_of_it():
    rows = [row[:6] + [""] for row in ROWS]
    _, result, _ = _imported(rows)
    assert not [p for p in result.problems if p.code == "docx.note-column"]


def test_a_name_kept_whole_with_a_part_named_alone_elsewhere_is_marked_as_a_guess():
    plan, result, text = _imported(ROWS)
    assert [item.partners for _, _, item in plan.items()] == [
        ["Sở Thông tin và Truyền thông"], ["Sở Thông tin và Truyền thông, Viettel Thái Bình"], ["Sở Văn hóa, Thể thao và Du lịch"]]
    lines = text.splitlines()
    kept = lines.index("  - name: Sở Thông tin và Truyền thông, Viettel Thái Bình")
    assert lines[kept - 1].startswith("  # đoán:") and '"Sở Thông tin và Truyền thông"' in lines[kept - 1]
    # A name none of whose parts the document names alone ("Sở Văn hóa" is nowhere) is no guess.
    whole = lines.index("  - name: Sở Văn hóa, Thể thao và Du lịch")
    assert "đoán" not in lines[whole - 1]


def test_a_departments_name_listing_its_fields_is_no_guess_beside_its_short_form():
    # "Sở Văn hóa" alone in one cell is the short form of "Sở Văn hóa, Thể thao và Du lịch", one department: the
    # comment asked the editor to split its official name.
    rows = [ROWS[0], ["1", "Số hóa di tích", "Sở Văn hóa", "Sở Văn hóa, Thể thao và Du lịch", "Quý II/2022", "", ""]]
    _, _, text = _imported(rows)
    lines = text.splitlines()
    whole = lines.index("  - name: Sở Văn hóa, Thể thao và Du lịch")
    assert "đoán" not in lines[whole - 1]


def test_a_part_named_in_a_cell_split_elsewhere_marks_a_name_kept_whole_as_a_guess():
    # "Sở Y tế" named only in "Sở Tài chính, Sở Y tế" (split in two): "Viettel Thái Bình, Sở Y tế" was kept whole with
    # no comment, and `list --agency "Sở Y tế"` missed its item.
    rows = [ROWS[0], ["1", "Công khai thủ tục hành chính", "Văn phòng Sở", "Sở Tài chính, Sở Y tế", "Thường xuyên", "", ""],
            ["2", "Nâng cấp phần mềm hộ tịch", "Phòng Hành chính tư pháp", "Viettel Thái Bình, Sở Y tế", "Quý I/2022", "", ""]]
    plan, _, text = _imported(rows)
    assert [item.partners for _, _, item in plan.items()] == [["Sở Tài chính", "Sở Y tế"], ["Viettel Thái Bình, Sở Y tế"]]
    lines = text.splitlines()
    kept = lines.index("  - name: Viettel Thái Bình, Sở Y tế")
    assert lines[kept - 1].startswith("  # đoán:") and '"Sở Y tế"' in lines[kept - 1], lines[kept - 2 : kept + 1]
