"""The agency registry: resolving the names items use, and finding agencies for people.

Items name agencies as the source spells them; each spelling must be the full
name or a short form of exactly one registry entry (case aside). People typing
at a prompt get more latitude: case, diacritics (đ included) and Unicode form
do not matter, and a fragment that belongs to exactly one agency finds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cchc.text import fold, nfc


@dataclass(frozen=True)
class AgencyMatch:
    """The outcome of a look-up: one agency, or the candidates / suggestions to show."""

    agency: object | None = None  # cchc.model.Agency
    candidates: list = field(default_factory=list)  # several matched
    suggestions: list[str] = field(default_factory=list)  # none matched: closest names


class AgencyRegistry:
    """Index of a plan's agencies by exact spelling and by folded spelling."""

    def __init__(self, agencies):
        self.agencies = list(agencies)
        self._exact: dict[str, object] = {}
        self._folded_index: dict[str, list] | None = None  # built on the first look-up by a person
        self._resolved: dict[str, object] = {}  # memo: a large plan names the same agencies again and again
        for agency in self.agencies:
            for spelling in (agency.name, *agency.short):
                self._exact.setdefault(spelling_key(spelling), agency)

    @property
    def _folded(self) -> dict[str, list]:
        if self._folded_index is None:
            index: dict[str, list] = {}
            for agency in self.agencies:
                for spelling in (agency.name, *agency.short):
                    bucket = index.setdefault(fold(spelling), [])
                    if not any(a is agency for a in bucket):
                        bucket.append(agency)
            self._folded_index = index
        return self._folded_index

    def resolve(self, reference: str):
        """The agency an item's reference names (its full name or a short form, any case), or None."""
        try:
            return self._resolved[reference]
        except KeyError:
            agency = self._resolved[reference] = self._exact.get(spelling_key(reference))
            return agency

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

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """Registered spellings closest to *text*, best first (compared folded)."""
        import difflib

        folded = fold(text)
        names = {fold(s): s for s, _ in self.spellings()}
        exact = [names[folded]] if folded in names else []
        close = difflib.get_close_matches(folded, list(names), n=limit, cutoff=0.6)
        result = exact + [names[c] for c in close if names[c] not in exact]
        return result[:limit]

    def find(self, query: str) -> AgencyMatch:
        """Look an agency up as a person types it: equal (folded) to a name, else part of exactly one."""
        folded = fold(query)
        if not folded:
            return AgencyMatch(suggestions=[])
        equal = self._folded.get(folded, [])
        if len(equal) == 1:
            return AgencyMatch(agency=equal[0])
        if len(equal) > 1:
            return AgencyMatch(candidates=equal)
        containing = [
            agency
            for agency in self.agencies
            if any(folded in fold(s) for s in (agency.name, *agency.short))
        ]
        if len(containing) == 1:
            return AgencyMatch(agency=containing[0])
        if containing:
            return AgencyMatch(candidates=containing)
        return AgencyMatch(suggestions=self.suggest(query))


def spelling_key(spelling: str) -> str:
    """What makes two spellings of an agency the same for items: NFC, case and spacing aside."""
    return " ".join(nfc(spelling).casefold().split())
