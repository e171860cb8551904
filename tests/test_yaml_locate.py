"""Locating a problem from the outline noted while parsing gives what reading the whole file again gives.

Plans are written here in every style YAML allows (plain, quoted and block scalars,
scalars going on over lines, flow collections, comments, duplicate keys, CR and CRLF
line ends), and every path of each (keys too, and paths that are not there) is
located both ways.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings, strategies as st

from cchc.inputs import yaml_locate
from cchc.inputs.yaml import KEY, Outline, parse
from cchc.inputs.yaml_locate import locate

WORDS = ["Sở", "Nội", "vụ", "kế", "hoạch", "năm", "2021", "a", "b-c", "x:y", "Tháng", "6/2021", "e\u0301", "漢字"]


def _text(r: random.Random) -> str:
    return " ".join(r.choice(WORDS) for _ in range(r.randint(1, 6)))


def _scalar(r: random.Random, indent: int) -> str:
    """A value after "key:" (with its leading space or line break), in one of YAML's styles."""
    text = _text(r)
    style = r.random()
    pad = " " * (indent + 2)
    if style < 0.35:
        return " " + text.replace(": ", " ")
    if style < 0.45:
        return ' "' + text.replace('"', "") + '\\t"'
    if style < 0.55:
        return " '" + text.replace("'", "''") + "'"
    if style < 0.62:
        return " |\n" + pad + text + "\n" + pad + _text(r)
    if style < 0.68:
        return " >-\n" + pad + text
    if style < 0.74:  # a plain scalar going on to the next line
        return " " + text.replace(": ", " ") + "\n" + pad + _text(r).replace(": ", " ")
    if style < 0.80:
        return " " + str(r.randint(0, 500)) + r.choice(["", ".5"])
    if style < 0.84:
        return " " + text.replace(": ", " ") + "  # a comment"
    if style < 0.88:
        return "\n" + pad + text.replace(": ", " ")
    if style < 0.92:
        return " ''"
    return " " + r.choice(["null", "~", "true", "[]", "{}"])


def _names(r: random.Random, indent: int) -> str:
    names = [_text(r).replace(": ", " ").replace(",", "") for _ in range(r.randint(0, 3))]
    style = r.random()
    if style < 0.3 or not names:
        return " [" + ", ".join(names) + "]"
    entry = " " * (indent + r.choice([0, 2]))
    lines = []
    for name in names:
        lines.append(f"{entry}- {name}" if r.random() < 0.8 else f"{entry}-   '{name}'")
        if r.random() < 0.1:
            lines.append(entry + "# between entries")
    return "\n" + "\n".join(lines)


def _item(r: random.Random, indent: int, number: int) -> str:
    pad = " " * indent
    if r.random() < 0.1:  # a flow mapping
        return pad + f"- {{id: I-{number}, product: {_text(r).replace(': ', ' ').replace(',', '')}, lead: [SNV]}}"
    keys = ["id", "product", "lead", "partners", "deadline", "budget", "note", "stt"]
    r.shuffle(keys)
    lines = []
    inner = indent + 2
    for key in keys[: r.randint(1, len(keys))]:
        written = f'"{key}"' if r.random() < 0.05 else key
        value = _names(r, inner) if key in ("lead", "partners") else _scalar(r, inner)
        lines.append(" " * inner + f"{written}:{value}")
        if r.random() < 0.05:  # a duplicate key
            lines.append(" " * inner + f"{key}:{_scalar(r, inner)}")
        if r.random() < 0.05:
            lines.append("")
    first = lines[0][inner:]
    return pad + "- " + first + ("\n" + "\n".join(lines[1:]) if lines[1:] else "")


def plan_text(seed: int) -> str:
    r = random.Random(seed)
    out = ["# a plan", "plan:", "  title: " + _text(r).replace(": ", " "), "  year: 2021", "sections:"]
    for s in range(r.randint(1, 3)):
        out.append(f"  - numeral: {['I', 'II', 'III'][s]}")
        out.append("    title:" + _scalar(r, 4))
        out.append("    tasks:")
        for t in range(r.randint(1, 3)):
            out.append(f"      - number: '{t + 1}'")
            out.append("        items:")
            for i in range(r.randint(1, 4)):
                out.append(_item(r, 10, i))
    text = "\n".join(out) + r.choice(["\n", "", "\n\n# end\n"])
    return text.replace("\n", r.choice(["\n", "\n", "\r\n", "\r"]))


def paths_of(value, prefix=()) -> list[tuple]:
    paths = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            paths.append(prefix + (key, KEY))
            paths += paths_of(child, prefix + (key,))
        paths += [prefix + ("absent",), prefix + ("absent", KEY)]
    elif isinstance(value, list):
        for index, child in enumerate(value):
            paths += paths_of(child, prefix + (index,))
        paths += [prefix + (len(value),), prefix + (len(value), "deeper")]
    else:
        paths.append(prefix + ("below", 0))
    return paths


def _both_ways(text: str) -> None:
    outline = Outline()
    root, _ = parse(text, None, outline)
    if root is None:
        return
    paths = paths_of(root)
    assert locate(text, paths, outline) == locate(text, paths)
    for path in paths[::7]:  # one at a time too: each read of a part of the file stands alone
        assert locate(text, [path], outline) == locate(text, [path])


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**9))
def test_the_outline_locates_as_a_whole_reading_does(seed):
    _both_ways(plan_text(seed))


@pytest.mark.parametrize("local_bytes", [1 << 20, 0, 40])
def test_the_outline_locates_the_hand_written_hard_cases(monkeypatch, local_bytes):
    # With a small bound, problems in the larger containers are found by reading the whole file.
    monkeypatch.setattr(yaml_locate, "LOCAL_BYTES", local_bytes)
    hard = [
        "a:\n  - id: 1\n    note: \"two\n    lines\"\n    product: x\n",
        "a:\n  - id: 1\n    product: x\n    product: y\n",
        "a:\n- id: 1\n  lead:\n  - S\n  # c\n  - T\n- id: 2\n",
        "a:\n  - {id: 1, lead: [a, b]}\n  - id: 2\n    lead: []\n",
        "a:\n  - id: 1\n    product: |\n      x: y\n      product: z\n    lead: [x]\n",
        "a:\n  - id: 1\n    product: x\n      y z\n    lead: a\n",
        "a:\n  - id: 1\n    null: x\n    yes: y\n",
        "a: [{b: 1}, {c: [1, 2]}]\n",
        "- - id: 1\n    product: x\n  - id: 2\n",
        "a:\n  - id: 1\n    product:\n      - x\n",
        "a:\n  - id: 1\n    product:\n      x: y\n    deadline: z\n",
        "a:\n  - id: 1\n    product:\n      lead: y\n    partners: [z]\n",
        "a:\r\n  - id: 1\r\n    product: x\r\n    lead:\r\n    - S\r\n",
        "a:\r  - id: 1\r    product: x\r",
        "a:\n  - id: 1\n    product: x",
        "a:\n  -   id: 1\n      product: x\n",
        "a:\n  - id: 1\n    lead:\n      - S\n    partners:\n    - T\n",
        "a:\n  - id: 1\n    lead:\n    - S\n      - T\n",
        "a:\n  - id: 1\n    lead:\n    partners: x\n",
        "a:\n  - id: 1\n    product: \"x\"\n    deadline: Tháng 6/2021 # c\n",
        "a:\n  - id: 1\n    product: -5\n    budget: '10'\n",
        "x: 1\n---\ny: 2\n",
        "plain",
        "",
        # Raw control characters, which the reader makes spaces; a duplicate key whose first value is a scalar.
        "a:\n  - id: 1\n    deadline: \x01 5\n    lead:\n    - \x01 6\n",
        "a:\n  - id: 1\n    deadline: \xc2\x80 5\n".encode("latin-1").decode("utf-8"),
        "a:\n  - id: 1\n    deadline: \ufffe 5\n    budget: \u2028\n",
        "sections: 5\nsections: []\n",
        # Containers of one line each, after text of two-byte letters: their columns are counted in characters.
        "tên đơn vị: x\na: [{id: đ, b: [1, {c: 2}]}, {id: 2, id: 3}, {}]\n",
        "a: [{b: 1},\n  {c: [đ, 2]}, {d: 3}]\nb: {e: [1, 2]}\n",
        "a:\n  - items: 1\n    items: []\n    tasks: [1]\n    tasks: {b: 2}\n",
    ]
    for text in hard:
        _both_ways(text)
        # The same at the depth of a plan's items, below which nothing is outlined.
        _both_ways(_as_items(text))


def _as_items(text: str) -> str:
    """The list under *text*'s first key as the items of a plan's task (at depth 7, as in a plan)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines[0].endswith(":"):
        return text
    return "sections:\n  - tasks:\n      - items:\n" + "\n".join("        " + line if line else "" for line in lines[1:])


def test_problems_on_one_long_line_read_it_once(monkeypatch):
    """`sections: [{}, {}, …]` on one line of 750 KB took 5.7 s to validate: each of its thousand problems (the
    sections' missing fields) read the whole line again. A container on one line is read as its own characters."""
    text = "plan: {title: T}\nsections: [" + ", ".join(["{}", "{a: đ}"] * 25_000) + "]\n"
    outline = Outline()
    root, _ = parse(text, None, outline)
    read = []
    real = yaml_locate._find_safely
    monkeypatch.setattr(yaml_locate, "_find_safely", lambda data, prefixes: read.append(len(data)) or real(data, prefixes))
    paths = [("sections", n, "numeral") for n in range(0, 50_000, 50)] + [("sections", n, "a", KEY) for n in range(1, 50_000, 50)]
    found = locate(text, paths, outline)
    assert sum(read) < len(text.encode("utf-8")), sum(read)
    monkeypatch.setattr(yaml_locate, "_find_safely", real)
    assert found == locate(text, paths)  # where reading the whole file finds them
