"""A large plan checked by two processes gives what one process gives: the same problems, placed alike.

The threshold is lowered so that small plans are split too. Each test checks
a plan both ways and compares every problem: file, line, column, severity,
code, message arguments, data path and message key, after the sort that
``load_checked`` does.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest
import yaml

from cchc import checks_in_two, forks
from cchc.checks import MAX_SUGGESTED, item_paths, run_checks
from cchc.load import load_plan

PLAN_2021 = Path(__file__).resolve().parents[1] / "plans" / "2021.yaml"


@pytest.fixture(autouse=True)
def small_plans_split(monkeypatch):
    monkeypatch.setattr(checks_in_two, "LEAST_ITEMS", 0)
    monkeypatch.setattr(forks, "cores", lambda: 2)


def described(problems) -> list[tuple]:
    return [(p.file, p.line, p.column, p.severity, p.code, p.args, p.path, p.key) for p in sorted(problems)]


def one_process(loaded, errors_only: bool) -> list[tuple]:
    found = run_checks(loaded.plan)
    return described(loaded.locate([p for p in found if p.severity == "error"] if errors_only else found))


def both_ways(loaded, errors_only: bool = False) -> tuple[list, list]:
    return described(checks_in_two.checked(loaded, errors_only)), one_process(loaded, errors_only)


def forked(monkeypatch) -> list:
    """The children started (none when the plan was checked by one process)."""
    started: list = []
    computing = forks.Child.computing

    def noting(compute):
        child = computing(compute)
        started.append(child)
        return child

    monkeypatch.setattr(forks.Child, "computing", noting)
    return started


@pytest.mark.parametrize("errors_only", [False, True])
def test_the_2021_plan_checked_in_two_is_checked_as_in_one(monkeypatch, errors_only):
    started = forked(monkeypatch)
    two, one = both_ways(load_plan(PLAN_2021), errors_only)
    assert started and started[0] is not None
    assert two == one
    assert len(one) == (0 if errors_only else 9)  # the 2021 plan's nine warnings


def large_plan(tmp_path: Path) -> Path:
    """The 2021 plan's items repeated (240 of them) with problems on both sides of the middle: ids repeated
    across and within the halves, more unknown agency names than get a "did you mean", some close to a
    registered one and some met first in the second half, blank deadlines, amounts and a total that disagree."""
    data = yaml.safe_load(PLAN_2021.read_text(encoding="utf-8"))
    model = data["sections"][0]["tasks"][0]["items"][0]
    items = []
    for n in range(240):
        item = copy.deepcopy(model)
        item["id"] = f"X-{n}"
        items.append(item)
    items[150]["id"] = "x-3"  # the first half's id, again in the second half (compared without case)
    items[200]["id"] = items[180]["id"] = "X-170"  # an id first met in the second half
    items[10]["id"] = "X-11"
    for n in range(0, 240, 2):  # 120 distinct unknown names: the first 100 get a suggestion, if any
        items[n]["lead"] = [f"Sở Nội vụ {n:03d}" if n % 4 else f"Cơ quan không có {n:03d}"]
    for n in range(1, 240, 10):  # names met again, some first met in the other half
        items[n]["partners"] = [items[239 - n]["lead"][0], "Sở Tư pháp", "Sở Tư pháp"]
    for n in (5, 125, 235):
        items[n]["deadline"] = ""
        items[n]["budget"] = "12 triệu"
    items[130]["deadline"] = "Tháng 13"
    items[131]["budget"] = -5
    data["plan"]["total_in_words"] = "Một triệu đồng"  # a plan-wide check after the items': the child runs it
    data["sections"][0]["tasks"][0]["items"] = items
    data["sections"] = data["sections"][:1]
    path = tmp_path / "large.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("errors_only", [False, True])
def test_problems_that_depend_on_the_items_before_are_found_as_by_one_process(tmp_path, monkeypatch, errors_only):
    started = forked(monkeypatch)
    loaded = load_plan(large_plan(tmp_path))
    two, one = both_ways(loaded, errors_only)
    assert started and started[0] is not None
    assert two == one
    codes = {row[4] for row in one}
    assert {"duplicate-id", "unknown-agency", "deadline", "negative-amount", "text-amount", "total-in-words"} <= codes
    assert errors_only or {"repeated-agency", "blank-deadline"} <= codes
    unknown = [row for row in one if row[4] == "unknown-agency"]
    suggested = {dict(row[5])["name"] for row in unknown if row[7] == "unknown-agency.suggest"}
    assert suggested and len(suggested) < MAX_SUGGESTED
    assert any(row[7] is None and dict(row[5])["name"].startswith("Sở Nội vụ") for row in unknown)  # past the first 100
    duplicates = {(dict(row[5])["id"], dict(row[5])["first"]) for row in one if row[4] == "duplicate-id"}
    assert {("x-3", "X-3"), ("X-170", "X-170"), ("X-11", "X-11")} <= duplicates
    source = Path(loaded.name).read_text(encoding="utf-8").splitlines()
    for row in one:  # the line of the first is placed too, on whichever side of the cut it is
        if row[4] == "duplicate-id":
            at = dict(row[5])["at"]
            assert isinstance(at, int) and at < row[1] and source[at - 1].strip() == "- id: " + dict(row[5])["first"]


def test_a_child_that_fails_leaves_the_work_to_this_process(tmp_path, monkeypatch):
    parent = os.getpid()
    later_items = checks_in_two._later_items

    def failing(*args):
        if os.getpid() != parent:
            os._exit(3)
        return later_items(*args)

    monkeypatch.setattr(checks_in_two, "_later_items", failing)
    two, one = both_ways(load_plan(large_plan(tmp_path)))
    assert two == one and one


def test_no_fork_on_one_core_or_a_small_plan(tmp_path, monkeypatch):
    started = forked(monkeypatch)
    loaded = load_plan(large_plan(tmp_path))
    monkeypatch.setattr(forks, "cores", lambda: 1)
    two, one = both_ways(loaded)
    monkeypatch.setattr(forks, "cores", lambda: 2)
    monkeypatch.setattr(checks_in_two, "LEAST_ITEMS", len(list(item_paths(loaded.plan))) + 1)
    small_two, _ = both_ways(loaded)
    assert started == [] and two == one == small_two
