"""cchc's bundled font for the table pages it draws itself (``cchc.outputs.pdf_table``).

Each face (regular, bold, italic, bold italic of Liberation Serif 2.1) gives the
width of a text, to lay it out, and the glyphs that draw it; then the PDF
objects that embed the whole font file (a CID-keyed TrueType font, Identity-H,
with a ToUnicode map so that the text can be searched and copied). fontTools,
a dependency of WeasyPrint, reads the font files; only this module imports it.
"""

from __future__ import annotations

import unicodedata
from itertools import repeat
from pathlib import Path

__all__ = ["Face", "faces"]

# At most this many texts' widths and glyphs are remembered, each at most _SHORT characters long
# (words, names and deadlines repeat through a plan).
_REMEMBERED, _SHORT = 200_000, 200

# The four faces, by their place in cchc.outputs.pdf.font_files().
REGULAR, BOLD, ITALIC, BOLD_ITALIC = range(4)


class Face:
    """One face: widths in em, glyph ids, and the glyphs drawn so far."""

    def __init__(self, path: Path):
        from fontTools.ttLib import TTFont

        font = TTFont(str(path), lazy=True)
        self.path = path
        units = font["head"].unitsPerEm
        # named as WeasyPrint names the faces it embeds: the full name, spaces as hyphens ("Liberation-Serif-Bold")
        self.name = (font["name"].getDebugName(4) or path.stem).replace(" ", "-")
        order = {name: number for number, name in enumerate(font.getGlyphOrder())}
        metrics = font["hmtx"].metrics
        cmap = font.getBestCmap()
        #: em width of each character the font has
        self.advance: dict[str, float] = {}
        #: the glyph of each character, as the four hex digits an Identity-H string holds
        self.glyph: dict[str, str] = {}
        self._width_of_glyph: dict[int, int] = {}
        for code, name in cmap.items():
            char = chr(code)
            if not drawn(char):
                continue
            self.advance[char] = metrics[name][0] / units
            self.glyph[char] = f"{order[name]:04X}"
            self._width_of_glyph[order[name]] = round(metrics[name][0] * 1000 / units)
        #: the kerning of each pair of characters that has one, in em (the font's kern table; its GPOS holds the same pairs)
        self.kern: dict[str, float] = {}
        if "kern" in font:
            chars: dict[str, list[str]] = {}
            for code, name in cmap.items():
                chars.setdefault(name, []).append(chr(code))
            for table in font["kern"].kernTables:
                for (left, right), value in getattr(table, "kernTable", {}).items():
                    for one in chars.get(left, ()):
                        for two in chars.get(right, ()):
                            self.kern.setdefault(one + two, value / units)
        hhea, os2, head = font["hhea"], font["OS/2"], font["head"]
        self.ascent = hhea.ascent / units
        self.descent = -hhea.descent / units
        self._descriptor = {
            "Ascent": round(hhea.ascent * 1000 / units),
            "Descent": round(hhea.descent * 1000 / units),
            "CapHeight": round(getattr(os2, "sCapHeight", hhea.ascent) * 1000 / units),
            "ItalicAngle": font["post"].italicAngle,
            "FontBBox": [round(v * 1000 / units) for v in (head.xMin, head.yMin, head.xMax, head.yMax)],
        }
        self._used: set[str] = set()
        self._widths: dict[str, float] = {}
        self._encoded: dict[str, str] = {}
        font.close()

    @property
    def used(self) -> bool:
        """Whether anything was drawn with the face."""
        return bool(self._used)

    @property
    def chars_drawn(self) -> set[str]:
        """The characters drawn with the face (its subset's): another process's are added with ``chars_drawn |= …``."""
        return self._used

    @chars_drawn.setter
    def chars_drawn(self, chars: set[str]) -> None:
        self._used = chars

    def covers(self, text: str) -> bool:
        """Whether every character of *text* is one cchc draws with this font (it has its glyph; see drawn)."""
        glyph = self.glyph
        return all(char in glyph for char in set(text))

    def width(self, text: str) -> float:
        """The width of *text* in em, kerned."""
        width = self._widths.get(text)
        if width is None:
            width = sum(map(self.advance.__getitem__, text))
            if len(text) > 1:
                width += sum(map(self.kern.get, map(str.__add__, text, text[1:]), repeat(0.0)))
            if len(text) <= _SHORT and len(self._widths) < _REMEMBERED:
                self._widths[text] = width
        return width

    def encode(self, text: str) -> str:
        """*text* as the operand of a TJ operator: its glyphs in hex strings, kerned between them; remembered for the ToUnicode map and widths."""
        found = self._encoded.get(text)
        if found is not None:
            return found
        self._used.update(text)
        found = self._encode(text)
        if len(text) <= _SHORT and len(self._encoded) < _REMEMBERED:
            self._encoded[text] = found
        return found

    def _encode(self, text: str) -> str:
        glyphs = list(map(self.glyph.__getitem__, text))
        shifts = list(map(self.kern.get, map(str.__add__, text, text[1:])))
        if not any(shifts):
            return "<" + "".join(glyphs) + ">"
        parts = ["<", glyphs[0]]
        for glyph, shift in zip(glyphs[1:], shifts):
            if shift:
                parts.append(f"> {-shift * 1000:g} <")
            parts.append(glyph)
        parts.append(">")
        return "".join(parts)

    def embed(self, pdf) -> bytes:
        """Add the font's objects to *pdf* (a pydyf.PDF); returns the reference of its Type0 font."""
        import pydyf

        data = self.path.read_bytes()
        file = pydyf.Stream([data], {"Length1": len(data)}, compress=True)
        pdf.add_object(file)
        italic = self._descriptor["ItalicAngle"] != 0
        descriptor = pydyf.Dictionary(
            {
                "Type": "/FontDescriptor",
                "FontName": f"/{self.name}",
                "Flags": 32 + (64 if italic else 0) + 2,  # nonsymbolic, serif, italic
                "FontBBox": pydyf.Array(self._descriptor["FontBBox"]),
                "ItalicAngle": self._descriptor["ItalicAngle"],
                "Ascent": self._descriptor["Ascent"],
                "Descent": self._descriptor["Descent"],
                "CapHeight": self._descriptor["CapHeight"],
                "StemV": 80,
                "FontFile2": file.reference,
            }
        )
        pdf.add_object(descriptor)
        glyphs = sorted({int(self.glyph[char], 16): char for char in self._used}.items())
        widths = pydyf.Array()
        for number, _ in glyphs:
            widths.extend([number, pydyf.Array([self._width_of_glyph[number]])])
        cid_font = pydyf.Dictionary(
            {
                "Type": "/Font",
                "Subtype": "/CIDFontType2",
                "BaseFont": f"/{self.name}",
                "CIDSystemInfo": pydyf.Dictionary(
                    {"Registry": pydyf.String("Adobe"), "Ordering": pydyf.String("Identity"), "Supplement": 0}
                ),
                "FontDescriptor": descriptor.reference,
                "W": widths,
                "CIDToGIDMap": "/Identity",
            }
        )
        pdf.add_object(cid_font)
        to_unicode = pydyf.Stream([_to_unicode(glyphs).encode("ascii")], compress=True)
        pdf.add_object(to_unicode)
        font = pydyf.Dictionary(
            {
                "Type": "/Font",
                "Subtype": "/Type0",
                "BaseFont": f"/{self.name}",
                "Encoding": "/Identity-H",
                "DescendantFonts": pydyf.Array([cid_font.reference]),
                "ToUnicode": to_unicode.reference,
            }
        )
        pdf.add_object(font)
        return font.reference


def drawn(char: str) -> bool:
    """Whether cchc draws *char* itself: not an invisible one (a format or control character, drawn as a
    mark, where WeasyPrint draws nothing or breaks a line) nor a right-to-left one (left in logical order)."""
    return unicodedata.category(char) not in _INVISIBLE and unicodedata.bidirectional(char) not in _RIGHT_TO_LEFT


_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
_RIGHT_TO_LEFT = {"R", "AL", "AN", "RLE", "RLO", "RLI", "LRE", "LRO", "LRI", "FSI", "PDF", "PDI"}


def _to_unicode(glyphs: list[tuple[int, str]]) -> str:
    """A ToUnicode CMap giving each glyph its character."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    for start in range(0, len(glyphs), 100):
        chunk = glyphs[start : start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines.extend(f"<{number:04X}> <{char.encode('utf-16-be').hex().upper()}>" for number, char in chunk)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


def faces(paths: list[Path]) -> list[Face]:
    """The four faces, in the order of ``cchc.outputs.pdf.font_files()``."""
    return [Face(path) for path in paths]
