"""Every text a person reads, in Vietnamese and in English, from one catalogue.

The catalogue is a plain mapping in the package, not gettext: each entry is
written once with both languages side by side, ``key: (vi, en)``, so a message
cannot exist in one language only (a test checks every key), there is no
compile step and nothing to install, and typer's help texts, click's own
words and the core's problems all come from the same place.

A message is made when it is shown: a ``Problem`` or an error carries a key
and its arguments, and ``render(key, args, lang)`` fills the template of the
chosen language. Templates use ``str.format`` fields with cchc's conversions:

- ``{name!q}`` quotes plan text with control and invisible characters escaped;
- ``{amount!m}`` an amount in million VND ("2,5 triệu đồng" / "2.5 million VND");
  ``{amount!M}`` the same with its sign ("+10 triệu đồng", "-10 triệu đồng");
- ``{day!d}`` a date (30/06/2021 / 2021-06-30);
- ``{n!n}`` a number with the language's digit grouping;
- ``{part!k}`` the catalogue's entry whose key is the argument, in the same language;
- ``{count:|entry|entries}`` the first word for 1, the second for any other count (English;
  Vietnamese nouns do not change: "1 mục", "12 mục").

Vietnamese is the default whatever the machine's locale; ``--lang en`` or
``CCHC_LANG=en`` gives English. The module is pure: the CLI chooses the
language and passes it in.
"""

from __future__ import annotations

import datetime
import functools
import string
from decimal import Decimal
from functools import lru_cache
from typing import Any, Mapping

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
_INDEX = {"vi": 0, "en": 1}

#: The modules whose MESSAGES make up the catalogue, one per concern.
_PARTS = ("problems", "yaml", "deadlines", "cli", "help", "click", "outputs", "docx", "progress", "starters", "schema")


@lru_cache(maxsize=1)
def catalogue() -> dict[str, tuple[str, str]]:
    """Every message key with its (Vietnamese, English) template."""
    import importlib

    merged: dict[str, tuple[str, str]] = {}
    for part in _PARTS:
        try:
            module = importlib.import_module(f"cchc.messages.{part}")
        except ModuleNotFoundError as exc:  # a part not written yet
            if exc.name != f"cchc.messages.{part}":
                raise
            continue
        for key, entry in module.MESSAGES.items():
            if key in merged:
                raise ValueError(f"message key {key!r} is defined twice")
            merged[key] = entry
    return merged


def language(value: str | None) -> str:
    """The language code for *value* ("vi", "en", "EN", "en_US.UTF-8" …); the default when unknown or None."""
    if not value:
        return DEFAULT_LANG
    code = value.strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    return code if code in _INDEX else DEFAULT_LANG


def render(key: str, args: Mapping[str, Any] | None = None, lang: str = DEFAULT_LANG) -> str:
    """The message *key* in *lang*, its fields filled from *args*.

    An unknown key is shown as the key itself with its arguments: a missing
    entry must never hide a problem (a test keeps the catalogue complete).
    """
    entry = catalogue().get(key)
    if entry is None:
        shown = ", ".join(f"{k}={v!r}" for k, v in (args or {}).items())
        return f"{key}({shown})" if shown else key
    template = entry[_INDEX.get(lang, 0)]
    if not args and "{" not in template and "}" not in template:  # "}}" is a brace too
        return template
    parts = _parsed(template)
    if parts is None:
        return _Formatter(lang).vformat(template, (), dict(args or {}))
    filled = []
    for literal, name, spec, conversion in parts:
        filled.append(literal)
        if name is not None:  # as Formatter.vformat fills a plain field: its value, converted, formatted
            value = _value(name, args[name], lang) if args else {}[name]
            filled.append(_formatted(_convert(value, conversion, lang) if conversion else value, spec))
    return "".join(filled)


def _formatted(value: Any, spec: str) -> str:
    """``format(value, spec)``, and a count's word: "|one|other" is *one* for 1, *other* for any other count."""
    if spec.startswith("|"):
        one, _, other = spec[1:].partition("|")
        return one if value == 1 else other
    return format(value, spec)


@lru_cache(maxsize=None)
def _parsed(template: str) -> tuple | None:
    """The template's (literal, field, format spec, conversion) parts, parsed once; None when a field is
    more than a name ({0}, {a.b}, {a[0]}, a nested field in a spec): ``_Formatter`` fills those."""
    parts = tuple(string.Formatter().parse(template))
    if any(name is not None and (not name.isidentifier() or "{" in spec) for _, name, spec, _ in parts):
        return None
    return parts


def _value(key: str, value: Any, lang: str) -> Any:
    """A field's value as the message shows it: the system's reasons in Vietnamese for Vietnamese."""
    if key == "reason" and lang == "vi" and isinstance(value, str):
        return _OS_REASONS_VI.get(value, value)
    return value


def _convert(value: Any, conversion: str, lang: str) -> Any:
    """cchc's conversions (``!q`` quoted, ``!m`` money, ``!M`` signed money, ``!d`` date, ``!n`` number,
    ``!k`` a catalogue entry, ``!f`` a plan file's key), and Python's own (``!r``, ``!s``, ``!a``)."""
    if conversion == "q":
        from cchc.text import quote

        return quote(str(value))
    if conversion == "m":
        return money_text(value, lang)
    if conversion == "M":
        return ("+" if value > 0 else "") + money_text(value, lang)
    if conversion == "d":
        return date_text(value, lang)
    if conversion == "n":
        return number_text(value, lang)
    if conversion == "k":
        return render(value, None, lang)
    if conversion == "f":
        return field_text(str(value), lang)
    return string.Formatter.convert_field(None, value, conversion)


def field_text(field: str, lang: str) -> str:
    """A plan file's key as a message names it: in Vietnamese with its name in the form ("product (sản phẩm)"), for
    a reader who does not read the English key; in English the key alone."""
    if lang != "vi":
        return field
    title = _field_titles().get(field)
    return f"{field} ({title[0].lower() + title[1:]})" if title else field


@lru_cache(maxsize=1)
def _field_titles() -> dict[str, str]:
    """Each field's Vietnamese title in the plan file's schema, where every model that has the field gives it one
    name ("name" is an agency's and a signer's: none; the column headings' fields are named after an item's)."""
    from cchc.messages.schema import MESSAGES as SCHEMA

    found: dict[str, set[str]] = {}
    for key, (vi, _) in SCHEMA.items():
        parts = key.split(".")
        if len(parts) == 3 and parts[1] != "Headings":
            found.setdefault(parts[2], set()).add(vi.split(" (")[0])  # "Kinh phí (triệu đồng)": its name, not its unit
    return {field: names.pop() for field, names in found.items() if len(names) == 1}


def t(key: str, lang: str = DEFAULT_LANG, **args: Any) -> str:
    """Shorthand for ``render(key, args, lang)``."""
    return render(key, args, lang)


#: The system's reasons (C library's strerror, in English) in Vietnamese, for a {reason} field.
_OS_REASONS_VI = {
    "No such file or directory": "không có tệp hoặc thư mục này",
    "Permission denied": "không có quyền",
    "Operation not permitted": "không được phép",
    "Is a directory": "đây là một thư mục",
    "Not a directory": "một phần của đường dẫn không phải là thư mục",
    "No space left on device": "đĩa đã hết chỗ",
    "Disk quota exceeded": "đã hết hạn mức dung lượng",
    "Read-only file system": "ổ đĩa chỉ cho đọc",
    "File exists": "tệp đã có",
    "File name too long": "tên tệp quá dài",
    "Too many levels of symbolic links": "quá nhiều liên kết nối tiếp nhau",
    "Directory not empty": "thư mục không trống",
    "Input/output error": "lỗi đọc ghi thiết bị",
    "Device or resource busy": "thiết bị đang bận",
    "No such device or address": "không có thiết bị này",
    "Broken pipe": "đầu nhận đã đóng",
    "Text file busy": "tệp đang được dùng",
    "Invalid argument": "đối số không hợp lệ",
    "File too large": "tệp vượt giới hạn kích thước tệp được phép",
    "Bad file descriptor": "đầu ra không còn mở để ghi",
    "Cannot allocate memory": "không đủ bộ nhớ",
    "Resource temporarily unavailable": "tài nguyên tạm thời không dùng được",
    "Too many open files": "mở quá nhiều tệp cùng lúc",
    "Stale file handle": "tệp trên ổ mạng không còn dùng được",
    "Connection timed out": "ổ mạng không trả lời",
    "changed while it was being written, run again": "tệp vừa bị thay đổi trong lúc ghi, hãy chạy lại",
}


class _Formatter(string.Formatter):
    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def get_value(self, key, args, kwargs):
        return _value(key, super().get_value(key, args, kwargs), self.lang)

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        return _convert(value, conversion, self.lang) if conversion else value

    def format_field(self, value: Any, format_spec: str) -> str:
        return _formatted(value, format_spec)


def number_text(value: int | Decimal, lang: str = DEFAULT_LANG) -> str:
    """A figure as the language writes it: 1.500,5 (vi) or 1,500.5 (en)."""
    from cchc.money import format_number

    text = format_number(value)
    if lang == "en":
        text = text.translate(str.maketrans({".": ",", ",": "."}))
    return text


def money_text(million: int | Decimal, lang: str = DEFAULT_LANG) -> str:
    """An amount in million VND with its unit: "2,5 triệu đồng" / "2.5 million VND"."""
    figure = number_text(million, lang)
    return f"{figure} triệu đồng" if lang == "vi" else f"{figure} million VND"


@functools.lru_cache(maxsize=4096)  # a plan's tables repeat a few hundred dates
def date_text(day: datetime.date | str, lang: str = DEFAULT_LANG) -> str:
    """A date for a person: 30/06/2021 (vi) or 2021-06-30 (en)."""
    if isinstance(day, str):
        day = datetime.date.fromisoformat(day)
    if lang == "vi":
        return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"
    return day.isoformat()


def long_date(day: datetime.date) -> str:
    """A date in prose, as Nghị định 30/2020 writes it: "ngày 05 tháng 01 năm 2021" (day below 10 and months 1, 2 padded)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"
