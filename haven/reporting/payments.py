"""Payments against budget: what the approved payment runs paid, by the month
the days paid fall in and by cost centre, beside the budget the finance
officers set. Both are read through the finance app (haven.finance.forecasts.
budgets: its paid lines, split across month ends by its one rule, and its
budgets), so the figure agrees to the penny with the finance year report.

Each item is one payment line's part in a month, about the child whose
placement it paid for: the bar opens onto the children and their amounts
(a restricted child counted, not named). A team's figure is the payments for
the children whose case it held on the first day paid in the month; budgets
are set for cost centres, not teams, so a team's figure has none."""

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from haven.finance.forecasts import budgets, centres
from haven.reporting.figures import BarKey, Figure, Item, declare
from haven.reporting.spans import Span
from haven.timescales.calendar import add_months


def _financial_years(span: Span) -> range:
    def year_of(day: dt.date) -> int:
        return day.year if day.month >= 4 else day.year - 1

    return range(year_of(span.first), year_of(span.last) + 1)


def _parts(span: Span) -> Iterable[tuple[budgets.Paid, dt.date, Decimal]]:
    """Each paid line's part in each month of the period, by the finance
    app's rule (ACTUALS_RULE), with the first day it pays in that month."""
    first = span.months[0].first.replace(day=1)
    after = add_months(span.months[-1].first.replace(day=1), 1)
    for line in budgets.paid_between(first, after):
        if line.starts_on >= line.ends_on:
            continue
        split = budgets.split_by_month(line.starts_on, line.ends_on, line.amount)
        for (year, month), part in split.items():
            day = max(line.starts_on, dt.date(year, month, 1))
            if first <= day < after:
                yield line, day, part


def _items(span: Span, bar_of: str) -> list[Item]:
    named = centres.centres()
    items = []
    for line, day, part in _parts(span):
        month = span.month_of(max(day, span.first)) or span.months[-1]
        centre = named[line.provider_kind]
        last = min(line.ends_on, add_months(day.replace(day=1), 1))
        items.append(
            Item(
                line.child_id or 0,
                month.key if bar_of == "month" else line.provider_kind,
                max(day, span.first),
                details=(str(centre), day, last - dt.timedelta(days=1), part),
                amount=part,
            )
        )
    return items


def _by_month(span: Span) -> list[Item]:
    return _items(span, "month")


def _by_centre(span: Span) -> list[Item]:
    return _items(span, "centre")


def _budget_by_month(span: Span) -> dict[str, Decimal]:
    found: dict[str, Decimal] = {}
    for months in budgets.budgeted(_financial_years(span)).values():
        for (year, month), amount in months.items():
            key = f"{year}-{month:02d}"
            found[key] = found.get(key, Decimal("0.00")) + amount
    return found


def _budget_by_centre(span: Span) -> dict[str, Decimal]:
    wanted = {(m.first.year, m.first.month) for m in span.months}
    return {
        kind: sum((a for when, a in months.items() if when in wanted), Decimal("0.00"))
        for kind, months in budgets.budgeted(_financial_years(span)).items()
    }


def _centres(span: Span, items: list[Item]) -> list[BarKey]:
    named = centres.centres()
    return [
        BarKey(kind, str(centre), centre.name)
        for kind, centre in sorted(named.items(), key=lambda x: x[1].code)
    ]


_COLUMNS = ("Cost centre", "Paid from", "Paid to", "Amount")
_SOURCE = (
    "The paid lines of approved payment runs (their arrears, recoveries and "
    "adjustments included) from the finance app, never a copy: "
    f"{budgets.ACTUALS_RULE} The budget is the finance officers' for each cost "
    f"centre ({budgets.EVEN_RULE}); a month counts whole, its budget and all "
    "the days paid in it, when the period takes in any of it."
)

PAYMENTS = declare(
    Figure(
        key="payments",
        name="Payments against budget",
        counts="The amounts paid by approved payment runs for the days of each "
        "month, against the budget set for the month",
        source=_SOURCE,
        compute=_by_month,
        unit="payments",
        columns=_COLUMNS,
        team_words="the team holding the child's case on the first day paid in "
        "the month (budgets are set for cost centres, not teams)",
        money=True,
        budget=_budget_by_month,
    )
)
PAYMENTS_BY_CENTRE = declare(
    Figure(
        key="payments_centres",
        name="Payments against budget by cost centre",
        counts="The amounts paid by approved payment runs for the days of the "
        "period, by cost centre, against the cost centre's budget",
        source=_SOURCE,
        compute=_by_centre,
        unit="payments",
        columns=_COLUMNS,
        team_words="the team holding the child's case on the first day paid in "
        "the month (budgets are set for cost centres, not teams)",
        bars=_centres,
        money=True,
        budget=_budget_by_centre,
    )
)
