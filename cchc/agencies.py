"""The agency registry: resolving the names items use, groups, and finding agencies for people.

Items name agencies as the source spells them; each spelling must be the full
name or a short form of exactly one registry entry (case aside). A group
("Các sở, ban, ngành") holds the agencies its ``members`` name, or that its
``members_rule`` selects. People typing at a prompt get more latitude: case,
diacritics (đ included) and Unicode form do not matter, the initials people
type ("STTTT", "SKHCN", "VPUBND", "Sở TT-TT") are matched, and a fragment
that belongs to exactly one agency finds it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cchc.text import cached_when_short, fold, nfc, one_tone_place

#: Words initials leave out ("Sở Thông tin và Truyền thông" is STTTT).
_SKIPPED = {"va", "cac", "cua"}
#: Place words a typed abbreviation often drops ("VPUBND" for "VP UBND tỉnh").
_PLACE_WORDS = {"tinh", "huyen", "xa", "thanh pho", "thi xa"}
#: What each ``members_rule`` selects: the names that begin with one of these words (case aside, marks not:
#: "Bạn đọc" is no Ban). A province's departments (sở, ban, ngành); a district's offices (phòng, ban, ngành).
RULE_STARTS = {
    "so-ban-nganh": ("sở ", "ban ", "văn phòng ", "thanh tra "),
    "phong-ban-nganh": ("phòng ", "ban ", "văn phòng ", "thanh tra "),
}
_WORD = re.compile(r"[0-9a-z]+")
#: How alike (difflib's ratio) a name must be to be offered to a person whose name matched none: less than
#: for the checks' "did you mean" ("Sở Xây dựng" gets "Đơn vị xây dựng phần mềm", "Sở Tài chính"), as the
#: issue asks for the closest names.
PROMPT_CUTOFF = 0.5


@dataclass(frozen=True)
class AgencyMatch:
    """The outcome of a look-up: one agency, or the candidates / suggestions to show."""

    agency: object | None = None  # cchc.model.Agency
    candidates: list = field(default_factory=list)  # several matched
    suggestions: list[str] = field(default_factory=list)  # none matched: closest names
    partial: bool = False  # the agency was found as the one whose name holds what was typed


class AgencyRegistry:
    """Index of a plan's agencies by exact spelling, by folded spelling and by initials; group membership."""

    def __init__(self, agencies):
        self.agencies = list(agencies)
        self._exact: dict[str, object] = {}
        self._folded_index: dict[str, list] | None = None  # built on the first look-up by a person
        self._trigrams: dict[str, list[int]] | None = None  # built on the first suggestion
        self._spelled: tuple = ((), (), {})  # (spellings, their folded keys, each key's first position), with it
        self._resolved: dict[str, object] = {}  # memo: a large plan names the same agencies again and again
        self._groups_of: dict[int, list] | None = None  # each agency's groups, as they are asked for
        self._direct: dict[int, list] = {}  # each group's direct members, once
        self._held: dict[int, list] = {}  # each group's members through other groups, as they are asked for
        self._rule_members: dict[str, list] = {}  # the agencies each members_rule selects
        self._by_rule: dict[str, list] = {}  # the groups of each members_rule
        self._parents: dict[int, list] = {}  # the groups that name each agency or group as a member
        self._positions: dict[int, int] | None = None
        self._abbreviated: list | None = None  # (tokens, agency) of the abbreviated names, on the first name typed out that matched none
        self._written_out_words: list | None = None  # (words, agency) of every spelling, abbreviations written out
        for agency in self.agencies:
            for spelling in (agency.name, *agency.short):
                self._exact.setdefault(spelling_key(spelling), agency)

    # ------------------------------------------------------------ items' names

    def resolve(self, reference: str):
        """The agency an item's reference names (its full name or a short form, any case), or None."""
        try:
            return self._resolved[reference]
        except KeyError:
            agency = self._resolved[reference] = self._exact.get(spelling_key(reference))
            return agency

    def full_name(self, reference: str) -> str:
        """The full name of the agency *reference* names (the reference itself when it names none)."""
        agency = self.resolve(reference)
        return agency.name if agency is not None else reference

    def first_lead(self, item):
        """The agency an item names first as lead, which its amount counts under; None if none resolves."""
        return self.resolve(item.lead[0]) if item.lead else None

    def spellings(self):
        """Every (spelling, agency) pair, full names first."""
        for agency in self.agencies:
            yield agency.name, agency
        for agency in self.agencies:
            for short in agency.short:
                yield short, agency

    # ------------------------------------------------------------ groups

    def direct_members(self, group) -> list:
        """The agencies and groups *group* names as members, or its rule selects (resolved; unknown names left out),
        found once for each group."""
        try:
            return self._direct[id(group)]
        except KeyError:
            pass
        found = self._named_members(group)
        if group.members_rule is not None:
            found = found + self._ruled(group.members_rule)
        unique: dict[int, object] = {}
        for agency in found:
            if agency is not group:
                unique.setdefault(id(agency), agency)
        members = self._direct[id(group)] = list(unique.values())
        return members

    def _named_members(self, group) -> list:
        """The agencies *group* names as members (resolved; unknown names left out)."""
        return [a for a in map(self.resolve, group.members) if a is not None]

    def _ruled(self, rule: str) -> list:
        """The agencies (no group) a ``members_rule`` selects, found once for every group that has the rule."""
        try:
            return self._rule_members[rule]
        except KeyError:
            starts = RULE_STARTS[rule]
            found = self._rule_members[rule] = [a for a in self.agencies if not a.group and spelling_key(a.name).startswith(starts)]
            return found

    def groups_of(self, agency) -> list:
        """Every group that holds *agency*, directly or through other groups, in registry order.

        The groups that name their members are indexed by member; those of a rule by the rule, which an
        agency either meets or not: thousands of groups of a rule are not each a list of every agency."""
        if self._groups_of is None:
            self._groups_of = {}
            for group in self.agencies:
                if group.group:
                    for member in self._named_members(group):
                        if member is not group:
                            self._parents.setdefault(id(member), []).append(group)
                    if group.members_rule is not None:
                        self._by_rule.setdefault(group.members_rule, []).append(group)
        try:
            return self._groups_of[id(agency)]
        except KeyError:
            pass
        pending = list(self._parents.get(id(agency), []))
        if not agency.group:
            key = spelling_key(agency.name)
            for rule, groups in self._by_rule.items():
                if key.startswith(RULE_STARTS[rule]):
                    pending.extend(groups)
        seen: dict[int, object] = {}
        while pending:
            group = pending.pop()
            if id(group) in seen or group is agency:
                continue
            seen[id(group)] = group
            pending.extend(self._parents.get(id(group), []))  # a rule selects no group: a group's groups name it
        order = self._order()
        found = self._groups_of[id(agency)] = sorted(seen.values(), key=lambda g: order[id(g)])
        return found

    def held_by(self, group) -> list:
        """Every agency and group *group* holds, directly or through other groups (not *group* itself), found when
        first asked: a query reads the groups its items name, not every group above every agency."""
        try:
            return self._held[id(group)]
        except KeyError:
            pass
        seen: dict[int, object] = {}
        pending = list(self.direct_members(group)) if group.group else []
        while pending:
            member = pending.pop()
            if id(member) in seen or member is group:
                continue
            seen[id(member)] = member
            if member.group:
                pending.extend(self.direct_members(member))
        found = self._held[id(group)] = list(seen.values())
        return found

    def member_cycles(self) -> list[tuple[object, list]]:
        """One cycle for each set of two or more groups that hold one another, as (the set's first group in registry
        order, the groups along a shortest cycle from it back to it), in registry order. Linear in groups and
        memberships: a chain or ring of thousands of groups is read once, not once from each group."""
        groups = [a for a in self.agencies if a.group]
        inside = {id(g): list({id(m): m for m in self._named_members(g) if m.group and m is not g}.values()) for g in groups}
        index: dict[int, int] = {}
        low: dict[int, int] = {}
        stack: list = []
        on_stack: set[int] = set()
        sets: list[list] = []
        for root in groups:  # Tarjan's strongly connected components, without recursion
            if id(root) in index:
                continue
            index[id(root)] = low[id(root)] = len(index)
            stack.append(root)
            on_stack.add(id(root))
            work = [(root, iter(inside[id(root)]))]
            while work:
                node, members = work[-1]
                for member in members:
                    if id(member) not in index:
                        index[id(member)] = low[id(member)] = len(index)
                        stack.append(member)
                        on_stack.add(id(member))
                        work.append((member, iter(inside[id(member)])))
                        break
                    if id(member) in on_stack:
                        low[id(node)] = min(low[id(node)], index[id(member)])
                else:
                    work.pop()
                    if work:
                        parent = work[-1][0]
                        low[id(parent)] = min(low[id(parent)], low[id(node)])
                    if low[id(node)] == index[id(node)]:
                        held = []
                        while True:
                            member = stack.pop()
                            on_stack.discard(id(member))
                            held.append(member)
                            if member is node:
                                break
                        if len(held) > 1:
                            sets.append(held)
        order = self._order()
        cycles = [_shortest_cycle(min(held, key=lambda g: order[id(g)]), {id(g) for g in held}, inside) for held in sets]
        return sorted(cycles, key=lambda cycle: order[id(cycle[0])])

    def _order(self) -> dict[int, int]:
        if self._positions is None:
            self._positions = {id(a): i for i, a in enumerate(self.agencies)}
        return self._positions

    # ------------------------------------------------------------ people's look-ups

    @property
    def _folded(self) -> dict[str, list]:
        if self._folded_index is None:
            index: dict[str, list] = {}
            for agency in self.agencies:
                keys = set()
                for spelling in (agency.name, *agency.short):
                    keys.add(fold(spelling))
                    keys.update(typed_keys(spelling))
                for key in keys:
                    bucket = index.setdefault(key, [])
                    if not bucket or bucket[-1] is not agency:  # not a scan: 80,000 names of one key were quadratic
                        bucket.append(agency)
            self._folded_index = index
        return self._folded_index

    def suggest(self, text: str, limit: int = 3, cutoff: float = 0.6) -> list[str]:
        """Registered spellings closest to *text*, best first (compared folded), at least *cutoff* alike (difflib).

        A trigram index picks a few candidates first, so the cost does not grow
        with the registry times the number of names asked about.
        """
        import difflib

        folded = fold(text)[:120]
        if self._trigrams is None:  # the registry's spellings folded and indexed once, for every name asked about
            spellings = [s for s, _ in self.spellings()]
            keys = [fold(s) for s in spellings]
            first: dict[str, int] = {}
            index: dict[str, list[int]] = {}
            for i, key in enumerate(keys):
                first.setdefault(key, i)
                for gram in {key[j : j + 3] for j in range(max(len(key) - 2, 1))}:
                    index.setdefault(gram, []).append(i)
            self._trigrams = index
            self._spelled = (spellings, keys, first)
        spellings, keys, first = self._spelled
        if folded in first:
            return [spellings[first[folded]]]
        counts: dict[int, int] = {}
        for gram in {folded[j : j + 3] for j in range(max(len(folded) - 2, 1))}:
            for i in self._trigrams.get(gram, ()):
                counts[i] = counts.get(i, 0) + 1
        best = sorted(counts, key=lambda i: -counts[i])[:20]
        close = difflib.get_close_matches(folded, [keys[i] for i in best], n=limit, cutoff=cutoff)
        result: list[str] = []
        for key in close:
            name = spellings[first[key]]
            if name not in result:
                result.append(name)
        return result

    def _written_out(self, query: str) -> list:
        """The agencies with a name that abbreviates *query* written out: "Văn phòng Ủy ban nhân dân tỉnh" finds
        "Văn phòng UBND tỉnh", "Phòng Tài chính - Kế hoạch" finds "Phòng TC-KH" (``cchc.abbreviations``). Typed
        with a place word, it finds a name with none (the plan's own)."""
        from cchc.abbreviations import spells_out, tokens, typed_words

        if self._abbreviated is None:
            self._abbreviated = [(found, agency) for spelling, agency in self.spellings() if (found := tokens(spelling))]
        def spelled(words: list[str], own_only: bool) -> dict[int, object]:
            return {id(a): a for found, a in self._abbreviated if (not own_only or _place_word_of(a) is None) and spells_out(found, words)}

        words, place = typed_words(query), _place_word(query)
        matched = spelled(words, False) or (spelled(words[: len(words) - len(place.split())], True) if place is not None else {})
        return list(matched.values())

    def _holding_written_out(self, query: str) -> list:
        """The agencies with a name that begins with *query*'s whole words once abbreviations are written out on
        both sides: "VP HĐND" begins "Văn phòng HĐND và UBND huyện", "UBND xã" begins "UBND các xã, thị trấn".
        Only the name's beginning: "Ủy ban nhân dân huyện" is not the office of "Văn phòng HĐND và UBND huyện"."""
        from cchc.abbreviations import written_out

        wanted = written_out(query, typed=True)
        if not wanted:
            return []
        if self._written_out_words is None:
            self._written_out_words = [(written_out(spelling), agency) for spelling, agency in self.spellings()]
        size = len(wanted)
        return list({id(agency): agency for words, agency in self._written_out_words if words[:size] == wanted}.values())

    def _held_by(self, folded: str) -> list[tuple[int, object, str]]:
        """(length, agency, spelling) of each agency's longest name or short form that *folded* holds as whole words."""
        found = []
        for agency in self.agencies:
            held = [(len(key), s) for s in (agency.name, *agency.short) if len(key := fold(s)) >= 3 and re.search(rf"(?<!\w){re.escape(key)}(?!\w)", folded)]
            if held:
                length, spelling = max(held, key=lambda pair: pair[0])  # the first of the longest, each folded once
                found.append((length, agency, spelling))
        return found

    def find(self, query: str) -> AgencyMatch:
        """Look an agency up as a person types it: equal (folded, or by initials) to a name, else part of exactly one."""
        from cchc.model import MAX_NAME  # loaded with the plan asked

        # Twice as long as any name can be (spaces typed double, "ß" folded "ss" aside): equal to none, part of none,
        # and like none enough to be worth comparing it with each name.
        if len(query) > 2 * MAX_NAME:
            return AgencyMatch(suggestions=[])
        folded = fold(query)
        if not folded:
            return AgencyMatch(suggestions=[])
        equal = self._folded.get(folded, [])
        if not equal:
            place = _place_word(query)
            for key in typed_keys(query, initials=_typed_as_initials(query)):
                # A key without its place word ("vpubnd") finds no agency of another place: "VP UBND huyện" is not
                # tỉnh's. One whose names carry no place word is the plan's own ("Sở Nội vụ tỉnh", "PNV huyện").
                equal = [a for a in self._folded.get(key, []) if place is None or _place_word_of(a) in (None, place)]
                if equal:
                    break
        if not equal:
            equal = self._written_out(query)
        if len(equal) > 1:
            # Spelled alike but for marks ("Hà", "Hạ"): the one written exactly as typed, marks and all, is meant.
            typed = spelling_key(query)
            exact = [a for a in equal if any(spelling_key(s) == typed for s in (a.name, *a.short))]
            equal = exact if len(exact) == 1 else equal
        if len(equal) == 1:
            return AgencyMatch(agency=equal[0])
        if len(equal) > 1:
            return AgencyMatch(candidates=equal)
        containing = [
            agency
            for agency in self.agencies
            if any(folded in fold(s) for s in (agency.name, *agency.short))
        ]
        if len(containing) > 1 and fold(query) != " ".join(nfc(query).casefold().split()):
            # "xã Hạ" typed with its marks is part of "UBND xã Hạ" only, not of "UBND xã Hà" (typed without marks,
            # "thanh" is part of both "Đài Phát thanh" and "thành phố": both are listed)
            typed = spelling_key(query)
            marked = [agency for agency in containing if any(typed in spelling_key(s) for s in (agency.name, *agency.short))]
            containing = marked if len(marked) == 1 else containing
        # A group whose name begins with the query written out is meant as much as a name that holds it: "UBND xã"
        # is the group "UBND các xã, thị trấn" as much as "UBND xã Hải Hà" (which alone was taken, in silence).
        held = {id(agency) for agency in containing}
        containing += [a for a in self._holding_written_out(query) if (a.group or not containing) and id(a) not in held]
        if len(containing) == 1:
            return AgencyMatch(agency=containing[0], partial=True)
        if containing:
            return AgencyMatch(candidates=containing)
        # One name an agency, the first of its spellings found closest: three spellings of one office are no choice.
        # First the agencies whose name the query holds, the longest first: "Sở Tư Pháp tỉnh Thái Bình" is told
        # "Sở Tư pháp", before "Báo Thái Bình", which is closer letter by letter.
        agencies: dict[int, str] = {}
        for _, agency, spelling in sorted(self._held_by(folded), key=lambda found: -found[0]):
            agencies.setdefault(id(agency), spelling)
        for spelling in self.suggest(query, limit=9, cutoff=PROMPT_CUTOFF):
            owner = self._folded.get(fold(spelling), [None])[0]
            agencies.setdefault(id(owner) if owner is not None else spelling, spelling)
        return AgencyMatch(suggestions=list(agencies.values())[:3])


def _shortest_cycle(first, held: set[int], inside: dict[int, list]) -> tuple[object, list]:
    """(*first*, the groups from *first* back to it along the fewest memberships), inside the set *held*."""
    came_from = {id(first): None}
    queue = [first]
    for node in queue:  # breadth first: the first way back found is a shortest one
        for member in inside[id(node)]:
            if member is first:
                trail = [first]
                while node is not None:
                    trail.append(node)
                    node = came_from[id(node)]
                return first, trail[::-1]
            if id(member) in held and id(member) not in came_from:
                came_from[id(member)] = node
                queue.append(member)
    raise AssertionError("a strongly connected set has a way back")


@cached_when_short(maxsize=8192)
def spelling_key(spelling: str) -> str:
    """What makes two spellings of an agency the same for items: NFC, case, spacing and the place of the tone mark
    in "oa", "oe", "uy" aside ("Hòa" and "Hoà", "Thủy" and "Thuỷ" are one word in the two styles of writing it)."""
    key = " ".join(nfc(spelling).casefold().split())
    return one_tone_place(key) if not key.isascii() else key


def _place_word(spelling: str) -> str | None:
    """The place word a name ends in ("tinh" for "VP UBND tỉnh"), folded; None when it ends in none."""
    words = _WORD.findall(fold(spelling))  # the words typed_keys reads: "huyện." and "VP-UBND-huyện" end in "huyen"
    for size in (2, 1):
        if len(words) > size and " ".join(words[-size:]) in _PLACE_WORDS:
            return " ".join(words[-size:])
    return None


def _place_word_of(agency) -> str | None:
    """The place word *agency*'s names end in (the first that ends in one), or None."""
    return next(filter(None, map(_place_word, (agency.name, *agency.short))), None)


def _typed_as_initials(query: str) -> bool:
    """Whether a query may be initials: one word ("STTTT", "snv"), or with a word in capitals ("Sở TT-TT", "VP
    UBND") or of one letter ("S.Nội vụ", "Sở T.Pháp"). A name written out ("Sở Ngoại vụ") is not taken for its
    initials (SNV, which are Sở Nội vụ's)."""
    words = [w for w in re.split(r"[\s&,;()/.-]+", nfc(query)) if w]
    return len(words) <= 1 or any((len(word) > 1 and word.isupper()) or len(word) == 1 for word in words)


def typed_keys(spelling: str, initials: bool = True) -> set[str]:
    """Keys a person may type for *spelling*: its letters run together and its initials.

    "Sở Thông tin và Truyền thông" -> "stttt"; "Sở TT&TT" -> "sotttt", "stttt";
    "VP UBND tỉnh" -> "vpubndtinh", "vpubndt", "vpubnd". Keys carry a leading
    "=" so they never collide with a folded name.
    """
    words = _WORD.findall(fold(spelling).replace("&", " "))
    if not words:
        return set()
    original = [w for w in re.split(r"[\s&,;()/.-]+", nfc(spelling)) if w]
    keys = {"=" + "".join(words)}
    letters_of = []
    for word in original if initials else ():
        bare = fold(word)
        letters = "".join(_WORD.findall(bare))
        if not letters or bare in _SKIPPED:
            continue
        # An all-capitals word is already initials ("UBND", "TTTT", "KHCN").
        letters_of.append(letters if len(word) > 1 and word.isupper() else letters[0])
    if letters_of:
        keys.add("=" + "".join(letters_of))
        if original and fold(original[-1]) in _PLACE_WORDS and len(letters_of) > 2:
            keys.add("=" + "".join(letters_of[:-1]))
    if words[-1] in _PLACE_WORDS and len(words) > 1:
        keys.add("=" + "".join(words[:-1]))
    return keys
