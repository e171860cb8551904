"""An agency cell's names before commas are looked at (``cchc.inputs.docx_agencies``): its lines and semicolons, a name
wrapped onto the next line put back together."""

from __future__ import annotations

import re


def pieces(text: str) -> list[str]:
    """A cell's names before commas are looked at: one per line and per semicolon, bullets and end punctuation off,
    the spaces between words one plain space (a no-break space or a tab is Word's layout, not part of a name).

    A line that goes on with a name is part of it (a name wrapped, as a PDF made Word has each printed line a
    paragraph): one after a line ending in "và", "của", "thuộc" ("Sở Kế hoạch và⏎Đầu tư"), or a short one all in lower
    case ("Phòng Pháp⏎chế", "UBND các xã,⏎thị trấn") that starts no name of its own ("đơn vị tư vấn", "các …",
    "cơ quan, đơn vị có liên quan"); never after ";" or ".". Linear in the cell's length."""
    lines: list[list[str]] = []  # each name's lines
    for line in text.split("\n"):
        before = lines[-1][-1] if lines else ""
        if lines and (_GOES_ON.search(before) or _wrapped(line) and not before.rstrip().endswith((";", "."))):
            lines[-1].append(line.strip())
        else:
            lines.append([line])
    out = []
    for line in (" ".join(part.rstrip() if k + 1 < len(parts) else part for k, part in enumerate(parts)) for parts in lines):
        for part in line.split(";"):
            part = part.strip()
            if part[:1] in "-+•–" and part[1:2] in (" ", "\t", "\xa0"):
                part = part[1:]
            part = " ".join(part.strip().rstrip(".,").split())
            if part:
                out.append(part)
    return out


#: A line a name goes on after: it ends in a word no name ends in.
_GOES_ON = re.compile(r"(?i)\s(?:và|của|thuộc)\s*$")
#: The first words of a name of its own, in lower case after another name's line ("đơn vị tư vấn", "các sở, ngành").
_NAME_STARTS = frozenset(["các", "những", "đài", "sở", "phòng", "ubnd", "trường", "viện", "cơ quan", "đơn vị", "tổ chức", "trung tâm",
                          "văn phòng", "ủy ban", "uỷ ban", "chi cục", "bệnh viện", "công an", "ban quản", "ban chỉ", "hội đồng"])


def _wrapped(line: str) -> bool:
    """Whether a line of an agency cell is the rest of the name above: it starts in lower case, with no word a name
    of its own starts with ("chế" of "Phòng Pháp⏎chế", "tỉnh Lạng Sơn" of "Chi cục Kiểm lâm⏎tỉnh Lạng Sơn", "ngành"
    of "Các sở, ban,⏎ngành"; not "đơn vị tư vấn", "đài Phát thanh …")."""
    words = line.split(maxsplit=2)
    if not words or not words[0][:1].islower():
        return False
    first, two = words[0].strip(",;."), " ".join(words[:2]).strip(",;.")
    return first not in _NAME_STARTS and two not in _NAME_STARTS
