"""A plan read from a Word document (.docx) as an office writes it, into cchc's plan data.

``read_docx(data, name)`` reads, in order: the issuing block (often a borderless two-column table: the bodies and
"Số: …" on the left, the national motto and "Thái Bình, ngày … tháng … năm …" on the right); for a decision (QUYẾT
ĐỊNH) its title, the authority, the legal bases ("Căn cứ …"), the articles ("Điều 1. …"), then its signature block
and "Nơi nhận:"; the plan (KẾ HOẠCH) with its title and subtitle; the prose before the task table, the task table(s)
(a budget by source only added up: ``docx_sources``; their own headings: ``docx_headings``), the prose after, a
plan's own signature; an appendix (PHỤ LỤC) may follow with the table.

It returns ``Imported``: the data (dicts in the model's field order, for ``cchc.inputs.writer``), the comments to
write where it guessed, and warnings (``Problem``s placed at body paragraph N, or table T row R column C) for what it
could not place. Text is kept word for word, in NFC, nothing corrected. A file not a readable .docx, or hostile, raises ``DocxRefused``.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from cchc.inputs import docx_prose as prose
from cchc.inputs.docx_agencies import AgencyBook, issuer_level, keep_cell
from cchc.inputs.docx_headings import own_headings, unit_stated
from cchc.inputs.docx_body import Body, Para, Place
from cchc.inputs.docx_continued import closing_split, rows_above_headings, same_cells_on
from cchc.inputs.docx_styles import Numbering, Styles
from cchc.inputs.docx_package import DocxRefused, open_package
from cchc.inputs.docx_ids import deadlines_year, item_paths, number_tasks, numbered_ids
from cchc.inputs.docx_notes import take_editor_notes
from cchc.inputs.docx_rows import TableReader
from cchc.inputs.docx_signature import bare_signature, signature_table
from cchc.inputs.docx_sources import with_sources_added
from cchc.inputs.docx_columns import find_columns
from cchc.inputs.docx_table import Columns, is_caps
from cchc.problems import Problem

__all__ = ["Imported", "DocxRefused", "read_docx"]

#: Paragraph kinds that end a decision's articles or a plan's prose: its signature block.
_CLOSING = ("recipients", "signer")
_YEAR = re.compile(r"(?i)năm\s+(?P<year>[0-9]{4})")
#: Letters typed in TCVN3 or VNI fonts from which a document is refused as needing conversion to Unicode.
LEGACY_CHARACTERS = 10
#: Characters of a left-out table's first text that its warning shows.
OTHER_TABLE_START = 60


@dataclass
class Imported:
    """What a Word document gave: plan data, comments by data path (message key, arguments), warnings."""

    data: dict
    comments: dict[tuple, list[tuple[str, dict]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_docx(data: bytes, name: str, registry=None) -> Imported:
    """Read the .docx in *data* (reported as *name*); *registry* (agencies) resolves the names it knows.

    Raises DocxRefused when *data* is not a .docx cchc reads.
    """
    package = open_package(data)
    reader = Body(Styles(package.styles), Numbering(package.numbering))
    body = reader.read(package.document)
    if sum(reader.legacy.values()) >= LEGACY_CHARACTERS:
        raise DocxRefused("docx.legacy-font", font=max(reader.legacy, key=reader.legacy.get))
    document = _Document(name, registry)
    document.book.know(package.agency_names)
    document.warnings += [("docx.symbol", place, {"font": font, "code": code}) for place, font, code in reader.unknown_symbols]
    document.warnings += [("docx.footnote", place, {}) for place in dict.fromkeys(reader.notes)]  # a place's notes told once
    return document.read(body)


#: A title's second line that says what the plan is attached to: "⏎(Kèm theo …)", "⏎ (Ban hành kèm theo …)".
_ATTACHED = re.compile(r"\n\s*\((?=(?:ban hành )?kèm theo\b)", re.IGNORECASE)
#: The line "PHỤ LỤC" ("Phụ lục I", "PHỤ LỤC 01"), alone, that heads an appendix.
_APPENDIX_LINE = re.compile(r"(?i)phụ lục(?:\s+(?:[0-9]{1,3}|[IVXLC]{1,7}|số\s+[0-9]{1,3}))?\.?")
#: A paragraph that is only a page's number: "2", "- 2 -", "– 2 –", "Trang 2", "Trang 2/5".
_PAGE_NUMBER = re.compile(r"(?:[-–—] ?)?(?:[Tt]rang )?[0-9]{1,3}(?:/[0-9]{1,3})?(?: ?[-–—])?")


class _Document:
    def __init__(self, name: str, registry):
        self.name = name
        #: (message key, place, arguments), in the order they were found
        self.warnings: list[tuple[str, Place, dict]] = []
        self.tables, self.headings = TableReader(self.warnings), None  # the first task table's own headings
        self.book = AgencyBook(registry)
        self.comments: list[tuple[object, str | None, str, dict]] = []
        self.decision: dict | None = None
        self.plan: dict = {}
        self.before: list[Para] = []
        self.after: list[Para] = []
        self.all_text: list[str] = []
        #: True from the plan's title (or its table) on: a signature block then is the plan's, not the decision's.
        self.in_plan = False

    # ------------------------------------------------------------ the walk

    def read(self, body: list) -> Imported:
        events = self._events(body)
        mode = "head"
        head: list[Para] = []
        closing: list[Para] = []
        title: list[str] = []
        subtitle: list[str] = []
        plain_title = False  # the title's words were taken from a line with no format saying so
        seen_table = False
        totals_zone = False  # right under a task table, where its total is written out
        appendix_lines: list[Para] = []  # an appendix's lines since the last table: its heading may name the next
        i = 0
        while i < len(events):
            event = events[i]
            i += 1
            if isinstance(event, tuple):  # a task table
                grid, columns = event
                if mode in ("head", "decision-title", "authority", "bases"):
                    self._header_of(self.plan if self.decision is None else self.decision, head)
                    head = []
                if mode == "articles" and self.decision is not None and self.decision["articles"]:
                    self._plan_in_article()
                if mode == "closing":
                    self._closing(closing)
                    closing = []
                    mode = "appendix"
                if mode == "appendix" and seen_table and columns.heading_rows:  # an appendix's table after another's
                    self._new_part(appendix_lines, Place(table=grid.index, row=1, column=1))
                appendix_lines = []
                self.tables.read(grid, columns, i >= 2 and isinstance(events[i - 2], tuple))  # right after a table: its part?
                self.headings = self.headings if self.headings is not None else own_headings(grid, columns)
                seen_table = self.in_plan = totals_zone = True
                mode = "appendix" if mode == "appendix" else "prose"
                continue
            para = event
            if totals_zone and self.tables.after_table(para.text, para.place):
                continue
            totals_zone = False
            what = prose.kind(para)
            if what == "separator":
                continue
            if mode == "head":
                if what == "decision":
                    self.decision = _new_decision()
                    self._header_of(self.decision, head)
                    head, mode = [], "decision-title"
                    rest = para.text.partition("\n")[2].strip()
                    if rest:  # "QUYẾT ĐỊNH", a line break (Shift+Enter), "Về việc …" in the same paragraph
                        self.decision["title"] = _join(self.decision["title"], _line(rest))
                elif what == "plan":
                    self._header_of(self.plan, head)
                    head, mode, title = [], "title", [para.text]
                    self.in_plan = True
                else:
                    head.append(para)
            elif mode == "decision-title":
                if what == "decides":
                    mode = "articles"
                elif prose.is_basis(para.text):
                    mode, i = "bases", i - 1
                elif is_caps(para.text):
                    self.decision["authority"] = _line(para.text)
                    mode = "authority"
                else:
                    self.decision["title"] = _join(self.decision["title"], _line(para.text))
            elif mode in ("authority", "bases"):
                if what == "decides":
                    mode = "articles"
                elif what == "article":
                    mode, i = "articles", i - 1
                elif mode == "authority" and is_caps(para.text):
                    self.decision["authority"] = _join(self.decision["authority"], _line(para.text))
                else:
                    mode = "bases"
                    self.decision["legal_bases"].append(para.text)
            elif mode == "articles":
                if what == "article":
                    number, text = prose.article(para.text)
                    self.decision["articles"].append({"number": number, "paragraphs": [text] if text else []})
                elif what in _CLOSING:
                    mode, closing = "closing", [para]
                elif what == "plan":
                    mode, title = "title", [para.text]
                    self.in_plan = True
                elif what == "appendix":
                    mode = "appendix"
                    self.warn("docx.unplaced", para)
                elif self.decision["articles"]:
                    self.decision["articles"][-1]["paragraphs"].append(para.text)
                else:
                    self.warn("docx.unplaced", para)
            elif mode == "closing":
                if what == "plan" and self.decision is not None and not self.in_plan:
                    self._closing(closing)
                    closing, mode, title = [], "title", [para.text]
                    self.in_plan = True
                elif what == "appendix":
                    self._closing(closing)
                    closing, mode = [], "appendix"
                    self.warn("docx.unplaced", para)
                else:
                    closing.append(para)
            elif mode == "title":
                if para.text.startswith("(") and not subtitle:
                    subtitle.append(para.text)
                    mode = "subtitle"
                elif not subtitle and (para.centered or len(title) == 1 and (para.bold or is_caps(para.text))) and what is None and prose.label_of(para.text) is None and prose.not_basis(para, len(title)):
                    title.append(para.text)
                elif len(title) == 1 and not subtitle and prose.plain_title(para, title[0], what):
                    # "KẾ HOẠCH" alone, then a line in no particular format: the title a plain editor wrote.
                    title.append(para.text)
                    plain_title = True
                else:
                    mode, i = "prose", i - 1
            elif mode == "subtitle":
                if para.centered and not subtitle[-1].endswith(")"):
                    subtitle.append(para.text)
                else:
                    mode, i = "prose", i - 1
            elif mode == "prose":
                if what == "article" and self.decision is not None and self.decision.get("plan_in_article"):
                    mode, i = "articles", i - 1
                elif what in _CLOSING:
                    mode, closing = "closing", [para]
                elif what == "appendix":
                    mode = "appendix"
                    self.warn("docx.unplaced", para)
                else:
                    (self.after if seen_table else self.before).append(para)
            elif mode == "appendix":
                if not title and not seen_table and self.decision is not None and (what == "plan" or what is None and is_caps(para.text)):
                    # The decision's plan, attached as its appendix: "PHỤ LỤC", then the plan's title (or the appendix's own
                    # heading in capitals, "DANH MỤC NHIỆM VỤ …", taken as the title), its subtitle and its table.
                    mode, title = "title", [para.text]
                    self.in_plan = True
                    if what != "plan":
                        self.comments.append((self.plan, "title", "docx.guess.appendix-title", {}))
                else:
                    self.warn("docx.unplaced", para)
                    appendix_lines.append(para)
        if mode == "head":
            self._header_of(self.plan, head)
        if closing:
            self._closing(closing)
        if title and not subtitle and (cut := _ATTACHED.search(title[-1])):  # "KẾ HOẠCH …⏎(Kèm theo …)": two lines
            title[-1], subtitle = title[-1][: cut.start()], ["(" + title[-1][cut.end() :]]
        if title:
            self.plan["title"] = " ".join(_line(text) for text in title)
            if plain_title:
                self.comments.append((self.plan, "title", "docx.guess.plain-title", {}))
        elif self.decision is not None and self.decision.get("plan_in_article") and self.decision["title"]:
            # A plan written inside an article has no title of its own on paper.
            self.plan["title"] = self.decision["title"]
            self.comments.append((self.plan, "title", "docx.guess.title", {}))
        if subtitle:
            self.plan["subtitle"] = " ".join(_line(text) for text in subtitle)
        return self._finish()

    def _events(self, body: list) -> list:
        """Paragraphs with text, task tables as (grid, columns), other tables as their paragraphs or a warning."""
        events: list = []
        last_columns: Columns | None = None
        last_width = -1
        for element in body:
            if isinstance(element, Para):
                if element.text:
                    first, _, rest = element.text.partition("\n")  # "PHỤ LỤC⏎KẾ HOẠCH …" in one paragraph: two
                    apart = rest.strip() and _APPENDIX_LINE.fullmatch(first.strip())
                    events += [dataclasses.replace(element, text=first.strip()), dataclasses.replace(element, text=rest.strip())] if apart else [element]
                    self.all_text.append(element.text)
                continue
            columns = find_columns(element)
            # A page's number between the parts of a table ("- 2 -", "Trang 2", a PDF made Word) is print, not words.
            furniture = 0
            while len(events) > furniture + 1 and isinstance(events[-1 - furniture], Para) and _PAGE_NUMBER.fullmatch(events[-1 - furniture].text.strip()):
                furniture += 1
            previous = events[-1 - furniture] if events else None
            continues = last_columns is not None and isinstance(previous, tuple)
            if continues and (columns is None or rows_above_headings(element, columns)):
                # A table continued after a break, without its headings (or with them typed again below rows of the
                # table above, which are then its rows, not words before a table): same columns, or the same cells
                # on another grid (a PDF converted to Word draws each part's grid anew).
                continued = (dataclasses.replace(last_columns, heading_rows=[], unknown=[]) if element.width == last_width
                             else same_cells_on(element, previous[0], last_columns))
                if continued is not None:  # else a table of its own, read by its own headings when it has them
                    columns = continued
            if furniture and columns is not None and isinstance(previous, tuple):  # between two parts, or two tables
                del events[len(events) - furniture :]
            if columns is not None:
                columns = unit_stated(events, element, columns, self.warnings)  # "Đơn vị tính: nghìn đồng" above it
                element, columns = with_sources_added(element, columns) or (element, columns)  # a budget by source: summed
                closing = closing_split(element, columns)  # "Nơi nhận:" and the signature in its last row
                events.append((closing[0] if closing else element, columns))
                last_columns, last_width = columns, element.width
                if closing:
                    self.warnings.append(("docx.closing-row", Place(table=element.index, row=len(closing[0].cells) + 1, column=1), {}))
                    self.all_text.extend(p.text for p in closing[1])
                    events.extend(closing[1])
                continue
            paragraphs = element.paragraphs()
            self.all_text.extend(p.text for p in paragraphs)
            if _layout_table(paragraphs, events):
                events.extend(paragraphs)
            elif signature_table(element, paragraphs):
                events.append(dataclasses.replace(paragraphs[0], landmark="signer"))
                events.extend(paragraphs[1:])
            elif paragraphs:
                start = next((p.text for p in paragraphs if p.text.strip()), "")  # what lets a person find the table
                start = start if len(start) <= OTHER_TABLE_START else start[: OTHER_TABLE_START - 1] + "…"
                self.warnings.append(("docx.other-table", Place(table=element.index, row=1, column=1), {"count": len(paragraphs), "start": start}))
        return bare_signature(events)

    def _new_part(self, lines: list[Para], place: Place) -> None:
        """A task table under an appendix's own heading, after another task table: its rows go into a section named by
        the appendix's heading ("NHIỆM VỤ CỦA UBND CÁC XÃ, THỊ TRẤN"), not into the last section read."""
        if found := prose.appendix_heading(lines):  # its "unplaced" warning is taken back if a section keeps its words
            self.tables.new_part(found[0], place, found[1].place)

    # ------------------------------------------------------------ parts

    def _header_of(self, target: dict, paras: list[Para]) -> None:
        found, unused = prose.header(paras)
        for told in [key for key in ("bad_date", "blank_date", "blank_number") if key in found]:  # none written: said
            self.warnings.append((f"docx.{told.replace('_', '-')}", paras[0].place if paras else Place(), {"text": found.pop(told)}))
        for key, value in found.items():
            target.setdefault(key, value)
        for para in unused:
            self.warn("docx.unplaced", para)

    def _closing(self, paras: list[Para]) -> None:
        signer, recipients, unused = prose.closing(paras)
        decision = self.decision
        target = decision if decision is not None and (not self.in_plan or decision.get("plan_in_article")) else self.plan
        if target is self.plan and decision is not None:
            # A plan under a decision has no signature block of its own in the model.
            for para in paras:
                self.warn("docx.unplaced", para)
            return
        if signer is not None:
            target["signer"] = signer
        if recipients:
            target["recipients"] = recipients
        for para in unused:
            self.warn("docx.unplaced", para)

    def _plan_in_article(self) -> None:
        """The table came inside an article: the plan is written in it; its numbered paragraphs are the plan's prose."""
        article = self.decision["articles"][-1]
        self.decision["plan_in_article"] = article["number"]
        paragraphs = article["paragraphs"]
        first = next((k for k, text in enumerate(paragraphs) if prose.label_of(text) is not None), len(paragraphs))
        self.before.extend(Para(text, Place()) for text in paragraphs[first:])
        del paragraphs[first:]

    def warn(self, key: str, para: Para, **args) -> None:
        self.warnings.append((key, para.place, {"text": para.text, **args}))

    # ------------------------------------------------------------ the plan data

    def _finish(self) -> Imported:
        tables = self.tables
        tables.finish()
        number_tasks(tables.sections, tables.stt_numbers_tasks, tables.stt_beside_task)
        numbered_ids(tables.sections)
        take_editor_notes(self.after, tables.sections)  # cchc's own HTML saved as .docx: its notes, back on the items
        year, year_guess = self._year()
        self.book.learn([text for _, _, text in tables.agency_cells])
        self.book.learn_prose(self.all_text)
        used: list[str] = []
        for item, role, text in tables.agency_cells:
            item[role] = self.book.names(text) or None
            used.extend(item[role] or [])
            keep_cell(item, role, text)
        level = issuer_level(*(document.get(key) for document in (self.decision or {}, self.plan) for key in ("issuer", "superior")))
        agencies, agency_comments = self.book.registry_entries(used, level)
        for item in tables.items:
            if item["deadline"]:
                self._deadline_comment(item, year)
        plan = self.plan
        if tables.total is not None:
            key = "total_million_vnd" if not isinstance(tables.total, str) else "total_note"
            plan[key] = tables.total
            if tables.total_written and key == "total_million_vnd":  # "43.500.000 đồng": said, as for an item's amount
                self.comments.append((plan, key, "docx.comment.unit", {"written": tables.total_written}))
        if tables.total_words:
            plan["total_in_words"] = tables.total_words
        data: dict = {}
        if self.decision is not None:
            data["decision"] = _ordered(self.decision, _DECISION_FIELDS)
        plan["year"], plan["headings"] = year, self.headings or None
        data["plan"] = _ordered(plan, _PLAN_FIELDS)
        data["agencies"] = agencies or None
        data["prose_before"] = prose.blocks(self.before) or None
        data["sections"] = tables.sections
        data["prose_after"] = prose.blocks(self.after) or None
        if not any(task.get("items") for section in tables.sections for task in section.get("tasks") or []):  # no item read
            # A task table read (its headings were: self.headings is set) with no task row is no table missing.
            self.warnings.append(("docx.no-items" if tables.sections or self.headings is not None else "docx.no-table", Place(), {}))
        comments = self._comment_paths(agency_comments, year_guess)
        problems = [
            Problem(self.name, 0, 0, "warning", key, tuple({**place.args(), **args}.items()))
            for key, place, args in self.warnings
        ]
        return Imported(data, comments, problems)

    def _year(self) -> tuple[int | None, str | None]:
        """The plan's year: from its title ("… năm 2021"), the decision's; else guessed, the comment saying how: the year
        its deadlines name most, else the date's, or the next for a date in December ("Quý I" of a plan of 28/12/2025)."""
        for text in (self.plan.get("title"), (self.decision or {}).get("title")):
            years = [int(m.group("year")) for m in _YEAR.finditer(text or "") if 1900 <= int(m.group("year")) <= 2199]
            if years:
                return years[-1], None
        if year := deadlines_year(self.tables.sections):
            return year, "docx.guess.year-deadlines"
        day = next((holder["date"] for holder in (self.plan, self.decision or {}) if holder.get("date") is not None), None)
        return (None, None) if day is None else (day.year + 1, "docx.guess.year-next") if day.month == 12 else (day.year, "docx.guess.year")

    def _deadline_comment(self, item: dict, year: int | None) -> None:
        from cchc.deadlines import DeadlineError, parse_deadline

        try:
            parse_deadline(item["deadline"], year)
        except DeadlineError as exc:
            self.comments.append((item, "deadline", exc.key, dict(exc.params)))

    def _comment_paths(self, agency_comments, year_guess: str | None) -> dict[tuple, list[tuple[str, dict]]]:
        paths = {id(obj): path for obj, path in item_paths(self.tables.sections)}
        paths[id(self.plan)] = ("plan",)
        out: dict[tuple, list[tuple[str, dict]]] = {}
        for obj, field_name, key, args in self.tables.comments + self.comments:
            path = paths.get(id(obj))
            if path is not None:
                out.setdefault(path + ((field_name,) if field_name else ()), []).append((key, args))
        for index, key, args in agency_comments:
            out.setdefault(("agencies", index), []).append((key, args))
        if year_guess:
            out.setdefault(("plan", "year"), []).append((year_guess, {}))
        return out


_DECISION_FIELDS = ("number", "date", "place", "superior", "issuer", "authority", "title", "legal_bases", "articles", "plan_in_article", "signer", "recipients")
_PLAN_FIELDS = ("title", "subtitle", "year", "total_million_vnd", "total_in_words", "total_note", "default_lead", "headings", "superior", "issuer", "number", "place", "date", "signer", "recipients")


def _new_decision() -> dict:
    return {"title": None, "authority": None, "legal_bases": [], "articles": []}


def _ordered(values: dict, fields: tuple[str, ...]) -> dict:
    out = {}
    for key in fields:
        value = values.get(key)
        if value in (None, [], ""):
            continue
        out[key] = {k: v for k, v in value.items() if v} if key == "signer" else value
    return out


def _join(first: str | None, more: str) -> str:
    return f"{first} {more}" if first else more


def _line(text: str) -> str:
    """A title's text on one line: a line break inside a title is layout, not words."""
    return " ".join(part.strip() for part in text.split("\n") if part.strip())


def _layout_table(paragraphs: list[Para], events: list) -> bool:
    """A table used for layout (the issuing block, a signature), read as paragraphs: before any text, or holding a landmark."""
    if not any(isinstance(e, Para) for e in events):
        return True
    return any(prose.kind(p) in ("motto", "recipients", "signer", "decision", "plan") for p in paragraphs)
