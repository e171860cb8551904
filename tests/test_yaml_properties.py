"""Property tests of the YAML reader: any text, at any file size, reads the same, at the positions an editor shows."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc.inputs.yaml import MAX_REPORTED, parse
from cchc.text import INVISIBLE

# Control characters the reader refuses (C0 but tab/LF/CR, DEL, C1, LS, PS, U+FFFE/U+FFFF),
# bidi and zero-width characters, other characters some readers take as line breaks,
# and the characters that matter to YAML's syntax.
CONTROL = set(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, 0xFFFE, 0xFFFF]))
SPECIAL = sorted(CONTROL) + list(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\u061c\ufeff"
    "\x1c\x1d\x1e\t\n\r \"\\:#'-&*!|>{}[],ơư\u0301\u0323"
)
TEXT = st.text(alphabet=st.one_of(st.characters(codec="utf-8"), st.sampled_from(SPECIAL)), max_size=40)
ONE_LINE = st.text(alphabet=st.one_of(st.characters(codec="utf-8", exclude_characters="\r\n"), st.sampled_from([c for c in SPECIAL if c not in "\r\n"])), max_size=40)
PADDING = ("# " + "đệm " * 19 + "\n") * (3 * 1024 * 1024 // 80)  # about 3 MiB of comment lines

FEW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def plan(title: str) -> str:
    """A small plan with *title* as a double-quoted value, and a known problem after it."""
    quoted = title.replace("\\", "\\\\").replace('"', '\\"')
    return f'# Kế hoạch\nplan:\n  title: "{quoted}"\n  year: 2021\nmarker: 0x1F\n'


def shown(problems) -> list[tuple]:
    return [(p.code, p.key, p.severity, p.line, p.column, tuple(sorted(p.args.items()))) for p in problems]


def editor_positions(text: str, wanted) -> list[tuple[int, int]]:
    """(line, column) of each character of *text* in *wanted*, lines ending at LF, CR or CRLF only."""
    positions, line, column, previous = [], 1, 1, ""
    for char in text:
        if char == "\n" and previous == "\r":
            previous = char
            continue
        if char in wanted:
            positions.append((line, column))
        if char in "\r\n":
            line, column = line + 1, 1
        else:
            column += 1
        previous = char
    return positions


@FEW
@given(TEXT)
def test_same_problems_and_data_whatever_the_size(title):
    source = plan(title)
    small = parse(source.encode())
    large = parse((source + PADDING).encode())
    assert shown(large[1]) == shown(small[1])
    assert large[0] == small[0]


@FEW
@given(TEXT)
def test_positions_after_any_characters(title):
    source = plan(title)
    data, problems = parse(source)
    controls = [(p.line, p.column) for p in problems if p.code == "control-character" and not p.key.endswith(".more")]
    assert controls == editor_positions(source, CONTROL)[:MAX_REPORTED]
    if any(p.code == "yaml-syntax" for p in problems):
        return  # e.g. a line "---" inside the value: libyaml stops there
    # Every invisible character is inside the value, and reported where an editor shows it.
    invisible = [(p.line, p.column) for p in problems if p.code == "invisible-character"]
    assert invisible == editor_positions(source, set(INVISIBLE.findall(source)))
    # The problem after the value is on the line an editor shows.
    marker_line = editor_positions(source, "m")[-1][0]
    assert ("yaml-ambiguous", marker_line, 9) in [(p.code, p.line, p.column) for p in problems]
    assert data["plan"]["year"] == 2021 and data["marker"] == "0x1F"


@FEW
@given(ONE_LINE)
def test_one_line_values_read_as_written(title):
    data, problems = parse(plan(title))
    # Each control character is read as a space, nothing else changes (but the form: NFC).
    expected = unicodedata.normalize("NFC", "".join(" " if c in CONTROL else c for c in title))
    assert data["plan"]["title"] == expected
    assert sum(p.code == "control-character" for p in problems) == min(sum(c in CONTROL for c in title), MAX_REPORTED + 1)


@FEW
@given(ONE_LINE)
def test_a_comment_line_can_hide_nothing(comment):
    base = plan("Kế hoạch") + "budget: 10\n"
    data, problems = parse(base)
    with_comment = f"# {comment}\n" + base
    data_c, problems_c = parse(with_comment)
    assert data_c == data
    expected = [("control-character", 1, column) for _, column in editor_positions(f"# {comment}", CONTROL)[:MAX_REPORTED]]
    assert [(p.code, p.line, p.column) for p in problems_c if p.code == "control-character" and not p.key.endswith(".more")] == expected
    others = [(p.code, p.line - 1, p.column) for p in problems_c if p.code != "control-character"]
    assert others == [(p.code, p.line, p.column) for p in problems]
