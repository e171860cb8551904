"""Messages of the progress log, the periodic report and the calendar: problems, outputs, command-line words, help.

Vietnamese is written as the users' own reports write it: hoàn thành đúng hạn,
hoàn thành quá hạn, quá hạn, đang thực hiện, chưa thực hiện, không có hạn chót,
hủy bỏ, tỷ lệ hoàn thành, kỳ báo cáo.
"""

from cchc.messages.help import PLAN_HELP

_HELP = ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit.")
_PROGRESS = (
    "Sổ theo dõi tiến độ [mặc định: tệp <kế hoạch>.progress.yaml cạnh tệp kế hoạch, ví dụ plans/2021.progress.yaml].",
    "Progress log [default: <plan>.progress.yaml beside the plan, e.g. plans/2021.progress.yaml].",
)
_TODAY = ("Coi ngày này là hôm nay (YYYY-MM-DD hoặc DD/MM/YYYY), để kết quả lặp lại được.", "Take this date as today (YYYY-MM-DD or DD/MM/YYYY), for reproducible runs.")

MESSAGES = {
    # ------------------------------------------------------------ problems of the log
    "progress-schema": ("mục ghi tiến độ không hợp lệ", "invalid progress entry"),
    "progress-schema.list": (
        "sổ theo dõi tiến độ phải là một danh sách các mục ghi, mỗi mục bắt đầu bằng \"- id: …\"",
        "a progress log is a list of entries, each starting with \"- id: …\"",
    ),
    "progress-schema.entry": (
        "mỗi mục ghi tiến độ phải là một nhóm trường (id, status, …) bắt đầu bằng \"- id: …\"",
        "each progress entry is a mapping of id, status, date, evidence and note, starting with \"- id: …\"",
    ),
    "progress-schema.field": ("trường {field!q} không có trong mục ghi tiến độ; các trường là: {fields}", "unknown field {field!q} in a progress entry; the fields are: {fields}"),
    "progress-schema.missing": ("mục ghi tiến độ thiếu trường {field}", "the progress entry has no {field}"),
    "progress-schema.id": (
        "mã nhiệm vụ {value!q} không hợp lệ; ghi mã như trong kế hoạch, trong ngoặc kép, ví dụ id: \"I-3\"",
        "item id {value!q} is not valid; write the plan's id in double quotes, e.g. id: \"I-3\"",
    ),
    "progress-schema.long": (
        "{field} dài {length} ký tự, quá giới hạn {limit} ký tự; hãy viết ngắn lại (văn bản dài để trong một tệp riêng, ghi tên tệp vào evidence)",
        "{field} is {length} characters long, over the limit of {limit}; shorten it (keep a long text in a file of its own and name it in evidence)",
    ),
    "progress-schema.text": ("{field} phải là chữ (ghi trong ngoặc kép), nhưng đang là {value!q}", "{field} must be text (in double quotes), got {value!q}"),
    "progress-status.word": (
        "tình trạng {value!q} là {status}: sổ theo dõi ghi mã, không ghi chữ; hãy viết status: {status}",
        "status {value!q} means {status}: a progress log holds the code, not words; write status: {status}",
    ),
    "progress-status": (
        "tình trạng {value!q} không hợp lệ; dùng một trong: {choices}",
        "status {value!q} is not valid; use one of: {choices}",
    ),
    "progress-date": (
        "ngày {value!q} không hợp lệ; viết theo dạng năm-tháng-ngày, ví dụ 2021-06-10",
        "date {value!q} is not valid; write it year-month-day, e.g. 2021-06-10",
    ),
    "progress-date.month": ("ngày {value!q}: không có tháng {month} (tháng từ 1 đến 12)", "date {value!q}: there is no month {month} (months are 1-12)"),
    "progress-date.day": (
        "ngày {value!q}: tháng {month}/{year} không có ngày {day}",
        "date {value!q}: there is no day {day} in month {month} of {year}",
    ),
    "progress-date.year": (
        "ngày {value!q} có năm ngoài khoảng {low}–{high}",
        "date {value!q} has a year outside {low}–{high}",
    ),
    "progress-date.done": ("mục ghi hoàn thành của nhiệm vụ {id!q} phải ghi ngày hoàn thành", "the done entry of item {id!q} needs the date it was done"),
    "progress-date.missing": (
        "mục ghi của nhiệm vụ {id!q} không có ngày; mục ghi này được tính từ đầu kỳ, trước mọi mục ghi có ngày",
        "the entry of item {id!q} has no date; it counts from the start, before every dated entry",
    ),
    "progress-more": (
        "và {count!n} vấn đề khác trong sổ từ đây trở đi không được liệt kê; sửa các vấn đề trên rồi chạy lại",
        "and {count!n} more problems in the log from here on are not listed; fix those above and run again",
    ),
    "progress-year": (
        "mục của nhiệm vụ {id} ghi ngày {date!d}, cách năm của kế hoạch ({year}) hơn một năm; kiểm tra lại ngày",
        "the entry for {id} is dated {date!d}, more than a year from the plan's year ({year}); check the date",
    ),
    "progress-duplicate": (
        "mục này của nhiệm vụ {id} giống hệt mục thứ {first} của sổ, ở dòng {at} (cùng tình trạng, ngày, văn bản, ghi chú)",
        "this entry for {id} is the same as entry {first} of the log, on line {at} (status, date, evidence and note)",
    ),
    "progress-early": (
        "ngày {date!d} của nhiệm vụ {id!q} trước ngày ban hành kế hoạch {since!d}",
        "date {date!d} of item {id!q} is before the plan's date {since!d}",
    ),
    "progress-future": (
        "ngày {date!d} của nhiệm vụ {id!q} sau ngày hôm nay {today!d}: chỉ ghi tiến độ khi việc đã xảy ra",
        "date {date!d} of item {id!q} is after today, {today!d}: record progress once it happens",
    ),
    "progress-second-log": (
        "sổ theo dõi tiến độ thứ hai cạnh {used}: mọi lệnh chỉ đọc {used}, các mục ghi ở sổ này không được tính; hãy gộp hai sổ làm một",
        "a second progress log beside {used}: every command reads {used} only, and the entries in this one count for nothing; merge the two",
    ),
    "progress-no-plan": (
        "không có kế hoạch bên cạnh sổ theo dõi tiến độ này (cần {expected}): sổ được kiểm tra cùng kế hoạch của nó",
        "no plan beside this progress log (looked for {expected}): a log is checked against its plan",
    ),
    "progress-plan-errors": (
        "kế hoạch của sổ theo dõi tiến độ này, {plan}, có {count} lỗi nên chưa kiểm tra được sổ; hãy chạy `cchc validate {quoted}`",
        "the plan of this progress log, {plan}, has {count} {count:|error|errors}, so the log was not checked; run `cchc validate {quoted}`",
    ),
    "progress-unknown-id": ("kế hoạch không có nhiệm vụ mã {id!q}", "the plan has no item {id!q}"),
    "progress-unknown-id.suggest": (
        "kế hoạch không có nhiệm vụ mã {id!q}; có phải là {suggestions}?",
        "the plan has no item {id!q}; did you mean {suggestions}?",
    ),
    "progress.has-errors": (
        "{path}: sổ theo dõi tiến độ có lỗi nên chưa ghi thêm được; hãy sửa các lỗi trên (`cchc validate` kiểm tra sổ cạnh kế hoạch)",
        "{path}: the progress log has errors, so nothing was added; fix the errors above (`cchc validate` checks the log beside the plan)",
    ),
    "progress.read-only": (
        "{path}: sổ theo dõi tiến độ đang ở chế độ chỉ đọc nên chưa ghi gì, sổ giữ nguyên; muốn ghi tiếp, hãy cho phép ghi vào sổ (ví dụ `chmod u+w {quoted}`)",
        "{path}: the progress log is read-only, so nothing was recorded and the log is unchanged; to record progress, make it writable (e.g. `chmod u+w {quoted}`)",
    ),
    "progress.read-only-drive": (
        "{path}: sổ theo dõi tiến độ nằm trên ổ đĩa chỉ cho đọc nên chưa ghi gì, sổ giữ nguyên; hãy ghi trên một bản sao ở ổ ghi được",
        "{path}: the progress log is on a read-only drive, so nothing was recorded and the log is unchanged; record progress in a copy on a writable one",
    ),
    "progress.full": (
        "{path}: thêm mục này thì sổ theo dõi sẽ vượt giới hạn {limit!n} byte mà cchc đọc được; chưa ghi gì, sổ giữ "
        "nguyên; hãy bắt đầu một sổ mới (--progress) cho phần còn lại",
        "{path}: this entry would take the progress log past the {limit!n} bytes cchc reads; nothing was recorded and the "
        "log is unchanged; start a new log (--progress) for what follows",
    ),
    "progress.folder-unreadable": (
        "{path}: chưa có sổ theo dõi, và thư mục {folder} không cho đọc nên không bắt đầu sổ mới ở đó an toàn được "
        "(hai lệnh cùng lúc có thể làm mất một mục); hãy cho phép đọc thư mục (ví dụ `chmod u+r {quoted}`) hoặc bắt đầu sổ ở nơi khác; chưa ghi gì",
        "{path}: there is no log yet, and the folder {folder} cannot be read, so a new log cannot be started there safely "
        "(two commands at once could lose an entry); make the folder readable (e.g. `chmod u+r {quoted}`) or start the log elsewhere; nothing was written",
    ),
    "progress.no-line-end": (
        "{path}: dòng cuối của sổ theo dõi chưa có dấu xuống dòng, và thêm dấu xuống dòng sẽ làm đổi giá trị cuối cùng "
        "(một khối \"|\" hay \">\"); hãy kết thúc tệp bằng một dấu xuống dòng rồi chạy lại; chưa ghi gì",
        "{path}: the log's last line has no line end, and adding one would change its last value (a \"|\" or \">\" block); "
        "end the file with a line break, then run again; nothing was written",
    ),
    "progress.not-appendable": (
        "{path}: không ghi thêm được vào cuối sổ theo dõi mà vẫn giữ nguyên các mục đã có (sổ phải là một danh sách dạng \"- id: …\"); chưa ghi gì",
        "{path}: an entry cannot be added at the end of this log without changing what it holds (the log must be a block list, \"- id: …\"); nothing was written",
    ),
    # ------------------------------------------------------------ the progress command
    "progress.header": (
        "Sổ theo dõi tiến độ thực hiện kế hoạch CCHC (ghi bằng lệnh cchc progress).\n"
        "Kế hoạch đã ban hành giữ nguyên; tiến độ ghi ở đây, mỗi mục một dòng \"- id:\", thêm vào cuối sổ:\n"
        "  id: mã nhiệm vụ; status: not_started | in_progress | done | cancelled;\n"
        "  date: ngày (YYYY-MM-DD); evidence: văn bản chứng minh; note: ghi chú.\n"
        "Tình trạng của nhiệm vụ tại một ngày là mục ghi mới nhất đến ngày đó.",
        "Progress log of a CCHC plan (written by cchc progress).\n"
        "The approved plan stays as issued; progress goes here, one \"- id:\" entry each, added at the end:\n"
        "  id: the item's id; status: not_started | in_progress | done | cancelled;\n"
        "  date: YYYY-MM-DD; evidence: the document that shows it; note: what was done or why it is late.\n"
        "An item's status as of a date is its latest entry on or before that date.",
    ),
    "progress.bundled": (
        "{path} là kế hoạch kèm theo chương trình, không có chỗ cho sổ theo dõi tiến độ. Hãy chép kế hoạch ra một tệp "
        "của mình (`cp {path} ke-hoach.yaml`, hoặc `cchc init -o ke-hoach.yaml` để soạn kế hoạch mới) rồi dùng "
        "--plan ke-hoach.yaml; hoặc ghi rõ nơi lưu sổ bằng --progress TỆP",
        "{path} is the plan bundled with cchc and has no place for a progress log. Copy it to a file of your own "
        "(`cp {path} plan.yaml`, or `cchc init -o plan.yaml` to write a new plan), then use --plan plan.yaml; "
        "or say where the log goes with --progress FILE",
    ),
    "progress.needs-status": ("--on, --evidence và --note chỉ dùng cùng --status", "--on, --evidence and --note go with --status"),
    "progress.future-day": ("ngày {day!d} sau ngày hôm nay {today!d}: chỉ ghi tiến độ khi việc đã xảy ra", "{day!d} is after today, {today!d}: record progress once it happens"),
    "progress.future-today": (
        "ngày {day!d} còn chưa đến (hôm nay là {today!d}): không có --on thì mục ghi mang ngày của --today; hãy ghi --on NGÀY việc đã xảy ra",
        "{day!d} is still to come (today is {today!d}): without --on the entry is dated --today; give --on DATE, the day it happened",
    ),
    "progress.early-day": ("ngày {day!d} trước ngày ban hành kế hoạch {since!d}", "{day!d} is before the plan's date, {since!d}"),
    "progress.early-today": (
        "không có --on thì mục ghi mang ngày hôm nay, {day!d}, trước ngày ban hành kế hoạch {since!d}: "
        "chỉ ghi tiến độ từ ngày ban hành (--on NGÀY)",
        "without --on the entry is dated today, {day!d}, before the plan's date, {since!d}: "
        "progress is recorded from the day the plan is issued (--on DATE)",
    ),
    "progress.long-text": (
        "nội dung dài {length} ký tự, quá giới hạn {limit} ký tự; chưa ghi gì: hãy viết ngắn lại (văn bản dài để trong một tệp riêng, ghi tên tệp bằng --evidence)",
        "the text is {length} characters long, over the limit of {limit}; nothing was written: shorten it (keep a long text in a file of its own and name it with --evidence)",
    ),
    "progress.bad-text": ("nội dung có byte không phải UTF-8", "the text holds bytes that are not UTF-8"),
    "progress.hidden-character": (
        "nội dung có ký tự điều khiển hoặc ký tự vô hình ({chars}), không nhìn thấy được nhưng làm văn bản "
        "hiển thị khác đi; chưa ghi gì: hãy viết lại nội dung không có các ký tự này",
        "the text holds control or invisible characters ({chars}), which cannot be seen but change how "
        "the text shows; nothing was recorded: write the text without them",
    ),
    "progress.recorded": ("đã ghi: {id} {status} ngày {day!d} vào {path}", "recorded: {id} {status} on {day!d} in {path}"),
    # Done is one status for the whole item: an item due again later loses those reminders (README, "Items with
    # several due dates"); said when it is written, as most who record it mean one occurrence.
    "progress.done-early": (
        "lưu ý: {id} còn hạn chót sau ngày {due!d}: {dates}. Trạng thái hoàn thành (done) là của cả nhiệm vụ: các hạn "
        "chót ấy không còn trong due --pending và calendar --pending, báo cáo cũng tính nhiệm vụ là đã hoàn thành. Nếu "
        "mới xong lần đến hạn này, hãy ghi thêm: {command}",
        "note: {id} is due again after {due!d}: {dates}. Done is the status of the whole item: those dates leave "
        "due --pending and calendar --pending, and reports count the item as done. If only this occurrence is done, "
        "also record: {command}",
    ),
    "progress.already": (
        "đã có trong {path}: {id} {status} ngày {day!d}, cùng minh chứng và ghi chú; không ghi thêm lần nữa",
        "already in {path}: {id} {status} on {day!d}, with the same evidence and note; not written again",
    ),
    # What validate will warn of (progress-year), said when the entry is written: most often a past plan's
    # progress typed in today without --on.
    "progress.far-day": (
        "cảnh báo: ngày {day!d} cách năm của kế hoạch ({year}) hơn một năm; nếu sai, sửa ngày của mục vừa ghi trong {path}",
        "warning: {day!d} is more than a year from the plan's year ({year}); if it is wrong, correct the entry just written in {path}",
    ),
    "progress.far-day.today": (
        "cảnh báo: không có --on nên đã ghi ngày hôm nay, {day!d}, cách năm của kế hoạch ({year}) hơn một năm; "
        "nếu việc làm vào ngày khác, sửa ngày của mục vừa ghi trong {path} (lần sau ghi --on NGÀY)",
        "warning: with no --on the entry is dated today, {day!d}, more than a year from the plan's year ({year}); "
        "if the work was done on another day, correct the entry just written in {path} (next time give --on DATE)",
    ),
    "progress.no-history": ("Chưa có mục ghi tiến độ nào cho nhiệm vụ {id}.", "No progress recorded for item {id} yet."),
    "progress.history-title": ("Tiến độ nhiệm vụ {id}: {product}", "Progress of item {id}: {product}"),
    "progress.col.date": ("Ngày", "Date"),
    "progress.col.evidence": ("Văn bản chứng minh", "Evidence"),
    "progress.undated": ("(không ghi ngày)", "(no date)"),
    # ------------------------------------------------------------ periods and the report command
    "period.unknown": (
        "{value!q} không phải là kỳ báo cáo; viết Q1/2021 (quý I), 6T/2021 (6 tháng), Q3/2021 (quý III, 9 tháng) hoặc 2021 (năm)",
        "{value!q} is not a reporting period; write Q1/2021 (first quarter), 6T/2021 (half year), Q3/2021 (third quarter, nine months) or 2021 (year)",
    ),
    "period.not-a-period": (
        "{value!q}: quý II và quý IV không phải kỳ báo cáo riêng (số liệu nằm trong báo cáo 6 tháng và báo cáo năm); dùng 6T/{year} hoặc {year}",
        "{value!q}: quarters II and IV are not reporting periods (their data are in the half-year and the year's report); use 6T/{year} or {year}",
    ),
    "period.bad-year": ("{value!q}: năm {year} nằm ngoài khoảng {low}–{high}", "{value!q}: year {year} is outside {low}–{high}"),
    "report.period-and-as-of": ("dùng --period hoặc --as-of, không dùng cả hai", "give either --period or --as-of, not both"),
    "report.bands-invalid": ("{path}: tệp thang điểm có lỗi", "{path}: the score bands file has errors"),
    "report.no-log": (
        "lưu ý: không có sổ theo dõi tiến độ {path!q}: báo cáo tính như chưa ghi tiến độ của nhiệm vụ nào (ghi bằng cchc progress)",
        "note: there is no progress log {path!q}: the report counts no progress for any item (record it with cchc progress)",
    ),
    "report.not-over": (
        "lưu ý: ngày {end!d} chưa đến; báo cáo tính đến hôm nay, {today!d} (nhiệm vụ chưa đến hạn không bị tính là quá hạn)",
        "note: {end!d} has not come yet; the report is as of today, {today!d} (no item counts as overdue before it is due)",
    ),
    "report.outside-year": (
        "lưu ý: kỳ số liệu từ {start!d} đến {end!d} thuộc năm báo cáo {reporting} (từ ngày 15/12 năm trước), "
        "không phải năm của kế hoạch ({year}); các kỳ của kế hoạch này là --period Q1/{year}, 6T/{year}, Q3/{year} hoặc {year}",
        "note: the data window {start!d} to {end!d} belongs to the reporting year {reporting} (from 15/12 of the year before), "
        "not to the plan's year ({year}); this plan's periods are --period Q1/{year}, 6T/{year}, Q3/{year} or {year}",
    ),
    "bands-schema.shape": (
        "tệp thang điểm phải có trường bands là một danh sách các mức, ví dụ: bands: [{{above: 90, points: 2}}, {{at_least: 70, points: 1}}, {{points: 0}}]",
        "a score bands file needs bands, a list of levels, e.g. bands: [{{above: 90, points: 2}}, {{at_least: 70, points: 1}}, {{points: 0}}]",
    ),
    "bands-schema.field": ("trường {field!q} không dùng trong tệp thang điểm; các trường là: {fields}", "unknown field {field!q} in the score bands; the fields are: {fields}"),
    "bands-schema.name": ("name phải là chữ", "name must be text"),
    "bands-schema.band": ("mỗi mức phải gồm above hoặc at_least và points", "each level is a mapping of above or at_least, and points"),
    "bands-schema.points": ("points phải là một số không âm", "points must be a number, not negative"),
    "bands-schema.both": ("một mức chỉ dùng above hoặc at_least, không dùng cả hai", "a level has above or at_least, not both"),
    "bands-schema.catch-all": ("chỉ mức cuối cùng được bỏ trống ngưỡng (mức cho các trường hợp còn lại)", "only the last level may have no threshold (it takes the rest)"),
    "bands-schema.threshold": ("ngưỡng phải là một số phần trăm từ 0 đến 100", "a threshold is a percentage from 0 to 100"),
    "bands-schema.last": (
        "mức cuối cùng không được ghi ngưỡng (đó là mức cho các trường hợp còn lại): hãy bỏ above hoặc at_least của nó",
        "the last level must have no threshold (it takes the rest): remove its above or at_least",
    ),
    "bands-schema.order": ("các mức phải xếp từ ngưỡng cao xuống ngưỡng thấp", "levels run from the highest threshold down"),
    # ------------------------------------------------------------ the report
    "report.title": ("Kết quả thực hiện kế hoạch cải cách hành chính", "Progress of the administrative reform plan"),
    "report.period.Q1": ("Kỳ báo cáo quý I năm {year}", "Reporting period: first quarter of {year}"),
    "report.period.6T": ("Kỳ báo cáo 6 tháng đầu năm {year}", "Reporting period: first half of {year}"),
    "report.period.Q3": ("Kỳ báo cáo quý III năm {year}", "Reporting period: third quarter of {year}"),
    "report.period.year": ("Kỳ báo cáo năm {year}", "Reporting period: the year {year}"),
    "report.period-as-of": ("Báo cáo đến ngày {day!d}", "Report as of {day!d}"),
    "report.window": ("số liệu từ {first!d} đến {last!d}", "data from {first!d} to {last!d}"),
    "report.as-of": ("tình trạng tính đến ngày {day!d}", "status as of {day!d}"),
    "report.report-due": ("Hạn gửi báo cáo: {day!d}", "Report due by {day!d}"),
    "report.rate": ("Tỷ lệ hoàn thành", "Completion rate"),
    "report.rate-basis": (
        "đã hoàn thành {done} trên {total} nhiệm vụ có hạn chót đã đến hạn hoặc đã hoàn thành",
        "{done} of the {total} dated {total:|item|items} that {total:|is|are} done or overdue",
    ),
    "report.no-rate": ("chưa có nhiệm vụ có hạn chót nào hoàn thành hoặc quá hạn", "no dated item is done or overdue yet"),
    "report.percent": ("{value}%", "{value}%"),
    "report.score": ("Điểm: {points}/{max} ({criteria}: {rule})", "Score: {points}/{max} ({criteria}: {rule})"),
    "report.band-above": ("trên {value}%", "above {value}%"),
    "report.band-at-least": ("từ {value}% trở lên", "{value}% or more"),
    "report.band-rest": ("mọi tỷ lệ", "any rate"),
    "report.band-below": ("dưới {value}%", "below {value}%"),
    "report.band-at-most": ("từ {value}% trở xuống", "{value}% or less"),
    # done_in_period counts the done entries dated in the period, whatever was recorded after them.
    "report.done-in-period": (
        "Trong kỳ: {entries} mục ghi tiến độ, trong đó {count} mục ghi hoàn thành (tình trạng sau đó có thể đã đổi)",
        "In the period: {entries} progress {entries:|entry|entries}, {count} of which {count:|records|record} done (statuses may have changed since)",
    ),
    "report.no-entry": ("chưa ghi tiến độ", "nothing recorded"),
    "report.class.done_on_time": ("Hoàn thành đúng hạn", "Done on time"),
    "report.class.done_late": ("Hoàn thành quá hạn", "Done late"),
    "report.class.overdue": ("Quá hạn (chưa hoàn thành)", "Overdue (not done)"),
    "report.class.in_progress": ("Đang thực hiện", "In progress"),
    "report.class.not_started": ("Chưa thực hiện (chưa đến hạn)", "Not started (not yet due)"),
    "report.class.undated": ("Không có hạn chót", "No due date"),
    "report.class.cancelled": ("Hủy bỏ", "Cancelled"),
    "report.short.done_on_time": ("Đúng hạn", "On time"),
    "report.short.done_late": ("HT quá hạn", "Late"),
    "report.short.overdue": ("Quá hạn", "Overdue"),
    "report.short.in_progress": ("Đang TH", "In progress"),
    "report.short.not_started": ("Chưa TH", "Not started"),
    "report.short.undated": ("Không hạn", "Undated"),
    "report.short.cancelled": ("Hủy bỏ", "Cancelled"),
    "report.summary": ("Tổng hợp", "Summary"),
    "report.class": ("Phân loại", "Class"),
    "report.count": ("Số nhiệm vụ", "Items"),
    "report.items": ("Tổng số nhiệm vụ", "All items"),
    "report.by-section": ("Theo mục", "By section"),
    "report.by-lead": ("Theo cơ quan chủ trì (cơ quan chủ trì đầu tiên)", "By lead agency (the first-named lead)"),
    "report.overdue": ("Nhiệm vụ quá hạn", "Overdue items"),
    "report.none-overdue": ("Không có nhiệm vụ quá hạn.", "No overdue items."),
    "report.section": ("Mục", "Section"),
    "report.content": ("Nội dung", "Content"),
    "report.agency": ("Cơ quan chủ trì", "Lead agency"),
    "report.rate-short": ("Tỷ lệ HT", "Rate"),
    "report.done-in-period-short": ("HT trong kỳ", "Done in period"),
    "report.id": ("Mã", "ID"),
    "report.product": ("Sản phẩm", "Product"),
    "report.lead": ("Chủ trì", "Lead"),
    "report.due": ("Hạn chót", "Due"),
    "report.status": ("Tình trạng", "Status"),
    "report.note": ("Ghi chú gần nhất", "Last note"),
    "report.charts": ("Biểu đồ tỷ lệ hoàn thành", "Completion rate charts"),
    "report.chart-sections": ("Tỷ lệ hoàn thành theo mục", "Completion rate by section"),
    "report.chart-agencies": ("Tỷ lệ hoàn thành theo cơ quan chủ trì", "Completion rate by lead agency"),
    "report.no-rate-note": (
        "Tỷ lệ hoàn thành = số nhiệm vụ có hạn chót đã hoàn thành / (số đã hoàn thành + số quá hạn); "
        "đường gạch đỏ là các ngưỡng chấm điểm; \"—\": chưa có nhiệm vụ có hạn chót nào hoàn thành hoặc quá hạn.",
        "Completion rate = dated items done / (done + overdue); the red dashed lines are the score thresholds; "
        "\"—\": no dated item done or overdue yet.",
    ),
    # ------------------------------------------------------------ the calendar
    "calendar.lead": ("Chủ trì: {names}", "Lead: {names}"),
    "calendar.partners": ("Phối hợp: {names}", "Partners: {names}"),
    "calendar.deadline": ("Thời hạn: {text}", "Deadline: {text}"),
    "calendar.occurrence": ("Hạn {day!d}, một trong {count} hạn chót của nhiệm vụ", "Due {day!d}, one of the item's {count} due dates"),
    "calendar.section": ("Mục: {section}", "Section: {section}"),
    "calendar.nothing": ("Không có nhiệm vụ nào có hạn chót để đưa vào lịch.", "No dated items to put in a calendar."),
    # ------------------------------------------------------------ help
    "help:cchc progress": (
        "Ghi hoặc xem tiến độ một nhiệm vụ trong sổ theo dõi đặt cạnh kế hoạch.\n\n"
        "Có --status: thêm một mục ghi vào cuối sổ (tạo sổ nếu chưa có; các mục và chú thích đã có giữ nguyên). "
        "Không có --status: in lịch sử tiến độ của nhiệm vụ. Kế hoạch đã ban hành không bao giờ bị sửa.",
        "Record or show an item's progress, in the log kept beside the plan.\n\n"
        "With --status: add an entry at the end of the log (created when missing; its entries and comments are kept). "
        "Without: print the item's history. The approved plan is never changed.",
    ),
    "help:cchc progress item_id": ("Mã nhiệm vụ, ví dụ I-3 (không phân biệt hoa thường).", "Item id, e.g. I-3 (case does not matter)."),
    "help:cchc progress --status": (
        "Tình trạng mới: not_started (chưa thực hiện), in_progress (đang thực hiện), done (hoàn thành) hoặc cancelled (hủy bỏ); "
        "viết mã hoặc chữ, ví dụ --status \"hoàn thành\".",
        "The new status: not_started, in_progress, done or cancelled; the code or the words, e.g. --status \"in progress\".",
    ),
    "help:cchc progress --on": (
        "Ngày của tình trạng (YYYY-MM-DD hoặc DD/MM/YYYY) [mặc định: hôm nay].",
        "The status's date (YYYY-MM-DD or DD/MM/YYYY) [default: today].",
    ),
    "help:cchc progress --evidence": (
        "Văn bản chứng minh, ví dụ \"Báo cáo số 45/BC-SNV ngày 10/6/2021\" (tối đa 2.000 ký tự).",
        "The document that shows it, e.g. \"Báo cáo số 45/BC-SNV ngày 10/6/2021\" (at most 2,000 characters).",
    ),
    "help:cchc progress --note": (
        "Ghi chú: đã làm gì, hoặc vì sao chậm (tối đa 2.000 ký tự).", "A note: what was done, or why it is late (at most 2,000 characters)."
    ),
    "help:cchc progress --plan": PLAN_HELP,
    "help:cchc progress --progress": _PROGRESS,
    "help:cchc progress --today": _TODAY,
    "help:cchc report --today": (
        _TODAY[0] + " Một kỳ chưa kết thúc, hay --as-of sau hôm nay, được báo cáo tính đến hôm nay.",
        _TODAY[1] + " A period not over yet, or an --as-of after today, is reported as of today.",
    ),
    "help:cchc progress --format": (
        "Định dạng lịch sử: table hoặc json; khi ghi (--status), json in ra mục vừa ghi.",
        "History output format: table or json; when recording (--status), json prints the entry written.",
    ),
    "help:cchc progress --help": _HELP,
    "help:cchc report": (
        "Báo cáo kết quả thực hiện kế hoạch theo kỳ: số nhiệm vụ hoàn thành đúng hạn, quá hạn, đang thực hiện …, "
        "tỷ lệ hoàn thành và điểm, theo mục và theo cơ quan chủ trì, danh sách nhiệm vụ quá hạn.\n\n"
        "Kỳ báo cáo theo quy định của Bộ Nội vụ: số liệu từ 15/12 năm trước đến 14/3 (quý I), 14/6 (6 tháng), "
        "14/9 (quý III), 14/12 (năm).",
        "Report on the plan for a period: items done on time, late, overdue, in progress …, the completion "
        "rate and its score, by section and by lead agency, and the overdue items.\n\n"
        "Periods follow Bộ Nội vụ's rules: data from 15/12 of the year before to 14/3 (Q1), 14/6 (half year), "
        "14/9 (Q3) and 14/12 (year).",
    ),
    "help:cchc report --period": (
        "Kỳ báo cáo: Q1/2021, 6T/2021, Q3/2021 hoặc 2021 (viết \"quý I/2021\", \"6 tháng 2021\", \"9 tháng 2021\", \"năm 2021\" cũng được).",
        "Reporting period: Q1/2021, 6T/2021, Q3/2021 or 2021 (\"quý I/2021\", \"6 tháng 2021\", \"9 tháng 2021\", \"năm 2021\" work too).",
    ),
    "help:cchc report --as-of": (
        "Báo cáo tình trạng tính đến ngày này thay cho một kỳ [mặc định: hôm nay].",
        "Report the status as of this date instead of a period [default: today].",
    ),
    "help:cchc report --format": (
        "table, json, md, html (phụ lục báo cáo, có biểu đồ), pdf (phụ lục đó in ra khổ A4) hoặc docx (các bảng của phụ lục, dạng Word); mặc định theo đuôi "
        "tệp -o, nếu không là table.",
        "table, json, md, html (the report's appendix, with charts), pdf (that appendix printed on A4) or docx (the appendix's tables, in Word); by default "
        "from -o's extension, else table.",
    ),
    "help:cchc report --output": (
        "Ghi ra tệp này (ghi trọn vẹn một lần) thay vì in ra màn hình.",
        "Write to this file (atomically) instead of standard output.",
    ),
    "help:cchc report --plan": PLAN_HELP,
    "help:cchc report --progress": _PROGRESS,
    "help:cchc report --bands": (
        "Tệp YAML thang điểm tỷ lệ hoàn thành của tỉnh [mặc định: tiêu chí của Cà Mau: trên 90% 2 điểm, 70–90% 1 điểm, dưới 70% 0 điểm].",
        "YAML file of the province's score bands [default: Cà Mau's: above 90% 2 points, 70–90% 1, under 70% 0].",
    ),
    "help:cchc report --help": _HELP,
    "help:cchc calendar": (
        "Xuất các hạn chót của kế hoạch thành tệp lịch iCalendar (.ics), mỗi hạn chót một sự kiện cả ngày, nhắc trước một tuần.\n\n"
        "Nhập lại tệp của kế hoạch đã sửa sẽ cập nhật các sự kiện thay vì tạo bản trùng.",
        "Write the plan's due dates as an iCalendar (.ics) file: one all-day event per due date, with a reminder a week before.\n\n"
        "Importing the file of an updated plan again updates the events instead of duplicating them.",
    ),
    "help:cchc calendar --agency": (
        "Chỉ các nhiệm vụ cơ quan này chủ trì hoặc phối hợp (kể cả qua nhóm), như list --agency.",
        "Only the items this agency leads or supports (through its groups too), as list --agency.",
    ),
    "help:cchc calendar --pending": ("Bỏ các nhiệm vụ đã hoàn thành hoặc hủy bỏ (tính đến hôm nay).", "Leave out the items done or cancelled (as of today)."),
    "help:cchc calendar --today": _TODAY,
    "help:cchc calendar --output": ("Ghi ra tệp này (ví dụ ke-hoach.ics) thay vì in ra màn hình.", "Write to this file (e.g. plan.ics) instead of standard output."),
    "help:cchc calendar --plan": PLAN_HELP,
    "help:cchc calendar --progress": _PROGRESS,
    "help:cchc calendar --help": _HELP,
}
