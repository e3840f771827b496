"""What is owed: for a period and a provider, each child's days placed with
them at the rate in force each day, grouped into lines.

It reads care's placements (haven.care.models.Placement: provider, carer,
started_on, and ended_on, the first day the child was no longer there) every
time, and never keeps a copy: a social worker's correction to a placement is in
the next answer. `lines_owed` is the pure rule over placements and rates already
read; `owed` reads them.

A line is a run of consecutive days of one placement at one weekly rate; it
breaks where the rate changes (a new rate, a birthday into the next age band, a
change of fee level) and where the days already paid begin or end. Its amount
is rounded once, by haven.finance.rates.ROUNDING_RULE. Days with no rate in
force are gathered as unpriced, and are not owed until a rate is set.
"""

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F

from haven.care.models import Placement, Provider
from haven.finance.rate_turns import turns
from haven.finance.rates import RateBook, Stay, line_amount, rate_book, stays_of

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Line:
    """Days owed for one child's placement at one weekly rate, from `starts_on`
    to `ends_on` (exclusive). `weekly_rate` is None for unpriced days."""

    placement_id: int
    child_id: int
    provider_id: int
    starts_on: dt.date
    ends_on: dt.date
    weekly_rate: Decimal | None

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days

    @property
    def last_day(self) -> dt.date:
        return self.ends_on - ONE_DAY

    @property
    def amount(self) -> Decimal | None:
        if self.weekly_rate is None:
            return None
        return line_amount(self.weekly_rate, self.days)


def _days(start: dt.date, stop: dt.date) -> Iterable[dt.date]:
    day = start
    while day < stop:
        yield day
        day += ONE_DAY


def lines_owed(
    stays: Sequence[Stay],
    book: RateBook,
    *,
    starts_on: dt.date,
    ends_on: dt.date,
    paid: Callable[[int, dt.date], bool] = lambda _placement, _day: False,
) -> list[Line]:
    """Every day in [starts_on, ends_on) each stay was placed and not yet paid,
    at the weekly rate in force that day, grouped into lines (pure)."""
    found: list[Line] = []
    for stay in sorted(stays, key=lambda s: (s.child_id, s.started_on, s.placement_id)):
        first = max(starts_on, stay.started_on)
        stop = ends_on if stay.ended_on is None else min(ends_on, stay.ended_on)
        run_start: dt.date | None = None
        run_rate: Decimal | None = None
        turning = turns(book, stay, first, stop)
        asked: tuple[Decimal | None] | None = None  # the rate since the last turn
        for day in _days(first, stop):
            owed = not paid(stay.placement_id, day)
            if day in turning:
                asked = None
            if owed and asked is None:
                asked = (book.weekly_on(stay, day),)
            rate = asked[0] if owed and asked is not None else None
            if run_start is not None and (not owed or rate != run_rate):
                found.append(_line(stay, run_start, day, run_rate))
                run_start = None
            if owed and run_start is None:
                run_start, run_rate = day, rate
        if run_start is not None:
            found.append(_line(stay, run_start, stop, run_rate))
    return found


def _line(stay: Stay, start: dt.date, stop: dt.date, rate: Decimal | None) -> Line:
    return Line(stay.placement_id, stay.child_id, stay.provider_id, start, stop, rate)


def stays_with(
    providers: Iterable[Provider], *, starts_on: dt.date, ends_on: dt.date
) -> list[Stay]:
    """The placements with these providers holding on a day of the period, as
    finance reads them (one query)."""
    return stays_of(
        Placement.objects.filter(provider__in=list(providers), started_on__lt=ends_on)
        .exclude(ended_on__lte=starts_on)
        .exclude(ended_on=F("started_on"))
    )


def owed(
    providers: Iterable[Provider],
    *,
    starts_on: dt.date,
    ends_on: dt.date,
    paid: Callable[[int, dt.date], bool] = lambda _placement, _day: False,
) -> list[Line]:
    """What is owed to these providers for [starts_on, ends_on), read from the
    placements and rates now (the selector a run previews)."""
    stays = stays_with(providers, starts_on=starts_on, ends_on=ends_on)
    book = rate_book(
        provider_ids={s.provider_id for s in stays},
        placement_ids={s.placement_id for s in stays},
        carer_ids={s.carer_id for s in stays if s.carer_id},
    )
    return lines_owed(stays, book, starts_on=starts_on, ends_on=ends_on, paid=paid)
