"""The rapidyaml fast path reads exactly what the libyaml path reads, or declines."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from cchc import fastyaml, safeyaml
from conftest import DATA, ROOT

pytest.importorskip("ryml")

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate_plan  # noqa: E402

FILES = sorted([*ROOT.glob("plans/*.yaml"), *DATA.glob("valid/*.yaml"), *DATA.glob("render/*.yaml"), *DATA.glob("invalid/*.yaml")])


def exact(text: str):
    data, problems = safeyaml.parse(text)  # below the size that tries the fast path
    return data, problems


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_same_data_as_the_exact_path_or_none(path):
    text = path.read_text(encoding="utf-8")
    fast = fastyaml.parse_plain(text.encode())
    data, problems = exact(text)
    if fast is not None:
        assert problems == [] and fast == data
        assert json.dumps(fast, default=str) == json.dumps(data, default=str)  # same types, same order


def test_the_2021_plan_and_generated_plans_take_the_fast_path():
    plan = (ROOT / "plans" / "2021.yaml").read_text(encoding="utf-8")
    # Its header comment quotes `cchc validate`: a backtick the screen declines, as it may.
    uncommented = "".join(line for line in plan.splitlines(keepends=True) if not line.lstrip().startswith("#"))
    for text in (uncommented, generate_plan(500, seed=3)):
        fast = fastyaml.parse_plain(text.encode())
        assert fast is not None
        assert fast == exact(text)[0]


def test_large_files_use_it_through_safeyaml(monkeypatch):
    calls = []
    real = fastyaml.parse_plain
    monkeypatch.setattr(fastyaml, "parse_plain", lambda data: calls.append(len(data)) or real(data))
    text = generate_plan(3000)
    assert len(text) >= safeyaml._FAST_MIN_CHARS
    data, problems = safeyaml.parse(text)
    assert calls == [len(text.encode())] and problems == [] and data["sections"]


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # duplicate key
        "a: &x 1\nb: *x\n",  # anchor, alias
        "a: !!python/object x\n",  # tag
        "a: no\n", "a: Yes\n", "a: ~\n", "a: Null\n", "a: TRUE\n",  # YAML 1.1 and 1.2 words
        "a: 010\n", "a: 1:30\n", "a: .5\n", "a: 1e3\n", "a: 0x1F\n", "a: 1_000\n", "a: +1\n", "a: 5.\n",  # numbers
        "a: 1\n---\nb: 2\n", "%YAML 1.2\n---\na: 1\n",  # documents, directives
        "a:\n\t- x\n", 'a: "x\\ty"\n',  # tab, escape
        "a: {<<: {b: 1}}\n", "? a\n: 1\n",  # merge key, complex key
        "1: a\n", "null: a\n",  # keys that are not text
        "- a\n- b\n", "just text\n", "",  # not a mapping
        "a: [unclosed\nb: 1\n",  # syntax error
    ],
)
def test_declines_what_it_cannot_vouch_for(text, capfd):
    assert fastyaml.parse_plain(text.encode()) is None
    assert capfd.readouterr().err == ""  # rapidyaml's own error printing is silenced


# Plan-like documents: mappings and lists of text in every scalar style, numbers, nulls.
_words = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạềểễếệĐÂ ,.;:()/-“”'\"#%&*!?|>@`0123456789", min_size=0, max_size=30)
_key = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8)


def _scalar_yaml(value: str, style: str, indent: int) -> str:
    if style == "double":
        return json.dumps(value, ensure_ascii=False)
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    if style == "literal":
        pad = " " * (indent + 2)
        return "|-\n" + "\n".join(pad + line for line in (value or "x").split("\n"))
    return value  # plain: may be anything, including things YAML reads differently


_scalar = st.one_of(
    st.tuples(_words, st.sampled_from(["double", "single", "plain", "literal"])),
    st.integers(min_value=-10**6, max_value=10**6).map(lambda n: (str(n), "plain")),
    st.sampled_from(["2.5", "10", "0", "-3", "12.50", "true", "null", "~", "no", "2021-06-30", "Quý II, IV/2021"]).map(lambda v: (v, "plain")),
)


class Node:
    """A mapping (pairs) or a list (scalars) of a generated document."""

    def __init__(self, kind: str, content: list):
        self.kind, self.content = kind, content


def _document(node: Node, indent: int = 0) -> str:
    pad = " " * indent
    lines = []
    for key, child in node.content:
        if isinstance(child, Node):
            lines.append(f"{pad}{key}:")
            lines.append(_block(child, indent + 2))
        else:
            lines.append(f"{pad}{key}: {_scalar_yaml(child[0], child[1], indent)}")
    return "\n".join(lines)


def _block(node: Node, indent: int) -> str:
    if node.kind == "map":
        return _document(node, indent)
    pad = " " * indent
    return "\n".join(f"{pad}- {_scalar_yaml(v, s, indent)}" for v, s in node.content)


_lists = st.lists(_scalar, min_size=1, max_size=4).map(lambda xs: Node("list", xs))
_maps = st.recursive(
    st.lists(st.tuples(_key, _scalar), min_size=1, max_size=5).map(lambda kv: Node("map", kv)),
    lambda inner: st.lists(st.tuples(_key, st.one_of(_scalar, inner, _lists)), min_size=1, max_size=5).map(
        lambda kv: Node("map", kv)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(_maps)
def test_random_documents_read_the_same(tree):
    text = _document(tree) + "\n"
    fast = fastyaml.parse_plain(text.encode())
    if fast is None:
        return
    data, problems = exact(text)
    assert problems == [], text
    assert fast == data, text
    assert json.dumps(fast, default=repr) == json.dumps(data, default=repr), text
