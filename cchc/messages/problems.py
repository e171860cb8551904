"""Messages of the plan's problems: reading the file, the schema and the checks of meaning."""

MESSAGES = {
    "severity.error": ("lỗi", "error"),
    "severity.warning": ("cảnh báo", "warning"),
    # Reading the file.
    "not-found": ("không có tệp này", "no such file"),
    "not-a-file": ("là một thư mục, không phải tệp kế hoạch", "is a directory, not a plan file"),
    "not-a-file.docx": ("là một thư mục, không phải tệp Word", "is a directory, not a Word file"),
    "not-a-file.progress": ("là một thư mục, không phải sổ theo dõi tiến độ", "is a directory, not a progress log"),
    "not-a-file.bands": ("là một thư mục, không phải tệp thang điểm", "is a directory, not a score bands file"),
    "not-found.dangling-link": (
        "là liên kết tượng trưng tới {target!q}, nhưng tệp đó không tồn tại",
        "is a symbolic link to {target!q}, which does not exist",
    ),
    "unreadable": ("không đọc được tệp: {reason}", "cannot read the file: {reason}"),
    "unreadable.permission": ("không có quyền đọc tệp", "permission denied"),
    "empty": ("tệp không có nội dung (rỗng, hoặc chỉ có chú thích)", "the file holds nothing (it is empty, or only comments)"),
    # The schema.
    "schema.missing": ("thiếu trường bắt buộc {field!q}", "missing required field {field!q}"),
    "schema.unknown-field": ("trường không có trong mẫu kế hoạch: {field!q}", "unknown field {field!q}"),
    "schema.unknown-field.suggest": (
        "trường không có trong mẫu kế hoạch: {field!q}; có phải là {suggestion}?",
        "unknown field {field!q}; did you mean {suggestion}?",
    ),
    "schema.amount": (
        "{field!f} phải là số tiền tính bằng triệu đồng (ví dụ 10 hoặc 2.5) hoặc một ghi chú như \"Theo dự án\", nhưng đang là {value}",
        "{field} must be an amount in million VND (e.g. 10 or 2.5) or a note such as \"Theo dự án\", got {value}",
    ),
    "schema.number": (
        "{field!f} phải là số tiền tính bằng triệu đồng, viết như số (ví dụ 200 hoặc 2.5), nhưng đang là {value}",
        "{field} must be an amount in million VND written as a number (e.g. 200 or 2.5), got {value}",
    ),
    "schema.text": ("{field!f} phải là văn bản, nhưng đang là {value}", "{field} must be text, got {value}"),
    "schema.text-number": (
        "{field!f} phải là văn bản, nhưng YAML đọc {value} là một số; hãy đặt trong dấu ngoặc kép, đúng như văn bản ghi: "
        "{field}: \"{value}\"",
        "{field} must be text, but YAML reads {value} as a number; put it in double quotes, as the document writes it: "
        "{field}: \"{value}\"",
    ),
    "schema.text-number.element": (
        "mỗi mục của {field!f} phải là văn bản, nhưng YAML đọc {value} là một số; hãy đặt trong dấu ngoặc kép, đúng như văn bản "
        "ghi: \"{value}\"",
        "each entry of {field} must be text, but YAML reads {value} as a number; put it in double quotes, as the document "
        "writes it: \"{value}\"",
    ),
    "schema.key": (
        "{field!f} có một khóa không phải là văn bản ({value}: YAML đọc là số, true/false, ngày hay null); hãy đặt khóa trong dấu ngoặc kép",
        "{field} has a key that is not text ({value}: YAML reads it as a number, true or false, a date or null); put the key in double quotes",
    ),
    "schema.key.top": (
        "tệp có một khóa không phải là văn bản ({value}: YAML đọc là số, true/false, ngày hay null); hãy đặt khóa trong dấu ngoặc kép",
        "the file has a key that is not text ({value}: YAML reads it as a number, true or false, a date or null); put the key in double quotes",
    ),
    "schema.text-colon": (
        "{field!f} phải là văn bản, nhưng dấu hai chấm và dấu cách (\": \") ở giữa làm YAML hiểu thành một khóa và giá trị; "
        "hãy đặt cả nội dung trong dấu ngoặc kép: {text}",
        "{field} must be text, but the colon and space (\": \") inside it made YAML read a key and a value; "
        "put the whole text in double quotes: {text}",
    ),
    "schema.list.text": (
        "{field!f} phải là một danh sách, nhưng đang là {value}: viết mỗi mục một dòng bên dưới, bắt đầu bằng dấu gạch (- {text})",
        "{field} must be a list, got {value}: write each entry on a line of its own under it, after a dash (- {text})",
    ),
    "schema.text.list-element": (
        "mỗi mục của {field!f} phải là văn bản, nhưng mục này là một danh sách trong ngoặc vuông, {value}: viết mỗi tên một dòng "
        "(- …), tên có dấu phẩy viết nguyên như vậy",
        "each entry of {field} must be text, but this one is a list in square brackets, {value}: write each name on a line of "
        "its own (- …), a name with commas as it is",
    ),
    "schema.list": ("{field!f} phải là một danh sách, nhưng đang là {value}", "{field} must be a list, got {value}"),
    "schema.mapping": ("{field!f} phải là một nhóm trường (khóa: giá trị), nhưng đang là {value}", "{field} must be a mapping of fields, got {value}"),
    "schema.id": (
        "mã {value!q} chỉ gồm chữ cái không dấu và chữ số, có thể nối bằng '.', '-' hoặc '_' (ví dụ I-3)",
        "id {value!q} must be letters and digits, with '.', '-' or '_' between them (e.g. I-3)",
    ),
    "schema.empty": ("{field!f} không được để trống", "{field} must not be empty"),
    "schema.too-long": ("{field!f} quá dài (tối đa {limit} ký tự)", "{field} is too long (at most {limit} characters)"),
    "schema.date-impossible": (
        "{field!f}: không có ngày {value} trên lịch (tháng không có ngày ấy, hoặc không có tháng ấy)",
        "{field}: there is no day {value} in the calendar (the month has no such day, or there is no such month)",
    ),
    "schema.date": (
        "{field!f} phải là ngày viết theo dạng năm-tháng-ngày, ví dụ 2021-12-15 (không viết 15/12/2021), nhưng đang là {value}",
        "{field} must be a date written year-month-day, e.g. 2021-12-15 (not 15/12/2021), got {value}",
    ),
    "schema.integer": ("{field!f} phải là số nguyên, nhưng đang là {value}", "{field} must be a whole number, got {value}"),
    "schema.bool": ("{field!f} phải là true hoặc false, nhưng đang là {value}", "{field} must be true or false, got {value}"),
    "schema.range": ("{field!f} nằm ngoài khoảng cho phép: {value}", "{field} is out of range: {value}"),
    "schema.range.ge": ("{field!f} nằm ngoài khoảng cho phép: {value} (nhỏ nhất là {bound})", "{field} is out of range: {value} (at least {bound})"),
    "schema.range.le": ("{field!f} nằm ngoài khoảng cho phép: {value} (lớn nhất là {bound})", "{field} is out of range: {value} (at most {bound})"),
    "schema.choice": ("{field!f} phải là một trong: {choices}; đang là {value}", "{field} must be one of: {choices}; got {value}"),
    "schema.plan": (
        "tệp kế hoạch phải là một nhóm trường gồm plan, agencies, sections (và decision nếu là quyết định)",
        "a plan file is a mapping with plan, agencies and sections (and decision for a decision)",
    ),
    "schema.more": (
        "và {count} lỗi khác về mẫu kế hoạch từ đây trở đi không được liệt kê; sửa các lỗi trên rồi chạy lại",
        "and {count} more schema errors from here on are not listed; fix those above and run again",
    ),
    "schema.other": ("{field!f}: giá trị không hợp lệ", "{field}: invalid value ({detail})"),  # pydantic's words: English only
    "status-in-plan": (
        "tiến độ không ghi trong kế hoạch đã ban hành: bỏ trường {field!q} và ghi vào sổ theo dõi bằng lệnh "
        "`cchc progress {id} --status {status} --on NGÀY{plan}`",
        "progress is not kept in the approved plan: remove {field!q} and record it in the log with "
        "`cchc progress {id} --status {status} --on DATE{plan}`",
    ),
    "status-in-plan.dated": (
        "tiến độ không ghi trong kế hoạch đã ban hành: bỏ trường {field!q} và ghi vào sổ theo dõi bằng lệnh "
        "`cchc progress {id} --status {status} --on {day}{plan}`",
        "progress is not kept in the approved plan: remove {field!q} and record it in the log with "
        "`cchc progress {id} --status {status} --on {day}{plan}`",
    ),
    # Meaning.
    "duplicate-id": ("mã {id!q} bị dùng hai lần (lần đầu ở dòng {at})", "item id {id!q} is used twice (first on line {at})"),
    "duplicate-id.spelled": (
        "mã {id!q} bị dùng hai lần (lần đầu ở dòng {at}, viết {first!q}; mã không phân biệt hoa thường)",
        "item id {id!q} is used twice (first on line {at}, written {first!q}; ids are compared without case)",
    ),
    "duplicate-section": ("mục {label!q} xuất hiện hai lần (lần đầu ở dòng {at})", "section {label!q} appears twice (first on line {at})"),
    "duplicate-agency": ("{spelling!q} đã là tên của {owner!q} (dòng {at})", "{spelling!q} already names {owner!q} (on line {at})"),
    "duplicate-agency.same": (
        "{spelling!q} được ghi hai lần cho {owner!q} (lần đầu ở dòng {at})", "{spelling!q} is listed twice for {owner!q} (first on line {at})"
    ),
    "duplicate-agency.differs": (
        "cơ quan {owner!q} được ghi hai lần, mỗi lần một khác (tên viết tắt, nhóm hay thành viên; lần đầu ở dòng {at}): giữ một mục",
        "agency {owner!q} is listed twice, each entry different (short names, group or members; first on line {at}): keep one entry",
    ),
    "duplicate-agency.twice": ("cơ quan {owner!q} được ghi hai lần (lần đầu ở dòng {at})", "agency {owner!q} is listed twice (first on line {at})"),
    "look-alike-agency": (
        "{spelling!q} chỉ khác {other!q} (tên của {owner!q}) ở dấu: gõ không dấu thì không phân biệt được; kiểm tra lại với văn bản",
        "{spelling!q} differs from {other!q} (which names {owner!q}) only in its marks: typed without them the two are one; check the source",
    ),
    "look-alike-agency.written": (
        "{spelling!q} là {other!q} (tên của {owner!q}) viết cách khác (viết tắt hay viết đủ, dấu câu): hai mục cho một cơ quan thì "
        "các lệnh tra cứu và phép cộng tính riêng từng mục; kiểm tra lại với văn bản",
        "{spelling!q} is {other!q} (which names {owner!q}) written another way (abbreviated or in full, punctuation): two entries "
        "for one agency are counted apart by queries and sums; check the source",
    ),
    "mixed-script": (
        "{spelling!q}: chữ {char} ({name}) nằm giữa các chữ Latinh trong {word!q}; trông như chữ Latinh nên hai tên đọc "
        "như nhau có thể là hai cơ quan khác nhau; kiểm tra lại với văn bản",
        "{spelling!q}: the letter {char} ({name}) stands among Latin letters in {word!q}; it looks like a Latin one, so two "
        "names that read alike can be two agencies; check the source",
    ),
    "mixed-script.look-alike": (
        "{spelling!q}: {word!q} được viết bằng chữ cái của bộ chữ khác ({char}, {name}) trông như chữ Latinh; gõ bằng "
        "bàn phím tiếng Việt thì thành một tên khác; kiểm tra lại với văn bản",
        "{spelling!q}: {word!q} is written in letters of another script ({char}, {name}) drawn as Latin ones; typed on a "
        "Vietnamese keyboard it is another name; check the source",
    ),
    "mixed-script.label": (
        "số hiệu mục {label!q} có chữ {char} ({name}) trông như chữ Latinh nhưng là chữ khác: hai mục có thể đọc như "
        "một và --section không tìm thấy mục này; kiểm tra lại với văn bản",
        "section label {label!q} holds the letter {char} ({name}), drawn as a Latin one but another: two sections can "
        "read as one and --section misses this one; check the source",
    ),
    "unknown-agency": (
        "cơ quan {name!q} không có trong danh mục cơ quan (cơ quan mới thì thêm vào agencies:)",
        "agency {name!q} is not in the registry (a new agency goes under agencies:)",
    ),
    "unknown-agency.suggest": (
        "cơ quan {name!q} không có trong danh mục cơ quan; có phải là {suggestions}? (cơ quan mới thì thêm vào agencies:)",
        "agency {name!q} is not in the registry; did you mean {suggestions}? (a new agency goes under agencies:)",
    ),
    "unknown-agency.joined": (
        "cơ quan {name!q} không có trong danh mục cơ quan, nhưng {names} thì có: một dòng \"- …\" thụt vào sâu hơn dòng "
        "\"- …\" ngay trên nó được YAML đọc nối vào dòng trên thành một tên; hãy viết các dấu gạch đầu dòng thẳng cột với nhau",
        "agency {name!q} is not in the registry, but {names} are: a \"- …\" line indented deeper than the \"- …\" line "
        "above it is read by YAML as that line's continuation, one name; put the dashes of a list in one column",
    ),
    "unknown-agency.split": (
        "cơ quan {name!q} không có trong danh mục cơ quan, nhưng {whole!q} thì có: trong danh sách viết trong ngoặc vuông, "
        "dấu phẩy tách các tên; hãy đặt tên có dấu phẩy trong ngoặc kép, hoặc viết mỗi tên một dòng (- {whole})",
        "agency {name!q} is not in the registry, but {whole!q} is: in a list written in square brackets, commas part the "
        "names; put a name that holds a comma in quotes, or write one name a line (- {whole})",
    ),
    "unknown-member.split": (
        "nhóm {group!q} có thành viên {name!q} không có trong danh mục cơ quan, nhưng {whole!q} thì có: trong danh sách "
        "viết trong ngoặc vuông, dấu phẩy tách các tên; hãy đặt tên có dấu phẩy trong ngoặc kép, hoặc viết mỗi tên một dòng",
        "group {group!q} has a member {name!q} that is not in the registry, but {whole!q} is: in a list written in square "
        "brackets, commas part the names; put a name that holds a comma in quotes, or write one name a line",
    ),
    "unknown-member": ("nhóm {group!q} có thành viên {name!q} không có trong danh mục cơ quan", "group {group!q} has a member {name!q} that is not in the registry"),
    "member-cycle": ("nhóm {group!q} chứa chính nó (qua {trail})", "group {group!q} contains itself (through {trail})"),
    "member-cycle.long": (
        "nhóm {group!q} chứa chính nó qua {count} nhóm ({trail})",
        "group {group!q} contains itself through {count} groups ({trail})",
    ),
    "members-not-group": ("{name!q} có danh sách thành viên nhưng không đánh dấu là nhóm (group: true)", "{name!q} has members but is not marked as a group (group: true)"),
    "repeated-agency": ("{name!q} lặp lại cơ quan {agency!q}", "{name!q} names {agency!q} again"),
    "date-year": ("văn bản đề ngày {date}, xa năm của kế hoạch ({year}): kế hoạch năm nào thường được ban hành trong năm ấy hay năm trước",
                  "the document is dated {date}, far from the plan's year ({year}): a year's plan is issued in that year or the one before"),
    "look-alike-id": (
        "mã {id!q} chỉ khác mã {first!q} (dòng {at}) ở loại dấu ngăn cách hay số 0 ở đầu: nhật ký tiến độ dễ ghi nhầm mã này thành mã kia",
        "id {id!q} differs from {first!q} (line {at}) only in the kind of its separators or leading zeros: a progress log may name the one for the other",
    ),
    "total-as-item": (
        "sản phẩm {product!q} là nhãn của dòng cộng hay tổng cộng, không phải một nhiệm vụ: số tiền của nó bị cộng thêm vào tổng",
        "product {product!q} is a subtotal's or total's label, not a task: its amount is counted in the total once more",
    ),
    "lead-partner": ("{name!q} là cơ quan phối hợp mà cũng là cơ quan chủ trì của nhiệm vụ này ({agency!q})",
                     "{name!q} is a partner and also the lead of this item ({agency!q})"),
    "no-lead": ("nhiệm vụ {id} chưa có cơ quan chủ trì", "item {id} has no lead agency (Cơ quan chủ trì)"),
    "blank-product": (
        "nhiệm vụ {id} có sản phẩm để trống (chỉ có khoảng trắng hay ký tự vô hình)",
        "item {id} has a blank product (only spaces or invisible characters)",
    ),
    "blank-deadline": ("nhiệm vụ {id} chưa có thời hạn (ô Thời gian hoàn thành để trống)", "item {id} has no deadline (Thời gian hoàn thành)"),
    "deadline-year": (
        "thời hạn {text!q} của nhiệm vụ {id} rơi vào ngày {due!d}, ngoài năm {year} của kế hoạch",
        "deadline {text!q} of item {id} falls on {due!d}, outside the plan's year {year}",
    ),
    "deadline-year.before-plan": (
        "thời hạn {text!q} của nhiệm vụ {id} đến hạn ngày {due!d}, trước ngày của kế hoạch ({date!d}): "
        "có phải thời hạn của kế hoạch năm trước?",
        "deadline {text!q} of item {id} falls due on {due!d}, before the plan's date ({date!d}): "
        "is it a deadline of an earlier year's plan?",
    ),
    "deadline-year.before-year": (
        "thời hạn {text!q} của nhiệm vụ {id} đến hạn ngày {due!d}, trước năm {year} của kế hoạch: "
        "có phải thời hạn của kế hoạch năm trước?",
        "deadline {text!q} of item {id} falls due on {due!d}, before the plan's year {year}: "
        "is it a deadline of an earlier year's plan?",
    ),
    "deadline-year.start": (
        "thời hạn {text!q} của nhiệm vụ {id} có mốc bắt đầu ({due!d}) xa năm {year} của kế hoạch",
        "deadline {text!q} of item {id} has its start ({due!d}) far from the plan's year {year}",
    ),
    "negative-amount": ("kinh phí {amount!m} là số âm", "budget {amount!m} is negative"),
    "negative-amount.total": ("tổng kinh phí công bố là số âm", "the declared total is negative"),
    "amount-range": (
        "kinh phí {amount} vượt giới hạn hợp lý (tối đa 10^15 triệu đồng)",
        "budget {amount} is beyond a sane bound (at most 10^15 million VND)",
    ),
    "amount-range.total": (
        "tổng kinh phí công bố {amount} vượt giới hạn hợp lý (tối đa 10^15 triệu đồng)",
        "the declared total {amount} is beyond a sane bound (at most 10^15 million VND)",
    ),
    "amount-precision.total": (
        "tổng kinh phí công bố {amount} có phần lẻ nhỏ hơn một đồng (tối đa 6 chữ số sau dấu thập phân khi tính bằng triệu đồng)",
        "the declared total {amount} has a fraction smaller than one đồng (at most 6 decimals in million VND)",
    ),
    "amount-precision": (
        "kinh phí {amount} có phần lẻ nhỏ hơn một đồng (tối đa 6 chữ số sau dấu thập phân khi tính bằng triệu đồng)",
        "budget {amount} has a fraction smaller than one đồng (at most 6 decimals in million VND)",
    ),
    "amount-in-dong": (
        "kinh phí {amount!m} của nhiệm vụ {id} lớn hơn tổng kinh phí công bố ({total!m}) nhiều lần: có thể đang ghi bằng đồng thay vì triệu đồng",
        "budget {amount!m} of item {id} is many times the declared total ({total!m}): it is probably in đồng rather than million đồng",
    ),
    "amount-thousands-dot": (
        "kinh phí {amount} của nhiệm vụ {id} có ba chữ số sau dấu chấm: văn bản tiếng Việt dùng dấu chấm ngăn cách hàng "
        "nghìn; nếu là {thousands} triệu đồng thì ghi {thousands}, nếu là {decimal} triệu đồng thì ghi {decimal}",
        "budget {amount} of item {id} has three digits after the dot, which Vietnamese writing uses to group thousands: "
        "write {thousands} for {thousands} million VND, or {decimal} for {decimal} million VND",
    ),
    "amount-thousands-dot.total": (
        "tổng kinh phí công bố {amount} có ba chữ số sau dấu chấm: văn bản tiếng Việt dùng dấu chấm ngăn cách hàng "
        "nghìn; nếu là {thousands} triệu đồng thì ghi {thousands}, nếu là {decimal} triệu đồng thì ghi {decimal}",
        "the declared total {amount} has three digits after the dot, which Vietnamese writing uses to group thousands: "
        "write {thousands} for {thousands} million VND, or {decimal} for {decimal} million VND",
    ),
    "text-amount": (
        "kinh phí {note!q} được ghi là chữ, không phải số; hãy ghi số triệu đồng bằng chữ số, dùng dấu chấm cho phần thập phân (10 hoặc 10.5)",
        "budget {note!q} is written as text, not as a number; write the number of million VND as a plain number, with a dot for decimals (10 or 10.5)",
    ),
    "text-amount.words": (
        "kinh phí {note!q} là số tiền viết bằng chữ; hãy ghi số triệu đồng bằng chữ số, dùng dấu chấm cho phần thập phân (10 hoặc 10.5)",
        "budget {note!q} is an amount written in words; write the number of million VND as a plain number, with a dot for decimals (10 or 10.5)",
    ),
    "text-amount.grouped": (
        "kinh phí {note!q} có dấu chấm ngăn cách hàng nghìn nên được đọc là chữ, không phải số: kinh phí ghi bằng triệu đồng, "
        "không có dấu ngăn cách; nếu là {note} đồng thì ghi {million}, nếu là {note} triệu đồng thì ghi {whole}",
        "budget {note!q} groups thousands with dots, so it is read as text, not a number: budgets are in million VND, with no "
        "separators; write {million} for {note} VND, or {whole} for {note} million VND",
    ),
    "text-amount.comma": (
        "kinh phí {note!q} có dấu phẩy thập phân nên được đọc là chữ, không phải số: tệp kế hoạch ghi phần thập phân sau dấu chấm; ghi {dotted}",
        "budget {note!q} has a decimal comma, so it is read as text, not a number: the plan file writes decimals after a dot; write {dotted}",
    ),
    "text-amount.zero-first": (
        "kinh phí {note!q} được đọc là chữ, không phải số (số bắt đầu bằng 0, hoặc nằm trong dấu nháy): ghi {bare}",
        "budget {note!q} is read as text, not as a number (a number starting with 0, or in quotes): write {bare}",
    ),
    "text-amount.quoted": (
        "kinh phí {note!q} nằm trong dấu nháy nên được đọc là chữ, không phải số: ghi {bare} không có dấu nháy",
        "budget {note!q} is in quotes, so it is read as text, not a number: write {bare} without the quotes",
    ),
    "cell-names.lead": (
        "ô cơ quan chủ trì ghi {cell!q} không phải danh sách lead {names!q} theo đúng thứ tự và đúng từng chữ, giữa các "
        "tên chỉ có dấu phẩy, chấm phẩy hay xuống dòng: bản in ghi ô này, còn tra cứu dùng danh sách; hãy sửa cho khớp",
        "the lead cell as written, {cell!q}, is not the lead names {names!q} word for word in that order with only commas, "
        "semicolons or line breaks between them: the printed plan shows the cell, queries use the list; make them agree",
    ),
    "cell-names.partners": (
        "ô cơ quan phối hợp ghi {cell!q} không phải danh sách partners {names!q} theo đúng thứ tự và đúng từng chữ, giữa các "
        "tên chỉ có dấu phẩy, chấm phẩy hay xuống dòng: bản in ghi ô này, còn tra cứu dùng danh sách; hãy sửa cho khớp",
        "the partners cell as written, {cell!q}, is not the partner names {names!q} word for word in that order with only "
        "commas, semicolons or line breaks between them: the printed plan shows the cell, queries use the list; make them agree",
    ),
    "budget-note": (
        "ghi chú kinh phí {note!q} không phải số tiền, cũng không phải ghi chú dạng \"Theo dự án\", \"Theo kế hoạch\", \"Theo đề án\"",
        "budget note {note!q} is not an amount nor a note such as \"Theo dự án\", \"Theo kế hoạch\", \"Theo đề án\"",
    ),
    "heading-role": (
        "tiêu đề cột {heading!q} không được đọc là tiêu đề cột {named!k}: tệp Word in ra với tiêu đề này, khi nhập lại, "
        "sẽ mất cột ấy hoặc đọc nó thành cột khác; hãy ghi tiêu đề như văn bản gốc, có tên của cột (ví dụ \"Cơ quan chủ trì …\")",
        "the column heading {heading!q} does not read as a {named!k} heading: a Word file printed with it would, imported "
        "again, lose that column or read it as another; write the heading as the source does, naming the column (e.g. \"Cơ quan chủ trì …\")",
    ),
    "heading-unit": (
        "tiêu đề cột kinh phí {heading!q} không nói rõ đơn vị triệu đồng, mà mọi số tiền trong tệp kế hoạch đều tính bằng "
        "triệu đồng: bản in sẽ đặt các số ấy dưới một đơn vị khác; hãy ghi đơn vị, ví dụ \"Kinh phí (triệu đồng)\"",
        "the budget column heading {heading!q} does not say million VND (triệu đồng), the unit of every amount in a plan "
        "file: the printed plan would put those figures under another unit; say it, e.g. \"Kinh phí (triệu đồng)\"",
    ),
    "checks-more": (
        "và {count!n} vấn đề khác mà các bước kiểm tra nội dung tìm ra từ đây trở đi không được liệt kê (chỉ liệt "
        "kê 1.000 lỗi và 1.000 cảnh báo đầu tiên); sửa các vấn đề trên rồi chạy lại",
        "and {count!n} more problems the checks found from here on are not listed (the first 1,000 errors and 1,000 "
        "warnings are); fix those above and run again",
    ),
    "budget-note.total": (
        "ghi chú tổng kinh phí {note!q} có số tiền, nhưng không số nào trong đó được so với tổng các khoản ghi số; "
        "nếu đó là tổng kinh phí của kế hoạch, hãy ghi total_million_vnd (số triệu đồng)",
        "the total note {note!q} holds a sum of money that no check compares with the items; if it is the plan's "
        "total, write total_million_vnd (million VND)",
    ),
    "text-amount.total-note": (
        "tổng kinh phí ghi ở total_note {note!q} là một số tiền, nên các khoản ghi số không được so với nó: hãy ghi "
        "total_million_vnd là số triệu đồng bằng chữ số (và total_in_words cho số tiền bằng chữ)",
        "the total note {note!q} is an amount, so the items are never checked against it: write total_million_vnd "
        "as the number of million VND (and total_in_words for the amount in words)",
    ),
    "blank-agency": (
        "tên cơ quan {spelling!q} chỉ gồm dấu cách hay ký tự vô hình: không ai đọc được, và nhiệm vụ ghi tên này như "
        "không có cơ quan",
        "agency name {spelling!q} is spaces or invisible characters only: nobody can read it, and an item naming it "
        "shows no agency",
    ),
    "budget-note.figures": (
        "ghi chú kinh phí {note!q} không phải số tiền, cũng không phải ghi chú dạng \"Theo dự án\": không con số nào "
        "trong đó được cộng vào tổng; nếu là số tiền của nhiệm vụ, hãy ghi một số (triệu đồng)",
        "budget note {note!q} is not an amount nor a note such as \"Theo dự án\": no figure in it counts towards any "
        "total; if it is the item's amount, write one number (million VND)",
    ),
    "total-mismatch": (
        "tổng các khoản ghi số {itemized!m} khác tổng kinh phí công bố {declared!m}: chênh lệch {difference!M}",
        "itemized total {itemized!m} differs from the declared total {declared!m}: difference {difference!M}",
    ),
    "total-mismatch.text-amounts": (
        "tổng các khoản ghi số {itemized!m} (không tính {count} khoản kinh phí không viết thành số; xem các lỗi text-amount) khác tổng kinh phí "
        "công bố {declared!m}: chênh lệch {difference!M}",
        "itemized total {itemized!m} (leaving out {count} amount(s) not written as a number; see the text-amount errors) differs from "
        "the declared total {declared!m}: difference {difference!M}",
    ),
    "total-in-words": ("không đọc được số tiền bằng chữ {words!q}", "cannot read the total in words {words!q}: {reason}"),
    "total-in-words.part": (
        "không đọc được số tiền bằng chữ {words!q}: không hiểu {part!q}",
        "cannot read the total in words {words!q}: {part!q} is not understood",
    ),
    "total-in-words.wrapped": (
        "total_in_words chỉ ghi phần chữ, không kèm \"(Bằng chữ: …)\" mà bản in tự thêm: viết {inner!q}",
        "total_in_words holds the words only, without the \"(Bằng chữ: …)\" the print adds around them: write {inner!q}",
    ),
    "total-in-words.mismatch": (
        "số tiền bằng chữ là {in_million!m} ({in_words!n} đồng) nhưng tổng kinh phí công bố là {declared!m}; bằng chữ đúng là {expected!q}",
        "the total in words reads {in_million!m} ({in_words!n} VND) but the declared total is {declared!m}; in words the declared total is {expected!q}",
    ),
    "total-in-words.thousands-dot": (
        "số tiền bằng chữ là {in_million!m} ({in_words!n} đồng), còn tổng kinh phí công bố ghi {amount}, được đọc là "
        "{declared!m} (dấu chấm là dấu thập phân): nếu là {thousands} triệu đồng thì ghi {thousands}, không có dấu chấm",
        "the total in words reads {in_million!m} ({in_words!n} VND) but the declared total is written {amount}, read as "
        "{declared!m} (the dot is a decimal point): for {thousands} million VND write {thousands}, with no dot",
    ),
    "total-in-words.items": (
        "số tiền bằng chữ là {in_million!m} ({in_words!n} đồng), bằng tổng kinh phí các nhiệm vụ, nhưng tổng kinh phí công bố "
        "là {declared!m}: hãy đối chiếu con số với văn bản gốc",
        "the total in words reads {in_million!m} ({in_words!n} VND), which is what the items add up to, but the declared "
        "total is {declared!m}: check the figure against the source document",
    ),
    "total-in-words.mismatch-figure": (
        "số tiền bằng chữ là {in_million!m} ({in_words!n} đồng) nhưng tổng kinh phí công bố là {declared!m}",
        "the total in words reads {in_million!m} ({in_words!n} VND) but the declared total is {declared!m}",
    ),
    "total-in-words.alone": (
        "có số tiền bằng chữ nhưng không có tổng kinh phí bằng số (total_million_vnd)",
        "the total is written in words but not as a figure (total_million_vnd)",
    ),
    "empty-section": ("mục {label!q} chưa có nhiệm vụ nào", "section {label!q} has no tasks yet"),
    "empty-task": ("nhiệm vụ {label!q} của mục {section!q} chưa có sản phẩm nào", "task {label!q} of section {section!q} has no items yet"),
    "empty-task.unnamed": (
        "một nhiệm vụ không số, không tên của mục {section!q} chưa có sản phẩm nào",
        "a task with no number and no title in section {section!q} has no items yet",
    ),
    "no-sections": ("kế hoạch chưa có bảng nhiệm vụ", "the plan has no task table yet"),
    "unknown-default-lead": (
        "cơ quan chủ trì mặc định {name!q} không có trong danh mục cơ quan",
        "the default lead {name!q} is not in the registry",
    ),
    "plan-in-article": ("quyết định không có Điều {number} để ghi nội dung kế hoạch", "the decision has no article {number} to hold the plan"),
}
