"""`cchc calendar`: every due date as an all-day event with a reminder, stable UIDs, the same bytes on every run."""

from __future__ import annotations

import datetime
import json
import re
import shutil

import pytest
from hypothesis import given, settings, strategies as st

from cchc.load import load_plan
from cchc.outputs.ics import event_uid
from cchc.query import rows
from conftest import DATA, ROOT

PROGRESS = DATA / "progress"
PLAN = PROGRESS / "ke-hoach.yaml"
LOG = PROGRESS / "ke-hoach.progress.yaml"
PLAN_KEY = "ủy ban nhân dân tỉnh thử nghiệm\x1f12/khubnd\x1f2021"  # its issuer ("UBND TỈNH THỬ NGHIỆM"), number and year, as keyed


@pytest.fixture(scope="module")
def plan():
    return load_plan(PLAN).plan


@pytest.fixture
def workdir(tmp_path):
    shutil.copy(PLAN, tmp_path / "ke-hoach.yaml")
    return tmp_path


def calendar_bytes(run, *args) -> bytes:
    result = run("calendar", *args)
    assert result.exit_code == 0, result
    return result.stdout_bytes


def expected_events(plan, keep=lambda row: True):
    """(date, id) of every due date of every dated item, in the calendar's order."""
    found = [(day, row.order, row.item.id) for row in rows(plan) if keep(row) for day in row.deadline.due]
    return [(day, item_id) for day, _, item_id in sorted(found)]


# ---------------------------------------------------------------- parsed back by icalendar


def test_every_due_date_is_an_all_day_event_with_a_reminder(run, workdir, plan):
    import icalendar

    data = calendar_bytes(run, "--plan", workdir / "ke-hoach.yaml")
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["VERSION"]) == "2.0" and str(cal["PRODID"])
    events = list(cal.walk("VEVENT"))
    assert [(e.decoded("DTSTART"), str(e["SUMMARY"]).split(":")[0]) for e in events] == expected_events(plan, lambda r: True)
    assert len(events) == 18  # B-2 and B-3 "Hằng quý" give four each, B-1 "Quý II, IV/2021" two
    by_id = {row.item.id: row for row in rows(plan)}
    for event in events:
        item_id, product = str(event["SUMMARY"]).split(": ", 1)
        row = by_id[item_id]
        day = event.decoded("DTSTART")
        assert product == row.item.product
        assert type(day) is datetime.date and event.decoded("DTEND") == day + datetime.timedelta(days=1)
        assert str(event["UID"]) == event_uid(PLAN_KEY, item_id, day)
        assert event.decoded("DTSTAMP") == datetime.datetime(2021, 1, 5, tzinfo=datetime.timezone.utc)
        description = str(event["DESCRIPTION"])
        assert f"Thời hạn: {row.item.deadline}" in description
        lead = row.item.lead[0] if row.item.lead else "Sở Nội vụ"  # the plan's default lead
        assert f"Chủ trì: {lead}" in description
        for partner in row.item.partners:
            assert partner in description
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1
        assert str(alarms[0]["ACTION"]) == "DISPLAY" and alarms[0].decoded("TRIGGER") == datetime.timedelta(days=-7)
        assert str(alarms[0]["DESCRIPTION"]) == str(event["SUMMARY"])
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_recurring_items_have_an_event_per_due_date(run, workdir):
    import icalendar

    cal = icalendar.Calendar.from_ical(calendar_bytes(run, "--plan", workdir / "ke-hoach.yaml"))
    b2 = [e for e in cal.walk("VEVENT") if str(e["SUMMARY"]).startswith("B-2:")]
    assert [e.decoded("DTSTART") for e in b2] == [datetime.date(2021, 3, 31), datetime.date(2021, 6, 30), datetime.date(2021, 9, 30), datetime.date(2021, 12, 31)]
    assert "Hạn 30/06/2021, một trong 4 hạn chót" in str(b2[1]["DESCRIPTION"])



@pytest.mark.parametrize(
    "title, deadline, heading",
    [
        ("CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "Hằng quý", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
        # escapes where a line may fold, and a CR LF (one line end), a lone CR and a control character
        (
            '"Thủ tục; hành chính, C:\\\\N \\u00e0\\r\\ncấp xã\\rcấp huyện\\x1b"', "Hằng quý",
            "Thủ tục; hành chính, C:\\N à\ncấp xã\ncấp huyện\\x1b",
        ),
        # a line that ends with a CR, which the line end after it joins: one line end
        ('"CẢI CÁCH THỦ TỤC HÀNH CHÍNH\\r"', '"Hằng quý\\r"', "CẢI CÁCH THỦ TỤC HÀNH CHÍNH\n"),
    ],
)
def test_each_date_of_a_recurring_item_has_its_own_description(run, workdir, title, deadline, heading):
    # The lines an item's events share are escaped once, the line of each date in its place.
    import icalendar

    text = (workdir / "ke-hoach.yaml").read_text(encoding="utf-8")
    text = text.replace("title: CẢI CÁCH THỦ TỤC HÀNH CHÍNH", f"title: {title}")
    text = text.replace("lead: [Sở Nội vụ]\n            deadline: Hằng quý", f"lead: [Sở Tư pháp, Sở Nội vụ]\n            deadline: {deadline}", 1)
    (workdir / "titled.yaml").write_text(text, encoding="utf-8")
    cal = icalendar.Calendar.from_ical(calendar_bytes(run, "--plan", workdir / "titled.yaml"))
    b2 = [str(e["DESCRIPTION"]) for e in cal.walk("VEVENT") if str(e["SUMMARY"]).startswith("B-2:")]
    days = ["31/03/2021", "30/06/2021", "30/09/2021", "31/12/2021"]
    assert b2 == [
        f"Chủ trì: Sở Tư pháp; Sở Nội vụ\nThời hạn: Hằng quý\nHạn {day}, một trong 4 hạn chót của nhiệm vụ\nMục: II. {heading}"
        for day in days
    ]

def test_description_follows_the_language(run, workdir):
    import icalendar

    cal = icalendar.Calendar.from_ical(calendar_bytes(run, "--lang", "en", "--plan", workdir / "ke-hoach.yaml"))
    first = next(iter(cal.walk("VEVENT")))
    assert str(first["DESCRIPTION"]).startswith("Lead: Sở Tư pháp\nPartners: Sở Nội vụ\nDeadline: Tháng 2/2021")



@pytest.mark.parametrize(
    "name, source, lang",
    [
        ("calendar-2021.ics", ROOT / "plans" / "2021.yaml", "vi"),
        ("calendar-ke-hoach.ics", PLAN, "vi"),
        ("calendar-ke-hoach-en.ics", PLAN, "en"),
    ],
)
def test_golden_calendars(run, name, source, lang):
    # The bytes the icalendar library wrote for these plans, before cchc wrote its calendars itself (but their UIDs,
    # made since from the issuer's and the number's spelling as keyed, and the default lead marked as such); a change to
    # them is a change for every calendar that imported the file.
    assert calendar_bytes(run, "--lang", lang, "--plan", source) == (ROOT / "tests" / "golden" / name).read_bytes()


# ---------------------------------------------------------------- the text itself


def test_text_lines_crlf_folded_at_75_octets(run, workdir):
    data = calendar_bytes(run, "--plan", workdir / "ke-hoach.yaml")
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)  # Vietnamese summaries are long enough to fold
    for line in lines:
        line.decode("utf-8")  # folding never splits a character
    unfolded = data.replace(b"\r\n ", b"").decode("utf-8").split("\r\n")[:-1]
    assert unfolded[0] == "BEGIN:VCALENDAR" and unfolded[-1] == "END:VCALENDAR"
    assert sum(1 for line in unfolded if re.fullmatch(r"DTSTART;VALUE=DATE:2021\d{4}", line)) == 18
    assert sum(1 for line in unfolded if re.fullmatch(r"DTEND;VALUE=DATE:20\d{6}", line)) == 18
    assert unfolded.count("TRIGGER:-P7D") == unfolded.count("ACTION:DISPLAY") == 18
    assert set(line for line in unfolded if line.startswith("DTSTAMP")) == {"DTSTAMP:20210105T000000Z"}


def _parse_ics(data: bytes) -> list[dict]:
    """An independent reading of RFC 5545 content lines: unfold, split NAME;PARAMS:VALUE, unescape TEXT."""
    text = re.sub(r"\r\n[ \t]", "", data.decode("utf-8"))
    events, current, depth = [], None, []
    for line in text.split("\r\n")[:-1]:
        head, _, value = line.partition(":")
        name, *params = head.split(";")
        if name == "BEGIN":
            depth.append(value)
            if value == "VEVENT":
                current = {"alarm": {}}
            continue
        if name == "END":
            assert depth.pop() == value
            if value == "VEVENT":
                events.append(current)
            continue
        if current is None:
            continue
        unescaped = re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)
        target = current["alarm"] if depth[-1] == "VALARM" else current
        target[name] = (unescaped, tuple(params))
    assert depth == []
    return events


def test_an_independent_reading_agrees(run, workdir, plan):
    events = _parse_ics(calendar_bytes(run, "--plan", workdir / "ke-hoach.yaml"))
    assert [(datetime.datetime.strptime(e["DTSTART"][0], "%Y%m%d").date(), e["SUMMARY"][0].split(":")[0]) for e in events] == expected_events(plan)
    for event in events:
        assert event["DTSTART"][1] == ("VALUE=DATE",) and event["DTEND"][1] == ("VALUE=DATE",)
        assert event["alarm"] == {"ACTION": ("DISPLAY", ()), "TRIGGER": ("-P7D", ()), "DESCRIPTION": event["SUMMARY"]}
        assert re.fullmatch(r"[0-9a-f]{32}@cchc", event["UID"][0])
    b1 = next(e for e in events if e["SUMMARY"][0].startswith("B-1:"))
    assert "Phối hợp: Các sở, ban, ngành" in b1["DESCRIPTION"][0]


def test_vobject_reads_it_too(run, workdir):
    vobject = pytest.importorskip("vobject")
    cal = vobject.readOne(calendar_bytes(run, "--plan", workdir / "ke-hoach.yaml").decode("utf-8"))
    assert len(cal.vevent_list) == 18
    assert all(len(e.valarm_list) == 1 for e in cal.vevent_list)


# ---------------------------------------------------------------- stable


def test_the_same_plan_gives_the_same_bytes(run, workdir, monkeypatch, tmp_path):
    first = calendar_bytes(run, "--plan", workdir / "ke-hoach.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    assert calendar_bytes(run, "--plan", workdir / "ke-hoach.yaml") == first
    # An output file holds the same bytes.
    assert run("calendar", "--plan", workdir / "ke-hoach.yaml", "-o", tmp_path / "plan.ics").exit_code == 0
    assert (tmp_path / "plan.ics").read_bytes() == first


def test_uids_follow_the_plan_number_item_and_date_only(run, workdir):
    import icalendar

    def uids(path):
        return {str(e["SUMMARY"]).split(":")[0] + "@" + str(e.decoded("DTSTART")): str(e["UID"]) for e in icalendar.Calendar.from_ical(calendar_bytes(run, "--plan", path)).walk("VEVENT")}

    before = uids(workdir / "ke-hoach.yaml")
    text = (workdir / "ke-hoach.yaml").read_text(encoding="utf-8")
    (workdir / "changed.yaml").write_text(text.replace("Kế hoạch kiểm tra tài chính", "Kế hoạch kiểm tra tài chính (sửa đổi)"), encoding="utf-8")
    assert uids(workdir / "changed.yaml") == before  # re-importing updates these events
    (workdir / "other.yaml").write_text(text.replace("12/KH-UBND", "13/KH-UBND"), encoding="utf-8")
    assert set(uids(workdir / "other.yaml").values()).isdisjoint(before.values())
    assert event_uid(PLAN_KEY, "A-1", datetime.date(2021, 3, 31)) != event_uid(PLAN_KEY, "A-1", datetime.date(2021, 6, 30))


# ---------------------------------------------------------------- filters


def test_pending_leaves_out_done_and_cancelled_items(run, workdir, plan):
    import icalendar

    shutil.copy(LOG, workdir / "ke-hoach.progress.yaml")
    data = calendar_bytes(run, "--plan", workdir / "ke-hoach.yaml", "--pending", "--today", "2021-06-14")
    ids = {str(e["SUMMARY"]).split(":")[0] for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}
    assert ids == {"A-3", "B-1", "B-3", "C-1", "C-3", "C-4"}  # B-2, C-2 done, B-4 cancelled; C-4 reopened
    # Without --pending the log is not read: every dated item.
    everything = calendar_bytes(run, "--plan", workdir / "ke-hoach.yaml", "--today", "2021-06-14")
    assert everything == calendar_bytes(run, "--plan", workdir / "ke-hoach.yaml")


def test_agency_uses_the_same_rule_as_list(run, workdir):
    import icalendar

    for agency in ("STP", "so noi vu", "Sở Tài chính", "Các sở, ban, ngành"):
        listed = json.loads(run("list", "--agency", agency, "--plan", workdir / "ke-hoach.yaml", "-f", "json").stdout)
        dated = {r["id"] for r in listed if r["deadline"]["due"]}
        data = calendar_bytes(run, "--plan", workdir / "ke-hoach.yaml", "--agency", agency)
        assert {str(e["SUMMARY"]).split(":")[0] for e in icalendar.Calendar.from_ical(data).walk("VEVENT")} == dated, agency
    # Sở Tư pháp sees B-1 through its group "Các sở, ban, ngành".
    assert b"SUMMARY:B-1:" in calendar_bytes(run, "--plan", workdir / "ke-hoach.yaml", "--agency", "STP")


def test_the_calendars_name_says_whose_plan_and_whose_items(run, workdir):
    # Two districts' plans both titled "KẾ HOẠCH Cải cách hành chính năm 2021" made calendars of one name.
    import icalendar

    whole = icalendar.Calendar.from_ical(calendar_bytes(run, "--plan", workdir / "ke-hoach.yaml"))
    assert str(whole["X-WR-CALNAME"]) == "KẾ HOẠCH Cải cách hành chính năm 2021 — UBND TỈNH THỬ NGHIỆM"
    extract = icalendar.Calendar.from_ical(calendar_bytes(run, "--plan", workdir / "ke-hoach.yaml", "--agency", "STP"))
    assert str(extract["X-WR-CALNAME"]) == "KẾ HOẠCH Cải cách hành chính năm 2021 — UBND TỈNH THỬ NGHIỆM — Sở Tư pháp"


def test_unknown_agency_is_exit_1(run, workdir):
    result = run("calendar", "--plan", workdir / "ke-hoach.yaml", "--agency", "Sở Xây dựng")
    assert result.exit_code == 1 and result.stdout == "", result


def test_nothing_dated_is_an_empty_calendar_not_an_error(run, workdir):
    import icalendar

    shutil.copy(LOG, workdir / "ke-hoach.progress.yaml")
    with (workdir / "ke-hoach.progress.yaml").open("a", encoding="utf-8") as log:
        log.write("".join(f'- id: "{i}"\n  status: "done"\n  date: "2021-12-01"\n' for i in ("A-3", "B-1", "B-3", "C-1", "C-3", "C-4")))
    args = ("calendar", "--plan", workdir / "ke-hoach.yaml", "--pending", "--today", "2021-12-31")
    result = run(*args)
    assert result.exit_code == 0 and "Không có nhiệm vụ nào có hạn chót" in result.stderr, result
    # Still a calendar, with no event: one written before with -o must not keep the events now done.
    out = workdir / "lich.ics"
    assert run(*args[:-3], "-o", out).exit_code == 0 and len(icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")) > 0
    assert run(*args, "-o", out).exit_code == 0
    for data in (result.stdout_bytes, out.read_bytes()):
        calendar = icalendar.Calendar.from_ical(data)
        assert calendar.walk("VEVENT") == [] and data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
        # RFC 5545's grammar wants one component or more: Vietnam's time zone, UTC+7 (a strict reader refuses none).
        (zone,) = calendar.walk("VTIMEZONE")
        assert str(zone["TZID"]) == "Asia/Ho_Chi_Minh" and zone.walk("STANDARD")[0]["TZOFFSETTO"].td == datetime.timedelta(hours=7)
        assert [c.name for c in calendar.subcomponents] == ["VTIMEZONE"]


def test_control_characters_in_plan_text_are_neutralised(run, workdir):
    import icalendar

    text = (workdir / "ke-hoach.yaml").read_text(encoding="utf-8")
    text = text.replace("product: Kế hoạch kiểm tra tài chính", 'product: "Kế hoạch\\x1b[31m kiểm tra\\u2028tài chính\\r\\nmới"')
    (workdir / "hostile.yaml").write_text(text, encoding="utf-8")
    data = calendar_bytes(run, "--plan", workdir / "hostile.yaml")
    bare = data.replace(b"\r\n", b"")
    assert b"\x1b" not in data and "\u2028".encode() not in data and b"\r" not in bare and b"\n" not in bare
    c4 = next(e for e in icalendar.Calendar.from_ical(data).walk("VEVENT") if str(e["SUMMARY"]).startswith("C-4"))
    assert str(c4["SUMMARY"]) == "C-4: Kế hoạch\\x1b[31m kiểm tra\\u2028tài chính\nmới"


def test_calendar_never_overwrites_the_plan(run, workdir):
    plan_file = workdir / "ke-hoach.yaml"
    before = plan_file.read_bytes()
    result = run("calendar", "--plan", plan_file, "-o", plan_file)
    assert result.exit_code == 2 and plan_file.read_bytes() == before, result


def test_escapes_and_folds_read_back_exactly(run, workdir):
    # Backslashes (one before N, which RFC 5545 also reads as a line end when unescaped), commas, semicolons
    # and carets, where a line may fold: every reader gets the product back as written.
    import icalendar

    product = "Báo cáo C:\\Nội vụ\\N; số 1, 2^3 " * 3 + "kết thúc\\"
    text = (workdir / "ke-hoach.yaml").read_text(encoding="utf-8")
    (workdir / "escapes.yaml").write_text(text.replace("product: Kế hoạch kiểm tra tài chính", f"product: '{product}'"), encoding="utf-8")
    data = calendar_bytes(run, "--plan", workdir / "escapes.yaml")
    c4 = next(e for e in icalendar.Calendar.from_ical(data).walk("VEVENT") if str(e["SUMMARY"]).startswith("C-4"))
    assert str(c4["SUMMARY"]) == f"C-4: {product}"
    assert next(e for e in _parse_ics(data) if e["SUMMARY"][0].startswith("C-4"))["SUMMARY"][0] == f"C-4: {product}"


# ---------------------------------------------------------------- the writer's lines, any text

_ODD = "\\^,;:\n aăđĐẫỵ“”–😀\u00a0\u0301"
_ANY_TEXT = st.text(alphabet=st.one_of(st.sampled_from(_ODD), st.characters(blacklist_categories=("Cs", "Cc"))), min_size=40, max_size=300)


def _escaped(text: str) -> str:
    # RFC 5545 3.3.11, written apart from the writer: a backslash before each backslash, semicolon and comma; "\n" for a line end.
    return re.sub(r"([\\;,])", r"\\\1", text).replace("\n", "\\n")


def _physical_lines_hold(line: bytes) -> None:
    physical = line.split(b"\r\n")[:-1]
    assert line.endswith(b"\r\n") and b"\n" not in line.replace(b"\r\n", b"")
    assert all(len(piece) <= 75 for piece in physical)
    assert all(piece.startswith(b" ") for piece in physical[1:]) and not physical[0].startswith(b" ")
    for piece in physical:
        piece.decode("utf-8")  # never cut inside a character
    # never cut inside an escape: a line ends after an even run of backslashes (each pair one escaped backslash)
    assert not any((len(piece) - len(piece.rstrip(b"\\"))) % 2 for piece in physical[:-1])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(_ODD + "\r\x1b\x85\u2028\u200b"), st.characters(blacklist_categories=("Cs",))), max_size=80))
def test_printable_text_is_escaped_as_the_rest(text):
    # A printable text is escaped as bytes, the rest as text first: both give what _text then _escape give.
    from cchc.outputs.ics import _escape, _text, _value

    assert _value(text) == _escape(_text(text)).encode("utf-8")
    if text.isprintable():
        assert _value(text).decode("utf-8") == _escaped(text)


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT, st.sampled_from(["SUMMARY", "DESCRIPTION"]))
def test_any_text_makes_lines_of_at_most_75_octets_that_read_back(text, name):
    import icalendar

    from cchc.outputs.ics import _escape, _lines

    line = _lines(f"{name}:{_escape(text)}")
    _physical_lines_hold(line)
    assert line.replace(b"\r\n ", b"").decode("utf-8") == f"{name}:{_escaped(text)}\r\n"
    event = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + line + b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    assert str(next(iter(icalendar.Calendar.from_ical(event).walk("VEVENT")))[name]) == text


@pytest.mark.parametrize("width", range(60, 80))
def test_an_escape_at_the_fold_stays_whole(width):
    from cchc.outputs.ics import _escape, _lines

    for text in ("a" * width + "\\,b", "a" * width + ",;\\\\x", "ạ" * (width // 2) + "\\😀" + "\\" * width):
        line = _lines(f"SUMMARY:{_escape(text)}")
        _physical_lines_hold(line)
        assert line.replace(b"\r\n ", b"").decode("utf-8") == f"SUMMARY:{_escaped(text)}\r\n"


def test_two_plans_with_one_number_or_one_title_from_two_issuers_have_events_apart(run, tmp_path):
    # Every district numbers its plans "01/KH-UBND"; two departments' plans from one starter share a title. In one
    # calendar, an event with another plan's UID replaces it.
    text = PLAN.read_text(encoding="utf-8")
    uids = []
    for issuer in ("UBND HUYỆN VŨ THƯ", "UBND HUYỆN KIẾN XƯƠNG"):
        for number in ("12/KH-UBND", None):
            changed = text.replace("issuer: UBND TỈNH THỬ NGHIỆM", f"issuer: {issuer}")
            if number is None:
                changed = changed.replace("  number: 12/KH-UBND\n", "")
            path = tmp_path / "p.yaml"
            path.write_text(changed, encoding="utf-8")
            data = calendar_bytes(run, "--plan", path)
            uids.append({line for line in data.split(b"\r\n") if line.startswith(b"UID:")})
    assert all(len(found) == 18 for found in uids)
    for a in range(len(uids)):
        for b in range(a + 1, len(uids)):
            assert not uids[a] & uids[b], (a, b)


def test_a_bodys_plans_of_two_years_with_one_number_have_events_apart(run, tmp_path):
    # Numbers start again each year: "12/KH-UBND" of 2021 and of 2022 are two plans. An item of each due the same day
    # (a wording with its own year) had one UID: importing one plan's calendar replaced the other's event.
    text = PLAN.read_text(encoding="utf-8")
    events = []
    for year in (2021, 2022):
        path = tmp_path / f"p-{year}.yaml"
        path.write_text(text.replace("  year: 2021\n", f"  year: {year}\n", 1), encoding="utf-8")
        lines = calendar_bytes(run, "--plan", path).split(b"\r\n")
        starts = [line for line in lines if line.startswith(b"DTSTART")]
        uids = [line for line in lines if line.startswith(b"UID:")]
        events.append(dict(zip(uids, starts)))
    same_days = set(events[0].values()) & set(events[1].values())
    assert same_days  # "Quý I/2021" and the like are due the same day in both
    assert not set(events[0]) & set(events[1])


def test_the_issuer_and_the_number_spelt_another_way_keep_every_uid(run, tmp_path):
    # "UBND" written out, other case, spaces, a full stop: the same body and plan, so the same events, not copies.
    text = PLAN.read_text(encoding="utf-8")
    first = {line for line in calendar_bytes(run, "--plan", PLAN).split(b"\r\n") if line.startswith(b"UID:")}
    respelt = text.replace("issuer: UBND TỈNH THỬ NGHIỆM", "issuer: Uỷ ban nhân dân  tỉnh Thử nghiệm.")  # "Uỷ": the old tone
    respelt = respelt.replace("  number: 12/KH-UBND\n", "  number: 12 / KH - UBND\n")
    assert respelt != text
    path = tmp_path / "p.yaml"
    path.write_text(respelt, encoding="utf-8")
    assert {line for line in calendar_bytes(run, "--plan", path).split(b"\r\n") if line.startswith(b"UID:")} == first
    # ... while another district's plan of the same number keeps events of its own.
    path.write_text(text.replace("issuer: UBND TỈNH THỬ NGHIỆM", "issuer: UBND TỈNH KHÁC"), encoding="utf-8")
    assert not {line for line in calendar_bytes(run, "--plan", path).split(b"\r\n") if line.startswith(b"UID:")} & first


def test_the_default_lead_is_shown_as_such(run):
    # An item whose lead cell is blank has the plan's default lead, marked as list and show mark it.
    import icalendar

    cal = icalendar.Calendar.from_ical(calendar_bytes(run, "--plan", PLAN))
    plan = load_plan(PLAN).plan
    blank = {item.id for _, _, item in plan.items() if not item.lead}
    assert blank
    for event in cal.walk("VEVENT"):
        item_id = str(event["SUMMARY"]).split(":", 1)[0]
        first = str(event["DESCRIPTION"]).splitlines()[0]
        assert first == ("Chủ trì: Sở Nội vụ (mặc định)" if item_id in blank else first.replace(" (mặc định)", "")), first


def test_two_communes_whose_names_differ_in_their_marks_have_events_apart(run, tmp_path):
    # "Việt Hùng" and "Việt Hưng" are two communes: a key without marks gave their plans, both 45/KH-UBND, one UID each.
    text = PLAN.read_text(encoding="utf-8")
    found = []
    for name in ("UBND XÃ VIỆT HÙNG", "UBND XÃ VIỆT HƯNG"):
        path = tmp_path / "p.yaml"
        path.write_text(text.replace("issuer: UBND TỈNH THỬ NGHIỆM", f"issuer: {name}"), encoding="utf-8")
        found.append({line for line in calendar_bytes(run, "--plan", path).split(b"\r\n") if line.startswith(b"UID:")})
    assert found[0] and not found[0] & found[1]


_AGENCY_PLAN = """\
plan:
  issuer: UBND TỈNH THỬ NGHIỆM
  number: 12/KH-UBND
  date: 2021-01-05
  title: KẾ HOẠCH Cải cách hành chính năm 2021
  year: 2021
  default_lead: Sở Nội vụ
agencies:
  - name: Sở Nội vụ
    short: [SNV]
  - name: "Ban A, B; C\\\\D"
    short: [BA]
  - name: "Phòng\\u200bTư pháp"
  - name: Sở Tài chính
sections:
  - numeral: I
    title: CẢI CÁCH; THỂ CHẾ
    tasks:
      - items:
          - id: A-1
            product: Kế hoạch rà soát
            lead: [BA, Sở Nội vụ]
            partners: [SNV, "Phòng\\u200bTư pháp", Sở Tài chính]
            deadline: Quý I/2021
          - id: A-2
            product: Quyết định
            partners: [Sở Tài chính, ba]
            deadline: Hằng quý
          - id: A-3
            product: Báo cáo
            lead: [Sở Tài chính, "Phòng\\u200bTư pháp"]
            deadline: Tháng 5/2021
          - id: A-4
            product: Tờ trình
            lead: [ba, SNV]
            partners: [BA]
            deadline: Tháng 6/2021
"""


@pytest.mark.parametrize(
    "lang, lead, partners, deadline, section",
    [("vi", "Chủ trì", "Phối hợp", "Thời hạn", "Mục"), ("en", "Lead", "Partners", "Deadline", "Section")],
)
def test_agencies_with_escapes_or_invisible_characters_read_back_by_full_name(run, tmp_path, lang, lead, partners, deadline, section):
    # Each agency's name is escaped once and joined into the lines of every item that names it: a comma, a
    # semicolon or a backslash in a name, a name not printable (escaped with its line) and a short form in any case
    # all read back as the full names joined by "; ", and the default lead marked.
    import icalendar

    (tmp_path / "kh.yaml").write_text(_AGENCY_PLAN, encoding="utf-8")
    cal = icalendar.Calendar.from_ical(calendar_bytes(run, "--lang", lang, "--plan", tmp_path / "kh.yaml"))
    seen = {str(e["SUMMARY"]).split(":", 1)[0]: str(e["DESCRIPTION"]) for e in cal.walk("VEVENT")}
    ban, phong, default = "Ban A, B; C\\D", "Phòng\u200bTư pháp", "Sở Nội vụ (mặc định)" if lang == "vi" else "Sở Nội vụ (default)"
    where = f"{section}: I. CẢI CÁCH; THỂ CHẾ"
    assert seen["A-1"] == f"{lead}: {ban}; Sở Nội vụ\n{partners}: Sở Nội vụ; {phong}; Sở Tài chính\n{deadline}: Quý I/2021\n{where}"
    assert seen["A-2"].startswith(f"{lead}: {default}\n{partners}: Sở Tài chính; {ban}\n{deadline}: Hằng quý\n")
    assert seen["A-3"] == f"{lead}: Sở Tài chính; {phong}\n{deadline}: Tháng 5/2021\n{where}"
    assert seen["A-4"] == f"{lead}: {ban}; Sở Nội vụ\n{partners}: {ban}\n{deadline}: Tháng 6/2021\n{where}"
