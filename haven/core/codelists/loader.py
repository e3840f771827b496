"""Reading and checking the code list files.

Each file in `data/` is one list, named by its file name:

    {
      "title": "Primary need code (PrimaryNeedCode, CBDS N00101)",
      "returns": ["CIN census"],
      "source": "where the codes and wording come from",
      "history_only": ["N0"],              optional: kept for history, not offered
      "history_only_reason": "why",        required with history_only
      "codes": [
        {"code": "N1", "wording": "Abuse or neglect",
         "first_year": 2023, "last_year": 2025},
        {"code": "N1", "wording": "Abuse, neglect and exploitation",
         "first_year": 2026, "last_year": null},
        {"code": "18A", "wording": "...", "first_year": 2023, "last_year": null,
         "deprecated_from": 2025, "deprecated_by": "rule 8945Q"}
      ]
    }

Years are collection years, named by the year the period ends (2026 is 1 April
2025 to 31 March 2026). `first_year` is the first year the code is valid, or the
earliest year Haven checked the list against (the list's `source` says which);
`last_year` null means still valid; a year before the list's earliest is read as
that earliest year (CodeList.known). A code whose wording changes has one entry a
wording, with years that do not overlap. A deprecated code stays valid (the DfE
queries it but accepts it) from `deprecated_from`.
"""

import dataclasses
import datetime as dt
import functools
import json
import pathlib
from typing import Any

DATA = pathlib.Path(__file__).parent / "data"
# Before the DfE's first child-level collections; a year outside this is a typo.
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


class CodeListError(Exception):
    """A code list file is malformed: the message names the file and each fault."""


def collection_year(day: dt.date) -> int:
    """The collection year a date falls in: the year its 1 April to 31 March
    period ends (CIN census rule 100: ReferenceDate is 31 March of that year)."""
    return day.year + 1 if day.month >= 4 else day.year


@dataclasses.dataclass(frozen=True)
class Code:
    """One code's wording over a range of collection years."""

    code: str
    wording: str
    first_year: int
    last_year: int | None = None
    deprecated_from: int | None = None
    deprecated_by: str = ""

    def valid_in(self, year: int) -> bool:
        return self.first_year <= year and (
            self.last_year is None or year <= self.last_year
        )

    def deprecated_in(self, year: int) -> bool:
        return self.deprecated_from is not None and year >= self.deprecated_from


@dataclasses.dataclass(frozen=True)
class CodeList:
    """One DfE code list across the years Haven knows."""

    name: str
    title: str
    returns: tuple[str, ...]
    source: str
    entries: tuple[Code, ...]
    history_only: frozenset[str] = frozenset()
    history_only_reason: str = ""

    @functools.cached_property
    def earliest(self) -> int:
        """The earliest year Haven checked the list against."""
        return min((entry.first_year for entry in self.entries), default=0)

    def known(self, year: int) -> int:
        """The year whose list stands for `year`: a year before any Haven checked
        reads as the earliest it did (a referral in 2021 still has a primary
        need; the list's source says from when it was checked)."""
        return max(year, self.earliest)

    def valid_in(self, year: int) -> list[Code]:
        return [entry for entry in self.entries if entry.valid_in(self.known(year))]

    def entry(self, code: str, year: int | None) -> Code | None:
        """The code's entry in a year; with no year, its latest."""
        found = [entry for entry in self.entries if entry.code == code]
        if year is not None:
            found = [entry for entry in found if entry.valid_in(self.known(year))]
        return max(found, key=_latest, default=None)

    def latest(self) -> list[Code]:
        """Each code once, with its latest wording, in the list's order."""
        seen: dict[str, Code] = {}
        for entry in self.entries:
            if entry.code not in seen or _latest(entry) > _latest(seen[entry.code]):
                seen[entry.code] = entry
        order = list(dict.fromkeys(entry.code for entry in self.entries))
        return [seen[code] for code in order]


def _latest(entry: Code) -> int:
    return LATEST_YEAR + 1 if entry.last_year is None else entry.last_year


@functools.cache
def load_all() -> dict[str, CodeList]:
    """Every list in `data/`, checked: CodeListError names every fault found."""
    lists: dict[str, CodeList] = {}
    faults: list[str] = []
    for path in sorted(DATA.glob("*.json")):
        found: list[str] = []
        held = read(path, found)
        faults += [f"{path.name}: {fault}" for fault in found]
        if held is not None and not found:
            lists[held.name] = held
    if faults:
        raise CodeListError("Malformed DfE code list:\n  " + "\n  ".join(faults))
    return lists


def read(path: pathlib.Path, faults: list[str]) -> CodeList | None:
    """One file as a CodeList, adding each fault found to `faults`."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        faults.append(f"cannot be read as JSON ({err})")
        return None
    if not isinstance(raw, dict):
        faults.append("is not a JSON object")
        return None
    for key in ("title", "source"):
        if not str(raw.get(key) or "").strip():
            faults.append(f"has no {key!r}")
    rows = raw.get("codes")
    if not isinstance(rows, list) or not rows:
        faults.append("has no 'codes'")
        return None
    entries = [e for n, row in enumerate(rows, 1) if (e := _entry(row, n, faults))]
    _check_overlaps(entries, faults)
    history_only = frozenset(raw.get("history_only") or [])
    _check_history_only(raw, history_only, entries, faults)
    return CodeList(
        name=path.stem,
        title=str(raw.get("title") or ""),
        returns=tuple(raw.get("returns") or ()),
        source=str(raw.get("source") or ""),
        entries=tuple(entries),
        history_only=history_only,
        history_only_reason=str(raw.get("history_only_reason") or ""),
    )


def _entry(row: Any, number: int, faults: list[str]) -> Code | None:
    if not isinstance(row, dict):
        faults.append(f"entry {number} is not an object")
        return None
    code = str(row.get("code") or "").strip()
    where = f"code {code}" if code else f"entry {number}"
    found = [] if code else [f"{where} has no code"]
    if not str(row.get("wording") or "").strip():
        found.append(f"{where} has no wording")
    first: Any = row.get("first_year")
    last: Any = row.get("last_year")
    deprecated: Any = row.get("deprecated_from")
    if not _year(first):
        found.append(f"{where} has a bad first_year {first!r}")
    elif last is not None and not (_year(last) and last >= first):
        found.append(f"{where} has a bad year range {first!r} to {last!r}")
    elif deprecated is not None and not (_year(deprecated) and deprecated >= first):
        found.append(f"{where} has a bad deprecated_from {deprecated!r}")
    elif deprecated is not None and not str(row.get("deprecated_by") or "").strip():
        found.append(f"{where} is deprecated without saying by what rule")
    faults.extend(found)
    if found:
        return None
    return Code(
        code=code,
        wording=str(row["wording"]).strip(),
        first_year=first,
        last_year=last,
        deprecated_from=deprecated,
        deprecated_by=str(row.get("deprecated_by") or ""),
    )


def _year(value: Any) -> bool:
    return (
        isinstance(value, int)
        and not isinstance(value, bool)
        and EARLIEST_YEAR <= value <= LATEST_YEAR
    )


def _check_overlaps(entries: list[Code], faults: list[str]) -> None:
    """A code appears once in any one year."""
    by_code: dict[str, list[Code]] = {}
    for entry in entries:
        by_code.setdefault(entry.code, []).append(entry)
    for code, held in by_code.items():
        held.sort(key=lambda entry: entry.first_year)
        for before, after in zip(held, held[1:], strict=False):
            if before.last_year is None or before.last_year >= after.first_year:
                faults.append(f"code {code} appears twice in {after.first_year}")


def _check_history_only(
    raw: dict[str, Any],
    history_only: frozenset[str],
    entries: list[Code],
    faults: list[str],
) -> None:
    unknown = history_only - {entry.code for entry in entries}
    if unknown:
        faults.append(f"history_only names codes not in the list: {sorted(unknown)}")
    if history_only and not str(raw.get("history_only_reason") or "").strip():
        faults.append("history_only has no history_only_reason")
