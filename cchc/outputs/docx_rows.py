"""The task table's item rows as WordprocessingML, written as text and parsed at once.

python-docx builds a table cell by cell through Python objects (and a run's text
a character at a time), which makes a plan of thousands of items take seconds
per thousand. These rows are written as the same XML python-docx writes for
them (``docx_parts.cell_text``): the same elements, attributes and order, so
the document's bytes are the same, and lxml parses them in one call.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from cchc.outputs.docx_parts import clean

#: What python-docx writes for a run's tab and line break characters.
_SPECIAL = re.compile(r"([\t\r\n])")
_SPECIAL_XML = {"\t": "<w:tab/>", "\r": "<w:br/>", "\n": "<w:br/>"}
_SIZE = '<w:sz w:val="24"/>'  # TABLE_PT (12 pt) in half-points
_SPACING = '<w:spacing w:before="20" w:after="20"/>'  # 1 pt before and after, in twentieths of a point
#: Rows parsed per call: the XML text of a batch, never of the whole table, is in memory.
BATCH = 500


def _run_content(text: str) -> str:
    # python-docx's run text: tabs and line breaks become elements, the rest w:t (space-preserving
    # when the text starts or ends with white space).
    parts = []
    for piece in _SPECIAL.split(text):
        if not piece:
            continue
        special = _SPECIAL_XML.get(piece)
        if special is not None:
            parts.append(special)
        elif len(piece.strip()) < len(piece):
            parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
        else:
            parts.append(f"<w:t>{escape(piece)}</w:t>")
    return "".join(parts)


class RowWriter:
    """The XML of item rows of a table whose cells are *widths* wide (twentieths of a point)."""

    def __init__(self, widths: list[int]):
        self.widths = widths
        self.memo: dict[tuple, str] = {}  # a cell's paragraphs, for short texts that repeat

    def paragraphs(self, texts: list[str], bold: bool = False, align: str | None = None) -> str:
        """``cell_text``'s paragraphs for *texts* (a cell given no text keeps its one empty paragraph)."""
        key = (tuple(texts), bold, align)
        done = self.memo.get(key)
        if done is not None:
            return done
        if not texts:
            return "<w:p/>"
        jc = f'<w:jc w:val="{align}"/>' if align else ""
        props = f"<w:rPr><w:b/>{_SIZE}</w:rPr>" if bold else f"<w:rPr>{_SIZE}</w:rPr>"
        out = []
        for text in texts:
            run = f"<w:r>{props}{_run_content(clean(text))}</w:r>" if text else ""
            out.append(f"<w:p><w:pPr>{_SPACING}{jc}</w:pPr>{run}</w:p>")
        done = "".join(out)
        if sum(map(len, texts)) <= 80:
            self.memo[key] = done
        return done

    def cell(self, column: int, content: str, merge: str | None = None) -> str:
        """A cell of *column*: *merge* is "restart" on the first cell of a vertical merge, "" below it."""
        if merge is None:
            vmerge = ""
        else:
            vmerge = '<w:vMerge w:val="restart"/>' if merge else "<w:vMerge/>"
        return f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{self.widths[column]}"/>{vmerge}</w:tcPr>{content}</w:tc>'


def append_rows(tbl, rows_xml) -> None:
    """Parse each batch of ``<w:tr>`` texts and append the rows to the table element *tbl*."""
    batch: list[str] = []
    for row in rows_xml:
        batch.append(row)
        if len(batch) >= BATCH:
            _append(tbl, batch)
            batch = []
    if batch:
        _append(tbl, batch)


def _append(tbl, batch: list[str]) -> None:
    wrapper = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(batch)}</w:tbl>")
    for tr in list(wrapper):
        tbl.append(tr)
