"""Printing a plan as PDF, with no browser: WeasyPrint lays out the HTML document (CSS paged media).

The PDF is the HTML of ``cchc.outputs.html`` laid out as it prints, so the two
cannot drift apart. One thing is added: cchc's own copy of Liberation Serif 2.1
(``cchc/fonts``, SIL Open Font License 1.1), Times New Roman's metrics with
every Vietnamese letter, declared with @font-face as "Liberation Serif", the
second name of the template's font stack. Times New Roman, where the system has
it, still comes first; else the PDF embeds the bundled font, even where the
system has no font at all or only Liberation Serif 1.x, which lacks ơ, ư, ạ, ệ
(fontconfig prefers the higher version).

WeasyPrint and its system libraries (Pango, HarfBuzz, fontconfig) are imported
only here, only when a PDF is asked for.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from cchc.outputs.html import TemplateFailure, render_plan

__all__ = ["PdfUnavailable", "render_pdf", "font_files"]

# Debian's names for the libraries WeasyPrint loads (its documentation, "First steps").
SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"

_FACES = (
    ("LiberationSerif-Regular.ttf", "normal", "normal"),
    ("LiberationSerif-Bold.ttf", "bold", "normal"),
    ("LiberationSerif-Italic.ttf", "normal", "italic"),
    ("LiberationSerif-BoldItalic.ttf", "bold", "italic"),
)


class PdfUnavailable(Exception):
    """No PDF engine: WeasyPrint, or the system libraries it needs, is not installed. ``reason`` says which."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def font_files() -> list[Path]:
    """The bundled font's four files: regular, bold, italic, bold italic."""
    folder = Path(str(resources.files("cchc") / "fonts"))
    return [folder / name for name, _, _ in _FACES]


def render_pdf(plan, *, section: str | None = None, agency=None, template_dir: Path | None = None, view=None) -> bytes:
    """The plan (or the extract the filters select) as a PDF document, A4, with its fonts embedded.

    With a province's templates (*template_dir*) the whole of it, rendering and
    layout, runs bounded in a child process (``cchc.outputs.sandbox``).
    Raises TemplateFailure for a broken template and PdfUnavailable when WeasyPrint cannot run.
    """
    if template_dir is None:
        return _pdf(plan, section, agency, None, view)
    from cchc.outputs import sandbox

    seconds, budget = sandbox.layout_limits(sum(1 for _ in plan.items()))

    def work():
        try:
            return _pdf(plan, section, agency, template_dir, view)
        except TemplateFailure as exc:
            raise sandbox.Refused(exc.reason, exc.template, exc.line) from None
        except (MemoryError, PdfUnavailable, sandbox.Refused):
            raise
        except Exception as exc:  # noqa: BLE001 - WeasyPrint failing on what the template wrote
            raise sandbox.Refused(f"{type(exc).__name__}: {exc}") from None

    try:
        return sandbox.run_bounded(work, seconds, budget)
    except sandbox.Refused as exc:
        raise TemplateFailure(exc.template or str(Path(template_dir) / "plan.html.j2"), exc.line, f"{exc.reason} (PDF)") from None


def _pdf(plan, section, agency, template_dir, view) -> bytes:
    document = render_plan(plan, "html", section=section, agency=agency, template_dir=template_dir, view=view)
    weasyprint = _engine()
    from weasyprint.text.fonts import FontConfiguration

    fonts = font_files()
    font_config = FontConfiguration()
    faces = "\n".join(
        f'@font-face {{ font-family: "Liberation Serif"; src: url("{path.as_uri()}") format("truetype"); '
        f"font-weight: {weight}; font-style: {style}; }}"
        for path, (_, weight, style) in zip(fonts, _FACES)
    )
    fetcher = _local_fetcher(weasyprint, {path.as_uri() for path in fonts})
    stylesheet = weasyprint.CSS(string=faces, font_config=font_config, url_fetcher=fetcher)
    html = weasyprint.HTML(string=document, url_fetcher=fetcher)
    return html.write_pdf(stylesheets=[stylesheet], font_config=font_config)


def _engine():
    """The weasyprint module, or PdfUnavailable saying what is missing."""
    try:
        import weasyprint
    except ImportError as exc:
        raise PdfUnavailable(f"WeasyPrint is not installed ({exc}); install it with: pip install weasyprint") from None
    except OSError as exc:  # WeasyPrint loads Pango and its companions with ctypes/cffi when imported
        raise PdfUnavailable(
            f"WeasyPrint cannot load its system libraries ({exc}); on Debian or Ubuntu: apt-get install {SYSTEM_PACKAGES}"
        ) from None
    return weasyprint


def _local_fetcher(weasyprint, allowed: set[str]):
    """A URL fetcher that reads cchc's font files and refuses any other URL.

    cchc's HTML is self-contained; a template from --template-dir that names a
    URL must not make the PDF read the network or the disk.
    """
    from weasyprint import urls

    def check(url: str) -> None:
        if url.split("?")[0] not in allowed:
            raise ValueError(f"cchc prints no external resource: {url}")

    base = getattr(urls, "URLFetcher", None)
    if base is not None:  # newer WeasyPrint: a URLFetcher object

        class Fetcher(base):
            def fetch(self, url, headers=None):
                check(url)
                return super().fetch(url, headers)

        return Fetcher()

    def fetch(url: str):  # older WeasyPrint: a function
        check(url)
        return weasyprint.default_url_fetcher(url)

    return fetch
