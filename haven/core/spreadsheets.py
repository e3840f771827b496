"""The one way Haven writes a spreadsheet workbook (.xlsx) for people to open.

A text cell beginning with "=" is written by openpyxl as a formula, which a
spreadsheet program would run when a worker opens the file (a name typed as
=HYPERLINK(...), say: CSV injection's twin). Every text cell here is written as
text, whatever it begins with, so it shows exactly as typed and never runs; the
CSV exports neutralise the same cells with a quote (haven.core.exports).
"""

import datetime as dt
import io
from collections.abc import Iterable
from typing import Any

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(sheet: Any, value: Any, *, bold: bool = False) -> WriteOnlyCell:
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        value = value.replace(tzinfo=None)  # local time, as the page shows it
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # text, never a formula
    if bold:
        cell.font = Font(bold=True)
    return cell


def workbook(title: str, header: list[str], rows: Iterable[Iterable[Any]]) -> bytes:
    """A one-sheet workbook: a bold header row, then the rows."""
    return workbook_of([(title, header, rows)])


def workbook_of(
    sheets: Iterable[tuple[str, list[str], Iterable[Iterable[Any]]]],
) -> bytes:
    """A workbook of several sheets, each a title, a bold header row and rows."""
    book = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title=title[:31])  # Excel's limit on a name
        sheet.append([_cell(sheet, name, bold=True) for name in header])
        for row in rows:
            sheet.append([_cell(sheet, value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_response(
    filename: str, title: str, header: list[str], rows: Iterable[Iterable[Any]]
) -> HttpResponse:
    """A download of the workbook."""
    response = HttpResponse(workbook(title, header, rows), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
