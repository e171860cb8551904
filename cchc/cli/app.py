"""The typer application every command module adds its commands to, and the options of ``cchc`` itself."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from cchc import __version__
from cchc.cli.common import out

app = typer.Typer(
    name="cchc",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        out(f"cchc {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
    lang: Annotated[Optional[str], typer.Option("--lang", metavar="vi|en", show_default=False)] = None,
) -> None:
    """Keep a Vietnamese administrative-reform (CCHC) work plan as YAML."""
