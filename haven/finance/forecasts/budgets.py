"""Budgets, and the actuals they are read against.

A budget is set for a cost centre and a financial year, either as twelve
monthly amounts (a profile) or as an annual amount split evenly: each month
from April to February gets the annual amount / 12 rounded down to the penny,
and March gets what is left, so the months add up to the annual amount
exactly (`EVEN_RULE`, shown on the page).

Actuals are the paid payment lines (PaymentLine, paid=True: approved runs,
their recoveries and arrears included), by the month the days paid fall in: a
line whose days cross a month end is split by days, each month's part rounded
to the penny and the last month taking what is left, so the parts add up to
the line (`ACTUALS_RULE`). The cost centre is the provider's kind's; the
section 251 outturn line is the cost centre's.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from haven.core import clock
from haven.core.errors import Failures
from haven.core.permissions import may_manage_payments, require
from haven.finance.forecasts import centres
from haven.finance.forecasts.models import Budget
from haven.finance.models import PaymentLine
from haven.finance.rates import PENNY

ZERO = Decimal("0.00")
MONTHS = (
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "January",
    "February",
    "March",
)
EVEN_RULE = (
    "A budget set as an annual amount is split evenly: April to February each "
    "get a twelfth, rounded down to the penny, and March what is left."
)
ACTUALS_RULE = (
    "Actuals are the paid payment lines, by the month their days fall in; a "
    "line crossing a month end is split by days, rounded to the penny, the "
    "last month taking what is left."
)


def month_starts(year: int) -> list[dt.date]:
    """The first days of the financial year's months, and of the next year."""
    found = []
    for index in range(13):
        month = 4 + index
        found.append(dt.date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1))
    return found


def split_evenly(annual: Decimal) -> list[Decimal]:
    each = (annual / 12).quantize(PENNY, rounding=ROUND_DOWN)
    return [each] * 11 + [annual - each * 11]


def _money(value: Any, what: str, field: str, failures: Failures) -> Decimal:
    text = str(value if value is not None else "").strip().lstrip("£")
    text = text.replace(",", "")
    try:
        amount = Decimal(text)
    except (InvalidOperation, ValueError):
        amount = Decimal("-1")
    if isinstance(value, float) or not amount.is_finite() or amount < 0:
        failures.add("amount_invalid", f"Enter {what} in pounds, like 250000", field)
        return ZERO
    if amount != amount.quantize(PENNY):
        failures.add("amount_not_pennies", f"Enter {what} to the penny at most", field)
    return amount.quantize(PENNY)


def _months(monthly: Sequence[Any], failures: Failures) -> list[Decimal]:
    found = []
    for index, name in enumerate(MONTHS):
        value = monthly[index] if index < len(monthly) else ""
        blank = value in ("", None)
        found.append(
            ZERO
            if blank
            else _money(value, f"the budget for {name}", f"month_{index}", failures)
        )
    if not failures and not any(found):
        failures.add(
            "months_required", "Enter the budget for at least one month", "month_0"
        )
    return found


@transaction.atomic
def set_budget(
    provider_kind: str,
    *,
    year: Any,
    profile: str,
    annual: Any = None,
    monthly: Sequence[Any] = (),
    by: Any,
) -> Budget:
    """Set (or set again) a cost centre's budget for a financial year: an
    annual amount split evenly, or a monthly profile from April."""
    require(may_manage_payments(by), "Only a finance officer may set budgets")
    failures = Failures()
    if provider_kind not in centres.DEFAULTS:
        failures.add("centre_required", "Choose the cost centre", "provider_kind")
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        failures.add("year_required", "Choose the financial year", "year")
    months: list[Decimal] = []
    if profile == Budget.Profile.EVEN:
        amount = _money(annual, "the annual budget", "annual", failures)
        months = split_evenly(amount)
    elif profile == Budget.Profile.MONTHLY:
        months = _months(monthly, failures)
    else:
        failures.add(
            "profile_required",
            "Choose an annual amount split evenly or a monthly profile",
            "profile",
        )
    failures.raise_any()
    centre = centres.centre_row(provider_kind)
    budget, _ = Budget.objects.select_for_update().update_or_create(
        cost_centre=centre,
        year=year,
        defaults={
            "annual": sum(months, ZERO),
            "profile": profile,
            "monthly": [str(m) for m in months],
            "set_by": by,
            "set_at": clock.now(),
        },
    )
    return budget


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def split_by_month(
    starts_on: dt.date, ends_on: dt.date, amount: Decimal
) -> dict[tuple[int, int], Decimal]:
    """A line's amount by (year, month) of its days (ACTUALS_RULE)."""
    days = (ends_on - starts_on).days
    parts: dict[tuple[int, int], Decimal] = {}
    left, first = amount, starts_on
    while first < ends_on:
        stop = min(ends_on, _next_month(first))
        share = (amount * (stop - first).days / days).quantize(PENNY)
        parts[(first.year, first.month)] = share
        left -= share
        first = stop
    if parts:
        parts[max(parts)] += left  # what rounding left, so the parts add up
    return parts


def month_index(year: int, when: tuple[int, int]) -> int | None:
    """The month's place in the financial year starting in `year` (April is
    0), or None if it is not in that year."""
    index = (when[0] - year) * 12 + when[1] - 4
    return index if 0 <= index < 12 else None


@dataclass(frozen=True)
class Paid:
    provider_kind: str
    starts_on: dt.date
    ends_on: dt.date
    amount: Decimal
    child_id: int | None = None  # whose placement it paid for


def paid_in(year: int) -> list[Paid]:
    """The paid lines whose days fall in the financial year (one query)."""
    edges = month_starts(year)
    return paid_between(edges[0], edges[-1])


def paid_between(first: dt.date, after: dt.date) -> list[Paid]:
    """The paid lines with days from `first` to before `after` (one query),
    each with its child: the performance figures read payments here, never
    a copy of them."""
    rows = PaymentLine.objects.filter(
        paid=True, starts_on__lt=after, ends_on__gt=first
    ).values_list("provider__kind", "starts_on", "ends_on", "amount", "child_id")
    return [Paid(*row) for row in rows]


def budgeted(years: Iterable[int]) -> dict[str, dict[tuple[int, int], Decimal]]:
    """Each cost centre's (provider kind's) budget by (year, month), for the
    financial years starting in `years` (one query)."""
    found: dict[str, dict[tuple[int, int], Decimal]] = defaultdict(dict)
    rows = Budget.objects.filter(year__in=set(years)).values_list(
        "cost_centre__provider_kind", "year", "monthly"
    )
    for kind, year, monthly in rows:
        for start, amount in zip(month_starts(year), monthly, strict=False):
            found[kind][(start.year, start.month)] = Decimal(amount)
    return dict(found)


def actuals(year: int, lines: Iterable[Paid]) -> dict[str, list[Decimal]]:
    """Paid amounts by provider kind and month of the financial year (pure)."""
    found: dict[str, list[Decimal]] = defaultdict(lambda: [ZERO] * 12)
    for line in lines:
        if line.starts_on >= line.ends_on:
            continue
        for when, part in split_by_month(
            line.starts_on, line.ends_on, line.amount
        ).items():
            index = month_index(year, when)
            if index is not None:
                found[line.provider_kind][index] += part
    return dict(found)
