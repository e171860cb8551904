"""`cchc validate`: example files, hostile input, formats and exit codes."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from pathlib import Path

import pytest

from cchc.checks_money import _number_as_text
from cchc.model import NOTE_AMOUNT
from conftest import DATA, PLAN

INVALID = sorted((DATA / "invalid").glob("*.yaml"))
VALID = sorted((DATA / "valid").glob("*.yaml"))


def expectations(path: Path) -> list[tuple[int, int, str]]:
    """The `# expect: LINE:COL CODE` lines at the top of an invalid example."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"# expect: (\d+):(\d+) (\S+)", line)
        if not match:
            break
        found.append((int(match[1]), int(match[2]), match[3]))
    assert found, f"{path.name} states no expectation"
    return found


def diagnostics(result) -> list[dict]:
    return json.loads(result.stdout)["diagnostics"]


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_examples_pass_without_problems(run, path):
    result = run("validate", path, "--format", "json")
    assert result.exit_code == 0, result
    document = json.loads(result.stdout)
    assert document == {"valid": True, "files": [str(path)], "diagnostics": []}


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_example_reports_its_error_at_line_and_column(run, path):
    before = path.read_bytes()
    result = run("validate", path, "--format", "json")
    assert result.exit_code == 1, result
    errors = {(d["line"], d["column"], d["code"]) for d in diagnostics(result) if d["severity"] == "error"}
    assert errors == set(expectations(path)), result
    assert path.read_bytes() == before


def test_text_format_is_file_line_col_severity_code_message(run):
    path = DATA / "invalid" / "duplicate-key.yaml"
    result = run("validate", path)
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first == f'{path}:43:13: lỗi [duplicate-key] khóa "budget" bị lặp lại (lần đầu ở dòng 42); YAML chỉ giữ một trong hai'
    assert result.stdout.splitlines()[-1] == "Đã kiểm tra 1 tệp: 1 lỗi, 0 cảnh báo (không hợp lệ)"
    english = run("validate", path, "--lang", "en").stdout.splitlines()
    assert english[0].startswith(f"{path}:43:13: error [duplicate-key] ")
    assert english[-1] == "1 file(s) checked: 1 error(s), 0 warning(s) (invalid)"


def test_the_2021_plan_is_valid_and_warns_about_the_gap(run):
    result = run("validate", PLAN, "--format", "json")
    assert result.exit_code == 0, result
    found = diagnostics(result)
    assert all(d["severity"] == "warning" for d in found)
    gap = [d for d in found if d["code"] == "total-mismatch"]
    assert len(gap) == 1
    # The declared figure, the itemized one and the difference are all named.
    assert "200 triệu đồng" in gap[0]["message"]
    assert "190 triệu đồng" in gap[0]["message"]
    assert "-10 triệu đồng" in gap[0]["message"]


def test_blank_cells_of_the_2021_plan_are_reported_as_warnings(run):
    found = diagnostics(run("validate", PLAN, "--format", "json"))
    no_lead = {re.search(r"[IVX]+-\d+", d["message"])[0] for d in found if d["code"] == "no-lead"}
    assert no_lead == {"III-2", "IV-4", "V-2", "VII-5", "VII-8"}
    blank = {re.search(r"[IVX]+-\d+", d["message"])[0] for d in found if d["code"] == "blank-deadline"}
    assert blank == {"IV-4", "V-2", "VII-5"}


def test_strict_turns_warnings_into_failure(run):
    assert run("validate", PLAN, "--strict").exit_code == 1
    assert run("validate", DATA / "valid" / "minimal.yaml", "--strict").exit_code == 0


def test_strict_makes_warnings_invalid_in_every_format(run):
    document = json.loads(run("validate", PLAN, "--strict", "-f", "json").stdout)
    assert document["valid"] is False and document["diagnostics"] and all(d["severity"] == "warning" for d in document["diagnostics"])
    assert json.loads(run("validate", PLAN, "-f", "json").stdout)["valid"] is True
    assert run("validate", PLAN, "--strict", "--lang", "en").stdout.splitlines()[-1].endswith("(invalid)")
    assert run("validate", PLAN, "--lang", "en").stdout.splitlines()[-1].endswith("(valid)")


@pytest.mark.parametrize(
    ("quoted", "bare", "field"),
    [
        ('    - "Lưu: VT, NC."', "    - Lưu: VT, NC.", "recipients"),
        ("partners: [Sở Tư pháp]", "partners: [Sở Tư pháp, 'Ghi chú: x']", None),
    ],
)
def test_an_unquoted_colon_in_a_list_of_texts_is_told_to_be_quoted(run, tmp_path, quoted, bare, field):
    source = PLAN if field else DATA / "valid" / "minimal.yaml"
    text = source.read_text(encoding="utf-8")
    assert quoted in text
    if field is None:  # a flow list: the colon made the element {Ghi chú: x}
        bare, field = bare.replace("'Ghi chú: x'", "Ghi chú: x"), "partners"
    path = tmp_path / "colon.yaml"
    path.write_text(text.replace(quoted, bare, 1), encoding="utf-8")
    line = next(n for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if bare.strip() in row)
    result = run("validate", path, "--lang", "en", "-f", "json")
    [found] = [d for d in diagnostics(result) if d["severity"] == "error"]  # (the items' warnings are told too)
    assert result.exit_code == 1 and found["line"] == line
    assert found["message"].startswith(f"{field} must be text, but the colon and space")
    assert found["message"].endswith("put the whole text in double quotes: " + ('"Lưu: VT, NC."' if field == "recipients" else '"Ghi chú: x"'))


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        # A list of one written as text: the message shows the list it should be.
        ("            lead:\n              - Sở Tư pháp\n", "            lead: Sở Tư pháp\n",
         'lead must be a list, got "Sở Tư pháp": write each entry on a line of its own under it, after a dash (- Sở Tư pháp)'),
        # A list in square brackets as an entry of a list: the entry, not the field, must be text.
        ("            partners:\n              - Các sở, ban, ngành\n", "            partners:\n              - [Các sở, ban, ngành]\n",
         "each entry of partners must be text, but this one is a list in square brackets, […]: write each name on a line of its own"),
    ],
)
def test_a_list_written_as_text_or_a_list_inside_a_list_is_told_how_to_write_it(run, tmp_path, old, new, message):
    text = PLAN.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "list.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    found = [d for d in diagnostics(run("validate", path, "--lang", "en", "-f", "json")) if d["code"] == "schema"]
    assert len(found) == 1 and found[0]["message"].startswith(message), found


def test_a_key_yaml_reads_as_null_or_a_number_is_told_to_be_quoted_in_either_language(run, tmp_path):
    text = PLAN.read_text(encoding="utf-8").replace("  place: Thái Bình\n", "  place: Thái Bình\n  ~: x\n", 1)
    path = tmp_path / "key.yaml"
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  ~: x") + 1  # the key itself
    vi, en = (diagnostics(run("validate", path, "-f", "json", "--lang", lang)) for lang in ("vi", "en"))
    assert [(d["line"], d["code"]) for d in vi] == [(line, "schema")]
    assert vi[0]["message"] == "decision (quyết định) có một khóa không phải là văn bản (null: YAML đọc là số, true/false, ngày hay null); hãy đặt khóa trong dấu ngoặc kép"
    assert en[0]["message"].startswith("decision has a key that is not text (null:") and "Keys should be" not in en[0]["message"]


def test_a_key_that_is_not_text_is_placed_at_the_key_even_when_it_equals_a_list_index(run, tmp_path):
    # `true:` in the second item: pydantic names the key 1, the item's own index, and it was placed at the first item.
    text = PLAN.read_text(encoding="utf-8")
    text = text.replace("\n          - id: I-2\n", "\n          - id: I-2\n            true: x\n", 1) + "2026: x\n"
    path = tmp_path / "key.yaml"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    found = diagnostics(run("validate", path, "-f", "json", "--lang", "en"))
    assert [(d["line"], d["column"]) for d in found if d["code"] == "schema"] == [
        (lines.index("            true: x") + 1, 13), (len(lines), 1)
    ]
    assert [d["message"].split(" (")[0] for d in found if d["code"] == "schema"] == [
        "items has a key that is not text", "the file has a key that is not text"
    ]


def _edited_2021(edits) -> list[str]:
    # The 2021 plan's lines with, after each "- id: X", the n-th line below it replaced (or a line inserted after it).
    lines = PLAN.read_text(encoding="utf-8").splitlines()
    for item, below, text, insert in sorted(edits, key=lambda e: -next(n for n, row in enumerate(lines) if row.endswith(f"- id: {e[0]}"))):
        at = next(n for n, row in enumerate(lines) if row.endswith(f"- id: {item}")) + below
        lines[at : at + (0 if insert else 1)] = [text]
    return lines


@pytest.mark.parametrize("field", ["decision", "plan"])
def test_a_header_date_the_schema_refuses_does_not_hide_the_items_problems(run, tmp_path, field):
    """A clerk's "date: 31/12/2020" in the header was the one error of its run: the duplicate id, the unknown agency
    and the "10 triệu" of the same commit came to light only in the run after it was mended."""
    text = PLAN.read_text(encoding="utf-8")
    if field == "plan":
        text = text.replace("  year: 2021\n", "  year: 2021\n  date: 31/12/2020\n", 1)
    else:
        text = text.replace("  date: 2020-12-31\n", "  date: 31/12/2020\n", 1)
    text = text.replace("- id: I-2\n", "- id: I-1\n", 1).replace("            budget: 20\n", "            budget: 10 triệu\n", 1)
    text = text.replace("              - Sở Tư pháp\n", "              - Sở Tư phap X\n", 1)
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("validate", path, "-f", "json")
    errors = sorted(d["code"] for d in diagnostics(result) if d["severity"] == "error")
    assert result.exit_code == 1 and errors == ["duplicate-id", "schema", "text-amount", "unknown-agency"], errors
    # The plan's date unknown, no deadline is said to fall before it: the 2021 plan's "Tháng 12/2020" is its own.
    # One years from the plan's year is told all the same.
    assert "deadline-year" not in {d["code"] for d in diagnostics(result)}
    far = tmp_path / "far.yaml"
    far.write_text(text.replace("deadline: Tháng 12/2020", "deadline: Tháng 6/2012", 1), encoding="utf-8")
    assert [d["line"] for d in diagnostics(run("validate", far, "-f", "json")) if d["code"] == "deadline-year"] == [
        n for n, row in enumerate(far.read_text(encoding="utf-8").splitlines(), 1) if "Tháng 6/2012" in row]
    # A refused decision's date beside the plan's own: the plan's is no stand-in for it. A refused plan's date
    # beside the decision's is: the items' deadlines are measured against the decision's.
    if field == "plan":
        both = tmp_path / "both.yaml"
        both.write_text(text.replace("  date: 2020-12-31\n", "  date: 2021-06-30\n", 1), encoding="utf-8")
        assert "deadline-year" in {d["code"] for d in diagnostics(run("validate", both, "-f", "json"))}
    # A refused year or default lead, which the checks read, still stops them: nothing is said of the items.
    year = tmp_path / "year.yaml"
    year.write_text(text.replace("  year: 2021\n", "  year: hai nghìn\n", 1), encoding="utf-8")
    assert {d["code"] for d in diagnostics(run("validate", year, "-f", "json")) if d["severity"] == "error"} == {"schema"}


def test_a_schema_error_does_not_hide_the_other_items_problems(run, tmp_path):
    # Issue 2: every problem in one run. I-5 has a field the schema refuses; the items after it in its task and
    # in other sections still have their deadlines and agencies checked, at their own lines.
    lines = _edited_2021([
        ("I-5", 7, "            bogus: 1", True),
        ("I-6", 6, "            deadline: Quý 5/2021", False),
        ("VII-2", 3, "              - Văn phòng UBND tinh X", False),
    ])
    path = tmp_path / "many.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("validate", path, "-f", "json")
    found = {d["code"]: d for d in diagnostics(result) if d["severity"] == "error"}
    assert result.exit_code == 1 and set(found) == {"schema", "deadline", "unknown-agency"}
    for code, text in (("schema", "bogus: 1"), ("deadline", "Quý 5/2021"), ("unknown-agency", "Văn phòng UBND tinh X")):
        assert text in lines[found[code]["line"] - 1], (code, found[code])
    codes = {d["code"] for d in diagnostics(result)}
    assert "total-mismatch" not in codes and "empty-task" not in codes  # sums of a partial plan would mislead
    assert {"no-lead", "blank-deadline"} <= codes  # the warnings of the items that validated
    assert run("due", "--month", "2021-06", "--plan", path).exit_code == 1  # no query answers from it


@pytest.mark.parametrize(
    ("anchor", "extra"),
    [
        # A key the schema does not know, on a task or a section: reported, and what it is on checked still.
        ('      - number: "2"', '        bogus: 1'),
        ("  - numeral: I", "    bogus: 1"),
        # A section's own field refused: the section is left out, the next ones kept.
        ("  - numeral: I", "  - numeral: [I]"),
    ],
)
def test_after_a_task_or_section_the_schema_refuses_the_next_ones_are_checked_in_place(run, tmp_path, anchor, extra):
    lines = PLAN.read_text(encoding="utf-8").splitlines()
    at = lines.index(anchor)
    lines[at : at + 1] = [extra] if extra.startswith("  - ") else [anchor, extra]
    # I-4 (section I, task 3) and II-1 (section II) get an unknown agency.
    for item in ("I-4", "II-1"):
        at = next(n for n, row in enumerate(lines) if row.endswith(f"- id: {item}")) + 3
        lines[at] = lines[at][: lines[at].index("- ") + 2] + f"Cơ quan lạ {item}"
    path = tmp_path / "parts.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = [d for d in diagnostics(run("validate", path, "-f", "json")) if d["code"] == "unknown-agency"]
    expected = ["I-4", "II-1"] if "bogus" in extra else ["II-1"]
    assert [lines[d["line"] - 1].strip() for d in found] == [f"- Cơ quan lạ {item}" for item in expected]


def test_keys_the_schema_does_not_know_hide_no_other_problem_of_what_holds_them(run, tmp_path):
    # A status written in the plan and a misspelt field made their items (and an unknown key in the plan's own
    # fields, the whole plan) go unchecked: the misspelt agency, the deadline and the amount in words showed only
    # once those keys were taken out, a run later.
    lines = _edited_2021([
        ("I-1", 3, "              - Sở Tài chánh", False),
        ("I-1", 1, "            status: done", True),
        ("I-2", 6, "            deadline: khoảng tháng 6", False),
        ("I-2", 1, "            ghi_chu: xem lại", True),
    ])
    lines.insert(lines.index("  year: 2021") + 1, "  nam: 2021")
    path = tmp_path / "keys.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = {(d["code"], lines[d["line"] - 1].strip()) for d in diagnostics(run("validate", path, "-f", "json")) if d["severity"] == "error"}
    assert found == {
        ("schema", "nam: 2021"), ("status-in-plan", "status: done"), ("schema", "ghi_chu: xem lại"),
        ("unknown-agency", "- Sở Tài chánh"), ("deadline", "deadline: khoảng tháng 6"),
    }


def test_a_schema_error_in_the_plans_own_fields_leaves_nothing_to_check(run, tmp_path):
    text = PLAN.read_text(encoding="utf-8").replace("  year: 2021\n", "", 1).replace("Quý I/2021", "Quý 5/2021", 1)
    path = tmp_path / "no-year.yaml"
    path.write_text(text, encoding="utf-8")
    assert {d["code"] for d in diagnostics(run("validate", path, "-f", "json"))} == {"schema"}  # deadlines need the year


def test_every_problem_is_collected_in_one_run(run, tmp_path):
    text = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("partners: [Sở Tư pháp]", "partners: [Sở Tư Phap]")
    text = text.replace("deadline: Quý II, IV/2021", "deadline: Tháng 13/2021")
    text = text.replace("id: I-2", "id: I-1")
    path = tmp_path / "many.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("validate", path, "--format", "json")
    codes = [d["code"] for d in diagnostics(result)]
    assert sorted(codes) == ["deadline", "duplicate-id", "unknown-agency"]
    lines = [d["line"] for d in diagnostics(result)]
    assert lines == sorted(lines)


def test_a_duplicate_names_the_line_of_the_first(run, tmp_path):
    # An id, a section, an agency or a short form met twice: the message gives the line of the first, not the
    # id again (an id written with other capitals also shows how the first was written).
    text = PLAN.read_text(encoding="utf-8")
    lines = text.splitlines()
    first_id, first_section = lines.index("          - id: I-1") + 1, lines.index("  - numeral: II") + 1
    text = text.replace("          - id: I-2\n", "          - id: i-1\n", 1).replace("          - id: I-3\n", "          - id: I-1\n", 1)
    text = text.replace("  - numeral: III\n", "  - numeral: II.\n", 1)
    text = text.replace("  - name: Sở Tài chính\n    short: [STC]\n", "  - name: Sở Tài chính\n    short: [STC, STP]\n  - name: Sở Tư pháp\n", 1)
    path = tmp_path / "twice.yaml"
    path.write_text(text, encoding="utf-8")
    first_agency, first_short = lines.index("  - name: Sở Tư pháp") + 1, lines.index("    short: [STP]") + 1
    moved = 1  # the line added to the registry comes before the sections
    found = {}
    for lang in ("vi", "en"):
        for d in diagnostics(run("validate", path, "--format", "json", "--lang", lang)):
            if d["code"].startswith("duplicate"):
                found.setdefault(lang, []).append((d["code"], d["message"]))
    assert found["vi"] == [
        ("duplicate-agency", f'"STP" đã là tên của "Sở Tư pháp" (dòng {first_short})'),
        ("duplicate-agency", f'cơ quan "Sở Tư pháp" được ghi hai lần (lần đầu ở dòng {first_agency})'),
        ("duplicate-id", f'mã "i-1" bị dùng hai lần (lần đầu ở dòng {first_id + moved}, viết "I-1"; mã không phân biệt hoa thường)'),
        ("duplicate-id", f'mã "I-1" bị dùng hai lần (lần đầu ở dòng {first_id + moved})'),
        ("duplicate-section", f'mục "II." xuất hiện hai lần (lần đầu ở dòng {first_section + moved})'),
    ]
    assert [message for _, message in found["en"]][2:] == [
        f'item id "i-1" is used twice (first on line {first_id + moved}, written "I-1"; ids are compared without case)',
        f'item id "I-1" is used twice (first on line {first_id + moved})',
        f'section "II." appears twice (first on line {first_section + moved})',
    ]
    placed = path.read_text(encoding="utf-8").splitlines()
    assert placed[first_id + moved - 1].endswith("id: I-1") and placed[first_section + moved - 1].endswith("numeral: II")


@pytest.mark.parametrize(
    "entry, code, exit_code",
    [
        ("  - name: Sở Nội vụ\n    short: [SNV2]\n    group: true\n    members: [Sở Tư pháp]\n", "error", 1),  # another definition
        ("  - name: Sở Nội vụ\n", "warning", 0),  # the name again, nothing more
    ],
)
def test_an_agency_listed_twice_with_another_definition_is_an_error(run, tmp_path, entry, code, exit_code):
    """The second entry made "Sở Nội vụ" a group of Sở Tư pháp as well as an agency: validate passed it with a
    warning, and `list -a SNV2` answered [] (which entry a query read was a guess)."""
    text = PLAN.read_text(encoding="utf-8")
    first = text.splitlines().index("  - name: Sở Nội vụ") + 1
    path = tmp_path / "twice.yaml"
    path.write_text(text.replace("  - name: Sở Tài chính\n", entry + "  - name: Sở Tài chính\n", 1), encoding="utf-8")
    for lang, words in (("vi", "mỗi lần một khác"), ("en", "each entry different")):
        result = run("validate", path, "--format", "json", "--lang", lang)
        assert result.exit_code == exit_code, result
        twice = [d for d in diagnostics(result) if d["code"] == "duplicate-agency"]
        assert [d["severity"] for d in twice] == [code]
        assert (words in twice[0]["message"]) == (code == "error") and f"{first})" in twice[0]["message"]


def test_the_line_of_the_first_is_found_in_a_plan_the_schema_refused(run, tmp_path):
    # With an item refused by the schema, the rest is checked without it: the first I-2 is the first item the
    # checks see, and its line is still that of I-2 in the file, not that of the refused item before it.
    text = PLAN.read_text(encoding="utf-8")
    text = text.replace("            product: Kế hoạch công tác cải cách hành chính tỉnh Thái Bình năm 2021.\n", "", 1)
    text = text.replace("          - id: I-4\n", "          - id: I-2\n", 1)
    path = tmp_path / "refused.yaml"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    first = lines.index("          - id: I-2") + 1
    found = [d for d in diagnostics(run("validate", path, "--format", "json")) if d["code"] in ("schema", "duplicate-id")]
    assert [d["code"] for d in found] == ["schema", "duplicate-id"]
    assert found[1]["message"] == f'mã "I-2" bị dùng hai lần (lần đầu ở dòng {first})' and found[1]["line"] > first


def test_a_name_cut_at_its_commas_by_a_bracketed_list_is_told_apart(run, tmp_path):
    # [Các sở, ban, ngành, Sở Tư pháp] is four names to YAML: each part of the registered name is unknown, and
    # the message says which name it was and how to write it, instead of a "did you mean"; a group's members too.
    text = PLAN.read_text(encoding="utf-8")
    text = text.replace("            partners:\n              - Các sở, ban, ngành\n", "            partners: [Các sở, ban, ngành, Sở Tư pháp]\n", 1)
    text = text.replace("    members:\n      - Các sở, ban, ngành\n", "    members: [Sở Nội vụ, Các sở, ban, ngành]\n", 1)
    text = text.replace("              - Sở Thông tin và Truyền thông\n", "              - Sở Thông tin, Truyền thông\n", 1)  # no such name whole
    path = tmp_path / "split.yaml"
    path.write_text(text, encoding="utf-8")
    found = [d for d in diagnostics(run("validate", path, "--format", "json")) if d["code"].startswith("unknown")]
    whole = "Các sở, ban, ngành"
    split = [d for d in found if f'nhưng "{whole}" thì có' in d["message"]]
    assert [(d["code"], d["message"].split('"')[1 if d["code"] == "unknown-agency" else 3]) for d in split] == [
        ("unknown-member", "Các sở"), ("unknown-member", "ban"), ("unknown-member", "ngành"),
        ("unknown-agency", "Các sở"), ("unknown-agency", "ban"), ("unknown-agency", "ngành"),
    ]
    assert all("ngoặc kép" in d["message"] for d in split)
    assert [d["message"] for d in found if d not in split] == ['cơ quan "Sở Thông tin, Truyền thông" không có trong danh mục cơ quan; '
                                                             'có phải là "Sở Thông tin và Truyền thông"? (cơ quan mới thì thêm vào agencies:)']
    english = [d["message"] for d in diagnostics(run("validate", path, "--format", "json", "--lang", "en")) if d["code"] == "unknown-agency"]
    assert english[0].startswith('agency "Các sở" is not in the registry, but "Các sở, ban, ngành" is: in a list written in square brackets')


def test_two_names_one_list_item_indented_deeper_made_one_are_told_apart(run, tmp_path):
    # "- Sở Tài chính" over "  - Sở Tư pháp" is one plain text to YAML, "Sở Tài chính - Sở Tư pháp": the message said
    # "did you mean" one of them; it now says both are registered and what the indentation did.
    text = PLAN.read_text(encoding="utf-8").replace(
        "            partners:\n              - Các sở, ban, ngành\n",
        "            partners:\n            - Sở Tài chính\n              - Sở Tư pháp\n", 1)
    path = tmp_path / "joined.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("validate", path, "--format", "json", "--lang", "en")
    [found] = [d for d in diagnostics(result) if d["code"] == "unknown-agency"]
    assert found["message"].startswith('agency "Sở Tài chính - Sở Tư pháp" is not in the registry, but "Sở Tài chính" / "Sở Tư pháp" are: '
                                       'a "- …" line indented deeper')
    assert result.exit_code == 1
    # A name with " - " that is no two registered names is an unknown name as before.
    path.write_text(text.replace("              - Sở Tư pháp\n", "              - Sở Không Có\n", 1), encoding="utf-8")
    [found] = [d for d in diagnostics(run("validate", path, "--format", "json", "--lang", "en")) if d["code"] == "unknown-agency"]
    assert "indented deeper" not in found["message"]


def test_the_longest_registered_name_the_cut_parts_make_is_named(run, tmp_path):
    # Five commas, the shorter registered names "Các sở, ban, ngành" and "UBND huyện, thành phố" inside it, spaces
    # and capitals other than the registry's: every part names the longest; a list of many names costs no more.
    text = PLAN.read_text(encoding="utf-8")
    whole = "Các sở, ban, ngành, đoàn thể, UBND huyện, thành phố"
    text = text.replace("agencies:\n", f"agencies:\n  - name: {whole}\n  - name: A, B, C, D, E, F, G\n", 1)
    cut = "[Các sở, ban, ngành, đoàn thể, UBND huyện, thành phố, Sở Tư pháp, a,b, c, d, e , f,g, h]"
    text = text.replace("            partners:\n              - Các sở, ban, ngành\n", f"            partners: {cut}\n", 1)
    path = tmp_path / "long.yaml"
    path.write_text(text, encoding="utf-8")
    found = [d["message"] for d in diagnostics(run("validate", path, "--format", "json")) if d["code"] == "unknown-agency"]
    named = [re.findall(r'"([^"]*)"', message)[:2] for message in found]
    parts = ["Các sở", "ban", "ngành", "đoàn thể", "UBND huyện", "thành phố"]
    assert named == [[part, whole] for part in parts] + [[part, "A, B, C, D, E, F, G"] for part in "abcdefg"] + [["h"]]


@pytest.mark.parametrize("refused", ["first", "second", "task"])
def test_a_schema_error_hides_no_duplicate_id(run, tmp_path, refused):
    # An item the schema refuses still holds its id, and the items of a task whose own field is refused are
    # still checked: an id used twice is reported in the same run, whichever of the two (or their task) it is.
    text = PLAN.read_text(encoding="utf-8")
    text = text.replace("          - id: I-2\n", "          - id: i-1\n", 1)
    if refused == "first":
        text = text.replace("          - id: I-1\n", "          - id: I-1\n            junk: 1\n", 1)
    elif refused == "second":
        text = text.replace("          - id: i-1\n", "          - id: i-1\n            junk: 1\n", 1)
    else:
        text = text.replace('      - number: "1"\n', '      - number: "1"\n        junk: 1\n', 1)
        text = text.replace("              - Ủy ban nhân dân huyện, thành phố\n", "              - Ủy ban nhân dân huyện, thành phố X\n", 1)
    path = tmp_path / "refused.yaml"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    found = [d for d in diagnostics(run("validate", path, "--format", "json")) if d["severity"] == "error"]
    codes = [d["code"] for d in found]
    assert codes.count("schema") == 1 and codes.count("duplicate-id") == 1
    duplicate = next(d for d in found if d["code"] == "duplicate-id")
    assert lines[duplicate["line"] - 1].strip() == "- id: i-1"
    assert f'lần đầu ở dòng {lines.index("          - id: I-1") + 1}, viết "I-1"' in duplicate["message"]
    if refused == "task":  # the refused task's items are checked: an unknown agency among them is found
        assert any(d["code"] == "unknown-agency" and "thành phố X" in d["message"] for d in found)


def test_several_files_in_one_run(run):
    result = run("validate", PLAN, DATA / "invalid" / "bad-id.yaml", "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["files"] == [str(PLAN), str(DATA / "invalid" / "bad-id.yaml")]
    assert document["valid"] is False


def test_a_plan_given_twice_is_checked_once(run, tmp_path):
    # plans/*.yaml with plans/2021.yaml again, the same file by another path or through a link: one file, its
    # problems once, as the summary counts it.
    bad = DATA / "invalid" / "bad-id.yaml"
    link = tmp_path / "link.yaml"
    link.symlink_to(bad)
    once = json.loads(run("validate", bad, "--format", "json").stdout)["diagnostics"]
    result = run("validate", bad, PLAN, DATA / "invalid" / ".." / "invalid" / "bad-id.yaml", link, PLAN, "--format", "json")
    document = json.loads(result.stdout)
    assert result.exit_code == 1 and document["files"] == [str(bad), str(PLAN)]
    assert len(document["diagnostics"]) == len(once) + 9  # the 2021 plan's nine warnings, once
    text = run("validate", PLAN, PLAN).stdout
    assert text.count("[total-mismatch]") == 1 and text.rstrip().endswith("Đã kiểm tra 1 tệp: 0 lỗi, 9 cảnh báo (hợp lệ)")


def test_unknown_agency_suggests_the_close_name(run):
    result = run("validate", DATA / "invalid" / "unknown-agency.yaml")
    assert 'có phải là "Sở Tư pháp"?' in result.stdout
    assert 'did you mean "Sở Tư pháp"?' in run("validate", DATA / "invalid" / "unknown-agency.yaml", "--lang", "en").stdout


def plan_of_one_item(header: str, agency: str, item: list[str]) -> str:
    """A plan of one item A-1 whose header ends with *header*, whose agency "Sở A" ends with *agency*, and whose
    item holds *item*'s lines after its id and product (line 15 is the first of them)."""
    return (
        f"plan:\n  title: T\n  year: 2021\n{header}agencies:\n  - name: Sở A\n{agency}"
        "sections:\n  - numeral: I\n    title: M\n    tasks:\n      - items:\n          - id: A-1\n            product: xx\n"
        + "".join(f"            {line}\n" for line in item)
    )


def schema_messages(run, path, text: str):
    """Validate *text* written at *path* (English): the result, and its schema errors' messages by line."""
    path.write_text(text, encoding="utf-8")
    result = run("validate", path, "-f", "json", "--lang", "en")
    return result, {d["line"]: d["message"] for d in diagnostics(result) if d["code"] == "schema"}


def test_a_field_written_in_other_words_is_told_the_field_it_means(run, tmp_path):
    # "total:", "Chủ trì:", "kinh phí:" got "unknown field" alone; "kinh phí" is the plan's total in its header and
    # an item's budget in an item.
    result, found = schema_messages(run, tmp_path / "plan.yaml", plan_of_one_item(
        "  kinh phí: 5\n  total: 5\n", "",
        ["Chủ trì: [Sở A]", "Cơ quan phối hợp: [Sở A]", "Thời hạn: Tháng 6/2021", "kinh phí: 5", "Ghi chú: x", "năm: 2021"]))
    assert result.exit_code == 1 and found == {
        4: 'unknown field "kinh phí"; did you mean total_million_vnd?',
        5: 'unknown field "total"; did you mean total_million_vnd?',
        15: 'unknown field "Chủ trì"; did you mean lead?',
        16: 'unknown field "Cơ quan phối hợp"; did you mean partners?',
        17: 'unknown field "Thời hạn"; did you mean deadline?',
        18: 'unknown field "kinh phí"; did you mean budget?',
        19: 'unknown field "Ghi chú"; did you mean note?',
        20: 'unknown field "năm"',  # a plan's year, not an item's
    }


@pytest.mark.parametrize("year, en, vi", [("2200", "(at most 2199)", "(lớn nhất là 2199)"), ("1899", "(at least 1900)", "(nhỏ nhất là 1900)")])
def test_a_year_out_of_range_is_told_the_bound(run, tmp_path, year, en, vi):
    # "year is out of range: 2200" named no bound.
    plan = tmp_path / "plan.yaml"
    plan.write_text((DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8").replace("year: 2021", f"year: {year}", 1), encoding="utf-8")
    [found] = [d["message"] for d in diagnostics(run("validate", plan, "-f", "json", "--lang", "en")) if d["code"] == "schema"]
    assert found == f"year is out of range: {year} {en}"
    assert f"year (năm) nằm ngoài khoảng cho phép: {year} {vi}" in run("validate", plan).stdout


def test_a_misspelt_field_is_told_the_field_it_is_a_slip_for(run, tmp_path):
    # "dealine:" got "unknown field" alone; the fields asked of are those of the mapping where the slip is.
    plan = tmp_path / "plan.yaml"
    result, found = schema_messages(run, plan, plan_of_one_item(
        "  totl_million_vnd: 5\n", "    shorts: [A]\n", ["lead: [Sở A]", "dealine: Tháng 6/2021", "Budget: 5", "foo: 1", "numeral: X"]))
    assert result.exit_code == 1 and found == {
        4: 'unknown field "totl_million_vnd"; did you mean total_million_vnd?',
        7: 'unknown field "shorts"; did you mean short?',
        16: 'unknown field "dealine"; did you mean deadline?',
        17: 'unknown field "Budget"; did you mean budget?',
        18: 'unknown field "foo"',
        19: 'unknown field "numeral"',  # a section's field, not an item's
    }
    assert 'trường không có trong mẫu kế hoạch: "dealine"; có phải là deadline?' in run("validate", plan).stdout
    # That error says where the deadline went: the item is not also told it has none (nor a lead, for "laed").
    assert "blank-deadline" not in {d["code"] for d in diagnostics(result)}
    plan.write_text(plan.read_text(encoding="utf-8").replace("lead: [Sở A]", "laed: [Sở A]"), encoding="utf-8")
    codes = [d["code"] for d in diagnostics(run("validate", plan, "-f", "json"))]
    assert "no-lead" not in codes and "blank-deadline" not in codes and codes.count("schema") == 7, codes
    # A key that is no slip for the field nor a word for it leaves the item with none, and it is told so.
    plan.write_text(plan.read_text(encoding="utf-8").replace("laed: [Sở A]", "co_quan: [Sở A]"), encoding="utf-8")
    assert "no-lead" in [d["code"] for d in diagnostics(run("validate", plan, "-f", "json"))]


# ---------------------------------------------------------------- formats


def test_github_format_prints_workflow_annotations(run):
    path = DATA / "invalid" / "unknown-field.yaml"
    result = run("validate", path, "--format", "github", "--lang", "en")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == f'::error file={path},line=43,col=13,title=cchc schema::unknown field "owner"'


def test_github_actions_environment_changes_only_the_default(run):
    path = DATA / "invalid" / "unknown-field.yaml"
    auto = run("validate", path, env={"GITHUB_ACTIONS": "true"})
    assert auto.stdout.startswith("::error file=")
    explicit = run("validate", path, "--format", "json", env={"GITHUB_ACTIONS": "true"})
    assert json.loads(explicit.stdout)["valid"] is False


def test_json_contract_shape(run):
    document = json.loads(run("validate", PLAN, "--format", "json").stdout)
    assert set(document) == {"valid", "files", "diagnostics"}
    for d in document["diagnostics"]:
        assert set(d) == {"file", "line", "column", "severity", "code", "message"}
        assert d["line"] >= 1 and d["column"] >= 1
        assert d["severity"] in ("error", "warning")


# ---------------------------------------------------------------- I/O and usage


def test_missing_file_is_exit_2_and_reported_as_invalid(run, tmp_path):
    missing = tmp_path / "nope.yaml"
    result = run("validate", missing)
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        f"{missing}:1:1: lỗi [not-found] không có tệp này",
        "Đã kiểm tra 1 tệp: 1 lỗi, 0 cảnh báo (không hợp lệ)",
    ]
    document = json.loads(run("validate", PLAN, missing, "--format", "json").stdout)
    assert document["valid"] is False
    assert document["files"] == [str(PLAN), str(missing)]
    assert [d["code"] for d in document["diagnostics"] if d["severity"] == "error"] == ["not-found"]


def test_directory_is_exit_2(run, tmp_path):
    result = run("validate", tmp_path)
    assert result.exit_code == 2
    assert "[not-a-file] là một thư mục" in result.stdout


@pytest.mark.parametrize("name", [".", "./", "/", ".."])
def test_a_path_with_no_name_is_a_directory_too(run, tmp_path, monkeypatch, name):
    # "." and "/" have no name a log could sit beside: still not-a-file, exit 2, for validate and a query ("" is a
    # usage error: tests/test_cli.py).
    monkeypatch.chdir(tmp_path)
    for args in (["validate", name], ["validate", "--plan", name], ["list", "--plan", name]):
        result = run(*args)
        assert result.exit_code == 2 and "[not-a-file]" in result.stdout + result.stderr, (args, result)


def test_unreadable_file_is_exit_2(run, tmp_path):
    import os

    path = tmp_path / "secret.yaml"
    path.write_text("a: 1\n")
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything
        pytest.skip("running as a user who can read a mode-000 file")
    assert run("validate", path).exit_code == 2


def test_bad_format_is_a_usage_error(run):
    assert run("validate", PLAN, "--format", "xml").exit_code == 2


def test_plan_option_and_environment_name_the_file_too(run):
    by_option = json.loads(run("validate", "--plan", PLAN, "--format", "json").stdout)
    by_env = json.loads(run("validate", "--format", "json", env={"CCHC_PLAN": str(PLAN)}).stdout)
    assert by_option["files"] == by_env["files"] == [str(PLAN)]


def test_default_is_plans_2021_in_the_current_directory(run, monkeypatch):
    monkeypatch.chdir(PLAN.parent.parent)
    result = run("validate", "--format", "json")
    assert json.loads(result.stdout)["files"] == ["plans/2021.yaml"]


def test_default_elsewhere_is_the_bundled_plan(run, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    result = run("validate", "--format", "json")
    assert result.exit_code == 0, result
    (name,) = json.loads(result.stdout)["files"]
    assert name.endswith("2021.yaml") and Path(name).read_bytes() == PLAN.read_bytes()


# ---------------------------------------------------------------- hostile input


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def check_hostile(run, path: Path, code: str, line: int | None = None) -> dict:
    """The file fails with a located *code*, no traceback, and is left as it was."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    result = run("validate", path, "--format", "json")
    assert result.exit_code == 1, result
    assert "Traceback" not in result.stdout + result.stderr
    found = [d for d in diagnostics(result) if d["code"] == code]
    assert found, result
    if line is not None:
        assert found[0]["line"] == line, result
    assert found[0]["line"] >= 1 and found[0]["column"] >= 1
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    return found[0]


def test_bom_and_crlf_are_accepted(run, tmp_path):
    data = b"\xef\xbb\xbf" + (DATA / "valid" / "minimal.yaml").read_bytes().replace(b"\n", b"\r\n")
    path = write(tmp_path, "bom-crlf.yaml", data)
    result = run("validate", path, "--format", "json")
    assert result.exit_code == 0, result
    assert diagnostics(result) == []


def test_crlf_positions_are_the_same_as_lf(run, tmp_path):
    lf = DATA / "invalid" / "unknown-agency.yaml"
    crlf = write(tmp_path, "crlf.yaml", lf.read_bytes().replace(b"\n", b"\r\n"))
    a = [(d["line"], d["column"], d["code"]) for d in diagnostics(run("validate", lf, "--format", "json"))]
    b = [(d["line"], d["column"], d["code"]) for d in diagnostics(run("validate", crlf, "--format", "json"))]
    assert a == b


def test_nfd_file_works_the_same_as_nfc(run, tmp_path):
    text = PLAN.read_text(encoding="utf-8")
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    path = write(tmp_path, "nfd.yaml", nfd.encode("utf-8"))
    nfc_result = run("list", "--agency", "Sở Tư pháp", "--format", "json", "--plan", PLAN)
    nfd_result = run("list", "--agency", "Sở Tư pháp", "--format", "json", "--plan", path)
    assert nfd_result.exit_code == 0, nfd_result
    assert json.loads(nfd_result.stdout) == json.loads(nfc_result.stdout)
    codes = sorted(d["code"] for d in diagnostics(run("validate", path, "--format", "json")))
    assert codes == sorted(d["code"] for d in diagnostics(run("validate", PLAN, "--format", "json")))


def test_windows_1258_file_names_the_line(run, tmp_path):
    text = "decision:\n  number: 1/QĐ-UBND\n  place: Thái Bình\n"
    # Windows-1258 writes Vietnamese tones as combining marks.
    path = write(tmp_path, "cp1258.yaml", unicodedata.normalize("NFD", text).encode("cp1258"))
    problem = check_hostile(run, path, "encoding", line=2)
    assert "UTF-8" in problem["message"]


def test_python_tags_are_refused(run, tmp_path):
    path = write(tmp_path, "tag.yaml", b"decision: !!python/object/apply:os.system ['echo pwned']\n")
    check_hostile(run, path, "yaml-tag", line=1)


def test_duplicate_keys_name_both_lines(run, tmp_path):
    path = write(tmp_path, "dup.yaml", b"plan:\n  year: 2021\n  title: A\n  year: 2022\n")
    problem = check_hostile(run, path, "duplicate-key", line=4)
    assert "dòng 2" in problem["message"]


def test_billion_laughs_is_refused_before_expanding(run, tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    path = write(tmp_path, "laughs.yaml", ("\n".join(lines) + "\n").encode())
    assert path.stat().st_size < 4096
    check_hostile(run, path, "yaml-anchor", line=1)


def test_deep_nesting_is_an_error_not_a_crash(run, tmp_path):
    path = write(tmp_path, "deep.yaml", b"[" * 100_000 + b"]" * 100_000 + b"\n")
    problem = check_hostile(run, path, "yaml-depth", line=1)
    assert "lồng nhau quá 64 cấp" in problem["message"]


def test_deep_mappings_too(run, tmp_path):
    text = "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "x\n"
    check_hostile(run, write(tmp_path, "deep-map.yaml", text.encode()), "yaml-depth")


@pytest.mark.parametrize(
    "value, shown",
    [("no", '"no"'), ("yes", '"yes"'), ("off", '"off"'), ("010", '"010"'), ("1:30", '"1:30"'), ("0x1F", '"0x1F"'), ("1e3", '"1e3"'),
     # PyYAML refuses "=" (its "value" tag) and "<<" (a merge key) as values; ruamel.yaml reads "._1" as 0.1, "+_1" as 1.
     ("=", '"="'), ("<<", '"<<"'), ("._1", '"._1"'), ("+_1", '"+_1"'), ("-_0", '"-_0"')],
)
def test_yaml_1_1_traps_are_errors(run, tmp_path, value, shown):
    text = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8").replace("budget: 10", f"budget: {value}")
    problem = check_hostile(run, write(tmp_path, "trap.yaml", text.encode()), "yaml-ambiguous", line=42)
    assert shown in problem["message"]


def test_what_pyyaml_refuses_or_reads_as_a_number_is_an_error():
    import yaml

    from cchc.inputs.yaml import parse

    for value in ("=", "<<"):
        try:
            read = yaml.safe_load(f"a: {value}\n")["a"]
        except (yaml.YAMLError, ValueError):
            read = None  # refused
        assert read != value  # the trap: another reader does not read the text
        assert [p.code for p in parse(f"a: {value}\n")[1]] == ["yaml-ambiguous"], value
    assert parse("a: '='\nb: \"<<\"\nc: x = y\n") == ({"a": "=", "b": "<<", "c": "x = y"}, [])


def test_quoted_trap_values_are_plain_text(tmp_path):
    from cchc.inputs.yaml import parse

    data, problems = parse("a: 'no'\nb: \"010\"\nc: '1:30'\nd: 2021-06-30\ne: 2.50\n")
    assert problems == []
    assert data["a"] == "no" and data["b"] == "010" and data["c"] == "1:30"
    assert data["d"] == "2021-06-30"  # not a date object: YAML 1.2 has no timestamps
    from decimal import Decimal

    assert data["e"] == Decimal("2.50") and isinstance(data["e"], Decimal)


def test_tab_indentation_names_line_and_column(run, tmp_path):
    path = write(tmp_path, "tabs.yaml", b"plan:\n  year: 2021\n\ttitle: A\n")
    problem = check_hostile(run, path, "yaml-tab", line=3)
    assert problem["column"] == 1


def test_size_bound(run, tmp_path, monkeypatch):
    from cchc.inputs import yaml as safeyaml

    monkeypatch.setattr(safeyaml, "MAX_BYTES", 1000)
    path = write(tmp_path, "big.yaml", b"# " + b"x" * 2000 + b"\n")
    problem = check_hostile(run, path, "too-large", line=1)
    assert "1.000" in problem["message"]


def test_syntax_error_is_located(run, tmp_path):
    path = write(tmp_path, "broken.yaml", b"plan:\n  title: [unclosed\n  year: 2021\n")
    check_hostile(run, path, "yaml-syntax")


def test_empty_file(run, tmp_path):
    check_hostile(run, write(tmp_path, "empty.yaml", b""), "empty", line=1)


def test_not_a_mapping(run, tmp_path):
    check_hostile(run, write(tmp_path, "list.yaml", b"- a\n- b\n"), "schema", line=1)


def test_several_documents(run, tmp_path):
    check_hostile(run, write(tmp_path, "docs.yaml", b"a: 1\n---\nb: 2\n"), "yaml-documents", line=2)


def test_one_run_reports_yaml_and_meaning_problems_together(run, tmp_path):
    text = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("budget: 10", "budget: no").replace("Quý II, IV/2021", "Quý V/2021")
    text = text.replace("partners: [Sở Tư pháp]", "partners: [Sở Tư Phap]")
    path = write(tmp_path, "mixed.yaml", text.encode())
    codes = sorted(d["code"] for d in diagnostics(run("validate", path, "--format", "json")))
    assert codes == ["budget-note", "deadline", "total-mismatch", "unknown-agency", "yaml-ambiguous"]


@pytest.mark.parametrize(("value", "fix"), [
    ('"10"', "write 10 without the quotes"), ("10,5", "has a decimal comma, so it is read as text, not a number: the plan file writes decimals after a dot; write 10.5"),
    ("10 triệu", "is written as text, not as a number; write the number of million VND as a plain number, with a dot for decimals (10 or 10.5)"),
    ('"2.5"', "write 2.5 without the quotes"), ("1,500", "write 1.5"),  # a decimal comma: 1.5, not "1.500" (1500)
    ("15.000.000", "groups thousands with dots, so it is read as text, not a number: budgets are in million VND, with no separators; "
                   "write 15 for 15.000.000 VND, or 15000000 for 15.000.000 million VND"),
    ('"1.500"', "write 0.0015 for 1.500 VND, or 1500 for 1.500 million VND"),
    # A number starting with 0, never quoted: "is in quotes" was said of it.
    ('"0010.50"', "(a number starting with 0, or in quotes): write 10.5"),
    # Figures past 28 digits are told exactly (Decimal.normalize rounded them: "write 12345678912345678912345678910000000000").
    ('"0123456789123456789123456789123456789"', "write 123456789123456789123456789123456789"),
    ('"1.234.567.890.123.456.789.012.345.678"', "write 1234567890123456789012.345678 for 1.234.567.890.123.456.789.012.345.678 VND, "
                                               "or 1234567890123456789012345678 for 1.234.567.890.123.456.789.012.345.678 million VND"),
    # Longer than a number can be: no figure suggested (it would be as long).
    ('"11111111111111111111111111111111111111111,5"', "as a plain number, with a dot for decimals (10 or 10.5)"),
])
def test_amounts_written_as_text_are_errors_that_say_how_to_write_them(run, tmp_path, value, fix):
    # "15.000.000" was said to be "an amount written in words" (Vietnamese: "viết dạng chữ"), with no way out.
    text = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8").replace("budget: 10", f"budget: {value}")
    found = diagnostics(run("validate", write(tmp_path, "amount.yaml", text.encode()), "--format", "json", "--lang", "en"))
    assert [d["code"] for d in found if d["severity"] == "error"] == ["text-amount"]
    assert next(d["message"] for d in found if d["code"] == "text-amount").endswith(fix)
    vietnamese = run("validate", tmp_path / "amount.yaml").stdout
    assert "viết dạng chữ" not in vietnamese and ("bằng chữ" not in vietnamese or "as a plain number" in fix)  # "bằng chữ số"


AMOUNTS_AS_NOTES = ["\u221220", "\u200b30", "\u2060\u200e30", "(10)", "~10", "$10", "\u2013 5", "-5 triệu", "≈ 12,5", "“10”",
                    "(10 triệu đồng)", "• 10 tr", "(10 000)", "«5,5»", "(10 triệu đồng chẵn)", "(10 triệu/năm)", "(10 trieu dong)",
                    "（10）", "_10_", "`10`", "‚10‘", "+10 triệu đồng (dự kiến)", "\u200b10 triệu (dự kiến)", "\ufeff10 triệu (dự kiến)",
                    "\u2060 10 triệu, theo dự án", "１０", "(1trđ)", "10 triệu (dự kiến)", "5.", "(1 tỷ 500 triệu đồng)",
                    "(10 - 15 triệu)", "＋10 triệu", "～10 triệu", "(10 trd)", "(１０．５ triệu)", "→ 10 triệu", "▪ 10 triệu",
                    "\u280010 triệu", "\ufe0f10 triệu", "\u206a10 triệu", "\ufff910 triệu"]
NOTES = ["Theo dự án", "- Theo kế hoạch 2021", "(Theo đề án 06)", "“Lồng ghép” 2021", "Nguồn vốn 2021", "_Theo dự án",
         "(1) Theo dự án", "[1] Theo QĐ 123", "- 02 dự án thành phần", "(*) Theo dự án", "№ 10", "(①)", "① Theo dự án",
         "¹ Theo dự án", "\x1c10 x", "- 10 dự án", "(10 dự án)"]


@pytest.mark.parametrize("written", [json.dumps(note, ensure_ascii=True) for note in AMOUNTS_AS_NOTES])
def test_a_figure_behind_signs_brackets_or_invisible_characters_is_an_amount_written_as_text(run, tmp_path, written):
    """Word's minus ("−20"), a zero-width space before "30", "(10)": each passed as a budget note (a warning), so the
    printed plan showed the figure in the Kinh phí column while every total left it out: two readings of one file."""
    text = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8").replace("budget: 10", f"budget: {written}")
    result = run("validate", write(tmp_path, "amount.yaml", text.encode()), "--format", "json", "--lang", "en")
    assert result.exit_code == 1 and [d["code"] for d in diagnostics(result) if d["severity"] == "error"] == ["text-amount"], result.stdout


@pytest.mark.parametrize("note", NOTES)
def test_a_note_whose_first_word_is_no_figure_stays_a_note(run, tmp_path, note):
    """A footnote's mark or a list's dash before words ("(1) Theo dự án", "- 02 dự án thành phần") is a note."""
    text = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8").replace("budget: 10", f"budget: {json.dumps(note)}")
    result = run("validate", write(tmp_path, "note.yaml", text.encode()), "--format", "json")
    assert result.exit_code == 0 and "text-amount" not in {d["code"] for d in diagnostics(result)}, result.stdout


def test_a_plain_amount_starting_with_0_is_not_said_to_be_in_quotes(run, tmp_path):
    text = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8").replace("budget: 10", "budget: 010")
    found = diagnostics(run("validate", write(tmp_path, "amount.yaml", text.encode()), "--format", "json", "--lang", "en"))
    assert sorted(d["code"] for d in found if d["severity"] == "error") == ["text-amount", "yaml-ambiguous"]
    message = next(d["message"] for d in found if d["code"] == "text-amount")
    assert "is in quotes" not in message and message.endswith("write 10"), message


@pytest.mark.parametrize("quoted", [False, True])
def test_an_amount_too_long_to_be_a_number_is_not_said_to_be_in_quotes(run, tmp_path, quoted):
    # 41 characters, plain: the reader reads it as text (yaml-number); it was then told to "write it without the quotes".
    long = "1" + "0" * 38 + ".5"
    value = f'"{long}"' if quoted else long
    text = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8").replace("budget: 10", f"budget: {value}")
    found = diagnostics(run("validate", write(tmp_path, "amount.yaml", text.encode()), "--format", "json", "--lang", "en"))
    errors = sorted(d["code"] for d in found if d["severity"] == "error")
    assert errors == (["text-amount"] if quoted else ["text-amount", "yaml-number"])  # an error either way
    message = next(d["message"] for d in found if d["code"] == "text-amount")
    assert "quotes" not in message and message.endswith("as a plain number, with a dot for decimals (10 or 10.5)"), message


def test_a_declared_total_with_a_thousands_dot_is_warned_of_and_not_blamed_on_the_items(run, tmp_path):
    # "total_million_vnd: 1.250" (1250 million as a clerk writes it) was read 1.25 in silence, the items were said to be
    # in đồng, and the right words were "corrected" to the wrong figure.
    plan = tmp_path / "plan.yaml"
    body = ("agencies: [{name: Sở A}]\nsections: [{numeral: I, title: M, tasks: [{items: ["
            "{id: A-1, product: xx, lead: [Sở A], deadline: Tháng 6/2021, budget: 1000},"
            " {id: A-2, product: yy, lead: [Sở A], deadline: Tháng 6/2021, budget: 250}]}]}]\n")
    plan.write_text("plan: {title: T, year: 2021, total_million_vnd: 1.250}\n" + body, encoding="utf-8")
    result = run("validate", plan, "-f", "json", "--lang", "en")
    found = json.loads(result.stdout)["diagnostics"]
    assert result.exit_code == 0 and sorted(d["code"] for d in found) == ["amount-thousands-dot", "total-mismatch"]
    dot = next(d for d in found if d["code"] == "amount-thousands-dot")
    assert (dot["line"], dot["column"]) == (1, 49) and "the declared total 1.250" in dot["message"]
    assert "write 1250 for 1250 million VND, or 1.25 for 1.25 million VND" in dot["message"]
    # The words agree with 1250: they are right, the figure's dot is what to mend.
    plan.write_text('plan: {title: T, year: 2021, total_million_vnd: 1.250, total_in_words: "Một tỷ hai trăm năm mươi triệu đồng"}\n' + body,
                    encoding="utf-8")
    result = run("validate", plan, "-f", "json", "--lang", "en")
    (words,) = [d for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "total-in-words"]
    assert result.exit_code == 1 and "Một triệu" not in words["message"]
    assert "the declared total is written 1.250, read as 1.25 million VND" in words["message"] and "write 1250, with no dot" in words["message"]
    # A total with no such dot still measures the items.
    plan.write_text("plan: {title: T, year: 2021, total_million_vnd: 1.25}\n" + body, encoding="utf-8")
    codes = sorted(d["code"] for d in json.loads(run("validate", plan, "-f", "json").stdout)["diagnostics"])
    assert codes == ["amount-in-dong", "amount-in-dong", "total-mismatch"]
    # An item in đồng is still one against the larger reading of a total with such a dot: the warning was lost.
    plan.write_text("plan: {title: T, year: 2021, total_million_vnd: 200.000}\n" + body.replace("budget: 1000", "budget: 30000000"), encoding="utf-8")
    found = json.loads(run("validate", plan, "-f", "json").stdout)["diagnostics"]
    assert sorted(d["code"] for d in found) == ["amount-in-dong", "amount-thousands-dot", "total-mismatch"], found
    assert "(200.000 triệu đồng)" in next(d["message"] for d in found if d["code"] == "amount-in-dong")


def test_a_line_break_in_a_file_name_does_not_split_its_problem_line(run, tmp_path):
    source = (Path(__file__).parent / "data" / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    path = tmp_path / "a\nb.yaml"
    path.write_text(source.replace("budget: 10", "budget: -10"), encoding="utf-8")
    lines = run("validate", path).stdout.splitlines()
    assert any(line.startswith(f"{tmp_path}/a\\nb.yaml:") and "[negative-amount]" in line for line in lines), lines


@pytest.mark.parametrize("product", ['"   "', '"\\u200b \\u00ad"', "'\t'"])
def test_a_product_of_spaces_or_invisible_characters_is_blank(run, tmp_path, product):
    # An empty product is refused by the schema; one a reader sees as empty is refused alike, at its line.
    lines = _edited_2021([("I-1", 1, f"            product: {product}", False)])
    path = tmp_path / "blank.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("validate", path, "-f", "json")
    blank = [d for d in diagnostics(result) if d["code"] == "blank-product"]
    assert result.exit_code == 1 and len(blank) == 1 and blank[0]["severity"] == "error"
    assert lines[blank[0]["line"] - 1].strip().startswith("product:")
    english = run("validate", path, "--lang", "en").stderr + run("validate", path, "--lang", "en").stdout
    assert "item I-1 has a blank product (only spaces or invisible characters)" in english
    assert run("list", "--plan", path).exit_code == 1  # no query answers from it


def test_a_product_with_one_visible_character_is_not_blank(run, tmp_path):
    lines = _edited_2021([("I-1", 1, '            product: "\\u200b x "', False)])
    path = tmp_path / "x.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert "blank-product" not in {d["code"] for d in diagnostics(run("validate", path, "-f", "json"))}


def test_a_yaml_boolean_is_shown_as_yaml_writes_it(run, tmp_path):
    path = tmp_path / "plan.yaml"
    text = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("budget: 10\n", "budget: true\n", 1), encoding="utf-8")
    result = run("validate", path)
    (line,) = [row for row in result.stdout.splitlines() if "[schema]" in row]
    assert line.endswith("nhưng đang là true") and "True" not in line


def test_an_amount_written_as_text_makes_no_total_gap_of_its_own(run, tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(
        "plan: {title: T, year: 2021, total_million_vnd: 5}\nagencies: [{name: Sở A}]\n"
        'sections: [{numeral: I, title: M, tasks: [{items: [{id: A-1, product: xx, lead: [Sở A], deadline: Tháng 6/2021, budget: "5 triệu"}]}]}]\n',
        encoding="utf-8")
    codes = [d["code"] for d in json.loads(run("validate", path, "-f", "json").stdout)["diagnostics"]]
    assert codes == ["text-amount"]


def one_item_plan(tmp_path, fields: str):
    """A plan of 2021 with one item, led by its one agency, with *fields* (YAML flow mapping entries)."""
    path = tmp_path / "plan.yaml"
    path.write_text(
        "plan: {title: T, year: 2021}\nagencies: [{name: Sở A}]\n"
        f"sections: [{{numeral: I, title: M, tasks: [{{items: [{{id: A-1, product: xx, lead: [Sở A], {fields}}}]}}]}}]\n",
        encoding="utf-8")
    return path


@pytest.mark.parametrize(("budget", "code"), [
    ('"Một tỷ đồng"', "text-amount"), ('"Mười triệu đồng"', "text-amount"), ('"Hai mươi triệu"', "text-amount"),
    ('"Hai mươi triệu VNĐ"', "text-amount"), ('"Một tỷ đồng (dự kiến)"', "text-amount"), ('"Một tỷ đồng/năm"', "text-amount"),
    ('"Một phần (ngân sách tỉnh)"', "budget-note"), ('"Năm 2021"', "budget-note"),
    ('"Không"', "budget-note"), ('"Ngân sách tỉnh"', "budget-note"), ('"Theo dự án"', None),
    ("1.500", "amount-thousands-dot"), ("20.000", "amount-thousands-dot"), ("2.125", None), ("0.500", None), ("1.50", None),
])
def test_an_amount_in_words_is_refused_and_a_thousands_dot_is_warned_of(run, tmp_path, budget, code):
    # "Một tỷ đồng" passed as a note (a warning) and counted 0; 1.500 passed as 1.5 where Vietnamese reads 1500.
    result = run("validate", one_item_plan(tmp_path, f"deadline: Tháng 6/2021, budget: {budget}"), "-f", "json", "--lang", "en")
    found = json.loads(result.stdout)["diagnostics"]
    assert [d["code"] for d in found] == ([code] if code else [])
    assert result.exit_code == (1 if code == "text-amount" else 0)
    if code == "amount-thousands-dot":
        thousands = budget.replace(".", "")
        assert f"write {thousands} for {thousands} million VND" in found[0]["message"]


@pytest.mark.parametrize(("budget", "counted_said"), [('"Ngân sách tỉnh: 100; ngân sách huyện: 50"', True), ('"Ngân sách tỉnh"', False)])
def test_a_budget_note_with_figures_says_they_are_not_counted(run, tmp_path, budget, counted_said):
    # Money from two sources written in the note was left out of every total without a word of it.
    for lang, said in (("en", "no figure in it counts towards any total"), ("vi", "không con số nào trong đó được cộng vào tổng")):
        result = run("validate", one_item_plan(tmp_path, f"deadline: Tháng 6/2021, budget: {budget}"), "-f", "json", "--lang", lang)
        [found] = json.loads(result.stdout)["diagnostics"]
        assert found["code"] == "budget-note" and (said in found["message"]) == counted_said


@pytest.mark.parametrize(("deadline", "warned"), [("Từ tháng 6/2012", True), ("Từ năm 2027", True), ("Từ năm 2022", False), ("Thường xuyên", False)])
def test_a_start_with_no_end_far_from_the_plans_year_is_warned_of(run, tmp_path, deadline, warned):
    # "Từ tháng 6/2012" in a 2021 plan (a slip for 2021) passed unseen: an ongoing wording has no due date to check.
    result = run("validate", one_item_plan(tmp_path, f"deadline: {deadline}"), "-f", "json", "--lang", "en")
    found = [d for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "deadline-year"]
    assert result.exit_code == 0 and len(found) == warned
    if warned:
        assert "has its start" in found[0]["message"]


@pytest.mark.parametrize(("date", "deadline", "warned"), [
    (None, "Quý II/2020", "falls due on 2020-06-30, before the plan's year 2021"),  # last year's plan copied
    ("2021-03-15", "Quý IV/2020", "falls due on 2020-12-31, before the plan's date (2021-03-15)"),
    ("2021-01-20", "Tháng 12/2020", "falls due on 2020-12-31, before the plan's date (2021-01-20)"),
    # Within the plan's year it is the plan's own task, done or not: a January task of a plan issued in March.
    ("2021-03-15", "Tháng 01/2021", None), ("2021-12-20", "Quý I/2021", None), ("2021-12-20", "Trước ngày 15 hằng tháng", None),
    ("2021-03-15", "Hằng tháng", None), ("2021-03-15", "Tháng 3/2021", None), (None, "Tháng 01/2021", None),
    ("2020-12-31", "Trước 31/12/2020", None), ("2020-12-20", "Tháng 12/2020", None),
])
def test_an_item_all_due_before_the_plan_is_issued_is_warned_of(run, tmp_path, date, deadline, warned):
    # "Quý II/2026" left in the 2027 plan made from the year before's passed in silence: within a year of it.
    path = one_item_plan(tmp_path, f"deadline: {deadline}")
    if date:
        path.write_text(path.read_text(encoding="utf-8").replace("year: 2021}", f"year: 2021, date: {date}}}", 1), encoding="utf-8")
    result = run("validate", path, "-f", "json", "--lang", "en")
    found = [d["message"] for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "deadline-year"]
    assert result.exit_code == 0 and found == ([f'deadline "{deadline}" of item A-1 {warned}: is it a deadline of an earlier year\'s plan?'] if warned else [])


def test_a_gap_an_amount_written_as_text_does_not_explain_is_still_a_warning(run, tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(
        "plan: {title: T, year: 2021, total_million_vnd: 500}\nagencies: [{name: Sở A}]\n"
        "sections: [{numeral: I, title: M, tasks: [{items: [{id: A-1, product: xx, lead: [Sở A], deadline: Tháng 6/2021, budget: 100},"
        ' {id: A-2, product: yy, lead: [Sở A], deadline: Tháng 6/2021, budget: "5 triệu"}]}]}]\n', encoding="utf-8")
    found = json.loads(run("validate", path, "-f", "json", "--lang", "en").stdout)["diagnostics"]
    assert sorted(d["code"] for d in found) == ["text-amount", "total-mismatch"]
    # The sum it names is the items' written as numbers: it says it leaves "5 triệu" out, not that the items make 100.
    (gap,) = [d["message"] for d in found if d["code"] == "total-mismatch"]
    assert gap.startswith("itemized total 100 million VND (leaving out 1 amount(s) not written as a number; see the text-amount errors)"), gap
    vietnamese = json.loads(run("validate", path, "-f", "json").stdout)["diagnostics"]
    assert "(không tính 1 khoản kinh phí không viết thành số; xem các lỗi text-amount)" in next(d["message"] for d in vietnamese if d["code"] == "total-mismatch")


@pytest.mark.parametrize("written, explained", [('"5 triệu"', True), ("Năm triệu đồng", True), ("Bốn triệu đồng", False),
                                                ('"5 tỷ"', False), ('"5.000.000 đồng"', False), ('"(5)"', True)])
def test_an_amount_in_words_counts_as_one_written_as_text_against_the_total(run, tmp_path, written, explained):
    """An amount in words ("Năm triệu đồng", an error of its own) that makes up the whole gap was still warned of as a
    gap, and one that does not was not said to be left out of the sum."""
    path = tmp_path / "plan.yaml"
    path.write_text(
        "plan: {title: T, year: 2021, total_million_vnd: 105}\nagencies: [{name: Sở A}]\n"
        "sections: [{numeral: I, title: M, tasks: [{items: [{id: A-1, product: xx, lead: [Sở A], deadline: Tháng 6/2021, budget: 100},"
        f" {{id: A-2, product: yy, lead: [Sở A], deadline: Tháng 6/2021, budget: {written}}}]}}]}}]\n", encoding="utf-8")
    found = json.loads(run("validate", path, "-f", "json", "--lang", "en").stdout)["diagnostics"]
    gaps = [d["message"] for d in found if d["code"] == "total-mismatch"]
    assert [d["code"] for d in found if d["severity"] == "error"] == ["text-amount"]
    assert gaps == ([] if explained else ["itemized total 100 million VND (leaving out 1 amount(s) not written as a number; see the "
                                          "text-amount errors) differs from the declared total 105 million VND: difference -5 million VND"])


@pytest.mark.parametrize("written", ["0", "-86400", "1609372800", "1609372800.0", "2020-12-31T00:00:00Z", "2020-12-31 00:00:00"])
def test_a_date_is_only_year_month_day_never_a_unix_time_or_midnight(run, tmp_path, written):
    # pydantic's lax reading took `date: 0` for 01/01/1970 and printed it in the official document.
    plan = tmp_path / "p.yaml"
    plan.write_text(PLAN.read_text(encoding="utf-8").replace("  date: 2020-12-31\n", f"  date: {written}\n", 1), encoding="utf-8")
    result = run("validate", plan, "--format", "json")
    assert result.exit_code == 1, result
    assert [(d["line"], d["code"]) for d in diagnostics(result) if d["severity"] == "error"] == [(17, "schema")]


@pytest.mark.parametrize(
    "field, written, message",
    [
        ("budget", "{}", "budget must be an amount in million VND"),
        ("budget", "{a: 1}", "budget must be an amount in million VND"),
        ("total_million_vnd", "{}", "total_million_vnd must be an amount in million VND"),
        ("budget", ".inf", 'plain value ".inf" is infinity or not-a-number to YAML, never an amount'),
        ("budget", "-.NaN", 'plain value "-.NaN" is infinity or not-a-number to YAML, never an amount'),
    ],
)
def test_a_mapping_or_infinity_for_an_amount_gets_one_clerks_message(run, tmp_path, field, written, message):
    # A mapping made pydantic's union members ("union[int,decimal]", "constrained-str") look like keys of it.
    text = PLAN.read_text(encoding="utf-8")
    if field == "budget":
        text = text.replace("\n            budget: 10\n", f"\n            budget: {written}\n", 1)
    else:
        text = text.replace("\n  total_million_vnd: 200\n", f"\n  total_million_vnd: {written}\n", 1)
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    errors = [d for d in diagnostics(run("validate", path, "-f", "json", "--lang", "en")) if d["severity"] == "error"]
    assert len(errors) == 1 and errors[0]["message"].startswith(message), errors


@pytest.mark.parametrize("written", ["2021-02-30", "2021-13-01", "2021-00-10"])
def test_a_date_written_right_that_is_no_day_is_told_so(run, tmp_path, written):
    # It was told to be written year-month-day, which it was.
    plan = tmp_path / "p.yaml"
    plan.write_text(PLAN.read_text(encoding="utf-8").replace("  date: 2020-12-31\n", f"  date: {written}\n", 1), encoding="utf-8")
    [found] = [d for d in diagnostics(run("validate", plan, "--format", "json", "--lang", "en")) if d["severity"] == "error"]
    assert (found["line"], found["code"]) == (17, "schema")
    assert found["message"] == f'date: there is no day "{written}" in the calendar (the month has no such day, or there is no such month)'


def test_a_task_with_no_number_no_title_and_no_item_is_named_as_such(run, tmp_path):
    # Its warning read 'nhiệm vụ "" của mục "I"': the label quoted was empty.
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "plan:\n  issuer: SỞ TƯ PHÁP\n  title: KẾ HOẠCH Cải cách hành chính năm 2026\n  year: 2026\n"
        "agencies:\n  - name: Văn phòng Sở\nsections:\n  - numeral: I\n    title: A\n    tasks:\n      - items: []\n"
        "      - number: \"2\"\n        items: []\n"
        "      - items:\n          - {id: I-1, product: P, lead: [Văn phòng Sở], deadline: Quý I/2026}\n",
        encoding="utf-8",
    )
    result = run("validate", plan)
    assert result.exit_code == 0, result
    assert 'một nhiệm vụ không số, không tên của mục "I" chưa có sản phẩm nào' in result.stdout + result.stderr
    assert 'nhiệm vụ "2" của mục "I" chưa có sản phẩm nào' in result.stdout + result.stderr
    assert '""' not in result.stdout + result.stderr


@pytest.mark.parametrize("pieces", [False, True])
def test_a_key_read_as_a_number_or_unknown_hides_nothing_even_in_a_section_checked_in_pieces(run, tmp_path, monkeypatch, pieces):
    # A section over PIECES_ABOVE items is checked a piece at a time: one unknown key in it hid every other problem
    # of the section. A key YAML reads as a number ("2021: q") hid the problems of its item.
    from cchc import schema_problems

    if pieces:
        monkeypatch.setattr(schema_problems, "PIECES_ABOVE", 3)
    items = "".join(f"          - {{id: I-{n}, product: p{n}, lead: [Sở Nội vụ], deadline: Quý II/2026}}\n" for n in range(6))
    text = (
        "plan:\n  title: KẾ HOẠCH\n  year: 2026\nagencies:\n  - name: Sở Nội vụ\nsections:\n  - numeral: I\n    tasks:\n      - items:\n"
        + items
        + "          - id: I-9\n            ghi_chu: x\n            product: z\n            lead: [Sở Không Có]\n            deadline: Quý V/2026\n"
        + "          - id: I-10\n            product: Báo cáo\n            lead: [Sở Nội vụ]\n            deadline: Tháng 13/2026\n            2021: q\n"
    )
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    found = [(d["code"], lines[d["line"] - 1].strip()) for d in diagnostics(run("validate", path, "-f", "json")) if d["severity"] == "error"]
    assert sorted(found) == sorted([
        ("schema", "ghi_chu: x"), ("unknown-agency", "lead: [Sở Không Có]"), ("deadline", "deadline: Quý V/2026"),
        ("deadline", "deadline: Tháng 13/2026"), ("schema", "2021: q"),
    ]), found


def test_a_key_left_blank_reads_as_the_blank_cell_it_stands_for(run, tmp_path):
    # `lead:`, `partners:`, `deadline:` with nothing after them, as a clerk leaves a blank cell (YAML reads null):
    # refused before ("deadline phải là văn bản, nhưng đang là null"); now read as the key left out is, with the
    # same warnings, and the JSON Schema agrees.
    import subprocess
    import sys

    text = PLAN.read_text(encoding="utf-8")
    first = re.search(r"( +)lead:\n(?:\1  - .*\n)+", text)
    assert first
    indent = first.group(1)
    blank = text.replace(first.group(0), f"{indent}lead:\n", 1)
    item = blank[: blank.index(f"{indent}lead:\n")].rsplit("- id: ", 1)[1].split("\n", 1)[0]
    out_of_it = blank.replace(f"{indent}lead:\n", "", 1)
    got = {}
    for name, plan_text in (("blank", blank), ("left-out", out_of_it)):
        path = tmp_path / f"{name}.yaml"
        path.write_text(plan_text, encoding="utf-8")
        result = run("validate", path, "--format", "json")
        assert result.exit_code == 0, result.stdout
        got[name] = sorted((d["code"], d["message"]) for d in diagnostics(result) if d["severity"] == "error" or d["code"] == "no-lead")
        shown = json.loads(run("show", item, "--plan", path, "--format", "json").stdout)
        assert shown["lead"] == [], shown
    assert got["blank"] == got["left-out"] and any(code == "no-lead" for code, _ in got["blank"])
    for key in ("partners", "deadline"):
        match = re.search(rf"( +){key}:( .*)?\n(?:\1  - .*\n)*", text)
        assert match
        path = tmp_path / f"{key}.yaml"
        path.write_text(text.replace(match.group(0), f"{match.group(1)}{key}:\n", 1), encoding="utf-8")
        result = run("validate", path, "--format", "json")
        assert result.exit_code == 0, [d["message"] for d in diagnostics(result) if d["severity"] == "error"]
        if key == "deadline":
            assert any(d["code"] == "blank-deadline" for d in diagnostics(result))
        exe = Path(sys.executable).parent / "check-jsonschema"
        if exe.exists():
            schema = Path(__file__).resolve().parent.parent / "plans" / "plan.schema.json"
            checked = subprocess.run([str(exe), "--schemafile", str(schema), str(path)], capture_output=True, text=True)
            assert checked.returncode == 0, checked.stdout


def test_a_label_typed_as_a_number_is_told_to_be_quoted_as_written(run, tmp_path):
    # "numeral: 1", "deadline: 2021": YAML reads a number. The message said only "must be text, got 1"; it now
    # says to quote it, and doing what it says gives a plan with no error.
    text = PLAN.read_text(encoding="utf-8")
    assert "  - numeral: I\n" in text and "deadline: Tháng 12/2020\n" in text
    bare = text.replace("  - numeral: I\n", "  - numeral: 1\n", 1).replace("deadline: Tháng 12/2020\n", "deadline: 2021\n", 1)
    path = tmp_path / "so.yaml"
    path.write_text(bare, encoding="utf-8")
    result = run("validate", path, "--format", "json")
    errors = [d for d in diagnostics(result) if d["severity"] == "error"]
    assert result.exit_code == 1
    assert sorted(d["message"] for d in errors) == [
        'deadline (thời gian hoàn thành) phải là văn bản, nhưng YAML đọc 2021 là một số; hãy đặt trong dấu ngoặc kép, đúng như văn bản ghi: deadline: "2021"',
        'numeral (số thứ tự) phải là văn bản, nhưng YAML đọc 1 là một số; hãy đặt trong dấu ngoặc kép, đúng như văn bản ghi: numeral: "1"',
    ]
    assert run("--lang", "en", "validate", path).stdout.count("put it in double quotes, as the document writes it") == 2
    path.write_text(bare.replace("numeral: 1\n", 'numeral: "1"\n', 1).replace("deadline: 2021\n", 'deadline: "2021"\n', 1), encoding="utf-8")
    assert not [d for d in diagnostics(run("validate", path, "--format", "json")) if d["severity"] == "error"]


@pytest.mark.parametrize("variant", ["default", "nonunicode", "python"])
def test_the_schema_and_validate_agree_on_which_notes_are_amounts(tmp_path, variant):
    """validate refused "“10”", "•10" as amounts written as text while the JSON Schema took them: both now read
    a note by one pattern, cchc.model.NOTE_AMOUNT, in each of check-jsonschema's regex dialects."""
    import subprocess
    import sys

    exe = Path(sys.executable).parent / "check-jsonschema"
    if not exe.exists():
        pytest.skip("check-jsonschema is not installed")
    schema = tmp_path / "note.schema.json"
    schema.write_text(json.dumps({"type": "object", "properties": {"budget": {"not": {"pattern": NOTE_AMOUNT}}}}), encoding="utf-8")
    files = []
    for n, note in enumerate(AMOUNTS_AS_NOTES + NOTES):
        files.append(tmp_path / f"note-{n}.json")
        files[-1].write_text(json.dumps({"budget": note}), encoding="utf-8")
    done = subprocess.run([str(exe), "--regex-variant", variant, "-o", "json", "--schemafile", str(schema), *map(str, files)],
                          capture_output=True, text=True)
    refused = {Path(error["filename"]).name for error in json.loads(done.stdout)["errors"]}
    assert refused == {f"note-{n}.json" for n in range(len(AMOUNTS_AS_NOTES))}, sorted(refused)
    assert all(_number_as_text(note) for note in AMOUNTS_AS_NOTES) and not any(_number_as_text(note) for note in NOTES)


def test_matching_a_note_is_linear_whatever_it_holds():
    """"(1" and 24 "trđ" took 7 s to read, each one more doubling it: "trđ" was one word of money and two. A note of
    2,000 characters made to cost the most is read at once; 60 "trđ" would take years if the work doubled."""
    import subprocess
    import sys

    hostile = ["(1" + "trđ" * 60 + ")x", "(1" + "trđ" * 660 + "x", "(1" + " " * 1998 + "x", "(1" + " tr." * 499 + "x",
               "(1" + " 1" * 999 + "x", "(1" + "triệu" * 399 + "x", " " * 1999 + "x", "-" * 1999 + "x", "(1" + " dd" * 666 + "x",
               "(1" + "→" * 1998 + "x", "(1" + " tr 1." * 333 + "x"]
    script = (
        "import re, sys, json\nfrom cchc.checks_money import _number_as_text\n"
        "for note in json.loads(sys.stdin.read()): assert not _number_as_text(note)\n"
    )
    subprocess.run([sys.executable, "-c", script], input=json.dumps(hostile), text=True, check=True, timeout=60)
