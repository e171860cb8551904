"""`cchc report`: periods, the classes of every item as of a date, rates, score bands, and the four formats."""

from __future__ import annotations

import datetime
import json
import re
import shutil
from fractions import Fraction

import pytest

from cchc.bands import DEFAULT_BANDS, Band, Bands, load_bands
from cchc.deadlines import today as cchc_today
from cchc.load import load_plan
from cchc.outputs.report import rate_float, report_html, report_md, report_record, report_table
from cchc.progress import Entry, Log, load_log
from cchc.query import rows
from cchc.report import CLASSES, PeriodError, build_report, classify, parse_period, window_for
from conftest import DATA, ROOT

PROGRESS = DATA / "progress"
PLAN = PROGRESS / "ke-hoach.yaml"
LOG = PROGRESS / "ke-hoach.progress.yaml"
D = datetime.date


@pytest.fixture(scope="module")
def plan():
    return load_plan(PLAN).plan


@pytest.fixture(scope="module")
def log(plan):
    found, problems = load_log(LOG, plan)
    assert not problems
    return found


@pytest.fixture
def workdir(tmp_path):
    shutil.copy(PLAN, tmp_path / "ke-hoach.yaml")
    shutil.copy(LOG, tmp_path / "ke-hoach.progress.yaml")
    return tmp_path


# ---------------------------------------------------------------- periods


@pytest.mark.parametrize(
    "text, name, start, end, due",
    [
        ("Q1/2021", "Q1/2021", D(2020, 12, 15), D(2021, 3, 14), D(2021, 3, 20)),
        ("quý I/2021", "Q1/2021", D(2020, 12, 15), D(2021, 3, 14), D(2021, 3, 20)),
        ("Quý 1/2021", "Q1/2021", D(2020, 12, 15), D(2021, 3, 14), D(2021, 3, 20)),
        ("QUY I NAM 2021", "Q1/2021", D(2020, 12, 15), D(2021, 3, 14), D(2021, 3, 20)),
        ("Quí I/2021", "Q1/2021", D(2020, 12, 15), D(2021, 3, 14), D(2021, 3, 20)),  # the older spelling of quý
        ("quí III/2021", "Q3/2021", D(2020, 12, 15), D(2021, 9, 14), D(2021, 9, 20)),
        ("q1 2021", "Q1/2021", D(2020, 12, 15), D(2021, 3, 14), D(2021, 3, 20)),
        ("6T/2021", "6T/2021", D(2020, 12, 15), D(2021, 6, 14), D(2021, 6, 20)),
        ("6t/2021", "6T/2021", D(2020, 12, 15), D(2021, 6, 14), D(2021, 6, 20)),
        ("6 tháng 2021", "6T/2021", D(2020, 12, 15), D(2021, 6, 14), D(2021, 6, 20)),
        ("6 tháng đầu năm 2021", "6T/2021", D(2020, 12, 15), D(2021, 6, 14), D(2021, 6, 20)),
        ("Sáu tháng năm 2021", "6T/2021", D(2020, 12, 15), D(2021, 6, 14), D(2021, 6, 20)),
        ("Q3/2021", "Q3/2021", D(2020, 12, 15), D(2021, 9, 14), D(2021, 9, 20)),
        ("quý III / 2021", "Q3/2021", D(2020, 12, 15), D(2021, 9, 14), D(2021, 9, 20)),
        ("9 tháng 2021", "Q3/2021", D(2020, 12, 15), D(2021, 9, 14), D(2021, 9, 20)),
        ("9T/2021", "Q3/2021", D(2020, 12, 15), D(2021, 9, 14), D(2021, 9, 20)),
        ("Chín tháng đầu năm 2021", "Q3/2021", D(2020, 12, 15), D(2021, 9, 14), D(2021, 9, 20)),
        ("2021", "2021", D(2020, 12, 15), D(2021, 12, 14), D(2021, 12, 20)),
        ("năm 2021", "2021", D(2020, 12, 15), D(2021, 12, 14), D(2021, 12, 20)),
        ("Năm 2021", "2021", D(2020, 12, 15), D(2021, 12, 14), D(2021, 12, 20)),
        ("NAM 2021", "2021", D(2020, 12, 15), D(2021, 12, 14), D(2021, 12, 20)),
        ("Báo cáo quý I/2021", "Q1/2021", D(2020, 12, 15), D(2021, 3, 14), D(2021, 3, 20)),
        ("Báo cáo 6 tháng 2021", "6T/2021", D(2020, 12, 15), D(2021, 6, 14), D(2021, 6, 20)),
        ("báo cáo 9 tháng năm 2021", "Q3/2021", D(2020, 12, 15), D(2021, 9, 14), D(2021, 9, 20)),
        ("Báo cáo năm 2021", "2021", D(2020, 12, 15), D(2021, 12, 14), D(2021, 12, 20)),
    ],
)
def test_periods(text, name, start, end, due):
    period = parse_period(text)
    assert (period.name, period.start, period.end, period.report_due) == (name, start, end, due)


@pytest.mark.parametrize(
    "text, key",
    [("Q2/2021", "period.not-a-period"), ("quý IV/2021", "period.not-a-period"), ("Q5/2021", "period.unknown"),
     ("tháng 6/2021", "period.unknown"), ("", "period.unknown"), ("6T/21", "period.unknown"), ("1900", "period.bad-year"),
     ("２０２１", "period.unknown")],
)
def test_bad_periods(text, key):
    with pytest.raises(PeriodError) as caught:
        parse_period(text)
    assert caught.value.key == key


def test_the_window_of_an_as_of_date_is_the_reporting_year_so_far():
    assert window_for(D(2021, 6, 1)) == (D(2020, 12, 15), D(2021, 6, 1))
    assert window_for(D(2021, 12, 14)) == (D(2020, 12, 15), D(2021, 12, 14))
    assert window_for(D(2021, 12, 15)) == (D(2021, 12, 15), D(2021, 12, 15))


# ---------------------------------------------------------------- classes


#: Every item's class in each period, worked out by hand from the log (see the log's comments).
EXPECTED = {
    "Q1/2021": {
        "A-1": "done_on_time", "A-2": "overdue", "A-3": "not_started", "A-4": "undated", "B-1": "not_started",
        "B-2": "in_progress", "B-3": "not_started", "B-4": "not_started", "B-5": "in_progress", "C-1": "not_started",
        "C-2": "not_started", "C-3": "not_started", "C-4": "not_started",
    },
    "6T/2021": {
        "A-1": "done_on_time", "A-2": "done_late", "A-3": "overdue", "A-4": "undated", "B-1": "not_started",
        "B-2": "done_on_time", "B-3": "overdue", "B-4": "cancelled", "B-5": "in_progress", "C-1": "not_started",
        "C-2": "done_on_time", "C-3": "not_started", "C-4": "overdue",
    },
    "Q3/2021": {
        "A-1": "done_on_time", "A-2": "done_late", "A-3": "overdue", "A-4": "undated", "B-1": "done_on_time",
        "B-2": "done_on_time", "B-3": "overdue", "B-4": "cancelled", "B-5": "done_on_time", "C-1": "overdue",
        "C-2": "done_on_time", "C-3": "overdue", "C-4": "overdue",
    },
}
EXPECTED["2021"] = EXPECTED["Q3/2021"]


@pytest.mark.parametrize("name", list(EXPECTED))
def test_every_item_falls_in_one_class(plan, log, name):
    period = parse_period(name)
    placed = {p.row.item.id: p.cls for p in build_report(plan, log, period.end, period).placed}
    assert placed == EXPECTED[name]


def test_every_class_occurs_in_the_test_log(plan, log):
    seen = {cls for classes in EXPECTED.values() for cls in classes.values()}
    assert seen == set(CLASSES)


def test_an_item_due_on_the_as_of_date_is_not_yet_overdue(plan):
    row = next(r for r in rows(plan) if r.item.id == "C-3")  # due 14/6
    assert classify(row, None, D(2021, 6, 14)).cls == "not_started"
    assert classify(row, None, D(2021, 6, 15)).cls == "overdue"


def test_done_on_the_due_date_is_on_time(plan):
    row = next(r for r in rows(plan) if r.item.id == "C-3")
    assert classify(row, Log([Entry("C-3", "done", D(2021, 6, 14))]), D(2021, 12, 14)).cls == "done_on_time"
    assert classify(row, Log([Entry("C-3", "done", D(2021, 6, 15))]), D(2021, 12, 14)).cls == "done_late"


@pytest.mark.parametrize("as_of", [D(2021, 1, 1), D(2021, 3, 31), D(2021, 6, 14), D(2021, 9, 30), D(2022, 1, 5)])
def test_the_report_places_every_item_as_classify_does(plan, log, as_of):
    # The report classifies an item the log does not name by its due dates once per deadline: the same places.
    all_rows = rows(plan)
    logged = set(log.logged_ids())
    assert logged and {r.item.id for r in all_rows} - logged  # items of both kinds
    built = build_report(plan, log, as_of)
    assert built.placed == [classify(row, log, as_of) for row in all_rows]
    assert [p.row for p in built.overdue] == [row for row in all_rows if classify(row, log, as_of).cls == "overdue"]


def test_rows_are_the_plan_s_items_in_order_with_their_context(plan):
    made = rows(plan)
    expected = [(section, task, item) for section, task, item in plan.items()]
    assert [(r.section, r.task, r.item) for r in made] == expected
    assert [r.order for r in made] == list(range(len(expected)))
    assert all(type(r).__name__ == "Row" and r.via is None and r.deadline.text == r.item.deadline for r in made)


def _row(plan, item_id):
    return next(r for r in rows(plan) if r.item.id == item_id)


@pytest.mark.parametrize(
    "item_id, entries, as_of, cls",
    [
        # "Hằng quý" (31/3, 30/6, 30/9, 31/12): overdue once 31/3 has passed undone, and it stays so.
        ("B-3", [], D(2021, 3, 31), "not_started"),
        ("B-3", [], D(2021, 4, 1), "overdue"),
        ("B-3", [("in_progress", D(2021, 3, 1))], D(2021, 6, 14), "overdue"),
        ("B-3", [("in_progress", D(2021, 3, 1))], D(2021, 3, 14), "in_progress"),
        # Done by the first due date: on time in every report.
        ("B-3", [("done", D(2021, 3, 20))], D(2021, 6, 14), "done_on_time"),
        ("B-3", [("done", D(2021, 3, 20))], D(2021, 12, 31), "done_on_time"),
        # Done after the first due date but by the last (31/12): on time (issue 14: "on or before its last due date"),
        # though overdue in a report made before it was done.
        ("B-3", [("done", D(2021, 6, 25))], D(2021, 6, 14), "overdue"),
        ("B-3", [("done", D(2021, 6, 25))], D(2021, 9, 14), "done_on_time"),
        ("B-3", [("done", D(2021, 6, 25))], D(2021, 12, 31), "done_on_time"),
        ("B-3", [("done", D(2021, 12, 31))], D(2021, 12, 31), "done_on_time"),
        # Done after the last due date: late.
        ("B-3", [("done", D(2022, 1, 1))], D(2022, 1, 1), "done_late"),
        # Done before any due date: on time.
        ("B-3", [("done", D(2021, 2, 1))], D(2021, 2, 1), "done_on_time"),
        # "Quý II, IV/2021" (30/6, 31/12): done on 5/7, on time by 31/12; undone after 30/6, overdue.
        ("B-1", [("done", D(2021, 7, 5))], D(2021, 9, 14), "done_on_time"),
        ("B-1", [("done", D(2021, 7, 5))], D(2021, 12, 31), "done_on_time"),
        ("B-1", [("done", D(2022, 1, 3))], D(2022, 1, 3), "done_late"),
        ("B-1", [], D(2021, 7, 1), "overdue"),
        ("B-1", [("in_progress", D(2021, 6, 1))], D(2021, 9, 14), "overdue"),
        # A status can change back: reopened after done.
        ("C-1", [("done", D(2021, 6, 1)), ("in_progress", D(2021, 6, 10))], D(2021, 6, 14), "in_progress"),
        ("C-1", [("done", D(2021, 6, 1)), ("in_progress", D(2021, 6, 10))], D(2021, 6, 5), "done_on_time"),
        ("C-1", [("done", D(2021, 6, 1)), ("in_progress", D(2021, 6, 10))], D(2021, 6, 16), "overdue"),
        ("C-1", [("cancelled", D(2021, 6, 1))], D(2021, 12, 31), "cancelled"),
        # Done again later to add evidence: the first of the done entries is when it was done (B-1: last due 31/12).
        ("B-1", [("done", D(2021, 12, 20)), ("done", D(2022, 1, 10))], D(2022, 1, 31), "done_on_time"),
        ("B-1", [("done", D(2021, 12, 20)), ("done", D(2022, 1, 10)), ("done", D(2022, 2, 1))], D(2022, 3, 1), "done_on_time"),
        # Done, reopened, done again: the last time counts.
        ("B-1", [("done", D(2021, 12, 20)), ("in_progress", D(2021, 12, 28)), ("done", D(2022, 1, 10))], D(2022, 1, 31), "done_late"),
        ("B-1", [("in_progress", D(2021, 12, 1)), ("done", D(2021, 12, 20)), ("done", D(2022, 1, 10))], D(2022, 1, 31), "done_on_time"),
        # No due date.
        ("A-4", [], D(2021, 12, 31), "undated"),
        ("A-4", [("not_started", D(2021, 2, 1))], D(2021, 12, 31), "undated"),
        ("A-4", [("in_progress", D(2021, 2, 1))], D(2021, 12, 31), "in_progress"),
        ("A-4", [("done", D(2021, 2, 1))], D(2021, 12, 31), "done_on_time"),
        # An entry dated after the as-of date does not count.
        ("C-1", [("done", D(2021, 6, 1))], D(2021, 5, 31), "not_started"),
    ],
)
def test_classes_of_items_with_one_several_and_no_due_dates(plan, item_id, entries, as_of, cls):
    log = Log([Entry(item_id, status, day, index=i) for i, (status, day) in enumerate(entries)])
    assert classify(_row(plan, item_id), log, as_of).cls == cls


# ---------------------------------------------------------------- figures


@pytest.mark.parametrize(
    "name, totals, rate, done, of",
    [
        ("Q1/2021", {"done_on_time": 1, "done_late": 0, "overdue": 1, "in_progress": 2, "not_started": 8, "undated": 1, "cancelled": 0, "done_in_period": 1, "entries_in_period": 6}, Fraction(1, 2), 1, 2),
        ("6T/2021", {"done_on_time": 3, "done_late": 1, "overdue": 3, "in_progress": 1, "not_started": 3, "undated": 1, "cancelled": 1, "done_in_period": 5, "entries_in_period": 12}, Fraction(4, 7), 4, 7),
        # B-5 (no due date) is done on time but not in the rate: 5 of 10.
        ("Q3/2021", {"done_on_time": 5, "done_late": 1, "overdue": 5, "in_progress": 0, "not_started": 0, "undated": 1, "cancelled": 1, "done_in_period": 7, "entries_in_period": 14}, Fraction(1, 2), 5, 10),
        # A-3 was done on 20/12, after the year's window closed on 14/12.
        ("2021", {"done_on_time": 5, "done_late": 1, "overdue": 5, "in_progress": 0, "not_started": 0, "undated": 1, "cancelled": 1, "done_in_period": 7, "entries_in_period": 14}, Fraction(1, 2), 5, 10),
    ],
)
def test_totals_and_rate(plan, log, name, totals, rate, done, of):
    period = parse_period(name)
    report = build_report(plan, log, period.end, period)
    assert report_record(report)["totals"] == {"items": 13, **totals}
    assert (report.totals.rate, report.totals.rate_done, report.totals.rate_total) == (rate, done, of)


def test_by_section_and_by_lead(plan, log):
    record = report_record(build_report(plan, log, D(2021, 6, 14), parse_period("6T/2021")))
    assert [(s["section"], s["title"], s["items"], s["completion_rate"]) for s in record["by_section"]] == [
        ("I", "CẢI CÁCH THỂ CHẾ", 4, 2 / 3),
        ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 5, 0.5),
        ("III", "CẢI CÁCH TÀI CHÍNH CÔNG", 4, 0.5),
    ]
    # A-3 names no lead: it counts under the plan's default lead, Sở Nội vụ. Vietnamese alphabetical order.
    assert [(a["agency"], a["items"], a["overdue"], a["completion_rate"]) for a in record["by_lead"]] == [
        ("Các sở, ban, ngành", 1, 0, None),
        ("Sở Nội vụ", 6, 2, 1 / 3),
        ("Sở Tài chính", 4, 1, 0.5),
        ("Sở Tư pháp", 2, 0, 1.0),
    ]
    for group in record["by_section"] + record["by_lead"]:
        assert group["items"] == sum(group[c] for c in CLASSES)


def test_items_with_no_lead_go_under_null(plan, log):
    no_default = plan.model_copy(update={"plan": plan.plan.model_copy(update={"default_lead": None})})
    record = report_record(build_report(no_default, log, D(2021, 6, 14), parse_period("6T/2021")))
    assert record["by_lead"][-1]["agency"] is None and record["by_lead"][-1]["items"] == 1
    assert next(o for o in record["overdue"] if o["id"] == "A-3")["lead"] == []


def test_an_overdue_item_with_no_lead_is_named_so_in_every_printed_report(plan, log):
    """The overdue list said nothing in its lead cell where the table by lead, above it, says "no lead agency"."""
    no_default = plan.model_copy(update={"plan": plan.plan.model_copy(update={"default_lead": None})})
    report = build_report(no_default, log, D(2021, 6, 14), parse_period("6T/2021"))
    row = next(line for line in report_md(report).splitlines() if line.startswith("| A-3 |"))
    assert row.split(" | ")[2] == "(chưa có cơ quan chủ trì)", row
    assert "(no lead agency)" in next(line for line in report_md(report, "en").splitlines() if line.startswith("| A-3 |"))
    html = report_html(report)
    assert re.search(r'<td class="id">A-3</td><td>[^<]*</td><td>\(chưa có cơ quan chủ trì\)</td>', html), html
    # In English, cchc's own words for no lead are not marked as the plan's Vietnamese; a lead's name is.
    html = report_html(report, "en")
    assert re.search(r'<td class="id">A-3</td><td lang="vi">[^<]*</td><td>\(no lead agency\)</td>', html)
    assert re.search(r'<td class="id">C-4</td><td lang="vi">[^<]*</td><td lang="vi">Sở Tài chính</td>', html)


def test_the_overdue_list_shows_the_dates_missed_not_those_to_come(plan, log):
    """B-3 is due each quarter, missed on 31/03. The half-year report (as of 14/06) listed it overdue with
    "31/03/2021, 30/06/2021, 30/09/2021, 31/12/2021": three dates it could not yet have missed."""
    report = build_report(plan, log, D(2021, 6, 14), parse_period("6T/2021"))
    row = next(line for line in report_md(report).splitlines() if line.startswith("| B-3 |"))
    assert "31/03/2021" in row and not re.search(r"30/06|30/09|31/12", row), row
    assert re.search(r'<td class="id">B-3</td>(?:<td[^>]*>[^<]*</td>){2}<td[^>]*>31/03/2021</td>', report_html(report))
    assert re.search(r"^B-3 .*2021-03-31 ", report_table(report, "en"), re.M)
    # The JSON keeps every due date of the item (the contract); a report after 30/06 lists both missed.
    assert next(o for o in report_record(report)["overdue"] if o["id"] == "B-3")["due"] == ["2021-03-31", "2021-06-30", "2021-09-30", "2021-12-31"]
    later = build_report(plan, log, D(2021, 7, 1))
    assert "31/03/2021, 30/06/2021 |" in next(line for line in report_md(later).splitlines() if line.startswith("| B-3 |"))


@pytest.mark.parametrize("columns", [80, 100, 120])
@pytest.mark.parametrize("lang, status, no_lead", [("vi", "chưa ghi tiến độ", "(chưa có cơ quan chủ trì)"), ("en", "nothing recorded", "(no lead agency)")])
def test_a_terminal_s_overdue_table_cuts_no_status_nor_the_words_for_no_lead(plan, log, monkeypatch, columns, lang, status, no_lead):
    """A terminal of 80 to 120 columns cut "chưa ghi tiến độ" into "chưa ghi tiến" and "độ" (the Ghi chú column kept
    room); the plain table's 24 columns cut "(chưa có cơ quan chủ trì)"."""
    from cchc.outputs.report import report_table

    monkeypatch.setenv("COLUMNS", str(columns))
    no_default = plan.model_copy(update={"plan": plan.plan.model_copy(update={"default_lead": None})})
    report = build_report(no_default, log, D(2021, 6, 14), parse_period("6T/2021"))
    text = re.sub(r"\x1b\[[0-9;]*m", "", report_table(report, lang, terminal=True))
    assert re.search(rf"^│ A-3 .*│ {status} +│", text, re.M), text
    assert max(len(line) for line in text.splitlines() if line[:1] in "│┃┏┡└") <= columns  # the tables fit
    plain = report_table(report, lang)
    assert re.search(rf"^A-3 .* {re.escape(no_lead)} +[0-9]", plain, re.M), plain


def test_no_log_no_rate_until_something_is_due(plan):
    report = build_report(plan, None, D(2021, 1, 31))
    assert report.totals.rate is None and report.band is None
    assert report_record(report)["completion_rate"] is None and report_record(report)["score"] is None
    assert report_record(build_report(plan, None, D(2021, 3, 1)))["completion_rate"] == 0.0


def test_as_of_a_date_after_a_period(plan, log):
    record = report_record(build_report(plan, log, D(2021, 12, 31)))
    assert record["period"] is None and record["window"] == {"from": "2021-12-15", "to": "2021-12-31"}
    # Late: A-2 (due 31/3, done 20/4) and A-3 (due 30/6, done 20/12); B-1 and B-2 were done by their last due dates.
    assert record["totals"]["done_late"] == 2 and record["totals"]["done_on_time"] == 5  # A-1, B-1, B-2, B-5, C-2
    assert record["totals"]["done_in_period"] == 1
    assert record["completion_rate"] == 0.6


def test_a_rate_in_json_is_the_float_of_its_fraction_not_rounded():
    # A reader computing (done_on_time + done_late) / (… + overdue) from the counts gets the very same number.
    assert rate_float(Fraction(4, 7)) == 4 / 7 == 0.5714285714285714
    assert rate_float(Fraction(2, 3)) == 2 / 3 and rate_float(Fraction(1, 8)) == 0.125
    assert rate_float(Fraction(1, 20000)) == 5e-05 and rate_float(Fraction(0, 3)) == 0.0 and rate_float(Fraction(3, 3)) == 1.0
    big = Fraction(10**30 + 1, 3 * 10**30)  # beyond a float's digits: the nearest float, as float division gives it
    assert rate_float(big) == (10**30 + 1) / (3 * 10**30)
    assert rate_float(None) is None


# ---------------------------------------------------------------- score bands


@pytest.mark.parametrize("percent, points", [(100, 2), (Fraction(9001, 100), 2), (90, 1), (80, 1), (70, 1), (Fraction(6999, 100), 0), (0, 0)])
def test_default_bands_are_ca_mau_s(percent, points):
    assert DEFAULT_BANDS.band_for(Fraction(percent) / 100).points == points


def test_bands_from_a_file(tmp_path):
    path = tmp_path / "bands.yaml"
    path.write_text("name: Tỉnh A\nbands:\n  - at_least: 95\n    points: 3\n  - above: 80\n    points: 1.5\n  - points: 0\n", encoding="utf-8")
    bands, problems = load_bands(path)
    assert problems == [] and bands.name == "Tỉnh A" and bands.max_points == 3
    assert [bands.band_for(Fraction(p, 100)).points for p in (95, 94, 81, 80)] == [3, 1.5, 1.5, 0]


@pytest.mark.parametrize(
    "text, where",
    [
        ("bands: []\n", (1, 8)),
        ("bands:\n  - above: 90\n    points: 2\n  - at_least: 95\n    points: 1\n  - points: 0\n", (4, 5)),  # not descending
        ("bands:\n  - above: 90\n    points: 2\n", (2, 5)),  # the last band has a threshold
        ("bands:\n  - points: 2\n  - above: 50\n    points: 1\n", (2, 5)),  # a catch-all before the end
        ("bands:\n  - above: 120\n    points: 2\n  - points: 0\n", (2, 12)),
        ("bands:\n  - above: 90\n    points: -1\n  - points: 0\n", (3, 13)),
        ("bands:\n  - above: 90\n    at_least: 80\n    points: 1\n  - points: 0\n", (2, 5)),
        ("bands:\n  - above: 90\n    pionts: 1\n  - points: 0\n", (2, 5)),
        ("name: x\nbands:\n  - points: 0\nextra: 1\n", (4, 1)),
    ],
)
def test_bad_bands_are_located(tmp_path, text, where):
    path = tmp_path / "bands.yaml"
    path.write_text(text, encoding="utf-8")
    bands, problems = load_bands(path)
    assert bands is None and (problems[0].line, problems[0].column) == where and problems[0].code == "bands-schema", problems


def test_a_last_band_with_a_threshold_is_told_to_drop_it(tmp_path):
    # "the last level has no threshold: it takes the rest" read as a rule stated, not the fault found.
    path = tmp_path / "bands.yaml"
    path.write_text("bands:\n  - above: 90\n    points: 2\n  - at_least: 50\n    points: 1\n", encoding="utf-8")
    _, problems = load_bands(path)
    assert [p.message("en") for p in problems] == ["the last level must have no threshold (it takes the rest): remove its above or at_least"]


def test_report_with_a_province_s_bands(run, workdir):
    bands = workdir / "bands.yaml"
    bands.write_text("name: Tỉnh A\nbands:\n  - at_least: 50\n    points: 2\n  - points: 0\n", encoding="utf-8")
    record = json.loads(run("report", "--period", "6T/2021", "--plan", workdir / "ke-hoach.yaml", "--bands", bands, "-f", "json").stdout)
    assert record["score"] == {"points": 2, "max_points": 2, "band": {"points": 2, "above": None, "at_least": 50}, "criteria": "Tỉnh A", "source": str(bands)}
    default = json.loads(run("report", "--period", "6T/2021", "--plan", workdir / "ke-hoach.yaml", "-f", "json").stdout)
    assert default["score"]["points"] == 0 and default["score"]["criteria"] == "Cà Mau" and default["score"]["source"] is None
    bands.write_text("bands: !!python/object:os.system []\n", encoding="utf-8")
    result = run("report", "--period", "6T/2021", "--plan", workdir / "ke-hoach.yaml", "--bands", bands)
    assert result.exit_code == 2 and f"{bands}:1:8" in result.stderr, result


def test_bands_dataclass_rejects_nothing_silently():
    bands = Bands("x", (Band(1, above=50), Band(0)))
    assert bands.band_for(Fraction(1, 2)).points == 0 and bands.band_for(Fraction(51, 100)).points == 1


# ---------------------------------------------------------------- the JSON contract (CLI)


def test_json_contract(run, workdir):
    result = run("report", "--period", "6 tháng 2021", "--plan", workdir / "ke-hoach.yaml", "--format", "json")
    assert result.exit_code == 0, result
    record = json.loads(result.stdout)
    assert record["as_of"] == "2021-06-14"
    assert record["period"] == {"name": "6T/2021", "from": "2020-12-15", "to": "2021-06-14", "report_due": "2021-06-20"}
    count_keys = {"items", *CLASSES, "done_in_period"}
    assert count_keys <= set(record["totals"])
    assert record["completion_rate"] == 4 / 7 and isinstance(record["completion_rate"], float)
    totals = record["totals"]  # the contract's formula over dated items: here every done item is dated
    assert record["completion_rate"] == (totals["done_on_time"] + totals["done_late"]) / (totals["done_on_time"] + totals["done_late"] + totals["overdue"])
    for group in record["by_section"]:
        assert {"section", "title", "completion_rate"} | count_keys <= set(group)
    for group in record["by_lead"]:
        assert {"agency", "completion_rate"} | count_keys <= set(group)
    assert record["overdue"] == [
        {"id": "A-3", "product": "Báo cáo đánh giá thi hành pháp luật", "section": "I", "lead": ["Sở Nội vụ"], "deadline": "Tháng 5/2021", "due": ["2021-05-31"], "status": None, "note": None},
        {"id": "B-3", "product": "Báo cáo kết quả giải quyết thủ tục hành chính", "section": "II", "lead": ["Sở Nội vụ"], "deadline": "Hằng quý", "due": ["2021-03-31", "2021-06-30", "2021-09-30", "2021-12-31"], "status": None, "note": None},
        {"id": "C-4", "product": "Kế hoạch kiểm tra tài chính", "section": "III", "lead": ["Sở Tài chính"], "deadline": "Tháng 4/2021", "due": ["2021-04-30"], "status": "in_progress", "note": "Đang trình ký"},
    ]
    # Machine output does not change with the language.
    assert run("--lang", "en", "report", "--period", "6T/2021", "--plan", workdir / "ke-hoach.yaml", "-f", "json").stdout == result.stdout


def test_every_format_says_whose_plan_it_reports_on(run, workdir, tmp_path):
    # Two districts' plans of one title and one number ("12/KH-UBND") gave reports that could not be told apart.
    args = ("report", "--period", "6T/2021", "--plan", workdir / "ke-hoach.yaml")
    record = json.loads(run(*args, "-f", "json").stdout)
    assert record["plan"] == {"title": "KẾ HOẠCH Cải cách hành chính năm 2021", "number": "12/KH-UBND", "issuer": "UBND TỈNH THỬ NGHIỆM"}
    table = run(*args).stdout.splitlines()
    assert table[1:3] == ["UBND TỈNH THỬ NGHIỆM", "KẾ HOẠCH Cải cách hành chính năm 2021 (12/KH-UBND)"]
    # A paragraph of its own: the period's line was joined to it, one paragraph once rendered.
    assert "UBND TỈNH THỬ NGHIỆM\n\n**KẾ HOẠCH Cải cách hành chính năm 2021** (12/KH-UBND)\n\nKỳ báo cáo 6 tháng" in run(*args, "-f", "md").stdout
    assert '<p class="center">UBND TỈNH THỬ NGHIỆM</p>' in run(*args, "-f", "html").stdout
    from docx import Document

    assert run(*args, "-o", tmp_path / "bc.docx").exit_code == 0
    texts = [p.text for p in Document(str(tmp_path / "bc.docx")).paragraphs]
    at = texts.index("UBND TỈNH THỬ NGHIỆM")
    assert texts[at + 1] == "KẾ HOẠCH Cải cách hành chính năm 2021 (12/KH-UBND)"


def test_as_of_option(run, workdir):
    record = json.loads(run("report", "--as-of", "31/12/2021", "--plan", workdir / "ke-hoach.yaml", "-f", "json").stdout)
    assert record["as_of"] == "2021-12-31" and record["period"] is None


def test_a_past_period_reports_the_same_whatever_was_logged_since(run, workdir):
    first = run("report", "--period", "Q1/2021", "--plan", workdir / "ke-hoach.yaml", "-f", "json").stdout
    assert run("progress", "A-2", "--status", "cancelled", "--on", "2021-11-01", "--plan", workdir / "ke-hoach.yaml").exit_code == 0
    assert run("report", "--period", "Q1/2021", "--plan", workdir / "ke-hoach.yaml", "-f", "json").stdout == first
    later = json.loads(run("report", "--period", "2021", "--plan", workdir / "ke-hoach.yaml", "-f", "json").stdout)
    assert later["totals"]["cancelled"] == 2


def test_an_item_with_several_due_dates_is_on_time_by_its_last(run, tmp_path):
    # VII-4 of the 2021 plan, "Quý II, IV/2021" (30/6 and 31/12), done on 1/7: on time by 31/12 (issue 14).
    plan = tmp_path / "2021.yaml"
    shutil.copy(ROOT / "plans" / "2021.yaml", plan)
    assert run("report", "--as-of", "2021-07-01", "--plan", plan, "-f", "json").exit_code == 0
    undone = json.loads(run("report", "--as-of", "2021-07-01", "--plan", plan, "-f", "json").stdout)
    assert "VII-4" in [o["id"] for o in undone["overdue"]]
    recorded = run("progress", "VII-4", "--status", "done", "--on", "2021-07-01", "--plan", plan, "--today", "2021-07-01")
    assert recorded.exit_code == 0, recorded
    for args in (("--as-of", "2021-07-01"), ("--period", "Q3/2021"), ("--period", "2021")):
        result = run("report", *args, "--plan", plan, "-f", "json")
        record = json.loads(result.stdout)
        assert (record["totals"]["done_on_time"], record["totals"]["done_late"]) == (1, 0), (args, result)
        assert "VII-4" not in [o["id"] for o in record["overdue"]]
        section = next(s for s in record["by_section"] if s["section"] == "VII")
        assert (section["done_on_time"], section["done_late"]) == (1, 0)
    table = run("--lang", "en", "report", "--period", "Q3/2021", "--plan", plan)
    assert re.search(r"^Done on time\s+1$", table.stdout, re.M) and re.search(r"^Done late\s+0$", table.stdout, re.M), table


@pytest.mark.parametrize(
    "args, text",
    [
        (("--period", "Q2/2021"), "6T/2021"),
        (("--period", "quarter one"), "Q1/2021"),
        (("--period", "Q1/2021", "--as-of", "2021-03-14"), "--as-of"),
        (("--as-of", "14.03.2021"), "--as-of"),
        (("--format", "odt"), "--format"),
        (("-o", "report.odt"), "odt"),
        (("-f", "md", "-o", "report.html"), "--format"),
    ],
)
def test_bad_report_options_are_exit_2(run, workdir, args, text):
    result = run("report", *args, "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 2 and text in result.stderr, result


def test_report_refuses_a_log_with_errors(run, workdir):
    shutil.copy(PROGRESS / "invalid" / "bad-status.progress.yaml", workdir / "ke-hoach.progress.yaml")
    result = run("report", "--period", "6T/2021", "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 1 and ":3:11:" in result.stderr and "progress-status" in result.stderr, result


# ---------------------------------------------------------------- people's formats


def test_table_in_both_languages(run, workdir):
    vi = run("report", "--period", "6T/2021", "--plan", workdir / "ke-hoach.yaml")
    assert vi.exit_code == 0, vi
    for words in ("Kỳ báo cáo 6 tháng đầu năm 2021", "Tỷ lệ hoàn thành: 57,1%", "Hoàn thành đúng hạn", "Hoàn thành quá hạn",
                  "Quá hạn", "Đang thực hiện", "Chưa thực hiện", "Không có hạn chót", "Hủy bỏ", "Điểm: 0/2 (Cà Mau: dưới 70%)",
                  "Đang trình ký", "Sở Nội vụ"):
        assert words in vi.stdout, words
    assert re.search(r"^Hoàn thành đúng hạn\s+3$", vi.stdout, re.M)
    en = run("--lang", "en", "report", "--period", "6T/2021", "--plan", workdir / "ke-hoach.yaml")
    for words in ("first half of 2021", "Completion rate: 57.1%", "Done on time", "Done late", "Overdue", "Score: 0/2 (Cà Mau: below 70%)"):
        assert words in en.stdout, words
    assert "Hoàn thành đúng hạn" not in en.stdout


def test_the_period_sentence_says_it_counts_done_entries_not_items_done(run, workdir):
    # In 6T/2021 five items have a done entry (A-1, A-2, B-2, C-2 and C-4); C-4 was reopened the same day,
    # so only four are done as of 14/6. The JSON figure stays the contract's; the sentence must not say "completed".
    record = json.loads(run("report", "--period", "6T/2021", "--plan", workdir / "ke-hoach.yaml", "-f", "json").stdout)
    assert record["totals"]["done_in_period"] == 5
    assert record["totals"]["done_on_time"] + record["totals"]["done_late"] == 4
    vi = run("report", "--period", "6T/2021", "--plan", workdir / "ke-hoach.yaml")
    assert "Trong kỳ: 12 mục ghi tiến độ, trong đó 5 mục ghi hoàn thành (tình trạng sau đó có thể đã đổi)" in vi.stdout, vi
    assert "nhiệm vụ hoàn thành" not in vi.stdout
    # The rate's sentence says which number is done: "4 trên 7 nhiệm vụ … đã hoàn thành hoặc đã quá hạn" read as 4 done or overdue.
    assert "(đã hoàn thành 4 trên 7 nhiệm vụ có hạn chót đã đến hạn hoặc đã hoàn thành)" in vi.stdout, vi
    en = run("--lang", "en", "report", "--period", "6T/2021", "--plan", workdir / "ke-hoach.yaml", "-f", "md")
    assert "In the period: 12 progress entries, 5 of which record done (statuses may have changed since)." in en.stdout, en
    assert "completed" not in en.stdout


def test_done_in_period_counts_the_done_entries_an_item_done_twice_counts_twice(run, workdir):
    # The contract: "the number of entries dated inside the period (done_in_period for done ones)". A-1 is
    # recorded done again in June to add evidence: one more done entry, one more entry, the same items done.
    before = json.loads(run("report", "--period", "6T/2021", "--plan", workdir / "ke-hoach.yaml", "-f", "json").stdout)
    run("progress", "A-1", "--status", "done", "--on", "2021-06-10", "--note", "Bổ sung minh chứng", "--plan", workdir / "ke-hoach.yaml")
    after = json.loads(run("report", "--period", "6T/2021", "--plan", workdir / "ke-hoach.yaml", "-f", "json").stdout)
    assert after["totals"]["done_in_period"] == before["totals"]["done_in_period"] + 1
    assert after["totals"]["entries_in_period"] == before["totals"]["entries_in_period"] + 1
    assert after["totals"]["done_on_time"] + after["totals"]["done_late"] == before["totals"]["done_on_time"] + before["totals"]["done_late"]
    section = next(s for s in after["by_section"] if s["section"] == "I")
    assert section["done_in_period"] == next(s for s in before["by_section"] if s["section"] == "I")["done_in_period"] + 1


def test_markdown(plan, log):
    text = report_md(build_report(plan, log, D(2021, 6, 14), parse_period("6T/2021")), "vi")
    assert text.startswith("# Kết quả thực hiện kế hoạch cải cách hành chính\n")
    assert "| I | CẢI CÁCH THỂ CHẾ | 1 | 1 | 1 | 0 | 0 | 1 | 0 | 66,7% |" in text
    assert "| C-4 | Kế hoạch kiểm tra tài chính | Sở Tài chính | 30/04/2021 | đang thực hiện | Đang trình ký |" in text
    assert "| **Tổng số nhiệm vụ** | **13** |" in text


def test_html_is_self_contained_with_a_bar_per_section_and_agency(plan, log):
    html = report_html(build_report(plan, log, D(2021, 6, 14), parse_period("6T/2021")), "vi")
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html.lower()
    assert not re.search(r"(?:src|href)\s*=", html) and "@import" not in html and "url(" not in html
    svgs = re.findall(r"<svg.*?</svg>", html, re.S)
    assert len(svgs) == 2
    assert svgs[0].count('class="track"') == 3 and svgs[1].count('class="track"') == 4
    # Bars are as long as the rate: I is at 66.7 % of 520 units, Sở Tư pháp at 100 %.
    assert 'class="bar" x="0" y="15" width="346.7"' in svgs[0]
    assert 'width="520.0"' in svgs[1]
    # The thresholds of the score (70 % and 90 %) are drawn on each chart.
    assert svgs[0].count('class="threshold"') == 2 and 'x1="364.0"' in svgs[0] and 'x1="468.0"' in svgs[0]
    assert "Sở Nội vụ" in svgs[1] and "—" in svgs[1]  # Các sở, ban, ngành has no rate


def test_html_escapes_plan_text(plan, log):
    hostile = plan.model_copy(update={"plan": plan.plan.model_copy(update={"title": "<script>alert(1)</script> & co"})})
    html = report_html(build_report(hostile, log, D(2021, 6, 14)), "en")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html


def test_an_english_reports_html_marks_the_plans_own_words_as_vietnamese(plan, log):
    # A screen reader read the plan's titles and names with an English voice: only cchc's words are English.
    from html.parser import HTMLParser

    class Texts(HTMLParser):
        def __init__(self):
            super().__init__()
            self.langs, self.found = ["?"], {}

        def handle_starttag(self, tag, attrs):
            if tag not in ("meta", "br", "link", "img", "hr"):  # no end tag
                self.langs.append(dict(attrs).get("lang") or self.langs[-1])

        def handle_endtag(self, tag):
            self.langs.pop()

        def handle_data(self, data):
            if data.strip():
                self.found.setdefault(data.strip(), self.langs[-1])

    for lang, plan_words in (("en", "vi"), ("vi", "vi")):
        texts = Texts()
        texts.feed(report_html(build_report(plan, log, D(2021, 6, 14), parse_period("6T/2021")), lang))
        assert texts.found[plan.plan.title] == plan_words and texts.found["CẢI CÁCH THỂ CHẾ"] == plan_words
        assert texts.found["Sở Tư pháp"] == plan_words and texts.found["Kế hoạch kiểm tra tài chính"] == plan_words
        heading = "By lead agency (the first-named lead)" if lang == "en" else "Theo cơ quan chủ trì (cơ quan chủ trì đầu tiên)"
        assert texts.found[heading] == lang, texts.found
    # The row of items with no lead is named in cchc's words.
    # A deep copy: the module's plan stays as it is.
    no_lead = plan.model_copy(deep=True, update={"plan": plan.plan.model_copy(update={"default_lead": None})})
    first = no_lead.sections[0].tasks[0].items[0]
    no_lead.sections[0].tasks[0].items[0] = first.model_copy(update={"lead": []})
    texts = Texts()
    texts.feed(report_html(build_report(no_lead, log, D(2021, 6, 14), parse_period("6T/2021")), "en"))
    assert texts.found["(no lead agency)"] == "en"


def test_output_file_takes_its_format_from_the_extension(run, workdir):
    for name, start in (("r.html", "<!DOCTYPE html>"), ("r.md", "# Kết quả"), ("r.json", "{"), ("r.txt", "Kết quả")):
        result = run("report", "--period", "Q3/2021", "--plan", workdir / "ke-hoach.yaml", "-o", workdir / name)
        assert result.exit_code == 0 and result.stdout == "", result
        assert (workdir / name).read_text(encoding="utf-8").startswith(start), name


def test_report_never_overwrites_its_inputs(run, workdir):
    log_file = workdir / "ke-hoach.progress.yaml"
    before = log_file.read_bytes()
    result = run("report", "--plan", workdir / "ke-hoach.yaml", "-f", "json", "-o", log_file)
    assert result.exit_code == 2 and log_file.read_bytes() == before, result


def test_a_period_outside_the_plans_year_is_noted(run):
    outside = run("report", "--period", "2022", "-f", "json")
    assert outside.exit_code == 0 and "thuộc năm báo cáo 2022" in outside.stderr and "không phải năm của kế hoạch (2021)" in outside.stderr
    inside = run("report", "--period", "Q1/2021", "-f", "json")
    assert inside.exit_code == 0 and "thuộc năm báo cáo" not in inside.stderr, inside


def test_a_report_without_a_log_says_so(run, workdir):
    # Read from the wrong folder, a report of no progress looked like a report of a year without any ("0%").
    with_log = run("report", "--plan", workdir / "ke-hoach.yaml", "--period", "6T/2021", "-f", "json")
    assert with_log.exit_code == 0 and with_log.stderr == "", with_log
    (workdir / "ke-hoach.progress.yaml").unlink()
    for args in ((), ("--lang", "en")):
        without = run(*args, "report", "--plan", workdir / "ke-hoach.yaml", "--period", "6T/2021", "-f", "json")
        log = str(workdir / "ke-hoach.progress.yaml")
        said = {(): f'không có sổ theo dõi tiến độ "{log}"', ("--lang", "en"): f'there is no progress log "{log}"'}[args]
        assert without.exit_code == 0 and said in without.stderr and json.loads(without.stdout)["totals"]["done_late"] == 0, without


@pytest.mark.parametrize("as_of, noted", [("2020-12-31", False), ("2020-12-15", False), ("2020-12-14", True), ("2021-12-14", False), ("2021-12-31", True)])
def test_the_note_knows_a_reporting_year_starts_on_15_12_of_the_year_before(run, as_of, noted):
    """15/12–31/12/2020 are the first days of 2021's reporting year (it was said to lie outside 2021), and
    15/12–31/12/2021 the first of 2022's (it was said nothing of)."""
    result = run("report", "--as-of", as_of, "-f", "json")
    assert result.exit_code == 0, result
    assert ("không phải năm của kế hoạch" in result.stderr) == noted, result.stderr


@pytest.mark.parametrize("args", [("--period", "2022"), ("--period", "Q1/2020"), ("--as-of", "2023-02-01")])
def test_a_period_outside_the_plans_year_is_reported_with_a_note_naming_the_plans_periods(run, workdir, args):
    result = run("report", *args, "--plan", workdir / "ke-hoach.yaml", "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)
    year = load_plan(PLAN).plan.plan.year
    assert f"không phải năm của kế hoạch ({year})" in result.stderr
    assert f"--period Q1/{year}, 6T/{year}, Q3/{year} hoặc {year}" in result.stderr
    english = run("--lang", "en", "report", *args, "--plan", workdir / "ke-hoach.yaml", "-f", "json").stderr
    assert f"not to the plan's year ({year}); this plan's periods are --period Q1/{year}, 6T/{year}, Q3/{year} or {year}" in english


def test_a_period_in_the_plans_year_has_no_note(run, workdir):
    year = load_plan(PLAN).plan.plan.year
    for period in (f"Q1/{year}", f"6T/{year}", f"Q3/{year}", f"{year}"):
        result = run("report", "--period", period, "--plan", workdir / "ke-hoach.yaml", "-f", "json")
        assert result.exit_code == 0 and result.stderr == "", (period, result)


def test_each_rate_is_what_its_completion_counts_say(run, tmp_path):
    # An undated item done counts as done on time, but the rate is over dated items: each group says what its rate is of.
    from conftest import PLAN as PLAN_2021

    plan = tmp_path / "ke-hoach.yaml"
    shutil.copy(PLAN_2021, plan)
    (tmp_path / "ke-hoach.progress.yaml").write_text(
        '- id: "I-5"\n  status: "done"\n  date: "2021-03-01"\n- id: "I-3"\n  status: "done"\n  date: "2021-01-20"\n', encoding="utf-8")
    record = json.loads(run("report", "--plan", plan, "--period", "6T/2021", "-f", "json").stdout)
    groups = [record] + record["by_section"] + record["by_lead"]
    for group in groups:
        done, of = group["completion"]["done"], group["completion"]["of"]
        assert group["completion_rate"] == (done / of if of else None), group
    section_one = next(g for g in record["by_section"] if g["section"] == "I")
    assert section_one["done_on_time"] + section_one["done_late"] == 2 and section_one["completion"]["done"] == 1  # I-5 has no date


@pytest.mark.parametrize(
    "done, of, vi, points",
    [
        (1399, 2000, "69,95%", 0),  # rounded, 70 % would read as the 70 % threshold beside 0 points
        (1799, 2000, "89,95%", 1),
        (9001, 10000, "90,01%", 2),  # above 90 %, not "90 %" beside 2 points
        (7, 10, "70%", 1),
        (2, 3, "66,7%", 0),
        (727, 1000, "72,7%", 1),
    ],
)
def test_a_shown_rate_never_reads_as_a_threshold_it_is_not(done, of, vi, points):
    from cchc.bands import DEFAULT_BANDS
    from cchc.outputs.report import percent_text

    rate = Fraction(done, of)
    assert percent_text(rate, "vi") == vi and percent_text(rate, "en") == vi.replace(",", ".")
    assert DEFAULT_BANDS.band_for(rate).points == points


def test_a_period_not_over_is_reported_as_of_today_with_a_note(run, workdir):
    args = ("report", "--plan", workdir / "ke-hoach.yaml", "--period", "2021", "-f", "json")
    early = run(*args, "--today", "2021-11-30")
    assert early.exit_code == 0 and "14/12/2021 chưa đến" in early.stderr and "30/11/2021" in early.stderr, early
    record = json.loads(early.stdout)
    assert record["as_of"] == "2021-11-30" and record["period"]["name"] == "2021"
    as_of = json.loads(run("report", "--plan", workdir / "ke-hoach.yaml", "--as-of", "2021-11-30", "-f", "json").stdout)
    assert record == as_of | {"period": record["period"], "window": record["window"]}  # the figures of that day
    # Nothing is overdue before its due date: items due 31/12 are not overdue on 30/11.
    assert record["overdue"] and all(min(o["due"]) < "2021-11-30" for o in record["overdue"])
    later = run(*args, "--today", "2022-01-10")  # the period is over: as of its last day, no note
    assert json.loads(later.stdout)["as_of"] == "2021-12-14" and "chưa đến" not in later.stderr
    future = run("report", "--plan", workdir / "ke-hoach.yaml", "--as-of", "2021-12-20", "--today", "2021-12-01", "--lang", "en")
    assert future.exit_code == 0 and "2021-12-20 has not come yet" in future.stderr


def test_the_overdue_tables_dates_are_one_a_line_and_whole(run, workdir):
    """Its 10 columns cut "31/03/2021, 30/06/2021" into "31/03/2021" and a line of its own for the comma."""
    text = run("report", "--as-of", "2021-07-01", "--plan", workdir / "ke-hoach.yaml").stdout  # B-3 has missed two
    overdue = text[text.index("Nhiệm vụ quá hạn") if "Nhiệm vụ quá hạn" in text else 0 :]
    several = [line for line in overdue.splitlines() if len(re.findall(r"\d\d/\d\d/\d{4}", line)) > 1]
    assert not re.search(r"\d\d/\d\d/\d{4},", overdue) and not several, overdue
    lines = overdue.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("B-3 "))
    assert "31/03/2021" in lines[first] and "30/06/2021" in lines[first + 1], overdue


@pytest.mark.parametrize("lang, status", [("vi", "chưa ghi tiến độ"), ("en", "nothing recorded")])
def test_the_overdue_tables_status_is_never_cut(run, workdir, lang, status):
    """Its 14 columns cut "chưa ghi tiến độ" into "chưa ghi tiến" and a line "độ" in the plain table (piped, COLUMNS aside)."""
    (workdir / "ke-hoach.progress.yaml").unlink()
    text = run("report", "--period", "6T/2021", "--lang", lang, "--plan", workdir / "ke-hoach.yaml", env={"COLUMNS": "150"}).stdout
    overdue = text[text.index(status):]
    assert re.search(rf"[0-9] +{status}$", overdue, re.M), overdue
    assert not re.search(r"^ +(độ|recorded)$", overdue, re.M), overdue


# ---------------------------------------------------------------- a report as of a day before the period ends


YEAR_PLAN = """plan:
  number: 12/KH-SNV
  date: {year}-01-02
  title: KẾ HOẠCH Cải cách hành chính năm {year}
  year: {year}
agencies:
  - name: Sở Nội vụ
sections:
  - numeral: I
    title: CẢI CÁCH THỂ CHẾ
    tasks:
      - number: "1"
        title: Việc một
        items:
          - id: I-1
            product: Quý hai
            lead: [Sở Nội vụ]
            deadline: Quý II/{year}
          - id: I-2
            product: Năm
            lead: [Sở Nội vụ]
            deadline: Năm {year}
"""


def test_a_report_as_of_a_day_counts_only_what_was_logged_until_then(run, tmp_path):
    # The 6-month report asked for as of 1/3: the entries of 20/4 and 10/5 are not yet; asked again later, the same.
    plan = tmp_path / "p.yaml"
    plan.write_text(YEAR_PLAN.format(year=2024), encoding="utf-8")
    (tmp_path / "p.progress.yaml").write_text(
        '- {id: I-1, status: done, date: "2024-04-20"}\n- {id: I-2, status: done, date: "2024-05-10"}\n', encoding="utf-8")
    early = json.loads(run("report", "--plan", plan, "--period", "6T/2024", "--today", "2024-03-01", "-f", "json").stdout)["totals"]
    assert (early["done_on_time"], early["not_started"], early["done_in_period"], early["entries_in_period"]) == (0, 2, 0, 0)
    later = json.loads(run("report", "--plan", plan, "--period", "6T/2024", "--today", "2024-06-30", "-f", "json").stdout)["totals"]
    assert (later["done_on_time"], later["done_in_period"], later["entries_in_period"]) == (2, 2, 2)


def test_report_judges_the_log_as_of_its_today_as_every_query_does(run, tmp_path):
    # An entry dated after the machine's date but before --today is refused by nothing that is asked as of --today.
    today = cchc_today()
    plan = tmp_path / "p.yaml"
    plan.write_text(YEAR_PLAN.format(year=today.year), encoding="utf-8")
    soon, asked = today + datetime.timedelta(days=10), today + datetime.timedelta(days=30)
    (tmp_path / "p.progress.yaml").write_text(f'- {{id: I-2, status: done, date: "{soon}"}}\n', encoding="utf-8")
    for args in (("list", "--status", "done"), ("report", "--period", str(today.year))):
        result = run(*args, "--plan", plan, "--today", str(asked), "-f", "json")
        assert result.exit_code == 0, (args, result.stderr)


def test_a_bands_file_that_is_a_directory_is_called_what_it_is(run, tmp_path):
    result = run("report", "--period", "6T/2021", "--bands", tmp_path)
    assert result.exit_code == 2 and "không phải tệp thang điểm" in result.stderr and "kế hoạch" not in result.stderr.split("\n")[0]


def test_an_empty_bands_file_is_called_empty_not_a_plan(run, tmp_path):
    # "the file holds no plan" was said of an empty score bands file (and an empty --agencies registry).
    empty = tmp_path / "bands.yaml"
    empty.write_text("# chưa có gì\n", encoding="utf-8")
    result = run("--lang", "en", "report", "--bands", empty)
    assert result.exit_code == 2 and "[empty] the file holds nothing (it is empty, or only comments)" in result.stderr, result
    assert "plan" not in result.stderr.split("[empty]")[1].splitlines()[0]


def test_a_section_with_no_item_yet_is_in_the_figures_by_section(plan, log):
    # It was left out of "by_section": the report's sections were those its items are in.
    blank = plan.sections[0].model_copy(update={"numeral": "IX", "title": "MỤC CHƯA CÓ NHIỆM VỤ", "tasks": []})
    with_blank = plan.model_copy(update={"sections": [plan.sections[0], blank, *plan.sections[1:]]})
    record = report_record(build_report(with_blank, log, D(2021, 6, 14), parse_period("6T/2021")))
    before = report_record(build_report(plan, log, D(2021, 6, 14), parse_period("6T/2021")))
    assert [s["section"] for s in record["by_section"]] == [plan.sections[0].numeral, "IX"] + [s["section"] for s in before["by_section"][1:]]
    empty = record["by_section"][1]
    assert empty["title"] == "MỤC CHƯA CÓ NHIỆM VỤ" and empty["items"] == 0 and empty["completion_rate"] is None
    assert record["totals"] == before["totals"]
