"""Messages of `cchc import` (a plan read from a Word document): refusals, warnings, the comments it writes, help."""

_HELP = ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit.")

MESSAGES = {
    # help
    "help:cchc import": (
        "Đọc kế hoạch CCHC từ tệp Word (.docx) thành tệp kế hoạch YAML.\n\n"
        "Đọc phần đầu văn bản (cơ quan, số, ngày; quyết định với căn cứ, các điều, nơi nhận), các phần "
        "văn bản trước và sau bảng, và bảng nhiệm vụ (tìm cột theo tiêu đề; ô gộp được tính cho mọi dòng "
        "mà nó phủ). Giữ nguyên từng chữ; chỗ phải đoán được ghi chú \"# đoán:\" trong tệp, chỗ không xếp "
        "được thì cảnh báo. Mã thoát 0 khi kết quả hợp lệ, 1 khi đã ghi nhưng kết quả có lỗi, 2 khi không "
        "đọc được tệp Word hoặc tệp ra đã có.",
        "Read a CCHC plan from a Word file (.docx) into a YAML plan file.\n\n"
        "Reads the document's header (bodies, number, date; for a decision its legal bases, articles and "
        "recipients), the prose before and after the table, and the task table (columns found by their "
        "headings; a merged cell counts for every row it covers). Text is kept word for word; where it had "
        "to guess the file says so in a \"# đoán:\" comment, and what it could not place is a warning. "
        "Exit 0 when the result validates, 1 when it was written but has errors, 2 when the Word file "
        "cannot be read or the output exists.",
    ),
    "help:cchc import document": ("Tệp Word (.docx) cần đọc.", "The Word file (.docx) to read."),
    "help:cchc import --output": (
        "Ghi tệp kế hoạch YAML ra đây thay vì in ra màn hình; không ghi đè tệp đã có (trừ khi có --force), "
        "không bao giờ ghi đè tệp Word.",
        "Write the YAML plan here instead of standard output; never over an existing file (unless --force), "
        "never over the Word file.",
    ),
    "help:cchc import --force": ("Cho phép ghi đè tệp ra đã có.", "Allow overwriting an existing output file."),
    "help:cchc import --agencies": (
        "Danh mục cơ quan có sẵn (tệp kế hoạch, hoặc tệp YAML có danh sách agencies:): tên nào có trong đó "
        "(không kể chữ hoa, khoảng trắng) thì lấy mục của danh mục (nhóm, tên viết tắt); tên vẫn ghi như văn bản.",
        "An existing agency registry (a plan file, or a YAML file with an agencies: list): a name found there "
        "(case and spacing aside) takes the registry's entry (groups, short forms); the name stays as the document writes it.",
    ),
    "help:cchc import --help": _HELP,
    # refusals (exit 2)
    "docx.too-large": ("tệp lớn quá {limit!n} byte; không đọc", "the file is over {limit!n} bytes; not read"),
    "docx.ole": (
        "đây là tệp Word cũ (.doc), không phải .docx; hãy chuyển sang .docx trước, ví dụ: "
        "soffice --headless --convert-to docx TỆP.doc (hoặc mở bằng Word rồi Lưu thành .docx)",
        "this is an old Word file (.doc), not a .docx; convert it first, e.g. "
        "soffice --headless --convert-to docx FILE.doc (or open it in Word and save as .docx)",
    ),
    "docx.encrypted": (
        "tệp Word được đặt mật khẩu (mã hóa) nên không đọc được; hãy mở bằng Word, bỏ mật khẩu "
        "(Tệp > Thông tin > Bảo vệ tài liệu > Mã hóa bằng mật khẩu, xóa mật khẩu) rồi lưu lại thành .docx không có mật khẩu",
        "the Word file is password-protected (encrypted) and cannot be read; open it in Word, remove the password "
        "(File > Info > Protect Document > Encrypt with Password, clear it) and save it again as a .docx without a password",
    ),
    "docx.pdf": (
        "đây là tệp PDF, không phải .docx; cchc đọc bản Word của kế hoạch: hãy dùng tệp .docx gốc (tệp .doc thì lưu thành .docx trước)",
        "this is a PDF, not a .docx; cchc reads the plan's Word file: use the original .docx (a .doc saved as .docx first)",
    ),
    "docx.rtf": (
        "đây là tệp RTF, không phải .docx; hãy chuyển sang .docx trước, ví dụ: "
        "soffice --headless --convert-to docx TỆP.rtf (hoặc mở bằng Word rồi Lưu thành .docx)",
        "this is an RTF file, not a .docx; convert it first, e.g. "
        "soffice --headless --convert-to docx FILE.rtf (or open it in Word and save as .docx)",
    ),
    "docx.html": (
        "đây là trang web (HTML) mang tên tệp Word, không phải .docx; hãy mở bằng Word rồi Lưu thành .docx, hoặc: "
        "soffice --headless --convert-to docx:\"MS Word 2007 XML\" TỆP",
        "this is a web page (HTML) with a Word file's name, not a .docx; open it in Word and save as .docx, or: "
        "soffice --headless --convert-to docx:\"MS Word 2007 XML\" FILE",
    ),
    "docx.empty": ("tệp rỗng, không có gì để đọc", "the file is empty: there is nothing to read"),
    "docx.word-xml": (
        "đây là tệp Word 2003 XML, không phải .docx; hãy mở bằng Word rồi Lưu thành .docx, hoặc: soffice --headless --convert-to docx TỆP",
        "this is a Word 2003 XML file, not a .docx; open it in Word and save as .docx, or: soffice --headless --convert-to docx FILE",
    ),
    "docx.odt": (
        "đây là tệp OpenDocument (.odt), không phải .docx; hãy chuyển sang .docx trước, ví dụ: "
        "soffice --headless --convert-to docx TỆP.odt (hoặc trong LibreOffice: Tệp > Lưu thành > Word)",
        "this is an OpenDocument file (.odt), not a .docx; convert it first, e.g. "
        "soffice --headless --convert-to docx FILE.odt (or in LibreOffice: File > Save As > Word)",
    ),
    "docx.not-zip": ("không phải tệp Word .docx (tệp .docx là một tệp nén zip)", "not a Word .docx file (a .docx is a zip archive)"),
    "docx.no-main-part": (
        "tệp chỉ tới phần văn bản chính {part!q}, nhưng tệp nén không có phần đó: tệp Word bị hỏng",
        "the file points to its main document part {part!q}, which the archive does not hold: a broken Word file",
    ),
    "docx.no-document": (
        "tệp nén không có word/document.xml: không phải tệp Word .docx",
        "the archive has no word/document.xml: not a Word .docx file",
    ),
    "docx.zip-entries": ("tệp nén có {count!n} mục, quá giới hạn {limit!n}; không đọc", "the archive has {count!n} entries, over the limit of {limit!n}; not read"),
    "docx.zip-duplicate": ("tệp nén có hai mục cùng tên {name!q}; không đọc", "the archive has two entries named {name!q}; not read"),
    "docx.zip-size": (
        "nội dung giải nén lớn quá {limit!n} byte (có thể là bom nén); không đọc",
        "the archive inflates to more than {limit!n} bytes (a zip bomb?); not read",
    ),
    "docx.zip-ratio": (
        "mục {name!q} nén với tỉ lệ {ratio!n}:1, quá giới hạn {limit!n}:1 (có thể là bom nén); không đọc",
        "entry {name!q} is compressed {ratio!n}:1, over the limit of {limit!n}:1 (a zip bomb?); not read",
    ),
    "docx.legacy-font": (
        "văn bản được gõ bằng phông {font!q}, theo bảng mã cũ (TCVN3 hay VNI), không phải Unicode: hãy chuyển mã "
        "sang Unicode (Unikey: Công cụ chuyển mã, hay chức năng tương tự) rồi lưu lại tệp .docx",
        "the document is typed in the font {font!q}, in an old encoding (TCVN3 or VNI), not Unicode: convert it to "
        "Unicode (Unikey's converter, or a tool like it) and save the .docx again",
    ),
    "docx.truncated": (
        "tệp .docx bị hỏng hoặc không trọn vẹn (tải về hay chép chưa xong?): có phần đầu của một tệp nén zip nhưng không có mục lục ở cuối",
        "the .docx is damaged or incomplete (a download or copy cut short?): it starts as a zip archive but has no directory at its end",
    ),
    "docx.zip-corrupt": ("tệp nén hỏng, không giải nén được {part!q}", "the archive is damaged: {part!q} cannot be inflated"),
    "docx.part-too-large": ("{part!q} lớn quá {limit!n} byte khi giải nén; không đọc", "{part!q} inflates to more than {limit!n} bytes; not read"),
    "docx.strict": (
        "văn bản được lưu theo định dạng Strict Open XML, cchc chưa đọc được; hãy mở trong Word và lưu lại dạng "
        "\"Word Document (*.docx)\" thông thường rồi chạy lại",
        "the document is saved as Strict Open XML, which cchc does not read; open it in Word and save it again as a "
        "plain \"Word Document (*.docx)\", then run again",
    ),
    "docx.xml": ("XML hỏng trong {part!q}", "corrupt XML in {part!q}: {detail}"),  # the XML parser's words: English only
    "docx.dtd": (
        "{part!q} có khai báo DTD hoặc thực thể (Word không bao giờ ghi như vậy; có thể là tệp độc hại); không đọc",
        "{part!q} declares a DTD or entities (Word never writes them; the file may be hostile); not read",
    ),
    "docx.too-deep": ("{part!q} lồng nhau quá sâu (bảng trong bảng, hoặc XML); không đọc", "{part!q} is nested too deep (tables in tables, or XML); not read"),
    "docx.table-too-large": (
        "bảng {table} có {rows!n} dòng, {columns!n} cột: quá giới hạn {limit_rows!n} dòng, {limit_columns!n} cột; không đọc",
        "table {table} has {rows!n} rows and {columns!n} columns, over the limit of {limit_rows!n} rows, {limit_columns!n} columns; not read",
    ),
    "docx.too-many-names": (
        "một ô cơ quan của văn bản nêu hơn {limit!n} cơ quan, nhiều hơn bất kỳ kế hoạch nào; không đọc",
        "an agency cell of the document names more than {limit!n} agencies, more than any plan; not read",
    ),
    "docx.too-many-agencies": (
        "các ô cơ quan của văn bản nêu hơn {limit!n} cơ quan khác nhau, nhiều hơn bất kỳ kế hoạch nào; không đọc",
        "the document's agency cells name more than {limit!n} different agencies, more than any plan; not read",
    ),
    "docx.too-many-paragraphs": (
        "văn bản có hơn {limit!n} đoạn, nhiều hơn bất kỳ kế hoạch nào; không đọc",
        "the document holds more than {limit!n} paragraphs, more than any plan; not read",
    ),
    "docx.too-many-cells": (
        "các bảng của văn bản có hơn {limit!n} ô tất cả, nhiều hơn bất kỳ kế hoạch nào; không đọc",
        "the document's tables hold more than {limit!n} cells together, more than any plan; not read",
    ),
    "docx.too-much-text": (
        "văn bản tạo ra nhiều chữ hơn bất kỳ kế hoạch nào (quá {limit!n} ký tự, do ô gộp hoặc nhãn đánh số); không đọc",
        "the document makes more text than any plan holds (over {limit!n} characters, from merged cells or list labels); not read",
    ),
    "docx.agencies-unreadable": (
        "{path}: không dùng được làm danh mục cơ quan: {reason}",
        "{path}: cannot be used as an agency registry: {reason}",
    ),
    "docx.agencies-none": ("không có danh sách agencies:", "there is no agencies: list"),
    "docx.result-errors": (
        "kế hoạch đọc được có {count} lỗi; sửa trong tệp YAML rồi chạy `cchc validate`:",
        "the plan read has {count} {count:|error|errors}; fix them in the YAML file and run `cchc validate`:",
    ),
    # Written on standard output ("-" in the places below): no file to fix yet.
    "docx.result-errors.stdout": (
        "kế hoạch đọc được có {count} lỗi (dòng, cột trong YAML vừa in ra, \"-\"); ghi YAML vào tệp bằng `-o TỆP`, sửa rồi chạy `cchc validate TỆP`:",
        "the plan read has {count} {count:|error|errors} (lines and columns of the YAML printed, \"-\"); write it to a file with `-o FILE`, fix them and run `cchc validate FILE`:",
    ),
    # places
    "docx.place.paragraph": ("đoạn {paragraph}", "paragraph {paragraph}"),
    "docx.place.cell": ("bảng {table}, dòng {row}, cột {column}", "table {table} row {row} column {column}"),
    "docx.place.document": ("văn bản", "document"),
    # warnings
    "docx.unplaced": ("không xếp được vào kế hoạch, bỏ qua: {text!q}", "could not be placed in the plan; left out: {text!q}"),
    "docx.symbol": (
        "ký hiệu chèn từ phông {font!q} (mã {code}) chưa đọc được, ghi là \"\ufffd\": hãy gõ lại ký tự đó trong tệp kế hoạch",
        "a symbol inserted from the font {font!q} (code {code}) could not be read, written as \"\ufffd\": type that character again in the plan file",
    ),
    "docx.note-column": (
        "cột {heading!q} được đọc vào ghi chú của người biên tập (note) ở từng nhiệm vụ: cchc giữ nguyên văn nhưng không in trong bảng "
        "(PDF, Word); HTML (trên màn hình) và Markdown liệt kê ở cuối",
        "the {heading!q} column is read into each item's editor's note (note): cchc keeps it word for word but does not print it in "
        "the table (PDF, Word); HTML (on screen) and Markdown list the notes at the end",
    ),
    "docx.after-total": (
        "dòng sau dòng tổng cộng nói về tổng, không phải nhiệm vụ, bỏ qua: {text!q}",
        "a row after the total speaks of totals and is no task; left out: {text!q}",
    ),
    "docx.total-breakdown": (
        "dòng chia khoản tổng cộng ở trên (\"Trong đó\"), không phải nhiệm vụ, bỏ qua: {text!q}",
        "a row breaking down the total above (\"Trong đó\", of which) is no task; left out: {text!q}",
    ),
    "docx.earlier-total": (
        "dòng tổng cộng này ghi {written!q}, khác dòng tổng cộng sau nó ({later!q}): kế hoạch lấy dòng sau cùng làm tổng kinh phí "
        "công bố; hãy xem lại văn bản muốn nói tổng nào",
        "this total row says {written!q}, unlike the total row after it ({later!q}): the plan takes the last as its declared "
        "total; check which total the document means",
    ),
    "docx.caps-section": (
        "dòng chỉ có chữ in hoa {text!q}, không có số mục, được đọc là tiêu đề một mục mới như các mục trước, dù số thứ tự "
        "bên dưới còn tiếp: nếu đó là một sản phẩm hay nhiệm vụ thì hãy sửa trong tệp kế hoạch",
        "a row of capitals only, {text!q}, with no section numeral, is read as a new section's heading as the sections "
        "before it were, though the numbering below goes on: if it is a product or a task, correct it in the plan file",
    ),
    "docx.unit-line": (
        "{text!q}: số tiền của bảng {number} được đọc theo đơn vị này (tiêu đề cột kinh phí không ghi đơn vị) và đổi ra triệu đồng",
        "{text!q}: the amounts of table {number} are read in this unit (the budget heading names none) and converted to million VND",
    ),
    "docx.total-line": (
        "dòng dưới bảng ghi tổng {written!q}, khác dòng tổng cộng của bảng ({declared!n} triệu đồng): kế hoạch lấy tổng của bảng, "
        "dòng này giữ nguyên trong phần chữ; hãy xem lại văn bản muốn nói tổng nào",
        "the line under the table gives the total as {written!q}, unlike the table's total row ({declared!n} million VND): the plan "
        "takes the table's, and keeps this line in its words; check which total the document means",
    ),
    "docx.footnote": (
        "ở đây có chú thích cuối trang (footnote, endnote), không được đọc vào kế hoạch: hãy xem nó trong văn bản, và nếu "
        "nó nói về kinh phí, thời hạn hay cơ quan thì ghi vào kế hoạch",
        "a footnote (or endnote) here is not read into the plan: see it in the document, and if it speaks of the budget, "
        "a deadline or an agency, write that into the plan",
    ),
    "docx.unplaced-cell": ("ô không thuộc cột nào của kế hoạch, bỏ qua: {text!q}", "cell not in any column of the plan; left out: {text!q}"),
    "docx.hidden-cell": (
        "ô được gộp với ô trên nhưng vẫn có chữ (Word không hiện), bỏ qua: {text!q}",
        "cell merged with the one above still holds text (Word does not show it); left out: {text!q}",
    ),
    "docx.other-column": (
        "cột {heading!q} không đọc: kế hoạch lấy nội dung này ở cột {other!q}",
        "column {heading!q} is not read: the plan takes this from column {other!q}",
    ),
    "docx.both-roles": (
        "cột {heading!q} ghi cả cơ quan chủ trì và cơ quan phối hợp: ô ghi \"Chủ trì: …; Phối hợp: …\" (hay \"… chủ trì; … phối hợp\", "
        "\"… (chủ trì), …\", \"… chủ trì, phối hợp với …\") được tách theo đó, ô khác được đọc là cơ quan chủ trì",
        "the {heading!q} column gives both the lead and the partners: a cell written \"Chủ trì: …; Phối hợp: …\" (or \"… chủ trì; … "
        "phối hợp\", \"… (chủ trì), …\", \"… chủ trì, phối hợp với …\") is split so, any other is read as the lead",
    ),
    "docx.repeated-rows": (
        "bảng {number} lặp lại {count} nhiệm vụ của bảng trước (cùng nhiệm vụ và sản phẩm, không có thời hạn): không đọc thành nhiệm vụ mới; "
        "kinh phí của chúng được ghi vào nhiệm vụ ấy khi nhiệm vụ chưa có",
        "table {number} repeats {count} tasks of the table before it (the same tasks and products, no deadline): not read as new tasks; "
        "their amounts go to those tasks where they have none",
    ),
    "docx.repeated-amount": (
        "kinh phí {amount} của \"{product}\" ở bảng này khác kinh phí {own} của nhiệm vụ ấy ở bảng trước: giữ số của bảng trước",
        "the amount {amount} of \"{product}\" in this table differs from that task's {own} in the table before: the latter is kept",
    ),
    "docx.unit-large": (
        "tiêu đề cột {heading!q} không ghi đơn vị nên số tiền được hiểu là triệu đồng, nhưng {written!q} thì thành từ một "
        "trăm tỷ đồng trở lên: nếu bảng ghi bằng đồng, hãy ghi \"(đồng)\" vào tiêu đề rồi nhập lại",
        "the {heading!q} heading names no unit, so amounts are read in million VND, which makes {written!q} a hundred "
        "billion đồng or more: if the table is in đồng, add \"(đồng)\" to the heading and import again",
    ),
    "docx.closing-row": (
        "dòng này của bảng nhiệm vụ bắt đầu bằng \"Nơi nhận\": nó và các dòng sau được đọc là phần cuối văn bản (nơi nhận, chữ ký), "
        "không phải nhiệm vụ",
        "this row of the task table starts \"Nơi nhận\": it and the rows after it are read as the document's closing "
        "(recipients, signature), not items",
    ),
    "docx.row-continued": (
        "dòng này được đọc là phần tiếp của dòng trên, bị ngắt sang trang (không có số thứ tự, không có số tiền, bắt đầu "
        "bằng chữ thường): chữ của nó được nối vào nhiệm vụ trên: {text!q}",
        "this row is read as the rest of the row above, cut at a page's end (no STT, no amount, it starts in lower case): "
        "its text is added to the item above: {text!q}",
    ),
    "docx.unread-cell": (
        "ô {text!q} ở cột {heading!q} không được đọc, và ô của cột {other!q} ở dòng này để trống: nội dung này không có trong "
        "kế hoạch; hãy ghi nó vào tệp kế hoạch nếu cần",
        "cell {text!q} in the {heading!q} column is not read, and the {other!q} column is blank in this row: what it says is "
        "nowhere in the plan; write it into the plan file if it matters",
    ),
    "docx.unknown-column": ("cột {heading!q} không phải cột của kế hoạch; không đọc cột này", "column {heading!q} is not one of the plan's; the column is not read"),
    "docx.no-product": ("dòng không có sản phẩm, bỏ qua: {text!q}", "row without a product; left out: {text!q}"),
    "docx.other-table": (
        "bảng không phải bảng nhiệm vụ, bỏ qua: {count} đoạn chữ, bắt đầu bằng {start!q}",
        "a table that is not a task table, left out: {count} {count:|paragraph|paragraphs} of text, starting {start!q}",
    ),
    "docx.heading-sum-mismatch": (
        "dòng tiêu đề {text!q} ghi {written!q} ({amount!m}), nhưng các khoản bên dưới nó cộng lại là {sum!m}; số ở dòng tiêu đề không ghi vào kế hoạch",
        "heading row {text!q} says {written!q} ({amount!m}), but the amounts under it add up to {sum!m}; a heading's figure is not written into the plan",
    ),
    "docx.subtotal-mismatch": (
        "dòng cộng {text!q} ghi {written!q} ({amount!m}), nhưng các khoản phía trên cộng lại là {sum!m}; dòng cộng không phải nhiệm vụ, không ghi vào kế hoạch",
        "subtotal row {text!q} says {written!q} ({amount!m}), but the amounts above add up to {sum!m}; a subtotal is not a task and is not written into the plan",
    ),
    "docx.budget-sources": (
        "cột {heading!q} chỉ ghi theo nguồn ({parts}), không có cột tổng: kinh phí của mỗi nhiệm vụ (có chú thích ở từng "
        "chỗ) và dòng tổng cộng là tổng các nguồn",
        "the {heading!q} column gives only sources ({parts}), no total: each item's budget (commented at each) and the "
        "total row are the sources added up",
    ),
    "docx.comma-thousands": (
        "cột kinh phí có số như {written!q}: đọc theo cách viết tiếng Việt (dấu phẩy thập phân); nếu văn bản dùng dấu phẩy "
        "ngăn hàng nghìn (như Excel tiếng Anh) thì sửa các số đó trong tệp kế hoạch (có chú thích ở từng chỗ)",
        "the budget column has amounts such as {written!q}: read as Vietnamese writes them (a decimal comma); if the document "
        "separates thousands with a comma (as English Excel does), correct those amounts in the plan file (each is commented)",
    ),
    "docx.subtotal-note": (
        "dòng cộng {text!q} ghi {written!q}, không phải số tiền; dòng cộng không phải nhiệm vụ, không ghi vào kế hoạch",
        "subtotal row {text!q} says {written!q}, which is not an amount; a subtotal is not a task and is not written into the plan",
    ),
    "docx.blank-date": (
        "ngày ban hành chưa điền đủ ({text!q}, như bản dự thảo): không ghi ngày", "the date is not filled in ({text!q}, as in a draft): no date written",
    ),
    "docx.blank-number": (
        "số văn bản chưa điền ({text!q}, như bản dự thảo): không ghi số", "the number is not filled in ({text!q}, as in a draft): no number written",
    ),
    "docx.bad-date": ("ngày không có thật: {text!q}; không ghi ngày", "no such date: {text!q}; no date written"),
    "docx.no-items": (
        "bảng nhiệm vụ không có dòng nhiệm vụ nào đọc được (dòng của một bảng lồng trong ô chỉ được đọc khi bảng đó có "
        "đủ các cột của bảng ngoài); tệp ghi ra không có nhiệm vụ nào",
        "the task table has no item row cchc could read (the rows of a table nested in a cell are read only when it has "
        "the columns of the table around it); the file written holds no item",
    ),
    "docx.no-table": ("không tìm thấy bảng nhiệm vụ (cần các cột như Sản phẩm, Cơ quan chủ trì, Thời gian)", "no task table found (it needs columns such as Sản phẩm, Cơ quan chủ trì, Thời gian)"),
    # comments written into the YAML
    "docx.header": (
        "Đọc từ {name} bằng `cchc import`; giữ nguyên từng chữ của văn bản. Hãy đối chiếu với văn bản gốc,\n"
        "nhất là những chỗ có chú thích \"đoán:\", rồi chạy `cchc validate`.",
        "Read from {name} by `cchc import`, word for word. Check it against the source document,\n"
        "above all where a comment says \"đoán:\" (a guess), then run `cchc validate`.",
    ),
    "docx.guess.section-above": ("đoán: ô mục trống được gộp với dòng trên", "đoán: the blank section cell is taken to continue the row above"),
    "docx.guess.task-above": ("đoán: ô nhiệm vụ trống được gộp với dòng trên", "đoán: the blank task cell is taken to continue the row above"),
    "docx.guess.section-label": ("đoán: mục không có số thứ tự trong văn bản; số ở đây theo thứ tự", "đoán: the section has no label in the document; numbered here in order"),
    "docx.guess.title": (
        "đoán: kế hoạch viết trong một điều của quyết định, không có tên riêng; tên lấy theo trích yếu của quyết định",
        "đoán: the plan is written inside an article of the decision, with no title of its own; its title is the decision's",
    ),
    "docx.guess.appendix-title": (
        "đoán: quyết định kèm kế hoạch ở phụ lục; dòng chữ in hoa đầu phụ lục được lấy làm tên kế hoạch",
        "đoán: the decision attaches its plan as an appendix; the appendix's heading in capitals is taken as the plan's title",
    ),
    "docx.guess.plain-title": (
        "đoán: dòng ngay dưới chữ KẾ HOẠCH (không in đậm, không căn giữa) được lấy làm tên kế hoạch",
        "đoán: the line right under KẾ HOẠCH (neither bold nor centred) is taken as the plan's title",
    ),
    "docx.guess.continued": (
        "đoán: dòng này chỉ có chữ bắt đầu bằng chữ thường, không số thứ tự, cơ quan chủ trì, thời hạn hay kinh phí; "
        "có thể là phần tiếp của sản phẩm dòng trên (bảng bị ngắt trang): đối chiếu với văn bản",
        "đoán: this row holds only text starting in lower case, with no number, lead, deadline or amount; "
        "it may be the rest of the product above (a table cut by a page): check against the document",
    ),
    "docx.guess.product-from-task": (
        "đoán: ô sản phẩm trống; sản phẩm ở đây là nội dung công việc cùng dòng",
        "đoán: the product cell is blank; the product here is the row's task text",
    ),
    "docx.guess.year": ("đoán: tiêu đề không ghi năm; năm lấy theo ngày ban hành", "đoán: the title names no year; the year is the date's"),
    "docx.guess.year-next": (
        "đoán: tiêu đề không ghi năm; văn bản ban hành tháng 12, năm lấy là năm sau",
        "đoán: the title names no year; issued in December, the year is the next",
    ),
    "docx.guess.year-deadlines": (
        "đoán: tiêu đề không ghi năm; năm lấy theo năm các thời hạn ghi nhiều nhất",
        "đoán: the title names no year; the year is the one the deadlines name most",
    ),
    "docx.guess.unit": ("đoán: tiêu đề cột kinh phí không ghi đơn vị; coi là triệu đồng", "đoán: the budget heading names no unit; taken as million VND"),
    "docx.guess.members-rule": (
        "đoán: nhóm gồm mọi cơ quan mà {rule} chọn (bỏ members_rule nếu không đúng)",
        "đoán: a group of every agency {rule} selects (remove members_rule if it is not)",
    ),
    "docx.guess.kept-whole": (
        "đoán: tên có dấu phẩy được giữ là một cơ quan, dù phần {part!q} là tên một cơ quan khác trong văn bản; tách ra nếu là hai cơ quan",
        "đoán: the name with commas is kept as one agency, though its part {part!q} names another agency in the document; split it if it names two",
    ),
    "docx.guess.short-form": ("đoán: {short!q} là cách viết tắt của cơ quan này", "đoán: {short!q} is taken as a short form of this agency"),
    "docx.comment.budget-merged": (
        "ô kinh phí {written!q} gộp chung với dòng trên: số tiền chỉ ghi ở dòng đầu, không cộng hai lần",
        "the budget cell {written!q} is merged with the row above: its amount is written on the first row only, never added twice",
    ),
    "docx.comment.budget-from": ("kinh phí lấy từ bảng {number}, bảng lặp lại nhiệm vụ này", "the amount is from table {number}, which repeats this task"),
    "docx.comment.budget-shared": (
        "ô kinh phí được gộp qua cả các dòng dưới: số tiền này là của chung các dòng đó",
        "the budget cell is merged over the rows below too: this amount is theirs together",
    ),
    "docx.comment.heading-amount": (
        "dòng tiêu đề ghi {written!q} ({amount!m}), không phải tổng các khoản bên dưới ({sum!m}): không ghi vào kế hoạch",
        "the heading row says {written!q} ({amount!m}), not the sum of the amounts under it ({sum!m}): not written into the plan",
    ),
    "docx.comment.sources": ("cộng các nguồn: {parts}", "the sources added up: {parts}"),
    "docx.comment.english-figure": (
        "văn bản ghi {written!q} theo cách viết tiếng Anh (dấu phẩy ngăn hàng nghìn, dấu chấm thập phân): đọc là {amount}; kiểm tra lại "
        "đơn vị và con số",
        "the document writes {written!q} the English way (commas between thousands, a decimal point): read as {amount}; check the "
        "figure and its unit",
    ),
    "docx.comment.comma": (
        "văn bản ghi {written!q}: đọc là {amount} (dấu phẩy thập phân); nếu dấu phẩy ngăn hàng nghìn thì sửa lại",
        "the document writes {written!q}: read as {amount} (a decimal comma); if the comma separates thousands, correct it",
    ),
    "docx.comment.unit": ("văn bản ghi {written!q}, đổi ra triệu đồng", "the document writes {written!q}, converted to million VND"),
    "docx.comment.across": ("ô này được gộp ngang từ cột {other!q}", "this cell is merged across from the {other!q} column"),
    "docx.comment.spans": (
        "ô này được gộp ngang sang cột {other!q}; chữ trong ô chỉ được lấy cho cột này",
        "this cell is merged across the {other!q} column too; its text is taken for this column only",
    ),
}
