"""Characters the bundled font lacks ("➢", "✓", "⇒") print in another font of the machine: `render` says which."""

from __future__ import annotations

import pytest

from conftest import DATA, ROOT


@pytest.fixture
def pdf_engine():
    from cchc.outputs.pdf import PdfUnavailable, _engine

    try:
        _engine()
    except PdfUnavailable as exc:
        pytest.skip(f"no PDF engine: {exc.reason}")


def test_render_names_the_characters_printed_in_another_font(run, tmp_path, pdf_engine):
    text = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    # ➢ and ✓ are bullets Vietnamese Word documents use; – “ ” … are in the font; U+00AD (soft hyphen) prints nothing.
    plan.write_text(text.replace("product: ", "product: \"➢ Tỷ lệ ⇒ 80% ✓ – “đạt” … x\u00ady\" # ", 1), encoding="utf-8")
    result = run("--lang", "en", "render", "--plan", plan, "-o", tmp_path / "plan.pdf")
    assert result.exit_code == 0, result
    assert "3 characters are not in the bundled Liberation Serif" in result.stderr, result.stderr
    assert "⇒ (U+21D2), ✓ (U+2713), ➢ (U+27A2)" in result.stderr
    vi = run("render", "--plan", plan, "-o", tmp_path / "plan.pdf")
    assert "3 ký tự không có trong phông Liberation Serif kèm theo" in vi.stderr


def test_a_plan_in_the_bundled_fonts_letters_gets_no_such_notice(run, tmp_path, pdf_engine):
    result = run("--lang", "en", "render", "--plan", ROOT / "plans" / "2021.yaml", "-o", tmp_path / "2021.pdf")
    assert result.exit_code == 0 and "not in the bundled" not in result.stderr, result


def test_the_characters_taken_as_in_the_font_without_reading_it_are_in_it():
    # other_font_characters does not read the font for a plan of Latin and Vietnamese letters and common punctuation.
    from cchc.outputs import pdf, pdf_fonts

    glyphs = pdf_fonts.faces(pdf.font_files()[:1])[0].glyph
    assumed = {chr(code) for code in range(0x21, 0x250)} | {chr(code) for code in range(0x1EA0, 0x1EFA)} | pdf._IN_FONT
    assert sorted(char for char in assumed if pdf_fonts.drawn(char) and char not in glyphs) == []
