"""`cchc import` of task tables laid out in rows: sections and tasks as rows across the table, subtotals, cchc's own extracts.

Each test imports a Word document and asks the imported plan questions, as a
user would: `cchc validate`, `cchc list --format json`, `cchc budget --format json`.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import docx_fixtures as F
from cchc.inputs.docx import read_docx
from cchc.inputs.writer import dump_plan
from cchc.load import load_bytes
from conftest import PLAN


@pytest.fixture(autouse=True)
def _command_tree():
    from cchc.cli import command

    command.cache_clear()
    yield
    command.cache_clear()


def imported(data: bytes):
    result = read_docx(data, "test.docx")
    loaded = load_bytes(dump_plan(result.data).encode("utf-8"), "test.yaml")
    assert loaded.plan is not None, loaded.problems
    return loaded.plan, result


def codes(result) -> list[tuple[str, dict]]:
    return [(p.code, dict(p.args)) for p in result.problems]


def import_and_ask(run, tmp_path, data: bytes, *import_args):
    """Import *data* with the CLI; (import result, list --format json, budget --format json) of the plan written."""
    source, out = tmp_path / "ke-hoach.docx", tmp_path / "ke-hoach.yaml"
    source.write_bytes(data)
    result = run("import", source, "-o", out, *import_args)
    assert result.exit_code == 0, result
    validate = run("validate", out)
    assert validate.exit_code == 0, validate
    listed = run("list", "--plan", out, "--format", "json")
    budget = run("budget", "--plan", out, "--format", "json")
    assert listed.exit_code == 0 and budget.exit_code == 0, (listed, budget)
    return result, json.loads(listed.stdout), json.loads(budget.stdout)


# ---------------------------------------------------------------- sections and tasks as rows


@pytest.mark.parametrize("task_in_stt", [False, True], ids=["task-row-across", "number-in-stt"])
def test_tasks_as_rows_under_section_rows_are_tasks_not_sections(task_in_stt):
    plan, result = imported(F.task_rows_docx(task_in_stt=task_in_stt, subtotals=False))
    assert F.rows(plan) == F.EXPECTED_TASK_ROWS
    assert result.problems == []
    assert [a.name for a in plan.agencies] == ["Sở Tài chính", "Sở Tư pháp", "Văn phòng UBND tỉnh"]
    assert (plan.plan.total_million_vnd, plan.plan.total_in_words) == (Decimal("22.5"), "Hai mươi hai triệu năm trăm nghìn đồng")


@pytest.mark.parametrize("task_in_stt", [False, True], ids=["task-row-across", "number-in-stt"])
def test_the_imported_row_layout_answers_list_and_budget(run, tmp_path, task_in_stt):
    result, listed, budget = import_and_ask(run, tmp_path, F.task_rows_docx(task_in_stt=task_in_stt, subtotals=False))
    assert "cảnh báo" not in result.stderr
    assert [(i["id"], i["section"], i["task"], i["product"], i["lead"], i["deadline"]["text"]) for i in listed] == [
        ("I-1", "I", "1. Xây dựng văn bản quy phạm pháp luật", "Nghị quyết về phí", ["Sở Tài chính"], "Quý II/2022"),
        ("I-2", "I", "2. Kiểm tra văn bản", "Báo cáo kiểm tra", ["Sở Tư pháp"], "Năm 2022"),
        ("I-3", "I", "2. Kiểm tra văn bản", "Danh mục văn bản", ["Sở Tư pháp"], "Năm 2022"),
        ("II-1", "II", "1. Rà soát thủ tục hành chính", "Báo cáo rà soát", ["Văn phòng UBND tỉnh"], "Quý III/2022"),
    ]
    assert (budget["declared_million_vnd"], budget["itemized_million_vnd"], budget["difference_million_vnd"]) == (22.5, 22.5, 0)
    assert [(s["section"], s["million_vnd"]) for s in budget["sections"]] == [("I", 15), ("II", 7.5)]


def test_an_unnumbered_task_row_under_a_numbered_section_is_a_task():
    data = F.small_docx(
        [["I. CẢI CÁCH THỂ CHẾ", None, None, None], ["Rà soát văn bản", None, None, None], ["Báo cáo rà soát", "Sở Tư pháp", "Sở Nội vụ", "Quý I/2026"],
         ["II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", None, None, None], ["Niêm yết", "Văn phòng Sở", "", "Thường xuyên"]],
        headings=("Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"),
        merges=[((1, 0), (1, 3)), ((2, 0), (2, 3)), ((4, 0), (4, 3))],
    )
    plan, result = imported(data)
    assert F.rows(plan) == [
        ("I", "CẢI CÁCH THỂ CHẾ", None, "Rà soát văn bản", None, "Báo cáo rà soát", ("Sở Tư pháp",), ("Sở Nội vụ",), "Quý I/2026", None),
        ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", None, None, None, "Niêm yết", ("Văn phòng Sở",), (), "Thường xuyên", None),
    ]
    assert result.problems == []


@pytest.mark.parametrize(
    "headings",
    [
        ("TT", "Cơ quan chủ trì", "Nội dung công việc", "Cơ quan phối hợp", "Thời gian hoàn thành"),
        ("TT", "Thời gian hoàn thành", "Nhiệm vụ", "Cơ quan phối hợp", "Cơ quan chủ trì"),
        ("TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"),
    ],
    ids=["lead-second", "deadline-second", "usual"],
)
def test_a_heading_merged_across_is_a_section_whatever_column_comes_second(headings):
    # "II | CẢI CÁCH THỦ TỤC HÀNH CHÍNH": the title's cell starts in the lead's or the deadline's column.
    def row(stt, product):
        values = {"TT": stt, "Cơ quan chủ trì": "Văn phòng UBND tỉnh", "Cơ quan phối hợp": "Các sở, ban, ngành", "Thời gian hoàn thành": "Hằng quý"}
        return [values.get(h, product) for h in headings]

    data = F.small_docx(
        [["I", "CẢI CÁCH THỂ CHẾ", None, None, None], row("1", "Việc B"), ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", None, None, None], row("2", "Việc C")],
        headings=headings,
        merges=[((1, 1), (1, 4)), ((3, 1), (3, 4))],
    )
    plan, result = imported(data)
    assert [(s.numeral, s.title) for s in plan.sections] == [("I", "CẢI CÁCH THỂ CHẾ"), ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH")]
    assert [(i.product, i.lead, i.deadline) for _, _, i in plan.items()] == [
        ("Việc B", ["Văn phòng UBND tỉnh"], "Hằng quý"), ("Việc C", ["Văn phòng UBND tỉnh"], "Hằng quý")]
    assert [a.name for a in plan.agencies if "CẢI CÁCH" in a.name] == []


def test_a_cell_merged_across_data_columns_is_its_first_column_s_only():
    # The lead merged across Cơ quan phối hợp is no partner of its own item; "Theo kế hoạch" merged across
    # Thời gian and Kinh phí is a deadline, not also a budget note.
    data = F.small_docx(
        [["Báo cáo rà soát", "Phòng Nội vụ", None, "Theo kế hoạch", None], ["Niêm yết", "Văn phòng", "Phòng Nội vụ", "Quý I/2026", "5"]],
        headings=("Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Kinh phí (triệu đồng)"),
        merges=[((1, 1), (1, 2)), ((1, 3), (1, 4))],
    )
    plan, result = imported(data)
    assert [(i.product, i.lead, i.partners, i.deadline, i.budget) for _, _, i in plan.items()] == [
        ("Báo cáo rà soát", ["Phòng Nội vụ"], [], "Theo kế hoạch", None), ("Niêm yết", ["Văn phòng"], ["Phòng Nội vụ"], "Quý I/2026", 5)]
    # Which column a merged cell's text went to is a guess: the YAML says so where the text went, naming the other column.
    item = ("sections", 0, "tasks", 0, "items", 0)
    spans = {path[-1]: args for path, entries in result.comments.items() for key, args in entries if key == "docx.comment.spans"}
    assert spans == {"lead": {"other": "Cơ quan phối hợp"}, "deadline": {"other": "Kinh phí (triệu đồng)"}}
    assert all(path[:6] == item for path, entries in result.comments.items() for key, _ in entries if key == "docx.comment.spans")


@pytest.mark.parametrize(
    "row, expected",
    [
        (["Tổ chức hội nghị", None, "Phòng Nội vụ", "Tháng 12/2021", "5"], ([], ["Phòng Nội vụ"], "Tháng 12/2021", 5)),
        (["Tổ chức hội nghị", None, None, "Tháng 12/2021", "5"], ([], [], "Tháng 12/2021", 5)),
        (["Tổ chức hội nghị", None, None, None, "5"], ([], [], "", 5)),
    ],
    ids=["lead", "lead-partners", "to-deadline"],
)
def test_a_product_merged_across_the_data_columns_gives_them_nothing(row, expected):
    # "Tổ chức hội nghị" merged over Cơ quan chủ trì was read as the item's lead, and a new agency of the registry;
    # merged further, as its partners and deadline too: an agency and a deadline the document does not name.
    across = row.count(None)
    data = F.small_docx(
        [["Rà soát văn bản", "Phòng Tư pháp", "", "Quý I/2021", "10"], row],
        headings=("Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Kinh phí (triệu đồng)"),
        merges=[((2, 0), (2, across))],
    )
    plan, result = imported(data)
    items = [(i.product, i.lead, i.partners, i.deadline, i.budget) for _, _, i in plan.items()]
    assert items == [("Rà soát văn bản", ["Phòng Tư pháp"], [], "Quý I/2021", 10), ("Tổ chức hội nghị", *expected)]
    assert "Tổ chức hội nghị" not in [a.name for a in plan.agencies]
    # The YAML says where the text was taken: for its own column only.
    spans = {path[-1] for path, entries in result.comments.items() for key, _ in entries if key == "docx.comment.spans"}
    assert spans == {"product"}, result.comments


def test_a_cell_merged_over_a_column_that_takes_its_text_too_is_not_said_to_be_one_column_s_only():
    # Thời gian merged over Kinh phí and Ghi chú: the note takes "Cả năm" too (commented), so the deadline's comment
    # "its text is taken for this column only" was false.
    data = F.small_docx(
        [["Báo cáo", "Phòng Nội vụ", "Cả năm", None, None]],
        headings=("Sản phẩm", "Cơ quan chủ trì", "Thời gian hoàn thành", "Kinh phí (triệu đồng)", "Ghi chú"),
        merges=[((1, 2), (1, 4))],
    )
    plan, result = imported(data)
    (item,) = [i for _, _, i in plan.items()]
    assert (item.deadline, item.budget, item.note) == ("Cả năm", None, "Cả năm")
    said = {path[-1]: key for path, entries in result.comments.items() for key, _ in entries if key.startswith("docx.comment.")}
    assert said == {"note": "docx.comment.across"}


def test_a_cell_under_a_heading_spanning_two_columns_is_said_not_lost():
    # "Cơ quan chủ trì" over two columns and no sub-heading: "Sở Tư pháp", alone in the second, was left out in silence.
    data = F.small_docx(
        [["Việc A", "Sở Nội vụ", None, "Quý I/2026"], ["Việc B", "Sở Nội vụ", "Sở Tư pháp", "Quý II/2026"], ["Việc C", "", "", "Quý III/2026"]],
        headings=("Sản phẩm", "Cơ quan chủ trì", None, "Thời gian hoàn thành"),
        merges=[((0, 1), (0, 2)), ((1, 1), (1, 2))],
    )
    plan, result = imported(data)
    assert [(i.product, i.lead, i.deadline) for _, _, i in plan.items()] == [
        ("Việc A", ["Sở Nội vụ"], "Quý I/2026"), ("Việc B", ["Sở Nội vụ"], "Quý II/2026"), ("Việc C", [], "Quý III/2026")]
    assert [args for code, args in codes(result) if code == "docx.unplaced-cell"] == [{"table": 1, "row": 3, "column": 3, "text": "Sở Tư pháp"}]


def test_a_row_that_reads_as_the_rest_of_the_product_above_is_kept_and_commented():
    data = F.small_docx(
        [["Báo cáo thực hiện Nghị định", "Phòng Nội vụ", "", "Quý I/2026"], ["số 107/2020/NĐ-CP của Chính phủ", "", "", ""],
         ["Niêm yết", "Văn phòng", "", "Quý II/2026"], ["Rà soát", "", "", ""]],
        headings=("Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"),
    )
    plan, result = imported(data)
    assert [i.product for _, _, i in plan.items()] == ["Báo cáo thực hiện Nghị định", "số 107/2020/NĐ-CP của Chính phủ", "Niêm yết", "Rà soát"]
    guessed = [path for path, entries in result.comments.items() if ("docx.guess.continued", {}) in entries]
    assert guessed == [("sections", 0, "tasks", 0, "items", 1, "product")]  # "Rà soát" starts in capitals: an item


def test_rows_numbered_alike_stay_sections():
    data = F.small_docx(
        [["1. Cải cách thể chế", None, None, None], ["Báo cáo rà soát", "Sở Tư pháp", "", "Quý I/2026"],
         ["2. Cải cách thủ tục hành chính", None, None, None], ["Niêm yết", "Văn phòng Sở", "", "Thường xuyên"]],
        headings=("Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"),
        merges=[((1, 0), (1, 3)), ((3, 0), (3, 3))],
    )
    plan, _ = imported(data)
    assert [(s.numeral, s.title, [t.number for t in s.tasks]) for s in plan.sections] == [
        ("1", "Cải cách thể chế", [None]), ("2", "Cải cách thủ tục hành chính", [None])]


# ---------------------------------------------------------------- subtotals


@pytest.mark.parametrize("task_in_stt", [False, True], ids=["task-row-across", "number-in-stt"])
def test_subtotal_rows_that_agree_are_not_items_nor_counted(run, tmp_path, task_in_stt):
    plan, result = imported(F.task_rows_docx(task_in_stt=task_in_stt))
    assert F.rows(plan) == F.EXPECTED_TASK_ROWS
    assert result.problems == []
    assert "Cộng mục I" not in [a.name for a in plan.agencies]
    cli, listed, budget = import_and_ask(run, tmp_path, F.task_rows_docx(task_in_stt=task_in_stt))
    assert "cảnh báo" not in cli.stderr and "Cộng" not in json.dumps(listed, ensure_ascii=False)
    assert (budget["declared_million_vnd"], budget["itemized_million_vnd"], budget["difference_million_vnd"]) == (22.5, 22.5, 0)


def test_a_subtotal_in_thousands_is_told_in_millions_beside_the_sum_at_its_amounts_cell(run, tmp_path):
    data = F.small_docx([
        ["I", "CẢI CÁCH THỂ CHẾ", "", "", ""],
        ["1", "Rà soát văn bản", "Báo cáo", "Phòng Tư pháp", "12.500"],
        ["2", "Kiểm tra văn bản", "Báo cáo kiểm tra", "Phòng Tư pháp", "7.500"],
        ["", "Cộng mục I", "", "", "25.000"],
    ], headings=("TT", "Nhiệm vụ", "Sản phẩm", "Chủ trì", "Kinh phí (nghìn đồng)"))
    plan, result = imported(data)
    assert [i.budget for _, _, i in plan.items()] == [Decimal("12.5"), Decimal("7.5")]
    assert codes(result) == [("docx.subtotal-mismatch", {"table": 1, "row": 5, "column": 5, "text": "Cộng mục I",
                                                         "written": "25.000", "amount": 25, "sum": 20})]
    source = tmp_path / "s.docx"
    source.write_bytes(data)
    cli = run("--lang", "en", "import", source, "-o", tmp_path / "s.yaml")
    assert 'table 1 row 5 column 5: warning [docx.subtotal-mismatch] subtotal row "Cộng mục I" says "25.000" (25 million VND), but the amounts above add up to 20 million VND' in cli.stderr


def test_a_subtotal_that_disagrees_is_not_an_item_and_is_named_in_a_warning(run, tmp_path):
    plan, result = imported(F.task_rows_docx(subtotal_i="99"))
    assert F.rows(plan) == F.EXPECTED_TASK_ROWS
    assert codes(result) == [("docx.subtotal-mismatch", {"table": 1, "row": 8, "column": 6, "text": "Cộng mục I", "written": "99", "amount": 99, "sum": 15})]
    cli, _, budget = import_and_ask(run, tmp_path, F.task_rows_docx(subtotal_i="99"))
    assert 'bảng 1, dòng 8, cột 6: cảnh báo [docx.subtotal-mismatch] dòng cộng "Cộng mục I" ghi "99" (99 triệu đồng), nhưng các khoản phía trên cộng lại là 15 triệu đồng' in cli.stderr
    assert budget["itemized_million_vnd"] == 22.5


@pytest.mark.parametrize("label", ["Cộng", "Cộng:", "CỘNG MỤC I", "Cộng (I)", "Cộng phần trích"])
def test_subtotal_labels_are_not_items(label):
    plan, result = imported(F.task_rows_docx(subtotal_label=label))
    assert F.rows(plan) == F.EXPECTED_TASK_ROWS
    assert result.problems == []


def test_a_subtotal_written_in_words_is_left_out_with_a_warning():
    plan, result = imported(F.task_rows_docx(subtotal_i="Theo dự toán"))
    assert F.rows(plan) == F.EXPECTED_TASK_ROWS
    assert codes(result) == [("docx.subtotal-note", {"table": 1, "row": 8, "column": 6, "text": "Cộng mục I", "written": "Theo dự toán"})]


def test_a_product_starting_with_cong_dong_is_still_an_item():
    data = F.small_docx([["", "Cộng đồng được tuyên truyền", None, None, "5"]],
                        headings=("STT", "Sản phẩm", "Cơ quan chủ trì", "Thời gian", "Kinh phí (triệu đồng)"), merges=[((1, 1), (1, 3))])
    plan, _ = imported(data)
    assert [(i.product, i.budget) for _, _, i in plan.items()] == [("Cộng đồng được tuyên truyền", 5)]


_SMALL = ("STT", "Sản phẩm", "Cơ quan chủ trì", "Thời gian", "Kinh phí (triệu đồng)")
_FIRST = ["1", "Kế hoạch tuyên truyền", "Sở Nội vụ", "Quý I/2026", "10"]


@pytest.mark.parametrize("product", ["Cộng đồng doanh nghiệp đối thoại", "Cộng tác viên CCHC được tập huấn"])
def test_a_product_alone_in_its_row_starting_with_a_word_of_cong_is_kept(product):
    # A row of a product only (as IV-4 of the 2021 plan) that began "Cộng đồng" was taken for a subtotal: gone, in silence.
    plan, result = imported(F.small_docx([_FIRST, ["", product, "", "", ""]], headings=_SMALL))
    assert [(i.product, i.budget) for _, _, i in plan.items()] == [("Kế hoạch tuyên truyền", 10), (product, None)]
    assert codes(result) == []
    # A subtotal row with nothing in it is still no item.
    plan, _ = imported(F.small_docx([_FIRST, ["", "Cộng mục I", "", "", ""]], headings=_SMALL))
    assert [i.product for _, _, i in plan.items()] == ["Kế hoạch tuyên truyền"]


@pytest.mark.parametrize("product, amount", [("Tổng số 5 cuộc đối thoại", "25"), ("Tổng: 5 cuộc", ""), ("Tổng số 120 hồ sơ được số hóa", "3")])
def test_a_product_that_starts_like_a_total_is_an_item_not_the_declared_total(product, amount):
    # "Tổng số 5 cuộc đối thoại | 25" became the table's total row: the item was lost and its 25 made the declared total.
    plan, _ = imported(F.small_docx([_FIRST, ["", product, "", "", amount]], headings=_SMALL))
    assert [(i.product, i.budget) for _, _, i in plan.items()] == [("Kế hoạch tuyên truyền", 10), (product, int(amount) if amount else None)]
    assert plan.plan.total_million_vnd is None


@pytest.mark.parametrize("label", [
    "Tổng cộng", "TỔNG CỘNG (I+II)", "Tổng kinh phí thực hiện năm 2026", "Tổng số kinh phí:", "Tổng", "Tổng kinh phí dự kiến",
    "Tổng kinh phí đề xuất", "Tổng cộng I+II+III", "Tổng cộng A+B", "Tổng cộng toàn tỉnh", "Tổng cộng kinh phí CCHC", "Tổng số tiền",
    "Tổng cộng [I+II]", "Tổng cộng (1)+(2)", "Cộng tổng",
])
def test_a_total_rows_label_may_go_on_with_the_words_of_a_total(label):
    plan, _ = imported(F.small_docx([_FIRST, ["", label, "", "", "10"]], headings=_SMALL))
    assert [i.product for _, _, i in plan.items()] == ["Kế hoạch tuyên truyền"]
    assert plan.plan.total_million_vnd == 10


def test_a_second_total_row_that_differs_is_taken_and_the_first_warned_of():
    # Two totals, 10 then 30: the 10 was replaced in silence, and validate then spoke of a mismatch the document lacks.
    rows = [_FIRST, ["", "Tổng cộng", "", "", "10"], ["2", "Báo cáo kiểm soát", "Sở Tư pháp", "Quý II/2026", "20"], ["", "Tổng cộng", "", "", "30"]]
    plan, result = imported(F.small_docx(rows, headings=_SMALL))
    assert plan.plan.total_million_vnd == 30 and len(list(plan.items())) == 2
    assert codes(result) == [("docx.earlier-total", {"table": 1, "row": 3, "column": 2, "written": "10", "later": "30"})]
    rows[-1][-1] = "10"  # the same total again (a table typed across pages): nothing to say
    plan, result = imported(F.small_docx(rows, headings=_SMALL))
    assert plan.plan.total_million_vnd == 10 and codes(result) == []
    # A blank total row between the two is no total to compare: the 10 is the one told, not the blank.
    rows[-1][-1] = "35"
    rows.insert(2, ["", "TỔNG CỘNG", "", "", ""])
    plan, result = imported(F.small_docx(rows, headings=_SMALL))
    assert plan.plan.total_million_vnd == 35
    assert codes(result) == [("docx.earlier-total", {"table": 1, "row": 3, "column": 2, "written": "10", "later": "35"})]


def test_a_product_in_capitals_between_two_numbered_items_is_an_item():
    # "BÁO CÁO CCHC" and "ISO 9001", products alone in their rows, became sections "2" and "3" the document never
    # wrote, and the next task, "2. Rà soát" of section I, was filed under "ISO 9001".
    rows = [_FIRST, ["", "BÁO CÁO CCHC", "", "", ""], ["", "ISO 9001", "", "", ""], ["2", "Báo cáo rà soát", "Sở Tư pháp", "Quý II/2026", "20"]]
    plan, result = imported(F.small_docx(rows, headings=_SMALL))
    assert len(plan.sections) == 1
    assert [i.product for _, _, i in plan.items()] == ["Kế hoạch tuyên truyền", "BÁO CÁO CCHC", "ISO 9001", "Báo cáo rà soát"]
    assert [code for code, _ in codes(result)] == []


def test_a_heading_in_capitals_with_no_numeral_starts_a_section():
    rows = [_FIRST, ["", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", ""], ["1", "Báo cáo rà soát", "Sở Tư pháp", "Quý II/2026", "20"]]
    plan, result = imported(F.small_docx(rows, headings=_SMALL))
    assert [s.title for s in plan.sections][-1] == "CẢI CÁCH THỦ TỤC HÀNH CHÍNH" and len(plan.sections) == 2
    assert codes(result) == []  # its items numbered from 1 again: a section, nothing to doubt


def test_headings_in_capitals_whose_items_are_numbered_on_across_them_stay_sections_said_so():
    # Sections typed as lines of capitals, items numbered 1 to 4 across them: the second became an empty item.
    rows = [["", "CẢI CÁCH THỂ CHẾ", "", "", ""], _FIRST, ["2", "Báo cáo", "Sở Tư pháp", "Quý II/2026", "5"],
            ["", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", ""], ["3", "Kế hoạch kiểm soát", "Văn phòng UBND", "Quý III/2026", "7"]]
    plan, result = imported(F.small_docx(rows, headings=_SMALL))
    assert [(s.title, [i.product for t in s.tasks for i in t.items]) for s in plan.sections] == [
        ("CẢI CÁCH THỂ CHẾ", ["Kế hoạch tuyên truyền", "Báo cáo"]), ("CẢI CÁCH THỦ TỤC HÀNH CHÍNH", ["Kế hoạch kiểm soát"])]
    assert codes(result) == [("docx.caps-section", {"table": 1, "row": 5, "column": 2, "text": "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"})]


# ---------------------------------------------------------------- cchc's own extracts


@pytest.mark.parametrize("extract", [("--section", "II"), ("--agency", "Sở TTTT")], ids=["section", "agency"])
def test_an_extract_rendered_by_cchc_imports_and_answers_as_the_plan(run, tmp_path, extract):
    document = tmp_path / "trich.docx"
    assert run("render", "--plan", PLAN, *extract, "-o", document).exit_code == 0
    result, listed, budget = import_and_ask(run, tmp_path, document.read_bytes(), "--agencies", PLAN)
    assert "Cộng phần trích" not in result.stderr
    original = json.loads(run("list", "--plan", PLAN, *extract, "--format", "json").stdout)
    fields = ("section", "section_title", "task", "product", "lead", "partners", "budget")
    assert [[i[f] for f in fields] for i in listed] == [[i[f] for f in fields] for i in original]
    assert budget["itemized_million_vnd"] == sum(i["budget"]["million_vnd"] or 0 for i in original)


# ---------------------------------------------------------------- a document LibreOffice wrote


def test_a_row_layout_document_written_by_libreoffice_answers_as_written(run, tmp_path):
    from conftest import DATA

    result, listed, budget = import_and_ask(run, tmp_path, (DATA / "docx" / "ke-hoach-dong-ngang.docx").read_bytes())
    assert "cảnh báo" not in result.stderr
    assert [(i["id"], i["task"], i["product"], i["lead"], i["partners"], i["budget"]) for i in listed] == [
        ("I-1", "1. Xây dựng văn bản quy phạm pháp luật", "Nghị quyết về phí", ["Sở Tài chính"], ["Sở Nội vụ", "Sở Tư pháp"],
         {"million_vnd": 10, "note": None}),
        ("I-2", "2. Kiểm tra văn bản", "Báo cáo kiểm tra", ["Phòng Xây dựng và Kiểm tra văn bản"], ["Sở, ban, ngành"],
         {"million_vnd": 5, "note": None}),
        ("II-1", "1. Rà soát thủ tục hành chính", "Báo cáo rà soát", ["Văn phòng Sở"], ["UBND xã, phường, thị trấn"],
         {"million_vnd": 7.5, "note": None}),
        ("II-2", "1. Rà soát thủ tục hành chính", "Danh mục thủ tục hành chính", ["Văn phòng Sở"], ["UBND cấp xã"],
         {"million_vnd": None, "note": "Theo dự toán"}),
    ]
    assert (budget["declared_million_vnd"], budget["itemized_million_vnd"], budget["difference_million_vnd"]) == (22.5, 22.5, 0)
    plan = load_bytes((tmp_path / "ke-hoach.yaml").read_bytes(), "ke-hoach.yaml").plan
    assert plan.plan.signer.model_dump() == {"authority": None, "position": "GIÁM ĐỐC", "name": "Nguyễn Văn A"}
    assert [a.name for a in plan.agencies if a.group] == ["Sở, ban, ngành", "UBND xã, phường, thị trấn", "UBND cấp xã"]
    sections = json.loads(run("list", "--plan", tmp_path / "ke-hoach.yaml", "--section", "II", "--format", "json").stdout)
    assert [i["id"] for i in sections] == ["II-1", "II-2"]


def test_a_raised_or_lowered_figure_is_shown_as_such_never_joined_to_the_amount():
    # "20" with a raised footnote "1" was read as 201 (million đồng), valid, and "Tháng 12/2021" with it as
    # "Tháng 12/20211": Word shows 20¹, and so does the plan; m2 with a raised 2 is m².
    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2026", bold=True, center=True)
    table = F.task_table(doc, [["Sản phẩm", "Cơ quan chủ trì", "Thời gian hoàn thành", "Kinh phí (triệu đồng)"],
                               ["Cải tạo 300 m", "Phòng Nội vụ", "Tháng 12/2026", "20"], ["Rà soát", "Phòng Nội vụ", "Quý I/2026", "5"]])
    for column, text, kind in ((0, "2", "superscript"), (2, "1", "superscript"), (3, "(1)", "superscript"), (1, "2", "subscript")):
        run = table.rows[1].cells[column].paragraphs[-1].add_run(text)
        setattr(run.font, kind, True)
    plan, _ = imported(F.to_bytes(doc))
    first, second = [(i.product, i.lead, i.deadline, i.budget) for _, _, i in plan.items()]
    assert first == ("Cải tạo 300 m²", ["Phòng Nội vụ₂"], "Tháng 12/2026¹", "20⁽¹⁾"), first  # validate: text-amount
    assert second == ("Rà soát", ["Phòng Nội vụ"], "Quý I/2026", 5)


def test_hidden_or_raised_text_by_a_style_is_read_as_word_shows_it():
    # Only Hidden and Superscript set on the run itself were honoured: "20" and a "0" hidden by a character style
    # read as 200, a lead in a hidden paragraph style was a second lead, a raised "1" by a style was joined to 20.
    from docx.enum.style import WD_STYLE_TYPE

    doc = F.document()
    hidden_chars = doc.styles.add_style("An", WD_STYLE_TYPE.CHARACTER)
    hidden_chars.font.hidden = True
    hidden_paragraphs = doc.styles.add_style("Đoạn ẩn", WD_STYLE_TYPE.PARAGRAPH)
    hidden_paragraphs.font.hidden = True
    raised = doc.styles.add_style("Chú thích", WD_STYLE_TYPE.CHARACTER)
    raised.font.superscript = True
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2026", bold=True, center=True)
    table = F.task_table(doc, [["Sản phẩm", "Cơ quan chủ trì", "Thời gian hoàn thành", "Kinh phí (triệu đồng)"],
                               ["Rà soát", "Phòng Nội vụ", "Quý I/2026", "20"], ["Niêm yết", "Phòng Tư pháp", "Quý II/2026", "5"]])
    table.rows[1].cells[3].paragraphs[-1].add_run("0", style="An")
    table.rows[1].cells[1].add_paragraph("Phòng Tài chính", style="Đoạn ẩn")
    table.rows[2].cells[3].paragraphs[-1].add_run("1", style="Chú thích")
    plan, _ = imported(F.to_bytes(doc))
    assert [(i.product, i.lead, i.budget) for _, _, i in plan.items()] == [("Rà soát", ["Phòng Nội vụ"], 20), ("Niêm yết", ["Phòng Tư pháp"], "5¹")]


def test_an_amount_written_the_english_way_is_read_so_and_said():
    # "2,500" is commented as ambiguous; "15,000,000" and "1,000.5" were read without a word, though they show the
    # table was written the English way (and 15,000,000 million đồng is 15 trillion).
    data = F.small_docx(
        [["Việc 1", "Phòng Nội vụ", "Năm 2021", "2,500"], ["Việc 2", "Phòng Nội vụ", "Năm 2021", "15,000,000"],
         ["Việc 3", "Phòng Nội vụ", "Năm 2021", "1,000.5"], ["Việc 4", "Phòng Nội vụ", "Năm 2021", "1.500"], ["Việc 5", "Phòng Nội vụ", "Năm 2021", "12,5"],
         ["Việc 6", "Phòng Nội vụ", "Năm 2021", "10.5"], ["Việc 7", "Phòng Nội vụ", "Năm 2021", "12.25"]],
        headings=("Sản phẩm", "Cơ quan chủ trì", "Thời gian hoàn thành", "Kinh phí (triệu đồng)"),
    )
    plan, result = imported(data)
    assert [i.budget for _, _, i in plan.items()] == [Decimal("2.5"), 15000000, Decimal("1000.5"), 1500, Decimal("12.5"), Decimal("10.5"), Decimal("12.25")]
    said = {path[5]: (key, args) for path, entries in result.comments.items() for key, args in entries
            if key in ("docx.comment.english-figure", "docx.comment.comma")}
    assert said == {
        0: ("docx.comment.comma", {"written": "2,500", "amount": "2,5"}),
        1: ("docx.comment.english-figure", {"written": "15,000,000", "amount": "15.000.000"}),
        2: ("docx.comment.english-figure", {"written": "1,000.5", "amount": "1.000,5"}),
        # A decimal point no thousands follow: Vietnamese writes 10,5 (a point before three digits, "1.500", groups).
        5: ("docx.comment.english-figure", {"written": "10.5", "amount": "10,5"}),
        6: ("docx.comment.english-figure", {"written": "12.25", "amount": "12,25"}),
    }


@pytest.mark.parametrize("merged", [False, True], ids=["cells", "merged-across"])
def test_rows_that_break_down_the_total_are_said_and_no_items(merged):
    # "Tổng cộng | 30", then "Trong đó:", "- Ngân sách huyện | 20", "- Nguồn xã hội hóa | 10": the parts became items
    # I-3 to I-5 (60 against the declared 30); merged across, "Ngân sách huyện" was a lead and a deadline as well.
    rows = [["Rà soát văn bản", "Phòng Tư pháp", "Quý I/2021", "10"], ["Kiểm tra", "Phòng Nội vụ", "Tháng 6/2021", "20"],
            ["Tổng cộng", "", "", "30"], ["Trong đó:", "", "", ""]]
    parts = [["- Ngân sách huyện", None, None, "20"], ["- Nguồn xã hội hóa", None, None, "10"]] if merged else [
        ["- Ngân sách huyện", "", "", "20"], ["- Nguồn xã hội hóa", "", "", "10"]]
    data = F.small_docx(rows + parts, headings=("Sản phẩm", "Cơ quan chủ trì", "Thời gian hoàn thành", "Kinh phí (triệu đồng)"),
                        merges=[((5, 0), (5, 2)), ((6, 0), (6, 2))] if merged else [])
    plan, result = imported(data)
    assert [(i.product, i.budget) for _, _, i in plan.items()] == [("Rà soát văn bản", 10), ("Kiểm tra", 20)]
    assert plan.plan.total_million_vnd == 30
    said = [args["text"] for code, args in codes(result) if code == "docx.total-breakdown"]
    assert said == ["Trong đó:", "- Ngân sách huyện | 20", "- Nguồn xã hội hóa | 10"]
    assert [a.name for a in plan.agencies if "Ngân sách" in a.name] == []


def test_a_paragraph_whose_mark_is_deleted_runs_on_into_the_next():
    # A tracked deletion of a paragraph mark: Word, the change accepted, shows "… quy phạm …" on one line; the import
    # read "… quy p" and "hạm …" as two lines.
    from docx.oxml import OxmlElement

    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2026", bold=True, center=True)
    table = F.task_table(doc, [["Sản phẩm", "Cơ quan chủ trì", "Thời gian hoàn thành"], ["Rà soát văn bản quy p", "Phòng Tư pháp", "Quý I/2026"],
                               ["Niêm yết", "Văn phòng", "Quý II/2026"]])
    cell = table.rows[1].cells[0]
    cell.add_paragraph("hạm pháp luật")
    cell.add_paragraph("đợt 2")
    ppr = cell.paragraphs[0]._p.get_or_add_pPr()
    rpr, deleted = OxmlElement("w:rPr"), OxmlElement("w:del")
    deleted.set(F.docx.oxml.ns.qn("w:id"), "7")
    deleted.set(F.docx.oxml.ns.qn("w:author"), "A")
    rpr.append(deleted)
    ppr.append(rpr)
    plan, _ = imported(F.to_bytes(doc))
    assert [i.product for _, _, i in plan.items()] == ["Rà soát văn bản quy phạm pháp luật\nđợt 2", "Niêm yết"]


def test_a_total_broken_down_ends_with_its_table_and_only_follows_the_total():
    # The rows breaking a total down ran on into the next table: an appendix's "- Tuyên truyền …" rows were left out;
    # and on over a section's heading and its items. "Trong đó" after an empty row still follows the total; a part
    # is after a dash or a letter's label; "Trong đóng …" is no "Trong đó".
    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2021", bold=True, center=True)
    heads = ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành", "Kinh phí (triệu đồng)"]
    F.task_table(doc, [heads, ["1", "Rà soát văn bản", "Phòng Tư pháp", "Quý I/2021", "10"], ["2", "Kiểm tra", "Phòng Nội vụ", "Quý II/2021", "20"],
                       ["", "Tổng cộng", "", "", "30"], ["", "", "", "", ""], ["", "Trong đó:", "", "", ""], ["", "- Ngân sách huyện", "", "", "20"],
                       ["a)", "Nguồn xã hội hóa", "", "", "10"], ["II", "NHIỆM VỤ KHÁC", "", "", ""], ["1", "Tuyên truyền", "", "", "5"]])
    F.para(doc, "PHỤ LỤC II")
    F.task_table(doc, [heads, ["-", "Tuyên truyền trên cổng thông tin", "", "", ""], ["-", "Trong đóng góp ý kiến", "", "", ""],
                       ["1", "Cập nhật thủ tục", "Phòng Nội vụ", "Quý III/2021", ""]])
    plan, result = imported(F.to_bytes(doc))
    assert [i.product for _, _, i in plan.items()] == [
        "Rà soát văn bản", "Kiểm tra", "Tuyên truyền", "Tuyên truyền trên cổng thông tin", "Trong đóng góp ý kiến", "Cập nhật thủ tục"]
    other = next(s for s in plan.sections if s.title == "NHIỆM VỤ KHÁC")
    assert (other.numeral, [i.product for t in other.tasks for i in t.items][:1]) == ("II", ["Tuyên truyền"])
    assert [args["text"] for code, args in codes(result) if code == "docx.total-breakdown"] == [
        "Trong đó:", "- Ngân sách huyện | 20", "a) | Nguồn xã hội hóa | 10"]


def _with_a_hidden_numbered_style():
    """A document with the paragraph style "Ẩn có số": List Number, hidden."""
    from docx.enum.style import WD_STYLE_TYPE

    doc = F.document()
    hidden = doc.styles.add_style("Ẩn có số", WD_STYLE_TYPE.PARAGRAPH)
    hidden.base_style = doc.styles["List Number"]
    hidden.font.hidden = True
    return doc


def test_a_numbered_paragraph_hidden_by_its_style_shows_no_number():
    # A paragraph style both numbered and hidden: its text was left out but its number "1" read as a second lead.
    doc = _with_a_hidden_numbered_style()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2026", bold=True, center=True)
    table = F.task_table(doc, [["Sản phẩm", "Cơ quan chủ trì", "Thời gian hoàn thành"], ["Việc 1", "Phòng Nội vụ", "Quý I/2026"]])
    table.rows[1].cells[1].add_paragraph("Phòng Tài chính", style="Ẩn có số")
    plan, _ = imported(F.to_bytes(doc))
    assert [i.lead for _, _, i in plan.items()] == [["Phòng Nội vụ"]]
    assert [a.name for a in plan.agencies] == ["Phòng Nội vụ"]


def test_a_rule_of_dashes_set_raised_stays_a_rule():
    # Signs were raised too ("⁻⁻⁻⁻"): the letterhead's rule was no longer a rule, and became the plan's prose.
    doc = F.document()
    F.letterhead(doc, ["ỦY BAN NHÂN DÂN", "TỈNH THÁI BÌNH"], "Số: 12/KH-UBND", "Thái Bình, ngày 05 tháng 01 năm 2021")
    F.para(doc, "KẾ HOẠCH", bold=True, center=True)
    F.para(doc, "Cải cách hành chính năm 2021", bold=True, center=True)
    doc.add_paragraph().add_run("--------").font.superscript = True
    F.task_table(doc, [["STT", "Sản phẩm", "Cơ quan chủ trì", "Thời gian hoàn thành"], ["1", "Báo cáo", "Sở Nội vụ", "Quý I/2021"]])
    result = read_docx(F.to_bytes(doc), "rule.docx")
    assert not result.data.get("prose_before") and not [code for code, _ in codes(result) if code == "docx.unplaced"], result.data["prose_before"]


@pytest.mark.parametrize("power, amount", [("6", 250), ("3", Decimal("0.25")), ("9", 250000)])
def test_a_heading_in_powers_of_ten_of_dong_gives_the_unit(power, amount):
    # "Kinh phí (10⁶ đồng)", the 6 raised: million đồng; 250 was read as 250 đồng (0.00025 million).
    doc = F.document()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2026", bold=True, center=True)
    table = F.task_table(doc, [["Sản phẩm", "Cơ quan chủ trì", "Thời gian hoàn thành", "Kinh phí (10"], ["Rà soát", "Phòng Nội vụ", "Quý I/2026", "250"]])
    heading = table.rows[0].cells[3].paragraphs[-1]
    heading.add_run(power).font.superscript = True
    heading.add_run(" đồng)")
    plan, _ = imported(F.to_bytes(doc))
    assert [i.budget for _, _, i in plan.items()] == [amount]


def test_a_task_merged_across_the_deadline_says_so_on_its_item():
    # The task cell merged over Thời gian: the deadline was left blank, rightly, but without a word.
    data = F.small_docx(
        [["Báo cáo", "Rà soát văn bản", "", "Phòng Tư pháp"], ["Biên bản", "Kiểm tra", None, "Phòng Nội vụ"]],
        headings=("Sản phẩm", "Nội dung công việc", "Thời gian hoàn thành", "Cơ quan chủ trì"),
        merges=[((2, 1), (2, 2))],
    )
    plan, result = imported(data)
    assert [(i.product, i.lead, i.deadline) for _, _, i in plan.items()] == [("Báo cáo", ["Phòng Tư pháp"], ""), ("Biên bản", ["Phòng Nội vụ"], "")]
    said = [(path, args) for path, entries in result.comments.items() for key, args in entries if key == "docx.comment.spans"]
    assert said == [(("sections", 0, "tasks", 1, "items", 0), {"other": "Thời gian hoàn thành"})], result.comments


def test_a_hidden_numbered_row_still_takes_its_number():
    # Word counts a hidden paragraph's number (LibreOffice shows 1., 3.): the next STT is "3.", as printed.
    doc = _with_a_hidden_numbered_style()
    F.para(doc, "KẾ HOẠCH Cải cách hành chính năm 2026", bold=True, center=True)
    table = F.task_table(doc, [["STT", "Sản phẩm", "Cơ quan chủ trì", "Thời gian hoàn thành"], ["", "Báo cáo A", "Phòng Nội vụ", "Quý I/2026"],
                               ["", "Báo cáo B", "Phòng Nội vụ", "Quý II/2026"], ["", "Báo cáo C", "Phòng Nội vụ", "Quý III/2026"]])
    for row, style in ((1, "List Number"), (2, "Ẩn có số"), (3, "List Number")):
        table.rows[row].cells[0].paragraphs[0].style = doc.styles[style]
    plan, _ = imported(F.to_bytes(doc))
    assert [(i.stt, i.product) for _, _, i in plan.items()] == [("1.", "Báo cáo A"), (None, "Báo cáo B"), ("3.", "Báo cáo C")]


@pytest.mark.parametrize("marks", [("-", "-"), ("a)", "b)"), ("A)", "B)"), ("o", "o"), ("−", "·")], ids=["dashes", "letters", "capitals", "word-bullets", "signs"])
def test_the_parts_of_a_total_are_marked_and_fit_in_it(marks):
    # Parts marked otherwise than by "-" were tasks with amounts (60 against a total of 30). A part is marked as
    # one (a dash, a bullet, a letter), never numbered as items are, and fits in what is left of the total.
    heads = ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành", "Kinh phí (triệu đồng)"]
    rows = [["1", "Rà soát văn bản", "Phòng Tư pháp", "Quý I/2021", "10"], ["2", "Kiểm tra", "Phòng Nội vụ", "Quý II/2021", "20"],
            ["", "Tổng cộng", "", "", "30"], ["", "Trong đó:", "", "", ""], [marks[0], "Ngân sách tỉnh", "", "", "20"],
            [marks[1], "Ngân sách huyện", "", "", "10"], ["3", "Tuyên truyền", "", "", "5"]]
    plan, result = imported(F.small_docx(rows, headings=heads))
    assert [(i.product, i.budget) for _, _, i in plan.items()] == [("Rà soát văn bản", 10), ("Kiểm tra", 20), ("Tuyên truyền", 5)]
    assert len([code for code, _ in codes(result) if code == "docx.total-breakdown"]) == 3


@pytest.mark.parametrize(
    "after, kept",
    [
        ([["", "- Ngân sách tỉnh", "", "", "20"], ["3", "Tuyên truyền", "", "", "5"], ["4", "Tập huấn", "", "", "3"]], ["Tuyên truyền", "Tập huấn"]),
        ([["", "Ngân sách tỉnh", "", "", "20"], ["", "Ngân sách huyện", "", "", "10"]], ["Ngân sách tỉnh", "Ngân sách huyện"]),
        ([["", "- Ngân sách tỉnh", "", "", "40"]], ["- Ngân sách tỉnh"]),
    ],
    ids=["items-after-parts-short-of-the-total", "unmarked-parts", "a-part-larger-than-the-total"],
)
def test_no_item_is_taken_for_a_part_of_the_total(after, kept):
    # Numbered items after parts short of the total were left out as parts; unmarked rows stay items, which
    # validate's total check then shows (never dropped on a guess).
    heads = ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành", "Kinh phí (triệu đồng)"]
    rows = [["1", "Rà soát văn bản", "Phòng Tư pháp", "Quý I/2021", "10"], ["2", "Kiểm tra", "Phòng Nội vụ", "Quý II/2021", "20"],
            ["", "Tổng cộng", "", "", "30"], ["", "Trong đó:", "", "", ""], *after]
    plan, _ = imported(F.small_docx(rows, headings=heads))
    products = [i.product for _, _, i in plan.items()]
    assert products[:2] == ["Rà soát văn bản", "Kiểm tra"] and [p for p in products[2:] if p != "Trong đó:"] == kept


def test_a_total_that_is_a_note_is_broken_down_by_marked_parts():
    heads = ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành", "Kinh phí (triệu đồng)"]
    rows = [["1", "Rà soát văn bản", "Phòng Tư pháp", "Quý I/2021", ""], ["", "Tổng cộng", "", "", "Theo dự toán"], ["", "Trong đó:", "", "", ""],
            ["", "- Ngân sách tỉnh", "", "", "20"], ["", "- Ngân sách huyện", "", "", "10"]]
    plan, result = imported(F.small_docx(rows, headings=heads))
    assert [i.product for _, _, i in plan.items()] == ["Rà soát văn bản"]
    assert len([code for code, _ in codes(result) if code == "docx.total-breakdown"]) == 3


def test_a_total_broken_down_after_its_words():
    # "Tổng cộng | 30", "Bằng chữ: Ba mươi triệu đồng", "Trong đó:", parts: the words row ended the total's reach.
    heads = ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành", "Kinh phí (triệu đồng)"]
    rows = [["1", "Rà soát văn bản", "Phòng Tư pháp", "Quý I/2021", "30"], ["", "Tổng cộng", "", "", "30"],
            ["Bằng chữ: Ba mươi triệu đồng", None, None, None, None], ["", "Trong đó:", "", "", ""], ["", "- Ngân sách tỉnh", "", "", "30"]]
    plan, result = imported(F.small_docx(rows, headings=heads, merges=[((3, 0), (3, 4))]))
    assert [i.product for _, _, i in plan.items()] == ["Rà soát văn bản"]
    assert plan.plan.total_in_words == "Ba mươi triệu đồng"
