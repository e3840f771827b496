"""The SSDA903 files and their columns, in the DfE's order (returns.md 2.2):
the public validator tells the tables apart by their exact set of columns, so
every file is written with its header row, even when it has no rows (never a
0-byte file). Dates are day/month/year with four-digit years; text is UTF-8
and formula-safe (haven.core.exports)."""

import datetime as dt
import io
from collections.abc import Iterable, Mapping
from typing import Any

from haven.core.exports import SafeWriter

HEADER = "header.csv"
EPISODES = "episodes.csv"
REVIEWS = "reviews.csv"
UASC = "uasc.csv"
OC2 = "oc2.csv"
OC3 = "oc3.csv"
AD1 = "ad1.csv"
PLACED_ADOPTION = "placed_adoption.csv"
PREV_PERM = "prev_perm.csv"
MISSING = "missing.csv"
SOCIAL_WORKERS = "sw_episodes.csv"
DOLO = "dolo.csv"

COLUMNS: dict[str, tuple[str, ...]] = {
    HEADER: ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
    EPISODES: (
        "CHILD",
        "DECOM",
        "RNE",
        "LS",
        "CIN",
        "PLACE",
        "PLACE_PROVIDER",
        "DEC",
        "REC",
        "REASON_PLACE_CHANGE",
        "HOME_POST",
        "PL_POST",
        "URN",
    ),
    REVIEWS: ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
    UASC: ("CHILD", "SEX", "DOB", "DUC"),
    OC2: (
        "CHILD",
        "DOB",
        "SDQ_SCORE",
        "SDQ_REASON",
        "CONVICTED",
        "HEALTH_CHECK",
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
        "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED",
    ),
    OC3: ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
    AD1: (
        "CHILD",
        "DOB",
        "DATE_INT",
        "DATE_MATCH",
        "FOSTER_CARE",
        "NB_ADOPTR",
        "SEX_ADOPTR",
        "LS_ADOPTR",
    ),
    PLACED_ADOPTION: (
        "CHILD",
        "DOB",
        "DATE_PLACED",
        "DATE_PLACED_CEASED",
        "REASON_PLACED_CEASED",
    ),
    PREV_PERM: ("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"),
    MISSING: ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
    SOCIAL_WORKERS: ("CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"),
    DOLO: ("CHILD", "DOB", "DOLO_START", "DOLO_END"),
}

# The social worker table began with 2023-24, the DoLo table with 2026-27.
FIRST_YEAR = {SOCIAL_WORKERS: 2024, DOLO: 2027}

Row = Mapping[str, Any]


def files_for(year: int) -> list[str]:
    """The files of a collection year's return, in the DfE's order."""
    return [name for name in COLUMNS if FIRST_YEAR.get(name, 0) <= year]


def cell(value: Any) -> str:
    """A value as the return writes it: a date day/month/year, None blank."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, bool):
        return str(int(value))
    return str(value)


def csv_bytes(name: str, rows: Iterable[Row]) -> bytes:
    """A table as its file: the header row, then each row's columns in order."""
    out = io.StringIO(newline="")
    writer = SafeWriter(out)
    columns = COLUMNS[name]
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(column)) for column in columns])
    return out.getvalue().encode("utf-8")
