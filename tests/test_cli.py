"""The command line as a whole: help, version, docs, schema, render's file handling."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cchc import __version__
from cchc.cli import app
from conftest import PLAN, ROOT

COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0 and result.stdout == f"cchc {__version__}\n"


def test_python_dash_m(tmp_path):
    result = subprocess.run([sys.executable, "-m", "cchc", "--version"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == f"cchc {__version__}"


def test_commands():
    assert set(COMMANDS) >= {"agencies", "budget", "due", "init", "list", "render", "schema", "sections", "show", "validate"}


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(run, command):
    for lang, usage in (("vi", "Cách dùng"), ("en", "Usage")):
        result = run(command, "--help", "--lang", lang)
        assert result.exit_code == 0
        assert f"{usage}: cchc {command}" in result.stdout, result
        description = result.stdout.split("\n\n")[1].strip()
        assert len(description) > 20, result.stdout
    for name in ("README.md", "README.vi.md"):
        readme = (ROOT / name).read_text(encoding="utf-8")
        assert re.search(rf"cchc {command}\b", readme), f"{name} does not show `cchc {command}`"


def test_no_command_shows_help(run):
    result = run()
    assert result.exit_code == 0
    assert "Cách dùng" in result.stdout
    for command in COMMANDS:
        assert command in result.stdout


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", readme, re.S)
    assert "cchc validate" in blocks[0] and "pip install" in blocks[0]
    assert "pytest" in blocks[1] and "pip install" in blocks[1]


def test_ci_runs_the_readmes_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    test_block = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", readme, re.S)[1]
    command = next(line for line in test_block.splitlines() if "pytest" in line).strip()
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


# ---------------------------------------------------------------- schema


def test_schema_is_json_schema_and_matches_the_committed_copy(run):
    result = run("schema")
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False
    committed = (ROOT / "plans" / "plan.schema.json").read_text(encoding="utf-8")
    assert result.stdout == committed, "regenerate with: cchc schema > plans/plan.schema.json"


def test_plan_starts_with_the_modeline():
    first = PLAN.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=plan.schema.json"
    assert (PLAN.parent / "plan.schema.json").is_file()


def test_check_jsonschema_accepts_the_plan_and_rejects_a_bad_one(tmp_path):
    exe = Path(sys.executable).parent / "check-jsonschema"
    if not exe.exists():
        pytest.skip("check-jsonschema is not installed")
    schema = ROOT / "plans" / "plan.schema.json"
    good = subprocess.run([str(exe), "--schemafile", str(schema), str(PLAN)], capture_output=True, text=True)
    assert good.returncode == 0, good.stdout + good.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text(PLAN.read_text(encoding="utf-8").replace("  year: 2021\n", "  year: 2021\n  owner: x\n"), encoding="utf-8")
    rejected = subprocess.run([str(exe), "--schemafile", str(schema), str(bad)], capture_output=True, text=True)
    assert rejected.returncode == 1


@pytest.mark.parametrize(
    "old, new",
    [
        ("            budget: 10\n", "            budget: -5\n"),  # negative-amount
        ("            budget: 10\n", "            budget: 10000000000000000000000\n"),  # amount-range
        ("  total_million_vnd: 200\n", ""),  # total-in-words.alone
        ("  total_million_vnd: 200\n", "  total_million_vnd: -200\n"),
        # An item's amount written as text (text-amount): an audit found the schema took them.
        ("            budget: 10\n", '            budget: "10"\n'),
        ("            budget: 10\n", "            budget: 10 triệu\n"),
        ("            budget: 10\n", '            budget: "-1.500"\n'),
        # Behind a sign, a bracket or a character that shows nothing, a figure is still an amount written as text.
        ("            budget: 10\n", "            budget: \u221210\n"),
        ("            budget: 10\n", '            budget: "\\u200b10"\n'),
        ("            budget: 10\n", "            budget: (10)\n"),
        ("            budget: 10\n", "            budget: -5 triệu\n"),
    ],
)
def test_the_schema_refuses_what_validate_refuses(run, tmp_path, old, new):
    """An editor checking with plan.schema.json was told nothing of these: the schema and validate now agree."""
    exe = Path(sys.executable).parent / "check-jsonschema"
    if not exe.exists():
        pytest.skip("check-jsonschema is not installed")
    text = PLAN.read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert run("validate", bad).exit_code == 1
    rejected = subprocess.run([str(exe), "--schemafile", str(ROOT / "plans" / "plan.schema.json"), str(bad)], capture_output=True, text=True)
    assert rejected.returncode == 1, rejected.stdout


def test_the_schema_takes_a_budget_note_validate_takes(run, tmp_path):
    exe = Path(sys.executable).parent / "check-jsonschema"
    if not exe.exists():
        pytest.skip("check-jsonschema is not installed")
    text = PLAN.read_text(encoding="utf-8")
    for note in ("Theo dự án", "Lồng ghép", "Nguồn vốn 2021"):  # a note may hold a figure after its first word
        good = tmp_path / "note.yaml"
        good.write_text(text.replace("            budget: 10\n", f"            budget: {note}\n", 1), encoding="utf-8")
        assert run("validate", good).exit_code == 0, note
        checked = subprocess.run([str(exe), "--schemafile", str(ROOT / "plans" / "plan.schema.json"), str(good)], capture_output=True, text=True)
        assert checked.returncode == 0, (note, checked.stdout)


def test_pre_commit_hook_checks_plans_wherever_they_live(run, tmp_path):
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "cchc-validate" and hook["entry"] == "cchc validate --plans-only"
    assert "files" not in hook and hook["types"] == ["yaml"]
    # pre-commit runs a hook once, with every file, only when told: split between processes, a plan and its progress
    # log (which stands for the plan) had the plan's errors told twice, once in each.
    assert hook.get("require_serial") is True
    # What pre-commit passes: every YAML file; only the plans are checked.
    workflow = tmp_path / "ci.yml"
    workflow.write_text("on: push\njobs: {}\n")
    log = tmp_path / "2021.progress.yaml"
    log.write_text("- item: I-1\n")
    elsewhere = tmp_path / "ke-hoach" / "so-tu-phap.yaml"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(PLAN.read_bytes())
    report = tmp_path / "bao-cao.json"
    report.write_text(run("report", "--period", "2021", "-f", "json").stdout, encoding="utf-8")
    result = run("validate", "--plans-only", workflow, log, elsewhere, report, "-f", "json")
    assert result.exit_code == 0, result
    assert json.loads(result.stdout)["files"] == [str(elsewhere)]
    # Padding, quoted keys or a broken file cannot hide a plan from the hook.
    padded = tmp_path / "padded.yaml"
    padded.write_text("# x\n" * 30000 + PLAN.read_text(encoding="utf-8").replace("id: I-2", "id: I-1"), encoding="utf-8")
    quoted = tmp_path / "quoted.yaml"
    quoted.write_text(PLAN.read_text(encoding="utf-8").replace("\nplan:", '\n"plan":').replace("id: I-2", "id: I-1"), encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("plan: [unclosed\n")
    result = run("validate", "--plans-only", padded, quoted, broken, "-f", "json")
    assert result.exit_code == 1 and json.loads(result.stdout)["files"] == [str(padded), str(quoted), str(broken)]
    # A commit that changes only a progress log checks its plan with the log.
    beside = tmp_path / "p.yaml"
    beside.write_bytes(PLAN.read_bytes())
    bad_log = tmp_path / "p.progress.yaml"
    bad_log.write_text('- id: "I-1"\n  status: "bogus"\n  date: "2021-05-01"\n')
    result = run("validate", "--plans-only", bad_log, "-f", "json")
    assert result.exit_code == 1 and [d["code"] for d in json.loads(result.stdout)["diagnostics"] if d["severity"] == "error"] == ["progress-status"]
    # Given the plan and its log in one run, as the hook is, the plan and the log are checked once each.
    result = run("validate", "--plans-only", bad_log, beside, "-f", "json")
    assert json.loads(result.stdout)["files"] == [str(beside), str(bad_log)]
    assert [d["code"] for d in json.loads(result.stdout)["diagnostics"] if d["severity"] == "error"] == ["progress-status"]



def test_the_hook_checks_a_broken_plan_in_jsons_style_and_a_plan_with_the_modeline_whatever_its_keys(run, tmp_path):
    """Two files the hook passed as "not plans" (0 files checked, exit 0) that `cchc validate` refuses: a plan in
    JSON's style (its keys indented and quoted) with one comma missing, and a starter with the plan schema's
    modeline whose top-level keys were mistyped ("Plan:")."""
    import yaml

    data = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    as_json = tmp_path / "json-style.yaml"
    as_json.write_text(text.replace('"year": 2021,', '"year": 2021', 1), encoding="utf-8")
    one_line = tmp_path / "one-line.yaml"
    one_line.write_text(json.dumps(data, ensure_ascii=False, default=str).replace('"year": 2021,', '"year": 2021', 1), encoding="utf-8")
    mistyped = tmp_path / "mistyped.yaml"
    mistyped.write_text("# yaml-language-server: $schema=plan.schema.json\n" + re.sub(r"(?m)^(plan|decision|sections|agencies):",
                        lambda m: m.group(1).capitalize() + ":", PLAN.read_text(encoding="utf-8")), encoding="utf-8")
    # Its "$schema" first, or a comment before its "{": the plan's keys are still at its top level.
    schema_first = tmp_path / "schema-first.yaml"
    schema_first.write_text('{\n  "$schema": "plan.schema.json",\n  "plan": {"title": "KH", "year": 2026,},\n  "sections": [}\n}\n', encoding="utf-8")
    commented = tmp_path / "commented.yaml"
    commented.write_text('# ke hoach\n{\n  "$schema": "x",\n  "plan": {"title": "KH", "year": 2026,},\n}\n', encoding="utf-8")
    for path in (as_json, one_line, mistyped, schema_first, commented):
        alone = run("validate", path, "-f", "json")
        hooked = run("validate", "--plans-only", path, "-f", "json")
        assert alone.exit_code == 1 and (hooked.exit_code, hooked.stdout) == (alone.exit_code, alone.stdout), (path, hooked)
    # Files that are no plans, though "plan" is a key inside them, or their schema's name ends in "plan.schema.json".
    others = {
        "ci.yml": "on: push\njobs:\n  check:\n    steps: [{run: cchc validate}]\n",
        "playbook.yml": "- hosts: all\n  vars:\n    plan: basic\n  tasks: []\n",
        "compose.yaml": "x-common: &c\n  image: x\nservices:\n  plan:\n    <<: *c\n",
        "k8s.yaml": "kind: ConfigMap\ndata:\n  plan: pro\n---\nkind: Service\n",
        "helm.yaml": "data:\n  plan: {{ .Values.plan }}\n",
        "ansible.yml": "- name: x\n  when: yes\n  vars: {plan: a}\n",
        "test.yaml": "# yaml-language-server: $schema=./schemas/test-plan.schema.json\nname: smoke\nsteps: []\n",
        "list.yaml": "- plan: 1\n- sections: 2\n",
        "nested.json.yaml": '{"a": {"plan": 1,}, "b": 2}\n',
        "settings.yaml": '{\n  "editor": {"plan": "x"},\n  "tabs": [1, 2,\n}\n',
    }
    for name, text in others.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = run("validate", "--plans-only", *(tmp_path / name for name in others), "-f", "json", "--lang", "en")
    assert result.exit_code == 0 and json.loads(result.stdout)["files"] == [], result.stdout
    # A hook that took in no plan says so: "0 files checked (valid)" alone reads as a pass.
    assert f"none of the {len(others)} file(s) given is a plan" in result.stderr and "nothing was checked" in result.stderr


def test_the_hook_checks_a_broken_plan_with_lone_cr_line_ends_and_a_plan_holding_a_reports_keys(run, tmp_path):
    # Line ends of a lone CR (old Mac editors) and a first line that is a comment: the plan's keys start lines all
    # the same. A plan with a saved report's keys added is refused by every query: the hook must not pass it as a report.
    text = PLAN.read_text(encoding="utf-8")
    cr = tmp_path / "cr.yaml"
    cr.write_bytes(("# ke hoach\n" + text.replace("id: I-2", 'id: "I-2')).replace("\n", "\r").encode("utf-8"))
    with_report = tmp_path / "r.yaml"
    with_report.write_text(text + "as_of: 2021-12-31\nwindow: x\ncompletion: 1\nby_section: []\n", encoding="utf-8")
    bom = tmp_path / "bom.yaml"  # Notepad's "UTF-8 with BOM": the mark before the first key
    bom.write_bytes(b"\xef\xbb\xbf" + text.replace("id: I-2", 'id: "I-2').encode("utf-8"))
    result = run("validate", "--plans-only", cr, with_report, bom, "-f", "json")
    assert result.exit_code == 1, result
    found = json.loads(result.stdout)
    assert found["files"] == [str(cr), str(with_report), str(bom)]
    assert {(d["file"], d["code"]) for d in found["diagnostics"] if d["severity"] == "error"} >= {(str(cr), "yaml-syntax"), (str(with_report), "schema")}



@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"])
def test_the_hook_checks_a_plan_saved_as_utf_16_or_32_and_says_what_it_is(run, tmp_path, encoding):
    # Notepad's "Unicode" is UTF-16: the plan's keys have NULs between their letters, and must not slip past the hook.
    wide = tmp_path / "ke-hoach.yaml"
    wide.write_bytes(PLAN.read_text(encoding="utf-8").encode(encoding))
    result = run("validate", "--plans-only", wide, "-f", "json")
    assert result.exit_code == 1, result
    (problem,) = json.loads(result.stdout)["diagnostics"]
    assert (problem["code"], problem["line"], problem["column"]) == ("encoding.wide", 1, 1)
    assert encoding[:6].upper() in problem["message"]


@pytest.mark.parametrize(
    "name, start, code",
    [("ke-hoach.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "encoding.pdf"),
     ("ke-hoach.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "encoding.doc"),
     ("ke-hoach.rtf", b"{\\rtf1\\ansi\\ansicpg1258 K\\'ea ho\\'5ech}", "encoding.rtf")],
)
def test_a_word_file_or_a_pdf_given_as_a_plan_is_named_for_what_it_is(run, tmp_path, name, start, code):
    # A .docx was told to be saved as UTF-8 (byte 0xAD), as a file in an old Vietnamese encoding is.
    document = tmp_path / "ke-hoach.docx"
    assert run("render", "--format", "docx", "-o", document, "--plan", PLAN).exit_code == 0
    other = tmp_path / name
    other.write_bytes(start)
    result = run("validate", document, other, "-f", "json")
    assert result.exit_code == 1, result
    found = sorted((d["file"], d["code"], d["line"], d["column"]) for d in json.loads(result.stdout)["diagnostics"])
    assert found == sorted([(str(document), "encoding.docx", 1, 1), (str(other), code, 1, 1)])
    result = run("due", "--month", "2021-06", "--plan", document)
    assert result.exit_code == 1 and "cchc import" in result.stderr and "UTF-8" not in result.stderr


@pytest.mark.parametrize("start", [None, b"<html>", b"\n  <HTML lang='vi'>", b"\xef\xbb\xbf<!doctype HTML>\n<title>x</title>",
                                   b"<!-- saved from url=(0014)about:internet -->\n<html>",
                                   b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml">'])
def test_an_html_page_given_as_a_plan_is_named_for_what_it_is(run, tmp_path, start):
    """The plan's own HTML page (`render -o kh.html`), given to validate, was a YAML syntax error at line 7, column 29:
    a clerk looked for a colon to quote in a file that is no plan at all."""
    page = tmp_path / "kh.html"
    if start is None:
        assert run("render", "-o", page, "--plan", PLAN).exit_code == 0
    else:
        page.write_bytes(start)
    for lang, words in (("vi", "trang HTML"), ("en", "HTML page")):
        result = run("--lang", lang, "validate", page, "-f", "json")
        (problem,) = json.loads(result.stdout)["diagnostics"]
        assert result.exit_code == 1 and (problem["code"], problem["line"], problem["column"]) == ("encoding.html", 1, 1), problem
        assert words in problem["message"]


@pytest.mark.parametrize("text", ["html: 1\n", "<html: 1\n", "'<html>': 1\n"])
def test_a_plan_whose_first_key_reads_like_html_is_read_as_yaml(run, tmp_path, text):
    plan = tmp_path / "p.yaml"
    plan.write_text(text, encoding="utf-8")
    codes = {d["code"] for d in json.loads(run("validate", plan, "-f", "json").stdout)["diagnostics"]}
    assert "encoding.html" not in codes and "schema" in codes, codes


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html", ".md"])
def test_the_log_beside_a_plan_is_not_that_of_the_plans_documents(run, tmp_path, suffix):
    """kh.progress.yaml is the log of kh.yaml. `cchc validate kh.docx` took it for the Word file's log and reported it
    as "not checked: its plan kh.docx has 1 error; run cchc validate kh.docx", the command just run."""
    plan, log = tmp_path / "kh.yaml", tmp_path / "kh.progress.yaml"
    plan.write_bytes(PLAN.read_bytes())
    log.write_text('- id: "I-1"\n  status: "done"\n  date: "2021-05-01"\n', encoding="utf-8")
    document = tmp_path / f"kh{suffix}"
    assert run("render", "-o", document, "--plan", plan).exit_code == 0
    result = run("validate", document, "-f", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 1 and report["files"] == [str(document)], report
    assert {d["file"] for d in report["diagnostics"]} == {str(document)}
    # Given with it, the log is checked against its own plan, kh.yaml, and passes.
    report = json.loads(run("validate", document, log, "-f", "json").stdout)
    assert report["files"] == [str(document), str(log)] and {d["file"] for d in report["diagnostics"]} == {str(document)}, report
    # And the plan itself still has its log checked.
    report = json.loads(run("validate", plan, "-f", "json").stdout)
    assert report["files"] == [str(plan), str(log)], report


def test_the_hook_checks_a_second_log_beside_a_plan_as_a_log(run, tmp_path):
    # p.progress.yml beside p.progress.yaml: the plan is checked with the .yaml one; the .yml one is checked too.
    (tmp_path / "p.yaml").write_bytes(PLAN.read_bytes())
    (tmp_path / "p.progress.yaml").write_text('- id: "I-1"\n  status: "done"\n  date: "2021-05-01"\n')
    other = tmp_path / "p.progress.yml"
    other.write_text('- id: "I-1"\n  status: "bogus"\n  date: "2021-05-01"\n')
    result = run("validate", "--plans-only", other, "-f", "json", "--today", "2021-12-31")
    assert result.exit_code == 1, result
    report = json.loads(result.stdout)
    assert str(other) in report["files"]
    assert [(d["file"], d["code"]) for d in report["diagnostics"] if d["severity"] == "error"] == [(str(other), "progress-status")]


def test_a_plan_given_by_two_hard_links_is_checked_once(run, tmp_path):
    plan = tmp_path / "a.yaml"
    plan.write_text(PLAN.read_text(encoding="utf-8").replace("id: I-2", "id: I-1"), encoding="utf-8")
    os.link(plan, tmp_path / "b.yaml")
    result = run("validate", plan, tmp_path / "b.yaml", "-f", "json")
    report = json.loads(result.stdout)
    assert report["files"] == [str(plan)]
    assert [d["code"] for d in report["diagnostics"] if d["severity"] == "error"] == ["duplicate-id"]


@pytest.mark.parametrize("kind", ["dangling link", "directory"])
def test_a_default_plan_that_cannot_be_read_is_reported_not_replaced_by_the_bundled_one(run, tmp_path, monkeypatch, kind):
    (tmp_path / "plans").mkdir()
    default = tmp_path / "plans" / "2021.yaml"
    default.symlink_to(tmp_path / "nothing") if kind == "dangling link" else default.mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CCHC_PLAN", raising=False)
    for args in (("validate",), ("sections",)):
        result = run(*args)
        assert result.exit_code == 2, result
        assert "plans/2021.yaml" in result.stdout + result.stderr


def test_the_repository_plan_reached_from_elsewhere_is_the_bundled_one(tmp_path, monkeypatch):
    # In a source checkout (an editable install) the bundled plan is the repository's plans/2021.yaml: from another
    # directory it takes no log; from the checkout itself it is the working plan.
    from cchc import load

    checkout = tmp_path / "checkout"
    (checkout / "plans").mkdir(parents=True)
    plan = checkout / "plans" / "2021.yaml"
    plan.write_bytes(PLAN.read_bytes())
    monkeypatch.setattr(load, "bundled_plan_path", lambda: plan)
    monkeypatch.chdir(tmp_path)
    assert load.is_bundled(plan)
    monkeypatch.chdir(checkout)
    assert not load.is_bundled(plan) and not load.is_bundled(Path("plans/2021.yaml"))
    assert not load.is_bundled(PLAN)


# ---------------------------------------------------------------- render's files


def test_render_refuses_to_overwrite_the_plan(run, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(PLAN.read_bytes())
    result = run("render", "--format", "md", "--plan", plan, "-o", plan)
    assert result.exit_code == 2
    # Refused as the file being read, or (first) as a .yaml file: a plan or a log, never written over by a document.
    assert "không ghi đè lên tệp đang được đọc" in result.stderr or "là tệp kế hoạch hoặc sổ theo dõi tiến độ" in result.stderr
    assert plan.read_bytes() == PLAN.read_bytes()


def test_render_refuses_to_overwrite_the_progress_log_beside_the_plan(run, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(PLAN.read_bytes())
    log = tmp_path / "plan.progress.yaml"
    log.write_text("version: 1\nentries: []\n", "utf-8")
    result = run("render", "--format", "html", "--plan", plan, "-o", log)
    assert result.exit_code == 2
    assert "không ghi đè lên tệp đang được đọc" in result.stderr or "là tệp kế hoạch hoặc sổ theo dõi tiến độ" in result.stderr
    assert log.read_text("utf-8") == "version: 1\nentries: []\n"


@pytest.mark.parametrize("command, name", [(("render", "--format", "md"), "final.md"), (("report", "--as-of", "2021-06-14", "-f", "md"), "final.md"),
                                           (("calendar",), "final.ics"), (("init", "--force"), "final.yaml")])
def test_a_file_made_read_only_is_not_replaced(run, tmp_path, command, name):
    # The atomic rename needs only the folder's permission: a signed final copy (chmod a-w) was replaced, exit 0.
    # The mode bits decide (tests run as root, who may write any file).
    out = tmp_path / name
    out.write_text("SIGNED FINAL", encoding="utf-8")
    out.chmod(0o444)
    plan = [] if command[0] == "init" else ["--plan", PLAN]
    result = run(*command, *plan, "-o", out)
    assert result.exit_code == 2 and "tệp chỉ đọc" in result.stderr and "chmod u+w" in result.stderr, result
    assert out.read_text(encoding="utf-8") == "SIGNED FINAL" and sorted(p.name for p in tmp_path.iterdir()) == [name]
    english = run("--lang", "en", *command, *plan, "-o", out)
    assert english.exit_code == 2 and "is read-only, so it is not overwritten" in english.stderr
    out.chmod(0o644)  # made writable again: replaced
    assert run(*command, *plan, "-o", out).exit_code == 0 and out.read_text(encoding="utf-8") != "SIGNED FINAL"


def test_render_writes_atomically_and_leaves_no_temporary(run, tmp_path):
    out = tmp_path / "ke-hoach.md"
    out.write_text("old")
    result = run("render", "--format", "md", "--plan", PLAN, "-o", out)
    assert result.exit_code == 0, result
    assert out.read_text(encoding="utf-8").startswith("#")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ke-hoach.md"]


def test_render_to_a_missing_directory_is_exit_2(run, tmp_path):
    result = run("render", "--format", "md", "--plan", PLAN, "-o", tmp_path / "no" / "x.md")
    assert result.exit_code == 2 and "không có thư mục" in result.stderr


def test_render_unknown_agency_is_exit_1(run):
    assert run("render", "--format", "md", "--plan", PLAN, "--agency", "zzz").exit_code == 1


def test_render_bad_template_is_a_clear_error(run, tmp_path):
    (tmp_path / "plan.md.j2").write_text("{{ no_such_variable }}\n")
    result = run("render", "--format", "md", "--plan", PLAN, "--template-dir", tmp_path)
    assert result.exit_code == 1
    assert "lỗi mẫu in" in result.stderr and "no_such_variable" in result.stderr
    assert "plan.md.j2:1" in result.stderr


@pytest.mark.parametrize(
    "lang, missing, is_file",
    [
        ("vi", "không có thư mục mẫu này", "là một tệp, không phải thư mục mẫu"),
        ("en", "no such template directory", "is a file, not a template directory"),
    ],
)
def test_render_template_dir_that_is_no_folder_is_said_in_the_readers_language(run, tmp_path, lang, missing, is_file):
    a_file = tmp_path / "plan.md.j2"
    a_file.write_text("{{ view.title }}\n")
    for where, words in ((tmp_path / "none", missing), (a_file, is_file)):
        result = run("render", "--format", "md", "--plan", PLAN, "--template-dir", where, "--lang", lang)
        assert result.exit_code == 2 and result.stdout == ""
        assert f"{where}: {words}" in result.stderr
        assert "Invalid value" not in result.stderr and "Traceback" not in result.stderr


def test_render_refuses_a_device_or_pipe(run, tmp_path):
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run("render", "--format", "md", "--plan", PLAN, "-o", fifo)
    assert result.exit_code == 2 and "không phải tệp thông thường" in result.stderr
    assert fifo.is_fifo()


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev")
def test_a_new_name_under_dev_is_no_file_to_write_and_is_told_so(run, tmp_path):
    # It was called "not a regular file", which a path that does not exist is not.
    link = tmp_path / "link.md"
    link.symlink_to("/dev/cchc-no-such-device")
    for output in ("/dev/cchc-no-such-device.md", link):
        result = run("render", "--format", "md", "--plan", PLAN, "-o", output, "--lang", "en")
        assert result.exit_code == 2 and result.stdout == "", result.stderr
        assert result.stderr == f"cchc: {output}: there is no such file, and /dev holds devices and processes, not files; write to a file in another folder\n"
    assert not Path("/dev/cchc-no-such-device.md").exists() and not Path("/dev/cchc-no-such-device").exists()
    assert "không phải tệp thông thường" in run("render", "--format", "md", "--plan", PLAN, "-o", "/dev/null").stderr


def test_render_through_a_symlink_writes_its_target(run, tmp_path):
    target = tmp_path / "real.md"
    target.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert run("render", "--format", "md", "--plan", PLAN, "-o", link).exit_code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("#")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_on_stdout_is_a_message_not_a_traceback(tmp_path):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "cchc", "list", "--format", "json", "--plan", str(PLAN)],
            stdout=full, stderr=subprocess.PIPE, text=True,
        )
    assert result.returncode == 2
    assert "không ghi được kết quả" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["--help"], ["list", "--help"], ["progress", "-h"], []])
def test_a_help_page_to_a_full_disk_or_a_closed_stdout_is_a_message_and_exit_2(args):
    # The help page went through the framework's echo: to a full disk a message naming no file (": cannot use the
    # file"), to a closed stdout nothing and exit 0, and `cchc` alone to a closed stdout a traceback.
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "cchc", *args], stdout=full, stderr=subprocess.PIPE, text=True)
    assert result.returncode == 2 and result.stderr.startswith("cchc: không ghi được kết quả"), result
    closed = subprocess.run(
        ["sh", "-c", 'exec "$@" >&-', "sh", sys.executable, "-m", "cchc", *args], stderr=subprocess.PIPE, text=True,
    )
    assert closed.returncode == 2 and closed.stderr.startswith("cchc: đầu ra chuẩn (stdout) đã bị đóng"), closed
    assert "Traceback" not in result.stderr + closed.stderr


def test_a_closed_pipe_is_quiet(tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-m", "cchc", "render", "--format", "md", "--plan", str(PLAN)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    process.stdout.read(10)
    process.stdout.close()
    stderr = process.stderr.read().decode()
    process.wait()
    assert "Traceback" not in stderr


def test_render_extract_of_an_agency_is_what_list_selects(run, tmp_path):
    import json

    listed = [r["id"] for r in json.loads(run("list", "-a", "Sở TTTT", "-f", "json").stdout)]
    direct = [r["id"] for r in json.loads(run("list", "-a", "Sở TTTT", "--direct", "-f", "json").stdout)]
    assert len(direct) < len(listed)
    for flags, expected in (([], listed), (["--direct"], direct)):
        md = run("render", "-f", "md", "-a", "Sở TTTT", *flags).stdout
        assert re.findall(r"\| ([IVX]+-[0-9]+) \|", md) == expected
    assert run("render", "--direct").exit_code == 2


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (("render", "-f", "md"), b"# K"),
        (("render", "-f", "pdf"), b"%PDF-"),
        (("calendar",), b"BEGIN:VCALENDAR\r\n"),
        (("report", "--period", "2021", "-f", "md"), "# Kết quả".encode()),
        (("init",), b"# "),
    ],
)
def test_output_dash_is_standard_output_not_a_file_named_dash(args, start, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plan = [] if args[0] == "init" else ["--plan", str(PLAN)]
    result = subprocess.run([sys.executable, "-m", "cchc", *args, *plan, "-o", "-"], capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(start), result.stdout[:40]
    assert not (tmp_path / "-").exists() and list(tmp_path.iterdir()) == []


def test_a_pdf_layout_that_does_not_end_is_stopped_with_a_message(run, tmp_path, monkeypatch):
    # WeasyPrint's table layout can loop on a row taller than a page: the command stops it, writes nothing, says why.
    import time

    from cchc.outputs import pdf, sandbox

    monkeypatch.setattr(sandbox, "TIME_LIMIT_S", 1.0)
    monkeypatch.setattr(pdf, "_engine", lambda: time.sleep(60))  # WeasyPrint never coming back
    out = tmp_path / "plan.pdf"
    started = time.monotonic()
    for lang, words in (("vi", "chưa dàn trang xong"), ("en", "had not finished the layout")):
        result = run("render", "--plan", PLAN, "-o", out, "--lang", lang)
        assert result.exit_code == 1 and words in result.stderr and "Traceback" not in result.stderr, result
    assert not out.exists() and time.monotonic() - started < 30


def test_a_write_over_the_file_size_limit_is_a_message_and_exit_2(tmp_path):
    # ulimit -f: the write fails as on a full disk (Python ignores SIGXFSZ; cchc must not turn it into an exit 153).
    import resource

    def limited():
        resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))

    output = tmp_path / "ke-hoach.html"
    result = subprocess.run([sys.executable, "-m", "cchc", "render", "--plan", str(PLAN), "-o", str(output)],
                            capture_output=True, text=True, preexec_fn=limited, cwd=tmp_path)
    assert result.returncode == 2, result
    assert "tệp vượt giới hạn kích thước" in result.stderr and "Traceback" not in result.stderr
    assert not output.exists() and list(tmp_path.iterdir()) == []
    # A PDF fails sooner, writing its fonts' temporary files: said so (it was "cannot use a file or folder it needs
    # … does the working folder still exist?"), and the PDF there before is kept.
    pdf = tmp_path / "ke-hoach.pdf"
    pdf.write_bytes(b"%PDF-1.7 the old one")
    result = subprocess.run([sys.executable, "-m", "cchc", "render", "--plan", str(PLAN), "-o", str(pdf), "--lang", "en"],
                            capture_output=True, text=True, preexec_fn=limited, cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.startswith("cchc: cannot make the PDF: its temporary files (fonts) cannot be written: "), result
    assert "working folder" not in result.stderr and pdf.read_bytes() == b"%PDF-1.7 the old one"


def test_a_bad_choice_in_english_says_what_was_given_and_the_choices_only(run):
    result = run("--lang", "en", "list", "--format", "boss")
    assert result.exit_code == 2
    assert "Invalid value for '--format' / '-f': 'boss' is not one of 'table', 'json', 'csv'." in result.stderr
    assert "Value error" not in result.stderr


@pytest.mark.parametrize("args, code", [(["due", "--month", "x"], 2), (["list", "--plan", "missing.yaml"], 2)])
def test_the_exit_code_does_not_depend_on_whether_the_message_could_be_written(tmp_path, args, code):
    # Standard error full (/dev/full) or closed: no one to tell, but CI still reads the documented code.
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "cchc", *args], stdout=subprocess.DEVNULL, stderr=full, cwd=tmp_path)
    assert result.returncode == code
    closed = subprocess.run([sys.executable, "-c", "import os, sys; os.close(2); from cchc.cli import main; sys.argv[1:] = sys.argv[2:]; main()", "--", *args],
                            stdout=subprocess.DEVNULL, cwd=tmp_path)
    assert closed.returncode == code


def test_json_names_a_file_whose_name_is_not_utf8_in_valid_utf8(tmp_path):
    name = os.fsdecode(b"k\xe9-hoach.yaml")  # a name made on a Latin-1 system
    plan = tmp_path / name
    plan.write_bytes(PLAN.read_bytes())
    result = subprocess.run([sys.executable, "-m", "cchc", "validate", "-f", "json", str(plan)], capture_output=True, cwd=tmp_path)
    report = json.loads(result.stdout.decode("utf-8"))  # strict UTF-8
    assert report["files"] == [str(plan)] and result.returncode == 0


def test_render_writes_beside_its_templates_but_never_over_one(run, tmp_path):
    # Templates kept in the project's folder: a new file there is written; an existing one (maybe a template) is not.
    (tmp_path / "plan.md.j2").write_text("# {{ view.plan.plan.title }}\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    result = run("render", "--plan", PLAN, "--template-dir", tmp_path, "-o", tmp_path / "out" / "ke-hoach.md")
    assert result.exit_code == 0, result
    assert (tmp_path / "out" / "ke-hoach.md").read_text(encoding="utf-8").startswith("# KẾ HOẠCH")
    result = run("render", "--plan", PLAN, "--template-dir", tmp_path, "-o", tmp_path / "plan.md.j2", "-f", "md")
    assert result.exit_code == 2 and "không ghi đè lên tệp đang được đọc" in result.stderr
    assert (tmp_path / "plan.md.j2").read_text(encoding="utf-8") == "# {{ view.plan.plan.title }}\n"


@pytest.mark.parametrize("plans_only", [False, True])
def test_a_plan_hard_linked_into_two_folders_has_each_folders_log_checked(run, tmp_path, plans_only):
    for folder, item in (("a", "I-1"), ("b", "I-99")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "p.progress.yaml").write_text(f"- id: {item}\n  status: done\n  date: 2021-01-05\n", encoding="utf-8")
    (tmp_path / "a" / "p.yaml").write_bytes(PLAN.read_bytes())
    os.link(tmp_path / "a" / "p.yaml", tmp_path / "b" / "p.yaml")
    given = [tmp_path / f / ("p.progress.yaml" if plans_only else "p.yaml") for f in "ab"]
    result = run("validate", *(["--plans-only"] if plans_only else []), *given, "-f", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 1
    assert [(d["file"], d["code"]) for d in report["diagnostics"] if d["severity"] == "error"] == [
        (str(tmp_path / "b" / "p.progress.yaml"), "progress-unknown-id")]
    assert sum(name.endswith("p.yaml") for name in report["files"]) == 1  # the plan itself checked once


def test_a_utf8_plan_with_a_stray_nul_is_not_called_utf16(run, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(b"\0" + PLAN.read_bytes())
    result = run("validate", plan, "-f", "json")
    codes = {d["code"] for d in json.loads(result.stdout)["diagnostics"]}
    assert "encoding.wide" not in codes and "control-character" in codes


@pytest.mark.parametrize("args", [("init", "-o"), ("render", "-o"), ("calendar", "-o")])
def test_an_output_in_a_folder_that_is_not_there_names_the_folder(run, tmp_path, args):
    target = tmp_path / "moi" / "ke-hoach.out"
    result = run(*args, target.with_suffix({"init": ".yaml", "render": ".pdf", "calendar": ".ics"}[args[0]]))
    assert result.exit_code == 2 and f'không có thư mục "{tmp_path / "moi"}"' in result.stderr, result
    assert not (tmp_path / "moi").exists()


def test_a_folder_with_a_plan_of_its_own_is_told_the_bundled_plan_answers(run, tmp_path, monkeypatch):
    # plans/2026.yaml made with `cchc init`, no plans/2021.yaml: the bundled 2021 plan answers, and says so once.
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "2026.yaml").write_bytes(PLAN.read_bytes())
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CCHC_PLAN", raising=False)
    result = run("due", "--month", "2021-06", "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)
    assert result.stderr.count("--plan plans/2026.yaml") == 1, result.stderr
    (tmp_path / "plans" / "2021.yaml").write_bytes(PLAN.read_bytes())
    assert run("due", "--month", "2021-06", "-f", "json").stderr == ""


def test_from_a_folder_of_the_repository_its_plan_and_log_answer(run, tmp_path, monkeypatch):
    # From docs/ of a plan's repository, a report read the bundled plan, with no log, in silence: "0 % done".
    repo = tmp_path / "tinh"
    (repo / ".git").mkdir(parents=True)
    (repo / "plans").mkdir()
    (repo / "docs" / "nam").mkdir(parents=True)
    (repo / "plans" / "2021.yaml").write_bytes(PLAN.read_bytes())
    monkeypatch.delenv("CCHC_PLAN", raising=False)
    monkeypatch.chdir(repo)
    assert run("progress", "I-1", "--status", "done", "--on", "2021-03-01").exit_code == 0
    at_top = json.loads(run("report", "--period", "6T/2021", "-f", "json").stdout)
    assert at_top["totals"]["done_late"] == 1, at_top["totals"]
    monkeypatch.chdir(repo / "docs" / "nam")
    result = run("report", "--period", "6T/2021", "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == at_top and result.stderr == "", result
    # Problems name the plan as reached from here; progress is written beside it.
    assert "../../plans/2021.yaml" in run("validate").stdout
    assert run("progress", "I-2", "--status", "done", "--on", "2021-03-02").exit_code == 0
    assert (repo / "plans" / "2021.progress.yaml").read_text(encoding="utf-8").count("I-") == 2
    # A repository whose plan is of another year: from its docs/, the bundled plan answers, and the note names it.
    (repo / "plans" / "2021.yaml").rename(repo / "plans" / "2027.yaml")
    result = run("budget", "-f", "json")
    assert result.exit_code == 0 and "--plan ../../plans/2027.yaml" in result.stderr, result
    # Outside a repository only the current folder counts: a plans/ folder above is nobody's plan.
    (repo / "plans" / "2027.yaml").rename(repo / "plans" / "2021.yaml")
    (repo / ".git").rmdir()
    result = run("validate", "-f", "json")
    assert json.loads(result.stdout)["files"] != ["../../plans/2021.yaml"] and "../../plans" not in result.stderr, result


def test_a_folder_of_several_plans_is_told_each_of_them(run, tmp_path, monkeypatch):
    # The note named the first file in the alphabet, a broken draft, as the plan to read.
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CCHC_PLAN", raising=False)
    for name in ("ban-nhap.yaml", "ke-hoach-2027.yaml"):
        (tmp_path / name).write_text("plan:\n  title: x\n", encoding="utf-8")
    result = run("sections")
    assert result.exit_code == 0 and "ban-nhap.yaml, ke-hoach-2027.yaml" in result.stderr and "--plan ban-nhap" not in result.stderr, result.stderr
    for n in range(3):
        (tmp_path / f"z{n}.yaml").write_text("plan: {title: z}\nsections: []\n", encoding="utf-8")
    assert "ban-nhap.yaml, ke-hoach-2027.yaml, z0.yaml, …" in run("sections").stderr


@pytest.mark.parametrize("where", ["ke-hoach-2026.yaml", "plans/2026.yaml", "ke-hoach/2026.yaml",
                                   # deeper, or in capitals: each passed on the bundled plan, exit 0
                                   "plans/2026/ke-hoach.yaml", "data/ke-hoach/2027.yaml", "a/b/c/plan.yaml", "KE_HOACH.YAML"])
def test_a_bare_validate_beside_a_plan_of_ones_own_checks_no_other_plan_in_its_place(run, tmp_path, monkeypatch, where):
    # A CI step "cchc validate" in a repository keeping ke-hoach-2026.yaml checked the bundled 2021 plan: exit 0,
    # whatever the repository's own plan held.
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CCHC_PLAN", raising=False)
    (tmp_path / where).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / where).write_text("plan:\n  title: x\n", encoding="utf-8")
    result = run("--lang", "en", "validate")
    assert result.exit_code == 2 and result.stdout == "", result
    assert f"name the files to check: cchc validate {where}" in result.stderr
    assert run("validate", where).exit_code == 1  # named, it is checked (and has errors)
    assert run("sections").exit_code == 0  # a query still answers from the bundled plan, with a note


def test_a_bare_validate_in_a_folder_of_a_repository_names_the_plan_at_its_top(run, tmp_path, monkeypatch):
    # Run from docs/ of a repository keeping ke-hoach-2026.yaml at its top, it checked the bundled 2021 plan: exit 0.
    monkeypatch.delenv("CCHC_PLAN", raising=False)
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs" / "so-do").mkdir(parents=True)
    (tmp_path / ".github").mkdir()  # a hidden folder's YAML is some other tool's
    (tmp_path / ".github" / "ke-hoach.yml").write_text("plan:\n  title: x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run("validate").exit_code == 0
    (tmp_path / "ke-hoach-2026.yaml").write_text("plan:\n  title: x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "docs" / "so-do")
    result = run("--lang", "en", "validate")
    assert result.exit_code == 2 and "cchc validate ../../ke-hoach-2026.yaml" in result.stderr, result
    # Outside a repository, nothing above is looked at.
    (tmp_path / ".git").rmdir()
    assert run("validate").exit_code == 0


def test_a_bare_validate_takes_no_book_table_of_contents_for_a_plan(run, tmp_path, monkeypatch):
    # A Jupyter Book's _toc.yml ("sections:" at its top) stopped a bare validate, exit 2, naming it.
    monkeypatch.delenv("CCHC_PLAN", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site" / "book").mkdir(parents=True)
    (tmp_path / "site" / "book" / "_toc.yml").write_text("format: jb-article\nroot: intro\nsections:\n  - file: a\n", encoding="utf-8")
    assert run("validate").exit_code == 0


def test_a_bare_validate_finds_a_plan_among_many_files_and_names_it_once(run, tmp_path, monkeypatch):
    # Only the first 200 names a folder listed were looked at: a plan further down was missed and the bundled plan
    # passed; a link to the folder itself named the plan twice.
    monkeypatch.delenv("CCHC_PLAN", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "zz-ke-hoach-2027.yaml").write_text("plan:\n  title: x\n", encoding="utf-8")
    (tmp_path / "loop").symlink_to(".")
    for n in range(450):
        (tmp_path / f"a{n:03d}.txt").write_text("", encoding="utf-8")
    # A folder lists its names in an order of its own (ext4: by a hash): here, the plan after every other name.
    import pathlib

    class Listed(list):
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    scandir, iterdir = os.scandir, pathlib.Path.iterdir
    monkeypatch.setattr(os, "scandir", lambda path=".": Listed(sorted(scandir(path), key=lambda e: (e.name.startswith("zz"), e.name))))
    monkeypatch.setattr(pathlib.Path, "iterdir", lambda self: iter(sorted(iterdir(self), key=lambda p: (p.name.startswith("zz"), p.name))))
    result = run("--lang", "en", "validate")
    assert result.exit_code == 2 and "cchc validate zz-ke-hoach-2027.yaml" in result.stderr and "loop/" not in result.stderr, result


def test_a_yaml_file_that_cannot_be_looked_at_is_passed_over_by_a_bare_command(run, tmp_path, monkeypatch):
    # A folder one may list but not enter (mode 744, another's): its YAML's is_file() raised, and every bare command
    # stopped, exit 2, naming a file nobody asked about.
    import pathlib

    monkeypatch.delenv("CCHC_PLAN", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "docker-compose.yml").write_text("services: {}\n", encoding="utf-8")
    is_file = pathlib.Path.is_file

    def refused(self):
        if self.name == "docker-compose.yml":
            raise PermissionError(13, "Permission denied", str(self))
        return is_file(self)

    monkeypatch.setattr(pathlib.Path, "is_file", refused)
    assert run("validate").exit_code == 0 and run("sections").exit_code == 0


def test_a_plan_made_by_init_outside_plans_is_named_by_init_and_by_the_next_query(run, tmp_path, monkeypatch):
    # `cchc init -o ke-hoach-2027.yaml` then `cchc due --month 2027-06` answered from the bundled 2021 plan in silence.
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CCHC_PLAN", raising=False)
    (tmp_path / "docker-compose.yml").write_text("services:\n  web: {}\n", encoding="utf-8")  # another tool's YAML
    os.mkfifo(tmp_path / "pipe.yaml")  # never opened: a read of it would not end
    assert "ke-hoach" not in run("due", "--month", "2027-06").stderr
    made = run("init", "--year", "2027", "-o", "ke-hoach-2027.yaml")
    assert made.exit_code == 0 and "cchc due --plan ke-hoach-2027.yaml" in made.stderr, made.stderr
    result = run("due", "--month", "2027-06")
    assert result.exit_code == 0 and result.stderr.count("--plan ke-hoach-2027.yaml") == 1, result.stderr
    # A name to paste as it is: quoted where it has a space, a line break shown as \n.
    for name, quoted in (("kế hoạch 2026.yaml", "'kế hoạch 2026.yaml'"), ("a\nb.yaml", "'a\\nb.yaml'")):
        other = tmp_path / "khac"
        other.mkdir(exist_ok=True)
        for old in other.iterdir():
            old.unlink()
        monkeypatch.chdir(other)
        made = run("init", "-o", name)
        assert f"--plan {quoted}" in made.stderr and made.stderr.count("\n") == 2, made.stderr
        assert f"--plan {quoted} " in run("sections").stderr
    monkeypatch.chdir(tmp_path)
    # Where the other commands read it anyway, nothing to say.
    (tmp_path / "plans").mkdir()
    assert "--plan" not in run("init", "-o", "plans/2021.yaml").stderr
    monkeypatch.setenv("CCHC_PLAN", "mine.yaml")
    assert "--plan" not in run("init", "-o", "mine.yaml").stderr


def test_an_output_under_a_file_says_a_part_of_the_path_is_not_a_folder(run, tmp_path):
    (tmp_path / "afile").write_text("x")
    result = run("render", "-f", "md", "-o", tmp_path / "afile" / "out.md")
    assert result.exit_code == 2 and "một phần của đường dẫn không phải là thư mục" in result.stderr, result


@pytest.mark.parametrize(
    "words, where",
    [
        (("list", "--plan", ""), "'--plan'"),
        (("validate", ""), "PLAN"),
        (("validate", "--plan", ""), "'--plan'"),
        (("render", "-o", ""), "'--output'"),
        (("import", ""), "PLAN.docx"),
        (("due", "--progress", ""), "'--progress'"),
        (("report", "--bands", ""), "'--bands'"),
        (("render", "--template-dir", ""), "'--template-dir'"),
        (("import", "x.docx", "--agencies", ""), "'--agencies'"),
    ],
)
def test_an_empty_path_is_a_usage_error_not_the_current_folder(run, words, where):
    # ``--plan "$PLAN"`` with PLAN unset: Path("") is ".", which cchc reported as "a folder, not a plan".
    result = run(*words, "--lang", "en")
    assert result.exit_code == 2, result
    assert "the path is empty" in result.stderr and where in result.stderr, result.stderr
    assert "folder" not in result.stderr.split("the path is empty")[0]


@pytest.mark.parametrize("command", [("render",), ("calendar",), ("report", "--as-of", "2021-06-14"), ("init",)])
@pytest.mark.parametrize("end", ["/", "/.", "//", "/.."])
def test_an_output_ending_in_a_slash_names_a_folder_and_is_refused(run, tmp_path, command, end):
    # Path("out.html/") drops the slash, Path("out.html/.") the dot: cchc wrote a file named out.html, exit 0.
    target = f"{tmp_path / 'out.html'}{end}"
    result = run("--lang", "en", *command, "-o", target)
    assert result.exit_code == 2 and "names a folder (it ends in /, /. or /..)" in result.stderr, result
    assert list(tmp_path.iterdir()) == []


def test_a_progress_log_named_as_a_folder_is_refused(run, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(PLAN.read_bytes())
    result = run("--lang", "en", "progress", "I-1", "--status", "done", "--on", "2021-03-01", "--plan", plan, "--progress", f"{tmp_path / 'log.yaml'}/")
    assert result.exit_code == 2 and "names a folder" in result.stderr, result
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]


def test_the_validate_command_a_refused_query_suggests_runs_as_printed(run, tmp_path):
    # A path with spaces: the suggested command is quoted for the shell, or it names three files.
    plan = tmp_path / "kế hoạch 2021.yaml"
    plan.write_bytes((ROOT / "tests" / "data" / "invalid" / "unknown-agency.yaml").read_bytes())
    result = run("list", "--plan", plan, "--lang", "en")
    assert result.exit_code == 1
    assert f"run `cchc validate '{plan}'` for the full report" in result.stderr


def test_render_docx_with_a_template_dir_says_the_templates_were_not_used(run, tmp_path):
    templates = tmp_path / "mau"
    templates.mkdir()
    (templates / "plan.html.j2").write_text("<p>{{ plan.plan.title }}</p>\n", encoding="utf-8")
    result = run("render", "--plan", PLAN, "--template-dir", templates, "-o", tmp_path / "k.docx", "--lang", "en")
    assert result.exit_code == 0 and (tmp_path / "k.docx").exists(), result
    assert f"the templates in {templates} were not used" in result.stderr


@pytest.mark.parametrize(
    "args, name",
    [
        (["progress", "I-1", "--status", "done", "--on", "2021-02-01", "-p", "{a}", "-p", "{b}"], "--plan / -p"),
        (["list", "--plan={a}", "--plan", "{b}"], "--plan / -p"),
        (["due", "--month", "2021-06", "-m2021-07", "--plan", "{a}"], "--month / -m"),
        (["progress", "I-1", "--status", "done", "--on", "2021-02-01", "--note", "một", "--note", "hai", "-p", "{a}"], "--note / -n"),
    ],
)
def test_an_option_of_one_value_given_twice_is_a_usage_error(run, tmp_path, args, name):
    # The framework kept the last value without a word: progress -p a.yaml -p b.yaml wrote b's log, a second
    # --note replaced the first.
    for plan in ("a", "b"):
        shutil.copy(PLAN, tmp_path / f"{plan}.yaml")
    args = [arg.format(a=tmp_path / "a.yaml", b=tmp_path / "b.yaml") for arg in args]
    for lang, said in (("vi", f"{name} chỉ được ghi một lần (đã ghi 2 lần"), ("en", f"{name} may be given once (given 2 times")):
        result = run("--lang", lang, *args)
        assert result.exit_code == 2 and said in result.stderr and result.stdout == "", result
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.yaml"]  # no log written


def test_lang_given_twice_is_a_usage_error(run):
    result = run("--lang", "en", "sections", "--lang", "vi")
    assert result.exit_code == 2 and result.stdout == "" and 'cchc: --lang may be given once (the second: "vi")' in result.stderr, result
    bad = run("--lang", "en", "--lang", "xx", "sections")  # said in the language asked for first
    assert bad.exit_code == 2 and 'cchc: no language "xx"' in bad.stderr, bad
    helped = run("--lang", "en", "due", "--help", "--lang", "vi")  # the help page wins, in the first language
    assert helped.exit_code == 0 and helped.stdout.startswith("Usage: cchc due"), helped


def test_help_asked_with_an_option_given_twice_is_the_help(run):
    for args in (["list", "-h", "-p", "x", "-p", "y"], ["progress", "I-1", "-n", "a", "-h", "-n", "b"]):
        result = run(*args)
        assert result.exit_code == 0 and result.stdout.startswith("Cách dùng: cchc"), result


def test_options_that_take_several_values_or_none_may_be_repeated(run):
    assert run("validate", "-p", PLAN, "-p", PLAN).exit_code == 0
    assert run("list", "--status", "done", "--status", "cancelled", "--pending", "--pending", "--plan", PLAN).exit_code == 0


@pytest.mark.parametrize("with_plan", [True, False], ids=["plan given", "default plan"])
def test_the_validate_command_a_refused_log_suggests_checks_that_log(run, tmp_path, monkeypatch, with_plan):
    # A log kept away from its plan (--progress): `cchc validate LOG` would read it as a plan; the hint must be a
    # command that checks it against the plan, and shows the log's own problem.
    import shlex

    monkeypatch.chdir(tmp_path)  # no plans/ here: without --plan, the bundled 2021 plan
    plan = tmp_path / "kế hoạch.yaml"
    plan.write_bytes(PLAN.read_bytes())
    log = tmp_path / "tiến độ.yaml"
    log.write_text("- id: I-7\n  status: xong\n  date: 2021-03-02\n", encoding="utf-8")
    given = ["--plan", plan] if with_plan else []
    result = run("--lang", "en", "report", "--period", "Q1/2021", *given, "--progress", log)
    assert result.exit_code == 1, result
    command = re.search(r"run `([^`]*)` for the full report", result.stderr)
    assert command, result.stderr
    words = shlex.split(command.group(1))
    assert words[:2] == ["cchc", "validate"] and words[-2:] == ["--progress", str(log)], words
    assert str(plan) in words if with_plan else len(words) <= 5
    checked = run("--lang", "en", *words[1:])
    assert checked.exit_code == 1, checked
    assert "[progress-status]" in checked.stdout and "[schema]" not in checked.stdout, checked


@pytest.mark.parametrize(
    "command",
    [("render", "-f", "pdf"), ("render",), ("render", "-f", "md"), ("report", "--period", "2021", "-f", "docx"), ("calendar",)],
)
@pytest.mark.parametrize("name", ["2026.yaml", "2026.progress.yaml", "khac.yml", "moi.yaml"])
def test_no_document_is_written_over_a_yaml_file_whatever_the_format(run, tmp_path, command, name):
    # `render -o plans/2026.yaml` was refused with "… or give --format"; with --format it replaced that plan (or a
    # plan's months of progress) with a PDF. A .yaml/.yml output is refused whether it exists or not.
    target = tmp_path / name
    if name != "moi.yaml":
        target.write_text("# kế hoạch của người dùng\nplan: {}\n", encoding="utf-8")
    before = target.read_bytes() if target.exists() else None
    result = run("--lang", "en", *command, "--plan", PLAN, "-o", target)
    assert result.exit_code == 2, result
    assert "is a plan or a progress log" in result.stderr and "--format" not in result.stderr.split("Error:")[-1], result.stderr
    assert (target.read_bytes() if target.exists() else None) == before


def test_a_deleted_working_folder_still_names_the_files(tmp_path):
    # A shell left in a folder that `git switch` removed: the output was ": cannot use the file: No such file or
    # directory", with no file name and no summary.
    gone = tmp_path / "gone"
    gone.mkdir()
    script = f"cd {shlex_quote(gone)} && rmdir {shlex_quote(gone)} && exec {shlex_quote(sys.executable)} -m cchc --lang en validate x.yaml ../y.yaml"
    result = subprocess.run(["sh", "-c", script], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 2, result
    assert "x.yaml:1:1: error [not-found]" in result.stdout and "../y.yaml:1:1: error [not-found]" in result.stdout, result
    assert "2 file(s) checked: 2 error(s)" in result.stdout and "Traceback" not in result.stderr


def shlex_quote(path) -> str:
    import shlex

    return shlex.quote(str(path))


@pytest.mark.parametrize("name", [".yaml", "x.yaml ", "link.html"])
def test_no_document_is_written_over_a_yaml_file_by_another_name(run, tmp_path, name):
    # A dot-file ".yaml", a trailing space, or a link named .html to a plan: the plan was replaced, exit 0.
    plan = tmp_path / "other.yaml"
    plan.write_bytes(PLAN.read_bytes())
    target = tmp_path / name
    if name == "link.html":
        target.symlink_to(plan)
    result = run("--lang", "en", "render", "-f", "html", "--plan", PLAN, "-o", target)
    assert result.exit_code == 2 and "is a plan or a progress log" in result.stderr, result
    assert plan.read_bytes() == PLAN.read_bytes() and (name == "link.html" or not target.exists())


def test_an_option_named_in_vietnamese_words_is_offered_the_option_meant(run):
    # `cchc due --thang 2021-06` was offered --plan, the option spelt most alike.
    vi = run("due", "--thang", "2021-06")
    assert vi.exit_code == 2 and "không có tùy chọn --thang (các tùy chọn gần giống: --month)" in vi.stderr, vi
    en = run("--lang", "en", "list", "--Cơ-quan", "SNV")
    assert en.exit_code == 2 and "No such option: --Cơ-quan (Possible options: --agency)" in en.stderr, en
    # Only an option the command has: `list` has no --month.
    assert "--month" not in run("list", "--thang", "2021-06").stderr


def test_a_date_written_otherwise_is_refused_by_the_schema_even_without_format_checks():
    # jsonschema checks "format" only when given a format checker: "31/12/2020" passed a plain validator.
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    schema = json.loads((ROOT / "plans" / "plan.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    plan = yaml.load(PLAN.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # every scalar a string, as YAML 1.2 reads dates
    assert not [e.message for e in validator.iter_errors(plan) if "date" in list(e.absolute_path)]
    for where in (plan["decision"], plan["plan"]):
        where["date"] = "31/12/2020"

    def paths(errors):  # an error under "anyOf" (the decision, or null) holds its reasons in its context
        return [path for error in errors for path in [list(error.absolute_path), *paths(error.context or [])]]

    errors = paths(validator.iter_errors(plan))
    assert ["decision", "date"] in errors and ["plan", "date"] in errors


def test_the_hook_reads_any_file_in_one_pass_and_finds_a_json_style_plans_keys_past_comments(run, tmp_path):
    """A playbook opening with a banner of 26 "#" took 15 s to classify (each more, twice that): the pattern for
    a file in JSON's style split the run of "#" every way. An unclosed quote in a file of 160 KB took 83 s, and
    many "$schema=/" 50 s: each was read again from every place. Each is now read once; these would take hours."""
    import subprocess
    import sys

    hostile = {
        "site.yml": b"#" * 60 + b"\n# Playbook\n- hosts: all\n  tasks: []\n",
        "quotes.json": b"{" + b'\\"' * 300_000,
        "schemas.yaml": b"k: " + b"$schema=/" * 300_000 + b"\n",
        "comments.json": b"{" + b"/*" * 200_000 + b'"' * 200_000,
    }
    for name, data in hostile.items():
        (tmp_path / name).write_bytes(data)
    done = subprocess.run([sys.executable, "-m", "cchc", "validate", "--plans-only", *hostile, "-f", "json"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and json.loads(done.stdout)["files"] == [], done.stderr
    # Comments in a file in JSON's style: a "}" in one does not close a level, an apostrophe does not open a text,
    # and a megabyte before the plan's key does not hide it.
    (tmp_path / "settings.json").write_text('{\n  "editor": {\n    // closes with }\n    "plan": "pro"\n  }\n}\n', encoding="utf-8")
    (tmp_path / "plan.json").write_text('{\n  // don\'t edit by hand\n  "plan": {"title": "KH"},\n  "sections": [],\n  // that\'s all\n}\n',
                                        encoding="utf-8")
    (tmp_path / "big.json").write_text('{"$schema": "x", "note": "' + "a" * 1_100_000 + '",\n "plan": {"title": "KH"}, // c\n "sections": []}\n',
                                       encoding="utf-8")
    result = run("validate", "--plans-only", tmp_path / "settings.json", tmp_path / "plan.json", tmp_path / "big.json", "-f", "json")
    assert json.loads(result.stdout)["files"] == [str(tmp_path / "plan.json"), str(tmp_path / "big.json")], result.stdout
    # A broken file in JSON's style of more tokens than a plan's keys come before is checked, not read on for minutes.
    from cchc.cli import validate

    (tmp_path / "tokens.json").write_bytes(b"{" + b"[]" * (validate.JSON_TOKENS // 2 + 10))
    result = run("validate", "--plans-only", tmp_path / "tokens.json", "-f", "json")
    assert result.exit_code == 1 and json.loads(result.stdout)["files"] == [str(tmp_path / "tokens.json")], result.stdout


def test_a_query_of_a_plan_with_its_own_headings_does_not_load_the_word_reader():
    # The 2021 plan gives its column headings; checking them imported cchc.inputs.docx_table (27 patterns compiled)
    # on every `due`, a few milliseconds of a start-up the issue bounds.
    code = (
        "import sys\nfrom cchc.cli import main\nsys.argv = ['cchc', 'due', '--month', '2021-06']\n"
        "try:\n    main()\nexcept SystemExit as done:\n    assert done.code in (0, None), done.code\n"
        "assert not [m for m in sys.modules if m.startswith('cchc.inputs.docx')], 'the Word reader was imported'\n"
        "assert 'cchc.headings' in sys.modules  # the headings were checked\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True)
