"""Vietnamese text: folding, collation, display width."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, strategies as st

from cchc.text import display_width, fold, nfc, sort_key, wrap

vietnamese = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐÂĂ ", max_size=40)


def test_fold_examples():
    assert fold("Sở Tư Pháp") == fold("so tu phap") == fold("SỞ TƯ PHÁP") == "so tu phap"
    assert fold("Đài  Phát thanh") == "dai phat thanh"
    assert fold(unicodedata.normalize("NFD", "Ủy ban nhân dân")) == "uy ban nhan dan"


@given(vietnamese)
def test_fold_ignores_form_and_case(text):
    assert fold(unicodedata.normalize("NFD", text)) == fold(text) == fold(text.upper())


@given(vietnamese)
def test_fold_leaves_only_ascii_for_vietnamese(text):
    assert fold(text).isascii()


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


@pytest.mark.parametrize("hidden", ["\U000e0041", "\U0001bca0", "\u202e", "\x1b"])
def test_escape_all_finds_an_unsafe_character_in_a_long_column(hidden):
    from cchc.text import escape_all

    column = ["Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành"] * 200 + [f"Sở Tư pháp{hidden}"]
    escaped = escape_all(column)
    assert hidden not in escaped[-1] and escaped[-1].startswith("Sở Tư pháp\\")
    assert escaped[:200] == column[:200]
    assert escape_all(column[:200]) is column[:200] or escape_all(column[:200]) == column[:200]
