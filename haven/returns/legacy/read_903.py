"""Reading a folder of SSDA903 CSVs (one collection year): each table is known
by its header row (returns.md 2.2), as the DfE's validator knows it. Header,
Episodes, Reviews and Missing are read; the other tables are named in the
report as not imported (see IGNORED)."""

import csv
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

from haven.returns.legacy.rows import (
    Child,
    Episode,
    Identity,
    Missing,
    Origin,
    Problem,
    Review,
)
from haven.returns.ssda903 import tables

# The DfE's columns, listed once for the exporter and the importer alike.
HEADER = tables.COLUMNS[tables.HEADER]
EPISODES = tables.COLUMNS[tables.EPISODES]
REVIEWS = tables.COLUMNS[tables.REVIEWS]
MISSING = tables.COLUMNS[tables.MISSING]
# Tables Haven does not load yet, and why (said in the report).
IGNORED = {
    frozenset(("CHILD", "SEX", "DOB", "DUC")): "UASC",
    frozenset(("CHILD", "DOB", "SDQ_SCORE")): "OC2",
    frozenset(("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM")): "OC3",
    frozenset(("CHILD", "DOB", "DATE_INT", "DATE_MATCH")): "AD1",
    frozenset(("CHILD", "DOB", "DATE_PLACED")): "PlacedAdoption",
    frozenset(("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM")): "PrevPerm",
    frozenset(("CHILD", "DOB", "SW_ID")): "SWEpisodes",
    frozenset(("CHILD", "DOB", "DOLO_START")): "DoLo",
}
SEX_BEFORE_2024 = {"1": "M", "2": "F"}


class BadValue(ValueError):
    """A value the row cannot be read with: its message is the reader's words."""


def day(value: str, column: str, *, required: bool = True) -> dt.date | None:
    value = value.strip()
    if not value:
        if required:
            raise BadValue(f"{column} is blank")
        return None
    for form in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value, form).date()
        except ValueError:
            continue
    raise BadValue(f"{column} '{value}' is not a date (dd/mm/yyyy)")


def must(value: dt.date | None) -> dt.date:
    assert value is not None
    return value


def read_folder(
    folder: Path, children: dict[str, Child], problems: list[Problem]
) -> None:
    """Add what the folder's CSVs say to `children`, each unreadable row to
    `problems`."""
    files = sorted(folder.glob("*.csv"))
    if not files:
        problems.append(Problem(None, "", f"{folder} holds no CSV files"))
    for path in files:
        name = f"{folder.name}/{path.name}"
        text = path.read_text(encoding="utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text)))
        columns = tuple(
            c.strip()
            for c in (csv.reader(io.StringIO(text)).__next__() if text else [])
        )
        reader = _reader_for(columns)
        if reader is None:
            _left_out(name, columns, len(rows), problems)
            continue
        for number, row in enumerate(rows, start=2):
            origin = Origin(name, number, 0)
            values = {k.strip(): (v or "").strip() for k, v in row.items() if k}
            child = values.get("CHILD", "")
            if not child:
                problems.append(Problem(origin, "", "CHILD is blank"))
                continue
            try:
                found = reader(values, origin)
            except BadValue as bad:
                problems.append(Problem(origin, child, str(bad)))
                continue
            _add(children.setdefault(child, Child(child)), found)


def _left_out(
    name: str, columns: tuple[str, ...], count: int, problems: list[Problem]
) -> None:
    """A table Haven does not load is named when it holds rows (an empty one,
    as Haven's own export writes, says nothing)."""
    table = next((t for k, t in IGNORED.items() if k <= set(columns)), "")
    if table and not count:
        return
    problems.append(
        Problem(
            Origin(name, 1, 0),
            "",
            f"the {table} table is not imported ({count} rows left out)"
            if table
            else "the columns are not those of an SSDA903 table",
        )
    )


def _reader_for(columns: tuple[str, ...]) -> Callable[..., object] | None:
    readers: dict[frozenset[str], Callable[..., object]] = {
        frozenset(HEADER): _identity,
        frozenset(EPISODES): _episode,
        frozenset(REVIEWS): _review,
        frozenset(MISSING): _missing,
    }
    return readers.get(frozenset(columns))


def _add(child: Child, found: object) -> None:
    if isinstance(found, Identity):
        child.identities.append(found)
    elif isinstance(found, Episode):
        child.episodes.append(found)
    elif isinstance(found, Review):
        child.reviews.append(found)
    elif isinstance(found, Missing):
        child.missing.append(found)


def _identity(v: dict[str, str], origin: Origin) -> Identity:
    upn = v["UPN"].upper()
    unknown = upn if upn.startswith("UN") and len(upn) == 3 else ""
    return Identity(
        child=v["CHILD"],
        origin=origin,
        born=day(v["DOB"], "DOB"),
        sex=SEX_BEFORE_2024.get(v["SEX"], v["SEX"].upper()),
        ethnicity=v["ETHNIC"].upper(),
        upn="" if unknown else upn,
        upn_unknown=unknown,
    )


def _episode(v: dict[str, str], origin: Origin) -> Episode:
    return Episode(
        origin=origin,
        decom=must(day(v["DECOM"], "DECOM")),
        dec=day(v["DEC"], "DEC", required=False),
        rne=v["RNE"].upper(),
        ls=v["LS"].upper(),
        cin=v["CIN"].upper(),
        place=v["PLACE"].upper(),
        place_provider=v["PLACE_PROVIDER"].upper(),
        rec=v["REC"].upper(),
        reason_place_change=v["REASON_PLACE_CHANGE"].upper(),
        home_post=v["HOME_POST"].upper(),
        pl_post=v["PL_POST"].upper(),
        urn=v["URN"].upper(),
    )


def _review(v: dict[str, str], origin: Origin) -> Review:
    return Review(origin, must(day(v["REVIEW"], "REVIEW")), v["REVIEW_CODE"].upper())


def _missing(v: dict[str, str], origin: Origin) -> Missing:
    return Missing(
        origin,
        v["MISSING"].upper(),
        must(day(v["MIS_START"], "MIS_START")),
        day(v["MIS_END"], "MIS_END", required=False),
    )
