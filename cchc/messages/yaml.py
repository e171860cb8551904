"""Messages of reading a plan file as YAML (``cchc.inputs.yaml``), key -> (Vietnamese, English).

libyaml's own words are worded here too, as "libyaml:" and its text: the
context of a syntax error ("while parsing a flow sequence") and its problem
("did not find expected ',' or ']'"), each in both languages. A text not worded
here reaches the English message only, as the ``{detail}`` argument.
"""

MESSAGES = {
    "too-large": (
        "tệp có dung lượng {size!n} byte, vượt quá giới hạn {limit!n} byte",
        "file is {size!n} bytes; the limit is {limit!n}",
    ),
    "too-large.over": (
        "tệp có dung lượng lớn hơn giới hạn {limit!n} byte",
        "file is larger than the limit of {limit!n} bytes",
    ),
    "encoding.wide": (
        "tệp được lưu theo mã {encoding}, không phải UTF-8; hãy lưu lại tệp theo mã UTF-8",
        "file is saved as {encoding}, not UTF-8; save it as UTF-8",
    ),
    "encoding": (
        "tệp không được lưu theo mã UTF-8 (byte {byte}); hãy lưu lại tệp theo mã UTF-8 "
        "(tệp soạn theo mã Windows-1258 hoặc TCVN3 phải được chuyển mã)",
        "file is not UTF-8 (byte {byte}); save it as UTF-8 (a file in Windows-1258 or TCVN3 must be converted)",
    ),
    "encoding.docx": (
        "tệp là văn bản Word (.docx) hoặc một tệp nén zip khác, không phải tệp kế hoạch YAML; "
        "văn bản Word được chuyển thành tệp kế hoạch bằng lệnh cchc import",
        "file is a Word document (.docx) or another zip file, not a YAML plan; a Word document is made into a plan "
        "file by cchc import",
    ),
    "encoding.doc": (
        "tệp là văn bản Word cũ (.doc), không phải tệp kế hoạch YAML; hãy mở bằng Word, lưu thành .docx "
        "rồi chuyển thành tệp kế hoạch bằng lệnh cchc import",
        "file is an old Word document (.doc), not a YAML plan; open it in Word, save it as .docx, then make it "
        "into a plan file with cchc import",
    ),
    "encoding.pdf": (
        "tệp là PDF, không phải tệp kế hoạch YAML; cchc không đọc PDF: hãy dùng bản Word (.docx) của kế hoạch "
        "với lệnh cchc import",
        "file is a PDF, not a YAML plan; cchc does not read PDF: use the plan's Word copy (.docx) with cchc import",
    ),
    "encoding.html": (
        "tệp là trang HTML, không phải tệp kế hoạch YAML; cchc xuất HTML từ kế hoạch (cchc render) nhưng không đọc "
        "lại HTML: hãy dùng tệp kế hoạch .yaml, hoặc bản Word (.docx) với lệnh cchc import",
        "file is an HTML page, not a YAML plan; cchc writes HTML from a plan (cchc render) but does not read HTML back: "
        "use the plan's .yaml file, or its Word copy (.docx) with cchc import",
    ),
    "encoding.rtf": (
        "tệp là văn bản RTF, không phải tệp kế hoạch YAML; hãy mở bằng Word, lưu thành .docx "
        "rồi chuyển thành tệp kế hoạch bằng lệnh cchc import",
        "file is an RTF document, not a YAML plan; open it in Word, save it as .docx, then make it into a plan "
        "file with cchc import",
    ),
    "control-character": (
        "tệp có ký tự điều khiển {char} {name}, không nhìn thấy được; hãy xóa ký tự này",
        "control character {char} {name}, which cannot be seen, is not allowed in a plan file or progress log; delete it",
    ),
    "control-character.line-break": (
        "tệp có ký tự {char} {name}: trình soạn thảo không hiện ký tự này nhưng YAML 1.1 coi là xuống dòng, "
        "nên phần nội dung sau nó có thể được đọc khác với những gì nhìn thấy; hãy xóa ký tự này",
        "character {char} {name} is not shown by an editor but is a line break in YAML 1.1, "
        "so what follows it can be read differently from what is shown; delete it",
    ),
    "yaml.more": (
        "và còn {count!n} chỗ khác cùng mã [{code}] từ đây đến cuối tệp (chỉ liệt kê 1.000 chỗ đầu)",
        "and {count!n} more [{code}] problems from here to the end of the file (the first 1,000 are listed)",
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
    "invisible-character.control": (
        "nội dung có ký tự điều khiển {char} {name}, viết bằng mã thoát: không nhìn thấy được nhưng có thể làm "
        "văn bản hiển thị khác đi (ký tự điều khiển có thể đổi màu hay xóa chữ trên màn hình, để lại ký tự lạ "
        "trên bản giấy); hãy xóa ký tự này nếu không cố ý đưa vào",
        "control character {char} {name}, written as an escape, in the text: it cannot be seen but can make the "
        "text display differently (a control character can recolour or erase a terminal's text, and leaves a "
        "stray mark on paper); delete it unless it is meant to be there",
    ),
    "invisible-character.more": (
        "và còn {count!n} ký tự vô hình hoặc ký tự điều khiển khác từ đây đến cuối tệp",
        "and {count!n} more invisible or control characters from here to the end of the file",
    ),
    # libyaml's words not worded below: English only ({detail}), never shown to a clerk who reads Vietnamese.
    "yaml-syntax": (
        "lỗi cú pháp YAML; hãy kiểm tra thụt lề, dấu hai chấm và dấu ngoặc kép ở chỗ này",
        "YAML syntax error; check the indentation, colons and quotes here (the YAML reader says: {detail})",
    ),
    # {context} and {problem}: "libyaml:" keys below.
    "yaml-syntax.read": (
        "lỗi cú pháp YAML; hãy kiểm tra thụt lề, dấu hai chấm và dấu ngoặc kép ở chỗ này ({context!k}: {problem!k})",
        "YAML syntax error; check the indentation, colons and quotes here ({context!k}: {problem!k})",
    ),
    "yaml-syntax.read-problem": (
        "lỗi cú pháp YAML; hãy kiểm tra thụt lề, dấu hai chấm và dấu ngoặc kép ở chỗ này ({problem!k})",
        "YAML syntax error; check the indentation, colons and quotes here ({problem!k})",
    ),
    "yaml-syntax.long-key": (
        "phần trước dấu hai chấm dài {length!n} ký tự, mà YAML chỉ đọc một khóa dài tối đa {limit!n} ký tự; "
        "không khóa nào của kế hoạch dài như vậy: nếu dòng này là nội dung, nó thiếu khóa (như \"product: …\") hoặc dấu nháy kép",
        "the text before the colon is {length!n} characters long, and YAML reads a key of at most {limit!n}; "
        "no key of a plan is that long: if the line is a value, it is missing its key (such as \"product: …\") or its double quotes",
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
    "yaml-syntax.after-quote": (
        "còn chữ sau dấu {quote} đóng giá trị: giá trị mở đầu bằng dấu ngoặc thì kết thúc ở dấu đóng nó; "
        "nếu dấu ngoặc là một phần của nội dung thì đặt cả giá trị trong ngoặc, ví dụ '\"Báo cáo\" năm 2026'",
        "text follows the {quote} that closes the value: a value that starts with a quote ends at the quote that "
        "closes it; if the quotes are part of the text, quote the whole value, e.g. '\"Báo cáo\" năm 2026'",
    ),
    "yaml-syntax.conflict": (
        "dòng này là dấu xung đột của git ({marker}) còn sót sau khi gộp nhánh: hãy giữ phần đúng giữa "
        "<<<<<<< và >>>>>>> rồi xóa các dòng <<<<<<<, ======= và >>>>>>>",
        "this line is a git conflict marker ({marker}) left by a merge: keep the right part between <<<<<<< and "
        ">>>>>>>, then delete the <<<<<<<, ======= and >>>>>>> lines",
    ),
    "yaml-syntax.key-column": (
        "khóa {key!q} lệch cột: hãy thẳng cột với khóa {other!q} ở dòng {line} (cột {column})",
        "the key {key!q} is out of line: line it up with the key {other!q} on line {line} (column {column})",
    ),
    "yaml-syntax.key-column.either": (
        "khóa {key!q} lệch cột: hãy thẳng cột với khóa {other!q} ở dòng {line} (cột {column}), "
        "hoặc với khóa {parent!q} ở dòng {parent_line} (cột {parent_column}) nếu nó cùng cấp với khóa đó",
        "the key {key!q} is out of line: line it up with the key {other!q} on line {line} (column {column}), "
        "or with the key {parent!q} on line {parent_line} (column {parent_column}) if it belongs at that level",
    ),
    "yaml-syntax.indent": (
        "thụt lề của dòng này không khớp với khối bắt đầu ở dòng {start}: các khóa cùng cấp phải thẳng cột "
        "với nhau, các dấu gạch đầu dòng (-) của một danh sách cũng vậy ({problem!k})",
        "the indentation of this line does not match the block that starts on line {start}: the keys of one level, "
        "and the dashes (-) of one list, must line up ({problem!k})",
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
        "một tệp kế hoạch hay sổ theo dõi tiến độ chỉ được chứa một tài liệu YAML; tài liệu thứ hai bắt đầu ở đây",
        "a plan file or progress log holds one YAML document; a second one starts here",
    ),
    "yaml-comment": (
        "giá trị chỉ còn {value!q}: trong YAML, \" #\" mở đầu một lời chú thích, nên {comment!q} sau dấu # bị bỏ; "
        "nếu dấu # thuộc về nội dung thì đặt cả giá trị trong dấu ngoặc kép",
        "the value is only {value!q}: in YAML \" #\" starts a comment, so {comment!q} after the # is left out; "
        "if the # belongs to the text, put the whole value in double quotes",
    ),
    "yaml-comment.empty": (
        "giá trị để trống: trong YAML, \"#\" đứng đầu giá trị mở đầu một lời chú thích, nên {comment!q} bị bỏ; "
        "nếu dấu # thuộc về nội dung thì đặt cả giá trị trong dấu ngoặc kép",
        "the value is empty: in YAML a \"#\" that starts a value starts a comment, so {comment!q} is left out; "
        "if the # belongs to the text, put the whole value in double quotes",
    ),
    "yaml-ambiguous": (
        "giá trị {value!q} được YAML 1.1 và YAML 1.2 hiểu khác nhau; nếu là văn bản thì đặt trong dấu ngoặc kép, "
        "nếu là số thì viết theo dạng thập phân thông thường (ví dụ 10 hoặc 2.5)",
        "plain value {value!q} means different things in YAML 1.1 and 1.2; "
        "quote it if it is text, or write the number in plain decimal (e.g. 10 or 2.5)",
    ),
    "yaml-ambiguous.infinity": (
        "giá trị {value!q} là vô cực hay \"không phải số\" đối với YAML, không phải số tiền nào; nếu là văn bản thì đặt "
        "trong dấu ngoặc kép, nếu là số thì viết theo dạng thập phân thông thường (ví dụ 10 hoặc 2.5)",
        "plain value {value!q} is infinity or not-a-number to YAML, never an amount; quote it if it is text, or write "
        "the number in plain decimal (e.g. 10 or 2.5)",
    ),
    "yaml-ambiguous.special": (
        "giá trị {value!q} là giá trị đặc biệt của YAML 1.1 (PyYAML không đọc được tệp có nó); hãy đặt trong dấu ngoặc kép",
        "plain value {value!q} is a special value to YAML 1.1 (PyYAML cannot read a file holding it); quote it",
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
    # libyaml's contexts: what it was reading.
    "libyaml:while parsing a flow sequence": ("khi đọc một danh sách trong ngoặc vuông", "while reading a list in square brackets"),
    "libyaml:while parsing a flow mapping": ("khi đọc một nhóm trường trong ngoặc nhọn", "while reading fields in curly braces"),
    "libyaml:while parsing a flow node": ("khi đọc một giá trị trong ngoặc", "while reading a value in brackets"),
    "libyaml:while parsing a block mapping": ("khi đọc các khóa của một nhóm trường", "while reading the keys of a group of fields"),
    "libyaml:while parsing a block collection": ("khi đọc một danh sách gạch đầu dòng (-)", "while reading a list of dashes (-)"),
    "libyaml:while parsing a block node": ("khi đọc một giá trị", "while reading a value"),
    "libyaml:while parsing a node": ("khi đọc một giá trị", "while reading a value"),
    "libyaml:while scanning a simple key": ("khi đọc một khóa", "while reading a key"),
    "libyaml:while scanning a plain scalar": ("khi đọc một giá trị", "while reading a value"),
    "libyaml:while scanning for the next token": ("khi đọc tiếp", "while reading on"),
    "libyaml:while scanning a quoted scalar": ("khi đọc một giá trị trong dấu ngoặc kép", "while reading a quoted value"),
    "libyaml:while parsing a quoted scalar": ("khi đọc một giá trị trong dấu ngoặc kép", "while reading a quoted value"),
    "libyaml:while scanning a block scalar": ("khi đọc một đoạn nhiều dòng (| hoặc >)", "while reading a block of lines (| or >)"),
    "libyaml:while scanning an anchor": ("khi đọc một điểm neo (&)", "while reading an anchor (&)"),
    "libyaml:while scanning an alias": ("khi đọc một tham chiếu (*)", "while reading an alias (*)"),
    "libyaml:while scanning a tag": ("khi đọc một thẻ kiểu dữ liệu (!)", "while reading a tag (!)"),
    "libyaml:while parsing a tag": ("khi đọc một thẻ kiểu dữ liệu (!)", "while reading a tag (!)"),
    "libyaml:while scanning a directive": ("khi đọc một chỉ thị (%)", "while reading a directive (%)"),
    "libyaml:while scanning a %YAML directive": ("khi đọc chỉ thị %YAML", "while reading a %YAML directive"),
    # libyaml's problems: what it found, or did not.
    "libyaml:did not find expected ',' or ']'": ("thiếu ',' hoặc ']'", "',' or ']' is missing"),
    "libyaml:did not find expected ',' or '}'": ("thiếu ',' hoặc '}}'", "',' or '}}' is missing"),
    "libyaml:did not find expected key": ("ở đây phải là một khóa cùng cấp", "a key of that level was expected here"),
    "libyaml:did not find expected '-' indicator": (
        "ở đây phải là một dấu gạch đầu dòng (-) cùng cấp",
        "a dash (-) of that level was expected here",
    ),
    "libyaml:did not find expected node content": ("ở đây phải là một giá trị", "a value was expected here"),
    "libyaml:did not find expected <document start>": (
        "còn nội dung sau khi tài liệu đã kết thúc",
        "there is more after the document has ended",
    ),
    "libyaml:could not find expected ':'": ("thiếu dấu hai chấm (:) sau khóa", "the colon (:) after the key is missing"),
    "libyaml:found character that cannot start any token": (
        "có một ký tự không được đứng đầu giá trị",
        "a character that cannot start a value",
    ),
    "libyaml:found unexpected end of stream": ("tệp kết thúc giữa chừng", "the file ends in the middle of it"),
    "libyaml:found unexpected document indicator": (
        "có dòng bắt đầu bằng '---' hoặc '...', là dấu bắt đầu hoặc kết thúc tài liệu",
        "a line starts with '---' or '...', which start or end a document",
    ),
    "libyaml:found unknown escape character": (
        "sau dấu \\ là một ký tự không hợp lệ (muốn viết chính dấu \\ thì viết \\\\)",
        "an unknown escape after a backslash (write \\\\ for a backslash itself)",
    ),
    "libyaml:did not find expected hexdecimal number": (
        "sau \\x, \\u hoặc \\U phải là các chữ số hệ mười sáu (0-9, A-F)",
        "\\x, \\u and \\U must be followed by hexadecimal digits (0-9, A-F)",
    ),
    "libyaml:found invalid Unicode character escape code": (
        "mã ký tự sau \\u hoặc \\U không hợp lệ",
        "the character code after \\u or \\U is not valid",
    ),
    "libyaml:block sequence entries are not allowed in this context": ("không được có dấu gạch đầu dòng (-) ở đây", "a dash (-) is not allowed here"),
    "libyaml:mapping keys are not allowed in this context": ("không được có dấu '?' ở đây", "a '?' is not allowed here"),
    "libyaml:found a tab character where an indentation space is expected": (
        "có ký tự tab ở chỗ phải thụt lề bằng dấu cách",
        "a tab where the indentation must be spaces",
    ),
    "libyaml:found a tab character that violates indentation": (
        "có ký tự tab ở chỗ phải thụt lề bằng dấu cách",
        "a tab where the indentation must be spaces",
    ),
    "libyaml:did not find expected comment or line break": (
        "sau | hoặc > chỉ được có chú thích (#) rồi xuống dòng",
        "only a comment (#) and a line break may follow | or >",
    ),
    "libyaml:found an indentation indicator equal to 0": ("số chỉ thụt lề sau | hoặc > không được là 0", "the indentation indicator after | or > cannot be 0"),
    "libyaml:did not find expected alphabetic or numeric character": ("thiếu tên (chữ cái hoặc chữ số)", "the name (letters or digits) is missing"),
    "libyaml:did not find the expected '>'": ("thiếu dấu '>'", "'>' is missing"),
    "libyaml:found undefined tag handle": ("thẻ dùng một tiền tố chưa khai báo", "the tag uses a prefix that is not declared"),
    "libyaml:found unknown directive name": ("YAML không có chỉ thị này", "YAML has no such directive"),
    "libyaml:did not find expected version number": ("thiếu số phiên bản", "the version number is missing"),
    "libyaml:found duplicate %YAML directive": ("chỉ thị %YAML bị lặp lại", "a second %YAML directive"),
    "libyaml:found incompatible YAML document": ("không đọc được phiên bản YAML này", "a YAML version that cannot be read"),
}
