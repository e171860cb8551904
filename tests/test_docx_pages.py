"""Where the Word plan's text falls on the printed pages: converted by LibreOffice to PDF, read with poppler.

Rows of the task table never split across pages, except a row taller than a page,
which must split rather than lose its text at the page's foot. The signature block
is never left alone on a page. Without soffice or poppler the PDF tests skip, except
under CI=true, where they fail (as in tests/test_docx_export.py).
"""

from __future__ import annotations

import io
import subprocess

import docx
import pytest

from cchc.load import load_plan
from cchc.outputs.docx import render_docx
from cchc.outputs.view import build_view
from conftest import DATA, PLAN
from test_docx_export import _pages, _squeeze, _text, _tools_or_skip, item_rows, task_table

MINIMAL = DATA / "valid" / "minimal.yaml"
DISTRICT = DATA / "valid" / "ke-hoach-huyen.yaml"  # a kế hoạch that signs right after its table
DEPARTMENT = DATA / "valid" / "ke-hoach-so-tu-phap.yaml"  # a kế hoạch with prose after its table
LONG_LINES = 121  # a product of 121 lines: four pages' worth of the table


def _plan_with(tmp_path, name: str, products: list[str], task: str = "Xây dựng kế hoạch"):
    """The minimal plan with its task's items given *products* (as many items as products), its task titled *task*."""
    text = MINIMAL.read_text(encoding="utf-8").replace("title: Xây dựng kế hoạch", f"title: {_quoted(task)}")
    head, _ = text.split("        items:\n", 1)
    items = "".join(
        f"          - id: I-{n}\n            product: {_quoted(product)}\n            lead: [Sở Nội vụ]\n"
        f"            deadline: Quý II/2021\n            budget: {n}\n"
        for n, product in enumerate(products, start=1)
    )
    total = sum(range(1, len(products) + 1))
    text = head.replace("total_million_vnd: 12.5", f"total_million_vnd: {total}").replace(
        "  total_in_words: Mười hai triệu năm trăm nghìn đồng\n", ""
    )
    path = tmp_path / f"{name}.yaml"
    path.write_text(text + "        items:\n" + items, encoding="utf-8")
    loaded = load_plan(path)
    assert loaded.plan is not None, loaded.problems
    return loaded.plan


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _lines(count: int) -> str:
    return "\n".join(f"Dòng {n} của sản phẩm" for n in range(count))


WORDS = " ".join(f"từ{n}" for n in range(600)) + " HẾT ĐOẠN"  # one paragraph of some five pages' lines


def _splits(data: bytes) -> list[bool]:
    """For each item row of the Word file: may it split across pages?"""
    return [not row._tr.xpath("./w:trPr/w:cantSplit") for row in item_rows(task_table(docx.Document(io.BytesIO(data))))]


def _largest_unsplit(tmp_path) -> int:
    """The most lines of 'Dòng k của sản phẩm' a product may have and still be a row that never splits."""
    for count in range(10, 60):
        plan = _plan_with(tmp_path, f"fit-{count}", ["Ngắn", _lines(count)])
        if _splits(render_docx(build_view(plan)))[1]:
            return count - 1
    raise AssertionError("a row of 60 lines was still kept whole")


def _grown(tmp_path, name: str, source, anchor: str, extra: str):
    """*source* with *extra* after *anchor*: the plan's table or prose made longer."""
    text = source.read_text(encoding="utf-8")
    assert anchor in text
    path = tmp_path / f"{name}.yaml"
    path.write_text(text.replace(anchor, anchor + extra, 1), encoding="utf-8")
    loaded = load_plan(path)
    assert loaded.plan is not None, loaded.problems
    return loaded.plan


def _signing(tmp_path) -> dict:
    """The test plans, and each grown step by step so that its signature falls at every place on a page."""
    plans = {name: load_plan(path).plan for name, path in (("2021", PLAN), ("district", DISTRICT), ("department", DEPARTMENT))}
    for k in range(0, 14, 2):  # more items at the end of the district's table
        extra = "".join(
            f'          - id: "3.{n + 2}"\n            product: "Báo cáo bổ sung số {n}\\ndòng hai\\ndòng ba"\n'
            f"            lead: [Phòng Tài chính - Kế hoạch]\n            deadline: Quý II/2026\n"
            for n in range(k)
        )
        plans[f"district+{k}"] = _grown(tmp_path, f"district-{k}", DISTRICT, "            budget: 60\n", extra)
    anchor = "      - Các phòng, đơn vị thuộc Sở triển khai thực hiện Kế hoạch này; báo cáo kết quả về Văn phòng Sở trước ngày 10 của tháng cuối quý.\n"
    paragraph = "Đoạn thêm số {n}, viết đủ dài để chiếm hai dòng trên trang giấy dọc khổ A4 của văn bản này."
    for k in range(2, 24, 3):  # more closing prose in the department's
        extra = "".join("      - " + paragraph.format(n=n) + "\n" for n in range(k))
        plans[f"department+{k}"] = _grown(tmp_path, f"department-{k}", DEPARTMENT, anchor, extra)
    anchor = "    - Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n"
    for k in range(10, 22, 2):  # more legal bases in a decision
        extra = "".join(f"    - Căn cứ văn bản thêm số {n}, viết đủ dài để chiếm hai dòng trên trang giấy dọc khổ A4.\n" for n in range(k))
        plans[f"decision+{k}"] = _grown(tmp_path, f"decision-{k}", MINIMAL, anchor, extra)
    return plans


#: A section's name of nine lines in its column, over three items of one line each.
LONG_NAME = "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC VÀ CHẾ ĐỘ CÔNG VỤ, CÔNG CHỨC, VIÊN CHỨC"
NAMED = range(6, 18)  # the items before it: its first row falls at every place near a page's foot


def _long_name_after(tmp_path, before: int):
    """A plan of two sections: *before* items of two lines each, then the section named LONG_NAME."""
    item = "          - id: {id}\n            product: {product}\n            lead: [Phòng Nội vụ]\n            deadline: Quý II/2022\n"
    first = "".join(item.format(id=f"A-{n}", product=f"Báo cáo kết quả thực hiện nhiệm vụ số {n} của cơ quan") for n in range(1, before + 1))
    second = "".join(item.format(id=f"B-{n}", product=f"Báo cáo {n}") for n in range(1, 4))
    path = tmp_path / f"long-name-{before}.yaml"
    path.write_text(
        "plan:\n  title: KẾ HOẠCH Cải cách hành chính năm 2022\n  year: 2022\nagencies:\n  - name: Phòng Nội vụ\nsections:\n"
        f"  - numeral: I\n    title: CẢI CÁCH THỂ CHẾ\n    tasks:\n      - items:\n{first}"
        f"  - numeral: II\n    title: {LONG_NAME}\n    tasks:\n      - items:\n{second}", encoding="utf-8")
    loaded = load_plan(path)
    assert loaded.plan is not None and not loaded.problems, loaded.problems
    return loaded.plan


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    """name -> (plan, its .docx bytes)."""
    work = tmp_path_factory.mktemp("docx-pages-plans")
    fits = _largest_unsplit(work)
    plans = {
        "long": _plan_with(work, "long", ["Ngắn", WORDS, "Ngắn nữa", _lines(LONG_LINES)]),
        # The largest row that is kept whole, after rows that fill half a page: it must move, whole, to the next.
        "fits": _plan_with(work, "fits", ["Mục\nđệm\nthêm"] * 6 + [_lines(fits)]),
        # A task's cell taller than a page, merged down over its two short items.
        "task": _plan_with(work, "task", ["Ngắn", "Ngắn nữa"], task=_lines(LONG_LINES).replace("sản phẩm", "nhiệm vụ")),
        **_signing(work),
        # An article's paragraph with its lines as written: justified, each line that ends in a break was spread.
        "breaks": _grown(work, "breaks", MINIMAL, "        - Phê duyệt Kế hoạch thử nghiệm.\n",
                         '        - "Dòng một của điều\\nDòng hai của điều này, dài hơn dòng một\\nDòng ba"\n'),
    }
    return {name: (plan, render_docx(build_view(plan))) for name, plan in plans.items()}


@pytest.fixture(scope="module")
def pdfs(documents, tmp_path_factory):
    """Each document converted to PDF by LibreOffice with a fresh profile, at once."""
    return _converted(documents, tmp_path_factory.mktemp("docx-pages"))


@pytest.fixture(scope="module")
def named(tmp_path_factory):
    """The plans of a section named LONG_NAME after k items, for k in NAMED: k -> (.docx bytes, its PDF)."""
    work = tmp_path_factory.mktemp("docx-named")
    documents = {f"named-{k}": (None, render_docx(build_view(_long_name_after(work, k)))) for k in NAMED}
    converted = _converted(documents, work)
    return {k: (documents[f"named-{k}"][1], converted[f"named-{k}"]) for k in NAMED}


def _converted(documents, work):
    """name -> the PDF LibreOffice made of the .docx of *documents* (name -> (plan, bytes)), in *work*."""
    soffice, _, _ = _tools_or_skip()
    sources = []
    for name, (_, data) in documents.items():
        path = work / f"{name}.docx"
        path.write_bytes(data)
        sources.append(str(path))
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--convert-to", "pdf", "--outdir", str(work), *sources],
        capture_output=True, text=True, timeout=300,
    )
    converted = {name: work / f"{name}.pdf" for name in documents}
    missing = [name for name, path in converted.items() if not path.exists()]
    assert not missing, f"LibreOffice did not convert {missing}: {result.stdout}{result.stderr}"
    return converted


def _page_texts(pdf) -> list[str]:
    return [_text(pdf, "-f", str(n), "-l", str(n)) for n in range(1, len(_pages(pdf)) + 1)]


# --- rows taller than a page ------------------------------------------------------------------


def test_only_rows_taller_than_a_page_may_split(documents):
    _, data = documents["long"]
    assert _splits(data) == [False, True, False, True]
    table = task_table(docx.Document(io.BytesIO(data)))
    rows = table._tbl.tr_lst
    assert rows[0].xpath("./w:trPr/w:cantSplit") and rows[-1].xpath("./w:trPr/w:cantSplit")  # heading, total
    # The last item keeps with the total row only when it is kept whole: LibreOffice never splits a row that keeps
    # with the next, and cuts it.
    assert not rows[-2].xpath(".//w:keepNext")
    assert rows[-1].xpath(".//w:keepNext")


def test_libreoffice_prints_every_line_of_a_row_taller_than_a_page(pdfs):
    pages = _page_texts(pdfs["long"])
    lines = "\n".join(pages)
    # Word for word: the rows' text is broken only by the page breaks (the heading row repeated on the next page).
    assert [word for word in WORDS.split() if word not in lines.split()] == []
    assert [n for n in range(LONG_LINES) if f"Dòng {n} của sản phẩm" not in lines] == []
    # The rows run on over several pages, the heading row repeated on each, and the total follows the last line.
    assert len(pages) >= 1 + 5 + 4
    for number, page in enumerate(pages[1:], start=2):
        assert _squeeze("Cơ quan chủ trì") in _squeeze(page), number
    total = [page for page in pages if "Tổng cộng" in page]
    assert len(total) == 1 and f"Dòng {LONG_LINES - 1} của sản phẩm" in total[0]


def test_rows_under_a_task_taller_than_a_page_may_split(pdfs, documents):
    _, data = documents["task"]
    assert _splits(data) == [True, True]
    # A line of the narrow task column wraps (its last word may fall on the next page, or after the other cells).
    text = _squeeze("\n".join(_page_texts(pdfs["task"])))
    assert [n for n in range(LONG_LINES) if _squeeze(f"Dòng {n} của nhiệm") not in text] == []
    assert _squeeze("Ngắn nữa") in text and _squeeze("Tổng cộng") in text


def test_a_row_that_fits_on_a_page_is_never_split(pdfs, documents):
    """The estimate errs on the tall side: the tallest row kept whole fits on a page, and moves to the next one whole."""
    plan, data = documents["fits"]
    assert not any(_splits(data))
    *_, (_, _, tall) = plan.items()
    count = len(tall.product.split("\n"))
    assert count >= 20  # a page holds some 29 such lines under the heading row; the estimate may not waste much
    pages = _page_texts(pdfs["fits"])
    holding = [n for n, page in enumerate(pages) if "Dòng" in page]
    assert len(holding) == 1, f"the row of {count} lines was split over pages {holding}"
    assert all(f"Dòng {k} của sản phẩm" in pages[holding[0]] for k in range(count))
    assert "Mục" in pages[holding[0] - 1]  # it followed the short rows to the next page


# --- the signature block ---------------------------------------------------------------------------


def test_a_sections_name_merged_over_short_rows_is_never_cut_by_a_page(named):
    """A district's section "III. CẢI CÁCH TỔ CHỨC BỘ MÁY … VÀ CHẾ ĐỘ" stood at the foot of page 2 and "CÔNG VỤ" at
    the top of page 3: the rows under its merged cell were one line each, and a page fell between them. The rows
    under a merged name now keep with the next until they are as tall as it (as Word and LibreOffice read it)."""
    moved = 0
    for k in NAMED:
        pages = _page_texts(named[k][1])
        where = lambda text: [n for n, page in enumerate(pages, start=1) if _squeeze(text) in _squeeze(page)]  # noqa: E731
        (page,) = where("II. CẢI CÁCH TỔ")
        assert where("VIÊN CHỨC") == [page] and where("Báo cáo 1 ") == [page], (k, where("VIÊN CHỨC"))
        moved += where(f"nhiệm vụ số {k} của") != [page]
    assert moved, "the section never came after a page's foot: the range does not test it"
    # In the file: the first two rows under the long name keep with the next (every paragraph of their own cells);
    # the rows under "I. CẢI CÁCH THỂ CHẾ", as tall as its name from the first, keep with nothing. (The table's last
    # row keeps with the signature's block, which follows it on its page.)
    rows = item_rows(task_table(docx.Document(io.BytesIO(named[NAMED[0]][0]))))
    keeps = [{bool(p.xpath("./w:pPr/w:keepNext")) for tc in row._tr.tc_lst for p in tc.p_lst} for row in rows[:-1]]
    assert keeps == [{False}] * NAMED[0] + [{True}, {True}], keeps


def test_the_district_plan_signs_on_its_tables_page_as_cchcs_pdf_does(pdfs):
    pages = _pages(pdfs["district"])
    assert ["landscape" if w > h else "portrait" for w, h in pages] == ["portrait", "landscape"]
    last = _text(pdfs["district"], "-f", "2", "-l", "2")
    assert "Tổng cộng" in last and "Nơi nhận:" in last and "Trần Văn B" in last


def _closing_lines(plan) -> list[str]:
    document = plan.decision if plan.decision is not None else plan.plan
    signer = document.signer
    return ["Nơi nhận:", *(f"- {r}" for r in document.recipients), signer.authority or "", signer.position, signer.name or ""]


HEADINGS = ["STT", "Nội dung", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
            "Kinh phí dự kiến (triệu đồng)"]


def test_the_signature_is_never_alone_on_its_page(pdfs, documents):
    """On the page that holds Nơi nhận and the signature there is more: the end of the table, prose or articles."""
    for name, (plan, _) in documents.items():
        if name in ("long", "fits", "task"):
            continue
        pages = _page_texts(pdfs[name])
        signed = [n for n, page in enumerate(pages, start=1) if "Nơi nhận:" in page]
        assert len(signed) == 1, name
        page = _squeeze(pages[signed[0] - 1])
        assert _squeeze(plan.decision.signer.name if plan.decision else plan.plan.signer.name) in page, name
        page = page.removeprefix(str(signed[0]))  # the page number
        for line in sorted(_closing_lines(plan) + HEADINGS, key=len, reverse=True):
            page = page.replace(_squeeze(line), "", 1)
        assert len(page) >= 20, f"{name}: page {signed[0]} holds only the signature block ({page!r})"


# --- the estimate ---------------------------------------------------------------------------------


def test_a_letter_with_marks_is_as_wide_as_its_base_letter():
    from cchc.outputs.docx_fit import char_width

    assert char_width("ệ") == char_width("ế") == char_width("e") == 444
    assert char_width("Ế") == char_width("E") and char_width("ữ") == char_width("ư") > char_width("u")
    assert char_width("\u0301") == 0  # a combining mark standing alone
    assert char_width("中") == char_width("W") == 1000  # anything unknown is taken as wide as the widest


def test_lines_break_at_spaces_and_a_word_longer_than_a_line_between_its_letters():
    from cchc.outputs.docx_fit import line_count

    assert line_count("", 1000) == 1
    assert line_count("ab ab", 2400) == 1  # 500 + 556, a space of 250, 500 + 556
    assert line_count("ab ab ab", 2400) == 2
    assert line_count("m" * 10, 2000) == 5  # 8,330 thousandths of an em over lines of 2,000
    assert line_count("a  b", 10_000) == 1


def test_a_justified_line_that_ends_in_a_line_break_is_not_spread_across_the_page(pdfs):
    lines = _text(pdfs["breaks"], "-layout", "-f", "1", "-l", "1").splitlines()
    line = next(line for line in lines if "Dòng" in line and "một" in line and "điều" in line)
    assert "Dòng một của điều" in line, line  # words a space apart, not spread to the right margin
