"""Commitments: what the current placements will cost, from today to the end
of this financial year and over three financial years (this one, from today,
and the next two), by cost centre, placement type and provider.

The assumption, stated on the page: each placement with a provider continues
until the first of

- its end, where one is recorded for a day after today (Haven's placements
  hold no separate planned end date: a future end is the planned one);
- the child's 18th birthday (the day they stop being looked after; the
  birthday itself is not committed), the 29 February's child's on 1 March;
- the end of the third financial year.

Placements recorded to start after today are committed from their start. The
rate of each day is the one `RateBook.weekly_on` gives (a spot purchase, the
in-house allowance by age band plus the carer's fee, or the provider's rate),
including rates already set to start in the future.

Computing day by day over three years for thousands of placements is too
slow, so each placement is cut into segments at every date where its rate can
change (a rate's start or end, an age-band birthday, the end of a financial
year) and each segment is priced once: weekly rate x days / 7, rounded to the
penny as a payment line is (rates.line_amount). Days with no rate in force are
counted as unpriced, not costed.
"""

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F

from haven.care.codes import PlacementType
from haven.care.models import Placement, Provider
from haven.finance.rates import (
    RateBook,
    Stay,
    age_band,
    in_force,
    line_amount,
    rate_book,
)

YEARS = 3
ZERO = Decimal("0.00")
BAND_AGES = (5, 11, 16)  # the birthdays that move a child's allowance band
ADULT = 18


def financial_year(day: dt.date) -> int:
    """The year the financial year holding `day` starts (1 April to 31 March)."""
    return day.year if day.month >= 4 else day.year - 1


def year_words(year: int) -> str:
    return f"{year}-{(year + 1) % 100:02d}"


def birthday(born: dt.date, age: int) -> dt.date:
    try:
        return born.replace(year=born.year + age)
    except ValueError:  # born on 29 February: the birthday is 1 March
        return dt.date(born.year + age, 3, 1)


@dataclass(frozen=True)
class Placed:
    """A placement as the forecast reads it (never a copy kept)."""

    stay: Stay
    place: str
    provider_name: str
    provider_kind: str


@dataclass(frozen=True)
class Commitment:
    placed: Placed
    until: dt.date  # exclusive
    why: str
    weekly_now: Decimal | None
    amounts: tuple[Decimal, ...]  # one a financial year
    unpriced_days: int

    @property
    def total(self) -> Decimal:
        return sum(self.amounts, ZERO)


def _until(stay: Stay, horizon: dt.date) -> tuple[dt.date, str]:
    found = [(horizon, "continues past the forecast")]
    if stay.ended_on is not None:
        found.append((stay.ended_on, "its recorded end"))
    if stay.born is not None:
        found.append((birthday(stay.born, ADULT), "the child's 18th birthday"))
    return min(found, key=lambda x: x[0])


def _changes(stay: Stay, book: RateBook, shared: Iterable[dt.date]) -> list[dt.date]:
    """Every date the rate of this stay can change on."""
    found = [
        day
        for spans in (
            book.placement.get(stay.placement_id, ()),
            book.provider.get(stay.provider_id, ()),
        )
        for span in spans
        for day in (span.start, span.stop)
        if day is not None
    ]
    if stay.in_house:
        found += shared
        for span in book.carer_level.get(stay.carer_id or 0, ()):
            found += [span.start] if span.stop is None else [span.start, span.stop]
        if stay.born is not None:
            found += [birthday(stay.born, age) for age in BAND_AGES]
    return found


class Memo:
    """`RateBook.weekly_on`, remembered by what the rate of a day depends on:
    the provider and the day, or for the authority's own foster carers the
    age band, fee level and day. Thousands of placements share a few
    segment starts (today, each 1 April), so most days are priced once. A
    placement with its own rate (a spot purchase) is always asked afresh."""

    def __init__(self, book: RateBook) -> None:
        self.book = book
        self.known: dict[tuple, Decimal | None] = {}

    def weekly_on(self, stay: Stay, day: dt.date) -> Decimal | None:
        book = self.book
        if stay.placement_id in book.placement:
            return book.weekly_on(stay, day)
        key: tuple
        if stay.in_house and stay.carer_id is not None and stay.born is not None:
            level = in_force(book.carer_level.get(stay.carer_id, ()), day)
            key = (age_band(stay.born, day), level, day)
        else:
            key = (stay.in_house, stay.carer_id is None, stay.provider_id, day)
        if key not in self.known:
            self.known[key] = book.weekly_on(stay, day)
        return self.known[key]


def _price(run: tuple[int, Decimal | None, int] | None, amounts: list) -> int:
    """Add a run of days at one rate to its year; the days unpriced, if so."""
    if run is None:
        return 0
    year, weekly, days = run
    if weekly is None:
        return days
    amounts[year] += line_amount(weekly, days)
    return 0


def commit(
    placed: Placed,
    book: RateBook,
    *,
    today: dt.date,
    year_starts: Sequence[dt.date],
    shared: frozenset[dt.date] | None = None,
    memo: Memo | None = None,
) -> Commitment:
    """One placement's commitment from today (pure). `year_starts` are the
    financial years' first days and, last, the day after the forecast;
    `shared`, the allowances' and fees' dates (`book_dates`), read once for
    many placements."""
    stay = placed.stay
    if shared is None:
        shared = book_dates(book, today, year_starts[-1])
    rates = memo or Memo(book)
    start = max(today, stay.started_on)
    until, why = _until(stay, year_starts[-1])
    cuts = {*_changes(stay, book, shared), *year_starts[1:]}
    edges = [start, *sorted(d for d in cuts if start < d < until), until]
    amounts = [ZERO] * (len(year_starts) - 1)
    unpriced = 0
    year = 0
    run: tuple[int, Decimal | None, int] | None = None  # (year, rate, days)
    for first, stop in zip(edges, edges[1:], strict=False):
        if stop <= first:
            continue
        while first >= year_starts[year + 1]:
            year += 1
        weekly = rates.weekly_on(stay, first)
        days = (stop - first).days
        # Equal rates either side of a cut are one line, rounded once, as a
        # payment run would round them.
        if run is not None and run[:2] == (year, weekly):
            run = (year, weekly, run[2] + days)
            continue
        unpriced += _price(run, amounts)
        run = (year, weekly, days)
    unpriced += _price(run, amounts)
    now = rates.weekly_on(stay, start) if start < until else None
    return Commitment(placed, until, why, now, tuple(amounts), unpriced)


def book_dates(
    book: RateBook, after: dt.date = dt.date.min, before: dt.date = dt.date.max
) -> frozenset[dt.date]:
    """The dates between `after` and `before` that any fostering allowance or
    fee changes on."""
    return frozenset(
        day
        for spans in (*book.allowance.values(), *book.fee.values())
        for span in spans
        for day in (span.start, span.stop)
        if day is not None and after < day < before
    )


def placed_now(today: dt.date, horizon: dt.date) -> list[Placed]:
    """The placements with a provider holding today or starting before the
    horizon (one query, the fields the forecast needs only)."""
    rows = (
        Placement.objects.filter(provider__isnull=False, started_on__lt=horizon)
        .exclude(ended_on__lte=today)
        .exclude(ended_on=F("started_on"))
        .values_list(
            "pk",
            "period__person_id",
            "period__person__date_of_birth",
            "provider_id",
            "provider__kind",
            "provider__name",
            "carer_id",
            "place",
            "started_on",
            "ended_on",
        )
    )
    return [
        Placed(
            Stay(
                placement_id=pk,
                child_id=child,
                provider_id=provider,
                started_on=started,
                ended_on=ended,
                carer_id=carer,
                born=born,
                in_house=kind == Provider.Kind.LA_FOSTERING,
            ),
            place,
            name,
            kind,
        )
        for pk, child, born, provider, kind, name, carer, place, started, ended in rows
    ]


def year_starts(today: dt.date, years: int = YEARS) -> list[dt.date]:
    first = financial_year(today)
    return [dt.date(first + n, 4, 1) for n in range(years + 1)]


def commitments(today: dt.date, years: int = YEARS) -> list[Commitment]:
    """Every current placement's commitment, from today over `years` financial
    years (this one first): one query for the placements, five for the rates."""
    starts = year_starts(today, years)
    placed = placed_now(today, starts[-1])
    stays = [p.stay for p in placed]
    book = rate_book(
        provider_ids={s.provider_id for s in stays},
        placement_ids={s.placement_id for s in stays},
        carer_ids={s.carer_id for s in stays if s.carer_id},
    )
    shared = book_dates(book, today, starts[-1])
    return [
        commit(p, book, today=today, year_starts=starts, shared=shared) for p in placed
    ]


@dataclass(frozen=True)
class Group:
    """Commitments summed under one heading (a cost centre, a type, a provider)."""

    name: str
    placements: int
    amounts: tuple[Decimal, ...]
    unpriced_days: int

    @property
    def total(self) -> Decimal:
        return sum(self.amounts, ZERO)


def grouped(
    found: Iterable[Commitment], key: Callable[[Commitment], str]
) -> list[Group]:
    """The commitments summed by `key`, the largest three-year total first."""
    sums: dict[str, list[Decimal]] = {}
    counts: dict[str, int] = {}
    unpriced: dict[str, int] = {}
    for item in found:
        name = key(item)
        if name not in sums:
            sums[name] = [ZERO] * len(item.amounts)
        sums[name] = [a + b for a, b in zip(sums[name], item.amounts, strict=True)]
        counts[name] = counts.get(name, 0) + 1
        unpriced[name] = unpriced.get(name, 0) + item.unpriced_days
    groups = [
        Group(name, counts[name], tuple(amounts), unpriced[name])
        for name, amounts in sums.items()
    ]
    return sorted(groups, key=lambda g: (-g.total, g.name))


def place_words(code: str) -> str:
    try:
        return f"{code}: {PlacementType(code).label}"
    except ValueError:
        return code
