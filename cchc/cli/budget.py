"""``cchc budget``: the money against the declared total."""

from __future__ import annotations

from typing import Annotated

import typer

from cchc.cli.app import app
from cchc.cli.common import PlanOption, lang, load_for_query, out, out_data, terminal
from cchc.cli.params import BudgetFormat


@app.command()
def budget(plan: PlanOption = None, format: Annotated[BudgetFormat, typer.Option("--format", "-f")] = BudgetFormat.table) -> None:
    """Total the budget against the declared figure: by section, task and lead agency."""
    from cchc.budget import budget_report

    report = budget_report(load_for_query(plan))
    if format is BudgetFormat.json:
        from cchc.outputs.reporters import budget_record, to_json_pieces

        out_data(to_json_pieces(budget_record(report)))
    else:
        from cchc.outputs.tables import budget_text

        out(budget_text(report, terminal(), lang()))
