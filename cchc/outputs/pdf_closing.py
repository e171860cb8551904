"""The signature under a plan's table never starts the last page alone: the table's last row goes over with it.

A kế hoạch with nothing after its table signs under it: the total, the sum in
words, then the closing table (Nơi nhận and the signature, kept whole). When
the block does not fit under the total, it takes a page of its own, which an
office would not sign. Then the table's last row (with the headings of its
task and section when it is the first row of either) goes over too, the total
after it: the new page starts with the column headings and reads on.

WeasyPrint keeps nothing with the rows before it that way without laying out
the table for ever when the rows, the total and the signature are taller than
a page together. So the document is laid out as it is, and only when its last
page holds the signature alone is it laid out again with a forced page break
before that row (``moved``); the second layout is kept when the row, the total
and the signature share its last page and rows are left on the page before,
in as many pages, and that page stays about two thirds full (``LEFT_FULL``;
issue 13: no page but the last less full than that; a last page with the
signature alone is the lesser fault). cchc's drawn table pages (``cchc.outputs.pdf_table``) do the
same, so that both print a plan alike.
"""

from __future__ import annotations

__all__ = ["moved", "signature_alone", "signs_with_rows", "last_row_breaks", "short_first_page", "filled", "FULL", "LEFT_FULL"]

CLOSING_TABLE = '<table class="closing">'
_ITEM = '<tr class="item'  # "item", or "item tall" (a row WeasyPrint may split: cchc.outputs.pdf)
_NEST = '<tr class="nest">'
_BREAK = ' style="break-before: page; page-break-before: always"'


def last_row_breaks(view) -> str:
    """Where the page breaks to take the table's last row over: before the row itself ("row"), or, when it is
    the first of its task's rows, before the task's group ("task"), or before its section ("section")."""
    groups = view.sections[-1].task_groups
    if len(groups[-1]) > 1:
        return "row"
    return "task" if len(groups) > 1 else "section"


def moved(document: str, block: tuple[int, int], view) -> str | None:
    """*document* with a page break before the table's last row (see ``last_row_breaks``); None when the
    signature is not under the table in the table's block (*block*: where it starts and ends)."""
    start, end = block
    signature = document.find(CLOSING_TABLE, start, end)
    if signature < 0 or not view.sections or not view.sections[-1].task_groups:
        return None
    where = last_row_breaks(view)
    if where == "row":
        at = document.rfind(_ITEM, start, signature)
    else:
        kind = '<table class="group task">' if where == "task" else '<table class="group section">'
        table = document.rfind(kind, start, signature)
        at = document.rfind(_NEST, start, table) if table >= 0 else -1
    if at < 0:
        return None
    close = document.index(">", at)
    return document[:close] + _BREAK + document[close:]


def _classes(page) -> set[str]:
    """``tag.class`` of every element with a class on a laid-out WeasyPrint page."""
    found: set[str] = set()
    root = getattr(page, "_page_box", None)  # WeasyPrint's own; without it, nothing is moved
    if root is None:
        return found
    for box in root.descendants():
        element = getattr(box, "element", None)
        if element is not None and element.get("class"):
            found.update(f"{element.tag}.{name}" for name in element.get("class").split())
    return found


#: A row of the table: an item's, or a task's heading (a task with no item has only that).
_ROWS = ("tr.item", "tr.task-heading")


def _has_rows(classes: set[str]) -> bool:
    return any(row in classes for row in _ROWS)


def signature_alone(laid) -> bool:
    """Whether the last page of a laid-out document holds the signature with no row of the table before it,
    the table's rows on the page before."""
    if len(laid.pages) < 2:
        return False
    last, before = _classes(laid.pages[-1]), _classes(laid.pages[-2])
    return "table.closing" in last and not _has_rows(last) and "tr.total" not in last and _has_rows(before)


#: A page less full than this, of its height, is nearly empty (issue 13: every page but the last about two thirds full).
FULL = 2 / 3
#: The page the table's last row leaves, going over with the signature, stays at least this full: "about two thirds"
#: (issue 13), as the print tests measure it.
LEFT_FULL = 0.65


def signs_with_rows(laid, pages: int) -> bool:
    """Whether a document laid out again in *pages* pages has the table's last rows with the signature on its
    last page, and rows left on the page before, about two thirds full (``LEFT_FULL``: the row taken over must not
    leave it nearly empty; the signature alone on the last page is the lesser fault)."""
    if len(laid.pages) != pages or pages < 2:
        return False
    last, before = _classes(laid.pages[-1]), _classes(laid.pages[-2])
    return "table.closing" in last and _has_rows(last) and _has_rows(before) and filled(laid.pages[-2]) >= LEFT_FULL


def short_first_page(laid) -> bool:
    """Whether a laid-out document's first page is less than ``FULL`` full and holds none of the table, which
    starts on the second page: a kế hoạch's letterhead, title and a few lines of prose alone on a page."""
    if len(laid.pages) < 2 or "div.plan" in _classes(laid.pages[0]) or "div.plan" not in _classes(laid.pages[1]):
        return False
    return filled(laid.pages[0]) < FULL


def filled(page) -> float:
    """How full a laid-out WeasyPrint page is: from the top of its text area to the foot of the lowest thing drawn
    there (text, rules), of that area's height (1.0 when WeasyPrint does not say)."""
    root = getattr(page, "_page_box", None)
    if root is None:
        return 1.0
    top, height = root.content_box_y(), root.height
    bottom = top
    for child in root.children:
        if type(child).__name__ == "MarginBox":  # the page number's box, in the margin
            continue
        for box in child.descendants():  # what is drawn: text and rules, boxes with nothing inside them
            if not getattr(box, "children", None) and isinstance(getattr(box, "height", None), (int, float)):
                bottom = max(bottom, box.position_y + box.margin_height())
    return (bottom - top) / height if height > 0 else 1.0
