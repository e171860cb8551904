"""A province's own templates (render --template-dir) are hostile until checked.

They may lay out the view; they may not call the plan model's methods (pydantic's
parse_file reads any file, parse_raw can unpickle), read files outside their
directory, or run without bound.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from cchc.load import load_plan
from cchc.outputs import sandbox
from cchc.outputs.html import TemplateFailure, render_plan

# Hostile templates read pydantic's deprecated attributes (model_fields on an instance).
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2021.yaml"


@pytest.fixture(scope="module")
def plan():
    loaded = load_plan(PLAN)
    assert loaded.plan is not None
    return loaded.plan


def _render(plan, directory: Path, text: str, fmt: str = "md") -> str:
    (directory / f"plan.{fmt}.j2").write_text(text, "utf-8")
    return render_plan(plan, fmt, template_dir=directory)


def _refused(plan, directory: Path, text: str) -> TemplateFailure:
    with pytest.raises(TemplateFailure) as failure:
        _render(plan, directory, text)
    return failure.value


@pytest.mark.parametrize(
    "expression",
    [
        "view.plan.model_dump()",
        "view.plan.parse_raw('x', allow_pickle=True)",
        "view.plan.parse_file('/etc/hostname')",
        "view.plan.model_validate_json('{}')",
        "(view.plan|attr('parse_file'))('/etc/hostname')",
        "view.plan.items()",
        "view.header.__class__",
        "view.sections[0].rows[0].__class__.__mro__",
        "view.plan.plan.__class__.parse_file('/etc/hostname')",
        "view.plan.model_fields['plan'].annotation.parse_file('/etc/hostname')",
        "cycler.__init__.__globals__",
    ],
)
def test_methods_of_the_plan_and_private_attributes_are_refused(plan, tmp_path, expression):
    failure = _refused(plan, tmp_path, "{{ " + expression + " }}\n")
    assert "SecurityError" in failure.reason or "unsafe" in failure.reason or "UndefinedError" in failure.reason
    assert "hostname" not in failure.reason


def test_what_a_layout_needs_still_works(plan, tmp_path):
    template = (
        "{% macro cell(text) %}[{{ text|md }}]{% endmacro %}"
        "{% set ns = namespace(count=0) %}"
        "{% for row in view.sections[0].rows[:3] %}{% set ns.count = ns.count + 1 %}{{ loop.cycle('a', 'b') }}{{ cell(row.item_id) }}{% endfor %}"
        "|{{ ns.count }}|{{ view.plan.plan.title|upper|truncate(12, true, '') }}"
        "|{{ '%.1f'|format(2.25) }}|{{ '{:,}'.format(1234567) }}|{{ 'x'.center(5)|length }}"
        "|{{ view.plan.plan.title.split()|length > 1 }}|{{ dict(a=1).items()|list }}"
        "|{{ view.totals.declared }}|{{ 'ab' * 3 }}|{{ 2 ** 10 }}"
    )
    out = _render(plan, tmp_path, template)
    first = [row.item_id for row in build_rows(plan)[:3]]
    assert out.startswith(f"a[{first[0]}]b[{first[1]}]a[{first[2]}]|3|")
    assert "|2.2|1,234,567|5|True|[('a', 1)]|" in out
    assert out.endswith("|ababab|1024")


def build_rows(plan):
    from cchc.outputs.view import build_view

    return build_view(plan).sections[0].rows


@pytest.mark.parametrize(
    "expression",
    [
        "'x' * 1000000000",
        "[1] * 100000000",
        "'x'|center(1000000000)",
        "'x'.ljust(1000000000)",
        "'x'|indent(1000000000)",
        "'%0999999999d' % 1",
        "'%*d' % (999999999, 1)",
        "'%0999999999d'|format(1)",
        "'{:>999999999}'.format(1)",
        "'{:>{w}}'.format(1, w=999999999)",
        "10 ** 10000000",
        "lipsum(1000000)",
    ],
)
def test_work_a_template_asks_for_is_bounded(plan, tmp_path, expression):
    started = time.monotonic()
    failure = _refused(plan, tmp_path, "{{ " + expression + " }}\n")
    assert "SecurityError" in failure.reason
    assert time.monotonic() - started < 5


def test_a_template_that_runs_too_long_is_stopped(plan, tmp_path, monkeypatch):
    monkeypatch.setattr(sandbox, "TIME_LIMIT_S", 1.0)
    started = time.monotonic()
    failure = _refused(plan, tmp_path, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    assert "longer than 1 s" in failure.reason and (failure.kind, failure.args_) == ("time", {"seconds": "1"})
    assert time.monotonic() - started < 10


def test_a_template_that_grows_memory_is_stopped(plan, tmp_path, monkeypatch):
    monkeypatch.setattr(sandbox, "MEMORY_BUDGET", 64 << 20)
    template = "{% macro m() %}{% for i in range(100000) %}{% for j in range(1000) %}{{ 'x' * 1000 ~ i }}{% endfor %}{% endfor %}{% endmacro %}{{ m() }}"
    failure = _refused(plan, tmp_path, template)
    assert "MiB of memory" in failure.reason and (failure.kind, failure.args_) == ("memory", {"mib": 64})


def test_what_a_template_writes_is_bounded_in_the_process_that_takes_it_back(plan, tmp_path, monkeypatch):
    """A 60-byte template wrote 600 MB of "x" within the child's limits; this process, under none, took it back
    whole (1.8 GB) and wrote it. It now stops taking past a quarter of the child's budget."""
    monkeypatch.setattr(sandbox, "MEMORY_BUDGET", 128 << 20)
    failure = _refused(plan, tmp_path, "{% for i in range(40) %}{{ 'x' * 1000000 }}{% endfor %}")
    assert (failure.kind, failure.args_) == ("output", {"mib": 32}) and "more than 32 MiB" in failure.reason
    # Within the bound, the page is written whole.
    assert _render(plan, tmp_path, "{{ 'x' * 1000000 }}") == "x" * 1000000


def test_templates_outside_the_directory_are_refused(plan, tmp_path):
    directory = tmp_path / "templates"
    directory.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("MẬT", "utf-8")
    (directory / "plan.md.j2").symlink_to(secret)
    with pytest.raises(TemplateFailure) as failure:
        render_plan(plan, "md", template_dir=directory)
    assert failure.value.kind == "unreadable.outside" and "MẬT" not in failure.value.reason + str(failure.value.args_)
    (directory / "plan.md.j2").unlink()
    for name in ("../secret.txt", "/etc/hostname"):
        with pytest.raises(TemplateFailure):
            _render(plan, directory, "{% include '" + name + "' %}")
    # A link that stays inside the directory is fine.
    (directory / "part.j2").write_text("trong thư mục", "utf-8")
    (directory / "alias.j2").symlink_to(directory / "part.j2")
    assert _render(plan, directory, "{% include 'alias.j2' %}") == "trong thư mục"


def test_a_device_a_big_file_or_bad_bytes_are_refused(plan, tmp_path):
    os.symlink("/dev/zero", tmp_path / "zero.j2")
    (tmp_path / "big.j2").write_bytes(b"x" * ((1 << 20) + 1))
    (tmp_path / "latin.j2").write_bytes("Sở".encode("latin-1", "replace") + b"\xff")
    cases = {"zero.j2": "outside", "big.j2": "too-large", "latin.j2": "not-utf8"}
    for name, why in cases.items():
        with pytest.raises(TemplateFailure) as failure:
            _render(plan, tmp_path, "{% include '" + name + "' %}")
        assert failure.value.kind == "unreadable." + why and failure.value.args_["name"] == name, name
    assert failure.value.args_["byte"] == 2  # "Sở" in latin-1 is "S?", then the byte 0xff
    os.mkfifo(tmp_path / "pipe.j2")
    with pytest.raises(TemplateFailure) as failure:
        _render(plan, tmp_path, "{% include 'pipe.j2' %}")
    assert failure.value.kind == "unreadable.not-regular"


@pytest.mark.parametrize(
    "template, vietnamese, english",
    [
        ("{{ \n{% if %}\n", "plan.md.j2:2: mẫu sai cú pháp Jinja (Jinja báo: ", "plan.md.j2:2: the template's Jinja syntax is wrong ("),
        ("{{ no_such_name.x }}\n", "plan.md.j2:1: mẫu dùng một tên không có trong dữ liệu", "plan.md.j2:1: the template uses a name the plan's data does not have"),
        ("{{ view.__class__ }}\n", "plan.md.j2:1: mẫu làm một việc mà hộp cát chạy mẫu không cho phép", "plan.md.j2:1: the template did something its sandbox does not allow"),
        ("{% include 'other.j2' %}\n", "lỗi mẫu in other.j2: không tìm thấy mẫu này", "template error at other.j2: the template is not there"),
        ("{{ 1 / 0 }}\n", "plan.md.j2:1: mẫu gặp lỗi khi chạy (ZeroDivisionError", "plan.md.j2:1: the template failed while running (ZeroDivisionError"),
        ("{% include 'latin.j2' %}\n", 'plan.md.j2:1: tệp mẫu "latin.j2" không phải UTF-8 (byte thứ 1); hãy lưu lại với bảng mã UTF-8',
         'plan.md.j2:1: the template file "latin.j2" is not UTF-8 (at byte 1); save it as UTF-8'),
        # The system's reason went by the name of an argument of the failure itself: "TypeError: … multiple values".
        ("{% include 'folder.j2' %}\n", 'plan.md.j2:1: không đọc được tệp mẫu "folder.j2": ',
         'plan.md.j2:1: cannot read the template file "folder.j2": Is a directory'),
    ],
)
def test_cli_says_why_a_template_failed_in_the_readers_language(run, tmp_path, template, vietnamese, english):
    (tmp_path / "plan.md.j2").write_text(template, "utf-8")
    (tmp_path / "latin.j2").write_bytes(b"S\xf4")  # "Sô" in latin-1
    (tmp_path / "folder.j2").mkdir()
    for lang, expected in (("vi", vietnamese), ("en", english)):
        result = run("--lang", lang, "render", "--format", "md", "--plan", PLAN, "--template-dir", tmp_path)
        assert result.exit_code == 1 and expected in result.stderr and result.stdout == "", (lang, result.stderr)


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_a_template_that_is_a_folder_is_told_as_one(run, tmp_path, fmt):
    if fmt == "pdf":
        pytest.importorskip("weasyprint")
    name = "plan.md.j2" if fmt == "md" else "plan.html.j2"
    (tmp_path / name).mkdir()
    result = run("--lang", "en", "render", "--format", fmt, "--plan", PLAN, "--template-dir", tmp_path, "-o", tmp_path / f"out.{fmt}")
    assert result.exit_code == 1 and f'cannot read the template file "{name}": Is a directory' in result.stderr, result.stderr
    assert "TypeError" not in result.stderr and not (tmp_path / f"out.{fmt}").exists()


def test_cli_reports_a_refused_template_without_a_traceback(run, tmp_path):
    (tmp_path / "plan.md.j2").write_text("{{ view.plan.parse_file('/etc/hostname') }}\n", "utf-8")
    result = run("render", "--format", "md", "--plan", PLAN, "--template-dir", tmp_path)
    assert result.exit_code == 1
    assert "lỗi mẫu in" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_the_pdf_layout_of_a_template_is_bounded_too(plan, tmp_path, monkeypatch):
    pytest.importorskip("weasyprint")
    from cchc.outputs.pdf import PdfUnavailable, render_pdf

    monkeypatch.setattr(sandbox, "layout_limits", lambda items: (3.0, 2 << 30))
    (tmp_path / "plan.html.j2").write_text(
        '<html><body>{% for i in range(30000) %}<p style="break-after: page">{{ i }}</p>{% endfor %}</body></html>', "utf-8"
    )
    started = time.monotonic()
    try:
        with pytest.raises(TemplateFailure) as failure:
            render_pdf(plan, template_dir=tmp_path)
    except PdfUnavailable as exc:
        pytest.skip(f"no PDF engine: {exc.reason}")
    assert "longer than" in failure.value.reason and "PDF" in failure.value.reason
    assert time.monotonic() - started < 15


def test_a_pdf_gets_more_time_and_memory_for_a_larger_plan_not_for_padding():
    small, large = sandbox.layout_limits(40), sandbox.layout_limits(10_000)
    assert small[0] >= sandbox.TIME_LIMIT_S and large[0] >= small[0] + 150
    assert large[1] >= small[1]


def test_class_methods_and_unlisted_mutations_are_refused(plan, tmp_path):
    for expression in (
        "dict.update(view.plan.model_config, frozen=False)",
        "dict.clear(view.plan.sections[0].model_fields)",
        "view.plan.model_fields_set.intersection_update([])",
        "str.join('x', ['a'])",
        "([[0] * 100] * 400)|sum(start=[])",
        "range(5)|join('x' * 5000)",
    ):
        failure = _refused(plan, tmp_path, "{{ " + expression + " }}\n")
        assert "SecurityError" in failure.reason or "unsafe" in failure.reason or "UndefinedError" in failure.reason, expression
    assert type(plan).model_config.get("frozen", True) is not False
    assert _render(plan, tmp_path, "{{ [1, 2, 3]|sum }}|{{ ['a', 'b']|join(', ') }}|{{ dict(a=1)['a'] }}") == "6|a, b|1"


def test_one_huge_allocation_is_stopped_by_the_memory_limit(plan, tmp_path, monkeypatch):
    monkeypatch.setattr(sandbox, "MEMORY_BUDGET", 256 << 20)
    failure = _refused(plan, tmp_path, "{{ ('\\t' * 5000).expandtabs(100000)|length }}")
    assert "MiB of memory" in failure.reason and failure.kind == "memory"


@pytest.mark.parametrize(
    "template",
    [
        # One long C call: a list search over ten million long strings, and hash collisions.
        "{% set a = 'x' * 99999 ~ 'a' %}{% set b = 'x' * 99999 ~ 'b' %}{{ a in [b] * 10000000 }}",
        "{{ ([[0] * 100] * 3000)|sum(start=[]) if false else '' }}{% set b = 'x' * 999999 %}{{ (b ~ 'a') in [b ~ 'b'] * 5000000 }}",
    ],
)
def test_one_long_c_call_is_killed_on_time(plan, tmp_path, monkeypatch, template):
    monkeypatch.setattr(sandbox, "TIME_LIMIT_S", 2.0)
    started = time.monotonic()
    failure = _refused(plan, tmp_path, template)
    assert "longer than 2 s" in failure.reason and failure.kind == "time"
    assert time.monotonic() - started < 10


def test_errors_inside_the_child_name_the_template(plan, tmp_path):
    failure = _refused(plan, tmp_path, "line one\n{{ view.no_such_field }}\n")
    assert failure.template.endswith("plan.md.j2") and failure.line == 2 and "no_such_field" in failure.reason
    failure = _refused(plan, tmp_path, 'x{{ "\\ud800" }}y')
    assert "UnicodeEncodeError" in failure.reason


def test_the_pdf_engines_own_failures_are_the_templates(plan, tmp_path):
    pytest.importorskip("weasyprint")
    from cchc.outputs.pdf import PdfUnavailable, render_pdf

    (tmp_path / "plan.html.j2").write_text("<html><head><style>body{font-size:1e30px}</style></head><body>x</body></html>", "utf-8")
    try:
        with pytest.raises(TemplateFailure) as failure:
            render_pdf(plan, template_dir=tmp_path)
    except PdfUnavailable as exc:
        pytest.skip(f"no PDF engine: {exc.reason}")
    assert failure.value.template.endswith("plan.html.j2")


def test_md_row_takes_no_callable_from_a_template(plan, tmp_path):
    template = (
        '{% set ns = namespace(stt="1", task="", task_rowspan=0, item_id="I-1", product="p", lead="", partners="", deadline="") %}'
        '{{ ns|md_row(true, false, " ".center) }}'
    )
    failure = _refused(plan, tmp_path, template)
    assert "TypeError" in failure.reason or "SecurityError" in failure.reason


def test_a_province_template_gets_the_batch_row_filters(plan, tmp_path):
    # html_rows / md_rows (one call per task or section) write what a loop over html_row / md_row writes.
    one_by_one = _render(plan, tmp_path, "{% for s in view.sections %}{% for r in s.rows %}{{ r|md_row(view.has_stt, view.has_money) }}\n{% endfor %}{% endfor %}")
    batched = _render(plan, tmp_path, "{% for s in view.sections %}{{ s.rows|md_rows(view.has_stt, view.has_money) }}\n{% endfor %}")
    assert batched == one_by_one and one_by_one.count("\n") == sum(1 for _ in plan.items())
    loop = "{% for s in view.sections %}{% for g in s.task_groups %}{% for r in g %}{{ r|html_row(true, true) }}\n\n{% endfor %}{% endfor %}{% endfor %}"
    batch = "{% for s in view.sections %}{% for g in s.task_groups %}{{ g|html_rows(true, true) }}\n{% endfor %}{% endfor %}"
    html_loop, html_batch = _render(plan, tmp_path, loop, "html"), _render(plan, tmp_path, batch, "html")
    assert html_batch == html_loop and html_loop.count('<tr class="item">') == one_by_one.count("\n")


@pytest.mark.parametrize("stt, money", [("true", "true"), ("false", "false"), ("true", "false"), ("false", "true")])
def test_the_batch_row_filters_take_the_rows_a_template_picks(plan, tmp_path, stt, money):
    # A province's template may filter the rows first (Jinja's selectattr gives a generator, not a list).
    picked = '{% for s in view.sections %}{% for r in s.rows|selectattr("lead") %}{{ r|md_row(' + f"{stt}, {money}" + ') }}\n{% endfor %}{% endfor %}'
    batched = '{% for s in view.sections %}{% set out = s.rows|selectattr("lead")|md_rows(' + f"{stt}, {money}" + ') %}{% if out %}{{ out }}\n{% endif %}{% endfor %}'
    assert _render(plan, tmp_path, batched) == _render(plan, tmp_path, picked)
    loop = '{% for s in view.sections %}{% for r in s.rows|rejectattr("lead") %}{{ r|html_row(' + f"{stt}, {money}" + ') }}\n\n{% endfor %}{% endfor %}'
    batch = '{% for s in view.sections %}{{ s.rows|rejectattr("lead")|html_rows(' + f"{stt}, {money}" + ') }}{% endfor %}'
    html_loop, html_batch = _render(plan, tmp_path, loop, "html"), _render(plan, tmp_path, batch, "html")
    assert html_batch.replace("\n", "") == html_loop.replace("\n", "") and '<tr class="item">' in html_loop


@pytest.mark.parametrize("rows", ["[1, 2]", "view.sections", "[view.sections[0].rows[0], 'x']", '"text"'])
def test_the_batch_row_filters_refuse_what_is_not_the_views_rows(plan, tmp_path, rows):
    for template in (f"{{{{ {rows}|md_rows(true, true) }}}}", f"{{{{ {rows}|html_rows(true, true) }}}}"):
        failure = _refused(plan, tmp_path, template)
        assert "TypeError" in failure.reason or "AttributeError" in failure.reason
    assert _render(plan, tmp_path, "{{ []|md_rows(true, true) }}|{{ []|html_rows(true, true) }}") == "|"


def test_a_provinces_markdown_template_may_include_the_built_in_body(tmp_path):
    # The README's way: a plan.md.j2 of one's own around cchc's plan-body.md.j2, which needs no name but view.
    (tmp_path / "plan.md.j2").write_text("# {{ view.plan.plan.title }}\n{% include \"plan-body.md.j2\" %}\n", encoding="utf-8")
    plan = load_plan(PLAN).plan
    markdown = render_plan(plan, "md", template_dir=tmp_path)
    assert markdown.startswith("# KẾ HOẠCH") and "| Nhiệm vụ | Mã | Sản phẩm |" in markdown and "Cộng mục I: 40 triệu đồng" in markdown


def test_a_plan_template_copied_before_prints_the_heading_over_the_table_once(tmp_path):
    # A plan.html.j2 copied before the headings moved over the table prints the whole of view.prose_before; the
    # built-in table template it includes then prints no heading of its own.
    old = (ROOT / "tests" / "data" / "render" / "plan-before-table-heads.html.j2")
    (tmp_path / "plan.html.j2").write_text(old.read_text(encoding="utf-8"), encoding="utf-8")
    plan = load_plan(ROOT / "tests" / "data" / "valid" / "ke-hoach-so-tu-phap.yaml").plan
    page = render_plan(plan, "html", template_dir=tmp_path)
    assert page.count("II. NHIỆM VỤ TRỌNG TÂM") == 1
    # Its own way of joining a bare label to its point's text still finds the label before the text.
    assert ">(1) Bám sát chương trình cải cách hành chính của tỉnh.</p>" in page
    assert render_plan(plan, "html").count("II. NHIỆM VỤ TRỌNG TÂM") == 1


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
            return [int(child) for child in handle.read().split()]
    except OSError:
        return []


def _running(pid: int) -> bool:
    """Whether process *pid* runs (a zombie, ended and not yet reaped, does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="no /proc to find the child in")
def test_a_templates_child_ends_with_its_parent(tmp_path):
    # SIGTERM to `cchc render` ended it (exit 143), and its child ran the endless template on for two minutes,
    # its temporary folder left in TMPDIR.
    import shutil
    import signal
    import subprocess
    import sys

    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "cchc" / "templates", templates)
    page = templates / "plan.html.j2"
    endless = "{% for i in range(99999) %}{% for j in range(99999) %}{% if j == -1 %}x{% endif %}{% endfor %}{% endfor %}"
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", endless + "</body>", 1), encoding="utf-8")
    command = [sys.executable, "-m", "cchc", "render", "--plan", str(PLAN), "--template-dir", str(templates), "-o", str(tmp_path / "x.html")]
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(scratch)}
    parent = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not _children(parent.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        (child,) = _children(parent.pid)
        time.sleep(0.5)  # the child is running the template
        parent.send_signal(signal.SIGTERM)
        assert parent.wait(timeout=30) != 0
        deadline = time.monotonic() + 10
        while _running(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _running(child), f"child {child} still runs after its parent ended"
        assert not (tmp_path / "x.html").exists()
        assert list(scratch.iterdir()) == []  # its temporary folder removed too: SIGTERM ends cchc through its cleanup
    finally:
        parent.kill()
        parent.wait()
