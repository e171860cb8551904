"""Letters that pass for Latin ones in a name or a label: another script's ("Sở Nộі vụ" with a Cyrillic і), or
Latin's own signs and symbols drawn as its letters ("Sở Nộⅰ vụ" with a small Roman numeral one, "Sở Nộı vụ" with a
dotless i). A name so written reads as another but is not: items naming the real one miss it."""

from __future__ import annotations

import re

from cchc.inputs.yaml_chars import describe
from cchc.problems import Problem, warning

#: Letters of other scripts, and signs, that pass for Latin letters or digits: Greek, Cyrillic, full-width forms of
#: ASCII letters and digits (U+FF10-FF5A, as East Asian input methods type them); the dotless i and j, the long s,
#: kra; IPA letters; small capitals and turned letters (U+1D00-1DBF); letter-like symbols (U+2100-214F, "K" the
#: Kelvin sign); Roman numerals as signs (U+2150-218F); letters in circles (U+2460-24FF); mathematical letters;
#: Latin Extended-B but Vietnamese ơ and ư ("Ɖ", the African D, passes for Đ; "ǀ", a click, for l) and Latin
#: Extended-C, -D, -E; Armenian, Cherokee, Lisu and Coptic, whose letters are drawn as Latin ones ("Sở Nօi vụ").
_DRAWN_AS_LATIN = (
    "\u0180-\u019f\u01a2-\u01ae\u01b1-\u0236\u0238-\u024f\u2c60-\u2c7f\ua720-\ua7ff\uab30-\uab6f\u0530-\u058f"
    "\u13a0-\u13ff\uab70-\uabbf\ua4d0-\ua4ff\u2c80-\u2cff"
)
_FOREIGN = re.compile(
    "[\u0370-\u03ff\u0400-\u052f\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u0131\u0138\u017f\u0237\u0250-\u02af\u1d00-\u1dbf"
    "\u2100-\u214f\u2150-\u218f\u2460-\u24ff\U0001d400-\U0001d7ff" + _DRAWN_AS_LATIN + "]"
)
#: The scripts above whose every letter counts as drawn as a Latin one: a word all of them ("Sở ꓔꓔꓔꓔ" in Lisu) reads as Latin.
_ALL_DRAWN = re.compile("[" + _DRAWN_AS_LATIN + "]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
#: The Greek and Cyrillic letters drawn as Latin ones, and the signs that are Latin letters drawn otherwise: a word of
#: only these ("У" in "Sở У tế", "СНВ", "Ⅱ") reads as Latin. A real Greek or Cyrillic word ("Москва") has others.
_LOOK_ALIKES = frozenset(
    "АВЕКМНОРСТУХІЈЅаеорсухіјѕԁһԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧΟοι"
    + "".join(map(chr, [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]))
    + "".join(map(chr, [*range(0x2160, 0x2189), *range(0x1D400, 0x1D800)]))
)


def foreign_letter(text: str) -> dict | None:
    """The first letter or sign of *text* that passes for a Latin one (``describe``'s code point and name), or None."""
    found = _FOREIGN.search(text)
    return None if found is None else describe(found.group())


def mixed_script(spelling: str, path) -> list[Problem]:
    """A warning for a word of *spelling* that mixes Latin letters with one that passes for them ("Sở Nộі vụ" with a
    Cyrillic і reads as "Sở Nội vụ" but is another agency), or that is written all in such letters ("Sở У tế" with
    a Cyrillic У). A Greek or Cyrillic word with letters of its own is no trap."""
    if _FOREIGN.search(spelling) is None:  # nearly every name: one scan
        return []
    for word in re.findall(r"\w+", spelling):
        foreign = _FOREIGN.search(word)
        if foreign is None:
            continue
        if _LATIN.search(word) is not None:
            return [warning("mixed-script", path, spelling=spelling, word=word, **describe(foreign.group()))]
        if all(char in _LOOK_ALIKES or char.isdigit() or _ALL_DRAWN.match(char) for char in word):
            return [warning("mixed-script", path, key="mixed-script.look-alike", spelling=spelling, word=word, **describe(foreign.group()))]
    return []
