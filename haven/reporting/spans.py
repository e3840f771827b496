"""The period a dashboard covers, cut into its calendar months: each figure
gives a value for each month (the first and last clipped to the period), or,
for a figure taken on one day, for the period's last day."""

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from haven.timescales.calendar import add_months

# Longer periods are refused by the form: five years of months is as many as a
# chart can still label.
MOST_MONTHS = 60


@dataclass(frozen=True)
class Month:
    """A month of the period, clipped to it: `first` to `last`, both included."""

    first: dt.date
    last: dt.date

    @cached_property  # asked for every item a figure finds in the month
    def key(self) -> str:
        return f"{self.first:%Y-%m}"

    @property
    def words(self) -> str:
        return f"{self.first:%B %Y}"

    @property
    def short(self) -> str:
        return f"{self.first:%b %y}"

    @property
    def whole(self) -> bool:
        return self.first.day == 1 and (self.last + dt.timedelta(days=1)).day == 1


@dataclass(frozen=True)
class Span:
    """From `first` to `last`, both included."""

    first: dt.date
    last: dt.date

    @cached_property
    def months(self) -> list[Month]:
        found = []
        start = self.first
        while start <= self.last:
            following = add_months(start.replace(day=1), 1)
            last = min(following - dt.timedelta(days=1), self.last)
            found.append(Month(start, last))
            start = following
        return found

    def month_of(self, day: dt.date) -> Month | None:
        """The month of the period a day falls in, if it falls in the period."""
        if not self.first <= day <= self.last:
            return None
        return next(m for m in self.months if m.first <= day <= m.last)

    @property
    def words(self) -> str:
        return f"{self.first:%-d %B %Y} to {self.last:%-d %B %Y}"


def last_twelve_months(today: dt.date) -> Span:
    """This month so far and the eleven before it."""
    return Span(add_months(today.replace(day=1), -11), today)
