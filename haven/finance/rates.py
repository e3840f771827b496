"""The rate in force on a day, and the services that set rates.

Which rate pays a day of a placement, first match wins:

1. the placement's own rate (a spot purchase) in force that day;
2. for a child placed with one of the authority's own foster carers, the
   fostering allowance for the child's age band that day (the band changes on
   the birthday, even in the middle of a payment period) plus the fee for the
   carer's fee level that day (no fee when the carer has no level that day);
3. the provider's rate (its framework contract or rate card) in force that day.

A day with none of these is unpriced: it is shown as owed at no known rate and
never paid until a rate is set.

Money is a Decimal to the penny, never a float. **Rounding rule**: a payment
line is a run of consecutive days of one child's placement at one weekly rate;
its amount is weekly rate x days / 7, computed exactly and rounded once, to the
penny, half up (ROUND_HALF_UP: 0.005 becomes 0.01). Days are never rounded one
by one, so a line of seven days is exactly the weekly rate. The pages show this
rule beside every amount (`ROUNDING_RULE`).

A rate is never edited: a new rate from a date ends the one open then (its end
the new one's start), and overlapping rates for one thing are refused (by the
database's exclusion constraints on PostgreSQL, by `Period.clash` on both).
"""

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.db import models, transaction

from haven.care.models import Carer, Placement, Provider
from haven.core import journal
from haven.core.errors import Failures
from haven.core.permissions import may_manage_payments, require
from haven.finance.models import (
    AgeBand,
    CarerFeeLevel,
    FeeLevel,
    FeeRate,
    FosteringAllowance,
    ProviderRate,
)
from haven.finance.models.rates import (
    ALLOWANCE_PERIOD,
    CARER_LEVEL_PERIOD,
    FEE_RATE_PERIOD,
    PLACEMENT_RATE,
    PROVIDER_RATE,
)

PENNY = Decimal("0.01")
ROUNDING_RULE = (
    "Each line is the weekly rate times the days, divided by 7, rounded once "
    "to the penny (half a penny rounds up)."
)


def line_amount(weekly: Decimal, days: int) -> Decimal:
    """A line's amount: weekly x days / 7, rounded once, half up, to the penny."""
    return (weekly * days / 7).quantize(PENNY, rounding=ROUND_HALF_UP)


def age_band(born: dt.date, day: dt.date) -> AgeBand:
    """The child's allowance band on `day` (the band changes on the birthday)."""
    age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    if age < 5:
        return AgeBand.UNDER_5
    if age < 11:
        return AgeBand.FROM_5
    if age < 16:
        return AgeBand.FROM_11
    return AgeBand.FROM_16


# --- the rate of a day (pure) ---------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A value in force from `start` to `stop` (exclusive; None while open)."""

    start: dt.date
    stop: dt.date | None
    value: Any

    def holds(self, day: dt.date) -> bool:
        return self.start <= day and (self.stop is None or day < self.stop)


def in_force(spans: Sequence[Span], day: dt.date) -> Any:
    """The value of the span holding on `day`, or None."""
    for span in spans:
        if span.holds(day):
            return span.value
    return None


@dataclass(frozen=True)
class Stay:
    """A placement as finance reads it from care's rows, never a copy kept."""

    placement_id: int
    child_id: int
    provider_id: int
    started_on: dt.date
    ended_on: dt.date | None
    carer_id: int | None = None
    born: dt.date | None = None
    in_house: bool = False

    def placed(self, day: dt.date) -> bool:
        return self.started_on <= day and (self.ended_on is None or day < self.ended_on)


# The columns a stay holds, read as values: a run reads thousands of
# placements, and reading them as objects made four of each (the child's
# every field among them).
_STAY_COLUMNS = (
    "pk",
    "period__person_id",
    "provider_id",
    "started_on",
    "ended_on",
    "carer_id",
    "period__person__date_of_birth",
    "provider__kind",
)


def stays_of(placements: "models.QuerySet[Placement]") -> list[Stay]:
    """The placements as finance reads them, in one query."""
    rows = placements.values_list(*_STAY_COLUMNS)
    return [
        Stay(
            placement_id=pk,
            child_id=child,
            provider_id=provider or 0,
            started_on=start,
            ended_on=end,
            carer_id=carer,
            born=born,
            in_house=kind == Provider.Kind.LA_FOSTERING,
        )
        for pk, child, provider, start, end, carer, born, kind in rows
    ]


@dataclass(frozen=True)
class RateBook:
    """Every rate that may price the days asked about, read once."""

    provider: Mapping[int, Sequence[Span]] = field(default_factory=dict)
    placement: Mapping[int, Sequence[Span]] = field(default_factory=dict)
    allowance: Mapping[str, Sequence[Span]] = field(default_factory=dict)
    fee: Mapping[str, Sequence[Span]] = field(default_factory=dict)
    carer_level: Mapping[int, Sequence[Span]] = field(default_factory=dict)

    def weekly_on(self, stay: Stay, day: dt.date) -> Decimal | None:
        """The weekly rate paying `day` of `stay`, by the rule above, or None."""
        own = in_force(self.placement.get(stay.placement_id, ()), day)
        if own is not None:
            return own
        if stay.in_house and stay.carer_id is not None:
            return self._fostering(stay, day)
        return in_force(self.provider.get(stay.provider_id, ()), day)

    def _fostering(self, stay: Stay, day: dt.date) -> Decimal | None:
        if stay.born is None:
            return None
        band = age_band(stay.born, day)
        allowance = in_force(self.allowance.get(band, ()), day)
        if allowance is None:
            return None
        level = in_force(self.carer_level.get(stay.carer_id or 0, ()), day)
        fee = in_force(self.fee.get(level, ()), day) if level else None
        return allowance + (fee or Decimal("0.00"))


def _spans(rows: Iterable[Any], key: str, value: str = "weekly_amount") -> dict:
    found: dict[Any, list[Span]] = {}
    for row in rows:
        span = Span(row.started_on, row.ended_on, getattr(row, value))
        found.setdefault(getattr(row, key), []).append(span)
    return found


def rate_book(
    *,
    provider_ids: Iterable[int],
    placement_ids: Iterable[int],
    carer_ids: Iterable[int],
) -> RateBook:
    """The rates that may price these placements, in five queries."""
    rates = ProviderRate.objects.filter(
        models.Q(provider_id__in=list(provider_ids), placement__isnull=True)
        | models.Q(placement_id__in=list(placement_ids))
    )
    provider_rows = [r for r in rates if r.placement_id is None]
    placement_rows = [r for r in rates if r.placement_id is not None]
    return RateBook(
        provider=_spans(provider_rows, "provider_id"),
        placement=_spans(placement_rows, "placement_id"),
        allowance=_spans(FosteringAllowance.objects.all(), "age_band"),
        fee=_spans(FeeRate.objects.all(), "level"),
        carer_level=_spans(
            CarerFeeLevel.objects.filter(carer_id__in=list(carer_ids)),
            "carer_id",
            value="level",
        ),
    )


# --- the services ---------------------------------------------------------------


def _amount(value: Any, failures: Failures) -> Decimal:
    """The weekly amount typed, to the penny; a fault if it is not one."""
    try:
        amount = Decimal(str(value).strip().lstrip("£").replace(",", ""))
    except (InvalidOperation, ValueError):
        amount = Decimal("-1")
    if isinstance(value, float) or not amount.is_finite() or amount < 0:
        failures.add(
            "amount_invalid",
            "Enter the weekly amount in pounds, like 512.40",
            "weekly_amount",
        )
        return Decimal("0.00")
    if amount != amount.quantize(PENNY):
        failures.add(
            "amount_not_pennies",
            "Enter the weekly amount to the penny, with no more than 2 decimal places",
            "weekly_amount",
        )
    return amount.quantize(PENNY)


def _dates(start: Any, end: Any, failures: Failures) -> None:
    if not isinstance(start, dt.date):
        failures.add("start_required", "Enter the date the rate starts", "started_on")
    elif end is not None and end < start:
        failures.add(
            "end_before_start",
            "The date the rate ends must be on or after the date it starts",
            "ended_on",
        )


def _supersede(
    rows: "models.QuerySet[Any]",
    period: Any,
    start: dt.date,
    end: dt.date | None,
    *,
    what: str,
    failures: Failures,
) -> Any:
    """The open row the new one replaces from `start` (ended that day), after
    checking the new period overlaps none of the others."""
    current = rows.filter(ended_on__isnull=True, started_on__lt=start).first()
    others = rows.exclude(pk=current.pk) if current else rows
    clash = period.clash(others, start, end, what=what)
    if clash is not None:
        failures.add("rate_overlaps", clash.message, "started_on")
    return current


def _end(row: Any, on: dt.date) -> None:
    if row is not None:
        row.ended_on = on
        row.save(update_fields=["ended_on"])


def _may_set_rates(by: Any) -> None:
    require(may_manage_payments(by), "Only a finance officer may set rates")


@transaction.atomic
def set_provider_rate(
    provider: Provider,
    *,
    basis: str,
    weekly_amount: Any,
    started_on: dt.date,
    ended_on: dt.date | None = None,
    reference: str = "",
    by: Any,
) -> ProviderRate:
    """A provider's weekly rate for all its placements from `started_on` (a
    framework contract or rate card); the rate open then ends that day."""
    _may_set_rates(by)
    provider = Provider.objects.select_for_update().get(pk=provider.pk)
    failures = Failures()
    if basis not in (ProviderRate.Basis.FRAMEWORK, ProviderRate.Basis.RATE_CARD):
        failures.add(
            "basis_invalid", "Choose a framework contract or a rate card", "basis"
        )
    amount = _amount(weekly_amount, failures)
    _dates(started_on, ended_on, failures)
    failures.raise_any()
    rows = ProviderRate.objects.filter(provider=provider, placement__isnull=True)
    current = _supersede(
        rows, PROVIDER_RATE, started_on, ended_on, what="the rate", failures=failures
    )
    failures.raise_any()
    _end(current, started_on)
    return ProviderRate.objects.create(
        provider=provider,
        basis=basis,
        weekly_amount=amount,
        started_on=started_on,
        ended_on=ended_on,
        reference=reference.strip(),
        created_by=by,
    )


@transaction.atomic
def set_placement_rate(
    placement: Placement,
    *,
    weekly_amount: Any,
    started_on: dt.date,
    ended_on: dt.date | None = None,
    reference: str = "",
    by: Any,
) -> ProviderRate:
    """A spot purchase: one placement's own weekly rate from `started_on`, above
    the provider's while it holds. Journaled on the child's record."""
    _may_set_rates(by)
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    failures = Failures()
    if placement.provider_id is None:
        failures.add("no_provider", "This placement has no provider to pay")
    amount = _amount(weekly_amount, failures)
    _dates(started_on, ended_on, failures)
    if isinstance(started_on, dt.date) and started_on < placement.started_on:
        failures.add(
            "before_placement",
            "The rate cannot start before the placement started",
            "started_on",
        )
    failures.raise_any()
    assert placement.provider is not None  # refused above
    rows = ProviderRate.objects.filter(placement=placement)
    current = _supersede(
        rows, PLACEMENT_RATE, started_on, ended_on, what="the rate", failures=failures
    )
    failures.raise_any()
    _end(current, started_on)
    rate = ProviderRate.objects.create(
        provider=placement.provider,
        placement=placement,
        basis=ProviderRate.Basis.SPOT,
        weekly_amount=amount,
        started_on=started_on,
        ended_on=ended_on,
        reference=reference.strip(),
        created_by=by,
    )
    journal.append(
        placement.period.person,
        "finance.placement_rate_set",
        {
            "placement": placement.pk,
            "provider": placement.provider_id,
            "weekly_amount": str(amount),
            "started_on": started_on.isoformat(),
            "ended_on": ended_on.isoformat() if ended_on else None,
        },
        by=by,
    )
    return rate


def _set_dated(
    model: Any,
    period: Any,
    owner: dict[str, Any],
    *,
    started_on: dt.date,
    values: dict[str, Any],
    what: str,
    failures: Failures,
) -> Any:
    _dates(started_on, None, failures)
    failures.raise_any()
    rows = model.objects.select_for_update().filter(**owner)
    current = _supersede(rows, period, started_on, None, what=what, failures=failures)
    failures.raise_any()
    _end(current, started_on)
    return model.objects.create(**owner, **values, started_on=started_on)


@transaction.atomic
def set_allowance(
    band: str, *, weekly_amount: Any, started_on: dt.date, by: Any
) -> FosteringAllowance:
    """The fostering allowance for an age band from `started_on`."""
    _may_set_rates(by)
    failures = Failures()
    if band not in AgeBand.values:
        failures.add("band_invalid", "Choose the age band", "age_band")
    amount = _amount(weekly_amount, failures)
    return _set_dated(
        FosteringAllowance,
        ALLOWANCE_PERIOD,
        {"age_band": band},
        started_on=started_on,
        values={"weekly_amount": amount},
        what="the allowance",
        failures=failures,
    )


@transaction.atomic
def set_fee_rate(
    level: str, *, weekly_amount: Any, started_on: dt.date, by: Any
) -> FeeRate:
    """The weekly fee for a fee level from `started_on`."""
    _may_set_rates(by)
    failures = Failures()
    if level not in FeeLevel.values:
        failures.add("level_invalid", "Choose the fee level", "level")
    amount = _amount(weekly_amount, failures)
    return _set_dated(
        FeeRate,
        FEE_RATE_PERIOD,
        {"level": level},
        started_on=started_on,
        values={"weekly_amount": amount},
        what="the fee",
        failures=failures,
    )


@transaction.atomic
def set_carer_fee_level(
    carer: Carer, *, level: str, started_on: dt.date, by: Any
) -> CarerFeeLevel:
    """The fee level a foster carer is paid at from `started_on`."""
    _may_set_rates(by)
    failures = Failures()
    if level not in FeeLevel.values:
        failures.add("level_invalid", "Choose the fee level", "level")
    if carer.provider.kind != Provider.Kind.LA_FOSTERING:
        failures.add(
            "not_in_house",
            "Fee levels are for the authority's own foster carers: an agency's "
            "carers are paid through the agency's rate",
        )
    return _set_dated(
        CarerFeeLevel,
        CARER_LEVEL_PERIOD,
        {"carer": carer},
        started_on=started_on,
        values={"level": level},
        what="the fee level",
        failures=failures,
    )
