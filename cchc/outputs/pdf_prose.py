"""A short prose before a kế hoạch's table, drawn on the table's first page as WeasyPrint prints it there.

The template's ``prose`` of ``view.prose_before_body`` inside the table's block
(``plan-table.html.j2``, when the letterhead heads the table's page): 14 pt with
a leading of 1.25, justified, the first line of each paragraph indented 1 cm,
6 pt under each paragraph; a heading bold, 6 pt above it taken by the space
before. Lines break where ``cchc.outputs.pdf_lines.wrap`` breaks them, as
for every text cchc draws; a line break written in the text (``|br``) ends a
line that is not justified, and the line after it is not indented.
"""

from __future__ import annotations

from cchc.outputs.pdf_fonts import BOLD, REGULAR
from cchc.outputs.pdf_lines import wrap
from cchc.outputs.pdf_table import MM, TITLE_LEADING, TITLE_SIZE, WIDTH, _Block

#: The first line's indent (CSS text-indent: 1cm) and the space under a paragraph (p { margin-bottom: 6pt }).
INDENT, AFTER = 10 * MM, 6.0


def prose_before(layout) -> _Block:
    """The view's prose before the table, as a block of *layout* (``cchc.outputs.pdf_table._Layout``)."""
    texts: list = []
    y = 0.0
    for paragraph in layout.view.prose_before_body:
        if paragraph.joined:  # its label opens the next paragraph
            continue
        if paragraph.heading is not None:
            text, face = paragraph.heading, BOLD
        else:
            text, face = (f"{paragraph.lead} " if paragraph.lead else "") + (paragraph.text or ""), REGULAR
        baseline = y + layout._baseline(face, TITLE_SIZE, TITLE_LEADING)
        lines = _lines(layout, face, text)
        for line, left, justified in lines:
            _draw(texts, layout.faces[face], face, line, left, baseline, justified)
            baseline += TITLE_LEADING
        y += len(lines) * TITLE_LEADING + AFTER
    return _Block(y, texts, [])


def _lines(layout, face: int, text: str) -> list[tuple[str, float, bool]]:
    """(line, its left edge, whether it is justified) of one paragraph: each of its own lines, spaces collapsed as
    HTML does and every character checked against the font (``layout.lines`` unwrapped), then wrapped here."""
    font = layout.faces[face]
    found: list[tuple[str, float, bool]] = []
    for n, collapsed in enumerate(layout.lines(text, face, TITLE_SIZE, WIDTH, wrap=False)):
        indent = INDENT if n == 0 else 0.0
        first = wrap(collapsed, font, (WIDTH - indent) / TITLE_SIZE)[0]
        rest = collapsed[len(first) :].lstrip(" ")
        lines = [first] + (wrap(rest, font, WIDTH / TITLE_SIZE) if rest else [])
        found += [(line, indent if k == 0 else 0.0, k < len(lines) - 1) for k, line in enumerate(lines)]
    return found


def _draw(texts: list, font, face: int, line: str, left: float, baseline: float, justified: bool) -> None:
    """*line* from *left*; when *justified*, its words spread so that it ends at the right edge."""
    if not line:
        return
    words = line.split(" ")
    spare = WIDTH - left - font.width(line) * TITLE_SIZE
    if not justified or len(words) < 2 or spare <= 0:
        texts.append((left, baseline, face, TITLE_SIZE, font.encode(line)))
        return
    extra = spare / (len(words) - 1)
    x = left
    for word in words:
        if word:
            texts.append((x, baseline, face, TITLE_SIZE, font.encode(word)))
        x += (font.width(word + " ")) * TITLE_SIZE + extra
