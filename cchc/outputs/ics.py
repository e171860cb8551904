"""The plan's due dates as an iCalendar file (RFC 5545).

Every due date of every dated item (each date of "Quý II, IV/2021" and of a
recurring "Hằng quý" too) is one all-day event (``DTSTART;VALUE=DATE`` and
the next day as ``DTEND``) titled "ID: product", with the lead and partner
agencies and the deadline as worded in its description, and a reminder a
week before (``VALARM``, ``ACTION:DISPLAY``, ``TRIGGER:-P7D``).

The file is the same, byte for byte, on every run and machine for the same
plan, options and language: events are sorted (date, then plan order); each
``UID`` is a hash of the plan's issuer and number (the decision's, else the
plan's, else its title; however the issuer's name and the number are spelt),
the item's id and the date, so importing an updated plan again updates its
events instead of adding copies; ``DTSTAMP`` is midnight UTC of
the plan's date (the decision's, else the plan's, else 1 January of its
year), never the clock. Text that could break a calendar reader is
neutralised: control characters are shown escaped (as ``\\x1b``) and line
ends are one ``\\n``.

cchc writes the text itself, a few fixed properties an event: TEXT values
escaped (backslash, semicolon, comma, line end: RFC 5545 3.3.11) and lines
folded before they reach 75 octets, never inside a character nor inside an
escape. An item due more than once has its summary, and its description
but for the line of the date, made once, at its first date. The icalendar
library's writer builds each event as objects and folds each line a
character at a time, some 0.35 ms an event: 54 s for the 155,598 events of a
plan of 100,000 items. The tests read every calendar back with the library.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import unicodedata
from itertools import islice
from operator import itemgetter
from typing import Iterator

from cchc.messages import t
from cchc.outputs.halves import in_two
from cchc.text import one_tone_place

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
    """What identifies the plan across its versions: its issuer (and the body above it) with the decision's number,
    the plan's number, else its title, and the plan's year. Every district numbers its plans "01/KH-UBND", and two
    departments' plans made from one starter share their title: the issuer keeps their events apart in one
    calendar; numbers start again each year: the year keeps a body's plans of two years apart."""
    from cchc.query import plan_number

    header = plan.decision if plan.decision is not None else plan.plan
    number = plan_number(plan)
    own = f"{_number_key(number) if number else plan.plan.title}\x1f{plan.plan.year}"
    return "\x1f".join(part for part in (_spelling(header.superior), _spelling(header.issuer), own) if part)


#: Abbreviations of the bodies that issue plans, written out in a plan's key.
_BODIES = {"ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân"}
_NOT_WORD = re.compile(r"[^\w/]+|_")
_WORDS = re.compile(r"\w+")


def _spelling(name: str | None) -> str:
    """A body's name as the key holds it: how it is spelt does not change the plan ("ỦY BAN NHÂN DÂN HUYỆN HẢI HẬU",
    "UBND huyện Hải Hậu", "Uỷ ban nhân dân huyện Hải Hậu"): in lower case, "UBND" and "HĐND" written out, a tone on
    "oa", "oe", "uy" where the other spelling puts it, any run of other characters but "/" one space. Its letters'
    marks stay: "Việt Hùng" and "Việt Hưng" are two communes."""
    if not name:
        return ""
    text = one_tone_place(_NOT_WORD.sub(" ", unicodedata.normalize("NFC", name).lower()).strip())
    return _WORDS.sub(lambda m: _BODIES.get(m.group(), m.group()), text)


def _number_key(number: str) -> str:
    """A plan's number as the key holds it: in lower case, letters, digits and "/" only ("01/KH-UBND" is
    "01/KH - UBND")."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFC", number).lower())


def event_uid(plan_key_text: str, item_id: str, day: datetime.date) -> str:
    """A stable UID for the event of *item_id* due on *day* in the plan *plan_key_text*."""
    digest = _uid_hash(plan_key_text)
    digest.update(f"{item_id}\x1f{day.isoformat()}".encode("utf-8"))
    return f"{digest.hexdigest()[:32]}@cchc"


def _uid_hash(plan_key_text: str):
    """The hash of a UID's first part, the plan's key: each event's hash goes on from a copy of it."""
    return hashlib.sha256(f"{plan_key_text}\x1f".encode("utf-8"))


def _value(text: str) -> bytes:
    """Plan text as a TEXT value's UTF-8 bytes (``_text``, then ``_escape``).

    Most plan text is printable (no line end, no control or format character:
    nothing for ``_text`` to change): it is encoded first and escaped as bytes,
    quicker to scan than text of Vietnamese letters (two bytes a character)."""
    if text.isprintable():
        return text.encode("utf-8").replace(b"\\", b"\\\\").replace(b";", b"\\;").replace(b",", b"\\,")
    return _escape(_text(text)).encode("utf-8")


def _summary_lines(item) -> tuple[bytes, bytes]:
    """An item's SUMMARY line and its reminder's DESCRIPTION, "ID: product", folded (without their CRLF)."""
    summary = _value(f"{item.id}: {item.product}")
    return _fold(b"SUMMARY:" + summary), _fold(b"DESCRIPTION:" + summary)


def _stamp(plan) -> str:
    """DTSTAMP: midnight UTC of the plan's date (the decision's, else the plan's, else 1 January of its year)."""
    from cchc.progress import plan_date

    return f"{_date(plan_date(plan) or datetime.date(plan.plan.year, 1, 1))}T000000Z"


def calendar_ics(plan, rows, lang: str = "vi", agency: str | None = None) -> bytes:
    """The due dates of *rows* (``cchc.query.Row``s of *plan*, already filtered) as an iCalendar file; *agency*, the
    name of the agency whose items they are (``--agency``), is in the calendar's name."""
    return b"".join(calendar_pieces(plan, rows, lang, agency))


def calendar_pieces(plan, rows, lang: str = "vi", agency: str | None = None) -> Iterator[bytes]:
    """``calendar_ics`` in pieces, an event at a time: a large plan's calendar is never whole in memory."""
    from cchc.agencies import AgencyRegistry
    from cchc.outputs import Made
    from cchc.query import full_name

    registry = AgencyRegistry(plan.agencies)
    key = plan_key(plan)
    stamp = _stamp(plan)
    yield _lines(
        "BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{_escape(PRODID)}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(_text(calendar_name(plan, agency)))}",
    )
    default = [plan.plan.default_lead] if plan.plan.default_lead else []

    def names(references) -> str:
        return "; ".join(full_name(n, registry) for n in references)

    # The lines of a description repeat from item to item (agencies, deadlines, sections): each is worded and
    # escaped once. Escaping goes a character at a time, but for a CR LF (one line end): a line that ends with a CR,
    # which the LF after it would join, is made None, and its descriptions are escaped whole.
    def lead_names(cell) -> str:  # the default lead, standing in for a blank lead cell, is shown as such
        return names(cell) if cell or not default else t("items.default-lead", lang, name=names(default))

    lead_line = Made(lambda cell: t("calendar.lead", lang, names=lead_names(cell) or "—"))
    partners_line = Made(lambda cell: t("calendar.partners", lang, names=names(cell)))
    deadline_line = Made(lambda text: t("calendar.deadline", lang, text=text))
    occurrence_line = Made(lambda due: t("calendar.occurrence", lang, day=due[0], count=due[1]))
    section_line = Made(lambda section: t("calendar.section", lang, section=section))
    lead_value, partners_value, deadline_value, occurrence_value, section_value = (
        Made(lambda key, line=line: None if line[key].endswith("\r") else _value(line[key]))
        for line in (lead_line, partners_line, deadline_line, occurrence_line, section_line)
    )
    # What every event of a day shares, up to its UID.
    day_lines = Made(lambda day: (
        f"\r\nDTSTART;VALUE=DATE:{_date(day)}\r\nDTEND;VALUE=DATE:{_date(day + _DAY)}\r\nDTSTAMP:{stamp}\r\nUID:"
    ).encode("ascii"))
    day_iso = Made(lambda day: day.isoformat().encode("ascii"))
    uid_start = _uid_hash(key)

    # A line of agencies from each agency's escaped name, kept by reference: most items name a combination no other
    # item names. Escaping goes a character at a time, so printable names escaped and joined by the escaped "; " are
    # the line escaped whole; a name or a line's words that are not printable, or an empty name, take the way above.
    def around(key: str) -> tuple[bytes, bytes] | None:  # the line's escaped words before and after its names
        words = t(key, lang, names="\x00").split("\x00")
        return (_value(words[0]), _value(words[1])) if len(words) == 2 and all(w.isprintable() for w in words) else None

    lead_around, partners_around = around("calendar.lead"), around("calendar.partners")
    name_value = Made(lambda reference: _value(name) if (name := full_name(reference, registry)).isprintable() and name else None)

    def agencies_value(cell, ends, by_cell) -> bytes | None:
        key = tuple(cell)
        value = by_cell.get(key, by_cell)  # the dict itself: not made yet
        if value is by_cell:
            if ends is not None and cell:
                escaped = [name_value[reference] for reference in cell]
                if None not in escaped:
                    value = by_cell[key] = ends[0] + b"\\; ".join(escaped) + ends[1]
                    return value
            value = by_cell[key]
        return value

    headings: dict[int, bytes | None] = {}  # each section's line, by the section (its heading is made on each call)

    def item_lines(row) -> tuple:
        # What every event of an item shares: its summary lines, its UID's hash up to the date, and its
        # description's bytes before and after the line of the date (None: escaped whole, event by event).
        item = row.item
        uid = uid_start.copy()
        uid.update(f"{item.id}\x1f".encode("utf-8"))
        partners, section = item.partners, row.section
        before = [agencies_value(item.lead, lead_around, lead_value), deadline_value[item.deadline]]
        if partners:
            before.insert(1, agencies_value(partners, partners_around, partners_value))
        after = headings.get(id(section), headings)  # the dict itself: not made yet
        if after is headings:
            heading = section.heading
            after = headings[id(section)] = section_value[heading] if heading else b""
        if None in before or after is None:
            return (*_summary_lines(item), uid, None, None)
        return (*_summary_lines(item), uid, b"DESCRIPTION:" + b"\\n".join(before), b"\\n" + after if after else b"")

    def whole(row, day, count) -> bytes:  # the description escaped whole (a line of it ends with a CR)
        item, heading = row.item, row.section.heading
        words = [lead_line[tuple(item.lead)], partners_line[tuple(item.partners)] if item.partners else None,
                 deadline_line[item.deadline], occurrence_line[day, count] if count > 1 else None,
                 section_line[heading] if heading else None]
        return b"DESCRIPTION:" + _value("\n".join(line for line in words if line is not None))

    # By date, then the plan's order: one integer a key sorts faster than (date, order) pairs.
    span = max((row.order for row in rows), default=0) + 1
    events = [(day.toordinal() * span + row.order, day, row) for row in rows for day in row.deadline.due]
    events.sort(key=itemgetter(0))

    def made(first: int, last: int) -> Iterator[bytes]:  # the events first to last
        repeated: dict[int, tuple] = {}  # an item due more than once: its lines, kept until its last date
        for _, day, row in islice(events, first, last):
            due = row.deadline.due
            count = len(due)
            if count == 1:
                summary, reminder, uid, before, after = item_lines(row)
            else:
                lines = repeated.get(id(row))
                if lines is None:
                    lines = repeated[id(row)] = item_lines(row)
                if day == due[-1]:
                    del repeated[id(row)]
                summary, reminder, uid, before, after = lines
            if before is None:
                description = whole(row, day, count)
            elif count > 1:
                description = b"".join((before, b"\\n", occurrence_value[day, count], after))
            else:
                description = before + after
            uid = uid.copy()
            uid.update(day_iso[day])
            # Only the summary and the description can reach 75 octets; every other line is short and fixed.
            yield b"".join((
                b"BEGIN:VEVENT\r\n",
                summary,
                day_lines[day],
                uid.hexdigest()[:32].encode("ascii"),
                b"@cchc\r\nCATEGORIES:CCHC\r\n",
                _fold(description),
                b"\r\nTRANSP:TRANSPARENT\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\n",
                reminder,
                _EVENT_END,
            ))

    yield from in_two(made, len(events), text=False)
    if not events:  # RFC 5545 (3.6): a calendar holds one component or more; Vietnam's time zone is one that says nothing
        yield _VIETNAM
    yield b"END:VCALENDAR\r\n"


_DAY = datetime.timedelta(days=1)


def calendar_name(plan, agency: str | None = None) -> str:
    """The name a calendar application shows: the plan's title, who issued it (two districts' plans may share a
    title), and the agency of an extract: "KẾ HOẠCH … — ỦY BAN NHÂN DÂN HUYỆN KIẾN XƯƠNG — Phòng Tư pháp"."""
    from cchc.query import plan_issuer

    return " — ".join(part for part in (plan.plan.title, plan_issuer(plan), agency) if part)


def _date(day: datetime.date) -> str:
    """A DATE value: 20210630 (four digits of year whatever the year, as strftime's %Y does not promise)."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


#: REMINDER as an iCalendar duration.
_REMINDER = f"-P{-REMINDER.days}D"
_EVENT_END = f"\r\nTRIGGER:{_REMINDER}\r\nEND:VALARM\r\nEND:VEVENT\r\n".encode("ascii")


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


#: Vietnam's time zone (UTC+7 since 13 June 1975, no summer time), the one component of a calendar with no event.
_VIETNAM = _lines(
    "BEGIN:VTIMEZONE", "TZID:Asia/Ho_Chi_Minh", "BEGIN:STANDARD", "DTSTART:19750613T000000",
    "TZOFFSETFROM:+0800", "TZOFFSETTO:+0700", "TZNAME:+07", "END:STANDARD", "END:VTIMEZONE",
)
