"""The editor's notes of a plan cchc printed as HTML, back where they came from when a word processor saved the page.

cchc's HTML shows, on screen only, a mark "[n]" after the product of each
item with an editor's note, and the notes under "Ghi chú của người biên tập",
one "ID: note" each (``cchc/templates/plan-table.html.j2``). A word processor
saving the page as .docx keeps both as plain text: the mark became part of
the product, and the list a part of the plan's own text. Each note goes back
to its item, and its mark off the product's end.
"""

from __future__ import annotations

import re

from cchc.inputs.docx_body import Para

#: The heading cchc's HTML writes over the notes.
NOTES_HEADING = "Ghi chú của người biên tập"
#: One note of the list: its number (when the list's numbering is its text), the item's id, a colon, the note.
_NOTE = re.compile(r"(?:[0-9]{1,5}[.)]\s+)?(?P<id>[^\s:]{1,64}): (?P<text>\S.*)", re.S)
#: A note's mark at the end of its item's product.
_MARK = re.compile(r"\[[0-9]{1,5}\]$")


def take_editor_notes(after: list[Para], sections: list[dict]) -> int:
    """Take cchc's list of editor's notes out of *after* (the paragraphs after the tables): each note becomes the
    note of the item it names (one with a note of its own keeps it), and the mark after that item's product goes.
    Only a list whose every line names an item of *sections* is one; how many notes were taken."""
    at = next((k for k, para in enumerate(after) if para.text.strip() == NOTES_HEADING), None)
    if at is None:
        return 0
    items = {item["id"]: item for section in sections for task in section["tasks"] for item in task["items"]}
    notes = []
    for para in after[at + 1 :]:
        found = _NOTE.fullmatch(para.text.strip())
        if found is None:
            break
        if found["id"] not in items:  # not cchc's list of this plan's items: the document's own text
            return 0
        notes.append((items[found["id"]], found["text"]))
    if not notes:
        return 0
    for item, text in notes:
        product = item["product"] or ""
        if _MARK.search(product) and len(product) > len(_MARK.search(product)[0]):
            item["product"] = _MARK.sub("", product)
        item["note"] = item["note"] or text
    del after[at : at + 1 + len(notes)]
    return len(notes)
