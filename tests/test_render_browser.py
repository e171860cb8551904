"""Print the HTML with headless Chromium and read the PDF back with poppler-utils.

Checks what only a browser shows: every product is printed in full (no row cut away,
no hyphenation), the decision pages are A4 portrait and the plan pages A4 landscape,
the table header repeats on every plan page, and screen-only notes stay off paper.

Needs ``chromium`` (or ``chromium-browser``), ``pdftotext`` and ``pdfinfo``
(Debian: ``apt-get install chromium poppler-utils``). Without them the tests are
skipped, except on CI (``CI=true``), where a missing tool is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from cchc.load import load_plan
from cchc.outputs.html import render_plan

ROOT = Path(__file__).resolve().parent.parent
PLANS = {
    "2021": ROOT / "plans" / "2021.yaml",
    "hostile": ROOT / "tests" / "data" / "render" / "hostile.yaml",
}
A4 = (595, 842)  # points
TOLERANCE = 2
TABLE_HEADER = "Cơ quan phối hợp"


def _tool(*names: str) -> str:
    """The first of *names* on PATH; skip (fail on CI) when there is none."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    message = f"{' or '.join(names)} not found on PATH (apt-get install chromium poppler-utils)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def _run(*args, timeout: int = 60) -> str:
    result = subprocess.run(args, capture_output=True, timeout=timeout, check=False)
    assert result.returncode == 0, f"{args[0]} failed ({result.returncode}): {result.stderr.decode(errors='replace')}"
    return result.stdout.decode("utf-8")


def _print_to_pdf(html_path: Path, pdf_path: Path, profile: Path) -> None:
    chromium = _tool("chromium", "chromium-browser")
    _run(
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
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
    """(plan, pages' text, pages' sizes) for the printed HTML of each test plan."""
    pdftotext, pdfinfo = _tool("pdftotext"), _tool("pdfinfo")
    loaded = load_plan(PLANS[request.param])
    assert loaded.plan is not None, loaded.problems
    work = tmp_path_factory.mktemp(f"print-{request.param}")
    html_path, pdf_path = work / "plan.html", work / "plan.pdf"
    html_path.write_text(render_plan(loaded.plan, "html"), encoding="utf-8")
    _print_to_pdf(html_path, pdf_path, work / "profile")
    # -raw keeps the order Chromium draws in, cell by cell; the default mode
    # interleaves the lines of cells that sit side by side.
    text = unicodedata.normalize("NFC", _run(pdftotext, "-raw", "-enc", "UTF-8", str(pdf_path), "-"))
    pages = text.split("\f")[:-1]  # pdftotext ends every page with a form feed
    info = _run(pdfinfo, "-f", "1", "-l", "999", str(pdf_path))
    sizes = [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)]
    assert len(sizes) == len(pages) > 1
    return loaded.plan, pages, sizes


def _squeeze(text: str) -> str:
    # Line breaks fall anywhere in a cell; whitespace is dropped, so only the characters
    # count (a hyphen added by hyphenation would show up as a mismatch).
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def _is(size, width, height) -> bool:
    return abs(size[0] - width) <= TOLERANCE and abs(size[1] - height) <= TOLERANCE


def test_every_product_is_printed(printed):
    plan, pages, _ = printed
    printed_text = _squeeze("".join(pages))
    missing = [item.id for _, _, item in plan.items() if _squeeze(item.product) not in printed_text]
    assert not missing, f"products not found in the PDF text: {missing}"
    assert _squeeze(plan.plan.total_in_words) in printed_text


def test_page_sizes(printed):
    _, pages, sizes = printed
    first_plan_page = next(n for n, page in enumerate(pages) if TABLE_HEADER in page)
    assert first_plan_page >= 1, "the plan table must start after the decision"
    assert _is(sizes[0], *A4), f"page 1 is {sizes[0]}, not A4 portrait"
    for n, size in enumerate(sizes):
        if n < first_plan_page:
            assert _is(size, *A4), f"decision page {n + 1} is {size}, not A4 portrait"
        else:
            assert _is(size, *reversed(A4)), f"plan page {n + 1} is {size}, not A4 landscape"


def test_table_header_repeats_on_every_plan_page(printed):
    _, pages, _ = printed
    first_plan_page = next(n for n, page in enumerate(pages) if TABLE_HEADER in page)
    for n, page in enumerate(pages[first_plan_page:], start=first_plan_page + 1):
        assert page.count(TABLE_HEADER) == 1, f"page {n} lacks the table header"


def test_screen_only_notes_are_not_printed(printed):
    _, pages, _ = printed
    text = "".join(pages)
    assert "Tổng các khoản ghi số" not in text
    assert "Ghi chú của người biên tập" not in text
    assert not re.search(r"\[\d+\]", text)
