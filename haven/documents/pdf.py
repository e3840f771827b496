"""HTML to PDF through WeasyPrint, reaching for nothing outside the page.

The page's stylesheet is inline and its fonts are the system's (Debian's
fonts-dejavu and fonts-liberation); any other URL a page names (an image, a
stylesheet, a file://) is refused, so a letter's wording cannot make the
server read a file or call out."""

from typing import Any


class Refused(ValueError):
    pass


def _fetch_nothing(url: str, *args: Any, **kwargs: Any) -> Any:
    raise Refused(f"Documents fetch nothing: {url[:40]}")


def pdf_from_html(html: str) -> bytes:
    """The page as a PDF document's bytes."""
    # Imported here: WeasyPrint loads Pango when first imported, which every
    # process need not pay for.
    from weasyprint import HTML

    pdf: bytes = HTML(string=html, url_fetcher=_fetch_nothing).write_pdf()
    return pdf
