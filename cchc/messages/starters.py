"""The comments of ``cchc init``'s starter plans: each Vietnamese comment as written in the
starter file (``cchc/data/starters``), with its English words for ``--lang en``.

The plan's values stay Vietnamese in both: they stand for the document's own words.
"""

MESSAGES = {
    "starter.ke-hoach": (
        'Kế hoạch cải cách hành chính ban hành riêng ("Kế hoạch số …/KH-…").',
        'An administrative-reform plan issued on its own ("Kế hoạch số …/KH-…").',
    ),
    "starter.quyet-dinh": (
        "Quyết định phê duyệt (ban hành kèm theo) kế hoạch cải cách hành chính.",
        "A decision that approves an administrative-reform plan (issued with it).",
    ),
    "starter.made-ke-hoach": (
        "Tệp mẫu do `cchc init --kind ke-hoach` tạo ra: thay các giá trị bằng nội dung",
        "A starter written by `cchc init --kind ke-hoach`: replace the values with the",
    ),
    "starter.made-quyet-dinh": (
        "Tệp mẫu do `cchc init --kind quyet-dinh` tạo ra: thay các giá trị bằng nội",
        "A starter written by `cchc init --kind quyet-dinh`: replace the values with the",
    ),
    "starter.word-for-word": (
        "của văn bản, giữ nguyên từng chữ; trường nào văn bản không có thì bỏ đi.",
        "document's text, word for word; leave out any field the document lacks.",
    ),
    "starter.word-for-word-2": (
        "dung của văn bản, giữ nguyên từng chữ; trường nào văn bản không có thì bỏ đi.",
        "document's text, word for word; leave out any field the document lacks.",
    ),
    "starter.check": (
        "Kiểm tra bằng `cchc validate TỆP`. Tên và mô tả từng trường: `cchc schema` (khóa title, description).",
        "Check it with `cchc validate FILE`. Every field's name and description: `cchc schema` (its title, description).",
    ),
    "starter.schema": (
        "Dòng đầu chỉ trình soạn thảo tới plan.schema.json cùng thư mục: tạo bằng `cchc schema > plan.schema.json` ở đó.",
        "The first line points editors to plan.schema.json in the same folder: make it there with `cchc schema > plan.schema.json`.",
    ),
    "starter.superior": ("cơ quan chủ quản (dòng trên)", "the superior body (the line above the issuer)"),
    "starter.issuer": ("cơ quan ban hành", "the issuing body"),
    "starter.number-or-none": ("số, ký hiệu; bỏ đi nếu bản sao không có", "number and symbol; leave out if the copy has none"),
    "starter.number": ("số, ký hiệu", "number and symbol"),
    "starter.place": ("địa danh", "place name"),
    "starter.date": ("ngày ban hành, viết năm-tháng-ngày", "date of issue, written year-month-day"),
    "starter.funding": (
        "Kinh phí: ghi tổng bằng số (triệu đồng) và bằng chữ, hoặc ghi nguồn kinh phí.",
        "Funding: the total in figures (million VND) and in words, or where the money comes from.",
    ),
    "starter.table-heading": ("đề mục của bảng nhiệm vụ: in ngay trên bảng", "the heading of the task table: printed right above it"),
    "starter.default-lead": ("cơ quan chủ trì các dòng để trống ô chủ trì", "the lead of every row whose lead cell is blank"),
    "starter.head-signs": ("bỏ dòng này khi thủ trưởng ký", "leave this line out when the head signs"),
    "starter.budget": ('triệu đồng, hoặc ghi chú như "Theo dự án"', 'million VND, or a note such as "Theo dự án"'),
    "starter.plan-in-article": ("khi nội dung kế hoạch viết ngay trong Điều 1", "when the plan is written in Article 1 itself"),
    "starter.total": ("tổng kinh phí (triệu đồng), nếu kế hoạch ghi", "the total budget (million VND), if the plan states one"),
    "starter.members-rule": (
        "mọi cơ quan tên bắt đầu bằng Sở, Ban, Văn phòng, Thanh tra",
        "every agency whose name starts with Sở, Ban, Văn phòng, Thanh tra",
    ),
}
