"""The plan's due dates as an iCalendar file (RFC 5545).

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
ends are one ``\\n``.

cchc writes the text itself, a few fixed properties an event: TEXT values
escaped (backslash, semicolon, comma, line end: RFC 5545 3.3.11) and lines
folded before they reach 75 octets, never inside a character nor inside an
escape. The icalendar library's writer builds each event as objects and folds
each line a character at a time, some 0.35 ms an event: 54 s for the 155,598
events of a plan of 100,000 items. The tests read every calendar back with
the library.
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
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029"  # all but tab, newline and carriage return
_CONTROL = re.compile(f"[{_CONTROLS}]")
_LINE_END = re.compile(r"\r\n|\r")
_CONTROL_OR_CR = re.compile(f"[\r{_CONTROLS}]")


def _text(value: str) -> str:
    """Plan text safe in an iCalendar TEXT value: one kind of line end, control characters shown escaped."""
    if _CONTROL_OR_CR.search(value) is None:  # most text: nothing to change
        return value
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


def _stamp(plan) -> str:
    """DTSTAMP: midnight UTC of the plan's date (the decision's, else the plan's, else 1 January of its year)."""
    from cchc.progress import plan_date

    return f"{_date(plan_date(plan) or datetime.date(plan.plan.year, 1, 1))}T000000Z"


def calendar_ics(plan, rows, lang: str = "vi") -> bytes:
    """The due dates of *rows* (``cchc.query.Row``s of *plan*, already filtered) as an iCalendar file."""
    return b"".join(calendar_pieces(plan, rows, lang))


def calendar_pieces(plan, rows, lang: str = "vi") -> Iterator[bytes]:
    """``calendar_ics`` in pieces, an event at a time: a large plan's calendar is never whole in memory."""
    from cchc.agencies import AgencyRegistry
    from cchc.outputs import Made
    from cchc.query import full_name

    registry = AgencyRegistry(plan.agencies)
    key = plan_key(plan)
    stamp = _stamp(plan)
    yield _lines(
        "BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{_escape(PRODID)}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(_text(plan.plan.title))}",
    )
    default = [plan.plan.default_lead] if plan.plan.default_lead else []

    def names(references) -> str:
        return "; ".join(full_name(n, registry) for n in references)

    # The lines of a description repeat from item to item (agencies, deadlines, sections): each is worded once.
    lead_line = Made(lambda cell: t("calendar.lead", lang, names=names(cell or default) or "—"))
    partners_line = Made(lambda cell: t("calendar.partners", lang, names=names(cell)))
    deadline_line = Made(lambda text: t("calendar.deadline", lang, text=text))
    occurrence_line = Made(lambda due: t("calendar.occurrence", lang, day=due[0], count=due[1]))
    section_line = Made(lambda section: t("calendar.section", lang, section=section) if section else None)
    date = Made(_date)
    events = sorted(((day, row.order, row) for row in rows for day in row.deadline.due), key=lambda e: e[:2])
    for day, _, row in events:
        item = row.item
        description = [lead_line[tuple(item.lead)]]
        if item.partners:
            description.append(partners_line[tuple(item.partners)])
        description.append(deadline_line[item.deadline])
        count = len(row.deadline.due)
        if count > 1:
            description.append(occurrence_line[day, count])
        section = section_line[row.section.heading]
        if section:
            description.append(section)
        summary = _escape(_text(f"{item.id}: {item.product}")).encode("utf-8")
        # Only the summary and the description can reach 75 octets; every other line is short and fixed.
        yield b"".join((
            b"BEGIN:VEVENT\r\n",
            _fold(b"SUMMARY:" + summary),
            f"\r\nDTSTART;VALUE=DATE:{date[day]}\r\nDTEND;VALUE=DATE:{date[day + _DAY]}\r\nDTSTAMP:{stamp}\r\n"
            f"UID:{event_uid(key, item.id, day)}\r\nCATEGORIES:CCHC\r\n".encode("ascii"),
            _fold(b"DESCRIPTION:" + _escape(_text("\n".join(description))).encode("utf-8")),
            b"\r\nTRANSP:TRANSPARENT\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\n",
            _fold(b"DESCRIPTION:" + summary),
            f"\r\nTRIGGER:{_REMINDER}\r\nEND:VALARM\r\nEND:VEVENT\r\n".encode("ascii"),
        ))
    yield b"END:VCALENDAR\r\n"


_DAY = datetime.timedelta(days=1)


def _date(day: datetime.date) -> str:
    """A DATE value: 20210630 (four digits of year whatever the year, as strftime's %Y does not promise)."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


#: REMINDER as an iCalendar duration.
_REMINDER = f"-P{-REMINDER.days}D"


def _escape(text: str) -> str:
    """A TEXT value escaped (RFC 5545 3.3.11): backslash, semicolon and comma, and each line end as ``\\n``."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _lines(*lines: str) -> bytes:
    """Content lines as UTF-8, each folded (``_fold``) and ended by CRLF."""
    return b"".join(_fold(line.encode("utf-8")) + b"\r\n" for line in lines)


def _fold(line: bytes) -> bytes:
    """*line* folded (RFC 5545 3.1): pieces of at most 74 octets, each after the first on its own line
    after one space; never cut inside a UTF-8 character, nor inside an escape (``\\,``, ``\\\\``): a reader
    unfolds before it unescapes, but some calendars read an escape only whole on one line."""
    if len(line) < 75:
        return line
    pieces = []
    start, end = 0, len(line)
    while end - start > 74:
        cut = start + 74
        while line[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: the character began before the cut
            cut -= 1
        run = cut  # the backslashes just before the cut: an odd run ends with an escape's first half
        while run > start and line[run - 1] == 0x5C:
            run -= 1
        if (cut - run) % 2:
            cut -= 1
        pieces.append(line[start:cut])
        start = cut
    pieces.append(line[start:])
    return b"\r\n ".join(pieces)
