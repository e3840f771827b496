"""The demo authority's rates (synthetic amounts): each provider's weekly rate
by its kind, the fostering allowances by age band, the fee levels' fees, and a
fee level for each of the authority's own foster carers, all from before the
first placement, so every demo placement's days are priced; then a year of
payment runs with adjustments (haven/finance/adjustments/demo.py)."""

import datetime as dt
import random
from decimal import Decimal

from django.db.models import Min

from haven.care.models import Carer, Placement, Provider
from haven.core.models import User
from haven.finance import rates
from haven.finance.adjustments import demo as runs_demo
from haven.finance.bank import demo as bank_demo
from haven.finance.forecasts import demo as budgets_demo
from haven.finance.invoices import demo as invoices_demo
from haven.finance.models import AgeBand, FeeLevel, FosteringAllowance, ProviderRate

# Weekly rates by kind of provider: (basis, lowest, highest), in pounds.
PROVIDER_RATES: dict[str, tuple[str, int, int]] = {
    Provider.Kind.AGENCY: (ProviderRate.Basis.FRAMEWORK, 780, 980),
    Provider.Kind.CHILDRENS_HOME: (ProviderRate.Basis.RATE_CARD, 4200, 7800),
    Provider.Kind.SECURE_HOME: (ProviderRate.Basis.RATE_CARD, 8400, 9800),
    Provider.Kind.SUPPORTED: (ProviderRate.Basis.RATE_CARD, 1100, 2600),
    Provider.Kind.OTHER: (ProviderRate.Basis.RATE_CARD, 1500, 4000),
}
ALLOWANCES = {
    AgeBand.UNDER_5: "182.00",
    AgeBand.FROM_5: "203.00",
    AgeBand.FROM_11: "231.00",
    AgeBand.FROM_16: "270.00",
}
FEES = {
    FeeLevel.LEVEL_1: "0.00",
    FeeLevel.LEVEL_2: "95.00",
    FeeLevel.LEVEL_3: "190.00",
    FeeLevel.LEVEL_4: "310.00",
}


def populate() -> None:
    """Set the demo's rates, by its first finance officer, where none are set
    yet: the benchmark builds its authority in slices and calls this for each,
    so the providers and carers a later slice adds are priced too. A generator
    of its own, so the rest of the demo draws as it did before finance."""
    rng = random.Random("finance")
    by = User.objects.get(username="finance-officer")
    first = Placement.objects.aggregate(first=Min("started_on"))["first"]
    since = (first or dt.date(2015, 4, 1)).replace(month=4, day=1) - dt.timedelta(
        days=366
    )
    if not FosteringAllowance.objects.exists():
        for band, amount in ALLOWANCES.items():
            rates.set_allowance(band, weekly_amount=amount, started_on=since, by=by)
        for level, amount in FEES.items():
            rates.set_fee_rate(level, weekly_amount=amount, started_on=since, by=by)
    unpriced = Provider.objects.filter(rates__isnull=True, kind__in=PROVIDER_RATES)
    for provider in unpriced.order_by("pk"):
        basis, low, high = PROVIDER_RATES[provider.kind]
        weekly = Decimal(rng.randrange(low * 100, high * 100)) / 100
        rates.set_provider_rate(
            provider, basis=basis, weekly_amount=weekly, started_on=since, by=by
        )
    in_house = Carer.objects.filter(
        provider__kind=Provider.Kind.LA_FOSTERING, fee_levels__isnull=True
    )
    for carer in in_house.select_related("provider").order_by("pk"):
        chosen = rng.choice(FeeLevel.values)
        rates.set_carer_fee_level(carer, level=chosen, started_on=since, by=by)
    bank_demo.populate_details()  # before the runs: no run lacks a payee's details
    runs_demo.populate()  # a year of payment runs, with adjustments
    bank_demo.populate_one_offs()  # after the runs: waiting for the next
    invoices_demo.populate()
    budgets_demo.populate()  # after the runs: their actuals
