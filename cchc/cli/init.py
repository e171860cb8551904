"""``cchc init``: a commented starter plan of the chosen kind."""

from __future__ import annotations

from enum import Enum
from importlib import resources
from typing import Annotated

import typer

from cchc.cli.app import app
from cchc.cli.common import OutputOption, check_output_path, out_data, write_output


class Kind(str, Enum):
    quyet_dinh = "quyet-dinh"
    ke_hoach = "ke-hoach"


def starter_text(kind: str) -> str:
    """The starter plan of *kind* ("quyet-dinh" or "ke-hoach"), shipped in the package."""
    return (resources.files("cchc") / "data" / "starters" / f"{kind}.yaml").read_text(encoding="utf-8")


@app.command()
def init(
    kind: Annotated[Kind, typer.Option("--kind", "-k")] = Kind.ke_hoach,
    output: OutputOption = None,
    force: Annotated[bool, typer.Option("--force")] = False,
) -> None:
    """Write a commented starter plan that validates; never over an existing file without --force."""
    text = starter_text(kind.value)
    if output is None:
        out_data(text)
        return
    check_output_path(output, [], force=force)
    write_output(output, text)
