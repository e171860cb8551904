"""The documentation's examples and promises hold: docs/format.md, the README's commands, CI."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT

FORMAT = ROOT / "docs" / "format.md"
#: The reference in English, and in Vietnamese: each is checked alike.
FORMATS = [FORMAT, ROOT / "docs" / "format.vi.md"]
EXAMPLES = [example for path in FORMATS for example in re.findall(r"```yaml\n(# example: .*?)```", path.read_text(encoding="utf-8"), re.S)]


@pytest.mark.parametrize("path", FORMATS, ids=lambda p: p.name)
def test_the_format_reference_has_an_example_of_each_kind(path):
    names = [example.splitlines()[0] for example in re.findall(r"```yaml\n(# example: .*?)```", path.read_text(encoding="utf-8"), re.S)]
    assert len(names) == 3, names


def test_the_two_references_give_the_same_examples_and_deadline_table():
    def plain(path):  # the examples without their comments (a comment may be translated), and the deadline rows
        text = path.read_text(encoding="utf-8")
        examples = [re.sub(r"(?m)^((?:[^#\n\"']|\"[^\"\n]*\"|'[^'\n]*')*?)\s*#(?! example:).*$", r"\1", e)
                    for e in re.findall(r"```yaml\n(# example: .*?)```", text, re.S)]
        return examples, re.findall(r"^\| ([^|]+) \| `([a-z_]+)` \|", text, re.M)

    assert plain(FORMATS[0]) == plain(FORMATS[1])


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.splitlines()[0][11:])
def test_format_examples_validate(run, tmp_path, example):
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    result = run("validate", path, "--format", "json")
    assert result.exit_code == 0, result
    assert [d for d in json.loads(result.stdout)["diagnostics"] if d["severity"] == "error"] == []
    assert run("render", "--plan", path, "-f", "md").exit_code == 0


@pytest.mark.parametrize("path", FORMATS, ids=lambda p: p.name)
def test_the_format_reference_lists_every_field_of_the_schema(path):
    from cchc.model import Agency, Block, Decision, Item, PlanHeader, Section, Signer, Task

    text = path.read_text(encoding="utf-8")
    for model in (Decision, PlanHeader, Agency, Block, Section, Task, Item, Signer):
        for name in model.model_fields:
            assert f"`{name}`" in text, f"docs/format.md does not describe {model.__name__}.{name}"


@pytest.mark.parametrize("path", FORMATS, ids=lambda p: p.name)
def test_the_deadline_table_matches_the_grammar(path):
    from cchc.deadlines import parse_deadline

    rows = re.findall(r"^\| ([^|]+) \| `([a-z_]+)` \|", path.read_text(encoding="utf-8"), re.M)
    assert len(rows) > 20
    for wordings, kind in rows:
        for wording in wordings.strip().split("; "):
            wording = wording.replace("…", "văn bản hướng dẫn").replace("(là) ", "")
            if wording.startswith("(blank)"):
                wording = ""
            assert parse_deadline(wording, 2026).kind == kind, wording


@pytest.mark.parametrize("readme, heading", [("README.md", "### A plan of your own, step by step"), ("README.vi.md", "### Kế hoạch của mình, từng bước")])
def test_the_readmes_steps_for_a_plan_of_ones_own_work_in_turn(run, tmp_path, monkeypatch, readme, heading):
    import shlex

    text = (ROOT / readme).read_text(encoding="utf-8")
    block = text[text.index(heading):].split("```sh\n", 1)[1].split("```", 1)[0]
    steps = [shlex.split(line.split("#", 1)[0]) for line in block.splitlines() if line.strip()]
    assert [step[1] for step in steps] == ["init", "validate", "due", "render", "progress", "report", "calendar"]
    monkeypatch.chdir(tmp_path)
    for step in steps:
        result = run(*step[1:])
        assert result.exit_code == 0, (step, result.stdout, result.stderr)
    assert {p.name for p in tmp_path.iterdir()} == {
        "ke-hoach-2026.yaml", "ke-hoach-2026.pdf", "ke-hoach-2026.progress.yaml", "ke-hoach-2026.ics"
    }
    assert 'status: "done"' in (tmp_path / "ke-hoach-2026.progress.yaml").read_text(encoding="utf-8")
    # The start from a Word document, in place of `cchc init`, as the text after the steps writes it; it refuses to
    # replace the plan the starter made, and makes one where there is none.
    (importing,) = [shlex.split(code) for code in re.findall(r"`(cchc import [^`]*)`", text[text.index(heading):].split("```", 2)[2].split("###")[0])]
    assert run(*steps[3][1:4], "--format", "docx", "-o", importing[2]).exit_code == 0  # the plan as a Word document
    assert run(*importing[1:]).exit_code == 2
    (tmp_path / "ke-hoach-2026.yaml").unlink()
    assert run(*importing[1:]).exit_code == 0 and run(*steps[1][1:]).exit_code == 0
