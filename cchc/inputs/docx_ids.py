"""Ids and data paths of the sections, tasks and items a Word document gave (``cchc.inputs.docx_rows``)."""

from __future__ import annotations

import re


def numbered_ids(sections: list[dict]) -> None:
    """Give each item its id, "I-1", "I-2" … counted per section label (on across sections of one label)."""
    used: dict[str, int] = {}
    for position, section in enumerate(sections, 1):
        base = re.sub(r"[^A-Za-z0-9._-]", "", _ascii(section["numeral"] or "")).strip("._-") or str(position)
        for task in section["tasks"]:
            for item in task["items"]:
                used[base] = used.get(base, 0) + 1
                item["id"] = f"{base[:40]}-{used[base]}"


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

