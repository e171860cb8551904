"""Printing a plan: HTML laid out like the decision on paper, or GitHub Markdown.

Everything the templates show is computed here (a view-model: rows with their
rowspans, formatted money, totals); the Jinja templates only lay it out. Jinja
is imported inside functions so cchc's other commands stay fast to start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from cchc.agencies import AgencyRegistry
from cchc.money import format_number, million_in_words, million_to_vnd
from cchc.query import has_role

__all__ = ["FORMATS", "render_plan", "build_view", "template_directories", "escape_markdown"]

FORMATS = ("html", "md")

# Characters Markdown (GFM) could read as markup, '|' included so a cell never splits.
_MD_SPECIAL = re.compile(r"([\\|*_`\[\]<>#~])")
# '&' only matters where it would start an entity reference ("&amp;", "&#38;").
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Row:
    """One item as a table row; a rowspan of 0 means the cell above covers this row."""

    item_id: str
    section_rowspan: int
    task: str
    task_rowspan: int
    product: str
    lead: str
    partners: str
    deadline: str
    budget: str  # the amount as a Vietnamese figure, the budget note, or ""
    is_amount: bool
    note: str | None
    note_number: int | None

    @property
    def opens_section(self) -> bool:
        """True on the first row of a section of several rows (its section cell spans them)."""
        return self.section_rowspan > 1


@dataclass(frozen=True)
class SectionView:
    """A section as printed: its heading, its rows and the sum of its amounts."""

    numeral: str
    title: str
    heading: str
    rows: list[Row]
    subtotal: str


@dataclass(frozen=True)
class Note:
    """An editor's note, numbered in the order the items appear."""

    number: int
    item_id: str
    text: str


@dataclass(frozen=True)
class Totals:
    """The figures under the table; ``difference`` is None when the items add up."""

    label: str  # "Tổng cộng", or "Cộng phần trích" for an extract
    shown: str  # the figure of the total row (declared total, or the extract's sum)
    vnd: str  # the same in đồng, "200.000.000"
    in_words: str | None
    declared: str
    itemized: str
    difference: str | None


@dataclass(frozen=True)
class View:
    """All a template needs; ``plan`` is the model itself, for its texts."""

    plan: object
    extract: str | None
    date_line: str
    date_dmy: str
    title_lines: list[str]
    sections: list[SectionView]
    totals: Totals
    notes: list[Note]


def template_directories(template_dir: Path | None = None) -> list[Path]:
    """Directories searched for templates, first match wins: *template_dir*, then cchc's own."""
    directories = [Path(template_dir)] if template_dir is not None else []
    packaged = resources.files("cchc") / "templates"
    if isinstance(packaged, Path) and packaged.is_dir():
        directories.append(packaged)  # an installed wheel carries the templates inside cchc
    else:
        directories.append(Path(__file__).resolve().parent.parent / "templates")  # a source checkout
    return directories


def render_plan(plan, fmt: str, *, section: str | None = None, agency=None, template_dir: Path | None = None) -> str:
    """The plan (or the extract the filters select) as a complete HTML or Markdown document.

    Raises ValueError for an unknown format, and jinja2's errors for a broken template.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    template = _environment(template_dir).get_template(f"plan.{fmt}.j2")
    return template.render(view=build_view(plan, section=section, agency=agency))


def _environment(template_dir: Path | None):
    import jinja2
    import markupsafe

    def html_lines(text: str):
        # Escape each line, then join with <br>: a multi-line cell prints as several lines.
        return markupsafe.Markup("<br>").join(_NEWLINE.split(str(text).rstrip("\r\n")))

    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(d) for d in template_directories(template_dir)]),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = escape_markdown
    env.filters["br"] = html_lines
    return env


def escape_markdown(text) -> str:
    """*text* as literal GFM inline text on one line: markup characters get a backslash, newlines become <br>.

    Trailing newlines (a YAML ``|`` block ends with one) are dropped rather than shown as a blank line.
    """
    text = _MD_SPECIAL.sub(r"\\\1", str(text).rstrip("\r\n"))
    text = _MD_ENTITY.sub(r"\\&", text)
    return _NEWLINE.sub("<br>", text)


def build_view(plan, *, section: str | None = None, agency=None) -> View:
    """The view-model of *plan*, keeping only the items in *section* and involving *agency* when given."""
    registry = AgencyRegistry(plan.agencies)

    def involved(item) -> bool:
        return has_role(item, agency, "any", registry)

    notes: list[Note] = []
    sections: list[SectionView] = []
    all_amounts = []
    for sec in plan.sections:
        if section is not None and sec.numeral != section:
            continue
        groups = [(task, [i for i in task.items if agency is None or involved(i)]) for task in sec.tasks]
        groups = [(task, items) for task, items in groups if items]
        if not groups:
            continue  # a filter that empties a section drops it
        rows: list[Row] = []
        section_size = sum(len(items) for _, items in groups)
        for task, items in groups:
            for position, item in enumerate(items):
                if item.note:
                    notes.append(Note(len(notes) + 1, item.id, item.note))
                rows.append(
                    _row(
                        item,
                        task,
                        section_rowspan=0 if rows else section_size,
                        task_rowspan=0 if position else len(items),
                        note_number=len(notes) if item.note else None,
                    )
                )
        amounts = [item.amount for _, items in groups for item in items if item.amount is not None]
        all_amounts += amounts
        heading = f"{sec.numeral}. {sec.title}"
        sections.append(SectionView(sec.numeral, sec.title, heading, rows, format_number(sum(amounts, 0))))

    header = plan.plan
    extract = _extract_heading(plan, section, agency)
    declared = header.total_million_vnd
    itemized = sum(all_amounts, 0)
    if extract is None:
        shown, words, label = declared, header.total_in_words, "Tổng cộng"
    else:
        shown, words, label = itemized, million_in_words(itemized), "Cộng phần trích"
    gap = itemized - declared
    totals = Totals(
        label=label,
        shown=format_number(shown),
        vnd=format_number(million_to_vnd(shown)),
        in_words=words,
        declared=format_number(declared),
        itemized=format_number(itemized),
        # Only the whole plan is compared with the declared total; an extract is a part of it.
        difference=None if extract is not None or gap == 0 else ("+" if gap > 0 else "") + format_number(gap),
    )
    date = plan.decision.date
    return View(
        plan=plan,
        extract=extract,
        date_line=f"{plan.decision.place}, {_long_date(date)}",
        date_dmy=f"{date.day:02d}/{date.month:02d}/{date.year}",
        title_lines=_title_lines(header.title),
        sections=sections,
        totals=totals,
        notes=notes,
    )


def _row(item, task, *, section_rowspan: int, task_rowspan: int, note_number: int | None) -> Row:
    return Row(
        item_id=item.id,
        section_rowspan=section_rowspan,
        task=task.label,
        task_rowspan=task_rowspan,
        product=item.product,
        lead="; ".join(item.lead),
        partners="; ".join(item.partners),
        deadline=item.deadline,
        budget=format_number(item.amount) if item.amount is not None else (item.budget_note or ""),
        is_amount=item.amount is not None,
        note=item.note or None,
        note_number=note_number,
    )


def _extract_heading(plan, section: str | None, agency) -> str | None:
    parts = []
    if section is not None:
        titles = {s.numeral: s.title for s in plan.sections}
        parts.append(f"Mục {section}. {titles[section]}" if section in titles else f"Mục {section}")
    if agency is not None:
        parts.append(f"các nhiệm vụ của {agency.name} (chủ trì hoặc phối hợp)")
    return "Trích: " + "; ".join(parts) if parts else None


def _long_date(date) -> str:
    """The date as "ngày 05 tháng 01 năm 2021": Nghị định 30/2020 pads days below 10 and months 1, 2."""
    day = f"{date.day:02d}"
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"ngày {day} tháng {month} năm {date.year}"


def _title_lines(title: str) -> list[str]:
    """["KẾ HOẠCH", rest of the title]: the document type stands on its own line, as on paper."""
    kind = "KẾ HOẠCH"
    if title.upper().startswith(kind + " "):
        return [kind, title[len(kind) :].strip()]
    return [kind, title]
