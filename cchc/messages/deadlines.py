"""Messages of the deadline grammar (``cchc.deadlines``), key -> (Vietnamese, English).

Each is the message of a ``DeadlineError``; ``text`` is always the wording as
written in the plan. Years, months and days are shown as written, without
digit grouping.
"""

MESSAGES = {
    "deadline.unknown": (
        "không đọc được thời hạn {text!q}; mẫu gần nhất mà cchc đọc được: {example!q} (chỉ là mẫu: hãy ghi thời hạn của chính văn bản theo cách đó, đừng đổi nghĩa của nó)",
        "cannot read the deadline {text!q}; the closest form cchc reads: {example!q} (a form only: write the document's own deadline that way, without changing what it means)",
    ),
    "deadline.no-year": (
        "thời hạn {text!q} không ghi năm, mà chưa biết năm của kế hoạch để tính ngày đến hạn",
        "the deadline {text!q} names no year, and the plan's year is not known to work out when it is due",
    ),
    "deadline.bad-year": (
        "thời hạn {text!q} ghi năm {year}, nằm ngoài khoảng {low}–{high}",
        "the deadline {text!q} names the year {year}, outside {low}–{high}",
    ),
    "deadline.bad-month": (
        "thời hạn {text!q} ghi tháng {month}, nhưng tháng chỉ từ 1 đến 12",
        "the deadline {text!q} names month {month}; months are 1 to 12",
    ),
    "deadline.bad-quarter": (
        "thời hạn {text!q} ghi quý {quarter}, nhưng quý chỉ từ I đến IV",
        "the deadline {text!q} names quarter {quarter}; quarters are I to IV",
    ),
    "deadline.bad-day": (
        "thời hạn {text!q} ghi ngày {day}, nhưng ngày trong tháng chỉ từ 1 đến 31",
        "the deadline {text!q} names day {day}; days of the month are 1 to 31",
    ),
    "deadline.bad-date": (
        "thời hạn {text!q}: tháng {month}/{year} không có ngày {day}",
        "the deadline {text!q}: month {month} of {year} has no day {day}",
    ),
    "deadline.reversed-range": (
        "thời hạn {text!q} ghi khoảng từ {first} đến {last}, bị ngược; hãy ghi mốc trước rồi đến mốc sau: {last}-{first}",
        "the deadline {text!q} has the range {first} to {last} backwards; write the earlier end first: {last}-{first}",
    ),
}
