"""Help texts of every command and option, keyed "help:cchc COMMAND [OPTION]".

The CLI sets them on the command tree in the chosen language; a test checks
that every command and every option has one in both languages.
"""

#: The help of --plan, every command's (the progress commands' too).
PLAN_HELP = (
    "Tệp kế hoạch [mặc định: plans/2021.yaml ở thư mục hiện tại, hoặc ở thư mục gần nhất bên trên trong cùng kho git; "
    "nếu không có, kế hoạch 2021 kèm theo chương trình; biến môi trường CCHC_PLAN].",
    "Plan file [default: plans/2021.yaml in the current folder, or in the nearest folder above it in the same git "
    "repository; if there is none, the bundled 2021 plan; environment variable CCHC_PLAN].",
)
_FORMAT_ITEMS = (
    "Định dạng: table (bảng; văn bản thẳng hàng khi không in ra màn hình), json hoặc csv.",
    "Output format: table (plain aligned text when not a terminal), json or csv.",
)
_BOM = (
    "Với --format csv: thêm dấu BOM UTF-8 ở đầu để Excel đọc đúng tiếng Việt.",
    "With --format csv: start with a UTF-8 byte-order mark, so that Excel reads Vietnamese.",
)
_SECTION = ("Mục: nhãn như trong kế hoạch (I, II, 1.1 …) hoặc số thứ tự 1, 2, ….", "A section: its label as the plan writes it (I, II, 1.1 …) or its position 1, 2, ….")
_AGENCY = (
    "Tên cơ quan, tên viết tắt hoặc chữ cái đầu (STTTT, VPUBND); không phân biệt hoa thường, có dấu hay không.",
    "An agency's name, short form or initials (STTTT, VPUBND); case and diacritics do not matter.",
)
_PROGRESS = (
    "Sổ theo dõi tiến độ [mặc định: tệp <kế hoạch>.progress.yaml bên cạnh kế hoạch, nếu có].",
    "Progress log [default: <plan>.progress.yaml beside the plan, when there is one].",
)
_PENDING = ("Bỏ các nhiệm vụ đã hoàn thành hoặc hủy bỏ (theo sổ theo dõi tiến độ).", "Leave out the items done or cancelled (by the progress log).")
_TODAY = ("Coi ngày này là hôm nay (YYYY-MM-DD hoặc DD/MM/YYYY), để kết quả lặp lại được.", "Take this date as today (YYYY-MM-DD or DD/MM/YYYY), for reproducible runs.")

MESSAGES = {
    "help:cchc": (
        "Quản lý kế hoạch cải cách hành chính (CCHC) dưới dạng tệp YAML: kiểm tra, tra cứu nhiệm vụ đến hạn "
        "và cơ quan thực hiện, tổng hợp kinh phí, in văn bản.",
        "Keep a Vietnamese administrative-reform (CCHC) work plan as YAML: validate it, ask it what is due "
        "and who does what, total its budget, print it.",
    ),
    "help:cchc --version": ("Hiện phiên bản rồi thoát.", "Show the version and exit."),
    "help:cchc --lang": (
        "Ngôn ngữ hiển thị: vi (mặc định) hoặc en; cũng đặt được bằng biến môi trường CCHC_LANG.",
        "Language of what cchc prints: vi (default) or en; CCHC_LANG sets it too.",
    ),
    "help:cchc --help": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
    # validate
    "help:cchc validate": (
        "Kiểm tra tệp kế hoạch: an toàn của YAML, cấu trúc, cơ quan, thời hạn và kinh phí.\n\n"
        "Mỗi vấn đề được in dạng tệp:dòng:cột: mức độ [MÃ] nội dung. Mã thoát 0 khi không có lỗi, "
        "1 khi có lỗi (hoặc có cảnh báo khi dùng --strict), 2 khi không đọc được tệp.",
        "Check plan files: YAML safety, the schema, agencies, deadlines and totals.\n\n"
        "Every problem is printed as file:line:col: severity [CODE] message. Exit 0 when there are no "
        "errors, 1 when there are (or warnings with --strict), 2 when a file cannot be read.",
    ),
    "help:cchc validate plans": (
        "Các tệp kế hoạch [mặc định: $CCHC_PLAN, plans/2021.yaml, hoặc kế hoạch kèm theo].",
        "Plan files [default: $CCHC_PLAN, plans/2021.yaml, or the bundled plan].",
    ),
    "help:cchc validate --format": (
        "Định dạng: text, json hoặc github [mặc định: text; github khi GITHUB_ACTIONS=true].",
        "Output format: text, json or github [default: text; github when GITHUB_ACTIONS=true].",
    ),
    "help:cchc validate --strict": ("Coi cảnh báo như lỗi (mã thoát 1).", "Treat warnings as errors (exit 1)."),
    "help:cchc validate --plan": ("Tệp kế hoạch, như ở các lệnh khác (dùng được nhiều lần).", "Plan file, as for the other commands (may be repeated)."),
    "help:cchc validate --plans-only": (
        "Bỏ qua các tệp YAML không phải kế hoạch; sổ theo dõi tiến độ được kiểm tra cùng kế hoạch của nó (dùng cho pre-commit).",
        "Skip YAML files that are not plans; a progress log is checked with its plan (for pre-commit, which passes every YAML file).",
    ),
    "help:cchc validate --today": ("Coi ngày này là hôm nay khi kiểm tra sổ theo dõi tiến độ (YYYY-MM-DD hoặc DD/MM/YYYY).", "Take this date as today when checking the progress log (YYYY-MM-DD or DD/MM/YYYY)."),
    "help:cchc validate --progress": (
        "Sổ theo dõi tiến độ của kế hoạch (một kế hoạch) [mặc định: tệp <kế hoạch>.progress.yaml cạnh tệp kế hoạch, nếu có].",
        "The plan's progress log (one plan) [default: <plan>.progress.yaml beside the plan, when there is one].",
    ),
    "help:cchc validate --help": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
    "help:cchc schema": (
        "In JSON Schema của tệp kế hoạch (cho trình soạn thảo và các công cụ kiểm tra khác); tên và mô tả các "
        "khóa theo ngôn ngữ đã chọn, cấu trúc thì không đổi.",
        "Print the JSON Schema of a plan file (for editors and other validators); the keys' titles and descriptions "
        "follow the chosen language, its structure does not.",
    ),
    "help:cchc schema --help": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
    # due
    "help:cchc due": (
        "Liệt kê các nhiệm vụ đến hạn trong một tháng hoặc một khoảng tháng.\n\n"
        "Một kỳ đến hạn vào ngày cuối cùng của kỳ: \"Quý II/2021\" rơi vào tháng 06/2021. Không ghi kỳ thì "
        "liệt kê từ tháng hiện tại trở đi. Sắp xếp theo hạn chót, rồi theo thứ tự trong kế hoạch.",
        "List the items due in a month or a range of months.\n\n"
        "A period is due on its last day: \"Quý II/2021\" falls in 2021-06. With no period, lists what is "
        "due from the current month on. Sorted by due date, then plan order.",
    ),
    "help:cchc due --month": ("Một tháng: 2021-06 hoặc 06/2021.", "A month: 2021-06 or 06/2021."),
    "help:cchc due --from": ("Tháng đầu của khoảng (2021-04).", "First month of a range (2021-04)."),
    "help:cchc due --to": ("Tháng cuối của khoảng (2021-06).", "Last month of a range (2021-06)."),
    "help:cchc due --today": _TODAY,
    "help:cchc due --include-ongoing": (
        "Liệt kê thêm các nhiệm vụ không có hạn chót (thường xuyên, theo kế hoạch, sau sự kiện …), trừ việc chỉ bắt đầu sau kỳ hỏi.",
        "Also list the items with no due date (ongoing, as planned, after an event …), except those that start after the period.",
    ),
    "help:cchc due --pending": _PENDING,
    "help:cchc due --progress": _PROGRESS,
    "help:cchc due --plan": PLAN_HELP,
    "help:cchc due --format": _FORMAT_ITEMS,
    "help:cchc due --bom": _BOM,
    "help:cchc due --help": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
    # list
    "help:cchc list": (
        "Liệt kê nhiệm vụ, lọc theo cơ quan và vai trò, mục, nội dung (các điều kiện kết hợp với nhau).\n\n"
        "Một cơ quan thuộc một nhóm (\"Các sở, ban, ngành\") cũng thấy các nhiệm vụ giao cho nhóm đó.",
        "List items, filtered by agency and role, section and text (filters combine).\n\n"
        "An agency in a group (\"Các sở, ban, ngành\") also sees the items given to that group.",
    ),
    "help:cchc list --agency": _AGENCY,
    "help:cchc list --role": (
        "Cùng --agency: nhiệm vụ cơ quan chủ trì (lead), phối hợp (partner) hoặc cả hai (any).",
        "With --agency: the items it leads (lead), supports (partner) or either (any).",
    ),
    "help:cchc list --direct": (
        "Cùng --agency: chỉ các nhiệm vụ ghi đích danh cơ quan, không tính qua nhóm.",
        "With --agency: only the items that name the agency itself, not through a group.",
    ),
    "help:cchc list --section": _SECTION,
    "help:cchc list --search": (
        "Chữ cần tìm trong sản phẩm hoặc nhiệm vụ (gõ có dấu hay không đều được).",
        "Text to find in the product or task (diacritics optional).",
    ),
    "help:cchc list --status": (
        "Chỉ các nhiệm vụ có tình trạng này vào ngày --today, theo sổ hoặc theo loại cchc report xếp: not_started "
        "(cả nhiệm vụ có hạn chót, chưa đến hạn, chưa làm), in_progress (đang thực hiện), done (hoàn thành), cancelled (hủy bỏ), overdue "
        "(chưa hoàn thành, đã quá hạn), undated (không có hạn chót) (dùng được nhiều lần; viết mã hoặc chữ, ví dụ "
        "--status \"hoàn thành\").",
        "Only the items with this status as of --today, as logged or as cchc report classes them: not_started (also "
        "dated, not yet due, nothing done), in_progress, done, cancelled, overdue (not done, a due date passed), "
        "undated (no due date) (may be repeated; the code or the words, e.g. --status \"in progress\").",
    ),
    "help:cchc list --pending": _PENDING,
    "help:cchc list --today": (
        "Tính tình trạng vào ngày này (YYYY-MM-DD hoặc DD/MM/YYYY) [mặc định: hôm nay].",
        "Take statuses as of this date (YYYY-MM-DD or DD/MM/YYYY) [default: today].",
    ),
    "help:cchc list --progress": _PROGRESS,
    "help:cchc list --plan": PLAN_HELP,
    "help:cchc list --format": _FORMAT_ITEMS,
    "help:cchc list --bom": _BOM,
    "help:cchc list --help": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
    # show
    "help:cchc show": ("In đầy đủ một nhiệm vụ.", "Print one item in full."),
    "help:cchc show item_id": ("Mã nhiệm vụ, ví dụ I-3 (không phân biệt hoa thường).", "Item id, e.g. I-3 (case does not matter)."),
    "help:cchc show --today": (
        "Tính tình trạng vào ngày này (YYYY-MM-DD hoặc DD/MM/YYYY) [mặc định: hôm nay].",
        "Take the status as of this date (YYYY-MM-DD or DD/MM/YYYY) [default: today].",
    ),
    "help:cchc show --progress": _PROGRESS,
    "help:cchc show --plan": PLAN_HELP,
    "help:cchc show --format": _FORMAT_ITEMS,
    "help:cchc show --bom": _BOM,
    "help:cchc show --help": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
    # agencies, sections
    "help:cchc agencies": (
        "Mọi cơ quan cùng số nhiệm vụ chủ trì, phối hợp (trực tiếp và qua nhóm) và kinh phí chủ trì.\n\n"
        "Kinh phí của một nhiệm vụ chỉ tính cho cơ quan chủ trì được ghi đầu tiên.",
        "Every agency with the items it leads and supports (directly and through a group), and the budget it leads.\n\n"
        "An item's amount counts under its first-named lead agency only.",
    ),
    "help:cchc agencies --plan": PLAN_HELP,
    "help:cchc agencies --format": _FORMAT_ITEMS,
    "help:cchc agencies --bom": _BOM,
    "help:cchc agencies --help": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
    "help:cchc sections": ("Từng mục cùng số nhiệm vụ và kinh phí.", "Each section with its number of items and its budget."),
    "help:cchc sections --plan": PLAN_HELP,
    "help:cchc sections --format": _FORMAT_ITEMS,
    "help:cchc sections --bom": _BOM,
    "help:cchc sections --help": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
    # budget
    "help:cchc budget": (
        "Tổng hợp kinh phí so với tổng kinh phí công bố: theo mục, nhiệm vụ và cơ quan chủ trì.\n\n"
        "Liệt kê các nhiệm vụ ghi kinh phí bằng chữ (\"Theo dự án\") hoặc để trống. Số tiền tính bằng "
        "triệu đồng; mỗi nhiệm vụ tính cho cơ quan chủ trì được ghi đầu tiên.",
        "Total the budget against the declared figure: by section, task and lead agency.\n\n"
        "Lists every item whose budget is a note (\"Theo dự án\") or blank. Amounts are million VND; an "
        "item counts under its first-named lead agency.",
    ),
    "help:cchc budget --plan": PLAN_HELP,
    "help:cchc budget --format": ("Định dạng: table hoặc json.", "Output format: table or json."),
    "help:cchc budget --help": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
    # render
    "help:cchc render": (
        "In kế hoạch thành văn bản: HTML (khổ A4, như văn bản chính thức), Markdown, PDF hoặc Word.",
        "Print the plan as a document: HTML (A4, like the official document), Markdown, PDF or Word.",
    ),
    "help:cchc render --format": (
        "html (trình duyệt, máy in), md (kho mã), pdf hoặc docx; mặc định theo đuôi tệp -o, nếu không là html.",
        "html (browser, printer), md (repository), pdf or docx; by default from -o's extension, else html.",
    ),
    "help:cchc render --output": (
        "Ghi ra tệp này (ghi trọn vẹn một lần) thay vì in ra màn hình; không bao giờ ghi đè tệp kế hoạch.",
        "Write to this file (atomically) instead of standard output; never over the plan file.",
    ),
    "help:cchc render --plan": PLAN_HELP,
    "help:cchc render --section": ("Chỉ in mục này (I, II, … hoặc 1, 2, …).", "Render only this section (I, II, … or 1, 2, …)."),
    "help:cchc render --agency": (
        "Chỉ in các nhiệm vụ cơ quan này chủ trì hoặc phối hợp, kể cả nhiệm vụ giao cho nhóm có cơ quan đó (như cchc list).",
        "Render only the items this agency leads or supports, those given to a group it belongs to included (as cchc list).",
    ),
    "help:cchc render --direct": (
        "Cùng --agency: chỉ các nhiệm vụ ghi đích danh cơ quan, không tính qua nhóm.",
        "With --agency: only the items that name the agency itself, not through a group.",
    ),
    "help:cchc render --template-dir": (
        "Thư mục mẫu in riêng, thay mẫu có sẵn cùng tên tệp (chạy trong môi trường cách ly).",
        "Directory of templates that override the built-in ones by file name (run sandboxed).",
    ),
    "help:cchc render --help": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
    # init
    "help:cchc init": (
        "Tạo một tệp kế hoạch mẫu có chú thích, hợp lệ ngay, theo loại văn bản; không ghi đè tệp đã có nếu không có --force."
        " Chú thích viết bằng ngôn ngữ đã chọn (--lang); các giá trị luôn bằng tiếng Việt, như văn bản.",
        "Write a commented starter plan of the chosen kind that validates; never over an existing file without --force."
        " The comments are in the chosen language (--lang); the values stay in Vietnamese, as the document's.",
    ),
    "help:cchc init --kind": (
        "Loại văn bản: quyet-dinh (quyết định phê duyệt kế hoạch) hoặc ke-hoach (kế hoạch ban hành riêng).",
        "Kind of document: quyet-dinh (a decision approving the plan) or ke-hoach (a plan issued on its own).",
    ),
    "help:cchc init --output": ("Ghi ra tệp mới này thay vì in ra màn hình.", "Write to this new file instead of standard output."),
    "help:cchc init --force": ("Ghi đè tệp đã có.", "Write over an existing file."),
    "help:cchc init --year": (
        "Năm của kế hoạch (mặc định 2026): tên, năm, ngày và thời hạn của mẫu đổi theo năm đó.",
        "The plan's year (default 2026): the starter's title, year, dates and deadlines move to it.",
    ),
    "help:cchc init --help": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
}
