"""SEN2's census days, as data with their source, and the period each return
covers. The day is the DfE's choice each year (the third Thursday of January
so far, but never a formula): a council may override a year with the setting
HAVEN_SEN2_CENSUS_DATES ({"2028": "2028-01-20"}), and the page says so."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings

SOURCE = 'DfE "Special educational needs survey: guide to submitting data"'
OVERRIDE_SOURCE = "This council's setting HAVEN_SEN2_CENSUS_DATES"

CENSUS_DATES = {
    2023: dt.date(2023, 1, 19),
    2024: dt.date(2024, 1, 18),
    2025: dt.date(2025, 1, 16),
    2026: dt.date(2026, 1, 15),
    2027: dt.date(2027, 1, 21),
}


@dataclass(frozen=True)
class CensusDay:
    year: int
    day: dt.date
    source: str

    @property
    def period_start(self) -> dt.date:
        """The return counts work done in the calendar year before the census
        (sen2.md §1), plus plans active on the census day."""
        return dt.date(self.year - 1, 1, 1)

    @property
    def period_end(self) -> dt.date:
        return dt.date(self.year - 1, 12, 31)


def _overrides() -> dict[int, dt.date]:
    raw = getattr(settings, "HAVEN_SEN2_CENSUS_DATES", None) or {}
    return {int(year): dt.date.fromisoformat(str(day)) for year, day in raw.items()}


def years() -> list[int]:
    """The years Haven knows a census day for, latest first."""
    return sorted({*CENSUS_DATES, *_overrides()}, reverse=True)


def census_day(year: int) -> CensusDay | None:
    """The census day of the year's return and where it comes from, or None
    when neither the DfE list nor the council's setting has it."""
    override = _overrides().get(year)
    if override is not None:
        return CensusDay(year, override, OVERRIDE_SOURCE)
    day = CENSUS_DATES.get(year)
    return None if day is None else CensusDay(year, day, SOURCE)


def latest_before(today: dt.date) -> CensusDay | None:
    """The latest census day on or before today (the return being made)."""
    past = [c for y in years() if (c := census_day(y)) and c.day <= today]
    return max(past, key=lambda c: c.day, default=None)
