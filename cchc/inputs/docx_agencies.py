"""Agency cells -> agency names, and the plan's agency registry built from the names found.

A cell names one agency per line (a paragraph or a line break) and per
semicolon. A comma separates names only where every part is a whole name:
known elsewhere (seen on its own in another cell, or in the registry given
with ``--agencies``), or reading as one by its form, a kind of agency and
what names it ("Sở Nội vụ", "UBND tỉnh"). "Các sở, ban, ngành" and "Sở Văn
hóa, Thể thao và Du lịch" stay one name; "Sở Tư pháp, Sở Nội vụ" is two.
Names for several agencies are marked as groups ("Các …", "… có liên quan",
"UBND cấp xã", kinds listed after commas: "Sở, ban, ngành"). A name written "Sở Thông tin và Truyền thông
(Sở TT&TT)", in a cell or in the prose, defines a short form. Names are kept
as written, word for word: a name the given registry knows (case, spacing
and the tone mark's place aside) keeps the document's spelling, which finds
that entry, and the entry is copied.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from cchc.agencies import spelling_key, typed_keys
from cchc.inputs.docx_cell_names import pieces
from cchc.inputs.docx_package import DocxRefused
from cchc.text import fold

#: The longest short form read from "Full name (SHORT)".
_SHORT_CHARS = 40
_ABBREVIATION = re.compile(r"[A-ZĐ]{2,}|&")
_GROUP_START = ("các ", "ubnd các ", "ủy ban nhân dân các ", "uỷ ban nhân dân các ")
#: "UBND cấp xã": every commune's; "Sở, ban, ngành", "UBND xã, phường, thị trấn": kinds listed after commas.
_GROUP_END = (" cấp xã", " cấp huyện", " các cấp")
_GROUP_KINDS = {"sở", "ban", "ngành", "tỉnh", "huyện", "quận", "thành phố", "thị xã", "xã", "phường", "thị trấn", "cơ quan", "đơn vị", "đoàn thể", "địa phương"}
#: The words an agency's name starts with ("Sở Nội vụ", "UBND tỉnh", "Văn phòng UBND tỉnh"); longest first.
_AGENCY_KINDS = tuple(sorted({
    "Sở", "Ban", "Phòng", "Văn phòng", "Thanh tra", "Ủy ban", "Uỷ ban", "Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND", "HĐND", "Hội đồng", "Công an", "Bộ", "Bộ Chỉ huy",
    "Cục", "Chi cục", "Tổng cục", "Vụ", "Viện", "Trung tâm", "Đài", "Báo", "Kho bạc", "Bảo hiểm", "Ngân hàng", "Trường",
    "Bệnh viện", "Hội", "Liên đoàn", "Liên minh", "Mặt trận", "Tỉnh đoàn", "Huyện đoàn", "Thành đoàn", "Tòa án", "Toà án",
    "Tỉnh ủy", "Tỉnh uỷ", "Huyện ủy", "Huyện uỷ", "Thành ủy", "Thành uỷ", "Đảng ủy", "Đảng uỷ", "Chi nhánh", "Công ty",
    "Tổng công ty", "Bưu điện", "Bộ phận", "Cổng",
}, key=len, reverse=True))
_PLACE_WORDS = ("tỉnh", "huyện", "quận", "thành phố", "thị xã", "xã", "phường", "thị trấn")
#: The ends of the names of departments whose fields are listed with a comma ("Sở Văn hóa, Thể thao và Du lịch"):
#: "Sở Văn hóa" written alone elsewhere is its short form, no second agency (folded).
_FIELDS_WITH_COMMAS = ("van hoa, the thao va du lich", "van hoa, the thao", "van hoa, thong tin", "van hoa, thong tin va the thao")
#: A cell split at more commas than this is not tried (the split looks at every way to group the parts).
MAX_PARTS = 30
#: No agency's name is longer (the 2021 plan's longest has 50 characters): a longer run of parts is not
#: tried as one, and a cell with a longer part is not split, so that a cell costs at most its parts times this.
MAX_NAME_CHARS = 300
#: Parentheses in the prose looked at for short forms.
MAX_DEFINITIONS_SCANNED = 5000
#: No plan's agency cell names more agencies, nor its cells more distinct names (a province's plans name some
#: 1,300): past either the document is refused, before its names are all held (1.6 million in one cell took 4 GB).
MAX_CELL_NAMES, MAX_NAMES = 1000, 20_000


def is_group(name: str) -> bool:
    """A name for several agencies: "Các sở, ban, ngành", "Các đơn vị có liên quan", "UBND các huyện",
    "UBND cấp xã", or kinds listed after commas ("Sở, ban, ngành", "UBND xã, phường, thị trấn")."""
    key = " ".join(name.casefold().split())
    return key.startswith(_GROUP_START) or key.endswith(("có liên quan", *_GROUP_END)) or _kinds_after_commas(key)


def _kinds_after_commas(key: str) -> bool:
    """*key* (casefolded, single spaces) lists kinds of agency after its first comma: "sở, ban, ngành", "ubnd xã, phường"."""
    later = [part.strip() for part in key.split(",")[1:]]
    if later:  # "các sở, ban, ngành (có) liên quan": the last kind may say which
        later[-1] = later[-1].removesuffix(" liên quan").removesuffix(" có")
    return bool(later) and all(part in _GROUP_KINDS for part in later)


#: The kinds a group of every department lists ("Các sở, ban, ngành"), and the ``members_rule`` that selects them.
_RULE_KINDS = (({"sở", "ban", "ngành"}, "sở", "so-ban-nganh"), ({"phòng", "ban", "ngành"}, "phòng", "phong-ban-nganh"))


#: ``members_rule``'s answer for a group of agencies and units ("Các cơ quan, đơn vị có liên quan"): the rule of the
#: level whose departments the plan names (sở for a province's plan, phòng for a district's).
_THIS_LEVEL = "this-level"


#: Whose departments they are, said after them: "… thuộc UBND huyện", "… thuộc Ủy ban nhân dân tỉnh", "… thuộc huyện".
_OF_THE_COMMITTEE = re.compile(r"\s+thuộc\s+(?:(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+)?(?:tỉnh|huyện|thành phố|thị xã|quận)$")


def members_rule(name: str) -> str | None:
    """The ``members_rule`` of a group named by kinds of agency only ("Các sở, ban, ngành", "Sở, ban, ngành",
    "Các sở, ngành có liên quan", "Các phòng, ban, ngành", "Các phòng, ban chuyên môn"; ``_THIS_LEVEL`` for "Các cơ
    quan, đơn vị có liên quan", "Các cơ quan chuyên môn"); None for any other ("Các sở: Tài chính, Nội vụ", "UBND cấp xã")."""
    key = " ".join(name.casefold().split()).removeprefix("các ")
    key = _OF_THE_COMMITTEE.sub("", key.removesuffix(" có liên quan").removesuffix(" liên quan"))
    key = key.removesuffix(" chuyên môn")  # "Các phòng, ban chuyên môn": a district's own offices; "Các cơ quan chuyên môn"
    words = [word for word in re.split(r"[,\s]+", key) if word]
    for kinds, first, rule in _RULE_KINDS:
        if words and words[0] == first and set(words) <= kinds:
            return rule
    if words and set(words) <= {"cơ", "quan", "đơn", "vị"} and " ".join(words) in ("cơ quan", "đơn vị", "cơ quan đơn vị"):
        return _THIS_LEVEL
    return None


#: The rule for the departments of a people's committee of each level ("Các cơ quan, đơn vị có liên quan").
_LEVEL_RULES = {"province": "so-ban-nganh", "district": "phong-ban-nganh"}
#: The levels of issuer where a group named by sở (or by phòng) is not its own departments: a district's or a
#: commune's "Các sở, ban, ngành" are the province's, which its registry does not list (its "Thanh tra huyện" is none).
_NOT_AT = {"so-ban-nganh": ("district", "commune"), "phong-ban-nganh": ("province",)}
#: The cities run by the centre: a province's level ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"); any other city is a
#: district's. Huế, a district's city until 2025 and the centre's since, is neither (no guess).
_CENTRAL_CITIES = ("ha noi", "ho chi minh", "hcm", "hai phong", "da nang", "can tho")


def issuer_level(*bodies: str | None) -> str | None:
    """"province" or "district" when the first of *bodies* that is a people's committee (the issuer, else its
    superior: a Phòng's plan is its district's) is of that level ("ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH", "UBND HUYỆN
    VŨ THƯ"), "commune" for a commune's; None when none is."""
    for body in bodies:
        level = _committee_level(body)
        if level is not None:
            return level
    return None


def _committee_level(body: str | None) -> str | None:
    key = " ".join(fold(body or "").split())
    if not key.startswith(("uy ban nhan dan ", "ubnd ")):
        return None
    place = re.sub(r"^tp\.?\s*", "thanh pho ", key.split(" ", 4 if key.startswith("uy") else 1)[-1])  # "TP.HCM", "TP. Thái Bình"
    if place.startswith("tinh "):
        return "province"
    if place.startswith("thanh pho "):
        city = place.removeprefix("thanh pho ")
        return "province" if city.startswith(_CENTRAL_CITIES) else None if city.startswith("hue") else "district"
    if place.startswith(("huyen ", "quan ", "thi xa ", "tx. ", "tx ")):
        return "district"
    if place.startswith(("xa ", "phuong ", "thi tran ")):
        return "commune"
    return None


def whole_name(part: str) -> bool:
    """Whether *part* reads as one agency's whole name: a kind of agency, then what names it ("Sở Nội vụ",
    "Văn phòng UBND tỉnh", "UBND huyện"), not a kind alone ("Sở") nor a list of kinds ("UBND xã, phường")."""
    if "," in part:
        return False
    for kind in _AGENCY_KINDS:
        if part.startswith(kind + " "):
            rest = part[len(kind) + 1 :].strip()
            return bool(rest) and (rest[0].isupper() or rest[0].isdigit() or rest.startswith(_PLACE_WORDS))
    return False


def listed_kinds(segment: str) -> bool:
    """Whether *segment* reads as one name for a group by its form: a group or an agency, then kinds listed after
    commas ("Các sở, ban, ngành", "Sở, ban, ngành", "UBND huyện, thành phố", "UBND xã, phường, thị trấn"), so that a cell listing
    such names ("Các sở, ban, ngành, UBND huyện, thành phố") splits between them and nowhere else."""
    if not _kinds_after_commas(" ".join(segment.casefold().split())):
        return False
    first = segment.split(",", 1)[0].strip()
    key = " ".join(first.casefold().split())
    return whole_name(first) or key.startswith(_GROUP_START) or (first[:1].isupper() and key in _GROUP_KINDS)  # "Sở, ban, ngành"


def _group_without_commas(segment: str) -> bool:
    """A group's whole name with no comma in it: "các đơn vị sự nghiệp công lập", "UBND các huyện"."""
    key = " ".join(segment.casefold().split())
    return "," not in key and key.startswith(_GROUP_START) and len(key.split()) >= 3


def _shortens(short: str, full: str) -> bool:
    """Whether *short*'s capitals are letters of *full* in order, its words' initials and the capitals of its own short
    forms ("Sở TT&TT" of "Sở Thông tin và Truyền thông", "UBND tỉnh" of "Ủy ban nhân dân tỉnh"), as a short form's are."""
    letters = iter(fold("".join(word if sum(map(str.isupper, word)) >= 2 else word[:1] for word in full.split())).upper())
    return all(letter in letters for letter in fold("".join(filter(str.isupper, short))).upper())


def _abbreviated(name: str) -> bool:
    return bool(_ABBREVIATION.search(name))


def _initials(name: str) -> str | None:
    """The initials key of *name* among ``typed_keys`` (not its letters run together, not a shortened form)."""
    keys = typed_keys(name)
    run = "=" + re.sub(r"[^0-9a-z]", "", fold(name).replace("&", " "))
    others = keys - {run}
    return max(others, key=len) if others else run


class AgencyBook:
    """The names a document uses, learnt from all its cells first, then split and gathered into a registry."""

    def __init__(self, registry=None):
        self.registry = list(registry or [])
        self._registry_agency: dict[str, object] = {}  # spelling key of a name or short form -> its agency
        for agency in self.registry:
            for spelling in (agency.name, *agency.short):
                self._registry_agency.setdefault(spelling_key(spelling), agency)
        self._known: set[str] = set(self._registry_agency)
        self._short_of: dict[str, str] = {}  # spelling key of a short form -> the full name
        self._split: dict[str, list[str]] = {}
        self._full_names: list[str] = []
        self._alone: set[str] = set()  # spelling keys of what the cells name on their own (``learn``)

    # ------------------------------------------------------------ learning

    def know(self, names: list[str]) -> None:
        """Know *names* as whole names, for a comma between them to split a cell (the names a document cchc
        wrote lists): not names the document uses, so none of them is an agency of the plan unless a cell names it."""
        self._known.update(map(spelling_key, names))

    def learn(self, cells: list[str]) -> None:
        """Learn every name the agency cells show, then how each cell with commas splits."""
        pending: list[str] = []
        split = [pieces(text) for text in cells]
        self._alone.update(spelling_key(piece) for found in split for piece in found)  # names a cell gives on their own
        for found in split:
            if len(found) > MAX_CELL_NAMES:
                raise DocxRefused("docx.too-many-names", limit=MAX_CELL_NAMES)
            for piece in found:
                piece = self._definition(piece)
                if "," in piece:
                    pending.append(piece)
                else:
                    self._learn_name(piece)
        # Fewer commas first: a name with commas that is not split is known to the longer ones.
        for piece in sorted(set(pending), key=lambda p: (p.count(","), p)):
            names = self._split_commas(piece)
            self._split[piece] = names
            for name in names:  # a cell's parts are names the document gives, as if each stood alone
                self._learn_name(name)

    def learn_prose(self, paragraphs: list[str]) -> None:
        """Short forms the prose defines after a name the cells use: "… Sở Thông tin và Truyền thông (Sở TT&TT) …"."""
        # The names by the length of their casefolded text: the text before a parenthesis is looked up once
        # per length, so each parenthesis costs the few lengths names have, not the number of names.
        by_length: dict[int, dict[str, str]] = {}
        for name in sorted({n for n in self._full_names if 6 <= len(n) <= MAX_NAME_CHARS}, key=len, reverse=True):
            folded = name.casefold()
            by_length.setdefault(len(folded), {}).setdefault(folded, name)
        lengths = sorted(by_length, reverse=True)  # longest first: "Văn phòng UBND tỉnh" before "UBND tỉnh"
        longest = lengths[0] + 2 if lengths else 0
        scanned = 0
        for text in paragraphs:
            if "(" not in text:
                continue
            for match in re.finditer(r"\(([^()\n]{1,40})\)", text):
                scanned += 1
                if scanned > MAX_DEFINITIONS_SCANNED:
                    return
                short = match.group(1).strip()
                if not _abbreviated(short) or spelling_key(short) in self._short_of:
                    continue
                before = text[max(0, match.start() - longest - 50) : match.start()].rstrip().casefold()
                name = next((by_length[n][before[-n:]] for n in lengths if before[-n:] in by_length[n]), None)
                if name is not None and spelling_key(short) != spelling_key(name):
                    self._short_of[spelling_key(short)] = name

    def _learn_name(self, name: str) -> None:
        key = spelling_key(name)
        if key not in self._known:
            if len(self._full_names) >= MAX_NAMES:
                raise DocxRefused("docx.too-many-agencies", limit=MAX_NAMES)
            self._known.add(key)
            self._full_names.append(name)

    def _definition(self, piece: str) -> str:
        """The name in "Full name (SHORT)", learning the short form; the piece itself otherwise."""
        start = piece.rfind("(")
        if not piece.endswith(")") or start <= 0:
            return piece
        full, short = piece[:start].strip(), piece[start + 1 : -1].strip()
        if not full or not short or len(short) > _SHORT_CHARS or ")" in short or not _abbreviated(short):
            return piece
        if not _shortens(short, full) and spelling_key(short) not in self._alone:
            return piece  # "Văn phòng HĐND và UBND huyện (Bộ phận TN&TKQ)": part of the name, kept; "(VNPT Thái Bình)" a cell names alone
        self._short_of.setdefault(spelling_key(short), full)
        return full

    def _split_commas(self, piece: str) -> list[str]:
        """*piece* as the fewest (two or more) known names its commas separate, or whole."""
        if piece.count(",") >= MAX_PARTS:
            return [piece]
        parts = [p.strip() for p in piece.split(",")]
        if any(len(p) > MAX_NAME_CHARS for p in parts) or spelling_key(piece) in self._registry_agency:
            return [piece]
        n = len(parts)
        best: list[list[str] | None] = [None] * n + [[]]
        for i in range(n - 1, -1, -1):
            length = -2
            for j in range(i + 1, n + 1):
                length += len(parts[j - 1]) + 2
                if length > MAX_NAME_CHARS:
                    break  # no name is that long, nor any longer run
                if i == 0 and j == n:
                    continue  # the whole piece is not a split
                segment = ", ".join(parts[i:j])
                rest = best[j]
                if rest is not None and segment and (spelling_key(segment) in self._known or whole_name(segment) or listed_kinds(segment)
                                                     or _group_without_commas(segment)):
                    if best[i] is None or len(rest) + 1 < len(best[i]):
                        best[i] = [segment] + rest
        return best[0] if best[0] else [piece]

    # ------------------------------------------------------------ names

    def names(self, text: str) -> list[str]:
        """The agencies a cell names, each as the document spells it."""
        out: list[str] = []
        for piece in pieces(text):
            piece = self._definition(piece)
            out.extend(self._split.get(piece, [piece]) if "," in piece else [piece])
        return out

    def registry_entries(self, used: list[str], level: str | None = None) -> tuple[list[dict], list[tuple[int, str, dict]]]:
        """The plan's ``agencies:`` for the names *used*, and comments (entry index, key, args) where it guessed.

        *level* is the issuer's (``issuer_level``): a group named by kinds of department alone gets the rule that
        selects them (``members_rule``), "Các sở, ban, ngành" unless a district or a commune issues the plan (its
        sở are the province's), "Các phòng, ban, ngành" unless a province does, "Các cơ quan, đơn vị có liên
        quan" that of the issuing committee's departments, a province's or a district's."""
        from_registry: dict[int, object] = {}
        more_short: dict[int, list[str]] = {}
        new: dict[str, dict] = {}
        order: list[str] = []

        def add_registry(agency, depth: int = 0) -> None:
            if id(agency) in from_registry or depth > 20:
                return
            from_registry[id(agency)] = agency
            for member in agency.members:
                found = self._registry_agency.get(spelling_key(member))
                if found is not None:
                    add_registry(found, depth + 1)

        def add_new(name: str) -> dict:
            key = spelling_key(name)
            if key not in new:
                new[key] = {"name": name, "short": [], "group": True if is_group(name) else None}
                order.append(key)
            return new[key]

        for name in used:
            found = self._registry_agency.get(spelling_key(name))
            if found is not None:
                add_registry(found)
                continue
            full = self._short_of.get(spelling_key(name))
            if full is not None and spelling_key(full) != spelling_key(name):
                found = self._registry_agency.get(spelling_key(full))
                if found is None:
                    entry = add_new(full)
                    if name not in entry["short"]:
                        entry["short"].append(name)
                else:
                    add_registry(found)
                    extra = more_short.setdefault(id(found), [])
                    if name not in extra:
                        extra.append(name)
                continue
            add_new(name)
        guesses = self._guess_short_forms(new, order)
        registry = [_entry(a, more_short.get(id(a), [])) for a in self.registry if id(a) in from_registry]
        plain = [k for k in order if k in new and not new[k]["group"]]
        groups = [k for k in order if k in new and new[k]["group"]]
        entries = registry + [_clean(new[k]) for k in plain + groups]
        position = {k: len(registry) + i for i, k in enumerate(plain + groups)}
        comments = [(position[k], "docx.guess.short-form", {"short": short}) for k, short in guesses if k in position]
        for key in plain:  # a name with commas kept whole, though a part of it names an agency of its own elsewhere
            part = self._known_part(new[key]["name"])
            if part is not None:
                comments.append((position[key], "docx.guess.kept-whole", {"part": part}))
        for key in plain + groups:  # a group of every sở, ban, ngành (or phòng …) of the issuer's: the rule for them
            rule = members_rule(new[key]["name"]) if new[key]["group"] else None
            rule = _LEVEL_RULES.get(level) if rule == _THIS_LEVEL else rule
            if rule is not None and level not in _NOT_AT[rule]:
                entries[position[key]]["members_rule"] = rule
                comments.append((position[key], "docx.guess.members-rule", {"rule": rule}))
        return entries, comments

    def _known_part(self, name: str) -> str | None:
        """The first part of *name* between commas that the document (or the given registry) names on its own:
        "Sở Thông tin và Truyền thông, Viettel Thái Bình" is kept one name, its second part no agency's by its form."""
        if "," not in name or listed_kinds(name) or fold(name).endswith(_FIELDS_WITH_COMMAS):
            return None
        parts = [p.strip() for p in name.split(",")]
        return next((p for p in parts if p and spelling_key(p) in self._known and spelling_key(p) != spelling_key(name)), None)

    def _guess_short_forms(self, new: dict[str, dict], order: list[str]) -> list[tuple[str, str]]:
        """Abbreviated names ("Sở TT&TT", "VP UBND tỉnh") made the short form of the one longer name with their initials.

        A name written out in full is preferred to another abbreviation; two candidates are no guess.
        """
        # A name longer than any agency's is neither a short form nor given one (its initials would cost its length again).
        order = [key for key in order if len(new[key]["name"]) <= MAX_NAME_CHARS]
        initials = {key: _initials(new[key]["name"]) for key in order}
        abbreviated = {key for key in order if _abbreviated(new[key]["name"])}
        by_initials: dict[str, list[str]] = {}
        for key in order:
            by_initials.setdefault(initials[key], []).append(key)
        longer = {k: _Longer([n for n in keys if n not in abbreviated], [n for n in keys if n in abbreviated]) for k, keys in by_initials.items()}
        guesses = []
        for key in order:
            entry = new[key]
            if key not in abbreviated or entry["short"]:
                continue
            candidates = longer[initials[key]].candidates(key)
            if len(candidates) == 1:
                target = new[candidates[0]]
                target["short"].append(entry["name"])
                target["group"] = target["group"] or entry["group"]
                del new[key]
                longer[initials[key]].remove(key)
                guesses.append((candidates[0], entry["name"]))
        return guesses


class _Longer:
    """The names of one initials key, to find those longer than another in a few steps however many there are:
    written out in full, or abbreviated (these leave as they become another's short form)."""

    def __init__(self, written: list[str], abbreviated: list[str]):
        self.written = sorted(written, key=len, reverse=True)
        self.written_lengths = sorted(len(k) for k in written)
        self.abbreviated = sorted(abbreviated, key=len, reverse=True)
        self.position = {k: i for i, k in enumerate(self.abbreviated)}
        #: A position at or after each one whose name is still there (followed and shortened as names leave).
        self.next = list(range(len(self.abbreviated) + 1))

    def candidates(self, key: str) -> list[str]:
        """Up to two of the longer names *key* may be the short form of: written out in full if any is, else abbreviated."""
        count = len(self.written_lengths) - bisect_right(self.written_lengths, len(key))
        if count:
            return self.written[: min(count, 2)]
        out: list[str] = []
        i = self._there(0)
        while i < len(self.abbreviated) and len(out) < 2 and len(self.abbreviated[i]) > len(key):
            out.append(self.abbreviated[i])
            i = self._there(i + 1)
        return out

    def remove(self, key: str) -> None:
        i = self.position[key]
        self.next[i] = i + 1

    def _there(self, i: int) -> int:
        while self.next[i] != i:
            self.next[i] = self.next[self.next[i]]
            i = self.next[i]
        return i


def _entry(agency, more_short: list[str]) -> dict:
    """A registry agency as plan data (only the fields it sets), with the short forms the document adds."""
    data = agency.model_dump(exclude_defaults=True)
    if more_short:
        data["short"] = list(data.get("short", [])) + [s for s in more_short if s not in data.get("short", [])]
    return {k: data[k] for k in ("name", "short", "group", "members", "members_rule", "note") if k in data}


def _clean(entry: dict) -> dict:
    return {k: v for k, v in entry.items() if v}


def keep_cell(item: dict, role: str, text: str) -> None:
    """Keep an agency cell's *text* after *role* in *item* (``lead_cell``) when the names read from it are its words in
    order with other separators than "; " ("Sở A, Sở B."): the plan then prints it as the document writes it. Not
    when it is their "; " join, one name a line (as Word prints them) or anything more than the names."""
    from cchc.checks import cell_names

    names = item[role]
    if not names or " ".join(text.split()) == "; ".join(names) or text.strip() == "\n".join(names) or not cell_names(text, names):
        return
    keys = list(item)
    later = [(key, item.pop(key)) for key in keys[keys.index(role) + 1 :]]
    item[f"{role}_cell"] = text
    item.update(later)

