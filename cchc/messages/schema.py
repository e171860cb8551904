"""The words of the plan file's JSON Schema (``cchc schema``): a title and a description for the plan, each part of
it and each of their fields, as an editor shows them when a clerk points at a key.

Keys: ``schema.<Model>`` and ``schema.<Model>.<field>`` give a title, the same key with ``.about`` its description.
A test keeps them in step with the models: every part and field has both, and no entry is left over.
"""

MESSAGES = {
    # The whole plan file.
    "schema.Plan": ("Kế hoạch cải cách hành chính (CCHC)", "CCHC plan"),
    "schema.Plan.about": (
        "Một tệp kế hoạch: quyết định ban hành (nếu có), phần đầu kế hoạch, danh mục cơ quan, phần lời và bảng nhiệm vụ.",
        "A whole plan file: the approving decision (if any), the plan's header, the agencies, the prose and the task table.",
    ),
    "schema.Plan.decision": ("Quyết định", "Decision"),
    "schema.Plan.decision.about": (
        "Quyết định phê duyệt kế hoạch; bỏ trống khi kế hoạch được ban hành riêng.",
        "The approving decision; absent for a plan issued on its own.",
    ),
    "schema.Plan.plan": ("Kế hoạch", "Plan"),
    "schema.Plan.plan.about": ("Phần đầu của kế hoạch: tên, năm, tổng kinh phí.", "The plan's header: title, year, declared total."),
    "schema.Plan.agencies": ("Cơ quan", "Agencies"),
    "schema.Plan.agencies.about": (
        "Danh mục cơ quan và nhóm cơ quan mà bảng nhiệm vụ nhắc đến, ghi như văn bản gốc.",
        "The agencies and groups of agencies the task table names, as the source writes them.",
    ),
    "schema.Plan.prose_before": ("Phần lời trước bảng", "Prose before"),
    "schema.Plan.prose_before.about": (
        "Phần lời trước bảng nhiệm vụ (I. MỤC ĐÍCH, YÊU CẦU …).",
        "Prose before the task table (I. MỤC ĐÍCH, YÊU CẦU …).",
    ),
    "schema.Plan.sections": ("Các mục", "Sections"),
    "schema.Plan.sections.about": ("Các mục của bảng nhiệm vụ, theo thứ tự.", "The task table's sections, in order."),
    "schema.Plan.prose_after": ("Phần lời sau bảng", "Prose after"),
    "schema.Plan.prose_after.about": (
        "Phần lời sau bảng nhiệm vụ (III. TỔ CHỨC THỰC HIỆN …).",
        "Prose after the task table (III. TỔ CHỨC THỰC HIỆN …).",
    ),
    # The decision.
    "schema.Decision": ("Quyết định", "Decision"),
    "schema.Decision.about": (
        "Quyết định phê duyệt kế hoạch, hoặc quyết định có Điều 1 chứa kế hoạch.",
        "The decision (Quyết định) that approves the plan, or whose Điều 1 holds it.",
    ),
    "schema.Decision.number": ("Số, ký hiệu", "Number"),
    "schema.Decision.number.about": ('Số và ký hiệu, ví dụ "3669/QĐ-UBND".', 'Number and symbol, e.g. "3669/QĐ-UBND".'),
    "schema.Decision.date": ("Ngày ban hành", "Date"),
    "schema.Decision.date.about": ("Ngày ban hành, dạng YYYY-MM-DD.", "The date it was issued, as YYYY-MM-DD."),
    "schema.Decision.place": ("Địa danh", "Place"),
    "schema.Decision.place.about": ('Địa danh trước ngày tháng, ví dụ "Thái Bình".', 'The place before the date, e.g. "Thái Bình".'),
    "schema.Decision.superior": ("Cơ quan cấp trên", "Superior"),
    "schema.Decision.superior.about": (
        "Cơ quan chủ quản, in trên tên cơ quan ban hành (ví dụ UBND TỈNH THÁI BÌNH).",
        "The body above the issuer, printed above it (e.g. UBND TỈNH THÁI BÌNH).",
    ),
    "schema.Decision.issuer": ("Cơ quan ban hành", "Issuer"),
    "schema.Decision.issuer.about": ("Cơ quan ban hành, in ở góc trên bên trái.", "The issuing body, printed top left."),
    "schema.Decision.authority": ("Thẩm quyền", "Authority"),
    "schema.Decision.authority.about": (
        'Người có thẩm quyền quyết định, ví dụ "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH".',
        'Who decides, e.g. "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH".',
    ),
    "schema.Decision.title": ("Trích yếu", "Title"),
    "schema.Decision.title.about": ("Trích yếu dưới chữ QUYẾT ĐỊNH.", "The summary line(s) under QUYẾT ĐỊNH."),
    "schema.Decision.legal_bases": ("Căn cứ", "Legal bases"),
    "schema.Decision.legal_bases.about": ("Các đoạn \"Căn cứ …\".", "The 'Căn cứ …' paragraphs."),
    "schema.Decision.articles": ("Các điều", "Articles"),
    "schema.Decision.articles.about": ("Các điều của quyết định, theo thứ tự.", "The decision's articles, in order."),
    "schema.Decision.plan_in_article": ("Điều chứa kế hoạch", "Plan in article"),
    "schema.Decision.plan_in_article.about": (
        "Số của điều (thường là 1) mà phần lời và bảng của kế hoạch viết tiếp, khi kế hoạch nằm trong quyết định chứ "
        "không ban hành kèm theo.",
        "The article (usually 1) whose text the plan's prose and table continue, when the plan is written inside the "
        "decision rather than attached.",
    ),
    "schema.Decision.signer": ("Người ký", "Signer"),
    "schema.Decision.signer.about": ("Người ký quyết định.", "Who signs the decision."),
    "schema.Decision.recipients": ("Nơi nhận", "Recipients"),
    "schema.Decision.recipients.about": ("Nơi nhận, mỗi dòng một nơi.", "Nơi nhận: the recipients, one a line."),
    # An article of the decision.
    "schema.Article": ("Điều", "Article"),
    "schema.Article.about": ("Một điều của quyết định, gồm các đoạn văn.", "An article (Điều) of the decision, as paragraphs."),
    "schema.Article.number": ("Số điều", "Number"),
    "schema.Article.number.about": ("Số thứ tự của điều: 1 cho Điều 1.", "The article's number: 1 for Điều 1."),
    "schema.Article.paragraphs": ("Các đoạn", "Paragraphs"),
    "schema.Article.paragraphs.about": ("Các đoạn văn của điều, nguyên văn.", "The article's paragraphs, word for word."),
    # Who signs.
    "schema.Signer": ("Người ký", "Signer"),
    "schema.Signer.about": (
        'Người ký: "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / họ tên; người đứng đầu ký tên mình thì không có dòng thẩm quyền.',
        'Who signs: "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / the name; a head signing in their own name has no authority line.',
    ),
    "schema.Signer.authority": ("Thẩm quyền ký", "Authority"),
    "schema.Signer.authority.about": (
        'Ký thay, ký thay mặt, ví dụ "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"; bỏ trống khi người đứng đầu ký tên mình.',
        'Signing on behalf, e.g. "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"; absent when the head signs in their own name.',
    ),
    "schema.Signer.position": ("Chức vụ", "Position"),
    "schema.Signer.position.about": (
        'Chức vụ của người ký, ví dụ "PHÓ CHỦ TỊCH", "GIÁM ĐỐC".',
        'The signer\'s position, e.g. "PHÓ CHỦ TỊCH", "GIÁM ĐỐC".',
    ),
    "schema.Signer.name": ("Họ tên", "Name"),
    "schema.Signer.name.about": ("Họ tên người ký.", "The signer's name."),
    # A block of prose.
    "schema.Block": ("Đoạn", "Block"),
    "schema.Block.about": (
        "Một phần lời như văn bản gốc viết: đề mục với số thứ tự, các đoạn văn, các điểm hoặc đề mục con.",
        "A block of prose as the source writes it: a heading with its label, paragraphs, and numbered points or sub-blocks.",
    ),
    "schema.Block.label": ("Số thứ tự", "Label"),
    "schema.Block.label.about": ('Số thứ tự như văn bản viết: "I", "1.", "a)", "(1)", "-".', 'Numbering as written: "I", "1.", "a)", "(1)", "-".'),
    "schema.Block.title": ("Đề mục", "Title"),
    "schema.Block.title.about": ("Đề mục, ví dụ MỤC ĐÍCH, YÊU CẦU.", "The heading, e.g. MỤC ĐÍCH, YÊU CẦU."),
    "schema.Block.paragraphs": ("Các đoạn", "Paragraphs"),
    "schema.Block.paragraphs.about": ("Các đoạn văn dưới đề mục, nguyên văn.", "The paragraphs under the heading, word for word."),
    "schema.Block.blocks": ("Các điểm", "Blocks"),
    "schema.Block.blocks.about": (
        "Các điểm hoặc đề mục con dưới đề mục này, theo thứ tự.",
        "Numbered points or sub-headings under this one, in order.",
    ),
    # The plan's header.
    "schema.PlanHeader": ("Phần đầu kế hoạch", "Plan header"),
    "schema.PlanHeader.about": (
        "Phần đầu của kế hoạch: tên, năm, tổng kinh phí; với kế hoạch ban hành riêng, cả phần thể thức ban hành.",
        "The plan's own header: title, year, declared total; for a plan issued on its own, its issuing block too.",
    ),
    "schema.PlanHeader.title": ("Tên kế hoạch", "Title"),
    "schema.PlanHeader.title.about": (
        'Tên kế hoạch, ví dụ "KẾ HOẠCH CÔNG TÁC CẢI CÁCH HÀNH CHÍNH TỈNH THÁI BÌNH NĂM 2021".',
        'The plan\'s title, e.g. "KẾ HOẠCH CÔNG TÁC CẢI CÁCH HÀNH CHÍNH TỈNH THÁI BÌNH NĂM 2021".',
    ),
    "schema.PlanHeader.subtitle": ("Dòng dưới tên", "Subtitle"),
    "schema.PlanHeader.subtitle.about": (
        'Dòng dưới tên kế hoạch, ví dụ "(Ban hành kèm theo Quyết định số …)".',
        'The line under the title, e.g. "(Ban hành kèm theo Quyết định số …)".',
    ),
    "schema.PlanHeader.year": ("Năm", "Year"),
    "schema.PlanHeader.year.about": (
        "Năm của kế hoạch: thời hạn không ghi năm và thời hạn lặp lại rơi vào năm này.",
        "The plan's year: wordings without a year, and recurring ones, fall in it.",
    ),
    "schema.PlanHeader.total_million_vnd": ("Tổng cộng (triệu đồng)", "Total (million VND)"),
    "schema.PlanHeader.total_million_vnd.about": (
        "Tổng cộng kinh phí kế hoạch ghi, tính bằng triệu đồng; bỏ trống khi kế hoạch không ghi con số.",
        "The declared grand total (Tổng cộng), million VND; absent when the plan declares no figure.",
    ),
    "schema.PlanHeader.total_in_words": ("Tổng cộng bằng chữ", "Total in words"),
    "schema.PlanHeader.total_in_words.about": (
        'Tổng cộng bằng chữ như văn bản gốc viết ("Hai trăm triệu đồng chẵn").',
        'The total in words as the source writes it ("Hai trăm triệu đồng chẵn").',
    ),
    "schema.PlanHeader.headings": ("Tiêu đề cột", "Column headings"),
    "schema.PlanHeader.headings.about": (
        "Tiêu đề các cột của bảng nhiệm vụ như văn bản gốc ghi, khi khác tiêu đề cchc in sẵn.",
        "The task table's column headings as the source writes them, where they differ from cchc's.",
    ),
    "schema.Headings": ("Tiêu đề cột", "Column headings"),
    "schema.Headings.about": (
        "Tiêu đề các cột của bảng nhiệm vụ như văn bản gốc ghi; cột nào không ghi thì in tiêu đề sẵn có.",
        "The task table's column headings as the source writes them; a column not named keeps cchc's heading.",
    ),
    "schema.Headings.lead": ("Cột cơ quan chủ trì", "Lead column"),
    "schema.Headings.lead.about": ('Mặc định "Cơ quan chủ trì".', 'By default "Cơ quan chủ trì".'),
    "schema.Headings.partners": ("Cột cơ quan phối hợp", "Partners column"),
    "schema.Headings.partners.about": ('Mặc định "Cơ quan phối hợp".', 'By default "Cơ quan phối hợp".'),
    "schema.Headings.deadline": ("Cột thời hạn", "Deadline column"),
    "schema.Headings.deadline.about": ('Mặc định "Thời gian hoàn thành".', 'By default "Thời gian hoàn thành".'),
    "schema.Headings.budget": ("Cột kinh phí", "Budget column"),
    "schema.Headings.budget.about": (
        'Mặc định "Kinh phí dự kiến (triệu đồng)"; phải nói đơn vị triệu đồng, đơn vị của mọi số tiền trong tệp.',
        'By default "Kinh phí dự kiến (triệu đồng)"; it must say million VND (triệu đồng), the unit of every amount in the file.',
    ),
    "schema.PlanHeader.total_note": ("Ghi chú tổng cộng", "Total note"),
    "schema.PlanHeader.total_note.about": (
        'Tổng cộng ghi bằng lời, ví dụ "Theo nguồn kinh phí thường xuyên".',
        'The total as a note, e.g. "Theo nguồn kinh phí thường xuyên".',
    ),
    "schema.PlanHeader.default_lead": ("Chủ trì mặc định", "Default lead"),
    "schema.PlanHeader.default_lead.about": (
        "Cơ quan chủ trì mọi nhiệm vụ có ô chủ trì để trống (cơ quan ban hành, hoặc ví dụ Văn phòng Sở).",
        "The agency that leads every item whose lead cell is blank (the issuing body, or e.g. Văn phòng Sở).",
    ),
    "schema.PlanHeader.superior": ("Cơ quan cấp trên", "Superior"),
    "schema.PlanHeader.superior.about": (
        "Cơ quan chủ quản của cơ quan ban hành (UBND TỈNH THÁI BÌNH trên SỞ TƯ PHÁP).",
        "The body above the issuer (UBND TỈNH THÁI BÌNH over SỞ TƯ PHÁP).",
    ),
    "schema.PlanHeader.issuer": ("Cơ quan ban hành", "Issuer"),
    "schema.PlanHeader.issuer.about": (
        "Cơ quan ban hành kế hoạch ban hành riêng, in ở góc trên bên trái.",
        "The body issuing a plan issued on its own, printed top left.",
    ),
    "schema.PlanHeader.number": ("Số, ký hiệu", "Number"),
    "schema.PlanHeader.number.about": ('"257/KH-UBND"; bỏ trống khi bản sao không có.', '"257/KH-UBND"; absent when the copy has none.'),
    "schema.PlanHeader.place": ("Địa danh", "Place"),
    "schema.PlanHeader.place.about": ('Địa danh trước ngày tháng, ví dụ "Thái Bình".', 'The place before the date, e.g. "Thái Bình".'),
    "schema.PlanHeader.date": ("Ngày ban hành", "Date"),
    "schema.PlanHeader.date.about": ("Ngày ban hành, dạng YYYY-MM-DD.", "The date it was issued, as YYYY-MM-DD."),
    "schema.PlanHeader.signer": ("Người ký", "Signer"),
    "schema.PlanHeader.signer.about": ("Người ký kế hoạch ban hành riêng.", "Who signs a plan issued on its own."),
    "schema.PlanHeader.recipients": ("Nơi nhận", "Recipients"),
    "schema.PlanHeader.recipients.about": ("Nơi nhận, mỗi dòng một nơi.", "Nơi nhận: the recipients, one a line."),
    # An agency.
    "schema.Agency": ("Cơ quan", "Agency"),
    "schema.Agency.about": (
        "Một cơ quan, hoặc một nhóm cơ quan, như văn bản gốc gọi tên.",
        "An agency, or a group of agencies, as the source names it.",
    ),
    "schema.Agency.name": ("Tên", "Name"),
    "schema.Agency.name.about": ("Tên đầy đủ như văn bản gốc viết.", "Full name as the source writes it."),
    "schema.Agency.short": ("Tên khác", "Other names"),
    "schema.Agency.short.about": (
        "Cách viết khác và tên viết tắt mà các nhiệm vụ có thể dùng.",
        "Other spellings and short forms items may use.",
    ),
    "schema.Agency.group": ("Nhóm", "Group"),
    "schema.Agency.group.about": ("true với một nhóm như \"Các sở, ban, ngành\".", "true for a group such as 'Các sở, ban, ngành'."),
    "schema.Agency.members": ("Thành viên", "Members"),
    "schema.Agency.members.about": (
        "Với một nhóm: các cơ quan (hoặc nhóm) thuộc nhóm, theo tên.",
        "For a group: the agencies (or groups) it holds, by name.",
    ),
    "schema.Agency.members_rule": ("Quy tắc thành viên", "Members rule"),
    "schema.Agency.members_rule.about": (
        "Với một nhóm: \"so-ban-nganh\" (các sở, ban, ngành của tỉnh) gồm mọi cơ quan trong danh mục có tên bắt đầu "
        "bằng Sở, Ban, Văn phòng hoặc Thanh tra; \"phong-ban-nganh\" (các phòng, ban của huyện) gồm những cơ quan có "
        "tên bắt đầu bằng Phòng, Ban, Văn phòng hoặc Thanh tra.",
        "For a group: 'so-ban-nganh' (a province's departments) adds every agency of the registry whose name starts "
        "with Sở, Ban, Văn phòng or Thanh tra; 'phong-ban-nganh' (a district's offices) those whose name starts with "
        "Phòng, Ban, Văn phòng or Thanh tra.",
    ),
    "schema.Agency.note": ("Ghi chú", "Note"),
    "schema.Agency.note.about": ("Ghi chú của người biên tập.", "The editor's note."),
    # A section of the table.
    "schema.Section": ("Mục", "Section"),
    "schema.Section.about": (
        'Một mục (nội dung) như "I. CẢI CÁCH THỂ CHẾ"; số thứ tự ghi tự do ("I", "1", "1.1").',
        'A section (Nội dung) such as "I. CẢI CÁCH THỂ CHẾ"; its label is free text ("I", "1", "1.1").',
    ),
    "schema.Section.numeral": ("Số thứ tự", "Numeral"),
    "schema.Section.numeral.about": ('Số thứ tự của mục như văn bản viết: "I", "1", "1.1".', 'The section\'s label as written: "I", "1", "1.1".'),
    "schema.Section.title": ("Tên mục", "Title"),
    "schema.Section.title.about": ('Tên mục, ví dụ "CẢI CÁCH THỂ CHẾ".', 'The section\'s title, e.g. "CẢI CÁCH THỂ CHẾ".'),
    "schema.Section.tasks": ("Các nhiệm vụ", "Tasks"),
    "schema.Section.tasks.about": ("Các nhiệm vụ của mục, theo thứ tự.", "The section's tasks, in order."),
    # A task.
    "schema.Task": ("Nhiệm vụ", "Task"),
    "schema.Task.about": (
        "Một nhiệm vụ; không có số và tên với các dòng không thuộc nhiệm vụ đánh số nào.",
        "A task (Nhiệm vụ); number and title are absent for rows under no numbered task.",
    ),
    "schema.Task.number": ("Số thứ tự", "Number"),
    "schema.Task.number.about": ('Số thứ tự của nhiệm vụ như văn bản viết: "1", "1.1".', 'The task\'s label as written: "1", "1.1".'),
    "schema.Task.title": ("Tên nhiệm vụ", "Title"),
    "schema.Task.title.about": ("Tên nhiệm vụ, nguyên văn.", "The task's title, word for word."),
    "schema.Task.items": ("Các dòng", "Items"),
    "schema.Task.items.about": ("Các dòng của bảng dưới nhiệm vụ, theo thứ tự.", "The table's rows under the task, in order."),
    # A row of the table.
    "schema.Item": ("Dòng nhiệm vụ", "Item"),
    "schema.Item.about": (
        "Một dòng của bảng kế hoạch: sản phẩm cùng cơ quan chủ trì, phối hợp, thời hạn và kinh phí.",
        "One row of the plan's table: a deliverable with its agencies, deadline and budget.",
    ),
    "schema.Item.id": ("Mã", "ID"),
    "schema.Item.id.about": ("Mã định danh cố định, không trùng trong kế hoạch (ví dụ I-3).", "Stable identifier, unique in the plan (e.g. I-3)."),
    "schema.Item.stt": ("STT", "No."),
    "schema.Item.stt.about": ("Cột STT như văn bản viết, khi kế hoạch có cột này.", "The STT column as written, when the plan has one."),
    "schema.Item.product": ("Sản phẩm", "Product"),
    "schema.Item.product.about": ("Sản phẩm, nguyên văn.", "Sản phẩm: the deliverable, word for word."),
    "schema.Item.lead": ("Cơ quan chủ trì", "Lead"),
    "schema.Item.lead.about": ("Cơ quan chủ trì: tên trong danh mục cơ quan.", "Cơ quan chủ trì: names from the agency registry."),
    "schema.Item.partners": ("Cơ quan phối hợp", "Partners"),
    "schema.Item.partners.about": ("Cơ quan phối hợp: tên trong danh mục cơ quan.", "Cơ quan phối hợp: names from the agency registry."),
    "schema.Item.lead_cell": ("Ô cơ quan chủ trì, nguyên văn", "Lead cell as written"),
    "schema.Item.lead_cell.about": (
        "Ô cơ quan chủ trì đúng như văn bản gốc ghi, khi không phải các tên nối bằng \"; \": bản in ghi ô này. Phải là các tên của lead theo thứ tự, giữa chúng chỉ có dấu ngăn cách.",
        "The lead cell word for word, when the source does not join its names with \"; \": the printed plan shows it. It must be the lead names in order, with only separators between them.",
    ),
    "schema.Item.partners_cell": ("Ô cơ quan phối hợp, nguyên văn", "Partners cell as written"),
    "schema.Item.partners_cell.about": (
        "Ô cơ quan phối hợp đúng như văn bản gốc ghi, khi không phải các tên nối bằng \"; \": bản in ghi ô này. Phải là các tên của partners theo thứ tự, giữa chúng chỉ có dấu ngăn cách.",
        "The partners cell word for word, when the source does not join its names with \"; \": the printed plan shows it. It must be the partner names in order, with only separators between them.",
    ),
    "schema.Item.deadline": ("Thời gian hoàn thành", "Deadline"),
    "schema.Item.deadline.about": (
        "Thời gian hoàn thành, nguyên văn; để trống khi ô trống.",
        "Thời gian hoàn thành, exactly as worded; empty when blank.",
    ),
    "schema.Item.budget": ("Kinh phí (triệu đồng)", "Budget (million VND)"),
    "schema.Item.budget.about": (
        'Số triệu đồng, hoặc ghi chú như "Theo dự án"; bỏ trống khi ô trống.',
        'Million VND, or a note such as "Theo dự án"; absent when blank.',
    ),
    "schema.Item.note": ("Ghi chú", "Note"),
    "schema.Item.note.about": (
        "Ghi chú của người biên tập: ô trống hoặc ô gộp, nghi có lỗi đánh máy.",
        "Editor's note: blank or merged cells, suspected typos.",
    ),
}
