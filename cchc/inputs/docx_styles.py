"""What a Word document's styles and numbering parts say: bold, all caps, centring and automatic numbers.

``Styles`` answers for a paragraph or character style, following ``basedOn``;
``Numbering`` gives the label ("I.", "1.", "a)", "-") each numbered paragraph
shows, counted in order as Word counts it.
"""

from __future__ import annotations

from cchc.inputs.docx_package import W, DocxRefused
from cchc.text import roman_numeral

#: The longest text a list level may give its labels ("%1.", "Điều %1.", "(%1)"): Word's own are a few characters.
MAX_LABEL_CHARS = 100


def qn(name: str) -> str:
    """The Clark name of a WordprocessingML element or attribute: qn("p") -> "{…/main}p"."""
    return f"{{{W}}}{name}"


VAL = qn("val")
FALSE = {"0", "false", "off"}


class Styles:
    """What paragraph and character styles say about bold, all caps, centring and numbering (``basedOn`` followed)."""

    def __init__(self, root):
        self._styles: dict[str, object] = {}
        self._memo: dict[tuple[str, str], object] = {}
        #: The font of text no style names one for (the document's defaults).
        self.default_font: str | None = None
        #: The paragraph style of a paragraph that names none (Normal).
        self.default_paragraph: str | None = None
        if root is not None:
            for style in root.iterchildren(qn("style")):
                style_id = style.get(qn("styleId"))
                if style_id:
                    self._styles.setdefault(style_id, style)
                    if style.get(qn("type")) == "paragraph" and style.get(qn("default"), "0").lower() in ("1", "true", "on"):
                        self.default_paragraph = self.default_paragraph or style_id
            defaults = root.find(f"{qn('docDefaults')}/{qn('rPrDefault')}")
            if defaults is not None:
                self.default_font = own_property(defaults, "font")

    def get(self, style_id: str | None, what: str, depth: int = 0):
        """*what* (bold, caps, hidden, raised, centered, numbering) as the style *style_id* sets it, or a style it is based on; None when none does."""
        if not style_id or depth > 10:
            return None
        key = (style_id, what)
        if key in self._memo:
            return self._memo[key]
        style = self._styles.get(style_id)
        found = None
        if style is not None:
            found = own_property(style, what)
            if found is None:
                based = style.find(qn("basedOn"))
                found = self.get(based.get(VAL) if based is not None else None, what, depth + 1)
        self._memo[key] = found
        return found

    def bold(self, style_id: str | None) -> bool | None:
        return self.get(style_id, "bold")

    def caps(self, style_id: str | None) -> bool | None:
        return self.get(style_id, "caps")

    def centered(self, style_id: str | None) -> bool | None:
        return self.get(style_id, "centered")

    def numbering(self, style_id: str | None) -> tuple[str, int] | None:
        return self.get(style_id, "numbering")


#: A run's properties that are on or off, and their elements: Font > Bold, All caps, Hidden.
_RUN_FLAGS = {"bold": "b", "caps": "caps", "hidden": "vanish"}


def own_property(element, what: str):
    """bold / caps (Font > All caps) / hidden / raised (Superscript, Subscript) / font / centered / numbering as set
    directly on a style, paragraph or run."""
    if what == "font":  # the font of Latin text (w:ascii, else w:hAnsi)
        fonts = element.find(f"{qn('rPr')}/{qn('rFonts')}")
        return None if fonts is None else fonts.get(qn("ascii")) or fonts.get(qn("hAnsi"))
    if what in _RUN_FLAGS:
        b = element.find(f"{qn('rPr')}/{qn(_RUN_FLAGS[what])}")
        return None if b is None else b.get(VAL, "1").lower() not in FALSE
    if what == "raised":  # Font > Superscript / Subscript: "superscript", "subscript" or "baseline"
        align = element.find(f"{qn('rPr')}/{qn('vertAlign')}")
        return None if align is None else align.get(VAL, "baseline")
    if what == "centered":
        jc = element.find(f"{qn('pPr')}/{qn('jc')}")
        return None if jc is None else jc.get(VAL) == "center"
    num = element.find(f"{qn('pPr')}/{qn('numPr')}")
    if num is None:
        return None
    num_id = num.find(qn("numId"))
    level = num.find(qn("ilvl"))
    if num_id is None:
        return None
    return num_id.get(VAL, "0"), int_between(level.get(VAL) if level is not None else "0", 0, 8)


def int_between(text: str | None, low: int, high: int, default: int = 0) -> int:
    try:
        return min(max(int(text or ""), low), high)
    except ValueError:
        return default


class Numbering:
    """Word's automatic numbering: the label ("I.", "1.", "a)", "-") each numbered paragraph shows, counted in order."""

    def __init__(self, root):
        self._abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._counters: dict[str, list[int]] = {}  # by abstract list
        self._restarted: set[tuple[str, int]] = set()
        if root is None:
            return
        links: dict[str, str] = {}  # an abstract list that only names a list style -> that style
        defines: dict[str, str] = {}  # a list style -> the abstract list holding its levels
        for abstract in root.iterchildren(qn("abstractNum")):
            abstract_id = abstract.get(qn("abstractNumId"), "")
            uses, defined = abstract.find(qn("numStyleLink")), abstract.find(qn("styleLink"))
            if uses is not None and uses.get(VAL):
                links[abstract_id] = uses.get(VAL)
            if defined is not None and defined.get(VAL):
                defines.setdefault(defined.get(VAL), abstract_id)
            levels = {}
            for lvl in abstract.iterchildren(qn("lvl")):
                level = int_between(lvl.get(qn("ilvl")), 0, 8)
                fmt = lvl.find(qn("numFmt"))
                text = lvl.find(qn("lvlText"))
                if text is not None and len(text.get(VAL, "")) > MAX_LABEL_CHARS:  # "%1" 400,000 times: each label 2 MB
                    raise DocxRefused("docx.too-much-text", limit=MAX_LABEL_CHARS)
                start = lvl.find(qn("start"))
                levels[level] = (
                    fmt.get(VAL, "decimal") if fmt is not None else "decimal",
                    text.get(VAL, "") if text is not None else "",
                    int_between(start.get(VAL) if start is not None else "1", 0, 10_000, 1),
                )
            self._abstract[abstract_id] = levels
        for num in root.iterchildren(qn("num")):
            abstract_id = num.find(qn("abstractNumId"))
            abstract_id = abstract_id.get(VAL, "") if abstract_id is not None else ""
            # A list made from a list style (Word's "Define New List Style") counts on the list that defines it.
            abstract_id = defines.get(links[abstract_id], abstract_id) if abstract_id in links else abstract_id
            overrides = {}
            for override in num.iterchildren(qn("lvlOverride")):
                start = override.find(qn("startOverride"))
                if start is not None:
                    overrides[int_between(override.get(qn("ilvl")), 0, 8)] = int_between(start.get(VAL), 0, 10_000, 1)
            self._nums[num.get(qn("numId"), "")] = (abstract_id, overrides)

    def label(self, num_id: str, level: int) -> str | None:
        """The next label of list *num_id* at *level*, or None when the paragraph shows none."""
        if num_id == "0" or num_id not in self._nums:
            return None
        abstract_id, overrides = self._nums[num_id]
        levels = self._abstract.get(abstract_id, {})
        if level not in levels:
            return None
        # Word counts on the abstract list: numIds sharing it continue one sequence, and one carrying a
        # startOverride restarts it at that level where it first appears (ECMA-376 §17.9; as LibreOffice shows it).
        counters = self._counters.setdefault(abstract_id, [None] * 9)  # type: ignore[list-item]
        if level in overrides and (num_id, level) not in self._restarted:
            self._restarted.add((num_id, level))
            counters[level] = None
        start = overrides.get(level, levels[level][2])
        counters[level] = start if counters[level] is None else counters[level] + 1
        for deeper in range(level + 1, 9):
            counters[deeper] = None
        fmt, text, _ = levels[level]
        if fmt == "bullet":
            return "•" if not text or any(0xE000 <= ord(c) <= 0xF8FF for c in text) else text.strip() or "•"
        if fmt == "none":
            return None

        def number(match_level: int) -> str:
            lvl_fmt, _, lvl_start = levels.get(match_level, ("decimal", "", 1))
            value = counters[match_level] if counters[match_level] is not None else overrides.get(match_level, lvl_start)
            return _format_number(value, lvl_fmt)

        label = text
        for n in range(9, 0, -1):
            label = label.replace(f"%{n}", number(n - 1)) if f"%{n}" in label else label
        if len(label) > MAX_LABEL_CHARS:  # "%1" 50 times, each a letter number of thousands of paragraphs: "aaa…"
            raise DocxRefused("docx.too-much-text", limit=MAX_LABEL_CHARS)
        return label.strip() or None


def _format_number(value: int, fmt: str) -> str:
    """*value* written as list format *fmt* shows it; no number longer than a label may be (DocxRefused)."""
    if fmt in ("upperRoman", "lowerRoman"):
        roman = roman_numeral(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter") and value > 0:
        if (value - 1) // 26 + 1 > MAX_LABEL_CHARS:  # "a" … "z", "aa" … : the 2,601st is 101 letters
            raise DocxRefused("docx.too-much-text", limit=MAX_LABEL_CHARS)
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


#: The Symbol font's characters (Adobe's Symbol encoding) as Unicode, by code: what Insert > Symbol puts in a
#: plan most (≥, ≤, ±, ×, →, •, Greek letters). Word writes the code as F0xx or xx.
_SYMBOL_FONT = dict(zip(
    range(0x20, 0x7F),
    " !∀#∃%&∋()∗+,−./0123456789:;<=>?≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_\uf8e5αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼",
)) | dict(zip(
    range(0xA0, 0xE0),
    "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…\uf8e6\uf8e7↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓",
)) | {0xE0: "◊", 0xE1: "〈", 0xE5: "∑", 0xF1: "〉", 0xF2: "∫"}


def symbol_char(font: str, code: str) -> str | None:
    """The character a ``w:sym`` shows (font "Symbol", code "F0B3" -> "≥"), or None when cchc has no table for it."""
    try:
        value = int(code, 16)
    except ValueError:
        return None
    if font.strip().lower() != "symbol":
        return None
    char = _SYMBOL_FONT.get(value - 0xF000 if 0xF000 <= value <= 0xF0FF else value)
    return None if char is None or "\ue000" <= char <= "\uf8ff" else char


def legacy_font(font: str | None) -> bool:
    """A font of the Vietnamese encodings before Unicode: TCVN3 (".VnTime", ".VnArial H") or VNI ("VNI-Times")."""
    name = (font or "").strip().lower()
    return name.startswith((".vn", "vni-", "vni "))
