"""What ``cchc render --format pdf`` prints (WeasyPrint), read back from the PDF with poppler-utils.

These tests look at the printed pages, not at the HTML: the fonts the PDF embeds
(``pdffonts``), the size and orientation of each page (``pdfinfo``), where each
line of text sits, in which size and style (``pdftohtml -xml``), and the text of
each page (``pdftotext``). A page of each document is kept as a PNG
(``pdftoppm``) in ``$CI_ARTIFACTS`` when that is set, for a person to look at.

Needs WeasyPrint with its system libraries and poppler-utils (Debian:
``apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils``).
Without them the tests are skipped, except on CI (``CI=true``), where a missing
tool is a failure. The helpers that read a PDF back serve tests/test_render_browser.py
too, which prints the HTML with Chromium and expects the same document.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from cchc.agencies import AgencyRegistry
from cchc.load import load_plan
from cchc.model import Block
from cchc.outputs.html import TemplateFailure

ROOT = Path(__file__).resolve().parent.parent
PLANS = {
    "2021": ROOT / "plans" / "2021.yaml",
    "so-tu-phap": ROOT / "tests" / "data" / "valid" / "ke-hoach-so-tu-phap.yaml",
    "huyen": ROOT / "tests" / "data" / "valid" / "ke-hoach-huyen.yaml",
}
#: The most pages each document may take (the README states the 2021 figure).
MAX_PAGES = {"2021": 8, "so-tu-phap": 3, "huyen": 2, "inline": 9, "hostile": 2}
#: Each document's pages: P for A4 portrait (text), L for A4 landscape (the table).
ORIENTATIONS = {"2021": "P" + "L" * 7, "so-tu-phap": "PLP", "huyen": "LL", "inline": "P" + "L" * 7 + "P", "hostile": "PL"}

A4 = (595.3, 841.9)  # points
MM = 72 / 25.4
# Nghị định 30/2020: margins 20-25 mm top and bottom, 30-35 mm left, 15-20 mm right.
TOP, BOTTOM, LEFT, RIGHT = 20 * MM, 20 * MM, 30 * MM, 15 * MM
SLACK = 2  # points: pdftohtml rounds coordinates to whole points
COLUMN_HEADING = "Cơ quan phối hợp"


# --- reading a PDF back ---------------------------------------------------------------


def need(*names: str) -> str:
    """The first of *names* on PATH; skip the test (fail it on CI) when there is none."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    missing(f"{' or '.join(names)} not found on PATH (Debian: apt-get install chromium poppler-utils)")


def missing(message: str):
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def run(*args, timeout: int = 120) -> str:
    result = subprocess.run([str(a) for a in args], capture_output=True, timeout=timeout, check=False)
    assert result.returncode == 0, f"{args[0]} failed ({result.returncode}): {result.stderr.decode(errors='replace')}"
    return result.stdout.decode("utf-8")


@dataclass(frozen=True)
class Line:
    """A line of text as poppler sees it on the page, in points from the top left corner."""

    text: str
    top: float
    left: float
    width: float
    height: float
    size: int  # points, rounded
    bold: bool
    italic: bool

    @property
    def centre(self) -> float:
        return self.left + self.width / 2

    @property
    def bottom(self) -> float:
        return self.top + self.height


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    lines: list[Line]
    text: str  # pdftotext -raw: cell by cell, in the order the engine draws

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def body(self) -> list[Line]:
        """The lines in the page area: everything but the page number in the top margin."""
        return [line for line in self.lines if line.top >= TOP - SLACK]

    @property
    def header(self) -> list[Line]:
        return [line for line in self.lines if line.bottom < TOP + SLACK]

    def has(self, text: str) -> bool:
        return squeeze(text) in squeeze(self.text)


@dataclass(frozen=True)
class Printed:
    path: Path
    pages: list[Page]
    fonts: list[tuple[str, str]]  # (name, embedded "yes"/"no") as pdffonts lists them

    @property
    def text(self) -> str:
        return "".join(page.text for page in self.pages)

    def page_with(self, text: str) -> Page:
        found = [page for page in self.pages if page.has(text)]
        assert found, f"{text!r} is printed on no page"
        return found[0]


_TEXT = re.compile(r'<text top="([\d.-]+)" left="([\d.-]+)" width="([\d.-]+)" height="([\d.-]+)" font="(\d+)">(.*?)</text>')
_FONTSPEC = re.compile(r'<fontspec id="(\d+)" size="([\d.-]+)"')
_PAGE = re.compile(r'<page number="(\d+)"')


def read_pdf(path: Path) -> Printed:
    """The pages of the PDF at *path*: their size (pdfinfo), their lines with position and style, their text."""
    pdftohtml, pdftotext, pdffonts, pdfinfo = need("pdftohtml"), need("pdftotext"), need("pdffonts"), need("pdfinfo")
    xml = run(pdftohtml, "-xml", "-i", "-stdout", "-zoom", "1", "-q", path)
    raw = unicodedata.normalize("NFC", run(pdftotext, "-raw", "-enc", "UTF-8", path, "-")).split("\f")[:-1]
    info = run(pdfinfo, "-f", 1, "-l", max(len(raw), 1), path)
    boxes = [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)]
    assert len(boxes) == len(raw), "pdfinfo and pdftotext disagree on the number of pages"
    sizes: dict[str, int] = {}
    pages: list[Page] = []
    for chunk in xml.split("</page>")[:-1]:
        number = int(_PAGE.search(chunk).group(1))
        sizes.update({fid: round(float(size)) for fid, size in _FONTSPEC.findall(chunk)})
        lines = []
        for top, left, w, h, font, inner in _TEXT.findall(chunk):
            text = unicodedata.normalize("NFC", html.unescape(re.sub(r"</?[bi]>", "", inner)))
            lines.append(Line(text, float(top), float(left), float(w), float(h), sizes[font], "<b>" in inner, "<i>" in inner))
        pages.append(Page(number, *boxes[number - 1], lines, raw[number - 1]))
    assert len(pages) == len(raw), "pdftohtml and pdftotext disagree on the number of pages"
    fonts = [(row.split()[0], row.split()[-5]) for row in run(pdffonts, path).splitlines()[2:]]
    return Printed(path, pages, fonts)


def squeeze(text: str) -> str:
    # Line breaks fall anywhere in a cell; whitespace is dropped, so only the characters count.
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def family(font_name: str) -> str:
    """ "ABCDEF+Liberation-Serif-Bold-Italic" -> "LiberationSerif": the typeface, without subset tag or style."""
    name = font_name.split("+", 1)[-1].replace("-", "").replace(",", "")
    return re.sub(r"(MT)?(Regular|Roman|Bold|Italic|Oblique|PS)*$", "", name)


def keep_pngs(printed: Printed, label: str, tmp_path: Path, pages: list[int]) -> list[Path]:
    """Pages of *printed* as 60 dpi PNGs, in $CI_ARTIFACTS when set (a CI artefact), else under *tmp_path*."""
    pdftoppm = need("pdftoppm")
    folder = Path(os.environ["CI_ARTIFACTS"]) if os.environ.get("CI_ARTIFACTS") else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for number in pages:
        prefix = folder / f"{label}-page"
        run(pdftoppm, "-png", "-r", "60", "-f", number, "-l", number, printed.path, prefix)
        made += [p for p in folder.glob(f"{label}-page-*{number}.png") if int(p.stem.rsplit("-", 1)[1]) == number]
    return made


# --- what every printed document must show (shared with test_render_browser.py) -------------


def check_one_serif_typeface(printed: Printed) -> None:
    """One embedded serif typeface with Times New Roman's metrics for all text: no fallback font."""
    assert printed.fonts, "the PDF embeds no font"
    families = {family(name) for name, _ in printed.fonts}
    assert len(families) == 1, f"several typefaces: {sorted(name for name, _ in printed.fonts)}"
    assert families <= {"LiberationSerif", "TimesNewRoman", "Tinos", "TeXGyreTermes"}, families
    assert all(embedded == "yes" for _, embedded in printed.fonts), printed.fonts
    assert not any(re.search("dejavu|sans", name, re.I) for name, _ in printed.fonts)


def check_orientations(printed: Printed, expected: str) -> None:
    """A4 every page; portrait (P) for the text, landscape (L) for the table."""
    shown = "".join("L" if page.landscape else "P" for page in printed.pages)
    assert shown == expected, f"pages are {shown}, expected {expected}"
    for page in printed.pages:
        size = (page.width, page.height) if not page.landscape else (page.height, page.width)
        assert abs(size[0] - A4[0]) < 2 and abs(size[1] - A4[1]) < 2, f"page {page.number} is {size}, not A4"


def check_page_numbers(printed: Printed) -> None:
    """None on page 1; page k shows k, alone, centred in the top margin over the text, upright, 13-14 pt."""
    assert not printed.pages[0].header, f"page 1 carries {printed.pages[0].header}"
    for page in printed.pages[1:]:
        header = page.header
        assert [line.text for line in header] == [str(page.number)], f"page {page.number}'s top margin: {header}"
        (number,) = header
        middle = LEFT + (page.width - LEFT - RIGHT) / 2
        assert abs(number.centre - middle) < 3 * MM, f"page {page.number}'s number is not centred ({number})"
        assert 13 <= number.size <= 14 and not number.bold and not number.italic, number
    for page in printed.pages:
        bottom = [line for line in page.lines if line.top > page.height - BOTTOM]
        assert not bottom, f"page {page.number} prints in its bottom margin: {bottom}"


def check_margins(printed: Printed) -> None:
    """All text inside the page area: Nghị định 30's margins, on portrait and landscape pages alike."""
    for page in printed.pages:
        for line in page.body:
            assert line.left >= LEFT - SLACK, f"page {page.number}: {line.text!r} in the left margin"
            assert line.left + line.width <= page.width - RIGHT + SLACK, f"page {page.number}: {line.text!r} in the right margin"
            assert line.bottom <= page.height - BOTTOM + SLACK, f"page {page.number}: {line.text!r} in the bottom margin"


def filled(page: Page) -> float:
    """How full a page is: from the top margin to the foot of its lowest line, of the height between the margins."""
    lowest = max(line.bottom for line in page.body)
    return (lowest - TOP) / (page.height - TOP - BOTTOM)


def signature_only(page: Page) -> bool:
    """Whether a page holds the closing block (Nơi nhận, the signature) and nothing of the table."""
    return page.has("Nơi nhận:") and COLUMN_HEADING not in page.text and "Tổng cộng" not in page.text


def check_table_pages(printed: Printed, plan, max_pages: int) -> None:
    """The table's pages: full, headings repeated, the total kept with rows, within the page figure."""
    assert len(printed.pages) <= max_pages, f"{len(printed.pages)} pages, more than the {max_pages} stated"
    table = [page for page in printed.pages if page.landscape]
    assert table, "no page of the table"
    for page in table:
        if page is printed.pages[-1] and signature_only(page):  # the signature alone, where a row going over would
            continue  # leave the page before nearly empty
        assert page.text.count(COLUMN_HEADING) == 1, f"page {page.number} lacks the column headings"
    # A row's section and task are named on every page that holds the row.
    for section, task, item in plan.items():
        for page in table:
            if page.has(item.product):
                assert page.has(section.heading), f"page {page.number} holds {item.id} but not its section's heading"
                if task.label:
                    assert page.has(task.label), f"page {page.number} holds {item.id} but not its task's label"
    # Full pages: every page but the last is filled to about two thirds of the page area at least (the issue's
    # words; 65 %: a page whose last row went over with the signature may hold a little less), the table's and a
    # kế hoạch's first page with its letterhead alike.
    for page in [*table[:-1], *([] if table[0].number == 1 or printed.pages[0].landscape else [])]:
        assert filled(page) >= 0.65, f"page {page.number} is only {filled(page):.0%} full"
    # The total never stands alone: the last item's row shares its page.
    if "Tổng cộng" in printed.text:
        *_, (_, _, last) = plan.items()
        page = printed.page_with("Tổng cộng")
        assert page.has(last.product), f"page {page.number} holds the total without the table's last row"


def test_a_ke_hoach_with_nothing_before_its_table_has_its_letterhead_on_the_tables_page(tmp_path):
    """Its letterhead and title took page 1 alone, a tenth of it; the PDF now puts them over the table unless that
    takes a page more: the district plan in two landscape pages, its first section alone (two items) on one. So
    does a short prose before the table, which left that page less than two thirds full, when it saves a page."""
    plan = _load(PLANS["huyen"])
    for name, one, pages in (("huyen", plan, 2), ("two", plan.model_copy(update={"sections": plan.sections[:1]}), 1)):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(_render_pdf(one))
        printed = read_pdf(path)
        assert len(printed.pages) == pages and all(page.landscape for page in printed.pages), name
        first = printed.pages[0]
        assert first.has("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") and first.has("Nhiệm vụ, sản phẩm") and first.has("1.")
        assert printed.pages[-1].has("Trần Văn B")
    # A short prose before the table ("Thực hiện Quyết định số … như sau:") left the portrait page a fifth full: it
    # goes over the table too when that saves the page (the first section alone: one page, not two). When it
    # saves none (the whole plan: two pages either way) the letterhead keeps its page and the table stays whole.
    # A prose that fills two thirds of the portrait page keeps it, the table on the next.
    opening = "Thực hiện Quyết định số 3512/QĐ-UBND ngày 28/12/2021 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân huyện xây dựng Kế hoạch như sau:"
    prose = {"prose_before": [Block(paragraphs=["Ủy ban nhân dân huyện xây dựng Kế hoạch cải cách hành chính năm 2026 như sau:"])]}
    (tmp_path / "short.pdf").write_bytes(_render_pdf(plan.model_copy(update={**prose, "sections": plan.sections[:1]})))
    printed = read_pdf(tmp_path / "short.pdf")
    assert len(printed.pages) == 1 and printed.pages[0].landscape
    assert printed.pages[0].has("năm 2026 như sau:") and printed.pages[0].has("Nhiệm vụ, sản phẩm") and printed.pages[0].has("Trần Văn B")
    (tmp_path / "same.pdf").write_bytes(_render_pdf(plan.model_copy(update=prose)))
    assert [page.landscape for page in read_pdf(tmp_path / "same.pdf").pages] == [False, True]
    long = plan.model_copy(update={"prose_before": [Block(label="I", title="MỤC ĐÍCH, YÊU CẦU", paragraphs=[opening] * 12)]})
    (tmp_path / "long.pdf").write_bytes(_render_pdf(long))
    printed = read_pdf(tmp_path / "long.pdf")
    assert not printed.pages[0].landscape and printed.pages[1].landscape and not printed.pages[0].has("Nhiệm vụ, sản phẩm")


def check_products(printed: Printed, plan) -> None:
    text = squeeze(printed.text)
    missing_ids = [item.id for _, _, item in plan.items() if squeeze(item.product) not in text]
    assert not missing_ids, f"products not printed: {missing_ids}"


def check_letterhead(page: Page, number: str, date_line: str) -> None:
    """Quốc hiệu and tiêu ngữ in bold, the number upright, place and date in italics, 13-14 pt."""
    lines = {line.text.strip(): line for line in page.lines}
    nation = lines["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    motto = lines["Độc lập - Tự do - Hạnh phúc"]
    assert nation.bold and 12 <= nation.size <= 13 and motto.bold and 13 <= motto.size <= 14
    assert abs(nation.centre - motto.centre) < 2, "quốc hiệu and tiêu ngữ are not centred on each other"
    number_line = lines[f"Số: {number}"]
    assert not number_line.italic and 13 <= number_line.size <= 14
    date = lines[date_line]
    assert date.italic and not date.bold and 13 <= date.size <= 14
    assert abs(date.centre - motto.centre) < 2, "place and date are not centred under the tiêu ngữ"
    assert date.top > motto.top and number_line.top > nation.top


def check_sizes(printed: Printed) -> None:
    """Text in 13-14 pt, the table in 12-13 pt, Nơi nhận's list in 11 pt: nothing smaller or larger."""
    after_table = ("Tổng kinh phí", "Kinh phí phần trích", "Kinh phí:", "Nơi nhận")
    for page in printed.pages:
        headings = [line for line in page.body if COLUMN_HEADING in line.text]
        start = headings[0].top if headings else page.height
        ends = [line.top for line in page.body if line.top > start and line.text.startswith(after_table)]
        end = min(ends, default=page.height)
        for line in page.body:
            allowed = (12, 13) if start <= line.top < end else (11, 14)
            assert allowed[0] <= line.size <= allowed[1], f"page {page.number}: {line.text!r} in {line.size} pt"


# --- WeasyPrint -------------------------------------------------------------------------------


def _load(path: Path):
    loaded = load_plan(path)
    assert loaded.plan is not None, loaded.problems
    return loaded.plan


def _render_pdf(plan, **filters) -> bytes:
    from cchc.outputs.pdf import PdfUnavailable, render_pdf

    try:
        return render_pdf(plan, **filters)
    except PdfUnavailable as exc:
        missing(f"no PDF engine: {exc.reason}")


def _inline_plan():
    """The 2021 decision with the plan written inside its Điều 1, and Sở Tư pháp's prose around the table."""
    plan, prose = _load(PLANS["2021"]), _load(PLANS["so-tu-phap"])
    decision = plan.decision.model_copy(update={"plan_in_article": 1})
    return plan.model_copy(update={"decision": decision, "prose_before": prose.prose_before, "prose_after": prose.prose_after})


def _plan(name: str):
    return _inline_plan() if name == "inline" else _load(PLANS[name])


@pytest.fixture(scope="module")
def print_pdf(tmp_path_factory):
    """name -> (plan, its printed PDF read back), each document printed once."""
    done: dict[str, tuple] = {}

    def get(name: str):
        if name not in done:
            plan = _plan(name)
            path = tmp_path_factory.mktemp(f"pdf-{name}") / "plan.pdf"
            path.write_bytes(_render_pdf(plan))
            done[name] = plan, read_pdf(path)
        return done[name]

    return get


@pytest.fixture(params=[*PLANS, "inline"])
def printed(request, print_pdf):
    """(name, plan, printed PDF) for each document kind."""
    return (request.param, *print_pdf(request.param))


def test_one_serif_typeface_embedded(printed):
    check_one_serif_typeface(printed[2])


def test_pages_are_a4_portrait_for_text_and_landscape_for_the_table(printed):
    name, _, pdf = printed
    check_orientations(pdf, ORIENTATIONS[name])


def test_page_numbers_from_page_two_in_the_top_margin(printed):
    check_page_numbers(printed[2])


def test_text_keeps_to_the_margins(printed):
    check_margins(printed[2])


def test_type_sizes(printed):
    check_sizes(printed[2])


def test_every_product_is_printed(printed):
    _, plan, pdf = printed
    check_products(pdf, plan)


def test_every_product_reads_whole_in_pdftotexts_default_order(printed):
    # Without -raw, pdftotext rebuilds columns from the gaps between them: a product's lines must not run into
    # the agency column beside it. It drops a hyphen that ends a line: a document number ("106/2020/NĐ-CP") is
    # kept on one line, and the products compare with their hyphens.
    _, plan, pdf = printed
    text = squeeze(run(need("pdftotext"), "-enc", "UTF-8", pdf.path, "-"))
    run_together = [item.id for _, _, item in plan.items() if squeeze(item.product) not in text]
    assert not run_together, f"products run into the next column: {run_together}"


def test_table_pages_are_full_and_name_their_section_and_task(printed):
    name, plan, pdf = printed
    check_table_pages(pdf, plan, MAX_PAGES[name])


def test_2021_decision_and_attached_plan(print_pdf):
    plan, pdf = print_pdf("2021")
    first, second = pdf.pages[:2]
    check_letterhead(first, "3669/QĐ-UBND", "Thái Bình, ngày 31 tháng 12 năm 2020")
    lines = {line.text.strip(): line for line in first.lines}
    assert lines["QUYẾT ĐỊNH"].bold and lines["KT. CHỦ TỊCH"].bold and lines["Lại Văn Hoàn"].bold
    assert lines["Nơi nhận:"].bold and lines["Nơi nhận:"].italic and lines["Nơi nhận:"].size == 12
    assert lines["- Bộ Nội vụ;"].size == 11
    body = [line for line in first.body if line.text.startswith("Căn cứ")]
    assert body and body[0].italic and body[0].size == 14
    # The attached plan opens its first landscape page with its title.
    assert [line.text for line in second.body[:2]] == ["KẾ HOẠCH", "CÔNG TÁC CẢI CÁCH HÀNH CHÍNH TỈNH THÁI BÌNH NĂM 2021"]
    assert "Tổng kinh phí: 200.000.000đ (Bằng chữ: Hai trăm triệu đồng chẵn)" in pdf.pages[-1].text.replace("\n", " ")
    assert re.search(r"Tổng cộng\s*200", pdf.pages[-1].text)


def test_plan_issued_on_its_own(print_pdf):
    """Kế hoạch số 12/KH-STP: letterhead and prose, the table, prose and a head signing in their own name."""
    plan, pdf = print_pdf("so-tu-phap")
    first, table, last = pdf.pages
    check_letterhead(first, "12/KH-STP", "Thái Bình, ngày 15 tháng 01 năm 2026")
    lines = {line.text.strip(): line for line in first.lines}
    assert lines["UBND TỈNH THÁI BÌNH"].top < lines["SỞ TƯ PHÁP"].top and lines["SỞ TƯ PHÁP"].bold
    assert not lines["UBND TỈNH THÁI BÌNH"].bold
    assert lines["KẾ HOẠCH"].bold and first.has("I. MỤC ĐÍCH, YÊU CẦU") and first.has("Triển khai có hiệu quả")
    assert table.has("Báo cáo kết quả thẩm định") and not table.has("Kinh phí dự kiến")
    assert last.has("III. TỔ CHỨC THỰC HIỆN") and last.has("Nơi nhận:") and last.has("Lưu: VT, VP.")
    signature = {line.text.strip(): line for line in last.lines}
    assert signature["GIÁM ĐỐC"].bold and signature["Nguyễn Văn A"].bold
    assert signature["Nguyễn Văn A"].top - signature["GIÁM ĐỐC"].top > 20 * MM, "no room to sign"
    assert "KT." not in pdf.text and "TM." not in pdf.text
    assert not re.search(r"\b0\s*(đ|đồng)\b", pdf.text) and "Tổng cộng" not in pdf.text
    assert "Kinh phí: Theo nguồn kinh phí thường xuyên" in table.text.replace("\n", " ")


def test_district_plan_signs_after_its_table(print_pdf):
    plan, pdf = print_pdf("huyen")
    first, table = pdf.pages
    check_letterhead(first, "45/KH-UBND", "Vũ Thư, ngày 20 tháng 01 năm 2026")
    assert first.has("KẾ HOẠCH") and first.has("Cải cách hành chính năm 2026")
    assert re.search(r"Tổng cộng\s*150", table.text)
    assert "Một trăm năm mươi triệu đồng chẵn" in table.text
    signature = {line.text.strip(): line for line in table.lines}
    assert signature["TM. ỦY BAN NHÂN DÂN"].top < signature["CHỦ TỊCH"].top < signature["Trần Văn B"].top
    assert signature["TM. ỦY BAN NHÂN DÂN"].top > signature["Tổng cộng"].top
    assert not re.search(r"\b0\s*(đ|đồng)\b", pdf.text)


def test_plan_written_inside_article_1(print_pdf):
    plan, pdf = print_pdf("inline")
    first, last = pdf.pages[0], pdf.pages[-1]
    assert first.has("Điều 1. Phê duyệt") and first.has("I. MỤC ĐÍCH, YÊU CẦU")
    assert not last.landscape and last.has("III. TỔ CHỨC THỰC HIỆN") and last.has("Điều 2.") and last.has("Điều 3.")
    assert last.has("KT. CHỦ TỊCH") and last.has("Lại Văn Hoàn") and last.has("Nơi nhận:")
    assert "Ban hành kèm theo" not in pdf.text  # no attached plan's title: the plan is the decision's text


@pytest.mark.parametrize("name", ["so-tu-phap", "inline"])
def test_the_heading_over_the_table_is_printed_on_the_tables_page(print_pdf, name):
    # "II. NHIỆM VỤ TRỌNG TÂM" ends the prose before the table, with nothing under it: it heads the table on its
    # landscape page, above the column headings, instead of ending the portrait page before with nothing under it.
    _, pdf = print_pdf(name)
    (page,) = [page for page in pdf.pages if page.has("II. NHIỆM VỤ TRỌNG TÂM")]
    assert page.landscape and page.has(COLUMN_HEADING)
    heading = next(line for line in page.lines if "II. NHIỆM VỤ TRỌNG TÂM" in line.text)
    assert heading.top < min(line.top for line in page.lines if COLUMN_HEADING in line.text)
    assert heading.left > LEFT + 9 * MM  # indented 1 cm, as the prose's headings


@pytest.mark.parametrize("more", [3, 6])
def test_the_signature_is_never_alone_on_a_page(tmp_path, more):
    # With 2 to 7 more lines in the last article, the closing block no longer fits on page 1: it went
    # to page 2 alone, above nothing of the decision. The decision's last paragraphs now go with it.
    plan = _load(PLANS["2021"])
    decision, last = plan.decision, plan.decision.articles[-1]
    extra = [f"Đoạn thêm số {k} của điều cuối." for k in range(more)]
    article = last.model_copy(update={"paragraphs": [*last.paragraphs, *extra]})
    plan = plan.model_copy(update={"decision": decision.model_copy(update={"articles": [*decision.articles[:-1], article]})})
    path = tmp_path / "closing.pdf"
    path.write_bytes(_render_pdf(plan))
    printed = read_pdf(path)
    page = printed.page_with("Nơi nhận:")
    assert page.number == 2, "the closing block fits on page 1: this test no longer tests the break"
    (label,) = [line for line in page.body if line.text.startswith("Nơi nhận:")]
    before = [line.text for line in page.body if line.bottom <= label.top]
    assert any("Đoạn thêm số" in text for text in before), before
    assert page.has(f"Đoạn thêm số {more - 1} của điều cuối.") and page.has("KT. CHỦ TỊCH")


def test_a_word_longer_than_a_line_is_cut_at_the_margin(tmp_path):
    # A reference number, an address or a run of digits with no place to break: without
    # overflow-wrap it runs past the right margin and off the page (it did, to 598 pt of 595).
    plan = _load(PLANS["2021"])
    word = "QĐ" + "0123456789" * 15
    # In the text, and in the letterhead's and the signature's tables (laid out to their content's width).
    decision = plan.decision.model_copy(update={
        "legal_bases": [*plan.decision.legal_bases, f"Căn cứ {word};"], "number": f"{word}/QĐ-UBND", "issuer": word,
        "recipients": [*plan.decision.recipients, f"{word};"], "signer": plan.decision.signer.model_copy(update={"name": word}),
    })
    prose = [*plan.prose_before, Block(title="GHI CHÚ", paragraphs=[f"Xem {word}."])]
    plan = plan.model_copy(update={"decision": decision, "prose_before": prose})
    path = tmp_path / "long.pdf"
    path.write_bytes(_render_pdf(plan))
    printed = read_pdf(path)
    check_margins(printed)
    pieces = [line.text for page in printed.pages for line in page.body if "0123456789" in line.text]
    assert len(pieces) >= 12, pieces  # each of the six copies of the word on two lines or more
    assert squeeze(word) in squeeze(printed.text.replace("\n", ""))  # cut, nothing lost


def test_a_page_is_kept_as_png(printed, tmp_path):
    name, _, pdf = printed
    number = 3 if len(pdf.pages) >= 3 else len(pdf.pages)
    made = keep_pngs(pdf, f"weasyprint-{name}", tmp_path, list(range(1, len(pdf.pages) + 1)))
    (png,) = [p for p in made if int(p.stem.rsplit("-", 1)[1]) == number]
    from PIL import Image  # WeasyPrint's own dependency

    with Image.open(png) as image:
        width, height = image.size
        inked = image.convert("L").point(lambda v: v < 128 and 255).getbbox()
    page = pdf.pages[number - 1]
    assert (width > height) == page.landscape and abs(width - round(page.width * 60 / 72)) <= 1
    assert inked is not None, f"{png} is blank"


# --- extracts, failures, the font and speed ---------------------------------------------------


def test_extract_of_an_agency(tmp_path):
    plan = _load(PLANS["2021"])
    agency = AgencyRegistry(plan.agencies).resolve("Sở Tư pháp")
    path = tmp_path / "extract.pdf"
    from cchc.outputs.view import build_view

    path.write_bytes(_render_pdf(plan, view=build_view(plan, agency=agency, direct=True)))
    pdf = read_pdf(path)
    check_one_serif_typeface(pdf)
    check_orientations(pdf, "L")
    assert pdf.pages[0].has("Trích: các nhiệm vụ giao trực tiếp cho Sở Tư pháp (chủ trì hoặc phối hợp)")
    assert re.search(r"Cộng phần trích\s*30", pdf.text) and "QUYẾT ĐỊNH" not in pdf.text


def test_bundled_font_needs_no_system_font(tmp_path):
    """With no font installed at all, the PDF still embeds Liberation Serif, from cchc/fonts."""
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    path = tmp_path / "plan.pdf"
    code = (
        "import sys; from cchc.load import load_plan; from cchc.outputs.pdf import render_pdf; "
        "sys.stdout.buffer.write(render_pdf(load_plan(sys.argv[1]).plan))"
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-W", "ignore", "-c", code, str(PLANS["so-tu-phap"])], capture_output=True, env=env, timeout=120)
    if result.returncode != 0 and b"PdfUnavailable" in result.stderr:
        missing(result.stderr.decode(errors="replace").splitlines()[-1])
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    path.write_bytes(result.stdout)
    pdf = read_pdf(path)
    check_one_serif_typeface(pdf)
    assert {family(name) for name, _ in pdf.fonts} == {"LiberationSerif"}
    assert pdf.pages[0].has("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")


def test_font_files_and_licence_ship_in_the_package():
    from cchc.outputs.pdf import font_files

    files = font_files()
    assert [f.name for f in files] == [
        "LiberationSerif-Regular.ttf",
        "LiberationSerif-Bold.ttf",
        "LiberationSerif-Italic.ttf",
        "LiberationSerif-BoldItalic.ttf",
    ]
    for f in files:
        assert f.read_bytes()[:4] == b"\x00\x01\x00\x00", f"{f} is not a TrueType font"
    licence = (files[0].parent / "LICENSE").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Reserved Font Name Liberation" in licence


def test_missing_engine_is_pdf_unavailable(monkeypatch):
    from cchc.outputs.pdf import PdfUnavailable, render_pdf

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint now raises ImportError
    with pytest.raises(PdfUnavailable, match="WeasyPrint is not installed") as caught:
        render_pdf(_load(PLANS["huyen"]))
    assert "pip install weasyprint" in caught.value.reason


def test_broken_template_is_template_failure(tmp_path):
    from cchc.outputs.pdf import render_pdf

    (tmp_path / "plan.html.j2").write_text("<p>{% if %}</p>\n", encoding="utf-8")
    with pytest.raises(TemplateFailure):
        render_pdf(_load(PLANS["huyen"]), template_dir=tmp_path)


def test_a_template_cannot_make_the_pdf_read_files(tmp_path):
    """A --template-dir template naming a local file gets no attachment, image or stylesheet from it."""
    pdfdetach = need("pdfdetach")
    secret = tmp_path / "secret.txt"
    secret.write_text("bí mật", encoding="utf-8")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "plan.html.j2").write_text(
        f'<html><head><link rel="attachment" href="{secret.as_uri()}"><link rel="stylesheet" href="{secret.as_uri()}"></head>'
        f'<body><p>Kế hoạch</p><img src="{secret.as_uri()}"></body></html>\n',
        encoding="utf-8",
    )
    path = tmp_path / "plan.pdf"
    path.write_bytes(_render_pdf(_load(PLANS["huyen"]), template_dir=templates))
    assert "0 embedded files" in run(pdfdetach, "-list", path)
    assert "Kế hoạch" in read_pdf(path).text


@pytest.mark.parametrize("name", ["huyen", "so-tu-phap"])
def test_a_copy_of_the_templates_prints_the_pages_cchcs_own_print(tmp_path, name):
    # --template-dir turned off the page rules: the letterhead on a page of its own, the signature alone on the last.
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "cchc" / "templates", templates)
    plan = _load(PLANS[name])
    own, copy = tmp_path / "own.pdf", tmp_path / "copy.pdf"
    own.write_bytes(_render_pdf(plan))
    copy.write_bytes(_render_pdf(plan, template_dir=templates))
    mine, theirs = read_pdf(own), read_pdf(copy)
    assert [(p.width, p.height) for p in theirs.pages] == [(p.width, p.height) for p in mine.pages]
    assert [squeeze(p.text) for p in theirs.pages] == [squeeze(p.text) for p in mine.pages]


def test_a_pdf_leaves_no_temporary_files(tmp_path):
    # WeasyPrint copies the fonts into a folder of TMPDIR that it removes only when its object is collected: the
    # layout's child process ends with os._exit, and each PDF left 1.5 MB behind (thousands of folders in /tmp).
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    args = [sys.executable, "-m", "cchc", "render", "--plan", str(PLANS["2021"]), "-o", str(tmp_path / "plan.pdf")]
    env = {**os.environ, "TMPDIR": str(scratch), "PYTHONPATH": str(ROOT)}
    result = subprocess.run(args, capture_output=True, env=env, timeout=300)
    if result.returncode == 2 and b"PDF" in result.stderr:
        missing(result.stderr.decode(errors="replace"))
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("stopped", [False, True])
def test_a_bounded_childs_temporary_files_are_removed_however_it_ends(tmp_path, monkeypatch, stopped):
    import tempfile

    from cchc.outputs import sandbox

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    def work():
        folder = tempfile.mkdtemp(prefix="weasyprint-")
        (Path(folder) / "font.ttf").write_bytes(b"x" * 1000)
        if stopped:
            time.sleep(60)  # killed by the parent after its second
        return folder

    if stopped:
        with pytest.raises(sandbox.Refused) as refused:
            sandbox.run_bounded(work, 1)
        assert refused.value.kind == "time"
    else:
        folder = sandbox.run_bounded(work, 30)
        assert Path(folder).parent.parent == tmp_path  # made in the child's own scratch folder, under TMPDIR
    assert list(tmp_path.iterdir()) == []


def test_a_last_task_with_no_item_goes_over_with_the_signature_and_the_letterhead_stays_with_the_table(tmp_path):
    # The last page's rows were looked for as items only: a task's heading alone there did not count, so the
    # letterhead took a portrait page of its own (as when the signature would start the last page alone).
    from cchc.load import load_bytes

    items = "".join(f"          - {{id: X-{n}, product: Sản phẩm {n}, lead: [Văn phòng Sở], deadline: Tháng 2/2026}}\n" for n in range(1, 13))
    text = (
        "plan:\n  issuer: SỞ TƯ PHÁP\n  superior: UBND TỈNH THÁI BÌNH\n  number: 1/KH-STP\n  place: Thái Bình\n  date: 2026-01-15\n"
        "  title: KẾ HOẠCH Cải cách hành chính năm 2026\n  year: 2026\n  signer: {position: GIÁM ĐỐC, name: Nguyễn Văn A}\n"
        "  recipients: [Lưu VT.]\nagencies:\n  - name: Văn phòng Sở\nsections:\n  - numeral: I\n    title: MỤC SỐ I\n    tasks:\n"
        '      - number: "1"\n        title: Nhiệm vụ có sản phẩm\n        items:\n' + items
        + '      - number: "2"\n        title: Nhiệm vụ chưa có sản phẩm\n        items: []\n'
    )
    loaded = load_bytes(text.encode("utf-8"), "plan.yaml")
    assert loaded.plan is not None, loaded.problems
    path = tmp_path / "plan.pdf"
    path.write_bytes(_render_pdf(loaded.plan))
    pdf = read_pdf(path)
    assert all(page.width > page.height for page in pdf.pages), [(p.width, p.height) for p in pdf.pages]
    assert pdf.pages[0].has("SỞ TƯ PHÁP") and pdf.pages[0].has("Sản phẩm 1")
    assert pdf.pages[-1].has("2. Nhiệm vụ chưa có sản phẩm") and pdf.pages[-1].has("Nguyễn Văn A")


def test_a_copy_of_the_templates_that_prints_no_prose_over_the_table_keeps_the_letterhead_page(tmp_path):
    # A province's copy made before the prose could head the table's page prints none there: the PDF keeps the
    # letterhead's page rather than lose the prose (the district plan's first section: one page with cchc's own).
    from cchc.model import Block

    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "cchc" / "templates", templates)
    table = templates / "plan-table.html.j2"
    text = table.read_text(encoding="utf-8")
    start = text.index("{% if with_letterhead is defined and with_letterhead and view.prose_before_body %}")
    table.write_text(text[:start] + text[text.index("{% endif %}", start) + len("{% endif %}") :], encoding="utf-8")
    plan = _load(PLANS["huyen"])
    plan = plan.model_copy(update={"sections": plan.sections[:1], "prose_before": [Block(paragraphs=["Ủy ban nhân dân huyện xây dựng Kế hoạch như sau:"])]})
    own, copy = tmp_path / "own.pdf", tmp_path / "copy.pdf"
    own.write_bytes(_render_pdf(plan))
    copy.write_bytes(_render_pdf(plan, template_dir=templates))
    assert len(read_pdf(own).pages) == 1
    printed = read_pdf(copy)
    assert [page.landscape for page in printed.pages] == [False, True] and printed.pages[0].has("Kế hoạch như sau:")


# --- the periodic report, printed ------------------------------------------------------------------


def test_the_report_prints_as_pdf_with_its_charts_drawn(run, tmp_path):
    """`report -o bc.pdf` was refused; a clerk sends the half-year report as PDF. Its charts, laid out by WeasyPrint,
    read no class of the page's stylesheet: every bar's track was black and the labels were in a sans-serif font."""
    printed = _report_pdf(run, tmp_path)
    check_one_serif_typeface(printed)  # the charts' labels too
    assert all((round(p.width), round(p.height)) == (595, 842) for p in printed.pages)  # A4 portrait
    text = squeeze(" ".join(page.text for page in printed.pages))
    assert squeeze("Tỷ lệ hoàn thành: 57,1%") in text and squeeze("I. CẢI CÁCH THỂ CHẾ") in text
    # The chart as drawn: the bars in their blue, the tracks light, no block of black.
    pdftoppm = need("pdftoppm")
    chart = next(p.number for p in printed.pages if "Biểu đồ" in p.text)
    run_ppm = subprocess.run([pdftoppm, "-r", "40", "-f", str(chart), "-l", str(chart), str(tmp_path / "bc.pdf")], capture_output=True, check=True)
    header, pixels = _ppm(run_ppm.stdout)
    colours = [pixels[i : i + 3] for i in range(0, len(pixels), 3)]
    blue = sum(1 for c in colours if abs(c[0] - 0x1F) < 40 and abs(c[1] - 0x4E) < 40 and abs(c[2] - 0x79) < 40)
    black = sum(1 for c in colours if max(c) < 60)
    assert blue > 200, blue
    assert black < len(colours) // 40, (black, len(colours))  # the text alone: some 1.4 % of the page; black tracks made 5.6 %


def test_the_report_prints_on_the_plans_pages_numbered_from_page_two(run, tmp_path):
    """The report's PDF had 15 mm margins and no page numbers, where the plan it reports on (and the report's own
    .docx) keeps to Nghị định 30: a two-page report was sent with its second page unnumbered."""
    printed = _report_pdf(run, tmp_path)
    assert len(printed.pages) >= 2, "the report fits one page: the numbering is not tested"
    check_page_numbers(printed)
    check_margins(printed)


def _report_pdf(run, tmp_path) -> Printed:
    """The half-year report of tests/data/progress, printed as PDF by `report -o bc.pdf`."""
    import shutil as copying

    data = Path(__file__).parent / "data" / "progress"
    copying.copy(data / "ke-hoach.yaml", tmp_path / "ke-hoach.yaml")
    copying.copy(data / "ke-hoach.progress.yaml", tmp_path / "ke-hoach.progress.yaml")
    result = run("report", "--period", "6T/2021", "--plan", tmp_path / "ke-hoach.yaml", "-o", tmp_path / "bc.pdf")
    if result.exit_code == 2 and "WeasyPrint" in result.stderr:
        missing(result.stderr)
    assert result.exit_code == 0, result
    return read_pdf(tmp_path / "bc.pdf")


def _ppm(data: bytes) -> tuple[tuple[int, int], bytes]:
    """A binary PPM (P6) as ((width, height), its RGB bytes)."""
    fields = data.split(maxsplit=4)
    assert fields[0] == b"P6" and fields[3] == b"255", fields[:4]
    return (int(fields[1]), int(fields[2])), fields[4]
