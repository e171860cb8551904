"""The plan as data: pydantic models of a CCHC plan file.

CCHC is *cải cách hành chính* (administrative reform). A plan file holds one
document of one of three kinds:

- a decision (*quyết định*) approving a plan attached to it (``decision:``
  and ``plan:``; the 2021 plan);
- a plan issued on its own, "Kế hoạch số …/KH-…" (``plan:`` with its own
  header: issuing bodies, number, place, date, signer, recipients);
- a decision whose Điều 1 holds the plan itself (``decision.plan_in_article``).

Then the registry of agencies (*cơ quan*), prose blocks before and after the
table (*mục đích, yêu cầu*; *tổ chức thực hiện*), and the table: sections ->
tasks (*nhiệm vụ*) -> items (one deliverable, *sản phẩm*, each). Labels are
free text as the source numbers them ("I", "1", "1.1", "a)"). Fields a source
lacks may be absent. Types are strict and unknown fields are rejected; amounts
are exact (int or Decimal, never float, never text). What each part and field
means, in Vietnamese and English, is written once in ``cchc.messages.schema``:
the titles and descriptions of ``cchc schema``, which editors show.
"""

from __future__ import annotations

import datetime
import os
import re
from decimal import Decimal
from typing import Annotated, Literal, Optional

# pydantic looks for plugins through every installed package's entry points the
# first time a model is built; cchc uses none, and the scan costs start-up time on
# every command. An explicit PYDANTIC_DISABLE_PLUGINS in the environment still wins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from cchc.money import MAX_MILLION

Text = Annotated[str, StringConstraints(min_length=1)]
#: The longest name of an agency (or group), and of a budget's note: far more than any real one ("Văn phòng
#: Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh" is 60 characters), far less than the megabytes a name's
#: spellings and "did you mean" would then cost (a name of 40 MB took 1.4 GB to check).
MAX_NAME = 500
MAX_NOTE = 2000
Name = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME)]
#: A budget's note ("Theo dự án"). An amount written as text, which the checks refuse (text-amount), the JSON
#: Schema refuses too, by this one pattern (ECMA-262's and Python's alike: each class spelt out, none of "\s" or
#: "\w", whose sets differ), which the checks use as well: a note that starts with a figure, a sign touching it or
#: not ("10 triệu (dự kiến)", "5.", "−20", "+10"), after nothing but spaces and characters that show nothing; or a
#: figure alone, with units of money (figures and units only, "1 tỷ 500 triệu", "10 - 15 tr"), behind signs,
#: brackets and quotes ("(10)", "“10”", "~10 tr", "(10 triệu đồng)").
#: A figure before other words behind a bracket or a dash ("(1) Theo dự án", "- 02 dự án thành phần") is a note.
#: One in words ("Mười triệu đồng") only the checks find.
_SPACE = (  # ECMA-262's white space and line ends (its "\s"), and the characters that show nothing
    "\t\n\u000b\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u2800"
    "\u3164\ufe00-\ufe0f\uffa0\ufff9-\ufffb"
)
_SIGN = "\\-+\u2212\u2010-\u2015\ufe62\ufe63\uff0b\uff0d"
_AROUND_FIGURE = _SPACE + _SIGN + (  # punctuation, symbols, arrows, bullets and shapes, half and full width: no letter
    "=\u00b1~\u2248<>\u2264\u2265$\u20ab\u20ac*#.,:;!?'\"()\\[\\]{}/|`_\u00ab\u00bb\u00b7\u2016-\u2027\u2030-\u205e"
    "\u2190-\u21ff\u2200-\u22ff\u25a0-\u25ff\u2600-\u27bf\u3001-\u3003\u3008-\u3011\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40"
    "\uff5b-\uff65"
)
_DIGIT = "0-9\uff10-\uff19"
#: Words of money, and of a sum's period, each a token of letters no two others make: "trđ" is "tr" and "đ", one way
#: only (a token two ways would make a repeat of them exponential to match).
_MONEY_WORDS = "|".join((
    "[Tt]ri[\u1ec7e]u", "TRI[\u1ec6E]U", "[Tt][\u1ef7\u1ec9yi]", "T[\u1ef6\u1ec8YI]", "[Nn]gh[\u00eci]n", "NGH[\u00ccI]N",
    "[Nn]g[\u00e0a]n", "NG[\u00c0A]N", "[\u0110\u0111\u0044\u0064][\u1ed3o]ng", "[\u0110D][\u1ed2O]NG", "[Vv][Nn][\u0110\u0111Dd]",
    "[Tt][Rr]", "[\u0110\u0111Dd]", "[Nn][\u0103a]m", "N[\u0102A]M", "[Tt]h[\u00e1a]ng", "TH[\u00c1A]NG", "[Cc]h[\u1eb5a]n", "CH[\u1eb4A]N",
))
NOTE_AMOUNT = (
    f"^[{_SPACE}]*[{_SIGN}]?[{_DIGIT}]"
    f"|^[{_AROUND_FIGURE}]*[{_DIGIT}](?:[{_AROUND_FIGURE}{_DIGIT}]|{_MONEY_WORDS})*$"
)
Note = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NOTE), WithJsonSchema({
    "type": "string", "minLength": 1, "maxLength": MAX_NOTE, "not": {"pattern": NOTE_AMOUNT},
})]
#: A label as the source numbers it: "I", "1", "1.1", "a)", "(1)".
Label = Annotated[str, StringConstraints(min_length=1, max_length=32)]
#: Million VND, exact: an integer or a decimal such as 2.5 (never a float, never text).
Amount = Annotated[int | Decimal, WithJsonSchema({"type": "number", "minimum": 0, "maximum": MAX_MILLION})]
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def _iso_day(value):
    """Only the text year-month-day comes to pydantic's reading of a date: its lax mode would also take a number
    (``date: 0`` as 01/01/1970, a Unix time) and a time of day at midnight ("2026-06-30T00:00:00Z")."""
    if type(value) is datetime.date:
        return value
    if isinstance(value, str) and _ISO_DAY.match(value):
        try:
            datetime.date.fromisoformat(value)
        except ValueError:  # 2026-02-30, 2026-13-01: written right, no such day
            raise PydanticCustomError("date_impossible", "no such day") from None
        return value
    raise PydanticCustomError("date_parsing", "a date written year-month-day")


#: An ISO date written in YAML as 2021-06-30 (a string to the loader). Its schema says so with a pattern too: a
#: validator checks a "format" only when asked to (jsonschema's own default does not).
Date = Annotated[datetime.date, Strict(False), BeforeValidator(_iso_day), WithJsonSchema({"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"})]
Year = Annotated[int, Field(ge=1900, le=2199)]
ItemId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$", max_length=64)]

KIND_DECISION = "quyet-dinh"
KIND_PLAN = "ke-hoach"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def heading(label: str | None, title: str | None) -> str:
    """"I. CẢI CÁCH THỂ CHẾ", "a) Title", the bare title or the bare label.

    A label that ends in punctuation ("1.", "a)", "(1)") is followed by the
    title directly; a bare one ("I", "1.1") gets a dot, as documents write it.
    """
    if label and title:
        joiner = " " if label[-1] in ".):-" else ". "
        return f"{label}{joiner}{title}"
    return title or label or ""


class Signer(_Model):
    """Who signs: "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / the name; a head signing in their own name has no authority line."""

    authority: Optional[Text] = None
    position: Text
    name: Optional[Text] = None


class Article(_Model):
    """An article (Điều) of the decision, as paragraphs."""

    number: int
    paragraphs: list[Text] = []


class Block(_Model):
    """A block of prose as the source writes it: a heading with its label, paragraphs, and numbered points or sub-blocks."""

    label: Optional[Label] = None
    title: Optional[Text] = None
    paragraphs: list[Text] = []
    blocks: list["Block"] = []

    @property
    def heading(self) -> str:
        return heading(self.label, self.title)


class Decision(_Model):
    """The decision (Quyết định) that approves the plan, or whose Điều 1 holds it."""

    number: Optional[Text] = None
    date: Optional[Date] = None
    place: Optional[Text] = None
    superior: Optional[Text] = None
    issuer: Optional[Text] = None
    authority: Optional[Text] = None
    title: Text
    legal_bases: list[Text] = []
    articles: list[Article] = []
    plan_in_article: Optional[int] = None
    signer: Optional[Signer] = None
    recipients: list[Text] = []


#: cchc's own column headings of the task table, by the field of ``Headings`` that replaces each.
DEFAULT_HEADINGS = {"lead": "Cơ quan chủ trì", "partners": "Cơ quan phối hợp", "deadline": "Thời gian hoàn thành", "budget": "Kinh phí dự kiến (triệu đồng)"}


class Headings(_Model):
    """The task table's column headings as the source writes them, where they differ from cchc's (``DEFAULT_HEADINGS``)."""

    lead: Optional[Text] = None  # "Cơ quan chủ trì tham mưu hoặc thực hiện"
    partners: Optional[Text] = None
    deadline: Optional[Text] = None
    budget: Optional[Text] = None  # in million VND, as every amount of a plan file: "Kinh phí (triệu đồng)"


class PlanHeader(_Model):
    """The plan's own header: title, year, declared total; for a plan issued on its own, its issuing block too."""

    # A total in words checks a total in figures: an editor is told that one needs the other (validate says so too).
    model_config = ConfigDict(json_schema_extra={"dependentRequired": {"total_in_words": ["total_million_vnd"]}})

    title: Text
    subtitle: str = ""
    year: Year
    total_million_vnd: Optional[Amount] = None
    total_in_words: Optional[Text] = None
    total_note: Optional[Note] = None  # an amount as text is refused, as an item's budget note (text-amount)
    default_lead: Optional[Name] = None
    headings: Optional[Headings] = None
    # The issuing block of a plan issued on its own (absent under a decision).
    superior: Optional[Text] = None
    issuer: Optional[Text] = None
    number: Optional[Text] = None
    place: Optional[Text] = None
    date: Optional[Date] = None
    signer: Optional[Signer] = None
    recipients: list[Text] = []


class Agency(_Model):
    """An agency, or a group of agencies, as the source names it."""

    name: Name
    short: list[Name] = []
    group: bool = False
    members: list[Name] = []
    members_rule: Optional[Literal["so-ban-nganh", "phong-ban-nganh"]] = None
    note: Optional[str] = None


#: A list field's schema shows its default, [], though each model makes its own (a factory: pydantic copies a
#: default [] with ``copy.deepcopy``, 0.1 s for a plan of 100,000 items that leave lead or partners out).
_EMPTY_LIST = {"default": []}


def _blank_as(empty):
    """A key written with nothing after it (``lead:``, ``deadline:``), which YAML reads as null, read as *empty*:
    a blank cell, as the key left out is (issue 11: a blank deadline is "unspecified")."""
    return BeforeValidator(lambda value: empty() if value is None else value)


def _null_too(schema: dict) -> None:
    """The field's JSON Schema allowing null (a blank key), as the model reads it."""
    kept = {key: schema.pop(key) for key in list(schema) if key not in ("description", "default", "title")}
    schema["anyOf"] = [kept, {"type": "null"}]


def _empty_list_or_null(schema: dict) -> None:
    _null_too(schema)
    schema.update(_EMPTY_LIST)


_BlankList = _blank_as(list)
_BlankText = _blank_as(str)


class Item(_Model):
    """One row of the plan's table: a deliverable with its agencies, deadline and budget."""

    id: ItemId
    stt: Optional[Label] = None
    product: Text
    lead: Annotated[list[Name], _BlankList] = Field(default_factory=list, json_schema_extra=_empty_list_or_null)
    partners: Annotated[list[Name], _BlankList] = Field(default_factory=list, json_schema_extra=_empty_list_or_null)
    # The agency cells as the source writes them ("Sở A, Sở B."), when that is not the names joined by "; ": printed as they are.
    lead_cell: Optional[Text] = None
    partners_cell: Optional[Text] = None
    deadline: Annotated[str, _BlankText] = Field(default="", json_schema_extra=_null_too)
    budget: Amount | Note | None = None
    note: Optional[str] = None

    @property
    def amount(self) -> int | Decimal | None:
        """The budget in million VND, or None when it is a note or blank."""
        return None if isinstance(self.budget, str) else self.budget

    @property
    def budget_note(self) -> str | None:
        """The budget's note ("Theo dự án"), or None."""
        return self.budget if isinstance(self.budget, str) else None


class Task(_Model):
    """A task (Nhiệm vụ); number and title are absent for rows under no numbered task."""

    number: Optional[Label] = None
    title: Optional[str] = None
    items: list[Item] = []

    @property
    def label(self) -> str:
        """"1. Title", the bare title, or "" for rows under no task."""
        return heading(self.number, self.title)


class Section(_Model):
    """A section (Nội dung) such as "I. CẢI CÁCH THỂ CHẾ"; its label is free text ("I", "1", "1.1")."""

    numeral: Label
    title: Optional[Text] = None
    tasks: list[Task] = []

    @property
    def heading(self) -> str:
        return heading(self.numeral, self.title)


class Plan(_Model):
    """A whole plan file."""

    decision: Optional[Decision] = None
    plan: PlanHeader
    agencies: list[Agency] = []
    prose_before: list[Block] = []
    sections: list[Section] = []
    prose_after: list[Block] = []

    @property
    def kind(self) -> str:
        """"quyet-dinh" when a decision issues the plan, "ke-hoach" for a plan issued on its own."""
        return KIND_DECISION if self.decision is not None else KIND_PLAN

    def items(self):
        """Every item with its section and task, in the plan's order."""
        for section in self.sections:
            for task in section.tasks:
                for item in task.items:
                    yield section, task, item
