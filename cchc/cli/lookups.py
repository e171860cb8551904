"""Finding what a person typed in a plan: an agency by any of its names, a section by its numeral or number."""

from __future__ import annotations

from cchc.cli.common import EXIT_PROBLEMS, fail, msg, note


def registry(plan):
    from cchc.agencies import AgencyRegistry

    return AgencyRegistry(plan.agencies)


def find_agency(reg, name: str, say_whose: bool = False):
    """The agency a person typed, or exit 1 listing the candidates or the closest names. *say_whose*: an agency
    found as the one whose name holds what was typed ("UBND tỉnh" in "Văn phòng UBND tỉnh") is named on stderr."""
    match = reg.find(name)
    if match.agency is not None:
        if match.partial and say_whose:
            note(msg("cli.agency-part", name=name, agency=match.agency.name))
        return match.agency
    from cchc.collation import sort_key
    from cchc.text import escape_controls

    if match.candidates:
        names = "\n".join(f"  {escape_controls(a.name)}" for a in sorted(match.candidates, key=lambda a: sort_key(a.name)))
        raise fail(msg("cli.agency-ambiguous", name=name) + "\n" + names, EXIT_PROBLEMS)
    text = msg("cli.agency-none", name=name)
    if match.suggestions:
        text += "\n" + msg("cli.closest-names") + "\n" + "\n".join(f"  {escape_controls(s)}" for s in match.suggestions)
    raise fail(text + "\n" + msg("cli.list-agencies"), EXIT_PROBLEMS)


def find_section(plan, wanted: str) -> str:
    """The plan's label of the section a person typed, or exit 1 naming the sections there are."""
    from cchc.query import section_label

    label = section_label(plan, wanted)
    if label is None:
        known = ", ".join(s.numeral for s in plan.sections)
        raise fail(msg("cli.no-section", wanted=wanted, known=known, count=len(plan.sections)), EXIT_PROBLEMS)
    return label
