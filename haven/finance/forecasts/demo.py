"""The demo's budgets: one for each cost centre with placements, for this
financial year, at about what its current placements commit for a year (the
weekly rates now, for 52 weeks, 3% over, to the £1,000), split evenly; the
agencies' set month by month, more in the winter. Idempotent: a budget set
already is left as it is."""

from collections import defaultdict
from decimal import Decimal

from haven.core import clock
from haven.core.models import User
from haven.finance.forecasts import budgets, centres, commitments
from haven.finance.forecasts.models import Budget

WINTER = (1, 1, 1, 1, 1, 1, 1.1, 1.1, 1.1, 1.1, 0.9, 0.9)  # April first


def _annual(weekly: Decimal) -> Decimal:
    return (weekly * 52 * Decimal("1.03") / 1000).quantize(Decimal(1)) * 1000


def populate() -> None:
    by = User.objects.get(username="finance-officer")
    today = clock.today()
    year = commitments.financial_year(today)
    weekly: dict[str, Decimal] = defaultdict(Decimal)
    for item in commitments.commitments(today, years=1):
        weekly[item.placed.provider_kind] += item.weekly_now or Decimal(0)
    for kind, amount in sorted(weekly.items()):
        if kind not in centres.DEFAULTS or not amount:
            continue
        if Budget.objects.filter(cost_centre__provider_kind=kind, year=year).exists():
            continue
        annual = _annual(amount)
        if kind == "agency":
            months = [str((annual / 12 * Decimal(str(w))).quantize(1)) for w in WINTER]
            budgets.set_budget(
                kind, year=year, profile="monthly", monthly=months, by=by
            )
        else:
            budgets.set_budget(kind, year=year, profile="even", annual=annual, by=by)
