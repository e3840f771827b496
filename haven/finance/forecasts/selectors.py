"""What finance officers read of forecasts and budgets. Every selector takes
the user and refuses anyone without manage_payments; a child is named only to
someone who may open their record (access.unnamed_for)."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from haven.core import access, clock
from haven.core.permissions import may_manage_payments, require
from haven.finance.forecasts import budgets, centres, commitments
from haven.finance.forecasts.commitments import Commitment, Group
from haven.finance.forecasts.models import Budget
from haven.finance.selectors import child_name
from haven.people.models import Person

ZERO = Decimal("0.00")
HIGHEST = 10


def _may(user: Any) -> None:
    require(may_manage_payments(user), "Only finance officers see forecasts")


@dataclass(frozen=True)
class Costly:
    """One of the highest-cost placements, as this user may read it."""

    name: str
    commitment: Commitment


@dataclass(frozen=True)
class Forecast:
    today: dt.date
    years: list[str]
    total: Group
    by_centre: list[Group]
    by_type: list[Group]
    by_provider: list[Group]
    highest: list[Costly]

    @property
    def columns(self) -> list[tuple[str, Decimal]]:
        """The totals: to the end of this year, then each later year."""
        labels = [f"To the end of {self.years[0]}", *self.years[1:]]
        return list(zip(labels, self.total.amounts, strict=True))


def _highest(user: Any, found: list[Commitment]) -> list[Costly]:
    priced = [c for c in found if c.weekly_now is not None]
    top = sorted(
        priced, key=lambda c: (-(c.weekly_now or ZERO), c.placed.stay.placement_id)
    )[:HIGHEST]
    ids = {c.placed.stay.child_id for c in top}
    people = Person.objects.in_bulk(ids)
    unnamed = access.unnamed_for(user, ids)
    shown = []
    for item in top:
        child = item.placed.stay.child_id
        name = child_name(people.get(child), child, unnamed)
        shown.append(Costly(name, item))
    return shown


def forecast(user: Any) -> Forecast:
    """The current placements' commitments from today, grouped three ways."""
    _may(user)
    today = clock.today()
    found = commitments.commitments(today)
    named = centres.centres()
    first = commitments.financial_year(today)
    years = [commitments.year_words(first + n) for n in range(commitments.YEARS)]
    total = commitments.grouped(found, lambda _c: "All placements")
    empty = Group("All placements", 0, (ZERO,) * commitments.YEARS, 0)
    return Forecast(
        today=today,
        years=years,
        total=total[0] if total else empty,
        by_centre=commitments.grouped(
            found, lambda c: str(named[c.placed.provider_kind])
        ),
        by_type=commitments.grouped(
            found, lambda c: commitments.place_words(c.placed.place)
        ),
        by_provider=commitments.grouped(found, lambda c: c.placed.provider_name),
        highest=_highest(user, found),
    )


@dataclass(frozen=True)
class CentreYear:
    """A cost centre's budget and actuals, month by month."""

    name: str
    budget: Budget | None
    budgeted: list[Decimal]
    actual: list[Decimal]

    @property
    def budget_total(self) -> Decimal:
        return sum(self.budgeted, ZERO)

    @property
    def actual_total(self) -> Decimal:
        return sum(self.actual, ZERO)

    @property
    def left(self) -> Decimal:
        return self.budget_total - self.actual_total

    @property
    def months(self) -> list[tuple[str, Decimal, Decimal, Decimal]]:
        return [
            (name, b, a, b - a)
            for name, b, a in zip(
                budgets.MONTHS, self.budgeted, self.actual, strict=True
            )
        ]


@dataclass(frozen=True)
class OutturnLine:
    line: str
    verified: bool
    amount: Decimal


@dataclass(frozen=True)
class YearReport:
    year: int
    words: str
    centres: list[CentreYear]
    outturn: list[OutturnLine]
    unverified: bool

    @property
    def budget_total(self) -> Decimal:
        return sum((c.budget_total for c in self.centres), ZERO)

    @property
    def actual_total(self) -> Decimal:
        return sum((c.actual_total for c in self.centres), ZERO)


def year_report(user: Any, year: int) -> YearReport:
    """Budget against actuals by cost centre and month, and the year's spend
    in the section 251 outturn lines, for the financial year from `year`."""
    _may(user)
    named = centres.centres()
    spent = budgets.actuals(year, budgets.paid_in(year))
    set_for = {
        b.cost_centre.provider_kind: b
        for b in Budget.objects.filter(year=year).select_related("cost_centre")
    }
    rows = []
    for kind, centre in sorted(named.items(), key=lambda x: x[1].code):
        budget = set_for.get(kind)
        rows.append(
            CentreYear(
                str(centre),
                budget,
                [Decimal(m) for m in budget.monthly] if budget else [ZERO] * 12,
                spent.get(kind, [ZERO] * 12),
            )
        )
    lines: dict[tuple[str, bool], Decimal] = {}
    for kind, centre in named.items():
        key = (centre.outturn_line, centre.outturn_verified)
        lines[key] = lines.get(key, ZERO) + sum(spent.get(kind, []), ZERO)
    outturn = [OutturnLine(line, ok, amount) for (line, ok), amount in lines.items()]
    outturn.sort(key=lambda o: o.line)
    return YearReport(
        year,
        commitments.year_words(year),
        rows,
        outturn,
        unverified=not all(o.verified for o in outturn),
    )
