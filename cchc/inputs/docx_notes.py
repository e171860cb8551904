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
_NOTE = re.compile(r"(?:(?P<number>[0-9]{1,5})[.)]\s+)?(?P<id>[^\s:]{1,64}): (?P<text>\S.*)", re.S)
#: A note's mark at the end of its item's product: its number.
_MARK = re.compile(r"(?<=\S)\[(?P<number>[0-9]{1,5})\]$")


def take_editor_notes(after: list[Para], sections: list[dict]) -> int:
    """Take cchc's list of editor's notes out of *after* (the paragraphs after the tables): each note becomes the
    note of the item whose product ends with its mark, "[n]" (one with a note of its own keeps it), and the mark
    goes. The list is one only when each note's mark ends exactly one product, and that item's id is the one the
    note names (a plan's ids need not be the ones the import gives); how many notes were taken."""
    at = next((k for k, para in enumerate(after) if para.text.strip() == NOTES_HEADING), None)
    if at is None:
        return 0
    marked: dict[str, list[dict]] = {}
    for section in sections:
        for task in section["tasks"]:
            for item in task["items"]:
                if found := _MARK.search(item["product"] or ""):
                    marked.setdefault(found["number"], []).append(item)
    notes = []
    for position, para in enumerate(after[at + 1 :], 1):
        found = _NOTE.fullmatch(para.text.strip())
        if found is None:
            break
        items = marked.get(found["number"] or str(position), [])
        if len(items) != 1 or items[0]["id"] != found["id"]:  # not cchc's list of this plan's items as read
            return 0
        notes.append((items[0], found["text"]))
    for item, text in notes:
        item["product"] = _MARK.sub("", item["product"])
        item["note"] = item["note"] or text
    del after[at : at + 1 + len(notes)]
    return len(notes)
