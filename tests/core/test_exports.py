"""Every CSV Haven writes neutralises cells a spreadsheet would run as formulas."""

import csv
import io
from pathlib import Path

import pytest

from haven.core.exports import SafeWriter, neutralise


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_it_prefixes_a_cell_that_a_spreadsheet_would_read_as_a_formula(start):
    assert neutralise(f"{start}1+1") == f"'{start}1+1"


@pytest.mark.parametrize("value", ["Smith", "", "a=b", 42, -3, None])
def test_it_leaves_ordinary_cells_and_numbers_alone(value):
    assert neutralise(value) == value


def test_the_writer_neutralises_every_cell_of_a_row():
    out = io.StringIO()
    SafeWriter(out).writerow(["=cmd|' /C calc'!A0", "@SUM(A1)", "plain"])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == [
        "'=cmd|' /C calc'!A0",
        "'@SUM(A1)",
        "plain",
    ]


def test_no_code_writes_csv_except_through_the_shared_writer():
    haven = Path(__file__).resolve().parents[2] / "haven"
    writers = [
        path.relative_to(haven)
        for path in haven.rglob("*.py")
        if "csv.writer(" in path.read_text() or "csv.DictWriter(" in path.read_text()
    ]
    assert [str(p) for p in writers] == ["core/exports.py"]
