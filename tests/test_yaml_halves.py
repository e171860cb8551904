"""A large plan read in two processes gives what reading it whole gives: the same data, problems and outline.

Each test reads a text both ways (the threshold lowered so that small texts
are cut too) and compares everything ``cchc validate`` and the queries use.
Texts that must not be cut, or whose halves disagree with the whole, are read
whole: the comparison holds for them as well, and the tests say which way
each was read.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from cchc import forks
from cchc.inputs import yaml as safeyaml, yaml_halves

PLAN_2021 = Path(__file__).resolve().parents[1] / "plans" / "2021.yaml"


@pytest.fixture(autouse=True)
def small_files_cut(monkeypatch):
    monkeypatch.setattr(yaml_halves, "LEAST_BYTES", 0)
    monkeypatch.setattr(forks, "cores", lambda: 2)


def read_both(text: str | bytes):
    """(whole, halves, whether the halves were used): each a tuple of data, problems, outline cells and keys."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    whole_outline, halves_outline = safeyaml.Outline(), safeyaml.Outline()
    root, problems = safeyaml.parse(data, None, whole_outline)
    used = yaml_halves.in_two(data, False, safeyaml.Outline()) is not None if yaml_halves.cut(data) else False
    halves_root, halves_problems = yaml_halves.parse(data, None, halves_outline)
    whole = (root, problems, whole_outline.cells.tolist(), whole_outline.key, list(root) if isinstance(root, dict) else None)
    halves = (halves_root, halves_problems, halves_outline.cells.tolist(), halves_outline.key,
              list(halves_root) if isinstance(halves_root, dict) else None)
    return whole, halves, used


def plan_text(sections: int = 6, indent: str = "  ", newline: str = "\n", last_value: str = "done", tail: str = "") -> str:
    lines = ["decision:", "  number: 1/QĐ", "plan:", "  title: Kế hoạch", "sections:"]
    for number in range(1, sections + 1):
        lines += [f"{indent}- numeral: S{number}", f"{indent}  title: Phần {number}", f"{indent}  tasks:",
                  f"{indent}    - id: '{number}'", f"{indent}      items:", f"{indent}        - id: {number}.1",
                  f"{indent}          lead: Sở Nội vụ", f"{indent}          note: {last_value}"]
    return newline.join(lines) + newline + tail


@pytest.mark.parametrize("indent", ["", "  ", "    "])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_plan_read_in_two_is_the_plan_read_whole(indent, newline):
    whole, halves, used = read_both(plan_text(indent=indent, newline=newline))
    assert used
    assert halves == whole
    assert [s["numeral"] for s in halves[0]["sections"]] == [f"S{n}" for n in range(1, 7)]


def test_the_2021_plan_read_in_two():
    whole, halves, used = read_both(PLAN_2021.read_bytes())
    assert used and halves == whole


@pytest.mark.parametrize("last_value", [
    "|\n            - id: not an entry\n            text",    # a block scalar at the cut
    "a long\n            plain text",                         # a plain scalar over two lines
    "done\n\n# a comment at column 0\n   # and one indented\n",  # comments and blank lines before the cut
    "\"quoted\n  - id: inside the quotes\n  and on\"",           # a quoted scalar whose lines look like entries
    "[a,\n  - b]",                                           # a flow list over the cut
    "done  # trailing comment",
])
def test_what_ends_the_last_entry_before_the_cut(last_value):
    whole, halves, _ = read_both(plan_text(sections=8, last_value=last_value))
    assert halves == whole


@pytest.mark.parametrize("tail, used", [
    ("notes: after the sections\n", True),       # a key of the document after the list: joined in its place
    ("decision: again\n", False),                # a duplicate of a key before the cut: read whole, reported
    ("sections: again\n", False),
    ("...\n", True),                            # the document's end after the list: the same in both
    ("---\nsecond: document\n", False),
])
def test_keys_and_documents_after_the_list(tail, used):
    whole, halves, was_used = read_both(plan_text(tail=tail))
    assert halves == whole
    assert was_used is used


def test_problems_anywhere_are_those_of_the_whole_reading():
    base = plan_text(sections=10)
    cut = yaml_halves.cut(base.encode())
    assert cut is not None
    head, rest = base[: cut.start], base[cut.start :]
    for broken in (
        head + rest.replace("note: done", "note: no", 1),                         # a YAML 1.1 trap after the cut
        head.replace("note: done", "note: &a done", 1) + rest.replace("note: done", "note: *a", 1),
        head + rest.replace("lead: Sở Nội vụ", "lead: Sở\u200b Nội vụ", 1),      # an invisible character
        head + rest.replace("lead: Sở Nội vụ", "lead: Sở\u0085Nội vụ", 1),        # NEL
        head + rest.replace("note: done", "note: done\n          note: twice", 1),
        head + rest.replace("          note: done", "\tnote: done", 1),
        head + rest.replace("note: done", "note: \x07", 1),                       # a control character
        head + rest.replace("note: done", "note: ]", 1),
        "%TAG !! tag:example.com,2000:\n---\n" + head + rest.replace("note: done", "note: !!str done", 1),
        head + "...\n" + rest,
        head + "...\n# only a comment\n\n" + rest,
        head + "---\n" + rest,
        head.replace("title: Phần 1", "title: Phần 1\n  title: again", 1) + rest,
    ):
        whole, halves, used = read_both(broken)
        assert whole[1], broken  # each text has a problem
        assert halves == whole, broken
        assert not used


def test_a_tag_that_is_allowed_on_both_sides():
    base = plan_text(sections=10).replace("note: done", "note: !!str done")
    whole, halves, used = read_both(base)
    assert used and not whole[1] and halves == whole


def test_text_not_in_nfc_is_normalized_in_both_halves():
    text = plan_text(sections=6).replace("Sở Nội vụ", "So\u031b\u0309 Nội vụ")
    whole, halves, used = read_both(text)
    assert used and halves == whole
    assert halves[0]["sections"][-1]["tasks"][0]["items"][0]["lead"] == "Sở Nội vụ"


def test_files_that_are_not_cut():
    assert yaml_halves.cut(b"sections:\n  - a\n") is None  # the first entry is past the middle
    assert yaml_halves.cut(plan_text().replace("\n", "\r").encode()) is None  # lines end at lone CRs
    assert yaml_halves.cut(b"%YAML 1.2\n---\n" + plan_text().encode()) is None
    assert yaml_halves.cut(plan_text().replace("sections:", "sections: # the list").encode()) is None
    assert yaml_halves.cut(plan_text().replace("sections:", "parts:").encode()) is None


def test_a_child_that_fails_leaves_the_reading_to_this_process(monkeypatch):
    text = plan_text(sections=12)
    whole, _, _ = read_both(text)
    parent = os.getpid()

    def failing_in_the_child(make):
        def made(start, stop):
            if os.getpid() != parent:
                os._exit(3)
            return make(start, stop)
        return made

    real_start = forks.Child.start.__func__
    monkeypatch.setattr(forks.Child, "start", classmethod(lambda cls, make, *rest: real_start(cls, failing_in_the_child(make), *rest)))
    outline = safeyaml.Outline()
    root, problems = yaml_halves.parse(text.encode(), None, outline)
    assert (root, problems, outline.cells.tolist(), outline.key) == whole[:4]


def test_no_child_without_a_second_core(monkeypatch):
    monkeypatch.setattr(forks, "cores", lambda: 1)
    monkeypatch.setattr(forks.Child, "start", classmethod(lambda *a: pytest.fail("a child was started")))
    outline = safeyaml.Outline()
    root, problems = yaml_halves.parse(plan_text().encode(), None, outline)
    assert not problems and len(root["sections"]) == 6


SNIPPETS = ["...", "---", "- x", "  - x", "- ", '"', "'", "[", "{", "]", "&a x", "*a", "\t", "|", ">", "#", "%TAG ! x",
            "sections:", "decision: x", "? k", ": v", "!!str", "!x", "\u200b", "\u0085", "no", "010", "    - deep",
            "  tasks:", "\r", "\r\n", "<<: {}", "x: y: z"]


@pytest.mark.parametrize("seed", range(60))
def test_a_mutated_plan_reads_alike_both_ways(seed):
    """Lines of YAML's every kind put near the cut of a real plan: whatever the whole reading makes of the
    result, data, problems or outline, the reading in two makes the same."""
    rng = random.Random(seed)
    lines = PLAN_2021.read_text(encoding="utf-8").split("\n")
    middle = len(lines) // 2
    for _ in range(rng.randint(1, 3)):
        at = rng.randint(middle - 25, middle + 25)
        snippet = rng.choice(SNIPPETS)
        if rng.random() < 0.5:
            lines.insert(at, " " * rng.choice([0, 2, 4, 6]) + snippet)
        else:
            lines[at] = lines[at] + " " + snippet
    whole, halves, _ = read_both("\n".join(lines))
    assert halves == whole


def test_positions_found_in_two_are_those_found_whole(monkeypatch):
    """Every item's fields, items and indexes that are not there, keys and places outside the sections:
    found by two processes, the same lines and columns as by one."""
    from cchc.inputs import yaml_locate

    monkeypatch.setattr(yaml_halves, "LEAST_PATHS", 1)
    data = PLAN_2021.read_bytes()
    outline = safeyaml.Outline()
    root, _ = safeyaml.parse(data, None, outline)
    paths = [("plan", "total_million_vnd"), ("agencies", 0, "name"), ("sections", 99), ("sections", 0, "tasks", 99)]
    for s, section in enumerate(root["sections"]):
        paths.append(("sections", s, "title"))
        for t, task in enumerate(section["tasks"]):
            for i, item in enumerate(task["items"]):
                where = ("sections", s, "tasks", t, "items", i)
                paths += [where + ("product",), where + ("lead", 0), where + ("lead", 9), where + ("deadline", safeyaml.KEY), where + ("nothing",)]
    started = []
    real_start = forks.Child.start.__func__
    monkeypatch.setattr(forks.Child, "start", classmethod(lambda cls, *a: started.append(1) or real_start(cls, *a)))
    assert yaml_halves.locate(data, paths, outline) == yaml_locate.locate(data, paths, outline)
    assert started


@pytest.mark.parametrize("data", [
    b"sections:\n- \n...\n\xef\xbb\xbf\n- ",                       # libyaml passes over a BOM at a line's start:
    b"sections:\n- \n...\n\xef\xbb\xbf# c\n- ",                    # the "..." before it still ends the document
    b"\n\xef\xbb\xbf\n%TAG !! :\n---\nsections:\n- 0xxxxxxxxxxxxxxxxxxx\n- !!str ",  # a directive behind a BOM line
    b"\xef\xbb\xbf\xef\xbb\xbfa: x\n",                              # a second BOM, taken off once only
    b"\xef\xbb\xbf\xef\xbb\xbfa: x\xe2\x80\x8b\n",
    b"\xef\xbb\xbf\xef\xbb\xbf\nsections:\n- xx\n- [a,\n\xef\xbb\xbfb]",
    b"\xff\xfe" + "sections:\n- ".encode("utf-16-le") + b"\nsections:\n- " + b"x" * 41 + b"z\n- b\n",  # UTF-16
])
def test_byte_order_marks_and_other_encodings_are_read_whole(data):
    # Found by a hostile tester: each of these once read otherwise in two processes.
    whole, halves, used = read_both(data)
    assert halves == whole and not used


def test_a_directive_anywhere_before_the_list_is_read_whole():
    for head in (b"%TAG !! :\n---\n", b"# c\n\n%TAG !! :\n---\n", b"  \n%TAG !! :\n---\n"):
        data = head + b"sections:\n- 0xxxxxxxxxxxxxxxxxxx\n- !!str x\n- y\n"
        whole, halves, used = read_both(data)
        assert halves == whole and not used and whole[1]


def test_a_value_a_hash_cut_short_is_warned_of_at_any_size():
    """The warning comes from reading the file whole: a file that would be cut is read whole when it has one."""
    whole, halves, used = read_both(plan_text(tail="").replace("note: done", "note: Báo cáo #5", 1).replace("title: Phần 6", "title: Phần #6"))
    assert not used and halves == whole
    assert [(p.code, p.line, p.args["value"]) for p in whole[1]] == [("yaml-comment", 13, "Báo cáo"), ("yaml-comment", 47, "Phần")]
