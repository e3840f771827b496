"""Spreadsheet workbooks: every text cell is text, never a formula that would
run when the file is opened."""

import datetime as dt
import io
import zipfile

import openpyxl

from haven.core.spreadsheets import xlsx_response


def test_a_cell_that_looks_like_a_formula_is_written_as_text():
    response = xlsx_response(
        "x.xlsx",
        "Children",
        ["Name", "Count", "Since"],
        [['=HYPERLINK("http://example.invalid","x")', 3, dt.date(2026, 1, 2)]],
    )
    assert response["Content-Disposition"] == 'attachment; filename="x.xlsx"'
    body = response.content
    sheet = zipfile.ZipFile(io.BytesIO(body)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet
    book = openpyxl.load_workbook(io.BytesIO(body))
    header, row = list(book.active.iter_rows())
    assert [c.value for c in header] == ["Name", "Count", "Since"]
    assert header[0].font.bold
    assert row[0].value == '=HYPERLINK("http://example.invalid","x")'
    assert row[0].data_type == "s"
    assert row[1].value == 3
    assert row[2].value == dt.datetime(2026, 1, 2)
