"""Words of the outputs people read: validate's summary, table headings, budget sentences, statuses, kinds of deadline."""

MESSAGES = {
    "summary.valid": (
        "Đã kiểm tra {files} tệp: {errors} lỗi, {warnings} cảnh báo (hợp lệ)",
        "{files} file(s) checked: {errors} error(s), {warnings} warning(s) (valid)",
    ),
    "summary.invalid": (
        "Đã kiểm tra {files} tệp: {errors} lỗi, {warnings} cảnh báo (không hợp lệ)",
        "{files} file(s) checked: {errors} error(s), {warnings} warning(s) (invalid)",
    ),
    # A large plan whose table cchc cannot draw itself (cchc.outputs.pdf_table): WeasyPrint lays out all of it, slowly.
    "pdf.slow": (
        "{reason}; WeasyPrint dựng cả {items} nhiệm vụ, việc này có thể mất vài phút",
        "{reason}; WeasyPrint lays out all {items} items, which may take minutes",
    ),
    "pdf.unfit.character": (
        "bảng có ký tự cchc không tự vẽ được (phông kèm theo không có, ký tự vô hình hoặc viết từ phải sang trái): {char} ({code_point})",
        "the table holds a character cchc does not draw itself (not in the bundled font, invisible or right-to-left): {char} ({code_point})",
    ),
    # Characters the bundled font lacks: WeasyPrint prints them in a font of the machine's, another typeface.
    "pdf.other-font": (
        "{count} ký tự không có trong phông Liberation Serif kèm theo nên được in bằng phông khác của máy (máy khác có "
        "thể in khác): {chars}",
        "{count} {count:|character is|characters are} not in the bundled Liberation Serif and print in another font of this machine (another "
        "machine may print them otherwise): {chars}",
    ),
    "pdf.unfit.tall-row": ("bảng có dòng cao hơn một trang", "the table has a row taller than a page"),
    "pdf.unfit.signature-word": ("khối chữ ký có từ dài hơn cột của nó", "the signature block has a word wider than its column"),
    "pdf.unfit.no-rows": ("bảng có mục không có nhiệm vụ nào", "the table has a section without items"),
    "pdf.unfit.long-heading": ("đề mục trên bảng dài hơn một dòng", "a heading over the table is longer than a line"),
    "pdf.unfit.columns": ("bảng không theo mẫu in của cchc", "the table is not as cchc's template prints it"),
    "pdf.unfit.system-font": ("máy có phông Times New Roman, phông in phần còn lại", "the system's Times New Roman prints the rest"),
    # Column headings.
    "col.id": ("Mã", "ID"),
    "col.stt": ("STT", "No."),
    "col.section": ("Mục", "Section"),
    "col.task": ("Nhiệm vụ", "Task"),
    "col.product": ("Sản phẩm", "Product"),
    "col.lead": ("Chủ trì", "Lead"),
    "col.partners": ("Phối hợp", "Partners"),
    "col.deadline": ("Thời hạn", "Deadline"),
    "col.due": ("Hạn chót", "Due"),
    "col.budget": ("Kinh phí", "Budget"),
    "col.budget-million": ("Kinh phí (triệu đồng)", "Budget (million VND)"),  # a column of amounts: its unit said
    "col.note": ("Ghi chú", "Note"),
    "col.status": ("Tình trạng", "Status"),
    "col.history": ("Tiến độ", "Progress"),
    "col.field": ("Trường", "Field"),
    "col.content": ("Nội dung", "Content"),
    "col.million": ("Triệu đồng", "Million VND"),
    "col.agency": ("Cơ quan", "Agency"),
    "col.short": ("Viết tắt", "Short forms"),
    "col.lead-count": ("Chủ trì", "As lead"),
    "col.partner-count": ("Phối hợp", "As partner"),  # --role partner, the list's Partners
    "col.via-group": ("Qua nhóm (chủ trì/phối hợp)", "Through a group (lead/partner)"),
    "col.lead-budget": ("Kinh phí chủ trì (triệu đồng)", "Budget led (million VND)"),
    "col.items": ("Số nhiệm vụ", "Items"),
    "col.sections-sum": ("Cộng các mục", "All sections"),  # the sum of the sections, not the declared "Tổng cộng"
    # Item tables.
    "items.default-lead": ("{name} (mặc định)", "{name} (default)"),
    "items.no-task": ("(không thuộc nhiệm vụ nào)", "(under no task)"),
    "items.via": ("(qua nhóm: {group})", "(through the group: {group})"),
    "items.due-title": ("Đến hạn {period}", "Due {period}"),
    "items.undated-title": (
        "Không có hạn chót cụ thể (thường xuyên, theo kế hoạch, sau sự kiện, để trống)",
        "No due date (ongoing, as planned, after an event, blank)",
    ),
    # Statuses (the progress log) and kinds of deadline.
    "status.not_started": ("chưa thực hiện", "not started"),
    "status.in_progress": ("đang thực hiện", "in progress"),
    "status.done": ("hoàn thành", "done"),
    "status.cancelled": ("hủy bỏ", "cancelled"),
    # Classes of --status that are not a log's statuses: an item not done past a due date, an item with none.
    "status.overdue": ("quá hạn", "overdue"),
    "status.undated": ("không có hạn chót", "undated"),
    # The roles of list --role.
    "role.lead": ("chủ trì", "leads"),
    "role.partner": ("phối hợp", "supports"),
    "role.any": ("cả hai", "either"),
    "kind.date": ("ngày cụ thể", "a date"),
    "kind.month": ("tháng", "a month"),
    "kind.quarter": ("quý", "a quarter"),
    "kind.half_year": ("6 tháng", "a half year"),
    "kind.year": ("năm", "a year"),
    "kind.recurring": ("thường xuyên, định kỳ", "ongoing or recurring"),
    "kind.after_event": ("sau một sự kiện", "after an event"),
    "kind.as_planned": ("theo kế hoạch", "as planned"),
    "kind.as_regulated": ("theo quy định", "as regulated"),
    "kind.unspecified": ("để trống", "blank"),
    # Budget.
    "budget.declared": ("Tổng kinh phí công bố:       {vnd} đ ({amount!m})", "Declared total:       {vnd} đ ({amount!m})"),
    "budget.in-words": ("  Bằng chữ: {words}", "  In words: {words}"),
    "budget.declared-note": ("  Nguồn kinh phí: {note}", "  Funding: {note}"),
    "budget.no-declared": ("Kế hoạch không công bố tổng kinh phí bằng số.", "The plan declares no total figure."),
    "budget.no-figures": (
        "Không nhiệm vụ nào ghi số tiền: không có khoản nào để cộng.",
        "No item has a figure: there is nothing to add up.",
    ),
    "budget.itemized": ("Tổng các khoản ghi số:       {vnd} đ ({amount!m})", "Itemized total:       {vnd} đ ({amount!m})"),
    "budget.less": (
        "Chênh lệch:                  {signed} triệu đồng: các khoản ghi số ít hơn tổng kinh phí công bố {amount!m}.",
        "Difference:           {signed} million VND: the items add up to {amount!m} less than the declared total.",
    ),
    "budget.more": (
        "Chênh lệch:                  {signed} triệu đồng: các khoản ghi số nhiều hơn tổng kinh phí công bố {amount!m}.",
        "Difference:           {signed} million VND: the items add up to {amount!m} more than the declared total.",
    ),
    "budget.equal": ("Các khoản ghi số cộng lại đúng bằng tổng kinh phí công bố.", "The items add up exactly to the declared total."),
    "budget.by-section": ("Theo mục", "By section"),
    "budget.by-task": ("Theo nhiệm vụ", "By task"),
    "budget.by-lead": ("Theo cơ quan chủ trì (cơ quan chủ trì đầu tiên)", "By lead agency (the first-named lead)"),
    "budget.no-task": ("(không thuộc nhiệm vụ đánh số)", "(under no numbered task)"),
    "budget.no-lead": ("(chưa có cơ quan chủ trì)", "(no lead agency)"),
    "budget.blank": ("(để trống)", "(blank)"),
    "budget.unpriced": ("Chưa ghi số tiền: {count} nhiệm vụ", "No amount: {count} {count:|item|items}"),
}
