"""The periodic report as JSON, a table, Markdown or HTML (the appendix of the periodic CCHC report).

``report_record`` is the JSON contract: keys, codes and ISO dates never change
with the language; rates are floats rounded to 4 decimals (the exact fraction
is in ``completion``). ``report_view`` is the one view, in a language, that the
table, Markdown and HTML are laid out from, so they cannot drift apart; the
HTML adds bar charts as inline SVG (no script; they print). ``FORMATS`` maps a
format's name to its function ``(report, lang) -> str``.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from importlib import resources
from itertools import repeat
from operator import attrgetter
from pathlib import Path
from collections.abc import Callable, Iterator

from cchc.messages import date_text, number_text, t
from cchc.report import CLASSES, Figures, Report
from cchc.text import display_width, escape_controls

__all__ = ["FORMATS", "report_record", "report_view", "report_json", "report_table", "report_md", "report_html", "rate_float"]

#: Longest label a chart shows before cutting it with "…" (SVG text does not wrap).
CHART_LABEL_CHARS = 90


# ---------------------------------------------------------------- JSON


def rate_float(rate: Fraction | None) -> float | None:
    """A rate as the float nearest its exact fraction (5/14 is 0.35714285714285715), not rounded further:
    a reader computing the contract's formula from the counts gets the same number. None stays None."""
    return None if rate is None else float(rate)


def _rate(figures: Figures) -> dict:
    """A group's rate and what it is of: dated items done, over dated items done or overdue (an undated item done
    counts as done on time in the counts, but no rate is of it), as the whole plan's ``completion`` says."""
    return {"completion_rate": rate_float(figures.rate), "completion": {"done": figures.rate_done, "of": figures.rate_total}}


def _counts(figures: Figures) -> dict:
    record = {"items": figures.items}
    record.update(figures.counts)
    record["done_in_period"] = figures.done_in_period
    record["entries_in_period"] = figures.entries_in_period
    return record


def _full_names(names, registry) -> list[str]:
    from cchc.query import full_name

    return [full_name(n, registry) for n in names]


def report_record(report: Report) -> dict:
    """The report as the JSON contract shapes it."""
    period = report.period
    band = report.band
    totals = report.totals
    return {
        "as_of": report.as_of.isoformat(),
        "period": None if period is None else {
            "name": period.name,
            "from": period.start.isoformat(),
            "to": period.end.isoformat(),
            "report_due": period.report_due.isoformat(),
        },
        "window": {"from": report.window[0].isoformat(), "to": report.window[1].isoformat()},
        "plan": {"title": report.plan_title, "number": report.plan_number, "issuer": report.plan_issuer},
        "totals": _counts(totals),
        **_rate(totals),
        "score": None if band is None else {
            "points": band.points,
            "max_points": report.bands.max_points,
            "band": band.as_dict(),
            "criteria": report.bands.name,
            "source": report.bands.source,
        },
        "by_section": [{"section": g.key, "title": g.title, **_counts(g.figures), **_rate(g.figures)} for g in report.by_section],
        "by_lead": [{"agency": g.key, **_counts(g.figures), **_rate(g.figures)} for g in report.by_lead],
        "overdue": [
            {
                "id": p.row.item.id,
                "product": p.row.item.product,
                "section": p.row.section.numeral,
                "lead": _full_names(p.row.item.lead or report.default_leads, report.registry),
                "deadline": p.row.item.deadline,
                "due": [d.isoformat() for d in p.row.deadline.due],
                "status": p.status,
                "note": p.note,
            }
            for p in report.overdue
        ],
    }


def report_json(report: Report, lang: str = "vi") -> str:
    """The JSON contract as text (the language changes nothing)."""
    from cchc.outputs.reporters import to_json

    return to_json(report_record(report))


# ---------------------------------------------------------------- the view


def percent_text(rate: Fraction | None, lang: str) -> str:
    """"72,7 %" (vi) / "72.7%" (en); "—" when there is no rate."""
    if rate is None:
        return "—"
    exact = Fraction(rate.numerator * 100, rate.denominator)
    quotient = Decimal(exact.numerator) / Decimal(exact.denominator)
    value = quotient.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    # A rate rounded onto a whole number it is not (69.95 % as 70 %, 90.04 % as 90 %) would read as on a band's
    # threshold (70 %, 90 %) beside a score that says otherwise: it is shown with the digits that tell.
    places = 1
    while value == value.to_integral_value() and exact != value and places < 6:
        places += 1
        value = quotient.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)
    return t("report.percent", lang, value=number_text(value, lang))


def period_text(report: Report, lang: str) -> str:
    """The period as a person names it ("6 tháng năm 2021"), or "as of" a date when there is none."""
    period = report.period
    if period is None:
        return t("report.period-as-of", lang, day=report.as_of)
    return t(f"report.period.{period.kind}", lang, year=period.year)


def band_text(report: Report, lang: str) -> str:
    """"1/2 điểm (Cà Mau: từ 70 % trở lên)"; "" when there is no rate."""
    band = report.band
    if band is None:
        return ""
    if band.above is not None:
        rule = t("report.band-above", lang, value=number_text(band.above, lang))
    elif band.at_least is not None:
        rule = t("report.band-at-least", lang, value=number_text(band.at_least, lang))
    else:
        rule = _below_text(report.bands, lang)
    return t(
        "report.score",
        lang,
        points=number_text(band.points, lang),
        max=number_text(report.bands.max_points, lang),
        criteria=report.bands.name or "—",
        rule=rule,
    )


def _below_text(bands, lang: str) -> str:
    """The catch-all band in words: below the lowest threshold ("dưới 70%")."""
    lowest = next((b for b in reversed(bands.bands) if b.above is not None or b.at_least is not None), None)
    if lowest is None:
        return t("report.band-rest", lang)
    if lowest.at_least is not None:
        return t("report.band-below", lang, value=number_text(lowest.at_least, lang))
    return t("report.band-at-most", lang, value=number_text(lowest.above, lang))


def _group_row(label: str, title: str | None, figures: Figures, lang: str) -> dict:
    return {
        "label": label,
        "title": title or "",
        "counts": [figures.counts[c] for c in CLASSES],
        "total": figures.items,
        "done_in_period": figures.done_in_period,
        "rate": percent_text(figures.rate, lang),
        "rate_value": figures.rate,
    }


def report_view(report: Report, lang: str = "vi", overdue_rows: bool = True) -> dict:
    """Everything the table, Markdown and HTML show, as text in *lang* (the overdue items as rows only when
    *overdue_rows*: the plain table takes them as ``overdue_columns``)."""
    no_lead = t("budget.no-lead", lang)
    totals = report.totals
    sections = [_group_row(g.key or "", g.title, g.figures, lang) for g in report.by_section]
    # "named": the label is the plan's own name of an agency (Vietnamese in a report of any language), not cchc's words.
    agencies = [{**_group_row(g.key or no_lead, None, g.figures, lang), "named": g.key is not None} for g in report.by_lead]
    overdue = _overdue_rows(report, lang) if overdue_rows else []
    for row in overdue:
        row["named"] = row["lead"] != no_lead  # its lead cell is the plan's names, not cchc's words for none
    thresholds = [b.above if b.above is not None else b.at_least for b in report.bands.bands]
    thresholds = [Fraction(x) / 100 for x in thresholds if x is not None]
    return {
        "lang": lang,
        "title": t("report.title", lang),
        "plan_title": report.plan_title,
        "plan_number": report.plan_number or "",
        "plan_issuer": report.plan_issuer or "",
        "period": period_text(report, lang),
        "window": t("report.window", lang, first=report.window[0], last=report.window[1]),
        "as_of": t("report.as-of", lang, day=report.as_of),
        "report_due": t("report.report-due", lang, day=report.period.report_due) if report.period else "",
        "rate_label": t("report.rate", lang),
        "rate": percent_text(totals.rate, lang),
        "rate_basis": t("report.rate-basis", lang, done=totals.rate_done, total=totals.rate_total) if totals.rate_total else t("report.no-rate", lang),
        "score": band_text(report, lang),
        "classes": [{"key": c, "label": t(f"report.class.{c}", lang), "count": totals.counts[c]} for c in CLASSES],
        "item_count": totals.items,
        "done_in_period": t("report.done-in-period", lang, count=totals.done_in_period, entries=totals.entries_in_period),
        "class_heads": [t(f"report.short.{c}", lang) for c in CLASSES],
        "sections": sections,
        "agencies": agencies,
        "overdue": overdue,
        "charts": [
            chart(t("report.chart-sections", lang), [(f"{r['label']}. {r['title']}".strip(". "), r["rate_value"], r["rate"]) for r in sections], thresholds),
            chart(t("report.chart-agencies", lang), [(r["label"], r["rate_value"], r["rate"]) for r in agencies], thresholds),
        ],
        "h": {key: t(f"report.{key}", lang) for key in ("summary", "class", "count", "by-section", "by-lead", "overdue", "none-overdue", "section", "content", "agency", "items", "rate-short", "done-in-period-short", "id", "product", "lead", "due", "status", "note", "no-rate-note", "charts")},
    }


#: The overdue table's columns, in order.
OVERDUE_KEYS = ("id", "product", "lead", "due", "status", "note")


def _overdue_rows(report: Report, lang: str) -> list[dict]:
    """The overdue items as the Markdown, HTML and Word reports show them: a dict of ``OVERDUE_KEYS`` each."""
    return list(map(dict, map(zip, repeat(OVERDUE_KEYS), zip(*overdue_columns(report, lang)))))


def overdue_columns(report: Report, lang: str, between_dates: str = ", ") -> list[list[str]]:
    """The overdue items' cells, a column for each of ``OVERDUE_KEYS``, made a column at a time; each distinct
    lead cell, dates and status made once; an item's due dates before the report's day (those it missed) joined by
    *between_dates* (a table: one a line)."""
    placed = report.overdue
    items = list(map(_item_of, placed))
    cells = list(map(tuple, map(_lead, items)))
    no_lead = t("budget.no-lead", lang)  # as the table by lead names an item with no lead
    names = {cell: "; ".join(_full_names(cell or report.default_leads, report.registry)) or no_lead for cell in dict.fromkeys(cells)}
    from cchc.query import due_within

    # The dates missed: an item due each quarter, overdue since March, is not overdue for December.
    before = report.as_of - datetime.timedelta(days=1)
    dues = [due_within(due, None, before) for due in map(_due_of, placed)]
    dates = {due: between_dates.join(date_text(d, lang) for d in due) for due in dict.fromkeys(dues)}
    statuses = list(map(_status, placed))
    status_text = {s: t("status." + s, lang) if s else t("report.no-entry", lang) for s in dict.fromkeys(statuses)}
    return [
        list(map(_id, items)),
        list(map(_product, items)),
        list(map(names.__getitem__, cells)),
        [dates[due] or item.deadline for due, item in zip(dues, items)],
        list(map(status_text.__getitem__, statuses)),
        [note or "" for note in map(_note, placed)],
    ]


_item_of, _due_of = attrgetter("row.item"), attrgetter("row.deadline.due")
_id, _product, _lead, _status, _note = map(attrgetter, ("id", "product", "lead", "status", "note"))


def chart(title: str, rows: list[tuple[str, Fraction | None, str]], thresholds: list[Fraction]) -> dict:
    """A horizontal bar chart's geometry in SVG user units: a label line above each bar, the rate after it."""
    width, bar_width, row_height = 640, 520, 30
    bars = []
    for index, (label, rate, text) in enumerate(rows):
        top = index * row_height
        if len(label) > CHART_LABEL_CHARS:
            label = label[: CHART_LABEL_CHARS - 1] + "…"
        length = round(float(rate) * bar_width, 1) if rate is not None else 0
        bars.append({"label": label, "text": text, "label_y": top + 11, "bar_y": top + 15, "width": length, "text_x": bar_width + 8, "text_y": top + 24})
    height = max(len(rows), 1) * row_height + 4
    lines = [{"x": round(float(x) * bar_width, 1)} for x in thresholds]
    return {"title": title, "width": width, "bar_width": bar_width, "height": height, "bars": bars, "thresholds": lines}


# ---------------------------------------------------------------- table, Markdown, HTML


def report_table(report: Report, lang: str = "vi", terminal: bool = False) -> str:
    """The report for a terminal or a plain text file."""
    return "".join(report_table_pieces(report, lang, terminal))


def report_table_pieces(report: Report, lang: str = "vi", terminal: bool = False, utf8: bool = False) -> Iterator[str | bytes]:
    """``report_table`` in pieces: a long list of overdue items is laid out a chunk at a time (*utf8*: as
    ``cchc.outputs.tables.plain_chunks``)."""
    from cchc.outputs.tables import Column, plain_chunks, table

    v = report_view(report, lang, overdue_rows=False)
    lines = [v["title"], *([v["plan_issuer"]] if v["plan_issuer"] else []), v["plan_title"] + (f" ({v['plan_number']})" if v["plan_number"] else ""),
             f"{v['period']} ({v['window']}); {v['as_of']}"]
    if v["report_due"]:
        lines.append(v["report_due"])
    lines.append(f"{v['rate_label']}: {v['rate']} ({v['rate_basis']})")
    if v["score"]:
        lines.append(v["score"])
    lines.append(v["done_in_period"])
    lines.append("")
    h = v["h"]
    chunks = [escape_controls("\n".join(lines))]  # the plan's title, the bands' name: data, never terminal codes
    chunks.append(table([Column(h["class"], 40), Column(h["count"], right=True)], [[c["label"], c["count"]] for c in v["classes"]] + [[h["items"], v["item_count"]]], terminal, h["summary"]))
    counts = [Column(head, right=True) for head in v["class_heads"]]
    chunks.append(table(
        [Column(h["section"]), Column(h["content"], 32), *counts, Column(h["rate-short"], right=True)],
        [[r["label"], r["title"], *r["counts"], r["rate"]] for r in v["sections"]],
        terminal,
        h["by-section"],
    ))
    chunks.append(table(
        [Column(h["agency"], 32), *counts, Column(h["rate-short"], right=True)],
        [[r["label"], *r["counts"], r["rate"]] for r in v["agencies"]],
        terminal,
        h["by-lead"],
    ))
    yield "\n".join(chunks) + "\n"
    if not report.overdue:
        yield h["none-overdue"] + "\n"
        return
    cells = overdue_columns(report, lang, "\n")  # a date is never cut in its 10 columns
    no_lead = t("budget.no-lead", lang)
    # A status ("chưa ghi tiến độ") is never cut, nor the words for no lead: as wide as the longest there is.
    status_width = max([14, *map(display_width, set(cells[4]))])
    lead_width = max(24, display_width(no_lead) if no_lead in cells[2] else 0)
    columns = [Column(h["id"]), Column(h["product"], 40), Column(h["lead"], lead_width), Column(h["due"], 10),
               Column(h["status"], status_width, whole=True), Column(h["note"], 30)]
    if terminal:
        yield table(columns, list(zip(*cells)), terminal, h["overdue"])
        return
    yield f"{escape_controls(h['overdue'])}\n\n"
    yield from plain_chunks(columns, cells, utf8)


def report_md(report: Report, lang: str = "vi") -> str:
    """The report as GitHub Markdown."""
    return "".join(report_pieces(report, "md", lang))


def report_html(report: Report, lang: str = "vi") -> str:
    """The report as a self-contained, printable HTML page with inline SVG charts."""
    return "".join(report_pieces(report, "html", lang))


def report_pdf(report: Report, lang: str = "vi") -> bytes:
    """``report_html`` printed as PDF by WeasyPrint, in cchc's own Liberation Serif where the machine has no Times New
    Roman (every Vietnamese letter), laid out in a child stopped after the time a plan of its size allows."""
    from cchc.outputs import sandbox
    from cchc.outputs.pdf import html_pdf

    seconds, _ = sandbox.layout_limits(len(report.placed))
    return html_pdf(report_html(report, lang), css=_PDF_FONTS, limit=seconds)


#: The report's fonts as printed: Times New Roman where the machine has it, else the bundled Liberation Serif.
_PDF_FONTS = 'body { font-family: "Times New Roman", "Liberation Serif", serif; }'


def report_pieces(report: Report, fmt: str, lang: str = "vi") -> Iterator[str]:
    """``report_md`` ("md") or ``report_html`` ("html") in pieces, as the template renders them."""
    return _render_pieces(f"report.{fmt}.j2", report_view(report, lang))


def _render_pieces(name: str, view: dict) -> Iterator[str]:
    import jinja2

    from cchc.outputs.html import markdown_text

    directory = Path(str(resources.files("cchc") / "templates"))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(directory),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    return env.get_template(name).generate(v=view)


FORMATS: dict[str, Callable[..., str]] = {
    "table": report_table,
    "json": report_json,
    "md": report_md,
    "html": report_html,
}
