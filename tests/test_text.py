"""Vietnamese text: folding, collation, display width."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, strategies as st

from cchc.collation import sort_key
from cchc.text import display_width, fold, nfc, wrap

vietnamese = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐÂĂ ", max_size=40)


def test_fold_examples():
    assert fold("Sở Tư Pháp") == fold("so tu phap") == fold("SỞ TƯ PHÁP") == "so tu phap"
    assert fold("Đài  Phát thanh") == "dai phat thanh"
    assert fold("Ðài Phát thanh") == fold("ðài phát thanh") == "dai phat thanh"  # Latin-1's eth, drawn as Đ/đ
    assert fold(unicodedata.normalize("NFD", "Ủy ban nhân dân")) == "uy ban nhan dan"


@given(vietnamese)
def test_fold_ignores_form_and_case(text):
    assert fold(unicodedata.normalize("NFD", text)) == fold(text) == fold(text.upper())


@given(vietnamese)
def test_fold_leaves_only_ascii_for_vietnamese(text):
    assert fold(text).isascii()


def _fold_by_definition(text: str) -> str:
    # fold's rule, character by character: đ/Đ (and ð/Ð, drawn alike) to d/D, NFD, every combining mark dropped,
    # casefold, spaces.
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D").replace("ð", "d").replace("Ð", "D"))
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().split())


# Vietnamese with what may stand beside it: punctuation beyond ASCII, other scripts' letters and marks
# (in and out of U+0300-U+036F, U+034F of class 0 among them), ligatures, white space of every kind.
mixed = st.text(
    alphabet=st.one_of(
        st.sampled_from("aăâđĐơưỳỵẫ“”–…\u00a0\u3000\u034f\u0301\u0323\u1ab0\u20d0\u0130\u1e9e\ufb01\uac00ß"),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=40,
)


@given(st.one_of(mixed, vietnamese, st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=40)))
def test_fold_is_its_definition(text):
    assert fold(text) == _fold_by_definition(text)


def test_vietnamese_alphabetical_order():
    words = ["Ủy ban", "Văn phòng", "Đài", "Dân", "Sở Tư pháp", "Sở Nội vụ", "Báo", "Ân", "Ăn", "An", "Các"]
    assert sorted(words, key=sort_key) == ["An", "Ăn", "Ân", "Báo", "Các", "Dân", "Đài", "Sở Nội vụ", "Sở Tư pháp", "Ủy ban", "Văn phòng"]


def test_tones_order_after_letters():
    # Dictionary order of tones: ngang, huyền, hỏi, ngã, sắc, nặng.
    assert sorted(["má", "mạ", "mà", "ma", "mả", "mã"], key=sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert sorted(["mạ", "mai"], key=sort_key) == ["mạ", "mai"]  # letters decide before tones


@given(vietnamese)
def test_sort_key_ignores_unicode_form(text):
    assert sort_key(unicodedata.normalize("NFD", text))[:2] == sort_key(nfc(text))[:2]


@given(vietnamese)
def test_display_width_counts_letters_not_code_points(text):
    assert display_width(unicodedata.normalize("NFD", text)) == display_width(nfc(text)) == len(nfc(text))


@given(vietnamese, st.integers(min_value=5, max_value=30))
def test_wrap_respects_width_and_keeps_words(text, width):
    lines = wrap(text, width)
    assert all(display_width(line) <= width for line in lines)
    assert "".join(text.split()) == "".join("".join(lines).split())


@pytest.mark.parametrize("hidden", ["\U000e0041", "\U0001bca0", "\u202e", "\x1b", "\u180b", "\U0001d173", "\U00013430", "\ufff9"])
def test_escape_all_finds_an_unsafe_character_in_a_long_column(hidden):
    from cchc.text import escape_all

    column = ["Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành"] * 200 + [f"Sở Tư pháp{hidden}"]
    escaped = escape_all(column)
    assert hidden not in escaped[-1] and escaped[-1].startswith("Sở Tư pháp\\")
    assert escaped[:200] == column[:200]
    assert escape_all(column[:200]) is column[:200] or escape_all(column[:200]) == column[:200]


# A table's column is laid out several ways at once (one search of all its texts joined, once per
# distinct text, as it is when every text fits): each must give what ``layout`` gives text by text.
plain_words = ["Sở", "Nội", "vụ", "xây", "dựng", "a", "kế-hoạch", "thực hiện", "x" * 9, "y" * 31, "", " "]
plain_column = st.lists(st.lists(st.sampled_from(plain_words), max_size=14).map(" ".join), min_size=1, max_size=40)
mixed_column = st.lists(st.lists(st.sampled_from([*plain_words, "\n", "漢字", "e\u0301"]), max_size=14).map(" ".join), min_size=1, max_size=40)


@given(st.one_of(plain_column, mixed_column), st.sampled_from([None, 1, 2, 4, 8, 16, 28]))
def test_a_column_is_laid_out_as_each_of_its_texts_is(texts, width):
    from cchc.text import column_facts, column_lines, layout, layout_column

    facts = column_facts(texts)
    expected = [layout(text, width)[0] for text in texts]
    assert layout_column(texts, width, facts)[0] == expected
    cells, single, narrow = column_lines(texts, width, facts)
    assert ([[text] for text in cells] if single else cells) == expected
    assert narrow == all(layout(text, width)[1] for text in texts)


@pytest.mark.parametrize("width", [3, 10, 48])
def test_a_column_wrapped_together_falls_back_where_the_search_cannot_tell(width):
    from cchc.text import _wrap_together, layout

    long_word = "x" * (width + 1)
    for texts in (["Sở Nội vụ", long_word, "a b"], ["a", ""], ["a  b c d e f g h i j k l m n"], ["ab ", "c " * width], [" a b c"], ["abc  de fgh"]):
        together = _wrap_together(texts, width)
        assert together is None or together == [layout(text, width)[0] for text in texts]
    assert _wrap_together(["Sở Nội vụ", long_word], width) is None
    assert _wrap_together(["Sở Nội vụ", "a b c"], width) == [layout("Sở Nội vụ", width)[0], layout("a b c", width)[0]]


def test_sort_key_puts_numbers_before_letters_in_their_order_and_eth_with_d_stroke():
    # Numbers after Z and "10" before "2"; Ð (Latin-1's eth, from the old fonts' conversions) after every letter.
    names = ["Sở Z", "Sở 10", "Sở 2", "Sở Ðo", "Sở Đi", "Sở D", "Sở (cũ)", "UBND xã 1", "UBND xã An"]
    assert sorted(names, key=sort_key) == ["Sở (cũ)", "Sở 2", "Sở 10", "Sở D", "Sở Đi", "Sở Ðo", "Sở Z", "UBND xã 1", "UBND xã An"]


def test_sort_key_takes_a_combining_mark_after_a_digit_or_punctuation():
    # "số 2" with a stray circumflex: the mark has no letter to make; it crashed `cchc agencies` (exit 3).
    names = ["Tổ số 2\u0302", "Sở (\u0302)", "Sở 9\u0302", "Sở A"]
    assert sorted(names, key=sort_key) == ["Sở (\u0302)", "Sở 9\u0302", "Sở A", "Tổ số 2\u0302"]


def test_a_long_word_with_one_combining_mark_is_cut_measuring_each_character_a_few_times(monkeypatch):
    # After each cut the rest of the word was measured whole again: a 100,000-letter word with one combining
    # mark took `cchc show` 8 s (200,000: 31 s). The lines are the same; the characters measured are linear.
    import cchc.text as text

    word = "x" * 20000 + "\u0301" + "y" * 99
    measured = []
    real = text.display_width
    monkeypatch.setattr(text, "display_width", lambda s: measured.append(len(s)) or real(s))
    lines = text.wrap(word, 48)
    assert "".join(lines) == word and all(real(line) <= 48 for line in lines)
    assert all(real(line) == 48 for line in lines[:-1]) and 0 < real(lines[-1]) <= 48
    assert sum(measured) <= 3 * len(word), sum(measured)


def test_agencies_that_share_typed_initials_are_each_indexed_once_in_order():
    # 80,000 names of one key ("pk") were each checked against the whole bucket: quadratic.
    from types import SimpleNamespace

    from cchc.agencies import AgencyRegistry

    agencies = [SimpleNamespace(name=f"Phòng Khoa{i}", short=["PK"] if i % 2 else [], group=False, members=[], members_rule=None) for i in range(3000)]
    registry = AgencyRegistry(agencies)
    position = {id(a): i for i, a in enumerate(agencies)}
    buckets = registry._folded.values()
    assert all([position[id(a)] for a in bucket] == sorted({position[id(a)] for a in bucket}) for bucket in buckets)
    assert max(map(len, buckets)) >= 1500  # one key shared by half of them, as the audit's plan shared "pk"
    assert registry.find("Phòng Khoa17").agency is agencies[17]
