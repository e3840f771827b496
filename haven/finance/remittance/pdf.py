"""A remittance advice as a PDF, drawn by WeasyPrint (already one of Haven's
dependencies, for documents) from the same template as the print view, with
pdf.css beside this module. Nothing outside the page is fetched: any URL is
refused, as haven/documents/pdf.py does (finance sits below documents, so it
cannot import it)."""

from pathlib import Path
from typing import Any

STYLE = Path(__file__).with_name("pdf.css")


def _fetch_nothing(url: str, *args: Any, **kwargs: Any) -> Any:
    raise ValueError(f"A remittance advice fetches nothing: {url[:40]}")


def pdf_from_html(html: str) -> bytes:
    # Imported here: WeasyPrint loads Pango on import, which few requests need.
    from weasyprint import CSS, HTML

    style = CSS(string=STYLE.read_text(), url_fetcher=_fetch_nothing)
    pdf: bytes = HTML(string=html, url_fetcher=_fetch_nothing).write_pdf(
        stylesheets=[style]
    )
    return pdf
