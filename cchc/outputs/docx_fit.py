"""Whether a row of the Word plan's task table could fit on one page, estimated from its text and column widths.

Item rows are marked "cannot split", so that an item never breaks across pages. But a
row that cannot split and is taller than a page is cut at the page's foot: Word prints
the first page's worth of it and drops the rest, and LibreOffice does the same when the
row keeps with the next. Such a row must be free to split. Word leaves the layout to
the reader, so the height is estimated here, erring on the tall side: every character
as wide as the wider of Times New Roman's regular and bold faces (Liberation Serif's
metrics, which are the same), lines broken only at spaces, a line 1.15 em high.
"""

from __future__ import annotations

import unicodedata

#: Advance widths in thousandths of an em of the characters from " " to "~": the wider of
#: Liberation Serif Regular and Bold (Times New Roman's metrics).
_ASCII = (
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500,
    930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
    611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500,
    333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
    556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 480, 220, 480, 541,
)  # fmt: skip
#: The Vietnamese letters that are not a Latin letter with marks over or under it, and common punctuation.
_OTHER = {
    "đ": 556, "Đ": 722, "ơ": 554, "Ơ": 778, "ư": 600, "Ư": 796, "\u00a0": 250,
    "–": 500, "—": 1000, "“": 500, "”": 500, "‘": 333, "’": 333, "…": 1000, "•": 350,
}  # fmt: skip
_WIDEST = 1000  # any other character: as wide as an em, the widest above
LINE = 1.15  # a line's height, in ems: Times New Roman's single spacing is 1.107 em


def char_width(char: str) -> int:
    """*char*'s advance width in thousandths of an em; a letter with marks is as wide as its base letter."""
    code = ord(char)
    if 32 <= code < 127:
        return _ASCII[code - 32]
    width = _OTHER.get(char)
    if width is not None:
        return width
    if unicodedata.combining(char):
        return 0
    marks = unicodedata.normalize("NFD", char)
    if marks[0] == char:
        return _WIDEST
    # As wide as its base letter, with the horn if it has one (ơ, ư are wider than o, u): other marks sit over or under it.
    base = unicodedata.normalize("NFC", marks[0] + "\u031b") if "\u031b" in marks else marks[0]
    return char_width(base) if len(base) == 1 else _WIDEST


def line_count(text: str, room: float) -> int:
    """The lines *text* takes when wrapped at spaces in *room* thousandths of an em (a word longer than a line is broken)."""
    space = _ASCII[0]
    lines, used, start = 1, 0.0, True
    for word in text.replace("\t", " ").split(" "):
        width = sum(map(char_width, word))
        if not start:
            if used + space + width <= room:
                used += space + width
                continue
            lines += 1  # the word starts the next line
        start = False
        while width > room:  # a word wider than the column breaks between its characters
            lines += 1
            width -= room
        used = width
    return lines


class RowFit:
    """Which rows of a table with columns *widths* (EMU) could not fit in *height* (EMU) under its heading row."""

    def __init__(self, widths: list[int], height: int, *, size: float, padding: float, spacing: float, margin: float):
        """*size*: the text's, in points; *padding*: a cell's left and right padding together, *spacing*: a
        paragraph's space before and after together, *margin*: a cell's top and bottom padding together (points)."""
        self.size = size
        self.rooms = [(w / 12700 - padding) * 1000 / size for w in widths]  # a line's room, thousandths of an em
        self.spacing = spacing
        self.margin = margin + 1  # and the row's rule
        self.room = height / 12700

    def below_heading(self, cells) -> None:
        """Take the heading row (*cells* as for ``cell_height``) off the room: it repeats at the top of every page."""
        self.room -= max(self.cell_height(column, texts) for column, texts in cells)

    def cell_height(self, column: int, texts: list[str]) -> float:
        """The height of a cell of *column* holding a paragraph for each of *texts*, in points."""
        room = self.rooms[column]
        lines = sum(line_count(text, room) for text in texts) if texts else 1
        return lines * LINE * self.size + max(len(texts), 1) * self.spacing + self.margin

    def too_tall(self, column: int, texts: list[str]) -> bool:
        """Whether a cell of *column* holding *texts* is taller than a page could hold."""
        # At most two lines per line's worth of characters (a line ends when the next word does not fit), one em
        # each at most: a cell far from a page's height is not measured.
        ems = sum(map(len, texts)) * 1000
        bound = (len(texts) + 2 * ems / max(self.rooms[column], 1)) * LINE * self.size + max(len(texts), 1) * self.spacing
        if bound + self.margin <= self.room:
            return False
        return self.cell_height(column, texts) > self.room
