"""A row over half a page tall prints: split across pages under the headings, never a blank page, never no PDF.

Kept whole, WeasyPrint laid out a row of some 1,900 characters (25 lines, a page with the headings repeated over
it) for ever (no PDF after the two minutes `render` gives it); one of 1,500 left a page holding only the page
number, or the signature alone; one of 2,000 printed on a page without the column headings or its section's.
"""

from __future__ import annotations

import pytest

from test_print import COLUMN_HEADING, PLANS, _load, _render_pdf, filled, read_pdf, signature_only, squeeze

SENTENCE = "Rà soát, đánh giá, sửa đổi, bổ sung, thay thế hoặc bãi bỏ các văn bản quy phạm pháp luật không còn phù hợp; "


def _with_long_product(times: int, at: int = 1):
    """The district plan with the product of its item *at* (in the plan's order) made *times* sentences long."""
    plan = _load(PLANS["huyen"])
    sections, seen = [], 0
    for section in plan.sections:
        tasks = []
        for task in section.tasks:
            items = []
            for item in task.items:
                items.append(item.model_copy(update={"product": (SENTENCE * times).strip()}) if seen == at else item)
                seen += 1
            tasks.append(task.model_copy(update={"items": items}))
        sections.append(section.model_copy(update={"tasks": tasks}))
    return plan.model_copy(update={"sections": sections})


@pytest.mark.parametrize("times", [14, 18, 27], ids=["1,500 characters", "1,900", "2,900 (over a page)"])
def test_a_tall_row_prints_split_under_the_headings_with_no_blank_page(tmp_path, times):
    plan = _with_long_product(times)
    path = tmp_path / "tall.pdf"
    path.write_bytes(_render_pdf(plan, bounded=True))  # PdfStopped (a failure) where WeasyPrint would not end
    printed = read_pdf(path)
    for page in printed.pages:
        assert [line for line in page.body if line.text.strip()], f"page {page.number} holds nothing but its number"
        if page.landscape and not (page is printed.pages[-1] and signature_only(page)):
            assert page.text.count(COLUMN_HEADING) == 1, f"page {page.number} lacks the column headings"
    long_product = (SENTENCE * times).strip()
    holding = [page for page in printed.pages if "thay thế hoặc bãi bỏ" in page.text]
    assert len(holding) >= 2, "the tall row was not split"  # it cannot all fit where the headings and rows above leave room
    for page in holding:  # each part of the row under its section's and task's headings
        assert page.has("1. Công tác chỉ đạo, điều hành"), f"page {page.number} does not name the row's section"
    # Whole and in order: its words a subsequence of the document's (the headings repeated where it is split come
    # between them), each of its sentences once.
    words = iter(printed.text.split())
    assert all(word in words for word in long_product.split()), "the product is not printed whole, in order"
    assert squeeze(printed.text).count(squeeze("phù hợp;")) == times
    # The signature starts a page alone only when the table's last row and the total, going over with it, would
    # leave the page before less than about two thirds full (1,500 characters: 47 %, as it printed before).
    signing = printed.page_with("Trần Văn B")
    last_product = plan.sections[-1].tasks[-1].items[-1].product
    if times == 14:
        assert signature_only(signing) and printed.pages[-2].has("Tổng cộng") and printed.pages[-2].has(last_product)
    else:
        assert signing.has("Tổng cộng") and signing.has(last_product)
    assert all(filled(page) >= 0.65 for page in printed.pages[1:-1]), [round(filled(page), 2) for page in printed.pages]
    assert len(printed.pages) <= 4


def test_only_a_row_over_half_a_page_is_marked_to_split():
    from cchc.outputs import pdf
    from cchc.outputs.html import render_plan
    from cchc.outputs.view import build_view

    for name in PLANS:  # the plans of the other print tests: no row is that tall, their PDF unchanged
        plan = _load(PLANS[name])
        view = build_view(plan)
        assert pdf._tall_rows(view, render_plan(plan, "html", view=view)) == [], name
    plan = _with_long_product(14, at=2)
    view = build_view(plan)
    document = render_plan(plan, "html", view=view)
    tall = pdf._tall_rows(view, document)
    assert tall == [2]
    marked = pdf._marked_tall(document, tall)
    assert marked.count('<tr class="item tall">') == 1 and marked.count('<tr class="item') == document.count('<tr class="item">')
    assert marked.split('<tr class="item')[3].startswith(' tall">')


def test_a_tall_row_splits_with_a_copy_of_cchcs_templates_too(tmp_path):
    # --template-dir with an unmodified copy of the templates: the layout ran 120 s and was stopped, "the template failed".
    import shutil
    from pathlib import Path

    import cchc

    templates = tmp_path / "mau"
    shutil.copytree(Path(cchc.__file__).parent / "templates", templates)
    plan = _with_long_product(18, at=3)  # the last row, with the signature to keep company
    path = tmp_path / "tall.pdf"
    path.write_bytes(_render_pdf(plan, template_dir=templates))
    printed = read_pdf(path)
    assert squeeze(printed.text).count(squeeze("phù hợp;")) == 18
    assert all(page.text.count(COLUMN_HEADING) == 1 for page in printed.pages if page.landscape)
