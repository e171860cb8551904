"""Printing a plan as a Word document (.docx), laid out as an office issues it (Nghị định 30/2020/NĐ-CP).

The document is laid out from the view every format shares (``cchc.outputs.view``),
in the order of the HTML template: the decision (or the kế hoạch's own header
block and prose) on portrait A4 pages, the task table on landscape pages of a
section of their own, and the closing prose and signature block on portrait
pages again. Pages are numbered in the top margin from page 2, through the
whole file. Editor's notes are not part of the official document and are left
out. The same view gives the same bytes on every run. python-docx is imported
only when a document is rendered.
"""

from __future__ import annotations

import datetime
import io
import zipfile

from cchc.outputs.view import MOTTO, NATION, place_apart

__all__ = ["render_docx"]

_MM = 36000  # EMU per millimetre
PAGE_SHORT, PAGE_LONG = 210 * _MM, 297 * _MM  # A4


def _margin(mm: int) -> int:
    """*mm* as Word stores a margin, in whole twips (635 EMU), never less: 15 mm (850.4 twips) written as 850 read
    back as 14.99 mm, under Nghị định 30's 15."""
    return -(-mm * _MM // 635) * 635


TOP, BOTTOM, LEFT, RIGHT, HEADER = _margin(20), _margin(20), _margin(30), _margin(15), _margin(10)
PORTRAIT_TEXT = PAGE_SHORT - LEFT - RIGHT  # 165 mm
LANDSCAPE_TEXT = PAGE_LONG - LEFT - RIGHT  # 252 mm
#: The letterhead's columns: the issuer's, and the nation's (wide enough for the quốc hiệu on one line at 13 pt).
ISSUER_COLUMN, NATION_COLUMN = 62 * _MM, 103 * _MM
MOTTO_WIDTH = 61 * _MM  # the motto in Times New Roman bold 14 pt is 60.2 mm long
INDENT = 10 * _MM  # first-line indent of body paragraphs
PAGE_NUMBER_PT = 13


def render_docx(view) -> bytes:
    """The plan (or the extract the view holds) as a .docx file's bytes; the same view gives the same bytes."""
    import docx

    doc = docx.Document()
    house_style(doc)
    composer = _Composer(doc, view)
    composer.compose()
    composer.end_with_paragraph()
    page_numbers(doc)
    _properties(doc, view.plan, view.extract)
    agency_names(doc, view.agency_names)
    buffer = io.BytesIO()
    doc.save(buffer)
    return fixed_zip(buffer.getvalue())


class _Composer:
    """Lays out the view's parts, section by section, in the document."""

    def __init__(self, doc, view):
        self.doc = doc
        self.view = view
        self.started = False

    def compose(self) -> None:
        view = self.view
        plan = view.plan
        decision = plan.decision
        if view.extract is not None:  # an extract is the table alone, as in the HTML
            self.section(landscape=True)
            self.table_block(with_title=True)
            return
        self.section(landscape=False)
        self.letterhead(view.header)
        if decision is None:
            self.title_block()
            self.prose(view.prose_before_body)
            self.section(landscape=True)
            if view.prose_after:
                self.table_block(with_title=False)
                self.section(landscape=False)
                self.prose(view.prose_after)
                self.closing(view.signer, view.recipients)
            else:  # nothing but the signature after the table: it follows the table on its page, as in the HTML
                self.table_block(with_title=False, closing_follows=True)
                self.closing(view.signer, view.recipients, width=LANDSCAPE_TEXT)
            return
        numbers = [article.number for article in decision.articles]
        inline = view.inline_article if view.inline_article in numbers else None
        self.decision_head(decision)
        for article in decision.articles:
            self.article(article)
            if article.number == inline:
                self.prose(view.prose_before_body)
                self.section(landscape=True)
                self.table_block(with_title=False)
                self.section(landscape=False)
                self.prose(view.prose_after)
        self.closing(decision.signer, decision.recipients)
        if inline is not None:
            return
        if view.prose_before_body:
            self.section(landscape=False)
            self.title_block()
            self.prose(view.prose_before_body)
            self.section(landscape=True)
            self.table_block(with_title=False)
        else:
            self.section(landscape=True)
            self.table_block(with_title=True)
        if view.prose_after:
            self.section(landscape=False)
            self.prose(view.prose_after)

    # --- sections -------------------------------------------------------------------

    def section(self, *, landscape: bool) -> None:
        """Start a new page section (the first call lays out the document's first section)."""
        from docx.enum.section import WD_ORIENT, WD_SECTION

        doc = self.doc
        if self.started:
            body = doc.element.body
            self.end_with_paragraph()  # a table cannot carry a section break
            section = doc.add_section(WD_SECTION.NEW_PAGE)
            # python-docx puts the break in a new empty paragraph; move it into the last block instead.
            carrier = body[-2]
            previous = carrier.getprevious()
            previous.set_sectPr(carrier.pPr.sectPr)
            body.remove(carrier)
        else:
            section = doc.sections[0]
            self.started = True
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (PAGE_LONG, PAGE_SHORT) if landscape else (PAGE_SHORT, PAGE_LONG)
        section.top_margin, section.bottom_margin = TOP, BOTTOM
        section.left_margin, section.right_margin = LEFT, RIGHT
        section.header_distance = section.footer_distance = HEADER
        section.gutter = 0

    def end_with_paragraph(self) -> None:
        """A 1 pt paragraph after a table that ends a section or the document, as Word writes one.

        Also after a paragraph that ends the previous section, so that no section is left empty.
        """
        from cchc.outputs.docx_parts import tiny

        last = self.doc.element.body[-2]  # body[-1] is the final w:sectPr
        if last.tag != _w("p") or last.xpath("./w:pPr/w:sectPr"):
            tiny(self.doc.add_paragraph())

    # --- blocks ---------------------------------------------------------------------

    def letterhead(self, header) -> None:
        """Issuing bodies and number on the left; quốc hiệu, tiêu ngữ and place and date on the right."""
        from cchc.outputs.docx_parts import CENTER, add, cell_margins, new_table, rule

        table = new_table(self.doc, [ISSUER_COLUMN, NATION_COLUMN])
        cell_margins(table, 0)
        issuer, nation = _cells(table.add_row())
        if header.superior:
            _caps(add(issuer, _body_and_place(place_apart(header.superior), 13, ISSUER_COLUMN), size=13, align=CENTER))
        name = _body_and_place(place_apart(header.issuer or ""), 13, ISSUER_COLUMN)
        _caps(add(issuer, name, size=13, bold=True, align=CENTER))
        rule(issuer, _rule_length(name, 13, 0.62, ISSUER_COLUMN), ISSUER_COLUMN)
        add(nation, NATION, size=13, bold=True, align=CENTER)
        add(nation, MOTTO, size=14, bold=True, align=CENTER)
        rule(nation, MOTTO_WIDTH, NATION_COLUMN)
        number, date = _cells(table.add_row())
        add(number, "Số: " + (header.number or "      /" + header.symbol_kind), size=13, align=CENTER)
        add(date, header.date_line or "", size=14, italic=True, align=CENTER)
        self.space(12)

    def decision_head(self, decision) -> None:
        from cchc.outputs.docx_parts import CENTER, JUSTIFY, add, rule

        doc = self.doc
        add(doc, "QUYẾT ĐỊNH", bold=True, align=CENTER, before=6, keep_next=True)
        add(doc, decision.title, bold=True, align=CENTER, keep_next=True)
        rule(doc, _rule_length(decision.title, 14, 0.5, PORTRAIT_TEXT), PORTRAIT_TEXT, after=12)
        if decision.authority:
            add(doc, decision.authority, bold=True, align=CENTER, after=12, keep_next=True)
        for basis in decision.legal_bases:
            add(doc, basis, italic=True, align=JUSTIFY, indent=INDENT, after=6)
        add(doc, "QUYẾT ĐỊNH:", bold=True, align=CENTER, before=6, after=12, keep_next=True)

    def article(self, article) -> None:
        from cchc.outputs.docx_parts import JUSTIFY, add, clean, style_run

        label = f"Điều {article.number}."
        if not article.paragraphs:
            add(self.doc, label, bold=True, align=JUSTIFY, indent=INDENT, after=6)
        for position, text in enumerate(article.paragraphs):
            paragraph = add(self.doc, align=JUSTIFY, indent=INDENT, after=6)
            if position == 0:
                style_run(paragraph.add_run(label + " "), bold=True)
            paragraph.add_run(clean(text))

    def prose(self, paragraphs) -> None:
        """Prose blocks as written: each heading (label and title) in bold, then its paragraphs."""
        from cchc.outputs.docx_parts import JUSTIFY, add

        for p in paragraphs:
            if p.joined:  # a bare label: it opens the next paragraph
                continue
            if p.heading:
                add(self.doc, p.heading, bold=True, align=JUSTIFY, indent=INDENT, before=6, after=6, keep_next=True)
            else:
                add(self.doc, f"{p.lead} {p.text or ''}" if p.lead else p.text or "", align=JUSTIFY, indent=INDENT, after=6)

    def title_block(self) -> None:
        from cchc.outputs.docx_parts import CENTER, add

        plan = self.view.plan
        lines = self.view.title_lines
        for position, line in enumerate(lines):
            last = position == len(lines) - 1 and not plan.plan.subtitle
            add(self.doc, line, bold=True, align=CENTER, after=12 if last else 0, keep_next=True)
        if plan.plan.subtitle:
            add(self.doc, plan.plan.subtitle, italic=True, align=CENTER, before=4, after=12, keep_next=True)

    def table_block(self, *, with_title: bool, closing_follows: bool = False) -> None:
        """The task table, on the landscape pages: its title for an attached plan, the total and its words.

        When the signature block follows on the same page (*closing_follows*), the table's end keeps with it.
        """
        from cchc.outputs.docx_parts import CENTER, add, keep_with_next
        from cchc.outputs.docx_rows import task_table

        view, doc = self.view, self.doc
        if with_title:
            self.title_block()
        if view.extract:
            add(doc, view.extract, bold=True, align=CENTER, after=12, keep_next=True)
        self.prose(view.table_heads)  # the headings the prose before ends with: on the table's page, kept with it
        table = task_table(doc, view, LANDSCAPE_TEXT, PAGE_SHORT - TOP - BOTTOM)
        if closing_follows:  # a total row keeps with the next already
            keep_with_next(table.rows[-1])
        totals = view.totals
        words = []
        if view.has_money and totals.vnd is not None:
            lead = "Kinh phí phần trích" if view.extract else "Tổng kinh phí"
            words.append(f"{lead}: {totals.vnd}đ" + (f" (Bằng chữ: {totals.in_words})" if totals.in_words else ""))
        if totals.note:  # the declared total as a note: printed even with no money column, never as "0 đồng"
            words.append(f"Kinh phí: {totals.note}")
        if view.extract and totals.declared is not None:
            words.append(f"Tổng kinh phí toàn kế hoạch: {totals.declared} triệu đồng")
        for position, line in enumerate(words):
            add(doc, line, before=8 if position == 0 else 0, after=4, keep_next=closing_follows)

    def closing(self, signer, recipients, width: int = PORTRAIT_TEXT) -> None:
        """Nơi nhận on the left (small, its label bold italic, items after "- "); the signature block on the right.

        The block is never left alone on a page: the paragraph before it (an article, the prose, the
        total's words) keeps with it, and so does the small space between them.
        """
        from cchc.outputs.docx_parts import CENTER, add, cell_margins, new_table

        if signer is None and not recipients:
            return
        last = self.doc.element.body[-2]  # body[-1] is the final w:sectPr
        if last.tag == _w("p") and not last.xpath("./w:pPr/w:sectPr"):
            last.get_or_add_pPr().keepNext_val = True
        self.space(6).paragraph_format.keep_with_next = True
        half = width // 2
        table = new_table(self.doc, [half, width - half])
        cell_margins(table, 0)
        row = table.add_row()
        trPr = row._tr.get_or_add_trPr()
        trPr.append(_element("w:cantSplit"))
        left, right = _cells(row)
        if recipients:
            add(left, "Nơi nhận:", size=12, bold=True, italic=True)
            for recipient in recipients:
                add(left, "- " + recipient, size=11)
        else:
            add(left)
        if signer is not None:
            if signer.authority:
                add(right, signer.authority, bold=True, align=CENTER)
            add(right, signer.position, bold=True, align=CENTER, after=72)
            add(right, signer.name or "", bold=True, align=CENTER)
        else:
            add(right)

    def space(self, points: float):
        """An empty paragraph of *points* (1 pt high, then *points* after it); returns it."""
        from cchc.outputs.docx_parts import add, tiny

        paragraph = add(self.doc)
        tiny(paragraph)
        paragraph.paragraph_format.space_after = _pt(points)
        return paragraph


# --- document-wide settings -------------------------------------------------------------


def house_style(doc) -> None:
    """Times New Roman 14 pt for every run, Vietnamese, single line spacing, nothing after a paragraph by default."""
    from cchc.outputs.docx_parts import BODY_PT, FONT

    styles = doc.styles.element
    defaults = styles.find(_w("docDefaults"))
    rpr = defaults.find(f"{_w('rPrDefault')}/{_w('rPr')}")
    for child in list(rpr):
        rpr.remove(child)
    fonts = _element("w:rFonts", ascii=FONT, hAnsi=FONT, eastAsia=FONT, cs=FONT)
    rpr.extend([fonts, _element("w:sz", val=str(BODY_PT * 2)), _element("w:szCs", val=str(BODY_PT * 2))])
    rpr.append(_element("w:lang", val="vi-VN", eastAsia="vi-VN", bidi="ar-SA"))
    ppr = defaults.find(f"{_w('pPrDefault')}/{_w('pPr')}")
    for child in list(ppr):
        ppr.remove(child)
    ppr.append(_element("w:spacing", after="0", line="240", lineRule="auto"))
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.element.rPr.rFonts.set(_w("eastAsia"), FONT)
    normal.element.rPr.rFonts.set(_w("cs"), FONT)
    normal.font.size = _pt(BODY_PT)
    # A justified line that ends in a line break (Shift+Enter, a plan's text with its lines) is not spread across
    # the page: Word and LibreOffice both stretch it otherwise. First in w:compat, as its schema orders it.
    compat = doc.settings.element.find(_w("compat"))
    if compat is None:
        compat = _element("w:compat")
        doc.settings.element.append(compat)
    compat.insert(0, _element("w:doNotExpandShiftReturn"))


def page_numbers(doc) -> None:
    """The page number centred in the top margin of every page but the first, counted through the file."""
    from cchc.outputs.docx_parts import CENTER, fill, page_field

    for position, section in enumerate(doc.sections):
        section.different_first_page_header_footer = position == 0
        header = section.header
        header.is_linked_to_previous = False
        paragraph = fill(header.paragraphs[0], align=CENTER)
        page_field(paragraph, PAGE_NUMBER_PT)
        if position == 0:
            section.first_page_header.is_linked_to_previous = False  # an empty header: page 1 is unnumbered


def _properties(doc, plan, extract: str | None = None) -> None:
    """Core properties from the document itself, never the clock: its title (an extract's with what it is, as
    the HTML's and the PDF's), issuer and date."""
    from cchc.outputs.docx_parts import clean

    document = plan.decision if plan.decision is not None else plan.plan
    day = document.date or datetime.date(plan.plan.year, 1, 1)
    stamp = datetime.datetime(day.year, day.month, day.day)
    core = doc.core_properties
    core.title = clean(plan.plan.title + (f" ({extract})" if extract else ""))[:255]
    core.subject = clean(plan.decision.title)[:255] if plan.decision is not None else ""
    core.author = clean(document.issuer or "")[:255]
    core.last_modified_by = core.author
    core.comments = ""
    core.keywords = ""
    core.category = ""
    core.language = "vi-VN"
    core.revision = 1
    core.created = core.modified = stamp
    # The template's thumbnail shows a page of python-docx's own, not this document.
    package = doc.part.package
    for rId, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package.rels.pop(rId)


#: The custom document properties holding the plan's agency names, one a line, as many as their length needs (Word
#: shows at most 255 characters of a text property): ``cchc.inputs.docx_package`` reads them.
AGENCY_NAMES, PROPERTY_CHARS = "cchc-agencies", 255


def agency_names(doc, names: list[str]) -> None:
    """The registry's names and short forms as custom document properties, which Word and LibreOffice keep: ``cchc
    import`` of this document then knows them, and splits a cell printed as the source writes it ("Các cơ quan nhà
    nước thuộc tỉnh, đơn vị tư vấn") into the names it holds."""
    from xml.sax.saxutils import escape

    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    from cchc.outputs.docx_parts import clean

    values: list[str] = []
    for name in names:
        if clean(name) != name or _units(name) > PROPERTY_CHARS:  # as Word holds them
            continue
        if values and _units(values[-1]) + 1 + _units(name) <= PROPERTY_CHARS:
            values[-1] += "\n" + name
        else:
            values.append(name)
    if not values:
        return
    properties = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{k + 2}" name="{AGENCY_NAMES}-{k + 1}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for k, value in enumerate(values)
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/'
        'officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"{properties}</Properties>"
    )
    package = doc.part.package
    part = Part(PackURI("/docProps/custom.xml"), CONTENT_TYPE.OFC_CUSTOM_PROPERTIES, xml.encode("utf-8"), package)
    package.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_PROPERTIES)


def _units(text: str) -> int:
    """*text*'s length as Word counts it: in UTF-16 code units (a character past U+FFFF is two)."""
    return len(text.encode("utf-16-le")) // 2


def fixed_zip(data: bytes) -> bytes:
    """The package again with fixed member times (python-docx stamps the clock's) so that output is reproducible."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            member.create_system = 0
            member.external_attr = 0
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


# --- small helpers ----------------------------------------------------------------------


def _w(name: str) -> str:
    from docx.oxml.ns import qn

    return qn(name if ":" in name else "w:" + name)


def _element(tag: str, **attributes):
    from docx.oxml import OxmlElement

    element = OxmlElement(tag)
    for key, value in attributes.items():
        element.set(_w(key), value)
    return element


def _pt(points: float):
    from docx.shared import Pt

    return Pt(points)


def _cells(row):
    """The row's cells, emptied of the paragraph python-docx starts each with (every caller adds its own)."""
    cells = row.cells
    for cell in cells:
        for paragraph in cell.paragraphs:
            cell._tc.remove(paragraph._p)
    return cells


def _caps(paragraph) -> None:
    """Shown in capitals, as issuing bodies are printed, while the text stays as written."""
    for run in paragraph.runs:
        run.font.all_caps = True


def _body_and_place(parts: tuple[str, str], size: float, room: int) -> str:
    """A body's name with its place ("TỈNH HÀ NAM") after its last line when the place fits there whole, else from a
    line of its own (a break): Word would split "ỦY BAN NHÂN DÂN TỈNH / HÀ NAM" wherever the line ends (the HTML's
    and the PDF's ``.place``)."""
    from cchc.outputs.docx_fit import line_count

    body, place = parts
    whole = f"{body} {place}" if body and place else body or place
    room = room / (size * 12700) * 1000
    # The place on the body's last line when it fits there whole (no line more than the body's), else on its own.
    if not (body and place) or line_count(whole.upper(), room) == line_count(body.upper(), room):
        return whole
    return f"{body}\n{place}"


def _rule_length(text: str, size: float, em: float, room: int) -> int:
    """Two fifths of a line of *text* (estimated at *em* of *size* per character), at most the *room*'s: NĐ 30 asks 1/3 to 1/2."""
    longest = max((len(line) for line in text.split("\n")), default=0)
    estimated = int(longest * em * size * 12700)  # 12700 EMU per point
    return max(8 * _MM, min(estimated, room) * 2 // 5)
