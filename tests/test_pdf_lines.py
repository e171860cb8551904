"""Lines for the drawn table pages (cchc.outputs.pdf_lines): where they break, and that they fit."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc.outputs import pdf_lines
from cchc.outputs.pdf import font_files
from cchc.outputs.pdf_fonts import faces

FACE = faces(font_files()[:1])[0]
WORDS = ["Sở", "Nội", "vụ", "(chủ", "trì)", "2021–2025", "108/2020/NĐ-CP", "“Một", "cửa”", "Quý", "IV/2021", "báo", "cáo;",
         "Ủy", "ban", "nhân", "dân", "tỉnh", "Thái", "Bình", "LĐ-TB&XH", "…", "đánh", "giá", "10/9/2021", "ngành,"]


@pytest.fixture(params=["pango", "rough"])
def breaking(request, monkeypatch):
    """Each test twice: with Pango's break opportunities (where WeasyPrint runs) and with the rough rules without it."""
    if request.param == "pango":
        pdf_lines._opportunities("a b")
        if not pdf_lines._pango:
            pytest.skip("no Pango through WeasyPrint")
    else:
        monkeypatch.setattr(pdf_lines, "_pango", False)
    return request.param


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=40), limit=st.floats(min_value=2.0, max_value=30.0))
def test_lines_keep_every_character_and_fit_unless_one_piece_cannot(words, limit):
    for rough in (False, True):
        saved = pdf_lines._pango
        if rough:
            pdf_lines._pango = False
        try:
            text = " ".join(words)
            lines = pdf_lines.wrap(text, FACE, limit)
        finally:
            pdf_lines._pango = saved
        assert squeezed("".join(lines)) == squeezed(text)
        assert all(line == line.strip(" ") and line for line in lines)
        for line in lines:
            # wider than the limit only when it is a piece no break opportunity splits (then cut between characters)
            assert FACE.width(line) <= limit + 1e-9 or " " not in line


def test_breaks_where_unicode_allows_them(breaking):
    text = "giai đoạn 2021-2025 theo Nghị định 108/2020/NĐ-CP"
    places = pdf_lines._opportunities(text)
    assert text.index("CP") in places and text.index("2025") not in places  # after a hyphen before a letter, not in a number
    assert text.index("đoạn") in places and text.index("iai") not in places  # after a space, not inside a word


def test_pango_keeps_brackets_and_punctuation_with_their_words():
    pdf_lines._opportunities("a b")
    if not pdf_lines._pango:
        pytest.skip("no Pango through WeasyPrint")
    text = "Sở Nội vụ ( chủ trì ) ; “Một cửa” (CCHC)"
    places = pdf_lines._opportunities(text)
    assert not {text[index] for index in places} & {")", ";"}  # no break before a closing bracket or a semicolon
    assert text.index("chủ") not in places  # nor after an opening bracket and its space
    assert text.index("(CCHC)") not in places  # nor between a closing quote and an opening bracket


def test_a_word_wider_than_a_line_is_cut_only_when_asked(breaking):
    word = "Nguyễn" * 12
    cut = pdf_lines.wrap(word, FACE, 5.0)
    assert len(cut) > 1 and "".join(cut) == word and all(FACE.width(line) <= 5.0 for line in cut)
    assert pdf_lines.wrap(word, FACE, 5.0, break_words=False) == [word]


def test_an_accent_stays_with_its_letter_when_a_word_is_cut():
    word = "Nguye\u0302\u0303n" * 10  # decomposed: e, circumflex, tilde
    for line in pdf_lines.wrap(word, FACE, 2.0):
        assert not line[0] in "\u0302\u0303"


@pytest.mark.parametrize("number", ["106/2020/NĐ-CP", "3669/QĐ-UBND", "03/2018/TT-BNV", "12/KH-UBND"])
def test_a_document_number_is_never_broken_at_its_hyphen(breaking, number):
    # pdftotext takes a hyphen ending a line for a word's hyphenation and drops it: "NĐ-" + "CP" read "NĐCP".
    text = f"Triển khai thi hành Nghị định số {number} của Chính phủ"
    head, tail = number.split("-", 1)
    for limit in (FACE.width("Triển khai thi hành Nghị định số " + head + "-") + 0.01 * n for n in range(0, 200, 7)):
        lines = pdf_lines.wrap(text, FACE, limit)
        assert squeezed("".join(lines)) == squeezed(text)
        assert not [line for line in lines if line.endswith("-")], (limit, lines)
        assert any(number in line for line in lines)
    # Other hyphens still break where they did.
    assert pdf_lines.wrap("Tỉnh Bà Rịa-Vũng Tàu", FACE, FACE.width("Tỉnh Bà Rịa-")) == ["Tỉnh Bà Rịa-", "Vũng Tàu"]


def test_document_numbers_of_an_html_document_are_kept_on_one_line_but_not_in_its_tags():
    document = '<p class="doc-kind" title="3669/QĐ-UBND">Quyết định 3669/QĐ-UBND; Nghị định số 106/2020/NĐ-CP.</p>'
    assert pdf_lines.unbroken_numbers(document) == (
        '<p class="doc-kind" title="3669/QĐ-UBND">Quyết định <span style="white-space: nowrap">3669/QĐ-UBND</span>; '
        'Nghị định số <span style="white-space: nowrap">106/2020/NĐ-CP</span>.</p>'
    )
    assert pdf_lines.unbroken_numbers("<p>giai đoạn 2021-2025, I-1</p>") == "<p>giai đoạn 2021-2025, I-1</p>"


def test_a_documents_text_is_scanned_once_however_many_angle_brackets_it_holds():
    # A template may print "<" without ">" (|safe): every "<" scanned to the end made 300,000 of them ~50 s of regex
    # (40,000 took 0.95 s); one pass takes milliseconds. Given 30 s, the quadratic scan could not finish.
    import subprocess
    import sys

    code = "from cchc.outputs.pdf_lines import unbroken_numbers as u; assert u('<p>12/KH-UBND ' + '<' * 300_000).startswith('<p><span')"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=30)


def test_pangos_breaks_read_from_its_attributes_bytes_are_the_ones_cffi_reads(monkeypatch):
    pdf_lines._opportunities("a b")
    if not pdf_lines._pango:
        pytest.skip("no Pango through WeasyPrint")
    texts = [" ".join(WORDS), "Nguyễn" * 40, "x", "Sở Nội vụ ( chủ trì ) ; “Một cửa” (CCHC) 日本語の文 😀 a\u00a0b\u200bc"]
    assert pdf_lines._bit_read  # the fast reading is the one used here
    for text in texts:
        assert pdf_lines._log_attrs(text, True) == pdf_lines._log_attrs(text, False)
    # Where the bytes would say otherwise (another layout of the bit-fields), the check made once falls back to cffi's.
    expected = [pdf_lines._log_attrs(text, False) for text in texts]
    monkeypatch.setattr(pdf_lines, "_bit_read", None)
    monkeypatch.setattr(pdf_lines, "_LOWEST_BIT", bytes(256))
    assert [pdf_lines._opportunities(text) for text in texts] == expected and pdf_lines._bit_read is False
