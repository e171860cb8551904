"""The command-line framework's own words (Usage, Options, "No such option" …) in cchc's languages.

cchc shows usage errors itself and translates the framework's help page with
these, so they do not depend on how a typer or click release words them.
"""

MESSAGES = {
    "help.usage": ("Cách dùng:", "Usage:"),
    "help.options": ("Tùy chọn:", "Options:"),
    "help.arguments": ("Tham số:", "Arguments:"),
    "help.commands": ("Các lệnh:", "Commands:"),
    "help.options-metavar": ("[TÙY CHỌN]", "[OPTIONS]"),
    "help.command-metavar": ("LỆNH [THAM SỐ]...", "COMMAND [ARGS]..."),
    "help.default": ("[mặc định: ", "[default: "),
    "help.required": ("bắt buộc]", "required]"),
    "help.help": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
    "help.try": ("Xem hướng dẫn: '{command} {option}'.", "Try '{command} {option}' for help."),
    "help.error": ("Lỗi: {message}", "Error: {message}"),
    "help.aborted": ("Đã dừng.", "Aborted."),
    "usage.no-such-option": ("không có tùy chọn {name}", "no such option: {name}"),
    "usage.possible": ("(các tùy chọn gần giống: {names})", "(possible options: {names})"),
    "usage.missing-argument": ("thiếu tham số {name}", "missing argument {name}"),
    "usage.missing-option": ("thiếu tùy chọn {name}", "missing option {name}"),
    "usage.invalid-for": ("giá trị không hợp lệ cho {hint}: {message}", "invalid value for {hint}: {message}"),
    "usage.invalid": ("giá trị không hợp lệ: {message}", "invalid value: {message}"),
    "usage.empty-path": ("đường dẫn rỗng: cần tên một tệp hoặc thư mục", "the path is empty: give a file's or a folder's name"),
    "usage.log-dash": (
        "sổ theo dõi tiến độ là một tệp: \"-\" (đầu vào hay đầu ra chuẩn) không giữ được sổ; hãy ghi tên tệp",
        "a progress log is a file: \"-\" (standard input or output) cannot hold one; give a file's name",
    ),
    "usage.blank-id": ("mã nhiệm vụ để trống: hãy ghi mã, như I-1", "the item id is blank: give one, such as I-1"),
    "usage.folder-path": (
        "{path!q} là tên một thư mục (kết thúc bằng /, /. hay /..): hãy ghi tên tệp",
        "{path!q} names a folder (it ends in /, /. or /..): give a file's name",
    ),
    "usage.choice": ("{value!q} không phải một trong các giá trị {choices}", "{value!q} is not one of {choices}"),
    "usage.needs-value": ("tùy chọn {name} cần một giá trị", "option {name} requires a value"),
    "usage.takes-no-value": ("tùy chọn {name} không nhận giá trị (chỉ cần ghi {name})", "option {name} does not take a value"),
    "usage.repeated": (
        "{name} chỉ được ghi một lần (đã ghi {count} lần: {values}); mỗi lệnh làm việc với một giá trị",
        "{name} may be given once (given {count} times: {values}); the command works on one value",
    ),
    "usage.extra": ("thừa tham số: {args}", "unexpected extra argument(s): {args}"),
    "usage.no-command": ("không có lệnh {name!q}", "no such command {name!q}"),
    "usage.did-you-mean": ("có phải là {name!q}?", "did you mean {name!q}?"),
    "usage.missing-command": ("thiếu tên lệnh", "missing command"),
    # The placeholders of a help page ("--on DATE", "show ID"), word by word: the words README.vi uses.
    "metavar:DATE": ("NGÀY", "DATE"),
    "metavar:NAME": ("TÊN", "NAME"),
    "metavar:TEXT": ("CHỮ", "TEXT"),
    "metavar:ID": ("MÃ", "ID"),
    "metavar:PLAN": ("KẾ_HOẠCH", "PLAN"),
    "metavar:LOG": ("TỆP", "LOG"),
    "metavar:FILE": ("TỆP", "FILE"),
    "metavar:DIR": ("THƯ_MỤC", "DIR"),
    "metavar:SECTION": ("MỤC", "SECTION"),
    "metavar:PERIOD": ("KỲ", "PERIOD"),
}
