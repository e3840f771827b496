"""The one way Haven writes a spreadsheet file (CSV) for people to open.

A cell beginning with =, +, -, @, a tab or a carriage return is read by
spreadsheet programs as a formula, so a name typed as =HYPERLINK(...) would run
when a worker opens the export. Every such cell is prefixed with a single quote,
as OWASP's guidance on CSV injection advises; the quote shows the text as typed.
Every CSV Haven writes goes through `csv_response`, `csv_stream` or `SafeWriter`.
"""

import csv
from collections.abc import Iterable
from typing import Any, Protocol

from django.http import HttpResponse, StreamingHttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Writable(Protocol):
    def write(self, s: str, /) -> Any: ...


def neutralise(value: Any) -> Any:
    """The cell as a spreadsheet will show it, never as a formula it would run."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """csv.writer with every cell neutralised."""

    def __init__(self, out: _Writable) -> None:
        self._writer = csv.writer(out)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_response(filename: str) -> tuple[HttpResponse, SafeWriter]:
    """A download response and the safe writer that fills it."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response, SafeWriter(response)


class _Line:
    """A file that hands back what is written to it: one CSV line at a time."""

    def write(self, s: str, /) -> str:
        return s


def csv_stream(filename: str, rows: Iterable[Iterable[Any]]) -> StreamingHttpResponse:
    """A download sent as its rows are read, so a long export is never cut short
    nor held whole in memory."""
    writer = SafeWriter(_Line())
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
