"""The words of a Word document around its task table: header lines, signature block, and prose as numbered blocks.

Everything here works on paragraph texts (``docx_body.Para``) and returns plan
data (dicts in the model's field order) or None; what a function cannot use
it hands back, for the caller to report with its place.
"""

from __future__ import annotations

import datetime
import re

from cchc.inputs.docx_body import Para
from cchc.inputs.docx_table import is_caps, section_heading
from cchc.text import fold

_MOTTO = ("cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc", "doc lap-tu do-hanh phuc", "doc lap – tu do – hanh phuc")
_SEPARATOR = re.compile(r"[-_–—=*.·•\s]+")
_NUMBER = re.compile(r"(?i)số\s*(?::\s*|(?=[0-9]))(?P<number>.*)", re.S)
# From "ngày" on; the place is what stands before it. Blanks (spaces, dots) stand for a date not filled in.
_DATE = re.compile(r"ngày(?:\s*(?P<day>[0-9]{1,2}))?[\s.…]*(?:/|tháng)(?:\s*(?P<month>[0-9]{1,2}))?[\s.…]*(?:/|năm)(?:\s*(?P<year>[0-9]{4}))?\.?", re.I)
_DATE_START = re.compile(r"(?i)ngày")
_PLACE_WORDS = re.compile(r"(?:TỈNH|THÀNH PHỐ|TP\.|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)(?:\b|(?<=\.))")
_PLACE_IN = re.compile(r"\s(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s")
_PLACE_BODY = re.compile(r"(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ)\s+(?:ỦY|UỶ|ĐOÀN)\b")
_BODIES = {"ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "UBND", "HĐND"}
_AUTHORITY = re.compile(r"(?:KT|TM|TL|TUQ|Q)\.\s*\S")
_ARTICLE = re.compile(r"(?i)điều\s+(?P<number>[0-9]{1,3})\s*[.:]\s*(?P<text>.*)", re.S)
_BASIS_START = ("can cu", "thuc hien", "theo de nghi", "xet de nghi", "xet")
_LABELS = (
    ("roman", re.compile(r"(?P<label>[IVXLC]{1,7})(?:\.|\s*[-–])(?=\s|\Z)")),
    ("dotted", re.compile(r"(?P<label>[0-9]{1,3}(?:\.[0-9]{1,3})+\.?)(?=\s|\Z)")),
    ("decimal", re.compile(r"(?P<label>[0-9]{1,3}\.)(?=\s|\Z)")),
    ("decimal)", re.compile(r"(?P<label>[0-9]{1,3}\))(?=\s|\Z)")),
    ("letter", re.compile(r"(?P<label>[a-zđ]\))(?=\s|\Z)")),
    ("paren", re.compile(r"(?P<label>\([0-9]{1,3}\))(?=\s|\Z)")),
    ("bullet", re.compile(r"(?P<label>[-+•–*])(?=\s|\Z)")),
)
#: The longest text taken as a heading's title rather than a paragraph (when nothing else tells).
_TITLE_CHARS = 100


def kind(para: Para) -> str | None:
    """What a paragraph is to the document's structure, when it is one of its landmarks."""
    if para.landmark is not None:
        return para.landmark
    text = para.text
    key = fold(text)
    if not key or _SEPARATOR.fullmatch(text):
        return "separator"
    if key in _MOTTO or key.replace(" ", "") in {m.replace(" ", "") for m in _MOTTO}:
        return "motto"
    if re.fullmatch(r"quyet dinh\s*:", key):
        return "decides"
    if key == "quyet dinh" or fold(text.split("\n", 1)[0]) == "quyet dinh":  # "QUYẾT ĐỊNH", a line break, its title
        return "decision"
    if text.startswith("KẾ HOẠCH") and (len(text) == 8 or text[8].isspace()):
        return "plan"
    if key.startswith("noi nhan"):
        return "recipients"
    if _AUTHORITY.match(text) and is_caps(text) and len(text) <= 80:
        return "signer"
    if key.startswith("phu luc") and (is_caps(text[:7]) or len(key) <= 15):
        return "appendix"
    if _ARTICLE.match(text):
        return "article"
    return None


def article(text: str) -> tuple[int, str]:
    """(number, text) of an article's first paragraph, "Điều 2. Quyết định này …" (a paragraph ``kind`` calls "article")."""
    match = _ARTICLE.match(text)
    return int(match.group("number")), match.group("text").strip()


#: The longest line taken as a title from its place alone (right under "KẾ HOẠCH", in no title's format).
_PLAIN_TITLE_CHARS = 200


def plain_title(para: Para, kind_line: str, what: str | None) -> bool:
    """*para*, right under the kind line *kind_line*, is the plan's title though nothing in its format says so:
    the kind line is "KẾ HOẠCH" alone, and *para* is a short line that starts with a capital, is not numbered,
    not a legal basis, and does not end as a sentence or an introduction does (".", ":", ";")."""
    text = para.text.strip()
    return (
        fold(kind_line).strip(" .:") == "ke hoach"
        and what is None
        and 0 < len(text) <= _PLAIN_TITLE_CHARS
        and text[0].isupper()
        and not text.endswith((".", ":", ";", ","))
        and label_of(text) is None
        and not is_basis(text)
    )


def is_basis(text: str) -> bool:
    """A legal basis: "Căn cứ …", "Thực hiện …", "Theo đề nghị …", "Xét …"."""
    return fold(text).startswith(_BASIS_START)


def not_basis(para: Para, title_lines: int) -> bool:
    """Whether *para*, under a title of *title_lines* lines, is no legal basis: "THỰC HIỆN CÔNG TÁC … NĂM 2022" is
    none (a basis, "Thực hiện Kế hoạch số …", is never in capitals), nor is a line centred in bold right under
    "KẾ HOẠCH" ("Thực hiện công tác cải cách hành chính năm 2022")."""
    return is_caps(para.text) or not is_basis(para.text) or (para.centered and para.bold and title_lines == 1)


# ---------------------------------------------------------------- header


def header(paras: list[Para]) -> tuple[dict, list[Para]]:
    """The issuing block: superior, issuer, number, place, date; and the paragraphs it could not use."""
    found: dict = {}
    bodies: list[str] = []
    unused: list[Para] = []
    for para in paras:
        for line in _header_lines(para.text):
            shown = Para(line, para.place, para.bold, para.centered)
            if kind(shown) in ("separator", "motto"):
                continue
            number = _NUMBER.fullmatch(line)
            if number:
                text = number.group("number").strip()
                if any(ch.isdigit() for ch in text):
                    found["number"] = text
                else:  # "Số:      /KH-UBND": a draft's number left blank
                    found["blank_number"] = line.strip()
                continue
            date = date_line(line)
            if date is not None:
                found.update(date)
                continue
            if is_caps(line):
                if bodies and _PLACE_WORDS.match(line) and (bodies[-1] in _BODIES or _names_no_place(bodies[-1], line)):
                    bodies[-1] += " " + line
                else:
                    bodies.append(line)
                continue
            unused.append(shown)
    if len(bodies) == 1:
        found["issuer"] = bodies[0]
    elif bodies:
        found["superior"], found["issuer"] = bodies[0], " ".join(bodies[1:])
    return found, unused


def _names_no_place(body: str, line: str) -> bool:
    """Whether *line* ("TỈNH HÀ NAM") is the place of *body* ("SỞ NỘI VỤ"), printed on a line of its own: *body* names
    no place, and *line* is not a body of its own ("TỈNH ĐOÀN THÁI BÌNH", "HUYỆN ỦY VŨ THƯ")."""
    return _PLACE_IN.search(body) is None and _PLACE_BODY.match(line) is None


def _header_lines(text: str) -> list[str]:
    """A paragraph of the issuing block as its lines and columns: a letterhead typed without a table has its two
    columns on one line, split by tabs ("UBND TỈNH …<tab>CỘNG HÒA …"); but "Số:<tab>15/KH-SNV" is one, unless
    the number was left blank ("Số:<tab><tab>Thái Bình, ngày …")."""
    lines: list[str] = []
    for line in text.split("\n"):
        pieces = [piece.strip() for piece in re.split(r"\t+", line) if piece.strip()]
        joined: list[str] = []
        for piece in pieces:
            if joined and _NUMBER_LABEL.fullmatch(joined[-1]) and date_line(piece) is None:
                joined[-1] += " " + piece
            else:
                joined.append(piece)
        lines += joined
    return lines


_NUMBER_LABEL = re.compile(r"Số\s*:?", re.I)


def date_line(line: str) -> dict | None:
    """place and date of "Thái Bình, ngày 31 tháng 12 năm 2020" (a date left blank gives the place only), or None."""
    start = _DATE_START.search(line)
    match = _DATE.fullmatch(line, start.start()) if start else None
    if match is None:
        return None
    out: dict = {}
    place = line[: start.start()].strip().rstrip(",").strip()
    if place:
        out["place"] = place
    day, month, year = match.group("day"), match.group("month"), match.group("year")
    if day and month and year:
        try:
            out["date"] = datetime.date(int(year), int(month), int(day))
        except ValueError:
            out["bad_date"] = line
    else:  # "ngày      tháng 02 năm 2021": a draft's date left blank
        out["blank_date"] = line.strip()
    return out


# ---------------------------------------------------------------- signature


def closing(paras: list[Para]) -> tuple[dict | None, list[str], list[Para]]:
    """(signer, recipients, unused paragraphs) of a signature block with its "Nơi nhận:" list, in either order."""
    recipients: list[str] = []
    signer_lines: list[tuple[str, Para]] = []
    after: list[Para] = []  # from the next document's letterhead on (an attached plan's own): not this block's
    listing = signed_beside = named = False  # named: a signer line so far is a person's name
    for para in paras:
        for typed in para.text.split("\n"):
            whole = typed.strip()
            if after or (whole and not listing and _next_letterhead(whole, named)):
                after.append(Para(whole, para.place, para.bold, para.centered))
                continue
            line, signed = _columns(typed)
            if signed and not _placeholder(signed):  # "Nơi nhận:<tab><tab>KT. CHỦ TỊCH": the signature's column
                signer_lines.append((signed, Para(signed, para.place, para.bold, para.centered)))
                signed_beside = True
                named = named or _person(signed)
            shown = Para(line, para.place, para.bold, para.centered)
            if not line or _placeholder(line):
                continue
            if kind(shown) == "recipients":
                listing = True
                rest = line.split(":", 1)[1].strip() if ":" in line else ""
                if rest:
                    recipients.append(_unbullet(rest))
                continue
            bulleted = line[:1] in "-+•–" and line[1:2] in (" ", "\t")
            # In the list, a person's name with no bullet, once the signature's column has begun, is its signer's
            # (its line's leading tabs, "<tab><tab>Lê Văn Hùng", are gone with the paragraph's ends).
            signers = not bulleted and signed_beside and _person(line)
            if listing and not signers and (bulleted or not (is_caps(line) or _AUTHORITY.match(line))):
                recipients.append(_unbullet(line))
                continue
            listing = False
            signer_lines.append((line, shown))
            named = named or _person(line)
    signer, unused = _signer(signer_lines)
    return signer, recipients, unused + [para for para in after if para.text]


#: A signing position, as the head of an office signs in their own name (no "KT." or "TM." above it).
_POSITION = re.compile(
    r"(?:pho )?(?:tong )?(?:giam doc|chu tich|truong ban|truong phong|chanh van phong|chanh thanh tra|bi thu|"
    r"bo truong|thu truong|cuc truong|chi cuc truong|vien truong|hieu truong|truong doan|chu nhiem)(?: [^ ]+){0,4}"
)
#: A person's name: two to six words, each a capital and small letters ("Nguyễn Văn A", "Hoàng Thị Ánh").
_NAME = re.compile(r"[^\W\d_][^\W\d_]*(?: [^\W\d_]+){1,5}")


def bare_signature(lines: list[str]) -> bool:
    """*lines* are a signature block with no authority line: a position in capitals ("GIÁM ĐỐC"), then the
    signer's name, with only "(Đã ký)" or the like between."""
    if len(lines) < 2 or not is_caps(lines[0]) or len(lines[0]) > 60 or not _POSITION.fullmatch(fold(lines[0])):
        return False
    names = [line for line in lines[1:] if not _placeholder(line)]
    return len(names) == 1 and _person(names[0])


def _columns(typed: str) -> tuple[str, str]:
    """A closing line typed in two columns with tabs ("- Như Điều 1;<tab><tab>PHÓ CHỦ TỊCH", "<tab><tab>Lê Văn
    Hùng") as (Nơi nhận's column, the signature's); a line with no tab, or a bullet and its tab ("-<tab>Như Điều
    1;"), is one column."""
    left, tab, right = typed.rstrip().partition("\t")
    if not tab or left.strip() in ("-", "+", "•", "–"):
        return typed.strip(), ""
    return left.strip(), right.strip("\t ").strip()


#: The quốc hiệu, folded: the first line of the next document's letterhead.
_NATION = "cong hoa xa hoi chu nghia viet nam"


def _person(line: str) -> bool:
    """*line* reads as a person's name: two to six words of letters, each starting with a capital, not all capitals."""
    return len(line) <= 60 and _NAME.fullmatch(line) is not None and all(w[0].isupper() for w in line.split()) and not is_caps(line)


def _unbullet(line: str) -> str:
    if line[:1] in "-+•–" and line[1:2] in (" ", "\t"):
        return line[2:].strip()
    return line.lstrip("-+•–").strip()


def _placeholder(line: str) -> bool:
    key = fold(line).strip("()[] .")
    return key in ("da ky", "ky", "da ky va dong dau", "ky ten, dong dau", "ky, ghi ro ho ten", "ky ten", "ky va dong dau") or key.startswith(("ky, ", "ky ten"))


def _signer(lines: list[tuple[str, Para]]) -> tuple[dict | None, list[Para]]:
    authority = [line for line, _ in lines if _AUTHORITY.match(line)]
    caps = [line for line, _ in lines if is_caps(line) and line not in authority]
    names = [line for line, _ in lines if not is_caps(line)]
    # The signer's name is a person's ("Lê Văn Hùng") where one is written; the other lines are told, not dropped.
    plain = [line for line in names if ":" not in line and not any(ch.isdigit() for ch in line)]  # "ThS. Lê Văn Hùng"
    name = ([line for line in names if _person(line)] or plain or names or [None])[-1]
    if not caps:
        return None, [para for _, para in lines]
    signer = {"authority": "\n".join(authority) or None, "position": caps[0], "name": name}
    unused = [para for line, para in lines if line in caps[1:] or (line in names and line != name)]
    return signer, unused


def _next_letterhead(line: str, after_a_name: bool) -> bool:
    """Whether *line* opens the next document's letterhead: its quốc hiệu or motto (in a column of a line typed
    with tabs too), or a body in capitals after the signer's name (*after_a_name*: "ỦY BAN NHÂN DÂN" of an attached
    plan)."""
    for part in line.split("\t"):
        part = part.strip()
        if part and (kind(Para(part, None, False, False)) == "motto" or fold(part) == _NATION):
            return True
    unbulleted = line[:1] not in "-+•–" and not fold(line).startswith("noi nhan")  # "NƠI NHẬN:" after the name is its list
    return unbulleted and is_caps(line) and not _AUTHORITY.match(line) and after_a_name


# ---------------------------------------------------------------- prose


def label_of(text: str) -> tuple[str, str, str] | None:
    """(kind, label as written, the rest) of a numbered paragraph: "I. MỤC ĐÍCH" -> ("roman", "I", "MỤC ĐÍCH")."""
    for name, pattern in _LABELS:
        match = pattern.match(text)
        if match:
            label = match.group("label")
            rest = text[match.end():].strip()
            if name == "roman":
                label = label.rstrip(".-– ")
            elif name == "dotted":
                name = f"dotted{label.rstrip('.').count('.')}"
            elif name == "bullet":
                name = f"bullet{label}"
            return name, label, rest
    return None


def blocks(paras: list[Para]) -> list[dict]:
    """Prose as the model's blocks: each numbered paragraph opens a block under the last of another kind of number."""
    root: list[dict] = []
    stack: list[tuple[str, dict]] = []
    for para in paras:
        found = label_of(para.text)
        if found is None:
            _paragraph(root, stack, para.text)
            continue
        name, label, rest = found
        kinds = [k for k, _ in stack]
        if name in kinds:
            del stack[kinds.index(name):]
        block: dict = {"label": label, "title": None, "paragraphs": [], "blocks": []}
        if rest:
            if _is_title(name, rest, para):
                block["title"] = rest
            else:
                block["paragraphs"].append(rest)
        (stack[-1][1]["blocks"] if stack else root).append(block)
        stack.append((name, block))
    return [_tidy(b) for b in root]


def _is_title(name: str, rest: str, para: Para) -> bool:
    if name.startswith("bullet"):
        return False
    if para.bold or is_caps(rest) or name == "roman":
        return True
    if name in _POINT_KINDS:  # "(1) text", "a) text": a point's text on its label's line, as printed; a title is bold
        return False
    return len(rest) <= _TITLE_CHARS and not rest.endswith((".", ";", ","))


#: Labels that open a point's text on their own line ("(1)", "a)", "1)"); a heading under them is in bold.
_POINT_KINDS = ("paren", "letter", "decimal)")


def _paragraph(root: list[dict], stack: list[tuple[str, dict]], text: str) -> None:
    if stack and not stack[-1][1]["blocks"]:
        stack[-1][1]["paragraphs"].append(text)
        return
    # After a block's points (or before any heading): an unnumbered block of its own, in order.
    siblings = stack[-1][1]["blocks"] if stack else root
    last = siblings[-1] if siblings else None
    if last is not None and last["label"] is None and last["title"] is None and not last["blocks"]:
        last["paragraphs"].append(text)
    else:
        siblings.append({"label": None, "title": None, "paragraphs": [text], "blocks": []})


def _tidy(block: dict) -> dict:
    out = {k: v for k, v in block.items() if k != "blocks" and v}
    children = [_tidy(b) for b in block["blocks"]]
    if children:
        out["blocks"] = children
    return out


def appendix_heading(lines: list[Para]) -> tuple[tuple[str | None, str], Para] | None:
    """The heading an appendix's lines give its table ((label, title) and its paragraph): the first line in capitals
    after its last "PHỤ LỤC …" label, not a "(Kèm theo …)" line; "III. CẢI CÁCH …" read as a section's label and title."""
    labels = [k for k, para in enumerate(lines) if kind(para) == "appendix"]
    heading = next((para for para in lines[labels[-1] + 1 if labels else 0 :] if is_caps(para.text) and not para.text.startswith("(")), None)
    if heading is None:
        return None
    text = " ".join(part.strip() for part in heading.text.split("\n") if part.strip())
    label, title = section_heading(text)
    return ((label, title) if label else (None, text)), heading

