"""The plan's due dates as an iCalendar file (RFC 5545), through the ``icalendar`` library.

Every due date of every dated item (each date of "Quý II, IV/2021" and of a
recurring "Hằng quý" too) is one all-day event (``DTSTART;VALUE=DATE`` and
the next day as ``DTEND``) titled "ID: product", with the lead and partner
agencies and the deadline as worded in its description, and a reminder a
week before (``VALARM``, ``ACTION:DISPLAY``, ``TRIGGER:-P7D``).

The file is the same, byte for byte, on every run and machine for the same
plan, options and language: events are sorted (date, then plan order); each
``UID`` is a hash of the plan's number (the decision's, else the plan's, else
its title), the item's id and the date, so importing an updated plan again
updates its events instead of adding copies; ``DTSTAMP`` is midnight UTC of
the plan's date (the decision's, else the plan's, else 1 January of its
year), never the clock. Text that could break a calendar reader is
neutralised: control characters are shown escaped (as ``\\x1b``) and line
ends are one ``\\n``; the library escapes commas, semicolons and
backslashes and folds lines at 75 octets.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from typing import Iterator

from cchc.messages import t

__all__ = ["calendar_ics", "calendar_pieces", "event_uid", "PRODID"]

PRODID = "-//cchc//Ke hoach CCHC//VI"
#: How long before a due date the reminder fires.
REMINDER = datetime.timedelta(days=-7)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_LINE_END = re.compile(r"\r\n|\r")


def _text(value: str) -> str:
    """Plan text safe in an iCalendar TEXT value: one kind of line end, control characters shown escaped."""
    value = _LINE_END.sub("\n", value)
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) <= 0xFF else f"\\u{ord(m.group()):04x}", value)


def plan_key(plan) -> str:
    """What identifies the plan across its versions: the decision's number, the plan's number, else its title."""
    if plan.decision is not None and plan.decision.number:
        return plan.decision.number
    return plan.plan.number or plan.plan.title


def event_uid(plan_key_text: str, item_id: str, day: datetime.date) -> str:
    """A stable UID for the event of *item_id* due on *day* in the plan *plan_key_text*."""
    digest = hashlib.sha256("\x1f".join((plan_key_text, item_id, day.isoformat())).encode("utf-8")).hexdigest()
    return f"{digest[:32]}@cchc"


def _stamp(plan) -> datetime.datetime:
    from cchc.progress import plan_date

    day = plan_date(plan) or datetime.date(plan.plan.year, 1, 1)
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc)


def calendar_ics(plan, rows, lang: str = "vi") -> bytes:
    """The due dates of *rows* (``cchc.query.Row``s of *plan*, already filtered) as an iCalendar file."""
    return b"".join(calendar_pieces(plan, rows, lang))


def calendar_pieces(plan, rows, lang: str = "vi") -> Iterator[bytes]:
    """``calendar_ics`` in pieces, an event at a time: a large plan's calendar is never whole in memory.

    The calendar's own lines come first, then each event as the library writes
    it, then the calendar's end: the bytes ``Calendar.to_ical`` gives for all of them.
    """
    import icalendar

    from cchc.agencies import AgencyRegistry
    from cchc.query import full_name, leads

    registry = AgencyRegistry(plan.agencies)
    key = plan_key(plan)
    stamp = _stamp(plan)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _text(plan.plan.title))
    end = b"END:VCALENDAR\r\n"
    head = cal.to_ical()
    if not head.endswith(end):  # the library's own layout changed: the calendar cannot be written in pieces
        raise RuntimeError("icalendar wrote a calendar that does not end with END:VCALENDAR")
    yield head[: -len(end)]
    events = sorted(((day, row.order, row) for row in rows for day in row.deadline.due), key=lambda e: e[:2])
    for day, _, row in events:
        item = row.item
        summary = _text(f"{item.id}: {item.product}")
        lead_names = [full_name(n, registry) for n in leads(item, plan)]
        lines = [t("calendar.lead", lang, names="; ".join(lead_names) or "—")]
        if item.partners:
            lines.append(t("calendar.partners", lang, names="; ".join(full_name(n, registry) for n in item.partners)))
        lines.append(t("calendar.deadline", lang, text=item.deadline))
        if len(row.deadline.due) > 1:
            lines.append(t("calendar.occurrence", lang, day=day, count=len(row.deadline.due)))
        section = row.section.heading
        if section:
            lines.append(t("calendar.section", lang, section=section))
        event = icalendar.Event()
        event.add("uid", event_uid(key, item.id, day))
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + datetime.timedelta(days=1))
        event.add("summary", summary)
        event.add("description", _text("\n".join(lines)))
        event.add("categories", ["CCHC"])
        event.add("transp", "TRANSPARENT")
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", REMINDER)
        alarm.add("description", summary)
        event.add_component(alarm)
        yield event.to_ical()
    yield end
