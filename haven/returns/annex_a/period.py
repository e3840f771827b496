"""The window an Annex A looks back over. Ofsted asks for varying look-backs
(six months for a full inspection's lists, twelve for some focused visits):
the default is six months before the chosen "as at" date, and the page and
the command may ask for another number of months."""

import datetime as dt
from dataclasses import dataclass

DEFAULT_MONTHS = 6


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier (the month's last day where it is
    shorter: 31 August less 6 months is 28 or 29 February)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover: every month has 28 days


@dataclass(frozen=True)
class Period:
    """From the day after `months` before `as_at`, to `as_at`, inclusive."""

    as_at: dt.date
    months: int = DEFAULT_MONTHS

    @property
    def start(self) -> dt.date:
        return months_before(self.as_at, self.months) + dt.timedelta(days=1)

    @property
    def end(self) -> dt.date:
        return self.as_at

    @property
    def year_ago(self) -> dt.date:
        """The start of the twelve months the "in the last 12 months" columns count."""
        return months_before(self.as_at, 12) + dt.timedelta(days=1)

    def holds(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def overlaps(self, start: dt.date, end: dt.date | None) -> bool:
        return start <= self.end and (end is None or end >= self.start)


def year_end(year: int) -> dt.date:
    """The 31 March a collection year ends on: the registry's year for Annex A."""
    return dt.date(year, 3, 31)
