"""``cchc init``: a commented starter plan of the chosen kind."""

from __future__ import annotations

import os
import re
import shlex
from enum import Enum
from importlib import resources
from typing import Annotated, Optional

import typer

from cchc.cli.app import app
from cchc.cli.common import OutputOption, check_output_path, lang, msg, note, out_data, usage, write_output
from cchc.text import escape_controls, one_line


class Kind(str, Enum):
    quyet_dinh = "quyet-dinh"
    ke_hoach = "ke-hoach"


def kind_parser(value: str) -> Kind:
    """A --kind value: its code, or the words for it, marks or not ("quyết định", "Kế hoạch", "ke_hoach")."""
    from cchc.text import word_key

    for kind in Kind:
        if word_key(value) == word_key(kind.value):
            return kind
    raise typer.BadParameter(msg("usage.choice", value=value, choices=", ".join(f"'{kind.value}'" for kind in Kind)))


#: The year the starters are written for; the decision approving a plan is dated the year before.
STARTER_YEAR = 2026


def for_year(text: str, year: int) -> str:
    """A starter's text for the plan of *year*: its title, year, dates and deadlines moved from STARTER_YEAR."""
    shift = {str(STARTER_YEAR): str(year), str(STARTER_YEAR - 1): str(year - 1)}
    return re.sub(rf"\b(?:{STARTER_YEAR}|{STARTER_YEAR - 1})\b", lambda m: shift[m.group()], text)


def starter_text(kind: str, lang: str = "vi") -> str:
    """The starter plan of *kind* ("quyet-dinh" or "ke-hoach"), shipped in the package, its comments in *lang*.

    The file is written with Vietnamese comments; in English each comment that
    is a note (``starter.*`` in the catalogue) is given in English, and a
    commented-out field (``# number: …``) and every value stay as they are.
    """
    text = (resources.files("cchc") / "data" / "starters" / f"{kind}.yaml").read_text(encoding="utf-8")
    if lang == "vi":
        return text
    words = starter_comments(lang)
    return "".join(_comment_in(line, words) for line in text.splitlines(keepends=True))


def starter_comments(lang: str) -> dict[str, str]:
    """Each Vietnamese comment of the starters with its words in *lang*."""
    from cchc.messages import catalogue

    index = 1 if lang == "en" else 0
    return {entry[0]: entry[index] for key, entry in catalogue().items() if key.startswith("starter.")}


def _comment_in(line: str, words: dict[str, str]) -> str:
    # A note follows a "#" and runs to the end of the line; a line can hold a commented-out field, then a note.
    start = line.find("#")
    while start >= 0:
        note = line[start + 1 :].strip()
        if note in words:
            return f"{line[:start]}# {words[note]}{line[len(line.rstrip(chr(13) + chr(10))):]}"
        start = line.find("#", start + 1)
    return line


@app.command()
def init(
    kind: Annotated[Kind, typer.Option("--kind", "-k", parser=kind_parser, metavar="<quyet-dinh|ke-hoach>")] = Kind.ke_hoach,
    output: OutputOption = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    year: Annotated[Optional[str], typer.Option("--year", metavar="YYYY", show_default=False)] = None,
) -> None:
    """Write a commented starter plan that validates; never over an existing file without --force."""
    text = starter_text(kind.value, lang())
    if year is not None:
        # Read here, not by click: its reason for "abc" would be in English whatever the language.
        year = year.strip()  # " 2021" as click's int read it
        if not (len(year) == 4 and year.isascii() and year.isdigit() and 2000 <= int(year) <= 2100):
            raise usage(msg("init.bad-year", year=escape_controls(year) or '""'), "--year")
        text = for_year(text, int(year))
    if output is None:
        out_data(text)
        return
    from cchc.cli.params import YamlFormat, output_format

    output_format(None, output, YamlFormat, YamlFormat.yaml)  # refuses plan.docx, plan.json …
    check_output_path(output, [], force=force)
    write_output(output, text)
    from cchc.load import DEFAULT_PLAN

    read_anyway = [os.path.abspath(DEFAULT_PLAN), os.path.abspath(os.environ.get("CCHC_PLAN") or DEFAULT_PLAN)]
    if os.path.abspath(output) not in read_anyway:  # the other commands read plans/2021.yaml (or CCHC_PLAN) unless told
        note(msg("init.use-plan", path=str(output), quoted=one_line(shlex.quote(str(output)))))
