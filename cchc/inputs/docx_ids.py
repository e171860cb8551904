"""Ids and data paths of the sections, tasks and items a Word document gave (``cchc.inputs.docx_rows``)."""

from __future__ import annotations

import re


def numbered_ids(sections: list[dict]) -> None:
    """Give each item its id, "I-1", "I-2" … counted per section label (on across sections of one label), and a
    section with no label its position."""
    used: dict[str, int] = {}
    for position, section in enumerate(sections, 1):
        base = re.sub(r"[^A-Za-z0-9._-]", "", _ascii(section["numeral"] or "")).strip("._-") or str(position)
        for task in section["tasks"]:
            for item in task["items"]:
                used[base] = used.get(base, 0) + 1
                item["id"] = f"{base[:40]}-{used[base]}"
        if section["numeral"] is None:
            section["numeral"] = str(position)


def number_tasks(sections: list[dict], stt_numbers_tasks: bool, beside: list[tuple[dict, dict]]) -> None:
    """Where the STT cells number the tasks (*stt_numbers_tasks*: merged down beside a task's cell; no task's rows
    numbered one by one), the STT beside a task of one row (*beside*: its task and item) numbers that task too, as
    it does the others: "2 | Theo dõi thi hành pháp luật | Báo cáo …" is task 2 with its one item, not an item
    numbered 2 under a task with no number."""
    if not stt_numbers_tasks:
        return
    if any(sum(1 for item in task["items"] if item["stt"]) > 1 for section in sections for task in section["tasks"]):
        return  # the rows of a task numbered one by one: the STT numbers items
    for task, item in beside:
        if task["number"] is None and task["items"] == [item]:
            task["number"], item["stt"] = item["stt"], None


def _ascii(text: str) -> str:
    """*text* without diacritics, case kept ("Đ" -> "D")."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def item_paths(sections: list[dict]):
    """(dict, data path) for each section, task and item."""
    for s, section in enumerate(sections):
        yield section, ("sections", s)
        for t, task in enumerate(section["tasks"]):
            yield task, ("sections", s, "tasks", t)
            for i, item in enumerate(task["items"]):
                yield item, ("sections", s, "tasks", t, "items", i)


#: A year a deadline names: "Quý I/2026", "Tháng 6 năm 2026", "2026".
_DEADLINE_YEAR = re.compile(r"(?<![0-9])(?:19|20|21)[0-9]{2}(?![0-9])")


def deadlines_year(sections: list[dict]) -> int | None:
    """The year the items' deadlines name most often (the first of equals), or None when they name none: a plan's
    year where its title names none ("Quý I/2026" in a plan issued on 28/12/2025 is the plan of 2026)."""
    counts: dict[int, int] = {}
    for section in sections:
        for task in section["tasks"]:
            for item in task["items"]:
                for found in _DEADLINE_YEAR.findall((item.get("deadline") or "")[:200]):
                    counts[int(found)] = counts.get(int(found), 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None
