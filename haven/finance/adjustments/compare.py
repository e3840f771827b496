"""The pure rule: paid lines and placements in, adjustment lines out.

Rather than visit every day of a long window, the comparison cuts each
placement's window at every date where something may change (a paid line's
bounds, the placement's start and end, a rate's start and end, a birthday into
the next age band) and reads each stretch once: within a stretch the rate owed
and the rates paid are the same every day."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from haven.finance.adjustments.reasons import Difference, reason
from haven.finance.rates import RateBook, Stay, line_amount

ZERO = Decimal("0.00")
ONCE = ("payment", "arrears")  # the kinds that pay a day, once


@dataclass(frozen=True)
class Paid:
    """A paid line, as the comparison needs it."""

    placement_id: int
    child_id: int
    provider_id: int
    starts_on: dt.date
    ends_on: dt.date
    weekly_rate: Decimal
    kind: str

    def covers(self, day: dt.date) -> bool:
        return self.starts_on <= day < self.ends_on


@dataclass(frozen=True)
class Adjustment:
    """A line a run adds for past days: `weekly_rate` is owed less paid."""

    placement_id: int
    child_id: int
    provider_id: int
    starts_on: dt.date
    ends_on: dt.date
    weekly_rate: Decimal
    kind: str
    reason: str

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days

    @property
    def amount(self) -> Decimal:
        return line_amount(self.weekly_rate, self.days)


def _birthdays(born: dt.date | None) -> list[dt.date]:
    """The days a child may move age band (both sides of 29 February)."""
    if born is None:
        return []
    found = []
    for age in (5, 11, 16):
        try:
            found.append(born.replace(year=born.year + age))
        except ValueError:
            found += [dt.date(born.year + age, 2, 28), dt.date(born.year + age, 3, 1)]
    return found


def _rate_changes(book: RateBook, stay: Stay) -> Iterable[dt.date]:
    spans = [*book.placement.get(stay.placement_id, ())]
    spans += book.provider.get(stay.provider_id, ())
    if stay.in_house:
        levels = book.carer_level.get(stay.carer_id or 0, ())
        spans += levels
        for band_spans in book.allowance.values():
            spans += band_spans
        for fee_spans in book.fee.values():
            spans += fee_spans
        yield from _birthdays(stay.born)
    for span in spans:
        yield span.start
        if span.stop is not None:
            yield span.stop


@dataclass(frozen=True)
class Window:
    """The past days a run compares: [starts_on, ends_on)."""

    starts_on: dt.date
    ends_on: dt.date


def adjustments(
    stays: Sequence[Stay],
    paid: Sequence[Paid],
    book: RateBook,
    window: Window,
    *,
    providers: set[int],
) -> list[Adjustment]:
    """Every difference between what was paid and what is owed, for the
    placements with these providers over the window (pure). `paid` holds every
    paid line of those placements in the window, whoever the provider."""
    by_placement: dict[int, list[Paid]] = defaultdict(list)
    for line in paid:
        by_placement[line.placement_id].append(line)
    stay_of = {s.placement_id: s for s in stays}
    found: list[Adjustment] = []
    for placement in sorted(set(stay_of) | set(by_placement)):
        stay = stay_of.get(placement)
        lines = by_placement.get(placement, [])
        keys = {x.provider_id for x in lines} | ({stay.provider_id} if stay else set())
        for provider in sorted(keys & providers):
            child = stay.child_id if stay else lines[0].child_id
            found += _one(stay, provider, child, lines, book, window)
    return found


def _cuts(stay: Stay | None, lines: list[Paid], book: RateBook, w: Window) -> list:
    cuts = {w.starts_on, w.ends_on}
    for line in lines:
        cuts |= {line.starts_on, line.ends_on}
    if stay is not None:
        cuts.add(stay.started_on)
        if stay.ended_on is not None:
            cuts.add(stay.ended_on)
        cuts |= set(_rate_changes(book, stay))
    return sorted(day for day in cuts if w.starts_on <= day <= w.ends_on)


def _one(
    stay: Stay | None,
    provider: int,
    child: int,
    lines: list[Paid],
    book: RateBook,
    w: Window,
) -> list[Adjustment]:
    """One placement's differences with one provider."""
    ours = stay if stay is not None and stay.provider_id == provider else None
    cuts = _cuts(stay, lines, book, w)
    found: list[Adjustment] = []
    open_: tuple[dt.date, Difference] | None = None
    for first in cuts[:-1]:
        difference = _difference(ours, provider, lines, book, first)
        if open_ is not None and difference != open_[1]:
            found.append(_line(stay, provider, child, open_, first, lines))
            open_ = None
        if open_ is None and difference is not None:
            open_ = (first, difference)
    if open_ is not None:
        found.append(_line(stay, provider, child, open_, cuts[-1], lines))
    return found


def _difference(
    stay: Stay | None, provider: int, lines: list[Paid], book: RateBook, day: dt.date
) -> Difference | None:
    """What differs on `day`, or None: an unpriced day is not compared (it is
    owed at no known rate, and shown as a fault until a rate is set)."""
    owed = ZERO
    if stay is not None and stay.placed(day):
        rate = book.weekly_on(stay, day)
        if rate is None:
            return None
        owed = rate
    covering = [x for x in lines if x.covers(day)]
    paid = sum((x.weekly_rate for x in covering if x.provider_id == provider), ZERO)
    if owed == paid:
        return None
    once = any(x.kind in ONCE for x in covering)
    return Difference(owed=owed, paid=paid, first_payment=not once)


def _line(
    stay: Stay | None,
    provider: int,
    child: int,
    open_: tuple[dt.date, Difference],
    stop: dt.date,
    lines: list[Paid],
) -> Adjustment:
    first, difference = open_
    return Adjustment(
        placement_id=stay.placement_id if stay else lines[0].placement_id,
        child_id=child,
        provider_id=provider,
        starts_on=first,
        ends_on=stop,
        weekly_rate=difference.owed - difference.paid,
        kind=difference.kind,
        reason=reason(difference, stay, provider, first, stop),
    )
