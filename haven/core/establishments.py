"""Loading the national establishments list (Get Information about Schools)
from its published CSV extract: each row by its URN, updated in place when
the URN is already known, so loading the same file twice loads nothing twice.

A row that cannot be loaded is reported with its line and why, and the rest
still load: one bad row in 25,000 must not stop a council's refresh."""

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from haven.core.models import Establishment

# The published column names, and the field each fills.
COLUMNS = {
    "URN": "urn",
    "UKPRN": "ukprn",
    "EstablishmentName": "name",
    "TypeOfEstablishment (name)": "type",
    "PhaseOfEducation (name)": "phase",
    "LA (code)": "la_code",
    "Postcode": "postcode",
    "EstablishmentStatus (name)": "status",
    "OpenDate": "opened_on",
    "CloseDate": "closed_on",
}
REQUIRED = ("URN", "EstablishmentName")
DATE_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d")


@dataclass
class Loaded:
    """What a load did: counts, and each row it could not load and why."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    refused: list[str] = field(default_factory=list)


def read_text(path: Path) -> str:
    """The file's text: the published extract is Windows-1252, a re-saved one
    often UTF-8 with a byte-order mark."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def load(text: str) -> Loaded:
    """Load every row of the CSV text; a missing required column refuses the
    whole file (it is not the published layout)."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [name for name in REQUIRED if name not in (reader.fieldnames or [])]
    loaded = Loaded()
    if missing:
        loaded.refused.append(
            "The file is not the establishments list's layout: it has no "
            + ", ".join(f'"{name}"' for name in missing)
            + " column"
        )
        return loaded
    known = {e.urn: e for e in Establishment.objects.all()}
    seen: set[int] = set()
    with transaction.atomic():
        for line, row in enumerate(reader, start=2):  # line 1: the header
            values, faults = parse(row)
            urn = values.get("urn")
            if urn in seen:
                faults.append(f"URN {urn} appears twice in the file")
            if faults:
                loaded.refused.append(f"Line {line}: " + "; ".join(faults))
                continue
            assert isinstance(urn, int)
            seen.add(urn)
            _save(known.get(urn), values, loaded)
    return loaded


def _save(
    existing: Establishment | None, values: dict[str, Any], loaded: Loaded
) -> None:
    if existing is None:
        Establishment.objects.create(**values)
        loaded.created += 1
        return
    changed = [k for k, v in values.items() if getattr(existing, k) != v]
    if not changed:
        loaded.unchanged += 1
        return
    for name in changed:
        setattr(existing, name, values[name])
    existing.save(update_fields=changed)
    loaded.updated += 1


def parse(row: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """One row's values by field, and every fault in it, in words."""
    text = {f: (row.get(column) or "").strip() for column, f in COLUMNS.items()}
    faults: list[str] = []
    values: dict[str, Any] = {
        f: text[f] for f in ("name", "type", "phase", "la_code", "postcode", "status")
    }
    values["postcode"] = values["postcode"].upper()
    values["urn"] = _number(text["urn"], "URN", faults, required=True)
    values["ukprn"] = _number(text["ukprn"], "UKPRN", faults)
    if not values["name"]:
        faults.append("it has no EstablishmentName")
    if len(values["la_code"]) > 3:
        faults.append(f'LA (code) "{values["la_code"]}" is not a three-digit code')
    values["opened_on"] = _date(text["opened_on"], "OpenDate", faults)
    values["closed_on"] = _date(text["closed_on"], "CloseDate", faults)
    if (
        values["opened_on"]
        and values["closed_on"]
        and values["closed_on"] < values["opened_on"]
    ):
        faults.append("its CloseDate is before its OpenDate")
    return values, faults


def _number(value: str, name: str, faults: list[str], required: bool = False) -> Any:
    if not value:
        if required:
            faults.append(f"it has no {name}")
        return None
    if not value.isdigit() or int(value) == 0:
        faults.append(f'{name} "{value}" is not a number')
        return None
    return int(value)


def _date(value: str, name: str, faults: list[str]) -> dt.date | None:
    if not value:
        return None
    for pattern in DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    faults.append(f'{name} "{value}" is not a date (day-month-year)')
    return None
