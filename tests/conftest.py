"""Shared fixtures: run the CLI in-process, find the plan and the source text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cchc.cli import app

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2021.yaml"
DATA = Path(__file__).resolve().parent / "data"
SOURCE = ROOT.parent / "shared" / "source" / "000_b700c6f3f083ac27.txt"


class Result:
    """What a CLI run gave: exit code, stdout, stderr."""

    def __init__(self, raw):
        self.exit_code = raw.exit_code
        self.stdout = raw.stdout
        self.stderr = raw.stderr

    def __repr__(self) -> str:  # shown when an assertion fails
        return f"<exit {self.exit_code}>\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"


@pytest.fixture
def run(monkeypatch):
    """Run ``cchc ARGS`` in-process; exceptions propagate (a traceback is a bug)."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("CCHC_PLAN", raising=False)
    runner = CliRunner()

    def invoke(*args: str, env: dict | None = None) -> Result:
        raw = runner.invoke(app, [str(a) for a in args], catch_exceptions=False, env=env)
        return Result(raw)

    return invoke


@pytest.fixture
def source_text() -> str:
    """The source decision's text; tests that need it skip without it, except in CI."""
    if not SOURCE.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the source text is missing in CI: {SOURCE}")
        pytest.skip(f"source text not found at {SOURCE}")
    return SOURCE.read_text(encoding="utf-8")
