"""Text boxes: a letterhead's two blocks drawn as text boxes are read as the import reads them from a table.

The documents are built with python-docx, then given the XML Word writes for a
text box: VML alone (``w:pict``, as Word 2003 and older converters write), or
DrawingML in an ``mc:AlternateContent`` with the same box as VML in its
Fallback (as Word 2010 and later write), a group of boxes (``wpg:wgp``), a
box in a table cell.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import time
import zipfile
from xml.sax.saxutils import escape

import pytest
from docx.oxml import parse_xml
from lxml import etree

import docx_fixtures as F
from cchc.inputs import docx_body
from cchc.inputs.docx import DocxRefused, read_docx
from cchc.inputs.docx_body import MAX_NESTING, Body, Place
from cchc.inputs.docx_package import open_package
from cchc.inputs.docx_styles import Numbering, Styles
from cchc.inputs.writer import dump_plan
from cchc.load import load_bytes

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"'
)
LEFT = ["UBND TỈNH THÁI BÌNH", "SỞ TƯ PHÁP", "Số: 21/KH-STP"]
RIGHT = [*F.MOTTO, "Thái Bình, ngày 18 tháng 01 năm 2021"]
HEADER = ("UBND TỈNH THÁI BÌNH", "SỞ TƯ PHÁP", "21/KH-STP", "Thái Bình", datetime.date(2021, 1, 18))


def box_paras(lines: list[str], bold: bool = True) -> str:
    """The paragraphs of a box: each line centred, bold when *bold* (as a letterhead's are)."""
    look = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return "".join(f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r>{look}<w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' for line in lines)


def vml_shape(content: str, name: str = "Text Box 2") -> str:
    """A VML text box holding *content* (paragraphs' XML)."""
    return (f'<v:shape id="{name}" o:spid="_x0000_s1026" type="#_x0000_t202" '
            'style="position:absolute;margin-left:0;margin-top:0;width:200pt;height:60pt;z-index:1" stroked="f">'
            f"<v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape>")


def wps_shape(content: str) -> str:
    """A DrawingML (wordprocessingShape) text box holding *content*."""
    return ('<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2540000" cy="762000"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
            f'<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>')


def anchor(graphic: str, uri: str = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape") -> str:
    return ('<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" '
            'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            '<wp:extent cx="2540000" cy="762000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
            '<wp:docPr id="1" name="Text Box 1"/><wp:cNvGraphicFramePr/>'
            f'<a:graphic><a:graphicData uri="{uri}">{graphic}</a:graphicData></a:graphic></wp:anchor></w:drawing>')


def vml_run(content: str) -> str:
    """A run drawing a VML text box (no DrawingML): as Word 2003 and many converters write it."""
    return f"<w:r {NS}><w:pict>{vml_shape(content)}</w:pict></w:r>"


def word_run(content: str, fallback: str | None = None, with_fallback: bool = True) -> str:
    """A run drawing a text box as Word 2010 and later write it: DrawingML, and the same box as VML for older readers
    (*fallback* if given: what the VML box holds)."""
    vml = f"<mc:Fallback><w:pict>{vml_shape(content if fallback is None else fallback)}</w:pict></mc:Fallback>" if with_fallback else ""
    return f'<w:r {NS}><mc:AlternateContent><mc:Choice Requires="wps">{anchor(wps_shape(content))}</mc:Choice>{vml}</mc:AlternateContent></w:r>'


def group_run(*contents: str) -> str:
    """A run drawing a group of text boxes (``wpg:wgp``), DrawingML only."""
    shapes = "".join(wps_shape(content) for content in contents)
    group = f"<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr/>{shapes}</wpg:wgp>"
    return f'<w:r {NS}><mc:AlternateContent><mc:Choice Requires="wpg">{anchor(group, "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup")}</mc:Choice></mc:AlternateContent></w:r>'


def add_runs(paragraph, *runs: str) -> None:
    """Append the runs (XML) to a python-docx paragraph."""
    for run in runs:
        paragraph._p.append(parse_xml(run))


def plan_document(letterhead: str):
    """A kế hoạch whose letterhead is a two-column table ("table"), or two text boxes anchored in an empty first
    paragraph: VML only ("vml"), or as Word writes them ("word")."""
    doc = F.document()
    if letterhead == "table":
        F.letterhead(doc, LEFT[:2], LEFT[2], RIGHT[2])
    else:
        make = vml_run if letterhead == "vml" else word_run
        add_runs(doc.paragraphs[0] if doc.paragraphs else doc.add_paragraph(), make(box_paras(LEFT)), make(box_paras(RIGHT)))
    F.para(doc, "KẾ HOẠCH", bold=True, center=True)
    F.para(doc, "Cải cách hành chính năm 2021 của Sở Tư pháp", bold=True, center=True)
    F.para(doc, "I. NHIỆM VỤ", bold=True)
    F.task_table(doc, [["STT", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Thời gian hoàn thành"],
                       ["1", "Rà soát văn bản", "Báo cáo rà soát", "Phòng XD&KTVB", "Quý II/2021"]])
    F.signature(doc, ["Sở Nội vụ;", "Lưu: VT."], ["GIÁM ĐỐC", "Nguyễn Văn A"])
    return doc


def imported(data: bytes):
    result = read_docx(data, "test.docx")
    loaded = load_bytes(dump_plan(result.data).encode("utf-8"), "test.yaml")
    assert loaded.plan is not None, loaded.problems
    return loaded.plan, result


def header_of(plan) -> tuple:
    head = plan.plan
    return (head.superior, head.issuer, head.number, head.place, head.date)


def body_of(inner: str) -> list:
    """What Body reads of a document.xml whose body holds *inner* (XML in the namespaces of NS)."""
    document = etree.fromstring(f"<w:document {NS}><w:body>{inner}</w:body></w:document>".encode("utf-8"))
    return Body(Styles(None), Numbering(None)).read(document)


def texts(body: list) -> list:
    return [(p.text, p.place) for p in body]


# ---------------------------------------------------------------- the letterhead


@pytest.mark.parametrize("letterhead", ["vml", "word"])
def test_a_letterhead_in_two_text_boxes_gives_what_the_same_letterhead_in_a_table_gives(letterhead):
    in_table, _ = imported(F.to_bytes(plan_document("table")))
    plan, result = imported(F.to_bytes(plan_document(letterhead)))
    assert header_of(plan) == header_of(in_table) == HEADER
    assert plan.plan.title == in_table.plan.title == "KẾ HOẠCH Cải cách hành chính năm 2021 của Sở Tư pháp"
    assert F.rows(plan) == F.rows(in_table) and len(F.rows(plan)) == 1
    assert result.problems == []


def test_boxes_drawn_right_first_or_anchored_in_the_title_paragraph_give_the_same_letterhead():
    for order, in_title in (([RIGHT, LEFT], False), ([LEFT, RIGHT], True)):
        doc = F.document()
        title = F.para(doc, "KẾ HOẠCH", bold=True, center=True) if in_title else doc.add_paragraph()
        add_runs(title, *(word_run(box_paras(lines)) for lines in order))
        if not in_title:
            F.para(doc, "KẾ HOẠCH", bold=True, center=True)
        F.para(doc, "Cải cách hành chính năm 2021 của Sở Tư pháp", bold=True, center=True)
        F.task_table(doc, [["STT", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Thời gian hoàn thành"],
                           ["1", "Rà soát văn bản", "Báo cáo rà soát", "Phòng XD&KTVB", "Quý II/2021"]])
        plan, result = imported(F.to_bytes(doc))
        assert header_of(plan) == HEADER, (order, in_title)
        assert plan.plan.title == "KẾ HOẠCH Cải cách hành chính năm 2021 của Sở Tư pháp"
        assert result.problems == []


#: The letterhead as two frames of a LibreOffice document (flat XML), each anchored to the first paragraph.
LIBREOFFICE_FRAMES = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:automatic-styles>
  <style:style style:name="C" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="fr" style:family="graphic"><style:graphic-properties style:wrap="none" style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="from-left" style:horizontal-rel="paragraph" fo:border="none"/></style:style>
 </office:automatic-styles>
 <office:body><office:text>
  <text:p><draw:frame draw:style-name="fr" draw:name="Left" text:anchor-type="paragraph" svg:x="0cm" svg:y="0cm" svg:width="7cm" draw:z-index="0"><draw:text-box fo:min-height="2cm">
    <text:p text:style-name="C">UBND TỈNH THÁI BÌNH</text:p><text:p text:style-name="C">SỞ TƯ PHÁP</text:p><text:p text:style-name="C">Số: 21/KH-STP</text:p>
   </draw:text-box></draw:frame><draw:frame draw:style-name="fr" draw:name="Right" text:anchor-type="paragraph" svg:x="8cm" svg:y="0cm" svg:width="9cm" draw:z-index="1"><draw:text-box fo:min-height="2cm">
    <text:p text:style-name="C">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</text:p><text:p text:style-name="C">Độc lập - Tự do - Hạnh phúc</text:p><text:p text:style-name="C">Thái Bình, ngày 18 tháng 01 năm 2021</text:p>
   </draw:text-box></draw:frame></text:p>
  <text:p text:style-name="C">KẾ HOẠCH</text:p>
  <text:p text:style-name="C">Cải cách hành chính năm 2021 của Sở Tư pháp</text:p>
  <text:p text:style-name="C">I. NHIỆM VỤ</text:p>
  <table:table table:name="T"><table:table-column table:number-columns-repeated="5"/>
   <table:table-row><table:table-cell><text:p>STT</text:p></table:table-cell><table:table-cell><text:p>Nhiệm vụ</text:p></table:table-cell><table:table-cell><text:p>Sản phẩm</text:p></table:table-cell><table:table-cell><text:p>Cơ quan chủ trì</text:p></table:table-cell><table:table-cell><text:p>Thời gian hoàn thành</text:p></table:table-cell></table:table-row>
   <table:table-row><table:table-cell><text:p>1</text:p></table:table-cell><table:table-cell><text:p>Rà soát văn bản</text:p></table:table-cell><table:table-cell><text:p>Báo cáo rà soát</text:p></table:table-cell><table:table-cell><text:p>Phòng XD&amp;KTVB</text:p></table:table-cell><table:table-cell><text:p>Quý II/2021</text:p></table:table-cell></table:table-row>
  </table:table>
  <table:table table:name="S"><table:table-column table:number-columns-repeated="2"/>
   <table:table-row><table:table-cell><text:p>Nơi nhận:</text:p><text:p>- Sở Nội vụ;</text:p><text:p>- Lưu: VT.</text:p></table:table-cell><table:table-cell><text:p>GIÁM ĐỐC</text:p><text:p>Nguyễn Văn A</text:p></table:table-cell></table:table-row>
  </table:table>
 </office:text></office:body>
</office:document>"""


def test_a_letterhead_in_two_libreoffice_frames_saved_as_docx(tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is needed to write the text boxes LibreOffice writes")
        pytest.skip("LibreOffice (soffice) is needed to write the text boxes LibreOffice writes")
    source = tmp_path / "ke-hoach.fodt"
    source.write_text(LIBREOFFICE_FRAMES, encoding="utf-8")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx:MS Word 2007 XML",
                    "--outdir", str(tmp_path), str(source)], capture_output=True, timeout=300)
    converted = tmp_path / "ke-hoach.docx"
    assert converted.exists(), "LibreOffice wrote no .docx"
    plan, result = imported(converted.read_bytes())
    assert header_of(plan) == HEADER
    assert plan.plan.title == "KẾ HOẠCH Cải cách hành chính năm 2021 của Sở Tư pháp"
    assert [(i.lead, i.deadline) for _, _, i in plan.items()] == [(["Phòng XD&KTVB"], "Quý II/2021")]
    assert (plan.plan.signer.position, plan.plan.recipients) == ("GIÁM ĐỐC", ["Sở Nội vụ;", "Lưu: VT."])
    assert result.problems == []


def test_a_text_box_comes_before_its_anchor_at_the_anchors_place_and_keeps_its_look():
    body = body_of(
        '<w:p><w:r><w:t>trước</w:t></w:r></w:p>'
        f'<w:p><w:r><w:t xml:space="preserve">KẾ </w:t></w:r>{vml_run(box_paras(["SỞ TƯ PHÁP", "Số: 21/KH-STP"]))}<w:r><w:t>HOẠCH</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>sau</w:t></w:r></w:p>'
    )
    assert texts(body) == [("trước", Place(1)), ("SỞ TƯ PHÁP", Place(2)), ("Số: 21/KH-STP", Place(2)), ("KẾ HOẠCH", Place(2)), ("sau", Place(3))]
    assert [(p.bold, p.centered) for p in body[1:3]] == [(True, True), (True, True)]
    assert (body[3].bold, body[3].centered) == (False, False)  # the anchor's own look, not the box's


def test_a_box_as_word_writes_it_is_read_once_from_its_fallback_else_from_its_choice():
    # Word saves the box twice (DrawingML and VML); the VML Fallback is read, as between runs.
    body = body_of(f'<w:p>{word_run(box_paras(["HAI LẦN"]), fallback=box_paras(["CŨ"]))}</w:p>')
    assert [p.text for p in body] == ["CŨ", ""]
    body = body_of(f'<w:p>{word_run(box_paras(["CHỈ MỘT"]), with_fallback=False)}</w:p>')
    assert [p.text for p in body] == ["CHỈ MỘT", ""]


def test_a_group_of_boxes_gives_each_boxs_paragraphs_in_order():
    body = body_of(f'<w:p>{group_run(box_paras(LEFT), box_paras(RIGHT))}<w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>')
    assert [p.text for p in body] == [*LEFT, *RIGHT, "KẾ HOẠCH"]


def test_a_box_in_a_table_cell_gives_its_lines_before_the_anchors():
    body = body_of(f'<w:tbl><w:tr><w:tc><w:p>{vml_run(box_paras(LEFT[:2]))}<w:r><w:t>Số: 21/KH-STP</w:t></w:r></w:p></w:tc>'
                   "<w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
    cell = body[0].cells[0][0]
    assert cell.text == "UBND TỈNH THÁI BÌNH\nSỞ TƯ PHÁP\nSố: 21/KH-STP"
    assert [(p.text, p.place) for p in cell.paragraphs] == [(line, Place(table=1, row=1, column=1)) for line in LEFT]


def test_a_box_paragraph_takes_its_automatic_number_like_any_paragraph():
    doc = F.document()
    numbered = '<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr><w:r><w:t>Trong hộp</w:t></w:r></w:p>'  # a list style's number
    add_runs(doc.add_paragraph(), vml_run(numbered))
    doc.add_paragraph("Sau", style="List Number")
    package = open_package(F.to_bytes(doc))
    body = Body(Styles(package.styles), Numbering(package.numbering)).read(package.document)
    assert [p.text for p in body if p.text] == ["1. Trong hộp", "2. Sau"]


# ---------------------------------------------------------------- the anchor's own text


def test_the_anchors_text_has_none_of_the_boxs_text():
    # _run_text reads a run's own children: the w:t of a box (under w:pict, w:drawing, mc:AlternateContent) is not one.
    body = body_of(f'<w:p><w:r><w:t xml:space="preserve">Số: </w:t></w:r>{word_run(box_paras(["HỘP"]))}{vml_run(box_paras(["VML"]))}'
                   '<w:r><w:t>21</w:t></w:r></w:p>')
    assert [p.text for p in body] == ["HỘP", "VML", "Số: 21"]


# ---------------------------------------------------------------- bounds


def _nested(depth: int) -> str:
    content = box_paras(["lõi"])
    for _ in range(depth - 1):
        content = f"<w:p>{vml_run(content)}</w:p>"
    return f"<w:p>{vml_run(content)}</w:p>"


def test_boxes_nested_deeper_than_max_nesting_are_refused():
    assert [p.text for p in body_of(_nested(MAX_NESTING))][0] == "lõi"
    with pytest.raises(DocxRefused) as refused:
        read_docx(F.package(f"<w:document {NS}><w:body>{_nested(MAX_NESTING + 1)}</w:body></w:document>"), "test.docx")
    assert refused.value.key == "docx.too-deep"


def test_a_hundred_thousand_text_boxes_are_read_once_each_in_seconds(monkeypatch):
    count = 100_000
    runs = "".join(f'<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>{n}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>'
                   for n in range(count))
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body><w:p>{runs}</w:p><w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p></w:body></w:document>'
    calls = [0]
    real = Body.paragraph

    def counted(self, *args, **named):
        calls[0] += 1
        return real(self, *args, **named)

    monkeypatch.setattr(docx_body.Body, "paragraph", counted)
    data = F.package(document, compression=zipfile.ZIP_STORED)  # stored: the zip's ratio check is not what is tested
    start = time.perf_counter()
    try:
        result = read_docx(data, "test.docx")
    except DocxRefused as refused:  # refusing is as good as reading, if it is quick
        result = refused
    elapsed = time.perf_counter() - start
    assert calls[0] == count + 2  # each w:p read once: the boxes', the anchor, the title
    # About 6 s on a shared 2-core machine, as for 100,000 plain paragraphs (4.5 s): the bound leaves room for a slow one.
    assert elapsed < 30, f"{elapsed:.1f} s"
    if not isinstance(result, DocxRefused):
        assert result.data["plan"]["title"] == "KẾ HOẠCH"
