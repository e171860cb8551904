"""Messages of reading a plan file as YAML (``cchc.inputs.yaml``), key -> (Vietnamese, English).

libyaml's own words reach a message only as the ``{detail}`` argument.
"""

MESSAGES = {
    "too-large": (
        "tệp có dung lượng {size!n} byte, vượt quá giới hạn {limit!n} byte của một tệp kế hoạch",
        "file is {size!n} bytes; the limit is {limit!n}",
    ),
    "too-large.over": (
        "tệp có dung lượng lớn hơn giới hạn {limit!n} byte của một tệp kế hoạch",
        "file is larger than the limit of {limit!n} bytes",
    ),
    "encoding": (
        "tệp không được lưu theo mã UTF-8 (byte {byte}); hãy lưu lại tệp theo mã UTF-8 "
        "(tệp soạn theo mã Windows-1258 hoặc TCVN3 phải được chuyển mã)",
        "file is not UTF-8 (byte {byte}); save it as UTF-8 (a file in Windows-1258 or TCVN3 must be converted)",
    ),
    "control-character": (
        "tệp có ký tự điều khiển {char} {name}, không nhìn thấy được; hãy xóa ký tự này",
        "control character {char} {name}, which cannot be seen, is not allowed in a plan file; delete it",
    ),
    "control-character.line-break": (
        "tệp có ký tự {char} {name}: trình soạn thảo không hiện ký tự này nhưng YAML 1.1 coi là xuống dòng, "
        "nên phần nội dung sau nó có thể được đọc khác với những gì nhìn thấy; hãy xóa ký tự này",
        "character {char} {name} is not shown by an editor but is a line break in YAML 1.1, "
        "so what follows it can be read differently from what is shown; delete it",
    ),
    "control-character.more": (
        "và còn {count!n} ký tự điều khiển khác từ đây đến cuối tệp",
        "and {count!n} more control characters from here to the end of the file",
    ),
    "invisible-character": (
        "nội dung có ký tự vô hình {char} {name}: không nhìn thấy được nhưng có thể làm văn bản hiển thị "
        "hoặc so khớp khác đi; hãy xóa ký tự này nếu không cố ý đưa vào",
        "invisible character {char} {name} in the text: it cannot be seen but can make the text display "
        "or compare differently; delete it unless it is meant to be there",
    ),
    "invisible-character.more": (
        "và còn {count!n} ký tự vô hình khác từ đây đến cuối tệp",
        "and {count!n} more invisible characters from here to the end of the file",
    ),
    "yaml-syntax": (
        "lỗi cú pháp YAML; hãy kiểm tra thụt lề, dấu hai chấm và dấu ngoặc kép ở chỗ này (bộ đọc YAML báo: {detail})",
        "YAML syntax error; check the indentation, colons and quotes here (the YAML reader says: {detail})",
    ),
    "yaml-syntax.colon": (
        "dòng {line} có dấu hai chấm và dấu cách (\": \") ở giữa một giá trị nên YAML hiểu là bắt đầu một khóa mới. "
        "Nếu đây là nội dung văn bản (ví dụ \"… nội dung sau: …\"), hãy đặt cả giá trị trong dấu ngoặc kép; "
        "nếu đây là một khóa mới, hãy kiểm tra thụt lề",
        "line {line} has a colon and a space (\": \") inside a value, which YAML reads as the start of a new key. "
        "If it is text (e.g. \"… as follows: …\"), put the whole value in double quotes; "
        "if it is a new key, check the indentation",
    ),
    "yaml-syntax.quote": (
        "dấu ngoặc {quote} mở ở đây không có dấu đóng; hãy thêm dấu {quote} ở cuối nội dung",
        "the quote {quote} opened here is never closed; add the closing {quote} at the end of the text",
    ),
    "yaml-syntax.character": (
        "giá trị không được bắt đầu bằng ký tự {char!q}; hãy đặt cả giá trị trong dấu ngoặc kép",
        "a value cannot start with {char!q} unless it is quoted; put the whole value in double quotes",
    ),
    "yaml-syntax.indent": (
        "thụt lề của dòng này không khớp với khối bắt đầu ở dòng {start}: các khóa cùng cấp phải thẳng cột "
        "với nhau, các dấu gạch đầu dòng (-) của một danh sách cũng vậy (bộ đọc YAML báo: {detail})",
        "the indentation of this line does not match the block that starts on line {start}: the keys of one level, "
        "and the dashes (-) of one list, must line up (the YAML reader says: {detail})",
    ),
    "yaml-tab": (
        "ký tự tab ở chỗ YAML cần thụt lề hoặc giá trị; hãy thụt lề bằng dấu cách",
        "tab character where YAML expects indentation or a value; indent with spaces",
    ),
    "yaml-depth": ("dữ liệu lồng nhau quá {limit} cấp", "nested deeper than {limit} levels"),
    "yaml-tag": (
        "không được dùng thẻ kiểu dữ liệu YAML ở đây: {tag!q}; hãy bỏ thẻ này",
        "tags are not allowed here: {tag!q}; remove it",
    ),
    "yaml-anchor": (
        "không được dùng điểm neo (&) và tham chiếu (*) của YAML; hãy viết đầy đủ nội dung",
        "anchors and aliases are not allowed; write the content out in full",
    ),
    "yaml-alias": (
        "không được dùng tham chiếu (*) của YAML; hãy viết đầy đủ nội dung",
        "aliases are not allowed (*alias); write the content out in full",
    ),
    "yaml-merge": (
        "không được dùng khóa gộp (<<) của YAML; hãy viết đầy đủ các trường",
        "merge keys (<<) are not allowed; write the fields out in full",
    ),
    "yaml-key": (
        "khóa phải là văn bản, không được là danh sách hay nhóm trường",
        "keys must be plain text, not lists or mappings",
    ),
    "yaml-documents": (
        "một tệp kế hoạch chỉ được chứa một tài liệu YAML; tài liệu thứ hai bắt đầu ở đây",
        "a plan file holds one YAML document; a second one starts here",
    ),
    "yaml-ambiguous": (
        "giá trị {value!q} được YAML 1.1 và YAML 1.2 hiểu khác nhau; nếu là văn bản thì đặt trong dấu ngoặc kép, "
        "nếu là số thì viết theo dạng thập phân thông thường (ví dụ 10 hoặc 2.5)",
        "plain value {value!q} means different things in YAML 1.1 and 1.2; "
        "quote it if it is text, or write the number in plain decimal (e.g. 10 or 2.5)",
    ),
    "yaml-ambiguous.bool": (
        "giá trị {value!q} là giá trị logic đúng/sai theo YAML 1.1 nhưng là văn bản theo YAML 1.2; hãy đặt trong dấu ngoặc kép",
        "plain value {value!q} is a boolean in YAML 1.1 and text in YAML 1.2; quote it",
    ),
    "yaml-number": (
        "số {value!q} quá dài ({length!n} ký tự, tối đa {limit} ký tự); nếu đây là văn bản, hãy đặt trong dấu ngoặc kép",
        "number too long: {value!q} has {length!n} characters, at most {limit}; quote it if it is text",
    ),
    "duplicate-key": (
        "khóa {key!q} bị lặp lại (lần đầu ở dòng {first}); YAML chỉ giữ một trong hai",
        "duplicate key {key!q} (first on line {first}); YAML keeps only one of them",
    ),
}
