"""Agency names written with the abbreviations offices use ("Văn phòng UBND tỉnh", "Phòng TC-KH", "Sở KH&CN"), matched
against a name a person types written out ("Văn phòng Ủy ban nhân dân tỉnh", "Phòng Tài chính - Kế hoạch").

A name is read word by word, folded (no case, no marks, đ as d); "và", "các", "của" are left out on both sides. A
word in capitals is an abbreviation: its parts between "-", "&", "," or "." ("TC-KH", "KH&CN", "VH,TT&DL") stand
for the words ``KNOWN`` gives them when they are known ("KH" is "kế hoạch" or "khoa học", never "kế hoạch"
and "chăn nuôi"; "NV" is "nội vụ", never "ngoại vụ"), and otherwise each of their letters for one word that starts
with it ("LHPN": "Liên hiệp Phụ nữ"). A name that is initials only ("SNV", "STTTT") is not read here: it is a
short form people type as initials, which ``cchc.agencies`` reads as such.
"""

from __future__ import annotations

import re

from cchc.text import fold, nfc

_SKIPPED = frozenset({"va", "cac", "cua"})
_LETTERS = re.compile(r"[0-9a-z]+")
_PARTS = re.compile(r"[-&,./]+")

#: Abbreviations offices write, folded, and the words each may stand for ("và" and the like left out).
KNOWN: dict[str, tuple[str, ...]] = {
    "ubnd": ("uy ban nhan dan",), "hdnd": ("hoi dong nhan dan",), "ub": ("uy ban",), "vp": ("van phong",),
    "tp": ("thanh pho", "tu phap"), "tx": ("thi xa",), "nv": ("noi vu",), "tc": ("tai chinh", "to chuc"),
    "kh": ("ke hoach", "khoa hoc"), "cn": ("cong nghe", "cong nghiep"), "dt": ("dau tu", "dao tao"),
    "tt": ("thong tin", "truyen thong", "the thao", "trung tam", "thi tran", "thanh tra"), "th": ("truyen hinh",),
    "pt": ("phat thanh", "phat trien"), "vh": ("van hoa",), "dl": ("du lich",), "gd": ("giao duc",), "ld": ("lao dong",),
    "tb": ("thuong binh",), "xh": ("xa hoi",), "nn": ("nong nghiep",), "tn": ("tai nguyen",), "mt": ("moi truong",),
    "gt": ("giao thong",), "vt": ("van tai",), "kt": ("kinh te",), "ht": ("ha tang",), "yt": ("y te",),
    "khcn": ("khoa hoc cong nghe",), "khdt": ("ke hoach dau tu",), "tttt": ("thong tin truyen thong",),
    "gddt": ("giao duc dao tao",), "ldtbxh": ("lao dong thuong binh xa hoi",), "nnptnt": ("nong nghiep phat trien nong thon",),
    "tnmt": ("tai nguyen moi truong",), "vhttdl": ("van hoa the thao du lich",), "gtvt": ("giao thong van tai",),
    "ptth": ("phat thanh truyen hinh",), "mttq": ("mat tran to quoc",), "mttqvn": ("mat tran to quoc viet nam",),
    "kbnn": ("kho bac nha nuoc",), "bhxh": ("bao hiem xa hoi",), "cchc": ("cai cach hanh chinh",),
    "tthc": ("thu tuc hanh chinh",), "cntt": ("cong nghe thong tin",), "qppl": ("quy pham phap luat",),
    "hcc": ("hanh chinh cong",), "ca": ("cong an",), "bchqs": ("bo chi huy quan su", "ban chi huy quan su"),
    "tand": ("toa an nhan dan",), "vksnd": ("vien kiem sat nhan dan",),
}

#: A word of a name: ("word", "so"), ("known", (("ke", "hoach"), ("khoa", "hoc"))) or ("initial", "l").
Token = tuple[str, object]


def tokens(spelling: str) -> list[Token] | None:
    """*spelling* as tokens; None when it abbreviates nothing, or is initials only (nothing written out or known)."""
    found: list[Token] = []
    for word in nfc(spelling).split():
        if sum(ch.isupper() for ch in word) < 2:
            found += [("word", letters) for letters in _LETTERS.findall(fold(word)) if letters not in _SKIPPED]
            continue
        whole = "".join(_LETTERS.findall(fold(word)))
        if whole in KNOWN:
            found.append(("known", _expansions(whole)))
            continue
        for part in _PARTS.split(word):
            letters = "".join(_LETTERS.findall(fold(part)))
            if letters in KNOWN:
                found.append(("known", _expansions(letters)))
            else:
                found += [("initial", letter) for letter in letters]
    if not any(kind != "word" for kind, _ in found) or all(kind == "initial" for kind, _ in found):
        return None
    return found


def _expansions(letters: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(words.split()) for words in KNOWN[letters])


def typed_words(query: str) -> list[str]:
    """The words a person typed, folded, "và", "các", "của" left out."""
    return [word for word in _LETTERS.findall(fold(query)) if word not in _SKIPPED]


def spells_out(found: list[Token], words: list[str]) -> bool:
    """Whether *words* (``typed_words``) are the name of *found* (``tokens``) written out."""

    def match(i: int, j: int) -> bool:
        if i == len(found):
            return j == len(words)
        kind, value = found[i]
        if kind == "word":
            return j < len(words) and words[j] == value and match(i + 1, j + 1)
        if kind == "initial":
            return j < len(words) and words[j].startswith(value) and match(i + 1, j + 1)
        return any(tuple(words[j : j + len(choice)]) == choice and match(i + 1, j + len(choice)) for choice in value)

    return match(0, 0)


def written_out(spelling: str, typed: bool = False) -> tuple[str, ...]:
    """*spelling*'s words folded, each abbreviation with one meaning written out ("VP HĐND" is "van phong hoi dong
    nhan dan"; "TT", which may mean six things, stays "tt"), "và", "các", "của" left out. *typed*: a word a person
    typed in small letters ("vp hdnd") is read as the abbreviation it may be too."""
    words: list[str] = []
    for word in nfc(spelling).split():
        capitals = sum(ch.isupper() for ch in word) >= 2
        parts = _PARTS.split(word) if capitals or typed else ()
        letters = [found for part in parts if (found := "".join(_LETTERS.findall(fold(part))))]  # "HĐND," has one
        if letters and all(len(KNOWN.get(part, ())) == 1 for part in letters):  # "HĐND", "TC-KH" is ambiguous
            words += [written for part in letters for written in KNOWN[part][0].split()]
        elif capitals:
            words += letters
        else:
            words += [found for found in _LETTERS.findall(fold(word)) if found not in _SKIPPED]
    return tuple(words)

