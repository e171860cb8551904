"""Print the HTML with headless Chromium, as the README tells a person to, and read the PDF back.

The HTML must print as the same document as ``cchc render --format pdf``: one
serif typeface with every Vietnamese letter (no fallback font), A4 portrait for
the text and landscape for the table, page numbers centred in the top margin
from page 2 on and no browser stamps, full pages that name their section and
task, every product printed in full (no row cut away, no hyphenation), the
table's column headings on every page of it, and screen-only notes off paper.
The checks are shared with tests/test_print.py.

Needs ``chromium`` (or ``chromium-browser``) 131 or later (page margin boxes),
the fonts of fonts-liberation2, and poppler-utils (Debian: ``apt-get install
chromium fonts-liberation2 poppler-utils``). Without them the tests are skipped,
except on CI (``CI=true``), where a missing tool is a failure.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cchc.load import load_plan
from cchc.outputs.html import render_plan
from test_print import (
    MAX_PAGES,
    ORIENTATIONS,
    check_margins,
    check_one_serif_typeface,
    check_orientations,
    check_page_numbers,
    check_products,
    check_sizes,
    check_table_pages,
    keep_pngs,
    need,
    read_pdf,
    run,
)

ROOT = Path(__file__).resolve().parent.parent
PLANS = {
    "2021": ROOT / "plans" / "2021.yaml",
    "hostile": ROOT / "tests" / "data" / "render" / "hostile.yaml",
    "so-tu-phap": ROOT / "tests" / "data" / "valid" / "ke-hoach-so-tu-phap.yaml",
    "huyen": ROOT / "tests" / "data" / "valid" / "ke-hoach-huyen.yaml",
}
COLUMN_HEADING = "Cơ quan phối hợp"


def print_to_pdf(html_path: Path, pdf_path: Path, profile: Path) -> None:
    """Chromium's print of *html_path*, with a new empty profile and no header or footer of its own."""
    chromium = need("chromium", "chromium-browser")
    run(
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf_path}",
        html_path.as_uri(),
        timeout=120,
    )
    assert pdf_path.is_file() and pdf_path.stat().st_size > 0, "chromium wrote no PDF"


@pytest.fixture(scope="module", params=sorted(PLANS))
def printed(request, tmp_path_factory):
    """(name, plan, the printed HTML read back) for each test plan."""
    need("pdftotext")
    loaded = load_plan(PLANS[request.param])
    assert loaded.plan is not None, loaded.problems
    work = tmp_path_factory.mktemp(f"print-{request.param}")
    html_path, pdf_path = work / "plan.html", work / "plan.pdf"
    html_path.write_text(render_plan(loaded.plan, "html"), encoding="utf-8")
    print_to_pdf(html_path, pdf_path, work / "profile")
    return request.param, loaded.plan, read_pdf(pdf_path)


def test_one_serif_typeface_embedded(printed):
    check_one_serif_typeface(printed[2])


#: A browser prints the HTML, whose kế hoạch with nothing before its table keeps its letterhead on a page of
#: its own: only cchc's PDF, which lays the plan out both ways, puts it on the table's page (a browser cannot
#: move the last row over to the signature when the letterhead leaves the signature no room).
BROWSER_ORIENTATIONS = {**ORIENTATIONS, "huyen": "PL"}


def test_page_sizes(printed):
    name, _, pdf = printed
    check_orientations(pdf, BROWSER_ORIENTATIONS[name])


def test_page_numbers_and_no_browser_stamps(printed):
    _, _, pdf = printed
    check_page_numbers(pdf)
    # Chromium's own header and footer (date, title, file:// address, "2/8") would sit in the margins.
    assert "file:" not in pdf.text and f"/{len(pdf.pages)}" not in "".join(line.text for page in pdf.pages for line in page.header)


def test_text_keeps_to_the_margins(printed):
    check_margins(printed[2])


def test_type_sizes(printed):
    check_sizes(printed[2])


def test_every_product_is_printed(printed):
    _, plan, pdf = printed
    check_products(pdf, plan)
    if plan.plan.total_in_words:
        assert re.sub(r"\s+", "", plan.plan.total_in_words) in re.sub(r"\s+", "", pdf.text)


def test_table_pages_are_full_and_name_their_section_and_task(printed):
    name, plan, pdf = printed
    check_table_pages(pdf, plan, MAX_PAGES[name])


def test_table_header_repeats_on_every_plan_page(printed):
    _, _, pdf = printed
    for page in pdf.pages:
        assert page.text.count(COLUMN_HEADING) == (1 if page.landscape else 0), f"page {page.number}"


def test_screen_only_notes_are_not_printed(printed):
    _, _, pdf = printed
    text = pdf.text
    assert "Tổng các khoản ghi số" not in text
    assert "Ghi chú của người biên tập" not in text
    assert not re.search(r"\[\d+\]", text)


def test_pages_are_kept_as_png(printed, tmp_path):
    name, _, pdf = printed
    made = keep_pngs(pdf, f"chromium-{name}", tmp_path, list(range(1, len(pdf.pages) + 1)))
    assert len(made) == len(pdf.pages)
    assert all(png.stat().st_size > 1000 for png in made)
