"""The performance pages' downloads: a table as CSV (formula-safe) or as a
spreadsheet, and the children behind a bar, each download of children written
to the access log of every child it names."""

import itertools
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse

from haven.core.exports import csv_stream
from haven.core.models import User
from haven.core.spreadsheets import xlsx_response
from haven.reporting import children, tables

FORMATS = ("csv", "xlsx")


def table(
    export: str, name: str, title: str, header: list[str], rows: Any
) -> HttpResponse | StreamingHttpResponse:
    if export == "csv":
        cells = ([tables.text(v) for v in row] for row in rows)
        return csv_stream(f"{name}.csv", itertools.chain([header], cells))
    return xlsx_response(f"{name}.xlsx", title, header, rows)


def children_behind(
    user: User, shown: Any, export: str, name: str, title: str
) -> HttpResponse | StreamingHttpResponse:
    """The children listed, as asked, logged first."""
    children.log_download(user, shown, "CSV" if export == "csv" else "spreadsheet")
    header, rows = tables.children_header(shown), tables.children_rows(shown)
    return table(export, name, title, header, rows)
