"""Tests for cchc.outputs.html: golden files, escaping, filters and template loading.

The golden files in tests/golden/ are the exact expected output for plans/2021.yaml.
After an intended change to render.py or a template, regenerate them with

    CCHC_UPDATE_GOLDEN=1 PYTHONPATH=. pytest -q tests/test_render.py

(the golden tests then rewrite their file and pass), and review the diff of
tests/golden/ before committing it.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc.agencies import AgencyRegistry
from cchc.load import load_plan
from cchc.model import Agency
from cchc.outputs.html import FORMATS, TemplateFailure, escape_markdown, render_plan, template_directories

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
HOSTILE = ROOT / "tests" / "data" / "render" / "hostile.yaml"
COLUMNS = 7  # Markdown: Nhiệm vụ, Mã, Sản phẩm, Chủ trì, Phối hợp, Thời gian, Kinh phí
HTML_COLUMNS = 5  # HTML: Nhiệm vụ/sản phẩm, Chủ trì, Phối hợp, Thời gian, Kinh phí


def _load(path: Path):
    loaded = load_plan(path)
    assert loaded.plan is not None, loaded.problems
    return loaded.plan


@pytest.fixture(scope="module")
def plan():
    return _load(ROOT / "plans" / "2021.yaml")


@pytest.fixture(scope="module")
def hostile():
    return _load(HOSTILE)


def _agency(plan, name):
    return AgencyRegistry(plan.agencies).resolve(name)


def unescape_markdown(text: str) -> str:
    """Undo escape_markdown: <br> back to a newline, then drop each escaping backslash."""
    return re.sub(r"\\(.)", r"\1", text.replace("<br>", "\n"))


def table_rows(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("|")]


def cells(row: str) -> list[str]:
    """The cells of a GFM table row: GFM splits on every '|' not preceded by a backslash."""
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]]


# --- golden files -------------------------------------------------------------------

GOLDEN_CASES = {
    "plan-2021.html": dict(fmt="html"),
    "plan-2021.md": dict(fmt="md"),
    "plan-2021-II.md": dict(fmt="md", section="II"),
    "plan-2021-so-tu-phap.html": dict(fmt="html", agency="Sở Tư pháp"),
}


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden(plan, name):
    case = dict(GOLDEN_CASES[name])
    if "agency" in case:
        case["agency"] = _agency(plan, case["agency"])
    output = render_plan(plan, case.pop("fmt"), **case)
    path = GOLDEN / name
    if os.environ.get("CCHC_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(output.encode("utf-8"))
        return
    assert path.exists(), f"{path} is missing; run with CCHC_UPDATE_GOLDEN=1 to create it"
    expected = path.read_bytes().decode("utf-8")
    assert output == expected, f"{name} differs from the golden file; see the module docstring"


# --- content ------------------------------------------------------------------------


@pytest.mark.parametrize("plan_name", ["plan", "hostile"])
def test_every_product_line_appears_in_both_formats(plan_name, request):
    the_plan = request.getfixturevalue(plan_name)
    page = html.unescape(render_plan(the_plan, "html"))
    markdown = unescape_markdown(render_plan(the_plan, "md"))
    for _, _, item in the_plan.items():
        for line in item.product.splitlines():
            assert line in page, (item.id, line)
            assert line in markdown, (item.id, line)


def test_html_document_shape(plan):
    page = render_plan(plan, "html")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="vi">' in page and '<meta charset="utf-8">' in page
    assert f"<title>{plan.plan.title}</title>" in page
    for css in (
        "@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }",
        "@page plan { size: A4 landscape; margin: 20mm 15mm 20mm 30mm; }",
        "@top-center { content: counter(page);",
        "@page :first { @top-center { content: none; } }",
        "page: plan;",
        "break-before: page;",
        "thead { display: table-header-group; }",
        "tr { break-inside: avoid; page-break-inside: avoid; }",
        "@media print { .screen-only { display: none !important; } }",
        '"Times New Roman", "Liberation Serif", Tinos, "TeX Gyre Termes", serif',
    ):
        assert css in page
    assert "Số: 3669/QĐ-UBND" in page
    assert "Thái Bình, ngày 31 tháng 12 năm 2020" in page
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page and "Độc lập - Tự do - Hạnh phúc" in page
    assert "<b>Điều 1.</b> Phê duyệt" in page
    assert "Tổng kinh phí: 200.000.000đ (Bằng chữ: Hai trăm triệu đồng chẵn)" in page


@pytest.mark.parametrize("plan_name", ["plan", "hostile"])
def test_html_is_self_contained(plan_name, request):
    page = render_plan(request.getfixturevalue(plan_name), "html").lower()
    for forbidden in ("http://", "https://", "<script", "@import", "url(", "<link", "<img", "<a "):
        assert forbidden not in page


class _Grid(HTMLParser):
    """The plan table's rows, nested section and task tables included, as (class, [(rowspan, colspan, text)]).

    A row that only holds a nested table (class "nest") is left out: its table's rows are listed in order.
    """

    def __init__(self):
        super().__init__()
        self.rows: list[tuple[str, list[list]]] = []
        self.depth = 0  # tables open inside the plan table, itself included
        self.cell: list | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and (self.depth or attrs.get("class") == "plan-table"):
            self.depth += 1
        elif self.depth and tag == "tr":
            self.rows.append((attrs.get("class") or "", []))
        elif self.depth and tag in ("td", "th"):
            self.cell = [int(attrs.get("rowspan", 1)), int(attrs.get("colspan", 1)), ""]
            self.rows[-1][1].append(self.cell)

    def handle_endtag(self, tag):
        if tag == "table" and self.depth:
            self.depth -= 1
        elif tag in ("td", "th"):
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[2] += data

    @property
    def table(self) -> list[tuple[str, list[list]]]:
        return [(kind, cells) for kind, cells in self.rows if kind != "nest"]


@pytest.mark.parametrize("plan_name", ["plan", "hostile"])
def test_html_rows_span_every_column(plan_name, request):
    """No rowspans: sections and tasks are heading rows across the table, so a page can break anywhere between rows."""
    the_plan = request.getfixturevalue(plan_name)
    grid = _Grid()
    grid.feed(render_plan(the_plan, "html"))
    for kind, row in grid.table:
        if kind in ("words", "screen-only gap"):
            continue
        assert all(rowspan == 1 for rowspan, _, _ in row), row
        assert sum(colspan for _, colspan, _ in row) == HTML_COLUMNS, row
    kinds = [kind for kind, _ in grid.table]
    headings = [row[0][2] for kind, row in grid.table if kind == "section-heading"]
    assert headings == [section.heading for section in the_plan.sections]
    assert kinds.count("item") == sum(1 for _ in the_plan.items())
    if plan_name == "plan":
        # Section I opens the table; task 4's heading is followed by its five items.
        assert grid.table[1] == ("section-heading", [[1, 5, "I. CẢI CÁCH THỂ CHẾ"]])
        start = next(n for n, (_, row) in enumerate(grid.table) if row[0][2].startswith("4. Triển khai"))
        assert kinds[start + 1 : start + 7] == ["item"] * 5 + ["section-heading"]


def test_html_amounts_and_agencies(plan):
    page = render_plan(plan, "html")
    assert '<td class="num">10</td>' in page
    assert "<td>Theo dự án</td>" in page
    assert "<td>Sở, ban, ngành; UBND huyện, thành phố; UBND xã, phường, thị trấn</td>" in page
    # A product of two lines prints as two lines.
    assert "ở 3 cấp tỉnh, huyện, xã<br>Tổ chức kiểm tra" in page
    assert '<tr class="total"><td class="label" colspan="4">Tổng cộng</td><td class="num">200</td></tr>' in page


def test_html_gaps_are_screen_only(plan):
    page = render_plan(plan, "html")
    gap = "Tổng các khoản ghi số: 190 triệu đồng; chênh lệch -10 triệu đồng so với tổng kinh phí công bố"
    assert re.search(r'<tr class="screen-only gap"><td colspan="5">' + re.escape(gap), page)
    notes = re.findall(r'<span class="screen-only note" title="([^"]*)">\[(\d+)\]</span>', page)
    assert [int(n) for _, n in notes] == list(range(1, len(notes) + 1))
    assert len(notes) == sum(1 for *_, item in plan.items() if item.note)
    assert '<div class="screen-only notes">' in page


def test_markdown_structure(plan):
    markdown = render_plan(plan, "md")
    assert markdown.startswith("# KẾ HOẠCH CÔNG TÁC CẢI CÁCH HÀNH CHÍNH TỈNH THÁI BÌNH NĂM 2021\n")
    for line in ("- Quyết định số: 3669/QĐ-UBND", "- Ngày: 31/12/2020", "- Nơi ban hành: Thái Bình"):
        assert line + "\n" in markdown
    assert markdown.count("\n## ") == len(plan.sections) + 3  # + the decision, totals, editor's notes
    assert markdown.count("| Nhiệm vụ | Mã | Sản phẩm |") == len(plan.sections)
    assert "Cộng mục I: 40 triệu đồng" in markdown
    assert "- Tổng cộng (công bố): 200 triệu đồng" in markdown
    assert "- Tổng các khoản ghi số: 190 triệu đồng; chênh lệch -10 triệu đồng so với tổng kinh phí công bố" in markdown
    assert "Tổng kinh phí: 200.000.000đ (Bằng chữ: Hai trăm triệu đồng chẵn)" in markdown  # as the source writes it
    # A section with no amount has no sum printed: no made-up "0 triệu đồng".
    assert "Cộng mục III" not in markdown and " 0 triệu đồng" not in markdown
    # The task is written on the first row of its group only.
    rows = {cells(r)[1]: cells(r) for r in table_rows(markdown)}
    assert rows["I-5"][0].startswith("4. Triển khai") and rows["I-6"][0] == ""
    assert rows["VI-1"][0] == ""  # rows under no task


# --- hostile text -------------------------------------------------------------------


def test_hostile_html_is_escaped(hostile):
    page = render_plan(hostile, "html")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "R&amp;D" in page and "R&D" not in page
    assert "<b>thử</b>" not in page and "<i>THỬ</i>" not in page
    text = html.unescape(page)
    for _, _, item in hostile.items():
        for line in item.product.splitlines():
            assert line in text
    assert "Dòng một có a | b và **bold**<br>Dòng hai có R&amp;D" in page
    # The editor's note sits in an attribute: quotes must not end it.
    assert 'title="Ghi chú &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;trích dẫn&#34; &#39;đơn&#39;."' in page


def test_hostile_markdown_tables_keep_their_cells(hostile):
    markdown = render_plan(hostile, "md")
    assert "<script>" not in markdown and "</script>" not in markdown
    rows = table_rows(markdown)
    assert len(rows) == 2 * 2 + 4  # header and rule per section, plus four items
    for row in rows:
        assert len(cells(row)) == COLUMNS, row
    products = {cells(r)[1]: unescape_markdown(cells(r)[2]) for r in rows}
    assert products["H-1"] == "<script>alert(1)</script> sản phẩm"
    assert products["H-2"] == next(i for *_, i in hostile.items() if i.id == "H-2").product.rstrip("\n")
    assert products["H\\_3"] == "Không nhiệm vụ: a\\b \\| c _x_ ~~gạch~~ &copy; &#38; 1. danh sách"


def test_hostile_markdown_renders_as_gfm(hostile):
    markdown_it = pytest.importorskip("markdown_it")
    source = render_plan(hostile, "md")
    parser = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
    tokens = parser.parse(source)
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) == 2 + 4
    cells_per_row, count = [], 0
    for token in tokens:
        if token.type in ("th_open", "td_open"):
            count += 1
        elif token.type == "tr_close":
            cells_per_row.append(count)
            count = 0
    assert cells_per_row == [COLUMNS] * len(rows)
    rendered = parser.render(source)
    # The only bold is the template's own: the decision's authority line, "QUYẾT ĐỊNH:", "Điều N." and "Nơi nhận:".
    assert re.findall(r"<strong>(.*?)</strong>", rendered) == ["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THỬ &amp; NGHIỆM", "QUYẾT ĐỊNH:", "Điều 1.", "Nơi nhận:"]
    for tag in ("<script", "<a ", "<code>", "<del>", "<b>", "<i>"):
        assert tag not in rendered
    assert rendered.count("<em>") == 2  # the subtitle and the legal basis, set in italics by the template
    # A GFM reader shows each product exactly as the plan writes it.
    shown = dict(re.findall(r"<tr>\n<td>.*?</td>\n<td>(.*?)</td>\n<td>(.*?)</td>", rendered))
    for _, _, item in hostile.items():
        assert html.unescape(shown[item.id].replace("<br>", "\n")) == item.product.rstrip("\n")


@given(st.text())
def test_escape_markdown_is_one_literal_line(text):
    escaped = escape_markdown(text)
    assert "\n" not in escaped and "\r" not in escaped
    assert not re.search(r"(?<!\\)[|*_`<>\[\]#$]", escaped.replace("<br>", ""))
    from cchc.text import _UNSAFE

    assert not _UNSAFE.search(escaped)  # control, bidi and invisible characters are shown escaped
    if _UNSAFE.search(text.replace("\r", "\n").replace("\t", " ")):
        return
    expected = re.sub(r"\r\n|\r", "\n", text.rstrip("\r\n"))
    assert unescape_markdown(escaped) == expected


def test_escape_markdown_examples():
    assert escape_markdown("a | b") == r"a \| b"
    assert escape_markdown("**bold**") == r"\*\*bold\*\*"
    assert escape_markdown("one\r\ntwo\rthree\nfour\n") == "one<br>two<br>three<br>four"
    assert escape_markdown("R&D &amp; &#38;") == r"R&D \&amp; &\#38;"
    assert escape_markdown("Sở\u202e Nội\x1b[31m vụ\xad") == r"Sở\u202e Nội\x1b\[31m vụ\xad"
    assert escape_markdown("Giá $$x$$, 5$") == r"Giá \$\$x\$\$, 5\$"  # GitHub reads $…$ as mathematics


# --- templates ----------------------------------------------------------------------


def test_template_directories(tmp_path):
    (packaged,) = template_directories(None)
    assert (packaged / "plan.html.j2").is_file() and (packaged / "plan.md.j2").is_file()
    assert template_directories(tmp_path) == [tmp_path, packaged]


def test_template_dir_overrides_by_file_name(plan, tmp_path):
    (tmp_path / "plan.md.j2").write_text("Tỉnh: {{ view.plan.plan.title|md }} | {{ view.totals.declared }}\n", "utf-8")
    assert render_plan(plan, "md", template_dir=tmp_path) == f"Tỉnh: {plan.plan.title} | 200\n"
    # Formats the directory does not override come from cchc's templates.
    assert render_plan(plan, "html", template_dir=tmp_path) == render_plan(plan, "html")


def test_undefined_variable_is_a_located_template_failure(plan, tmp_path):
    (tmp_path / "plan.md.j2").write_text("line one\n{{ view.no_such_field }}\n", "utf-8")
    with pytest.raises(TemplateFailure) as failure:
        render_plan(plan, "md", template_dir=tmp_path)
    assert failure.value.template.endswith("plan.md.j2") and failure.value.line == 2
    assert "no_such_field" in failure.value.reason
    (tmp_path / "plan.html.j2").write_text("<p>{{ nothing }}</p>\n", "utf-8")
    with pytest.raises(TemplateFailure):
        render_plan(plan, "html", template_dir=tmp_path)
    (tmp_path / "plan.html.j2").write_text("<p>{% if %}</p>\n", "utf-8")
    with pytest.raises(TemplateFailure) as syntax:
        render_plan(plan, "html", template_dir=tmp_path)
    assert syntax.value.line == 1


def test_template_dir_is_sandboxed(plan, tmp_path):
    (tmp_path / "plan.md.j2").write_text("{{ view.__class__.__init__.__globals__['os'].system('echo pwned') }}\n", "utf-8")
    with pytest.raises(TemplateFailure) as failure:
        render_plan(plan, "md", template_dir=tmp_path)
    assert "SecurityError" in failure.value.reason or "unsafe" in failure.value.reason


def test_markdown_is_not_html_escaped(plan, tmp_path):
    (tmp_path / "plan.md.j2").write_text("{{ '<R&D>' }}", "utf-8")
    assert render_plan(plan, "md", template_dir=tmp_path) == "<R&D>"


def test_unknown_format(plan):
    assert FORMATS == ("html", "md")
    with pytest.raises(ValueError, match="unknown format"):
        render_plan(plan, "pdf")


def test_importing_render_does_not_import_jinja():
    code = "import sys, cchc.outputs.html; assert 'jinja2' not in sys.modules, 'jinja2 imported'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})


# --- filters ------------------------------------------------------------------------


def _ids(markdown: str) -> list[str]:
    return [unescape_markdown(cells(r)[1]) for r in table_rows(markdown) if cells(r)[1] not in ("Mã", "---")]


def test_section_extract(plan):
    markdown = render_plan(plan, "md", section="II")
    assert "**Trích: Mục II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH**" in markdown
    assert _ids(markdown) == ["II-1", "II-2", "II-3", "II-4", "II-5"]
    assert "## I. " not in markdown and "## III. " not in markdown
    assert "- Cộng phần trích: 20 triệu đồng" in markdown
    assert "Kinh phí phần trích: 20.000.000đ (Bằng chữ: Hai mươi triệu đồng chẵn)" in markdown
    assert "Tổng kinh phí toàn kế hoạch: 200 triệu đồng" in markdown
    assert "chênh lệch" not in markdown.lower()

    page = render_plan(plan, "html", section="II")
    text = html.unescape(page)
    assert "Trích: Mục II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH" in text
    for section, _, item in plan.items():
        assert (item.product in text) == (section.numeral == "II"), item.id
    assert "QUYẾT ĐỊNH:" not in page  # an extract leaves the decision out
    assert '<td class="num">20</td></tr>' in page


@pytest.mark.parametrize("name", ["Sở Tư pháp", "Văn phòng UBND tỉnh", "Các sở, ban, ngành", "Báo Thái Bình"])
def test_agency_extract(plan, name):
    from cchc.outputs.view import build_view
    from cchc.query import rows, select

    registry = AgencyRegistry(plan.agencies)
    agency = registry.resolve(name)
    named = [item.id for _, _, item in plan.items() if agency in [registry.resolve(n) for n in (*item.lead, *item.partners)]]
    assert named
    direct = render_plan(plan, "md", view=build_view(plan, agency=agency, direct=True))
    assert _ids(direct) == named
    # The heading says which extract it is: the one of --direct had the same heading as the one with groups.
    assert f"**Trích: các nhiệm vụ giao trực tiếp cho {agency.name} (chủ trì hoặc phối hợp)**" in direct
    # Without --direct, the extract holds what cchc list --agency lists: groups included.
    expected = [row.item.id for row in select(rows(plan), registry, plan=plan, agency=agency)]
    assert set(named) <= set(expected)
    markdown = render_plan(plan, "md", agency=agency)
    assert f"**Trích: các nhiệm vụ của {agency.name} (chủ trì hoặc phối hợp)**" in markdown
    assert _ids(markdown) == expected
    text = html.unescape(render_plan(plan, "html", agency=agency))
    assert f"Trích: các nhiệm vụ của {agency.name} (chủ trì hoặc phối hợp)" in text
    for _, _, item in plan.items():
        assert (item.product.splitlines()[0] in text) == (item.id in expected), item.id


def test_agency_extract_leads_and_partners(plan):
    from cchc.outputs.view import build_view

    markdown = render_plan(plan, "md", view=build_view(plan, agency=_agency(plan, "Sở Tư pháp"), direct=True))
    assert _ids(markdown) == ["I-3", "I-4"]
    grouped = _ids(render_plan(plan, "md", agency=_agency(plan, "Sở Tư pháp")))
    assert {"I-3", "I-4", "I-1", "I-2"} <= set(grouped) and len(grouped) > 2
    # "Sở, ban, ngành" and "Các sở, ban, ngành" are one agency: partner of II-3, lead of I-2.
    markdown = render_plan(plan, "md", agency=_agency(plan, "Sở, ban, ngành"))
    assert {"I-1", "I-2", "II-3", "III-2"} <= set(_ids(markdown))


def test_both_filters_and_empty_extract(plan):
    from cchc.outputs.view import build_view

    markdown = render_plan(plan, "md", view=build_view(plan, section="I", agency=_agency(plan, "Sở Tư pháp"), direct=True))
    assert "**Trích: Mục I. CẢI CÁCH THỂ CHẾ; các nhiệm vụ giao trực tiếp cho Sở Tư pháp (chủ trì hoặc phối hợp)**" in markdown
    assert _ids(markdown) == ["I-3", "I-4"]
    assert "- Cộng phần trích: 30 triệu đồng" in markdown

    nobody = Agency(name="Sở Y tế")
    for fmt in FORMATS:
        output = render_plan(plan, fmt, agency=nobody)
        assert "Không có nhiệm vụ nào." in output
    assert _ids(render_plan(plan, "md", view=build_view(plan, section="II", agency=_agency(plan, "Sở Tư pháp"), direct=True))) == []


def test_extract_drops_empty_tasks_and_sections(plan):
    from cchc.outputs.view import build_view

    grid = _Grid()
    grid.feed(render_plan(plan, "html", view=build_view(plan, agency=_agency(plan, "Sở Tư pháp"), direct=True)))
    texts = [(kind, row[0][2]) for kind, row in grid.table]
    assert texts[1] == ("section-heading", "I. CẢI CÁCH THỂ CHẾ")
    assert texts[2][0] == "task-heading" and texts[2][1].startswith("2. Xây dựng Kế hoạch rà soát")
    assert [kind for kind, _ in texts].count("section-heading") == 1
    assert texts[6] == ("total", "Cộng phần trích")


def test_decimal_amounts(hostile):
    markdown = render_plan(hostile, "md")
    assert "| 2,5 |" in markdown
    assert "- Tổng các khoản ghi số: 27,5 triệu đồng; chênh lệch -2,5 triệu đồng so với tổng kinh phí công bố" in markdown
    page = render_plan(hostile, "html", section="I")
    assert "Kinh phí phần trích: 12.500.000đ (Bằng chữ: Mười hai triệu năm trăm nghìn đồng)" in page


@given(st.text())
def test_html_row_escaping_is_markupsafes(text):
    import markupsafe

    from cchc.outputs.html import _escape_html

    assert _escape_html(text) == str(markupsafe.escape(text))


@pytest.mark.parametrize(
    "column",
    [
        ["Sở Nội vụ " * 40, "Xây dựng kế hoạch"],  # nothing to escape: the texts as they are
        ["Sở Nội vụ " * 40, "Kế hoạch\U000e0041 ẩn"],  # one tag character, beyond U+FFFF, in a long column
        ["Sở Nội vụ " * 40, "a | b"],
        ["Sở Nội vụ", "dòng một\ndòng hai", "\u202eabc", "R&amp;D", ""],
    ],
)
def test_a_markdown_column_is_escaped_as_each_cell_is(column):
    from cchc.outputs.html import _each_markdown

    assert list(_each_markdown(escape_markdown, column)) == [escape_markdown(text) for text in column]


def _prose_in_markdown(tmp_path, paragraphs: list[str]) -> str:
    """The 2021 plan with a prose part of *paragraphs* (YAML double-quoted texts), rendered to Markdown, read by a
    CommonMark reader: its HTML."""
    markdown_it = pytest.importorskip("markdown_it")
    prose = "prose_before:\n  - label: I.\n    title: MỤC ĐÍCH\n    paragraphs:\n" + "".join(f'      - "{p}"\n' for p in paragraphs)
    path = tmp_path / "plan.yaml"
    path.write_text((ROOT / "plans" / "2021.yaml").read_text(encoding="utf-8") + prose, encoding="utf-8")
    loaded = load_plan(path)
    assert loaded.plan is not None, loaded.problems
    return markdown_it.MarkdownIt("commonmark").enable(["table"]).render(render_plan(loaded.plan, "md"))


def test_prose_that_starts_like_a_list_item_stays_a_paragraph_in_markdown(tmp_path):
    # Vietnamese documents set points off with "- " and "1. ": in Markdown those would become lists
    # (bullets for dashes, numbers a reader renumbers), no longer the text as written.
    points = ["- Nâng cao chất lượng", "1. Mục đích thứ nhất", "+ Cộng thêm", "2) Điểm b", "10. Mười", "-"]
    rendered = _prose_in_markdown(tmp_path, points)
    for point in points:
        assert f"<p>{html.escape(point, quote=False)}</p>" in rendered


def test_prose_of_dashes_or_indented_stays_a_paragraph_in_markdown(tmp_path):
    # "---" became a thematic break (a line, its text gone), "    Kế hoạch" or a tab code (with the paragraphs after it),
    # and "  - a" a list: a GFM reader must show each paragraph as the plan writes it.
    points = ["---", "-- -", " ---", "----------", "    Kế hoạch này thụt lề", "\\tTab đầu dòng", "  - Gạch đầu dòng thụt", "   1. Số thụt", "Đoạn sau"]
    rendered = _prose_in_markdown(tmp_path, points)
    for point in points:
        assert f"<p>{html.escape(point.replace(chr(92) + 't', chr(9)), quote=False)}</p>" in rendered, point


def test_a_legal_basis_ending_or_opening_with_white_space_keeps_its_italics_in_markdown(plan):
    # "*Căn cứ …; *": white space before the closing asterisk left both printed, the text not in italics.
    markdown_it = pytest.importorskip("markdown_it")
    bases = ["Căn cứ Luật Tổ chức chính quyền địa phương; ", "\u00a0Căn cứ Nghị quyết số 76/NQ-CP", "Căn cứ\t"]
    changed = plan.model_copy(update={"decision": plan.decision.model_copy(update={"legal_bases": bases})})
    rendered = markdown_it.MarkdownIt("commonmark").render(render_plan(changed, "md"))
    for basis in bases:
        assert f"<p><em>{html.escape(basis, quote=False)}</em></p>" in rendered, basis


def test_dashes_after_a_list_marker_or_a_label_stay_text_in_markdown(tmp_path):
    # "- --" (a recipient "--") and "-- --" (a label "--" opening its paragraph "--") were rules: the text gone.
    markdown_it = pytest.importorskip("markdown_it")
    path = tmp_path / "plan.yaml"
    path.write_text(
        "plan: {title: KẾ HOẠCH, year: 2026, superior: UBND, issuer: SỞ, signer: {position: GIÁM ĐỐC, name: B}, recipients: [\"--\", \"Lưu: VT.\"]}\n"
        "agencies: [{name: Sở Nội vụ}]\n"
        "prose_before: [{label: I, title: MỤC ĐÍCH, blocks: [{label: \"--\", paragraphs: [\"--\"]}]}]\n"
        "sections: [{numeral: I, title: A, tasks: [{items: [{id: I-1, product: x, lead: [Sở Nội vụ], deadline: Quý I/2026}]}]}]\n",
        encoding="utf-8",
    )
    loaded = load_plan(path)
    assert loaded.plan is not None, loaded.problems
    rendered = markdown_it.MarkdownIt("commonmark").enable(["table"]).render(render_plan(loaded.plan, "md"))
    assert "<hr" not in rendered, rendered
    assert "<li>--</li>" in rendered and "<li>Lưu: VT.</li>" in rendered
    assert "<p>-- --</p>" in rendered, rendered


@pytest.mark.parametrize("args", [{"section": "III"}, {"agency": "Các cơ quan ngành dọc trên địa bàn tỉnh"}])
def test_a_markdown_extract_without_amounts_prints_no_sum(plan, args):
    # The PDF, HTML and Word print no "Cộng phần trích" for an extract with no figure; nor does Markdown (it printed None).
    from cchc.agencies import AgencyRegistry

    if "agency" in args:
        args = {"agency": AgencyRegistry(plan.agencies).find(args["agency"]).agency}
    markdown = render_plan(plan, "md", **args)
    assert "None" not in markdown and "Cộng phần trích:" not in markdown and "Kinh phí phần trích" not in markdown
    assert "Tổng kinh phí toàn kế hoạch: 200 triệu đồng" in markdown


def test_markdown_of_a_plan_declaring_no_total_prints_none(plan):
    # Amounts but no declared total: the document had no "Tổng cộng", and Markdown makes none up.
    bare = plan.model_copy(update={"plan": plan.plan.model_copy(update={"total_million_vnd": None, "total_in_words": None})})
    markdown = render_plan(bare, "md")
    assert "## Tổng cộng" not in markdown and "Tổng kinh phí" not in markdown and "(công bố)" not in markdown
    assert "Cộng mục I: 40 triệu đồng" in markdown


HEADING_ONLY = """\
plan:
  issuer: SỞ TƯ PHÁP
  title: KẾ HOẠCH Cải cách hành chính năm 2026
  year: 2026
  total_note: Theo nguồn kinh phí thường xuyên
agencies:
  - name: Văn phòng Sở
  - name: Thanh tra Sở
sections:
  - numeral: I
    title: CẢI CÁCH THỂ CHẾ
    tasks:
      - number: "1"
        title: Xây dựng văn bản QPPL
        items: []
      - title: Dự thảo Quyết định
        items:
          - {id: I-1, stt: "1.1", product: Quyết định, lead: [Văn phòng Sở], deadline: Quý II/2026}
      - number: "2"
        title: Kiểm tra văn bản
        items:
          - {id: I-2, stt: "2", product: Báo cáo, lead: [Thanh tra Sở], deadline: Tháng 6/2026}
      - items: []
"""


def test_a_task_with_no_item_is_printed_as_its_heading_alone(tmp_path):
    # "1. Xây dựng văn bản QPPL" over rows numbered "1.1" (as Word plans write it, and cchc import reads it) was
    # left out of every print, and lost on a Word round trip; an unnumbered, untitled empty task prints nothing.
    from cchc.load import load_bytes
    from cchc.outputs.view import build_view

    loaded = load_bytes(HEADING_ONLY.encode("utf-8"), "heading.yaml")
    assert loaded.plan is not None, loaded.problems
    the_plan = loaded.plan
    grid = _Grid()
    grid.feed(render_plan(the_plan, "html"))
    texts = [(kind, row[0][2].strip()) for kind, row in grid.table if kind in ("task-heading", "item")]
    assert texts == [("task-heading", "1. Xây dựng văn bản QPPL"), ("task-heading", "Dự thảo Quyết định"), ("item", "1.1"),
                     ("task-heading", "2. Kiểm tra văn bản"), ("item", "2")]
    lines = [line for line in render_plan(the_plan, "md").splitlines() if line.startswith("| ")]
    assert lines[2:] == ["|  | 1. Xây dựng văn bản QPPL |  |  |  |  |  |", "| 1.1 | Dự thảo Quyết định | I-1 | Quyết định | Văn phòng Sở |  | Quý II/2026 |",
                         "| 2 | 2. Kiểm tra văn bản | I-2 | Báo cáo | Thanh tra Sở |  | Tháng 6/2026 |"]
    # A template's own loop over the rows with html_row prints no item row for it either.
    from cchc.outputs.html import _html_rows

    html_row, _ = _html_rows()
    row = build_view(the_plan).sections[0].rows[0]
    assert row.heading_only and str(html_row(row, True, False)) == ""
    # Word: written as a row of its own, read back as the task it is.
    from cchc.inputs.docx import read_docx
    from cchc.outputs.docx import render_docx

    again = read_docx(render_docx(build_view(the_plan)), "heading.docx").data
    assert [(t["number"], t["title"], len(t["items"])) for t in again["sections"][0]["tasks"]] == [
        ("1", "Xây dựng văn bản QPPL", 0), (None, "Dự thảo Quyết định", 1), ("2", "Kiểm tra văn bản", 1)]
    # An agency's extract still leaves it out.
    extract = render_plan(the_plan, "md", view=build_view(the_plan, agency=_agency(the_plan, "Thanh tra Sở")))
    assert "QPPL" not in extract and "Kiểm tra văn bản" in extract


def test_a_section_with_no_task_yet_prints_its_heading_in_every_format(tmp_path):
    # It vanished from the printed plan: "1." then "3." with nothing said (validate warns empty-section).
    import io

    import docx

    from cchc.outputs.docx import render_docx
    from cchc.outputs.view import build_view

    plan = _load(ROOT / "tests" / "data" / "valid" / "ke-hoach-so-tu-phap.yaml")
    first = plan.sections[0]
    blank = first.model_copy(update={"numeral": "9", "title": "Mục chưa có nhiệm vụ", "tasks": []})
    plan = plan.model_copy(update={"sections": [first, blank, *plan.sections[1:]]})
    heading = "9. Mục chưa có nhiệm vụ"
    page = render_plan(plan, "html")
    assert page.count(heading) == 1
    assert page.index(first.heading) < page.index(heading) < page.index(plan.sections[2].heading)
    markdown = render_plan(plan, "md")
    after = markdown.split(f"### {heading.replace('9.', '9' + chr(92) + '.')}", 1)[1].split("###", 1)[0]
    assert [line for line in after.splitlines() if line.startswith("|")][2:] == []  # its table's headings only
    cells = [cell.text for table in docx.Document(io.BytesIO(render_docx(build_view(plan)))).tables for row in table.rows for cell in row.cells]
    assert heading in cells
    # An agency's extract still leaves out a section it has no item in.
    from cchc.agencies import AgencyRegistry

    agency = AgencyRegistry(plan.agencies).resolve(plan.agencies[0].name)
    assert heading not in render_plan(plan, "html", agency=agency)


def test_a_signature_block_of_two_lines_keeps_them_in_html_and_markdown():
    # `import` reads a district's "TM. ỦY BAN NHÂN DÂN⏎KT. CHỦ TỊCH" as one authority of two lines: HTML ran them
    # together, Markdown showed a "<br>".
    plan = _load(ROOT / "tests" / "data" / "valid" / "ke-hoach-huyen.yaml")
    signer = plan.plan.signer.model_copy(update={"authority": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", "position": "PHÓ CHỦ TỊCH"})
    plan = plan.model_copy(update={"plan": plan.plan.model_copy(update={"signer": signer})})
    assert "<div>TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH</div>" in render_plan(plan, "html")
    markdown = render_plan(plan, "md")
    assert "- Người ký: TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH" in markdown
    assert "<br>" not in markdown.split("- Người ký:", 1)[1].split("\n", 1)[0]


def test_a_markdown_extracts_section_sum_says_it_is_the_extracts_part(plan):
    # Sở Tư pháp has 90 of section VII's 100 million: "Cộng mục VII: 90 triệu đồng" read as the section's sum.
    registry = AgencyRegistry(plan.agencies)
    markdown = render_plan(plan, "md", agency=registry.resolve("Sở Tư pháp"))
    assert "Cộng mục VII (phần trích): 90 triệu đồng" in markdown and "Cộng mục VII:" not in markdown
    # A section printed whole (--section VII) sums the whole section.
    whole = render_plan(plan, "md", section="VII")
    assert "Cộng mục VII: 100 triệu đồng" in whole and "phần trích)" not in whole


@pytest.mark.parametrize("title", ["KẾ HOẠCH\nCải cách hành chính năm 2026", "KẾ HOẠCH: Cải cách hành chính năm 2026",
                                   "KẾ HOẠCH Cải cách hành chính năm 2026", "KẾ HOẠCH\u00a0Cải cách hành chính năm 2026",
                                   "KẾ HOẠCH\r\nCải cách hành chính năm 2026"])
def test_a_plans_kind_in_its_title_prints_once_whatever_parts_it_from_the_rest(title):
    # A line break or a colon after "KẾ HOẠCH" printed "KẾ HOẠCH" over "KẾ HOẠCH Cải cách …" in HTML, PDF and Word.
    import io

    import docx

    from cchc.outputs.docx import render_docx
    from cchc.outputs.view import build_view

    plan = _load(ROOT / "tests" / "data" / "valid" / "ke-hoach-huyen.yaml")
    plan = plan.model_copy(update={"plan": plan.plan.model_copy(update={"title": title})})
    page = render_plan(plan, "html")
    titles = re.findall(r'<p class="plan-title">(.*?)</p>', page, re.S)
    assert titles == ["KẾ HOẠCH", "Cải cách hành chính năm 2026"], titles
    texts = [p.text for p in docx.Document(io.BytesIO(render_docx(build_view(plan)))).paragraphs]
    assert texts.count("KẾ HOẠCH") == 1 and not any(t.startswith(("KẾ HOẠCH ", "KẾ HOẠCH:", ":")) for t in texts)
