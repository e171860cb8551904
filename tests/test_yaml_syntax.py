"""What a clerk reads when a plan or a progress log is not YAML: libyaml's errors in the chosen language.

Each case is a malformed file as people write them; ``cchc validate`` must name
the place (file:line:column, code ``yaml-syntax``) and say what is wrong in
Vietnamese, or in English with ``--lang en``, never in libyaml's own English.
"""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import DATA

VI = "lỗi [yaml-syntax] lỗi cú pháp YAML; hãy kiểm tra thụt lề, dấu hai chấm và dấu ngoặc kép ở chỗ này"
EN = "error [yaml-syntax] YAML syntax error; check the indentation, colons and quotes here"
VI_INDENT = (
    "lỗi [yaml-syntax] thụt lề của dòng này không khớp với khối bắt đầu ở dòng {start}: các khóa cùng cấp phải thẳng cột "
    "với nhau, các dấu gạch đầu dòng (-) của một danh sách cũng vậy"
)
EN_INDENT = (
    "error [yaml-syntax] the indentation of this line does not match the block that starts on line {start}: the keys of "
    "one level, and the dashes (-) of one list, must line up"
)
# libyaml's words: none may reach a Vietnamese message.
LIBYAML = re.compile(r"\b(?:while|parsing|scanning|did not find|could not find|expected|found|token|stream|indicator)\b")

# (file text, line, column, Vietnamese detail, English detail)
CASES = [
    ("- id: [I-1\n", 2, 1, "khi đọc một danh sách trong ngoặc vuông: thiếu ',' hoặc ']'",
     "while reading a list in square brackets: ',' or ']' is missing"),
    ("- id: I-1\n  partners: {a: 1\n- id: I-2\n", 3, 5, "khi đọc một nhóm trường trong ngoặc nhọn: thiếu ',' hoặc '}'",
     "while reading fields in curly braces: ',' or '}' is missing"),
    ("- id: I-1\n  product\n  lead: x\n", 3, 3, "khi đọc một khóa: thiếu dấu hai chấm (:) sau khóa",
     "while reading a key: the colon (:) after the key is missing"),
    ("- id: I-1\n  partners: [,]\n", 2, 14, "khi đọc một giá trị trong ngoặc: ở đây phải là một giá trị",
     "while reading a value in brackets: a value was expected here"),
    ('- id: "I\\q"\n', 1, 9, "khi đọc một giá trị trong dấu ngoặc kép: sau dấu \\ là một ký tự không hợp lệ "
     "(muốn viết chính dấu \\ thì viết \\\\)",
     "while reading a quoted value: an unknown escape after a backslash (write \\\\ for a backslash itself)"),
    ('- id: "\\q"\n', 1, 8, "khi đọc một giá trị trong dấu ngoặc kép: sau dấu \\ là một ký tự không hợp lệ "
     "(muốn viết chính dấu \\ thì viết \\\\)",  # at the value's start: it was told text followed its closing quote
     "while reading a quoted value: an unknown escape after a backslash (write \\\\ for a backslash itself)"),
    ('- id: "I\\xZZ"\n', 1, 11, "khi đọc một giá trị trong dấu ngoặc kép: sau \\x, \\u hoặc \\U phải là các chữ số hệ mười sáu (0-9, A-F)",
     "while reading a quoted value: \\x, \\u and \\U must be followed by hexadecimal digits (0-9, A-F)"),
    ('- id: "I-1\n---\n"\n', 2, 1, "khi đọc một giá trị trong dấu ngoặc kép: có dòng bắt đầu bằng '---' hoặc '...', "
     "là dấu bắt đầu hoặc kết thúc tài liệu",
     "while reading a quoted value: a line starts with '---' or '...', which start or end a document"),
    ("- id: I-1\n  note: |x\n    a\n", 2, 10, "khi đọc một đoạn nhiều dòng (| hoặc >): sau | hoặc > chỉ được có chú thích (#) rồi xuống dòng",
     "while reading a block of lines (| or >): only a comment (#) and a line break may follow | or >"),
    ("- id: I-1\n  note: |0\n    a\n", 2, 10, "khi đọc một đoạn nhiều dòng (| hoặc >): số chỉ thụt lề sau | hoặc > không được là 0",
     "while reading a block of lines (| or >): the indentation indicator after | or > cannot be 0"),
    ("- id: & I-1\n", 1, 8, "khi đọc một điểm neo (&): thiếu tên (chữ cái hoặc chữ số)",
     "while reading an anchor (&): the name (letters or digits) is missing"),
    ("- id: I-1\n  lead: - Sở Nội vụ\n", 2, 9, "không được có dấu gạch đầu dòng (-) ở đây", "a dash (-) is not allowed here"),
    ("[Kế hoạch] năm 2021\n", 1, 12, "còn nội dung sau khi tài liệu đã kết thúc", "there is more after the document has ended"),
]
# (file text, line, column, the line its block starts on, Vietnamese detail, English detail)
INDENT_CASES = [
    ("- id: I-1\n- id: I-2\nid: I-3\n", 3, 1, 1, "ở đây phải là một dấu gạch đầu dòng (-) cùng cấp", "a dash (-) of that level was expected here"),
    ("plan:\n      year: 2021\n   title: A\n", 3, 4, 1, "ở đây phải là một khóa cùng cấp", "a key of that level was expected here"),
]


def _write(tmp_path, where: str, text: str):
    """The file to validate and the file that holds *text*: a plan, or the progress log beside the test plan."""
    if where == "plan":
        path = tmp_path / "ke-hoach.yaml"
        path.write_text(text, encoding="utf-8")
        return path, path
    plan = tmp_path / "ke-hoach.yaml"
    shutil.copy(DATA / "progress" / "ke-hoach.yaml", plan)
    log = tmp_path / "ke-hoach.progress.yaml"
    log.write_text(text, encoding="utf-8")
    return plan, log


def _problem_lines(run, lang, validated, holder):
    result = run("--lang", lang, "validate", validated)
    assert result.exit_code == 1, result
    return [line for line in result.stdout.splitlines() if line.startswith(f"{holder}:")]


@pytest.mark.parametrize("where", ["plan", "log"])
@pytest.mark.parametrize("text, line, column, vi, en", CASES, ids=[c[4] for c in CASES])
def test_libyaml_errors_are_worded_in_both_languages(run, tmp_path, where, text, line, column, vi, en):
    validated, holder = _write(tmp_path, where, text)
    assert _problem_lines(run, "vi", validated, holder) == [f"{holder}:{line}:{column}: {VI} ({vi})"]
    assert _problem_lines(run, "en", validated, holder) == [f"{holder}:{line}:{column}: {EN} ({en})"]
    assert not LIBYAML.search(vi)


@pytest.mark.parametrize("where", ["plan", "log"])
@pytest.mark.parametrize("text, line, column, start, vi, en", INDENT_CASES, ids=[c[5] for c in INDENT_CASES])
def test_a_misaligned_line_says_what_libyaml_expected(run, tmp_path, where, text, line, column, start, vi, en):
    validated, holder = _write(tmp_path, where, text)
    assert _problem_lines(run, "vi", validated, holder) == [f"{holder}:{line}:{column}: {VI_INDENT.format(start=start)} ({vi})"]
    assert _problem_lines(run, "en", validated, holder) == [f"{holder}:{line}:{column}: {EN_INDENT.format(start=start)} ({en})"]


@pytest.mark.parametrize("where", ["plan", "log"])
@pytest.mark.parametrize("breaks", ["\n", "\r\n", "\r"])
def test_git_conflict_markers_are_named_at_their_line(run, tmp_path, where, breaks):
    # Two clerks' branches merged: libyaml stopped a line or nine below "<<<<<<< HEAD", saying a colon was missing.
    text = ('- id: "I-1"\n  status: "done"\n  date: "2021-03-01"\n<<<<<<< HEAD\n- id: "I-2"\n  status: "done"\n'
            '  date: "2021-04-01"\n=======\n- id: "I-3"\n  status: "done"\n  date: "2021-04-02"\n>>>>>>> nhanh-b\n')
    validated, holder = _write(tmp_path, where, text.replace("\n", breaks))
    assert _problem_lines(run, "en", validated, holder) == [
        f"{holder}:4:1: error [yaml-syntax] this line is a git conflict marker (<<<<<<<) left by a merge: keep the right part "
        "between <<<<<<< and >>>>>>>, then delete the <<<<<<<, ======= and >>>>>>> lines"
    ]
    assert "dấu xung đột của git (<<<<<<<)" in _problem_lines(run, "vi", validated, holder)[0]


@pytest.mark.parametrize("where", ["plan", "log"])
def test_a_libyaml_error_cchc_does_not_word_is_vietnamese_still(run, tmp_path, where):
    validated, holder = _write(tmp_path, where, "- id: !<%zz> I-1\n")
    assert _problem_lines(run, "vi", validated, holder) == [f"{holder}:1:9: {VI}"]
    assert _problem_lines(run, "en", validated, holder) == [
        f"{holder}:1:9: {EN} (the YAML reader says: while parsing a tag: did not find URI escaped octet)"
    ]


def test_the_json_message_follows_the_language_and_nothing_else_does(run, tmp_path):
    import json

    validated, _ = _write(tmp_path, "plan", "- id: [I-1\n")
    vi = json.loads(run("validate", validated, "-f", "json").stdout)["diagnostics"]
    en = json.loads(run("--lang", "en", "validate", validated, "-f", "json").stdout)["diagnostics"]
    assert [{k: v for k, v in d.items() if k != "message"} for d in vi] == [{k: v for k, v in d.items() if k != "message"} for d in en]
    assert [(d["line"], d["column"], d["code"]) for d in vi] == [(2, 1, "yaml-syntax")]
    assert vi[0]["message"].endswith("(khi đọc một danh sách trong ngoặc vuông: thiếu ',' hoặc ']')")


@pytest.mark.parametrize("where", ["plan", "log"])
@pytest.mark.parametrize("text, line, column, quote", [
    ('- id: I-1\n  product: "Báo cáo" năm 2026\n', 2, 22, '"'),
    ("- id: I-1\n  note: 'Đề án' số 06\n", 2, 17, "'"),
    ('"Kế hoạch" năm 2021\n', 1, 12, '"'),
])
def test_text_after_a_closing_quote_is_told_to_quote_the_whole_value(run, tmp_path, where, text, line, column, quote):
    """`product: "Báo cáo" năm 2026` was told its indentation did not match: the quote closed the value."""
    validated, holder = _write(tmp_path, where, text)
    [vi] = _problem_lines(run, "vi", validated, holder)
    [en] = _problem_lines(run, "en", validated, holder)
    assert vi.startswith(f"{holder}:{line}:{column}: lỗi [yaml-syntax] còn chữ sau dấu {quote} đóng giá trị")
    assert en.startswith(f"{holder}:{line}:{column}: error [yaml-syntax] text follows the {quote} that closes the value")
    assert "thụt lề" not in vi


@pytest.mark.parametrize("where", ["plan", "log"])
@pytest.mark.parametrize("text, line, column, length", [
    ("a" * 2000 + ": 1\n", 1, 2001, "2,000"),  # was told of a colon inside a value
    ("- id: I-1\n  " + "Báo cáo " * 150 + ": x\n", 2, 1203, "1,200"),  # was told the colon after a key is missing
])
def test_a_key_longer_than_yaml_reads_is_told_so(run, tmp_path, where, text, line, column, length):
    validated, holder = _write(tmp_path, where, text)
    assert _problem_lines(run, "en", validated, holder) == [
        f"{holder}:{line}:{column}: error [yaml-syntax] the text before the colon is {length} characters long, and YAML reads a key "
        'of at most 1,024; no key of a plan is that long: if the line is a value, it is missing its key (such as "product: …") '
        "or its double quotes"
    ]
    # 1,024 characters are a key YAML reads (the schema then refuses it by name).
    shorter, _ = _write(tmp_path, where, text.replace("a" * 2000, "a" * 1024).replace("Báo cáo " * 150, "Báo cáo " * 128))
    assert "characters long" not in run("--lang", "en", "validate", shorter).stdout
