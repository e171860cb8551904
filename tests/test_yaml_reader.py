"""The YAML reader (cchc.inputs.yaml) and bounded file reading (cchc.inputs.files), tested directly.

Each hostile input states the exact code, message key and line:column it must give.
"""

from __future__ import annotations

import os
import re
import string
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from cchc.inputs import yaml as reader
from cchc.inputs.files import UnreadableFile, read_bounded
from cchc.inputs.yaml import KEY, MAX_DEPTH, YamlProblem, decode, parse, too_large
from cchc.inputs.yaml_locate import locate
from cchc.messages import catalogue, render
from cchc.messages.yaml import MESSAGES
from cchc.problems import Problem

DATA = Path(__file__).resolve().parent / "data"
MINIMAL = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8")
MIB = 1024 * 1024


def found(source):
    """(code, key, line, column) of each problem, in order, and the data."""
    data, problems = parse(source)
    return data, [(p.code, p.key, p.line, p.column) for p in problems]


def only(source, code, key=None):
    """The one problem of *source*, checked to have *code* (and *key*)."""
    data, problems = parse(source)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (problem.code, problem.key) == (code, key or code), problem
    return data, problem


# --- the API -------------------------------------------------------------------


def test_yaml_problem_shape_and_default_key():
    problem = YamlProblem(3, 7, "yaml-tab")
    assert problem.key == "yaml-tab" and problem.args == {} and problem.severity == "error"
    with pytest.raises(AttributeError):
        problem.line = 4  # frozen
    warning = YamlProblem(1, 2, "invisible-character", {"char": "U+200B", "name": "ZERO WIDTH SPACE"}, severity="warning")
    assert warning.key == "invisible-character" and hash(warning) == hash(YamlProblem(1, 2, "invisible-character", severity="warning"))


def test_problems_become_located_problems_with_messages():
    source = "a: no\nb: 1\nb: 2\n# \u2028\nc: \"\u200bx\"\n"
    _, problems = parse(source)
    assert [(p.code, p.line, p.column, p.severity) for p in problems] == [
        ("yaml-ambiguous", 1, 4, "error"),
        ("duplicate-key", 3, 1, "error"),
        ("control-character", 4, 3, "error"),
        ("invisible-character", 5, 5, "warning"),
    ]
    for p in problems:
        shown = Problem("plan.yaml", p.line, p.column, p.severity, p.code, args=tuple(p.args.items()), key=p.key)
        for lang in ("vi", "en"):
            text = shown.text(lang)
            assert text.startswith(f"plan.yaml:{p.line}:{p.column}: ") and f"[{p.code}]" in text
            assert "{" not in text and p.key not in text.split("] ", 1)[1], text


def test_no_fast_path_is_left():
    source = Path(reader.__file__).read_text(encoding="utf-8")
    assert "fastyaml" not in source and "_FAST_MIN_CHARS" not in source and "rapidyaml" not in source
    assert not hasattr(reader, "_FAST_MIN_CHARS")


def test_module_stays_under_500_lines():
    for module in (reader.__file__, sys.modules["cchc.inputs.files"].__file__):
        assert len(Path(module).read_text(encoding="utf-8").splitlines()) <= 500


def test_minimal_plan_reads_cleanly():
    data, problems = parse(MINIMAL.encode())
    assert problems == []
    assert data["plan"]["total_million_vnd"] == Decimal("12.5") and data["plan"]["year"] == 2021
    assert data["decision"]["date"] == "2021-01-05"


def test_empty_file_and_only_comments():
    assert found("") == (None, [("empty", "empty", 1, 1)])
    assert found("# chỉ có ghi chú\n") == (None, [("empty", "empty", 1, 1)])


def test_too_large_and_decode():
    assert too_large(reader.MAX_BYTES + 10).args == {"size": reader.MAX_BYTES + 10, "limit": reader.MAX_BYTES}
    over = too_large()
    assert (over.line, over.column, over.code, over.key) == (1, 1, "too-large", "too-large.over")
    assert "268.435.456" in over.message("vi") and "268,435,456" in over.message("en")
    assert decode(b"\xef\xbb\xbfa: 1\n") == (b"a: 1\n", True, None)
    assert decode("a: Sở\n".encode()) == ("a: Sở\n".encode(), True, None)
    assert decode("a: So\u031b\u0309\n".encode())[1] is False  # NFD
    # The bad byte's line and column count LF, CR and CRLF, and characters.
    _, _, problem = decode(b"x: 1\r\ny: 2\rz: \xc3\xa9\xff\n")
    assert (problem.line, problem.column, problem.code, problem.args) == (3, 5, "encoding", {"byte": "0xFF"})


def test_too_large_over_the_bound(monkeypatch):
    monkeypatch.setattr(reader, "MAX_BYTES", 1000)
    _, _, problem = decode(b"#" * 1001)
    assert (problem.line, problem.column, problem.code, problem.key) == (1, 1, "too-large", "too-large.over")
    assert decode(b"#" * 1000)[2] is None


# --- 1. YAML 1.2 line breaks and control characters -------------------------------


@pytest.mark.parametrize("char, name", [("\u2028", "LINE SEPARATOR"), ("\u2029", "PARAGRAPH SEPARATOR"), ("\x85", "NEXT LINE")])
def test_yaml_1_1_line_break_cannot_hide_a_key_in_a_comment(char, name):
    source = f"plan:\n  # kinh phí: để trống{char}budget: 10\n  year: 2021\n  total: 010\n"
    data, problems = found(source)
    assert data == {"plan": {"year": 2021, "total": "010"}}  # no budget: it stays in the comment
    assert problems == [
        ("control-character", "control-character.line-break", 2, 23),
        ("yaml-ambiguous", "yaml-ambiguous", 4, 10),  # lines after it are where an editor shows them
    ]
    assert parse(source)[1][0].args == {"char": f"U+{ord(char):04X}", "name": name}


def test_line_separator_inside_a_value_moves_nothing():
    source = "a: \"x\u2028y\"\nb: [1, 2]\nc: 0x1F\n"
    data, problems = found(source)
    assert data == {"a": "x y", "b": [1, 2], "c": "0x1F"}
    assert problems == [("control-character", "control-character.line-break", 1, 6), ("yaml-ambiguous", "yaml-ambiguous", 3, 4)]
    assert locate(source, [("c",), ("b", 1), ("c", KEY)]) == {("c",): (3, 4), ("b", 1): (2, 8), ("c", KEY): (3, 1)}


def test_escaped_line_separators_are_fine():
    data, problems = found('a: "x\\u2028y\\u0085z\\x01"\nb: 1\n')
    assert problems == [] and data == {"a": "x\u2028y\x85z\x01", "b": 1}


@pytest.mark.parametrize(
    "char, name",
    [("\x00", "NUL"), ("\x01", "SOH"), ("\x0b", "VT"), ("\x0c", "FF"), ("\x1b", "ESC"), ("\x7f", "DEL"),
     ("\x80", "C1 CONTROL"), ("\x9f", "C1 CONTROL"), ("\ufffe", "NONCHARACTER"), ("\uffff", "NONCHARACTER")],
)
def test_raw_control_characters_are_located_errors_and_the_rest_is_checked(char, name):
    source = f"# Kế hoạch\r\nplan:\r\n  title: \"Tổng{char} hợp\"\r\n  year: 2021\r\n  year: 2022\r\n"
    data, problems = parse(source)
    assert [(p.code, p.key, p.line, p.column, p.args) for p in problems] == [
        ("control-character", "control-character", 3, 15, {"char": f"U+{ord(char):04X}", "name": name}),
        ("duplicate-key", "duplicate-key", 5, 3, {"key": "year", "first": 4}),
    ]
    assert data == {"plan": {"title": "Tổng  hợp", "year": 2021}}


def test_columns_count_characters_and_lines_end_at_cr_lf_crlf_only():
    source = "a: 1\rb: 2\r\nc: \"ờ\x0cố\"\nd: \x02\n"
    assert found(source)[1] == [
        ("control-character", "control-character", 3, 6),
        ("control-character", "control-character", 4, 4),
    ]


def test_a_tab_is_still_a_tab_problem():
    _, problem = only("plan:\n  year: 2021\n\ttitle: A\n", "yaml-tab")
    assert (problem.line, problem.column) == (3, 1)
    assert parse("a: \"x\ty\"\n") == ({"a": "x\ty"}, [])  # a tab inside a value is fine


def test_many_control_characters_are_counted_not_listed():
    source = "a: \"" + "\x01" * 150 + "\u2028" * 50 + "\"\n"
    problems = parse(source)[1]
    assert len(problems) == reader.MAX_REPORTED + 1
    last = problems[-1]
    assert (last.key, last.line, last.column, last.args) == ("control-character.more", 1, 105, {"count": 100})
    assert "100" in last.message("en")


def test_a_file_of_nul_bytes_is_bounded_work():
    source = b"\x00" * (8 * MIB)
    start = time.perf_counter()
    data, problems = parse(source)
    assert time.perf_counter() - start < 5
    assert problems[-1].key == "control-character.more" and problems[-1].args == {"count": 8 * MIB - 100}
    assert problems[0].code == "control-character" and (problems[0].line, problems[0].column) == (1, 1)


# --- 2. invisible characters --------------------------------------------------------


def test_invisible_characters_in_values_and_keys_are_warnings():
    source = "a:\n  b: \u202eabc\u202c\n  \u200bc: \"Sở\ufeffNội vụ\"\n  d: |\n    x\u2066y\n# ghi chú\u200b\n"
    data, problems = parse(source)
    assert data == {"a": {"b": "\u202eabc\u202c", "\u200bc": "Sở\ufeffNội vụ", "d": "x\u2066y\n"}}
    assert [(p.code, p.severity, p.line, p.column, p.args["char"]) for p in problems] == [
        ("invisible-character", "warning", 2, 6, "U+202E"),
        ("invisible-character", "warning", 2, 10, "U+202C"),
        ("invisible-character", "warning", 3, 3, "U+200B"),
        ("invisible-character", "warning", 3, 10, "U+FEFF"),
        ("invisible-character", "warning", 5, 6, "U+2066"),
    ]  # none for the comment
    assert problems[0].args["name"] == "RIGHT-TO-LEFT OVERRIDE"


def test_deprecated_format_controls_and_unassigned_tags_are_invisible_too():
    # U+206A-206F (deprecated format controls) and the whole tag block, U+E0000-E0FFF, print as nothing.
    data, problems = parse("a: x\u206ay\U000e0080z\u206f\n")
    assert data == {"a": "x\u206ay\U000e0080z\u206f"}
    assert [(p.code, p.severity, p.args["char"], p.args["name"]) for p in problems] == [
        ("invisible-character", "warning", "U+206A", "INHIBIT SYMMETRIC SWAPPING"),
        ("invisible-character", "warning", "U+E0080", "UNASSIGNED"),
        ("invisible-character", "warning", "U+206F", "NOMINAL DIGIT SHAPES"),
    ]


def test_a_bom_at_the_start_is_no_invisible_character():
    assert parse(b"\xef\xbb\xbfa: 1\n") == ({"a": 1}, [])
    assert parse("\ufeffa: 1\n") == ({"a": 1}, [])


def test_a_second_bom_moves_no_invisible_character():
    # libyaml takes a BOM left at the start as the stream's own and does not count it: a character after it
    # is in the scalar libyaml says, at libyaml's column (it was one off: false warnings, missed ones).
    root, problems = parse(b"\xef\xbb\xbf\xef\xbb\xbfa: x\xe2\x80\x8b\n")
    assert root == {"a": "x\u200b"}
    assert [(p.code, p.line, p.column, p.args["char"]) for p in problems] == [("invisible-character", 1, 5, "U+200B")]
    assert parse(b"\xef\xbb\xbf\xef\xbb\xbfa: x\n") == ({"a": "x"}, [])


def test_invisible_after_a_line_separator_is_located_right():
    _, problems = found("# x\u2028y\na: \"\u200b\"\n")
    assert problems == [("control-character", "control-character.line-break", 1, 4), ("invisible-character", "invisible-character", 2, 5)]


def test_many_invisible_characters_are_counted():
    problems = parse("a: \"" + "\u200b" * 130 + "\"\n# \u200b\u200b\n")[1]
    assert len(problems) == 101 and problems[-1].key == "invisible-character.more"
    assert problems[-1].args == {"count": 32} and problems[-1].severity == "warning"


def test_the_invisible_scan_matches_cchc_text():
    from cchc.text import INVISIBLE

    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    expected = [m.group().encode() for m in INVISIBLE.finditer(everything)]
    encoded = everything.encode()
    assert sorted(m.group() for scan in reader._invisible_scans(encoded) for m in scan.finditer(encoded)) == sorted(expected)
    assert sorted(reader._INVISIBLE_CHARS) == sorted(expected)


def test_only_the_invisible_scans_that_can_match_run_over_a_file():
    from cchc.text import INVISIBLE

    plain = "Sở Nội vụ chủ trì “Một cửa” – 2021\n".encode()
    assert len(reader._invisible_scans(plain)) == 2  # the scans starting \xe1 (ở, ộ, ụ) and \xe2 (“ ” –)
    assert reader._invisible_scans(b"ascii only\n") == ()
    for match in INVISIBLE.finditer("".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c <= 0xDFFF)):
        data = plain + match.group().encode()  # each invisible character, alone in Vietnamese text, is still found
        assert any(scan.search(data) for scan in reader._invisible_scans(data)), f"U+{ord(match.group()):04X}"


# --- 4. no super-linear regular expressions ---------------------------------------------


def classify(value):
    problems = []
    mark = SimpleNamespace(start_mark=SimpleNamespace(line=0, column=0))
    return reader._number(value, mark, problems), [p.code for p in problems]


@pytest.mark.parametrize(
    "value, code",
    [
        ("1" + "_" * MIB + "x", None),
        ("0" * MIB + ":", None),
        ("0" * MIB + ":5", "yaml-ambiguous"),
        ("1e" * (MIB // 2), None),
        ("1" + "_" * MIB, "yaml-ambiguous"),
        ("1." * (MIB // 2), None),
        ("1" * MIB + "." + "1" * MIB, "yaml-number"),
        (".5" + "_" * MIB + "e", None),
        ("-" + "9" * MIB + "e+", None),
        ("1:" * (MIB // 2), None),
    ],
)
def test_hostile_plain_scalars_classify_in_linear_time(value, code):
    # Linear: a few milliseconds. A backtracking check took 49 s for 33 KB, so the bound
    # is generous enough for a busy machine and still tells the two apart by far.
    start = time.perf_counter()
    result, codes = classify(value)
    assert time.perf_counter() - start < 5
    assert codes == ([code] if code else []) and result == value


def test_a_hostile_scalar_in_a_file_is_fast():
    start = time.perf_counter()
    data, problems = parse("a: 1" + "_" * MIB + "x\nb: 1" + "_" * MIB + "\n")
    assert time.perf_counter() - start < 10
    assert [(p.code, p.line, p.column) for p in problems] == [("yaml-ambiguous", 2, 4)]


@pytest.mark.parametrize(
    "value, expected, code",
    [
        ("10", 10, None), ("-0", 0, None), ("+5", 5, None), ("2.50", Decimal("2.50"), None),
        ("0", 0, None), ("no", "no", "yaml-ambiguous"), ("Off", "Off", "yaml-ambiguous"),
        ("010", "010", "yaml-ambiguous"), ("1:30", "1:30", "yaml-ambiguous"), ("0x1F", "0x1F", "yaml-ambiguous"),
        ("0o17", "0o17", "yaml-ambiguous"), ("1e3", "1e3", "yaml-ambiguous"), ("1.5e3", "1.5e3", "yaml-ambiguous"),
        ("1_000", "1_000", "yaml-ambiguous"), ("5.", "5.", "yaml-ambiguous"), (".5", ".5", "yaml-ambiguous"),
        (".inf", ".inf", "yaml-ambiguous"), ("-.INF", "-.INF", "yaml-ambiguous"), (".NaN", ".NaN", "yaml-ambiguous"),
        ("1.5_0", "1.5_0", "yaml-ambiguous"), ("12:00", "12:00", "yaml-ambiguous"),
        ("1.2.3", "1.2.3", None), ("2021-06-30", "2021-06-30", None), ("-", "-", None), ("+84 912", "+84 912", None),
        ("10,5", "10,5", None), ("1/2", "1/2", None), ("null", None, None), ("~", None, None), ("TRUE", True, None),
    ],
)
def test_plain_scalars_resolve_as_yaml_1_2(value, expected, code):
    result, codes = classify(value)
    assert result == expected and type(result) is type(expected)
    assert codes == ([code] if code else [])


# --- 5. exact numbers ---------------------------------------------------------------


def test_a_5000_digit_number_is_a_located_error_not_a_traceback():
    data, problem = only("plan:\n  budget: " + "9" * 5000 + "\n", "yaml-number")
    assert (problem.line, problem.column) == (2, 11)
    assert problem.args["length"] == 5000 and problem.args["limit"] == 40
    assert data == {"plan": {"budget": "9" * 5000}}
    assert "5.000" in problem.message("vi") and "too long" in problem.message("en")


def test_the_number_length_bound():
    assert parse("a: " + "9" * 40 + "\nb: -" + "9" * 40 + "\n") == ({"a": int("9" * 40), "b": -int("9" * 40)}, [])
    assert found("a: " + "9" * 41 + "\n")[1] == [("yaml-number", "yaml-number", 1, 4)]
    assert found("a: 0." + "1" * 39 + "\n")[1] == [("yaml-number", "yaml-number", 1, 4)]
    assert parse("a: 0." + "1" * 38 + "\n")[0] == {"a": Decimal("0." + "1" * 38)}


def test_no_float_inf_or_nan_anywhere():
    data, _ = parse("a: [1.5, .inf, -.inf, .nan, 1e400, 1.0e+3, 0.1]\nb: {x: 2.50}\n")

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                yield key
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)
        else:
            yield node

    assert not any(isinstance(v, float) for v in walk(data))
    assert data["a"][0] == Decimal("1.5") and data["b"]["x"] == Decimal("2.50") and data["a"][1] == ".inf"


# --- 6. messages a clerk can act on --------------------------------------------------------


def test_unquoted_colon_in_text_says_to_quote_it():
    source = "items:\n  - id: I-1\n    product: Triển khai nội dung sau: rà soát, đánh giá\n"
    data, problem = only(source, "yaml-syntax", "yaml-syntax.colon")
    assert data is None and (problem.line, problem.column) == (3, 37) and problem.args == {"line": 3}
    assert "dòng 3" in problem.message("vi") and "dấu ngoặc kép" in problem.message("vi")
    assert "line 3" in problem.message("en") and "double quotes" in problem.message("en")


def test_unclosed_quote_points_at_the_opening_quote():
    _, problem = only('a: 1\nb: "Sở Nội vụ\nc: 2\n', "yaml-syntax", "yaml-syntax.quote")
    assert (problem.line, problem.column, problem.args) == (2, 4, {"quote": '"'})


def test_a_value_starting_with_a_reserved_character():
    _, problem = only("a: @Sở\n", "yaml-syntax", "yaml-syntax.character")
    assert (problem.line, problem.column, problem.args) == (1, 4, {"char": "@"})


def test_misaligned_keys():
    _, problem = only("plan:\n      year: 2021\n   title: A\n", "yaml-syntax", "yaml-syntax.indent")
    assert (problem.line, problem.column, problem.args["start"]) == (3, 4, 1)
    _, problem = only("- id: I-1\n- id: I-2\nid: I-3\n", "yaml-syntax", "yaml-syntax.indent")  # a dash left out
    assert (problem.line, problem.column, problem.args["problem"]) == (3, 1, "libyaml:did not find expected '-' indicator")


ITEM = "- id: A-1\n  product: xx\n  lead:\n    - Sở A\n"


@pytest.mark.parametrize(("text", "column", "args"), [
    # A key a column left of the keys above it: the key it belongs with is named, not "a dash was expected".
    (ITEM + " deadline: Quý II\n", 2, {"key": "deadline", "other": "lead", "line": 3, "column": 3}),
    # A column right: read as more of the value above, which a colon cannot be in.
    ("- id: A-1\n  product: xx\n   lead: [Sở A]\n", 4, {"key": "lead", "other": "product", "line": 2, "column": 3}),
    # Between two levels: both are named.
    ("plan:\n  year: 2021\n title: A\n", 2, {"key": "title", "other": "year", "line": 2, "column": 3, "parent": "plan",
                                           "parent_line": 1, "parent_column": 1}),
])
def test_a_key_a_column_or_two_off_is_told_the_key_to_line_it_up_with(text, column, args):
    key = "yaml-syntax.key-column.either" if "parent" in args else "yaml-syntax.key-column"
    for breaks in ("\n", "\r\n", "\r"):  # the lines above are read back from the line's start, whatever ends them
        _, problem = only(text.replace("\n", breaks), "yaml-syntax", key)
        assert (problem.line, problem.column, problem.args) == (text.count("\n"), column, args), repr(breaks)


@pytest.mark.parametrize("text", [
    "- id: A-1\n  product: Triển khai\n    các nội dung sau: a\n",  # a colon in a value's next line: quote it
    "- id: A-1\n  product: x\n     lead: y\n",  # three columns off: no slip of one
    "- id: A-1\n  product: x\n    lead: y\n",  # two: as much a child's place as a slip
    # A colon in the first value under a key, two columns in (as cchc init writes): no key is out of line.
    "plan:\n  year: 2026\n  title: Kế hoạch: năm 2026\n",
    "plan:\n  signer:\n    authority: KT. CHỦ TỊCH: PHÓ\n",
])
def test_a_colon_in_a_value_or_a_key_far_off_keeps_its_own_message(text):
    _, problem = only(text, "yaml-syntax", "yaml-syntax.colon")
    assert problem.line == 3


@pytest.mark.parametrize(("text", "key"), [
    # "Source:" is a line of the note's text, "note:" one of the title's: never a key to line up with.
    ("plan:\n  title: x\n  note: |\n     Source: the old plan\n    year: 2026\n", "yaml-syntax.indent"),
    ('plan:\n  title: "Kế hoạch\n    note: abc"\n   year: 2026\n', "yaml-syntax.key-column"),
])
def test_a_line_of_text_that_looks_like_a_key_is_not_offered_as_one(text, key):
    _, problem = only(text, "yaml-syntax", key)
    assert problem.line == 5 - (key != "yaml-syntax.indent") and problem.args.get("other") in (None, "title")


def test_libyaml_context_and_problem_are_worded_by_the_catalogue():
    _, problem = only("a: [1, 2\nb: 3\n", "yaml-syntax", "yaml-syntax.read")
    assert (problem.line, problem.column) == (2, 2)
    assert problem.args == {"context": "libyaml:while parsing a flow sequence", "problem": "libyaml:did not find expected ',' or ']'"}
    assert problem.message("vi").endswith("(khi đọc một danh sách trong ngoặc vuông: thiếu ',' hoặc ']')")
    assert problem.message("en").endswith("(while reading a list in square brackets: ',' or ']' is missing)")


def test_a_libyaml_text_the_catalogue_does_not_word_is_shown_in_english_only():
    _, problem = only("a: !<%zz> b\n", "yaml-syntax")
    assert "libyaml:" + problem.args["detail"].split(": ")[-1] not in catalogue()
    assert problem.message("vi") == "lỗi cú pháp YAML; hãy kiểm tra thụt lề, dấu hai chấm và dấu ngoặc kép ở chỗ này"
    assert problem.message("en").endswith("(the YAML reader says: while parsing a tag: did not find URI escaped octet)")


@pytest.mark.parametrize(
    "source, code, line, column",
    [
        ("a: &x 1\nb: 2\n", "yaml-anchor", 1, 4),
        ("a: 1\nb: *x\n", "yaml-alias", 2, 4),  # an alias to nothing is still an alias
        ("a: {x: 1}\nb:\n  <<: {y: 2}\n", "yaml-merge", 3, 3),
        ("{[1]: 2}\n", "yaml-key", 1, 2),
        ("a: 1\n---\nb: 2\n", "yaml-documents", 2, 1),
        ("a: !!python/object:os.system x\n", "yaml-tag", 1, 4),
        # A collection's tag of the other kind: every other YAML reader refuses the file (PyYAML: "expected a sequence").
        ("plan: !!seq\n  year: 2021\n", "yaml-tag", 1, 7),
        ("a: !!map\n  - 1\n", "yaml-tag", 1, 4),
        ("- !!seq {name: x}\n", "yaml-tag", 1, 3),
        ("a: 1\na: 2\n", "duplicate-key", 2, 1),
        ("".join("  " * i + f"k{i}:\n" for i in range(200)), "yaml-depth", MAX_DEPTH + 1, 2 * MAX_DEPTH + 1),
        # libyaml's own bound on flow nesting (1,000, read ahead) stops it first: still placed where it passes ours
        ("[" * 100_000 + "]" * 100_000, "yaml-depth", 1, MAX_DEPTH + 1),
        ("x: é\r\na: " + "[" * 999, "yaml-depth", 2, MAX_DEPTH + 3),
        ("x: é\ra: " + "[" * 1000, "yaml-depth", 2, MAX_DEPTH + 3),
        ("x: 1\na: " + "{" * 5000, "yaml-key", 2, 5),
    ],
)
def test_structure_problems(source, code, line, column):
    _, problem = only(source, code)
    assert (problem.line, problem.column) == (line, column)


def test_a_collections_own_tag_changes_nothing():
    assert parse("a: !!map {b: 1}\nc: !!seq [1]\nd: !!map\n  e: 2\n") == ({"a": {"b": 1}, "c": [1], "d": {"e": 2}}, [])


def test_every_key_has_both_languages_and_no_english_in_vietnamese():
    entries = catalogue()
    english = {"the", "file", "value", "line", "quote", "key", "error", "text", "and", "not", "allowed", "character",
               "number", "delete", "check", "with", "put", "it", "is", "in", "of"}
    for key, (vi, en) in MESSAGES.items():
        assert entries[key] == (vi, en)
        vi_fields, en_fields = ([f for _, f, _, _ in string.Formatter().parse(text) if f] for text in (vi, en))
        # libyaml's own words ({detail}) reach the English message only.
        assert vi_fields == en_fields or key.startswith("yaml-syntax.") or (key == "yaml-syntax" and (vi_fields, en_fields) == ([], ["detail"]))
        words = set(re.findall(r"[A-Za-z]+", re.sub(r"\{[^}]*\}", "", vi)))
        assert not words & english, (key, words & english)


def test_every_problem_the_reader_makes_has_a_message():
    sources = ["a: no\n", "a: 1\na: 2\n", "a: \x01\n", "a: \"\u200b\"\n", "a: [1\n", "a:\n\tb: 1\n", "a: " + "1" * 50 + "\n",
               "a: b: c\n", "a: 'x\n", "a: `x\n", "a:\n  b: 1\n c: 2\n", "a: &x 1\n", "a: !x y\n", ""]
    for source in sources:
        for problem in parse(source)[1]:
            assert problem.key in catalogue(), problem
            for lang in ("vi", "en"):
                assert "{" not in render(problem.key, problem.args, lang)


# --- 3. bounded file reading ----------------------------------------------------------------


def test_reads_a_regular_file(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_bytes(MINIMAL.encode())
    assert read_bounded(path) == MINIMAL.encode()
    assert read_bounded(str(path), limit=10) == MINIMAL.encode()[:11]
    (tmp_path / "empty.yaml").write_bytes(b"")
    assert read_bounded(tmp_path / "empty.yaml") == b""


def test_the_default_limit_is_read_at_the_call(tmp_path, monkeypatch):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * 5000)
    monkeypatch.setattr(reader, "MAX_BYTES", 1000)
    data = read_bounded(path)
    assert len(data) == 1001
    _, _, problem = decode(data)
    assert (problem.line, problem.column, problem.code) == (1, 1, "too-large")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_endless_devices_stop_after_the_limit(device, monkeypatch):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    data = read_bounded(device, limit=MIB)
    assert len(data) == MIB + 1
    monkeypatch.setattr(reader, "MAX_BYTES", MIB)
    _, _, problem = decode(data)
    assert (problem.line, problem.column, problem.code, problem.key) == (1, 1, "too-large", "too-large.over")


def test_a_symlink_to_dev_zero(tmp_path, monkeypatch):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    link = tmp_path / "plan.yaml"
    link.symlink_to("/dev/zero")
    assert read_bounded(link, limit=MIB) == b"\x00" * (MIB + 1)
    monkeypatch.setattr(reader, "MAX_BYTES", MIB)
    _, _, problem = decode(read_bounded(link))
    assert (problem.line, problem.column, problem.code, problem.key) == (1, 1, "too-large", "too-large.over")


def test_proc_files_whose_size_says_zero():
    if not os.path.exists("/proc/self/status"):
        pytest.skip("no /proc")
    data = read_bounded("/proc/self/status", limit=MIB)
    assert b"Pid:" in data and len(data) <= MIB


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_fifo_fed_endlessly(tmp_path):
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    # A reader kept open lets the writer open at once, so the writer is there before read_bounded reads.
    keeper = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    opened = threading.Event()

    def feed():
        fd = os.open(fifo, os.O_WRONLY)
        opened.set()
        try:
            while True:
                os.write(fd, b"a: 1\n" * 4096)
        except OSError:  # the readers are gone: EPIPE
            pass
        finally:
            os.close(fd)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    assert opened.wait(5)
    try:
        data = read_bounded(fifo, limit=MIB)
    finally:
        os.close(keeper)
    writer.join(5)
    assert len(data) == MIB + 1 and data.startswith(b"a: 1\n")
    assert not writer.is_alive()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_fifo_without_a_writer_does_not_hang(tmp_path):
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    result = []
    reading = threading.Thread(target=lambda: result.append(read_bounded(fifo, limit=MIB)), daemon=True)
    reading.start()
    reading.join(5)
    if reading.is_alive():  # unblock it before failing
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("reading a FIFO without a writer hangs")
    assert result == [b""]
    assert parse(result[0])[1][0].code == "empty"


def test_unreadable_files(tmp_path):
    with pytest.raises(UnreadableFile) as missing:
        read_bounded(tmp_path / "missing.yaml")
    assert (missing.value.code, missing.value.key, missing.value.args) == ("not-found", "not-found", {})
    with pytest.raises(UnreadableFile) as directory:
        read_bounded(tmp_path)
    assert (directory.value.code, directory.value.key) == ("not-a-file", "not-a-file")
    with pytest.raises(UnreadableFile) as through_a_file:
        (tmp_path / "file").write_bytes(b"")
        read_bounded(tmp_path / "file" / "plan.yaml")
    assert (through_a_file.value.code, through_a_file.value.key) == ("not-found", "not-found")
    with pytest.raises(UnreadableFile) as loop:
        (tmp_path / "loop").symlink_to(tmp_path / "loop")
        read_bounded(tmp_path / "loop")
    assert (loop.value.code, loop.value.key) == ("unreadable", "unreadable") and loop.value.args["reason"]
    for error in (missing.value, directory.value, through_a_file.value, loop.value):
        assert error.key in catalogue() and "{" not in render(error.key, error.args, "vi")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads everything")
def test_permission_denied(tmp_path):
    path = tmp_path / "secret.yaml"
    path.write_bytes(b"a: 1\n")
    path.chmod(0)
    with pytest.raises(UnreadableFile) as denied:
        read_bounded(path)
    assert (denied.value.code, denied.value.key) == ("unreadable", "unreadable.permission")


def test_permission_denied_and_other_errors_as_the_system_reports_them(tmp_path, monkeypatch):
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"a: 1\n")

    def refuse(error):
        def open_(*args, **kwargs):
            raise error

        return open_

    monkeypatch.setattr(os, "open", refuse(PermissionError(13, "Permission denied")))
    with pytest.raises(UnreadableFile) as denied:
        read_bounded(path)
    assert (denied.value.code, denied.value.key, denied.value.args) == ("unreadable", "unreadable.permission", {})
    monkeypatch.setattr(os, "open", refuse(OSError(5, "Input/output error")))
    with pytest.raises(UnreadableFile) as failed:
        read_bounded(path)
    assert (failed.value.code, failed.value.key, failed.value.args) == ("unreadable", "unreadable", {"reason": "Input/output error"})


# ---------------------------------------------------------------- floods of one problem


@pytest.mark.parametrize(
    "line, code",
    [
        ("x: [" + ", ".join(["yes"] * 5000) + "]\n", "yaml-ambiguous"),  # a YAML 1.1 boolean each
        ("- !!binary AA==\n" * 5000, "yaml-tag"),
        ("x:\n" + "".join("  a: 1\n" for _ in range(5001)), "duplicate-key"),
    ],
)
def test_a_flood_of_one_problem_lists_the_first_thousand_and_counts_the_rest(line, code):
    """A million "yes" in a 5 MB file were a million problems: 45 s and 3 GB to list them."""
    from cchc.inputs.yaml_problems import MAX_EACH

    _, problems = parse(line)
    same = [p for p in problems if p.code == code]
    assert len(same) == MAX_EACH + 1 and all(p.key != "yaml.more" for p in same[:MAX_EACH])
    more = same[-1]
    assert more.key == "yaml.more" and more.args["count"] == 5000 - MAX_EACH
    assert (more.line, more.column) > (same[MAX_EACH - 1].line, same[MAX_EACH - 1].column)  # where the unlisted ones start
    assert "4.000" in more.message("vi") and code in more.message("vi")
    assert "4,000 more" in more.message("en")


def test_a_flood_is_counted_in_a_plan_too(tmp_path):
    """The count reaches the plan's problems (located, with its code), and the file is read in bounded time."""
    from cchc.load import load_plan

    path = tmp_path / "flood.yaml"
    path.write_text(MINIMAL + "x: [" + ", ".join(["no"] * 3000) + "]\n", encoding="utf-8")
    problems = [p for p in load_plan(path).problems if p.code == "yaml-ambiguous"]
    assert len(problems) == 1001 and problems[-1].key == "yaml.more" and dict(problems[-1].args)["count"] == 2000
    assert problems[-1].line == MINIMAL.count("\n") + 1


# ---------------------------------------------------------------- a "#" in a value


@pytest.mark.parametrize(
    "line, kept",
    [
        ("product: Báo cáo #1 quý", "Báo cáo"),
        ("title: Kế hoạch số #12/KH", "Kế hoạch số"),
        ("- Sở Tư pháp #là chính", "Sở Tư pháp"),
        ("note: Đã xong\t#2", "Đã xong"),
    ],
)
def test_a_value_a_hash_cut_short_is_warned_of(line, kept):
    """In YAML " #" starts a comment: "Báo cáo #1 quý" was read as "Báo cáo", without a word."""
    data, problems = parse("x:\n  " + line + "\n")
    value = data["x"] if isinstance(data["x"], list) else next(iter(data["x"].values()))
    assert (value[0] if isinstance(value, list) else value) == kept
    [problem] = problems
    assert (problem.code, problem.severity, problem.line) == ("yaml-comment", "warning", 2)
    assert ("  " + line)[problem.column - 1] == "#"
    assert kept in problem.message("vi") and "ngoặc kép" in problem.message("vi") and "double quotes" in problem.message("en")


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_a_hash_cut_is_warned_of_whatever_the_line_ends(end):
    # Lines ending in a lone CR are lines to YAML: the cut was not looked for there, and the words went unsaid.
    data, problems = parse(end.join(["# ke hoach", "x:", "  a: 1", "  product: Báo cáo #1 quý", ""]))
    assert data["x"]["product"] == "Báo cáo"
    [problem] = problems
    assert (problem.code, problem.line, problem.column) == ("yaml-comment", 4, 20)


@pytest.mark.parametrize(
    "text",
    [
        'x:\n  product: "Báo cáo #1 quý"\n',  # quoted: the # is text
        "x:\n  superior: ỦY BAN NHÂN DÂN TỈNH …        # cơ quan chủ quản\n",  # a comment, "# " and a space after
        "x:\n  budget: 12  #triệu\n",  # a number: no word lost
        "x:\n  date: 2026-01-15 #ngày ký\n",
        "x:\n  note: |\n    Kết quả: đạt #1\n",  # a block's text holds its #
        "x:\n  # ghi chú #1\n  a: b\n",  # a comment line
        "x:\n  a: b#1\n",  # no space before: text
    ],
)
def test_a_hash_that_cuts_nothing_is_not_warned_of(text):
    _, problems = parse(text)
    assert problems == []


def test_a_query_counts_the_problems_a_flood_left_unlisted(run, tmp_path):
    """"… and 997 more": the 500 a yaml.more problem counts were counted as one."""
    path = tmp_path / "flood.yaml"
    path.write_text(MINIMAL + "x: [" + ", ".join(["yes"] * 1500) + "]\n", encoding="utf-8")
    result = run("list", "--plan", path)
    assert result.exit_code == 1
    assert "… và 1.496 lỗi nữa" in result.stderr, result.stderr  # 1,500 and the unknown key "x", 5 shown


@pytest.mark.parametrize("line", ["product: #1 quý", "- #12/KH-UBND"])
def test_a_value_that_is_all_a_comment_is_warned_of(line):
    """"product: #1 quý" is an empty product and a comment: the schema said only that product was null."""
    data, problems = parse("x:\n  " + line + "\n")
    assert data["x"] in ([None], {"product": None})
    [problem] = problems
    assert (problem.code, problem.key, problem.severity, problem.line) == ("yaml-comment", "yaml-comment.empty", "warning", 2)
    assert ("  " + line)[problem.column - 1] == "#"
    assert "để trống" in problem.message("vi") and "is empty" in problem.message("en")
