"""The progress log: reading it with locations, its checks, status as of a date, and `cchc progress` appending to it."""

from __future__ import annotations

import datetime
import json
import os
import re
import shlex
import shutil
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc.inputs import yaml as safeyaml
from cchc.deadlines import today as cchc_today
from cchc.load import load_plan
from cchc.progress_write import entry_text
from cchc.progress import (
    Entry,
    Log,
    LogNotAppendable,
    append_entry,
    check_future,
    check_log_beside,
    find_log,
    load_log,
    log_path,
    unreadable,
    yaml_string,
)
from conftest import DATA

PROGRESS = DATA / "progress"
PLAN = PROGRESS / "ke-hoach.yaml"
LOG = PROGRESS / "ke-hoach.progress.yaml"
INVALID = sorted((PROGRESS / "invalid").glob("*.progress.yaml"))
TODAY = datetime.date(2021, 12, 31)
D = datetime.date


@pytest.fixture(scope="module")
def plan():
    loaded = load_plan(PLAN)
    assert loaded.plan is not None and not loaded.errors, loaded.problems
    return loaded.plan


@pytest.fixture
def workdir(tmp_path):
    """A copy of the test plan, without a log, in a directory of its own."""
    shutil.copy(PLAN, tmp_path / "ke-hoach.yaml")
    return tmp_path


def read_back(path: Path, plan) -> Log:
    log, problems = load_log(path, plan)
    assert log is not None and not problems, problems
    return log


# ---------------------------------------------------------------- where the log is


def test_the_log_lives_beside_the_plan():
    assert log_path(Path("plans/2021.yaml")) == Path("plans/2021.progress.yaml")
    assert log_path(Path("a/ke-hoach.v2.yml")) == Path("a/ke-hoach.v2.progress.yaml")
    assert log_path(Path("plan")) == Path("plan.progress.yaml")
    assert log_path(Path("plans/2021.yaml"), Path("elsewhere/log.yaml")) == Path("elsewhere/log.yaml")


def test_no_log_beside_the_plan_says_nothing(workdir, plan):
    assert find_log(workdir / "ke-hoach.yaml", plan) == (None, [])
    assert check_log_beside(workdir / "ke-hoach.yaml", plan, TODAY) == []


def test_a_log_named_explicitly_must_exist(workdir, plan):
    log, problems = find_log(workdir / "ke-hoach.yaml", plan, workdir / "missing.yaml")
    assert log is None and [p.code for p in problems] == ["not-found"] and unreadable(problems)


# ---------------------------------------------------------------- status as of a date


def test_the_test_log_reads_without_problems(plan):
    log = read_back(LOG, plan)
    assert len(log) == 15
    assert log.entries[0] == Entry("A-1", "done", D(2021, 3, 10), "Kế hoạch số 20/KH-STP ngày 10/3/2021", None)


def test_status_as_of_is_the_latest_entry_on_or_before_the_date(plan):
    log = read_back(LOG, plan)
    assert log.status_as_of("A-2", D(2021, 1, 31)) is None
    assert log.status_as_of("A-2", D(2021, 2, 1)) == "in_progress"
    assert log.status_as_of("A-2", D(2021, 4, 19)) == "in_progress"
    assert log.status_as_of("A-2", D(2021, 4, 20)) == "done"
    assert log.status_as_of("A-4", TODAY) is None
    assert log.status_as_of("no-such-item", TODAY) is None


def test_the_date_decides_not_the_place_in_the_file(plan):
    # A-1's in_progress entry of 15/2 comes after its done entry of 10/3 in the file.
    log = read_back(LOG, plan)
    assert [(e.status, e.date) for e in log.history("A-1")] == [("in_progress", D(2021, 2, 15)), ("done", D(2021, 3, 10))]
    assert log.status_as_of("A-1", D(2021, 3, 1)) == "in_progress"
    assert log.status_as_of("A-1", D(2021, 3, 10)) == "done"


def test_of_two_entries_of_one_date_the_later_in_the_file_wins(plan):
    log = read_back(LOG, plan)
    assert log.status_as_of("C-4", D(2021, 4, 30)) == "in_progress"
    assert log.entry_as_of("C-4", D(2021, 5, 1)).note == "Đang trình ký"


def test_an_undated_entry_counts_from_the_start():
    log = Log([Entry("X", "in_progress", None, index=0), Entry("X", "done", D(2021, 5, 1), index=1)])
    assert log.status_as_of("X", D(1990, 1, 1)) == "in_progress"
    assert log.status_as_of("X", D(2021, 5, 1)) == "done"


def test_status_of_serves_query_select(plan):
    from cchc.agencies import AgencyRegistry
    from cchc.progress import PENDING
    from cchc.query import rows, select

    log = read_back(LOG, plan)
    reg = AgencyRegistry(plan.agencies)
    done = select(rows(plan), reg, statuses={"done"}, status_of=log.status_of(D(2021, 6, 14)))
    assert [r.item.id for r in done] == ["A-1", "A-2", "B-2", "C-2"]
    pending = select(rows(plan), reg, statuses=PENDING, status_of=log.status_of(D(2021, 6, 14)))
    assert {r.item.id for r in pending} == {"A-3", "A-4", "B-1", "B-3", "B-5", "C-1", "C-3", "C-4"}


def test_last_note_is_the_latest_note_on_or_before_the_date(plan):
    log = read_back(LOG, plan)
    assert log.last_note("A-2", D(2021, 3, 14)) == "Chờ góp ý của các sở"
    assert log.last_note("A-2", D(2021, 6, 14)) == "Đã ban hành"
    assert log.last_note("A-3", D(2021, 12, 14)) is None


# ---------------------------------------------------------------- checks at line:col


def expectations(path: Path) -> set[tuple[int, int, str]]:
    found = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"# expect: (\d+):(\d+) (\S+)", line)
        if m:
            found.add((int(m[1]), int(m[2]), m[3]))
    assert found, f"{path.name} states no expectation"
    return found


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_log_reports_each_error_at_line_and_column(path, plan):
    log, problems = load_log(path, plan)
    if log is not None:
        problems += check_future(log, TODAY)
    errors = {(p.line, p.column, p.code) for p in problems if p.severity == "error"}
    assert errors == expectations(path), [p.text("en") for p in problems]
    assert all(p.file == str(path) for p in problems)


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_validate_helper_checks_the_log_beside_the_plan(path, plan, tmp_path):
    shutil.copy(PLAN, tmp_path / "ke-hoach.yaml")
    shutil.copy(path, tmp_path / "ke-hoach.progress.yaml")
    problems = check_log_beside(tmp_path / "ke-hoach.yaml", plan, TODAY)
    assert {(p.line, p.column, p.code) for p in problems if p.severity == "error"} == expectations(path)
    assert all(p.file == str(tmp_path / "ke-hoach.progress.yaml") for p in problems)


def test_future_entries_depend_on_today(plan):
    log = read_back(LOG, plan)
    assert check_future(log, TODAY) == []
    found = check_future(log, D(2021, 7, 31))
    assert [(p.code, dict(p.args)["id"]) for p in found] == [("progress-future", "B-5"), ("progress-future", "A-3")]
    assert found[0].line == LOG.read_text(encoding="utf-8").splitlines().index('  date: "2021-08-01"') + 1


def test_an_undated_entry_is_a_warning(plan, tmp_path):
    path = tmp_path / "log.yaml"
    path.write_text('- id: "A-1"\n  status: "in_progress"\n', encoding="utf-8")
    log, problems = load_log(path, plan)
    assert [(p.severity, p.code, p.line, p.column) for p in problems] == [("warning", "progress-date", 1, 3)]
    assert log.status_as_of("A-1", D(2021, 1, 1)) == "in_progress"


@pytest.mark.parametrize("written", ["\u202e", "\\u202e", "\\u202E"])
def test_an_invisible_character_is_a_warning_written_as_it_is_or_as_an_escape(plan, tmp_path, written):
    # The same check as a plan's: the raw character in the file, or an escape in a double-quoted scalar.
    path = tmp_path / "log.yaml"
    path.write_text(f'- id: "A-1"\n  status: "done"\n  date: "2021-03-10"\n  note: "x{written}y"\n', encoding="utf-8")
    log, problems = load_log(path, plan)
    assert [(p.severity, p.code, p.line) for p in problems] == [("warning", "invisible-character", 4)], problems
    assert log.entries[0].note == "x\u202ey"


def test_an_escaped_decomposed_note_is_kept_in_nfc(plan, tmp_path):
    path = tmp_path / "log.yaml"
    path.write_text('- id: "A-1"\n  status: "done"\n  date: "2021-03-10"\n  note: "Vie\\u0302\\u0323t"\n', encoding="utf-8")
    log, problems = load_log(path, plan)
    assert problems == [] and log.entries[0].note == "Việt"


@pytest.mark.parametrize("field", ["note", "evidence"])
def test_a_text_longer_than_2000_characters_is_an_error_of_the_log(plan, tmp_path, field):
    # A 3 MB note passed validate and then kept `report -o r.pdf` laying out its cell for two minutes.
    path = tmp_path / "log.yaml"
    for length, expected in ((2000, []), (2001, [("error", "progress-schema", 4)])):
        path.write_text(f'- id: "A-1"\n  status: "done"\n  date: "2021-03-10"\n  {field}: "{"x" * length}"\n', encoding="utf-8")
        log, problems = load_log(path, plan)
        assert [(p.severity, p.code, p.line) for p in problems] == expected
        if expected:
            assert problems[0].message("en") == f"{field} is 2001 characters long, over the limit of 2000; shorten it (keep a long text in a file of its own and name it in evidence)"
        else:
            assert getattr(log.entries[0], field) == "x" * 2000


@pytest.mark.parametrize("option", ["--note", "--evidence"])
def test_progress_refuses_a_text_longer_than_the_log_takes(run, workdir, option):
    result = run("progress", "A-3", "--status", "done", "--on", "2021-06-01", option, "chữ " * 501, "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 2 and f"'{option}': nội dung dài 2004 ký tự, quá giới hạn 2000 ký tự; chưa ghi gì" in result.stderr, result
    assert not (workdir / "ke-hoach.progress.yaml").exists()


def test_a_value_of_the_wrong_kind_is_quoted_as_yaml_writes_it(plan, tmp_path):
    # Python's own printing of what YAML read came through: item id "[Decimal('1.10')]", got "True".
    path = tmp_path / "log.yaml"
    path.write_text('- id: [1.10]\n  status: done\n  date: 2021-03-01\n- id: "A-1"\n  status: {x: 1}\n  date: "2021-03-01"\n'
                    '- id: "A-1"\n  status: done\n  date: "2021-03-01"\n  note: true\n', encoding="utf-8")
    _, problems = load_log(path, plan)
    assert [p.message("en") for p in problems] == [
        'item id "[…]" is not valid; write the plan\'s id in double quotes, e.g. id: "I-3"',
        'status "{…}" is not valid; use one of: not_started, in_progress, done, cancelled',
        'note must be text (in double quotes), got "true"',
    ]


def test_a_log_with_only_comments_is_an_empty_log(plan, tmp_path):
    path = tmp_path / "log.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    log, problems = load_log(path, plan)
    assert problems == [] and len(log) == 0


def test_a_huge_log_is_refused_before_it_is_read(plan, tmp_path, monkeypatch):
    monkeypatch.setattr(safeyaml, "MAX_BYTES", 1000)
    path = tmp_path / "log.yaml"
    path.write_bytes(LOG.read_bytes() * 3)
    log, problems = load_log(path, plan)
    assert log is None and [(p.code, p.line, p.column) for p in problems] == [("too-large", 1, 1)]


def test_a_log_that_is_not_utf8_is_refused_at_its_byte(plan, tmp_path):
    path = tmp_path / "log.yaml"
    # "Đã xong" as Windows-1258 writes it: Đ is the byte D0, ã is a followed by the combining tilde DE.
    path.write_bytes(b'- id: "A-1"\n  status: "done"\n  date: "2021-03-10"\n  note: "\xd0a\xde xong"\n')
    log, problems = load_log(path, plan)
    assert log is None and [(p.code, p.line) for p in problems] == [("encoding", 4)]


def test_a_directory_is_not_a_log(plan, tmp_path):
    log, problems = load_log(tmp_path, plan)
    assert log is None and [p.code for p in problems] == ["not-a-file"] and unreadable(problems)


# ---------------------------------------------------------------- the quoted scalar


HOSTILE = [
    'Báo cáo số 45/BC-SNV ngày 10/6/2021',
    'quotes " and \\ backslashes \\" \\\\',
    "line one\nline two\r\nline three\rend",
    "tab\there, NUL \x00, ESC \x1b[31m, DEL \x7f, NEL \x85, C1 \x9b",
    "line separator \u2028 paragraph separator \u2029",
    "bidi \u202e override \u2066 isolate, zero width \u200b\ufeff",
    "noncharacters \ufffe \uffff",
    "- id: \"I-1\"\n  status: done\n# injected",
    "key: value # not a comment",
    "{flow: [mapping]}, &anchor *alias !!python/object:os.system",
    "null", "~", "no", "yes", "010", "1e3", "0x1F", "2021-06-10", "1:30", "", "   leading and trailing   ",
    "emoji 🙂 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "...", "---", "%YAML 1.1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_quoted_scalar_reads_back_exactly(text):
    data, problems = safeyaml.parse(f"- {yaml_string(text)}\n")
    assert problems == [] and data == [text]
    assert "\n" not in yaml_string(text) and "\r" not in yaml_string(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_any_text_reads_back_as_its_nfc(text):
    data, problems = safeyaml.parse(f"- note: {yaml_string(text)}\n")
    assert [p for p in problems if p.severity == "error"] == []
    assert data == [{"note": unicodedata.normalize("NFC", text)}]


def test_decomposed_text_is_kept_in_nfc():
    decomposed = unicodedata.normalize("NFD", "Sở Tư pháp")
    assert yaml_string(decomposed) == '"Sở Tư pháp"'


def test_bytes_that_were_not_utf8_are_refused():
    with pytest.raises(ValueError):
        yaml_string("bad \udcff byte")


# ---------------------------------------------------------------- appending (core)


def test_append_keeps_every_byte_and_adds_the_entry(plan, tmp_path):
    path = tmp_path / "log.yaml"
    shutil.copy(LOG, path)
    before = path.read_bytes()
    entry = Entry("A-4", "in_progress", D(2021, 12, 1), HOSTILE[1], HOSTILE[7])
    append_entry(path, entry, header="unused")
    after = path.read_bytes()
    assert after.startswith(before) and b"unused" not in after
    log = read_back(path, plan)
    assert len(log) == 16 and log.entries[-1] == Entry("A-4", "in_progress", D(2021, 12, 1), HOSTILE[1], HOSTILE[7])


def test_append_ends_an_unterminated_last_line_first(plan, tmp_path):
    path = tmp_path / "log.yaml"
    path.write_bytes(b'- id: "A-1"\n  status: "done"\n  date: "2021-03-10"  # no newline at the end')
    append_entry(path, Entry("A-2", "done", D(2021, 4, 20)))
    assert [e.id for e in read_back(path, plan).entries] == ["A-1", "A-2"]


@pytest.mark.parametrize("block", ["|", ">", "|+"])
def test_append_does_not_change_a_last_block_with_no_line_end(plan, tmp_path, block):
    # The line end would go into the note: refused, saying why and what to do, and the log is left as it was.
    path = tmp_path / "log.yaml"
    content = f'- id: "A-1"\n  status: "done"\n  date: "2021-03-10"\n  note: {block}\n    a\n    b'.encode()
    path.write_bytes(content)
    with pytest.raises(LogNotAppendable) as refused:
        append_entry(path, Entry("A-2", "done", D(2021, 4, 20)))
    assert refused.value.key == "progress.no-line-end" and path.read_bytes() == content
    path.write_bytes(content + b"\n")  # ended by its writer: the note is what they made it
    append_entry(path, Entry("A-2", "done", D(2021, 4, 20)))
    assert [e.id for e in read_back(path, plan).entries] == ["A-1", "A-2"]


def test_append_keeps_crlf_line_ends(plan, tmp_path):
    path = tmp_path / "log.yaml"
    path.write_bytes(b'# Windows\r\n- id: "A-1"\r\n  status: "done"\r\n  date: "2021-03-10"\r\n')
    append_entry(path, Entry("A-2", "done", D(2021, 4, 20), None, "a\nb"))
    data = path.read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n") == 8
    assert read_back(path, plan).entries[-1].note == "a\nb"


def test_append_keeps_cr_line_ends(plan, tmp_path):
    path = tmp_path / "log.yaml"
    path.write_bytes(b'# an old Mac editor\r- id: "A-1"\r  status: "done"\r  date: "2021-03-10"\r')
    append_entry(path, Entry("A-2", "done", D(2021, 4, 20)))
    data = path.read_bytes()
    assert b"\n" not in data and data.count(b"\r") == 7
    assert [e.id for e in read_back(path, plan).entries] == ["A-1", "A-2"]


@pytest.mark.parametrize(
    "content, line",
    [
        ('- id: "Z-9"\n  status: "done"\n  date: "2021-03-10"\n', 1),  # no such item
        ('- id: "A-1"\n  status: "fini"\n  date: "2021-03-10"\n', 2),  # no such status
        ('- id: "A-1"\n  status: "done"\n', 1),  # done with no date
    ],
)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_progress_adds_nothing_to_a_log_every_query_refuses(run, workdir, content, line, lang):
    """Before, the entry went in with no word, and the clerk learnt of the error only when `report` refused the log."""
    log_file = workdir / "ke-hoach.progress.yaml"
    log_file.write_text(content, encoding="utf-8")
    result = run("--lang", lang, "progress", "A-3", "--status", "done", "--on", "2021-06-01", "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 1, result
    assert log_file.read_text(encoding="utf-8") == content
    assert f"ke-hoach.progress.yaml:{line}:" in result.stderr
    assert ("có lỗi nên chưa ghi thêm được" if lang == "vi" else "has errors") in result.stderr
    assert run("report", "--period", "6T/2021", "--plan", workdir / "ke-hoach.yaml").exit_code == 1  # as every query says


def test_an_earlier_today_judges_the_log_as_every_query_does(run, workdir):
    """With --today before the log's later entries, progress refused a log that list, report and validate accept."""
    log_file = workdir / "ke-hoach.progress.yaml"
    shutil.copy(LOG, log_file)
    plan_file = workdir / "ke-hoach.yaml"
    assert run("list", "--plan", plan_file, "--today", "2021-06-30").exit_code == 0
    result = run("progress", "A-4", "--status", "in_progress", "--on", "2021-06-01", "--today", "2021-06-30", "--plan", plan_file)
    assert result.exit_code == 0, result
    assert log_file.read_text(encoding="utf-8").endswith('- id: "A-4"\n  status: "in_progress"\n  date: "2021-06-01"\n')


def test_a_log_named_dash_is_refused_and_no_file_named_dash_is_made(run, workdir, monkeypatch):
    # `--progress -` recorded into a file named "-" in the working folder; "-" is standard output for -o.
    monkeypatch.chdir(workdir)
    plan_file = workdir / "ke-hoach.yaml"
    for args in (["progress", "A-3", "--status", "done", "--on", "2021-06-01"], ["list"], ["report", "--period", "2021"], ["calendar"]):
        result = run(*args, "--plan", plan_file, "--progress", "-", "--lang", "en")
        assert result.exit_code == 2 and "a progress log is a file" in result.stderr, (args, result)
    assert sorted(p.name for p in workdir.iterdir()) == ["ke-hoach.yaml"]


def test_a_log_of_two_yaml_documents_is_told_as_a_log(run, workdir):
    (workdir / "ke-hoach.progress.yaml").write_text('- id: "A-3"\n  status: "done"\n  date: "2021-06-01"\n---\n- id: "A-4"\n', encoding="utf-8")
    result = run("validate", workdir / "ke-hoach.yaml", "--lang", "en")
    assert result.exit_code == 1 and "ke-hoach.progress.yaml:4:1: error [yaml-documents] a plan file or progress log holds one" in result.stdout


def test_recording_with_json_prints_what_was_written(run, workdir):
    """-f json while recording was silently ignored: it prints the entry written and the log, for a script."""
    result = run("progress", "a-3", "--status", "done", "--on", "2021-06-01", "--note", "Xong", "-f", "json", "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 0, result
    assert json.loads(result.stdout) == {
        "recorded": {"id": "A-3", "status": "done", "date": "2021-06-01", "evidence": None, "note": "Xong"},
        "log": str(workdir / "ke-hoach.progress.yaml"),
    }
    assert "A-3" in result.stderr  # the clerk's line, on standard error as before


def test_recording_the_same_entry_again_writes_it_once(run, workdir):
    # Run twice (a script run again), the same entry was written twice in silence; validate then warned of it.
    given = {"--status": "done", "--on": "2021-06-01", "--note": "Xong", "--plan": workdir / "ke-hoach.yaml"}
    args = ("progress", "A-3", *[word for pair in given.items() for word in pair])
    assert run(*args).exit_code == 0
    log = workdir / "ke-hoach.progress.yaml"
    once = log.read_bytes()
    again = run(*args, "-f", "json")
    assert again.exit_code == 0 and log.read_bytes() == once, again
    assert "đã có trong" in again.stderr and "không ghi thêm" in again.stderr, again.stderr
    assert json.loads(again.stdout)["recorded"] == {"id": "A-3", "status": "done", "date": "2021-06-01", "evidence": None, "note": "Xong"}
    assert "progress-duplicate" not in run("validate", workdir / "ke-hoach.yaml", "-f", "json").stdout
    # Another note, day or status is another entry.
    for option, value in (("--note", "Xong hẳn"), ("--on", "2021-06-02"), ("--status", "in_progress")):
        changed = {**given, option: value}
        assert run("progress", "A-3", *[word for pair in changed.items() for word in pair]).exit_code == 0
    assert len(read_back(log, load_plan(workdir / "ke-hoach.yaml").plan).entries) == 4


@pytest.mark.parametrize(
    "statuses",
    [("done", "in_progress", "done"), ("in_progress", "done", "in_progress"), ("done", "cancelled", "done", "cancelled")],
)
def test_an_entry_the_same_as_one_before_another_of_that_day_is_written(run, workdir, statuses):
    # Done, reopened, done again on one day: the last was taken for a copy of the first and left out (exit 0), so the
    # item stayed reopened, reported overdue and kept in the reminders. It is the same as the first, but not as the
    # entry it follows: it changes the status, and validate does not call it a copy.
    plan_file, log = workdir / "ke-hoach.yaml", workdir / "ke-hoach.progress.yaml"
    for status in statuses:
        result = run("progress", "A-3", "--status", status, "--on", "2021-06-01", "--note", "Xong", "--plan", plan_file)
        assert result.exit_code == 0 and "không ghi thêm" not in result.stderr, result
    entries = read_back(log, load_plan(plan_file).plan).entries
    assert [e.status for e in entries] == list(statuses)
    shown = json.loads(run("progress", "A-3", "--plan", plan_file, "--today", "2021-06-02", "-f", "json").stdout)
    assert shown["status"] == statuses[-1]
    assert "progress-duplicate" not in run("validate", plan_file, "-f", "json").stdout
    # The last again is a copy of the entry it would follow: left out, as before.
    again = run("progress", "A-3", "--status", statuses[-1], "--on", "2021-06-01", "--note", "Xong", "--plan", plan_file)
    assert again.exit_code == 0 and "không ghi thêm" in again.stderr and len(read_back(log, load_plan(plan_file).plan).entries) == len(statuses)


def test_validate_calls_an_entry_a_copy_only_after_the_same_entry_of_its_day(run, workdir):
    # An entry of another day between two copies changes nothing of that day: still a copy.
    log_file = workdir / "ke-hoach.progress.yaml"
    entry = lambda status, day: f'- id: "A-1"\n  status: "{status}"\n  date: "{day}"\n'  # noqa: E731
    log_file.write_text(
        entry("done", "2021-03-10") + entry("in_progress", "2021-03-10") + entry("done", "2021-03-10")
        + entry("in_progress", "2021-02-01") + entry("done", "2021-03-10"),
        encoding="utf-8",
    )
    result = run("validate", workdir / "ke-hoach.yaml", "-f", "json", "--lang", "en")
    found = [(d["line"], d["code"], d["message"]) for d in json.loads(result.stdout)["diagnostics"] if d["file"] == str(log_file)]
    assert [(line, code) for line, code, _ in found] == [(13, "progress-duplicate")], found
    assert "same as entry 3 of the log, on line 7 " in found[0][2]


def test_due_pending_with_nothing_left_says_the_items_due_then_are_done(run, workdir):
    # "Nothing falls due in 03/2021" was said of a month whose items were all done, and the months of the items still
    # to do were called the plan's.
    plan_file = workdir / "ke-hoach.yaml"
    for item_id in ("A-1", "B-2", "B-3"):  # the items due in March
        assert run("progress", item_id, "--status", "done", "--on", "2021-03-10", "--plan", plan_file).exit_code == 0
    result = run("--lang", "en", "due", "--pending", "--month", "2021-03", "--today", "2021-03-15", "--plan", plan_file)
    assert result.exit_code == 0 and result.stdout == "", result
    assert result.stderr.strip() == "No items due in 03/2021 that are not done or cancelled: the 3 items due in that time are done or cancelled."
    # February's one item done too: the items still to do fall due from April, the month the example gives.
    assert run("progress", "A-2", "--status", "done", "--on", "2021-03-10", "--plan", plan_file).exit_code == 0
    february = run("due", "--pending", "--month", "2021-02", "--today", "2021-03-15", "--plan", plan_file).stderr
    assert february.strip() == (
        "Không có nhiệm vụ nào đến hạn tháng 02/2021 mà chưa hoàn thành hoặc hủy bỏ: 1 nhiệm vụ đến hạn trong thời gian đó đã hoàn "
        "thành hoặc hủy bỏ; những nhiệm vụ chưa hoàn thành hoặc hủy bỏ đến hạn từ tháng 04/2021 đến tháng 12/2021 (ví dụ cchc due "
        "--pending --month 2021-04)."), february
    assert run("due", "--pending", "--month", "2021-04", "--today", "2021-03-15", "--plan", plan_file).stdout.startswith("Đến hạn")
    outside = run("--lang", "en", "due", "--pending", "--month", "2030-02", "--today", "2021-03-15", "--plan", plan_file).stderr
    assert outside.strip() == ("No items due in 02/2030 that are not done or cancelled: such items fall due from 04/2021 to 12/2021 "
                               "(for example cchc due --pending --month 2021-12)."), outside
    # Before the done entries: the items, as before.
    assert run("due", "--pending", "--month", "2021-03", "--today", "2021-03-01", "--plan", plan_file).stdout.startswith("Đến hạn")


def test_a_log_that_cannot_be_read_is_said_once(run, workdir):
    (workdir / "ke-hoach.progress.yaml").symlink_to(workdir / "nowhere.yaml")
    result = run("progress", "A-3", "--status", "done", "--on", "2021-06-01", "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 2, result
    assert result.stderr.count("nowhere.yaml") == 1 and not (workdir / "nowhere.yaml").exists()


@pytest.mark.parametrize(
    "content",
    [
        '- id: "A-1"\n  status: "done"\n  status: "done"\n  date: "2021-03-10"\n',  # a duplicate key
        '[{"id": "A-1", "status": "done", "date": "2021-03-10"}]\n',  # a flow list: text after it would not parse
        'A-1: done\n',  # not a list
        '- id: "A-1"\n  status: "done\n',  # an unclosed quote
        '- id: "A-1"\n...\n',  # the document ends: what follows would be another document
    ],
)
def test_append_refuses_a_log_it_cannot_extend_exactly(plan, tmp_path, content):
    path = tmp_path / "log.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LogNotAppendable):
        append_entry(path, Entry("A-2", "done", D(2021, 4, 20)))
    assert path.read_text(encoding="utf-8") == content


def test_an_interrupted_write_leaves_the_old_log(plan, tmp_path, monkeypatch):
    path = tmp_path / "log.yaml"
    shutil.copy(LOG, path)
    before = path.read_bytes()

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        append_entry(path, Entry("A-2", "done", D(2021, 4, 20)))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.yaml"]


# ---------------------------------------------------------------- `cchc progress`


def test_progress_creates_the_log_with_a_header(run, workdir, plan):
    plan_file = workdir / "ke-hoach.yaml"
    result = run("progress", "a-2", "--status", "done", "--on", "20/04/2021", "--evidence", "Quyết định số 15/QĐ-UBND", "--plan", plan_file)
    assert result.exit_code == 0, result
    text = (workdir / "ke-hoach.progress.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Sổ theo dõi tiến độ")
    assert text.endswith('- id: "A-2"\n  status: "done"\n  date: "2021-04-20"\n  evidence: "Quyết định số 15/QĐ-UBND"\n')
    assert "A-2" in result.stderr and "20/04/2021" in result.stderr
    assert read_back(workdir / "ke-hoach.progress.yaml", plan).entries == [Entry("A-2", "done", D(2021, 4, 20), "Quyết định số 15/QĐ-UBND")]


def test_progress_header_follows_the_language(run, workdir):
    assert run("--lang", "en", "progress", "A-1", "--status", "done", "--on", "2021-03-10", "--plan", workdir / "ke-hoach.yaml").exit_code == 0
    assert (workdir / "ke-hoach.progress.yaml").read_text(encoding="utf-8").startswith("# Progress log of a CCHC plan")


def test_progress_keeps_comments_and_order(run, workdir, plan):
    log_file = workdir / "ke-hoach.progress.yaml"
    shutil.copy(LOG, log_file)
    before = log_file.read_bytes()
    result = run("progress", "A-3", "--status", "in_progress", "--on", "2021-06-01", "--note", HOSTILE[7], "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 0, result
    assert log_file.read_bytes().startswith(before)
    log, problems = load_log(log_file, plan)
    assert problems == []
    entries = log.entries
    assert [e.id for e in entries][:15] == [e.id for e in read_back(LOG, plan).entries]
    assert entries[-1] == Entry("A-3", "in_progress", D(2021, 6, 1), None, HOSTILE[7])  # the note's lines, not entries


def test_control_characters_a_log_holds_as_escapes_are_warned_when_read(workdir, plan):
    log_file = workdir / "ke-hoach.progress.yaml"
    shutil.copy(LOG, log_file)
    with open(log_file, "a", encoding="utf-8") as log:
        log.write(entry_text(Entry("A-3", "in_progress", D(2021, 6, 1), None, HOSTILE[3])))  # a log written by hand
    log, problems = load_log(log_file, plan)
    assert sorted(dict(p.args)["char"] for p in problems) == ["U+0000", "U+001B", "U+007F", "U+0085", "U+009B"]
    assert {(p.severity, p.key) for p in problems} == {("warning", "invisible-character.control")}
    assert log.entries[-1].note == HOSTILE[3]


@pytest.mark.parametrize("option", ["--note", "--evidence"])
def test_a_blank_note_or_evidence_is_none(run, workdir, option):
    # "   " (a script's empty variable, quoted) was kept: the report and `show` then gave a blank document as evidence.
    result = run("progress", "A-3", "--status", "done", "--on", "2021-06-01", option, " \t ", "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 0, result
    text = (workdir / "ke-hoach.progress.yaml").read_text(encoding="utf-8")
    assert text.endswith('- id: "A-3"\n  status: "done"\n  date: "2021-06-01"\n'), text


@pytest.mark.parametrize("command", [["progress", "--status", "done"], ["show"]])
@pytest.mark.parametrize("blank", ["", "  "])
def test_a_blank_item_id_is_a_usage_error(run, workdir, command, blank):
    # It was "no item """, exit 1, as for an id the plan lacks; it is no id at all.
    result = run(command[0], blank, *command[1:], "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 2 and "mã nhiệm vụ để trống" in result.stderr, result
    assert not (workdir / "ke-hoach.progress.yaml").exists()


@pytest.mark.parametrize("option", ["--note", "--evidence"])
@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Đã xong \x1b[31mđỏ\x1b[0m", "U+001B ESC"),  # terminal colours pasted with the text
        ("Báo cáo\u200bsố 12", "U+200B ZERO WIDTH SPACE"),
        ("tệp \u202egnp.exe", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("NUL \x00, DEL \x7f, NEL \x85, LS \u2028, BOM \ufeff, C1 \x9b", "U+0000 NUL, U+007F DEL, U+0085 NEXT LINE, U+2028 LINE SEPARATOR, U+009B C1 CONTROL, …"),
        ("a\u206ab\U000e0080c\u2065", "U+206A INHIBIT SYMMETRIC SWAPPING, U+E0080 UNASSIGNED, U+2065 UNASSIGNED"),
    ],
)
def test_progress_refuses_control_and_invisible_characters(run, workdir, option, text, named):
    # Nothing hidden goes into the log: the person is told which characters, and nothing is written.
    log_file = workdir / "ke-hoach.progress.yaml"
    shutil.copy(LOG, log_file)
    before = log_file.read_bytes()
    result = run("progress", "A-3", "--status", "done", "--on", "2021-06-01", option, text, "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 2, result
    assert f"'{option}': nội dung có ký tự điều khiển hoặc ký tự vô hình ({named})" in result.stderr, result.stderr
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    assert log_file.read_bytes() == before
    english = run("--lang", "en", "progress", "A-3", "--status", "done", option, text, "--plan", workdir / "ke-hoach.yaml")
    assert english.exit_code == 2 and f"'{option}': the text holds control or invisible characters ({named.split(',')[0]}" in english.stderr


def test_progress_refuses_bytes_that_are_not_utf8(run, workdir):
    # On Linux an argument's bytes that are not UTF-8 arrive as lone surrogates.
    result = run("progress", "A-3", "--status", "done", "--note", "bad \udcff byte", "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 2 and "'--note': nội dung có byte không phải UTF-8" in result.stderr, result
    assert not (workdir / "ke-hoach.progress.yaml").exists()


def test_progress_reads_its_texts_as_typed_when_python_reads_the_command_line_as_ascii(workdir, plan):
    # LC_ALL=C with PYTHONUTF8=0: Python gives each byte past ASCII as a lone surrogate; typed UTF-8 is still UTF-8.
    import subprocess
    import sys

    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "CCHC_LANG": "en"}
    env.pop("PYTHONIOENCODING", None)
    command = [sys.executable, "-m", "cchc", "progress", "A-3", "--status", "done", "--on", "2021-06-01", "--plan", str(workdir / "ke-hoach.yaml")]
    done = subprocess.run([*command, "--note", "Đã hoàn thành"], env=env, capture_output=True)
    assert done.returncode == 0, done.stderr
    log, problems = load_log(workdir / "ke-hoach.progress.yaml", plan)
    assert problems == [] and log.entries[-1].note == "Đã hoàn thành"
    refused = subprocess.run([*command, "--note", os.fsdecode(b"bad \xff byte")], env=env, capture_output=True)
    assert refused.returncode == 2 and b"not UTF-8" in refused.stderr, refused.stderr


def test_progress_keeps_tabs_and_line_ends_in_its_texts(run, workdir, plan):
    note_text = "Dòng một\n\tdòng hai\r\ndòng ba"
    result = run("progress", "A-3", "--status", "done", "--on", "2021-06-01", "--note", note_text, "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 0, result
    log, problems = load_log(workdir / "ke-hoach.progress.yaml", plan)
    assert problems == [] and log.entries[-1].note == note_text


def test_progress_to_an_explicit_log(run, workdir, plan):
    log_file = workdir / "sub" / "log.yaml"
    log_file.parent.mkdir()
    assert run("progress", "B-4", "--status", "cancelled", "--on", "2021-06-01", "--plan", workdir / "ke-hoach.yaml", "--progress", log_file).exit_code == 0
    assert read_back(log_file, plan).entries == [Entry("B-4", "cancelled", D(2021, 6, 1))]
    assert not (workdir / "ke-hoach.progress.yaml").exists()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_done_on_an_item_due_again_later_says_its_later_dates_leave_the_reminders(run, workdir, plan, lang):
    """B-3 is due each quarter. A clerk recorded `done` for the first quarter's report: the item was then done for
    the year, its three later reminders gone from `due --pending` and `calendar --pending`, and `progress` said only
    "recorded". It now says which dates that takes away, and how to record one occurrence instead."""
    plan_file = workdir / "ke-hoach.yaml"
    result = run("--lang", lang, "progress", "B-3", "--status", "done", "--on", "2021-03-30", "--plan", plan_file, "--today", "2021-04-01")
    assert result.exit_code == 0, result
    later = ["30/06/2021", "30/09/2021", "31/12/2021"] if lang == "vi" else ["2021-06-30", "2021-09-30", "2021-12-31"]
    said = result.stderr.replace("\n", " ")
    assert ", ".join(later) in said and ("31/03/2021:" if lang == "vi" else "2021-03-31:") in said, said
    assert "cchc progress B-3 --status in_progress" in said
    # What it says is so: the later dates are gone from the reminders.
    pending = run("due", "--from", "2021-04", "--to", "2021-12", "--pending", "--today", "2021-04-01", "--plan", plan_file, "-f", "json")
    assert "B-3" not in [item["id"] for item in json.loads(pending.stdout)]
    # The command it gives records the occurrence, on the same day: B-3 is then in progress, not done, for the report.
    command = re.search(r"cchc (progress B-3 --status in_progress --on 2021-03-30 --plan \S+) --note", said)
    assert command, said
    result = run(*shlex.split(command.group(1)), "--note", "Báo cáo quý I đã gửi", "--today", "2021-04-01")
    assert result.exit_code == 0, result
    report = json.loads(run("report", "--as-of", "2021-07-01", "--plan", plan_file, "-f", "json").stdout)
    assert [o["note"] for o in report["overdue"] if o["id"] == "B-3"] == ["Báo cáo quý I đã gửi"], report["overdue"]
    # Done a month after a due date answers that one, late: the dates after it go, and are named.
    result = run("--lang", lang, "progress", "B-3", "--status", "done", "--on", "2021-07-30", "--plan", plan_file, "--today", "2021-12-31")
    assert result.exit_code == 0 and ", ".join(later[1:]) in result.stderr.replace("\n", " "), result.stderr
    # Done for the last occurrence, or for an item due once: nothing to say but "recorded".
    for item, day in (("B-3", "2021-12-30"), ("A-3", "2021-07-30")):
        result = run("--lang", lang, "progress", item, "--status", "done", "--on", day, "--plan", plan_file, "--today", "2021-12-31")
        assert result.exit_code == 0 and result.stderr.count("\n") == 1, result.stderr
    # Nor for a status other than done.
    result = run("progress", "B-3", "--status", "in_progress", "--on", "2021-04-02", "--plan", plan_file, "--today", "2021-12-31")
    assert result.exit_code == 0 and result.stderr.count("\n") == 1, result.stderr


def test_progress_on_defaults_to_today(run, workdir, plan, monkeypatch):
    # The entry is dated the machine's own date, as its clock reads: on a machine twelve hours behind UTC (nineteen
    # behind Vietnam), most of the day that is not Vietnam's date, which is only the latest day an entry may have.
    monkeypatch.setenv("TZ", "Etc/GMT+12")
    time.tzset()
    try:
        assert run("progress", "A-1", "--status", "in_progress", "--plan", workdir / "ke-hoach.yaml").exit_code == 0
        machine = datetime.date.today()
    finally:
        monkeypatch.undo()
        time.tzset()
    log, problems = load_log(workdir / "ke-hoach.progress.yaml", plan)
    assert log.entries[0].date == machine and machine <= cchc_today()
    # Today is years after the 2021 test plan's year: worth a warning, nothing more.
    assert [p.code for p in problems] == ([] if abs(cchc_today().year - 2021) <= 1 else ["progress-year"])


@pytest.mark.parametrize(
    "args, code, text",
    [
        (("A-9", "--status", "done", "--on", "2021-03-10"), 1, "A-9"),
        (("a1", "--status", "done", "--on", "2021-03-10"), 1, "A-1"),  # did you mean
        (("A-1", "--status", "finished", "--on", "2021-03-10"), 2, "--status"),
        (("A-1", "--status", "done", "--on", "2021-02-30"), 2, "--on"),
        (("A-1", "--status", "done", "--on", "10.03.2021"), 2, "--on"),
        (("A-1", "--status", "done", "--on", "2999-01-01"), 2, "--on"),  # in the future
        (("A-1", "--status", "done", "--on", "2199-01-01", "--today", "2199-12-31"), 2, "--on"),  # after the real today
        (("A-1", "--status", "done", "--on", "2020-12-31"), 2, "--on"),  # before the plan's date
        (("A-1", "--on", "2021-03-10"), 2, "--status"),  # a date without a status
        (("A-1", "--status", "done", "--today", "yesterday"), 2, "--today"),
    ],
)
def test_progress_bad_input_writes_nothing(run, workdir, args, code, text):
    result = run("progress", *args, "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == code and text in result.stderr, result
    assert not (workdir / "ke-hoach.progress.yaml").exists()


@pytest.mark.parametrize(
    "written, vi, en",
    [
        ("31/9/2021", "tháng 9/2021 không có ngày 31", "there is no day 31 in month 9 of 2021"),
        ("2021-02-29", "tháng 2/2021 không có ngày 29", "there is no day 29 in month 2 of 2021"),
        ("15/13/2021", "không có tháng 13", "there is no month 13"),
    ],
)
def test_a_date_written_rightly_that_is_not_on_the_calendar_is_told_so(run, workdir, written, vi, en):
    """`--on 31/9/2021` was told "is not a date; write … DD/MM/YYYY", the form it was written in: a clerk looks
    for a mistake in the form. What is wrong is the day, as validate says of a deadline."""
    for lang, words in (("vi", vi), ("en", en)):
        result = run("--lang", lang, "progress", "A-1", "--status", "done", "--on", written, "--plan", workdir / "ke-hoach.yaml")
        assert result.exit_code == 2 and words in result.stderr and "DD/MM/YYYY" not in result.stderr, result.stderr
    result = run("--lang", "en", "due", "--today", written, "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 2 and en in result.stderr and "--today" in result.stderr, result.stderr
    assert not (workdir / "ke-hoach.progress.yaml").exists()


def test_a_log_date_written_year_month_day_but_not_on_the_calendar_is_told_what_is_wrong(run, workdir):
    """"2021-13-01" in a log was told "is not valid; write it year-month-day", the way it was written."""
    (workdir / "ke-hoach.progress.yaml").write_text(
        '- id: "A-1"\n  status: "done"\n  date: "2021-13-01"\n- id: "A-2"\n  status: "done"\n  date: "2021-02-30"\n'
        '- id: "A-3"\n  status: "done"\n  date: "30/06/2021"\n- id: "A-4"\n  status: "done"\n  date: "0000-06-10"\n', encoding="utf-8")
    found = json.loads(run("--lang", "en", "validate", workdir / "ke-hoach.yaml", "-f", "json").stdout)["diagnostics"]
    assert [(d["line"], d["message"]) for d in found if d["code"] == "progress-date"] == [
        (3, 'date "2021-13-01": there is no month 13 (months are 1-12)'),
        (6, 'date "2021-02-30": there is no day 30 in month 2 of 2021'),
        (9, 'date "30/06/2021" is not valid; write it year-month-day, e.g. 2021-06-10'),
        (12, 'date "0000-06-10" has a year outside 1900–2199'),
    ]
    text = run("validate", workdir / "ke-hoach.yaml").stdout
    assert 'ngày "2021-13-01": không có tháng 13' in text and 'ngày "2021-02-30": tháng 2/2021 không có ngày 30' in text


def test_unknown_id_suggests_the_closest(run, workdir):
    result = run("--lang", "en", "progress", "a1", "--status", "done", "--on", "2021-03-10", "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 1 and "did you mean A-1" in result.stderr, result


def test_the_bundled_plan_has_no_place_for_a_log(run, workdir, monkeypatch):
    import cchc.load

    monkeypatch.setattr(cchc.load, "is_bundled", lambda path: True)
    result = run("progress", "A-1", "--status", "done", "--on", "2021-03-10", "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 2 and "cp " in result.stderr and "--plan" in result.stderr, result
    assert not (workdir / "ke-hoach.progress.yaml").exists()
    # Saying where the log goes is enough.
    result = run("progress", "A-1", "--status", "done", "--on", "2021-03-10", "--plan", workdir / "ke-hoach.yaml", "--progress", workdir / "log.yaml")
    assert result.exit_code == 0, result


def test_progress_never_writes_into_the_plan(run, workdir):
    plan_file = workdir / "ke-hoach.yaml"
    before = plan_file.read_bytes()
    result = run("progress", "A-1", "--status", "done", "--on", "2021-03-10", "--plan", plan_file, "--progress", plan_file)
    assert result.exit_code == 2 and plan_file.read_bytes() == before, result


def test_progress_refuses_a_broken_log_and_shows_where(run, workdir):
    log_file = workdir / "ke-hoach.progress.yaml"
    shutil.copy(PROGRESS / "invalid" / "duplicate-key.progress.yaml", log_file)
    before = log_file.read_bytes()
    result = run("progress", "A-2", "--status", "done", "--on", "2021-04-20", "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 1 and f"{log_file}:5:3" in result.stderr and "duplicate-key" in result.stderr, result
    assert log_file.read_bytes() == before


@pytest.mark.parametrize("mode", [0o444, 0o440, 0o544, 0o400])
def test_progress_refuses_a_read_only_log_and_leaves_it_as_it_is(run, workdir, mode):
    # The atomic rename needs only the directory's permission: without this check it would replace the file.
    # The mode bits decide (tests run as root, who may write any file).
    log_file = workdir / "ke-hoach.progress.yaml"
    shutil.copy(LOG, log_file)
    before = log_file.read_bytes()
    os.chmod(log_file, mode)
    inode = log_file.stat().st_ino
    try:
        result = run("progress", "A-3", "--status", "done", "--on", "2021-06-01", "--plan", workdir / "ke-hoach.yaml")
        assert result.exit_code == 2 and "chỉ đọc" in result.stderr and str(log_file) in result.stderr, result
        assert "Traceback" not in result.stderr
        en = run("--lang", "en", "progress", "A-3", "--status", "done", "--on", "2021-06-01", "--plan", workdir / "ke-hoach.yaml")
        assert en.exit_code == 2 and "the progress log is read-only" in en.stderr and "chmod u+w" in en.stderr, en
        assert log_file.read_bytes() == before
        assert log_file.stat().st_ino == inode and log_file.stat().st_mode & 0o777 == mode
        assert sorted(p.name for p in workdir.iterdir()) == ["ke-hoach.progress.yaml", "ke-hoach.yaml"]
    finally:
        os.chmod(log_file, 0o644)
    # Made writable again, it takes the entry.
    assert run("progress", "A-3", "--status", "done", "--on", "2021-06-01", "--plan", workdir / "ke-hoach.yaml").exit_code == 0
    assert log_file.read_bytes().startswith(before) and log_file.read_bytes() != before


def test_a_log_on_a_read_only_drive_is_told_so_not_to_chmod(run, workdir, monkeypatch):
    # A drive mounted read-only (a CD, a share): the file's mode may say writable, and chmod fails there too.
    import cchc.progress_write as write

    log_file = workdir / "ke-hoach.progress.yaml"
    shutil.copy(LOG, log_file)
    before = log_file.read_bytes()
    real = os.statvfs
    monkeypatch.setattr(write, "read_only", lambda path: True)
    monkeypatch.setattr(write.os, "statvfs", lambda path: type("V", (), {"f_flag": real(path).f_flag | os.ST_RDONLY})())
    result = run("--lang", "en", "progress", "A-3", "--status", "done", "--on", "2021-06-01", "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 2 and "is on a read-only drive" in result.stderr and "chmod" not in result.stderr, result
    assert log_file.read_bytes() == before


def test_a_read_only_log_through_a_symlink_is_refused_too(run, workdir):
    target = workdir / "kept.yaml"
    shutil.copy(LOG, target)
    before = target.read_bytes()
    os.chmod(target, 0o444)
    (workdir / "ke-hoach.progress.yaml").symlink_to(target.name)
    try:
        result = run("progress", "A-3", "--status", "done", "--on", "2021-06-01", "--plan", workdir / "ke-hoach.yaml")
        assert result.exit_code == 2 and "chỉ đọc" in result.stderr, result
        assert target.read_bytes() == before
    finally:
        os.chmod(target, 0o644)


def test_an_entry_that_would_take_the_log_past_the_readers_limit_is_refused(run, workdir, monkeypatch):
    from cchc.inputs import yaml as safeyaml

    log_file = workdir / "ke-hoach.progress.yaml"
    plan_size = (workdir / "ke-hoach.yaml").stat().st_size
    log_file.write_bytes(LOG.read_bytes() + b"# " + b"x" * plan_size + b"\n")  # the larger of the two files
    before = log_file.read_bytes()
    monkeypatch.setattr(safeyaml, "MAX_BYTES", len(before) + 40)  # room for the log, not for one more entry
    for lang, words in (("vi", "vượt giới hạn"), ("en", "past the")):
        result = run("progress", "A-3", "--status", "done", "--on", "2021-06-01", "--plan", workdir / "ke-hoach.yaml", "--lang", lang)
        assert result.exit_code == 2 and words in result.stderr and "Traceback" not in result.stderr, result
        assert log_file.read_bytes() == before
    assert run("list", "--plan", workdir / "ke-hoach.yaml").exit_code == 0  # the log still reads


def test_progress_interrupted_write_is_exit_2_and_keeps_the_log(run, workdir, monkeypatch):
    log_file = workdir / "ke-hoach.progress.yaml"
    shutil.copy(LOG, log_file)
    before = log_file.read_bytes()

    def fail(*args, **kwargs):
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", fail)
    result = run("progress", "A-2", "--status", "done", "--on", "2021-04-20", "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 2 and "không có quyền" in result.stderr, result
    assert log_file.read_bytes() == before
    assert sorted(p.name for p in workdir.iterdir()) == ["ke-hoach.progress.yaml", "ke-hoach.yaml"]


# ---------------------------------------------------------------- history


def test_history_as_a_table(run, workdir):
    shutil.copy(LOG, workdir / "ke-hoach.progress.yaml")
    result = run("progress", "A-2", "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 0, result
    lines = result.stdout.splitlines()
    assert lines[0] == "Tiến độ nhiệm vụ A-2: Quyết định ban hành quy chế phối hợp"
    body = [line for line in lines if line[:2].isdigit()]
    assert body[0].startswith("01/02/2021  đang thực hiện") and body[0].endswith("Chờ góp ý của các sở")
    assert body[1].startswith("20/04/2021  hoàn thành") and "Quyết định số 15/QĐ-UBND" in body[1]
    english = run("--lang", "en", "progress", "A-2", "--plan", workdir / "ke-hoach.yaml").stdout
    assert "2021-02-01  in progress" in english and "Progress of item A-2" in english


def test_history_as_json(run, workdir):
    shutil.copy(LOG, workdir / "ke-hoach.progress.yaml")
    result = run("progress", "C-4", "--plan", workdir / "ke-hoach.yaml", "--format", "json", "--today", "2021-06-14")
    assert json.loads(result.stdout) == {
        "id": "C-4",
        "product": "Kế hoạch kiểm tra tài chính",
        "status": "in_progress",
        "as_of": "2021-06-14",
        "history": [
            {"id": "C-4", "status": "done", "date": "2021-04-30", "evidence": None, "note": None},
            {"id": "C-4", "status": "in_progress", "date": "2021-04-30", "evidence": None, "note": "Đang trình ký"},
        ],
    }
    assert run("--lang", "en", "progress", "C-4", "--plan", workdir / "ke-hoach.yaml", "--format", "json", "--today", "2021-06-14").stdout == result.stdout


def test_history_without_a_log(run, workdir):
    result = run("progress", "A-1", "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 0 and result.stdout == "" and "A-1" in result.stderr, result
    assert json.loads(run("progress", "A-1", "--plan", workdir / "ke-hoach.yaml", "-f", "json").stdout)["history"] == []


def test_history_of_a_hostile_log_is_exit_1_with_its_problems(run, workdir):
    for name in ("tag.progress.yaml", "alias.progress.yaml", "schema.progress.yaml"):
        shutil.copy(PROGRESS / "invalid" / name, workdir / "ke-hoach.progress.yaml")
        result = run("progress", "A-1", "--plan", workdir / "ke-hoach.yaml")
        line, column, code = sorted(expectations(PROGRESS / "invalid" / name))[0]
        assert result.exit_code == 1 and f":{line}:{column}:" in result.stderr and code in result.stderr, result


def test_history_of_a_huge_log_is_exit_1(run, workdir, monkeypatch):
    monkeypatch.setattr(safeyaml, "MAX_BYTES", 1000)
    (workdir / "ke-hoach.progress.yaml").write_bytes(LOG.read_bytes() * 3)
    result = run("progress", "A-1", "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 1 and "too-large" in result.stderr, result


def test_an_unreadable_explicit_log_is_exit_2(run, workdir):
    result = run("progress", "A-1", "--plan", workdir / "ke-hoach.yaml", "--progress", workdir / "missing.yaml")
    assert result.exit_code == 2 and "missing.yaml" in result.stderr, result


# ---------------------------------------------------------------- validate and the queries judge a log alike


def validate_json(run, *args):
    result = run("validate", "--today", "2021-12-31", "-f", "json", *args)
    return result, json.loads(result.stdout)


def errors_of(document) -> list[tuple[str, int, int, str]]:
    return [(d["file"], d["line"], d["column"], d["code"]) for d in document["diagnostics"] if d["severity"] == "error"]


def test_validate_given_the_log_with_its_plan_checks_the_log_once_as_a_log(run, workdir):
    # `cchc validate plans/*.yaml` once a log exists: the glob gives the log (first: "." < "y") and the plan.
    plan_file, log_file = workdir / "ke-hoach.yaml", workdir / "ke-hoach.progress.yaml"
    shutil.copy(LOG, log_file)
    result, document = validate_json(run, log_file, plan_file)
    assert result.exit_code == 0, result
    assert document["files"] == [str(plan_file), str(log_file)] and errors_of(document) == []
    text = run("--lang", "en", "validate", "--today", "2021-12-31", *sorted(workdir.glob("*.yaml")))
    assert text.exit_code == 0 and "[schema]" not in text.stdout, text
    assert text.stdout.splitlines()[-1].startswith("2 file(s) checked: 0 error(s)"), text
    # A log with an error: reported once, as a progress log, at its line and column.
    shutil.copy(PROGRESS / "invalid" / "bad-status.progress.yaml", log_file)
    result, document = validate_json(run, *sorted(workdir.glob("*.yaml")))
    assert result.exit_code == 1, result
    assert errors_of(document) == [(str(log_file), 3, 11, "progress-status")]
    assert document["files"] == [str(plan_file), str(log_file)]


def test_validate_warns_of_an_entry_given_twice_and_of_a_date_years_from_the_plan(run, workdir):
    log_file = workdir / "ke-hoach.progress.yaml"
    text = '- id: "A-1"\n  status: "done"\n  date: "2021-03-10"\n'
    log_file.write_text(text + '- id: "A-2"\n  status: "in_progress"\n  date: "2024-01-10"\n' + text, encoding="utf-8")
    result = run("validate", workdir / "ke-hoach.yaml", "-f", "json", "--lang", "en")
    assert result.exit_code == 0, result
    found = sorted((d["line"], d["code"], d["severity"]) for d in json.loads(result.stdout)["diagnostics"] if d["file"] == str(log_file))
    assert found == [(6, "progress-year", "warning"), (7, "progress-duplicate", "warning")]
    messages = [d["message"] for d in json.loads(result.stdout)["diagnostics"] if d["file"] == str(log_file)]
    assert any("same as entry 1 of the log, on line 1 " in m for m in messages) and any("more than a year from the plan's year (2021)" in m for m in messages)


def test_validate_given_only_a_log_checks_it_against_the_plan_beside_it(run, workdir, monkeypatch):
    log_file = workdir / "ke-hoach.progress.yaml"
    shutil.copy(LOG, log_file)
    result, document = validate_json(run, log_file)
    assert result.exit_code == 0 and document["files"] == [str(log_file)] and document["diagnostics"] == [], result
    monkeypatch.chdir(workdir)
    text = run("validate", "--today", "2021-12-31", "ke-hoach.progress.yaml")
    assert text.exit_code == 0 and text.stdout.splitlines() == ["Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo (hợp lệ)"], text
    # The same checks as for the log beside a plan: an unknown id, an entry after --today.
    shutil.copy(PROGRESS / "invalid" / "bad-status.progress.yaml", log_file)
    result, document = validate_json(run, "ke-hoach.progress.yaml")
    assert result.exit_code == 1 and errors_of(document) == [("ke-hoach.progress.yaml", 3, 11, "progress-status")], result
    shutil.copy(LOG, log_file)
    result = run("validate", "--today", "2021-07-31", "ke-hoach.progress.yaml", "-f", "json")
    assert result.exit_code == 1 and [d["code"] for d in json.loads(result.stdout)["diagnostics"]] == ["progress-future"] * 2, result
    # Named .progress.yml, beside a plan named .yml.
    os.rename("ke-hoach.yaml", "ke-hoach.yml")
    os.rename("ke-hoach.progress.yaml", "ke-hoach.progress.yml")
    result, document = validate_json(run, "ke-hoach.progress.yml")
    assert result.exit_code == 0 and document["files"] == ["ke-hoach.progress.yml"], result


def test_a_log_named_yml_is_the_plans_log_for_every_command(run, workdir, monkeypatch):
    # X.progress.yml beside X.yml, with no X.progress.yaml: validate of the plan, the queries and `progress` use it.
    monkeypatch.chdir(workdir)
    os.rename("ke-hoach.yaml", "ke-hoach.yml")
    Path("ke-hoach.progress.yml").write_text("- id: ZZ\n  status: done\n  date: 2021-01-05\n", encoding="utf-8")
    result, document = validate_json(run, "ke-hoach.yml")
    assert result.exit_code == 1 and errors_of(document) == [("ke-hoach.progress.yml", 1, 7, "progress-unknown-id")], result
    assert run("list", "--plan", "ke-hoach.yml").exit_code == 1  # a query never answers from a log with errors
    Path("ke-hoach.progress.yml").write_text("- id: A-1\n  status: done\n  date: 2021-01-05\n", encoding="utf-8")
    written = run("progress", "A-2", "--plan", "ke-hoach.yml", "--status", "done", "--on", "2021-02-01")
    assert written.exit_code == 0 and sorted(os.listdir()) == ["ke-hoach.progress.yml", "ke-hoach.yml"], written
    listed = json.loads(run("list", "--plan", "ke-hoach.yml", "-f", "json").stdout)
    assert {r["id"]: r["status"] for r in listed if r["id"] in ("A-1", "A-2")} == {"A-1": "done", "A-2": "done"}
    # Both names there: X.progress.yaml is the log, as before, and the other is warned of.
    shutil.copy(LOG, "ke-hoach.progress.yaml")
    both = validate_json(run, "ke-hoach.yml")[1]
    assert both["files"] == ["ke-hoach.yml", "ke-hoach.progress.yaml", "ke-hoach.progress.yml"]
    assert [d["code"] for d in both["diagnostics"] if d["file"] == "ke-hoach.progress.yml"] == ["progress-second-log"]


def test_validate_a_log_under_two_names_gives_one_verdict_whatever_their_order(run, workdir):
    # A link to the log with no plan beside its name ("alias.progress.yaml") is the log already checked with
    # its plan, not a log without one; a link from beside another plan is checked against that plan too.
    log_file = workdir / "ke-hoach.progress.yaml"
    shutil.copy(LOG, log_file)
    (workdir / "alias.progress.yaml").symlink_to(log_file.name)
    for order in ((log_file, workdir / "alias.progress.yaml"), (workdir / "alias.progress.yaml", log_file)):
        result, document = validate_json(run, *order)
        assert result.exit_code == 0 and document["files"] == [str(log_file)] and document["diagnostics"] == [], result
    result, document = validate_json(run, workdir / "alias.progress.yaml")
    assert result.exit_code == 2 and [d["code"] for d in document["diagnostics"]] == ["progress-no-plan"], result
    other = workdir / "other"
    other.mkdir()
    shutil.copy(workdir / "ke-hoach.yaml", other / "x.yaml")
    (other / "x.progress.yaml").symlink_to(log_file)
    result, document = validate_json(run, log_file, other / "x.progress.yaml")
    assert result.exit_code == 0 and document["files"] == [str(log_file), str(other / "x.progress.yaml")], result


def test_validate_a_log_with_no_plan_beside_it_is_exit_2_and_says_so(run, tmp_path):
    log_file = tmp_path / "2021.progress.yaml"
    shutil.copy(LOG, log_file)
    vi = run("validate", log_file)
    assert vi.exit_code == 2, vi
    assert "[progress-no-plan] không có kế hoạch bên cạnh sổ theo dõi tiến độ này" in vi.stdout and str(tmp_path / "2021.yaml") in vi.stdout
    en = run("--lang", "en", "validate", log_file)
    assert en.exit_code == 2 and f"{log_file}:1:1: error [progress-no-plan] no plan beside this progress log" in en.stdout, en
    assert "Traceback" not in en.stdout + en.stderr


def test_validate_a_log_whose_plan_has_errors_says_the_log_was_not_checked(run, workdir):
    log_file = workdir / "ke-hoach.progress.yaml"
    shutil.copy(LOG, log_file)
    (workdir / "ke-hoach.yaml").write_text("plan: [unclosed\n", encoding="utf-8")
    result = run("--lang", "en", "validate", log_file)
    assert result.exit_code == 1, result
    assert "[progress-plan-errors] the plan of this progress log" in result.stdout and "run `cchc validate " in result.stdout, result


@pytest.mark.parametrize("given", ["plan", "both"])
def test_a_log_beside_a_plan_that_does_not_read_is_counted_and_says_why_it_is_not_checked(run, workdir, given):
    # `cchc validate plans/*.yaml` left the log of a plan with a YAML error out of "files", without a word.
    log_file, plan_file = workdir / "ke-hoach.progress.yaml", workdir / "ke-hoach.yaml"
    shutil.copy(LOG, log_file)
    plan_file.write_text(plan_file.read_text(encoding="utf-8") + "x: [\n", encoding="utf-8")
    args = (plan_file,) if given == "plan" else (plan_file, log_file)
    result = run("--lang", "en", "validate", *args, "-f", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 1 and report["files"] == [str(plan_file), str(log_file)], report["files"]
    assert [(d["file"], d["line"], d["code"]) for d in report["diagnostics"] if d["file"] == str(log_file)] == [(str(log_file), 1, "progress-plan-errors")]


def test_a_directory_as_the_log_is_exit_2_for_validate_and_queries_and_named_a_log(run, workdir):
    (workdir / "ke-hoach.progress.yaml").mkdir()
    plan_file = workdir / "ke-hoach.yaml"
    for args in (("validate", plan_file), ("validate", workdir / "ke-hoach.progress.yaml")):
        en = run("--lang", "en", *args)
        assert en.exit_code == 2, en
        assert "ke-hoach.progress.yaml:1:1: error [not-a-file] is a directory, not a progress log" in en.stdout, en
        assert "plan file" not in en.stdout
        vi = run(*args)
        assert vi.exit_code == 2 and "là một thư mục, không phải sổ theo dõi tiến độ" in vi.stdout and "tệp kế hoạch" not in vi.stdout, vi
    result = run("--lang", "en", "list", "--plan", plan_file)
    assert result.exit_code == 2 and "is a directory, not a progress log" in result.stderr, result


def test_a_log_that_cannot_be_read_is_exit_2_for_validate_as_for_queries(run, workdir, monkeypatch):
    # Mode 000 as a user who is not root; simulated at the open, so that the test can fail when run as root.
    import cchc.inputs.files as files

    log_file = workdir / "ke-hoach.progress.yaml"
    shutil.copy(LOG, log_file)
    real_open = files.os.open

    def refuse(path, *args, **kwargs):
        if os.fspath(path) == str(log_file):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(files.os, "open", refuse)
    result = run("--lang", "en", "validate", workdir / "ke-hoach.yaml")
    assert result.exit_code == 2 and f"{log_file}:1:1: error [unreadable] permission denied" in result.stdout, result
    for query in (("list",), ("show", "A-1"), ("report", "--period", "6T/2021")):
        answer = run("--lang", "en", *query, "--plan", workdir / "ke-hoach.yaml")
        assert answer.exit_code == 2 and "cannot read the progress log" in answer.stderr and answer.stdout == "", answer


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a mode-000 file")
def test_a_mode_000_log_is_exit_2_for_validate(run, workdir):  # pragma: no cover - not as root
    log_file = workdir / "ke-hoach.progress.yaml"
    shutil.copy(LOG, log_file)
    os.chmod(log_file, 0)
    try:
        result = run("validate", workdir / "ke-hoach.yaml")
        assert result.exit_code == 2 and "[unreadable]" in result.stdout, result
    finally:
        os.chmod(log_file, 0o644)


def test_a_dangling_symlink_as_the_log_is_exit_2_for_validate_and_queries_alike(run, workdir):
    log_file = workdir / "ke-hoach.progress.yaml"
    log_file.symlink_to("moved-away.yaml")
    plan_file = workdir / "ke-hoach.yaml"
    result = run("--lang", "en", "validate", plan_file)
    assert result.exit_code == 2, result
    assert f'{log_file}:1:1: error [not-found] is a symbolic link to "moved-away.yaml", which does not exist' in result.stdout
    assert result.stdout.splitlines()[-1].startswith("2 file(s) checked: 1 error(s)")
    assert run("validate", log_file).exit_code == 2
    for query in (("list",), ("due", "--month", "2021-06"), ("show", "A-1"), ("report", "--period", "6T/2021"), ("progress", "A-1")):
        answer = run("--lang", "en", *query, "--plan", plan_file)
        assert answer.exit_code == 2 and "is a symbolic link" in answer.stderr and answer.stdout == "", (query, answer)


FUTURE_ENTRY = '- id: "A-4"\n  status: "done"\n  date: "{day}"\n'


@pytest.mark.parametrize("day, code", [("9999-12-31", "progress-date"), ("2199-12-31", "progress-future"), ("tomorrow", "progress-future")])
def test_a_log_validate_finds_errors_in_stops_every_query(run, workdir, day, code):
    if day == "tomorrow":
        day = (cchc_today() + datetime.timedelta(days=1)).isoformat()
    log_file = workdir / "ke-hoach.progress.yaml"
    log_file.write_text(LOG.read_text(encoding="utf-8") + FUTURE_ENTRY.format(day=day), encoding="utf-8")
    line = len(LOG.read_text(encoding="utf-8").splitlines()) + 3
    checked = run("validate", workdir / "ke-hoach.yaml", "-f", "json")  # today: the machine's date
    assert checked.exit_code == 1, checked
    assert errors_of(json.loads(checked.stdout)) == [(str(log_file), line, 9, code)]
    for query in (("list",), ("list", "--status", "done"), ("due", "--month", "2021-06"), ("show", "A-4"),
                  ("report", "--period", "6T/2021"), ("report", "--as-of", "2021-12-31", "-f", "json"),
                  ("calendar", "--pending"), ("progress", "A-4")):
        answer = run(*query, "--plan", workdir / "ke-hoach.yaml")
        assert answer.exit_code == 1 and answer.stdout == "", (query, answer)
        assert f"{log_file}:{line}:9" in answer.stderr and f"[{code}]" in answer.stderr, (query, answer)


def test_log_dates_are_bounded_like_today(plan, tmp_path):
    path = tmp_path / "log.yaml"
    path.write_text(FUTURE_ENTRY.format(day="9999-12-31") + FUTURE_ENTRY.format(day="1899-12-31").replace("A-4", "A-3"), encoding="utf-8")
    log, problems = load_log(path, plan)
    assert [(p.code, p.line, p.column) for p in problems] == [("progress-date", 3, 9), ("progress-date", 6, 9)]
    assert [p.text("en") for p in problems][0].endswith('date "9999-12-31" has a year outside 1900–2199')
    assert "năm ngoài khoảng 1900–2199" in problems[1].text("vi")
    assert len(log) == 0  # an entry whose date cannot be used counts for nothing


def test_a_query_asked_about_a_later_day_takes_entries_up_to_it(run, workdir):
    # A query's --today (or --as-of) later than the machine's date moves "the future" with it.
    later = cchc_today() + datetime.timedelta(days=10)
    log_file = workdir / "ke-hoach.progress.yaml"
    log_file.write_text(FUTURE_ENTRY.format(day=later.isoformat()), encoding="utf-8")
    assert run("list", "--plan", workdir / "ke-hoach.yaml").exit_code == 1
    answer = run("list", "--status", "done", "--today", later.isoformat(), "--plan", workdir / "ke-hoach.yaml", "-f", "json")
    assert answer.exit_code == 0 and [i["id"] for i in json.loads(answer.stdout)] == ["A-4"], answer
    assert run("validate", "--today", later.isoformat(), workdir / "ke-hoach.yaml").exit_code == 0


def test_validate_and_queries_share_one_judgement(plan, workdir):
    from cchc.progress import judge_log

    log_file = workdir / "ke-hoach.progress.yaml"
    log_file.write_text(LOG.read_text(encoding="utf-8") + FUTURE_ENTRY.format(day="2021-12-31"), encoding="utf-8")
    day = D(2021, 12, 30)
    judged = judge_log(log_file, plan, day)[1]
    assert [p.code for p in judged] == ["progress-future"]
    assert check_log_beside(workdir / "ke-hoach.yaml", plan, day) == judged
    assert find_log(workdir / "ke-hoach.yaml", plan, None, day)[1] == judged


# ---------------------------------------------------------------- list --status agrees with the report


#: A log of the 2021 plan: I-2 done on time (due 31/1), I-3 late (due 12/2020), I-4 cancelled; I-9 in progress,
#: due 31/12; I-6 in progress, due 31/3; IV-1 marked not started, due 30/4; VII-4 marked not started, due 30/6
#: and 31/12; II-3 ("Thường xuyên", undated) in progress.
LOG_2021 = [
    ("I-2", "done", "2021-01-20"),
    ("I-3", "done", "2021-02-01"),
    ("I-4", "cancelled", "2021-03-01"),
    ("I-9", "in_progress", "2021-03-01"),
    ("I-6", "in_progress", "2021-02-01"),
    ("IV-1", "not_started", "2021-01-15"),
    ("VII-4", "not_started", "2021-02-01"),
    ("II-3", "in_progress", "2021-02-01"),
]


@pytest.fixture
def plan_2021(run, tmp_path):
    from conftest import PLAN as PLAN_2021

    plan_file = tmp_path / "2021.yaml"
    shutil.copy(PLAN_2021, plan_file)
    for item_id, status, day in LOG_2021:
        result = run("progress", item_id, "--status", status, "--on", day, "--plan", plan_file)
        assert result.exit_code == 0, result
    return plan_file


def listed(run, plan_file, *args) -> list[str]:
    result = run("list", *args, "--plan", plan_file, "-f", "json")
    assert result.exit_code == 0, result
    return [item["id"] for item in json.loads(result.stdout)]


@pytest.mark.parametrize("day", ["2021-01-31", "2021-03-14", "2021-06-14", "2021-09-14", "2021-12-31"])
def test_list_status_holds_what_the_report_counts_and_what_its_rows_print(run, plan_2021, day):
    report = json.loads(run("report", "--as-of", day, "--plan", plan_2021, "-f", "json").stdout)
    totals = report["totals"]
    rows = {r["id"]: r["status"] for r in json.loads(run("list", "--today", day, "--plan", plan_2021, "-f", "json").stdout)}
    found = {status: set(listed(run, plan_2021, "--status", status, "--today", day))
             for status in ("not_started", "in_progress", "done", "cancelled", "overdue", "undated")}
    # Every item the report places in a class is listed under it ...
    assert len(found["done"]) == totals["done_on_time"] + totals["done_late"]
    assert len(found["cancelled"]) == totals["cancelled"] and len(found["undated"]) == totals["undated"]
    assert found["overdue"] == {o["id"] for o in report["overdue"]} and len(found["overdue"]) == totals["overdue"]
    assert len(found["not_started"]) >= totals["not_started"] and len(found["in_progress"]) >= totals["in_progress"]
    assert set().union(*found.values()) == set(rows) and len(rows) == totals["items"] == 41
    # ... and every row whose status column says a status is listed under it.
    for item_id, status in rows.items():
        if status is not None:
            assert item_id in found[status], (item_id, status)
    # The extra ones are those the log says are in progress, or not started, past a due date: overdue too.
    extra = (found["not_started"] | found["in_progress"]) - {o["id"] for o in report["overdue"]}
    assert len(extra) == totals["not_started"] + totals["in_progress"]
    # --pending: every item but the done and cancelled ones.
    assert len(listed(run, plan_2021, "--pending", "--today", day)) == 41 - len(found["done"]) - len(found["cancelled"])


def test_list_status_not_started_includes_items_never_logged(run, plan_2021):
    day = "2021-06-14"
    not_started = listed(run, plan_2021, "--status", "not_started", "--today", day)
    # Never logged, dated, not yet due (II-2, "Trong năm 2021"): not started, as the report counts it.
    assert "II-2" in not_started and "VII-4" in not_started
    # Logged not_started and past its due date (IV-1, 30/4): overdue, and still what its row says.
    overdue = listed(run, plan_2021, "--status", "overdue", "--today", day)
    assert "IV-1" in not_started and "IV-1" in overdue
    # In progress past a due date (I-6, 31/3): overdue and in progress; not yet due (I-9), or undated (II-3), in progress.
    in_progress = listed(run, plan_2021, "--status", "in_progress", "--today", day)
    assert in_progress == ["I-6", "I-9", "II-3"] and "I-6" in overdue
    assert "I-9" not in overdue and "II-3" not in overdue
    assert listed(run, plan_2021, "--status", "in_progress", "--today", "2021-03-14") == ["I-6", "I-9", "II-3"]
    assert listed(run, plan_2021, "--status", "done", "--today", day) == ["I-2", "I-3"]
    # Years later (the default --today of a test run in 2026), what the log says still finds them.
    assert listed(run, plan_2021, "--status", "in_progress", "--today", "2026-11-27") == ["I-6", "I-9", "II-3"]
    assert "IV-1" in listed(run, plan_2021, "--status", "not_started", "--today", "2026-11-27")
    # The status column still shows what the log says.
    record = json.loads(run("list", "--status", "overdue", "--today", day, "--plan", plan_2021, "-f", "json").stdout)
    assert {r["id"]: r["status"] for r in record}["I-6"] == "in_progress"
    # Both languages' help say the classes are the report's.
    assert "cchc report" in run("list", "--help").stdout and "cchc report" in run("--lang", "en", "list", "--help").stdout


def test_a_flood_of_bad_log_entries_lists_the_first_thousand_and_counts_the_rest(run, workdir):
    # Four problems an entry: 4,000 listed would be too many to read, and a million would cost gigabytes.
    from cchc.progress import MAX_LISTED

    entries = 2 * MAX_LISTED
    (workdir / "ke-hoach.progress.yaml").write_text(
        "".join(f'- id: "Z-{i}"\n  status: donex\n  date: "9999-01-01"\n  bogus: 1\n' for i in range(entries)), encoding="utf-8"
    )
    result, document = validate_json(run, workdir / "ke-hoach.progress.yaml")
    found = document["diagnostics"]
    assert result.exit_code == 1 and len(found) == MAX_LISTED + 1, result
    more = found[-1]
    assert more["code"] == "progress-more" and more["severity"] == "error"
    assert (more["line"], more["column"]) == (MAX_LISTED + 1, 3)  # the entry of the first unlisted (4 lines an entry)
    english = run("--lang", "en", "validate", "--today", "2021-12-31", workdir / "ke-hoach.progress.yaml")
    assert f"and {4 * entries - MAX_LISTED:,} more problems in the log" in english.stdout
    query = run("--lang", "en", "list", "--plan", workdir / "ke-hoach.yaml")
    assert query.exit_code == 1 and f"… and {4 * entries - 5:,} more errors" in query.stderr, query


def test_progress_refuses_a_log_that_is_not_a_file_with_words_about_the_log(run, workdir):
    os.mkfifo(workdir / "ke-hoach.progress.yaml")
    result = run("--lang", "en", "progress", "A-1", "--plan", workdir / "ke-hoach.yaml", "--status", "done", "--on", "2021-03-01")
    assert result.exit_code == 2 and "is not a regular file; a progress log must be a file" in result.stderr, result
    assert "leave out -o" not in result.stderr  # progress has no -o


def test_history_is_as_of_today_as_the_status_is(run, workdir):
    # Asked as of 01/03/2021, A-1 is in progress: the entry of 10/03/2021 that marks it done is not yet written.
    shutil.copy(LOG, workdir / "ke-hoach.progress.yaml")
    plan = workdir / "ke-hoach.yaml"
    for query in (("show", "A-1"), ("progress", "A-1")):
        before = json.loads(run(*query, "--plan", plan, "-f", "json", "--today", "2021-03-01").stdout)
        assert before["status"] == "in_progress"
        assert [(e["status"], e["date"]) for e in before["history"]] == [("in_progress", "2021-02-15")]
        after = json.loads(run(*query, "--plan", plan, "-f", "json", "--today", "2021-03-10").stdout)
        assert after["status"] == "done" and [e["date"] for e in after["history"]] == ["2021-02-15", "2021-03-10"]
        assert json.loads(run(*query, "--plan", plan, "-f", "json").stdout)["history"] == after["history"]  # today: every entry
        empty = json.loads(run(*query, "--plan", plan, "-f", "json", "--today", "2021-01-01").stdout)
        assert empty["status"] is None and empty["history"] == []
    table = run("show", "A-1", "--plan", plan, "--today", "2021-03-01").stdout
    assert "15/02/2021: đang thực hiện" in table and "10/03/2021" not in table
    table = run("progress", "A-1", "--plan", plan, "--today", "2021-03-01").stdout
    assert "15/02/2021" in table and "10/03/2021" not in table


@pytest.mark.parametrize(
    "written, code",
    [("done", "done"), ("hoàn thành", "done"), ("HOAN THANH", "done"), ("Đã hoàn thành", "done"), ("in progress", "in_progress"),
     ("in-progress", "in_progress"), ("đang thực hiện", "in_progress"), ("Chưa thực hiện", "not_started"), ("not started", "not_started"),
     ("hủy bỏ", "cancelled"), ("huỷ bỏ", "cancelled"), ("Cancelled", "cancelled"),
     # "xong" was taken and "đã xong" refused: the common ways of saying done and under way are all taken.
     ("xong", "done"), ("đã xong", "done"), ("Hoàn tất", "done"), ("đang làm", "in_progress"), ("đã hủy", "cancelled")],
)
def test_a_status_may_be_written_in_words(run, workdir, written, code):
    # A clerk reads "hoàn thành" in the help and on every page: cchc takes the words as it takes the code.
    result = run("progress", "A-3", "--status", written, "--on", "2021-05-02", "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 0, result
    assert f'status: "{code}"' in (workdir / "ke-hoach.progress.yaml").read_text(encoding="utf-8")


def test_a_log_that_holds_a_status_in_words_is_told_the_code_it_means(run, workdir):
    # The command line takes "xong"; a log holds codes only, and a clerk who typed the word there is told which.
    log = workdir / "ke-hoach.progress.yaml"
    log.write_text('- id: A-1\n  status: xong\n  date: 2021-03-01\n- id: A-1\n  status: "Đang thực hiện"\n  date: 2021-03-02\n'
                   "- id: A-1\n  status: finished\n  date: 2021-03-03\n", encoding="utf-8")
    result = run("validate", workdir / "ke-hoach.yaml", "--lang", "en", "-f", "json")
    said = [(d["line"], d["message"]) for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "progress-status"]
    assert result.exit_code == 1 and said == [
        (2, 'status "xong" means done: a progress log holds the code, not words; write status: done'),
        (5, 'status "Đang thực hiện" means in_progress: a progress log holds the code, not words; write status: in_progress'),
        (8, 'status "finished" is not valid; use one of: not_started, in_progress, done, cancelled'),
    ]


@pytest.mark.parametrize("written", ["overdue", "quá hạn", "xong roi", "", "d" * 5000])
def test_a_status_that_names_none_is_exit_2_with_the_codes(run, workdir, written):
    result = run("progress", "A-3", "--status", written, "--plan", workdir / "ke-hoach.yaml")
    # The codes, each with the words cchc prints for it (which --status takes too)
    expected = "'not_started' (chưa thực hiện), 'in_progress' (đang thực hiện), 'done' (hoàn thành), 'cancelled' (hủy bỏ)"
    assert result.exit_code == 2 and expected in result.stderr, result
    assert not (workdir / "ke-hoach.progress.yaml").exists()
    english = run("--lang", "en", "progress", "A-3", "--status", written, "--plan", workdir / "ke-hoach.yaml")
    assert english.exit_code == 2 and "'not_started', 'in_progress', 'done', 'cancelled'" in english.stderr, english


def test_a_list_status_that_names_none_gives_every_class_with_its_words(run, workdir):
    result = run("list", "--status", "xong roi", "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert "'cancelled' (hủy bỏ), 'overdue' (quá hạn), 'undated' (không có hạn chót)" in result.stderr, result
    english = run("list", "--status", "xong roi", "--plan", workdir / "ke-hoach.yaml", "--lang", "en")
    assert "'cancelled', 'overdue', 'undated'" in english.stderr, english


def test_list_status_takes_words_as_codes(run, workdir):
    shutil.copy(LOG, workdir / "ke-hoach.progress.yaml")

    def ids(*statuses):
        args = [a for s in statuses for a in ("--status", s)]
        found = run("list", *args, "--plan", workdir / "ke-hoach.yaml", "--today", "2021-12-31", "-f", "json")
        assert found.exit_code == 0, found
        return [r["id"] for r in json.loads(found.stdout)]

    assert ids("hoàn thành") == ids("done") != []
    assert ids("qua han", "Đang thực hiện") == ids("overdue", "in_progress") != []
    assert ids("không có hạn chót") == ids("undated") != []
    assert ids("Chưa thực hiện") == ids("not_started")
    assert run("list", "--status", "late", "--plan", workdir / "ke-hoach.yaml").exit_code == 2


def test_the_commands_take_the_statuses_the_core_knows():
    import cchc.cli.progress as progress_cli
    import cchc.cli.query as query_cli
    from cchc.progress import STATUSES
    from cchc.report import LIST_STATUSES

    assert progress_cli.STATUSES == STATUSES and query_cli.LIST_STATUSES == LIST_STATUSES


def test_an_empty_today_is_refused_not_taken_as_today(run, workdir):
    for query in (("list",), ("due",), ("show", "A-1"), ("progress", "A-1")):
        result = run(*query, "--today", "", "--plan", workdir / "ke-hoach.yaml")
        assert result.exit_code == 2 and "--today" in result.stderr, (query, result)
    assert run("validate", workdir / "ke-hoach.yaml", "--today", "").exit_code == 2


def test_a_status_word_with_spaces_around_it_is_read_as_the_word(run, workdir):
    result = run("progress", "A-3", "--status", "hoàn thành" + " " * 100, "--on", "2021-05-02", "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 0, result
    assert 'status: "done"' in (workdir / "ke-hoach.progress.yaml").read_text(encoding="utf-8")


def test_an_error_after_a_thousand_warnings_in_a_log_is_listed_at_its_place(run, workdir):
    from cchc.progress import MAX_LISTED

    warnings = MAX_LISTED + 500
    # No date: a warning each (a note each, so that none is the same as another).
    text = "".join(f'- id: "A-1"\n  status: "in_progress"\n  note: "{n}"\n' for n in range(warnings))
    text += '- id: "A-2"\n  status: "donex"\n  date: "2021-03-01"\n'
    (workdir / "ke-hoach.progress.yaml").write_text(text, encoding="utf-8")
    result, document = validate_json(run, workdir / "ke-hoach.progress.yaml")
    errors = [(d["code"], d["line"]) for d in document["diagnostics"] if d["severity"] == "error" and d["code"] != "progress-more"]
    assert result.exit_code == 1 and errors == [("progress-status", 3 * warnings + 2)], errors
    (more,) = [d for d in document["diagnostics"] if d["code"] == "progress-more"]
    assert more["severity"] == "warning" and "500" in more["message"]  # the warnings past the bound, counted
    query = run("list", "--plan", workdir / "ke-hoach.yaml")
    assert query.exit_code == 1 and f":{3 * warnings + 2}:" in query.stderr, query


def test_an_entry_far_from_the_plans_year_is_warned_of_when_it_is_written(run, tmp_path):
    # A past plan's progress typed in years later without --on is dated that day: validate would warn of it on
    # every run (progress-year); progress says so as it writes it, and still writes it (--on defaults to today).
    from conftest import PLAN as PLAN_2021

    plan_file = tmp_path / "2021.yaml"
    shutil.copy(PLAN_2021, plan_file)
    log = tmp_path / "2021.progress.yaml"
    today = run("progress", "I-1", "--status", "done", "--today", "2024-03-01", "--plan", plan_file)
    assert today.exit_code == 0 and today.stdout == ""
    assert today.stderr.splitlines()[1] == (
        "cảnh báo: không có --on nên đã ghi ngày hôm nay, 01/03/2024, cách năm của kế hoạch (2021) hơn một năm; "
        f"nếu việc làm vào ngày khác, sửa ngày của mục vừa ghi trong {log} (lần sau ghi --on NGÀY)"
    )
    given_day = run("progress", "I-2", "--status", "done", "--on", "2023-01-01", "--plan", plan_file, "--lang", "en")
    assert given_day.exit_code == 0
    assert given_day.stderr.splitlines()[1] == (
        f"warning: 2023-01-01 is more than a year from the plan's year (2021); if it is wrong, correct the entry just written in {log}"
    )
    for day in ("2022-12-31", "2021-06-30"):  # within a year of the plan's: nothing to say
        near = run("progress", "I-3", "--status", "done", "--on", day, "--plan", plan_file)
        assert near.exit_code == 0 and len(near.stderr.splitlines()) == 1
    written, problems = load_log(log, load_plan(plan_file).plan)
    assert [entry.id for entry in written.entries] == ["I-1", "I-2", "I-3", "I-3"]
    assert [p.code for p in problems] == ["progress-year"] * 2
    warned = [d for d in json.loads(run("validate", plan_file, "-f", "json").stdout)["diagnostics"] if d["code"] == "progress-year"]
    assert [d["line"] for d in warned] == [n + 1 for n, line in enumerate(log.read_text(encoding="utf-8").splitlines())
                                            if line.strip().startswith("date:") and line.split()[-1].strip("\"")[:4] in ("2023", "2024")]


# ---------------------------------------------------------------- the log stays the file it was


def test_append_keeps_the_logs_owner_and_group(plan, tmp_path):
    # A log a group of clerks share: the one who records last must not take it over (and lock the others out).
    path = tmp_path / "log.yaml"
    shutil.copy(LOG, path)
    if os.geteuid() == 0:
        os.chown(path, 4321, 8765)
    before = path.stat()
    append_entry(path, Entry("A-4", "done", D(2021, 12, 1)))
    after = path.stat()
    assert (after.st_uid, after.st_gid, after.st_mode) == (before.st_uid, before.st_gid, before.st_mode)
    assert [e.id for e in read_back(path, plan).entries][-1] == "A-4"


def test_append_where_the_owner_cannot_be_kept_writes_in_place(plan, tmp_path, monkeypatch):
    # Another clerk's file, group-writable: a rename would make it this user's; the entry is added at its end instead.
    path = tmp_path / "log.yaml"
    shutil.copy(LOG, path)
    before, inode = path.read_bytes(), path.stat().st_ino

    def refused(fd, uid, gid):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "fchown", refused)
    monkeypatch.setattr(os, "fstat", lambda fd: os.stat_result((0o100644, 0, 0, 1, 99999, 99999, 0, 0, 0, 0)))
    append_entry(path, Entry("A-4", "done", D(2021, 12, 1)))
    assert path.stat().st_ino == inode and path.read_bytes().startswith(before)
    assert [e.id for e in read_back(path, plan).entries][-1] == "A-4"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.yaml"]


def test_append_to_a_hard_linked_log_changes_both_names(plan, tmp_path):
    path = tmp_path / "log.yaml"
    shutil.copy(LOG, path)
    os.link(path, tmp_path / "copy.yaml")
    append_entry(path, Entry("A-4", "done", D(2021, 12, 1)))
    assert (tmp_path / "copy.yaml").read_bytes() == path.read_bytes()
    assert [e.id for e in read_back(tmp_path / "copy.yaml", plan).entries][-1] == "A-4"


def test_a_failed_write_in_place_leaves_the_log_as_it_was(plan, tmp_path, monkeypatch):
    path = tmp_path / "log.yaml"
    shutil.copy(LOG, path)
    os.link(path, tmp_path / "copy.yaml")  # written in place
    before = path.read_bytes()

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError):
        append_entry(path, Entry("A-4", "done", D(2021, 12, 1)))
    assert path.read_bytes() == before


def test_recording_with_a_today_still_to_come_and_no_on_blames_today(run, workdir):
    future = cchc_today() + datetime.timedelta(days=40)
    result = run("progress", "A-2", "--status", "done", "--today", str(future), "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 2 and "--today" in result.stderr and "--on" in result.stderr, result
    assert "còn chưa đến" in result.stderr and not (workdir / "ke-hoach.progress.yaml").exists()


def test_recording_before_the_plan_is_issued_with_no_on_does_not_blame_on(run, workdir):
    # A plan issued after today (next year's, made early): "invalid value for '--on'" when no --on was given.
    result = run("--lang", "en", "progress", "A-2", "--status", "in_progress", "--today", "2020-12-30", "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 2 and "'--on'" not in result.stderr, result
    assert "without --on the entry is dated today, 2020-12-30, before the plan's date, 2021-01-05" in result.stderr
    vietnamese = run("progress", "A-2", "--status", "in_progress", "--today", "2020-12-30", "--plan", workdir / "ke-hoach.yaml")
    assert vietnamese.exit_code == 2 and "không có --on thì mục ghi mang ngày hôm nay, 30/12/2020" in vietnamese.stderr
    assert not (workdir / "ke-hoach.progress.yaml").exists()


def test_a_write_in_place_cut_short_by_the_file_size_limit_leaves_the_log_as_it_was(workdir):
    # A shared (hard-linked) log is written in place; a write the file-size limit stops half-way is taken off again.
    import resource
    import subprocess
    import sys

    log = workdir / "ke-hoach.progress.yaml"
    shutil.copy(LOG, log)
    os.link(log, workdir / "shared.yaml")
    before = log.read_bytes()

    def limited():
        resource.setrlimit(resource.RLIMIT_FSIZE, (len(before) + 100, len(before) + 100))

    result = subprocess.run(
        [sys.executable, "-m", "cchc", "progress", "A-2", "--status", "done", "--on", "2021-04-20", "--note", "y" * 400,
         "--plan", str(workdir / "ke-hoach.yaml")], capture_output=True, text=True, preexec_fn=limited, cwd=workdir)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result
    assert log.read_bytes() == before and (workdir / "shared.yaml").read_bytes() == before


def test_show_prints_an_entry_without_a_date_that_validate_only_warns_of(run, workdir):
    # A log entry with no date is a warning (counted from the period's start): `show` crashed on it (exit 3).
    (workdir / "ke-hoach.progress.yaml").write_text('- id: "A-1"\n  status: in_progress\n', encoding="utf-8")
    plan = workdir / "ke-hoach.yaml"
    assert run("validate", plan, "--today", "2021-12-31").exit_code == 0
    for lang, undated in (("vi", "(không ghi ngày): đang thực hiện"), ("en", "(no date): in progress")):
        result = run("show", "A-1", "--plan", plan, "--today", "2021-06-01", "--lang", lang)
        assert result.exit_code == 0, result
        assert undated in result.stdout


def test_a_second_log_beside_the_plans_log_is_warned_of(run, workdir):
    # X.progress.yml beside X.progress.yaml: every figure came from the .yaml one, the other's entries unseen.
    (workdir / "ke-hoach.progress.yml").write_bytes(LOG.read_bytes())
    (workdir / "ke-hoach.progress.yaml").write_text("# started by hand\n", encoding="utf-8")
    result = run("validate", workdir / "ke-hoach.yaml", "--today", "2021-12-31", "-f", "json", "--lang", "en")
    assert result.exit_code == 0, result
    [found] = [d for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "progress-second-log"]
    assert found["file"] == str(workdir / "ke-hoach.progress.yml") and found["severity"] == "warning"
    assert "reads " + str(workdir / "ke-hoach.progress.yaml") + " only" in found["message"]
    # The .yml one alone, as the pre-commit hook gives it when a commit changed only that file: warned of too.
    for args in ([], ["--plans-only"]):
        alone = run("validate", *args, workdir / "ke-hoach.progress.yml", "--today", "2021-12-31", "-f", "json")
        found = [d["code"] for d in json.loads(alone.stdout)["diagnostics"] if d["code"] == "progress-second-log"]
        assert found == ["progress-second-log"], (args, alone)
    # Each query and each entry recorded says so too (on stderr): only validate did, the report left the entries out in silence.
    plan = workdir / "ke-hoach.yaml"
    for command in (["report", "--period", "Q1/2021"], ["list", "--status", "done"], ["due", "--month", "2021-06"],
                    ["progress", "A-1", "--status", "in_progress", "--on", "2021-03-01"]):
        result = run(*command, "--plan", plan, "--today", "2021-12-31", "--lang", "en")
        assert result.exit_code == 0, (command, result)
        assert result.stderr.count("[progress-second-log]") == 1 and str(workdir / "ke-hoach.progress.yml") in result.stderr, command
    # Not when the log is named: it is the one meant.
    result = run("list", "--plan", plan, "--progress", workdir / "ke-hoach.progress.yaml", "--today", "2021-12-31")
    assert result.exit_code == 0 and "progress-second-log" not in result.stderr


@pytest.mark.parametrize("start", ["# log\n", "\ufeff", "\ufeff# log\n"])
def test_an_entry_is_appended_at_the_indentation_of_an_indented_log(run, workdir, start):
    # A valid log written "  - id: …" (the list indented) was refused as "not a list - id: …"; so was one whose first
    # line, the list's, came after a byte-order mark (Notepad's).
    log_file = workdir / "ke-hoach.progress.yaml"
    log_file.write_text(start + '  - id: "A-1"\n    status: in_progress\n    date: 2021-03-01\n', encoding="utf-8")
    before = log_file.read_bytes()
    result = run("progress", "A-1", "--status", "done", "--on", "2021-06-01", "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 0, result
    after = log_file.read_bytes()
    assert after.startswith(before) and after[len(before):].startswith(b'  - id: "A-1"\n    status: "done"\n')
    assert run("validate", workdir / "ke-hoach.yaml", "--today", "2021-12-31").exit_code == 0


@pytest.mark.parametrize("folder_readable", [True, False])
def test_two_writers_of_a_log_take_turns_and_the_second_reads_the_first_ones_file(tmp_path, monkeypatch, folder_readable):
    # The folder carries the lock (the rename replaces the file); in a folder this user may enter but not read
    # (mode 711, 333: "cannot write: Permission denied" before), the file itself does, taken again on the new file.
    import threading

    from cchc import write

    if not folder_readable:
        def unreadable(path):
            raise PermissionError(13, "Permission denied", str(path))

        monkeypatch.setattr(write, "_open_folder", unreadable)
    log = tmp_path / "ke-hoach.progress.yaml"
    log.write_bytes(b"- first\n")
    seen = []

    def second():
        with write.directory_locked(log):
            seen.append(log.read_bytes())

    with write.directory_locked(log):
        thread = threading.Thread(target=second)
        thread.start()
        threading.Event().wait(0.5)  # the second writer waits for the lock meanwhile
        assert seen == []
        write.write_atomically(log, b"- first\n- second\n")  # a new file, by rename
    thread.join(10)
    assert seen == [b"- first\n- second\n"]


def test_progress_in_a_folder_it_may_not_read_records_the_entry(run, workdir, monkeypatch):
    from cchc import write

    def unreadable(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(write, "_open_folder", unreadable)
    log_file = workdir / "ke-hoach.progress.yaml"
    shutil.copy(LOG, log_file)
    result = run("progress", "A-3", "--status", "done", "--on", "2021-06-01", "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 0, result
    assert log_file.read_text(encoding="utf-8").endswith('- id: "A-3"\n  status: "done"\n  date: "2021-06-01"\n')


def test_a_new_log_in_a_folder_it_may_not_read_is_refused_not_started_unlocked(run, workdir, monkeypatch):
    # Nothing can carry the lock there: nine writers starting the log at once kept three to seven of nine entries.
    from cchc import write

    def unreadable(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(write, "_open_folder", unreadable)
    log_file = workdir / "ke-hoach.progress.yaml"
    log_file.unlink(missing_ok=True)
    result = run("--lang", "en", "progress", "A-3", "--status", "done", "--on", "2021-06-01", "--plan", workdir / "ke-hoach.yaml")
    assert result.exit_code == 2 and "there is no log yet, and the folder" in result.stderr and "chmod u+r" in result.stderr, result
    assert not log_file.exists()
    vi = run("progress", "A-3", "--status", "done", "--on", "2021-06-01", "--plan", workdir / "ke-hoach.yaml")
    assert vi.exit_code == 2 and "chưa có sổ theo dõi" in vi.stderr


@pytest.mark.parametrize(
    "zone, utc, expected",
    [
        ("UTC", "2026-11-27T23:49", "2026-11-28"),  # 06:49 in Vietnam: Vietnam's day
        ("UTC", "2026-11-27T10:00", "2026-11-27"),
        ("Etc/GMT+12", "2026-11-27T05:00", "2026-11-27"),  # 16:59 on the 26th here, noon on the 27th in Vietnam
        ("Pacific/Kiritimati", "2026-11-27T11:00", "2026-11-28"),  # UTC+14: its day has begun before Vietnam's
    ],
)
def test_today_is_the_later_of_the_machines_day_and_vietnams(monkeypatch, zone, utc, expected):
    import time

    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        now = datetime.datetime.fromisoformat(utc).replace(tzinfo=datetime.timezone.utc)
        assert cchc_today(now) == datetime.date.fromisoformat(expected)
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize(
    "zone, utc, expected",
    [
        ("UTC", "2026-11-27T23:49", "2026-11-27"),  # the evening here: the machine's day, not Vietnam's next one
        ("Asia/Ho_Chi_Minh", "2026-11-27T23:49", "2026-11-28"),
        ("Pacific/Kiritimati", "2026-11-27T11:00", "2026-11-27"),  # UTC+14, the 28th here: Vietnam's day, the 27th
    ],
)
def test_an_entry_is_dated_the_earlier_of_the_machines_day_and_vietnams(monkeypatch, zone, utc, expected):
    # Dated the 28th on a UTC+14 machine, an entry was from the future for validate on a UTC CI runner (still the 27th
    # there and in Vietnam): every query stopped until the next day.
    from cchc.deadline_kinds import entry_day

    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        now = datetime.datetime.fromisoformat(utc).replace(tzinfo=datetime.timezone.utc)
        assert entry_day(now) == datetime.date.fromisoformat(expected) <= cchc_today(now)
    finally:
        monkeypatch.undo()
        time.tzset()


def test_an_entry_logged_in_vietnam_is_not_from_the_future_on_a_machine_that_keeps_an_earlier_day(workdir):
    # Logged at 06:49 in Vietnam with the default date, the entry failed validate (progress-future) and stopped
    # every query on a CI runner keeping UTC until its day came there. UTC-12 is a day behind Vietnam's most hours.
    import subprocess
    import sys

    vietnam = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7))).date()
    (workdir / "ke-hoach.progress.yaml").write_text(FUTURE_ENTRY.format(day=vietnam.isoformat()), encoding="utf-8")
    env = {**os.environ, "TZ": "Etc/GMT+12"}
    for command in (["validate", str(workdir / "ke-hoach.yaml")], ["list", "--status", "done", "--plan", str(workdir / "ke-hoach.yaml")]):
        result = subprocess.run([sys.executable, "-m", "cchc", *command], env=env, capture_output=True, text=True)
        assert result.returncode == 0 and "progress-future" not in result.stdout + result.stderr, result


def test_validate_checks_a_log_kept_elsewhere_given_with_progress(run, workdir, tmp_path):
    # progress --progress PATH kept a log validate could not check: "no such option", or the log read as a plan.
    plan = workdir / "ke-hoach.yaml"
    log = tmp_path / "elsewhere.yaml"
    assert run("progress", "A-1", "--status", "done", "--on", "2021-03-01", "--plan", plan, "--progress", log).exit_code == 0
    checked = run("validate", plan, "--progress", log, "-f", "json")
    assert checked.exit_code == 0 and str(log) in json.loads(checked.stdout)["files"], checked
    log.write_text(log.read_text(encoding="utf-8") + '- id: "Z-9"\n  status: "done"\n  date: "2021-03-02"\n', encoding="utf-8")
    checked = run("validate", plan, "--progress", log, "-f", "json")
    line = log.read_text(encoding="utf-8").splitlines().index('- id: "Z-9"') + 1
    assert checked.exit_code == 1 and errors_of(json.loads(checked.stdout)) == [(str(log), line, 7, "progress-unknown-id")], checked
    assert run("validate", plan, "--progress", tmp_path / "none.yaml").exit_code == 2  # given, so it must exist
    two = run("--lang", "en", "validate", plan, DATA.parent.parent / "plans" / "2021.yaml", "--progress", log)
    assert two.exit_code == 2 and "give one plan with it (plans given: 2)" in two.stderr  # one plan's log
    beside = run("validate", plan, workdir / "ke-hoach.progress.yaml", "--progress", log)  # its log's name stands for it
    assert beside.exit_code == 1 and "progress-unknown-id" in beside.stdout, beside
