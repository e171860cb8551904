"""The blocks of a long table's item rows for ``cchc.outputs.pdf_table``, the later ones laid out by a second process.

An item's block (its cells' lines, glyphs and rules) does not depend on where
it falls on a page: a table of 10,000 items is some seconds of wrapping and
measuring text before pages are made. On a machine with two or more cores a
forked child (``cchc.forks``) lays out the rows from a little past the middle
while this process lays out the first; the pages are then made here, in order,
from both. The child also sends back the characters it drew in each face (the
font subsets need them). When the child cannot start or fails, this process
lays its rows out itself: the PDF is byte for byte the same either way.
"""

from __future__ import annotations

from cchc import forks
from cchc.outputs.halves import PARENT_SHARE

#: Below this many item rows everything is laid out here: a fork costs some milliseconds, a row some 0.2 ms.
LEAST = 1500


def made_in_two(layout, rows: list, unfit: type) -> dict[int, object]:
    """Each of *rows*' block by the row's id (``layout.item``), the later part made by a child; a row whose block
    cannot be made (*unfit*, ``pdf_table.Unfit``, raised) has ("unfit", code, arguments) instead, and the rows after
    it in its part none (``_Layout.item`` makes them if asked)."""
    if len(rows) < LEAST or forks.cores() < 2:
        return {}
    middle = len(rows) * PARENT_SHARE // 100
    child = forks.Child.computing(lambda: (_blocks(layout, rows[middle:], unfit), [face.chars_drawn for face in layout.faces]))
    if child is None:
        return {}
    try:
        made = _blocks(layout, rows[:middle], unfit)
        theirs, used = child.value()
    finally:
        child.stop()
    for face, chars in zip(layout.faces, used):
        face.chars_drawn |= chars
    return dict(zip(map(id, rows), made + theirs))


def _blocks(layout, rows: list, unfit: type) -> list:
    """The blocks of *rows*, in order, to the first that cannot be made (its *unfit* as a tuple, which pickles)."""
    blocks: list = []
    for row in rows:
        try:
            blocks.append(layout.item(row))
        except unfit as exc:
            blocks.append(("unfit", exc.code, exc.arguments))
            break
    return blocks
