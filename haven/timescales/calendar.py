"""England's working days and the calendar arithmetic statutory timescales use.

Pure functions on `datetime.date`; no database and no clock. The rules they apply
are in the timescales research note, section 2 ("Working days, school days, months"):

- A working day is any day other than a Saturday, a Sunday, Christmas Day, Good
  Friday or a bank holiday in England under the Banking and Financial Dealings Act
  1971 (substitute days and one-off proclaimed holidays included).
- "Within N working days of X": X is day 0 and the deadline is the Nth working day
  after X, even when X itself is not a working day.
- A month is a calendar month (Interpretation Act 1978 Sch 1) counted by the
  corresponding-date rule (Dodds v Walker [1981] 1 WLR 1027, HL): the same day N
  months later, or the last day of that month where that day does not exist.
"""

import datetime as dt
from functools import lru_cache

import holidays

_SATURDAY = 5
_ONE_DAY = dt.timedelta(days=1)


@lru_cache(maxsize=256)
def bank_holidays(year: int) -> frozenset[dt.date]:
    """England's bank holidays in `year`, Christmas Day and Good Friday included.

    The `holidays` package computes them from rules, offline, with the substitute
    days (28 December 2026 for Boxing Day on a Saturday), so no year needs a
    hand-kept table. One-off holidays proclaimed in future reach it only with a
    package update.
    """
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: dt.date) -> bool:
    """True unless `day` is a weekend day or an English bank holiday."""
    return day.weekday() < _SATURDAY and day not in bank_holidays(day.year)


def add_working_days(day: dt.date, n: int) -> dt.date:
    """The nth working day after `day` (before it, if n is negative).

    `day` is day 0 and need not be a working day itself: a referral received on a
    Saturday is due "+1 WD" on the Monday (or the Tuesday after a bank holiday).
    """
    step = _ONE_DAY if n >= 0 else -_ONE_DAY
    remaining = abs(n)
    while remaining:
        day += step
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """How many working days must be added to `start` to reach `end`.

    Counts the working days after `start` up to and including `end`, so that
    `working_days_between(d, add_working_days(d, n)) == n`. When `end` is before
    `start` the answer is negative: minus the working days from `end` up to, but
    not including, `start`.
    """
    if end < start:
        return -_count_working_days(end, start - _ONE_DAY)
    return _count_working_days(start + _ONE_DAY, end)


def _count_working_days(first: dt.date, last: dt.date) -> int:
    """The working days from `first` to `last`, both included."""
    count = 0
    day = first
    while day <= last:
        count += is_working_day(day)
        day += _ONE_DAY
    return count


def add_days(day: dt.date, n: int) -> dt.date:
    """`day` plus n calendar days (SEND periods are calendar days, SENDR 2014)."""
    return day + dt.timedelta(days=n)


def add_weeks(day: dt.date, n: int) -> dt.date:
    """`day` plus n calendar weeks: "one week" is 7 calendar days."""
    return day + dt.timedelta(weeks=n)


def add_months(day: dt.date, n: int) -> dt.date:
    """The corresponding date n calendar months after `day` (before, if negative).

    Where that month is too short the last day of the month is used, so 31 January
    + 1 month is 28 (or 29) February and 31 August + 6 months is the end of
    February (Dodds v Walker).
    """
    months_since_year_0 = day.year * 12 + day.month - 1 + n
    year, month_index = divmod(months_since_year_0, 12)
    month = month_index + 1
    return dt.date(year, month, min(day.day, _days_in_month(year, month)))


def next_fixed_date(after: dt.date, month: int, day: int) -> dt.date:
    """The next `day` of `month` on or after `after`, e.g. the next 15 February.

    29 February falls on 28 February in a common year, as add_months does.
    """
    _check_month_day(month, day)
    candidate = _clamped_date(after.year, month, day)
    if candidate < after:
        candidate = _clamped_date(after.year + 1, month, day)
    return candidate


def _clamped_date(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, _days_in_month(year, month)))


def _days_in_month(year: int, month: int) -> int:
    first_of_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return (first_of_next - _ONE_DAY).day


def _check_month_day(month: int, day: int) -> None:
    """Refuse a day that exists in no year (31 April); 29 February is allowed."""
    leap_year = 2000
    if not 1 <= month <= 12 or not 1 <= day <= _days_in_month(leap_year, month):
        raise ValueError(f"There is no day {day} in month {month}")
