"""plans/2021.yaml against the source text: every row, word for word."""

from __future__ import annotations

import re

import pytest

from cchc.agencies import AgencyRegistry
from cchc.load import load_plan
from conftest import PLAN
from source_table import amount, declared_total, read_rows


@pytest.fixture(scope="module")
def plan():
    loaded = load_plan(PLAN)
    assert loaded.problems == []
    return loaded.plan


@pytest.fixture
def rows(source_text):
    """Source rows with the page-split row (it starts in lower case) joined to the one before."""
    joined = []
    for row in read_rows(source_text):
        if row.product[:1].islower():
            previous = joined[-1]
            previous.product += " " + row.product
            previous.lead += " " + row.lead
            continue
        joined.append(row)
    return joined


def test_one_item_per_source_row_in_order(plan, rows):
    items = [item for _, _, item in plan.items()]
    assert len(items) == len(rows) == 41
    for (section, _, item), row in zip(plan.items(), rows):
        assert section.numeral == row.section, item.id
        assert item.product == row.product, item.id


def test_deadlines_and_budgets_are_as_written(plan, rows):
    for (_, _, item), row in zip(plan.items(), rows):
        assert item.deadline == row.deadline, item.id
        if amount(row.budget) is not None:
            assert item.amount == amount(row.budget), item.id
        else:
            assert item.budget_note == (row.budget or None), item.id


def _covers(cell: str, names: list[str]) -> bool:
    """The cell says exactly these agency names, separated by commas, semicolons or a full stop."""
    rest = cell
    for name in sorted(names, key=len, reverse=True):
        if name not in rest:
            return False
        rest = rest.replace(name, "", 1)
    return re.fullmatch(r"[\s,;.]*", rest) is not None


def test_agencies_are_the_cells_words(plan, rows):
    for (_, _, item), row in zip(plan.items(), rows):
        assert _covers(row.lead, item.lead), (item.id, row.lead, item.lead)
        assert _covers(row.partners, item.partners), (item.id, row.partners, item.partners)


def test_every_agency_reference_resolves_to_one_registry_entry(plan):
    registry = AgencyRegistry(plan.agencies)
    for _, _, item in plan.items():
        for name in item.lead + item.partners:
            assert registry.resolve(name) is not None, name


def test_task_titles_are_the_sources(plan, source_text):
    for section in plan.sections:
        for task in section.tasks:
            if task.title:
                label = f"{task.number}. {task.title}" if task.number else task.title
                assert label in source_text, label


def test_declared_total_and_words(plan, source_text):
    assert plan.plan.total_million_vnd == declared_total(source_text)
    match = re.search(r"Tổng kinh phí: ([\d.]+)đ \(Bằng chữ: ([^)]+)\)", source_text)
    assert int(match[1].replace(".", "")) == plan.plan.total_million_vnd * 1_000_000
    assert plan.plan.total_in_words == match[2]


def test_decision_metadata(plan, source_text):
    decision = plan.decision
    assert f"Số: {decision.number}" in source_text
    assert decision.date.isoformat() == "2020-12-31"
    assert f"{decision.place}, ngày 31 tháng 12 năm 2020" in source_text
    assert decision.signer.name in source_text
    for text in decision.legal_bases + decision.recipients:
        assert text in source_text, text
    for article in decision.articles:
        for paragraph in article.paragraphs:
            assert paragraph in source_text, paragraph


def test_notes_explain_every_blank_lead(plan):
    for _, _, item in plan.items():
        if not item.lead:
            assert item.note and "để trống" in item.note.lower(), item.id
