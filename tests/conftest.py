"""Shared fixtures: run the CLI in-process, find the plan and the source text."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from cchc.cli import run as run_cchc
from cchc.cli.common import safe_streams

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2021.yaml"
DATA = Path(__file__).resolve().parent / "data"
#: The source decision's text (a public legal document), committed with the tests.
SOURCE = DATA / "source" / "3669-QD-UBND-2020.txt"


def pytest_sessionstart(session):
    """The tests read plans/2021.yaml as it is published, with no progress recorded beside it."""
    for log in sorted(PLAN.parent.glob("2021.progress.y*ml")):
        pytest.exit(f"{log} holds progress recorded in this checkout; the tests need plans/ as published: move it aside", returncode=4)


class Result:
    """What a CLI run gave: exit code, stdout (text and bytes), stderr."""

    def __init__(self, exit_code: int, stdout: bytes, stderr: bytes):
        self.exit_code = exit_code
        self.stdout_bytes = stdout
        self.stdout = stdout.decode("utf-8", "replace")
        self.stderr = stderr.decode("utf-8", "replace")

    def __repr__(self) -> str:  # shown when an assertion fails
        return f"<exit {self.exit_code}>\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"


@pytest.fixture
def run(monkeypatch):
    """Run ``cchc ARGS`` in-process, as the console script would; exceptions propagate (a traceback is a bug).

    The language is Vietnamese, the default, unless the arguments or *env* say otherwise; standard
    output is UTF-8 unless *encoding* says otherwise.
    """
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("CCHC_PLAN", raising=False)
    monkeypatch.delenv("CCHC_LANG", raising=False)

    def invoke(*args: str, env: dict | None = None, encoding: str = "utf-8") -> Result:
        out, err = io.BytesIO(), io.BytesIO()
        stdout = io.TextIOWrapper(out, encoding=encoding, newline="", write_through=True)
        stderr = io.TextIOWrapper(err, encoding="utf-8", newline="", write_through=True)
        with monkeypatch.context() as patch:
            for key, value in (env or {}).items():
                if value is None:
                    patch.delenv(key, raising=False)
                else:
                    patch.setenv(key, value)
            patch.setattr(sys, "stdout", stdout)
            patch.setattr(sys, "stderr", stderr)
            safe_streams()  # as the console script does first
            try:
                run_cchc([str(a) for a in args], os.environ)
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
        return Result(code, out.getvalue(), err.getvalue())

    return invoke


@pytest.fixture
def source_text() -> str:
    """The source decision's text."""
    return SOURCE.read_text(encoding="utf-8")
