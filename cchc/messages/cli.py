"""Messages of the command line: errors, notes, periods."""

MESSAGES = {
    "cli.bad-lang": ("cchc: ngôn ngữ {value!q} không có; dùng --lang vi hoặc --lang en", "cchc: no language {value!q}; use --lang vi or --lang en"),
    "cli.progress-one-plan": (
        "--progress là sổ theo dõi của một kế hoạch: chỉ ghi một kế hoạch cùng với nó (số kế hoạch đã ghi: {count})",
        "--progress is one plan's progress log: give one plan with it (plans given: {count})",
    ),
    "cli.lang-twice": ("cchc: --lang chỉ được ghi một lần (lần thứ hai: {value!q})", "cchc: --lang may be given once (the second: {value!q})"),
    "cli.bad-lang-env": ("cchc: CCHC_LANG={value!q} không phải ngôn ngữ có sẵn; đặt vi hoặc en", "cchc: CCHC_LANG={value!q} is not a language cchc speaks; set vi or en"),
    "cli.lang-missing": ("cchc: --lang cần một giá trị: vi hoặc en", "cchc: --lang needs a value: vi or en"),
    "cli.internal": (
        "cchc: lỗi nội bộ ({kind}); đây là lỗi của chương trình, xin báo cho người phát triển",
        "cchc: internal error ({kind}); this is a bug in cchc, please report it",
    ),
    "cli.no-stdout": ("đầu ra chuẩn (stdout) đã bị đóng", "standard output is closed"),
    "cli.cannot-write-output": ("không ghi được kết quả: {reason}", "cannot write the output: {reason}"),
    "cli.more-errors": ("… và {count!n} lỗi nữa", "… and {count!n} more {count:|error|errors}"),
    "cli.more-warnings": ("… và {count!n} cảnh báo nữa", "… and {count!n} more {count:|warning|warnings}"),
    "cli.plan-has-errors": (
        "{path}: kế hoạch có lỗi; chạy `cchc validate {quoted}` để xem đầy đủ",
        "{path}: the plan has errors; run `cchc validate {quoted}` for the full report",
    ),
    "cli.agency-ambiguous": ("{name!q} khớp với nhiều cơ quan; hãy ghi cụ thể hơn:", "{name!q} matches several agencies; be more specific:"),
    "cli.agency-part": ("{name!q} là một phần tên của {agency!q}: các nhiệm vụ dưới đây là của cơ quan này",
                        "{name!q} is part of the name {agency!q}: the items below are that agency's"),
    "cli.agency-none": ("không có cơ quan nào khớp với {name!q}", "no agency matches {name!q}"),
    "cli.closest-names": ("Các tên gần nhất:", "Closest names:"),
    "cli.list-agencies": ("(`cchc agencies` liệt kê mọi cơ quan)", "(`cchc agencies` lists them all)"),
    "cli.no-section": (
        "không có mục {wanted!q}; kế hoạch có các mục {known} (hoặc số thứ tự 1–{count})",
        "no section {wanted!q}; the plan has sections {known} (or 1–{count})",
    ),
    "cli.bad-year": ("{value!q}: năm {year} nằm ngoài khoảng {low}–{high}", "{value!q}: year {year} is outside {low}–{high}"),
    "cli.bad-month-number": ("{value!q}: không có tháng {month} (tháng từ 1 đến 12)", "{value!q}: there is no month {month} (months are 1-12)"),
    "cli.no-plans-among": (
        "lưu ý: không tệp nào trong {count} tệp được đưa vào là kế hoạch (--plans-only bỏ qua tệp không có khóa gốc "
        "plan, decision, sections hay agencies): không kiểm tra gì",
        "note: none of the {count} file(s) given is a plan (--plans-only skips a file with no top-level plan, decision, "
        "sections or agencies key): nothing was checked",
    ),
    "cli.month-is-period": (
        "{value!q} là một kỳ, không phải một tháng; để xem cả kỳ, dùng {use}",
        "{value!q} is a period, not a month; for the whole period, use {use}",
    ),
    "cli.month-is-period.from": (
        "{value!q} là một kỳ, không phải một tháng; kỳ ấy bắt đầu từ {use}",
        "{value!q} is a period, not a month; it starts at {use}",
    ),
    "cli.month-is-period.to": (
        "{value!q} là một kỳ, không phải một tháng; kỳ ấy kết thúc ở {use}",
        "{value!q} is a period, not a month; it ends at {use}",
    ),
    "cli.bad-month": (
        "{value!q} không phải là tháng; viết YYYY-MM (2021-06) hoặc MM/YYYY (06/2021)",
        "{value!q} is not a month; write YYYY-MM (2021-06) or MM/YYYY (06/2021)",
    ),
    "cli.bad-date": (
        "{value!q} không phải là ngày; viết YYYY-MM-DD (2021-06-15) hoặc DD/MM/YYYY (15/06/2021)",
        "{value!q} is not a date; write YYYY-MM-DD (2021-06-15) or DD/MM/YYYY (15/06/2021)",
    ),
    # Written as a date, but not one on the calendar: said so, not "not a date; write DD/MM/YYYY" as it was.
    "cli.no-such-day": ("{value!q}: tháng {month}/{year} không có ngày {day}", "{value!q}: there is no day {day} in month {month} of {year}"),
    "cli.month-or-range": ("dùng --month hoặc --from/--to, không dùng cả hai", "give either --month or --from/--to, not both"),
    "cli.from-after-to": ("--from {first} sau --to {last}", "--from {first} is after --to {last}"),
    "period.month": ("tháng {month}", "in {month}"),
    "period.between": ("từ tháng {first} đến tháng {last}", "between {first} and {last}"),
    "period.from": ("từ tháng {first} trở đi", "from {first} on"),
    "period.until": ("đến hết tháng {last}", "up to {last}"),
    "cli.nothing-due": ("Không có nhiệm vụ nào đến hạn {period}.", "No items due {period}."),
    "cli.nothing-due.pending": (
        "Không có nhiệm vụ nào đến hạn {period} mà chưa hoàn thành hoặc hủy bỏ: {count} nhiệm vụ đến hạn trong thời gian đó đã hoàn thành hoặc hủy bỏ.",
        "No items due {period} that are not done or cancelled: the {count} {count:|item|items} due in that time {count:|is|are} done or cancelled.",
    ),
    "cli.nothing-due.pending-outside": (
        "Không có nhiệm vụ nào đến hạn {period} mà chưa hoàn thành hoặc hủy bỏ: những nhiệm vụ như thế đến hạn từ tháng {first} đến tháng {last} "
        "(ví dụ cchc due --pending --month {example}).",
        "No items due {period} that are not done or cancelled: such items fall due from {first} to {last} "
        "(for example cchc due --pending --month {example}).",
    ),
    "cli.nothing-due.pending-both": (
        "Không có nhiệm vụ nào đến hạn {period} mà chưa hoàn thành hoặc hủy bỏ: {count} nhiệm vụ đến hạn trong thời gian đó đã hoàn thành hoặc "
        "hủy bỏ; những nhiệm vụ chưa hoàn thành hoặc hủy bỏ đến hạn từ tháng {first} đến tháng {last} (ví dụ cchc due --pending --month {example}).",
        "No items due {period} that are not done or cancelled: the {count} {count:|item|items} due in that time {count:|is|are} done or "
        "cancelled; the items that are not fall due from {first} to {last} (for example cchc due --pending --month {example}).",
    ),
    "cli.nothing-due.outside": (
        "Không có nhiệm vụ nào đến hạn {period}: các nhiệm vụ của kế hoạch đến hạn từ tháng {first} đến tháng {last} "
        "(ví dụ cchc due --month {example}).",
        "No items due {period}: the plan's items fall due from {first} to {last} (for example cchc due --month {example}).",
    ),
    "cli.role-needs-agency": ("--role cần đi kèm --agency", "--role needs --agency"),
    "cli.direct-needs-agency": ("--direct cần đi kèm --agency", "--direct needs --agency"),
    "cli.nothing-matches": ("Không có nhiệm vụ nào phù hợp.", "No items match."),
    "cli.no-item": ("không có nhiệm vụ mã {id!q}", "no item {id!q}"),
    "cli.no-item-suggest": ("không có nhiệm vụ mã {id!q}; có phải là {suggestions}?", "no item {id!q}; did you mean {suggestions}?"),
    "cli.cannot-write": ("{path}: không ghi được: {reason}", "{path}: cannot write: {reason}"),
    "cli.wrote": ("đã ghi {path}", "wrote {path}"),
    "write.directory": ("{path}: là một thư mục; hãy ghi tên tệp", "{path}: is a directory; give a file name"),
    "init.use-plan": (
        "để các lệnh khác đọc kế hoạch này, hãy chỉ tên tệp: cchc validate {quoted}, cchc due --plan {quoted} …, "
        "hoặc đặt biến môi trường CCHC_PLAN={quoted}",
        "for other commands to read this plan, name it: cchc validate {quoted}, cchc due --plan {quoted} …, "
        "or set CCHC_PLAN={quoted}",
    ),
    "init.bad-year": ("năm {year} không phải năm của một kế hoạch (2000–2100)", "{year} is not a plan's year (2000–2100)"),
    "cli.bundled-plan": (
        "đang đọc kế hoạch 2021 kèm theo cchc (không có plans/2021.yaml); để đọc {found} hãy dùng --plan {quoted} hoặc CCHC_PLAN",
        "reading the 2021 plan that comes with cchc (there is no plans/2021.yaml); to read {found}, give --plan {quoted} or CCHC_PLAN",
    ),
    "cli.bundled-plans": (
        "đang đọc kế hoạch 2021 kèm theo cchc (không có plans/2021.yaml); ở đây còn có kế hoạch {found}: hãy chọn một bằng --plan TỆP hoặc CCHC_PLAN",
        "reading the 2021 plan that comes with cchc (there is no plans/2021.yaml); there are other plans here, {found}: choose one with --plan FILE or CCHC_PLAN",
    ),
    "cli.validate-which": (
        "không nêu tệp nào: ở đây có kế hoạch riêng ({found}), nên cchc không kiểm tra thay bằng kế hoạch 2021 kèm "
        "theo nó; hãy nêu tệp cần kiểm tra: cchc validate {quoted}",
        "no file given: there are plans of one's own here ({found}), so cchc does not check its bundled 2021 plan in "
        "their place; name the files to check: cchc validate {quoted}",
    ),
    "write.no-directory": (
        "{path}: không có thư mục {directory!q} để ghi vào; hãy tạo thư mục đó trước (mkdir -p)",
        "{path}: there is no folder {directory!q} to write into; make it first (mkdir -p)",
    ),
    "write.not-regular": (
        "{path}: không phải tệp thông thường; hãy ghi ra một tệp, hoặc bỏ -o để in ra màn hình",
        "{path}: is not a regular file; write to a file, or leave out -o for standard output",
    ),
    "write.special-directory": (
        "{path}: không có tệp này, và {directory} là nơi của thiết bị và tiến trình, không phải của tệp; hãy ghi ra một tệp ở thư mục khác",
        "{path}: there is no such file, and {directory} holds devices and processes, not files; write to a file in another folder",
    ),
    "write.not-regular.log": (
        "{path}: không phải tệp thông thường; sổ theo dõi tiến độ phải là một tệp",
        "{path}: is not a regular file; a progress log must be a file",
    ),
    "write.input": ("{path}: không ghi đè lên tệp đang được đọc", "{path}: refusing to overwrite a file being read"),
    "write.bad-path": ("{path}: không dùng được đường dẫn này: {reason}", "{path}: cannot use this path: {reason}"),
    "write.read-only": (
        "{path}: tệp chỉ đọc (đã bỏ quyền ghi), không ghi đè; muốn thay tệp này thì cho phép ghi (ví dụ `chmod u+w {quoted}`) hoặc ghi ra tệp khác",
        "{path}: the file is read-only, so it is not overwritten; to replace it, make it writable (e.g. `chmod u+w {quoted}`) or write another file",
    ),
    "write.exists": ("{path}: tệp đã có; dùng --force để ghi đè", "{path}: the file exists; use --force to overwrite it"),
    "cli.format-from-extension": (
        "không ghi được tệp {path} theo đuôi {suffix}: lệnh này ghi tệp {choices}; hãy đổi đuôi tệp hoặc chọn --format",
        "cannot write {path} by its extension {suffix}: this command writes {choices} files; change the extension or give --format",
    ),
    "cli.output-is-yaml": (
        "không ghi vào {path}: tệp đuôi {suffix} là tệp kế hoạch hoặc sổ theo dõi tiến độ, lệnh này không bao giờ ghi đè "
        "lên đó; hãy đặt tên tệp có đuôi {choices}",
        "will not write {path}: a {suffix} file is a plan or a progress log, which this command never writes over; "
        "name the file with one of {choices}",
    ),
    "cli.format-from-extension.only": (
        "không ghi được tệp {path} theo đuôi {suffix}: lệnh này chỉ ghi tệp {choices}; hãy đổi đuôi tệp",
        "cannot write {path} by its extension {suffix}: this command writes {choices} files only; change the extension",
    ),
    "cli.format-clash": (
        "--format {format} không khớp với tệp {path} (đuôi tệp là {implied})",
        "--format {format} does not match {path} (its extension means {implied})",
    ),
    "cli.template-dir-docx": (
        "--template-dir: tệp Word do cchc tự dựng, không theo mẫu; các mẫu trong {path} không được dùng",
        "--template-dir: a Word file is built by cchc itself, not from templates; the templates in {path} were not used",
    ),
    "cli.no-template-dir": ("{path}: không có thư mục mẫu này", "{path}: no such template directory"),
    "cli.template-dir-is-file": (
        "{path}: là một tệp, không phải thư mục mẫu (--template-dir nhận thư mục chứa các tệp .j2)",
        "{path}: is a file, not a template directory (--template-dir takes the folder that holds the .j2 files)",
    ),
    "cli.template-error": ("lỗi mẫu in {where}: {why}", "template error at {where}: {why}"),
    # Why a template failed: the engine's own words (Jinja's, in English) are the detail.
    "template.syntax": ("mẫu sai cú pháp Jinja (Jinja báo: {detail})", "the template's Jinja syntax is wrong ({detail})"),
    "template.not-found": ("không tìm thấy mẫu này", "the template is not there"),
    "template.security": (
        "mẫu làm một việc mà hộp cát chạy mẫu không cho phép (Jinja báo: {detail})",
        "the template did something its sandbox does not allow ({detail})",
    ),
    "template.unreadable.outside": ("tệp mẫu {name!q} trỏ ra ngoài thư mục mẫu", "the template file {name!q} points outside the template directory"),
    "template.unreadable.not-regular": ("{name!q} không phải tệp thường (thư mục, FIFO, thiết bị)", "{name!q} is not a regular file (a directory, a FIFO, a device)"),
    "template.unreadable.cannot-read": ("không đọc được tệp mẫu {name!q}: {reason}", "cannot read the template file {name!q}: {reason}"),
    "template.unreadable.too-large": ("tệp mẫu {name!q} lớn hơn 1 MiB", "the template file {name!q} is larger than 1 MiB"),
    "template.unreadable.not-utf8": (
        "tệp mẫu {name!q} không phải UTF-8 (byte thứ {byte}); hãy lưu lại với bảng mã UTF-8",
        "the template file {name!q} is not UTF-8 (at byte {byte}); save it as UTF-8",
    ),
    "template.undefined": ("mẫu dùng một tên không có trong dữ liệu của kế hoạch (Jinja báo: {detail})", "the template uses a name the plan's data does not have ({detail})"),
    "template.time": ("mẫu chạy quá {seconds} giây nên đã bị dừng", "the template ran longer than {seconds} s and was stopped"),
    "template.memory": ("mẫu dùng quá {mib} MiB bộ nhớ nên đã bị dừng", "the template used more than {mib} MiB of memory and was stopped"),
    "template.output": (
        "mẫu viết ra hơn {mib} MiB nên đã bị dừng (bản in của kế hoạch không lớn đến thế)",
        "the template wrote more than {mib} MiB and was stopped (no printed plan is that large)",
    ),
    "template.no-result": ("tiến trình chạy mẫu đã dừng mà không trả về kết quả", "the template's process ended without a result"),
    "template.error": ("mẫu gặp lỗi khi chạy ({detail})", "the template failed while running ({detail})"),
    "cli.binary-to-terminal": (
        "tệp {format} không in ra màn hình được; dùng -o TỆP (hoặc chuyển hướng vào một tệp)",
        "a {format} file cannot be shown on a terminal; use -o FILE (or redirect to a file)",
    ),
    "cli.log-has-errors": (
        "{path}: sổ theo dõi tiến độ có lỗi; chạy `{command}` để xem đầy đủ",
        "{path}: the progress log has errors; run `{command}` for the full report",
    ),
    "cli.log-unreadable": ("{path}: không đọc được sổ theo dõi tiến độ", "{path}: cannot read the progress log"),
    "cli.pdf-stopped": (
        "WeasyPrint chưa dàn trang xong sau {seconds} giây nên đã dừng, không ghi tệp nào (một dòng cao hơn cả trang có thể "
        "làm việc dàn trang bảng không dừng); hãy in bằng --format html từ trình duyệt, hoặc dùng --format docx",
        "WeasyPrint had not finished the layout after {seconds} s and was stopped; nothing was written (a row taller than "
        "a page can keep its table layout from ending); print --format html from a browser, or use --format docx",
    ),
    "cli.pdf-unavailable": (
        "không tạo được PDF: {reason}; cài WeasyPrint và thư viện Pango (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0)",
        "cannot make a PDF: {reason}; install WeasyPrint and the Pango libraries (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0)",
    ),
    "cli.pdf-temporary": (
        "không tạo được PDF: không ghi được các tệp tạm của nó (phông chữ): {reason}",
        "cannot make the PDF: its temporary files (fonts) cannot be written: {reason}",
    ),
    "cli.os-error-nameless": (
        "cchc: không dùng được một tệp hay thư mục cần thiết: {reason} (thư mục đang làm việc có còn không?)",
        "cchc: cannot use a file or folder it needs: {reason} (does the working folder still exist?)",
    ),
    "cli.os-error": ("{path}: không dùng được tệp: {reason}", "{path}: cannot use the file: {reason}"),
}
