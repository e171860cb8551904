"""`cchc report --format docx`: the report's appendix as a Word document, read back and converted by LibreOffice."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from conftest import DATA

PLAN = DATA / "progress" / "ke-hoach.yaml"
LOG = DATA / "progress" / "ke-hoach.progress.yaml"


@pytest.fixture
def report_file(run, tmp_path):
    out = tmp_path / "bao-cao.docx"
    result = run("report", "--period", "6T/2026", "--plan", PLAN, "--progress", LOG, "-o", out)
    assert result.exit_code == 0, result
    return out


def test_the_report_reads_back_with_its_tables(run, report_file, tmp_path):
    import docx
    from docx.enum.section import WD_ORIENT

    document = docx.Document(report_file)
    assert all(s.orientation == WD_ORIENT.LANDSCAPE for s in document.sections)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH" in text and "Tỷ lệ hoàn thành" in text
    # The days the figures cover and the day statuses are taken on, as in every other format of the report.
    table_text = run("report", "--period", "6T/2026", "--plan", PLAN, "--progress", LOG).stdout
    period = next(line.strip() for line in table_text.splitlines() if "Kỳ báo cáo" in line)
    assert "số liệu từ" in period and "tình trạng tính đến ngày" in period
    assert period in [p.text for p in document.paragraphs]
    summary = document.tables[0]
    counts = {row.cells[0].text: row.cells[1].text for row in summary.rows[1:]}
    json_report = __import__("json").loads(run("report", "--period", "6T/2026", "--plan", PLAN, "--progress", LOG, "-f", "json").stdout)
    assert counts["Quá hạn (chưa hoàn thành)"] == str(json_report["totals"]["overdue"])
    for table in document.tables:
        assert table.rows[0]._tr.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None
    again = tmp_path / "again.docx"
    run("report", "--period", "6T/2026", "--plan", PLAN, "--progress", LOG, "-o", again)
    assert again.read_bytes() == report_file.read_bytes()
    english = tmp_path / "en.docx"
    run("report", "--period", "6T/2026", "--plan", PLAN, "--progress", LOG, "-o", english, "--lang", "en")
    assert "Completion rate" in "\n".join(p.text for p in docx.Document(english).paragraphs)


def test_libreoffice_opens_the_report(report_file, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftotext") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice and poppler-utils are needed in CI")
        pytest.skip("LibreOffice or poppler-utils not installed")
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(report_file)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = tmp_path / "bao-cao.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Tỷ lệ hoàn thành" in text and "Theo mục" in text


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_libreoffice_breaks_no_heading_inside_a_word(run, tmp_path, lang):
    # Columns sized for the Vietnamese headings broke the English ones inside the word: "Overdu" / "e", "Cancell" / "ed".
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftotext") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice and poppler-utils are needed in CI")
        pytest.skip("LibreOffice or poppler-utils not installed")
    out = tmp_path / "report.docx"
    assert run("--lang", lang, "report", "--period", "6T/2026", "--plan", PLAN, "--progress", LOG, "-o", out).exit_code == 0
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        check=True, capture_output=True, timeout=180,
    )
    words = set(subprocess.run(["pdftotext", "-layout", str(tmp_path / "report.pdf"), "-"], capture_output=True, text=True, check=True).stdout.split())
    from cchc.messages import t
    from cchc.report import CLASSES

    heads = [t(f"report.short.{c}", lang) for c in CLASSES] + [t("report.rate-short", lang)]
    missing = [word for head in heads for word in head.split() if word not in words]
    assert not missing, missing
