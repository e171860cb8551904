"""Synthetic CCHC plans of any size, for the benchmark.

``generate_plan(n_items, seed)`` returns the YAML text of a valid plan shaped
like plans/2021.yaml: the decision, the plan header (its total is the sum of
the items and its total in words matches), a registry of 63 provinces x 20
departments plus the 2021 plan's group agencies, and sections -> tasks ->
items whose deadlines use every wording of cchc's deadline grammar.
Deterministic for a seed.

    python benchmarks/generate.py 10000 -o benchmarks/out/plan-10000.yaml
    python benchmarks/generate.py 200 --count 60 --one-province -o benchmarks/out/province/   # 60 plans, seeds 0-59
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from decimal import Decimal
from pathlib import Path

from cchc.money import MILLION, amount_in_words

YEAR = 2021
ITEMS_PER_SECTION = 300  # 100,000 items -> 334 sections, within the 399 that ^[IVXLC]+$ can number

PROVINCES = [
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre",
    "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk",
    "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh",
    "Hải Dương", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum",
    "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình",
    "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh",
    "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa",
    "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
]
CITIES = ["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ"]  # "thành phố", not "tỉnh"

# (full name, short form); {u} is "tỉnh Hà Giang" or "thành phố Hà Nội", {p} the bare place name.
DEPARTMENTS = [
    ("Sở Nội vụ {u}", "SNV {p}"),
    ("Sở Tư pháp {u}", "STP {p}"),
    ("Sở Tài chính {u}", "STC {p}"),
    ("Sở Kế hoạch và Đầu tư {u}", "Sở KH&ĐT {p}"),
    ("Sở Khoa học và Công nghệ {u}", "Sở KH&CN {p}"),
    ("Sở Thông tin và Truyền thông {u}", "Sở TT&TT {p}"),
    ("Sở Công Thương {u}", "SCT {p}"),
    ("Sở Xây dựng {u}", "SXD {p}"),
    ("Sở Giao thông vận tải {u}", "Sở GTVT {p}"),
    ("Sở Tài nguyên và Môi trường {u}", "Sở TN&MT {p}"),
    ("Sở Nông nghiệp và Phát triển nông thôn {u}", "Sở NN&PTNT {p}"),
    ("Sở Lao động - Thương binh và Xã hội {u}", "Sở LĐ-TB&XH {p}"),
    ("Sở Văn hóa, Thể thao và Du lịch {u}", "Sở VH, TT&DL {p}"),
    ("Sở Giáo dục và Đào tạo {u}", "Sở GD&ĐT {p}"),
    ("Sở Y tế {u}", "SYT {p}"),
    ("Sở Ngoại vụ {u}", "SNgV {p}"),
    ("Thanh tra {u}", "TTr {p}"),
    ("Ban Dân tộc {u}", "BDT {p}"),
    ("Văn phòng Ủy ban nhân dân {u}", "VP UBND {u}"),
    ("Ủy ban nhân dân {u}", "UBND {u}"),
]

# The 2021 plan's group agencies (names with commas, several short forms).
GROUPS = [
    ("Các sở, ban, ngành", ["Sở, ban, ngành"]),
    ("Các sở, ban, ngành có liên quan", ["Các sở, ngành có liên quan"]),
    ("Ủy ban nhân dân huyện, thành phố", ["UBND huyện, thành phố", "UBND các huyện, thành phố", "UBND cấp huyện"]),
    ("Ủy ban nhân dân xã, phường, thị trấn", ["UBND xã, phường, thị trấn", "UBND cấp xã"]),
    ("Bộ phận tiếp nhận và Trả kết quả cấp huyện, cấp xã", []),
    ("Các cơ quan, đơn vị có liên quan", []),
    ("Các đơn vị có liên quan", []),
    ("Các cơ quan nhà nước thuộc tỉnh", []),
    ("Các cơ quan ngành dọc trên địa bàn tỉnh", []),
    ("Các đơn vị sự nghiệp công lập", []),
]

SECTION_TITLES = [
    "CẢI CÁCH THỂ CHẾ",
    "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
    "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC",
    "XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC",
    "CẢI CÁCH TÀI CHÍNH CÔNG",
    "HIỆN ĐẠI HÓA HÀNH CHÍNH",
    "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
]
TASK_TITLES = [
    "Xây dựng Kế hoạch công tác cải cách hành chính năm 2021",
    "Xây dựng Kế hoạch rà soát văn bản quy phạm pháp luật trên địa bàn tỉnh.",
    "Triển khai các đề án, chuyên đề về cải cách hành chính.",
    "Thực hiện rà soát, đơn giản hoá thủ tục hành chính thuộc thẩm quyền của UBND tỉnh",
    "Tiếp nhận, xử lý, phản ánh, kiến nghị của tổ chức, cá nhân về quy định thủ tục hành chính",
    "Công khai thủ tục hành chính",
    "Sắp xếp tổ chức lại đơn vị sự nghiệp công lập",
    "Thực hiện cơ chế một cửa, một cửa liên thông",
    "Đẩy mạnh việc cung cấp dịch vụ công trực tuyến mức độ 3, 4",
    "Áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn ISO 9001:2015",
    "Tuyên truyền cải cách hành chính",
    "Kiểm tra công tác cải cách hành chính",
    "Đánh giá kết quả thực hiện cải cách hành chính",
]
HEADS = [
    "Kế hoạch", "Báo cáo kết quả", "Quyết định ban hành quy định về", "Tổ chức thực hiện",
    "Triển khai", "Tiếp tục thực hiện", "Rà soát, đánh giá", "Xây dựng", "Kiểm tra việc thực hiện",
    "Hướng dẫn, đôn đốc", "Tổng hợp, thẩm định, đánh giá, xếp loại", "Tham mưu",
]
OBJECTS = [
    "rà soát văn bản quy phạm pháp luật", "công tác cải cách hành chính",
    "kiểm soát thủ tục hành chính", "rà soát, đơn giản hóa thủ tục hành chính",
    "cơ chế một cửa, một cửa liên thông", "bồi dưỡng cán bộ, công chức, viên chức",
    "ứng dụng công nghệ thông tin trong hoạt động của các cơ quan hành chính nhà nước",
    "cung cấp dịch vụ công trực tuyến mức độ 3, 4",
    "áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2015",
    "chấm điểm Chỉ số cải cách hành chính", "tinh giản biên chế theo Nghị định số 108/2014/NĐ-CP",
    "sắp xếp các đơn vị sự nghiệp công lập", "cơ chế tự chủ, tự chịu trách nhiệm",
    "tuyên truyền cải cách hành chính", "Chương trình Chuyển đổi số",
    "quản lý tổ chức bộ máy, biên chế công chức, vị trí việc làm",
]
SCOPES = [
    "trên địa bàn tỉnh {p}", "của các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố",
    "tại Trung tâm Phục vụ hành chính công tỉnh {p}",
    "tại Bộ phận Tiếp nhận và Trả kết quả cấp huyện, cấp xã",
    "trong các cơ quan nhà nước cấp tỉnh, cấp huyện", "của Ủy ban nhân dân các xã, phường, thị trấn",
]
TAILS = [
    "năm 2021", "giai đoạn 2021-2025, định hướng đến năm 2030",
    "theo Quyết định số 960/QĐ-UBND ngày 18/4/2018 của UBND tỉnh", "theo chỉ đạo của Chính phủ",
    "theo Nghị định số 107, 108/2020/NĐ-CP của Chính phủ",
    "với nội dung: đánh giá, xếp loại, công bố kết quả",
    "đạt tỷ lệ hài lòng “5 tại chỗ” từ 80% trở lên",
]
BUDGET_NOTES = ["Theo dự án", "Theo kế hoạch", "Theo đề án"]
PROVINCE = "Thái Bình"  # the 2021 plan's
QUARTERS = ["I", "II", "III", "IV"]

# One generator per wording of cchc/deadlines.py; the first items of a plan use each in turn.
DEADLINES = [
    lambda r: f"Tháng {r.randint(1, 12)}/{YEAR}",
    lambda r: f"Tháng {r.randint(1, 12):02d}/{YEAR}",
    lambda r: "Tháng {}, {}/{}".format(*sorted(r.sample(range(1, 13), 2)), YEAR),
    lambda r: f"Quý {r.choice(QUARTERS)}/{YEAR}",
    lambda r: "Quý {}, {}/{}".format(*(QUARTERS[q] for q in sorted(r.sample(range(4), 2))), YEAR),
    lambda r: f"6 tháng đầu năm {YEAR}",
    lambda r: f"6 tháng cuối năm {YEAR}",
    lambda r: f"Năm {YEAR}",
    lambda r: f"Trong năm {YEAR}",
    lambda r: f"Trước ngày {r.randint(1, 28)}/{r.randint(1, 12)}/{YEAR}",
    lambda r: f"Ngày {r.randint(1, 28)}/{r.randint(1, 12)}/{YEAR}",
    lambda r: "Thường xuyên",
    lambda r: "Hàng năm",
    lambda r: "Hàng quý",
    lambda r: "Hàng tháng",
    lambda r: "Định kỳ",
    lambda r: "Sau khi có văn bản của Chính phủ",
    lambda r: "Theo kế hoạch",
    lambda r: "Theo quy định",
]


# How many items of plans/2021.yaml have 1, 2, 3 lead agencies (the 5 with none are blank
# cells, left out here), and 0-3 partners.
LEAD_WEIGHTS = (31, 4, 1)
PARTNER_WEIGHTS = (8, 26, 4, 3)


def roman(number: int) -> str:
    """1 -> "I", 399 -> "CCCXCIX"."""
    if not 1 <= number <= 3999:
        raise ValueError(f"no Roman numeral for {number}")
    result = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, number = divmod(number, value)
        result += letters * count
    return result


def agency_registry(one_province: bool = False) -> list[tuple[str, list[str], bool]]:
    """(name, short forms, is a group) of every agency: 63 x 20 departments, then the groups.

    With *one_province*, Thái Bình's 20 departments and the groups only: what a
    plan of one of its departments names.
    """
    places = [(p, f"tỉnh {p}") for p in PROVINCES] + [(c, f"thành phố {c}") for c in CITIES]
    if one_province:
        places = [(p, u) for p, u in places if p == PROVINCE]
    agencies = [(name.format(u=u, p=p), [short.format(u=u, p=p)], False) for p, u in places for name, short in DEPARTMENTS]
    return agencies + [(name, short, True) for name, short in GROUPS]


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _product(r: random.Random) -> str:
    place = r.choice(PROVINCES)
    target = r.randint(60, 250)
    text = f"{r.choice(HEADS)} {r.choice(OBJECTS)}"
    if r.random() < 0.7:
        text += f" {r.choice(SCOPES)} {r.choice(TAILS)}".format(p=place)
    while len(text) < target:
        clause = f"{r.choice(HEADS).lower()} {r.choice(OBJECTS)} {r.choice(SCOPES)}".format(p=place)
        if len(text) + len(clause) > 247:  # room for "; " and a final "."
            break
        text += "; " + clause
    return text + "." if r.random() < 0.5 else text


def _budget(r: random.Random) -> int | Decimal | str | None:
    x = r.random()
    if x < 0.40:
        return r.randint(1, 500)
    if x < 0.45:
        return Decimal(r.randint(0, 99)) + Decimal("0.5")
    if x < 0.70:
        return r.choice(BUDGET_NOTES)
    return None


def _decision(lines: list[str], total, words: str) -> None:
    lines += [
        "decision:",
        '  number: "3669/QĐ-UBND"',
        '  date: "2020-12-31"',
        '  place: "Thái Bình"',
        '  issuer: "ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH"',
        '  authority: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH"',
        '  title: "Về việc phê duyệt Kế hoạch công tác cải cách hành chính năm 2021 (kế hoạch tổng hợp)."',
        "  legal_bases:",
        '    - "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;"',
        '    - "Thực hiện Văn bản số 6459/BNV-CCHC ngày 07 tháng 12 năm 2020 của Bộ Nội vụ về việc hướng dẫn xây dựng Kế hoạch và báo cáo cải cách hành chính định kỳ năm 2021;"',
        '    - "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 2994/TTr-SNV ngày 24/12/2020."',
        "  articles:",
        "    - number: 1",
        "      paragraphs:",
        '        - "Phê duyệt kèm theo Quyết định này Kế hoạch công tác cải cách hành chính năm 2021."',
        "    - number: 2",
        "      paragraphs:",
        '        - "Giao Sở Nội vụ hướng dẫn, kiểm tra, đôn đốc các sở, ban, ngành trong việc tổ chức, triển khai thực hiện Kế hoạch này."',
        "    - number: 3",
        "      paragraphs:",
        '        - "Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành."',
        "  signer:",
        '    authority: "KT. CHỦ TỊCH"',
        '    position: "PHÓ CHỦ TỊCH"',
        '    name: "Lại Văn Hoàn"',
        "  recipients:",
        '    - "Như Điều 3;"',
        '    - "Bộ Nội vụ;"',
        '    - "Lưu: VT, NC."',
        "",
        "plan:",
        '  title: "KẾ HOẠCH CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2021 (TỔNG HỢP)"',
        '  subtitle: "(Ban hành kèm theo Quyết định số 3669 /QĐ-UBND ngày 31 tháng 12 năm 2020)"',
        f"  year: {YEAR}",
        f"  total_million_vnd: {total}",
        f"  total_in_words: {_q(words)}",
        "",
    ]


def generate_plan(n_items: int, seed: int = 0, one_province: bool = False) -> str:
    """The YAML text of a valid plan of *n_items* items (naming one province's agencies only, with *one_province*)."""
    if n_items < 1:
        raise ValueError("a plan needs at least one item")
    r = random.Random(seed)
    registry = agency_registry(one_province)
    n_sections = min(399, max(-(-n_items // ITEMS_PER_SECTION), min(7, n_items)))
    body = ["sections:"]
    total = 0
    made = 0
    for s in range(n_sections):
        numeral = roman(s + 1)
        in_section = n_items * (s + 1) // n_sections - n_items * s // n_sections
        body += [f"  - numeral: {numeral}", f"    title: {_q(SECTION_TITLES[s % len(SECTION_TITLES)])}", "    tasks:"]
        k = task = 0
        while k < in_section:
            task += 1
            body += [f'      - number: "{task}"', f"        title: {_q(r.choice(TASK_TITLES))}", "        items:"]
            for _ in range(min(r.randint(1, 8), in_section - k)):
                k += 1
                # As many agencies per item as the 2021 plan names: mostly one lead and one partner.
                n_lead = r.choices((1, 2, 3), LEAD_WEIGHTS)[0]
                n_partners = r.choices((0, 1, 2, 3), PARTNER_WEIGHTS)[0]
                picked = r.sample(registry, n_lead + n_partners)  # distinct agencies: no repeated-agency warning
                deadline = DEADLINES[made % len(DEADLINES) if made < len(DEADLINES) else r.randrange(len(DEADLINES))](r)
                body += [f"          - id: {numeral}-{k}", f"            product: {_q(_product(r))}"]
                for role, agencies in (("lead", picked[:n_lead]), ("partners", picked[n_lead:])):
                    if agencies:
                        body.append(f"            {role}:")
                        body += [f"              - {_q(r.choice([name, *short]))}" for name, short, _ in agencies]
                body.append(f"            deadline: {_q(deadline)}")
                budget = _budget(r)
                if isinstance(budget, str):
                    body.append(f"            budget: {_q(budget)}")
                elif budget is not None:
                    body.append(f"            budget: {budget}")
                    total += budget
                if r.random() < 0.01:
                    body.append(f"            note: {_q('Ô kinh phí gộp với dòng trên trong bản gốc; giữ nguyên văn.')}")
                made += 1
    lines = [f"# Synthetic CCHC plan: {n_items} items, seed {seed}{', one province' if one_province else ''} (benchmarks/generate.py).", ""]
    if total == int(total):
        total = int(total)  # 29629, not 29629.0
    _decision(lines, total, amount_in_words(total * MILLION))
    lines.append("agencies:")
    for name, short, group in registry:
        lines.append(f"  - name: {_q(name)}")
        if short:
            lines.append("    short:")
            lines += [f"      - {_q(s)}" for s in short]
        if group:
            lines.append("    group: true")
    lines.append("")
    return "\n".join(lines + body) + "\n"


def plan_from_2021(n_items: int) -> str:
    """The YAML text of a plan of *n_items* items built from the 2021 plan: its items repeated in their
    tasks, copy after copy, each copy's ids suffixed (I-1-0, I-1-1, ...), its total scaled with them.

    Its texts repeat as a province's plans repeat their agencies and wordings; the 2021 plan's warnings
    (items with no lead) repeat with them.
    """
    import copy

    import yaml

    root = Path(__file__).resolve().parent.parent
    plan = yaml.load((root / "plans" / "2021.yaml").read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    tasks = [task for section in plan["sections"] for task in section["tasks"]]
    originals = [(task, task["items"]) for task in tasks]
    for task in tasks:
        task["items"] = []
    made, copies = 0, 0
    while made < n_items:
        for task, items in originals:
            for item in items[: n_items - made]:
                repeated = copy.deepcopy(item)
                repeated["id"] = f"{item['id']}-{copies}"
                task["items"].append(repeated)
                made += 1
        copies += 1
    total = plan["plan"]["total_million_vnd"] * copies
    plan["plan"]["total_million_vnd"] = total
    plan["plan"]["total_in_words"] = amount_in_words(total * MILLION)

    class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
        def ignore_aliases(self, data):
            return True

    header = f"# {n_items} items built from plans/2021.yaml, {copies} copies (benchmarks/generate.py --from-2021).\n"
    return header + yaml.dump(plan, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1 << 16)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a valid synthetic CCHC plan of N items (or --count such plans).")
    parser.add_argument("n_items", type=int, metavar="N")
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: standard output); with --count, a directory")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--count", type=int, help="write this many plans, seeds SEED, SEED+1, …, as plan-001.yaml … in the --output directory")
    parser.add_argument("--from-2021", action="store_true", help="the 2021 plan's items repeated (see plan_from_2021), not random ones")
    parser.add_argument("--one-province", action="store_true",
                        help=f"the registry holds {PROVINCE}'s 20 departments and the groups only (30 agencies), as a department's plan")
    args = parser.parse_args(argv)
    if args.count is not None:
        if args.output is None:
            parser.error("--count needs --output DIRECTORY")
        args.output.mkdir(parents=True, exist_ok=True)
        for k in range(args.count):
            text = generate_plan(args.n_items, args.seed + k, args.one_province)
            (args.output / f"plan-{k + 1:03d}.yaml").write_text(text, encoding="utf-8")
        return 0
    text = plan_from_2021(args.n_items) if args.from_2021 else generate_plan(args.n_items, args.seed, args.one_province)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
