"""Reading comparison files: a CSV with the columns of national.csv, every
row checked, a bad one named by its file and line, so the council's analyst
can mend it (a figure shown beside a wrong comparison is worse than none)."""

import csv
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

COLUMNS = ("figure", "year", "area", "value", "title", "published", "url")
SHIPPED = Path(__file__).with_name("national.csv")
YEAR = re.compile(r"^(\d{4})-(\d{2})$")  # a financial year: 2023-24
KEY = re.compile(r"^[a-z][a-z0-9_]*$")


class BadComparisons(ImproperlyConfigured):
    """A comparison file Haven cannot read; the message names the row."""


@dataclass(frozen=True)
class Comparison:
    figure: str  # the figure's key: "re_referrals"
    year: str  # "2023-24", the year ending 31 March 2024
    area: str  # "England", "Statistical neighbours"
    value: Decimal  # per cent for a rate, else the count
    title: str  # the publication, and what the number is in it
    published: str  # the year it was published
    url: str

    @property
    def words(self) -> str:
        """ "England 2023-24: 22%"."""
        return f"{self.area} {self.year}: {_number(self.value)}%"


def _number(value: Decimal) -> str:
    """22 as "22", 21.50 as "21.5"."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _faults(row: dict[str, str]) -> list[str]:
    faults = [f"{name} is blank" for name in COLUMNS if not row.get(name, "").strip()]
    if faults:
        return faults
    if not KEY.match(row["figure"]):
        faults.append(f"figure {row['figure']!r} is not a figure's key")
    year = YEAR.match(row["year"])
    if not year or (int(year[1]) + 1) % 100 != int(year[2]):
        faults.append(f"year {row['year']!r} is not a year like 2023-24")
    try:
        value = Decimal(row["value"])
    except InvalidOperation:
        faults.append(f"value {row['value']!r} is not a number")
    else:
        if not value.is_finite() or not 0 <= value <= 100:
            faults.append(f"value {row['value']!r} is not a per cent from 0 to 100")
    if not re.match(r"^\d{4}$", row["published"]):
        faults.append(f"published {row['published']!r} is not a year")
    if not row["url"].startswith("https://"):
        faults.append(f"url {row['url']!r} does not start https://")
    return faults


def _comparison(cells: dict[str, str]) -> Comparison:
    return Comparison(
        figure=cells["figure"],
        year=cells["year"],
        area=cells["area"],
        value=Decimal(cells["value"]),
        title=cells["title"],
        published=cells["published"],
        url=cells["url"],
    )


def load(path: Path) -> list[Comparison]:
    """Every row of one file, or BadComparisons naming the first bad row."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise BadComparisons(
                    f"{path}: the first line lacks the column(s) {', '.join(missing)}"
                )
            found, seen = [], set()
            for row in reader:
                line = reader.line_num
                cells = {k: (v or "").strip() for k, v in row.items() if k}
                faults = _faults(cells)
                if faults:
                    raise BadComparisons(f"{path}, line {line}: {'; '.join(faults)}")
                key = (cells["figure"], cells["year"], cells["area"])
                if key in seen:
                    raise BadComparisons(
                        f"{path}, line {line}: {key[0]} {key[1]} {key[2]} is "
                        "given twice"
                    )
                seen.add(key)
                found.append(_comparison(cells))
    except OSError as error:
        raise BadComparisons(f"{path}: cannot be read ({error.strerror})") from error
    return found


@cache
def _loaded(extra: str) -> tuple[Comparison, ...]:
    rows = load(SHIPPED)
    if extra:
        # The council's rows come after and replace a shipped row of the same key.
        own = load(Path(extra))
        keys = {(c.figure, c.year, c.area) for c in own}
        rows = [c for c in rows if (c.figure, c.year, c.area) not in keys] + own
    return tuple(rows)


def loaded() -> tuple[Comparison, ...]:
    """The shipped rows and the council's (HAVEN_COMPARISONS_FILE), read once."""
    return _loaded(str(getattr(settings, "HAVEN_COMPARISONS_FILE", "") or ""))


def for_figure(key: str) -> list[Comparison]:
    """Each area's latest row for a figure, England first."""
    latest: dict[str, Comparison] = {}
    for row in loaded():
        if row.figure == key and row.year >= latest.get(row.area, row).year:
            latest[row.area] = row
    return sorted(latest.values(), key=lambda c: (c.area != "England", c.area))
