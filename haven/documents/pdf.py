"""HTML to PDF through WeasyPrint, reaching for nothing outside the page.

The page's stylesheet is pdf.css, beside this module, and its fonts are the
system's (Debian's fonts-dejavu and fonts-liberation); any other URL a page
names (an image, a stylesheet, a file://) is refused, so a letter's wording
cannot make the server read a file or call out."""

from pathlib import Path
from typing import Any

STYLE = Path(__file__).with_name("pdf.css")


class Refused(ValueError):
    pass


def _fetch_nothing(url: str, *args: Any, **kwargs: Any) -> Any:
    raise Refused(f"Documents fetch nothing: {url[:40]}")


def pdf_from_html(html: str) -> bytes:
    """The page as a PDF document's bytes."""
    # Imported here: WeasyPrint loads Pango when first imported, which every
    # process need not pay for.
    from weasyprint import CSS, HTML

    style = CSS(string=STYLE.read_text(), url_fetcher=_fetch_nothing)
    page = HTML(string=html, url_fetcher=_fetch_nothing)
    pdf: bytes = page.write_pdf(stylesheets=[style])
    return pdf
