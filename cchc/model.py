"""The plan as data: pydantic models of a CCHC plan file.

CCHC is *cải cách hành chính* (administrative reform). A plan file holds the
approving decision (*quyết định*), a registry of agencies (*cơ quan*), and the
plan's table: sections (Roman numerals) -> tasks (*nhiệm vụ*) -> items (one
deliverable, *sản phẩm*, each). Types are strict and unknown fields are
rejected; amounts are exact (int or Decimal, never float).
"""

from __future__ import annotations

import datetime
import os
from decimal import Decimal
from typing import Annotated, Literal

# pydantic looks for plugins through every installed package's entry points the
# first time a model is built; cchc uses none, and the scan costs start-up time on
# every command. An explicit PYDANTIC_DISABLE_PLUGINS in the environment still wins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints

Text = Annotated[str, StringConstraints(min_length=1)]
#: Million VND, exact: an integer or a Decimal such as 2.5 (never a float).
Amount = int | Decimal
#: An ISO date written in YAML as 2021-06-30 (a string to the loader).
Date = Annotated[datetime.date, Strict(False)]
ItemId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=64)]
Status = Literal["planned", "in_progress", "done", "cancelled"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Signer(_Model):
    """Who signed: "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / the name."""

    authority: Text = Field(description='Signing authority, e.g. "KT. CHỦ TỊCH".')
    position: Text = Field(description='The signer\'s position, e.g. "PHÓ CHỦ TỊCH".')
    name: Text


class Article(_Model):
    """An article (Điều) of the decision, as paragraphs."""

    number: int
    paragraphs: list[Text]


class Decision(_Model):
    """The decision (Quyết định) that approves the plan."""

    number: Text = Field(description='Number and symbol, e.g. "3669/QĐ-UBND".')
    date: Date
    place: Text
    issuer: Text = Field(description="The issuing body, printed top left.")
    authority: Text = Field(description='Who decides, e.g. "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH".')
    title: Text = Field(description="The summary line(s) under QUYẾT ĐỊNH.")
    legal_bases: list[Text] = Field(description="The 'Căn cứ …' paragraphs.")
    articles: list[Article]
    signer: Signer
    recipients: list[Text] = Field(description="Nơi nhận.")


class PlanHeader(_Model):
    """The plan's own title block and its declared grand total."""

    title: Text
    subtitle: str = ""
    year: int
    total_million_vnd: Amount = Field(description="The declared grand total (Tổng cộng), million VND.")
    total_in_words: Text = Field(description='The total in words as the source writes it ("Hai trăm triệu đồng chẵn").')


class Agency(_Model):
    """An agency, or a group of agencies, as the source names it."""

    name: Text = Field(description="Full name as the source writes it.")
    short: list[Text] = Field(default=[], description="Other spellings and short forms items may use.")
    group: bool = Field(default=False, description="True for a group such as 'Các sở, ban, ngành'.")
    note: str | None = None


class Item(_Model):
    """One row of the plan's table: a deliverable with its agencies, deadline and budget."""

    id: ItemId = Field(description="Stable identifier, unique in the plan (e.g. I-3).")
    product: Text = Field(description="Sản phẩm: the deliverable, word for word.")
    lead: list[Text] = Field(default=[], description="Cơ quan chủ trì: names from the agency registry.")
    partners: list[Text] = Field(default=[], description="Cơ quan phối hợp: names from the agency registry.")
    deadline: str = Field(default="", description="Thời gian hoàn thành, exactly as worded; empty when blank.")
    budget: Amount | Text | None = Field(
        default=None, description='Million VND, or a note such as "Theo dự án"; absent when blank.'
    )
    note: str | None = Field(default=None, description="Editor's note: blank or merged cells, suspected typos.")
    status: Status | None = None
    completed_on: Date | None = None

    @property
    def amount(self) -> Amount | None:
        """The budget in million VND, or None when it is a note or blank."""
        return None if isinstance(self.budget, str) else self.budget

    @property
    def budget_note(self) -> str | None:
        """The budget's note ("Theo dự án"), or None."""
        return self.budget if isinstance(self.budget, str) else None


class Task(_Model):
    """A task (Nhiệm vụ); number and title are absent for rows under no numbered task."""

    number: str | None = None
    title: str | None = None
    items: list[Item] = Field(min_length=1)

    @property
    def label(self) -> str:
        """"1. Title", the bare title, or "" for rows under no task."""
        if self.number and self.title:
            return f"{self.number}. {self.title}"
        return self.title or self.number or ""


class Section(_Model):
    """A section (Nội dung) such as "I. CẢI CÁCH THỂ CHẾ"."""

    numeral: Annotated[str, StringConstraints(pattern=r"^[IVXLC]+$")]
    title: Text
    tasks: list[Task] = Field(min_length=1)


class Plan(_Model):
    """A whole plan file."""

    decision: Decision
    plan: PlanHeader
    agencies: list[Agency] = Field(min_length=1)
    sections: list[Section] = Field(min_length=1)

    def items(self):
        """Every item with its section and task, in the plan's order."""
        for section in self.sections:
            for task in section.tasks:
                for item in task.items:
                    yield section, task, item
