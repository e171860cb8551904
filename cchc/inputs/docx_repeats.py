"""An appendix's table that repeats the tasks of the table before it ("DỰ TOÁN KINH PHÍ": the same products, with their
amounts and no deadlines): its rows are not tasks of their own. An amount such a row gives a task without one becomes
that task's, with a comment; one that differs from the task's own is warned of."""

from __future__ import annotations

from cchc.text import fold


def drop_repeated_parts(reader) -> None:
    """``drop_repeats`` of each part of *reader* (``TableReader.new_part``), the last first; the title of a part whose
    section stays is the plan's words, its "unplaced" warning taken back."""
    for start, place, title, title_place in reversed(reader.parts):
        drop_repeats(reader, start, place)
        if any((section["numeral"], section["title"]) == title for section in reader.sections[start:]):
            reader.warnings[:] = [w for w in reader.warnings if not (w[0] == "docx.unplaced" and w[1] == title_place)]


def drop_repeats(reader, start: int, place) -> None:
    """Take out of *reader*'s sections from *start* on (a part read after ``TableReader.new_part``) each item that is
    an earlier task again, with no deadline and no other lead: its task's title and product both an earlier item's,
    or (a row naming its task by one text) its product an earlier product or task title. Said at each row."""
    lead_of = {id(item): text for item, role, text in reader.agency_cells if role == "lead"}
    earlier: dict[tuple, dict] = {}
    for section in reader.sections[:start]:
        for task in section["tasks"]:
            title = fold(task.get("title") or "")
            for item in task["items"]:
                earlier.setdefault((title, fold(item.get("product") or "")), item)
                if not title:  # a task named by its product alone
                    earlier.setdefault(("", fold(item.get("product") or "")), item)
            if title and len(task["items"]) == 1:
                earlier.setdefault(("", title), task["items"][0])
    repeated = 0
    for section in reader.sections[start:]:
        for task in section["tasks"]:
            kept = []
            for item in task["items"]:
                match = earlier.get((fold(task.get("title") or ""), fold(item.get("product") or ""))) if not item.get("deadline") else None
                if match is None or lead_of.get(id(item)) not in (None, "", lead_of.get(id(match))):
                    kept.append(item)
                    continue
                repeated += 1
                at = reader.places.get(id(item), place)
                if item.get("budget") is not None and match.get("budget") is None:
                    match["budget"] = item["budget"]
                    reader.comments.append((match, "budget", "docx.comment.budget-from", {"number": place.table}))
                elif item.get("budget") is not None and item["budget"] != match["budget"]:
                    reader.warn("docx.repeated-amount", at, product=item.get("product") or task.get("title") or "",
                                amount=str(item["budget"]), own=str(match["budget"]))
            task["items"] = kept
        section["tasks"] = [task for task in section["tasks"] if task["items"]]
    if not repeated:
        return
    reader.sections[start:] = [section for section in reader.sections[start:] if section["tasks"]]
    kept_ids = {id(item) for section in reader.sections for task in section["tasks"] for item in task["items"]}
    reader.items[:] = [item for item in reader.items if id(item) in kept_ids]
    reader.agency_cells[:] = [cell for cell in reader.agency_cells if id(cell[0]) in kept_ids]
    reader.warn("docx.repeated-rows", place, count=repeated, number=place.table)
