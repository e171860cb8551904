"""Plans the gate passed although their figures or names could not be trusted: a total written as a note, money in
a "Theo …" note, letters of other scripts drawn as Latin ones, blank agency names, invisible fillers."""

from __future__ import annotations

import json
import unicodedata

import pytest

BASE = """plan:
  title: KẾ HOẠCH THỬ NGHIỆM
  year: 2021
{total}agencies:
  - name: Sở Nội vụ
  - name: Sở Tư pháp
{more}sections:
  - numeral: I
    title: CẢI CÁCH THỂ CHẾ
    tasks:
      - items:
          - id: I-1
            product: Kế hoạch thử nghiệm
            lead: [Sở Nội vụ]
            partners: [{partner}]
            deadline: Quý II/2021
            budget: {budget}
"""


def diagnostics(run, tmp_path, lang="en", **parts) -> tuple[int, list[dict]]:
    fields = {"total": "  total_million_vnd: 10\n", "more": "", "partner": "Sở Tư pháp", "budget": "10"} | parts
    path = tmp_path / "plan.yaml"
    path.write_text(BASE.format(**fields), encoding="utf-8")
    result = run("validate", "--strict", path, "-f", "json", "--lang", lang)
    return result.exit_code, json.loads(result.stdout)["diagnostics"]


@pytest.mark.parametrize("note", ['"500"', "Năm trăm triệu đồng", '"10 triệu đồng"'])
def test_a_total_note_that_is_an_amount_is_refused(run, tmp_path, note):
    # total_note: "500" passed with 0 problems and printed "Kinh phí: 500"; the items (10) were never compared with it.
    code, found = diagnostics(run, tmp_path, total=f"  total_note: {note}\n")
    assert code == 1 and [(d["code"], d["line"]) for d in found] == [("text-amount", 4)]
    assert "total_million_vnd" in found[0]["message"]


@pytest.mark.parametrize("note, warned", [("Tổng kinh phí 500 triệu đồng từ ngân sách tỉnh", True), ("Theo nguồn kinh phí thường xuyên", False),
                                          ("Theo Quyết định số 120/QĐ-UBND năm 2021", False)])
def test_a_total_note_with_a_sum_of_money_in_it_is_warned_of(run, tmp_path, note, warned):
    code, found = diagnostics(run, tmp_path, total=f"  total_note: {note}\n")
    assert [d["code"] for d in found] == (["budget-note"] if warned else []) and code == (1 if warned else 0)  # --strict


@pytest.mark.parametrize("budget, warned", [('"Theo dự án: 500.000.000 đồng"', True), ('"Theo dự án (10 tr.đ)"', True),
                                            ('"Theo dự án"', False), ('"Theo Quyết định 960/QĐ-UBND"', False)])
def test_money_in_a_theo_note_is_warned_of(run, tmp_path, budget, warned):
    # "Theo dự án: 500.000.000 đồng" printed a sum no total counted, with no word of it.
    _, found = diagnostics(run, tmp_path, total="", budget=budget)
    assert [d["code"] for d in found] == (["budget-note"] if warned else [])
    if warned:
        assert "no figure in it counts towards any total" in found[0]["message"]


@pytest.mark.parametrize("twin", ["Ɖài PT", "Sở Nօi vụ tỉnh", "Sở ꓔư pháp tỉnh", "Sở Ꭲài chính", "Sở ǀao động", "Sở Cⲟng an", "Sở Tư pháp Ƭỉnh"])
def test_a_name_with_a_letter_drawn_as_a_latin_one_is_warned_of(run, tmp_path, twin):
    # African D, Armenian o, Lisu, Cherokee, a click for l, Coptic: each made a silent second agency.
    _, found = diagnostics(run, tmp_path, total="", budget='"Theo dự án"', more=f"  - name: {twin}\n", partner=twin)
    assert [d["code"] for d in found] == ["mixed-script"]


def test_vietnamese_letters_are_no_look_alikes():
    from cchc.look_alikes import _FOREIGN

    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyfjwz"
    marked = [unicodedata.normalize("NFC", c + m) for c in "aăâeêioôơuưy" for m in "\u0300\u0301\u0303\u0309\u0323"]
    assert [c for c in letters + letters.upper() + "".join(marked) + "".join(marked).upper() if _FOREIGN.search(c)] == []


@pytest.mark.parametrize("blank", ['"   "', '"\u3000"', '"\u00a0"', '"\u200b "'])
def test_a_blank_agency_name_is_an_error(run, tmp_path, blank):
    # "   " in the registry and as a lead passed with no warning: the item counted as led, by nobody anyone can read.
    code, found = diagnostics(run, tmp_path, total="", budget='"Theo dự án"', more=f"  - name: {blank}\n", partner=blank)
    assert code == 1 and "blank-agency" in [d["code"] for d in found]


@pytest.mark.parametrize("char", ["\U00016fe4", "\U0001d159", "\ufffc"])
def test_more_invisible_fillers_are_warned_of(run, tmp_path, char):
    _, found = diagnostics(run, tmp_path, total="", budget='"Theo dự án"', more=f"  - name: Sở Tư{char} pháp\n", partner=f"Sở Tư{char} pháp")
    assert {d["code"] for d in found} >= {"invisible-character"}
    assert f"U+{ord(char):04X}" in next(d["message"] for d in found if d["code"] == "invisible-character")


def test_the_checks_list_a_thousand_errors_and_warnings_and_count_the_rest(run, tmp_path):
    # A million unknown names in a 2 MB plan took 22 s and 1.4 GB to place and print one by one.
    partners = ", ".join(["Sở Không Có"] * 1500 + ["Sở Tư pháp"] * 1201)  # 1,500 unknown, 1,200 repeated (warnings)
    code, found = diagnostics(run, tmp_path, total="", budget='"Theo dự án"', partner=partners)
    counts = {c: sum(d["code"] == c for d in found) for c in ("unknown-agency", "repeated-agency", "checks-more")}
    assert code == 1 and counts == {"unknown-agency": 1000, "repeated-agency": 1000, "checks-more": 2}
    more = {d["severity"]: d["message"] for d in found if d["code"] == "checks-more"}
    assert "and 500 more problems" in more["error"] and "and 200 more problems" in more["warning"]
    # The summary counts every problem, those counted in one included.
    assert "1 file(s) checked: 1500 error(s), 1200 warning(s)" in run("--lang", "en", "validate", tmp_path / "plan.yaml").stdout


def test_the_bound_is_the_same_checked_in_one_process_or_two(run, tmp_path, monkeypatch):
    # In two processes the plan's own warning (total-mismatch) was listed, in one it was counted away.
    from cchc import checks_in_two

    items = "".join(f"          - {{id: I-{k}, product: x, lead: [Sở Không Có {k}], partners: [Sở Tư pháp, Sở Tư pháp], budget: 1}}\n"
                    for k in range(2500))
    path = tmp_path / "plan.yaml"
    path.write_text(BASE.split("          - id: I-1")[0].format(total="  total_million_vnd: 10\n", more="") + items, encoding="utf-8")
    found = {}
    for least in (10**9, 2):
        monkeypatch.setattr(checks_in_two, "LEAST_ITEMS", least)
        found[least] = json.loads(run("validate", path, "-f", "json", "--lang", "en").stdout)["diagnostics"]
    assert found[2] == found[10**9]
    codes = [d["code"] for d in found[2]]
    assert codes.count("unknown-agency") == 1000 and codes.count("checks-more") == 2 and "total-mismatch" in codes
    more = {d["severity"]: d["message"] for d in found[2] if d["code"] == "checks-more"}
    # 2,500 unknown agencies; 2,500 repeated agencies and 2,500 blank deadlines, the total's warning listed first.
    assert "and 1,500 more problems" in more["error"] and "and 4,001 more problems" in more["warning"]


@pytest.mark.parametrize("name", ["Sở ꓔꓔꓔꓔ", "ꓴꓐꓠꓓ tỉnh", "Sở ᎢᏢ", "Sở ՕՏ", "Sở ⲦⲦ"])
def test_a_word_all_of_letters_drawn_as_latin_ones_is_warned_of(name):
    # "Sở ꓔꓔꓔꓔ" in Lisu reads as "Sở TTTT"; only Greek, Cyrillic and full-width words were caught.
    from cchc.look_alikes import mixed_script

    assert [p.code for p in mixed_script(name, ())] == ["mixed-script"]


@pytest.mark.parametrize("note, money", [
    ("Khoảng 500tr", True), ("Theo dự án 10tr", True), ("Hai tỷ đồng từ nguồn xã hội hóa", True), ("Ba tỷ rưỡi", True),
    ("Theo dự toán năm 2021 đồng thời", False), ("Theo Đề án 06 ngân sách Trung ương", False), ("15 dự án", False),
    ("Tỷ lệ 80%", False), ("Theo Quyết định 960/QĐ-UBND", False),
])
def test_a_sum_of_money_is_told_from_other_figures_in_a_note(note, money):
    from cchc.checks_money import MONEY
    from cchc.text import fold

    assert (MONEY.search(fold(note)) is not None) is money


def test_a_query_on_a_flooded_plan_counts_every_error_it_does_not_show(run, tmp_path):
    # "… and 996 more errors" for 6,000: the errors one problem counted were counted as one.
    from cchc.cli.common import SHOWN_ERRORS

    diagnostics(run, tmp_path, total="", budget='"Theo dự án"', partner=", ".join(["Sở Không Có"] * 1500))
    result = run("--lang", "en", "list", "--plan", tmp_path / "plan.yaml")
    assert result.exit_code == 1 and f"… and {1500 - SHOWN_ERRORS:,} more errors" in result.stderr, result.stderr


@pytest.mark.parametrize("where, day, warned", [
    ("decision", "2062-12-30", True), ("plan", "2020-01-05", True), ("decision", "2025-12-30", False), ("plan", "2026-03-01", False),
])
def test_a_date_far_from_the_plans_year_is_warned_of(run, tmp_path, where, day, warned):
    # A 2026 plan dated 30/12/2062 passed; the printed plan said so under its title, and every progress was refused.
    header = "decision: {title: Q, date: %s}\nplan: {title: T, year: 2026}\n" % day if where == "decision" else "plan: {title: T, year: 2026, date: %s}\n" % day
    path = tmp_path / "plan.yaml"
    path.write_text(header + "agencies: [{name: Sở A}]\nsections: [{numeral: I, title: M, tasks: [{items: [{id: A-1, product: x, lead: [Sở A],"
                    " deadline: Tháng 6/2026}]}]}]\n", encoding="utf-8")
    found = json.loads(run("validate", path, "-f", "json").stdout)["diagnostics"]
    assert [(d["code"], d["line"]) for d in found] == ([("date-year", 1)] if warned else [])


@pytest.mark.parametrize("first, second, warned", [
    ("Ủy ban nhân dân tỉnh", "UBND tỉnh", True), ("Sở Nội vụ", "Sở Nội vụ.", True), ("Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", True),
    ("Sở Kế hoạch và Đầu tư", "Sở Kế hoạch & Đầu tư", True), ("Sở Tư pháp", "Phòng Tư pháp", False), ("UBND tỉnh", "UBND huyện", False),
])
def test_one_agency_twice_in_the_registry_abbreviated_or_written_out_is_warned_of(run, tmp_path, first, second, warned):
    # Both passed: budget and agencies counted "UBND tỉnh" and "Ủy ban nhân dân tỉnh" apart, and --agency found two.
    path = tmp_path / "plan.yaml"
    path.write_text(f"plan: {{title: T, year: 2026}}\nagencies: [{{name: {json.dumps(first, ensure_ascii=False)}}}, {{name: {json.dumps(second, ensure_ascii=False)}}}]\n"
                    "sections: [{numeral: I, title: M, tasks: [{items: [{id: A-1, product: x, lead: [" + json.dumps(first, ensure_ascii=False) + "],"
                    " deadline: Tháng 6/2026}]}]}]\n", encoding="utf-8")
    found = json.loads(run("validate", path, "-f", "json").stdout)["diagnostics"]
    assert [d["code"] for d in found] == (["look-alike-agency"] if warned else [])


def test_ids_that_read_alike_are_warned_of_and_one_ending_in_a_separator_is_refused(run, tmp_path):
    # "I-1" beside "I-01", "I_1", "I.1" passed, and "I-1." too, against the id rule's own words.
    ids = ["I-1", "I-01", "I_1", "I-1.1", "I-11", "I1", "II-1"]
    items = ", ".join(f"{{id: {i}, product: x{k}, lead: [Sở A], deadline: Tháng 6/2026}}" for k, i in enumerate(ids))
    path = tmp_path / "plan.yaml"
    path.write_text(f"plan: {{title: T, year: 2026}}\nagencies: [{{name: Sở A}}]\nsections: [{{numeral: I, title: M, tasks: [{{items: [{items}]}}]}}]\n", encoding="utf-8")
    found = json.loads(run("validate", path, "-f", "json").stdout)["diagnostics"]
    assert sorted(d["message"].split('"')[1] for d in found if d["code"] == "look-alike-id") == ["I-01", "I_1"]
    assert [d["code"] for d in found if d["code"] != "look-alike-id"] == []
    path.write_text(path.read_text(encoding="utf-8").replace("id: II-1,", "id: II-1.,"), encoding="utf-8")
    found = json.loads(run("validate", path, "-f", "json").stdout)["diagnostics"]
    assert [d["code"] for d in found if d["code"] != "look-alike-id"] == ["schema"]


@pytest.mark.parametrize("note, warned", [
    ("Theo dự án: 30", True), ("Theo dự án (30)", True), ("Theo dự toán 30", True),  # 30 in the column of millions, counted nowhere
    ("Theo dự án", False), ("Theo Quyết định số 30/QĐ-UBND", False), ("Theo dự án năm 2026", False), ("Theo Kế hoạch 45/KH-UBND ngày 20/01/2021", False),
])
def test_a_note_with_a_figure_of_its_own_in_the_amount_column_is_warned_of(run, tmp_path, note, warned):
    code, found = diagnostics(run, tmp_path, total="", budget=json.dumps(note, ensure_ascii=False))
    assert [d["code"] for d in found if d["code"] == "budget-note"] == (["budget-note"] if warned else [])


@pytest.mark.parametrize("product, warned", [
    ("Cộng mục I", True), ("Tổng cộng", True), ("Cộng (I+II)", True), ("Cộng", True),
    ("Cộng đồng doanh nghiệp", False), ("Tổng kết công tác CCHC", False), ("Công khai TTHC", False),
])
def test_a_total_typed_as_an_item_is_warned_of(run, tmp_path, product, warned):
    # "Cộng mục I | 40" as an item counted the section's money twice; only generic warnings said anything.
    path = tmp_path / "plan.yaml"
    path.write_text("plan: {title: T, year: 2026}\nagencies: [{name: Sở A}]\nsections: [{numeral: I, title: M, tasks: [{items: ["
                    f"{{id: A-1, product: {json.dumps(product, ensure_ascii=False)}, lead: [Sở A], deadline: Tháng 6/2026, budget: 40}}]}}]}}]\n", encoding="utf-8")
    found = json.loads(run("validate", path, "-f", "json").stdout)["diagnostics"]
    assert [d["code"] for d in found] == (["total-as-item"] if warned else [])


@pytest.mark.parametrize("lead, partners, expected", [
    # "SNV" leads and "Sở Nội vụ" partners the same item: agencies counted the Sở twice for it, validate said nothing.
    ("SNV", "UBND tỉnh, Sở Nội vụ", [("lead-partner", 3)]),
    # A review: a partner named twice that is also the lead was warned lead-partner twice, and repeated-agency lost.
    ("Sở Nội vụ", "UBND tỉnh, SNV, SNV", [("lead-partner", 3), ("repeated-agency", 3)]),
])
def test_an_items_partner_that_is_also_its_lead_is_warned_of_once(run, tmp_path, lead, partners, expected):
    path = tmp_path / "plan.yaml"
    path.write_text("plan: {title: T, year: 2021}\nagencies: [{name: Sở Nội vụ, short: [SNV]}, {name: UBND tỉnh}]\n"
                    f"sections: [{{numeral: I, title: M, tasks: [{{items: [{{id: A-1, product: x, lead: [{lead}], partners: [{partners}],"
                    " deadline: Tháng 6/2021}]}]}]\n", encoding="utf-8")
    found = json.loads(run("validate", path, "-f", "json").stdout)["diagnostics"]
    assert [(d["code"], d["line"]) for d in found] == expected
