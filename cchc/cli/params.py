"""Values people type on the command line: months, dates, periods, output formats.

Digits are ASCII only ("²" or "٣" are not digits here), years run 1900–2199
as in the deadline grammar, and every bad value is a usage error (exit 2)
that names the option and says what to write.
"""

from __future__ import annotations

import datetime
import re
from enum import Enum

from cchc.cli.common import msg, usage
from cchc.deadlines import MAX_YEAR, MIN_YEAR

_MONTH_FORMS = (
    re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})\Z"),
    re.compile(r"(?P<month>[0-9]{1,2})/(?P<year>[0-9]{4})\Z"),
)
_DAY_FORMS = (
    re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})\Z"),
    re.compile(r"(?P<day>[0-9]{1,2})/(?P<month>[0-9]{1,2})/(?P<year>[0-9]{4})\Z"),
)


#: What a file's extension says it holds (the names of the commands' --format values).
EXTENSIONS = {
    ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".pdf": "pdf", ".docx": "docx",
    ".json": "json", ".txt": "table", ".csv": "csv", ".ics": "ics", ".yaml": "yaml", ".yml": "yaml",
    ".odt": "odt", ".doc": "doc", ".rtf": "rtf", ".xlsx": "xlsx", ".xls": "xls", ".png": "png",
}  # fmt: skip


def output_format(format, output, formats: type[Enum], default):
    """The --format asked for, else what -o's extension names, else *default* (exit 2 on a clash or an unknown extension).

    An extension that names a format the command does not write (``render -o x.odt``,
    ``calendar -o x.pdf``) is refused rather than filled with another format.
    """
    suffix = output.suffix.lower() if output is not None else ""
    implied = EXTENSIONS.get(suffix)
    if output is not None and "yaml" not in formats.__members__ and _names_yaml(output):
        # A .yaml or .yml file is a plan or a progress log: a document written there (whatever --format says)
        # would replace one, with no --force to ask, and no other command would read it.
        raise usage(msg("cli.output-is-yaml", path=str(output), suffix=".yaml", choices=_extensions(formats)), "--output")
    if format is not None:
        if implied is not None and implied != format.value and implied in formats.__members__:
            raise usage(msg("cli.format-clash", format=format.value, path=str(output), implied=implied), "--format")
        return format
    if not suffix:
        return default
    if implied is None or implied not in formats.__members__:
        key = "cli.format-from-extension" if len(formats) > 1 else "cli.format-from-extension.only"
        raise usage(msg(key, path=str(output), suffix=output.suffix, choices=_extensions(formats)), "--output")
    return formats(implied)


def _names_yaml(path) -> bool:
    """Whether *path* names a .yaml or .yml file: by its name (".yaml" alone, "x.yaml " with a space at the end too),
    or by the file a link there points to."""
    import os

    names = [path.name]
    if os.path.islink(path):
        names.append(os.path.basename(os.path.realpath(path)))
    return any(name.strip().lower().endswith((".yaml", ".yml")) for name in names)


def _extensions(formats: type[Enum]) -> str:
    """Every extension that names one of *formats*, by format (a format no extension names, by its name)."""
    return ", ".join(", ".join([extension for extension, name in EXTENSIONS.items() if name == f.value] or [f.value]) for f in formats)


class YamlFormat(str, Enum):
    """What ``import`` and ``init`` write: a plan file."""

    yaml = "yaml"


class ValidateFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


class ItemFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class BudgetFormat(str, Enum):
    table = "table"
    json = "json"


class Role(str, Enum):
    lead = "lead"
    partner = "partner"
    any = "any"


def _year(value: str, year: int, option: str) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise usage(msg("cli.bad-year", value=value, year=year, low=MIN_YEAR, high=MAX_YEAR), option)
    return year


def parse_month(value: str, option: str) -> tuple[int, int]:
    """"2021-06" or "06/2021" -> (2021, 6); anything else is a usage error naming the option."""
    for form in _MONTH_FORMS:
        m = form.match(value.strip())
        if m:
            year, month = _year(value, int(m["year"]), option), int(m["month"])
            if not 1 <= month <= 12:
                raise usage(msg("cli.bad-month-number", value=value, month=month), option)
            return year, month
    from cchc.report import period_months

    months = period_months(value)
    if months is not None and MIN_YEAR <= months[0] <= MAX_YEAR:
        # "Q3/2021", "quý III/2021", "6T/2021", as report --period takes them: told the months, for the option given
        # ("0621" is no year 621: it is told how a month is written).
        year, first, last = months
        start, end = f"--from {year}-{first:02d}", f"--to {year}-{last:02d}"
        key, use = {"--from": (".from", start), "--to": (".to", end)}.get(option, ("", f"{start} {end}"))
        raise usage(msg("cli.month-is-period" + key, value=value, use=use), option)
    raise usage(msg("cli.bad-month", value=value), option)


def parse_day(value: str, option: str) -> datetime.date:
    """An ISO date (2021-06-15) or dd/mm/yyyy (15/06/2021)."""
    for form in _DAY_FORMS:
        m = form.match(value.strip())
        if m:
            year, month, day = _year(value, int(m["year"]), option), int(m["month"]), int(m["day"])
            if not 1 <= month <= 12:
                raise usage(msg("cli.bad-month-number", value=value, month=month), option)
            try:
                return datetime.date(year, month, day)
            except ValueError:
                raise usage(msg("cli.no-such-day", value=value, month=month, year=year, day=day), option) from None
    raise usage(msg("cli.bad-date", value=value), option)


#: Words for a role of list --role, beside its code and the words of ``role.*`` in the catalogue.
_ROLE_WORDS = {"lead": ("chủ trì", "lead"), "partner": ("phối hợp", "partner", "support"), "any": ("bất kỳ", "tất cả", "both", "all")}


def role_parser(value: str) -> Role:
    """A --role value: its code or words for it ("chủ trì", "phối hợp", "cả hai")."""
    return Role(_role_code(value))


def status_parser(codes: tuple[str, ...], words: dict[str, tuple[str, ...]] | None = None, kind: str = "status"):
    """A parser for a --status value: one of *codes*, written as the code or in words ("hoàn thành", "in progress");
    *words* (by default ``cchc.statuses.STATUS_WORDS``) beside the catalogue's ``<kind>.<code>``."""
    known: dict[str, str] = {}

    def key(text: str) -> str:
        from cchc.text import word_key

        return word_key(text)

    def parse(value: str) -> str:
        if not known:  # made on first use: a help page imports no catalogue
            from cchc.messages import catalogue, t

            if words is None:
                from cchc.statuses import STATUS_WORDS as extra
            else:
                extra = words
            for code in codes:
                printed = [t(f"{kind}.{code}", language) for language in ("vi", "en")] if f"{kind}.{code}" in catalogue() else []
                for word in (code, *printed, *extra.get(code, ())):
                    known.setdefault(key(word), code)
        found = known.get(key(value)) if len(value.strip()) <= 100 else None
        if found is None:
            import typer

            from cchc.messages import catalogue

            def choice(code: str) -> str:  # 'done' (hoàn thành): the code, and the words cchc prints for it
                said = msg(f"{kind}.{code}") if f"{kind}.{code}" in catalogue() else code
                return f"'{code}'" if key(said) == key(code) else f"'{code}' ({said})"

            raise typer.BadParameter(msg("usage.choice", value=value, choices=", ".join(map(choice, codes))))
        return found

    return parse


_role_code = status_parser(tuple(role.value for role in Role), _ROLE_WORDS, "role")
