"""`cchc budget`: figures computed from the source table, not from cchc's own output."""

from __future__ import annotations

import json

import pytest

from conftest import DATA, PLAN
from source_table import amount, declared_total, read_rows


@pytest.fixture
def report(run):
    result = run("budget", "--format", "json", "--plan", PLAN)
    assert result.exit_code == 0, result
    return json.loads(result.stdout)


def test_totals_against_the_source(report, source_text):
    rows = read_rows(source_text)
    itemized = sum(amount(r.budget) or 0 for r in rows)
    declared = declared_total(source_text)
    assert report["declared_million_vnd"] == declared == 200
    assert report["itemized_million_vnd"] == itemized == 190
    assert report["difference_million_vnd"] == itemized - declared == -10
    assert report["declared_in_words"] == "Hai trăm triệu đồng chẵn"


def test_sections_against_the_source(report, source_text):
    expected: dict[str, int] = {}
    for row in read_rows(source_text):
        expected[row.section] = expected.get(row.section, 0) + (amount(row.budget) or 0)
    assert {s["section"]: s["million_vnd"] for s in report["sections"]} == expected
    assert report["sections"][0] == {"section": "I", "title": "CẢI CÁCH THỂ CHẾ", "million_vnd": 40}


def test_a_section_the_source_gives_no_amount_is_blank_in_the_tables_and_0_in_json(run, report, source_text):
    # Sections III-V have no amount in the source: the tables printed "0", a figure no one wrote.
    unpriced = {section for section, total in {r.section: 0 for r in read_rows(source_text)}.items()
                if not any(amount(r.budget) for r in read_rows(source_text) if r.section == section)}
    assert unpriced == {"III", "IV", "V"}
    assert all(s["million_vnd"] == 0 for s in report["sections"] if s["section"] in unpriced)  # JSON still adds up
    for command, numbers in (("sections", {"I": ["9", "40"], "III": ["4"], "V": ["2"], "VII": ["10", "100"]}),
                             ("budget", {"I": ["40"], "III": [], "V": [], "VII": ["100"]})):
        lines = run(command, "--plan", PLAN).stdout.split("Theo nhiệm vụ")[0].splitlines()
        rows = {line.split()[0]: line.split() for line in lines if line.split() and line.split()[0] in numbers}
        for section, expected in numbers.items():  # the figures that end the section's line
            words = rows[section]
            trailing = words[len(words) - next(n for n, w in enumerate(reversed(words)) if not w.isdigit()):]
            assert trailing == expected, (command, section, words)
    task_lines = run("budget", "--plan", PLAN).stdout.split("Theo nhiệm vụ")[1].splitlines()
    assert any(line.startswith("III  3. Thực hiện cơ chế một cửa, một cửa liên thông") and line.rstrip().endswith("thông") for line in task_lines)


def test_lead_totals_add_up_to_the_itemized_total(report):
    assert sum(a["million_vnd"] for a in report["leads"]) == report["itemized_million_vnd"]
    assert {a["agency"]: a["million_vnd"] for a in report["leads"]} == {
        "Sở Nội vụ": 80,
        "Sở Thông tin và Truyền thông": 50,  # VII-3's 20 counts under its first lead only
        "Sở Tư pháp": 30,
        "Văn phòng Ủy ban nhân dân tỉnh": 30,
    }


def test_every_item_without_an_amount_is_listed(report, source_text):
    rows = [r for r in read_rows(source_text) if not r.product[:1].islower()]
    expected = [(r.budget or None) for r in rows if amount(r.budget) is None]
    assert [u["note"] for u in report["unpriced"]] == expected
    assert len(report["unpriced"]) == 27
    notes = {u["id"]: u["note"] for u in report["unpriced"]}
    assert notes["I-7"] == "Theo dự án" and notes["VI-4"] == "Theo đề án" and notes["VI-6"] == "Theo Kế hoạch"
    assert notes["I-2"] is None
    assert all(set(u) == {"id", "product", "note"} for u in report["unpriced"])


def test_json_contract_keys(report):
    required = {
        "declared_million_vnd", "itemized_million_vnd", "difference_million_vnd",
        "declared_in_words", "sections", "leads", "unpriced",
    }
    assert required <= set(report)


def test_table_states_the_gap_plainly(run):
    result = run("budget", "--plan", PLAN)
    assert result.exit_code == 0
    out = result.stdout
    assert "200.000.000 đ" in out and "190.000.000 đ" in out
    assert "Hai trăm triệu đồng chẵn" in out
    assert "-10 triệu đồng" in out and "ít hơn tổng kinh phí công bố 10 triệu đồng" in out
    english = run("budget", "--plan", PLAN, "--lang", "en").stdout
    assert "-10 million VND: the items add up to 10 million VND less than the declared total" in english
    assert "Theo dự án" in out


def test_decimal_amounts_stay_exact(run):
    result = run("budget", "--format", "json", "--plan", DATA / "valid" / "minimal.yaml")
    report = json.loads(result.stdout)
    assert report["itemized_million_vnd"] == 12.5
    assert report["difference_million_vnd"] == 0
    assert report["declared_in_words"] == "Mười hai triệu năm trăm nghìn đồng"
    assert "12,5" in run("budget", "--plan", DATA / "valid" / "minimal.yaml").stdout


def test_exact_sum_of_many_decimals(tmp_path):
    from decimal import Decimal

    from cchc.budget import budget_report
    from cchc.load import load_plan

    text = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("budget: 10\n", "budget: 0.1\n").replace("budget: 2.5\n", "budget: 0.2\n")
    text = text.replace("total_million_vnd: 12.5", "total_million_vnd: 0.3")
    text = text.replace("Mười hai triệu năm trăm nghìn đồng", "Ba trăm nghìn đồng chẵn")
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    report = budget_report(load_plan(path).plan)
    assert report.itemized == Decimal("0.3") and report.difference == 0  # 0.1 + 0.2 == 0.3, exactly


def test_a_task_with_no_number_is_null_as_in_the_items_json(report, run):
    # VI-1's group has no numbered task: its budget line and its item say the same, null.
    item = json.loads(run("show", "VI-1", "-f", "json", "--plan", PLAN).stdout)
    assert item["task"] is None
    assert {"section": "VI", "task": None, "million_vnd": 20} in report["tasks"]
    assert all(line["task"] is None or line["task"] for line in report["tasks"])  # never ""


def test_a_total_past_what_words_are_written_for_keeps_the_plans_own_words(run, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "plan: {title: T, year: 2021, total_million_vnd: 2000000000, total_in_words: Hai triệu tỷ đồng chẵn}\n"
        "agencies: [{name: Sở A}]\nsections: [{numeral: I, title: M, tasks: [{items: [{id: A-1, product: xx, lead: [Sở A],"
        " deadline: Tháng 6/2021, budget: 2000000000}]}]}]\n", encoding="utf-8")
    assert json.loads(run("budget", "-f", "json", "--plan", plan).stdout)["declared_in_words"] == "Hai triệu tỷ đồng chẵn"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_items_with_no_lead_come_last_whatever_their_amount(run, tmp_path, lang):
    """The README says the amounts of items with no lead come last; they were sorted by amount among the agencies,
    so a script taking the last entry as the no-lead one read Sở B's."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "plan: {title: T, year: 2021}\nagencies: [{name: Sở A}, {name: Sở B}]\nsections:\n  - numeral: I\n    tasks:\n      - items:\n"
        "          - {id: A-1, product: xx, lead: [Sở A], deadline: Tháng 6/2021, budget: 50}\n"
        "          - {id: A-2, product: yy, lead: [], deadline: Tháng 6/2021, budget: 30}\n"
        "          - {id: A-3, product: zz, lead: [Sở B], deadline: Tháng 6/2021, budget: 10}\n", encoding="utf-8")
    leads = json.loads(run("--lang", lang, "budget", "-f", "json", "--plan", plan).stdout)["leads"]
    assert leads == [{"agency": "Sở A", "million_vnd": 50}, {"agency": "Sở B", "million_vnd": 10},
                     {"agency": "(chưa có cơ quan chủ trì)", "million_vnd": 30}]
    table = run("--lang", lang, "budget", "--plan", plan).stdout.rstrip().splitlines()
    assert table[-1].split()[-1] == "30" and table[-2].startswith("Sở B"), table
