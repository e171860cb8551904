"""The plan's task table(s) in a Word document -> sections, tasks and items (plan data).

Columns are found by their headings, folded (no case, no diacritics), in any
order and with any extra words: STT, Nội dung, Nhiệm vụ, Sản phẩm, Cơ quan
(đơn vị) chủ trì, phối hợp, Thời gian (hoàn thành), Kinh phí (triệu đồng),
Ghi chú. Sections come either as a first column merged down over their rows,
or as a row spanning the table ("I. CẢI CÁCH THỂ CHẾ"); tasks as a column
merged down, or as rows under their section's row, numbered in another kind
("1. …" under "I. …", or a number in the STT cell beside a title merged
across the other columns). A grid position covered by a merged cell reads that cell's text
(see ``docx_body``). Heading rows repeated on later pages, the row numbering
the columns "(1) (2) (3)", subtotals ("Cộng", "Cộng mục I", "Cộng phần
trích") are not data (a subtotal that is not the sum above it is a warning);
the "Tổng cộng" row is the declared total and "Bằng chữ: …" its words.

Where the reader has to guess (a blank section or task cell taken to continue
the one above), it records a comment for the YAML; what it cannot place at
all becomes a warning with its place. Text is kept word for word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from itertools import takewhile

from cchc.inputs.docx_body import Grid
from cchc.text import fold

TEXT_ROLES = ("section", "task", "product")
DATA_ROLES = ("lead", "partners", "deadline", "budget")
_NUMBER_ROW = re.compile(r"\(?[0-9]{1,2}\)?|\([a-z]\)|[a-z]")
ROMAN = r"[IVXLC]{1,7}"
_SECTION_LABEL = rf"{ROMAN}|[0-9]{{1,3}}(?:\.[0-9]{{1,3}})*|[A-Z]"
_SECTION = re.compile(rf"(?P<label>{_SECTION_LABEL})(?:\s*[.):]|\s+[-–])\s*(?P<title>\S.*)?", re.S)
_TASK = re.compile(r"(?:(?P<dotted>[0-9]{1,3}(?:\.[0-9]{1,3})+)\.?|(?P<number>[0-9]{1,3})[.)]|(?P<letter>[a-zđ]\)))(?:\s+(?P<title>\S.*))?", re.S)
FIGURE = re.compile(r"[0-9][0-9.,]*")
_VI_THOUSANDS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_EN_THOUSANDS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
#: The longest figure read as an amount (as the YAML reader's bound on numbers).
_MAX_FIGURE = 40


def figure(text: str) -> int | Decimal | None:
    """A figure as Vietnamese documents write it ("10", "2,5", "1.500", "1.500,5"; "2.5" too), or None if the text is not one."""
    text = text.strip()
    if not FIGURE.fullmatch(text) or len(text) > _MAX_FIGURE:
        return None
    comma, dot = text.rfind(","), text.rfind(".")
    if comma >= 0 and dot >= 0:
        decimal_sep, group_sep = (",", ".") if comma > dot else (".", ",")
        whole, _, fraction = text.rpartition(decimal_sep)
        grouped = _VI_THOUSANDS if group_sep == "." else _EN_THOUSANDS
        if not grouped.fullmatch(whole) or not fraction.isdigit():
            return None
        return _exact(whole.replace(group_sep, ""), fraction)
    if comma >= 0:
        if text.count(",") == 1 and not text.endswith(","):
            whole, _, fraction = text.partition(",")
            return _exact(whole, fraction)
        return _exact(text.replace(",", ""), "") if _EN_THOUSANDS.fullmatch(text) else None
    if dot >= 0:
        if _VI_THOUSANDS.fullmatch(text):
            return int(text.replace(".", ""))
        if text.count(".") == 1 and not text.endswith("."):
            whole, _, fraction = text.partition(".")
            return _exact(whole, fraction)
        return None
    return int(text)


def _exact(whole: str, fraction: str) -> int | Decimal:
    return Decimal(f"{whole}.{fraction}") if fraction else int(whole)


#: A figure with its unit, as a cell may write it: "50 triệu", "100.000.000 đồng", "1,5 tỷ đồng", "20 tr.đ".
_WITH_UNIT = re.compile(
    r"(?P<figure>[0-9][0-9.,]*)\s*(?P<unit>(?:tỷ|ty|tỉ|ti)(?:\s*(?:đồng|dong))?|(?:triệu|trieu)(?:\s*(?:đồng|dong))?|tr\.?\s*đ(?:ồng)?|trđ"
    r"|(?:nghìn|ngàn|nghin|ngan)\s*(?:đồng|dong)|đồng|dong|vnđ|vnd|đ)\.?",
    re.I,
)
#: Digits grouped by thousands with spaces ("1 000", "25 500 000"), as a typist or a spreadsheet writes them.
_SPACED_THOUSANDS = re.compile(r"[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+")


def amount_in_million(text: str, factor: int | Decimal) -> tuple[int | Decimal, bool] | None:
    """An amount cell in million VND: a figure in the column's unit (*factor* million each), or a figure with its own
    unit ("50 triệu", "100.000.000 đồng"); and whether the cell named its unit. None when the cell holds no amount."""
    text = text.strip()
    if len(text) > 2 * _MAX_FIGURE:
        return None
    if text[:1] in ("-", "−") and text[1:].strip()[:1].isdigit():
        # "-5", "−5 triệu": kept negative, so that validate says so at its line rather than reading a note
        found = amount_in_million(text[1:], factor)
        return (-found[0], found[1]) if found is not None else None
    if _SPACED_THOUSANDS.fullmatch(text):
        text = re.sub(r"[ \u00a0\u202f]", "", text)
    amount = figure(text)
    if amount is not None:
        return in_million(amount, factor), False
    match = _WITH_UNIT.fullmatch(text)
    amount = figure(match.group("figure")) if match else None
    if amount is None:
        return None
    unit = fold(match.group("unit")).replace(" ", "").rstrip(".")
    per = 1000 if unit.startswith(("ty", "ti")) else 1 if unit.startswith(("trieu", "tr")) else (
        Decimal("0.001") if unit.startswith(("nghin", "ngan")) else Decimal("0.000001")
    )
    return in_million(amount, per), True


#: An amount with a comma before three digits and no point: 2,5 as Vietnamese writes it, or 2.500 as English does.
_COMMA_THOUSANDS = re.compile(r"[1-9][0-9]{0,2},[0-9]{3}")  # not "0,625": no thousands


def comma_before_thousands(text: str) -> bool:
    """Whether an amount cell reads two ways: "2,500" (2,5 to a Vietnamese reader, 2.500 to an English one)."""
    return _COMMA_THOUSANDS.fullmatch(text.strip()) is not None


def plain_amount(amount: int | Decimal) -> int | Decimal:
    """An amount without the zeros its figure ended in: 2.500 -> 2.5, 2.000 -> 2."""
    if isinstance(amount, Decimal):
        return int(amount) if amount == amount.to_integral_value() else amount.normalize()
    return amount


def label_kinds(label: str | None) -> set[str]:
    """The kinds of numbering a label can be: "I" roman or a letter, "1" arabic, "1.1" dotted at depth 1, "a)" a small letter."""
    if label is None:
        return {"none"}
    label = label.strip().rstrip(".)")
    kinds = set()
    if re.fullmatch(r"[IVXLC]{1,7}", label):
        kinds.add("roman")
    if re.fullmatch(r"[A-Z]", label):
        kinds.add("letter")
    if re.fullmatch(r"[a-zđ]", label):
        kinds.add("small")
    if re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{1,3})*", label):
        kinds.add(f"arabic{label.count('.')}")
    return kinds or {"other"}


#: The kinds of label of parts and sections ("A", "I"), as ``label_kinds`` names them.
UPPER_KINDS = frozenset({"roman", "letter"})


def in_million(amount: int | Decimal, factor: int | Decimal) -> int | Decimal:
    """*amount* times *factor*, exactly; an int when the result is whole."""
    if factor == 1:
        return amount
    with localcontext() as context:
        context.prec = 2 * _MAX_FIGURE + 10
        result = Decimal(amount) * factor
    return int(result) if result == result.to_integral_value() else result.normalize()


def section_heading(text: str) -> tuple[str | None, str | None]:
    """"I. CẢI CÁCH THỂ CHẾ" -> ("I", "CẢI CÁCH THỂ CHẾ"); a label alone ("II", "1", as cchc prints a section
    with no title) -> ("II", None); a heading without a label -> (None, text)."""
    if re.fullmatch(_SECTION_LABEL, text):
        return text, None
    match = _SECTION.fullmatch(text)
    if match is None:
        return None, text or None
    return match.group("label"), match.group("title") or None


def task_heading(text: str) -> tuple[str | None, str | None]:
    """"1. Title" -> ("1", "Title"), "1.1. Title" -> ("1.1", "Title"), "a) Title" -> ("a)", "Title"); else (None, text)."""
    match = _TASK.fullmatch(text)
    if match is None:
        return None, text or None
    number = match.group("dotted") or match.group("number") or match.group("letter")
    return number, match.group("title") or None


def looks_like_section(text: str) -> bool:
    """A heading such as "I. CẢI CÁCH THỂ CHẾ", "II - …" or an all-capitals line."""
    label, title = section_heading(text)
    if label is not None and re.fullmatch(ROMAN, label):
        return True
    return is_caps(text)


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass
class Columns:
    """The roles of a task table's grid columns, the rows that are headings, and the budget's unit."""

    roles: dict[str, int]
    heading_rows: list[int]
    unknown: list[int] = field(default_factory=list)
    factor: int | Decimal = 1
    unit_assumed: bool = False
    heading_keys: tuple[str, ...] = ()
    #: The heading of each grid column, as written (lines joined).
    headings: tuple[str, ...] = ()
    #: The same of each heading row under the first (a sub-heading's, a heading's wrapped words), typed again too.
    lower_keys: tuple[tuple[str, ...], ...] = ()
    #: A budget given by source only ("Ngân sách tỉnh", "Ngân sách huyện"), added up (``cchc.inputs.docx_sources``):
    #: the sources' headings, the heading over them, and each row's parts in words.
    source_names: tuple[str, ...] = ()
    source_heading: str = ""
    sources: dict[int, str] = field(default_factory=dict)
    source_commas: dict[int, str] = field(default_factory=dict)
    #: The folded text of each cell merged down over rows, by the cell's identity, while the table is read.
    merged_keys: dict[int, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def first_data_row(self) -> int:
        return self.heading_rows[-1] + 1 if self.heading_rows else 0

    def heading(self, column: int) -> str:
        """The heading of a grid column, as written ("" past the headings)."""
        return self.headings[column] if column < len(self.headings) else ""


def heading_of(grid: Grid, columns: Columns, c: int) -> str:
    """Column *c*'s heading, each heading row's own text once: "Thời gian — Bắt đầu" under one spanning two columns."""
    texts = [grid.text(r, c) for r in columns.heading_rows]
    return " — ".join(t for k, t in enumerate(texts) if t and t not in texts[:k])


def own_cells(grid: Grid, r: int) -> list:
    """The distinct cells that start in row *r* and hold text."""
    seen: dict[int, object] = {}
    for slot in grid.slots[r]:
        if slot is not None and slot.own and slot.cell.text:
            seen.setdefault(id(slot.cell), slot.cell)
    return list(seen.values())


def is_heading_repeat(grid: Grid, r: int, columns: Columns) -> bool:
    """A heading row repeated further down (a table typed across pages, any of its rows), or the row numbering the columns."""
    own = own_cells(grid, r)
    if not own:
        return False
    if len(own) >= 2 and all(_NUMBER_ROW.fullmatch(fold(c.text)) for c in own) and any(ch.isdigit() or ch == "(" for c in own for ch in c.text):
        return True  # "(1) (2) (3)", "1 2 3", "A B 1 2 3": the row numbering the columns (letters alone are data)
    return any(_same_keys(grid, r, columns, keys) for keys in (columns.heading_keys, *columns.lower_keys))


def _same_keys(grid: Grid, r: int, columns: Columns, keys: tuple[str, ...]) -> bool:
    # Column by column, to the first that differs; a cell merged down from a row above is folded once for the table
    # (10,000 rows under 200 KB of a merged cell were minutes of folding it again, row after row).
    for c, heading in enumerate(keys):
        slot = grid.slots[r][c] if c < grid.width else None
        if slot is None or slot.own:
            key = fold(slot.cell.text) if slot is not None else ""
        elif (key := columns.merged_keys.get(id(slot.cell))) is None:
            key = columns.merged_keys[id(slot.cell)] = fold(slot.cell.text)
        if key != heading:
            return False
    return len(keys) == grid.width and any(keys)


def items_under(tasks: list[dict], at: int) -> list[dict]:
    """The items of the rows under ``tasks[at]``, a task row with none of its own ("1." over rows "-", "a)", or
    "1.1" and "1.2" with rows of their own): the rows its heading's amount sums, up to the next task of its level,
    the next heading with no number, or the end of its section."""
    following = takewhile(lambda other: _under(tasks[at], other), tasks[at + 1 :])
    return [item for other in following for item in other["items"]]


#: A row number of a task's own level ("2", "2.", "II"): not a row under the task above it.
_TASK_LEVEL = re.compile(r"(?:[0-9]+|[IVXLC]+)\.?")


def _under(heading: dict, task: dict) -> bool:
    """Whether *task* is rows under *heading*: numbered below it ("1.1" under "1."), or with no number of its own,
    rows of its own (not another heading) numbered "-", "a)", a number below the heading's, or not at all."""
    number, above = task.get("number"), (heading.get("number") or "").rstrip(".")
    if number:
        return _below(number, above)
    if not task["items"]:
        return False
    labels = [(item.get("stt") or "-").strip() for item in task["items"]]
    return not any(_TASK_LEVEL.fullmatch(label) or (_DOTTED.fullmatch(label) and not _below(label, above)) for label in labels)


_DOTTED = re.compile(r"(?:[0-9]+|[IVXLC]+)(?:\.[0-9]+)+\.?")


def _below(number: str, above: str) -> bool:
    """Whether *number* ("1.1.2") is numbered below *above* ("1.1")."""
    return bool(above) and number.startswith(above + ".") and len(number.rstrip(".")) > len(above)


def numbering_goes_on(grid, r: int, columns: Columns) -> bool:
    """Whether the next STT written below row *r* is a number past 1 ("2" after "1"): the rows between belong to the
    items numbered so, and start no section (whose numbers would start again at 1)."""
    column = columns.roles.get("stt")
    if column is None:
        return False
    stt = next((text for below in range(r + 1, min(r + 20, len(grid.slots))) if (text := grid.text(below, column).strip())), "").rstrip(".")
    return len(stt) <= 4 and stt.isascii() and stt.isdigit() and int(stt) > 1


def next_stt(grid, r: int, columns: Columns) -> str:
    """The STT of the next row that holds text (the empty string when there is none, or no STT column)."""
    if "stt" not in columns.roles:
        return ""
    for below in range(r + 1, min(r + 20, len(grid.slots))):
        if own_cells(grid, below):
            return grid.text(below, columns.roles["stt"]).strip()
    return ""


_TOTAL_WORDS = ("tổng cộng", "tổng số", "tổng kinh phí", "tổng:")
#: The words a total written out in one cell starts with: "Tổng cộng: 10 triệu đồng (Bằng chữ: Mười triệu đồng chẵn)".
_TOTAL_START = re.compile(r"(?i)(?:tổng[ \t]+cộng|tổng[ \t]+số|tổng[ \t]+kinh[ \t]+phí|tổng)[ \t]*(?::[ \t]*)?")
#: "Bằng chữ": the amount in words begins.
WORDS_IN = re.compile(r"(?i)bằng\s+chữ")


def total_in_cell(text: str, columns: Columns) -> str | None:
    """The amount a total written out in one cell gives, as written ("10 triệu đồng" of "Tổng cộng: 10 triệu đồng
    (Bằng chữ: …)"), or None. Read without a backtracking pattern: a cell may be megabytes."""
    if not text[:6].casefold().startswith("tổng"):
        return None
    start = _TOTAL_START.match(text)
    rest = text[start.end():] if start else ""
    words = WORDS_IN.search(rest, 0, 200)
    amount = (rest[: words.start()] if words else rest[:200]).strip().rstrip("(").strip()
    if not amount or not (amount[0].isdigit() or amount[0] in "-−"):
        return None  # no figure right after the words: "Tổng số hồ sơ …" is a product, not a total
    if words is None and len(rest.strip()) > len(amount):
        return None  # more than an amount and its words: prose
    return amount if amount_in_million(amount, columns.factor) is not None else None


def is_total(text: str) -> bool:
    """"Tổng cộng", "Tổng số", "Tổng kinh phí", "Tổng": a total row's label, and what such a label goes on with
    ("Tổng cộng (I+II)", "Tổng kinh phí dự kiến năm 2026"); not a count that starts so ("Tổng số 5 cuộc đối thoại",
    "Tổng: 5 cuộc"), a product whose row would be lost and whose figure would become the declared total."""
    key = text.casefold().strip()
    if len(key) > 40 or key in ("tổng", "cộng tổng"):
        return len(key) <= 40
    start = next((word for word in _TOTAL_WORDS if key.startswith(word)), None)
    return start is not None and not any(len(number) != 4 for number in _NUMBER.findall(_BRACKETED.sub(" ", key[len(start) :])))


#: A number in a label, and a bracket's words, whose numbers are a total's ("(1)+(2)"): a year's four digits may follow a
#: total's words ("Tổng kinh phí năm 2026"), a count may not.
_NUMBER, _BRACKETED = re.compile(r"[0-9]+"), re.compile(r"[(\[][^()\[\]]*[)\]]")
#: Words that begin with "cộng" and are no sum ("Cộng đồng doanh nghiệp", "Cộng tác viên"): a product, not a subtotal.
CONG_WORD = re.compile(r"(?i)cộng\s*(?:đồng|tác|sự|hòa|hoà|hưởng|sản|cư)\b")
# "Cộng" alone or before what it adds up (mục, phần, a number, a bracket; never "Cộng đồng"). Each pattern is linear.
_SUBTOTAL = re.compile(r"(?i)cộng\s*:?(?:\s+(?:mục|phần|nhiệm vụ|lĩnh vực|nhóm|chương|phụ lục|khoản)\b.*|\s*[(\[]?(?:[IVXLC]{1,7}|[0-9]{1,3}|[A-Z])\b.*)?", re.S)


def is_subtotal(text: str) -> bool:
    """"Cộng", "Cộng mục I", "Cộng (I)", "Cộng phần trích": a subtotal's label (not "Cộng đồng …")."""
    return len(text) <= 40 and _SUBTOTAL.fullmatch(text.strip()) is not None
