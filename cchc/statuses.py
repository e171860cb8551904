"""The statuses of a progress log's entries, and the words people write for them (on the command line, and by
mistake in a log). Light: ``--help`` and the parsers of ``--status`` import it, not the log's reader."""

from __future__ import annotations

import functools

#: The statuses an entry may give, in the order a person reads them.
STATUSES: tuple[str, ...] = ("not_started", "in_progress", "done", "cancelled")
#: Words a person may write for a status, beside its code and the words cchc prints for it in either language
#: (``status.*`` in the catalogue), compared by ``cchc.text.word_key``: ``--status`` takes them ("undated" is
#: ``list``'s), and a log that holds one is told the code it means.
STATUS_WORDS = {
    "not_started": ("chưa bắt đầu", "chưa làm", "chưa TH"),  # "Chưa TH", "Đang TH": the report's short headings
    "in_progress": ("đang làm", "đang triển khai", "đang TH"),
    "done": ("đã hoàn thành", "xong", "đã xong", "hoàn tất", "đã hoàn tất"),
    "cancelled": ("hủy", "đã hủy", "canceled"),
    "undated": ("không có hạn", "không hạn", "no due date"),
}


def status_named(text: str) -> str | None:
    """The status of an entry a person's words name ("xong", "Hoàn thành", "in progress"), or None."""
    from cchc.text import word_key

    return _status_words().get(word_key(text))


@functools.lru_cache(maxsize=1)
def _status_words() -> dict[str, str]:
    """Each word for an entry's status (``word_key``), its code: made once, however many entries a log gets wrong."""
    from cchc.messages import catalogue, t
    from cchc.text import word_key

    found: dict[str, str] = {}
    for code in STATUSES:
        printed = [t(f"status.{code}", language) for language in ("vi", "en")] if f"status.{code}" in catalogue() else []
        for word in (code, *printed, *STATUS_WORDS.get(code, ())):
            found.setdefault(word_key(word), code)
    return found


def recording_of(item, plan_name: str) -> tuple[str, dict]:
    """The message key and arguments of ``status-in-plan`` for an *item* (its YAML mapping) of the plan file
    *plan_name* that keeps its status (and day) itself: the ``cchc progress`` command that records them in the log,
    the status as its code ("hoàn thành": done, an old "planned": not_started), quoted as a shell reads it."""
    import re
    import shlex

    item = item if isinstance(item, dict) else {}
    status = item.get("status") if isinstance(item.get("status"), str) and item.get("status").strip() else "done"
    status = {"planned": "not_started"}.get(status) or status_named(status) or shlex.quote(status)
    day = str(item.get("completed_on"))  # a date, or its text: --on takes the ISO form, the day a "done" was
    dated = status == "done" and re.fullmatch(r"\d{4}-\d\d-\d\d", day) is not None
    plan = f" --plan {shlex.quote(plan_name)}" if plan_name and plan_name != "-" else ""
    args = {"id": shlex.quote(str(item.get("id") or "ID")), "status": status, "day": day if dated else "", "plan": plan}
    return ("status-in-plan.dated" if dated else "status-in-plan"), args
