"""Every real plan fits: document kinds, prose, plans without figures, free numbering, default leads, groups, initials."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from cchc.deadlines import parse_deadline
from cchc.load import load_plan
from conftest import DATA, PLAN

DEPARTMENT = DATA / "valid" / "ke-hoach-so-tu-phap.yaml"
DISTRICT = DATA / "valid" / "ke-hoach-huyen.yaml"
MINIMAL = DATA / "valid" / "minimal.yaml"


def records(result) -> list[dict]:
    assert result.exit_code == 0, result
    return json.loads(result.stdout)


def codes(result) -> list[str]:
    return [d["code"] for d in json.loads(result.stdout)["diagnostics"]]


def write(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- kinds


def test_a_plan_issued_on_its_own_prints_as_a_ke_hoach(run):
    html = run("render", "--plan", DEPARTMENT, "-f", "html").stdout
    assert "QUYẾT ĐỊNH" not in html
    assert "Số: 12/KH-STP" in html and "UBND TỈNH THÁI BÌNH" in html and "SỞ TƯ PHÁP" in html
    assert "Thái Bình, ngày 15 tháng 01 năm 2026" in html
    assert "GIÁM ĐỐC" in html and "KT." not in html  # the head signs in their own name
    assert "MỤC ĐÍCH, YÊU CẦU" in html and "TỔ CHỨC THỰC HIỆN" in html
    assert html.index("MỤC ĐÍCH, YÊU CẦU") < html.index("Niêm yết công khai") < html.index("TỔ CHỨC THỰC HIỆN")
    md = run("render", "--plan", DEPARTMENT, "-f", "md").stdout
    assert "Kế hoạch số: 12/KH-STP" in md and "Quyết định số" not in md
    assert "\n## I. MỤC ĐÍCH, YÊU CẦU" in md and "\n(1) Bám sát chương trình" in md  # a bare label opens its point's text
    # Sections under the heading that heads the table, as in the document: ## II. NHIỆM VỤ, then ### 1. …
    assert md.index("\n## II. NHIỆM VỤ TRỌNG TÂM") < md.index("\n### 1\\. Cải cách thể chế")
    assert "#### (1)" not in md
    assert "Bám sát chương trình" in md


def test_fields_a_source_lacks_may_be_absent(run, tmp_path):
    text = DEPARTMENT.read_text(encoding="utf-8")
    for field in ("  number: 12/KH-STP\n", "  date: 2026-01-15\n", "  place: Thái Bình\n"):
        text = text.replace(field, "")
    text = text.replace("  signer:\n    position: GIÁM ĐỐC\n    name: Nguyễn Văn A\n", "")
    path = write(tmp_path, text)
    assert run("validate", path, "-f", "json").exit_code == 0
    html = run("render", "--plan", path).stdout
    assert "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/KH" in html  # the blank kept (no-break spaces: HTML collapses others)
    assert "số:" not in run("render", "--plan", path, "-f", "md").stdout  # no "Kế hoạch số:" with nothing after it


def test_a_plan_inside_a_decisions_first_article(run, tmp_path):
    text = PLAN.read_text(encoding="utf-8").replace("    - number: 1\n      paragraphs:", "    - number: 1\n      paragraphs:", 1)
    text = text.replace("  signer:\n    authority: KT. CHỦ TỊCH", "  plan_in_article: 1\n  signer:\n    authority: KT. CHỦ TỊCH", 1)
    text = text.replace("\nsections:\n", "\nprose_before:\n  - label: I\n    title: MỤC ĐÍCH, YÊU CẦU\n    paragraphs:\n      - Nội dung mục đích.\nsections:\n", 1)
    path = write(tmp_path, text)
    assert run("validate", path).exit_code == 0
    html = run("render", "--plan", path).stdout
    article1 = html.index("Điều 1.")
    assert article1 < html.index("MỤC ĐÍCH, YÊU CẦU") < html.index("CẢI CÁCH THỂ CHẾ") < html.index("Điều 2.")
    # The Markdown too (it printed Điều 2 first, then the plan): the plan inside Điều 1, once.
    md = run("render", "--plan", path, "-f", "md").stdout
    assert md.index("**Điều 1.**") < md.index("MỤC ĐÍCH, YÊU CẦU") < md.index("CẢI CÁCH THỂ CHẾ") < md.index("**Điều 2.**")
    assert md.count("CẢI CÁCH THỂ CHẾ") == 1 and md.count("Tổng cộng (công bố)") == 1
    bad = write(tmp_path, text.replace("plan_in_article: 1", "plan_in_article: 9"), "bad.yaml")
    assert "plan-in-article" in codes(run("validate", bad, "-f", "json"))


# ---------------------------------------------------------------- money


def test_a_plan_without_figures_declares_none(run):
    budget = records(run("budget", "--plan", DEPARTMENT, "-f", "json"))
    assert budget["declared_million_vnd"] is None and budget["difference_million_vnd"] is None
    assert budget["declared_note"] == "Theo nguồn kinh phí thường xuyên"
    assert budget["itemized_million_vnd"] == 0
    text = run("budget", "--plan", DEPARTMENT).stdout
    assert "không công bố tổng kinh phí" in text and "Không nhiệm vụ nào ghi số tiền" in text
    assert not re.search(r"(?<![\d.,])0 (đ|triệu)", text) and "Theo mục" not in text  # no total of nothing, no table of zeros
    assert "No item has a figure" in run("budget", "--plan", DEPARTMENT, "--lang", "en").stdout
    counted = records(run("sections", "--plan", DEPARTMENT, "-f", "json"))
    *body, total = run("sections", "--plan", DEPARTMENT).stdout.rstrip("\n").splitlines()[2:]
    assert total.split() == ["Cộng", "các", "mục", str(sum(s["items"] for s in counted))]  # and no budget
    assert len(body) == len(counted) and all(line.split()[-1] == str(s["items"]) for line, s in zip(body, counted))
    agencies = run("agencies", "--plan", DEPARTMENT).stdout.splitlines()
    assert agencies[0].endswith("Kinh phí chủ trì (triệu đồng)") and all(not line.endswith(" 0") for line in agencies[2:]), agencies
    for fmt in ("html", "md"):
        page = run("render", "--plan", DEPARTMENT, "-f", fmt).stdout
        assert "Không đồng" not in page and "0 đ" not in page and "0đ" not in page, fmt
        assert "Kinh phí dự kiến" not in page and "Kinh phí (triệu đồng)" not in page


def test_the_schema_refuses_a_total_written_as_text(run, tmp_path):
    text = MINIMAL.read_text(encoding="utf-8").replace("total_million_vnd: 12.5", 'total_million_vnd: "12.5"')
    assert "total_million_vnd: \"12.5\"" in text
    assert "schema" in codes(run("validate", write(tmp_path, text), "-f", "json"))
    from cchc.schema import plan_schema

    total = plan_schema()["$defs"]["PlanHeader"]["properties"]["total_million_vnd"]
    assert "string" not in json.dumps(total)


def test_an_amount_probably_in_dong_is_a_warning(run, tmp_path):
    text = MINIMAL.read_text(encoding="utf-8").replace("budget: 10", "budget: 10000000")
    assert "amount-in-dong" in codes(run("validate", write(tmp_path, text), "-f", "json"))


# ---------------------------------------------------------------- numbering


def test_sections_numbered_1_2_3(run):
    found = records(run("list", "--plan", DISTRICT, "--section", "2", "-f", "json"))
    assert [r["id"] for r in found] == ["2.1"]
    assert [r["section"] for r in records(run("sections", "--plan", DISTRICT, "-f", "json"))] == ["1", "2", "3"]
    assert run("list", "--plan", DISTRICT, "--section", "9").exit_code == 1


def test_empty_sections_and_tasks_are_warnings(run, tmp_path):
    text = DEPARTMENT.read_text(encoding="utf-8") + (
        "  # (appended)\n"
    )
    text = text.replace("\nprose_after:", "  - numeral: \"3\"\n    title: Chưa nhập\n  - numeral: \"4\"\n    tasks:\n      - number: \"4.1\"\n        title: Chưa nhập\nprose_after:", 1)
    result = run("validate", write(tmp_path, text), "-f", "json")
    assert result.exit_code == 0, result
    assert sorted(codes(result)) == ["empty-section", "empty-task"]


def test_stt_column(run):
    found = records(run("list", "--plan", DEPARTMENT, "-f", "json"))
    assert [r["stt"] for r in found] == ["1", "2", "3", "4"]
    assert "<th>STT</th>" in run("render", "--plan", DEPARTMENT).stdout


# ---------------------------------------------------------------- agencies


def test_default_lead_is_used_and_shown_as_such(run):
    found = {r["id"]: r for r in records(run("list", "--plan", DEPARTMENT, "-a", "Văn phòng Sở", "--role", "lead", "-f", "json"))}
    assert set(found) == {"1-2", "2-2"}
    assert found["1-2"]["lead"] == ["Văn phòng Sở"] and found["1-2"]["lead_is_default"] is True
    assert found["2-2"]["lead_is_default"] is False
    assert "(mặc định)" in run("list", "--plan", DEPARTMENT, "-a", "VP Sở", "--role", "lead").stdout
    assert "no-lead" not in codes(run("validate", DEPARTMENT, "-f", "json"))


def test_an_agency_sees_the_items_of_its_groups(run):
    via = records(run("list", "-a", "Sở TTTT", "--role", "partner", "-f", "json"))
    groups = {r["id"]: r["via"] for r in via}
    named = [r for r in via if r["via"] == "Các sở, ban, ngành"]
    # 7 items have "Các sở, ban, ngành" as a partner; Sở TTTT leads 3 of them itself, and is not their partner
    assert len(named) == 4, groups
    assert all(r["via"] for r in via)  # Sở TTTT is never a partner by name in 2021
    assert not [r["id"] for r in via if "Sở Thông tin và Truyền thông" in r["lead"]]
    direct = records(run("list", "-a", "Sở TTTT", "--role", "partner", "--direct", "-f", "json"))
    assert direct == []
    lead = records(run("list", "-a", "Sở TTTT", "--role", "lead", "-f", "json"))
    assert len([r for r in lead if r["via"] is None]) == 7
    assert [r["id"] for r in lead if r["via"]] == ["I-2"]  # "Các sở, ban, ngành" lead I-2
    table = run("list", "-a", "Sở TTTT", "--role", "partner").stdout
    assert "(qua nhóm: Các sở, ban, ngành)" in table


def test_agencies_counts_both(run):
    summary = {a["agency"]: a for a in records(run("agencies", "-f", "json"))}
    tttt = summary["Sở Thông tin và Truyền thông"]
    assert tttt["lead"] == 7 and tttt["partner"] == 0
    assert tttt["partner_via_group"] >= 7


def test_groups_members_must_exist_and_not_loop(run, tmp_path):
    text = PLAN.read_text(encoding="utf-8").replace("      - Báo Thái Bình\n  - name: Các sở, ban, ngành có liên quan", "      - Báo Thai Binh\n  - name: Các sở, ban, ngành có liên quan", 1)
    assert "unknown-member" in codes(run("validate", write(tmp_path, text), "-f", "json"))
    loop = PLAN.read_text(encoding="utf-8").replace("      - Sở Nội vụ\n      - Sở Tư pháp\n", "      - Sở Nội vụ\n      - Các sở, ban, ngành có liên quan\n", 1)
    assert "member-cycle" in codes(run("validate", write(tmp_path, loop, "loop.yaml"), "-f", "json"))


def test_members_rule(run, tmp_path):
    from cchc.agencies import AgencyRegistry
    from cchc.load import load_plan

    text = PLAN.read_text(encoding="utf-8").replace(
        "    group: true\n    members:\n      - Sở Nội vụ\n      - Sở Tư pháp\n      - Sở Tài chính\n      - Sở Khoa học và Công nghệ\n"
        "      - Sở Thông tin và Truyền thông\n      - Văn phòng Ủy ban nhân dân tỉnh\n      - Đài Phát thanh và Truyền hình\n      - Báo Thái Bình\n",
        "    group: true\n    members_rule: so-ban-nganh\n",
        1,
    )
    plan = load_plan(write(tmp_path, text)).plan
    registry = AgencyRegistry(plan.agencies)
    group = registry.resolve("Các sở, ban, ngành")
    names = {a.name for a in registry.direct_members(group)}
    assert names == {"Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Khoa học và Công nghệ", "Sở Thông tin và Truyền thông", "Văn phòng Ủy ban nhân dân tỉnh"}


def test_a_districts_offices_by_rule(run, tmp_path):
    """A district's "Các phòng, ban, ngành" holds its Phòng, Ban, Văn phòng and Thanh tra: so-ban-nganh, which
    takes Sở …, left a district to list them by hand."""
    text = DISTRICT.read_text(encoding="utf-8").replace(
        "    members:\n      - Phòng Nội vụ\n      - Văn phòng HĐND và UBND huyện\n      - Phòng Tư pháp\n      - Phòng Tài chính - Kế hoạch\n",
        "    members_rule: phong-ban-nganh\n",
        1,
    )
    assert "phong-ban-nganh" in text
    path = write(tmp_path, text)
    assert run("validate", path).exit_code == 0
    whole = records(run("list", "--plan", path, "-f", "json"))
    given = {r["id"] for r in whole if "Các cơ quan, đơn vị thuộc UBND huyện" in r["partners"]}
    assert given
    for name in ("Phòng Tư pháp", "Văn phòng HĐND và UBND huyện"):
        found = records(run("list", "--plan", path, "-a", name, "--role", "partner", "-f", "json"))
        assert given <= {r["id"] for r in found}
        assert all(r["via"] == "Các cơ quan, đơn vị thuộc UBND huyện" for r in found if r["id"] in given)
    # A province's rule takes no Phòng.
    province = write(tmp_path, text.replace("phong-ban-nganh", "so-ban-nganh"), "province.yaml")
    assert records(run("list", "--plan", province, "-a", "Phòng Tư pháp", "--role", "partner", "-f", "json")) == []


@pytest.mark.parametrize(
    "typed, full",
    [
        ("STTTT", "Sở Thông tin và Truyền thông"),
        ("Sở TT-TT", "Sở Thông tin và Truyền thông"),
        ("sở tttt", "Sở Thông tin và Truyền thông"),
        ("SKHCN", "Sở Khoa học và Công nghệ"),
        ("VPUBND", "Văn phòng Ủy ban nhân dân tỉnh"),
        ("vp ubnd tinh", "Văn phòng Ủy ban nhân dân tỉnh"),
        ("STP", "Sở Tư pháp"),
        ("dai phat thanh", "Đài Phát thanh và Truyền hình"),
    ],
)
def test_initials_people_type(run, typed, full):
    found = records(run("list", "-a", typed, "--direct", "-f", "json"))
    assert found and all(full in r["lead"] + r["partners"] for r in found), (typed, found)


@pytest.mark.parametrize("typed", ["Sở Ngoại vụ", "Sở Tài nguyên", "Sở Tư phán"])
def test_a_name_written_out_is_not_taken_for_its_initials(run, typed):
    # "Sở Ngoại vụ" has the initials SNV, Sở Nội vụ's short form: a name written out that no agency has is no match.
    result = run("list", "-a", typed, "-f", "json")
    assert result.exit_code == 1 and result.stdout == "" and "không có cơ quan nào khớp" in result.stderr, result


# ---------------------------------------------------------------- deadlines


def test_recurring_deadlines_come_due(run):
    december = [r["id"] for r in records(run("due", "--month", "2021-12", "-f", "json"))]
    assert "II-5" in december  # "Hàng năm": now due at the year's end
    ongoing = records(run("due", "--month", "2021-12", "--include-ongoing", "-f", "json"))
    undated = [r["id"] for r in ongoing if not r["deadline"]["due"]]
    assert "II-5" not in undated and "II-3" in undated  # "Thường xuyên" stays ongoing
    quarterly = records(run("due", "--from", "2026-01", "--to", "2026-12", "--plan", DEPARTMENT, "-f", "json"))
    one = next(r for r in quarterly if r["id"] == "1-1")
    assert one["deadline"]["due"] == ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"]
    # 05/06, 20/06, then the two due on 30/06 in the plan's order.
    assert [r["id"] for r in records(run("due", "--month", "2026-06", "--plan", DISTRICT, "-f", "json"))] == ["1.1", "3.1", "1.2", "2.1"]


def test_a_blank_deadline_is_never_ongoing(run):
    ongoing = records(run("due", "--month", "2021-06", "--include-ongoing", "-f", "json"))
    blank = [r for r in ongoing if r["id"] == "IV-4"]
    assert blank and blank[0]["deadline"] == {"text": "", "kind": "unspecified", "due": []}
    table = run("due", "--month", "2021-06", "--include-ongoing").stdout
    assert "để trống" in table


def test_a_date_far_from_the_plans_year_is_a_warning(run, tmp_path):
    text = PLAN.read_text(encoding="utf-8").replace("deadline: Tháng 4/2021", "deadline: Tháng 6/2012", 1)
    result = run("validate", write(tmp_path, text), "-f", "json")
    assert result.exit_code == 0 and "deadline-year" in codes(result)


def test_an_unknown_wording_quotes_it_and_suggests_a_form(run, tmp_path):
    text = PLAN.read_text(encoding="utf-8").replace("deadline: Tháng 4/2021", "deadline: Qúy hai năm 2021 xong", 1)
    result = run("validate", write(tmp_path, text), "-f", "json")
    problem = next(d for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "deadline")
    assert "Qúy hai năm 2021 xong" in problem["message"]
    assert run("budget", "--plan", tmp_path / "plan.yaml").exit_code == 1  # an error stops the queries


# ---------------------------------------------------------------- YAML people write


def test_an_unquoted_colon_says_to_quote(run, tmp_path):
    text = MINIMAL.read_text(encoding="utf-8").replace("product: ", "product: Triển khai nội dung sau: tuyên truyền ", 1)
    result = run("validate", write(tmp_path, text), "-f", "json")
    problem = json.loads(result.stdout)["diagnostics"][0]
    assert problem["code"] == "yaml-syntax" and "ngoặc kép" in problem["message"]


def test_a_date_written_day_first_is_told_the_form(run, tmp_path):
    text = DEPARTMENT.read_text(encoding="utf-8").replace("date: 2026-01-15", "date: 15/01/2026")
    problem = json.loads(run("validate", write(tmp_path, text), "-f", "json").stdout)["diagnostics"][0]
    assert "2021-12-15" in problem["message"] and problem["line"] == 9


def test_status_in_the_plan_says_how_to_move_it(run, tmp_path):
    text = MINIMAL.read_text(encoding="utf-8").replace("budget: 10\n", "budget: 10\n            status: done\n", 1)
    result = run("validate", write(tmp_path, text), "-f", "json")
    problem = next(d for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "status-in-plan")
    assert "cchc progress" in problem["message"] and "--status done" in problem["message"]


@pytest.mark.parametrize("status, code", [("hoàn thành", "done"), ("đang thực hiện", "in_progress"), ("planned", "not_started"), ("xem lại", "'xem lại'"),
                                          ("", "done")])  # "status:" left blank: "--status None" in the first version
def test_status_in_the_plan_in_words_is_given_as_its_code(run, tmp_path, status, code):
    # A review caught "--status hoàn thành" given as it was written: two words, an extra-argument error when typed.
    text = MINIMAL.read_text(encoding="utf-8").replace("budget: 10\n", f"budget: 10\n            status: {status}\n", 1)
    problem = next(d for d in json.loads(run("validate", write(tmp_path, text), "-f", "json").stdout)["diagnostics"] if d["code"] == "status-in-plan")
    assert f"--status {code} --on" in problem["message"]


def test_status_in_the_plan_gives_a_command_that_records_it(run, tmp_path):
    # The message said "--on NGÀY" with the day in the file, and no --plan: `progress` then read the bundled plan.
    text = MINIMAL.read_text(encoding="utf-8").replace("budget: 10\n", "budget: 10\n            status: done\n            completed_on: 2026-03-02\n", 1)
    folder = tmp_path / "kế hoạch"
    folder.mkdir()
    plan = write(folder, text)
    problems = [d for d in json.loads(run("validate", plan, "-f", "json").stdout)["diagnostics"] if d["code"] == "status-in-plan"]
    assert len(problems) == 2
    command = re.search(r"`(cchc progress [^`]*)`", problems[0]["message"])[1]
    assert "--on 2026-03-02 --plan" in command
    # Once the fields are gone, the command the message gives records the entry in the plan's own log.
    plan.write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    result = run(*shlex.split(command)[1:])
    assert result.exit_code == 0, result
    assert "2026-03-02" in plan.with_name(plan.stem + ".progress.yaml").read_text(encoding="utf-8")


# ---------------------------------------------------------------- init and render's small things


@pytest.mark.parametrize("typed, kind", [("quyết định", "decision:"), ("Kế hoạch", None), ("KE_HOACH", None), ("quyet dinh", "decision:")])
def test_init_takes_the_kind_in_words(run, tmp_path, typed, kind):
    # "--kind quyết định" was refused: only the codes "quyet-dinh" and "ke-hoach" were taken.
    result = run("init", "--kind", typed, "-o", tmp_path / "k.yaml")
    assert result.exit_code == 0, result
    text = (tmp_path / "k.yaml").read_text(encoding="utf-8")
    assert ("\ndecision:" in text) == (kind is not None)
    assert run("init", "--kind", "quyết", "-o", tmp_path / "q.yaml").exit_code == 2


@pytest.mark.parametrize("kind", ["quyet-dinh", "ke-hoach"])
def test_init_writes_a_starter_that_validates(run, tmp_path, kind):
    path = tmp_path / f"{kind}.yaml"
    assert run("init", "--kind", kind, "-o", path).exit_code == 0
    result = run("validate", path, "-f", "json")
    assert result.exit_code == 0, result
    assert [d for d in json.loads(result.stdout)["diagnostics"] if d["severity"] == "error"] == []
    before = path.read_bytes()
    again = run("init", "--kind", kind, "-o", path)
    assert again.exit_code == 2 and path.read_bytes() == before
    assert "--force" in again.stderr
    path.write_text("# cũ\n", "utf-8")
    forced = run("init", "--kind", kind, "-o", path, "--force")
    assert forced.exit_code == 0 and path.read_bytes() == before


@pytest.mark.parametrize("kind", ["quyet-dinh", "ke-hoach"])
def test_init_comments_are_in_the_chosen_language_and_the_values_are_not(run, tmp_path, kind):
    import yaml

    from cchc.cli.init import starter_comments

    english = starter_comments("en")
    vi = run("init", "--kind", kind, "--lang", "vi").stdout
    en = run("init", "--kind", kind, "--lang", "en").stdout
    assert yaml.safe_load(en) == yaml.safe_load(vi) and len(en.splitlines()) == len(vi.splitlines())
    field = re.compile(r"^\s*(-\s|[a-z_]+:|…$|$)")  # a commented-out field, list entry or value: not a note
    notes = 0
    for vi_line, en_line in zip(vi.splitlines(), en.splitlines()):
        vi_note = vi_line.rsplit("#", 1)[-1] if "#" in vi_line else ""
        if not vi_note or field.match(vi_note.strip()) or vi_note.startswith(" yaml-language-server"):
            assert en_line == vi_line
            continue
        notes += 1
        en_note = en_line.rsplit("#", 1)[-1].strip()
        assert en_line.split("#")[0] == vi_line.split("#")[0], en_line  # the value before the note is kept
        assert en_note != vi_note.strip() and en_note == english.get(vi_note.strip()), en_line  # every note has its English
    assert notes >= 8
    path = tmp_path / "plan.yaml"
    assert run("init", "--kind", kind, "-o", path, env={"CCHC_LANG": "en"}).exit_code == 0
    assert path.read_text(encoding="utf-8") == en
    assert run("validate", path).exit_code == 0


def test_render_takes_its_format_from_the_extension(run, tmp_path):
    out = tmp_path / "plan.md"
    assert run("render", "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# KẾ HOẠCH")
    clash = run("render", "--format", "html", "-o", tmp_path / "x.md")
    assert clash.exit_code == 2 and not (tmp_path / "x.md").exists()


@pytest.mark.parametrize(
    "args, name",
    [
        (["render"], "x.odt"),
        (["render"], "x.txt"),
        (["render"], "x.yaml"),
        (["report", "--period", "6T/2021"], "bc.odt"),
        (["report", "--period", "6T/2021"], "bc.csv"),
        (["calendar"], "lich.pdf"),
        (["calendar"], "lich.html"),
    ],
)
def test_an_extension_the_command_does_not_write_is_refused(run, tmp_path, args, name):
    result = run(*args, "-o", tmp_path / name)
    assert result.exit_code == 2 and not (tmp_path / name).exists()
    assert name in result.stderr and "Traceback" not in result.stderr
    # The message names the extensions that work ("table" is a format, not something to name a file by).
    written = {"render": ".html, .htm, .md, .markdown, .pdf, .docx", "report": ".txt, .json, .md, .markdown, .html, .htm, .pdf, .docx",
               "calendar": ".ics"}[args[0]]
    said = (f"hãy đặt tên tệp có đuôi {written}",) if name.endswith(".yaml") else (f"ghi tệp {written};", f"chỉ ghi tệp {written};")
    assert any(words in result.stderr for words in said), result.stderr


def test_an_explicit_format_or_no_extension_is_written(run, tmp_path):
    assert run("render", "--format", "md", "-o", tmp_path / "ke-hoach.odt").exit_code == 0
    assert (tmp_path / "ke-hoach.odt").read_text("utf-8").startswith("# KẾ HOẠCH")
    assert run("render", "-o", tmp_path / "ke-hoach").exit_code == 0
    assert (tmp_path / "ke-hoach").read_text("utf-8").startswith("<!DOCTYPE html>")
    assert run("calendar", "-o", tmp_path / "lich.ics").exit_code == 0


@pytest.mark.parametrize("kind", ["ke-hoach", "quyet-dinh"])
def test_init_writes_the_starter_for_the_year_asked(run, tmp_path, kind):
    path = tmp_path / "plan.yaml"
    assert run("init", "--kind", kind, "--year", "2027", "-o", path).exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert "2026" not in text.replace("2026-12-31", "") and "năm 2027" in text.lower()
    assert run("validate", path).exit_code == 0
    plan = load_plan(path).plan
    assert plan.plan.year == 2027 and all(d.year == 2027 for _, _, item in plan.items() for d in parse_deadline(item.deadline, 2027).due)
    assert run("init", "--year", "1999").exit_code == 2


@pytest.mark.parametrize("year", ["abc", "2021.5", "", "２０２７", "02021", "99999"])
def test_a_year_that_is_no_year_is_told_in_the_users_language(run, year):
    # --year was click's int: "abc" got pydantic-like English ("Input should be a valid integer…") in the Vietnamese message.
    vi, en = run("init", "--year", year), run("--lang", "en", "init", "--year", year)
    assert vi.exit_code == en.exit_code == 2 and vi.stdout == en.stdout == ""
    shown = year or '""'
    assert f"năm {shown} không phải năm của một kế hoạch (2000–2100)" in vi.stderr and "Input" not in vi.stderr
    assert f"{shown} is not a plan's year (2000–2100)" in en.stderr


def test_a_year_with_spaces_around_is_that_year(run):
    # As click's int read it before cchc read --year itself.
    result = run("init", "--year", " 2027 ")
    assert result.exit_code == 0 and "năm 2027" in result.stdout.lower()


def test_due_with_ongoing_work_says_when_nothing_dated_falls_due(run):
    # August 2021 has no dated item: the table showed only the ongoing group, never saying the month had none.
    result = run("due", "--month", "2021-08", "--include-ongoing")
    assert result.exit_code == 0 and "Không có nhiệm vụ nào đến hạn tháng 08/2021." in result.stderr
    assert "để trống" in result.stdout
    june = run("due", "--month", "2021-06", "--include-ongoing")
    assert "Không có nhiệm vụ nào đến hạn" not in june.stderr and "Đến hạn tháng 06/2021" in june.stdout
    assert records(run("due", "--month", "2021-08", "--include-ongoing", "-f", "json"))  # JSON: the list, as before


@pytest.mark.parametrize("typed", ["S.Nội vụ", "Sở N.vụ"])
def test_a_name_abbreviated_with_a_full_stop_is_found(run, typed):
    found = records(run("list", "-a", typed, "--direct", "-f", "json"))
    assert found and all("Sở Nội vụ" in r["lead"] + r["partners"] for r in found)


def test_a_task_heading_tasks_numbered_under_it_is_no_empty_task(run, tmp_path):
    # "1 | Xây dựng văn bản" over rows "1.1 …", "1.2 …" or "- …" (a table's layout, as `import` reads it): task 1 has no item
    # of its own and heads those; "empty-task" said it had no product. A task not followed by its sub-tasks still is.
    tasks = (
        "      - number: \"{n}\"\n        title: Nhóm {n}\n        items: []\n"
        "      - title: Việc {n}.1\n        items:\n          - id: X-{n}\n            stt: \"{under}\"\n"
        "            product: Báo cáo {n}\n            lead: [Văn phòng Sở]\n            deadline: Quý II/2026\n"
    )
    heading = tasks.format(n="7", under="7.1")
    bulleted = tasks.format(n="6", under="-")  # "6" over rows marked "-", with no number: its parts
    lone = tasks.format(n="8", under="9")  # "8" then "9": no sub-task of 8
    numbered = "      - number: \"5\"\n        title: Nhóm 5\n        items: []\n      - number: \"5.1\"\n        title: Việc 5.1\n        items:\n          - id: X-5\n            product: Báo cáo 5\n            lead: [Văn phòng Sở]\n"
    text = DEPARTMENT.read_text(encoding="utf-8").replace(
        "\nprose_after:", "  - numeral: \"3\"\n    title: Thêm\n    tasks:\n" + heading + bulleted + lone + numbered + "prose_after:", 1
    )
    result = run("validate", write(tmp_path, text), "-f", "json")
    assert result.exit_code == 0, result
    empty = [d for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "empty-task"]
    assert len(empty) == 1 and "Nhóm 8" in empty[0]["message"], empty
