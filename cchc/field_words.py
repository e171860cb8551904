"""The words people write for a plan's fields, in Vietnamese or English: "chủ trì" for lead, "kinh phí" for budget.

A key the schema does not know is told the field it most likely means: a
slip of the keyboard ("dealine") is found by likeness (``cchc.schema_problems``),
a word for the field by this list.
"""

from __future__ import annotations

from functools import lru_cache

from cchc.text import fold

#: A field -> the words written for it (folded, spaces and dashes as "_"). A word of two fields ("kinh phí": the
#: plan's total, an item's budget) is told the one of the mapping it is in.
FIELD_WORDS = {
    "total_million_vnd": ("total", "tong", "tong_cong", "tong_kinh_phi", "total_budget", "budget", "kinh_phi",
                          "million_vnd", "trieu_dong", "so_tien"),
    "total_in_words": ("bang_chu", "in_words", "total_words", "so_tien_bang_chu"),
    "budget": ("amount", "million_vnd", "kinh_phi", "cost", "money", "du_toan", "trieu_dong", "so_tien"),
    "lead": ("chu_tri", "co_quan_chu_tri", "don_vi_chu_tri", "phu_trach", "don_vi_phu_trach", "leader", "responsible"),
    "partners": ("phoi_hop", "co_quan_phoi_hop", "don_vi_phoi_hop", "support", "supporters", "coordination"),
    "deadline": ("thoi_han", "han", "han_chot", "thoi_gian", "thoi_gian_hoan_thanh", "due", "due_date"),
    "product": ("san_pham", "ket_qua", "deliverable", "output"),
    "note": ("ghi_chu", "notes", "remark", "remarks", "comment"),
    "title": ("ten", "tieu_de", "ten_ke_hoach", "name"),
    "year": ("nam",),
}


@lru_cache(maxsize=1)
def _fields_of_word() -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for field, words in FIELD_WORDS.items():
        for word in words:
            found[word] = found.get(word, ()) + (field,)
    return found


def field_for(word: str, fields) -> str | None:
    """The field among *fields* that *word* is a word for ("Chủ trì": lead), else None."""
    written = "_".join(fold(word).replace("-", " ").split())
    return next((field for field in _fields_of_word().get(written, ()) if field in fields), None)
